/*
 * surge_run.c - the public surge API: check the options, build the MOC net
 * from the solved model (surge_from_model.c), step it over the event's
 * duration while gathering the node envelopes and the watched nodes'
 * series, and hand out the results (envelopes, per-pipe verdicts over
 * every grid point, cavities, the event's verdict).
 */
#include "surge/surge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void hl_surge_options_default(hl_surge_options *o)
{
    memset(o, 0, sizeof *o);
    o->event = HL_SURGE_NONE;
    o->duration_s = 60.0;
    o->dx_m = 100.0;
    o->closure_curve = HL_SURGE_CURVE_LINEAR;
    o->ramp_s = 10.0;
    o->control_ramp_per_s = 0.05;
    o->control_band_pa = 0.5e5;
}

static int check_options(const hl_surge_options *o, hl_error *err)
{
    if (!(o->duration_s > 0.0) || !isfinite(o->duration_s))
        return hl_error_set(err, HL_ERANGE, "duration %g s: expected > 0",
                            o->duration_s);
    if (!(o->dx_m > 0.0) || !isfinite(o->dx_m))
        return hl_error_set(err, HL_ERANGE, "dx %g m: expected > 0", o->dx_m);
    if (!(o->closure_s >= 0.0) || !isfinite(o->closure_s))
        return hl_error_set(err, HL_ERANGE, "closure time %g s: expected >= 0",
                            o->closure_s);
    if (!(o->event_time_s >= 0.0) || !isfinite(o->event_time_s))
        return hl_error_set(err, HL_ERANGE, "event time %g s: expected >= 0",
                            o->event_time_s);
    if (!(o->ramp_s >= 0.0) || !isfinite(o->ramp_s))
        return hl_error_set(err, HL_ERANGE, "ramp time %g s: expected >= 0",
                            o->ramp_s);
    if (!(o->open_zeta >= 0.0) || !isfinite(o->open_zeta))
        return hl_error_set(err, HL_ERANGE,
                            "open loss coefficient %g: expected >= 0",
                            o->open_zeta);
    if (o->pump_control &&
        (!(o->control_ramp_per_s > 0.0) || !isfinite(o->control_ramp_per_s) ||
         !(o->control_band_pa > 0.0) || !isfinite(o->control_band_pa)))
        return hl_error_set(err, HL_ERANGE,
                            "pump control ramp %g /s and band %g Pa: expected "
                            "> 0",
                            o->control_ramp_per_s, o->control_band_pa);
    if (o->friction != 0 && o->friction != 1)
        return hl_error_set(err, HL_EINVAL,
                            "friction %d: expected 0 (steady) or 1 "
                            "(Brunone)",
                            o->friction);
    if (o->event < HL_SURGE_NONE || o->event > HL_SURGE_PUMP_START ||
        o->closure_curve < 0 || o->closure_curve > HL_SURGE_CURVE_SQRT)
        return hl_error_set(err, HL_EINVAL, "unknown event or curve");
    return HL_OK;
}

static int alloc_results(struct hl_surge *r, int nn)
{
    double **a[] = {&r->pmax, &r->pmin, &r->tmax, &r->tmin, &r->hmax, &r->hmin};
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
        if (!(*a[i] = calloc((size_t)nn + 1, sizeof(double))))
            return 0;
    return 1;
}

static int find_watch(struct hl_surge *r, const hl_model *m,
                      const hl_surge_options *o, hl_error *err)
{
    r->n_watch = o->n_watch;
    r->watch = calloc((size_t)o->n_watch + 1, sizeof(int));
    if (!r->watch)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int w = 0; w < o->n_watch; w++) {
        r->watch[w] = surge_model_node(m, o->watch[w]);
        if (r->watch[w] < 0)
            return hl_error_set(err, HL_ENOTFOUND,
                                "--watch: no node '%s' in the model",
                                o->watch[w]);
    }
    return HL_OK;
}

static int sample(struct hl_surge *r)
{
    const surge_net *s = r->net;
    if (r->n_samples == r->cap_samples) {
        int cap = r->cap_samples ? 2 * r->cap_samples : 256;
        size_t nw = (size_t)(r->n_watch > 0 ? r->n_watch : 1);
        double *t = realloc(r->ser_t, sizeof(double) * (size_t)cap);
        if (t)
            r->ser_t = t;
        double *h = realloc(r->ser_h, sizeof(double) * (size_t)cap * nw);
        if (h)
            r->ser_h = h;
        double *p = realloc(r->ser_p, sizeof(double) * (size_t)cap * nw);
        if (p)
            r->ser_p = p;
        if (!t || !h || !p)
            return HL_ENOMEM;
        r->cap_samples = cap;
    }
    int i = r->n_samples++;
    r->ser_t[i] = s->t;
    for (int w = 0; w < r->n_watch; w++) {
        int k = r->watch[w];
        r->ser_h[(size_t)i * (size_t)r->n_watch + (size_t)w] =
            surge_node_head(s, k);
        r->ser_p[(size_t)i * (size_t)r->n_watch + (size_t)w] = s->nd_p[k];
    }
    return HL_OK;
}

static void envelope(struct hl_surge *r, int first)
{
    const surge_net *s = r->net;
    for (int i = 0; i < s->n_nodes; i++) {
        double p = s->nd_p[i], h = surge_node_head(s, i);
        if (first || p > r->pmax[i]) {
            r->pmax[i] = p;
            r->hmax[i] = h;
            r->tmax[i] = s->t;
        }
        if (first || p < r->pmin[i]) {
            r->pmin[i] = p;
            r->hmin[i] = h;
            r->tmin[i] = s->t;
        }
    }
}

static int step_all(struct hl_surge *r, const hl_surge_options *o)
{
    surge_net *s = r->net;
    long steps = (long)ceil(o->duration_s / s->dt - 1e-9);
    long every = o->series_every_s > 0.0
                     ? (long)fmax(1.0, floor(o->series_every_s / s->dt + 0.5))
                     : 1;
    envelope(r, 1);
    if (r->n_watch > 0 && sample(r))
        return HL_ENOMEM;
    for (long k = 1; k <= steps; k++) {
        surge_step(s);
        envelope(r, 0);
        if (r->n_watch > 0 && (k % every == 0 || k == steps) && sample(r))
            return HL_ENOMEM;
    }
    r->steps = steps;
    return HL_OK;
}

/* pump-start: the line's steady state with the pump stopped (a run of
 * the same network), and the pump's running speed and flow in m. */
static int stopped_state(struct hl_surge *r, const hl_model *m,
                         const hl_surge_options *o, hl_model **out,
                         hl_error *err)
{
    int i = o->target ? hl_model_find(m, HL_PUMP, o->target) : -1;
    hl_pump_result pr;
    if (i < 0 || hl_model_pump_result(m, i, &pr))
        return hl_error_set(err, HL_ENOTFOUND,
                            "pump-start: no pump '%s' in the model",
                            o->target ? o->target : "");
    r->start_speed = pr.speed;
    r->start_flow = pr.mass_flow_kg_s;
    if (!pr.running || !(pr.mass_flow_kg_s > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "pump-start: pump '%s' delivers no flow in the "
                            "model's steady state (nothing to start to)",
                            o->target);
    hl_model *c = NULL;
    if (hl_model_clone(m, &c))
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    *out = c;
    if (hl_model_set_open(c, HL_PUMP, o->target, 0) ||
        hl_model_solve(c, NULL) || !surge_model_ready(c))
        return hl_error_set(err, HL_EINVAL,
                            "pump-start: no steady state of the line with "
                            "pump '%s' stopped: %s",
                            o->target, hl_model_error(c));
    return HL_OK;
}

/* A relief valve that discharged more than its capacity needed more
 * overpressure than its accumulation: said, as the verdict is. */
static void warn_reliefs(struct hl_surge *r)
{
    for (int v = 0; v < r->n_reliefs; v++) {
        double q = r->net->dv_gas_max[r->relief_dev[v]];
        if (q > r->relief_cap[v])
            text_list_add(&r->warn,
                          "relief valve '%s' at '%s' discharged up to %.0f "
                          "kg/s, more than its capacity %.0f kg/s (the "
                          "pressure rose %.2f bar above its set pressure; "
                          "rated for %.2f bar)",
                          r->relief_id[v], r->relief_node[v], q,
                          r->relief_cap[v],
                          r->relief_acc[v] * (q / r->relief_cap[v]) *
                              (q / r->relief_cap[v]) / 1e5,
                          r->relief_acc[v] / 1e5);
    }
}

int hl_surge_run(hl_surge **out, const hl_model *m, const hl_surge_options *o,
                 hl_error *err)
{
    if (!out || !m || !o)
        return hl_error_set(err, HL_EINVAL, "NULL argument");
    *out = NULL;
    if (!surge_model_ready(m))
        return hl_error_set(err, HL_ESTATE,
                            "the model must be solved first "
                            "(hl_model_solve)");
    int rc = check_options(o, err);
    if (rc)
        return rc;
    struct hl_surge *r = calloc(1, sizeof *r);
    if (!r)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    r->dx_m = o->dx_m;
    hl_model *stopped = NULL;
    if (o->event == HL_SURGE_PUMP_START)
        rc = stopped_state(r, m, o, &stopped, err);
    r->ref = stopped ? m : NULL;
    if (!rc)
        rc = surge_from_model(r, stopped ? stopped : m, o, err);
    r->ref = NULL;
    hl_model_free(stopped);
    if (!rc)
        rc = surge_grid(r->net, o->dx_m, 0.0, err);
    if (!rc)
        rc = surge_init(r->net, err);
    if (!rc && !alloc_results(r, r->net->n_nodes))
        rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    if (!rc)
        rc = find_watch(r, m, o, err);
    if (!rc && step_all(r, o))
        rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    if (!rc)
        warn_reliefs(r);
    if (!rc && r->net->newton_fail > 0)
        text_list_add(&r->warn,
                      "%ld device solves hit the iteration limit (the "
                      "results near them are approximate)",
                      r->net->newton_fail);
    if (rc) {
        hl_surge_free(r);
        return rc;
    }
    *out = r;
    return HL_OK;
}

void hl_surge_free(hl_surge *r)
{
    if (!r)
        return;
    surge_net_free(r->net);
    text_pool_free(&r->strings);
    text_list_free(&r->warn);
    free(r->node_pn);
    void *a[] = {
        r->node_id,     r->node_chainage, r->pmax,       r->pmin,
        r->tmax,        r->tmin,          r->hmax,       r->hmin,
        r->pipe_id,     r->pipe_pn,       r->pipe_a,     r->watch,
        r->ser_t,       r->ser_h,         r->ser_p,      r->vessel_id,
        r->vessel_node, r->vessel_dev,    r->relief_id,  r->relief_node,
        r->relief_dev,  r->pump_id,       r->pump_dev,   r->tank_id,
        r->tank_node,   r->tank_dev,      r->relief_cap, r->relief_acc,
        r->ctrl_id};
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
        free(a[i]);
    free(r);
}
