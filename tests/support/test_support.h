/*
 * test_support.h - helpers shared by the C tests: locating the shared
 * validation data (read as it is, never copied) and cmocka glue.
 */
#ifndef HL_TEST_SUPPORT_H
#define HL_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SKIP_EXIT 77

/* Path of a file in ../shared/validation; exits with the skip code when
 * the shared folder is not beside this checkout. */
static inline const char *shared_validation_file(const char *name)
{
    static char path[1024];
    const char *dir = getenv("HL_SHARED_DIR");
    if (!dir)
        dir = HL_SHARED_DIR;
    snprintf(path, sizeof path, "%s/validation/%s", dir, name);
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "SKIP: %s not found (shared validation data is "
                        "not beside this checkout)\n", path);
        exit(SKIP_EXIT);
    }
    return path;
}

/* Path of a file in the project's tests/ folder. */
static inline const char *test_data_file(const char *rel)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", HL_TEST_DATA_DIR, rel);
    return path;
}

#endif
