/*
 * bench_fittings.c - throughput of the batch inventory: parse a fitting
 * inventory (CSV), solve every row (heat loss, surfaces, equivalent
 * length, verdict, minimum coating for coated rows) and format the result
 * table. The floor is 100,000 fittings per second on one core.
 *
 *   bench_fittings [ROWS] [RUNS]   (default 100000 rows, 5 runs)
 *
 * The inventory mixes every catalogue entry at random (fixed seed) with
 * medium 60-150 C, air 5-35 C and states bare (50 %), coated with 8 mm of
 * ceramic microbead (30 %) and a 25 mm jacket (20 %). Reports the median.
 */
#include "heatline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned long long seed = 88172645463325252ULL;

static double uniform(void) /* xorshift64 */
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (double)(seed >> 11) / 9007199254740992.0;
}

static char *make_inventory(const hl_fitting_catalog *cat, int rows,
                            size_t *len)
{
    static const char *const states[] = {"bare", "coated ceramic-microbead:8",
                                         "jacket k=0.04:25"};
    size_t cap = (size_t)rows * 96 + 128, at = 0;
    char *text = malloc(cap);
    if (!text)
        return NULL;
    at += (size_t)snprintf(text, cap, "id,type,dn,pn,temp_c,ambient_c,state\n");
    for (int i = 0; i < rows; i++) {
        hl_fitting_info info;
        hl_fitting_info_at(cat, (int)(uniform() * hl_fitting_count(cat)),
                           &info);
        double s = uniform();
        int st = s < 0.5 ? 0 : s < 0.8 ? 1 : 2;
        at += (size_t)snprintf(
            text + at, cap - at, "F%d,%s,%d,%d,%.1f,%.1f,%s\n", i,
            hl_fitting_type_name(info.type), info.dn, info.pn,
            60.0 + 90.0 * uniform(), 5.0 + 30.0 * uniform(), states[st]);
    }
    *len = at;
    return text;
}

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
    int rows = argc > 1 ? atoi(argv[1]) : 100000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (rows < 1 || runs < 1 || runs > 99)
        return fprintf(stderr, "usage: bench_fittings [ROWS] [RUNS]\n"), 2;
    hl_error err;
    hl_error_clear(&err);
    hl_fitting_catalog *cat = NULL;
    hl_material_db *db = NULL;
    if (hl_fitting_catalog_new(&cat, &err) || hl_material_db_new(&db, &err))
        return fprintf(stderr, "bench_fittings: %s\n", err.message), 1;
    size_t len = 0;
    char *text = make_inventory(cat, rows, &len);
    if (!text)
        return fprintf(stderr, "bench_fittings: out of memory\n"), 1;
    hl_inventory_options opt;
    memset(&opt, 0, sizeof opt);
    opt.materials = db;
    hl_fitting_conditions_init(&opt.defaults);
    hl_layer_from_material(hl_material_find(db, "pur-aged"), 0.1,
                           &opt.defaults.ref_layer);
    opt.defaults.ref_emissivity = 0.9;
    double t[99];
    for (int r = 0; r < runs; r++) {
        hl_inventory inv;
        char *out;
        size_t out_len;
        double t0 = now();
        if (hl_inventory_run(text, len, "bench", cat, &opt, &inv, &err) ||
            hl_inventory_format(&inv, cat, 0, &out, &out_len, &err))
            return fprintf(stderr, "bench_fittings: %s\n", err.message), 1;
        t[r] = now() - t0;
        printf("run %d: %.3f s, %.0f fittings/s (%zu bytes of CSV, total "
               "%.1f kW)\n",
               r + 1, t[r], rows / t[r], out_len, inv.totals.heat_loss_w / 1e3);
        free(out);
        hl_inventory_free(&inv);
    }
    qsort(t, (size_t)runs, sizeof t[0], cmp);
    printf("median of %d runs: %.3f s for %d fittings = %.0f fittings/s "
           "(floor 100000)\n",
           runs, t[runs / 2], rows, rows / t[runs / 2]);
    free(text);
    hl_material_db_free(db);
    hl_fitting_catalog_free(cat);
    return 0;
}
