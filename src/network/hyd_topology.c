/*
 * hyd_topology.c - the structure of the hydraulic system: groups of nodes
 * tied by rigid links, the unknown pressures, the sparsity pattern of the
 * Newton matrix with a value slot per link, the CHOLMOD analysis (AMD
 * ordering and symbolic factorisation, once per structure), the check that
 * every connected part has a pressure reference, and the parts a closed
 * valve cuts off.
 */
#include "network/hyd.h"
#include "network/hyd_order.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hyd_link_active(const hl_model *m, int k)
{
    return m->lk_open[k] && !m->lk_cv_shut[k];
}

double hyd_node_pressure(const struct net_hyd *h, int i)
{
    int u = h->unk[i];
    if (u < 0)
        return h->known[i];
    return h->unk_cut && h->unk_cut[u] ? NAN : h->p_unk[u] + h->off[i];
}

/* ---- union-find --------------------------------------------------------- */

static int uf_find(int *p, int i)
{
    while (p[i] != i) {
        p[i] = p[p[i]];
        i = p[i];
    }
    return i;
}

static void uf_join(int *p, int a, int b)
{
    a = uf_find(p, a);
    b = uf_find(p, b);
    if (a != b)
        p[a < b ? b : a] = a < b ? a : b;
}

/* "'A', 'B', 'C' and 7 more" for the nodes with mark[i] set. */
static void list_nodes(const hl_model *m, const int *root, int r, char *buf,
                       size_t cap)
{
    int n = 0;
    buf[0] = '\0';
    for (int i = 0; i < m->net->n_nodes; i++) {
        if (root[i] != r)
            continue;
        size_t len = strlen(buf);
        if (n < 5)
            snprintf(buf + len, cap - len, "%s'%s'", n ? ", " : "",
                     m->net->nd_id[i]);
        n++;
    }
    if (n > 5) {
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, " and %d more", n - 5);
    }
}

int net_check_references(hl_model *m)
{
    int n = m->net->n_nodes, *p = malloc(sizeof *p * (size_t)n);
    signed char *ref = calloc((size_t)n, 1);
    if (!p || !ref) {
        free(p);
        free(ref);
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    for (int i = 0; i < n; i++)
        p[i] = i;
    for (int k = 0; k < m->net->n_links; k++)
        if (m->net->lk_law[k] != LAW_FIXED)
            uf_join(p, m->net->lk_from[k], m->net->lk_to[k]);
    for (int i = 0; i < n; i++)
        p[i] = uf_find(p, i);
    for (int i = 0; i < n; i++)
        if (!isnan(m->net->nd_fixed_p[i]))
            ref[p[i]] = 1;
    for (int i = 0; i < n; i++) {
        if (ref[p[i]])
            continue;
        char names[400], pos[300];
        list_nodes(m, p, p[i], names, sizeof names);
        net_where(m, m->net->nd_where[i], pos, sizeof pos);
        net_fail(m, HL_ETOPOLOGY,
                 "%s: nodes %s have no pressure reference: connect them to "
                 "a source with a pressure, a node with pressure_bar_g, or "
                 "a reservoir",
                 pos, names);
        break;
    }
    free(p);
    free(ref);
    return m->err.code;
}

/* ---- groups of rigidly linked nodes ----------------------------------------
 */

static int rigid_active(const hl_model *m, int k)
{
    return hyd_law(m, k) == LAW_RIGID && hyd_link_active(m, k);
}

static int rigid_error(hl_model *m, int k, const char *what)
{
    char pos[300];
    net_where(m, m->net->lk_where[k], pos, sizeof pos);
    return net_fail(m, HL_ETOPOLOGY, "%s: link '%s': %s", pos, m->net->lk_id[k],
                    what);
}

/* Breadth-first from node s; returns the number of nodes added. */
static int group_bfs(hl_model *m, struct net_hyd *h, int s, int at)
{
    int head = at, tail = at;
    h->root[s] = s;
    h->off[s] = 0.0;
    h->tree_link[s] = -1;
    h->bfs[tail++] = s;
    while (head < tail) {
        int u = h->bfs[head++];
        for (int a = m->net->adj_start[u]; a < m->net->adj_start[u + 1]; a++) {
            int k = m->net->adj_link[a];
            if (!rigid_active(m, k) || k == h->tree_link[u])
                continue;
            int fwd = m->net->lk_from[k] == u;
            int v = fwd ? m->net->lk_to[k] : m->net->lk_from[k];
            if (h->root[v] >= 0) {
                rigid_error(m, k,
                            "links without pressure loss (fixed-rise "
                            "pumps, sources, ideal valves) form a "
                            "loop; give one of them a loss");
                return -1;
            }
            h->root[v] = s;
            h->off[v] =
                h->off[u] + (fwd ? m->net->lk_rise[k] : -m->net->lk_rise[k]);
            h->tree_link[v] = k;
            h->bfs[tail++] = v;
        }
    }
    return tail - at;
}

static int build_groups(hl_model *m, struct net_hyd *h)
{
    int n = m->net->n_nodes, at = 0;
    for (int i = 0; i < n; i++)
        h->root[i] = -1;
    for (int pass = 0; pass < 2; pass++) /* references first: they root */
        for (int i = 0; i < n; i++) {
            if (h->root[i] >= 0 || (pass == 0 && isnan(m->net->nd_fixed_p[i])))
                continue;
            int got = group_bfs(m, h, i, at);
            if (got < 0)
                return m->err.code;
            at += got;
        }
    return HL_OK;
}

/* The pressure each group's root holds, from the fixed pressures of this
 * run (an extended period moves tank levels without a new analysis). */
static int group_known(hl_model *m, struct net_hyd *h)
{
    int n = m->net->n_nodes;
    for (int i = 0; i < n; i++)
        h->known[i] = NAN;
    for (int i = 0; i < n; i++) { /* the root holds the group's P */
        double pf = net_node_fixed_p(m, i);
        if (isnan(pf))
            continue;
        int r = h->root[i];
        double p = pf - h->off[i];
        if (!isnan(h->known[r]) && fabs(h->known[r] - p) > 1.0)
            return net_fail(m, HL_ETOPOLOGY,
                            "nodes '%s' and '%s' both fix the pressure, but "
                            "the fixed pressure rise between them does not "
                            "match (%.0f Pa apart)",
                            m->net->nd_id[r], m->net->nd_id[i],
                            h->known[r] - p);
        h->known[r] = p;
    }
    return HL_OK;
}

/* Every member of a group with a known pressure: the root's plus its
 * offset. */
static void spread_known(hl_model *m, struct net_hyd *h)
{
    for (int i = 0; i < m->net->n_nodes; i++)
        if (h->unk[i] < 0)
            h->known[i] = h->known[h->root[i]] + h->off[i];
}

static int group_pressures(hl_model *m, struct net_hyd *h)
{
    int n = m->net->n_nodes;
    if (group_known(m, h))
        return m->err.code;
    h->n_unk = 0;
    for (int a = 0; a < n; a++) {
        int i = h->bfs[a], r = h->root[i];
        if (i == r)
            h->unk[i] = isnan(h->known[r]) ? h->n_unk++ : -1;
        else
            h->unk[i] = h->unk[r];
    }
    spread_known(m, h);
    return HL_OK;
}

/* Known pressures again after the fixed ones moved (same unknowns). */
static int refresh_known(hl_model *m, struct net_hyd *h)
{
    if (group_known(m, h))
        return m->err.code;
    spread_known(m, h);
    return HL_OK;
}

/* ---- sparsity pattern ---------------------------------------------------- */

/* Upper triangle entry (row < col) of matrix link k, or -1. */
static int link_entry(const hl_model *m, const struct net_hyd *h, int k,
                      int *col, int *row)
{
    if (hyd_law(m, k) != LAW_MATRIX)
        return 0;
    int u = h->unk[m->net->lk_from[k]], v = h->unk[m->net->lk_to[k]];
    if (u < 0 || v < 0 || u == v)
        return 0;
    *col = u > v ? u : v;
    *row = u < v ? u : v;
    return 1;
}

/* Rows of each column by counting sort, then sorted and unique per column
 * (columns hold a handful of entries): the CSC pattern of the upper
 * triangle with the diagonal last in each column. Each link's entry is
 * found once: its column and row wait in slot_ij and slot_jj (-1: none),
 * scratch here (hyd_reduce.c sets the slots of the core). */
static size_t fill_pattern(hl_model *m, struct net_hyd *h, int *ap, int *ai)
{
    int n = h->n_unk, *ecol = h->slot_ij, *erow = h->slot_jj;
    memset(ap, 0, sizeof *ap * ((size_t)n + 1));
    for (int k = 0; k < m->net->n_links; k++) {
        if (!link_entry(m, h, k, &ecol[k], &erow[k]))
            ecol[k] = -1;
        else
            ap[ecol[k] + 1]++;
    }
    for (int c = 0; c < n; c++)
        ap[c + 1] += ap[c] + 1; /* + the diagonal */
    int *next = h->diag;        /* scratch */
    for (int c = 0; c < n; c++)
        next[c] = ap[c];
    for (int k = 0; k < m->net->n_links; k++)
        if (ecol[k] >= 0)
            ai[next[ecol[k]]++] = erow[k];
    size_t w = 0;
    for (int c = 0; c < n; c++) {
        int a = ap[c], b = next[c];
        for (int x = a + 1; x < b; x++) /* insertion sort */
            for (int y = x; y > a && ai[y - 1] > ai[y]; y--) {
                int t = ai[y];
                ai[y] = ai[y - 1];
                ai[y - 1] = t;
            }
        ap[c] = (int)w;
        for (int x = a; x < b; x++)
            if (x == a || ai[x] != ai[x - 1])
                ai[w++] = ai[x];
        ai[w++] = c;
    }
    ap[n] = (int)w;
    return w;
}

/* The pattern of the whole system (h->a), for the order. */
static int build_pattern(hl_model *m, struct net_hyd *h)
{
    size_t cap = (size_t)h->n_unk + (size_t)m->net->n_links;
    h->a = cholmod_allocate_sparse((size_t)h->n_unk, (size_t)h->n_unk, cap, 1,
                                   1, 1, CHOLMOD_PATTERN, &h->cc);
    if (!h->a)
        return net_fail(m, HL_ENOMEM, "out of memory (sparse matrix)");
    fill_pattern(m, h, h->a->p, h->a->i);
    return HL_OK;
}

void hyd_free_matrix(struct net_hyd *h)
{
    if (!h->cc_started)
        return;
    cholmod_free_sparse(&h->a, &h->cc);
    hyd_ldl_free(&h->ldl);
    free(h->rhs);
    h->rhs = NULL;
}

/* Number the unknowns in the fill-reducing order itself (hyd_order.c:
 * trees and chains first, AMD on the rest), with each tree or chain
 * node's neighbours when it is eliminated, so that hyd_reduce.c
 * eliminates them in that order and the core's factorisation
 * (sparse_ldl.c) works on the assembled matrix in place (no permuted
 * copy, no allocation per factorisation). */
static int renumber(hl_model *m, struct net_hyd *h)
{
    int *perm = h->perm; /* new position k holds old unknown perm[k] */
    int *nb = malloc(sizeof(int) * (2 * (size_t)h->n_unk + 1));
    if (!nb ||
        hyd_order(h->n_unk, h->a->p, h->a->i, perm, nb, &h->n_elim, &h->cc)) {
        free(nb);
        return net_fail(m, HL_ENOMEM, "out of memory (sparse ordering)");
    }
    int *inv = h->comp; /* scratch, n_unk entries */
    for (int k = 0; k < h->n_unk; k++)
        inv[perm[k]] = k;
    for (int i = 0; i < m->net->n_nodes; i++)
        if (h->unk[i] >= 0)
            h->unk[i] = inv[h->unk[i]];
    for (int k = 0; k < h->n_elim; k++) /* neighbours in the new numbers */
        for (int j = 0; j < 2; j++) {
            int t = nb[2 * perm[k] + j];
            h->enb[2 * k + j] = t >= 0 ? inv[t] : -1;
        }
    free(nb);
    cholmod_free_sparse(&h->a, &h->cc);
    return HL_OK;
}

static int analyse(hl_model *m, struct net_hyd *h)
{
    if (h->n_unk == 0)
        return HL_OK;
    h->cc.nmethods = 1;
    if (build_pattern(m, h) || renumber(m, h) || hyd_reduce_build(m, h))
        return m->err.code;
    h->rhs = calloc((size_t)h->n_unk, sizeof(double));
    if (!h->rhs)
        return net_fail(m, HL_ENOMEM, "out of memory (sparse analysis)");
    return HL_OK;
}

static int rigid_unchanged(const hl_model *m, const struct net_hyd *h)
{
    if (!h->built || h->pressure_driven != m->pressure_driven)
        return 0;
    for (int k = 0; k < m->net->n_links; k++)
        if (hyd_law(m, k) == LAW_RIGID &&
            h->rigid_state[k] != (signed char)rigid_active(m, k))
            return 0;
    return 1;
}

int hyd_topology(hl_model *m, struct net_hyd *h)
{
    if (rigid_unchanged(m, h))
        return refresh_known(m, h);
    hyd_free_matrix(h);
    h->built = 0;
    if (!h->cc_started) {
        cholmod_start(&h->cc); /* for its AMD ordering */
        h->cc.print = 0;
        h->cc.error_handler = NULL;
        h->cc_started = 1;
    }
    for (int k = 0; k < m->net->n_links; k++) {
        h->rigid_state[k] = (signed char)rigid_active(m, k);
        if (m->net->lk_kind[k] == LK_CONSUMER) /* a pressure-driven run's
                                                  check state goes */
            m->lk_cv_shut[k] = 0;
    }
    h->pressure_driven = m->pressure_driven;
    if (build_groups(m, h) || group_pressures(m, h) || analyse(m, h))
        return m->err.code;
    h->built = 1;
    h->builds++;
    return HL_OK;
}

/* ---- parts cut off by closed links ------------------------------------- */

static void cut_error(hl_model *m, struct net_hyd *h, int root_unk)
{
    char names[400];
    int n = 0;
    names[0] = '\0';
    for (int i = 0; i < m->net->n_nodes; i++) {
        int u = h->unk[i];
        if (u < 0 || uf_find(h->comp, u) != root_unk)
            continue;
        size_t len = strlen(names);
        if (n < 5)
            snprintf(names + len, sizeof names - len, "%s'%s'", n ? ", " : "",
                     m->net->nd_id[i]);
        n++;
    }
    if (n > 5) {
        size_t len = strlen(names);
        snprintf(names + len, sizeof names - len, " and %d more", n - 5);
    }
    net_fail(m, HL_ETOPOLOGY,
             "nodes %s are cut off from every pressure reference (closed "
             "valves or pumps) but must carry flow",
             names);
}

/* The parts found last still hold: same structure, same links active,
 * and none was cut off (else the demands decide whether that is an
 * error, and they change). Records the states for the next call. */
static int parts_unchanged(const hl_model *m, struct net_hyd *h)
{
    int same = h->comp_builds == h->builds;
    for (int k = 0; k < m->net->n_links; k++) {
        signed char a =
            (signed char)(hyd_law(m, k) == LAW_MATRIX && hyd_link_active(m, k));
        same = same && a == h->comp_active[k];
        h->comp_active[k] = a;
    }
    h->comp_builds = h->builds;
    return same;
}

int hyd_components(hl_model *m, struct net_hyd *h)
{
    if (parts_unchanged(m, h))
        return HL_OK;
    int nu = h->n_unk;
    for (int u = 0; u < nu; u++) {
        h->comp[u] = u;
        h->comp_ref[u] = 0;
        h->unk_cut[u] = 0;
    }
    for (int k = 0; k < m->net->n_links; k++) {
        if (hyd_law(m, k) != LAW_MATRIX || !hyd_link_active(m, k))
            continue;
        int u = h->unk[m->net->lk_from[k]], v = h->unk[m->net->lk_to[k]];
        if (u >= 0 && v >= 0)
            uf_join(h->comp, u, v);
    }
    for (int k = 0; k < m->net->n_links; k++) {
        if (hyd_law(m, k) != LAW_MATRIX || !hyd_link_active(m, k))
            continue;
        int u = h->unk[m->net->lk_from[k]], v = h->unk[m->net->lk_to[k]];
        if ((u >= 0) != (v >= 0))
            h->comp_ref[uf_find(h->comp, u >= 0 ? u : v)] = 1;
    }
    double *need = h->p_unk_prev; /* scratch: |demand| per component */
    for (int u = 0; u < nu; u++)
        need[u] = 0.0;
    for (int i = 0; i < m->net->n_nodes; i++)
        if (h->unk[i] >= 0)
            need[uf_find(h->comp, h->unk[i])] += fabs(h->dem[i]);
    for (int u = 0; u < nu; u++) {
        int r = uf_find(h->comp, u);
        if (h->comp_ref[r])
            continue;
        if (need[r] > 0.0) {
            cut_error(m, h, r);
            h->comp_builds = -1;
            return HL_ETOPOLOGY;
        }
        h->unk_cut[u] = 1;
        h->comp_builds = -1; /* a cut part: check its demand every time */
    }
    return HL_OK;
}
