/* ground.c - undisturbed ground temperature at depth: Kusuda, T. and
 * Achenbach, P. R. (1965), "Earth temperature and thermal diffusivity at
 * selected stations in the United States", ASHRAE Trans. 71(1): the
 * periodic solution of 1-D conduction in a semi-infinite solid,
 *   T(z, t) = Tm - As exp(-z sqrt(pi / (365 a)))
 *                  cos(2 pi / 365 (t - t0 - z/2 sqrt(365 / (pi a))))
 * (a in m2/day, t and t0 in days). Written relative to a reference depth
 * z_ref at which mean, amplitude and day of minimum are known (z_ref = 0 is
 * the classical surface form); the damping and lag then apply to z - z_ref,
 * which is the same solution. */
#include "heatline.h"

#include <math.h>

#define YEAR_DAYS       365.0
#define SECONDS_PER_DAY 86400.0

/* Research notes 5.3 [A]: at the pipe axis (2.33 m, 1.4 m cover) mean
 * 8.5 C, amplitude 9 K, minimum about 1 March (day 60); soil lambda 1.5
 * W/(m K), rho c 2.0 MJ/(m3 K). */
void hl_kusuda_hohhot(hl_kusuda *k)
{
    k->mean_k = HL_ZERO_C_K + 8.5;
    k->amplitude_k = 9.0;
    k->min_day = 60.0;
    k->ref_depth_m = 2.33;
    k->diffusivity_m2_s = 1.5 / 2.0e6;
    k->depth_m = 2.33;
}

double hl_kusuda_temp_k(const hl_kusuda *k, double day)
{
    double a_day = k->diffusivity_m2_s * SECONDS_PER_DAY; /* m2/day */
    double dz = k->depth_m - k->ref_depth_m;
    double damping = exp(-dz * sqrt(M_PI / (YEAR_DAYS * a_day)));
    double lag_days = 0.5 * dz * sqrt(YEAR_DAYS / (M_PI * a_day));
    double phase = 2.0 * M_PI / YEAR_DAYS * (day - k->min_day - lag_days);
    return k->mean_k - k->amplitude_k * damping * cos(phase);
}
