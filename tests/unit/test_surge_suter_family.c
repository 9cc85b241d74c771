/*
 * test_surge_suter_family.c - the built-in four-quadrant pump curves
 * (src/surge/suter_family.c: Marchal, Flesch and Suter's pumps of
 * specific speed 25, 147 and 261 as Wylie and Streeter tabulate them):
 * - each table passes through its rated point (h = b = 1 at a = v = 1),
 *   so a pump at its rated point gives its rated head and torque;
 * - the zones have the signs the physics asks: in the dissipation zone
 *   (forward speed, reverse flow) head and torque are positive; in the
 *   turbine zone the torque changes sign once (the runaway point);
 *   pumping, the head falls from shut-off to zero once (run-out);
 * - shut-off head and torque rise with the specific speed (radial to
 *   axial pumps);
 * - the family nearest a specific speed (log scale) and Ns itself;
 * and on the model path (tests/data/surge/pump_lift.yaml without its own
 * tables): a pump with inertia and no curves runs four-quadrant on the
 * nearest family (Ns 48: ns25) and says so; `suter:` names a family or
 * keeps the affinity run-down; bad uses of the key name file:line.
 */
#include "test_support.h"

#include "heatline.h"
#include "surge/moc.h"
#include "surge/suter_family.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N    SUTER_FAMILY_N
#define STEP (2.0 * M_PI / N)

/* h or b at relative speed a and flow v from table w */
static double homologous(const double *w, double a, double v)
{
    double da, dv;
    return surge_homologous(w, N, a, v, &da, &dv);
}

static void tables_pass_rated_point(void **state)
{
    (void)state;
    for (int f = 0; f < SUTER_FAMILIES; f++) {
        const suter_family *fam = suter_family_get(f);
        assert_non_null(fam);
        assert_double_equal(homologous(fam->wh, 1.0, 1.0), 1.0, 1e-12);
        assert_double_equal(homologous(fam->wb, 1.0, 1.0), 1.0, 1e-12);
        /* at half speed and half flow, a quarter of each (homologous) */
        assert_double_equal(homologous(fam->wh, 0.5, 0.5), 0.25, 1e-12);
    }
    assert_null(suter_family_get(SUTER_FAMILIES));
    assert_null(suter_family_get(-1));
}

/* Sign changes of w over table indices [from, to]. */
static int sign_changes(const double *w, int from, int to)
{
    int n = 0;
    for (int i = from; i < to; i++)
        if ((w[i] < 0.0) != (w[i + 1] < 0.0))
            n++;
    return n;
}

static void zones_have_the_right_signs(void **state)
{
    (void)state;
    for (int f = 0; f < SUTER_FAMILIES; f++) {
        const suter_family *fam = suter_family_get(f);
        /* dissipation: a > 0, v < 0 (x in (90, 180) degrees) */
        for (double v = -0.05; v > -3.0; v -= 0.25) {
            assert_true(homologous(fam->wh, 1.0, v) > 0.0);
            assert_true(homologous(fam->wb, 1.0, v) > 0.0);
        }
        /* turbine zone x in [0, 90]: the torque crosses zero once */
        assert_int_equal(sign_changes(fam->wb, 0, N / 4), 1);
        /* pumping x in [180, 270]: head from shut-off (> 0) to negative
         * beyond run-out, once */
        assert_true(fam->wh[N / 2] > 0.0);
        assert_int_equal(sign_changes(fam->wh, N / 2, 3 * N / 4), 1);
        /* run-out lies beyond 1.2 times the rated flow */
        assert_true(homologous(fam->wh, 1.0, 1.2) > 0.0);
    }
}

static void shutoff_rises_with_specific_speed(void **state)
{
    (void)state;
    double last_h = 1.0, last_b = 0.0, last_ns = 0.0;
    for (int f = 0; f < SUTER_FAMILIES; f++) {
        const suter_family *fam = suter_family_get(f);
        double h0 = homologous(fam->wh, 1.0, 0.0);
        double b0 = homologous(fam->wb, 1.0, 0.0);
        assert_true(fam->ns > last_ns);
        assert_true(h0 > last_h); /* above the rated head, more so */
        assert_true(b0 > last_b);
        last_h = h0;
        last_b = b0;
        last_ns = fam->ns;
    }
    /* the radial pump's published shut-off point */
    assert_double_equal(homologous(suter_family_get(0)->wh, 1.0, 0.0), 1.288,
                        1e-12);
    assert_double_equal(homologous(suter_family_get(0)->wb, 1.0, 0.0), 0.450,
                        1e-12);
}

static void nearest_family(void **state)
{
    (void)state;
    assert_int_equal(suter_family_nearest(10.0), 0);
    assert_int_equal(suter_family_nearest(48.0), 0);
    assert_int_equal(suter_family_nearest(60.0), 0); /* sqrt(25 147) 60.6 */
    assert_int_equal(suter_family_nearest(61.0), 1);
    assert_int_equal(suter_family_nearest(195.0), 1); /* sqrt(147 261) 195.9 */
    assert_int_equal(suter_family_nearest(197.0), 2);
    assert_int_equal(suter_family_nearest(1000.0), 2);
    assert_int_equal(suter_family_nearest(0.0), -1);
    assert_int_equal(suter_family_nearest(NAN), -1);
    /* 1490 rpm, 0.1 m3/s, 30 m */
    assert_double_equal(suter_specific_speed(1490.0, 0.1, 30.0),
                        1490.0 * sqrt(0.1) / pow(30.0, 0.75), 1e-12);
    assert_true(isnan(suter_specific_speed(1490.0, 0.0, 30.0)));
}

/* ---- the model path --------------------------------------------------- */

/* pump_lift.yaml without its Suter tables, with `extra` after its
 * check_valve line, written to path. */
static void lift_model(const char *extra, char *path)
{
    char *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(test_data_file("data/surge/pump_lift.yaml"),
                                    &text, &len, &err),
                     HL_OK);
    char *cut = strstr(text, "      suter_wh:");
    assert_non_null(cut);
    *cut = '\0';
    strcpy(path, "/tmp/hl_suterf_XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "%s%s", text, extra);
    fclose(f);
    free(text);
}

typedef struct trip_result {
    int four_quadrant;
    char curves[16];
    double ns, min_speed, min_flow;
} trip_result;

static trip_result trip(const char *extra)
{
    char path[64];
    lift_model(extra, path);
    hl_model *m = NULL;
    if (hl_model_load(&m, path) || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    unlink(path);
    hl_surge_options o;
    hl_surge_options_default(&o);
    o.event = HL_SURGE_PUMP_TRIP;
    o.target = "PU";
    o.duration_s = 60.0;
    o.dx_m = 25.0;
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surge_run(&s, m, &o, &err))
        fail_msg("%s", err.message);
    hl_surge_pump pu;
    assert_int_equal(hl_surge_pump_result(s, 0, &pu), HL_OK);
    trip_result r = {pu.four_quadrant, "", pu.specific_speed, pu.min_speed,
                     pu.min_flow_ratio};
    snprintf(r.curves, sizeof r.curves, "%s", pu.curves ? pu.curves : "-");
    hl_surge_free(s);
    hl_model_free(m);
    return r;
}

static void model_picks_nearest_family(void **state)
{
    (void)state;
    trip_result r = trip("");
    assert_true(r.four_quadrant);
    assert_string_equal(r.curves, "ns25");
    /* the steady point of the pump on its one-point curve */
    assert_true(r.ns > 25.0 && r.ns < 60.6);
    /* no check valve, 20 m lift: the water runs back, the rotor turns
     * backwards */
    assert_true(r.min_flow < -0.5);
    assert_true(r.min_speed < -0.5);

    r = trip("      suter: ns261\n");
    assert_true(r.four_quadrant);
    assert_string_equal(r.curves, "ns261");

    r = trip("      suter: affinity\n");
    assert_false(r.four_quadrant);
    assert_string_equal(r.curves, "-");
    assert_true(r.min_flow >= 0.0); /* the affinity pump passes no reverse */
}

static void model_bad_suter_key(void **state)
{
    (void)state;
    static const struct {
        const char *extra, *text;
    } cases[] = {
        {"      suter: ns99\n", "suter"},
        {"      suter: ns25\n      suter_wh: [1, 1, 1, 1, 1, 1, 1, 1]\n"
         "      suter_wb: [1, 1, 1, 1, 1, 1, 1, 1]\n",
         "not both"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[64];
        lift_model(cases[i].extra, path);
        hl_model *m = NULL;
        assert_int_not_equal(hl_model_load(&m, path), HL_OK);
        const char *msg = hl_model_error(m);
        if (!strstr(msg, cases[i].text) || !strstr(msg, ".yaml:"))
            fail_msg("'%s' lacks '%s' or file:line", msg, cases[i].text);
        hl_model_free(m);
        unlink(path);
    }
    /* a named family without a rotor to turn */
    char path[64];
    lift_model("      suter: ns147\n", path);
    char *text = NULL;
    size_t len = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(read_text_file(path, &text, &len, &err), HL_OK);
    char *at = strstr(text, "      inertia_kg_m2: 2\n");
    assert_non_null(at);
    memmove(at, at + strlen("      inertia_kg_m2: 2\n"),
            strlen(at + strlen("      inertia_kg_m2: 2\n")) + 1);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    free(text);
    hl_model *m = NULL;
    assert_int_not_equal(hl_model_load(&m, path), HL_OK);
    if (!strstr(hl_model_error(m), "suter: ns147 needs inertia_kg_m2"))
        fail_msg("%s", hl_model_error(m));
    hl_model_free(m);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables_pass_rated_point),
        cmocka_unit_test(zones_have_the_right_signs),
        cmocka_unit_test(shutoff_rises_with_specific_speed),
        cmocka_unit_test(nearest_family),
        cmocka_unit_test(model_picks_nearest_family),
        cmocka_unit_test(model_bad_suter_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
