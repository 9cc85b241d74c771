/*
 * test_weather.c - the EPW reader against a small invented file whose
 * values are known by construction (tests/data/weather/tiny.epw), EPW rows
 * with bad fields (the error names file:line and field), the hourly CSV,
 * date-range selection, and the embedded SYNTHETIC Hohhot year (monthly
 * means kept, smooth joins).
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define C0 HL_ZERO_C_K

static void epw_values(void **state)
{
    (void)state;
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_weather_load(test_data_file("data/weather/tiny.epw"), &w, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(w.n, 48);
    assert_true(w.typical_year && !w.synthetic);
    /* row 1: 1 Jan, EPW hour 1 = 00:00-01:00, -15 + 1/2 C, 1 + 1/10 m/s */
    assert_int_equal(w.month[0], 1);
    assert_int_equal(w.day[0], 1);
    assert_int_equal(w.hour[0], 0);
    assert_true(fabs(w.dry_bulb_k[0] - (C0 - 14.5)) < 1e-9);
    assert_true(fabs(w.wind_m_s[0] - 1.1) < 1e-9);
    /* row 48: 2 Jan hour 24: -10 - 24/4 = -16 C, 1 + 24/10 = 3.4 m/s */
    assert_int_equal(w.day[47], 2);
    assert_int_equal(w.hour[47], 23);
    assert_true(fabs(w.dry_bulb_k[47] - (C0 - 16.0)) < 1e-9);
    assert_true(fabs(w.wind_m_s[47] - 3.4) < 1e-9);
    assert_string_equal(w.location, "Testville, Nei Mongol, CHN");
    assert_true(fabs(w.latitude_deg - 40.80) < 1e-12);
    assert_true(fabs(w.elevation_m - 1060.0) < 1e-12);
    assert_int_equal(w.n_ground, 3); /* 50 fields on that header line */
    assert_true(fabs(w.ground_depth_m[1] - 2.0) < 1e-12);
    assert_true(fabs(w.ground_monthly_k[0][0] - (C0 - 2.0)) < 1e-9);
    assert_true(fabs(w.ground_monthly_k[1][11] - (C0 + 8.5)) < 1e-9);
    assert_true(fabs(w.ground_depth_m[2] - 4.0) < 1e-12);
    assert_true(fabs(w.ground_monthly_k[2][2] - (C0 - 0.7)) < 1e-9);
    hl_weather_free(&w);
}

static void expect_error(const char *file, const char *where, const char *what)
{
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_weather_load(test_data_file(file), &w, &err),
                     HL_EPARSE);
    if (!strstr(err.message, where) || !strstr(err.message, what))
        fail_msg("'%s' lacks '%s' / '%s'", err.message, where, what);
    assert_null(w.dry_bulb_k); /* nothing left allocated */
}

static void epw_bad_rows(void **state)
{
    (void)state;
    expect_error("data/weather/bad_dry_bulb.epw",
                 "bad_dry_bulb.epw:12:", "dry-bulb");
    expect_error("data/weather/bad_wind.epw", "bad_wind.epw:18:", "wind");
    expect_error("data/weather/short_row.epw", "short_row.epw:14:", "fields");
}

static void epw_bad_header(void **state)
{
    (void)state;
    const char text[] = "LOCATION,a,b,c,d,1,40,111,8,1000\nDESIGN "
                        "CONDITIONS,0\nGROUND TEMPERATURES,0\n";
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        hl_weather_parse_epw(text, sizeof text - 1, "h.epw", &w, &err),
        HL_EPARSE);
    assert_non_null(strstr(err.message, "h.epw:3:"));
    assert_non_null(strstr(err.message, "TYPICAL/EXTREME PERIODS"));
}

static void csv_and_ranges(void **state)
{
    (void)state;
    hl_weather w;
    hl_error err;
    int first, count;
    hl_error_clear(&err);
    assert_int_equal(
        hl_weather_load(test_data_file("data/weather/two_days.csv"), &w, &err),
        HL_OK);
    assert_int_equal(w.n, 48);
    assert_false(w.typical_year);
    assert_true(fabs(w.dry_bulb_k[47] - (C0 - 12.0 + 23.0 / 4.0)) < 1e-9);
    assert_int_equal(
        hl_weather_select(&w, "01-01", "01-02", &first, &count, &err), HL_OK);
    assert_int_equal(first, 0);
    assert_int_equal(count, 48);
    assert_int_equal(
        hl_weather_select(&w, "2024-01-02", "2024-01-02", &first, &count, &err),
        HL_OK);
    assert_int_equal(first, 24);
    assert_int_equal(count, 24);
    /* the default heating season is not in a two-day file */
    assert_int_equal(hl_weather_select(&w, NULL, NULL, &first, &count, &err),
                     HL_ERANGE);
    assert_non_null(strstr(err.message, "outside the weather file"));
    /* no wrapping in a file that is not a typical year */
    hl_error_clear(&err);
    assert_int_equal(
        hl_weather_select(&w, "01-02", "01-01", &first, &count, &err),
        HL_ERANGE);
    hl_error_clear(&err);
    assert_int_equal(
        hl_weather_select(&w, "1-2", "01-01", &first, &count, &err), HL_EINVAL);
    hl_weather_free(&w);
}

static void csv_bad_field(void **state)
{
    (void)state;
    const char text[] = "time,temp_c\n2024-01-01 00:00,-5\n"
                        "2024-01-01 01:00,abc\n";
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        hl_weather_parse_csv(text, sizeof text - 1, "w.csv", &w, &err),
        HL_EPARSE);
    assert_non_null(strstr(err.message, "w.csv:3:"));
    assert_non_null(strstr(err.message, "temp_c"));
}

static void synthetic_year(void **state)
{
    (void)state;
    /* data/weather/hohhot-monthly.csv */
    static const double mean_c[12] = {-12.2, -8.4, -0.8, 9.0, 15.9, 21.3,
                                      22.2,  20.4, 15.3, 7.0, -2.8, -8.9};
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_weather_default(&w, &err), HL_OK);
    assert_int_equal(w.n, 8760);
    assert_true(w.synthetic && w.typical_year);
    assert_non_null(strstr(w.source, "SYNTHETIC"));
    double sum[12] = {0}, n[12] = {0}, worst_step = 0.0;
    for (int i = 0; i < w.n; i++) {
        sum[w.month[i] - 1] += w.dry_bulb_k[i] - C0;
        n[w.month[i] - 1] += 1;
        double prev = w.dry_bulb_k[(i + w.n - 1) % w.n]; /* wraps 31 Dec */
        worst_step = fmax(worst_step, fabs(w.dry_bulb_k[i] - prev));
        assert_true(w.wind_m_s[i] >= 0.0);
    }
    for (int m = 0; m < 12; m++)
        assert_true(fabs(sum[m] / n[m] - mean_c[m]) < 0.02);
    assert_true(worst_step < 2.0); /* months join without steps */
    int first, count;
    assert_int_equal(hl_weather_select(&w, NULL, NULL, &first, &count, &err),
                     HL_OK);
    assert_int_equal(count, 4392); /* 183 days */
    assert_int_equal(w.month[first], 10);
    assert_int_equal(w.day[first], 15);
    assert_int_equal(w.hour[first], 0);
    hl_weather_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(epw_values),     cmocka_unit_test(epw_bad_rows),
        cmocka_unit_test(epw_bad_header), cmocka_unit_test(csv_and_ranges),
        cmocka_unit_test(csv_bad_field),  cmocka_unit_test(synthetic_year),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
