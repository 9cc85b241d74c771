/* season_dynamic.c - the season through the transport engine
 * (heatline_dynamic.h, docs/physics.md "A season in time"): one dynamic
 * run per scenario on the scenario's plant, started from the steady state
 * of the first hour; every hour sets the hour's boundary conditions (the
 * steady season's: demand, reset-curve supply, ground, outdoor and
 * chamber air), held over the hour's transport steps, and the hydraulics
 * are re-solved at the hour's start. The hour's energies are the
 * transport's own account (sources, pumps, delivered, lost in pipes and
 * fittings, stored in water, walls and soil), so the season closes with
 * the change of stored heat; pump electricity, fitting surfaces, the
 * verdict and the split of the fitting loss by state come from the hour's
 * hydraulic solve. The design-hour profile and map are a steady solve of
 * that hour on the plant (the pressures are the hydraulics').
 * With a supply lead (hl_season_options.dynamic_lead_*) each hour's set
 * point is the reset curve at the outdoor temperature forecast for the
 * hour plus the lead (the weather is the forecast, linear between its
 * hours), and the as-is scenario runs once more without lead, its errors
 * only, for the comparison (docs/physics.md "Supply lead"). */
#include "season_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Sums over the transport steps and consumers of one run: the error
 * against the reset curve (hl_season_lead). */
typedef struct lead_sum {
    double w, err_w, max_abs, under_kh; /* flow x step weighted, K, K h */
    double lead_w, lead_s_w;            /* lead in use, weighted */
} lead_sum;

/* One dynamic run of a scenario: record 0 is the as-is run without lead
 * that a season with a lead makes for the comparison (errors only). */
typedef struct dyn_run {
    hl_season *s;
    plant *p;
    hl_dynamic *d;
    int si, record, use_lead, n_cons;
    double lead_s;  /* the hour's lead, s */
    double *drop;   /* per consumer: the hour's plant-to-consumer drop, K */
    double *hour_e; /* per hour: flow-weighted error, K (NULL: none) */
    lead_sum sum;
} dyn_run;

/* Sums over the transport steps of one hour. */
typedef struct dyn_hour {
    double src, pumps, delivered, pipes, fittings, stored_change;
    double w, wt, wtau; /* consumer flow x step, x supply, x transit */
    double stored_end;
} dyn_hour;

static void add_step(const hl_dynamic *d, int n_cons, double dt, dyn_hour *h)
{
    hl_dynamic_energy e;
    hl_dynamic_energy_state(d, &e);
    /* water entering from outside counts as produced, water leaving as
     * delivered (the steady engine's totals: an EPANET import's
     * reservoirs and demands) */
    double enter = 0.5 * (e.step_boundary_gross_j + e.step_boundary_j);
    double leave = 0.5 * (e.step_boundary_gross_j - e.step_boundary_j);
    h->src += e.step_sources_j + enter;
    h->pumps += e.step_pumps_j;
    h->delivered += e.step_delivered_j + leave;
    h->pipes += e.step_lost_pipes_j;
    h->fittings += e.step_lost_fittings_j;
    h->stored_change += e.step_stored_change_j;
    h->stored_end = e.stored_j;
    for (int c = 0; c < n_cons; c++) {
        hl_dynamic_consumer k;
        if (hl_dynamic_consumer_state(d, c, &k) || !(k.flow_kg_s > 0.0))
            continue;
        double w = k.flow_kg_s * dt;
        h->w += w;
        h->wt += w * k.supply_temp_k;
        h->wtau += w * k.transit_s;
    }
}

/* The hour's totals: the transport's energies over the hydraulic solve's
 * (pump electricity, verdict, surfaces); the fitting loss split by state
 * as the solve splits it. */
static void hour_totals(const dyn_hour *h, plant_totals *t)
{
    double fit_steady =
        t->loss_fittings_w[0] + t->loss_fittings_w[1] + t->loss_fittings_w[2];
    double fit = h->fittings / 3600.0;
    for (int st = 0; st < HL_FIT_NSTATES; st++)
        t->loss_fittings_w[st] = fit_steady > 0.0
                                     ? fit * t->loss_fittings_w[st] / fit_steady
                                 : st == 0 ? fit
                                           : 0.0;
    t->heat_source_w = h->src / 3600.0;
    t->heat_delivered_w = h->delivered / 3600.0;
    t->loss_pipes_w = h->pipes / 3600.0;
    t->pump_heat_w = h->pumps / 3600.0;
    t->supply_city_k = h->w > 0.0 ? h->wt / h->w : NAN;
    t->stored_change_j = h->stored_change;
}

/* The sources' outlet temperature of m's solve, flow-weighted, K. */
static double plant_outlet_k(const hl_model *m)
{
    double w = 0.0, x = 0.0;
    for (int i = 0; i < hl_model_count(m, HL_SOURCE); i++) {
        hl_source_result r;
        if (hl_model_source_result(m, i, &r) || !(r.mass_flow_kg_s > 0.0))
            continue;
        w += r.mass_flow_kg_s;
        x += r.mass_flow_kg_s * r.temp_out_k;
    }
    return w > 0.0 ? x / w : NAN;
}

static int engine_error(hl_dynamic *d, int rc, hl_error *err)
{
    const char *e = hl_dynamic_error(d);
    return hl_error_set(err, rc, "%s",
                        e && *e ? e : hl_model_error(hl_dynamic_model(d)));
}

/* The flow-weighted transit time from the sources to the consumers now,
 * s: sum m_i tau_i / sum m_i (the lead of --lead auto). */
static double transit_to_consumers(const dyn_run *r)
{
    double mw = 0.0, mt = 0.0;
    for (int c = 0; c < r->n_cons; c++) {
        hl_dynamic_consumer k;
        if (hl_dynamic_consumer_state(r->d, c, &k) || !(k.flow_kg_s > 0.0))
            continue;
        mw += k.flow_kg_s;
        mt += k.flow_kg_s * k.transit_s;
    }
    return mw > 0.0 ? mt / mw : 0.0;
}

/* The outdoor temperature forecast for lead_s after the start of hour k:
 * the weather's hours, linear between them (the year wraps). */
static double forecast_outdoor_k(const hl_season *s, int k, double lead_s)
{
    const hl_weather *w = s->weather;
    double x = lead_s / 3600.0;
    long i = (long)floor(x);
    double f = x - (double)i;
    long a = ((long)s->first + k + i) % w->n, b = (a + 1) % w->n;
    return (1.0 - f) * w->dry_bulb_k[a] + f * w->dry_bulb_k[b];
}

/* Hour k's conditions: the season's, the set point led if asked. */
static plant_bc hour_bc(dyn_run *r, int k)
{
    plant_bc bc = season_hour_bc(r->s, k);
    r->lead_s = 0.0;
    if (!r->use_lead)
        return bc;
    r->lead_s = r->s->opt.dynamic_lead_auto ? transit_to_consumers(r)
                                            : r->s->opt.dynamic_lead_s;
    bc.supply_k =
        hl_supply_temp_k(&r->s->op, forecast_outdoor_k(r->s, k, r->lead_s));
    return bc;
}

/* The hour's drop from the plant to each consumer (its steady solve);
 * NaN for a consumer without flow. */
static void hour_drops(dyn_run *r)
{
    const hl_model *hyd = hl_dynamic_hydraulics(r->d);
    double out = plant_outlet_k(hyd);
    for (int c = 0; c < r->n_cons; c++) {
        hl_consumer_result res;
        r->drop[c] = NAN;
        if (hl_model_consumer_result(hyd, c, &res) == HL_OK &&
            res.mass_flow_kg_s > 0.0)
            r->drop[c] = out - res.temp_in_k;
    }
}

/* Every consumer's supply against the reset curve of hour k (its outdoor
 * temperature, not the forecast) less its drop, over one step. */
static void score_step(dyn_run *r, int k, double dt)
{
    double curve = r->s->supply_k[k];
    lead_sum *u = &r->sum;
    for (int c = 0; c < r->n_cons; c++) {
        hl_dynamic_consumer q;
        if (isnan(r->drop[c]) || hl_dynamic_consumer_state(r->d, c, &q) ||
            !(q.flow_kg_s > 0.0))
            continue;
        double e = q.supply_temp_k - (curve - r->drop[c]);
        double w = q.flow_kg_s * dt;
        u->w += w;
        u->err_w += w * e;
        u->max_abs = fmax(u->max_abs, fabs(e));
        u->under_kh += e < 0.0 ? -e * dt / 3600.0 : 0.0;
        u->lead_w += w;
        u->lead_s_w += w * r->lead_s;
    }
}

/* The hour's steps; h: their sums. */
static int hour_steps(dyn_run *r, int k, dyn_hour *h)
{
    double dt = r->s->opt.dynamic_step_s;
    memset(h, 0, sizeof *h);
    for (int j = 0; j < (int)lround(3600.0 / dt); j++) {
        int rc = hl_dynamic_step(r->d);
        if (rc)
            return rc;
        if (j == 0)
            hour_drops(r); /* the hour's hydraulics are solved now */
        add_step(r->d, r->n_cons, dt, h);
        score_step(r, k, dt);
    }
    return HL_OK;
}

/* Hour k: its conditions, its steps, its record. */
static int one_hour(dyn_run *r, int k, double *surface_k, hl_error *err)
{
    hl_season *s = r->s;
    plant_bc bc = hour_bc(r, k);
    int rc = plant_apply(r->p, hl_dynamic_model(r->d), &bc);
    if (!rc && k == 0)
        rc = hl_dynamic_restart(r->d); /* the steady state of the first
                                          hour */
    dyn_hour h;
    if (!rc)
        rc = hour_steps(r, k, &h);
    if (rc)
        return season_hour_error(s, r->si, k, &bc,
                                 (engine_error(r->d, rc, err), err));
    plant_totals t;
    const hl_model *hyd = hl_dynamic_hydraulics(r->d);
    plant_read(hyd, &t, surface_k);
    double drop = plant_outlet_k(hyd) - t.supply_city_k; /* steady */
    hour_totals(&h, &t);
    /* against the curve at the hour's outdoor temperature (with a lead
     * the set point followed the forecast) */
    double e = t.supply_city_k - (s->supply_k[k] - drop);
    if (r->hour_e)
        r->hour_e[k] = e;
    if (!r->record)
        return HL_OK;
    hl_season_scenario *sc = &s->scen[r->si];
    season_record_hour(s, sc, k, &t, surface_k);
    double *row = sc->hourly + (size_t)k * HL_HOUR_NCOLS;
    row[HL_HOUR_STORED_J] = h.stored_end;
    row[HL_HOUR_TRANSIT_S] = h.w > 0.0 ? h.wtau / h.w : NAN;
    row[HL_HOUR_SUPPLY_ERROR_K] = e;
    season_note_warnings(s, hyd, r->si, &t);
    if (k != s->design_hour)
        return HL_OK;
    /* the design hour's steady picture at the hour's own set point (a
     * led one is for water arriving hours later: steady, it may not
     * carry the hour's demand) */
    plant_totals steady;
    bc = season_hour_bc(s, k);
    rc = plant_solve(r->p, &bc, &steady, NULL, err);
    return rc ? season_hour_error(s, r->si, k, &bc, err)
              : season_snapshot_profile(s, r->p, r->si, err);
}

/* Hours whose water could not carry the demand (as-is): said loudly. */
static void under_supply(hl_season *s, const hl_dynamic *d, int si)
{
    hl_dynamic_energy e;
    if (si != 0 || hl_dynamic_energy_state(d, &e))
        return;
    if (e.unshifted_solves > 0)
        season_warn(s,
                    "dynamic: %d hours the consumers could not draw their "
                    "heat from the water arriving (under-supply); flows of "
                    "the set point used",
                    e.unshifted_solves);
    if (e.kept_flow_hours > 0)
        season_warn(s,
                    "dynamic: %d hours without a steady solution for the "
                    "hour's demand; the last flows kept",
                    e.kept_flow_hours);
}

static void lead_result(const lead_sum *u, double *hour_e, hl_season_lead *o)
{
    o->mean_error_k = u->w > 0.0 ? u->err_w / u->w : NAN;
    o->max_abs_error_k = u->max_abs;
    o->under_degree_hours = u->under_kh;
    o->mean_lead_h = u->lead_w > 0.0 ? u->lead_s_w / u->lead_w / 3600.0 : 0.0;
    o->hourly_error_k = hour_e;
}

static int leads(const hl_season *s)
{
    return s->opt.dynamic_lead_auto || s->opt.dynamic_lead_s > 0.0;
}

/* One run of scenario si over every hour. */
static int run_hours(dyn_run *r, double *surface_k, season_progress *pr,
                     hl_error *err)
{
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    o.step_s = r->s->opt.dynamic_step_s;
    o.hydraulic_step_s = 3600.0;
    o.soil = r->s->opt.dynamic_soil;
    int rc = hl_dynamic_new(&r->d, plant_model(r->p), &o, err);
    if (!rc) {
        r->n_cons = hl_model_count(hl_dynamic_model(r->d), HL_CONSUMER);
        r->drop = malloc(sizeof(double) * ((size_t)r->n_cons + 1));
        if (!r->drop)
            rc = hl_error_set(err, HL_ENOMEM, "season: out of memory");
    }
    for (int k = 0; !rc && k < r->s->n_hours; k++) {
        rc = one_hour(r, k, surface_k, err);
        if (!rc && r->record)
            season_hour_done(pr, r->si);
    }
    if (!rc && r->record)
        under_supply(r->s, r->d, r->si);
    hl_dynamic_free(r->d);
    free(r->drop);
    r->d = NULL;
    r->drop = NULL;
    return rc;
}

/* The as-is run keeps its error statistics ([0]); with a lead it is made
 * once more without it first ([1]). */
static int as_is_runs(hl_season *s, plant *p, double *surface_k,
                      season_progress *pr, hl_error *err)
{
    size_t n = (size_t)s->n_hours + 1;
    int lead = leads(s), rc = HL_OK;
    if (lead) {
        dyn_run r0 = {.s = s, .p = p, .si = 0};
        r0.hour_e = s->lead[1].hourly_error_k = malloc(sizeof(double) * n);
        if (!r0.hour_e)
            return hl_error_set(err, HL_ENOMEM, "season: out of memory");
        rc = run_hours(&r0, surface_k, pr, err);
        if (rc)
            return rc;
        lead_result(&r0.sum, r0.hour_e, &s->lead[1]);
        s->have_lead[1] = 1;
    }
    dyn_run r = {.s = s, .p = p, .si = 0, .record = 1, .use_lead = lead};
    r.hour_e = s->lead[0].hourly_error_k = malloc(sizeof(double) * n);
    if (!r.hour_e)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    rc = run_hours(&r, surface_k, pr, err);
    if (!rc) {
        lead_result(&r.sum, r.hour_e, &s->lead[0]);
        s->have_lead[0] = 1;
    }
    return rc;
}

int season_dynamic_hours(hl_season *s, plant *p, int si, double *surface_k,
                         season_progress *pr, hl_error *err)
{
    if (si == 0)
        return as_is_runs(s, p, surface_k, pr, err);
    dyn_run r = {.s = s, .p = p, .si = si, .record = 1, .use_lead = leads(s)};
    return run_hours(&r, surface_k, pr, err);
}
