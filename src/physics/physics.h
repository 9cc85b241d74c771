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

/* ---- conductivity ------------------------------------------------------ */
int lambda_is_constant(const hl_conductivity *lam, double *k);
double lambda_integral_inverse(const hl_conductivity *lam, double t1_k,
                               double target);
/* The same with k = lambda(t1_k) already at hand (the march of the
 * surface solve has it). */
double lambda_integral_inverse_k(const hl_conductivity *lam, double t1_k,
                                 double k, double target);

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
