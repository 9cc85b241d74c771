/*
 * pipe_heat.c - the linear thermal resistances of every pipe (K m / W), as
 * the thermal solver needs them: (T - T0) = r11 q for a single pipe, and
 * the 2x2 matrix r11, r22, r12 of a pair (include/heatline_pipe.h).
 * - datasheet linear coefficient U' (W/(m K)):  r11 = 1 / U';
 * - U (W/(m2 K)) on a stated surface of diameter d:  r11 = 1 / (U pi d);
 * - layer build-up and laying: hl_pipe_thermal_solve.
 *
 * A build-up whose resistances do not depend on temperature (buried, every
 * layer at constant lambda) is solved once per pipe type. Any other build-
 * up (a layer with lambda(T), a twin fill with lambda(T), a pipe in air or
 * in a duct, whose outer film follows its surface temperature) is solved
 * per pipe, at that pipe's own mean water temperature and, for a buried
 * pair, its partner's: each layer then carries its Kirchhoff mean lambda
 * over its own temperature span (docs/physics.md, "lambda(T) of each
 * pipe"). The temperatures come from the last thermal sweep, so the
 * resistances settle with the coupling rounds (solve.c).
 */
#include "network/thermal.h"
#include "physics/physics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* 1 if every layer of the build-up has a constant conductivity. */
static int buildup_constant(const hl_pipe_buildup *b)
{
    double k;
    for (int i = 0; i < b->n_layers; i++)
        if (!lambda_is_constant(&b->layer[i].lambda, &k))
            return 0;
    return 1;
}

int pipe_type_depends_on_t(const net_thermal_spec *ts)
{
    const hl_pipe_laying *l = &ts->laying;
    double k;
    switch (l->laying) {
    case HL_LAYING_SINGLE:
        return !buildup_constant(&l->pipe[0]);
    case HL_LAYING_PAIR:
        return !buildup_constant(&l->pipe[0]) || !buildup_constant(&l->pipe[1]);
    case HL_LAYING_TWIN:
        return l->twin_fill.n > 0 && !lambda_is_constant(&l->twin_fill, &k);
    default: /* overhead, duct: convection and radiation outside */
        return 1;
    }
}

int pipe_heat_depends_on_t(const hl_model *m)
{
    for (int ty = 0; ty < m->net->n_ttypes; ty++)
        if (pipe_type_depends_on_t(&m->net->ttype[ty]))
            return 1;
    return 0;
}

/* Mean supply / return temperatures of the pipes of each thermal type. */
static void type_temperatures(const hl_model *m, int ty, double *t1, double *t2)
{
    double s[2] = {0, 0};
    int n[2] = {0, 0};
    for (int i = 0; i < m->net->n_pipes; i++) {
        if (m->net->pp_ttype[i] != ty || isnan(m->pp_tin[i]))
            continue;
        int r = m->net->pp_role[i] ? 1 : 0;
        s[r] += 0.5 * (m->pp_tin[i] + m->pp_tout[i]);
        n[r]++;
    }
    *t1 = n[0] ? s[0] / n[0] : NAN;
    *t2 = n[1] ? s[1] / n[1] : NAN;
}

/* Surroundings temperature of a thermal type now, K. */
static double type_ambient(const hl_model *m, const net_thermal_spec *ts)
{
    return ts->surround == SURR_AIR    ? m->t_air
           : ts->surround == SURR_DUCT ? m->t_duct
                                       : m->t_ground;
}

/* K: the lambda(T) iteration of a build-up stops when its interfaces move
 * less than this in a pass (hl_pipe_thermal_solve: 1e-9 K); it contracts
 * by about 0.1 a pass, so they are within 1e-8 K of the fixed point and
 * the resistances within 2e-11 of themselves: as exact as the coupling
 * needs. */
#define PIPE_SOLVE_TOL_K 1e-7

/* hl_pipe_thermal_solve for type ty at t1 (pipe[0]) and t2 (pipe[1]) in
 * surroundings at t0, a buried laying's iteration started from start
 * (NULL: the usual start). */
static int solve_type(hl_model *m, int ty, double t0, double t1, double t2,
                      const double (*start)[HL_MAX_LAYERS + 1],
                      hl_pipe_thermal *out)
{
    hl_error err;
    hl_error_clear(&err);
    const net_thermal_spec *ts = &m->net->ttype[ty];
    const hl_pipe_laying *lay = &ts->laying; /* the network's is shared */
    hl_pipe_laying air; /* only a laying in air takes t0 into its copy */
    if (lay->laying == HL_LAYING_OVERHEAD || lay->laying == HL_LAYING_DUCT) {
        air = *lay;
        air.air.air_k = air.air.radiant_k = t0;
        lay = &air;
    }
    if (pipe_thermal_solve_from(lay, t1, t2, t0, start, PIPE_SOLVE_TOL_K, out,
                                &err)) {
        char pos[300];
        net_where(m, ts->where, pos, sizeof pos);
        return net_fail(m, err.code, "%s: pipe type: %s", pos, err.message);
    }
    return HL_OK;
}

static int update_types(hl_model *m, double t_guess)
{
    for (int ty = 0; ty < m->net->n_ttypes; ty++) {
        if (pipe_type_depends_on_t(&m->net->ttype[ty]))
            continue; /* per pipe: update_pipes */
        double t1, t2;
        type_temperatures(m, ty, &t1, &t2);
        if (isnan(t1))
            t1 = t_guess;
        if (isnan(t2))
            t2 = isnan(t1) ? t_guess : t1;
        hl_pipe_thermal out;
        if (solve_type(m, ty, type_ambient(m, &m->net->ttype[ty]), t1, t2, NULL,
                       &out))
            return m->err.code;
        m->tt_r[3 * ty] = out.r11;
        m->tt_r[3 * ty + 1] = out.r22;
        m->tt_r[3 * ty + 2] = out.r12;
    }
    return HL_OK;
}

/* Mean water temperature of pipe i from the last sweep (t_guess before
 * the first, or where the sweep left it undefined). */
static double pipe_mean_t(const hl_model *m, int i, double t_guess)
{
    double t = 0.5 * (m->pp_tin[i] + m->pp_tout[i]);
    return isnan(t) ? t_guess : t;
}

/* The last solve of a pipe solved on its own (the leader of a pair):
 * its temperatures t1, t2, t0, resistances r11, r22, r12 and interface
 * temperatures. Per run (hl_model.pipe_warm). */
typedef struct pipe_warm {
    double t[3], r[3];
    double layer_k[2][HL_MAX_LAYERS + 1];
} pipe_warm;

/* K: a pipe whose temperatures all moved less than this since its last
 * solve keeps that solve's resistances. They change by about 1.5e-3 of
 * themselves per K (PUR; 5e-3 for rock wool), so by 1.5e-9 here: what the
 * coupling rounds' own lag leaves (they stop at temp_tol_k, 1e-6 K, and
 * each round takes the resistances at the last round's temperatures).
 * Catches the predictor round of a warm solve and the settled rounds. */
#define PIPE_REUSE_K 1e-6

static pipe_warm *warm_state(hl_model *m)
{
    if (!m->pipe_warm) {
        m->pipe_warm = malloc(sizeof *m->pipe_warm * (size_t)m->net->n_pipes);
        if (!m->pipe_warm) {
            net_fail(m, HL_ENOMEM, "out of memory for the pipes' resistances");
            return NULL;
        }
        for (int i = 0; i < m->net->n_pipes; i++) {
            m->pipe_warm[i].t[0] = NAN; /* never solved */
            m->pipe_warm[i].layer_k[0][0] = NAN;
        }
    }
    return m->pipe_warm;
}

static int moved(const pipe_warm *w, const double *t)
{
    return !(fabs(t[0] - w->t[0]) <= PIPE_REUSE_K &&
             fabs(t[1] - w->t[1]) <= PIPE_REUSE_K &&
             fabs(t[2] - w->t[2]) <= PIPE_REUSE_K);
}

/* Start of the layers' iteration: the last solve's interface profile of
 * each pipe stretched to its new excess over the surroundings (exact for
 * constant lambda and a lone pipe; lambda(T) and the partner's heat leave
 * a small remainder, so the iteration needs fewer passes). Returns 0 (use
 * the usual start) when an excess changed by more than a factor 1.5 or is
 * within 0.1 K of nothing: a profile that far off is no better a start. */
static int scaled_start(const pipe_warm *w, const double *t,
                        double start[2][HL_MAX_LAYERS + 1])
{
    for (int k = 0; k < 2; k++) {
        double old = w->t[k] - w->t[2], now = t[k] - t[2];
        double f = now / old;
        if (!(fabs(old) > 0.1 && f > 1.0 / 1.5 && f < 1.5))
            return 0;
        for (int l = 0; l <= HL_MAX_LAYERS; l++)
            start[k][l] = t[2] + (w->layer_k[k][l] - w->t[2]) * f;
    }
    return 1;
}

/* r11, r22, r12 of the solve led by pipe i at t (t1, t2, t0): its last
 * solve's if nothing moved, else a solve started from its interface
 * temperatures. */
static int resistances(hl_model *m, int i, const double *t, double *r)
{
    if (!warm_state(m))
        return m->err.code;
    pipe_warm *w = &m->pipe_warm[i];
    if (!moved(w, t)) {
        memcpy(r, w->r, sizeof w->r);
        return HL_OK;
    }
    hl_pipe_thermal out;
    double start[2][HL_MAX_LAYERS + 1];
    int warm = !isnan(w->t[0]) && scaled_start(w, t, start);
    int ty = m->net->pp_ttype[i];
    if (solve_type(m, ty, t[2], t[0], t[1],
                   warm ? (const double(*)[HL_MAX_LAYERS + 1]) start : NULL,
                   &out)) {
        if (!warm || m->err.code != HL_ENOCONVERGE)
            return m->err.code;
        m->err.code = HL_OK; /* once more from the usual start */
        m->err.message[0] = '\0';
        if (solve_type(m, ty, t[2], t[0], t[1], NULL, &out))
            return m->err.code;
    }
    r[0] = out.r11, r[1] = out.r22, r[2] = out.r12;
    memcpy(w->t, t, sizeof w->t);
    memcpy(w->r, r, sizeof w->r);
    memcpy(w->layer_k, out.t_layer_k, sizeof w->layer_k);
    return HL_OK;
}

/* Pipe i of a temperature-dependent type, with its partner j (-1: none)
 * in the same solve: the supply-role pipe is the laying's pipe[0]. */
static int update_one(hl_model *m, int i, double t_guess)
{
    int j = m->net->pp_pair[i];
    if (j >= 0 && m->net->pp_role[i] && !m->net->pp_role[j]) {
        int k = i; /* the supply-role pipe leads */
        i = j;
        j = k;
    }
    double t[3], r[3];
    t[0] = pipe_mean_t(m, i, t_guess);
    t[1] = j >= 0 ? pipe_mean_t(m, j, t_guess) : t[0];
    t[2] = pipe_ambient(m, i);
    if (resistances(m, i, t, r))
        return m->err.code;
    if (j < 0) { /* a lone pipe: its own role's build-up, no partner */
        m->pp_r11[i] = m->net->pp_role[i] ? r[1] : r[0];
        m->pp_r12[i] = 0.0;
        return HL_OK;
    }
    m->pp_r11[i] = r[0];
    m->pp_r11[j] = r[1];
    m->pp_r12[i] = m->pp_r12[j] = r[2];
    return HL_OK;
}

int pipe_heat_faces(hl_model *m, int i, double t_water_k, double *t_face_k)
{
    int ty = m->net->pp_ttype[i], j = m->net->pp_pair[i];
    int lead = j < 0 || !m->net->pp_role[i] || m->net->pp_role[j];
    double tj = j >= 0 ? pipe_mean_t(m, j, t_water_k) : t_water_k;
    hl_pipe_thermal out;
    if (solve_type(m, ty, pipe_ambient(m, i), lead ? t_water_k : tj,
                   lead ? tj : t_water_k, NULL, &out))
        return m->err.code;
    int k = (j < 0 ? m->net->pp_role[i] != 0 : !lead) ? 1 : 0;
    for (int l = 0; l <= out.n_layers[k]; l++)
        t_face_k[l] = out.t_layer_k[k][l];
    return HL_OK;
}

/* 1 if pipe i is solved per pipe and leads its pair (or has none). */
static int leads_own_solve(const hl_model *m, int i)
{
    int ty = m->net->pp_ttype[i];
    if (m->net->pp_ht[i] != HT_BUILDUP || ty < 0 ||
        !pipe_type_depends_on_t(&m->net->ttype[ty]))
        return 0;
    int j = m->net->pp_pair[i];
    return j < 0 || i < j;
}

static int update_pipes(hl_model *m, double t_guess)
{
    for (int i = 0; i < m->net->n_pipes; i++)
        if (leads_own_solve(m, i) && update_one(m, i, t_guess))
            return m->err.code;
    return HL_OK;
}

int pipe_heat_update(hl_model *m, double t_guess, int per_pipe)
{
    if (m->net->n_ttypes && update_types(m, t_guess))
        return m->err.code;
    for (int i = 0; i < m->net->n_pipes; i++) {
        double v = m->net->pp_htv[i];
        int ty = m->net->pp_ttype[i];
        switch (m->net->pp_ht[i]) {
        case HT_LINEAR:
            m->pp_r11[i] = 1.0 / v, m->pp_r12[i] = 0.0;
            break;
        case HT_U:
            m->pp_r11[i] = 1.0 / (v * M_PI * m->net->pp_ud[i]);
            m->pp_r12[i] = 0.0;
            break;
        case HT_BUILDUP: {
            if (pipe_type_depends_on_t(&m->net->ttype[ty]))
                break; /* update_pipes */
            const double *r = m->tt_r + 3 * ty;
            m->pp_r11[i] = m->net->pp_role[i] ? r[1] : r[0];
            m->pp_r12[i] = m->net->pp_pair[i] >= 0 ? r[2] : 0.0;
            break;
        }
        default:
            m->pp_r11[i] = INFINITY, m->pp_r12[i] = 0.0;
        }
    }
    return per_pipe ? update_pipes(m, t_guess) : HL_OK;
}
