/*
 * engine.c - the transport state of a network: allocation, the initial
 * fill of the pipes, the heat stored, and the current travel time from
 * the sources to every node.
 */
#include "transport/transport.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FILL_MAX_PARCELS 64 /* per pipe at the start */
#define ZERO_C_K         273.15

/* The pipes' states on cache lines of their own (a state with its
 * two end parcels is a whole number of lines: one pipe, no neighbour's
 * line), zeroed. */
static tr_pipe_state *pipe_states(size_t np)
{
    size_t bytes = (np * sizeof(tr_pipe_state) + 63) / 64 * 64;
    tr_pipe_state *p = aligned_alloc(64, bytes);
    if (p)
        memset(p, 0, bytes);
    return p;
}

int tr_state_new(tr_state **out, const tr_net *net, double step_s,
                 double merge_tol_k)
{
    tr_state *s = calloc(1, sizeof *s);
    *out = s;
    if (!s)
        return -1;
    s->net = net;
    s->step_s = step_s;
    s->merge_tol_k = merge_tol_k;
    size_t nn = (size_t)net->n_nodes + 1, nl = (size_t)net->n_links + 1;
    size_t np = (size_t)net->n_pipes + 1, nc = (size_t)net->n_consumers + 1;
    size_t ns = (size_t)net->n_sources + 1, nh = (size_t)net->n_hx + 1;
    s->pipe = pipe_states(np);
    s->spare = pipe_states(np);
    s->slot = calloc(np, sizeof(int));
    s->touch = calloc(np, sizeof(int));
    s->touched = calloc(np, 1);
    s->vol_t = calloc(2 * np, sizeof(double));
    s->soil_t = calloc(np, sizeof(double));
    s->node = calloc(nn, sizeof *s->node);
    s->lk_out = calloc(nl, sizeof *s->lk_out);
    s->co_tin = calloc(nc, sizeof(double));
    s->co_tout = calloc(nc, sizeof(double));
    s->co_q = calloc(nc, sizeof(double));
    s->so_tin = calloc(ns, sizeof(double));
    s->so_tout = calloc(ns, sizeof(double));
    s->so_q = calloc(ns, sizeof(double));
    s->hx_q = calloc(nh, sizeof(double));
    s->acc = calloc(nn, sizeof *s->acc);
    s->queue = calloc(2 * nn, sizeof(int)); /* tears enqueue again */
    s->tauin = calloc(nn, sizeof(double));
    s->lk = calloc(nl, sizeof *s->lk);
    s->out_start = calloc(nn + 1, sizeof(int));
    s->out_link = calloc(2 * nl, sizeof(int)); /* a loop: both ends */
    s->hx_pending = calloc(nh, sizeof(int));
    s->tau = calloc(nn, sizeof(double));
    s->pipe_gain = calloc(np, sizeof(double));
    s->mpm = calloc(np, sizeof(double));
    s->rc_gen = calloc(np, sizeof *s->rc_gen); /* 0: the net's gen is 1+ */
    s->rc_cp = calloc(np, sizeof(double));
    s->rc_rate = calloc(np, sizeof(double));
    s->rc_teq = calloc(np, sizeof(double));
    if (!s->pipe || !s->spare || !s->slot || !s->touch || !s->touched ||
        !s->vol_t || !s->soil_t || !s->node || !s->lk_out || !s->co_tin ||
        !s->co_tout || !s->co_q || !s->so_tin || !s->so_tout || !s->so_q ||
        !s->hx_q || !s->acc || !s->queue || !s->tauin || !s->lk ||
        !s->out_start || !s->out_link || !s->hx_pending || !s->tau ||
        !s->pipe_gain || !s->mpm || !s->rc_gen || !s->rc_cp || !s->rc_rate ||
        !s->rc_teq)
        return -1;
    for (int i = 0; i < net->n_pipes; i++) {
        s->slot[i] = i;
        s->pipe[i].id = i;
        s->mpm[i] =
            net->pp_len[i] > 0.0 ? net->pp_mass[i] / net->pp_len[i] : 0.0;
        s->has_wall |= net->pp_wallc[i] != 0.0;
        s->has_soil |= net->pp_soilc[i] != 0.0;
    }
    s->memo_arg[0] = s->memo_arg[1] = NAN;
    return 0;
}

void tr_state_free(tr_state *s)
{
    if (!s)
        return;
    if (s->pipe)
        for (int j = 0; j < s->net->n_pipes; j++)
            tr_pipe_free(&s->pipe[j]);
    free(s->pipe);
    free(s->spare);
    free(s->slot);
    free(s->touch);
    free(s->touched);
    free(s->vol_t);
    free(s->soil_t);
    free(s->node);
    free(s->lk_out);
    free(s->co_tin);
    free(s->co_tout);
    free(s->co_q);
    free(s->so_tin);
    free(s->so_tout);
    free(s->so_q);
    free(s->hx_q);
    free(s->acc);
    free(s->queue);
    free(s->tauin);
    free(s->lk);
    free(s->out_start);
    free(s->out_link);
    free(s->hx_pending);
    free(s->tau);
    free(s->pipe_gain);
    free(s->mpm);
    free(s->rc_gen);
    free(s->rc_cp);
    free(s->rc_rate);
    free(s->rc_teq);
    free(s);
}

void tr_state_layout(tr_state *s)
{
    int np = s->net->n_pipes, at = 0;
    tr_pipe_state *fresh = s->spare;
    for (int k = 0; k < s->n_touch; k++)
        fresh[at++] = *tr_pipe(s, s->touch[k]);
    for (int i = 0; i < np; i++)
        if (!s->touched[i])
            fresh[at++] = *tr_pipe(s, i);
    for (int j = 0; j < np; j++)
        s->slot[fresh[j].id] = j;
    s->spare = s->pipe;
    s->pipe = fresh;
}

/* Mean temperature between fractions x0 < x1 of a pipe whose ends are a
 * (x = 0) and b (x = 1): the steady profile of a single pipe, exponential
 * towards the surroundings, where both ends lie on one side of them
 * (expo = 1), else linear. */
static double profile_mean(double a, double b, double amb, double x0, double x1,
                           int expo)
{
    double ta = a - amb, tb = b - amb;
    if (expo && ta * tb > 0.0 && fabs(tb - ta) > 1e-12 * fabs(ta)) {
        double l = log(tb / ta);
        return amb + ta * (exp(l * x1) - exp(l * x0)) / (l * (x1 - x0));
    }
    return a + 0.5 * (x0 + x1) * (b - a);
}

/* Parcels in pipe i at the start: one step's flow each from the outlet
 * end (so the first steps take whole parcels), at most FILL_MAX_PARCELS
 * (then equal), each at the mean of the profile over its extent. */
static int fill_pipe(tr_state *s, int i, double a, double b, double born,
                     int expo)
{
    const tr_net *n = s->net;
    double mass = n->pp_mass[i], amb = n->pp_amb[i];
    double mf = fabs(n->lk_m[n->pp_link[i]]) * s->step_s;
    int fwd = n->lk_m[n->pp_link[i]] >= 0.0;
    double chunk = mf > 0.0 ? mf : mass;
    if (!(chunk > 0.0) || mass / chunk > FILL_MAX_PARCELS)
        chunk = mass / FILL_MAX_PARCELS;
    tr_pipe_state *p = tr_pipe(s, i);
    p->n = p->head = 0;
    p->ep.on = 0; /* temperatures now: the next step finds its form */
    p->ep.gen = 0;
    for (double done = 0.0; done < mass * (1.0 - 1e-12);) {
        double take = fmin(chunk, mass - done);
        /* fractions from the from-end of this piece, outlet end first */
        double u0 = done / mass, u1 = (done + take) / mass;
        double x0 = fwd ? 1.0 - u1 : u0, x1 = fwd ? 1.0 - u0 : u1;
        double t = mass > 0.0 ? profile_mean(a, b, amb, x0, x1, expo) : a;
        tr_parcel q = {take,
                       t,
                       born,
                       0.0,
                       0.0,
                       t,
                       mf > 0.0 ? take / (mf / s->step_s) : 0.0,
                       fwd,
                       0.0}; /* enthalpy not known yet */
        if (tr_pipe_push(p, !fwd, &q, -1.0))
            return -1;
        done += take;
    }
    return 0;
}

int tr_state_fill(tr_state *s, const double *t_from, const double *t_to,
                  double born, int expo)
{
    for (int i = 0; i < s->net->n_pipes; i++) {
        if (fill_pipe(s, i, t_from[i], t_to[i], born, expo))
            return -1;
        s->vol_t[2 * i] = t_from[i];
        s->vol_t[2 * i + 1] = t_to[i];
        /* a soil node at its steady share of the excess */
        double amb = s->net->pp_amb[i];
        s->soil_t[i] = amb + (0.5 * (t_from[i] + t_to[i]) - amb) *
                                 (1.0 - s->net->pp_soilf[i]);
    }
    tr_count(s);
    return 0;
}

void tr_count(tr_state *s)
{
    long n = 0;
    size_t bytes = 0;
    for (int i = 0; i < s->net->n_pipes; i++) {
        n += tr_pipe(s, i)->n;
        bytes += tr_pipe_bytes(tr_pipe(s, i));
    }
    s->parcels = n;
    s->parcel_bytes = bytes;
}

void tr_stored_solid(const tr_state *s, double *wall, double *soil)
{
    const tr_net *n = s->net;
    double v = 0.0, g = 0.0;
    /* without walls and soil every term is zero: the sums are 0 */
    for (int i = 0; (s->has_wall || s->has_soil) && i < n->n_pipes; i++) {
        v += n->pp_wallc[i] *
             (s->vol_t[2 * i] + s->vol_t[2 * i + 1] - 2.0 * ZERO_C_K);
        g += n->pp_soilc[i] * n->pp_len[i] * (s->soil_t[i] - ZERO_C_K);
    }
    *wall = v;
    *soil = g;
}

void tr_stored(const tr_state *s, double *water, double *wall, double *soil)
{
    const tr_net *n = s->net;
    double w = 0.0;
    for (int i = 0; i < n->n_pipes; i++) {
        const tr_pipe_state *p = tr_pipe(s, i);
        for (int k = 0; k < p->n; k++) {
            const tr_parcel *q = tr_pipe_at(p, k);
            w += q->mass * tr_h(&n->fluid, tr_parcel_temp(s, i, q));
        }
    }
    *water = w;
    tr_stored_solid(s, wall, soil);
}
