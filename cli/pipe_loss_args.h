/* pipe_loss_args.h - options of `heatline pipe-loss` (docs/cli.md). */
#ifndef HL_PIPE_LOSS_ARGS_H
#define HL_PIPE_LOSS_ARGS_H

#include "heatline.h"

enum { PIPE_LOSS_SUPPLY = 0, PIPE_LOSS_RETURN = 1 };

typedef struct pipe_loss_args {
    hl_pipe_laying lay;
    const char *laying_name; /* as typed: single, pair, overhead-pair, ... */
    int n_pipes;             /* 1 or 2 */
    int buried;              /* single, pair, twin */
    double t_supply_k, t_return_k, t_ground_k;
    double insulation_od_m[2], casing_od_m[2]; /* casing 0 = none */
    int json;
} pipe_loss_args;

/* Parse argv into a. Returns -1 to go on, or an exit status (0 after
 * --help, 2 after an error already printed). */
int pipe_loss_args_parse(int argc, char **argv, pipe_loss_args *a);

#endif
