/*
 * solve.c - the steady thermo-hydraulic solve: properties at the current
 * temperatures and pressures -> hydraulics (GGA) -> temperatures (flow-
 * order sweep), repeated until the temperatures change by less than
 * temp_tol between rounds and the flows by less than the hydraulic
 * tolerance (NUMERICS.md "Coupling"); then the totals and the checks.
 */
#include "network/thermal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void hl_solve_options_init(hl_solve_options *o)
{
    o->flow_rel_tol = 1e-6;
    o->mass_tol_kg_s = 1e-6;
    o->max_iterations = 100;
    o->temp_tol_k = 1e-6;
    o->max_rounds = 30;
    o->cold_start = 0;
}

/* The result and coupling arrays, all or none (a failed allocation
 * leaves none, so the next solve tries again). */
static void results_free(hl_model *m)
{
    double **d[] = {&m->nd_p, &m->nd_t, &m->nd_ext, &m->round_t, &m->round_m};
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        free(*d[i]);
        *d[i] = NULL;
    }
    free(m->nd_order);
    free(m->nd_connected);
    m->nd_order = NULL;
    m->nd_connected = NULL;
}

static int alloc_results(hl_model *m)
{
    if (m->nd_p)
        return HL_OK;
    size_t n = (size_t)m->net->n_nodes + 1;
    m->nd_p = malloc(sizeof(double) * n);
    m->nd_t = malloc(sizeof(double) * n);
    m->nd_ext = calloc(n, sizeof(double));
    m->nd_order = malloc(sizeof(int) * n);
    m->nd_connected = malloc(n);
    m->round_t = malloc(sizeof(double) * n);
    m->round_m = malloc(sizeof(double) * ((size_t)m->net->n_links + 1));
    if (!m->nd_p || !m->nd_t || !m->nd_ext || !m->nd_order ||
        !m->nd_connected || !m->round_t || !m->round_m) {
        results_free(m);
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        m->nd_t[i] = NAN;
        m->nd_p[i] = NAN;
        m->nd_order[i] = -1;
    }
    return HL_OK;
}

/* A first temperature for properties: the hottest source, else 60 K above
 * the ground. */
static double temp_guess(const hl_model *m)
{
    double t = NAN;
    for (int i = 0; i < m->net->n_sources; i++)
        if (!(m->so_tsup[i] <= t))
            t = m->so_tsup[i];
    for (int i = 0; i < m->net->n_nodes; i++)
        if (!isnan(m->net->nd_fixed_p[i]) && !isnan(m->net->nd_inflow_t[i]) &&
            !(m->net->nd_inflow_t[i] <= t))
            t = m->net->nd_inflow_t[i];
    return isnan(t) ? m->t_ground + 60.0 : t;
}

static double pressure_guess(const hl_model *m)
{
    double s = 0.0;
    int n = 0;
    for (int i = 0; i < m->net->n_nodes; i++)
        if (!isnan(m->net->nd_fixed_p[i])) {
            s += net_node_fixed_p(m, i);
            n++;
        }
    return m->net->p_atm + (n ? s / n : 3e5);
}

static double link_temp(const hl_model *m, int k, double guess)
{
    if (m->net->lk_kind[k] == LK_PIPE) {
        int i = m->net->lk_sub[k];
        if (!isnan(m->pp_tin[i]))
            return 0.5 * (m->pp_tin[i] + m->pp_tout[i]);
    }
    int up = m->lk_m[k] >= 0.0 ? m->net->lk_from[k] : m->net->lk_to[k];
    return isnan(m->nd_t[up]) ? guess : m->nd_t[up];
}

static double link_pressure(const hl_model *m, int k, double guess)
{
    double a = m->nd_p[m->net->lk_from[k]], b = m->nd_p[m->net->lk_to[k]];
    if (isnan(a) || isnan(b))
        return guess;
    return m->net->p_atm + 0.5 * (a + b);
}

static void link_properties(hl_model *m, double t_guess, double p_guess)
{
    for (int k = 0; k < m->net->n_links; k++) {
        double t = fluid_clamp_t(link_temp(m, k, t_guess));
        double p = link_pressure(m, k, p_guess);
        m->lk_rho[k] = fluid_rho(&m->net->fluid, t, p);
        m->lk_mu[k] = fluid_mu(&m->net->fluid, t, p);
    }
}

/* Does anything the hydraulics use depend on temperature? */
static int coupled(const hl_model *m)
{
    if (!m->net->fluid.constant)
        return 1;
    for (int i = 0; i < m->net->n_consumers; i++)
        if (m->net->co_mode[i] == CONS_HEAT_RETURN ||
            m->net->co_mode[i] == CONS_HEAT_DT)
            return 1;
    return 0;
}

typedef struct round_state {
    double *t_prev, *m_prev;
} round_state;

/* Largest temperature change and relative flow change since last round. */
static void round_change(const hl_model *m, round_state *rs, double *dt,
                         double *dm)
{
    double tmax = 0.0, num = 0.0, den = 0.0;
    for (int i = 0; i < m->net->n_nodes; i++) {
        double d = fabs(m->nd_t[i] - rs->t_prev[i]);
        if (!(d <= tmax))
            tmax = d;
        rs->t_prev[i] = m->nd_t[i];
    }
    for (int k = 0; k < m->net->n_links; k++) {
        num += fabs(m->lk_m[k] - rs->m_prev[k]);
        den += fabs(m->lk_m[k]);
        rs->m_prev[k] = m->lk_m[k];
    }
    *dt = tmax;
    /* as the Newton's criterion (hydraulics.c): a network at rest counts a
     * change within the mass tolerance as none */
    *dm = num / fmax(den, HL_REST_FLOW_KG_S);
}

/* The chambers' air takes a secant step from every round's sweep (the
 * fittings' heat of the sweep, no evaluation of its own), from the last
 * solve's air in a warm solve: it then settles with the rounds, and
 * chamber_air_settle finds it settled without a sweep of its own (after
 * AIR_ROUNDS rounds, only while each step halves the last). Where
 * the air still moves after the rounds, it steps and sweeps; where those
 * sweeps moved the water by more than the rounds' tolerance, the rounds
 * run again at the new air (the consumers' flows follow the water), now
 * without steps of the air (a chamber whose steps did not converge with
 * the rounds would start them again), at most RECOUPLE_MAX times. (Tried and
 * not kept: a root per chamber by its own evaluations after the rounds, then a
 * sweep: the water moved by 1e-5 K for 0.02 K of air, the rounds ran again in
 * most hours, and the root's evaluations at new airs filled new table
 * cells: 2.7 times the instructions of a step per round.) */
#define RECOUPLE_MAX 4
#define AIR_ROUNDS   3 /* then steps only while they halve */

#define PUMP_CONTROL_STEPS 12 /* hydraulic re-solves per round, at most */

/* Hydraulics at this round's properties, with the speed-controlled pumps
 * at their set points (pump_control.c; they step inside the Newton
 * iterations, and here between solves should they still miss): the speeds
 * move pressures, which the temperatures hardly feel, so this costs
 * hydraulic iterations only instead of whole coupling rounds. *miss: the
 * largest miss of the last solve, Pa (a pump still missing has already
 * taken its next step). */
static int hydraulics(hl_model *m, const hl_solve_options *o, int first,
                      int *iters, double *miss)
{
    *iters = 0;
    for (int step = 0; step < PUMP_CONTROL_STEPS; step++) {
        int it = 0;
        if (hyd_solve(m, o, &it))
            return m->err.code;
        *iters += it;
        *miss = net_pump_control(m, m->nd_p, first && step == 0);
        if (*miss <= NET_CONTROL_TOL_PA)
            break;
    }
    return HL_OK;
}

/* Round 1 of a warm solve only predicts: its temperatures come from the
 * last solve's flows, whose inputs have hardly moved yet (the new hour's
 * supply temperature, ground and demand reach the hydraulics through the
 * temperatures and consumer flows of this round), so its hydraulic solve
 * is skipped; every later round solves them, and the answer is that of a
 * later round. A model that needs one round only (no coupling) always
 * solves them. */
static int predictor_round(const hl_model *m, const hl_solve_options *o, int r,
                           int need_rounds)
{
    return r == 1 && need_rounds && m->solved && !o->cold_start;
}

/* Sweeps of early rounds, whose flows and properties will still change,
 * stop at this fraction of the last round's temperature change (round 1:
 * one sweep); the answer is swept to THERMAL_TOL (settled_tight). The
 * next round's first sweep changes the temperatures by about the factor
 * by which the rounds contract: about 1/400 without pump and friction
 * heat, 1/15-1/50 with it (the water's heat then follows the pressures,
 * which follow the densities of the last round), so 0.003 forced a second
 * sweep in nearly every round. 0.1 lets one sweep do (the default
 * season's sweeps -36 %, rounds -5 %; unchanged without pump heat). */
#define SWEEP_FRACTION 0.1

/* The rounds have settled on temperatures swept to a loose tolerance:
 * sweep on to THERMAL_TOL at the same flows; still settled if the round's
 * change dt plus what the extra sweeps moved stays within temp_tol.
 * Returns 1 settled, 0 not, -1 on error. */
static int settled_tight(hl_model *m, const hl_solve_options *o,
                         round_state *rs, double dt)
{
    if (m->heat->change <= THERMAL_TOL)
        return 1;
    double more, dm;
    if (heat_solve(m, THERMAL_TOL))
        return -1;
    round_change(m, rs, &more, &dm);
    return dt + more <= o->temp_tol_k;
}

static int coupling(hl_model *m, const hl_solve_options *o, round_state *rs,
                    int air_steps)
{
    double tg = temp_guess(m), pg = pressure_guess(m);
    int iters = 0, need_rounds = coupled(m);
    /* without coupling, resistances that follow the temperatures still
     * need rounds: once the flows are final (hyd_done) a round only
     * re-evaluates the resistances and sweeps, no hydraulic iteration */
    int heat_rounds = !need_rounds && pipe_heat_depends_on_t(m);
    int hyd_done = 0;
    double sweep_tol = need_rounds ? INFINITY : THERMAL_TOL;
    double dt = NAN, dm = NAN, dc = NAN, dp = 0.0, da = 0.0, da_prev = 0.0;
    m->totals.iterations = 0;
    for (int r = 1; r <= o->max_rounds; r++) {
        m->totals.rounds = r;
        link_properties(m, tg, pg);
        dp = 0.0;
        iters = 0;
        /* the predictor round sweeps at the last solve's flows: the
         * pipes' own resistances, taken at its temperatures, stay */
        int predict = predictor_round(m, o, r, need_rounds);
        if (pipe_heat_update(m, tg, !predict) ||
            (!predict && !hyd_done && hydraulics(m, o, r == 1, &iters, &dp)))
            return m->err.code;
        m->totals.iterations += iters;
        if (heat_solve(m, sweep_tol) || (air_steps && chamber_air_step(m, &da)))
            return m->err.code;
        /* steps that stop shrinking (a chamber whose fittings' water
         * follows its air, at low flows) are left to the settling */
        air_steps = air_steps && (r <= AIR_ROUNDS || da < 0.5 * da_prev);
        da_prev = da;
        round_change(m, rs, &dt, &dm);
        dc = net_consumer_update(m, r == 1);
        if (!need_rounds && dp <= NET_CONTROL_TOL_PA) {
            if (!heat_rounds && r == 1)
                return HL_OK;
            hyd_done = heat_rounds;
        }
        if (r > 1 && dt <= o->temp_tol_k && dm <= 10.0 * o->flow_rel_tol &&
            dc <= 10.0 * o->flow_rel_tol && dp <= NET_CONTROL_TOL_PA) {
            int done = settled_tight(m, o, rs, dt);
            if (done)
                return done < 0 ? m->err.code : HL_OK;
        }
        sweep_tol = SWEEP_FRACTION * dt;
    }
    /* what still moved in the last round says where to look: consumer
     * flows that keep changing usually mean a load near what the sources
     * and heat exchangers can bring */
    return net_fail(m, HL_ENOCONVERGE,
                    "hydraulics and temperatures did not settle in %d "
                    "coupling rounds (the last moved temperatures %.3g K, "
                    "flows %.3g and consumer flows %.3g relative, control "
                    "pressures %.3g Pa)",
                    o->max_rounds, dt, dm, dc, dp);
}

/* The chambers' air settled with the water of the rounds; the rounds
 * again while that moved the water beyond their tolerance. */
static int air_with_water(hl_model *m, const hl_solve_options *o,
                          round_state *rs)
{
    for (int k = 0;; k++) {
        int sweeps;
        double dt, dm;
        if (chamber_air_settle(m, &sweeps))
            return m->err.code;
        if (sweeps == 0)
            return HL_OK;
        round_change(m, rs, &dt, &dm);
        if (dt <= o->temp_tol_k)
            return HL_OK;
        if (k == RECOUPLE_MAX && dt <= 10.0 * o->temp_tol_k)
            return HL_OK; /* as the rounds judge flows: within 10 x */
        if (k == RECOUPLE_MAX)
            return net_fail(m, HL_ENOCONVERGE,
                            "the chambers' air and the water did not settle "
                            "in %d coupling passes (the air's last sweeps "
                            "moved the water %.3g K)",
                            RECOUPLE_MAX + 1, dt);
        if (coupling(m, o, rs, 0)) /* consumers take the new water */
            return m->err.code;
    }
}

int hl_model_solve(hl_model *m, const hl_solve_options *opt)
{
    if (!m || m->failed || !m->finished)
        return HL_ESTATE;
    hl_solve_options o;
    if (opt)
        o = *opt;
    else
        hl_solve_options_init(&o);
    m->err.code = HL_OK;
    m->err.message[0] = '\0';
    net_warn_clear(m);
    net_profile_invalidate(m);
    if (alloc_results(m))
        return m->err.code;
    round_state rs = {m->round_t, m->round_m};
    memcpy(rs.t_prev, m->nd_t, sizeof(double) * (size_t)m->net->n_nodes);
    memcpy(rs.m_prev, m->lk_m, sizeof(double) * (size_t)m->net->n_links);
    if (o.cold_start)
        m->solved = 0;
    net_pump_control_restart(m);
    int rc = coupling(m, &o, &rs, 1);
    if (!rc)
        rc = air_with_water(m, &o, &rs);
    if (rc) {
        m->solved = 0;
        return rc;
    }
    m->solved = 1;
    net_totals(m);
    if (verdict_reset(m)) {
        m->solved = 0;
        return m->err.code;
    }
    checks_run(m);
    static_check_run(m);
    if (m->err.code) { /* a warning or the static check ran out of memory */
        m->solved = 0;
        return m->err.code;
    }
    return HL_OK;
}
