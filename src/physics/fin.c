/*
 * fin.c - fin efficiencies (Incropera et al. 6th ed., section 3.6) and the
 * scaled modified Bessel functions of Abramowitz & Stegun 9.8.1-9.8.8.
 */
#include "fin.h"

#include <math.h>

/* Horner evaluation of c[0] + c[1] y + ... + c[n-1] y^(n-1). */
static double poly(const double *c, int n, double y)
{
    double s = c[n - 1];
    for (int i = n - 2; i >= 0; i--)
        s = s * y + c[i];
    return s;
}

/* Unscaled I0, I1, K0, K1 of A&S 9.8.1, 9.8.3, 9.8.5 and 9.8.7: I0 and I1
 * for |x| < 3.75, K0 and K1 for 0 < x <= 2. */
static const double i0_small[] = {1.0,       3.5156229, 3.0899424, 1.2067492,
                                  0.2659732, 0.0360768, 0.0045813};
static const double i1_small[] = {0.5,        0.87890594, 0.51498869,
                                  0.15084934, 0.02658733, 0.00301532,
                                  0.00032411};

static double i0_small_x(double x)
{
    double t = x / 3.75;
    return poly(i0_small, 7, t * t);
}

static double i1_small_x(double x)
{
    double t = x / 3.75;
    return x * poly(i1_small, 7, t * t);
}

/* K0 and K1 at small x from their series given l = log(x / 2): the
 * annular fin takes both at the same argument and so one logarithm. */
static double k0_small_xl(double x, double l)
{
    static const double c[] = {-0.57721566, 0.42278420, 0.23069756, 0.03488590,
                               0.00262698,  0.00010750, 0.00000740};
    return -l * i0_small_x(x) + poly(c, 7, 0.25 * x * x);
}

static double k1_small_xl(double x, double l)
{
    static const double c[] = {1.0,         0.15443144,  -0.67278579,
                               -0.18156897, -0.01919402, -0.00110404,
                               -0.00004686};
    return l * i1_small_x(x) + poly(c, 7, 0.25 * x * x) / x;
}

static double k0_small_x(double x)
{
    return k0_small_xl(x, log(0.5 * x));
}

static double k1_small_x(double x)
{
    return k1_small_xl(x, log(0.5 * x));
}

/* A&S 9.8.1 and 9.8.2 */
double bessel_i0e(double x)
{
    static const double large[] = {0.39894228,  0.01328592,  0.00225319,
                                   -0.00157565, 0.00916281,  -0.02057706,
                                   0.02635537,  -0.01647633, 0.00392377};
    double ax = fabs(x);
    if (ax < 3.75)
        return i0_small_x(x) * exp(-ax);
    return poly(large, 9, 3.75 / ax) / sqrt(ax);
}

/* A&S 9.8.3 and 9.8.4 */
double bessel_i1e(double x)
{
    static const double large[] = {0.39894228,  -0.03988024, -0.00362018,
                                   0.00163801,  -0.01031555, 0.02282967,
                                   -0.02895312, 0.01787654,  -0.00420059};
    double ax = fabs(x), r;
    if (ax < 3.75) {
        r = i1_small_x(ax) * exp(-ax);
    } else {
        r = poly(large, 9, 3.75 / ax) / sqrt(ax);
    }
    return x < 0.0 ? -r : r;
}

/* A&S 9.8.5 and 9.8.6; x > 0 */
double bessel_k0e(double x)
{
    static const double large[] = {1.25331414,  -0.07832358, 0.02189568,
                                   -0.01062446, 0.00587872,  -0.00251540,
                                   0.00053208};
    if (x <= 2.0)
        return k0_small_x(x) * exp(x);
    return poly(large, 7, 2.0 / x) / sqrt(x);
}

/* A&S 9.8.7 and 9.8.8; x > 0 */
double bessel_k1e(double x)
{
    static const double large[] = {1.25331414, 0.23498619,  -0.03655620,
                                   0.01504268, -0.00780353, 0.00325614,
                                   -0.00068245};
    if (x <= 2.0)
        return k1_small_x(x) * exp(x);
    return poly(large, 7, 2.0 / x) / sqrt(x);
}

double fin_m_plate(double u, double k, double t_m, int n_faces)
{
    return sqrt(n_faces * u / (k * t_m));
}

double fin_eff_straight(double m, double lc_m)
{
    double ml = m * lc_m;
    if (ml < 1e-6)
        return 1.0;
    return tanh(ml) / ml;
}

/*
 * Incropera eq. 3.96 with a = m r1, b = m r2c (b > a). Every Bessel
 * product is written with the scaled functions and the common factor
 * e^(b-a) cancelled, so the ratio never overflows:
 *   K1(a) I1(b) - I1(a) K1(b) = e^(b-a) [k1e(a) i1e(b) - i1e(a) k1e(b) E]
 *   I0(a) K1(b) + K0(a) I1(b) = e^(b-a) [i0e(a) k1e(b) E + k0e(a) i1e(b)]
 * with E = e^(2(a-b)) <= 1.
 */
double fin_eff_annular(double m, double r1, double r2c)
{
    return fin_eff_annular_ln(m, r1, r2c, NAN);
}

double fin_eff_annular_ln(double m, double r1, double r2c, double ln_ratio)
{
    if (m * (r2c - r1) < 1e-4 || r2c <= r1)
        return 1.0;
    double a = m * r1, b = m * r2c, num, den;
    double c = 2.0 * r1 / (m * (r2c * r2c - r1 * r1));
    if (b <= 2.0) {
        /* both arguments within the small-argument forms (the usual
         * flange: m of a few per metre, radii below half a metre): the
         * unscaled functions, a logarithm at each argument and no
         * exponential */
        double la = log(0.5 * a);
        double lb = isnan(ln_ratio) ? log(0.5 * b) : la + ln_ratio;
        double i1b = i1_small_x(b), k1b = k1_small_xl(b, lb);
        num = k1_small_xl(a, la) * i1b - i1_small_x(a) * k1b;
        den = i0_small_x(a) * k1b + k0_small_xl(a, la) * i1b;
        return c * num / den;
    }
    double e = exp(2.0 * (a - b));
    double i1b = bessel_i1e(b), k1b = bessel_k1e(b);
    num = bessel_k1e(a) * i1b - bessel_i1e(a) * k1b * e;
    den = bessel_i0e(a) * k1b * e + bessel_k0e(a) * i1b;
    return c * num / den;
}

/* Incropera Table 3.4 case A, written with tanh so that large m L does
 * not overflow: q / theta_b = M (tanh mL + beta) / (1 + beta tanh mL),
 * beta = g_tip / (m k Ac), M = m k Ac; theta_L / theta_b =
 * 1 / (cosh mL + beta sinh mL). */
double fin_pin_conductance(double m, double l_m, double k_ac, double g_tip,
                           double *tip_fraction)
{
    double ml = m * l_m, big_m = m * k_ac;
    if (ml < 1e-9) { /* no fin: the tip sits on the root */
        if (tip_fraction)
            *tip_fraction = 1.0;
        return g_tip;
    }
    /* tanh, cosh and sinh from the one exponential e = exp(-mL) (which
     * goes harmlessly to 0 for a long fin), taken as expm1 so that
     * 1 - e^2 = -em (2 + em) keeps its digits for a short one:
     * tanh = (1 - e^2) / (1 + e^2), 1 / (cosh + beta sinh) =
     * 2 e / ((1 + beta) + (1 - beta) e^2) */
    double beta = g_tip / big_m, em = expm1(-ml), e = 1.0 + em, e2 = e * e;
    double th = -em * (2.0 + em) / (1.0 + e2);
    if (tip_fraction)
        *tip_fraction = 2.0 * e / ((1.0 + beta) + (1.0 - beta) * e2);
    return big_m * (th + beta) / (1.0 + beta * th);
}
