/*
 * test_transient_physics.c - wave speed, bulk modulus, vapour pressure and
 * the Joukowsky head (src/physics/transient.c) against published values.
 */
#include "test_support.h"

#include "physics/transient.h"

#include <math.h>

/* Speed of sound in water at 20 C, 0.1 MPa: 1482.3 m/s (IAPWS-95; Wagner
 * and Pruss 2002, table of the release); IF97 region 1 reproduces it. A
 * rigid pipe (c1 = 0) carries the wave at that speed. */
static void rigid_pipe_speed_of_sound(void **state)
{
    (void)state;
    double rho, k = transient_water_bulk(293.15, 0.1e6, &rho);
    assert_double_equal(rho, 998.2, 0.1);
    double a = transient_wave_speed(k, rho, 0.5, 0.01, 206e9, 0.0);
    assert_double_equal(a, 1482.3, 2.0);
}

/* Vapour pressure at 130 C: 270.28 kPa (IAPWS-IF97 region 4; steam
 * tables); the 2.7 bar(a). */
static void vapour_pressure_130c(void **state)
{
    (void)state;
    assert_double_equal(transient_vapour_pressure(403.15), 270.28e3, 30.0);
}

/* The default line's DN1600 steel (ID 1.58 m, wall 20 mm, E 206 GPa,
 * nu 0.3, anchored) at 130 C and 20 bar(g): within the 1000-1150 m/s that
 * the design notes give for such lines; walls make it slower than in
 * water alone, thinner walls slower still, expansion joints slowest. */
static void dn1600_steel_at_130c(void **state)
{
    (void)state;
    double rho, k = transient_water_bulk(403.15, 2.1e6, &rho);
    double c1 = transient_restraint_c1(RESTRAINT_ANCHORED, 0.3);
    assert_double_equal(c1, 0.91, 1e-12);
    double a = transient_wave_speed(k, rho, 1.58, 0.020, 206e9, c1);
    assert_true(a > 1000.0 && a < 1150.0);
    assert_true(transient_wave_speed(k, rho, 1.58, 0.012, 206e9, c1) < a);
    assert_true(transient_wave_speed(k, rho, 1.58, 0.020, 206e9, 1.0) < a);
    assert_true(a < sqrt(k / rho));
}

static void bad_inputs_are_nan(void **state)
{
    (void)state;
    assert_true(isnan(transient_wave_speed(2e9, 1000, 1.0, 0.0, 206e9, 1)));
    assert_true(isnan(transient_wave_speed(-1, 1000, 1.0, 0.01, 206e9, 1)));
    assert_true(isnan(transient_water_bulk(700.0, 1e5, NULL)));
}

/* Joukowsky: 1200 m/s, 1 m/s, g 9.81: 122.32 m (the shared case (i)). */
static void joukowsky(void **state)
{
    (void)state;
    assert_double_equal(transient_joukowsky_head(1200.0, 1.0, 9.81), 122.324,
                        1e-3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rigid_pipe_speed_of_sound),
        cmocka_unit_test(vapour_pressure_130c),
        cmocka_unit_test(dn1600_steel_at_130c),
        cmocka_unit_test(bad_inputs_are_nan),
        cmocka_unit_test(joukowsky),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
