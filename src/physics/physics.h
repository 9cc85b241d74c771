/*
 * physics.h - internal interface of the pure physics kernels (SI units, no
 * I/O, no allocation, no global state). The public parts are declared in
 * include/heatline_surface.h.
 */
#ifndef HL_PHYSICS_H
#define HL_PHYSICS_H

#include "heatline.h"

#define HL_SIGMA 5.670374419e-8 /* Stefan-Boltzmann, W/(m2 K4), CODATA 2018 */
#define HL_G     9.80665        /* standard gravity, m/s2 */
#define HL_P_ATM 101325.0

/* min and max without libm's NaN handling: callers pass finite values. */
static inline double min2(double a, double b)
{
    return a < b ? a : b;
}
static inline double max2(double a, double b)
{
    return a > b ? a : b;
}

/* ---- air --------------------------------------------------------------- */
typedef struct air_props {
    double mu, k, rho, cp, nu, alpha, pr, beta;
} air_props;

air_props air_at(double t_k, double pressure_pa);

/* ---- buried valve chamber (chamber.c) ---------------------------------- */
typedef struct chamber_geometry {
    double length_m, width_m, height_m;  /* inside */
    double wall_m;                       /* walls, floor and roof */
    double roof_depth_m;                 /* soil over the roof */
    double lambda_concrete, lambda_soil; /* W/(m K) */
} chamber_geometry;
typedef struct chamber_conductance {
    double floor_w_k, walls_w_k; /* air to the ground, W/K */
    double roof_w_k;             /* air to the outdoor air, W/K */
    double volume_m3;            /* inside */
} chamber_conductance;
/* Conductances of the chamber's envelope (ISO 13370:2017 9.3, ISO
 * 6946:2017 Table 7); -1 if a dimension or conductivity is not positive. */
int chamber_envelope(const chamber_geometry *g, chamber_conductance *out);

/* ---- conductivity ------------------------------------------------------ */
int lambda_is_constant(const hl_conductivity *lam, double *k);
/* 1 if lambda is one polynomial piece of degree 1, lambda = c0 + c1 (T -
 * ref): its Kirchhoff mean over [a, b] is lambda at (a + b) / 2 and its
 * integral inverts in closed form. */
int lambda_is_linear(const hl_conductivity *lam);
/* lambda at lo + (hi - lo) s / n, s = 0..n (ascending, lo <= hi): the
 * first s where it is not positive and finite (*t_k, *k receive the
 * temperature and value there), or -1. */
int lambda_check_samples(const hl_conductivity *lam, double lo, double hi,
                         int n, double *t_k, double *k);
/* 1 if lambda is surely positive and finite on all of [lo, hi] (a
 * constant, or polynomials that rise from a positive value there), so that
 * lambda_check_samples passes on every part of it; 0 if not known. */
int lambda_surely_positive(const hl_conductivity *lam, double lo, double hi);
double lambda_integral_inverse(const hl_conductivity *lam, double t1_k,
                               double target);
/* The same with k = lambda(t1_k) already at hand (the march of the
 * surface solve has it). */
double lambda_integral_inverse_k(const hl_conductivity *lam, double t1_k,
                                 double k, double target);

/* An antiderivative of lambda at t_k (differences of it are the Kirchhoff
 * integral; the constant is arbitrary but fixed per conductivity) and, in
 * *k, lambda at t_k. */
double lambda_theta(const hl_conductivity *lam, double t_k, double *k);

/* ---- surface ----------------------------------------------------------- */
/* hl_surface_solve without the notes on layers outside their lambda's
 * range (out->warnings stays empty): for callers that drop them (the
 * fittings' reference pipe), whose formatting cost more than the solve. */
int surface_solve_no_notes(const hl_surface_in *in, hl_surface_out *out,
                           hl_error *err);

/* ---- convection -------------------------------------------------------- */
/* Convective coefficient, W/(m2 K), at surface ts_k, air t_air_k, wind
 * wind_m_s, for geometry on a surface of characteristic size char_m (the
 * diameter of a cylinder or sphere, the height of a vertical wall, A/P of
 * a horizontal plate). *dlnh_dlndt receives d ln h / d ln |dT|, a slope the
 * solver uses to speed up Newton. */
double h_conv_iso12241(int geometry, double ts_k, double t_air_k,
                       double wind_m_s, double char_m, double *dlnh_dlndt);
double h_conv_gb50264(int geometry, double ts_k, double t_air_k,
                      double wind_m_s, double char_m, double *dlnh_dlndt);
double h_conv_correlation(int geometry, double ts_k, double t_air_k,
                          double wind_m_s, double char_m, double p_pa,
                          double *dlnh_dlndt);

/* Radiative coefficient eps sigma (ts^2 + tr^2)(ts + tr), W/(m2 K). */
double h_radiation(double emissivity, double ts_k, double tr_k);

/* Outer flux (W/m2) and its derivative with respect to ts (W/(m2 K)). */
double outer_flux_slope(const hl_outer_bc *bc, double ts_k, double d_m,
                        double *slope);
/* The same with the coefficients hl_outer_coefficients gives at ts_k. */
double outer_flux_terms(const hl_outer_bc *bc, double ts_k, double d_m,
                        double *slope, double *h_conv, double *h_rad);

/* The outer boundary of one solve prepared once: which form its
 * convective coefficient takes at this surface and the constants of the
 * flux (the radiant temperature's fourth power, 4 eps sigma, 1/l), so
 * that an iteration evaluates outer_flux_terms' expressions without the
 * dispatch over sets, geometries and fixed coefficients (the same up to
 * the rounding of dT / l taken as dT (1/l), which keeps a division off
 * the iteration's chain). A forced ISO 12241 or GB 50264 coefficient does
 * not depend on the surface temperature and is taken once. */
enum outer_form {
    OUTER_TOTAL_FIXED, /* h_total_fixed: no separate radiation */
    OUTER_H_CONST,     /* h_conv_fixed, or a forced iso12241/gb50264 h */
    OUTER_ISO_NATURAL, /* iso12241 eqs. (20)-(23) */
    OUTER_OTHER        /* everything else: the general coefficient */
};
typedef struct outer_prep {
    const hl_outer_bc *bc;
    int form;         /* enum outer_form */
    double d, l;      /* characteristic diameter; length for the forms */
    double inv_l, l3; /* 1 / l, l^3 (iso12241's laminar form and limit) */
    double air, tr4, eps_sigma, eps_sigma4, h;
} outer_prep;

void outer_prepare(const hl_outer_bc *bc, double d_m, outer_prep *o);
/* outer_flux_terms at ts_k without h_rad (outer_prep_h_rad gives it). */
double outer_prep_flux(const outer_prep *o, double ts_k, double *slope,
                       double *h_conv);
double outer_prep_h_rad(const outer_prep *o, double ts_k);

/* hl_pipe_thermal_solve whose buried layings start their lambda(T)
 * iteration from t_start (t_layer_k of an earlier solve of the same
 * laying; NULL or a NaN outer face: the usual start) and stop it when no
 * interface moves by more than tol_k (<= 0: PIPE_TOL_K, 1e-9 K) in a pass
 * (pipe_thermal.c; the network's per-pipe resistances). */
int pipe_thermal_solve_from(const hl_pipe_laying *lay, double t1_k, double t2_k,
                            double t0_k,
                            const double t_start[2][HL_MAX_LAYERS + 1],
                            double tol_k, hl_pipe_thermal *out, hl_error *err);

#endif
