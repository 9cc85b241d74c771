/*
 * test_ranges.c - the input checks (util/ranges.c, util/text_check.c,
 * include/heatline_input.h): the one table of physical ranges is complete
 * and consistent, every numeric key of the model format has its row, the
 * messages name key, value as written and range; text checks; the YAML
 * reader's nesting and duplicate-key refusals; the API setters; the docs
 * list every row.
 */
#include "test_support.h"

#include "heatline.h"

#include <string.h>

static void table_is_complete(void **state)
{
    (void)state;
    for (int q = 0; q < HL_Q_N; q++) {
        const hl_range *r = hl_range_get(q);
        assert_non_null(r);
        assert_non_null(r->quantity);
        assert_non_null(r->unit);
        assert_non_null(r->keys);
        assert_non_null(r->reason);
        if (!(r->min < r->max) || !(r->si_scale > 0.0))
            fail_msg("row %d (%s): limits or scale", q, r->quantity);
    }
    assert_null(hl_range_get(HL_Q_N));
    assert_null(hl_range_get(-1));
}

/* Each key belongs to one row only. */
static void keys_are_unique(void **state)
{
    (void)state;
    for (int q = 0; q < HL_Q_N; q++) {
        char keys[1024];
        snprintf(keys, sizeof keys, "%s", hl_range_get(q)->keys);
        for (char *k = strtok(keys, " "); k; k = strtok(NULL, " "))
            if (hl_range_find_key(k) != q)
                fail_msg("key %s of row %d found in row %d", k, q,
                         hl_range_find_key(k));
    }
    assert_int_equal(hl_range_find_key("no_such_key"), -1);
    assert_int_equal(hl_range_find_key(""), -1);
}

/* Every numeric key of docs/model-format.md and of the CSV inputs. */
static void numeric_keys_have_rows(void **state)
{
    (void)state;
    static const char *const keys[] = {
        "density_kg_per_m3", "viscosity_pa_s", "cp_j_per_kgk",
        "atmospheric_pressure_kpa", "gravity_m_per_s2", "ground_temp_c",
        "air_temp_c", "duct_temp_c", "chamber_air_temp_c", "min_pressure_bar_g",
        "max_velocity_m_per_s", "min_consumer_dp_bar", "saturation_margin_bar",
        "burn_limit_c", "design_outdoor_temp_c", "balance_temp_c",
        "standby_load_fraction", "design_load_mw", "reset_cold_outdoor_c",
        "reset_cold_supply_c", "reset_warm_outdoor_c", "reset_warm_supply_c",
        "reset_floor_c", "design_supply_temp_c", "design_return_temp_c",
        "elevation_m", "chainage_m", "demand_kg_per_s", "inflow_temp_c", "x_m",
        "y_m", "pressure_bar_g", "length_m", "dn", "outer_diameter_mm",
        "wall_mm", "inner_diameter_mm", "roughness_mm", "minor_loss", "pn_bar",
        "heat_loss_coefficient_w_per_mk", "u_w_per_m2k", "u_diameter_mm",
        "cover_m", "axis_depth_m", "clear_spacing_m", "axis_spacing_m",
        "soil_conductivity_w_per_mk", "surface_resistance_m2k_per_w",
        "twin_casing_od_mm", "h_out_w_per_m2k", "wind_m_per_s",
        "ambient_temp_c", "conductivity_w_per_mk", "thickness_mm",
        "supply_temp_c", "heat_mw", "outlet_pressure_bar_g",
        "inlet_pressure_bar_g", "pressure_lift_bar", "pump_efficiency",
        "design_flow_m3_per_h", "design_head_m", "flow_m3_per_h", "head_m",
        "pressure_rise_bar", "efficiency", "speed", "parallel",
        "control_pressure_bar_g", "kv_m3_per_h", "zeta", "diameter_mm",
        "flow_kg_per_s", "heat_kw", "return_temp_c", "delta_t_k", "approach_k",
        "ua_kw_per_k", "primary_dp_bar", "secondary_dp_bar",
        "design_flow_kg_per_s", "pn", "count", "area_m2",
        /* lab runs, inventories, materials */
        "power_w", "pipe_od_mm", "t_inner_c", "t_outer_c", "heat_flux_w_per_m2",
        "t_hot_c", "t_cold_c", "sleeve_od_mm", "t_surface_c", "t_air_c",
        "t_radiant_c", "emissivity", "wind_m_s", "height_m", "mass_g", "cycles",
        "hours", "u_power_w", "u_t_inner_k", "u_emissivity", "ambient_c",
        "radiant_c", "t_min_c", "t_max_c", "max_service_c", "cost_cny_per_m3",
        NULL};
    for (int i = 0; keys[i]; i++)
        if (hl_range_find_key(keys[i]) < 0)
            fail_msg("no range for key %s", keys[i]);
}

static void expect_message(int rc, int code, const hl_error *err,
                           const char *text)
{
    assert_int_equal(rc, code);
    if (!strstr(err->message, text))
        fail_msg("'%s' lacks '%s'", err->message, text);
}

static void messages_name_key_value_range(void **state)
{
    (void)state;
    hl_error err;
    double v = 0.0;
    hl_error_clear(&err);
    expect_message(
        hl_range_parse(HL_Q_WATER_TEMP_C, "supply_temp_c", "1e308", &v, &err),
        HL_ERANGE, &err, "supply_temp_c '1e308': expected -50 to 350 C");
    hl_error_clear(&err);
    expect_message(hl_range_parse(HL_Q_LENGTH_M, "length_m", "x1", &v, &err),
                   HL_EPARSE, &err, "length_m 'x1': expected a number");
    hl_error_clear(&err);
    expect_message(hl_range_parse(HL_Q_LENGTH_M, "length_m", "0", &v, &err),
                   HL_ERANGE, &err, "expected above 0, up to 1000000 m");
    hl_error_clear(&err);
    expect_message(hl_range_parse(HL_Q_FRACTION, "f", "1", &v, &err), HL_ERANGE,
                   &err, "expected 0 to below 1");
    hl_error_clear(&err);
    assert_int_equal(
        hl_range_parse(HL_Q_LENGTH_M, "length_m", " 12.5 ", &v, &err), HL_OK);
    assert_double_equal(v, 12.5, 0.0);
    int n = 0;
    expect_message(hl_range_parse_int(HL_Q_DN, "dn", "2.5", &n, &err),
                   HL_EPARSE, &err, "dn '2.5': expected a whole number");
    /* SI: 400 C given in K */
    hl_error_clear(&err);
    expect_message(
        hl_range_check_si(HL_Q_WATER_TEMP_C, "t", 673.15, NULL, &err),
        HL_ERANGE, &err, "t '400': expected -50 to 350 C");
    assert_int_equal(
        hl_range_check_si(HL_Q_WATER_TEMP_C, "t", 323.15, NULL, NULL), HL_OK);
    /* a runaway value as written is cut, never 300 digits */
    char big[301]; /* 300 digits: 1e300, a finite double */
    memset(big, '9', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    hl_error_clear(&err);
    expect_message(hl_range_parse(HL_Q_LENGTH_M, "length_m", big, &v, &err),
                   HL_ERANGE, &err, "...': expected");
    assert_true(strlen(err.message) < 120);
}

static void text_checks(void **state)
{
    (void)state;
    assert_null(hl_text_problem("plain id", 63, 0));
    assert_null(hl_text_problem("K\xc3\xb6ln \xe5\x8c\x97", 63, 0));
    assert_string_equal(hl_text_problem("J\xff"
                                        "3",
                                        63, 0),
                        "is not valid UTF-8");
    assert_string_equal(hl_text_problem("\xc0\xaf", 0, 0),
                        "is not valid UTF-8"); /* overlong '/' */
    assert_string_equal(hl_text_problem("\xed\xa0\x80", 0, 0),
                        "is not valid UTF-8"); /* a surrogate */
    assert_string_equal(hl_text_problem("\xf4\x90\x80\x80", 0, 0),
                        "is not valid UTF-8"); /* above U+10FFFF */
    assert_string_equal(hl_text_problem("a\nb", 0, 0),
                        "holds a control character");
    assert_null(hl_text_problem("a\nb", 0, 1));
    assert_string_equal(hl_text_problem("a\x7f", 0, 1),
                        "holds a control character");
    assert_string_equal(hl_text_problem("abcd", 3, 0), "is too long");
    /* the length in bytes, sequences included; a sequence cut by the end */
    assert_string_equal(hl_text_problem("\xc3\xb6\xc3\xb6", 3, 0),
                        "is too long");
    assert_null(hl_text_problem("\xc3\xb6\xc3\xb6", 4, 0));
    assert_string_equal(hl_text_problem("ab\xe5\x8c", 0, 0),
                        "is not valid UTF-8");
    char out[64];
    assert_string_equal(hl_text_show(out, sizeof out, "P\n1\xff", 40),
                        "P\\n1\\xff");
    assert_string_equal(hl_text_show(out, sizeof out, "abcdef", 3), "abc...");
    assert_string_equal(hl_text_show(out, 4, "abcdef", 40), "abc");
}

/* Any error and warning is one line, whatever it quotes. */
static void messages_are_one_line(void **state)
{
    (void)state;
    hl_error err;
    hl_error_clear(&err);
    hl_error_set(&err, HL_EPARSE, "id '%s' and '%s'", "a\nb", "c\xfe");
    assert_string_equal(err.message, "id 'a\\nb' and 'c\\xfe'");
    hl_warnings w = {0};
    hl_warnings_add(&w, "note %s", "x\r\ny");
    assert_string_equal(w.text[0], "note x\\r\\ny");
}

static const char *load_error(const char *yaml)
{
    static char msg[600];
    hl_model *m = NULL;
    int rc = hl_model_load_text(&m, yaml, strlen(yaml), "t.yaml", NULL, NULL);
    snprintf(msg, sizeof msg, "%s", rc ? hl_model_error(m) : "");
    hl_model_free(m);
    return msg;
}

static void yaml_depth_and_duplicates(void **state)
{
    (void)state;
    /* 100,000 levels: refused at once, not after libyaml's quadratic scan */
    size_t depth = 100000, n = 0;
    char *deep = malloc(2 * depth + 64);
    assert_non_null(deep);
    n += (size_t)sprintf(deep, "heatline_model: 1\nname: ");
    memset(deep + n, '[', depth);
    memset(deep + n + depth, ']', depth);
    deep[n + 2 * depth] = '\0';
    const char *msg = load_error(deep);
    free(deep);
    if (!strstr(msg, "t.yaml:2: YAML: lists and mappings nested deeper than "
                     "32 levels"))
        fail_msg("deep nesting: %s", msg);
    /* 32 levels pass the check (and fail later as a bad name) */
    char ok[200] = "heatline_model: 1\nname: ";
    for (int i = 0; i < 31; i++)
        strcat(ok, "[");
    for (int i = 0; i < 31; i++)
        strcat(ok, "]");
    strcat(ok, "\n");
    msg = load_error(ok);
    if (strstr(msg, "nested deeper"))
        fail_msg("31 levels refused: %s", msg);
    msg = load_error("heatline_model: 1\nsettings:\n  ground_temp_c: 5\n"
                     "  air_temp_c: 0\n  ground_temp_c: 8\n");
    if (!strstr(msg, "t.yaml:5: key 'ground_temp_c' appears twice in one "
                     "mapping (lines 3 and 5)"))
        fail_msg("duplicate: %s", msg);
    msg = load_error("heatline_model: 1\nnodes:\n"
                     "  - {id: A, id: B}\n");
    if (!strstr(msg, "key 'id' appears twice in one mapping on line 3"))
        fail_msg("duplicate in a flow mapping: %s", msg);
}

static void reader_checks(void **state)
{
    (void)state;
    const char *msg =
        load_error("heatline_model: 1\nnodes:\n  - {id: A, chainage_m: "
                   "1.7976931348623157e308}\n");
    if (!strstr(msg, "t.yaml:3: chainage_m '1.7976931348623157e308': "
                     "expected -10000000 to 10000000 m"))
        fail_msg("chainage: %s", msg);
    msg = load_error("heatline_model: 1\nnodes:\n  - {id: \"A\\nB\"}\n");
    if (!strstr(msg, "id 'A\\nB' holds a control character") ||
        strchr(msg, '\n'))
        fail_msg("id with a newline: %s", msg);
    msg = load_error("heatline_model: 1\nsources:\n"
                     "  - {id: s, inlet: A, outlet: B}\n");
    if (!strstr(msg, "source 's': give supply_temp_c or heat_mw"))
        fail_msg("source: %s", msg);
}

static void api_setters(void **state)
{
    (void)state;
    hl_model *m = NULL;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    assert_int_equal(hl_model_set_supply_temp(m, NULL, 1e308), HL_EINVAL);
    if (!strstr(hl_model_error(m), "expected -50 to 350 C"))
        fail_msg("%s", hl_model_error(m));
    assert_int_equal(hl_model_set_ground_temp(m, NAN), HL_EINVAL);
    assert_int_equal(hl_model_set_air_temp(m, HL_ZERO_C_K + 250.0), HL_EINVAL);
    assert_int_equal(hl_model_set_chamber_temp(m, NULL, HL_ZERO_C_K + 25.0),
                     HL_OK);
    hl_check_limits lim;
    assert_int_equal(hl_model_check_limits(m, &lim), HL_OK);
    assert_int_equal(hl_model_set_check_limits(m, &lim), HL_OK);
    lim.max_velocity_m_s = 1e9;
    assert_int_equal(hl_model_set_check_limits(m, &lim), HL_EINVAL);
    hl_model_free(m);
}

/* docs/model-format.md lists every row with its range. */
static void docs_list_every_row(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/model-format.md", HL_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char doc[1 << 18];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = '\0';
    for (int q = 0; q < HL_Q_N; q++) {
        char row[300], range[96];
        snprintf(row, sizeof row, "| %s | %s |", hl_range_get(q)->quantity,
                 hl_range_describe(q, range, sizeof range));
        if (!strstr(doc, row))
            fail_msg("docs/model-format.md lacks the row '%s'", row);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_is_complete),
        cmocka_unit_test(keys_are_unique),
        cmocka_unit_test(numeric_keys_have_rows),
        cmocka_unit_test(messages_name_key_value_range),
        cmocka_unit_test(text_checks),
        cmocka_unit_test(messages_are_one_line),
        cmocka_unit_test(yaml_depth_and_duplicates),
        cmocka_unit_test(reader_checks),
        cmocka_unit_test(api_setters),
        cmocka_unit_test(docs_list_every_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
