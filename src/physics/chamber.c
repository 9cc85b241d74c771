/*
 * chamber.c - the envelope of a buried valve chamber: the conductances from
 * its air through the floor and the walls to the ground, and through the
 * roof and its soil cover to the outdoor air (docs/physics.md, "Chamber
 * air"). A closed concrete box of inner length L, width W and height H with
 * walls, floor and roof of thickness d, its roof z_r below grade:
 * - floor and walls: the heated-basement coefficients of ISO 13370:2017,
 *   clause 9.3 (eqs. for U_bf and U_bw), with the box's outer floor
 *   (B' = A / (0.5 P)), the depth z of its floor below grade and the walls'
 *   outer height; the far field at the ground temperature;
 * - roof: one-dimensional through the slab and the soil cover to the
 *   ground surface (R_se) and the outdoor air;
 * - inside surface resistances of ISO 6946:2017, Table 7 (0.10 up, 0.13
 *   horizontal, 0.17 down), outside 0.04 m2 K/W.
 * Valid for a box whose floor is below its plan's half width or so, as
 * ISO 13370 basements are (z up to a few metres, B' above 1 m).
 */
#include "physics.h"

#include <math.h>

#define R_SI_UP    0.10 /* m2 K/W, ISO 6946:2017 Table 7 */
#define R_SI_HORIZ 0.13
#define R_SI_DOWN  0.17
#define R_SE       0.04

/* ISO 13370:2017 9.3, floor of a heated basement, W/(m2 K). */
static double basement_floor_u(double lambda, double b, double dt, double z)
{
    double e = dt + 0.5 * z;
    if (e < b)
        return 2.0 * lambda / (M_PI * b + e) * log(M_PI * b / e + 1.0);
    return lambda / (0.457 * b + e);
}

/* ISO 13370:2017 9.3, walls of a heated basement, W/(m2 K). */
static double basement_wall_u(double lambda, double dt, double dw, double z)
{
    return 2.0 * lambda / (M_PI * z) * (1.0 + 0.5 * dt / (dt + z)) *
           log(z / dw + 1.0);
}

int chamber_envelope(const chamber_geometry *g, chamber_conductance *out)
{
    if (!(g->length_m > 0.0 && g->width_m > 0.0 && g->height_m > 0.0 &&
          g->wall_m > 0.0 && g->roof_depth_m >= 0.0 &&
          g->lambda_concrete > 0.0 && g->lambda_soil > 0.0))
        return -1;
    double d = g->wall_m, ls = g->lambda_soil, rc = d / g->lambda_concrete;
    double lo = g->length_m + 2.0 * d, wo = g->width_m + 2.0 * d;
    double ho = g->height_m + 2.0 * d;
    double area = lo * wo, perimeter = 2.0 * (lo + wo);
    double z = g->roof_depth_m + ho; /* floor's underside below grade */
    double dt = d + ls * (R_SI_DOWN + rc + R_SE);
    double dw = ls * (R_SI_HORIZ + rc + R_SE);
    double b = area / (0.5 * perimeter);
    out->floor_w_k = area * basement_floor_u(ls, b, dt, z);
    out->walls_w_k = perimeter * ho * basement_wall_u(ls, dt, dw, z);
    out->roof_w_k = area / (R_SI_UP + rc + g->roof_depth_m / ls + R_SE);
    out->volume_m3 = g->length_m * g->width_m * g->height_m;
    return 0;
}
