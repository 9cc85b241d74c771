/*
 * run_json.c - `heatline run --json`: one object with totals, the fitting
 * scenarios, and every element with its results. Units are in the key
 * names; a value that does not exist is null, never NaN.
 */
#include "run.h"

#include <math.h>

#define NUM(o, k, v) json_object_set_new((o), (k), cli_json_number(v))
#define STR(o, k, v) json_object_set_new((o), (k), json_string(v))
#define INT(o, k, v) json_object_set_new((o), (k), json_integer(v))
#define C(t)         ((t)-HL_ZERO_C_K)

static const char *node_id(hl_model *m, int i)
{
    const char *id = hl_model_id(m, HL_NODE, i);
    return id ? id : "";
}

static json_t *totals(const run_result *r)
{
    const hl_totals *t = &r->tot;
    json_t *o = json_object();
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
    return o;
}

static json_t *scenarios(const run_result *r)
{
    json_t *a = json_array();
    for (int s = 0; s < HL_FIT_NSTATES; s++) {
        const run_scenario *sc = &r->scen[s];
        if (!sc->solved)
            continue;
        json_t *o = json_object();
        STR(o, "state", run_state_name(s));
        NUM(o, "heat_loss_fittings_w", sc->fittings_w);
        NUM(o, "heat_loss_pipes_w", sc->pipes_w);
        NUM(o, "heat_delivered_w", sc->delivered_w);
        NUM(o, "heat_source_w", sc->source_w);
        INT(o, "fittings_over_limit", sc->over_limit);
        NUM(o, "hottest_surface_c", C(sc->hottest_k));
        json_array_append_new(a, o);
    }
    return a;
}

/* null when there is nothing to size (run_coating.c) */
static json_t *coating_needed(hl_model *m, const run_coating *c)
{
    if (!c->asked)
        return json_null();
    json_t *o = json_object();
    STR(o, "material", c->material);
    NUM(o, "modelled_mm", c->modelled_m * 1e3);
    NUM(o, "needed_mm", c->thickness_m * 1e3);
    STR(o, "fitting",
        c->worst >= 0 ? hl_model_id(m, HL_FITTING, c->worst) : "");
    INT(o, "fittings_unreachable", c->unreachable);
    return o;
}

static json_t *nodes(hl_model *m)
{
    json_t *a = json_array();
    static const char *sides[] = {"none", "supply", "return"};
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        json_t *o = json_object();
        STR(o, "id", node_id(m, i));
        STR(o, "side", sides[r.side >= 0 && r.side <= 2 ? r.side : 0]);
        NUM(o, "chainage_m", r.chainage_m);
        NUM(o, "elevation_m", r.elevation_m);
        NUM(o, "pressure_pa", r.pressure_pa);
        NUM(o, "head_m", r.head_m);
        NUM(o, "temp_c", C(r.temp_k));
        NUM(o, "demand_kg_per_s", r.demand_kg_s);
        NUM(o, "external_kg_per_s", r.external_kg_s);
        json_object_set_new(o, "connected", json_boolean(r.connected));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *pipes(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        json_t *o = json_object();
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
        json_object_set_new(o, "open", json_boolean(r.open));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *pumps(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        json_t *o = json_object();
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
        json_object_set_new(o, "running", json_boolean(r.running));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *consumers(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result r;
        hl_model_consumer_result(m, i, &r);
        json_t *o = json_object();
        STR(o, "id", hl_model_id(m, HL_CONSUMER, i));
        STR(o, "supply", node_id(m, r.from));
        STR(o, "return", node_id(m, r.to));
        NUM(o, "mass_flow_kg_per_s", r.mass_flow_kg_s);
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "heat_asked_w", r.heat_asked_w);
        NUM(o, "temp_in_c", C(r.temp_in_k));
        NUM(o, "temp_out_c", C(r.temp_out_k));
        NUM(o, "dp_available_pa", r.dp_available_pa);
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *sources(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_SOURCE); i++) {
        hl_source_result r;
        hl_model_source_result(m, i, &r);
        json_t *o = json_object();
        STR(o, "id", hl_model_id(m, HL_SOURCE, i));
        STR(o, "inlet", node_id(m, r.from));
        STR(o, "outlet", node_id(m, r.to));
        NUM(o, "mass_flow_kg_per_s", r.mass_flow_kg_s);
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "temp_in_c", C(r.temp_in_k));
        NUM(o, "temp_out_c", C(r.temp_out_k));
        NUM(o, "pressure_in_pa", r.p_in_pa);
        NUM(o, "pressure_out_pa", r.p_out_pa);
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *exchangers(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_HX); i++) {
        hl_hx_result r;
        hl_model_hx_result(m, i, &r);
        json_t *o = json_object();
        STR(o, "id", hl_model_id(m, HL_HX, i));
        NUM(o, "heat_w", r.heat_w);
        NUM(o, "primary_kg_per_s", r.primary_kg_s);
        NUM(o, "secondary_kg_per_s", r.secondary_kg_s);
        NUM(o, "primary_in_c", C(r.t_primary_in_k));
        NUM(o, "primary_out_c", C(r.t_primary_out_k));
        NUM(o, "secondary_in_c", C(r.t_secondary_in_k));
        NUM(o, "secondary_out_c", C(r.t_secondary_out_k));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *fittings(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result r;
        hl_model_fitting_result(m, i, &r);
        json_t *o = json_object();
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
        json_object_set_new(o, "over_limit", json_boolean(r.over_limit));
        json_array_append_new(a, o);
    }
    return a;
}

/* Each valve chamber's air (fixed by the model or --chamber-temp until
 * the chamber heat balance of issue 13 item 5 lands). */
static json_t *chambers(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_count(m, HL_CHAMBER); i++) {
        double air_k = NAN, chainage_m = NAN;
        hl_model_chamber_info(m, i, &air_k, &chainage_m);
        json_t *o = json_object();
        STR(o, "id", hl_model_id(m, HL_CHAMBER, i));
        NUM(o, "chainage_m", chainage_m);
        NUM(o, "air_temp_c", C(air_k));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *warnings(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_warning_count(m); i++)
        json_array_append_new(a, json_string(hl_model_warning(m, i)));
    return a;
}

int run_print_json(const run_args *a, run_result *r)
{
    hl_model *m = r->m;
    json_t *root = json_object();
    json_t *mo = json_object();
    STR(mo, "name", hl_model_name(m));
    STR(mo, "file", a->model ? a->model : "(embedded) tuoketuo-hohhot.yaml");
    json_object_set_new(root, "model", mo);
    json_object_set_new(root, "feasible", json_boolean(run_feasible(m)));
    json_object_set_new(root, "violations", run_json_violations(m));
    json_object_set_new(root, "static", run_json_static(m));
    json_object_set_new(root, "totals", totals(r));
    json_object_set_new(root, "fitting_scenarios", scenarios(r));
    json_object_set_new(root, "coating_needed", coating_needed(m, &r->coating));
    json_object_set_new(root, "nodes", nodes(m));
    json_object_set_new(root, "pipes", pipes(m));
    json_object_set_new(root, "pumps", pumps(m));
    json_object_set_new(root, "consumers", consumers(m));
    json_object_set_new(root, "sources", sources(m));
    json_object_set_new(root, "heat_exchangers", exchangers(m));
    json_object_set_new(root, "chambers", chambers(m));
    json_object_set_new(root, "fittings", fittings(m));
    json_object_set_new(root, "warnings", warnings(m));
    return cli_json_print(root);
}
