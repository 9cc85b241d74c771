/*
 * bench_surge.c - speed of the surge engine (issue 12): grid-point updates
 * per second of the method of characteristics, on
 *   1. the default line, relay station PS2 tripping, 300 s simulated at
 *      dx 50 m (the case: goal under 10 s, >= 50 million point
 *      updates per second per core);
 *   2. a generated meshed network (bench/networks.sh writes
 *      bench/out/grid_10000.inp), 60 s at dx 50 m. The generated grid has
 *      no valve or pump, so it runs with no event: the per-point work of
 *      the MOC is the same (the junction and device solves differ).
 * The model is loaded and solved once; each run is hl_surge_run alone
 * (grid, initial state, stepping, envelopes). Median of HL_BENCH_RUNS
 * (default 5) runs, wall and process CPU time.
 *
 * usage: bench_surge [GRID.inp]   (default bench/out/grid_10000.inp)
 */
#include "heatline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_RUNS 21

static double wall_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static int bench(const char *label, const char *path, const hl_surge_options *o,
                 int runs)
{
    hl_model *m = NULL;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL)) {
        fprintf(stderr, "bench_surge: %s: %s\n", label, hl_model_error(m));
        hl_model_free(m);
        return 1;
    }
    double wall[MAX_RUNS], cpu[MAX_RUNS];
    hl_surge_grid g = {0};
    for (int r = 0; r < runs; r++) {
        hl_surge *s = NULL;
        hl_error err;
        hl_error_clear(&err);
        double w0 = wall_s(), c0 = cpu_s();
        if (hl_surge_run(&s, m, o, &err)) {
            fprintf(stderr, "bench_surge: %s: %s\n", label, err.message);
            hl_model_free(m);
            return 1;
        }
        wall[r] = wall_s() - w0;
        cpu[r] = cpu_s() - c0;
        hl_surge_grid_info(s, &g);
        hl_surge_free(s);
    }
    double updates = (double)g.points * (double)g.steps;
    double mw = median(wall, runs), mc = median(cpu, runs);
    printf("%-34s %6ld points %7ld steps  wall %7.3f s  cpu %7.3f s  "
           "%6.1f M point-updates/s (cpu)\n",
           label, g.points, g.steps, mw, mc, updates / mc / 1e6);
    hl_model_free(m);
    return 0;
}

int main(int argc, char **argv)
{
    const char *grid = argc > 1 ? argv[1] : "bench/out/grid_10000.inp";
    const char *env = getenv("HL_BENCH_RUNS");
    int runs = env ? atoi(env) : 5;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 5;
    printf("bench_surge: median of %d runs\n", runs);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_STATION_TRIP;
    o.target = "relay PS2";
    o.duration_s = 300.0;
    o.dx_m = 50.0;
    int rc = bench("default line, PS2 trip, 300 s", NULL, &o, runs);
    hl_surge_options_default(&o);
    o.duration_s = 60.0;
    o.dx_m = 50.0;
    rc |= bench("grid_10000, no event, 60 s", grid, &o, runs);
    return rc;
}
