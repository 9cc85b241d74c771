/*
 * hyd_reduce.c - the Newton system with the hanging trees and the chains
 * of pipes in series taken out (docs/physics.md, "Network solver").
 *
 * hyd_order.c numbers the unknowns trees first (leaves inwards), then the
 * chains of degree-2 nodes, then the meshed core. Each tree or chain
 * unknown x has at most two neighbours left when it is eliminated, so its
 * elimination is a few products: its equation
 *     d_x p_x - e_0 p_t0 - e_1 p_t1 = b_x
 * is solved for p_x and put into the equations of t0 and t1. A hanging
 * tree's link then drops out of its root's diagonal and its demands add to
 * the root's (its flows follow from its demands); a chain becomes one
 * series link between its two core ends, of weight e_0 e_1 / d_x per node.
 * Only the core, with those series links, is factorised (sparse_ldl.c);
 * the pressures of the tree and chain nodes follow by a sweep back from
 * the core. grid_10000: 8,696 unknowns, 2,340 in the core; a line has no
 * core at all.
 */
#include "network/hyd.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Where the coupling between unknowns a != b goes: the slot of the one
 * eliminated first among its two neighbour weights (h->ew), -1 when both
 * are core unknowns, -2 when the order does not have b as a neighbour of
 * a when a is eliminated (it always has; checked all the same). */
static int elim_slot(const struct net_hyd *h, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    if (lo >= h->n_elim)
        return -1;
    if (h->enb[2 * lo] == hi)
        return 2 * lo;
    if (h->enb[2 * lo + 1] == hi)
        return 2 * lo + 1;
    return -2;
}

/* The core entries: one per link between two core unknowns (ent[k]) and
 * one per chain fill between two core unknowns (ent[n_links + x]); col
 * and row in core numbering, col > row; -1 none. Returns -1 when the
 * order's neighbours do not match the links. */
static int core_entries(const hl_model *m, struct net_hyd *h, int *col,
                        int *row)
{
    int ne = h->n_elim, nl = m->net->n_links;
    for (int k = 0; k < nl; k++) {
        int u = h->unk[m->net->lk_from[k]], v = h->unk[m->net->lk_to[k]];
        col[k] = h->eslot[k] = -1;
        if (hyd_law(m, k) != LAW_MATRIX || u < 0 || v < 0 || u == v)
            continue;
        int s = elim_slot(h, u, v);
        if (s == -2)
            return -1;
        h->eslot[k] = s;
        if (s == -1) {
            col[k] = (u > v ? u : v) - ne;
            row[k] = (u < v ? u : v) - ne;
        }
    }
    for (int x = 0; x < ne; x++) {
        int t0 = h->enb[2 * x], t1 = h->enb[2 * x + 1];
        col[nl + x] = h->fill_e[x] = -1;
        if ((t0 >= 0 && t0 <= x) ||
            (t1 >= 0 && (t0 < 0 || t1 <= x || t1 == t0)))
            return -1; /* neighbours come later and differ */
        if (t1 < 0)
            continue;
        int s = elim_slot(h, t0, t1);
        if (s == -2)
            return -1;
        h->fill_e[x] = s;
        if (s == -1) {
            col[nl + x] = (t0 > t1 ? t0 : t1) - ne;
            row[nl + x] = (t0 < t1 ? t0 : t1) - ne;
        }
    }
    return 0;
}

static int find_slot(const int *ap, const int *ai, int col, int row)
{
    int lo = ap[col], hi = ap[col + 1] - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ai[mid] == row)
            return mid;
        if (ai[mid] < row)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* The core's upper triangle in CSC from the n_ent entries, each column
 * sorted and unique with its diagonal last (rows before it). */
static void core_csc(int nc, const int *col, const int *row, int n_ent, int *ap,
                     int *ai, int *next)
{
    memset(ap, 0, sizeof *ap * ((size_t)nc + 1));
    for (int e = 0; e < n_ent; e++)
        if (col[e] >= 0)
            ap[col[e] + 1]++;
    for (int c = 0; c < nc; c++)
        ap[c + 1] += ap[c] + 1; /* + the diagonal */
    memcpy(next, ap, sizeof *next * (size_t)nc);
    for (int e = 0; e < n_ent; e++)
        if (col[e] >= 0)
            ai[next[col[e]]++] = row[e];
    int w = 0;
    for (int c = 0; c < nc; c++) {
        int a = ap[c], b = next[c];
        for (int x = a + 1; x < b; x++) /* insertion sort: a few each */
            for (int y = x; y > a && ai[y - 1] > ai[y]; y--) {
                int t = ai[y];
                ai[y] = ai[y - 1];
                ai[y - 1] = t;
            }
        ap[c] = w;
        for (int x = a; x < b; x++)
            if (x == a || ai[x] != ai[x - 1])
                ai[w++] = ai[x];
        ai[w++] = c;
    }
    ap[nc] = w;
}

/* The core matrix (h->a), its value slots (h->slot_ij per link, h->fill_c
 * per chain fill, h->diag per core unknown) and its analysis. */
static int core_matrix(hl_model *m, struct net_hyd *h, const int *col,
                       const int *row, int *next)
{
    int nc = h->n_unk - h->n_elim, nl = m->net->n_links;
    size_t cap = (size_t)nc + (size_t)nl + (size_t)h->n_elim + 1;
    h->a = cholmod_allocate_sparse((size_t)nc, (size_t)nc, cap, 1, 1, 1,
                                   CHOLMOD_REAL, &h->cc);
    if (!h->a)
        return -1;
    int *ap = h->a->p, *ai = h->a->i;
    core_csc(nc, col, row, nl + h->n_elim, ap, ai, next);
    memset(h->a->x, 0, sizeof(double) * cap);
    for (int c = 0; c < nc; c++)
        h->diag[c] = ap[c + 1] - 1;
    for (int k = 0; k < nl; k++)
        h->slot_ij[k] = col[k] >= 0 ? find_slot(ap, ai, col[k], row[k]) : -1;
    for (int x = 0; x < h->n_elim; x++)
        h->fill_c[x] =
            col[nl + x] >= 0 ? find_slot(ap, ai, col[nl + x], row[nl + x]) : -1;
    return hyd_ldl_analyse(&h->ldl, nc, ap, ai);
}

int hyd_reduce_build(hl_model *m, struct net_hyd *h)
{
    size_t len = (size_t)m->net->n_links + (size_t)h->n_unk + 1;
    int *col = malloc(sizeof(int) * len), *row = malloc(sizeof(int) * len);
    int *next = malloc(sizeof(int) * ((size_t)h->n_unk + 1));
    int ok = col && row && next;
    if (ok && core_entries(m, h, col, row)) {
        h->n_elim = 0; /* not expected: the whole system is the core */
        core_entries(m, h, col, row);
    }
    ok = ok && core_matrix(m, h, col, row, next) == 0;
    free(col);
    free(row);
    free(next);
    return ok ? HL_OK
              : net_fail(m, HL_ENOMEM, "out of memory (sparse analysis)");
}

int hyd_reduce_factor(struct net_hyd *h, int *nan_pivot)
{
    int ne = h->n_elim, nc = h->n_unk - ne;
    double *d = h->dg, *ew = h->ew, *ax = h->a->x;
    const int *nb = h->enb;
    for (int x = 0; x < ne; x++) {
        double piv = d[x] + (h->unk_cut[x] ? 1.0 : 0.0); /* cut: pinned */
        *nan_pivot = isnan(piv);
        if (piv == 0.0 || *nan_pivot)
            return x;
        double inv = 1.0 / piv, e0 = ew[2 * x], e1 = ew[2 * x + 1];
        h->epiv[x] = inv;
        if (nb[2 * x] >= 0)
            d[nb[2 * x]] -= e0 * e0 * inv;
        if (nb[2 * x + 1] < 0)
            continue;
        d[nb[2 * x + 1]] -= e1 * e1 * inv;
        double f = e0 * e1 * inv; /* the series link of the two */
        if (h->fill_e[x] >= 0)
            ew[h->fill_e[x]] += f;
        else
            ax[h->fill_c[x]] -= f;
    }
    for (int c = 0; c < nc; c++)
        ax[h->diag[c]] = d[ne + c] + (h->unk_cut[ne + c] ? 1.0 : 0.0);
    int bad = nc ? hyd_ldl_factor(&h->ldl, h->a->p, h->a->i, ax) : -1;
    *nan_pivot = bad >= 0 && isnan(h->ldl.d[bad]);
    return bad >= 0 ? ne + bad : -1;
}

void hyd_reduce_solve(const struct net_hyd *h, double *x)
{
    int ne = h->n_elim;
    const int *nb = h->enb;
    const double *ew = h->ew, *inv = h->epiv;
    for (int v = 0; v < ne; v++) { /* the right-hand sides into the core */
        double s = x[v] * inv[v];
        if (nb[2 * v] >= 0)
            x[nb[2 * v]] += ew[2 * v] * s;
        if (nb[2 * v + 1] >= 0)
            x[nb[2 * v + 1]] += ew[2 * v + 1] * s;
    }
    if (h->n_unk > ne)
        hyd_ldl_solve(&h->ldl, x + ne);
    for (int v = ne - 1; v >= 0; v--) { /* the sweep back from the core */
        double s = x[v];
        if (nb[2 * v] >= 0)
            s += ew[2 * v] * x[nb[2 * v]];
        if (nb[2 * v + 1] >= 0)
            s += ew[2 * v + 1] * x[nb[2 * v + 1]];
        x[v] = s * inv[v];
    }
}
