/*
 * loop.c - the decisions and the work of the loop: a decision keeps the
 * option's numbers as they were when decided; a work record puts the
 * applied cover on the fitting. Each call is one transaction.
 */
#include "register/register_internal.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DECIDABLE                                                              \
    ((1 << HL_ITEM_CLEAR) | (1 << HL_ITEM_OPEN) | (1 << HL_ITEM_FAILED))

static int insert_decision(hl_register *r, const reg_fitting *f,
                           const hl_register_option *o,
                           const hl_register_decision *d, const char *date,
                           hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r,
                    "INSERT INTO decisions(fitting_id, option, thickness_m,"
                    " heat_saved_j, surface_k, verdict, loss_w, cost_cny,"
                    " payback_years, npv_cny, by_whom, why, date, at) VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o->spec, -1, SQLITE_STATIC);
    double v[3] = {o->thickness_m, o->heat_saved_j, o->surface_k};
    for (int k = 0; k < 3; k++)
        reg_bind_real(st, 3 + k, v[k]);
    sqlite3_bind_text(st, 6, o->verdict ? "fail" : "pass", -1, SQLITE_STATIC);
    double w[4] = {o->loss_w, o->cost_cny, o->payback_years, o->npv_cny};
    for (int k = 0; k < 4; k++)
        reg_bind_real(st, 7 + k, w[k]);
    sqlite3_bind_text(st, 11, d->by, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 12, d->why, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, date, -1, SQLITE_STATIC);
    int rc = reg_step_done(r, st, "decisions", err);
    sqlite3_finalize(st);
    return rc;
}

static int check_decision(hl_register *r, const hl_register_decision *d,
                          char date[16], hl_error *err)
{
    if (!d || !d->spec || !d->spec[0])
        return hl_error_set(err, HL_EINVAL,
                            "%s: decide: no option given "
                            "(e.g. 'coating ceramic-microbead:8')",
                            r->path);
    if (!d->by || !d->by[0] || !d->why || !d->why[0])
        return hl_error_set(err, HL_EINVAL,
                            "%s: decide: a decision needs "
                            "who decided (by) and why",
                            r->path);
    if (d->date && !reg_date_valid(d->date))
        return hl_error_set(err, HL_EPARSE,
                            "%s: decide: date '%s': "
                            "expected YYYY-MM-DD",
                            r->path, d->date);
    if (d->date)
        copy_text(date, 16, d->date);
    else
        reg_today(date);
    return HL_OK;
}

int hl_register_decide(hl_register *r, const char *item,
                       const hl_register_decision *d,
                       const hl_register_options *opt, int *n_items,
                       hl_error *err)
{
    if (!r || !item || !n_items)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_decide: NULL argument");
    char date[16];
    reg_fitting *f = NULL;
    int n = 0;
    *n_items = 0;
    int rc = check_decision(r, d, date, err);
    if (!rc)
        rc = reg_item_fittings(r, item, DECIDABLE, &f, &n, err);
    /* the numbers before the transaction: the write lock is held briefly */
    hl_register_option *o = rc ? NULL : calloc((size_t)n, sizeof *o);
    if (!rc && !o)
        rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int i = 0; !rc && i < n; i++)
        rc = reg_option_eval(r, &f[i], 1, d->spec, &o[i], err);
    if (!rc)
        rc = reg_begin(r, err);
    for (int i = 0; !rc && i < n; i++) {
        char why[600];
        snprintf(why, sizeof why, "%s by %s: %s", o[i].spec, d->by, d->why);
        rc = insert_decision(r, &f[i], &o[i], d, date, err);
        if (!rc)
            rc = reg_set_state(r, &f[i], HL_ITEM_DECIDED, date,
                               opt ? opt->who : d->by, why, err);
    }
    if (rc)
        reg_rollback(r);
    else if ((rc = reg_commit(r, err)) == HL_OK)
        *n_items = n;
    free(o);
    reg_fittings_free(f, n);
    return rc;
}

/* ---- work ----------------------------------------------------------------
 */

typedef struct decided {
    long long id;
    char kind[16], material[48];
    double thickness_m;
} decided;

static int last_decision(hl_register *r, const char *fitting, decided *out,
                         hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r,
                    "SELECT id, option, thickness_m FROM decisions WHERE "
                    "fitting_id = ? ORDER BY id DESC LIMIT 1",
                    &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, fitting, -1, SQLITE_STATIC);
    int rc = HL_ENOTFOUND;
    if (sqlite3_step(st) == SQLITE_ROW) {
        char spec[96], *colon;
        const unsigned char *t = sqlite3_column_text(st, 1);
        out->id = sqlite3_column_int64(st, 0);
        copy_text(spec, sizeof spec, t ? (const char *)t : "");
        out->thickness_m = sqlite3_column_double(st, 2);
        char *space = strchr(spec, ' ');
        if (space && (colon = strrchr(space, ':')) != NULL) {
            *space = *colon = '\0';
            copy_text(out->kind, sizeof out->kind, spec);
            copy_text(out->material, sizeof out->material, space + 1);
            rc = HL_OK;
        }
    }
    sqlite3_finalize(st);
    return rc == HL_OK ? rc
                       : hl_error_set(err, HL_ESTATE,
                                      "%s: %s: no decision "
                                      "recorded",
                                      r->path, fitting);
}

static int check_work(hl_register *r, const hl_register_work *w, hl_error *err)
{
    if (!w->date || !reg_date_valid(w->date))
        return hl_error_set(err, HL_EPARSE,
                            "%s: work: date '%s': expected "
                            "YYYY-MM-DD",
                            r->path, w->date ? w->date : "");
    char today[16];
    reg_today(today);
    if (strcmp(w->date, today) > 0)
        return hl_error_set(err, HL_ERANGE,
                            "%s: work: date %s is in the "
                            "future",
                            r->path, w->date);
    if (!w->crew || !w->crew[0])
        return hl_error_set(err, HL_EINVAL, "%s: work: the crew is required",
                            r->path);
    if (!isnan(w->thickness_m) && !(w->thickness_m > 0 && w->thickness_m < 1))
        return hl_error_set(err, HL_ERANGE,
                            "%s: work: thickness %g mm: "
                            "expected more than 0 and less than 1000 mm",
                            r->path, w->thickness_m * 1e3);
    if (!isnan(w->cost_cny) && !(w->cost_cny >= 0))
        return hl_error_set(err, HL_ERANGE,
                            "%s: work: cost %g: expected 0 "
                            "or more",
                            r->path, w->cost_cny);
    return HL_OK;
}

static int insert_work(hl_register *r, const reg_fitting *f, const decided *d,
                       const hl_register_work *w, const char *cover,
                       const char *material, double thickness_m, hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r,
                    "INSERT INTO work(fitting_id, decision_id, date, crew,"
                    " material, batch, thickness_m, cost_cny, cover, at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, d->id);
    sqlite3_bind_text(st, 3, w->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, w->crew, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, material, -1, SQLITE_STATIC);
    reg_bind_text(st, 6, w->batch);
    reg_bind_real(st, 7, thickness_m);
    reg_bind_real(st, 8, w->cost_cny);
    sqlite3_bind_text(st, 9, cover, -1, SQLITE_STATIC);
    int rc = reg_step_done(r, st, "work", err);
    sqlite3_finalize(st);
    if (rc)
        return rc;
    if (reg_prepare(r, "UPDATE fittings SET cover = ? WHERE id = ?", &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, cover, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
    rc = reg_step_done(r, st, "fittings", err);
    sqlite3_finalize(st);
    return rc;
}

static int work_one(hl_register *r, const reg_fitting *f,
                    const hl_register_work *w, const char *who, hl_error *err)
{
    decided d;
    int rc = last_decision(r, f->id, &d, err);
    if (rc)
        return rc;
    const char *mat = w->material && w->material[0] ? w->material : d.material;
    double t = isnan(w->thickness_m) ? d.thickness_m : w->thickness_m;
    char cover[160], why[400];
    snprintf(cover, sizeof cover, "%s %s:%g",
             strcmp(d.kind, "jacket") == 0 ? "jacket" : "coated", mat, t * 1e3);
    hl_fitting_cover check;
    if ((rc = hl_fitting_cover_parse(r->model.db, cover, &check, err)) != 0)
        return rc;
    snprintf(why, sizeof why, "%s by %s on %s", cover, w->crew, w->date);
    rc = insert_work(r, f, &d, w, cover, mat, t, err);
    return rc ? rc : reg_set_state(r, f, HL_ITEM_DONE, w->date, who, why, err);
}

int hl_register_record_work(hl_register *r, const char *item,
                            const hl_register_work *w,
                            const hl_register_options *opt, int *n_items,
                            hl_error *err)
{
    if (!r || !item || !w || !n_items)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_record_work: NULL argument");
    reg_fitting *f = NULL;
    int n = 0;
    *n_items = 0;
    int rc = check_work(r, w, err);
    if (!rc)
        rc = reg_model_load(r, err); /* the material table */
    if (!rc)
        rc = reg_item_fittings(r, item, 1 << HL_ITEM_DECIDED, &f, &n, err);
    if (!rc)
        rc = reg_begin(r, err);
    for (int i = 0; !rc && i < n; i++)
        rc = work_one(r, &f[i], w, opt ? opt->who : w->crew, err);
    if (rc)
        reg_rollback(r);
    else if ((rc = reg_commit(r, err)) == HL_OK)
        *n_items = n;
    reg_fittings_free(f, n);
    return rc;
}
