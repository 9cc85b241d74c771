/*
 * moc_tank.c - surge tanks at a node (docs/physics.md, "Surge tanks"): a
 * free surface at atmospheric pressure of area A_s behind a throttle
 * (Wylie and Streeter, Fluid Transients in Systems, 1993, section 11.1;
 * Chaudhry, Applied Hydraulic Transients, 3rd ed. 2014, ch. 11):
 *   p_node = rho g (y - z_node) + k m|m|,   dy/dt = m / (rho A_s),
 * m the flow into the tank; the level y integrated by the trapezoidal rule
 * over the step, as the air vessel's gas volume. An open tank passes water
 * both ways; a one-way (feed) tank only feeds the line, its check valve
 * shut against inflow and once it is empty.
 */
#include "surge/moc.h"

#include <math.h>

/* Level after this step's inflow m. */
static double level_after(const surge_net *s, int d, double m, double *dy_dm)
{
    const surge_tank *tk = &s->tank[d];
    double c = s->dt * 0.5 / (s->dv_rho[d] * tk->area);
    *dy_dm = c;
    return tk->level + c * (m + tk->m_old);
}

double surge_tank_residual(const surge_net *s, int d, double m, double *dres_dm)
{
    int node = s->dv_from[d];
    double dy_dm, y = level_after(s, d, m, &dy_dm);
    double k = m >= 0.0 ? s->dv_k[d] : s->dv_k_out[d];
    double rg = s->dv_rho[d] * s->g;
    *dres_dm = -rg * dy_dm - 2.0 * k * fabs(m);
    return s->nd_p[node] - rg * (y - s->nd_z[node]) - k * m * fabs(m);
}

void surge_tank_commit(surge_net *s, int d)
{
    surge_tank *tk = &s->tank[d];
    double dy_dm;
    tk->level = level_after(s, d, s->dv_m[d], &dy_dm);
    tk->m_old = s->dv_m[d];
    if (tk->level <= tk->bottom) {
        tk->spilled = 1; /* emptied: a one-way tank stops feeding */
        if (tk->one_way) {
            tk->level = tk->bottom;
            s->dv_open[d] = 0;
            s->dv_m[d] = tk->m_old = 0.0;
        }
    }
    if (tk->level >= tk->top)
        tk->spilled = 1;
    tk->lmin = fmin(tk->lmin, tk->level);
    tk->lmax = fmax(tk->lmax, tk->level);
}
