/*
 * geojson_scan.c - a GeoJSON FeatureCollection scanned with yajl's event
 * parser into compact per-feature records (geojson_scan.h): nothing of the
 * document is kept beyond what the network reader needs, so a 45 MB file
 * costs its records (about 150 bytes a feature) instead of a tree of
 * 80 MB of small objects. What jansson refused, this refuses too (NUL in
 * text, integers beyond 64 bits, reals that overflow, a scalar as the
 * root), so a file reads as valid or not exactly as before.
 */
#include "network/geojson_scan.h"
#include "util/util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

/* What an open container is, seen from the reader. */
enum {
    F_ROOT,
    F_CRS,
    F_CRS_PROPS,
    F_FEATURES,
    F_FEATURE,
    F_GEOM,
    F_PROPS,
    F_COORDS,
    F_POS
};

/* Keys that matter somewhere; the properties are K_PROP + GJP_*. */
enum {
    K_OTHER,
    K_TYPE,
    K_NAME,
    K_CRS,
    K_FEATURES,
    K_PROPERTIES,
    K_GEOMETRY,
    K_COORDINATES,
    K_PROP
};

#define MAX_FRAMES 8 /* the deepest kept: root/features/feature/geom/... */

typedef struct frame {
    int kind;
    int key;   /* maps: the current key (K_*) */
    int index; /* arrays: elements so far */
} frame;

typedef struct ctx {
    gj_scan *s;
    yajl_handle h;
    const char *text;
    size_t pos; /* newlines are counted up to here */
    int line;
    frame st[MAX_FRAMES];
    int depth;
    long skip; /* depth inside a container nobody reads */
    int oom;
} ctx;

/* ---- bookkeeping ------------------------------------------------------ */

static void advance_line(ctx *c, size_t to)
{
    const char *p = c->text + c->pos, *end = c->text + to;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        c->line++;
        p++;
    }
    c->pos = to;
}

static int fail(ctx *c, const char *msg)
{
    advance_line(c, yajl_get_bytes_consumed(c->h));
    c->s->err_line = c->line;
    snprintf(c->s->err, sizeof c->s->err, "%s", msg);
    return 0;
}

/* Keep a text (NUL-terminated) in the arena; 0 when out of memory. */
static int keep(ctx *c, const unsigned char *t, size_t len, size_t *off)
{
    gj_scan *s = c->s;
    if (!grow_array((void **)&s->text, &s->cap_text, s->n_text + len + 1, 1)) {
        c->oom = 1;
        return 0;
    }
    memcpy(s->text + s->n_text, t, len);
    s->text[s->n_text + len] = '\0';
    *off = s->n_text;
    s->n_text += len + 1;
    return 1;
}

static gj_feature *new_feature(ctx *c, int obj)
{
    gj_scan *s = c->s;
    size_t cap = (size_t)s->cap;
    if ((size_t)s->n >= (size_t)0x7ffffffe ||
        !grow_array((void **)&s->f, &cap, (size_t)s->n + 1, sizeof *s->f)) {
        c->oom = 1;
        return NULL;
    }
    s->cap = (int)(cap > 0x7fffffff ? 0x7fffffff : cap);
    advance_line(c, yajl_get_bytes_consumed(c->h));
    gj_feature *f = &s->f[s->n++];
    memset(f, 0, sizeof *f);
    f->line = c->line;
    f->obj = (unsigned char)obj;
    f->pt = s->n_pts;
    return f;
}

static int is_text(int vt, const unsigned char *t, size_t len, const char *w)
{
    return vt == GJ_STR && len == strlen(w) && memcmp(t, w, len) == 0;
}

/* ---- values by where they are ---------------------------------------- */

typedef struct value {
    int vt;        /* GJ_* */
    int container; /* 0 a scalar, 1 an object, 2 an array */
    const unsigned char *str;
    size_t len;
    double num;
    long long i;
} value;

static int in_geometry(ctx *c, gj_feature *f, int key, const value *v)
{
    if (key == K_TYPE) {
        f->geom = is_text(v->vt, v->str, v->len, "Point")        ? GJG_POINT
                  : is_text(v->vt, v->str, v->len, "LineString") ? GJG_LINE
                  : v->vt == GJ_STR                              ? GJG_OTHER
                                                                 : GJG_NONE;
        if (f->geom == GJG_OTHER && !keep(c, v->str, v->len, &f->geom_name))
            return -2;
    } else if (key == K_COORDINATES) {
        f->coords_arr = v->container == 2;
        f->direct = 0;
        f->n_pts = 0;
        f->pt = c->s->n_pts;
        return f->coords_arr ? F_COORDS : -1;
    }
    return -1;
}

/* One element of "coordinates": a position [x, y, ...] (a LineString's)
 * or a number (a Point's x or y). */
static int in_coords(ctx *c, gj_feature *f, int index, const value *v)
{
    gj_scan *s = c->s;
    if (f->n_pts == 0x7fffffff ||
        !grow_array((void **)&s->pts, &s->cap_pts, 2 * (s->n_pts + 1),
                    sizeof *s->pts)) {
        c->oom = 1;
        return -2;
    }
    s->pts[2 * s->n_pts] = s->pts[2 * s->n_pts + 1] = NAN;
    s->n_pts++;
    f->n_pts++;
    if (index < 2 && (v->vt == GJ_REAL || v->vt == GJ_INT)) {
        f->direct |= (unsigned char)(1u << index);
        f->dx[index] = v->num;
    }
    return v->container == 2 ? F_POS : -1;
}

static int in_props(ctx *c, gj_feature *f, int key, const value *v)
{
    if (key < K_PROP)
        return -1;
    int p = key - K_PROP;
    f->t[p] = (unsigned char)v->vt;
    if (v->vt == GJ_REAL)
        f->v[p].num = v->num;
    else if (v->vt == GJ_INT)
        f->v[p].i = v->i;
    else if (v->vt == GJ_STR && !keep(c, v->str, v->len, &f->v[p].str))
        return -2;
    return -1;
}

static int in_root(ctx *c, int key, const value *v)
{
    gj_scan *s = c->s;
    switch (key) {
    case K_TYPE:
        s->root_fc = is_text(v->vt, v->str, v->len, "FeatureCollection");
        return -1;
    case K_NAME:
        s->has_name = v->vt == GJ_STR;
        return s->has_name && !keep(c, v->str, v->len, &s->name) ? -2 : -1;
    case K_CRS:
        s->crs = v->vt == GJ_NULL ? 0 : 2;
        return v->container == 1 ? F_CRS : -1;
    case K_FEATURES:
        s->features_arr = v->container == 2;
        s->n = 0;
        return s->features_arr ? F_FEATURES : -1;
    }
    return -1;
}

/* A value starts: keep what is read, and say what frame a container
 * opens (-1: none, its content is skipped; -2: stop, out of memory). */
static int on_value(ctx *c, const value *v)
{
    gj_scan *s = c->s;
    if (c->depth == 0) {
        s->root_obj = v->container == 1;
        return v->container == 1 ? F_ROOT : -1;
    }
    frame *fr = &c->st[c->depth - 1];
    int index = fr->index++;
    gj_feature *f = s->n ? &s->f[s->n - 1] : NULL;
    switch (fr->kind) {
    case F_ROOT:
        return in_root(c, fr->key, v);
    case F_CRS:
        if (fr->key != K_PROPERTIES)
            return -1;
        s->crs = 2;
        return v->container == 1 ? F_CRS_PROPS : -1;
    case F_CRS_PROPS:
        if (fr->key != K_NAME)
            return -1;
        s->crs = v->vt == GJ_STR ? 1 : 2;
        return s->crs == 1 && !keep(c, v->str, v->len, &s->crs_name) ? -2 : -1;
    case F_FEATURES:
        if (!new_feature(c, v->container == 1))
            return -2;
        return v->container == 1 ? F_FEATURE : -1;
    case F_FEATURE:
        if (fr->key == K_TYPE)
            f->is_f = (unsigned char)is_text(v->vt, v->str, v->len, "Feature");
        else if (fr->key == K_GEOMETRY) {
            f->geom = GJG_NONE;
            f->coords_arr = f->direct = 0;
            f->n_pts = 0;
            return v->container == 1 ? F_GEOM : -1;
        } else if (fr->key == K_PROPERTIES) {
            f->has_props = v->container == 1;
            memset(f->t, GJ_ABSENT, sizeof f->t);
            return f->has_props ? F_PROPS : -1;
        }
        return -1;
    case F_GEOM:
        return in_geometry(c, f, fr->key, v);
    case F_COORDS:
        return in_coords(c, f, index, v);
    case F_POS:
        if (index < 2 && (v->vt == GJ_REAL || v->vt == GJ_INT))
            s->pts[2 * (s->n_pts - 1) + (size_t)index] = v->num;
        return -1;
    case F_PROPS:
        return in_props(c, f, fr->key, v);
    }
    return -1;
}

static int scalar(ctx *c, const value *v)
{
    if (c->skip)
        return 1;
    if (c->depth == 0)
        return fail(c, "'[' or '{' expected");
    return on_value(c, v) == -2 ? (c->oom = 1, 0) : 1;
}

static int open_container(ctx *c, int container)
{
    if (c->skip) {
        c->skip++;
        return 1;
    }
    value v = {GJ_OTHER, container, NULL, 0, 0.0, 0};
    int kind = on_value(c, &v);
    if (kind == -2) {
        c->oom = 1;
        return 0;
    }
    if (kind < 0 || c->depth == MAX_FRAMES) {
        c->skip = 1;
        return 1;
    }
    c->st[c->depth++] = (frame){kind, K_OTHER, 0};
    return 1;
}

/* ---- yajl's callbacks ------------------------------------------------- */

static int cb_null(void *u)
{
    value v = {GJ_NULL, 0, NULL, 0, 0.0, 0};
    return scalar(u, &v);
}

static int cb_bool(void *u, int b)
{
    (void)b;
    value v = {GJ_OTHER, 0, NULL, 0, 0.0, 0};
    return scalar(u, &v);
}

/* Numbers as jansson reads them: an integer when there is no fraction or
 * exponent (refused beyond 64 bits), else a double (refused on overflow). */
static int cb_number(void *u, const char *t, size_t len)
{
    ctx *c = u;
    char small[64], *buf = small;
    if (len >= sizeof small && !(buf = malloc(len + 1))) {
        c->oom = 1;
        return 0;
    }
    memcpy(buf, t, len);
    buf[len] = '\0';
    value v = {GJ_INT, 0, NULL, 0, 0.0, 0};
    errno = 0;
    if (strpbrk(buf, ".eE")) {
        v.vt = GJ_REAL;
        v.num = strtod(buf, NULL);
    } else {
        v.i = strtoll(buf, NULL, 10);
        v.num = (double)v.i;
    }
    int range = errno == ERANGE && (v.vt == GJ_INT || fabs(v.num) > 1.0);
    if (buf != small)
        free(buf);
    if (range)
        return fail(c, v.vt == GJ_INT ? "too big integer"
                                      : "real number overflow");
    return scalar(c, &v);
}

static int cb_string(void *u, const unsigned char *t, size_t len)
{
    if (memchr(t, '\0', len))
        return fail(u, "\\u0000 is not allowed");
    value v = {GJ_STR, 0, t, len, 0.0, 0};
    return scalar(u, &v);
}

static int prop_key(const unsigned char *t, size_t len)
{
    static const char *const names[GJP_COUNT] = {
        "id",       "kind",        "elevation_m",  "demand_kg_per_s",
        "head_m",   "diameter_mm", "roughness_mm", "minor_loss",
        "length_m", "status",      "from",         "to"};
    for (int p = 0; p < GJP_COUNT; p++)
        if (strlen(names[p]) == len && memcmp(names[p], t, len) == 0)
            return K_PROP + p;
    return K_OTHER;
}

static int cb_key(void *u, const unsigned char *t, size_t len)
{
    ctx *c = u;
    if (memchr(t, '\0', len))
        return fail(c, "NUL byte in object key not supported");
    if (c->skip)
        return 1;
    frame *fr = &c->st[c->depth - 1];
    static const char *const names[] = {NULL,       "type",       "name",
                                        "crs",      "features",   "properties",
                                        "geometry", "coordinates"};
    if (fr->kind == F_PROPS) {
        fr->key = prop_key(t, len);
        return 1;
    }
    fr->key = K_OTHER;
    for (int k = K_TYPE; k < K_PROP; k++)
        if (strlen(names[k]) == len && memcmp(names[k], t, len) == 0)
            fr->key = k;
    return 1;
}

static int cb_start_map(void *u)
{
    return open_container(u, 1);
}

static int cb_start_array(void *u)
{
    return open_container(u, 2);
}

static int cb_end(void *u)
{
    ctx *c = u;
    if (c->skip)
        c->skip--;
    else
        c->depth--;
    return 1;
}

/* ---- the scan --------------------------------------------------------- */

static void yajl_message(ctx *c, size_t at)
{
    unsigned char *e = yajl_get_error(c->h, 0, NULL, 0);
    advance_line(c, at);
    c->s->err_line = c->line;
    snprintf(c->s->err, sizeof c->s->err, "%s", e ? (char *)e : "parse error");
    if (e)
        yajl_free_error(c->h, e);
    for (char *p = c->s->err; *p; p++) /* one line */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    size_t n = strlen(c->s->err);
    while (n && c->s->err[n - 1] == ' ')
        c->s->err[--n] = '\0';
}

int gj_scan_text(gj_scan *s, const char *text, size_t len)
{
    static const yajl_callbacks cb = {
        cb_null,      cb_bool, NULL,   NULL,           cb_number, cb_string,
        cb_start_map, cb_key,  cb_end, cb_start_array, cb_end};
    memset(s, 0, sizeof *s);
    ctx c = {s, NULL, text, 0, 1, {{0, 0, 0}}, 0, 0, 0};
    c.h = yajl_alloc(&cb, NULL, &c);
    if (!c.h)
        return -2;
    yajl_status st = yajl_parse(c.h, (const unsigned char *)text, len);
    size_t at = yajl_get_bytes_consumed(c.h);
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(c.h);
        at = len;
    }
    int rc = 0;
    if (c.oom)
        rc = -2;
    else if (st == yajl_status_client_canceled)
        rc = -1; /* the callback said why */
    else if (st != yajl_status_ok) {
        yajl_message(&c, at);
        rc = -1;
    }
    yajl_free(c.h);
    return rc;
}

void gj_scan_free(gj_scan *s)
{
    free(s->f);
    free(s->pts);
    free(s->text);
    memset(s, 0, sizeof *s);
}
