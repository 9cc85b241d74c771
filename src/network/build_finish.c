/*
 * build_finish.c - the last step of loading: resolve every reference by
 * id (nodes of links, pipe pairs, chambers and nodes of fittings), move
 * the sources' fixed pressures onto their nodes, build the CSR adjacency,
 * and check the graph: every node on a link, every hydraulically connected
 * part with a pressure reference. Errors name file:line and the ids.
 */
#include "network/net.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_name(int kind)
{
    static const char *names[] = {"pipe",          "pump",   "valve",
                                  "consumer",      "source", "heat exchanger",
                                  "heat exchanger"};
    return names[kind];
}

/* Up to three ids close to a misspelt one, for the message. */
static void suggest(const hl_model *m, const char *bad_id, char *buf,
                    size_t cap)
{
    int best[3] = {-1, -1, -1}, dist[3] = {99, 99, 99};
    for (int i = 0; i < m->def->n_nodes; i++) {
        int d = edit_distance(bad_id, m->def->nd_id[i]);
        for (int j = 0; j < 3; j++)
            if (d < dist[j]) {
                for (int k = 2; k > j; k--) {
                    dist[k] = dist[k - 1];
                    best[k] = best[k - 1];
                }
                dist[j] = d;
                best[j] = i;
                break;
            }
    }
    buf[0] = '\0';
    for (int j = 0; j < 3 && best[j] >= 0 && dist[j] <= 3; j++) {
        size_t n = strlen(buf);
        snprintf(buf + n, cap - n, "%s'%s'", j ? ", " : " (did you mean ",
                 m->def->nd_id[best[j]]);
    }
    if (buf[0]) {
        size_t n = strlen(buf);
        snprintf(buf + n, cap - n, "?)");
    }
}

static int resolve_node(hl_model *m, int k, const char *ref, const char *end,
                        int *out)
{
    char pos[300], hint[200]; /* written only for a message */
    if (!ref || !*ref) {
        net_where(m, m->def->lk_where[k], pos, sizeof pos);
        return net_fail(m, HL_EPARSE, "%s: %s '%s': no %s node", pos,
                        kind_name(m->def->lk_kind[k]), m->def->lk_id[k], end);
    }
    *out = index_get(&m->def->node_ix, ref);
    if (*out >= 0)
        return HL_OK;
    suggest(m, ref, hint, sizeof hint);
    net_where(m, m->def->lk_where[k], pos, sizeof pos);
    return net_fail(m, HL_ENOTFOUND, "%s: %s '%s': unknown %s node '%s'%s", pos,
                    kind_name(m->def->lk_kind[k]), m->def->lk_id[k], end, ref,
                    hint);
}

static int resolve_links(hl_model *m)
{
    for (int k = 0; k < m->def->n_links; k++) {
        int kind = m->def->lk_kind[k];
        const char *a = kind == LK_SOURCE     ? "inlet"
                        : kind == LK_CONSUMER ? "supply"
                                              : "from";
        const char *b = kind == LK_SOURCE     ? "outlet"
                        : kind == LK_CONSUMER ? "return"
                                              : "to";
        if (resolve_node(m, k, m->def->lk_from_id[k], a, &m->def->lk_from[k]) ||
            resolve_node(m, k, m->def->lk_to_id[k], b, &m->def->lk_to[k]))
            return m->err.code;
        if (m->def->lk_from[k] == m->def->lk_to[k]) {
            char pos[300];
            net_where(m, m->def->lk_where[k], pos, sizeof pos);
            return net_fail(m, HL_ETOPOLOGY,
                            "%s: %s '%s' connects node '%s' to itself", pos,
                            kind_name(kind), m->def->lk_id[k],
                            m->def->nd_id[m->def->lk_from[k]]);
        }
    }
    return HL_OK;
}

static int pair_error(hl_model *m, int i, const char *what)
{
    char pos[300];
    int k = m->def->pp_link[i];
    net_where(m, m->def->lk_where[k], pos, sizeof pos);
    return net_fail(m, HL_EPARSE, "%s: pipe '%s': pair '%s': %s", pos,
                    m->def->lk_id[k], m->def->pp_pair_id[i], what);
}

/* Do the two pipes of a pair start at the same end of the trench? By the
 * chainages of their end nodes when all four have one; otherwise the pair
 * is taken to run in opposite directions (supply out, return back). */
static int pair_same(const hl_model *m, int i, int j)
{
    int ki = m->def->pp_link[i], kj = m->def->pp_link[j];
    double a = m->def->nd_chainage[m->def->lk_from[ki]],
           b = m->def->nd_chainage[m->def->lk_to[ki]];
    double c = m->def->nd_chainage[m->def->lk_from[kj]],
           d = m->def->nd_chainage[m->def->lk_to[kj]];
    if (isnan(a) || isnan(b) || isnan(c) || isnan(d))
        return 0;
    return fabs(a - c) + fabs(b - d) < fabs(a - d) + fabs(b - c);
}

/* A paired pipe without a role takes it from its from-node's side. */
static int resolve_role(hl_model *m, int i)
{
    if (m->def->pp_role[i] >= 0)
        return HL_OK;
    int side = m->def->nd_side[m->def->lk_from[m->def->pp_link[i]]];
    if (side == HL_SIDE_SUPPLY || side == HL_SIDE_RETURN) {
        m->def->pp_role[i] = (signed char)(side == HL_SIDE_RETURN);
        return HL_OK;
    }
    return pair_error(m, i,
                      "set role: supply or role: return (or the side "
                      "of its from-node)");
}

static int resolve_pairs(hl_model *m)
{
    for (int i = 0; i < m->def->n_pipes; i++) {
        if (!m->def->pp_pair_id[i][0])
            continue;
        int k = index_get(&m->def->link_ix, m->def->pp_pair_id[i]);
        if (k < 0 || m->def->lk_kind[k] != LK_PIPE)
            return pair_error(m, i, "no pipe with that id");
        int j = m->def->lk_sub[k];
        if (j == i)
            return pair_error(m, i, "a pipe cannot pair with itself");
        if (m->def->pp_pair[j] >= 0 && m->def->pp_pair[j] != i)
            return pair_error(m, i, "that pipe already pairs with another");
        if (m->def->pp_ht[i] != HT_BUILDUP || m->def->pp_ht[j] != HT_BUILDUP ||
            m->def->pp_ttype[i] != m->def->pp_ttype[j])
            return pair_error(m, i,
                              "both pipes need the same pipe type "
                              "with a pair or twin laying");
        if (resolve_role(m, i) || resolve_role(m, j))
            return m->err.code;
        if (m->def->pp_role[i] == m->def->pp_role[j])
            return pair_error(m, i,
                              "one pipe must be the supply and the "
                              "other the return of the laying");
        if (fabs(m->def->pp_len[i] - m->def->pp_len[j]) >
            1e-6 * m->def->pp_len[i])
            return pair_error(m, i, "paired pipes must have equal lengths");
        m->def->pp_pair[i] = j;
        m->def->pp_pair[j] = i;
        m->def->pp_pair_same[i] = m->def->pp_pair_same[j] =
            (signed char)pair_same(m, i, j);
    }
    for (int i = 0; i < m->def->n_pipes; i++)
        if (m->def->pp_role[i] < 0) /* unpaired: the first pipe of its laying */
            m->def->pp_role[i] = 0;
    return HL_OK;
}

static int fix_node_pressure(hl_model *m, int node, double p, int src)
{
    if (isnan(p))
        return HL_OK;
    double old = m->def->nd_fixed_p[node];
    if (!isnan(old) && fabs(old - p) > 1e-6 * fabs(p) + 1e-3) {
        char pos[300];
        net_where(m, m->def->lk_where[m->def->so_link[src]], pos, sizeof pos);
        return net_fail(m, HL_ETOPOLOGY,
                        "%s: source '%s' fixes node '%s' at %g Pa, but the "
                        "node already has %g Pa",
                        pos, m->def->lk_id[m->def->so_link[src]],
                        m->def->nd_id[node], p, old);
    }
    m->def->nd_fixed_p[node] = p;
    return HL_OK;
}

static int resolve_controls(hl_model *m)
{
    for (int i = 0; i < m->def->n_pumps; i++) {
        if (!m->def->pu_ctrl_id[i][0])
            continue;
        m->def->pu_ctrl_node[i] =
            index_get(&m->def->node_ix, m->def->pu_ctrl_id[i]);
        if (m->def->pu_ctrl_node[i] >= 0)
            continue;
        char pos[300];
        net_where(m, m->def->lk_where[m->def->pu_link[i]], pos, sizeof pos);
        return net_fail(
            m, HL_ENOTFOUND, "%s: pump '%s': unknown control node '%s'", pos,
            m->def->lk_id[m->def->pu_link[i]], m->def->pu_ctrl_id[i]);
    }
    return HL_OK;
}

static int source_pressures(hl_model *m)
{
    for (int i = 0; i < m->def->n_sources; i++) {
        int k = m->def->so_link[i];
        if (fix_node_pressure(m, m->def->lk_to[k], m->def->so_pout[i], i) ||
            fix_node_pressure(m, m->def->lk_from[k], m->def->so_pin[i], i))
            return m->err.code;
    }
    return HL_OK;
}

static int resolve_fittings(hl_model *m)
{
    for (int i = 0; i < m->def->n_fittings; i++) {
        char pos[300];
        net_where(m, m->def->fi_where[i], pos, sizeof pos);
        m->def->fi_chamber[i] =
            index_get(&m->def->chamber_ix, m->def->fi_chamber_id[i]);
        if (m->def->fi_chamber[i] < 0)
            return net_fail(m, HL_ENOTFOUND,
                            "%s: fitting '%s': unknown chamber '%s'", pos,
                            m->def->fi_id[i], m->def->fi_chamber_id[i]);
        m->def->fi_node[i] = index_get(&m->def->node_ix, m->def->fi_node_id[i]);
        if (m->def->fi_node[i] < 0)
            return net_fail(m, HL_ENOTFOUND,
                            "%s: fitting '%s': unknown node '%s'", pos,
                            m->def->fi_id[i], m->def->fi_node_id[i]);
    }
    return HL_OK;
}

static int build_adjacency(hl_model *m)
{
    int n = m->def->n_nodes;
    m->def->adj_start = calloc((size_t)n + 1, sizeof *m->def->adj_start);
    m->def->adj_link =
        malloc(sizeof *m->def->adj_link * (size_t)(2 * m->def->n_links + 1));
    if (!m->def->adj_start || !m->def->adj_link)
        return net_fail(m, HL_ENOMEM, "out of memory");
    for (int k = 0; k < m->def->n_links; k++) {
        m->def->adj_start[m->def->lk_from[k] + 1]++;
        m->def->adj_start[m->def->lk_to[k] + 1]++;
    }
    for (int i = 0; i < n; i++)
        m->def->adj_start[i + 1] += m->def->adj_start[i];
    int *fill = malloc(sizeof *fill * (size_t)(n + 1));
    if (!fill)
        return net_fail(m, HL_ENOMEM, "out of memory");
    memcpy(fill, m->def->adj_start, sizeof *fill * (size_t)n);
    for (int k = 0; k < m->def->n_links; k++) {
        m->def->adj_link[fill[m->def->lk_from[k]]++] = k;
        m->def->adj_link[fill[m->def->lk_to[k]]++] = k;
    }
    free(fill);
    return HL_OK;
}

static int index_fittings(hl_model *m)
{
    int n = m->def->n_nodes;
    m->def->nd_fit_start = calloc((size_t)n + 1, sizeof *m->def->nd_fit_start);
    m->def->fit_by_node =
        malloc(sizeof *m->def->fit_by_node * ((size_t)m->def->n_fittings + 1));
    if (!m->def->nd_fit_start || !m->def->fit_by_node)
        return net_fail(m, HL_ENOMEM, "out of memory");
    for (int i = 0; i < m->def->n_fittings; i++)
        m->def->nd_fit_start[m->def->fi_node[i] + 1]++;
    for (int v = 0; v < n; v++)
        m->def->nd_fit_start[v + 1] += m->def->nd_fit_start[v];
    int *fill = malloc(sizeof *fill * ((size_t)n + 1));
    if (!fill)
        return net_fail(m, HL_ENOMEM, "out of memory");
    memcpy(fill, m->def->nd_fit_start, sizeof *fill * (size_t)n);
    for (int i = 0; i < m->def->n_fittings; i++)
        m->def->fit_by_node[fill[m->def->fi_node[i]]++] = i;
    free(fill);
    return HL_OK;
}

static int check_lonely_nodes(hl_model *m)
{
    for (int i = 0; i < m->def->n_nodes; i++) {
        if (m->def->adj_start[i + 1] > m->def->adj_start[i])
            continue;
        char pos[300];
        net_where(m, m->def->nd_where[i], pos, sizeof pos);
        return net_fail(m, HL_ETOPOLOGY,
                        "%s: node '%s' is not connected to any pipe, pump, "
                        "valve or other link",
                        pos, m->def->nd_id[i]);
    }
    return HL_OK;
}

int net_finish(hl_model *m)
{
    if (m->err.code)
        return m->err.code;
    if (m->def->n_nodes == 0)
        return net_fail(m, HL_EPARSE, "%s: the model has no nodes",
                        m->def->n_origin ? m->def->origin[0] : "model");
    if (resolve_links(m) || resolve_pairs(m) || resolve_controls(m) ||
        source_pressures(m) || resolve_fittings(m) || fittings_prepare(m) ||
        index_fittings(m) || build_adjacency(m) || chambers_prepare(m) ||
        check_lonely_nodes(m) || net_check_references(m))
        return m->err.code;
    free((void *)m->def->lk_from_id);
    free((void *)m->def->lk_to_id);
    m->def->lk_from_id = m->def->lk_to_id = NULL;
    m->finished = 1;
    return HL_OK;
}
