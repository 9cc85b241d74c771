/*
 * buried.c - soil resistances of pipes buried below an isothermal ground
 * surface, by line sources and their mirror images (the "two-pipe
 * formula"): EN 13941-1:2019 clause on heat loss calculation; Bohm,
 * "On transient heat losses from buried district heating pipes", Int. J.
 * Energy Res. 24 (2000) 1311-1334; Minenergo-278 (RD 153-34.0-20.523-98)
 * Appendix 5.1. Valid for h well above the outer radius (ln(4h/d) exceeds
 * the exact single-cylinder arccosh(2h/d) by 0.3 % at h/d = 3, 0.8 % at
 * h/d = 2 and 5 % at h/d = 1) and for pipes far enough apart that each
 * sees a nearly uniform field from the other (line sources; the casings'
 * own field distortion is neglected).
 */
#include "pipe_internal.h"

#include <math.h>

double soil_resistance(double h_m, double d_m, double lambda_soil)
{
    /* R_s = ln(4 H / D) / (2 pi lambda_s), EN 13941 / Bohm (2000) eq. 2 */
    return log(4.0 * h_m / d_m) / (2.0 * M_PI * lambda_soil);
}

double soil_mutual_resistance(double h_m, double s_m, double lambda_soil)
{
    /* R_m = ln(1 + (2 H / E)^2) / (4 pi lambda_s), Bohm (2000); identical
     * to ln(sqrt(1 + (2z/s)^2)) / (2 pi lambda) of Minenergo-278 App. 5.1 */
    double x = 2.0 * h_m / s_m;
    return log1p(x * x) / (4.0 * M_PI * lambda_soil);
}

double soil_effective_depth(double h_m, double lambda_soil, double r0)
{
    /* H_eff = H + lambda_s R0, R0 = 0.0685 m2 K/W in EN 13941 */
    return h_m + lambda_soil * r0;
}

void pair_heat_flows(double r11, double r22, double r12, double dt1, double dt2,
                     double q[2])
{
    /* q1 = (R22 dT1 - R12 dT2) / (R11 R22 - R12^2), Minenergo-278 App. 5.1;
     * the same as U1, U2 of Bohm (2000) */
    double det = r11 * r22 - r12 * r12;
    q[0] = (r22 * dt1 - r12 * dt2) / det;
    q[1] = (r11 * dt2 - r12 * dt1) / det;
}
