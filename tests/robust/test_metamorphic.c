/*
 * test_metamorphic.c - relations that must hold between two runs, whatever
 * the exact answer: the same network listed in another order (reversed,
 * rotated: every element gets another index) gives the same results by
 * id; a pipe split in two at its middle gives the same outlet state;
 * doubling every consumer's flow in a tree doubles every flow. (A season
 * of constant weather equals the steady run times the hours:
 * test_season.c, constant_weather.)
 *
 * Tolerances are those of the solver (hl_solve_options defaults): flows
 * stop within a relative Newton step of 1e-6, temperatures within 1e-6 K
 * between coupling rounds.
 */
#include "test_support.h"

#include "heatline.h"
#include "random_net.h"

#include <math.h>
#include <string.h>

#define CASES 60

static hl_model *load_solve(const char *text, int *rc)
{
    hl_model *m = NULL;
    if (hl_model_load_text(&m, text, strlen(text), "meta.yaml", NULL, NULL))
        fail_msg("load: %s\n%s", hl_model_error(m), text);
    *rc = hl_model_solve(m, NULL);
    return m;
}

static void same_node(hl_model *a, hl_model *b, int i, uint64_t seed)
{
    hl_node_result x, y;
    hl_model_node_result(a, i, &x);
    int j = hl_model_find(b, HL_NODE, hl_model_id(a, HL_NODE, i));
    assert_true(j >= 0);
    hl_model_node_result(b, j, &y);
    if (!x.connected) {
        assert_false(y.connected);
        return;
    }
    if (!(fabs(x.temp_k - y.temp_k) <= 1e-5 &&
          fabs(x.pressure_pa - y.pressure_pa) <= 20.0))
        fail_msg("seed %llu node %s: %.9f K %.3f Pa vs %.9f K %.3f Pa",
                 (unsigned long long)seed, hl_model_id(a, HL_NODE, i), x.temp_k,
                 x.pressure_pa, y.temp_k, y.pressure_pa);
}

static void same_pipe(hl_model *a, hl_model *b, int i, uint64_t seed)
{
    hl_pipe_result x, y;
    hl_model_pipe_result(a, i, &x);
    hl_model_pipe_result(
        b, hl_model_find(b, HL_PIPE, hl_model_id(a, HL_PIPE, i)), &y);
    double scale = fmax(fabs(x.mass_flow_kg_s), 1e-3);
    if (!(fabs(x.mass_flow_kg_s - y.mass_flow_kg_s) <= 1e-5 * scale &&
          fabs(x.heat_loss_w - y.heat_loss_w) <=
              1e-5 * fabs(x.heat_loss_w) + 1e-3))
        fail_msg("seed %llu pipe %s: %.9g kg/s %.6g W vs %.9g kg/s %.6g W",
                 (unsigned long long)seed, hl_model_id(a, HL_PIPE, i),
                 x.mass_flow_kg_s, x.heat_loss_w, y.mass_flow_kg_s,
                 y.heat_loss_w);
}

/* A solved state with water below absolute zero pressure is not physical
 * (the feasibility checks flag it); the relations are about physical
 * states, where the solution is unique. */
static int physical(hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        if (r.connected && r.pressure_pa < -1e5)
            return 0;
    }
    return 1;
}

/* Two listings of one network: same solve status, same results by id. */
static int compare_orders(uint64_t seed, int reverse, int rotate)
{
    rnet g1 = {0}, g2 = {0};
    g1.no_extremes = g2.no_extremes = 1;
    g1.sized = g2.sized = 1;
    g2.reverse_lists = reverse;
    g2.rotate_lists = rotate;
    int rc1, rc2;
    hl_model *a = load_solve(rnet_model(&g1, seed), &rc1);
    hl_model *b = load_solve(rnet_model(&g2, seed), &rc2);
    if (rc1 != rc2)
        fail_msg("seed %llu: status %d in one order, %d in the other (%s | %s)",
                 (unsigned long long)seed, rc1, rc2, hl_model_error(a),
                 hl_model_error(b));
    if (!rc1 && (!physical(a) || !physical(b)))
        rc1 = HL_ERANGE; /* not compared */
    for (int i = 0; !rc1 && i < hl_model_count(a, HL_NODE); i++)
        same_node(a, b, i, seed);
    for (int i = 0; !rc1 && i < hl_model_count(a, HL_PIPE); i++)
        same_pipe(a, b, i, seed);
    hl_model_free(a);
    hl_model_free(b);
    free(g1.text);
    free(g2.text);
    return rc1 == HL_OK;
}

static void listing_order(void **state)
{
    (void)state;
    int compared = 0;
    for (uint64_t seed = 1; seed <= CASES; seed++) {
        compared += compare_orders(seed, 1, 0);
        compare_orders(seed, 0, 1);
    }
    printf("listing order: %d of %d networks solved to a physical state "
           "and compared\n",
           compared, CASES);
    assert_true(compared >= CASES / 4);
}

/* A line of single buried pipes from a plant to one consumer, with the
 * middle pipe written whole or as two halves (elevation interpolated). */
static char *line_model(int split)
{
    static const char head[] =
        "heatline_model: 1\n"
        "settings: {ground_temp_c: 6}\n"
        "pipe_types:\n"
        "  t: {dn: 300, wall_mm: 7, roughness_mm: 0.1, laying: single,\n"
        "      layers: [{material: pur-en253, thickness_mm: 50}],\n"
        "      cover_m: 1.0, soil_conductivity_w_per_mk: 1.5}\n"
        "nodes:\n"
        "  - {id: R0, pressure_bar_g: 3}\n"
        "  - {id: P0}\n"
        "  - {id: S0}\n"
        "  - {id: S1, elevation_m: 10}\n"
        "  - {id: S2, elevation_m: 30}\n"
        "  - {id: R1, elevation_m: 10}\n"
        "  - {id: R2, elevation_m: 30}\n";
    static const char whole[] =
        "pipes:\n"
        "  - {id: a, from: S0, to: S1, length_m: 800, type: t}\n"
        "  - {id: b, from: S1, to: S2, length_m: 3000, type: t}\n";
    static const char halves[] =
        "  - {id: SM, elevation_m: 20}\n"
        "pipes:\n"
        "  - {id: a, from: S0, to: S1, length_m: 800, type: t}\n"
        "  - {id: b1, from: S1, to: SM, length_m: 1500, type: t}\n"
        "  - {id: b2, from: SM, to: S2, length_m: 1500, type: t}\n";
    static const char tail[] =
        "  - {id: r2, from: R2, to: R1, length_m: 3000, type: t}\n"
        "  - {id: r1, from: R1, to: R0, length_m: 800, type: t}\n"
        "pumps:\n"
        "  - {id: p, from: R0, to: P0, design_flow_m3_per_h: 300,\n"
        "     design_head_m: 60}\n"
        "sources:\n"
        "  - {id: plant, inlet: P0, outlet: S0, supply_temp_c: 120}\n"
        "consumers:\n"
        "  - {id: c, supply: S2, return: R2, heat_kw: 8000,\n"
        "     return_temp_c: 50}\n";
    size_t n = sizeof head + sizeof halves + sizeof tail;
    char *t = malloc(n);
    snprintf(t, n, "%s%s%s", head, split ? halves : whole, tail);
    return t;
}

static void split_pipe(void **state)
{
    (void)state;
    char *t1 = line_model(0), *t2 = line_model(1);
    int rc1, rc2;
    hl_model *a = load_solve(t1, &rc1), *b = load_solve(t2, &rc2);
    assert_int_equal(rc1, HL_OK);
    assert_int_equal(rc2, HL_OK);
    const char *ids[] = {"S2", "R0", "R2", "S1"};
    for (int i = 0; i < 4; i++) {
        hl_node_result x, y;
        hl_model_node_result(a, hl_model_find(a, HL_NODE, ids[i]), &x);
        hl_model_node_result(b, hl_model_find(b, HL_NODE, ids[i]), &y);
        assert_double_equal(x.temp_k, y.temp_k, 1e-5);
        assert_double_equal(x.pressure_pa, y.pressure_pa, 20.0);
    }
    hl_pipe_result whole, h1, h2;
    hl_model_pipe_result(a, hl_model_find(a, HL_PIPE, "b"), &whole);
    hl_model_pipe_result(b, hl_model_find(b, HL_PIPE, "b1"), &h1);
    hl_model_pipe_result(b, hl_model_find(b, HL_PIPE, "b2"), &h2);
    assert_double_equal(h1.heat_loss_w + h2.heat_loss_w, whole.heat_loss_w,
                        1e-5 * whole.heat_loss_w);
    assert_double_equal(h1.dp_friction_pa + h2.dp_friction_pa,
                        whole.dp_friction_pa, 1e-4 * whole.dp_friction_pa);
    hl_model_free(a);
    hl_model_free(b);
    free(t1);
    free(t2);
}

/* Trees with consumers of fixed flow: the flows follow from the demands
 * alone, so doubling the demands doubles every flow. */
static void doubled_demand(void **state)
{
    (void)state;
    int compared = 0;
    for (uint64_t seed = 1; seed <= CASES; seed++) {
        rnet g1 = {0}, g2 = {0};
        g1.tree_only = g2.tree_only = 1;
        g1.flow_only = g2.flow_only = 1;
        g1.no_extremes = g2.no_extremes = 1;
        g1.sized = g2.sized = 1;
        g2.demand_factor = 2.0;
        int rc1, rc2;
        hl_model *a = load_solve(rnet_model(&g1, seed), &rc1);
        hl_model *b = load_solve(rnet_model(&g2, seed), &rc2);
        for (int i = 0; !rc1 && !rc2 && i < hl_model_count(a, HL_PIPE); i++) {
            hl_pipe_result x, y;
            hl_model_pipe_result(a, i, &x);
            hl_model_pipe_result(b, i, &y);
            if (!(fabs(y.mass_flow_kg_s - 2.0 * x.mass_flow_kg_s) <=
                  1e-6 * fabs(y.mass_flow_kg_s) + 1e-7))
                fail_msg("seed %llu pipe %s: %.12g kg/s, doubled %.12g",
                         (unsigned long long)seed, hl_model_id(a, HL_PIPE, i),
                         x.mass_flow_kg_s, y.mass_flow_kg_s);
        }
        compared += !rc1 && !rc2 && physical(a) && physical(b);
        hl_model_free(a);
        hl_model_free(b);
        free(g1.text);
        free(g2.text);
    }
    printf("doubled demand: %d of %d trees compared\n", compared, CASES);
    assert_true(compared >= CASES / 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(listing_order),
        cmocka_unit_test(split_pipe),
        cmocka_unit_test(doubled_demand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
