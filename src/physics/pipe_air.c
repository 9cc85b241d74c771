/*
 * pipe_air.c - OVERHEAD and DUCT layings: each pipe loses heat to the air
 * on its own (r12 = 0), through its layers (lambda(T) by the Kirchhoff
 * integral) and its outer surface (convection and radiation from the
 * surface engine, or a fixed combined coefficient), as in ISO 12241:2008
 * section 4 and Minenergo-278 Appendix 5.1 (overhead laying:
 * q = pi dT / (sum ln(D/d) / (2 lambda) + 1 / (alpha D))).
 *
 * The outer coefficients depend on the surface temperature, so r_kk is the
 * secant resistance (T_k - T0) / q_k at the temperatures given. At
 * (nearly) zero excess temperature it is taken at a 1 mK excess.
 */
#include "pipe_check.h"
#include "pipe_solve.h"

#include <math.h>
#include <string.h>

#define AIR_MIN_DT 1e-3 /* K */

static void air_input(const hl_pipe_laying *lay, const pipe_state *st, int k,
                      hl_surface_in *in)
{
    const hl_pipe_buildup *b = &lay->pipe[k];
    hl_surface_in_init(in);
    in->shape = HL_SHAPE_PIPE;
    in->diameter_m = b->carrier_od_m;
    in->n_layers = b->n_layers;
    memcpy(in->layer, b->layer, sizeof(hl_layer) * (size_t)b->n_layers);
    in->outer = lay->air;
    in->outer.air_k = st->t0;
    in->outer.radiant_k =
        (lay->air.radiant_k > 0.0) ? lay->air.radiant_k : st->t0;
    double dt = st->dt[k];
    in->inner_temp_k = st->tk[k];
    if (fabs(dt) < AIR_MIN_DT)
        in->inner_temp_k = st->t0 + AIR_MIN_DT;
}

/* Solve pipe k and store its share of out. */
static int air_pipe(const hl_pipe_laying *lay, const pipe_state *st, int k,
                    hl_pipe_thermal *out, hl_error *err)
{
    hl_surface_in in;
    hl_surface_out so;
    air_input(lay, st, k, &in);
    int rc = hl_surface_solve(&in, &so, err);
    if (rc)
        return rc;
    double dt = in.inner_temp_k - st->t0;
    double r = dt / so.heat_flow;
    if (!(isfinite(r) && r > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "%s pipe in air: no heat flow at %.3g K excess "
                            "(radiant surroundings differ from the air?)",
                            k == 0 ? "supply" : "return", dt);
    out->q[k] = st->dt[k] / r;
    out->n_layers[k] = in.n_layers;
    for (int i = 0; i < in.n_layers; i++)
        out->r_layer[k][i] = (so.temp_k[i] - so.temp_k[i + 1]) / so.heat_flow;
    memcpy(out->t_layer_k[k], so.temp_k,
           sizeof(double) * (size_t)(in.n_layers + 1));
    out->t_surface_k[k] = so.surface_temp_k;
    out->r_outside[k] = (so.surface_temp_k - st->t0) / so.heat_flow;
    out->r_insulation[k] = r - out->r_outside[k];
    if (k == 0)
        out->r11 = r;
    else
        out->r22 = r;
    out->iterations =
        so.iterations > out->iterations ? so.iterations : out->iterations;
    for (int i = 0; i < so.warnings.count; i++)
        hl_warnings_add(&out->warnings, "%s pipe: %s",
                        k == 0 ? "supply" : "return", so.warnings.text[i]);
    return HL_OK;
}

int pipe_air_solve(const hl_pipe_laying *lay, pipe_state *st,
                   hl_pipe_thermal *out, hl_error *err)
{
    for (int k = 0; k < st->n; k++) {
        int rc = pipe_check_buildup(&lay->pipe[k], k, st->lo, st->hi, err);
        if (!rc)
            rc = air_pipe(lay, st, k, out, err);
        if (rc)
            return rc;
    }
    out->r12 = 0.0;
    return HL_OK;
}
