/*
 * read_geojson.c - a network from GeoJSON (a FeatureCollection, as QGIS
 * writes it; docs/model-format.md "GeoJSON import"): Point features are
 * nodes, LineString features are pipes whose ends are the nodes at their
 * first and last points (or the nodes named by "from" and "to"), with the
 * points between as the pipe's vertices. Properties carry the data with
 * their units in the names. The coordinate system is the legacy "crs"
 * member GDAL writes, or WGS 84 longitude/latitude when there is none (RFC
 * 7946); a length_m missing from a pipe is measured along its line
 * (great-circle on WGS 84 / CGCS2000 degrees, straight in a projected
 * plane in metres). A CRS heatline cannot measure in is refused.
 * Water properties are IAPWS-IF97 and the friction Colebrook-White, as
 * for a heatline model; the heat-transfer data come from the load options
 * as for an .inp (the temperature at reservoirs, the surroundings, U).
 */
#include "network/reader.h"
#include "util/util.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define R_EARTH 6371008.8 /* m, mean radius (IUGG) */

typedef struct gj {
    rd_ctx *c;
    int geographic; /* 1: degrees (lon, lat) */
    int *line;      /* line of each feature in the file */
    int n_features;
    double tol; /* end point to node, in the plane's unit */
    int *by_x;  /* node indices sorted by x */
} gj;

static int where(const gj *g, int k)
{
    return NET_WHERE(g->c->origin, k < g->n_features ? g->line[k] : 0);
}

#define gfail(g, k, ...)                                                       \
    rd_fail((g)->c, where((g), (k)), HL_EPARSE, __VA_ARGS__)

/* ---- where each feature starts (jansson keeps no positions) ---------- */

/* Lines of the elements of the root object's "features" array. */
static void feature_lines(const char *t, size_t len, int *out, int cap)
{
    int depth = 0, line = 1, n = 0, in_features = 0, features_depth = -1;
    char key[16] = "";
    for (size_t i = 0; i < len; i++) {
        char ch = t[i];
        if (ch == '\n')
            line++;
        else if (ch == '"') { /* a string: remember it as a possible key */
            size_t j = i + 1, k = 0;
            while (j < len && t[j] != '"') {
                if (t[j] == '\\')
                    j++;
                else if (k + 1 < sizeof key)
                    key[k++] = t[j];
                j++;
            }
            key[k] = '\0';
            i = j;
        } else if (ch == '{' || ch == '[') {
            if (in_features && depth == features_depth && ch == '{' && n < cap)
                out[n++] = line;
            if (depth == 1 && ch == '[' && strcmp(key, "features") == 0) {
                in_features = 1;
                features_depth = depth + 1;
            }
            depth++;
        } else if (ch == '}' || ch == ']') {
            depth--;
            if (in_features && depth < features_depth)
                in_features = 0;
        }
    }
    while (n < cap)
        out[n++] = 0;
}

/* ---- the coordinate system ------------------------------------------- */

/* EPSG codes whose coordinates heatline can measure lengths in: WGS 84 and
 * CGCS2000 degrees; Web Mercator, UTM (WGS 84) and CGCS2000 Gauss-Kruger
 * in metres (Web Mercator lengths are too long away from the equator:
 * give length_m there). */
static int crs_kind(const char *name, int *geographic)
{
    const char *p = strstr(name, "EPSG");
    if (strstr(name, "CRS84")) {
        *geographic = 1;
        return 1;
    }
    if (!p)
        return 0;
    p += strcspn(p, "0123456789");
    long code = strtol(p, NULL, 10);
    *geographic = code == 4326 || code == 4490;
    return *geographic || code == 3857 || (code >= 32601 && code <= 32660) ||
           (code >= 32701 && code <= 32760) || (code >= 4491 && code <= 4554);
}

static int read_crs(gj *g, json_t *root)
{
    json_t *crs = json_object_get(root, "crs");
    g->geographic = 1; /* RFC 7946: WGS 84 lon/lat */
    if (!crs || json_is_null(crs))
        return HL_OK;
    const char *name = json_string_value(
        json_object_get(json_object_get(crs, "properties"), "name"));
    if (!name)
        return gfail(g, g->n_features,
                     "crs: expected {\"type\": \"name\", "
                     "\"properties\": {\"name\": ...}}");
    if (!crs_kind(name, &g->geographic))
        return gfail(g, g->n_features,
                     "unknown coordinate system '%s': expected WGS 84 "
                     "(EPSG:4326, CRS84), CGCS2000 (EPSG:4490, 4491-4554), "
                     "UTM (EPSG:326xx, 327xx) or EPSG:3857; reproject the "
                     "layer in QGIS",
                     name);
    g->c->m->def->crs = text_pool_add(&g->c->m->def->strings, name);
    return g->c->m->def->crs ? HL_OK
                             : net_fail(g->c->m, HL_ENOMEM, "out of memory");
}

/* ---- properties ------------------------------------------------------- */

static const char *text_of(json_t *v)
{
    const char *t = json_string_value(v);
    return t ? t : "";
}

/* id: a string or an integer */
static const char *feature_id(json_t *props, char *buf, size_t cap)
{
    json_t *id = json_object_get(props, "id");
    if (json_is_string(id))
        return json_string_value(id);
    if (json_is_integer(id)) {
        snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        return buf;
    }
    return NULL;
}

/* A number property: absent -> def; not a number -> error. */
static int prop(gj *g, int k, json_t *props, const char *key, double def,
                double *out)
{
    json_t *v = json_object_get(props, key);
    if (!v || json_is_null(v)) {
        *out = def;
        return HL_OK;
    }
    if (!json_is_number(v))
        return gfail(g, k, "feature %d: property %s: expected a number", k + 1,
                     key);
    *out = json_number_value(v);
    return HL_OK;
}

static int xy(json_t *c, double *x, double *y)
{
    json_t *a = json_array_get(c, 0), *b = json_array_get(c, 1);
    if (!json_is_array(c) || !json_is_number(a) || !json_is_number(b))
        return 0;
    *x = json_number_value(a);
    *y = json_number_value(b);
    return isfinite(*x) && isfinite(*y);
}

/* ---- nodes ------------------------------------------------------------ */

static int node(gj *g, int k, json_t *props, json_t *coords)
{
    static const char *const kinds[] = {"junction", "reservoir", NULL};
    char idbuf[32];
    net_node_spec s;
    net_node_spec_init(&s);
    s.where = where(g, k);
    s.id = feature_id(props, idbuf, sizeof idbuf);
    if (!s.id)
        return gfail(g, k,
                     "feature %d (a node): expected an \"id\" "
                     "property (text or integer)",
                     k + 1);
    if (!xy(coords, &s.x_m, &s.y_m))
        return gfail(g, k, "node '%s': expected Point coordinates [x, y]",
                     s.id);
    const char *kind = json_string_value(json_object_get(props, "kind"));
    int ki = 0;
    while (kind && kinds[ki] && strcmp(kinds[ki], kind) != 0)
        ki++;
    if (kind && !kinds[ki])
        return gfail(g, k,
                     "node '%s': kind '%s': expected junction or "
                     "reservoir",
                     s.id, kind);
    double head;
    if (prop(g, k, props, "elevation_m", 0.0, &s.z_m) ||
        prop(g, k, props, "demand_kg_per_s", 0.0, &s.demand_kg_s) ||
        prop(g, k, props, "head_m", NAN, &head))
        return g->c->m->err.code;
    if (ki == 1) { /* a fixed head: the water surface, open to air */
        if (isnan(head))
            return gfail(g, k, "reservoir '%s': expected head_m", s.id);
        s.z_m = head;
        s.fixed_p_pa = 0.0;
        s.inflow_temp_k = g->c->opt->inp_supply_temp_k;
    }
    return net_add_node(g->c->m, &s);
}

/* ---- pipes ------------------------------------------------------------ */

static double seg_length(const gj *g, double x0, double y0, double x1,
                         double y1)
{
    if (!g->geographic)
        return hypot(x1 - x0, y1 - y0);
    double r = M_PI / 180.0, p0 = y0 * r, p1 = y1 * r; /* haversine */
    double a = pow(sin((p1 - p0) / 2), 2) +
               cos(p0) * cos(p1) * pow(sin((x1 - x0) * r / 2), 2);
    return 2.0 * R_EARTH * asin(fmin(1.0, sqrt(a)));
}

/* The node at (x, y) within the tolerance, or -1. */
static int node_at(const gj *g, double x, double y)
{
    const net_def *d = g->c->m->def;
    int lo = 0, hi = d->n_nodes;
    while (lo < hi) { /* first with nd_x >= x - tol */
        int mid = lo + (hi - lo) / 2;
        if (d->nd_x[g->by_x[mid]] < x - g->tol)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < d->n_nodes && d->nd_x[g->by_x[i]] <= x + g->tol; i++)
        if (fabs(d->nd_y[g->by_x[i]] - y) <= g->tol)
            return g->by_x[i];
    return -1;
}

static int end_node(gj *g, int k, const char *id, json_t *props,
                    const char *key, double x, double y, const char **out)
{
    const char *named = json_string_value(json_object_get(props, key));
    if (named) {
        *out = named;
        return HL_OK;
    }
    int n = node_at(g, x, y);
    if (n < 0)
        return gfail(g, k,
                     "pipe '%s': its %s end (%.9g, %.9g) is at no node "
                     "(expected a Point feature there, or a \"%s\" "
                     "property)",
                     id, strcmp(key, "from") == 0 ? "first" : "last", x, y,
                     key);
    *out = g->c->m->def->nd_id[n];
    return HL_OK;
}

static int pipe_data(gj *g, int k, json_t *props, net_pipe_spec *s)
{
    double d_mm, rough_mm, len;
    static const char *const st[] = {"open", "closed", "cv", NULL};
    if (prop(g, k, props, "diameter_mm", NAN, &d_mm) ||
        prop(g, k, props, "roughness_mm", 0.1, &rough_mm) ||
        prop(g, k, props, "minor_loss", 0.0, &s->zeta) ||
        prop(g, k, props, "length_m", NAN, &len))
        return g->c->m->err.code;
    if (isnan(d_mm))
        return gfail(g, k, "pipe '%s': expected diameter_mm (inner)", s->id);
    s->inner_d_m = d_mm * 1e-3;
    s->roughness_m = rough_mm * 1e-3;
    if (!isnan(len))
        s->length_m = len;
    const char *status = json_string_value(json_object_get(props, "status"));
    int i = 0;
    while (status && st[i] && strcmp(st[i], status) != 0)
        i++;
    if (status && !st[i])
        return gfail(g, k,
                     "pipe '%s': status '%s': expected open, closed "
                     "or cv",
                     s->id, status);
    s->open = i != 1;
    s->check = i == 2;
    if (g->c->opt->inp_u_w_m2k > 0.0) {
        s->ht = HT_U;
        s->ht_value = g->c->opt->inp_u_w_m2k;
        s->u_diameter_m = s->inner_d_m;
    }
    return HL_OK;
}

static int pipe(gj *g, int k, json_t *props, json_t *coords)
{
    char idbuf[32];
    net_pipe_spec s;
    net_pipe_spec_init(&s);
    s.where = where(g, k);
    s.id = feature_id(props, idbuf, sizeof idbuf);
    if (!s.id)
        return gfail(g, k,
                     "feature %d (a pipe): expected an \"id\" "
                     "property (text or integer)",
                     k + 1);
    const char *kind = json_string_value(json_object_get(props, "kind"));
    if (kind && strcmp(kind, "pipe") != 0)
        return gfail(g, k,
                     "line '%s': kind '%s': only pipes can be imported from "
                     "GeoJSON (pumps and valves: a YAML model or an .inp)",
                     s.id, kind);
    int n = (int)json_array_size(coords);
    double x0, y0, x1, y1, len = 0.0;
    if (n < 2 || !xy(json_array_get(coords, 0), &x0, &y0) ||
        !xy(json_array_get(coords, (size_t)n - 1), &x1, &y1))
        return gfail(g, k,
                     "pipe '%s': expected LineString coordinates of "
                     "two or more [x, y]",
                     s.id);
    for (int i = 1; i < n; i++) {
        double a, b, c, d;
        if (!xy(json_array_get(coords, (size_t)i - 1), &a, &b) ||
            !xy(json_array_get(coords, (size_t)i), &c, &d))
            return gfail(g, k, "pipe '%s': point %d: expected [x, y]", s.id,
                         i + 1);
        len += seg_length(g, a, b, c, d);
    }
    s.length_m = len;
    if (pipe_data(g, k, props, &s) ||
        end_node(g, k, s.id, props, "from", x0, y0, &s.from) ||
        end_node(g, k, s.id, props, "to", x1, y1, &s.to) ||
        net_add_pipe(g->c->m, &s))
        return g->c->m->err.code;
    int pi = g->c->m->def->n_pipes - 1;
    for (int i = 1; i + 1 < n; i++) {
        double a, b;
        xy(json_array_get(coords, (size_t)i), &a, &b);
        if (net_add_vertex(g->c->m, pi, a, b))
            return g->c->m->err.code;
    }
    return HL_OK;
}

/* ---- driver ----------------------------------------------------------- */

static int geometry(gj *g, int k, json_t *f, int want_point, json_t **coords,
                    json_t **props)
{
    json_t *geo = json_object_get(f, "geometry");
    const char *type = json_string_value(json_object_get(geo, "type"));
    *props = json_object_get(f, "properties");
    *coords = json_object_get(geo, "coordinates");
    if (!json_is_object(f) ||
        strcmp(text_of(json_object_get(f, "type")), "Feature") != 0)
        return gfail(g, k, "feature %d: expected an object of type Feature",
                     k + 1);
    if (!type)
        return gfail(g, k,
                     "feature %d: missing geometry (a Point node or a "
                     "LineString pipe)",
                     k + 1);
    if (strcmp(type, "Point") != 0 && strcmp(type, "LineString") != 0)
        return gfail(g, k,
                     "feature %d: geometry %s: expected Point (a "
                     "node) or LineString (a pipe)",
                     k + 1, type);
    if (!json_is_object(*props))
        return gfail(g, k, "feature %d: expected properties (at least id)",
                     k + 1);
    return (strcmp(type, "Point") == 0) == want_point ? 1 : 0;
}

typedef struct by_x {
    double x;
    int node;
} by_x;

static int cmp_x(const void *a, const void *b)
{
    double u = ((const by_x *)a)->x, v = ((const by_x *)b)->x;
    return (u > v) - (u < v);
}

/* Nodes by x for the end-point search; tolerance 1 mm or 1e-8 degree. */
static int index_nodes(gj *g)
{
    const net_def *d = g->c->m->def;
    by_x *t = malloc(sizeof *t * ((size_t)d->n_nodes + 1));
    g->by_x = malloc(sizeof *g->by_x * ((size_t)d->n_nodes + 1));
    if (!t || !g->by_x) {
        free(t);
        return net_fail(g->c->m, HL_ENOMEM, "out of memory");
    }
    for (int i = 0; i < d->n_nodes; i++)
        t[i] = (by_x){d->nd_x[i], i};
    qsort(t, (size_t)d->n_nodes, sizeof *t, cmp_x);
    for (int i = 0; i < d->n_nodes; i++)
        g->by_x[i] = t[i].node;
    free(t);
    g->tol = g->geographic ? 1e-8 : 1e-3;
    return HL_OK;
}

static int features(gj *g, json_t *fs)
{
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && index_nodes(g))
            return g->c->m->err.code;
        for (int k = 0; k < g->n_features; k++) {
            json_t *coords, *props;
            int is = geometry(g, k, json_array_get(fs, (size_t)k), pass == 0,
                              &coords, &props);
            if (is < 0 || g->c->m->err.code)
                return g->c->m->err.code;
            if (is && (pass == 0 ? node(g, k, props, coords)
                                 : pipe(g, k, props, coords)))
                return g->c->m->err.code;
        }
    }
    return net_sort_vertices(g->c->m);
}

int reader_geojson(hl_model *m, const char *text, size_t len,
                   const char *origin, const hl_load_options *o)
{
    rd_ctx c = {m, NULL, net_origin(m, origin), NULL, o, NULL};
    gj g = {&c, 1, NULL, 0, 0.0, NULL};
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    if (!root)
        return rd_fail(&c, NET_WHERE(c.origin, jerr.line), HL_EPARSE,
                       "not valid JSON: %s", jerr.text);
    json_t *fs = json_object_get(root, "features");
    int rc = HL_OK;
    if (!json_is_object(root) ||
        strcmp(text_of(json_object_get(root, "type")), "FeatureCollection") !=
            0 ||
        !json_is_array(fs))
        rc = rd_fail(&c, NET_WHERE(c.origin, 1), HL_EPARSE,
                     "expected a GeoJSON FeatureCollection with a "
                     "\"features\" array");
    if (!rc) {
        g.n_features = (int)json_array_size(fs);
        g.line = malloc(sizeof *g.line * ((size_t)g.n_features + 1));
        if (!g.line)
            rc = net_fail(m, HL_ENOMEM, "out of memory");
    }
    if (!rc) {
        feature_lines(text, len, g.line, g.n_features + 1);
        const char *name = json_string_value(json_object_get(root, "name"));
        const char *kept = name ? text_pool_add(&m->def->strings, name) : "";
        if (kept)
            m->def->name = kept;
        rc = read_crs(&g, root);
    }
    if (!rc)
        rc = features(&g, fs);
    if (!rc)
        m->t_ground = o->inp_ambient_k; /* the surroundings of every pipe */
    free(g.line);
    free(g.by_x);
    json_decref(root);
    return rc ? m->err.code : HL_OK;
}
