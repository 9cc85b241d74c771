/*
 * test_ground.c - Kusuda-Achenbach ground temperature against values
 * worked by hand (arithmetic in the comments), and the Hohhot defaults of
 * research notes 5.3.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>

#define C0 HL_ZERO_C_K

/* Surface form: mean 10 C, amplitude 12 K, minimum on day 35, soil
 * diffusivity 7.5e-7 m2/s = 0.0648 m2/day. */
static hl_kusuda surface_case(double depth)
{
    hl_kusuda k = {C0 + 10.0, 12.0, 35.0, 0.0, 7.5e-7, depth};
    return k;
}

static void surface_minimum(void **state)
{
    (void)state;
    hl_kusuda k = surface_case(0.0);
    assert_true(fabs(hl_kusuda_temp_k(&k, 35.0) - (C0 - 2.0)) < 1e-9);
    assert_true(fabs(hl_kusuda_temp_k(&k, 35.0 + 182.5) - (C0 + 22.0)) < 1e-9);
}

/* z = 2 m: sqrt(pi / (365 * 0.0648)) = 0.364453 1/m; damping
 * exp(-0.728906) = 0.482437; lag 0.5 * 2 * sqrt(365 / (pi * 0.0648)) =
 * 42.3432 days; at its minimum T = 10 - 12 * 0.482437 = 4.21076 C; on day
 * 100, T = 10 - 5.78924 cos(2 pi (100 - 35 - 42.3432) / 365) = 4.64552 C. */
static void damped_and_lagged(void **state)
{
    (void)state;
    hl_kusuda k = surface_case(2.0);
    assert_true(fabs(hl_kusuda_temp_k(&k, 35.0 + 42.3432309) - (C0 + 4.21076)) <
                1e-5);
    assert_true(fabs(hl_kusuda_temp_k(&k, 100.0) - (C0 + 4.64552)) < 1e-5);
    /* the minimum is where the lag puts it: a day either side is warmer */
    double t_min = hl_kusuda_temp_k(&k, 35.0 + 42.3432309);
    assert_true(hl_kusuda_temp_k(&k, 34.0 + 42.34) > t_min);
    assert_true(hl_kusuda_temp_k(&k, 36.0 + 42.34) > t_min);
}

/* Notes 5.3: at the axis (2.33 m) T = 8.5 - 9 cos(2 pi (d - 60) / 365):
 * -0.5 C on 1 March (day 60); 15 Oct (day 288): 8.5 + 9 * 0.70640 =
 * 14.8776 C. At 1.0 m (1.33 m shallower) the amplitude grows by
 * exp(1.33 * 0.364453) and the phase leads by 0.665 * 42.3432 days:
 * 12.8581 C on day 288. */
static void hohhot_defaults(void **state)
{
    (void)state;
    hl_kusuda k;
    hl_kusuda_hohhot(&k);
    assert_true(fabs(k.depth_m - 2.33) < 1e-12);
    assert_true(fabs(hl_kusuda_temp_k(&k, 60.0) - (C0 - 0.5)) < 1e-9);
    assert_true(fabs(hl_kusuda_temp_k(&k, 288.0) - (C0 + 14.87764)) < 1e-4);
    k.depth_m = 1.0;
    assert_true(fabs(hl_kusuda_temp_k(&k, 288.0) - (C0 + 12.85805)) < 1e-4);
}

/* Deep soil tends to the annual mean. */
static void deep_is_mean(void **state)
{
    (void)state;
    hl_kusuda k = surface_case(30.0);
    for (double d = 1; d < 365; d += 30)
        assert_true(fabs(hl_kusuda_temp_k(&k, d) - (C0 + 10.0)) < 1e-3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(surface_minimum),
        cmocka_unit_test(damped_and_lagged),
        cmocka_unit_test(hohhot_defaults),
        cmocka_unit_test(deep_is_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
