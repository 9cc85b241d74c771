/*
 * build_add.c - the builder's add functions: copy one element spec into
 * the model's arrays, intern its id, and check what can be checked on the
 * element alone (id present and unique, lengths and diameters positive,
 * flows and temperatures finite). References to other elements are
 * resolved by net_finish (build_finish.c).
 */
#include "network/net.h"
#include "physics/headloss_empirical.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NET_ID_MAX 63

/* Grow array f of the network (GROW_DEF) or of the loading handle's run
 * state (GROW_RUN) to cap entries; ok = 0 on failure. */
#define GROW(base, f)                                                          \
    {                                                                          \
        void *n_ = realloc(base->f, sizeof *base->f * (size_t)cap);            \
        if (n_)                                                                \
            base->f = n_;                                                      \
        else                                                                   \
            ok = 0;                                                            \
    }
#define GROW_DEF(f) GROW(d, f)
#define GROW_RUN(f) GROW(m, f)

static int next_cap(int n, int cap)
{
    return n < cap ? cap : (cap ? 2 * cap : 64);
}

/* Room for one more element of a kind in every array of the kind: the
 * network's (DEF_LIST) and the run state's (RUN_LIST). */
#define DEFINE_RESERVE(fn, count, capf, DEF_LIST, RUN_LIST)                    \
    static int fn(hl_model *m)                                                 \
    {                                                                          \
        net_def *d = m->def;                                                   \
        if (d->count < d->capf)                                                \
            return 1;                                                          \
        int cap = next_cap(d->count, d->capf), ok = 1;                         \
        DEF_LIST(GROW_DEF)                                                     \
        RUN_LIST(GROW_RUN)                                                     \
        if (ok)                                                                \
            d->capf = cap;                                                     \
        return ok;                                                             \
    }

/* clang-format off */
DEFINE_RESERVE(reserve_nodes, n_nodes, cap_nodes, NODE_DEF_ARRAYS,
               NODE_RUN_ARRAYS)
DEFINE_RESERVE(reserve_links, n_links, cap_links, LINK_DEF_ARRAYS,
               LINK_RUN_ARRAYS)
DEFINE_RESERVE(reserve_pipes, n_pipes, cap_pipes, PIPE_DEF_ARRAYS,
               PIPE_RUN_ARRAYS)
DEFINE_RESERVE(reserve_pumps_base, n_pumps, cap_pumps, PUMP_DEF_ARRAYS,
               PUMP_RUN_ARRAYS)
DEFINE_RESERVE(reserve_valves, n_valves, cap_valves, VALVE_DEF_ARRAYS,
               VALVE_RUN_ARRAYS)
DEFINE_RESERVE(reserve_consumers, n_consumers, cap_consumers,
               CONSUMER_DEF_ARRAYS, CONSUMER_RUN_ARRAYS)
DEFINE_RESERVE(reserve_sources, n_sources, cap_sources, SOURCE_DEF_ARRAYS,
               SOURCE_RUN_ARRAYS)
DEFINE_RESERVE(reserve_hx, n_hx, cap_hx, HX_DEF_ARRAYS, HX_RUN_ARRAYS)
DEFINE_RESERVE(reserve_chambers, n_chambers, cap_chambers,
               CHAMBER_DEF_ARRAYS, CHAMBER_RUN_ARRAYS)
DEFINE_RESERVE(reserve_fittings, n_fittings, cap_fittings,
               FITTING_DEF_ARRAYS, FITTING_RUN_ARRAYS)
/* clang-format on */

static int reserve_pumps(hl_model *m)
{
    net_def *d = m->def;
    int old = d->cap_pumps;
    if (!reserve_pumps_base(m))
        return 0;
    if (d->cap_pumps == old && d->pu_q)
        return 1;
    size_t sz = sizeof(double) * NET_MAX_CURVE * (size_t)d->cap_pumps;
    double *q = realloc(d->pu_q, sz);
    if (q)
        d->pu_q = q;
    double *h = realloc(d->pu_h, sz);
    if (h)
        d->pu_h = h;
    return q && h;
}

static int oom(hl_model *m)
{
    return net_fail(m, HL_ENOMEM, "out of memory while building the model");
}

/* Intern an id for messages and lookups; NULL on failure (recorded). */
static const char *intern(hl_model *m, const char *id, const char *what,
                          int where)
{
    char pos[300]; /* written only for a message: ids are many */
    if (!id || !*id) {
        net_where(m, where, pos, sizeof pos);
        net_fail(m, HL_EPARSE, "%s: %s without an id", pos, what);
        return NULL;
    }
    if (strlen(id) > NET_ID_MAX) {
        char shown[64];
        net_where(m, where, pos, sizeof pos);
        net_fail(m, HL_EPARSE, "%s: %s id '%s' longer than %d characters", pos,
                 what, hl_text_show(shown, sizeof shown, id, 40), NET_ID_MAX);
        return NULL;
    }
    const char *problem = hl_text_problem(id, NET_ID_MAX, 0);
    if (problem) { /* ids go to JSON and CSV: UTF-8 on one line */
        char shown[64];
        net_where(m, where, pos, sizeof pos);
        net_fail(m, HL_EPARSE,
                 "%s: %s id '%s' %s: expected UTF-8 text "
                 "without control characters",
                 pos, what, hl_text_show(shown, sizeof shown, id, 40), problem);
        return NULL;
    }
    const char *s = text_pool_add(&m->def->strings, id);
    if (!s)
        oom(m);
    return s;
}

static const char *opt_text(hl_model *m, const char *s)
{
    if (!s || !*s)
        return "";
    const char *c = text_pool_add(&m->def->strings, s);
    return c ? c : "";
}

/* Intern id with the index it is about to get; error if already there. */
static int duplicate(hl_model *m, net_index *ix, const char *id, int val,
                     int where, const char *what, const int *where_of)
{
    int idx = index_put(ix, id, val);
    if (idx == -2)
        return oom(m);
    if (idx == -1)
        return HL_OK;
    char pos[300], first[300];
    net_where(m, where, pos, sizeof pos);
    if (where_of && idx >= 0)
        net_where(m, where_of[idx], first, sizeof first);
    else
        snprintf(first, sizeof first, "earlier");
    return net_fail(m, HL_EPARSE, "%s: duplicate %s id '%s' (first at %s)", pos,
                    what, id, first);
}

static int bad(hl_model *m, int where, const char *what, const char *id,
               const char *field, double v, const char *expected)
{
    char pos[300], val[40];
    net_where(m, where, pos, sizeof pos);
    if (isnan(v)) /* never an internal nan or inf in a message */
        snprintf(val, sizeof val, "not given");
    else if (!isfinite(v) || fabs(v) > 1e15)
        snprintf(val, sizeof val, "out of any range");
    else
        snprintf(val, sizeof val, "%g", v);
    return net_fail(m, HL_ERANGE, "%s: %s '%s': %s %s: expected %s", pos, what,
                    id, field, val, expected);
}

int net_add_node(hl_model *m, const net_node_spec *s)
{
    const char *id = intern(m, s->id, "node", s->where);
    if (!id)
        return m->err.code;
    if (duplicate(m, &m->def->node_ix, id, m->def->n_nodes, s->where, "node",
                  m->def->nd_where))
        return m->err.code;
    if (!isfinite(s->z_m))
        return bad(m, s->where, "node", id, "elevation_m", s->z_m, "a number");
    if (!isfinite(s->demand_kg_s))
        return bad(m, s->where, "node", id, "demand", s->demand_kg_s,
                   "a finite flow");
    if (!reserve_nodes(m))
        return oom(m);
    int i = m->def->n_nodes++;
    m->def->nd_id[i] = id;
    m->def->nd_where[i] = s->where;
    m->def->nd_z[i] = s->z_m;
    m->def->nd_chainage[i] = s->chainage_m;
    m->def->nd_side[i] = (signed char)s->side;
    m->def->nd_demand[i] = s->demand_kg_s;
    m->def->nd_fixed_p[i] = s->fixed_p_pa;
    m->def->nd_inflow_t[i] = s->inflow_temp_k;
    m->def->nd_x[i] = s->x_m;
    m->def->nd_y[i] = s->y_m;
    return HL_OK;
}

/* A new link of kind with its common fields; returns its index or -1. */
static int add_link(hl_model *m, const char *id, int where, int kind, int law,
                    const char *from, const char *to, int sub)
{
    if (duplicate(m, &m->def->link_ix, id, m->def->n_links, where, "link",
                  m->def->lk_where))
        return -1;
    if (!reserve_links(m)) {
        oom(m);
        return -1;
    }
    int k = m->def->n_links++;
    m->def->lk_id[k] = id;
    m->def->lk_where[k] = where;
    m->def->lk_kind[k] = (signed char)kind;
    m->def->lk_law[k] = (signed char)law;
    m->lk_open[k] = 1;
    m->lk_cv_shut[k] = 0;
    m->def->lk_check[k] = 0;
    m->def->lk_sub[k] = sub;
    m->def->lk_rise[k] = 0.0;
    m->lk_m[k] = 0.0;
    m->lk_rho[k] = m->lk_mu[k] = NAN;
    m->lk_mech[k] = 0.0;
    m->def->lk_from_id[k] = opt_text(m, from);
    m->def->lk_to_id[k] = opt_text(m, to);
    m->def->lk_from[k] = m->def->lk_to[k] = -1;
    return k;
}

static int check_pipe(hl_model *m, const net_pipe_spec *s, const char *id)
{
    int w = s->where;
    if (!(s->length_m > 0.0))
        return bad(m, w, "pipe", id, "length_m", s->length_m, "> 0");
    if (!(s->inner_d_m > 0.0))
        return bad(m, w, "pipe", id, "inner diameter (m)", s->inner_d_m, "> 0");
    if (!(s->roughness_m >= 0.0 && s->roughness_m < s->inner_d_m))
        return bad(m, w, "pipe", id, "roughness (m)", s->roughness_m,
                   ">= 0 and below the diameter");
    if (!(s->zeta >= 0.0))
        return bad(m, w, "pipe", id, "minor_loss", s->zeta, ">= 0");
    if (m->def->headloss != HEADLOSS_DARCY && !(s->law_coef > 0.0))
        return bad(m, w, "pipe", id,
                   m->def->headloss == HEADLOSS_HAZEN
                       ? "Hazen-Williams C factor"
                       : "Manning roughness n",
                   s->law_coef, "> 0");
    if ((s->ht == HT_LINEAR || s->ht == HT_U) && !(s->ht_value > 0.0))
        return bad(m, w, "pipe", id, "heat-transfer coefficient", s->ht_value,
                   "> 0");
    if (s->ht == HT_U && !(s->u_diameter_m > 0.0))
        return bad(m, w, "pipe", id, "U reference diameter (m)",
                   s->u_diameter_m, "> 0");
    if (s->surround == SURR_FIXED && !(s->t_fixed_k > 0.0))
        return bad(m, w, "pipe", id, "surroundings temperature (K)",
                   s->t_fixed_k, "> 0 K");
    return HL_OK;
}

int net_add_pipe(hl_model *m, const net_pipe_spec *s)
{
    const char *id = intern(m, s->id, "pipe", s->where);
    if (!id || check_pipe(m, s, id))
        return m->err.code;
    if (!reserve_pipes(m))
        return oom(m);
    int k = add_link(m, id, s->where, LK_PIPE, LAW_MATRIX, s->from, s->to,
                     m->def->n_pipes);
    if (k < 0)
        return m->err.code;
    int i = m->def->n_pipes++;
    m->lk_open[k] = (signed char)(s->open != 0);
    m->def->lk_check[k] = (signed char)(s->check != 0);
    m->def->pp_link[i] = k;
    m->def->pp_len[i] = s->length_m;
    m->def->pp_d[i] = s->inner_d_m;
    m->def->pp_area[i] = M_PI * s->inner_d_m * s->inner_d_m / 4.0;
    m->def->pp_eps[i] = s->roughness_m / s->inner_d_m;
    m->def->pp_zeta[i] = s->zeta;
    m->def->pp_pn[i] = s->pn_pa;
    m->def->pp_dn[i] = s->dn;
    m->pp_xcf[i] = 0.0;
    m->def->pp_pair[i] = -1;
    m->def->pp_pair_same[i] = 0;
    m->def->pp_pair_id[i] = opt_text(m, s->pair);
    m->def->pp_ht[i] = (signed char)s->ht;
    m->def->pp_surround[i] = (signed char)s->surround;
    m->def->pp_role[i] = (signed char)s->role;
    m->def->pp_ttype[i] = s->ht == HT_BUILDUP ? s->thermal_type : -1;
    m->def->pp_htv[i] = s->ht_value;
    m->def->pp_ud[i] = s->u_diameter_m;
    m->def->pp_tfix[i] = s->t_fixed_k;
    m->def->pp_law_r[i] =
        m->def->headloss == HEADLOSS_HAZEN
            ? hazen_williams_r(s->length_m, s->inner_d_m, s->law_coef)
        : m->def->headloss == HEADLOSS_MANNING
            ? chezy_manning_r(s->length_m, s->inner_d_m, s->law_coef)
            : NAN;
    m->def->pp_wallc[i] = s->wall_c_j_km > 0.0 ? s->wall_c_j_km : 0.0;
    m->pp_r11[i] = INFINITY;
    m->pp_r12[i] = 0.0;
    m->pp_tin[i] = m->pp_tout[i] = m->pp_q[i] = NAN;
    m->pp_re[i] = m->pp_f[i] = NAN;
    return HL_OK;
}

static int check_pump(hl_model *m, const net_pump_spec *s, const char *id)
{
    int w = s->where;
    if (s->curve == PUMP_FIXED && !isfinite(s->rise_pa))
        return bad(m, w, "pump", id, "pressure rise", s->rise_pa, "a number");
    if (s->curve != PUMP_FIXED) {
        if (s->n_points < 1 || s->n_points > NET_MAX_CURVE)
            return bad(m, w, "pump", id, "curve points", s->n_points,
                       "1 to 16");
        for (int j = 0; j < s->n_points; j++)
            if (!(s->q_m3_s[j] >= 0.0) || !(s->h_m[j] >= 0.0))
                return bad(m, w, "pump", id, "curve point", (double)j + 1,
                           "flow and head >= 0");
    }
    if (!(s->speed > 0.0))
        return bad(m, w, "pump", id, "speed", s->speed, "> 0");
    if (!(s->efficiency > 0.0 && s->efficiency <= 1.0))
        return bad(m, w, "pump", id, "efficiency", s->efficiency, "in (0, 1]");
    if (s->parallel < 1)
        return bad(m, w, "pump", id, "parallel", s->parallel, ">= 1");
    if ((s->control_node && *s->control_node) != !isnan(s->control_p_pa)) {
        char pos[300];
        net_where(m, w, pos, sizeof pos);
        return net_fail(m, HL_EPARSE,
                        "%s: pump '%s': speed control needs "
                        "both control_node and control_pressure_bar_g",
                        pos, id);
    }
    if (!isnan(s->control_p_pa) && s->curve == PUMP_FIXED)
        return bad(m, w, "pump", id, "control with a fixed rise", 0,
                   "a head curve (speed changes the curve)");
    return HL_OK;
}

int net_add_pump(hl_model *m, const net_pump_spec *s)
{
    const char *id = intern(m, s->id, "pump", s->where);
    if (!id || check_pump(m, s, id))
        return m->err.code;
    if (!reserve_pumps(m))
        return oom(m);
    int law = s->curve == PUMP_FIXED ? LAW_RIGID : LAW_MATRIX;
    int k = add_link(m, id, s->where, LK_PUMP, law, s->from, s->to,
                     m->def->n_pumps);
    if (k < 0)
        return m->err.code;
    int i = m->def->n_pumps++;
    m->lk_open[k] = (signed char)(s->running != 0);
    m->def->lk_check[k] = 1; /* pumps never run backwards */
    m->def->lk_rise[k] = s->curve == PUMP_FIXED ? s->rise_pa : 0.0;
    m->def->pu_link[i] = k;
    m->def->pu_curve[i] = (signed char)s->curve;
    m->def->pu_running[i] = (signed char)(s->running != 0);
    m->pu_speed[i] = s->speed;
    m->def->pu_ctrl_id[i] = opt_text(m, s->control_node);
    m->def->pu_ctrl_node[i] = -1;
    m->def->pu_ctrl_p[i] = s->control_p_pa;
    m->pu_s_prev[i] = m->pu_g_prev[i] = NAN;
    m->def->pu_eff[i] = s->efficiency;
    m->def->pu_parallel[i] = s->parallel;
    m->def->pu_station[i] = opt_text(m, s->station);
    m->pu_dp[i] = NAN;
    m->def->pu_npts[i] = s->n_points;
    for (int j = 0; j < NET_MAX_CURVE; j++) {
        m->def->pu_q[i * NET_MAX_CURVE + j] =
            j < s->n_points ? s->q_m3_s[j] : 0;
        m->def->pu_h[i * NET_MAX_CURVE + j] = j < s->n_points ? s->h_m[j] : 0;
    }
    return s->curve == PUMP_FIXED ? HL_OK : pump_fit_curve(m, i, s, id);
}

/* Quadratic coefficient per unit density from Kv (m3/h at 1 bar with
 * water of 1000 kg/m3, VDI/VDE 2173): dp = 1e5 (rho/1000) (Q/Kv)^2 with
 * Q = 3600 m / rho, i.e. dp = (3600^2 * 100 / Kv^2) m|m| / rho. */
static double kv_coefficient(double kv)
{
    return 3600.0 * 3600.0 * 100.0 / (kv * kv);
}

/* zeta on diameter d: dp = zeta rho v^2 / 2 = zeta m|m| / (2 rho A^2). */
static double zeta_coefficient(double zeta, double d)
{
    double a = M_PI * d * d / 4.0;
    return zeta / (2.0 * a * a);
}

static int check_valve(hl_model *m, const net_valve_spec *s, const char *id)
{
    int w = s->where;
    if (s->kv_m3_h < 0.0 || s->kv_m3_h == 0.0)
        return bad(m, w, "valve", id, "kv_m3_per_h", s->kv_m3_h, "> 0");
    if (s->zeta < 0.0)
        return bad(m, w, "valve", id, "zeta", s->zeta, ">= 0");
    if (s->zeta > 0.0 && !(s->d_m > 0.0))
        return bad(m, w, "valve", id, "diameter for zeta (m)", s->d_m, "> 0");
    if (s->type == VALVE_FLOW && !(s->flow_kg_s >= 0.0))
        return bad(m, w, "valve", id, "flow_kg_per_s", s->flow_kg_s, ">= 0");
    return HL_OK;
}

int net_add_valve(hl_model *m, const net_valve_spec *s)
{
    const char *id = intern(m, s->id, "valve", s->where);
    if (!id || check_valve(m, s, id))
        return m->err.code;
    if (!reserve_valves(m))
        return oom(m);
    double kvol = 0.0;
    if (s->kv_m3_h > 0.0)
        kvol = kv_coefficient(s->kv_m3_h);
    else if (s->zeta > 0.0)
        kvol = zeta_coefficient(s->zeta, s->d_m);
    int law = s->type == VALVE_FLOW ? LAW_FIXED
              : kvol > 0.0          ? LAW_MATRIX
                                    : LAW_RIGID;
    int k = add_link(m, id, s->where, LK_VALVE, law, s->from, s->to,
                     m->def->n_valves);
    if (k < 0)
        return m->err.code;
    int i = m->def->n_valves++;
    m->lk_open[k] = (signed char)(s->open != 0);
    m->def->lk_check[k] = (signed char)(s->type == VALVE_CHECK);
    m->def->va_link[i] = k;
    m->def->va_type[i] = (signed char)s->type;
    m->def->va_kvol[i] = kvol;
    m->def->va_flow[i] = s->flow_kg_s;
    m->def->va_station[i] = opt_text(m, s->station);
    m->def->va_d[i] = s->d_m;
    m->va_dp[i] = NAN;
    return HL_OK;
}

static int check_consumer(hl_model *m, const net_consumer_spec *s,
                          const char *id)
{
    int w = s->where,
        heat = s->mode == CONS_HEAT_RETURN || s->mode == CONS_HEAT_DT;
    if (heat && !(s->heat_w >= 0.0))
        return bad(m, w, "consumer", id, "heat demand (W)", s->heat_w, ">= 0");
    if (!heat && !(s->flow_kg_s >= 0.0))
        return bad(m, w, "consumer", id, "flow_kg_per_s", s->flow_kg_s, ">= 0");
    int ret = s->mode == CONS_HEAT_RETURN || s->mode == CONS_FLOW_RETURN;
    if (ret && !(s->return_k > 0.0))
        return bad(m, w, "consumer", id, "return temperature (K)", s->return_k,
                   "> 0 K");
    if (!ret && !(s->dt_k >= 0.0))
        return bad(m, w, "consumer", id, "delta_t_k", s->dt_k, ">= 0");
    return HL_OK;
}

int net_add_consumer(hl_model *m, const net_consumer_spec *s)
{
    const char *id = intern(m, s->id, "consumer", s->where);
    if (!id || check_consumer(m, s, id))
        return m->err.code;
    if (!reserve_consumers(m))
        return oom(m);
    int k = add_link(m, id, s->where, LK_CONSUMER, LAW_FIXED, s->from, s->to,
                     m->def->n_consumers);
    if (k < 0)
        return m->err.code;
    int i = m->def->n_consumers++;
    m->def->co_link[i] = k;
    m->def->co_mode[i] = (signed char)s->mode;
    m->def->co_heat0[i] = m->co_heat[i] = s->heat_w;
    m->def->co_flow0[i] = m->co_flow[i] = s->flow_kg_s;
    m->def->co_tret[i] = s->return_k;
    m->def->co_dt[i] = s->dt_k;
    m->co_tin[i] = m->co_tout[i] = m->co_q[i] = NAN;
    m->co_m[i] = m->co_m_prev[i] = m->co_f_prev[i] = NAN;
    return HL_OK;
}

static int check_source(hl_model *m, const net_source_spec *s, const char *id)
{
    int w = s->where;
    if (isnan(s->heat_w) && !(s->supply_k > 0.0))
        return bad(m, w, "source", id, "supply temperature (K)", s->supply_k,
                   "> 0 K (or a heat output)");
    if (!isnan(s->heat_w) && !(s->heat_w >= 0.0))
        return bad(m, w, "source", id, "heat output (W)", s->heat_w, ">= 0");
    if (!isnan(s->pump_efficiency) &&
        !(s->pump_efficiency > 0.0 && s->pump_efficiency <= 1.0))
        return bad(m, w, "source", id, "pump_efficiency", s->pump_efficiency,
                   "in (0, 1]");
    int given = !isnan(s->p_out_pa) + !isnan(s->p_in_pa) + !isnan(s->lift_pa);
    if (given > 2) {
        char pos[300];
        net_where(m, w, pos, sizeof pos);
        return net_fail(m, HL_EPARSE,
                        "%s: source '%s': give at most two of outlet "
                        "pressure, inlet pressure and pressure lift",
                        pos, id);
    }
    return HL_OK;
}

int net_add_source(hl_model *m, const net_source_spec *s)
{
    const char *id = intern(m, s->id, "source", s->where);
    if (!id || check_source(m, s, id))
        return m->err.code;
    if (!reserve_sources(m))
        return oom(m);
    int k = add_link(m, id, s->where, LK_SOURCE, LAW_RIGID, s->from, s->to,
                     m->def->n_sources);
    if (k < 0)
        return m->err.code;
    int i = m->def->n_sources++;
    double lift = s->lift_pa;
    if (isnan(lift))
        lift = !isnan(s->p_out_pa) && !isnan(s->p_in_pa)
                   ? s->p_out_pa - s->p_in_pa
                   : 0.0;
    m->def->lk_rise[k] = lift;
    m->def->so_link[i] = k;
    m->def->so_tsup0[i] = m->so_tsup[i] = s->supply_k;
    m->def->so_heat[i] = s->heat_w;
    m->def->so_eff[i] = s->pump_efficiency;
    m->def->so_station[i] = opt_text(m, s->station);
    m->so_tin[i] = m->so_tout[i] = m->so_q[i] = NAN;
    m->def->so_pout[i] = s->p_out_pa; /* fixed on the nodes by net_finish */
    m->def->so_pin[i] = s->p_in_pa;
    if (isnan(s->p_in_pa) && !isnan(s->p_out_pa) && !isnan(s->lift_pa))
        m->def->so_pin[i] = s->p_out_pa - s->lift_pa;
    if (isnan(s->p_out_pa) && !isnan(s->p_in_pa) && !isnan(s->lift_pa))
        m->def->so_pout[i] = s->p_in_pa + s->lift_pa;
    return HL_OK;
}

static int check_hx(hl_model *m, const net_hx_spec *s, const char *id)
{
    int w = s->where;
    if (s->mode == HX_APPROACH && !(s->approach_k >= 0.0))
        return bad(m, w, "heat exchanger", id, "approach_k", s->approach_k,
                   ">= 0");
    if (s->mode == HX_UA && !(s->ua_w_k > 0.0))
        return bad(m, w, "heat exchanger", id, "UA (W/K)", s->ua_w_k, "> 0");
    if (!(s->pri_dp_pa >= 0.0) || !(s->sec_dp_pa >= 0.0))
        return bad(m, w, "heat exchanger", id, "pressure drop", s->pri_dp_pa,
                   ">= 0 on both sides");
    if ((s->pri_dp_pa > 0.0 || s->sec_dp_pa > 0.0) && !(s->design_kg_s > 0.0))
        return bad(m, w, "heat exchanger", id, "design_flow_kg_per_s",
                   s->design_kg_s, "> 0 (the pressure drops refer to it)");
    return HL_OK;
}

int net_add_hx(hl_model *m, const net_hx_spec *s)
{
    const char *id = intern(m, s->id, "heat exchanger", s->where);
    if (!id || check_hx(m, s, id))
        return m->err.code;
    if (!reserve_hx(m))
        return oom(m);
    char sec[NET_ID_MAX + 16];
    snprintf(sec, sizeof sec, "%s/secondary", id);
    const char *sec_id = opt_text(m, sec);
    int i = m->def->n_hx;
    int lp = add_link(m, id, s->where, LK_HX_PRIMARY, LAW_MATRIX, s->pri_in,
                      s->pri_out, i);
    if (lp < 0)
        return m->err.code;
    int ls = add_link(m, sec_id, s->where, LK_HX_SECONDARY, LAW_MATRIX,
                      s->sec_in, s->sec_out, i);
    if (ls < 0)
        return m->err.code;
    m->def->n_hx++;
    m->def->hx_pri[i] = lp;
    m->def->hx_sec[i] = ls;
    m->def->hx_mode[i] = (signed char)s->mode;
    m->def->hx_approach[i] = s->approach_k;
    m->def->hx_ua[i] = s->ua_w_k;
    double d2 = s->design_kg_s * s->design_kg_s;
    m->def->hx_kp[i] = s->pri_dp_pa > 0.0 ? s->pri_dp_pa / d2 : 0.0;
    m->def->hx_ks[i] = s->sec_dp_pa > 0.0 ? s->sec_dp_pa / d2 : 0.0;
    if (m->def->hx_kp[i] == 0.0)
        m->def->lk_law[lp] = LAW_RIGID;
    if (m->def->hx_ks[i] == 0.0)
        m->def->lk_law[ls] = LAW_RIGID;
    m->hx_q[i] = NAN;
    m->def->hx_id[i] = id;
    m->def->hx_station[i] = opt_text(m, s->station);
    return HL_OK;
}

int net_add_chamber(hl_model *m, const net_chamber_spec *s)
{
    const char *id = intern(m, s->id, "chamber", s->where);
    if (!id)
        return m->err.code;
    if (duplicate(m, &m->def->chamber_ix, id, m->def->n_chambers, s->where,
                  "chamber", m->def->ch_where))
        return m->err.code;
    if (!isnan(s->air_k) && !(s->air_k > 0.0))
        return bad(m, s->where, "chamber", id, "air temperature (K)", s->air_k,
                   "> 0 K");
    if (!(s->air_changes_per_h >= 0.0))
        return bad(m, s->where, "chamber", id, "ventilation (1/h)",
                   s->air_changes_per_h, ">= 0");
    if (!reserve_chambers(m))
        return oom(m);
    int i = m->def->n_chambers++;
    m->def->ch_id[i] = id;
    m->def->ch_station[i] = opt_text(m, s->station);
    m->def->ch_where[i] = s->where;
    m->def->ch_fixed0[i] = m->ch_fix[i] = (signed char)!isnan(s->air_k);
    m->def->ch_air0[i] = m->ch_air[i] =
        isnan(s->air_k) ? CHAMBER_START_K : s->air_k;
    m->def->ch_chainage[i] = s->chainage_m;
    m->def->ch_geom[i] = s->geom;
    m->def->ch_ach[i] = s->air_changes_per_h;
    m->ch_q_in[i] = m->ch_q_ground[i] = m->ch_q_roof[i] = m->ch_q_vent[i] =
        m->ch_a_prev[i] = m->ch_f_prev[i] = NAN;
    return HL_OK;
}

int net_add_fitting(hl_model *m, const net_fitting_spec *s)
{
    const char *id = intern(m, s->id, "fitting", s->where);
    if (!id)
        return m->err.code;
    if (duplicate(m, &m->def->fitting_ix, id, m->def->n_fittings, s->where,
                  "fitting", m->def->fi_where))
        return m->err.code;
    if (s->count < 1)
        return bad(m, s->where, "fitting", id, "count", s->count, ">= 1");
    if (s->dn <= 0 && isnan(s->od_m))
        return bad(m, s->where, "fitting", id, "dn", s->dn, "> 0");
    if (!isnan(s->area_m2) && !(s->area_m2 > 0.0))
        return bad(m, s->where, "fitting", id, "area_m2", s->area_m2, "> 0");
    if (isnan(s->area_m2) && s->pn <= 0)
        return bad(m, s->where, "fitting", id, "pn (bar)", s->pn,
                   "a pressure class of the catalogue, e.g. 16 or 25");
    if (s->state < 0 || s->state >= HL_FIT_NSTATES)
        return bad(m, s->where, "fitting", id, "state", s->state,
                   "bare, coated or jacketed");
    if (!reserve_fittings(m))
        return oom(m);
    int i = m->def->n_fittings++;
    m->def->fi_id[i] = id;
    m->def->fi_type[i] = opt_text(m, s->type);
    m->def->fi_chamber_id[i] = opt_text(m, s->chamber);
    m->def->fi_node_id[i] = opt_text(m, s->node);
    m->def->fi_where[i] = s->where;
    m->def->fi_chamber[i] = m->def->fi_node[i] = -1;
    m->def->fi_dn[i] = s->dn;
    m->def->fi_pn[i] = s->pn;
    m->def->fi_entry[i] = -1;
    m->fi_fail[i] = 0;
    m->def->fi_count[i] = s->count;
    m->def->fi_state0[i] = m->fi_state[i] = (signed char)s->state;
    m->def->fi_area[i] = s->area_m2;
    m->def->fi_od[i] = s->od_m;
    m->fi_q[i] = m->fi_ts[i] = m->fi_tm[i] = NAN;
    m->fi_on[i] = 0;
    return HL_OK;
}

int net_add_thermal_type(hl_model *m, const net_thermal_spec *s)
{
    if (m->def->n_ttypes == m->def->cap_ttypes) {
        int cap = m->def->cap_ttypes ? 2 * m->def->cap_ttypes : 8;
        net_thermal_spec *t = realloc(m->def->ttype, sizeof *t * (size_t)cap);
        if (!t)
            return oom(m);
        m->def->ttype = t;
        double *r = realloc(m->tt_r, sizeof *r * 3 * (size_t)cap);
        if (!r)
            return oom(m);
        m->tt_r = r;
        m->def->cap_ttypes = cap;
    }
    int i = m->def->n_ttypes++;
    m->def->ttype[i] = *s;
    m->tt_r[3 * i] = m->tt_r[3 * i + 1] = m->tt_r[3 * i + 2] = NAN;
    return i;
}
