/*
 * season_internal.h - the season result record, shared by the season loop
 * (season.c) and the report writer (io/report_*.c).
 */
#ifndef HL_SEASON_INTERNAL_H
#define HL_SEASON_INTERNAL_H

#include "season/plant.h"

#define SEASON_MAX_STATIONS 32

typedef struct season_station {
    char name[64];
    double chainage_m;
} season_station;

struct hl_season {
    char model_name[160];
    hl_season_options opt;
    hl_operation op; /* operation actually used */
    const hl_weather *weather;
    int n_hours, first;
    int model_conditions; /* 1: one hour at the model's own conditions */
    double *outdoor_k, *ground_k, *chamber_k, *demand_w, *supply_k;
    int n_fit;
    hl_season_fitting *fit;
    int n_scen;
    hl_season_scenario scen[HL_SCEN_COUNT];
    /* design-hour snapshot (coldest hour of the run) per scenario */
    int design_hour;
    hl_profile_point *profile[HL_SCEN_COUNT];
    int n_profile;
    season_station station[SEASON_MAX_STATIONS];
    int n_stations;
    int capped_hours;  /* colder than design: demand held at design load */
    int standby_hours; /* demand held at the standby load */
    double unmet_j;    /* demand above the design load over those hours */
    int warning_hours; /* hours whose solve warned (as-is scenario) */
    char first_warning[400];
    hl_warnings warnings;
};

/* Where more copies of the model come from (hl_season_run): its file
 * (NULL: the embedded default) and load options. */
typedef struct season_source {
    const char *path;
    const struct hl_load_options *load;
} season_source;

/* The season on an open plant; model_conditions: one hour at the model's
 * own boundary conditions (the run report) instead of the weather's.
 * With a source, every scenario after the first runs on a fresh copy of
 * the model, in a thread of its own where opt->threads allows; without
 * one (a plant handed in), they run one after another on p. */
int season_run_plant(hl_season **out, plant *p, const season_source *src,
                     const hl_weather *w, const hl_season_options *opt,
                     int model_conditions, hl_error *err);

/* Progress of the scenarios running at once (season_scenarios.c). */
typedef struct season_progress season_progress;
/* One more hour of scenario si solved (any thread); every 64 hours of a
 * scenario the calling thread of hl_season_run reports the total to the
 * progress function, other threads only count. */
void season_hour_done(season_progress *pr, int si);

/* The hours of scenario si on plant p (season.c); surface_k: scratch for
 * the fittings' surface temperatures. */
int season_scenario(hl_season *s, plant *p, int si, double *surface_k,
                    season_progress *pr, hl_error *err);
/* All scenarios of s (season_scenarios.c). */
int season_scenarios(hl_season *s, plant *p, const season_source *src,
                     hl_error *err);

#endif
