/*
 * inventory.c - a whole inventory of fittings (a chamber, a line) from a
 * CSV table: one row per fitting, solved with the catalogue, plus totals.
 * Bad rows stop the run with "file:line: ..." unless keep_going is set,
 * then they are skipped and listed.
 */
#include "fittings_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    C_ID,
    C_TYPE,
    C_DN,
    C_PN,
    C_TEMP,
    C_AMB,
    C_STATE,
    C_RAD,
    C_WIND,
    N_INV_COLS
};
static const char *const inv_cols[N_INV_COLS] = {
    "id",        "type",  "dn",        "pn",      "temp_c",
    "ambient_c", "state", "radiant_c", "wind_m_s"};

typedef struct inv_ctx {
    const csv_table *t;
    int col[N_INV_COLS];
    const hl_fitting_catalog *cat;
    const hl_inventory_options *opt;
    const char *last_state;      /* the previous row's state (kept) and its */
    hl_fitting_cover last_cover; /* cover */
    text_pool *text;             /* the inventory's */
} inv_ctx;

static const char *cell(const inv_ctx *x, int r, int c)
{
    return x->col[c] >= 0 ? x->t->rows[r][x->col[c]] : "";
}

static int row_fail(const inv_ctx *x, int r, hl_error *err, const char *fmt,
                    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int row_fail(const inv_ctx *x, int r, hl_error *err, const char *fmt,
                    ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return hl_error_set(err, HL_EPARSE, "%s:%d: %s", x->t->origin,
                        x->t->line[r], what);
}

static int temp_cell(const inv_ctx *x, int r, int c, double dflt_k,
                     double *out_k, hl_error *err)
{
    double v;
    const char *s = cell(x, r, c);
    if (!*s && isfinite(dflt_k)) {
        *out_k = dflt_k;
        return HL_OK;
    }
    /* the medium a process temperature, the air and surroundings those of
     * the range table (util/ranges.c) */
    hl_error e2;
    hl_error_clear(&e2);
    if (hl_range_parse(c == C_TEMP ? HL_Q_PROCESS_TEMP_C : HL_Q_SURROUND_TEMP_C,
                       inv_cols[c], s, &v, &e2))
        return row_fail(x, r, err, "column %s", e2.message);
    *out_k = v + HL_ZERO_C_K;
    return HL_OK;
}

static int find_entry(const inv_ctx *x, int r, int *entry, hl_error *err)
{
    int type = hl_fitting_type_from_name(cell(x, r, C_TYPE)), dn, pn = 16;
    if (type < 0)
        return row_fail(x, r, err,
                        "type '%s' is not known (see heatline fitting "
                        "--list)",
                        cell(x, r, C_TYPE));
    if (!parse_int(cell(x, r, C_DN), &dn))
        return row_fail(x, r, err, "column dn: '%s': expected a whole number",
                        cell(x, r, C_DN));
    if (*cell(x, r, C_PN) && !parse_int(cell(x, r, C_PN), &pn))
        return row_fail(x, r, err,
                        "column pn: '%s': expected a whole number (or "
                        "empty for 16)",
                        cell(x, r, C_PN));
    hl_error e2;
    hl_error_clear(&e2);
    if (hl_fitting_find(x->cat, type, dn, pn, entry, &e2))
        return row_fail(x, r, err, "%s", e2.message);
    return HL_OK;
}

static int row_cover(inv_ctx *x, int r, hl_fitting_cover *cover, hl_error *err)
{
    const char *s = cell(x, r, C_STATE);
    if (x->last_state && strcmp(s, x->last_state) == 0) {
        *cover = x->last_cover;
        return HL_OK;
    }
    hl_error e2;
    hl_error_clear(&e2);
    if (hl_fitting_cover_parse(x->opt->materials, s, cover, &e2))
        return row_fail(x, r, err, "column state: %s", e2.message);
    x->last_state = text_pool_add(x->text, s);
    x->last_cover = *cover;
    return x->last_state ? HL_OK
                         : hl_error_set(err, HL_ENOMEM, "out of memory");
}

/* The operating point of row r. */
static int row_conditions(inv_ctx *x, int r, hl_fitting_conditions *c,
                          hl_error *err)
{
    double wind;
    *c = x->opt->defaults;
    int rc = temp_cell(x, r, C_TEMP, NAN, &c->medium_k, err);
    if (!rc)
        rc = temp_cell(x, r, C_AMB, NAN, &c->air_k, err);
    if (!rc)
        rc = temp_cell(x, r, C_RAD, c->air_k, &c->radiant_k, err);
    if (rc)
        return rc;
    const char *w = cell(x, r, C_WIND);
    if (*w) {
        hl_error e2;
        hl_error_clear(&e2);
        if (hl_range_parse(HL_Q_WIND, "wind_m_s", w, &wind, &e2))
            return row_fail(x, r, err, "column %s", e2.message);
        c->wind_m_s = wind;
    }
    return row_cover(x, r, &c->cover, err);
}

/* A material record for an inline k= coating (no table entry). */
static const hl_material *
cover_material(const inv_ctx *x, const hl_fitting_cover *cv, hl_material *tmp)
{
    const hl_material *m =
        x->opt->materials ? hl_material_find(x->opt->materials, cv->material)
                          : NULL;
    if (m)
        return m;
    memset(tmp, 0, sizeof *tmp);
    copy_text(tmp->id, sizeof tmp->id, cv->material);
    tmp->lambda = cv->layer.lambda;
    tmp->t_min_k = tmp->t_max_k = NAN;
    tmp->max_service_k = cv->max_service_k;
    tmp->emissivity = cv->emissivity;
    return tmp;
}

static void keep_result(hl_inventory_row *row, const hl_fitting_result *res)
{
    row->heat_loss_w = res->heat_loss_w;
    row->area_m2 = res->area_m2;
    row->max_surface_k = res->max_surface_k;
    row->mean_surface_k = res->mean_surface_k;
    row->hottest_patch = res->hottest_patch;
    row->equivalent_length_m = res->equivalent_length_m;
    row->verdict = res->verdict;
}

static int solve_row(inv_ctx *x, int r, hl_inventory_row *row, hl_error *err)
{
    hl_fitting_conditions c;
    hl_fitting_result res;
    int rc = find_entry(x, r, &row->entry, err);
    if (!rc)
        rc = row_conditions(x, r, &c, err);
    if (rc)
        return rc;
    hl_error e2;
    hl_error_clear(&e2);
    if (hl_fitting_solve(x->cat, row->entry, &c, &res, &e2))
        return row_fail(x, r, err, "%s", e2.message);
    row->id = text_pool_add(x->text, cell(x, r, C_ID));
    row->state = x->last_state; /* this row's, kept by row_cover */
    if (!row->id)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    row->line = x->t->line[r];
    row->medium_k = c.medium_k;
    row->air_k = c.air_k;
    keep_result(row, &res);
    row->min_coating_m = NAN;
    row->min_coating_rc = HL_OK;
    if (c.cover.state == HL_FIT_COATED) {
        hl_material tmp;
        const hl_material *m = cover_material(x, &c.cover, &tmp);
        row->min_coating_rc = hl_fitting_min_coating(
            x->cat, row->entry, &c, m, 0.0, &row->min_coating_m, NULL);
        if (row->min_coating_rc != HL_OK &&
            row->min_coating_rc != HL_EUNREACHABLE)
            return row_fail(x, r, err, "minimum coating: %s",
                            hl_strerror(row->min_coating_rc));
    }
    return HL_OK;
}

static int add_error(hl_inventory *inv, const char *msg)
{
    const char **e =
        realloc(inv->errors, (size_t)(inv->n_errors + 1) * sizeof *inv->errors);
    if (!e)
        return HL_ENOMEM;
    inv->errors = e;
    e[inv->n_errors] = text_pool_add(inv->text, msg);
    return e[inv->n_errors++] ? HL_OK : HL_ENOMEM;
}

static void totals(hl_inventory *inv)
{
    hl_inventory_totals *t = &inv->totals;
    double weighted = 0.0;
    memset(t, 0, sizeof *t);
    t->max_surface_k = NAN;
    t->hottest_row = -1;
    for (int i = 0; i < inv->n_rows; i++) {
        const hl_inventory_row *r = &inv->rows[i];
        t->heat_loss_w += r->heat_loss_w;
        t->area_m2 += r->area_m2;
        if (isfinite(r->equivalent_length_m))
            t->equivalent_length_m += r->equivalent_length_m;
        weighted += r->mean_surface_k * r->area_m2;
        t->n_fail += r->verdict == HL_VERDICT_FAIL;
        if (t->hottest_row < 0 || r->max_surface_k > t->max_surface_k) {
            t->max_surface_k = r->max_surface_k;
            t->hottest_row = i;
        }
    }
    t->n_rows = inv->n_rows;
    t->mean_surface_k = t->area_m2 > 0.0 ? weighted / t->area_m2 : NAN;
}

static int find_columns(inv_ctx *x, hl_error *err)
{
    for (int c = 0; c < N_INV_COLS; c++)
        x->col[c] = c < C_RAD ? csv_table_require(x->t, inv_cols[c], err)
                              : csv_table_col(x->t, inv_cols[c]);
    for (int c = 0; c < C_RAD; c++)
        if (x->col[c] < 0)
            return HL_EPARSE;
    return HL_OK;
}

static int run_rows(inv_ctx *x, hl_inventory *inv, hl_error *err)
{
    for (int r = 0; r < x->t->n_rows; r++) {
        hl_error row_err;
        hl_error_clear(&row_err);
        int rc = solve_row(x, r, &inv->rows[inv->n_rows], &row_err);
        if (!rc) {
            inv->n_rows++;
            continue;
        }
        if (!x->opt->keep_going || rc == HL_ENOMEM)
            return hl_error_set(err, rc, "%s", row_err.message);
        if (add_error(inv, row_err.message))
            return hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    return HL_OK;
}

int hl_inventory_run(const char *text, size_t len, const char *origin,
                     const hl_fitting_catalog *cat,
                     const hl_inventory_options *opt, hl_inventory *out,
                     hl_error *err)
{
    memset(out, 0, sizeof *out);
    csv_table t;
    int rc = csv_table_parse(text, len, origin, &t, err);
    if (rc)
        return rc;
    inv_ctx x = {.t = &t, .cat = cat, .opt = opt};
    out->text = calloc(1, sizeof *out->text);
    x.text = out->text;
    rc = out->text ? find_columns(&x, err)
                   : hl_error_set(err, HL_ENOMEM, "out of memory");
    if (!rc && t.n_rows > 0) {
        out->rows = calloc((size_t)t.n_rows, sizeof *out->rows);
        if (!out->rows)
            rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = run_rows(&x, out, err);
    csv_table_free(&t);
    if (rc) {
        hl_inventory_free(out);
        return rc;
    }
    totals(out);
    return HL_OK;
}

void hl_inventory_free(hl_inventory *inv)
{
    if (!inv)
        return;
    free(inv->rows);
    free(inv->errors);
    if (inv->text)
        text_pool_free(inv->text);
    free(inv->text);
    memset(inv, 0, sizeof *inv);
}
