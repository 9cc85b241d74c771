/*
 * stats.c - the two distribution functions the lambda(T) fit needs: the
 * upper tail of F (for the test of the quadratic term) and a chi-square
 * quantile (to tell scatter beyond the stated uncertainties).
 */
#include "lab_internal.h"

#include <math.h>

/* Continued fraction of the incomplete beta function, evaluated by the
 * modified Lentz method (Press et al., Numerical Recipes, 3rd ed., 6.4). */
static double beta_fraction(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    d = 1.0 / (fabs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 300; m++) {
        for (int odd = 0; odd < 2; odd++) {
            double num =
                odd ? -(a + m) * (a + b + m) * x /
                          ((a + 2 * m) * (a + 2 * m + 1.0))
                    : m * (b - m) * x / ((a + 2 * m - 1.0) * (a + 2 * m));
            d = 1.0 + num * d;
            d = 1.0 / (fabs(d) < tiny ? tiny : d);
            c = 1.0 + num / c;
            if (fabs(c) < tiny)
                c = tiny;
            h *= d * c;
            if (odd && fabs(d * c - 1.0) < 1e-14)
                return h;
        }
    }
    return h;
}

/* Regularised incomplete beta I_x(a, b) (Abramowitz & Stegun 26.5.8 for
 * the symmetry that keeps the fraction convergent). */
static double beta_regularised(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    double front =
        exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * beta_fraction(a, b, x) / a;
    return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

/* P(F > f) for F(d1, d2) = I_{d2/(d2 + d1 f)}(d2/2, d1/2)
 * (Abramowitz & Stegun 26.6.2). */
double lab_f_upper(double f, double d1, double d2)
{
    if (!(f > 0.0))
        return 1.0;
    if (isinf(f))
        return 0.0;
    return beta_regularised(0.5 * d2, 0.5 * d1, d2 / (d2 + d1 * f));
}

/* Standard normal quantile, Abramowitz & Stegun 26.2.23 (|error| <
 * 4.5e-4), for 0.5 <= p < 1. */
static double normal_quantile(double p)
{
    double t = sqrt(-2.0 * log(1.0 - p));
    return t -
           (2.515517 + 0.802853 * t + 0.010328 * t * t) /
               (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/* Wilson & Hilferty (1931): chi2_p(k) ~ k (1 - 2/(9k) + z sqrt(2/(9k)))^3. */
double lab_chi2_quantile(double p, double dof)
{
    double v = 2.0 / (9.0 * dof);
    double r = 1.0 - v + normal_quantile(p) * sqrt(v);
    return dof * r * r * r;
}
