/*
 * report_surge.c - the surge report (hl_report_write_surge): one HTML
 * page with the event's verdict, the envelope of pressure along the line
 * (largest and smallest pressure at every node with a chainage, per side,
 * with each node's PN and vapour pressure), the watched nodes' pressure in
 * time, the cavities, the vessels and pumps; the plots drawn by
 * data/report/surge.js. Formats what hl_surge_run computed; runs nothing.
 */
#include "report.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BAR_OF(pa) ((pa) / 1e5)

static json_t *num_or_null(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

/* Node i's side in the model (supply, return, none). */
static int side_of(const hl_model *m, int i)
{
    hl_node_result nr;
    return m && hl_model_node_result(m, i, &nr) == HL_OK ? nr.side
                                                         : HL_SIDE_NONE;
}

typedef struct by_chainage {
    double x;
    int i;
} by_chainage;

static int cmp_chainage(const void *a, const void *b)
{
    double x = ((const by_chainage *)a)->x, y = ((const by_chainage *)b)->x;
    return x < y ? -1 : x > y;
}

/* The envelope of one side: arrays over its nodes in chainage order. */
static json_t *envelope_side(const hl_model *m, const hl_surge *s, int side)
{
    int n = hl_surge_node_count(s), k = 0;
    by_chainage *at = malloc(sizeof *at * ((size_t)n + 1));
    if (!at)
        return NULL;
    for (int i = 0; i < n; i++) {
        hl_surge_node nd;
        hl_surge_node_result(s, i, &nd);
        if (isfinite(nd.chainage_m) && side_of(m, i) == side)
            at[k++] = (by_chainage){nd.chainage_m, i};
    }
    qsort(at, (size_t)k, sizeof *at, cmp_chainage);
    json_t *o = json_object();
    const char *keys[] = {"id",     "chainage_km", "max_bar", "min_bar",
                          "pn_bar", "vapour_bar",  "t_max_s", "t_min_s"};
    json_t *arr[8];
    for (int j = 0; j < 8; j++) {
        arr[j] = json_array();
        json_object_set_new(o, keys[j], arr[j]);
    }
    for (int q = 0; q < k; q++) {
        hl_surge_node nd;
        hl_surge_node_result(s, at[q].i, &nd);
        json_array_append_new(arr[0], json_string(nd.id));
        json_array_append_new(arr[1], json_real(nd.chainage_m / 1000.0));
        json_array_append_new(arr[2], num_or_null(BAR_OF(nd.max_pressure_pa)));
        json_array_append_new(arr[3], num_or_null(BAR_OF(nd.min_pressure_pa)));
        json_array_append_new(arr[4], num_or_null(BAR_OF(nd.pn_pa)));
        json_array_append_new(arr[5],
                              num_or_null(BAR_OF(nd.vapour_pressure_pa)));
        json_array_append_new(arr[6], num_or_null(nd.t_max_s));
        json_array_append_new(arr[7], num_or_null(nd.t_min_s));
    }
    free(at);
    return o;
}

static json_t *series_data(const hl_surge *s)
{
    json_t *a = json_array();
    int ns = hl_surge_sample_count(s);
    for (int w = 0; w < hl_surge_watch_count(s); w++) {
        json_t *t = json_array(), *p = json_array(), *o = json_object();
        for (int i = 0; i < ns; i++) {
            double ts, h, pa;
            hl_surge_sample(s, w, i, &ts, &h, &pa);
            json_array_append_new(t, json_real(ts));
            json_array_append_new(p, num_or_null(BAR_OF(pa)));
        }
        json_object_set_new(o, "id", json_string(hl_surge_watch_id(s, w)));
        json_object_set_new(o, "time_s", t);
        json_object_set_new(o, "pressure_bar", p);
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *cavity_data(const hl_surge *s)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_surge_cavity_count(s); i++) {
        hl_surge_cavity c;
        hl_surge_cavity_result(s, i, &c);
        char where[256];
        if (c.node)
            snprintf(where, sizeof where, "%s", c.node);
        else
            snprintf(where, sizeof where, "%s at %.0f m", c.pipe ? c.pipe : "?",
                     c.x_m);
        json_t *o = json_object();
        json_object_set_new(o, "where", json_string(where));
        json_object_set_new(o, "t_first_s", num_or_null(c.t_first_s));
        json_object_set_new(o, "max_volume_m3", num_or_null(c.max_volume_m3));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *surge_data(const hl_model *m, const hl_surge *s)
{
    json_t *d = json_object(), *env = json_object();
    json_object_set_new(env, "supply", envelope_side(m, s, HL_SIDE_SUPPLY));
    json_object_set_new(env, "return", envelope_side(m, s, HL_SIDE_RETURN));
    json_object_set_new(env, "other", envelope_side(m, s, HL_SIDE_NONE));
    json_object_set_new(d, "envelope", env);
    json_object_set_new(d, "series", series_data(s));
    json_object_set_new(d, "cavities", cavity_data(s));
    return d;
}

static void verdict_block(FILE *f, const hl_surge *s, const char *event)
{
    hl_surge_verdict v;
    hl_surge_grid g;
    hl_surge_verdict_get(s, &v);
    hl_surge_grid_info(s, &g);
    fputs("<div class=\"summary\"><p>Event: <b>", f);
    html_escape(f, event ? event : "(none)");
    fprintf(f,
            "</b>; %.0f s simulated with dx %g m and dt %.4g s (%ld points, "
            "%ld steps).</p>\n<p class=\"%s\">Verdict: <b>%s</b>: %d "
            "pipe(s) above PN, %d within %.2f bar of vapour pressure, %d "
            "cavity site(s). Highest pressure %.2f bar(g) in ",
            g.steps * g.dt_s, g.dx_m, g.dt_s, g.points, g.steps,
            v.ok ? "feasible" : "infeasible", v.ok ? "passes" : "FAILS",
            v.pipes_over_pn, v.pipes_near_vapour, BAR_OF(v.margin_pa),
            v.cavities, BAR_OF(v.max_pressure_pa));
    html_escape(f, v.max_pipe ? v.max_pipe : "-");
    fprintf(f, "; lowest %.2f bar(g) in ", BAR_OF(v.min_pressure_pa));
    html_escape(f, v.min_pipe ? v.min_pipe : "-");
    fputs(".</p></div>\n", f);
}

/* Relief valves: the largest discharge against the capacity. */
static void reliefs_table(FILE *f, const hl_surge *s)
{
    int nr = hl_surge_relief_count(s);
    if (nr == 0)
        return;
    fputs("<h2>Relief valves</h2>\n<table><tr><th>valve</th><th>node</th>"
          "<th>set bar(g)</th><th>largest discharge kg/s</th>"
          "<th>capacity kg/s</th><th>capacity</th></tr>\n",
          f);
    for (int i = 0; i < nr; i++) {
        hl_surge_relief rv;
        hl_surge_relief_result(s, i, &rv);
        fputs("<tr><td>", f);
        html_escape(f, rv.id);
        fputs("</td><td>", f);
        html_escape(f, rv.node);
        fprintf(f,
                "</td><td>%.2f</td><td>%.1f</td><td>%.1f</td><td>%s</td>"
                "</tr>\n",
                BAR_OF(rv.set_pressure_pa), rv.max_discharge_kg_s,
                rv.capacity_kg_s,
                rv.capacity_sufficed ? "sufficed" : "EXCEEDED");
    }
    fputs("</table>\n<p class=\"note\">A valve discharges its capacity "
          "at its set pressure plus its accumulation; more flow needed more "
          "overpressure than it is rated for.</p>\n",
          f);
}

static void devices_table(FILE *f, const hl_surge *s)
{
    int nv = hl_surge_vessel_count(s), np = hl_surge_pump_count(s);
    if (nv > 0) {
        fputs("<h2>Air vessels</h2>\n<table><tr><th>vessel</th><th>node</th>"
              "<th>gas min m3</th><th>gas max m3</th></tr>\n",
              f);
        for (int i = 0; i < nv; i++) {
            hl_surge_vessel av;
            hl_surge_vessel_result(s, i, &av);
            fputs("<tr><td>", f);
            html_escape(f, av.id);
            fputs("</td><td>", f);
            html_escape(f, av.node);
            fprintf(f, "</td><td>%.1f</td><td>%.1f</td></tr>\n", av.gas_min_m3,
                    av.gas_max_m3);
        }
        fputs("</table>\n", f);
    }
    reliefs_table(f, s);
    if (np > 0) {
        fputs("<h2>Pumps of the event</h2>\n<table><tr><th>pump</th>"
              "<th>model</th><th>speed at the end</th><th>lowest speed</th>"
              "<th>lowest flow</th></tr>\n",
              f);
        for (int i = 0; i < np; i++) {
            hl_surge_pump pu;
            hl_surge_pump_result(s, i, &pu);
            fputs("<tr><td>", f);
            html_escape(f, pu.id);
            fprintf(f, "</td><td>%s",
                    pu.four_quadrant ? "four-quadrant" : "affinity");
            if (pu.curves && strcmp(pu.curves, "given") != 0)
                fprintf(f, " (built-in %s curves, Ns %.0f)", pu.curves,
                        pu.specific_speed);
            fprintf(f, "</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>\n",
                    pu.speed_end, pu.min_speed, pu.min_flow_ratio);
        }
        fputs("</table>\n<p class=\"note\">Speed and flow over their "
              "running values; negative: backwards.</p>\n",
              f);
    }
}

static void section(FILE *f, const char *title, int chart)
{
    fputs("<h2>", f);
    html_escape(f, title);
    fputs("</h2>\n", f);
    report_chart_div(f, chart);
}

static int write_page(FILE *f, const hl_model *m, const hl_surge *s,
                      const char *event, hl_error *err)
{
    const char *name = m ? hl_model_name(m) : NULL;
    char title[512];
    snprintf(title, sizeof title, "heatline surge: %s",
             name && *name ? name : "model");
    report_page_begin(f, title, HL_LANG_EN);
    verdict_block(f, s, event);
    section(f, "Envelope of pressure along the line", CHART_SURGE_ENVELOPE);
    section(f, "Pressure in time at the watched nodes", CHART_SURGE_SERIES);
    section(f, "Vapour cavities", CHART_SURGE_CAVITIES);
    devices_table(f, s);
    for (int i = 0; i < hl_surge_warning_count(s); i++) {
        fputs("<p class=\"note\">Warning: ", f);
        html_escape(f, hl_surge_warning(s, i));
        fputs("</p>\n", f);
    }
    json_t *data = surge_data(m, s);
    if (!data)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    int rc = report_page_end_with(f, data, "report/surge.js", err);
    json_decref(data);
    return rc;
}

int hl_report_write_surge(const char *path, const hl_model *m,
                          const hl_surge *s, const char *event, hl_error *err)
{
    if (!path || !s)
        return hl_error_set(err, HL_EINVAL, "surge report: NULL argument");
    atomic_file a;
    int rc = atomic_open(&a, path, err);
    if (rc)
        return rc;
    rc = write_page(a.f, m, s, event, err);
    if (rc) {
        atomic_abort(&a);
        return rc;
    }
    return atomic_commit(&a, err);
}
