/*
 * dynamic.c - the public dynamic run (include/heatline_dynamic.h): a run
 * (clone) of the model whose steady engine re-solves the hydraulics every
 * hydraulic step, and the transport engine stepping between.
 */
#include "transport/dynamic_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void hl_dynamic_options_init(hl_dynamic_options *o)
{
    if (!o)
        return;
    memset(o, 0, sizeof *o);
    o->step_s = 300.0;
    o->hydraulic_step_s = 3600.0;
    o->initial = HL_DYN_INIT_STEADY;
    o->initial_temp_k = NAN;
    o->merge_tol_k = 1e-5;
    o->wall = 1;
}

static int check_options(const hl_dynamic_options *o, hl_error *err)
{
    if (!(o->step_s > 0.0) || !isfinite(o->step_s))
        return hl_error_set(err, HL_EINVAL,
                            "transport step %g s: expected a step above 0 s",
                            o->step_s);
    if (!(o->hydraulic_step_s >= o->step_s) || !isfinite(o->hydraulic_step_s))
        return hl_error_set(err, HL_EINVAL,
                            "hydraulic step %g s: expected at least the "
                            "transport step (%g s)",
                            o->hydraulic_step_s, o->step_s);
    if (o->initial == HL_DYN_INIT_UNIFORM &&
        !(o->initial_temp_k > 223.15 && o->initial_temp_k < 623.15))
        return hl_error_set(err, HL_EINVAL,
                            "initial temperature %g K: expected water "
                            "between -50 and 350 C",
                            o->initial_temp_k);
    if (!(o->merge_tol_k >= 0.0) || !(o->merge_tol_k < 1.0))
        return hl_error_set(err, HL_EINVAL,
                            "parcel merge tolerance %g K: expected 0 to 1 K",
                            o->merge_tol_k);
    return HL_OK;
}

/* Arriving minus steady supply temperature at the consumers of the last
 * solve, K (flow-weighted); 0 before the first step. */
static double arrival_shift(const hl_dynamic *d)
{
    double w = 0.0, x = 0.0;
    for (int c = 0; c < d->net->n_consumers; c++) {
        hl_consumer_result r;
        int k = d->net->co_link[c];
        int v = d->net->lk_m[k] >= 0.0 ? d->net->lk_from[k] : d->net->lk_to[k];
        if (hl_model_consumer_result(d->hyd, c, &r) ||
            !(r.mass_flow_kg_s > 0.0))
            continue;
        w += r.mass_flow_kg_s;
        x += r.mass_flow_kg_s * (d->st->node[v].t - r.temp_in_k);
    }
    return w > 0.0 && d->st->time_s > 0.0 ? x / w : 0.0;
}

/* The run's conditions on the solving handle, the set points shifted by
 * x. */
static void conditions(hl_dynamic *d, hl_model *m, double x)
{
    tr_adapter_copy_conditions(m, d->run);
    for (int s = 0; s < d->net->n_sources; s++) {
        double sp = tr_adapter_setpoint(d->run, s);
        if (!isnan(sp))
            tr_adapter_set_setpoint(m, s, sp + x);
    }
}

/* A converged state that breaks a hard limit (issue 13: negative
 * pressures, a pump beyond its curve, flows a consumer cannot have) is no
 * hydraulics to carry water with: it counts as no solution. */
static int feasible(const hl_model *m)
{
    int ok = 0;
    return hl_model_feasible(m, &ok) == HL_OK && ok;
}

/* Rounds a warm solve may take: over the default line's whole dynamic
 * season the 4781 warm hourly solves that settled took 3 to 8 rounds
 * (3: 38, 4: 868, 5: 3840, 6: 29, 7: 5, 8: 1); one still moving after
 * this many is the kind that does not settle in 30 either (an hour the
 * water arriving cannot carry: 777 such), and the caller's fallback
 * follows (12 before: the failing ones cost 3 rounds more each). */
#define WARM_ROUNDS 9

/* Warm from the handle's last solve, then (may_cold) cold. Temperatures
 * to 1e-3 K between coupling rounds are ample for the flows (the
 * transport computes its own temperatures). A warm solve that converges
 * to an infeasible state is not tried cold: the state is the hour's, not
 * the start's (on the default line's December and January none of 333
 * such hours solved feasibly from cold), and the caller's fallback
 * follows at once. */
static int steady(hl_model *m, int may_cold)
{
    hl_solve_options o;
    hl_solve_options_init(&o);
    o.temp_tol_k = 1e-3;
    o.max_rounds = WARM_ROUNDS;
    int rc = hl_model_solve(m, &o);
    if (rc == HL_OK)
        return feasible(m) ? 0 : HL_ENOCONVERGE;
    if (!may_cold)
        return HL_ENOCONVERGE;
    hl_solve_options_init(&o);
    o.temp_tol_k = 1e-3;
    o.cold_start = 1;
    if (hl_model_solve(m, &o) == HL_OK && feasible(m))
        return 0;
    return HL_ENOCONVERGE;
}

/* A fresh solving handle from the last good solve (its results: a warm
 * start) with the run's conditions shifted by x; NULL if it fails. */
static hl_model *retry(hl_dynamic *d, double x)
{
    hl_model *m = NULL;
    if (hl_model_clone(d->good, &m))
        return NULL;
    conditions(d, m, x);
    /* the failed handle's fitting tables hold for the clone (the same
     * covers): filling them again was most of a retry's cost */
    tr_adapter_keep_tables(m, d->hyd);
    if (steady(m, 1)) {
        tr_adapter_keep_tables(d->hyd, m);
        hl_model_free(m);
        return NULL;
    }
    return m;
}

/* The hydraulics for the coming hour, solved by the steady engine on a
 * handle of its own (d->hyd, warm from the last hour) with the run's
 * conditions. The steady solve sizes the heat-demand consumers' flows for
 * the supply temperature it computes, but the water arriving in the
 * coming hour left the plant a transit time ago: the set points are
 * shifted for the solve by the arriving minus the steady temperature at
 * the consumers (the transport keeps the set points). When the consumers
 * cannot draw their heat from the water arriving (the line under-supplies:
 * heat-demand consumers would need more flow than the pumps give), the
 * flows of the set points themselves are taken, and failing those the
 * last hour's flows are kept (the transport has its own copy); both are
 * counted (hl_dynamic_energy). A failed solve leaves its handle
 * unusable: the retries start from a clone of the last good solve. The
 * shifted solve is tried warm only: over the default line's season 777
 * of them failed warm, and the cold start that followed each never
 * found a feasible state (674 converged to infeasible ones, 103 did not
 * converge) before the set points' flows were taken anyway; the cold
 * start is kept for the set points' own solve. */
static int solve(hl_dynamic *d)
{
    double shift = arrival_shift(d);
    conditions(d, d->hyd, shift);
    hl_model *m = steady(d->hyd, shift == 0.0) ? NULL : d->hyd;
    if (!m && shift != 0.0) {
        d->unshifted++;
        m = retry(d, 0.0);
    } else if (!m) {
        m = retry(d, 0.0);
    }
    if (!m) {
        if (d->st->time_s <= 0.0)
            return hl_error_set(&d->err, HL_ENOCONVERGE,
                                "hydraulics at the start: %s",
                                hl_model_error(d->hyd));
        d->kept_flows++;
        hl_model *fresh = NULL;
        if (hl_model_clone(d->good, &fresh)) {
            hl_model_free(d->hyd);
            d->hyd = NULL;
            return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
        }
        tr_adapter_keep_tables(fresh, d->hyd);
        hl_model_free(d->hyd);
        d->hyd = fresh;
        tr_adapter_boundary(d->net, d->run);
        return HL_OK;
    }
    if (m != d->hyd) {
        hl_model_free(d->hyd);
        d->hyd = m;
    }
    hl_model *good = NULL; /* kept for a failure to come */
    if (hl_model_clone(d->hyd, &good))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    hl_model_free(d->good);
    d->good = good;
    tr_adapter_hydraulics(d->net, d->hyd);
    tr_adapter_boundary(d->net, d->run);
    for (int v = 0; v < d->net->n_nodes; v++)
        if (!isnan(d->inflow_set[v]))
            d->net->nd_in_t[v] = d->inflow_set[v];
    if (tr_transit(d->net, d->st->tau))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    return HL_OK;
}

static int fill(hl_dynamic *d)
{
    size_t np = (size_t)d->net->n_pipes + 1;
    double *a = malloc(np * sizeof(double)), *b = malloc(np * sizeof(double));
    int rc = HL_ENOMEM;
    if (!a || !b)
        goto out;
    int uniform = d->opt.initial == HL_DYN_INIT_UNIFORM;
    if (uniform)
        for (size_t i = 0; i < np; i++)
            a[i] = b[i] = d->opt.initial_temp_k;
    else
        tr_adapter_pipe_ends(d->hyd, a, b);
    if (tr_state_fill(d->st, a, b, 0.0, !uniform))
        goto out;
    for (int v = 0; v < d->net->n_nodes; v++) {
        double t =
            uniform ? d->opt.initial_temp_k : tr_adapter_node_temp(d->hyd, v);
        d->st->node[v].t = t;
        d->st->node[v].h = tr_h(&d->net->fluid, t);
    }
    rc = HL_OK;
out:
    free(a);
    free(b);
    return rc;
}

static int create(hl_dynamic *d, const hl_model *m)
{
    if (hl_model_clone(m, &d->run))
        return hl_error_set(&d->err, HL_ENOMEM, "model: %s",
                            d->run ? hl_model_error(d->run) : "out of memory");
    if (hl_model_solve(d->run, NULL))
        return hl_error_set(&d->err, HL_ENOCONVERGE, "steady start: %s",
                            hl_model_error(d->run));
    if (hl_model_clone(d->run, &d->hyd) || hl_model_clone(d->run, &d->good))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    if (tr_adapter_open(&d->net, d->run, d->opt.wall, d->opt.soil))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    size_t nc = (size_t)d->net->n_consumers + 1;
    d->co_tret_set = malloc(nc * sizeof(double));
    d->co_tret_model = malloc(nc * sizeof(double));
    d->sp = malloc(((size_t)d->net->n_sources + 1) * sizeof(double));
    d->inflow_set = malloc(((size_t)d->net->n_nodes + 1) * sizeof(double));
    if (d->inflow_set)
        for (int v = 0; v <= d->net->n_nodes; v++)
            d->inflow_set[v] = NAN;
    if (!d->co_tret_set || !d->co_tret_model || !d->sp || !d->inflow_set ||
        tr_state_new(&d->st, d->net, d->opt.step_s, d->opt.merge_tol_k))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    for (int c = 0; c < d->net->n_consumers; c++) {
        d->co_tret_set[c] = NAN;
        d->co_tret_model[c] = d->net->co_tret[c];
    }
    tr_adapter_hydraulics(d->net, d->run);
    if (tr_transit(d->net, d->st->tau) || fill(d))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    double w, v, g;
    tr_stored(d->st, &w, &v, &g);
    d->stored_prev = d->stored_start = w + v + g;
    d->next_hyd_s = d->opt.hydraulic_step_s;
    return HL_OK;
}

int hl_dynamic_new(hl_dynamic **out, const hl_model *m,
                   const hl_dynamic_options *opt, hl_error *err)
{
    if (!out)
        return hl_error_set(err, HL_EINVAL, "no handle to return");
    *out = NULL;
    if (!m)
        return hl_error_set(err, HL_EINVAL, "no model");
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    if (opt)
        o = *opt;
    if (check_options(&o, err))
        return HL_EINVAL;
    hl_dynamic *d = calloc(1, sizeof *d);
    if (!d)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    d->opt = o;
    hl_error_clear(&d->err);
    int rc = create(d, m);
    if (rc) {
        hl_error_set(err, rc, "%s", d->err.message);
        hl_dynamic_free(d);
        return rc;
    }
    *out = d;
    return HL_OK;
}

void hl_dynamic_free(hl_dynamic *d)
{
    if (!d)
        return;
    tr_state_free(d->st);
    tr_adapter_close(d->net);
    hl_model_free(d->run);
    free(d->co_tret_set);
    free(d->co_tret_model);
    free(d->sp);
    free(d->inflow_set);
    hl_model_free(d->hyd);
    hl_model_free(d->good);
    free(d);
}

hl_model *hl_dynamic_model(hl_dynamic *d)
{
    return d ? d->run : NULL;
}

const hl_model *hl_dynamic_hydraulics(const hl_dynamic *d)
{
    return d ? d->hyd : NULL;
}

int hl_dynamic_set_consumer_flow(hl_dynamic *d, int c, double flow_kg_s)
{
    if (!d || c < 0 || c >= d->net->n_consumers)
        return HL_EINVAL;
    if (!tr_adapter_consumer_by_flow(d->run, c))
        return hl_error_set(&d->err, HL_EINVAL,
                            "consumer '%s' is given by heat, not by its flow",
                            hl_model_id(d->run, HL_CONSUMER, c));
    if (!(flow_kg_s >= 0.0) || !(flow_kg_s < 1e5))
        return hl_error_set(&d->err, HL_EINVAL,
                            "consumer flow %g kg/s: expected 0 to 1e5",
                            flow_kg_s);
    tr_adapter_set_consumer_flow(d->run, c, flow_kg_s);
    return HL_OK;
}

int hl_dynamic_set_consumer_return(hl_dynamic *d, int c, double t_k)
{
    if (!d || c < 0 || c >= d->net->n_consumers)
        return HL_EINVAL;
    if (!isnan(t_k) && !(t_k > 223.15 && t_k < 623.15))
        return hl_error_set(&d->err, HL_EINVAL,
                            "return temperature %g K: expected water "
                            "between -50 and 350 C",
                            t_k);
    d->co_tret_set[c] = t_k;
    d->net->co_tret[c] = isnan(t_k) ? d->co_tret_model[c] : t_k;
    return HL_OK;
}

int hl_dynamic_restart(hl_dynamic *d)
{
    if (!d)
        return HL_EINVAL;
    d->st->time_s = 0.0; /* a fresh start: no water arriving yet */
    if (solve(d))
        return d->err.code;
    if (fill(d))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    double w, v, g;
    tr_stored(d->st, &w, &v, &g);
    d->stored_prev = d->stored_start = w + v + g;
    d->in_total = d->delivered_total = d->lost_pipes_total = 0.0;
    d->lost_fit_total = d->residual_total = d->max_rel = 0.0;
    memset(&d->last, 0, sizeof d->last);
    d->next_hyd_s = d->opt.hydraulic_step_s;
    return HL_OK;
}

int hl_dynamic_set_inflow_temp(hl_dynamic *d, int v, double t_k)
{
    if (!d || v < 0 || v >= d->net->n_nodes)
        return HL_EINVAL;
    if (!isnan(t_k) && !(t_k > 223.15 && t_k < 623.15))
        return hl_error_set(&d->err, HL_EINVAL,
                            "inflow temperature %g K: expected water "
                            "between -50 and 350 C",
                            t_k);
    d->inflow_set[v] = t_k;
    if (!isnan(t_k))
        d->net->nd_in_t[v] = t_k;
    return HL_OK;
}

int hl_dynamic_resolve(hl_dynamic *d)
{
    if (!d)
        return HL_EINVAL;
    return solve(d);
}

static void account(hl_dynamic *d)
{
    const tr_energy *e = &d->st->step;
    double in = e->in_sources + e->in_pumps + e->in_boundary;
    double stored = e->stored_water + e->stored_wall + e->stored_soil;
    double change = stored - d->stored_prev;
    double lost = e->lost_pipes + e->lost_fittings;
    double res = in - e->delivered - lost - change;
    double scale = fabs(e->in_sources) + fabs(e->in_pumps) + e->boundary_gross +
                   fabs(e->delivered) + fabs(lost) + fabs(change);
    if (scale > 0.0)
        d->max_rel = fmax(d->max_rel, fabs(res) / scale);
    d->in_total += in;
    d->delivered_total += e->delivered;
    d->lost_pipes_total += e->lost_pipes;
    d->lost_fit_total += e->lost_fittings;
    d->residual_total += res;
    d->step_change = change;
    d->stored_prev = stored;
    d->last = *e;
}

int hl_dynamic_step(hl_dynamic *d)
{
    if (!d)
        return HL_EINVAL;
    if (d->st->time_s + 1e-9 >= d->next_hyd_s) {
        if (solve(d))
            return d->err.code;
        d->next_hyd_s += d->opt.hydraulic_step_s;
    }
    tr_adapter_boundary(d->net, d->run);
    if (tr_step(d->st))
        return hl_error_set(&d->err, HL_ENOMEM, "out of memory");
    account(d);
    return HL_OK;
}

double hl_dynamic_time(const hl_dynamic *d)
{
    return d ? d->st->time_s : NAN;
}

const char *hl_dynamic_error(const hl_dynamic *d)
{
    return d ? d->err.message : "no dynamic run";
}
