/*
 * test_own_operation.c - a model without an operation: section runs the
 * season at its own temperatures (issue 13 item 7): hl_operation_merge
 * holds the supply at the model's own source temperature and takes its
 * return and load; a section with any field keeps the documented
 * defaults under it; no source keeps the defaults; the season on the
 * 90 MW DN200 model (no section, 110 C source) runs every hour at 110 C
 * and says where its operation came from, the default line keeps its own.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define C0 HL_ZERO_C_K

static void unset(hl_operation *g)
{
    hl_season_options o;
    hl_season_options_init(&o); /* every field "not given" */
    *g = o.operation;
}

static void merge_rules(void **state)
{
    (void)state;
    hl_operation g, op;
    hl_operation_own own = {5e6, C0 + 95.0, C0 + 60.0};
    unset(&g);
    assert_int_equal(hl_operation_merge(&op, &g, &own), HL_OP_MODEL_SUPPLY);
    for (double t = -30.0; t <= 20.0; t += 5.0)
        assert_double_equal(hl_supply_temp_k(&op, C0 + t), C0 + 95.0, 1e-12);
    assert_double_equal(op.design_supply_k, C0 + 95.0, 1e-12);
    assert_double_equal(op.design_return_k, C0 + 60.0, 1e-12);
    assert_double_equal(op.design_load_w, 5e6, 1e-6);
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_operation_check(&op, &err), HL_OK);
    assert_string_equal(hl_operation_origin_name(HL_OP_MODEL_SUPPLY),
                        "model-supply");

    /* a section that gives any field: the defaults under it, as before */
    g.design_outdoor_k = C0 - 20.0;
    assert_int_equal(hl_operation_merge(&op, &g, &own), HL_OP_MODEL_FILE);
    hl_operation hohhot;
    hl_operation_hohhot(&hohhot);
    assert_double_equal(op.reset_cold_supply_k, hohhot.reset_cold_supply_k,
                        1e-12);
    assert_double_equal(op.design_outdoor_k, C0 - 20.0, 1e-12);

    /* no source temperature (an EPANET import): the defaults */
    unset(&g);
    own.supply_k = own.return_k = NAN;
    assert_int_equal(hl_operation_merge(&op, &g, &own), HL_OP_NO_SOURCE);
    assert_double_equal(op.reset_cold_supply_k, hohhot.reset_cold_supply_k,
                        1e-12);
}

static hl_season *one_day(const char *path)
{
    hl_model *m = NULL;
    hl_weather w;
    memset(&w, 0, sizeof w);
    hl_error err;
    hl_error_clear(&err);
    if (hl_model_load(&m, path) || hl_weather_default(&w, &err))
        fail_msg("load: %s %s", hl_model_error(m), err.message);
    hl_season_options o;
    hl_season_options_init(&o);
    o.from = "01-10";
    o.to = "01-10";
    o.scenario[0] = HL_SCEN_AS_IS;
    o.n_scenarios = 1;
    hl_season *s = NULL;
    if (hl_season_run(&s, m, &w, &o, &err))
        fail_msg("season: %s", err.message);
    hl_model_free(m);
    hl_weather_free(&w);
    return s;
}

static void season_at_own_supply(void **state)
{
    (void)state;
    hl_season *s = one_day(HL_SOURCE_DIR "/tests/data/models/big_demand.yaml");
    assert_int_equal(hl_season_operation_origin(s), HL_OP_MODEL_SUPPLY);
    const hl_operation *op = hl_season_operation(s);
    /* its source gives 110 C; the 130 C curve would give 130 .. 85 C */
    for (double t = -25.0; t <= 15.0; t += 5.0)
        assert_double_equal(hl_supply_temp_k(op, C0 + t), C0 + 110.0, 1e-9);
    assert_true(op->design_load_w > 89.9e6 && op->design_load_w < 90.1e6);
    hl_season_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(merge_rules),
        cmocka_unit_test(season_at_own_supply),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
