/*
 * thickness.c - the inverse problem: the thickness of one layer that meets
 * a maximum surface temperature, heat loss or heat flux.
 *
 * Surface temperature and outer heat flux fall monotonically as a layer
 * thickens; the heat loss per metre of a pipe rises until the outer radius
 * passes the critical radius lambda/h and falls beyond it. So the answer is
 * the smallest thickness at and beyond which the target holds: a scan on a
 * geometric grid finds the last thickness that misses the target, then
 * bisection refines the crossing to 1e-7 m. Each step is a forward solve
 * (GB 50264-2013 clauses 5.3.3 and 5.3.11 state the same two design
 * criteria in closed form for constant conductivity).
 */
#include "physics.h"

#include <math.h>
#include <stdio.h>

#define SCAN_POINTS             96
#define DEFAULT_MAX_THICKNESS_M 2.0

static double metric_of(const hl_surface_out *o, int kind)
{
    switch (kind) {
    case HL_TARGET_SURFACE_TEMP:
        return o->surface_temp_k;
    case HL_TARGET_HEAT_FLOW:
        return o->heat_flow;
    default:
        return o->heat_flux_w_m2;
    }
}

/* Solve at thickness t; *ok = target met. */
static int evaluate(hl_surface_in *w, int layer, double t, int kind,
                    double value, hl_surface_out *o, int *ok, hl_error *err)
{
    w->layer[layer].thickness_m = t;
    int rc = hl_surface_solve(w, o, err);
    if (rc)
        return rc;
    *ok = metric_of(o, kind) <= value;
    return HL_OK;
}

static const char *target_text(int kind, double value, char *buf, size_t len)
{
    if (kind == HL_TARGET_SURFACE_TEMP)
        snprintf(buf, len, "a surface temperature of %.2f C",
                 value - HL_ZERO_C_K);
    else if (kind == HL_TARGET_HEAT_FLOW)
        snprintf(buf, len, "a heat loss of %.4g W/m", value);
    else
        snprintf(buf, len, "a heat flux of %.4g W/m2", value);
    return buf;
}

static int check_target(const hl_surface_in *in, const hl_thickness_target *t,
                        hl_error *err)
{
    if (t->layer < 0 || t->layer >= in->n_layers)
        return hl_error_set(err, HL_EINVAL,
                            "layer to size %d: expected 1 to %d (the model "
                            "has %d layer%s)",
                            t->layer + 1, in->n_layers, in->n_layers,
                            in->n_layers == 1 ? "" : "s");
    if (t->kind < HL_TARGET_SURFACE_TEMP || t->kind > HL_TARGET_HEAT_FLUX ||
        !isfinite(t->value))
        return hl_error_set(err, HL_EINVAL, "target is not set or not finite");
    if (in->inner_temp_k <= in->outer.air_k)
        return hl_error_set(err, HL_EINVAL,
                            "thickness targets are maxima of heat loss or "
                            "surface temperature: the process temperature "
                            "must be above the air temperature");
    if (t->kind != HL_TARGET_SURFACE_TEMP && !(t->value > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "maximum heat loss %g: expected a value > 0",
                            t->value);
    return HL_OK;
}

static int unreachable(const hl_thickness_target *t, int layer_name_index,
                       const char *name, double tmax, double best,
                       hl_error *err)
{
    char what[96];
    target_text(t->kind, t->value, what, sizeof what);
    double shown =
        (t->kind == HL_TARGET_SURFACE_TEMP) ? best - HL_ZERO_C_K : best;
    return hl_error_set(err, HL_EUNREACHABLE,
                        "no thickness of layer %d (%s) up to %.0f mm gives "
                        "%s; the best reached is %.4g at %.0f mm",
                        layer_name_index + 1, name, tmax * 1e3, what, shown,
                        tmax * 1e3);
}

int hl_thickness_solve(const hl_surface_in *in,
                       const hl_thickness_target *target, double *thickness_m,
                       hl_surface_out *out, hl_error *err)
{
    int rc = check_target(in, target, err);
    if (rc)
        return rc;
    hl_surface_in w = *in;
    int k = target->layer, kind = target->kind, ok = 0;
    double tmax = target->max_thickness_m > 0.0 ? target->max_thickness_m
                                                : DEFAULT_MAX_THICKNESS_M;
    /* grid: 0, then 1e-5 m .. tmax geometrically */
    double ratio = pow(tmax / 1e-5, 1.0 / (SCAN_POINTS - 2));
    double last_bad = -1.0, next_good = 0.0, t = 0.0;
    for (int i = 0; i < SCAN_POINTS; i++) {
        t = (i == 0) ? 0.0 : 1e-5 * pow(ratio, i - 1);
        if (i == SCAN_POINTS - 1)
            t = tmax;
        rc = evaluate(&w, k, t, kind, target->value, out, &ok, err);
        if (rc)
            return rc;
        if (!ok) {
            last_bad = t;
            next_good = -1.0;
        } else if (next_good < 0.0) {
            next_good = t;
        }
    }
    if (!ok)
        return unreachable(target, k, in->layer[k].name, tmax,
                           metric_of(out, kind), err);
    if (last_bad < 0.0) {
        *thickness_m = 0.0;
        return evaluate(&w, k, 0.0, kind, target->value, out, &ok, err);
    }
    double a = last_bad, b = next_good;
    while (b - a > 1e-7) {
        double m = 0.5 * (a + b);
        rc = evaluate(&w, k, m, kind, target->value, out, &ok, err);
        if (rc)
            return rc;
        if (ok)
            b = m;
        else
            a = m;
    }
    *thickness_m = b;
    return evaluate(&w, k, b, kind, target->value, out, &ok, err);
}
