/*
 * air.c - properties of dry air near atmospheric pressure for the
 * correlation-based convection set, evaluated at the film temperature.
 *
 * Viscosity and conductivity: Sutherland's law with the constants of
 * F. M. White, Viscous Fluid Flow, 3rd ed. (2006), Table 1-2 and 1-3
 * (mu0 = 1.716e-5 Pa s, S = 110.4 K; k0 = 0.0241 W/(m K), S = 194 K, both at
 * T0 = 273.15 K; within 2 % from 170 to 1900 K). Density: ideal gas,
 * R = 287.05 J/(kg K). cp: 1007 J/(kg K), within 1 % from 250 to 400 K
 * (Incropera et al., Fundamentals of Heat and Mass Transfer, 7th ed., Table
 * A.4). Expansion coefficient of an ideal gas: beta = 1/T.
 */
#include "physics.h"

#include <math.h>

#define AIR_R  287.05
#define AIR_CP 1007.0

static double sutherland(double t_k, double v0, double s_k)
{
    const double t0 = 273.15;
    return v0 * pow(t_k / t0, 1.5) * (t0 + s_k) / (t_k + s_k);
}

air_props air_at(double t_k, double pressure_pa)
{
    air_props a;
    a.mu = sutherland(t_k, 1.716e-5, 110.4);
    a.k = sutherland(t_k, 0.0241, 194.0);
    a.rho = pressure_pa / (AIR_R * t_k);
    a.cp = AIR_CP;
    a.nu = a.mu / a.rho;
    a.alpha = a.k / (a.rho * a.cp);
    a.pr = a.mu * a.cp / a.k;
    a.beta = 1.0 / t_k;
    return a;
}
