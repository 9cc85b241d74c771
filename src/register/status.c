/*
 * status.c - reading the register: the loop's counts (every figure from an
 * index or a row id, so a register with millions of history rows answers
 * at once), open findings, the history of an item, text tables.
 */
#include "register/register_internal.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int scalar(hl_register *r, const char *sql, double *out, hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r, sql, &st, err))
        return err ? err->code : HL_EIO;
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0.0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? HL_OK
               : reg_db_error(r, "status", err);
}

static int count_states(hl_register *r, hl_register_status *s, hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r, "SELECT state, count(*) FROM fittings GROUP BY state",
                    &st, err))
        return err ? err->code : HL_EIO;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int k = reg_state_from_name((const char *)sqlite3_column_text(st, 0));
        if (k >= 0)
            s->items[k] = sqlite3_column_int(st, 1);
        s->fittings += sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HL_OK : reg_db_error(r, "status", err);
}

#define SAVED_SQL(states)                                                      \
    "SELECT total(d.heat_saved_j) FROM fittings f JOIN decisions d ON d.id = " \
    "(SELECT max(id) FROM decisions WHERE fitting_id = f.id) WHERE f.state "   \
    "IN " states

int hl_register_status_get(hl_register *r, hl_register_status *out,
                           hl_error *err)
{
    if (!r || !out)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_status_get: NULL argument");
    memset(out, 0, sizeof *out);
    double v[5] = {0};
    out->schema_version = HL_REGISTER_SCHEMA_VERSION;
    /* one read transaction: every figure from the same snapshot */
    int own = sqlite3_get_autocommit(r->db); /* else the caller's snapshot */
    int rc = own ? reg_exec(r, "BEGIN", err) : HL_OK;
    if (!rc)
        rc = reg_meta_get(r, "model_name", out->model, sizeof out->model, err);
    if (!rc)
        rc = count_states(r, out, err);
    if (!rc)
        rc = scalar(r, "SELECT count(*) FROM chambers", &v[0], err);
    /* ids grow by one and rows are never deleted: max(id) is the count */
    if (!rc)
        rc = scalar(r, "SELECT coalesce(max(id), 0) FROM inspections", &v[1],
                    err);
    if (!rc)
        rc = scalar(r, "SELECT count(*) FROM findings WHERE closed = 0", &v[2],
                    err);
    if (!rc)
        rc = scalar(r, "SELECT coalesce(max(id), 0) FROM history", &v[3], err);
    if (!rc)
        rc = scalar(r, SAVED_SQL("('verified')"), &out->heat_saved_verified_j,
                    err);
    if (!rc)
        rc = scalar(r, SAVED_SQL("('decided', 'done', 'verified')"),
                    &out->heat_saved_planned_j, err);
    if (own)
        reg_rollback(r);
    out->chambers = (int)v[0];
    out->inspections = (long long)v[1];
    out->findings_open = (long long)v[2];
    out->history_rows = (long long)v[3];
    return rc;
}

/* ---- text tables ---------------------------------------------------------
 */

void hl_register_table_free(hl_register_table *t)
{
    if (!t)
        return;
    for (int c = 0; c < t->n_cols; c++)
        free(t->header ? t->header[c] : NULL);
    for (long i = 0; t->cell && i < (long)t->n_rows * t->n_cols; i++)
        free(t->cell[i]);
    free(t->header);
    free(t->cell);
    memset(t, 0, sizeof *t);
}

static char *dup_text(const unsigned char *s)
{
    const char *t = s ? (const char *)s : "";
    char *d = malloc(strlen(t) + 1);
    if (d)
        strcpy(d, t);
    return d;
}

static int add_row(hl_register_table *t, sqlite3_stmt *st, int *cap)
{
    if (t->n_rows == *cap) {
        int nc = *cap ? 2 * *cap : 64;
        char **g = realloc(t->cell, (size_t)nc * (size_t)t->n_cols * sizeof *g);
        if (!g)
            return HL_ENOMEM;
        t->cell = g;
        *cap = nc;
    }
    char **row = t->cell + (size_t)t->n_rows * (size_t)t->n_cols;
    int ok = 1;
    for (int c = 0; c < t->n_cols; c++)
        ok &= (row[c] = dup_text(sqlite3_column_text(st, c))) != NULL;
    t->n_rows++;
    return ok ? HL_OK : HL_ENOMEM;
}

int reg_table_query(hl_register *r, const char *sql, const char *arg,
                    hl_register_table *out, hl_error *err)
{
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    if (reg_prepare(r, sql, &st, err))
        return err ? err->code : HL_EIO;
    if (arg)
        for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++)
            sqlite3_bind_text(st, i, arg, -1, SQLITE_STATIC);
    out->n_cols = sqlite3_column_count(st);
    out->header = calloc((size_t)out->n_cols + 1, sizeof *out->header);
    int rc = out->header ? HL_OK : HL_ENOMEM, step, cap = 0;
    for (int c = 0; !rc && c < out->n_cols; c++)
        if (!(out->header[c] =
                  dup_text((const unsigned char *)sqlite3_column_name(st, c))))
            rc = HL_ENOMEM;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = add_row(out, st, &cap);
    if (!rc && step != SQLITE_DONE)
        rc = reg_db_error(r, "query", err);
    sqlite3_finalize(st);
    if (rc == HL_ENOMEM)
        hl_error_set(err, rc, "%s: out of memory", r->path);
    if (rc)
        hl_register_table_free(out);
    return rc;
}

int hl_register_oldest_open(hl_register *r, int max, hl_register_table *out,
                            hl_error *err)
{
    if (!r || !out || max < 0)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_oldest_open: bad argument");
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT id AS item, state_since AS since, state FROM fittings "
             "WHERE state IN ('open', 'failed') ORDER BY state_since, id "
             "LIMIT %d",
             max);
    return reg_table_query(r, sql, NULL, out, err);
}

int hl_register_findings(hl_register *r, hl_register_table *out, hl_error *err)
{
    if (!r || !out)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_findings: NULL argument");
    return reg_table_query(
        r,
        "SELECT n.id AS finding, f.id AS fitting, f.chamber_id AS chamber,"
        " i.date, printf('%.1f', i.hottest_k - 273.15) AS measured_c,"
        " printf('%.1f', i.predicted_hottest_k - 273.15) AS predicted_c,"
        " printf('%+.1f', i.diff_k) AS diff_k, n.kind, f.state"
        " FROM findings n JOIN inspections i ON i.id = n.inspection_id"
        " JOIN fittings f ON f.id = n.fitting_id WHERE n.closed = 0"
        " ORDER BY i.date, n.id",
        NULL, out, err);
}

int hl_register_history(hl_register *r, const char *item,
                        hl_register_table *out, hl_error *err)
{
    if (!r || !item || !out)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_history: NULL argument");
    int rc = reg_table_query(r,
                             "SELECT id, at, who, item, action, detail FROM "
                             "history WHERE item = ?1 OR chamber = ?1 "
                             "ORDER BY id",
                             item, out, err);
    if (!rc && out->n_rows == 0) {
        hl_register_table_free(out);
        rc = hl_error_set(err, HL_ENOTFOUND,
                          "%s: no history for '%s' (a fitting, a chamber or "
                          "batch:N)",
                          r->path, item);
    }
    return rc;
}
