/*
 * moc_devices.c - the time laws of the lumped devices: a valve's opening
 * along its closure curve, and a pump's speed after a trip.
 *
 * Pump run-down (docs/physics.md, "Surge: pumps"): with no motor torque the
 * rotor decelerates as I dw/dt = -T. In the normal zone of operation the
 * torque follows the affinity laws, T = T_R (w / w_R)^2 (Thorley, Fluid
 * Transients in Pipeline Systems, 2nd ed. 2004, section 6.3; Wylie and
 * Streeter 1993, section 5.2), so w(t) = w_R / (1 + t / tau) with
 * tau = I w_R / T_R = I w_R^2 / P_R, P_R the shaft power before the trip.
 *
 * A valve with a characteristic (Kv against opening, the model's
 * transient: valves): the closure law gives the stroke, the table the Kv
 * that stroke leaves; without one the opening is the Kv ratio itself.
 *
 * Pump start: the motor brings the rotor from standstill to its running
 * speed along a linear ramp (a soft starter or a drive; the motor's torque
 * is taken as sufficient, docs/physics.md "Pump start").
 */
#include "surge/moc.h"

#include <math.h>

/* Kv over the open Kv at stroke u of a valve with a characteristic:
 * linear between its points (openings rising from 0 to 1). */
static double kv_at(const surge_net *s, int i, double u)
{
    const double *x = s->dv_kvx[i], *y = s->dv_kvy[i];
    int j = 1;
    while (j < s->dv_kvn[i] - 1 && u > x[j])
        j++;
    return y[j - 1] + (y[j] - y[j - 1]) * (u - x[j - 1]) / (x[j] - x[j - 1]);
}

double surge_dev_opening(const surge_net *s, int i, double t)
{
    double t0 = s->dv_t0[i], tc = s->dv_tc[i];
    if (!(t > t0))
        return 1.0;
    if (!(tc > 0.0) || t >= t0 + tc) /* a closure within one step */
        return 0.0;
    double u = 1.0 - (t - t0) / tc;
    switch (s->dv_curve[i]) {
    case CURVE_QUADRATIC:
        u = u * u;
        break;
    case CURVE_SQRT:
        u = sqrt(u);
        break;
    default:
        break;
    }
    return s->dv_kvn[i] > 1 ? kv_at(s, i, u) : u;
}

double surge_pump_speed(const surge_net *s, int i, double t)
{
    double s0 = s->dv_s0[i], t_trip = s->dv_trip[i];
    const surge_pump4q *p = &s->p4q[i];
    if (p->starting) { /* ramp to speed from standstill */
        double u = p->ramp_s > 0.0 ? (t - p->start_t) / p->ramp_s
                                   : (t > p->start_t ? 1.0 : 0.0);
        return s0 * fmax(0.0, fmin(1.0, u));
    }
    if (!(t > t_trip))
        return s0;
    if (!(s->dv_tau[i] > 0.0))
        return 0.0;
    return s0 / (1.0 + (t - t_trip) / s->dv_tau[i]);
}
