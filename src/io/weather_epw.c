/* weather_epw.c - EnergyPlus weather (EPW) reader: the LOCATION and GROUND
 * TEMPERATURES header records and, from each hourly row, the dry-bulb
 * temperature and wind speed. Format and valid ranges: EnergyPlus
 * "Auxiliary Programs", chapter "Weather Converter Program", section
 * "EnergyPlus Weather File (EPW) Data Dictionary" (fields N6 dry bulb,
 * -70 < T < 70 C, missing 99.9; N21 wind speed, 0..40 m/s, missing 999). */
#include "io.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPW_HEADER_LINES 8
#define EPW_MAX_FIELDS   128 /* GROUND TEMPERATURES: 2 + 16 per depth */
#define EPW_F_YEAR       0
#define EPW_F_MONTH      1
#define EPW_F_DAY        2
#define EPW_F_HOUR       3
#define EPW_F_DRY_BULB   6
#define EPW_F_WIND       21
#define EPW_MIN_FIELDS   22

typedef struct epw_line {
    char *field[EPW_MAX_FIELDS];
    int n;
} epw_line;

/* Split one line (modified in place) at commas. */
static void split_fields(char *line, epw_line *out)
{
    out->n = 0;
    char *p = line;
    while (out->n < EPW_MAX_FIELDS) {
        out->field[out->n++] = p;
        p = strchr(p, ',');
        if (!p)
            break;
        *p++ = '\0';
    }
}

/* Next line of text starting at *pos (NUL-terminated copy in buf). */
static int next_line(const char *text, size_t len, size_t *pos, char *buf,
                     size_t cap)
{
    if (*pos >= len)
        return 0;
    size_t end = *pos;
    while (end < len && text[end] != '\n')
        end++;
    size_t n = end - *pos;
    if (n > 0 && text[end - 1] == '\r')
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, text + *pos, n);
    buf[n] = '\0';
    *pos = end + 1;
    return 1;
}

static int field_number(const epw_line *l, int f, const char *origin, int line,
                        const char *what, double lo, double hi, double *out,
                        hl_error *err)
{
    const char *text = f < l->n ? l->field[f] : "";
    double v;
    char shown[64];
    if (!parse_double(text, &v) || !(v >= lo && v <= hi))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: %s (field %d) '%s': missing or outside "
                            "%g..%g",
                            origin, line, what, f + 1,
                            hl_text_show(shown, sizeof shown, text, 40), lo,
                            hi);
    *out = v;
    return HL_OK;
}

/* A physical field, checked against its row of the range table. */
static int field_quantity(const epw_line *l, int f, const char *origin,
                          int line, const char *what, int quantity, double *out,
                          hl_error *err)
{
    const char *text = f < l->n ? l->field[f] : "";
    char name[96];
    snprintf(name, sizeof name, "%s (field %d)", what, f + 1);
    hl_error e2;
    hl_error_clear(&e2);
    if (hl_range_parse(quantity, name, text, out, &e2))
        return hl_error_set(err, HL_EPARSE, "%s:%d: %s", origin, line,
                            e2.message);
    return HL_OK;
}

static int parse_location(const epw_line *l, hl_weather *w)
{
    if (l->n < 10)
        return 0;
    char raw[sizeof w->location];
    snprintf(raw, sizeof raw, "%s, %s, %s", l->field[1], l->field[2],
             l->field[3]);
    /* shown in reports and JSON: one line of UTF-8 (Latin-1 names too) */
    hl_text_show(w->location, sizeof w->location, raw, sizeof raw);
    double v; /* informative: kept only when a number in its range */
    if (parse_double(l->field[6], &v) &&
        !hl_range_check(HL_Q_LATITUDE, "latitude", v, NULL, NULL))
        w->latitude_deg = v;
    if (parse_double(l->field[7], &v) &&
        !hl_range_check(HL_Q_LONGITUDE, "longitude", v, NULL, NULL))
        w->longitude_deg = v;
    if (parse_double(l->field[9], &v) &&
        !hl_range_check(HL_Q_ELEVATION_M, "elevation", v, NULL, NULL))
        w->elevation_m = v;
    return 1;
}

/* GROUND TEMPERATURES,n,{depth,cond,dens,cp,12 monthly}... */
static int parse_ground(const epw_line *l, const char *origin, int line,
                        hl_weather *w, hl_error *err)
{
    int n;
    if (l->n < 2 || !parse_int(l->field[1], &n) || n < 0)
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: GROUND TEMPERATURES: number of depths "
                            "'%s' is not a count",
                            origin, line, l->n > 1 ? l->field[1] : "");
    w->n_ground = n < HL_WEATHER_MAX_DEPTHS ? n : HL_WEATHER_MAX_DEPTHS;
    for (int d = 0; d < w->n_ground; d++) {
        int base = 2 + 16 * d;
        int rc = field_quantity(l, base, origin, line, "ground depth m",
                                HL_Q_DEPTH_M, &w->ground_depth_m[d], err);
        for (int m = 0; !rc && m < 12; m++) {
            double c = 0.0;
            rc = field_quantity(l, base + 4 + m, origin, line,
                                "ground temperature C", HL_Q_WEATHER_TEMP_C, &c,
                                err);
            w->ground_monthly_k[d][m] = c + HL_ZERO_C_K;
        }
        if (rc)
            return rc;
    }
    return HL_OK;
}

static int parse_header(const char *text, size_t len, size_t *pos,
                        const char *origin, hl_weather *w, hl_error *err)
{
    static const char *const names[EPW_HEADER_LINES] = {
        "LOCATION",
        "DESIGN CONDITIONS",
        "TYPICAL/EXTREME PERIODS",
        "GROUND TEMPERATURES",
        "HOLIDAYS/DAYLIGHT SAVINGS",
        "COMMENTS 1",
        "COMMENTS 2",
        "DATA PERIODS"};
    char buf[8192];
    for (int i = 0; i < EPW_HEADER_LINES; i++) {
        epw_line l;
        if (!next_line(text, len, pos, buf, sizeof buf))
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d: missing header record %s", origin,
                                i + 1, names[i]);
        split_fields(buf, &l);
        if (strcmp(l.field[0], names[i]) != 0)
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d: expected header record %s, found "
                                "'%.40s'",
                                origin, i + 1, names[i], l.field[0]);
        if (i == 0 && !parse_location(&l, w))
            return hl_error_set(err, HL_EPARSE,
                                "%s:1: LOCATION: expected 10 fields", origin);
        if (i == 3 && parse_ground(&l, origin, i + 1, w, err))
            return err ? err->code : HL_EPARSE;
    }
    return HL_OK;
}

static int count_rows(const char *text, size_t len, size_t pos)
{
    int n = 0;
    for (size_t i = pos; i < len; i++)
        if (text[i] == '\n' || i + 1 == len)
            n++;
    return n;
}

static int parse_row(char *buf, const char *origin, int line, hl_weather *w,
                     int i, hl_error *err)
{
    epw_line l;
    split_fields(buf, &l);
    if (l.n < EPW_MIN_FIELDS)
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: %d fields, expected at least %d (an EPW "
                            "hourly row has 35)",
                            origin, line, l.n, EPW_MIN_FIELDS);
    double y = 0, m = 1, d = 1, h = 1, t = 0, v = 0;
    int rc =
        field_number(&l, EPW_F_YEAR, origin, line, "year", 0, 9999, &y, err);
    if (!rc)
        rc = field_number(&l, EPW_F_MONTH, origin, line, "month", 1, 12, &m,
                          err);
    if (!rc)
        rc = field_number(&l, EPW_F_DAY, origin, line, "day", 1,
                          cal_days_in_month((int)y, (int)m), &d, err);
    if (!rc)
        rc = field_number(&l, EPW_F_HOUR, origin, line, "hour", 1, 24, &h, err);
    if (!rc)
        rc = field_quantity(&l, EPW_F_DRY_BULB, origin, line,
                            "dry-bulb temperature C", HL_Q_WEATHER_TEMP_C, &t,
                            err);
    if (!rc)
        rc = field_quantity(&l, EPW_F_WIND, origin, line, "wind speed m/s",
                            HL_Q_WEATHER_WIND, &v, err);
    if (rc)
        return rc;
    w->year[i] = (int)y;
    w->month[i] = (int)m;
    w->day[i] = (int)d;
    w->hour[i] = (int)h - 1; /* EPW hour 1 is 00:00-01:00 */
    w->dry_bulb_k[i] = t + HL_ZERO_C_K;
    w->wind_m_s[i] = v;
    return HL_OK;
}

static int parse_rows(const char *text, size_t len, size_t pos,
                      const char *origin, hl_weather *w, hl_error *err)
{
    char buf[4096];
    int i = 0, line = EPW_HEADER_LINES;
    while (next_line(text, len, &pos, buf, sizeof buf)) {
        line++;
        if (buf[strspn(buf, " \t")] == '\0')
            continue;
        int rc = parse_row(buf, origin, line, w, i, err);
        if (rc)
            return rc;
        if (i > 0 && !weather_follows(w, i))
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d: date %02d-%02d hour %d does not "
                                "follow the previous row by one hour",
                                origin, line, w->month[i], w->day[i],
                                w->hour[i] + 1);
        i++;
    }
    w->n = i;
    if (i == 0)
        return hl_error_set(err, HL_EPARSE, "%s: no hourly rows", origin);
    return HL_OK;
}

int hl_weather_parse_epw(const char *text, size_t len, const char *origin,
                         hl_weather *w, hl_error *err)
{
    memset(w, 0, sizeof *w);
    hl_weather head;
    size_t pos = 0;
    memset(&head, 0, sizeof head);
    head.latitude_deg = head.longitude_deg = head.elevation_m = NAN;
    int rc = parse_header(text, len, &pos, origin, &head, err);
    if (rc)
        return rc;
    rc = weather_alloc(w, count_rows(text, len, pos) + 1, err);
    if (rc)
        return rc;
    int *y = w->year, *mo = w->month, *d = w->day, *h = w->hour;
    double *t = w->dry_bulb_k, *v = w->wind_m_s;
    *w = head;
    w->year = y, w->month = mo, w->day = d, w->hour = h;
    w->dry_bulb_k = t, w->wind_m_s = v;
    w->typical_year = 1; /* EPW files are read as typical years */
    copy_text(w->source, sizeof w->source, origin);
    rc = parse_rows(text, len, pos, origin, w, err);
    if (rc)
        hl_weather_free(w);
    return rc;
}
