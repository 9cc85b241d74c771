/*
 * pipe_thermal.c - hl_pipe_thermal_solve: the resistance matrix and heat
 * losses of one pipe build-up or a supply/return pair, for every laying.
 * This file holds the dispatch, the defaults and the buried single pipe
 * and pair; pipe_twin.c and pipe_air.c hold the other layings.
 *
 * Temperature-dependent conductivity: every radial layer's resistance is
 * evaluated with its Kirchhoff mean conductivity between its interface
 * temperatures; the interface temperatures follow from the heat flows;
 * the two are iterated to a fixed point (PIPE_TOL_K). With constant
 * conductivities one pass is exact.
 */
#include "pipe_check.h"
#include "pipe_solve.h"

#include <math.h>
#include <string.h>

static const char *const laying_names[] = {"single", "pair", "twin", "overhead",
                                           "duct"};

int hl_laying_from_name(const char *name)
{
    for (int i = 0; i < 5; i++)
        if (name && strcmp(name, laying_names[i]) == 0)
            return i;
    return -1;
}

const char *hl_laying_name(int laying)
{
    return (laying >= 0 && laying < 5) ? laying_names[laying] : NULL;
}

void hl_pipe_laying_init(hl_pipe_laying *lay)
{
    hl_surface_in in;
    hl_surface_in_init(&in);
    memset(lay, 0, sizeof *lay);
    lay->laying = HL_LAYING_SINGLE;
    lay->lambda_soil = 1.2; /* PREMANT and isoplus catalogue value */
    lay->air = in.outer;
    lay->twin_method = HL_TWIN_MULTIPOLE;
}

void pipe_note_ranges(const hl_pipe_buildup *b, const double *t, int k,
                      hl_warnings *w)
{
    for (int i = 0; i < b->n_layers; i++) {
        const hl_layer *l = &b->layer[i];
        double lo = fmin(t[i], t[i + 1]), hi = fmax(t[i], t[i + 1]);
        if ((isfinite(l->t_max_k) && hi > l->t_max_k + 1e-9) ||
            (isfinite(l->t_min_k) && lo < l->t_min_k - 1e-9))
            hl_warnings_add(w,
                            "%s pipe layer %d (%s) spans %.1f..%.1f C, "
                            "outside the valid range %.0f..%.0f C of its "
                            "conductivity",
                            k == 0 ? "supply" : "return", i + 1, l->name,
                            lo - HL_ZERO_C_K, hi - HL_ZERO_C_K,
                            l->t_min_k - HL_ZERO_C_K, l->t_max_k - HL_ZERO_C_K);
    }
}

/* Start values of the interface temperatures: all at the mean of the
 * carrier and the surroundings, so lambda starts at the mean temperature. */
void pipe_guess_temps(const radial_buildup *rb, double tk, double t0, double *t)
{
    for (int i = 0; i <= rb->n; i++)
        t[i] = 0.5 * (tk + t0);
}

double pipe_max_change(const double *a, const double *b, int n)
{
    double m = 0.0;
    for (int i = 0; i < n; i++)
        m = fmax(m, fabs(a[i] - b[i]));
    return m;
}

/* One pass of the buried single/pair solve at the current interface
 * temperatures; returns the largest change of those temperatures. */
static double buried_pass(pipe_state *st, hl_pipe_thermal *out)
{
    double r[2] = {0.0, 0.0}, change = 0.0;
    for (int k = 0; k < st->n; k++)
        r[k] = radial_resistances(&st->rb[k], st->t[k], out->r_layer[k]) +
               st->r_soil[k];
    if (st->n == 1) {
        out->q[0] = st->dt[0] / r[0];
        out->q[1] = 0.0;
    } else {
        pair_heat_flows(r[0], r[1], st->r12, st->dt[0], st->dt[1], out->q);
    }
    out->r11 = r[0];
    out->r22 = r[1];
    out->r12 = st->r12;
    for (int k = 0; k < st->n; k++) {
        double t_new[HL_MAX_LAYERS + 1];
        radial_march(&st->rb[k], st->tk[k], out->q[k], t_new);
        change =
            fmax(change, pipe_max_change(t_new, st->t[k], st->rb[k].n + 1));
        memcpy(st->t[k], t_new, sizeof t_new);
    }
    return change;
}

static void buried_setup(const hl_pipe_laying *lay, pipe_state *st)
{
    double h = soil_effective_depth(lay->axis_depth_m, lay->lambda_soil,
                                    lay->surface_resistance);
    for (int k = 0; k < st->n; k++) {
        radial_from_buildup(&lay->pipe[k], &st->rb[k]);
        if (st->start && isfinite(st->start[k][st->rb[k].n])) {
            memcpy(st->t[k], st->start[k], sizeof st->t[k]);
            st->t[k][0] = st->tk[k]; /* the carrier at its new temperature */
        } else {
            pipe_guess_temps(&st->rb[k], st->tk[k], st->t0, st->t[k]);
        }
        double d = 2.0 * st->rb[k].r[st->rb[k].n];
        st->r_soil[k] = soil_resistance(h, d, lay->lambda_soil);
    }
    st->r12 = (st->n == 2) ? soil_mutual_resistance(h, lay->axis_spacing_m,
                                                    lay->lambda_soil)
                           : 0.0;
}

/* Copies the converged layer state into out. */
static void buried_finish(const hl_pipe_laying *lay, const pipe_state *st,
                          hl_pipe_thermal *out)
{
    for (int k = 0; k < st->n; k++) {
        int n = st->rb[k].n;
        out->n_layers[k] = n;
        out->r_outside[k] = st->r_soil[k];
        out->r_insulation[k] = (k == 0 ? out->r11 : out->r22) - st->r_soil[k];
        memcpy(out->t_layer_k[k], st->t[k], sizeof(double) * (size_t)(n + 1));
        out->t_surface_k[k] = st->t[k][n];
        pipe_note_ranges(&lay->pipe[k], st->t[k], k, &out->warnings);
    }
}

static int buried_solve(const hl_pipe_laying *lay, pipe_state *st,
                        hl_pipe_thermal *out, hl_error *err)
{
    buried_setup(lay, st);
    int constant = radial_is_constant(&st->rb[0]) &&
                   (st->n == 1 || radial_is_constant(&st->rb[1]));
    double change = 0.0;
    for (int it = 1; it <= PIPE_MAX_IT; it++) {
        change = buried_pass(st, out);
        out->iterations = it;
        if (constant || change < st->tol_k) {
            if (!constant)
                buried_pass(st, out); /* r and q at the final temperatures */
            buried_finish(lay, st, out);
            return HL_OK;
        }
    }
    return hl_error_set(err, HL_ENOCONVERGE,
                        "buried pipe: lambda(T) iteration did not converge in "
                        "%d passes (last change %.3g K)",
                        PIPE_MAX_IT, change);
}

static int check_buried(const hl_pipe_laying *lay, const pipe_state *st,
                        hl_error *err)
{
    double d[2] = {0.0, 0.0};
    for (int k = 0; k < st->n; k++) {
        int rc = pipe_check_buildup(&lay->pipe[k], k, st->lo, st->hi, err);
        if (rc)
            return rc;
        d[k] = pipe_outer_diameter(&lay->pipe[k]);
    }
    int rc = pipe_check_soil(lay, 0.5 * fmax(d[0], d[1]), err);
    if (!rc && st->n == 2)
        rc = pipe_check_spacing(lay, 0.5 * (d[0] + d[1]),
                                "half the sum of the outer diameters: the "
                                "pipes must not overlap",
                                err);
    return rc;
}

/* Pipes in the laying: SINGLE and a lone OVERHEAD/DUCT pipe have one. */
static int pipe_count(const hl_pipe_laying *lay)
{
    if (lay->laying == HL_LAYING_SINGLE)
        return 1;
    if ((lay->laying == HL_LAYING_OVERHEAD || lay->laying == HL_LAYING_DUCT) &&
        !(lay->pipe[1].carrier_od_m > 0.0))
        return 1;
    return 2;
}

static int check_common(const hl_pipe_laying *lay, double t1, double t2,
                        double t0, hl_error *err)
{
    if (!lay)
        return hl_error_set(err, HL_EINVAL, "pipe laying: NULL");
    if (lay->laying < HL_LAYING_SINGLE || lay->laying > HL_LAYING_DUCT)
        return hl_error_set(err, HL_EINVAL,
                            "laying %d: expected single, pair, twin, overhead "
                            "or duct",
                            lay->laying);
    int rc = pipe_check_temperature(t1, "supply temperature", err);
    if (!rc && pipe_count(lay) == 2)
        rc = pipe_check_temperature(t2, "return temperature", err);
    if (!rc)
        rc = pipe_check_temperature(t0, "surroundings temperature", err);
    return rc;
}

int hl_pipe_thermal_solve(const hl_pipe_laying *lay, double t1_k, double t2_k,
                          double t0_k, hl_pipe_thermal *out, hl_error *err)
{
    return pipe_thermal_solve_from(lay, t1_k, t2_k, t0_k, NULL, PIPE_TOL_K, out,
                                   err);
}

int pipe_thermal_solve_from(const hl_pipe_laying *lay, double t1_k, double t2_k,
                            double t0_k,
                            const double t_start[2][HL_MAX_LAYERS + 1],
                            double tol_k, hl_pipe_thermal *out, hl_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = check_common(lay, t1_k, t2_k, t0_k, err);
    if (rc)
        return rc;
    pipe_state st;
    memset(&st, 0, sizeof st);
    st.start = t_start;
    st.tol_k = tol_k > 0.0 ? tol_k : PIPE_TOL_K;
    st.n = pipe_count(lay);
    st.tk[0] = t1_k;
    st.tk[1] = (st.n == 2) ? t2_k : t0_k;
    st.t0 = t0_k;
    st.dt[0] = t1_k - t0_k;
    st.dt[1] = st.tk[1] - t0_k;
    st.lo = fmin(t0_k, fmin(t1_k, st.tk[1]));
    st.hi = fmax(t0_k, fmax(t1_k, st.tk[1]));
    switch (lay->laying) {
    case HL_LAYING_TWIN:
        return pipe_twin_solve(lay, &st, out, err);
    case HL_LAYING_OVERHEAD:
    case HL_LAYING_DUCT:
        return pipe_air_solve(lay, &st, out, err);
    default:
        rc = check_buried(lay, &st, err);
        return rc ? rc : buried_solve(lay, &st, out, err);
    }
}
