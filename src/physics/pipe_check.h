/* pipe_check.h - input checks shared by the pipe layings (internal). */
#ifndef HL_PIPE_CHECK_H
#define HL_PIPE_CHECK_H

#include "pipe_internal.h"

int pipe_check_temperature(double t_k, const char *what, hl_error *err);

/* Carrier diameter and layers of pipe k (0 supply, 1 return); lambda of
 * each layer must be positive over [lo, hi] K. */
int pipe_check_buildup(const hl_pipe_buildup *b, int k, double lo, double hi,
                       hl_error *err);

/* Outer diameter of a build-up, m. */
double pipe_outer_diameter(const hl_pipe_buildup *b);

/* Soil conductivity, surface resistance and an axis depth below the
 * outer radius r_out. */
int pipe_check_soil(const hl_pipe_laying *lay, double r_out, hl_error *err);

/* axis_spacing_m >= min_m; `what` says why. */
int pipe_check_spacing(const hl_pipe_laying *lay, double min_m,
                       const char *what, hl_error *err);

#endif
