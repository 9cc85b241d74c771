/* pipe_solve.h - the per-laying solves of hl_pipe_thermal_solve
 * (internal). */
#ifndef HL_PIPE_SOLVE_H
#define HL_PIPE_SOLVE_H

#include "pipe_internal.h"

#define PIPE_MAX_IT 100
#define PIPE_TOL_K  1e-9 /* fixed point of the lambda(T) iteration, K */

/* Working state of one solve. */
typedef struct pipe_state {
    int n;            /* pipes: 1 or 2 */
    double tk[2], t0; /* carrier and surroundings temperatures, K */
    double dt[2];     /* tk - t0 */
    double lo, hi;    /* temperature span, for conductivity checks */
    radial_buildup rb[2];
    double t[2][HL_MAX_LAYERS + 1]; /* interface temperatures, K */
    double r_soil[2], r12;
    /* buried layings: interface temperatures to start from (an earlier
     * solve's t_layer_k, same laying), or NULL */
    const double (*start)[HL_MAX_LAYERS + 1];
    double tol_k; /* fixed point of the lambda(T) iteration, K */
} pipe_state;

int pipe_twin_solve(const hl_pipe_laying *lay, pipe_state *st,
                    hl_pipe_thermal *out, hl_error *err);
int pipe_air_solve(const hl_pipe_laying *lay, pipe_state *st,
                   hl_pipe_thermal *out, hl_error *err);

/* Helpers shared by the solves (pipe_thermal.c). */
void pipe_note_ranges(const hl_pipe_buildup *b, const double *t, int k,
                      hl_warnings *w);
void pipe_guess_temps(const radial_buildup *rb, double tk, double t0,
                      double *t);
double pipe_max_change(const double *a, const double *b, int n);

#endif
