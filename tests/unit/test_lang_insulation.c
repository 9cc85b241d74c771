/*
 * test_lang_insulation.c - the library's pieces of issue 15 items 5 and 7:
 * language names and the environment (heatline_lang.h), the catalogue's
 * lookup with the English fallback; the pipe size tables, the NPS
 * notation, the annuity factor and the economic cost terms
 * (heatline_insulation.h), with values checked by hand.
 */
#include "heatline.h"
#include "test_support.h"

#include <math.h>
#include <string.h>

static void language_names(void **state)
{
    (void)state;
    assert_int_equal(hl_lang_from_name("en"), HL_LANG_EN);
    assert_int_equal(hl_lang_from_name("zh"), HL_LANG_ZH);
    assert_int_equal(hl_lang_from_name("zh_CN"), -1);
    assert_int_equal(hl_lang_from_name("fr"), -1);
    assert_int_equal(hl_lang_from_name(NULL), -1);
    assert_string_equal(hl_lang_name(HL_LANG_ZH), "zh");
    assert_null(hl_lang_name(7));
}

static void environment(void **state)
{
    (void)state;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "zh_CN.UTF-8", 1);
    assert_int_equal(hl_lang_from_environment(), HL_LANG_ZH);
    setenv("LC_ALL", "C", 1); /* the first one set wins */
    assert_int_equal(hl_lang_from_environment(), HL_LANG_EN);
    setenv("LC_ALL", "", 1); /* empty: not set */
    assert_int_equal(hl_lang_from_environment(), HL_LANG_ZH);
    unsetenv("LC_ALL");
    unsetenv("LANG");
    assert_int_equal(hl_lang_from_environment(), HL_LANG_EN);
}

static void catalogue(void **state)
{
    (void)state;
    assert_string_equal(hl_text(HL_LANG_ZH, "Hydraulic pressure diagram"),
                        "水压图");
    assert_string_equal(hl_text(HL_LANG_ZH, "Static head"), "静水压线");
    /* a \n in the catalogue is a newline */
    assert_string_equal(hl_text(HL_LANG_ZH, "\nStatic pressure (pumps "
                                            "stopped)\n"),
                        "\n静水压线（停泵）\n");
    const char *en = "not in any catalogue";
    assert_ptr_equal(hl_text(HL_LANG_ZH, en), en);
    assert_ptr_equal(hl_text(HL_LANG_EN, "Static head"), "Static head");
    assert_null(hl_text(HL_LANG_ZH, NULL));
}

static void pipe_sizes(void **state)
{
    (void)state;
    double od = 0;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_pipe_od_from_dn(200, &od, &err), HL_OK);
    assert_float_equal(od, 0.2191, 1e-12);
    assert_int_equal(hl_pipe_od_from_dn(1600, &od, &err), HL_OK);
    assert_float_equal(od, 1.626, 1e-12);
    assert_int_equal(hl_pipe_od_from_dn(123, &od, &err), HL_ENOTFOUND);
    assert_non_null(strstr(err.message, "DN 123"));
    const struct {
        const char *nps;
        double od_m;
    } ok[] = {{"1/2", 0.840 * 0.0254},
              {"3/4", 1.050 * 0.0254},
              {"1-1/4", 1.660 * 0.0254},
              {"2-1/2", 2.875 * 0.0254},
              {"2.5", 2.875 * 0.0254},
              {"8", 8.625 * 0.0254},
              {"24", 0.6096}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(hl_pipe_od_from_nps(ok[i].nps, &od, &err), HL_OK);
        assert_float_equal(od, ok[i].od_m, 1e-12);
    }
    const char *bad[] = {"7", "0", "-2", "1/0", "abc", "2-1/", "", "2 1/2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(hl_pipe_od_from_nps(bad[i], &od, &err), HL_ENOTFOUND);
    assert_int_equal(hl_pipe_od_from_nps(NULL, &od, &err), HL_ENOTFOUND);
}

static void annuity(void **state)
{
    (void)state;
    /* 0.08 x 1.08^10 / (1.08^10 - 1) = 0.1490295 */
    assert_float_equal(hl_annuity_factor(0.08, 10), 0.14902949, 1e-8);
    assert_float_equal(hl_annuity_factor(0.0, 20), 0.05, 1e-15);
    assert_true(isnan(hl_annuity_factor(0.08, 0)));
}

/* A flat wall, lambda 0.05, fixed outer coefficient 10, 150 / 20 C,
 * 100 mm: q = 130 / (0.1/0.05 + 0.1) = 61.905 W/m2; heat 40 CNY/GJ for
 * 8000 h: 61.905 x 8000 x 3600 / 1e9 x 40 = 71.314 CNY/yr; insulation
 * 0.1 m3/m2 x 1200 x 0.1490295 = 17.884 CNY/yr. */
static void cost_terms(void **state)
{
    (void)state;
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.shape = HL_SHAPE_FLAT;
    in.inner_temp_k = HL_ZERO_C_K + 150;
    in.outer.air_k = in.outer.radiant_k = HL_ZERO_C_K + 20;
    in.outer.h_total_fixed = 10;
    in.outer.geometry = HL_GEOM_VERTICAL_WALL;
    in.n_layers = 1;
    in.layer[0].lambda = hl_lambda_constant(0.05);
    in.layer[0].t_min_k = in.layer[0].t_max_k = NAN;
    in.layer[0].thickness_m = 0.05;
    hl_insulation_costs c = {40, 8000, 1200, 10, 0.08};
    hl_economic_point p;
    hl_surface_out o;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_economic_cost(&in, 0, &c, 0.1, &p, &o, &err), HL_OK);
    assert_float_equal(o.heat_flow, 130.0 / 2.1, 1e-9);
    assert_float_equal(p.heat_cny_per_year, 71.3143, 1e-4);
    assert_float_equal(p.insulation_cny_per_year, 17.8835, 1e-4);
    assert_float_equal(p.total_cny_per_year,
                       p.heat_cny_per_year + p.insulation_cny_per_year, 1e-12);
    c.life_years = 0;
    assert_int_equal(hl_economic_cost(&in, 0, &c, 0.1, &p, &o, &err),
                     HL_EINVAL);
    c.life_years = 10;
    assert_int_equal(hl_economic_cost(&in, 1, &c, 0.1, &p, &o, &err),
                     HL_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(language_names), cmocka_unit_test(environment),
        cmocka_unit_test(catalogue),      cmocka_unit_test(pipe_sizes),
        cmocka_unit_test(annuity),        cmocka_unit_test(cost_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
