/*
 * bench_register.c - the register's two speed targets (issue 17): the
 * import of 100,000 inspection rows, and `status` on a register holding
 * 1,000,000 history rows. The rows are INVENTED: the 400 fittings of the
 * default line over 250 days, a supply temperature per day (the reset
 * curve's range) and a chamber air per chamber and day, so the import
 * runs the model and the fitting engine as a real campaign would.
 * Wall and CPU time (the machine may be shared: CPU time is what the
 * program costs); status is the median of HL_BENCH_RUNS (default 11).
 *
 * usage: bench_register [DIR]   (DIR default /tmp; files are removed)
 */
#include "heatline.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int write_campaign(hl_register *r, const char *db, const char *csv)
{
    (void)r;
    sqlite3 *s;
    sqlite3_stmt *st;
    if (sqlite3_open_v2(db, &s, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s, "SELECT id, chamber_id FROM fittings", -1, &st,
                           NULL) != SQLITE_OK)
        return 1;
    char id[400][64];
    int chamber[400], n = 0, last = -1;
    char prev[64] = "";
    while (n < 400 && sqlite3_step(st) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 1);
        snprintf(id[n], sizeof id[n], "%s", sqlite3_column_text(st, 0));
        if (strcmp(c, prev) != 0) {
            last++;
            snprintf(prev, sizeof prev, "%s", c);
        }
        chamber[n++] = last;
    }
    sqlite3_finalize(st);
    sqlite3_close(s);
    FILE *f = fopen(csv, "w");
    if (!f)
        return 1;
    fprintf(f, "fitting_id,date,inspector,supply_c,air_c,hottest_c\n");
    for (int d = 0; d < 250; d++) {
        double supply = 90.0 + 0.16 * (d % 250); /* 90 .. 130 C */
        for (int i = 0; i < n; i++) {
            double air = 10.0 + (double)((chamber[i] * 7 + d) % 20);
            fprintf(f, "%s,2026-%02d-%02d,bench,%.1f,%.1f,%.1f\n", id[i],
                    1 + d / 28 % 12, 1 + d % 28, supply, air, air + 20.0);
        }
    }
    return fclose(f) != 0;
}

static int add_history(const char *db, int n)
{
    sqlite3 *s;
    char sql[400];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
             "WHERE i < %d) INSERT INTO history(at, who, item, chamber, "
             "action, detail) SELECT '2026-01-01T00:00:00Z', 'bench', "
             "'F' || (i %% 400), 'C' || (i %% 50), 'note', 'bench row' "
             "FROM k",
             n);
    int rc = sqlite3_open(db, &s) != SQLITE_OK ||
             sqlite3_exec(s, sql, NULL, NULL, NULL) != SQLITE_OK;
    sqlite3_close(s);
    return rc;
}

static void remove_db(const char *db)
{
    char side[600];
    remove(db);
    snprintf(side, sizeof side, "%s-wal", db);
    remove(side);
    snprintf(side, sizeof side, "%s-shm", db);
    remove(side);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    const char *runs_env = getenv("HL_BENCH_RUNS");
    int runs = runs_env ? atoi(runs_env) : 11;
    char db[512], csv[512];
    snprintf(db, sizeof db, "%s/bench_register_%d.db", dir, (int)getpid());
    snprintf(csv, sizeof csv, "%s/bench_register_%d.csv", dir, (int)getpid());
    hl_register *r = NULL;
    hl_error err;
    hl_error_clear(&err);
    /* three imports, each into a new register: the median */
    double iw[3] = {0}, ic[3] = {0};
    hl_register_import_result res;
    int rc = HL_OK;
    for (int k = 0; !rc && k < 3; k++) {
        remove_db(db);
        rc = hl_register_init(&r, db, NULL, "bench", &err);
        if (!rc && k == 0 && write_campaign(r, db, csv))
            rc = hl_error_set(&err, HL_EIO, "%s: cannot write", csv);
        hl_register_close(r);
        r = NULL;
        double w0 = wall(), c0 = cpu();
        if (!rc)
            rc = hl_register_open(&r, db, &err);
        if (!rc)
            rc = hl_register_import(r, csv, NULL, &res, &err);
        iw[k] = wall() - w0;
        ic[k] = cpu() - c0;
        hl_register_close(r);
        r = NULL;
    }
    if (!rc) {
        qsort(iw, 3, sizeof *iw, cmp);
        qsort(ic, 3, sizeof *ic, cmp);
        printf("import of %d rows (open, model runs, %d findings): median of "
               "3: %.2f s wall, %.2f s CPU\n",
               res.rows, res.findings, iw[1], ic[1]);
        if (add_history(db, 1000000))
            rc = hl_error_set(&err, HL_EIO, "%s: history rows", db);
    }
    double *t = calloc((size_t)(runs > 0 ? runs : 1), sizeof *t);
    for (int i = 0; !rc && t && i < runs; i++) {
        hl_register_status s;
        double s0 = wall();
        rc = hl_register_open(&r, db, &err);
        if (!rc)
            rc = hl_register_status_get(r, &s, &err);
        t[i] = wall() - s0;
        hl_register_close(r);
        r = NULL;
        if (!rc && i == 0)
            printf("status on %lld history rows:", s.history_rows);
    }
    if (!rc && t) {
        qsort(t, (size_t)runs, sizeof *t, cmp);
        printf(" median %.1f ms (open + status) of %d runs\n",
               1e3 * t[runs / 2], runs);
    }
    free(t);
    remove(csv);
    remove_db(db);
    if (rc)
        fprintf(stderr, "bench_register: %s\n", err.message);
    return rc ? 1 : 0;
}
