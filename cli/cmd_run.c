/*
 * cmd_run.c - `heatline run [MODEL] [--json] [--csv DIR]`: load a model
 * (the embedded Tuoketuo-Hohhot line when none is given; a YAML model or
 * an EPANET .inp file), solve its steady hydraulics and temperatures, and
 * print the summary a line engineer reads at a glance, or JSON, or CSV
 * tables. The fittings are also solved all bare, all coated and all
 * jacketed, so the summary shows what the coating does to the whole line.
 */
#include "load_args.h"
#include "help/help.h"
#include "run.h"
#include "cli_outputs.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_JSON = 256,
    O_CSV,
    O_REPORT,
    O_GEOJSON,
    O_MATERIALS,
    O_DEMAND,
    O_SOURCE,
    O_GROUND,
    O_AIR,
    O_CHAMBER,
    O_ALLOW_INFEASIBLE,
    O_LANG,
    O_PERIOD,
    O_HELP
};

static const struct option options[] = {
    {"json", no_argument, 0, O_JSON},
    {"csv", required_argument, 0, O_CSV},
    {"report", required_argument, 0, O_REPORT},
    {"geojson", required_argument, 0, O_GEOJSON},
    {"materials", required_argument, 0, O_MATERIALS},
    {"demand-scale", required_argument, 0, O_DEMAND},
    {"source-temp", required_argument, 0, O_SOURCE},
    {"ground-temp", required_argument, 0, O_GROUND},
    {"air-temp", required_argument, 0, O_AIR},
    {"chamber-temp", required_argument, 0, O_CHAMBER},
    {"allow-infeasible", no_argument, 0, O_ALLOW_INFEASIBLE},
    {"lang", required_argument, 0, O_LANG},
    {"period", no_argument, 0, O_PERIOD},
    LOAD_ARGS_OPTIONS,
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

/* A what-if temperature in C of a quantity of the range table, into K. */
static int condition_temp(const char *opt, const char *text, int quantity,
                          double *k)
{
    double c;
    if (!cli_quantity("run", opt, text, quantity, &c))
        return EXIT_USAGE;
    *k = c + HL_ZERO_C_K;
    return 0;
}

static int condition(run_args *a, int c, const char *value)
{
    switch (c) {
    case O_DEMAND:
        return cli_quantity("run", "--demand-scale", value, HL_Q_SCALE,
                            &a->demand_scale)
                   ? 0
                   : EXIT_USAGE;
    case O_SOURCE:
        return condition_temp("--source-temp", value, HL_Q_WATER_TEMP_C,
                              &a->source_k);
    case O_GROUND:
        return condition_temp("--ground-temp", value, HL_Q_SURROUND_TEMP_C,
                              &a->ground_k);
    case O_AIR:
        return condition_temp("--air-temp", value, HL_Q_SURROUND_TEMP_C,
                              &a->air_k);
    default:
        return condition_temp("--chamber-temp", value, HL_Q_SURROUND_TEMP_C,
                              &a->chamber_k);
    }
}

static int option(void *ctx, int c, const char *value)
{
    run_args *a = ctx;
    if (c >= O_DEMAND && c <= O_CHAMBER)
        return condition(a, c, value);
    if (load_args_inp_only(c) && !a->inp_option)
        a->inp_option = cli_option_name(options, c);
    switch (c) {
    case O_JSON:
        a->json = 1;
        return 0;
    case O_ALLOW_INFEASIBLE:
        a->allow_infeasible = 1;
        return 0;
    case O_LANG:
        return cli_set_lang("run", value);
    case O_PERIOD:
        a->period = 1;
        return 0;
    case O_CSV:
        a->csv_dir = value;
        return 0;
    case O_REPORT:
        a->report = value;
        return 0;
    case O_GEOJSON:
        a->geojson = value;
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
    a->demand_scale = a->source_k = a->ground_k = NAN;
    a->air_k = a->chamber_k = NAN;
    cli_lang = hl_lang_from_environment();
    int rc = cli_options("run", argc, argv, options, option, a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("run", stdout);
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

/* The what-if conditions onto the loaded model. */
static int set_conditions(const run_args *a, hl_model *m)
{
    int rc = HL_OK;
    if (!isnan(a->demand_scale))
        rc = hl_model_set_demand_scale(m, a->demand_scale);
    if (!rc && !isnan(a->source_k)) {
        if (hl_model_count(m, HL_SOURCE) == 0)
            return cli_fail("run", "--source-temp: the model has no source "
                                   "(an EPANET import takes --supply-temp)");
        rc = hl_model_set_supply_temp(m, NULL, a->source_k);
    }
    if (!rc && !isnan(a->ground_k))
        rc = hl_model_set_ground_temp(m, a->ground_k);
    if (!rc && !isnan(a->air_k))
        rc = hl_model_set_air_temp(m, a->air_k);
    if (!rc && !isnan(a->chamber_k) && hl_model_count(m, HL_CHAMBER) > 0)
        rc = hl_model_set_chamber_temp(m, NULL, a->chamber_k);
    return rc ? cli_fail("run", "%s", hl_model_error(m)) : 0;
}

static int solve_all(const run_args *a, run_result *r)
{
    /* an EPANET import's heat-transfer options mean nothing to a heatline
     * model: say so rather than ignore them */
    if (load_args_check_model("run", a->inp_option, a->model,
                              "for this model use --source-temp, "
                              "--ground-temp, --air-temp or --chamber-temp"))
        return EXIT_USAGE;
    int rc = hl_model_load_with(&r->m, a->model, &a->load);
    if (rc)
        return cli_fail("run", "%s", hl_model_error(r->m));
    if (set_conditions(a, r->m))
        return EXIT_USAGE;
    if (a->period) { /* the period owns the model from here */
        hl_model *m = r->m;
        r->m = NULL;
        int prc = run_period(a, m);
        return prc == EXIT_INFEASIBLE ? RUN_PERIOD_INFEASIBLE
               : prc                  ? EXIT_USAGE
                                      : RUN_PERIOD_DONE;
    }
    if (scenarios(r))
        return EXIT_USAGE;
    if (hl_model_solve(r->m, NULL) || hl_model_totals(r->m, &r->tot))
        return cli_fail("run", "%s", hl_model_error(r->m));
    double hottest;
    count_over_limit(r->m, &r->n_over_limit, &hottest);
    return run_coating_need(a, r, &r->coating);
}

/* The CSV tables and the report: all or none (cli_outputs.c). */
static int files(const run_args *a, run_result *r)
{
    cli_outputs o;
    if (cli_outputs_begin("run", &o, a->csv_dir, a->report, 0))
        return EXIT_USAGE;
    int rc = a->csv_dir ? run_write_csv(cli_outputs_csv_dir(&o), r) : 0;
    if (!rc && a->report) {
        hl_error err;
        hl_error_clear(&err);
        hl_season *snap = NULL;
        int src = hl_season_snapshot(&snap, r->m, &err);
        if (!src)
            src = hl_report_write_run_lang(cli_outputs_report(&o), snap,
                                           cli_lang, &err);
        hl_season_free(snap);
        if (src)
            rc = cli_fail("run", "--report: %s", err.message);
    }
    if (rc) {
        cli_outputs_abort(&o);
        return rc;
    }
    return cli_outputs_commit("run", &o);
}

/* GeoJSON first: when it fails (a model without coordinates) nothing
 * else is written. */
static int geojson(const run_args *a, run_result *r)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_geojson_write(a->geojson, r->m, &err))
        return cli_fail("run", "--geojson %s: %s", a->geojson, err.message);
    return 0;
}

static int outputs(const run_args *a, run_result *r)
{
    if (a->geojson && geojson(a, r))
        return EXIT_USAGE;
    if ((a->csv_dir || a->report) && files(a, r))
        return EXIT_USAGE;
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
    if (rc == RUN_PERIOD_DONE || rc == RUN_PERIOD_INFEASIBLE)
        return rc == RUN_PERIOD_DONE ? 0 : EXIT_INFEASIBLE;
    if (!rc)
        rc = outputs(&a, &r);
    /* solved, but not a state the line can be in: say so in the status */
    if (!rc && !run_feasible(r.m) && !a.allow_infeasible)
        rc = EXIT_INFEASIBLE;
    hl_model_free(r.m);
    return rc;
}
