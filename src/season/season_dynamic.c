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
 * that hour on the plant (the pressures are the hydraulics'). */
#include "season_internal.h"

#include <math.h>
#include <string.h>

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

/* Hour k: its conditions, its steps, its record. */
static int one_hour(hl_season *s, plant *p, hl_dynamic *d, int si, int k,
                    double *surface_k, hl_error *err)
{
    plant_bc bc = season_hour_bc(s, k);
    int rc = plant_apply(p, hl_dynamic_model(d), &bc);
    if (!rc && k == 0)
        rc = hl_dynamic_restart(d); /* the steady state of the first hour */
    dyn_hour h;
    memset(&h, 0, sizeof h);
    double dt = s->opt.dynamic_step_s;
    int n_cons = hl_model_count(hl_dynamic_model(d), HL_CONSUMER);
    for (int j = 0; !rc && j < (int)lround(3600.0 / dt); j++) {
        rc = hl_dynamic_step(d);
        if (!rc)
            add_step(d, n_cons, dt, &h);
    }
    if (rc)
        return season_hour_error(s, si, k, &bc,
                                 (engine_error(d, rc, err), err));
    plant_totals t;
    const hl_model *hyd = hl_dynamic_hydraulics(d);
    plant_read(hyd, &t, surface_k);
    double drop = plant_outlet_k(hyd) - t.supply_city_k; /* steady */
    hour_totals(&h, &t);
    hl_season_scenario *sc = &s->scen[si];
    season_record_hour(s, sc, k, &t, surface_k);
    double *row = sc->hourly + (size_t)k * HL_HOUR_NCOLS;
    row[HL_HOUR_STORED_J] = h.stored_end;
    row[HL_HOUR_TRANSIT_S] = h.w > 0.0 ? h.wtau / h.w : NAN;
    row[HL_HOUR_SUPPLY_ERROR_K] = t.supply_city_k - (bc.supply_k - drop);
    season_note_warnings(s, hyd, si, &t);
    if (k != s->design_hour)
        return HL_OK;
    plant_totals steady;
    rc = plant_solve(p, &bc, &steady, NULL, err);
    return rc ? season_hour_error(s, si, k, &bc, err)
              : season_snapshot_profile(s, p, si, err);
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

int season_dynamic_hours(hl_season *s, plant *p, int si, double *surface_k,
                         season_progress *pr, hl_error *err)
{
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    o.step_s = s->opt.dynamic_step_s;
    o.hydraulic_step_s = 3600.0;
    o.soil = s->opt.dynamic_soil;
    hl_dynamic *d = NULL;
    int rc = hl_dynamic_new(&d, plant_model(p), &o, err);
    for (int k = 0; !rc && k < s->n_hours; k++) {
        rc = one_hour(s, p, d, si, k, surface_k, err);
        if (!rc)
            season_hour_done(pr, si);
    }
    if (!rc)
        under_supply(s, d, si);
    hl_dynamic_free(d);
    return rc;
}
