/*
 * sparse_ldl.c - LDL' of the hydraulic Newton matrix through SuiteSparse's
 * LDL (sparse_ldl.h). LDL reads only the upper triangle of A and takes
 * its arrays without const: it writes none of ap, ai, ax.
 */
#include "network/sparse_ldl.h"

#include <ldl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void hyd_ldl_free(hyd_ldl *f)
{
    free(f->lp);
    free(f->parent);
    free(f->lnz);
    free(f->li);
    free(f->lx);
    free(f->d);
    free(f->y);
    free(f->pattern);
    free(f->flag);
    memset(f, 0, sizeof *f);
}

static int alloc_work(hyd_ldl *f, int n)
{
    size_t sn = (size_t)n + 1;
    f->lp = malloc(sizeof(int) * sn);
    f->parent = malloc(sizeof(int) * sn);
    f->lnz = malloc(sizeof(int) * sn);
    f->d = malloc(sizeof(double) * sn);
    f->y = malloc(sizeof(double) * sn);
    f->pattern = malloc(sizeof(int) * sn);
    f->flag = malloc(sizeof(int) * sn);
    return f->lp && f->parent && f->lnz && f->d && f->y && f->pattern &&
           f->flag;
}

int hyd_ldl_analyse(hyd_ldl *f, int n, const int *ap, const int *ai)
{
    memset(f, 0, sizeof *f);
    int ok = alloc_work(f, n);
    if (ok) {
        f->n = n;
        ldl_symbolic(n, (int *)ap, (int *)ai, f->lp, f->parent, f->lnz,
                     f->flag, NULL, NULL);
        size_t lnz = (size_t)f->lp[n] + 1; /* one more: never malloc(0) */
        f->li = malloc(sizeof(int) * lnz);
        f->lx = malloc(sizeof(double) * lnz);
        ok = f->li && f->lx;
    }
    if (!ok)
        hyd_ldl_free(f);
    return ok ? 0 : -1;
}

int hyd_ldl_factor(hyd_ldl *f, const int *ap, const int *ai, const double *ax)
{
    int n = f->n;
    int done = ldl_numeric(n, (int *)ap, (int *)ai, (double *)ax, f->lp,
                           f->parent, f->lnz, f->li, f->lx, f->d, f->y,
                           f->pattern, f->flag, NULL, NULL);
    /* LDL stops at a zero pivot; a NaN one (values overflowed) it factors
     * through, so the first of either is looked for here. */
    for (int k = 0; k < done; k++)
        if (isnan(f->d[k]))
            return k;
    return done < n ? done : -1;
}

void hyd_ldl_solve(const hyd_ldl *f, double *x)
{
    ldl_lsolve(f->n, x, f->lp, f->li, f->lx);
    ldl_dsolve(f->n, x, f->d);
    ldl_ltsolve(f->n, x, f->lp, f->li, f->lx);
}
