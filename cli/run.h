/*
 * run.h - pieces of `heatline run`: options, the fitting-state scenarios,
 * the summary, JSON and CSV writers.
 */
#ifndef HL_CLI_RUN_H
#define HL_CLI_RUN_H

#include "cli.h"

typedef struct run_args {
    const char *model; /* NULL = embedded default */
    const char *csv_dir;
    const char *report;
    int json;
    hl_load_options load;
    const char *inp_option; /* first .inp-only option given, or NULL */
    /* what-if conditions (NaN = the model's own) */
    double demand_scale, source_k, ground_k, air_k, chamber_k;
} run_args;

/* Totals of the model with every fitting in one state. */
typedef struct run_scenario {
    int solved;
    double fittings_w, pipes_w, delivered_w, source_w;
    int over_limit; /* fittings above the burn limit */
    double hottest_k;
} run_scenario;

typedef struct run_result {
    hl_model *m;
    hl_totals tot;
    run_scenario scen[HL_FIT_NSTATES];
    int n_over_limit; /* in the model's own states */
} run_result;

int run_print_summary(const run_args *a, run_result *r);
int run_print_json(const run_args *a, run_result *r);
/* Writes nodes.csv, pipes.csv, fittings.csv, profile.csv into dir via
 * temporary files renamed at the end: no partial files on error. */
int run_write_csv(const char *dir, run_result *r);

const char *run_state_name(int state);

#endif
