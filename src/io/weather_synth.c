/* weather_synth.c - the embedded SYNTHETIC Hohhot typical year, built from
 * the monthly normals in data/weather/hohhot-monthly.csv:
 *  - daily-scale values: a smooth periodic curve whose average over each
 *    calendar month equals that month's mean (the harmonic method of
 *    Epstein, E. S. 1991, "On obtaining daily climatological values from
 *    monthly means", J. Climate 4(3):365-368), so months join without
 *    steps and the monthly means are kept;
 *  - a cosine diurnal cycle T = T_day + R/2 cos(2 pi (h + 0.5 - t_peak)/24)
 *    with the month's mean diurnal range R and peak time t_peak (same
 *    smooth interpolation for R), which averages to zero over each day;
 *  - wind: the smooth monthly curve, no diurnal cycle. */
#include "io.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

#define YEAR_DAYS 365.0
#define N_HARM    12

/* Average over [a, b) days of basis function j (see monthly_curve). */
static double basis_mean(int j, double a, double b)
{
    if (j == 0)
        return 1.0;
    int k = (j + 1) / 2; /* 1,1,2,2,...,5,5,6 */
    double om = 2.0 * M_PI * k / YEAR_DAYS;
    if (j % 2 == 1 || j == 11) /* cos */
        return (sin(om * b) - sin(om * a)) / (om * (b - a));
    return (cos(om * a) - cos(om * b)) / (om * (b - a));
}

static double basis_at(int j, double t)
{
    if (j == 0)
        return 1.0;
    int k = (j + 1) / 2;
    double om = 2.0 * M_PI * k / YEAR_DAYS;
    return (j % 2 == 1 || j == 11) ? cos(om * t) : sin(om * t);
}

/* Gaussian elimination with partial pivoting on a 12 x 12 system. */
static int solve12(double a[N_HARM][N_HARM], double x[N_HARM])
{
    for (int c = 0; c < N_HARM; c++) {
        int p = c;
        for (int r = c + 1; r < N_HARM; r++)
            if (fabs(a[r][c]) > fabs(a[p][c]))
                p = r;
        if (fabs(a[p][c]) < 1e-12)
            return 0;
        for (int k = 0; k < N_HARM; k++) {
            double tmp = a[c][k];
            a[c][k] = a[p][k], a[p][k] = tmp;
        }
        double tmp = x[c];
        x[c] = x[p], x[p] = tmp;
        for (int r = c + 1; r < N_HARM; r++) {
            double f = a[r][c] / a[c][c];
            for (int k = c; k < N_HARM; k++)
                a[r][k] -= f * a[c][k];
            x[r] -= f * x[c];
        }
    }
    for (int c = N_HARM - 1; c >= 0; c--) {
        for (int k = c + 1; k < N_HARM; k++)
            x[c] -= a[c][k] * x[k];
        x[c] /= a[c][c];
    }
    return 1;
}

int monthly_curve_fit(const double mean[12], monthly_curve *out, hl_error *err)
{
    double a[N_HARM][N_HARM];
    double start = 0.0;
    for (int m = 0; m < 12; m++) {
        double end = start + cal_days_in_month(0, m + 1);
        for (int j = 0; j < N_HARM; j++)
            a[m][j] = basis_mean(j, start, end);
        out->c[m] = mean[m];
        start = end;
    }
    if (!solve12(a, out->c))
        return hl_error_set(err, HL_EINVAL, "monthly curve: singular fit");
    return HL_OK;
}

double monthly_curve_at(const monthly_curve *c, double t_days)
{
    double v = 0.0;
    for (int j = 0; j < N_HARM; j++)
        v += c->c[j] * basis_at(j, t_days);
    return v;
}

typedef struct normals {
    double temp_c[12], wind[12], range_k[12], peak_h[12];
} normals;

static int read_normals(normals *nm, hl_error *err)
{
    static const char *const name = "weather/hohhot-monthly.csv";
    static const char *const col[4] = {"mean_dry_bulb_c", "mean_wind_m_per_s",
                                       "diurnal_range_k", "peak_time_h"};
    size_t len;
    const char *text = hl_embedded_find(name, &len);
    csv_table t;
    if (!text)
        return hl_error_set(err, HL_ENOTFOUND, "embedded %s missing", name);
    int rc = csv_table_parse(text, len, name, &t, err);
    if (rc)
        return rc;
    double *dst[4] = {nm->temp_c, nm->wind, nm->range_k, nm->peak_h};
    if (t.n_rows != 12)
        rc = hl_error_set(err, HL_EPARSE, "%s: expected 12 months", name);
    for (int j = 0; !rc && j < 4; j++) {
        int c = csv_table_require(&t, col[j], err);
        for (int m = 0; c >= 0 && m < 12; m++)
            if (!parse_double(t.rows[m][c], &dst[j][m]))
                rc = hl_error_set(err, HL_EPARSE, "%s:%d: %s: not a number",
                                  name, t.line[m], col[j]);
        if (c < 0)
            rc = HL_EPARSE;
    }
    csv_table_free(&t);
    return rc;
}

static void fill_hours(hl_weather *w, const monthly_curve cv[3],
                       const normals *nm)
{
    int i = 0;
    for (int m = 1; m <= 12; m++)
        for (int d = 1; d <= cal_days_in_month(0, m); d++)
            for (int h = 0; h < 24; h++, i++) {
                double t = cal_day_of_year(m, d) - 1 + (h + 0.5) / 24.0;
                double range = monthly_curve_at(&cv[2], t);
                double phase = 2.0 * M_PI * (h + 0.5 - nm->peak_h[m - 1]) / 24;
                w->year[i] = 0, w->month[i] = m, w->day[i] = d;
                w->hour[i] = h;
                w->dry_bulb_k[i] = HL_ZERO_C_K + monthly_curve_at(&cv[0], t) +
                                   0.5 * range * cos(phase);
                w->wind_m_s[i] = fmax(0.0, monthly_curve_at(&cv[1], t));
            }
}

int hl_weather_default(hl_weather *w, hl_error *err)
{
    normals nm;
    monthly_curve cv[3];
    memset(w, 0, sizeof *w);
    int rc = read_normals(&nm, err);
    if (!rc)
        rc = monthly_curve_fit(nm.temp_c, &cv[0], err);
    if (!rc)
        rc = monthly_curve_fit(nm.wind, &cv[1], err);
    if (!rc)
        rc = monthly_curve_fit(nm.range_k, &cv[2], err);
    if (!rc)
        rc = weather_alloc(w, 8760, err);
    if (rc)
        return rc;
    fill_hours(w, cv, &nm);
    w->typical_year = 1;
    w->synthetic = 1;
    copy_text(w->source, sizeof w->source,
              "SYNTHETIC Hohhot typical year (embedded monthly normals, "
              "smooth interpolation + cosine diurnal cycle)");
    copy_text(w->location, sizeof w->location, "Hohhot, Nei Mongol, CHN");
    w->latitude_deg = 40.82, w->longitude_deg = 111.68, w->elevation_m = 1063;
    return HL_OK;
}
