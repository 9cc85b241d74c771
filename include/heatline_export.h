/*
 * heatline_export.h - HL_API marks the functions libheatline exports.
 *
 * The library is compiled with -fvisibility=hidden: every symbol stays
 * inside libheatline.so (and is made local in libheatline.a) unless its
 * declaration carries HL_API. Only the hl_* functions declared in the
 * public headers carry it, so internal helpers never collide with names in
 * a host program.
 */
#ifndef HEATLINE_EXPORT_H
#define HEATLINE_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define HL_API __attribute__((visibility("default")))
#else
#define HL_API
#endif

#endif
