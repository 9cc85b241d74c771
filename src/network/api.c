/*
 * api.c - the public model API (include/heatline_network.h): loading and
 * freeing, ids and counts, boundary-condition setters, results, warnings.
 * Every call checks the handle's state first (HL_ESTATE out of order).
 */
#include "network/hyd.h"
#include "network/reader.h"
#include "network/thermal.h"
#include "physics/water.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_MODEL "models/tuoketuo-hohhot.yaml"

void hl_load_options_init(hl_load_options *o)
{
    memset(o, 0, sizeof *o);
    o->inp_supply_temp_k = HL_ZERO_C_K + 80.0;
    o->inp_ambient_k = HL_ZERO_C_K + 10.0;
    o->inp_u_w_m2k = 0.0;
    o->inp_cp_j_kgk = 4190.0;
    o->friction = -1;
    o->pressure_driven = -1;
}

static int is_inp(const char *path, const char *text, size_t len)
{
    size_t n = path ? strlen(path) : 0;
    if (n > 4 && (strcmp(path + n - 4, ".inp") == 0 ||
                  strcmp(path + n - 4, ".INP") == 0))
        return 1;
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
                       text[i] == '\n'))
        i++;
    return i < len && text[i] == '[';
}

/* GeoJSON: named .geojson or .json, or (not named .yaml or .yml) text
 * that starts as a JSON object: '{' then a quoted key, which a YAML flow
 * mapping of a model (unquoted keys) does not. */
static int ends_with(const char *path, const char *tail)
{
    size_t n = path ? strlen(path) : 0, t = strlen(tail);
    return n > t && strcasecmp(path + n - t, tail) == 0;
}

static int is_geojson(const char *path, const char *text, size_t len)
{
    if (ends_with(path, ".geojson") || ends_with(path, ".json"))
        return 1;
    if (ends_with(path, ".yaml") || ends_with(path, ".yml") ||
        ends_with(path, ".inp"))
        return 0;
    size_t i = 0;
    for (int want = '{'; i < len; i++) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
            text[i] == '\n')
            continue;
        if (text[i] != want)
            return 0;
        if (want == '"')
            return 1;
        want = '"';
    }
    return 0;
}

static int load_materials(hl_model *m, const hl_load_options *o)
{
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_material_db_new(&m->def->materials, &err);
    if (!rc && o->materials_path)
        rc =
            hl_material_db_load_csv(m->def->materials, o->materials_path, &err);
    if (rc)
        return net_fail(m, rc, "%s", err.message);
    return HL_OK;
}

static int load_into(hl_model *m, const char *text, size_t len,
                     const char *origin, const char *base_dir, const char *path,
                     const hl_load_options *o)
{
    if (load_materials(m, o))
        return m->err.code;
    int rc = is_geojson(path, text, len)
                 ? reader_geojson(m, text, len, origin, o)
             : is_inp(path, text, len)
                 ? reader_inp(m, text, len, origin, o)
                 : reader_yaml(m, text, len, origin, base_dir, o);
    if (!rc && !m->net->fluid.constant && !m->net->fluid.tab) {
        hl_error err;
        hl_error_clear(&err);
        rc = fluid_init_iapws(&m->def->fluid, m->net->p_atm + 10e5, &err);
        if (rc)
            net_fail(m, rc, "%s", err.message);
    }
    if (!rc)
        rc = net_finish(m);
    if (!rc && o->pressure_driven >= 0)
        m->pressure_driven = o->pressure_driven != 0;
    return rc ? m->err.code : HL_OK;
}

int hl_model_load_text(hl_model **out, const char *text, size_t len,
                       const char *origin, const char *base_dir,
                       const hl_load_options *opt)
{
    hl_load_options d;
    if (!opt) {
        hl_load_options_init(&d);
        opt = &d;
    }
    hl_model *m = net_new();
    *out = m;
    if (!m)
        return HL_ENOMEM;
    int rc = load_into(m, text, len, origin ? origin : "model", base_dir,
                       origin, opt);
    if (!rc && m->err.code)
        rc = m->err.code; /* a failure recorded on a path that went on */
    m->def = NULL;        /* the network is read-only from here on */
    if (rc) {
        m->failed = 1;
        if (!m->err.code)
            net_fail(m, rc, "%s", hl_strerror(rc));
    }
    return rc;
}

/* Directory part of path ("" for none). */
static void dir_of(const char *path, char *buf, size_t cap)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    if (!slash)
        snprintf(buf, cap, ".");
}

int hl_model_load_with(hl_model **out, const char *path,
                       const hl_load_options *opt)
{
    if (!path) {
        size_t len;
        const char *text = hl_embedded_find(DEFAULT_MODEL, &len);
        if (!text) {
            hl_model *m = net_new();
            *out = m;
            if (!m)
                return HL_ENOMEM;
            m->failed = 1;
            return net_fail(m, HL_ENOTFOUND,
                            "the embedded default model is "
                            "missing from this build");
        }
        return hl_model_load_text(out, text, len, "tuoketuo-hohhot.yaml",
                                  "embedded:models", opt);
    }
    char *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    if (read_text_file(path, &text, &len, &err)) {
        hl_model *m = net_new();
        *out = m;
        if (!m)
            return HL_ENOMEM;
        m->failed = 1;
        return net_fail(m, err.code, "%s", err.message);
    }
    char dir[1024];
    dir_of(path, dir, sizeof dir);
    int rc = hl_model_load_text(out, text, len, path, dir, opt);
    free(text);
    return rc;
}

int hl_model_load(hl_model **out, const char *path)
{
    return hl_model_load_with(out, path, NULL);
}

void hl_model_free(hl_model *m)
{
    net_model_free(m);
}

const char *hl_model_error(const hl_model *m)
{
    if (!m)
        return "out of memory";
    return m->err.message;
}

const char *hl_model_name(const hl_model *m)
{
    return m && m->net->name ? m->net->name : "";
}

const char *hl_model_description(const hl_model *m)
{
    return m && m->net->description ? m->net->description : "";
}

/* ---- counts and ids ---------------------------------------------------------
 */

int hl_model_count(const hl_model *m, int kind)
{
    if (!m || m->failed)
        return 0;
    switch (kind) {
    case HL_NODE:
        return m->net->n_nodes;
    case HL_PIPE:
        return m->net->n_pipes;
    case HL_PUMP:
        return m->net->n_pumps;
    case HL_VALVE:
        return m->net->n_valves;
    case HL_CONSUMER:
        return m->net->n_consumers;
    case HL_SOURCE:
        return m->net->n_sources;
    case HL_HX:
        return m->net->n_hx;
    case HL_CHAMBER:
        return m->net->n_chambers;
    case HL_FITTING:
        return m->net->n_fittings;
    default:
        return 0;
    }
}

static int link_of(const hl_model *m, int kind, int i)
{
    switch (kind) {
    case HL_PIPE:
        return m->net->pp_link[i];
    case HL_PUMP:
        return m->net->pu_link[i];
    case HL_VALVE:
        return m->net->va_link[i];
    case HL_CONSUMER:
        return m->net->co_link[i];
    case HL_SOURCE:
        return m->net->so_link[i];
    default:
        return -1;
    }
}

const char *hl_model_id(const hl_model *m, int kind, int i)
{
    if (i < 0 || i >= hl_model_count(m, kind))
        return NULL;
    switch (kind) {
    case HL_NODE:
        return m->net->nd_id[i];
    case HL_HX:
        return m->net->hx_id[i];
    case HL_CHAMBER:
        return m->net->ch_id[i];
    case HL_FITTING:
        return m->net->fi_id[i];
    default:
        return m->net->lk_id[link_of(m, kind, i)];
    }
}

static const int link_kind_of[] = {-1,       LK_PIPE,     LK_PUMP,
                                   LK_VALVE, LK_CONSUMER, LK_SOURCE};

int hl_model_find(const hl_model *m, int kind, const char *id)
{
    if (!m || m->failed || !id)
        return -1;
    switch (kind) {
    case HL_NODE:
        return index_get(&m->net->node_ix, id);
    case HL_CHAMBER:
        return index_get(&m->net->chamber_ix, id);
    case HL_FITTING:
        return index_get(&m->net->fitting_ix, id);
    case HL_HX: {
        int k = index_get(&m->net->link_ix, id);
        return k >= 0 && m->net->lk_kind[k] == LK_HX_PRIMARY ? m->net->lk_sub[k]
                                                             : -1;
    }
    default:
        if (kind < HL_PIPE || kind > HL_SOURCE)
            return -1;
        int k = index_get(&m->net->link_ix, id);
        return k >= 0 && m->net->lk_kind[k] == link_kind_of[kind]
                   ? m->net->lk_sub[k]
                   : -1;
    }
}

/* ---- boundary conditions
 * ------------------------------------------------------ */

static int ready(hl_model *m)
{
    return m && !m->failed && m->finished;
}

static int bad_value(hl_model *m, const char *what, double v)
{
    return net_fail(m, HL_EINVAL, "%s %g: out of range", what, v);
}

/* An SI value against its row of the physical ranges (util/ranges.c);
 * HL_EINVAL with the table's message. */
static int check_si(hl_model *m, int quantity, const char *what, double v)
{
    hl_error err;
    hl_error_clear(&err);
    if (!hl_range_check_si(quantity, what, v, NULL, &err))
        return HL_OK;
    return net_fail(m, HL_EINVAL, "%s", err.message);
}

static int unknown(hl_model *m, const char *what, const char *id)
{
    return net_fail(m, HL_ENOTFOUND, "no %s with id '%s'", what, id);
}

int hl_model_set_supply_temp(hl_model *m, const char *source_id, double t_k)
{
    if (!ready(m))
        return HL_ESTATE;
    if (check_si(m, HL_Q_WATER_TEMP_C, "supply temperature (C)", t_k))
        return HL_EINVAL;
    int one = source_id ? hl_model_find(m, HL_SOURCE, source_id) : -1;
    if (source_id && one < 0)
        return unknown(m, "source", source_id);
    for (int i = 0; i < m->net->n_sources; i++)
        if (one < 0 || i == one)
            m->so_tsup[i] = t_k;
    return HL_OK;
}

int hl_model_set_demand_scale(hl_model *m, double scale)
{
    if (!ready(m))
        return HL_ESTATE;
    if (check_si(m, HL_Q_DEMAND_SCALE, "demand scale", scale))
        return HL_EINVAL;
    m->demand_scale = scale;
    return HL_OK;
}

int hl_model_set_pump_heat(hl_model *m, int on)
{
    if (!ready(m))
        return HL_ESTATE;
    m->mech_heat = on != 0;
    return HL_OK;
}

int hl_model_set_pressure_driven(hl_model *m, int on)
{
    if (!ready(m))
        return HL_ESTATE;
    m->pressure_driven = on != 0;
    return HL_OK;
}

int hl_model_pressure_driven(const hl_model *m, int *on)
{
    if (!m || m->failed || !m->finished || !on)
        return HL_ESTATE;
    *on = m->pressure_driven;
    return HL_OK;
}

int hl_model_demand_scale(const hl_model *m, double *scale)
{
    if (!m || m->failed || !m->finished || !scale)
        return HL_ESTATE;
    *scale = m->demand_scale;
    return HL_OK;
}

int hl_model_set_consumer_demand(hl_model *m, const char *id, double heat_w)
{
    if (!ready(m))
        return HL_ESTATE;
    int i = hl_model_find(m, HL_CONSUMER, id);
    if (i < 0)
        return unknown(m, "consumer", id ? id : "(null)");
    if (m->net->co_mode[i] != CONS_HEAT_RETURN &&
        m->net->co_mode[i] != CONS_HEAT_DT)
        return net_fail(m, HL_EINVAL,
                        "consumer '%s' is given by its flow, not by heat", id);
    if (check_si(m, HL_Q_HEAT_MW, "heat demand (MW)", heat_w))
        return HL_EINVAL;
    m->co_heat[i] = heat_w;
    return HL_OK;
}

static int set_temp(hl_model *m, double *dst, double t_k, const char *what)
{
    if (!ready(m))
        return HL_ESTATE;
    if (check_si(m, HL_Q_SURROUND_TEMP_C, what, t_k))
        return HL_EINVAL;
    *dst = t_k;
    return HL_OK;
}

int hl_model_set_ground_temp(hl_model *m, double t_k)
{
    return set_temp(m, m ? &m->t_ground : NULL, t_k, "ground temperature (C)");
}

int hl_model_set_air_temp(hl_model *m, double t_k)
{
    return set_temp(m, m ? &m->t_air : NULL, t_k, "air temperature (C)");
}

int hl_model_set_duct_temp(hl_model *m, double t_k)
{
    return set_temp(m, m ? &m->t_duct : NULL, t_k, "duct temperature (C)");
}

int hl_model_set_chamber_temp(hl_model *m, const char *chamber_id, double t_k)
{
    if (!ready(m))
        return HL_ESTATE;
    if (!isnan(t_k) &&
        check_si(m, HL_Q_SURROUND_TEMP_C, "chamber air temperature (C)", t_k))
        return HL_EINVAL;
    int one = chamber_id ? index_get(&m->net->chamber_ix, chamber_id) : -1;
    if (chamber_id && one < 0)
        return unknown(m, "chamber", chamber_id);
    for (int i = 0; i < m->net->n_chambers; i++) {
        if (one >= 0 && i != one)
            continue;
        if (isnan(t_k)) { /* back to the model's own */
            m->ch_fix[i] = m->net->ch_fixed0[i];
            if (m->ch_fix[i])
                m->ch_air[i] = m->net->ch_air0[i];
            continue;
        }
        m->ch_air[i] = t_k;
        m->ch_fix[i] = 1;
    }
    return HL_OK;
}

int hl_model_set_fitting_state(hl_model *m, const char *fitting_id, int state)
{
    if (!ready(m))
        return HL_ESTATE;
    if (state < 0 || state >= HL_FIT_NSTATES)
        return bad_value(m, "fitting state", state);
    int one = fitting_id ? index_get(&m->net->fitting_ix, fitting_id) : -1;
    if (fitting_id && one < 0)
        return unknown(m, "fitting", fitting_id);
    for (int i = 0; i < m->net->n_fittings; i++)
        if (one < 0 || i == one)
            m->fi_state[i] = (signed char)state;
    return HL_OK;
}

int hl_model_reset_fitting_states(hl_model *m)
{
    if (!ready(m))
        return HL_ESTATE;
    for (int i = 0; i < m->net->n_fittings; i++)
        m->fi_state[i] = m->net->fi_state0[i];
    return HL_OK;
}

int hl_model_set_open(hl_model *m, int kind, const char *id, int open)
{
    if (!ready(m))
        return HL_ESTATE;
    if (kind != HL_PIPE && kind != HL_PUMP && kind != HL_VALVE &&
        kind != HL_CONSUMER)
        return net_fail(m, HL_EINVAL,
                        "only pipes, pumps, valves and "
                        "consumers open and close");
    int i = hl_model_find(m, kind, id);
    if (i < 0)
        return unknown(m, "element", id ? id : "(null)");
    int k = link_of(m, kind, i);
    m->lk_open[k] = (signed char)(open != 0);
    m->lk_cv_shut[k] = 0;
    return HL_OK;
}

int hl_model_check_limits(const hl_model *m, hl_check_limits *out)
{
    if (!m || m->failed)
        return HL_ESTATE;
    *out = m->limits;
    return HL_OK;
}

int hl_model_set_check_limits(hl_model *m, const hl_check_limits *lim)
{
    if (!ready(m))
        return HL_ESTATE;
    /* -inf minimum pressure: no check (an EPANET import's) */
    if ((lim->min_pressure_pa != -INFINITY &&
         check_si(m, HL_Q_PRESSURE_BAR_G, "min_pressure_bar_g",
                  lim->min_pressure_pa)) ||
        check_si(m, HL_Q_VELOCITY, "max_velocity_m_per_s",
                 lim->max_velocity_m_s) ||
        check_si(m, HL_Q_PRESSURE_DROP_BAR, "saturation_margin_bar",
                 lim->saturation_margin_pa) ||
        check_si(m, HL_Q_PRESSURE_DROP_BAR, "min_consumer_dp_bar",
                 lim->min_consumer_dp_pa) ||
        check_si(m, HL_Q_SURFACE_LIMIT_C, "burn_limit_c",
                 lim->fitting_surface_k) ||
        check_si(m, HL_Q_PRESSURE_DROP_BAR, "static_margin_bar",
                 lim->static_margin_pa))
        return HL_EINVAL;
    m->limits = *lim;
    return HL_OK;
}

/* ---- results
 * --------------------------------------------------------------------- */

static int solved(const hl_model *m, int kind, int i)
{
    if (!m || m->failed || !m->solved)
        return HL_ESTATE;
    return i >= 0 && i < hl_model_count(m, kind) ? HL_OK : HL_EINVAL;
}

int hl_model_totals(const hl_model *m, hl_totals *out)
{
    if (!m || m->failed || !m->solved)
        return HL_ESTATE;
    *out = m->totals;
    return HL_OK;
}

int hl_model_node_result(const hl_model *m, int i, hl_node_result *out)
{
    int rc = solved(m, HL_NODE, i);
    if (rc)
        return rc;
    out->elevation_m = m->net->nd_z[i];
    out->chainage_m = m->net->nd_chainage[i];
    out->side = m->net->nd_side[i];
    out->pressure_pa = m->nd_p[i];
    out->temp_k = m->nd_t[i];
    double rho = fluid_rho(&m->net->fluid, fluid_clamp_t(m->nd_t[i]),
                           m->nd_p[i] + m->net->p_atm);
    out->head_m = m->net->nd_z[i] + m->nd_p[i] / (rho * m->net->g);
    out->demand_kg_s = net_node_demand(m, i) * m->demand_scale;
    out->external_kg_s = m->nd_ext[i];
    out->fixed_pressure = !isnan(net_node_fixed_p(m, i)) || m->hyd->unk[i] < 0;
    out->connected = m->nd_connected[i];
    out->order = m->nd_order[i];
    return HL_OK;
}

int hl_model_pipe_result(const hl_model *m, int i, hl_pipe_result *out)
{
    int rc = solved(m, HL_PIPE, i);
    if (rc)
        return rc;
    int k = m->net->pp_link[i];
    double mf = m->lk_m[k];
    out->from = m->net->lk_from[k];
    out->to = m->net->lk_to[k];
    out->length_m = m->net->pp_len[i];
    out->inner_diameter_m = m->net->pp_d[i];
    out->mass_flow_kg_s = mf;
    out->velocity_m_s = mf / (m->lk_rho[k] * m->net->pp_area[i]);
    /* the loss at the solved flow, with its Reynolds number and friction
     * factor; Colebrook starts from the solve's cached 1/sqrt(f) every
     * time (it stops within 1e-8, so a start moved by a read would move
     * the last bits of the next read) */
    double g, xcf = m->pp_xcf[i];
    out->dp_friction_pa = hyd_link_loss((hl_model *)m, k, mf, &g);
    ((hl_model *)m)->pp_xcf[i] = xcf;
    out->reynolds = m->pp_re[i];
    out->friction_factor = m->pp_f[i];
    out->heat_loss_w = m->pp_q[i];
    out->temp_in_k = m->pp_tin[i];
    out->temp_out_k = m->pp_tout[i];
    out->ambient_k = pipe_ambient(m, i);
    out->r11_k_m_w = m->pp_r11[i];
    out->r12_k_m_w = m->pp_r12[i];
    out->pair = m->net->pp_pair[i];
    out->open = m->lk_open[k] && !m->lk_cv_shut[k];
    out->friction_heat_w = m->lk_mech[k];
    return HL_OK;
}

int hl_model_pump_result(const hl_model *m, int i, hl_pump_result *out)
{
    int rc = solved(m, HL_PUMP, i);
    if (rc)
        return rc;
    int k = m->net->pu_link[i];
    out->from = m->net->lk_from[k];
    out->to = m->net->lk_to[k];
    out->mass_flow_kg_s = m->lk_m[k];
    out->dp_pa = pump_rise(m, i);
    out->head_m = out->dp_pa / (m->lk_rho[k] * m->net->g);
    out->hydraulic_w = m->lk_m[k] * out->dp_pa / m->lk_rho[k];
    out->efficiency = m->net->pu_eff[i];
    out->speed = m->pu_speed[i];
    out->electric_w =
        out->hydraulic_w > 0 ? out->hydraulic_w / m->net->pu_eff[i] : 0.0;
    out->running = m->lk_open[k] && !m->lk_cv_shut[k];
    out->station = m->net->pu_station[i];
    out->heat_w = m->lk_mech[k];
    return HL_OK;
}

int hl_model_valve_result(const hl_model *m, int i, hl_valve_result *out)
{
    int rc = solved(m, HL_VALVE, i);
    if (rc)
        return rc;
    int k = m->net->va_link[i];
    out->from = m->net->lk_from[k];
    out->to = m->net->lk_to[k];
    out->mass_flow_kg_s = m->lk_m[k];
    out->dp_pa = m->nd_p[m->net->lk_from[k]] - m->nd_p[m->net->lk_to[k]];
    out->open = m->lk_open[k] && !m->lk_cv_shut[k];
    return HL_OK;
}

int hl_model_consumer_result(const hl_model *m, int i, hl_consumer_result *out)
{
    int rc = solved(m, HL_CONSUMER, i);
    if (rc)
        return rc;
    int k = m->net->co_link[i];
    out->from = m->net->lk_from[k];
    out->to = m->net->lk_to[k];
    out->mass_flow_kg_s = m->lk_m[k];
    out->heat_w = m->co_q[i];
    out->temp_in_k = m->co_tin[i];
    out->temp_out_k = m->co_tout[i];
    out->dp_available_pa = m->nd_p[out->from] - m->nd_p[out->to];
    if (isnan(out->heat_w) && fabs(out->mass_flow_kg_s) < 1e-5) {
        /* a consumer without flow (a heat demand of 0, a closed one) is
         * not in the thermal sweep: it takes nothing and its water stands
         * at the temperatures of its nodes */
        out->heat_w = 0.0;
        out->temp_in_k = m->nd_t[out->from];
        out->temp_out_k = m->nd_t[out->to];
    }
    int heat_mode = m->net->co_mode[i] == CONS_HEAT_RETURN ||
                    m->net->co_mode[i] == CONS_HEAT_DT;
    /* a fixed-flow consumer asks its flow at the heat per kg its water
     * brings: more than it gets when pressure-driven and short */
    double fixed_ask = out->heat_w;
    if (m->pressure_driven && !heat_mode && m->lk_open[k])
        fixed_ask = fmax(out->heat_w, net_consumer_fixed_ask(m, i));
    out->heat_asked_w = !heat_mode      ? fixed_ask
                        : m->lk_open[k] ? m->co_heat[i] * m->demand_scale
                                        : 0.0;
    return HL_OK;
}

int hl_model_source_result(const hl_model *m, int i, hl_source_result *out)
{
    int rc = solved(m, HL_SOURCE, i);
    if (rc)
        return rc;
    int k = m->net->so_link[i];
    out->from = m->net->lk_from[k];
    out->to = m->net->lk_to[k];
    out->mass_flow_kg_s = m->lk_m[k];
    out->heat_w = m->so_q[i];
    out->temp_in_k = m->so_tin[i];
    out->temp_out_k = m->so_tout[i];
    out->p_in_pa = m->nd_p[out->from];
    out->p_out_pa = m->nd_p[out->to];
    double hyd = m->lk_m[k] * m->net->lk_rise[k] / m->lk_rho[k];
    out->pump_electric_w =
        !isnan(m->net->so_eff[i]) && hyd > 0 ? hyd / m->net->so_eff[i] : 0.0;
    return HL_OK;
}

int hl_model_hx_result(const hl_model *m, int i, hl_hx_result *out)
{
    int rc = solved(m, HL_HX, i);
    if (rc)
        return rc;
    int kp = m->net->hx_pri[i], ks = m->net->hx_sec[i];
    out->primary_in = m->net->lk_from[kp];
    out->primary_out = m->net->lk_to[kp];
    out->secondary_in = m->net->lk_from[ks];
    out->secondary_out = m->net->lk_to[ks];
    out->primary_kg_s = m->lk_m[kp];
    out->secondary_kg_s = m->lk_m[ks];
    out->heat_w = m->hx_q[i];
    const net_fluid *f = &m->net->fluid;
    out->t_primary_in_k = m->nd_t[out->primary_in];
    out->t_secondary_in_k = m->nd_t[out->secondary_in];
    double mp = fabs(out->primary_kg_s), ms = fabs(out->secondary_kg_s);
    double hp = m->heat->h_out[out->primary_in];
    double hs = m->heat->h_out[out->secondary_in];
    out->t_primary_out_k =
        mp > 0 ? fluid_t_from_h(f, hp - m->hx_q[i] / mp) : out->t_primary_in_k;
    out->t_secondary_out_k = ms > 0 ? fluid_t_from_h(f, hs + m->hx_q[i] / ms)
                                    : out->t_secondary_in_k;
    return HL_OK;
}

int hl_model_fitting_result(const hl_model *m, int i,
                            hl_chamber_fitting_result *out)
{
    int rc = solved(m, HL_FITTING, i);
    if (rc)
        return rc;
    out->chamber = m->net->fi_chamber[i];
    out->node = m->net->fi_node[i];
    out->type = m->net->fi_type[i];
    out->dn = m->net->fi_dn[i];
    out->pn = m->net->fi_pn[i];
    out->count = m->net->fi_count[i];
    out->state = m->fi_state[i];
    double area = m->net->fi_area[i];
    hl_fitting_info info;
    if (m->net->fi_entry[i] >= 0 &&
        hl_fitting_info_at(m->net->fit_cat, m->net->fi_entry[i], &info) ==
            HL_OK)
        area = info.area_m2;
    out->area_m2 = area * m->net->fi_count[i];
    out->medium_temp_k = m->fi_tm[i];
    out->air_temp_k = m->ch_air[m->net->fi_chamber[i]];
    out->heat_loss_w = m->fi_q[i];
    out->surface_temp_k = m->fi_ts[i];
    out->over_limit = m->fi_fail[i];
    out->limit_k = m->limits.fitting_surface_k;
    return HL_OK;
}

int hl_model_chamber_result(const hl_model *m, int i, hl_chamber_result *out)
{
    if (!m || m->failed || !out || i < 0 || i >= m->net->n_chambers)
        return HL_EINVAL;
    if (!m->solved)
        return HL_ESTATE;
    const chamber_conductance *e = &m->net->ch_env[i];
    out->air_temp_k = m->ch_air[i];
    out->air_fixed = m->ch_fix[i];
    out->heat_in_w = m->ch_q_in[i];
    out->heat_ground_w = m->ch_q_ground[i];
    out->heat_roof_w = m->ch_q_roof[i];
    out->heat_vent_w = m->ch_q_vent[i];
    out->ground_w_k = e->floor_w_k + e->walls_w_k;
    out->roof_w_k = e->roof_w_k;
    double dt = m->ch_air[i] - m->t_air;
    out->vent_w_k = fabs(dt) > 0.0 ? m->ch_q_vent[i] / dt : 0.0;
    out->soil_conductivity_w_mk = m->net->ch_geom[i].lambda_soil;
    return HL_OK;
}

int hl_model_chamber_info(const hl_model *m, int i, double *air_k,
                          double *chainage_m)
{
    if (!m || m->failed || i < 0 || i >= m->net->n_chambers)
        return HL_EINVAL;
    *air_k = m->ch_air[i];
    *chainage_m = m->net->ch_chainage[i];
    return HL_OK;
}

int hl_model_warning_count(const hl_model *m)
{
    if (!m || m->failed)
        return 0;
    return m->warn.n;
}

const char *hl_model_warning(const hl_model *m, int i)
{
    if (!m || m->failed || i < 0 || i >= m->warn.n)
        return NULL;
    return m->warn.line[i];
}

/* ---- water
 * -------------------------------------------------------------------------- */

double hl_water_saturation_pressure(double t_k)
{
    return water_psat(t_k);
}

int hl_water_props(double t_k, double p_abs_pa, hl_water *out, hl_error *err)
{
    if (!isfinite(t_k) || !isfinite(p_abs_pa))
        return hl_error_set(err, HL_EINVAL,
                            "temperature and pressure must be finite");
    if (!water_in_region1(t_k, p_abs_pa)) {
        char psat[64] = "";
        if (t_k <= WATER_TC_K) /* no saturation above the critical point */
            snprintf(psat, sizeof psat, " (saturation %.5g bar(a))",
                     water_psat(t_k) / 1e5);
        return hl_error_set(err, HL_ERANGE,
                            "%.2f C at %.5g bar(a) is not liquid water of "
                            "IAPWS-IF97 region 1: 0 to 350 C, from the "
                            "saturation pressure%s to 1000 bar",
                            t_k - HL_ZERO_C_K, p_abs_pa / 1e5, psat);
    }
    water_state s;
    water_region1(t_k, p_abs_pa, &s);
    out->density_kg_m3 = s.rho;
    out->enthalpy_j_kg = s.h;
    out->cp_j_kgk = s.cp;
    out->cv_j_kgk = s.cv;
    out->speed_of_sound_m_s = s.w;
    out->viscosity_pa_s = water_viscosity(t_k, s.rho);
    out->conductivity_w_mk = water_conductivity(t_k, &s);
    out->prandtl = out->viscosity_pa_s * s.cp / out->conductivity_w_mk;
    out->saturation_pressure_pa = water_psat(t_k);
    return HL_OK;
}
