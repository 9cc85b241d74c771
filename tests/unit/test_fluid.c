/*
 * test_fluid.c - the property tables the solvers use (src/network/
 * fluid.c) against direct IAPWS evaluation on a grid of temperatures and
 * pressures that district heating meets (0.5-339 C, 1-40 bar above
 * saturation): enthalpy, heat capacity, density and viscosity, and the
 * inverse T(h).
 */
#include "test_support.h"

#include "network/net.h"
#include "physics/water.h"

#include <math.h>

/* Largest errors over t_lo..t_hi (K): h (K of water), rho, mu, cp
 * (relative), T(h) (K). */
static void errors(const net_fluid *f, double t_lo, double t_hi,
                   double worst[5])
{
    water_state base;
    water_region1(273.15, f->p_ref_abs, &base);
    for (int k = 0; k < 5; k++)
        worst[k] = 0.0;
    for (double t = t_lo; t < t_hi; t += 0.37) {
        double ps = water_psat(t), pr = ps > f->p_ref_abs ? ps : f->p_ref_abs;
        for (double p = pr; p < pr + 40e5; p += 7.3e5) {
            water_state s;
            water_region1(t, p, &s);
            double e[5];
            e[1] = fabs(fluid_rho(f, t, p) / s.rho - 1.0);
            e[2] = fabs(fluid_mu(f, t, p) / water_viscosity(t, s.rho) - 1.0);
            if (p == pr) { /* h and cp are tabulated along the table path */
                water_state r;
                water_region1(t, pr * (ps > f->p_ref_abs ? 1.0 + 1e-9 : 1.0),
                              &r);
                e[0] = fabs(fluid_h(f, t) - (r.h - base.h)) / r.cp;
                e[3] = fabs(fluid_cp(f, t) / r.cp - 1.0);
                e[4] = fabs(fluid_t_from_h(f, fluid_h(f, t)) - t);
            } else {
                e[0] = e[3] = e[4] = 0.0;
            }
            for (int k = 0; k < 5; k++)
                worst[k] = fmax(worst[k], e[k]);
        }
    }
    printf("%3.0f-%3.0f C: h %.1e K, rho %.1e, mu %.1e, cp %.1e, T(h) "
           "%.1e K\n",
           t_lo - 273.15, t_hi - 273.15, worst[0], worst[1], worst[2], worst[3],
           worst[4]);
}

static void tables_match_iapws(void **state)
{
    (void)state;
    net_fluid f;
    assert_int_equal(fluid_init_iapws(&f, 101325.0 + 10e5, NULL), HL_OK);
    double w[5];
    errors(&f, 273.65, 453.15, w); /* district heating: 0-180 C */
    assert_true(w[0] < 1e-6);      /* enthalpy, in kelvin of water */
    assert_true(w[1] < 5e-5);      /* relative; linear in p over 40 bar */
    assert_true(w[2] < 1e-4);
    assert_true(w[3] < 1e-5);
    assert_true(w[4] < 1e-9);
    /* above 184 C the table follows the saturation line (region 1 needs
     * p >= psat): its kink costs accuracy there */
    errors(&f, 453.15, 612.0, w);
    assert_true(w[0] < 1e-3 && w[1] < 1e-2 && w[2] < 1e-2 && w[4] < 1e-9);
    fluid_free(&f);
}

static void constant_fluid(void **state)
{
    (void)state;
    net_fluid f;
    fluid_init_constant(&f, 943.1, 2.32e-4, 4250.0);
    assert_true(fluid_h(&f, 393.15) == 4250.0 * 120.0);
    assert_true(fabs(fluid_t_from_h(&f, 4250.0 * 120.0) - 393.15) < 1e-12);
    assert_true(fluid_rho(&f, 300.0, 5e5) == 943.1);
    fluid_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(tables_match_iapws),
                                       cmocka_unit_test(constant_fluid)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
