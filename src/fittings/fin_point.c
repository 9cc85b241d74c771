/*
 * fin_point.c - the surface temperature of a fin (patch_solve.c) as a
 * fixed point: the outer coefficient at a trial mean surface temperature
 * gives the fin's efficiency, heat and the surface temperature they imply.
 * The implied temperature falls as the trial rises (a warmer surface
 * loses more), so the root of implied - trial is unique and lies between
 * the coldest and hottest boundary temperatures.
 *
 * ISO 12241's convection coefficient jumps where the laminar form hands
 * over to the turbulent one (L^3 dT = 10 m3 K, eqs. 22-23). Near such a
 * jump the surface may have no temperature whose coefficient reproduces
 * it: every trial just below the jump implies one above, and the other way
 * round. The surface then sits at the jump with heat and efficiency
 * between those of its two sides, weighted by how far each side's implied
 * temperature overshoots, so that they reach either side's own solution
 * where it begins: the result is continuous in the medium temperature,
 * which a fixed number of passes (flipping between the sides) is not.
 */
#include "fittings_internal.h"

#include <math.h>

#define FIN_TOL_K  1e-9 /* surface temperature */
#define FIN_MAX_IT 200

static fin_point jump_point(const fin_point *lo, const fin_point *hi)
{
    double glo = lo->next - lo->x, ghi = hi->next - hi->x;
    double w = glo / (glo - ghi);
    fin_point r = *lo;
    r.x = r.next = 0.5 * (lo->x + hi->x);
    for (int i = 0; i < FIN_NV; i++)
        r.v[i] = lo->v[i] + w * (hi->v[i] - lo->v[i]);
    return r;
}

/* Secant steps (a fixed-point pass before two points are known) inside a
 * bracket that shrinks with every trial; bisection where a step leaves
 * it, or where two steps did not halve it (a secant creeping towards a
 * jump from one side). */
fin_point fin_fixed_point(fin_pass_fn pass, const void *ctx, double lo,
                          double hi, double x0)
{
    fin_point below = {.x = lo}, above = {.x = hi}, prev = {.x = x0};
    fin_point x = pass(ctx, x0);
    int have_below = 0, have_above = 0, have_prev = 0;
    double width = hi - lo;
    for (int it = 1; it <= FIN_MAX_IT; it++) {
        double g = x.next - x.x;
        if (fabs(g) <= FIN_TOL_K)
            return x;
        if (g > 0.0) {
            lo = x.x;
            below = x;
            have_below = 1;
        } else {
            hi = x.x;
            above = x;
            have_above = 1;
        }
        if (hi - lo <= FIN_TOL_K && have_below && have_above)
            return jump_point(&below, &above);
        double t = x.next;
        if (have_prev && g != prev.next - prev.x)
            t = x.x - g * (x.x - prev.x) / (g - (prev.next - prev.x));
        int slow = it % 2 == 0 && hi - lo > 0.5 * width;
        if (it % 2 == 0)
            width = hi - lo;
        if (slow || !(t > lo && t < hi))
            t = 0.5 * (lo + hi);
        prev = x;
        have_prev = 1;
        x = pass(ctx, t);
    }
    return x;
}
