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
 * - Tnet1's valve closure is refused with its reason (its VALVE is an
 *   EPANET FCV, a fixed flow without a steady pressure drop).
 * docs/physics.md, "Surge", Validation.
 */
#include "test_support.h"

#include "heatline.h"
#include "surge/surge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* Mass in - out at free node k without a cavity, kg/s. */
static double imbalance(const surge_net *s, int k)
{
    double sum = -s->nd_demand[k];
    for (int p = 0; p < s->n_pipes; p++) {
        long o = s->pp_off[p];
        if (s->pp_from[p] == k)
            sum -= s->pp_rho[p] * s->qd[o];
        if (s->pp_to[p] == k)
            sum += s->pp_rho[p] * s->qu[o + s->pp_n[p]];
    }
    for (int d = 0; d < s->n_devs; d++) {
        if (s->dv_to[d] == k && s->dv_kind[d] != DEV_AIR &&
            s->dv_kind[d] != DEV_RELIEF)
            sum += s->dv_m[d];
        if (s->dv_from[d] == k)
            sum -= s->dv_m[d];
    }
    return sum;
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
    surge_net *s = r->net;
    double scale = 0.0;
    for (int p = 0; p < s->n_pipes; p++)
        scale = fmax(scale, fabs(s->pp_rho[p] * s->pp_q0[p]));
    for (int step = 0; step < 300; step++) {
        surge_step(s);
        for (int k = 0; k < s->n_nodes; k++) {
            if (isfinite(s->nd_fixed_p[k]) || s->nd_cav[k] > 0.0 ||
                s->nd_p[k] == s->nd_pv[k])
                continue;
            if (!(fabs(imbalance(s, k)) < 1e-6 * scale))
                fail_msg("step %d node %d imbalance %g kg/s", step, k,
                         imbalance(s, k));
        }
    }
    hl_surge_free(r);
    free(ids);
    hl_model_free(m);
}

static void tnet1_fcv_closure_refused(void **state)
{
    (void)state;
    hl_model *m = load("Tnet1.inp");
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.closure_s = 1.0;
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_not_equal(hl_surge_run(&s, m, &o, &err), HL_OK);
    assert_null(s);
    if (!strstr(err.message, "no steady pressure drop"))
        fail_msg("%s", err.message);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tnet2_rest_holds),
        cmocka_unit_test(tnet2_pump_shutoff),
        cmocka_unit_test(tnet1_fcv_closure_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
