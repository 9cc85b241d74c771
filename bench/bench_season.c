/*
 * bench_season.c - wall time of whole heating seasons (15 Oct - 15 Apr,
 * 4,392 hourly steady solves of the network engine per scenario) with the
 * synthetic Hohhot year, load excluded... and included where said:
 *   - the embedded Tuoketuo-Hohhot line, as-is alone and all three
 *     scenarios (floor: under 2 s);
 *   - the generated 10,000-pipe grid (bench/networks.sh; grid_10000.inp
 *     with the heat-transfer data of grid_10000.json), as-is (it has no
 *     fittings, so the other scenarios would repeat it) (floor: 60 s).
 * Medians of RUNS runs (default 5) and GRID_RUNS runs for the grid
 * (default 3, the environment's HL_BENCH_GRID_RUNS).
 *   bench_season [RUNS] [NET_DIR]   (NET_DIR default bench/out)
 * Each season includes loading the model and its first solve (hl_season_run
 * does both); the load of the weather year is excluded.
 */
#include "heatline.h"

#include <jansson.h>
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

/* One season as a user runs it: the model loaded, then the season (the
 * load is timed too, as it was when the season loaded the file itself). */
static int one_run(const char *model, const hl_load_options *load,
                   const hl_weather *w, const hl_season_options *o,
                   double *secs)
{
    hl_season *s = NULL;
    hl_model *m = NULL;
    hl_error err;
    hl_error_clear(&err);
    double t0 = now();
    if (hl_model_load_with(&m, model, load)) {
        fprintf(stderr, "bench_season: %s\n", hl_model_error(m));
        hl_model_free(m);
        return 1;
    }
    int rc = hl_season_run(&s, m, w, o, &err);
    *secs = now() - t0;
    if (rc)
        fprintf(stderr, "bench_season: %s\n", err.message);
    hl_season_free(s);
    hl_model_free(m);
    return rc != 0;
}

static int timed(const char *label, const char *model,
                 const hl_load_options *load, const hl_weather *w,
                 const hl_season_options *o, int runs)
{
    double t[100];
    for (int r = 0; r < runs; r++)
        if (one_run(model, load, w, o, &t[r]))
            return 1;
    qsort(t, (size_t)runs, sizeof t[0], by_value);
    int n = o->n_scenarios ? o->n_scenarios : 3;
    printf("%s, whole season, %d scenario(s): median %.3f s of %d runs "
           "(%d hourly solves each, %.0f us per solve)\n",
           label, n, t[runs / 2], runs, 4392 * n,
           1e6 * t[runs / 2] / (4392.0 * n));
    return 0;
}

/* Heat-transfer data of a generated network (its neutral JSON). */
static int grid_options(const char *json_path, hl_load_options *l)
{
    json_error_t e;
    json_t *root = json_load_file(json_path, 0, &e);
    if (!root) {
        fprintf(stderr, "bench_season: %s: %s (run bench/networks.sh)\n",
                json_path, e.text);
        return 0;
    }
    json_t *par = json_object_get(root, "params");
    hl_load_options_init(l);
    l->inp_u_w_m2k = json_number_value(json_object_get(par, "U"));
    l->inp_ambient_k =
        json_number_value(json_object_get(par, "t_amb")) + HL_ZERO_C_K;
    l->inp_supply_temp_k =
        json_number_value(json_object_get(par, "t_supply")) + HL_ZERO_C_K;
    l->inp_cp_j_kgk = json_number_value(
        json_object_get(json_object_get(root, "fluid"), "cp"));
    json_decref(root);
    return 1;
}

static int bench_grid(const char *dir, const hl_weather *w, hl_season_options o)
{
    char inp[2048], json[2048];
    snprintf(inp, sizeof inp, "%s/grid_10000.inp", dir);
    snprintf(json, sizeof json, "%s/grid_10000.json", dir);
    hl_load_options l;
    if (!grid_options(json, &l))
        return 0; /* not generated: skipped, said on stderr */
    const char *env = getenv("HL_BENCH_GRID_RUNS");
    int runs = env ? atoi(env) : 3;
    o.n_scenarios = 1;
    o.scenario[0] = HL_SCEN_AS_IS;
    return timed("grid_10000", inp, &l, w, &o,
                 runs < 1 || runs > 100 ? 3 : runs);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    hl_error err;
    hl_error_clear(&err);
    hl_weather w;
    hl_season_options o;
    if (hl_weather_default(&w, &err)) {
        fprintf(stderr, "bench_season: %s\n", err.message);
        return 1;
    }
    hl_season_options_init(&o);
    int rc = 0;
    for (int c = 1; !rc && c <= 3; c += 2) {
        o.n_scenarios = c;
        for (int i = 0; i < c; i++)
            o.scenario[i] = i;
        rc = timed("default line", NULL, NULL, &w, &o, runs);
    }
    if (!rc)
        rc = bench_grid(argc > 2 ? argv[2] : "bench/out", &w, o);
    hl_weather_free(&w);
    return rc;
}
