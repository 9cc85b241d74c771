/*
 * test_default_model.c - the embedded Tuoketuo-Hohhot model against the
 * project's research notes (hohhot-line-and-climate.md, section 2, their own
 * EN 13941-style estimates): supply and return loss per metre of the DN1600
 * pair (about 168 and 46 W/m), supply temperature drop over the 68.4 km
 * line (about 0.41 K), total pipe loss (about 22.5 MW), bare chamber
 * fittings (about 20 kW per chamber side), those under the notes' own
 * assumption of one PUR lambda (0.033 W/(m K) at any temperature,
 * tests/data/materials/pur_aged_constant.csv); the model's lambda(T) of
 * each pipe at its own temperature against it; the engine's own closures:
 * energy balance, one warning at the design point (the PUR above its EN 253
 * continuous rating, none at 90 C), the controlled pressures met, every
 * chamber and fitting present.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define NEAR(x, ref, rel) (fabs((x) / (ref)-1.0) <= (rel))

static hl_model *load_default(int notes_lambda)
{
    hl_load_options o;
    hl_load_options_init(&o);
    if (notes_lambda)
        o.materials_path =
            test_data_file("data/materials/pur_aged_constant.csv");
    hl_model *m;
    if (hl_model_load_with(&m, NULL, &o) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

/* Warnings that flag insulation above its continuous rating. */
static int rating_warnings(const hl_model *m)
{
    int n = 0;
    for (int i = 0; i < hl_model_warning_count(m); i++)
        n += strstr(hl_model_warning(m, i), "continuous-operation rating") !=
             NULL;
    return n;
}

static void design_point(void **state)
{
    (void)state;
    hl_model *m = load_default(0);
    hl_totals t;
    hl_model_totals(m, &t);
    double out =
        t.heat_delivered_w + t.heat_loss_pipes_w + t.heat_loss_fittings_w;
    /* the source and the pump and friction heat (issue 13) */
    assert_true(fabs(t.heat_source_w + t.pump_heat_w - out) < 1e-9 * out);
    /* the one warning: the supply's PUR at 130 C, above EN 253's 120 C */
    assert_int_equal(hl_model_warning_count(m), 1);
    assert_int_equal(rating_warnings(m), 1);
    const char *w = hl_model_warning(m, 0);
    printf("%s\n", w);
    assert_non_null(strstr(w, "'pur-aged'"));
    assert_non_null(strstr(w, "rating 120 C"));
    assert_non_null(strstr(w, "in 51 pipes")); /* every supply pipe */
    assert_non_null(strstr(w, "L1-S01 130.0 C"));
    hl_node_result a, b;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "PLANT-S"), &a);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "HX-P-IN"), &b);
    double drop = a.temp_k - b.temp_k;
    /* with the pumps' heat (two relay stations on the supply) and the
     * friction the supply arrives warmer than it left (issue 13: "flat or
     * rising"); the notes' 0.41 K is the losses alone, checked below */
    printf("supply change over 68.4 km with pump heat: %+.3f K, pump and "
           "friction heat %.2f MW, pipes %.2f MW\n",
           -drop, t.pump_heat_w / 1e6, t.heat_loss_pipes_w / 1e6);
    assert_true(drop < 0.0);
    assert_true(t.pump_heat_w > 70e6 && t.pump_heat_w < 95e6);
    hl_model_free(m);
}

/* Supply and return loss per metre of L1-S01/L1-R01 and the totals, with
 * the pumps' and friction heat left out (the notes' estimates are of the
 * losses alone, water at 130 and about 50 C). */
static void losses_alone(hl_model *m, double *s_w_m, double *r_w_m,
                         hl_totals *t, double *drop)
{
    hl_model_set_pump_heat(m, 0);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_node_result a, b;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "PLANT-S"), &a);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "HX-P-IN"), &b);
    *drop = a.temp_k - b.temp_k;
    hl_model_totals(m, t);
    assert_true(t->pump_heat_w == 0.0);
    hl_pipe_result s, r;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "L1-S01"), &s);
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "L1-R01"), &r);
    *s_w_m = s.heat_loss_w / s.length_m;
    *r_w_m = r.heat_loss_w / r.length_m;
    printf("supply %.1f W/m, return %.1f W/m, pipes %.2f MW, fittings %.3f "
           "MW, supply drop over 68.4 km %.3f K\n",
           *s_w_m, *r_w_m, t->heat_loss_pipes_w / 1e6,
           t->heat_loss_fittings_w / 1e6, *drop);
}

/* The notes' estimates under the notes' assumption: one lambda. */
static void notes_estimates(void **state)
{
    (void)state;
    hl_model *m = load_default(1);
    double s, r, drop;
    hl_totals t;
    losses_alone(m, &s, &r, &t, &drop);
    assert_true(drop > 0.35 && drop < 0.5);
    assert_true(NEAR(s, 168.0, 0.02));
    assert_true(NEAR(r, 46.0, 0.03));
    assert_true(NEAR(t.heat_loss_pipes_w, 22.5e6, 0.05));
    assert_int_equal(hl_model_count(m, HL_CHAMBER), 50);
    assert_int_equal(hl_model_count(m, HL_FITTING), 400);
    /* about 20 kW per chamber side bare (notes 5.5), two sides, in the
     * notes' 25 C chamber air (solved air: tests/unit/test_chamber_air.c) */
    assert_int_equal(hl_model_set_chamber_temp(m, NULL, HL_ZERO_C_K + 25.0),
                     HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    hl_model_totals(m, &t);
    double per_chamber = t.heat_loss_fittings_w / 50.0;
    assert_true(per_chamber > 30e3 && per_chamber < 50e3);
    hl_model_free(m);
}

/* lambda(T) of each pipe at its own temperature (lambda_50 = 0.033 at
 * 50 C, rising with T): the supply's foam, whose mean runs above 50 C,
 * conducts more than the notes' one value, the return's less. */
static void own_temperature_lambda(void **state)
{
    (void)state;
    hl_model *mt = load_default(0), *mc = load_default(1);
    double st, rt, sc, rc, dt, dc;
    hl_totals tt, tc;
    losses_alone(mt, &st, &rt, &tt, &dt);
    losses_alone(mc, &sc, &rc, &tc, &dc);
    assert_true(st > 1.03 * sc);
    assert_true(rt < 0.99 * rc);
    assert_true(tt.heat_loss_pipes_w > tc.heat_loss_pipes_w);
    assert_true(dt > dc);
    hl_model_free(mt);
    hl_model_free(mc);
}

/* At a 90 C supply the PUR stays within its rating: no flag. */
static void no_flag_at_90c(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_model_set_supply_temp(m, NULL, HL_ZERO_C_K + 90.0);
    hl_model_set_demand_scale(m, 0.5);
    hl_model_set_air_temp(m, HL_ZERO_C_K + 5.0);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    for (int i = 0; i < hl_model_warning_count(m); i++)
        printf("90 C: %s\n", hl_model_warning(m, i));
    assert_int_equal(rating_warnings(m), 0);
    hl_model_free(m);
}

static void coating_scenario(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, NULL))
        fail_msg("%s", hl_model_error(m));
    /* the notes' figures are for 25 C chamber air (notes 5.5); the solved
     * air is tested in tests/unit/test_chamber_air.c */
    assert_int_equal(hl_model_set_chamber_temp(m, NULL, HL_ZERO_C_K + 25.0),
                     HL_OK);
    hl_totals bare, coated;
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    hl_model_totals(m, &bare);
    hl_model_set_fitting_state(m, NULL, HL_FIT_COATED);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    hl_model_totals(m, &coated);
    assert_true(coated.heat_loss_fittings_w < 0.3 * bare.heat_loss_fittings_w);
    assert_true(coated.heat_loss_fittings_by_state_w[HL_FIT_COATED] ==
                coated.heat_loss_fittings_w);
    /* 8 mm of coating keeps a 130 C valve body near 57 C (notes 5.5) */
    double hottest = 0.0;
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result f;
        hl_model_fitting_result(m, i, &f);
        if (f.surface_temp_k > hottest)
            hottest = f.surface_temp_k;
    }
    assert_true(hottest > HL_ZERO_C_K + 54 && hottest < HL_ZERO_C_K + 60);
    hl_model_free(m);
}

/* Light loads: the line at its warm-weather supply (85 C) from half the
 * design load down to 0.1 %, each from a fresh load (a cold start) and
 * each closing its energy balance. Below 5 % the damped Newton steps once
 * overflowed near the urban pumps' shut-off. */
static void light_loads(void **state)
{
    (void)state;
    const double scales[] = {0.5, 0.1, 0.05, 0.02, 0.01, 0.001};
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        hl_model *m;
        if (hl_model_load(&m, NULL))
            fail_msg("%s", hl_model_error(m));
        hl_model_set_demand_scale(m, scales[i]);
        hl_model_set_supply_temp(m, NULL, HL_ZERO_C_K + 85.0);
        hl_model_set_air_temp(m, HL_ZERO_C_K + 15.0);
        if (hl_model_solve(m, NULL))
            fail_msg("scale %g: %s", scales[i], hl_model_error(m));
        hl_totals t;
        hl_model_totals(m, &t);
        double out =
            t.heat_delivered_w + t.heat_loss_pipes_w + t.heat_loss_fittings_w;
        /* relative to the heat in: at 0.1 % load the pumps' heat is
         * forty times the source's */
        double in = t.heat_source_w + t.pump_heat_w;
        printf("scale %g: source %.4g W, pump heat %.4g W, residual %.3g "
               "W\n",
               scales[i], t.heat_source_w, t.pump_heat_w, in - out);
        assert_true(fabs(in - out) < 1e-6 * in);
        assert_true(NEAR(t.heat_delivered_w, scales[i] * 2.2e9, 1e-6));
        hl_model_free(m);
    }
}

/* Design load at 85 C asks the urban network for flows beyond any it can
 * carry (the heat exchanger cannot give 2.2 GW from 6,667 kg/s at 85 C):
 * one clear error naming a link, no NaN. */
static void impossible_load(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_model_set_supply_temp(m, NULL, HL_ZERO_C_K + 85.0);
    /* without pump heat the coupling cannot settle: one clear error */
    hl_model_set_pump_heat(m, 0);
    assert_int_equal(hl_model_solve(m, NULL), HL_ENOCONVERGE);
    const char *e = hl_model_error(m);
    printf("%s\n", e);
    assert_non_null(strstr(e, "link '"));
    assert_null(strstr(e, "nan"));
    /* with it the friction of those flows heats the water until it
     * "delivers" the load: a state with vacuum in the urban mains and
     * consumers short of differential pressure, which must be said to be
     * infeasible (issue 13), never passed off as a result */
    hl_model_set_pump_heat(m, 1);
    int rc = hl_model_solve(m, NULL), ok = 1;
    if (rc == HL_OK) {
        assert_int_equal(hl_model_feasible(m, &ok), HL_OK);
        assert_int_equal(ok, 0);
        int vacuum = 0, short_dp = 0;
        for (int i = 0; i < hl_model_violation_count(m); i++) {
            hl_violation v;
            hl_model_violation(m, i, &v);
            vacuum += v.kind == HL_VIOL_NEGATIVE_PRESSURE;
            short_dp += v.kind == HL_VIOL_CONSUMER_DP;
        }
        assert_true(vacuum > 0 && short_dp == 2);
    } else {
        assert_int_equal(rc, HL_ENOCONVERGE);
    }
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(design_point),
                                       cmocka_unit_test(notes_estimates),
                                       cmocka_unit_test(own_temperature_lambda),
                                       cmocka_unit_test(no_flag_at_90c),
                                       cmocka_unit_test(coating_scenario),
                                       cmocka_unit_test(light_loads),
                                       cmocka_unit_test(impossible_load)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
