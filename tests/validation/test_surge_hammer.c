/*
 * test_surge_hammer.c - the surge engine on the shared water-hammer cases
 * (../shared/validation/transient/hammer, read as they are): (i) a
 * reservoir-pipe-valve line closed at once, frictionless and with
 * f = 0.018; (ii) the Bergant-Simpson column-separation rig with DVCM and
 * steady friction, and the same run without cavitation. Parameters come
 * from reference_summary.json, traces from the CSVs; the tolerances are
 * the (Joukowsky within 0.1 %, period within 0.5 %, traces within
 * 2 %; case ii: first peak 2 %, cavity duration 5 %, collapse time 5 %,
 * collapse head 15 %, never below vapour head). Also: grid convergence of
 * the first peak and the mass held in the line while the valve is shut.
 */
#include "test_support.h"

#include "physics/transient.h"
#include "surge/moc.h"
#include "util/util.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#define G_REF 9.81 /* the reference solver's g (Joukowsky 1200/g = 122.324) */
/* Loss of the fully open valve of case (ii) in velocity heads. Not stated
 * by the reference files: inferred from the reference trace during the
 * closure (the head rises 0.0065 m by t = 5 dt and 0.047 m by 8 dt, which
 * a linear-tau orifice gives with a full-open loss of 0.0023 m, i.e.
 * 0.5 V0^2/2g; a valve losing the whole 21.75 m to the atmosphere would
 * raise it by 14 m by 5 dt). */
#define VALVE_ZETA 0.5

typedef struct hammer_case {
    double len, d, a, v0, h_res, f, dt, rise, closure, h_vap;
    int n_reaches; /* 0: from dt */
} hammer_case;

typedef struct trace {
    int n;
    double *t, *valve, *mid;
    signed char *cav; /* valve node holds a cavity */
} trace;

static json_t *summary(void)
{
    const char *path =
        shared_validation_file("transient/hammer/reference_summary.json");
    json_error_t je;
    json_t *j = json_load_file(path, 0, &je);
    if (!j)
        fail_msg("%s: %s", path, je.text);
    return j;
}

static double num(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static json_t *variant(json_t *root, const char *c, const char *v)
{
    json_t *o = json_object_get(json_object_get(root, c), v);
    assert_non_null(o);
    return o;
}

static hammer_case read_case(json_t *o)
{
    hammer_case c = {num(o, "L_m"),
                     num(o, "D_m"),
                     num(o, "a_m_per_s"),
                     num(o, "V0_m_per_s"),
                     num(o, "H_res_m"),
                     num(o, "f_darcy"),
                     num(o, "dt_s"),
                     num(o, "rise_m"),
                     num(o, "valve_closure_s"),
                     num(o, "H_vap_gauge_m"),
                     0};
    if (!isfinite(c.rise))
        c.rise = 0.0;
    if (!isfinite(c.closure))
        c.closure = 0.0;
    double n = num(o, "N_reaches");
    c.n_reaches = isfinite(n) ? (int)n : 0;
    return c;
}

/* Tank (node 0, head h_res at the valve's datum) - pipe - valve node (1) -
 * valve (orifice) - outlet at atmospheric pressure (node 2). */
static surge_net *build(const hammer_case *c, double dt)
{
    surge_net *s = surge_net_new(3, 1, 1);
    assert_non_null(s);
    double rho = 1000.0, area = M_PI * c->d * c->d / 4.0, q0 = c->v0 * area;
    s->g = G_REF;
    s->nd_z[0] = -c->rise;
    s->nd_fixed_p[0] = (c->h_res + c->rise) * rho * G_REF;
    /* case (i): the valve's loss plays no part (closed at once); case
     * (ii): the summary gives no valve loss; the reference trace during
     * the closure fits a fully open valve losing VALVE_ZETA V0^2 / 2g
     * into a downstream tank (see the note at VALVE_ZETA) */
    double hloss = c->f * c->len / c->d * c->v0 * c->v0 / (2.0 * G_REF);
    double h_valve = c->h_res - hloss;
    double dh0 =
        c->closure > 0.0 ? VALVE_ZETA * c->v0 * c->v0 / (2.0 * G_REF) : h_valve;
    s->nd_fixed_p[2] = (h_valve - dh0) * rho * G_REF;
    s->nd_p[2] = s->nd_fixed_p[2];
    s->pp_from[0] = 0;
    s->pp_to[0] = 1;
    s->pp_len[0] = c->len;
    s->pp_d[0] = c->d;
    s->pp_area[0] = area;
    s->pp_a[0] = c->a;
    s->pp_f[0] = c->f;
    s->pp_rho[0] = rho;
    s->pp_q0[0] = q0;
    if (isfinite(c->h_vap)) {
        s->pp_pv[0] = s->nd_pv[1] = c->h_vap * rho * G_REF;
    }
    s->nd_p[0] = s->nd_fixed_p[0];
    s->nd_p[1] = h_valve * rho * G_REF;
    s->dv_kind[0] = DEV_ORIFICE;
    s->dv_from[0] = 1;
    s->dv_to[0] = 2;
    s->dv_rho[0] = rho;
    s->dv_m[0] = rho * q0;
    s->dv_k[0] = (s->nd_p[1] - s->nd_p[2]) / (s->dv_m[0] * s->dv_m[0]);
    s->dv_t0[0] = 0.0;
    s->dv_tc[0] = c->closure;
    s->dv_curve[0] = CURVE_LINEAR;
    hl_error err = {0};
    assert_int_equal(surge_grid(s, 0.0, dt, &err), HL_OK);
    assert_int_equal(surge_init(s, &err), HL_OK);
    return s;
}

static void record(trace *tr, const surge_net *s)
{
    int i = tr->n++;
    int n = s->pp_n[0];
    tr->t[i] = s->t;
    tr->valve[i] = surge_node_head(s, 1);
    tr->mid[i] = s->h[s->pp_off[0] + n / 2];
    tr->cav[i] = s->nd_cav[1] > 0.0;
}

static double k_brunone; /* > 0: Brunone's friction on the pipe */

static trace run(const hammer_case *c, double dt, double t_end)
{
    surge_net *s = build(c, dt);
    if (k_brunone > 0.0) {
        s->friction = SURGE_BRUNONE;
        s->pp_kb[0] = k_brunone;
    }
    int steps = (int)floor(t_end / s->dt + 0.5);
    trace tr = {0, calloc((size_t)steps + 1, sizeof(double)),
                calloc((size_t)steps + 1, sizeof(double)),
                calloc((size_t)steps + 1, sizeof(double)),
                calloc((size_t)steps + 1, 1)};
    record(&tr, s);
    for (int k = 0; k < steps; k++) {
        surge_step(s);
        record(&tr, s);
    }
    assert_int_equal(s->newton_fail, 0);
    surge_net_free(s);
    return tr;
}

static void trace_free(trace *t)
{
    free(t->t);
    free(t->valve);
    free(t->mid);
    free(t->cav);
}

static csv_table load_ref(const char *name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "transient/hammer/%s", name);
    csv_table t;
    hl_error err = {0};
    if (csv_table_load(shared_validation_file(rel), &t, &err) != HL_OK)
        fail_msg("%s", err.message);
    return t;
}

static double cell(const csv_table *t, int row, int col)
{
    double v = NAN;
    assert_true(parse_double(t->rows[row][col], &v));
    return v;
}

/* Largest |model - reference| over the reference rows (matched by time). */
static double trace_error(const trace *tr, const csv_table *ref,
                          const char *column, int use_mid)
{
    int ct = csv_table_col(ref, "time_s"), cv = csv_table_col(ref, column);
    assert_true(ct >= 0 && cv >= 0);
    double worst = 0.0, dt = tr->t[1] - tr->t[0];
    for (int r = 0; r < ref->n_rows; r++) {
        double t = cell(ref, r, ct);
        int i = (int)floor(t / dt + 0.5);
        if (i >= tr->n)
            break;
        double h = use_mid ? tr->mid[i] : tr->valve[i];
        worst = fmax(worst, fabs(h - cell(ref, r, cv)));
    }
    return worst;
}

/* Index of the first local maximum of x after index from. */
static int first_peak(const double *x, int n, int from)
{
    for (int i = from + 1; i + 1 < n; i++)
        if (x[i] >= x[i - 1] && x[i] > x[i + 1])
            return i;
    return -1;
}

/* Mean period of the valve head about h_mid from its upward crossings. */
static double period(const trace *tr, double h_mid)
{
    double first = NAN, last = NAN;
    int count = 0;
    for (int i = 1; i < tr->n; i++) {
        double a = tr->valve[i - 1] - h_mid, b = tr->valve[i] - h_mid;
        if (a < 0.0 && b >= 0.0) {
            double tc =
                tr->t[i - 1] + (tr->t[i] - tr->t[i - 1]) * (-a) / (b - a);
            if (count == 0)
                first = tc;
            last = tc;
            count++;
        }
    }
    assert_true(count >= 3);
    return (last - first) / (count - 1);
}

static void case_i_frictionless(void **state)
{
    (void)state;
    json_t *root = summary();
    hammer_case c = read_case(variant(root, "case_i", "frictionless"));
    trace tr = run(&c, c.dt, 10.0);
    double jouk = c.a * c.v0 / G_REF;
    int ip = first_peak(tr.valve, tr.n, 0);
    assert_true(ip > 0);
    /* the head jumps at once and holds 2L/a: the plateau is the peak */
    double peak = tr.valve[1] - c.h_res;
    assert_true(fabs(peak / jouk - 1.0) < 1e-3);
    assert_true(fabs(period(&tr, c.h_res) / (4.0 * c.len / c.a) - 1.0) < 5e-3);
    csv_table ref = load_ref("case_i_rpv_instant_closure_frictionless.csv");
    if (getenv("HL_SHOW"))
        printf("case i frictionless: jump error %.3g, trace error %.4g m\n",
               peak / jouk - 1.0, trace_error(&tr, &ref, "head_valve_m", 0));
    assert_true(trace_error(&tr, &ref, "head_valve_m", 0) < 0.02 * jouk);
    assert_true(trace_error(&tr, &ref, "head_mid_m", 1) < 0.02 * jouk);
    csv_table_free(&ref);
    trace_free(&tr);
    json_decref(root);
}

static void case_i_friction(void **state)
{
    (void)state;
    json_t *root = summary();
    json_t *o = variant(root, "case_i", "f0.018");
    hammer_case c = read_case(o);
    trace tr = run(&c, c.dt, 10.0);
    double jouk = c.a * c.v0 / G_REF, hmax = -INFINITY;
    for (int i = 0; i < tr.n; i++)
        hmax = fmax(hmax, tr.valve[i]);
    assert_true(fabs(hmax / num(o, "max_head_m") - 1.0) < 0.02);
    assert_true(fabs(tr.valve[0] / num(o, "initial_valve_head_m") - 1.0) <
                1e-4);
    csv_table ref = load_ref("case_i_rpv_instant_closure_f0.018.csv");
    if (getenv("HL_SHOW"))
        printf("case i f=0.018: max %.4f m, trace error %.4g m\n", hmax,
               trace_error(&tr, &ref, "head_valve_m", 0));
    assert_true(trace_error(&tr, &ref, "head_valve_m", 0) < 0.02 * jouk);
    assert_true(trace_error(&tr, &ref, "head_mid_m", 1) < 0.02 * jouk);
    csv_table_free(&ref);
    trace_free(&tr);
    json_decref(root);
}

/* Halving dx (and dt) changes the first peak by less than 1 % (no
 * cavitation, friction on). */
static void grid_convergence(void **state)
{
    (void)state;
    json_t *root = summary();
    hammer_case c =
        read_case(variant(root, "case_ii", "nocavitation_steadyfriction"));
    trace a = run(&c, c.dt, 0.1), b = run(&c, c.dt / 2.0, 0.1);
    double pa = a.valve[first_peak(a.valve, a.n, 0)],
           pb = b.valve[first_peak(b.valve, b.n, 0)];
    double rise = pa - a.valve[0];
    assert_true(fabs(pa - pb) < 0.01 * rise);
    trace_free(&a);
    trace_free(&b);
    json_decref(root);
}

static void case_ii_nocavitation(void **state)
{
    (void)state;
    json_t *root = summary();
    json_t *o = variant(root, "case_ii", "nocavitation_steadyfriction");
    hammer_case c = read_case(o);
    trace tr = run(&c, c.dt, 0.6);
    int ip = first_peak(tr.valve, tr.n, 0);
    double fp = num(o, "first_peak_head_valve_m");
    assert_true(fabs(tr.valve[ip] / fp - 1.0) < 0.02);
    csv_table ref =
        load_ref("case_ii_bergant_simpson_nocavitation_steadyfriction.csv");
    double amp = fp - num(o, "initial_valve_head_m");
    assert_true(trace_error(&tr, &ref, "head_valve_m", 0) < 0.02 * amp);
    assert_true(trace_error(&tr, &ref, "head_mid_m", 1) < 0.02 * amp);
    csv_table_free(&ref);
    trace_free(&tr);
    json_decref(root);
}

static void case_ii_dvcm(void **state)
{
    (void)state;
    json_t *root = summary();
    json_t *o = variant(root, "case_ii", "dvcm_steadyfriction");
    hammer_case c = read_case(o);
    trace tr = run(&c, c.dt, 0.6);
    int ip = first_peak(tr.valve, tr.n, 0);
    assert_true(fabs(tr.valve[ip] / num(o, "first_peak_head_valve_m") - 1.0) <
                0.02);
    /* the first cavity at the valve: opening and closing */
    int open = -1, close = -1;
    for (int i = 0; i < tr.n && close < 0; i++) {
        int vapour = tr.valve[i] <= c.h_vap + 1e-9;
        if (open < 0 && vapour) {
            open = i;
            assert_true(tr.cav[i]); /* a cavity holds the vapour head */
        } else if (open >= 0 && !vapour) {
            close = i;
        }
    }
    assert_true(open > 0 && close > open);
    double dur = tr.t[close] - tr.t[open];
    assert_true(fabs(dur / num(o, "first_cavity_duration_valve_s") - 1.0) <
                0.05);
    /* the collapse peak: the highest head before the valve next falls to
     * vapour head (the collapse's pressure wave meets the cavities that
     * formed along the pipe meanwhile) */
    int ic = close;
    for (int i = close; i < tr.n && tr.valve[i] > c.h_vap + 1e-9; i++)
        if (tr.valve[i] > tr.valve[ic])
            ic = i;
    if (getenv("HL_SHOW"))
        printf("open %g close %g dur %g peak at %g %g\n", tr.t[open],
               tr.t[close], dur, tr.t[ic], tr.valve[ic]);
    assert_true(fabs(tr.t[ic] / num(o, "first_collapse_peak_time_s") - 1.0) <
                0.05);
    assert_true(
        fabs(tr.valve[ic] / num(o, "first_collapse_peak_head_m") - 1.0) < 0.15);
    for (int i = 0; i < tr.n; i++)
        assert_true(tr.valve[i] >= c.h_vap - 1e-9);
    /* the whole trace up to the first collapse and past it: within 2 % of
     * the surge amplitude (the later multi-cavity spikes depend on the
     * grid and on details of the DVCM, as the reference's README says) */
    csv_table ref = load_ref("case_ii_bergant_simpson_dvcm_steadyfriction.csv");
    double amp =
        num(o, "first_peak_head_valve_m") - num(o, "initial_valve_head_m");
    tr.n = ic + (int)(0.04 / c.dt); /* first collapse + 40 ms */
    double err_v = trace_error(&tr, &ref, "head_valve_m", 0),
           err_m = trace_error(&tr, &ref, "head_mid_m", 1);
    if (getenv("HL_SHOW"))
        printf("peak %.3f dur %.4f collapse %.4f s %.2f m; trace err %.4f "
               "%.4f m to %.3f s\n",
               tr.valve[ip], dur, tr.t[ic], tr.valve[ic], err_v, err_m,
               tr.t[tr.n - 1]);
    assert_true(err_v < 0.02 * amp);
    assert_true(err_m < 0.02 * amp);
    csv_table_free(&ref);
    trace_free(&tr);
    json_decref(root);
}

/* Brunone's unsteady friction on case (ii) without cavitation, k from
 * Vardy's coefficient at the steady Re (0.3 m/s, 22.14 mm, water at about
 * 20 C: Re 6,600): the first Joukowsky peak is the same within 1 % (the
 * term acts on changes the wave has not yet met), and the oscillation at
 * the valve decays faster: its amplitude over the last of 0.6 s is
 * smaller than with quasi-steady friction, as the measured traces of the
 * rig show (Bergant, Simpson and Vitkovsky 2001). The held-out variant of
 * the shared folder would give the numbers; here only the direction. */
static void brunone_damps(void **state)
{
    (void)state;
    json_t *root = summary();
    hammer_case c =
        read_case(variant(root, "case_ii", "nocavitation_steadyfriction"));
    trace qs = run(&c, c.dt, 0.6);
    k_brunone = transient_brunone_k(c.v0 * c.d / 1.0e-6);
    trace br = run(&c, c.dt, 0.6);
    k_brunone = 0.0;
    int iq = first_peak(qs.valve, qs.n, 0), ib = first_peak(br.valve, br.n, 0);
    assert_true(fabs(br.valve[ib] / qs.valve[iq] - 1.0) < 0.01);
    double aq = 0.0, ab = 0.0, h0 = c.h_res;
    for (int i = qs.n * 3 / 4; i < qs.n; i++) {
        aq = fmax(aq, fabs(qs.valve[i] - h0));
        ab = fmax(ab, fabs(br.valve[i] - h0));
    }
    if (getenv("HL_SHOW"))
        printf("brunone k %.4f: late amplitude %.2f m vs %.2f m steady\n",
               transient_brunone_k(c.v0 * c.d / 1.0e-6), ab, aq);
    assert_true(ab < 0.9 * aq);
    trace_free(&qs);
    trace_free(&br);
    json_decref(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_i_frictionless),
        cmocka_unit_test(case_i_friction),
        cmocka_unit_test(grid_convergence),
        cmocka_unit_test(case_ii_nocavitation),
        cmocka_unit_test(case_ii_dvcm),
        cmocka_unit_test(brunone_damps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
