/*
 * water.h - properties of liquid water: IAPWS-IF97 region 1 (the Gibbs
 * equation for the compressed liquid), the IF97 region-4 saturation
 * pressure, the IAPWS 2008 viscosity and the IAPWS 2011 thermal
 * conductivity. Pure functions in SI units (K, Pa, kg/m3, J/kg).
 */
#ifndef HL_WATER_H
#define HL_WATER_H

#define WATER_T_MIN_K  273.15   /* IF97 region 1 lower bound */
#define WATER_T_MAX_K  623.15   /* IF97 region 1 upper bound */
#define WATER_P_MAX_PA 100e6    /* IF97 region 1 upper bound */
#define WATER_TC_K     647.096  /* critical temperature, IAPWS */
#define WATER_RHOC     322.0    /* critical density, kg/m3, IAPWS */
#define WATER_PC_PA    22.064e6 /* critical pressure, IAPWS */

/* Region-1 state at (t_k, p_pa). */
typedef struct water_state {
    double v;       /* specific volume, m3/kg */
    double rho;     /* density, kg/m3 */
    double h;       /* specific enthalpy, J/kg */
    double cp, cv;  /* J/(kg K) */
    double w;       /* speed of sound, m/s */
    double kappa_t; /* isothermal compressibility, 1/Pa */
    double alpha_v; /* cubic expansion coefficient, 1/K */
} water_state;

/* IAPWS-IF97 region 1, equation (7) and Table 3. No range check: callers
 * check with water_in_region1. */
void water_region1(double t_k, double p_pa, water_state *out);

/* 1 if (t_k, p_pa) lies in region 1: 273.15 K <= T <= 623.15 K and
 * psat(T) <= p <= 100 MPa. */
int water_in_region1(double t_k, double p_pa);

/* IF97 region 4, equation (30): saturation pressure, Pa, for
 * 273.15 K <= T <= 647.096 K (NaN outside). */
double water_psat(double t_k);

/* IAPWS 2008 viscosity, equations (10)-(12), with the critical
 * enhancement mu2 = 1 (the release's recommendation for industrial use
 * outside the near-critical region), Pa s. */
double water_viscosity(double t_k, double rho);

/* IAPWS 2011 thermal conductivity lambda0 * lambda1, equations (16)-(17),
 * without the critical enhancement, W/(m K). */
double water_conductivity_background(double t_k, double rho);

/* IAPWS 2011 thermal conductivity with the critical enhancement lambda2
 * of the industrial formulation (equations (18)-(25)) from the region-1
 * state st, W/(m K). */
double water_conductivity(double t_k, const water_state *st);

#endif
