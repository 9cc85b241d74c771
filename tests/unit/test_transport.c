/*
 * test_transport.c - the transport engine's exact cases: a step of inlet
 * temperature arrives after exactly M/m (within one transport step) with
 * the analytic decay; the relaxation's exponential is exp within rounding; a
 * sine through pipes in series keeps its amplitude apart from the analytic
 * loss; flow reversal returns parcels unchanged; constant conditions stay at
 * the steady engine's temperatures; the energy account closes every step; the
 * epoch form of a pipe (epoch.c) gives what ageing each parcel does; bad
 * options are refused.
 */
#include "test_support.h"

#include "heatline.h"
#include "transport/dynamic_internal.h"
#include "transport/transport.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define C2K(c) ((c) + HL_ZERO_C_K)
#define RHO    960.0
#define CP     4200.0
#define FLOW   50.0
#define ULIN   0.4 /* W/(m K) */

/* source -> 1000 m pipe -> consumer (fixed flow) -> adiabatic return.
 * The analytic cases leave out the pumps' and friction's heat (issue 13)
 * that their formulas do not have; the steady limit on the default line
 * and the soil node keep it (the same heat as the steady engine's). */
static const char line_yaml[] =
    "heatline_model: 1\n"
    "settings: {fluid: constant, density_kg_per_m3: 960,\n"
    "  viscosity_pa_s: 3e-4, cp_j_per_kgk: 4200, ground_temp_c: 5,\n"
    "  pump_and_friction_heat: false}\n"
    "nodes: [{id: RA, pressure_bar_g: 2}, {id: SA}, {id: S}, {id: R}]\n"
    "sources: [{id: plant, inlet: RA, outlet: SA, supply_temp_c: 80,\n"
    "           pressure_lift_bar: 5}]\n"
    "pipes:\n"
    "  - {id: sa, from: SA, to: S, length_m: 1000, inner_diameter_mm: 200,\n"
    "     roughness_mm: 0.1, heat_loss_coefficient_w_per_mk: 0.4}\n"
    "  - {id: ra, from: R, to: RA, length_m: 1000, inner_diameter_mm: 200,\n"
    "     roughness_mm: 0.1}\n"
    "consumers: [{id: city, supply: S, return: R, flow_kg_per_s: 50,\n"
    "             return_temp_c: 50}]\n";

static hl_model *load(const char *yaml)
{
    hl_model *m;
    if (hl_model_load_text(&m, yaml, strlen(yaml), "t.yaml", NULL, NULL))
        fail_msg("load: %s", hl_model_error(m));
    return m;
}

static hl_dynamic *start(hl_model *m, double step_s)
{
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    o.step_s = step_s;
    hl_dynamic *d;
    hl_error err;
    hl_error_clear(&err);
    if (hl_dynamic_new(&d, m, &o, &err))
        fail_msg("dynamic: %s", err.message);
    return d;
}

static double node_temp(const hl_dynamic *d, const hl_model *m, const char *id)
{
    hl_dynamic_node n;
    assert_int_equal(
        hl_dynamic_node_state(d, hl_model_find(m, HL_NODE, id), &n), HL_OK);
    return n.temp_k;
}

static void step_arrives_after_delay(void **state)
{
    (void)state;
    hl_model *m = load(line_yaml);
    double dt = 10.0;
    hl_dynamic *d = start(m, dt);
    hl_model *run = hl_dynamic_model(d);
    double mass = RHO * M_PI * 0.01 * 1000.0, tau = mass / FLOW;
    double t0 = C2K(5.0);
    double keep = exp(-tau / (1.0 / ULIN * (mass / 1000.0) * CP));
    double before = t0 + (C2K(80.0) - t0) * keep;
    double after = t0 + (C2K(90.0) - t0) * keep;
    assert_int_equal(hl_model_set_supply_temp(run, NULL, C2K(90.0)), HL_OK);
    int seen_mixed = 0;
    for (int k = 0; k < 200; k++) {
        assert_int_equal(hl_dynamic_step(d), HL_OK);
        double end = hl_dynamic_time(d), t = node_temp(d, m, "S");
        if (getenv("HL_TRACE"))
            print_message("%g %.9f before %.9f after %.9f\n", end, t, before,
                          after);
        if (end <= tau)
            assert_true(fabs(t - before) < 1e-8);
        else if (end - dt >= tau)
            assert_true(fabs(t - after) < 1e-8);
        else /* the step the front arrives in: mixed by its share */
            assert_true(fabs(t - (before +
                                  (after - before) * (end - tau) / dt)) < 1e-6),
                seen_mixed++;
    }
    assert_int_equal(seen_mixed, 1);
    hl_dynamic_consumer c;
    assert_int_equal(hl_dynamic_consumer_state(d, 0, &c), HL_OK);
    assert_true(fabs(c.transit_s - tau) < 1e-6 * tau);
    assert_true(fabs(c.heat_w - FLOW * CP * (after - C2K(50.0))) < 1e-3);
    hl_dynamic_free(d);
    hl_model_free(m);
}

/* The result does not depend on the step where the method is exact:
 * the mean of four 5 s steps is the 20 s step's, before, at and after the
 * front of a supply change. */
static void independent_of_step(void **state)
{
    (void)state;
    hl_model *m = load(line_yaml);
    hl_dynamic *a = start(m, 5.0), *b = start(m, 20.0);
    hl_model_set_supply_temp(hl_dynamic_model(a), NULL, C2K(95.0));
    hl_model_set_supply_temp(hl_dynamic_model(b), NULL, C2K(95.0));
    double worst = 0.0;
    for (int k = 0; k < 60; k++) {
        double mean = 0.0;
        for (int j = 0; j < 4; j++) {
            assert_int_equal(hl_dynamic_step(a), HL_OK);
            mean += 0.25 * node_temp(a, m, "S");
        }
        assert_int_equal(hl_dynamic_step(b), HL_OK);
        worst = fmax(worst, fabs(mean - node_temp(b, m, "S")));
    }
    print_message("5 s vs 20 s steps: worst %.2e K\n", worst);
    assert_true(worst < 1e-6);
    hl_dynamic_free(a);
    hl_dynamic_free(b);
    hl_model_free(m);
}

/* Three pipes in series: a sine of the supply arrives with the analytic
 * loss on its amplitude and the delay of the three (M/m each). */
static void sine_keeps_amplitude(void **state)
{
    (void)state;
    static const char yaml[] =
        "heatline_model: 1\n"
        "settings: {fluid: constant, density_kg_per_m3: 960,\n"
        "  viscosity_pa_s: 3e-4, cp_j_per_kgk: 4200, ground_temp_c: 5,\n"
        "  pump_and_friction_heat: false}\n"
        "nodes: [{id: RA, pressure_bar_g: 2}, {id: SA}, {id: A}, {id: B},\n"
        "        {id: S}, {id: R}]\n"
        "sources: [{id: plant, inlet: RA, outlet: SA, supply_temp_c: 80,\n"
        "           pressure_lift_bar: 5}]\n"
        "pipe_types: {t: {inner_diameter_mm: 200, roughness_mm: 0.1,\n"
        "  heat_loss_coefficient_w_per_mk: 0.4}}\n"
        "pipes:\n"
        "  - {id: p1, from: SA, to: A, length_m: 700, type: t}\n"
        "  - {id: p2, from: A, to: B, length_m: 1100, type: t}\n"
        "  - {id: p3, from: B, to: S, length_m: 900, type: t}\n"
        "  - {id: ra, from: R, to: RA, length_m: 10, inner_diameter_mm: 200,\n"
        "     roughness_mm: 0.1}\n"
        "consumers: [{id: city, supply: S, return: R, flow_kg_per_s: 50,\n"
        "             return_temp_c: 50}]\n";
    hl_model *m = load(yaml);
    double dt = 10.0, period = 3600.0, amp = 10.0;
    hl_dynamic *d = start(m, dt);
    double len = 2700.0, mass = RHO * M_PI * 0.01 * len, tau = mass / FLOW;
    double keep = exp(-tau / (1.0 / ULIN * (mass / len) * CP));
    double t0 = C2K(5.0), worst = 0.0, hi = -INFINITY, lo = INFINITY;
    for (int k = 0; k < 1800; k++) {
        double mid = (k + 0.5) * dt;
        hl_model_set_supply_temp(hl_dynamic_model(d), NULL,
                                 C2K(80.0) +
                                     amp * sin(2 * M_PI * mid / period));
        assert_int_equal(hl_dynamic_step(d), HL_OK);
        if (mid < tau + dt)
            continue;
        /* the inlet held its set point over each step: the step's outflow
         * is the inflow of [start - tau, end - tau], cooled */
        int back = (int)floor(tau / dt);
        double phi = tau / dt - back;
        double u0 = amp * sin(2 * M_PI * (k - back + 0.5) * dt / period);
        double u1 = amp * sin(2 * M_PI * (k - back - 0.5) * dt / period);
        double want = t0 + (C2K(80.0) + (1 - phi) * u0 + phi * u1 - t0) * keep;
        double got = node_temp(d, m, "S");
        worst = fmax(worst, fabs(got - want));
        if (mid > 1800 * dt - period) {
            hi = fmax(hi, got);
            lo = fmin(lo, got);
        }
    }
    /* each node averages the water of a step (as EPANET's quality step
     * does): a smoothing of order (pi dt / period)^2, no diffusion that
     * grows with the length */
    double amp_out = 0.5 * (hi - lo) / keep;
    print_message("sine through three pipes: worst %.2e K, amplitude %.6f K "
                  "of %.6f\n",
                  worst, amp_out, amp);
    assert_true(fabs(amp_out - amp) < 1e-3 * amp);
    assert_true(worst < 5e-3);
    hl_dynamic_free(d);
    hl_model_free(m);
}

typedef struct popped {
    tr_parcel got[8];
    int n;
} popped;

static void collect(void *ctx, tr_parcel *piece)
{
    popped *p = ctx;
    p->got[p->n++] = *piece;
}

/* Flow reversal: parcels pushed in at the from-end (forward flow) and
 * taken back at the same end (reversed flow) come out as they went in,
 * newest first, with their mass and temperature unchanged. */
static void reversal_returns_parcels(void **state)
{
    (void)state;
    tr_pipe_state p = {0};
    double temps[5] = {350.0, 340.0, 345.5, 330.25, 360.0};
    for (int i = 0; i < 5; i++) {
        tr_parcel q = {10.0 + i, temps[i], i, 0, 0, 0, 0, 0, 0};
        assert_int_equal(tr_pipe_push(&p, 0, &q, 0.0), 0);
    }
    popped out = {.n = 0};
    double total = 10 + 11 + 12 + 13 + 14;
    assert_true(tr_pipe_pop(&p, 0, total, collect, &out) == total);
    assert_int_equal(out.n, 5);
    for (int i = 0; i < 5; i++) {
        assert_true(out.got[i].t == temps[4 - i]);
        assert_true(out.got[i].mass == 14.0 - i);
    }
    assert_int_equal(p.n, 0);
    tr_pipe_free(&p);
}

/* Taken at the other end (forward flow), the oldest first; a part of a
 * parcel leaves as a piece and the rest stays. */
static void forward_takes_oldest(void **state)
{
    (void)state;
    tr_pipe_state p = {0};
    for (int i = 0; i < 3; i++) {
        tr_parcel q = {5.0, 300.0 + i, 0, 0, 0, 0, 0, 0, 0};
        tr_pipe_push(&p, 0, &q, 0.0);
    }
    popped out = {.n = 0};
    assert_true(tr_pipe_pop(&p, 1, 7.5, collect, &out) == 7.5);
    assert_int_equal(out.n, 2);
    assert_true(out.got[0].t == 300.0 && out.got[0].mass == 5.0);
    assert_true(out.got[1].t == 301.0 && out.got[1].mass == 2.5);
    assert_true(tr_pipe_mass(&p) == 7.5);
    tr_pipe_free(&p);
}

/* The parcel store (its two ends in the state, the rest in a ring on the
 * heap) against a plain array: parcels pushed and whole parcels taken at
 * either end in a random order, long enough to grow the ring and wrap it
 * both ways; after every operation each parcel sits where the array says
 * and a taken one is the array's end. */
static void store_matches_array(void **state)
{
    (void)state;
    enum { CAP = 64, OPS = 4000 };
    double ref[2 * CAP + 1];
    int lo = CAP, hi = CAP; /* ref[lo .. hi) */
    tr_pipe_state p = {0};
    unsigned seed = 12345u;
    for (int op = 0; op < OPS; op++) {
        seed = seed * 1103515245u + 12345u;
        int r = (int)(seed >> 16), at_to_end = r & 1, n = hi - lo;
        int push = n == 0 || (n < CAP - 1 && (r >> 1) % 5 < 3);
        if (push && (at_to_end ? hi < 2 * CAP : lo > 0)) {
            tr_parcel q = {1.0, op, 0, 0, 0, 0, 0, 0, 0};
            assert_int_equal(tr_pipe_push(&p, at_to_end, &q, -1.0), 0);
            if (at_to_end)
                ref[hi++] = op;
            else
                ref[--lo] = op;
        } else if (n > 0) {
            popped out = {.n = 0};
            assert_true(tr_pipe_pop(&p, at_to_end, 1.0, collect, &out) == 1.0);
            double want = at_to_end ? ref[--hi] : ref[lo++];
            assert_int_equal(out.n, 1);
            assert_true(out.got[0].t == want);
        }
        if (hi - lo == 0) { /* empty: the array starts again mid-way */
            lo = hi = CAP;
        }
        assert_int_equal(p.n, hi - lo);
        for (int k = 0; k < p.n; k++)
            assert_true(tr_pipe_at(&p, k)->t == ref[lo + k]);
    }
    assert_true(p.cap >= 32); /* the ring grew */
    tr_pipe_free(&p);
}

/* The relaxation's exponential: libm's within two units in the last
 * place across the series' range |x| <= 2^-5, at its edges and beyond
 * (where it is libm's own). */
static void exp_within_rounding(void **state)
{
    (void)state;
    double worst = 0.0;
    for (int i = -40000; i <= 40000; i++) {
        double x = i * (0.04 / 40000.0); /* -0.04 .. 0.04 */
        double rel = fabs(tr_exp(x) - exp(x)) / exp(x);
        worst = fmax(worst, rel);
    }
    const double edges[] = {0x1p-5, -0x1p-5, 1e-300, -1e-12, 0.0, 3.0, -700.0};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        worst =
            fmax(worst, fabs(tr_exp(edges[i]) - exp(edges[i])) / exp(edges[i]));
    assert_true(worst <= 2.0 * 0x1p-52);
    assert_true(tr_exp(0.0) == 1.0);
}

/* Constant boundary conditions: the steady engine's temperatures, kept;
 * the energy account closes every step. */
static void steady_limit_and_balance(void **state)
{
    (void)state;
    hl_model *m = NULL;
    if (hl_model_load(&m, NULL))
        fail_msg("default model: %s", hl_model_error(m));
    hl_dynamic *d = start(m, 300.0);
    hl_model *ref = NULL;
    assert_int_equal(hl_model_clone(m, &ref), HL_OK);
    assert_int_equal(hl_model_solve(ref, NULL), HL_OK);
    for (int k = 0; k < 12 * 12; k++)
        assert_int_equal(hl_dynamic_step(d), HL_OK);
    double worst = 0.0;
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result r;
        hl_dynamic_consumer c;
        hl_model_consumer_result(ref, i, &r);
        hl_dynamic_consumer_state(d, i, &c);
        if (r.mass_flow_kg_s > 1e-3)
            worst = fmax(worst, fabs(c.supply_temp_k - r.temp_in_k));
    }
    print_message("steady limit: worst consumer %.2e K\n", worst);
    assert_true(worst < 1e-4);
    hl_dynamic_energy e;
    hl_dynamic_energy_state(d, &e);
    print_message("energy: worst step residual %.2e of throughput\n",
                  e.max_step_relative_residual);
    assert_true(e.max_step_relative_residual < 1e-6);
    assert_true(fabs(e.residual_j) < 1e-6 * e.in_j);
    hl_model_free(ref);
    hl_dynamic_free(d);
    hl_model_free(m);
}

/* Zero flow: the water stands in the pipe and cools towards the ground
 * by the exact exponential, never below it. */
static void stagnant_cools_to_ground(void **state)
{
    (void)state;
    hl_model *m = load(line_yaml);
    hl_dynamic *d = start(m, 600.0);
    assert_int_equal(hl_dynamic_set_consumer_flow(d, 0, 0.0), HL_OK);
    assert_int_equal(hl_dynamic_resolve(d), HL_OK);
    hl_dynamic_energy e0, e1;
    assert_int_equal(hl_dynamic_step(d), HL_OK);
    hl_dynamic_energy_state(d, &e0);
    double mass = RHO * M_PI * 0.01 * 1000.0;
    double rate = ULIN / ((mass / 1000.0) * CP); /* 1/s */
    int days = 40;
    for (int k = 0; k < days * 144; k++)
        assert_int_equal(hl_dynamic_step(d), HL_OK);
    hl_dynamic_energy_state(d, &e1);
    /* the supply pipe's water (its stored excess) decays as e^(-rate t) */
    double excess0 = e0.stored_water_j - 2 * mass * CP * 5.0;
    double excess1 = e1.stored_water_j - 2 * mass * CP * 5.0;
    double want = exp(-rate * days * 86400.0);
    print_message("stagnant: supply excess kept %.3e, exact %.3e\n",
                  (excess1 - (mass * CP * 45.0)) / (excess0 - mass * CP * 45.0),
                  want);
    assert_true(excess1 > 0.0);
    /* the adiabatic return pipe keeps its heat: only the supply decays */
    double ret = mass * CP * (50.0 - 0.0) - mass * CP * 5.0;
    assert_true(fabs((excess1 - ret) / (excess0 - ret) - want) < 1e-9);
    /* nothing flows: the account is judged against the heat held (a step's
     * loss falls towards zero with the excess) */
    print_message("stagnant: residual %.2e J of %.2e J held\n", e1.residual_j,
                  e1.stored_j);
    assert_true(fabs(e1.residual_j) < 1e-9 * e1.stored_j);
    hl_dynamic_free(d);
    hl_model_free(m);
}

/* A buried single pipe with a lumped soil node: at constant conditions it
 * keeps the steady engine's temperature (the node starts at its steady
 * share); a warmer supply heats the soil, which stores what the pipe's
 * water gives and the ground has not taken yet; the account closes. */
static void soil_node(void **state)
{
    (void)state;
    static const char yaml[] =
        "heatline_model: 1\n"
        "settings: {fluid: constant, density_kg_per_m3: 960,\n"
        "  viscosity_pa_s: 3e-4, cp_j_per_kgk: 4200, ground_temp_c: 5}\n"
        "nodes: [{id: RA, pressure_bar_g: 2}, {id: SA}, {id: S}, {id: R}]\n"
        "sources: [{id: plant, inlet: RA, outlet: SA, supply_temp_c: 80,\n"
        "           pressure_lift_bar: 5}]\n"
        "pipes:\n"
        "  - {id: sa, from: SA, to: S, length_m: 5000, outer_diameter_mm: "
        "219.1,\n"
        "     wall_mm: 6, roughness_mm: 0.1, laying: single, axis_depth_m: "
        "1.2,\n"
        "     soil_conductivity_w_per_mk: 1.5,\n"
        "     layers: [{conductivity_w_per_mk: 0.03, thickness_mm: 40}]}\n"
        "  - {id: ra, from: R, to: RA, length_m: 10, inner_diameter_mm: 200,\n"
        "     roughness_mm: 0.1}\n"
        "consumers: [{id: city, supply: S, return: R, flow_kg_per_s: 20,\n"
        "             return_temp_c: 50}]\n";
    hl_model *m = load(yaml);
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    o.soil = 1;
    hl_dynamic *d;
    hl_error err;
    hl_error_clear(&err);
    if (hl_dynamic_new(&d, m, &o, &err))
        fail_msg("dynamic: %s", err.message);
    hl_model *ref = NULL;
    assert_int_equal(hl_model_clone(m, &ref), HL_OK);
    assert_int_equal(hl_model_solve(ref, NULL), HL_OK);
    for (int k = 0; k < 48; k++)
        assert_int_equal(hl_dynamic_step(d), HL_OK);
    hl_consumer_result r;
    hl_dynamic_consumer c;
    hl_model_consumer_result(ref, 0, &r);
    hl_dynamic_consumer_state(d, 0, &c);
    print_message("soil node, steady: %.2e K from the steady engine\n",
                  c.supply_temp_k - r.temp_in_k);
    assert_true(fabs(c.supply_temp_k - r.temp_in_k) < 1e-4);
    hl_dynamic_energy e0, e1;
    hl_dynamic_energy_state(d, &e0);
    assert_true(e0.stored_soil_j > 0.0);
    hl_model_set_supply_temp(hl_dynamic_model(d), NULL, C2K(95.0));
    for (int k = 0; k < 12 * 24 * 10; k++)
        assert_int_equal(hl_dynamic_step(d), HL_OK);
    hl_dynamic_energy_state(d, &e1);
    print_message("soil node: soil took %.3g GJ in 10 days; worst step "
                  "residual %.1e\n",
                  (e1.stored_soil_j - e0.stored_soil_j) / 1e9,
                  e1.max_step_relative_residual);
    assert_true(e1.stored_soil_j > e0.stored_soil_j);
    assert_true(e1.max_step_relative_residual < 1e-6);
    hl_model_free(ref);
    hl_dynamic_free(d);
    hl_model_free(m);
}

static void bad_options(void **state)
{
    (void)state;
    hl_model *m = load(line_yaml);
    hl_dynamic_options o;
    hl_dynamic *d = NULL;
    hl_error err;
    hl_dynamic_options_init(&o);
    o.step_s = 0.0;
    hl_error_clear(&err);
    assert_int_equal(hl_dynamic_new(&d, m, &o, &err), HL_EINVAL);
    assert_null(d);
    assert_non_null(strstr(err.message, "transport step"));
    hl_dynamic_options_init(&o);
    o.step_s = 7200.0;
    hl_error_clear(&err);
    assert_int_equal(hl_dynamic_new(&d, m, &o, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "hydraulic step"));
    hl_model_free(m);
}

/* One run of an EPANET import (constant heat capacity, no walls: every
 * pipe takes the epoch form unless plain) started at 60 C under a 90 C
 * supply, the demand moving hour by hour; every node's temperature each
 * hour into temp (hours x nodes), the run's energy into e. */
static void run_import(int plain, int hours, double *temp, hl_dynamic_energy *e)
{
    char inp[512];
    snprintf(inp, sizeof inp, "%s/validation/epanet/transient/%s",
             HL_TEST_DATA_DIR, "grid_1000_ts24.inp");
    hl_load_options lo;
    hl_load_options_init(&lo);
    lo.inp_supply_temp_k = C2K(90.0);
    lo.inp_ambient_k = C2K(10.0);
    lo.inp_u_w_m2k = 0.6;
    lo.inp_cp_j_kgk = 4205.0;
    hl_model *m = NULL;
    if (hl_model_load_with(&m, inp, &lo))
        fail_msg("%s: %s", inp, hl_model_error(m));
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    o.initial = HL_DYN_INIT_UNIFORM;
    o.initial_temp_k = C2K(60.0);
    hl_dynamic *d = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_dynamic_new(&d, m, &o, &err))
        fail_msg("%s", err.message);
    d->st->epoch_off = plain;
    hl_model *run = hl_dynamic_model(d);
    int nn = hl_model_count(run, HL_NODE);
    for (int h = 0; h < hours; h++) {
        assert_int_equal(hl_model_set_demand_scale(run, 0.7 + 0.1 * (h % 4)),
                         HL_OK);
        for (int j = 0; j < 12; j++)
            assert_int_equal(hl_dynamic_step(d), HL_OK);
        for (int v = 0; v < nn; v++) {
            hl_dynamic_node nd;
            hl_dynamic_node_state(d, v, &nd);
            temp[h * nn + v] = nd.temp_k;
        }
    }
    hl_dynamic_energy_state(d, e);
    assert_true(plain || d->st->pipe[0].ep.on); /* the form under test */
    hl_dynamic_free(d);
    hl_model_free(m);
}

/* The epoch form is the same exact relaxation as ageing each parcel: the
 * two agree to rounding at every node and hour, and in the energy. */
static void epoch_equals_plain(void **state)
{
    (void)state;
    enum { HOURS = 6, MAX_NODES = 2000 };
    static double a[HOURS * MAX_NODES], b[HOURS * MAX_NODES];
    hl_dynamic_energy ea, eb;
    run_import(0, HOURS, a, &ea);
    run_import(1, HOURS, b, &eb);
    double worst = 0.0, spread = 0.0;
    for (int k = 0; k < HOURS * MAX_NODES; k++) {
        worst = fmax(worst, fabs(a[k] - b[k]));
        if (a[k] > 0.0)
            spread = fmax(spread, fabs(a[k] - C2K(60.0)));
    }
    print_message("epoch form: worst node %.2e K of a %.1f K spread; lost "
                  "%.9e J against %.9e J\n",
                  worst, spread, ea.lost_pipes_j, eb.lost_pipes_j);
    assert_true(spread > 5.0); /* fronts moved through the network */
    assert_true(worst < 1e-8);
    assert_true(fabs(ea.lost_pipes_j - eb.lost_pipes_j) <
                1e-9 * eb.lost_pipes_j);
    assert_true(fabs(ea.stored_water_j - eb.stored_water_j) <
                1e-12 * eb.stored_water_j);
    assert_true(ea.max_step_relative_residual < 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(step_arrives_after_delay),
        cmocka_unit_test(independent_of_step),
        cmocka_unit_test(sine_keeps_amplitude),
        cmocka_unit_test(reversal_returns_parcels),
        cmocka_unit_test(forward_takes_oldest),
        cmocka_unit_test(store_matches_array),
        cmocka_unit_test(exp_within_rounding),
        cmocka_unit_test(steady_limit_and_balance),
        cmocka_unit_test(stagnant_cools_to_ground),
        cmocka_unit_test(soil_node),
        cmocka_unit_test(epoch_equals_plain),
        cmocka_unit_test(bad_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
