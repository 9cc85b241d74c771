/*
 * season_json.c - `heatline season --json`: one object with the model,
 * weather, period, operation, per-scenario totals, months, savings and
 * fittings (keys in docs/cli.md; units in the key names).
 */
#include "season_args.h"

#include "util/json_out.h"

#include <stdio.h>

#define GJ           1e9
#define NUM(w, k, v) json_out_real((w), (k), (v))

/* The energy fields of a total or a month, inside an open object. */
static void energy(json_out *w, const hl_energy *e)
{
    NUM(w, "hours", e->hours);
    NUM(w, "heat_source_gj", e->heat_source_j / GJ);
    NUM(w, "heat_delivered_gj", e->heat_delivered_j / GJ);
    NUM(w, "loss_pipes_gj", e->loss_pipes_j / GJ);
    for (int st = 0; st < HL_FIT_NSTATES; st++) {
        char key[48];
        snprintf(key, sizeof key, "loss_fittings_%s_gj",
                 hl_fitting_state_name(st));
        NUM(w, key, e->loss_fittings_j[st] / GJ);
    }
    NUM(w, "pump_electric_mwh", e->pump_electric_j / 3.6e9);
    NUM(w, "pump_heat_gj", e->pump_heat_j / GJ);
    NUM(w, "stored_change_gj", e->stored_change_j / GJ);
    NUM(w, "heat_unmet_gj", e->heat_unmet_j / GJ);
}

static void payback(json_out *w, const hl_season_scenario *sc)
{
    const hl_payback *p = &sc->payback;
    json_out_object(w, "saving_vs_as_is");
    NUM(w, "area_m2", sc->fitting_area_changed_m2);
    NUM(w, "heat_saved_gj", p->heat_saved_gj);
    NUM(w, "electricity_saved_kwh", p->elec_saved_kwh);
    NUM(w, "annual_saving_cny", p->annual_saving_cny);
    NUM(w, "investment_cny", p->investment_cny);
    NUM(w, "simple_payback_years", p->simple_payback_years);
    NUM(w, "npv_cny", p->npv_cny);
    NUM(w, "coal_saved_tce", p->coal_saved_tce);
    NUM(w, "co2_saved_t", p->co2_saved_t);
    json_out_close(w);
}

static void scenario(json_out *w, const hl_season_scenario *sc)
{
    json_out_object(w, NULL);
    json_out_string(w, "name", hl_scenario_name(sc->scenario));
    json_out_object(w, "totals");
    energy(w, &sc->total);
    json_out_close(w);
    json_out_array(w, "months");
    for (int m = 0; m < 12; m++) {
        if (sc->month[m].hours <= 0)
            continue;
        json_out_object(w, NULL);
        energy(w, &sc->month[m]);
        json_out_int(w, "month", m + 1);
        json_out_close(w);
    }
    json_out_close(w);
    json_out_int(w, "burn_fitting_hours", sc->burn_fitting_hours);
    if (sc->scenario != HL_SCEN_AS_IS)
        payback(w, sc);
    json_out_close(w);
}

static void fitting(json_out *w, const hl_season *s, int f)
{
    const hl_season_fitting *ft = hl_season_fitting_at(s, f);
    json_out_object(w, NULL);
    json_out_string(w, "id", ft->id);
    json_out_string(w, "type", ft->type);
    NUM(w, "chainage_m", ft->chainage_m);
    NUM(w, "area_m2", ft->area_m2);
    json_out_string(w, "state_as_is", hl_fitting_state_name(ft->state_as_is));
    json_out_object(w, "scenarios");
    for (int i = 0; i < hl_season_scenario_count(s); i++) {
        const hl_season_scenario *sc = hl_season_scenario_at(s, i);
        json_out_object(w, hl_scenario_name(sc->scenario));
        json_out_int(w, "burn_hours", sc->burn_hours[f]);
        NUM(w, "max_surface_c", sc->max_surface_k[f] - HL_ZERO_C_K);
        NUM(w, "design_surface_c", sc->design_surface_k[f] - HL_ZERO_C_K);
        json_out_close(w);
    }
    json_out_close(w);
    json_out_close(w);
}

static void weather(json_out *j, const hl_season *s)
{
    const hl_weather *w = hl_season_weather(s);
    json_out_object(j, "weather");
    json_out_string(j, "source", w->source);
    json_out_string(j, "location", w->location);
    json_out_bool(j, "synthetic", w->synthetic);
    json_out_close(j);
}

static void period(json_out *j, const hl_season *s)
{
    const hl_weather *w = hl_season_weather(s);
    int n = hl_season_hours(s), a = hl_season_weather_index(s, 0),
        b = hl_season_weather_index(s, n - 1);
    char from[8], to[8];
    snprintf(from, sizeof from, "%02d-%02d", w->month[a] % 100,
             w->day[a] % 100);
    snprintf(to, sizeof to, "%02d-%02d", w->month[b] % 100, w->day[b] % 100);
    json_out_object(j, "period");
    json_out_string(j, "from", from);
    json_out_string(j, "to", to);
    json_out_int(j, "hours", n);
    json_out_close(j);
}

/* The operation the season ran and where it came from (the model's
 * operation: section, or its own supply temperature without one). */
static void operation(json_out *j, const hl_season *s)
{
    const hl_operation *op = hl_season_operation(s);
    json_out_object(j, "operation");
    json_out_string(j, "origin",
                    hl_operation_origin_name(hl_season_operation_origin(s)));
    json_out_string(j, "regulation",
                    op->regulation == HL_REG_QUANTITY ? "quantity" : "quality");
    NUM(j, "design_supply_c", op->design_supply_k - HL_ZERO_C_K);
    NUM(j, "design_return_c", op->design_return_k - HL_ZERO_C_K);
    NUM(j, "reset_floor_c", op->reset_floor_k - HL_ZERO_C_K);
    NUM(j, "design_load_w", op->design_load_w);
    NUM(j, "design_outdoor_c", op->design_outdoor_k - HL_ZERO_C_K);
    json_out_close(j);
}

static void factors(json_out *j, const hl_season *s)
{
    const hl_season_options *o = hl_season_options_used(s);
    const hl_economics *e = &o->economics;
    json_out_object(j, "factors");
    NUM(j, "heat_price_cny_per_gj", e->heat_price_cny_per_gj);
    NUM(j, "elec_price_cny_per_kwh", e->elec_price_cny_per_kwh);
    NUM(j, "coating_cost_cny_per_m2", e->coating_cost_cny_per_m2);
    NUM(j, "jacket_cost_cny_per_m2", e->jacket_cost_cny_per_m2);
    NUM(j, "service_life_years", e->service_life_years);
    NUM(j, "discount_rate", e->discount_rate);
    NUM(j, "tce_per_gj", e->tce_per_gj);
    NUM(j, "co2_t_per_gj", e->co2_t_per_gj);
    NUM(j, "burn_limit_c", o->burn_limit_k - HL_ZERO_C_K);
    json_out_close(j);
}

static void lead_stats(json_out *j, const char *key, const hl_season_lead *l)
{
    json_out_object(j, key);
    NUM(j, "mean_error_k", l->mean_error_k);
    NUM(j, "max_abs_error_k", l->max_abs_error_k);
    NUM(j, "under_degree_hours", l->under_degree_hours);
    NUM(j, "mean_lead_h", l->mean_lead_h);
    json_out_close(j);
}

/* A dynamic season: the consumers' supply against the reset curve (the
 * first scenario), with and without lead as heatline dynamic's "lead". */
static void lead(json_out *j, const hl_season *s)
{
    const hl_season_options *o = hl_season_options_used(s);
    const hl_season_lead *with = NULL, *without = NULL;
    if (hl_season_lead_stats(s, 1, &with))
        return;
    hl_season_lead_stats(s, 0, &without);
    json_out_object(j, "lead");
    json_out_string(j, "mode",
                    o->dynamic_lead_auto      ? "auto"
                    : o->dynamic_lead_s > 0.0 ? "hours"
                                              : "none");
    if (!o->dynamic_lead_auto && o->dynamic_lead_s > 0.0)
        NUM(j, "hours", o->dynamic_lead_s / 3600.0);
    lead_stats(j, without ? "with_lead" : "as_run", with);
    if (without)
        lead_stats(j, "without_lead", without);
    json_out_close(j);
}

/* Streamed to standard output as it is written (util/json_out.h). */
int season_print_json(const hl_season *s)
{
    json_out w;
    json_out_init(&w, json_out_file_sink, stdout);
    json_out_object(&w, NULL);
    json_out_string(&w, "model", hl_season_model_name(s));
    json_out_bool(&w, "dynamic", hl_season_options_used(s)->dynamic);
    lead(&w, s);
    weather(&w, s);
    period(&w, s);
    operation(&w, s);
    factors(&w, s);
    json_out_array(&w, "scenarios");
    for (int i = 0; i < hl_season_scenario_count(s); i++)
        scenario(&w, hl_season_scenario_at(s, i));
    json_out_close(&w);
    json_out_array(&w, "fittings");
    for (int f = 0; f < hl_season_fitting_count(s); f++)
        fitting(&w, s, f);
    json_out_close(&w);
    json_out_array(&w, "warnings");
    for (int i = 0; i < hl_season_warning_count(s); i++)
        json_out_string(&w, NULL, hl_season_warning(s, i));
    json_out_close(&w);
    json_out_bool(&w, "feasible", hl_season_infeasible_hours(s) == 0);
    json_out_int(&w, "infeasible_hours", hl_season_infeasible_hours(s));
    json_out_array(&w, "violations");
    for (int i = 0; i < hl_season_violation_count(s); i++)
        json_out_string(&w, NULL, hl_season_violation(s, i));
    json_out_close(&w);
    json_out_close(&w);
    return cli_json_finish(&w);
}
