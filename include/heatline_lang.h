/*
 * heatline_lang.h - the language of the text heatline writes for people:
 * the summaries and the HTML reports (never JSON keys, CSV columns, ids,
 * numbers or units). English is the language of the source; the other
 * languages' text is a catalogue of its own, data/lang/LANG.txt (one line
 * "English<TAB>translation" each; the English text is the key).
 */
#ifndef HEATLINE_LANG_H
#define HEATLINE_LANG_H

#include "heatline_export.h"
#include "heatline_season.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HL_LANG_EN 0
#define HL_LANG_ZH 1 /* simplified Chinese, the terms of GB/CJJ practice */

/* "en" or "zh" to HL_LANG_*; -1 for any other name. */
HL_API int hl_lang_from_name(const char *name);
/* The language the environment asks for: the first set of LC_ALL,
 * LC_MESSAGES, LANG; zh for a locale that starts with "zh" (zh_CN.UTF-8),
 * else en. */
HL_API int hl_lang_from_environment(void);
/* "en", "zh"; NULL for an unknown code. */
HL_API const char *hl_lang_name(int lang);
/* english in language lang: the catalogue's text, or english itself when
 * the catalogue has none (or lang is HL_LANG_EN). Never NULL for a
 * non-NULL english. With HEATLINE_LANG_STRICT set in the environment a
 * missing text is also named on stderr (for the tests). */
HL_API const char *hl_text(int lang, const char *english)
#if defined(__GNUC__)
    /* a printf format in stays a format out: the compiler checks the
     * English literal against the arguments */
    __attribute__((format_arg(2)))
#endif
    ;

/* hl_report_write_season and hl_report_write_run in language lang. */
HL_API int hl_report_write_season_lang(const char *path, const hl_season *s,
                                       int lang, hl_error *err);
HL_API int hl_report_write_run_lang(const char *path, const hl_season *snapshot,
                                    int lang, hl_error *err);

#ifdef __cplusplus
}
#endif

#endif
