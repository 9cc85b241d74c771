/*
 * moc.h - the hydraulic transient engine: the method of characteristics
 * on a fixed grid (Wylie and Streeter, Fluid Transients in Systems, 1993,
 * ch. 3-4), with the discrete vapour cavity model (DVCM) at every
 * computational point and every node (Bergant, Simpson and Tijsseling,
 * J. Fluids Struct. 22 (2006) 135-171), and lumped devices between nodes
 * (orifices and valves with a closure law, check valves, pumps with a
 * run-down after a trip, fixed flows, fixed rises).
 *
 * This engine knows nothing of the steady network: a caller fills a
 * surge_net (nodes, pipes, devices and their initial state) and steps it.
 * surge_from_model.c is the one adapter that builds it from a solved
 * model; the validation tests build the textbook cases directly.
 *
 * Units: SI; pressures gauge Pa, heads piezometric m (z + p / (rho g)),
 * pipe flows m3/s (each pipe has one density), device flows kg/s.
 */
#ifndef HL_SURGE_MOC_H
#define HL_SURGE_MOC_H

#include "heatline.h"

#include <math.h>

enum surge_dev_kind {
    DEV_ORIFICE = 0, /* dp = k m|m| / tau^2, tau from the closure law */
    DEV_CHECK,       /* an orifice that passes forward flow only */
    DEV_PUMP,        /* head curve by affinity, forward only */
    DEV_FIXED_FLOW,  /* a fixed mass flow */
    DEV_RIGID,       /* a fixed pressure rise, flow free */
    DEV_AIR,         /* air vessel at node dv_from (= dv_to): gas
                        p V^n = const behind a throttle; dv_m flows in */
    DEV_RELIEF,      /* relief valve at node dv_from (= dv_to): above
                        dv_rise (set, gauge Pa) it discharges
                        dp = k m^2 beyond the set pressure */
    DEV_TANK,        /* surge tank at node dv_from (= dv_to): a free
                        surface at atmospheric pressure (tank[d]) behind a
                        throttle; dv_m flows in */
    DEV_OPEN_LOSS    /* a valve whose steady state has no loss, closing
                        as an orifice of open loss k: the loss beyond the
                        open one, dp = k (1 / tau^2 - 1) m|m| */
};

/* A surge tank (moc_tank.c): open (flows both ways) or one-way (feeds the
 * line only, a check valve shuts it against inflow). */
typedef struct surge_tank {
    double area;         /* free-surface area, m2 */
    double level;        /* free-surface elevation, m (state) */
    double m_old;        /* last step's inflow, kg/s */
    double bottom, top;  /* elevations, m (-inf / inf: none) */
    double lmin, lmax;   /* range of the level */
    signed char one_way; /* feeds only */
    signed char spilled; /* the level passed its top or bottom */
} surge_tank;

enum surge_curve {
    CURVE_LINEAR = 0, /* tau = 1 - t/T */
    CURVE_QUADRATIC,  /* tau = (1 - t/T)^2: slow at the end */
    CURVE_SQRT        /* tau = sqrt(1 - t/T): fast at the end */
};

/* A four-quadrant pump (moc_pump4q.c): Suter curves over x in [0, 2 pi)
 * and the rotor; n = 0 for a pump on its affinity curve. */
typedef struct surge_pump4q {
    int n;            /* points of each table */
    double *wh, *wb;  /* WH(x), WB(x) (owned) */
    double hr, qr;    /* rated head (m) and flow per unit (m3/s) */
    double tm;        /* I w_R / T_R, s */
    double alpha;     /* relative speed (state) */
    double beta;      /* relative torque of the state */
    double alpha_min; /* lowest speed and flow reached */
    double v_min;
    signed char check;  /* a discharge check valve: no reverse flow */
    const char *source; /* of the tables: "given" or a built-in family's
                           name (suter_family.c); NULL: affinity */
    double ns;          /* specific speed at the rated point (NaN: none) */
    /* pump start (any pump): speed from 0 at start_t to dv_s0 over
     * ramp_s (linear) */
    signed char starting;
    double start_t, ramp_s;
} surge_pump4q;

/* A running pump whose speed a drive keeps on a pressure during the event
 * (moc_control.c): the steady model's control (its node and set point)
 * acting through the transient at a limited rate. */
typedef struct surge_ctrl {
    int dev, node;     /* the pump device and the node it watches */
    signed char sign;  /* +1: the node is downstream (a faster pump raises
                          it), -1: its suction */
    double p_set;      /* gauge Pa held: the node's steady pressure */
    double s_init;     /* speed at the start */
    double s_max;      /* highest speed the drive may ask (>= s_init) */
    double s_min_seen; /* lowest and highest speeds over the event */
    double s_max_seen;
} surge_ctrl;

/* Unsteady friction option. */
enum surge_friction { SURGE_STEADY = 0, SURGE_BRUNONE = 1 };

typedef struct surge_net {
    double g;     /* m/s2 */
    double p_atm; /* Pa, for the gas law of air vessels */
    double dt;    /* s, common time step (after surge_grid) */
    double t;     /* s, time of the current state */
    long step;    /* steps taken */
    double psi;   /* DVCM weighting of the new cavity flows (1: implicit) */
    int friction; /* enum surge_friction (SURGE_BRUNONE: pp_kb) */

    /* nodes */
    int n_nodes;
    double *nd_z;              /* elevation, m */
    double *nd_p;              /* gauge pressure, Pa (state) */
    double *nd_fixed_p;        /* gauge Pa held, NaN = free */
    double *nd_demand;         /* kg/s drawn out, constant */
    double *nd_pv;             /* vapour pressure, gauge Pa (-inf: no DVCM) */
    double *nd_rho;            /* density for the node's head, kg/m3 */
    double *nd_cav;            /* cavity volume, m3 (state) */
    double *nd_cav_rate;       /* m3/s, last step's growth rate */
    double *nd_sc, *nd_sb;     /* per step: pipe-end inflow = sc - sb p */
    double *nd_vmax, *nd_tcav; /* largest cavity, first opening (NaN) */

    /* pipes */
    int n_pipes;
    int *pp_from, *pp_to;
    double *pp_len, *pp_d, *pp_area; /* m, m, m2 */
    double *pp_a;                    /* wave speed asked for, m/s */
    double *pp_f;                    /* Darcy factor (minor losses folded) */
    double *pp_rho;                  /* kg/m3 */
    double *pp_pv;                   /* vapour pressure, gauge Pa (-inf) */
    double *pp_q0;                   /* initial flow, m3/s */
    /* an empirical friction law beside the Darcy term (EPANET imports:
     * Hazen-Williams): h = rlaw |Q|^fexp over the pipe, m with Q in m3/s;
     * rlaw 0: none (pp_f then holds all of the friction) */
    double *pp_rlaw, *pp_fexp;
    /* grid (surge_grid) */
    int *pp_n, *pp_off;  /* reaches; index of point 0 */
    double *pp_aa;       /* wave speed used, m/s (= len / (n dt)) */
    double *pp_b, *pp_r; /* B = a/(gA), R = f dx/(2 g D A^2) */
    double *pp_rl;       /* rlaw per reach (0: none) */
    double *pp_rq;       /* R used this step: pp_r plus the law's
                            rl |Q|^(n-2) at the pipe's flow (surge_step) */
    double *pp_kb;       /* Brunone's k (0: quasi-steady friction) */
    double max_adjust;   /* largest |aa/a - 1| */
    int worst_pipe;      /* pipe of that adjustment */

    /* points: n_points = sum (n + 1) */
    long n_points;
    double *h, *qd, *qu;    /* head; flow on the downstream and upstream
                               side of each point (equal without a cavity) */
    double *hn, *qdn, *qun; /* next step */
    double *qprev;          /* flows of the step before (Brunone) */
    double *vcav, *vrate;   /* cavity volume (m3) and its last growth rate */
    double *hv;             /* vapour head at each point, m */
    double *hmax, *hmin;    /* head envelopes */
    double *vmax, *tcav;    /* largest cavity (m3), first opening (s, NaN
                               = none) */
    double *zpt;            /* elevation of each point */
    long n_cav_open;        /* cavity openings counted (points and nodes) */

    /* devices */
    int n_devs;
    signed char *dv_kind;
    int *dv_from, *dv_to;
    double *dv_k;         /* Pa/(kg/s)^2 at full opening */
    double *dv_rho;       /* kg/m3 of the water in it */
    double *dv_m;         /* kg/s (state) */
    double *dv_mfix;      /* DEV_FIXED_FLOW */
    double *dv_rise;      /* DEV_RIGID, Pa */
    signed char *dv_open; /* check valves and pumps: 1 passes flow */
    /* a check valve's closure delay (DEV_CHECK, or a four-quadrant pump's
     * discharge check): s from the first reverse flow to its closure (0:
     * at once), and when the reverse flow began (NaN: none) */
    double *dv_cdelay, *dv_trev;
    /* a closing valve's characteristic (borrowed from the model, NULL:
     * none): Kv over its open Kv at dv_kvn openings; the closure law then
     * gives the stroke and this maps it to the effective opening */
    int *dv_kvn;
    const double **dv_kvx, **dv_kvy;
    /* closure law: opening tau(t) from 1 at t0 to 0 at t0 + T */
    double *dv_t0, *dv_tc;
    signed char *dv_curve;
    /* pumps: H = s^2 h0 - r s^(2-n) q^n per unit, q = m/(rho par) */
    double *dv_h0, *dv_r, *dv_n, *dv_par;
    double *dv_s0;   /* speed at the start (relative) */
    double *dv_trip; /* trip time, s (INFINITY: runs on) */
    double *dv_tau;  /* run-down time constant I w^2 / P, s (0: stops at
                        once) */
    /* air vessels: (p_abs) V^n = gas_c; inflow throttle in dv_k, outflow
     * in dv_k_out */
    double *dv_gas_c, *dv_gas_n, *dv_gas_v, *dv_k_out, *dv_m_old;
    double *dv_gas_min, *dv_gas_max; /* relief valves: dv_gas_max = the
                                        largest discharge, kg/s */
    surge_pump4q *p4q;               /* per device (n = 0: not 4Q) */
    surge_tank *tank;                /* per device (DEV_TANK) */

    /* clusters: nodes joined by devices, solved together each step */
    int n_clusters;
    int *cl_node_start, *cl_node; /* CSR */
    int *cl_dev_start, *cl_dev;
    int *nd_cluster;
    int max_cluster; /* unknowns of the largest cluster */
    double *work;    /* Newton workspace */
    int *iwork;
    signed char *nd_cav_on;
    long newton_fail; /* cluster solves that hit the iteration limit */

    /* pumps under pressure control during the event (moc_control.c) */
    int n_ctrl;
    surge_ctrl *ctrl; /* owned */
    double ctrl_ramp; /* largest speed change per second over s_init */
    double ctrl_band; /* Pa of miss that asks for the full ramp */
} surge_net;

/* A net with room for the given counts; every array zeroed, nd_fixed_p
 * NaN, pv -inf, trips at INFINITY. NULL when out of memory. */
surge_net *surge_net_new(int n_nodes, int n_pipes, int n_devs);
void surge_net_free(surge_net *s);

/* Cut every pipe into reaches for the common time step dt (dt > 0), or,
 * with dt <= 0, for dt = dx / (largest wave speed); the wave speeds are
 * adjusted to fit whole reaches (max_adjust). Errors: dx longer than a
 * pipe, a wave speed <= 0. */
int surge_grid(surge_net *s, double dx, double dt, hl_error *err);
/* Initial state from nd_p, dv_m and pp_q0: heads along each pipe by its
 * friction. Builds the clusters. */
int surge_init(surge_net *s, hl_error *err);
/* One time step. */
void surge_step(surge_net *s);

/* Opening of device i at time t (1 open, 0 closed). */
double surge_dev_opening(const surge_net *s, int i, double t);
/* Pressure control of running pumps (moc_control.c): add pump device dev
 * watching node (sign as in surge_ctrl; its set point the node's current
 * pressure); HL_ENOMEM. surge_control_step moves each controlled pump's
 * speed after a step. */
int surge_control_add(surge_net *s, int dev, int node, int sign);
void surge_control_step(surge_net *s);

/* Relative speed of pump device i at time t. */
double surge_pump_speed(const surge_net *s, int i, double t);
/* Head at node i (z + p / (rho g)). */
double surge_node_head(const surge_net *s, int i);

/* R of one reach of pipe p at flow q (m3/s): the Darcy term's R and, for
 * an empirical law h = rl |q|^n, rl |q|^(n-2) (quasi-steady: the law at
 * that flow; surge_step takes q as the mean of the pipe's end flows, so a
 * pipe's flow settles where the law puts it, at one pow per pipe and step;
 * below 1e-6 m3/s the law's R is taken there, not at 0 where it is
 * infinite). */
static inline double surge_pipe_r(const surge_net *s, int p, double q)
{
    double r = s->pp_r[p];
    if (s->pp_rl[p] > 0.0)
        r += s->pp_rl[p] * pow(fmax(fabs(q), 1e-6), s->pp_fexp[p] - 2.0);
    return r;
}

/* Homologous value (a^2 + v^2) W(x) of a Suter table and its partials. */
double surge_homologous(const double *w, int n, double a, double v, double *d_a,
                        double *d_v);
/* Head rise (Pa) of four-quadrant pump d at mass flow m for the step
 * ending at t (its speed solved with it after the trip), and d/dm. */
double surge_p4q_rise(const surge_net *s, int d, double m, double t,
                      double *drise_dm);
/* Speed and torque of pump d at its solved flow: the state of the step. */
void surge_p4q_commit(surge_net *s, int d, double t);
/* Surge tank d's row for the step (residual p - rho g (level - z) - loss,
 * and d/dm), and its state at the solved flow (moc_tank.c). */
double surge_tank_residual(const surge_net *s, int d, double m,
                           double *dres_dm);
void surge_tank_commit(surge_net *s, int d);
/* A device that is a four-quadrant pump. */
static inline int surge_is_p4q(const surge_net *s, int d)
{
    return s->dv_kind[d] == DEV_PUMP && s->p4q[d].n > 0;
}

/* Solve the nodes and devices of cluster c for this step (moc_cluster.c). */
void surge_cluster_solve(surge_net *s, int c, double t);

#endif
