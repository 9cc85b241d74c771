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
    const char *geojson; /* --geojson FILE */
    int json;
    int allow_infeasible; /* exit 0 even when the state is infeasible */
    int period;           /* --period: the .inp's extended period */
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

/* The least thickness of the model's coating material that keeps every
 * catalogue fitting under the burn limit at this run's temperatures. */
typedef struct run_coating {
    int asked;          /* 0: no fittings or no named coating material */
    char material[48];  /* the model's fitting_coating */
    double modelled_m;  /* its thickness in the model */
    double thickness_m; /* the least that passes them all (0: bare passes) */
    int worst;          /* the fitting that needs it, -1 if none */
    int unreachable;    /* fittings no thickness up to 100 mm can pass */
} run_coating;

typedef struct run_result {
    hl_model *m;
    hl_totals tot;
    run_scenario scen[HL_FIT_NSTATES];
    int n_over_limit; /* in the model's own states */
    run_coating coating;
} run_result;

/* Fills need from the solved model (run_coating.c); EXIT_USAGE if the
 * material table cannot be read. */
int run_coating_need(const run_args *a, run_result *r, run_coating *need);
int run_print_summary(const run_args *a, run_result *r);
int run_print_json(const run_args *a, run_result *r);
/* Writes nodes.csv, pipes.csv, fittings.csv, profile.csv into dir via
 * temporary files renamed at the end: no partial files on error. */
int run_write_csv(const char *dir, run_result *r);

const char *run_state_name(int state);

/* --period (run_period.c): steps the loaded .inp m through its extended
 * period and writes its outputs; frees m. 0, EXIT_INFEASIBLE (written,
 * but a time broke a hard limit; not with --allow-infeasible), or
 * EXIT_USAGE after the error line. */
int run_period(const run_args *a, hl_model *m);
#define RUN_PERIOD_DONE       (-100) /* solve_all: the period ran, wrote */
#define RUN_PERIOD_INFEASIBLE (-101) /* ... and some time was infeasible */

/* The verdict (run_verdict.c): 1 when the last solve of m broke no hard
 * limit; the INFEASIBLE block (nothing when feasible); the static-pressure
 * lines of the summary; JSON of the violations and of the static check. */
int run_feasible(hl_model *m);
void run_print_infeasible(hl_model *m, FILE *f);
void run_print_static(hl_model *m);
/* The valve chambers' air and heat (run_chambers.c). */
void run_print_chambers(hl_model *m);
/* The "violations" array and the "static" object, into a streamed
 * document (util/json_out.h). */
struct json_out;
void run_json_violations(struct json_out *w, hl_model *m);
void run_json_static(struct json_out *w, hl_model *m);

#endif
