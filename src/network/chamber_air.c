/*
 * chamber_air.c - the air of each valve chamber from its heat balance
 * (docs/physics.md, "Chamber air"): the fittings inside give their heat to
 * the air, the air passes it through the floor and walls to the ground,
 * through the roof and its soil cover to the outdoor air, and with the
 * ventilation air to the outdoor air:
 *   sum_i Q_i(T_w,i, T_a) = H_g (T_a - T_g) + (H_r + V) (T_a - T_o)
 * with the envelope conductances of physics/chamber.c and
 * V = n rho c_p Vol / 3600 (air at the outdoor temperature). Q_i falls as
 * T_a rises and the right side rises, so the root is unique and lies
 * between the coolest and warmest of the waters and the sinks' mean: a
 * safeguarded secant in that bracket finds it. The fittings' heat is that
 * of the thermal sweep (fittings_heat.c, its tables over water and air);
 * the water temperatures hardly feel the air (tens of kW on flows of
 * thousands of kg/s), so air and water are settled alternately: a secant
 * step of each chamber's air from every sweep's fittings' heat (in the
 * coupling rounds, solve.c, then here with sweeps of their own), until no
 * air moves by more than CH_AIR_TOL; after CH_SECANT_LOOPS such steps,
 * each chamber's root by its own evaluations.
 * A chamber whose air the model or the caller fixes keeps it; its
 * envelope heat is still reported.
 */
#include "network/thermal.h"

#include <math.h>
#include <stdlib.h>

#define CH_AIR_TOL                                                             \
    1e-5                     /* K: settled air (the sweeps resolve the         \
                                fittings' heat to about 1e-6 K of air) */
#define CH_ROOT_TOL     1e-8 /* K: root step */
#define CH_MAX_LOOPS    30   /* step + sweep rounds */
#define CH_SECANT_LOOPS 8    /* then roots by evaluation */
#define CH_ROOT_ITERS   100
#define CH_SOIL_LAMBDA                                                         \
    1.5 /* W/(m K): clay or silt, ISO 13370:2017 Table 7, where no buried pipe \
           touches the chamber */
#define ATM_PA 101325.0

/* Soil conductivity at chamber c: that of a buried pipe at one of its
 * fittings' nodes. */
static double chamber_soil(const hl_model *m, int c)
{
    const net_def *d = m->def;
    for (int j = d->ch_fit_start[c]; j < d->ch_fit_start[c + 1]; j++) {
        int v = d->fi_node[d->fit_by_chamber[j]];
        for (int a = d->adj_start[v]; a < d->adj_start[v + 1]; a++) {
            int k = d->adj_link[a];
            if (d->lk_kind[k] != LK_PIPE)
                continue;
            int p = d->lk_sub[k], ty = d->pp_ttype[p];
            if (d->pp_surround[p] == SURR_GROUND && ty >= 0 &&
                d->ttype[ty].laying.lambda_soil > 0.0)
                return d->ttype[ty].laying.lambda_soil;
        }
    }
    return CH_SOIL_LAMBDA;
}

static int index_chamber_fittings(hl_model *m)
{
    net_def *d = m->def;
    d->ch_fit_start = calloc((size_t)d->n_chambers + 1, sizeof(int));
    d->fit_by_chamber = malloc(sizeof(int) * (size_t)(d->n_fittings + 1));
    if (!d->ch_fit_start || !d->fit_by_chamber)
        return net_fail(m, HL_ENOMEM, "out of memory");
    for (int i = 0; i < d->n_fittings; i++)
        d->ch_fit_start[d->fi_chamber[i] + 1]++;
    for (int c = 0; c < d->n_chambers; c++)
        d->ch_fit_start[c + 1] += d->ch_fit_start[c];
    int *at = malloc(sizeof(int) * (size_t)(d->n_chambers + 1));
    if (!at)
        return net_fail(m, HL_ENOMEM, "out of memory");
    for (int c = 0; c <= d->n_chambers; c++)
        at[c] = d->ch_fit_start[c];
    for (int i = 0; i < d->n_fittings; i++)
        d->fit_by_chamber[at[d->fi_chamber[i]]++] = i;
    free(at);
    return HL_OK;
}

int chambers_prepare(hl_model *m)
{
    net_def *d = m->def;
    if (d->n_chambers == 0)
        return HL_OK;
    if (index_chamber_fittings(m))
        return m->err.code;
    for (int c = 0; c < d->n_chambers; c++) {
        chamber_geometry *g = &d->ch_geom[c];
        if (isnan(g->lambda_soil))
            g->lambda_soil = chamber_soil(m, c);
        if (chamber_envelope(g, &d->ch_env[c])) {
            char pos[300];
            net_where(m, d->ch_where[c], pos, sizeof pos);
            return net_fail(m, HL_EINVAL,
                            "%s: chamber '%s': inner dimensions, wall "
                            "thickness and conductivities must be above 0 "
                            "(roof depth at least 0)",
                            pos, d->ch_id[c]);
        }
    }
    return HL_OK;
}

/* Ventilation conductance of chamber c, W/K. */
static double vent_w_k(const hl_model *m, int c)
{
    if (m->net->ch_ach[c] <= 0.0)
        return 0.0;
    air_props a = air_at(m->t_air, ATM_PA);
    return m->net->ch_ach[c] / 3600.0 * m->net->ch_env[c].volume_m3 * a.rho *
           a.cp;
}

typedef struct sinks {
    double g_ground, g_out; /* W/K */
    double t_ground, t_out; /* K */
} sinks;

static sinks chamber_sinks(const hl_model *m, int c)
{
    const chamber_conductance *e = &m->net->ch_env[c];
    sinks s = {e->floor_w_k + e->walls_w_k, e->roof_w_k + vent_w_k(m, c),
               m->t_ground, m->t_air};
    return s;
}

static double sinks_w(const sinks *s, double ta)
{
    return s->g_ground * (ta - s->t_ground) + s->g_out * (ta - s->t_out);
}

/* Heat into the air from the flowing fittings of chamber c at air ta. */
static int fittings_w(hl_model *m, int c, double ta, double *q)
{
    const net_def *d = m->net;
    *q = 0.0;
    for (int j = d->ch_fit_start[c]; j < d->ch_fit_start[c + 1]; j++) {
        int i = d->fit_by_chamber[j];
        if (!m->fi_on[i])
            continue;
        fit_point p;
        double qi, ts;
        fitting_point(m->fi_tm[i], &p);
        if (fitting_heat_in_air(m, i, &p, ta, &qi, &ts))
            return m->err.code;
        *q += qi;
    }
    return HL_OK;
}

/* Bracket of the root: the waters of the flowing fittings and the sinks'
 * mean temperature; *any 0 when no fitting flows. */
static void bracket(const hl_model *m, int c, const sinks *s, double *lo,
                    double *hi, int *any)
{
    const net_def *d = m->net;
    double g = s->g_ground + s->g_out;
    double t_sink =
        g > 0.0 ? (s->g_ground * s->t_ground + s->g_out * s->t_out) / g : NAN;
    *lo = *hi = t_sink;
    *any = 0;
    for (int j = d->ch_fit_start[c]; j < d->ch_fit_start[c + 1]; j++) {
        int i = d->fit_by_chamber[j];
        if (!m->fi_on[i])
            continue;
        *any = 1;
        *lo = isnan(*lo) ? m->fi_tm[i] : fmin(*lo, m->fi_tm[i]);
        *hi = isnan(*hi) ? m->fi_tm[i] : fmax(*hi, m->fi_tm[i]);
    }
}

/* f(ta) = fittings' heat - sinks; decreasing in ta. */
static int balance(hl_model *m, int c, const sinks *s, double ta, double *f)
{
    double q;
    if (fittings_w(m, c, ta, &q))
        return m->err.code;
    *f = q - sinks_w(s, ta);
    return HL_OK;
}

/* The slope of chamber c's balance at air ta, estimated from the last
 * sweep: -(G + 1.3 sum |Q_i| / |T_w,i - T_a|) (natural convection and
 * radiation grow about as dT^1.3). The fittings' part is most of it (a
 * default chamber's bare fittings give about 1 kW/K against its 141 W/K
 * of envelope); on the default line a first step with it covers about
 * four fifths of the way to the root, and the secant does the rest. */
static double slope_estimate(const hl_model *m, int c, const sinks *s,
                             double ta)
{
    const net_def *d = m->net;
    double est = -(s->g_ground + s->g_out);
    for (int j = d->ch_fit_start[c]; j < d->ch_fit_start[c + 1]; j++) {
        int i = d->fit_by_chamber[j];
        if (m->fi_on[i])
            est -= 1.3 * fabs(m->fi_q[i]) / fmax(fabs(m->fi_tm[i] - ta), 1.0);
    }
    return est < 0.0 ? est : -1.0;
}

/* The air of chamber c at the waters of the last sweep: secant steps
 * from its present air (the first with the estimated slope), kept inside
 * the bracket [lo, hi] (f(lo) >= 0 >= f(hi)) and bisecting when a step
 * leaves it; the air ends on the last point evaluated (the fittings'
 * tables then hold its blend for the next sweep). */
static int chamber_root(hl_model *m, int c, double *ta)
{
    sinks s = chamber_sinks(m, c);
    double lo, hi, x, fx;
    int any;
    bracket(m, c, &s, &lo, &hi, &any);
    if (isnan(lo) || !(hi > lo)) { /* one temperature: that is the air */
        *ta = isnan(lo) ? m->ch_air[c] : lo;
        return HL_OK;
    }
    x = fmin(fmax(m->ch_air[c], lo), hi);
    double slope = slope_estimate(m, c, &s, x);
    if (balance(m, c, &s, x, &fx))
        return m->err.code;
    for (int it = 0; it < CH_ROOT_ITERS; it++) {
        if (fx > 0.0)
            lo = x;
        else if (fx < 0.0)
            hi = x;
        else
            break;
        double next = x - fx / slope;
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        double fn;
        if (balance(m, c, &s, next, &fn))
            return m->err.code;
        double sl = (fn - fx) / (next - x);
        if (sl < 0.0 && isfinite(sl))
            slope = sl;
        double step = fabs(next - x);
        x = next;
        fx = fn;
        if (step <= CH_ROOT_TOL || hi - lo <= CH_ROOT_TOL)
            break;
    }
    *ta = x;
    return HL_OK;
}

/* Heat of each chamber at its air now, W. */
static void book(hl_model *m)
{
    const net_def *d = m->net;
    for (int c = 0; c < d->n_chambers; c++) {
        const chamber_conductance *e = &d->ch_env[c];
        double ta = m->ch_air[c], q = 0.0;
        for (int j = d->ch_fit_start[c]; j < d->ch_fit_start[c + 1]; j++)
            q += m->fi_q[d->fit_by_chamber[j]];
        m->ch_q_in[c] = q;
        m->ch_q_ground[c] = (e->floor_w_k + e->walls_w_k) * (ta - m->t_ground);
        m->ch_q_roof[c] = e->roof_w_k * (ta - m->t_air);
        m->ch_q_vent[c] = vent_w_k(m, c) * (ta - m->t_air);
    }
}

/* One secant step of chamber c from the last sweep's fittings' heat
 * (no evaluation: the sweep gave it), with the estimated slope or the
 * secant of its last two steps where that is within a factor 3 of it. */
static double chamber_secant(hl_model *m, int c)
{
    const net_def *d = m->net;
    sinks s = chamber_sinks(m, c);
    double lo, hi, q = 0.0, ta = m->ch_air[c];
    int any;
    bracket(m, c, &s, &lo, &hi, &any);
    if (isnan(lo) || !(hi > lo))
        return isnan(lo) ? ta : lo;
    for (int j = d->ch_fit_start[c]; j < d->ch_fit_start[c + 1]; j++)
        q += m->fi_q[d->fit_by_chamber[j]];
    double f = q - sinks_w(&s, ta), est = slope_estimate(m, c, &s, ta);
    double da = ta - m->ch_a_prev[c];
    double sec = fabs(da) > 1e-9 ? (f - m->ch_f_prev[c]) / da : NAN;
    double slope = sec < est / 3.0 && sec > 3.0 * est ? sec : est;
    m->ch_a_prev[c] = ta;
    m->ch_f_prev[c] = f;
    return fmin(fmax(ta - f / slope, lo), hi);
}

int chamber_air_step(hl_model *m, double *moved)
{
    *moved = 0.0;
    for (int c = 0; c < m->net->n_chambers; c++) {
        if (m->ch_fix[c])
            continue;
        double ta = chamber_secant(m, c);
        *moved = fmax(*moved, fabs(ta - m->ch_air[c]));
        m->ch_air[c] = ta;
    }
    return HL_OK;
}

/* Each chamber's root at the last sweep's waters; *moved the most any
 * air moved. */
static int chambers_by_root(hl_model *m, double *moved)
{
    *moved = 0.0;
    for (int c = 0; c < m->net->n_chambers; c++) {
        if (m->ch_fix[c])
            continue;
        double ta;
        if (chamber_root(m, c, &ta))
            return m->err.code;
        *moved = fmax(*moved, fabs(ta - m->ch_air[c]));
        m->ch_air[c] = ta;
    }
    return HL_OK;
}

int chamber_air_settle(hl_model *m, int *sweeps)
{
    *sweeps = 0;
    if (m->net->n_chambers == 0)
        return HL_OK;
    double moved = 0.0;
    for (int loop = 0; loop < CH_MAX_LOOPS; loop++) {
        if ((loop < CH_SECANT_LOOPS ? chamber_air_step(m, &moved)
                                    : chambers_by_root(m, &moved)))
            return m->err.code;
        if (moved <= CH_AIR_TOL) {
            book(m);
            return HL_OK;
        }
        if (heat_solve(m, THERMAL_TOL))
            return m->err.code;
        ++*sweeps;
    }
    return net_fail(m, HL_ENOCONVERGE,
                    "chamber air did not settle in %d rounds with the water "
                    "(the last moved %.3g K)",
                    CH_MAX_LOOPS, moved);
}
