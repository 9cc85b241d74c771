/*
 * test_register.c - the register library: a register made from the
 * default line, an inspection imported with its prediction equal to the
 * network engine's own fitting result at the model's conditions, a bad
 * file leaving nothing behind, the loop's states, a newer schema refused.
 * Readings are INVENTED (tests/data/register/README.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "heatline.h"
#include "register/register_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

static void path_in(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", dir, name);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static hl_register *fresh(const char *name)
{
    char db[512];
    hl_error err;
    hl_register *r = NULL;
    path_in(db, sizeof db, name);
    hl_error_clear(&err);
    int rc = hl_register_init(&r, db, NULL, "test", &err);
    if (rc)
        fail_msg("%s", err.message);
    return r;
}

/* The prediction at the model's own conditions is the network engine's
 * fitting result: the register calls the same fitting engine. */
static void test_prediction_matches_network(void **state)
{
    (void)state;
    hl_register *r = fresh("p.db");
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(reg_model_load(r, &err), HL_OK);
    hl_model *m = NULL;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i += 37) {
        hl_chamber_fitting_result f;
        hl_fitting_result p;
        assert_int_equal(hl_model_fitting_result(m, i, &f), HL_OK);
        assert_int_equal(
            reg_predict(r, i, "bare", f.medium_temp_k, f.air_temp_k, &p, &err),
            HL_OK);
        assert_true(fabs(p.max_surface_k - f.surface_temp_k) < 0.05);
        assert_true(fabs(p.heat_loss_w - f.heat_loss_w) <
                    0.01 * fabs(f.heat_loss_w)); /* < 0: water below the air */
    }
    hl_model_free(m);
    hl_register_close(r);
}

static void test_import_and_loop(void **state)
{
    (void)state;
    hl_register *r = fresh("l.db");
    char csv[512];
    hl_error err;
    hl_register_import_result res;
    hl_register_status st;
    hl_register_options o;
    hl_register_options_init(&o);
    path_in(csv, sizeof csv, "i.csv");
    write_file(csv, "fitting_id,date,inspector,supply_c,air_c,hottest_c\n"
                    "ST2-S-vent,2026-01-10,t,130,25,128\n"
                    "ST2-R-vent,2026-01-10,t,130,25,35\n");
    hl_error_clear(&err);
    assert_int_equal(hl_register_import(r, csv, &o, &res, &err), HL_OK);
    assert_int_equal(res.rows, 2);
    /* the supply vent is over the limit; the return vent is 15 K under
     * its ~51 C prediction: both findings */
    assert_int_equal(res.findings, 2);
    assert_int_equal(hl_register_status_get(r, &st, &err), HL_OK);
    assert_int_equal(st.items[HL_ITEM_OPEN], 2);
    assert_int_equal(st.inspections, 2);

    /* a bad row: nothing of the file is written */
    write_file(csv, "fitting_id,date,inspector,supply_c,air_c,hottest_c\n"
                    "ST2-S-vent,2026-01-11,t,130,25,128\n"
                    "ST2-S-vent,2026-01-11,t,130,25,-70\n");
    hl_error_clear(&err);
    assert_int_equal(hl_register_import(r, csv, &o, &res, &err), HL_ERANGE);
    assert_non_null(strstr(err.message, "i.csv:3:6: column hottest_c"));
    assert_int_equal(hl_register_status_get(r, &st, &err), HL_OK);
    assert_int_equal(st.inspections, 2);

    /* decide -> work: the decision keeps its numbers */
    hl_register_decision d = {"coating ceramic-microbead:10", "eng", "test",
                              "2026-01-20"};
    int n = 0;
    hl_error_clear(&err);
    assert_int_equal(hl_register_decide(r, "ST2-S-vent", &d, &o, &n, &err),
                     HL_OK);
    assert_int_equal(n, 1);
    assert_int_equal(hl_register_status_get(r, &st, &err), HL_OK);
    assert_true(st.heat_saved_planned_j > 0);
    hl_register_work w = {"2026-01-25", "crew", NULL, "B1", NAN, NAN};
    assert_int_equal(hl_register_record_work(r, "ST2-S-vent", &w, &o, &n, &err),
                     HL_OK);
    reg_fitting f;
    assert_int_equal(reg_fitting_get(r, "ST2-S-vent", &f, &err), HL_OK);
    assert_string_equal(f.state, "done");
    assert_string_equal(f.cover, "coated ceramic-microbead:10");
    reg_fitting_clear(&f);
    /* work twice: the fitting is no longer decided */
    hl_error_clear(&err);
    assert_int_equal(hl_register_record_work(r, "ST2-S-vent", &w, &o, &n, &err),
                     HL_ESTATE);
    hl_register_close(r);
}

/* Two handles on one file: a step taken from a state another process has
 * changed meanwhile is refused, not applied over it. */
static void test_state_changed_meanwhile(void **state)
{
    (void)state;
    hl_register *a = fresh("c.db"), *b = NULL;
    char db[512];
    hl_error err;
    hl_error_clear(&err);
    path_in(db, sizeof db, "c.db");
    assert_int_equal(hl_register_open(&b, db, &err), HL_OK);
    reg_fitting f;
    assert_int_equal(reg_fitting_get(a, "ST3-S-vent", &f, &err), HL_OK);
    assert_string_equal(f.state, "clear");
    hl_register_decision d = {"coating ceramic-microbead:8", "b", "first",
                              NULL};
    int n = 0;
    assert_int_equal(hl_register_decide(b, "ST3-S-vent", &d, NULL, &n, &err),
                     HL_OK);
    assert_int_equal(reg_begin(a, &err), HL_OK);
    assert_int_equal(
        reg_set_state(a, &f, HL_ITEM_DECIDED, NULL, "a", "second", &err),
        HL_ESTATE);
    reg_rollback(a);
    reg_fitting_clear(&f);
    assert_non_null(strstr(err.message, "no longer clear"));
    hl_register_close(b);
    hl_register_close(a);
}

/* Out of order: NULL handles and arguments are errors, never crashes. */
static void test_null_arguments(void **state)
{
    (void)state;
    hl_error err;
    hl_register_status st;
    hl_register_table t;
    hl_register_import_result res;
    hl_register_option *list;
    int n;
    hl_error_clear(&err);
    hl_register_close(NULL);
    assert_int_equal(hl_register_status_get(NULL, &st, &err), HL_EINVAL);
    assert_int_equal(hl_register_findings(NULL, &t, &err), HL_EINVAL);
    assert_int_equal(hl_register_history(NULL, "x", &t, &err), HL_EINVAL);
    assert_int_equal(hl_register_import(NULL, "x.csv", NULL, &res, &err),
                     HL_EINVAL);
    assert_int_equal(hl_register_options_for(NULL, "x", &list, &n, &err),
                     HL_EINVAL);
    assert_int_equal(hl_register_decide(NULL, "x", NULL, NULL, &n, &err),
                     HL_EINVAL);
    assert_int_equal(hl_register_export(NULL, "d", &err), HL_EINVAL);
    assert_int_equal(hl_register_report(NULL, "r.html", &err), HL_EINVAL);
    hl_register *r = NULL;
    assert_int_equal(hl_register_open(&r, NULL, &err), HL_EINVAL);
    assert_null(r);
}

static void test_newer_schema_refused(void **state)
{
    (void)state;
    hl_register *r = fresh("s.db");
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(reg_exec(r, "PRAGMA user_version = 7", &err), HL_OK);
    hl_register_close(r);
    char db[512];
    path_in(db, sizeof db, "s.db");
    assert_int_equal(hl_register_open(&r, db, &err), HL_ERANGE);
    assert_null(r);
    assert_non_null(strstr(err.message, "schema version 7 is newer"));
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/hl_register_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prediction_matches_network),
        cmocka_unit_test(test_import_and_loop),
        cmocka_unit_test(test_state_changed_meanwhile),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_newer_schema_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
