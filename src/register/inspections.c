/*
 * inspections.c - an inspection CSV into the register: every row checked
 * (unknown fittings, dates after today, temperatures below -50 C or above
 * the water's, missing columns) and predicted before anything is written;
 * then the rows, their findings and state changes go in as one batch in
 * one transaction. A verification is the same file read for fittings
 * whose work is done.
 */
#include "register/register_internal.h"
#include "util/util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOWEST_C (-50.0) /* no surface or air of a heated line is colder */
/* Accuracy of a thermal camera: +-2 K (or 2 %) is the common
 * specification of industrial radiometric cameras. */
#define REG_CAMERA_ACCURACY_K 2.0

enum col {
    C_FITTING,
    C_DATE,
    C_INSPECTOR,
    C_SUPPLY,
    C_AIR,
    C_HOTTEST, /* required */
    C_AMBIENT,
    C_MEAN,
    C_EMISSIVITY,
    C_CAMERA,
    C_PHOTO,
    C_NOTES,
    C_NCOLS
};
#define N_REQUIRED 6

static const char *const col_names[C_NCOLS] = {
    "fitting_id", "date",   "inspector",  "supply_c", "air_c", "hottest_c",
    "ambient_c",  "mean_c", "emissivity", "camera",   "photo", "notes"};

/* One checked row with its prediction. */
typedef struct row {
    int line;
    const char *text[C_NCOLS]; /* in the table */
    double supply_k, air_k, hottest_k, ambient_k, mean_k, emissivity;
    reg_fitting fitting;
    reg_fitting *entry; /* in import_ctx.fittings: its state as written */
    double water_k, pred_hot_k, pred_mean_k, pred_loss_w, diff_k;
    int over_limit, off_model, passed;
    double measured_loss_w;
    char reason[160];
} row;

typedef struct import_ctx {
    hl_register *r;
    const hl_register_options *opt;
    const csv_table *t;
    int col[C_NCOLS]; /* table column of each, -1 if absent */
    int verification;
    char today[16];
    double limit_k;
    row *rows;
    reg_fitting *fittings; /* every fitting, sorted by id */
    int n_fittings;
} import_ctx;

static int where(const import_ctx *c, int line, int k, hl_error *err, int code,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
static int where(const import_ctx *c, int line, int k, hl_error *err, int code,
                 const char *fmt, ...)
{
    char what[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return hl_error_set(err, code, "%s:%d:%d: column %s: %s", c->t->origin,
                        line, c->col[k] + 1, col_names[k], what);
}

static int find_columns(import_ctx *c, hl_error *err)
{
    for (int k = 0; k < C_NCOLS; k++) {
        c->col[k] = csv_table_col(c->t, col_names[k]);
        if (c->col[k] < 0 && k < N_REQUIRED)
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d:%d: missing column '%s' (required: "
                                "fitting_id, date, inspector, supply_c, "
                                "air_c, hottest_c; heatline register "
                                "--template inspections)",
                                c->t->origin, c->t->header_line,
                                c->t->n_cols + 1, col_names[k]);
    }
    return HL_OK;
}

/* A temperature cell in C into K: required or empty (NaN). */
static int temp_cell(const import_ctx *c, row *w, int k, double *out_k,
                     hl_error *err)
{
    const char *s = w->text[k];
    double v;
    *out_k = NAN;
    if (!s[0]) {
        if (k < N_REQUIRED)
            return where(c, w->line, k, err, HL_EPARSE,
                         "empty: expected a temperature in C");
        return HL_OK;
    }
    if (!parse_double(s, &v))
        return where(c, w->line, k, err, HL_EPARSE, "'%s' is not a number (C)",
                     s);
    if (v < LOWEST_C)
        return where(c, w->line, k, err, HL_ERANGE, "%s C is below -50 C", s);
    *out_k = v + HL_ZERO_C_K;
    return HL_OK;
}

static int check_temps(const import_ctx *c, row *w, hl_error *err)
{
    int rc = HL_OK;
    for (int k = C_SUPPLY; !rc && k <= C_MEAN; k++) {
        if (k == C_SUPPLY || k == C_AIR || k == C_HOTTEST || k == C_AMBIENT ||
            k == C_MEAN) {
            double *dst = k == C_SUPPLY    ? &w->supply_k
                          : k == C_AIR     ? &w->air_k
                          : k == C_HOTTEST ? &w->hottest_k
                          : k == C_AMBIENT ? &w->ambient_k
                                           : &w->mean_k;
            rc = temp_cell(c, w, k, dst, err);
        }
    }
    if (rc)
        return rc;
    if (w->supply_k > 200.0 + HL_ZERO_C_K)
        return where(c, w->line, C_SUPPLY, err, HL_ERANGE,
                     "%s C: expected a hot-water supply temperature up to "
                     "200 C",
                     w->text[C_SUPPLY]);
    static const int hot[3] = {C_HOTTEST, C_MEAN, C_AIR};
    double v[3] = {w->hottest_k, w->mean_k, w->air_k};
    for (int i = 0; i < 3; i++)
        if (v[i] > w->supply_k)
            return where(c, w->line, hot[i], err, HL_ERANGE,
                         "%s C is above the water's (supply_c)",
                         w->text[hot[i]]);
    if (w->mean_k > w->hottest_k)
        return where(c, w->line, C_MEAN, err, HL_ERANGE,
                     "%s C is above the hottest surface (hottest_c)",
                     w->text[C_MEAN]);
    return HL_OK;
}

static int check_fitting(const import_ctx *c, row *w, hl_error *err)
{
    const char *id = w->text[C_FITTING];
    reg_fitting *f =
        (reg_fitting *)reg_fitting_find(c->fittings, c->n_fittings, id);
    w->entry = f;
    if (f)
        w->fitting = *f;
    else
        return where(c, w->line, C_FITTING, err, HL_ENOTFOUND,
                     "unknown fitting '%s' (not in the register's model)", id);
    if (c->verification && strcmp(w->fitting.state, "done") != 0) {
        char what[160];
        snprintf(what, sizeof what,
                 "%s is %s: only fittings whose work is "
                 "done are verified",
                 id, w->fitting.state);
        return where(c, w->line, C_FITTING, err, HL_ESTATE, "%s", what);
    }
    return HL_OK;
}

static int check_row(const import_ctx *c, int i, row *w, hl_error *err)
{
    w->line = c->t->line[i];
    for (int k = 0; k < C_NCOLS; k++)
        w->text[k] = c->col[k] < 0 ? "" : c->t->rows[i][c->col[k]];
    for (int k = 0; k < N_REQUIRED; k++)
        if (!w->text[k][0])
            return where(c, w->line, k, err, HL_EPARSE, "empty: required");
    int rc = check_fitting(c, w, err);
    if (rc)
        return rc;
    if (!reg_date_valid(w->text[C_DATE]))
        return where(c, w->line, C_DATE, err, HL_EPARSE,
                     "'%s': expected a date YYYY-MM-DD", w->text[C_DATE]);
    if (strcmp(w->text[C_DATE], c->today) > 0)
        return where(c, w->line, C_DATE, err, HL_ERANGE, "%s is in the future",
                     w->text[C_DATE]);
    if ((rc = check_temps(c, w, err)) != HL_OK)
        return rc;
    w->emissivity = NAN;
    const char *e = w->text[C_EMISSIVITY];
    if (e[0] && (!parse_double(e, &w->emissivity) || w->emissivity <= 0 ||
                 w->emissivity > 1))
        return where(c, w->line, C_EMISSIVITY, err, HL_ERANGE,
                     "'%s': expected a number in (0, 1]", e);
    return HL_OK;
}

/* Loss from the measured surface: the predicted loss scaled by the outer
 * heat flux (convection + radiation, the engine's coefficients) at the
 * measured against the predicted mean surface temperature. */
static double measured_loss(const import_ctx *c, const row *w,
                            const hl_fitting_result *res, double emissivity)
{
    hl_outer_bc bc = {.air_k = w->air_k,
                      .radiant_k = w->air_k,
                      .emissivity = emissivity,
                      .set = HL_COEF_ISO12241};
    double meas = isnan(w->mean_k) ? w->hottest_k : w->mean_k;
    double pred = isnan(w->mean_k) ? res->max_surface_k : res->mean_surface_k;
    double qp = hl_outer_flux(&bc, pred, res->pipe_od_m);
    (void)c;
    if (!(fabs(qp) > 0))
        return NAN;
    return res->heat_loss_w * hl_outer_flux(&bc, meas, res->pipe_od_m) / qp;
}

static void judge(const import_ctx *c, row *w, const hl_fitting_result *res,
                  const hl_fitting_cover *cover)
{
    w->diff_k = w->hottest_k - w->pred_hot_k;
    w->over_limit = w->hottest_k > c->limit_k;
    w->off_model = fabs(w->diff_k) > c->opt->flag_k;
    if (!c->verification)
        return;
    double eps = cover->state == HL_FIT_BARE ? 0.9 : cover->emissivity;
    w->measured_loss_w = measured_loss(c, w, res, eps);
    double tol = c->opt->loss_tolerance * w->pred_loss_w;
    double meas = isnan(w->mean_k) ? w->hottest_k : w->mean_k;
    double pred = isnan(w->mean_k) ? w->pred_hot_k : w->pred_mean_k;
    /* a surface within the camera's accuracy of the prediction agrees
     * with it, however small its excess over the air (and so however
     * large the relative loss difference) */
    int loss_ok = fabs(w->measured_loss_w - w->pred_loss_w) <= tol ||
                  fabs(meas - pred) <= REG_CAMERA_ACCURACY_K;
    w->passed = !w->over_limit && loss_ok;
    snprintf(w->reason, sizeof w->reason,
             "hottest %.1f C %s limit %.1f C; loss %.0f W vs predicted %.0f W "
             "(%s %.0f %%)",
             w->hottest_k - HL_ZERO_C_K, w->over_limit ? "above" : "within",
             c->limit_k - HL_ZERO_C_K, w->measured_loss_w, w->pred_loss_w,
             loss_ok ? "within" : "beyond", 100 * c->opt->loss_tolerance);
}

static int predict_row(import_ctx *c, row *w, hl_error *err)
{
    hl_fitting_result res;
    hl_fitting_cover cover;
    int rc = reg_model_water_k(c->r, w->supply_k, w->fitting.model_index,
                               &w->water_k, err);
    if (!rc)
        rc = reg_predict(c->r, w->fitting.model_index, w->fitting.cover,
                         w->water_k, w->air_k, &res, err);
    if (!rc)
        rc = hl_fitting_cover_parse(c->r->model.db, w->fitting.cover, &cover,
                                    err);
    if (rc)
        return hl_error_set(err, rc, "%s:%d: fitting %s: no prediction",
                            c->t->origin, w->line, w->fitting.id);
    w->pred_hot_k = res.max_surface_k;
    w->pred_mean_k = res.mean_surface_k;
    w->pred_loss_w = res.heat_loss_w;
    judge(c, w, &res, &cover);
    return HL_OK;
}

/* Verification: one row per fitting. */
static int check_duplicates(const import_ctx *c, hl_error *err)
{
    for (int i = 1; i < c->t->n_rows; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(c->rows[i].fitting.id, c->rows[j].fitting.id) == 0)
                return where(c, c->rows[i].line, C_FITTING, err, HL_EINVAL,
                             "%s is verified twice in this file",
                             c->rows[i].fitting.id);
    return HL_OK;
}

static int check_all(import_ctx *c, hl_error *err)
{
    int rc = find_columns(c, err);
    if (!rc)
        rc = reg_fittings_all(c->r, &c->fittings, &c->n_fittings, err);
    if (!rc && c->t->n_rows == 0)
        rc = hl_error_set(err, HL_EPARSE, "%s: no rows", c->t->origin);
    for (int i = 0; !rc && i < c->t->n_rows; i++)
        rc = check_row(c, i, &c->rows[i], err);
    if (!rc && c->verification && c->t->n_rows < 2000)
        rc = check_duplicates(c, err);
    if (!rc)
        rc = reg_model_load(c->r, err);
    if (!rc)
        c->limit_k =
            isnan(c->opt->limit_k) ? c->r->model.limit_k : c->opt->limit_k;
    for (int i = 0; !rc && i < c->t->n_rows; i++)
        rc = predict_row(c, &c->rows[i], err);
    return rc;
}

/* ---- writing ------------------------------------------------------------ */

typedef struct writer {
    sqlite3_stmt *batch, *insp, *finding, *open, *verif, *close, *verdict;
} writer;

static const char *const writer_sql[7] = {
    "INSERT INTO batches(kind, source, rows, who, at) VALUES (?, ?, ?, ?, "
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    "INSERT INTO inspections(batch_id, fitting_id, date, inspector, supply_k,"
    " ambient_k, air_k, hottest_k, mean_k, emissivity, camera, photo, notes,"
    " cover, water_k, predicted_hottest_k, predicted_mean_k,"
    " predicted_loss_w, diff_k, flagged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO findings(inspection_id, fitting_id, kind) VALUES (?, ?, ?)",
    "UPDATE fittings SET state = 'open', state_since = ? WHERE id = ? AND "
    "state IN ('clear', 'verified')",
    "INSERT INTO verifications(fitting_id, inspection_id, work_id, limit_k,"
    " hottest_k, predicted_loss_w, measured_loss_w, tolerance, passed,"
    " reason) VALUES (?, ?, (SELECT max(id) FROM work WHERE fitting_id = ?),"
    " ?, ?, ?, ?, ?, ?, ?)",
    "UPDATE findings SET closed = 1 WHERE fitting_id = ? AND closed = 0",
    "UPDATE fittings SET state = ?, state_since = ? WHERE id = ? AND "
    "state = 'done'"};

static void writer_free(writer *wr)
{
    sqlite3_stmt **s = &wr->batch;
    for (int i = 0; i < 7; i++)
        sqlite3_finalize(s[i]);
}

static int writer_open(hl_register *r, writer *wr, hl_error *err)
{
    sqlite3_stmt **s = &wr->batch;
    memset(wr, 0, sizeof *wr);
    for (int i = 0; i < 7; i++)
        if (reg_prepare(r, writer_sql[i], &s[i], err))
            return err ? err->code : HL_EIO;
    return HL_OK;
}

static int insert_inspection(import_ctx *c, writer *wr, long long batch,
                             const row *w, long long *id, hl_error *err)
{
    sqlite3_stmt *s = wr->insp;
    sqlite3_bind_int64(s, 1, batch);
    for (int k = C_FITTING; k <= C_INSPECTOR; k++)
        sqlite3_bind_text(s, 2 + k, w->text[k], -1, SQLITE_STATIC);
    double num[5] = {w->supply_k, w->ambient_k, w->air_k, w->hottest_k,
                     w->mean_k};
    for (int k = 0; k < 5; k++)
        reg_bind_real(s, 5 + k, num[k]);
    reg_bind_real(s, 10, w->emissivity);
    reg_bind_text(s, 11, w->text[C_CAMERA]);
    reg_bind_text(s, 12, w->text[C_PHOTO]);
    reg_bind_text(s, 13, w->text[C_NOTES]);
    sqlite3_bind_text(s, 14, w->fitting.cover, -1, SQLITE_STATIC);
    double pred[5] = {w->water_k, w->pred_hot_k, w->pred_mean_k, w->pred_loss_w,
                      w->diff_k};
    for (int k = 0; k < 5; k++)
        reg_bind_real(s, 15 + k, pred[k]);
    sqlite3_bind_int(s, 20, w->off_model || w->over_limit);
    int rc = reg_step_done(c->r, s, "inspections", err);
    *id = sqlite3_last_insert_rowid(c->r->db);
    return rc;
}

static int add_finding(import_ctx *c, writer *wr, const row *w, long long id,
                       hl_register_import_result *n, hl_error *err)
{
    char kind[160], off[64] = "";
    if (w->off_model)
        snprintf(off, sizeof off, "%.1f K %s than the model", fabs(w->diff_k),
                 w->diff_k > 0 ? "hotter" : "cooler");
    snprintf(kind, sizeof kind, "%s%s%s",
             w->over_limit ? "over the burn limit" : "",
             w->over_limit && w->off_model ? "; " : "", off);
    sqlite3_bind_int64(wr->finding, 1, id);
    sqlite3_bind_text(wr->finding, 2, w->fitting.id, -1, SQLITE_STATIC);
    sqlite3_bind_text(wr->finding, 3, kind, -1, SQLITE_TRANSIENT);
    int rc = reg_step_done(c->r, wr->finding, "findings", err);
    n->findings++;
    /* only a clear or verified item opens (the list keeps each item's
     * state as this batch leaves it: no statement for the others) */
    const char *st = w->entry->state;
    if (rc || (strcmp(st, "clear") != 0 && strcmp(st, "verified") != 0))
        return rc;
    sqlite3_bind_text(wr->open, 1, w->text[C_DATE], -1, SQLITE_STATIC);
    sqlite3_bind_text(wr->open, 2, w->fitting.id, -1, SQLITE_STATIC);
    rc = reg_step_done(c->r, wr->open, "fittings", err);
    if (!rc && sqlite3_changes(c->r->db) == 1) {
        char detail[200];
        snprintf(detail, sizeof detail, "%s -> open: %s", st, kind);
        rc = reg_history(c->r, c->opt->who, w->fitting.id, w->fitting.chamber,
                         "state", detail, err);
    }
    copy_text(w->entry->state, sizeof w->entry->state, "open");
    return rc;
}

static int add_verification(import_ctx *c, writer *wr, const row *w,
                            long long id, hl_register_import_result *n,
                            hl_error *err)
{
    sqlite3_stmt *s = wr->verif;
    sqlite3_bind_text(s, 1, w->fitting.id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, id);
    sqlite3_bind_text(s, 3, w->fitting.id, -1, SQLITE_STATIC);
    reg_bind_real(s, 4, c->limit_k);
    reg_bind_real(s, 5, w->hottest_k);
    reg_bind_real(s, 6, w->pred_loss_w);
    reg_bind_real(s, 7, w->measured_loss_w);
    reg_bind_real(s, 8, c->opt->loss_tolerance);
    sqlite3_bind_int(s, 9, w->passed);
    sqlite3_bind_text(s, 10, w->reason, -1, SQLITE_STATIC);
    int rc = reg_step_done(c->r, s, "verifications", err);
    const char *state = w->passed ? "verified" : "failed";
    sqlite3_bind_text(wr->verdict, 1, state, -1, SQLITE_STATIC);
    sqlite3_bind_text(wr->verdict, 2, w->text[C_DATE], -1, SQLITE_STATIC);
    sqlite3_bind_text(wr->verdict, 3, w->fitting.id, -1, SQLITE_STATIC);
    if (!rc)
        rc = reg_step_done(c->r, wr->verdict, "fittings", err);
    if (!rc && sqlite3_changes(c->r->db) != 1)
        rc = where(c, w->line, C_FITTING, err, HL_ESTATE,
                   "%s is no longer done (verified twice in this file?)",
                   w->fitting.id);
    if (!rc && w->passed) {
        sqlite3_bind_text(wr->close, 1, w->fitting.id, -1, SQLITE_STATIC);
        rc = reg_step_done(c->r, wr->close, "findings", err);
    }
    char detail[240];
    snprintf(detail, sizeof detail, "done -> %s: %s", state, w->reason);
    if (!rc)
        rc = reg_history(c->r, c->opt->who, w->fitting.id, w->fitting.chamber,
                         "state", detail, err);
    *(w->passed ? &n->passed : &n->failed) += 1;
    return rc;
}

static int write_rows(import_ctx *c, writer *wr, const char *source,
                      hl_register_import_result *n, hl_error *err)
{
    sqlite3_bind_text(wr->batch, 1,
                      c->verification ? "verification" : "inspection", -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(wr->batch, 2, source, -1, SQLITE_STATIC);
    sqlite3_bind_int(wr->batch, 3, c->t->n_rows);
    sqlite3_bind_text(wr->batch, 4, reg_who(c->opt->who), -1, SQLITE_STATIC);
    int rc = reg_step_done(c->r, wr->batch, "batches", err);
    n->batch = sqlite3_last_insert_rowid(c->r->db);
    for (int i = 0; !rc && i < c->t->n_rows; i++) {
        const row *w = &c->rows[i];
        long long id = 0;
        rc = insert_inspection(c, wr, n->batch, w, &id, err);
        if (!rc && c->verification)
            rc = add_verification(c, wr, w, id, n, err);
        else if (!rc && (w->over_limit || w->off_model))
            rc = add_finding(c, wr, w, id, n, err);
        n->rows++;
    }
    char item[32], detail[1200];
    snprintf(item, sizeof item, "batch:%lld", n->batch);
    snprintf(detail, sizeof detail,
             "%d %s rows from %s: %d findings, %d "
             "verified, %d failed",
             n->rows, c->verification ? "verification" : "inspection", source,
             n->findings, n->passed, n->failed);
    if (!rc)
        rc = reg_history(c->r, c->opt->who, item, NULL,
                         c->verification ? "verify" : "import", detail, err);
    return rc;
}

static int write_batch(import_ctx *c, const char *source,
                       hl_register_import_result *n, hl_error *err)
{
    writer wr;
    int rc = reg_begin(c->r, err);
    if (rc)
        return rc;
    rc = writer_open(c->r, &wr, err);
    if (!rc)
        rc = write_rows(c, &wr, source, n, err);
    writer_free(&wr);
    if (rc) {
        reg_rollback(c->r);
        return rc;
    }
    return reg_commit(c->r, err);
}

int reg_import(hl_register *r, const char *csv_path,
               const hl_register_options *opt, int verification,
               hl_register_import_result *res, hl_error *err)
{
    hl_register_options def;
    if (!opt) {
        hl_register_options_init(&def);
        opt = &def;
    }
    memset(res, 0, sizeof *res);
    csv_table t;
    import_ctx c = {.r = r, .opt = opt, .t = &t, .verification = verification};
    if (opt->today)
        copy_text(c.today, sizeof c.today, opt->today);
    else
        reg_today(c.today);
    int rc = csv_table_load(csv_path, &t, err);
    if (rc)
        return rc;
    c.rows = calloc((size_t)(t.n_rows > 0 ? t.n_rows : 1), sizeof *c.rows);
    if (!c.rows)
        rc = hl_error_set(err, HL_ENOMEM, "%s: out of memory", csv_path);
    if (!rc)
        rc = check_all(&c, err);
    if (!rc)
        rc = write_batch(&c, csv_path, res, err);
    if (rc)
        memset(res, 0, sizeof *res);
    free(c.rows);
    reg_fittings_free(c.fittings, c.n_fittings);
    csv_table_free(&t);
    return rc;
}

void hl_register_options_init(hl_register_options *o)
{
    memset(o, 0, sizeof *o);
    o->flag_k = 10.0;
    o->limit_k = NAN;
    o->loss_tolerance = 0.25;
}

int hl_register_import(hl_register *r, const char *csv_path,
                       const hl_register_options *opt,
                       hl_register_import_result *res, hl_error *err)
{
    if (!r || !csv_path || !res)
        return hl_error_set(err, HL_EINVAL, "register import: NULL argument");
    return reg_import(r, csv_path, opt, 0, res, err);
}

int hl_register_verify(hl_register *r, const char *csv_path,
                       const hl_register_options *opt,
                       hl_register_import_result *res, hl_error *err)
{
    if (!r || !csv_path || !res)
        return hl_error_set(err, HL_EINVAL, "register verify: NULL argument");
    return reg_import(r, csv_path, opt, 1, res, err);
}
