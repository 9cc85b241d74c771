/*
 * heatline_period.h - the extended period of an imported EPANET .inp:
 * steady states at each hydraulic time step with the tank levels
 * integrated between them, as EPANET 2.3 steps a run ([TIMES],
 * [PATTERNS], [TANKS], simple [CONTROLS]; docs/cli.md, run --period).
 *
 * Call order: hl_model_load an .inp whose [TIMES] Duration is above zero,
 * hl_period_start, then hl_period_next until *last is 1; after each call
 * the model holds the solved state of that time (read it with
 * hl_model_node_result, hl_model_pipe_result, ...). hl_period_free(NULL)
 * is a no-op; hl_period_free gives the model back as it was before the
 * period (its link states, pump speeds, demands and tank levels: a solve
 * after it is time 0 again). The model must outlive the period and is not
 * to be solved otherwise while the period runs.
 */
#ifndef HEATLINE_PERIOD_H
#define HEATLINE_PERIOD_H

#include "heatline_export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hl_model hl_model;
typedef struct hl_period hl_period;

/* The times of the file, in seconds (EPANET's adjusted values). */
typedef struct hl_period_times {
    double duration_s, hydraulic_step_s, pattern_step_s, pattern_start_s;
    double report_step_s, report_start_s, start_clock_s;
    int n_tanks, n_controls;
    double density_kg_m3; /* of the water (the file's specific gravity) */
} hl_period_times;

/* HL_OK, or HL_ENOTFOUND when the model has no extended period (not an
 * .inp, or no [TIMES] Duration above zero). */
HL_API int hl_model_period_times(const hl_model *m, hl_period_times *out);

/* A run through the period from time 0 (tank levels at their initial
 * values, links as the file sets them). HL_ENOTFOUND as above. */
HL_API int hl_period_start(hl_period **out, hl_model *m);

/* Steps to the next hydraulic time (the first call: time 0) and solves
 * it: *time_s its time, *reported 1 at a reporting time (Report Start +
 * k Report Timestep), *last 1 at the end of the duration. The solve's
 * status (HL_ENOCONVERGE, ...; the model's error says more); HL_ESTATE
 * after the last time. */
HL_API int hl_period_next(hl_period *p, double *time_s, int *reported,
                          int *last);

/* The level (m above the tank's bottom elevation) and net inflow (m3/s,
 * filling positive) of tank i (0 .. n_tanks - 1) at the current time, and
 * its node index. */
HL_API int hl_period_tank(const hl_period *p, int i, int *node, double *level_m,
                          double *inflow_m3_s);

HL_API void hl_period_free(hl_period *p);

#ifdef __cplusplus
}
#endif

#endif
