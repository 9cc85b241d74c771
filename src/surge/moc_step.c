/*
 * moc_step.c - one time step of the method of characteristics (Wylie and
 * Streeter 1993, eqs. 3-18 to 3-21): along C+ and C-,
 *   H_P = C_P - B Q_P,  C_P = H_A + B Q_A - R Q_A |Q_A|
 *   H_P = C_M + B Q_P,  C_M = H_B - B Q_B + R Q_B |Q_B|
 * with B = a / (g A) and R = f dx / (2 g D A^2) (quasi-steady friction,
 * first order in the previous step's flow). A point whose head would fall
 * below vapour head holds it and opens a cavity whose volume integrates
 * the difference of its outflow and inflow (DVCM, Bergant, Simpson and
 * Tijsseling 2006, eqs. 7-10); it closes when the volume returns to zero.
 */
#include "surge/moc.h"

#include <math.h>
#include <string.h>

/* DVCM at point j: vapour head held, the two flows differ. */
static void cavity_point(surge_net *s, long j, double cp, double cm, double b)
{
    double hv = s->hv[j], qu = (cp - hv) / b, qd = (hv - cm) / b;
    double rate = qd - qu;
    double v =
        s->vcav[j] + s->dt * (s->psi * rate + (1.0 - s->psi) * s->vrate[j]);
    if (v <= 0.0) { /* collapse: the liquid solution */
        s->vcav[j] = 0.0;
        s->vrate[j] = 0.0;
        s->hn[j] = 0.5 * (cp + cm);
        s->qun[j] = s->qdn[j] = (cp - cm) / (2.0 * b);
        return;
    }
    if (s->vcav[j] <= 0.0)
        s->n_cav_open++;
    if (isnan(s->tcav[j]))
        s->tcav[j] = s->t + s->dt;
    if (v > s->vmax[j])
        s->vmax[j] = v;
    s->vcav[j] = v;
    s->vrate[j] = rate;
    s->hn[j] = hv;
    s->qun[j] = qu;
    s->qdn[j] = qd;
}

/* The interior points of pipe p, vectorisable except for the cavity
 * branch. */
static void interior(surge_net *s, int p)
{
    long o = s->pp_off[p];
    int n = s->pp_n[p];
    double b = s->pp_b[p], r = s->pp_rq[p];
    const double *h = s->h, *qd = s->qd, *qu = s->qu;
    for (long j = o + 1; j < o + n; j++) {
        double qa = qd[j - 1], qb = qu[j + 1];
        double cp = h[j - 1] + b * qa - r * qa * fabs(qa);
        double cm = h[j + 1] - b * qb + r * qb * fabs(qb);
        double hp = 0.5 * (cp + cm);
        if (hp >= s->hv[j] && s->vcav[j] <= 0.0) {
            s->hn[j] = hp;
            s->qun[j] = s->qdn[j] = (cp - cm) / (2.0 * b);
        } else {
            cavity_point(s, j, cp, cm, b);
        }
    }
}

/* Brunone's unsteady friction (Brunone, Golia and Greco 1991, with the
 * sign term of Vitkovsky, Lambert, Simpson and Bergant, J. Hydraul. Eng.
 * 2000): J_u = k / (g A) (dQ/dt + a sign(Q) |dQ/dx|); along a
 * characteristic over dt = dx / a it adds k B (dQ_t + sign(Q) |dQ_x|),
 * dQ_t the change at the foot over the last step, dQ_x the difference to
 * the neighbour on the characteristic's side (Bergant, Simpson and
 * Vitkovsky, J. Hydraul. Res. 39 (2001) 249-257). */
static double brunone(const surge_net *s, long foot, long side, double kb)
{
    double q = s->qd[foot];
    double dq_t = q - s->qprev[foot], dq_x = fabs(s->qd[side] - q);
    return kb * (dq_t + (q < 0.0 ? -dq_x : dq_x));
}

/* The interior points with Brunone's term (a separate loop keeps the
 * quasi-steady one free of it). */
static void interior_brunone(surge_net *s, int p)
{
    long o = s->pp_off[p];
    int n = s->pp_n[p];
    double b = s->pp_b[p], r = s->pp_rq[p], kb = s->pp_kb[p] * b;
    for (long j = o + 1; j < o + n; j++) {
        double qa = s->qd[j - 1], qb = s->qu[j + 1];
        double cp =
            s->h[j - 1] + b * qa - r * qa * fabs(qa) - brunone(s, j - 1, j, kb);
        double cm =
            s->h[j + 1] - b * qb + r * qb * fabs(qb) + brunone(s, j + 1, j, kb);
        double hp = 0.5 * (cp + cm);
        if (hp >= s->hv[j] && s->vcav[j] <= 0.0) {
            s->hn[j] = hp;
            s->qun[j] = s->qdn[j] = (cp - cm) / (2.0 * b);
        } else {
            cavity_point(s, j, cp, cm, b);
        }
    }
}

/* C+ at the downstream end and C- at the upstream end of pipe p; each
 * end's node gets inflow = sc - sb p. */
static void pipe_ends(surge_net *s, int p, double *cm0, double *cpn)
{
    long o = s->pp_off[p];
    int n = s->pp_n[p];
    double b = s->pp_b[p], r = s->pp_rq[p], rho = s->pp_rho[p];
    double qb = s->qu[o + 1], qa = s->qd[o + n - 1];
    *cm0 = s->h[o + 1] - b * qb + r * qb * fabs(qb);
    *cpn = s->h[o + n - 1] + b * qa - r * qa * fabs(qa);
    if (s->pp_kb[p] > 0.0) {
        *cm0 += brunone(s, o + 1, o, s->pp_kb[p] * b);
        *cpn -= brunone(s, o + n - 1, o + n, s->pp_kb[p] * b);
    }
    int u = s->pp_from[p], v = s->pp_to[p];
    double gb = 1.0 / (s->g * b);
    s->nd_sc[u] += rho * (*cm0 - s->nd_z[u]) / b;
    s->nd_sb[u] += gb;
    s->nd_sc[v] += rho * (*cpn - s->nd_z[v]) / b;
    s->nd_sb[v] += gb;
}

static void set_ends(surge_net *s, int p, double cm0, double cpn)
{
    long o = s->pp_off[p];
    int n = s->pp_n[p];
    double b = s->pp_b[p], rg = s->pp_rho[p] * s->g;
    int u = s->pp_from[p], v = s->pp_to[p];
    double hu = s->nd_z[u] + s->nd_p[u] / rg, hw = s->nd_z[v] + s->nd_p[v] / rg;
    s->hn[o] = hu;
    s->qdn[o] = s->qun[o] = (hu - cm0) / b;
    s->hn[o + n] = hw;
    s->qdn[o + n] = s->qun[o + n] = (cpn - hw) / b;
}

static void swap(double **a, double **b)
{
    double *t = *a;
    *a = *b;
    *b = t;
}

void surge_step(surge_net *s)
{
    double t = s->t + s->dt;
    for (int i = 0; i < s->n_nodes; i++)
        s->nd_sc[i] = s->nd_sb[i] = 0.0;
    for (int p = 0; p < s->n_pipes; p++) {
        if (s->pp_rl[p] > 0.0) {
            long o = s->pp_off[p];
            double qm = 0.5 * (s->qd[o] + s->qu[o + s->pp_n[p]]);
            s->pp_rq[p] = surge_pipe_r(s, p, qm);
        }
        if (s->pp_kb[p] > 0.0)
            interior_brunone(s, p);
        else
            interior(s, p);
        long o = s->pp_off[p];
        pipe_ends(s, p, &s->hn[o], &s->hn[o + s->pp_n[p]]);
    }
    for (int c = 0; c < s->n_clusters; c++)
        surge_cluster_solve(s, c, t);
    for (int p = 0; p < s->n_pipes; p++) {
        long o = s->pp_off[p];
        set_ends(s, p, s->hn[o], s->hn[o + s->pp_n[p]]);
    }
    if (s->friction == SURGE_BRUNONE)
        memcpy(s->qprev, s->qd, sizeof(double) * (size_t)s->n_points);
    swap(&s->h, &s->hn);
    swap(&s->qd, &s->qdn);
    swap(&s->qu, &s->qun);
    for (long j = 0; j < s->n_points; j++) {
        double h = s->h[j];
        s->hmax[j] = h > s->hmax[j] ? h : s->hmax[j];
        s->hmin[j] = h < s->hmin[j] ? h : s->hmin[j];
    }
    s->t = t;
    s->step++;
    surge_control_step(s);
}
