/*
 * pipe_internal.h - internal kernels behind hl_pipe_thermal_solve: soil
 * resistances of buried pipes, the twin-pipe multipole solution, radial
 * layers with lambda(T), and a small dense least-squares solver. SI units,
 * no I/O, no allocation, no global state.
 */
#ifndef HL_PIPE_INTERNAL_H
#define HL_PIPE_INTERNAL_H

#include "physics.h"

/* ---- buried.c: line-source soil resistances (EN 13941, Bohm 2000) ---- */

/* Soil resistance of one pipe of outer diameter d_m with its axis h_m
 * below an isothermal ground surface, K m/W: ln(4 h / d) / (2 pi lambda). */
double soil_resistance(double h_m, double d_m, double lambda_soil);

/* Mutual soil resistance of two pipes at one depth h_m, centre distance
 * s_m, K m/W: ln(1 + (2 h / s)^2) / (4 pi lambda). */
double soil_mutual_resistance(double h_m, double s_m, double lambda_soil);

/* Effective depth with a ground-surface resistance r0 (m2 K/W):
 * h + lambda_soil * r0 (EN 13941, Bohm 2000). */
double soil_effective_depth(double h_m, double lambda_soil, double r0);

/* Heat flows of two coupled pipes: solves (dt1, dt2) = R (q1, q2). */
void pair_heat_flows(double r11, double r22, double r12, double dt1, double dt2,
                     double q[2]);

/* ---- twin.c: two equal carriers in one circular fill ---------------- */

typedef struct twin_geometry {
    double ri;          /* outer radius of each carrier, m */
    double e;           /* half the centre distance of the carriers, m */
    double rc;          /* outer radius of the fill, m */
    double h;           /* casing axis below the ground surface, m */
    double lambda_fill; /* W/(m K) */
    double lambda_out;  /* medium outside the fill (soil), W/(m K) */
} twin_geometry;

#define TWIN_DEFAULT_ORDER 12
#define TWIN_MAX_ORDER     14

/* Resistances of the symmetric (both carriers at one temperature) and the
 * antisymmetric (opposite excess temperatures) modes, K m/W:
 * rs = r11 + r12, ra = r11 - r12, soil outside the fill included. */
int twin_multipole(const twin_geometry *g, int order, double *rs, double *ra);
void twin_wallenten(const twin_geometry *g, double *rs, double *ra);

/* ---- lsq.c ------------------------------------------------------------ */

/* Least-squares solution of A x = b, A m x n column-major (lda = m),
 * m >= n. A and b are overwritten; x receives n values. Returns 0, or -1
 * when A is rank deficient. */
int lsq_solve(int m, int n, double *a, double *b, double *x);

/* ---- pipe_layers.c: radial layers with lambda(T) ---------------------- */

/* Radii and conductivities of one build-up. */
typedef struct radial_buildup {
    int n;
    double r[HL_MAX_LAYERS + 1]; /* r[0] carrier outer radius .. r[n] */
    double g[HL_MAX_LAYERS];     /* ln(r[i+1] / r[i]) / (2 pi), once */
    const hl_conductivity *lam[HL_MAX_LAYERS];
} radial_buildup;

void radial_from_buildup(const hl_pipe_buildup *b, radial_buildup *out);

/* Resistance of each layer at the interface temperatures t[0..n] (the
 * Kirchhoff mean conductivity between them), K m/W; returns the sum. */
double radial_resistances(const radial_buildup *b, const double *t,
                          double *r_layer);

/* Interface temperatures t[0..n] for heat flow q (W/m) leaving a carrier
 * at t0_k, each layer by the exact Kirchhoff integral. */
void radial_march(const radial_buildup *b, double t0_k, double q, double *t);

/* Mean conductivity over [a, b] (the local value when a == b). */
double lambda_mean_between(const hl_conductivity *lam, double a, double b);

/* 1 if every layer has a constant conductivity. */
int radial_is_constant(const radial_buildup *b);

#endif
