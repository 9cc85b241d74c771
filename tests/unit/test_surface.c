/*
 * test_surface.c - the layered-surface solver: closed-form cases, the
 * conservation and monotonicity properties, inverse = forward, robustness
 * over a sweep of inputs, bad input, a surface on the jump of ISO 12241's
 * convection coefficient, and the sweep over process temperatures and the
 * prepared wall against one solve per temperature.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define K(c) ((c) + HL_ZERO_C_K)

static hl_surface_in pipe_in(double od_mm, double t_c, double air_c)
{
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.diameter_m = od_mm * 1e-3;
    in.inner_temp_k = K(t_c);
    in.outer.air_k = in.outer.radiant_k = K(air_c);
    return in;
}

static void add_layer(hl_surface_in *in, hl_conductivity lam, double mm)
{
    hl_layer *l = &in->layer[in->n_layers++];
    memset(l, 0, sizeof *l);
    l->lambda = lam;
    l->thickness_m = mm * 1e-3;
    l->t_min_k = l->t_max_k = NAN;
    strcpy(l->name, "test");
}

static hl_surface_out solve_ok(const hl_surface_in *in)
{
    hl_surface_out out;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_surface_solve(in, &out, &err);
    if (rc)
        fail_msg("solve failed: %s", err.message);
    return out;
}

static hl_conductivity poly(double a, double b, double c)
{
    hl_conductivity lam = hl_lambda_constant(a);
    lam.piece[0].ref_k = HL_ZERO_C_K;
    lam.piece[0].n_coef = 3;
    lam.piece[0].c[1] = b;
    lam.piece[0].c[2] = c;
    return lam;
}

static void closed_form_flat_sphere_film(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(0, 200, 20);
    in.shape = HL_SHAPE_FLAT;
    in.outer.h_total_fixed = 12.0;
    add_layer(&in, hl_lambda_constant(0.05), 50);
    hl_surface_out o = solve_ok(&in);
    assert_double_equal(o.heat_flow, 180.0 / (0.05 / 0.05 + 1.0 / 12.0), 1e-9);
    /* sphere r1 = 0.1, r2 = 0.15 */
    in.shape = HL_SHAPE_SPHERE;
    in.diameter_m = 0.2;
    o = solve_ok(&in);
    double r_cond = (1 / 0.1 - 1 / 0.15) / (4 * M_PI * 0.05);
    double r_out = 1.0 / (12.0 * 4 * M_PI * 0.15 * 0.15);
    assert_double_equal(o.heat_flow, 180.0 / (r_cond + r_out), 1e-9);
    /* pipe with an inner film coefficient: fluid at 200 C */
    in.shape = HL_SHAPE_PIPE;
    in.h_inner = 500.0;
    o = solve_ok(&in);
    double r = 1 / (500.0 * M_PI * 0.2) + log(0.3 / 0.2) / (2 * M_PI * 0.05) +
               1 / (12.0 * M_PI * 0.3);
    assert_double_equal(o.heat_flow, 180.0 / r, 1e-9);
    assert_double_equal(o.temp_k[0], K(200) - o.heat_flow / (500 * M_PI * 0.2),
                        1e-8);
}

/* Heat flow recomputed layer by layer from the reported temperatures. */
static void same_flow_every_layer(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(114.3, 350, 10);
    in.outer.wind_m_s = 3.0;
    add_layer(&in, poly(0.0479, 1.0185e-4, 0), 40);
    add_layer(&in, poly(0.0337, 1.51e-4, 2e-7), 60);
    add_layer(&in, hl_lambda_constant(200.0), 0.8);
    hl_surface_out o = solve_ok(&in);
    double r = 0.5 * in.diameter_m;
    for (int i = 0; i < in.n_layers; i++) {
        double r2 = r + in.layer[i].thickness_m;
        double g = 2 * M_PI / log(r2 / r);
        double q = g * hl_lambda_integral(&in.layer[i].lambda, o.temp_k[i + 1],
                                          o.temp_k[i]);
        assert_double_equal(q, o.heat_flow, 1e-9 * o.heat_flow);
        r = r2;
    }
    double outer = hl_outer_flux(&in.outer, o.surface_temp_k, 2 * r);
    assert_double_equal(outer * M_PI * 2 * r, o.heat_flow, 1e-9 * o.heat_flow);
    assert_double_equal(o.temp_k[0], in.inner_temp_k, 1e-8);
}

static double loss_at(hl_surface_in in, double mm)
{
    in.layer[0].thickness_m = mm * 1e-3;
    return solve_ok(&in).heat_flow;
}

/* The textbook wire (CRIT cases): loss rises up to the critical radius
 * lambda/h = 15 mm and falls beyond it. */
static void critical_radius(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(2, 50, 20);
    in.outer.h_total_fixed = 10.0;
    add_layer(&in, hl_lambda_constant(0.15), 1);
    double prev = loss_at(in, 0.0);
    for (double mm = 1; mm <= 14; mm += 1) {
        double q = loss_at(in, mm);
        assert_true(q > prev);
        prev = q;
    }
    assert_double_equal(loss_at(in, 14.0), 7.63, 0.005); /* r2 = 15 mm */
    for (double mm = 15; mm <= 200; mm += 5) {
        double q = loss_at(in, mm);
        assert_true(q < prev);
        prev = q;
    }
}

static void monotonic_beyond_critical(void **state)
{
    (void)state;
    const int sets[] = {HL_COEF_ISO12241, HL_COEF_ASTM_C680, HL_COEF_GB50264};
    for (int s = 0; s < 3; s++) {
        hl_surface_in in = pipe_in(1620, 130, -5);
        in.outer.set = sets[s];
        add_layer(&in, poly(0.0337, 1.51e-4, 0), 1);
        double prev = loss_at(in, 0.0);
        for (double mm = 0.5; mm < 400; mm *= 1.5) {
            double q = loss_at(in, mm);
            assert_true(q < prev);
            prev = q;
        }
    }
}

static void zero_thickness_is_bare(void **state)
{
    (void)state;
    hl_surface_in bare = pipe_in(273, 150, 20);
    hl_surface_in zero = bare;
    add_layer(&zero, hl_lambda_constant(0.04), 0.0);
    hl_surface_out a = solve_ok(&bare), b = solve_ok(&zero);
    assert_double_equal(a.heat_flow, b.heat_flow, 1e-12 * a.heat_flow);
    assert_double_equal(a.surface_temp_k, b.surface_temp_k, 1e-12);
    assert_double_equal(a.surface_temp_k, bare.inner_temp_k, 0);
}

static void heat_gain_and_radiant(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(60.3, 5, 30);
    add_layer(&in, hl_lambda_constant(0.035), 20);
    hl_surface_out o = solve_ok(&in);
    assert_true(o.heat_flow < 0);
    assert_true(o.surface_temp_k > K(5) && o.surface_temp_k < K(30));
    /* process at air temperature, cold sky: still loses heat by radiation */
    in = pipe_in(60.3, 20, 20);
    in.outer.radiant_k = K(-20);
    o = solve_ok(&in);
    assert_true(o.heat_flow > 0);
    /* all equal: nothing flows */
    in.outer.radiant_k = K(20);
    o = solve_ok(&in);
    assert_double_equal(o.heat_flow, 0.0, 1e-9);
}

static void inverse_matches_forward(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(1620, 110, 25);
    add_layer(&in, hl_lambda_constant(0.035), 1);
    in.outer.emissivity = 0.9;
    const int kinds[] = {HL_TARGET_SURFACE_TEMP, HL_TARGET_HEAT_FLOW,
                         HL_TARGET_HEAT_FLUX};
    const double values[] = {K(50), 1500.0, 300.0};
    for (int i = 0; i < 3; i++) {
        hl_thickness_target tg = {kinds[i], values[i], 0, 0};
        hl_surface_out o;
        hl_error err;
        hl_error_clear(&err);
        double t;
        assert_int_equal(hl_thickness_solve(&in, &tg, &t, &o, &err), HL_OK);
        hl_surface_in fwd = in;
        fwd.layer[0].thickness_m = t;
        hl_surface_out f = solve_ok(&fwd);
        double got = i == 0   ? f.surface_temp_k
                     : i == 1 ? f.heat_flow
                              : f.heat_flux_w_m2;
        assert_true(got <= values[i]);
        fwd.layer[0].thickness_m = t - 2e-7; /* just thinner misses it */
        f = solve_ok(&fwd);
        got = i == 0   ? f.surface_temp_k
              : i == 1 ? f.heat_flow
                       : f.heat_flux_w_m2;
        assert_true(got > values[i]);
    }
}

static void unreachable_target(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(100, 110, 25);
    add_layer(&in, hl_lambda_constant(0.035), 1);
    hl_thickness_target tg = {HL_TARGET_SURFACE_TEMP, K(24), 0, 0};
    hl_surface_out o;
    hl_error err;
    hl_error_clear(&err);
    double t;
    assert_int_equal(hl_thickness_solve(&in, &tg, &t, &o, &err),
                     HL_EUNREACHABLE);
    assert_non_null(strstr(err.message, "no thickness"));
}

/* n uniform numbers in [0, 1) from a 64-bit linear congruential state
 * (Knuth's MMIX constants), so the random cases repeat exactly. */
static void uniforms(unsigned long long *x, double *u, int n)
{
    for (int i = 0; i < n; i++) {
        *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
        u[i] = (double)(*x >> 11) / 9007199254740992.0;
    }
}

/* Shape and outer boundary of wall n of the random sweeps: every shape,
 * coefficient set and fitting geometry in turn, radiant temperature, wind
 * and emissivity from u[3..5]. */
static void random_outer(hl_surface_in *in, int n, const double *u)
{
    in->shape = n % 3;
    in->outer.set = (n / 3) % 3;
    in->outer.geometry = in->shape == HL_SHAPE_SPHERE ? HL_GEOM_SPHERE
                         : in->shape == HL_SHAPE_FLAT ? 2 + (n / 9) % 3
                                                      : (n / 9) % 2;
    in->outer.radiant_k = in->outer.air_k + 30 * (u[3] - 0.5);
    in->outer.wind_m_s = u[4] < 0.5 ? 0 : 20 * u[4];
    in->outer.emissivity = 0.05 + 0.95 * u[5];
}

/* A deterministic sweep over shapes, sets, temperatures and layers:
 * every solve converges to finite values inside the bracket. */
static void robustness_sweep(void **state)
{
    (void)state;
    unsigned long long x = 12345;
    for (int n = 0; n < 3000; n++) {
        double u[8];
        uniforms(&x, u, 8);
        hl_surface_in in =
            pipe_in(1 + 2000 * u[0], -40 + 700 * u[1], -40 + 80 * u[2]);
        random_outer(&in, n, u);
        for (int l = 0; l < (int)(4 * u[6]); l++)
            add_layer(&in, poly(0.03, 1e-4, 1e-7), 300 * u[7] / (l + 1));
        hl_surface_out o = solve_ok(&in);
        double lo =
            fmin(in.inner_temp_k, fmin(in.outer.air_k, in.outer.radiant_k));
        double hi =
            fmax(in.inner_temp_k, fmax(in.outer.air_k, in.outer.radiant_k));
        assert_true(isfinite(o.heat_flow) && isfinite(o.h_conv));
        assert_true(o.surface_temp_k >= lo - 1e-9 &&
                    o.surface_temp_k <= hi + 1e-9);
    }
}

static int solve_code(const hl_surface_in *in)
{
    hl_surface_out out;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_surface_solve(in, &out, &err);
    if (rc)
        assert_true(strlen(err.message) > 10);
    return rc;
}

static void bad_input(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(100, 100, 20);
    hl_surface_in b = in;
    b.outer.emissivity = 0;
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    b.inner_temp_k = -1;
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    b.outer.air_k = NAN;
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    b.diameter_m = 0;
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    add_layer(&b, hl_lambda_constant(0.04), -5);
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    add_layer(&b, hl_lambda_constant(-0.04), 5);
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    b.n_layers = HL_MAX_LAYERS + 1;
    assert_int_equal(solve_code(&b), HL_EINVAL);
    /* lambda(T) falling below zero inside 20..100 C (0 at 80 C): refused;
     * falling but positive there: solved (the samples are looked at) */
    b = in;
    add_layer(&b, poly(0.04, -5e-4, 0), 50);
    assert_int_equal(solve_code(&b), HL_EINVAL);
    b = in;
    add_layer(&b, poly(0.05, -1e-4, 0), 50);
    assert_int_equal(solve_code(&b), HL_OK);
    /* rising from its reference but NaN in a coefficient: refused */
    b = in;
    add_layer(&b, poly(0.04, 1e-4, NAN), 50);
    assert_int_equal(solve_code(&b), HL_EINVAL);
}

static void range_warning(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(100, 300, 20);
    add_layer(&in, hl_lambda_constant(0.03), 50);
    in.layer[0].t_min_k = K(-50);
    in.layer[0].t_max_k = K(140);
    hl_surface_out o = solve_ok(&in);
    assert_int_equal(o.warnings.count, 1);
    assert_non_null(strstr(o.warnings.text[0], "outside the valid range"));
}

/* ISO 12241's coefficient jumps from the laminar to the turbulent form at
 * D^3 dT = 10 m3 K (eqs. 22-23): a 1.68 m jacket surface at about 2.1 K
 * above the air sits on the jump over a range of process temperatures,
 * (49.0-49.7 C inside), where no surface temperature balances both sides.
 * The solve keeps the surface at the jump and reports the heat the layer
 * carries: the profile still starts at the process temperature, the heat
 * lies between the two one-sided outer fluxes (3.4 % apart), and it rises
 * steadily with the process temperature (no step of the jump's size). */
static void on_the_convection_jump(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(1620, 40, 25);
    add_layer(&in, hl_lambda_constant(0.02), 30);
    double q_prev = NAN, step_max = 0.0;
    double g_layer = 2 * M_PI / log(1680.0 / 1620.0);
    int on_jump = 0;
    for (int i = 0; i <= 2000; i++) {
        in.inner_temp_k = K(40.0 + 0.01 * i);
        hl_surface_out o = solve_ok(&in);
        double d = o.outer_diameter_m, ts = o.surface_temp_k;
        double lo = hl_outer_flux(&in.outer, ts - 1e-7, d) * M_PI * d;
        double hi = hl_outer_flux(&in.outer, ts + 1e-7, d) * M_PI * d;
        /* the solve's own tolerance on the process temperature, also as
         * the layer's balance (the residual lies there) */
        assert_double_equal(o.temp_k[0], in.inner_temp_k,
                            1e-10 * in.inner_temp_k);
        assert_double_equal(g_layer * 0.02 * (o.temp_k[0] - o.temp_k[1]),
                            o.heat_flow, g_layer * 0.02 * 1e-10 * o.temp_k[0]);
        assert_true(o.heat_flow >= fmin(lo, hi) - 1e-6 * o.heat_flow &&
                    o.heat_flow <= fmax(lo, hi) + 1e-6 * o.heat_flow);
        if (fabs(hi - lo) > 0.01 * o.heat_flow)
            on_jump++;
        if (i > 0) {
            assert_true(o.heat_flow > q_prev);
            step_max = fmax(step_max, (o.heat_flow - q_prev) / o.heat_flow);
        }
        q_prev = o.heat_flow;
    }
    assert_true(on_jump > 10);    /* the case does sit on the jump */
    assert_true(step_max < 2e-3); /* 0.01 K steps: no jump in the heat */
}

/* Largest difference between a sweep and one solve per temperature, as a
 * miss of the process temperature: both end with a miss of at most 1e-10
 * of it, and the surface temperature moves by at most the miss (the
 * residual's slope dMiss/dTs is at least 1), the heat flow by the miss
 * times dQ/dTin. */
static void sweep_matches(const hl_surface_in *in, const double *t, size_t n)
{
    double q[64], ts[64];
    hl_error err;
    hl_error_clear(&err);
    assert_true(n <= 64);
    if (hl_surface_solve_sweep(in, t, n, q, ts, &err))
        fail_msg("sweep failed: %s", err.message);
    hl_surface_in one = *in;
    for (size_t i = 0; i < n; i++) {
        one.inner_temp_k = t[i];
        hl_surface_out o = solve_ok(&one);
        double tol = 2e-10 * t[i];
        one.inner_temp_k = t[i] + 1.0; /* dQ/dTin by a 1 K difference */
        double dq = fabs(solve_ok(&one).heat_flow - o.heat_flow);
        assert_double_equal(ts[i], o.surface_temp_k, tol);
        assert_double_equal(q[i], o.heat_flow, 2.0 * tol * dq + 1e-300);
    }
}

/* Temperatures of a sweep: ascending steps, a jump back, and a few at
 * random (u[0..7]). */
static size_t sweep_temps(double *t, double base, double span, double *u,
                          int count)
{
    size_t n = 0;
    for (int i = 0; i < count; i++)
        t[n++] = base + span * i / count;
    for (int i = 0; i < 8; i++)
        t[n++] = base + span * u[i];
    return n;
}

/* Wall n of the random sweeps: every shape, coefficient set and geometry
 * in turn, the rest from u[0..11]; t_max_k > 0 states the layers' upper
 * range (their notes compared too). */
static hl_surface_in random_wall(int n, const double *u, double t_max_k)
{
    hl_surface_in in = pipe_in(1 + 2000 * u[0], 0, -40 + 80 * u[2]);
    random_outer(&in, n, u);
    in.h_inner = u[9] < 0.3 ? 50 + 2000 * u[10] : 0;
    for (int l = 0; l < (int)(4 * u[6]); l++) {
        add_layer(&in,
                  l % 2 ? hl_lambda_constant(0.04 + u[11])
                        : poly(0.03, 1e-4, 1e-7),
                  300 * u[7] / (l + 1));
        if (t_max_k > 0.0)
            in.layer[l].t_max_k = t_max_k;
    }
    return in;
}

static void sweep_equals_single(void **state)
{
    (void)state;
    unsigned long long x = 777;
    for (int n = 0; n < 300; n++) {
        double u[16];
        uniforms(&x, u, 16);
        hl_surface_in in = random_wall(n, u, 0.0);
        double t[40];
        size_t m = sweep_temps(t, K(-40 + 400 * u[1]), 300 * u[8], u + 8, 24);
        sweep_matches(&in, t, m);
    }
}

/* The jump case of on_the_convection_jump in one sweep. */
static void sweep_on_the_jump(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(1620, 40, 25);
    add_layer(&in, hl_lambda_constant(0.02), 30);
    double t[64];
    for (int i = 0; i < 64; i++)
        t[i] = K(48.8 + 0.02 * i);
    sweep_matches(&in, t, 64);
}

static void sweep_bad_input(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(100, 100, 20);
    add_layer(&in, poly(0.05, -1e-4, 0), 50); /* 0 at 500 C */
    double t[4] = {K(100), K(200), K(300), K(400)};
    sweep_matches(&in, t, 4); /* each solve checked on its own span */
    hl_error err;
    hl_error_clear(&err);
    t[2] = K(600);
    assert_int_equal(hl_surface_solve_sweep(&in, t, 4, NULL, NULL, &err),
                     HL_EINVAL);
    assert_non_null(strstr(err.message, "conductivity"));
    assert_non_null(strstr(err.message, "temperature 3 of the sweep"));
    hl_error_clear(&err);
    t[2] = NAN;
    assert_int_equal(hl_surface_solve_sweep(&in, t, 4, NULL, NULL, &err),
                     HL_EINVAL);
    assert_non_null(strstr(err.message, "temperature 3 of the sweep"));
    assert_int_equal(hl_surface_solve_sweep(&in, t, 0, NULL, NULL, NULL),
                     HL_OK);
}

/* A prepared wall gives what hl_surface_solve gives, bit for bit: the
 * walls and temperatures of sweep_equals_single. */
static void prepared_equals_single(void **state)
{
    (void)state;
    unsigned long long x = 778;
    hl_error err;
    hl_error_clear(&err);
    for (int n = 0; n < 300; n++) {
        double u[16];
        uniforms(&x, u, 16);
        hl_surface_in in = random_wall(n, u, K(150)); /* range notes too */
        hl_surface_wall *w;
        if (hl_surface_prepare(&in, &w, &err))
            fail_msg("prepare failed: %s", err.message);
        double t[40];
        size_t m = sweep_temps(t, K(-40 + 400 * u[1]), 300 * u[8], u + 8, 24);
        for (size_t i = 0; i < m; i++) {
            hl_surface_out a, b;
            in.inner_temp_k = t[i];
            a = solve_ok(&in);
            if (hl_surface_solve_prepared(w, t[i], &b, &err))
                fail_msg("prepared solve failed: %s", err.message);
            assert_memory_equal(&a.heat_flow, &b.heat_flow, sizeof(double));
            assert_memory_equal(&a.surface_temp_k, &b.surface_temp_k,
                                sizeof(double));
            assert_int_equal(a.n_temps, b.n_temps);
            assert_memory_equal(a.temp_k, b.temp_k,
                                sizeof(double) * (size_t)a.n_temps);
            assert_memory_equal(&a.h_conv, &b.h_conv, sizeof(double));
            assert_memory_equal(&a.h_rad, &b.h_rad, sizeof(double));
            assert_int_equal(a.iterations, b.iterations);
            assert_int_equal(a.warnings.count, b.warnings.count);
            if (a.warnings.count)
                assert_string_equal(a.warnings.text[0], b.warnings.text[0]);
        }
        hl_surface_wall_free(w);
    }
}

/* A bad wall is refused by the preparation, a bad process temperature or
 * a lambda that is not positive over a solve's span by that solve. */
static void prepared_bad_input(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(100, 100, 20);
    add_layer(&in, poly(0.05, -1e-4, 0), 50); /* 0 at 500 C */
    hl_surface_wall *w = NULL;
    hl_error err;
    hl_error_clear(&err);
    in.outer.emissivity = 0;
    assert_int_equal(hl_surface_prepare(&in, &w, &err), HL_EINVAL);
    assert_null(w);
    assert_non_null(strstr(err.message, "emissivity"));
    in.outer.emissivity = 0.9;
    hl_error_clear(&err);
    assert_int_equal(hl_surface_prepare(&in, &w, &err), HL_OK);
    hl_surface_out o;
    assert_int_equal(hl_surface_solve_prepared(w, K(300), &o, &err), HL_OK);
    assert_int_equal(hl_surface_solve_prepared(w, K(600), &o, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "conductivity"));
    hl_error_clear(&err);
    assert_int_equal(hl_surface_solve_prepared(w, NAN, &o, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "process temperature"));
    hl_surface_wall_free(w);
    hl_surface_wall_free(NULL);
}

/* A flat surface under a cylinder's or sphere's convection correlation
 * (no diameter: the coefficient was infinite, and so the heat flow) is
 * refused; with the convection fixed the geometry is not read. */
static void flat_round_geometry_refused(void **state)
{
    (void)state;
    hl_surface_in in = pipe_in(0, 200, 10);
    in.shape = HL_SHAPE_FLAT;
    in.outer.geometry = HL_GEOM_HORIZONTAL_CYLINDER;
    hl_surface_out out;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_surface_solve(&in, &out, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "flat surface"));
    in.outer.geometry = HL_GEOM_VERTICAL_WALL;
    out = solve_ok(&in);
    assert_true(isfinite(out.heat_flow) && out.heat_flow > 0.0);
    in.outer.geometry = HL_GEOM_SPHERE;
    in.outer.h_conv_fixed = 8.0;
    out = solve_ok(&in);
    assert_true(isfinite(out.heat_flow) && out.heat_flow > 0.0);
}

/* A cold pipe (-35 C inside, 1323 W/(m2 K) inner film) under catalogue
 * layers used far below their valid ranges: the march balanced the
 * process side with a layer at -1.2e29 C (a random wall of 200,000 that
 * did so); such a state is an error, never a result. */
static void unphysical_march_refused(void **state)
{
    (void)state;
    hl_material_db *db = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_material_db_new(&db, &err), HL_OK);
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.shape = HL_SHAPE_PIPE;
    in.outer.geometry = HL_GEOM_VERTICAL_CYLINDER;
    in.diameter_m = 0.81760035046699842;
    in.inner_temp_k = 237.88454941476181;
    in.h_inner = 1323.0712101621916;
    in.outer.air_k = 272.33133439003325;
    in.outer.radiant_k = 287.10155552202121;
    in.outer.emissivity = 0.85067755684629176;
    const char *name[3] = {"composite-silicate", "composite-silicate",
                           "pur-aged"};
    const double mm[3] = {2.9506204698723773, 196.97826706220806,
                          172.88830995428695};
    for (int i = 0; i < 3; i++) {
        const hl_material *m = hl_material_find(db, name[i]);
        assert_non_null(m);
        hl_layer_from_material(m, mm[i] * 1e-3, &in.layer[in.n_layers++]);
    }
    hl_surface_out out;
    int rc = hl_surface_solve(&in, &out, &err);
    if (rc == HL_OK) /* a physical root is fine; an absurd one is not */
        for (int i = 0; i < out.n_temps; i++)
            assert_true(out.temp_k[i] > 200.0 && out.temp_k[i] < 300.0);
    else {
        assert_int_equal(rc, HL_ENOCONVERGE);
        assert_non_null(strstr(err.message, "no physical solution"));
    }
    hl_material_db_free(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(closed_form_flat_sphere_film),
        cmocka_unit_test(same_flow_every_layer),
        cmocka_unit_test(critical_radius),
        cmocka_unit_test(monotonic_beyond_critical),
        cmocka_unit_test(zero_thickness_is_bare),
        cmocka_unit_test(heat_gain_and_radiant),
        cmocka_unit_test(inverse_matches_forward),
        cmocka_unit_test(unreachable_target),
        cmocka_unit_test(robustness_sweep),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(range_warning),
        cmocka_unit_test(on_the_convection_jump),
        cmocka_unit_test(sweep_equals_single),
        cmocka_unit_test(sweep_on_the_jump),
        cmocka_unit_test(sweep_bad_input),
        cmocka_unit_test(prepared_equals_single),
        cmocka_unit_test(prepared_bad_input),
        cmocka_unit_test(flat_round_geometry_refused),
        cmocka_unit_test(unphysical_march_refused)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
