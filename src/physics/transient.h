/*
 * transient.h - physics of hydraulic transients: the pressure wave speed
 * in a liquid-filled elastic pipe (Korteweg, with Halliwell's restraint
 * factor), the liquid's bulk modulus, its vapour pressure, and the
 * Joukowsky pressure change. Pure functions in SI units.
 */
#ifndef HL_TRANSIENT_H
#define HL_TRANSIENT_H

/* How the pipe is held against axial movement (Wylie and Streeter 1993,
 * eqs. 2-18 to 2-20, thin-walled). */
enum transient_restraint {
    RESTRAINT_UPSTREAM = 0, /* anchored at its upstream end only */
    RESTRAINT_ANCHORED = 1, /* anchored throughout (buried pipe) */
    RESTRAINT_JOINTS = 2    /* expansion joints throughout */
};

/* Restraint factor c1 for Poisson's ratio nu: 1 - nu/2, 1 - nu^2, 1. */
double transient_restraint_c1(int restraint, double nu);

/* Wave speed a = sqrt((K / rho) / (1 + c1 K D / (E e))), m/s (Korteweg
 * 1878, Halliwell 1963; Wylie and Streeter 1993, eq. 2-16), thin walls
 * (D / e > 25). NaN when any input is not positive (c1 >= 0). */
double transient_wave_speed(double bulk_pa, double rho, double d_m,
                            double wall_m, double young_pa, double c1);

/* Isentropic bulk modulus of liquid water K_s = rho w^2 (IAPWS-IF97
 * region 1, the speed of sound w), Pa, and its density, at (t_k, p_abs);
 * NaN outside region 1. */
double transient_water_bulk(double t_k, double p_abs, double *rho);

/* Vapour pressure of water at t_k, Pa absolute (IAPWS-IF97 region 4,
 * eq. 30), 273.15 K .. 647.096 K. */
double transient_vapour_pressure(double t_k);

/* Brunone's coefficient k = sqrt(C*) / 2 from Vardy's shear decay
 * coefficient C* (Vardy and Brown, J. Sound Vib. 259 (2003) 1011-1036):
 * C* = 0.00476 laminar (re <= 2000), else 7.41 / Re^kappa with
 * kappa = log10(14.3 / Re^0.05) (smooth pipes). */
double transient_brunone_k(double re);

/* Joukowsky head change a dV / g, m. */
double transient_joukowsky_head(double a, double dv, double g);

#endif
