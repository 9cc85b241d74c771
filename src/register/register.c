/*
 * register.c - creating and opening a register file: connection settings
 * (WAL, foreign keys, busy timeout), the schema check, and the assets
 * (chambers and fittings) taken from the model at init.
 */
#include "register/register_internal.h"
#include "util/util.h"

#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A writer waits this long for another before giving up: readers and
 * writers of one file in other processes never see "database is locked"
 * in normal use (a bulk import of 100,000 rows takes about a second). */
#define REG_BUSY_TIMEOUT_MS 30000

static const char *const state_names[HL_ITEM_NSTATES] = {
    "clear", "open", "decided", "done", "verified", "failed"};

const char *hl_item_state_name(int state)
{
    return state >= 0 && state < HL_ITEM_NSTATES ? state_names[state] : NULL;
}

int reg_state_from_name(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < HL_ITEM_NSTATES; i++)
        if (strcmp(name, state_names[i]) == 0)
            return i;
    return -1;
}

static int connect(hl_register **out, const char *path, int flags,
                   hl_error *err)
{
    hl_register *r = calloc(1, sizeof *r);
    *out = r;
    if (!r)
        return hl_error_set(err, HL_ENOMEM, "%s: out of memory", path);
    copy_text(r->path, sizeof r->path, path);
    /* one handle per thread (heatline_register.h): no mutexes needed */
    if (sqlite3_open_v2(path, &r->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK)
        return reg_db_error(r, "cannot open", err);
    sqlite3_busy_timeout(r->db, REG_BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(r->db, 0);
    if (sqlite3_exec(r->db,
                     "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"
                     "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536",
                     NULL, NULL, NULL) != SQLITE_OK)
        return hl_error_set(err, HL_EPARSE, "%s: not a heatline register (%s)",
                            path, sqlite3_errmsg(r->db));
    return HL_OK;
}

void hl_register_close(hl_register *r)
{
    if (!r)
        return;
    reg_model_free(&r->model);
    sqlite3_finalize(r->history);
    sqlite3_close(r->db);
    free(r);
}

int hl_register_open(hl_register **out, const char *path, hl_error *err)
{
    *out = NULL;
    if (!path)
        return hl_error_set(err, HL_EINVAL, "register: no file named");
    if (access(path, F_OK) != 0)
        return hl_error_set(err, HL_EIO,
                            "%s: no such register (make one with "
                            "`heatline register %s init`)",
                            path, path);
    hl_register *r;
    int rc = connect(&r, path, SQLITE_OPEN_READWRITE, err);
    if (rc == HL_OK && sqlite3_exec(r->db, "SELECT 1 FROM sqlite_master", NULL,
                                    NULL, NULL) != SQLITE_OK)
        rc = hl_error_set(err, HL_EPARSE, "%s: not a heatline register (%s)",
                          path, sqlite3_errmsg(r->db));
    if (rc == HL_OK)
        rc = reg_schema_check(r, err);
    if (rc) {
        hl_register_close(r);
        return rc;
    }
    *out = r;
    return HL_OK;
}

/* ---- init: the model's assets --------------------------------------------
 */

static int put_meta(hl_register *r, const char *key, const char *value,
                    hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r, "INSERT INTO meta(key, value) VALUES (?, ?)", &st, err))
        return err ? err->code : HL_EIO;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_STATIC);
    int rc = reg_step_done(r, st, "meta", err);
    sqlite3_finalize(st);
    return rc;
}

/* The model's text (a file, or the embedded default) and the directory
 * its relative references are resolved against. */
static int model_text(const char *model_path, char **text, size_t *len,
                      char *base, size_t cap, hl_error *err)
{
    if (!model_path) {
        size_t n;
        const char *t = hl_embedded_find("models/tuoketuo-hohhot.yaml", &n);
        if (!t || !(*text = malloc(n + 1)))
            return hl_error_set(err, HL_ENOMEM, "embedded model: unavailable");
        memcpy(*text, t, n);
        (*text)[n] = '\0';
        *len = n;
        base[0] = '\0';
        return HL_OK;
    }
    if (read_text_file(model_path, text, len, err))
        return err ? err->code : HL_EIO;
    char tmp[1024];
    copy_text(tmp, sizeof tmp, model_path);
    char *abs = realpath(dirname(tmp), NULL);
    copy_text(base, cap, abs ? abs : ".");
    free(abs);
    return HL_OK;
}

static int put_chambers(hl_register *r, hl_error *err)
{
    hl_model *m = r->model.m;
    sqlite3_stmt *st;
    if (reg_prepare(r,
                    "INSERT INTO chambers(id, chainage_m, air_k) "
                    "VALUES (?, ?, ?)",
                    &st, err))
        return err ? err->code : HL_EIO;
    int rc = HL_OK;
    for (int i = 0; !rc && i < hl_model_count(m, HL_CHAMBER); i++) {
        double air = NAN, ch = NAN;
        hl_model_chamber_info(m, i, &air, &ch);
        sqlite3_bind_text(st, 1, hl_model_id(m, HL_CHAMBER, i), -1,
                          SQLITE_STATIC);
        reg_bind_real(st, 2, ch);
        reg_bind_real(st, 3, air);
        rc = reg_step_done(r, st, "chambers", err);
    }
    sqlite3_finalize(st);
    return rc;
}

/* The model's cover of a state as the register writes it: "bare",
 * "coated MATERIAL:MM", "jacket MATERIAL:MM". */
static void cover_text(const hl_model *m, int state, char *buf, size_t cap)
{
    hl_fitting_cover c;
    if (state == HL_FIT_BARE || hl_model_fitting_cover(m, state, &c)) {
        copy_text(buf, cap, "bare");
        return;
    }
    snprintf(buf, cap, "%s %s:%g", state == HL_FIT_COATED ? "coated" : "jacket",
             c.material, c.layer.thickness_m * 1e3);
}

static int put_fittings(hl_register *r, const char *today, hl_error *err)
{
    hl_model *m = r->model.m;
    sqlite3_stmt *st;
    if (reg_prepare(r,
                    "INSERT INTO fittings(id, chamber_id, model_index, type, "
                    "dn, pn, area_m2, cover, state_since) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &st, err))
        return err ? err->code : HL_EIO;
    int rc = HL_OK;
    for (int i = 0; !rc && i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result f;
        char cover[96];
        if ((rc = hl_model_fitting_result(m, i, &f)) != HL_OK) {
            hl_error_set(err, rc, "%s: fitting %d: %s", r->path, i,
                         hl_model_error(m));
            break;
        }
        cover_text(m, f.state, cover, sizeof cover);
        sqlite3_bind_text(st, 1, hl_model_id(m, HL_FITTING, i), -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(st, 2, hl_model_id(m, HL_CHAMBER, f.chamber), -1,
                          SQLITE_STATIC);
        sqlite3_bind_int(st, 3, i);
        sqlite3_bind_text(st, 4, f.type ? f.type : "", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 5, f.dn);
        sqlite3_bind_int(st, 6, f.pn);
        reg_bind_real(st, 7, f.area_m2);
        sqlite3_bind_text(st, 8, cover, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 9, today, -1, SQLITE_STATIC);
        rc = reg_step_done(r, st, "fittings", err);
    }
    sqlite3_finalize(st);
    return rc;
}

static int fill_new(hl_register *r, const char *model_path, const char *who,
                    hl_error *err)
{
    char *text = NULL, base[1024], today[16], detail[256];
    size_t len;
    int rc = model_text(model_path, &text, &len, base, sizeof base, err);
    if (rc)
        return rc;
    reg_today(today);
    rc = reg_begin(r, err);
    if (!rc)
        rc = reg_schema_create(r, err);
    if (!rc)
        rc = put_meta(r, "model_text", text, err);
    if (!rc)
        rc = put_meta(r, "model_origin",
                      model_path ? model_path
                                 : "(embedded "
                                   "default)",
                      err);
    if (!rc)
        rc = put_meta(r, "model_base_dir", base, err);
    free(text);
    if (!rc)
        rc = reg_model_load(r, err);
    if (!rc)
        rc = put_meta(r, "model_name", hl_model_name(r->model.m), err);
    if (!rc)
        rc = put_chambers(r, err);
    if (!rc)
        rc = put_fittings(r, today, err);
    snprintf(detail, sizeof detail, "assets of %s: %d chambers, %d fittings",
             model_path ? model_path : "the embedded default line",
             hl_model_count(r->model.m, HL_CHAMBER),
             hl_model_count(r->model.m, HL_FITTING));
    if (!rc)
        rc = reg_history(r, who, "register", NULL, "init", detail, err);
    if (rc) {
        reg_rollback(r);
        return rc;
    }
    return reg_commit(r, err);
}

int hl_register_init(hl_register **out, const char *path,
                     const char *model_path, const char *who, hl_error *err)
{
    *out = NULL;
    if (!path)
        return hl_error_set(err, HL_EINVAL, "register: no file named");
    if (access(path, F_OK) == 0)
        return hl_error_set(err, HL_EINVAL,
                            "%s: already exists (init makes a new register)",
                            path);
    hl_register *r;
    int rc = connect(&r, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
    if (!rc)
        rc = fill_new(r, model_path, who, err);
    if (rc) {
        hl_register_close(r);
        unlink(path); /* nothing left behind: the file and its WAL */
        char side[1100];
        snprintf(side, sizeof side, "%s-wal", path);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", path);
        unlink(side);
        return rc;
    }
    *out = r;
    return HL_OK;
}
