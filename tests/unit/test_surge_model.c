/*
 * test_surge_model.c - the surge engine on models (the public API and the
 * adapter): a reservoir-pipe-valve model file (Joukowsky jump and period
 * 4L/a on the model path), the default line held at its steady state with
 * no event, mass balance at every junction each step, the relay-station
 * trip of the default line (vapour floor held, pressures move the way a
 * trip moves them, and the verdict as found), bad input.
 */
#include "test_support.h"

#include "heatline.h"
#include "surge/surge.h"
#include "surge_balance.h"

#include <math.h>
#include <string.h>

static hl_model *load_solved(const char *path)
{
    hl_model *m = NULL;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

static hl_surge *run(const hl_model *m, const hl_surge_options *o)
{
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_run(&s, m, o, &err))
        fail_msg("%s", err.message);
    return s;
}

/* Instantaneous closure at the valve of the model: the first step's jump
 * is rho a V0 less the friction of one reach (0.5 %), the period 4L/a. */
static void joukowsky_on_the_model_path(void **state)
{
    (void)state;
    hl_model *m = load_solved(test_data_file("data/surge/rpv.yaml"));
    hl_pipe_result pr;
    assert_int_equal(hl_model_pipe_result(m, 0, &pr), HL_OK);
    double v0 = pr.velocity_m_s, a = 1000.0, rho = 1000.0;
    hl_surge_options o;
    hl_surge_options_default(&o);
    const char *watch[] = {"V"};
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.closure_s = 0.0;
    o.duration_s = 20.0;
    o.dx_m = 10.0;
    o.watch = watch;
    o.n_watch = 1;
    hl_surge *s = run(m, &o);
    double t0, p0, t1, p1;
    hl_surge_sample(s, 0, 0, &t0, NULL, &p0);
    hl_surge_sample(s, 0, 1, &t1, NULL, &p1);
    assert_true(fabs((p1 - p0) / (rho * a * v0) - 1.0) < 5e-3);
    /* period from the upward crossings of the reservoir's pressure */
    double first = NAN, last = NAN, p_res = 30e5;
    int count = 0;
    for (int i = 1; i < hl_surge_sample_count(s); i++) {
        double ta, pa, tb, pb;
        hl_surge_sample(s, 0, i - 1, &ta, NULL, &pa);
        hl_surge_sample(s, 0, i, &tb, NULL, &pb);
        if (pa < p_res && pb >= p_res) {
            double tc = ta + (tb - ta) * (p_res - pa) / (pb - pa);
            if (count++ == 0)
                first = tc;
            last = tc;
        }
    }
    assert_true(count >= 3);
    assert_true(fabs((last - first) / (count - 1) / 4.0 - 1.0) < 5e-3);
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    assert_int_equal(v.cavities, 0);
    hl_surge_free(s);
    hl_model_free(m);
}

/* No event: the engine's initial state is the steady engine's solution
 * and stays it (every node within 1 Pa over 60 s), with quasi-steady
 * friction and with Brunone's (which adds nothing at rest), and with the
 * pumps' pressure controls acting (their set points the steady
 * pressures, so no drive moves). */
static void stays_steady(int friction, int control)
{
    hl_model *m = load_solved(NULL);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.dx_m = 200.0;
    o.friction = friction;
    o.pump_control = control;
    hl_surge *s = run(m, &o);
    for (int i = 0; i < hl_surge_node_count(s); i++) {
        hl_surge_node n;
        hl_surge_node_result(s, i, &n);
        hl_node_result nr;
        hl_model_node_result(m, i, &nr);
        assert_true(fabs(n.max_pressure_pa - nr.pressure_pa) < 1.0);
        assert_true(fabs(n.min_pressure_pa - nr.pressure_pa) < 1.0);
    }
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    assert_int_equal(v.cavities, 0);
    assert_int_equal(hl_surge_controlled_count(s), control ? 6 : 0);
    for (int i = 0; i < hl_surge_controlled_count(s); i++) {
        hl_surge_controlled c;
        hl_surge_controlled_result(s, i, &c);
        assert_true(fabs(c.speed_end - c.speed_start) < 1e-9);
    }
    hl_surge_free(s);
    hl_model_free(m);
}

static void default_line_stays_steady(void **state)
{
    (void)state;
    stays_steady(0, 0);
    stays_steady(1, 0);
    stays_steady(0, 1);
}

/* A trip of relay PS1 with the other stations' drives keeping their
 * pressures (docs/physics.md, "Surge: pumps under pressure control"): the
 * tripped pump is not among the controlled ones, every controlled node
 * ends within the band (0.5 bar) of its set point or its pump at the
 * drive's top speed (PS2's supply pumps: their suction falls with the
 * line's flow), and the plant's main pumps, which the trip leaves pushing
 * against a slower line, end slower than they ran; the highest pressure is
 * below the held-speed run's. */
static void controlled_pumps_hold(void **state)
{
    (void)state;
    hl_model *m = load_solved(NULL);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_STATION_TRIP;
    o.target = "relay PS1";
    o.duration_s = 300.0;
    o.dx_m = 200.0;
    hl_surge *held = run(m, &o);
    o.pump_control = 1;
    const char *nodes[] = {"PLANT-P", "PS2-S-OUT", "HX-U-P", "TRUNK-S-OUT",
                           "TRUNK-R-IN"};
    o.watch = nodes;
    o.n_watch = 5;
    hl_surge *s = run(m, &o);
    assert_int_equal(hl_surge_controlled_count(s), 5);
    int main_slower = 0, last = hl_surge_sample_count(s) - 1;
    for (int i = 0; i < hl_surge_controlled_count(s); i++) {
        hl_surge_controlled c;
        hl_surge_controlled_result(s, i, &c);
        assert_true(strncmp(c.id, "PS1-", 4) != 0);
        assert_true(c.speed_end >= c.speed_min && c.speed_end <= c.speed_max);
        int w = 0;
        while (w < 5 && strcmp(nodes[w], c.node) != 0)
            w++;
        assert_true(w < 5);
        double t, h, p;
        hl_surge_sample(s, w, last, &t, &h, &p);
        /* held within the band, or the drive at its top speed (the
         * nominal one, or its running speed above it) */
        int at_top = c.speed_end == fmax(1.0, c.speed_start);
        if (!(fabs(p - c.set_pressure_pa) < 0.5e5) && !at_top)
            fail_msg("%s: %s at %.3f bar(g), set %.3f", c.id, c.node, p / 1e5,
                     c.set_pressure_pa / 1e5);
        if (strcmp(c.id, "PS0-MAIN") == 0)
            main_slower = c.speed_end < c.speed_start - 0.01;
    }
    assert_true(main_slower);
    hl_surge_verdict vh, vc;
    hl_surge_verdict_get(held, &vh);
    hl_surge_verdict_get(s, &vc);
    assert_true(vc.ok);
    assert_true(vc.max_pressure_pa < vh.max_pressure_pa);
    hl_surge_free(held);
    hl_surge_free(s);
    hl_model_free(m);
}

/* Mass in = mass out at every free node without a cavity, each step
 * (kg/s, relative to the line's 7,000 kg/s; surge_balance.h says why the
 * nodes at vapour pressure are skipped). */
static void mass_at_every_junction_every_step(void **state)
{
    (void)state;
    hl_model *m = load_solved(NULL);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_STATION_TRIP;
    o.target = "relay PS2";
    o.duration_s = 10.0;
    o.dx_m = 200.0;
    hl_surge *r = run(m, &o);
    surge_net *s = r->net;
    assert_int_equal(s->newton_fail, 0);
    for (int step = 0; step < 200; step++) {
        surge_step(s);
        for (int k = 0; k < s->n_nodes; k++) {
            if (isfinite(s->nd_fixed_p[k]) || s->nd_cav[k] > 0.0 ||
                s->nd_p[k] == s->nd_pv[k])
                continue;
            if (!(fabs(surge_junction_imbalance(s, k)) < 1e-6 * 7000.0))
                fail_msg("step %d node %d imbalance %g kg/s p %g pv %g", step,
                         k, surge_junction_imbalance(s, k), s->nd_p[k],
                         s->nd_pv[k]);
        }
    }
    hl_surge_free(r);
    hl_model_free(m);
}

/* The default model with its transient: section cut before the air
 * vessels (inertias and bypass checks kept), as a temporary file. */
static void default_without_vessels(char *path)
{
    char src[1024], *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    snprintf(src, sizeof src, "%s/data/models/tuoketuo-hohhot.yaml",
             HL_SOURCE_DIR);
    assert_int_equal(read_text_file(src, &text, &len, &err), HL_OK);
    char *cut = strstr(text, "  air_vessels:");
    assert_non_null(cut);
    *cut = '\0';
    strcpy(path, "/tmp/hl_surge_XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    free(text);
}

static hl_surge *trip_ps2(const hl_model *m)
{
    static const char *watch[] = {"PS2-S-IN", "PS2-S-OUT"};
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_STATION_TRIP;
    o.target = "relay PS2";
    o.duration_s = 120.0;
    o.dx_m = 100.0;
    o.watch = watch;
    o.n_watch = 2;
    return run(m, &o);
}

/* Directions, vapour floor and no NaN, for any trip of PS2. */
static void check_trip(const hl_surge *s)
{
    double p_in0, p_out0, p_in, p_out;
    hl_surge_sample(s, 0, 0, NULL, NULL, &p_in0);
    hl_surge_sample(s, 1, 0, NULL, NULL, &p_out0);
    int last = hl_surge_sample_count(s) - 1;
    hl_surge_sample(s, 0, last, NULL, NULL, &p_in);
    hl_surge_sample(s, 1, last, NULL, NULL, &p_out);
    assert_true(p_in > p_in0 + 1e5);
    assert_true(p_out < p_out0 - 1e5);
    for (int i = 0; i < hl_surge_node_count(s); i++) {
        hl_surge_node n;
        hl_surge_node_result(s, i, &n);
        assert_true(isfinite(n.max_pressure_pa) && isfinite(n.min_pressure_pa));
        assert_true(n.min_pressure_pa >= n.vapour_pressure_pa - 1.0);
    }
    for (int p = 0; p < hl_surge_pipe_count(s); p++) {
        hl_surge_pipe v;
        hl_surge_pipe_result(s, p, &v);
        /* 100 Pa: a pipe's end points hold the vapour pressure of its end
         * nodes' water, the pipe's own is at its mean temperature */
        if (!(v.min_pressure_pa >= v.vapour_pressure_pa - 100.0))
            fail_msg("pipe %s min %g vapour %g", v.id, v.min_pressure_pa,
                     v.vapour_pressure_pa);
    }
    assert_int_equal(hl_surge_warning_count(s), 0);
}

static void show(const char *what, const hl_surge *s)
{
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    if (getenv("HL_SHOW"))
        printf("PS2 trip, %s: ok %d, %d over PN (max %.2f bar in %s), %d "
               "near vapour, %d cavities (largest %.3f m3)\n",
               what, v.ok, v.pipes_over_pn, v.max_pressure_pa / 1e5, v.max_pipe,
               v.pipes_near_vapour, v.cavities, v.max_cavity_m3);
}

/* The relay station PS2 trips on the default line. With the pump
 * inertias and the bypass checks alone the line is not protected (pipes
 * over PN25 at PS1's discharge, cavities at the PS1 return suction); with
 * the model's air vessels and the relief valve at PS1's discharge it is:
 * no pipe over PN, none near vapour, no cavity, and the relief valve
 * discharged (docs/physics.md, "the default line"). Both: the pressure
 * upstream of PS2 rises and downstream falls, nothing below vapour
 * pressure, nothing NaN. If the default model's protection changes, these
 * are the lines to change. */
static void relay_station_trip(void **state)
{
    (void)state;
    char bare[64];
    default_without_vessels(bare);
    hl_model *m0 = load_solved(bare);
    hl_surge *s0 = trip_ps2(m0);
    check_trip(s0);
    show("inertia and bypass checks only", s0);
    hl_surge_verdict v;
    hl_surge_verdict_get(s0, &v);
    assert_false(v.ok);
    assert_true(v.pipes_over_pn > 0 && v.cavities > 0);
    hl_surge_free(s0);
    hl_model_free(m0);
    unlink(bare);

    hl_model *m = load_solved(NULL);
    hl_surge *s = trip_ps2(m);
    check_trip(s);
    show("with air vessels and the relief valve", s);
    hl_surge_verdict_get(s, &v);
    assert_true(v.ok);
    assert_int_equal(hl_surge_vessel_count(s), 13);
    assert_int_equal(hl_surge_relief_count(s), 1);
    hl_surge_relief rv;
    hl_surge_relief_result(s, 0, &rv);
    assert_true(rv.max_discharge_kg_s > 0.0);
    hl_surge_free(s);
    hl_model_free(m);
}

static void expect_error(const hl_model *m, const hl_surge_options *o, int code,
                         const char *text)
{
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_surge_run(&s, m, o, &err), code);
    assert_null(s);
    if (!strstr(err.message, text))
        fail_msg("'%s' lacks '%s'", err.message, text);
}

static void bad_input(void **state)
{
    (void)state;
    hl_model *m = load_solved(test_data_file("data/surge/rpv.yaml"));
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.duration_s = 0.0;
    expect_error(m, &o, HL_ERANGE, "duration 0 s");
    hl_surge_options_default(&o);
    o.dx_m = 2000.0;
    expect_error(m, &o, HL_ERANGE, "longer than pipe");
    hl_surge_options_default(&o);
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.closure_s = -1.0;
    expect_error(m, &o, HL_ERANGE, "closure time -1 s");
    o.closure_s = 1.0;
    o.target = "NOPE";
    expect_error(m, &o, HL_ENOTFOUND, "no valve 'NOPE'");
    hl_surge_options_default(&o);
    o.event = HL_SURGE_PUMP_TRIP;
    o.target = "P9";
    expect_error(m, &o, HL_ENOTFOUND, "pump 'P9'");
    hl_surge_options_default(&o);
    const char *w[] = {"X"};
    o.watch = w;
    o.n_watch = 1;
    expect_error(m, &o, HL_ENOTFOUND, "no node 'X'");
    hl_surge_options_default(&o);
    o.pump_control = 1;
    o.control_ramp_per_s = 0.0;
    expect_error(m, &o, HL_ERANGE, "pump control ramp 0 /s");
    hl_model_free(m);
    hl_model *fresh = NULL;
    assert_int_equal(hl_model_load(&fresh, NULL), HL_OK);
    hl_surge_options_default(&o);
    expect_error(fresh, &o, HL_ESTATE, "solved first");
    hl_model_free(fresh);
}

/* The rpv model with its transient: section replaced by extra (a file
 * the caller unlinks). */
static void rpv_with(const char *extra, char *path)
{
    char *base = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(test_data_file("data/surge/rpv.yaml"),
                                    &base, &len, &err),
                     HL_OK);
    char *cut = strstr(base, "transient:");
    assert_non_null(cut);
    cut[strlen("transient:\n")] = '\0';
    strcpy(path, "/tmp/hl_surge_XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "%s%s", base, extra);
    fclose(f);
    free(base);
}

static double max_at_valve(const char *path)
{
    hl_model *m = load_solved(path);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.duration_s = 20.0;
    o.dx_m = 50.0;
    hl_surge *s = run(m, &o);
    hl_surge_node n;
    hl_surge_node_result(s, 1, &n); /* V */
    hl_surge_free(s);
    hl_model_free(m);
    return n.max_pressure_pa;
}

/* The envelope at the valve node V of a valve-close on model path over 10
 * s at dx 20 m: closure of closure_s starting at event_s. */
static hl_surge_node rpv_closure(const char *path, double event_s,
                                 double closure_s)
{
    hl_model *m = load_solved(path);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.event_time_s = event_s;
    o.closure_s = closure_s;
    o.duration_s = 10.0;
    o.dx_m = 20.0;
    hl_surge *s = run(m, &o);
    hl_surge_node n;
    hl_surge_node_result(s, 1, &n); /* V */
    n.id = NULL;                    /* owned by the run */
    hl_surge_free(s);
    hl_model_free(m);
    return n;
}

/* A valve's characteristic (transient: valves, Kv against opening): with
 * Kv at its open value down to half the stroke and linear below, a
 * linear closure over 2 s is a linear closure of the Kv over the last
 * second: the same envelope at the valve as a plain valve closed in 1 s
 * from t = 1 s (to rounding), its peak 1 s later than a plain 1 s closure
 * from t = 0 and higher than a plain 2 s closure's. */
static void valve_characteristic(void **state)
{
    (void)state;
    char path[64];
    rpv_with("  pipes:\n    - {id: P1, wave_speed_m_per_s: 1000}\n"
             "  valves:\n    - {id: VALVE, opening: [0, 0.5, 1], kv_ratio: "
             "[0, 1, 1]}\n",
             path);
    hl_surge_node late = rpv_closure(path, 0.0, 2.0);
    unlink(path);
    const char *plain = test_data_file("data/surge/rpv.yaml");
    hl_surge_node shifted = rpv_closure(plain, 1.0, 1.0);
    hl_surge_node fast = rpv_closure(plain, 0.0, 1.0);
    hl_surge_node slow = rpv_closure(plain, 0.0, 2.0);
    assert_double_equal(late.max_head_m, shifted.max_head_m,
                        1e-9 * shifted.max_head_m);
    assert_double_equal(late.min_head_m, shifted.min_head_m,
                        1e-9 * shifted.min_head_m);
    assert_double_equal(late.t_max_s, fast.t_max_s + 1.0, 1e-6);
    assert_true(late.max_head_m > slow.max_head_m + 1.0);
}

/* An air vessel at the valve: the upsurge of the instantaneous closure is
 * smaller than without it; and on a heavily damped line (friction factor
 * 1, so the mass oscillation dies within 600 s) the vessel's gas ends at
 * the volume the gas law p V^n = const gives at the reservoir's pressure:
 * the water that entered it is what the gas law says. */
static void air_vessel(void **state)
{
    (void)state;
    char path[64], damped[64];
    rpv_with("  pipes:\n    - {id: P1, wave_speed_m_per_s: 1000}\n"
             "  air_vessels:\n    - {id: AV, node: V, gas_volume_m3: 2.0}\n",
             path);
    rpv_with("  pipes:\n    - {id: P1, wave_speed_m_per_s: 1000, "
             "friction_factor: 1.0}\n"
             "  air_vessels:\n    - {id: AV, node: V, gas_volume_m3: 2.0, "
             "polytropic_exponent: 1.2}\n",
             damped);
    double with = max_at_valve(path),
           without = max_at_valve(test_data_file("data/surge/rpv.yaml"));
    hl_model *m = load_solved(damped);
    hl_node_result v0;
    hl_model_node_result(m, 1, &v0);
    assert_true(with - v0.pressure_pa < 0.8 * (without - v0.pressure_pa));
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_VALVE_CLOSE;
    o.target = "VALVE";
    o.duration_s = 600.0;
    o.dx_m = 50.0;
    hl_surge *s = run(m, &o);
    assert_int_equal(hl_surge_vessel_count(s), 1);
    hl_surge_vessel av;
    hl_surge_vessel_result(s, 0, &av);
    double patm = 101325.0, p_res = 30e5;
    double expect =
        2.0 * pow((v0.pressure_pa + patm) / (p_res + patm), 1.0 / 1.2);
    if (getenv("HL_SHOW"))
        printf("air vessel: max %.3f bar (without %.3f), gas end %.6f m3 "
               "(gas law %.6f)\n",
               with / 1e5, without / 1e5, av.gas_end_m3, expect);
    assert_true(fabs(av.gas_end_m3 / expect - 1.0) < 1e-3);
    assert_true(av.gas_min_m3 <= av.gas_end_m3 && av.gas_max_m3 >= 2.0);
    hl_surge_free(s);
    hl_model_free(m);
    unlink(path);
    unlink(damped);
}

/* The transient: section refuses what it cannot use, with file:line. */
static void bad_transient_section(void **state)
{
    (void)state;
    static const struct {
        const char *yaml, *text;
    } cases[] = {
        {"  pipes:\n    - {id: P1, wave_speed_m_per_s: 0}\n",
         "wave_speed_m_per_s 0: expected > 0"},
        {"  pipes:\n    - {id: P7, wave_speed_m_per_s: 900}\n", "no pipe 'P7'"},
        {"  pumps:\n    - {id: P1, inertia_kg_m2: 5}\n", "no pump 'P1'"},
        {"  restraint: welded\n", "restraint"},
        {"  wave_speed: 3\n", "unknown key 'wave_speed'"},
        {"  air_vessels:\n    - {id: A, node: V}\n",
         "gas_volume_m3 is required"},
        {"  air_vessels:\n    - {id: A, node: Q, gas_volume_m3: 1}\n",
         "no node 'Q'"},
        {"  air_vessels:\n    - {id: A, node: V, gas_volume_m3: 0}\n",
         "gas_volume_m3 0: expected > 0"},
        {"  valves:\n    - {id: VALVE, opening: [0, 0.5, 1], kv_ratio: [0, "
         "1]}\n",
         "as many values each"},
        {"  valves:\n    - {id: VALVE, opening: [0, 0.7, 0.5, 1], kv_ratio: "
         "[0, 0.2, 0.3, 1]}\n",
         "openings rising from 0 to 1"},
        {"  valves:\n    - {id: P1, opening: [0, 1], kv_ratio: [0, 1]}\n",
         "no valve 'P1'"},
        {"  check_valves:\n    - {id: VALVE, closure_delay_s: 1}\n",
         "not of type check"},
    };
    char *base = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(test_data_file("data/surge/rpv.yaml"),
                                    &base, &len, &err),
                     HL_OK);
    char *cut = strstr(base, "transient:");
    assert_non_null(cut);
    cut[strlen("transient:\n")] = '\0';
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[] = "/tmp/hl_surge_XXXXXX.yaml";
        int fd = mkstemps(path, 5);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        fprintf(f, "%s%s", base, cases[i].yaml);
        fclose(f);
        hl_model *m = NULL;
        assert_int_not_equal(hl_model_load(&m, path), HL_OK);
        if (!strstr(hl_model_error(m), cases[i].text))
            fail_msg("'%s' lacks '%s'", hl_model_error(m), cases[i].text);
        hl_model_free(m);
        unlink(path);
    }
    free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(joukowsky_on_the_model_path),
        cmocka_unit_test(default_line_stays_steady),
        cmocka_unit_test(mass_at_every_junction_every_step),
        cmocka_unit_test(relay_station_trip),
        cmocka_unit_test(controlled_pumps_hold),
        cmocka_unit_test(valve_characteristic),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(bad_transient_section),
        cmocka_unit_test(air_vessel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
