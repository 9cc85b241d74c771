/*
 * surface_range.c - `heatline surface --temp FROM:TO:STEP`: one wall at a
 * range of process temperatures, as 3E Plus tabulates them, solved in one
 * hl_surface_solve_sweep (the wall checked and prepared once, each solve
 * started from the one before). docs/cli.md, "heatline surface".
 */
#include "cli.h"
#include "surface_args.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 100000

/* FROM and TO in the range of a process temperature, FROM <= TO, STEP > 0,
 * at most MAX_ROWS rows; TO is a row when it falls on the grid. */
int surface_range_parse(const char *cmd, const char *v, temp_range *r)
{
    char buf[96], *b, *c;
    if (strlen(v) >= sizeof buf || !(b = strchr(strcpy(buf, v), ':')) ||
        !(c = strchr(b + 1, ':')) || strchr(c + 1, ':'))
        return !cli_fail(cmd, "--temp '%s': expected C or FROM:TO:STEP in C",
                         v);
    *b = *c = '\0';
    double f, t, s;
    if (!cli_quantity(cmd, "--temp FROM", buf, HL_Q_PROCESS_TEMP_C, &f) ||
        !cli_quantity(cmd, "--temp TO", b + 1, HL_Q_PROCESS_TEMP_C, &t) ||
        !cli_number(cmd, "--temp STEP", c + 1, &s))
        return 0;
    if (!(s > 0))
        return !cli_fail(cmd, "--temp '%s': STEP must be above 0", v);
    if (f > t)
        return !cli_fail(cmd, "--temp '%s': FROM must not exceed TO", v);
    /* 1e-9: TO on the grid despite the rounding of (TO - FROM) / STEP */
    double rows = floor((t - f) / s + 1e-9) + 1.0;
    if (rows > MAX_ROWS)
        return !cli_fail(cmd, "--temp '%s': %.0f rows, at most %d", v, rows,
                         MAX_ROWS);
    r->on = 1;
    r->from_c = f, r->to_c = t, r->step_c = s;
    r->n = (size_t)rows;
    return 1;
}

/* What the single run derives from the surface temperature: the flux at
 * the outer surface and the outer coefficients there. */
static int fill_row(const surface_args *a, double q, double ts_k,
                    hl_surface_out *o)
{
    const hl_surface_in *in = &a->in;
    double d = in->diameter_m;
    for (int i = 0; i < in->n_layers; i++)
        d += 2.0 * in->layer[i].thickness_m;
    double area = in->shape == HL_SHAPE_PIPE     ? M_PI * d
                  : in->shape == HL_SHAPE_SPHERE ? M_PI * d * d
                                                 : 1.0;
    memset(o, 0, sizeof *o);
    o->heat_flow = q;
    o->heat_flux_w_m2 = q / area;
    o->surface_temp_k = ts_k;
    o->outer_diameter_m = in->shape == HL_SHAPE_FLAT ? 0.0 : d;
    return hl_outer_coefficients(&in->outer, ts_k, d, &o->h_conv, &o->h_rad);
}

static void print_text_head(const surface_args *a)
{
    const hl_surface_in *in = &a->in;
    surface_print_conditions(a);
    if (in->n_layers > 0) {
        printf("\n  %-3s %-26s %12s\n", "#", "layer", "thickness mm");
        for (int i = 0; i < in->n_layers; i++)
            printf("  %-3d %-26s %12.2f\n", i + 1, in->layer[i].name,
                   in->layer[i].thickness_m * 1e3);
    }
    char loss[32];
    snprintf(loss, sizeof loss, "heat loss %s", surface_flow_unit(in->shape));
    printf("\n  %10s %14s %14s %10s %13s %13s\n", "process C", loss,
           "flux W/m2", "surface C", "h conv W/m2K", "h rad W/m2K");
}

static void print_text_row(double process_c, const hl_surface_out *o)
{
    printf("  %10.2f %14.2f %14.2f %10.2f %13.3f %13.3f\n", process_c,
           o->heat_flow, o->heat_flux_w_m2, o->surface_temp_k - HL_ZERO_C_K,
           o->h_conv, o->h_rad);
}

/* Rows from the sweep's heat flows and surface temperatures, as text or
 * into the JSON array rows. */
static int report_rows(const surface_args *a, const double *t_c,
                       const double *q, const double *ts, json_t *rows)
{
    if (!rows)
        print_text_head(a);
    for (size_t i = 0; i < a->range.n; i++) {
        hl_surface_out o;
        if (fill_row(a, q[i], ts[i], &o))
            return cli_fail("surface", "outer coefficients at %.2f C failed",
                            t_c[i]);
        if (!rows) {
            print_text_row(t_c[i], &o);
            continue;
        }
        json_t *r = json_object();
        json_object_set_new(r, "process_temp_c", cli_json_number(t_c[i]));
        json_t *single = surface_json(a, &o, 0, -1.0);
        json_object_update(r, single);
        json_decref(single);
        json_array_append_new(rows, r);
    }
    return 0;
}

static int print_json(const surface_args *a, const double *t_c, const double *q,
                      const double *ts)
{
    json_t *rows = json_array();
    json_t *r = json_object();
    json_object_set_new(r, "process_from_c", cli_json_number(a->range.from_c));
    json_object_set_new(r, "process_to_c", cli_json_number(a->range.to_c));
    json_object_set_new(r, "process_step_k", cli_json_number(a->range.step_c));
    json_object_set_new(r, "rows", rows);
    if (report_rows(a, t_c, q, ts, rows)) {
        json_decref(r);
        return EXIT_USAGE;
    }
    return cli_json_print(r);
}

int surface_range_run(const surface_args *a)
{
    size_t n = a->range.n;
    double *t_c = malloc(n * sizeof *t_c), *t_k = malloc(n * sizeof *t_k);
    double *q = malloc(n * sizeof *q), *ts = malloc(n * sizeof *ts);
    int rc = EXIT_USAGE;
    if (!t_c || !t_k || !q || !ts) {
        cli_fail("surface", "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        /* not beyond TO by the rounding of FROM + i STEP */
        t_c[i] =
            fmin(a->range.from_c + (double)i * a->range.step_c, a->range.to_c);
        t_k[i] = t_c[i] + HL_ZERO_C_K;
    }
    hl_error err;
    hl_error_clear(&err);
    if (hl_surface_solve_sweep(&a->in, t_k, n, q, ts, &err)) {
        cli_fail("surface", "%s", err.message);
        goto done;
    }
    rc = a->json ? print_json(a, t_c, q, ts) : report_rows(a, t_c, q, ts, 0);
done:
    free(t_c), free(t_k), free(q), free(ts);
    return rc;
}
