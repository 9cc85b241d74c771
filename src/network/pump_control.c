/*
 * pump_control.c - variable-speed pumps that hold a pressure: a pump with
 * a control node and set point changes its speed (affinity laws, the head
 * curve scales with s^2) until that node's gauge pressure meets the set
 * point, as a speed-controlled station holds its suction or discharge
 * pressure or a consumer's differential pressure. The speeds step inside
 * the hydraulic Newton iterations once the flows are close (hydraulics.c),
 * and between hydraulic solves if they still miss (solve.c): the misses
 * g = p_node(s) - p_set of all controlled pumps take one Newton step
 * together, J ds = -g, with J = d p_node / d s from the linear response
 * of the network at the current iterate to each pump's change of pressure
 * rise (hyd_loss_response): pumps in series move each other's control
 * pressures, which steps of each pump on its own only catch up with one
 * by one. Where J cannot be had (singular), each pump takes a secant
 * step on its own g(s) through its last two speeds (the first step
 * assumes the pressure moves with the pump's shut-off rise, d rise / d s
 * = 2 s rise_0). Steps are limited to a factor 1.5 and to speeds 0.05-2.
 * A pump held at a speed limit while its miss asks to go beyond it is
 * saturated: it runs at that limit, counts as settled (the network is
 * solved with it there), and the checks say which set point it misses.
 */
#include "network/hyd.h"

#include <math.h>
#include <string.h>

#define SPEED_MIN 0.05
#define SPEED_MAX 2.0

/* d p_node / d s from the pump's shut-off rise: + downstream, - at the
 * inlet (a faster pump pulls its suction down). */
static double first_slope(const hl_model *m, int i)
{
    int k = m->net->pu_link[i];
    double s = m->pu_speed[i];
    double rise0 = hyd_pump_shutoff(m, i, m->lk_rho[k]) / (s * s);
    double d = 2.0 * s * rise0;
    return m->net->pu_ctrl_node[i] == m->net->lk_from[k] ? -d : d;
}

static void set_speed(hl_model *m, int i, double next, double g)
{
    double s = m->pu_speed[i];
    next = fmin(fmax(next, s / 1.5), s * 1.5);
    next = fmin(fmax(next, SPEED_MIN), SPEED_MAX);
    m->pu_s_prev[i] = s;
    m->pu_g_prev[i] = g;
    m->pu_speed[i] = next;
}

static double miss(const hl_model *m, const double *p_node, int i)
{
    return p_node[m->net->pu_ctrl_node[i]] - m->net->pu_ctrl_p[i];
}

static double step(hl_model *m, const double *p_node, int i, int first)
{
    double s = m->pu_speed[i];
    double g = miss(m, p_node, i);
    if (fabs(g) <= NET_CONTROL_TOL_PA)
        return fabs(g); /* met: the solution stays that of this speed */
    double slope = first_slope(m, i);
    double ds = s - m->pu_s_prev[i];
    if (!first && !isnan(m->pu_g_prev[i]) && fabs(ds) > 1e-12) {
        double sec = (g - m->pu_g_prev[i]) / ds;
        if (isfinite(sec) && sec * slope > 0.0)
            slope = sec;
    }
    set_speed(m, i, s - g / slope, g);
    return fabs(g);
}

static int controlled(const hl_model *m, const double *p_node, int i)
{
    int k = m->net->pu_link[i];
    return m->net->pu_ctrl_node[i] >= 0 && m->lk_open[k] && !m->lk_cv_shut[k] &&
           !isnan(p_node[m->net->pu_ctrl_node[i]]);
}

int net_pump_saturated(const hl_model *m, const double *p_node, int i)
{
    if (!controlled(m, p_node, i))
        return 0;
    double s = m->pu_speed[i];
    double up = -miss(m, p_node, i) / first_slope(m, i); /* wanted ds */
    return (s >= SPEED_MAX && up > 0.0) || (s <= SPEED_MIN && up < 0.0);
}

/* d (pressure loss of pump i's link) / d speed at its solved flow, Pa
 * (central difference; the loss is negative for a rise). */
static double loss_per_speed(hl_model *m, int i)
{
    int k = m->net->pu_link[i];
    double s = m->pu_speed[i], e = 1e-6 * s, grad;
    m->pu_speed[i] = s + e;
    double up = hyd_link_loss(m, k, m->lk_m[k], &grad);
    m->pu_speed[i] = s - e;
    double down = hyd_link_loss(m, k, m->lk_m[k], &grad);
    m->pu_speed[i] = s;
    return (up - down) / (2.0 * e);
}

/* J[r n + c] = d miss of pump p[r] / d speed of pump p[c]. */
static int jacobian(hl_model *m, const int *p, int n, double *jac)
{
    const struct net_hyd *h = m->hyd;
    for (int c = 0; c < n; c++) {
        if (hyd_loss_response(m, m->net->pu_link[p[c]],
                              loss_per_speed(m, p[c])))
            return -1;
        for (int r = 0; r < n; r++) {
            int u = h->unk[m->net->pu_ctrl_node[p[r]]];
            jac[r * n + c] = u >= 0 ? h->resp[u] : 0.0;
        }
    }
    return 0;
}

/* Solve a x = b in place (x in b), partial pivoting; -1 if singular. */
static int dense_solve(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[piv * n + c]))
                piv = r;
        if (!(fabs(a[piv * n + c]) > 1e-300))
            return -1;
        for (int j = 0; j < n; j++) {
            double t = a[c * n + j];
            a[c * n + j] = a[piv * n + j];
            a[piv * n + j] = t;
        }
        double t = b[c];
        b[c] = b[piv];
        b[piv] = t;
        for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / a[c * n + c];
            for (int j = c; j < n; j++)
                a[r * n + j] -= f * a[c * n + j];
            b[r] -= f * b[c];
        }
    }
    for (int r = n - 1; r >= 0; r--) {
        for (int j = r + 1; j < n; j++)
            b[r] -= a[r * n + j] * b[j];
        b[r] /= a[r * n + r];
    }
    return 0;
}

#define NEWTON_MAX_PUMPS HYD_PUMP_JAC_MAX
/* A kept Jacobian steps again while the largest miss is below this
 * fraction of the miss at its last step; otherwise it is taken anew. */
#define JAC_KEEP_CONTRACTION 0.25

/* Can the kept Jacobian step the pumps p[0..n) with largest miss worst? */
static int jacobian_kept(const struct net_hyd *h, const int *p, int n,
                         double worst)
{
    return h->pj_n == n && h->pj_builds == h->builds &&
           memcmp(h->pj_pumps, p, sizeof(int) * (size_t)n) == 0 &&
           worst <= JAC_KEEP_CONTRACTION * h->pj_worst;
}

/* One Newton step of the pumps p[0..n); -1 if it cannot be taken. The
 * Jacobian (n linear solves) is that of the last step while the misses
 * keep falling fast under it (a chord step: the network's response to the
 * speeds hardly changes from one iterate, or hour, to the next), else
 * taken at the current iterate. */
static int newton_step(hl_model *m, const double *p_node, const int *p, int n,
                       double worst)
{
    struct net_hyd *h = m->hyd;
    double jac[NEWTON_MAX_PUMPS * NEWTON_MAX_PUMPS], ds[NEWTON_MAX_PUMPS];
    if (n > NEWTON_MAX_PUMPS)
        return -1;
    if (!jacobian_kept(h, p, n, worst)) {
        h->pj_n = 0;
        if (jacobian(m, p, n, h->pj_jac))
            return -1;
        h->pj_n = n;
        h->pj_builds = h->builds;
        memcpy(h->pj_pumps, p, sizeof(int) * (size_t)n);
    }
    h->pj_worst = worst;
    memcpy(jac, h->pj_jac, sizeof(double) * (size_t)(n * n));
    for (int r = 0; r < n; r++)
        ds[r] = -miss(m, p_node, p[r]);
    if (dense_solve(jac, ds, n)) {
        h->pj_n = 0;
        return -1;
    }
    for (int r = 0; r < n; r++)
        if (!isfinite(ds[r])) {
            h->pj_n = 0;
            return -1;
        }
    for (int r = 0; r < n; r++)
        set_speed(m, p[r], m->pu_speed[p[r]] + ds[r], miss(m, p_node, p[r]));
    return 0;
}

double net_pump_control(hl_model *m, const double *p_node, int first_round)
{
    int p[NEWTON_MAX_PUMPS + 1], n = 0;
    double worst = 0.0;
    for (int i = 0; i < m->net->n_pumps; i++) {
        if (!controlled(m, p_node, i) || net_pump_saturated(m, p_node, i))
            continue;
        worst = fmax(worst, fabs(miss(m, p_node, i)));
        if (n <= NEWTON_MAX_PUMPS)
            p[n++] = i;
    }
    if (worst <= NET_CONTROL_TOL_PA || newton_step(m, p_node, p, n, worst) == 0)
        return worst;
    for (int i = 0; i < m->net->n_pumps; i++)
        if (controlled(m, p_node, i) && !net_pump_saturated(m, p_node, i))
            step(m, p_node, i, first_round);
    return worst;
}

void net_pump_control_restart(hl_model *m)
{
    if (m->hyd)
        m->hyd->pj_worst = INFINITY;
}
