/*
 * step.c - one transport step (docs/physics.md, "Temperature in time").
 *
 * Flows are constant within the step. Nodes hold no water: each mixes by
 * mass what flows in during the step (its enthalpy and its source time)
 * and sends it on. Nodes are visited in flow order; a link whose outlet
 * water over the step is known before its inlet is (a pipe holding at
 * least one step's flow, a source setting its temperature, a consumer
 * returning at a fixed temperature) is no dependency, so the loop
 * supply -> consumer -> return -> plant needs no iteration. A pipe:
 *   inlet:  the step's inflow passes the wall volume at the upstream end
 *           (exact) and enters as one parcel (at mid-step on average);
 *   outlet: the step's outflow is taken from the downstream end, each
 *           piece cooled until the moment it leaves, then passed through
 *           the downstream wall volume piece by piece (exact);
 *   between: every parcel relaxes towards its surroundings (pipe_loss.c).
 * Energy: every joule is booked (sources, pumps, boundary inflow and
 * outflow, consumers, pipe and fitting losses, stored heat), so
 * in = delivered + lost + change of stored heat holds to rounding; the
 * residual is reported, not assumed.
 */
#include "transport/transport.h"

#include <math.h>
#include <string.h>

#define TR_ZERO_FLOW 1e-5 /* kg/s, as the steady engine's THERMAL_ZERO_FLOW */

static double fh(const tr_state *s, double t)
{
    return tr_h(&s->net->fluid, t);
}

/* The enthalpy of parcel q at its temperature (kept, or found). */
static double parcel_h(const tr_state *s, const tr_parcel *q)
{
    return q->h != 0.0 ? q->h : fh(s, q->t);
}

static double ft(const tr_state *s, double h)
{
    return tr_t(&s->net->fluid, h);
}

#define TR_FLOWING(l) (fabs((l)->m) > TR_ZERO_FLOW)

/* The links as a step reads them (tr_link_hot) and the links each node's
 * water flows into, from the net's flows now. */
static void links_refresh(tr_state *s)
{
    const tr_net *n = s->net;
    for (int k = 0; k < n->n_links; k++) {
        tr_link_hot *l = &s->lk[k];
        l->m = n->lk_m[k];
        l->mf = fabs(l->m);
        l->fwd = l->m >= 0.0;
        l->up = l->fwd ? n->lk_from[k] : n->lk_to[k];
        l->down = l->fwd ? n->lk_to[k] : n->lk_from[k];
        l->sub = n->lk_sub[k];
        l->kind = n->lk_kind[k];
        l->flowing = TR_FLOWING(l);
        l->epoch = l->kind == TR_PIPE && tr_pipe(s, l->sub)->ep.on;
        l->delays =
            l->kind == TR_PIPE && n->pp_mass[l->sub] >= l->mf * s->step_s;
    }
    int at = 0;
    for (int v = 0; v < n->n_nodes; v++) {
        s->out_start[v] = at;
        for (int a = n->adj_start[v]; a < n->adj_start[v + 1]; a++) {
            int k = n->adj_link[a];
            if (s->lk[k].flowing && s->lk[k].up == v)
                s->out_link[at++] = k;
        }
    }
    s->out_start[n->n_nodes] = at;
    s->lk_gen = n->gen;
}

/* ---- pipes ----------------------------------------------------------------
 */

typedef struct outflow {
    tr_state *s;
    double m_dt, mflow, cum, h_sum, born_sum;
    double wallc, *vol;
} outflow;

static void piece_out(void *ctx, tr_parcel *q)
{
    outflow *a = ctx;
    double f = (a->cum + 0.5 * q->mass) / a->m_dt; /* when it leaves */
    a->cum += q->mass;
    double h = f > q->tref ? tr_parcel_age(a->s, q, f) : NAN, h_out;
    if (isnan(h))
        h = parcel_h(a->s, q);
    if (a->wallc > 0.0) /* (tr_volume passes the water of no wall) */
        *a->vol = tr_volume(&a->s->net->fluid, a->wallc, *a->vol, a->mflow,
                            q->t, h, q->mass / a->mflow, &h_out);
    else
        h_out = h;
    a->h_sum += q->mass * h_out;
    a->born_sum += q->mass * q->born;
}

/* Pipe i's inlet reached by the step's walk (the first step of an hour
 * records the order: tr_state_layout). */
static void note_touch(tr_state *s, int i)
{
    if (s->recording && !s->touched[i]) {
        s->touched[i] = 1;
        s->touch[s->n_touch++] = i;
    }
}

/* The step's outflow of pipe link k (state p) into lk_out[k]. */
static void pipe_outlet(tr_state *s, int k, tr_pipe_state *p)
{
    const tr_net *n = s->net;
    int i = s->lk[k].sub, fwd = s->lk[k].fwd;
    double mf = s->lk[k].mf;
    s->cur_pipe = i;
    outflow a = {s,
                 mf * s->step_s,
                 mf,
                 0,
                 0,
                 0,
                 n->pp_wallc[i],
                 &s->vol_t[2 * i + (fwd ? 1 : 0)]};
    double got = p->ep.on
                     ? tr_epoch_outlet(s, p, fwd, a.m_dt, &a.h_sum, &a.born_sum)
                     : tr_pipe_pop(p, fwd, a.m_dt, piece_out, &a);
    if (got > 0.0) {
        s->lk_out[k].h = a.h_sum / got;
        s->lk_out[k].born = a.born_sum / got;
    }
    /* lk_out[k].t is not kept for a pipe: its outflow goes to the
     * downstream node by enthalpy (deliver), which finds the temperature
     * of the mixture once */
}

/* The step's inflow into epoch pipe state p (no wall volume: the water
 * enters as it comes, a node that mixed it holding t = ft(h) already). */
static int epoch_inlet(tr_state *s, int k, tr_pipe_state *p,
                       const tr_flowinfo *in)
{
    int fwd = s->lk[k].fwd;
    double mf = s->lk[k].mf;
    int as_node = s->acc[s->lk[k].up].m > 0.0;
    tr_parcel q = {mf * s->step_s,
                   as_node ? in->t : ft(s, in->h),
                   in->born,
                   0.0,
                   0.0,
                   0.0,
                   s->step_s,
                   fwd,
                   0.0};
    return tr_epoch_inlet(s, p, !fwd, &q);
}

static int pipe_inlet(tr_state *s, int k, const tr_flowinfo *in)
{
    const tr_net *n = s->net;
    int i = s->lk[k].sub, fwd = s->lk[k].fwd;
    tr_pipe_state *p = tr_pipe(s, i);
    note_touch(s, i);
    if (p->ep.on)
        return epoch_inlet(s, k, p, in);
    double mf = s->lk[k].mf, h_out;
    double *vol = &s->vol_t[2 * i + (fwd ? 0 : 1)];
    *vol = tr_volume(&n->fluid, n->pp_wallc[i], *vol, mf, in->t, in->h,
                     s->step_s, &h_out);
    /* without a wall the water enters as it comes: a node that mixed an
     * inflow holds t = ft(h) already (node_visit), the same value */
    int as_node = !(n->pp_wallc[i] > 0.0) && s->acc[s->lk[k].up].m > 0.0;
    tr_parcel q = {mf * s->step_s,
                   as_node ? in->t : ft(s, h_out),
                   in->born,
                   0.5,
                   0.0,
                   0.0,
                   s->step_s,
                   fwd,
                   0.0}; /* enthalpy not known yet */
    tr_inlet_rate(s, i, q.t, !fwd, &q.rate, &q.t_eq);
    s->cur_pipe = i;
    if (p->n > 0) { /* a neighbour this close is joined at mid-step */
        tr_parcel *nb = tr_pipe_at(p, fwd ? 0 : p->n - 1);
        if (fabs(nb->t - q.t) <= s->merge_tol_k)
            tr_parcel_age(s, nb, 0.5);
    }
    return tr_pipe_push(p, !fwd, &q, s->merge_tol_k);
}

/* ---- nodes and links ------------------------------------------------------
 */

static void deliver(tr_state *s, int k, int counted, int *tail)
{
    int d = s->lk[k].down;
    double mf = s->lk[k].mf;
    s->acc[d].m += mf;
    s->acc[d].h += mf * s->lk_out[k].h;
    s->acc[d].born += mf * s->lk_out[k].born;
    if (counted && --s->acc[d].indeg == 0 && !s->acc[d].done)
        s->queue[(*tail)++] = d;
}

/* Outlet known before the inlet (no dependency)? Sets lk_out[k]. */
static int outlet_first(tr_state *s, int k)
{
    const tr_net *n = s->net;
    int sub = s->lk[k].sub;
    double mid = s->time_s + 0.5 * s->step_s;
    switch (s->lk[k].kind) {
    case TR_PIPE: /* delays: its outlet comes only from what it holds */
        if (!s->lk[k].delays)
            return 0;
        pipe_outlet(s, k, tr_pipe(s, sub));
        return 1;
    case TR_SOURCE:
        if (!(s->lk[k].m > 0.0) || isnan(n->so_tsup[sub]))
            return 0;
        s->lk_out[k] =
            (tr_flowinfo){n->so_tsup[sub], fh(s, n->so_tsup[sub]), mid, 0.0};
        return 1;
    case TR_CONSUMER:
        if (!(s->lk[k].m > 0.0) || !n->co_fixed_ret[sub])
            return 0;
        s->lk_out[k].t = n->co_tret[sub];
        s->lk_out[k].h = fh(s, n->co_tret[sub]);
        return 1; /* its source time: the last step's (age only) */
    default:
        return 0;
    }
}

static void consumer_inlet(tr_state *s, int k, const tr_flowinfo *in, int *tail)
{
    const tr_net *n = s->net;
    int c = s->lk[k].sub;
    double mf = s->lk[k].mf;
    if (!s->lk[k].ready) { /* against its flow a consumer draws nothing */
        s->lk_out[k].t = s->lk[k].m > 0.0 ? in->t - n->co_dt[c] : in->t;
        s->lk_out[k].h = fh(s, s->lk_out[k].t);
    }
    s->lk_out[k].born = in->born;
    s->co_tin[c] = in->t;
    s->co_tout[c] = s->lk_out[k].t;
    s->co_q[c] = mf * (in->h - s->lk_out[k].h);
    s->step.delivered += s->co_q[c] * s->step_s;
    if (!s->lk[k].ready)
        deliver(s, k, 1, tail);
}

static void source_inlet(tr_state *s, int k, const tr_flowinfo *in, int *tail)
{
    const tr_net *n = s->net;
    int c = s->lk[k].sub;
    double mf = s->lk[k].mf;
    if (!s->lk[k].ready) {
        double q = s->lk[k].m > 0.0 ? n->so_heat[c] : 0.0;
        s->lk_out[k] = (tr_flowinfo){0, in->h + q / mf, in->born, 0};
        s->lk_out[k].t = ft(s, s->lk_out[k].h);
    }
    s->so_tin[c] = in->t;
    s->so_tout[c] = s->lk_out[k].t;
    s->so_q[c] = mf * (s->lk_out[k].h - in->h);
    s->step.in_sources += s->so_q[c] * s->step_s;
    if (!s->lk[k].ready)
        deliver(s, k, 1, tail);
}

static void hx_inlet(tr_state *s, int k, const tr_flowinfo *in, int *tail)
{
    const tr_net *n = s->net;
    int h = s->lk[k].sub;
    s->lk_out[k] = *in; /* the side's inlet until both are known */
    if (--s->hx_pending[h] > 0)
        return;
    int kp = n->hx_pri[h], ks = n->hx_sec[h];
    double mp = s->lk[kp].flowing ? s->lk[kp].mf : 0.0;
    double ms = s->lk[ks].flowing ? s->lk[ks].mf : 0.0;
    double q = tr_hx_heat(n, h, s->lk_out[kp].t, s->lk_out[ks].t, mp, ms);
    s->hx_q[h] = q;
    if (mp > 0.0) {
        s->lk_out[kp].h -= q / mp;
        s->lk_out[kp].t = ft(s, s->lk_out[kp].h);
        deliver(s, kp, 1, tail);
    }
    if (ms > 0.0) { /* its heat left the plant with the primary's water */
        if (mp > 0.0)
            s->lk_out[ks].born = s->lk_out[kp].born;
        s->lk_out[ks].h += q / ms;
        s->lk_out[ks].t = ft(s, s->lk_out[ks].h);
        deliver(s, ks, 1, tail);
    }
}

static int link_inlet(tr_state *s, int k, const tr_flowinfo *in, int *tail)
{
    const tr_net *n = s->net;
    double mf = s->lk[k].mf;
    switch (s->lk[k].kind) {
    case TR_PIPE:
        if (pipe_inlet(s, k, in))
            return -1;
        if (!s->lk[k].ready) {
            pipe_outlet(s, k, tr_pipe(s, s->lk[k].sub));
            deliver(s, k, 1, tail);
        }
        return 0;
    case TR_CONSUMER:
        consumer_inlet(s, k, in, tail);
        return 0;
    case TR_SOURCE:
        source_inlet(s, k, in, tail);
        return 0;
    case TR_HX_PRI:
    case TR_HX_SEC:
        hx_inlet(s, k, in, tail);
        return 0;
    default: /* pumps and valves; pump heat: the lk_heat hook */
        s->lk_out[k] = *in;
        s->lk_out[k].h += n->lk_heat[k] / mf;
        s->lk_out[k].t = ft(s, s->lk_out[k].h);
        s->step.in_pumps += n->lk_heat[k] * s->step_s;
        deliver(s, k, 1, tail);
        return 0;
    }
}

static int node_visit(tr_state *s, int v, int *tail)
{
    const tr_net *n = s->net;
    tr_flowinfo *w = &s->node[v];
    s->acc[v].done = 1;
    if (s->acc[v].m > 0.0) {
        w->h = s->acc[v].h / s->acc[v].m;
        w->born = s->acc[v].born / s->acc[v].m;
        if (n->nd_fit_w[v] > 0.0) {
            w->h -= n->nd_fit_w[v] / s->acc[v].m;
            s->step.lost_fittings += n->nd_fit_w[v] * s->step_s;
        }
        w->t = ft(s, w->h);
    } else {
        w->h = fh(s, w->t); /* no inflow: keeps its last temperature */
    }
    s->step.in_boundary -= n->nd_out[v] * w->h * s->step_s;
    s->step.boundary_gross += fabs(n->nd_out[v] * w->h * s->step_s);
    for (int a = s->out_start[v]; a < s->out_start[v + 1]; a++)
        if (link_inlet(s, s->out_link[a], w, tail))
            return -1;
    return 0;
}

/* ---- the step -------------------------------------------------------------
 */

/* Link k with its outlet over the step known before its inlet (ready:
 * lk_out[k] set, delivered now), or one more inflow its downstream node
 * waits for. */
static void link_ready(tr_state *s, int k, int ready, int *tail)
{
    s->lk[k].ready = (signed char)ready;
    if (ready)
        deliver(s, k, 0, tail);
    else
        s->acc[s->lk[k].down].indeg++;
}

static void link_first(tr_state *s, int k, int *tail)
{
    link_ready(s, k, outlet_first(s, k), tail);
}

static void step_start(tr_state *s, int *tail)
{
    const tr_net *n = s->net;
    size_t nn = (size_t)n->n_nodes;
    memset(s->acc, 0, sizeof *s->acc * nn);
    for (int h = 0; h < n->n_hx; h++)
        s->hx_pending[h] =
            s->lk[n->hx_pri[h]].flowing + s->lk[n->hx_sec[h]].flowing;
    for (int c = 0; c < n->n_consumers; c++)
        s->co_q[c] = 0.0;
    for (int c = 0; c < n->n_sources; c++)
        s->so_q[c] = 0.0;
    for (int k = 0; k < n->n_links; k++) {
        s->lk[k].ready = 0;
        if (!s->lk[k].flowing || s->lk[k].epoch)
            continue;
        link_first(s, k, tail);
    }
    for (int j = 0; j < n->n_pipes; j++) { /* in order of memory */
        tr_pipe_state *p = &s->pipe[j];
        int k = n->pp_link[p->id];
        if (!s->lk[k].flowing || !s->lk[k].epoch)
            continue;
        /* outlet_first's pipe case with the state at hand (no look-up
         * of its place) */
        if (s->lk[k].delays)
            pipe_outlet(s, k, p);
        link_ready(s, k, s->lk[k].delays, tail);
    }
    double mid = s->time_s + 0.5 * s->step_s;
    for (int v = 0; v < n->n_nodes; v++) {
        if (!(n->nd_in[v] > 0.0))
            continue;
        double h = fh(s, n->nd_in_t[v]);
        s->acc[v].m += n->nd_in[v];
        s->acc[v].h += n->nd_in[v] * h;
        s->acc[v].born += n->nd_in[v] * mid;
        s->step.in_boundary += n->nd_in[v] * h * s->step_s;
        s->step.boundary_gross += fabs(n->nd_in[v] * h * s->step_s);
    }
}

/* A loop with no delay in it: the unvisited node missing fewest inflows
 * goes with what has arrived (counted in s->torn). */
static int tear(tr_state *s)
{
    int best = -1;
    for (int i = 0; i < s->net->n_nodes; i++)
        if (!s->acc[i].done &&
            (best < 0 || s->acc[i].indeg < s->acc[best].indeg))
            best = i;
    if (best >= 0 && s->acc[best].indeg > 0)
        s->torn++;
    return best;
}

/* Parcels to the end of the step, ready for the next; returns the heat
 * the water holds then, J (tr_stored's sum, in its order, from the
 * enthalpy the ageing gives: one pass over the parcels instead of two). */
static double step_finish(tr_state *s)
{
    double w = 0.0;
    long count = 0;
    size_t bytes = 0;
    for (int j = 0; j < s->net->n_pipes; j++) { /* in order of memory */
        tr_pipe_state *p = &s->pipe[j];
        int i = p->id;
        s->cur_pipe = i;
        if (p->ep.on)
            w += tr_epoch_finish(s, i);
        for (int c = 0; !p->ep.on && c < p->n; c++) {
            tr_parcel *q = tr_pipe_at(p, c);
            double h = tr_parcel_age(s, q, 1.0);
            q->tref = 0.0;
            w += q->mass * (isnan(h) ? parcel_h(s, q) : h);
        }
        count += p->n;
        bytes += tr_pipe_bytes(p);
    }
    s->parcels = count; /* tr_count's, in the same pass */
    s->parcel_bytes = bytes;
    return w;
}

int tr_step(tr_state *s)
{
    const tr_net *n = s->net;
    memset(&s->step, 0, sizeof s->step);
    s->torn = 0;
    tr_pipe_rates(s);
    if (s->lk_gen != n->gen) { /* new flows: record the walk's order */
        links_refresh(s);
        s->recording = 1;
        s->n_touch = 0;
        memset(s->touched, 0, (size_t)n->n_pipes);
    }
    int head = 0, tail = 0;
    step_start(s, &tail);
    for (int v = 0; v < n->n_nodes; v++)
        if (s->acc[v].indeg == 0)
            s->queue[tail++] = v;
    for (int seen = 0; seen < n->n_nodes;) {
        if (head == tail) {
            int v = tear(s);
            if (v < 0)
                break;
            s->queue[tail++] = v;
        }
        int v = s->queue[head++];
        if (s->acc[v].done)
            continue;
        if (node_visit(s, v, &tail))
            return -1;
        seen++;
    }
    s->step.stored_water = step_finish(s);
    tr_soil_step(s);
    s->time_s += s->step_s;
    tr_stored_solid(s, &s->step.stored_wall, &s->step.stored_soil);
    if (s->recording) {
        s->recording = 0;
        tr_state_layout(s);
    }
    return 0;
}
