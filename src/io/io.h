/*
 * io.h - internal helpers of the io layer: weather records, calendar
 * arithmetic, atomic file output.
 */
#ifndef HL_IO_H
#define HL_IO_H

#include "heatline.h"

#include <stdio.h>

/* Days in month m (1..12) of year y (y <= 0: a non-leap typical year). */
int cal_days_in_month(int y, int m);
/* Day of year, 1 Jan = 1, for a non-leap year (29 Feb counts as 28 Feb). */
int cal_day_of_year(int m, int d);

/* Allocate the hourly arrays of w for n hours (zeroes the rest). */
int weather_alloc(hl_weather *w, int n, hl_error *err);
/* Check that row i follows row i-1 by one hour; 1 if so. */
int weather_follows(const hl_weather *w, int i);

/* Mean-preserving smooth periodic curve through 12 monthly means
 * (Epstein 1991): coefficients of 1, cos/sin(k w t) k = 1..5, cos(6 w t),
 * w = 2 pi / 365 per day. */
typedef struct monthly_curve {
    double c[12];
} monthly_curve;
int monthly_curve_fit(const double mean[12], monthly_curve *out, hl_error *err);
/* Value at t days since 1 Jan 00:00 (non-leap year, period 365). */
double monthly_curve_at(const monthly_curve *c, double t_days);

/* Atomic output: open a temp file beside path; commit renames it over
 * path, abort removes it. */
typedef struct atomic_file {
    FILE *f;
    char tmp[4096];
    char path[4096];
} atomic_file;
int atomic_open(atomic_file *a, const char *path, hl_error *err);
int atomic_commit(atomic_file *a, hl_error *err);
void atomic_abort(atomic_file *a);

#endif
