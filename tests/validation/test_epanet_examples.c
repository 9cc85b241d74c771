/*
 * test_epanet_examples.c - EPANET's own example networks Net1, Net2 and
 * Net3 (OpenWaterAnalytics/EPANET, example-networks/, tag v2.3.5; all
 * Hazen-Williams) imported and solved, against EPANET 2.3.5's results
 * stored beside them (<name>_epanet.csv, written by tools/epanet_results.c
 * at accuracy 1e-8; README.md). Every head and every pipe and pump flow of
 * the first hydraulic time (t = 0: tanks at their initial level, demands
 * at the first pattern step) within 0.5 % (issue 15); a flow below 1 mL/s
 * is judged on that absolute floor. Then each file's extended period
 * (hl_period_next): the same hydraulic times as EPANET's run and every
 * head and flow at each of them within the same tolerance; with
 * period_features.inp, heatline's own network for what the examples do
 * not exercise (a full tank, clock, speed and level controls, demand
 * categories, Pattern and Report Start).
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOL        0.005
#define FLOW_FLOOR 1e-6 /* m3/s */
#define FT         0.3048

typedef struct cmp {
    int checked, bad;
    double worst;
} cmp;

/* EPANET's unit factors (types.h): length unit -> m, flow unit -> m3/s */
static double to_si(const char *unit)
{
    double cfs = FT * FT * FT;
    if (strcmp(unit, "ft") == 0)
        return FT;
    if (strcmp(unit, "m") == 0)
        return 1.0;
    if (strcmp(unit, "GPM") == 0)
        return cfs / 448.831;
    if (strcmp(unit, "LPS") == 0 || strcmp(unit, "L/s") == 0)
        return cfs / 28.317;
    fail_msg("unit %s", unit);
    return NAN;
}

static int got_value(hl_model *m, const char *kind, const char *id,
                     const char *q, double *out, double *scale)
{
    double rho = 998.2;
    if (strcmp(kind, "node") == 0 && strcmp(q, "head") == 0) {
        hl_node_result r;
        hl_model_node_result(m, hl_model_find(m, HL_NODE, id), &r);
        *out = r.head_m;
        /* relative to the pressure head, never below 1 m */
        *scale = fmax(fabs(r.head_m - r.elevation_m), 1.0);
        return 1;
    }
    if (strcmp(kind, "link") != 0 || strcmp(q, "flow") != 0)
        return 0;
    int i = hl_model_find(m, HL_PIPE, id);
    if (i >= 0) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        *out = r.open ? r.mass_flow_kg_s / rho : 0.0;
    } else if ((i = hl_model_find(m, HL_PUMP, id)) >= 0) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        *out = r.running ? r.mass_flow_kg_s / rho : 0.0;
    } else {
        fail_msg("link %s not found", id);
    }
    *scale = NAN; /* from the reference */
    return 1;
}

static void compare_net(const char *net, cmp *c)
{
    char inp[1200], ref[1200], rel[200];
    snprintf(rel, sizeof rel, "validation/epanet/%s_epanet.csv", net);
    copy_text(ref, sizeof ref, test_data_file(rel));
    snprintf(rel, sizeof rel, "validation/epanet/%s.inp", net);
    copy_text(inp, sizeof inp, test_data_file(rel));
    hl_model *m;
    if (hl_model_load(&m, inp) || hl_model_solve(m, NULL))
        fail_msg("%s: %s", net, hl_model_error(m));
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(csv_table_load(ref, &t, &err), HL_OK);
    int n = 0;
    for (int r = 0; r < t.n_rows; r++) {
        const char **row = (const char **)t.rows[r];
        double want, got = NAN, scale = NAN;
        if (strcmp(row[0], "0") != 0 ||
            !got_value(m, row[1], row[2], row[3], &got, &scale))
            continue;
        assert_true(parse_double(row[4], &want));
        want *= to_si(row[5]);
        if (isnan(scale))
            scale = fmax(fabs(want), FLOW_FLOOR / TOL);
        double e = fabs(got - want) / scale;
        c->worst = fmax(c->worst, e);
        n++;
        if (!(e <= TOL)) {
            c->bad++;
            fprintf(stderr, "%s %s %s %s: heatline %.8g, EPANET %.8g\n", net,
                    row[1], row[2], row[3], got, want);
        }
    }
    printf("%s: %s, %d values at t = 0\n", net, hl_model_name(m), n);
    assert_true(n > 20);
    c->checked += n;
    csv_table_free(&t);
    hl_model_free(m);
}

static void examples_first_period(void **state)
{
    (void)state;
    cmp c = {0, 0, 0.0};
    compare_net("Net1", &c);
    compare_net("Net2", &c);
    compare_net("Net3", &c);
    printf("%d values compared, worst relative difference %.3g (tolerance "
           "%.3g)\n",
           c.checked, c.worst, TOL);
    assert_int_equal(c.bad, 0);
}

/* ---- the extended period ------------------------------------------------ */

/* Every row of the reference at time t against the model's state. */
static int compare_rows(const char *net, const csv_table *t, long time_s,
                        hl_model *m, cmp *c)
{
    int n = 0;
    char want_t[32];
    snprintf(want_t, sizeof want_t, "%ld", time_s);
    for (int r = 0; r < t->n_rows; r++) {
        const char **row = (const char **)t->rows[r];
        double want, got = NAN, scale = NAN;
        if (strcmp(row[0], want_t) != 0 ||
            !got_value(m, row[1], row[2], row[3], &got, &scale))
            continue;
        assert_true(parse_double(row[4], &want));
        want *= to_si(row[5]);
        if (isnan(scale))
            scale = fmax(fabs(want), FLOW_FLOOR / TOL);
        double e = fabs(got - want) / scale;
        c->worst = fmax(c->worst, e);
        n++;
        if (!(e <= TOL) && c->bad++ < 20)
            fprintf(stderr,
                    "%s t = %ld s %s %s %s: heatline %.8g, EPANET "
                    "%.8g\n",
                    net, time_s, row[1], row[2], row[3], got, want);
    }
    return n;
}

/* The reporting times of the reference (multiples of the report step)
 * that the run did not reach. */
/* How many distinct times the reference holds (its rows come in time
 * order). */
static int reference_times(const csv_table *t)
{
    int n = 0;
    for (int r = 0; r < t->n_rows; r++)
        n += r == 0 || strcmp(t->rows[r][0], t->rows[r - 1][0]) != 0;
    return n;
}

static int missed_reports(const csv_table *t, const hl_period_times *pt,
                          const long *seen, int n_seen)
{
    int missed = 0;
    for (long rt = (long)pt->report_start_s; rt <= (long)pt->duration_s;
         rt += (long)pt->report_step_s) {
        int hit = 0;
        for (int i = 0; i < n_seen && !hit; i++)
            hit = seen[i] == rt;
        missed += !hit;
    }
    (void)t;
    return missed;
}

static void compare_period(const char *net, cmp *c)
{
    char inp[1200], ref[1200], rel[200];
    snprintf(rel, sizeof rel, "validation/epanet/%s_epanet.csv", net);
    copy_text(ref, sizeof ref, test_data_file(rel));
    snprintf(rel, sizeof rel, "validation/epanet/%s.inp", net);
    copy_text(inp, sizeof inp, test_data_file(rel));
    hl_model *m;
    if (hl_model_load(&m, inp))
        fail_msg("%s: %s", net, hl_model_error(m));
    hl_period_times pt;
    assert_int_equal(hl_model_period_times(m, &pt), HL_OK);
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(csv_table_load(ref, &t, &err), HL_OK);
    hl_period *p;
    assert_int_equal(hl_period_start(&p, m), HL_OK);
    long seen[512];
    int n_seen = 0, values = 0, last = 0, reported;
    while (!last) {
        double time_s;
        if (hl_period_next(p, &time_s, &reported, &last))
            fail_msg("%s at %g s: %s", net, time_s, hl_model_error(m));
        assert_true(n_seen < 512);
        seen[n_seen++] = (long)time_s;
        int got = compare_rows(net, &t, (long)time_s, m, c);
        if (got == 0)
            fprintf(stderr, "%s: t = %g s is not a time of EPANET's run\n", net,
                    time_s);
        assert_true(got > 0);
        values += got;
    }
    int missed = missed_reports(&t, &pt, seen, n_seen);
    printf("%s: %d hydraulic times to %g h, %d values compared, %d "
           "reporting times missed\n",
           net, n_seen, pt.duration_s / 3600.0, values, missed);
    assert_int_equal(missed, 0);
    assert_int_equal(n_seen, reference_times(&t)); /* the same times */
    c->checked += values;
    hl_period_free(p);
    csv_table_free(&t);
    hl_model_free(m);
}

static void examples_every_time(void **state)
{
    (void)state;
    cmp c = {0, 0, 0.0};
    compare_period("Net1", &c);
    compare_period("Net2", &c);
    compare_period("Net3", &c);
    compare_period("period_features", &c);
    printf("extended period: %d values compared, worst relative difference "
           "%.3g (tolerance %.3g)\n",
           c.checked, c.worst, TOL);
    assert_int_equal(c.bad, 0);
}

/* After a period the model is time 0 again: the same heads and flows as
 * before it (hl_period_free gives back demands, tank levels, links). */
static void period_gives_the_model_back(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, test_data_file("validation/epanet/Net3.inp")) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    int n = hl_model_count(m, HL_NODE);
    double before[200];
    assert_true(n <= 200);
    for (int i = 0; i < n; i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        before[i] = r.head_m;
    }
    hl_period *p;
    assert_int_equal(hl_period_start(&p, m), HL_OK);
    int last = 0, reported;
    double t;
    while (!last)
        assert_int_equal(hl_period_next(p, &t, &reported, &last), HL_OK);
    assert_int_equal(hl_period_next(p, &t, &reported, &last), HL_ESTATE);
    hl_period_free(p);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    for (int i = 0; i < n; i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        assert_true(fabs(r.head_m - before[i]) < 1e-6);
    }
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples_first_period),
        cmocka_unit_test(examples_every_time),
        cmocka_unit_test(period_gives_the_model_back)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
