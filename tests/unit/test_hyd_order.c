/*
 * test_hyd_order.c - the fill-reducing order of the hydraulic unknowns
 * (hyd_order.c): a permutation of every unknown on graphs with hanging
 * trees, chains, rings and isolated nodes; no fill on a tree; the least
 * fill a ring allows (one edge per eliminated node but the last two); on a
 * meshed grid with trees hanging off it no more fill than AMD alone; the
 * neighbours it reports for each tree and chain node are exactly those
 * the node has left, fill included, when it is eliminated (at most two).
 */
#include "test_support.h"

#include "network/hyd_order.h"
#include "network/sparse_ldl.h"

#include <stdlib.h>
#include <string.h>

#define MAXN 2600
#define MAXE (4 * MAXN)

typedef struct graph {
    int n, ne, eu[MAXE], ev[MAXE];
} graph;

static unsigned rng = 777u;
static int pick(int n)
{
    rng = rng * 1103515245u + 12345u;
    return (int)((rng >> 8) % (unsigned)n);
}

static void edge(graph *g, int u, int v)
{
    for (int e = 0; e < g->ne; e++) /* keep edges unique */
        if ((g->eu[e] == u && g->ev[e] == v) ||
            (g->eu[e] == v && g->ev[e] == u))
            return;
    g->eu[g->ne] = u;
    g->ev[g->ne++] = v;
}

/* Upper pattern with the diagonal of g numbered by inv (new = inv[old]),
 * rows ascending (edges are unique). */
static void pattern(const graph *g, const int *inv, int *ap, int *ai)
{
    static int next[MAXN + 1];
    memset(next, 0, sizeof next);
    for (int e = 0; e < g->ne; e++) {
        int u = inv[g->eu[e]], v = inv[g->ev[e]];
        next[u > v ? u : v]++;
    }
    ap[0] = 0;
    for (int c = 0; c < g->n; c++)
        ap[c + 1] = ap[c] + next[c] + 1;
    for (int c = 0; c < g->n; c++)
        next[c] = ap[c];
    for (int e = 0; e < g->ne; e++) {
        int u = inv[g->eu[e]], v = inv[g->ev[e]];
        ai[next[u > v ? u : v]++] = u < v ? u : v;
    }
    for (int c = 0; c < g->n; c++) {
        for (int x = ap[c] + 1; x < next[c]; x++) /* insertion sort */
            for (int y = x; y > ap[c] && ai[y - 1] > ai[y]; y--) {
                int t = ai[y];
                ai[y] = ai[y - 1];
                ai[y - 1] = t;
            }
        ai[next[c]] = c; /* the diagonal, last */
    }
}

/* Entries of L below the diagonal with the order perm (NULL: as
 * numbered); checks that perm is a permutation. */
static int fill(const graph *g, const int *perm)
{
    static int inv[MAXN], ap[MAXN + 1], ai[MAXE + MAXN];
    for (int v = 0; v < g->n; v++)
        inv[v] = -1;
    for (int k = 0; k < g->n; k++) {
        int v = perm ? perm[k] : k;
        assert_true(v >= 0 && v < g->n && inv[v] < 0);
        inv[v] = k;
    }
    pattern(g, inv, ap, ai);
    hyd_ldl f;
    assert_int_equal(hyd_ldl_analyse(&f, g->n, ap, ai), 0);
    int lnz = f.lp[g->n];
    hyd_ldl_free(&f);
    return lnz;
}

/* Eliminates the first n_elim nodes of perm on the graph, fill
 * included, and checks that each has the neighbours nb says then. */
static void check_neighbours(const graph *g, const int *perm, const int *nb,
                             int n_elim)
{
    static unsigned char adj[MAXN][MAXN], gone[MAXN];
    memset(adj, 0, sizeof adj);
    memset(gone, 0, sizeof gone);
    for (int e = 0; e < g->ne; e++)
        adj[g->eu[e]][g->ev[e]] = adj[g->ev[e]][g->eu[e]] = 1;
    for (int k = 0; k < n_elim; k++) {
        int v = perm[k], left[2] = {-1, -1}, n_left = 0;
        for (int u = 0; u < g->n; u++)
            if (adj[v][u] && !gone[u]) {
                assert_true(n_left < 2);
                left[n_left++] = u;
            }
        int a = nb[2 * v], b = nb[2 * v + 1];
        assert_true(a >= 0 || b < 0);
        assert_int_equal(n_left, (a >= 0) + (b >= 0));
        for (int j = 0; j < n_left; j++)
            assert_true(left[j] == a || left[j] == b);
        if (n_left == 2)
            adj[a][b] = adj[b][a] = 1;
        gone[v] = 1;
    }
}

static int elim_count; /* trees and chains of the last order */

static int ordered(const graph *g, int *perm, cholmod_common *cc)
{
    static int ap[MAXN + 1], ai[MAXE + MAXN], id[MAXN], nb[2 * MAXN];
    int n_elim = -1;
    for (int v = 0; v < g->n; v++)
        id[v] = v;
    pattern(g, id, ap, ai);
    assert_int_equal(hyd_order(g->n, ap, ai, perm, nb, &n_elim, cc), 0);
    assert_true(n_elim >= 0 && n_elim <= g->n);
    check_neighbours(g, perm, nb, n_elim);
    elim_count = n_elim;
    return fill(g, perm);
}

static void tree_has_no_fill(void **state)
{
    (void)state;
    static graph g;
    static int perm[MAXN];
    cholmod_common cc;
    cholmod_start(&cc);
    g.n = 500;
    g.ne = 0;
    for (int v = 1; v < g.n; v++)
        edge(&g, v, pick(v));
    assert_int_equal(ordered(&g, perm, &cc), g.n - 1);
    assert_int_equal(elim_count, g.n); /* a tree has no core */
    /* a ring: n edges and n - 3 fill, the least any order gives */
    g.n = 40;
    g.ne = 0;
    for (int v = 0; v < g.n; v++)
        edge(&g, v, (v + 7) % g.n);
    assert_int_equal(ordered(&g, perm, &cc), 2 * g.n - 3);
    cholmod_finish(&cc);
}

/* A 50 x 50 grid's spanning tree plus 15 % more lattice edges (the shape
 * of the benchmark's grids), a separate ring, an isolated node. */
static void meshed_network(graph *g)
{
    const int side = 50;
    g->n = side * side + 12 + 1;
    g->ne = 0;
    static int in_tree[2500];
    memset(in_tree, 0, sizeof in_tree);
    in_tree[0] = 1;
    for (int added = 1; added < side * side;) { /* random growth */
        int v = pick(side * side), r = v / side, c = v % side;
        int nb[4] = {r > 0 ? v - side : -1, r + 1 < side ? v + side : -1,
                     c > 0 ? v - 1 : -1, c + 1 < side ? v + 1 : -1};
        int u = nb[pick(4)];
        if (u >= 0 && in_tree[u] && !in_tree[v]) {
            edge(g, u, v);
            in_tree[v] = 1;
            added++;
        }
    }
    for (int extra = 0; extra < side * side * 15 / 100; extra++) {
        int v = pick(side * side - side);
        edge(g, v, v + side);
    }
    for (int k = 0; k < 12; k++) /* the ring */
        edge(g, side * side + k, side * side + (k + 1) % 12);
}

static void network_no_worse_than_amd(void **state)
{
    (void)state;
    static graph g;
    static int perm[MAXN], amd[MAXN], ap[MAXN + 1], ai[MAXE + MAXN], id[MAXN];
    cholmod_common cc;
    cholmod_start(&cc);
    meshed_network(&g);
    int ours = ordered(&g, perm, &cc);
    for (int v = 0; v < g.n; v++)
        id[v] = v;
    pattern(&g, id, ap, ai);
    cholmod_sparse a = {0};
    a.nrow = a.ncol = (size_t)g.n;
    a.nzmax = (size_t)ap[g.n];
    a.p = ap;
    a.i = ai;
    a.stype = 1;
    a.itype = CHOLMOD_INT;
    a.xtype = CHOLMOD_PATTERN;
    a.dtype = CHOLMOD_DOUBLE;
    a.sorted = a.packed = 1;
    assert_true(cholmod_amd(&a, NULL, 0, amd, &cc));
    int by_amd = fill(&g, amd);
    printf("fill: %d entries of L with hyd_order, %d with AMD alone (%d "
           "edges); %d of %d nodes in trees and chains\n",
           ours, by_amd, g.ne, elim_count, g.n);
    assert_true(elim_count > g.n / 2 && elim_count < g.n);
    assert_true(ours <= by_amd + by_amd / 20);
    assert_true(ours < fill(&g, NULL)); /* the numbering alone fills more */
    cholmod_finish(&cc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tree_has_no_fill),
        cmocka_unit_test(network_no_worse_than_amd)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
