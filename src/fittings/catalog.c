/*
 * catalog.c - the fitting catalogue: reads the embedded data/fittings/ tables
 * tables once, builds every entry's surface patches, and finds entries by
 * type, DN and PN.
 */
#include "fittings_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_COLS 12

static const char *const flange_cols[] = {
    "pipe_od_mm", "pipe_wall_mm", "flange_od_mm", "bolt_circle_mm", "bolts",
    "bolt_mm",    "thickness_mm", "hub_od_mm",    "hub_length_mm"};
#define N_FLANGE_COLS 9

/* One loaded table: the CSV and where its columns are. */
typedef struct fit_table {
    int loaded;
    csv_table csv;
    int dn, pn, source;
    int n_cols;
    int col[MAX_COLS];
    const char *const *names;
} fit_table;

struct fit_loader {
    fit_table flanges;
    fit_table type[HL_FIT_N_TYPES];
};

static int table_load(fit_table *t, const char *file, const char *const *names,
                      int n_cols, hl_error *err)
{
    char path[96], origin[128];
    size_t len;
    snprintf(path, sizeof path, "fittings/%s", file);
    snprintf(origin, sizeof origin, "data/fittings/%s (embedded)", file);
    const char *text = hl_embedded_find(path, &len);
    if (!text)
        return hl_error_set(err, HL_EIO, "data/%s is not embedded", path);
    int rc = csv_table_parse(text, len, origin, &t->csv, err);
    if (rc)
        return rc;
    t->loaded = 1;
    t->names = names;
    t->n_cols = n_cols;
    t->dn = csv_table_require(&t->csv, "dn", err);
    t->pn = csv_table_require(&t->csv, "pn", err);
    t->source = csv_table_require(&t->csv, "source", err);
    for (int i = 0; i < n_cols; i++)
        t->col[i] = csv_table_require(&t->csv, names[i], err);
    if (t->dn < 0 || t->pn < 0 || t->source < 0)
        return HL_EPARSE;
    for (int i = 0; i < n_cols; i++)
        if (t->col[i] < 0)
            return HL_EPARSE;
    return HL_OK;
}

static int is_count(const char *name)
{
    size_t n = strlen(name);
    return !(n > 3 && strcmp(name + n - 3, "_mm") == 0);
}

/* dn, pn and the values (mm -> m) of row r; messages name file:line. */
static int row_values(const fit_table *t, int r, int *dn, int *pn, double *v,
                      hl_error *err)
{
    const csv_table *c = &t->csv;
    if (!parse_int(c->rows[r][t->dn], dn) || *dn <= 0 ||
        !parse_int(c->rows[r][t->pn], pn) || *pn <= 0)
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: dn '%s' / pn '%s': expected positive "
                            "whole numbers",
                            c->origin, c->line[r], c->rows[r][t->dn],
                            c->rows[r][t->pn]);
    for (int i = 0; i < t->n_cols; i++) {
        const char *s = c->rows[r][t->col[i]];
        if (!parse_double(s, &v[i]) || v[i] < 0.0)
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d: column %s: '%s': expected a finite "
                                "number >= 0",
                                c->origin, c->line[r], t->names[i], s);
        if (!is_count(t->names[i]))
            v[i] *= 1e-3;
    }
    if (!*c->rows[r][t->source])
        return hl_error_set(err, HL_EPARSE, "%s:%d: empty source column",
                            c->origin, c->line[r]);
    return HL_OK;
}

static int table_find(const fit_table *t, int dn, int pn)
{
    int d, p;
    if (!t->loaded)
        return -1;
    for (int r = 0; r < t->csv.n_rows; r++)
        if (parse_int(t->csv.rows[r][t->dn], &d) && d == dn &&
            parse_int(t->csv.rows[r][t->pn], &p) && p == pn)
            return r;
    return -1;
}

int fit_loader_values(const fit_loader *ld, int type, int dn, int pn, double *v)
{
    const fit_table *t = &ld->type[type];
    int r = table_find(t, dn, pn), d, p;
    return r >= 0 && row_values(t, r, &d, &p, v, NULL) == HL_OK;
}

static void flange_from_values(const double *v, flange_dims *f)
{
    f->pipe_od = v[0];
    f->wall = v[1];
    f->od = v[2];
    f->bolt_circle = v[3];
    f->bolts = v[4];
    f->bolt_d = v[5];
    f->t = v[6];
    f->hub_od = v[7];
    f->hub_len = v[8];
}

int fit_loader_flange(const fit_loader *ld, int dn, int pn, flange_dims *out)
{
    double v[MAX_COLS];
    int r = table_find(&ld->flanges, dn, pn), d, p;
    if (r < 0 || row_values(&ld->flanges, r, &d, &p, v, NULL))
        return 0;
    flange_from_values(v, out);
    return 1;
}

static int flange_sane(const fit_table *t, int r, const flange_dims *f,
                       hl_error *err)
{
    if (f->pipe_od > 0 && f->wall > 0 && f->wall < 0.5 * f->pipe_od &&
        f->hub_od > f->pipe_od && f->od > f->hub_od && f->t > 0 &&
        f->hub_len > f->t)
        return HL_OK;
    return hl_error_set(err, HL_EPARSE,
                        "%s:%d: flange dimensions are inconsistent (expected "
                        "pipe_od < hub_od < flange_od, hub_length > "
                        "thickness)",
                        t->csv.origin, t->csv.line[r]);
}

static const char *keep_source(hl_fitting_catalog *cat, const char *s)
{
    for (int i = 0; i < cat->n_sources; i++)
        if (strcmp(cat->sources[i], s) == 0)
            return cat->sources[i];
    if (cat->n_sources == cat->sources_cap) {
        int cap = cat->sources_cap ? 2 * cat->sources_cap : 32;
        char **p = realloc(cat->sources, (size_t)cap * sizeof *p);
        if (!p)
            return NULL;
        cat->sources = p;
        cat->sources_cap = cap;
    }
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    cat->sources[cat->n_sources++] = copy;
    return copy;
}

static fit_entry *new_entry(hl_fitting_catalog *cat)
{
    if (cat->n == cat->cap) {
        int cap = cat->cap ? 2 * cat->cap : 128;
        fit_entry *e = realloc(cat->entries, (size_t)cap * sizeof *e);
        if (!e)
            return NULL;
        cat->entries = e;
        cat->cap = cap;
    }
    fit_entry *e = &cat->entries[cat->n++];
    memset(e, 0, sizeof *e);
    return e;
}

/* Build entry type/dn/pn from a row (values v) of table t. */
static int add_entry(hl_fitting_catalog *cat, const fit_loader *ld, int type,
                     const fit_table *t, int r, int dn, int pn, const double *v,
                     hl_error *err)
{
    const char *origin = t->csv.origin;
    int line = t->csv.line[r];
    flange_dims f;
    if (!fit_loader_flange(ld, dn, pn, &f))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: DN %d PN %d has no row in "
                            "data/fittings/flanges.csv",
                            origin, line, dn, pn);
    fit_entry *e = new_entry(cat);
    const char *src = keep_source(cat, t->csv.rows[r][t->source]);
    if (!e || !src)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    fit_builder b = {cat, ld, 0, 0, ""};
    *e = (fit_entry){type, dn,   pn,  f.pipe_od, cat->n_patches, 0,
                     src,  f.od, f.t, f.hub_od,  f.hub_len,      f.wall};
    fit_type_def(type)->build(&b, v, &f, dn, pn);
    e = &cat->entries[cat->n - 1];
    e->n = cat->n_patches - e->first;
    if (b.oom)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    if (b.bad || e->n > HL_FITTING_MAX_PATCHES)
        return hl_error_set(err, HL_EPARSE, "%s:%d: %s DN %d PN %d: %s", origin,
                            line, fit_type_def(type)->name, dn, pn,
                            b.bad ? b.why : "too many surface patches");
    return HL_OK;
}

static int check_unique(const hl_fitting_catalog *cat, const fit_table *t,
                        int r, int type, int dn, int pn, hl_error *err)
{
    for (int i = 0; i < cat->n; i++) {
        const fit_entry *e = &cat->entries[i];
        if (e->type == type && e->dn == dn && e->pn == pn)
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d: DN %d PN %d appears twice",
                                t->csv.origin, t->csv.line[r], dn, pn);
    }
    return HL_OK;
}

static int build_type(hl_fitting_catalog *cat, const fit_loader *ld, int type,
                      hl_error *err)
{
    const fit_table *t =
        fit_type_def(type)->file ? &ld->type[type] : &ld->flanges;
    double v[MAX_COLS];
    for (int r = 0; r < t->csv.n_rows; r++) {
        int dn, pn;
        int rc = row_values(t, r, &dn, &pn, v, err);
        if (!rc && t == &ld->flanges) {
            flange_dims f;
            flange_from_values(v, &f);
            rc = flange_sane(t, r, &f, err);
        }
        if (!rc)
            rc = check_unique(cat, t, r, type, dn, pn, err);
        if (!rc)
            rc = add_entry(cat, ld, type, t, r, dn, pn, v, err);
        if (rc)
            return rc;
    }
    return HL_OK;
}

static int load_tables(fit_loader *ld, hl_error *err)
{
    int rc = table_load(&ld->flanges, "flanges.csv", flange_cols, N_FLANGE_COLS,
                        err);
    for (int i = 0; !rc && i < HL_FIT_N_TYPES; i++) {
        const type_def *d = fit_type_def(i);
        if (d->file)
            rc = table_load(&ld->type[i], d->file, d->cols, d->n_cols, err);
    }
    return rc;
}

static void free_tables(fit_loader *ld)
{
    if (ld->flanges.loaded)
        csv_table_free(&ld->flanges.csv);
    for (int i = 0; i < HL_FIT_N_TYPES; i++)
        if (ld->type[i].loaded)
            csv_table_free(&ld->type[i].csv);
}

/* A key of the look-up index: type, DN, PN, then the entry's place (so
 * the first of equal keys is the one a linear search finds). */
typedef struct entry_key {
    int type, dn, pn, id;
} entry_key;

static int key_cmp(const void *a, const void *b)
{
    const entry_key *x = a, *y = b;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->dn != y->dn)
        return x->dn < y->dn ? -1 : 1;
    if (x->pn != y->pn)
        return x->pn < y->pn ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* The index hl_fitting_find bisects instead of reading every entry (about
 * 1,100 instructions per look-up of an inventory row before). */
static int build_index(hl_fitting_catalog *cat, hl_error *err)
{
    size_t n = (size_t)(cat->n > 0 ? cat->n : 1);
    entry_key *keys = malloc(n * sizeof *keys);
    cat->by_key = malloc(n * sizeof *cat->by_key);
    if (!keys || !cat->by_key) {
        free(keys);
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    for (int i = 0; i < cat->n; i++) {
        const fit_entry *e = &cat->entries[i];
        keys[i] = (entry_key){e->type, e->dn, e->pn, i};
    }
    qsort(keys, (size_t)cat->n, sizeof *keys, key_cmp);
    for (int i = 0; i < cat->n; i++)
        cat->by_key[i] = keys[i].id;
    free(keys);
    return HL_OK;
}

int hl_fitting_catalog_new(hl_fitting_catalog **out, hl_error *err)
{
    *out = NULL;
    hl_fitting_catalog *cat = calloc(1, sizeof *cat);
    fit_loader *ld = calloc(1, sizeof *ld);
    int rc =
        (cat && ld) ? HL_OK : hl_error_set(err, HL_ENOMEM, "out of memory");
    if (!rc)
        rc = load_tables(ld, err);
    for (int type = 0; !rc && type < HL_FIT_N_TYPES; type++)
        rc = build_type(cat, ld, type, err);
    if (!rc)
        rc = burn_load(cat, err);
    if (!rc)
        rc = build_index(cat, err);
    if (ld)
        free_tables(ld);
    free(ld);
    if (rc) {
        hl_fitting_catalog_free(cat);
        return rc;
    }
    *out = cat;
    return HL_OK;
}

void hl_fitting_catalog_free(hl_fitting_catalog *cat)
{
    if (!cat)
        return;
    for (int i = 0; i < cat->n_sources; i++)
        free(cat->sources[i]);
    free(cat->sources);
    free(cat->entries);
    free(cat->by_key);
    free(cat->patches);
    free(cat);
}
