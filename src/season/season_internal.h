/*
 * season_internal.h - the season result record, shared by the season loop
 * (season.c) and the report writer (io/report_html.c).
 */
#ifndef HL_SEASON_INTERNAL_H
#define HL_SEASON_INTERNAL_H

#include "season/plant.h"

struct hl_season {
    char model_name[160];
    hl_season_options opt;
    hl_operation op; /* operation actually used */
    const hl_weather *weather;
    int n_hours, first;
    double *outdoor_k, *ground_k, *chamber_k, *demand_w, *supply_k;
    int n_fit;
    hl_season_fitting *fit;
    int n_scen;
    hl_season_scenario scen[HL_SCEN_COUNT];
    /* design-hour snapshot (coldest hour of the run) per scenario */
    int design_hour;
    plant_point *profile[HL_SCEN_COUNT];
    int n_profile;
    plant_station station[8];
    int n_stations;
    double static_head_m, max_pressure_pa, min_pressure_pa, rho_supply;
    int unmet_hours;
    hl_warnings warnings;
};

#endif
