/*
 * surge_cli.h - the pieces of `heatline surge`: its parsed arguments and
 * its outputs (summary, JSON, CSV tables; surge_out.c).
 */
#ifndef HL_CLI_SURGE_H
#define HL_CLI_SURGE_H

#include "cli.h"

#define SURGE_MAX_WATCH 64

typedef struct surge_args {
    const char *model, *csv_dir, *report;
    int json;
    hl_surge_options opt;
    char event_text[1024], event_shown[1024];
    char watch_text[4096];
    const char *watch[SURGE_MAX_WATCH];
    const char *size_node;              /* --size air-vessel:NODE */
    hl_surge_sizing sizing;             /* its result */
    const char *size_relief_node;       /* --size relief-valve:NODE */
    hl_surge_relief_sizing relief_size; /* its result */
} surge_args;

int surge_print_summary(const surge_args *a, const hl_model *m,
                        const hl_surge *s);
int surge_print_json(const surge_args *a, const hl_model *m, const hl_surge *s);
/* series.csv and envelope.csv into dir; prints the error, EXIT_USAGE. */
int surge_write_csv(const char *dir, const hl_surge *s);

#endif
