/* surface_args.h - options of `heatline surface` and `heatline thickness`. */
#ifndef HL_SURFACE_ARGS_H
#define HL_SURFACE_ARGS_H

#include "heatline.h"

typedef struct surface_args {
    hl_surface_in in;
    hl_thickness_target target; /* thickness only */
    int json;
} surface_args;

/* Parse argv into a. Returns -1 to go on, or an exit status (0 after
 * --help, 2 after an error already printed). */
int surface_args_parse(const char *cmd, int argc, char **argv, int thickness,
                       surface_args *a);

#endif
