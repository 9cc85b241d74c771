/*
 * pipe_loss.c - heat lost by the water in transit, by the pipe's own
 * steady heat-loss model: the linear resistances r11 (and, for a buried
 * pair, r22 and r12) that the steady engine evaluates for the hour
 * (datasheet U', U on a surface, or the build-up with lambda(T) at the
 * hour's temperatures). Per metre q = G theta with G = R^-1, so a parcel
 * of pipe 1 at the place where its partner's water has excess theta2
 * relaxes as
 *     (M/L) cp dtheta1/dt = -(g11 theta1 + g12 theta2)
 *     rate a = g11 / ((M/L) cp),  theta_eq = -g12 theta2 / g11 = r12/r22 theta2
 * with theta2 the partner's local temperature along the chainage at the
 * start of the step (explicit in the partner, exact in the parcel). A
 * single pipe has g11 = 1 / r11 and theta_eq = 0: it cools to its
 * surroundings, never below them.
 * Friction heat q (W/m, issue 13) adds a constant source:
 *     (M/L) cp dtheta1/dt = -(g11 theta1 + g12 theta2) + q
 * which moves the equilibrium by q / g11 and leaves the rate: the same
 * exact exponential (the steady engine's solution along the pipe).
 */
#include "transport/transport.h"

#include <math.h>

void tr_rate_of(const tr_state *s, int i, double t_k, double t_partner,
                double *rate, double *t_eq)
{
    const tr_net *n = s->net;
    double r11 = n->pp_r11[i], amb = n->pp_amb[i];
    double mpm = s->mpm[i];
    double qf = n->pp_qf[i];
    *t_eq = amb;
    *rate = 0.0;
    if (!(r11 < INFINITY) || !(r11 > 0.0) || !(mpm > 0.0))
        return;
    double c = mpm * tr_cp(&n->fluid, t_k);
    if (n->pp_soilc[i] > 0.0) { /* towards its soil node, through the
                                   inner share of the resistance */
        *t_eq = s->soil_t[i] + qf * n->pp_soilf[i] * r11;
        *rate = 1.0 / (n->pp_soilf[i] * r11 * c);
        return;
    }
    int j = n->pp_pair[i];
    if (j >= 0 && !isnan(t_partner) && n->pp_r12[i] > 0.0) {
        double r22 = n->pp_r11[j], r12 = n->pp_r12[i];
        double det = r11 * r22 - r12 * r12;
        if (det > 0.0 && r22 < INFINITY) {
            *rate = r22 / det / c;
            *t_eq = amb + r12 / r22 * (t_partner - amb) + qf * det / r22;
            return;
        }
    }
    *rate = 1.0 / (r11 * c);
    *t_eq = amb + qf * r11;
}

/* Temperature of pipe j's water at the end given (0 from, 1 to). */
static double end_temp(const tr_state *s, int j, int at_to_end)
{
    const tr_pipe_state *p = tr_pipe(s, j);
    if (p->n == 0)
        return NAN;
    return tr_pipe_at(p, at_to_end ? p->n - 1 : 0)->t;
}

/* The rate of pipe i with no partner at heat capacity cp is the one kept
 * from this hour (same_rates)? Not for a soil node's pipe (the node moves
 * every step). */
static int cached(const tr_state *s, int i, double cp)
{
    return s->rc_gen[i] == s->net->gen && cp == s->rc_cp[i] &&
           !(s->net->pp_soilc[i] > 0.0);
}

void tr_inlet_rate(const tr_state *s, int i, double t_k, int at_to_end,
                   double *rate, double *t_eq)
{
    int j = s->net->pp_pair[i];
    double tp = NAN;
    if (j >= 0)
        tp = end_temp(s, j, s->net->pp_pair_same[i] ? at_to_end : !at_to_end);
    if (isnan(tp) && cached(s, i, tr_cp(&s->net->fluid, t_k))) {
        *rate = s->rc_rate[i];
        *t_eq = s->rc_teq[i];
        return;
    }
    tr_rate_of(s, i, t_k, tp, rate, t_eq);
}

/* Rates of pipe i's parcels beside partner j: walk both in j's order
 * (pipe i forwards when the pair runs the same way, else backwards), the
 * partner's temperature at each parcel's middle. */
static void pair_rates(tr_state *s, int i, int j)
{
    tr_pipe_state *pi = tr_pipe(s, i), *pj = tr_pipe(s, j);
    double mi = tr_pipe_mass(pi), mj = tr_pipe_mass(pj);
    int same = s->net->pp_pair_same[i];
    double cum_i = 0.0, cum_j = 0.0;
    int b = 0;
    for (int k = 0; k < pi->n; k++) {
        tr_parcel *q = tr_pipe_at(pi, same ? k : pi->n - 1 - k);
        double x = mi > 0.0 ? (cum_i + 0.5 * q->mass) / mi : 0.5;
        cum_i += q->mass;
        while (b < pj->n - 1 && cum_j + tr_pipe_at(pj, b)->mass < x * mj)
            cum_j += tr_pipe_at(pj, b++)->mass;
        double tp = pj->n ? tr_pipe_at(pj, b)->t : NAN;
        tr_rate_of(s, i, q->t, tp, &q->rate, &q->t_eq);
    }
}

/* Rates of pipe i's parcels with no partner: a parcel's temperature
 * enters only through its heat capacity, so parcels at the same cp share
 * the rate of the last one (all of them where cp is constant). */
static void same_rates(tr_state *s, int i)
{
    const tr_fluid *f = &s->net->fluid;
    tr_pipe_state *p = tr_pipe(s, i);
    double cp_last = NAN, rate = 0.0, t_eq = 0.0;
    for (int k = 0; k < p->n; k++) {
        tr_parcel *q = tr_pipe_at(p, k);
        double cp = tr_cp(f, q->t);
        if (k == 0 && cached(s, i, cp)) {
            cp_last = cp;
            rate = s->rc_rate[i];
            t_eq = s->rc_teq[i];
        } else if (!(cp == cp_last)) {
            tr_rate_of(s, i, q->t, NAN, &rate, &t_eq);
            cp_last = cp;
        }
        q->rate = rate;
        q->t_eq = t_eq;
    }
    if (p->n > 0) { /* kept for the next step and this step's inlet */
        s->rc_gen[i] = s->net->gen;
        s->rc_cp[i] = cp_last;
        s->rc_rate[i] = rate;
        s->rc_teq[i] = t_eq;
    }
}

void tr_pipe_rates(tr_state *s)
{
    const tr_net *n = s->net;
    for (int at = 0; at < n->n_pipes; at++) { /* in order of memory */
        int i = s->pipe[at].id;
        tr_epoch_rates(s, i);
        if (s->pipe[at].ep.on) /* one rate for the pipe (epoch.c) */
            continue;
        int j = n->pp_pair[i];
        if (j >= 0 && n->pp_r12[i] > 0.0 && tr_pipe(s, j)->n > 0) {
            pair_rates(s, i, j);
            continue;
        }
        same_rates(s, i);
    }
}

/* tr_exp(x) from the last two (the same value: it is a function). */
static double memo_exp(tr_state *s, double x)
{
    if (x == s->memo_arg[0])
        return s->memo_exp[0];
    if (x == s->memo_arg[1])
        return s->memo_exp[1];
    int k = s->memo_next;
    s->memo_next = !k;
    s->memo_arg[k] = x;
    s->memo_exp[k] = tr_exp(x);
    return s->memo_exp[k];
}

double tr_parcel_age(tr_state *s, tr_parcel *q, double f)
{
    double dt = (f - q->tref) * s->step_s;
    q->tref = f;
    if (!(dt > 0.0) || !(q->rate > 0.0))
        return NAN;
    const tr_fluid *fl = &s->net->fluid;
    double h0 = q->h != 0.0 ? q->h : tr_h(fl, q->t);
    double x = -q->rate * dt;
    q->t = q->t_eq + (q->t - q->t_eq) * memo_exp(s, x);
    /* the friction heat the parcel took over its length (mass per metre)
     * counts as heat in, so the loss stays the loss to the ground */
    const tr_net *n = s->net;
    int i = s->cur_pipe;
    double mpm = s->mpm[i], qf = n->pp_qf[i], gain = 0.0;
    if (qf != 0.0 && mpm > 0.0) {
        gain = qf * q->mass / mpm * dt;
        s->step.in_pumps += gain;
    }
    double h1 = tr_h(fl, q->t);
    q->h = h1;
    double lost = q->mass * (h0 - h1) + gain;
    s->step.lost_pipes += lost;
    if (s->has_soil) /* only the soil nodes take it (tr_soil_step) */
        s->pipe_gain[i] += lost;
    return h1;
}

void tr_soil_step(tr_state *s)
{
    const tr_net *n = s->net;
    for (int i = 0; s->has_soil && i < n->n_pipes; i++) {
        double c = n->pp_soilc[i] * n->pp_len[i]; /* J/K */
        double gain = s->pipe_gain[i];
        s->pipe_gain[i] = 0.0;
        if (!(c > 0.0))
            continue;
        /* C dTs/dt = gain/dt - L (Ts - Tg) / r_out, exact for the step */
        double r_out = (1.0 - n->pp_soilf[i]) * n->pp_r11[i] / n->pp_len[i];
        double amb = n->pp_amb[i], t0 = s->soil_t[i];
        double t_inf = amb + gain / s->step_s * r_out;
        double t1 = t_inf + (t0 - t_inf) * tr_exp(-s->step_s / (c * r_out));
        s->soil_t[i] = t1;
        /* the water's heat stays in the soil but what the node kept */
        s->step.lost_pipes -= c * (t1 - t0);
    }
}
