/*
 * test_oom.c - out-of-memory paths: every allocation the library makes
 * (malloc, calloc, realloc, linked with --wrap) fails in turn, the N-th
 * one for N = 1, 2, ... until the call succeeds. Each failure must come
 * back as an error code with a message, never a crash; under
 * AddressSanitizer a leak on any of those paths fails the test too.
 *
 * The model sweep loads and solves tests/data/models/every_kind.yaml (every
 * element kind of the default line, a small network); `test_oom default`
 * sweeps the embedded 105 km default instead (ctest label "long": about
 * 600 loads of the whole line).
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1; /* the allocation number that fails; -1 = none */
static long count;

static int should_fail(void)
{
    return fail_at >= 0 && count++ == fail_at;
}

void *__wrap_malloc(size_t n)
{
    return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : __real_realloc(p, n);
}

/* Runs op with the N-th allocation failing for every N until op succeeds;
 * returns how many failure points were exercised. */
static long exhaust(int (*op)(void), long limit)
{
    for (long n = 0; n < limit; n++) {
        fail_at = n;
        count = 0;
        int rc = op();
        fail_at = -1;
        if (rc == HL_OK) {
            assert_true(count <= n); /* no injected failure was hit */
            return n;
        }
        assert_true(rc < 0); /* an error code, not garbage */
    }
    fail_msg("still failing after %ld injected allocation failures", limit);
    return limit;
}

static int material_table(void)
{
    hl_material_db *db = NULL;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_material_db_new(&db, &err);
    if (rc)
        assert_true(err.message[0] != '\0');
    hl_material_db_free(db);
    return rc;
}

static int csv_parse(void)
{
    static const char text[] = "a,b,c\n1,2,3\n# note\n4,\"5,5\",6\n";
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    int rc = csv_table_parse(text, sizeof text - 1, "t.csv", &t, &err);
    if (!rc)
        csv_table_free(&t);
    return rc;
}

static const char *model_path; /* NULL: the embedded default */

static int model_load_solve(void)
{
    hl_model *m = NULL;
    int rc = hl_model_load(&m, model_path);
    if (!rc)
        rc = hl_model_solve(m, NULL);
    hl_model_free(m);
    return rc;
}

static int fitting_catalog(void)
{
    hl_fitting_catalog *cat = NULL;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_fitting_catalog_new(&cat, &err);
    hl_fitting_catalog_free(cat);
    return rc;
}

static int lab_runs(void)
{
    static const char text[] =
        "material,sample,cycles,power_w,length_m,pipe_od_mm,thickness_mm,"
        "t_inner_c,t_outer_c,u_power_w,u_length_mm,u_pipe_od_mm,"
        "u_thickness_mm,u_t_inner_k,u_t_outer_k\n"
        "m,S1,0,24.9,1.0,88.9,50,100.0,29.4,0.1,0.5,0.1,0.5,0.1,0.1\n"
        "m,S2,0,31.2,1.0,88.9,50,120.0,33.0,0.1,0.5,0.1,0.5,0.1,0.1\n";
    hl_lab_data d;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_lab_read_text(text, sizeof text - 1, "runs.csv",
                              HL_COEF_ISO12241, &d, &err);
    hl_lab_data_free(&d);
    return rc;
}

static void every_allocation_fails_once(void **state)
{
    (void)state;
    printf("material table: %ld failure points\n",
           exhaust(material_table, 10000));
    printf("csv table: %ld failure points\n", exhaust(csv_parse, 10000));
    printf("fitting catalogue: %ld failure points\n",
           exhaust(fitting_catalog, 100000));
    printf("lab runs: %ld failure points\n", exhaust(lab_runs, 10000));
    printf("model load + solve (%s): %ld failure points\n", model_path,
           exhaust(model_load_solve, 100000));
}

static void default_model_every_allocation_fails_once(void **state)
{
    (void)state;
    printf("default model load + solve: %ld failure points\n",
           exhaust(model_load_solve, 100000));
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "default") == 0) {
        model_path = NULL;
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(default_model_every_allocation_fails_once)};
        return cmocka_run_group_tests(tests, NULL, NULL);
    }
    model_path = HL_TEST_DATA_DIR "/data/models/every_kind.yaml";
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_allocation_fails_once)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
