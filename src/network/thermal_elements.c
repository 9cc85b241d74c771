/*
 * thermal_elements.c - what consumers, sources, heat exchangers and valve-
 * chamber fittings do to the water (docs/physics.md, "Thermal"):
 * - consumer: delivers heat; leaves at its return temperature, or its inlet
 *   temperature minus its temperature drop. Given a heat demand, its flow
 *   is Q / (h(T_in) - h(T_out)) with T_in of the previous coupling round.
 * - source: heats to its supply temperature, or adds a fixed heat output.
 * - heat exchanger (counterflow): with an approach, the secondary leaves at
 *   the primary inlet temperature minus the approach; with UA, the
 *   effectiveness-NTU relation for counterflow (Incropera, Fundamentals of
 *   Heat and Mass Transfer, 6th ed., Table 11.3, eq. 11.29a; Cr = 1 limit
 *   NTU / (1 + NTU)). The heat never exceeds what either side can give.
 * - fittings: a heat sink at their node, never cooling the water below the
 *   chamber air (the fittings cannot take more than that).
 */
#include "network/thermal.h"

#include <math.h>

#define MIN_CONSUMER_DT 1.0 /* K: a consumer needs at least this much */
/* A substation cannot cool the network water below the rooms it heats:
 * a temperature-drop consumer whose water arrives cooler than drop + 20 C
 * (a standby flow through a long cold pipe) returns it at 20 C, or as it
 * came if colder still [A]. */
#define CONSUMER_MIN_OUTLET_K (HL_ZERO_C_K + 20.0)

static double supply_guess(const hl_model *m)
{
    double t = NAN;
    for (int i = 0; i < m->net->n_sources; i++)
        if (!isnan(m->so_tsup[i]) && !(m->so_tsup[i] <= t))
            t = m->so_tsup[i];
    return isnan(t) ? m->t_ground + 60.0 : t;
}

/* Outlet temperature of consumer i at inlet t_in. */
static double consumer_t_out(const hl_model *m, int i, double t_in)
{
    if (m->net->co_mode[i] == CONS_HEAT_RETURN ||
        m->net->co_mode[i] == CONS_FLOW_RETURN)
        return m->net->co_tret[i];
    return fmax(t_in - m->net->co_dt[i], fmin(t_in, CONSUMER_MIN_OUTLET_K));
}

/* Heat per kg a consumer takes at inlet t_in, J/kg (>= 1 K worth). */
static double consumer_dh(const hl_model *m, int i, double t_in)
{
    const net_fluid *f = &m->net->fluid;
    double t_out = consumer_t_out(m, i, t_in);
    double dh = fluid_h(f, t_in) - fluid_h(f, t_out);
    double floor = fluid_cp(f, t_in) * MIN_CONSUMER_DT;
    return dh > floor ? dh : floor;
}

/* A fixed-flow consumer asks its flow at the heat per kg of the water
 * reaching it; one that gets no water (pressure-driven, no differential
 * pressure) is asked at the hottest source's supply temperature. */
double net_consumer_fixed_ask(const hl_model *m, int i)
{
    const net_fluid *f = &m->net->fluid;
    int k = m->net->co_link[i];
    double t_in = fabs(m->lk_m[k]) > THERMAL_ZERO_FLOW && !isnan(m->co_tin[i])
                      ? m->co_tin[i]
                      : supply_guess(m);
    double dh = fluid_h(f, t_in) - fluid_h(f, consumer_t_out(m, i, t_in));
    return net_consumer_flow(m, i) * fmax(dh, 0.0);
}

static int heat_mode(const hl_model *m, int i)
{
    return m->net->co_mode[i] == CONS_HEAT_RETURN ||
           m->net->co_mode[i] == CONS_HEAT_DT;
}

double net_consumer_flow(const hl_model *m, int i)
{
    double scale = m->demand_scale;
    if (!heat_mode(m, i))
        return m->co_flow[i] * scale;
    if (!isnan(m->co_m[i]))
        return m->co_m[i];
    double t_in = isnan(m->co_tin[i]) ? supply_guess(m) : m->co_tin[i];
    return m->co_heat[i] * scale / consumer_dh(m, i, t_in);
}

/* The flow a heat-demand consumer draws must solve
 * F(m) = m (h(T_in(m)) - h(T_out)) - Q = 0, with T_in depending on m
 * through the losses upstream. Substitution m = Q / dh(T_in) diverges
 * when the losses are large; a secant step on F through the last two
 * rounds (each consumer on its own) converges, limited to a factor 2 per
 * round. */
static double consumer_next(hl_model *m, int i, int first)
{
    double q = m->co_heat[i] * m->demand_scale;
    double m_now = net_consumer_flow(m, i);
    double dh = consumer_dh(m, i, m->co_tin[i]);
    double f = m_now * dh - q, sub = q / dh, next = sub;
    double dm = m_now - m->co_m_prev[i];
    if (!first && !isnan(m->co_f_prev[i]) && fabs(dm) > 0.0) {
        double slope = (f - m->co_f_prev[i]) / dm;
        if (slope > 0.0 && isfinite(slope))
            next = m_now - f / slope;
    }
    if (m_now > 0.0)
        next = fmin(fmax(next, 0.5 * m_now), 2.0 * m_now);
    m->co_m_prev[i] = m_now;
    m->co_f_prev[i] = f;
    m->co_m[i] = next;
    return m_now > 0.0 ? fabs(next - m_now) / m_now : 0.0;
}

double net_consumer_update(hl_model *m, int first_round)
{
    double worst = 0.0;
    for (int i = 0; i < m->net->n_consumers; i++)
        if (heat_mode(m, i) && m->lk_open[m->net->co_link[i]] &&
            !isnan(m->co_tin[i]))
            worst = fmax(worst, consumer_next(m, i, first_round));
    return worst;
}

double consumer_outlet(hl_model *m, int i, double t_in)
{
    int k = m->net->co_link[i];
    double t_out = consumer_t_out(m, i, t_in);
    m->co_tin[i] = t_in;
    m->co_tout[i] = t_out;
    m->co_q[i] = fabs(m->lk_m[k]) * (fluid_h(&m->net->fluid, t_in) -
                                     fluid_h(&m->net->fluid, t_out));
    return t_out;
}

double source_outlet(hl_model *m, int i, double t_in, double mflow)
{
    const net_fluid *f = &m->net->fluid;
    double t_out = t_in;
    if (mflow > 0.0)
        t_out = isnan(m->net->so_heat[i])
                    ? m->so_tsup[i]
                    : fluid_t_from_h(f, fluid_h(f, t_in) +
                                            m->net->so_heat[i] / mflow);
    m->so_tin[i] = t_in;
    m->so_tout[i] = t_out;
    m->so_q[i] = fabs(mflow) * (fluid_h(f, t_out) - fluid_h(f, t_in));
    return t_out;
}

/* Consumers and sources that carry no flow this sweep exchange no heat;
 * their water is that of their nodes (results from an earlier solve,
 * when they still flowed, must not stay). */
void elements_at_rest(hl_model *m)
{
    for (int i = 0; i < m->net->n_consumers; i++) {
        int k = m->net->co_link[i];
        if (fabs(m->lk_m[k]) > THERMAL_ZERO_FLOW)
            continue;
        m->co_q[i] = 0.0;
        m->co_tin[i] = m->nd_t[m->net->lk_from[k]];
        m->co_tout[i] = m->nd_t[m->net->lk_to[k]];
    }
    for (int i = 0; i < m->net->n_sources; i++) {
        int k = m->net->so_link[i];
        if (fabs(m->lk_m[k]) > THERMAL_ZERO_FLOW)
            continue;
        m->so_q[i] = 0.0;
        m->so_tin[i] = m->nd_t[m->net->lk_from[k]];
        m->so_tout[i] = m->nd_t[m->net->lk_to[k]];
    }
}

/* ---- heat exchangers --------------------------------------------------------
 */

static double side_inlet_h(const hl_model *m, int k)
{
    int up = m->lk_m[k] >= 0.0 ? m->net->lk_from[k] : m->net->lk_to[k];
    return m->heat->h_out[up];
}

/* Heat from primary to secondary, W (>= 0 towards the secondary). */
static double hx_heat(const hl_model *m, int h, double tp, double ts, double mp,
                      double ms)
{
    const net_fluid *f = &m->net->fluid;
    if (mp <= THERMAL_ZERO_FLOW || ms <= THERMAL_ZERO_FLOW)
        return 0.0;
    double q_max = fmin(mp * (fluid_h(f, tp) - fluid_h(f, ts)),
                        ms * (fluid_h(f, tp) - fluid_h(f, ts)));
    double q;
    if (m->net->hx_mode[h] == HX_APPROACH) {
        q = ms * (fluid_h(f, tp - m->net->hx_approach[h]) - fluid_h(f, ts));
    } else {
        double cp = mp * fluid_cp(f, tp), cs = ms * fluid_cp(f, ts);
        double cmin = fmin(cp, cs), cr = cmin / fmax(cp, cs);
        double ntu = m->net->hx_ua[h] / cmin, eff;
        if (fabs(1.0 - cr) < 1e-9)
            eff = ntu / (1.0 + ntu);
        else
            eff = (1.0 - exp(-ntu * (1.0 - cr))) /
                  (1.0 - cr * exp(-ntu * (1.0 - cr)));
        q = eff * cmin * (tp - ts);
    }
    if (q_max <= 0.0)
        return 0.0;
    return q < 0.0 ? 0.0 : (q > q_max ? q_max : q);
}

void hx_exchange(hl_model *m, int h)
{
    const net_fluid *f = &m->net->fluid;
    int kp = m->net->hx_pri[h], ks = m->net->hx_sec[h];
    double mp = fabs(m->lk_m[kp]), ms = fabs(m->lk_m[ks]);
    double hp = side_inlet_h(m, kp), hs = side_inlet_h(m, ks);
    double tp = fluid_t_from_h(f, hp), ts = fluid_t_from_h(f, hs);
    double q = hx_heat(m, h, tp, ts, mp, ms);
    m->hx_q[h] = q;
    if (mp > THERMAL_ZERO_FLOW) {
        int dn = m->lk_m[kp] >= 0.0 ? m->net->lk_to[kp] : m->net->lk_from[kp];
        heat_push(m, dn, mp, NAN, hp - q / mp, 1);
    }
    if (ms > THERMAL_ZERO_FLOW) {
        int dn = m->lk_m[ks] >= 0.0 ? m->net->lk_to[ks] : m->net->lk_from[ks];
        heat_push(m, dn, ms, NAN, hs + q / ms, 1);
    }
}

/* ---- fittings
 * ------------------------------------------------------------------ */

int fitting_sink(hl_model *m, int v, double t_k, double h_k, double m_out,
                 double *q_total)
{
    int a = m->net->nd_fit_start[v], b = m->net->nd_fit_start[v + 1];
    *q_total = 0.0;
    if (a == b)
        return 0;
    double q_sum = 0.0, t_air = 0.0;
    fit_point pt;
    fitting_point(t_k, &pt);
    for (int j = a; j < b; j++) {
        int i = m->net->fit_by_node[j];
        double q = 0.0, ts = t_k;
        if (m_out > 0.0 && fitting_heat(m, i, &pt, &q, &ts))
            q = 0.0; /* error recorded on the model */
        m->fi_on[i] = (signed char)(m_out > 0.0);
        m->fi_q[i] = q;
        m->fi_ts[i] = ts;
        m->fi_tm[i] = t_k;
        q_sum += q;
        t_air += m->ch_air[m->net->fi_chamber[i]];
    }
    t_air /= (b - a);
    /* the water cannot be cooled below (or warmed above) the chamber air;
     * the enthalpy difference is only needed where the heat could reach
     * it (it is at least cp_low per kelvin) */
    double cap = fabs(q_sum);
    if (cap > m_out * m->net->fluid.cp_low * fabs(t_k - t_air))
        cap = fabs(m_out * (h_k - fluid_h(&m->net->fluid, t_air)));
    if (fabs(q_sum) > cap && q_sum != 0.0) {
        double s = cap / fabs(q_sum);
        for (int j = a; j < b; j++)
            m->fi_q[m->net->fit_by_node[j]] *= s;
        q_sum *= s;
    }
    *q_total = q_sum;
    return q_sum != 0.0;
}
