/*
 * surge_from_model.c - the one adapter between the network and the surge
 * engine: a surge_net from a solved model (its nodes, open pipes and other
 * links, the steady pressures and flows as the initial state) and the
 * event (docs/physics.md, "Surge: the network as the engine sees it").
 *
 * - pipes: wave speed given (transient: pipes) or Korteweg with the
 *   water's isentropic bulk modulus at the pipe's mean temperature and
 *   pressure and the wall from the DN's outer diameter; friction the
 *   steady engine's Darcy factor with the pipe's minor losses folded in
 *   (f + zeta D / L), or a given factor;
 * - links with a fixed flow (consumers, flow-control valves) and the
 *   quadratic links (valves, heat-exchanger sides): orifices at their
 *   steady opening (dp / m^2 of the steady state), so the steady state is
 *   the engine's own; a fixed flow where the steady drop is not positive;
 * - links with a fixed rise (sources, fixed-rise pumps): that rise;
 * - pumps: the steady curve by the affinity laws at the steady speed,
 *   forward flow only (a discharge check valve is assumed), a bypass
 *   check valve where the model says so; speed-controlled pumps hold
 *   their steady speed during the event.
 */
#include "network/net.h"
#include "network/net_transient.h"
#include "physics/friction.h"
#include "physics/headloss_empirical.h"
#include "physics/transient.h"
#include "surge/suter_family.h"
#include "surge/surge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_RPM   1490.0 /* [A] 4-pole motor at 50 Hz */
#define DEFAULT_EFF   0.80   /* [A] when the model gives none */
#define BYPASS_LOSS_M 1.0    /* [A] bypass check at the pump's flow */
#define FALLBACK_A    1000.0 /* m/s when no wall is known */
#define M_STEADY_TINY 1e-6   /* kg/s: no flow */

/* Counts: open pipes on the grid, other links as devices (+ bypasses,
 * vessels, relief valves, the extra vessel). */
static void count(const hl_model *m, const hl_surge_options *o, int *n_pipes,
                  int *n_devs)
{
    *n_devs = (o->extra_vessel_node ? 1 : 0) + (o->extra_relief_node ? 1 : 0);
    const net_def *d = m->net;
    const net_transient *t = d->transient;
    *n_pipes = 0;
    for (int k = 0; k < d->n_links; k++) {
        if (d->lk_kind[k] == LK_PIPE)
            *n_pipes += m->lk_open[k] != 0;
        else
            (*n_devs)++;
    }
    for (int i = 0; t && i < t->n_pumps; i++)
        *n_devs += t->bypass[i];
    *n_devs += t ? t->n_vessels + t->n_reliefs + t->n_tanks : 0;
}

static double node_rho(const hl_model *m, int i)
{
    const net_def *d = m->net;
    double sum = 0.0;
    int n = 0;
    for (int j = d->adj_start[i]; j < d->adj_start[i + 1]; j++) {
        sum += m->lk_rho[d->adj_link[j]];
        n++;
    }
    return n > 0 ? sum / n : 1000.0;
}

static int fill_nodes(surge_net *s, struct hl_surge *r, const hl_model *m,
                      hl_error *err)
{
    const net_def *d = m->net;
    for (int i = 0; i < d->n_nodes; i++) {
        if (!isfinite(m->nd_p[i]))
            return hl_error_set(err, HL_ETOPOLOGY,
                                "node '%s' has no steady pressure "
                                "(cut off from every pressure reference)",
                                d->nd_id[i]);
        s->nd_z[i] = d->nd_z[i];
        s->nd_p[i] = m->nd_p[i];
        s->nd_fixed_p[i] = net_node_fixed_p(m, i);
        s->nd_rho[i] = node_rho(m, i);
        s->nd_pv[i] = transient_vapour_pressure(m->nd_t[i]) - d->p_atm;
        if (!isfinite(s->nd_pv[i]))
            s->nd_pv[i] = -INFINITY;
        r->node_id[i] = text_pool_add(&r->strings, d->nd_id[i]);
        r->node_chainage[i] = d->nd_chainage[i];
        if (!r->node_id[i])
            return hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    /* steady outflow of every free node, from the link flows */
    for (int k = 0; k < d->n_links; k++) {
        s->nd_demand[d->lk_from[k]] += m->lk_m[k];
        s->nd_demand[d->lk_to[k]] -= m->lk_m[k];
    }
    for (int i = 0; i < d->n_nodes; i++)
        s->nd_demand[i] = -s->nd_demand[i];
    return HL_OK;
}

/* Entry of link k in the transient pipe or pump list, -1 if none. */
static int transient_entry(const net_transient *t, int k, int pump)
{
    int n = t ? (pump ? t->n_pumps : t->n_pipes) : 0;
    const int *links = t ? (pump ? t->pump_link : t->pipe_link) : NULL;
    for (int i = 0; i < n; i++)
        if (links[i] == k)
            return i;
    return -1;
}

static double korteweg(const hl_model *m, int i, double t_k, double p_abs)
{
    const net_def *d = m->net;
    const net_transient *t = d->transient;
    double od = d->pp_dn[i] > 0 ? net_dn_outer_diameter(d->pp_dn[i]) : NAN;
    double wall = (od - d->pp_d[i]) / 2.0, rho;
    double bulk = transient_water_bulk(t_k, p_abs, &rho);
    double e = t ? t->young_pa : 206e9, nu = t ? t->poisson : 0.3;
    int restraint = t ? t->restraint : RESTRAINT_ANCHORED;
    return transient_wave_speed(bulk, rho, d->pp_d[i], wall, e,
                                transient_restraint_c1(restraint, nu));
}

static double steady_friction(const hl_model *m, int i)
{
    const net_def *d = m->net;
    double f = m->pp_f[i];
    if (!isfinite(f) || f <= 0.0) { /* no flow: the fully rough factor */
        double df;
        f = friction_colebrook(1e8, d->pp_eps[i] / d->pp_d[i], &df, NULL);
    }
    return f + d->pp_zeta[i] * d->pp_d[i] / d->pp_len[i];
}

static int fill_pipe(surge_net *s, struct hl_surge *r, const hl_model *m, int k,
                     int p, int *n_fallback)
{
    const net_def *d = m->net;
    const net_transient *t = d->transient;
    int i = d->lk_sub[k], e = transient_entry(t, k, 0);
    int u = d->lk_from[k], v = d->lk_to[k];
    double t_k = 0.5 * (m->pp_tin[i] + m->pp_tout[i]);
    if (!isfinite(t_k))
        t_k = 0.5 * (m->nd_t[u] + m->nd_t[v]);
    double p_abs = 0.5 * (m->nd_p[u] + m->nd_p[v]) + d->p_atm;
    double a = e >= 0 && isfinite(t->wave_speed[e])
                   ? t->wave_speed[e]
                   : korteweg(m, i, t_k, p_abs);
    if (!isfinite(a)) {
        a = FALLBACK_A;
        (*n_fallback)++;
    }
    s->pp_from[p] = u;
    s->pp_to[p] = v;
    s->pp_len[p] = d->pp_len[i];
    s->pp_d[p] = d->pp_d[i];
    s->pp_area[p] = d->pp_area[i];
    s->pp_a[p] = a;
    int law = d->headloss == HEADLOSS_HAZEN &&
              !(e >= 0 && isfinite(t->friction[e])) && d->pp_law_r[i] > 0.0;
    s->pp_f[p] = e >= 0 && isfinite(t->friction[e])
                     ? t->friction[e]
                     : steady_friction(r->ref ? r->ref : m, i);
    if (law) { /* Hazen-Williams at each reach's own flow; the minor loss
                  stays a Darcy term */
        s->pp_f[p] = d->pp_zeta[i] * d->pp_d[i] / d->pp_len[i];
        s->pp_rlaw[p] = d->pp_law_r[i];
        s->pp_fexp[p] = HAZEN_EXPONENT;
    }
    s->pp_rho[p] = m->lk_rho[k];
    s->pp_q0[p] = m->lk_m[k] / m->lk_rho[k];
    s->pp_pv[p] = transient_vapour_pressure(t_k) - d->p_atm;
    if (!isfinite(s->pp_pv[p]))
        s->pp_pv[p] = -INFINITY;
    r->pipe_id[p] = text_pool_add(&r->strings, d->lk_id[k]);
    r->pipe_pn[p] = d->pp_pn[i];
    for (int end = 0; end < 2 && isfinite(d->pp_pn[i]); end++) {
        int nd = end ? v : u;
        if (!(r->node_pn[nd] <= d->pp_pn[i]))
            r->node_pn[nd] = d->pp_pn[i];
    }
    r->pipe_a[p] = a;
    r->a_min = fmin(r->a_min, a);
    r->a_max = fmax(r->a_max, a);
    return r->pipe_id[p] ? HL_OK : HL_ENOMEM;
}

/* dp / m|m| of link k in the running model ref (pump-start), -1 if it
 * has no flow there. */
static double running_k(const hl_model *ref, int k)
{
    if (!ref)
        return -1.0;
    const net_def *d = ref->net;
    int u = d->lk_from[k], v = d->lk_to[k];
    double mf = ref->lk_m[k],
           dp = ref->nd_p[u] - ref->nd_p[v] +
                ref->lk_rho[k] * d->g * (d->nd_z[u] - d->nd_z[v]);
    return fabs(mf) > M_STEADY_TINY && dp * mf > 0.0 ? dp / (mf * fabs(mf))
                                                     : -1.0;
}

/* An orifice at the steady opening, or a fixed flow without a positive
 * steady drop; a link without flow takes its loss from the running model
 * of a pump start when it flows there. */
static void orifice(surge_net *s, int j, const hl_model *m, int k,
                    double k_fallback, const hl_model *ref)
{
    double k_run = running_k(ref, k);
    if (fabs(m->lk_m[k]) <= M_STEADY_TINY && k_run > 0.0) {
        s->dv_kind[j] = DEV_ORIFICE;
        s->dv_k[j] = k_run;
        return;
    }
    double mf = m->lk_m[k],
           dp = s->nd_p[s->dv_from[j]] - s->nd_p[s->dv_to[j]] +
                s->dv_rho[j] * s->g *
                    (s->nd_z[s->dv_from[j]] - s->nd_z[s->dv_to[j]]);
    s->dv_kind[j] = DEV_ORIFICE;
    if (fabs(mf) > M_STEADY_TINY && dp * mf > 0.0) {
        s->dv_k[j] = dp / (mf * fabs(mf));
    } else if (fabs(mf) > M_STEADY_TINY || !(k_fallback >= 0.0)) {
        s->dv_kind[j] = DEV_FIXED_FLOW;
        s->dv_mfix[j] = mf;
    } else {
        s->dv_k[j] = k_fallback;
    }
}

/* Pump curve of pump i as h0 - r q^n (tables: a parabola through the
 * first point's shut-off and the last point). */
static void pump_curve(surge_net *s, int j, const net_def *d, int i)
{
    s->dv_h0[j] = d->pu_h0[i];
    s->dv_r[j] = d->pu_r[i];
    s->dv_n[j] = d->pu_n[i];
    if (d->pu_curve[i] == PUMP_TABLE) {
        const double *x = d->pu_q + i * NET_MAX_CURVE,
                     *y = d->pu_h + i * NET_MAX_CURVE;
        int np = d->pu_npts[i];
        double slope = (y[1] - y[0]) / (x[1] - x[0]);
        s->dv_h0[j] = y[0] - slope * x[0];
        s->dv_r[j] = (s->dv_h0[j] - y[np - 1]) / (x[np - 1] * x[np - 1]);
        s->dv_n[j] = 2.0;
    }
}

static int fill_pump(surge_net *s, struct hl_surge *r, const hl_model *m, int k,
                     int j)
{
    const net_def *d = m->net;
    int i = d->lk_sub[k];
    (void)r;
    if (d->pu_curve[i] == PUMP_FIXED) {
        s->dv_kind[j] = DEV_RIGID;
        s->dv_rise[j] = d->lk_rise[k];
        return HL_OK;
    }
    s->dv_kind[j] = DEV_PUMP;
    pump_curve(s, j, d, i);
    s->dv_par[j] = d->pu_parallel[i] > 0 ? d->pu_parallel[i] : 1;
    s->dv_s0[j] = m->pu_speed[i];
    s->dv_open[j] =
        (signed char)(m->lk_open[k] && !m->lk_cv_shut[k] && m->lk_m[k] >= 0.0);
    return HL_OK;
}

/* Run-down time constant of pump device j (link k): I w^2 / P per unit. */
static double rundown_tau(const surge_net *s, int j, const hl_model *m, int k,
                          struct hl_surge *r)
{
    const net_def *d = m->net;
    const net_transient *t = d->transient;
    int e = transient_entry(t, k, 1), i = d->lk_sub[k];
    double inertia = e >= 0 ? t->inertia_kg_m2[e] : NAN;
    double rpm =
        e >= 0 && isfinite(t->speed_rpm[e]) ? t->speed_rpm[e] : DEFAULT_RPM;
    if (!isfinite(inertia)) {
        text_list_add(&r->warn,
                      "pump '%s' has no inertia_kg_m2 (transient: pumps): it "
                      "stops at once when it trips",
                      d->lk_id[k]);
        return 0.0;
    }
    double eff = isfinite(d->pu_eff[i]) && d->pu_eff[i] > 0.0 ? d->pu_eff[i]
                                                              : DEFAULT_EFF;
    double rise = s->nd_p[s->dv_to[j]] - s->nd_p[s->dv_from[j]];
    double q_unit = m->lk_m[k] / (s->dv_rho[j] * s->dv_par[j]);
    double power = fabs(rise * q_unit) / eff;
    double w = rpm * 2.0 * M_PI / 60.0 * s->dv_s0[j];
    return power > 0.0 ? inertia * w * w / power : INFINITY;
}

static void fill_bypass(surge_net *s, int j, int pump_dev, const hl_model *m,
                        int k)
{
    s->dv_kind[j] = DEV_CHECK;
    s->dv_from[j] = s->dv_from[pump_dev];
    s->dv_to[j] = s->dv_to[pump_dev];
    s->dv_rho[j] = s->dv_rho[pump_dev];
    double mf = fmax(fabs(m->lk_m[k]), 1.0);
    s->dv_k[j] = s->dv_rho[j] * s->g * BYPASS_LOSS_M / (mf * mf);
    s->dv_open[j] = 0;
}

/* An air vessel as device j at node: gas volume v at the node's steady
 * pressure, exponent n, throttle zeta_in / zeta_out on diameter d
 * (k = zeta / (2 rho A^2)). */
static void set_vessel(surge_net *s, int j, int node, double v, double n,
                       double d, double zeta_in, double zeta_out)
{
    double rho = s->nd_rho[node], area = M_PI * d * d / 4.0;
    s->dv_kind[j] = DEV_AIR;
    s->dv_from[j] = s->dv_to[j] = node;
    s->dv_rho[j] = rho;
    s->dv_gas_n[j] = n;
    s->dv_gas_v[j] = v;
    s->dv_gas_c[j] = (s->nd_p[node] + s->p_atm) * pow(v, n);
    s->dv_k[j] = zeta_in / (2.0 * rho * area * area);
    s->dv_k_out[j] = zeta_out / (2.0 * rho * area * area);
}

static int fill_vessel(surge_net *s, struct hl_surge *r, const hl_model *m,
                       int v, int j)
{
    const net_transient *t = m->net->transient;
    int node = t->vessel_node[v];
    set_vessel(s, j, node, t->gas_m3[v], t->polytropic[v], t->conn_d_m[v],
               t->zeta_in[v], t->zeta_out[v]);
    r->vessel_id[v] = text_pool_add(&r->strings, t->vessel_id[v]);
    r->vessel_node[v] = r->node_id[node];
    r->vessel_dev[v] = j;
    return r->vessel_id[v] ? HL_OK : HL_ENOMEM;
}

/* The extra vessel of the options (sizing) as vessel v, device j. */
static int fill_extra_vessel(surge_net *s, struct hl_surge *r,
                             const hl_model *m, const hl_surge_options *o,
                             int v, int j, hl_error *err)
{
    const net_def *d = m->net;
    int node = index_get(&d->node_ix, o->extra_vessel_node);
    if (node < 0)
        return hl_error_set(err, HL_ENOTFOUND,
                            "air vessel: no node '%s' in the model",
                            o->extra_vessel_node);
    if (!(o->extra_vessel_m3 > 0.0))
        return hl_error_set(err, HL_ERANGE,
                            "air vessel at '%s': gas volume %g m3: expected "
                            "> 0",
                            o->extra_vessel_node, o->extra_vessel_m3);
    double dmax = 0.1;
    for (int a = d->adj_start[node]; a < d->adj_start[node + 1]; a++) {
        int k = d->adj_link[a];
        if (d->lk_kind[k] == LK_PIPE)
            dmax = fmax(dmax, d->pp_d[d->lk_sub[k]]);
    }
    set_vessel(s, j, node, o->extra_vessel_m3, 1.2, 0.5 * dmax, 2.5, 1.0);
    r->vessel_id[v] = text_pool_add(&r->strings, "sized");
    r->vessel_node[v] = r->node_id[node];
    r->vessel_dev[v] = j;
    return r->vessel_id[v] ? HL_OK : HL_ENOMEM;
}

/* A relief valve as device j, valve v of the run, at node: closed at the
 * steady state (the set pressure above it, else it discharges from the
 * start); dp - set = k m^2 with k = accumulation / capacity^2. */
static int set_relief(surge_net *s, struct hl_surge *r, const hl_model *m,
                      int v, int j, const char *id, int node, double set,
                      double cap, double acc)
{
    s->dv_kind[j] = DEV_RELIEF;
    s->dv_from[j] = s->dv_to[j] = node;
    s->dv_rho[j] = s->nd_rho[node];
    s->dv_rise[j] = set;
    s->dv_k[j] = acc / (cap * cap);
    s->dv_open[j] = 0;
    if (s->nd_p[node] > set)
        text_list_add(&r->warn,
                      "relief valve '%s' is set below the steady pressure "
                      "at '%s': it discharges from the start",
                      id, m->net->nd_id[node]);
    r->relief_id[v] = text_pool_add(&r->strings, id);
    r->relief_node[v] = r->node_id[node];
    r->relief_dev[v] = j;
    r->relief_cap[v] = cap;
    r->relief_acc[v] = acc;
    return r->relief_id[v] ? HL_OK : HL_ENOMEM;
}

static int fill_relief(surge_net *s, struct hl_surge *r, const hl_model *m,
                       int v, int j)
{
    const net_transient *t = m->net->transient;
    return set_relief(s, r, m, v, j, t->relief_id[v], t->relief_node[v],
                      t->relief_set_pa[v], t->relief_cap_kg_s[v],
                      t->relief_acc_pa[v]);
}

/* The extra relief valve of the options (sizing) as valve v, device j:
 * accumulation 10 % of the set pressure (the model's default). */
static int fill_extra_relief(surge_net *s, struct hl_surge *r,
                             const hl_model *m, const hl_surge_options *o,
                             int v, int j, hl_error *err)
{
    int node = index_get(&m->net->node_ix, o->extra_relief_node);
    if (node < 0)
        return hl_error_set(err, HL_ENOTFOUND,
                            "relief valve: no node '%s' in the model",
                            o->extra_relief_node);
    double set = o->extra_relief_set_pa, cap = o->extra_relief_cap_kg_s;
    if (!(set > 0.0) || !(cap > 0.0) || !isfinite(set) || !isfinite(cap))
        return hl_error_set(err, HL_ERANGE,
                            "relief valve at '%s': set %g Pa, capacity %g "
                            "kg/s: expected both > 0",
                            o->extra_relief_node, set, cap);
    int rc = set_relief(s, r, m, v, j, "sized", node, set, cap, 0.1 * set);
    return rc ? hl_error_set(err, rc, "out of memory") : HL_OK;
}

/* Surge tank v as device j: open (level = the node's steady head) or
 * one-way (level given, at most the steady head: shut at rest). */
static int fill_tank(surge_net *s, struct hl_surge *r, const hl_model *m, int v,
                     int j, hl_error *err)
{
    const net_transient *t = m->net->transient;
    int node = t->tank_node[v];
    double rho = s->nd_rho[node];
    double head = s->nd_z[node] + s->nd_p[node] / (rho * s->g);
    double level = isfinite(t->tank_level_m[v]) ? t->tank_level_m[v] : head;
    if (!t->tank_one_way[v] && fabs(level - head) > 0.01)
        return hl_error_set(err, HL_EINVAL,
                            "surge tank '%s': level %g m is not the steady "
                            "head %g m at '%s' (an open tank stands at it; "
                            "leave level_m out)",
                            t->tank_id[v], level, head, m->net->nd_id[node]);
    if (t->tank_one_way[v] && level > head)
        return hl_error_set(err, HL_EINVAL,
                            "surge tank '%s': one-way tank's level %g m is "
                            "above the steady head %g m at '%s' (it would "
                            "feed at rest)",
                            t->tank_id[v], level, head, m->net->nd_id[node]);
    s->dv_kind[j] = DEV_TANK;
    s->dv_from[j] = s->dv_to[j] = node;
    s->dv_rho[j] = rho;
    s->dv_open[j] = (signed char)!t->tank_one_way[v];
    double d = t->tank_d_m[v];
    if (isfinite(d) && d > 0.0) {
        double area = M_PI * d * d / 4.0;
        s->dv_k[j] = t->tank_zin[v] / (2.0 * rho * area * area);
        s->dv_k_out[j] = t->tank_zout[v] / (2.0 * rho * area * area);
    }
    surge_tank *tk = &s->tank[j];
    tk->area = t->tank_area_m2[v];
    tk->level = tk->lmin = tk->lmax = level;
    tk->bottom = t->tank_bottom_m[v];
    tk->top = t->tank_top_m[v];
    tk->one_way = t->tank_one_way[v];
    r->tank_id[v] = text_pool_add(&r->strings, t->tank_id[v]);
    r->tank_node[v] = r->node_id[node];
    r->tank_dev[v] = j;
    return r->tank_id[v] ? HL_OK
                         : hl_error_set(err, HL_ENOMEM, "out of memory");
}

/* The closure delay the transient section gives check valve link k (0:
 * none). */
static double check_delay_of(const net_transient *t, int k)
{
    for (int i = 0; t && i < t->n_checks; i++)
        if (t->check_link[i] == k)
            return t->check_valve_delay_s[i];
    return 0.0;
}

static void fill_device(surge_net *s, struct hl_surge *r, const hl_model *m,
                        int k, int j)
{
    const net_def *d = m->net;
    int i = d->lk_sub[k];
    s->dv_from[j] = d->lk_from[k];
    s->dv_to[j] = d->lk_to[k];
    s->dv_rho[j] = m->lk_rho[k];
    s->dv_m[j] = m->lk_m[k];
    if (d->lk_kind[k] == LK_PUMP) {
        fill_pump(s, r, m, k, j);
    } else if (d->lk_law[k] == LAW_RIGID) {
        s->dv_kind[j] = DEV_RIGID;
        s->dv_rise[j] = d->lk_rise[k];
    } else if (d->lk_kind[k] == LK_VALVE) {
        orifice(s, j, m, k, d->va_kvol[i] / m->lk_rho[k], r->ref);
        if (d->va_type[i] == VALVE_CHECK && s->dv_kind[j] == DEV_ORIFICE) {
            s->dv_kind[j] = DEV_CHECK;
            s->dv_open[j] = (signed char)!m->lk_cv_shut[k];
            s->dv_cdelay[j] = check_delay_of(d->transient, k);
        }
    } else {
        orifice(s, j, m, k, -1.0, r->ref);
    }
    if (!m->lk_open[k]) { /* closed all along */
        s->dv_kind[j] =
            s->dv_kind[j] == DEV_FIXED_FLOW ? DEV_ORIFICE : s->dv_kind[j];
        s->dv_t0[j] = -1.0;
        s->dv_tc[j] = 0.0;
        s->dv_m[j] = 0.0;
    }
}

/* ---- the event -------------------------------------------------------- */

/* Whether name is one of the comma-separated names of list (stations
 * tripped together, as an interlock trips them). */
static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return 1;
        if (!end)
            return 0;
        p = end + 1;
    }
}

static int is_pump_of(const net_def *d, int k, int event, const char *target)
{
    if (d->lk_kind[k] != LK_PUMP)
        return 0;
    if (event == HL_SURGE_POWER_FAILURE)
        return 1;
    if (event == HL_SURGE_PUMP_TRIP)
        return strcmp(d->lk_id[k], target) == 0;
    const char *st = d->pu_station[d->lk_sub[k]];
    return st && in_list(target, st);
}

/* A station-trip naming several stations: each must have a pump. */
static int stations_all_found(const net_def *d, const char *target,
                              hl_error *err)
{
    char name[128];
    for (const char *p = target; p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        int found = 0;
        for (int k = 0; k < d->n_links && !found; k++)
            found = d->lk_kind[k] == LK_PUMP && d->pu_station[d->lk_sub[k]] &&
                    strcmp(d->pu_station[d->lk_sub[k]], name) == 0;
        if (!found)
            return hl_error_set(err, HL_ENOTFOUND,
                                "station '%s': not in the model", name);
        p = end ? end + 1 : NULL;
    }
    return HL_OK;
}

/* Suter table w scaled by k into a new array (NULL: out of memory). */
static double *scaled_table(const double *w, int n, double k)
{
    double *out = malloc(sizeof(double) * (size_t)n);
    for (int i = 0; out && i < n; i++)
        out[i] = k * w[i];
    return out;
}

/* The Suter tables of transient entry e: given, or the built-in family
 * its `suter:` key names or (auto) the one nearest the specific speed ns;
 * NULL for the affinity run-down. */
static const double *entry_tables(const net_transient *t, int e, double ns,
                                  const double **wb, int *n,
                                  const char **source)
{
    if (t->n_suter[e] > 0) {
        *wb = t->suter_wb[e];
        *n = t->n_suter[e];
        *source = "given";
        return t->suter_wh[e];
    }
    if (t->suter[e] == SUTER_AFFINITY)
        return NULL;
    int f = t->suter[e] == SUTER_AUTO ? suter_family_nearest(ns)
                                      : t->suter[e] - SUTER_NS25;
    const suter_family *fam = suter_family_get(f);
    if (!fam)
        return NULL;
    *wb = fam->wb;
    *n = SUTER_FAMILY_N;
    *source = fam->name;
    return fam->wh;
}

/* A tripped pump with a rotor (inertia) runs in four quadrants
 * (moc_pump4q.c) on its given Suter curves or a built-in family's:
 * rated point = its steady operating point (flow per unit, head, speed,
 * torque P / w); the tables, normalised by their own rated point, are
 * scaled to pass through it (warned when that moves them by more than
 * 10 %). Without a forward flow and head to rate by, or with
 * `suter: affinity`, it keeps the affinity run-down. */
static int setup_p4q(surge_net *s, struct hl_surge *r, const hl_model *m, int k,
                     int j, double tm, hl_error *err)
{
    const net_def *d = m->net;
    const net_transient *t = d->transient;
    int e = transient_entry(t, k, 1);
    if (e < 0 || !(tm > 0.0) || !isfinite(tm) ||
        (t->n_suter[e] == 0 && t->suter[e] == SUTER_AFFINITY))
        return HL_OK;
    int u = s->dv_from[j], v = s->dv_to[j], n = 0;
    double rho = s->dv_rho[j], qr = m->lk_m[k] / (rho * s->dv_par[j]);
    double hr =
        (s->nd_p[v] - s->nd_p[u]) / (rho * s->g) + s->nd_z[v] - s->nd_z[u];
    if (!(qr > 0.0) || !(hr > 0.0)) {
        text_list_add(&r->warn,
                      "pump '%s' has no forward flow and head to rate its "
                      "Suter curves by: affinity run-down",
                      d->lk_id[k]);
        return HL_OK;
    }
    double rpm = isfinite(t->speed_rpm[e]) ? t->speed_rpm[e] : DEFAULT_RPM;
    double ns = suter_specific_speed(rpm * s->dv_s0[j], qr, hr);
    const double *wb0 = NULL;
    const char *source = NULL;
    const double *wh0 = entry_tables(t, e, ns, &wb0, &n, &source);
    if (!wh0)
        return HL_OK;
    double da, dv;
    double wh = surge_homologous(wh0, n, 1.0, 1.0, &da, &dv);
    double wb = surge_homologous(wb0, n, 1.0, 1.0, &da, &dv);
    if (!(wh > 0.0) || !(wb > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "pump '%s': its Suter curves give no pumping "
                            "head or torque at the rated point (WH, WB at "
                            "225 degrees: %g, %g; expected > 0)",
                            d->lk_id[k], wh / 2.0, wb / 2.0);
    if (fabs(wh - 1.0) > 0.1 || fabs(wb - 1.0) > 0.1)
        text_list_add(&r->warn,
                      "pump '%s': Suter curves scaled by %.3f (head) and "
                      "%.3f (torque) to pass through the steady operating "
                      "point",
                      d->lk_id[k], 1.0 / wh, 1.0 / wb);
    surge_pump4q *p = &s->p4q[j];
    p->wh = scaled_table(wh0, n, 1.0 / wh);
    p->wb = scaled_table(wb0, n, 1.0 / wb);
    if (!p->wh || !p->wb)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    p->n = n;
    p->hr = hr;
    p->qr = qr;
    p->tm = tm;
    p->alpha = p->alpha_min = p->v_min = 1.0;
    p->beta = 1.0;
    p->check = t->check[e];
    s->dv_cdelay[j] = t->check_delay_s[e];
    p->source = source;
    p->ns = ns;
    return HL_OK;
}

/* Pump device j (link k) in the list of tripped pumps; its lowest flow and
 * speed tracked from here (moc_cluster.c). */
static int note_tripped(surge_net *s, struct hl_surge *r, const hl_model *m,
                        int k, int j)
{
    int n = r->n_pumps;
    const char **ids = realloc(r->pump_id, sizeof *ids * ((size_t)n + 1));
    if (!ids)
        return HL_ENOMEM;
    r->pump_id = ids;
    int *devs = realloc(r->pump_dev, sizeof *devs * ((size_t)n + 1));
    if (!devs)
        return HL_ENOMEM;
    r->pump_dev = devs;
    if (!(ids[n] = text_pool_add(&r->strings, m->net->lk_id[k])))
        return HL_ENOMEM;
    devs[n] = j;
    r->n_pumps++;
    surge_pump4q *p = &s->p4q[j];
    if (p->n == 0) {
        p->qr = fmax(m->lk_m[k], 0.0) / (s->dv_rho[j] * s->dv_par[j]);
        p->alpha_min = p->v_min = 1.0;
    }
    return HL_OK;
}

static int apply_trips(surge_net *s, struct hl_surge *r, const hl_model *m,
                       const hl_surge_options *o, const int *dev_of_link,
                       hl_error *err)
{
    const net_def *d = m->net;
    int hits = 0;
    int rc = o->event == HL_SURGE_STATION_TRIP && o->target
                 ? stations_all_found(d, o->target, err)
                 : HL_OK;
    if (rc)
        return rc;
    for (int k = 0; k < d->n_links; k++) {
        if (!is_pump_of(d, k, o->event, o->target))
            continue;
        hits++;
        int j = dev_of_link[k];
        if (s->dv_kind[j] != DEV_PUMP)
            continue;
        s->dv_trip[j] = o->event_time_s;
        s->dv_tau[j] = rundown_tau(s, j, m, k, r);
        rc = setup_p4q(s, r, m, k, j, s->dv_tau[j], err);
        if (rc)
            return rc;
        int e = transient_entry(d->transient, k, 1);
        if (e >= 0 && d->transient->check_delay_s[e] > 0.0 && s->p4q[j].n == 0)
            text_list_add(&r->warn,
                          "pump '%s': check_closure_delay_s needs the "
                          "four-quadrant run-down (inertia_kg_m2 and "
                          "curves): its check valve closes at once",
                          d->lk_id[k]);
        rc = note_tripped(s, r, m, k, j);
        if (rc)
            return hl_error_set(err, rc, "out of memory");
    }
    if (hits == 0)
        return hl_error_set(err, HL_ENOTFOUND, "%s '%s': not in the model",
                            o->event == HL_SURGE_PUMP_TRIP ? "pump" : "station",
                            o->target ? o->target : "");
    return HL_OK;
}

/* The started pump (stopped in m's steady state): its check valve shut,
 * its speed ramping from 0 at the event time to its running speed. */
static int apply_start(surge_net *s, struct hl_surge *r, const hl_model *m,
                       const hl_surge_options *o, const int *dev_of_link,
                       hl_error *err)
{
    const net_def *d = m->net;
    int k = o->target ? index_get(&d->link_ix, o->target) : -1;
    if (k < 0 || d->lk_kind[k] != LK_PUMP)
        return hl_error_set(err, HL_ENOTFOUND,
                            "pump-start: no pump '%s' in the model",
                            o->target ? o->target : "");
    int j = dev_of_link[k];
    if (s->dv_kind[j] != DEV_PUMP)
        return hl_error_set(err, HL_EINVAL,
                            "pump-start: '%s' is a fixed-rise pump (no "
                            "curve to start on)",
                            o->target);
    s->dv_t0[j] = INFINITY; /* not closed: its check valve decides */
    s->dv_tc[j] = 0.0;
    s->dv_open[j] = 0;
    s->dv_m[j] = 0.0;
    s->dv_s0[j] = r->start_speed > 0.0 ? r->start_speed : 1.0;
    surge_pump4q *p = &s->p4q[j];
    p->starting = 1;
    p->start_t = o->event_time_s;
    p->ramp_s = o->ramp_s;
    int rc = note_tripped(s, r, m, k, j);
    if (rc)
        return hl_error_set(err, rc, "out of memory");
    p->qr = fmax(r->start_flow, 0.0) / (s->dv_rho[j] * s->dv_par[j]);
    p->alpha_min = 0.0;
    p->v_min = 0.0;
    return HL_OK;
}

/* The closed valve's law. A valve with a steady drop closes on it; one
 * without (an open valve with no minor loss: a rigid link of no rise)
 * closes as an orifice of the open loss the event gives, counted beyond
 * the open state so that it starts from the steady state (DEV_OPEN_LOSS;
 * docs/physics.md "Surge", Validation). */
static int open_loss(surge_net *s, const hl_model *m, int k, int j,
                     const hl_surge_options *o, hl_error *err)
{
    const net_def *d = m->net;
    int lossless = s->dv_kind[j] == DEV_RIGID && s->dv_rise[j] == 0.0 &&
                   d->lk_kind[k] == LK_VALVE;
    if (o->open_zeta > 0.0 && !lossless)
        return hl_error_set(err, HL_EINVAL,
                            "valve-close: '%s' has its loss in the steady "
                            "state (zeta on the event is for an open valve "
                            "without one)",
                            o->target);
    if (s->dv_kind[j] == DEV_FIXED_FLOW || s->dv_kind[j] == DEV_RIGID) {
        if (!lossless || !(o->open_zeta > 0.0))
            return hl_error_set(
                err, HL_EINVAL,
                "valve-close: '%s' has no steady pressure drop to close "
                "against (fixed flow or rise)%s",
                o->target,
                lossless ? "; give its fully open loss (:zeta=Z)" : "");
        double dm = d->va_d[d->lk_sub[k]];
        if (!(dm > 0.0))
            return hl_error_set(err, HL_EINVAL,
                                "valve-close: '%s' has no diameter for its "
                                "open loss zeta",
                                o->target);
        double area = M_PI * dm * dm / 4.0;
        s->dv_kind[j] = DEV_OPEN_LOSS;
        s->dv_k[j] = o->open_zeta / (2.0 * s->dv_rho[j] * area * area);
    }
    return HL_OK;
}

static int apply_event(surge_net *s, struct hl_surge *r, const hl_model *m,
                       const hl_surge_options *o, const int *dev_of_link,
                       hl_error *err)
{
    const net_def *d = m->net;
    if (o->event == HL_SURGE_NONE)
        return HL_OK;
    if (o->event == HL_SURGE_PUMP_START)
        return apply_start(s, r, m, o, dev_of_link, err);
    if (o->event != HL_SURGE_VALVE_CLOSE)
        return apply_trips(s, r, m, o, dev_of_link, err);
    int k = o->target ? index_get(&d->link_ix, o->target) : -1;
    if (k < 0 || d->lk_kind[k] == LK_PIPE || d->lk_kind[k] == LK_PUMP)
        return hl_error_set(err, HL_ENOTFOUND,
                            "valve-close: no valve '%s' in the model",
                            o->target ? o->target : "");
    int j = dev_of_link[k];
    int rc = open_loss(s, m, k, j, o, err);
    if (rc)
        return rc;
    s->dv_t0[j] = o->event_time_s;
    s->dv_tc[j] = o->closure_s;
    s->dv_curve[j] = (signed char)o->closure_curve;
    const net_transient *t = d->transient;
    for (int v = 0; t && v < t->n_valve_chars; v++)
        if (t->vc_link[v] == k) {
            s->dv_kvn[j] = t->vc_n[v];
            s->dv_kvx[j] = t->vc_open[v];
            s->dv_kvy[j] = t->vc_kv[v];
        }
    return HL_OK;
}

/* Pumps whose drive keeps their steady pressure through the event
 * (o->pump_control; moc_control.c): every running pump with a control
 * node in the steady model that the event neither trips nor starts. */
static int apply_controls(surge_net *s, struct hl_surge *r, const hl_model *m,
                          const hl_surge_options *o, const int *dev_of_link,
                          hl_error *err)
{
    const net_def *d = m->net;
    s->ctrl_ramp = o->control_ramp_per_s;
    s->ctrl_band = o->control_band_pa;
    for (int k = 0; o->pump_control && k < d->n_links; k++) {
        int j = dev_of_link[k];
        if (d->lk_kind[k] != LK_PUMP || j < 0 || s->dv_kind[j] != DEV_PUMP)
            continue;
        int i = d->lk_sub[k], node = d->pu_ctrl_node[i];
        if (node < 0 || !isinf(s->dv_trip[j]) || s->p4q[j].starting ||
            !s->dv_open[j])
            continue;
        int sign = node == d->lk_from[k] ? -1 : 1;
        const char **ids =
            realloc(r->ctrl_id, sizeof *ids * ((size_t)s->n_ctrl + 1));
        if (!ids)
            return hl_error_set(err, HL_ENOMEM, "out of memory");
        r->ctrl_id = ids;
        ids[s->n_ctrl] = text_pool_add(&r->strings, d->lk_id[k]);
        if (!ids[s->n_ctrl] || surge_control_add(s, j, node, sign))
            return hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    return HL_OK;
}

static int alloc_ids(struct hl_surge *r, int nn, int np)
{
    r->node_id = calloc((size_t)nn + 1, sizeof *r->node_id);
    r->node_chainage = calloc((size_t)nn + 1, sizeof(double));
    r->node_pn = malloc(((size_t)nn + 1) * sizeof(double));
    for (int i = 0; r->node_pn && i <= nn; i++)
        r->node_pn[i] = NAN;
    r->pipe_id = calloc((size_t)np + 1, sizeof *r->pipe_id);
    r->pipe_pn = calloc((size_t)np + 1, sizeof(double));
    r->pipe_a = calloc((size_t)np + 1, sizeof(double));
    return r->node_id && r->node_chainage && r->node_pn && r->pipe_id &&
           r->pipe_pn && r->pipe_a;
}

static int fill_links(surge_net *s, struct hl_surge *r, const hl_model *m,
                      const hl_surge_options *o, int *dev_of_link,
                      hl_error *err)
{
    const net_def *d = m->net;
    const net_transient *t = d->transient;
    int p = 0, j = 0, n_fallback = 0;
    for (int k = 0; k < d->n_links; k++) {
        dev_of_link[k] = -1;
        if (d->lk_kind[k] == LK_PIPE) {
            if (m->lk_open[k] && fill_pipe(s, r, m, k, p++, &n_fallback))
                return hl_error_set(err, HL_ENOMEM, "out of memory");
            continue;
        }
        dev_of_link[k] = j;
        fill_device(s, r, m, k, j++);
    }
    for (int i = 0; t && i < t->n_pumps; i++)
        if (t->bypass[i] && dev_of_link[t->pump_link[i]] >= 0)
            fill_bypass(s, j++, dev_of_link[t->pump_link[i]], m,
                        t->pump_link[i]);
    int nv = t ? t->n_vessels : 0, extra = o->extra_vessel_node != NULL;
    r->n_vessels = nv + extra;
    r->vessel_id = calloc((size_t)nv + 2, sizeof *r->vessel_id);
    r->vessel_node = calloc((size_t)nv + 2, sizeof *r->vessel_node);
    r->vessel_dev = calloc((size_t)nv + 2, sizeof(int));
    if (!r->vessel_id || !r->vessel_node || !r->vessel_dev)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int v = 0; v < nv; v++)
        if (fill_vessel(s, r, m, v, j++))
            return hl_error_set(err, HL_ENOMEM, "out of memory");
    if (extra) {
        int rc = fill_extra_vessel(s, r, m, o, nv, j++, err);
        if (rc)
            return rc == HL_ENOMEM ? hl_error_set(err, rc, "out of memory")
                                   : rc;
    }
    int nr = t ? t->n_reliefs : 0, extra_rv = o->extra_relief_node != NULL;
    r->n_reliefs = nr + extra_rv;
    r->relief_id = calloc((size_t)nr + 2, sizeof *r->relief_id);
    r->relief_node = calloc((size_t)nr + 2, sizeof *r->relief_node);
    r->relief_dev = calloc((size_t)nr + 2, sizeof(int));
    r->relief_cap = calloc((size_t)nr + 2, sizeof(double));
    r->relief_acc = calloc((size_t)nr + 2, sizeof(double));
    if (!r->relief_id || !r->relief_node || !r->relief_dev || !r->relief_cap ||
        !r->relief_acc)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int v = 0; v < nr; v++)
        if (fill_relief(s, r, m, v, j++))
            return hl_error_set(err, HL_ENOMEM, "out of memory");
    if (extra_rv) {
        int rc = fill_extra_relief(s, r, m, o, nr, j++, err);
        if (rc)
            return rc;
    }
    int nt = t ? t->n_tanks : 0;
    r->n_tanks = nt;
    r->tank_id = calloc((size_t)nt + 1, sizeof *r->tank_id);
    r->tank_node = calloc((size_t)nt + 1, sizeof *r->tank_node);
    r->tank_dev = calloc((size_t)nt + 1, sizeof(int));
    if (!r->tank_id || !r->tank_node || !r->tank_dev)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int v = 0; v < nt; v++) {
        int rc = fill_tank(s, r, m, v, j++, err);
        if (rc)
            return rc;
    }
    if (n_fallback > 0)
        text_list_add(&r->warn,
                      "%d pipe(s) without a DN wall: wave speed %g m/s "
                      "assumed (give wave_speed_m_per_s under transient: "
                      "pipes)",
                      n_fallback, FALLBACK_A);
    return HL_OK;
}

int surge_from_model(struct hl_surge *r, const hl_model *m,
                     const hl_surge_options *o, hl_error *err)
{
    int np, nd;
    count(m, o, &np, &nd);
    surge_net *s = surge_net_new(m->net->n_nodes, np, nd);
    int *dev_of_link = malloc(sizeof(int) * ((size_t)m->net->n_links + 1));
    r->net = s;
    if (!s || !dev_of_link || !alloc_ids(r, m->net->n_nodes, np)) {
        free(dev_of_link);
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    s->g = m->net->g;
    s->p_atm = m->net->p_atm;
    r->a_min = INFINITY;
    r->a_max = 0.0;
    r->margin_pa =
        m->net->transient ? m->net->transient->vapour_margin_pa : 0.5e5;
    int rc = fill_nodes(s, r, m, err);
    if (!rc)
        rc = fill_links(s, r, m, o, dev_of_link, err);
    if (!rc && o->friction == 1) { /* Brunone, k from the steady Re */
        s->friction = SURGE_BRUNONE;
        int p = 0;
        for (int k = 0; k < m->net->n_links; k++)
            if (m->net->lk_kind[k] == LK_PIPE && m->lk_open[k])
                s->pp_kb[p++] =
                    transient_brunone_k(fmax(m->pp_re[m->net->lk_sub[k]], 1.0));
    }
    for (int p = 0; !rc && p < np; p++)
        if (o->dx_m > s->pp_len[p])
            rc = hl_error_set(err, HL_ERANGE,
                              "dx %g m is longer than pipe '%s' (%g m)",
                              o->dx_m, r->pipe_id[p], s->pp_len[p]);
    if (!rc)
        rc = apply_event(s, r, m, o, dev_of_link, err);
    if (!rc)
        rc = apply_controls(s, r, m, o, dev_of_link, err);
    free(dev_of_link);
    return rc;
}

int surge_model_ready(const hl_model *m)
{
    return !m->failed && m->solved && m->net;
}

int surge_model_node(const hl_model *m, const char *id)
{
    return id ? index_get(&m->net->node_ix, id) : -1;
}
