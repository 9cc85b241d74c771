/*
 * net.h - internal layout of a loaded model (struct hl_model) and the
 * interfaces between the network modules: id interning, the builder that
 * the readers (YAML, CSV, EPANET .inp) and the tests fill, the fluid
 * tables, and the hydraulic and thermal solvers.
 *
 * Layout: structure of arrays. Every hydraulic element is a "link" between
 * two nodes (pipes, pumps, valves, consumers, sources, each side of a heat
 * exchanger); the hot loops walk the link arrays (lk_*), per-kind data
 * live in their own arrays indexed by lk_sub. Ids are interned once at
 * load; after that everything is an integer index. Arrays grow while a
 * model is built and are trimmed by net_finish; the solver allocates its
 * workspaces once, so a solve allocates nothing per element.
 */
#ifndef HL_NET_H
#define HL_NET_H

#include "heatline.h"
#include "physics/physics.h"
#include "util/util.h"

#include <stddef.h>

/* ---- strings and ids ------------------------------------------------------
 */

/* Open-addressing hash from id text to index. */
typedef struct net_index {
    unsigned cap; /* power of two, 0 = empty */
    unsigned n;
    const char **key;
    int *val;
} net_index;

/* Insert; returns -1 when new (or on allocation failure: -2), else the
 * index already stored (which is kept). */
int index_put(net_index *ix, const char *key, int val);
int index_get(const net_index *ix, const char *key);
void index_free(net_index *ix);

/* ---- enumerations ----------------------------------------------------------
 */

enum net_link_kind {
    LK_PIPE = 0,
    LK_PUMP,
    LK_VALVE,
    LK_CONSUMER,
    LK_SOURCE,
    LK_HX_PRIMARY,
    LK_HX_SECONDARY
};

/* How a link enters the hydraulic equations. */
enum net_law {
    LAW_MATRIX = 0, /* flow depends on the pressure difference */
    LAW_FIXED = 1,  /* fixed mass flow (consumers, flow-control valves) */
    LAW_RIGID = 2   /* fixed pressure rise, flow free (fixed-rise pumps,
                       sources, ideal valves) */
};

enum net_surround {
    SURR_GROUND = 0, /* buried: undisturbed ground temperature */
    SURR_AIR = 1,    /* overhead: outdoor air */
    SURR_DUCT = 2,   /* tunnel or duct air */
    SURR_FIXED = 3   /* a temperature given for the pipe itself */
};

enum net_pump_curve {
    PUMP_FIXED = 0, /* fixed pressure rise */
    PUMP_POWER = 1, /* H = h0 - r Q^n (EPANET one- and three-point) */
    PUMP_TABLE = 2  /* piecewise linear through points */
};

enum net_valve_type {
    VALVE_ISOLATION = 0, /* open (zeta, Kv or ideal) or closed */
    VALVE_CHECK = 1,     /* forward only */
    VALVE_FLOW = 2       /* flow control: fixed flow while open */
};

enum net_consumer_mode {
    CONS_HEAT_RETURN = 0, /* heat demand, return temperature */
    CONS_HEAT_DT = 1,     /* heat demand, temperature drop */
    CONS_FLOW_RETURN = 2, /* fixed flow, return temperature */
    CONS_FLOW_DT = 3      /* fixed flow, temperature drop */
};

enum net_hx_mode { HX_APPROACH = 0, HX_UA = 1 };

enum net_ht_kind {
    HT_NONE = 0,   /* adiabatic */
    HT_LINEAR = 1, /* datasheet linear coefficient, W/(m K) */
    HT_U = 2,      /* U in W/(m2 K) on a stated diameter */
    HT_BUILDUP = 3 /* layer build-up and laying (thermal type) */
};

#define NET_MAX_CURVE 16

/* Sum of |flows| below which flow changes are judged absolutely (Newton
 * and coupling criteria): a relative change of 1e-6 of 1 kg/s is the
 * default mass tolerance. */
#define HL_REST_FLOW_KG_S 1.0

/* ---- fluid -----------------------------------------------------------------
 */

/* Properties the solvers need, tabulated at load so the hot loops never
 * evaluate IF97: 1 K steps from 0 C, cubic Hermite in T; density and
 * viscosity linear in p around the table pressure. */
#define FLUID_NT     341    /* 0 .. 340 C */
#define FLUID_T_BASE 273.15 /* K: the table's first row, enthalpy's zero */

typedef struct net_fluid {
    int constant;       /* 1: constant properties below */
    double rho, mu, cp; /* constant mode */
    double p_ref_abs;   /* table pressure, Pa */
    double t_sat_ref;   /* K: below it the saturation pressure is under
                           p_ref_abs (the table path stays at p_ref) */
    double cp_low;      /* J/(kg K): no lower cp anywhere in the table */
    double *tab;        /* FLUID_NT rows of FLUID_COLS */
} net_fluid;

int fluid_init_iapws(net_fluid *f, double p_ref_abs, hl_error *err);
void fluid_init_constant(net_fluid *f, double rho, double mu, double cp);
void fluid_free(net_fluid *f);
/* Enthalpy relative to water at 0 C, J/kg (table pressure). */
double fluid_h(const net_fluid *f, double t_k);
double fluid_cp(const net_fluid *f, double t_k);
double fluid_t_from_h(const net_fluid *f, double h);
double fluid_rho(const net_fluid *f, double t_k, double p_abs);
double fluid_mu(const net_fluid *f, double t_k, double p_abs);
/* (dh/dp)_T = v (1 - beta T), m3/kg: the enthalpy of liquid water per
 * unit pressure at constant temperature (IAPWS-IF97 region 1; 1/rho for
 * a constant-property fluid). */
double fluid_dhdp(const net_fluid *f, double t_k);
/* Temperature clamped into the table range (properties outside it are
 * those of the nearest end; the checks warn). */
double fluid_clamp_t(double t_k);

/* ---- builder specs (what the readers produce) ------------------------------
 */

typedef struct net_node_spec {
    const char *id;
    int where;              /* NET_WHERE(origin, line) */
    double z_m, chainage_m; /* chainage NaN = none */
    int side;               /* enum hl_side */
    double demand_kg_s;     /* outflow; negative = inflow */
    double fixed_p_pa;      /* gauge; NaN = free */
    double inflow_temp_k;   /* NaN = default */
    double x_m, y_m;        /* plan coordinates; NaN = none */
} net_node_spec;

typedef struct net_pipe_spec {
    const char *id, *from, *to, *pair;
    int where;
    double length_m, inner_d_m, roughness_m, zeta, pn_pa; /* pn NaN=none */
    double law_coef; /* H-W C or Manning n when the network's head-loss law
                        is one of those (read from .inp); NaN otherwise */
    int dn;
    int open, check;
    int ht;              /* enum net_ht_kind */
    double ht_value;     /* W/(m K) or W/(m2 K) */
    double u_diameter_m; /* HT_U: diameter of the stated surface */
    int thermal_type;    /* HT_BUILDUP: index of an added thermal type */
    int role;            /* HT_BUILDUP: 0 supply, 1 return in the laying */
    int surround;        /* enum net_surround */
    double t_fixed_k;    /* SURR_FIXED */
    double wall_c_j_km;  /* heat capacity of the steel wall per metre,
                            J/(K m); 0 = none known (transport) */
} net_pipe_spec;

typedef struct net_pump_spec {
    const char *id, *from, *to, *station;
    int where;
    int curve;      /* enum net_pump_curve */
    double rise_pa; /* PUMP_FIXED */
    int n_points;   /* PUMP_POWER (1 or 3) / PUMP_TABLE */
    double q_m3_s[NET_MAX_CURVE], h_m[NET_MAX_CURVE];
    double speed, efficiency;
    int parallel, running;
    const char *control_node; /* speed control: hold this node's pressure */
    double control_p_pa;      /* gauge; NaN = fixed speed */
} net_pump_spec;

typedef struct net_valve_spec {
    const char *id, *from, *to, *station;
    int where;
    int type; /* enum net_valve_type */
    int open;
    double kv_m3_h;   /* > 0: quadratic law from Kv */
    double zeta, d_m; /* zeta on diameter d (if no Kv) */
    double flow_kg_s; /* VALVE_FLOW */
} net_valve_spec;

typedef struct net_consumer_spec {
    const char *id, *from, *to;
    int where;
    int mode; /* enum net_consumer_mode */
    double heat_w, flow_kg_s, return_k, dt_k;
} net_consumer_spec;

typedef struct net_source_spec {
    const char *id, *from, *to, *station; /* from = inlet, to = outlet */
    int where;
    double supply_k;                   /* NaN with heat mode */
    double heat_w;                     /* NaN = temperature mode */
    double p_out_pa, p_in_pa, lift_pa; /* gauge; NaN = not given */
    double pump_efficiency;            /* NaN = no pump power counted */
} net_source_spec;

typedef struct net_hx_spec {
    const char *id, *station;
    const char *pri_in, *pri_out, *sec_in, *sec_out;
    int where;
    int mode; /* enum net_hx_mode */
    double approach_k, ua_w_k;
    double pri_dp_pa, sec_dp_pa, design_kg_s; /* quadratic sides */
} net_hx_spec;

typedef struct net_chamber_spec {
    const char *id, *station;
    int where;
    double air_k; /* NaN: from the chamber's heat balance */
    double chainage_m;
    chamber_geometry geom;    /* lambda_soil NaN: from the pipes at its nodes */
    double air_changes_per_h; /* ventilation with outdoor air */
} net_chamber_spec;

typedef struct net_fitting_spec {
    const char *id, *chamber, *node, *type;
    int where;
    int dn, pn, count, state;
    double area_m2; /* per item; NaN = from the catalogue */
    double od_m;    /* NaN = from DN */
} net_fitting_spec;

typedef struct net_thermal_spec {
    hl_pipe_laying laying;
    int surround; /* enum net_surround: which temperature is t0 */
    int where;
} net_thermal_spec;

/* ---- the model
 * --------------------------------------------------------------- */

struct net_hyd;
struct net_heat;
struct net_profile;
struct net_fit_table;
struct net_fit_air;
struct net_fit_memo;

/* The arrays of each kind of element, grown together as elements are
 * added (build_add.c): the network's (net_def, shared and read-only once
 * loaded) and the run state's (hl_model, one set per run handle). */
/* clang-format off */
#define NODE_DEF_ARRAYS(X) \
    X(nd_id) X(nd_where) X(nd_z) X(nd_chainage) X(nd_side) X(nd_demand) \
    X(nd_fixed_p) X(nd_inflow_t) X(nd_x) X(nd_y)
#define NODE_RUN_ARRAYS(X)
#define LINK_DEF_ARRAYS(X) \
    X(lk_from) X(lk_to) X(lk_kind) X(lk_law) X(lk_check) X(lk_sub) X(lk_id) \
    X(lk_where) X(lk_rise) X(lk_from_id) X(lk_to_id)
#define LINK_RUN_ARRAYS(X) \
    X(lk_open) X(lk_cv_shut) X(lk_m) X(lk_rho) X(lk_mu) X(lk_mech)
#define PIPE_DEF_ARRAYS(X) \
    X(pp_link) X(pp_len) X(pp_d) X(pp_area) X(pp_eps) X(pp_zeta) \
    X(pp_pn) X(pp_dn) X(pp_pair) X(pp_pair_same) X(pp_pair_id) \
    X(pp_ht) X(pp_surround) X(pp_role) X(pp_ttype) X(pp_htv) X(pp_ud) \
    X(pp_tfix) X(pp_law_r) X(pp_wallc)
#define PIPE_RUN_ARRAYS(X) \
    X(pp_xcf) X(pp_r11) X(pp_r12) X(pp_tin) X(pp_tout) X(pp_q) X(pp_re) \
    X(pp_f)
#define PUMP_DEF_ARRAYS(X) \
    X(pu_link) X(pu_curve) X(pu_running) X(pu_h0) X(pu_r) X(pu_n) \
    X(pu_npts) X(pu_ctrl_id) X(pu_ctrl_node) X(pu_ctrl_p) X(pu_eff) \
    X(pu_parallel) X(pu_station)
#define PUMP_RUN_ARRAYS(X) \
    X(pu_speed) X(pu_s_prev) X(pu_g_prev) X(pu_dp)
#define VALVE_DEF_ARRAYS(X) \
    X(va_link) X(va_type) X(va_kvol) X(va_flow) X(va_station) X(va_d)
#define VALVE_RUN_ARRAYS(X) X(va_dp)
#define CONSUMER_DEF_ARRAYS(X) \
    X(co_link) X(co_mode) X(co_heat0) X(co_flow0) X(co_tret) X(co_dt)
#define CONSUMER_RUN_ARRAYS(X) \
    X(co_heat) X(co_flow) X(co_tin) X(co_tout) X(co_q) X(co_m) \
    X(co_m_prev) X(co_f_prev)
#define SOURCE_DEF_ARRAYS(X) \
    X(so_link) X(so_tsup0) X(so_heat) X(so_eff) X(so_pout) X(so_pin) \
    X(so_station)
#define SOURCE_RUN_ARRAYS(X) \
    X(so_tsup) X(so_tin) X(so_tout) X(so_q)
#define HX_DEF_ARRAYS(X) \
    X(hx_pri) X(hx_sec) X(hx_mode) X(hx_approach) X(hx_ua) X(hx_kp) \
    X(hx_ks) X(hx_id) X(hx_station)
#define HX_RUN_ARRAYS(X) X(hx_q)
#define CHAMBER_DEF_ARRAYS(X) \
    X(ch_id) X(ch_station) X(ch_where) X(ch_air0) X(ch_chainage) \
    X(ch_geom) X(ch_env) X(ch_ach) X(ch_fixed0)
#define CHAMBER_RUN_ARRAYS(X) \
    X(ch_air) X(ch_fix) X(ch_q_in) X(ch_q_ground) X(ch_q_roof) X(ch_q_vent) \
    X(ch_a_prev) X(ch_f_prev)
#define FITTING_DEF_ARRAYS(X) \
    X(fi_id) X(fi_type) X(fi_chamber_id) X(fi_node_id) X(fi_where) \
    X(fi_chamber) X(fi_node) X(fi_dn) X(fi_pn) X(fi_count) X(fi_entry) \
    X(fi_state0) X(fi_area) X(fi_od)
#define FITTING_RUN_ARRAYS(X) \
    X(fi_fail) X(fi_state) X(fi_q) X(fi_ts) X(fi_tm) X(fi_on)
/* The run-state arrays and the element count each is sized by. */
#define RUN_ARRAYS_BY_COUNT(X) \
    LINK_RUN_ARRAYS(X) PIPE_RUN_ARRAYS(X) PUMP_RUN_ARRAYS(X) \
    VALVE_RUN_ARRAYS(X) CONSUMER_RUN_ARRAYS(X) SOURCE_RUN_ARRAYS(X) \
    HX_RUN_ARRAYS(X) CHAMBER_RUN_ARRAYS(X) FITTING_RUN_ARRAYS(X)
/* clang-format on */

/*
 * The network: what a model file or the builder defines (topology,
 * elements and their data, fittings and their catalogue, materials, the
 * fluid tables). Built once by the readers through the builder (which
 * writes it through hl_model.def while loading), then shared read-only by
 * every run handle cloned from the first (reference-counted): nothing
 * after net_finish writes into it. test_clone checks that by a checksum
 * of every array before and after runs on clones in threads.
 */
typedef struct net_def {
    _Atomic int refs; /* run handles sharing it (model.c) */
    const char *name, *description;
    const char *crs; /* the model file's coordinate system, NULL: none */
    text_list notes; /* what the import left out: repeated as warnings of
                        every solve (net_warn_clear) */
    text_pool strings;
    int n_origin;
    const char *origin[16];
    double p_atm;      /* Pa */
    double g;          /* m/s2: 9.80665, or EPANET's 32.2 ft/s2 for .inp */
    int friction;      /* enum friction_model */
    int headloss;      /* enum headloss_law (physics/headloss_empirical.h) */
    int pumps_isolate; /* static check: a stopped pump closes and each zone
                          rests at its tanks' and reservoirs' heads (water
                          networks from EPANET; static_check.c) */
    net_fluid fluid;

    /* nodes */
    int n_nodes, cap_nodes;
    const char **nd_id;
    int *nd_where;
    double *nd_z, *nd_chainage;
    signed char *nd_side;
    double *nd_demand;   /* kg/s out, as loaded */
    double *nd_fixed_p;  /* gauge Pa, NaN = free */
    double *nd_inflow_t; /* K */
    double *nd_x, *nd_y; /* plan coordinates (m, or the file's unit), NaN */
    net_index node_ix;
    /* intermediate points of pipes in plan ([VERTICES], GeoJSON), grouped
       by pipe in its order (net_sort_vertices) */
    int n_vertex, cap_vertex;
    int *vx_pipe;
    double *vx_x, *vx_y;

    /* links */
    int n_links, cap_links;
    int *lk_from, *lk_to;
    signed char *lk_kind, *lk_law;
    signed char *lk_check; /* 1: forward flow only */
    int *lk_sub;           /* index in the kind's arrays */
    const char **lk_id;
    const char **lk_from_id, **lk_to_id; /* until net_finish */
    int *lk_where;
    double *lk_rise; /* RIGID: pressure rise from -> to, Pa */
    net_index link_ix;

    /* pipes */
    int n_pipes, cap_pipes;
    int *pp_link;
    double *pp_len, *pp_d, *pp_area, *pp_eps, *pp_zeta, *pp_pn;
    int *pp_dn;
    int *pp_pair;              /* partner pipe or -1 */
    signed char *pp_pair_same; /* 1: partner's from-end is at this pipe's
                                  from-end (else the pair runs opposite) */
    const char **pp_pair_id;
    signed char *pp_ht, *pp_surround, *pp_role;
    int *pp_ttype;
    double *pp_htv, *pp_ud, *pp_tfix;
    double *pp_law_r; /* H-W or C-M resistance, m per (m3/s)^n; NaN: D-W */
    double *pp_wallc; /* wall heat capacity, J/(K m) (transport) */

    /* pumps */
    int n_pumps, cap_pumps;
    int *pu_link;
    signed char *pu_curve, *pu_running;
    double *pu_h0, *pu_r, *pu_n; /* POWER: H = h0 - r Q^n (m, m3/s) */
    int *pu_npts;
    double *pu_q, *pu_h; /* TABLE: NET_MAX_CURVE per pump */
    double *pu_eff;
    const char **pu_ctrl_id; /* speed control (until net_finish: the id) */
    int *pu_ctrl_node;       /* node whose pressure the speed holds, -1 */
    double *pu_ctrl_p;       /* set point, gauge Pa */
    int *pu_parallel;
    const char **pu_station;

    /* valves */
    int n_valves, cap_valves;
    int *va_link;
    signed char *va_type;
    double *va_kvol; /* k per unit density: dp = kvol m|m| / rho */
    double *va_flow; /* VALVE_FLOW set flow, kg/s */
    const char **va_station;
    double *va_d; /* diameter, m (NAN: not given) */

    /* consumers */
    int n_consumers, cap_consumers;
    int *co_link;
    signed char *co_mode;
    double *co_heat0, *co_flow0; /* as loaded */
    double *co_tret, *co_dt;

    /* sources */
    int n_sources, cap_sources;
    int *so_link;
    double *so_tsup0;         /* K, as loaded */
    double *so_heat;          /* W; NaN = temperature mode */
    double *so_eff;           /* NaN = no pump power counted */
    double *so_pout, *so_pin; /* gauge, NaN = not fixed */
    const char **so_station;

    /* heat exchangers */
    int n_hx, cap_hx;
    int *hx_pri, *hx_sec; /* links */
    signed char *hx_mode;
    double *hx_approach, *hx_ua, *hx_kp, *hx_ks;
    const char **hx_id, **hx_station;
    net_index hx_ix;

    /* chambers and fittings */
    int n_chambers, cap_chambers;
    const char **ch_id, **ch_station;
    int *ch_where;
    double *ch_air0, *ch_chainage;
    chamber_geometry *ch_geom;   /* inside, walls, soil */
    chamber_conductance *ch_env; /* its envelope (at net_finish) */
    double *ch_ach;              /* ventilation, air changes per hour */
    signed char *ch_fixed0;      /* 1: the model fixes its air */
    net_index chamber_ix;
    int n_fittings, cap_fittings;
    const char **fi_id, **fi_type, **fi_chamber_id, **fi_node_id;
    int *fi_where;
    int *fi_chamber, *fi_node, *fi_dn, *fi_pn, *fi_count;
    int *fi_entry; /* catalogue id; -1 = custom (area given) */
    signed char *fi_state0;
    double *fi_area, *fi_od;
    net_index fitting_ix;
    int *nd_fit_start, *fit_by_node;    /* CSR: fittings at each node */
    int *ch_fit_start, *fit_by_chamber; /* CSR: fittings of each chamber */
    hl_fitting_catalog *fit_cat;
    int n_fit_cls, *fi_cls; /* heat tables: class of each fitting */
    hl_material_db *materials;

    /* pipe thermal types (build-up + laying) */
    int n_ttypes, cap_ttypes;
    net_thermal_spec *ttype;

    hl_operation operation; /* season operation as given; NaN = not given */
    struct net_transient *transient; /* the `transient:` section; NULL =
                                        none (net_transient.h) */
    struct net_period *period;       /* an .inp's extended period ([TIMES],
                                        [PATTERNS], tanks, [CONTROLS]); NULL =
                                        none (net_period.h) */

    /* CSR adjacency: links at node i are
     * adj_link[adj_start[i] .. adj_start[i + 1] - 1] */
    int *adj_start, *adj_link;
} net_def;

/*
 * A run handle: the network it runs (shared, read-only) and the state of
 * this run: boundary conditions, element states set through the API,
 * solver workspaces, results and warnings. hl_model_clone makes another
 * handle on the same network with a copy of this state.
 */
struct hl_model {
    int failed; /* load failed: only error/free allowed */
    hl_error err;
    int finished;
    const net_def *net; /* the network (read-only) */
    net_def *def;       /* the same, writable while loading; NULL after */

    /* element state and results, sized by the network's counts */
    signed char *lk_open;            /* user state: 0 closed */
    signed char *lk_cv_shut;         /* closed by its check valve this solve */
    double *lk_m;                    /* mass flow, kg/s, from -> to */
    double *lk_rho, *lk_mu;          /* properties at the link (this round) */
    double *lk_mech;                 /* W: pump and friction heat the link
                                        puts into the water (last sweep) */
    double *pp_xcf;                  /* Colebrook 1/sqrt(f) cache */
    double *pp_r11, *pp_r12;         /* K m / W at the current temperatures;
                                        r11 inf = adiabatic */
    double *pp_tin, *pp_tout, *pp_q; /* results, flow direction */
    double *pp_re, *pp_f;
    double *pu_speed;                     /* relative speed (control state) */
    double *pu_s_prev, *pu_g_prev;        /* speed control: secant */
    double *pu_dp;                        /* result: rise, Pa */
    double *va_dp;                        /* result: loss, Pa */
    double *co_heat, *co_flow;            /* current demand (scaled / set) */
    double *co_tin, *co_tout, *co_q;      /* results */
    double *co_m, *co_m_prev, *co_f_prev; /* heat modes: flow in use, and
                                             the last secant point */
    double *so_tsup;                      /* K, current set point */
    double *so_tin, *so_tout, *so_q;
    double *hx_q;
    double *ch_air;      /* K, current chamber air */
    signed char *ch_fix; /* 1: air fixed (model or setter), 0: solved */
    double *ch_q_in;     /* results, W: from the fittings into the air, */
    double *ch_q_ground, *ch_q_roof, *ch_q_vent; /* to the ground, through
                                                    the roof, ventilation */
    double *ch_a_prev, *ch_f_prev; /* last secant point: air, balance */
    signed char *fi_fail;          /* result: above the burn limit */
    signed char *fi_state;
    double *fi_q, *fi_ts, *fi_tm; /* results: W (all items), K, K */
    signed char *fi_on;           /* its water flowed in the last sweep */
    hl_fitting_cover fit_cover[HL_FIT_NSTATES]; /* per state */
    struct net_fit_air *fit_tab; /* per class and state, a table per
                                    degree of air (filled lazily at this
                                    run's covers) */
    int n_fit_tab;
    struct net_fit_memo *fit_memo; /* per fitting, the blend it read last
                                      (fittings_table.c) */
    struct pipe_warm *pipe_warm;   /* per pipe solved on its own, its last
                                      build-up solve (pipe_heat.c); lazily,
                                      NULL in a fresh clone */
    double *tt_r; /* 3 per thermal type: r11, r22, r12 at the current
                     temperatures */

    /* boundary conditions */
    double t_ground, t_air, t_duct;
    double chamber_air_default; /* K, for chambers without air_temp_c;
                                   NaN: each from its heat balance */
    double demand_scale;
    /* an extended-period run's own demands (kg/s) and fixed pressures
     * (gauge Pa, tank levels) of this time step; NULL = the network's
     * (net_node_demand, net_node_fixed_p; period.c) */
    double *nd_dem_set, *nd_fp_set;
    hl_check_limits limits;
    int mech_heat;       /* 1: pump shaft power and friction heat the water
                            (mech_heat.c); model files by default, .inp not */
    int pressure_driven; /* 1: consumers get the flow their differential
                            pressure allows (hyd_links.c, EPANET 2.2's
                            pressure-driven demand); 0: demand-driven */

    /* solver state (allocated by the first solve) */
    struct net_hyd *hyd;
    struct net_heat *heat;
    struct net_profile *profile; /* built on demand (profile.c) */
    int solved;
    hl_totals totals;
    double *nd_p, *nd_t, *nd_ext; /* results: gauge Pa, K, kg/s in */
    int *nd_order;
    signed char *nd_connected;
    double *round_t, *round_m;   /* coupling: last round's temperatures and
                                    flows (solve.c) */
    text_list warn;              /* every warning of the last solve */
    struct net_verdict *verdict; /* violations and the static check of the
                                    last solve (feasibility.c) */
};

/* Node i's demand (kg/s out, before demand_scale) and fixed pressure
 * (gauge Pa, NaN = free) in this run. */
static inline double net_node_demand(const hl_model *m, int i)
{
    return m->nd_dem_set ? m->nd_dem_set[i] : m->net->nd_demand[i];
}
static inline double net_node_fixed_p(const hl_model *m, int i)
{
    return m->nd_fp_set ? m->nd_fp_set[i] : m->net->nd_fixed_p[i];
}

/* ---- builder (model.c) --------------------------------------------------- */

/* A new empty model (defaults: IAPWS water, Colebrook, 101325 Pa). */
hl_model *net_new(void);
/* Register a file name for messages; returns its origin index. */
int net_origin(hl_model *m, const char *file);
#define NET_WHERE(origin, line) ((origin) * (1 << 24) + (line))
/* "file:line" of a packed position. */
void net_where(const hl_model *m, int where, char *buf, size_t cap);

void net_node_spec_init(net_node_spec *s);
void net_pipe_spec_init(net_pipe_spec *s);
void net_pump_spec_init(net_pump_spec *s);
void net_valve_spec_init(net_valve_spec *s);
void net_consumer_spec_init(net_consumer_spec *s);
void net_source_spec_init(net_source_spec *s);
void net_hx_spec_init(net_hx_spec *s);
void net_chamber_spec_init(net_chamber_spec *s);
void net_fitting_spec_init(net_fitting_spec *s);

/* Each add copies the spec (ids into the string pool) and checks what can
 * be checked alone (duplicate id, negative length, ...); references are
 * resolved by net_finish. Errors go to m->err with file:line. */
int net_add_node(hl_model *m, const net_node_spec *s);
int net_add_pipe(hl_model *m, const net_pipe_spec *s);
int net_add_pump(hl_model *m, const net_pump_spec *s);
int net_add_valve(hl_model *m, const net_valve_spec *s);
int net_add_consumer(hl_model *m, const net_consumer_spec *s);
int net_add_source(hl_model *m, const net_source_spec *s);
int net_add_hx(hl_model *m, const net_hx_spec *s);
int net_add_chamber(hl_model *m, const net_chamber_spec *s);
int net_add_fitting(hl_model *m, const net_fitting_spec *s);
/* Returns the new type's index (>= 0) or a negative status. */
int net_add_thermal_type(hl_model *m, const net_thermal_spec *s);

/* Resolve references, trim arrays, build the adjacency, check the graph
 * (nodes without links, pairs, fittings on unknown nodes). */
int net_finish(hl_model *m);
/* Plan geometry (plan.c): one more intermediate point of pipe `pipe`
 * (its index among pipes); group them by pipe once all are added. */
int net_add_vertex(hl_model *m, int pipe, double x, double y);
int net_sort_vertices(hl_model *m);

/* Record an error on the model (first wins); returns code. */
int net_fail(hl_model *m, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Record a warning of the current solve. */
void net_warn(hl_model *m, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void net_warn_clear(hl_model *m);
void net_model_free(hl_model *m);
/* Profile along the line (profile.c): free, and mark stale after a solve. */
void net_profile_free(struct net_profile *p);
void net_profile_invalidate(hl_model *m);
/* Every field of an operation "not given" (NaN, regulation -1). */
void net_operation_unset(hl_operation *op);

/* ---- solvers
 * ------------------------------------------------------------------ */

/* Hydraulics (hydraulics.c): GGA Newton on node pressures. */
int hyd_solve(hl_model *m, const hl_solve_options *opt, int *iterations);
void hyd_free(struct net_hyd *h);
/* Link pressure loss dp(m) from -> to (negative for a rise) and its
 * derivative, at the link's current properties. */
double hyd_link_loss(hl_model *m, int k, double mflow, double *grad);

/* Temperatures (thermal.c) for the current flows, swept until a sweep
 * changes them by less than tol (at least THERMAL_TOL, 1e-9 K; INFINITY:
 * one sweep). */
int heat_solve(hl_model *m, double tol);
void heat_free(struct net_heat *h);

/* Pipe heat transfer (pipe_heat.c): r11/r12 of every pipe at the current
 * temperatures (t_guess where a type has none yet); per_pipe 0 keeps the
 * resistances of the pipes solved one by one as they are. */
int pipe_heat_update(hl_model *m, double t_guess, int per_pipe);
/* 1 if the resistances of thermal type ts follow the temperatures (a
 * layer or twin fill with lambda(T), a pipe in air or a duct): such pipes
 * are solved one by one at their own temperatures (pipe_heat.c). */
int pipe_type_depends_on_t(const net_thermal_spec *ts);
/* 1 if any pipe type of the network does. */
int pipe_heat_depends_on_t(const hl_model *m);
/* Interface temperatures of pipe i's layers (t_face_k[0] the carrier ..
 * [n] the outside, at most HL_MAX_LAYERS + 1) with its water at
 * t_water_k and its partner at its own mean temperature. */
int pipe_heat_faces(hl_model *m, int i, double t_water_k, double *t_face_k);
/* Warnings for pipe insulation run above its material's continuous-
 * operation rating (insulation_rating.c). */
void insulation_rating_check(hl_model *m);

/* A water temperature placed on the fitting tables' 1 K grid
 * (fittings_table.c): its interval j, the fraction u into it and the
 * weights of the cubic through nodes j-1 .. j+2; shared by the fittings
 * at one node. */
typedef struct fit_point {
    double tm_k, u, w[4];
    int j;
} fit_point;
void fitting_point(double tm_k, fit_point *p);
/* Fittings (fittings_heat.c): heat loss of all items of fitting i at
 * medium temperature p->tm_k, and the hottest surface temperature. */
int fitting_heat(hl_model *m, int i, const fit_point *p, double *q_w,
                 double *ts_k);
/* The same in chamber air air_k (the chamber's air balance tries airs);
 * sets no result. */
int fitting_heat_in_air(hl_model *m, int i, const fit_point *p, double air_k,
                        double *q_w, double *ts_k);
/* Catalogue entries of the fittings, the default covers and the heat
 * tables (at load). */
int fittings_prepare(hl_model *m);
/* One item (catalogue) or one metre of the equivalent cylinder of an
 * area-only fitting, solved directly: heat W, hottest surface and the
 * cover's effective limit, K. */
int fitting_direct_unit(hl_model *m, int i, double tm_k, double air_k,
                        double *q_unit, double *ts_k, double *limit_k);
/* Heat tables (fittings_table.c): n_tables = classes x states, empty. */
int fitting_tables_new(hl_model *m, int n_tables);
/* Per-unit values of fitting i at tm_k in air air_k from its class's
 * tables; *direct set where the tables do not serve (outside them, or a
 * jump of the convection law): the caller solves directly. */
int fitting_table_values(hl_model *m, int i, const fit_point *p, double air_k,
                         double *q_unit, double *ts_k, double *limit_k,
                         int *direct);
/* Forget the tabulated values of one state (-1: all; a cover changed). */
void fitting_table_clear(hl_model *m, int state);
/* The fitting tables of run `from` handed to run `to` (a fresh clone of
 * the same network, so far without tables) where they hold for it: the
 * same covers and the same surface limit (the tables depend on nothing
 * else). Returns 1 if moved, 0 if not (nothing changes). */
int fitting_tables_move(hl_model *to, hl_model *from);
void fitting_table_free(hl_model *m);

/* Valve chambers (chamber_air.c): the fittings of each chamber and its
 * envelope (at net_finish); the air of every chamber not fixed, settled
 * with the water temperatures after the coupling rounds. */
#define CHAMBER_START_K (HL_ZERO_C_K + 25.0) /* first guess of solved air */
int chambers_prepare(hl_model *m);
/* One secant step per chamber whose air is solved, from the fittings'
 * heat of the last sweep (the rounds of a cold solve); *moved the largest
 * change, K. */
int chamber_air_step(hl_model *m, double *moved);
/* Each chamber's root at the last sweep's water, then a sweep at the new
 * air, until no air moves by more than 1e-5 K (after the rounds); books
 * each chamber's heat; *sweeps: the sweeps it took (0: the air already
 * held at the water of the rounds). */
int chamber_air_settle(hl_model *m, int *sweeps);

/* Checks after a solve (checks.c). */
void checks_run(hl_model *m);

/* The verdict (feasibility.c): violations of hard limits found by the
 * checks, and the static pressure with the pumps stopped
 * (static_check.c). */
struct net_verdict;
int verdict_reset(hl_model *m);
void verdict_add(hl_model *m, int kind, int element_kind, int element,
                 double value, double limit);
void verdict_free(struct net_verdict *v);
int verdict_copy(hl_model *m, const hl_model *src);
void static_check_run(hl_model *m);

/* ---- smaller cross-module pieces -------------------------------------------
 */

/* Every hydraulically connected part has a pressure reference
 * (hyd_topology.c). */
int net_check_references(hl_model *m);
/* Fit a pump's head curve as EPANET does (hyd_links.c). */
int pump_fit_curve(hl_model *m, int i, const net_pump_spec *s, const char *id);
/* Pressure rise of pump i at its solved flow, Pa (totals.c). */
double pump_rise(const hl_model *m, int i);
/* Mass flow a consumer draws now (thermal_elements.c): the flow it asks;
 * a pressure-driven consumer gets less where its differential pressure
 * is short (lk_m). */
double net_consumer_flow(const hl_model *m, int i);
/* Heat a fixed-flow consumer asks, W: the flow it asks at the heat per
 * kg of its water (of the hottest source's supply when it gets none). */
double net_consumer_fixed_ask(const hl_model *m, int i);
/* Heat-demand consumers: next flows from the last thermal solve (secant on
 * m (h_in - h_out) - Q); returns the largest relative change. */
double net_consumer_update(hl_model *m, int first_round);
/* Speed-controlled pumps: next speeds for the node pressures p_node (the
 * last solve's nd_p, or a Newton iterate's) by one Newton step of all of
 * them (secant per pump where that fails); none moves when every pump is
 * within NET_CONTROL_TOL_PA. Returns the largest miss of the pumps not
 * saturated, Pa. */
#define NET_CONTROL_TOL_PA 10.0
double net_pump_control(hl_model *m, const double *p_node, int first_round);
/* A new steady solve begins: the pumps' kept Jacobian may step its first
 * misses, however large (pump_control.c). */
void net_pump_control_restart(hl_model *m);
/* Pump i is speed-controlled, at a speed limit (0.05 or 2) and its miss
 * asks to go beyond it. */
int net_pump_saturated(const hl_model *m, const double *p_node, int i);
/* Energy totals of a solved model (totals.c). */
void net_totals(hl_model *m);
/* Outer diameter of a steel pipe by DN, m; NaN if not a standard DN. */
double net_dn_outer_diameter(int dn);

#endif
