/*
 * fitting_args.h - options of `heatline fitting` (single fitting, --list,
 * --inventory and --fv-check), converted to SI at the edge.
 */
#ifndef HL_CLI_FITTING_ARGS_H
#define HL_CLI_FITTING_ARGS_H

#include "cli.h"

enum fitting_mode {
    FIT_SINGLE,
    FIT_LIST,
    FIT_INVENTORY,
    FIT_FV_CHECK,
    FIT_COMPARE
};

typedef struct fitting_args {
    int mode;
    int json, keep_going, patches;
    int type, dn, pn;
    const char *type_name;
    const char *coating, *jacket; /* MATERIAL:MM as typed */
    const char *inventory, *output, *materials, *ref;
    double fillet_m; /* NaN = the cover thickness */
    int refine;
    int have_temp, have_dn, have_radiant;
    hl_fitting_conditions cond;
    hl_fitting_cover covers[HL_FIT_NSTATES]; /* --compare: bare, coated,
                                                jacketed */
    hl_material_db *db; /* owned; freed by fitting_args_free */
} fitting_args;

/* Parse argv (argv[0] = "fitting"). Returns -1 to go on, otherwise the exit
 * status (0 after --help, 2 after an error that has been printed). */
int fitting_args_parse(int argc, char **argv, fitting_args *a);
void fitting_args_free(fitting_args *a);

/* The material record of a cover (a temporary one for k= covers). */
const hl_material *fitting_cover_material(const fitting_args *a,
                                          hl_material *tmp);

int fitting_run_inventory(fitting_args *a, const hl_fitting_catalog *cat);
/* --compare: the fitting bare, coated and jacketed side by side
 * (fitting_compare.c). */
int fitting_run_compare(fitting_args *a, const hl_fitting_catalog *cat);
int fitting_print_list(const fitting_args *a, const hl_fitting_catalog *cat);

#endif
