/*
 * read_transient.c - the optional `transient:` section of a YAML model
 * file (docs/model-format.md, "transient"): pipe-wall elasticity and
 * restraint, the verdict's vapour margin, and lists of pumps (inertia,
 * speed, bypass check valve) and pipes (wave speed, fixed friction
 * factor) by id. Ids are resolved against the links read before; every
 * message names file:line.
 */
#include "network/net_transient.h"
#include "network/reader.h"
#include "physics/transient.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define IS(k) (strcmp(key, (k)) == 0)

static const char *const transient_keys[] = {
    "young_modulus_gpa", "poisson_ratio", "restraint",
    "vapour_margin_bar", "pumps",         "pipes",
    "air_vessels",       "relief_valves", "surge_tanks",
    "check_valves",      "valves",        NULL};
static const char *const tank_keys[] = {
    "id",       "node",     "area_m2", "level_m",
    "bottom_m", "top_m",    "one_way", "connection_diameter_mm",
    "zeta_in",  "zeta_out", NULL};
static const char *const relief_keys[] = {
    "id", "node", "set_pressure_bar_g", "capacity_kg_per_s", "accumulation_bar",
    NULL};
static const char *const vessel_keys[] = {"id",
                                          "node",
                                          "gas_volume_m3",
                                          "polytropic_exponent",
                                          "connection_diameter_mm",
                                          "zeta_in",
                                          "zeta_out",
                                          NULL};
static const char *const pump_keys[] = {"id",          "inertia_kg_m2",
                                        "speed_rpm",   "bypass_check",
                                        "check_valve", "check_closure_delay_s",
                                        "suter_wh",    "suter_wb",
                                        "suter",       NULL};
/* the values of a pump's `suter:` key, in enum transient_suter's order */
static const char *const suter_choices[] = {"auto",  "affinity", "ns25",
                                            "ns147", "ns261",    NULL};

#define SUTER_MAX 361 /* points of a Suter table (1 degree steps) */
#define SUTER_MIN 8
static const char *const check_keys[] = {"id", "closure_delay_s", NULL};
static const char *const valve_char_keys[] = {"id", "opening", "kv_ratio",
                                              NULL};
static const char *const pipe_keys[] = {"id", "wave_speed_m_per_s",
                                        "friction_factor", NULL};

void net_transient_free(net_transient *t)
{
    if (!t)
        return;
    free(t->pump_link);
    free(t->inertia_kg_m2);
    free(t->speed_rpm);
    free(t->bypass);
    free(t->check);
    free(t->check_delay_s);
    free(t->check_link);
    free(t->check_valve_delay_s);
    for (int i = 0; i < t->n_valve_chars; i++) {
        free(t->vc_open[i]);
        free(t->vc_kv[i]);
    }
    free(t->vc_link);
    free(t->vc_n);
    free(t->vc_open);
    free(t->vc_kv);
    for (int i = 0; i < t->n_pumps; i++) {
        free(t->suter_wh ? t->suter_wh[i] : NULL);
        free(t->suter_wb ? t->suter_wb[i] : NULL);
    }
    free(t->n_suter);
    free(t->suter);
    free(t->suter_wh);
    free(t->suter_wb);
    free(t->pipe_link);
    free(t->wave_speed);
    free(t->friction);
    free(t->vessel_id);
    free(t->vessel_node);
    free(t->gas_m3);
    free(t->polytropic);
    free(t->conn_d_m);
    free(t->zeta_in);
    free(t->zeta_out);
    free(t->relief_id);
    free(t->relief_node);
    free(t->relief_set_pa);
    free(t->relief_cap_kg_s);
    free(t->relief_acc_pa);
    free(t->tank_id);
    free(t->tank_node);
    free(t->tank_area_m2);
    free(t->tank_level_m);
    free(t->tank_bottom_m);
    free(t->tank_top_m);
    free(t->tank_d_m);
    free(t->tank_zin);
    free(t->tank_zout);
    free(t->tank_one_way);
    free(t);
}

/* A number in lo..hi (inclusive; hi INFINITY = open). */
static int ranged(rd_ctx *c, const rd_value *v, const char *key, double lo,
                  double hi, int open_lo, double *out)
{
    double x = 0.0;
    if (rd_number(c, v, key, &x))
        return c->m->err.code;
    if (!(open_lo ? x > lo : x >= lo) || !(x <= hi))
        return rd_fail(c, v->where, HL_ERANGE,
                       "transient: %s %g: expected %s %g and at most %g", key,
                       x, open_lo ? ">" : ">=", lo, hi);
    *out = x;
    return HL_OK;
}

/* One list item being read: its id, position and values. */
typedef struct tr_item {
    const char *id;
    int where;
    double a, b;
    int flag;
    int check;       /* pumps: discharge check valve */
    double delay;    /* pumps: its closure delay after reverse flow, s */
    int n_wh, n_wb;  /* pumps: Suter tables read */
    double *wh, *wb; /* (SUTER_MAX each, or NULL) */
    int suter;       /* pumps: enum transient_suter (0: auto) */
} tr_item;

/* A YAML list of numbers into out (SUTER_MAX at most). */
static int suter_list(rd_ctx *c, const rd_value *v, const char *key,
                      double **out, int *n)
{
    if (rd_expect(c, v, YAML_SEQUENCE_NODE, key))
        return c->m->err.code;
    if (!*out && !(*out = malloc(sizeof(double) * SUTER_MAX)))
        return rd_fail(c, v->where, HL_ENOMEM, "out of memory");
    *n = 0;
    yaml_node_t *seq = v->node;
    for (yaml_node_item_t *it = seq->data.sequence.items.start;
         it < seq->data.sequence.items.top; it++) {
        yaml_node_t *x = rd_node(c, *it);
        rd_value xv = {NULL, x, NET_WHERE(c->origin, rd_line(x))};
        if (x && x->type == YAML_SCALAR_NODE)
            xv.text = (const char *)x->data.scalar.value;
        if (*n == SUTER_MAX)
            return rd_fail(c, xv.where, HL_ERANGE,
                           "transient: %s: more than %d values", key,
                           SUTER_MAX);
        if (ranged(c, &xv, key, -100.0, 100.0, 0, &(*out)[*n]))
            return c->m->err.code;
        (*n)++;
    }
    return HL_OK;
}

static int pump_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    tr_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("inertia_kg_m2"))
        return ranged(c, v, key, 0.0, 1e6, 1, &it->a);
    if (IS("speed_rpm"))
        return ranged(c, v, key, 0.0, 1e5, 1, &it->b);
    if (IS("bypass_check"))
        return rd_bool(c, v, key, &it->flag);
    if (IS("check_valve"))
        return rd_bool(c, v, key, &it->check);
    if (IS("check_closure_delay_s"))
        return ranged(c, v, key, 0.0, 600.0, 0, &it->delay);
    if (IS("suter_wh"))
        return suter_list(c, v, key, &it->wh, &it->n_wh);
    if (IS("suter_wb"))
        return suter_list(c, v, key, &it->wb, &it->n_wb);
    if (IS("suter"))
        return rd_choice(c, v, key, suter_choices, &it->suter);
    return rd_unknown_key(c, v->where, key, "transient pump", pump_keys);
}

static int pipe_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    tr_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("wave_speed_m_per_s"))
        return ranged(c, v, key, 0.0, 1e4, 1, &it->a);
    if (IS("friction_factor"))
        return ranged(c, v, key, 0.0, 1.0, 0, &it->b);
    return rd_unknown_key(c, v->where, key, "transient pipe", pipe_keys);
}

static int check_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    tr_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("closure_delay_s"))
        return ranged(c, v, key, 0.0, 600.0, 0, &it->delay);
    return rd_unknown_key(c, v->where, key, "transient check valve",
                          check_keys);
}

static int valve_char_set(rd_ctx *c, void *rec, const char *key,
                          const rd_value *v)
{
    tr_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("opening"))
        return suter_list(c, v, key, &it->wh, &it->n_wh);
    if (IS("kv_ratio"))
        return suter_list(c, v, key, &it->wb, &it->n_wb);
    return rd_unknown_key(c, v->where, key, "transient valve", valve_char_keys);
}

/* A valve's characteristic: openings rising from 0 to 1, Kv over its
 * fully open Kv from 0 to 1, never falling. */
static int valve_char_check(rd_ctx *c, const tr_item *it)
{
    int n = it->n_wh;
    if (!it->wh || !it->wb || n != it->n_wb || n < 2)
        return rd_fail(c, it->where, HL_EPARSE,
                       "transient valve '%s': opening and kv_ratio must both "
                       "be given, as many values each, at least 2 (%d and %d)",
                       it->id ? it->id : "", it->wh ? it->n_wh : 0,
                       it->wb ? it->n_wb : 0);
    int ok = it->wh[0] == 0.0 && it->wb[0] == 0.0 && it->wh[n - 1] == 1.0 &&
             it->wb[n - 1] == 1.0;
    for (int i = 1; ok && i < n; i++)
        ok = it->wh[i] > it->wh[i - 1] && it->wb[i] >= it->wb[i - 1];
    if (!ok)
        return rd_fail(c, it->where, HL_ERANGE,
                       "transient valve '%s': expected openings rising from 0 "
                       "to 1 and kv_ratio from 0 to 1, never falling",
                       it->id ? it->id : "");
    return HL_OK;
}

/* The link of an item's id, which must be of the given kind. */
static int resolve(rd_ctx *c, const tr_item *it, int kind, const char *what)
{
    if (!it->id)
        return rd_fail(c, it->where, HL_EPARSE, "transient %s: missing 'id'",
                       what);
    int k = index_get(&c->m->def->link_ix, it->id);
    if (k < 0 || c->m->def->lk_kind[k] != kind)
        return rd_fail(c, it->where, HL_ENOTFOUND,
                       "transient: no %s '%s' in the model", what, it->id);
    return k;
}

static int grow(void **p, int n, size_t size)
{
    void *q = realloc(*p, (size_t)(n + 1) * size);
    if (!q)
        return 0;
    *p = q;
    return 1;
}

/* Suter tables of a pump item: both or neither, as many points each,
 * SUTER_MIN at least, and a rotor to turn (inertia). */
static int suter_check(rd_ctx *c, const tr_item *it, int k)
{
    const char *id = c->m->def->lk_id[k];
    if ((it->wh || it->wb) && it->suter != SUTER_AUTO)
        return rd_fail(c, it->where, HL_EPARSE,
                       "transient pump '%s': suter: %s and suter_wh / "
                       "suter_wb: give the curves or the choice, not both",
                       id, suter_choices[it->suter]);
    if (!it->wh && !it->wb && it->suter >= SUTER_NS25 && !isfinite(it->a))
        return rd_fail(c, it->where, HL_EPARSE,
                       "transient pump '%s': suter: %s needs inertia_kg_m2 "
                       "(the rotor's speed follows its torque)",
                       id, suter_choices[it->suter]);
    if (!it->wh && !it->wb)
        return HL_OK;
    if (!it->wh || !it->wb || it->n_wh != it->n_wb)
        return rd_fail(c, it->where, HL_EPARSE,
                       "transient pump '%s': suter_wh and suter_wb must "
                       "both be given, as many values each (%d and %d)",
                       id, it->n_wh, it->n_wb);
    if (it->n_wh < SUTER_MIN)
        return rd_fail(c, it->where, HL_ERANGE,
                       "transient pump '%s': %d Suter values: expected %d "
                       "to %d over 0..360 degrees",
                       id, it->n_wh, SUTER_MIN, SUTER_MAX);
    if (!isfinite(it->a))
        return rd_fail(c, it->where, HL_EPARSE,
                       "transient pump '%s': Suter curves need "
                       "inertia_kg_m2 (the rotor's speed follows its torque)",
                       id);
    return HL_OK;
}

static int pump_store(rd_ctx *c, tr_item *it, int k)
{
    net_transient *t = c->m->def->transient;
    int n = t->n_pumps;
    if (!grow((void **)&t->pump_link, n, sizeof(int)) ||
        !grow((void **)&t->inertia_kg_m2, n, sizeof(double)) ||
        !grow((void **)&t->speed_rpm, n, sizeof(double)) ||
        !grow((void **)&t->bypass, n, 1) || !grow((void **)&t->check, n, 1) ||
        !grow((void **)&t->check_delay_s, n, sizeof(double)) ||
        !grow((void **)&t->n_suter, n, sizeof(int)) ||
        !grow((void **)&t->suter_wh, n, sizeof(double *)) ||
        !grow((void **)&t->suter_wb, n, sizeof(double *)) ||
        !grow((void **)&t->suter, n, 1))
        return rd_fail(c, it->where, HL_ENOMEM, "out of memory");
    t->pump_link[n] = k;
    t->inertia_kg_m2[n] = it->a;
    t->speed_rpm[n] = it->b;
    t->bypass[n] = (signed char)it->flag;
    t->check[n] = (signed char)it->check;
    t->check_delay_s[n] = it->delay;
    t->n_suter[n] = it->wh ? it->n_wh : 0;
    t->suter_wh[n] = it->wh; /* owned by the section from here */
    t->suter_wb[n] = it->wb;
    t->suter[n] = (signed char)it->suter;
    it->wh = it->wb = NULL;
    t->n_pumps++;
    return HL_OK;
}

static int pump_item(rd_ctx *c, yaml_node_t *item)
{
    tr_item it = {.where = NET_WHERE(c->origin, rd_line(item)),
                  .a = NAN,
                  .b = NAN,
                  .check = 1,
                  .suter = SUTER_AUTO};
    int rc = rd_map_each(c, item, &it, pump_set, "transient pump");
    int k = rc ? -1 : resolve(c, &it, LK_PUMP, "pump");
    if (!rc && k < 0)
        rc = c->m->err.code;
    if (!rc)
        rc = suter_check(c, &it, k);
    if (!rc)
        rc = pump_store(c, &it, k);
    free(it.wh);
    free(it.wb);
    return rc;
}

/* A check valve's closure delay (a valve of type check). */
static int check_item(rd_ctx *c, yaml_node_t *item)
{
    net_transient *t = c->m->def->transient;
    tr_item it = {.where = NET_WHERE(c->origin, rd_line(item))};
    if (rd_map_each(c, item, &it, check_set, "transient check valve"))
        return c->m->err.code;
    int k = resolve(c, &it, LK_VALVE, "valve");
    if (k < 0)
        return c->m->err.code;
    if (c->m->def->va_type[c->m->def->lk_sub[k]] != VALVE_CHECK)
        return rd_fail(c, it.where, HL_EINVAL,
                       "transient check valve '%s': the valve is not of "
                       "type check",
                       it.id);
    int n = t->n_checks;
    if (!grow((void **)&t->check_link, n, sizeof(int)) ||
        !grow((void **)&t->check_valve_delay_s, n, sizeof(double)))
        return rd_fail(c, it.where, HL_ENOMEM, "out of memory");
    t->check_link[n] = k;
    t->check_valve_delay_s[n] = it.delay;
    t->n_checks++;
    return HL_OK;
}

static int valve_char_store(rd_ctx *c, tr_item *it, int k)
{
    net_transient *t = c->m->def->transient;
    int n = t->n_valve_chars;
    if (!grow((void **)&t->vc_link, n, sizeof(int)) ||
        !grow((void **)&t->vc_n, n, sizeof(int)) ||
        !grow((void **)&t->vc_open, n, sizeof(double *)) ||
        !grow((void **)&t->vc_kv, n, sizeof(double *)))
        return rd_fail(c, it->where, HL_ENOMEM, "out of memory");
    t->vc_link[n] = k;
    t->vc_n[n] = it->n_wh;
    t->vc_open[n] = it->wh; /* owned by the section from here */
    t->vc_kv[n] = it->wb;
    it->wh = it->wb = NULL;
    t->n_valve_chars++;
    return HL_OK;
}

/* A valve's Kv against its opening (its closure law's stroke). */
static int valve_char_item(rd_ctx *c, yaml_node_t *item)
{
    tr_item it = {.where = NET_WHERE(c->origin, rd_line(item))};
    int rc = rd_map_each(c, item, &it, valve_char_set, "transient valve");
    int k = rc ? -1 : resolve(c, &it, LK_VALVE, "valve");
    if (!rc && k < 0)
        rc = c->m->err.code;
    if (!rc)
        rc = valve_char_check(c, &it);
    if (!rc)
        rc = valve_char_store(c, &it, k);
    free(it.wh);
    free(it.wb);
    return rc;
}

static int pipe_item(rd_ctx *c, yaml_node_t *item)
{
    net_transient *t = c->m->def->transient;
    tr_item it = {.where = NET_WHERE(c->origin, rd_line(item)),
                  .a = NAN,
                  .b = NAN,
                  .check = 1,
                  .suter = SUTER_AUTO};
    if (rd_map_each(c, item, &it, pipe_set, "transient pipe"))
        return c->m->err.code;
    int k = resolve(c, &it, LK_PIPE, "pipe");
    if (k < 0)
        return c->m->err.code;
    int n = t->n_pipes;
    if (!grow((void **)&t->pipe_link, n, sizeof(int)) ||
        !grow((void **)&t->wave_speed, n, sizeof(double)) ||
        !grow((void **)&t->friction, n, sizeof(double)))
        return rd_fail(c, it.where, HL_ENOMEM, "out of memory");
    t->pipe_link[n] = k;
    t->wave_speed[n] = it.a;
    t->friction[n] = it.b;
    t->n_pipes++;
    return HL_OK;
}

/* An air vessel being read. */
typedef struct vessel_item {
    const char *id, *node;
    int where;
    double gas, n, d_mm, zin, zout;
} vessel_item;

static int vessel_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    vessel_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("node"))
        return rd_text(c, v, key, &it->node);
    if (IS("gas_volume_m3"))
        return ranged(c, v, key, 0.0, 1e5, 1, &it->gas);
    if (IS("polytropic_exponent"))
        return ranged(c, v, key, 1.0, 1.4, 0, &it->n);
    if (IS("connection_diameter_mm"))
        return ranged(c, v, key, 0.0, 1e4, 1, &it->d_mm);
    if (IS("zeta_in"))
        return ranged(c, v, key, 0.0, 1e6, 0, &it->zin);
    if (IS("zeta_out"))
        return ranged(c, v, key, 0.0, 1e6, 0, &it->zout);
    return rd_unknown_key(c, v->where, key, "air vessel", vessel_keys);
}

static int vessel_store(rd_ctx *c, const vessel_item *it, int node)
{
    net_transient *t = c->m->def->transient;
    int n = t->n_vessels;
    if (!grow((void **)&t->vessel_id, n, sizeof(char *)) ||
        !grow((void **)&t->vessel_node, n, sizeof(int)) ||
        !grow((void **)&t->gas_m3, n, sizeof(double)) ||
        !grow((void **)&t->polytropic, n, sizeof(double)) ||
        !grow((void **)&t->conn_d_m, n, sizeof(double)) ||
        !grow((void **)&t->zeta_in, n, sizeof(double)) ||
        !grow((void **)&t->zeta_out, n, sizeof(double)) ||
        !(t->vessel_id[n] = text_pool_add(&c->m->def->strings, it->id)))
        return rd_fail(c, it->where, HL_ENOMEM, "out of memory");
    t->vessel_node[n] = node;
    t->gas_m3[n] = it->gas;
    t->polytropic[n] = it->n;
    t->conn_d_m[n] = it->d_mm / 1000.0;
    t->zeta_in[n] = it->zin;
    t->zeta_out[n] = it->zout;
    t->n_vessels++;
    return HL_OK;
}

/* Defaults [A]: n 1.2 (between isothermal and adiabatic, Wylie and
 * Streeter 1993 section 12.4), a DN300 connection, a differential throttle
 * losing 2.5 velocity heads inwards and 1 outwards. */
static int vessel_item_read(rd_ctx *c, yaml_node_t *item)
{
    vessel_item it = {NULL, NULL, NET_WHERE(c->origin, rd_line(item)),
                      NAN,  1.2,  300.0,
                      2.5,  1.0};
    if (rd_map_each(c, item, &it, vessel_set, "air vessel"))
        return c->m->err.code;
    if (!it.id || !it.node)
        return rd_fail(c, it.where, HL_EPARSE,
                       "air vessel: 'id' and 'node' are required");
    if (!isfinite(it.gas))
        return rd_fail(c, it.where, HL_EPARSE,
                       "air vessel '%s': gas_volume_m3 is required", it.id);
    int node = index_get(&c->m->def->node_ix, it.node);
    if (node < 0)
        return rd_fail(c, it.where, HL_ENOTFOUND,
                       "air vessel '%s': no node '%s' in the model", it.id,
                       it.node);
    return vessel_store(c, &it, node);
}

/* A relief valve being read. */
typedef struct relief_item {
    const char *id, *node;
    int where;
    double set_bar, cap, acc_bar;
} relief_item;

static int relief_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    relief_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("node"))
        return rd_text(c, v, key, &it->node);
    if (IS("set_pressure_bar_g"))
        return ranged(c, v, key, 0.0, 1000.0, 1, &it->set_bar);
    if (IS("capacity_kg_per_s"))
        return ranged(c, v, key, 0.0, 1e6, 1, &it->cap);
    if (IS("accumulation_bar"))
        return ranged(c, v, key, 0.0, 100.0, 1, &it->acc_bar);
    return rd_unknown_key(c, v->where, key, "relief valve", relief_keys);
}

static int relief_store(rd_ctx *c, const relief_item *it, int node)
{
    net_transient *t = c->m->def->transient;
    int n = t->n_reliefs;
    if (!grow((void **)&t->relief_id, n, sizeof(char *)) ||
        !grow((void **)&t->relief_node, n, sizeof(int)) ||
        !grow((void **)&t->relief_set_pa, n, sizeof(double)) ||
        !grow((void **)&t->relief_cap_kg_s, n, sizeof(double)) ||
        !grow((void **)&t->relief_acc_pa, n, sizeof(double)) ||
        !(t->relief_id[n] = text_pool_add(&c->m->def->strings, it->id)))
        return rd_fail(c, it->where, HL_ENOMEM, "out of memory");
    t->relief_node[n] = node;
    t->relief_set_pa[n] = it->set_bar * BAR_PA;
    t->relief_cap_kg_s[n] = it->cap;
    t->relief_acc_pa[n] =
        (isfinite(it->acc_bar) ? it->acc_bar : 0.1 * it->set_bar) * BAR_PA;
    t->n_reliefs++;
    return HL_OK;
}

/* Default accumulation [A]: 10 % of the set pressure (the usual sizing
 * overpressure of a relief valve). */
static int relief_item_read(rd_ctx *c, yaml_node_t *item)
{
    relief_item it = {NULL, NULL, NET_WHERE(c->origin, rd_line(item)),
                      NAN,  NAN,  NAN};
    if (rd_map_each(c, item, &it, relief_set, "relief valve"))
        return c->m->err.code;
    if (!it.id || !it.node)
        return rd_fail(c, it.where, HL_EPARSE,
                       "relief valve: 'id' and 'node' are required");
    if (!isfinite(it.set_bar) || !isfinite(it.cap))
        return rd_fail(c, it.where, HL_EPARSE,
                       "relief valve '%s': set_pressure_bar_g and "
                       "capacity_kg_per_s are required",
                       it.id);
    int node = index_get(&c->m->def->node_ix, it.node);
    if (node < 0)
        return rd_fail(c, it.where, HL_ENOTFOUND,
                       "relief valve '%s': no node '%s' in the model", it.id,
                       it.node);
    return relief_store(c, &it, node);
}

/* A surge tank being read. */
typedef struct tank_item {
    const char *id, *node;
    int where, one_way;
    double area, level, bottom, top, d_mm, zin, zout;
} tank_item;

static int tank_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    tank_item *it = rec;
    if (IS("id"))
        return rd_text(c, v, key, &it->id);
    if (IS("node"))
        return rd_text(c, v, key, &it->node);
    if (IS("area_m2"))
        return ranged(c, v, key, 0.0, 1e6, 1, &it->area);
    if (IS("level_m"))
        return ranged(c, v, key, -1e4, 1e4, 0, &it->level);
    if (IS("bottom_m"))
        return ranged(c, v, key, -1e4, 1e4, 0, &it->bottom);
    if (IS("top_m"))
        return ranged(c, v, key, -1e4, 1e4, 0, &it->top);
    if (IS("one_way"))
        return rd_bool(c, v, key, &it->one_way);
    if (IS("connection_diameter_mm"))
        return ranged(c, v, key, 0.0, 1e5, 1, &it->d_mm);
    if (IS("zeta_in"))
        return ranged(c, v, key, 0.0, 1e6, 0, &it->zin);
    if (IS("zeta_out"))
        return ranged(c, v, key, 0.0, 1e6, 0, &it->zout);
    return rd_unknown_key(c, v->where, key, "surge tank", tank_keys);
}

static int tank_store(rd_ctx *c, const tank_item *it, int node)
{
    net_transient *t = c->m->def->transient;
    int n = t->n_tanks;
    if (!grow((void **)&t->tank_id, n, sizeof(char *)) ||
        !grow((void **)&t->tank_node, n, sizeof(int)) ||
        !grow((void **)&t->tank_area_m2, n, sizeof(double)) ||
        !grow((void **)&t->tank_level_m, n, sizeof(double)) ||
        !grow((void **)&t->tank_bottom_m, n, sizeof(double)) ||
        !grow((void **)&t->tank_top_m, n, sizeof(double)) ||
        !grow((void **)&t->tank_d_m, n, sizeof(double)) ||
        !grow((void **)&t->tank_zin, n, sizeof(double)) ||
        !grow((void **)&t->tank_zout, n, sizeof(double)) ||
        !grow((void **)&t->tank_one_way, n, 1) ||
        !(t->tank_id[n] = text_pool_add(&c->m->def->strings, it->id)))
        return rd_fail(c, it->where, HL_ENOMEM, "out of memory");
    t->tank_node[n] = node;
    t->tank_area_m2[n] = it->area;
    t->tank_level_m[n] = it->level;
    t->tank_bottom_m[n] = isfinite(it->bottom) ? it->bottom : -INFINITY;
    t->tank_top_m[n] = isfinite(it->top) ? it->top : INFINITY;
    t->tank_d_m[n] = it->d_mm / 1000.0;
    t->tank_zin[n] = it->zin;
    t->tank_zout[n] = it->zout;
    t->tank_one_way[n] = (signed char)it->one_way;
    t->n_tanks++;
    return HL_OK;
}

/* Defaults: no throttle without a connection diameter; zeta 1 in and out
 * on it [A]. An open tank's level is the node's steady head (its own
 * steady state); a one-way tank's level must be given. */
static int tank_item_read(rd_ctx *c, yaml_node_t *item)
{
    tank_item it = {NULL, NULL, NET_WHERE(c->origin, rd_line(item)),
                    0,    NAN,  NAN,
                    NAN,  NAN,  NAN,
                    1.0,  1.0};
    if (rd_map_each(c, item, &it, tank_set, "surge tank"))
        return c->m->err.code;
    if (!it.id || !it.node)
        return rd_fail(c, it.where, HL_EPARSE,
                       "surge tank: 'id' and 'node' are required");
    if (!isfinite(it.area))
        return rd_fail(c, it.where, HL_EPARSE,
                       "surge tank '%s': area_m2 is required", it.id);
    if (it.one_way && !isfinite(it.level))
        return rd_fail(c, it.where, HL_EPARSE,
                       "surge tank '%s': a one-way tank needs level_m (its "
                       "water surface, below the line's head)",
                       it.id);
    if (isfinite(it.bottom) && isfinite(it.top) && !(it.bottom < it.top))
        return rd_fail(c, it.where, HL_ERANGE,
                       "surge tank '%s': bottom_m %g not below top_m %g", it.id,
                       it.bottom, it.top);
    int node = index_get(&c->m->def->node_ix, it.node);
    if (node < 0)
        return rd_fail(c, it.where, HL_ENOTFOUND,
                       "surge tank '%s': no node '%s' in the model", it.id,
                       it.node);
    return tank_store(c, &it, node);
}

static int transient_set(rd_ctx *c, void *rec, const char *key,
                         const rd_value *v)
{
    static const char *const restraints[] = {"upstream", "anchored", "joints",
                                             NULL};
    net_transient *t = rec;
    double x = 0.0;
    if (IS("young_modulus_gpa")) {
        if (ranged(c, v, key, 0.0, 1e4, 1, &x))
            return c->m->err.code;
        t->young_pa = x * 1e9;
        return HL_OK;
    }
    if (IS("poisson_ratio"))
        return ranged(c, v, key, 0.0, 0.5, 0, &t->poisson);
    if (IS("restraint"))
        return rd_choice(c, v, key, restraints, &t->restraint);
    if (IS("vapour_margin_bar")) {
        if (ranged(c, v, key, 0.0, 100.0, 0, &x))
            return c->m->err.code;
        t->vapour_margin_pa = x * BAR_PA;
        return HL_OK;
    }
    if (IS("pumps"))
        return rd_list_each(c, v, "transient: pumps", pump_item);
    if (IS("pipes"))
        return rd_list_each(c, v, "transient: pipes", pipe_item);
    if (IS("air_vessels"))
        return rd_list_each(c, v, "transient: air_vessels", vessel_item_read);
    if (IS("relief_valves"))
        return rd_list_each(c, v, "transient: relief_valves", relief_item_read);
    if (IS("surge_tanks"))
        return rd_list_each(c, v, "transient: surge_tanks", tank_item_read);
    if (IS("check_valves"))
        return rd_list_each(c, v, "transient: check_valves", check_item);
    if (IS("valves"))
        return rd_list_each(c, v, "transient: valves", valve_char_item);
    return rd_unknown_key(c, v->where, key, "transient", transient_keys);
}

int rd_transient(rd_ctx *c, const rd_value *v)
{
    if (rd_expect(c, v, YAML_MAPPING_NODE, "transient"))
        return c->m->err.code;
    net_transient *t = calloc(1, sizeof *t);
    if (!t)
        return rd_fail(c, v->where, HL_ENOMEM, "out of memory");
    t->young_pa = 206e9;
    t->poisson = 0.3;
    t->restraint = RESTRAINT_ANCHORED;
    t->vapour_margin_pa = 0.5 * BAR_PA;
    net_transient_free(c->m->def->transient);
    c->m->def->transient = t;
    return rd_map_each(c, v->node, t, transient_set, "transient");
}
