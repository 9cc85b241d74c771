/*
 * schema.c - the register's tables (docs/register.md), their version in
 * PRAGMA user_version and the migrations between versions. A migration
 * runs inside one transaction: a file is at one version or the next,
 * never between.
 */
#include "register/register_internal.h"

#include <stdio.h>

/* Version 1: the whole loop. Item states are the names of enum
 * hl_item_state; history is append-only (triggers). */
static const char schema_v1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE chambers(id TEXT PRIMARY KEY, chainage_m REAL,"
    " air_k REAL);"
    "CREATE TABLE fittings(id TEXT PRIMARY KEY,"
    " chamber_id TEXT NOT NULL REFERENCES chambers(id),"
    " model_index INTEGER NOT NULL, type TEXT NOT NULL, dn INTEGER,"
    " pn INTEGER, area_m2 REAL, cover TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'clear' CHECK (state IN ('clear',"
    " 'open', 'decided', 'done', 'verified', 'failed')),"
    " state_since TEXT NOT NULL);"
    "CREATE INDEX fittings_chamber ON fittings(chamber_id);"
    "CREATE INDEX fittings_state ON fittings(state, state_since);"
    "CREATE TABLE batches(id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('inspection', 'verification')),"
    " source TEXT NOT NULL, rows INTEGER NOT NULL, who TEXT NOT NULL,"
    " at TEXT NOT NULL);"
    "CREATE TABLE inspections(id INTEGER PRIMARY KEY,"
    " batch_id INTEGER NOT NULL REFERENCES batches(id),"
    " fitting_id TEXT NOT NULL REFERENCES fittings(id),"
    " date TEXT NOT NULL, inspector TEXT NOT NULL, supply_k REAL NOT NULL,"
    " ambient_k REAL, air_k REAL NOT NULL, hottest_k REAL NOT NULL,"
    " mean_k REAL, emissivity REAL, camera TEXT, photo TEXT, notes TEXT,"
    " cover TEXT NOT NULL, water_k REAL, predicted_hottest_k REAL,"
    " predicted_mean_k REAL, predicted_loss_w REAL, diff_k REAL,"
    " flagged INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX inspections_fitting ON inspections(fitting_id);"
    "CREATE INDEX inspections_batch ON inspections(batch_id);"
    "CREATE TABLE findings(id INTEGER PRIMARY KEY,"
    " inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    " fitting_id TEXT NOT NULL REFERENCES fittings(id),"
    " kind TEXT NOT NULL, closed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX findings_open ON findings(fitting_id) WHERE closed = 0;"
    "CREATE TABLE decisions(id INTEGER PRIMARY KEY,"
    " fitting_id TEXT NOT NULL REFERENCES fittings(id),"
    " option TEXT NOT NULL, thickness_m REAL, heat_saved_j REAL,"
    " surface_k REAL, verdict TEXT, loss_w REAL, cost_cny REAL,"
    " payback_years REAL, npv_cny REAL, by_whom TEXT NOT NULL,"
    " why TEXT NOT NULL, date TEXT NOT NULL, at TEXT NOT NULL);"
    "CREATE INDEX decisions_fitting ON decisions(fitting_id);"
    "CREATE TABLE work(id INTEGER PRIMARY KEY,"
    " fitting_id TEXT NOT NULL REFERENCES fittings(id),"
    " decision_id INTEGER NOT NULL REFERENCES decisions(id),"
    " date TEXT NOT NULL, crew TEXT NOT NULL, material TEXT NOT NULL,"
    " batch TEXT, thickness_m REAL NOT NULL, cost_cny REAL,"
    " cover TEXT NOT NULL, at TEXT NOT NULL);"
    "CREATE INDEX work_fitting ON work(fitting_id);"
    "CREATE TABLE verifications(id INTEGER PRIMARY KEY,"
    " fitting_id TEXT NOT NULL REFERENCES fittings(id),"
    " inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    " work_id INTEGER REFERENCES work(id), limit_k REAL NOT NULL,"
    " hottest_k REAL NOT NULL, predicted_loss_w REAL,"
    " measured_loss_w REAL, tolerance REAL NOT NULL,"
    " passed INTEGER NOT NULL, reason TEXT NOT NULL);"
    "CREATE INDEX verifications_fitting ON verifications(fitting_id);"
    "CREATE TABLE history(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    " who TEXT NOT NULL, item TEXT NOT NULL, chamber TEXT,"
    " action TEXT NOT NULL, detail TEXT);"
    "CREATE INDEX history_item ON history(item, id);"
    "CREATE INDEX history_chamber ON history(chamber, id);"
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
    " BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;"
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
    " BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;";

/* Migration from version i to i + 1 is migrations[i - 1]; version 1 has
 * none before it. A new version adds its ALTER/CREATE text here and
 * raises HL_REGISTER_SCHEMA_VERSION. */
static const char *const migrations[] = {NULL};

static int user_version(hl_register *r, int *out, hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r, "PRAGMA user_version", &st, err))
        return err ? err->code : HL_EIO;
    int rc =
        sqlite3_step(st) == SQLITE_ROW ? HL_OK : reg_db_error(r, "schema", err);
    *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc;
}

static int set_version(hl_register *r, int v, hl_error *err)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
    return reg_exec(r, sql, err);
}

int reg_schema_create(hl_register *r, hl_error *err)
{
    if (reg_exec(r, schema_v1, err))
        return err ? err->code : HL_EIO;
    return set_version(r, HL_REGISTER_SCHEMA_VERSION, err);
}

static int migrate(hl_register *r, int from, hl_error *err)
{
    if (reg_begin(r, err))
        return err ? err->code : HL_EIO;
    for (int v = from; v < HL_REGISTER_SCHEMA_VERSION; v++)
        if (!migrations[v - 1] || reg_exec(r, migrations[v - 1], err)) {
            reg_rollback(r);
            return hl_error_set(err, HL_EIO,
                                "%s: no migration from schema "
                                "version %d",
                                r->path, v);
        }
    if (set_version(r, HL_REGISTER_SCHEMA_VERSION, err) ||
        reg_history(r, NULL, "register", NULL, "migrate", NULL, err)) {
        reg_rollback(r);
        return err ? err->code : HL_EIO;
    }
    return reg_commit(r, err);
}

int reg_schema_check(hl_register *r, hl_error *err)
{
    int v;
    if (user_version(r, &v, err))
        return err ? err->code : HL_EIO;
    if (v == 0)
        return hl_error_set(err, HL_EPARSE,
                            "%s: not a heatline register (no schema "
                            "version; make one with `heatline register "
                            "FILE init`)",
                            r->path);
    if (v > HL_REGISTER_SCHEMA_VERSION)
        return hl_error_set(err, HL_ERANGE,
                            "%s: register schema version %d is newer than "
                            "this heatline reads (%d): use a newer heatline",
                            r->path, v, HL_REGISTER_SCHEMA_VERSION);
    return v < HL_REGISTER_SCHEMA_VERSION ? migrate(r, v, err) : HL_OK;
}
