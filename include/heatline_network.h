/*
 * heatline_network.h - the line and network engine: water properties, the
 * model (loaded from a YAML model file, an EPANET .inp file, or the
 * embedded Tuoketuo-Hohhot default), the steady thermo-hydraulic solve
 * and its results. Included by heatline.h; do not include on its own.
 *
 * Call order (an out-of-order call returns HL_ESTATE, never crashes):
 *
 *   hl_model *m;
 *   int rc = hl_model_load(&m, path);     // NULL path: embedded default
 *   if (rc) { puts(hl_model_error(m)); hl_model_free(m); }   // m may be
 *                                         // NULL only when out of memory
 *   // per hour / scenario, any number of times:
 *   hl_model_set_supply_temp(m, NULL, t_k);        // boundary conditions
 *   hl_model_set_demand_scale(m, 0.8);
 *   hl_model_set_ground_temp(m, t_k); ...
 *   rc = hl_model_solve(m, NULL);         // warm start from the last solve
 *   hl_model_totals(m, &tot);             // valid after a successful solve
 *   hl_model_pipe_result(m, i, &pr); ...  // per element
 *   hl_model_free(m);                     // free(NULL) is a no-op
 *
 * A failed load leaves the handle in a failed state: only hl_model_error
 * and hl_model_free may be called. A failed solve (HL_ENOCONVERGE,
 * HL_ETOPOLOGY) keeps the model usable: change the inputs and solve again;
 * results are invalid until a solve succeeds (getters return HL_ESTATE).
 * The sparse analysis (ordering + symbolic factorisation) is computed on
 * the first solve and reused by every later solve of the same model.
 *
 * Threads: the library keeps no mutable global state, so separate handles
 * (models, catalogues, material tables) may be used from separate threads
 * at the same time; one handle must not be used from two threads at once.
 *
 * Units: SI inside (K, Pa, kg/s, W, m). Pressures are GAUGE pressures
 * (relative to the model's atmospheric pressure, 101325 Pa unless the
 * model sets it), except where a name says _abs.
 */
#ifndef HEATLINE_NETWORK_H
#define HEATLINE_NETWORK_H

/* ---- water properties ------------------------------------------------- */

/* Liquid water at (t_k, p_abs_pa): IAPWS-IF97 region 1, IAPWS 2008
 * viscosity, IAPWS 2011 thermal conductivity (industrial formulation). */
typedef struct hl_water {
    double density_kg_m3;
    double enthalpy_j_kg;
    double cp_j_kgk;
    double cv_j_kgk;
    double speed_of_sound_m_s;
    double viscosity_pa_s;
    double conductivity_w_mk;
    double prandtl;
    double saturation_pressure_pa; /* IF97 region 4 at t_k (absolute) */
} hl_water;

/* HL_ERANGE with a message when (t_k, p_abs_pa) is not liquid water of
 * IF97 region 1 (273.15..623.15 K, saturation pressure .. 100 MPa). */
HL_API int hl_water_props(double t_k, double p_abs_pa, hl_water *out,
                          hl_error *err);

/* IF97 region-4 saturation pressure, Pa (absolute); NaN outside
 * 273.15..647.096 K. */
HL_API double hl_water_saturation_pressure(double t_k);

/* ---- model handle ------------------------------------------------------ */

typedef struct hl_model hl_model;

/* Options for loading. hl_load_options_init sets the defaults. */
typedef struct hl_load_options {
    const char *materials_path; /* extra material table (CSV), or NULL */
    /* EPANET .inp import: the thermal data the format does not carry */
    double inp_supply_temp_k;    /* at reservoirs and tanks; default 353.15 */
    double inp_ambient_k;        /* surroundings of every pipe; 283.15 */
    double inp_u_w_m2k;          /* U on the inner pipe surface; 0 = none */
    double inp_cp_j_kgk;         /* constant heat capacity; 4190 */
    const char *inp_thermal_csv; /* per-pipe table (docs/model-format.md) */
    int friction;                /* -1 = the file's choice (YAML: colebrook,
                                    .inp: swamee-jain as EPANET), or
                                    enum hl_friction */
    int pressure_driven;         /* -1 = the file's setting
                                    pressure_driven_consumers (default off),
                                    or 0 / 1 (hl_model_set_pressure_driven) */
} hl_load_options;

enum hl_friction {
    HL_FRICTION_COLEBROOK = 0,  /* Colebrook-White, machine precision */
    HL_FRICTION_SWAMEE_JAIN = 1 /* EPANET's Darcy-Weisbach, exactly */
};

HL_API void hl_load_options_init(hl_load_options *o);

/* Load a model: a YAML model file, or an EPANET .inp file (by extension
 * .inp or a first section header "[TITLE]"/"[JUNCTIONS]"). path NULL =
 * the embedded Tuoketuo-Hohhot default. *out is always set (NULL only on
 * out of memory); on failure it is a failed handle whose hl_model_error
 * names file:line and the problem. Returns HL_OK, HL_EIO, HL_EPARSE,
 * HL_ENOTFOUND (a missing reference), HL_ERANGE, HL_ETOPOLOGY or
 * HL_ENOMEM. */
HL_API int hl_model_load(hl_model **out, const char *path);
HL_API int hl_model_load_with(hl_model **out, const char *path,
                              const hl_load_options *opt);
/* Same from text in memory; origin names it in messages and relative CSV
 * references are resolved against base_dir (NULL = none allowed). */
HL_API int hl_model_load_text(hl_model **out, const char *text, size_t len,
                              const char *origin, const char *base_dir,
                              const hl_load_options *opt);

/* Free a handle (NULL is a no-op). The network it runs is freed with the
 * last handle that shares it. */
HL_API void hl_model_free(hl_model *m);

/* One network, many runs. A handle is a run of a network: the network
 * itself (topology, elements, fittings, materials, fluid tables: what the
 * model file defines) is read-only once loaded; the boundary conditions,
 * element states set through the API, solver workspaces, results and
 * warnings are the handle's own. hl_model_clone makes a new handle on the
 * same network with a copy of src's run state (boundary conditions,
 * states, covers, limits and its last results, so the clone's first solve
 * starts warm). Threads, scenarios and bindings each take a clone and
 * share the network; cloning the same src from several threads at once is
 * safe as long as no thread changes src meanwhile. *out is NULL on
 * failure. Returns HL_OK, HL_ESTATE (src failed to load) or HL_ENOMEM. */
HL_API int hl_model_clone(const hl_model *src, hl_model **out);

/* The last detailed error message ("" if none); "out of memory" for a NULL
 * handle. */
HL_API const char *hl_model_error(const hl_model *m);
/* Forget the recorded error of a loaded handle, so that the next failing
 * call records its own message (the first error wins until then; a solve
 * starts afresh by itself). A failed load keeps its message. */
HL_API void hl_model_clear_error(hl_model *m);

/* Name and description from the model file. */
HL_API const char *hl_model_name(const hl_model *m);
HL_API const char *hl_model_description(const hl_model *m);

/* ---- element kinds, counts and ids -------------------------------------- */

enum hl_element {
    HL_NODE = 0,
    HL_PIPE,
    HL_PUMP,
    HL_VALVE,
    HL_CONSUMER,
    HL_SOURCE,
    HL_HX,
    HL_CHAMBER,
    HL_FITTING,
    HL_ELEMENT_KINDS
};

HL_API int hl_model_count(const hl_model *m, int kind);
/* Id of element i of a kind (NULL if out of range). */
HL_API const char *hl_model_id(const hl_model *m, int kind, int i);
/* Every id of a kind in one text, for bindings: the ids in index order,
 * each followed by a NUL byte. *len receives the bytes needed; with cap 0
 * (buf may be NULL) only that is asked. Returns HL_OK, HL_EINVAL (a bad
 * kind, or cap > 0 but smaller than needed: nothing written) or
 * HL_ESTATE (a failed load). */
HL_API int hl_model_id_list(const hl_model *m, int kind, char *buf, size_t cap,
                            size_t *len);
/* Index of the element with that id, or -1. */
HL_API int hl_model_find(const hl_model *m, int kind, const char *id);

/* ---- boundary conditions (before hl_model_solve) ------------------------ */

/* Supply temperature of one source (id) or of every source (NULL). */
HL_API int hl_model_set_supply_temp(hl_model *m, const char *source_id,
                                    double t_k);
/* Multiplies every consumer's heat demand or fixed flow (1 = as loaded). */
HL_API int hl_model_set_demand_scale(hl_model *m, double scale);
/* The demand scale set (1 as loaded). */
HL_API int hl_model_demand_scale(const hl_model *m, double *scale);
/* Heat demand of one consumer, W (a consumer given by heat demand). */
HL_API int hl_model_set_consumer_demand(hl_model *m, const char *consumer_id,
                                        double heat_w);
/* Undisturbed ground temperature of every buried pipe. */
HL_API int hl_model_set_ground_temp(hl_model *m, double t_k);
/* Outdoor air around every overhead pipe. */
HL_API int hl_model_set_air_temp(hl_model *m, double t_k);
/* Air in every tunnel or duct. */
HL_API int hl_model_set_duct_temp(hl_model *m, double t_k);
/* Pump shaft power and pipe friction heat the water (1, the default of a
 * model file; setting pump_and_friction_heat) or are left out (0, the
 * default of an EPANET import). */
HL_API int hl_model_set_pump_heat(hl_model *m, int on);
/* Pressure-driven consumers (1; the model setting
 * pressure_driven_consumers): a consumer short of its minimum
 * differential pressure gets the flow that pressure allows through its
 * fully open valve, and the heat falls with it (docs/physics.md
 * "Pressure-driven consumers"); 0 (the default): every consumer draws
 * what it asks and a shortfall makes the state infeasible. */
HL_API int hl_model_set_pressure_driven(hl_model *m, int on);
HL_API int hl_model_pressure_driven(const hl_model *m, int *on);
/* Air in one valve chamber (id) or in every chamber (NULL), fixed; NaN
 * gives the chamber back to the model: its air_temp_c where the model
 * fixes one, else the chamber's heat balance (docs/physics.md, "Chamber
 * air"). */
HL_API int hl_model_set_chamber_temp(hl_model *m, const char *chamber_id,
                                     double t_k);

/* State (enum hl_fitting_state: bare, coated, jacketed) of one fitting
 * (id) or of every fitting (NULL); a scenario. The cover of each state is
 * the model's (settings fitting_coating / fitting_jacket). */
HL_API int hl_model_set_fitting_state(hl_model *m, const char *fitting_id,
                                      int state);
/* Every fitting back to its state in the model file. */
HL_API int hl_model_reset_fitting_states(hl_model *m);
/* Open (1) or close (0) a pipe, pump (run / stop), valve or consumer. */
HL_API int hl_model_set_open(hl_model *m, int kind, const char *id, int open);

/* ---- solve ----------------------------------------------------------------
 */

typedef struct hl_solve_options {
    double flow_rel_tol;  /* sum |dm| / sum |m| of a Newton step; 1e-6 */
    double mass_tol_kg_s; /* mass imbalance at every node; 1e-6 kg/s */
    int max_iterations;   /* Newton iterations per hydraulic solve; 100 */
    double temp_tol_k;    /* change of any temperature between coupling
                             rounds; 1e-6 K */
    int max_rounds;       /* hydraulic/thermal coupling rounds; 30 */
    int cold_start;       /* 1: ignore the previous solution */
} hl_solve_options;

HL_API void hl_solve_options_init(hl_solve_options *o);

/* Steady hydraulics and temperatures; properties are re-evaluated at the
 * solved temperatures and pressures and the hydraulics re-solved until
 * both converge. opt NULL = defaults. Returns HL_OK, HL_ENOCONVERGE (the
 * message gives the iteration count, the residual and the worst node and
 * link), HL_ETOPOLOGY (a part without pressure reference that must carry
 * flow, named), HL_ERANGE (water outside the liquid range where the
 * properties are needed), or HL_ESTATE. */
HL_API int hl_model_solve(hl_model *m, const hl_solve_options *opt);

/* ---- results ----------------------------------------------------------------
 */

typedef struct hl_totals {
    double heat_source_w;    /* sources + enthalpy entering at open
                                boundaries (reservoirs, negative demands),
                                relative to water at 0 C */
    double heat_delivered_w; /* consumers + enthalpy leaving at open
                                boundaries, relative to water at 0 C */
    double heat_loss_pipes_w;
    double heat_loss_fittings_w;
    double heat_loss_fittings_by_state_w[HL_FIT_NSTATES];
    double pump_power_w;     /* electric, all pumps (and sources with a
                                pump efficiency) */
    double pump_hydraulic_w; /* m dp / rho */
    double source_mass_flow_kg_s;
    double makeup_kg_s;        /* net inflow at pressure references */
    int iterations;            /* Newton iterations, all rounds */
    int rounds;                /* coupling rounds */
    double mass_residual_kg_s; /* largest nodal imbalance at the end */
    double energy_residual_w;  /* source + pump heat - delivered - losses */
    double pump_heat_w;        /* pump shaft power and friction that end in the
                                  water (pipes, pumps, valves; docs/physics.md
                                  "Pump and friction heat"); 0 with the model
                                  setting pump_and_friction_heat: false */
    double heat_unmet_w;       /* heat-demand consumers: asked - delivered (> 0
                                  only where a consumer gets less) */
} hl_totals;

HL_API int hl_model_totals(const hl_model *m, hl_totals *out);

/* ---- the network in plan (coordinates for maps and GeoJSON) ---------- */

/* Plan coordinates of node `node` in the model file's plane (x_m/y_m in
 * metres, an .inp's [COORDINATES], GeoJSON lon/lat or projected x/y):
 * HL_OK, HL_ENOTFOUND when the model gives none (x, y NaN), HL_EINVAL. */
HL_API int hl_model_node_xy(const hl_model *m, int node, double *x, double *y);
/* Intermediate points of pipe `pipe` between its end nodes, in order from
 * its from-node: *n of them (0: a straight line) at x[k], y[k], owned by
 * the network (valid while m lives). HL_OK or HL_EINVAL. */
HL_API int hl_model_pipe_vertices(const hl_model *m, int pipe, int *n,
                                  const double **x, const double **y);
/* 1 when every node has plan coordinates, else 0. */
HL_API int hl_model_has_plan(const hl_model *m);
/* The coordinate system the model file named for its coordinates (a
 * GeoJSON "crs", e.g. "urn:ogc:def:crs:EPSG::4547"), "" when none. */
HL_API const char *hl_model_crs(const hl_model *m);
/* Wall roughness (m; 0 for a Hazen-Williams or Manning pipe of an .inp)
 * and minor-loss coefficient (on the pipe's velocity) of pipe `pipe`. */
HL_API int hl_model_pipe_roughness(const hl_model *m, int pipe,
                                   double *roughness_m, double *minor_loss);
/* The results of the solved model m as GeoJSON (a FeatureCollection:
 * nodes as Points, pipes as LineStrings through their vertices, pumps
 * and valves as straight LineStrings, every result a property; the
 * model's CRS when it named one). HL_EINVAL when the model has no plan
 * coordinates, HL_ESTATE before a solve. Written to a temporary file and
 * renamed: no partial file on error. */
HL_API int hl_geojson_write(const char *path, hl_model *m, hl_error *err);

enum hl_side { HL_SIDE_NONE = 0, HL_SIDE_SUPPLY = 1, HL_SIDE_RETURN = 2 };

typedef struct hl_node_result {
    double elevation_m;
    double chainage_m;  /* NaN when the model gives none */
    int side;           /* enum hl_side */
    double pressure_pa; /* gauge */
    double head_m;      /* z + p / (rho g) with rho at the node */
    double temp_k;
    double demand_kg_s;   /* fixed outflow (negative: inflow) */
    double external_kg_s; /* flow entering here from outside (pressure
                             references, reservoirs) */
    int fixed_pressure;   /* 1 at pressure references */
    int connected;        /* 0 for a node cut off from every reference */
    int order;            /* position in the flow order (thermal sweep) */
} hl_node_result;

typedef struct hl_pipe_result {
    int from, to; /* node indices as in the model file */
    double length_m, inner_diameter_m;
    double mass_flow_kg_s; /* positive from -> to */
    double velocity_m_s;   /* signed like the flow */
    double reynolds, friction_factor;
    double dp_friction_pa; /* friction + minor loss, signed like the flow */
    double heat_loss_w;
    double temp_in_k, temp_out_k; /* in flow direction */
    double ambient_k;
    double r11_k_m_w; /* own resistance, K m / W */
    double r12_k_m_w; /* mutual resistance with its pair partner */
    int pair;         /* pipe index of the partner or -1 */
    int open;
    double friction_heat_w; /* friction heat less the expansion uphill,
                               W (heat_loss_w is what leaves the pipe) */
} hl_pipe_result;

typedef struct hl_pump_result {
    int from, to;
    double mass_flow_kg_s;
    double head_m; /* rise */
    double dp_pa;  /* rise */
    double hydraulic_w, electric_w;
    double efficiency;
    double speed; /* relative speed (set by its control, if any) */
    int running;
    const char *station; /* "" if none */
    double heat_w;       /* shaft power ending in the water at the pump,
                            less what became pressure, W */
} hl_pump_result;

typedef struct hl_valve_result {
    int from, to;
    double mass_flow_kg_s;
    double dp_pa; /* loss from -> to */
    int open;
} hl_valve_result;

typedef struct hl_consumer_result {
    int from, to; /* supply node, return node */
    double mass_flow_kg_s;
    double heat_w;
    double temp_in_k, temp_out_k;
    double dp_available_pa; /* p(from) - p(to) */
    double heat_asked_w;    /* its demand (heat modes) or heat_w (fixed
                               flow) */
} hl_consumer_result;

typedef struct hl_source_result {
    int from, to; /* inlet (return) node, outlet (supply) node */
    double mass_flow_kg_s;
    double heat_w;
    double temp_in_k, temp_out_k;
    double p_in_pa, p_out_pa;
    double pump_electric_w;
} hl_source_result;

typedef struct hl_hx_result {
    int primary_in, primary_out, secondary_in, secondary_out;
    double primary_kg_s, secondary_kg_s;
    double heat_w;
    double t_primary_in_k, t_primary_out_k;
    double t_secondary_in_k, t_secondary_out_k;
} hl_hx_result;

typedef struct hl_chamber_fitting_result {
    int chamber;      /* chamber index */
    int node;         /* node whose water it cools */
    const char *type; /* catalogue type, e.g. "butterfly-valve" */
    int dn, pn;
    int count;
    int state;      /* enum hl_fitting_state, current */
    double area_m2; /* bare metal surface, all count items */
    double medium_temp_k;
    double air_temp_k;
    double heat_loss_w;    /* all count items */
    double surface_temp_k; /* hottest touchable outer surface */
    int over_limit;        /* 1: above the burn limit (verdict FAIL) */
    double limit_k;        /* the effective surface limit used */
} hl_chamber_fitting_result;

HL_API int hl_model_node_result(const hl_model *m, int i, hl_node_result *out);
HL_API int hl_model_pipe_result(const hl_model *m, int i, hl_pipe_result *out);
HL_API int hl_model_pump_result(const hl_model *m, int i, hl_pump_result *out);
HL_API int hl_model_valve_result(const hl_model *m, int i,
                                 hl_valve_result *out);
HL_API int hl_model_consumer_result(const hl_model *m, int i,
                                    hl_consumer_result *out);
HL_API int hl_model_source_result(const hl_model *m, int i,
                                  hl_source_result *out);
HL_API int hl_model_hx_result(const hl_model *m, int i, hl_hx_result *out);
HL_API int hl_model_fitting_result(const hl_model *m, int i,
                                   hl_chamber_fitting_result *out);
/* The results of elements first .. first + n - 1 of one kind in one call,
 * for bindings that copy whole tables: out holds n records of the kind's
 * result struct (hl_node_result for HL_NODE, hl_pipe_result for HL_PIPE,
 * ..., hl_chamber_fitting_result for HL_FITTING) and record_size is its
 * sizeof. Each record is what the per-element getter gives. Returns HL_OK,
 * HL_ESTATE before a successful solve, or HL_EINVAL (a kind without result
 * records, a range outside the model, a size that is not the record's). */
HL_API int hl_model_results(const hl_model *m, int kind, int first, int n,
                            void *out, size_t record_size);
/* Chamber air temperature and the name of the pipe/station it serves. */
HL_API int hl_model_chamber_info(const hl_model *m, int i, double *air_k,
                                 double *chainage_m);

/* A valve chamber after a solve: its air and heat balance. The fittings
 * give heat_in_w to the air; it leaves through the floor and walls to the
 * ground (heat_ground_w), through the roof and its cover to the outdoor
 * air (heat_roof_w) and with the ventilation air (heat_vent_w). With the
 * air solved the four close to the solver's tolerance; with the air fixed
 * (air_fixed = 1) the envelope terms are what that air would pass. */
typedef struct hl_chamber_result {
    double air_temp_k;
    int air_fixed;
    double heat_in_w, heat_ground_w, heat_roof_w, heat_vent_w;
    double ground_w_k, roof_w_k, vent_w_k; /* conductances, W/K */
    double soil_conductivity_w_mk;
} hl_chamber_result;
HL_API int hl_model_chamber_result(const hl_model *m, int i,
                                   hl_chamber_result *out);

/* Warnings of the last solve (checks: boiling, minimum pressure, PN,
 * velocity, liquid range, consumers short of differential pressure, ...),
 * one line each naming the element; every warning is kept (the list grows
 * as needed), in the order found. The text lives in the handle until its
 * next solve. */
HL_API int hl_model_warning_count(const hl_model *m);
HL_API const char *hl_model_warning(const hl_model *m, int i);

/* Limits of the checks (defaults from the model file). */
typedef struct hl_check_limits {
    double min_pressure_pa;      /* gauge; default 0.5 bar */
    double max_velocity_m_s;     /* default 3.5 m/s */
    double saturation_margin_pa; /* warn when p_abs < psat + margin; 0 */
    double min_consumer_dp_pa;   /* default 0.5 bar */
    double fitting_surface_k;    /* burn check of fittings; default 50 C
                                    (settings burn_limit_c) */
    double static_margin_pa;     /* pumps stopped: warn when the static
                                    pressure is less than this above
                                    boiling; default 0.5 bar (settings
                                    static_margin_bar) */
} hl_check_limits;

HL_API int hl_model_check_limits(const hl_model *m, hl_check_limits *out);
HL_API int hl_model_set_check_limits(hl_model *m, const hl_check_limits *lim);

/* ---- profile along the line (the hydraulic pressure diagram) --------- */

/* One row of the profile: a supply and a return node at the same chainage
 * along the main path. Values of a side without a node are NaN. */
typedef struct hl_profile_point {
    double chainage_m, elevation_m;
    int supply_node, return_node; /* node indices; -1 where a side has none */
    double pressure_supply_pa, pressure_return_pa; /* gauge */
    double head_supply_m, head_return_m;           /* z + p / (rho g) */
    double temp_supply_k, temp_return_k;
    double static_head_m; /* head held by the pressure reference of the
                             row's hydraulic part (pressurisation point);
                             NaN if it has none */
    double max_head_m;    /* z + lowest PN of the pipes at the row /
                             (rho g); NaN if no pipe states a PN */
    double min_head_m;    /* z + the lowest allowed pressure / (rho g): the
                             model's minimum, or boiling at the water
                             temperature plus the saturation margin */
} hl_profile_point;

typedef struct hl_profile_station {
    const char *name; /* `station` of a source, pump, valve or exchanger */
    double chainage_m;
} hl_profile_station;

typedef struct hl_profile {
    int n_points;
    const hl_profile_point *point; /* in chainage order */
    int n_stations;
    const hl_profile_station *station; /* in chainage order */
} hl_profile;

/* The profile of the last solve along the main path: from the first
 * source's outlet downstream along the largest flow (through a heat
 * exchanger to its secondary side), and from its inlet upstream along the
 * largest inflow; nodes with a chainage only. The arrays live in the
 * handle until the next solve or hl_model_free. HL_ESTATE before a
 * successful solve. */
HL_API int hl_model_profile(hl_model *m, hl_profile *out);

/* ---- season operation and fitting covers -------------------------------- */

/* How the model file says the network is run over a season (its optional
 * `operation:` section, docs/model-format.md). Fields the file does not
 * give are NaN (regulation -1); the season fills them with its defaults
 * (heatline_season.h). */
HL_API int hl_model_operation(const hl_model *m, hl_operation *out);

/* The cover of every fitting in state HL_FIT_COATED or HL_FIT_JACKETED
 * (the model's settings fitting_coating / fitting_jacket until set). The
 * cover's state must be that state. */
HL_API int hl_model_set_fitting_cover(hl_model *m, int state,
                                      const hl_fitting_cover *cover);
HL_API int hl_model_fitting_cover(const hl_model *m, int state,
                                  hl_fitting_cover *out);

#endif
