/*
 * heatline.h - public interface of libheatline: thermal and hydraulic
 * analysis of district-heating lines and the insulation of their pipes and
 * fittings.
 *
 * Conventions that hold for every public function:
 * - SI units inside: K, W, m, Pa, kg/s, J. Units are converted only by the
 *   caller (the CLI) at the edge.
 * - Every fallible function returns an int status: HL_OK (0) or a negative
 *   HL_E* code. hl_strerror() names a code; an hl_error, when the caller
 *   passes one, carries the detailed message (what, where, what was
 *   expected). The first error recorded wins.
 * - The library never prints, exits or aborts on bad input.
 */
#ifndef HEATLINE_H
#define HEATLINE_H

#include <stddef.h>

#include "heatline_export.h"
#include "heatline_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One table of status codes, expanded into the enum and the messages. */
#define HL_STATUS_LIST(X)                                                      \
    X(HL_OK, 0, "success")                                                     \
    X(HL_EINVAL, -1, "invalid argument")                                       \
    X(HL_ENOMEM, -2, "out of memory")                                          \
    X(HL_ENOCONVERGE, -3, "solver did not converge")                           \
    X(HL_EIO, -4, "input/output error")                                        \
    X(HL_EPARSE, -5, "malformed input")                                        \
    X(HL_ENOTFOUND, -6, "not found")                                           \
    X(HL_EUNREACHABLE, -7, "target cannot be met")                             \
    X(HL_ERANGE, -8, "value outside its valid range")                          \
    X(HL_ETOPOLOGY, -9, "network topology error")                              \
    X(HL_ESTATE, -10, "call out of order")

enum hl_status {
#define HL_STATUS_ENUM(name, value, text) name = value,
    HL_STATUS_LIST(HL_STATUS_ENUM)
#undef HL_STATUS_ENUM
};

/* Static text naming a status code; never NULL. */
HL_API const char *hl_strerror(int code);

/* Detailed error: the code and one line of text. */
typedef struct hl_error {
    int code;
    char message[512];
} hl_error;

/* Clear an error record (err may be NULL). */
HL_API void hl_error_clear(hl_error *err);

/* Record an error unless one is already recorded (first error wins);
 * returns code so callers can write `return hl_error_set(...)`. err may be
 * NULL, then only the code is returned. */
HL_API int hl_error_set(hl_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Non-fatal notes collected while solving (e.g. a material used beyond its
 * valid temperature range). The caller decides whether to print them. */
#define HL_MAX_WARNINGS 8
typedef struct hl_warnings {
    int count;
    char text[HL_MAX_WARNINGS][200];
} hl_warnings;

HL_API void hl_warnings_add(hl_warnings *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Celsius <-> kelvin, for the edges. */
#define HL_ZERO_C_K 273.15

#include "heatline_input.h"
#include "heatline_surface.h"
#include "heatline_materials.h"
#include "heatline_pipe.h"
#include "heatline_lab.h"
#include "heatline_fittings.h"
#include "heatline_season.h"
#include "heatline_network.h"
#include "heatline_register.h"
#include "heatline_surge.h"
#include "heatline_feasibility.h"
#include "heatline_dynamic.h"
#include "heatline_lang.h"
#include "heatline_period.h"
#include "heatline_insulation.h"

#ifdef __cplusplus
}
#endif
#endif
