/*
 * plant.h - the season loop's view of a network model (plant_network.c,
 * over the public network API of heatline_network.h): a clone of a loaded
 * model, set the fittings for a scenario, solve one hour's
 * steady state from its boundary conditions (warm-started from the
 * previous hour; the engine keeps its sparse analysis), read totals,
 * fitting surface temperatures and the profile along the line.
 */
#ifndef HL_SEASON_PLANT_H
#define HL_SEASON_PLANT_H

#include "heatline.h"
#include "util/util.h"

typedef struct plant plant;

/* One hour's boundary conditions. */
typedef struct plant_bc {
    double outdoor_k; /* outdoor air: overhead pipes */
    double ground_k;  /* undisturbed soil: buried pipes */
    double chamber_k; /* chamber air; NaN = each chamber's own */
    double supply_k;  /* supply temperature of every source */
    double demand_w;  /* total heat demand; consumers scaled to it */
} plant_bc;

typedef struct plant_totals {
    double heat_source_w, heat_delivered_w, loss_pipes_w;
    double loss_fittings_w[HL_FIT_NSTATES];
    double pump_electric_w;
    double pump_heat_w;     /* pump and friction heat in the water */
    double heat_unmet_w;    /* asked by the consumers and not delivered */
    double supply_city_k;   /* flow-weighted supply temperature at the
                               consumers' inlets; NaN without consumers */
    int warnings;           /* engine warnings of this solve */
    int feasible;           /* 0: the solve broke a hard limit */
    double stored_change_j; /* heat stored over the hour (dynamic) */
} plant_totals;

/* A plant on a clone of model (loaded; solved at its own conditions here
 * if it has no solution yet). The caller's model is never changed. */
int plant_open(plant **out, const hl_model *model, hl_error *err);
/* Another plant on a clone of p's model in its present state (a scenario
 * that starts where p is now). */
int plant_copy(plant **out, const plant *p, hl_error *err);
void plant_close(plant *p);
hl_model *plant_model(plant *p);
const char *plant_name(const plant *p);
/* The model's operation merged over the defaults: hl_operation_hohhot,
 * then the fields the model file gives; the design load is the heat the
 * model delivers as loaded unless the file states one. */
/* The operation (hl_operation_merge); returns its enum
 * hl_operation_origin. */
int plant_operation(const plant *p, hl_operation *op);
/* Heat the model delivers at its own demand (demand scale 1), W. */
double plant_model_load_w(const plant *p);
/* The model's default chamber air temperature. */
double plant_chamber_air_k(const plant *p);
int plant_fitting_count(const plant *p);
/* Fitting i's id, type, area, chainage and state (the strings are the
 * model's: copy them to keep them). */
void plant_fitting_info(const plant *p, int i, hl_season_fitting *out);
/* The surface limit the model judges its fittings by, K. */
double plant_burn_limit_k(const plant *p);
/* All fittings to their as-is state (scenario AS_IS) or all to one
 * retrofit; cover NULL or of another state = the model's own cover. */
int plant_set_scenario(plant *p, int scenario, const hl_fitting_cover *cover,
                       hl_error *err);
/* Steady state for one hour (bc NULL: the model's conditions as they
 * are). surface_k (n fittings, may be NULL) receives each fitting's
 * hottest surface temperature. */
int plant_solve(plant *p, const plant_bc *bc, plant_totals *out,
                double *surface_k, hl_error *err);
/* The hour's boundary conditions on m, a run of p's network (the plant's
 * own model or another run of it, e.g. a dynamic run's). */
int plant_apply(const plant *p, hl_model *m, const plant_bc *bc);
/* Totals, verdict and fitting surfaces (may be NULL) of m's last solve. */
void plant_read(const hl_model *m, plant_totals *out, double *surface_k);
/* Profile along the line of the last solve (valid until the next). */
int plant_profile(plant *p, hl_profile *out, hl_error *err);
/* The first warning of the last solve ("" if none). */
const char *plant_first_warning(const plant *p);
/* Every violation (one line each, "[kind] text") and every warning of
 * the last solve, added to the lists; HL_ENOMEM if one could not be. */
int plant_verdict_lines(const plant *p, text_list *violations,
                        text_list *warnings);
/* The same of any solved model. */
int plant_model_verdict_lines(const hl_model *m, text_list *violations,
                              text_list *warnings);

#endif
