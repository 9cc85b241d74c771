/*
 * geojson_scan.h - one streaming pass over a GeoJSON FeatureCollection
 * (yajl's event parser, no document tree) that keeps, for each feature,
 * only what the network reader looks at: its line, its type, the
 * geometry's type and coordinates and the known properties with their
 * JSON types. read_geojson.c builds the network from these records, with
 * the same checks, in the same order, as when it walked a jansson tree.
 */
#ifndef HL_GEOJSON_SCAN_H
#define HL_GEOJSON_SCAN_H

#include <stddef.h>

/* The JSON type of a kept value (absent: the key was not there). */
enum { GJ_ABSENT, GJ_NULL, GJ_REAL, GJ_INT, GJ_STR, GJ_OTHER };

/* The properties the reader knows, in this order. */
enum {
    GJP_ID,
    GJP_KIND,
    GJP_ELEVATION,
    GJP_DEMAND,
    GJP_HEAD,
    GJP_DIAMETER,
    GJP_ROUGHNESS,
    GJP_MINOR_LOSS,
    GJP_LENGTH,
    GJP_STATUS,
    GJP_FROM,
    GJP_TO,
    GJP_COUNT
};

/* The geometry's "type": missing or not text, Point, LineString, else. */
enum { GJG_NONE, GJG_POINT, GJG_LINE, GJG_OTHER };

typedef union gj_val {
    double num;  /* GJ_REAL */
    long long i; /* GJ_INT */
    size_t str;  /* GJ_STR: offset in the scan's text arena */
} gj_val;

typedef struct gj_feature {
    int line;                 /* where the feature starts */
    unsigned char obj;        /* the feature is an object */
    unsigned char is_f;       /* its "type" is "Feature" */
    unsigned char geom;       /* GJG_* */
    unsigned char has_props;  /* "properties" is an object */
    unsigned char coords_arr; /* "coordinates" is an array */
    unsigned char direct;     /* bit k: coordinates[k] is a number (k < 2) */
    unsigned char t[GJP_COUNT];
    gj_val v[GJP_COUNT];
    size_t geom_name; /* GJG_OTHER: the type's text (arena offset) */
    double dx[2];     /* coordinates[0], [1] when numbers (a Point) */
    size_t pt;        /* first position (x, y pairs in pts) */
    int n_pts;        /* elements of "coordinates" */
} gj_feature;

typedef struct gj_scan {
    /* the root */
    int root_obj;     /* the root is an object */
    int root_fc;      /* its "type" is "FeatureCollection" */
    int features_arr; /* its "features" is an array */
    int has_name;     /* "name" is text: at name */
    size_t name;
    int crs; /* 0 absent or null, 1 named (crs_name), 2 otherwise */
    size_t crs_name;
    /* the features */
    gj_feature *f;
    int n, cap;
    double *pts; /* x, y of each element of each "coordinates"; NAN: none */
    size_t n_pts, cap_pts;
    char *text; /* the kept texts, each ending in NUL */
    size_t n_text, cap_text;
    /* a parse error: its line and yajl's (or our) one-line message */
    int err_line;
    char err[160];
} gj_scan;

/* Scan text; 0, or -1 (not valid JSON: err_line, err) or -2 (no memory). */
int gj_scan_text(gj_scan *s, const char *text, size_t len);
void gj_scan_free(gj_scan *s);

static inline const char *gj_text(const gj_scan *s, size_t off)
{
    return s->text + off;
}

#endif
