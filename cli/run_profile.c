/*
 * run_profile.c - the main path of a line for the pressure diagram: from
 * the first source's outlet downstream along the largest flow (through a
 * heat exchanger to its secondary side), and from the source's inlet
 * upstream along the largest inflow; nodes with a chainage, paired by
 * chainage (at a station the upstream and downstream nodes both appear,
 * so the pump jumps show).
 */
#include "run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct edge {
    int from, to;
    double m;
    int hx; /* HX index + 1 for a primary side, 0 otherwise */
} edge;

typedef struct graph {
    int n_nodes, n_edges;
    edge *e;
    int *hx_sec_in, *hx_sec_out;
    int *start, *adj; /* edges at each node (CSR) */
} graph;

static int build_adjacency(graph *g)
{
    g->start = calloc((size_t)g->n_nodes + 2, sizeof(int));
    g->adj = malloc(sizeof(int) * (2 * (size_t)g->n_edges + 1));
    int *fill = malloc(sizeof(int) * ((size_t)g->n_nodes + 1));
    if (!g->start || !g->adj || !fill) {
        free(fill);
        return 0;
    }
    for (int k = 0; k < g->n_edges; k++) {
        g->start[g->e[k].from + 1]++;
        g->start[g->e[k].to + 1]++;
    }
    for (int v = 0; v < g->n_nodes; v++)
        g->start[v + 1] += g->start[v];
    memcpy(fill, g->start, sizeof(int) * (size_t)g->n_nodes);
    for (int k = 0; k < g->n_edges; k++) {
        g->adj[fill[g->e[k].from]++] = k;
        g->adj[fill[g->e[k].to]++] = k;
    }
    free(fill);
    return 1;
}

static int add_edges(hl_model *m, graph *g)
{
    int np = hl_model_count(m, HL_PIPE), nu = hl_model_count(m, HL_PUMP);
    int nv = hl_model_count(m, HL_VALVE), nh = hl_model_count(m, HL_HX);
    g->e = calloc((size_t)(np + nu + nv + nh + 1), sizeof *g->e);
    g->hx_sec_in = calloc((size_t)nh + 1, sizeof(int));
    g->hx_sec_out = calloc((size_t)nh + 1, sizeof(int));
    if (!g->e || !g->hx_sec_in || !g->hx_sec_out)
        return 0;
    for (int i = 0; i < np; i++) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        g->e[g->n_edges++] = (edge){r.from, r.to, r.mass_flow_kg_s, 0};
    }
    for (int i = 0; i < nu; i++) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        g->e[g->n_edges++] = (edge){r.from, r.to, r.mass_flow_kg_s, 0};
    }
    for (int i = 0; i < nv; i++) {
        hl_valve_result r;
        hl_model_valve_result(m, i, &r);
        g->e[g->n_edges++] = (edge){r.from, r.to, r.mass_flow_kg_s, 0};
    }
    for (int i = 0; i < nh; i++) {
        hl_hx_result r;
        hl_model_hx_result(m, i, &r);
        g->e[g->n_edges++] =
            (edge){r.primary_in, r.primary_out, r.primary_kg_s, i + 1};
        g->hx_sec_in[i] = r.secondary_in;
        g->hx_sec_out[i] = r.secondary_out;
    }
    return 1;
}

/* Next node along the largest flow leaving (dir 1) or entering (dir -1)
 * v; -1 at the end. */
static int step(const graph *g, int v, int dir)
{
    int best = -1;
    double bm = 1e-9;
    for (int a = g->start[v]; a < g->start[v + 1]; a++) {
        int k = g->adj[a];
        const edge *e = &g->e[k];
        int up = e->m >= 0 ? e->from : e->to, dn = e->m >= 0 ? e->to : e->from;
        if ((dir > 0 ? up : dn) != v || fabs(e->m) <= bm)
            continue;
        bm = fabs(e->m);
        best = k;
    }
    if (best < 0)
        return -1;
    const edge *e = &g->e[best];
    if (e->hx) /* the line continues on the other side of the exchanger */
        return dir > 0 ? g->hx_sec_out[e->hx - 1] : g->hx_sec_in[e->hx - 1];
    return dir > 0 ? (e->m >= 0 ? e->to : e->from)
                   : (e->m >= 0 ? e->from : e->to);
}

/* Nodes with a chainage along the walk from start, into out. */
static int walk(hl_model *m, const graph *g, int start, int dir, int *out,
                char *seen)
{
    int n = 0;
    for (int v = start; v >= 0 && !seen[v]; v = step(g, v, dir)) {
        seen[v] = 1;
        hl_node_result r;
        hl_model_node_result(m, v, &r);
        if (!isnan(r.chainage_m))
            out[n++] = v;
    }
    return n;
}

static double chainage(hl_model *m, int v)
{
    hl_node_result r;
    hl_model_node_result(m, v, &r);
    return r.chainage_m;
}

/* Pair the two walks group by group of equal chainage. */
static int merge(hl_model *m, const int *s, int ns, const int *r, int nr,
                 profile_row *rows)
{
    int i = 0, j = 0, n = 0;
    while (i < ns || j < nr) {
        double cs = i < ns ? chainage(m, s[i]) : INFINITY;
        double cr = j < nr ? chainage(m, r[j]) : INFINITY;
        double c = cs < cr ? cs : cr;
        int gi = i, gj = j;
        while (gi < ns && fabs(chainage(m, s[gi]) - c) < 1e-6)
            gi++;
        while (gj < nr && fabs(chainage(m, r[gj]) - c) < 1e-6)
            gj++;
        int k = (gi - i) > (gj - j) ? gi - i : gj - j;
        for (int t = 0; t < k; t++)
            rows[n++] = (profile_row){
                c, gi > i ? s[i + (t < gi - i ? t : gi - i - 1)] : -1,
                gj > j ? r[j + (t < gj - j ? t : gj - j - 1)] : -1};
        i = gi;
        j = gj;
    }
    return n;
}

int run_profile(hl_model *m, profile_row **rows)
{
    *rows = NULL;
    int n = hl_model_count(m, HL_NODE);
    graph g = {n, 0, NULL, NULL, NULL, NULL, NULL};
    int *s = malloc(sizeof(int) * ((size_t)n + 1));
    int *r = malloc(sizeof(int) * ((size_t)n + 1));
    char *seen = calloc((size_t)n + 1, 1);
    int count = 0;
    if (s && r && seen && add_edges(m, &g) && build_adjacency(&g) &&
        hl_model_count(m, HL_SOURCE)) {
        hl_source_result src;
        hl_model_source_result(m, 0, &src);
        int ns = walk(m, &g, src.to, 1, s, seen);
        memset(seen, 0, (size_t)n + 1);
        int nr = walk(m, &g, src.from, -1, r, seen);
        *rows = malloc(sizeof **rows * ((size_t)(ns + nr) + 1));
        if (*rows)
            count = merge(m, s, ns, r, nr, *rows);
    }
    free(s);
    free(r);
    free(seen);
    free(g.e);
    free(g.hx_sec_in);
    free(g.hx_sec_out);
    free(g.start);
    free(g.adj);
    return count;
}
