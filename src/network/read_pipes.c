/*
 * read_pipes.c - pipes and pipe types of a model file (and of a pipes CSV
 * table): geometry, roughness, minor loss, PN, status, and the heat
 * transfer, which is one of
 *   heat_loss_coefficient_w_per_mk   datasheet linear coefficient U'
 *   u_w_per_m2k (+ u_diameter_mm or u_surface: inner|outer)
 *   layers (+ laying, burial, soil)   build-up from the material table
 *   none of them                      adiabatic
 * A pipe takes every field of its type and may override any of them.
 * Build-ups become thermal types: one per pipe type, or one per pipe that
 * overrides a thermal field (paired pipes must share one).
 */
#include "network/reader.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IS(k)     (strcmp(key, (k)) == 0)
#define MAX_TYPES 256

enum { LAY_NONE = -1 };

typedef struct pipe_fields {
    const char *id, *from, *to, *pair, *type;
    int where;
    double length_m;
    int dn;
    double od_mm, wall_mm, id_mm, rough_mm, zeta, pn_bar;
    double wall_rho, wall_cp; /* steel wall (transport), NaN = default */
    int open, check, role;
    /* heat transfer (thermal = 1 when any of these is set here) */
    int thermal;
    double lin, u, u_diam_mm;
    int u_surface; /* -1 unset, 0 inner, 1 outer */
    int laying;
    int n_layers, n_rlayers;
    hl_layer layers[HL_MAX_LAYERS], rlayers[HL_MAX_LAYERS];
    double emissivity;
    double cover_m, axis_depth_m, clear_m, axis_spacing_m, soil, r0;
    double twin_od_mm, h_out, wind;
    int surround;
    double ambient_c;
} pipe_fields;

typedef struct rd_types {
    int n;
    char name[MAX_TYPES][64];
    pipe_fields f[MAX_TYPES];
    int thermal[MAX_TYPES]; /* thermal type index, -1 = not yet */
} rd_types;

void rd_types_free(struct rd_types *t)
{
    free(t);
}

static void fields_init(pipe_fields *f, int where)
{
    memset(f, 0, sizeof *f);
    f->where = where;
    f->length_m = f->od_mm = f->wall_mm = f->id_mm = f->rough_mm = NAN;
    f->zeta = f->pn_bar = NAN;
    f->wall_rho = f->wall_cp = NAN;
    f->open = f->check = f->role = -1;
    f->dn = -1;
    f->lin = f->u = f->u_diam_mm = NAN;
    f->u_surface = -1;
    f->laying = LAY_NONE;
    f->emissivity = NAN;
    f->cover_m = f->axis_depth_m = f->clear_m = f->axis_spacing_m = NAN;
    f->soil = f->r0 = f->twin_od_mm = f->h_out = f->wind = NAN;
    f->surround = -1;
    f->ambient_c = NAN;
}

/* Keys a pipe and a pipe type share: geometry, then heat transfer. */
#define GEOMETRY_KEYS                                                          \
    "dn", "outer_diameter_mm", "wall_mm", "inner_diameter_mm", "roughness_mm", \
        "minor_loss", "pn_bar", "wall_density_kg_per_m3",                      \
        "wall_heat_capacity_j_per_kgk"
#define THERMAL_KEYS                                                           \
    "heat_loss_coefficient_w_per_mk", "u_w_per_m2k", "u_diameter_mm",          \
        "u_surface", "laying", "layers", "return_layers", "cover_m",           \
        "axis_depth_m", "clear_spacing_m", "axis_spacing_m",                   \
        "soil_conductivity_w_per_mk", "surface_resistance_m2k_per_w",          \
        "twin_casing_od_mm", "h_out_w_per_m2k", "wind_m_per_s",                \
        "surroundings", "ambient_temp_c"

static const char *const pipe_keys[] = {
    "id",   "from",        "to",     "length_m",    "type",       "pair",
    "role", GEOMETRY_KEYS, "status", "check_valve", THERMAL_KEYS, NULL};

static int number(rd_ctx *c, const rd_value *v, const char *key, double *out)
{
    return rd_number(c, v, key, out);
}

/* One layer {material: ID, thickness_mm: X} or {conductivity_w_per_mk: K,
 * thickness_mm: X}. */
static int read_layer(rd_ctx *c, yaml_node_t *item, hl_layer *out,
                      double *emissivity)
{
    static const char *const keys[] = {"material", "conductivity_w_per_mk",
                                       "thickness_mm", NULL};
    int where = NET_WHERE(c->origin, rd_line(item));
    if (!item || item->type != YAML_MAPPING_NODE)
        return rd_fail(c, where, HL_EPARSE,
                       "layers: each layer must be a "
                       "mapping with material (or conductivity_w_per_mk) "
                       "and thickness_mm");
    const char *mat = NULL;
    double k = NAN, mm = NAN;
    for (yaml_node_pair_t *p = item->data.mapping.pairs.start;
         p < item->data.mapping.pairs.top; p++) {
        const char *key = rd_pair_key(c, p);
        rd_value v = rd_pair_value(c, p);
        int rc = !key             ? rd_fail(c, v.where, HL_EPARSE, "layer key")
                 : IS("material") ? rd_text(c, &v, key, &mat)
                 : IS("conductivity_w_per_mk") ? number(c, &v, key, &k)
                 : IS("thickness_mm")
                     ? number(c, &v, key, &mm)
                     : rd_unknown_key(c, v.where, key, "a layer", keys);
        if (rc)
            return c->m->err.code;
    }
    if (!(mm > 0.0))
        return rd_fail(c, where, HL_ERANGE,
                       "layer: thickness_mm must be "
                       "given and > 0");
    if (mat) {
        const hl_material *mt = hl_material_find(c->m->def->materials, mat);
        if (!mt) {
            char hint[200];
            hl_material_suggest(c->m->def->materials, mat, 3, hint,
                                sizeof hint);
            return rd_fail(c, where, HL_ENOTFOUND,
                           "layer: unknown material "
                           "'%s' (closest: %s)",
                           mat, hint);
        }
        hl_layer_from_material(mt, mm * 1e-3, out);
        if (isfinite(mt->emissivity))
            *emissivity = mt->emissivity;
        return HL_OK;
    }
    if (!(k > 0.0))
        return rd_fail(c, where, HL_EPARSE,
                       "layer: give material or "
                       "conductivity_w_per_mk > 0");
    memset(out, 0, sizeof *out);
    out->thickness_m = mm * 1e-3;
    out->lambda = hl_lambda_constant(k);
    out->t_min_k = out->t_max_k = NAN;
    snprintf(out->name, sizeof out->name, "k=%g", k);
    return HL_OK;
}

static int read_layers(rd_ctx *c, const rd_value *v, const char *key,
                       hl_layer *out, int *n, double *emissivity)
{
    if (rd_expect(c, v, YAML_SEQUENCE_NODE, key))
        return c->m->err.code;
    *n = 0;
    for (yaml_node_item_t *it = v->node->data.sequence.items.start;
         it < v->node->data.sequence.items.top; it++) {
        if (*n == HL_MAX_LAYERS)
            return rd_fail(c, v->where, HL_ERANGE, "%s: more than %d layers",
                           key, HL_MAX_LAYERS);
        if (read_layer(c, rd_node(c, *it), &out[*n], emissivity))
            return c->m->err.code;
        (*n)++;
    }
    return HL_OK;
}

static int set_geometry(rd_ctx *c, pipe_fields *f, const char *key,
                        const rd_value *v, int *done)
{
    *done = 1;
    if (IS("length_m"))
        return number(c, v, key, &f->length_m);
    if (IS("dn"))
        return rd_int(c, v, key, &f->dn);
    if (IS("outer_diameter_mm"))
        return number(c, v, key, &f->od_mm);
    if (IS("wall_mm"))
        return number(c, v, key, &f->wall_mm);
    if (IS("inner_diameter_mm"))
        return number(c, v, key, &f->id_mm);
    if (IS("roughness_mm"))
        return number(c, v, key, &f->rough_mm);
    if (IS("minor_loss"))
        return number(c, v, key, &f->zeta);
    if (IS("pn_bar"))
        return number(c, v, key, &f->pn_bar);
    if (IS("wall_density_kg_per_m3"))
        return number(c, v, key, &f->wall_rho);
    if (IS("wall_heat_capacity_j_per_kgk"))
        return number(c, v, key, &f->wall_cp);
    if (IS("status")) {
        static const char *const st[] = {"closed", "open", NULL};
        return rd_choice(c, v, key, st, &f->open);
    }
    if (IS("check_valve"))
        return rd_bool(c, v, key, &f->check);
    *done = 0;
    return HL_OK;
}

static int set_burial(rd_ctx *c, pipe_fields *f, const char *key,
                      const rd_value *v, int *done)
{
    *done = 1;
    f->thermal = 1;
    if (IS("cover_m"))
        return number(c, v, key, &f->cover_m);
    if (IS("axis_depth_m"))
        return number(c, v, key, &f->axis_depth_m);
    if (IS("clear_spacing_m"))
        return number(c, v, key, &f->clear_m);
    if (IS("axis_spacing_m"))
        return number(c, v, key, &f->axis_spacing_m);
    if (IS("soil_conductivity_w_per_mk"))
        return number(c, v, key, &f->soil);
    if (IS("surface_resistance_m2k_per_w"))
        return number(c, v, key, &f->r0);
    if (IS("twin_casing_od_mm"))
        return number(c, v, key, &f->twin_od_mm);
    if (IS("h_out_w_per_m2k"))
        return number(c, v, key, &f->h_out);
    if (IS("wind_m_per_s"))
        return number(c, v, key, &f->wind);
    *done = 0;
    return HL_OK;
}

static int set_thermal(rd_ctx *c, pipe_fields *f, const char *key,
                       const rd_value *v, int *done)
{
    static const char *const lay[] = {"single",   "pair", "twin",
                                      "overhead", "duct", NULL};
    static const char *const surr[] = {"ground", "air", "duct", NULL};
    static const char *const surf[] = {"inner", "outer", NULL};
    if (set_burial(c, f, key, v, done) || *done)
        return c->m->err.code;
    *done = 1;
    if (IS("heat_loss_coefficient_w_per_mk"))
        return number(c, v, key, &f->lin);
    if (IS("u_w_per_m2k"))
        return number(c, v, key, &f->u);
    if (IS("u_diameter_mm"))
        return number(c, v, key, &f->u_diam_mm);
    if (IS("u_surface"))
        return rd_choice(c, v, key, surf, &f->u_surface);
    if (IS("laying"))
        return rd_choice(c, v, key, lay, &f->laying);
    if (IS("layers"))
        return read_layers(c, v, key, f->layers, &f->n_layers, &f->emissivity);
    if (IS("return_layers")) {
        double e = NAN;
        return read_layers(c, v, key, f->rlayers, &f->n_rlayers, &e);
    }
    if (IS("surroundings"))
        return rd_choice(c, v, key, surr, &f->surround);
    if (IS("ambient_temp_c"))
        return number(c, v, key, &f->ambient_c);
    *done = 0;
    f->thermal = 0;
    return HL_OK;
}

static int type_index(rd_ctx *c, const char *name);

static int pipe_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    static const char *const roles[] = {"supply", "return", NULL};
    pipe_fields *f = rec;
    int done;
    if (IS("id"))
        return rd_text(c, v, key, &f->id);
    if (IS("from"))
        return rd_text(c, v, key, &f->from);
    if (IS("to"))
        return rd_text(c, v, key, &f->to);
    if (IS("pair"))
        return rd_text(c, v, key, &f->pair);
    if (IS("type"))
        return rd_text(c, v, key, &f->type);
    if (IS("role"))
        return rd_choice(c, v, key, roles, &f->role);
    if (set_geometry(c, f, key, v, &done) || done)
        return c->m->err.code;
    int had = f->thermal;
    if (set_thermal(c, f, key, v, &done) || done)
        return c->m->err.code;
    f->thermal = had;
    return rd_unknown_key(c, v->where, key, "a pipe", pipe_keys);
}

static int type_set(rd_ctx *c, void *rec, const char *key, const rd_value *v)
{
    static const char *const type_keys[] = {GEOMETRY_KEYS, THERMAL_KEYS, NULL};
    pipe_fields *f = rec;
    int done;
    if (!IS("length_m") && !IS("status") && !IS("check_valve") &&
        (set_geometry(c, f, key, v, &done) || done))
        return c->m->err.code;
    if (set_thermal(c, f, key, v, &done) || done)
        return c->m->err.code;
    return rd_unknown_key(c, v->where, key, "a pipe type", type_keys);
}

int rd_pipe_types(rd_ctx *c, const rd_value *v)
{
    if (rd_expect(c, v, YAML_MAPPING_NODE, "pipe_types"))
        return c->m->err.code;
    if (!c->types && !(c->types = calloc(1, sizeof *c->types)))
        return net_fail(c->m, HL_ENOMEM, "out of memory");
    rd_types *t = c->types;
    for (yaml_node_pair_t *p = v->node->data.mapping.pairs.start;
         p < v->node->data.mapping.pairs.top; p++) {
        const char *name = rd_pair_key(c, p);
        rd_value tv = rd_pair_value(c, p);
        if (!name || strlen(name) >= sizeof t->name[0])
            return rd_fail(c, tv.where, HL_EPARSE, "pipe_types: bad name");
        if (type_index(c, name) >= 0)
            return rd_fail(c, tv.where, HL_EPARSE,
                           "pipe_types: duplicate "
                           "type '%s'",
                           name);
        if (t->n == MAX_TYPES)
            return rd_fail(c, tv.where, HL_ERANGE, "more than %d pipe types",
                           MAX_TYPES);
        pipe_fields *f = &t->f[t->n];
        fields_init(f, tv.where);
        snprintf(t->name[t->n], sizeof t->name[0], "%s", name);
        t->thermal[t->n] = -1;
        char ctx[120];
        snprintf(ctx, sizeof ctx, "pipe type '%s'", name);
        if (rd_map_each(c, tv.node, f, type_set, ctx))
            return c->m->err.code;
        t->n++;
    }
    return HL_OK;
}

static int type_index(rd_ctx *c, const char *name)
{
    if (!c->types)
        return -1;
    for (int i = 0; i < c->types->n; i++)
        if (strcmp(c->types->name[i], name) == 0)
            return i;
    return -1;
}

/* Fill unset fields of f from its type t. */
#define TAKE_NUM(x)                                                            \
    if (isnan(f->x))                                                           \
    f->x = t->x
#define TAKE_INT(x)                                                            \
    if (f->x < 0)                                                              \
    f->x = t->x

static void take_type(pipe_fields *f, const pipe_fields *t)
{
    TAKE_INT(dn);
    TAKE_NUM(od_mm);
    TAKE_NUM(wall_mm);
    TAKE_NUM(id_mm);
    TAKE_NUM(rough_mm);
    TAKE_NUM(zeta);
    TAKE_NUM(pn_bar);
    TAKE_NUM(wall_rho);
    TAKE_NUM(wall_cp);
    if (f->thermal)
        return; /* the pipe states its own heat transfer */
    f->lin = t->lin;
    f->u = t->u;
    f->u_diam_mm = t->u_diam_mm;
    f->u_surface = t->u_surface;
    f->laying = t->laying;
    f->n_layers = t->n_layers;
    memcpy(f->layers, t->layers, sizeof f->layers);
    f->n_rlayers = t->n_rlayers;
    memcpy(f->rlayers, t->rlayers, sizeof f->rlayers);
    f->emissivity = t->emissivity;
    f->cover_m = t->cover_m;
    f->axis_depth_m = t->axis_depth_m;
    f->clear_m = t->clear_m;
    f->axis_spacing_m = t->axis_spacing_m;
    f->soil = t->soil;
    f->r0 = t->r0;
    f->twin_od_mm = t->twin_od_mm;
    f->h_out = t->h_out;
    f->wind = t->wind;
    f->surround = t->surround;
    f->ambient_c = t->ambient_c;
}

static const char *pid(const pipe_fields *f)
{
    return f->id ? f->id : "?";
}

/* Outer diameter of the carrier, mm (given, or from DN). */
static double carrier_od(const pipe_fields *f)
{
    if (!isnan(f->od_mm))
        return f->od_mm;
    return f->dn > 0 ? net_dn_outer_diameter(f->dn) * 1e3 : NAN;
}

/* Steel of EN 1993-1-1 3.2.6 (7850 kg/m3) and its specific heat near
 * 80 C by EN 1993-1-2 3.4.1.2 (about 480 J/(kg K)); docs/physics.md. */
#define STEEL_DENSITY 7850.0
#define STEEL_CP      480.0

/* Heat capacity of the carrier wall per metre, J/(K m): the annulus
 * between the bore and the outer diameter (given, from DN, or the bore
 * plus twice wall_mm); 0 when the wall is not known. */
static double wall_capacity(const pipe_fields *f, double od_mm, double id_m)
{
    double od_m = od_mm * 1e-3;
    if (isnan(od_m) && !isnan(f->wall_mm))
        od_m = id_m + 2.0 * f->wall_mm * 1e-3;
    if (!(od_m > id_m))
        return 0.0;
    double rho = isnan(f->wall_rho) ? STEEL_DENSITY : f->wall_rho;
    double cp = isnan(f->wall_cp) ? STEEL_CP : f->wall_cp;
    return rho * cp * M_PI / 4.0 * (od_m * od_m - id_m * id_m);
}

static int geometry(rd_ctx *c, const pipe_fields *f, net_pipe_spec *s)
{
    double od = carrier_od(f);
    if (!isnan(f->id_mm))
        s->inner_d_m = f->id_mm * 1e-3;
    else if (!isnan(od) && !isnan(f->wall_mm))
        s->inner_d_m = (od - 2.0 * f->wall_mm) * 1e-3;
    else if (!isnan(f->wall_mm) && f->dn > 0)
        return rd_fail(c, f->where, HL_ERANGE,
                       "pipe '%s': dn %d is not a standard size (give "
                       "outer_diameter_mm)",
                       pid(f), f->dn);
    else
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': give "
                       "inner_diameter_mm, or outer_diameter_mm (or dn) and "
                       "wall_mm",
                       pid(f));
    if (!(s->inner_d_m > 0.0))
        return rd_fail(c, f->where, HL_ERANGE,
                       "pipe '%s': wall_mm %g leaves no bore in an outer "
                       "diameter of %g mm",
                       pid(f), f->wall_mm, od);
    if (isnan(f->length_m))
        return rd_fail(c, f->where, HL_EPARSE, "pipe '%s': missing length_m",
                       pid(f));
    if (isnan(f->rough_mm))
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': missing "
                       "roughness_mm (on the pipe or its type)",
                       pid(f));
    s->wall_c_j_km = wall_capacity(f, od, s->inner_d_m);
    s->length_m = f->length_m;
    s->roughness_m = f->rough_mm * 1e-3;
    s->zeta = isnan(f->zeta) ? 0.0 : f->zeta;
    s->pn_pa = f->pn_bar * BAR_PA;
    s->dn = f->dn > 0 ? f->dn : 0;
    s->open = f->open != 0;
    s->check = f->check > 0;
    return HL_OK;
}

static double layers_thickness(const hl_layer *l, int n)
{
    double t = 0.0;
    for (int i = 0; i < n; i++)
        t += l[i].thickness_m;
    return t;
}

static int laying_geometry(rd_ctx *c, const pipe_fields *f, hl_pipe_laying *l)
{
    double d0 = l->pipe[0].carrier_od_m +
                2.0 * layers_thickness(l->pipe[0].layer, l->pipe[0].n_layers);
    double d1 = l->pipe[1].carrier_od_m +
                2.0 * layers_thickness(l->pipe[1].layer, l->pipe[1].n_layers);
    double outer = f->laying == HL_LAYING_TWIN ? f->twin_od_mm * 1e-3 : d0;
    l->axis_depth_m =
        !isnan(f->axis_depth_m) ? f->axis_depth_m : f->cover_m + outer / 2.0;
    if (f->laying == HL_LAYING_PAIR)
        l->axis_spacing_m = !isnan(f->axis_spacing_m)
                                ? f->axis_spacing_m
                                : f->clear_m + (d0 + d1) / 2.0;
    else
        l->axis_spacing_m = f->axis_spacing_m;
    if (!(l->axis_depth_m > 0.0))
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': a buried laying "
                       "needs cover_m or axis_depth_m",
                       pid(f));
    if (f->laying != HL_LAYING_SINGLE && !(l->axis_spacing_m > 0.0))
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': a %s laying needs "
                       "%s",
                       pid(f), f->laying == HL_LAYING_TWIN ? "twin" : "pair",
                       f->laying == HL_LAYING_TWIN
                           ? "axis_spacing_m (carrier centre distance)"
                           : "clear_spacing_m or axis_spacing_m");
    if (!(f->soil > 0.0))
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': a buried laying "
                       "needs soil_conductivity_w_per_mk",
                       pid(f));
    l->lambda_soil = f->soil;
    l->surface_resistance = isnan(f->r0) ? 0.0 : f->r0;
    return HL_OK;
}

/* A twin casing: the first layer fills it (lambda(T) honoured), a second
 * layer is the casing wall; the carriers themselves are bare. */
static int twin_fill(rd_ctx *c, const pipe_fields *f, hl_pipe_laying *l)
{
    if (!(f->twin_od_mm > 0.0) || f->n_layers < 1 || f->n_layers > 2)
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': a twin laying "
                       "needs twin_casing_od_mm and layers: the fill, then "
                       "optionally the casing wall",
                       pid(f));
    l->twin_casing_od_m = f->twin_od_mm * 1e-3;
    l->twin_fill = f->layers[0].lambda;
    l->twin_lambda_fill = hl_lambda_at(&f->layers[0].lambda, 323.15);
    if (f->n_layers == 2) {
        l->twin_casing_wall_m = f->layers[1].thickness_m;
        l->twin_lambda_casing = hl_lambda_at(&f->layers[1].lambda, 293.15);
    }
    l->pipe[0].n_layers = l->pipe[1].n_layers = 0;
    return HL_OK;
}

static int make_laying(rd_ctx *c, const pipe_fields *f, net_thermal_spec *t)
{
    hl_pipe_laying *l = &t->laying;
    memset(t, 0, sizeof *t);
    hl_pipe_laying_init(l);
    t->where = f->where;
    l->laying = f->laying < 0 ? HL_LAYING_SINGLE : f->laying;
    double od = carrier_od(f) * 1e-3;
    if (!(od > 0.0))
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': a build-up needs "
                       "outer_diameter_mm or a standard dn",
                       pid(f));
    for (int p = 0; p < 2; p++) {
        int ret = p == 1 && f->n_rlayers > 0;
        l->pipe[p].carrier_od_m = od;
        l->pipe[p].n_layers = ret ? f->n_rlayers : f->n_layers;
        memcpy(l->pipe[p].layer, ret ? f->rlayers : f->layers,
               sizeof l->pipe[p].layer);
    }
    int air = l->laying == HL_LAYING_OVERHEAD || l->laying == HL_LAYING_DUCT;
    t->surround = l->laying == HL_LAYING_OVERHEAD ? SURR_AIR
                  : l->laying == HL_LAYING_DUCT   ? SURR_DUCT
                                                  : SURR_GROUND;
    if (air) {
        l->air.emissivity = isnan(f->emissivity) ? 0.9 : f->emissivity;
        l->air.wind_m_s = isnan(f->wind) ? 0.0 : f->wind;
        l->air.h_total_fixed = isnan(f->h_out) ? 0.0 : f->h_out;
        return HL_OK;
    }
    if (l->laying == HL_LAYING_TWIN && twin_fill(c, f, l))
        return c->m->err.code;
    return laying_geometry(c, f, l);
}

static int heat_transfer(rd_ctx *c, pipe_fields *f, net_pipe_spec *s, int type)
{
    int kinds = !isnan(f->lin) + !isnan(f->u) + (f->n_layers > 0);
    if (kinds > 1)
        return rd_fail(c, f->where, HL_EPARSE,
                       "pipe '%s': give one of "
                       "heat_loss_coefficient_w_per_mk, u_w_per_m2k and "
                       "layers",
                       pid(f));
    s->surround = f->surround >= 0                  ? f->surround
                  : f->laying == HL_LAYING_OVERHEAD ? SURR_AIR
                  : f->laying == HL_LAYING_DUCT     ? SURR_DUCT
                                                    : SURR_GROUND;
    if (!isnan(f->ambient_c)) {
        s->surround = SURR_FIXED;
        s->t_fixed_k = f->ambient_c + HL_ZERO_C_K;
    }
    if (!isnan(f->lin)) {
        s->ht = HT_LINEAR;
        s->ht_value = f->lin;
        return HL_OK;
    }
    if (!isnan(f->u)) {
        s->ht = HT_U;
        s->ht_value = f->u;
        s->u_diameter_m = !isnan(f->u_diam_mm) ? f->u_diam_mm * 1e-3
                          : f->u_surface == 1  ? carrier_od(f) * 1e-3
                                               : s->inner_d_m;
        return HL_OK;
    }
    if (f->n_layers == 0)
        return HL_OK; /* adiabatic */
    s->ht = HT_BUILDUP;
    s->role = f->role; /* -1: from the pairing or the node side */
    int *cached = type >= 0 && !f->thermal ? &c->types->thermal[type] : NULL;
    if (cached && *cached >= 0) {
        s->thermal_type = *cached;
        return HL_OK;
    }
    net_thermal_spec t;
    if (make_laying(c, f, &t))
        return c->m->err.code;
    int idx = net_add_thermal_type(c->m, &t);
    if (idx < 0)
        return c->m->err.code;
    s->thermal_type = idx;
    if (cached)
        *cached = idx;
    return HL_OK;
}

static void pipe_init(rd_ctx *c, void *rec, int where)
{
    (void)c;
    fields_init(rec, where);
}

static int pipe_commit(rd_ctx *c, void *rec)
{
    pipe_fields *f = rec;
    int type = -1;
    if (f->type) {
        type = type_index(c, f->type);
        if (type < 0)
            return rd_fail(c, f->where, HL_ENOTFOUND,
                           "pipe '%s': unknown "
                           "pipe type '%s'",
                           pid(f), f->type);
        take_type(f, &c->types->f[type]);
    }
    net_pipe_spec s;
    net_pipe_spec_init(&s);
    s.id = f->id;
    s.from = f->from;
    s.to = f->to;
    s.pair = f->pair;
    s.where = f->where;
    if (geometry(c, f, &s) || heat_transfer(c, f, &s, type))
        return c->m->err.code;
    return net_add_pipe(c->m, &s);
}

int rd_pipe_item(rd_ctx *c, yaml_node_t *item)
{
    pipe_fields f;
    pipe_init(c, &f, NET_WHERE(c->origin, rd_line(item)));
    if (rd_map_each(c, item, &f, pipe_set, "a pipe"))
        return c->m->err.code;
    return pipe_commit(c, &f);
}

int rd_pipes_csv(rd_ctx *c, const rd_value *v)
{
    pipe_fields f;
    return rd_csv_table(c, v, "pipes_csv", &f, pipe_init, pipe_set,
                        pipe_commit);
}
