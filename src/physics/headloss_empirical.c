/*
 * headloss_empirical.c - Hazen-Williams and Chezy-Manning head loss as
 * EPANET 2 computes them (docs/physics.md, "Empirical head-loss laws").
 *
 * EPANET 2.3 hydcoeffs.c, resistcoeff(), in feet and ft3/s:
 *   H-W: h = 4.727 L / (C^1.852 D^4.871) q^1.852
 *        (Williams and Hazen (1920), Hydraulic Tables, with EPANET's
 *        exponent 1.852 and US-unit constant 4.727)
 *   C-M: h = (4 n / (1.49 pi D^2))^2 (D/4)^-1.333 L q^2
 *        (Manning's formula with the hydraulic radius D/4 of a full pipe)
 *   pipecoeff(): below a slope of RQtol = 1e-7 ft/cfs the law is linear.
 * Here the same arithmetic in feet, then h and r converted to metres and
 * m3/s, so the only difference from EPANET is rounding.
 */
#include "headloss_empirical.h"

#include <math.h>

#define FT    0.3048 /* m */
#define RQTOL 1e-7   /* ft per ft3/s, EPANET's default */

/* r in ft per cfs^n -> m per (m3/s)^n: h_m = FT h_ft, q_cfs = q / FT^3 */
static double r_to_si(double r_us, double n)
{
    return r_us * FT / pow(FT * FT * FT, n);
}

double hazen_williams_r(double length_m, double d_m, double c)
{
    double l = length_m / FT, d = d_m / FT;
    double r = 4.727 * l / pow(c, HAZEN_EXPONENT) / pow(d, 4.871);
    return r_to_si(r, HAZEN_EXPONENT);
}

double chezy_manning_r(double length_m, double d_m, double n)
{
    double l = length_m / FT, d = d_m / FT;
    double a = 4.0 * n / (1.49 * M_PI * d * d);
    double r = a * a * pow(d / 4.0, -1.333) * l;
    return r_to_si(r, MANNING_EXPONENT);
}

double headloss_power(double r, double n, double q, double *dh_dq)
{
    double aq = fabs(q), sign = q < 0.0 ? -1.0 : 1.0;
    double tol = r_to_si(RQTOL, 1.0); /* m per m3/s */
    double g = n * r * pow(aq, n - 1.0);
    if (!(g >= tol)) { /* also aq = 0 with n < 2 */
        *dh_dq = tol / n;
        return *dh_dq * q;
    }
    *dh_dq = g;
    return sign * g * aq / n;
}
