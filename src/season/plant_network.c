/* plant_network.c - the season's plant on the network engine: any model
 * that hl_model_load reads (YAML model file, EPANET .inp, the embedded
 * Tuoketuo-Hohhot default). One hour sets the boundary conditions through
 * the public setters (supply temperature of every source, consumers
 * scaled to the hour's demand, ground, outdoor and chamber air) and calls
 * hl_model_solve, which starts from the previous hour's solution and
 * reuses its sparse analysis; the scenarios set every fitting's state and
 * the cover of the retrofit state. */
#include "plant.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plant {
    hl_model *m;         /* the plant's own clone */
    double model_load_w; /* delivered at the model's demand as given */
    double scale0;       /* the model's demand scale as given */
    hl_operation op_file;
    hl_operation_own own; /* load and temperatures as loaded */
    hl_fitting_cover cover0[HL_FIT_NSTATES]; /* the model's covers */
    int n_fit;
    signed char *state0; /* each fitting's state as the model had it */
};

static int engine_error(plant *p, int rc, hl_error *err)
{
    return hl_error_set(err, rc, "%s", hl_model_error(p->m));
}

/* What "as the model is" means for the scenarios and the hours: its
 * operation, demand, covers and fitting states when the plant opened. */
static int start(plant *p, hl_error *err)
{
    hl_totals t;
    if (hl_model_operation(p->m, &p->op_file) || hl_model_totals(p->m, &t) ||
        hl_operation_own_of(p->m, &p->own) ||
        hl_model_demand_scale(p->m, &p->scale0))
        return hl_error_set(err, HL_ESTATE, "model: not solved");
    p->model_load_w = t.heat_delivered_w + t.heat_unmet_w; /* asked */
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        hl_model_fitting_cover(p->m, s, &p->cover0[s]);
    p->n_fit = hl_model_count(p->m, HL_FITTING);
    p->state0 = malloc((size_t)p->n_fit + 1);
    if (!p->state0)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    for (int i = 0; i < p->n_fit; i++) {
        hl_chamber_fitting_result r;
        if (hl_model_fitting_result(p->m, i, &r))
            return hl_error_set(err, HL_ESTATE, "model: not solved");
        p->state0[i] = (signed char)r.state;
    }
    return HL_OK;
}

/* The plant runs its own clone of the caller's model: the caller's handle
 * is never changed, and every plant made from one model starts from the
 * same state. */
int plant_open(plant **out, const hl_model *model, hl_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    plant *p = *out;
    int rc = hl_model_clone(model, &p->m);
    if (rc)
        hl_error_set(err, rc, "season: %s",
                     rc == HL_ESTATE ? "the model did not load"
                                     : hl_strerror(rc));
    if (!rc && hl_model_totals(p->m, &(hl_totals){0}) != HL_OK) {
        rc = hl_model_solve(p->m, NULL); /* at its own conditions */
        if (rc)
            hl_error_set(err, rc, "%s (solving the model as loaded)",
                         hl_model_error(p->m));
    }
    if (!rc)
        rc = start(p, err);
    if (rc) {
        plant_close(p);
        *out = NULL;
    }
    return rc;
}

/* Another plant on a clone of p's model in its present state. */
int plant_copy(plant **out, const plant *p, hl_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return hl_error_set(err, HL_ENOMEM, "season: out of memory");
    **out = *p;
    (*out)->m = NULL;
    (*out)->state0 = malloc((size_t)p->n_fit + 1);
    int rc = (*out)->state0 ? hl_model_clone(p->m, &(*out)->m) : HL_ENOMEM;
    if (rc) {
        plant_close(*out);
        *out = NULL;
        return hl_error_set(err, rc, "season: %s", hl_strerror(rc));
    }
    memcpy((*out)->state0, p->state0, (size_t)p->n_fit);
    return HL_OK;
}

void plant_close(plant *p)
{
    if (!p)
        return;
    hl_model_free(p->m);
    free(p->state0);
    free(p);
}

hl_model *plant_model(plant *p)
{
    return p->m;
}

const char *plant_name(const plant *p)
{
    const char *n = hl_model_name(p->m);
    return n && n[0] ? n : "unnamed model";
}

int plant_operation(const plant *p, hl_operation *op)
{
    return hl_operation_merge(op, &p->op_file, &p->own);
}

double plant_model_load_w(const plant *p)
{
    return p->model_load_w;
}

double plant_chamber_air_k(const plant *p)
{
    double air = NAN, ch;
    if (hl_model_count(p->m, HL_CHAMBER) > 0)
        hl_model_chamber_info(p->m, 0, &air, &ch);
    return air;
}

int plant_fitting_count(const plant *p)
{
    return hl_model_count(p->m, HL_FITTING);
}

void plant_fitting_info(const plant *p, int i, hl_season_fitting *out)
{
    hl_chamber_fitting_result r;
    double air, ch = NAN;
    memset(out, 0, sizeof *out);
    out->id = hl_model_id(p->m, HL_FITTING, i);
    out->type = "";
    if (hl_model_fitting_result(p->m, i, &r))
        return;
    out->type = r.type ? r.type : "";
    out->area_m2 = r.area_m2;
    hl_model_chamber_info(p->m, r.chamber, &air, &ch);
    out->chainage_m = ch;
    out->state_as_is = r.state;
}

double plant_burn_limit_k(const plant *p)
{
    hl_check_limits lim;
    if (hl_model_check_limits(p->m, &lim))
        return NAN;
    return lim.fitting_surface_k;
}

int plant_set_scenario(plant *p, int scenario, const hl_fitting_cover *cover,
                       hl_error *err)
{
    int state = scenario == HL_SCEN_COATED     ? HL_FIT_COATED
                : scenario == HL_SCEN_JACKETED ? HL_FIT_JACKETED
                                               : HL_FIT_BARE;
    int rc = HL_OK;
    for (int s = HL_FIT_COATED; !rc && s < HL_FIT_NSTATES; s++) {
        const hl_fitting_cover *c =
            cover && cover->state == s && s == state ? cover : &p->cover0[s];
        if (c->state == s) /* a model without fittings has no covers */
            rc = hl_model_set_fitting_cover(p->m, s, c);
    }
    if (!rc && scenario != HL_SCEN_AS_IS)
        rc = hl_model_set_fitting_state(p->m, NULL, state);
    for (int i = 0; !rc && scenario == HL_SCEN_AS_IS && i < p->n_fit; i++)
        rc = hl_model_set_fitting_state(p->m, hl_model_id(p->m, HL_FITTING, i),
                                        p->state0[i]);
    return rc ? engine_error(p, rc, err) : HL_OK;
}

int plant_apply(const plant *p, hl_model *m, const plant_bc *bc)
{
    /* relative to the model's own demand: its scale as given delivers
     * model_load_w */
    double scale = p->model_load_w > 0.0
                       ? p->scale0 * bc->demand_w / p->model_load_w
                       : p->scale0;
    int rc = hl_model_set_demand_scale(m, scale);
    if (!rc && hl_model_count(m, HL_SOURCE) > 0)
        rc = hl_model_set_supply_temp(m, NULL, bc->supply_k);
    if (!rc)
        rc = hl_model_set_ground_temp(m, bc->ground_k);
    if (!rc)
        rc = hl_model_set_air_temp(m, bc->outdoor_k);
    if (!rc && !isnan(bc->chamber_k) && hl_model_count(m, HL_CHAMBER) > 0)
        rc = hl_model_set_chamber_temp(m, NULL, bc->chamber_k);
    return rc;
}

/* Flow-weighted supply temperature at the consumers' inlets. */
static double supply_at_consumers(const hl_model *m)
{
    double mt = 0.0, mf = 0.0;
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result c;
        if (hl_model_consumer_result(m, i, &c))
            continue;
        mt += fabs(c.mass_flow_kg_s) * c.temp_in_k;
        mf += fabs(c.mass_flow_kg_s);
    }
    return mf > 0.0 ? mt / mf : NAN;
}

void plant_read(const hl_model *m, plant_totals *out, double *surface_k)
{
    hl_totals t;
    hl_model_totals(m, &t);
    out->heat_source_w = t.heat_source_w;
    out->heat_delivered_w = t.heat_delivered_w;
    out->loss_pipes_w = t.heat_loss_pipes_w;
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        out->loss_fittings_w[s] = t.heat_loss_fittings_by_state_w[s];
    out->pump_electric_w = t.pump_power_w;
    out->pump_heat_w = t.pump_heat_w;
    out->heat_unmet_w = t.heat_unmet_w;
    out->supply_city_k = supply_at_consumers(m);
    out->stored_change_j = 0.0; /* a steady state stores nothing */
    out->warnings = hl_model_warning_count(m);
    if (hl_model_feasible(m, &out->feasible))
        out->feasible = 1;
    for (int i = 0; surface_k && i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result r;
        surface_k[i] =
            hl_model_fitting_result(m, i, &r) ? NAN : r.surface_temp_k;
    }
}

int plant_solve(plant *p, const plant_bc *bc, plant_totals *out,
                double *surface_k, hl_error *err)
{
    int rc = bc ? plant_apply(p, p->m, bc) : HL_OK;
    if (!rc)
        rc = hl_model_solve(p->m, NULL);
    if (rc)
        return engine_error(p, rc, err);
    plant_read(p->m, out, surface_k);
    return HL_OK;
}

int plant_profile(plant *p, hl_profile *out, hl_error *err)
{
    int rc = hl_model_profile(p->m, out);
    return rc ? engine_error(p, rc, err) : HL_OK;
}

const char *plant_first_warning(const plant *p)
{
    return hl_model_warning_count(p->m) > 0 ? hl_model_warning(p->m, 0) : "";
}

int plant_verdict_lines(const plant *p, text_list *violations,
                        text_list *warnings)
{
    return plant_model_verdict_lines(p->m, violations, warnings);
}

int plant_model_verdict_lines(const hl_model *m, text_list *violations,
                              text_list *warnings)
{
    int rc = HL_OK;
    for (int i = 0; !rc && i < hl_model_violation_count(m); i++) {
        hl_violation v;
        char text[512];
        if (hl_model_violation(m, i, &v))
            continue;
        hl_violation_describe(&v, text, sizeof text);
        rc = text_list_add(violations, "[%s] %s",
                           hl_violation_kind_name(v.kind), text);
    }
    for (int i = 0; !rc && i < hl_model_warning_count(m); i++)
        rc = text_list_add(warnings, "%s", hl_model_warning(m, i));
    return rc;
}
