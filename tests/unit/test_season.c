/*
 * test_season.c - the season loop on the network engine, on the embedded
 * line and on a small YAML model (tests/data/models/small_line.yaml): the
 * energy balance closes every hour (produced = delivered + lost, 1e-6
 * relative), months add up to the season, a constant-weather season
 * equals one steady hl_model_solve times the hours, the retrofit scenarios
 * lower the fitting losses and burn hours with the covers asked for, the
 * model's operation section is used, the scenarios in threads give the
 * same numbers as one after another, and bad input fails cleanly with
 * nothing left behind.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>

#define C0    HL_ZERO_C_K
#define SMALL HL_TEST_DATA_DIR "/data/models/small_line.yaml"

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
    if (hl_material_db_new(&f.db, &err) || hl_weather_default(&f.w, &err))
        return -1;
    hl_season_options_init(&f.opt);
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

/* The season of the model file (NULL: the default line). */
static int season_of(const char *model, const hl_weather *w,
                     const hl_season_options *o, hl_season **s, hl_error *err)
{
    hl_model *m = NULL;
    int rc = hl_model_load(&m, model);
    if (rc)
        hl_error_set(err, rc, "%s", hl_model_error(m));
    else
        rc = hl_season_run(s, m, w, o, err);
    hl_model_free(m);
    return rc;
}

static hl_season *run(const char *model, const hl_weather *w,
                      const hl_season_options *o)
{
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (season_of(model, w, o, &s, &err))
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
            double gap = r[HL_HOUR_SOURCE_W] + r[HL_HOUR_PUMP_HEAT_W] -
                         r[HL_HOUR_DELIVERED_W] - lost;
            if (!(fabs(gap) <= 1e-6 * r[HL_HOUR_SOURCE_W]))
                fail_msg("%s hour %d: produced %.9g, delivered %.9g, lost "
                         "%.9g",
                         hl_scenario_name(sc->scenario), k, r[HL_HOUR_SOURCE_W],
                         r[HL_HOUR_DELIVERED_W], lost);
            assert_true(r[HL_HOUR_LOSS_PIPES_W] > 0.0);
            assert_true(r[HL_HOUR_LOSS_FITTINGS_W] > 0.0);
            /* what was asked for is what the consumers received */
            assert_double_equal(r[HL_HOUR_DELIVERED_W],
                                hl_season_demand_w(s, k),
                                1e-6 * hl_season_demand_w(s, k));
        }
    }
}

static void balance_default(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "01-10", o.to = "01-11";
    hl_season *s = run(NULL, &f->w, &o);
    assert_int_equal(hl_season_hours(s), 48);
    check_balance(s);
    hl_season_free(s);
    o.operation.regulation = HL_REG_QUANTITY; /* design supply temperature */
    o.from = "04-14", o.to = "04-15";
    s = run(NULL, &f->w, &o);
    check_balance(s);
    assert_double_equal(hl_season_supply_k(s, 0), C0 + 130.0, 1e-9);
    hl_season_free(s);
}

static void balance_small_model(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "12-01", o.to = "12-03";
    hl_season *s = run(SMALL, &f->w, &o);
    check_balance(s);
    assert_string_equal(hl_season_model_name(s), "Small line");
    /* the operation section: 110 C at -20 C, 70 C at +10 C, floor 65 C */
    for (int k = 0; k < hl_season_hours(s); k++) {
        double t = hl_season_outdoor_k(s, k) - C0;
        double want = fmax(65.0, 110.0 + (t + 20.0) * (70.0 - 110.0) / 30.0);
        assert_double_equal(hl_season_supply_k(s, k) - C0, fmin(110.0, want),
                            1e-9);
        /* design load: the consumers' 5 MW at -20 C, zero at 16 C */
        assert_double_equal(hl_season_demand_w(s, k),
                            fmax(0.0, fmin(5e6, 5e6 * (16.0 - t) / 36.0)),
                            1e-3);
    }
    hl_season_free(s);
}

typedef struct progress_seen {
    pthread_t caller;
    int calls, last, total, backwards, other_thread;
} progress_seen;

static void progress(void *user, int done, int total)
{
    progress_seen *p = user;
    p->backwards += done < p->last;
    p->other_thread += !pthread_equal(pthread_self(), p->caller);
    p->calls++;
    p->last = done;
    p->total = total;
}

static void same_scenario(const hl_season *a, const hl_season *b, int i)
{
    const hl_season_scenario *x = hl_season_scenario_at(a, i);
    const hl_season_scenario *y = hl_season_scenario_at(b, i);
    size_t n = (size_t)hl_season_hours(a) * HL_HOUR_NCOLS;
    size_t nf = (size_t)hl_season_fitting_count(a);
    assert_int_equal(x->scenario, y->scenario);
    assert_memory_equal(x->hourly, y->hourly, n * sizeof(double));
    assert_memory_equal(x->burn_hours, y->burn_hours, nf * sizeof(int));
    assert_memory_equal(x->max_surface_k, y->max_surface_k,
                        nf * sizeof(double));
    assert_memory_equal(&x->payback, &y->payback, sizeof x->payback);
}

/* The scenarios in threads of their own give the same numbers, to the
 * bit, as one after another (each starts from a fresh copy of the model),
 * and the progress is reported from the calling thread only, never
 * going back, ending at the total. */
static void threads_same_results(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "01-10", o.to = "01-12";
    o.threads = 1;
    hl_season *one = run(NULL, &f->w, &o);
    progress_seen seen = {pthread_self(), 0, 0, 0, 0, 0};
    o.threads = 3;
    o.progress.fn = progress;
    o.progress.user = &seen;
    hl_season *three = run(NULL, &f->w, &o);
    assert_int_equal(hl_season_scenario_count(one), 3);
    for (int i = 0; i < 3; i++)
        same_scenario(one, three, i);
    assert_true(seen.calls > 0);
    assert_int_equal(seen.backwards, 0);
    assert_int_equal(seen.other_thread, 0);
    assert_int_equal(seen.total, 3 * 72);
    assert_int_equal(seen.last, seen.total);
    hl_season_free(one);
    hl_season_free(three);
}

static void months_add_up(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "01-30", o.to = "02-02";
    o.n_scenarios = 1, o.scenario[0] = HL_SCEN_AS_IS;
    hl_season *s = run(NULL, &f->w, &o);
    const hl_season_scenario *sc = hl_season_find(s, HL_SCEN_AS_IS);
    double hours = 0, source = 0, pipes = 0;
    for (int m = 0; m < 12; m++) {
        hours += sc->month[m].hours;
        source += sc->month[m].heat_source_j;
        pipes += sc->month[m].loss_pipes_j;
    }
    assert_true(hours == 96.0 && sc->total.hours == 96.0);
    assert_true(sc->month[0].hours == 48.0 && sc->month[1].hours == 48.0);
    assert_double_equal(source, sc->total.heat_source_j,
                        1e-12 * sc->total.heat_source_j);
    assert_double_equal(pipes, sc->total.loss_pipes_j,
                        1e-12 * sc->total.loss_pipes_j);
    hl_season_free(s);
}

static void retrofit_saves(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.from = "12-01", o.to = "12-02";
    hl_season *s = run(NULL, &f->w, &o);
    const hl_season_scenario *as = hl_season_find(s, HL_SCEN_AS_IS);
    const hl_season_scenario *co = hl_season_find(s, HL_SCEN_COATED);
    const hl_season_scenario *ja = hl_season_find(s, HL_SCEN_JACKETED);
    assert_non_null(as);
    assert_non_null(co);
    assert_non_null(ja);
    /* the default line's fittings are bare as built */
    assert_true(as->total.loss_fittings_j[HL_FIT_BARE] > 0.0);
    assert_true(co->total.loss_fittings_j[HL_FIT_BARE] == 0.0);
    /* in each chamber's solved air the coating saves about 40 % (the
     * air cools with it; in a fixed 25 C it saved over half) */
    assert_true(co->total.loss_fittings_j[HL_FIT_COATED] <
                0.8 * as->total.loss_fittings_j[HL_FIT_BARE]);
    assert_true(ja->total.loss_fittings_j[HL_FIT_JACKETED] <
                co->total.loss_fittings_j[HL_FIT_COATED]);
    assert_true(co->burn_fitting_hours < as->burn_fitting_hours);
    /* burn hours count against the limit the model judges fittings by
     * (settings burn_limit_c: 50 in the default model) */
    assert_double_equal(hl_season_options_used(s)->burn_limit_k,
                        HL_ZERO_C_K + 50.0, 1e-12);
    assert_true(co->payback.heat_saved_gj > 0.0);
    double d = (as->total.loss_pipes_j + as->total.loss_fittings_j[0]) -
               (co->total.loss_pipes_j + co->total.loss_fittings_j[1]);
    assert_double_equal(co->payback.heat_saved_gj, d / 1e9, 1e-9 * d / 1e9);
    /* a thicker coating, asked for in the options, reaches the engine */
    const hl_material *mat = hl_material_find(f->db, "ceramic-microbead");
    assert_non_null(mat);
    hl_fitting_cover_from_material(mat, HL_FIT_COATED, 0.016, &o.coating);
    o.n_scenarios = 1, o.scenario[0] = HL_SCEN_COATED;
    hl_season *t = run(NULL, &f->w, &o);
    const hl_season_scenario *thick = hl_season_find(t, HL_SCEN_COATED);
    assert_true(thick->total.loss_fittings_j[HL_FIT_COATED] <
                0.8 * co->total.loss_fittings_j[HL_FIT_COATED]);
    hl_season_free(t);
    hl_season_free(s);
}

/* 48 hours of constant weather, constant ground: every hour is the steady
 * state of hl_model_solve at those conditions. */
static void constant_weather(void **state)
{
    fixture *f = *state;
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    char text[4096];
    size_t n =
        (size_t)snprintf(text, sizeof text, "time,temp_c,wind_m_per_s\n");
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
    hl_season *s = run(NULL, &w, &o);
    const hl_season_scenario *sc = hl_season_scenario_at(s, 0);

    hl_model *m = NULL;
    hl_totals t0, t;
    assert_int_equal(hl_model_load(&m, NULL), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &t0), HL_OK);
    assert_int_equal(hl_model_set_demand_scale(m, hl_season_demand_w(s, 0) /
                                                      t0.heat_delivered_w),
                     HL_OK);
    assert_int_equal(
        hl_model_set_supply_temp(m, NULL, hl_season_supply_k(s, 0)), HL_OK);
    assert_int_equal(hl_model_set_ground_temp(m, o.ground.mean_k), HL_OK);
    assert_int_equal(hl_model_set_air_temp(m, C0 - 10.0), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &t), HL_OK);
    hl_model_free(m);
    double secs = 48 * 3600.0, tol = 1e-6;
    const hl_energy *e = &sc->total;
    assert_double_equal(e->heat_source_j, t.heat_source_w * secs,
                        tol * e->heat_source_j);
    assert_double_equal(e->heat_delivered_j, t.heat_delivered_w * secs,
                        tol * e->heat_delivered_j);
    assert_double_equal(e->loss_pipes_j, t.heat_loss_pipes_w * secs,
                        tol * e->loss_pipes_j);
    assert_double_equal(e->loss_fittings_j[HL_FIT_BARE],
                        t.heat_loss_fittings_by_state_w[HL_FIT_BARE] * secs,
                        tol * e->loss_fittings_j[HL_FIT_BARE]);
    assert_double_equal(e->pump_electric_j, t.pump_power_w * secs,
                        tol * e->pump_electric_j);
    hl_season_free(s);
    hl_weather_free(&w);
}

static void expect_error(const char *model, const hl_weather *w,
                         const hl_season_options *o, int code, const char *text)
{
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(season_of(model, w, o, &s, &err), code);
    assert_null(s);
    if (!strstr(err.message, text))
        fail_msg("'%s' lacks '%s'", err.message, text);
}

static void bad_input(void **state)
{
    fixture *f = *state;
    hl_season_options o = f->opt;
    o.economics.heat_price_cny_per_gj = -5;
    expect_error(NULL, &f->w, &o, HL_EINVAL, "heat price");
    o = f->opt;
    o.from = "02-30";
    expect_error(NULL, &f->w, &o, HL_EINVAL, "02-30");
    o = f->opt;
    o.ground_source = HL_GROUND_EPW; /* the synthetic year has none */
    expect_error(NULL, &f->w, &o, HL_EINVAL, "has none");
    o = f->opt;
    o.operation.balance_k = C0 - 30.0; /* below the design outdoor temp */
    expect_error(NULL, &f->w, &o, HL_EINVAL, "balance temperature");
    expect_error(HL_TEST_DATA_DIR "/data/models/bad_operation.yaml", &f->w,
                 &f->opt, HL_ERANGE, "bad_operation.yaml:16: design_load_mw");
    expect_error(HL_TEST_DATA_DIR "/data/models/none.yaml", &f->w, &f->opt,
                 HL_EIO, "none.yaml");
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
    hl_season *s = run(SMALL, &f->w, &o);
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

/* The run report is of the model handle given, which it leaves as it was:
 * the same totals after as before. */
static void run_report(void **state)
{
    (void)state;
    char dir[] = "/tmp/hl_run_reportXXXXXX", path[256], cmd[300];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/run.html", dir);
    hl_model *m = NULL;
    hl_totals before, after;
    assert_int_equal(hl_model_load(&m, SMALL), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &before), HL_OK);
    hl_error err;
    hl_error_clear(&err);
    hl_season *snap = NULL;
    assert_int_equal(hl_season_snapshot(&snap, m, &err), HL_OK);
    int rc = hl_report_write_run(path, snap, &err);
    hl_season_free(snap);
    if (rc == HL_ENOTFOUND) /* ECharts not installed here */
        assert_false(exists(path));
    else {
        assert_int_equal(rc, HL_OK);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
        assert_non_null(strstr(buf, "Content-Security-Policy"));
        assert_non_null(strstr(buf, "chart-pressure"));
        assert_non_null(strstr(buf, "Small line"));
    }
    assert_int_equal(hl_model_totals(m, &after), HL_OK);
    assert_double_equal(after.heat_loss_fittings_w, before.heat_loss_fittings_w,
                        1e-6 * before.heat_loss_fittings_w);
    hl_chamber_fitting_result fr;
    assert_int_equal(hl_model_fitting_result(m, 1, &fr), HL_OK);
    assert_int_equal(fr.state, HL_FIT_COATED); /* as in the file */
    hl_model_free(m);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(balance_default),
        cmocka_unit_test(balance_small_model),
        cmocka_unit_test(threads_same_results),
        cmocka_unit_test(months_add_up),
        cmocka_unit_test(retrofit_saves),
        cmocka_unit_test(constant_weather),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(outputs_atomic),
        cmocka_unit_test(run_report),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
