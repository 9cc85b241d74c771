/*
 * test_fittings_inventory.c - the batch inventory: totals equal the sum of
 * the rows, every row equals the single-fitting solve, malformed rows stop
 * the run with file:line or are skipped with keep_going, and the CSV and
 * JSON outputs hold no NaN.
 */
#include "test_support.h"

#include "heatline.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

static const char good[] =
    "id,type,dn,pn,temp_c,ambient_c,state\n"
    "# chamber 7, supply side\n"
    "V1,butterfly-valve,1600,25,110,25,bare\n"
    "V2,butterfly-valve,1600,25,110,25,coated ceramic-microbead:8\n"
    "C1,bellows-compensator,1600,25,110,25,\"coated ceramic-microbead:8\"\n"
    "B1,gate-valve,300,25,110,25,jacket k=0.04:25\n"
    "D1,vent-drain,200,25,110,25,bare\n"
    "\n"
    "\"F,1\",flange-pair,200,,90,15,jacket rock-wool:40\n";

typedef struct fixture {
    hl_fitting_catalog *cat;
    hl_material_db *db;
    hl_inventory_options opt;
} fixture;

static int setup(void **state)
{
    static fixture f;
    if (hl_fitting_catalog_new(&f.cat, NULL) || hl_material_db_new(&f.db, NULL))
        return -1;
    memset(&f.opt, 0, sizeof f.opt);
    f.opt.materials = f.db;
    hl_fitting_conditions_init(&f.opt.defaults);
    hl_layer_from_material(hl_material_find(f.db, "pur-aged"), 0.1,
                           &f.opt.defaults.ref_layer);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hl_fitting_catalog_free(f->cat);
    hl_material_db_free(f->db);
    return 0;
}

static void totals_are_sum_of_rows(void **state)
{
    fixture *f = *state;
    hl_inventory inv;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_inventory_run(good, strlen(good), "chamber.csv", f->cat,
                                      &f->opt, &inv, &err),
                     HL_OK);
    assert_int_equal(inv.n_rows, 6);
    assert_int_equal(inv.n_errors, 0);
    double q = 0, a = 0, l = 0, w = 0, tmax = -1;
    int fails = 0;
    for (int i = 0; i < inv.n_rows; i++) {
        const hl_inventory_row *r = &inv.rows[i];
        q += r->heat_loss_w;
        a += r->area_m2;
        l += r->equivalent_length_m;
        w += r->mean_surface_k * r->area_m2;
        fails += r->verdict == HL_VERDICT_FAIL;
        tmax = fmax(tmax, r->max_surface_k);
    }
    const hl_inventory_totals *t = &inv.totals;
    assert_true(fabs(t->heat_loss_w - q) <= 1e-12 * q);
    assert_true(fabs(t->area_m2 - a) <= 1e-12 * a);
    assert_true(fabs(t->equivalent_length_m - l) <= 1e-12 * l);
    assert_true(fabs(t->mean_surface_k - w / a) < 1e-9);
    assert_int_equal(t->n_fail, fails);
    assert_true(t->max_surface_k == tmax);
    assert_int_equal(inv.rows[5].line, 9); /* comment and blank lines */
    assert_true(isfinite(inv.rows[1].min_coating_m)); /* coated rows only */
    assert_true(isnan(inv.rows[0].min_coating_m));
    hl_inventory_free(&inv);
}

/* A row gives exactly what the single-fitting call gives. */
static void row_equals_single_solve(void **state)
{
    fixture *f = *state;
    hl_inventory inv;
    assert_int_equal(hl_inventory_run(good, strlen(good), "c.csv", f->cat,
                                      &f->opt, &inv, NULL),
                     HL_OK);
    hl_fitting_conditions c = f->opt.defaults;
    c.medium_k = HL_ZERO_C_K + 110;
    c.air_k = c.radiant_k = HL_ZERO_C_K + 25;
    assert_int_equal(
        hl_fitting_cover_parse(f->db, "jacket k=0.04:25", &c.cover, NULL),
        HL_OK);
    hl_fitting_result r;
    assert_int_equal(hl_fitting_solve(f->cat, inv.rows[3].entry, &c, &r, NULL),
                     HL_OK);
    assert_true(r.heat_loss_w == inv.rows[3].heat_loss_w);
    assert_true(r.equivalent_length_m == inv.rows[3].equivalent_length_m);
    assert_string_equal(inv.rows[3].id, "B1");
    hl_inventory_free(&inv);
}

static const char bad[] =
    "id,type,dn,pn,temp_c,ambient_c,state\n"
    "A,gate-valve,100,16,110,25,bare\n"
    "B,gate-valve,1100,16,110,25,bare\n"
    "C,flange-pair,100,16,hot,25,bare\n"
    "D,flange-pair,100,16,110,25,painted\n"
    "E,turbine,100,16,110,25,bare\n"
    "F,flange-pair,100,16,250,25,coated ceramic-microbead:8\n"
    "G,flange-pair,100,16,110,25,bare\n";

static void malformed_rows(void **state)
{
    fixture *f = *state;
    hl_inventory inv;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_inventory_run(bad, strlen(bad), "inv.csv", f->cat,
                                      &f->opt, &inv, &err),
                     HL_EPARSE);
    assert_non_null(strstr(err.message, "inv.csv:3: gate-valve DN 1100"));
    assert_non_null(strstr(err.message, "DNs there"));
    assert_int_equal(inv.n_rows, 0);
    assert_null(inv.rows);
    f->opt.keep_going = 1;
    hl_error_clear(&err);
    assert_int_equal(hl_inventory_run(bad, strlen(bad), "inv.csv", f->cat,
                                      &f->opt, &inv, &err),
                     HL_OK);
    f->opt.keep_going = 0;
    assert_int_equal(inv.n_rows, 2);
    assert_int_equal(inv.n_errors, 5);
    assert_non_null(strstr(inv.errors[1], "inv.csv:4: column temp_c"));
    assert_non_null(strstr(inv.errors[2], "inv.csv:5: column state"));
    assert_non_null(strstr(inv.errors[3], "inv.csv:6: type 'turbine'"));
    assert_non_null(strstr(inv.errors[4], "service limit"));
    assert_string_equal(inv.rows[1].id, "G");
    hl_inventory_free(&inv);
    static const char no_state[] = "id,type,dn,pn,temp_c,ambient_c\n";
    hl_error_clear(&err);
    assert_int_equal(hl_inventory_run(no_state, strlen(no_state), "x.csv",
                                      f->cat, &f->opt, &inv, &err),
                     HL_EPARSE);
    assert_non_null(strstr(err.message, "state"));
}

static void outputs(void **state)
{
    fixture *f = *state;
    hl_inventory inv;
    char *text;
    size_t len;
    assert_int_equal(hl_inventory_run(good, strlen(good), "c.csv", f->cat,
                                      &f->opt, &inv, NULL),
                     HL_OK);
    assert_int_equal(hl_inventory_format(&inv, f->cat, 0, &text, &len, NULL),
                     HL_OK);
    assert_int_equal(strlen(text), len);
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    assert_int_equal(lines, 1 + inv.n_rows + 1); /* header, rows, TOTAL */
    assert_null(strstr(text, "nan"));
    assert_non_null(strstr(text, "\nTOTAL,"));
    assert_non_null(strstr(text, "\n\"F,1\",flange-pair,")); /* quoted */
    free(text);
    assert_int_equal(hl_inventory_format(&inv, f->cat, 1, &text, &len, NULL),
                     HL_OK);
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    assert_non_null(root);
    json_t *rows = json_object_get(root, "fittings");
    assert_int_equal(json_array_size(rows), (size_t)inv.n_rows);
    static const char *const keys[] = {
        "heat_loss_w",         "area_m2",
        "max_surface_temp_c",  "mean_surface_temp_c",
        "equivalent_length_m", "verdict"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        assert_non_null(json_object_get(json_array_get(rows, 0), keys[k]));
    assert_non_null(json_object_get(json_array_get(rows, 1), "min_coating_mm"));
    assert_null(json_object_get(json_array_get(rows, 0), "min_coating_mm"));
    assert_true(json_number_value(json_object_get(
                    json_object_get(root, "totals"), "heat_loss_w")) > 0);
    json_decref(root);
    free(text);
    hl_inventory_free(&inv);
}

/* Fuzz finding 00: a value too large for the writer's fixed-point path
 * (1e308 W) once copied snprintf's would-be length out of a 48-byte stack
 * buffer into the CSV. The writer must print a number that reads back to
 * the value, and nothing else (ASan checks the copy itself). */
static void huge_values_stay_in_bounds(void **state)
{
    fixture *f = *state;
    hl_inventory inv;
    char *text;
    size_t len;
    assert_int_equal(hl_inventory_run(good, strlen(good), "c.csv", f->cat,
                                      &f->opt, &inv, NULL),
                     HL_OK);
    inv.rows[0].heat_loss_w = 1.7976931348623157e308;
    inv.rows[0].equivalent_length_m = -6.1e300;
    inv.totals.heat_loss_w = 1.7976931348623157e308;
    assert_int_equal(hl_inventory_format(&inv, f->cat, 0, &text, &len, NULL),
                     HL_OK);
    assert_int_equal(strlen(text), len); /* no NUL byte inside */
    for (size_t i = 0; i < len; i++)
        assert_true(text[i] == '\n' || (text[i] >= 32 && text[i] < 127));
    const char *row = strchr(text, '\n') + 1;
    const char *cell = row;
    for (int c = 0; c < 7; c++) /* heat_loss_w is the 8th column */
        cell = strchr(cell, ',') + 1;
    assert_true(strtod(cell, NULL) == 1.7976931348623157e308);
    free(text);
    hl_inventory_free(&inv);
}

/* Ids and states of any length are kept as written (no fixed field that
 * truncates them). */
static void long_ids_kept(void **state)
{
    fixture *f = *state;
    char id[301], text[800];
    memset(id, 'x', 300);
    id[300] = '\0';
    snprintf(text, sizeof text,
             "id,type,dn,pn,temp_c,ambient_c,state\n"
             "%s,gate-valve,100,16,110,25,coated ceramic-microbead:8\n"
             "B,gate-valve,100,16,110,25,coated ceramic-microbead:8\n",
             id);
    hl_inventory inv;
    assert_int_equal(hl_inventory_run(text, strlen(text), "long.csv", f->cat,
                                      &f->opt, &inv, NULL),
                     HL_OK);
    assert_string_equal(inv.rows[0].id, id);
    assert_string_equal(inv.rows[1].state, "coated ceramic-microbead:8");
    hl_inventory_free(&inv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(totals_are_sum_of_rows),
        cmocka_unit_test(row_equals_single_solve),
        cmocka_unit_test(malformed_rows),
        cmocka_unit_test(outputs),
        cmocka_unit_test(huge_values_stay_in_bounds),
        cmocka_unit_test(long_ids_kept),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
