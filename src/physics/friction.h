/*
 * friction.h - Darcy friction factor of full pipe flow and its derivative
 * with respect to the Reynolds number, for the hydraulic Newton solver.
 */
#ifndef HL_FRICTION_H
#define HL_FRICTION_H

enum friction_model {
    FRICTION_COLEBROOK = 0,  /* Colebrook-White solved to machine precision */
    FRICTION_SWAMEE_JAIN = 1 /* EPANET 2.x Darcy-Weisbach, exactly */
};

#define FRICTION_RE_LAMINAR   2000.0 /* laminar law at and below */
#define FRICTION_RE_TURBULENT 4000.0 /* turbulent law at and above */

/* Darcy friction factor at Reynolds number re > 0 and relative roughness
 * eps = k / D >= 0; *df_dre receives df/dRe. *x_guess, when not NULL,
 * holds a start value of 1/sqrt(f) for the Colebrook iteration (0 = none)
 * and receives the converged value, so a solver can keep one per pipe.
 * Laminar (re <= 2000): 64/Re. Turbulent (re >= 4000): the model's law.
 * In between: a cubic in Re matching value and slope at both ends (the
 * same construction as EPANET's Dunlop polynomial, which the
 * swamee-jain model reproduces). re <= 0 returns the laminar limit
 * f = +inf handled by callers through friction_laminar_coefficient. */
double friction_factor(int model, double re, double eps, double *df_dre,
                       double *x_guess);

/* Colebrook-White alone (any re > 0), to machine precision:
 * 1/sqrt(f) = -2 log10(eps/3.7 + 2.51/(Re sqrt(f))). */
double friction_colebrook(double re, double eps, double *df_dre,
                          double *x_guess);

/* Swamee and Jain (1976) explicit approximation of Colebrook-White. */
double friction_swamee_jain(double re, double eps, double *df_dre);

#endif
