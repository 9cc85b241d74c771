/* surface_args.h - options of `heatline surface` and `heatline thickness`. */
#ifndef HL_SURFACE_ARGS_H
#define HL_SURFACE_ARGS_H

#include "heatline.h"

#include <jansson.h>

/* thickness: the 3E Plus-style design options (thickness_design.c) */
typedef struct thickness_design {
    int economic;              /* --economic: the least-cost thickness */
    int have_target;           /* a --max-... target was given */
    hl_insulation_costs costs; /* its prices */
    int have_insulation_cost;
    double round_mm; /* --round: commercial step, 0 = none */
    int table;       /* --table FROM:TO:STEP (mm) */
    double table_from_mm, table_to_mm, table_step_mm;
} thickness_design;

/* surface: --temp FROM:TO:STEP, process temperatures in C */
typedef struct temp_range {
    int on;
    double from_c, to_c, step_c;
    size_t n; /* rows: FROM, FROM + STEP, ... up to TO */
} temp_range;

typedef struct surface_args {
    hl_surface_in in;
    temp_range range;           /* surface only */
    hl_thickness_target target; /* thickness only */
    thickness_design design;    /* thickness only */
    int json;
} surface_args;

/* Defaults of the design options (heat price 25 CNY/GJ, 4392 h, 10 years,
 * 8 %), and one option: code 0 --economic, 1 --heat-price, 2 --hours,
 * 3 --insulation-cost, 4 --life, 5 --discount-rate, 6 --round, 7 --table;
 * 1 done, 0 after the error line (thickness_design.c). */
void thickness_design_init(thickness_design *d);
int thickness_design_option(const char *cmd, int code, const char *v,
                            thickness_design *d);
/* heatline thickness with its target or --economic, --round and --table:
 * the result printed (text or JSON); the exit status. */
int thickness_design_run(surface_args *a);

/* What a design run adds to the surface report: JSON keys (taken), and
 * text printed after the table. */
typedef struct surface_extra {
    json_t *json;
    void (*text)(const void *ctx);
    const void *ctx;
} surface_extra;
/* The surface or thickness result as text or JSON (cmd_surface.c); a
 * negative thickness_m: no sized layer. */
int surface_report(const char *cmd, const surface_args *a,
                   const hl_surface_out *o, double thickness_m,
                   const surface_extra *extra);

/* Names and the first line of the report (cmd_surface.c). */
const char *surface_shape_name(int shape);
const char *surface_flow_unit(int shape);
void surface_print_conditions(const surface_args *a);
/* The single result's JSON object; with_temps 0: interface_temps_c is
 * null (a range row, cmd_surface.c). */
json_t *surface_json(const surface_args *a, const hl_surface_out *o,
                     int with_temps, double thickness_m);
/* heatline surface --temp FROM:TO:STEP: the table or JSON of rows solved
 * with hl_surface_solve_sweep (surface_range.c); the exit status. */
int surface_range_run(const surface_args *a);
/* Parse FROM:TO:STEP of --temp into r (the one error line and 0 on bad
 * input, surface_range.c). */
int surface_range_parse(const char *cmd, const char *v, temp_range *r);

/* Parse argv into a. Returns -1 to go on, or an exit status (0 after
 * --help, 2 after an error already printed). */
int surface_args_parse(const char *cmd, int argc, char **argv, int thickness,
                       surface_args *a);

#endif
