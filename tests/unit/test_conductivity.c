/*
 * test_conductivity.c - lambda(T): values, the exact Kirchhoff integral
 * against fine numerical quadrature, and its inverse (the closed form of
 * a linear lambda against the general iteration).
 */
#include "test_support.h"

#include "heatline.h"
#include "physics/physics.h"

#include <math.h>

static hl_conductivity parse(const char *model, const char *params)
{
    hl_conductivity lam;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_lambda_parse(model, params, &lam, &err), HL_OK);
    return lam;
}

/* Composite Simpson with many panels: an independent reference. */
static double simpson(const hl_conductivity *lam, double a, double b)
{
    int n = 20000;
    double h = (b - a) / n, s = hl_lambda_at(lam, a) + hl_lambda_at(lam, b);
    for (int i = 1; i < n; i++)
        s += (i % 2 ? 4.0 : 2.0) * hl_lambda_at(lam, a + i * h);
    return s * h / 3.0;
}

static void check_integral(const hl_conductivity *lam, double a_c, double b_c)
{
    double a = a_c + HL_ZERO_C_K, b = b_c + HL_ZERO_C_K;
    double exact = hl_lambda_integral(lam, a, b);
    /* breakpoints make Simpson only O(h^2) accurate there: 1e-7 relative */
    assert_double_equal(exact, simpson(lam, a, b), 1e-7 * fabs(exact));
    assert_double_equal(hl_lambda_integral(lam, b, a), -exact, 1e-15);
}

static void polynomial_pieces(void **state)
{
    (void)state;
    hl_conductivity rock =
        parse("poly", "ref_c=0;c=0.0337,1.51e-4 | from_c=100;ref_c=0;"
                      "c=0.0395,4.71e-5,5.03e-7");
    assert_double_equal(hl_lambda_at(&rock, HL_ZERO_C_K + 70), 0.04427, 1e-12);
    assert_double_equal(hl_lambda_at(&rock, HL_ZERO_C_K + 200), 0.069040,
                        1e-12);
    check_integral(&rock, 20, 80);
    check_integral(&rock, 20, 350);  /* across the break at 100 C */
    check_integral(&rock, 150, 400); /* second piece only */
}

static void table_and_constant(void **state)
{
    (void)state;
    hl_conductivity tab = parse("table", "25:0.065;100:0.07;350:0.11");
    assert_double_equal(hl_lambda_at(&tab, HL_ZERO_C_K + 0), 0.065, 1e-15);
    assert_double_equal(hl_lambda_at(&tab, HL_ZERO_C_K + 225), 0.09, 1e-12);
    assert_double_equal(hl_lambda_at(&tab, HL_ZERO_C_K + 500), 0.11, 1e-15);
    check_integral(&tab, 0, 500);
    check_integral(&tab, 30, 90);
    hl_conductivity k = hl_lambda_constant(0.04);
    assert_double_equal(hl_lambda_integral(&k, 300, 400), 4.0, 1e-12);
}

static void inverse_recovers_temperature(void **state)
{
    (void)state;
    const char *models[][2] = {
        {"poly", "ref_c=0;c=0.0479,1.0185e-4,0,9.65015e-11"},
        {"table", "25:0.065;350:0.11"},
        {"poly", "ref_c=70;c=0.044,2e-4 | from_c=400;ref_c=400;c=0.11,3.6e-4"},
        {"const", "0.035"}};
    for (int m = 0; m < 4; m++) {
        hl_conductivity lam = parse(models[m][0], models[m][1]);
        for (double t1 = 280; t1 < 900; t1 += 97)
            for (double t2 = 260; t2 < 950; t2 += 113) {
                double i = hl_lambda_integral(&lam, t1, t2);
                double back = lambda_integral_inverse(&lam, t1, i);
                assert_double_equal(back, t2, 1e-8);
            }
    }
}

/* A linear lambda (one piece, two coefficients) inverts in closed form;
 * the same lambda with a zero quadratic coefficient takes the general
 * Newton iteration: both give the same temperature, rising and falling
 * lambda, heat flowing either way. */
static void linear_closed_form(void **state)
{
    (void)state;
    const char *models[][2] = {
        {"ref_c=50;c=0.033,1.0e-4", /* aged PUR */
         "ref_c=50;c=0.033,1.0e-4,0"},
        {"ref_c=50;c=0.05,-1.0e-4", "ref_c=50;c=0.05,-1.0e-4,0"}};
    for (int m = 0; m < 2; m++) {
        hl_conductivity lin = parse("poly", models[m][0]);
        hl_conductivity quad = parse("poly", models[m][1]);
        assert_true(lambda_is_linear(&lin));
        assert_false(lambda_is_linear(&quad));
        for (double t1 = 265; t1 < 440; t1 += 23)
            for (double t2 = 262; t2 < 445; t2 += 19) {
                double i = hl_lambda_integral(&quad, t1, t2);
                double closed = lambda_integral_inverse(&lin, t1, i);
                assert_double_equal(closed, t2, 1e-9);
                assert_double_equal(
                    closed, lambda_integral_inverse(&quad, t1, i), 1e-9);
            }
    }
}

static void parse_errors(void **state)
{
    (void)state;
    const char *bad[][2] = {
        {"const", "abc"},     {"poly", "c="},
        {"poly", "ref_c=0"},  {"poly", "ref_c=0;c=1 | ref_c=0;c=2"},
        {"poly", "zz=1;c=1"}, {"table", "100:0.05;50:0.04"},
        {"table", "100"},     {"spline", "1"}};
    for (int i = 0; i < 8; i++) {
        hl_conductivity lam;
        hl_error err;
        hl_error_clear(&err);
        assert_int_equal(hl_lambda_parse(bad[i][0], bad[i][1], &lam, &err),
                         HL_EPARSE);
        assert_true(err.message[0] != '\0');
    }
}

static void format_round_trip(void **state)
{
    (void)state;
    const char *models[][2] = {{"poly",
                                "ref_c=0;c=0.0337,1.51e-4 | from_c=100;ref_c=0;"
                                "c=0.0395,4.71e-5,5.03e-7"},
                               {"table", "25:0.065;350:0.11"},
                               {"const", "0.035"}};
    for (int m = 0; m < 3; m++) {
        hl_conductivity a = parse(models[m][0], models[m][1]);
        char text[512];
        const char *model = hl_lambda_format(&a, text, sizeof text);
        hl_conductivity b = parse(model, text);
        for (double t = 250; t < 800; t += 10)
            assert_double_equal(hl_lambda_at(&a, t), hl_lambda_at(&b, t), 1e-9);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(polynomial_pieces),
        cmocka_unit_test(table_and_constant),
        cmocka_unit_test(inverse_recovers_temperature),
        cmocka_unit_test(linear_closed_form),
        cmocka_unit_test(parse_errors),
        cmocka_unit_test(format_round_trip)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
