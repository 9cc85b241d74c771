/*
 * test_random_networks.c - the steady engine and the season on small random
 * networks (tests/support/random_net.h): trees and loops, one or two
 * plants, zero-flow branches, flow reversal, closed and check valves,
 * boosters on and off, consumers from a trickle to far more than the pumps
 * can move, fittings. Every case must load, then solve or end in a named
 * diagnostic (no convergence, topology, range: one message naming the
 * problem); a solved case has no NaN or infinity in any result, mass
 * balanced at every node to 1e-6 kg/s and energy overall to 1e-6 of the
 * heat in. Every 20th case also runs a day of the season.
 *
 * HL_RANDOM_CASES sets the count (default 300; the `long` test runs
 * 10,000); HL_RANDOM_SEED the first seed. A failing seed is printed with
 * its model text: add it to regressions[] below.
 */
#include "test_support.h"

#include "heatline.h"
#include "random_net.h"

#include <math.h>
#include <string.h>

/* Networks that once failed, kept as model files in tests/data/random/
 * (made by an earlier version of the generator): 30 a stagnant source
 * kept its temperatures unset; 120 the fittings at a torn node cooled only
 * the water that had arrived (energy off by 3e-4); 174 pipes in a part cut
 * off kept their flows; 4089 a cover beyond its service limit at a
 * computed water temperature came back as a bad argument; 1703, 4165,
 * 6316, 8340 trickle flows (the energy bound's slack). */
static const uint64_t regressions[] = {30,   120,  174,  1703,
                                       4089, 4165, 6316, 8340};

typedef struct stats {
    int solved, diagnosed, seasons;
    int by_code[16]; /* diagnostics by -status */
} stats;

/* The failing model goes to a file beside the test (the message would be
 * cut short). */
static void fail_case(uint64_t seed, const char *text, const char *what)
{
    char path[64];
    snprintf(path, sizeof path, "random_fail_%llu.yaml",
             (unsigned long long)seed);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    fail_msg("seed %llu: %s (model in %s)", (unsigned long long)seed, what,
             path);
}

static int finite_all(const double *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

/* Sum of the flows too small to carry heat (thermal.h: 1e-5 kg/s). */
static double trickle_kg_s;

/* Flow into node i from every link result, minus what leaves it. */
static void add_flow(double *net, int from, int to, double m)
{
    net[from] -= m;
    net[to] += m;
    if (fabs(m) < 1e-5)
        trickle_kg_s += fabs(m);
}

/* A node cut off from every pressure reference (behind a closed valve)
 * has no defined pressure: NaN there is the honest answer (null in JSON),
 * and so is a pressure difference across a link that reaches it. */
static int connected(hl_model *m, int node)
{
    hl_node_result r;
    hl_model_node_result(m, node, &r);
    return r.connected;
}

static const char *check_links(hl_model *m, double *net)
{
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        double v[] = {r.mass_flow_kg_s, r.velocity_m_s, r.dp_friction_pa,
                      r.heat_loss_w,    r.temp_in_k,    r.temp_out_k};
        if (!finite_all(v, 6))
            return "a pipe result is not finite";
        add_flow(net, r.from, r.to, r.mass_flow_kg_s);
    }
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++) {
        hl_pump_result r;
        hl_model_pump_result(m, i, &r);
        double v[] = {r.mass_flow_kg_s, r.electric_w};
        if (!finite_all(v, 2) ||
            (!isfinite(r.dp_pa) && connected(m, r.from) && connected(m, r.to)))
            return "a pump result is not finite";
        add_flow(net, r.from, r.to, r.mass_flow_kg_s);
    }
    for (int i = 0; i < hl_model_count(m, HL_VALVE); i++) {
        hl_valve_result r;
        hl_model_valve_result(m, i, &r);
        if (!isfinite(r.mass_flow_kg_s) ||
            (!isfinite(r.dp_pa) && connected(m, r.from) && connected(m, r.to)))
            return "a valve result is not finite";
        add_flow(net, r.from, r.to, r.mass_flow_kg_s);
    }
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result r;
        hl_model_consumer_result(m, i, &r);
        double v[] = {r.mass_flow_kg_s, r.heat_w, r.temp_in_k, r.temp_out_k};
        if (!finite_all(v, 4))
            return "a consumer result is not finite";
        add_flow(net, r.from, r.to, r.mass_flow_kg_s);
    }
    for (int i = 0; i < hl_model_count(m, HL_SOURCE); i++) {
        hl_source_result r;
        hl_model_source_result(m, i, &r);
        double v[] = {r.mass_flow_kg_s, r.heat_w, r.temp_in_k, r.temp_out_k};
        if (!finite_all(v, 4))
            return "a source result is not finite";
        add_flow(net, r.from, r.to, r.mass_flow_kg_s);
    }
    return NULL;
}

/* What is wrong with a solved model, or NULL. */
static const char *check_solved(hl_model *m)
{
    int n = hl_model_count(m, HL_NODE);
    double *net = calloc((size_t)n + 1, sizeof *net);
    trickle_kg_s = 0.0;
    const char *bad = check_links(m, net);
    for (int i = 0; !bad && i < n; i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        if ((!isfinite(r.pressure_pa) && r.connected) || !isfinite(r.temp_k))
            bad = "a node result is not finite";
        /* in = demand out - external in */
        else if (fabs(net[i] + r.external_kg_s - r.demand_kg_s) > 1e-6)
            bad = "mass is not balanced at a node";
    }
    free(net);
    hl_totals t;
    hl_model_totals(m, &t);
    /* relative to the heat in, plus what mass the solution may leave
     * unbalanced carries: flows below the engine's zero-flow threshold
     * (1e-5 kg/s) carry no heat by design, and the hydraulics stop within
     * their mass tolerance at each node; either moves at most its flow
     * times the enthalpy span of the network (water between 0 and 150 C,
     * 630 kJ/kg). At the flows of a heating network this is far below
     * 1e-6 of the heat. */
    double loose = trickle_kg_s + n * t.mass_residual_kg_s;
    if (!bad && !(fabs(t.energy_residual_w) <=
                  1e-6 * fabs(t.heat_source_w) + loose * 6.3e5))
        bad = "the energy balance does not close";
    return bad;
}

/* A failed solve must be a named diagnostic: one of the engine's codes
 * and a message without internal NaN. */
static const char *check_failed(hl_model *m, int rc)
{
    if (rc != HL_ENOCONVERGE && rc != HL_ETOPOLOGY && rc != HL_ERANGE)
        return "an unexpected status";
    const char *msg = hl_model_error(m);
    if (!msg[0])
        return "a failure without a message";
    if (strstr(msg, "nan") || strstr(msg, "inf "))
        return "a message showing nan or inf";
    return NULL;
}

/* What the hydraulic tolerance lets the energy balance miss: the mass
 * tolerance at every node (1e-6 kg/s, hl_solve_options) times the
 * enthalpy span of the water (0 to 150 C, 630 kJ/kg). */
static double hyd_slack_w(hl_model *m)
{
    return hl_model_count(m, HL_NODE) * 1e-6 * 6.3e5;
}

static const char *one_day(hl_model *m, const hl_weather *w)
{
    hl_season_options o;
    hl_season_options_init(&o);
    o.from = o.to = "01-20";
    o.threads = 1;
    hl_season *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_season_run(&s, m, w, &o, &err);
    const char *bad = NULL;
    if (rc && !err.message[0])
        bad = "a season failure without a message";
    for (int i = 0; !rc && i < hl_season_scenario_count(s); i++) {
        const hl_season_scenario *sc = hl_season_scenario_at(s, i);
        for (int k = 0; k < hl_season_hours(s); k++) {
            const double *r = sc->hourly + (size_t)k * HL_HOUR_NCOLS;
            double gap = r[HL_HOUR_SOURCE_W] + r[HL_HOUR_PUMP_HEAT_W] -
                         r[HL_HOUR_DELIVERED_W] - r[HL_HOUR_LOSS_PIPES_W] -
                         r[HL_HOUR_LOSS_FITTINGS_W];
            /* every column but the consumers' supply temperature (NaN
             * without consumers) */
            if (!finite_all(r, HL_HOUR_SUPPLY_CITY_K) ||
                !isfinite(r[HL_HOUR_PUMP_HEAT_W]))
                bad = "a season hour is not finite";
            else if (!(fabs(gap) <=
                       1e-6 * fabs(r[HL_HOUR_SOURCE_W]) + hyd_slack_w(m)))
                bad = "a season hour's energy does not balance";
        }
    }
    hl_season_free(s);
    return bad;
}

static void run_text(uint64_t seed, const char *text, const hl_weather *w,
                     stats *st)
{
    hl_model *m = NULL;
    if (hl_model_load_text(&m, text, strlen(text), "random.yaml", NULL, NULL)) {
        char what[700];
        snprintf(what, sizeof what, "load: %s", hl_model_error(m));
        fail_case(seed, text, what);
    }
    int rc = hl_model_solve(m, NULL);
    const char *bad = rc ? check_failed(m, rc) : check_solved(m);
    if (bad)
        fail_case(seed, text, bad);
    st->solved += rc == HL_OK;
    st->diagnosed += rc != HL_OK;
    st->by_code[-rc & 15]++;
    if (!rc && seed % 20 == 0) {
        bad = one_day(m, w);
        if (bad)
            fail_case(seed, text, bad);
        st->seasons++;
    }
    hl_model_free(m);
}

static void run_case(uint64_t seed, const hl_weather *w, stats *st)
{
    rnet g = {0};
    g.sized = seed % 5 != 0; /* most networks sized for their demands */
    run_text(seed, rnet_model(&g, seed), w, st);
    free(g.text);
}

static void run_text(uint64_t seed, const char *text, const hl_weather *w,
                     stats *st);

static void run_regression(int seed, const hl_weather *w, stats *st)
{
    char path[512];
    snprintf(path, sizeof path, "%s/data/random/seed_%d.yaml", HL_TEST_DATA_DIR,
             seed);
    char *text = NULL;
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    len = (size_t)ftell(f);
    rewind(f);
    text = calloc(len + 1, 1);
    assert_int_equal(fread(text, 1, len, f), len);
    fclose(f);
    run_text((uint64_t)seed, text, w, st);
    free(text);
}

static void random_networks(void **state)
{
    (void)state;
    const char *env = getenv("HL_RANDOM_CASES");
    const char *first = getenv("HL_RANDOM_SEED");
    long n = env ? atol(env) : 300;
    uint64_t s0 = first ? strtoull(first, NULL, 10) : 1;
    hl_weather w;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_weather_default(&w, &err), HL_OK);
    stats st = {0};
    for (size_t i = 0; i < sizeof regressions / sizeof regressions[0]; i++)
        run_regression(regressions[i], &w, &st);
    for (long i = 0; i < n; i++)
        run_case(s0 + (uint64_t)i, &w, &st);
    printf("random networks: %d solved, %d named diagnostics (%d no "
           "convergence, %d topology, %d range), %d seasons\n",
           st.solved, st.diagnosed, st.by_code[-HL_ENOCONVERGE],
           st.by_code[-HL_ETOPOLOGY], st.by_code[-HL_ERANGE], st.seasons);
    /* the generator is meant to make mostly solvable networks */
    assert_true(st.solved > st.diagnosed);
    hl_weather_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_networks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
