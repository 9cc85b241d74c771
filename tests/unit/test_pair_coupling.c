/*
 * test_pair_coupling.c - buried supply/return pairs coupled through the
 * soil: (1) the per-metre heat losses the engine books for a short pair
 * equal hl_pipe_thermal_solve's at the same temperatures; (2) the exact
 * 2x2 solution (pair_decay.c) against an independent RK4 integration of the
 * coupled ODE (counter- and co-current); (3) a long pair solved as one
 * segment and as 40 segments gives the same outlet temperatures, which
 * only holds if each segment is exact and the sweeps converge.
 */
#include "test_support.h"

#include "heatline.h"
#include "network/thermal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define C2K(c) ((c) + HL_ZERO_C_K)

/* A pair in one trench: plant node A/RA, far end B/RB, consumer at B. */
static void write_model(char *buf, size_t cap, int segments, double len_m,
                        double heat_kw)
{
    int n = snprintf(
        buf, cap,
        "heatline_model: 1\n"
        "settings: {fluid: constant, density_kg_per_m3: 960,\n"
        "  viscosity_pa_s: 3e-4, cp_j_per_kgk: 4200, ground_temp_c: 8}\n"
        "pipe_types:\n"
        "  pair: {outer_diameter_mm: 114.3, wall_mm: 3.6, roughness_mm: 0.1,\n"
        "    laying: pair, cover_m: 0.6, clear_spacing_m: 0.15,\n"
        "    soil_conductivity_w_per_mk: 1.2, layers: [\n"
        "      {conductivity_w_per_mk: 0.026, thickness_mm: 40},\n"
        "      {material: hdpe-casing, thickness_mm: 3.6}]}\n"
        "nodes:\n"
        "  - {id: RA, side: return, pressure_bar_g: 3}\n"
        "  - {id: A, side: supply}\n");
    for (int s = 1; s <= segments; s++)
        n += snprintf(buf + n, cap - (size_t)n,
                      "  - {id: S%d, side: supply}\n"
                      "  - {id: R%d, side: return}\n",
                      s, s);
    n += snprintf(buf + n, cap - (size_t)n,
                  "sources:\n"
                  "  - {id: plant, inlet: RA, outlet: A, supply_temp_c: 100,\n"
                  "     pressure_lift_bar: 4}\n"
                  "consumers:\n"
                  "  - {id: c, supply: S%d, return: R%d, heat_kw: %g,\n"
                  "     return_temp_c: 40}\n"
                  "pipes:\n",
                  segments, segments, heat_kw);
    for (int s = 1; s <= segments; s++) {
        char up_s[16] = "A", up_r[16] = "RA";
        if (s > 1) {
            snprintf(up_s, sizeof up_s, "S%d", s - 1);
            snprintf(up_r, sizeof up_r, "R%d", s - 1);
        }
        n += snprintf(buf + n, cap - (size_t)n,
                      "  - {id: s%d, from: %s, to: S%d, length_m: %g, "
                      "type: pair, pair: r%d}\n"
                      "  - {id: r%d, from: R%d, to: %s, length_m: %g, "
                      "type: pair}\n",
                      s, up_s, s, len_m / segments, s, s, s, up_r,
                      len_m / segments);
    }
}

static hl_model *solved(int segments, double len_m, double heat_kw)
{
    static char buf[64 * 1024];
    write_model(buf, sizeof buf, segments, len_m, heat_kw);
    hl_model *m;
    if (hl_model_load_text(&m, buf, strlen(buf), "pair.yaml", NULL, NULL))
        fail_msg("%s", hl_model_error(m));
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

static hl_pipe_result pipe_r(hl_model *m, const char *id)
{
    hl_pipe_result r;
    assert_int_equal(hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, id), &r),
                     HL_OK);
    return r;
}

static void short_pair_matches_pipe_module(void **state)
{
    (void)state;
    hl_model *m = solved(1, 1.0, 500.0);
    hl_pipe_result s = pipe_r(m, "s1"), r = pipe_r(m, "r1");
    /* the same laying through the public pipe module */
    hl_pipe_laying lay;
    memset(&lay, 0, sizeof lay);
    lay.laying = HL_LAYING_PAIR;
    hl_material_db *db;
    hl_material_db_new(&db, NULL);
    for (int p = 0; p < 2; p++) {
        lay.pipe[p].carrier_od_m = 0.1143;
        lay.pipe[p].n_layers = 2;
        memset(&lay.pipe[p].layer[0], 0, sizeof(hl_layer));
        lay.pipe[p].layer[0].thickness_m = 0.040;
        lay.pipe[p].layer[0].lambda = hl_lambda_constant(0.026);
        lay.pipe[p].layer[0].t_min_k = lay.pipe[p].layer[0].t_max_k = NAN;
        hl_layer_from_material(hl_material_find(db, "hdpe-casing"), 0.0036,
                               &lay.pipe[p].layer[1]);
    }
    double casing = 0.1143 + 2 * (0.040 + 0.0036);
    lay.axis_depth_m = 0.6 + casing / 2;
    lay.axis_spacing_m = 0.15 + casing;
    lay.lambda_soil = 1.2;
    hl_pipe_thermal th;
    double ts = 0.5 * (s.temp_in_k + s.temp_out_k);
    double tr = 0.5 * (r.temp_in_k + r.temp_out_k);
    assert_int_equal(hl_pipe_thermal_solve(&lay, ts, tr, C2K(8), &th, NULL),
                     HL_OK);
    assert_true(fabs(s.heat_loss_w / 1.0 - th.q[0]) < 1e-5 * th.q[0]);
    assert_true(fabs(r.heat_loss_w / 1.0 - th.q[1]) < 1e-5 * th.q[1]);
    assert_true(fabs(s.r12_k_m_w - th.r12) < 1e-12);
    hl_material_db_free(db);
    hl_model_free(m);
}

/* dtheta/dx for the pair ODE of pair_decay.c. */
static void rhs(const pair_input *p, const double th[2], double d[2])
{
    double det = p->r11 * p->r22 - p->r12 * p->r12;
    double q1 = (p->r22 * th[0] - p->r12 * th[1]) / det;
    double q2 = (-p->r12 * th[0] + p->r11 * th[1]) / det;
    d[0] = -q1 / p->c1;
    d[1] = -(p->same ? 1.0 : -1.0) * q2 / p->c2;
}

static void rk4(const pair_input *p, double th[2], int steps)
{
    double h = p->len / steps;
    for (int i = 0; i < steps; i++) {
        double k1[2], k2[2], k3[2], k4[2], t[2];
        rhs(p, th, k1);
        for (int j = 0; j < 2; j++)
            t[j] = th[j] + 0.5 * h * k1[j];
        rhs(p, t, k2);
        for (int j = 0; j < 2; j++)
            t[j] = th[j] + 0.5 * h * k2[j];
        rhs(p, t, k3);
        for (int j = 0; j < 2; j++)
            t[j] = th[j] + h * k3[j];
        rhs(p, t, k4);
        for (int j = 0; j < 2; j++)
            th[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    }
}

static void exact_pair_vs_rk4(void **state)
{
    (void)state;
    for (int same = 0; same < 2; same++) {
        pair_input p = {20000.0, 2.0e4, 1.5e4, 2.1, 2.4,
                        0.35,    90.0,  40.0,  same};
        double o1, o2;
        assert_int_equal(decay_pair(&p, &o1, &o2), 0);
        double th[2] = {p.theta1_in, same ? p.theta2_in : 0.0};
        if (!same) { /* shooting: theta2(0) so that theta2(L) is the inlet */
            double a[2] = {p.theta1_in, 0.0}, b[2] = {p.theta1_in, 1.0};
            rk4(&p, a, 20000);
            rk4(&p, b, 20000);
            th[1] = (p.theta2_in - a[1]) / (b[1] - a[1]);
            assert_true(fabs(th[1] - o2) < 1e-7);
        }
        rk4(&p, th, 20000);
        assert_true(fabs(th[0] - o1) < 1e-7);
        if (same)
            assert_true(fabs(th[1] - o2) < 1e-7);
    }
}

static void segmentation_invariant(void **state)
{
    (void)state;
    hl_model *one = solved(1, 8000.0, 150.0);
    hl_model *many = solved(40, 8000.0, 150.0);
    hl_node_result a, b;
    hl_model_node_result(one, hl_model_find(one, HL_NODE, "S1"), &a);
    hl_model_node_result(many, hl_model_find(many, HL_NODE, "S40"), &b);
    assert_true(fabs(a.temp_k - b.temp_k) < 1e-7);
    hl_model_node_result(one, hl_model_find(one, HL_NODE, "RA"), &a);
    hl_model_node_result(many, hl_model_find(many, HL_NODE, "RA"), &b);
    assert_true(fabs(a.temp_k - b.temp_k) < 1e-7);
    hl_totals ta, tb;
    hl_model_totals(one, &ta);
    hl_model_totals(many, &tb);
    assert_true(fabs(ta.heat_loss_pipes_w - tb.heat_loss_pipes_w) <
                1e-6 * ta.heat_loss_pipes_w);
    hl_model_free(one);
    hl_model_free(many);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_pair_matches_pipe_module),
        cmocka_unit_test(exact_pair_vs_rk4),
        cmocka_unit_test(segmentation_invariant)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
