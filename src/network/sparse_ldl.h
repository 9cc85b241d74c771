/*
 * sparse_ldl.h - sparse LDL' factorisation of the hydraulic Newton matrix
 * with the whole pattern of L found once (docs/physics.md, "Network
 * solver"): the elimination tree, the columns of L and, per row, the
 * columns that row k of L touches. Each numeric factorisation then runs
 * the up-looking algorithm (Davis, Direct Methods for Sparse Linear
 * Systems, SIAM 2006, sections 4.1-4.7) without recomputing any reach:
 * a network matrix has few flops per entry of L (grid_10000: 129 k flops
 * on 28 k entries), so the reach CHOLMOD's simplicial factorisation finds
 * afresh every time was most of its cost.
 */
#ifndef HL_SPARSE_LDL_H
#define HL_SPARSE_LDL_H

typedef struct hyd_ldl {
    int n;      /* order; 0: nothing analysed */
    int *lp;    /* n + 1: column starts of L (strictly lower part) */
    int *li;    /* row of each entry, ascending within a column */
    double *lx; /* value of each entry */
    int *rp;    /* n + 1: starts of the row patterns */
    int *rj;    /* per row k: the columns j < k of L(k, :), ascending */
    int *rpos;  /* per row pattern entry: its slot in column j's lx */
    double *d;  /* the diagonal D */
    double *y;  /* n: work (zero between factorisations) */
} hyd_ldl;

/* Pattern of L for the n x n matrix whose upper triangle (with the
 * diagonal) is given column-compressed in ap, ai (rows ascending).
 * Returns 0, or -1 when out of memory (f then holds nothing). */
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
