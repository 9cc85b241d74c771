/*
 * totals.c - the energy account of a solved model and the pump duties.
 * Heat is booked as enthalpy flow relative to water at 0 C: sources add
 * m (h_out - h_in); consumers take m (h_in - h_out); water entering or
 * leaving at open boundaries (reservoirs, node demands) carries m h.
 * Hence heat_source = heat_delivered + pipe losses + fitting losses up to
 * the solver tolerances; energy_residual_w reports the difference.
 */
#include "network/hyd.h"
#include "network/thermal.h"

#include <math.h>
#include <string.h>

#define UNMET_TOL 1e-5 /* relative */

/* Pressure rise of pump i at its solved flow, Pa. */
double pump_rise(const hl_model *m, int i)
{
    int k = m->net->pu_link[i];
    if (!m->lk_open[k] || m->lk_cv_shut[k])
        return 0.0;
    if (m->net->pu_curve[i] == PUMP_FIXED)
        return m->net->lk_rise[k];
    double g;
    return -hyd_link_loss((hl_model *)m, k, m->lk_m[k], &g);
}

static void pump_totals(hl_model *m, hl_totals *t)
{
    for (int i = 0; i < m->net->n_pumps; i++) {
        int k = m->net->pu_link[i];
        double rise = pump_rise(m, i);
        m->pu_dp[i] = rise;
        double hyd = m->lk_m[k] * rise / m->lk_rho[k];
        if (hyd > 0.0) {
            t->pump_hydraulic_w += hyd;
            t->pump_power_w += hyd / m->net->pu_eff[i];
        }
    }
    for (int i = 0; i < m->net->n_sources; i++) {
        int k = m->net->so_link[i];
        double hyd = m->lk_m[k] * m->net->lk_rise[k] / m->lk_rho[k];
        if (!isnan(m->net->so_eff[i]) && hyd > 0.0) {
            t->pump_hydraulic_w += hyd;
            t->pump_power_w += hyd / m->net->so_eff[i];
        }
    }
}

static void boundary_totals(hl_model *m, hl_totals *t)
{
    const net_fluid *f = &m->net->fluid;
    for (int v = 0; v < m->net->n_nodes; v++) {
        double ext = m->nd_ext[v], d = net_node_demand(m, v) * m->demand_scale;
        double in = (ext > 0 ? ext : 0) + (d < 0 ? -d : 0);
        double out = (ext < 0 ? -ext : 0) + (d > 0 ? d : 0);
        if (in > THERMAL_ZERO_FLOW) {
            double tin = isnan(m->net->nd_inflow_t[v]) ? m->t_ground
                                                       : m->net->nd_inflow_t[v];
            t->heat_source_w += in * fluid_h(f, tin);
        }
        if (out > THERMAL_ZERO_FLOW)
            t->heat_delivered_w += out * m->heat->h_out[v];
        if (!isnan(m->net->nd_fixed_p[v]))
            t->makeup_kg_s += ext;
    }
}

void net_totals(hl_model *m)
{
    hl_totals t = m->totals; /* keeps iterations and rounds */
    t.heat_source_w = t.heat_delivered_w = t.heat_loss_pipes_w = 0.0;
    t.heat_loss_fittings_w = t.pump_power_w = t.pump_hydraulic_w = 0.0;
    t.source_mass_flow_kg_s = t.makeup_kg_s = 0.0;
    memset(t.heat_loss_fittings_by_state_w, 0,
           sizeof t.heat_loss_fittings_by_state_w);
    for (int i = 0; i < m->net->n_sources; i++) {
        t.heat_source_w += isnan(m->so_q[i]) ? 0.0 : m->so_q[i];
        t.source_mass_flow_kg_s += m->lk_m[m->net->so_link[i]];
    }
    for (int i = 0; i < m->net->n_consumers; i++)
        t.heat_delivered_w += isnan(m->co_q[i]) ? 0.0 : m->co_q[i];
    for (int i = 0; i < m->net->n_pipes; i++)
        t.heat_loss_pipes_w += isnan(m->pp_q[i]) ? 0.0 : m->pp_q[i];
    for (int i = 0; i < m->net->n_fittings; i++) {
        double q = isnan(m->fi_q[i]) ? 0.0 : m->fi_q[i];
        t.heat_loss_fittings_w += q;
        t.heat_loss_fittings_by_state_w[m->fi_state[i]] += q;
    }
    boundary_totals(m, &t);
    pump_totals(m, &t);
    t.pump_heat_w = t.heat_unmet_w = 0.0;
    for (int k = 0; k < m->net->n_links; k++)
        t.pump_heat_w += m->lk_mech[k];
    for (int i = 0; i < m->net->n_consumers; i++) {
        hl_consumer_result c;
        /* a shortfall within the coupling's consumer-flow tolerance
         * (10 x the default relative flow tolerance) is the secant's
         * last step, not unmet heat */
        if (hl_model_consumer_result(m, i, &c) == HL_OK &&
            c.heat_asked_w - c.heat_w > UNMET_TOL * c.heat_asked_w)
            t.heat_unmet_w += c.heat_asked_w - c.heat_w;
    }
    double worst = 0.0;
    for (int v = 0; v < m->net->n_nodes; v++) {
        int u = m->hyd->unk[v];
        if (u >= 0 && !m->hyd->unk_cut[u] && fabs(m->hyd->imb[v]) > worst)
            worst = fabs(m->hyd->imb[v]);
    }
    t.mass_residual_kg_s = worst;
    t.energy_residual_w = t.heat_source_w + t.pump_heat_w - t.heat_delivered_w -
                          t.heat_loss_pipes_w - t.heat_loss_fittings_w;
    m->totals = t;
}
