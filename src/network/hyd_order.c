/*
 * hyd_order.c - fill-reducing order of the hydraulic unknowns
 * (docs/physics.md, "Network solver"). A network's graph is mostly trees
 * hanging off a meshed core and chains of pipes in series; minimum degree
 * (AMD) would eliminate those first anyway, one node at a time, at a cost
 * per node. Here they are taken first in one pass: the hanging trees
 * leaves inwards (no fill), then each chain of degree-2 nodes from one
 * end (its fill is one edge at a time, ending in the edge that joins the
 * chain's two ends), and AMD orders only what is left, the core with
 * every chain contracted to that edge. grid_10000: 8,696 unknowns, 2,340
 * of them in the core.
 */
#include "network/hyd_order.h"

#include <stdlib.h>
#include <string.h>

typedef struct order_graph {
    int n, *start, *adj; /* symmetric adjacency, no diagonal */
    int *rem;            /* neighbours not yet ordered */
    signed char *done;   /* ordered (or, for core nodes, kept) */
    int *perm, n_perm;
    int *nb;               /* 2 per node: neighbours left when eliminated */
    int *eu, *ev, n_edges; /* contracted edges of the core */
} order_graph;

static int graph_build(order_graph *g, int n, const int *ap, const int *ai)
{
    g->n = n;
    g->start = calloc((size_t)n + 1, sizeof(int));
    g->rem = calloc((size_t)n + 1, sizeof(int));
    g->done = calloc((size_t)n + 1, 1);
    if (!g->start || !g->rem || !g->done)
        return -1;
    for (int j = 0; j < n; j++)
        for (int p = ap[j]; p < ap[j + 1]; p++)
            if (ai[p] != j) {
                g->rem[ai[p]]++;
                g->rem[j]++;
            }
    for (int v = 0; v < n; v++)
        g->start[v + 1] = g->start[v] + g->rem[v];
    g->adj = malloc(sizeof(int) * ((size_t)g->start[n] + 1));
    if (!g->adj)
        return -1;
    int *next = g->perm; /* scratch until the order starts */
    memcpy(next, g->start, sizeof(int) * (size_t)n);
    for (int j = 0; j < n; j++)
        for (int p = ap[j]; p < ap[j + 1]; p++)
            if (ai[p] != j) {
                g->adj[next[ai[p]]++] = j;
                g->adj[next[j]++] = ai[p];
            }
    return 0;
}

/* Tree node v eliminated: its one neighbour left (if any) is its
 * parent. */
static void take(order_graph *g, int v)
{
    g->done[v] = 1;
    g->perm[g->n_perm++] = v;
    g->nb[2 * v] = g->nb[2 * v + 1] = -1;
    for (int a = g->start[v]; a < g->start[v + 1]; a++) {
        int u = g->adj[a];
        g->rem[u]--;
        if (!g->done[u])
            g->nb[2 * v] = u;
    }
}

/* Hanging trees, leaves inwards: a node with at most one neighbour left
 * is eliminated without fill. queue: n entries of work. */
static void peel(order_graph *g, int *queue)
{
    int head = 0, tail = 0;
    for (int v = 0; v < g->n; v++)
        if (g->rem[v] <= 1)
            queue[tail++] = v;
    while (head < tail) {
        int v = queue[head++];
        take(g, v);
        for (int a = g->start[v]; a < g->start[v + 1]; a++) {
            int u = g->adj[a];
            if (!g->done[u] && g->rem[u] == 1)
                queue[tail++] = u;
        }
    }
}

/* The neighbour of chain node c that is still in the graph and is not
 * prev (c has two). */
static int chain_next(const order_graph *g, int c, int prev)
{
    for (int a = g->start[c]; a < g->start[c + 1]; a++) {
        int u = g->adj[a];
        if (!g->done[u] && u != prev)
            return u;
    }
    return prev; /* a chain closing on itself */
}

/* The chain that leaves core node v through its neighbour c, eliminated
 * from v's end; records the edge v-end that its fill leaves. A chain
 * node's neighbours when it is eliminated are v (through the fill) and
 * the next node (v itself where the chain closes on v). */
static void chain(order_graph *g, int v, int c)
{
    int prev = v;
    while (!g->done[c] && g->rem[c] == 2 && c != v) {
        int next = chain_next(g, c, prev);
        g->done[c] = 1; /* taken below, after the walk has read rem */
        g->perm[g->n_perm++] = c;
        g->nb[2 * c] = v;
        g->nb[2 * c + 1] = next == v ? -1 : next;
        prev = c;
        c = next;
    }
    if (c != v && !g->done[c]) {
        g->eu[g->n_edges] = v;
        g->ev[g->n_edges++] = c;
    }
}

/* Chains between core nodes (three or more neighbours left), then rings
 * of degree-2 nodes alone: one node of each stays as a core node. The
 * walks also record every direct edge between two core nodes (twice). */
static void chains(order_graph *g)
{
    for (int pass = 0; pass < 2; pass++)
        for (int v = 0; v < g->n; v++) {
            if (g->done[v] || (pass == 0 ? g->rem[v] < 3 : g->rem[v] != 2))
                continue;
            g->rem[v] = -1; /* a core node: never a chain node */
            for (int a = g->start[v]; a < g->start[v + 1]; a++)
                if (!g->done[g->adj[a]])
                    chain(g, v, g->adj[a]);
        }
}

/* The core's upper pattern from the recorded edges, columns sorted and
 * unique (AMD wants no duplicates); id[v]: core number of node v. */
static cholmod_sparse *core_pattern(const order_graph *g, const int *id, int nc,
                                    cholmod_common *cc)
{
    cholmod_sparse *a =
        cholmod_allocate_sparse((size_t)nc, (size_t)nc, (size_t)g->n_edges + 1,
                                1, 1, 1, CHOLMOD_PATTERN, cc);
    if (!a)
        return NULL;
    int *ap = a->p, *ai = a->i;
    memset(ap, 0, sizeof(int) * ((size_t)nc + 1));
    for (int e = 0; e < g->n_edges; e++) {
        int u = id[g->eu[e]], v = id[g->ev[e]];
        ap[(u > v ? u : v) + 1]++;
    }
    for (int c = 0; c < nc; c++)
        ap[c + 1] += ap[c];
    int *next = g->rem; /* scratch now */
    memcpy(next, ap, sizeof(int) * (size_t)nc);
    for (int e = 0; e < g->n_edges; e++) {
        int u = id[g->eu[e]], v = id[g->ev[e]];
        ai[next[u > v ? u : v]++] = u < v ? u : v;
    }
    int w = 0;
    for (int c = 0; c < nc; c++) {
        int lo = ap[c], hi = next[c];
        for (int x = lo + 1; x < hi; x++) /* insertion sort: a few each */
            for (int y = x; y > lo && ai[y - 1] > ai[y]; y--) {
                int t = ai[y];
                ai[y] = ai[y - 1];
                ai[y - 1] = t;
            }
        ap[c] = w;
        for (int x = lo; x < hi; x++)
            if (x == lo || ai[x] != ai[x - 1])
                ai[w++] = ai[x];
    }
    ap[nc] = w;
    return a;
}

/* AMD on the core; its order goes last. */
static int core_order(order_graph *g, cholmod_common *cc)
{
    int nc = 0, *id = malloc(sizeof(int) * ((size_t)g->n + 1));
    int *core = malloc(sizeof(int) * ((size_t)g->n + 1));
    int *cperm = malloc(sizeof(int) * ((size_t)g->n + 1));
    cholmod_sparse *a = NULL;
    int ok = id && core && cperm;
    if (ok) {
        for (int v = 0; v < g->n; v++)
            if (!g->done[v]) {
                id[v] = nc;
                core[nc++] = v;
            }
        a = nc ? core_pattern(g, id, nc, cc) : NULL;
        ok = nc == 0 || (a && cholmod_amd(a, NULL, 0, cperm, cc));
    }
    for (int k = 0; ok && k < nc; k++)
        g->perm[g->n_perm++] = core[cperm[k]];
    cholmod_free_sparse(&a, cc);
    free(id);
    free(core);
    free(cperm);
    return ok ? 0 : -1;
}

int hyd_order(int n, const int *ap, const int *ai, int *perm, int *nb,
              int *n_elim, cholmod_common *cc)
{
    order_graph g;
    memset(&g, 0, sizeof g);
    g.perm = perm;
    g.nb = nb;
    int *queue = malloc(sizeof(int) * ((size_t)n + 1));
    int ok = queue && graph_build(&g, n, ap, ai) == 0;
    if (ok) {
        g.eu = malloc(sizeof(int) * ((size_t)g.start[n] + 1));
        g.ev = malloc(sizeof(int) * ((size_t)g.start[n] + 1));
        ok = g.eu && g.ev;
    }
    if (ok) {
        g.n_perm = 0;
        peel(&g, queue);
        chains(&g);
        *n_elim = g.n_perm;
        ok = core_order(&g, cc) == 0 && g.n_perm == n;
    }
    free(queue);
    free(g.start);
    free(g.adj);
    free(g.rem);
    free(g.done);
    free(g.eu);
    free(g.ev);
    return ok ? 0 : -1;
}
