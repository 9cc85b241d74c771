/*
 * bench_load.c - what the input checks cost when a model is loaded: the
 * median load time (read + checks + build) of the embedded default model
 * and of a generated flat model of N nodes and N pipes, next to the time
 * of one libyaml event pass over the same text (the cost of the nesting
 * check that runs before the document is built, read_model.c). Median of
 * HL_BENCH_RUNS (default 9) runs.
 *
 * usage: bench_load [N]   (N default 20000)
 */
#include "heatline.h"
#include "util/util.h" /* the embedded default model's text */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

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

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return v[n / 2];
}

static void event_pass(const char *text, size_t len)
{
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    for (int done = 0; !done;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e))
            break;
        done = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
}

/* A line of n pipes in flow-style YAML. */
static char *flat_model(int n, size_t *len)
{
    size_t cap = (size_t)n * 200 + 256, at = 0;
    char *s = malloc(cap);
    if (!s)
        exit(1);
    at += (size_t)snprintf(s + at, cap - at,
                           "heatline_model: 1\nnodes:\n  - {id: N0, "
                           "pressure_bar_g: 6, inflow_temp_c: 90}\n");
    for (int i = 1; i <= n; i++)
        at +=
            (size_t)snprintf(s + at, cap - at,
                             "  - {id: N%d, elevation_m: %d, demand_kg_per_s: "
                             "%s}\n",
                             i, i % 7, i == n ? "1" : "0");
    at += (size_t)snprintf(s + at, cap - at, "pipes:\n");
    for (int i = 1; i <= n; i++)
        at += (size_t)snprintf(s + at, cap - at,
                               "  - {id: P%d, from: N%d, to: N%d, length_m: "
                               "10, inner_diameter_mm: 100, roughness_mm: 0.1}"
                               "\n",
                               i, i - 1, i);
    *len = at;
    return s;
}

static void bench(const char *name, const char *text, size_t len,
                  const char *base, int runs)
{
    double load[64], pass[64];
    for (int r = 0; r < runs; r++) {
        hl_model *m = NULL;
        double t0 = now();
        int rc = hl_model_load_text(&m, text, len, name, base, NULL);
        load[r] = now() - t0;
        if (rc) {
            fprintf(stderr, "%s: %s\n", name, hl_model_error(m));
            exit(1);
        }
        hl_model_free(m);
        t0 = now();
        event_pass(text, len);
        pass[r] = now() - t0;
    }
    double l = median(load, runs), p = median(pass, runs);
    printf("%-22s %8zu bytes  load %8.3f ms  event pass %7.3f ms (%4.1f %%)\n",
           name, len, 1e3 * l, 1e3 * p, 100.0 * p / l);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 20000;
    const char *env = getenv("HL_BENCH_RUNS");
    int runs = env ? atoi(env) : 9;
    if (runs < 1 || runs > 64)
        runs = 9;
    size_t len;
    const char *text = hl_embedded_find("models/tuoketuo-hohhot.yaml", &len);
    if (text)
        bench("tuoketuo-hohhot.yaml", text, len, "embedded:models", runs);
    char *flat = flat_model(n, &len);
    char name[64];
    snprintf(name, sizeof name, "flat_%d.yaml", n);
    bench(name, flat, len, NULL, runs);
    free(flat);
    return 0;
}
