/*
 * sparse_ldl.h - sparse LDL' factorisation of the hydraulic Newton matrix
 * by SuiteSparse's LDL package (Davis, "Algorithm 849: A concise sparse
 * Cholesky factorization package", ACM TOMS 31(4), 2005; Debian's
 * libsuitesparse-dev): the elimination tree and the column counts of L
 * found once per pattern (ldl_symbolic), then an up-looking numeric
 * factorisation per Newton iteration (ldl_numeric). A network matrix has
 * few flops per entry of L (grid_10000: 129 k flops on 28 k entries), so
 * CHOLMOD's simplicial factorisation spent most of its time on its own
 * bookkeeping; LDL's is lighter (docs/physics.md, "Network solver").
 * CHOLMOD keeps the fill-reducing ordering (AMD, hyd_order.c).
 */
#ifndef HL_SPARSE_LDL_H
#define HL_SPARSE_LDL_H

typedef struct hyd_ldl {
    int n;       /* order; 0: nothing analysed */
    int *lp;     /* n + 1: column starts of L (strictly lower part) */
    int *parent; /* elimination tree */
    int *lnz;    /* entries per column of L */
    int *li;     /* row of each entry */
    double *lx;  /* value of each entry */
    double *d;   /* the diagonal D */
    double *y;   /* n: work of the numeric factorisation */
    int *pattern, *flag; /* n each: work of both phases */
} hyd_ldl;

/* Pattern of L for the n x n matrix whose upper triangle (with the
 * diagonal) is given column-compressed in ap, ai. Returns 0, or -1 when
 * out of memory (f then holds nothing). */
int hyd_ldl_analyse(hyd_ldl *f, int n, const int *ap, const int *ai);
/* Numeric factorisation of the values ax on the analysed pattern.
 * Returns -1, or the first column k whose pivot d[k] is zero or NaN (the
 * matrix is singular, or its values overflowed). A negative pivot is
 * factored through, as CHOLMOD's LDL' did before: the Newton matrix is
 * positive definite by construction, and an iterate whose slopes have
 * run away in rounding is told by its flows (hydraulics.c). */
int hyd_ldl_factor(hyd_ldl *f, const int *ap, const int *ai, const double *ax);
/* x := A^-1 x with the last factorisation. */
void hyd_ldl_solve(const hyd_ldl *f, double *x);
void hyd_ldl_free(hyd_ldl *f);

#endif
