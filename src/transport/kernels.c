/*
 * kernels.c - the exact pieces of a transport step (docs/physics.md,
 * "Temperature in time"):
 * - a parcel relaxing towards its surroundings (or towards the
 *   temperature its buried partner holds it at): theta(t) = theta_eq +
 *   (theta0 - theta_eq) e^(-a t), a = 1 / (r (M/L) cp), exact for constant
 *   a and theta_eq and never past theta_eq;
 * - a well-mixed volume (the steel wall lumped at a pipe end, as the
 *   Modelica PlugFlowPipe does: van der Heijde et al. 2017) fed at a
 *   constant rate: c dT/dt = m cp (T_in - T), exact exponential, with the
 *   enthalpy leaving taken from the volume's change so the energy closes
 *   to rounding;
 * - the heat an exchanger passes (the steady engine's law, effectiveness
 *   of a counterflow exchanger, Incropera Table 11.3, or a fixed approach).
 */
#include "transport/transport.h"

#include <math.h>

double tr_relax(double theta, double theta_eq, double a, double dt)
{
    if (!(a > 0.0) || !(dt > 0.0))
        return theta;
    return theta_eq + (theta - theta_eq) * exp(-a * dt);
}

double tr_volume(const tr_fluid *f, double c, double t0, double mflow,
                 double t_in, double h_in, double dt, double *h_out)
{
    if (!(c > 0.0) || !(mflow > 0.0) || !(dt > 0.0)) {
        *h_out = h_in;
        return t0;
    }
    double cp = f->cp(f->ctx, 0.5 * (t_in + t0));
    double t1 = t_in + (t0 - t_in) * exp(-mflow * cp * dt / c);
    *h_out = h_in - c * (t1 - t0) / (mflow * dt);
    return t1;
}

double tr_hx_heat(const tr_net *n, int h, double tp, double ts, double mp,
                  double ms)
{
    const tr_fluid *f = &n->fluid;
    if (!(mp > 0.0) || !(ms > 0.0))
        return 0.0;
    double dh = f->h(f->ctx, tp) - f->h(f->ctx, ts);
    double q_max = fmin(mp, ms) * dh, q;
    if (n->hx_mode[h] == 0) {
        q = ms * (f->h(f->ctx, tp - n->hx_approach[h]) - f->h(f->ctx, ts));
    } else {
        double cpp = mp * f->cp(f->ctx, tp), cps = ms * f->cp(f->ctx, ts);
        double cmin = fmin(cpp, cps), cr = cmin / fmax(cpp, cps);
        double ntu = n->hx_ua[h] / cmin, eff;
        if (fabs(1.0 - cr) < 1e-9)
            eff = ntu / (1.0 + ntu);
        else
            eff = (1.0 - exp(-ntu * (1.0 - cr))) /
                  (1.0 - cr * exp(-ntu * (1.0 - cr)));
        q = eff * cmin * (tp - ts);
    }
    if (!(q_max > 0.0))
        return 0.0;
    return q < 0.0 ? 0.0 : (q > q_max ? q_max : q);
}
