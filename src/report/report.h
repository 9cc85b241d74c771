/*
 * report.h - internals of the HTML report: the data object for the plots
 * (report_data.c) and the page writer (report_html.c).
 */
#ifndef HL_REPORT_H
#define HL_REPORT_H

#include "io/io.h"
#include "season/season_internal.h"

#include <jansson.h>

/* one_hour: a run report (one design hour, kW) instead of a season. */
json_t *report_data(const hl_season *s, int one_hour);
/* v with `decimals` decimals and commas between thousands ("519,570"),
 * "n/a" if not finite; into buf, returned (report_numbers.c). */
const char *report_num(char *buf, size_t cap, double v, int decimals);

/* The map's data: the network in plan at the design hour (report_map.c). */
json_t *report_map_data(const hl_season *s);

/* The text of Apache ECharts (echarts.min.js), caller frees. Looks in
 * $HEATLINE_ECHARTS, share/heatline/report/ of the install (or of
 * $HEATLINE_DATA_DIR; see data_file_find), then the source tree's
 * report/node_modules/echarts/dist/. */
int report_load_echarts(char **text, size_t *len, char *where, size_t cap,
                        hl_error *err);

enum report_chart {
    CHART_PRESSURE = 0,
    CHART_TEMPERATURE,
    CHART_BREAKDOWN,
    CHART_MONTHS,
    CHART_DURATION,
    CHART_SURFACES,
    CHART_PAYBACK,
    CHART_MAP,
    CHART_DYN_TEMPS,
    CHART_DYN_TRANSIT,
    CHART_DYN_STORED,
    CHART_DYN_ERROR,
    CHART_SURGE_ENVELOPE,
    CHART_SURGE_SERIES,
    CHART_SURGE_CAVITIES
};

/* Page head (with the CSP; html lang of HL_LANG_* lang), escaped text, a
 * chart placeholder, and the end: ECharts, the data and report.js
 * inlined. The style's font stack names the CJK fonts of Debian
 * (fonts-noto-cjk, fonts-wqy-zenhei) and of the desktops. */
int report_page_begin(FILE *f, const char *title, int lang);
void report_chart_div(FILE *f, int which);
int report_page_end(FILE *f, json_t *data, hl_error *err);
/* The same with another embedded script (data/report/NAME) drawing it. */
int report_page_end_with(FILE *f, json_t *data, const char *script,
                         hl_error *err);

/* The line in time (report_dynamic.c): the data of a dynamic run's plots,
 * the same from a dynamic season's hourly columns (as-is), and the four
 * sections with their chart placeholders. */
json_t *report_dynamic_data(const hl_dynamic_report *r);
json_t *report_dynamic_season(const hl_season *s);
void report_dynamic_sections(FILE *f);
/* The line under a dynamic season's summary: transit and stored heat. */
void report_dynamic_season_note(FILE *f, const hl_season *s);

#endif
