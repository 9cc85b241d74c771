/*
 * test_data_dir.c - installed data files found at run time
 * (src/util/data_dir.c): $HEATLINE_DATA_DIR when set, and only there; else
 * the source tree for a program in the build tree (this one), then
 * share/heatline relative to the program holding the library (this test
 * links it statically), then the configured prefix.
 */
#include "test_support.h"

#include "util/util.h"

#include <string.h>

static char dir[] = "/tmp/hl_data_dir_testXXXXXX";

static int make_tree(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/report && echo x > %s/report/echarts.min.js", dir,
             dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int remove_tree(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    unsetenv("HEATLINE_DATA_DIR");
    return system(cmd) == 0 ? 0 : -1;
}

static void env_dir_is_used(void **state)
{
    (void)state;
    char path[4096], looked[2048], want[4096];
    setenv("HEATLINE_DATA_DIR", dir, 1);
    assert_int_equal(data_file_find("report/echarts.min.js", NULL, path,
                                    sizeof path, looked, sizeof looked),
                     1);
    snprintf(want, sizeof want, "%s/report/echarts.min.js", dir);
    assert_string_equal(path, want);
}

static void env_dir_is_the_only_place(void **state)
{
    (void)state;
    char path[4096] = "", looked[2048];
    setenv("HEATLINE_DATA_DIR", dir, 1);
    assert_int_equal(data_file_find("report/none.js", "CMakeLists.txt", path,
                                    sizeof path, looked, sizeof looked),
                     0);
    char want[4096];
    snprintf(want, sizeof want, "%s/report/none.js", dir);
    assert_string_equal(looked, want); /* nowhere else */
    assert_string_equal(path, "");
}

/* A program in the build tree reads the source tree first. */
static void build_tree_reads_source(void **state)
{
    (void)state;
    char path[4096], looked[2048], want[4096];
    unsetenv("HEATLINE_DATA_DIR");
    assert_int_equal(data_file_find("no/such/file", "CMakeLists.txt", path,
                                    sizeof path, looked, sizeof looked),
                     1);
    snprintf(want, sizeof want, "%s/CMakeLists.txt", HL_SOURCE_DIR);
    assert_string_equal(path, want);
}

/* Unset: the install prefix of this program (tests/../share/heatline, not
 * there in a build tree) and then the configured prefix are searched. */
static void prefix_relative_then_configured(void **state)
{
    (void)state;
    char path[4096], looked[2048], self[4096];
    unsetenv("HEATLINE_DATA_DIR");
    assert_int_equal(data_file_find("no/such/file.csv", NULL, path, sizeof path,
                                    looked, sizeof looked),
                     0);
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    assert_true(n > 0);
    self[n] = '\0';
    *strrchr(self, '/') = '\0';
    assert_non_null(strstr(looked, self));              /* beside the program */
    assert_non_null(strstr(looked, "/share/heatline")); /* and a prefix */
    assert_non_null(strchr(looked, ','));               /* two places */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(env_dir_is_used),
        cmocka_unit_test(env_dir_is_the_only_place),
        cmocka_unit_test(build_tree_reads_source),
        cmocka_unit_test(prefix_relative_then_configured),
    };
    return cmocka_run_group_tests(tests, make_tree, remove_tree);
}
