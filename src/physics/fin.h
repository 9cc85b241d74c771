/*
 * fin.h - extended surfaces (fins): efficiencies of straight, pin and
 * annular fins and the modified Bessel functions the annular fin needs.
 * Pure SI kernels: no I/O, no allocation, no global state. Sources and
 * validity in docs/physics.md, section "Fittings".
 */
#ifndef HL_PHYSICS_FIN_H
#define HL_PHYSICS_FIN_H

/* Exponentially scaled modified Bessel functions, x > 0:
 * i0e = e^-x I0(x), i1e = e^-x I1(x), k0e = e^x K0(x), k1e = e^x K1(x).
 * Abramowitz & Stegun (1964) 9.8.1-9.8.8, |relative error| < 2.2e-7. */
double bessel_i0e(double x);
double bessel_i1e(double x);
double bessel_k0e(double x);
double bessel_k1e(double x);

/* Fin parameter m = sqrt(n_faces U / (k t)) of a plate fin of metal
 * thickness t_m exposed on n_faces faces to a surface coefficient u
 * (W/(m2 K)); Incropera et al., Fundamentals of Heat and Mass Transfer,
 * 6th ed., section 3.6.2, with P/Ac = n_faces / t for a wide plate. */
double fin_m_plate(double u, double k, double t_m, int n_faces);

/* Straight fin of corrected length lc_m (L + t/n_faces):
 * eta = tanh(m lc) / (m lc); Incropera 6th ed. eq. 3.89 with the
 * corrected length of eq. 3.94 (Harper and Brown 1922). */
double fin_eff_straight(double m, double lc_m);

/* Annular fin of uniform thickness from root radius r1 to the corrected
 * tip radius r2c (r2 + t/n_faces); Incropera 6th ed. eq. 3.96 (Table 3.5),
 * the exact solution plotted by Gardner (1945, Trans. ASME 67:621). */
double fin_eff_annular(double m, double r1, double r2c);
/* The same with ln_ratio = ln(r2c / r1) at hand (a fin's iteration takes
 * it once): the small-argument forms' ln(b/2) is then ln(a/2) + ln_ratio,
 * one logarithm instead of two on every pass. */
double fin_eff_annular_ln(double m, double r1, double r2c, double ln_ratio);

/* Pin fin of length l_m, parameter m = sqrt(U P / (k Ac)) and k_ac = k Ac
 * (W m/K), ending in a lumped tip of conductance g_tip = U_tip A_tip
 * (W/K): heat per kelvin of root excess (W/K) and, in *tip_fraction, the
 * tip excess as a fraction of the root excess. Incropera 6th ed. Table
 * 3.4 case A (convective tip), with the tip conductance h Ac generalised
 * to U_tip A_tip (same boundary condition -k Ac dtheta/dx = g_tip theta
 * at x = L). */
double fin_pin_conductance(double m, double l_m, double k_ac, double g_tip,
                           double *tip_fraction);

#endif
