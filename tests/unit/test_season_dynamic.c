/*
 * test_season_dynamic.c - the season through the transport engine
 * (hl_season_options.dynamic) against the steady season on the default
 * line over four November days (no hour under-supplied: in a cold snap
 * the water arriving colder than the set point cannot carry the design
 * load, and the dynamic season delivers less, docs/physics.md): every
 * hour closes with the change of stored heat (1e-6 relative), the
 * season's produced heat differs from the steady season's by what the
 * line stored (delivered and lost agree within 0.5 % of the produced heat
 * once storage is taken out), and the
 * hour-by-hour supply temperature at the consumers is the steady
 * season's lagged by the transit time the run reports (the lag that fits
 * best within one hour of it, and far closer than no lag). Bad steps fail.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

typedef struct fixture {
    hl_weather w;
    hl_model *m;
    hl_season *steady, *dyn;
} fixture;

static hl_season *season(const fixture *f, int dynamic)
{
    hl_season_options o;
    hl_season_options_init(&o);
    o.from = "11-20";
    o.to = "11-23";
    o.n_scenarios = 1;
    o.scenario[0] = HL_SCEN_AS_IS;
    o.threads = 1;
    o.dynamic = dynamic;
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_season_run(&s, f->m, &f->w, &o, &err))
        print_error("season: %s\n", err.message);
    return s;
}

static int setup(void **state)
{
    static fixture f;
    hl_error err;
    hl_error_clear(&err);
    if (hl_weather_default(&f.w, &err) || hl_model_load(&f.m, NULL))
        return -1;
    f.steady = season(&f, 0);
    f.dyn = season(&f, 1);
    *state = &f;
    return f.steady && f.dyn ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hl_season_free(f->steady);
    hl_season_free(f->dyn);
    hl_model_free(f->m);
    hl_weather_free(&f->w);
    return 0;
}

static double lost(const hl_energy *e)
{
    return e->loss_pipes_j + e->loss_fittings_j[0] + e->loss_fittings_j[1] +
           e->loss_fittings_j[2];
}

static const double *row(const hl_season *s, int k)
{
    return hl_season_scenario_at(s, 0)->hourly + (size_t)k * HL_HOUR_NCOLS;
}

/* Every hour: produced + pump heat = delivered + lost + stored change,
 * the change being the difference of the stored heat at the hours' ends. */
static void test_hours_close(void **state)
{
    fixture *f = *state;
    int n = hl_season_hours(f->dyn);
    assert_int_equal(n, 96);
    for (int k = 1; k < n; k++) {
        const double *r = row(f->dyn, k);
        double change =
            r[HL_HOUR_STORED_J] - row(f->dyn, k - 1)[HL_HOUR_STORED_J];
        double gap =
            3600.0 * (r[HL_HOUR_SOURCE_W] + r[HL_HOUR_PUMP_HEAT_W] -
                      r[HL_HOUR_DELIVERED_W] - r[HL_HOUR_LOSS_PIPES_W] -
                      r[HL_HOUR_LOSS_FITTINGS_W]) -
            change;
        if (!(fabs(gap) <= 1e-6 * 3600.0 * r[HL_HOUR_SOURCE_W]))
            fail_msg("hour %d: gap %g J of %g J produced", k, gap,
                     3600.0 * r[HL_HOUR_SOURCE_W]);
        assert_true(r[HL_HOUR_TRANSIT_S] > 3600.0);
        assert_true(isnan(row(f->steady, k)[HL_HOUR_STORED_J]));
    }
    const hl_energy *e = &hl_season_scenario_at(f->dyn, 0)->total;
    double gap = e->heat_source_j + e->pump_heat_j - e->heat_delivered_j -
                 lost(e) - e->stored_change_j;
    assert_true(fabs(gap) <= 1e-6 * e->heat_source_j);
    assert_true(fabs(e->stored_change_j) > 0.0);
    assert_true(hl_season_scenario_at(f->steady, 0)->total.stored_change_j ==
                0.0);
}

/* Produced heat: dynamic minus steady is the heat stored, up to the
 * differences of delivered and lost heat (within 0.5 % of the produced). */
static void test_totals_agree_but_storage(void **state)
{
    fixture *f = *state;
    const hl_energy *d = &hl_season_scenario_at(f->dyn, 0)->total;
    const hl_energy *s = &hl_season_scenario_at(f->steady, 0)->total;
    double diff = (d->heat_source_j + d->pump_heat_j) -
                  (s->heat_source_j + s->pump_heat_j);
    double rest = diff - d->stored_change_j;
    print_message("produced: dynamic %.1f GJ, steady %.1f GJ; stored change "
                  "%.1f GJ; delivered %.1f / %.1f GJ; lost %.1f / %.1f GJ\n",
                  d->heat_source_j / 1e9, s->heat_source_j / 1e9,
                  d->stored_change_j / 1e9, d->heat_delivered_j / 1e9,
                  s->heat_delivered_j / 1e9, lost(d) / 1e9, lost(s) / 1e9);
    assert_true(fabs(rest) <= 0.005 * s->heat_source_j);
    assert_true(fabs(d->heat_delivered_j - s->heat_delivered_j) <=
                0.005 * s->heat_delivered_j);
    assert_int_equal(hl_season_warning_count(f->dyn),
                     hl_season_warning_count(f->steady));
}

/* RMS of dynamic supply at hour k against steady at k - lag, over the
 * hours after the first day (the start holds the first hour's state). */
static double rms_at(const fixture *f, int lag)
{
    double sum = 0.0;
    int n = 0;
    for (int k = 24; k < hl_season_hours(f->dyn); k++) {
        double x = row(f->dyn, k)[HL_HOUR_SUPPLY_CITY_K] -
                   row(f->steady, k - lag)[HL_HOUR_SUPPLY_CITY_K];
        sum += x * x;
        n++;
    }
    return sqrt(sum / n);
}

static void test_supply_lagged_by_transit(void **state)
{
    fixture *f = *state;
    double tau = 0.0;
    int n = hl_season_hours(f->dyn);
    for (int k = 24; k < n; k++)
        tau += row(f->dyn, k)[HL_HOUR_TRANSIT_S] / 3600.0 / (n - 24);
    int best = 0;
    for (int lag = 1; lag <= 24; lag++)
        if (rms_at(f, lag) < rms_at(f, best))
            best = lag;
    print_message("transit %.2f h; best lag %d h (RMS %.3f K; no lag %.3f "
                  "K)\n",
                  tau, best, rms_at(f, best), rms_at(f, 0));
    assert_true(fabs(best - tau) <= 1.0);
    assert_true(rms_at(f, best) < 0.3 * rms_at(f, 0));
}

/* The error statistics (hl_season_lead_stats): none for a steady season;
 * a dynamic season without lead has the run as it ran only, its hourly
 * errors the hourly column; with a fixed lead of 6 h the comparison run
 * without lead is the plain dynamic season, to the bit, and the led run
 * differs from it. */
static void test_lead_stats(void **state)
{
    fixture *f = *state;
    const hl_season_lead *a = NULL, *b = NULL;
    assert_int_equal(hl_season_lead_stats(f->steady, 1, &a), HL_ESTATE);
    assert_null(a);
    assert_int_equal(hl_season_lead_stats(f->dyn, 0, &a), HL_ESTATE);
    assert_int_equal(hl_season_lead_stats(f->dyn, 1, &a), HL_OK);
    for (int k = 0; k < hl_season_hours(f->dyn); k++)
        assert_true(a->hourly_error_k[k] ==
                    row(f->dyn, k)[HL_HOUR_SUPPLY_ERROR_K]);
    assert_true(a->max_abs_error_k >= fabs(a->mean_error_k));
    assert_true(a->mean_lead_h == 0.0);
    hl_season_options o;
    hl_season_options_init(&o);
    o.from = "11-20";
    o.to = "11-23";
    o.n_scenarios = 1;
    o.scenario[0] = HL_SCEN_AS_IS;
    o.threads = 1;
    o.dynamic = 1;
    o.dynamic_lead_s = 6.0 * 3600.0;
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_season_run(&s, f->m, &f->w, &o, &err), HL_OK);
    const hl_season_lead *with = NULL;
    assert_int_equal(hl_season_lead_stats(s, 0, &b), HL_OK);
    assert_int_equal(hl_season_lead_stats(s, 1, &with), HL_OK);
    assert_true(b->mean_error_k == a->mean_error_k);
    assert_true(b->max_abs_error_k == a->max_abs_error_k);
    assert_true(b->under_degree_hours == a->under_degree_hours);
    assert_true(fabs(with->mean_lead_h - 6.0) < 1e-12);
    assert_true(with->mean_error_k != a->mean_error_k);
    for (int k = 0; k < hl_season_hours(s); k++)
        assert_true(with->hourly_error_k[k] ==
                    row(s, k)[HL_HOUR_SUPPLY_ERROR_K]);
    hl_season_free(s);
}

static void test_bad_step(void **state)
{
    fixture *f = *state;
    hl_season_options o;
    hl_season_options_init(&o);
    o.from = o.to = "01-10";
    o.dynamic = 1;
    o.dynamic_step_s = 700.0; /* not a divisor of the hour */
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_season_run(&s, f->m, &f->w, &o, &err), HL_EINVAL);
    assert_null(s);
    assert_non_null(strstr(err.message, "divisor of the hour"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hours_close),
        cmocka_unit_test(test_totals_agree_but_storage),
        cmocka_unit_test(test_supply_lagged_by_transit),
        cmocka_unit_test(test_lead_stats),
        cmocka_unit_test(test_bad_step),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
