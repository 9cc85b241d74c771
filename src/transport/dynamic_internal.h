/*
 * dynamic_internal.h - the dynamic run handle (dynamic.c) as its result
 * accessors (dynamic_results.c) see it.
 */
#ifndef HL_DYNAMIC_INTERNAL_H
#define HL_DYNAMIC_INTERNAL_H

#include "transport/adapter.h"

struct hl_dynamic {
    hl_model *run;  /* the caller's conditions (hl_dynamic_model) */
    hl_model *hyd;  /* the steady solves of the hydraulics */
    hl_model *good; /* a copy of the last good solve (retries start here) */
    tr_net *net;
    tr_state *st;
    hl_dynamic_options opt;
    double next_hyd_s;
    double stored_prev, stored_start, max_rel, step_change;
    double *co_tret_model, *co_tret_set; /* K: the model's, the override */
    double *sp;         /* per source: set point kept over a solve, K */
    int unshifted;      /* solves that fell back to the set points' flows */
    int kept_flows;     /* hours that kept the last hour's flows */
    int cold_next;      /* the last solve failed: start the next cold */
    double *inflow_set; /* per node: inflow temperature set, K (NaN) */
    double in_total, delivered_total, lost_pipes_total, lost_fit_total;
    double residual_total;
    tr_energy last;
    hl_error err;
};

static inline int dyn_consumer_link(const hl_dynamic *d, int c)
{
    return d->net->co_link[c];
}

static inline int dyn_source_link(const hl_dynamic *d, int i)
{
    return d->net->so_link[i];
}

#endif
