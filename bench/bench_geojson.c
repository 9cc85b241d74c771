/*
 * bench_geojson.c - how long a GeoJSON network takes to import (read,
 * parse, match pipe ends to nodes, build and check the network; no solve):
 * the median of HL_BENCH_RUNS (default 5) loads of FILE. Issue 15 asks for
 * a 100,000-pipe GeoJSON under 1 s. Make one with
 *   bench/networks.sh (grid_100000.inp), coordinates added, then
 *   heatline run grid.inp --geojson grid.geojson
 * (bench/README.md).
 *
 * usage: bench_geojson FILE.geojson
 */
#include "heatline.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_geojson FILE.geojson\n");
        return 2;
    }
    const char *env = getenv("HL_BENCH_RUNS");
    int runs = env ? atoi(env) : 5;
    if (runs < 1 || runs > 101)
        runs = 5;
    double t[101];
    int pipes = 0;
    for (int r = 0; r < runs; r++) {
        hl_model *m = NULL;
        double t0 = now();
        int rc = hl_model_load(&m, argv[1]);
        t[r] = now() - t0;
        if (rc) {
            fprintf(stderr, "bench_geojson: %s\n", hl_model_error(m));
            hl_model_free(m);
            return 1;
        }
        pipes = hl_model_count(m, HL_PIPE);
        hl_model_free(m);
    }
    qsort(t, (size_t)runs, sizeof t[0], cmp);
    printf("GeoJSON import of %s: %d pipes, median %.3f s of %d loads "
           "(min %.3f, max %.3f)\n",
           argv[1], pipes, t[runs / 2], runs, t[0], t[runs - 1]);
    return 0;
}
