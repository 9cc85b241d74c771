/*
 * pump_control.c - variable-speed pumps that hold a pressure: a pump with
 * a control node and set point changes its speed (affinity laws, the head
 * curve scales with s^2) until that node's gauge pressure meets the set
 * point, as a speed-controlled station holds its suction or discharge
 * pressure or a consumer's differential pressure. An outer loop around the
 * hydraulics: after each coupling round every controlled pump takes a
 * secant step on g(s) = p_node(s) - p_set through its last two speeds (the
 * first step assumes the pressure moves with the pump's shut-off rise,
 * d rise / d s = 2 s rise_0), each pump on its own, limited to a factor 1.5
 * per round and to speeds 0.05-2.
 */
#include "network/hyd.h"

#include <math.h>

#define SPEED_MIN 0.05
#define SPEED_MAX 2.0

/* d p_node / d s from the pump's shut-off rise: + downstream, - at the
 * inlet (a faster pump pulls its suction down). */
static double first_slope(const hl_model *m, int i)
{
    int k = m->pu_link[i];
    double s = m->pu_speed[i];
    double rise0 = hyd_pump_shutoff(m, i, m->lk_rho[k]) / (s * s);
    double d = 2.0 * s * rise0;
    return m->pu_ctrl_node[i] == m->lk_from[k] ? -d : d;
}

static double step(hl_model *m, int i, int first)
{
    double s = m->pu_speed[i];
    double g = m->nd_p[m->pu_ctrl_node[i]] - m->pu_ctrl_p[i];
    if (fabs(g) <= NET_CONTROL_TOL_PA)
        return fabs(g); /* met: the solution stays that of this speed */
    double slope = first_slope(m, i);
    double ds = s - m->pu_s_prev[i];
    if (!first && !isnan(m->pu_g_prev[i]) && fabs(ds) > 1e-12) {
        double sec = (g - m->pu_g_prev[i]) / ds;
        if (isfinite(sec) && sec * slope > 0.0)
            slope = sec;
    }
    double next = s - g / slope;
    next = fmin(fmax(next, s / 1.5), s * 1.5);
    next = fmin(fmax(next, SPEED_MIN), SPEED_MAX);
    m->pu_s_prev[i] = s;
    m->pu_g_prev[i] = g;
    m->pu_speed[i] = next;
    return fabs(g);
}

double net_pump_control(hl_model *m, int first_round)
{
    double worst = 0.0;
    for (int i = 0; i < m->n_pumps; i++) {
        int k = m->pu_link[i];
        if (m->pu_ctrl_node[i] < 0 || !m->lk_open[k] || m->lk_cv_shut[k] ||
            isnan(m->nd_p[m->pu_ctrl_node[i]]))
            continue;
        worst = fmax(worst, step(m, i, first_round));
    }
    return worst;
}
