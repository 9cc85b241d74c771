/*
 * test_network_elements.c - elements and inputs beyond the basic loop: a
 * source given by its heat output, a heat exchanger by UA, nodes and pipes
 * from CSV tables, a check valve, a fixed-rise pump switched off (the
 * rigid groups are rebuilt), an overhead and a twin laying from build-ups,
 * a three-point pump curve, and the setters' error paths.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define C2K(c) ((c) + HL_ZERO_C_K)
#define FLUID                                                                  \
    "settings: {fluid: constant, density_kg_per_m3: 960,\n"                    \
    "  viscosity_pa_s: 3e-4, cp_j_per_kgk: 4200, ground_temp_c: 5}\n"

static hl_model *load(const char *yaml)
{
    hl_model *m;
    if (hl_model_load_text(&m, yaml, strlen(yaml), "t.yaml", NULL, NULL))
        fail_msg("load: %s", hl_model_error(m));
    return m;
}

static void solve(hl_model *m)
{
    if (hl_model_solve(m, NULL))
        fail_msg("solve: %s", hl_model_error(m));
}

static void source_by_heat(void **state)
{
    (void)state;
    hl_model *m = load(
        "heatline_model: 1\n" FLUID
        "nodes: [{id: RA, pressure_bar_g: 2}, {id: SA}, {id: S}, {id: R}]\n"
        "sources: [{id: plant, inlet: RA, outlet: SA, heat_mw: 10,\n"
        "           pressure_lift_bar: 5}]\n"
        "pipes:\n"
        "  - {id: sa, from: SA, to: S, length_m: 1000, inner_diameter_mm: "
        "200,\n"
        "     roughness_mm: 0.1, heat_loss_coefficient_w_per_mk: 0.4}\n"
        "  - {id: ra, from: R, to: RA, length_m: 1000, inner_diameter_mm: "
        "200,\n"
        "     roughness_mm: 0.1, heat_loss_coefficient_w_per_mk: 0.4}\n"
        "consumers: [{id: city, supply: S, return: R, flow_kg_per_s: 50,\n"
        "             return_temp_c: 50}]\n");
    solve(m);
    hl_source_result s;
    hl_model_source_result(m, 0, &s);
    assert_true(fabs(s.heat_w - 10e6) < 1e-3);
    assert_true(fabs(s.temp_out_k - s.temp_in_k - 10e6 / (50 * 4200.0)) < 1e-9);
    hl_totals t;
    hl_model_totals(m, &t);
    double out = t.heat_delivered_w + t.heat_loss_pipes_w;
    assert_true(fabs(t.heat_source_w + t.pump_heat_w - out) < 1e-6 * out);
    hl_model_free(m);
}

static void exchanger_by_ua(void **state)
{
    (void)state;
    hl_model *m =
        load("heatline_model: 1\n" FLUID
             "nodes: [{id: P, pressure_bar_g: 8, inflow_temp_c: 120},\n"
             "        {id: Q, demand_kg_per_s: 50},\n"
             "        {id: S, pressure_bar_g: 4, inflow_temp_c: 50},\n"
             "        {id: T, demand_kg_per_s: 45}]\n"
             "heat_exchangers: [{id: HX, primary_in: P, primary_out: Q,\n"
             "  secondary_in: S, secondary_out: T, ua_kw_per_k: 500}]\n");
    solve(m);
    hl_hx_result r;
    hl_model_hx_result(m, 0, &r);
    double cmin = 45 * 4200.0, cr = cmin / (50 * 4200.0), ntu = 5e5 / cmin;
    double eff = (1 - exp(-ntu * (1 - cr))) / (1 - cr * exp(-ntu * (1 - cr)));
    double q = eff * cmin * 70.0; /* Incropera Table 11.3, counterflow */
    assert_true(fabs(r.heat_w - q) < 1e-9 * q);
    assert_true(fabs(r.t_secondary_out_k - C2K(50.0 + q / cmin)) < 1e-9);
    hl_model_free(m);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void csv_tables(void **state)
{
    (void)state;
    char dir[] = "/tmp/hl_csv_XXXXXX", path[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/nodes.csv", dir);
    write_file(path, "# nodes\nid,elevation_m,pressure_bar_g,demand_kg_per_s,"
                     "inflow_temp_c\nA,0,4,,80\nB,3,,10,\nC,5,,5,\n");
    snprintf(path, sizeof path, "%s/pipes.csv", dir);
    write_file(path, "id,from,to,length_m,type\nP1,A,B,500,t\nP2,B,C,300,t\n");
    snprintf(path, sizeof path, "%s/model.yaml", dir);
    write_file(path,
               "heatline_model: 1\n" FLUID
               "pipe_types: {t: {inner_diameter_mm: 150,\n"
               "  roughness_mm: 0.1, heat_loss_coefficient_w_per_mk: 0.5}}\n"
               "nodes_csv: nodes.csv\npipes_csv: pipes.csv\n");
    hl_model *m;
    if (hl_model_load(&m, path))
        fail_msg("%s", hl_model_error(m));
    solve(m);
    hl_pipe_result p;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "P1"), &p);
    assert_true(fabs(p.mass_flow_kg_s - 15.0) < 1e-9);
    assert_true(p.temp_out_k < C2K(80.0) && p.heat_loss_w > 0.0);
    hl_model_free(m);
    /* a bad cell names the CSV file and its line */
    snprintf(path, sizeof path, "%s/pipes.csv", dir);
    write_file(path, "id,from,to,length_m,type\nP1,A,B,500,t\nP2,B,C,-3,t\n");
    snprintf(path, sizeof path, "%s/model.yaml", dir);
    assert_int_not_equal(hl_model_load(&m, path), HL_OK);
    assert_non_null(strstr(hl_model_error(m), "pipes.csv:3:"));
    hl_model_free(m);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void check_valve_blocks(void **state)
{
    (void)state;
    hl_model *m = load(
        "heatline_model: 1\n" FLUID
        "nodes: [{id: HI, pressure_bar_g: 5, inflow_temp_c: 60},\n"
        "        {id: LO, pressure_bar_g: 2, inflow_temp_c: 60},\n"
        "        {id: J, demand_kg_per_s: 3}]\n"
        "pipes:\n"
        "  - {id: feed, from: HI, to: J, length_m: 200, inner_diameter_mm: "
        "100,\n"
        "     roughness_mm: 0.1}\n"
        "  - {id: cv, from: LO, to: J, length_m: 200, inner_diameter_mm: 100,\n"
        "     roughness_mm: 0.1, check_valve: true}\n");
    solve(m);
    hl_pipe_result p;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "cv"), &p);
    assert_true(p.mass_flow_kg_s == 0.0 && !p.open);
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "feed"), &p);
    assert_true(fabs(p.mass_flow_kg_s - 3.0) < 1e-9);
    hl_model_free(m);
}

static void fixed_rise_pump_off(void **state)
{
    (void)state;
    hl_model *m =
        load("heatline_model: 1\n" FLUID
             "nodes: [{id: A, pressure_bar_g: 1, inflow_temp_c: 60}, {id: B},\n"
             "        {id: C, demand_kg_per_s: 4}]\n"
             "pumps: [{id: booster, from: A, to: B, pressure_rise_bar: 2}]\n"
             "pipes:\n"
             "  - {id: bypass, from: A, to: B, length_m: 50, "
             "inner_diameter_mm: 80,\n"
             "     roughness_mm: 0.1}\n"
             "  - {id: main, from: B, to: C, length_m: 500, inner_diameter_mm: "
             "100,\n"
             "     roughness_mm: 0.1}\n");
    solve(m);
    hl_node_result b;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "B"), &b);
    assert_true(fabs(b.pressure_pa - 3e5) < 1e-6); /* rigid: exactly +2 bar */
    hl_pump_result pu;
    hl_model_pump_result(m, 0, &pu);
    hl_pipe_result by;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "bypass"), &by);
    assert_true(by.mass_flow_kg_s < 0.0); /* recirculates B -> A */
    assert_true(fabs(pu.mass_flow_kg_s + by.mass_flow_kg_s - 4.0) < 1e-9);
    assert_int_equal(hl_model_set_open(m, HL_PUMP, "booster", 0), HL_OK);
    solve(m); /* the group {A, B} splits: structure rebuilt */
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "bypass"), &by);
    assert_true(fabs(by.mass_flow_kg_s - 4.0) < 1e-9);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "B"), &b);
    assert_true(b.pressure_pa < 1e5);
    assert_int_equal(hl_model_set_open(m, HL_NODE, "A", 0), HL_EINVAL);
    hl_model_free(m);
}

static const char overhead[] =
    "heatline_model: 1\n" FLUID
    "nodes: [{id: A, pressure_bar_g: 4, inflow_temp_c: 90},\n"
    "        {id: B, demand_kg_per_s: 5}]\n"
    "pipes:\n"
    "  - {id: P, from: A, to: B, length_m: 1000, outer_diameter_mm: 114.3,\n"
    "     wall_mm: 3.6, roughness_mm: 0.1, laying: overhead,\n"
    "     layers: [{material: rock-wool, thickness_mm: 60},\n"
    "              {material: aluminium-jacket, thickness_mm: 0.8}]}\n";

static void overhead_follows_air(void **state)
{
    (void)state;
    hl_model *m = load(overhead);
    assert_int_equal(hl_model_set_air_temp(m, C2K(10.0)), HL_OK);
    solve(m);
    hl_pipe_result warm, cold;
    hl_model_pipe_result(m, 0, &warm);
    assert_true(fabs(warm.ambient_k - C2K(10.0)) < 1e-12);
    assert_int_equal(hl_model_set_air_temp(m, C2K(-20.0)), HL_OK);
    solve(m);
    hl_model_pipe_result(m, 0, &cold);
    assert_true(cold.heat_loss_w > warm.heat_loss_w * 1.3);
    assert_int_equal(hl_model_set_air_temp(m, NAN), HL_EINVAL);
    hl_model_free(m);
}

static void twin_laying(void **state)
{
    (void)state;
    hl_model *m = load(
        "heatline_model: 1\n" FLUID "pipe_types:\n"
        "  twin: {outer_diameter_mm: 60.3, wall_mm: 2.9, roughness_mm: 0.05,\n"
        "    laying: twin, twin_casing_od_mm: 250, axis_spacing_m: 0.095,\n"
        "    cover_m: 0.6, soil_conductivity_w_per_mk: 1.2,\n"
        "    layers: [{material: pur-en253, thickness_mm: 30}]}\n"
        "nodes: [{id: RA, side: return, pressure_bar_g: 2}, {id: A, side: "
        "supply},\n"
        "        {id: B, side: supply}, {id: RB, side: return}]\n"
        "sources: [{id: s, inlet: RA, outlet: A, supply_temp_c: 80,\n"
        "           pressure_lift_bar: 3}]\n"
        "pipes:\n"
        "  - {id: f, from: A, to: B, length_m: 400, type: twin, pair: r}\n"
        "  - {id: r, from: RB, to: RA, length_m: 400, type: twin}\n"
        "consumers: [{id: c, supply: B, return: RB, heat_kw: 60,\n"
        "             return_temp_c: 45}]\n");
    solve(m);
    hl_pipe_result f;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "f"), &f);
    assert_true(f.r12_k_m_w > 0.0 && f.pair >= 0);
    hl_totals t;
    hl_model_totals(m, &t);
    double out = t.heat_delivered_w + t.heat_loss_pipes_w;
    assert_true(fabs(t.heat_source_w + t.pump_heat_w - out) < 1e-6 * out);
    hl_model_free(m);
}

static void three_point_pump(void **state)
{
    (void)state; /* H = 65 - r Q^c through (0,65), (144,55), (252,35) m3/h */
    hl_model *m =
        load("heatline_model: 1\n" FLUID
             "nodes: [{id: A, pressure_bar_g: 0, inflow_temp_c: 20}, {id: B},\n"
             "        {id: C, pressure_bar_g: 4}]\n"
             "pumps: [{id: PU, from: A, to: B,\n"
             "  curve: {flow_m3_per_h: [0, 144, 252], head_m: [65, 55, 35]}}]\n"
             "pipes: [{id: P, from: B, to: C, length_m: 2000,\n"
             "  inner_diameter_mm: 150, roughness_mm: 0.1}]\n");
    solve(m);
    hl_pump_result p;
    hl_model_pump_result(m, 0, &p);
    double q = p.mass_flow_kg_s / 960.0 * 3600.0;
    double c = log(30.0 / 10.0) / log(252.0 / 144.0);
    double h = 65.0 - 10.0 * pow(q / 144.0, c);
    assert_true(q > 0.0 && fabs(p.head_m - h) < 1e-9 * h);
    hl_model_free(m);
}

static void speed_control_holds_pressure(void **state)
{
    (void)state;
    hl_model *m =
        load("heatline_model: 1\n" FLUID
             "nodes: [{id: A, pressure_bar_g: 1, inflow_temp_c: 60}, {id: B},\n"
             "        {id: C, demand_kg_per_s: 20}]\n"
             "pumps: [{id: PU, from: A, to: B, design_flow_m3_per_h: 80,\n"
             "         design_head_m: 50, control_node: C,\n"
             "         control_pressure_bar_g: 3}]\n"
             "pipes: [{id: P, from: B, to: C, length_m: 1500,\n"
             "  inner_diameter_mm: 100, roughness_mm: 0.1}]\n");
    double speed[2];
    for (int run = 0; run < 2; run++) {
        assert_int_equal(hl_model_set_demand_scale(m, run ? 0.5 : 1.0), HL_OK);
        solve(m);
        hl_node_result c;
        hl_model_node_result(m, hl_model_find(m, HL_NODE, "C"), &c);
        assert_true(fabs(c.pressure_pa - 3e5) <= 10.0);
        hl_pump_result p;
        hl_model_pump_result(m, 0, &p);
        speed[run] = p.speed;
    }
    assert_true(speed[1] < speed[0]); /* less flow, less speed */
    hl_model_free(m);
}

static void setters_and_state(void **state)
{
    (void)state;
    hl_model *m = load(overhead);
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_ESTATE); /* not solved */
    assert_int_equal(hl_model_set_supply_temp(m, "nope", 350.0), HL_ENOTFOUND);
    assert_int_equal(hl_model_set_consumer_demand(m, "nope", 1.0),
                     HL_ENOTFOUND);
    assert_int_equal(hl_model_set_chamber_temp(m, NULL, C2K(20.0)), HL_OK);
    assert_int_equal(hl_model_solve(NULL, NULL), HL_ESTATE);
    hl_model_free(m);
    hl_model_free(NULL);
    assert_string_equal(hl_model_error(NULL), "out of memory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(source_by_heat),
        cmocka_unit_test(exchanger_by_ua),
        cmocka_unit_test(csv_tables),
        cmocka_unit_test(check_valve_blocks),
        cmocka_unit_test(fixed_rise_pump_off),
        cmocka_unit_test(overhead_follows_air),
        cmocka_unit_test(twin_laying),
        cmocka_unit_test(three_point_pump),
        cmocka_unit_test(speed_control_holds_pressure),
        cmocka_unit_test(setters_and_state)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
