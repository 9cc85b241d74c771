/*
 * run_json.c - `heatline run --json`: one object with totals, the fitting
 * scenarios, and every element with its results. Units are in the key
 * names; a value that does not exist is null, never NaN.
 */
#include "run.h"

#include "util/json_out.h"

#include <math.h>

/* k is a literal: its length is known, and it needs no escape */
#define NUM(o, k, v)  json_out_real_k((o), JSON_KEY(k), (v))
#define STR(o, k, v)  json_out_string_k((o), JSON_KEY(k), (v))
#define INT(o, k, v)  json_out_int_k((o), JSON_KEY(k), (v))
#define BOOL(o, k, v) json_out_bool_k((o), JSON_KEY(k), (v))
#define C(t)          ((t)-HL_ZERO_C_K)

static const char *node_id(hl_model *m, int i)
{
    const char *id = hl_model_id(m, HL_NODE, i);
    return id ? id : "";
}

static void totals(json_out *o, const run_result *r)
{
    const hl_totals *t = &r->tot;
    NUM(o, "heat_source_w", t->heat_source_w);
    NUM(o, "heat_delivered_w", t->heat_delivered_w);
    NUM(o, "heat_loss_pipes_w", t->heat_loss_pipes_w);
    NUM(o, "heat_loss_fittings_w", t->heat_loss_fittings_w);
    NUM(o, "heat_loss_fittings_bare_w", t->heat_loss_fittings_by_state_w[0]);
    NUM(o, "heat_loss_fittings_coated_w", t->heat_loss_fittings_by_state_w[1]);
    NUM(o, "heat_loss_fittings_jacketed_w",
        t->heat_loss_fittings_by_state_w[2]);
    NUM(o, "pump_power_w", t->pump_power_w);
    NUM(o, "pump_hydraulic_w", t->pump_hydraulic_w);
    NUM(o, "pump_heat_w", t->pump_heat_w);
    NUM(o, "heat_unmet_w", t->heat_unmet_w);
    NUM(o, "source_mass_flow_kg_per_s", t->source_mass_flow_kg_s);
    NUM(o, "makeup_kg_per_s", t->makeup_kg_s);
    INT(o, "fittings_over_limit", r->n_over_limit);
    INT(o, "iterations", t->iterations);
    INT(o, "coupling_rounds", t->rounds);
    NUM(o, "mass_residual_kg_per_s", t->mass_residual_kg_s);
    NUM(o, "energy_residual_w", t->energy_residual_w);
}

static void scenarios(json_out *o, const run_result *r)
{
    for (int s = 0; s < HL_FIT_NSTATES; s++) {
        const run_scenario *sc = &r->scen[s];
        if (!sc->solved)
            continue;
        json_out_object(o, NULL);
        STR(o, "state", run_state_name(s));
        NUM(o, "heat_loss_fittings_w", sc->fittings_w);
        NUM(o, "heat_loss_pipes_w", sc->pipes_w);
        NUM(o, "heat_delivered_w", sc->delivered_w);
        NUM(o, "heat_source_w", sc->source_w);
        INT(o, "fittings_over_limit", sc->over_limit);
        NUM(o, "hottest_surface_c", C(sc->hottest_k));
        json_out_close(o);
    }
}

/* null when there is nothing to size (run_coating.c) */
static void coating_needed(json_out *o, hl_model *m, const run_coating *c)
{
    if (!c->asked) {
        json_out_null(o, "coating_needed");
        return;
    }
    json_out_object(o, "coating_needed");
    STR(o, "material", c->material);
    NUM(o, "modelled_mm", c->modelled_m * 1e3);
    NUM(o, "needed_mm", c->thickness_m * 1e3);
    STR(o, "fitting",
        c->worst >= 0 ? hl_model_id(m, HL_FITTING, c->worst) : "");
    INT(o, "fittings_unreachable", c->unreachable);
    json_out_close(o);
}

static void nodes(json_out *o, hl_model *m)
{
    static const char *sides[] = {"none", "supply", "return"};
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", node_id(m, i));
        STR(o, "side", sides[r.side >= 0 && r.side <= 2 ? r.side : 0]);
        NUM(o, "chainage_m", r.chainage_m);
        NUM(o, "elevation_m", r.elevation_m);
        NUM(o, "pressure_pa", r.pressure_pa);
        NUM(o, "head_m", r.head_m);
        NUM(o, "temp_c", C(r.temp_k));
        NUM(o, "demand_kg_per_s", r.demand_kg_s);
        NUM(o, "external_kg_per_s", r.external_kg_s);
        BOOL(o, "connected", r.connected);
        json_out_close(o);
    }
}

static void pipes(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_PIPE, i));
        STR(o, "from", node_id(m, r.from));
        STR(o, "to", node_id(m, r.to));
        NUM(o, "length_m", r.length_m);
        NUM(o, "inner_diameter_m", r.inner_diameter_m);
        NUM(o, "mass_flow_kg_per_s", r.mass_flow_kg_s);
        NUM(o, "velocity_m_per_s", r.velocity_m_s);
        NUM(o, "reynolds", r.reynolds);
        NUM(o, "friction_factor", r.friction_factor);
        NUM(o, "dp_friction_pa", r.dp_friction_pa);
        NUM(o, "heat_loss_w", r.heat_loss_w);
        NUM(o, "friction_heat_w", r.friction_heat_w);
        NUM(o, "temp_in_c", C(r.temp_in_k));
        NUM(o, "temp_out_c", C(r.temp_out_k));
        NUM(o, "ambient_c", C(r.ambient_k));
        BOOL(o, "open", r.open);
        json_out_close(o);
    }
}

static void pumps(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_PUMP, i));
        STR(o, "station", r.station);
        STR(o, "from", node_id(m, r.from));
        STR(o, "to", node_id(m, r.to));
        NUM(o, "mass_flow_kg_per_s", r.mass_flow_kg_s);
        NUM(o, "pressure_rise_pa", r.dp_pa);
        NUM(o, "head_m", r.head_m);
        NUM(o, "hydraulic_power_w", r.hydraulic_w);
        NUM(o, "electric_power_w", r.electric_w);
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "speed", r.speed);
        BOOL(o, "running", r.running);
        json_out_close(o);
    }
}

static void consumers(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result r;
        hl_model_consumer_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_CONSUMER, i));
        STR(o, "supply", node_id(m, r.from));
        STR(o, "return", node_id(m, r.to));
        NUM(o, "mass_flow_kg_per_s", r.mass_flow_kg_s);
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "heat_asked_w", r.heat_asked_w);
        NUM(o, "temp_in_c", C(r.temp_in_k));
        NUM(o, "temp_out_c", C(r.temp_out_k));
        NUM(o, "dp_available_pa", r.dp_available_pa);
        json_out_close(o);
    }
}

static void sources(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_SOURCE); i++) {
        hl_source_result r;
        hl_model_source_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_SOURCE, i));
        STR(o, "inlet", node_id(m, r.from));
        STR(o, "outlet", node_id(m, r.to));
        NUM(o, "mass_flow_kg_per_s", r.mass_flow_kg_s);
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "temp_in_c", C(r.temp_in_k));
        NUM(o, "temp_out_c", C(r.temp_out_k));
        NUM(o, "pressure_in_pa", r.p_in_pa);
        NUM(o, "pressure_out_pa", r.p_out_pa);
        json_out_close(o);
    }
}

static void exchangers(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_HX); i++) {
        hl_hx_result r;
        hl_model_hx_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_HX, i));
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "primary_kg_per_s", r.primary_kg_s);
        NUM(o, "secondary_kg_per_s", r.secondary_kg_s);
        NUM(o, "primary_in_c", C(r.t_primary_in_k));
        NUM(o, "primary_out_c", C(r.t_primary_out_k));
        NUM(o, "secondary_in_c", C(r.t_secondary_in_k));
        NUM(o, "secondary_out_c", C(r.t_secondary_out_k));
        json_out_close(o);
    }
}

static void fittings(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result r;
        hl_model_fitting_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_FITTING, i));
        STR(o, "chamber", hl_model_id(m, HL_CHAMBER, r.chamber));
        STR(o, "node", node_id(m, r.node));
        STR(o, "type", r.type);
        INT(o, "dn", r.dn);
        INT(o, "pn", r.pn);
        INT(o, "count", r.count);
        STR(o, "state", run_state_name(r.state));
        NUM(o, "area_m2", r.area_m2);
        NUM(o, "medium_temp_c", C(r.medium_temp_k));
        NUM(o, "air_temp_c", C(r.air_temp_k));
        NUM(o, "heat_loss_w", r.heat_loss_w);
        NUM(o, "surface_temp_c", C(r.surface_temp_k));
        BOOL(o, "over_limit", r.over_limit);
        json_out_close(o);
    }
}

/* Each valve chamber's air (its heat balance, or fixed by the model or
 * --chamber-temp) and where the fittings' heat goes. */
static void chambers(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_CHAMBER); i++) {
        double air_k = NAN, chainage_m = NAN;
        hl_chamber_result r;
        hl_model_chamber_info(m, i, &air_k, &chainage_m);
        hl_model_chamber_result(m, i, &r);
        json_out_object(o, NULL);
        STR(o, "id", hl_model_id(m, HL_CHAMBER, i));
        NUM(o, "chainage_m", chainage_m);
        NUM(o, "air_temp_c", C(air_k));
        BOOL(o, "air_fixed", r.air_fixed);
        NUM(o, "heat_in_w", r.heat_in_w);
        NUM(o, "heat_to_ground_w", r.heat_ground_w);
        NUM(o, "heat_through_roof_w", r.heat_roof_w);
        NUM(o, "heat_to_ventilation_w", r.heat_vent_w);
        NUM(o, "ground_conductance_w_per_k", r.ground_w_k);
        NUM(o, "roof_conductance_w_per_k", r.roof_w_k);
        json_out_close(o);
    }
}

static void warnings(json_out *o, hl_model *m)
{
    for (int i = 0; i < hl_model_warning_count(m); i++)
        json_out_string(o, NULL, hl_model_warning(m, i));
}

/* Each part as an object or array under its key, written as it goes. */
#define PART(open, key, call)                                                  \
    do {                                                                       \
        open(&w, key);                                                         \
        call;                                                                  \
        json_out_close(&w);                                                    \
    } while (0)

int run_print_json(const run_args *a, run_result *r)
{
    hl_model *m = r->m;
    json_out w;
    json_out_init(&w, json_out_file_sink, stdout);
    json_out_object(&w, NULL);
    PART(json_out_object, "model", {
        STR(&w, "name", hl_model_name(m));
        STR(&w, "file",
            a->model ? a->model : "(embedded) tuoketuo-hohhot.yaml");
    });
    json_out_bool(&w, "feasible", run_feasible(m));
    int pdd = 0;
    hl_model_pressure_driven(m, &pdd);
    json_out_bool(&w, "pressure_driven_consumers", pdd);
    run_json_violations(&w, m);
    run_json_static(&w, m);
    PART(json_out_object, "totals", totals(&w, r));
    PART(json_out_array, "fitting_scenarios", scenarios(&w, r));
    coating_needed(&w, m, &r->coating);
    PART(json_out_array, "nodes", nodes(&w, m));
    PART(json_out_array, "pipes", pipes(&w, m));
    PART(json_out_array, "pumps", pumps(&w, m));
    PART(json_out_array, "consumers", consumers(&w, m));
    PART(json_out_array, "sources", sources(&w, m));
    PART(json_out_array, "heat_exchangers", exchangers(&w, m));
    PART(json_out_array, "chambers", chambers(&w, m));
    PART(json_out_array, "fittings", fittings(&w, m));
    PART(json_out_array, "warnings", warnings(&w, m));
    json_out_close(&w);
    return cli_json_finish(&w);
}
