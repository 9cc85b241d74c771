/*
 * dynamic_results.c - what a dynamic run reports after each step: the
 * water at nodes, consumers and sources, transit times and ages, and the
 * energy account with the stored heat.
 */
#include "transport/dynamic_internal.h"

#include <math.h>
#include <string.h>

int hl_dynamic_node_state(const hl_dynamic *d, int v, hl_dynamic_node *out)
{
    if (!d || !out || v < 0 || v >= d->net->n_nodes)
        return HL_EINVAL;
    const tr_state *s = d->st;
    out->temp_k = s->node[v].t;
    out->transit_s = s->tau[v];
    out->age_s = s->time_s - s->node[v].born;
    return HL_OK;
}

int hl_dynamic_consumer_state(const hl_dynamic *d, int c,
                              hl_dynamic_consumer *out)
{
    if (!d || !out || c < 0 || c >= d->net->n_consumers)
        return HL_EINVAL;
    const tr_net *n = d->net;
    const tr_state *s = d->st;
    int k = dyn_consumer_link(d, c);
    int v = n->lk_m[k] >= 0.0 ? n->lk_from[k] : n->lk_to[k];
    out->flow_kg_s = fabs(n->lk_m[k]);
    out->supply_temp_k = s->node[v].t;
    out->return_temp_k = out->flow_kg_s > 1e-5 ? s->co_tout[c] : s->node[v].t;
    out->heat_w = s->co_q[c];
    out->transit_s = s->tau[v];
    out->age_s = s->time_s - s->node[v].born;
    return HL_OK;
}

int hl_dynamic_source_state(const hl_dynamic *d, int i, hl_dynamic_source *out)
{
    if (!d || !out || i < 0 || i >= d->net->n_sources)
        return HL_EINVAL;
    const tr_net *n = d->net;
    int k = dyn_source_link(d, i);
    out->flow_kg_s = fabs(n->lk_m[k]);
    out->supply_temp_k = d->st->so_tout[i];
    out->return_temp_k = d->st->so_tin[i];
    out->heat_w = d->st->so_q[i];
    return HL_OK;
}

int hl_dynamic_energy_state(const hl_dynamic *d, hl_dynamic_energy *out)
{
    if (!d || !out)
        return HL_EINVAL;
    memset(out, 0, sizeof *out);
    const tr_energy *e = &d->last;
    out->step_in_j = e->in_sources + e->in_pumps + e->in_boundary;
    out->step_delivered_j = e->delivered;
    out->step_lost_j = e->lost_pipes + e->lost_fittings;
    out->step_sources_j = e->in_sources;
    out->step_pumps_j = e->in_pumps;
    out->step_boundary_j = e->in_boundary;
    out->step_boundary_gross_j = e->boundary_gross;
    out->step_lost_pipes_j = e->lost_pipes;
    out->step_lost_fittings_j = e->lost_fittings;
    out->stored_water_j = e->stored_water;
    out->stored_wall_j = e->stored_wall;
    out->stored_soil_j = e->stored_soil;
    out->stored_j = d->stored_prev;
    out->step_stored_change_j = d->step_change;
    out->step_residual_j = out->step_in_j - out->step_delivered_j -
                           out->step_lost_j - out->step_stored_change_j;
    out->in_j = d->in_total;
    out->delivered_j = d->delivered_total;
    out->lost_pipes_j = d->lost_pipes_total;
    out->lost_fittings_j = d->lost_fit_total;
    out->stored_change_j = d->stored_prev - d->stored_start;
    out->residual_j = d->residual_total;
    out->max_step_relative_residual = d->max_rel;
    out->torn_nodes = d->st->torn;
    out->unshifted_solves = d->unshifted;
    out->kept_flow_hours = d->kept_flows;
    out->parcels = d->st->parcels; /* counted after each step */
    out->parcel_bytes = d->st->parcel_bytes;
    return HL_OK;
}
