/*
 * test_feasibility.c - the verdict on a solved state (issue 13): the new
 * user's 90 MW through DN200 (tests/data/models/big_demand.yaml) solves
 * but is infeasible, with every kind of violation it has named; the
 * default line is feasible; the static pressure with the pumps stopped on
 * a hand-computed three-node line; clones keep the verdict.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

static hl_model *load_text(const char *yaml)
{
    hl_model *m;
    if (hl_model_load_text(&m, yaml, strlen(yaml), "test.yaml", NULL, NULL))
        fail_msg("load: %s", hl_model_error(m));
    return m;
}

static int count_kind(const hl_model *m, int kind, const char *id)
{
    int n = 0;
    for (int i = 0; i < hl_model_violation_count(m); i++) {
        hl_violation v;
        assert_int_equal(hl_model_violation(m, i, &v), HL_OK);
        if (v.kind == kind && (!id || strcmp(v.element_id, id) == 0))
            n++;
    }
    return n;
}

static void big_demand_infeasible(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/models/big_demand.yaml",
             HL_SOURCE_DIR);
    hl_model *m;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    int ok = 1;
    assert_int_equal(hl_model_feasible(m, &ok), HL_OK);
    assert_int_equal(ok, 0);
    /* every kind the reproducer shows, at the elements that show
     * it: vacuum on the supply side, both consumers below their minimum
     * differential pressure, the pump past its curve with a negative rise,
     * the return pipes above PN16 */
    assert_true(count_kind(m, HL_VIOL_NEGATIVE_PRESSURE, "S2") == 1);
    assert_true(count_kind(m, HL_VIOL_CONSUMER_DP, "c1") == 1);
    assert_true(count_kind(m, HL_VIOL_CONSUMER_DP, "c2") == 1);
    assert_true(count_kind(m, HL_VIOL_PUMP_CURVE, "pump") == 1);
    assert_true(count_kind(m, HL_VIOL_PUMP_NEGATIVE_RISE, "pump") == 1);
    assert_true(count_kind(m, HL_VIOL_PN, "r2") == 1);
    /* each record agrees with the element's own result */
    for (int i = 0; i < hl_model_violation_count(m); i++) {
        hl_violation v;
        hl_model_violation(m, i, &v);
        if (v.kind == HL_VIOL_CONSUMER_DP) {
            hl_consumer_result c;
            hl_model_consumer_result(m, v.element, &c);
            assert_true(v.value == c.dp_available_pa && v.value < v.limit);
        }
        if (v.kind == HL_VIOL_NEGATIVE_PRESSURE) {
            hl_node_result r;
            hl_model_node_result(m, v.element, &r);
            assert_true(v.value < 0.0 &&
                        fabs(v.value - r.pressure_pa - 101325.0) < 1e-6);
        }
        char text[512];
        hl_violation_describe(&v, text, sizeof text);
        assert_non_null(strstr(text, v.element_id));
    }
    /* a clone carries the verdict of the state it copies */
    hl_model *c;
    assert_int_equal(hl_model_clone(m, &c), HL_OK);
    assert_int_equal(hl_model_violation_count(c), hl_model_violation_count(m));
    assert_int_equal(hl_model_feasible(c, &ok), HL_OK);
    assert_int_equal(ok, 0);
    hl_model_free(c);
    /* at a tenth of the demand the same line is feasible */
    hl_model_set_demand_scale(m, 0.02);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    assert_int_equal(hl_model_feasible(m, &ok), HL_OK);
    assert_int_equal(ok, 1);
    assert_int_equal(hl_model_violation_count(m), 0);
    hl_model_free(m);
}

static void default_line_feasible(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, NULL) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    int ok = 0;
    assert_int_equal(hl_model_feasible(m, &ok), HL_OK);
    assert_int_equal(ok, 1);
    hl_static_result s;
    assert_int_equal(hl_model_static_check(m, &s), HL_OK);
    assert_int_equal(s.n_references, 2); /* the long line and the city */
    hl_check_limits lim;
    hl_model_check_limits(m, &lim);
    assert_true(s.min_margin_pa >= lim.static_margin_pa);
    printf("default line: least static margin %.3f bar at %s\n",
           s.min_margin_pa / 1e5, hl_model_id(m, HL_NODE, s.node));
    hl_model_free(m);
}

/* Three nodes at rest but for a trickle, water 1000 kg/m3 at 120 C: R0
 * holds 2 bar(g) at z = 0; A is 12 m above it, B 5 m below. */
static const char three_nodes[] =
    "heatline_model: 1\n"
    "settings: {fluid: constant, density_kg_per_m3: 1000,\n"
    "  viscosity_pa_s: 2.3e-4, cp_j_per_kgk: 4200, ground_temp_c: 10,\n"
    "  static_margin_bar: 0.3, pump_and_friction_heat: false}\n"
    "nodes:\n"
    "  - {id: R0, pressure_bar_g: 2, inflow_temp_c: 120}\n"
    "  - {id: A, elevation_m: 12}\n"
    "  - {id: B, elevation_m: -5, demand_kg_per_s: 0.01}\n"
    "pipes:\n"
    "  - {id: p1, from: R0, to: A, length_m: 100, inner_diameter_mm: 100,\n"
    "     roughness_mm: 0.05, pn_bar: 2.4}\n"
    "  - {id: p2, from: A, to: B, length_m: 100, inner_diameter_mm: 100,\n"
    "     roughness_mm: 0.05, pn_bar: 2.4}\n";

static void static_three_nodes(void **state)
{
    (void)state;
    hl_model *m = load_text(three_nodes);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    const double g = 9.80665, patm = 101325.0;
    double ps = hl_water_saturation_pressure(120.0 + HL_ZERO_C_K);
    double want_a = 2e5 - 1000.0 * g * 12.0; /* 82320.2 Pa(g) */
    double want_b = 2e5 + 1000.0 * g * 5.0;  /* 249033.25 Pa(g) */
    double pa, pb, ma, mb;
    int a = hl_model_find(m, HL_NODE, "A"), b = hl_model_find(m, HL_NODE, "B");
    assert_int_equal(hl_model_static_node(m, a, &pa, &ma), HL_OK);
    assert_int_equal(hl_model_static_node(m, b, &pb, &mb), HL_OK);
    assert_true(fabs(pa - want_a) < 1e-6);
    assert_true(fabs(pb - want_b) < 1e-6);
    assert_true(fabs(ma - (want_a + patm - ps)) < 1e-6);
    /* A boils with the pumps stopped (183645 < 198670 Pa(a)); B is above
     * the PN 2.4 of its pipe */
    assert_int_equal(count_kind(m, HL_VIOL_STATIC_BOILING, "A"), 1);
    assert_int_equal(count_kind(m, HL_VIOL_STATIC_PN, "B"), 1);
    assert_int_equal(count_kind(m, HL_VIOL_STATIC_BOILING, "B"), 0);
    hl_static_result s;
    hl_model_static_check(m, &s);
    assert_int_equal(s.node, a);
    assert_true(fabs(s.min_margin_pa - ma) < 1e-9);
    hl_static_reference r;
    assert_int_equal(hl_model_static_reference(m, 0, &r), HL_OK);
    assert_int_equal(r.node, hl_model_find(m, HL_NODE, "R0"));
    assert_true(fabs(r.static_head_m - 2e5 / (1000.0 * g)) < 1e-9);
    /* the raise that gives A its 0.3 bar margin */
    assert_true(fabs(r.raise_needed_pa - (0.3e5 - ma)) < 1e-6);
    hl_model_free(m);
}

static void getters_before_solve(void **state)
{
    (void)state;
    hl_model *m = load_text(three_nodes);
    int ok;
    hl_static_result s;
    assert_int_equal(hl_model_feasible(m, &ok), HL_ESTATE);
    assert_int_equal(hl_model_violation_count(m), 0);
    assert_int_equal(hl_model_static_check(m, &s), HL_ESTATE);
    assert_string_equal(hl_violation_kind_name(HL_VIOL_KINDS), "?");
    assert_string_equal(hl_violation_kind_name(HL_VIOL_PN), "pn");
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(big_demand_infeasible),
        cmocka_unit_test(default_line_feasible),
        cmocka_unit_test(static_three_nodes),
        cmocka_unit_test(getters_before_solve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
