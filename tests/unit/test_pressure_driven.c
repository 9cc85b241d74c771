/*
 * test_pressure_driven.c - pressure-driven consumers (issue 13 item 2,
 * docs/physics.md "Pressure-driven consumers"):
 * - one source, one pipe, one consumer: the flow from the sqrt law of
 *   the fully open valve against a hand calculation (Colebrook from the
 *   physics layer, a fixed point on f), the heat proportional to the flow
 *   at the fixed return temperature, the unmet heat;
 * - the same line with enough pressure gives the demand-driven answer;
 * - a reverse differential pressure gives no flow (the consumer's check);
 * - the 90 MW through DN200 reproducer: delivered heat falls to what the
 *   pressures allow, no negative absolute pressure, no pump beyond its
 *   curve, the consumers' shortfall no violation; mass and energy balance
 *   closed; the switch from the model setting and from the API.
 */
#include "test_support.h"

#include "heatline.h"
#include "physics/friction.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define RHO   1000.0
#define CP    4190.0
#define D     0.1
#define LEN   1000.0
#define EPS   1e-4
#define MU    1e-3
#define ASK   20.0  /* kg/s */
#define DPMIN 0.5e5 /* Pa */

/* Source R -> S holding both pressures (inlet 2 bar(g), outlet 2 + lift),
 * pipe S -> C, consumer C -> R asking ASK kg/s at a 40 C return. */
static hl_model *line(double lift_bar, int pressure_driven)
{
    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "heatline_model: 1\n"
             "name: pdd line\n"
             "settings: {fluid: constant, density_kg_per_m3: 1000,\n"
             "  viscosity_pa_s: 0.001, cp_j_per_kgk: 4190,\n"
             "  min_consumer_dp_bar: 0.5, pump_and_friction_heat: false,\n"
             "  pressure_driven_consumers: %s}\n"
             "nodes:\n"
             "  - {id: R}\n  - {id: S}\n  - {id: C}\n"
             "sources:\n"
             "  - {id: plant, inlet: R, outlet: S, supply_temp_c: 80,\n"
             "     inlet_pressure_bar_g: 2, outlet_pressure_bar_g: %.17g}\n"
             "pipes:\n"
             "  - {id: p, from: S, to: C, length_m: 1000,\n"
             "     inner_diameter_mm: 100, roughness_mm: 0.1}\n"
             "consumers:\n"
             "  - {id: c, supply: C, return: R, flow_kg_per_s: 20,\n"
             "     return_temp_c: 40}\n",
             pressure_driven ? "true" : "false", 2.0 + lift_bar);
    hl_model *m;
    if (hl_model_load_text(&m, yaml, strlen(yaml), "pdd.yaml", NULL, NULL))
        fail_msg("load: %s", hl_model_error(m));
    return m;
}

/* The hand calculation: lift = (f L/D) m^2 / (2 rho A^2) + DPMIN (m /
 * ASK)^2 while that gives m < ASK; f by Colebrook at the flow's Re. */
static double hand_flow(double lift_pa)
{
    double a = M_PI * D * D / 4.0, m = ASK, x = 0.0;
    for (int it = 0; it < 100; it++) {
        double re = m * D / (a * MU), dfdre;
        double f = friction_factor(FRICTION_COLEBROOK, re, EPS / D, &dfdre, &x);
        double k_pipe = f * LEN / D / (2.0 * RHO * a * a);
        m = sqrt(lift_pa / (k_pipe + DPMIN / (ASK * ASK)));
    }
    return m;
}

static void solve(hl_model *m)
{
    if (hl_model_solve(m, NULL))
        fail_msg("solve: %s", hl_model_error(m));
}

static void short_consumer_hand(void **state)
{
    (void)state;
    hl_model *m = line(5.0, 1);
    solve(m);
    hl_consumer_result c;
    assert_int_equal(hl_model_consumer_result(m, 0, &c), HL_OK);
    double want = hand_flow(5e5);
    assert_true(want < 0.95 * ASK); /* the case is short, by design */
    /* flow within the solver's relative flow tolerance (1e-6) */
    assert_true(fabs(c.mass_flow_kg_s - want) < 1e-5 * want);
    /* the open valve's law: dp = DPMIN (m / ASK)^2 */
    double dp_law = DPMIN * pow(c.mass_flow_kg_s / ASK, 2.0);
    assert_true(fabs(c.dp_available_pa - dp_law) < 1e-3 * DPMIN);
    assert_true(c.dp_available_pa < DPMIN);
    /* fixed return temperature: heat in proportion to the flow */
    assert_true(fabs(c.heat_w - c.mass_flow_kg_s * CP * 40.0) <
                1e-6 * c.heat_w);
    assert_true(fabs(c.heat_asked_w - ASK * CP * 40.0) < 1e-6 * c.heat_asked_w);
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_OK);
    assert_true(fabs(t.heat_unmet_w - (ASK - want) * CP * 40.0) <
                1e-4 * t.heat_unmet_w);
    assert_true(fabs(t.energy_residual_w) < 1e-9 * t.heat_source_w);
    assert_true(t.mass_residual_kg_s < 1e-6);
    /* the shortfall is the answer, not a violation; a warning says it */
    int ok = 0;
    assert_int_equal(hl_model_feasible(m, &ok), HL_OK);
    assert_int_equal(ok, 1);
    int said = 0;
    for (int i = 0; i < hl_model_warning_count(m); i++)
        said |= strstr(hl_model_warning(m, i), "consumer 'c' gets") != NULL;
    assert_true(said);
    hl_model_free(m);

    /* demand-driven, the same line is infeasible (item 1 still holds) */
    m = line(5.0, 0);
    solve(m);
    assert_int_equal(hl_model_consumer_result(m, 0, &c), HL_OK);
    assert_true(fabs(c.mass_flow_kg_s - ASK) < 1e-12);
    assert_int_equal(hl_model_feasible(m, &ok), HL_OK);
    assert_int_equal(ok, 0);
    assert_int_equal(hl_model_totals(m, &t), HL_OK);
    assert_true(t.heat_unmet_w == 0.0);
    /* and the API switches it on the same run */
    assert_int_equal(hl_model_set_pressure_driven(m, 1), HL_OK);
    solve(m);
    assert_int_equal(hl_model_consumer_result(m, 0, &c), HL_OK);
    assert_true(fabs(c.mass_flow_kg_s - want) < 1e-5 * want);
    assert_int_equal(hl_model_set_pressure_driven(m, 0), HL_OK);
    solve(m);
    assert_int_equal(hl_model_consumer_result(m, 0, &c), HL_OK);
    assert_true(fabs(c.mass_flow_kg_s - ASK) < 1e-12);
    hl_model_free(m);
}

static void enough_pressure_is_demand_driven(void **state)
{
    (void)state;
    hl_model *a = line(10.0, 1), *b = line(10.0, 0);
    solve(a);
    solve(b);
    hl_consumer_result ca, cb;
    assert_int_equal(hl_model_consumer_result(a, 0, &ca), HL_OK);
    assert_int_equal(hl_model_consumer_result(b, 0, &cb), HL_OK);
    assert_true(cb.dp_available_pa > DPMIN);
    assert_true(fabs(ca.mass_flow_kg_s - ASK) < 1e-8 * ASK);
    assert_true(fabs(ca.dp_available_pa - cb.dp_available_pa) < 1.0);
    assert_true(fabs(ca.heat_w - cb.heat_w) < 1e-8 * cb.heat_w);
    hl_totals t;
    assert_int_equal(hl_model_totals(a, &t), HL_OK);
    assert_true(t.heat_unmet_w < 1e-6 * t.heat_delivered_w);
    hl_model_free(a);
    hl_model_free(b);
}

static void reverse_pressure_no_flow(void **state)
{
    (void)state;
    hl_model *m = line(-1.0, 1);
    solve(m);
    hl_consumer_result c;
    assert_int_equal(hl_model_consumer_result(m, 0, &c), HL_OK);
    assert_true(c.dp_available_pa < 0.0);
    assert_true(fabs(c.mass_flow_kg_s) < 1e-9);
    assert_true(c.heat_w == 0.0);
    assert_true(c.heat_asked_w > 0.0);
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_OK);
    assert_true(fabs(t.heat_unmet_w - c.heat_asked_w) < 1e-9 * c.heat_asked_w);
    hl_model_free(m);
}

static void big_demand_pressure_driven(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/models/big_demand.yaml",
             HL_SOURCE_DIR);
    hl_load_options o;
    hl_load_options_init(&o);
    o.pressure_driven = 1;
    hl_model *m;
    if (hl_model_load_with(&m, path, &o) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_OK);
    /* far less than the 90 MW asked reaches the consumers */
    double asked = 0.0;
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result c;
        assert_int_equal(hl_model_consumer_result(m, i, &c), HL_OK);
        asked += c.heat_asked_w;
        assert_true(c.heat_w < c.heat_asked_w);
        assert_true(c.dp_available_pa < 0.5e5 && c.mass_flow_kg_s >= 0.0);
    }
    assert_true(asked > 89e6);
    assert_true(t.heat_delivered_w < 0.5 * asked);
    assert_true(fabs(t.heat_delivered_w + t.heat_unmet_w - asked) <
                1e-6 * asked);
    /* a physical state: no vacuum, the pump on its curve, no consumer
     * violation; what is left is honest (listed, none of those kinds) */
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++) {
        hl_node_result r;
        assert_int_equal(hl_model_node_result(m, i, &r), HL_OK);
        assert_true(r.pressure_pa + 101325.0 > 0.0);
    }
    for (int i = 0; i < hl_model_violation_count(m); i++) {
        hl_violation v;
        assert_int_equal(hl_model_violation(m, i, &v), HL_OK);
        assert_true(v.kind != HL_VIOL_NEGATIVE_PRESSURE &&
                    v.kind != HL_VIOL_CONSUMER_DP &&
                    v.kind != HL_VIOL_PUMP_CURVE &&
                    v.kind != HL_VIOL_PUMP_NEGATIVE_RISE);
    }
    assert_true(t.mass_residual_kg_s < 1e-6);
    assert_true(fabs(t.energy_residual_w) <
                1e-6 * (t.heat_source_w + t.pump_heat_w));
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_consumer_hand),
        cmocka_unit_test(enough_pressure_is_demand_driven),
        cmocka_unit_test(reverse_pressure_no_flow),
        cmocka_unit_test(big_demand_pressure_driven),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
