/*
 * test_operation.c - heat demand line, supply-temperature reset curve and
 * the economics (payback, NPV, coal, CO2) against hand arithmetic.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define C0 HL_ZERO_C_K

static void demand_line(void **state)
{
    (void)state;
    hl_operation op;
    hl_operation_hohhot(&op); /* 2.24 GW at -17 C, zero at +18 C */
    assert_true(fabs(hl_demand_w(&op, C0 - 17.0) - 2.24e9) < 1e-3);
    /* warm hours: the standby load, 1 % of the design load */
    assert_true(fabs(hl_demand_w(&op, C0 + 18.0) - 2.24e7) < 1e-6);
    assert_true(fabs(hl_demand_w(&op, C0 + 25.0) - 2.24e7) < 1e-6);
    assert_true(fabs(hl_demand_w(&op, C0 + 17.0) - 6.4e7) < 1e-3);
    op.standby_load_fraction = 0.0;
    assert_true(fabs(hl_demand_w(&op, C0 + 18.0)) < 1e-9);
    assert_true(fabs(hl_demand_w(&op, C0 + 25.0)) < 1e-9);
    op.standby_load_fraction = 1.0;
    assert_int_equal(hl_operation_check(&op, NULL), HL_EINVAL);
    op.standby_load_fraction = 0.01;
    /* halfway: +0.5 C -> 1.12 GW */
    assert_true(fabs(hl_demand_w(&op, C0 + 0.5) - 1.12e9) < 1e-3);
    /* colder than design: the line goes on (-24 C: 2.24 * 42/35) */
    assert_true(fabs(hl_demand_w(&op, C0 - 24.0) - 2.688e9) < 1e-3);
}

static void reset_curve(void **state)
{
    (void)state;
    hl_operation op;
    hl_operation_hohhot(&op);
    struct {
        double out_c, supply_c;
    } cases[] = {{-30, 130}, {-17, 130}, {-6, 110},
                 {5, 90},    {7.75, 85}, {20, 85}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_true(fabs(hl_supply_temp_k(&op, C0 + cases[i].out_c) -
                         (C0 + cases[i].supply_c)) < 1e-9);
    op.regulation = HL_REG_QUANTITY;
    assert_true(fabs(hl_supply_temp_k(&op, C0 + 0.0) - (C0 + 130)) < 1e-9);
    assert_int_equal(hl_operation_check(&op, NULL), HL_OK);
    op.balance_k = op.design_outdoor_k;
    assert_int_equal(hl_operation_check(&op, NULL), HL_EINVAL);
}

/* 1000 GJ saved at 25 CNY/GJ = 25,000 CNY/yr; 500 m2 at 100 CNY/m2 =
 * 50,000 CNY: payback 2 years; NPV at 8 % over 10 years = 25,000 *
 * (1 - 1.08^-10) / 0.08 - 50,000 = 25,000 * 6.710081 - 50,000 =
 * 117,752.03 CNY; coal 1000 * 0.03412 = 34.12 tce; CO2 110 t. */
static void economics_hand_case(void **state)
{
    (void)state;
    hl_economics e;
    hl_payback p;
    hl_economics_defaults(&e);
    e.heat_price_cny_per_gj = 25.0;
    e.discount_rate = 0.08;
    e.service_life_years = 10.0;
    hl_economics_evaluate(&e, 1000e9, 0.0, 100.0, 500.0, &p);
    assert_true(fabs(p.annual_saving_cny - 25000.0) < 1e-6);
    assert_true(fabs(p.simple_payback_years - 2.0) < 1e-12);
    assert_true(fabs(p.npv_cny - 117752.03) < 0.01);
    assert_true(fabs(p.coal_saved_tce - 34.12) < 1e-9);
    assert_true(fabs(p.co2_saved_t - 110.0) < 1e-9);
    e.discount_rate = 0.0;
    hl_economics_evaluate(&e, 1000e9, 3.6e9, 100.0, 500.0, &p); /* +1 MWh */
    assert_true(fabs(p.npv_cny -
                     (10 * (25000 + 1000 * e.elec_price_cny_per_kwh) - 50000)) <
                1e-6);
    hl_economics_evaluate(&e, -1e9, 0.0, 100.0, 500.0, &p);
    assert_true(isinf(p.simple_payback_years));
}

static void economics_checks(void **state)
{
    (void)state;
    hl_economics e;
    hl_error err;
    hl_economics_defaults(&e);
    assert_int_equal(hl_economics_check(&e, NULL), HL_OK);
    e.heat_price_cny_per_gj = -1.0;
    hl_error_clear(&err);
    assert_int_equal(hl_economics_check(&e, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "heat price"));
    hl_economics_defaults(&e);
    e.service_life_years = 0.0;
    assert_int_equal(hl_economics_check(&e, NULL), HL_EINVAL);
    hl_economics_defaults(&e);
    e.discount_rate = 8.0; /* percent typed as a fraction */
    assert_int_equal(hl_economics_check(&e, NULL), HL_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(demand_line),
        cmocka_unit_test(reset_curve),
        cmocka_unit_test(economics_hand_case),
        cmocka_unit_test(economics_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
