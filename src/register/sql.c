/*
 * sql.c - small helpers over SQLite for the register: statements with one
 * error line each, transactions, history rows, dates.
 */
#include "register/register_internal.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int reg_db_error(hl_register *r, const char *what, hl_error *err)
{
    int code = sqlite3_errcode(r->db);
    int rc = code == SQLITE_CONSTRAINT ? HL_EINVAL
             : code == SQLITE_NOMEM    ? HL_ENOMEM
                                       : HL_EIO;
    return hl_error_set(err, rc, "%s: %s: %s", r->path, what,
                        sqlite3_errmsg(r->db));
}

int reg_exec(hl_register *r, const char *sql, hl_error *err)
{
    if (sqlite3_exec(r->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return reg_db_error(r, "database", err);
    return HL_OK;
}

int reg_prepare(hl_register *r, const char *sql, sqlite3_stmt **st,
                hl_error *err)
{
    if (sqlite3_prepare_v2(r->db, sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return reg_db_error(r, "query", err);
    }
    return HL_OK;
}

/* BEGIN IMMEDIATE takes the write lock at once, so a writer waits for
 * another (busy timeout) before it reads anything it then changes. */
int reg_begin(hl_register *r, hl_error *err)
{
    return reg_exec(r, "BEGIN IMMEDIATE", err);
}

int reg_commit(hl_register *r, hl_error *err)
{
    if (reg_exec(r, "COMMIT", err)) {
        reg_rollback(r);
        return err ? err->code : HL_EIO;
    }
    return HL_OK;
}

void reg_rollback(hl_register *r)
{
    if (!sqlite3_get_autocommit(r->db))
        sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
}

int reg_step_done(hl_register *r, sqlite3_stmt *st, const char *what,
                  hl_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return reg_db_error(r, what, err);
    return HL_OK;
}

void reg_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s && s[0])
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

void reg_bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isfinite(v))
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

int reg_query_text(hl_register *r, const char *sql, const char *arg, char *buf,
                   size_t cap, hl_error *err)
{
    sqlite3_stmt *st;
    if (reg_prepare(r, sql, &st, err))
        return err ? err->code : HL_EIO;
    if (arg)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), out = HL_OK;
    if (rc == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        copy_text(buf, cap, t ? (const char *)t : "");
    } else if (rc == SQLITE_DONE) {
        out = HL_ENOTFOUND;
    } else {
        out = reg_db_error(r, "query", err);
    }
    sqlite3_finalize(st);
    return out;
}

int reg_meta_get(hl_register *r, const char *key, char *buf, size_t cap,
                 hl_error *err)
{
    buf[0] = '\0';
    int rc = reg_query_text(r, "SELECT value FROM meta WHERE key = ?", key, buf,
                            cap, err);
    return rc == HL_ENOTFOUND ? HL_OK : rc;
}

int reg_history(hl_register *r, const char *who, const char *item,
                const char *chamber, const char *action, const char *detail,
                hl_error *err)
{
    if (!r->history &&
        reg_prepare(r,
                    "INSERT INTO history(at, who, item, chamber, action, "
                    "detail) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                    "?, ?, ?, ?, ?)",
                    &r->history, err))
        return err ? err->code : HL_EIO;
    sqlite3_stmt *st = r->history;
    sqlite3_bind_text(st, 1, reg_who(who), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, item, -1, SQLITE_STATIC);
    reg_bind_text(st, 3, chamber);
    sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
    reg_bind_text(st, 5, detail);
    int rc = reg_step_done(r, st, "history", err);
    sqlite3_clear_bindings(st);
    return rc;
}

const char *reg_who(const char *who)
{
    return who && who[0] ? who : "unknown";
}

void reg_today(char out[16])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    snprintf(out, 16, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000,
             (tm.tm_mon + 1) % 100, tm.tm_mday % 100);
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int reg_date_valid(const char *t)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (strlen(t) != 10 || t[4] != '-' || t[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
            return 0;
    int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 +
            (t[3] - '0');
    int m = (t[5] - '0') * 10 + (t[6] - '0');
    int d = (t[8] - '0') * 10 + (t[9] - '0');
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= mdays[m - 1] + (m == 2 && leap(y));
}
