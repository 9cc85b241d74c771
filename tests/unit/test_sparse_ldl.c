/*
 * test_sparse_ldl.c - the hydraulic solver's sparse LDL' (sparse_ldl.c):
 * on network matrices (weighted graph Laplacians of a meshed grid with
 * some grounded nodes, numbered so that the factor fills in) the solve
 * meets A x = b to rounding and agrees with a dense Cholesky; the pattern
 * is reused over new values; a zero or NaN pivot is named, and the next
 * factorisation on the same pattern is right again.
 */
#include "test_support.h"

#include "network/sparse_ldl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SIDE 14
#define N    (SIDE * SIDE)

typedef struct net_matrix {
    int ap[N + 1], ai[N * 8];
    double ax[N * 8];
    double dense[N * N];
} net_matrix;

static unsigned rng_state = 12345u;
static double uniform(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return ((rng_state >> 8) & 0xffffff) / (double)0x1000000;
}

/* Links of the grid (right and down neighbours, and every 5th diagonal)
 * with weights in [0.5, 2.5); every 17th node grounded. perm numbers the
 * nodes (a stride that scatters neighbours, so L fills). */
static void grid_dense(double *a, const int *perm)
{
    memset(a, 0, sizeof(double) * N * N);
    for (int r = 0; r < SIDE; r++)
        for (int c = 0; c < SIDE; c++) {
            int v = perm[r * SIDE + c];
            int nb[3] = {c + 1 < SIDE ? perm[r * SIDE + c + 1] : -1,
                         r + 1 < SIDE ? perm[(r + 1) * SIDE + c] : -1,
                         (r + c) % 5 == 0 && r + 1 < SIDE && c + 1 < SIDE
                             ? perm[(r + 1) * SIDE + c + 1]
                             : -1};
            for (int e = 0; e < 3; e++) {
                if (nb[e] < 0)
                    continue;
                double w = 0.5 + 2.0 * uniform();
                a[v * N + v] += w;
                a[nb[e] * N + nb[e]] += w;
                a[v * N + nb[e]] -= w;
                a[nb[e] * N + v] -= w;
            }
            if ((r * SIDE + c) % 17 == 0)
                a[v * N + v] += 1.0 + uniform();
        }
}

/* Upper triangle with the diagonal, column-compressed, rows ascending. */
static void compress(net_matrix *m)
{
    int nz = 0;
    for (int j = 0; j < N; j++) {
        m->ap[j] = nz;
        for (int i = 0; i <= j; i++)
            if (m->dense[i * N + j] != 0.0 || i == j) {
                m->ai[nz] = i;
                m->ax[nz++] = m->dense[i * N + j];
            }
    }
    m->ap[N] = nz;
}

static void make(net_matrix *m)
{
    int perm[N];
    for (int k = 0; k < N; k++)
        perm[k] = (k * 37) % N; /* 37 and 196 are coprime */
    grid_dense(m->dense, perm);
    compress(m);
}

/* Dense Cholesky solve of the same system, for comparison. */
static void dense_solve(const double *a_in, double *x)
{
    static double l[N * N];
    memcpy(l, a_in, sizeof l);
    for (int j = 0; j < N; j++) {
        for (int k = 0; k < j; k++)
            l[j * N + j] -= l[j * N + k] * l[j * N + k];
        l[j * N + j] = sqrt(l[j * N + j]);
        for (int i = j + 1; i < N; i++) {
            for (int k = 0; k < j; k++)
                l[i * N + j] -= l[i * N + k] * l[j * N + k];
            l[i * N + j] /= l[j * N + j];
        }
    }
    for (int i = 0; i < N; i++) {
        for (int k = 0; k < i; k++)
            x[i] -= l[i * N + k] * x[k];
        x[i] /= l[i * N + i];
    }
    for (int i = N - 1; i >= 0; i--) {
        for (int k = i + 1; k < N; k++)
            x[i] -= l[k * N + i] * x[k];
        x[i] /= l[i * N + i];
    }
}

/* max |A x - b| / max |b| */
static double residual(const double *a, const double *x, const double *b)
{
    double worst = 0.0, scale = 0.0;
    for (int i = 0; i < N; i++) {
        double s = -b[i];
        for (int j = 0; j < N; j++)
            s += a[i * N + j] * x[j];
        worst = fmax(worst, fabs(s));
        scale = fmax(scale, fabs(b[i]));
    }
    return worst / scale;
}

static void check_solve(const net_matrix *m, hyd_ldl *f)
{
    double b[N], x[N], xd[N];
    for (int i = 0; i < N; i++)
        b[i] = x[i] = xd[i] = uniform() - 0.5;
    assert_int_equal(hyd_ldl_factor(f, m->ap, m->ai, m->ax), -1);
    hyd_ldl_solve(f, x);
    assert_true(residual(m->dense, x, b) < 1e-12);
    dense_solve(m->dense, xd);
    for (int i = 0; i < N; i++)
        assert_true(fabs(x[i] - xd[i]) <= 1e-9 * (1.0 + fabs(xd[i])));
}

static void solves_network_matrices(void **state)
{
    (void)state;
    static net_matrix m;
    make(&m);
    hyd_ldl f;
    assert_int_equal(hyd_ldl_analyse(&f, N, m.ap, m.ai), 0);
    /* the numbering scatters neighbours: L has more entries than A */
    assert_true(f.lp[N] > m.ap[N] - N);
    check_solve(&m, &f);
    /* new values on the same pattern (the next Newton iteration) */
    for (int p = 0; p < m.ap[N]; p++)
        m.ax[p] = 0.0;
    int perm[N];
    for (int k = 0; k < N; k++)
        perm[k] = (k * 37) % N;
    grid_dense(m.dense, perm);
    compress(&m);
    check_solve(&m, &f);
    hyd_ldl_free(&f);
    assert_int_equal(f.n, 0);
}

static void names_a_bad_pivot(void **state)
{
    (void)state;
    static net_matrix m, bad;
    make(&m);
    bad = m;
    /* a NaN on the diagonal: the pivots before it are those of m */
    bad.ax[bad.ap[N / 2 + 1] - 1] = NAN;
    hyd_ldl f;
    assert_int_equal(hyd_ldl_analyse(&f, N, m.ap, m.ai), 0);
    assert_int_equal(hyd_ldl_factor(&f, bad.ap, bad.ai, bad.ax), N / 2);
    check_solve(&m, &f); /* and the next factorisation is whole again */
    hyd_ldl_free(&f);
}

static void empty_and_diagonal(void **state)
{
    (void)state;
    int ap[4] = {0, 1, 2, 3}, ai[3] = {0, 1, 2};
    double ax[3] = {2.0, 4.0, 8.0}, x[3] = {1.0, 1.0, 1.0};
    hyd_ldl f;
    assert_int_equal(hyd_ldl_analyse(&f, 3, ap, ai), 0);
    assert_int_equal(f.lp[3], 0);
    assert_int_equal(hyd_ldl_factor(&f, ap, ai, ax), -1);
    hyd_ldl_solve(&f, x);
    assert_true(x[0] == 0.5 && x[1] == 0.25 && x[2] == 0.125);
    ax[1] = 0.0;
    assert_int_equal(hyd_ldl_factor(&f, ap, ai, ax), 1);
    ax[1] = -4.0; /* negative: factored through, as CHOLMOD's LDL' */
    assert_int_equal(hyd_ldl_factor(&f, ap, ai, ax), -1);
    hyd_ldl_free(&f);
    assert_int_equal(hyd_ldl_analyse(&f, 0, ap, ai), 0);
    assert_int_equal(hyd_ldl_factor(&f, ap, ai, ax), -1);
    hyd_ldl_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(solves_network_matrices),
        cmocka_unit_test(names_a_bad_pivot),
        cmocka_unit_test(empty_and_diagonal)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
