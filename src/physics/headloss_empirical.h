/*
 * headloss_empirical.h - the empirical head-loss laws of EPANET 2:
 * Hazen-Williams (EPANET's default) and Chezy-Manning, as resistances in
 * SI so that h = r |Q|^n (h in m of water, Q in m3/s). Computed exactly as
 * EPANET 2.3 computes them in US units (hydcoeffs.c, resistcoeff), then
 * converted, so an imported .inp gives EPANET's heads.
 */
#ifndef HL_HEADLOSS_EMPIRICAL_H
#define HL_HEADLOSS_EMPIRICAL_H

enum headloss_law {
    HEADLOSS_DARCY = 0,  /* Darcy-Weisbach with the model's friction law */
    HEADLOSS_HAZEN = 1,  /* Hazen-Williams, C factor */
    HEADLOSS_MANNING = 2 /* Chezy-Manning, Manning's n */
};

#define HAZEN_EXPONENT   1.852 /* EPANET's flow exponent of H-W */
#define MANNING_EXPONENT 2.0

/* Resistance r (m per (m3/s)^n) of a pipe of length_m and diameter d_m
 * with Hazen-Williams factor c > 0: h = r |Q|^1.852. */
double hazen_williams_r(double length_m, double d_m, double c);

/* Resistance r (m per (m3/s)^2) with Manning's n > 0: h = r Q^2. */
double chezy_manning_r(double length_m, double d_m, double n);

/* Friction head loss h (m, signed as q) of h = r |q|^n at volume flow q
 * (m3/s) and its slope *dh_dq (m per m3/s), linear below the slope
 * EPANET's RQtol (1e-7 ft per cfs) gives, as EPANET does. */
double headloss_power(double r, double n, double q, double *dh_dq);

#endif
