/*
 * friction.c - Darcy friction factor for the Darcy-Weisbach head loss.
 *
 * Sources (docs/physics.md, "Friction"):
 * - Colebrook, C. F. (1939), J. Inst. Civ. Eng. 11(4) 133-156, eq. (10):
 *   1/sqrt(f) = -2 log10(eps/3.7 + 2.51/(Re sqrt(f))).
 * - Hagen-Poiseuille laminar law f = 64/Re.
 * - Swamee, P. K. and Jain, A. K. (1976), J. Hydraul. Div. ASCE 102(5)
 *   657-664: f = 0.25 / log10(eps/3.7 + 5.74/Re^0.9)^2.
 * - Transition 2000 < Re < 4000: a cubic in Re with value and slope of
 *   the laminar law at 2000 and of the turbulent law at 4000. With
 *   Swamee-Jain this is exactly the polynomial of E. J. Dunlop (1991) that
 *   EPANET 2 uses (Rossman, EPANET 2.2 manual, section 12.1).
 */
#include "friction.h"

#include <math.h>
#include <stddef.h>

#define LN10 2.302585092994046

double friction_swamee_jain(double re, double eps, double *df_dre)
{
    double y1 = 5.74 * exp(-0.9 * log(re)); /* 5.74 / Re^0.9 */
    double y2 = eps / 3.7 + y1;
    double y3 = log(y2) / LN10;
    double f = 0.25 / (y3 * y3);
    /* d/dRe of f = 0.25 (log10 y2)^-2, dy2/dRe = -0.9 y1 / Re */
    *df_dre = -0.5 / (y3 * y3 * y3) / (y2 * LN10) * (-0.9 * y1 / re);
    return f;
}

double friction_colebrook(double re, double eps, double *df_dre,
                          double *x_guess)
{
    double a = eps / 3.7, b = 2.51 / re, c = 2.0 / LN10;
    double x;
    if (x_guess && *x_guess > 0.0) {
        x = *x_guess;
    } else {
        double d;
        x = 1.0 / sqrt(friction_swamee_jain(re, eps, &d));
    }
    /* Newton on g(x) = x + 2 log10(a + b x); g' = 1 + c b / (a + b x) > 0
     * and g is concave, so the iteration converges monotonically after the
     * first step, quadratically: the error after a step dx is at most
     * (|g''| / 2 g') dx^2 <= (c / 2) (b / s)^2 dx^2 <= 0.44 (dx / x)^2
     * (b / s <= 1 / x), so after a step below 1e-8 x it is under 5e-17,
     * below rounding: the warm start of a network solve (x_guess) mostly
     * needs one step. */
    for (int it = 0; it < 50; it++) {
        double s = a + b * x;
        double g = x + c * log(s);
        double dx = g / (1.0 + c * b / s);
        x -= dx;
        if (fabs(dx) <= 1e-8 * x)
            break;
    }
    double s = a + b * x;
    /* implicit derivative: dg/dRe = -c b x / (s Re), dx/dRe = -(dg/dRe)/g' */
    double dx_dre = (c * b * x / (s * re)) / (1.0 + c * b / s);
    if (x_guess)
        *x_guess = x;
    *df_dre = -2.0 / (x * x * x) * dx_dre;
    return 1.0 / (x * x);
}

static double turbulent(int model, double re, double eps, double *d,
                        double *x_guess)
{
    if (model == FRICTION_SWAMEE_JAIN)
        return friction_swamee_jain(re, eps, d);
    return friction_colebrook(re, eps, d, x_guess);
}

/* Cubic Hermite between (R1, 64/R1, -64/R1^2) and (R2, f2, s2). */
static double transition(double re, double f2, double s2, double *df_dre)
{
    const double r1 = FRICTION_RE_LAMINAR, r2 = FRICTION_RE_TURBULENT;
    double h = r2 - r1, t = (re - r1) / h;
    double f1 = 64.0 / r1, s1 = -64.0 / (r1 * r1);
    double h00 = (1 + 2 * t) * (1 - t) * (1 - t), h10 = t * (1 - t) * (1 - t);
    double h01 = t * t * (3 - 2 * t), h11 = t * t * (t - 1);
    double d00 = 6 * t * t - 6 * t, d10 = 3 * t * t - 4 * t + 1;
    double d01 = 6 * t - 6 * t * t, d11 = 3 * t * t - 2 * t;
    *df_dre = (d00 * f1 + d10 * h * s1 + d01 * f2 + d11 * h * s2) / h;
    return h00 * f1 + h10 * h * s1 + h01 * f2 + h11 * h * s2;
}

double friction_factor(int model, double re, double eps, double *df_dre,
                       double *x_guess)
{
    if (re <= FRICTION_RE_LAMINAR) {
        *df_dre = -64.0 / (re * re);
        return 64.0 / re;
    }
    if (re >= FRICTION_RE_TURBULENT)
        return turbulent(model, re, eps, df_dre, x_guess);
    double s2;
    double f2 = turbulent(model, FRICTION_RE_TURBULENT, eps, &s2, NULL);
    return transition(re, f2, s2, df_dre);
}
