/*
 * test_lambda_cases.c - the material table against the published lambda(T)
 * formulas of ../shared/validation/lambda_cases.csv (read as it is). A row
 * whose formula is a limit (EN 253 lambda_50 <= 0.029 for PUR) checks that
 * the table's value does not exceed it.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <string.h>
#include <strings.h>

static const hl_material *by_name(const hl_material_db *db, const char *name)
{
    for (int i = 0; i < hl_material_db_count(db); i++)
        if (strcasecmp(hl_material_db_at(db, i)->name, name) == 0)
            return hl_material_db_at(db, i);
    return NULL;
}

static int check_row(const csv_table *t, int r, const hl_material_db *db)
{
    const char *id = t->rows[r][csv_table_col(t, "id")];
    const char *name = t->rows[r][csv_table_col(t, "material")];
    const char *formula = t->rows[r][csv_table_col(t, "formula")];
    double tm, expect, tol;
    assert_true(parse_double(t->rows[r][csv_table_col(t, "mean_temp_c")], &tm));
    assert_true(parse_double(
        t->rows[r][csv_table_col(t, "expect_lambda_w_per_mk")], &expect));
    assert_true(parse_double(t->rows[r][csv_table_col(t, "rel_tol")], &tol));
    const hl_material *m = by_name(db, name);
    if (!m) {
        printf("%-12s FAIL: no material named '%s' in the table\n", id, name);
        return 1;
    }
    double got = hl_lambda_at(&m->lambda, tm + HL_ZERO_C_K);
    int limit = strstr(formula, "limit") != NULL;
    int fail = limit ? got > expect : fabs(got / expect - 1) > tol + 1e-12;
    printf("%-12s %-28s %6.1f C: %.5f %s %.5f %s\n", id, m->id, tm, got,
           limit ? "<=" : "vs", expect, fail ? "FAIL" : "ok");
    return fail;
}

static void lambda_cases(void **state)
{
    (void)state;
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        csv_table_load(shared_validation_file("lambda_cases.csv"), &t, &err),
        HL_OK);
    hl_material_db *db;
    assert_int_equal(hl_material_db_new(&db, &err), HL_OK);
    int bad = 0;
    for (int r = 0; r < t.n_rows; r++)
        bad += check_row(&t, r, db);
    hl_material_db_free(db);
    csv_table_free(&t);
    assert_int_equal(bad, 0);
}

int main(void)
{
    shared_validation_file("lambda_cases.csv");
    const struct CMUnitTest tests[] = {cmocka_unit_test(lambda_cases)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
