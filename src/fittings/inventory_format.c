/*
 * inventory_format.c - an inventory's results as CSV (one row per fitting
 * and a TOTAL row) or JSON, into a buffer the caller frees. Units in the
 * column names; a value that does not exist is an empty cell (CSV) or null
 * (JSON), never NaN.
 */
#include "fittings_internal.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct text_buf {
    char *p;
    size_t len, cap;
    int oom;
} text_buf;

static int reserve(text_buf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

static void put(text_buf *b, const char *s, size_t n)
{
    if (b->oom || !reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* A CSV field, quoted when it holds a comma, quote or line break. */
static void put_field(text_buf *b, const char *s, int comma)
{
    if (comma)
        put(b, ",", 1);
    if (!strpbrk(s, ",\"\r\n")) {
        put(b, s, strlen(s));
        return;
    }
    put(b, "\"", 1);
    for (const char *q = s; *q; q++) {
        if (*q == '"')
            put(b, "\"", 1); /* a quote is doubled */
        put(b, q, 1);
    }
    put(b, "\"", 1);
}

/* Fixed-point text of v with 0..6 decimals, rounded half away from zero,
 * into s (FIXED_TEXT_SIZE bytes); the shortest exact-enough %.17g where the
 * value is too large for exact integer arithmetic (fixed point would need
 * up to 309 digits). Returns the length written, never more than fits.
 * A batch writes ~10 numbers per fitting, and printf's exact
 * binary-to-decimal conversion is the dominant cost. */
enum { FIXED_TEXT_SIZE = 48 };
static int fixed_text(double v, int decimals, char *s)
{
    static const double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double a = fabs(v) * scale[decimals] + 0.5;
    if (a >= 9e15) {
        int n = snprintf(s, FIXED_TEXT_SIZE, "%.17g", v);
        return n < 0 ? 0 : (n < FIXED_TEXT_SIZE ? n : FIXED_TEXT_SIZE - 1);
    }
    unsigned long long u = (unsigned long long)a, nonzero = u;
    char tmp[32];
    int n = 0;
    for (int i = 0; i < decimals; i++, u /= 10)
        tmp[n++] = (char)('0' + u % 10);
    if (decimals)
        tmp[n++] = '.';
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    int len = 0;
    if (v < 0 && nonzero)
        s[len++] = '-';
    while (n)
        s[len++] = tmp[--n];
    s[len] = '\0';
    return len;
}

/* ",value" with the given decimals; an empty cell for a non-finite value. */
static void put_num(text_buf *b, double v, int decimals)
{
    char s[FIXED_TEXT_SIZE];
    int n = isfinite(v) ? fixed_text(v, decimals, s) : 0;
    put(b, ",", 1);
    put(b, s, (size_t)n);
}

static const char *const csv_header =
    "id,type,dn,pn,temp_c,ambient_c,state,heat_loss_w,area_m2,"
    "max_surface_temp_c,hottest_part,mean_surface_temp_c,"
    "equivalent_length_m,verdict,min_coating_mm\n";

static void csv_row(text_buf *b, const hl_fitting_catalog *cat,
                    const hl_inventory_row *r)
{
    const fit_entry *e = &cat->entries[r->entry];
    char n[32];
    put_field(b, r->id, 0);
    put_field(b, hl_fitting_type_name(e->type), 1);
    snprintf(n, sizeof n, ",%d,%d", e->dn, e->pn);
    put(b, n, strlen(n));
    put_num(b, r->medium_k - HL_ZERO_C_K, 2);
    put_num(b, r->air_k - HL_ZERO_C_K, 2);
    put_field(b, r->state, 1);
    put_num(b, r->heat_loss_w, 1);
    put_num(b, r->area_m2, 4);
    put_num(b, r->max_surface_k - HL_ZERO_C_K, 2);
    put_field(b, hl_fitting_patch_name(cat, r->entry, r->hottest_patch), 1);
    put_num(b, r->mean_surface_k - HL_ZERO_C_K, 2);
    put_num(b, r->equivalent_length_m, 3);
    put_field(b, r->verdict == HL_VERDICT_PASS ? "pass" : "fail", 1);
    if (r->min_coating_rc == HL_EUNREACHABLE)
        put_field(b, "none", 1);
    else
        put_num(b, r->min_coating_m * 1e3, 2);
    put(b, "\n", 1);
}

static void csv_totals(text_buf *b, const hl_fitting_catalog *cat,
                       const hl_inventory *inv)
{
    const hl_inventory_totals *t = &inv->totals;
    char what[96], hot[160] = "";
    snprintf(what, sizeof what, "%d fittings, %d fail", t->n_rows, t->n_fail);
    if (t->hottest_row >= 0) {
        const hl_inventory_row *r = &inv->rows[t->hottest_row];
        snprintf(hot, sizeof hot, "%s: %s", r->id,
                 hl_fitting_patch_name(cat, r->entry, r->hottest_patch));
    }
    put(b, "TOTAL,,,,,", 10);
    put_field(b, what, 1);
    put_num(b, t->heat_loss_w, 1);
    put_num(b, t->area_m2, 4);
    put_num(b, t->max_surface_k - HL_ZERO_C_K, 2);
    put_field(b, hot, 1);
    put_num(b, t->mean_surface_k - HL_ZERO_C_K, 2);
    put_num(b, t->equivalent_length_m, 3);
    put_field(b, t->n_fail ? "fail" : "pass", 1);
    put(b, ",\n", 2);
}

static json_t *jnum(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *json_row(const hl_fitting_catalog *cat,
                        const hl_inventory_row *r)
{
    const fit_entry *e = &cat->entries[r->entry];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(r->id));
    json_object_set_new(o, "type", json_string(hl_fitting_type_name(e->type)));
    json_object_set_new(o, "dn", json_integer(e->dn));
    json_object_set_new(o, "pn", json_integer(e->pn));
    json_object_set_new(o, "temp_c", jnum(r->medium_k - HL_ZERO_C_K));
    json_object_set_new(o, "ambient_c", jnum(r->air_k - HL_ZERO_C_K));
    json_object_set_new(o, "state", json_string(r->state));
    json_object_set_new(o, "heat_loss_w", jnum(r->heat_loss_w));
    json_object_set_new(o, "area_m2", jnum(r->area_m2));
    json_object_set_new(o, "max_surface_temp_c",
                        jnum(r->max_surface_k - HL_ZERO_C_K));
    json_object_set_new(
        o, "hottest_part",
        json_string(hl_fitting_patch_name(cat, r->entry, r->hottest_patch)));
    json_object_set_new(o, "mean_surface_temp_c",
                        jnum(r->mean_surface_k - HL_ZERO_C_K));
    json_object_set_new(o, "equivalent_length_m", jnum(r->equivalent_length_m));
    json_object_set_new(
        o, "verdict",
        json_string(r->verdict == HL_VERDICT_PASS ? "pass" : "fail"));
    if (r->min_coating_rc == HL_EUNREACHABLE || isfinite(r->min_coating_m))
        json_object_set_new(o, "min_coating_mm", jnum(r->min_coating_m * 1e3));
    return o;
}

static json_t *json_totals(const hl_inventory_totals *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "fittings", json_integer(t->n_rows));
    json_object_set_new(o, "failing", json_integer(t->n_fail));
    json_object_set_new(o, "heat_loss_w", jnum(t->heat_loss_w));
    json_object_set_new(o, "area_m2", jnum(t->area_m2));
    json_object_set_new(o, "max_surface_temp_c",
                        jnum(t->max_surface_k - HL_ZERO_C_K));
    json_object_set_new(o, "mean_surface_temp_c",
                        jnum(t->mean_surface_k - HL_ZERO_C_K));
    json_object_set_new(o, "equivalent_length_m", jnum(t->equivalent_length_m));
    json_object_set_new(o, "verdict", json_string(t->n_fail ? "fail" : "pass"));
    return o;
}

static char *json_text(const hl_inventory *inv, const hl_fitting_catalog *cat)
{
    json_t *root = json_object(), *rows = json_array(), *skip = json_array();
    for (int i = 0; i < inv->n_rows; i++)
        json_array_append_new(rows, json_row(cat, &inv->rows[i]));
    for (int i = 0; i < inv->n_errors; i++)
        json_array_append_new(skip, json_string(inv->errors[i]));
    json_object_set_new(root, "fittings", rows);
    json_object_set_new(root, "totals", json_totals(&inv->totals));
    json_object_set_new(root, "skipped", skip);
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(10) |
                                   JSON_PRESERVE_ORDER);
    json_decref(root);
    return s;
}

int hl_inventory_format(const hl_inventory *inv, const hl_fitting_catalog *cat,
                        int json, char **text, size_t *len, hl_error *err)
{
    *text = NULL;
    *len = 0;
    if (json) {
        char *s = json_text(inv, cat);
        if (!s)
            return hl_error_set(err, HL_ENOMEM, "out of memory");
        *len = strlen(s);
        *text = s;
        return HL_OK;
    }
    text_buf b = {0};
    reserve(&b, (size_t)inv->n_rows * 160);
    put(&b, csv_header, strlen(csv_header));
    for (int i = 0; i < inv->n_rows; i++)
        csv_row(&b, cat, &inv->rows[i]);
    csv_totals(&b, cat, inv);
    if (b.oom) {
        free(b.p);
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    *text = b.p;
    *len = b.len;
    return HL_OK;
}
