/*
 * surface_range.c - `heatline surface --temp FROM:TO:STEP`: one wall at a
 * range of process temperatures, as 3E Plus tabulates them, solved in one
 * hl_surface_solve_sweep (the wall checked and prepared once, each solve
 * started from the one before). docs/cli.md, "heatline surface".
 */
#include "cli.h"
#include "surface_args.h"
#include "util/json_out.h"

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

/* A row solved on its own (the wall's layer temperatures and its
 * warnings with it). */
static int solve_at(const surface_args *a, double t_c, hl_surface_out *o)
{
    hl_surface_in in = a->in;
    in.inner_temp_k = t_c + HL_ZERO_C_K;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surface_solve(&in, o, &err))
        return cli_fail("surface", "%s", err.message);
    return 0;
}

/* Whether a single run at either end of the range warns (a material beyond
 * its range, ...). The layers' temperatures move monotonically with the
 * process temperature, so where neither end warns no row does, and the
 * sweep's rows (heat and surface temperature only) say all there is; where
 * one does, every row is solved on its own so that each carries its
 * warnings, as a single run would. */
static int ends_warn(const surface_args *a, int *warn)
{
    hl_surface_out lo, hi;
    if (solve_at(a, a->range.from_c, &lo) || solve_at(a, a->range.to_c, &hi))
        return EXIT_USAGE;
    *warn = lo.warnings.count > 0 || hi.warnings.count > 0;
    return 0;
}

/* Each distinct warning once on standard error, whichever row gave it. */
static void warn_once(const hl_surface_out *o, hl_warnings *seen)
{
    for (int i = 0; i < o->warnings.count; i++) {
        int k = 0;
        while (k < seen->count && strcmp(seen->text[k], o->warnings.text[i]))
            k++;
        if (k < seen->count)
            continue;
        cli_warn("surface", o->warnings.text[i]);
        if (seen->count < HL_MAX_WARNINGS)
            hl_warnings_add(seen, "%s", o->warnings.text[i]);
    }
}

/* Row i: from the sweep's heat and surface temperature (q, ts), or solved
 * on its own when q is NULL. */
static int row_at(const surface_args *a, const double *t_c, const double *q,
                  const double *ts, size_t i, hl_surface_out *o)
{
    if (!q)
        return solve_at(a, t_c[i], o);
    if (fill_row(a, q[i], ts[i], o))
        return cli_fail("surface", "outer coefficients at %.2f C failed",
                        t_c[i]);
    return 0;
}

/* The rows as text, or streamed as the JSON array rows (one row's object
 * at a time, never the whole document). */
static int report_rows(const surface_args *a, const double *t_c,
                       const double *q, const double *ts, json_out *w)
{
    hl_warnings seen = {0};
    if (!w)
        print_text_head(a);
    for (size_t i = 0; i < a->range.n; i++) {
        hl_surface_out o;
        if (row_at(a, t_c, q, ts, i, &o))
            return EXIT_USAGE;
        warn_once(&o, &seen);
        if (!w) {
            print_text_row(t_c[i], &o);
            continue;
        }
        json_t *r = json_object();
        json_object_set_new(r, "process_temp_c", cli_json_number(t_c[i]));
        json_t *single = surface_json(a, &o, q == NULL, -1.0);
        json_object_update(r, single);
        json_decref(single);
        cli_json_out_value(w, NULL, r);
        json_decref(r);
    }
    return 0;
}

static int print_json(const surface_args *a, const double *t_c, const double *q,
                      const double *ts)
{
    json_out w;
    json_out_init(&w, json_out_file_sink, stdout);
    json_out_object(&w, NULL);
    json_out_real(&w, "process_from_c", a->range.from_c);
    json_out_real(&w, "process_to_c", a->range.to_c);
    json_out_real(&w, "process_step_k", a->range.step_c);
    json_out_array(&w, "rows");
    if (report_rows(a, t_c, q, ts, &w))
        return EXIT_USAGE;
    json_out_close(&w);
    json_out_close(&w);
    return cli_json_finish(&w);
}

static int sweep(const surface_args *a, const double *t_c, double *q,
                 double *ts)
{
    size_t n = a->range.n;
    double *t_k = malloc(n * sizeof *t_k);
    if (!t_k)
        return cli_fail("surface", "out of memory");
    for (size_t i = 0; i < n; i++)
        t_k[i] = t_c[i] + HL_ZERO_C_K;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_surface_solve_sweep(&a->in, t_k, n, q, ts, &err);
    free(t_k);
    return rc ? cli_fail("surface", "%s", err.message) : 0;
}

int surface_range_run(const surface_args *a)
{
    size_t n = a->range.n;
    double *t_c = malloc(n * sizeof *t_c);
    double *q = malloc(n * sizeof *q), *ts = malloc(n * sizeof *ts);
    int rc = EXIT_USAGE, warn = 0;
    if (!t_c || !q || !ts) {
        cli_fail("surface", "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) /* not beyond TO by the rounding */
        t_c[i] =
            fmin(a->range.from_c + (double)i * a->range.step_c, a->range.to_c);
    if (ends_warn(a, &warn) || (!warn && sweep(a, t_c, q, ts)))
        goto done;
    const double *qs = warn ? NULL : q;
    rc = a->json ? print_json(a, t_c, qs, ts) : report_rows(a, t_c, qs, ts, 0);
done:
    free(t_c), free(q), free(ts);
    return rc;
}
