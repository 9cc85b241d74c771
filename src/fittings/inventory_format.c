/*
 * inventory_format.c - an inventory's results as CSV (one row per fitting
 * and a TOTAL row) or JSON, into a buffer the caller frees. Units in the
 * column names; a value that does not exist is an empty cell (CSV) or null
 * (JSON), never NaN.
 */
#include "fittings_internal.h"

#include "util/json_out.h"

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

/* ",value" of a whole number (what ",%d" prints; printf's cost for two
 * small numbers per row was as large as the row's other ten numbers). */
static void put_int(text_buf *b, int v)
{
    char tmp[16];
    int n = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[n++] = '-';
    tmp[n++] = ',';
    char s[16];
    for (int i = 0; i < n; i++)
        s[i] = tmp[n - 1 - i];
    put(b, s, (size_t)n);
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
    put_field(b, r->id, 0);
    put_field(b, hl_fitting_type_name(e->type), 1);
    put_int(b, e->dn);
    put_int(b, e->pn);
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

static int text_sink(void *ctx, const char *s, size_t n)
{
    text_buf *b = ctx;
    put(b, s, n);
    return b->oom;
}

#define NUM(w, k, v) json_out_real((w), (k), (v))

static void json_row(json_out *w, const hl_fitting_catalog *cat,
                     const hl_inventory_row *r)
{
    const fit_entry *e = &cat->entries[r->entry];
    json_out_object(w, NULL);
    json_out_string(w, "id", r->id);
    json_out_string(w, "type", hl_fitting_type_name(e->type));
    json_out_int(w, "dn", e->dn);
    json_out_int(w, "pn", e->pn);
    NUM(w, "temp_c", r->medium_k - HL_ZERO_C_K);
    NUM(w, "ambient_c", r->air_k - HL_ZERO_C_K);
    json_out_string(w, "state", r->state);
    NUM(w, "heat_loss_w", r->heat_loss_w);
    NUM(w, "area_m2", r->area_m2);
    NUM(w, "max_surface_temp_c", r->max_surface_k - HL_ZERO_C_K);
    json_out_string(w, "hottest_part",
                    hl_fitting_patch_name(cat, r->entry, r->hottest_patch));
    NUM(w, "mean_surface_temp_c", r->mean_surface_k - HL_ZERO_C_K);
    NUM(w, "equivalent_length_m", r->equivalent_length_m);
    json_out_string(w, "verdict",
                    r->verdict == HL_VERDICT_PASS ? "pass" : "fail");
    if (r->min_coating_rc == HL_EUNREACHABLE || isfinite(r->min_coating_m))
        NUM(w, "min_coating_mm", r->min_coating_m * 1e3);
    json_out_close(w);
}

static void json_totals(json_out *w, const hl_inventory_totals *t)
{
    json_out_object(w, "totals");
    json_out_int(w, "fittings", t->n_rows);
    json_out_int(w, "failing", t->n_fail);
    NUM(w, "heat_loss_w", t->heat_loss_w);
    NUM(w, "area_m2", t->area_m2);
    NUM(w, "max_surface_temp_c", t->max_surface_k - HL_ZERO_C_K);
    NUM(w, "mean_surface_temp_c", t->mean_surface_k - HL_ZERO_C_K);
    NUM(w, "equivalent_length_m", t->equivalent_length_m);
    json_out_string(w, "verdict", t->n_fail ? "fail" : "pass");
    json_out_close(w);
}

/* The document streamed into b (no closing newline); 0 or -1. */
static int json_text(text_buf *b, const hl_inventory *inv,
                     const hl_fitting_catalog *cat)
{
    json_out w;
    json_out_init(&w, text_sink, b);
    json_out_object(&w, NULL);
    json_out_array(&w, "fittings");
    for (int i = 0; i < inv->n_rows; i++)
        json_row(&w, cat, &inv->rows[i]);
    json_out_close(&w);
    json_totals(&w, &inv->totals);
    json_out_array(&w, "skipped");
    for (int i = 0; i < inv->n_errors; i++)
        json_out_string(&w, NULL, inv->errors[i]);
    json_out_close(&w);
    json_out_close(&w);
    if (json_out_end(&w) || b->oom)
        return -1;
    b->p[--b->len] = '\0'; /* the newline: callers print the text as is */
    return 0;
}

int hl_inventory_format(const hl_inventory *inv, const hl_fitting_catalog *cat,
                        int json, char **text, size_t *len, hl_error *err)
{
    *text = NULL;
    *len = 0;
    if (json) {
        text_buf b = {0};
        reserve(&b, (size_t)inv->n_rows * 400);
        if (json_text(&b, inv, cat)) {
            free(b.p);
            return hl_error_set(err, HL_ENOMEM, "out of memory");
        }
        *text = b.p;
        *len = b.len;
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
