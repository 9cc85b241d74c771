/* weather_csv.c - hourly weather as CSV: a `time` column (YYYY-MM-DD HH:MM,
 * or with a T) and a temperature column whose name carries its unit
 * (temp_c, dry_bulb_c or temp_k); wind_m_per_s is optional (0 = still air).
 * Rows must follow each other hour by hour. A file of exactly one calendar
 * year from 1 Jan 00:00 is read as a typical year (a range may wrap). */
#include "io.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct csv_cols {
    int time, temp, wind;
    double temp_offset_k; /* added to the column's value */
} csv_cols;

static int find_columns(const csv_table *t, csv_cols *c, hl_error *err)
{
    c->wind = c->temp = -1;
    c->time = csv_table_require(t, "time", err);
    if (c->time < 0)
        return HL_EPARSE;
    c->temp_offset_k = HL_ZERO_C_K;
    c->temp = csv_table_col(t, "temp_c");
    if (c->temp < 0)
        c->temp = csv_table_col(t, "dry_bulb_c");
    if (c->temp < 0 && (c->temp = csv_table_col(t, "temp_k")) >= 0)
        c->temp_offset_k = 0.0;
    if (c->temp < 0)
        return hl_error_set(err, HL_EPARSE,
                            "%s: missing a temperature column (temp_c, "
                            "dry_bulb_c or temp_k)",
                            t->origin);
    c->wind = csv_table_col(t, "wind_m_per_s");
    return HL_OK;
}

static int parse_time(const char *text, int *y, int *mo, int *d, int *h)
{
    int mi;
    char sep, extra;
    int n =
        sscanf(text, "%4d-%2d-%2d%c%2d:%2d%c", y, mo, d, &sep, h, &mi, &extra);
    return n == 6 && (sep == ' ' || sep == 'T') && *mo >= 1 && *mo <= 12 &&
           *d >= 1 && *d <= cal_days_in_month(*y, *mo) && *h >= 0 && *h <= 23 &&
           mi == 0;
}

static int parse_row(const csv_table *t, int r, const csv_cols *c,
                     hl_weather *w, hl_error *err)
{
    const char *time = t->rows[r][c->time];
    if (!parse_time(time, &w->year[r], &w->month[r], &w->day[r], &w->hour[r]))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: time '%s': expected YYYY-MM-DD HH:00",
                            t->origin, t->line[r], time);
    double temp, wind = 0.0;
    const char *tt = t->rows[r][c->temp];
    char shown[64];
    hl_error e2;
    hl_error_clear(&e2);
    if (!parse_double(tt, &temp))
        return hl_error_set(err, HL_EPARSE, "%s:%d: %s '%s': expected a number",
                            t->origin, t->line[r], t->header[c->temp],
                            hl_text_show(shown, sizeof shown, tt, 40));
    if (hl_range_check_si(HL_Q_WEATHER_TEMP_C, t->header[c->temp],
                          temp + c->temp_offset_k, tt, &e2))
        return hl_error_set(err, HL_EPARSE, "%s:%d: %s", t->origin, t->line[r],
                            e2.message);
    const char *wt = c->wind >= 0 ? t->rows[r][c->wind] : "0";
    if (hl_range_parse(HL_Q_WEATHER_WIND, "wind_m_per_s", wt, &wind, &e2))
        return hl_error_set(err, HL_EPARSE, "%s:%d: %s", t->origin, t->line[r],
                            e2.message);
    w->dry_bulb_k[r] = temp + c->temp_offset_k;
    w->wind_m_s[r] = wind;
    if (r > 0 && !weather_follows(w, r))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: time '%s' does not follow the previous "
                            "row by one hour",
                            t->origin, t->line[r], time);
    return HL_OK;
}

static void mark_typical(hl_weather *w)
{
    int l = w->n - 1;
    w->typical_year = w->n == 8760 && w->month[0] == 1 && w->day[0] == 1 &&
                      w->hour[0] == 0 && w->month[l] == 12 && w->day[l] == 31 &&
                      w->year[l] == w->year[0];
}

int hl_weather_parse_csv(const char *text, size_t len, const char *origin,
                         hl_weather *w, hl_error *err)
{
    csv_table t;
    csv_cols c;
    memset(w, 0, sizeof *w);
    int rc = csv_table_parse(text, len, origin, &t, err);
    if (rc)
        return rc;
    rc = find_columns(&t, &c, err);
    if (!rc && t.n_rows == 0)
        rc = hl_error_set(err, HL_EPARSE, "%s: no hourly rows", origin);
    if (!rc)
        rc = weather_alloc(w, t.n_rows, err);
    for (int r = 0; !rc && r < t.n_rows; r++)
        rc = parse_row(&t, r, &c, w, err);
    csv_table_free(&t);
    if (rc) {
        hl_weather_free(w);
        return rc;
    }
    copy_text(w->source, sizeof w->source, origin);
    mark_typical(w);
    return HL_OK;
}
