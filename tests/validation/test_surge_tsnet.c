/*
 * test_surge_tsnet.c - the surge engine on the two TSNet example networks
 * of the shared folder (../shared/validation/transient/hammer/
 * tsnet_networks, MIT, read as they are; no numeric TSNet results are
 * published for them, so no trace is compared):
 * - Tnet2 at rest (no event, 60 s): every node holds its steady head
 *   within 1 mm (5e-6 m found: the steady solve's tolerance; its
 *   Hazen-Williams pipes at each reach's own flow start from the steady
 *   engine's state);
 * - Tnet2's pump shut-off (PUMP2 trips): mass balances at every junction
 *   every step, nothing NaN, and the transient dies away: at every node
 *   that the trip moved by more than 0.5 m in its first 20 s, the range
 *   of its head over 280-300 s is under a fifth of that (0.12 found;
 *   quasi-steady friction damps the network slowly: 0.26 at 200 s, 0.02
 *   at 600 s);
 * - Tnet1's valve closure: its VALVE (an EPANET FCV set Open with minor
 *   loss 0: an open valve without loss) is refused without its fully open
 *   loss, and with one given on the event (zeta 0.2 [A], a fully open
 *   gate valve) it closes in 1 s: mass balances at every junction every
 *   step, and the decayed state equals the steady engine's solution of the
 *   closed network (Tnet1 without the valve and N8, the node it feeds,
 *   which the closed valve isolates): the mean head over the last 400 s of
 *   4000 s within 1 mm at every junction (0.3 mm found). The swing left
 *   then (up to 1.8 m at N7, at the end of the dead-end pipe P7 that now
 *   carries no flow, which quasi-steady friction damps only quadratically)
 *   is under a twentieth of the first one (0.03 found).
 * docs/physics.md, "Surge", Validation.
 */
#include "test_support.h"
#include "surge_balance.h"

#include "heatline.h"
#include "surge/surge.h"

#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static hl_model *load(const char *name)
{
    char rel[128];
    snprintf(rel, sizeof rel, "transient/hammer/tsnet_networks/%s", name);
    hl_model *m = NULL;
    if (hl_model_load(&m, shared_validation_file(rel)) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

static hl_surge *run(const hl_model *m, const hl_surge_options *o)
{
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_run(&s, m, o, &err))
        fail_msg("%s", err.message);
    return s;
}

static void tnet2_rest_holds(void **state)
{
    (void)state;
    hl_model *m = load("Tnet2.inp");
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.duration_s = 60.0;
    o.dx_m = 20.0;
    hl_surge *s = run(m, &o);
    for (int i = 0; i < hl_surge_node_count(s); i++) {
        hl_surge_node n;
        assert_int_equal(hl_surge_node_result(s, i, &n), HL_OK);
        if (!(n.max_head_m - n.min_head_m < 1e-3))
            fail_msg("node %s moves %g m at rest", n.id,
                     n.max_head_m - n.min_head_m);
    }
    hl_surge_free(s);
    hl_model_free(m);
}

/* Steps the engine STEPS times and requires every free junction without a
 * cavity to balance its mass to 1e-6 of the largest steady pipe flow, and
 * every pressure to stay finite. */
static void steps_balance_mass(surge_net *s, int steps)
{
    double scale = 0.0;
    for (int p = 0; p < s->n_pipes; p++)
        scale = fmax(scale, fabs(s->pp_rho[p] * s->pp_q0[p]));
    for (int step = 0; step < steps; step++) {
        surge_step(s);
        for (int k = 0; k < s->n_nodes; k++) {
            assert_true(isfinite(s->nd_p[k]));
            if (isfinite(s->nd_fixed_p[k]) || s->nd_cav[k] > 0.0 ||
                s->nd_p[k] == s->nd_pv[k])
                continue;
            if (!(fabs(surge_junction_imbalance(s, k)) < 1e-6 * scale))
                fail_msg("step %d node %d imbalance %g kg/s", step, k,
                         surge_junction_imbalance(s, k));
        }
    }
}

static void tnet2_pump_shutoff(void **state)
{
    (void)state;
    hl_model *m = load("Tnet2.inp");
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_PUMP_TRIP;
    o.target = "PUMP2";
    o.duration_s = 300.0;
    o.dx_m = 20.0;
    o.series_every_s = 1.0;
    int nn = hl_model_count(m, HL_NODE);
    const char **ids = malloc(sizeof *ids * (size_t)nn);
    assert_non_null(ids);
    for (int i = 0; i < nn; i++)
        ids[i] = hl_model_id(m, HL_NODE, i);
    o.watch = ids;
    o.n_watch = nn;
    hl_surge *r = run(m, &o);
    /* the transient dies away */
    int ns = hl_surge_sample_count(r);
    for (int w = 0; w < hl_surge_watch_count(r); w++) {
        double lo0 = INFINITY, hi0 = -INFINITY, lo = INFINITY, hi = -INFINITY;
        for (int i = 0; i < ns; i++) {
            double t, h, p;
            hl_surge_sample(r, w, i, &t, &h, &p);
            assert_true(isfinite(h) && isfinite(p));
            if (t < 20.0) {
                lo0 = fmin(lo0, h);
                hi0 = fmax(hi0, h);
            } else if (t > 280.0) {
                lo = fmin(lo, h);
                hi = fmax(hi, h);
            }
        }
        if (hi0 - lo0 > 0.5 && !(hi - lo < 0.2 * (hi0 - lo0)))
            fail_msg("node %s: %g m over 280-300 s against %g m at first",
                     hl_surge_watch_id(r, w), hi - lo, hi0 - lo0);
    }
    hl_surge_free(r);

    /* mass at every junction every step, from the start of the trip */
    o.duration_s = 5.0;
    o.n_watch = 0;
    r = run(m, &o);
    steps_balance_mass(r->net, 300);
    hl_surge_free(r);
    free(ids);
    hl_model_free(m);
}

static hl_surge_options tnet1_closure(double zeta)
{
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.closure_s = 1.0;
    o.open_zeta = zeta;
    return o;
}

static void tnet1_closure_needs_open_loss(void **state)
{
    (void)state;
    hl_model *m = load("Tnet1.inp");
    hl_surge_options o = tnet1_closure(0.0);
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_not_equal(hl_surge_run(&s, m, &o, &err), HL_OK);
    assert_null(s);
    if (!strstr(err.message, "no steady pressure drop") ||
        !strstr(err.message, "zeta"))
        fail_msg("%s", err.message);
    hl_model_free(m);
}

static void tnet1_closure_balances_mass(void **state)
{
    (void)state;
    hl_model *m = load("Tnet1.inp");
    hl_surge_options o = tnet1_closure(0.2);
    o.duration_s = 10.0;
    o.dx_m = 20.0;
    hl_surge *r = run(m, &o);
    steps_balance_mass(r->net, 300); /* 6 s: closed at 1 s */
    hl_surge_free(r);
    hl_model_free(m);
}

/* Tnet1 with the valve closed, as the steady engine takes it: without the
 * valve and N8, which the closed valve cuts off with its demand (an
 * isolated node has no pressure reference), as a temporary file. */
static void tnet1_closed_file(char *path)
{
    char *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        read_text_file(
            shared_validation_file("transient/hammer/tsnet_networks/Tnet1.inp"),
            &text, &len, &err),
        HL_OK);
    strcpy(path, "/tmp/hl_tnet1_XXXXXX.inp");
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char first[16] = "";
        sscanf(line, "%15s", first);
        if (strcmp(first, "VALVE") != 0 && strcmp(first, "N8") != 0)
            fprintf(f, "%s\n", line);
    }
    fclose(f);
    free(text);
}

static void tnet1_closure_ends_at_closed_steady(void **state)
{
    (void)state;
    char path[64];
    tnet1_closed_file(path);
    hl_model *closed = NULL;
    if (hl_model_load(&closed, path) || hl_model_solve(closed, NULL))
        fail_msg("%s", hl_model_error(closed));
    unlink(path);
    hl_model *m = load("Tnet1.inp");
    hl_surge_options o = tnet1_closure(0.2);
    o.duration_s = 4000.0;
    o.dx_m = 100.0;
    o.series_every_s = 0.0; /* every step: a coarser sampling aliases */
    const char *ids[] = {"N2", "N3", "N4", "N5", "N6", "N7"};
    o.watch = ids;
    o.n_watch = 6;
    hl_surge *r = run(m, &o);
    int ns = hl_surge_sample_count(r);
    for (int w = 0; w < 6; w++) {
        double sum = 0.0, lo0 = INFINITY, hi0 = -INFINITY, lo = INFINITY,
               hi = -INFINITY;
        int n = 0;
        for (int i = 0; i < ns; i++) {
            double t, h, p;
            hl_surge_sample(r, w, i, &t, &h, &p);
            assert_true(isfinite(h));
            if (t < 100.0) {
                lo0 = fmin(lo0, h);
                hi0 = fmax(hi0, h);
            } else if (t > 3600.0) {
                sum += h;
                n++;
                lo = fmin(lo, h);
                hi = fmax(hi, h);
            }
        }
        hl_node_result nr;
        assert_int_equal(
            hl_model_node_result(closed, hl_model_find(closed, HL_NODE, ids[w]),
                                 &nr),
            HL_OK);
        if (getenv("HL_SHOW"))
            printf("%s: mean - closed steady %.2e m, swing %.3f of %.3f m\n",
                   ids[w], sum / n - nr.head_m, hi - lo, hi0 - lo0);
        if (!(fabs(sum / n - nr.head_m) < 1e-3))
            fail_msg("%s: mean head %.5f m, closed steady %.5f m", ids[w],
                     sum / n, nr.head_m);
        if (!(hi - lo < 0.05 * (hi0 - lo0)))
            fail_msg("%s: swing %g m at the end, %g m at first", ids[w],
                     hi - lo, hi0 - lo0);
    }
    hl_surge_free(r);
    hl_model_free(m);
    hl_model_free(closed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tnet2_rest_holds),
        cmocka_unit_test(tnet2_pump_shutoff),
        cmocka_unit_test(tnet1_closure_needs_open_loss),
        cmocka_unit_test(tnet1_closure_balances_mass),
        cmocka_unit_test(tnet1_closure_ends_at_closed_steady),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
