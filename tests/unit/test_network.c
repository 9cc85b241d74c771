/*
 * test_network.c - the network engine on small models with known answers:
 * the exact outlet temperature of one pipe, the energy balance of a whole
 * district-heating loop (heat in = delivered + pipe + fitting losses to
 * 1e-6 relative), the mass balance at every node, flow reversal, a
 * zero-flow branch, two parallel pipes (a closed loop), two sources, a
 * closed valve cutting off part of the network, a heat exchanger, pumps,
 * and warm starts.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define C2K(c) ((c) + HL_ZERO_C_K)

static hl_model *load(const char *yaml)
{
    hl_model *m;
    int rc =
        hl_model_load_text(&m, yaml, strlen(yaml), "test.yaml", NULL, NULL);
    if (rc)
        fail_msg("load: %s", hl_model_error(m));
    return m;
}

static void solve(hl_model *m)
{
    int rc = hl_model_solve(m, NULL);
    if (rc)
        fail_msg("solve: %s", hl_model_error(m));
}

static hl_pipe_result pipe_r(hl_model *m, const char *id)
{
    hl_pipe_result r;
    int i = hl_model_find(m, HL_PIPE, id);
    assert_true(i >= 0);
    assert_int_equal(hl_model_pipe_result(m, i, &r), HL_OK);
    return r;
}

static hl_node_result node_r(hl_model *m, const char *id)
{
    hl_node_result r;
    int i = hl_model_find(m, HL_NODE, id);
    assert_true(i >= 0);
    assert_int_equal(hl_model_node_result(m, i, &r), HL_OK);
    return r;
}

/* ---- one pipe: the exponential solution -----------------------------------
 */

static const char one_pipe[] =
    "heatline_model: 1\n"
    "settings: {fluid: constant, density_kg_per_m3: 943.1,\n"
    "  viscosity_pa_s: 2.32e-4, cp_j_per_kgk: 4250, ground_temp_c: 0,\n"
    "  pump_and_friction_heat: false}\n" /* the benchmark leaves it out */
    "nodes:\n"
    "  - {id: A, pressure_bar_g: 25, inflow_temp_c: 120}\n"
    "  - {id: B, demand_kg_per_s: 2500}\n"
    "pipes:\n"
    "  - {id: P, from: A, to: B, length_m: 105000, inner_diameter_mm: 1392,\n"
    "     roughness_mm: 0.05, u_w_per_m2k: 0.5, u_surface: inner}\n";

static void single_pipe_exact(void **state)
{
    (void)state;
    hl_model *m = load(one_pipe);
    solve(m);
    /* T = Ta + (Tin - Ta) exp(-U pi D L / (m cp)), gen_networks.py line */
    double a = 0.5 * M_PI * 1.392 * 105000.0 / (2500.0 * 4250.0);
    double t_out = 120.0 * exp(-a);
    hl_pipe_result p = pipe_r(m, "P");
    assert_true(fabs(p.temp_out_k - C2K(t_out)) < 1e-9);
    assert_true(fabs(t_out - 117.434825) < 1e-6); /* shared bench README */
    assert_true(fabs(p.mass_flow_kg_s - 2500.0) < 1e-9);
    /* loss = m cp (T_in - T_out) exactly for a constant cp */
    assert_true(fabs(p.heat_loss_w - 2500.0 * 4250.0 * (120.0 - t_out)) <
                1e-6 * p.heat_loss_w);
    hl_model_free(m);
}

static void never_below_ambient(void **state)
{
    (void)state; /* a trickle through a long pipe ends at the ground */
    char text[sizeof one_pipe + 64];
    strcpy(text, one_pipe);
    char *d = strstr(text, "2500}");
    memcpy(d, "0.01}", 5);
    hl_model *m = load(text);
    solve(m);
    hl_pipe_result p = pipe_r(m, "P");
    assert_true(p.temp_out_k >= C2K(0.0));
    assert_true(p.temp_out_k - C2K(0.0) < 1e-9);
    hl_model_free(m);
}

/* ---- a district-heating loop: energy and mass balance ---------------------
 */

static const char dh_loop[] =
    "heatline_model: 1\n"
    "name: loop\n"
    "settings: {ground_temp_c: 5, chamber_air_temp_c: 20}\n"
    "pipe_types:\n"
    "  pair: {outer_diameter_mm: 219.1, wall_mm: 5.9, roughness_mm: 0.1,\n"
    "    laying: pair, cover_m: 0.8, clear_spacing_m: 0.15,\n"
    "    soil_conductivity_w_per_mk: 1.5, layers: [\n"
    "      {material: pur-en253, thickness_mm: 60},\n"
    "      {material: hdpe-casing, thickness_mm: 5}]}\n"
    "nodes:\n"
    "  - {id: R0, side: return, pressure_bar_g: 3}\n"
    "  - {id: P0}\n"
    "  - {id: S0, side: supply}\n"
    "  - {id: S1, side: supply, elevation_m: 5}\n"
    "  - {id: S2, side: supply, elevation_m: 10}\n"
    "  - {id: R1, side: return, elevation_m: 5}\n"
    "  - {id: R2, side: return, elevation_m: 10}\n"
    "sources:\n"
    "  - {id: plant, inlet: P0, outlet: S0, supply_temp_c: 110}\n"
    "pumps:\n"
    "  - {id: pump, from: R0, to: P0, design_flow_m3_per_h: 150,\n"
    "     design_head_m: 60, efficiency: 0.8}\n"
    "pipes:\n"
    "  - {id: s1, from: S0, to: S1, length_m: 2000, type: pair, pair: r1}\n"
    "  - {id: r1, from: R1, to: R0, length_m: 2000, type: pair}\n"
    "  - {id: s2, from: S1, to: S2, length_m: 1500, type: pair, pair: r2}\n"
    "  - {id: r2, from: R2, to: R1, length_m: 1500, type: pair}\n"
    "consumers:\n"
    "  - {id: c1, supply: S1, return: R1, heat_kw: 2000, return_temp_c: 55}\n"
    "  - {id: c2, supply: S2, return: R2, heat_kw: 3000, delta_t_k: 50}\n"
    "chambers:\n"
    "  - id: ch1\n"
    "    fittings:\n"
    "      - {type: gate-valve, dn: 200, pn: 16, node: S1, state: bare}\n"
    "      - {type: gate-valve, dn: 200, pn: 16, node: R1, state: coated}\n";

static void energy_balance(void **state)
{
    (void)state;
    hl_model *m = load(dh_loop);
    solve(m);
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_OK);
    double in = t.heat_source_w + t.pump_heat_w;
    double out =
        t.heat_delivered_w + t.heat_loss_pipes_w + t.heat_loss_fittings_w;
    assert_true(in > 5e6 && t.heat_loss_pipes_w > 0.0 &&
                t.heat_loss_fittings_w > 0.0);
    assert_true(fabs(in - out) <= 1e-6 * in);
    /* consumers given by heat deliver it (the coupling converged) */
    assert_true(fabs(t.heat_delivered_w - 5e6) < 1e-3 * 5e6);
    assert_true(t.heat_loss_fittings_by_state_w[HL_FIT_BARE] >
                t.heat_loss_fittings_by_state_w[HL_FIT_COATED]);
    assert_true(t.pump_power_w > t.pump_hydraulic_w);
    hl_model_free(m);
}

/* Sum of flows into each node from every kind of element. */
static void node_balances(hl_model *m, double *in)
{
    int n = hl_model_count(m, HL_NODE);
    for (int i = 0; i < n; i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        in[i] = r.external_kg_s - r.demand_kg_s;
    }
#define ADD(kind, type, fn)                                                    \
    for (int i = 0; i < hl_model_count(m, kind); i++) {                        \
        type r;                                                                \
        fn(m, i, &r);                                                          \
        in[r.from] -= r.mass_flow_kg_s;                                        \
        in[r.to] += r.mass_flow_kg_s;                                          \
    }
    ADD(HL_PIPE, hl_pipe_result, hl_model_pipe_result)
    ADD(HL_PUMP, hl_pump_result, hl_model_pump_result)
    ADD(HL_VALVE, hl_valve_result, hl_model_valve_result)
    ADD(HL_CONSUMER, hl_consumer_result, hl_model_consumer_result)
    ADD(HL_SOURCE, hl_source_result, hl_model_source_result)
#undef ADD
}

static void mass_balance_every_node(void **state)
{
    (void)state;
    hl_model *m = load(dh_loop);
    solve(m);
    double in[16];
    node_balances(m, in);
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++)
        assert_true(fabs(in[i]) < 1e-9);
    hl_totals t;
    hl_model_totals(m, &t);
    assert_true(fabs(t.makeup_kg_s) < 1e-9); /* a closed loop */
    hl_model_free(m);
}

static void warm_start_and_setters(void **state)
{
    (void)state;
    hl_model *m = load(dh_loop);
    solve(m);
    hl_totals a, b;
    hl_model_totals(m, &a);
    assert_int_equal(hl_model_set_demand_scale(m, 0.5), HL_OK);
    assert_int_equal(hl_model_set_ground_temp(m, C2K(0.0)), HL_OK);
    solve(m);
    hl_model_totals(m, &b);
    assert_true(fabs(b.heat_delivered_w - 0.5 * a.heat_delivered_w) <
                1e-3 * a.heat_delivered_w);
    assert_true(b.heat_loss_pipes_w > 0.0);
    /* every fitting coated: less fitting loss */
    assert_int_equal(hl_model_set_fitting_state(m, NULL, HL_FIT_COATED), HL_OK);
    solve(m);
    hl_totals c;
    hl_model_totals(m, &c);
    assert_true(c.heat_loss_fittings_w < b.heat_loss_fittings_w);
    assert_int_equal(hl_model_set_fitting_state(m, "nope", 1), HL_ENOTFOUND);
    assert_int_equal(hl_model_set_demand_scale(m, -1.0), HL_EINVAL);
    hl_model_free(m);
}

/* ---- flow reversal, zero flow, parallel pipes ---------------------------- */

static const char two_ends[] =
    "heatline_model: 1\n"
    "settings: {fluid: constant, density_kg_per_m3: 965, viscosity_pa_s:\n"
    "  3.15e-4, cp_j_per_kgk: 4205, ground_temp_c: 10}\n"
    "pipe_types:\n"
    "  p: {inner_diameter_mm: 200, roughness_mm: 0.1,\n"
    "      heat_loss_coefficient_w_per_mk: 0.3}\n"
    "nodes:\n"
    "  - {id: W, pressure_bar_g: 6, inflow_temp_c: 90}\n"
    "  - {id: E, pressure_bar_g: 5.8, inflow_temp_c: 70}\n"
    "  - {id: A}\n"
    "  - {id: B, demand_kg_per_s: 30}\n"
    "  - {id: D}\n"
    "pipes:\n"
    "  - {id: P1, from: W, to: A, length_m: 500, type: p}\n"
    "  - {id: P2, from: A, to: B, length_m: 500, type: p}\n"
    "  - {id: P3, from: B, to: E, length_m: 500, type: p}\n"
    "  - {id: DEAD, from: A, to: D, length_m: 300, type: p}\n";

static void flow_reversal(void **state)
{
    (void)state;
    hl_model *m = load(two_ends);
    solve(m);
    hl_pipe_result p3 = pipe_r(m, "P3");
    assert_true(p3.mass_flow_kg_s < 0.0); /* from E towards B */
    assert_true(fabs(p3.temp_in_k - C2K(70.0)) < 1e-9);
    assert_true(p3.temp_out_k < p3.temp_in_k);
    hl_pipe_result p2 = pipe_r(m, "P2");
    assert_true(p2.mass_flow_kg_s > 0.0);
    /* B mixes both streams by enthalpy (constant cp: by m T) */
    double tb = (p2.mass_flow_kg_s * p2.temp_out_k -
                 p3.mass_flow_kg_s * p3.temp_out_k) /
                (p2.mass_flow_kg_s - p3.mass_flow_kg_s);
    assert_true(fabs(node_r(m, "B").temp_k - tb) < 1e-9);
    hl_model_free(m);
}

static void zero_flow_branch(void **state)
{
    (void)state;
    hl_model *m = load(two_ends);
    solve(m);
    hl_pipe_result d = pipe_r(m, "DEAD");
    assert_true(fabs(d.mass_flow_kg_s) < 1e-9);
    assert_true(d.heat_loss_w == 0.0);
    /* stagnant water sits at its surroundings, so does the dead end */
    assert_true(fabs(d.temp_in_k - C2K(10.0)) < 1e-9);
    assert_true(fabs(node_r(m, "D").temp_k - C2K(10.0)) < 1e-9);
    assert_true(fabs(node_r(m, "D").pressure_pa - node_r(m, "A").pressure_pa) <
                1e-3);
    hl_model_free(m);
}

static void parallel_pipes_split(void **state)
{
    (void)state; /* a loop of two identical pipes: equal flows */
    const char *y =
        "heatline_model: 1\n"
        "nodes: [{id: A, pressure_bar_g: 4, inflow_temp_c: 80},\n"
        "        {id: B, demand_kg_per_s: 40}]\n"
        "pipes:\n"
        "  - {id: L, from: A, to: B, length_m: 800, inner_diameter_mm: 150,\n"
        "     roughness_mm: 0.05}\n"
        "  - {id: R, from: B, to: A, length_m: 800, inner_diameter_mm: 150,\n"
        "     roughness_mm: 0.05}\n";
    hl_model *m = load(y);
    solve(m);
    double l = pipe_r(m, "L").mass_flow_kg_s, r = pipe_r(m, "R").mass_flow_kg_s;
    assert_true(fabs(l - 20.0) < 1e-7 && fabs(r + 20.0) < 1e-7);
    hl_model_free(m);
}

/* ---- two sources ------------------------------------------------------------
 */

static const char two_plants[] =
    "heatline_model: 1\n"
    "settings: {fluid: constant, density_kg_per_m3: 960, viscosity_pa_s:\n"
    "  3e-4, cp_j_per_kgk: 4200, ground_temp_c: 5}\n"
    "pipe_types:\n"
    "  p: {inner_diameter_mm: 300, roughness_mm: 0.1,\n"
    "      heat_loss_coefficient_w_per_mk: 0.4}\n"
    "nodes:\n"
    "  - {id: RA, pressure_bar_g: 2}\n"
    "  - {id: SA}\n"
    "  - {id: RB}\n"
    "  - {id: SB}\n"
    "  - {id: S}\n"
    "  - {id: R}\n"
    "sources:\n"
    "  - {id: A, inlet: RA, outlet: SA, supply_temp_c: 120,\n"
    "     pressure_lift_bar: 6}\n"
    "  - {id: B, inlet: RB, outlet: SB, supply_temp_c: 100,\n"
    "     pressure_lift_bar: 5.5}\n"
    "pipes:\n"
    "  - {id: sa, from: SA, to: S, length_m: 3000, type: p}\n"
    "  - {id: sb, from: SB, to: S, length_m: 2000, type: p}\n"
    "  - {id: ra, from: R, to: RA, length_m: 3000, type: p}\n"
    "  - {id: rb, from: R, to: RB, length_m: 2000, type: p}\n"
    "consumers:\n"
    "  - {id: city, supply: S, return: R, heat_mw: 20, return_temp_c: 50}\n";

static void two_sources(void **state)
{
    (void)state;
    hl_model *m = load(two_plants);
    solve(m);
    hl_source_result a, b;
    hl_model_source_result(m, hl_model_find(m, HL_SOURCE, "A"), &a);
    hl_model_source_result(m, hl_model_find(m, HL_SOURCE, "B"), &b);
    assert_true(a.mass_flow_kg_s > 0.0 && b.mass_flow_kg_s > 0.0);
    hl_totals t;
    hl_model_totals(m, &t);
    assert_true(fabs(a.heat_w + b.heat_w - t.heat_source_w) < 1e-6);
    double out = t.heat_delivered_w + t.heat_loss_pipes_w;
    assert_true(fabs(t.heat_source_w + t.pump_heat_w - out) <
                1e-6 * t.heat_source_w);
    /* the city node mixes 120 C and 100 C water */
    double ts = node_r(m, "S").temp_k;
    assert_true(ts > C2K(100.0) && ts < C2K(120.0));
    hl_model_free(m);
}

/* ---- a closed valve
 * ------------------------------------------------------------ */

static void closed_valve_cuts_part(void **state)
{
    (void)state;
#define CUT_MODEL(DEMAND)                                                      \
    "heatline_model: 1\n"                                                      \
    "nodes: [{id: A, pressure_bar_g: 4, inflow_temp_c: 80}, {id: B},\n"        \
    "        {id: C}, {id: D, demand_kg_per_s: " DEMAND "}]\n"                 \
    "pipes:\n"                                                                 \
    "  - {id: P1, from: A, to: B, length_m: 100, inner_diameter_mm: 100,\n"    \
    "     roughness_mm: 0.1}\n"                                                \
    "  - {id: P2, from: C, to: D, length_m: 100, inner_diameter_mm: 100,\n"    \
    "     roughness_mm: 0.1}\n"                                                \
    "valves: [{id: V, from: B, to: C, status: closed, zeta: 0.3, dn: 100}]\n"
    hl_model *m = load(CUT_MODEL("0"));
    solve(m); /* no demand beyond the valve: a warning names the nodes */
    int found = 0;
    for (int i = 0; i < hl_model_warning_count(m); i++)
        found |= strstr(hl_model_warning(m, i), "'C'") != NULL;
    assert_true(found);
    assert_false(node_r(m, "D").connected);
    hl_model_free(m);
    m = load(CUT_MODEL("2"));
    assert_int_equal(hl_model_solve(m, NULL), HL_ETOPOLOGY);
    assert_non_null(strstr(hl_model_error(m), "'C'"));
    assert_non_null(strstr(hl_model_error(m), "'D'"));
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_ESTATE);
    hl_model_free(m);
}

/* ---- heat exchanger and pumps
 * ------------------------------------------------------ */

static void heat_exchanger_approach(void **state)
{
    (void)state;
    const char *y =
        "heatline_model: 1\n"
        "settings: {fluid: constant, density_kg_per_m3: 960,\n"
        "  viscosity_pa_s: 3e-4, cp_j_per_kgk: 4200}\n"
        "nodes: [{id: P, pressure_bar_g: 8, inflow_temp_c: 120},\n"
        "        {id: Q, demand_kg_per_s: 50},\n"
        "        {id: S, pressure_bar_g: 4, inflow_temp_c: 50},\n"
        "        {id: T, demand_kg_per_s: 45}]\n"
        "heat_exchangers:\n"
        "  - {id: HX, primary_in: P, primary_out: Q, secondary_in: S,\n"
        "     secondary_out: T, approach_k: 5}\n";
    hl_model *m = load(y);
    solve(m);
    hl_hx_result r;
    assert_int_equal(hl_model_hx_result(m, 0, &r), HL_OK);
    assert_true(fabs(r.t_secondary_out_k - C2K(115.0)) < 1e-9);
    double q = 45.0 * 4200.0 * 65.0;
    assert_true(fabs(r.heat_w - q) < 1e-6 * q);
    assert_true(fabs(r.t_primary_out_k - C2K(120.0 - q / (50 * 4200.0))) <
                1e-9);
    hl_model_free(m);
}

static void pump_duty_point(void **state)
{
    (void)state; /* one-point curve: H = 4/3 Hd - r Q^2 through the point */
    const char *y =
        "heatline_model: 1\n"
        "settings: {fluid: constant, density_kg_per_m3: 1000,\n"
        "  viscosity_pa_s: 1e-3, cp_j_per_kgk: 4190}\n"
        "nodes: [{id: A, pressure_bar_g: 0, inflow_temp_c: 20}, {id: B},\n"
        "        {id: C, pressure_bar_g: 0}]\n"
        "pumps: [{id: PU, from: A, to: B, design_flow_m3_per_h: 360,\n"
        "         design_head_m: 30}]\n"
        "valves: [{id: V, from: B, to: C, kv_m3_per_h: 360}]\n";
    hl_model *m = load(y);
    solve(m);
    hl_pump_result p;
    hl_model_pump_result(m, 0, &p);
    /* the valve takes 1 bar at 360 m3/h: dp(Q) = 1e5 (Q/360)^2; the pump
     * gives 1000 g (40.0002 - 10.0002 (Q/360)^2) (EPANET's 1.33334) */
    double g = 9.80665, q = p.mass_flow_kg_s / 1000.0 * 3600.0;
    double x = q / 360.0, h0 = 1.33334 * 30.0;
    double n = log(h0 / (h0 - 30.0)) / log(2.0);
    double rise = 1000.0 * g * (h0 - (h0 - 30.0) * pow(x, n));
    assert_true(fabs(rise - 1e5 * x * x) < 1e-6 * rise);
    assert_true(fabs(p.dp_pa - rise) < 1e-6 * rise);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(single_pipe_exact),
        cmocka_unit_test(never_below_ambient),
        cmocka_unit_test(energy_balance),
        cmocka_unit_test(mass_balance_every_node),
        cmocka_unit_test(warm_start_and_setters),
        cmocka_unit_test(flow_reversal),
        cmocka_unit_test(zero_flow_branch),
        cmocka_unit_test(parallel_pipes_split),
        cmocka_unit_test(two_sources),
        cmocka_unit_test(closed_valve_cuts_part),
        cmocka_unit_test(heat_exchanger_approach),
        cmocka_unit_test(pump_duty_point)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
