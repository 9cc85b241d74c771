/*
 * thermal.c - temperatures for given flows (NUMERICS.md "Temperatures").
 *
 * No linear solve: nodes are visited in flow order (Kahn's algorithm on the
 * directed flow graph) and mixed by enthalpy; each link leaving a node
 * sets the temperature it delivers downstream. Sources (temperature mode)
 * and consumers with a return temperature fix their outlet temperature and
 * so break the supply -> consumer -> return -> plant cycle. Couplings that
 * the order cannot see are closed by repeating the sweep until nothing
 * changes by more than THERMAL_TOL (1e-9 K):
 * - buried pairs: each pipe is solved exactly together with its partner
 *   (pair_decay.c) using the partner's inlet temperature of the last
 *   sweep;
 * - a loop without any temperature-fixing element: the sweep tears it at a
 *   node, assumes that node's last temperature and iterates.
 * Energy is booked as enthalpy flows (relative to water at 0 C), so the
 * balance source = delivered + losses holds to rounding; the enthalpy
 * travels with the temperature from node to link, and a node with one
 * inflow takes its temperature as it is (no inversion of h). heat_solve's
 * tolerance lets early coupling rounds stop after fewer sweeps (solve.c).
 * Zero-flow links (|m| < 1e-9 kg/s) carry no heat; a stagnant pipe sits at
 * its surroundings' temperature (or, in a pair, at the temperature where
 * its own heat flow is zero), a node without inflow at the mean
 * surroundings temperature of its pipes.
 */
#include "network/thermal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double pipe_ambient(const hl_model *m, int i)
{
    switch (m->net->pp_surround[i]) {
    case SURR_AIR:
        return m->t_air;
    case SURR_DUCT:
        return m->t_duct;
    case SURR_FIXED:
        return m->net->pp_tfix[i];
    default:
        return m->t_ground;
    }
}

static int heat_alloc(hl_model *m)
{
    struct net_heat *t = calloc(1, sizeof *t);
    if (!t)
        return net_fail(m, HL_ENOMEM, "out of memory");
    m->heat = t;
    size_t n = (size_t)m->net->n_nodes + 1;
    t->indeg = malloc(sizeof(int) * n);
    t->queue = malloc(sizeof(int) * n);
    t->hin = malloc(sizeof(double) * n);
    t->min = malloc(sizeof(double) * n);
    t->t_one = malloc(sizeof(double) * n);
    t->indeg0 = malloc(sizeof(int) * n);
    t->hin0 = malloc(sizeof(double) * n);
    t->min0 = malloc(sizeof(double) * n);
    t->t_one0 = malloc(sizeof(double) * n);
    t->h_out = malloc(sizeof(double) * n);
    t->done = malloc(n);
    t->torn = malloc(n);
    t->t_torn = malloc(sizeof(double) * n);
    t->t_prev = malloc(sizeof(double) * n);
    t->partner_tin = malloc(sizeof(double) * ((size_t)m->net->n_pipes + 1));
    t->hx_pending = malloc(sizeof(int) * ((size_t)m->net->n_hx + 1));
    if (!t->indeg || !t->queue || !t->hin || !t->min || !t->t_one ||
        !t->indeg0 || !t->hin0 || !t->min0 || !t->t_one0 || !t->h_out ||
        !t->done || !t->torn || !t->t_torn || !t->t_prev || !t->partner_tin ||
        !t->hx_pending)
        return net_fail(m, HL_ENOMEM, "out of memory");
    for (int i = 0; i < m->net->n_pipes; i++)
        t->partner_tin[i] = NAN;
    return HL_OK;
}

void heat_free(struct net_heat *t)
{
    if (!t)
        return;
    free(t->indeg);
    free(t->queue);
    free(t->hin);
    free(t->min);
    free(t->t_one);
    free(t->indeg0);
    free(t->hin0);
    free(t->min0);
    free(t->t_one0);
    free(t->h_out);
    free(t->done);
    free(t->torn);
    free(t->t_torn);
    free(t->t_prev);
    free(t->partner_tin);
    free(t->hx_pending);
    free(t);
}

/* ---- flow direction helpers ---------------------------------------------- */

static int flowing(const hl_model *m, int k)
{
    return fabs(m->lk_m[k]) > THERMAL_ZERO_FLOW;
}

static int upstream(const hl_model *m, int k)
{
    return m->lk_m[k] >= 0.0 ? m->net->lk_from[k] : m->net->lk_to[k];
}

static int downstream(const hl_model *m, int k)
{
    return m->lk_m[k] >= 0.0 ? m->net->lk_to[k] : m->net->lk_from[k];
}

/* Outlet temperature known before the sweep (no dependency)? */
static int fixed_outlet(const hl_model *m, int k, double *t_out)
{
    int i = m->net->lk_sub[k];
    if (m->net->lk_kind[k] == LK_SOURCE && m->lk_m[k] > 0.0 &&
        isnan(m->net->so_heat[i])) {
        *t_out = m->so_tsup[i];
        return 1;
    }
    if (m->net->lk_kind[k] == LK_CONSUMER && m->lk_m[k] > 0.0 &&
        (m->net->co_mode[i] == CONS_HEAT_RETURN ||
         m->net->co_mode[i] == CONS_FLOW_RETURN)) {
        *t_out = m->net->co_tret[i];
        return 1;
    }
    return 0;
}

void heat_push(hl_model *m, int node, double mflow, double t_k, double h_j_kg,
               int dep)
{
    struct net_heat *t = m->heat;
    t->t_one[node] = t->min[node] > 0.0 ? NAN : t_k;
    t->hin[node] += mflow * h_j_kg;
    t->min[node] += mflow;
    if (dep)
        t->indeg[node]--;
}

/* Water at temperature t_k (its enthalpy computed here). */
static void push(hl_model *m, int node, double mflow, double t_k, int dep)
{
    heat_push(m, node, mflow, t_k, fluid_h(&m->net->fluid, t_k), dep);
}

/* ---- start of a sweep: dependencies and fixed inflows -------------------- */

static void boundary_inflows(hl_model *m)
{
    for (int i = 0; i < m->net->n_nodes; i++) {
        double in = m->nd_ext[i] - net_node_demand(m, i) * m->demand_scale;
        if (in > THERMAL_ZERO_FLOW) {
            double t = m->net->nd_inflow_t[i];
            push(m, i, in, isnan(t) ? m->t_ground : t, 0);
        }
    }
}

/* What every sweep of one heat_solve starts from (the flows and the fixed
 * temperatures do not change between its sweeps): the dependencies in
 * flow order and the inflows of known temperature. */
static void sweep_template(hl_model *m)
{
    struct net_heat *t = m->heat;
    size_t n = (size_t)m->net->n_nodes;
    for (size_t i = 0; i < n; i++) {
        t->indeg[i] = 0;
        t->hin[i] = t->min[i] = 0.0;
        t->t_one[i] = NAN;
    }
    for (int k = 0; k < m->net->n_links; k++) {
        double tf;
        if (!flowing(m, k)) {
            m->lk_mech[k] = 0.0; /* flowing links keep their last value:
                                    a pair partner reads it */
            continue;
        }
        if (fixed_outlet(m, k, &tf))
            push(m, downstream(m, k), fabs(m->lk_m[k]), tf, 0);
        else
            t->indeg[downstream(m, k)]++;
    }
    boundary_inflows(m);
    memcpy(t->indeg0, t->indeg, sizeof(int) * n);
    memcpy(t->hin0, t->hin, sizeof(double) * n);
    memcpy(t->min0, t->min, sizeof(double) * n);
    memcpy(t->t_one0, t->t_one, sizeof(double) * n);
}

static void sweep_start(hl_model *m)
{
    struct net_heat *t = m->heat;
    size_t n = (size_t)m->net->n_nodes;
    memcpy(t->indeg, t->indeg0, sizeof(int) * n);
    memcpy(t->hin, t->hin0, sizeof(double) * n);
    memcpy(t->min, t->min0, sizeof(double) * n);
    memcpy(t->t_one, t->t_one0, sizeof(double) * n);
    memset(t->done, 0, n);
    memset(t->torn, 0, n);
    for (int h = 0; h < m->net->n_hx; h++)
        t->hx_pending[h] = 2;
}

/* ---- links ----------------------------------------------------------------
 */

static double t_from_theta(double t0, double theta)
{
    return t0 + theta;
}

static void pipe_stagnant(hl_model *m, int i)
{
    double t0 = pipe_ambient(m, i), t = t0;
    int j = m->net->pp_pair[i];
    if (j >= 0 && !isnan(m->pp_tin[j]) && m->pp_r11[j] < INFINITY &&
        flowing(m, m->net->pp_link[j])) {
        double theta = 0.5 * (m->pp_tin[j] + m->pp_tout[j]) - t0;
        t = t0 + m->pp_r12[i] / m->pp_r11[j] * theta;
    }
    m->pp_tin[i] = m->pp_tout[i] = t;
    m->pp_q[i] = 0.0;
}

/* Outlet of pipe i with inlet t_in: single, or coupled to its partner.
 * w: its friction heat, W/m, spread evenly along it (the partner's from
 * its last visit). A uniform source w adds the constant particular
 * solution theta_p = R w to the excess temperatures (at steady state each
 * pipe loses per metre what friction adds: R^-1 theta_p = w), so the
 * exact decay runs on the excess over the surroundings shifted by
 * theta_p; that keeps the result independent of how a pipe is cut. */
static double pipe_outlet(hl_model *m, int i, double t_in, double mflow,
                          double w)
{
    double t0 = pipe_ambient(m, i), len = m->net->pp_len[i];
    double c = mflow * fluid_cp(&m->net->fluid, t_in);
    int j = m->net->pp_pair[i];
    int kj = j >= 0 ? m->net->pp_link[j] : -1;
    if (j < 0 || !flowing(m, kj) || !(m->pp_r12[i] > 0.0)) {
        double ts = w != 0.0 ? t0 + m->pp_r11[i] * w : t0; /* + theta_p */
        double th = decay_single(t_in - ts, len, c, m->pp_r11[i]);
        if (m->net->fluid.constant || !(m->pp_r11[i] < INFINITY))
            return t_from_theta(ts, th);
        /* refine the heat capacity at the mean temperature */
        c = mflow *
            fluid_cp(&m->net->fluid, t_in + 0.5 * th - 0.5 * (t_in - ts));
        return t_from_theta(ts, decay_single(t_in - ts, len, c, m->pp_r11[i]));
    }
    double tj = m->heat->partner_tin[i];
    if (isnan(tj))
        tj = t0;
    double mj = fabs(m->lk_m[kj]);
    double wj = m->lk_mech[kj] / m->net->pp_len[j];
    double ti_s = t0 + m->pp_r11[i] * w + m->pp_r12[i] * wj;
    double tj_s = t0 + m->pp_r12[i] * w + m->pp_r11[j] * wj;
    /* along the trench from pipe i's inlet: does the partner flow the same
     * way? geometry (pp_pair_same) combined with both flow directions */
    int i_fwd = m->lk_m[m->net->pp_link[i]] >= 0.0;
    int j_fwd = (m->lk_m[kj] >= 0.0) == (m->net->pp_pair_same[i] != 0);
    int same = i_fwd == j_fwd;
    pair_input in = {len,
                     c,
                     mj * fluid_cp(&m->net->fluid, tj),
                     m->pp_r11[i],
                     m->pp_r11[j],
                     m->pp_r12[i],
                     t_in - ti_s,
                     tj - tj_s,
                     same};
    double o1, o2;
    if (decay_pair(&in, &o1, &o2) != 0)
        o1 = decay_single(t_in - ti_s, len, c, m->pp_r11[i]);
    return t_from_theta(ti_s, o1);
}

/* Pipe i with inlet t_in (enthalpy h_in), flow mf and friction heat d
 * J/kg. The heat lost to the surroundings is booked so that h_out = h_in
 * + d - q / mf exactly; an adiabatic pipe keeps all of d. */
static double pipe_link_outlet(hl_model *m, int i, double t_in, double h_in,
                               double mf, double d, double *h_out)
{
    const net_fluid *f = &m->net->fluid;
    double t_out;
    m->pp_tin[i] = t_in;
    if (d != 0.0 && !(m->pp_r11[i] < INFINITY)) {
        *h_out = h_in + d;
        t_out = fluid_t_from_h(f, *h_out);
    } else {
        t_out = pipe_outlet(m, i, t_in, mf, mf * d / m->net->pp_len[i]);
        *h_out = fluid_h(f, t_out);
    }
    m->pp_tout[i] = t_out;
    m->pp_q[i] = mf * (h_in + d - *h_out);
    return t_out;
}

/* Water at t_in warmed by d J/kg to enthalpy h_out. A section valve's
 * friction heat is a few J/kg: below 4 J/kg (1e-3 K) the linear step
 * t_in + d / cp misses by (d / cp)^2 cp' / (2 cp) < 1e-8 K (cp' / cp <
 * 1e-2 / K in region 1 up to 340 C), which saves the inversion of h. */
static double valve_temp(const net_fluid *f, double t_in, double d,
                         double h_out)
{
    if (d == 0.0)
        return t_in;
    if (fabs(d) < 4.0)
        return t_in + d / fluid_cp(f, t_in);
    return fluid_t_from_h(f, h_out);
}

/* Temperature (and *h_out enthalpy) that link k delivers downstream, its
 * upstream node at t_in, h_in; records the link's results. */
static double link_outlet(hl_model *m, int k, double t_in, double h_in,
                          double *h_out)
{
    int i = m->net->lk_sub[k];
    double mf = fabs(m->lk_m[k]), t_out = t_in;
    double d = mech_heat_per_kg(m, k, t_in);
    m->lk_mech[k] = mf * d;
    switch (m->net->lk_kind[k]) {
    case LK_PIPE:
        return pipe_link_outlet(m, i, t_in, h_in, mf, d, h_out);
    case LK_CONSUMER:
        t_out = consumer_outlet(m, i, t_in);
        break;
    case LK_SOURCE:
        t_out = source_outlet(m, i, t_in, m->lk_m[k]);
        break;
    default: /* pumps, valves: their pump and friction heat only */
        *h_out = h_in + d;
        return valve_temp(&m->net->fluid, t_in, d, *h_out);
    }
    *h_out = fluid_h(&m->net->fluid, t_out);
    return t_out;
}

/* ---- nodes ------------------------------------------------------------------
 */

static double node_no_inflow_temp(const hl_model *m, int v)
{
    double s = 0.0;
    int n = 0;
    for (int a = m->net->adj_start[v]; a < m->net->adj_start[v + 1]; a++) {
        int k = m->net->adj_link[a];
        if (m->net->lk_kind[k] == LK_PIPE) {
            s += pipe_ambient(m, m->net->lk_sub[k]);
            n++;
        }
    }
    return n ? s / n : m->heat->t_prev[v];
}

static void visit_links(hl_model *m, int v, double t_leave, double h_leave,
                        int *tail);

/* Temperature and enthalpy of the water mixed at node v: the inflow's
 * own temperature where only one flows in (no inversion needed), else
 * from the mixed enthalpy; a torn node takes its assumed temperature. */
static double node_mix(hl_model *m, int v, double *h_mix)
{
    struct net_heat *t = m->heat;
    double t_mix;
    if (t->torn[v]) {
        t_mix = t->t_torn[v];
    } else if (t->min[v] > 0.0) {
        *h_mix = t->hin[v] / t->min[v];
        t_mix = isnan(t->t_one[v]) ? fluid_t_from_h(&m->net->fluid, *h_mix)
                                   : t->t_one[v];
        return t_mix;
    } else {
        t_mix = node_no_inflow_temp(m, v);
    }
    *h_mix = fluid_h(&m->net->fluid, t_mix);
    return t_mix;
}

/* Water leaving node v: through its links and as outflow at the node. */
static double node_outflow(const hl_model *m, int v)
{
    double out = net_node_demand(m, v) * m->demand_scale - m->nd_ext[v];
    out = out > 0.0 ? out : 0.0;
    for (int a = m->net->adj_start[v]; a < m->net->adj_start[v + 1]; a++) {
        int k = m->net->adj_link[a];
        if (flowing(m, k) && upstream(m, k) == v)
            out += fabs(m->lk_m[k]);
    }
    return out;
}

/* Mix at node v, apply its fittings, send water on. A torn node is sent
 * on before all its inflows have arrived: the water its fittings cool is
 * what leaves it, not the part that has come in so far. */
static void process_node(hl_model *m, int v, int *tail)
{
    struct net_heat *t = m->heat;
    double h_mix, t_mix = node_mix(m, v, &h_mix);
    m->nd_t[v] = t_mix;
    t->done[v] = 1;
    double q_fit = 0.0, t_leave = t_mix, h_leave = h_mix;
    double m_out = t->torn[v] ? node_outflow(m, v) : t->min[v];
    if (fitting_sink(m, v, t_mix, h_mix, m_out, &q_fit)) {
        h_leave = h_mix - q_fit / m_out;
        t_leave = fluid_t_from_h(&m->net->fluid, h_leave);
    }
    t->h_out[v] = h_leave;
    visit_links(m, v, t_leave, h_leave, tail);
}

static void release(hl_model *m, int node, int *tail)
{
    struct net_heat *t = m->heat;
    if (t->indeg[node] == 0 && !t->done[node] && !t->torn[node])
        t->queue[(*tail)++] = node;
}

static void visit_links(hl_model *m, int v, double t_leave, double h_leave,
                        int *tail)
{
    struct net_heat *t = m->heat;
    for (int a = m->net->adj_start[v]; a < m->net->adj_start[v + 1]; a++) {
        int k = m->net->adj_link[a];
        int kind = m->net->lk_kind[k];
        if (kind == LK_HX_PRIMARY || kind == LK_HX_SECONDARY) {
            int up = flowing(m, k) ? upstream(m, k) : m->net->lk_from[k];
            if (up != v)
                continue;
            int h = m->net->lk_sub[k];
            if (--t->hx_pending[h] == 0) {
                hx_exchange(m, h);
                int sides[2] = {m->net->hx_pri[h], m->net->hx_sec[h]};
                for (int s = 0; s < 2; s++)
                    if (flowing(m, sides[s]))
                        release(m, downstream(m, sides[s]), tail);
            }
            continue;
        }
        if (!flowing(m, k)) {
            if (kind == LK_PIPE && m->net->lk_from[k] == v)
                pipe_stagnant(m, m->net->lk_sub[k]);
            continue;
        }
        if (upstream(m, k) != v)
            continue;
        double tf, h_out, t_out = link_outlet(m, k, t_leave, h_leave, &h_out);
        int dn = downstream(m, k);
        if (fixed_outlet(m, k, &tf))
            continue; /* already pushed at the start of the sweep */
        heat_push(m, dn, fabs(m->lk_m[k]), t_out, h_out, 1);
        release(m, dn, tail);
    }
}

/* Tear a loop: the unvisited node with the fewest missing inflows. */
static int tear(hl_model *m)
{
    struct net_heat *t = m->heat;
    int best = -1;
    for (int i = 0; i < m->net->n_nodes; i++)
        if (!t->done[i] && !t->torn[i] &&
            (best < 0 || t->indeg[i] < t->indeg[best]))
            best = i;
    if (best >= 0) {
        t->torn[best] = 1;
        t->t_torn[best] = t->t_prev[best];
    }
    return best;
}

/* One sweep; returns the largest change of a coupling temperature. */
static double sweep(hl_model *m)
{
    struct net_heat *t = m->heat;
    sweep_start(m);
    int head = 0, tail = 0;
    for (int i = 0; i < m->net->n_nodes; i++)
        release(m, i, &tail);
    for (int order = 0; order < m->net->n_nodes;) {
        if (head == tail) {
            int v = tear(m);
            if (v < 0)
                break;
            t->queue[tail++] = v;
        }
        int v = t->queue[head++];
        if (t->done[v])
            continue;
        m->nd_order[v] = order++;
        process_node(m, v, &tail);
    }
    double change = 0.0;
    for (int i = 0; i < m->net->n_nodes;
         i++) { /* torn nodes: actual vs assumed */
        if (!t->torn[i])
            continue;
        double act = t->min[i] > 0.0
                         ? fluid_t_from_h(&m->net->fluid, t->hin[i] / t->min[i])
                         : t->t_torn[i];
        change = fmax(change, fabs(act - t->t_torn[i]));
        t->t_prev[i] = act;
    }
    for (int i = 0; i < m->net->n_pipes; i++) { /* pairs: partner inlet */
        int j = m->net->pp_pair[i];
        if (j < 0)
            continue;
        double now = m->pp_tin[j];
        if (!isnan(now))
            change = fmax(change, isnan(t->partner_tin[i])
                                      ? INFINITY
                                      : fabs(now - t->partner_tin[i]));
        t->partner_tin[i] = now;
    }
    return change;
}

int heat_solve(hl_model *m, double tol)
{
    if (!m->heat && heat_alloc(m))
        return m->err.code;
    struct net_heat *t = m->heat;
    for (int i = 0; i < m->net->n_nodes; i++)
        t->t_prev[i] = isnan(m->nd_t[i]) ? m->t_ground : m->nd_t[i];
    t->change = INFINITY;
    sweep_template(m);
    for (t->sweeps = 1; t->sweeps <= THERMAL_MAX_SWEEPS; t->sweeps++) {
        t->change = sweep(m);
        if (m->err.code)
            return m->err.code; /* a fitting or element failed */
        for (int i = 0; i < m->net->n_nodes; i++)
            if (!t->torn[i])
                t->t_prev[i] = m->nd_t[i];
        if (t->change <= fmax(tol, THERMAL_TOL)) {
            elements_at_rest(m);
            return HL_OK;
        }
    }
    return net_fail(m, HL_ENOCONVERGE,
                    "temperatures did not converge in %d sweeps (change "
                    "%.3g K): a loop without any temperature-fixing element "
                    "circulates heat",
                    THERMAL_MAX_SWEEPS, t->change);
}
