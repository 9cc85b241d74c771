/*
 * predict.c - a fitting of the register: its row, the model's prediction
 * of its surface and loss at given conditions (the fitting engine on the
 * model's catalogue entry), the fittings an item names, state changes.
 */
#include "register/register_internal.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void column_text(sqlite3_stmt *st, int c, char *buf, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(st, c);
    copy_text(buf, cap, t ? (const char *)t : "");
}

static char *column_dup(sqlite3_stmt *st, int c)
{
    const char *t = (const char *)sqlite3_column_text(st, c);
    size_t n = t ? strlen(t) : 0;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, t ? t : "", n);
        d[n] = '\0';
    }
    return d;
}

void reg_fitting_clear(reg_fitting *f)
{
    free(f->id);
    free(f->chamber);
    free(f->cover);
    f->id = f->chamber = f->cover = NULL;
}

void reg_fittings_free(reg_fitting *list, int n)
{
    for (int i = 0; list && i < n; i++)
        reg_fitting_clear(&list[i]);
    free(list);
}

/* 0 when out of memory (then nothing is kept). */
static int read_fitting(sqlite3_stmt *st, reg_fitting *f)
{
    f->id = column_dup(st, 0);
    f->chamber = column_dup(st, 1);
    f->cover = column_dup(st, 2);
    column_text(st, 3, f->state, sizeof f->state);
    f->model_index = sqlite3_column_int(st, 4);
    if (f->id && f->chamber && f->cover)
        return 1;
    reg_fitting_clear(f);
    return 0;
}

#define FITTING_COLUMNS "id, chamber_id, cover, state, model_index"

int reg_fitting_get(hl_register *r, const char *id, reg_fitting *out,
                    hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r, "SELECT " FITTING_COLUMNS " FROM fittings WHERE id = ?",
                    &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    memset(out, 0, sizeof *out);
    int rc = sqlite3_step(st), ok = rc == SQLITE_ROW && read_fitting(st, out);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW && !ok)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    return rc == SQLITE_ROW ? HL_OK : HL_ENOTFOUND;
}

static int collect(hl_register *r, sqlite3_stmt *st, int mask,
                   reg_fitting **list, int *n, int *n_any, hl_error *err);

int reg_fittings_all(hl_register *r, reg_fitting **list, int *n, hl_error *err)
{
    sqlite3_stmt *st;
    int n_any;
    if (reg_prepare(r, "SELECT " FITTING_COLUMNS " FROM fittings ORDER BY id",
                    &st, err))
        return err ? err->code : HL_EIO;
    int rc = collect(r, st, ~0, list, n, &n_any, err);
    sqlite3_finalize(st);
    return rc;
}

static int by_id(const void *key, const void *elem)
{
    return strcmp(key, ((const reg_fitting *)elem)->id);
}

const reg_fitting *reg_fitting_find(const reg_fitting *list, int n,
                                    const char *id)
{
    return n > 0 ? bsearch(id, list, (size_t)n, sizeof *list, by_id) : NULL;
}

int reg_predict(hl_register *r, int fi, const char *cover, double medium_k,
                double air_k, hl_fitting_result *out, hl_error *err)
{
    reg_model *rm = &r->model;
    hl_chamber_fitting_result f;
    int rc = hl_model_fitting_result(rm->m, fi, &f);
    if (rc)
        return hl_error_set(err, rc, "fitting %d: %s", fi,
                            hl_model_error(rm->m));
    int type = f.type ? hl_fitting_type_from_name(f.type) : -1, id;
    if (type < 0)
        return hl_error_set(err, HL_ENOTFOUND,
                            "fitting %s has no catalogue type: no prediction",
                            hl_model_id(rm->m, HL_FITTING, fi));
    if ((rc = hl_fitting_find(rm->cat, type, f.dn, f.pn, &id, err)) != HL_OK)
        return rc;
    hl_fitting_conditions c;
    hl_fitting_conditions_init(&c);
    c.medium_k = medium_k;
    c.air_k = c.radiant_k = air_k; /* as the network engine (chambers) */
    c.limit_k = rm->limit_k;
    if ((rc = hl_fitting_cover_parse(rm->db, cover, &c.cover, err)) != HL_OK)
        return rc;
    return hl_fitting_solve(rm->cat, id, &c, out, err);
}

static int chamber_exists(hl_register *r, const char *id)
{
    char buf[8];
    return reg_query_text(r, "SELECT 1 FROM chambers WHERE id = ?", id, buf,
                          sizeof buf, NULL) == HL_OK;
}

static int collect(hl_register *r, sqlite3_stmt *st, int mask,
                   reg_fitting **list, int *n, int *n_any, hl_error *err)
{
    int cap = 0, rc;
    *n = *n_any = 0;
    *list = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        reg_fitting f;
        int k = reg_state_from_name((const char *)sqlite3_column_text(st, 3));
        (*n_any)++;
        if (k < 0 || !(mask & (1 << k)))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            reg_fitting *grown = realloc(*list, (size_t)cap * sizeof *grown);
            if (!grown)
                return hl_error_set(err, HL_ENOMEM, "out of memory");
            *list = grown;
        }
        if (!read_fitting(st, &f))
            return hl_error_set(err, HL_ENOMEM, "out of memory");
        (*list)[(*n)++] = f;
    }
    return rc == SQLITE_DONE ? HL_OK : reg_db_error(r, "fittings", err);
}

static void mask_names(int mask, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int s = 0; s < HL_ITEM_NSTATES; s++)
        if (mask & (1 << s)) {
            size_t len = strlen(buf);
            snprintf(buf + len, cap - len, "%s%s", len ? "/" : "",
                     hl_item_state_name(s));
        }
}

int reg_item_fittings(hl_register *r, const char *item, int mask,
                      reg_fitting **list, int *n, hl_error *err)
{
    int chamber = chamber_exists(r, item), n_any = 0;
    sqlite3_stmt *st;
    if (reg_prepare(r,
                    chamber ? "SELECT " FITTING_COLUMNS " FROM fittings "
                              "WHERE chamber_id = ? ORDER BY model_index"
                            : "SELECT " FITTING_COLUMNS " FROM fittings "
                              "WHERE id = ?",
                    &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, item, -1, SQLITE_STATIC);
    int rc = collect(r, st, mask, list, n, &n_any, err);
    sqlite3_finalize(st);
    if (!rc && n_any == 0)
        rc = hl_error_set(err, HL_ENOTFOUND,
                          "%s: no fitting or chamber '%s' in the register",
                          r->path, item);
    if (!rc && *n == 0) {
        char want[80];
        mask_names(mask, want, sizeof want);
        rc = hl_error_set(err, HL_ESTATE, "%s: %s: no fitting in state %s",
                          r->path, item, want);
    }
    if (rc) {
        reg_fittings_free(*list, *n);
        *list = NULL;
        *n = 0;
    }
    return rc;
}

int reg_set_state(hl_register *r, const reg_fitting *f, int state,
                  const char *date, const char *who, const char *why,
                  hl_error *err)
{
    sqlite3_stmt *st;
    char detail[512];
    /* from the state read before the transaction: another process that
     * moved the item meanwhile makes this a refusal, not a lost step */
    if (reg_prepare(r,
                    "UPDATE fittings SET state = ?, state_since = "
                    "coalesce(?, strftime('%Y-%m-%d', 'now')) WHERE id = ? "
                    "AND state = ?",
                    &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, hl_item_state_name(state), -1, SQLITE_STATIC);
    reg_bind_text(st, 2, date);
    sqlite3_bind_text(st, 3, f->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f->state, -1, SQLITE_STATIC);
    int rc = reg_step_done(r, st, "fittings", err);
    sqlite3_finalize(st);
    if (!rc && sqlite3_changes(r->db) != 1)
        return hl_error_set(err, HL_ESTATE,
                            "%s: %s is no longer %s (changed meanwhile)",
                            r->path, f->id, f->state);
    snprintf(detail, sizeof detail, "%s -> %s%s%s", f->state,
             hl_item_state_name(state), why && why[0] ? ": " : "",
             why ? why : "");
    return rc ? rc
              : reg_history(r, who, f->id, f->chamber, "state", detail, err);
}
