/*
 * test_materials.c - the material table: embedded rows, user files that
 * add or replace rows, errors with file:line, suggestions, CSV round trip.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

static hl_material_db *fresh(void)
{
    hl_material_db *db;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_material_db_new(&db, &err), HL_OK);
    return db;
}

static void embedded_table(void **state)
{
    (void)state;
    hl_material_db *db = fresh();
    const char *required[] = {"ceramic-microbead",
                              "aerogel-blanket",
                              "rock-wool",
                              "glass-wool",
                              "calcium-silicate",
                              "pur-en253",
                              "pir",
                              "expanded-perlite",
                              "hdpe-casing",
                              "aluminium-jacket",
                              "galvanised-steel-jacket",
                              "steel-painted",
                              "steel-bare"};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++) {
        const hl_material *m = hl_material_find(db, required[i]);
        assert_non_null(m);
        if (!m) /* cmocka's assert is not noreturn to the compiler */
            return;
        assert_true(strlen(m->source) > 20); /* every row says where from */
        assert_true(isfinite(m->t_min_k) && isfinite(m->t_max_k));
    }
    /* the coating's lambda is a vendor range and says so */
    assert_non_null(
        strstr(hl_material_find(db, "ceramic-microbead")->source, "VENDOR"));
    hl_material_db_free(db);
}

/* continuous_service_c: EN 253's 120 C for PUR, none where not stated,
 * an optional column (a file without it reads), checked like the other
 * temperatures. */
static void continuous_rating(void **state)
{
    (void)state;
    hl_material_db *db = fresh();
    const char *pur[] = {"pur-en253", "pur-aged"};
    for (int i = 0; i < 2; i++) {
        const hl_material *m = hl_material_find(db, pur[i]);
        assert_non_null(m);
        if (!m)
            return;
        assert_true(m->continuous_service_k == HL_ZERO_C_K + 120.0);
        assert_non_null(strstr(m->source, "EN 253"));
    }
    assert_true(isnan(hl_material_find(db, "rock-wool")->continuous_service_k));
    /* the aged foam's lambda(T): lambda_50 = 0.033 at 50 C, rising */
    const hl_material *aged = hl_material_find(db, "pur-aged");
    assert_true(fabs(hl_lambda_at(&aged->lambda, HL_ZERO_C_K + 50.0) - 0.033) <
                1e-12);
    assert_true(hl_lambda_at(&aged->lambda, HL_ZERO_C_K + 90.0) > 0.033);
    static const char bad[] =
        "id,name,category,lambda_model,lambda_params,t_min_c,t_max_c,"
        "max_service_c,continuous_service_c,emissivity,density_kg_per_m3,"
        "source\n"
        "x,x,insulation,const,0.03,0,100,100,hot,,,s\n";
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        hl_material_db_load_text(db, bad, strlen(bad), "b.csv", &err),
        HL_EPARSE);
    assert_non_null(
        strstr(err.message, "b.csv:2: column continuous_service_c"));
    hl_material_db_free(db);
}

static void user_rows_add_and_replace(void **state)
{
    (void)state;
    hl_material_db *db = fresh();
    int n0 = hl_material_db_count(db);
    const char *text =
        "id,name,category,lambda_model,lambda_params,t_min_c,t_max_c,"
        "max_service_c,emissivity,density_kg_per_m3,source\n"
        "# a comment line\n"
        "ceramic-microbead,measured coat,coating,poly,\"ref_c=0;c=0.04,1e-4\","
        "20,150,180,0.92,650,lab 2026\n"
        "my-foam,foam,insulation,const,0.03,0,100,,,,test\n";
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        hl_material_db_load_text(db, text, strlen(text), "user.csv", &err),
        HL_OK);
    assert_int_equal(hl_material_db_count(db), n0 + 1);
    const hl_material *m = hl_material_find(db, "CERAMIC-microbead");
    assert_double_equal(hl_lambda_at(&m->lambda, HL_ZERO_C_K + 100), 0.05,
                        1e-12);
    assert_double_equal(m->emissivity, 0.92, 0);
    assert_true(isnan(hl_material_find(db, "my-foam")->emissivity));
    hl_material_db_free(db);
}

static void errors_name_file_and_line(void **state)
{
    (void)state;
    const char *hdr = "id,name,category,lambda_model,lambda_params,t_min_c,"
                      "t_max_c,max_service_c,emissivity,density_kg_per_m3,"
                      "source\n";
    const char *rows[] = {"x,x,insulation,const,abc,0,100,,,,s\n",
                          "x,x,insulation,const,0.03,zero,100,,,,s\n",
                          "x,x,insulation,const,0.03,0,100,,1.5,,s\n",
                          "x,x,insulation,const,-0.03,0,100,,,,s\n",
                          ",x,insulation,const,0.03,0,100,,,,s\n",
                          "x,\"unbalanced,insulation,const,0.03,0,100,,,,s\n"};
    for (int i = 0; i < 6; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s\n%s", hdr, rows[i]);
        hl_material_db *db = fresh();
        hl_error err;
        hl_error_clear(&err);
        assert_int_equal(
            hl_material_db_load_text(db, text, strlen(text), "bad.csv", &err),
            HL_EPARSE);
        assert_non_null(strstr(err.message, "bad.csv:3"));
        hl_material_db_free(db);
    }
    const char *missing = "id,name,lambda_model\nx,y,const\n";
    hl_material_db *db = fresh();
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        hl_material_db_load_text(db, missing, strlen(missing), "m.csv", &err),
        HL_EPARSE);
    assert_non_null(strstr(err.message, "missing column"));
    hl_material_db_free(db);
}

static void suggestions(void **state)
{
    (void)state;
    hl_material_db *db = fresh();
    char buf[200];
    hl_material_suggest(db, "rockwool", 3, buf, sizeof buf);
    assert_non_null(strstr(buf, "rock-wool"));
    hl_material_suggest(db, "aerogel", 3, buf, sizeof buf);
    assert_true(strncmp(buf, "aerogel-blanket", 15) == 0);
    hl_material_db_free(db);
}

static void csv_round_trip(void **state)
{
    (void)state;
    hl_material_db *db = fresh(), *copy = fresh();
    char text[65536];
    size_t at =
        (size_t)snprintf(text, sizeof text, "%s\n", hl_material_csv_header());
    for (int i = 0; i < hl_material_db_count(db); i++) {
        char row[2048];
        const hl_material *m = hl_material_db_at(db, i);
        assert_int_equal(hl_material_format_csv(m, row, sizeof row), HL_OK);
        at += (size_t)snprintf(text + at, sizeof text - at, "%s\n", row);
    }
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_material_db_load_text(copy, text, at, "rt", &err),
                     HL_OK);
    for (int i = 0; i < hl_material_db_count(db); i++) {
        const hl_material *a = hl_material_db_at(db, i);
        const hl_material *b = hl_material_find(copy, a->id);
        assert_string_equal(a->source, b->source);
        for (double t = 250; t < 900; t += 25)
            assert_double_equal(hl_lambda_at(&a->lambda, t),
                                hl_lambda_at(&b->lambda, t), 1e-9);
    }
    hl_material_db_free(db);
    hl_material_db_free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(embedded_table),
        cmocka_unit_test(continuous_rating),
        cmocka_unit_test(user_rows_add_and_replace),
        cmocka_unit_test(errors_name_file_and_line),
        cmocka_unit_test(suggestions),
        cmocka_unit_test(csv_round_trip)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
