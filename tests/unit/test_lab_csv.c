/*
 * test_lab_csv.c - reading runs: the set-up from the columns, units, and
 * every bad-input path naming file, line and column; then the ageing
 * analysis on a small hand-made table whose answers are known.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

static const char plate_head[] =
    "# comment lines are skipped\n"
    "material,heat_flux_w_per_m2,thickness_mm,t_hot_c,t_cold_c\n";

/* Read text; expect failure whose message holds every needle. */
static void expect_error(const char *text, const char *n1, const char *n2)
{
    hl_lab_data d;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_lab_read_text(text, strlen(text), "runs.csv", 0, &d, &err);
    if (rc == HL_OK || !strstr(err.message, n1) ||
        (n2 && !strstr(err.message, n2))) {
        fprintf(stderr, "rc %d, message: %s\n", rc, err.message);
        fail();
    }
    assert_int_equal(d.n_runs, 0);
    assert_null(d.runs);
}

static void test_plate_read(void **state)
{
    (void)state;
    char text[512];
    snprintf(text, sizeof text,
             "%sboard,24.4,25,30,10\nboard,26,25,40,"
             "20\n",
             plate_head);
    hl_lab_data d;
    assert_int_equal(
        hl_lab_read_text(text, strlen(text), "runs.csv", 0, &d, NULL), HL_OK);
    assert_int_equal(d.setup, HL_LAB_PLATE);
    assert_int_equal(d.n_runs, 2);
    assert_int_equal(d.runs[0].line, 3);
    assert_true(fabs(d.runs[0].value.lambda - 0.0305) < 1e-12);
    assert_true(fabs(d.runs[1].value.t_mean_k - 303.15) < 1e-9);
    hl_lab_data_free(&d);
}

static void test_missing_column(void **state)
{
    (void)state;
    expect_error("material,heat_flux_w_per_m2,thickness_mm,t_hot_c\n"
                 "b,20,25,30\n",
                 "runs.csv:1", "t_cold_c");
    expect_error("heat_flux_w_per_m2,thickness_mm,t_hot_c,t_cold_c\n"
                 "20,25,30,10\n",
                 "runs.csv:1", "material");
    expect_error("material,thickness_mm\nb,3\n", "runs.csv:1",
                 "cannot tell the set-up");
    expect_error("material,power_w,heat_flux_w_per_m2\nb,3,4\n", "runs.csv:1",
                 "mix");
}

static void test_temperatures_equal_or_reversed(void **state)
{
    (void)state;
    char text[512];
    snprintf(text, sizeof text, "%sb,20,25,30,10\nb,20,25,20,20\n", plate_head);
    expect_error(text, "runs.csv:4: column t_cold_c", "not below");
    snprintf(text, sizeof text, "%sb,20,25,10,30\n", plate_head);
    expect_error(text, "runs.csv:3: column t_cold_c", "hotter");
    expect_error("material,sleeve_od_mm,thickness_mm,t_inner_c,t_surface_c,"
                 "t_air_c,emissivity\nc,114,8,50,60,20,0.9\n",
                 "runs.csv:2: column t_surface_c", "t_inner_c");
}

static void test_negative_power_zero_thickness(void **state)
{
    (void)state;
    static const char head[] =
        "material,power_w,length_m,pipe_od_mm,thickness_mm,t_inner_c,"
        "t_outer_c\n";
    char text[512];
    snprintf(text, sizeof text, "%sm,-5,1,88.9,50,100,30\n", head);
    expect_error(text, "runs.csv:2: column power_w '-5'",
                 "expected above 0, up to 10000000 W");
    snprintf(text, sizeof text, "%sm,25,1,88.9,0,100,30\n", head);
    expect_error(text, "runs.csv:2: column thickness_mm '0'",
                 "expected above 0");
    snprintf(text, sizeof text, "%sm,25,1,88.9,abc,100,30\n", head);
    expect_error(text, "runs.csv:2: column thickness_mm", "not a number");
    snprintf(text, sizeof text, "%sm,25,1,88.9,,100,30\n", head);
    expect_error(text, "runs.csv:2: column thickness_mm", "empty");
}

static void test_other_cells(void **state)
{
    (void)state;
    static const char head[] =
        "material,sleeve_od_mm,thickness_mm,t_inner_c,t_surface_c,t_air_c,"
        "emissivity,delaminated,u_t_air_k\n";
    char text[512];
    snprintf(text, sizeof text, "%sc,114,8,110,52,20,1.4,no,0.1\n", head);
    expect_error(text, "runs.csv:2: column emissivity '1.4'",
                 "expected above 0, up to 1");
    snprintf(text, sizeof text, "%sc,114,8,110,52,20,0.9,maybe,0.1\n", head);
    expect_error(text, "runs.csv:2: column delaminated", "yes");
    snprintf(text, sizeof text, "%sc,114,8,110,52,20,0.9,no,-1\n", head);
    expect_error(text, "runs.csv:2: column u_t_air_k '-1'", "expected 0 to");
    snprintf(text, sizeof text, "%sc,114,8,110,15,20,0.9,no,0.1\n", head);
    expect_error(text, "runs.csv:2: column t_surface_c", "warmer");
    snprintf(text, sizeof text, "%s,114,8,110,52,20,0.9,no,0.1\n", head);
    expect_error(text, "runs.csv:2: column material", "empty");
}

/* ---- ageing ---------------------------------------------------------------
 * Plate runs at 20 and 40 C mean (dT 20 K, 25 mm): lambda of "good" is
 * 0.030 + 1e-4 (t - 30) and grows 2 % per 10 cycles; "poor" is 0.040 +
 * 1e-4 (t - 30) and grows 6 % per 10 cycles; the flux is lambda dT / d. */
static void add_rows(char *buf, size_t len, const char *mat, double l30,
                     double growth, int cycles, double mass, const char *delam)
{
    for (int k = 0; k < 2; k++) {
        double tm = k ? 40.0 : 20.0;
        double l = (l30 + 1e-4 * (tm - 30.0)) * (1.0 + growth * cycles / 10.);
        size_t at = strlen(buf);
        snprintf(buf + at, len - at, "%s,%d,%.10g,25,%g,%g,%g,%s\n", mat,
                 cycles, l * 20.0 / 0.025, tm + 10.0, tm - 10.0, mass, delam);
    }
}

static void ageing_data(hl_lab_data *d, int poor_delaminates)
{
    static char text[4096];
    strcpy(text, "material,cycles,heat_flux_w_per_m2,thickness_mm,t_hot_c,"
                 "t_cold_c,mass_g,delaminated\n");
    for (int c = 0; c <= 30; c += 10) {
        add_rows(text, sizeof text, "good", 0.030, 0.02, c, 100 + 0.1 * c,
                 "no");
        add_rows(text, sizeof text, "poor", 0.040, 0.06, c, 200,
                 poor_delaminates && c == 30 ? "yes" : "no");
    }
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_lab_read_text(text, strlen(text), "age.csv", 0, d, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, HL_OK);
}

static void test_ageing_known_answers(void **state)
{
    (void)state;
    hl_lab_data d;
    ageing_data(&d, 1);
    hl_lab_ageing a;
    hl_lab_ageing_options o = {NAN, 0.0};
    assert_int_equal(hl_lab_ageing_analyse(&d, &o, &a, NULL), HL_OK);
    assert_true(fabs(a.design_k - (30.0 + HL_ZERO_C_K)) < 1e-9);
    assert_true(fabs(a.limit_pct - 10.0) < 1e-12);
    assert_int_equal(a.n_groups, 8);
    const hl_lab_age_group *g = &a.groups[3]; /* good, 30 cycles */
    assert_true(fabs(g->cycles - 30.0) < 1e-12);
    assert_true(fabs(g->lambda_design - 0.030 * 1.06) < 1e-9);
    assert_true(fabs(g->increase_pct - 6.0) < 1e-6);
    assert_true(fabs(g->mass_change_pct - 3.0) < 1e-6);
    assert_true(g->pass);
    assert_int_equal(a.n_materials, 2);
    const hl_lab_age_material *best = &a.materials[0], *worst = &a.materials[1];
    assert_string_equal(best->material, "good");
    assert_int_equal(best->rank, 1);
    assert_true(fabs(best->increase_pct_per_cycle - 0.2) < 1e-6);
    assert_true(fabs(best->mass_change_pct_per_cycle - 0.1) < 1e-6);
    assert_true(best->pass);
    assert_string_equal(worst->material, "poor");
    assert_true(fabs(worst->trend_increase_pct - 18.0) < 1e-6);
    assert_false(worst->pass);
    assert_true(worst->delaminated);
    hl_lab_ageing_free(&a);
    /* a stricter limit fails the good one too */
    o.limit_pct = 5.0;
    assert_int_equal(hl_lab_ageing_analyse(&d, &o, &a, NULL), HL_OK);
    assert_false(a.materials[0].pass);
    hl_lab_ageing_free(&a);
    hl_lab_data_free(&d);
}

static void test_ageing_needs_unaged_runs(void **state)
{
    (void)state;
    const char *text = "material,cycles,heat_flux_w_per_m2,thickness_mm,"
                       "t_hot_c,t_cold_c\n"
                       "x,0,24,25,30,10\nx,0,28,25,50,30\nx,0,26,25,40,20\n"
                       "x,10,25,50,30,10\n";
    hl_lab_data d;
    assert_int_equal(
        hl_lab_read_text(text, strlen(text), "age.csv", 0, &d, NULL), HL_OK);
    hl_lab_ageing a;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_lab_ageing_analyse(&d, NULL, &a, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "age.csv:5"));
    assert_non_null(strstr(err.message, "50.00 mm"));
    hl_lab_data_free(&d);
}

/* Without a cycles column the hours at temperature are the ageing
 * variable. */
static void test_ageing_by_hours(void **state)
{
    (void)state;
    const char *text = "material,hours,heat_flux_w_per_m2,thickness_mm,"
                       "t_hot_c,t_cold_c\n"
                       "h,0,24,25,30,10\nh,0,28,25,50,30\n"
                       "h,500,26.88,25,30,10\nh,500,31.36,25,50,30\n";
    hl_lab_data d;
    assert_int_equal(
        hl_lab_read_text(text, strlen(text), "hours.csv", 0, &d, NULL), HL_OK);
    assert_int_equal(d.age_by_hours, 1);
    hl_lab_ageing a;
    assert_int_equal(hl_lab_ageing_analyse(&d, NULL, &a, NULL), HL_OK);
    assert_int_equal(a.n_groups, 2);
    assert_true(fabs(a.groups[1].cycles - 500.0) < 1e-12);
    assert_true(fabs(a.groups[1].increase_pct - 12.0) < 1e-6);
    assert_false(a.groups[1].pass); /* 12 % against the 10 % limit */
    assert_true(fabs(a.materials[0].increase_pct_per_cycle - 0.024) < 1e-9);
    hl_lab_ageing_free(&a);
    hl_lab_point pts[4];
    assert_int_equal(hl_lab_points(&d, "H", 500.0, pts, 4), 2);
    hl_lab_data_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plate_read),
        cmocka_unit_test(test_missing_column),
        cmocka_unit_test(test_temperatures_equal_or_reversed),
        cmocka_unit_test(test_negative_power_zero_thickness),
        cmocka_unit_test(test_other_cells),
        cmocka_unit_test(test_ageing_known_answers),
        cmocka_unit_test(test_ageing_needs_unaged_runs),
        cmocka_unit_test(test_ageing_by_hours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
