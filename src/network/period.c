/*
 * period.c - an extended-period run of an imported .inp (net_period.h),
 * stepped as EPANET 2.3 steps it (hydraul.c runhyd/nexthyd, v2.3.5):
 * at each hydraulic time the junction demands follow their patterns,
 * the simple controls fire, the tanks are fixed heads at their current
 * level and the network is solved; the next time is the hydraulic step
 * shortened to the next pattern period, reporting time, a tank filling or
 * emptying, or a control's tank level or time; the tank levels move by
 * their net inflow over that step (explicit Euler on the volume, as
 * EPANET's tanklevels). A link into a full tank or out of an empty one
 * is closed for the step (EPANET's tankstatus).
 */
#include "heatline.h"
#include "heatline_period.h"
#include "network/net.h"
#include "network/net_period.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* EPANET's QZERO, 1e-6 ft3/s: a tank inflow below it does not move. */
#define QZERO_M3_S      (1e-6 * 0.3048 * 0.3048 * 0.3048)
#define SEC_PER_DAY     86400L
#define MAX_TANK_ROUNDS 8

/* EPANET's link status, as its controls compare it (types.h). */
enum { ST_XHEAD, ST_TEMPCLOSED, ST_CLOSED, ST_OPEN };

struct hl_period {
    hl_model *m;
    const net_period *p;
    long t, rtime; /* now, next reporting boundary (EPANET's Rtime) */
    int started, ended;
    double *vol;        /* m3 above the tank's lowest level */
    double *q;          /* m3/s net inflow of the last solve (NodeDemand) */
    signed char *set;   /* each link's status as the file and controls set it */
    signed char *open0; /* the model's link states and pump speeds before */
    double *speed0;     /* the period, given back by hl_period_free */
};

static double rho_of(const hl_period *pp)
{
    return pp->p->pa_per_m / pp->m->net->g;
}

static double tank_head(const hl_period *pp, int i)
{
    return pp->p->tk_hmin[i] + pp->vol[i] / pp->p->tk_area[i];
}

static double tank_volume(const net_period *p, int i, double h)
{
    return (h - p->tk_hmin[i]) * p->tk_area[i];
}

static long round_s(double x)
{
    return x >= 0.0 ? (long)(x + 0.5) : (long)(x - 0.5);
}

int hl_model_period_times(const hl_model *m, hl_period_times *out)
{
    if (!m || !out)
        return HL_EINVAL;
    if (m->failed || !m->finished)
        return HL_ESTATE;
    const net_period *p = m->net->period;
    if (!p)
        return HL_ENOTFOUND;
    out->duration_s = (double)p->duration_s;
    out->hydraulic_step_s = (double)p->hstep_s;
    out->pattern_step_s = (double)p->pstep_s;
    out->pattern_start_s = (double)p->pstart_s;
    out->report_step_s = (double)p->rstep_s;
    out->report_start_s = (double)p->rstart_s;
    out->start_clock_s = (double)p->tstart_s;
    out->n_tanks = p->n_tanks;
    out->n_controls = p->n_ctl;
    out->density_kg_m3 = p->pa_per_m / m->net->g;
    return HL_OK;
}

/* The model as it was before the period: its link states, pump speeds,
 * and the network's own demands and fixed pressures. */
static void give_back(hl_period *pp)
{
    hl_model *m = pp->m;
    if (pp->open0)
        memcpy(m->lk_open, pp->open0, (size_t)m->net->n_links);
    if (pp->speed0 && m->net->n_pumps > 0)
        memcpy(m->pu_speed, pp->speed0,
               sizeof(double) * (size_t)m->net->n_pumps);
    free(m->nd_dem_set);
    free(m->nd_fp_set);
    m->nd_dem_set = m->nd_fp_set = NULL;
}

void hl_period_free(hl_period *pp)
{
    if (!pp)
        return;
    give_back(pp);
    free(pp->open0);
    free(pp->speed0);
    free(pp->vol);
    free(pp->q);
    free(pp->set);
    free(pp);
}

int hl_period_start(hl_period **out, hl_model *m)
{
    if (!out)
        return HL_EINVAL;
    *out = NULL;
    if (!m || m->failed || !m->finished)
        return HL_ESTATE;
    const net_period *p = m->net->period;
    if (!p)
        return HL_ENOTFOUND;
    size_t nn = (size_t)m->net->n_nodes + 1, nt = (size_t)p->n_tanks + 1;
    hl_period *pp = calloc(1, sizeof *pp);
    if (!pp)
        return HL_ENOMEM;
    pp->m = m;
    pp->p = p;
    pp->vol = calloc(nt, sizeof *pp->vol);
    pp->q = calloc(nt, sizeof *pp->q);
    pp->set = malloc((size_t)m->net->n_links + 1);
    pp->open0 = malloc((size_t)m->net->n_links + 1);
    pp->speed0 = malloc(sizeof(double) * ((size_t)m->net->n_pumps + 1));
    if (!m->nd_dem_set)
        m->nd_dem_set = malloc(nn * sizeof *m->nd_dem_set);
    if (!m->nd_fp_set)
        m->nd_fp_set = malloc(nn * sizeof *m->nd_fp_set);
    if (pp->open0)
        memcpy(pp->open0, m->lk_open, (size_t)m->net->n_links);
    if (pp->speed0 && m->net->n_pumps > 0)
        memcpy(pp->speed0, m->pu_speed,
               sizeof(double) * (size_t)m->net->n_pumps);
    if (!pp->vol || !pp->q || !pp->set || !pp->open0 || !pp->speed0 ||
        !m->nd_dem_set || !m->nd_fp_set) {
        hl_period_free(pp);
        return HL_ENOMEM;
    }
    memcpy(pp->set, m->lk_open, (size_t)m->net->n_links);
    for (int i = 0; i < p->n_tanks; i++)
        pp->vol[i] = tank_volume(p, i, p->tk_h0[i]);
    pp->rtime = p->rstep_s;
    *out = pp;
    return HL_OK;
}

/* ---- boundary conditions of a time (EPANET's demands()) ---------------- */

static void demands(hl_period *pp)
{
    const net_period *p = pp->p;
    hl_model *m = pp->m;
    long period = (pp->t + p->pstart_s) / p->pstep_s;
    memcpy(m->nd_dem_set, m->net->nd_demand,
           sizeof(double) * (size_t)m->net->n_nodes);
    for (int k = 0; k < p->n_dem; k++)
        m->nd_dem_set[p->dem_node[k]] = 0.0;
    for (int k = 0; k < p->n_dem; k++) {
        int pat = p->dem_pat[k];
        double f =
            pat < 0
                ? 1.0
                : p->pat_f[p->pat_start[pat] + (int)(period % p->pat_len[pat])];
        m->nd_dem_set[p->dem_node[k]] += p->dem_base[k] * f;
    }
}

static void tank_pressures(hl_period *pp)
{
    hl_model *m = pp->m;
    memcpy(m->nd_fp_set, m->net->nd_fixed_p,
           sizeof(double) * (size_t)m->net->n_nodes);
    for (int i = 0; i < pp->p->n_tanks; i++) {
        int v = pp->p->tk_node[i];
        m->nd_fp_set[v] =
            pp->p->pa_per_m * (tank_head(pp, i) - m->net->nd_z[v]);
    }
}

/* ---- controls (EPANET's controls() and controltimestep()) -------------- */

static int link_status(const hl_period *pp, int k)
{
    const hl_model *m = pp->m;
    if (!m->lk_open[k])
        return ST_CLOSED;
    if (m->lk_cv_shut[k])
        return m->net->lk_kind[k] == LK_PUMP ? ST_XHEAD : ST_CLOSED;
    return ST_OPEN;
}

/* A pump's setting as EPANET keeps it: its speed, 0 when closed. */
static double link_setting(const hl_period *pp, int k)
{
    const hl_model *m = pp->m;
    if (m->net->lk_kind[k] != LK_PUMP)
        return NAN;
    return pp->set[k] ? m->pu_speed[m->net->lk_sub[k]] : 0.0;
}

static int control_due(const hl_period *pp, int c)
{
    const net_period *p = pp->p;
    switch (p->ct_type[c]) {
    case PC_TIMER:
        return p->ct_time[c] == pp->t;
    case PC_CLOCK:
        return (pp->t + p->tstart_s) % SEC_PER_DAY == p->ct_time[c];
    default: {
        int i = p->ct_tank[c];
        double v1 = pp->vol[i], v2 = tank_volume(p, i, p->ct_grade[c]);
        double vplus = fabs(pp->q[i]); /* one second of inflow */
        return p->ct_type[c] == PC_LOW ? v1 <= v2 + vplus : v1 >= v2 - vplus;
    }
    }
}

static void controls(hl_period *pp)
{
    const net_period *p = pp->p;
    hl_model *m = pp->m;
    for (int c = 0; c < p->n_ctl; c++) {
        if (!control_due(pp, c))
            continue;
        int k = p->ct_link[c];
        pp->set[k] = p->ct_open[c];
        if (m->net->lk_kind[k] == LK_PUMP && p->ct_speed[c] > 0.0)
            m->pu_speed[m->net->lk_sub[k]] = p->ct_speed[c];
    }
    memcpy(m->lk_open, pp->set, (size_t)m->net->n_links);
}

/* Would control c change its link? (controltimestep's test) */
static int control_changes(const hl_period *pp, int c)
{
    int k = pp->p->ct_link[c];
    double s = link_setting(pp, k);
    int want = pp->p->ct_open[c] ? ST_OPEN : ST_CLOSED;
    return (!isnan(s) && s != pp->p->ct_speed[c]) || link_status(pp, k) != want;
}

/* Seconds until control c fires (0: not in view). */
static long control_in(const hl_period *pp, int c)
{
    const net_period *p = pp->p;
    if (p->ct_type[c] == PC_TIMER)
        return p->ct_time[c] > pp->t ? p->ct_time[c] - pp->t : 0;
    if (p->ct_type[c] == PC_CLOCK) {
        long t1 = (pp->t + p->tstart_s) % SEC_PER_DAY, t2 = p->ct_time[c];
        return t2 >= t1 ? t2 - t1 : SEC_PER_DAY - t1 + t2;
    }
    int i = p->ct_tank[c];
    double h = tank_head(pp, i), q = pp->q[i], g = p->ct_grade[c];
    if (fabs(q) <= QZERO_M3_S)
        return 0;
    if ((h < g && p->ct_type[c] == PC_HIGH && q > 0.0) ||
        (h > g && p->ct_type[c] == PC_LOW && q < 0.0))
        return round_s((tank_volume(p, i, g) - pp->vol[i]) / q);
    return 0;
}

/* ---- the next time step (EPANET's timestep()) ------------------------------
 */

static void tank_step(const hl_period *pp, long *tstep)
{
    const net_period *p = pp->p;
    for (int i = 0; i < p->n_tanks; i++) {
        double q = pp->q[i], h = tank_head(pp, i), v;
        if (fabs(q) <= QZERO_M3_S)
            continue;
        if (q > 0.0 && h < p->tk_hmax[i])
            v = tank_volume(p, i, p->tk_hmax[i]) - pp->vol[i];
        else if (q < 0.0 && h > p->tk_hmin[i])
            v = -pp->vol[i];
        else
            continue;
        double xt = v / q;
        if (fabs(xt) > (double)*tstep + 1.0)
            continue;
        long t = round_s(xt);
        if (t > 0 && t < *tstep)
            *tstep = t;
    }
}

static void tank_levels(hl_period *pp, long tstep)
{
    const net_period *p = pp->p;
    for (int i = 0; i < p->n_tanks; i++) {
        double q = pp->q[i], vmax = tank_volume(p, i, p->tk_hmax[i]);
        if (fabs(q) <= QZERO_M3_S)
            continue;
        pp->vol[i] += q * (double)tstep;
        if (pp->vol[i] + q >= vmax) /* full or empty within a second */
            pp->vol[i] = vmax;
        else if (pp->vol[i] - q <= 0.0)
            pp->vol[i] = 0.0;
    }
}

static long time_step(hl_period *pp)
{
    const net_period *p = pp->p;
    long tstep = p->hstep_s, t;
    long n = (pp->t + p->pstart_s) / p->pstep_s + 1;
    t = n * p->pstep_s - pp->t; /* as EPANET: its Pattern Start aside */
    if (t > 0 && t < tstep)
        tstep = t;
    t = pp->rtime - pp->t;
    if (t > 0 && t < tstep)
        tstep = t;
    tank_step(pp, &tstep);
    for (int c = 0; c < p->n_ctl; c++) {
        t = control_in(pp, c);
        if (t > 0 && t < tstep && control_changes(pp, c))
            tstep = t;
    }
    tank_levels(pp, tstep);
    return tstep;
}

/* ---- the solve of one time ----------------------------------------------- */

/* Net inflow of each tank from its links' flows, m3/s. */
static void tank_inflows(hl_period *pp)
{
    const hl_model *m = pp->m;
    const net_def *d = m->net;
    double rho = rho_of(pp);
    for (int i = 0; i < pp->p->n_tanks; i++) {
        int v = pp->p->tk_node[i];
        double in = 0.0;
        for (int a = d->adj_start[v]; a < d->adj_start[v + 1]; a++) {
            int k = d->adj_link[a];
            if (!m->lk_open[k] || m->lk_cv_shut[k])
                continue;
            in += d->lk_to[k] == v ? m->lk_m[k] : -m->lk_m[k];
        }
        pp->q[i] = in / rho;
    }
}

/* Closes, for this time, each open link that fills a full tank or
 * drains an empty one; 1 when one was closed. */
static int tank_limits(hl_period *pp)
{
    hl_model *m = pp->m;
    const net_def *d = m->net;
    int closed = 0;
    for (int i = 0; i < pp->p->n_tanks; i++) {
        double h = tank_head(pp, i);
        int full = h >= pp->p->tk_hmax[i], empty = h <= pp->p->tk_hmin[i];
        int v = pp->p->tk_node[i];
        if (!full && !empty)
            continue;
        for (int a = d->adj_start[v]; a < d->adj_start[v + 1]; a++) {
            int k = d->adj_link[a];
            if (!m->lk_open[k] || m->lk_cv_shut[k])
                continue;
            double into = d->lk_to[k] == v ? m->lk_m[k] : -m->lk_m[k];
            if ((full && into > 0.0) || (empty && into < 0.0)) {
                m->lk_open[k] = 0;
                closed = 1;
            }
        }
    }
    return closed;
}

static int solve_now(hl_period *pp)
{
    demands(pp);
    controls(pp);
    tank_pressures(pp);
    int rc = hl_model_solve(pp->m, NULL);
    for (int r = 0; !rc && r < MAX_TANK_ROUNDS && tank_limits(pp); r++)
        rc = hl_model_solve(pp->m, NULL);
    if (!rc)
        tank_inflows(pp);
    return rc;
}

int hl_period_next(hl_period *pp, double *time_s, int *reported, int *last)
{
    if (!pp || !time_s || !reported || !last)
        return HL_EINVAL;
    if (pp->ended)
        return HL_ESTATE;
    const net_period *p = pp->p;
    if (pp->started) {
        pp->t += time_step(pp);
        if (pp->t >= pp->rtime)
            pp->rtime += p->rstep_s;
    }
    pp->started = 1;
    int rc = solve_now(pp);
    *time_s = (double)pp->t;
    *reported = pp->t >= p->rstart_s && (pp->t - p->rstart_s) % p->rstep_s == 0;
    *last = pp->t >= p->duration_s;
    if (*last || rc)
        pp->ended = 1;
    return rc;
}

int hl_period_tank(const hl_period *pp, int i, int *node, double *level_m,
                   double *inflow_m3_s)
{
    if (!pp || i < 0 || i >= pp->p->n_tanks)
        return HL_EINVAL;
    int v = pp->p->tk_node[i];
    if (node)
        *node = v;
    if (level_m)
        *level_m = tank_head(pp, i) - pp->m->net->nd_z[v];
    if (inflow_m3_s)
        *inflow_m3_s = pp->q[i];
    return HL_OK;
}
