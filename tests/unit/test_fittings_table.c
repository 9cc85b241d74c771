/*
 * test_fittings_table.c - the network engine's fitting heat tables
 * (src/network/fittings_heat.c): every fitting's heat loss and surface
 * temperature in a solved model equal a direct hl_fitting_solve at the
 * same water temperature, chamber air and cover (1e-6 relative, 1e-4 K)
 * across supply temperatures, chamber airs and states, and a new cover
 * set on the model replaces what was tabulated.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define C0 HL_ZERO_C_K

static void direct(const hl_fitting_catalog *cat, const hl_model *m, int i,
                   double *q_w, double *ts_k)
{
    hl_chamber_fitting_result r;
    assert_int_equal(hl_model_fitting_result(m, i, &r), HL_OK);
    hl_error err;
    hl_error_clear(&err);
    int id = -1;
    assert_int_equal(hl_fitting_find(cat, hl_fitting_type_from_name(r.type),
                                     r.dn, r.pn, &id, &err),
                     HL_OK);
    hl_fitting_conditions c;
    hl_fitting_conditions_init(&c);
    c.medium_k = r.medium_temp_k;
    c.air_k = c.radiant_k = r.air_temp_k;
    assert_int_equal(hl_model_fitting_cover(m, r.state, &c.cover), HL_OK);
    c.limit_k = r.limit_k;
    hl_fitting_result out;
    assert_int_equal(hl_fitting_solve(cat, id, &c, &out, &err), HL_OK);
    *q_w = out.heat_loss_w * r.count;
    *ts_k = out.max_surface_k;
}

static void compare_all(const hl_fitting_catalog *cat, const hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result r;
        double q, ts;
        assert_int_equal(hl_model_fitting_result(m, i, &r), HL_OK);
        direct(cat, m, i, &q, &ts);
        assert_double_equal(r.heat_loss_w, q, 1e-6 * fabs(q));
        assert_double_equal(r.surface_temp_k, ts, 1e-4);
    }
}

static void table_equals_direct(void **state)
{
    (void)state;
    hl_fitting_catalog *cat = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_fitting_catalog_new(&cat, &err), HL_OK);
    hl_model *m = NULL;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    /* part load: cooler supply needs more flow than the design load allows */
    assert_int_equal(hl_model_set_demand_scale(m, 0.7), HL_OK);
    const double supply_c[] = {130.0, 124.37, 118.5};
    const double air_c[] = {25.0, 4.3};
    for (int a = 0; a < 2; a++)
        for (int s = 0; s < 3; s++) {
            assert_int_equal(hl_model_set_chamber_temp(m, NULL, C0 + air_c[a]),
                             HL_OK);
            assert_int_equal(
                hl_model_set_supply_temp(m, NULL, C0 + supply_c[s]), HL_OK);
            assert_int_equal(hl_model_set_fitting_state(m, NULL, s), HL_OK);
            if (hl_model_solve(m, NULL))
                fail_msg("air %g C, supply %g C, state %d: %s", air_c[a],
                         supply_c[s], s, hl_model_error(m));
            compare_all(cat, m);
        }
    hl_model_free(m);
    hl_fitting_catalog_free(cat);
}

static void new_cover_reaches_the_fittings(void **state)
{
    (void)state;
    hl_model *m = NULL;
    hl_totals t8, t16;
    hl_fitting_cover c, bad;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    assert_int_equal(hl_model_set_fitting_state(m, NULL, HL_FIT_COATED), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &t8), HL_OK);
    assert_int_equal(hl_model_fitting_cover(m, HL_FIT_COATED, &c), HL_OK);
    assert_double_equal(c.layer.thickness_m, 0.008, 1e-12); /* the model's */
    c.layer.thickness_m = 0.016;
    assert_int_equal(hl_model_set_fitting_cover(m, HL_FIT_COATED, &c), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &t16), HL_OK);
    assert_true(t16.heat_loss_fittings_by_state_w[HL_FIT_COATED] <
                0.8 * t8.heat_loss_fittings_by_state_w[HL_FIT_COATED]);
    bad = c; /* a cover of another state, a zero thickness */
    assert_int_equal(hl_model_set_fitting_cover(m, HL_FIT_JACKETED, &bad),
                     HL_EINVAL);
    bad.layer.thickness_m = 0.0;
    assert_int_equal(hl_model_set_fitting_cover(m, HL_FIT_COATED, &bad),
                     HL_EINVAL);
    assert_int_equal(hl_model_set_fitting_cover(m, HL_FIT_BARE, &c), HL_EINVAL);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_equals_direct),
        cmocka_unit_test(new_cover_reaches_the_fittings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
