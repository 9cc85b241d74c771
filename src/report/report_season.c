/* report_season.c - content of the season and run reports: the summary a
 * manager reads first, the tables, and where each plot goes. */
#include "report.h"
#include "heatline_lang.h"
#include "util/lang.h"
#include "util/util.h"

#include <math.h>
#include <string.h>
#include <time.h>

#define GJ 1e9
/* text in the report's language L (heatline_lang.h) */
#define T(english) hl_text(L, english)

static double fit_j(const hl_energy *e)
{
    return e->loss_fittings_j[0] + e->loss_fittings_j[1] +
           e->loss_fittings_j[2];
}

static void period_text(const hl_season *s, char *buf, size_t cap, int L)
{
    const hl_weather *w = s->weather;
    int a = s->first, b = (s->first + s->n_hours - 1) % w->n;
    snprintf(buf, cap, T("%02d-%02d to %02d-%02d (%d hours)"), w->month[a],
             w->day[a], w->month[b], w->day[b], s->n_hours);
}

static void synthetic_banner(FILE *f, const hl_season *s, int L)
{
    fprintf(f, "<p class=\"note\">%s", T("Model: "));
    html_escape(f, s->model_name);
    fputs(T(". Weather: "), f);
    html_escape(f, s->weather->source);
    fputs(".</p>\n", f);
    if (s->weather->synthetic)
        fprintf(f, "<div class=\"synthetic\">%s</div>\n",
                T("Weather is SYNTHETIC: a typical year built from Hohhot "
                  "monthly normals with a smooth interpolation and a cosine "
                  "daily cycle, not measured hourly data. Use --weather "
                  "FILE.epw for a real typical year."));
}

#define N(i, v, d) report_num(nb[i], sizeof nb[i], (v), (d))

static void summary_retrofit(FILE *f, const hl_season *s,
                             const hl_season_scenario *sc, int L)
{
    const hl_payback *p = &sc->payback;
    const hl_economics *e = &s->opt.economics;
    char nb[8][48];
    fprintf(f,
            T("<p><b>All fittings %s:</b> saves %s GJ of heat per "
              "season (%s t of standard coal, %s t of CO<sub>2</sub>), "
              "worth %s CNY at %s CNY/GJ, for an investment of %s CNY on %s "
              "m<sup>2</sup>. "),
            T(hl_scenario_name(sc->scenario)), N(0, p->heat_saved_gj, 0),
            N(1, p->coal_saved_tce, 0), N(2, p->co2_saved_t, 0),
            N(3, p->annual_saving_cny, 0), N(4, e->heat_price_cny_per_gj, 0),
            N(5, p->investment_cny, 0), N(6, sc->fitting_area_changed_m2, 0));
    if (isfinite(p->simple_payback_years))
        fprintf(f, T("Simple payback <b>%.1f years</b>; "),
                p->simple_payback_years);
    else
        fputs(T("It never pays back; "), f);
    fprintf(f,
            T("net present value %s CNY over %.0f years at %.0f %%. "
              "Fitting-hours above the %.0f &deg;C burn limit: %s (as-is "
              "%s).</p>\n"),
            N(0, p->npv_cny, 0), e->service_life_years, 100 * e->discount_rate,
            s->opt.burn_limit_k - HL_ZERO_C_K, N(1, sc->burn_fitting_hours, 0),
            N(2, s->scen[0].burn_fitting_hours, 0));
}

/* Heat the consumers asked and did not get (pressure-driven consumers
 * short of differential pressure), in unit `unit` (scale: J per unit). */
static void unmet_text(FILE *f, const hl_energy *e, double scale,
                       const char *unit, int L)
{
    if (!(e->heat_unmet_j > 0.0))
        return;
    char nb[2][48];
    double asked = e->heat_delivered_j + e->heat_unmet_j;
    fprintf(f,
            T("<p class=\"unmet\">The consumers asked for %s %s and "
              "<b>%s %s was not delivered</b> (%.1f %%): consumers short of "
              "their minimum differential pressure get only the flow it "
              "allows (pressure-driven consumers).</p>\n"),
            N(0, asked / scale, 0), unit, N(1, e->heat_unmet_j / scale, 0),
            unit, 100.0 * e->heat_unmet_j / asked);
}

static void summary(FILE *f, const hl_season *s, int L)
{
    const hl_energy *e = &s->scen[0].total;
    char period[64], nb[8][48];
    period_text(s, period, sizeof period, L);
    double lost = e->loss_pipes_j + fit_j(e);
    fprintf(f,
            T("<div class=\"summary\"><p>From %s the line produced "
              "<b>%s million GJ</b> and delivered %s million GJ. As it "
              "is, it lost %s GJ (%.2f %% of the heat produced): %s GJ "
              "in the buried pipes and <b>%s GJ in the fittings</b> of "
              "the valve chambers. Pumps used %s MWh of electricity.</p>\n"),
            period, N(0, e->heat_source_j / GJ / 1e6, 2),
            N(1, e->heat_delivered_j / GJ / 1e6, 2), N(2, lost / GJ, 0),
            100 * lost / fmax(e->heat_source_j, 1.0),
            N(3, e->loss_pipes_j / GJ, 0), N(4, fit_j(e) / GJ, 0),
            N(5, e->pump_electric_j / 3.6e9, 0));
    unmet_text(f, e, GJ, "GJ", L);
    for (int i = 1; i < s->n_scen; i++)
        summary_retrofit(f, s, &s->scen[i], L);
    fputs("</div>\n", f);
}

static void energy_table(FILE *f, const hl_season *s, int L)
{
    static const char *const head[] = {"Scenario",
                                       "Produced (GJ)",
                                       "Delivered (GJ)",
                                       "Pipes lost (GJ)",
                                       "Fittings bare (GJ)",
                                       "Fittings coated (GJ)",
                                       "Fittings jacketed (GJ)",
                                       "Pumps (MWh)",
                                       "Burn fitting-hours"};
    fputs("<table><tr>", f);
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        fprintf(f, "<th>%s</th>", T(head[i]));
    fputs("</tr>\n", f);
    for (int i = 0; i < s->n_scen; i++) {
        const hl_energy *e = &s->scen[i].total;
        char nb[8][48];
        fprintf(
            f,
            "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
            "<td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
            "<td>%s</td></tr>\n",
            T(hl_scenario_name(s->scen[i].scenario)),
            N(0, e->heat_source_j / GJ, 0), N(1, e->heat_delivered_j / GJ, 0),
            N(2, e->loss_pipes_j / GJ, 0), N(3, e->loss_fittings_j[0] / GJ, 0),
            N(4, e->loss_fittings_j[1] / GJ, 0),
            N(5, e->loss_fittings_j[2] / GJ, 0),
            N(6, e->pump_electric_j / 3.6e9, 0),
            N(7, s->scen[i].burn_fitting_hours, 0));
    }
    fputs("</table>\n", f);
}

static void factors_table(FILE *f, const hl_season *s, int L)
{
    const hl_economics *e = &s->opt.economics;
    fprintf(f,
            T("<table><tr><th>Factor</th><th>Value</th><th>Source</th></tr>"
              "<tr><td>Heat price</td><td>%g CNY/GJ</td><td>assumed "
              "plant-gate value (research notes 5.6)</td></tr>"
              "<tr><td>Electricity price</td><td>%g CNY/kWh</td><td>assumed"
              "</td></tr><tr><td>Coating cost</td><td>%g CNY/m<sup>2</sup>"
              "</td><td>assumed, 8 mm installed (notes 4)</td></tr>"
              "<tr><td>Jacket cost</td><td>%g CNY/m<sup>2</sup></td><td>"
              "assumed</td></tr><tr><td>Service life</td><td>%g years</td>"
              "<td>assumed</td></tr><tr><td>Discount rate</td><td>%g %%</td>"
              "<td>NDRC social discount rate (2006)</td></tr>"
              "<tr><td>Standard coal</td><td>%g tce/GJ</td><td>GB/T 2589: "
              "1 kgce = 29.3076 MJ</td></tr><tr><td>CO<sub>2</sub></td>"
              "<td>%g t/GJ</td><td>China enterprise GHG accounting default "
              "for purchased heat</td></tr></table>\n"
              "<p class=\"note\">Every factor can be changed on the command "
              "line (heatline season --help); docs/physics.md gives the "
              "sources.</p>\n"),
            e->heat_price_cny_per_gj, e->elec_price_cny_per_kwh,
            e->coating_cost_cny_per_m2, e->jacket_cost_cny_per_m2,
            e->service_life_years, 100 * e->discount_rate, e->tce_per_gj,
            e->co2_t_per_gj);
}

/* Which program wrote the page and when, and of which model. */
static void header_block(FILE *f, const hl_season *s, int L)
{
    char when[64] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    fprintf(f, T("<p class=\"note\">Written by heatline %s on %s. Model: "),
            hl_version(), when);
    html_escape(f, s->model_name);
    fputs(".</p>\n", f);
}

static void list_lines(FILE *f, int n,
                       const char *(*line)(const hl_season *, int),
                       const hl_season *s)
{
    fputs("<ul>\n", f);
    for (int i = 0; i < n; i++) {
        fputs("<li>", f);
        html_escape(f, line(s, i));
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
}

/* The verdict and every warning, in a section of its own: an infeasible
 * state (a converged solve the line cannot be in) is said first and
 * loudly, with each violated limit. */
static void verdict_section(FILE *f, const hl_season *s, int L)
{
    int bad = hl_season_infeasible_hours(s);
    fprintf(f, "<h2 id=\"verdict\">%s</h2>\n", T("Verdict and warnings"));
    if (bad && s->model_conditions)
        fprintf(f, "<div class=\"infeasible\">%s</div>\n",
                T("INFEASIBLE: the solve converged, but the state violates "
                  "hard limits. The figures below describe water and "
                  "machines that cannot exist."));
    else if (bad)
        fprintf(f,
                T("<div class=\"infeasible\">INFEASIBLE: %d of %d hours "
                  "(as-is) solve to states that violate hard limits; the "
                  "first such hour's violations:</div>\n"),
                bad, s->n_hours);
    else
        fprintf(f, "<p class=\"feasible\">%s</p>\n",
                T("Feasible: no hard limit (vapour or negative pressure, PN, "
                  "pump curve, consumer differential pressure, static "
                  "pressure with the pumps stopped) is violated."));
    if (bad) {
        fprintf(f, T("<p>%d violations:</p>\n"), hl_season_violation_count(s));
        list_lines(f, hl_season_violation_count(s), hl_season_violation, s);
    }
    int nw = hl_season_hour_warning_count(s);
    if (nw) {
        fprintf(f, T("<p>%d engine warnings%s:</p>\n"), nw,
                s->model_conditions ? "" : T(" of the first hour that warned"));
        list_lines(f, nw, hl_season_hour_warning, s);
    }
    if (!s->model_conditions && hl_season_warning_count(s)) {
        fprintf(f, "<p>%s</p>\n", T("Season warnings:"));
        list_lines(f, hl_season_warning_count(s), hl_season_warning, s);
    }
    if (!bad && !nw && !hl_season_warning_count(s))
        fprintf(f, "<p>%s</p>\n", T("No warnings."));
}

/* The air of every valve chamber at the design hour (the run: the
 * model's conditions), per scenario: solved from each chamber's heat
 * balance unless the model or the options fix it. */
static void chamber_table(FILE *f, const hl_season *s, int L)
{
    int n = hl_season_chamber_count(s);
    if (n == 0)
        return;
    fprintf(f, "<h2 id=\"chambers\">%s</h2>\n<table><tr><th>%s</th><th>km</th>",
            T("Chamber air"), T("Chamber"));
    for (int i = 0; i < s->n_scen; i++)
        fprintf(f, T("<th>air, fittings %s (&deg;C)</th>"),
                T(hl_scenario_name(s->scen[i].scenario)));
    fputs("</tr>\n", f);
    for (int c = 0; c < n; c++) {
        fputs("<tr><td>", f);
        html_escape(f, hl_season_chamber_id(s, c));
        fprintf(f, "</td><td>%.1f</td>",
                hl_season_chamber_chainage_m(s, c) / 1000.0);
        for (int i = 0; i < s->n_scen; i++)
            fprintf(f, "<td>%.1f</td>",
                    s->scen[i].design_chamber_k[c] - HL_ZERO_C_K);
        fputs("</tr>\n", f);
    }
    fprintf(f, "</table>\n<p class=\"note\">%s</p>\n",
            T("Each closed chamber's air from its heat balance: the "
              "fittings' heat against the concrete envelope to the ground "
              "and the outdoor air and any ventilation (docs/physics.md, "
              "\"Chamber air\"), unless the model fixes it."));
}

static void section(FILE *f, const char *title, int chart, int L)
{
    fprintf(f, "<h2>%s</h2>\n", T(title));
    report_chart_div(f, chart);
}

/* The report's language for its script: the code and every pair of the
 * catalogue (report.js looks its English texts up in it). */
static void add_language(json_t *data, int L)
{
    json_t *text = json_object();
    for (int i = 0; i < lang_count(L); i++) {
        const char *en, *tr;
        lang_pair_at(L, i, &en, &tr);
        json_object_set_new(text, en, json_string(tr));
    }
    json_object_set_new(data, "lang", json_string(hl_lang_name(L)));
    json_object_set_new(data, "text", text);
}

static int page_end(FILE *f, const hl_season *s, int one_hour, int L,
                    hl_error *err)
{
    json_t *data = report_data(s, one_hour);
    add_language(data, L);
    if (s->opt.dynamic && !one_hour)
        json_object_set_new(data, "dynamic", report_dynamic_season(s));
    int rc = report_page_end(f, data, err);
    json_decref(data);
    return rc;
}

static int write_season_page(FILE *f, const hl_season *s, int L, hl_error *err)
{
    report_page_begin(f, T("heatline: heating season report"), L);
    header_block(f, s, L);
    synthetic_banner(f, s, L);
    summary(f, s, L);
    if (s->opt.dynamic)
        report_dynamic_season_note(f, s);
    verdict_section(f, s, L);
    fprintf(f, "<h2>%s</h2>\n", T("Energy over the period"));
    energy_table(f, s, L);
    section(f, "Network map (design hour)", CHART_MAP, L);
    section(f, "Hydraulic pressure diagram", CHART_PRESSURE, L);
    section(f, "Temperature along the line", CHART_TEMPERATURE, L);
    section(f, "Heat-loss breakdown", CHART_BREAKDOWN, L);
    section(f, "Month by month", CHART_MONTHS, L);
    section(f, "Outdoor temperature and load", CHART_DURATION, L);
    if (s->opt.dynamic)
        report_dynamic_sections(f);
    section(f, "Fitting surface temperatures", CHART_SURFACES, L);
    chamber_table(f, s, L);
    section(f, "Payback", CHART_PAYBACK, L);
    fprintf(f, "<h2>%s</h2>\n", T("Economic and emission factors"));
    factors_table(f, s, L);
    return page_end(f, s, 0, L, err);
}

static int write_atomic(const char *path, const hl_season *s, int one_hour,
                        int L, hl_error *err);

int hl_report_write_season(const char *path, const hl_season *s, hl_error *err)
{
    return write_atomic(path, s, 0, HL_LANG_EN, err);
}

int hl_report_write_season_lang(const char *path, const hl_season *s, int lang,
                                hl_error *err)
{
    if (!hl_lang_name(lang))
        return hl_error_set(err, HL_EINVAL, "report: unknown language %d",
                            lang);
    return write_atomic(path, s, 0, lang, err);
}

static void run_summary(FILE *f, const hl_season *s, int L)
{
    const hl_energy *base = &s->scen[0].total;
    char nb[4][48];
    fprintf(f,
            T("<div class=\"summary\"><p>The model as solved: %s MW "
              "produced, %s MW delivered.</p>\n"),
            N(0, base->heat_source_j / 3.6e9, 0),
            N(1, base->heat_delivered_j / 3.6e9, 0));
    unmet_text(f, base, 3.6e9, "MW", L);
    for (int i = 0; i < s->n_scen; i++) {
        const hl_energy *e = &s->scen[i].total;
        fprintf(f,
                T("<p><b>Fittings %s</b>: pipes lose %s kW, fittings %s "
                  "kW; %d fittings above the %.0f &deg;C burn limit.</p>\n"),
                T(hl_scenario_name(s->scen[i].scenario)),
                N(0, e->loss_pipes_j / 3.6e6, 0), N(1, fit_j(e) / 3.6e6, 0),
                s->scen[i].burn_fitting_hours,
                s->opt.burn_limit_k - HL_ZERO_C_K);
    }
    fputs("</div>\n", f);
}

static int write_run_page(FILE *f, const hl_season *s, int L, hl_error *err)
{
    report_page_begin(f, T("heatline: steady run of the line"), L);
    header_block(f, s, L);
    if (hl_season_infeasible_hours(s))
        fprintf(f,
                "<div class=\"infeasible\">%s <a href=\"#verdict\">%s</a>."
                "</div>\n",
                T("INFEASIBLE: see"), T("Verdict and warnings"));
    run_summary(f, s, L);
    verdict_section(f, s, L);
    section(f, "Network map", CHART_MAP, L);
    section(f, "Hydraulic pressure diagram", CHART_PRESSURE, L);
    section(f, "Temperature along the line", CHART_TEMPERATURE, L);
    section(f, "Heat-loss breakdown", CHART_BREAKDOWN, L);
    section(f, "Fitting surface temperatures", CHART_SURFACES, L);
    chamber_table(f, s, L);
    return page_end(f, s, 1, L, err);
}

static int write_atomic(const char *path, const hl_season *s, int one_hour,
                        int L, hl_error *err)
{
    atomic_file a;
    int rc = atomic_open(&a, path, err);
    if (rc)
        return rc;
    rc = one_hour ? write_run_page(a.f, s, L, err)
                  : write_season_page(a.f, s, L, err);
    if (rc) {
        atomic_abort(&a);
        return rc;
    }
    return atomic_commit(&a, err);
}

int hl_report_write_run_lang(const char *path, const hl_season *snapshot,
                             int lang, hl_error *err)
{
    if (!hl_lang_name(lang))
        return hl_error_set(err, HL_EINVAL, "report: unknown language %d",
                            lang);
    if (!snapshot || !snapshot->model_conditions)
        return hl_error_set(err, HL_EINVAL,
                            "run report: expected a snapshot "
                            "(hl_season_snapshot)");
    return write_atomic(path, snapshot, 1, lang, err);
}

int hl_report_write_run(const char *path, const hl_season *snapshot,
                        hl_error *err)
{
    return hl_report_write_run_lang(path, snapshot, HL_LANG_EN, err);
}
