/*
 * test_epanet_compare.c - hydraulics against EPANET: every network in
 * tests/validation/epanet/ (EPANET .inp files with EPANET's own solution
 * stored beside them, see the README there) is imported, solved with the
 * swamee-jain friction model the import selects, and compared value by
 * value: flows, pressure heads (head - elevation), heads, head losses of
 * links, the supply of reservoirs and tanks, and link status, each within
 * 0.5 % (issue 5). The EPANET version is read from the expected file's
 * comment line and printed with the results.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

#define TOL         0.005
#define LPS_PER_M3S (28.317 / (0.3048 * 0.3048 * 0.3048)) /* EPANET's L/s */

static const char *nets[] = {"looped_reservoir", "two_reservoirs",
                             "pump_three_point", "closed_and_check",
                             "flow_reversal",    "tank_pump"};

typedef struct cmp {
    int checked, bad;
    double worst;
} cmp;

/* Version line of the expected file: its first line, a comment. */
static void print_version(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512] = "";
    if (f && fgets(line, sizeof line, f))
        printf("  reference: %s", line + (line[0] == '#' ? 2 : 0));
    if (f)
        fclose(f);
    assert_non_null(strstr(line, "EPANET"));
}

static double node_value(hl_model *m, const char *id, const char *q)
{
    int i = hl_model_find(m, HL_NODE, id);
    assert_true(i >= 0);
    hl_node_result r;
    assert_int_equal(hl_model_node_result(m, i, &r), HL_OK);
    double rho = 998.2, g = 0.3048 * 32.2; /* specific gravity 1.0 */
    if (strcmp(q, "head_m") == 0)
        return r.head_m;
    if (strcmp(q, "pressure_m") == 0)
        return r.pressure_pa / (rho * g);
    /* demand: junction base demand, or the net flow into a fixed head */
    double kg = r.fixed_pressure ? -r.external_kg_s : r.demand_kg_s;
    return kg / rho * LPS_PER_M3S;
}

/* A link by id: pipe, pump or valve, with flow and end nodes. */
static int link_value(hl_model *m, const char *id, const char *q, double *out)
{
    double mflow = NAN, rho = 998.2;
    int from = -1, to = -1, open = 1;
    int i;
    if ((i = hl_model_find(m, HL_PIPE, id)) >= 0) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        mflow = r.mass_flow_kg_s;
        from = r.from;
        to = r.to;
        open = r.open;
        if (strcmp(q, "velocity_m_per_s") == 0) {
            *out = open ? fabs(r.velocity_m_s) : 0.0;
            return 1;
        }
    } else if ((i = hl_model_find(m, HL_PUMP, id)) >= 0) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        mflow = r.mass_flow_kg_s;
        from = r.from;
        to = r.to;
        open = r.running;
        if (strcmp(q, "velocity_m_per_s") == 0)
            return 0; /* EPANET writes 0 for pumps */
    } else {
        fail_msg("link %s not found", id);
    }
    if (strcmp(q, "flow_lps") == 0) {
        *out = mflow / rho * LPS_PER_M3S;
        return 1;
    }
    if (strcmp(q, "status") == 0) {
        *out = open;
        return 1;
    }
    hl_node_result a, b;
    hl_model_node_result(m, from, &a);
    hl_model_node_result(m, to, &b);
    *out = a.head_m - b.head_m; /* headloss_m */
    return 1;
}

static void check(cmp *c, const char *net, const char *kind, const char *id,
                  const char *q, double got, double want, double scale)
{
    double err = fabs(got - want) / scale;
    c->checked++;
    if (err > c->worst)
        c->worst = err;
    if (getenv("HL_SHOW") && err > 1e-6)
        fprintf(stderr, "%s %s %s %s: heatline %.10g, EPANET %.10g\n", net,
                kind, id, q, got, want);
    if (!(err <= TOL)) {
        c->bad++;
        if (getenv("HL_SHOW"))
            fprintf(stderr,
                    "%s %s %s %s: heatline %.8g, EPANET %.8g (%.3g %%)\n", net,
                    kind, id, q, got, want, 100 * err);
    }
}

/* Scale for the relative error: the value itself, but never below a small
 * floor for values that are zero (closed links, junctions at zero). */
static double scale_of(const char *q, double want)
{
    double floor = strcmp(q, "status") == 0 ? 1.0 : 1e-3;
    return fabs(want) > floor ? fabs(want) : floor;
}

static void compare_net(const char *net, cmp *c)
{
    char inp[1200], exp[1200], rel[200];
    snprintf(rel, sizeof rel, "validation/epanet/%s_expected.csv", net);
    copy_text(exp, sizeof exp, test_data_file(rel));
    snprintf(rel, sizeof rel, "validation/epanet/%s.inp", net);
    copy_text(inp, sizeof inp, test_data_file(rel));
    printf("%s\n", net);
    print_version(exp);
    hl_model *m;
    int rc = hl_model_load(&m, inp);
    if (rc)
        fail_msg("%s: %s", net, hl_model_error(m));
    rc = hl_model_solve(m, NULL);
    if (rc)
        fail_msg("%s: %s", net, hl_model_error(m));
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(csv_table_load(exp, &t, &err), HL_OK);
    for (int r = 0; r < t.n_rows; r++) {
        const char *kind = t.rows[r][0], *id = t.rows[r][1];
        const char *q = t.rows[r][2];
        double want, got;
        assert_true(parse_double(t.rows[r][3], &want));
        if (strcmp(kind, "node") == 0)
            got = node_value(m, id, q);
        else if (!link_value(m, id, q, &got))
            continue;
        check(c, net, kind, id, q, got, want, scale_of(q, want));
    }
    csv_table_free(&t);
    hl_model_free(m);
}

static void all_networks(void **state)
{
    (void)state;
    cmp c = {0, 0, 0.0};
    for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++)
        compare_net(nets[i], &c);
    printf("%d values compared, worst relative difference %.3g (tolerance "
           "%.3g)\n",
           c.checked, c.worst, TOL);
    assert_true(c.checked > 200);
    assert_int_equal(c.bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(all_networks)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
