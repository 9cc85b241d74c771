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

#include <math.h>

/* |a - b| <= tol in double precision, with the values in the message
 * (cmocka 1.1 has no double comparison). */
#define assert_double_equal(a, b, tol)                                         \
    do {                                                                       \
        double a_ = (a), b_ = (b), t_ = (tol);                                 \
        if (!(fabs(a_ - b_) <= t_))                                            \
            fail_msg("%s = %.15g, %s = %.15g, differ by %.3g > %.3g", #a, a_,  \
                     #b, b_, fabs(a_ - b_), t_);                               \
    } while (0)

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
        fprintf(stderr,
                "SKIP: %s not found (shared validation data is "
                "not beside this checkout)\n",
                path);
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
