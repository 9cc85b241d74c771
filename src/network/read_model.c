/*
 * read_model.c - the YAML model file (docs/model-format.md): the top-level
 * keys, the settings, and the order in which sections are read (settings
 * and pipe types first, so elements can use them wherever they appear).
 * libyaml loads the document with line marks; every message names
 * file:line.
 */
#include "network/reader.h"
#include "physics/friction.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IS(k)          (strcmp(key, (k)) == 0)
#define FORMAT_VERSION 1

double rd_default_chamber_air(const hl_model *m)
{
    return m->chamber_air_default;
}

static const char *const top_keys[] = {"heatline_model",
                                       "name",
                                       "description",
                                       "settings",
                                       "pipe_types",
                                       "nodes",
                                       "nodes_csv",
                                       "pipes",
                                       "pipes_csv",
                                       "sources",
                                       "pumps",
                                       "valves",
                                       "consumers",
                                       "heat_exchangers",
                                       "chambers",
                                       "operation",
                                       "transient",
                                       NULL};

static const char *const settings_keys[] = {"fluid",
                                            "density_kg_per_m3",
                                            "viscosity_pa_s",
                                            "cp_j_per_kgk",
                                            "friction",
                                            "atmospheric_pressure_kpa",
                                            "gravity_m_per_s2",
                                            "ground_temp_c",
                                            "air_temp_c",
                                            "duct_temp_c",
                                            "chamber_air_temp_c",
                                            "min_pressure_bar_g",
                                            "max_velocity_m_per_s",
                                            "min_consumer_dp_bar",
                                            "saturation_margin_bar",
                                            "static_margin_bar",
                                            "materials_csv",
                                            "fitting_coating",
                                            "fitting_jacket",
                                            "burn_limit_c",
                                            "pump_and_friction_heat",
                                            "pressure_driven_consumers",
                                            NULL};

typedef struct settings_rec {
    int fluid; /* 0 iapws, 1 constant */
    double rho, mu, cp;
    int where;
} settings_rec;

static int temp_c(rd_ctx *c, const rd_value *v, const char *key, double *k)
{
    double x = 0.0;
    if (rd_number(c, v, key, &x))
        return c->m->err.code;
    if (!(x > -100.0 && x < 200.0))
        return rd_fail(c, v->where, HL_ERANGE, "%s %g: expected -100 to 200",
                       key, x);
    *k = x + HL_ZERO_C_K;
    return HL_OK;
}

static int scaled(rd_ctx *c, const rd_value *v, const char *key, double *out,
                  double scale)
{
    double x = 0.0;
    if (rd_number(c, v, key, &x))
        return c->m->err.code;
    *out = x * scale;
    return HL_OK;
}

static int materials_file(rd_ctx *c, const rd_value *v, const char *key)
{
    const char *file = NULL;
    if (rd_text(c, v, key, &file))
        return c->m->err.code;
    if (!c->base_dir || strncmp(c->base_dir, "embedded:", 9) == 0)
        return rd_fail(c, v->where, HL_EINVAL,
                       "%s: only a model file on "
                       "disk can reference a materials table",
                       key);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", c->base_dir, file);
    hl_error err;
    hl_error_clear(&err);
    if (hl_material_db_load_csv(c->m->def->materials, path, &err))
        return rd_fail(c, v->where, err.code, "%s", err.message);
    return HL_OK;
}

/* A cover "MATERIAL:MM" or "k=W/MK:MM" for the coated or jacketed state. */
static int cover(rd_ctx *c, const rd_value *v, const char *key, int state)
{
    const char *spec = NULL;
    if (rd_text(c, v, key, &spec))
        return c->m->err.code;
    char text[200];
    snprintf(text, sizeof text, "%s %s",
             state == HL_FIT_COATED ? "coated" : "jacketed", spec);
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_cover_parse(c->m->def->materials, text,
                               &c->m->fit_cover[state], &err))
        return rd_fail(c, v->where, err.code, "%s: %s", key, err.message);
    return HL_OK;
}

static int settings_set(rd_ctx *c, void *rec, const char *key,
                        const rd_value *v)
{
    static const char *const fluids[] = {"iapws", "constant", NULL};
    static const char *const fric[] = {"colebrook", "swamee-jain", NULL};
    settings_rec *s = rec;
    hl_model *m = c->m;
    hl_check_limits *l = &m->limits;
    if (IS("fluid"))
        return rd_choice(c, v, key, fluids, &s->fluid);
    if (IS("density_kg_per_m3"))
        return rd_number(c, v, key, &s->rho);
    if (IS("viscosity_pa_s"))
        return rd_number(c, v, key, &s->mu);
    if (IS("cp_j_per_kgk"))
        return rd_number(c, v, key, &s->cp);
    if (IS("friction"))
        return rd_choice(c, v, key, fric, &m->def->friction);
    if (IS("pump_and_friction_heat"))
        return rd_bool(c, v, key, &m->mech_heat);
    if (IS("pressure_driven_consumers"))
        return rd_bool(c, v, key, &m->pressure_driven);
    if (IS("atmospheric_pressure_kpa"))
        return scaled(c, v, key, &m->def->p_atm, 1e3);
    if (IS("gravity_m_per_s2"))
        return rd_number(c, v, key, &m->def->g);
    if (IS("ground_temp_c"))
        return temp_c(c, v, key, &m->t_ground);
    if (IS("air_temp_c"))
        return temp_c(c, v, key, &m->t_air);
    if (IS("duct_temp_c"))
        return temp_c(c, v, key, &m->t_duct);
    if (IS("chamber_air_temp_c"))
        return temp_c(c, v, key, &m->chamber_air_default);
    if (IS("min_pressure_bar_g"))
        return scaled(c, v, key, &l->min_pressure_pa, BAR_PA);
    if (IS("max_velocity_m_per_s"))
        return rd_number(c, v, key, &l->max_velocity_m_s);
    if (IS("min_consumer_dp_bar"))
        return scaled(c, v, key, &l->min_consumer_dp_pa, BAR_PA);
    if (IS("saturation_margin_bar"))
        return scaled(c, v, key, &l->saturation_margin_pa, BAR_PA);
    if (IS("static_margin_bar"))
        return scaled(c, v, key, &l->static_margin_pa, BAR_PA);
    if (IS("materials_csv"))
        return materials_file(c, v, key);
    if (IS("fitting_coating"))
        return cover(c, v, key, HL_FIT_COATED);
    if (IS("fitting_jacket"))
        return cover(c, v, key, HL_FIT_JACKETED);
    if (IS("burn_limit_c"))
        return temp_c(c, v, key, &m->limits.fitting_surface_k);
    return rd_unknown_key(c, v->where, key, "settings", settings_keys);
}

static int read_settings(rd_ctx *c, const rd_value *v)
{
    settings_rec s = {0, NAN, NAN, NAN, v->where};
    if (rd_map_each(c, v->node, &s, settings_set, "settings"))
        return c->m->err.code;
    hl_model *m = c->m;
    if (!(m->def->p_atm > 0.0) || !(m->def->g > 0.0))
        return rd_fail(c, v->where, HL_ERANGE,
                       "settings: atmospheric "
                       "pressure and gravity must be > 0");
    if (s.fluid == 1) {
        if (!(s.rho > 0.0) || !(s.mu > 0.0) || !(s.cp > 0.0))
            return rd_fail(c, v->where, HL_EPARSE,
                           "settings: a constant "
                           "fluid needs density_kg_per_m3, viscosity_pa_s and "
                           "cp_j_per_kgk > 0");
        fluid_init_constant(&m->def->fluid, s.rho, s.mu, s.cp);
    } else if (!isnan(s.rho) || !isnan(s.mu) || !isnan(s.cp)) {
        return rd_fail(c, v->where, HL_EPARSE,
                       "settings: density, viscosity "
                       "and cp are for fluid: constant");
    }
    return HL_OK;
}

/* Find a top-level key's value; NULL node if absent. */
static rd_value top(rd_ctx *c, yaml_node_t *root, const char *name)
{
    rd_value none = {NULL, NULL, 0};
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        const char *key = rd_pair_key(c, p);
        if (key && strcmp(key, name) == 0)
            return rd_pair_value(c, p);
    }
    return none;
}

static int check_top_keys(rd_ctx *c, yaml_node_t *root)
{
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        const char *key = rd_pair_key(c, p);
        rd_value v = rd_pair_value(c, p);
        int known = 0;
        for (int i = 0; key && top_keys[i]; i++)
            known |= strcmp(key, top_keys[i]) == 0;
        if (!known)
            return rd_unknown_key(c, v.where, key ? key : "?", "the model file",
                                  top_keys);
        for (yaml_node_pair_t *q = root->data.mapping.pairs.start; q < p; q++)
            if (key && rd_pair_key(c, q) && strcmp(key, rd_pair_key(c, q)) == 0)
                return rd_fail(c, v.where, HL_EPARSE, "key '%s' appears twice",
                               key);
    }
    return HL_OK;
}

static int version_and_names(rd_ctx *c, yaml_node_t *root)
{
    rd_value v = top(c, root, "heatline_model");
    int ver = 0;
    if (!v.node)
        return rd_fail(c, NET_WHERE(c->origin, 1), HL_EPARSE,
                       "not a heatline model: the first key must be "
                       "'heatline_model: %d'",
                       FORMAT_VERSION);
    if (rd_int(c, &v, "heatline_model", &ver))
        return c->m->err.code;
    if (ver != FORMAT_VERSION)
        return rd_fail(c, v.where, HL_EPARSE,
                       "heatline_model: version %d; "
                       "this program reads version %d",
                       ver, FORMAT_VERSION);
    const char *t = NULL;
    rd_value n = top(c, root, "name"), d = top(c, root, "description");
    if (n.node && !rd_text(c, &n, "name", &t))
        c->m->def->name = text_pool_add(&c->m->def->strings, t);
    if (d.node && !rd_text(c, &d, "description", &t))
        c->m->def->description = text_pool_add(&c->m->def->strings, t);
    return c->m->err.code;
}

typedef struct section {
    const char *key;
    rd_item_fn item;
} section;

static int read_sections(rd_ctx *c, yaml_node_t *root)
{
    static const section lists[] = {
        {"nodes", rd_node_item},         {"pipes", rd_pipe_item},
        {"sources", rd_source_item},     {"pumps", rd_pump_item},
        {"valves", rd_valve_item},       {"consumers", rd_consumer_item},
        {"heat_exchangers", rd_hx_item}, {"chambers", rd_chamber_item}};
    c->m->mech_heat = 1; /* on for model files (docs/physics.md) */
    rd_value v = top(c, root, "settings");
    if (v.node && (rd_expect(c, &v, YAML_MAPPING_NODE, "settings") ||
                   read_settings(c, &v)))
        return c->m->err.code;
    v = top(c, root, "operation");
    if (v.node && rd_operation(c, &v))
        return c->m->err.code;
    v = top(c, root, "pipe_types");
    if (v.node && rd_pipe_types(c, &v))
        return c->m->err.code;
    v = top(c, root, "nodes_csv");
    if (v.node && rd_nodes_csv(c, &v))
        return c->m->err.code;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        v = top(c, root, lists[i].key);
        if (v.node && rd_list_each(c, &v, lists[i].key, lists[i].item))
            return c->m->err.code;
        if (i == 1) {
            v = top(c, root, "pipes_csv");
            if (v.node && rd_pipes_csv(c, &v))
                return c->m->err.code;
        }
    }
    v = top(c, root, "transient");
    if (v.node && rd_transient(c, &v))
        return c->m->err.code;
    return HL_OK;
}

/* Collections nested deeper than this are refused (docs/model-format.md):
 * the format needs five levels, and libyaml's scanner costs time
 * quadratic in the depth of flow collections ([[[[...). */
#define YAML_MAX_DEPTH 32

static int yaml_problem(rd_ctx *c, const yaml_parser_t *p)
{
    int line = (int)(p->problem_mark.line + 1);
    return rd_fail(c, NET_WHERE(c->origin, line), HL_EPARSE, "YAML: %s%s%s",
                   p->problem ? p->problem : "syntax error",
                   p->context ? " " : "", p->context ? p->context : "");
}

/* A first pass over the events that stops at the first collection nested
 * deeper than YAML_MAX_DEPTH, before the scanner has gone deep: the cost
 * is linear in the text. */
static int check_depth(rd_ctx *c, const char *text, size_t len)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return net_fail(c->m, HL_ENOMEM, "out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int depth = 0, rc = HL_OK, done = 0;
    while (!done && !rc) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
            rc = yaml_problem(c, &p);
            break;
        }
        done = e.type == YAML_STREAM_END_EVENT;
        if (e.type == YAML_SEQUENCE_START_EVENT ||
            e.type == YAML_MAPPING_START_EVENT)
            depth++;
        else if (e.type == YAML_SEQUENCE_END_EVENT ||
                 e.type == YAML_MAPPING_END_EVENT)
            depth--;
        if (depth > YAML_MAX_DEPTH)
            rc = rd_fail(c, NET_WHERE(c->origin, (int)e.start_mark.line + 1),
                         HL_EPARSE,
                         "YAML: lists and mappings nested deeper than %d "
                         "levels",
                         YAML_MAX_DEPTH);
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
    return rc;
}

typedef struct key_at {
    const char *key;
    int line;
} key_at;

static int key_cmp(const void *a, const void *b)
{
    const key_at *x = a, *y = b;
    int d = strcmp(x->key, y->key);
    return d ? d : x->line - y->line;
}

/* Duplicate keys in one mapping (YAML 1.2 forbids them; libyaml keeps
 * both and the reader would take the last silently): an error naming
 * both lines. Sorting keeps a mapping of n keys at n log n. */
static int check_mapping_keys(rd_ctx *c, yaml_document_t *doc, yaml_node_t *map)
{
    yaml_node_pair_t *p0 = map->data.mapping.pairs.start;
    size_t n = (size_t)(map->data.mapping.pairs.top - p0), k = 0;
    if (n < 2)
        return HL_OK;
    key_at *keys = malloc(n * sizeof *keys);
    if (!keys)
        return net_fail(c->m, HL_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *kn = yaml_document_get_node(doc, p0[i].key);
        if (kn && kn->type == YAML_SCALAR_NODE)
            keys[k++] =
                (key_at){(const char *)kn->data.scalar.value, rd_line(kn)};
    }
    qsort(keys, k, sizeof *keys, key_cmp);
    int rc = HL_OK;
    for (size_t i = 1; i < k && !rc; i++) {
        const key_at *a = &keys[i - 1], *b = &keys[i];
        if (strcmp(a->key, b->key) != 0)
            continue;
        int where = NET_WHERE(c->origin, b->line);
        rc = a->line == b->line
                 ? rd_fail(c, where, HL_EPARSE,
                           "key '%s' appears twice in one mapping on line %d",
                           b->key, b->line)
                 : rd_fail(c, where, HL_EPARSE,
                           "key '%s' appears twice in one mapping (lines %d "
                           "and %d)",
                           b->key, a->line, b->line);
    }
    free(keys);
    return rc;
}

static int check_duplicate_keys(rd_ctx *c, yaml_document_t *doc)
{
    for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++)
        if (n->type == YAML_MAPPING_NODE && check_mapping_keys(c, doc, n))
            return c->m->err.code;
    return HL_OK;
}

static int load_document(rd_ctx *c, const char *text, size_t len,
                         yaml_document_t *doc)
{
    if (check_depth(c, text, len))
        return c->m->err.code;
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return net_fail(c->m, HL_ENOMEM, "out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int ok = yaml_parser_load(&p, doc);
    if (!ok)
        yaml_problem(c, &p);
    yaml_parser_delete(&p);
    if (ok && check_duplicate_keys(c, doc)) {
        yaml_document_delete(doc);
        return c->m->err.code;
    }
    return ok ? HL_OK : c->m->err.code;
}

int reader_yaml(hl_model *m, const char *text, size_t len, const char *origin,
                const char *base_dir, const hl_load_options *o)
{
    rd_ctx c = {m, NULL, net_origin(m, origin), base_dir, o, NULL};
    yaml_document_t doc;
    if (load_document(&c, text, len, &doc))
        return m->err.code;
    c.doc = &doc;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    int rc;
    if (!root || root->type != YAML_MAPPING_NODE)
        rc = rd_fail(&c, NET_WHERE(c.origin, 1), HL_EPARSE,
                     "not a heatline model: expected a mapping of sections");
    else
        rc = version_and_names(&c, root) || check_top_keys(&c, root) ||
             read_sections(&c, root);
    if (!rc && o->friction >= 0)
        m->def->friction = o->friction;
    rd_types_free(c.types);
    yaml_document_delete(&doc);
    return rc ? m->err.code : HL_OK;
}
