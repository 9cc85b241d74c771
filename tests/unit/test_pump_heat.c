/*
 * test_pump_heat.c - pump and friction heat (issue 13, docs/physics.md
 * "Pump and friction heat"): one pump into one adiabatic pipe between two
 * reservoirs at the same pressure: the pipe's friction takes back all the
 * pump's rise, so the water leaves warmer by the shaft power / (m cp);
 * the pump's own share (the shaft work less what became pressure) against
 * IAPWS-IF97's (dh/dp)_T; the energy balance with pump heat; the setting
 * that leaves it out.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define C2K(c) ((c) + HL_ZERO_C_K)

/* A at 2 bar(g) takes water in at 80 C (or 130 C); the pump lifts it by
 * 5 bar at 70 %; the horizontal pipe returns it to 2 bar at C. */
static hl_model *pump_pipe(const char *fluid, double t_in_c, int heat)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "heatline_model: 1\n"
             "settings: {%s ground_temp_c: 10,\n"
             "  pump_and_friction_heat: %s}\n"
             "nodes:\n"
             "  - {id: A, pressure_bar_g: 2, inflow_temp_c: %g}\n"
             "  - {id: B}\n"
             "  - {id: C, pressure_bar_g: 2}\n"
             "pumps:\n"
             "  - {id: pu, from: A, to: B, pressure_rise_bar: 5,\n"
             "     efficiency: 0.7}\n"
             "pipes:\n"
             "  - {id: p, from: B, to: C, length_m: 3000,\n"
             "     inner_diameter_mm: 150, roughness_mm: 0.05}\n",
             fluid, heat ? "true" : "false", t_in_c);
    hl_model *m;
    if (hl_model_load_text(&m, yaml, strlen(yaml), "pump.yaml", NULL, NULL) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

static double node_temp(hl_model *m, const char *id)
{
    hl_node_result r;
    assert_int_equal(hl_model_node_result(m, hl_model_find(m, HL_NODE, id), &r),
                     HL_OK);
    return r.temp_k;
}

static void constant_fluid_exact(void **state)
{
    (void)state;
    hl_model *m = pump_pipe("fluid: constant, density_kg_per_m3: 1000, "
                            "viscosity_pa_s: 3.5e-4, cp_j_per_kgk: 4200,",
                            80.0, 1);
    hl_pump_result pu;
    hl_pipe_result p;
    hl_totals t;
    hl_model_pump_result(m, 0, &pu);
    hl_model_pipe_result(m, 0, &p);
    hl_model_totals(m, &t);
    double mf = pu.mass_flow_kg_s, shaft = mf * 5e5 / (1000.0 * 0.7);
    assert_true(mf > 10.0);
    /* all the shaft power ends in the water: temperature rise = shaft
     * power / (m cp), whatever the flow */
    double rise = node_temp(m, "C") - C2K(80.0);
    assert_true(fabs(rise - shaft / (mf * 4200.0)) < 1e-6 * rise);
    assert_true(fabs(rise - 5e5 / (1000.0 * 0.7 * 4200.0)) < 1e-6 * rise);
    /* split: the pump keeps the part that did not become pressure, the
     * pipe's friction the rise (v (1 - beta T) = 1 / rho here) */
    assert_true(fabs(pu.heat_w - mf * 5e5 * (1 / 0.7 - 1) / 1000.0) <
                1e-9 * shaft);
    assert_true(fabs(p.friction_heat_w - mf * 5e5 / 1000.0) < 1e-6 * shaft);
    assert_true(fabs(t.pump_heat_w - shaft) < 1e-6 * shaft);
    assert_true(fabs(t.pump_heat_w - t.pump_power_w) < 1e-6 * shaft);
    /* the water leaving at C carries it: source (inflow enthalpy) + pump
     * heat = delivered (outflow enthalpy) */
    assert_true(fabs(t.energy_residual_w) < 1e-9 * t.heat_source_w);
    hl_model_free(m);
}

/* (dh/dp)_T = v (1 - beta T) from IF97 densities around t_k. */
static double if97_dhdp(double t_k, double p_abs)
{
    hl_water a, b, c;
    assert_int_equal(hl_water_props(t_k - 0.01, p_abs, &a, NULL), HL_OK);
    assert_int_equal(hl_water_props(t_k + 0.01, p_abs, &b, NULL), HL_OK);
    assert_int_equal(hl_water_props(t_k, p_abs, &c, NULL), HL_OK);
    double drho_dt = (b.density_kg_m3 - a.density_kg_m3) / 0.02;
    return (1.0 + t_k * drho_dt / c.density_kg_m3) / c.density_kg_m3;
}

static void iapws_pump_share(void **state)
{
    (void)state;
    hl_model *m = pump_pipe("", 130.0, 1);
    hl_pump_result pu;
    hl_model_pump_result(m, 0, &pu);
    double t_a = C2K(130.0), t_b = node_temp(m, "B");
    hl_water w;
    hl_water_props(t_a, 101325.0 + 2e5, &w, NULL);
    /* at the pump: shaft work less (dh/dp)_T times the rise, at 130 C
     * where beta T = 0.35 (a constant-density model would say 1 / rho) */
    double c = if97_dhdp(t_a, 101325.0 + 2e5);
    double rho = pu.hydraulic_w > 0
                     ? pu.mass_flow_kg_s * pu.dp_pa / pu.hydraulic_w
                     : NAN;
    double d = pu.dp_pa / (rho * 0.7) - c * pu.dp_pa;
    assert_true(fabs((t_b - t_a) - d / w.cp_j_kgk) < 2e-3 * (t_b - t_a));
    assert_true(c < 0.8 / w.density_kg_m3);
    /* across pump and pipe: shaft power / (m cp) to the variation of
     * (dh/dp)_T over the 0.2 K the water warms */
    double rise = node_temp(m, "C") - t_a;
    double want = pu.electric_w / (pu.mass_flow_kg_s * w.cp_j_kgk);
    assert_true(fabs(rise - want) < 1e-3 * want);
    hl_totals t;
    hl_model_totals(m, &t);
    assert_true(fabs(t.energy_residual_w) < 1e-9 * t.heat_source_w);
    hl_model_free(m);
}

static void setting_off(void **state)
{
    (void)state;
    hl_model *m = pump_pipe("", 130.0, 0);
    hl_totals t;
    hl_model_totals(m, &t);
    assert_true(t.pump_heat_w == 0.0);
    assert_true(fabs(node_temp(m, "C") - C2K(130.0)) < 1e-9);
    /* switched on through the API: the same as the setting */
    hl_model *on = pump_pipe("", 130.0, 1);
    hl_model_set_pump_heat(m, 1);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    assert_true(fabs(node_temp(m, "C") - node_temp(on, "C")) < 1e-9);
    hl_model_free(on);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(constant_fluid_exact),
        cmocka_unit_test(iapws_pump_share),
        cmocka_unit_test(setting_off),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
