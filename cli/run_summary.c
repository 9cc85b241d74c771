/*
 * run_summary.c - the text summary of `heatline run`: the heat balance,
 * the supply temperature at the consumers, the temperature drop and heat
 * loss of each leg between stations, pressures at each station, the
 * fittings bare / coated / jacketed and those above the burn limit, then
 * the warnings.
 */
#include "run.h"

#define T(english) hl_text(cli_lang, english)

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MW(w)  ((w) / 1e6)
#define BAR(p) ((p) / 1e5)
#define C(t)   ((t)-HL_ZERO_C_K)

/* A power with a unit that keeps 3-4 significant digits. */
static const char *power(double w, char *buf, size_t cap)
{
    double a = fabs(w);
    if (a >= 1e7)
        snprintf(buf, cap, "%.2f MW", w / 1e6);
    else if (a >= 1e6)
        snprintf(buf, cap, "%.3f MW", w / 1e6);
    else if (a >= 1e3)
        snprintf(buf, cap, "%.1f kW", w / 1e3);
    else
        snprintf(buf, cap, "%.1f W", w);
    return buf;
}

static void header(const run_args *a, const run_result *r)
{
    hl_model *m = r->m;
    printf("%s\n", hl_model_name(m)[0] ? hl_model_name(m) : "model");
    printf(T("  %s; %d nodes, %d pipes, %d pumps, %d valves, %d consumers, "
             "%d chambers with %d fittings\n"),
           a->model ? a->model : T("embedded default model"),
           hl_model_count(m, HL_NODE), hl_model_count(m, HL_PIPE),
           hl_model_count(m, HL_PUMP), hl_model_count(m, HL_VALVE),
           hl_model_count(m, HL_CONSUMER), hl_model_count(m, HL_CHAMBER),
           hl_model_count(m, HL_FITTING));
    printf(T("  solved in %d Newton iterations, %d coupling rounds; mass "
             "residual %.2g kg/s, energy residual %.3g W\n\n"),
           r->tot.iterations, r->tot.rounds, r->tot.mass_residual_kg_s,
           r->tot.energy_residual_w);
}

static void heat_balance(const run_result *r)
{
    const hl_totals *t = &r->tot;
    double in = t->heat_source_w + t->pump_heat_w;
    char b[6][32];
    printf(T("Heat\n"));
    printf(T("  from the source(s)   %14s"), power(t->heat_source_w, b[0], 32));
    if (hl_model_count(r->m, HL_SOURCE))
        printf(T("   circulating %.1f kg/s (%.0f t/h)"),
               t->source_mass_flow_kg_s, t->source_mass_flow_kg_s * 3.6);
    else
        printf(T("   (water entering at reservoirs, relative to 0 C)"));
    printf("\n");
    printf(T("  pump and friction    %14s   heat in the water (shaft power "
             "less what consumers throttle)\n"),
           power(t->pump_heat_w, b[5], 32));
    printf(T("  delivered            %14s"),
           power(t->heat_delivered_w, b[1], 32));
    int pdd = 0;
    hl_model_pressure_driven(r->m, &pdd);
    if (pdd || t->heat_unmet_w > 1e-4 * t->heat_delivered_w)
        printf(T("   of %s asked; unmet %s%s"),
               power(t->heat_delivered_w + t->heat_unmet_w, b[4], 32),
               power(t->heat_unmet_w, b[5], 32),
               pdd ? T(" (pressure-driven consumers)") : "");
    printf("\n");
    printf(T("  lost by pipes        %14s   %.2f %% of the heat in\n"),
           power(t->heat_loss_pipes_w, b[2], 32),
           100.0 * t->heat_loss_pipes_w / in);
    printf(T("  lost by fittings     %14s   %.3f %% of the heat in\n"),
           power(t->heat_loss_fittings_w, b[3], 32),
           100.0 * t->heat_loss_fittings_w / in);
    printf(T("  pumps, electric      %14s\n"),
           power(t->pump_power_w, b[4], 32));
}

static void consumers(hl_model *m)
{
    int n = hl_model_count(m, HL_CONSUMER);
    if (!n)
        return;
    printf(T("\nSupply temperature at the consumers\n"));
    for (int i = 0; i < n && i < 12; i++) {
        hl_consumer_result c;
        hl_model_consumer_result(m, i, &c);
        printf(T("  %-18s %8.2f C   heat %9.2f MW   flow %8.1f kg/s   "
                 "dp %6.2f bar"),
               hl_model_id(m, HL_CONSUMER, i), C(c.temp_in_k), MW(c.heat_w),
               c.mass_flow_kg_s, BAR(c.dp_available_pa));
        if (c.heat_asked_w - c.heat_w > 1e-4 * c.heat_asked_w)
            printf(T("   asked %.2f MW, unmet %.2f MW"), MW(c.heat_asked_w),
                   MW(c.heat_asked_w - c.heat_w));
        printf("\n");
    }
    if (n > 12)
        printf(T("  ... and %d more consumers (--json or --csv for all)\n"),
               n - 12);
}

/* ---- stations and legs
 * ------------------------------------------------------- */

typedef struct station {
    const char *name;
    double chainage;
} station;

static void add_station(station *st, int *n, int cap, const char *name,
                        double ch)
{
    if (!name || !name[0] || isnan(ch))
        return;
    for (int i = 0; i < *n; i++)
        if (strcmp(st[i].name, name) == 0)
            return;
    if (*n < cap)
        st[(*n)++] = (station){name, ch};
}

static int cmp_station(const void *a, const void *b)
{
    const station *x = a, *y = b;
    return (x->chainage > y->chainage) - (x->chainage < y->chainage);
}

static double node_chainage(hl_model *m, int v)
{
    hl_node_result r;
    hl_model_node_result(m, v, &r);
    return r.chainage_m;
}

static int stations(hl_model *m, station *st, int cap)
{
    int n = 0;
    for (int i = 0; i < hl_model_count(m, HL_SOURCE); i++) {
        hl_source_result r;
        hl_model_source_result(m, i, &r);
        add_station(st, &n, cap, "source", node_chainage(m, r.to));
    }
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        add_station(st, &n, cap, r.station, node_chainage(m, r.to));
    }
    qsort(st, (size_t)n, sizeof *st, cmp_station);
    return n;
}

static void leg_line(hl_model *m, const hl_profile_point *rows, int nr,
                     double c0, double c1, const char *from, const char *to)
{
    int a = -1, b = -1;
    for (int i = 0; i < nr; i++) {
        if (fabs(rows[i].chainage_m - c0) < 1e-6)
            a = i;
        if (b < 0 && fabs(rows[i].chainage_m - c1) < 1e-6)
            b = i;
    }
    if (a < 0 || b < 0 || rows[a].supply_node < 0 || rows[b].supply_node < 0)
        return;
    double q = 0.0;
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result p;
        hl_model_pipe_result(m, i, &p);
        double x = node_chainage(m, p.from), y = node_chainage(m, p.to);
        if (x >= c0 - 1e-6 && x <= c1 + 1e-6 && y >= c0 - 1e-6 &&
            y <= c1 + 1e-6)
            q += p.heat_loss_w;
    }
    hl_node_result s0, s1, r0, r1;
    hl_model_node_result(m, rows[a].supply_node, &s0);
    hl_model_node_result(m, rows[b].supply_node, &s1);
    printf(T("  %-14s -> %-16s %6.1f-%6.1f km  supply %7.2f -> %7.2f C "
             "(%+.3f K)"),
           from, to, c0 / 1e3, c1 / 1e3, C(s0.temp_k), C(s1.temp_k),
           s1.temp_k - s0.temp_k);
    if (rows[a].return_node >= 0 && rows[b].return_node >= 0) {
        hl_model_node_result(m, rows[b].return_node, &r1);
        hl_model_node_result(m, rows[a].return_node, &r0);
        printf(T("  return %6.2f -> %6.2f C (%+.3f K)"), C(r1.temp_k),
               C(r0.temp_k), r0.temp_k - r1.temp_k);
    }
    printf(T("  pipes %7.3f MW\n"), MW(q));
}

static void legs(hl_model *m)
{
    station st[64];
    int ns = stations(m, st, 64);
    hl_profile pr;
    if (ns == 0 || hl_model_profile(m, &pr) || pr.n_points == 0)
        return;
    const hl_profile_point *rows = pr.point;
    int nr = pr.n_points;
    printf(T("\nLegs between stations (main path)\n"));
    for (int i = 0; i < ns; i++) {
        double c1 = i + 1 < ns ? st[i + 1].chainage : rows[nr - 1].chainage_m;
        if (c1 > st[i].chainage)
            leg_line(m, rows, nr, st[i].chainage, c1, st[i].name,
                     i + 1 < ns ? st[i + 1].name : T("end"));
    }
}

static void pump_lines(hl_model *m)
{
    int n = hl_model_count(m, HL_PUMP);
    if (!n)
        return;
    printf(T("\nStations: pumps (pressure bar(g))\n"));
    for (int i = 0; i < n && i < 30; i++) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        hl_node_result a, b;
        hl_model_node_result(m, r.from, &a);
        hl_model_node_result(m, r.to, &b);
        printf(T("  %-18s %-12s %7.2f -> %7.2f   rise %6.2f bar  %8.1f kg/s  "
                 "%7.2f MW%s\n"),
               r.station[0] ? r.station : "-", hl_model_id(m, HL_PUMP, i),
               BAR(a.pressure_pa), BAR(b.pressure_pa), BAR(r.dp_pa),
               r.mass_flow_kg_s, MW(r.electric_w),
               r.running ? "" : T("  (stopped)"));
    }
    if (n > 30)
        printf(T("  ... and %d more pumps\n"), n - 30);
}

static void exchangers(hl_model *m)
{
    for (int i = 0; i < hl_model_count(m, HL_HX); i++) {
        hl_hx_result r;
        hl_model_hx_result(m, i, &r);
        printf(T("  heat exchanger %s: %.2f MW; primary %.2f -> %.2f C, "
                 "secondary %.2f -> %.2f C\n"),
               hl_model_id(m, HL_HX, i), MW(r.heat_w), C(r.t_primary_in_k),
               C(r.t_primary_out_k), C(r.t_secondary_in_k),
               C(r.t_secondary_out_k));
    }
}

/* ---- fittings
 * -------------------------------------------------------------------- */

/* The coating thickness that would keep every fitting under the limit. */
static void coating_needed(hl_model *m, const run_coating *c)
{
    if (!c->asked)
        return;
    printf(T("  %s needed for all under the limit: "), c->material);
    if (c->worst < 0 && c->unreachable)
        printf(T("no thickness is enough"));
    else if (c->worst < 0)
        printf(T("none (bare metal passes)"));
    else
        printf(T("%.1f mm (modelled %.1f mm; the most for %s)"),
               c->thickness_m * 1e3, c->modelled_m * 1e3,
               hl_model_id(m, HL_FITTING, c->worst));
    if (c->unreachable)
        printf(T("; %d fittings cannot pass with any thickness up to 100 mm "
                 "(in their chamber's air as modelled)"),
               c->unreachable);
    printf("\n");
}

static void fittings(const run_result *r)
{
    hl_model *m = r->m;
    int n = hl_model_count(m, HL_FITTING);
    if (!n)
        return;
    int by_state[HL_FIT_NSTATES] = {0};
    for (int i = 0; i < n; i++) {
        hl_chamber_fitting_result f;
        hl_model_fitting_result(m, i, &f);
        by_state[f.state]++;
    }
    hl_chamber_fitting_result f0;
    hl_model_fitting_result(m, 0, &f0);
    printf(T("\nFittings: %d in %d chambers (as modelled: %d bare, %d coated, "
             "%d jacketed); burn limit %.0f C\n"),
           n, hl_model_count(m, HL_CHAMBER), by_state[0], by_state[1],
           by_state[2], C(f0.limit_k));
    char b[2][32];
    printf(T("  as modelled  %12s lost, %d above the burn limit\n"),
           power(r->tot.heat_loss_fittings_w, b[0], 32), r->n_over_limit);
    for (int s = 0; s < HL_FIT_NSTATES; s++) {
        const run_scenario *sc = &r->scen[s];
        if (!sc->solved)
            continue;
        printf(T("  all %-9s %12s lost (change %12s), %4d of %d above the "
                 "limit, hottest surface %6.1f C\n"),
               T(run_state_name(s)), power(sc->fittings_w, b[0], 32),
               power(sc->fittings_w - r->tot.heat_loss_fittings_w, b[1], 32),
               sc->over_limit, n, C(sc->hottest_k));
    }
    coating_needed(m, &r->coating);
}

static void warnings(hl_model *m)
{
    int n = hl_model_warning_count(m);
    printf(T("\nWarnings: %s\n"), n ? "" : T("none"));
    for (int i = 0; i < n; i++)
        printf("  %s\n", hl_model_warning(m, i));
}

int run_print_summary(const run_args *a, run_result *r)
{
    run_print_infeasible(r->m, stdout);
    header(a, r);
    heat_balance(r);
    consumers(r->m);
    legs(r->m);
    pump_lines(r->m);
    exchangers(r->m);
    fittings(r);
    run_print_chambers(r->m);
    run_print_static(r->m);
    warnings(r->m);
    return 0;
}
