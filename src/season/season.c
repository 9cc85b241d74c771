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

int hl_scenario_from_name(const char *name)
{
    for (int s = 0; s < HL_SCEN_COUNT; s++)
        if (name && strcmp(name, hl_scenario_name(s)) == 0)
            return s;
    return -1;
}

const char *hl_scenario_name(int scenario)
{
    static const char *const names[HL_SCEN_COUNT] = {"as-is", "coated",
                                                     "jacketed"};
    return scenario >= 0 && scenario < HL_SCEN_COUNT ? names[scenario] : "?";
}

const char *hl_fitting_state_name(int state)
{
    static const char *const names[HL_FIT_NSTATES] = {"bare", "coated",
                                                      "jacketed"};
    return state >= 0 && state < HL_FIT_NSTATES ? names[state] : "?";
}

static int options_layer(const hl_material_db *db, const char *id, double mm,
                         hl_layer *out, double *eps, hl_error *err)
{
    const hl_material *m = hl_material_find(db, id);
    if (!m)
        return hl_error_set(err, HL_ENOTFOUND,
                            "material %s not in the "
                            "table",
                            id);
    hl_layer_from_material(m, mm * 1e-3, out);
    *eps = isfinite(m->emissivity) ? m->emissivity : 0.9;
    return HL_OK;
}

int hl_season_options_init(hl_season_options *o, const hl_material_db *db,
                           hl_error *err)
{
    memset(o, 0, sizeof *o);
    hl_kusuda_hohhot(&o->ground);
    hl_operation_hohhot(&o->operation);
    o->use_model_operation = 1;
    o->chamber_mode = HL_CHAMBER_MODEL;
    o->chamber_air_k = HL_ZERO_C_K + 25.0;
    o->burn_limit_k = HL_ZERO_C_K + 60.0; /* GB 50264-2013 anti-scald */
    hl_economics_defaults(&o->economics);
    int rc = options_layer(db, "ceramic-microbead", 8.0, &o->coating,
                           &o->coating_emissivity, err); /* notes 4 [A] */
    if (!rc)
        rc = options_layer(db, "aerogel-blanket", 30.0, &o->jacket,
                           &o->jacket_emissivity, err); /* [A] */
    return rc;
}

void hl_season_free(hl_season *s)
{
    if (!s)
        return;
    free(s->outdoor_k);
    free(s->fit);
    for (int i = 0; i < HL_SCEN_COUNT; i++) {
        free(s->scen[i].hourly);
        free(s->scen[i].burn_hours);
        free(s->scen[i].max_surface_k);
        free(s->scen[i].design_surface_k);
        free(s->profile[i]);
    }
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

static int alloc_arrays(hl_season *s, hl_error *err)
{
    size_t n = (size_t)s->n_hours, nf = (size_t)s->n_fit;
    int ok = (s->outdoor_k = calloc(n * 5, sizeof(double))) != NULL &&
             (s->fit = calloc(nf ? nf : 1, sizeof *s->fit)) != NULL;
    for (int i = 0; ok && i < s->n_scen; i++) {
        hl_season_scenario *sc = &s->scen[i];
        ok = (sc->hourly = calloc(n * HL_HOUR_NCOLS, sizeof(double))) &&
             (sc->burn_hours = calloc(nf + 1, sizeof(int))) &&
             (sc->max_surface_k = calloc(nf + 1, sizeof(double))) &&
             (sc->design_surface_k = calloc(nf + 1, sizeof(double))) &&
             (s->profile[i] = calloc(2 * 64, sizeof(plant_point)));
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
        s->demand_w[k] = hl_demand_w(&s->op, s->outdoor_k[k]);
        s->supply_k[k] = hl_supply_temp_k(&s->op, s->outdoor_k[k]);
        if (s->outdoor_k[k] < s->outdoor_k[s->design_hour])
            s->design_hour = k;
    }
}

static void record_hour(hl_season *s, hl_season_scenario *sc, int k,
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
    int month = s->weather->month[(s->first + k) % s->weather->n] - 1;
    hl_energy *e[2] = {&sc->total, &sc->month[month]};
    for (int j = 0; j < 2; j++) {
        e[j]->hours += 1.0;
        e[j]->heat_source_j += 3600.0 * t->heat_source_w;
        e[j]->heat_delivered_j += 3600.0 * t->heat_delivered_w;
        e[j]->loss_pipes_j += 3600.0 * t->loss_pipes_w;
        for (int st = 0; st < HL_FIT_NSTATES; st++)
            e[j]->loss_fittings_j[st] += 3600.0 * t->loss_fittings_w[st];
        e[j]->pump_electric_j += 3600.0 * t->pump_electric_w;
    }
    for (int f = 0; f < s->n_fit; f++) {
        if (surface_k[f] > s->opt.burn_limit_k) {
            sc->burn_hours[f]++;
            sc->burn_fitting_hours++;
        }
        sc->max_surface_k[f] = fmax(sc->max_surface_k[f], surface_k[f]);
        if (k == s->design_hour)
            sc->design_surface_k[f] = surface_k[f];
    }
}

static void snapshot_profile(hl_season *s, plant *p, int si)
{
    plant_profile pr;
    plant_get_profile(p, &pr);
    s->n_profile = pr.n < 128 ? pr.n : 128;
    memcpy(s->profile[si], pr.pt, (size_t)s->n_profile * sizeof *pr.pt);
    s->n_stations = pr.n_stations < 8 ? pr.n_stations : 8;
    memcpy(s->station, pr.station, (size_t)s->n_stations * sizeof *pr.station);
    s->static_head_m = pr.static_head_m;
    s->max_pressure_pa = pr.max_pressure_pa;
    s->min_pressure_pa = pr.min_pressure_pa;
    s->rho_supply = pr.rho_supply;
    for (int i = 0; i < pr.n; i++)
        if (pr.pt[i].pressure_supply_pa > pr.max_pressure_pa ||
            pr.pt[i].pressure_return_pa > pr.max_pressure_pa) {
            hl_warnings_add(
                &s->warnings,
                "design hour: pressure %.2f MPa at km %.1f is "
                "above the pressure class limit %.2f MPa",
                fmax(pr.pt[i].pressure_supply_pa, pr.pt[i].pressure_return_pa) /
                    1e6,
                pr.pt[i].chainage_m / 1000.0, pr.max_pressure_pa / 1e6);
            break;
        }
}

static plant_bc hour_bc(const hl_season *s, int k)
{
    plant_bc bc;
    int i = (s->first + k) % s->weather->n;
    bc.outdoor_k = s->outdoor_k[k];
    bc.wind_m_s = s->weather->wind_m_s[i];
    bc.ground_k = s->ground_k[k];
    bc.chamber_k = s->chamber_k[k];
    bc.supply_k = s->supply_k[k];
    bc.demand_w = s->demand_w[k];
    bc.regulation = s->op.regulation;
    return bc;
}

static int run_scenario(hl_season *s, plant *p, int si, double *surface_k,
                        int *done, int total, hl_error *err)
{
    hl_season_scenario *sc = &s->scen[si];
    int which = sc->scenario;
    const hl_layer *layer = which == HL_SCEN_COATED     ? &s->opt.coating
                            : which == HL_SCEN_JACKETED ? &s->opt.jacket
                                                        : NULL;
    double eps = which == HL_SCEN_COATED ? s->opt.coating_emissivity
                                         : s->opt.jacket_emissivity;
    int rc = plant_set_scenario(p, which, layer, eps, err);
    for (int k = 0; !rc && k < s->n_hours; k++) {
        plant_bc bc = hour_bc(s, k);
        plant_totals t;
        rc = plant_solve(p, &bc, &t, surface_k, err);
        if (rc)
            break;
        record_hour(s, sc, k, &t, surface_k);
        if (k == s->design_hour)
            snapshot_profile(s, p, si);
        if (si == 0 && t.unmet_w > 1e-6 * fmax(1.0, bc.demand_w))
            s->unmet_hours++;
        if (s->opt.progress.fn && (++*done % 64 == 0 || *done == total))
            s->opt.progress.fn(s->opt.progress.user, *done, total);
    }
    if (rc)
        return hl_error_set(err, rc, "scenario %s", hl_scenario_name(which));
    return HL_OK;
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

static int prepare(hl_season *s, plant *p, const hl_weather *w,
                   const hl_season_options *opt, hl_error *err)
{
    s->opt = *opt;
    s->weather = w;
    snprintf(s->model_name, sizeof s->model_name, "%s", plant_name(p));
    if (opt->use_model_operation) {
        plant_operation(p, &s->op);
        s->op.regulation = opt->operation.regulation;
    } else {
        s->op = opt->operation;
    }
    int rc = hl_operation_check(&s->op, err);
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
    if (!rc) {
        s->n_fit = plant_fitting_count(p);
        rc = alloc_arrays(s, err);
    }
    for (int f = 0; !rc && f < s->n_fit; f++)
        plant_fitting_info(p, f, &s->fit[f]);
    return rc;
}

int hl_season_run(hl_season **out, const char *model_path, const hl_weather *w,
                  const hl_season_options *opt, hl_error *err)
{
    *out = NULL;
    plant *p = NULL;
    hl_season *s = calloc(1, sizeof *s);
    if (!s)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    int rc = plant_open(&p, model_path, err);
    if (!rc)
        rc = prepare(s, p, w, opt, err);
    double *surface = NULL;
    if (!rc && !(surface = calloc((size_t)s->n_fit + 1, sizeof *surface)))
        rc = hl_error_set(err, HL_ENOMEM, "season: out of memory");
    if (!rc)
        boundary_conditions(s, p);
    int done = 0, total = s->n_scen * s->n_hours;
    for (int i = 0; !rc && i < s->n_scen; i++)
        rc = run_scenario(s, p, i, surface, &done, total, err);
    free(surface);
    plant_close(p);
    if (rc) {
        hl_season_free(s);
        return rc;
    }
    economics(s);
    if (s->unmet_hours)
        hl_warnings_add(&s->warnings,
                        "demand not fully met in %d hours (the flow cannot "
                        "carry it at the lowest return temperature)",
                        s->unmet_hours);
    *out = s;
    return HL_OK;
}

int hl_season_hours(const hl_season *s)
{
    return s->n_hours;
}
int hl_season_weather_index(const hl_season *s, int k)
{
    return (s->first + k) % s->weather->n;
}
double hl_season_outdoor_k(const hl_season *s, int k)
{
    return s->outdoor_k[k];
}
double hl_season_ground_k(const hl_season *s, int k)
{
    return s->ground_k[k];
}
double hl_season_demand_w(const hl_season *s, int k)
{
    return s->demand_w[k];
}
double hl_season_supply_k(const hl_season *s, int k)
{
    return s->supply_k[k];
}
int hl_season_scenario_count(const hl_season *s)
{
    return s->n_scen;
}
const hl_season_scenario *hl_season_scenario_at(const hl_season *s, int i)
{
    return i >= 0 && i < s->n_scen ? &s->scen[i] : NULL;
}
const hl_season_scenario *hl_season_find(const hl_season *s, int scenario)
{
    for (int i = 0; i < s->n_scen; i++)
        if (s->scen[i].scenario == scenario)
            return &s->scen[i];
    return NULL;
}
int hl_season_fitting_count(const hl_season *s)
{
    return s->n_fit;
}
const hl_season_fitting *hl_season_fitting_at(const hl_season *s, int i)
{
    return i >= 0 && i < s->n_fit ? &s->fit[i] : NULL;
}
const char *hl_season_model_name(const hl_season *s)
{
    return s->model_name;
}
const hl_weather *hl_season_weather(const hl_season *s)
{
    return s->weather;
}
const hl_season_options *hl_season_options_used(const hl_season *s)
{
    return &s->opt;
}
const hl_warnings *hl_season_warnings(const hl_season *s)
{
    return &s->warnings;
}
