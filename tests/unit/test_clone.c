/*
 * test_clone.c - one network, many runs: a clone has its own run state
 * and shares the network read-only. Threads each run a season on their
 * own clone of one loaded model and get the serial results; nothing
 * writes into the shared network (checksum of every array of it before
 * and after); a season follows a model changed through the API; the
 * caller's model is never changed by a season or a snapshot.
 */
#include "test_support.h"
#include "network/net.h"

#include <pthread.h>
#include <string.h>

#define SMALL   HL_TEST_DATA_DIR "/data/models/small_line.yaml"
#define THREADS 4

/* FNV-1a over bytes. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return h;
}

/* Count of the kind an element array belongs to (its prefix). */
static size_t count_of(const net_def *d, const char *name)
{
    switch (name[0]) {
    case 'n':
        return (size_t)d->n_nodes;
    case 'l':
        return (size_t)d->n_links;
    case 'p':
        return (size_t)(name[1] == 'p' ? d->n_pipes : d->n_pumps);
    case 'v':
        return (size_t)d->n_valves;
    case 'c':
        return (size_t)(name[1] == 'o' ? d->n_consumers : d->n_chambers);
    case 's':
        return (size_t)d->n_sources;
    case 'h':
        return (size_t)d->n_hx;
    default:
        return (size_t)d->n_fittings;
    }
}

/* Every element array of the network, the curves, the adjacency, the
 * thermal types, the fluid table and the scalars. */
static uint64_t network_hash(const net_def *d)
{
    uint64_t h = 1469598103934665603ULL;
#define HASH(f)                                                                \
    if (d->f)                                                                  \
        h = fnv(h, d->f, count_of(d, #f) * sizeof *d->f);
    NODE_DEF_ARRAYS(HASH)
    LINK_DEF_ARRAYS(HASH)
    PIPE_DEF_ARRAYS(HASH)
    PUMP_DEF_ARRAYS(HASH)
    VALVE_DEF_ARRAYS(HASH)
    CONSUMER_DEF_ARRAYS(HASH)
    SOURCE_DEF_ARRAYS(HASH)
    HX_DEF_ARRAYS(HASH)
    CHAMBER_DEF_ARRAYS(HASH)
    FITTING_DEF_ARRAYS(HASH)
#undef HASH
    size_t curve = sizeof(double) * NET_MAX_CURVE * (size_t)d->n_pumps;
    h = fnv(h, d->pu_q, curve);
    h = fnv(h, d->pu_h, curve);
    h = fnv(h, d->adj_start, sizeof(int) * ((size_t)d->n_nodes + 1));
    h = fnv(h, d->adj_link, sizeof(int) * (size_t)d->adj_start[d->n_nodes]);
    if (d->n_ttypes)
        h = fnv(h, d->ttype, sizeof *d->ttype * (size_t)d->n_ttypes);
    if (d->fi_cls)
        h = fnv(h, d->fi_cls, sizeof(int) * (size_t)d->n_fittings);
    if (d->fluid.tab) /* the first 8 of its columns in every row */
        h = fnv(h, d->fluid.tab, sizeof(double) * FLUID_NT * 8);
    h = fnv(h, &d->p_atm, sizeof d->p_atm);
    h = fnv(h, &d->g, sizeof d->g);
    h = fnv(h, &d->operation, sizeof d->operation);
    return h;
}

static hl_model *load(const char *path)
{
    hl_model *m = NULL;
    if (hl_model_load(&m, path))
        fail_msg("load: %s", hl_model_error(m));
    return m;
}

static hl_weather week(void)
{
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    if (hl_weather_default(&w, &err))
        fail_msg("%s", err.message);
    return w;
}

/* Three days of January: enough hours (and scenarios) for threads to
 * overlap; equality with the serial season needs no more. */
static void days_options(hl_season_options *o)
{
    hl_season_options_init(o);
    o->from = "01-10";
    o->to = "01-12";
    o->threads = 1;
}

/* A clone solves to the same state as its source, and setting boundary
 * conditions on one leaves the other as it was. */
static void clone_is_independent(void **state)
{
    (void)state;
    hl_model *m = load(SMALL), *c = NULL;
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_clone(m, &c), HL_OK);
    assert_ptr_equal(m->net, c->net); /* shared, not copied */
    hl_totals a, b;
    assert_int_equal(hl_model_totals(c, &b), HL_OK); /* results copied */
    assert_int_equal(hl_model_solve(c, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &a), HL_OK);
    assert_int_equal(hl_model_totals(c, &b), HL_OK);
    assert_double_equal(a.heat_source_w, b.heat_source_w,
                        1e-9 * a.heat_source_w);
    assert_int_equal(hl_model_set_demand_scale(c, 0.5), HL_OK);
    assert_int_equal(hl_model_solve(c, NULL), HL_OK);
    assert_int_equal(hl_model_totals(c, &b), HL_OK);
    assert_true(b.heat_delivered_w < 0.6 * a.heat_delivered_w);
    hl_totals again;
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    assert_int_equal(hl_model_totals(m, &again), HL_OK);
    assert_double_equal(again.heat_delivered_w, a.heat_delivered_w,
                        1e-9 * a.heat_delivered_w);
    hl_model_free(m); /* the clone keeps the network alive */
    assert_int_equal(hl_model_solve(c, NULL), HL_OK);
    hl_model_free(c);
    hl_model *none = (hl_model *)1;
    assert_int_equal(hl_model_clone(NULL, &none), HL_ESTATE);
    assert_null(none);
}

typedef struct job {
    const hl_model *shared;
    const hl_weather *w;
    hl_season_options opt;
    hl_season *s;
    int rc;
} job;

static void *job_thread(void *arg)
{
    job *j = arg;
    hl_model *mine = NULL;
    hl_error err;
    hl_error_clear(&err);
    j->rc = hl_model_clone(j->shared, &mine);
    if (!j->rc)
        j->rc = hl_season_run(&j->s, mine, j->w, &j->opt, &err);
    hl_model_free(mine);
    return NULL;
}

static void same_seasons(const hl_season *a, const hl_season *b)
{
    assert_int_equal(hl_season_scenario_count(a), hl_season_scenario_count(b));
    int cols = hl_season_hours(a) * HL_HOUR_NCOLS;
    for (int i = 0; i < hl_season_scenario_count(a); i++) {
        const hl_season_scenario *x = hl_season_scenario_at(a, i);
        const hl_season_scenario *y = hl_season_scenario_at(b, i);
        assert_memory_equal(x->hourly, y->hourly, sizeof(double) * cols);
        assert_int_equal(x->burn_fitting_hours, y->burn_fitting_hours);
    }
}

/* THREADS seasons at once, each on its own clone of one loaded model,
 * equal the serial season; the shared network is unchanged. */
static void threads_on_clones(void **state)
{
    (void)state;
    hl_model *m = load(NULL);
    uint64_t before = network_hash(m->net);
    hl_weather w = week();
    job jobs[THREADS];
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (job){m, &w, {0}, NULL, -1};
        days_options(&jobs[i].opt);
    }
    job_thread(&jobs[0]); /* serial reference */
    assert_int_equal(jobs[0].rc, HL_OK);
    for (int i = 1; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, job_thread, &jobs[i]), 0);
    for (int i = 1; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].rc, HL_OK);
        same_seasons(jobs[0].s, jobs[i].s);
    }
    assert_true(network_hash(m->net) == before);
    for (int i = 0; i < THREADS; i++)
        hl_season_free(jobs[i].s);
    hl_weather_free(&w);
    hl_model_free(m);
}

static hl_season *season_of(const hl_model *m, const hl_weather *w)
{
    hl_season_options o;
    days_options(&o);
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_season_run(&s, m, w, &o, &err))
        fail_msg("%s", err.message);
    return s;
}

static double produced(const hl_season *s, int scenario)
{
    return hl_season_find(s, scenario)->total.heat_source_j;
}

/* A season on a model changed through the API follows the change: every
 * fitting coated by a setter makes the as-is scenario the file's coated
 * one; a demand scaled by a setter scales the design load the season
 * runs at (the small line states none). The model given is not changed. */
static void season_follows_api_changes(void **state)
{
    (void)state;
    hl_weather w = week();
    hl_model *m = load(SMALL);
    hl_season *file = season_of(m, &w);
    assert_int_equal(hl_model_set_fitting_state(m, NULL, HL_FIT_COATED), HL_OK);
    hl_season *coated = season_of(m, &w);
    const hl_energy *f = &hl_season_find(file, HL_SCEN_COATED)->total;
    const hl_energy *c = &hl_season_find(coated, HL_SCEN_AS_IS)->total;
    assert_double_equal(c->loss_fittings_j[HL_FIT_COATED],
                        f->loss_fittings_j[HL_FIT_COATED],
                        1e-9 * f->loss_fittings_j[HL_FIT_COATED]);
    assert_true(produced(coated, HL_SCEN_AS_IS) <
                produced(file, HL_SCEN_AS_IS));
    assert_int_equal(hl_model_reset_fitting_states(m), HL_OK);
    assert_int_equal(hl_model_set_demand_scale(m, 0.8), HL_OK);
    hl_season *scaled = season_of(m, &w);
    double ratio =
        hl_season_find(scaled, HL_SCEN_AS_IS)->total.heat_delivered_j /
        hl_season_find(file, HL_SCEN_AS_IS)->total.heat_delivered_j;
    assert_double_equal(ratio, 0.8, 1e-6);
    /* none of it touched the caller's solution: it has none */
    hl_totals t;
    assert_int_equal(hl_model_totals(m, &t), HL_ESTATE);
    hl_season_free(file);
    hl_season_free(coated);
    hl_season_free(scaled);
    hl_model_free(m);
    hl_weather_free(&w);
}

/* Every warning is kept: the list grows past any fixed size (the checks
 * themselves list a few of each kind and count the rest). */
static void warnings_are_all_kept(void **state)
{
    (void)state;
    hl_model *m = load(SMALL);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    int n0 = hl_model_warning_count(m);
    for (int i = 0; i < 1000; i++)
        net_warn(m, "note %d of a long run", i);
    assert_int_equal(hl_model_warning_count(m), n0 + 1000);
    assert_string_equal(hl_model_warning(m, n0 + 999),
                        "note 999 of a long run");
    assert_null(hl_model_warning(m, n0 + 1000));
    hl_model *c = NULL;
    assert_int_equal(hl_model_clone(m, &c), HL_OK); /* copied with the run */
    assert_int_equal(hl_model_warning_count(c), n0 + 1000);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK); /* a new solve's own */
    assert_int_equal(hl_model_warning_count(m), n0);
    hl_model_free(c);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clone_is_independent),
        cmocka_unit_test(threads_on_clones),
        cmocka_unit_test(season_follows_api_changes),
        cmocka_unit_test(warnings_are_all_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
