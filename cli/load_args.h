/*
 * load_args.h - the model-loading options that `heatline run` and
 * `heatline season` share: the heat-transfer data of an EPANET .inp import
 * (--supply-temp, --ambient, --u, --cp, --thermal-csv), --friction,
 * --pressure-driven and --materials, into hl_load_options.
 */
#ifndef HL_CLI_LOAD_ARGS_H
#define HL_CLI_LOAD_ARGS_H

#include "cli.h"

#include <getopt.h>

enum {
    O_LOAD_SUPPLY = 200,
    O_LOAD_AMBIENT,
    O_LOAD_U,
    O_LOAD_CP,
    O_LOAD_THERMAL,
    O_LOAD_FRICTION,
    O_LOAD_PRESSURE_DRIVEN
};

#define LOAD_ARGS_OPTIONS                                                      \
    {"supply-temp", required_argument, 0, O_LOAD_SUPPLY},                      \
        {"ambient", required_argument, 0, O_LOAD_AMBIENT},                     \
        {"u", required_argument, 0, O_LOAD_U},                                 \
        {"cp", required_argument, 0, O_LOAD_CP},                               \
        {"thermal-csv", required_argument, 0, O_LOAD_THERMAL},                 \
        {"friction", required_argument, 0, O_LOAD_FRICTION},                   \
    {                                                                          \
        "pressure-driven", no_argument, 0, O_LOAD_PRESSURE_DRIVEN              \
    }


/* Handles option c if it is one of the above: 1 done, 0 bad value (the
 * error is printed), -1 not a load option. */
int load_args_option(const char *cmd, int c, const char *value,
                     hl_load_options *l);
/* Option c describes an EPANET import's heat transfer (--supply-temp,
 * --ambient, --u, --cp, --thermal-csv). */
int load_args_inp_only(int c);
/* Such an option (its long name; NULL = none given) means nothing to a
 * model that is not an EPANET .inp file (by its extension): prints the
 * error with hint (what to use instead) and returns EXIT_USAGE, else 0. */
int load_args_check_model(const char *cmd, const char *option,
                          const char *model, const char *hint);

#endif
