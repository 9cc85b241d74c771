/* report_data.c - the data object of the HTML report (read by
 * data/report/report.js): profile, temperatures, loss breakdown, months,
 * duration curve, fitting surfaces, payback. SI inside, units of the plots
 * here (km, C, GJ or kW, MW, 10^4 CNY). */
#include "report.h"

#include <math.h>
#include <stdlib.h>

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static void push(json_t *obj, const char *key, double v)
{
    json_t *a = json_object_get(obj, key);
    if (!a) {
        a = json_array();
        json_object_set_new(obj, key, a);
    }
    json_array_append_new(a, num(v));
}

static json_t *profile(const hl_season *s)
{
    json_t *o = json_object(), *st = json_array();
    const hl_profile_point *p = s->profile[0];
    for (int i = 0; i < s->n_profile; i++) {
        push(o, "chainage_km", p[i].chainage_m / 1000.0);
        push(o, "elevation_m", p[i].elevation_m);
        push(o, "head_supply_m", p[i].head_supply_m);
        push(o, "head_return_m", p[i].head_return_m);
        push(o, "static_head_m", p[i].static_head_m);
        push(o, "max_head_m", p[i].max_head_m);
        push(o, "min_head_m", p[i].min_head_m);
    }
    for (int i = 0; i < s->n_stations; i++) {
        json_t *j = json_object();
        json_object_set_new(j, "name", json_string(s->station[i].name));
        json_object_set_new(j, "chainage_km",
                            num(s->station[i].chainage_m / 1000.0));
        json_array_append_new(st, j);
    }
    json_object_set_new(o, "stations", st);
    return o;
}

static json_t *temperatures(const hl_season *s)
{
    json_t *arr = json_array();
    for (int i = 0; i < s->n_scen; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "scenario",
                            json_string(hl_scenario_name(s->scen[i].scenario)));
        for (int k = 0; k < s->n_profile; k++) {
            const hl_profile_point *p = &s->profile[i][k];
            push(o, "chainage_km", p->chainage_m / 1000.0);
            push(o, "supply_c", p->temp_supply_k - HL_ZERO_C_K);
            push(o, "return_c", p->temp_return_k - HL_ZERO_C_K);
        }
        json_array_append_new(arr, o);
    }
    return arr;
}

/* One hour: kW at the design hour; a season: GJ. */
static json_t *breakdown(const hl_season *s, int one_hour)
{
    json_t *o = json_object(), *names = json_array(), *vals = json_array();
    double scale = one_hour ? 1.0 / 3.6e6 : 1e-9; /* J per hour -> kW */
    json_object_set_new(o, "unit_label",
                        json_string(one_hour ? "Heat loss (kW)"
                                             : "Heat lost in the period (GJ)"));
    json_t *part[4];
    for (int j = 0; j < 4; j++)
        part[j] = json_array();
    for (int i = 0; i < s->n_scen; i++) {
        const hl_energy *e = &s->scen[i].total;
        double f = one_hour ? scale / fmax(e->hours, 1.0) : scale;
        json_array_append_new(
            names, json_string(hl_scenario_name(s->scen[i].scenario)));
        json_array_append_new(part[0], num(e->loss_pipes_j * f));
        for (int st = 0; st < HL_FIT_NSTATES; st++)
            json_array_append_new(part[st + 1],
                                  num(e->loss_fittings_j[st] * f));
    }
    for (int j = 0; j < 4; j++)
        json_array_append_new(vals, part[j]);
    json_object_set_new(o, "scenarios", names);
    json_object_set_new(o, "values", vals);
    return o;
}

static json_t *months(const hl_season *s)
{
    static const char *const label[12] = {"Jan", "Feb", "Mar", "Apr",
                                          "May", "Jun", "Jul", "Aug",
                                          "Sep", "Oct", "Nov", "Dec"};
    json_t *o = json_object(), *labels = json_array(), *losses = json_array();
    int order[12], n = 0, seen[12] = {0};
    for (int k = 0; k < s->n_hours; k++) { /* months in period order */
        int m = s->weather->month[(s->first + k) % s->weather->n] - 1;
        if (!seen[m]++)
            order[n++] = m;
    }
    json_object_set_new(o, "base", json_string("as-is"));
    for (int j = 0; j < n; j++) {
        json_array_append_new(labels, json_string(label[order[j]]));
        push(o, "delivered_gj",
             s->scen[0].month[order[j]].heat_delivered_j / 1e9);
    }
    for (int i = 0; i < s->n_scen; i++) {
        json_t *sc = json_object();
        json_object_set_new(sc, "scenario",
                            json_string(hl_scenario_name(s->scen[i].scenario)));
        for (int j = 0; j < n; j++) {
            const hl_energy *e = &s->scen[i].month[order[j]];
            push(sc, "loss_gj",
                 (e->loss_pipes_j + e->loss_fittings_j[0] +
                  e->loss_fittings_j[1] + e->loss_fittings_j[2]) /
                     1e9);
        }
        json_array_append_new(losses, sc);
    }
    json_object_set_new(o, "labels", labels);
    json_object_set_new(o, "losses", losses);
    return o;
}

static int by_temperature(const void *a, const void *b)
{
    const double *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

static json_t *duration(const hl_season *s)
{
    int n = s->n_hours, step = n > 600 ? n / 600 : 1;
    double *pair = malloc(2 * sizeof(double) * (size_t)n);
    if (!pair)
        return json_null();
    for (int k = 0; k < n; k++) {
        pair[2 * k] = s->outdoor_k[k];
        pair[2 * k + 1] = s->demand_w[k];
    }
    qsort(pair, (size_t)n, 2 * sizeof(double), by_temperature);
    json_t *o = json_object();
    for (int k = 0; k < n; k += step) {
        int at = k + step >= n ? n - 1 : k;
        push(o, "hours", at + 1);
        push(o, "outdoor_c", pair[2 * at] - HL_ZERO_C_K);
        push(o, "load_mw", pair[2 * at + 1] / 1e6);
    }
    free(pair);
    return o;
}

static json_t *surfaces(const hl_season *s)
{
    json_t *o = json_object(), *series = json_array();
    json_object_set_new(o, "burn_limit_c",
                        num(s->opt.burn_limit_k - HL_ZERO_C_K));
    for (int i = 0; i < s->n_scen; i++) {
        json_t *sc = json_object();
        json_object_set_new(sc, "scenario",
                            json_string(hl_scenario_name(s->scen[i].scenario)));
        for (int f = 0; f < s->n_fit; f++) {
            push(sc, "chainage_km", s->fit[f].chainage_m / 1000.0);
            push(sc, "surface_c", s->scen[i].design_surface_k[f] - HL_ZERO_C_K);
        }
        json_array_append_new(series, sc);
    }
    json_object_set_new(o, "series", series);
    return o;
}

static json_t *payback(const hl_season *s)
{
    json_t *arr = json_array();
    const hl_economics *e = &s->opt.economics;
    for (int i = 1; i < s->n_scen; i++) {
        const hl_payback *p = &s->scen[i].payback;
        json_t *o = json_object();
        json_object_set_new(o, "scenario",
                            json_string(hl_scenario_name(s->scen[i].scenario)));
        double cum = -p->investment_cny;
        int life = (int)ceil(e->service_life_years);
        for (int y = 0; y <= life; y++) {
            if (y > 0)
                cum += p->annual_saving_cny * pow(1.0 + e->discount_rate, -y);
            push(o, "year", y);
            push(o, "cumulative_10k_cny", cum / 1e4);
        }
        json_array_append_new(arr, o);
    }
    return arr;
}

json_t *report_data(const hl_season *s, int one_hour)
{
    json_t *o = json_object();
    json_object_set_new(o, "profile", profile(s));
    json_object_set_new(o, "temperatures", temperatures(s));
    json_object_set_new(o, "breakdown", breakdown(s, one_hour));
    json_object_set_new(o, "surfaces", surfaces(s));
    json_object_set_new(o, "map", report_map_data(s));
    if (!one_hour) {
        json_object_set_new(o, "months", months(s));
        json_object_set_new(o, "duration", duration(s));
        json_object_set_new(o, "payback", payback(s));
    }
    return o;
}
