/*
 * season_internal.h - the season result record, shared by the season loop
 * (season.c) and the layer above it that formats it (src/report/).
 */
#ifndef HL_SEASON_INTERNAL_H
#define HL_SEASON_INTERNAL_H

#include "season/plant.h"
#include "util/util.h"

#define SEASON_MAX_STATIONS 32

typedef struct season_station {
    const char *name; /* in the season's strings */
    double chainage_m;
} season_station;

/* The network in plan at the design hour (season_map.c). */
enum season_map_plane {
    SEASON_MAP_NONE = 0,     /* no coordinates, no chainage */
    SEASON_MAP_PLAN = 1,     /* the model's own coordinates */
    SEASON_MAP_SCHEMATIC = 2 /* x = chainage (km), supply above return */
};

typedef struct season_map {
    int plane; /* enum season_map_plane */
    int n_nodes, n_pipes;
    const char **node_id; /* in the season's strings */
    double *nx, *ny, *n_head_m, *n_p_bar, *n_t_c, *n_fixed;
    const char **pipe_id;
    int *pf, *pt;  /* end node indices */
    int *vx_start; /* pipe i's vertices: vx[2k], vx[2k+1] for k in
                      vx_start[i] .. vx_start[i+1] - 1 */
    double *vx;
    double *p_v, *p_t_c, *p_p_bar, *p_q_w_m, *p_flow, *p_open;
    int n_other;          /* pumps then valves, drawn straight */
    int *of, *ot, *okind; /* end nodes, HL_PUMP or HL_VALVE */
    const char **other_id;
} season_map;

void season_map_free(season_map *g);
/* The design-hour map from the solved model m (as-is scenario). */
int season_map_take(hl_season *s, hl_model *m);

struct hl_season {
    const char *model_name; /* in strings */
    text_list strings;      /* ids and names kept from the model */
    int out_of_memory;      /* a warning or name could not be kept */
    hl_season_options opt;
    hl_operation op; /* operation actually used */
    int op_origin;   /* enum hl_operation_origin */
    const hl_weather *weather;
    hl_weather *own_weather; /* the snapshot's own record (freed with it) */
    int n_hours, first;
    int model_conditions; /* 1: one hour at the model's own conditions */
    double *outdoor_k, *ground_k, *chamber_k, *demand_w, *supply_k;
    int n_fit;
    hl_season_fitting *fit;
    int n_ch;           /* valve chambers */
    const char **ch_id; /* in strings */
    double *ch_chainage_m;
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
    const char *first_warning; /* in strings; NULL = none yet */
    text_list warnings;
    season_map *map;         /* NULL when it could not be taken */
    int infeasible_hours;    /* as-is hours whose state broke hard limits */
    text_list violations;    /* every violation of the first such hour */
    text_list hour_warnings; /* every engine warning of the first hour
                                that warned (as-is) */
    /* a dynamic season's supply error against the reset curve (as-is):
     * [0] the run as it ran, [1] without lead (a season with a lead);
     * have_lead[i] 0 when there is no such run */
    hl_season_lead lead[2];
    int have_lead[2];
};

/* Keep text in the season's strings; "" (and out_of_memory set) on
 * failure. */
const char *season_keep(hl_season *s, const char *text);
/* Add a season warning (every one kept). */
void season_warn(hl_season *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The season on an open plant; model_conditions: one hour at the model's
 * own boundary conditions (the run snapshot) instead of the weather's.
 * Every scenario after the first runs on a clone of p, in a thread of its
 * own where opt->threads allows. */
int season_run_plant(hl_season **out, plant *p, const hl_weather *w,
                     const hl_season_options *opt, int model_conditions,
                     hl_error *err);

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
/* The pieces of an hour that the steady and the dynamic season share
 * (season.c): the hour's boundary conditions, its record (energies, burn
 * hours, surfaces), the verdict and warnings of m's solve (as-is only),
 * the design-hour profile and map of p, the failed hour's message. */
plant_bc season_hour_bc(const hl_season *s, int k);
void season_record_hour(hl_season *s, hl_season_scenario *sc, int k,
                        const plant_totals *t, const double *surface_k);
void season_note_warnings(hl_season *s, const hl_model *m, int si,
                          const plant_totals *t);
int season_snapshot_profile(hl_season *s, plant *p, int si, hl_error *err);
int season_hour_error(const hl_season *s, int si, int k, const plant_bc *bc,
                      hl_error *err);
/* The hours of scenario si through the transport engine
 * (season_dynamic.c); p has the scenario's fittings set. */
int season_dynamic_hours(hl_season *s, plant *p, int si, double *surface_k,
                         season_progress *pr, hl_error *err);
/* All scenarios of s (season_scenarios.c). */
int season_scenarios(hl_season *s, plant *p, hl_error *err);

#endif
