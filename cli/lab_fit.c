/*
 * lab_fit.c - `heatline lab fit RUNS.csv`: lambda(T) of each material from
 * its runs at one ageing state, and with --name a material row for the
 * material table (--materials FILE of the other commands).
 */
#include "lab_fit.h"
#include "help/help.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum {
    O_MATERIAL = 256,
    O_CYCLES,
    O_DEGREE,
    O_DESIGN,
    O_COEF,
    O_EPS,
    O_NAME,
    O_CATEGORY,
    O_OUTPUT,
    O_JSON,
    O_HELP
};

static const struct option options[] = {
    {"material", required_argument, 0, O_MATERIAL},
    {"cycles", required_argument, 0, O_CYCLES},
    {"hours", required_argument, 0, O_CYCLES},
    {"degree", required_argument, 0, O_DEGREE},
    {"design-temp", required_argument, 0, O_DESIGN},
    {"coefficients", required_argument, 0, O_COEF},
    {"emissivity-step", required_argument, 0, O_EPS},
    {"name", required_argument, 0, O_NAME},
    {"category", required_argument, 0, O_CATEGORY},
    {"output", required_argument, 0, O_OUTPUT},
    {"json", no_argument, 0, O_JSON},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

static int set_degree(const char *v, fit_args *a)
{
    if (strcmp(v, "auto") == 0)
        a->degree = 0;
    else if (strcmp(v, "1") == 0 || strcmp(v, "2") == 0)
        a->degree = v[0] - '0';
    else
        return cli_fail(CMD, "--degree '%s': expected auto, 1 or 2", v);
    return 0;
}

static int take_option(int c, const char *v, fit_args *a)
{
    switch (c) {
    case O_MATERIAL:
        a->material = v;
        return 0;
    case O_CYCLES:
        return cli_quantity(CMD, "--cycles", v, HL_Q_AGE, &a->age) ? 0 : 2;
    case O_DEGREE:
        return set_degree(v, a);
    case O_DESIGN:
        return lab_temperature(CMD, "--design-temp", v, &a->design_k) ? 0 : 2;
    case O_COEF:
        return lab_coef_set(CMD, v, &a->coef_set) ? 0 : 2;
    case O_EPS:
        if (!cli_quantity(CMD, "--emissivity-step", v, HL_Q_EMISSIVITY,
                          &a->eps_step))
            return EXIT_USAGE;
        if (!(a->eps_step < 1)) /* a step, below the whole emissivity */
            return cli_fail(CMD,
                            "--emissivity-step '%s': expected a value "
                            "in (0, 1)",
                            v);
        return 0;
    case O_NAME:
        a->name = v;
        return 0;
    case O_CATEGORY:
        a->category = v;
        return 0;
    case O_OUTPUT:
        a->output = v;
        return 0;
    case O_JSON:
        a->json = 1;
        return 0;
    }
    return EXIT_USAGE;
}

static int check_args(const fit_args *a)
{
    if (!a->file)
        return cli_fail(CMD, "expected the runs file (heatline lab fit "
                             "RUNS.csv)");
    if ((a->output || a->category) && !a->name)
        return cli_fail(CMD, "--output and --category go with --name NAME");
    if (a->name && !a->output && a->json)
        return cli_fail(CMD, "--name without --output prints the material "
                             "row: --json needs --output FILE");
    if (a->name && (!a->name[0] || strchr(a->name, ',')))
        return cli_fail(CMD,
                        "--name '%s': expected a material id without "
                        "commas",
                        a->name);
    return 0;
}

static int take(void *ctx, int c, const char *v)
{
    return take_option(c, v, ctx);
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, fit_args *a)
{
    memset(a, 0, sizeof *a);
    a->design_k = NAN;
    a->eps_step = 0.05;
    int rc = cli_options(CMD, argc, argv, options, take, a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("lab fit", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    if (cli_operand(CMD, argc, argv, &a->file) != CLI_GO_ON)
        return EXIT_USAGE;
    rc = check_args(a);
    return rc ? rc : -1;
}

/* Distinct materials at the chosen ageing state, in file order. */
static int list_materials(const hl_lab_data *d, const fit_args *a,
                          const char **names)
{
    int n = 0;
    for (int i = 0; i < d->n_runs; i++) {
        const hl_lab_run *r = &d->runs[i];
        if (fabs(hl_lab_run_age(d, r) - a->age) > 1e-9 ||
            (a->material && strcasecmp(r->material, a->material) != 0))
            continue;
        int seen = 0;
        for (int k = 0; k < n && !seen; k++)
            seen = strcasecmp(names[k], r->material) == 0;
        if (!seen)
            names[n++] = r->material;
    }
    return n;
}

static double mean_of(const hl_lab_data *d, const char *material, double age,
                      size_t offset, int in_input)
{
    double sum = 0.0;
    int n = 0;
    for (int i = 0; i < d->n_runs; i++) {
        const hl_lab_run *r = &d->runs[i];
        const char *base = in_input ? (const char *)&r->in : (const char *)r;
        double v = *(const double *)(base + offset);
        if (strcasecmp(r->material, material) == 0 &&
            fabs(hl_lab_run_age(d, r) - age) < 1e-9 && isfinite(v) && v > 0) {
            sum += v;
            n++;
        }
    }
    return n ? sum / n : NAN;
}

static int fit_one(const hl_lab_data *d, const fit_args *a,
                   const char *material, fit_result *res)
{
    hl_error err;
    hl_error_clear(&err);
    memset(res, 0, sizeof *res);
    res->material = material;
    res->pts = calloc((size_t)d->n_runs, sizeof *res->pts);
    if (!res->pts)
        return cli_fail(CMD, "out of memory");
    res->n = hl_lab_points(d, material, a->age, res->pts, d->n_runs);
    hl_lab_fit_options o = {a->degree, 0.0, d->origin, material};
    if (hl_lab_fit_lambda(res->pts, res->n, &o, &res->fit, &err))
        return cli_fail(CMD, "%s", err.message);
    res->design_k =
        isfinite(a->design_k)
            ? a->design_k
            : round(0.5 * (res->fit.t_min_k + res->fit.t_max_k) - HL_ZERO_C_K) +
                  HL_ZERO_C_K;
    res->emissivity = d->setup == HL_LAB_COMPARISON
                          ? mean_of(d, material, a->age,
                                    offsetof(hl_lab_input, emissivity), 1)
                          : NAN;
    res->density =
        mean_of(d, material, a->age, offsetof(hl_lab_run, density_kg_m3), 0);
    if (d->setup != HL_LAB_COMPARISON)
        return 0;
    res->have_sensitivity = 1;
    if (hl_lab_sensitivity_of(d, material, a->age, res->fit.degree,
                              res->design_k, a->eps_step, &res->sens, &err))
        return cli_fail(CMD, "%s", err.message);
    return 0;
}

static int fit_all(const hl_lab_data *d, const fit_args *a, fit_result *res,
                   int *n_res)
{
    const char **names = calloc((size_t)d->n_runs, sizeof *names);
    if (!names)
        return cli_fail(CMD, "out of memory");
    int n = list_materials(d, a, names), rc = 0;
    if (n == 0)
        rc = cli_fail(CMD, "%s: no runs%s%s at %s %g", d->origin,
                      a->material ? " of material " : "",
                      a->material ? a->material : "",
                      d->age_by_hours ? "hours" : "cycles", a->age);
    else if (a->name && n > 1)
        rc = cli_fail(CMD,
                      "--name: %s holds %d materials (%s, %s%s): choose "
                      "one with --material",
                      d->origin, n, names[0], names[1], n > 2 ? ", ..." : "");
    for (int k = 0; k < n && !rc; k++) {
        rc = fit_one(d, a, names[k], &res[k]);
        *n_res = k + 1;
    }
    free(names);
    return rc;
}

int lab_fit(int argc, char **argv)
{
    fit_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    hl_lab_data d;
    if (!lab_read(CMD, a.file, a.coef_set, &d))
        return EXIT_USAGE;
    fit_result *res = calloc((size_t)d.n_runs, sizeof *res);
    int n = 0;
    rc = res ? fit_all(&d, &a, res, &n) : cli_fail(CMD, "out of memory");
    if (!rc && a.name)
        rc = lab_write_material(&a, &d, &res[0]);
    if (!rc && (!a.name || a.output))
        rc = a.json ? lab_fit_json(&a, &d, res, n)
                    : lab_fit_text(&a, &d, res, n);
    for (int k = 0; res && k < n; k++)
        free(res[k].pts);
    free(res);
    hl_lab_data_free(&d);
    return rc;
}
