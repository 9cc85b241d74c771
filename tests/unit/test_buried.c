/*
 * test_buried.c - properties of hl_pipe_thermal_solve for single pipes,
 * pairs and pipes in air: the matrix relation, symmetry, limits, signs,
 * lambda(T) by the Kirchhoff integral, the surface resistance, and the
 * error paths. Twin pipes are in test_twin.c.
 */
#include "test_support.h"

#include "heatline.h"
#include "physics/pipe_internal.h"

#include <math.h>
#include <string.h>

#define C(t) ((t) + HL_ZERO_C_K)

static void layer(hl_pipe_buildup *b, double thickness_m, hl_conductivity k)
{
    hl_layer *l = &b->layer[b->n_layers++];
    memset(l, 0, sizeof *l);
    l->thickness_m = thickness_m;
    l->lambda = k;
    l->t_min_k = l->t_max_k = NAN;
}

/* DN200-like build-up: 219.1 carrier, PUR to 346, PE casing 355. */
static void pre_insulated(hl_pipe_buildup *b, double lambda_ins)
{
    memset(b, 0, sizeof *b);
    b->carrier_od_m = 0.2191;
    layer(b, 0.5 * (0.346 - 0.2191), hl_lambda_constant(lambda_ins));
    layer(b, 0.5 * (0.355 - 0.346), hl_lambda_constant(0.43));
}

static hl_pipe_laying pair_laying(double spacing_m)
{
    hl_pipe_laying lay;
    hl_pipe_laying_init(&lay);
    lay.laying = HL_LAYING_PAIR;
    pre_insulated(&lay.pipe[0], 0.027);
    pre_insulated(&lay.pipe[1], 0.030);
    lay.lambda_soil = 1.4;
    lay.axis_depth_m = 1.2;
    lay.axis_spacing_m = spacing_m;
    return lay;
}

static hl_pipe_thermal solve_ok(const hl_pipe_laying *lay, double t1, double t2,
                                double t0)
{
    hl_pipe_thermal out;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_pipe_thermal_solve(lay, t1, t2, t0, &out, &err);
    if (rc)
        fprintf(stderr, "solve: %s\n", err.message);
    assert_int_equal(rc, HL_OK);
    return out;
}

/* (T1 - T0, T2 - T0) = R q must hold for the reported R and q. */
static void assert_relation(const hl_pipe_thermal *o, double dt1, double dt2)
{
    assert_true(fabs(o->r11 * o->q[0] + o->r12 * o->q[1] - dt1) <
                1e-9 * fmax(1.0, fabs(dt1)));
    if (o->r22 > 0.0)
        assert_true(fabs(o->r12 * o->q[0] + o->r22 * o->q[1] - dt2) <
                    1e-9 * fmax(1.0, fabs(dt2)));
}

static void relation_holds(void **state)
{
    (void)state;
    hl_pipe_laying lay = pair_laying(0.6);
    hl_pipe_thermal o = solve_ok(&lay, C(120), C(60), C(8));
    assert_relation(&o, 112, 52);
    assert_true(o.q[0] > o.q[1] && o.q[1] > 0.0);
    /* r11 is insulation + soil; the soil share is ln(4H/D)/(2 pi lambda) */
    double r_soil = log(4.0 * 1.2 / 0.355) / (2.0 * M_PI * 1.4);
    assert_true(fabs(o.r_outside[0] - r_soil) < 1e-12);
    assert_true(fabs(o.r11 - o.r_insulation[0] - r_soil) < 1e-12);
    double r_ins = log(0.346 / 0.2191) / (2 * M_PI * 0.027) +
                   log(0.355 / 0.346) / (2 * M_PI * 0.43);
    assert_true(fabs(o.r_insulation[0] - r_ins) < 1e-12);
    assert_true(fabs(o.r_layer[0][0] + o.r_layer[0][1] - r_ins) < 1e-12);
}

static void mutual_vanishes_with_spacing(void **state)
{
    (void)state;
    double last = INFINITY;
    for (double s = 0.4; s < 2e4; s *= 3.0) {
        hl_pipe_laying lay = pair_laying(s);
        hl_pipe_thermal o = solve_ok(&lay, C(110), C(50), C(5));
        assert_true(o.r12 > 0.0 && o.r12 < last);
        last = o.r12;
    }
    assert_true(last < 1e-7);
    /* far apart, each pipe is a single pipe */
    hl_pipe_laying far = pair_laying(1e5), one = pair_laying(1e5);
    one.laying = HL_LAYING_SINGLE;
    hl_pipe_thermal a = solve_ok(&far, C(110), C(50), C(5));
    hl_pipe_thermal b = solve_ok(&one, C(110), C(50), C(5));
    assert_true(fabs(a.q[0] / b.q[0] - 1.0) < 1e-8);
    assert_true(b.r12 == 0.0 && b.r22 == 0.0 && b.q[1] == 0.0);
}

/* Equal temperatures: q = dT / (R_single + R_mirror), with the mutual
 * term of Minenergo-278 App. 5.1 written as ln sqrt(1 + (2z/s)^2). */
static void equal_temps_is_single_with_mirror(void **state)
{
    (void)state;
    hl_pipe_laying lay = pair_laying(0.7);
    pre_insulated(&lay.pipe[1], 0.027);
    hl_pipe_thermal p = solve_ok(&lay, C(90), C(90), C(10));
    lay.laying = HL_LAYING_SINGLE;
    hl_pipe_thermal s = solve_ok(&lay, C(90), C(90), C(10));
    double x = 2.0 * 1.2 / 0.7;
    double r_m = log(sqrt(1.0 + x * x)) / (2.0 * M_PI * 1.4);
    assert_true(fabs(p.q[0] - 80.0 / (s.r11 + r_m)) < 1e-10);
    assert_true(fabs(p.q[0] - p.q[1]) < 1e-12);
    assert_true(p.q[0] < s.q[0]); /* the warm neighbour shields */
}

static void swap_symmetry(void **state)
{
    (void)state;
    hl_pipe_laying a = pair_laying(0.65), b = a;
    b.pipe[0] = a.pipe[1];
    b.pipe[1] = a.pipe[0];
    hl_pipe_thermal oa = solve_ok(&a, C(115), C(55), C(7));
    hl_pipe_thermal ob = solve_ok(&b, C(55), C(115), C(7));
    assert_true(fabs(oa.r12 - ob.r12) < 1e-15);
    assert_true(fabs(oa.r11 - ob.r22) < 1e-15);
    assert_true(fabs(oa.q[0] - ob.q[1]) < 1e-10);
    assert_true(fabs(oa.q[1] - ob.q[0]) < 1e-10);
    /* equal build-ups: swapping the temperatures swaps the losses */
    pre_insulated(&a.pipe[1], 0.027);
    hl_pipe_thermal s1 = solve_ok(&a, C(115), C(55), C(7));
    hl_pipe_thermal s2 = solve_ok(&a, C(55), C(115), C(7));
    assert_true(fabs(s1.q[0] - s2.q[1]) < 1e-10);
    assert_true(fabs(s1.q[1] - s2.q[0]) < 1e-10);
}

static void energy_signs(void **state)
{
    (void)state;
    hl_pipe_laying lay = pair_laying(0.6);
    hl_pipe_thermal cold = solve_ok(&lay, C(6), C(8), C(12));
    assert_true(cold.q[0] < 0.0 && cold.q[1] < 0.0); /* heat gain */
    assert_relation(&cold, -6, -4);
    /* a return just above the ground gains heat from a hot supply */
    hl_pipe_thermal mixed = solve_ok(&lay, C(130), C(12), C(10));
    assert_true(mixed.q[0] > 0.0 && mixed.q[1] < 0.0);
    hl_pipe_thermal zero = solve_ok(&lay, C(10), C(10), C(10));
    assert_true(zero.q[0] == 0.0 && zero.q[1] == 0.0);
}

static void surface_resistance_deepens(void **state)
{
    (void)state;
    hl_pipe_laying a = pair_laying(0.6), b = a;
    a.surface_resistance = 0.0685; /* EN 13941 */
    b.axis_depth_m += 1.4 * 0.0685;
    hl_pipe_thermal oa = solve_ok(&a, C(110), C(60), C(5));
    hl_pipe_thermal ob = solve_ok(&b, C(110), C(60), C(5));
    assert_true(fabs(oa.q[0] - ob.q[0]) < 1e-12);
    assert_true(fabs(oa.r12 - ob.r12) < 1e-15);
    hl_pipe_laying c = pair_laying(0.6);
    hl_pipe_thermal oc = solve_ok(&c, C(110), C(60), C(5));
    assert_true(oa.q[0] < oc.q[0]);
}

/* lambda(T) = a + b (T - ref) is exact at the layer's mean temperature;
 * a quadratic is exact at its Kirchhoff mean, not at the mean. */
static hl_conductivity quadratic(double a, double b, double c)
{
    hl_conductivity k = hl_lambda_constant(a);
    k.piece[0].ref_k = C(0);
    k.piece[0].n_coef = 3;
    k.piece[0].c[1] = b;
    k.piece[0].c[2] = c;
    return k;
}

static void lambda_t_matches_kirchhoff_mean(void **state)
{
    (void)state;
    hl_pipe_laying lay;
    hl_pipe_laying_init(&lay);
    lay.pipe[0].carrier_od_m = 0.1143;
    hl_conductivity lin = quadratic(0.0337, 1.51e-4, 0.0); /* rock wool */
    layer(&lay.pipe[0], 0.08, lin);
    lay.axis_depth_m = 1.0;
    hl_pipe_thermal o = solve_ok(&lay, C(250), 0, C(10));
    assert_true(o.iterations > 1);
    assert_relation(&o, 240, 0);
    double tm = 0.5 * (o.t_layer_k[0][0] + o.t_layer_k[0][1]);
    hl_pipe_laying k = lay;
    k.pipe[0].layer[0].lambda = hl_lambda_constant(hl_lambda_at(&lin, tm));
    hl_pipe_thermal ok = solve_ok(&k, C(250), 0, C(10));
    assert_true(fabs(o.q[0] / ok.q[0] - 1.0) < 1e-9);
    /* quadratic: the same q as the constant Kirchhoff mean */
    lay.pipe[0].layer[0].lambda = quadratic(0.03, 1e-4, 5e-7);
    o = solve_ok(&lay, C(250), 0, C(10));
    double t0 = o.t_layer_k[0][0], t1 = o.t_layer_k[0][1];
    const hl_conductivity *q = &lay.pipe[0].layer[0].lambda;
    double lm = hl_lambda_integral(q, t1, t0) / (t0 - t1);
    double g = log((0.1143 + 0.16) / 0.1143) / (2.0 * M_PI);
    assert_true(fabs(o.q[0] * g / lm - (t0 - t1)) < 1e-7);
    k.pipe[0].layer[0].lambda = hl_lambda_constant(lm);
    ok = solve_ok(&k, C(250), 0, C(10));
    assert_true(fabs(o.q[0] / ok.q[0] - 1.0) < 1e-9);
    double lmid = hl_lambda_at(q, 0.5 * (t0 + t1));
    assert_true(fabs(lm / lmid - 1.0) > 1e-3); /* the mean would be off */
}

static void overhead_pair_is_uncoupled(void **state)
{
    (void)state;
    hl_pipe_laying lay;
    hl_pipe_laying_init(&lay);
    lay.laying = HL_LAYING_OVERHEAD;
    for (int k = 0; k < 2; k++) {
        lay.pipe[k].carrier_od_m = 0.25;
        layer(&lay.pipe[k], 0.1, hl_lambda_constant(k ? 0.07 : 0.09));
    }
    lay.air.h_total_fixed = 26.0;
    hl_pipe_thermal a = solve_ok(&lay, C(110), C(60), C(5));
    hl_pipe_thermal b = solve_ok(&lay, C(110), C(20), C(5));
    assert_true(a.r12 == 0.0 && fabs(a.q[0] - b.q[0]) < 1e-9);
    /* Minenergo-278 App. 5.1: q = pi dT / (ln(D/d) / (2 lambda) +
     * 1 / (alpha D)) */
    double q = M_PI * 105.0 / (log(0.45 / 0.25) / (2 * 0.09) + 1 / (26 * 0.45));
    assert_true(fabs(a.q[0] / q - 1.0) < 1e-9);
    assert_relation(&a, 105, 55);
    /* one pipe in still air with computed coefficients: a heat gain when
     * colder than the air */
    lay.pipe[1].carrier_od_m = 0.0;
    lay.air.h_total_fixed = 0.0;
    hl_pipe_thermal c = solve_ok(&lay, C(-5), NAN, C(20));
    assert_true(c.q[0] < 0.0 && c.r22 == 0.0);
    assert_true(c.t_surface_k[0] > C(-5) && c.t_surface_k[0] < C(20));
}

static void expect_einval(const hl_pipe_laying *lay, const char *needle)
{
    hl_pipe_thermal out;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_pipe_thermal_solve(lay, C(100), C(50), C(10), &out, &err);
    if (rc != HL_EINVAL || !strstr(err.message, needle))
        fprintf(stderr, "rc %d, message '%s', expected '%s'\n", rc, err.message,
                needle);
    assert_int_equal(rc, HL_EINVAL);
    assert_non_null(strstr(err.message, needle));
}

static void bad_input_is_named(void **state)
{
    (void)state;
    hl_pipe_laying lay = pair_laying(0.3); /* casings 355 mm: overlap */
    expect_einval(&lay, "axis spacing");
    lay = pair_laying(0.6);
    lay.axis_depth_m = 0.1;
    expect_einval(&lay, "axis depth");
    lay = pair_laying(0.6);
    lay.lambda_soil = -1.0;
    expect_einval(&lay, "soil conductivity");
    lay = pair_laying(0.6);
    lay.pipe[1].layer[0].lambda = hl_lambda_constant(-0.03);
    expect_einval(&lay, "return pipe layer 1");
    lay = pair_laying(0.6);
    lay.pipe[0].carrier_od_m = NAN;
    expect_einval(&lay, "carrier outer diameter");
    lay = pair_laying(0.6);
    lay.surface_resistance = INFINITY;
    expect_einval(&lay, "ground-surface resistance");
    lay = pair_laying(0.6);
    hl_pipe_thermal out;
    assert_int_equal(hl_pipe_thermal_solve(&lay, NAN, C(50), C(10), &out, NULL),
                     HL_EINVAL);
    lay.laying = 9;
    expect_einval(&lay, "laying 9");
}

static void names_round_trip(void **state)
{
    (void)state;
    for (int i = HL_LAYING_SINGLE; i <= HL_LAYING_DUCT; i++)
        assert_int_equal(hl_laying_from_name(hl_laying_name(i)), i);
    assert_int_equal(hl_laying_from_name("tunnel"), -1);
    assert_null(hl_laying_name(7));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(relation_holds),
        cmocka_unit_test(mutual_vanishes_with_spacing),
        cmocka_unit_test(equal_temps_is_single_with_mirror),
        cmocka_unit_test(swap_symmetry),
        cmocka_unit_test(energy_signs),
        cmocka_unit_test(surface_resistance_deepens),
        cmocka_unit_test(lambda_t_matches_kirchhoff_mean),
        cmocka_unit_test(overhead_pair_is_uncoupled),
        cmocka_unit_test(bad_input_is_named),
        cmocka_unit_test(names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
