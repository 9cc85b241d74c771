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

/* The relaxation factors of a step are close to 1 (a pipe's time
 * constant is hours to days, the step minutes): for |x| <= 2^-5 the
 * Taylor series to x^8 (Horner) leaves a remainder below x^9/9! < 1e-18
 * relative, so the result is exp(x) within rounding (the last bit may
 * differ from libm's), at a third of its cost. */
double tr_exp(double x)
{
    if (!(fabs(x) <= 0x1p-5))
        return exp(x);
    double p = 1.0 / 40320.0;
    p = p * x + 1.0 / 5040.0;
    p = p * x + 1.0 / 720.0;
    p = p * x + 1.0 / 120.0;
    p = p * x + 1.0 / 24.0;
    p = p * x + 1.0 / 6.0;
    p = p * x + 0.5;
    p = p * x + 1.0;
    return p * x + 1.0;
}

double tr_relax(double theta, double theta_eq, double a, double dt)
{
    if (!(a > 0.0) || !(dt > 0.0))
        return theta;
    return theta_eq + (theta - theta_eq) * tr_exp(-a * dt);
}

double tr_volume(const tr_fluid *f, double c, double t0, double mflow,
                 double t_in, double h_in, double dt, double *h_out)
{
    if (!(c > 0.0) || !(mflow > 0.0) || !(dt > 0.0)) {
        *h_out = h_in;
        return t0;
    }
    double cp = tr_cp(f, 0.5 * (t_in + t0));
    double t1 = t_in + (t0 - t_in) * tr_exp(-mflow * cp * dt / c);
    *h_out = h_in - c * (t1 - t0) / (mflow * dt);
    return t1;
}

double tr_hx_heat(const tr_net *n, int h, double tp, double ts, double mp,
                  double ms)
{
    const tr_fluid *f = &n->fluid;
    if (!(mp > 0.0) || !(ms > 0.0))
        return 0.0;
    double dh = tr_h(f, tp) - tr_h(f, ts);
    double q_max = fmin(mp, ms) * dh, q;
    if (n->hx_mode[h] == 0) {
        q = ms * (tr_h(f, tp - n->hx_approach[h]) - tr_h(f, ts));
    } else {
        double cpp = mp * tr_cp(f, tp), cps = ms * tr_cp(f, ts);
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
