/*
 * moc_pump4q.c - a pump in all four quadrants of flow and speed, its
 * speed following the torque balance of its rotor (docs/physics.md,
 * "Surge: four-quadrant pumps").
 *
 * Homologous (Suter) form (Marchal, Flesch and Suter, "The calculation of
 * waterhammer problems by means of the digital computer", Proc. Int.
 * Symp. Waterhammer in Pumped Storage Projects, ASME 1965; Wylie and
 * Streeter, Fluid Transients in Systems, 1993, section 5.3): with the
 * relative speed a, flow v, head h and torque b (each over its rated
 * value, here the pump's steady operating point),
 *   h = (a^2 + v^2) WH(x),  b = (a^2 + v^2) WB(x),  x = pi + atan2(v, a),
 * WH and WB tabulated at n equal steps of x over [0, 2 pi) and
 * interpolated linearly (periodic). x in (pi, 3 pi / 2) is normal pumping,
 * (pi / 2, pi) reverse flow through a forward-turning pump, (0, pi / 2)
 * the turbine zone, (3 pi / 2, 2 pi) a pump turning backwards with
 * forward flow.
 *
 * Speed after the trip (no motor torque), trapezoidal over the step
 * (Wylie and Streeter 1993, eq. 5-20): a - a_old + dt / (2 t_m) (b + b_old)
 * = 0 with t_m = I w_R / T_R; solved for a at each trial flow of the
 * cluster's Newton, so that the head equation carries da/dv.
 */
#include "surge/moc.h"

#include <math.h>

#define SPEED_NEWTON_MAX 40

/* W(x) of a periodic table of n values at x_i = 2 pi i / n, and dW/dx. */
static double suter(const double *w, int n, double x, double *dw)
{
    double step = 2.0 * M_PI / n, u = fmod(x / step, (double)n);
    if (u < 0.0)
        u += n;
    int i = (int)u;
    if (i >= n)
        i = n - 1;
    double a = w[i], b = w[(i + 1) % n];
    *dw = (b - a) / step;
    return a + (u - i) * (b - a);
}

double surge_homologous(const double *w, int n, double a, double v, double *d_a,
                        double *d_v)
{
    double r2 = a * a + v * v;
    if (r2 < 1e-30) {
        *d_a = *d_v = 0.0;
        return 0.0;
    }
    double dw, wx = suter(w, n, M_PI + atan2(v, a), &dw);
    *d_a = 2.0 * a * wx - v * dw;
    *d_v = 2.0 * v * wx + a * dw;
    return r2 * wx;
}

/* Relative speed at the end of the step for flow v, and da/dv. */
static double speed_at(const surge_net *s, int d, double v, double t,
                       double *da_dv)
{
    const surge_pump4q *p = &s->p4q[d];
    *da_dv = 0.0;
    if (!(t > s->dv_trip[d])) /* the motor holds it */
        return p->alpha;
    double k = s->dt / (2.0 * p->tm), a = p->alpha, db_da = 0.0, db_dv = 0.0;
    for (int it = 0; it < SPEED_NEWTON_MAX; it++) {
        double b = surge_homologous(p->wb, p->n, a, v, &db_da, &db_dv);
        double f = a - p->alpha + k * (b + p->beta);
        double df = 1.0 + k * db_da;
        if (!(fabs(df) > 1e-12))
            break;
        double step = f / df;
        /* a step at most the size of the speed: the curves are only
         * piecewise smooth */
        double cap = 0.5 * (fabs(a) + 0.05);
        a -= fmax(-cap, fmin(cap, step));
        if (fabs(step) < 1e-12)
            break;
    }
    surge_homologous(p->wb, p->n, a, v, &db_da, &db_dv);
    double df = 1.0 + k * db_da;
    *da_dv = fabs(df) > 1e-12 ? -k * db_dv / df : 0.0;
    return a;
}

double surge_p4q_rise(const surge_net *s, int d, double m, double t,
                      double *drise_dm)
{
    const surge_pump4q *p = &s->p4q[d];
    double dv_dm = 1.0 / (s->dv_rho[d] * s->dv_par[d] * p->qr);
    double v = m * dv_dm, da_dv, dh_da, dh_dv;
    double a = speed_at(s, d, v, t, &da_dv);
    double h = surge_homologous(p->wh, p->n, a, v, &dh_da, &dh_dv);
    double rgh = s->dv_rho[d] * s->g * p->hr;
    *drise_dm = rgh * (dh_dv + dh_da * da_dv) * dv_dm;
    return rgh * h;
}

void surge_p4q_commit(surge_net *s, int d, double t)
{
    surge_pump4q *p = &s->p4q[d];
    double v = s->dv_m[d] / (s->dv_rho[d] * s->dv_par[d] * p->qr), da, db_a,
           db_v;
    p->alpha = speed_at(s, d, v, t, &da);
    p->beta = surge_homologous(p->wb, p->n, p->alpha, v, &db_a, &db_v);
    p->alpha_min = fmin(p->alpha_min, p->alpha);
    p->v_min = fmin(p->v_min, v);
}
