/*
 * bench_dynamic.c - the transport engine (heatline_dynamic.h): the default
 * line for a whole heating season (4392 h, hydraulics re-solved hourly,
 * 5 min transport steps, the plant's supply swinging +-10 K a day), and
 * each EPANET .inp network named (bench/networks.sh writes the ladder) for
 * 24 h at the same steps. Prints the median of HL_BENCH_RUNS (default 3)
 * runs of the time stepping (the load excluded), the parcels in flight and
 * their bytes per pipe.
 *
 * usage: bench_dynamic [DIR NET...]   e.g. bench_dynamic bench/out grid_1000
 */
#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_RUNS 21

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct result {
    double seconds;
    long parcels;
    size_t bytes;
    double residual;
    int unshifted, kept;
} result;

/* The season's conditions at time t of the run: demand by the outdoor
 * temperature, supply by the reset curve (linear between hours). */
typedef struct season_drive {
    hl_weather w;
    int first, count;
    hl_operation op;
    double load_w, scale0;
} season_drive;

static season_drive *drive; /* NULL: the supply on a daily sine */

static int drive_open(const hl_model *m)
{
    static season_drive s;
    hl_error err;
    hl_totals t;
    hl_model *c = NULL;
    hl_error_clear(&err);
    if (hl_weather_default(&s.w, &err) ||
        hl_weather_select(&s.w, NULL, NULL, &s.first, &s.count, &err) ||
        hl_model_clone(m, &c) || hl_model_solve(c, NULL) ||
        hl_model_totals(c, &t) || hl_model_demand_scale(c, &s.scale0)) {
        hl_model_free(c);
        return -1;
    }
    hl_model_free(c);
    s.load_w = t.heat_delivered_w;
    hl_operation_hohhot(&s.op);
    s.op.design_load_w = s.load_w;
    drive = &s;
    return 0;
}

static int conditions(hl_model *run, double t)
{
    if (!drive) {
        double sup = 120.0 + 10.0 * sin(2.0 * M_PI * t / 86400.0);
        return hl_model_set_supply_temp(run, NULL, sup + HL_ZERO_C_K);
    }
    int k = (int)(t / 3600.0);
    double f = t / 3600.0 - k;
    double a = drive->w.dry_bulb_k[(drive->first + k) % drive->w.n];
    double b = drive->w.dry_bulb_k[(drive->first + k + 1) % drive->w.n];
    double out = a + f * (b - a);
    double want = fmin(hl_demand_w(&drive->op, out), drive->op.design_load_w);
    return hl_model_set_demand_scale(run,
                                     drive->scale0 * want / drive->load_w) ||
           hl_model_set_supply_temp(run, NULL,
                                    hl_supply_temp_k(&drive->op, out)) ||
           hl_model_set_air_temp(run, out);
}

/* Steps through the hours at 5 min. */
static int run(hl_model *m, double hours, result *out)
{
    hl_dynamic *d = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (drive && conditions(m, 150.0))
        return -1;
    if (hl_dynamic_new(&d, m, NULL, &err)) {
        fprintf(stderr, "bench_dynamic: %s\n", err.message);
        return -1;
    }
    hl_model *run = hl_dynamic_model(d);
    double t0 = now_s();
    while (hl_dynamic_time(d) < hours * 3600.0 - 1.0) {
        if (conditions(run, hl_dynamic_time(d) + 150.0) || hl_dynamic_step(d)) {
            fprintf(stderr, "bench_dynamic: %s\n", hl_dynamic_error(d));
            hl_dynamic_free(d);
            return -1;
        }
    }
    out->seconds = now_s() - t0;
    hl_dynamic_energy e;
    hl_dynamic_energy_state(d, &e);
    out->parcels = e.parcels;
    out->bytes = e.parcel_bytes;
    out->residual = e.max_step_relative_residual;
    out->unshifted = e.unshifted_solves;
    out->kept = e.kept_flow_hours;
    hl_dynamic_free(d);
    return 0;
}

static int bench(const char *name, const char *path, double hours, int runs)
{
    double t[MAX_RUNS];
    result r = {0};
    int pipes = 0;
    for (int k = 0; k < runs; k++) {
        hl_model *m = NULL;
        if (hl_model_load(&m, path)) {
            fprintf(stderr, "bench_dynamic: %s\n", hl_model_error(m));
            hl_model_free(m);
            return 1;
        }
        pipes = hl_model_count(m, HL_PIPE);
        int rc = run(m, hours, &r);
        hl_model_free(m);
        if (rc)
            return 1;
        t[k] = r.seconds;
    }
    qsort(t, (size_t)runs, sizeof t[0], cmp_double);
    printf("%-24s %6d pipes %7.0f h  median %8.3f s (min %.3f, max %.3f, "
           "%d runs)  %ld parcels, %.0f bytes/pipe, worst step residual "
           "%.1e, %d under-supplied solves, %d hours flows kept\n",
           name, pipes, hours, t[runs / 2], t[0], t[runs - 1], runs, r.parcels,
           pipes ? (double)r.bytes / pipes : 0.0, r.residual, r.unshifted,
           r.kept);
    return 0;
}

int main(int argc, char **argv)
{
    const char *env = getenv("HL_BENCH_RUNS");
    int runs = env ? atoi(env) : 3;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 3;
    if (argc < 2) {
        hl_model *m = NULL;
        int bad = hl_model_load(&m, NULL) || drive_open(m);
        hl_model_free(m);
        if (bad)
            return fprintf(stderr, "bench_dynamic: no season drive\n"), 1;
        return bench("default line, season", NULL,
                     getenv("HL_BENCH_HOURS") ? atof(getenv("HL_BENCH_HOURS"))
                                              : 4392.0,
                     runs);
    }
    int rc = 0;
    for (int i = 2; i < argc; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.inp", argv[1], argv[i]);
        rc |= bench(argv[i], path, 24.0, runs);
    }
    return rc;
}
