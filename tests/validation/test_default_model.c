/*
 * test_default_model.c - the embedded Tuoketuo-Hohhot model against the
 * project's research notes (hohhot-line-and-climate.md, section 2, their own
 * EN 13941-style estimates): supply and return loss per metre of the DN1600
 * pair (about 168 and 46 W/m), supply temperature drop over the 68.4 km
 * line (about 0.41 K), total pipe loss (about 22.5 MW), bare chamber
 * fittings (about 20 kW per chamber side); and the engine's own closures:
 * energy balance, no warnings at the design point, the controlled
 * pressures met, every chamber and fitting present.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define NEAR(x, ref, rel) (fabs((x) / (ref)-1.0) <= (rel))

static void design_point(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, NULL) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_totals t;
    hl_model_totals(m, &t);
    double out =
        t.heat_delivered_w + t.heat_loss_pipes_w + t.heat_loss_fittings_w;
    /* the source and the pump and friction heat (issue 13) */
    assert_true(fabs(t.heat_source_w + t.pump_heat_w - out) < 1e-9 * out);
    assert_int_equal(hl_model_warning_count(m), 0);
    hl_node_result a, b;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "PLANT-S"), &a);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "HX-P-IN"), &b);
    double drop = a.temp_k - b.temp_k;
    /* with the pumps' heat (two relay stations on the supply) and the
     * friction the supply arrives warmer than it left (issue 13: "flat or
     * rising"); the notes' 0.41 K is the losses alone, checked below */
    printf("supply change over 68.4 km with pump heat: %+.3f K, pump and "
           "friction heat %.2f MW\n",
           -drop, t.pump_heat_w / 1e6);
    assert_true(drop < 0.0);
    assert_true(t.pump_heat_w > 70e6 && t.pump_heat_w < 95e6);
    hl_model_set_pump_heat(m, 0);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "PLANT-S"), &a);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "HX-P-IN"), &b);
    drop = a.temp_k - b.temp_k;
    printf("supply drop over 68.4 km, losses alone: %.3f K\n", drop);
    assert_true(drop > 0.35 && drop < 0.5);
    hl_model_totals(m, &t);
    assert_true(t.pump_heat_w == 0.0);
    /* the notes' estimates are of the losses alone (water at 130 and
     * about 50 C) */
    hl_pipe_result s, r;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "L1-S01"), &s);
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "L1-R01"), &r);
    printf("supply %.1f W/m, return %.1f W/m, pipes %.2f MW, fittings %.3f "
           "MW\n",
           s.heat_loss_w / s.length_m, r.heat_loss_w / r.length_m,
           t.heat_loss_pipes_w / 1e6, t.heat_loss_fittings_w / 1e6);
    assert_true(NEAR(s.heat_loss_w / s.length_m, 168.0, 0.02));
    assert_true(NEAR(r.heat_loss_w / r.length_m, 46.0, 0.03));
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
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(design_point), cmocka_unit_test(coating_scenario),
        cmocka_unit_test(light_loads), cmocka_unit_test(impossible_load)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
