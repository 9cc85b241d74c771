/*
 * export.c - every table of the register as a CSV file in a directory
 * (temperatures as kept, in K; the column names say the unit). Each file
 * is written to a temporary name and renamed: whole or not at all.
 */
#include "io/io.h"
#include "register/register_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const tables[] = {
    "chambers",  "fittings", "batches",       "inspections", "findings",
    "decisions", "work",     "verifications", "history"};

static void put_cell(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\n\r") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void put_line(FILE *f, char *const *cells, int n)
{
    for (int c = 0; c < n; c++) {
        if (c)
            fputc(',', f);
        put_cell(f, cells[c]);
    }
    fputc('\n', f);
}

static int export_table(hl_register *r, const char *dir, const char *name,
                        hl_error *err)
{
    char sql[96], path[4096];
    hl_register_table t;
    snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY rowid", name);
    int rc = reg_table_query(r, sql, NULL, &t, err);
    if (rc)
        return rc;
    snprintf(path, sizeof path, "%s/%s.csv", dir, name);
    atomic_file a;
    if ((rc = atomic_open(&a, path, err)) == HL_OK) {
        put_line(a.f, t.header, t.n_cols);
        for (int i = 0; i < t.n_rows; i++)
            put_line(a.f, t.cell + (size_t)i * (size_t)t.n_cols, t.n_cols);
        rc = atomic_commit(&a, err);
    }
    hl_register_table_free(&t);
    return rc;
}

int hl_register_export(hl_register *r, const char *dir, hl_error *err)
{
    if (!r || !dir)
        return hl_error_set(err, HL_EINVAL, "register export: NULL argument");
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return hl_error_set(err, HL_EIO, "%s: cannot create: %s", dir,
                            strerror(errno));
    /* one read transaction: the files agree with each other */
    int rc = reg_exec(r, "BEGIN", err);
    for (size_t i = 0; !rc && i < sizeof tables / sizeof tables[0]; i++)
        rc = export_table(r, dir, tables[i], err);
    reg_rollback(r);
    return rc;
}
