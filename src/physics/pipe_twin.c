/*
 * pipe_twin.c - the TWIN laying: two equal carriers in one fill inside a
 * casing wall, buried.
 *
 * The fill and soil are resolved by twin.c (multipole method, or the
 * Wallenten first-order closed form) with the soil taken to start at the
 * fill boundary rc. The casing wall (rc .. rc_out) is then swapped in: it
 * carries q1 + q2 and is thin, so it adds R_wall - ln(rc_out/rc) /
 * (2 pi lambda_soil) to r11, r22 and r12 alike (the mean-temperature part
 * of the field; its effect on the reflection coefficient sigma is
 * neglected, see docs/physics.md). Own layers of a carrier (a coating) add
 * to its diagonal term only.
 *
 * lambda(T) of the fill: its Kirchhoff mean between the mean fill-boundary
 * temperature and the mean carrier surface temperature (exact for the
 * symmetric mode when the fill boundary is isothermal), iterated with the
 * heat flows to a fixed point.
 */
#include "pipe_check.h"
#include "pipe_solve.h"

#include <math.h>
#include <string.h>

typedef struct twin_setup {
    double ri, e, rc, rc_out, h; /* m; h includes lambda_soil R0 */
    double r_soil, r_wall;       /* K m/W */
    double r_wall_as_soil;       /* the wall annulus as soil, K m/W */
    hl_conductivity fill;
    double t_fill, t_mean; /* fill boundary and carrier surfaces, K */
} twin_setup;

static int check_fill(const hl_pipe_laying *lay, const pipe_state *st,
                      twin_setup *ts, hl_error *err)
{
    if (lay->twin_fill.n > 0)
        ts->fill = lay->twin_fill;
    else if (isfinite(lay->twin_lambda_fill) && lay->twin_lambda_fill > 0.0)
        ts->fill = hl_lambda_constant(lay->twin_lambda_fill);
    else
        return hl_error_set(err, HL_EINVAL,
                            "twin fill conductivity %g W/(m K): expected a "
                            "finite value > 0",
                            lay->twin_lambda_fill);
    for (int s = 0; s <= 8; s++) {
        double t = st->lo + (st->hi - st->lo) * s / 8.0;
        double k = hl_lambda_at(&ts->fill, t);
        if (!(k > 0.0 && isfinite(k)))
            return hl_error_set(err, HL_EINVAL,
                                "twin fill conductivity %g W/(m K) at %.1f C: "
                                "expected > 0",
                                k, t - HL_ZERO_C_K);
    }
    return HL_OK;
}

static int check_casing(const hl_pipe_laying *lay, twin_setup *ts,
                        hl_error *err)
{
    double dc = lay->twin_casing_od_m, w = lay->twin_casing_wall_m;
    if (!(isfinite(dc) && dc > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "twin casing outer diameter %g mm: expected a "
                            "finite value > 0",
                            dc * 1e3);
    if (!(isfinite(w) && w >= 0.0 && w < 0.5 * dc))
        return hl_error_set(err, HL_EINVAL,
                            "twin casing wall %g mm: expected >= 0 and below "
                            "the casing radius %g mm",
                            w * 1e3, 0.5 * dc * 1e3);
    double lc = lay->twin_lambda_casing;
    if (w > 0.0 && !(isfinite(lc) && lc > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "twin casing conductivity %g W/(m K): expected a "
                            "finite value > 0",
                            lc);
    ts->rc_out = 0.5 * dc;
    ts->rc = ts->rc_out - w;
    return HL_OK;
}

static int check_carriers(const hl_pipe_laying *lay, const pipe_state *st,
                          twin_setup *ts, hl_error *err)
{
    double d[2];
    for (int k = 0; k < 2; k++) {
        int rc = pipe_check_buildup(&lay->pipe[k], k, st->lo, st->hi, err);
        if (rc)
            return rc;
        d[k] = pipe_outer_diameter(&lay->pipe[k]);
    }
    if (fabs(d[0] - d[1]) > 1e-9 * d[0])
        return hl_error_set(err, HL_EINVAL,
                            "twin carriers %g mm and %g mm: expected equal "
                            "outer diameters (the model is symmetric)",
                            d[0] * 1e3, d[1] * 1e3);
    ts->ri = 0.5 * d[0];
    ts->e = 0.5 * lay->axis_spacing_m;
    return HL_OK;
}

static int check_twin(const hl_pipe_laying *lay, const pipe_state *st,
                      twin_setup *ts, hl_error *err)
{
    int rc = check_carriers(lay, st, ts, err);
    if (!rc)
        rc = check_casing(lay, ts, err);
    if (!rc)
        rc = check_fill(lay, st, ts, err);
    if (!rc)
        rc = pipe_check_soil(lay, ts->rc_out, err);
    if (!rc)
        rc = pipe_check_spacing(lay, 2.0 * ts->ri * (1.0 + 1e-9),
                                "more than a carrier diameter: the carriers "
                                "must not touch",
                                err);
    if (rc)
        return rc;
    if (!(ts->e + ts->ri < ts->rc))
        return hl_error_set(err, HL_EINVAL,
                            "twin: carriers reach %g mm from the axis: "
                            "expected less than the fill radius %g mm",
                            (ts->e + ts->ri) * 1e3, ts->rc * 1e3);
    if (lay->twin_method != HL_TWIN_MULTIPOLE &&
        lay->twin_method != HL_TWIN_WALLENTEN)
        return hl_error_set(err, HL_EINVAL,
                            "twin method %d: expected multipole (0) or "
                            "wallenten (1)",
                            lay->twin_method);
    if (lay->twin_order < 0 || lay->twin_order > TWIN_MAX_ORDER)
        return hl_error_set(err, HL_EINVAL,
                            "twin multipole order %d: expected 0 (default) "
                            "to %d",
                            lay->twin_order, TWIN_MAX_ORDER);
    return HL_OK;
}

static void twin_setup_soil(const hl_pipe_laying *lay, twin_setup *ts)
{
    double ls = lay->lambda_soil;
    ts->h =
        soil_effective_depth(lay->axis_depth_m, ls, lay->surface_resistance);
    ts->r_soil = soil_resistance(ts->h, 2.0 * ts->rc_out, ls);
    double g = log(ts->rc_out / ts->rc) / (2.0 * M_PI);
    ts->r_wall = (g > 0.0) ? g / lay->twin_lambda_casing : 0.0;
    ts->r_wall_as_soil = g / ls;
}

/* rs = r11 + r12 and ra = r11 - r12 at fill conductivity lam. */
static int twin_modes(const hl_pipe_laying *lay, const twin_setup *ts,
                      double lam, double *rs, double *ra)
{
    twin_geometry g = {ts->ri, ts->e, ts->rc, ts->h, lam, lay->lambda_soil};
    if (lay->twin_method == HL_TWIN_WALLENTEN)
        twin_wallenten(&g, rs, ra);
    else if (twin_multipole(&g, lay->twin_order, rs, ra))
        return HL_ENOCONVERGE;
    *rs += 2.0 * (ts->r_wall - ts->r_wall_as_soil); /* wall for soil */
    return HL_OK;
}

/* One pass at the current temperatures; *change receives the largest
 * change of the temperatures it updates. */
static int twin_pass(const hl_pipe_laying *lay, pipe_state *st, twin_setup *ts,
                     hl_pipe_thermal *out, double *change)
{
    double lam = lambda_mean_between(&ts->fill, ts->t_fill, ts->t_mean);
    double rs, ra, r_own[2];
    if (twin_modes(lay, ts, lam, &rs, &ra))
        return HL_ENOCONVERGE;
    for (int k = 0; k < 2; k++)
        r_own[k] = radial_resistances(&st->rb[k], st->t[k], out->r_layer[k]);
    out->r_sym = rs;
    out->r_anti = ra;
    out->r11 = 0.5 * (rs + ra) + r_own[0];
    out->r22 = 0.5 * (rs + ra) + r_own[1];
    out->r12 = 0.5 * (rs - ra);
    pair_heat_flows(out->r11, out->r22, out->r12, st->dt[0], st->dt[1], out->q);
    *change = 0.0;
    for (int k = 0; k < 2; k++) {
        double t_new[HL_MAX_LAYERS + 1];
        radial_march(&st->rb[k], st->tk[k], out->q[k], t_new);
        *change =
            fmax(*change, pipe_max_change(t_new, st->t[k], st->rb[k].n + 1));
        memcpy(st->t[k], t_new, sizeof t_new);
    }
    double qs = out->q[0] + out->q[1];
    double t_fill = st->t0 + qs * (ts->r_soil + ts->r_wall);
    double t_mean = 0.5 * (st->t[0][st->rb[0].n] + st->t[1][st->rb[1].n]);
    *change = fmax(*change,
                   fmax(fabs(t_fill - ts->t_fill), fabs(t_mean - ts->t_mean)));
    ts->t_fill = t_fill;
    ts->t_mean = t_mean;
    return HL_OK;
}

static void twin_finish(const hl_pipe_laying *lay, const pipe_state *st,
                        const twin_setup *ts, hl_pipe_thermal *out)
{
    double qs = out->q[0] + out->q[1];
    for (int k = 0; k < 2; k++) {
        int n = st->rb[k].n;
        out->n_layers[k] = n;
        out->r_outside[k] = ts->r_soil;
        out->r_insulation[k] = (k == 0 ? out->r11 : out->r22) - ts->r_soil;
        memcpy(out->t_layer_k[k], st->t[k], sizeof(double) * (size_t)(n + 1));
        out->t_surface_k[k] = st->t0 + qs * ts->r_soil;
        pipe_note_ranges(&lay->pipe[k], st->t[k], k, &out->warnings);
    }
    out->r_casing_wall = ts->r_wall;
    out->t_fill_boundary_k = ts->t_fill;
}

static int twin_iterate(const hl_pipe_laying *lay, pipe_state *st,
                        twin_setup *ts, hl_pipe_thermal *out, hl_error *err)
{
    double k, change = 0.0;
    int constant = lambda_is_constant(&ts->fill, &k) &&
                   radial_is_constant(&st->rb[0]) &&
                   radial_is_constant(&st->rb[1]);
    for (int it = 1; it <= PIPE_MAX_IT; it++) {
        if (twin_pass(lay, st, ts, out, &change))
            return hl_error_set(err, HL_ENOCONVERGE,
                                "twin multipole: the collocation system is "
                                "singular (geometry too close to contact?)");
        out->iterations = it;
        if (constant || change < st->tol_k) {
            if (!constant)
                twin_pass(lay, st, ts, out, &change);
            twin_finish(lay, st, ts, out);
            return HL_OK;
        }
    }
    return hl_error_set(err, HL_ENOCONVERGE,
                        "twin pipe: lambda(T) iteration did not converge in "
                        "%d passes (last change %.3g K)",
                        PIPE_MAX_IT, change);
}

int pipe_twin_solve(const hl_pipe_laying *lay, pipe_state *st,
                    hl_pipe_thermal *out, hl_error *err)
{
    twin_setup ts;
    memset(&ts, 0, sizeof ts);
    int rc = check_twin(lay, st, &ts, err);
    if (rc)
        return rc;
    twin_setup_soil(lay, &ts);
    for (int k = 0; k < 2; k++) {
        radial_from_buildup(&lay->pipe[k], &st->rb[k]);
        pipe_guess_temps(&st->rb[k], st->tk[k], st->t0, st->t[k]);
    }
    ts.t_mean = 0.5 * (st->tk[0] + st->tk[1]);
    ts.t_fill = 0.5 * (ts.t_mean + st->t0);
    return twin_iterate(lay, st, &ts, out, err);
}
