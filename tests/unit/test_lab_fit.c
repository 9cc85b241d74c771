/*
 * test_lab_fit.c - runs synthesised from a known lambda(T) through the
 * forward engine (hl_surface_solve) and reduced again: recovered within
 * 0.5 % without noise (pipe, plate, comparison), and with instrument noise
 * the reported 2-sigma interval holds the truth about 95 % of the time
 * over many seeds (a binomial bound, not a single lucky seed).
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define K(c) ((c) + HL_ZERO_C_K)

/* ---- deterministic noise: splitmix64 + Box-Muller ---------------------- */

static uint64_t rng;

static uint64_t next_u64(void)
{
    uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double gauss(double sd)
{
    double u1 = ((next_u64() >> 11) + 0.5) / 9007199254740992.0;
    double u2 = ((next_u64() >> 11) + 0.5) / 9007199254740992.0;
    return sd * sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* ---- the known material -------------------------------------------------- */

static hl_conductivity truth(int quadratic)
{
    hl_conductivity lam;
    memset(&lam, 0, sizeof lam);
    lam.kind = HL_LAMBDA_POLY;
    lam.n = 1;
    lam.piece[0].ref_k = K(100.0);
    lam.piece[0].n_coef = quadratic ? 3 : 2;
    lam.piece[0].c[0] = 0.045;
    lam.piece[0].c[1] = 1.6e-4;
    lam.piece[0].c[2] = quadratic ? 6e-7 : 0.0;
    return lam;
}

static void forward(int shape, double t_in_c, double thick_m,
                    const hl_conductivity *lam, double eps, hl_surface_out *out)
{
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.shape = shape;
    in.diameter_m = 0.1143;
    in.inner_temp_k = K(t_in_c);
    in.outer.emissivity = eps;
    in.outer.geometry =
        shape == HL_SHAPE_FLAT ? HL_GEOM_VERTICAL_WALL : in.outer.geometry;
    in.n_layers = 1;
    in.layer[0].thickness_m = thick_m;
    in.layer[0].lambda = *lam;
    in.layer[0].t_min_k = in.layer[0].t_max_k = NAN;
    assert_int_equal(hl_surface_solve(&in, out, NULL), HL_OK);
}

/* A run of the given set-up made from the forward solution. */
static hl_lab_input run_of(int setup, double t_in_c, double thick_m,
                           const hl_conductivity *lam)
{
    hl_surface_out o;
    int shape = setup == HL_LAB_PLATE ? HL_SHAPE_FLAT : HL_SHAPE_PIPE;
    forward(shape, t_in_c, thick_m, lam, 0.9, &o);
    hl_lab_input in;
    memset(&in, 0, sizeof in);
    in.thickness_m = thick_m;
    in.t_hot_k = K(t_in_c);
    in.t_cold_k = o.surface_temp_k;
    in.d_inner_m = 0.1143;
    in.power_w = o.heat_flow * 2.0; /* a 2 m metered section */
    in.length_m = 2.0;
    in.heat_flux_w_m2 = o.heat_flux_w_m2;
    in.air_k = in.radiant_k = K(20.0);
    in.radiant_is_air = 1;
    in.emissivity = 0.9;
    return in;
}

static int make_points(int setup, const hl_conductivity *lam, hl_lab_point *pts)
{
    static const double temps[] = {60, 110, 160, 210, 260, 310};
    static const double thick[] = {0.03, 0.06};
    int n = 0;
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 2; j++) {
            hl_lab_input in = run_of(setup, temps[i], thick[j], lam);
            hl_lab_value v;
            assert_int_equal(hl_lab_reduce(setup, &in, 0, &v, NULL), HL_OK);
            pts[n] = (hl_lab_point){
                n + 2, v.t_mean_k, v.delta_t_k, v.lambda, 0.001 * v.lambda, 0,
                0,     0};
            n++;
        }
    return n;
}

static void recovered(int setup, int quadratic)
{
    hl_conductivity lam = truth(quadratic);
    hl_lab_point pts[16];
    int n = make_points(setup, &lam, pts);
    hl_lab_fit f;
    hl_lab_fit_options o = {0, 0.0, "synthetic", "known"};
    assert_int_equal(hl_lab_fit_lambda(pts, n, &o, &f, NULL), HL_OK);
    assert_int_equal(f.degree, quadratic ? 2 : 1);
    for (double t = f.t_min_k; t <= f.t_max_k; t += 5.0) {
        double want = hl_lambda_at(&lam, t);
        assert_true(fabs(hl_lab_fit_eval(&f, t, NULL) / want - 1.0) < 0.005);
    }
    /* the material row's curve is the fitted one */
    hl_conductivity back = hl_lab_fit_conductivity(&f);
    double mid = 0.5 * (f.t_min_k + f.t_max_k);
    assert_true(fabs(hl_lambda_at(&back, mid) / hl_lambda_at(&lam, mid) - 1) <
                0.005);
}

static void test_pipe_recovered(void **state)
{
    (void)state;
    recovered(HL_LAB_PIPE, 0);
    recovered(HL_LAB_PIPE, 1);
}

static void test_plate_recovered(void **state)
{
    (void)state;
    recovered(HL_LAB_PLATE, 0);
    recovered(HL_LAB_PLATE, 1);
}

/* The comparison set-up never sees the heat flow: it rebuilds it from the
 * same outer-surface balance the engine used. */
static void test_comparison_recovered(void **state)
{
    (void)state;
    recovered(HL_LAB_COMPARISON, 0);
    recovered(HL_LAB_COMPARISON, 1);
}

/* ---- coverage with noise ------------------------------------------------- */

#define SEEDS       400
#define U_POWER_REL 0.01
#define U_T_K       0.2
#define U_THICK_M   2e-4

static void noisy_point(const hl_conductivity *lam, double t_c, double thick_m,
                        hl_lab_point *p)
{
    hl_lab_input in = run_of(HL_LAB_PIPE, t_c, thick_m, lam);
    in.u_power_w = U_POWER_REL * in.power_w;
    in.u_t_hot_k = in.u_t_cold_k = U_T_K;
    in.u_thickness_m = U_THICK_M;
    in.power_w += gauss(in.u_power_w);
    in.t_hot_k += gauss(U_T_K);
    in.t_cold_k += gauss(U_T_K);
    in.thickness_m += gauss(U_THICK_M);
    hl_lab_value v;
    assert_int_equal(hl_lab_reduce(HL_LAB_PIPE, &in, 0, &v, NULL), HL_OK);
    *p = (hl_lab_point){0,          v.t_mean_k, v.delta_t_k, v.lambda,
                        v.u_lambda, 0,          0,           0};
}

static void test_noise_coverage(void **state)
{
    (void)state;
    static const double temps[] = {80, 130, 180, 230};
    hl_conductivity lam = truth(0);
    int inside = 0;
    double sum_z = 0.0;
    for (int seed = 0; seed < SEEDS; seed++) {
        rng = 0x5EEDull + (uint64_t)seed * 7919u;
        hl_lab_point pts[8];
        for (int i = 0; i < 8; i++)
            noisy_point(&lam, temps[i % 4], i < 4 ? 0.04 : 0.08, &pts[i]);
        hl_lab_fit f;
        hl_lab_fit_options o = {1, 0.0, "noisy", "known"};
        assert_int_equal(hl_lab_fit_lambda(pts, 8, &o, &f, NULL), HL_OK);
        double u, t = K(120.0);
        double z = (hl_lab_fit_eval(&f, t, &u) - hl_lambda_at(&lam, t)) / u;
        inside += fabs(z) <= 2.0;
        sum_z += z;
    }
    /* P(|z| <= 2) = 0.9545; binomial sd for 400 seeds 0.0104: accept
     * within 3.5 sd, and a mean z within 3.5 / sqrt(400) of zero. */
    double coverage = (double)inside / SEEDS;
    fprintf(stderr, "coverage of 2-sigma intervals: %.3f, mean z %.3f\n",
            coverage, sum_z / SEEDS);
    assert_true(fabs(coverage - 0.9545) < 3.5 * 0.0104);
    assert_true(fabs(sum_z / SEEDS) < 3.5 / sqrt(SEEDS));
}

/* An outlier is flagged, and a fit is never made from too few runs. */
static void test_outlier_and_too_few(void **state)
{
    (void)state;
    hl_conductivity lam = truth(0);
    hl_lab_point pts[16];
    int n = make_points(HL_LAB_PIPE, &lam, pts);
    for (int i = 0; i < n; i++)
        pts[i].lambda *= 1.0 + 0.002 * ((i * 7) % 5 - 2); /* +-0.4 % */
    pts[5].lambda *= 1.05;
    hl_lab_fit f;
    hl_lab_fit_options o = {1, 0.0, "runs.csv", "known"};
    assert_int_equal(hl_lab_fit_lambda(pts, n, &o, &f, NULL), HL_OK);
    assert_true(fabs(pts[5].studentised) > HL_LAB_OUTLIER_LIMIT);
    assert_true(f.n_outliers >= 1);
    hl_error err;
    hl_error_clear(&err);
    o.degree = 2;
    assert_int_equal(hl_lab_fit_lambda(pts, 3, &o, &f, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "runs.csv"));
    assert_non_null(strstr(err.message, "lines 2, 3, 4"));
    assert_non_null(strstr(err.message, "quadratic"));
}

/* Declared value: fit + 1.645 u rounded up to 0.001. */
static void test_declared_rounds_up(void **state)
{
    (void)state;
    hl_lab_fit f;
    memset(&f, 0, sizeof f);
    f.degree = 1;
    f.ref_k = K(50.0);
    f.c[0] = 0.0401;
    f.cov[0][0] = 0.0001 * 0.0001;
    double d = hl_lab_declared(&f, K(50.0)); /* 0.0401 + 0.0001645 */
    assert_true(fabs(d - 0.041) < 1e-12);
    f.c[0] = 0.039;
    f.cov[0][0] = 0.0;
    assert_true(fabs(hl_lab_declared(&f, K(50.0)) - 0.039) < 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_recovered),
        cmocka_unit_test(test_plate_recovered),
        cmocka_unit_test(test_comparison_recovered),
        cmocka_unit_test(test_noise_coverage),
        cmocka_unit_test(test_outlier_and_too_few),
        cmocka_unit_test(test_declared_rounds_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
