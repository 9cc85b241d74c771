/*
 * bench_surface.c - forward solves per second of a two-layer insulated pipe
 * (rock wool with its GB 50264 lambda(T) under an aluminium jacket, DN200,
 * iso12241 coefficients, still air) at process temperatures 100..299 C.
 * Prints the median of five runs, one solve per call (hl_surface_solve),
 * one per call of a wall prepared once (hl_surface_solve_prepared) and in
 * sweeps of the 200 temperatures (hl_surface_solve_sweep).
 * Floor (issue 2): 1,000,000 solves per second on one core.
 *
 *     bench_surface [N] [single|prepared|sweep]   N solves per run; every
 *                                                  mode unless one is named
 */
#include "heatline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int build_input(hl_surface_in *in)
{
    hl_material_db *db;
    hl_error err;
    hl_error_clear(&err);
    if (hl_material_db_new(&db, &err))
        return fprintf(stderr, "%s\n", err.message), 1;
    hl_surface_in_init(in);
    in->diameter_m = 0.2191;
    in->outer.air_k = in->outer.radiant_k = HL_ZERO_C_K + 20.0;
    hl_layer_from_material(hl_material_find(db, "rock-wool"), 0.08,
                           &in->layer[0]);
    hl_layer_from_material(hl_material_find(db, "aluminium-jacket"), 0.0008,
                           &in->layer[1]);
    in->n_layers = 2;
    in->outer.emissivity = 0.2;
    hl_material_db_free(db);
    return 0;
}

static void report(const char *what, double *rate, const char *extra)
{
    qsort(rate, 5, sizeof rate[0], cmp);
    printf("surface solve (2-layer pipe, iso12241, %s): median %.0f "
           "solves/s (min %.0f, max %.0f)%s\n",
           what, rate[2], rate[0], rate[4], extra);
}

static int run_single(const hl_surface_in *in0, long n)
{
    hl_surface_in in = *in0;
    double rate[5], sink = 0.0;
    long iterations = 0;
    for (int run = 0; run < 5; run++) {
        double t0 = now_s();
        for (long i = 0; i < n; i++) {
            hl_surface_out out;
            in.inner_temp_k = HL_ZERO_C_K + 100.0 + (double)(i % 200);
            if (hl_surface_solve(&in, &out, NULL))
                return fprintf(stderr, "solve failed\n"), 1;
            sink += out.heat_flow;
            iterations += out.iterations;
        }
        rate[run] = (double)n / (now_s() - t0);
    }
    char extra[96];
    snprintf(extra, sizeof extra, ", %.2f iterations/solve [checksum %.6g]",
             (double)iterations / (5.0 * (double)n), sink);
    report("one per call", rate, extra);
    return 0;
}

/* One solve per call of a wall prepared once (hl_surface_prepare): the
 * same solves as run_single, bit for bit. */
static int run_prepared(const hl_surface_in *in, long n)
{
    hl_surface_wall *w;
    double rate[5], sink = 0.0;
    if (hl_surface_prepare(in, &w, NULL))
        return fprintf(stderr, "prepare failed\n"), 1;
    for (int run = 0; run < 5; run++) {
        double t0 = now_s();
        for (long i = 0; i < n; i++) {
            hl_surface_out out;
            double t = HL_ZERO_C_K + 100.0 + (double)(i % 200);
            if (hl_surface_solve_prepared(w, t, &out, NULL))
                return fprintf(stderr, "solve failed\n"), 1;
            sink += out.heat_flow;
        }
        rate[run] = (double)n / (now_s() - t0);
    }
    hl_surface_wall_free(w);
    char extra[64];
    snprintf(extra, sizeof extra, " [checksum %.6g]", sink);
    report("prepared wall, one per call", rate, extra);
    return 0;
}

static int run_sweep(const hl_surface_in *in, long n)
{
    double t[200], q[200], rate[5], sink = 0.0;
    for (int i = 0; i < 200; i++)
        t[i] = HL_ZERO_C_K + 100.0 + (double)i;
    for (int run = 0; run < 5; run++) {
        double t0 = now_s();
        for (long done = 0; done < n; done += 200) {
            size_t m = (size_t)(n - done < 200 ? n - done : 200);
            if (hl_surface_solve_sweep(in, t, m, q, NULL, NULL))
                return fprintf(stderr, "sweep failed\n"), 1;
            for (size_t i = 0; i < m; i++)
                sink += q[i];
        }
        rate[run] = (double)n / (now_s() - t0);
    }
    char extra[64];
    snprintf(extra, sizeof extra, " [checksum %.6g]", sink);
    report("sweeps of 200", rate, extra);
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 2000000;
    const char *mode = argc > 2 ? argv[2] : "";
    hl_surface_in in;
    if (build_input(&in))
        return 1;
    int all = !*mode;
    if ((all || strcmp(mode, "single") == 0) && run_single(&in, n))
        return 1;
    if ((all || strcmp(mode, "prepared") == 0) && run_prepared(&in, n))
        return 1;
    if ((all || strcmp(mode, "sweep") == 0) && run_sweep(&in, n))
        return 1;
    return 0;
}
