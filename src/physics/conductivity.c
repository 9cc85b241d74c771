/*
 * conductivity.c - lambda(T) of a layer: local value, the exact integral
 * (Kirchhoff transform) and its inverse.
 *
 * A layer with temperature-dependent conductivity carries the heat flow
 *   q = G * integral_{T2}^{T1} lambda(T) dT
 * with G the shape factor of the layer (1/L flat, 2 pi / ln(r2/r1) per metre
 * of cylinder, 4 pi / (1/r1 - 1/r2) sphere). This is exact for any lambda(T)
 * (Kirchhoff 1894; Carslaw & Jaeger, Conduction of Heat in Solids, 2nd ed.,
 * 1959, section 1.7; ASTM C680-19 section 6 uses the same transform), unlike
 * lambda evaluated at the mean temperature, which is exact only when
 * lambda is linear in T.
 */
#include "physics.h"

#include <math.h>

hl_conductivity hl_lambda_constant(double k_w_mk)
{
    hl_conductivity lam = {0};
    lam.kind = HL_LAMBDA_POLY;
    lam.n = 1;
    lam.piece[0].from_k = -INFINITY;
    lam.piece[0].ref_k = 0.0;
    lam.piece[0].n_coef = 1;
    lam.piece[0].c[0] = k_w_mk;
    return lam;
}

/* Horner's v = v x + c[i] from v = 0, i = n_coef - 1 down to 0, written
 * out for the up to HL_LAMBDA_MAX_COEF coefficients a piece holds: the
 * same operations in the same order as the loop (which stays for any
 * other count), without its count and bounds, which cost more than the
 * terms in the surface solve's iterations. */
#define HORNER_STEP(i) v = v * x + p->c[i]
static double poly_value(const hl_lambda_piece *p, double t_k)
{
    double x = t_k - p->ref_k, v = 0.0;
    switch (p->n_coef) {
    case 4:
        HORNER_STEP(3); /* fall through */
    case 3:
        HORNER_STEP(2); /* fall through */
    case 2:
        HORNER_STEP(1); /* fall through */
    case 1:
        HORNER_STEP(0); /* fall through */
    case 0:
        return v;
    default:
        for (int i = p->n_coef - 1; i >= 0; i--)
            HORNER_STEP(i);
        return v;
    }
}

/* Antiderivative of one polynomial piece, zero at T = ref. */
static double poly_antiderivative(const hl_lambda_piece *p, double t_k)
{
    double x = t_k - p->ref_k, v = 0.0;
    for (int i = p->n_coef - 1; i >= 0; i--)
        v = v * x + p->c[i] / (double)(i + 1);
    return v * x;
}

static int poly_piece_index(const hl_conductivity *lam, double t_k)
{
    int j = 0;
    while (j + 1 < lam->n && t_k >= lam->piece[j + 1].from_k)
        j++;
    return j;
}

static double table_value(const hl_conductivity *lam, double t_k)
{
    int n = lam->n;
    if (t_k <= lam->t_k[0])
        return lam->k[0];
    if (t_k >= lam->t_k[n - 1])
        return lam->k[n - 1];
    int j = 0;
    while (t_k > lam->t_k[j + 1])
        j++;
    double w = (t_k - lam->t_k[j]) / (lam->t_k[j + 1] - lam->t_k[j]);
    return lam->k[j] + w * (lam->k[j + 1] - lam->k[j]);
}

double hl_lambda_at(const hl_conductivity *lam, double t_k)
{
    if (lam->kind == HL_LAMBDA_TABLE)
        return table_value(lam, t_k);
    return poly_value(&lam->piece[poly_piece_index(lam, t_k)], t_k);
}

/* Antiderivative of the piecewise polynomial, continuous across pieces,
 * zero at the reference of the first piece. */
static double poly_theta(const hl_conductivity *lam, double t_k)
{
    int j = poly_piece_index(lam, t_k);
    if (j == 0)
        return poly_antiderivative(&lam->piece[0], t_k);
    double v = poly_antiderivative(&lam->piece[0], lam->piece[1].from_k);
    for (int k = 1; k < j; k++)
        v += poly_antiderivative(&lam->piece[k], lam->piece[k + 1].from_k) -
             poly_antiderivative(&lam->piece[k], lam->piece[k].from_k);
    return v + poly_antiderivative(&lam->piece[j], t_k) -
           poly_antiderivative(&lam->piece[j], lam->piece[j].from_k);
}

/* Integral over [a, b] with a <= b of the piecewise-linear table; the
 * trapezoid rule is exact on each linear segment. */
static double table_integral_up(const hl_conductivity *lam, double a, double b)
{
    double sum = 0.0;
    int n = lam->n;
    double knots[HL_LAMBDA_MAX_POINTS + 2];
    int m = 0;
    knots[m++] = a;
    for (int i = 0; i < n; i++)
        if (lam->t_k[i] > a && lam->t_k[i] < b)
            knots[m++] = lam->t_k[i];
    knots[m++] = b;
    for (int i = 0; i + 1 < m; i++)
        sum += 0.5 * (knots[i + 1] - knots[i]) *
               (table_value(lam, knots[i]) + table_value(lam, knots[i + 1]));
    return sum;
}

/* poly_antiderivative at x = t - ref with 1/(i+1) from a table (the
 * product differs from the quotient by at most an ulp for i = 2). */
static const double recip[HL_LAMBDA_MAX_COEF] = {1.0, 0.5, 1.0 / 3.0, 0.25};

static double antiderivative_x(const hl_lambda_piece *p, double x)
{
    double v = 0.0;
    for (int i = p->n_coef - 1; i >= 0; i--)
        v = v * x + p->c[i] * recip[i];
    return v * x;
}

/* What poly_theta adds to piece j's own antiderivative: the pieces below
 * it up to their ends, less piece j's antiderivative at its start. */
static double theta_offset(const hl_conductivity *lam, int j)
{
    const hl_lambda_piece *p = lam->piece;
    double v = antiderivative_x(&p[0], p[1].from_k - p[0].ref_k);
    for (int k = 1; k < j; k++)
        v += antiderivative_x(&p[k], p[k + 1].from_k - p[k].ref_k) -
             antiderivative_x(&p[k], p[k].from_k - p[k].ref_k);
    return v - antiderivative_x(&p[j], p[j].from_k - p[j].ref_k);
}

/* The antiderivative (as poly_theta, to rounding) and lambda at t_k from
 * one piece lookup and one pass over the coefficients: the surface solve's
 * residual needs both at the same temperature. */
static double poly_theta_lambda(const hl_conductivity *lam, double t_k,
                                double *k)
{
    int j = poly_piece_index(lam, t_k);
    const hl_lambda_piece *p = &lam->piece[j];
    double x = t_k - p->ref_k, v = 0.0, a = 0.0;
#define BOTH_STEP(i) HORNER_STEP(i), a = a * x + p->c[i] * recip[i]
    switch (p->n_coef) { /* as poly_value */
    case 4:
        BOTH_STEP(3); /* fall through */
    case 3:
        BOTH_STEP(2); /* fall through */
    case 2:
        BOTH_STEP(1); /* fall through */
    case 1:
        BOTH_STEP(0); /* fall through */
    case 0:
        break;
    default:
        for (int i = p->n_coef - 1; i >= 0; i--)
            BOTH_STEP(i);
    }
#undef BOTH_STEP
    *k = v;
    return j == 0 ? a * x : a * x + theta_offset(lam, j);
}

double lambda_theta(const hl_conductivity *lam, double t_k, double *k)
{
    if (lam->kind == HL_LAMBDA_POLY)
        return poly_theta_lambda(lam, t_k, k);
    *k = table_value(lam, t_k);
    double t0 = lam->t_k[0];
    return t_k >= t0 ? table_integral_up(lam, t0, t_k)
                     : -table_integral_up(lam, t_k, t0);
}

double hl_lambda_integral(const hl_conductivity *lam, double t1_k, double t2_k)
{
    if (lam->kind == HL_LAMBDA_POLY)
        return poly_theta(lam, t2_k) - poly_theta(lam, t1_k);
    if (t2_k >= t1_k)
        return table_integral_up(lam, t1_k, t2_k);
    return -table_integral_up(lam, t2_k, t1_k);
}

/* A sufficient condition for lambda > 0 and finite on [lo, hi]: every
 * piece a polynomial with c[0] > 0 and no negative coefficient, used only
 * at or above its reference temperature (so nondecreasing there), and
 * finite at hi (so finite below). */
static int poly_surely_positive(const hl_conductivity *lam, double lo,
                                double hi)
{
    for (int j = 0; j < lam->n; j++) {
        const hl_lambda_piece *p = &lam->piece[j];
        double start = j == 0 ? lo : max2(lo, p->from_k);
        if (j > 0 && p->from_k > hi)
            break;
        if (!(start >= p->ref_k) || !(p->c[0] > 0.0))
            return 0;
        for (int i = 1; i < p->n_coef; i++)
            if (!(p->c[i] >= 0.0))
                return 0;
        if (!isfinite(poly_value(p, hi)))
            return 0;
    }
    return 1;
}

/* A linear lambda is positive and finite on [lo, hi] if it is at both
 * ends (it is monotone between them), so no sample can fail. */
static int linear_positive(const hl_lambda_piece *p, double lo, double hi)
{
    double a = poly_value(p, lo), b = poly_value(p, hi);
    return a > 0.0 && b > 0.0 && isfinite(a) && isfinite(b);
}

int lambda_surely_positive(const hl_conductivity *lam, double lo, double hi)
{
    double k;
    if (lambda_is_constant(lam, &k))
        return k > 0.0 && isfinite(k);
    if (lambda_is_linear(lam) && linear_positive(&lam->piece[0], lo, hi))
        return 1;
    return lam->kind == HL_LAMBDA_POLY && poly_surely_positive(lam, lo, hi);
}

int lambda_check_samples(const hl_conductivity *lam, double lo, double hi,
                         int n, double *t_k, double *k)
{
    if (lambda_surely_positive(lam, lo, hi))
        return -1;
    int j = 0;
    for (int s = 0; s <= n; s++) {
        double t = lo + (hi - lo) * s / (double)n, v;
        if (lam->kind == HL_LAMBDA_POLY) { /* ascending: the piece only
                                              moves up */
            while (j + 1 < lam->n && t >= lam->piece[j + 1].from_k)
                j++;
            v = poly_value(&lam->piece[j], t);
        } else {
            v = table_value(lam, t);
        }
        if (!(v > 0.0) || !isfinite(v)) {
            *t_k = t;
            *k = v;
            return s;
        }
    }
    return -1;
}

int lambda_is_constant(const hl_conductivity *lam, double *k)
{
    if (lam->kind == HL_LAMBDA_POLY && lam->n == 1 &&
        lam->piece[0].n_coef == 1) {
        *k = lam->piece[0].c[0];
        return 1;
    }
    return 0;
}

int lambda_is_linear(const hl_conductivity *lam)
{
    return lam->kind == HL_LAMBDA_POLY && lam->n == 1 &&
           lam->piece[0].n_coef == 2;
}

/*
 * The inverse for lambda = c0 + c1 x, x = T - ref: the integral from t1
 * to T2 is (lambda(T2)^2 - lambda(t1)^2) / (2 c1), so lambda(T2) =
 * sqrt(k1^2 + 2 c1 target) on the branch where lambda stays positive, and
 * T2 - t1 = 2 target / (k1 + lambda(T2)) (no cancellation, and the
 * constant limit c1 -> 0 included). Returns NAN where that root does not
 * exist (lambda would reach zero): the general search takes over.
 */
static double inverse_linear(const hl_lambda_piece *p, double t1_k,
                             double target)
{
    double k1 = p->c[0] + p->c[1] * (t1_k - p->ref_k);
    double disc = k1 * k1 + 2.0 * p->c[1] * target;
    if (!(k1 > 0.0 && disc > 0.0))
        return NAN;
    return t1_k + 2.0 * target / (k1 + sqrt(disc));
}

/* Bracketed search, used only when plain Newton fails (lambda that is
 * not positive somewhere, or a wild start). */
static double inverse_bracketed(const hl_conductivity *lam, double t1_k,
                                double target)
{
    double guess = t1_k + target / fmax(hl_lambda_at(lam, t1_k), 1e-9);
    double lo = fmin(t1_k, guess), hi = fmax(t1_k, guess);
    double step = fmax(hi - lo, 1.0);
    for (int i = 0; i < 60 && hl_lambda_integral(lam, t1_k, lo) > target; i++)
        lo -= (step *= 2.0);
    step = fmax(hi - lo, 1.0);
    for (int i = 0; i < 60 && hl_lambda_integral(lam, t1_k, hi) < target; i++)
        hi += (step *= 2.0);
    double t = fmin(fmax(guess, lo), hi);
    for (int it = 0; it < 200; it++) {
        double f = hl_lambda_integral(lam, t1_k, t) - target;
        if (f > 0)
            hi = t;
        else
            lo = t;
        double d = hl_lambda_at(lam, t);
        double next = (d > 0) ? t - f / d : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (fabs(next - t) <= 1e-12 * fmax(1.0, fabs(t)) || hi - lo < 1e-12)
            return next;
        t = next;
    }
    return t;
}

/*
 * The temperature T2 with integral_{t1}^{T2} lambda dT = target. The
 * integral is strictly increasing in T2 while lambda > 0; Newton from the
 * linearised first step converges in two or three steps for the smooth
 * lambda(T) of insulation materials (a linear lambda has the closed form
 * of inverse_linear). Any sign of trouble hands over to a bracketed
 * search, which always converges.
 */
double lambda_integral_inverse(const hl_conductivity *lam, double t1_k,
                               double target)
{
    return lambda_integral_inverse_k(lam, t1_k, hl_lambda_at(lam, t1_k),
                                     target);
}

double lambda_integral_inverse_k(const hl_conductivity *lam, double t1_k,
                                 double k, double target)
{
    if (lambda_is_constant(lam, &k))
        return t1_k + target / k;
    if (lambda_is_linear(lam)) {
        double t = inverse_linear(&lam->piece[0], t1_k, target);
        if (!isnan(t))
            return t;
    }
    if (!(k > 0.0))
        return inverse_bracketed(lam, t1_k, target);
    double t = t1_k + target / k;
    int poly = lam->kind == HL_LAMBDA_POLY;
    double theta1 = poly ? poly_theta(lam, t1_k) : 0.0;
    for (int it = 0; it < 30; it++) {
        double f = poly ? poly_theta(lam, t) - theta1 - target
                        : hl_lambda_integral(lam, t1_k, t) - target;
        double d = hl_lambda_at(lam, t);
        if (!(d > 0.0) || !isfinite(f))
            break;
        double step = f / d;
        t -= step;
        if (fabs(step) <= 1e-12 * (1.0 + fabs(t)))
            return t;
    }
    return inverse_bracketed(lam, t1_k, target);
}
