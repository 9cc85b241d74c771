/*
 * profile.c - the profile along the main path of a line: the data of the
 * classic hydraulic pressure diagram (chainage, elevation, pressure and
 * piezometric head of supply and return, static head, pressure limits,
 * stations) and of the temperature plot along the line.
 *
 * The main path runs from the first source's outlet downstream along the
 * largest flow (through a heat exchanger to its secondary side), and from
 * the source's inlet upstream along the largest inflow; nodes with a
 * chainage are kept and the two walks are paired group by group of equal
 * chainage (at a station the upstream and downstream nodes both appear,
 * so the pump jumps show). Computed on demand after a solve and kept in
 * the handle until the next solve.
 */
#include "network/net.h"
#include "physics/water.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct net_profile {
    int valid; /* for the solve it was built from */
    hl_profile_point *pt;
    hl_profile_station *st;
    int *walk_s, *walk_r, *island, *island_ref;
    char *seen;
    int n_pt, n_st;
};

void net_profile_free(struct net_profile *p)
{
    if (!p)
        return;
    free(p->pt);
    free(p->st);
    free(p->walk_s);
    free(p->walk_r);
    free(p->island);
    free(p->island_ref);
    free(p->seen);
    free(p);
}

void net_profile_invalidate(hl_model *m)
{
    if (m->profile)
        m->profile->valid = 0;
}

static int profile_alloc(hl_model *m)
{
    struct net_profile *p = calloc(1, sizeof *p);
    size_t n = (size_t)m->net->n_nodes + 1, nl = (size_t)m->net->n_links + 1;
    if (!p)
        return net_fail(m, HL_ENOMEM, "out of memory");
    m->profile = p;
    p->pt = malloc(sizeof *p->pt * 2 * n);
    p->st = malloc(sizeof *p->st * nl);
    p->walk_s = malloc(sizeof(int) * n);
    p->walk_r = malloc(sizeof(int) * n);
    p->island = malloc(sizeof(int) * n);
    p->island_ref = malloc(sizeof(int) * n);
    p->seen = malloc(n);
    if (!p->pt || !p->st || !p->walk_s || !p->walk_r || !p->island ||
        !p->island_ref || !p->seen) {
        net_profile_free(p);
        m->profile = NULL;
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    return HL_OK;
}

/* ---- the walk -------------------------------------------------------------
 */

static int on_path_kind(int kind)
{
    return kind == LK_PIPE || kind == LK_PUMP || kind == LK_VALVE ||
           kind == LK_HX_PRIMARY;
}

/* Link along the largest flow leaving (dir 1) or entering (dir -1) v; -1
 * at the end. */
static int step_link(const hl_model *m, int v, int dir)
{
    int best = -1;
    double bm = 1e-9;
    for (int a = m->net->adj_start[v]; a < m->net->adj_start[v + 1]; a++) {
        int k = m->net->adj_link[a];
        double q = m->lk_m[k];
        if (!on_path_kind(m->net->lk_kind[k]) || !m->lk_open[k])
            continue;
        int up = q >= 0 ? m->net->lk_from[k] : m->net->lk_to[k];
        int dn = q >= 0 ? m->net->lk_to[k] : m->net->lk_from[k];
        if ((dir > 0 ? up : dn) != v || fabs(q) <= bm)
            continue;
        bm = fabs(q);
        best = k;
    }
    return best;
}

/* Node reached over link k from v; the line continues on the other side
 * of a heat exchanger. */
static int step_node(const hl_model *m, int k, int dir)
{
    if (m->net->lk_kind[k] == LK_HX_PRIMARY) {
        int ks = m->net->hx_sec[m->net->lk_sub[k]];
        return dir > 0 ? m->net->lk_to[ks] : m->net->lk_from[ks];
    }
    int q_fwd = m->lk_m[k] >= 0;
    return dir > 0 ? (q_fwd ? m->net->lk_to[k] : m->net->lk_from[k])
                   : (q_fwd ? m->net->lk_from[k] : m->net->lk_to[k]);
}

/* Nodes with a chainage along the walk from start, into out. */
static int walk(const hl_model *m, char *seen, int start, int dir, int *out)
{
    int n = 0;
    memset(seen, 0, (size_t)m->net->n_nodes + 1);
    for (int v = start; v >= 0 && !seen[v];) {
        seen[v] = 1;
        if (!isnan(m->net->nd_chainage[v]))
            out[n++] = v;
        int k = step_link(m, v, dir);
        v = k < 0 ? -1 : step_node(m, k, dir);
    }
    return n;
}

/* ---- hydraulic islands and their pressure references ----------------------
 */

static int root(int *parent, int v)
{
    while (parent[v] != v)
        v = parent[v] = parent[parent[v]];
    return v;
}

/* island[v]: the root of v's hydraulically connected part; island_ref of
 * a root: its pressure reference node (-1 if none). */
static void islands(const hl_model *m, struct net_profile *p)
{
    for (int v = 0; v < m->net->n_nodes; v++)
        p->island[v] = v;
    for (int k = 0; k < m->net->n_links; k++) {
        int a = root(p->island, m->net->lk_from[k]),
            b = root(p->island, m->net->lk_to[k]);
        if (a != b)
            p->island[a] = b;
    }
    for (int v = 0; v < m->net->n_nodes; v++)
        p->island_ref[v] = -1;
    for (int v = 0; v < m->net->n_nodes; v++) {
        int r = root(p->island, v);
        if (!isnan(m->net->nd_fixed_p[v]) && p->island_ref[r] < 0)
            p->island_ref[r] = v;
    }
}

/* ---- one row ----------------------------------------------------------------
 */

static double node_rho(const hl_model *m, int v)
{
    return fluid_rho(&m->net->fluid, fluid_clamp_t(m->nd_t[v]),
                     m->nd_p[v] + m->net->p_atm);
}

static double node_head(const hl_model *m, int v)
{
    return m->net->nd_z[v] + m->nd_p[v] / (node_rho(m, v) * m->net->g);
}

/* Lowest pressure class of the open pipes at v; NaN if none states one. */
static double node_pn(const hl_model *m, int v)
{
    double pn = NAN;
    for (int a = m->net->adj_start[v]; a < m->net->adj_start[v + 1]; a++) {
        int k = m->net->adj_link[a];
        if (m->net->lk_kind[k] != LK_PIPE || !m->lk_open[k])
            continue;
        double x = m->net->pp_pn[m->net->lk_sub[k]];
        if (!isnan(x) && (isnan(pn) || x < pn))
            pn = x;
    }
    return pn;
}

/* Lowest allowed gauge pressure at v: the model's minimum, or boiling at
 * the water temperature plus the saturation margin if that is higher. */
static double node_min_pressure(const hl_model *m, int v)
{
    double ps = water_psat(fluid_clamp_t(m->nd_t[v]));
    double boil = ps - m->net->p_atm + m->limits.saturation_margin_pa;
    return fmax(m->limits.min_pressure_pa, boil);
}

static void side_values(const hl_model *m, int v, double *p, double *h,
                        double *t)
{
    *p = *h = *t = NAN;
    if (v < 0)
        return;
    *p = m->nd_p[v];
    *h = node_head(m, v);
    *t = m->nd_t[v];
}

static void fill_row(const hl_model *m, const struct net_profile *p,
                     hl_profile_point *r)
{
    int s = r->supply_node, v = s >= 0 ? s : r->return_node;
    double z = m->net->nd_z[v], rg = node_rho(m, v) * m->net->g;
    r->elevation_m = z;
    side_values(m, s, &r->pressure_supply_pa, &r->head_supply_m,
                &r->temp_supply_k);
    side_values(m, r->return_node, &r->pressure_return_pa, &r->head_return_m,
                &r->temp_return_k);
    int ref = p->island_ref[root(p->island, v)];
    r->static_head_m = ref >= 0 ? node_head(m, ref) : NAN;
    double pn = node_pn(m, r->supply_node >= 0 ? r->supply_node : v);
    if (r->return_node >= 0) {
        double pr = node_pn(m, r->return_node);
        if (!isnan(pr) && (isnan(pn) || pr < pn))
            pn = pr;
    }
    r->max_head_m = z + pn / rg;
    r->min_head_m = z + node_min_pressure(m, v) / rg;
}

/* Pair the two walks group by group of equal chainage. */
static int merge(const hl_model *m, const int *s, int ns, const int *r, int nr,
                 hl_profile_point *rows)
{
    const double *ch = m->net->nd_chainage;
    int i = 0, j = 0, n = 0;
    while (i < ns || j < nr) {
        double cs = i < ns ? ch[s[i]] : INFINITY;
        double cr = j < nr ? ch[r[j]] : INFINITY;
        double c = cs < cr ? cs : cr;
        int gi = i, gj = j;
        while (gi < ns && fabs(ch[s[gi]] - c) < 1e-6)
            gi++;
        while (gj < nr && fabs(ch[r[gj]] - c) < 1e-6)
            gj++;
        int k = (gi - i) > (gj - j) ? gi - i : gj - j;
        for (int t = 0; t < k; t++) {
            hl_profile_point *row = &rows[n++];
            memset(row, 0, sizeof *row);
            row->chainage_m = c;
            row->supply_node =
                gi > i ? s[i + (t < gi - i ? t : gi - i - 1)] : -1;
            row->return_node =
                gj > j ? r[j + (t < gj - j ? t : gj - j - 1)] : -1;
        }
        i = gi;
        j = gj;
    }
    return n;
}

/* ---- stations
 * -----------------------------------------------------------------
 */

static void add_station(struct net_profile *p, const char *name, double ch)
{
    if (!name || !name[0] || isnan(ch))
        return;
    for (int i = 0; i < p->n_st; i++)
        if (strcmp(p->st[i].name, name) == 0)
            return;
    p->st[p->n_st].name = name;
    p->st[p->n_st++].chainage_m = ch;
}

static int by_chainage(const void *a, const void *b)
{
    const hl_profile_station *x = a, *y = b;
    return (x->chainage_m > y->chainage_m) - (x->chainage_m < y->chainage_m);
}

/* Named stations of sources, pumps, valves and heat exchangers, at the
 * chainage of their outlet node, in chainage order. */
static void stations(const hl_model *m, struct net_profile *p)
{
    p->n_st = 0;
    for (int k = 0; k < m->net->n_links; k++) {
        int i = m->net->lk_sub[k];
        const char *name =
            m->net->lk_kind[k] == LK_SOURCE       ? m->net->so_station[i]
            : m->net->lk_kind[k] == LK_PUMP       ? m->net->pu_station[i]
            : m->net->lk_kind[k] == LK_VALVE      ? m->net->va_station[i]
            : m->net->lk_kind[k] == LK_HX_PRIMARY ? m->net->hx_station[i]
                                                  : NULL;
        add_station(p, name, m->net->nd_chainage[m->net->lk_to[k]]);
    }
    qsort(p->st, (size_t)p->n_st, sizeof *p->st, by_chainage);
}

static void build(hl_model *m, struct net_profile *p)
{
    p->n_pt = 0;
    stations(m, p);
    if (m->net->n_sources == 0)
        return;
    int k = m->net->so_link[0];
    int ns = walk(m, p->seen, m->net->lk_to[k], 1, p->walk_s);
    int nr = walk(m, p->seen, m->net->lk_from[k], -1, p->walk_r);
    p->n_pt = merge(m, p->walk_s, ns, p->walk_r, nr, p->pt);
    islands(m, p);
    for (int i = 0; i < p->n_pt; i++)
        fill_row(m, p, &p->pt[i]);
}

int hl_model_profile(hl_model *m, hl_profile *out)
{
    if (!m || m->failed || !m->solved)
        return HL_ESTATE;
    if (!m->profile && profile_alloc(m))
        return m->err.code;
    struct net_profile *p = m->profile;
    if (!p->valid) {
        build(m, p);
        p->valid = 1;
    }
    out->n_points = p->n_pt;
    out->point = p->pt;
    out->n_stations = p->n_st;
    out->station = p->st;
    return HL_OK;
}
