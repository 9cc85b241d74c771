/*
 * season_json.c - `heatline season --json`: one object with the model,
 * weather, period, operation, per-scenario totals, months, savings and
 * fittings (keys in docs/cli.md; units in the key names).
 */
#include "season_args.h"

#include <math.h>

#define GJ 1e9

static json_t *num(double v)
{
    return cli_json_number(v);
}

static json_t *energy(const hl_energy *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "hours", num(e->hours));
    json_object_set_new(o, "heat_source_gj", num(e->heat_source_j / GJ));
    json_object_set_new(o, "heat_delivered_gj", num(e->heat_delivered_j / GJ));
    json_object_set_new(o, "loss_pipes_gj", num(e->loss_pipes_j / GJ));
    for (int st = 0; st < HL_FIT_NSTATES; st++) {
        char key[48];
        snprintf(key, sizeof key, "loss_fittings_%s_gj",
                 hl_fitting_state_name(st));
        json_object_set_new(o, key, num(e->loss_fittings_j[st] / GJ));
    }
    json_object_set_new(o, "pump_electric_mwh",
                        num(e->pump_electric_j / 3.6e9));
    json_object_set_new(o, "pump_heat_gj", num(e->pump_heat_j / GJ));
    return o;
}

static json_t *payback(const hl_season_scenario *sc)
{
    const hl_payback *p = &sc->payback;
    json_t *o = json_object();
    json_object_set_new(o, "area_m2", num(sc->fitting_area_changed_m2));
    json_object_set_new(o, "heat_saved_gj", num(p->heat_saved_gj));
    json_object_set_new(o, "electricity_saved_kwh", num(p->elec_saved_kwh));
    json_object_set_new(o, "annual_saving_cny", num(p->annual_saving_cny));
    json_object_set_new(o, "investment_cny", num(p->investment_cny));
    json_object_set_new(o, "simple_payback_years",
                        num(p->simple_payback_years));
    json_object_set_new(o, "npv_cny", num(p->npv_cny));
    json_object_set_new(o, "coal_saved_tce", num(p->coal_saved_tce));
    json_object_set_new(o, "co2_saved_t", num(p->co2_saved_t));
    return o;
}

static json_t *scenario(const hl_season_scenario *sc)
{
    json_t *o = json_object(), *months = json_array();
    json_object_set_new(o, "name", json_string(hl_scenario_name(sc->scenario)));
    json_object_set_new(o, "totals", energy(&sc->total));
    for (int m = 0; m < 12; m++) {
        if (sc->month[m].hours <= 0)
            continue;
        json_t *e = energy(&sc->month[m]);
        json_object_set_new(e, "month", json_integer(m + 1));
        json_array_append_new(months, e);
    }
    json_object_set_new(o, "months", months);
    json_object_set_new(o, "burn_fitting_hours",
                        json_integer(sc->burn_fitting_hours));
    if (sc->scenario != HL_SCEN_AS_IS)
        json_object_set_new(o, "saving_vs_as_is", payback(sc));
    return o;
}

static json_t *fittings(const hl_season *s)
{
    json_t *arr = json_array();
    for (int f = 0; f < hl_season_fitting_count(s); f++) {
        const hl_season_fitting *ft = hl_season_fitting_at(s, f);
        json_t *o = json_object(), *by = json_object();
        json_object_set_new(o, "id", json_string(ft->id));
        json_object_set_new(o, "type", json_string(ft->type));
        json_object_set_new(o, "chainage_m", num(ft->chainage_m));
        json_object_set_new(o, "area_m2", num(ft->area_m2));
        json_object_set_new(
            o, "state_as_is",
            json_string(hl_fitting_state_name(ft->state_as_is)));
        for (int i = 0; i < hl_season_scenario_count(s); i++) {
            const hl_season_scenario *sc = hl_season_scenario_at(s, i);
            json_t *r = json_object();
            json_object_set_new(r, "burn_hours",
                                json_integer(sc->burn_hours[f]));
            json_object_set_new(r, "max_surface_c",
                                num(sc->max_surface_k[f] - HL_ZERO_C_K));
            json_object_set_new(r, "design_surface_c",
                                num(sc->design_surface_k[f] - HL_ZERO_C_K));
            json_object_set_new(by, hl_scenario_name(sc->scenario), r);
        }
        json_object_set_new(o, "scenarios", by);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *weather(const hl_season *s)
{
    const hl_weather *w = hl_season_weather(s);
    json_t *o = json_object();
    json_object_set_new(o, "source", json_string(w->source));
    json_object_set_new(o, "location", json_string(w->location));
    json_object_set_new(o, "synthetic", json_boolean(w->synthetic));
    return o;
}

static json_t *period(const hl_season *s)
{
    const hl_weather *w = hl_season_weather(s);
    int n = hl_season_hours(s), a = hl_season_weather_index(s, 0),
        b = hl_season_weather_index(s, n - 1);
    char from[8], to[8];
    snprintf(from, sizeof from, "%02d-%02d", w->month[a] % 100,
             w->day[a] % 100);
    snprintf(to, sizeof to, "%02d-%02d", w->month[b] % 100, w->day[b] % 100);
    json_t *o = json_object();
    json_object_set_new(o, "from", json_string(from));
    json_object_set_new(o, "to", json_string(to));
    json_object_set_new(o, "hours", json_integer(n));
    return o;
}

static json_t *factors(const hl_season *s)
{
    const hl_season_options *o = hl_season_options_used(s);
    const hl_economics *e = &o->economics;
    json_t *j = json_object();
    json_object_set_new(j, "heat_price_cny_per_gj",
                        num(e->heat_price_cny_per_gj));
    json_object_set_new(j, "elec_price_cny_per_kwh",
                        num(e->elec_price_cny_per_kwh));
    json_object_set_new(j, "coating_cost_cny_per_m2",
                        num(e->coating_cost_cny_per_m2));
    json_object_set_new(j, "jacket_cost_cny_per_m2",
                        num(e->jacket_cost_cny_per_m2));
    json_object_set_new(j, "service_life_years", num(e->service_life_years));
    json_object_set_new(j, "discount_rate", num(e->discount_rate));
    json_object_set_new(j, "tce_per_gj", num(e->tce_per_gj));
    json_object_set_new(j, "co2_t_per_gj", num(e->co2_t_per_gj));
    json_object_set_new(j, "burn_limit_c", num(o->burn_limit_k - HL_ZERO_C_K));
    return j;
}

int season_print_json(const hl_season *s)
{
    json_t *root = json_object(), *scen = json_array(), *warn = json_array();
    json_object_set_new(root, "model", json_string(hl_season_model_name(s)));
    json_object_set_new(root, "weather", weather(s));
    json_object_set_new(root, "period", period(s));
    json_object_set_new(root, "factors", factors(s));
    for (int i = 0; i < hl_season_scenario_count(s); i++)
        json_array_append_new(scen, scenario(hl_season_scenario_at(s, i)));
    json_object_set_new(root, "scenarios", scen);
    json_object_set_new(root, "fittings", fittings(s));
    for (int i = 0; i < hl_season_warning_count(s); i++)
        json_array_append_new(warn, json_string(hl_season_warning(s, i)));
    json_object_set_new(root, "warnings", warn);
    json_t *viol = json_array();
    for (int i = 0; i < hl_season_violation_count(s); i++)
        json_array_append_new(viol, json_string(hl_season_violation(s, i)));
    json_object_set_new(root, "feasible",
                        json_boolean(hl_season_infeasible_hours(s) == 0));
    json_object_set_new(root, "infeasible_hours",
                        json_integer(hl_season_infeasible_hours(s)));
    json_object_set_new(root, "violations", viol);
    return cli_json_print(root);
}
