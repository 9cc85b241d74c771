/*
 * transient.c - wave speed, bulk modulus, vapour pressure and the
 * Joukowsky head change (docs/physics.md, "Surge").
 */
#include "physics/transient.h"
#include "physics/water.h"

#include <math.h>

/* Wylie and Streeter, Fluid Transients in Systems (1993), eqs. 2-18..2-20 */
double transient_restraint_c1(int restraint, double nu)
{
    switch (restraint) {
    case RESTRAINT_UPSTREAM:
        return 1.0 - nu / 2.0;
    case RESTRAINT_JOINTS:
        return 1.0;
    default:
        return 1.0 - nu * nu;
    }
}

/* Korteweg (1878) with Halliwell's (1963) c1; Wylie and Streeter eq. 2-16 */
double transient_wave_speed(double bulk_pa, double rho, double d_m,
                            double wall_m, double young_pa, double c1)
{
    if (!(bulk_pa > 0.0) || !(rho > 0.0) || !(d_m > 0.0) || !(wall_m > 0.0) ||
        !(young_pa > 0.0) || !(c1 >= 0.0))
        return NAN;
    return sqrt(bulk_pa / rho /
                (1.0 + c1 * bulk_pa * d_m / (young_pa * wall_m)));
}

/* IAPWS-IF97 region 1: K_s = rho w^2 (isentropic: the wave is too fast
 * for heat exchange) */
double transient_water_bulk(double t_k, double p_abs, double *rho)
{
    if (!water_in_region1(t_k, p_abs)) {
        if (rho)
            *rho = NAN;
        return NAN;
    }
    water_state st;
    water_region1(t_k, p_abs, &st);
    if (rho)
        *rho = st.rho;
    return st.rho * st.w * st.w;
}

/* IAPWS-IF97 region 4, eq. 30 */
double transient_vapour_pressure(double t_k)
{
    return water_psat(t_k);
}

/* Vardy and Brown (2003); k3 = sqrt(C*) / 2 (Vardy, Brunone) */
double transient_brunone_k(double re)
{
    double c;
    if (!(re > 2000.0))
        c = 0.00476;
    else
        c = 7.41 / pow(re, log10(14.3 / pow(re, 0.05)));
    return sqrt(c) / 2.0;
}

/* Joukowsky (1898): dH = a dV / g */
double transient_joukowsky_head(double a, double dv, double g)
{
    return a * dv / g;
}
