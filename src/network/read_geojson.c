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
#include "network/geojson_scan.h"
#include "network/reader.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define R_EARTH 6371008.8 /* m, mean radius (IUGG) */

typedef struct by_xy {
    double x, y;
    int node;
} by_xy;

typedef struct gj {
    rd_ctx *c;
    const gj_scan *s; /* the features, as scanned */
    int geographic;   /* 1: degrees (lon, lat) */
    int n_features;
    double tol;   /* end point to node, in the plane's unit */
    by_xy *by_xy; /* the nodes sorted by x, then y */
} gj;

static int where(const gj *g, int k)
{
    return NET_WHERE(g->c->origin, k < g->n_features ? g->s->f[k].line : 0);
}

#define gfail(g, k, ...)                                                       \
    rd_fail((g)->c, where((g), (k)), HL_EPARSE, __VA_ARGS__)

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

static int read_crs(gj *g)
{
    g->geographic = 1;  /* RFC 7946: WGS 84 lon/lat */
    if (g->s->crs == 0) /* absent or null */
        return HL_OK;
    const char *name = g->s->crs == 1 ? gj_text(g->s, g->s->crs_name) : NULL;
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

/* A text property, or NULL (absent, or not text). */
static const char *text_prop(const gj *g, const gj_feature *f, int p)
{
    return f->t[p] == GJ_STR ? gj_text(g->s, f->v[p].str) : NULL;
}

/* id: a string or an integer */
static const char *feature_id(const gj *g, const gj_feature *f, char *buf,
                              size_t cap)
{
    if (f->t[GJP_ID] == GJ_INT) {
        snprintf(buf, cap, "%lld", f->v[GJP_ID].i);
        return buf;
    }
    return text_prop(g, f, GJP_ID);
}

/* A number property: absent -> def; not a number -> error. */
static int prop(gj *g, int k, int p, const char *key, double def, double *out)
{
    const gj_feature *f = &g->s->f[k];
    if (f->t[p] == GJ_ABSENT || f->t[p] == GJ_NULL) {
        *out = def;
        return HL_OK;
    }
    if (f->t[p] != GJ_REAL && f->t[p] != GJ_INT)
        return gfail(g, k, "feature %d: property %s: expected a number", k + 1,
                     key);
    *out = f->t[p] == GJ_INT ? (double)f->v[p].i : f->v[p].num;
    return HL_OK;
}

/* A Point's coordinates [x, y, ...] */
static int point_xy(const gj_feature *f, double *x, double *y)
{
    if (!f->coords_arr || (f->direct & 3) != 3)
        return 0;
    *x = f->dx[0];
    *y = f->dx[1];
    return isfinite(*x) && isfinite(*y);
}

/* A LineString's position i (0 <= i < n_pts) */
static int line_xy(const gj *g, const gj_feature *f, int i, double *x,
                   double *y)
{
    const double *p = g->s->pts + 2 * (f->pt + (size_t)i);
    *x = p[0];
    *y = p[1];
    return isfinite(*x) && isfinite(*y);
}

/* ---- nodes ------------------------------------------------------------ */

static int node(gj *g, int k)
{
    const gj_feature *f = &g->s->f[k];
    static const char *const kinds[] = {"junction", "reservoir", NULL};
    char idbuf[32];
    net_node_spec s;
    net_node_spec_init(&s);
    s.where = where(g, k);
    s.id = feature_id(g, f, idbuf, sizeof idbuf);
    if (!s.id)
        return gfail(g, k,
                     "feature %d (a node): expected an \"id\" "
                     "property (text or integer)",
                     k + 1);
    if (!point_xy(f, &s.x_m, &s.y_m))
        return gfail(g, k, "node '%s': expected Point coordinates [x, y]",
                     s.id);
    const char *kind = text_prop(g, f, GJP_KIND);
    int ki = 0;
    while (kind && kinds[ki] && strcmp(kinds[ki], kind) != 0)
        ki++;
    if (kind && !kinds[ki])
        return gfail(g, k,
                     "node '%s': kind '%s': expected junction or "
                     "reservoir",
                     s.id, kind);
    double head;
    if (prop(g, k, GJP_ELEVATION, "elevation_m", 0.0, &s.z_m) ||
        prop(g, k, GJP_DEMAND, "demand_kg_per_s", 0.0, &s.demand_kg_s) ||
        prop(g, k, GJP_HEAD, "head_m", NAN, &head))
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

/* First of t[lo, hi) whose x (on_y: y) is >= v. */
static int lower(const by_xy *t, int lo, int hi, double v, int on_y)
{
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if ((on_y ? t[mid].y : t[mid].x) < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The node at (x, y) within the tolerance, or -1: for each x in reach
 * (usually one), a binary search of its nodes by y (a grid has hundreds of
 * nodes on one x). */
static int node_at(const gj *g, double x, double y)
{
    const by_xy *t = g->by_xy;
    int n = g->c->m->def->n_nodes;
    for (int i = lower(t, 0, n, x - g->tol, 0);
         i < n && t[i].x <= x + g->tol;) {
        int end = lower(t, i, n, nextafter(t[i].x, INFINITY), 0);
        int j = lower(t, i, end, y - g->tol, 1);
        if (j < end && t[j].y <= y + g->tol)
            return t[j].node;
        i = end;
    }
    return -1;
}

static int end_node(gj *g, int k, const char *id, const char *key, double x,
                    double y, const char **out)
{
    const char *named =
        text_prop(g, &g->s->f[k], strcmp(key, "from") == 0 ? GJP_FROM : GJP_TO);
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

static int pipe_data(gj *g, int k, net_pipe_spec *s)
{
    double d_mm, rough_mm, len;
    static const char *const st[] = {"open", "closed", "cv", NULL};
    if (prop(g, k, GJP_DIAMETER, "diameter_mm", NAN, &d_mm) ||
        prop(g, k, GJP_ROUGHNESS, "roughness_mm", 0.1, &rough_mm) ||
        prop(g, k, GJP_MINOR_LOSS, "minor_loss", 0.0, &s->zeta) ||
        prop(g, k, GJP_LENGTH, "length_m", NAN, &len))
        return g->c->m->err.code;
    if (isnan(d_mm))
        return gfail(g, k, "pipe '%s': expected diameter_mm (inner)", s->id);
    s->inner_d_m = d_mm * 1e-3;
    s->roughness_m = rough_mm * 1e-3;
    if (!isnan(len))
        s->length_m = len;
    const char *status = text_prop(g, &g->s->f[k], GJP_STATUS);
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

static int pipe(gj *g, int k)
{
    const gj_feature *f = &g->s->f[k];
    char idbuf[32];
    net_pipe_spec s;
    net_pipe_spec_init(&s);
    s.where = where(g, k);
    s.id = feature_id(g, f, idbuf, sizeof idbuf);
    if (!s.id)
        return gfail(g, k,
                     "feature %d (a pipe): expected an \"id\" "
                     "property (text or integer)",
                     k + 1);
    const char *kind = text_prop(g, f, GJP_KIND);
    if (kind && strcmp(kind, "pipe") != 0)
        return gfail(g, k,
                     "line '%s': kind '%s': only pipes can be imported from "
                     "GeoJSON (pumps and valves: a YAML model or an .inp)",
                     s.id, kind);
    int n = f->coords_arr ? f->n_pts : 0;
    double x0, y0, x1, y1, len = 0.0;
    if (n < 2 || !line_xy(g, f, 0, &x0, &y0) || !line_xy(g, f, n - 1, &x1, &y1))
        return gfail(g, k,
                     "pipe '%s': expected LineString coordinates of "
                     "two or more [x, y]",
                     s.id);
    for (int i = 1; i < n; i++) {
        double a, b, c, d;
        if (!line_xy(g, f, i - 1, &a, &b) || !line_xy(g, f, i, &c, &d))
            return gfail(g, k, "pipe '%s': point %d: expected [x, y]", s.id,
                         i + 1);
        len += seg_length(g, a, b, c, d);
    }
    s.length_m = len;
    if (pipe_data(g, k, &s) || end_node(g, k, s.id, "from", x0, y0, &s.from) ||
        end_node(g, k, s.id, "to", x1, y1, &s.to) || net_add_pipe(g->c->m, &s))
        return g->c->m->err.code;
    int pi = g->c->m->def->n_pipes - 1;
    for (int i = 1; i + 1 < n; i++) {
        double a, b;
        line_xy(g, f, i, &a, &b);
        if (net_add_vertex(g->c->m, pi, a, b))
            return g->c->m->err.code;
    }
    return HL_OK;
}

/* ---- driver ----------------------------------------------------------- */

static int geometry(gj *g, int k, int want_point)
{
    const gj_feature *f = &g->s->f[k];
    if (!f->obj || !f->is_f)
        return gfail(g, k, "feature %d: expected an object of type Feature",
                     k + 1);
    if (f->geom == GJG_NONE)
        return gfail(g, k,
                     "feature %d: missing geometry (a Point node or a "
                     "LineString pipe)",
                     k + 1);
    if (f->geom == GJG_OTHER)
        return gfail(g, k,
                     "feature %d: geometry %s: expected Point (a "
                     "node) or LineString (a pipe)",
                     k + 1, gj_text(g->s, f->geom_name));
    if (!f->has_props)
        return gfail(g, k, "feature %d: expected properties (at least id)",
                     k + 1);
    return (f->geom == GJG_POINT) == want_point ? 1 : 0;
}

static int cmp_xy(const void *a, const void *b)
{
    const by_xy *u = a, *v = b;
    return u->x != v->x ? (u->x > v->x) - (u->x < v->x)
                        : (u->y > v->y) - (u->y < v->y);
}

/* Nodes by x, then y, for the end-point search; tolerance 1 mm or 1e-8
 * degree. */
static int index_nodes(gj *g)
{
    const net_def *d = g->c->m->def;
    g->by_xy = malloc(sizeof *g->by_xy * ((size_t)d->n_nodes + 1));
    if (!g->by_xy)
        return net_fail(g->c->m, HL_ENOMEM, "out of memory");
    for (int i = 0; i < d->n_nodes; i++)
        g->by_xy[i] = (by_xy){d->nd_x[i], d->nd_y[i], i};
    qsort(g->by_xy, (size_t)d->n_nodes, sizeof *g->by_xy, cmp_xy);
    g->tol = g->geographic ? 1e-8 : 1e-3;
    return HL_OK;
}

static int features(gj *g)
{
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && index_nodes(g))
            return g->c->m->err.code;
        for (int k = 0; k < g->n_features; k++) {
            int is = geometry(g, k, pass == 0);
            if (is < 0 || g->c->m->err.code)
                return g->c->m->err.code;
            if (is && (pass == 0 ? node(g, k) : pipe(g, k)))
                return g->c->m->err.code;
        }
    }
    return net_sort_vertices(g->c->m);
}

int reader_geojson(hl_model *m, const char *text, size_t len,
                   const char *origin, const hl_load_options *o)
{
    rd_ctx c = {m, NULL, net_origin(m, origin), NULL, o, NULL};
    gj_scan s;
    gj g = {&c, &s, 1, 0, 0.0, NULL};
    int rc = gj_scan_text(&s, text, len);
    if (rc == -2)
        rc = net_fail(m, HL_ENOMEM, "out of memory");
    else if (rc)
        rc = rd_fail(&c, NET_WHERE(c.origin, s.err_line), HL_EPARSE,
                     "not valid JSON: %s", s.err);
    else if (!s.root_obj || !s.root_fc || !s.features_arr)
        rc = rd_fail(&c, NET_WHERE(c.origin, 1), HL_EPARSE,
                     "expected a GeoJSON FeatureCollection with a "
                     "\"features\" array");
    if (!rc) {
        g.n_features = s.n;
        const char *kept =
            s.has_name ? text_pool_add(&m->def->strings, gj_text(&s, s.name))
                       : "";
        if (kept)
            m->def->name = kept;
        rc = read_crs(&g);
    }
    if (!rc)
        rc = features(&g);
    if (!rc)
        m->t_ground = o->inp_ambient_k; /* the surroundings of every pipe */
    free(g.by_xy);
    gj_scan_free(&s);
    return rc ? m->err.code : HL_OK;
}
