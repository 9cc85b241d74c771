/*
 * heatline_surge.h - hydraulic transients (surge) on a solved model: pump
 * trips, station trips, power failure, valve closures, by the method of
 * characteristics with column separation (DVCM). The model is only read:
 * its solved steady state is the initial state (docs/physics.md, "Surge").
 *
 * Call order: hl_model_load, hl_model_solve, hl_surge_run (any number of
 * times, each with its own result), hl_surge_free. Included by heatline.h;
 * do not include on its own.
 */
#ifndef HEATLINE_SURGE_H
#define HEATLINE_SURGE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hl_surge hl_surge; /* one transient run and its results */

enum hl_surge_event {
    HL_SURGE_NONE = 0,      /* no event: the steady state held */
    HL_SURGE_PUMP_TRIP,     /* target: pump id */
    HL_SURGE_STATION_TRIP,  /* target: station name (every pump of it) */
    HL_SURGE_POWER_FAILURE, /* every pump */
    HL_SURGE_VALVE_CLOSE,   /* target: valve id; closure_s, closure_curve */
    HL_SURGE_PUMP_START     /* target: pump id, started from standstill:
                               the steady state with it stopped, then its
                               speed ramps up over ramp_s */
};

enum hl_surge_curve {
    HL_SURGE_CURVE_LINEAR = 0, /* opening 1 - t/T */
    HL_SURGE_CURVE_QUADRATIC,  /* (1 - t/T)^2 */
    HL_SURGE_CURVE_SQRT        /* sqrt(1 - t/T) */
};

typedef struct hl_surge_options {
    int event;                /* enum hl_surge_event */
    const char *target;       /* pump id, station name or valve id */
    double event_time_s;      /* when it happens (default 0) */
    double closure_s;         /* valve-close: 0 = instantaneous */
    int closure_curve;        /* enum hl_surge_curve */
    double duration_s;        /* simulated time (> 0; default 60) */
    double dx_m;              /* target reach length (> 0; default 100) */
    int friction;             /* 0 quasi-steady, 1 Brunone (Vardy's k) */
    const char *const *watch; /* node ids whose series are kept */
    int n_watch;
    double series_every_s; /* sampling of the series (0: every step) */
    /* an extra air vessel (sizing): at this node (NULL: none), with this
     * gas volume at the steady pressure; n 1.2, connection half the
     * largest pipe's diameter at the node, zeta 2.5 in and 1.0 out */
    const char *extra_vessel_node;
    double extra_vessel_m3;
    /* an extra relief valve (sizing): at this node (NULL: none), set to
     * this gauge pressure, discharging this capacity at 10 % accumulation
     * of the set pressure (the model's default) */
    const char *extra_relief_node;
    double extra_relief_set_pa;
    double extra_relief_cap_kg_s;
    /* pump-start: time from standstill to the pump's running speed
     * (linear ramp, >= 0; default 10 s) */
    double ramp_s;
    /* valve-close: the valve's loss coefficient when fully open, on its
     * own diameter, for a valve whose steady state carries no loss (an
     * open valve without a minor loss); 0: not given (default) */
    double open_zeta;
    /* pumps whose speed the steady model holds on a pressure (a control
     * node and set point): 0 (default) they hold their running speed
     * through the event; 1 their drives keep that node's steady pressure,
     * moving the speed by at most control_ramp_per_s of the running speed
     * per second (default 0.05), at the full rate once the node misses by
     * control_band_pa (default 0.5 bar) or more (docs/physics.md, "Surge:
     * pumps under pressure control") */
    int pump_control;
    double control_ramp_per_s;
    double control_band_pa;
} hl_surge_options;

/* Defaults: no event, 60 s, dx 100 m, steady friction, no watch. */
HL_API void hl_surge_options_default(hl_surge_options *o);

/* Run the event on the solved model m (read only). Errors (one line in
 * err): the model not solved, an event target not found, a negative
 * closure time, dx longer than a pipe, duration <= 0, a wave speed <= 0.
 * Cavities are results, never errors. */
HL_API int hl_surge_run(hl_surge **out, const hl_model *m,
                        const hl_surge_options *opt, hl_error *err);
HL_API void hl_surge_free(hl_surge *s);

typedef struct hl_surge_grid {
    double dx_m;                      /* the target reach length */
    double dt_s;                      /* the common time step */
    double max_wave_speed_adjustment; /* largest |a_used / a - 1| */
    const char *worst_pipe;           /* where it is */
    long points, steps;
    double min_wave_speed, max_wave_speed; /* m/s, as computed or given */
} hl_surge_grid;
HL_API int hl_surge_grid_info(const hl_surge *s, hl_surge_grid *out);

/* Envelope at a node of the model: extremes over the event. */
typedef struct hl_surge_node {
    const char *id;
    double z_m, chainage_m; /* chainage NaN = none */
    double max_head_m, min_head_m, t_max_s, t_min_s;
    double max_pressure_pa, min_pressure_pa; /* gauge */
    double vapour_pressure_pa;               /* gauge, at its water */
    double pn_pa;         /* lowest PN of the pipes at it, gauge; NaN = none */
    double max_cavity_m3; /* 0: none */
} hl_surge_node;
HL_API int hl_surge_node_count(const hl_surge *s);
HL_API int hl_surge_node_result(const hl_surge *s, int i, hl_surge_node *out);

/* Verdict per pipe over every grid point along it. */
typedef struct hl_surge_pipe {
    const char *id;
    double max_pressure_pa, min_pressure_pa; /* gauge, along the pipe */
    double pn_pa;                            /* NaN = none given */
    double vapour_pressure_pa;               /* gauge */
    double wave_speed_m_s;                   /* used on the grid */
    double max_cavity_m3;                    /* largest cavity along it */
    int over_pn;                             /* max pressure above PN */
    int near_vapour; /* min pressure below vapour + margin */
} hl_surge_pipe;
HL_API int hl_surge_pipe_count(const hl_surge *s);
HL_API int hl_surge_pipe_result(const hl_surge *s, int i, hl_surge_pipe *out);

/* Where vapour cavities formed: a node, or a pipe and the distance from
 * its from-end; the first time and the largest volume. */
typedef struct hl_surge_cavity {
    const char *node; /* or NULL */
    const char *pipe; /* or NULL */
    double x_m;       /* along the pipe */
    double t_first_s; /* first opening */
    double max_volume_m3;
} hl_surge_cavity;
HL_API int hl_surge_cavity_count(const hl_surge *s);
HL_API int hl_surge_cavity_result(const hl_surge *s, int i,
                                  hl_surge_cavity *out);

typedef struct hl_surge_verdict {
    int ok; /* no pipe over PN or near vapour */
    int pipes_over_pn, pipes_near_vapour, cavities;
    double margin_pa;       /* the vapour margin used */
    double max_pressure_pa; /* over the whole grid */
    const char *max_pipe;   /* where */
    double min_pressure_pa;
    const char *min_pipe;
    double max_cavity_m3;
    long cavity_openings;
} hl_surge_verdict;
HL_API int hl_surge_verdict_get(const hl_surge *s, hl_surge_verdict *out);

/* Series of the watched nodes: n_watch nodes, each sampled at the same
 * times. */
HL_API int hl_surge_watch_count(const hl_surge *s);
HL_API const char *hl_surge_watch_id(const hl_surge *s, int w);
HL_API int hl_surge_sample_count(const hl_surge *s);
/* Sample i of watched node w: time (s), head (m), gauge pressure (Pa). */
HL_API int hl_surge_sample(const hl_surge *s, int w, int i, double *t_s,
                           double *head_m, double *pressure_pa);

/* Air vessels of the model's transient: section: the gas volume's range
 * over the event and at its end. */
typedef struct hl_surge_vessel {
    const char *id, *node;
    double gas_min_m3, gas_max_m3, gas_end_m3;
} hl_surge_vessel;
HL_API int hl_surge_vessel_count(const hl_surge *s);
HL_API int hl_surge_vessel_result(const hl_surge *s, int i,
                                  hl_surge_vessel *out);

/* Relief valves of the transient: section (and the sized one, id "sized"):
 * the largest discharge against the valve's capacity. A valve discharges
 * its capacity at set pressure + accumulation; more flow needs more
 * overpressure than the valve is rated for: its capacity did not suffice
 * (a warning says so). */
typedef struct hl_surge_relief {
    const char *id, *node;
    double set_pressure_pa;    /* gauge */
    double max_discharge_kg_s; /* 0: never opened */
    double capacity_kg_s;      /* at set pressure + accumulation */
    double accumulation_pa;
    int capacity_sufficed; /* max_discharge_kg_s <= capacity_kg_s */
} hl_surge_relief;
HL_API int hl_surge_relief_count(const hl_surge *s);
HL_API int hl_surge_relief_result(const hl_surge *s, int i,
                                  hl_surge_relief *out);

/* Sizing (--size air-vessel:NODE): the smallest gas volume of an extra
 * air vessel at node that makes the event's verdict pass, by doubling from
 * 10 m3 and then bisection to 2 % (at most 10,000 m3); every run kept. */
/* Pumps that the event trips (or the pump it starts: its steady flow and
 * speed are those of the model running), in model order. A tripped pump
 * with a rotor (transient: pumps, inertia_kg_m2) runs in four quadrants
 * with its speed from the torque balance, on its Suter curves (suter_wh /
 * suter_wb) or, without them, a built-in family's (suter: auto, the
 * default: the one nearest its specific speed; or ns25, ns147, ns261);
 * the others (suter: affinity, no inertia, a started pump) follow the
 * affinity run-down and pass no reverse flow. */
typedef struct hl_surge_pump {
    const char *id;
    int four_quadrant;     /* Suter curves and the rotor's torque balance */
    const char *curves;    /* "given", "ns25", "ns147", "ns261"; NULL for
                              the affinity run-down */
    double specific_speed; /* N Q^0.5 / H^0.75 (rpm, m3/s per unit, m) at
                              the steady operating point; NaN: none */
    double speed_end;      /* speed over the steady speed at the end */
    double min_speed;      /* lowest (negative: it turned backwards) */
    double min_flow_ratio; /* lowest flow over the steady flow (negative:
                              reverse flow; NaN: no steady flow) */
    double flow_end_ratio; /* flow at the end over the steady flow */
} hl_surge_pump;

/* Pumps under pressure control during the event (options.pump_control):
 * their speeds (over the nominal speed) at the start, lowest, highest and
 * at the end. */
typedef struct hl_surge_controlled {
    const char *id;
    const char *node;       /* the node whose pressure it holds */
    double set_pressure_pa; /* gauge: the node's steady pressure */
    double speed_start, speed_min, speed_max, speed_end;
} hl_surge_controlled;
HL_API int hl_surge_controlled_count(const hl_surge *s);
HL_API int hl_surge_controlled_result(const hl_surge *s, int i,
                                      hl_surge_controlled *out);

HL_API int hl_surge_pump_count(const hl_surge *s);
HL_API int hl_surge_pump_result(const hl_surge *s, int i, hl_surge_pump *out);

/* Surge tanks of the model (transient: surge_tanks): the range of their
 * free surface (elevation, m) over the event. */
typedef struct hl_surge_tank {
    const char *id, *node;
    int one_way;
    double level_min_m, level_max_m, level_end_m;
    int spilled; /* the level reached its top (overflow) or bottom (an
                    open tank drawn empty; a one-way tank ran dry) */
} hl_surge_tank;

HL_API int hl_surge_tank_count(const hl_surge *s);
HL_API int hl_surge_tank_result(const hl_surge *s, int i, hl_surge_tank *out);

/* The surge report (one self-contained HTML file, src/report): the
 * envelope of pressure along the line with each node's PN and vapour
 * pressure, the watched nodes' pressure in time, the cavities, the
 * verdict. m is the model the run was made on (its nodes' sides); event
 * is the text shown as the event. Written whole or not at all. */
HL_API int hl_report_write_surge(const char *path, const hl_model *m,
                                 const hl_surge *s, const char *event,
                                 hl_error *err);

#define HL_SURGE_SIZE_MAX_RUNS 48
typedef struct hl_surge_sizing {
    double gas_m3; /* the result; 0: the event passes without one */
    int runs;
    double run_gas_m3[HL_SURGE_SIZE_MAX_RUNS];
    int run_ok[HL_SURGE_SIZE_MAX_RUNS];
} hl_surge_sizing;
/* HL_EUNREACHABLE when no volume up to 10,000 m3 passes. */
HL_API int hl_surge_size_vessel(const hl_model *m, const hl_surge_options *o,
                                const char *node, hl_surge_sizing *out,
                                hl_error *err);

/* Sizing of a relief valve (--size relief-valve:NODE): the highest set
 * pressure of an extra relief valve at node that makes the event's
 * verdict pass, between the node's steady pressure + 1 bar and its PN /
 * 1.1 (so that set + 10 % accumulation stays within PN), by bisection to
 * 0.05 bar over runs with a valve of unlimited capacity; then its
 * capacity: the largest discharge of that run rounded up to 10 kg/s,
 * checked by a run at that capacity (raised by a quarter while it fails).
 * Every run kept; set_pressure_pa 0: the event passes without one. */
typedef struct hl_surge_relief_sizing {
    double set_pressure_pa; /* gauge */
    double capacity_kg_s;   /* at set + 10 % accumulation */
    int runs;
    double run_set_pa[HL_SURGE_SIZE_MAX_RUNS];
    double run_cap_kg_s[HL_SURGE_SIZE_MAX_RUNS]; /* 0: none; inf: unlimited */
    int run_ok[HL_SURGE_SIZE_MAX_RUNS];
} hl_surge_relief_sizing;
/* HL_EUNREACHABLE when no set pressure in that range passes (the
 * limits are broken elsewhere than this valve can reach) or the node has
 * no PN; HL_ENOTFOUND for a node not in the model. */
HL_API int hl_surge_size_relief(const hl_model *m, const hl_surge_options *o,
                                const char *node, hl_surge_relief_sizing *out,
                                hl_error *err);

/* Warnings of the run (assumptions the data forced), i < count. */
HL_API int hl_surge_warning_count(const hl_surge *s);
HL_API const char *hl_surge_warning(const hl_surge *s, int i);

#ifdef __cplusplus
}
#endif
#endif
