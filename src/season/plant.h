/*
 * plant.h - the season loop's view of a thermo-hydraulic model: set the
 * fittings for a scenario, solve one hour's steady state from its boundary
 * conditions (warm-started from the previous hour), read totals, fitting
 * surface temperatures and the profile along the line. One adapter per
 * engine sits behind it (plant_line.c: the embedded line).
 */
#ifndef HL_SEASON_PLANT_H
#define HL_SEASON_PLANT_H

#include "heatline.h"

typedef struct plant plant;

typedef struct plant_bc {
    double outdoor_k, wind_m_s;
    double ground_k;  /* undisturbed soil at the pipe axis */
    double chamber_k; /* chamber air; NaN = the model's own */
    double supply_k;  /* plant supply temperature */
    double demand_w;  /* total consumer demand */
    int regulation;   /* enum hl_regulation */
} plant_bc;

typedef struct plant_totals {
    double heat_source_w, heat_delivered_w, loss_pipes_w;
    double loss_fittings_w[HL_FIT_NSTATES];
    double pump_electric_w;
    double supply_city_k; /* supply temperature reaching the consumers */
    double unmet_w;       /* demand the flow could not deliver */
} plant_totals;

typedef struct plant_point {
    double chainage_m, elevation_m;
    double head_supply_m, head_return_m;
    double pressure_supply_pa, pressure_return_pa; /* gauge */
    double temp_supply_k, temp_return_k;
} plant_point;

typedef struct plant_station {
    char name[48];
    double chainage_m;
    double head_gain_supply_m, head_gain_return_m;
} plant_station;

typedef struct plant_profile {
    int n;
    const plant_point *pt;
    int n_stations;
    const plant_station *station;
    double static_head_m;   /* head line with the pumps stopped */
    double max_pressure_pa; /* pressure class (PN) limit, gauge */
    double min_pressure_pa; /* boiling margin at the supply temperature */
    double rho_supply, rho_return; /* kg/m3, to draw pressures as heads */
} plant_profile;

int plant_open(plant **out, const char *model_path, hl_error *err);
void plant_close(plant *p);
const char *plant_name(const plant *p);
/* The model's design operation (load, temperatures, reset curve). */
void plant_operation(const plant *p, hl_operation *op);
/* The model's chamber air temperature. */
double plant_chamber_air_k(const plant *p);
/* Undisturbed ground depth at the pipe axis. */
double plant_axis_depth_m(const plant *p);
int plant_fitting_count(const plant *p);
void plant_fitting_info(const plant *p, int i, hl_season_fitting *out);
/* All fittings to their as-is state (scenario AS_IS) or all to one
 * retrofit with the given layer and outer emissivity. */
int plant_set_scenario(plant *p, int scenario, const hl_layer *layer,
                       double emissivity, hl_error *err);
/* Steady state for one hour. surface_k (n fittings) receives each fitting's
 * outer surface temperature. */
int plant_solve(plant *p, const plant_bc *bc, plant_totals *out,
                double *surface_k, hl_error *err);
/* Profile along the line of the last solve. */
void plant_get_profile(plant *p, plant_profile *out);

#endif
