/*
 * test_season.c - the season loop on the embedded line: the energy
 * balance closes every hour (produced = delivered + lost, 1e-6 relative),
 * months add up to the season, a constant-weather season equals one steady
 * solve times the hours, the retrofit scenarios lower the fitting losses
 * and burn hours, CSV and report outputs leave nothing behind on error.
 */
#include "test_support.h"

#include "heatline.h"
#include "season/plant.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#define C0 HL_ZERO_C_K

typedef struct fixture {
    hl_material_db *db;
    hl_weather w;
    hl_season_options opt;
} fixture;

static int setup(void **state)
{
    static fixture f;
    hl_error err;
    hl_error_clear(&err);
    if (hl_material_db_new(&f.db, &err) || hl_weather_default(&f.w, &err) ||
        hl_season_options_init(&f.opt, f.db, &err))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hl_weather_free(&f->w);
    hl_material_db_free(f->db);
    return 0;
}

static hl_season *run(const hl_weather *w, const hl_season_options *o)
{
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_season_run(&s, NULL, w, o, &err))
        fail_msg("%s", err.message);
    return s;
}

static void check_balance(const hl_season *s)
{
    for (int i = 0; i < hl_season_scenario_count(s); i++) {
        const hl_season_scenario *sc = hl_season_scenario_at(s, i);
        for (int k = 0; k < hl_season_hours(s); k++) {
            const double *r = sc->hourly + (size_t)k * HL_HOUR_NCOLS;
            double lost = r[HL_HOUR_LOSS_PIPES_W] + r[HL_HOUR_LOSS_FITTINGS_W];
            double gap = r[HL_HOUR_SOURCE_W] - r[HL_HOUR_DELIVERED_W] - lost;
            if (!(fabs(gap) <= 1e-6 * r[HL_HOUR_SOURCE_W]))
                fail_msg("%s hour %d: produced %.9g, delivered %.9g, lost "
                         "%.9g",
                         hl_scenario_name(sc->scenario), k, r[HL_HOUR_SOURCE_W],
                         r[HL_HOUR_DELIVERED_W], lost);
            assert_true(r[HL_HOUR_LOSS_PIPES_W] > 0.0);
            assert_true(r[HL_HOUR_LOSS_FITTINGS_W] > 0.0);
        }
    }
}

static void balance_every_hour(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "01-01", o.to = "01-20";
    hl_season *s = run(&f->w, &o);
    assert_int_equal(hl_season_hours(s), 20 * 24);
    check_balance(s);
    hl_season_free(s);
    o.operation.regulation = HL_REG_QUANTITY; /* flow follows the load */
    o.from = "03-25", o.to = "04-15";
    s = run(&f->w, &o);
    check_balance(s);
    hl_season_free(s);
}

static void months_add_up(void **state)
{
    fixture *f = *state;
    hl_season *s = run(&f->w, &f->opt); /* the whole season */
    assert_int_equal(hl_season_hours(s), 4392);
    const hl_season_scenario *sc = hl_season_find(s, HL_SCEN_AS_IS);
    double hours = 0, source = 0, pipes = 0;
    for (int m = 0; m < 12; m++) {
        hours += sc->month[m].hours;
        source += sc->month[m].heat_source_j;
        pipes += sc->month[m].loss_pipes_j;
    }
    assert_true(hours == 4392.0 && sc->total.hours == 4392.0);
    assert_true(fabs(source - sc->total.heat_source_j) <
                1e-9 * sc->total.heat_source_j);
    assert_true(fabs(pipes - sc->total.loss_pipes_j) <
                1e-9 * sc->total.loss_pipes_j);
    assert_true(sc->month[6].hours == 0.0); /* no July in the season */
    hl_season_free(s);
}

static void retrofit_saves(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "12-01", o.to = "12-07";
    hl_season *s = run(&f->w, &o);
    const hl_season_scenario *as = hl_season_find(s, HL_SCEN_AS_IS);
    const hl_season_scenario *co = hl_season_find(s, HL_SCEN_COATED);
    const hl_season_scenario *ja = hl_season_find(s, HL_SCEN_JACKETED);
    assert_non_null(as);
    assert_non_null(co);
    assert_non_null(ja);
    /* all fittings bare as they are; all coated / jacketed after */
    assert_true(as->total.loss_fittings_j[HL_FIT_BARE] > 0.0);
    assert_true(co->total.loss_fittings_j[HL_FIT_BARE] == 0.0);
    assert_true(co->total.loss_fittings_j[HL_FIT_COATED] <
                0.5 * as->total.loss_fittings_j[HL_FIT_BARE]);
    assert_true(ja->total.loss_fittings_j[HL_FIT_JACKETED] <
                co->total.loss_fittings_j[HL_FIT_COATED]);
    assert_true(co->burn_fitting_hours < as->burn_fitting_hours);
    assert_true(co->payback.heat_saved_gj > 0.0);
    /* the saving is the difference of the losses */
    double d = (as->total.loss_pipes_j + as->total.loss_fittings_j[0]) -
               (co->total.loss_pipes_j + co->total.loss_fittings_j[1]);
    assert_true(fabs(co->payback.heat_saved_gj - d / 1e9) < 1e-9 * d);
    hl_season_free(s);
}

/* 48 hours of constant weather, constant ground: every hour is the same
 * steady state, and equal to one solve of the plant on its own. */
static void constant_weather(void **state)
{
    fixture *f = *state;
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    const char *csv = "time,temp_c,wind_m_per_s\n";
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "%s", csv);
    for (int h = 0; h < 48; h++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "2024-01-%02d %02d:00,-10,2\n", 1 + h / 24,
                              h % 24);
    assert_int_equal(hl_weather_parse_csv(text, n, "const.csv", &w, &err),
                     HL_OK);
    hl_season_options o = f->opt;
    o.from = "01-01", o.to = "01-02";
    o.ground.amplitude_k = 0.0;
    o.n_scenarios = 1, o.scenario[0] = HL_SCEN_AS_IS;
    hl_season *s = run(&w, &o);
    const hl_season_scenario *sc = hl_season_scenario_at(s, 0);

    plant *p = NULL;
    plant_totals t;
    assert_int_equal(plant_open(&p, NULL, &err), HL_OK);
    assert_int_equal(plant_set_scenario(p, HL_SCEN_AS_IS, NULL, 0.9, &err),
                     HL_OK);
    plant_bc bc = {C0 - 10.0,
                   2.0,
                   o.ground.mean_k,
                   NAN,
                   hl_season_supply_k(s, 0),
                   hl_season_demand_w(s, 0),
                   HL_REG_QUALITY};
    assert_int_equal(plant_solve(p, &bc, &t, NULL, &err), HL_OK);
    plant_close(p);
    double secs = 48 * 3600.0;
    assert_true(fabs(sc->total.heat_source_j - t.heat_source_w * secs) <
                1e-9 * sc->total.heat_source_j);
    assert_true(fabs(sc->total.loss_pipes_j - t.loss_pipes_w * secs) <
                1e-9 * sc->total.loss_pipes_j);
    assert_true(
        fabs(sc->total.loss_fittings_j[0] - t.loss_fittings_w[0] * secs) <
        1e-9 * sc->total.loss_fittings_j[0]);
    assert_true(fabs(sc->total.pump_electric_j - t.pump_electric_w * secs) <
                1e-9 * sc->total.pump_electric_j);
    hl_season_free(s);
    hl_weather_free(&w);
}

static void bad_options(void **state)
{
    fixture *f = *state;
    hl_season *s = NULL;
    hl_error err;
    hl_season_options o = f->opt;
    o.economics.heat_price_cny_per_gj = -5;
    hl_error_clear(&err);
    assert_int_equal(hl_season_run(&s, NULL, &f->w, &o, &err), HL_EINVAL);
    assert_null(s);
    assert_non_null(strstr(err.message, "heat price"));
    o = f->opt;
    o.from = "02-30";
    hl_error_clear(&err);
    assert_int_equal(hl_season_run(&s, NULL, &f->w, &o, &err), HL_EINVAL);
    o = f->opt;
    o.ground_source = HL_GROUND_EPW; /* the synthetic year has none */
    hl_error_clear(&err);
    assert_int_equal(hl_season_run(&s, NULL, &f->w, &o, &err), HL_EINVAL);
    assert_int_equal(hl_scenario_from_name("coated"), HL_SCEN_COATED);
    assert_int_equal(hl_scenario_from_name("insulated"), -1);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void outputs_atomic(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = o.to = "01-10";
    hl_season *s = run(&f->w, &o);
    hl_error err;
    char dir[] = "/tmp/hl_season_testXXXXXX", path[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/csv", dir);
    hl_error_clear(&err);
    assert_int_equal(hl_season_write_csv(s, path, &err), HL_OK);
    snprintf(path, sizeof path, "%s/csv/monthly.csv", dir);
    assert_true(exists(path));
    /* a report without the plotting library fails and leaves no file */
    setenv("HEATLINE_ECHARTS", "/nonexistent/echarts.min.js", 1);
    snprintf(path, sizeof path, "%s/r.html", dir);
    hl_error_clear(&err);
    assert_int_equal(hl_report_write_season(path, s, &err), HL_ENOTFOUND);
    unsetenv("HEATLINE_ECHARTS");
    assert_false(exists(path));
    char cmd[512];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls %s | grep -v '^csv$')\"", dir);
    assert_int_equal(system(cmd), 0); /* no temp file left either */
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    hl_season_free(s);
}

/* The run report (one design hour) is written whole, or not at all when
 * the plotting library is missing. */
static void run_report(void **state)
{
    (void)state;
    char dir[] = "/tmp/hl_run_reportXXXXXX", path[256], cmd[300];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/run.html", dir);
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_report_write_run(path, NULL, &err);
    if (rc == HL_ENOTFOUND) /* ECharts not installed here */
        assert_false(exists(path));
    else {
        assert_int_equal(rc, HL_OK);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        char buf[4096];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
        assert_non_null(strstr(buf, "Content-Security-Policy"));
        assert_non_null(strstr(buf, "chart-pressure"));
    }
    hl_error_clear(&err);
    assert_int_equal(hl_report_write_run(path, "model.yaml", &err), HL_EINVAL);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(balance_every_hour),
        cmocka_unit_test(months_add_up),
        cmocka_unit_test(retrofit_saves),
        cmocka_unit_test(constant_weather),
        cmocka_unit_test(bad_options),
        cmocka_unit_test(outputs_atomic),
        cmocka_unit_test(run_report),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
