/*
 * bench_season.c - wall time of whole heating seasons (15 Oct - 15 Apr,
 * 4,392 hourly steady solves per scenario) on the embedded line with the
 * synthetic Hohhot year: load excluded, median of the runs printed.
 *   bench_season [RUNS]   (default 5)
 */
#include "heatline.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int one_run(const hl_weather *w, const hl_season_options *o,
                   double *secs)
{
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    double t0 = now();
    if (hl_season_run(&s, NULL, w, o, &err)) {
        fprintf(stderr, "bench_season: %s\n", err.message);
        return 1;
    }
    *secs = now() - t0;
    hl_season_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    hl_error err;
    hl_error_clear(&err);
    hl_material_db *db = NULL;
    hl_weather w;
    hl_season_options o;
    if (hl_material_db_new(&db, &err) || hl_weather_default(&w, &err) ||
        hl_season_options_init(&o, db, &err)) {
        fprintf(stderr, "bench_season: %s\n", err.message);
        return 1;
    }
    const int n_scen[2] = {1, 3};
    for (int c = 0; c < 2; c++) {
        double t[100];
        o.n_scenarios = n_scen[c];
        for (int i = 0; i < n_scen[c]; i++)
            o.scenario[i] = i;
        for (int r = 0; r < runs; r++)
            if (one_run(&w, &o, &t[r]))
                return 1;
        qsort(t, (size_t)runs, sizeof t[0], by_value);
        printf("default line, whole season, %d scenario(s): median %.3f s "
               "of %d runs (%d hourly solves each)\n",
               n_scen[c], t[runs / 2], runs, 4392 * n_scen[c]);
    }
    hl_weather_free(&w);
    hl_material_db_free(db);
    return 0;
}
