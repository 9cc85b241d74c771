/*
 * test_lab_reduce.c - the data reduction of one run (pipe, plate,
 * comparison) against hand formulas, the GUM uncertainty against the
 * analytic sensitivity coefficients, and the statistics helpers.
 */
#include "test_support.h"

#include "heatline.h"
#include "lab/lab_internal.h"

#include <math.h>
#include <string.h>

#define K(c) ((c) + HL_ZERO_C_K)

static void rel_close(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want))) {
        fprintf(stderr, "got %.12g, want %.12g (rel %.3g)\n", got, want,
                fabs(got / want - 1.0));
        fail();
    }
}

static hl_lab_input pipe_input(void)
{
    hl_lab_input in;
    memset(&in, 0, sizeof in);
    in.power_w = 24.9;
    in.length_m = 1.0;
    in.d_inner_m = 0.0889;
    in.thickness_m = 0.050;
    in.t_hot_k = K(100.0);
    in.t_cold_k = K(29.4);
    return in;
}

static void test_pipe_formula(void **state)
{
    (void)state;
    hl_lab_input in = pipe_input();
    hl_lab_value v;
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, NULL), HL_OK);
    double want = 24.9 * log(0.1889 / 0.0889) / (2.0 * M_PI * 70.6);
    rel_close(v.lambda, want, 1e-12);
    rel_close(v.t_mean_k, K(64.7), 1e-12);
    rel_close(v.heat_flow, 24.9, 1e-12);
    assert_true(v.u_lambda == 0.0); /* nothing stated, nothing propagated */
}

/* GUM eq. 10 with analytic sensitivities of the pipe formula. */
static void test_pipe_uncertainty(void **state)
{
    (void)state;
    hl_lab_input in = pipe_input();
    in.u_power_w = 0.1;
    in.u_length_m = 0.0005;
    in.u_thickness_m = 0.0005;
    in.u_t_hot_k = 0.1;
    in.u_t_cold_k = 0.2;
    hl_lab_value v;
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, NULL), HL_OK);
    double l = v.lambda, dt = 70.6, de = 0.1889, ln = log(de / 0.0889);
    double u2 = pow(l * 0.1 / 24.9, 2) + pow(l * 0.0005 / 1.0, 2) +
                pow(l * 2.0 / (de * ln) * 0.0005, 2) +
                pow(l / dt, 2) * (0.01 + 0.04);
    rel_close(v.u_lambda, sqrt(u2), 1e-6);
}

static void test_plate_formula_and_uncertainty(void **state)
{
    (void)state;
    hl_lab_input in;
    memset(&in, 0, sizeof in);
    in.heat_flux_w_m2 = 24.4;
    in.thickness_m = 0.025;
    in.t_hot_k = K(30.0);
    in.t_cold_k = K(10.0);
    in.u_heat_flux_w_m2 = 0.12;
    in.u_thickness_m = 5e-5;
    in.u_t_hot_k = in.u_t_cold_k = 0.05;
    hl_lab_value v;
    assert_int_equal(hl_lab_reduce(HL_LAB_PLATE, &in, 0, &v, NULL), HL_OK);
    double l = 24.4 * 0.025 / 20.0;
    rel_close(v.lambda, l, 1e-12);
    double u2 = pow(l * 0.12 / 24.4, 2) + pow(l * 5e-5 / 0.025, 2) +
                2.0 * pow(l * 0.05 / 20.0, 2);
    rel_close(v.u_lambda, sqrt(u2), 1e-6);
}

/* The comparison set-up takes its heat flow from the outer balance of the
 * surface engine: lambda = q De ln(De/Di) / (2 (Ti - Ts)). */
static void test_comparison_formula(void **state)
{
    (void)state;
    hl_lab_input in;
    memset(&in, 0, sizeof in);
    in.d_inner_m = 0.1143;
    in.thickness_m = 0.008;
    in.t_hot_k = K(110.0);
    in.t_cold_k = K(52.0);
    in.air_k = K(20.0);
    in.radiant_is_air = 1;
    in.emissivity = 0.9;
    for (int set = 0; set < 3; set++) {
        hl_outer_bc bc;
        lab_outer_bc(&in, set, &bc);
        double de = 0.1303, q = hl_outer_flux(&bc, in.t_cold_k, de);
        hl_lab_value v;
        assert_int_equal(hl_lab_reduce(HL_LAB_COMPARISON, &in, set, &v, NULL),
                         HL_OK);
        rel_close(v.lambda, q * de * log(de / 0.1143) / (2.0 * 58.0), 1e-12);
        assert_true(bc.radiant_k == in.air_k);
    }
}

/* A thin coating: the thickness dominates the uncertainty, and a relative
 * thickness error gives about the same relative lambda error
 * (validation-notes 7.1). */
static void test_thin_coating_thickness_dominates(void **state)
{
    (void)state;
    hl_lab_input in = pipe_input();
    in.thickness_m = 0.003;
    in.u_thickness_m = 0.0001;
    hl_lab_value v;
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, NULL), HL_OK);
    rel_close(v.u_lambda / v.lambda, 0.0001 / 0.003, 0.04);
}

static void test_rejects_bad_runs(void **state)
{
    (void)state;
    hl_lab_value v;
    hl_error err;
    hl_lab_input in = pipe_input();
    in.t_cold_k = in.t_hot_k;
    hl_error_clear(&err);
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "not above"));
    in = pipe_input();
    in.power_w = -1.0;
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, NULL), HL_EINVAL);
    in = pipe_input();
    in.thickness_m = 0.0;
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, NULL), HL_EINVAL);
}

/* Tabulated F(1, 10) and F(2, 20) 95 % points (Abramowitz & Stegun Table
 * 26.9) and chi-square 99 % points (Table 26.8). */
static void test_distributions(void **state)
{
    (void)state;
    rel_close(lab_f_upper(4.9646, 1, 10), 0.05, 1e-3);
    rel_close(lab_f_upper(3.4928, 2, 20), 0.05, 1e-3);
    rel_close(lab_f_upper(161.45, 1, 1), 0.05, 1e-3);
    rel_close(lab_chi2_quantile(0.99, 4), 13.277, 5e-3);
    rel_close(lab_chi2_quantile(0.99, 10), 23.209, 5e-3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_formula),
        cmocka_unit_test(test_pipe_uncertainty),
        cmocka_unit_test(test_plate_formula_and_uncertainty),
        cmocka_unit_test(test_comparison_formula),
        cmocka_unit_test(test_thin_coating_thickness_dominates),
        cmocka_unit_test(test_rejects_bad_runs),
        cmocka_unit_test(test_distributions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
