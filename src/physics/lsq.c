/*
 * lsq.c - dense linear least squares by Householder QR (Golub & Van Loan,
 * Matrix Computations, 4th ed., 2013, algorithms 5.1.1 and 5.3.2), for the
 * small collocation systems of the multipole method. Columns are scaled to
 * unit norm first so that terms of very different size stay accurate.
 */
#include "pipe_internal.h"

#include <math.h>

#define LSQ_MAX_COLS 128

static double column_norm(int m, const double *col, int from)
{
    double s = 0.0;
    for (int i = from; i < m; i++)
        s += col[i] * col[i];
    return sqrt(s);
}

/* Reflect column k below the diagonal to (alpha, 0, ..., 0) and apply the
 * same reflection to the later columns and to b. */
static int householder_step(int m, int n, int k, double *a, double *b)
{
    double *ak = a + (size_t)k * m;
    double norm = column_norm(m, ak, k);
    if (norm == 0.0)
        return -1;
    double alpha = (ak[k] > 0.0) ? -norm : norm;
    ak[k] -= alpha; /* v = x - alpha e1, stored in place */
    double vv = column_norm(m, ak, k);
    vv *= vv;
    for (int j = k + 1; j <= n; j++) {
        double *c = (j < n) ? a + (size_t)j * m : b;
        double dot = 0.0;
        for (int i = k; i < m; i++)
            dot += ak[i] * c[i];
        double f = 2.0 * dot / vv;
        for (int i = k; i < m; i++)
            c[i] -= f * ak[i];
    }
    ak[k] = alpha; /* the diagonal of R */
    return 0;
}

int lsq_solve(int m, int n, double *a, double *b, double *x)
{
    double scale[LSQ_MAX_COLS];
    if (n > LSQ_MAX_COLS || m < n)
        return -1;
    for (int j = 0; j < n; j++) {
        double *c = a + (size_t)j * m;
        scale[j] = column_norm(m, c, 0);
        if (scale[j] == 0.0)
            return -1;
        for (int i = 0; i < m; i++)
            c[i] /= scale[j];
    }
    for (int k = 0; k < n; k++)
        if (householder_step(m, n, k, a, b))
            return -1;
    for (int k = n - 1; k >= 0; k--) { /* back substitution with R */
        double s = b[k];
        for (int j = k + 1; j < n; j++)
            s -= a[(size_t)j * m + k] * x[j];
        double d = a[(size_t)k * m + k];
        if (fabs(d) < 1e-14)
            return -1;
        x[k] = s / d;
    }
    for (int j = 0; j < n; j++)
        x[j] /= scale[j];
    return 0;
}
