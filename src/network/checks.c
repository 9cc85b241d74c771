/*
 * checks.c - the engineering checks of a solved model, reported as
 * warnings that name the element: boiling (pressure below the saturation
 * pressure at the local temperature, IF97 region 4), pressure below the
 * set minimum, above a pipe's PN, velocity above the limit, water outside
 * the liquid range, consumers short of differential pressure or of supply
 * temperature, flow-control valves that cannot deliver, pumps stopped or
 * run beyond their curve, sources running backwards, heat exchangers that
 * cannot reach their approach, parts cut off by closed valves. Each kind
 * lists its first CHECK_LIST_MAX elements and then counts the rest.
 */
#include "network/hyd.h"
#include "network/verdict.h"
#include "network/thermal.h"
#include "physics/water.h"

#include <math.h>

#define CHECK_LIST_MAX 10
#define BAR            1e5
#define C(t)           ((t)-HL_ZERO_C_K)

enum check_kind {
    CK_BOIL,
    CK_PMIN,
    CK_PN,
    CK_VEL,
    CK_LIQUID,
    CK_CUT,
    CK_CONS_DP,
    CK_CONS_T,
    CK_FCV,
    CK_PUMP,
    CK_SOURCE,
    CK_HX,
    CK_KINDS
};

typedef struct tally {
    int count[CK_KINDS];
} tally;

static const char *more_text[CK_KINDS] = {
    "nodes below the saturation pressure",
    "nodes below the minimum pressure",
    "pipes above their PN",
    "pipes above the velocity limit",
    "nodes outside the liquid range",
    "nodes cut off",
    "consumers short of differential pressure",
    "consumers short of supply temperature",
    "flow-control valves short of pressure",
    "pump notes",
    "source notes",
    "heat-exchanger notes"};

/* 1 if the warning of this kind should be written out. */
static int listed(tally *t, int kind)
{
    return ++t->count[kind] <= CHECK_LIST_MAX;
}

static void node_checks(hl_model *m, tally *t)
{
    const hl_check_limits *lim = &m->limits;
    for (int v = 0; v < m->net->n_nodes; v++) {
        double p = m->nd_p[v], tk = m->nd_t[v];
        if (!m->nd_connected[v]) {
            if (listed(t, CK_CUT))
                net_warn(m,
                         "node '%s' is cut off from every pressure "
                         "reference (closed valves): no flow, pressure "
                         "undefined",
                         m->net->nd_id[v]);
            continue;
        }
        if (!(tk >= HL_ZERO_C_K && tk <= WATER_T_MAX_K) && listed(t, CK_LIQUID))
            net_warn(m,
                     "node '%s': %.2f C is outside the liquid-water range "
                     "of the properties (0 to 350 C)",
                     m->net->nd_id[v], C(tk));
        double ps = water_psat(fluid_clamp_t(tk));
        double p_abs = p + m->net->p_atm;
        if (p_abs < 0.0)
            verdict_add(m, HL_VIOL_NEGATIVE_PRESSURE, HL_NODE, v, p_abs, 0.0);
        else if (p_abs < ps)
            verdict_add(m, HL_VIOL_BOILING, HL_NODE, v, p_abs, ps);
        if (p + m->net->p_atm < ps + lim->saturation_margin_pa &&
            listed(t, CK_BOIL))
            net_warn(m,
                     "node '%s': %.3f bar(a) is below the saturation "
                     "pressure %.3f bar(a) at %.1f C: the water boils",
                     m->net->nd_id[v], (p + m->net->p_atm) / BAR, ps / BAR,
                     C(tk));
        else if (p < lim->min_pressure_pa && listed(t, CK_PMIN))
            net_warn(m,
                     "node '%s': %.3f bar(g) is below the minimum %.3f "
                     "bar(g)",
                     m->net->nd_id[v], p / BAR, lim->min_pressure_pa / BAR);
    }
}

static void pipe_checks(hl_model *m, tally *t)
{
    for (int i = 0; i < m->net->n_pipes; i++) {
        int k = m->net->pp_link[i];
        double pmax =
            fmax(m->nd_p[m->net->lk_from[k]], m->nd_p[m->net->lk_to[k]]);
        if (!isnan(m->net->pp_pn[i]) && pmax > m->net->pp_pn[i])
            verdict_add(m, HL_VIOL_PN, HL_PIPE, i, pmax, m->net->pp_pn[i]);
        if (!isnan(m->net->pp_pn[i]) && pmax > m->net->pp_pn[i] &&
            listed(t, CK_PN))
            net_warn(m, "pipe '%s': %.2f bar(g) is above its PN %.0f",
                     m->net->lk_id[k], pmax / BAR, m->net->pp_pn[i] / BAR);
        double v = fabs(m->lk_m[k]) / (m->lk_rho[k] * m->net->pp_area[i]);
        if (v > m->limits.max_velocity_m_s && listed(t, CK_VEL))
            net_warn(m,
                     "pipe '%s': velocity %.2f m/s is above the limit "
                     "%.2f m/s",
                     m->net->lk_id[k], v, m->limits.max_velocity_m_s);
    }
}

/* A pressure-driven consumer short of differential pressure: what share
 * of the heat it asked for it gets. */
static void consumer_short(hl_model *m, tally *t, int i, double dp)
{
    hl_consumer_result c;
    if (hl_model_consumer_result(m, i, &c) || !listed(t, CK_CONS_DP))
        return;
    double share = c.heat_asked_w > 0.0 ? c.heat_w / c.heat_asked_w : 1.0;
    net_warn(m,
             "consumer '%s' gets %.1f %% of the heat it asks (%.0f of "
             "%.0f kW): its differential pressure %.3f bar is below the "
             "minimum %.3f bar (pressure-driven)",
             m->net->lk_id[m->net->co_link[i]], 100.0 * share, c.heat_w / 1e3,
             c.heat_asked_w / 1e3, dp / BAR,
             m->limits.min_consumer_dp_pa / BAR);
}

static void consumer_checks(hl_model *m, tally *t)
{
    for (int i = 0; i < m->net->n_consumers; i++) {
        int k = m->net->co_link[i];
        if (!m->lk_open[k])
            continue;
        double dp = m->nd_p[m->net->lk_from[k]] - m->nd_p[m->net->lk_to[k]];
        /* pressure-driven: the shortfall is the answer (less flow, less
         * heat), said as a warning with the heat it costs */
        if (dp < m->limits.min_consumer_dp_pa && !m->pressure_driven)
            verdict_add(m, HL_VIOL_CONSUMER_DP, HL_CONSUMER, i, dp,
                        m->limits.min_consumer_dp_pa);
        if (dp < m->limits.min_consumer_dp_pa && m->pressure_driven)
            consumer_short(m, t, i, dp);
        else if (dp < m->limits.min_consumer_dp_pa && listed(t, CK_CONS_DP))
            net_warn(m,
                     "consumer '%s': differential pressure %.3f bar is "
                     "below the minimum %.3f bar",
                     m->net->lk_id[k], dp / BAR,
                     m->limits.min_consumer_dp_pa / BAR);
        int ret = m->net->co_mode[i] == CONS_HEAT_RETURN ||
                  m->net->co_mode[i] == CONS_FLOW_RETURN;
        if (ret && m->co_tin[i] < m->net->co_tret[i] + 1.0 &&
            listed(t, CK_CONS_T))
            net_warn(m,
                     "consumer '%s': supply %.2f C is not above its "
                     "return temperature %.2f C",
                     m->net->lk_id[k], C(m->co_tin[i]), C(m->net->co_tret[i]));
    }
}

static void pump_checks(hl_model *m, tally *t)
{
    for (int i = 0; i < m->net->n_pumps; i++) {
        int k = m->net->pu_link[i];
        if (!m->lk_open[k])
            continue;
        if (m->lk_cv_shut[k] && listed(t, CK_PUMP))
            net_warn(m,
                     "pump '%s' is stopped by its check valve: the "
                     "pressure against it exceeds its shutoff head",
                     m->net->lk_id[k]);
        if (net_pump_saturated(m, m->nd_p, i) && listed(t, CK_PUMP))
            net_warn(m,
                     "pump '%s' cannot hold node '%s' at %.3f bar(g): at "
                     "%.0f %% speed, its limit, the node is at %.3f bar(g)",
                     m->net->lk_id[k], m->net->nd_id[m->net->pu_ctrl_node[i]],
                     m->net->pu_ctrl_p[i] / BAR, 100.0 * m->pu_speed[i],
                     m->nd_p[m->net->pu_ctrl_node[i]] / BAR);
        if (m->lk_cv_shut[k])
            continue;
        double qv = m->lk_m[k] / m->lk_rho[k], qmax = hyd_pump_max_flow(m, i);
        if (qv > qmax) {
            verdict_add(m, HL_VIOL_PUMP_CURVE, HL_PUMP, i, qv, qmax);
            if (listed(t, CK_PUMP))
                net_warn(m,
                         "pump '%s': flow %.4g m3/h is beyond the end of "
                         "its curve",
                         m->net->lk_id[k], qv * 3600.0);
        }
        double rise = pump_rise(m, i);
        if (rise < 0.0 && m->lk_m[k] > THERMAL_ZERO_FLOW) {
            verdict_add(m, HL_VIOL_PUMP_NEGATIVE_RISE, HL_PUMP, i, rise, 0.0);
            if (listed(t, CK_PUMP))
                net_warn(m,
                         "pump '%s' is driven by the network: its rise is "
                         "%.3f bar, and a running pump cannot lower the "
                         "pressure",
                         m->net->lk_id[k], rise / BAR);
        }
    }
}

static void valve_source_checks(hl_model *m, tally *t)
{
    for (int i = 0; i < m->net->n_valves; i++) {
        int k = m->net->va_link[i];
        if (m->net->va_type[i] != VALVE_FLOW || !m->lk_open[k])
            continue;
        double dp = m->nd_p[m->net->lk_from[k]] - m->nd_p[m->net->lk_to[k]];
        m->va_dp[i] = dp;
        if (dp < 0.0 && listed(t, CK_FCV))
            net_warn(m,
                     "flow-control valve '%s' cannot deliver its set flow:"
                     " it would need %.3f bar more",
                     m->net->lk_id[k], -dp / BAR);
    }
    for (int i = 0; i < m->net->n_sources; i++)
        if (m->lk_m[m->net->so_link[i]] < -THERMAL_ZERO_FLOW &&
            listed(t, CK_SOURCE))
            net_warn(m,
                     "source '%s' runs backwards (%.4g kg/s): other "
                     "sources push water into it",
                     m->net->lk_id[m->net->so_link[i]],
                     m->lk_m[m->net->so_link[i]]);
    for (int h = 0; h < m->net->n_hx; h++) {
        if (m->net->hx_mode[h] != HX_APPROACH)
            continue;
        int ks = m->net->hx_sec[h], kp = m->net->hx_pri[h];
        int up = m->lk_m[kp] >= 0 ? m->net->lk_from[kp] : m->net->lk_to[kp];
        int dn = m->lk_m[ks] >= 0 ? m->net->lk_to[ks] : m->net->lk_from[ks];
        double want = m->nd_t[up] - m->net->hx_approach[h];
        if (fabs(m->lk_m[ks]) > THERMAL_ZERO_FLOW &&
            m->nd_t[dn] < want - 0.01 && listed(t, CK_HX))
            net_warn(m,
                     "heat exchanger '%s' cannot reach its approach: "
                     "secondary leaves at %.2f C instead of %.2f C "
                     "(primary flow too small)",
                     m->net->hx_id[h], C(m->nd_t[dn]), C(want));
    }
}

void checks_run(hl_model *m)
{
    tally t = {{0}};
    node_checks(m, &t);
    pipe_checks(m, &t);
    consumer_checks(m, &t);
    pump_checks(m, &t);
    valve_source_checks(m, &t);
    insulation_rating_check(m);
    for (int c = 0; c < CK_KINDS; c++)
        if (t.count[c] > CHECK_LIST_MAX)
            net_warn(m, "... and %d more %s", t.count[c] - CHECK_LIST_MAX,
                     more_text[c]);
}
