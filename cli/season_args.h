/*
 * season_args.h - options of `heatline season` into hl_season_options.
 */
#ifndef HL_CLI_SEASON_ARGS_H
#define HL_CLI_SEASON_ARGS_H

#include "cli.h"

typedef struct season_args {
    const char *model, *weather, *csv_dir, *report, *materials;
    int json, help;
    int allow_infeasible; /* exit 0 even with infeasible hours */
    int step_given;       /* --step or --soil: only with --dynamic */
    int lead_given;       /* --lead: only with --dynamic */
    hl_season_options opt;
    hl_load_options load; /* opt.load points here */
    hl_material_db *db;
} season_args;

/* Parses argv into a (loads the material table); prints the error and
 * returns EXIT_USAGE on bad input, 0 on success. Free with
 * season_args_free. */
int season_args_parse(int argc, char **argv, season_args *a);
void season_args_free(season_args *a);
/* The season result as one JSON object on stdout (season_json.c). */
int season_print_json(const hl_season *s);

#endif
