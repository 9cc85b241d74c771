/*
 * test_surge_default_line.c - the default line's protection against a
 * trip of relay station PS1 and a total power failure (every pump trips),
 * as found with heatline surge (docs/physics.md, "Surge", the default
 * line): without air vessels and relief valve both break the line's limits
 * (PS1: pipes above PN25 and the return at vapour pressure; power failure:
 * the supply leaving the plant and the urban mains boil); with the model's
 * vessels (AV-PS1-R-OUT, AV-PS1-S-IN, AV-PLANT-S, AV-HX-U-S added for
 * these events, and AV-TRUNK-R-OUT since the pumps run on the built-in
 * four-quadrant curves) both pass, and so does a trip of the plant's main
 * pumps alone (PS0-MAIN, with 700 m3 at PS1-S-IN), every vessel keeps gas,
 * nothing is NaN, and every tripped pump runs in four quadrants on a built-in
 * family (the model gives inertias, no curves). Runs as
 * the README shows them: 300 s, dx 50 m. A trip of the isolation station
 * fails with the pumps at held speeds (its end state, not a wave; see
 * below) and passes interlocked with the urban relay while the other
 * stations' drives keep their pressures (AV-HX-P-IN, AV-HX-R-OUT). If the
 * default model's protection changes, these are the lines to change.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static hl_model *load_solved(const char *path)
{
    hl_model *m = NULL;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

/* The default model cut before its air vessels (inertias, bypass checks
 * kept; the relief valve goes with them), as a temporary file. */
static void without_vessels(char *path)
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

/* The event over 300 s at dx 50 m; control: the drives keep their
 * pressures (--pump-control active). */
static hl_surge *event_with(const hl_model *m, int kind, const char *target,
                            int control)
{
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = kind;
    o.target = target;
    o.pump_control = control;
    o.duration_s = 300.0;
    o.dx_m = 50.0;
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_run(&s, m, &o, &err))
        fail_msg("%s", err.message);
    return s;
}

static hl_surge *event(const hl_model *m, int kind, const char *target)
{
    return event_with(m, kind, target, 0);
}

static hl_surge_verdict verdict_of(const hl_surge *s, const char *what)
{
    hl_surge_verdict v;
    assert_int_equal(hl_surge_verdict_get(s, &v), HL_OK);
    assert_true(isfinite(v.max_pressure_pa) && isfinite(v.min_pressure_pa));
    if (getenv("HL_SHOW"))
        printf("%s: ok %d, %d over PN (max %.2f bar in %s), %d near vapour "
               "(min %.2f bar in %s), %d cavities (largest %.3f m3)\n",
               what, v.ok, v.pipes_over_pn, v.max_pressure_pa / 1e5, v.max_pipe,
               v.pipes_near_vapour, v.min_pressure_pa / 1e5, v.min_pipe,
               v.cavities, v.max_cavity_m3);
    return v;
}

static void unprotected_line_fails(void **state)
{
    (void)state;
    char path[64];
    without_vessels(path);
    hl_model *m = load_solved(path);
    unlink(path);
    hl_surge *s = event(m, HL_SURGE_STATION_TRIP, "relay PS1");
    hl_surge_verdict v = verdict_of(s, "PS1 trip, bare");
    assert_false(v.ok);
    assert_true(v.pipes_over_pn > 0 && v.pipes_near_vapour > 0);
    hl_surge_free(s);
    s = event(m, HL_SURGE_POWER_FAILURE, NULL);
    v = verdict_of(s, "power failure, bare");
    assert_false(v.ok);
    assert_true(v.cavities > 0);
    hl_surge_free(s);
    hl_model_free(m);
}

static void vessels_keep_gas(const hl_surge *s)
{
    for (int i = 0; i < hl_surge_vessel_count(s); i++) {
        hl_surge_vessel av;
        assert_int_equal(hl_surge_vessel_result(s, i, &av), HL_OK);
        if (!(av.gas_min_m3 > 0.0 && isfinite(av.gas_max_m3)))
            fail_msg("vessel %s: gas %g .. %g m3", av.id, av.gas_min_m3,
                     av.gas_max_m3);
    }
}

static void protected_line_passes(void **state)
{
    (void)state;
    hl_model *m = load_solved(NULL);
    hl_surge *s = event(m, HL_SURGE_STATION_TRIP, "relay PS1");
    hl_surge_verdict v = verdict_of(s, "PS1 trip, default");
    assert_true(v.ok);
    vessels_keep_gas(s);
    assert_int_equal(hl_surge_pump_count(s), 2);
    hl_surge_free(s);
    s = event(m, HL_SURGE_POWER_FAILURE, NULL);
    v = verdict_of(s, "power failure, default");
    assert_true(v.ok);
    assert_int_equal(v.cavities, 0);
    vessels_keep_gas(s);
    assert_int_equal(hl_surge_pump_count(s), hl_model_count(m, HL_PUMP));
    for (int i = 0; i < hl_surge_pump_count(s); i++) {
        hl_surge_pump pu;
        assert_int_equal(hl_surge_pump_result(s, i, &pu), HL_OK);
        assert_true(pu.four_quadrant);
        assert_non_null(pu.curves);
        assert_true(strncmp(pu.curves, "ns", 2) == 0);
        assert_true(pu.specific_speed > 0.0);
    }
    hl_surge_free(s);
    /* the plant's main pumps alone: PS1's pumps draw on its suction (the
     * 700 m3 at PS1-S-IN; 600 m3 left L1-S08 within the margin) */
    s = event(m, HL_SURGE_PUMP_TRIP, "PS0-MAIN");
    v = verdict_of(s, "PS0-MAIN trip, default");
    assert_true(v.ok);
    vessels_keep_gas(s);
    hl_surge_free(s);
    hl_model_free(m);
}

/* A trip of the isolation station with every other pump at its held
 * speed (docs/physics.md, "the isolation-station trip, taken apart"): it
 * fails, and its overpressure at PS2-S-OUT is the end state of PS2's
 * speed-held pumps running up their curve, not a passing wave: still
 * above PN25 at the end of the run, its highest long after the front from
 * the isolation station (20 s). */
static void isolation_trip_held_speeds_fail(void **state)
{
    (void)state;
    hl_model *m = load_solved(NULL);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_STATION_TRIP;
    o.target = "isolation station";
    o.duration_s = 300.0;
    o.dx_m = 50.0;
    o.series_every_s = 1.0;
    const char *watch[] = {"PS2-S-OUT"};
    o.watch = watch;
    o.n_watch = 1;
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_run(&s, m, &o, &err))
        fail_msg("%s", err.message);
    hl_surge_verdict v = verdict_of(s, "isolation station trip, default");
    assert_false(v.ok);
    assert_true(v.pipes_over_pn > 0);
    assert_string_equal(v.max_pipe, "L3-S01");
    double t_max = 0.0, p_max = -INFINITY, t, h, p;
    int ns = hl_surge_sample_count(s);
    for (int i = 0; i < ns; i++) {
        hl_surge_sample(s, 0, i, &t, &h, &p);
        assert_true(isfinite(p));
        if (p > p_max) {
            p_max = p;
            t_max = t;
        }
    }
    hl_surge_sample(s, 0, ns - 1, &t, &h, &p);
    if (!(p > 25e5 && t_max > 100.0))
        fail_msg("PS2-S-OUT %.2f bar(g) at the end, highest %.2f at %.0f s",
                 p / 1e5, p_max / 1e5, t_max);
    hl_surge_free(s);
    hl_model_free(m);
}

/* The isolation station's trip interlocked with the urban relay, the
 * other stations' drives keeping their pressures (--pump-control active;
 * docs/physics.md, "Surge: pumps under pressure control"): it passes, and
 * PS2's supply pumps end slower, holding their discharge within the
 * drive's band. Without the interlock the urban side still fails (the
 * urban relay's drives draw on a supply nobody circulates), and with held
 * speeds the interlock fails on L3. */
static void isolation_trip_interlocked_passes(void **state)
{
    (void)state;
    hl_model *m = load_solved(NULL);
    hl_surge *held =
        event(m, HL_SURGE_STATION_TRIP, "isolation station,urban relay");
    assert_false(verdict_of(held, "interlock, held speeds").ok);
    hl_surge_free(held);
    hl_surge *alone =
        event_with(m, HL_SURGE_STATION_TRIP, "isolation station", 1);
    assert_false(verdict_of(alone, "isolation station, controlled").ok);
    hl_surge_free(alone);
    hl_surge *s = event_with(m, HL_SURGE_STATION_TRIP,
                             "isolation station,urban relay", 1);
    hl_surge_verdict v = verdict_of(s, "interlock, controlled");
    assert_true(v.ok);
    vessels_keep_gas(s);
    int found = 0;
    for (int i = 0; i < hl_surge_controlled_count(s); i++) {
        hl_surge_controlled c;
        hl_surge_controlled_result(s, i, &c);
        if (strcmp(c.id, "PS2-SUP") != 0)
            continue;
        found = 1;
        assert_true(c.speed_end < c.speed_start - 0.05);
    }
    assert_true(found);
    hl_surge_free(s);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unprotected_line_fails),
        cmocka_unit_test(protected_line_passes),
        cmocka_unit_test(isolation_trip_held_speeds_fail),
        cmocka_unit_test(isolation_trip_interlocked_passes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
