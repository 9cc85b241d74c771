/* weather.c - the hourly weather record: allocation, loading by content,
 * and selecting a date range (which may wrap past 31 Dec in a typical
 * year). */
#include "io.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int weather_alloc(hl_weather *w, int n, hl_error *err)
{
    memset(w, 0, sizeof *w);
    w->latitude_deg = w->longitude_deg = w->elevation_m = NAN;
    w->year = calloc((size_t)n, 4 * sizeof(int));
    w->dry_bulb_k = calloc((size_t)n, 2 * sizeof(double));
    if (!w->year || !w->dry_bulb_k) {
        hl_weather_free(w);
        return hl_error_set(err, HL_ENOMEM, "weather: out of memory");
    }
    w->month = w->year + n;
    w->day = w->month + n;
    w->hour = w->day + n;
    w->wind_m_s = w->dry_bulb_k + n;
    w->n = n;
    return HL_OK;
}

void hl_weather_free(hl_weather *w)
{
    if (!w)
        return;
    free(w->year);
    free(w->dry_bulb_k);
    w->year = w->month = w->day = w->hour = NULL;
    w->dry_bulb_k = w->wind_m_s = NULL;
    w->n = 0;
}

/* The date after (m, d); 28 Feb is followed by 29 Feb or 1 Mar, since a
 * typical year may take February from a leap year. */
static int next_day_ok(int m, int d, int m2, int d2)
{
    if (m2 == m && d2 == d + 1 && d2 <= cal_days_in_month(2000, m))
        return 1;
    int last = d == cal_days_in_month(0, m) || (m == 2 && d == 29);
    return last && d2 == 1 && m2 == m % 12 + 1;
}

int weather_follows(const hl_weather *w, int i)
{
    int p = i - 1;
    if (w->hour[p] < 23)
        return w->month[i] == w->month[p] && w->day[i] == w->day[p] &&
               w->hour[i] == w->hour[p] + 1 &&
               (w->typical_year || w->year[i] == w->year[p]);
    if (w->hour[i] != 0 ||
        !next_day_ok(w->month[p], w->day[p], w->month[i], w->day[i]))
        return 0;
    if (w->typical_year)
        return 1;
    int new_year = w->month[i] == 1 && w->day[i] == 1;
    return w->year[i] == w->year[p] + new_year;
}

int hl_weather_load(const char *path, hl_weather *w, hl_error *err)
{
    char *text = NULL;
    size_t len = 0;
    memset(w, 0, sizeof *w);
    int rc = read_text_file(path, &text, &len, err);
    if (rc)
        return rc;
    if (strncmp(text, "LOCATION,", 9) == 0)
        rc = hl_weather_parse_epw(text, len, path, w, err);
    else
        rc = hl_weather_parse_csv(text, len, path, w, err);
    free(text);
    return rc;
}

/* "MM-DD" or "YYYY-MM-DD" into *y (0 if absent), *m, *d. */
static int parse_date(const char *text, int *y, int *m, int *d)
{
    char extra;
    *y = 0;
    if (sscanf(text, "%4d-%2d-%2d%c", y, m, d, &extra) == 3 &&
        strlen(text) == 10)
        return *m >= 1 && *m <= 12 && *d >= 1 &&
               *d <= cal_days_in_month(*y, *m);
    *y = 0;
    if (sscanf(text, "%2d-%2d%c", m, d, &extra) == 2 && strlen(text) == 5)
        return *m >= 1 && *m <= 12 && *d >= 1 && *d <= cal_days_in_month(0, *m);
    return 0;
}

static int date_matches(const hl_weather *w, int i, int y, int m, int d)
{
    return w->month[i] == m && w->day[i] == d && (y == 0 || w->year[i] == y);
}

static void describe_span(const hl_weather *w, char *buf, size_t cap)
{
    int l = w->n - 1;
    snprintf(buf, cap, "%04d-%02d-%02d .. %04d-%02d-%02d", w->year[0],
             w->month[0], w->day[0], w->year[l], w->month[l], w->day[l]);
}

static int find_date(const hl_weather *w, const char *opt, const char *text,
                     int start, int *out, hl_error *err)
{
    int y, m, d;
    if (!parse_date(text, &y, &m, &d))
        return hl_error_set(err, HL_EINVAL,
                            "%s '%s': expected a date MM-DD or YYYY-MM-DD", opt,
                            text);
    for (int k = 0; k < w->n; k++) {
        int i = (start + k) % w->n;
        if (date_matches(w, i, y, m, d)) {
            *out = i;
            return HL_OK;
        }
    }
    char span[64];
    describe_span(w, span, sizeof span);
    return hl_error_set(err, HL_ERANGE,
                        "%s %s is outside the weather file %s (it covers %s)",
                        opt, text, w->source, span);
}

int hl_weather_select(const hl_weather *w, const char *from, const char *to,
                      int *first, int *count, hl_error *err)
{
    if (!w || w->n <= 0)
        return hl_error_set(err, HL_EINVAL, "weather: no hours");
    int a, b;
    int rc = find_date(w, "--from", from ? from : "10-15", 0, &a, err);
    if (!rc)
        rc = find_date(w, "--to", to ? to : "04-15", a, &b, err);
    if (rc)
        return rc;
    for (int k = 0; k < 24; k++) { /* on to the last hour of that day */
        int next = (b + 1) % w->n;
        if (next == a || (b + 1 >= w->n && !w->typical_year) ||
            w->month[next] != w->month[b] || w->day[next] != w->day[b])
            break;
        b = next;
    }
    if (b < a && !w->typical_year)
        return hl_error_set(err, HL_ERANGE,
                            "--to %s comes before --from %s in %s, and the "
                            "file is not a typical year that may wrap",
                            to ? to : "04-15", from ? from : "10-15",
                            w->source);
    *first = a;
    *count = (b >= a ? b - a : b + w->n - a) + 1;
    return HL_OK;
}
