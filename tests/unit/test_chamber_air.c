/*
 * test_chamber_air.c - the air of valve chambers from their heat balance
 * (issue 13 item 5, docs/physics.md "Chamber air"):
 * - one chamber with one DN300 gate valve: the envelope conductances
 *   worked out here from ISO 13370:2017 9.3 and ISO 6946 Table 7 with the
 *   documented defaults, and the air found here by bisection on direct
 *   fitting solves (hl_fitting_solve), against the engine's;
 * - more ventilation brings the air to the outdoor air;
 * - air_temp_c in the model and hl_model_set_chamber_temp still fix it,
 *   NaN gives it back to the balance;
 * - the default line: every chamber between the ground and the supply,
 *   each balance closed, jacketed fittings leave cooler air.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define C2K(c) ((c) + HL_ZERO_C_K)

/* 110 C water through a chamber with one bare DN300 gate valve at B;
 * ground 8 C, outdoor -12 C; extra: more chamber keys. */
static hl_model *one_chamber(const char *extra)
{
    char yaml[1500];
    snprintf(yaml, sizeof yaml,
             "heatline_model: 1\n"
             "settings: {ground_temp_c: 8, air_temp_c: -12}\n"
             "nodes:\n"
             "  - {id: A, pressure_bar_g: 6, inflow_temp_c: 110}\n"
             "  - {id: B}\n"
             "  - {id: C, pressure_bar_g: 5}\n"
             "pipes:\n"
             "  - {id: p1, from: A, to: B, length_m: 200,\n"
             "     inner_diameter_mm: 300, roughness_mm: 0.05}\n"
             "  - {id: p2, from: B, to: C, length_m: 200,\n"
             "     inner_diameter_mm: 300, roughness_mm: 0.05}\n"
             "chambers:\n"
             "  - {id: CH, %s\n"
             "     fittings: [{id: V, type: gate-valve, dn: 300, pn: 25,\n"
             "                 node: B}]}\n",
             extra);
    hl_model *m = NULL;
    if (hl_model_load_text(&m, yaml, strlen(yaml), "chamber.yaml", NULL,
                           NULL) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

/* The defaults by hand: inside 8 x 6 x 3.5 m, 0.4 m of concrete at 2.3
 * W/(m K), roof 1.0 m under soil of 1.5 W/(m K) (no buried pipe at the
 * chamber: ISO 13370 Table 7 clay or silt). */
static void envelope_by_hand(double *ground_w_k, double *roof_w_k)
{
    const double ls = 1.5, d = 0.4, rc = 0.4 / 2.3;
    double lo = 8.8, wo = 6.8, ho = 4.3, area = lo * wo;
    double per = 2.0 * (lo + wo), b = area / (0.5 * per);
    double z = 1.0 + ho;
    double dt = d + ls * (0.17 + rc + 0.04); /* ISO 13370 9.3 */
    double dw = ls * (0.13 + rc + 0.04);
    double e = dt + 0.5 * z;
    assert_true(e < b); /* the first of the two floor equations */
    double u_floor = 2.0 * ls / (M_PI * b + e) * log(M_PI * b / e + 1.0);
    double u_wall =
        2.0 * ls / (M_PI * z) * (1.0 + 0.5 * dt / (dt + z)) * log(z / dw + 1.0);
    *ground_w_k = area * u_floor + per * ho * u_wall;
    *roof_w_k = area / (0.10 + rc + 1.0 / ls + 0.04);
}

/* The valve's heat at water tw_k in air ta_k, solved directly. */
static double valve_w(double tw_k, double ta_k)
{
    static hl_fitting_catalog *cat;
    hl_error err;
    hl_error_clear(&err);
    if (!cat)
        assert_int_equal(hl_fitting_catalog_new(&cat, &err), HL_OK);
    int id = -1;
    assert_int_equal(hl_fitting_find(cat,
                                     hl_fitting_type_from_name("gate-valve"),
                                     300, 25, &id, &err),
                     HL_OK);
    hl_fitting_conditions c;
    hl_fitting_conditions_init(&c);
    c.medium_k = tw_k;
    c.air_k = c.radiant_k = ta_k;
    c.cover.state = HL_FIT_BARE;
    hl_fitting_result r;
    assert_int_equal(hl_fitting_solve(cat, id, &c, &r, &err), HL_OK);
    return r.heat_loss_w;
}

static void single_chamber_by_hand(void **state)
{
    (void)state;
    hl_model *m = one_chamber("");
    hl_chamber_result r;
    hl_chamber_fitting_result f;
    assert_int_equal(hl_model_chamber_result(m, 0, &r), HL_OK);
    assert_int_equal(hl_model_fitting_result(m, 0, &f), HL_OK);
    double g, roof;
    envelope_by_hand(&g, &roof);
    assert_double_equal(r.ground_w_k, g, 1e-9 * g);
    assert_double_equal(r.roof_w_k, roof, 1e-9 * roof);
    assert_double_equal(r.soil_conductivity_w_mk, 1.5, 0.0);
    assert_false(r.air_fixed);
    /* bisection on the balance with direct solves of the valve */
    double tg = C2K(8.0), to = C2K(-12.0), tw = f.medium_temp_k;
    double lo = to, hi = tw;
    for (int it = 0; it < 200 && hi - lo > 1e-10; it++) {
        double ta = 0.5 * (lo + hi);
        double bal = valve_w(tw, ta) - g * (ta - tg) - roof * (ta - to);
        *(bal > 0.0 ? &lo : &hi) = ta;
    }
    double ta = 0.5 * (lo + hi);
    double t_sink = (g * tg + roof * to) / (g + roof);
    assert_true(ta > t_sink + 10.0 && ta < tw); /* 2 kW in 141 W/K */
    if (fabs(r.air_temp_k - ta) > 1e-5)
        fail_msg("air: engine %.7f C, by hand %.7f C", r.air_temp_k - C2K(0),
                 ta - C2K(0));
    /* the balance closes, and the valve's heat is the direct one */
    double q = valve_w(tw, r.air_temp_k);
    assert_double_equal(r.heat_in_w, q, 1e-6 * q);
    assert_double_equal(f.air_temp_k, r.air_temp_k, 0.0);
    double out = r.heat_ground_w + r.heat_roof_w + r.heat_vent_w;
    assert_double_equal(r.heat_in_w, out, 1e-5 * q);
    assert_double_equal(r.heat_vent_w, 0.0, 0.0); /* closed by default */
    hl_model_free(m);
}

/* Air changes per hour 0 .. 1000: the air falls towards the outdoor air;
 * at 1000 per hour within 0.1 K of it, the balance closed with the
 * ventilation term n rho cp V / 3600. */
static void ventilation_tends_to_outdoor_air(void **state)
{
    (void)state;
    const double ach[] = {0.0, 2.0, 20.0, 200.0, 1000.0};
    double last = INFINITY;
    for (int k = 0; k < 5; k++) {
        char extra[64];
        snprintf(extra, sizeof extra, "air_changes_per_h: %g,", ach[k]);
        hl_model *m = one_chamber(extra);
        hl_chamber_result r;
        assert_int_equal(hl_model_chamber_result(m, 0, &r), HL_OK);
        assert_true(r.air_temp_k < last);
        last = r.air_temp_k;
        double rho_cp = 101325.0 / (287.05 * C2K(-12.0)) * 1007.0;
        double vent = ach[k] / 3600.0 * 8.0 * 6.0 * 3.5 * rho_cp;
        assert_double_equal(r.heat_vent_w, vent * (r.air_temp_k - C2K(-12.0)),
                            1e-9 * fmax(r.heat_vent_w, 1.0));
        assert_double_equal(r.heat_in_w,
                            r.heat_ground_w + r.heat_roof_w + r.heat_vent_w,
                            1e-5 * r.heat_in_w);
        if (ach[k] >= 1000.0)
            assert_true(r.air_temp_k - C2K(-12.0) < 0.1);
        hl_model_free(m);
    }
}

static void fixed_air_stays_fixed(void **state)
{
    (void)state;
    hl_model *m = one_chamber("air_temp_c: 25,");
    hl_chamber_result r;
    assert_int_equal(hl_model_chamber_result(m, 0, &r), HL_OK);
    assert_true(r.air_fixed);
    assert_double_equal(r.air_temp_k, C2K(25.0), 0.0);
    hl_model_free(m);
    m = one_chamber("");
    assert_int_equal(hl_model_set_chamber_temp(m, NULL, C2K(12.5)), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_chamber_result(m, 0, &r), HL_OK);
    assert_true(r.air_fixed);
    assert_double_equal(r.air_temp_k, C2K(12.5), 0.0);
    assert_int_equal(hl_model_set_chamber_temp(m, "CH", NAN), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_chamber_result(m, 0, &r), HL_OK);
    assert_false(r.air_fixed);
    assert_true(r.air_temp_k > C2K(10.0));
    hl_model_free(m);
}

static void bad_envelope_is_refused(void **state)
{
    (void)state;
    const char *yaml = "heatline_model: 1\n"
                       "nodes:\n"
                       "  - {id: A, pressure_bar_g: 6, inflow_temp_c: 110}\n"
                       "  - {id: B, pressure_bar_g: 5}\n"
                       "pipes:\n"
                       "  - {id: p, from: A, to: B, length_m: 200,\n"
                       "     inner_diameter_mm: 300, roughness_mm: 0.05}\n"
                       "chambers:\n"
                       "  - {id: CH, inner_length_m: 0, fittings: [{type: "
                       "gate-valve, dn: 300, pn: 25, node: B}]}\n";
    hl_model *m = NULL;
    assert_int_not_equal(
        hl_model_load_text(&m, yaml, strlen(yaml), "bad.yaml", NULL, NULL),
        HL_OK);
    assert_non_null(strstr(hl_model_error(m), "chamber 'CH'"));
    hl_model_free(m);
}

/* The default line: every chamber's air between the ground and the
 * supply water, every balance closed; all jacketed, every chamber
 * cooler than bare. */
static void default_line_chambers(void **state)
{
    (void)state;
    hl_model *m = NULL;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    int n = hl_model_count(m, HL_CHAMBER);
    assert_int_equal(n, 50);
    double bare[50];
    for (int i = 0; i < n; i++) {
        hl_chamber_result r;
        assert_int_equal(hl_model_chamber_result(m, i, &r), HL_OK);
        assert_false(r.air_fixed);
        assert_true(r.air_temp_k > C2K(2.0) && r.air_temp_k < C2K(131.0));
        assert_double_equal(r.heat_in_w,
                            r.heat_ground_w + r.heat_roof_w + r.heat_vent_w,
                            1e-5 * r.heat_in_w);
        bare[i] = r.air_temp_k;
    }
    assert_int_equal(hl_model_set_fitting_state(m, NULL, HL_FIT_JACKETED),
                     HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    for (int i = 0; i < n; i++) {
        hl_chamber_result r;
        assert_int_equal(hl_model_chamber_result(m, i, &r), HL_OK);
        assert_true(r.air_temp_k < bare[i] - 10.0);
    }
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(single_chamber_by_hand),
        cmocka_unit_test(ventilation_tends_to_outdoor_air),
        cmocka_unit_test(fixed_air_stays_fixed),
        cmocka_unit_test(bad_envelope_is_refused),
        cmocka_unit_test(default_line_chambers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
