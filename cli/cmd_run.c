/*
 * cmd_run.c - `heatline run [MODEL] [--json] [--csv DIR]`: load a model
 * (the embedded Tuoketuo-Hohhot line when none is given; a YAML model or
 * an EPANET .inp file), solve its steady hydraulics and temperatures, and
 * print the summary a line engineer reads at a glance, or JSON, or CSV
 * tables. The fittings are also solved all bare, all coated and all
 * jacketed, so the summary shows what the coating does to the whole line.
 */
#include "load_args.h"
#include "run.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_JSON = 256, O_CSV, O_REPORT, O_MATERIALS, O_HELP };

static const char usage[] =
    "usage: heatline run [MODEL] [--json] [--csv DIR] [--report FILE.html]\n"
    "    [--materials FILE] [--friction colebrook|swamee-jain]\n"
    "  MODEL               a model file (YAML, docs/model-format.md) or an\n"
    "                      EPANET .inp file; none = the embedded\n"
    "                      Tuoketuo-Hohhot line\n"
    "  --json              one JSON object (totals, nodes, pipes, fittings,\n"
    "                      warnings, ...)\n"
    "  --csv DIR           nodes.csv, pipes.csv, fittings.csv, profile.csv\n"
    "  --report FILE.html  the report of this run (HTML with plots)\n";

static const struct option options[] = {
    {"json", no_argument, 0, O_JSON},
    {"csv", required_argument, 0, O_CSV},
    {"report", required_argument, 0, O_REPORT},
    {"materials", required_argument, 0, O_MATERIALS},
    LOAD_ARGS_OPTIONS,
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

static int option(void *ctx, int c, const char *value)
{
    run_args *a = ctx;
    switch (c) {
    case O_JSON:
        a->json = 1;
        return 0;
    case O_CSV:
        a->csv_dir = value;
        return 0;
    case O_REPORT:
        a->report = value;
        return 0;
    case O_MATERIALS:
        a->load.materials_path = value;
        return 0;
    }
    return load_args_option("run", c, value, &a->load) == 1 ? 0 : EXIT_USAGE;
}

/* 0 = go on, -1 = done (help), EXIT_USAGE = bad arguments. */
static int parse(int argc, char **argv, run_args *a)
{
    memset(a, 0, sizeof *a);
    hl_load_options_init(&a->load);
    int rc = cli_options("run", argc, argv, options, option, a);
    if (rc == CLI_HELP_ASKED) {
        fputs(usage, stdout);
        fputs(load_args_usage, stdout);
        return -1;
    }
    if (rc != CLI_GO_ON)
        return EXIT_USAGE;
    if (cli_operand("run", argc, argv, &a->model) != CLI_GO_ON)
        return EXIT_USAGE;
    return 0;
}

const char *run_state_name(int state)
{
    static const char *n[] = {"bare", "coated", "jacketed"};
    return state >= 0 && state < HL_FIT_NSTATES ? n[state] : "?";
}

static void count_over_limit(hl_model *m, int *n, double *hottest)
{
    *n = 0;
    *hottest = NAN;
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result f;
        if (hl_model_fitting_result(m, i, &f))
            continue;
        *n += f.over_limit;
        if (!(f.surface_temp_k <= *hottest))
            *hottest = f.surface_temp_k;
    }
}

/* Every fitting bare, then coated, then jacketed. */
static int scenarios(run_result *r)
{
    if (hl_model_count(r->m, HL_FITTING) == 0)
        return 0;
    for (int s = 0; s < HL_FIT_NSTATES; s++) {
        run_scenario *sc = &r->scen[s];
        hl_totals t;
        hl_model_set_fitting_state(r->m, NULL, s);
        if (hl_model_solve(r->m, NULL) || hl_model_totals(r->m, &t))
            return cli_fail("run", "%s", hl_model_error(r->m));
        sc->solved = 1;
        sc->fittings_w = t.heat_loss_fittings_w;
        sc->pipes_w = t.heat_loss_pipes_w;
        sc->delivered_w = t.heat_delivered_w;
        sc->source_w = t.heat_source_w;
        count_over_limit(r->m, &sc->over_limit, &sc->hottest_k);
    }
    hl_model_reset_fitting_states(r->m);
    return 0;
}

static int solve_all(const run_args *a, run_result *r)
{
    int rc = hl_model_load_with(&r->m, a->model, &a->load);
    if (rc)
        return cli_fail("run", "%s", hl_model_error(r->m));
    if (scenarios(r))
        return EXIT_USAGE;
    if (hl_model_solve(r->m, NULL) || hl_model_totals(r->m, &r->tot))
        return cli_fail("run", "%s", hl_model_error(r->m));
    double hottest;
    count_over_limit(r->m, &r->n_over_limit, &hottest);
    return 0;
}

static int outputs(const run_args *a, run_result *r)
{
    if (a->csv_dir && run_write_csv(a->csv_dir, r))
        return EXIT_USAGE;
    if (a->report) {
        hl_error err;
        hl_error_clear(&err);
        if (hl_report_write_run(a->report, r->m, &err))
            return cli_fail("run", "--report: %s", err.message);
    }
    if (a->json)
        return run_print_json(a, r);
    return run_print_summary(a, r);
}

int cmd_run(int argc, char **argv)
{
    run_args a;
    int rc = parse(argc, argv, &a);
    if (rc)
        return rc < 0 ? 0 : rc;
    run_result r;
    memset(&r, 0, sizeof r);
    rc = solve_all(&a, &r);
    if (!rc)
        rc = outputs(&a, &r);
    hl_model_free(r.m);
    return rc;
}
