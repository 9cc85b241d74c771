/*
 * pipe_check.c - input checks of hl_pipe_thermal_solve: every message
 * names the field, its value and what was expected.
 */
#include "pipe_check.h"

#include <math.h>

static const char *pipe_name(int k)
{
    return k == 0 ? "supply pipe" : "return pipe";
}

int pipe_check_temperature(double t_k, const char *what, hl_error *err)
{
    if (!isfinite(t_k) || t_k <= 0.0)
        return hl_error_set(err, HL_EINVAL,
                            "%s %.6g C: expected a finite temperature above "
                            "absolute zero",
                            what, t_k - HL_ZERO_C_K);
    return HL_OK;
}

static int check_layer(const hl_layer *l, int k, int i, double lo, double hi,
                       hl_error *err)
{
    if (!isfinite(l->thickness_m) || l->thickness_m < 0.0)
        return hl_error_set(err, HL_EINVAL,
                            "%s layer %d (%s): thickness %g mm: expected a "
                            "finite value >= 0",
                            pipe_name(k), i + 1, l->name, l->thickness_m * 1e3);
    /* nine samples over [lo, hi] (none where lambda is surely positive) */
    double t, lam;
    if (lambda_check_samples(&l->lambda, lo, hi, 8, &t, &lam) >= 0)
        return hl_error_set(err, HL_EINVAL,
                            "%s layer %d (%s): conductivity %g W/(m K) at "
                            "%.1f C: expected > 0",
                            pipe_name(k), i + 1, l->name, lam, t - HL_ZERO_C_K);
    return HL_OK;
}

int pipe_check_buildup(const hl_pipe_buildup *b, int k, double lo, double hi,
                       hl_error *err)
{
    if (!(isfinite(b->carrier_od_m) && b->carrier_od_m > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "%s: carrier outer diameter %g mm: expected a "
                            "finite value > 0",
                            pipe_name(k), b->carrier_od_m * 1e3);
    if (b->n_layers < 0 || b->n_layers > HL_MAX_LAYERS)
        return hl_error_set(err, HL_EINVAL, "%s: %d layers: expected 0 to %d",
                            pipe_name(k), b->n_layers, HL_MAX_LAYERS);
    for (int i = 0; i < b->n_layers; i++) {
        int rc = check_layer(&b->layer[i], k, i, lo, hi, err);
        if (rc)
            return rc;
    }
    return HL_OK;
}

double pipe_outer_diameter(const hl_pipe_buildup *b)
{
    double d = b->carrier_od_m;
    for (int i = 0; i < b->n_layers; i++)
        d += 2.0 * b->layer[i].thickness_m;
    return d;
}

int pipe_check_soil(const hl_pipe_laying *lay, double r_out, hl_error *err)
{
    if (!(isfinite(lay->lambda_soil) && lay->lambda_soil > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "soil conductivity %g W/(m K): expected a finite "
                            "value > 0",
                            lay->lambda_soil);
    if (!(isfinite(lay->surface_resistance) && lay->surface_resistance >= 0))
        return hl_error_set(err, HL_EINVAL,
                            "ground-surface resistance %g m2 K/W: expected a "
                            "finite value >= 0",
                            lay->surface_resistance);
    if (!(isfinite(lay->axis_depth_m) && lay->axis_depth_m > r_out))
        return hl_error_set(err, HL_EINVAL,
                            "axis depth %g m: expected more than the outer "
                            "radius %g m (the pipe must be below ground)",
                            lay->axis_depth_m, r_out);
    return HL_OK;
}

int pipe_check_spacing(const hl_pipe_laying *lay, double min_m,
                       const char *what, hl_error *err)
{
    double s = lay->axis_spacing_m;
    if (!(isfinite(s) && s >= min_m && s > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "axis spacing %g m: expected at least %g m (%s)", s,
                            min_m, what);
    return HL_OK;
}
