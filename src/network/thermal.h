/*
 * thermal.h - internal interface of the temperature solver: the exact
 * decay kernels (pair_decay.c) and the sweep state (thermal.c).
 */
#ifndef HL_THERMAL_H
#define HL_THERMAL_H

#include "network/net.h"

/* Exact outlet excess temperature of one pipe: theta_in e^(-len/(c r11)).
 * c = m cp (W/K); r11 = inf gives theta_in; c = 0 gives 0 (stagnant). */
double decay_single(double theta_in, double len, double c, double r11);

typedef struct pair_input {
    double len;                  /* m, both pipes */
    double c1, c2;               /* m cp of each pipe, W/K (> 0) */
    double r11, r22, r12;        /* K m / W */
    double theta1_in, theta2_in; /* inlet excess temperatures, K */
    int same;                    /* 1: pipe 2 flows the same way as pipe 1 */
} pair_input;

/* Exact outlets of a coupled pair; -1 if the data admit no solution
 * (r matrix not positive definite, zero flow). */
int decay_pair(const pair_input *in, double *theta1_out, double *theta2_out);

/* kg/s: below this a link carries no heat. Ten times the hydraulic mass
 * tolerance (hl_solve_options.mass_tol_kg_s, 1e-6): a stagnant part (a
 * loop whose consumers draw nothing) is left with flows of that order
 * whose signs are noise, and following them would flip its temperatures
 * between rounds. 1e-5 kg/s carries 0.3 W at 80 K. */
#define THERMAL_ZERO_FLOW  1e-5
#define THERMAL_TOL        1e-9 /* K: sweep convergence */
#define THERMAL_MAX_SWEEPS 500

struct net_heat {
    int *indeg;
    int *queue;
    double *hin, *min; /* per node: enthalpy and mass flow in */
    double *t_one;     /* per node: temperature of its only inflow so far
                          (NaN: none yet, or several, or not known) */
    int *indeg0;       /* the same four at the start of every sweep of */
    double *hin0, *min0, *t_one0; /* one heat_solve (fixed inflows only) */
    double *h_out;                /* per node: enthalpy leaving (after sinks) */
    signed char *done, *torn;
    double *t_torn;      /* per node: temperature assumed when torn */
    double *partner_tin; /* per pipe: partner inlet temperature used */
    int *hx_pending;
    double *t_prev; /* per node: last sweep's temperature */
    int sweeps;     /* of the last heat_solve */
    double change;  /* K: of its last sweep */
};

/* Surroundings temperature of pipe i now, K. */
double pipe_ambient(const hl_model *m, int i);

/* Pump and friction heat of flowing link k at inlet temperature t_in,
 * J/kg of the water through it, added to the table enthalpy (mech_heat.c;
 * 0 for consumers, sources, heat exchangers, or with the setting off). */
double mech_heat_per_kg(const hl_model *m, int k, double t_in);

/* Elements (thermal_elements.c): outlet temperatures and heat. */
double consumer_outlet(hl_model *m, int i, double t_in);
double source_outlet(hl_model *m, int i, double t_in, double mflow);
void hx_exchange(hl_model *m, int h);
/* Consumers and sources without flow: no heat, their nodes' water. */
void elements_at_rest(hl_model *m);
/* Water of enthalpy h_j_kg (J/kg) and temperature t_k (NaN: not known)
 * flowing into node at mflow, kg/s; dep: it was one of the node's
 * dependencies in the flow order. */
void heat_push(hl_model *m, int node, double mflow, double t_k, double h_j_kg,
               int dep);
/* Fittings at node v cool the water leaving it (temperature t_k,
 * enthalpy h_k): total heat, W; returns 1 if any heat was taken. */
int fitting_sink(hl_model *m, int v, double t_k, double h_k, double m_out,
                 double *q_total);

#endif
