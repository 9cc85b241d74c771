/*
 * hydraulics.c - steady hydraulics by the global gradient algorithm
 * (Todini and Pilati 1988; the form EPANET 2 uses, Rossman 2000 ch. 12) in
 * mass flows and node pressures, with the sparse SPD step solved by
 * hyd_reduce.c (hanging trees and chains eliminated by hand, the core by
 * sparse_ldl.c: a numeric factorisation every Newton iteration, the
 * ordering and the pattern of the factor reused; chord steps near
 * convergence reuse the factorisation too, see chord_step).
 *
 * Link law:  dp_k(m_k) = p_from - p_to + rho_k g (z_from - z_to).
 * Newton:    m_k' = m_k - (dp_k - dpi_k) / dp_k'  gives, with the nodal
 *            mass balance, the system  A W A^T p = rhs  (W = 1 / dp_k').
 * Damping: while the relative flow change grows from one iteration to the
 * next after a Newton step, the steps are halved (down to 1/16).
 * Convergence needs BOTH the relative flow change sum|dm| / sum|m| <=
 * flow_rel_tol AND the mass imbalance of every node group <= mass_tol_kg_s
 * (absolute, kg/s). Check valves and pumps that would run backwards are
 * closed and the system re-solved, as EPANET's status checks do.
 */
#include "network/hyd.h"
#include "physics/headloss_empirical.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STATUS_ROUNDS 12
#define START_VELOCITY    0.3  /* m/s, about EPANET's 1 ft/s */
#define CV_FLOW_TOL       1e-8 /* kg/s: reverse flow that closes a check valve */
/* Speed-controlled pumps step inside the Newton iterations (pump_control.c)
 * once the flows change by less than this, at most PUMP_STEPS times per
 * solve; beyond that solve.c steps them between solves. */
#define PUMP_STEP_REL 0.05
#define PUMP_STEPS    8

static int hyd_alloc(hl_model *m)
{
    struct net_hyd *h = calloc(1, sizeof *h);
    if (!h)
        return net_fail(m, HL_ENOMEM, "out of memory");
    m->hyd = h;
    size_t n = (size_t)m->net->n_nodes, l = (size_t)m->net->n_links;
    h->unk = malloc(sizeof(int) * n);
    h->off = malloc(sizeof(double) * n);
    h->known = malloc(sizeof(double) * n);
    h->root = malloc(sizeof(int) * n);
    h->tree_link = malloc(sizeof(int) * n);
    h->bfs = malloc(sizeof(int) * n);
    h->rigid_state = calloc(l + 1, 1);
    h->slot_jj = malloc(sizeof(int) * (l + 1));
    h->slot_ij = malloc(sizeof(int) * (l + 1));
    h->eslot = malloc(sizeof(int) * (l + 1));
    h->diag = malloc(sizeof(int) * (n + 1));
    h->perm = malloc(sizeof(int) * (n + 1));
    h->enb = malloc(sizeof(int) * (2 * n + 2));
    h->ew = malloc(sizeof(double) * (2 * n + 2));
    h->dg = malloc(sizeof(double) * (n + 1));
    h->epiv = malloc(sizeof(double) * (n + 1));
    h->fill_e = malloc(sizeof(int) * (n + 1));
    h->fill_c = malloc(sizeof(int) * (n + 1));
    h->w = malloc(sizeof(double) * (l + 1));
    h->y = malloc(sizeof(double) * (l + 1));
    h->grav = malloc(sizeof(double) * (l + 1));
    h->pc = malloc(sizeof(hyd_pipe_coef) * ((size_t)m->net->n_pipes + 1));
    h->pn = malloc(sizeof(double) * (n + 1));
    h->p_unk = calloc(n + 1, sizeof(double));
    h->p_unk_prev = calloc(n + 1, sizeof(double));
    h->resp = calloc(n + 1, sizeof(double));
    h->dem = malloc(sizeof(double) * n);
    h->imb = malloc(sizeof(double) * n);
    h->comp = malloc(sizeof(int) * n);

    h->comp_ref = malloc(n + 1);
    h->unk_cut = calloc(n + 1, 1);
    h->comp_active = calloc(l + 1, 1);
    h->comp_builds = -1;
    if (!h->unk || !h->off || !h->known || !h->root || !h->tree_link ||
        !h->bfs || !h->rigid_state || !h->slot_jj || !h->slot_ij || !h->eslot ||
        !h->diag || !h->perm || !h->enb || !h->ew || !h->dg || !h->epiv ||
        !h->fill_e || !h->fill_c || !h->w || !h->y || !h->grav || !h->pc ||
        !h->pn || !h->p_unk || !h->p_unk_prev || !h->resp || !h->dem ||
        !h->imb || !h->comp || !h->comp_ref || !h->unk_cut || !h->comp_active)
        return net_fail(m, HL_ENOMEM, "out of memory");
    return HL_OK;
}

void hyd_free(struct net_hyd *h)
{
    if (!h)
        return;
    if (h->cc_started) {
        hyd_free_matrix(h);
        cholmod_finish(&h->cc);
    }
    free(h->unk);
    free(h->off);
    free(h->known);
    free(h->root);
    free(h->tree_link);
    free(h->bfs);
    free(h->rigid_state);
    free(h->slot_jj);
    free(h->slot_ij);
    free(h->eslot);
    free(h->diag);
    free(h->perm);
    free(h->enb);
    free(h->ew);
    free(h->dg);
    free(h->epiv);
    free(h->fill_e);
    free(h->fill_c);
    free(h->w);
    free(h->y);
    free(h->grav);
    free(h->pc);
    free(h->pn);
    free(h->p_unk);
    free(h->p_unk_prev);
    free(h->resp);
    free(h->dem);
    free(h->imb);
    free(h->comp);
    free(h->comp_ref);
    free(h->unk_cut);
    free(h->comp_active);
    free(h);
}

/* ---- fixed flows and start values --------------------------------------- */

/* Flow of a fixed-flow link now (consumers, flow-control valves). */
static double fixed_flow(const hl_model *m, int k)
{
    if (!hyd_link_active(m, k))
        return 0.0;
    if (m->net->lk_kind[k] == LK_CONSUMER)
        return net_consumer_flow(m, m->net->lk_sub[k]);
    return m->net->va_flow[m->net->lk_sub[k]];
}

static void fixed_demands(hl_model *m, struct net_hyd *h)
{
    for (int i = 0; i < m->net->n_nodes; i++)
        h->dem[i] = net_node_demand(m, i) * m->demand_scale;
    for (int k = 0; k < m->net->n_links; k++) {
        if (hyd_law(m, k) != LAW_FIXED)
            continue;
        double q = fixed_flow(m, k);
        m->lk_m[k] = q;
        h->dem[m->net->lk_from[k]] += q;
        h->dem[m->net->lk_to[k]] -= q;
    }
}

/* A cold-start flow: 0.3 m/s in pipes, design flow in pumps, 1 bar in
 * valves and heat-exchanger sides (EPANET starts at 1 ft/s). */
static double start_flow(const hl_model *m, int k)
{
    int i = m->net->lk_sub[k];
    double rho = m->lk_rho[k];
    switch (m->net->lk_kind[k]) {
    case LK_PIPE:
        return rho * m->net->pp_area[i] * START_VELOCITY;
    case LK_PUMP:
        return rho * hyd_pump_design_flow(m, i);
    case LK_VALVE:
        return m->net->va_kvol[i] > 0 ? sqrt(1e5 * rho / m->net->va_kvol[i])
                                      : 1.0;
    case LK_HX_PRIMARY:
        return m->net->hx_kp[i] > 0 ? sqrt(1e5 / m->net->hx_kp[i]) : 1.0;
    case LK_HX_SECONDARY:
        return m->net->hx_ks[i] > 0 ? sqrt(1e5 / m->net->hx_ks[i]) : 1.0;
    case LK_CONSUMER: /* pressure-driven: the flow it asks */
        return net_consumer_flow(m, i);
    default:
        return 0.0;
    }
}

static void cold_start(hl_model *m, struct net_hyd *h)
{
    for (int k = 0; k < m->net->n_links; k++) {
        m->lk_cv_shut[k] = 0;
        if (hyd_law(m, k) == LAW_MATRIX)
            m->lk_m[k] = start_flow(m, k);
        else if (hyd_law(m, k) == LAW_RIGID)
            m->lk_m[k] = 0.0;
    }
    for (int i = 0; i < m->net->n_pipes; i++)
        m->pp_xcf[i] = 0.0;
    memset(h->p_unk, 0, sizeof(double) * ((size_t)m->net->n_nodes + 1));
}

/* ---- one Newton step ------------------------------------------------------
 */

static double node_p(const struct net_hyd *h, int i)
{
    int u = h->unk[i];
    return u < 0 ? h->known[i] : h->p_unk[u] + h->off[i];
}

static void node_pressures(const hl_model *m, struct net_hyd *h)
{
    for (int i = 0; i < m->net->n_nodes; i++)
        h->pn[i] = node_p(h, i);
}

/* rho g (z_from - z_to) of every link, fixed during one hydraulic solve. */
static void gravity_terms(const hl_model *m, struct net_hyd *h)
{
    for (int k = 0; k < m->net->n_links; k++)
        h->grav[k] =
            m->lk_rho[k] * m->net->g *
            (m->net->nd_z[m->net->lk_from[k]] - m->net->nd_z[m->net->lk_to[k]]);
}

typedef struct newton_report {
    int iterations, worst_node, worst_link;
    double rel, residual, worst_pa;
} newton_report;

/* A pipe's Darcy-Weisbach law at flow mf, or the loss and slope of its
 * last evaluation in this solve when mf differs from that flow by at most
 * PIPE_LAW_REUSE of itself: the loss then differs from the law's by at
 * most twice that, relative, about the rounding of the pressures that
 * moved the flow. Once the first step has put a hanging tree's flows at
 * its demands they move by rounding only: on grid_10000 a seventh of the
 * evaluations of the first solve are saved (bench/README.md, "Trees and
 * chains out of the factorisation"). */
#define PIPE_LAW_REUSE 1e-12

static double pipe_law(hl_model *m, struct net_hyd *h, int k, double mf,
                       double *grad)
{
    hyd_pipe_coef *c = h->pc + m->net->lk_sub[k];
    if (fabs(mf - c->m_at) <= PIPE_LAW_REUSE * fabs(mf)) {
        *grad = c->grad_at;
        return c->dp_at;
    }
    c->dp_at = hyd_pipe_loss_at(m, h->pc, k, mf, &c->grad_at);
    c->m_at = mf;
    *grad = c->grad_at;
    return c->dp_at;
}

/* Linearise every matrix link at its flow and assemble A W A^T and the
 * right-hand side in one pass; records the largest pressure residual. */
static void assemble(hl_model *m, struct net_hyd *h, newton_report *r,
                     int refactor)
{
    double *ax = h->a ? h->a->x : NULL, *rhs = h->rhs;
    double *dg = h->dg, *ew = h->ew;
    if (ax) {
        if (refactor) {
            memset(ax, 0, /* the core's entries, not its capacity */
                   sizeof(double) * (size_t)((int *)h->a->p)[h->a->ncol]);
            memset(dg, 0, sizeof(double) * (size_t)h->n_unk);
            memset(ew, 0, sizeof(double) * 2 * (size_t)h->n_elim);
        }
        memset(rhs, 0, sizeof(double) * (size_t)h->n_unk);
    }
    for (int i = 0; i < m->net->n_nodes; i++)
        if (h->unk[i] >= 0)
            rhs[h->unk[i]] -= h->dem[i];
    double big = -1.0;
    int darcy = m->net->headloss == HEADLOSS_DARCY;
    for (int k = 0; k < m->net->n_links; k++) {
        if (hyd_law(m, k) != LAW_MATRIX)
            continue;
        if (!HYD_ACTIVE(m, k)) {
            h->w[k] = h->y[k] = m->lk_m[k] = 0.0;
            continue;
        }
        int a = m->net->lk_from[k], b = m->net->lk_to[k];
        double grad, dp;
        if (m->net->lk_kind[k] == LK_PIPE && darcy) /* most links */
            dp = pipe_law(m, h, k, m->lk_m[k], &grad);
        else if (m->net->lk_kind[k] == LK_PIPE)
            dp = hyd_pipe_loss(m, k, m->lk_m[k], &grad);
        else if (m->net->lk_kind[k] == LK_CONSUMER) /* pressure-driven */
            dp = hyd_consumer_linearise(m, k, h->pn[a] - h->pn[b] + h->grav[k],
                                        &grad);
        else
            dp = hyd_link_loss(m, k, m->lk_m[k], &grad);
        double mk = m->lk_m[k];
        double w = refactor ? 1.0 / grad : h->w[k];
        double y = mk - (dp - h->grav[k]) * w;
        double res = fabs(dp - (h->pn[a] - h->pn[b] + h->grav[k]));
        if (res > big) {
            big = res;
            r->worst_link = k;
        }
        h->w[k] = w;
        h->y[k] = y;
        int u = h->unk[a], v = h->unk[b];
        if (u == v) /* both ends in one group (or both known) */
            continue;
        double kk = (u < 0 ? h->known[a] : h->off[a]) -
                    (v < 0 ? h->known[b] : h->off[b]);
        double f = w * kk + y;
        if (u >= 0)
            rhs[u] -= f;
        if (v >= 0)
            rhs[v] += f;
        if (!refactor)
            continue;
        if (u >= 0)
            dg[u] += w;
        if (v >= 0)
            dg[v] += w;
        if (h->eslot[k] >= 0) /* a tree or chain node's link */
            ew[h->eslot[k]] += w;
        else if (h->slot_ij[k] >= 0)
            ax[h->slot_ij[k]] -= w;
    }
    r->worst_pa = big;
}

static int runaway(hl_model *m);

static int linear_solve(hl_model *m, struct net_hyd *h, int refactor)
{
    if (h->n_unk == 0)
        return HL_OK;
    int nan_pivot = 0, bad = refactor ? hyd_reduce_factor(h, &nan_pivot) : -1;
    if (bad >= 0 && nan_pivot)
        return runaway(m); /* slopes or flows overflowed */
    if (bad >= 0)
        return net_fail(m, HL_ENOCONVERGE,
                        "hydraulics: the Newton matrix is singular (pivot "
                        "%d of %d is zero)",
                        bad + 1, h->n_unk);
    hyd_reduce_solve(h, h->rhs);
    memcpy(h->p_unk, h->rhs, sizeof(double) * (size_t)h->n_unk);
    return HL_OK;
}

/* New flows of the matrix links: the Newton flows from the new pressures,
 * then a fraction alpha of the step from the old flows and pressures to
 * the Newton ones (1 = full step). Both ends of the step satisfy the
 * nodal balances, so every point between them does too; the linearised
 * flow y + w dp at pressures between the two would not (a flat pump curve
 * has w = 1/LINK_GRAD_FLOOR, and a pressure off by 1 bar would move
 * 1e8 kg/s). Returns sum |dm|, *sum_m = sum |m|. */
static double update_flows(hl_model *m, struct net_hyd *h, double alpha,
                           double *sum_m)
{
    double change = 0.0, total = 0.0;
    node_pressures(m, h);
    for (int k = 0; k < m->net->n_links; k++) {
        if (hyd_law(m, k) != LAW_MATRIX || !HYD_ACTIVE(m, k))
            continue;
        int u = h->unk[m->net->lk_from[k]];
        if (u >= 0 && h->unk_cut[u]) { /* a part cut off carries no flow */
            change += fabs(m->lk_m[k]);
            m->lk_m[k] = 0.0;
            continue;
        }
        double mn = h->y[k] + h->w[k] * (h->pn[m->net->lk_from[k]] -
                                         h->pn[m->net->lk_to[k]]);
        double dm = alpha * (mn - m->lk_m[k]);
        change += fabs(dm);
        m->lk_m[k] += dm;
        total += fabs(m->lk_m[k]);
    }
    if (alpha < 1.0) {
        for (int u = 0; u < h->n_unk; u++)
            h->p_unk[u] =
                h->p_unk_prev[u] + alpha * (h->p_unk[u] - h->p_unk_prev[u]);
        node_pressures(m, h);
    }
    *sum_m = total;
    return change;
}

/* Flows of the rigid links from the nodal balances, leaves to root; the
 * roots keep the imbalance: inflow from outside at known groups, the
 * residual of the linear solve elsewhere. Returns that residual (max). */
static double rigid_flows(hl_model *m, struct net_hyd *h, int *worst_node)
{
    double *e = h->imb;
    for (int i = 0; i < m->net->n_nodes; i++)
        e[i] = h->dem[i];
    for (int k = 0; k < m->net->n_links; k++) {
        if (hyd_law(m, k) == LAW_MATRIX) {
            e[m->net->lk_from[k]] += m->lk_m[k];
            e[m->net->lk_to[k]] -= m->lk_m[k];
        } else if (hyd_law(m, k) == LAW_RIGID) {
            m->lk_m[k] = 0.0;
        }
    }
    for (int a = m->net->n_nodes - 1; a >= 0; a--) {
        int i = h->bfs[a], k = h->tree_link[i];
        if (k < 0)
            continue;
        int parent =
            m->net->lk_from[k] == i ? m->net->lk_to[k] : m->net->lk_from[k];
        m->lk_m[k] = m->net->lk_to[k] == i ? e[i] : -e[i];
        e[parent] += e[i];
        e[i] = 0.0;
    }
    double worst = 0.0;
    *worst_node = -1;
    for (int i = 0; i < m->net->n_nodes; i++) {
        int u = h->unk[i];
        double r = u >= 0 && !h->unk_cut[u] ? fabs(e[i]) : 0.0;
        if (r > worst) {
            worst = r;
            *worst_node = i;
        }
    }
    return worst;
}

/* Flows that overflowed: the demands or pumps ask for more than any flow
 * the network can carry (for instance heat-demand consumers whose supply
 * has cooled toward their return temperature draw ever more water). */
static int runaway(hl_model *m)
{
    int worst = -1;
    double big = 0.0;
    for (int k = 0; k < m->net->n_links; k++)
        if (isfinite(m->lk_m[k]) && fabs(m->lk_m[k]) > big) {
            big = fabs(m->lk_m[k]);
            worst = k;
        }
    return net_fail(m, HL_ENOCONVERGE,
                    "hydraulics: the flows grew without bound (%s%s%s "
                    "%.3g kg/s before they overflowed): the network cannot "
                    "carry what its demands and pumps ask (a consumer given "
                    "by its heat draws more water as its supply cools: is "
                    "more heat asked than the sources and heat exchangers "
                    "can bring?)",
                    worst >= 0 ? "link '" : "largest",
                    worst >= 0 ? m->net->lk_id[worst] : "",
                    worst >= 0 ? "' at" : "", big);
}

/* Every pressure-driven consumer consistent with the new pressures
 * (hyd_consumer_point). */
static int consumers_settled(hl_model *m, const struct net_hyd *h)
{
    if (!m->pressure_driven)
        return 1;
    for (int i = 0; i < m->net->n_consumers; i++) {
        int k = m->net->co_link[i], a = m->net->lk_from[k],
            b = m->net->lk_to[k];
        if (HYD_ACTIVE(m, k) &&
            !hyd_consumer_settled(m, k, h->pn[a] - h->pn[b] + h->grav[k]))
            return 0;
    }
    return 1;
}

/* Chord steps: once the flows change by at most CHORD_REL (relative),
 * the slopes 1/w hardly move between iterations (the quadratic law's
 * slope changes by twice the flow's relative change), so the step reuses
 * the last factorisation and w and re-evaluates only the losses (the
 * right-hand side). The flows still meet every nodal balance exactly (the
 * matrix and the flow update use the same w); the iteration then
 * converges linearly at about the slopes' relative change per step, so a
 * chord step that does not at least halve the last change hands back to
 * Newton. Only without pressure-driven consumers, whose linearisation
 * moves their flows and slopes by steps (hyd_consumer_linearise). On
 * grid_10000 the last two of six iterations become chord steps (bench/
 * README.md, "The steady solver after issue 16 item 3"). */
#define CHORD_REL         1e-4
#define CHORD_CONTRACTION 0.5

static int chord_step(const hl_model *m, double alpha, double prev_rel,
                      double contraction)
{
    return alpha == 1.0 && prev_rel <= CHORD_REL &&
           contraction <= CHORD_CONTRACTION && !m->pressure_driven;
}

/* Newton with damping: when the relative flow change grows from one
 * iteration to the next, the next steps are halved (down to 1/16) until
 * it shrinks again; the full step returns once it does. */
static int newton(hl_model *m, struct net_hyd *h, const hl_solve_options *o,
                  newton_report *r)
{
    double alpha = 1.0, prev_rel = INFINITY;
    double contraction = 0.0; /* last step's rel / the one before, after a
                                 chord step; 0 after a Newton step */
    int pump_steps = 0;
    r->rel = r->residual = INFINITY;
    gravity_terms(m, h);
    if (m->net->headloss == HEADLOSS_DARCY)
        hyd_pipe_coeffs(m, h); /* properties are fixed during the solve */
    node_pressures(m, h);
    for (int it = 1; it <= o->max_iterations; it++) {
        r->iterations = it;
        int refactor = !chord_step(m, alpha, prev_rel, contraction);
        assemble(m, h, r, refactor);
        memcpy(h->p_unk_prev, h->p_unk, sizeof(double) * (size_t)h->n_unk);
        if (linear_solve(m, h, refactor))
            return m->err.code;
        double sum_m, change = update_flows(m, h, alpha, &sum_m);
        /* relative to the flows, but a network at rest (a pump against
         * closed ends) has none: there a change within the default mass
         * tolerance counts as settled */
        r->rel = change / fmax(sum_m, HL_REST_FLOW_KG_S);
        if (!isfinite(r->rel))
            return runaway(m);
        r->residual = rigid_flows(m, h, &r->worst_node);
        double miss = 0.0;
        if (alpha == 1.0 && r->rel <= PUMP_STEP_REL && pump_steps < PUMP_STEPS)
            pump_steps +=
                (miss = net_pump_control(m, h->pn, 0)) > NET_CONTROL_TOL_PA;
        if (r->rel <= o->flow_rel_tol && r->residual <= o->mass_tol_kg_s &&
            alpha == 1.0 && miss <= NET_CONTROL_TOL_PA &&
            consumers_settled(m, h))
            return HL_OK;
        /* a chord step that grew the change was let down by its old
         * slopes, not by a step too long: Newton follows, undamped */
        alpha =
            r->rel > prev_rel && refactor ? fmax(alpha * 0.5, 1.0 / 16.0) : 1.0;
        contraction = refactor ? 0.0 : r->rel / prev_rel;
        prev_rel = r->rel;
    }
    char node[120] = "-", link[120] = "-";
    if (r->worst_node >= 0)
        snprintf(node, sizeof node, "'%s'", m->net->nd_id[r->worst_node]);
    if (r->worst_link >= 0)
        snprintf(link, sizeof link, "'%s'", m->net->lk_id[r->worst_link]);
    return net_fail(m, HL_ENOCONVERGE,
                    "hydraulics did not converge in %d iterations: relative "
                    "flow change %.3g (tolerance %.3g), mass residual %.3g "
                    "kg/s at node %s (tolerance %.3g), largest pressure "
                    "residual %.3g Pa at link %s",
                    r->iterations, r->rel, o->flow_rel_tol, r->residual, node,
                    o->mass_tol_kg_s, r->worst_pa, link);
}

/* The linearised balance A W A^T P = rhs of the last Newton step holds
 * at the solution; a change d of link k's loss changes its y by
 * -w_k d, so rhs by +w_k d at its from group and -w_k d at its to group
 * (assemble). A link within one group moves no group pressure. */
int hyd_loss_response(hl_model *m, int k, double d_loss)
{
    struct net_hyd *h = m->hyd;
    int u = h->unk[m->net->lk_from[k]], v = h->unk[m->net->lk_to[k]];
    memset(h->resp, 0, sizeof(double) * ((size_t)h->n_unk + 1));
    if (u == v || h->n_unk == 0 || !h->rhs)
        return HL_OK;
    double *b = h->resp;
    if (u >= 0)
        b[u] += h->w[k] * d_loss;
    if (v >= 0)
        b[v] -= h->w[k] * d_loss;
    hyd_reduce_solve(h, b);
    return HL_OK;
}

/* ---- check valves and pumps --------------------------------------------- */

/* Pressure that would drive forward flow through a closed check link. */
static double drive(hl_model *m, struct net_hyd *h, int k)
{
    double d = node_p(h, m->net->lk_from[k]) - node_p(h, m->net->lk_to[k]) +
               h->grav[k];
    if (m->net->lk_kind[k] == LK_PUMP)
        d += hyd_pump_shutoff(m, m->net->lk_sub[k], m->lk_rho[k]);
    else if (hyd_law(m, k) == LAW_RIGID)
        d += m->net->lk_rise[k];
    return d;
}

static int update_statuses(hl_model *m, struct net_hyd *h)
{
    int changed = 0;
    for (int k = 0; k < m->net->n_links; k++) {
        if (!hyd_check(m, k) || !m->lk_open[k] || hyd_law(m, k) == LAW_FIXED)
            continue;
        if (!m->lk_cv_shut[k] && m->lk_m[k] < -CV_FLOW_TOL) {
            m->lk_cv_shut[k] = 1;
            changed = 1;
        } else if (m->lk_cv_shut[k] && drive(m, h, k) > 1e-6) {
            m->lk_cv_shut[k] = 0;
            changed = 1;
        }
    }
    return changed;
}

static void store_results(hl_model *m, struct net_hyd *h)
{
    for (int i = 0; i < m->net->n_nodes; i++) {
        int u = h->unk[i];
        int cut = u >= 0 && h->unk_cut[u];
        m->nd_connected[i] = (signed char)!cut;
        m->nd_p[i] = cut ? NAN : node_p(h, i);
        m->nd_ext[i] = u < 0 && h->root[i] == i ? h->imb[i] : 0.0;
    }
}

int hyd_solve(hl_model *m, const hl_solve_options *o, int *iterations)
{
    if (!m->hyd && hyd_alloc(m))
        return m->err.code;
    struct net_hyd *h = m->hyd;
    int cold = o->cold_start || !m->solved;
    if (cold)
        cold_start(m, h);
    int total = 0;
    for (int round = 0; round < MAX_STATUS_ROUNDS; round++) {
        int builds = h->builds;
        if (hyd_topology(m, h))
            return m->err.code;
        if (builds != h->builds) /* new unknowns: no warm pressures */
            memset(h->p_unk, 0, sizeof(double) * ((size_t)m->net->n_nodes + 1));
        fixed_demands(m, h);
        if (hyd_components(m, h))
            return m->err.code;
        newton_report r = {0, -1, -1, 0, 0, 0};
        int rc = newton(m, h, o, &r);
        total += r.iterations;
        *iterations = total;
        if (rc)
            return rc;
        if (!update_statuses(m, h))
            break;
        if (round == MAX_STATUS_ROUNDS - 1)
            net_warn(m, "check valves and pumps kept changing state; the "
                        "last state is reported");
    }
    store_results(m, h);
    return HL_OK;
}
