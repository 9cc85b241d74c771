/* season.c - the season loop: boundary conditions of every hour (outdoor,
 * ground at pipe depth, chamber air, demand, supply temperature), one
 * steady solve per hour warm-started from the previous hour, energy
 * accounting per hour, month and season for each fitting scenario, and the
 * retrofit economics against the as-is scenario. */
#include "season_internal.h"
#include "io/io.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void hl_season_options_init(hl_season_options *o)
{
    memset(o, 0, sizeof *o);
    hl_kusuda_hohhot(&o->ground);
    /* every operation field from the model (or the Hohhot defaults) */
    o->operation.design_load_w = o->operation.design_outdoor_k = NAN;
    o->operation.balance_k = o->operation.design_supply_k = NAN;
    o->operation.design_return_k = o->operation.reset_floor_k = NAN;
    o->operation.standby_load_fraction = NAN;
    o->operation.reset_cold_outdoor_k = o->operation.reset_cold_supply_k = NAN;
    o->operation.reset_warm_outdoor_k = o->operation.reset_warm_supply_k = NAN;
    o->operation.regulation = -1;
    o->chamber_mode = HL_CHAMBER_MODEL;
    o->chamber_air_k = HL_ZERO_C_K + 25.0;
    o->burn_limit_k = NAN; /* the model's fitting surface limit */
    hl_economics_defaults(&o->economics);
}

void hl_season_free(hl_season *s)
{
    if (!s)
        return;
    free(s->outdoor_k);
    free(s->fit);
    text_list_free(&s->strings);
    text_list_free(&s->warnings);
    text_list_free(&s->violations);
    text_list_free(&s->hour_warnings);
    if (s->own_weather) {
        hl_weather_free(s->own_weather);
        free(s->own_weather);
    }
    for (int i = 0; i < HL_SCEN_COUNT; i++) {
        free(s->scen[i].hourly);
        free(s->scen[i].burn_hours);
        free(s->scen[i].max_surface_k);
        free(s->scen[i].design_surface_k);
        free(s->scen[i].design_chamber_k);
        free(s->profile[i]);
    }
    season_map_free(s->map);
    free(s->ch_id);
    free(s->ch_chainage_m);
    free(s->lead[0].hourly_error_k);
    free(s->lead[1].hourly_error_k);
    free(s);
}

/* EPW header ground temperatures at depth z on day t: linear in depth
 * between the listed depths (held beyond them), linear in time between
 * mid-month values. */
static double epw_ground_k(const hl_weather *w, double z, double day)
{
    int lo = 0, hi = 0;
    for (int d = 0; d < w->n_ground; d++) {
        if (w->ground_depth_m[d] <= z)
            lo = d;
        if (w->ground_depth_m[d] >= z) {
            hi = d;
            break;
        }
        hi = d;
    }
    double f = w->ground_depth_m[hi] > w->ground_depth_m[lo]
                   ? (z - w->ground_depth_m[lo]) /
                         (w->ground_depth_m[hi] - w->ground_depth_m[lo])
                   : 0.0;
    double mpos = (day - 1.0) / 365.0 * 12.0 - 0.5; /* 0 = mid-January */
    int m0 = (int)floor(mpos);
    double g = mpos - m0;
    int a = (m0 % 12 + 12) % 12, b = (a + 1) % 12;
    double t_lo =
        (1 - g) * w->ground_monthly_k[lo][a] + g * w->ground_monthly_k[lo][b];
    double t_hi =
        (1 - g) * w->ground_monthly_k[hi][a] + g * w->ground_monthly_k[hi][b];
    return (1 - f) * t_lo + f * t_hi;
}

static int alloc_arrays(hl_season *s, int n_points, hl_error *err)
{
    size_t n = (size_t)s->n_hours, nf = (size_t)s->n_fit;
    size_t nc = (size_t)s->n_ch;
    int ok = (s->outdoor_k = calloc(n * 5, sizeof(double))) != NULL &&
             (s->fit = calloc(nf ? nf : 1, sizeof *s->fit)) != NULL &&
             (s->ch_id = calloc(nc + 1, sizeof *s->ch_id)) != NULL &&
             (s->ch_chainage_m = calloc(nc + 1, sizeof(double))) != NULL;
    for (int i = 0; ok && i < s->n_scen; i++) {
        hl_season_scenario *sc = &s->scen[i];
        ok = (sc->hourly = calloc(n * HL_HOUR_NCOLS, sizeof(double))) &&
             (sc->burn_hours = calloc(nf + 1, sizeof(int))) &&
             (sc->max_surface_k = calloc(nf + 1, sizeof(double))) &&
             (sc->design_surface_k = calloc(nf + 1, sizeof(double))) &&
             (sc->design_chamber_k = calloc(nc + 1, sizeof(double))) &&
             (s->profile[i] =
                  calloc((size_t)n_points + 1, sizeof(hl_profile_point)));
    }
    if (!ok)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    s->ground_k = s->outdoor_k + n;
    s->chamber_k = s->ground_k + n;
    s->demand_w = s->chamber_k + n;
    s->supply_k = s->demand_w + n;
    return HL_OK;
}

static double ground_at(const hl_season *s, double day)
{
    if (s->opt.ground_source == HL_GROUND_EPW)
        return epw_ground_k(s->weather, s->opt.ground.depth_m, day);
    return hl_kusuda_temp_k(&s->opt.ground, day);
}

static void boundary_conditions(hl_season *s, const plant *p)
{
    const hl_weather *w = s->weather;
    s->design_hour = 0;
    for (int k = 0; k < s->n_hours; k++) {
        int i = (s->first + k) % w->n;
        double day =
            cal_day_of_year(w->month[i], w->day[i]) + w->hour[i] / 24.0;
        s->outdoor_k[k] = w->dry_bulb_k[i];
        s->ground_k[k] = ground_at(s, day);
        s->chamber_k[k] = s->opt.chamber_mode == HL_CHAMBER_FIXED
                              ? s->opt.chamber_air_k
                          : s->opt.chamber_mode == HL_CHAMBER_GROUND
                              ? s->ground_k[k] + s->opt.chamber_offset_k
                              : plant_chamber_air_k(p);
        double want = hl_demand_w(&s->op, s->outdoor_k[k]);
        s->standby_hours +=
            want <= s->op.standby_load_fraction * s->op.design_load_w;
        s->demand_w[k] = fmin(want, s->op.design_load_w);
        if (want > s->demand_w[k]) {
            s->capped_hours++;
            s->unmet_j += 3600.0 * (want - s->demand_w[k]);
        }
        s->supply_k[k] = hl_supply_temp_k(&s->op, s->outdoor_k[k]);
        if (s->outdoor_k[k] < s->outdoor_k[s->design_hour])
            s->design_hour = k;
    }
}

static void add_energy(hl_energy *e, const plant_totals *t)
{
    e->hours += 1.0;
    e->heat_source_j += 3600.0 * t->heat_source_w;
    e->heat_delivered_j += 3600.0 * t->heat_delivered_w;
    e->loss_pipes_j += 3600.0 * t->loss_pipes_w;
    for (int st = 0; st < HL_FIT_NSTATES; st++)
        e->loss_fittings_j[st] += 3600.0 * t->loss_fittings_w[st];
    e->pump_electric_j += 3600.0 * t->pump_electric_w;
    e->pump_heat_j += 3600.0 * t->pump_heat_w;
    e->stored_change_j += t->stored_change_j;
    e->heat_unmet_j += 3600.0 * t->heat_unmet_w;
}

void season_record_hour(hl_season *s, hl_season_scenario *sc, int k,
                        const plant_totals *t, const double *surface_k)
{
    double *row = sc->hourly + (size_t)k * HL_HOUR_NCOLS;
    row[HL_HOUR_SOURCE_W] = t->heat_source_w;
    row[HL_HOUR_DELIVERED_W] = t->heat_delivered_w;
    row[HL_HOUR_LOSS_PIPES_W] = t->loss_pipes_w;
    row[HL_HOUR_LOSS_FITTINGS_W] =
        t->loss_fittings_w[0] + t->loss_fittings_w[1] + t->loss_fittings_w[2];
    row[HL_HOUR_PUMP_W] = t->pump_electric_w;
    row[HL_HOUR_SUPPLY_CITY_K] = t->supply_city_k;
    row[HL_HOUR_PUMP_HEAT_W] = t->pump_heat_w;
    row[HL_HOUR_STORED_J] = NAN; /* a dynamic season fills these two */
    row[HL_HOUR_TRANSIT_S] = NAN;
    row[HL_HOUR_SUPPLY_ERROR_K] = NAN;
    int month = s->weather->month[(s->first + k) % s->weather->n] - 1;
    add_energy(&sc->total, t);
    add_energy(&sc->month[month], t);
    for (int f = 0; f < s->n_fit; f++) {
        if (surface_k[f] > s->opt.burn_limit_k) {
            sc->burn_hours[f]++;
            sc->burn_fitting_hours++;
        }
        if (!(surface_k[f] <= sc->max_surface_k[f]))
            sc->max_surface_k[f] = surface_k[f];
        if (k == s->design_hour)
            sc->design_surface_k[f] = surface_k[f];
    }
}

static void copy_stations(hl_season *s, const hl_profile *pr)
{
    s->n_stations = 0;
    for (int i = 0; i < pr->n_stations && i < SEASON_MAX_STATIONS; i++) {
        season_station *st = &s->station[s->n_stations++];
        st->name = season_keep(s, pr->station[i].name);
        st->chainage_m = pr->station[i].chainage_m;
    }
}

/* The profile at the design hour; warns once if a pressure passes the
 * pressure class there. */
int season_snapshot_profile(hl_season *s, plant *p, int si, hl_error *err)
{
    hl_profile pr;
    int rc = plant_profile(p, &pr, err);
    if (rc)
        return rc;
    memcpy(s->profile[si], pr.point, (size_t)pr.n_points * sizeof *pr.point);
    if (si == 0) { /* the same model in every scenario (and thread) */
        s->n_profile = pr.n_points;
        copy_stations(s, &pr);
        if (season_map_take(s, plant_model(p)))
            return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    }
    for (int i = 0; si == 0 && i < pr.n_points; i++) {
        const hl_profile_point *q = &pr.point[i];
        if (q->head_supply_m > q->max_head_m ||
            q->head_return_m > q->max_head_m) {
            season_warn(s,
                        "design hour: the pressure at km %.1f is above "
                        "the pressure class of its pipes",
                        q->chainage_m / 1000.0);
            break;
        }
    }
    return HL_OK;
}

plant_bc season_hour_bc(const hl_season *s, int k)
{
    plant_bc bc;
    bc.outdoor_k = s->outdoor_k[k];
    bc.ground_k = s->ground_k[k];
    bc.chamber_k =
        s->opt.chamber_mode == HL_CHAMBER_MODEL ? NAN : s->chamber_k[k];
    bc.supply_k = s->supply_k[k];
    bc.demand_w = s->demand_w[k];
    return bc;
}

static const hl_fitting_cover *scenario_cover(const hl_season *s, int which)
{
    return which == HL_SCEN_COATED     ? &s->opt.coating
           : which == HL_SCEN_JACKETED ? &s->opt.jacket
                                       : NULL;
}

/* As-is hours only: count the hours that warned and that were
 * infeasible, and keep every warning and violation of the first. */
void season_note_warnings(hl_season *s, const hl_model *m, int si,
                          const plant_totals *t)
{
    if (si != 0)
        return;
    text_list none = {0, 0, NULL};
    if (!t->feasible && s->infeasible_hours++ == 0 &&
        plant_model_verdict_lines(m, &s->violations, &none))
        s->out_of_memory = 1;
    text_list_free(&none);
    if (t->warnings == 0)
        return;
    if (s->warning_hours++ == 0) {
        s->first_warning = season_keep(
            s, hl_model_warning_count(m) > 0 ? hl_model_warning(m, 0) : "");
        if (plant_model_verdict_lines(m, &none, &s->hour_warnings))
            s->out_of_memory = 1;
        text_list_free(&none);
    }
}

/* Which hour failed, and under what conditions, ahead of the engine's
 * message. */
int season_hour_error(const hl_season *s, int si, int k, const plant_bc *bc,
                      hl_error *err)
{
    const hl_weather *w = s->weather;
    int i = (s->first + k) % w->n;
    char why[sizeof err->message];
    snprintf(why, sizeof why, "%s", err->message);
    return hl_error_set(err, err->code,
                        "scenario %s, %02d-%02d %02d:00 (outdoor %.1f C, "
                        "demand %.1f MW, supply %.1f C): %s",
                        hl_scenario_name(s->scen[si].scenario), w->month[i],
                        w->day[i], w->hour[i], bc->outdoor_k - HL_ZERO_C_K,
                        bc->demand_w / 1e6, bc->supply_k - HL_ZERO_C_K, why);
}

/* The chambers' air as solved: each at the design hour, and their mean
 * every hour of the as-is run where the model's own air is used (the
 * hourly table's chamber_c). */
static void chamber_air_record(hl_season *s, plant *p, int si, int k)
{
    hl_model *m = plant_model(p);
    int mean = s->scen[si].scenario == HL_SCEN_AS_IS &&
               s->opt.chamber_mode == HL_CHAMBER_MODEL && s->n_ch > 0;
    if (k != s->design_hour && !mean)
        return;
    double sum = 0.0, air, ch;
    for (int c = 0; c < s->n_ch; c++) {
        hl_model_chamber_info(m, c, &air, &ch);
        sum += air;
        if (k == s->design_hour)
            s->scen[si].design_chamber_k[c] = air;
    }
    if (mean)
        s->chamber_k[k] = sum / s->n_ch;
}

static int one_hour(hl_season *s, plant *p, int si, int k, double *surface_k,
                    hl_error *err)
{
    plant_totals t;
    plant_bc bc = season_hour_bc(s, k);
    int rc =
        plant_solve(p, s->model_conditions ? NULL : &bc, &t, surface_k, err);
    if (rc)
        return season_hour_error(s, si, k, &bc, err);
    season_record_hour(s, &s->scen[si], k, &t, surface_k);
    chamber_air_record(s, p, si, k);
    season_note_warnings(s, plant_model(p), si, &t);
    return k == s->design_hour ? season_snapshot_profile(s, p, si, err) : HL_OK;
}

int season_scenario(hl_season *s, plant *p, int si, double *surface_k,
                    season_progress *pr, hl_error *err)
{
    int which = s->scen[si].scenario;
    int rc = plant_set_scenario(p, which, scenario_cover(s, which), err);
    if (!rc && s->opt.dynamic)
        return season_dynamic_hours(s, p, si, surface_k, pr, err);
    for (int k = 0; !rc && k < s->n_hours; k++) {
        rc = one_hour(s, p, si, k, surface_k, err);
        if (!rc)
            season_hour_done(pr, si);
    }
    return rc;
}

static double fitting_loss_j(const hl_energy *e)
{
    return e->loss_fittings_j[0] + e->loss_fittings_j[1] +
           e->loss_fittings_j[2];
}

/* Savings of each retrofit scenario against the as-is run (scen[0]). The
 * run period is taken as one heating season per year. */
static void economics(hl_season *s)
{
    const hl_energy *base = &s->scen[0].total;
    for (int i = 1; i < s->n_scen; i++) {
        hl_season_scenario *sc = &s->scen[i];
        int state =
            sc->scenario == HL_SCEN_COATED ? HL_FIT_COATED : HL_FIT_JACKETED;
        sc->fitting_area_changed_m2 = 0.0;
        for (int f = 0; f < s->n_fit; f++)
            if (s->fit[f].state_as_is != state)
                sc->fitting_area_changed_m2 += s->fit[f].area_m2;
        double heat = (base->loss_pipes_j + fitting_loss_j(base)) -
                      (sc->total.loss_pipes_j + fitting_loss_j(&sc->total));
        double elec = base->pump_electric_j - sc->total.pump_electric_j;
        double cost = state == HL_FIT_COATED
                          ? s->opt.economics.coating_cost_cny_per_m2
                          : s->opt.economics.jacket_cost_cny_per_m2;
        hl_economics_evaluate(&s->opt.economics, heat, elec, cost,
                              sc->fitting_area_changed_m2, &sc->payback);
    }
}

/* as-is first (the baseline of the savings), then the others once each. */
static int scenario_list(hl_season *s, const hl_season_options *o,
                         hl_error *err)
{
    s->scen[0].scenario = HL_SCEN_AS_IS;
    s->n_scen = 1;
    int n = o->n_scenarios ? o->n_scenarios : HL_SCEN_COUNT;
    for (int i = 0; i < n; i++) {
        int sc = o->n_scenarios ? o->scenario[i] : i;
        if (sc < 0 || sc >= HL_SCEN_COUNT)
            return hl_error_set(err, HL_EINVAL, "scenario %d: unknown", sc);
        int seen = 0;
        for (int j = 0; j < s->n_scen; j++)
            seen |= s->scen[j].scenario == sc;
        if (!seen)
            s->scen[s->n_scen++].scenario = sc;
    }
    return HL_OK;
}

static void override(double *dst, double v)
{
    if (!isnan(v))
        *dst = v;
}

/* The model's operation, then what the options set. */
static void operation(hl_season *s, const plant *p, const hl_operation *o)
{
    hl_operation *op = &s->op;
    s->op_origin = plant_operation(p, op);
    override(&op->design_load_w, o->design_load_w);
    override(&op->design_outdoor_k, o->design_outdoor_k);
    override(&op->balance_k, o->balance_k);
    override(&op->design_supply_k, o->design_supply_k);
    override(&op->design_return_k, o->design_return_k);
    override(&op->reset_cold_outdoor_k, o->reset_cold_outdoor_k);
    override(&op->reset_cold_supply_k, o->reset_cold_supply_k);
    override(&op->reset_warm_outdoor_k, o->reset_warm_outdoor_k);
    override(&op->reset_warm_supply_k, o->reset_warm_supply_k);
    override(&op->reset_floor_k, o->reset_floor_k);
    override(&op->standby_load_fraction, o->standby_load_fraction);
    if (o->regulation >= 0)
        op->regulation = o->regulation;
}

/* The transport step of a dynamic season: 300 s unless given, a whole
 * number of steps per hour. */
static int check_dynamic(hl_season_options *o, hl_error *err)
{
    if (!o->dynamic)
        return HL_OK;
    if (o->dynamic_step_s == 0.0)
        o->dynamic_step_s = 300.0;
    double n = 3600.0 / o->dynamic_step_s;
    if (!(o->dynamic_step_s > 0.0 && o->dynamic_step_s <= 3600.0) ||
        fabs(n - round(n)) > 1e-9 * n)
        return hl_error_set(err, HL_EINVAL,
                            "dynamic step %g s: expected a divisor of the "
                            "hour (e.g. 60, 300, 900 or 3600 s)",
                            o->dynamic_step_s);
    return HL_OK;
}

static int check_inputs(hl_season *s, const hl_weather *w,
                        const hl_season_options *opt, hl_error *err)
{
    int rc = hl_operation_check(&s->op, err);
    if (!rc)
        rc = check_dynamic(&s->opt, err);
    if (!rc)
        rc = hl_economics_check(&opt->economics, err);
    if (!rc && opt->ground_source == HL_GROUND_EPW && w->n_ground == 0)
        rc = hl_error_set(err, HL_EINVAL,
                          "ground temperatures from the weather file: %s "
                          "has none",
                          w->source);
    if (!rc)
        rc = hl_weather_select(w, opt->from, opt->to, &s->first, &s->n_hours,
                               err);
    if (!rc)
        rc = scenario_list(s, opt, err);
    return rc;
}

static int prepare(hl_season *s, plant *p, const hl_weather *w,
                   const hl_season_options *opt, hl_error *err)
{
    s->opt = *opt;
    s->weather = w;
    s->model_name = season_keep(s, plant_name(p));
    operation(s, p, &opt->operation);
    int rc = check_inputs(s, w, opt, err);
    hl_profile pr;
    if (!rc)
        rc = plant_profile(p, &pr, err);
    if (!rc) {
        s->n_fit = plant_fitting_count(p);
        s->n_ch = hl_model_count(plant_model(p), HL_CHAMBER);
        rc = alloc_arrays(s, pr.n_points, err);
    }
    for (int c = 0; !rc && c < s->n_ch; c++) {
        double air;
        s->ch_id[c] =
            season_keep(s, hl_model_id(plant_model(p), HL_CHAMBER, c));
        hl_model_chamber_info(plant_model(p), c, &air, &s->ch_chainage_m[c]);
    }
    for (int f = 0; !rc && f < s->n_fit; f++)
        plant_fitting_info(p, f, &s->fit[f]);
    for (int f = 0; !rc && f < s->n_fit; f++) { /* the season's own copies */
        s->fit[f].id = season_keep(s, s->fit[f].id);
        s->fit[f].type = season_keep(s, s->fit[f].type);
    }
    /* burn hours count against the limit the model's fittings are judged
     * by (settings burn_limit_c), so the season and the run agree */
    if (isnan(s->opt.burn_limit_k))
        s->opt.burn_limit_k = plant_burn_limit_k(p);
    return rc;
}

static void finish(hl_season *s)
{
    economics(s);
    if (s->capped_hours)
        season_warn(s,
                    "%d hours colder than the design outdoor temperature "
                    "%.1f C: demand held at the design load (%.0f GJ of "
                    "demand above it not delivered)",
                    s->capped_hours, s->op.design_outdoor_k - HL_ZERO_C_K,
                    s->unmet_j / 1e9);
    if (s->standby_hours)
        season_warn(s,
                    "%d hours warm enough to need less than the standby "
                    "load: consumers held at %.1f MW (%.1f %% of the "
                    "design load, operation standby_load_fraction)",
                    s->standby_hours,
                    s->op.standby_load_fraction * s->op.design_load_w / 1e6,
                    100.0 * s->op.standby_load_fraction);
    if (s->infeasible_hours)
        season_warn(s,
                    "INFEASIBLE: %d of %d hours (as-is) solve to states "
                    "that break hard limits; the first hour's: %s",
                    s->infeasible_hours, s->n_hours,
                    s->violations.n ? s->violations.line[0] : "");
    if (s->warning_hours)
        season_warn(s,
                    "%d of %d hours (as-is) have engine warnings; the "
                    "first: %s",
                    s->warning_hours, s->n_hours, s->first_warning);
}

int season_run_plant(hl_season **out, plant *p, const hl_weather *w,
                     const hl_season_options *opt, int model_conditions,
                     hl_error *err)
{
    *out = NULL;
    hl_season *s = calloc(1, sizeof *s);
    if (!s)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    s->model_conditions = model_conditions;
    int rc = prepare(s, p, w, opt, err);
    if (!rc) {
        boundary_conditions(s, p);
        rc = season_scenarios(s, p, err);
    }
    if (rc) {
        hl_season_free(s);
        return rc;
    }
    finish(s);
    if (s->out_of_memory) { /* a warning or name could not be kept */
        hl_season_free(s);
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    }
    *out = s;
    return HL_OK;
}

int hl_season_run(hl_season **out, const hl_model *model, const hl_weather *w,
                  const hl_season_options *opt, hl_error *err)
{
    *out = NULL;
    if (!model || !w || !opt)
        return hl_error_set(err, HL_EINVAL,
                            "season: no model, weather or "
                            "options");
    plant *p = NULL;
    int rc = plant_open(&p, model, err);
    if (!rc)
        rc = season_run_plant(out, p, w, opt, 0, err);
    plant_close(p);
    return rc;
}

/* A one-hour weather record; the hour's weather is not used (the model's
 * own conditions are), it only dates the hour. */
static int snapshot_weather(hl_weather *w, hl_error *err)
{
    int rc = weather_alloc(w, 1, err);
    if (rc)
        return rc;
    w->year[0] = 0, w->month[0] = 1, w->day[0] = 15, w->hour[0] = 0;
    w->dry_bulb_k[0] = NAN;
    snprintf(w->source, sizeof w->source, "the model's own conditions");
    return HL_OK;
}

int hl_season_snapshot(hl_season **out, const hl_model *model, hl_error *err)
{
    *out = NULL;
    if (!model)
        return hl_error_set(err, HL_EINVAL, "snapshot: no model");
    hl_season_options o;
    hl_season_options_init(&o);
    o.from = o.to = "01-15";
    o.n_scenarios = 2;
    o.scenario[0] = HL_SCEN_AS_IS, o.scenario[1] = HL_SCEN_COATED;
    o.threads = 1;
    hl_season *s = NULL;
    plant *p = NULL;
    hl_weather *w = calloc(1, sizeof *w);
    int rc = w ? snapshot_weather(w, err)
               : hl_error_set(err, HL_ENOMEM, "snapshot: out of memory");
    if (!rc)
        rc = plant_open(&p, model, err);
    if (!rc)
        rc = season_run_plant(&s, p, w, &o, 1, err);
    plant_close(p);
    if (rc) {
        hl_weather_free(w);
        free(w);
        return rc;
    }
    s->own_weather = w; /* the snapshot's record outlives this call */
    *out = s;
    return HL_OK;
}
