/*
 * fit.c - weighted least-squares lambda(T) = a + b x (+ c x^2), x = T - ref,
 * through the apparent conductivities of test runs, by LAPACK's QR solver
 * (dgels) on the weighted system; covariance (X^T W X)^-1 = R^-1 R^-T.
 * Each run measures the mean of lambda over its face temperatures, so the
 * quadratic column is the mean of x^2 over [x - dT/2, x + dT/2]:
 * x^2 + dT^2/12 (exact for a quadratic lambda; docs/physics.md).
 */
#include "lab_internal.h"

#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERMS 3

static void design_row(const hl_lab_point *p, double ref_k, int terms,
                       double *row)
{
    double x = p->t_mean_k - ref_k;
    row[0] = 1.0;
    row[1] = x;
    if (terms > 2)
        row[2] = x * x + p->delta_t_k * p->delta_t_k / 12.0;
}

static double weight_of(const hl_lab_point *p, int weighted)
{
    return weighted ? 1.0 / p->u_lambda : 1.0;
}

/* One least-squares solve: coefficients, unscaled covariance, chi2.
 * Returns 0 when the system is rank deficient. */
typedef struct solution {
    int terms;
    double c[MAX_TERMS], cov[MAX_TERMS][MAX_TERMS], chi2;
} solution;

static int covariance_from_r(const double *a, int terms, solution *s)
{
    double rinv[MAX_TERMS * MAX_TERMS] = {0};
    double rmax = 0.0;
    for (int i = 0; i < terms; i++) {
        for (int j = i; j < terms; j++)
            rinv[i * terms + j] = a[i * terms + j];
        if (fabs(a[i * terms + i]) > rmax)
            rmax = fabs(a[i * terms + i]);
    }
    for (int i = 0; i < terms; i++)
        if (!(fabs(a[i * terms + i]) > 1e-12 * rmax))
            return 0;
    if (LAPACKE_dtrtri(LAPACK_ROW_MAJOR, 'U', 'N', terms, rinv, terms) != 0)
        return 0;
    for (int i = 0; i < terms; i++)
        for (int j = 0; j < terms; j++) {
            double sum = 0.0;
            for (int k = 0; k < terms; k++)
                sum += rinv[i * terms + k] * rinv[j * terms + k];
            s->cov[i][j] = sum;
        }
    return 1;
}

static int solve(const hl_lab_point *pts, int n, double ref_k, int terms,
                 int weighted, solution *s)
{
    double *a = malloc((size_t)n * terms * sizeof *a);
    double *b = malloc((size_t)n * sizeof *b);
    int ok = a && b;
    for (int i = 0; ok && i < n; i++) {
        double w = weight_of(&pts[i], weighted);
        design_row(&pts[i], ref_k, terms, a + (size_t)i * terms);
        for (int j = 0; j < terms; j++)
            a[(size_t)i * terms + j] *= w;
        b[i] = pts[i].lambda * w;
    }
    ok = ok &&
         LAPACKE_dgels(LAPACK_ROW_MAJOR, 'N', n, terms, 1, a, terms, b, 1) == 0;
    memset(s, 0, sizeof *s);
    s->terms = terms;
    ok = ok && covariance_from_r(a, terms, s);
    for (int j = 0; ok && j < terms; j++)
        s->c[j] = b[j];
    for (int i = terms; ok && i < n; i++)
        s->chi2 += b[i] * b[i];
    free(a);
    free(b);
    return ok;
}

static int distinct_temperatures(const hl_lab_point *pts, int n)
{
    int count = 0;
    for (int i = 0; i < n; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = fabs(pts[i].t_mean_k - pts[j].t_mean_k) < 0.1;
        count += !seen;
    }
    return count;
}

static void line_list(const hl_lab_point *pts, int n, char *buf, size_t len)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && at + 16 < len; i++)
        at += (size_t)snprintf(buf + at, len - at, "%s%d", i ? ", " : "",
                               pts[i].line);
}

static int too_few(const hl_lab_point *pts, int n, int degree, int temps,
                   const hl_lab_fit_options *o, hl_error *err)
{
    char lines[160];
    line_list(pts, n, lines, sizeof lines);
    return hl_error_set(
        err, HL_EINVAL,
        "%s: material %s: %d run%s at %d distinct mean temperature%s "
        "(line%s %s): a %s lambda(T) needs at least %d runs at %d or more "
        "temperatures",
        o && o->origin ? o->origin : "runs",
        o && o->material ? o->material : "?", n, n == 1 ? "" : "s", temps,
        temps == 1 ? "" : "s", n == 1 ? "" : "s", n ? lines : "none",
        degree == 2 ? "quadratic" : "linear", degree + 2, degree + 1);
}

static int all_weighted(const hl_lab_point *pts, int n)
{
    for (int i = 0; i < n; i++)
        if (!(pts[i].u_lambda > 0.0))
            return 0;
    return 1;
}

static double centre_k(const hl_lab_point *pts, int n, double *lo, double *hi)
{
    double sum = 0.0;
    *lo = *hi = pts[0].t_mean_k;
    for (int i = 0; i < n; i++) {
        sum += pts[i].t_mean_k;
        *lo = fmin(*lo, pts[i].t_mean_k);
        *hi = fmax(*hi, pts[i].t_mean_k);
    }
    double mean_c = sum / n - HL_ZERO_C_K;
    return 5.0 * round(mean_c / 5.0) + HL_ZERO_C_K;
}

/* F-test of the extra quadratic term between nested weighted fits
 * (e.g. Draper & Smith, Applied Regression Analysis, 3rd ed., 6.1):
 * F = (chi2_lin - chi2_quad) / (chi2_quad / (n - 3)) ~ F(1, n - 3). */
static double f_statistic(const solution *lin, const solution *quad, int n)
{
    if (lin->chi2 <= 1e-20 * n)
        return 0.0; /* the line is exact: nothing left to explain */
    if (quad->chi2 <= 0.0)
        return INFINITY;
    return (lin->chi2 - quad->chi2) / (quad->chi2 / (n - 3));
}

static int choose_degree(const hl_lab_point *pts, int n, double ref_k,
                         int weighted, const hl_lab_fit_options *o,
                         solution *best, hl_lab_fit *f)
{
    solution lin, quad;
    if (!solve(pts, n, ref_k, 2, weighted, &lin))
        return 0;
    *best = lin;
    if (n < 5 || distinct_temperatures(pts, n) < 3)
        return 1; /* two or more residual degrees of freedom needed */
    if (!solve(pts, n, ref_k, 3, weighted, &quad))
        return 1;
    double alpha = o && o->alpha > 0.0 ? o->alpha : 0.05;
    f->f_stat = f_statistic(&lin, &quad, n);
    f->f_p = lab_f_upper(f->f_stat, 1.0, n - 3.0);
    if (f->f_p < alpha)
        *best = quad;
    return 1;
}

static void residuals(hl_lab_point *pts, int n, const solution *s,
                      const hl_lab_fit *f)
{
    for (int i = 0; i < n; i++) {
        double row[MAX_TERMS], h = 0.0, w = weight_of(&pts[i], f->weighted);
        design_row(&pts[i], f->ref_k, s->terms, row);
        pts[i].fitted = 0.0;
        for (int j = 0; j < s->terms; j++) {
            pts[i].fitted += s->c[j] * row[j];
            for (int k = 0; k < s->terms; k++)
                h += w * w * row[j] * s->cov[j][k] * row[k];
        }
        pts[i].residual = pts[i].lambda - pts[i].fitted;
        double sigma = f->weighted ? pts[i].u_lambda : 1.0;
        double scale = f->weighted && !f->scaled ? 1.0 : sqrt(f->chi2 / f->dof);
        double denom = sigma * scale * sqrt(fmax(1.0 - h, 1e-12));
        pts[i].studentised = denom > 0.0 ? pts[i].residual / denom : 0.0;
    }
}

static double weighted_r2(const hl_lab_point *pts, int n, double chi2,
                          int weighted)
{
    double sw = 0.0, swy = 0.0, sst = 0.0;
    for (int i = 0; i < n; i++) {
        double w = weight_of(&pts[i], weighted);
        sw += w * w;
        swy += w * w * pts[i].lambda;
    }
    for (int i = 0; i < n; i++) {
        double w = weight_of(&pts[i], weighted);
        double d = pts[i].lambda - swy / sw;
        sst += w * w * d * d;
    }
    return sst > 0.0 ? 1.0 - chi2 / sst : 1.0;
}

/* Covariance: (X^T W X)^-1 when the stated uncertainties explain the
 * scatter; scaled by chi2/dof when chi2 exceeds its 99 % quantile, or
 * when no uncertainties were stated (ordinary least squares). */
static void finish(hl_lab_point *pts, int n, const solution *s, hl_lab_fit *f)
{
    f->degree = s->terms - 1;
    f->chi2 = s->chi2;
    f->dof = n - s->terms;
    f->chi2_limit = lab_chi2_quantile(0.99, f->dof);
    f->scaled = !f->weighted || f->chi2 > f->chi2_limit;
    double k = f->scaled ? f->chi2 / f->dof : 1.0;
    for (int i = 0; i < MAX_TERMS; i++) {
        f->c[i] = i < s->terms ? s->c[i] : 0.0;
        for (int j = 0; j < MAX_TERMS; j++)
            f->cov[i][j] =
                i < s->terms && j < s->terms ? k * s->cov[i][j] : 0.0;
    }
    f->r2 = weighted_r2(pts, n, s->chi2, f->weighted);
    residuals(pts, n, s, f);
    for (int i = 0; i < n; i++)
        f->n_outliers += fabs(pts[i].studentised) > HL_LAB_OUTLIER_LIMIT;
}

int hl_lab_fit_lambda(hl_lab_point *pts, int n, const hl_lab_fit_options *o,
                      hl_lab_fit *f, hl_error *err)
{
    memset(f, 0, sizeof *f);
    f->f_stat = f->f_p = NAN;
    int degree = o ? o->degree : 0;
    int temps = n > 0 ? distinct_temperatures(pts, n) : 0;
    int need = degree == 2 ? 2 : 1;
    if (n < need + 2 || temps < need + 1)
        return too_few(pts, n, need, temps, o, err);
    f->n = n;
    f->weighted = all_weighted(pts, n);
    f->ref_k = centre_k(pts, n, &f->t_min_k, &f->t_max_k);
    solution s;
    int ok = degree == 0
                 ? choose_degree(pts, n, f->ref_k, f->weighted, o, &s, f)
                 : solve(pts, n, f->ref_k, degree + 1, f->weighted, &s);
    if (!ok)
        return hl_error_set(err, HL_EINVAL,
                            "%s: material %s: the runs do not determine "
                            "lambda(T) (singular least-squares system)",
                            o && o->origin ? o->origin : "runs",
                            o && o->material ? o->material : "?");
    finish(pts, n, &s, f);
    return HL_OK;
}

double hl_lab_fit_eval(const hl_lab_fit *f, double t_k, double *u)
{
    double x = t_k - f->ref_k, g[MAX_TERMS] = {1.0, x, x * x};
    double v = 0.0, var = 0.0;
    for (int i = 0; i <= f->degree; i++) {
        v += f->c[i] * g[i];
        for (int j = 0; j <= f->degree; j++)
            var += g[i] * f->cov[i][j] * g[j];
    }
    if (u)
        *u = sqrt(fmax(var, 0.0));
    return v;
}
