/*
 * test_surge_pump4q.c - the four-quadrant pump of the surge engine
 * (src/surge/moc_pump4q.c) against hand-checked cases, on a line
 * reservoir - pump - pipe - reservoir with Suter tables sampled (5 degree
 * steps) from a homologous test pump
 *   h = 1.3 a^2 - 0.3 v|v|,  b = 0.5 a|a| + 0.8 a v - 0.3 v|v|
 * (through the rated point h = b = 1 at a = v = 1; not a published pump:
 * the cases check the engine's algebra, the curves are the input):
 * - run-down with a discharge check valve and no lift: speed and flow
 *   against a rigid-column integration (RK4) of the same pump and line;
 * - with a static lift and no check valve: the flow reverses, the pump
 *   spins backwards and settles at runaway: WB(x_r) = 0 in the turbine
 *   zone and the head H_s + R Q|Q|, in closed form;
 * - with a check valve and a lift: the flow never reverses, and once shut
 *   the speed follows a' = -WB(pi) a^2 / t_m in closed form;
 * and on the model path (tests/data/surge/pump_lift.yaml, the same pump as
 * transient: pumps suter_wh / suter_wb): a trip without a check valve
 * turns the pump backwards, with one it stops forward; the new keys'
 * errors name file:line.
 */
#include "test_support.h"

#include "heatline.h"
#include "surge/moc.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_SUTER 72
#define G       9.81
#define RHO     1000.0
#define LEN     200.0
#define DIAM    0.3
#define WAVE    1000.0
#define Q0      0.1
#define DT      0.01

static double test_h(double a, double v)
{
    return 1.3 * a * a - 0.3 * v * fabs(v);
}

static double test_b(double a, double v)
{
    return 0.5 * a * fabs(a) + 0.8 * a * v - 0.3 * v * fabs(v);
}

/* Suter value of a homologous function at x (a^2 + v^2 = 1). */
static double suter_of(double (*f)(double, double), double x)
{
    return f(cos(x - M_PI), sin(x - M_PI));
}

static double *table(double (*f)(double, double))
{
    double *w = malloc(sizeof(double) * N_SUTER);
    assert_non_null(w);
    for (int i = 0; i < N_SUTER; i++)
        w[i] = suter_of(f, 2.0 * M_PI * i / N_SUTER);
    return w;
}

typedef struct line {
    surge_net *s;
    double area, r; /* m2; friction head R Q|Q| of the pipe, s2/m5 */
    double hr;      /* rated head, m */
} line;

/* Upstream tank (head 50 m) - pump - pipe - downstream tank (50 + lift). */
static line build(double lift, double f, double tm, int check)
{
    line l;
    surge_net *s = surge_net_new(3, 1, 1);
    assert_non_null(s);
    l.s = s;
    l.area = M_PI * DIAM * DIAM / 4.0;
    l.r = f * LEN / (2.0 * G * DIAM * l.area * l.area);
    l.hr = lift + l.r * Q0 * Q0;
    s->g = G;
    s->nd_fixed_p[0] = 50.0 * RHO * G;
    s->nd_fixed_p[2] = (50.0 + lift) * RHO * G;
    s->nd_p[0] = s->nd_fixed_p[0];
    s->nd_p[2] = s->nd_fixed_p[2];
    s->nd_p[1] = (50.0 + l.hr) * RHO * G;
    s->pp_from[0] = 1;
    s->pp_to[0] = 2;
    s->pp_len[0] = LEN;
    s->pp_d[0] = DIAM;
    s->pp_area[0] = l.area;
    s->pp_a[0] = WAVE;
    s->pp_f[0] = f;
    s->pp_rho[0] = RHO;
    s->pp_q0[0] = Q0;
    s->dv_kind[0] = DEV_PUMP;
    s->dv_from[0] = 0;
    s->dv_to[0] = 1;
    s->dv_rho[0] = RHO;
    s->dv_m[0] = RHO * Q0;
    s->dv_trip[0] = 0.0;
    surge_pump4q *p = &s->p4q[0];
    p->n = N_SUTER;
    p->wh = table(test_h);
    p->wb = table(test_b);
    p->hr = l.hr;
    p->qr = Q0;
    p->tm = tm;
    p->alpha = p->alpha_min = 1.0;
    p->beta = 1.0;
    p->v_min = 1.0;
    p->check = (signed char)check;
    hl_error err = {0};
    assert_int_equal(surge_grid(s, 0.0, DT, &err), HL_OK);
    assert_int_equal(surge_init(s, &err), HL_OK);
    return l;
}

static double flow(const line *l)
{
    return l->s->dv_m[0] / RHO;
}

/* The tables reproduce the test pump where it is sampled, and the rated
 * point (the engine starts from the steady state). */
static void tables_at_rated_point(void **state)
{
    (void)state;
    double *wh = table(test_h), *wb = table(test_b), da, dv;
    assert_double_equal(surge_homologous(wh, N_SUTER, 1.0, 1.0, &da, &dv), 1.0,
                        1e-12);
    assert_double_equal(surge_homologous(wb, N_SUTER, 1.0, 1.0, &da, &dv), 1.0,
                        1e-12);
    /* shut-off: x = pi is a table point */
    assert_double_equal(surge_homologous(wh, N_SUTER, 0.7, 0.0, &da, &dv),
                        1.3 * 0.49, 1e-12);
    free(wh);
    free(wb);
}

/* Rigid column: (L / gA) dQ/dt = H_R h(a, v) - lift - R Q|Q|,
 * da/dt = -b(a, v) / t_m, with the same tables. */
typedef struct rigid {
    const double *wh, *wb;
    double hr, lift, r, area, tm;
} rigid;

static void rigid_rate(const rigid *g, const double y[2], double dy[2])
{
    double v = y[0] / Q0, da, dv;
    double h = surge_homologous(g->wh, N_SUTER, y[1], v, &da, &dv);
    double b = surge_homologous(g->wb, N_SUTER, y[1], v, &da, &dv);
    dy[0] =
        (g->hr * h - g->lift - g->r * y[0] * fabs(y[0])) * G * g->area / LEN;
    dy[1] = -b / g->tm;
}

static void rk4(const rigid *g, double y[2], double h)
{
    double k1[2], k2[2], k3[2], k4[2], t[2];
    rigid_rate(g, y, k1);
    for (int i = 0; i < 2; i++)
        t[i] = y[i] + 0.5 * h * k1[i];
    rigid_rate(g, t, k2);
    for (int i = 0; i < 2; i++)
        t[i] = y[i] + 0.5 * h * k2[i];
    rigid_rate(g, t, k3);
    for (int i = 0; i < 2; i++)
        t[i] = y[i] + h * k3[i];
    rigid_rate(g, t, k4);
    for (int i = 0; i < 2; i++)
        y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
}

/* No lift, check valve: the run-down of speed and flow follows the
 * rigid-column solution (the pipe's 2L/a = 0.4 s is short beside the
 * rotor's t_m = 5 s): speed within 0.1 % and flow within 0.5 % of the
 * rated values for 20 s (found: 1.3e-5 and 4.5e-4). */
static void rundown_matches_rigid_column(void **state)
{
    (void)state;
    line l = build(0.0, 0.02, 5.0, 1);
    const surge_pump4q *p = &l.s->p4q[0];
    rigid g = {p->wh, p->wb, l.hr, 0.0, l.r, l.area, 5.0};
    double y[2] = {Q0, 1.0}, worst_a = 0.0, worst_q = 0.0, last_a = 1.0;
    for (int k = 0; k < 2000; k++) {
        surge_step(l.s);
        for (int i = 0; i < 10; i++)
            rk4(&g, y, DT / 10.0);
        worst_a = fmax(worst_a, fabs(p->alpha - y[1]));
        worst_q = fmax(worst_q, fabs(flow(&l) - y[0]) / Q0);
        assert_true(p->alpha <= last_a + 1e-12); /* never speeds up */
        last_a = p->alpha;
    }
    assert_true(worst_a < 1e-3);
    assert_true(worst_q < 5e-3);
    assert_true(p->alpha < 0.5); /* it did run down */
    assert_int_equal(l.s->newton_fail, 0);
    surge_net_free(l.s);
}

/* Root of WB in the turbine zone (0, pi/2) by bisection on the table. */
static double runaway_angle(const double *wb)
{
    double lo = 0.01, hi = M_PI / 2.0 - 0.01, da, dv;
    double flo =
        surge_homologous(wb, N_SUTER, cos(lo - M_PI), sin(lo - M_PI), &da, &dv);
    assert_true(flo < 0.0);
    for (int i = 0; i < 100; i++) {
        double mid = 0.5 * (lo + hi);
        double fm = surge_homologous(wb, N_SUTER, cos(mid - M_PI),
                                     sin(mid - M_PI), &da, &dv);
        if ((fm < 0.0) == (flo < 0.0))
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

/* Lift 20 m, no check valve: runaway in the turbine zone, in closed form:
 * tan x_r = v / a, and v^2 (H_R WH(x_r) / sin^2 x_r + R Q_R^2) = H_s. */
static void reverse_flow_settles_at_runaway(void **state)
{
    (void)state;
    double lift = 20.0, f = 0.2, tm = 2.0;
    line l = build(lift, f, tm, 0);
    const surge_pump4q *p = &l.s->p4q[0];
    for (int k = 0; k < 20000; k++)
        surge_step(l.s);
    double xr = runaway_angle(p->wb), da, dv;
    double wh = surge_homologous(p->wh, N_SUTER, cos(xr - M_PI), sin(xr - M_PI),
                                 &da, &dv);
    double v = -sqrt(lift / (l.hr * wh / (sin(xr) * sin(xr)) + l.r * Q0 * Q0));
    double a = v / tan(xr);
    assert_true(a < 0.0 && v < 0.0); /* reverse speed, reverse flow */
    assert_double_equal(p->alpha, a, 0.002 * fabs(a));
    assert_double_equal(flow(&l) / Q0, v, 0.002 * fabs(v));
    assert_int_equal(l.s->newton_fail, 0);
    surge_net_free(l.s);
}

/* Lift 20 m with a check valve: no reverse flow; once shut, the speed
 * falls as 1 / a = 1 / a_1 + WB(pi) (t - t_1) / t_m. */
static void check_valve_shuts_and_rotor_coasts(void **state)
{
    (void)state;
    double tm = 2.0;
    line l = build(20.0, 0.2, tm, 1);
    const surge_pump4q *p = &l.s->p4q[0];
    double a1 = NAN, t1 = NAN, da, dv;
    for (int k = 0; k < 3000; k++) {
        surge_step(l.s);
        assert_true(flow(&l) >= -1e-9);
        if (isnan(a1) && k > 500 && l.s->dv_m[0] == 0.0) {
            a1 = p->alpha;
            t1 = l.s->t;
        }
    }
    assert_false(isnan(a1));
    double wb_pi = surge_homologous(p->wb, N_SUTER, 1.0, 0.0, &da, &dv);
    double expect = 1.0 / (1.0 / a1 + wb_pi * (l.s->t - t1) / tm);
    assert_double_equal(p->alpha, expect, 1e-4 * expect);
    assert_true(p->v_min >= -1e-9);
    surge_net_free(l.s);
}

/* pump_lift.yaml with its text 'from' replaced by 'to' (NULL: as it is),
 * written to path. */
static void lift_model(const char *from, const char *to, char *path)
{
    char *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(test_data_file("data/surge/pump_lift.yaml"),
                                    &text, &len, &err),
                     HL_OK);
    char *at = from ? strstr(text, from) : NULL;
    assert_true(!from || at);
    strcpy(path, "/tmp/hl_p4q_XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    if (at)
        fprintf(f, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    else
        fputs(text, f);
    fclose(f);
    free(text);
}

/* A trip of PU on pump_lift.yaml with its text 'from' replaced by 'to',
 * over duration_s at dx 25 m: the pump's result (its id cleared: owned by
 * the run), the count of warnings and the highest pressure at the
 * discharge node D (gauge Pa). */
static hl_surge_pump trip_lift_for(const char *from, const char *to,
                                   double duration_s, int *warnings,
                                   double *peak_d)
{
    char path[64];
    lift_model(from, to, path);
    hl_model *m = NULL;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    unlink(path);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_PUMP_TRIP;
    o.target = "PU";
    o.duration_s = duration_s;
    o.dx_m = 25.0;
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_run(&s, m, &o, &err))
        fail_msg("%s", err.message);
    assert_int_equal(hl_surge_pump_count(s), 1);
    hl_surge_pump pu;
    assert_int_equal(hl_surge_pump_result(s, 0, &pu), HL_OK);
    pu.id = NULL;
    *warnings = hl_surge_warning_count(s);
    *peak_d = NAN;
    for (int i = 0; i < hl_surge_node_count(s); i++) {
        hl_surge_node n;
        hl_surge_node_result(s, i, &n);
        if (strcmp(n.id, "D") == 0)
            *peak_d = n.max_pressure_pa;
    }
    hl_surge_free(s);
    hl_model_free(m);
    return pu;
}

static hl_surge_pump trip_lift(const char *from, const char *to, int *warnings)
{
    double peak;
    return trip_lift_for(from, to, 60.0, warnings, &peak);
}

/* The first 9 s of the trip: the highest pressure at D, and the pump. */
static double lift_peak_at_d(const char *from, const char *to,
                             hl_surge_pump *pu)
{
    int warnings;
    double peak;
    *pu = trip_lift_for(from, to, 9.0, &warnings, &peak);
    return peak;
}

/* A check valve with a closure delay (check_closure_delay_s): the valve
 * shuts at once without it, and no water goes back; with 1 s, the lift
 * drives water back through the slowing pump for that second and the
 * valve then slams: the peak at the discharge exceeds the prompt valve's
 * by at least the Joukowsky rise rho a V of the reverse flow it stops
 * (0.9 of it: the largest reverse flow, P1 at 1000 m/s, DN300). */
static void check_delay_lets_flow_back_then_slams(void **state)
{
    (void)state;
    static const char vin[] = "  - {id: VIN, from: R, to: S, zeta: 0.1, "
                              "diameter_mm: 300}\ntransient:\n";
    static const struct {
        const char *from, *prompt, *slow;
    } cases[] = {
        /* the pump's own discharge check valve */
        {"check_valve: false", "check_valve: true",
         "check_valve: true\n      check_closure_delay_s: 1.0"},
        /* a check valve in the line (the suction valve VIN made one),
         * the pump without its own */
        {vin,
         "  - {id: VIN, from: R, to: S, zeta: 0.1, diameter_mm: 300, "
         "type: check}\ntransient:\n",
         "  - {id: VIN, from: R, to: S, zeta: 0.1, diameter_mm: 300, "
         "type: check}\ntransient:\n  check_valves:\n    - {id: VIN, "
         "closure_delay_s: 1.0}\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hl_surge_pump prompt, slow;
        double p0 = lift_peak_at_d(cases[i].from, cases[i].prompt, &prompt);
        double p1 = lift_peak_at_d(cases[i].from, cases[i].slow, &slow);
        assert_true(prompt.min_flow_ratio >= -1e-9);
        assert_true(slow.min_flow_ratio < -0.1);
        double q0 = 360.0 / 3600.0, area = M_PI * 0.15 * 0.15;
        double jouk = 1000.0 * 1000.0 * -slow.min_flow_ratio * q0 / area;
        if (!(p1 - p0 >= 0.9 * jouk))
            fail_msg("case %zu: slam adds %.3f bar, Joukowsky of the reverse "
                     "flow %.3f bar",
                     i, (p1 - p0) / 1e5, jouk / 1e5);
    }
}

/* Without a check valve the lift drives the water back through the pump,
 * which turns backwards; with one, the flow stops and the rotor coasts to
 * rest forwards. The tables pass through the rated point: no scaling. */
static void model_trip_both_ways(void **state)
{
    (void)state;
    int nw = 0;
    hl_surge_pump free_pump = trip_lift(NULL, NULL, &nw);
    assert_int_equal(nw, 0);
    assert_true(free_pump.four_quadrant);
    assert_true(free_pump.min_flow_ratio < -0.5);
    assert_true(free_pump.min_speed < -0.5);
    assert_true(free_pump.speed_end < 0.0);
    hl_surge_pump checked =
        trip_lift("check_valve: false", "check_valve: true", &nw);
    assert_true(checked.four_quadrant);
    assert_true(checked.min_flow_ratio >= -1e-9);
    assert_true(checked.min_speed >= 0.0);
    assert_true(checked.speed_end < 0.1);
}

/* The new keys refuse what they cannot use, naming file:line. */
static void model_bad_suter(void **state)
{
    (void)state;
    static const struct {
        const char *from, *to, *text;
    } cases[] = {
        {"      suter_wb:", "      suter_wx:", "unknown key 'suter_wx'"},
        {"      inertia_kg_m2: 2\n", "", "need inertia_kg_m2"},
        {"0.4170, 0.3302,\n                 0.3000,", "0.4170,",
         "both be given, as many values each (34 and 36)"},
        {"[1.3000,", "[1.3000, x,", "suter_wh"},
        {"check_valve: false", "check_valve: maybe", "check_valve"},
        {"check_valve: false",
         "check_valve: true\n      check_closure_delay_s: -1",
         "check_closure_delay_s -1: expected >= 0"},
        {"transient:\n",
         "transient:\n  check_valves:\n    - {id: VIN, closure_delay_s: 1}\n",
         "'VIN': the valve is not of type check"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[64];
        lift_model(cases[i].from, cases[i].to, path);
        hl_model *m = NULL;
        assert_int_not_equal(hl_model_load(&m, path), HL_OK);
        const char *msg = hl_model_error(m);
        if (!strstr(msg, cases[i].text) || !strstr(msg, ".yaml:"))
            fail_msg("'%s' lacks '%s' or file:line", msg, cases[i].text);
        hl_model_free(m);
        unlink(path);
    }
}

/* Fewer than 8 values: a table too coarse to hold the four zones. */
static void model_too_few_suter_points(void **state)
{
    (void)state;
    char path[64];
    lift_model(NULL, NULL, path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    char *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(test_data_file("data/surge/pump_lift.yaml"),
                                    &text, &len, &err),
                     HL_OK);
    char *cut = strstr(text, "      suter_wh:");
    assert_non_null(cut);
    fprintf(f, "%.*s      suter_wh: [1, 1, 1]\n      suter_wb: [1, 1, 1]\n",
            (int)(cut - text), text);
    fclose(f);
    free(text);
    hl_model *m = NULL;
    assert_int_not_equal(hl_model_load(&m, path), HL_OK);
    if (!strstr(hl_model_error(m), "3 Suter values: expected 8 to 361"))
        fail_msg("%s", hl_model_error(m));
    hl_model_free(m);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables_at_rated_point),
        cmocka_unit_test(rundown_matches_rigid_column),
        cmocka_unit_test(reverse_flow_settles_at_runaway),
        cmocka_unit_test(check_valve_shuts_and_rotor_coasts),
        cmocka_unit_test(check_delay_lets_flow_back_then_slams),
        cmocka_unit_test(model_trip_both_ways),
        cmocka_unit_test(model_bad_suter),
        cmocka_unit_test(model_too_few_suter_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
