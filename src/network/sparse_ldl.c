/*
 * sparse_ldl.c - LDL' of the hydraulic Newton matrix on a pattern found
 * once (sparse_ldl.h). The symbolic part walks the elimination tree as
 * the up-looking algorithm does (Liu 1986; Davis 2006, section 4.1) and
 * keeps what it finds: the columns of L and, per row k, the columns j
 * with L(k, j) != 0 in ascending order, which is an order in which
 * every j comes before its ancestors in the tree (they have larger
 * numbers), so the numeric part needs no reach of its own.
 */
#include "network/sparse_ldl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void hyd_ldl_free(hyd_ldl *f)
{
    free(f->lp);
    free(f->li);
    free(f->lx);
    free(f->rp);
    free(f->rj);
    free(f->rpos);
    free(f->d);
    free(f->y);
    memset(f, 0, sizeof *f);
}

/* Elimination tree (parent) and the number of entries of L in every
 * column (ccount) and row (rcount); flag is work. */
static void count_pattern(int n, const int *ap, const int *ai, int *parent,
                          int *flag, int *ccount, int *rcount)
{
    for (int k = 0; k < n; k++) {
        parent[k] = -1;
        flag[k] = k;
        ccount[k] = rcount[k] = 0;
        for (int p = ap[k]; p < ap[k + 1]; p++)
            for (int i = ai[p]; i < k && flag[i] != k; i = parent[i]) {
                if (parent[i] < 0)
                    parent[i] = k;
                ccount[i]++;
                rcount[k]++;
                flag[i] = k;
            }
    }
}

/* Rows of every column (ascending, as k ascends), then the row patterns
 * as the transpose of that (ascending j, as j ascends). */
static void fill_pattern(hyd_ldl *f, const int *ap, const int *ai,
                         const int *parent, int *flag, int *next)
{
    int n = f->n;
    memcpy(next, f->lp, sizeof(int) * (size_t)n);
    for (int k = 0; k < n; k++) {
        flag[k] = k;
        for (int p = ap[k]; p < ap[k + 1]; p++)
            for (int i = ai[p]; i < k && flag[i] != k; i = parent[i]) {
                f->li[next[i]++] = k;
                flag[i] = k;
            }
    }
    memcpy(next, f->rp, sizeof(int) * (size_t)n);
    for (int j = 0; j < n; j++)
        for (int p = f->lp[j]; p < f->lp[j + 1]; p++) {
            int k = f->li[p];
            f->rj[next[k]] = j;
            f->rpos[next[k]++] = p;
        }
}

static void starts(int *s, const int *count, int n)
{
    s[0] = 0;
    for (int k = 0; k < n; k++)
        s[k + 1] = s[k] + count[k];
}

int hyd_ldl_analyse(hyd_ldl *f, int n, const int *ap, const int *ai)
{
    memset(f, 0, sizeof *f);
    size_t sn = (size_t)n + 1;
    int *parent = malloc(sizeof(int) * sn), *flag = malloc(sizeof(int) * sn);
    int *cc = malloc(sizeof(int) * sn), *rc = malloc(sizeof(int) * sn);
    f->lp = malloc(sizeof(int) * sn);
    f->rp = malloc(sizeof(int) * sn);
    int ok = parent && flag && cc && rc && f->lp && f->rp;
    if (ok) {
        f->n = n;
        count_pattern(n, ap, ai, parent, flag, cc, rc);
        starts(f->lp, cc, n);
        starts(f->rp, rc, n);
        size_t lnz = (size_t)f->lp[n] + 1;
        f->li = malloc(sizeof(int) * lnz);
        f->lx = malloc(sizeof(double) * lnz);
        f->rj = malloc(sizeof(int) * lnz);
        f->rpos = malloc(sizeof(int) * lnz);
        f->d = malloc(sizeof(double) * sn);
        f->y = calloc(sn, sizeof(double));
        ok = f->li && f->lx && f->rj && f->rpos && f->d && f->y;
    }
    if (ok)
        fill_pattern(f, ap, ai, parent, flag, cc);
    else
        hyd_ldl_free(f);
    free(parent);
    free(flag);
    free(cc);
    free(rc);
    return ok ? 0 : -1;
}

int hyd_ldl_factor(hyd_ldl *f, const int *ap, const int *ai, const double *ax)
{
    double *y = f->y, *lx = f->lx, *d = f->d;
    const int *li = f->li, *lp = f->lp;
    for (int k = 0; k < f->n; k++) {
        for (int p = ap[k]; p < ap[k + 1]; p++) /* A(0:k, k) */
            y[ai[p]] += ax[p];
        double dk = y[k];
        y[k] = 0.0;
        for (int q = f->rp[k]; q < f->rp[k + 1]; q++) {
            int j = f->rj[q], slot = f->rpos[q];
            double yj = y[j];
            y[j] = 0.0;
            for (int p = lp[j]; p < slot; p++) /* rows of L(:, j) < k */
                y[li[p]] -= lx[p] * yj;
            double lkj = yj / d[j];
            dk -= lkj * yj;
            lx[slot] = lkj;
        }
        d[k] = dk;
        if (dk == 0.0 || isnan(dk))
            return k; /* y is zero again: every entry was consumed */
    }
    return -1;
}

void hyd_ldl_solve(const hyd_ldl *f, double *x)
{
    const int *li = f->li, *lp = f->lp;
    const double *lx = f->lx;
    int n = f->n;
    for (int j = 0; j < n; j++) { /* L z = x, and D w = z as z_j is final */
        double xj = x[j];
        for (int p = lp[j]; p < lp[j + 1]; p++)
            x[li[p]] -= lx[p] * xj;
        x[j] = xj / f->d[j];
    }
    for (int j = n - 1; j >= 0; j--) { /* L' x = w */
        double s = x[j];
        for (int p = lp[j]; p < lp[j + 1]; p++)
            s -= lx[p] * x[li[p]];
        x[j] = s;
    }
}
