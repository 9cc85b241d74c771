/*
 * net_transient.h - the `transient:` section of a model file
 * (docs/model-format.md): what the surge engine needs beyond the steady
 * network: the pipe wall's elasticity and restraint, per-pump rotor
 * inertia, speed and bypass check valve, per-pipe wave speed and friction
 * overrides, the vapour margin of the verdict. Part of the immutable
 * network (net_def.transient, freed with it); ids resolved at load.
 */
#ifndef HL_NET_TRANSIENT_H
#define HL_NET_TRANSIENT_H

/* A pump's `suter:` choice: its four-quadrant curves when its entry gives
 * no suter_wh / suter_wb. The named families are in order of specific
 * speed, as src/surge/suter_family.c numbers them (family = choice -
 * SUTER_NS25). */
enum transient_suter {
    SUTER_AUTO = 0,     /* the family nearest its specific speed */
    SUTER_AFFINITY = 1, /* no four-quadrant curves: affinity run-down */
    SUTER_NS25 = 2,
    SUTER_NS147 = 3,
    SUTER_NS261 = 4
};

typedef struct net_transient {
    double young_pa;         /* pipe wall, Pa (default steel 206 GPa) */
    double poisson;          /* default 0.3 */
    int restraint;           /* enum transient_restraint */
    double vapour_margin_pa; /* verdict margin above vapour pressure */
    int n_pumps;
    int *pump_link;        /* link of each entry */
    double *inertia_kg_m2; /* rotor + motor, per pump unit; NaN = none */
    double *speed_rpm;     /* rated speed; NaN = default */
    signed char *bypass;   /* bypass check valve around the pump */
    signed char *check;    /* discharge check valve (default 1) */
    double *check_delay_s; /* its closure delay after reverse flow (0) */
    int *n_suter;          /* points of the Suter tables (0: affinity) */
    double **suter_wh;     /* WH(x), x = 2 pi i / n (owned) */
    double **suter_wb;     /* WB(x) (owned) */
    signed char *suter;    /* enum transient_suter (tables given: AUTO) */
    int n_checks; /* check valves (valves of type check) with a delay */
    int *check_link;
    double *check_valve_delay_s; /* closure delay after reverse flow, s */
    int n_valve_chars;           /* valves with a Kv characteristic */
    int *vc_link;
    int *vc_n;                 /* points of each */
    double **vc_open, **vc_kv; /* opening 0..1 and Kv / Kv open (owned) */
    int n_pipes;
    int *pipe_link;
    double *wave_speed; /* m/s; NaN = computed */
    double *friction;   /* Darcy factor; NaN = the steady engine's */
    int n_vessels;      /* air vessels (hydropneumatic tanks) */
    const char **vessel_id;
    int *vessel_node;
    double *gas_m3;             /* gas volume at the steady pressure */
    double *polytropic;         /* exponent n of p V^n (default 1.2) */
    double *conn_d_m;           /* connection (throttle) diameter */
    double *zeta_in, *zeta_out; /* throttle losses on that diameter */
    int n_reliefs;              /* pressure-relief valves */
    const char **relief_id;
    int *relief_node;
    double *relief_set_pa;   /* gauge */
    double *relief_cap_kg_s; /* discharge at set + accumulation */
    double *relief_acc_pa;   /* accumulation (overpressure at capacity) */
    int n_tanks;             /* surge tanks */
    const char **tank_id;
    int *tank_node;
    double *tank_area_m2;
    double *tank_level_m;         /* free surface; NaN = the steady head */
    double *tank_bottom_m;        /* -inf = none */
    double *tank_top_m;           /* inf = none */
    double *tank_d_m;             /* connection; NaN = no throttle */
    double *tank_zin, *tank_zout; /* throttle losses on it */
    signed char *tank_one_way;
} net_transient;

void net_transient_free(net_transient *t);

#endif
