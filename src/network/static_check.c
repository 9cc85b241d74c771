/*
 * static_check.c - the line with every pump stopped. Each part of the
 * network that open links hold together comes to rest at the head of its
 * pressure reference (the pressurisation point keeps its pressure while
 * the pumps stand); a node's static pressure is then hydrostatic from the
 * reference, p_v = p_ref + rho_m g (z_ref - z_v), with rho_m the mean of
 * the densities at the reference and at the node (a trapezoid over the
 * column; docs/physics.md "Static pressure"). Every node is checked at
 * its solved temperature: below the IF97 saturation pressure the standing
 * water boils (a violation), below it plus the static margin a warning;
 * above the lowest PN of its pipes a violation. Each pressurisation point
 * reports its least margin and the raise that would give every node of
 * its part the margin.
 * A water network imported from EPANET (net_def.pumps_isolate) rests
 * otherwise: a stopped pump closes (EPANET's pumps never pass water
 * backwards), so each zone between pumps stands at the water levels of
 * its own tanks and reservoirs; where a zone has several at different
 * heads, the water runs from the higher to the lower until they meet, so
 * every head it can rest at lies between them: boiling and negative
 * pressure are checked from the lowest, PN from the highest; each tank
 * and reservoir itself stands at its own level.
 */
#include "network/verdict.h"
#include "physics/water.h"

#include <math.h>
#include <stdlib.h>

#define BAR      1e5
#define LIST_MAX 10
#define C(t)     ((t)-HL_ZERO_C_K)

static int find(int *parent, int v)
{
    while (parent[v] != v)
        v = parent[v] = parent[parent[v]];
    return v;
}

static double node_rho(const hl_model *m, int v)
{
    double p = isnan(m->nd_p[v]) ? 0.0 : m->nd_p[v];
    return fluid_rho(&m->net->fluid, fluid_clamp_t(m->nd_t[v]),
                     p + m->net->p_atm);
}

/* The head a pressure reference holds, m. */
static double ref_head(const hl_model *m, int v)
{
    return m->net->nd_z[v] +
           net_node_fixed_p(m, v) / (node_rho(m, v) * m->net->g);
}

/* Does link k hold its part together with the pumps stopped? */
static int joins(const hl_model *m, int k)
{
    return m->lk_open[k] &&
           !(m->net->pumps_isolate && m->net->lk_kind[k] == LK_PUMP);
}

/* part[v]: root of v's part over the links that join it; ref_of[root]:
 * its pressure reference (-1 none): the first, or for a water network
 * the lowest head; hi_of[root]: the highest (the same reference for a
 * heating network). All sized n_nodes. */
static void parts(const hl_model *m, int *part, int *ref_of, int *hi_of)
{
    const net_def *d = m->net;
    for (int v = 0; v < d->n_nodes; v++) {
        part[v] = v;
        ref_of[v] = hi_of[v] = -1;
    }
    for (int k = 0; k < d->n_links; k++) {
        if (!joins(m, k))
            continue;
        int a = find(part, d->lk_from[k]), b = find(part, d->lk_to[k]);
        if (a != b)
            part[a] = b;
    }
    for (int v = 0; v < d->n_nodes; v++) {
        int r = find(part, v);
        if (isnan(net_node_fixed_p(m, v)))
            continue;
        int first = ref_of[r] < 0, water = d->pumps_isolate;
        if (first || (water && ref_head(m, v) < ref_head(m, ref_of[r])))
            ref_of[r] = v;
        if (first || (water && ref_head(m, v) > ref_head(m, hi_of[r])))
            hi_of[r] = v;
    }
}

/* Static gauge pressure at v, whose water has density rho_v, from the
 * reference ref (a trapezoid of the densities over the column). */
static double static_p(const hl_model *m, int ref, int v, double rho_v)
{
    double rho = 0.5 * (node_rho(m, ref) + rho_v);
    return net_node_fixed_p(m, ref) +
           rho * m->net->g * (m->net->nd_z[ref] - m->net->nd_z[v]);
}

/* Lowest PN of the open pipes at v; NaN if none states one. */
static double node_pn(const hl_model *m, int v)
{
    double pn = NAN;
    for (int a = m->net->adj_start[v]; a < m->net->adj_start[v + 1]; a++) {
        int k = m->net->adj_link[a];
        if (m->net->lk_kind[k] != LK_PIPE || !m->lk_open[k])
            continue;
        double x = m->net->pp_pn[m->net->lk_sub[k]];
        if (!isnan(x) && !(x >= pn))
            pn = x;
    }
    return pn;
}

typedef struct static_tally {
    int low, boil, pn;
} static_tally;

/* p_hi: the static pressure from the part's highest head (PN). */
static void check_node(hl_model *m, int v, double p_hi, static_tally *t)
{
    struct net_verdict *vd = m->verdict;
    double p = vd->p_static[v], p_abs = p + m->net->p_atm;
    double ps = water_psat(fluid_clamp_t(m->nd_t[v]));
    const char *id = m->net->nd_id[v];
    vd->margin[v] = p_abs - ps;
    if (p_abs < ps) {
        verdict_add(m, HL_VIOL_STATIC_BOILING, HL_NODE, v, p_abs, ps);
        if (++t->boil <= LIST_MAX)
            net_warn(m,
                     "node '%s', pumps stopped: static %.3f bar(a) is below "
                     "the saturation pressure %.3f bar(a) at %.1f C: the "
                     "standing water boils",
                     id, p_abs / BAR, ps / BAR, C(m->nd_t[v]));
    } else if (p_abs < ps + m->limits.static_margin_pa &&
               ++t->low <= LIST_MAX) {
        net_warn(m,
                 "node '%s', pumps stopped: static %.3f bar(a) is only "
                 "%.3f bar above boiling at %.1f C (margin %.2f bar)",
                 id, p_abs / BAR, (p_abs - ps) / BAR, C(m->nd_t[v]),
                 m->limits.static_margin_pa / BAR);
    }
    double pn = node_pn(m, v);
    if (!isnan(pn) && p_hi > pn) {
        verdict_add(m, HL_VIOL_STATIC_PN, HL_NODE, v, p_hi, pn);
        if (++t->pn <= LIST_MAX)
            net_warn(m,
                     "node '%s', pumps stopped: static %.2f bar(g) is "
                     "above the PN %.0f of its pipes",
                     id, p_hi / BAR, pn / BAR);
    }
}

/* The static pressure of every node of a referenced part; the least
 * margin of each part goes to its reference's record. */
static void static_pressures(hl_model *m, int *part, const int *ref_of,
                             const int *hi_of, int *slot, static_tally *t)
{
    struct net_verdict *vd = m->verdict;
    const net_def *d = m->net;
    for (int v = 0; v < d->n_nodes; v++) {
        int root = find(part, v), ref = ref_of[root];
        vd->p_static[v] = vd->margin[v] = NAN;
        if (ref < 0)
            continue;
        /* a tank or reservoir holds its own level */
        int own = d->pumps_isolate && !isnan(net_node_fixed_p(m, v));
        int lo = own ? v : ref, hi = own ? v : hi_of[root];
        double rho_v = node_rho(m, v);
        vd->p_static[v] = static_p(m, lo, v, rho_v);
        /* a heating network's part has one reference: PN from it too */
        check_node(m, v, hi == lo ? vd->p_static[v] : static_p(m, hi, v, rho_v),
                   t);
        if (slot[ref] < 0) {
            slot[ref] = vd->n_ref++;
            vd->ref[slot[ref]] =
                (hl_static_reference){ref, ref_head(m, ref), INFINITY, -1, 0.0};
        }
        hl_static_reference *r = &vd->ref[slot[ref]];
        if (vd->margin[v] < r->min_margin_pa) {
            r->min_margin_pa = vd->margin[v];
            r->worst_node = v;
        }
        double need = m->limits.static_margin_pa - vd->margin[v];
        if (need > r->raise_needed_pa)
            r->raise_needed_pa = need;
        if (!(vd->margin[v] >= vd->min_margin)) {
            vd->min_margin = vd->margin[v];
            vd->min_node = v;
        }
    }
}

void static_check_run(hl_model *m)
{
    int n = m->net->n_nodes;
    int *buf = malloc(sizeof(int) * 4 * ((size_t)n + 1));
    if (!buf || !m->verdict) {
        free(buf);
        net_fail(m, HL_ENOMEM, "out of memory");
        return;
    }
    int *part = buf, *ref_of = buf + n + 1, *slot = buf + 2 * (n + 1);
    int *hi_of = buf + 3 * (n + 1);
    for (int v = 0; v < n; v++)
        slot[v] = -1;
    parts(m, part, ref_of, hi_of);
    static_tally t = {0, 0, 0};
    static_pressures(m, part, ref_of, hi_of, slot, &t);
    if (t.boil > LIST_MAX)
        net_warn(m, "... and %d more nodes that boil with the pumps stopped",
                 t.boil - LIST_MAX);
    if (t.low > LIST_MAX)
        net_warn(m,
                 "... and %d more nodes within the static margin of "
                 "boiling",
                 t.low - LIST_MAX);
    if (t.pn > LIST_MAX)
        net_warn(m,
                 "... and %d more nodes above their PN with the pumps "
                 "stopped",
                 t.pn - LIST_MAX);
    free(buf);
}
