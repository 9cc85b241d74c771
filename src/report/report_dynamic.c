/* report_dynamic.c - the plots of the line in time: the supply temperature
 * at the plant and at the consumers over time (the delay visible), the
 * transit time, the stored heat and the consumers' error against the
 * reset curve with and without lead. The page of `heatline dynamic
 * --report` (hl_report_write_dynamic) and the section of a dynamic
 * season's report (from its hourly columns). Formats what the engine
 * computed; runs nothing. */
#include "report.h"
#include "heatline_lang.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_POINTS    1500 /* per series: every k-th row beyond */
#define MAX_CONSUMERS 8    /* consumers drawn one by one */

#define N(i, v, d) report_num(nb[i], sizeof nb[i], (v), (d))

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

/* Every stride-th of n values of x (x[i * step]) times scale plus add;
 * the last row always. NULL x: JSON null. */
static json_t *series(const double *x, size_t step, int n, int stride,
                      double scale, double add)
{
    if (!x)
        return json_null();
    json_t *a = json_array();
    for (int i = 0; i < n; i += stride) {
        int at = i + stride >= n ? n - 1 : i;
        json_array_append_new(a, num(x[(size_t)at * step] * scale + add));
    }
    return a;
}

static json_t *consumers(const hl_dynamic_report *r, int stride)
{
    json_t *a = json_array();
    int n = r->n_consumers, shown = n < MAX_CONSUMERS ? n : MAX_CONSUMERS;
    for (int j = 0; r->consumer_supply_k && j < shown; j++) {
        int c = shown < n ? (int)((long)j * (n - 1) / (shown - 1)) : j;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(r->consumer_id[c]));
        json_object_set_new(o, "supply_c",
                            series(r->consumer_supply_k + c, (size_t)n,
                                   r->n_rows, stride, 1.0, -HL_ZERO_C_K));
        json_array_append_new(a, o);
    }
    return a;
}

static void error_series(json_t *a, const char *name, const double *e, int n,
                         int stride)
{
    if (!e)
        return;
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(name));
    json_object_set_new(o, "error_k", series(e, 1, n, stride, 1.0, 0.0));
    json_array_append_new(a, o);
}

json_t *report_dynamic_data(const hl_dynamic_report *r)
{
    int n = r->n_rows,
        stride = n > MAX_POINTS ? (n + MAX_POINTS - 1) / MAX_POINTS : 1;
    json_t *o = json_object(), *err = json_array();
    json_object_set_new(o, "time_h",
                        series(r->time_s, 1, n, stride, 1.0 / 3600.0, 0.0));
    json_object_set_new(
        o, "plant_c",
        series(r->plant_supply_k, 1, n, stride, 1.0, -HL_ZERO_C_K));
    json_object_set_new(o, "consumers", consumers(r, stride));
    json_object_set_new(o, "consumer_count", json_integer(r->n_consumers));
    json_object_set_new(o, "transit_h",
                        series(r->transit_s, 1, n, stride, 1.0 / 3600.0, 0.0));
    json_object_set_new(o, "stored_tj",
                        series(r->stored_j, 1, n, stride, 1e-12, 0.0));
    error_series(err, r->error_nolead_k ? "with lead" : "as run", r->error_k, n,
                 stride);
    error_series(err, "without lead", r->error_nolead_k, n, stride);
    json_object_set_new(o, "errors", err);
    return o;
}

/* A dynamic season's hours as the report of a run: the hourly columns of
 * the as-is scenario (the consumers flow-weighted). */
json_t *report_dynamic_season(const hl_season *s)
{
    int n = s->n_hours;
    double *col = malloc(sizeof(double) * 5 * ((size_t)n + 1));
    if (!col)
        return json_null();
    double *t = col, *sup = t + n, *tau = sup + n, *st = tau + n, *e = st + n;
    for (int k = 0; k < n; k++) {
        const double *r = s->scen[0].hourly + (size_t)k * HL_HOUR_NCOLS;
        t[k] = 3600.0 * k;
        sup[k] = r[HL_HOUR_SUPPLY_CITY_K];
        tau[k] = r[HL_HOUR_TRANSIT_S];
        st[k] = r[HL_HOUR_STORED_J];
        e[k] = r[HL_HOUR_SUPPLY_ERROR_K];
    }
    const char *ids[1] = {"consumers (flow-weighted)"};
    hl_dynamic_report r;
    memset(&r, 0, sizeof r);
    r.n_rows = n;
    r.time_s = t;
    r.plant_supply_k = s->supply_k;
    r.n_consumers = 1;
    r.consumer_id = ids;
    r.consumer_supply_k = sup;
    r.transit_s = tau;
    r.stored_j = st;
    r.error_k = e;
    if (s->have_lead[1]) /* a season with a lead: the run without it */
        r.error_nolead_k = s->lead[1].hourly_error_k;
    json_t *o = report_dynamic_data(&r);
    free(col);
    return o;
}

static void score_row(FILE *f, const char *name, const double *sc);

/* The consumers' supply against the reset curve over the season, as the
 * dynamic page's table. */
static void season_scores(FILE *f, const hl_season *s)
{
    if (!s->have_lead[0] || isnan(s->lead[0].mean_error_k))
        return;
    fputs("<table><tr><th>run</th><th>lead h</th><th>mean error K</th>"
          "<th>max |error| K</th><th>under-supplied K h</th></tr>\n",
          f);
    for (int i = 0; i < 2; i++) {
        const hl_season_lead *l = &s->lead[i];
        double sc[4] = {l->mean_error_k, l->max_abs_error_k,
                        l->under_degree_hours, l->mean_lead_h};
        if (s->have_lead[i])
            score_row(f,
                      i == 1            ? "without lead"
                      : s->have_lead[1] ? "with lead"
                                        : "as run",
                      sc);
    }
    fputs("</table>\n", f);
}

static void season_storage_note(FILE *f, const hl_season *s)
{
    double lo = INFINITY, hi = 0.0;
    for (int k = 0; k < s->n_hours; k++) {
        double t =
            s->scen[0].hourly[(size_t)k * HL_HOUR_NCOLS + HL_HOUR_TRANSIT_S];
        lo = fmin(lo, t);
        hi = fmax(hi, t);
    }
    char nb[3][48];
    if (!(hi > 0.0)) { /* no consumers (an import's demands) */
        fprintf(f,
                "<p class=\"note\">Every hour ran through the transport "
                "engine (season --dynamic): the line stored %s GJ over the "
                "period (as-is), counted in the energy balance.</p>\n",
                N(0, s->scen[0].total.stored_change_j / 1e9, 0));
        return;
    }
    fprintf(f,
            "<p class=\"note\">Every hour ran through the transport "
            "engine (season --dynamic): the water reaches the consumers "
            "after %s to %s h; the line stored %s GJ over the period "
            "(as-is), counted in the energy balance.</p>\n",
            N(0, lo / 3600.0, 1), N(1, hi / 3600.0, 1),
            N(2, s->scen[0].total.stored_change_j / 1e9, 0));
}

void report_dynamic_season_note(FILE *f, const hl_season *s)
{
    season_storage_note(f, s);
    season_scores(f, s);
}

void report_dynamic_sections(FILE *f)
{
    fputs("<h2>Supply temperature in time: plant and consumers</h2>\n", f);
    report_chart_div(f, CHART_DYN_TEMPS);
    fputs("<h2>Transit time from the plant to the consumers</h2>\n", f);
    report_chart_div(f, CHART_DYN_TRANSIT);
    fputs("<h2>Heat stored in the line</h2>\n", f);
    report_chart_div(f, CHART_DYN_STORED);
    fputs("<h2>Consumers' supply against the reset curve</h2>\n", f);
    report_chart_div(f, CHART_DYN_ERROR);
}

static void score_row(FILE *f, const char *name, const double *sc)
{
    char nb[4][48];
    if (isnan(sc[0]))
        return;
    fprintf(f,
            "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
            "</tr>\n",
            name, N(0, sc[3], 2), N(1, sc[0], 2), N(2, sc[1], 2),
            N(3, sc[2], 1));
}

static void dynamic_summary(FILE *f, const hl_dynamic_report *r)
{
    const hl_dynamic_energy *e = &r->energy;
    char nb[8][48];
    double span = r->n_rows > 0 ? r->time_s[r->n_rows - 1] / 3600.0 : 0.0;
    fputs("<p class=\"note\">Model: ", f);
    html_escape(f, r->model_name ? r->model_name : "unnamed model");
    fputs(".</p>\n", f);
    fprintf(f,
            "<div class=\"summary\"><p>%s hours through the transport "
            "engine: %s GJ in = %s GJ delivered + %s GJ lost + %s GJ "
            "stored (residual %.2g GJ). The line holds %s TJ at the "
            "end; %s parcels in flight (%s bytes).</p></div>\n",
            N(0, span, 1), N(1, e->in_j / 1e9, 0),
            N(2, e->delivered_j / 1e9, 0),
            N(3, (e->lost_pipes_j + e->lost_fittings_j) / 1e9, 0),
            N(4, e->stored_change_j / 1e9, 1), e->residual_j / 1e9,
            N(5, e->stored_j / 1e12, 2), N(6, (double)e->parcels, 0),
            N(7, (double)e->parcel_bytes, 0));
    if (isnan(r->score[0][0]))
        return;
    fputs("<table><tr><th>run</th><th>lead h</th><th>mean error K</th>"
          "<th>max |error| K</th><th>under-supplied K h</th></tr>\n",
          f);
    score_row(f, isnan(r->score[1][0]) ? "as run" : "with lead", r->score[0]);
    score_row(f, "without lead", r->score[1]);
    fputs("</table>\n", f);
}

static int write_page(FILE *f, const hl_dynamic_report *r, hl_error *err)
{
    report_page_begin(f, "heatline: the line in time", HL_LANG_EN);
    dynamic_summary(f, r);
    report_dynamic_sections(f);
    json_t *data = json_object();
    json_object_set_new(data, "dynamic", report_dynamic_data(r));
    int rc = report_page_end(f, data, err);
    json_decref(data);
    return rc;
}

int hl_report_write_dynamic(const char *path, const hl_dynamic_report *r,
                            hl_error *err)
{
    if (!path || !r || r->n_rows < 1 || !r->time_s)
        return hl_error_set(err, HL_EINVAL, "dynamic report: no rows recorded");
    atomic_file a;
    int rc = atomic_open(&a, path, err);
    if (rc)
        return rc;
    rc = write_page(a.f, r, err);
    if (rc) {
        atomic_abort(&a);
        return rc;
    }
    return atomic_commit(&a, err);
}
