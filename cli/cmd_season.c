/*
 * cmd_season.c - `heatline season`: the heating season hour by hour on a
 * model (default: the embedded line) with a weather year (default: the
 * SYNTHETIC Hohhot year); energy, losses by fitting state, pump
 * electricity, burn hours, savings and payback of the retrofit scenarios;
 * optional JSON, CSV tables and the HTML report.
 */
#include "cli_outputs.h"
#include "help/help.h"

#define T(english) hl_text(cli_lang, english)
#include "operation_text.h"
#include "season_args.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#define CMD                "season"
#define GJ                 1e9
#define PROGRESS_MIN_STEPS 2000 /* shorter runs finish before a bar helps */

static void progress_bar(void *user, int done, int total)
{
    (void)user;
    if (total < PROGRESS_MIN_STEPS)
        return;
    int width = 40, filled = (int)((double)width * done / total);
    fprintf(stderr, "\rseason: [%.*s%*s] %3d%%", filled,
            "########################################", width - filled, "",
            (int)(100.0 * done / total));
    if (done == total)
        fprintf(stderr, "\r%*s\r", width + 20, "");
    fflush(stderr);
}

static int load_weather(const season_args *a, hl_weather *w)
{
    hl_error err;
    hl_error_clear(&err);
    int rc = a->weather ? hl_weather_load(a->weather, w, &err)
                        : hl_weather_default(w, &err);
    if (rc)
        return cli_fail(CMD, "%s", err.message);
    return 0;
}

static double fit_j(const hl_energy *e)
{
    return e->loss_fittings_j[0] + e->loss_fittings_j[1] +
           e->loss_fittings_j[2];
}

static void print_scenario(const hl_season_scenario *sc)
{
    const hl_energy *e = &sc->total;
    printf("  %-9s %12.0f %12.0f %10.0f %10.0f %8.0f/%6.0f/%6.0f %10.0f "
           "%9d\n",
           T(hl_scenario_name(sc->scenario)), e->heat_source_j / GJ,
           e->heat_delivered_j / GJ, e->loss_pipes_j / GJ, fit_j(e) / GJ,
           e->loss_fittings_j[0] / GJ, e->loss_fittings_j[1] / GJ,
           e->loss_fittings_j[2] / GJ, e->pump_electric_j / 3.6e9,
           sc->burn_fitting_hours);
}

static void print_payback(const hl_season_scenario *sc)
{
    const hl_payback *p = &sc->payback;
    printf(T("  %-9s saves %.0f GJ (%.0f tce, %.0f t CO2), %.0f CNY per "
             "season on %.0f m2 costing %.0f CNY: payback "),
           T(hl_scenario_name(sc->scenario)), p->heat_saved_gj,
           p->coal_saved_tce, p->co2_saved_t, p->annual_saving_cny,
           sc->fitting_area_changed_m2, p->investment_cny);
    if (isfinite(p->simple_payback_years))
        printf(T("%.1f years"), p->simple_payback_years);
    else
        fputs(T("never"), stdout);
    printf(T(", NPV %.0f CNY\n"), p->npv_cny);
}

/* A dynamic season: the heat the line stored and the transit time to
 * the consumers (as-is), and each scenario's account. */
static void print_storage(const hl_season *s)
{
    const hl_season_scenario *sc = hl_season_scenario_at(s, 0);
    double tmin = INFINITY, tmax = 0.0, smin = INFINITY, smax = -INFINITY;
    for (int k = 0; k < hl_season_hours(s); k++) {
        const double *r = sc->hourly + (size_t)k * HL_HOUR_NCOLS;
        tmin = fmin(tmin, r[HL_HOUR_TRANSIT_S]);
        tmax = fmax(tmax, r[HL_HOUR_TRANSIT_S]);
        smin = fmin(smin, r[HL_HOUR_STORED_J]);
        smax = fmax(smax, r[HL_HOUR_STORED_J]);
    }
    if (tmax > 0.0)
        printf(T("\ndynamic (transport engine): transit to the consumers "
                 "%.1f to %.1f h; stored heat %.1f to %.1f TJ\n"),
               tmin / 3600, tmax / 3600, smin / 1e12, smax / 1e12);
    else /* no consumers (an import's demands): no transit to them */
        printf(T("\ndynamic (transport engine): stored heat %.1f to %.1f "
                 "TJ\n"),
               smin / 1e12, smax / 1e12);
    for (int i = 0; i < hl_season_scenario_count(s); i++) {
        const hl_energy *e = &hl_season_scenario_at(s, i)->total;
        double lost = e->loss_pipes_j + fit_j(e);
        printf(T("  %-9s produced %.0f + pump heat %.0f = delivered %.0f + "
                 "lost %.0f + stored change %.1f GJ (residual %.2g GJ)\n"),
               T(hl_scenario_name(hl_season_scenario_at(s, i)->scenario)),
               e->heat_source_j / GJ, e->pump_heat_j / GJ,
               e->heat_delivered_j / GJ, lost / GJ, e->stored_change_j / GJ,
               (e->heat_source_j + e->pump_heat_j - e->heat_delivered_j - lost -
                e->stored_change_j) /
                   GJ);
    }
}

/* A dynamic season's supply at the consumers against the reset curve
 * (the first scenario): as it ran, and without lead when it had one. */
static void print_lead(const hl_season *s)
{
    const hl_season_lead *with = NULL, *without = NULL;
    if (hl_season_lead_stats(s, 1, &with) || isnan(with->mean_error_k))
        return;
    hl_season_lead_stats(s, 0, &without);
    printf(T("\nsupply at the consumers against the reset curve (%s):\n"),
           T(hl_scenario_name(hl_season_scenario_at(s, 0)->scenario)));
    const hl_season_lead *row[2] = {with, without};
    const char *name[2] = {without ? "with lead" : "as run", "without lead"};
    for (int i = 0; i < 2 && row[i]; i++)
        printf(T("  %-12s lead %5.2f h   mean error %+6.2f K   max |error| "
                 "%5.2f K   under-supplied %8.1f K h\n"),
               T(name[i]), row[i]->mean_lead_h, row[i]->mean_error_k,
               row[i]->max_abs_error_k, row[i]->under_degree_hours);
}

/* The INFEASIBLE block first: hours whose state broke hard limits. */
static void print_infeasible(const hl_season *s)
{
    int bad = hl_season_infeasible_hours(s);
    if (!bad)
        return;
    printf(T("INFEASIBLE: %d of %d hours (as-is) solve to states that violate "
             "hard limits; the first such hour's %d violations:\n"),
           bad, hl_season_hours(s), hl_season_violation_count(s));
    for (int i = 0; i < hl_season_violation_count(s) && i < 100; i++)
        printf("  %s\n", hl_season_violation(s, i));
    printf("\n");
}

/* Heat the consumers asked and did not get: with pressure-driven
 * consumers, what the pressures could not bring over the period. */
static void print_unmet(const hl_season *s, int pressure_driven)
{
    int any = pressure_driven;
    for (int i = 0; i < hl_season_scenario_count(s); i++)
        any |= hl_season_scenario_at(s, i)->total.heat_unmet_j > 0.0;
    if (!any)
        return;
    printf(T("\nheat asked and not delivered%s:\n"),
           pressure_driven ? T(" (pressure-driven consumers)") : "");
    for (int i = 0; i < hl_season_scenario_count(s); i++) {
        const hl_season_scenario *sc = hl_season_scenario_at(s, i);
        const hl_energy *e = &sc->total;
        double asked = e->heat_delivered_j + e->heat_unmet_j;
        printf(T("  %-9s %12.0f GJ unmet of %.0f GJ asked (%.2f %%)\n"),
               hl_scenario_name(sc->scenario), e->heat_unmet_j / GJ, asked / GJ,
               asked > 0.0 ? 100.0 * e->heat_unmet_j / asked : 0.0);
    }
}

static void print_text(const hl_season *s, int pressure_driven)
{
    print_infeasible(s);
    const hl_weather *w = hl_season_weather(s);
    int n = hl_season_hours(s), a = hl_season_weather_index(s, 0),
        b = hl_season_weather_index(s, n - 1);
    printf(T("heatline season: %s\n"), hl_season_model_name(s));
    printf(T("weather: %s%s\n"), w->source,
           w->synthetic ? T("  [SYNTHETIC, not measured]") : "");
    printf(T("period: %02d-%02d .. %02d-%02d, %d hours\n"), w->month[a],
           w->day[a], w->month[b], w->day[b], n);
    char op[512];
    cli_operation_text(hl_season_operation_origin(s), hl_season_operation(s),
                       op, sizeof op);
    printf(T("operation: %s\n\n"), op);
    printf("  %-9s %12s %12s %10s %10s %22s %10s %9s\n", T("scenario"),
           T("produced GJ"), T("delivered GJ"), T("pipes GJ"), T("fittings"),
           T("bare/coated/jacketed"), T("pumps MWh"), T("burn h"));
    for (int i = 0; i < hl_season_scenario_count(s); i++)
        print_scenario(hl_season_scenario_at(s, i));
    if (hl_season_options_used(s)->dynamic) {
        print_storage(s);
        print_lead(s);
    }
    print_unmet(s, pressure_driven);
    if (hl_season_scenario_count(s) > 1)
        printf(T("\nretrofit against as-is (burn h = fitting-hours over the "
                 "burn limit):\n"));
    for (int i = 1; i < hl_season_scenario_count(s); i++)
        print_payback(hl_season_scenario_at(s, i));
}

/* The CSV tables and the report: all or none (cli_outputs.c). */
static int write_outputs(const season_args *a, const hl_season *s)
{
    if (!a->csv_dir && !a->report)
        return 0;
    hl_error err;
    hl_error_clear(&err);
    cli_outputs o;
    if (cli_outputs_begin(CMD, &o, a->csv_dir, a->report, 1))
        return EXIT_USAGE;
    int rc = 0;
    if (a->csv_dir && hl_season_write_csv(s, cli_outputs_csv_dir(&o), &err))
        rc = cli_fail(CMD, "%s", err.message);
    if (!rc && a->report &&
        hl_report_write_season_lang(cli_outputs_report(&o), s, cli_lang, &err))
        rc = cli_fail(CMD, "--report: %s", err.message);
    if (rc) {
        cli_outputs_abort(&o);
        return rc;
    }
    return cli_outputs_commit(CMD, &o);
}

int cmd_season(int argc, char **argv)
{
    season_args a;
    int rc = season_args_parse(argc, argv, &a);
    if (rc || a.help) {
        if (a.help)
            cli_help("season", stdout);
        season_args_free(&a);
        return rc;
    }
    hl_weather w;
    memset(&w, 0, sizeof w);
    hl_season *s = NULL;
    hl_model *m = NULL;
    rc = load_weather(&a, &w);
    if (!rc && hl_model_load_with(&m, a.model, &a.load))
        rc = cli_fail(CMD, "%s", hl_model_error(m));
    if (!rc) {
        hl_error err;
        hl_error_clear(&err);
        if (isatty(STDERR_FILENO))
            a.opt.progress.fn = progress_bar;
        if (hl_season_run(&s, m, &w, &a.opt, &err))
            rc = cli_fail(CMD, "%s", err.message);
    }
    int pressure_driven = 0;
    if (!rc)
        hl_model_pressure_driven(m, &pressure_driven);
    hl_model_free(m);
    if (!rc)
        rc = write_outputs(&a, s);
    if (!rc) {
        for (int i = 0; i < hl_season_warning_count(s); i++)
            cli_warn(CMD, hl_season_warning(s, i));
        if (a.json)
            rc = season_print_json(s);
        else
            print_text(s, pressure_driven);
    }
    if (!rc && hl_season_infeasible_hours(s) > 0 && !a.allow_infeasible)
        rc = EXIT_INFEASIBLE;
    hl_season_free(s);
    hl_weather_free(&w);
    season_args_free(&a);
    return rc;
}
