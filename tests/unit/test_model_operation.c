/*
 * test_model_operation.c - what the network engine offers the season:
 * the model file's `operation:` section (values, defaults left unset, bad
 * values with file:line), and the profile along the line (rows in
 * chainage order, heads and temperatures equal to the node results, the
 * static head of each hydraulic part, the pressure-class line, stations).
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define C0    HL_ZERO_C_K
#define SMALL HL_TEST_DATA_DIR "/data/models/small_line.yaml"

static void operation_section(void **state)
{
    (void)state;
    hl_model *m = NULL;
    hl_operation op;
    assert_int_equal(hl_model_load(&m, SMALL), HL_OK);
    assert_int_equal(hl_model_operation(m, &op), HL_OK);
    assert_double_equal(op.design_outdoor_k, C0 - 20.0, 1e-12);
    assert_double_equal(op.balance_k, C0 + 16.0, 1e-12);
    assert_double_equal(op.reset_warm_supply_k, C0 + 70.0, 1e-12);
    assert_double_equal(op.reset_floor_k, C0 + 65.0, 1e-12);
    assert_int_equal(op.regulation, HL_REG_QUALITY);
    assert_true(isnan(op.design_load_w)); /* not given */
    assert_true(isnan(op.design_return_k));
    hl_model_free(m);
    assert_int_equal(hl_model_load(&m, NULL), HL_OK); /* the default */
    assert_int_equal(hl_model_operation(m, &op), HL_OK);
    assert_double_equal(op.reset_cold_supply_k, C0 + 130.0, 1e-12);
    hl_model_free(m);
}

static void expect_load_error(const char *yaml, const char *text)
{
    hl_model *m = NULL;
    int rc = hl_model_load_text(&m, yaml, strlen(yaml), "op.yaml", NULL, NULL);
    assert_true(rc != HL_OK);
    if (!strstr(hl_model_error(m), text))
        fail_msg("'%s' lacks '%s'", hl_model_error(m), text);
    hl_model_free(m);
}

static void bad_operation(void **state)
{
    (void)state;
    const char *head = "heatline_model: 1\nname: x\n";
    char yaml[512];
    snprintf(yaml, sizeof yaml, "%soperation:\n  design_outdor_temp_c: -20\n",
             head);
    expect_load_error(yaml, "op.yaml:4: unknown key 'design_outdor_temp_c'");
    snprintf(yaml, sizeof yaml, "%soperation:\n  regulation: both\n", head);
    expect_load_error(yaml, "op.yaml:4:");
    snprintf(yaml, sizeof yaml, "%soperation:\n  reset_floor_c: 250\n", head);
    expect_load_error(yaml, "reset_floor_c '250': expected 1 to 200 C");
    snprintf(yaml, sizeof yaml,
             "%soperation:\n  design_outdoor_temp_c: 5\n"
             "  balance_temp_c: 0\n",
             head);
    expect_load_error(yaml, "op.yaml:4: operation: balance_temp_c must be");
    snprintf(yaml, sizeof yaml, "%soperation: [1, 2]\n", head);
    expect_load_error(yaml, "operation: expected a mapping");
}

static void profile_of_the_line(void **state)
{
    (void)state;
    hl_model *m = NULL;
    hl_profile pr;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    assert_int_equal(hl_model_profile(m, &pr), HL_ESTATE); /* not solved */
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_profile(m, &pr), HL_OK);
    assert_true(pr.n_points > 50);
    int finite = 0;
    assert_double_equal(pr.point[0].chainage_m, 0.0, 1e-9);
    assert_true(pr.point[pr.n_points - 1].chainage_m > 90000.0);
    for (int i = 0; i < pr.n_points; i++) {
        const hl_profile_point *p = &pr.point[i];
        if (i > 0)
            assert_true(p->chainage_m >= pr.point[i - 1].chainage_m);
        if (p->supply_node >= 0) {
            hl_node_result r;
            assert_int_equal(hl_model_node_result(m, p->supply_node, &r),
                             HL_OK);
            assert_double_equal(p->head_supply_m, r.head_m, 1e-9);
            assert_double_equal(p->temp_supply_k, r.temp_k, 1e-12);
        }
        /* the long line (PN25) and the urban mains (PN16): heads of
         * 25 or 16 bar in water of 930-1000 kg/m3 */
        double pn_bar = p->chainage_m < 68400.0 ? 25.0 : 16.0;
        if (p->chainage_m != 68400.0 && !isnan(p->max_head_m)) {
            double h = p->max_head_m - p->elevation_m;
            assert_true(h > pn_bar * 1e5 / (1000.0 * 9.80665));
            assert_true(h < pn_bar * 1e5 / (930.0 * 9.80665));
            finite++;
        }
        assert_true(p->min_head_m > p->elevation_m);
    }
    assert_true(finite > pr.n_points / 2);
    /* two hydraulic parts: primary held at PLANT-R, urban at HX-U-R */
    int ref[2] = {hl_model_find(m, HL_NODE, "PLANT-R"),
                  hl_model_find(m, HL_NODE, "HX-U-R")};
    hl_node_result r0, r1;
    hl_model_node_result(m, ref[0], &r0);
    hl_model_node_result(m, ref[1], &r1);
    assert_double_equal(pr.point[0].static_head_m, r0.head_m, 1e-9);
    assert_double_equal(pr.point[pr.n_points - 1].static_head_m, r1.head_m,
                        1e-9);
    int relay = 0;
    for (int i = 0; i < pr.n_stations; i++)
        relay += strcmp(pr.station[i].name, "relay PS1") == 0 &&
                 fabs(pr.station[i].chainage_m - 22800.0) < 1e-6;
    assert_int_equal(relay, 1);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(operation_section),
        cmocka_unit_test(bad_operation),
        cmocka_unit_test(profile_of_the_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
