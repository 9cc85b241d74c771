/*
 * heatline_dynamic.h - the line in time (the transport engine): temperature
 * carried with the water through every pipe with no numerical diffusion
 * (Lagrangian parcels), heat lost in transit by each pipe's own steady
 * heat-loss model, heat stored in the water and the steel walls, mixing at
 * nodes by mass, transit times and water age, and the energy account of
 * every step (docs/physics.md, "Temperature in time").
 *
 * Call order: hl_dynamic_new (solves the model's steady state on a run of
 * its own), then any number of hl_dynamic_step; boundary conditions are
 * set between steps on the dynamic run's model (hl_dynamic_model with the
 * hl_model_set_* calls): supply temperatures and surroundings act at the
 * next step, demands at the next hydraulic re-solve (every
 * hydraulic_step_s, or hl_dynamic_resolve). The network passed in is only
 * read; the handle owns its run. SI units.
 */
#ifndef HEATLINE_DYNAMIC_H
#define HEATLINE_DYNAMIC_H

#include "heatline.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hl_dynamic hl_dynamic;

enum hl_dynamic_initial {
    HL_DYN_INIT_STEADY = 0, /* the steady solution at the start */
    HL_DYN_INIT_UNIFORM = 1 /* water and walls at initial_temp_k */
};

typedef struct hl_dynamic_options {
    double step_s;           /* transport step, s (default 300) */
    double hydraulic_step_s; /* hydraulics re-solved every, s (3600) */
    int initial;             /* enum hl_dynamic_initial */
    double initial_temp_k;   /* HL_DYN_INIT_UNIFORM */
    double merge_tol_k;      /* neighbour parcels closer join (1e-5 K) */
    int wall;                /* 1 (default): steel wall heat capacity */
    int soil; /* 1: a lumped soil node per buried pipe with a build-up
                 (default 0; docs/physics.md) */
} hl_dynamic_options;

HL_API void hl_dynamic_options_init(hl_dynamic_options *o);

/* A dynamic run of model m (a clone; m is not changed). opt NULL:
 * defaults. Errors: HL_EINVAL (a step of zero, longer than the hydraulic
 * step, not finite), the steady solve's errors; message in err. */
HL_API int hl_dynamic_new(hl_dynamic **out, const hl_model *m,
                          const hl_dynamic_options *opt, hl_error *err);
HL_API void hl_dynamic_free(hl_dynamic *d);
/* The run whose boundary conditions drive the dynamic run (owned by d). */
HL_API hl_model *hl_dynamic_model(hl_dynamic *d);
/* The steady solve of the hour's hydraulics (owned by d; its results,
 * hl_model_consumer_result etc., are the steady engine's for the hour:
 * flows, and temperatures for the set points shifted to the water
 * arriving, docs/physics.md). */
HL_API const hl_model *hl_dynamic_hydraulics(const hl_dynamic *d);
/* Fixed flow of a consumer given by its flow (before the demand scale),
 * kg/s; acts at the next hydraulic re-solve. */
HL_API int hl_dynamic_set_consumer_flow(hl_dynamic *d, int consumer,
                                        double flow_kg_s);
/* Return temperature of a consumer (NaN: the model's), K; acts at once
 * on the transport (the hydraulic solve keeps the model's). */
HL_API int hl_dynamic_set_consumer_return(hl_dynamic *d, int consumer,
                                          double t_k);
/* Start again at time 0 from the run's current conditions: the steady
 * solution (or the uniform temperature) for the boundary conditions set
 * on hl_dynamic_model(d) since (e.g. a boundary file's first row). */
HL_API int hl_dynamic_restart(hl_dynamic *d);
/* Temperature of the water entering the network at node (a reservoir or
 * tank of an EPANET import, a fixed-pressure node), K; NaN: the model's
 * again from the next hydraulic step. Acts at once on the transport. */
HL_API int hl_dynamic_set_inflow_temp(hl_dynamic *d, int node, double t_k);
/* One transport step; re-solves the hydraulics first when one is due. */
HL_API int hl_dynamic_step(hl_dynamic *d);
/* Re-solve the hydraulics now (the steady engine on the run). */
HL_API int hl_dynamic_resolve(hl_dynamic *d);
/* Seconds since the start. */
HL_API double hl_dynamic_time(const hl_dynamic *d);
HL_API const char *hl_dynamic_error(const hl_dynamic *d);

/* State of the last step (temperatures: mean of the water over the step
 * at the element; transit: the current travel time from the sources at
 * this hour's flows; age: the time since the water arriving left a
 * source, by its history). */
typedef struct hl_dynamic_node {
    double temp_k, transit_s, age_s;
} hl_dynamic_node;
typedef struct hl_dynamic_consumer {
    double supply_temp_k, return_temp_k, heat_w, flow_kg_s;
    double transit_s, age_s;
} hl_dynamic_consumer;
typedef struct hl_dynamic_source {
    double supply_temp_k, return_temp_k, heat_w, flow_kg_s;
} hl_dynamic_source;
HL_API int hl_dynamic_node_state(const hl_dynamic *d, int node,
                                 hl_dynamic_node *out);
HL_API int hl_dynamic_consumer_state(const hl_dynamic *d, int consumer,
                                     hl_dynamic_consumer *out);
HL_API int hl_dynamic_source_state(const hl_dynamic *d, int source,
                                   hl_dynamic_source *out);

/* Energy, J: of the last step and since the start. in = sources + pumps
 * + water entering from outside - water leaving to outside; residual =
 * in - delivered - lost - change of stored heat. Stored heat: relative to
 * water and steel at 0 C. */
typedef struct hl_dynamic_energy {
    double step_in_j, step_delivered_j, step_lost_j, step_stored_change_j,
        step_residual_j;
    double in_j, delivered_j, lost_pipes_j, lost_fittings_j, stored_change_j,
        residual_j;
    double stored_j, stored_water_j, stored_wall_j, stored_soil_j;
    double max_step_relative_residual; /* |residual| / throughput */
    int torn_nodes;                    /* loops without delay, last step */
    int unshifted_solves; /* hydraulic solves whose consumers could not
                             draw their heat from the water arriving (the
                             flows of the set point were used instead) */
    int kept_flow_hours;  /* ... nor from the set point: the last hour's
                             flows were kept */
    long parcels;         /* in flight now */
    size_t parcel_bytes;  /* memory of the parcel buffers */
    /* the last step's terms apart, J: step_in_j = sources + pumps +
     * boundary; step_lost_j = pipes + fittings */
    double step_sources_j, step_pumps_j, step_boundary_j;
    double step_boundary_gross_j; /* water entering + water leaving */
    double step_lost_pipes_j, step_lost_fittings_j;
} hl_dynamic_energy;
HL_API int hl_dynamic_energy_state(const hl_dynamic *d, hl_dynamic_energy *out);

/* What the report of a dynamic run plots: series the caller recorded from
 * the run (the hl_dynamic_*_state calls after each output step); the
 * writer only formats them. Arrays of n_rows; consumer_supply_k holds
 * n_rows x n_consumers, row by row. A NULL array was not recorded (its
 * plot says so). */
typedef struct hl_dynamic_report {
    const char *model_name;
    int n_rows;
    const double *time_s;         /* since the start */
    const double *plant_supply_k; /* the sources' outlet, flow-weighted */
    int n_consumers;
    const char *const *consumer_id;
    const double *consumer_supply_k;
    const double *transit_s; /* flow-weighted from the sources to the
                                consumers */
    const double *stored_j;  /* heat held (water, walls, soil) */
    /* the consumers' flow-weighted supply against the reset curve (less
     * the hour's steady drop), K: as run, and the same period run
     * without lead (NULL: no such run) */
    const double *error_k, *error_nolead_k;
    /* scores: mean error K, max |error| K, under-supplied K h, mean lead
     * h; [0] as run, [1] without lead (NaN: none) */
    double score[2][4];
    hl_dynamic_energy energy; /* at the end of the run */
} hl_dynamic_report;

/* The self-contained HTML report of a dynamic run (as
 * hl_report_write_season: plots inlined, temp file then rename): the
 * temperature at the plant and at each consumer over time, the transit
 * time, the stored heat, the error with and without lead, the energy
 * account. */
HL_API int hl_report_write_dynamic(const char *path, const hl_dynamic_report *r,
                                   hl_error *err);

#ifdef __cplusplus
}
#endif

#endif
