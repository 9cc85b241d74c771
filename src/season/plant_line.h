/*
 * plant_line.h - internals of the embedded line model (plant_line.c,
 * plant_line_solve.c).
 */
#ifndef HL_SEASON_PLANT_LINE_H
#define HL_SEASON_PLANT_LINE_H

#include "plant.h"

#include <stdio.h>

#define LINE_MAX_NODES  32
#define LINE_MAX_FIT    (LINE_MAX_NODES * 8)
#define LINE_N_STATIONS 4
#define LINE_N_TYPES    4

typedef struct fitting_type {
    const char *name;
    double area_m2;    /* bare metal surface per fitting */
    double diameter_m; /* of the equivalent horizontal cylinder */
} fitting_type;

typedef struct line_fitting {
    char id[48];
    int node, side, type; /* side 0 supply, 1 return */
    int state_as_is, state;
} line_fitting;

/* Heat loss and surface temperature of one fitting class (type, side,
 * state) on a 1 K grid of fluid temperature, solved lazily at the current
 * chamber air and interpolated linearly (relative error ~1e-5: the flux is
 * smooth in the fluid temperature). */
#define FIT_GRID_N 161 /* 0..160 C by 1 K */
typedef struct fit_class {
    double air_k; /* chamber air the cells were solved for */
    double heat_w[FIT_GRID_N], surface_k[FIT_GRID_N];
    unsigned char ok[FIT_GRID_N];
} fit_class;

typedef struct line_model {
    hl_operation op;
    double design_flow, cp, rho[2], mu[2], inner_d, roughness;
    double pump_efficiency, hx_head_m, static_margin_m, pn_pa;
    double chamber_air_k, min_return_k, axis_depth;
    double r11, r12;
    int n_nodes;
    double x[LINE_MAX_NODES];
    int n_fit;
    line_fitting fit[LINE_MAX_FIT];
    hl_layer layer;
    double layer_emissivity;
    fit_class cls[LINE_N_TYPES][2][HL_FIT_NSTATES];
    /* state of the last solve (warm start, profile) */
    double flow;
    double ts[LINE_MAX_NODES], tr[LINE_MAX_NODES]; /* entering node fittings */
    double fit_heat[LINE_MAX_FIT], fit_surface[LINE_MAX_FIT];
    double friction_m[2][LINE_N_STATIONS]; /* head loss per leg */
    double last_city_supply_k, tr_plant;
    double pipe_loss_w[2]; /* supply, return: sum of m cp dT of segments */
    double unmet_w;
    plant_point prof[LINE_MAX_NODES * 2];
    plant_station st[LINE_N_STATIONS];
    int n_prof;
} line_model;

const fitting_type *plant_line_fitting_type(int t);
const plant_station *plant_line_station(int s);
double plant_line_elevation(double x);
double plant_line_saturation_pa(double t_k);

#endif
