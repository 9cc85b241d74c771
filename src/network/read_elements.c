/*
 * read_elements.c - the element sections of a model file other than pipes:
 * nodes (also from a CSV table), sources, pumps, valves, consumers, heat
 * exchangers, and valve chambers with their fittings. Units are converted
 * here: C -> K, bar -> Pa, MW/kW -> W, m3/h -> m3/s.
 */
#include "network/reader.h"

#include <math.h>
#include <string.h>

#define C_TO_K(x) ((x) + HL_ZERO_C_K)
#define IS(k)     (strcmp(key, (k)) == 0)

/* Read a number and convert: out = v * scale + shift. */
static int num(rd_ctx *c, const rd_value *v, const char *key, double *out,
               double scale, double shift)
{
    double x = 0.0;
    if (rd_number(c, v, key, &x))
        return c->m->err.code;
    *out = x * scale + shift;
    return HL_OK;
}

static int text(rd_ctx *c, const rd_value *v, const char *key, const char **out)
{
    return rd_text(c, v, key, out);
}

static int open_status(rd_ctx *c, const rd_value *v, const char *key, int *open)
{
    static const char *const names[] = {"closed", "open", "off", "on", NULL};
    int i = 0;
    if (rd_choice(c, v, key, names, &i))
        return c->m->err.code;
    *open = i % 2;
    return HL_OK;
}

/* ---- nodes
 * ------------------------------------------------------------------------ */

static const char *const node_keys[] = {"id",
                                        "elevation_m",
                                        "chainage_m",
                                        "side",
                                        "demand_kg_per_s",
                                        "pressure_bar_g",
                                        "inflow_temp_c",
                                        "x_m",
                                        "y_m",
                                        NULL};

static void node_init(rd_ctx *c, void *rec, int where)
{
    (void)c;
    net_node_spec *s = rec;
    net_node_spec_init(s);
    s->where = where;
}

static int node_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    static const char *const sides[] = {"none", "supply", "return", NULL};
    net_node_spec *s = rec;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("elevation_m"))
        return num(c, v, key, &s->z_m, 1, 0);
    if (IS("chainage_m"))
        return num(c, v, key, &s->chainage_m, 1, 0);
    if (IS("side"))
        return rd_choice(c, v, key, sides, &s->side);
    if (IS("demand_kg_per_s"))
        return num(c, v, key, &s->demand_kg_s, 1, 0);
    if (IS("pressure_bar_g"))
        return num(c, v, key, &s->fixed_p_pa, BAR_PA, 0);
    if (IS("inflow_temp_c"))
        return num(c, v, key, &s->inflow_temp_k, 1, HL_ZERO_C_K);
    if (IS("x_m")) /* plan coordinates: the report's map, --geojson */
        return num(c, v, key, &s->x_m, 1, 0);
    if (IS("y_m"))
        return num(c, v, key, &s->y_m, 1, 0);
    return rd_unknown_key(c, v->where, key, "a node", node_keys);
}

static int node_commit(rd_ctx *c, void *rec)
{
    return net_add_node(c->m, rec);
}

int rd_node_item(rd_ctx *c, yaml_node_t *item)
{
    net_node_spec s;
    node_init(c, &s, NET_WHERE(c->origin, rd_line(item)));
    if (rd_map_each(c, item, &s, node_set, "a node"))
        return c->m->err.code;
    return node_commit(c, &s);
}

int rd_nodes_csv(rd_ctx *c, const rd_value *v)
{
    net_node_spec s;
    return rd_csv_table(c, v, "nodes_csv", &s, node_init, node_set,
                        node_commit);
}

/* ---- sources
 * ---------------------------------------------------------------------- */

static const char *const source_keys[] = {"id",
                                          "inlet",
                                          "outlet",
                                          "supply_temp_c",
                                          "heat_mw",
                                          "outlet_pressure_bar_g",
                                          "inlet_pressure_bar_g",
                                          "pressure_lift_bar",
                                          "pump_efficiency",
                                          "station",
                                          NULL};

static int source_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    net_source_spec *s = rec;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("inlet"))
        return text(c, v, key, &s->from);
    if (IS("outlet"))
        return text(c, v, key, &s->to);
    if (IS("station"))
        return text(c, v, key, &s->station);
    if (IS("supply_temp_c"))
        return num(c, v, key, &s->supply_k, 1, HL_ZERO_C_K);
    if (IS("heat_mw"))
        return num(c, v, key, &s->heat_w, 1e6, 0);
    if (IS("outlet_pressure_bar_g"))
        return num(c, v, key, &s->p_out_pa, BAR_PA, 0);
    if (IS("inlet_pressure_bar_g"))
        return num(c, v, key, &s->p_in_pa, BAR_PA, 0);
    if (IS("pressure_lift_bar"))
        return num(c, v, key, &s->lift_pa, BAR_PA, 0);
    if (IS("pump_efficiency"))
        return num(c, v, key, &s->pump_efficiency, 1, 0);
    return rd_unknown_key(c, v->where, key, "a source", source_keys);
}

int rd_source_item(rd_ctx *c, yaml_node_t *item)
{
    net_source_spec s;
    net_source_spec_init(&s);
    s.where = NET_WHERE(c->origin, rd_line(item));
    if (rd_map_each(c, item, &s, source_set, "a source"))
        return c->m->err.code;
    if (!isnan(s.heat_w) && !isnan(s.supply_k))
        return rd_fail(c, s.where, HL_EPARSE,
                       "source '%s': give "
                       "supply_temp_c or heat_mw, not both",
                       s.id ? s.id : "?");
    if (isnan(s.heat_w) && isnan(s.supply_k))
        return rd_fail(c, s.where, HL_EPARSE,
                       "source '%s': give supply_temp_c or heat_mw",
                       s.id ? s.id : "?");
    return net_add_source(c->m, &s);
}

/* ---- pumps
 * ----------------------------------------------------------------------------
 */

static const char *const pump_keys[] = {"id",
                                        "from",
                                        "to",
                                        "station",
                                        "design_flow_m3_per_h",
                                        "design_head_m",
                                        "curve",
                                        "pressure_rise_bar",
                                        "efficiency",
                                        "speed",
                                        "parallel",
                                        "status",
                                        "control_node",
                                        "control_pressure_bar_g",
                                        NULL};

typedef struct pump_rec {
    net_pump_spec s;
    double design_q, design_h;
} pump_rec;

static int list_numbers(rd_ctx *c, yaml_node_t *seq, const char *key,
                        double *out, int cap, int *n, double scale)
{
    rd_value v = {NULL, seq, NET_WHERE(c->origin, rd_line(seq))};
    if (rd_expect(c, &v, YAML_SEQUENCE_NODE, key))
        return c->m->err.code;
    *n = 0;
    for (yaml_node_item_t *it = seq->data.sequence.items.start;
         it < seq->data.sequence.items.top; it++) {
        yaml_node_t *x = rd_node(c, *it);
        rd_value xv = {NULL, x, NET_WHERE(c->origin, rd_line(x))};
        if (x && x->type == YAML_SCALAR_NODE)
            xv.text = (const char *)x->data.scalar.value;
        if (*n == cap)
            return rd_fail(c, xv.where, HL_ERANGE, "%s: more than %d values",
                           key, cap);
        if (num(c, &xv, key, &out[*n], scale, 0))
            return c->m->err.code;
        (*n)++;
    }
    return HL_OK;
}

static int curve_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    static const char *const keys[] = {"flow_m3_per_h", "head_m", NULL};
    pump_rec *p = rec;
    int n;
    if (IS("flow_m3_per_h")) {
        if (list_numbers(c, v->node, key, p->s.q_m3_s, NET_MAX_CURVE, &n,
                         1.0 / 3600.0))
            return c->m->err.code;
        p->s.n_points = n;
        return HL_OK;
    }
    if (IS("head_m")) {
        if (list_numbers(c, v->node, key, p->s.h_m, NET_MAX_CURVE, &n, 1.0))
            return c->m->err.code;
        if (n != p->s.n_points)
            return rd_fail(c, v->where, HL_EPARSE,
                           "curve: %d heads for %d "
                           "flows (give flow_m3_per_h first, as many heads)",
                           n, p->s.n_points);
        return HL_OK;
    }
    return rd_unknown_key(c, v->where, key, "a pump curve", keys);
}

static int pump_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    pump_rec *p = rec;
    net_pump_spec *s = &p->s;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("from"))
        return text(c, v, key, &s->from);
    if (IS("to"))
        return text(c, v, key, &s->to);
    if (IS("station"))
        return text(c, v, key, &s->station);
    if (IS("design_flow_m3_per_h"))
        return num(c, v, key, &p->design_q, 1.0 / 3600.0, 0);
    if (IS("design_head_m"))
        return num(c, v, key, &p->design_h, 1, 0);
    if (IS("curve")) {
        s->curve = PUMP_TABLE;
        if (rd_expect(c, v, YAML_MAPPING_NODE, key))
            return c->m->err.code;
        return rd_map_each(c, v->node, p, curve_set, "a pump curve");
    }
    if (IS("pressure_rise_bar")) {
        s->curve = PUMP_FIXED;
        return num(c, v, key, &s->rise_pa, BAR_PA, 0);
    }
    if (IS("efficiency"))
        return num(c, v, key, &s->efficiency, 1, 0);
    if (IS("speed"))
        return num(c, v, key, &s->speed, 1, 0);
    if (IS("parallel"))
        return rd_int(c, v, key, &s->parallel);
    if (IS("status"))
        return open_status(c, v, key, &s->running);
    if (IS("control_node"))
        return text(c, v, key, &s->control_node);
    if (IS("control_pressure_bar_g"))
        return num(c, v, key, &s->control_p_pa, BAR_PA, 0);
    return rd_unknown_key(c, v->where, key, "a pump", pump_keys);
}

int rd_pump_item(rd_ctx *c, yaml_node_t *item)
{
    pump_rec p;
    net_pump_spec_init(&p.s);
    p.s.curve = -1;
    p.design_q = p.design_h = NAN;
    p.s.where = NET_WHERE(c->origin, rd_line(item));
    if (rd_map_each(c, item, &p, pump_set, "a pump"))
        return c->m->err.code;
    int design = !isnan(p.design_q) || !isnan(p.design_h);
    if (design && p.s.curve >= 0)
        return rd_fail(c, p.s.where, HL_EPARSE,
                       "pump '%s': give one of a "
                       "design point, a curve or a pressure rise",
                       p.s.id ? p.s.id : "?");
    if (design) {
        if (isnan(p.design_q) || isnan(p.design_h))
            return rd_fail(c, p.s.where, HL_EPARSE,
                           "pump '%s': a design "
                           "point needs design_flow_m3_per_h and "
                           "design_head_m",
                           p.s.id ? p.s.id : "?");
        p.s.curve = PUMP_POWER;
        p.s.n_points = 1;
        p.s.q_m3_s[0] = p.design_q;
        p.s.h_m[0] = p.design_h;
    }
    if (p.s.curve < 0)
        return rd_fail(c, p.s.where, HL_EPARSE,
                       "pump '%s': no design point, "
                       "curve or pressure_rise_bar",
                       p.s.id ? p.s.id : "?");
    if (p.s.curve == PUMP_TABLE && p.s.n_points == 1)
        p.s.curve = PUMP_POWER;
    return net_add_pump(c->m, &p.s);
}

/* ---- valves
 * ------------------------------------------------------------------------------
 */

static const char *const valve_keys[] = {
    "id",          "from", "to", "station",     "type",          "status",
    "kv_m3_per_h", "zeta", "dn", "diameter_mm", "flow_kg_per_s", NULL};

typedef struct valve_rec {
    net_valve_spec s;
    int dn;
} valve_rec;

static int valve_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    static const char *const types[] = {"isolation", "check", "flow-control",
                                        NULL};
    valve_rec *r = rec;
    net_valve_spec *s = &r->s;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("from"))
        return text(c, v, key, &s->from);
    if (IS("to"))
        return text(c, v, key, &s->to);
    if (IS("station"))
        return text(c, v, key, &s->station);
    if (IS("type"))
        return rd_choice(c, v, key, types, &s->type);
    if (IS("status"))
        return open_status(c, v, key, &s->open);
    if (IS("kv_m3_per_h"))
        return num(c, v, key, &s->kv_m3_h, 1, 0);
    if (IS("zeta"))
        return num(c, v, key, &s->zeta, 1, 0);
    if (IS("dn"))
        return rd_int(c, v, key, &r->dn);
    if (IS("diameter_mm"))
        return num(c, v, key, &s->d_m, 1e-3, 0);
    if (IS("flow_kg_per_s"))
        return num(c, v, key, &s->flow_kg_s, 1, 0);
    return rd_unknown_key(c, v->where, key, "a valve", valve_keys);
}

int rd_valve_item(rd_ctx *c, yaml_node_t *item)
{
    valve_rec r;
    net_valve_spec_init(&r.s);
    r.dn = 0;
    r.s.where = NET_WHERE(c->origin, rd_line(item));
    if (rd_map_each(c, item, &r, valve_set, "a valve"))
        return c->m->err.code;
    if (isnan(r.s.d_m) && r.dn > 0) {
        r.s.d_m = net_dn_outer_diameter(r.dn);
        if (isnan(r.s.d_m))
            return rd_fail(c, r.s.where, HL_ERANGE,
                           "valve '%s': DN%d is "
                           "not a standard size (give diameter_mm)",
                           r.s.id ? r.s.id : "?", r.dn);
    }
    if (r.s.type == VALVE_FLOW && isnan(r.s.flow_kg_s))
        return rd_fail(c, r.s.where, HL_EPARSE,
                       "valve '%s': a flow-control "
                       "valve needs flow_kg_per_s",
                       r.s.id ? r.s.id : "?");
    return net_add_valve(c->m, &r.s);
}

/* ---- consumers
 * -------------------------------------------------------------------------------
 */

static const char *const consumer_keys[] = {
    "id",      "supply",        "return",        "heat_mw",
    "heat_kw", "flow_kg_per_s", "return_temp_c", "delta_t_k",
    NULL};

static int consumer_set(rd_ctx *c, void *rec, const char *key,
                        const rd_value *v)
{
    net_consumer_spec *s = rec;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("supply"))
        return text(c, v, key, &s->from);
    if (IS("return"))
        return text(c, v, key, &s->to);
    if (IS("heat_mw"))
        return num(c, v, key, &s->heat_w, 1e6, 0);
    if (IS("heat_kw"))
        return num(c, v, key, &s->heat_w, 1e3, 0);
    if (IS("flow_kg_per_s"))
        return num(c, v, key, &s->flow_kg_s, 1, 0);
    if (IS("return_temp_c"))
        return num(c, v, key, &s->return_k, 1, HL_ZERO_C_K);
    if (IS("delta_t_k"))
        return num(c, v, key, &s->dt_k, 1, 0);
    return rd_unknown_key(c, v->where, key, "a consumer", consumer_keys);
}

int rd_consumer_item(rd_ctx *c, yaml_node_t *item)
{
    net_consumer_spec s;
    net_consumer_spec_init(&s);
    s.where = NET_WHERE(c->origin, rd_line(item));
    if (rd_map_each(c, item, &s, consumer_set, "a consumer"))
        return c->m->err.code;
    const char *id = s.id ? s.id : "?";
    int heat = !isnan(s.heat_w), flow = !isnan(s.flow_kg_s);
    int ret = !isnan(s.return_k), dt = !isnan(s.dt_k);
    if (heat == flow)
        return rd_fail(c, s.where, HL_EPARSE,
                       "consumer '%s': give heat_mw "
                       "(or heat_kw) or flow_kg_per_s",
                       id);
    if (ret == dt)
        return rd_fail(c, s.where, HL_EPARSE,
                       "consumer '%s': give "
                       "return_temp_c or delta_t_k",
                       id);
    s.mode = heat ? (ret ? CONS_HEAT_RETURN : CONS_HEAT_DT)
                  : (ret ? CONS_FLOW_RETURN : CONS_FLOW_DT);
    return net_add_consumer(c->m, &s);
}

/* ---- heat exchangers
 * -------------------------------------------------------------------------- */

static const char *const hx_keys[] = {"id",
                                      "station",
                                      "primary_in",
                                      "primary_out",
                                      "secondary_in",
                                      "secondary_out",
                                      "approach_k",
                                      "ua_kw_per_k",
                                      "primary_dp_bar",
                                      "secondary_dp_bar",
                                      "design_flow_kg_per_s",
                                      NULL};

static int hx_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    net_hx_spec *s = rec;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("station"))
        return text(c, v, key, &s->station);
    if (IS("primary_in"))
        return text(c, v, key, &s->pri_in);
    if (IS("primary_out"))
        return text(c, v, key, &s->pri_out);
    if (IS("secondary_in"))
        return text(c, v, key, &s->sec_in);
    if (IS("secondary_out"))
        return text(c, v, key, &s->sec_out);
    if (IS("approach_k")) {
        s->mode = HX_APPROACH;
        return num(c, v, key, &s->approach_k, 1, 0);
    }
    if (IS("ua_kw_per_k")) {
        s->mode = HX_UA;
        return num(c, v, key, &s->ua_w_k, 1e3, 0);
    }
    if (IS("primary_dp_bar"))
        return num(c, v, key, &s->pri_dp_pa, BAR_PA, 0);
    if (IS("secondary_dp_bar"))
        return num(c, v, key, &s->sec_dp_pa, BAR_PA, 0);
    if (IS("design_flow_kg_per_s"))
        return num(c, v, key, &s->design_kg_s, 1, 0);
    return rd_unknown_key(c, v->where, key, "a heat exchanger", hx_keys);
}

int rd_hx_item(rd_ctx *c, yaml_node_t *item)
{
    net_hx_spec s;
    net_hx_spec_init(&s);
    s.mode = -1;
    s.where = NET_WHERE(c->origin, rd_line(item));
    if (rd_map_each(c, item, &s, hx_set, "a heat exchanger"))
        return c->m->err.code;
    if (s.mode < 0 || (!isnan(s.approach_k) && !isnan(s.ua_w_k)))
        return rd_fail(c, s.where, HL_EPARSE,
                       "heat exchanger '%s': give "
                       "approach_k or ua_kw_per_k",
                       s.id ? s.id : "?");
    return net_add_hx(c->m, &s);
}

/* ---- chambers and fittings
 * ---------------------------------------------------------------------- */

static const char *const chamber_keys[] = {"id",
                                           "station",
                                           "air_temp_c",
                                           "chainage_m",
                                           "fittings",
                                           "inner_length_m",
                                           "inner_width_m",
                                           "inner_height_m",
                                           "wall_thickness_m",
                                           "roof_depth_m",
                                           "concrete_conductivity_w_per_mk",
                                           "soil_conductivity_w_per_mk",
                                           "air_changes_per_h",
                                           NULL};
static const char *const fitting_keys[] = {
    "id",   "type",    "dn",
    "pn",   "state",   "count",
    "node", "area_m2", "outer_diameter_mm",
    NULL};

typedef struct chamber_rec {
    net_chamber_spec s;
    yaml_node_t *fittings;
    int fittings_where;
} chamber_rec;

static int fitting_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    static const char *const states[] = {"bare", "coated", "jacketed", NULL};
    net_fitting_spec *s = rec;
    if (IS("id"))
        return text(c, v, key, &s->id);
    if (IS("type"))
        return text(c, v, key, &s->type);
    if (IS("node"))
        return text(c, v, key, &s->node);
    if (IS("dn"))
        return rd_int(c, v, key, &s->dn);
    if (IS("pn"))
        return rd_int(c, v, key, &s->pn);
    if (IS("count"))
        return rd_int(c, v, key, &s->count);
    if (IS("state"))
        return rd_choice(c, v, key, states, &s->state);
    if (IS("area_m2"))
        return num(c, v, key, &s->area_m2, 1, 0);
    if (IS("outer_diameter_mm"))
        return num(c, v, key, &s->od_m, 1e-3, 0);
    return rd_unknown_key(c, v->where, key, "a fitting", fitting_keys);
}

/* The envelope and ventilation keys of a chamber; 1 if key is one (*rc
 * the reader's status). */
static int chamber_envelope_key(rd_ctx *c, net_chamber_spec *s, const char *key,
                                const rd_value *v, int *rc)
{
    chamber_geometry *g = &s->geom;
    double *to = IS("inner_length_m")                   ? &g->length_m
                 : IS("inner_width_m")                  ? &g->width_m
                 : IS("inner_height_m")                 ? &g->height_m
                 : IS("wall_thickness_m")               ? &g->wall_m
                 : IS("roof_depth_m")                   ? &g->roof_depth_m
                 : IS("concrete_conductivity_w_per_mk") ? &g->lambda_concrete
                 : IS("soil_conductivity_w_per_mk")     ? &g->lambda_soil
                 : IS("air_changes_per_h")              ? &s->air_changes_per_h
                                                        : NULL;
    if (to)
        *rc = num(c, v, key, to, 1, 0);
    return to != NULL;
}

static int chamber_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    chamber_rec *r = rec;
    int rc;
    if (IS("id"))
        return text(c, v, key, &r->s.id);
    if (IS("station"))
        return text(c, v, key, &r->s.station);
    if (IS("air_temp_c"))
        return num(c, v, key, &r->s.air_k, 1, HL_ZERO_C_K);
    if (IS("chainage_m"))
        return num(c, v, key, &r->s.chainage_m, 1, 0);
    if (chamber_envelope_key(c, &r->s, key, v, &rc))
        return rc;
    if (IS("fittings")) {
        if (rd_expect(c, v, YAML_SEQUENCE_NODE, key))
            return c->m->err.code;
        r->fittings = v->node;
        return HL_OK;
    }
    return rd_unknown_key(c, v->where, key, "a chamber", chamber_keys);
}

static int chamber_fittings(rd_ctx *c, chamber_rec *r)
{
    int n = 0;
    for (yaml_node_item_t *it = r->fittings->data.sequence.items.start;
         it < r->fittings->data.sequence.items.top; it++, n++) {
        yaml_node_t *item = rd_node(c, *it);
        net_fitting_spec s;
        net_fitting_spec_init(&s);
        s.where = NET_WHERE(c->origin, rd_line(item));
        s.chamber = r->s.id;
        if (rd_map_each(c, item, &s, fitting_set, "a fitting"))
            return c->m->err.code;
        char id[160];
        if (!s.id) { /* default id: chamber/type-n */
            snprintf(id, sizeof id, "%s/%s-%d", r->s.id,
                     s.type ? s.type : "fitting", n + 1);
            s.id = id;
        }
        if (!s.type || !s.node)
            return rd_fail(c, s.where, HL_EPARSE,
                           "fitting '%s': needs type "
                           "and node",
                           s.id);
        if (net_add_fitting(c->m, &s))
            return c->m->err.code;
    }
    return HL_OK;
}

int rd_chamber_item(rd_ctx *c, yaml_node_t *item)
{
    chamber_rec r;
    net_chamber_spec_init(&r.s);
    r.fittings = NULL;
    r.s.air_k = rd_default_chamber_air(c->m);
    r.s.where = NET_WHERE(c->origin, rd_line(item));
    if (rd_map_each(c, item, &r, chamber_set, "a chamber"))
        return c->m->err.code;
    if (net_add_chamber(c->m, &r.s))
        return c->m->err.code;
    return r.fittings ? chamber_fittings(c, &r) : HL_OK;
}
