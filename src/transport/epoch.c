/*
 * epoch.c - pipes whose parcels share one relaxation (docs/physics.md,
 * "Temperature in time", the epoch form).
 *
 * Where the heat capacity is constant and a pipe has no wall volume, no
 * soil node, no buried partner and no friction heat, every parcel in it
 * relaxes at the same rate a towards the same temperature teq while the
 * hour's resistances and surroundings hold:
 *     theta(t) = theta(t0) e^(-a (t - t0)),   theta = T - teq,
 * so with one factor per pipe, e0 = e^(-a (now - epoch)), a parcel keeps
 * theta* = theta(now) / e0, which no longer changes: a step multiplies
 * e0 by e^(-a step) instead of ageing each parcel (the same exact
 * solution; only rounding differs). Water entering at mid-step with
 * excess theta enters as theta / (e0 e^(-a step/2)); a piece leaving at
 * fraction f of the step leaves at theta* e0 e^(-a f step). The pipe's
 * loss over a step is the decay of its water's excess heat:
 *     loss = X(start) + X(in) - X(out) - X(end),   X = cp sum m theta,
 * (the teq parts cancel by mass), and its stored heat
 *     sum m h = M h(teq) + X(end).
 * A change of rate or teq (the adapter's hourly resistances and
 * surroundings) brings the parcels back to their temperatures now and
 * starts a new epoch; so does any change that makes the pipe ineligible.
 */
#include "transport/transport.h"

#include <math.h>

#define E0_FLOOR 1e-150 /* below: the excesses rescaled (no underflow) */

static int eligible(const tr_state *s, int i)
{
    const tr_net *n = s->net;
    return !s->epoch_off && n->fluid.cp_const > 0.0 &&
           !(n->pp_wallc[i] != 0.0) && !(n->pp_soilc[i] != 0.0) &&
           n->pp_pair[i] < 0 && n->pp_qf[i] == 0.0;
}

/* Parcels back to their temperatures now (the plain form at a step's
 * start: tref 0). */
static void to_plain(tr_state *s, int i)
{
    tr_pipe_state *p = tr_pipe(s, i);
    for (int k = 0; k < p->n; k++) {
        tr_parcel *q = tr_pipe_at(p, k);
        q->t = p->ep.teq + q->t * p->ep.e0;
        q->tref = 0.0;
        q->h = 0.0;
    }
    p->ep.on = 0;
}

/* A new epoch now at rate and teq, from the plain form or from the old
 * epoch (one pass). The parcels' rate and t_eq are what a split in
 * parcels.c reads: an excess relaxes towards 0 at the rate. */
static void to_epoch(tr_state *s, int i, double rate, double teq)
{
    tr_pipe_state *p = tr_pipe(s, i);
    tr_epoch *e = &p->ep;
    double m = 0.0, mt = 0.0;
    double base = e->on ? e->teq : 0.0, scale = e->on ? e->e0 : 1.0;
    for (int k = 0; k < p->n; k++) {
        tr_parcel *q = tr_pipe_at(p, k);
        q->t = base + q->t * scale - teq;
        q->rate = rate;
        q->t_eq = 0.0;
        q->tref = 0.0; /* an absolute time (s) in epoch form: the past */
        q->h = 0.0;
        m += q->mass;
        mt += q->mass * q->t;
    }
    e->rate = rate;
    e->teq = teq;
    e->e0 = 1.0;
    e->decay = exp(-rate * s->step_s);
    e->half = exp(-0.5 * rate * s->step_s);
    e->m = m;
    e->mt = mt;
    e->x = s->net->fluid.cp_const * mt;
    e->dx = 0.0;
    e->on = 1;
}

void tr_epoch_rates(tr_state *s, int i)
{
    tr_epoch *e = &tr_pipe(s, i)->ep;
    unsigned long gen = s->net->gen;
    if (e->on && e->gen == gen)
        return;
    int want = eligible(s, i);
    double rate = 0.0, teq = 0.0;
    if (want) /* the heat capacity is constant: any temperature will do */
        tr_rate_of(s, i, e->teq, NAN, &rate, &teq);
    e->gen = gen;
    if (want && !(e->on && rate == e->rate && teq == e->teq))
        to_epoch(s, i, rate, teq);
    else if (!want && e->on)
        to_plain(s, i);
}

double tr_parcel_temp(const tr_state *s, int i, const tr_parcel *q)
{
    const tr_epoch *e = &tr_pipe(s, i)->ep;
    return e->on ? e->teq + q->t * e->e0 : q->t;
}

typedef struct ep_out {
    double m_dt, cum, ad; /* kg over the step; kg so far; a step */
    double t0, step;      /* s: the step's start and length */
    double x_sum, born_sum, mt_out;
} ep_out;

static void piece_out(void *ctx, tr_parcel *q)
{
    ep_out *a = ctx;
    double f = (a->cum + 0.5 * q->mass) / a->m_dt; /* when it leaves */
    double f_ref = (q->tref - a->t0) / a->step;
    if (f < f_ref) /* as the plain form: not before its reference */
        f = f_ref;
    double mt = q->mass * q->t;
    a->cum += q->mass;
    a->mt_out += mt;
    a->x_sum += mt * tr_exp(-a->ad * f);
    a->born_sum += q->mass * q->born;
}

/* The pipe's sums after mass m with sum mt left. A pipe left with one or
 * two parcels (just read) takes them exactly, so the sums carry no
 * rounding from one step to the next where the water passes quickly. */
static void keep_sums(tr_pipe_state *p, double m, double mt)
{
    tr_epoch *e = &p->ep;
    if (p->n > 2) {
        e->m -= m;
        e->mt -= mt;
        return;
    }
    e->m = e->mt = 0.0;
    for (int k = 0; k < p->n; k++) {
        const tr_parcel *q = tr_pipe_at(p, k);
        e->m += q->mass;
        e->mt += q->mass * q->t;
    }
}

double tr_epoch_outlet(tr_state *s, tr_pipe_state *p, int at_to_end,
                       double m_dt, double *h_sum, double *born_sum)
{
    tr_epoch *e = &p->ep;
    ep_out a = {m_dt, 0.0, e->rate * s->step_s, s->time_s, s->step_s, 0.0,
                0.0,  0.0};
    double got = tr_pipe_pop(p, at_to_end, m_dt, piece_out, &a);
    double x_out = s->net->fluid.cp_const * e->e0 * a.x_sum; /* J */
    e->dx -= x_out;
    keep_sums(p, got, a.mt_out);
    *h_sum = got * tr_h(&s->net->fluid, e->teq) + x_out;
    *born_sum = a.born_sum;
    return got;
}

int tr_epoch_inlet(tr_state *s, tr_pipe_state *p, int at_to_end, tr_parcel *q)
{
    tr_epoch *e = &p->ep;
    double theta = q->t - e->teq;
    double e_mid = e->e0 * e->half;
    e->dx += s->net->fluid.cp_const * q->mass * theta;
    q->t = theta / e_mid;
    e->m += q->mass;
    e->mt += q->mass * q->t;
    q->rate = e->rate;
    q->t_eq = 0.0;
    q->h = 0.0;
    /* tref (absolute, s): the plain form's reference time of the parcel
     * (a piece leaves at it or later); the water enters at mid-step, and
     * a neighbour this close is joined there, as the plain form ages it
     * to mid-step first (pipe_inlet), so that both give the same */
    q->tref = s->time_s + 0.5 * s->step_s;
    if (p->n > 0) {
        tr_parcel *nb = tr_pipe_at(p, at_to_end ? p->n - 1 : 0);
        if (fabs(e->teq + nb->t * e->e0 - (e->teq + theta)) <= s->merge_tol_k)
            nb->tref = q->tref;
    }
    /* within merge_tol_k at mid-step is within merge_tol_k / e_mid in
     * excesses at the epoch */
    return tr_pipe_push(p, at_to_end, q, s->merge_tol_k / e_mid);
}

double tr_epoch_finish(tr_state *s, int i)
{
    tr_pipe_state *p = tr_pipe(s, i);
    tr_epoch *e = &p->ep;
    double e1 = e->e0 * e->decay;
    double x1 = s->net->fluid.cp_const * e1 * e->mt;
    s->step.lost_pipes += e->x + e->dx - x1;
    e->x = x1;
    e->dx = 0.0;
    e->e0 = e1;
    if (e1 < E0_FLOOR) { /* the same temperatures, a new epoch */
        for (int k = 0; k < p->n; k++)
            tr_pipe_at(p, k)->t *= e1;
        e->mt *= e1;
        e->e0 = 1.0;
    }
    return e->m * tr_h(&s->net->fluid, e->teq) + x1;
}
