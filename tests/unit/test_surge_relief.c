/*
 * test_surge_relief.c - pressure-relief valves of the surge engine: the
 * largest discharge against the valve's capacity, and the sizing helper
 * (hl_surge_size_relief, --size relief-valve:NODE), on the textbook line
 * tests/data/surge/rpv.yaml (reservoir - 1000 m DN500 at 1000 m/s - valve,
 * 1.855 m/s, 29.53 bar(g) at the valve) whose valve shuts at once:
 * - a relief valve of (nearly) unlimited capacity at the valve, set at
 *   p_s, holds p_s while the first wave stands: by C+ its discharge starts
 *   at rho A (V0 - (p_s - p_0) / (rho a)) (Wylie and Streeter 1993, eq.
 *   3-19 with H = p_s / (rho g)) and grows as the front recovers the
 *   line's friction head (line packing: 4.4 % here, the friction drop
 *   0.47 bar against the 10.5 bar step), at most to the discharge with
 *   p_0 replaced by the reservoir's pressure; its capacity sufficed;
 * - with half that capacity it discharges more than it is rated for: the
 *   result says so and a warning names it;
 * - sizing against PN 45 on the pipe (unprotected, the Joukowsky rise
 *   takes the valve to 48.1 bar(g)): the highest set pressure the range
 *   allows (PN / 1.1) passes, the capacity is the first plateau's discharge
 *   rounded up to 10 kg/s, and a run with that valve passes;
 * - a node whose steady pressure leaves no room below PN is refused.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RHO  1000.0
#define WAVE 1000.0
#define AREA (M_PI * 0.25 * 0.25)

/* rpv.yaml with PN pn_bar on its pipe (0: none) and `extra` appended to
 * its transient: section, loaded and solved. */
static hl_model *rpv(double pn_bar, const char *extra)
{
    char *text = NULL, path[64];
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(test_data_file("data/surge/rpv.yaml"),
                                    &text, &len, &err),
                     HL_OK);
    const char *rough = "roughness_mm: 0.05}";
    char *at = strstr(text, rough);
    assert_non_null(at);
    strcpy(path, "/tmp/hl_relief_XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "%.*sroughness_mm: 0.05", (int)(at - text), text);
    if (pn_bar > 0.0)
        fprintf(f, ", pn_bar: %g", pn_bar);
    fprintf(f, "}%s%s", at + strlen(rough), extra);
    fclose(f);
    free(text);
    hl_model *m = NULL;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    unlink(path);
    return m;
}

static void closure(hl_surge_options *o)
{
    hl_surge_options_default(o);
    o->event = HL_SURGE_VALVE_CLOSE;
    o->target = "VALVE";
    o->closure_s = 0.0;
    o->duration_s = 10.0;
    o->dx_m = 50.0;
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

/* The steady velocity in the pipe and pressure at the valve (the
 * reservoir's: 30 bar(g) in rpv.yaml). */
#define P_RESERVOIR 30e5
static void steady(const hl_model *m, double *v0, double *p0)
{
    hl_pipe_result pr;
    hl_node_result nr;
    assert_int_equal(hl_model_pipe_result(m, 0, &pr), HL_OK);
    assert_int_equal(
        hl_model_node_result(m, hl_model_find(m, HL_NODE, "V"), &nr), HL_OK);
    *v0 = pr.velocity_m_s;
    *p0 = nr.pressure_pa;
}

static int warned(const hl_surge *s, const char *text)
{
    for (int i = 0; i < hl_surge_warning_count(s); i++)
        if (strstr(hl_surge_warning(s, i), text))
            return 1;
    return 0;
}

static void discharge_against_capacity(void **state)
{
    (void)state;
    hl_model *m = rpv(0.0, "  relief_valves:\n"
                           "    - {id: RV, node: V, set_pressure_bar_g: 40, "
                           "capacity_kg_per_s: 100000}\n");
    double v0, p0;
    steady(m, &v0, &p0);
    double expect = RHO * AREA * (v0 - (40e5 - p0) / (RHO * WAVE));
    double packed = RHO * AREA * (v0 - (40e5 - P_RESERVOIR) / (RHO * WAVE));
    assert_true(expect > 100.0); /* it opens and discharges */
    hl_surge_options o;
    closure(&o);
    hl_surge *s = run(m, &o);
    hl_surge_relief rv;
    assert_int_equal(hl_surge_relief_count(s), 1);
    assert_int_equal(hl_surge_relief_result(s, 0, &rv), HL_OK);
    if (!(rv.max_discharge_kg_s >= expect && rv.max_discharge_kg_s <= packed))
        fail_msg("discharge %g kg/s outside %g .. %g", rv.max_discharge_kg_s,
                 expect, packed);
    assert_double_equal(rv.capacity_kg_s, 100000.0, 1e-9);
    assert_double_equal(rv.accumulation_pa, 4e5, 1e-6); /* 10 % of set */
    assert_true(rv.capacity_sufficed);
    assert_false(warned(s, "more than its capacity"));
    hl_surge_free(s);
    hl_model_free(m);

    char extra[200];
    snprintf(extra, sizeof extra,
             "  relief_valves:\n    - {id: RV, node: V, set_pressure_bar_g: "
             "40, capacity_kg_per_s: %.1f}\n",
             0.5 * expect);
    m = rpv(0.0, extra);
    s = run(m, &o);
    assert_int_equal(hl_surge_relief_result(s, 0, &rv), HL_OK);
    assert_false(rv.capacity_sufficed);
    assert_true(rv.max_discharge_kg_s > rv.capacity_kg_s);
    assert_true(warned(s, "relief valve 'RV' at 'V' discharged up to"));
    hl_surge_free(s);
    hl_model_free(m);
}

static void sizing_finds_set_and_capacity(void **state)
{
    (void)state;
    hl_model *m = rpv(45.0, "");
    double v0, p0;
    steady(m, &v0, &p0);
    hl_surge_options o;
    closure(&o);
    hl_surge *s = run(m, &o);
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    assert_false(v.ok); /* the Joukowsky rise breaks PN 45 */
    hl_surge_free(s);

    hl_surge_relief_sizing z;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_size_relief(m, &o, "V", &z, &err))
        fail_msg("%s", err.message);
    double set = 45e5 / 1.1;
    assert_double_equal(z.set_pressure_pa, set, 1.0);
    double q = RHO * AREA * (v0 - (set - p0) / (RHO * WAVE));
    double q_packed = RHO * AREA * (v0 - (set - P_RESERVOIR) / (RHO * WAVE));
    if (!(z.capacity_kg_s >= q && z.capacity_kg_s < q_packed + 10.0))
        fail_msg("capacity %g kg/s outside %g .. %g + 10", z.capacity_kg_s, q,
                 q_packed);
    assert_true(z.runs >= 3);
    assert_false(z.run_ok[0]); /* without a valve */
    assert_true(z.run_ok[z.runs - 1]);

    o.extra_relief_node = "V";
    o.extra_relief_set_pa = z.set_pressure_pa;
    o.extra_relief_cap_kg_s = z.capacity_kg_s;
    s = run(m, &o);
    hl_surge_verdict_get(s, &v);
    assert_true(v.ok);
    hl_surge_relief rv;
    assert_int_equal(hl_surge_relief_result(s, 0, &rv), HL_OK);
    assert_string_equal(rv.id, "sized");
    assert_true(rv.capacity_sufficed);
    hl_surge_free(s);

    /* no room: PN 30 over a steady 29.5 bar(g) */
    hl_model *tight = rpv(30.0, "");
    hl_error_clear(&err);
    assert_int_equal(hl_surge_size_relief(tight, &o, "V", &z, &err),
                     HL_EUNREACHABLE);
    if (!strstr(err.message, "leaves no set pressure below PN"))
        fail_msg("%s", err.message);
    hl_error_clear(&err);
    assert_int_equal(hl_surge_size_relief(m, &o, "NOPE", &z, &err),
                     HL_ENOTFOUND);
    hl_model_free(tight);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(discharge_against_capacity),
        cmocka_unit_test(sizing_finds_set_and_capacity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
