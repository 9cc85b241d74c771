/*
 * test_epanet_quality.c - the transport engine against EPANET's
 * water-quality engine on two networks of ../shared/bench/gen_networks.py
 * with its 24 h demand pattern (tests/validation/epanet/transient/: the
 * .inp files as generated, EPANET 2.3.5's results of each by
 * tools/epanet_quality.c, read as they are). The generator writes the
 * temperature as EPANET's constituent: first-order bulk decay at each
 * pipe's heat-loss rate 4 U / (rho cp d) towards the ambient (line: 0 C,
 * grid: the limiting potential 10 C). heatline imports the same .inp with
 * the same U, ambient, supply temperature and cp, starts as EPANET does
 * (all water at the supply temperature), re-solves the hydraulics every
 * hour at the pattern's multiplier and steps the water every 5 min; the
 * consumers' temperatures at every whole hour after a spin-up of 2 h are
 * within 0.05 K of EPANET's.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 4096

typedef struct ref_row {
    long t;
    char id[32];
    double q;
} ref_row;

typedef struct qcase {
    const char *name;
    double supply_c, ambient_c, u, cp;
    double run_supply_c; /* heatline's supply (see line_1000) */
    int kept_max;        /* hours heatline finds no feasible state */
} qcase;

/* The 24 multipliers of pattern DH in the .inp's [PATTERNS]. */
static int read_pattern(const char *path, double *mult)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int n = 0, in = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (line[0] == '[')
            in = strncmp(line, "[PATTERNS]", 10) == 0;
        else if (in && strncmp(line, "DH ", 3) == 0) {
            char *p = line + 3, *end;
            for (double x = strtod(p, &end); end != p && n < 24;
                 x = strtod(p, &end)) {
                mult[n++] = x;
                p = end;
            }
        }
    }
    if (f)
        fclose(f);
    return n;
}

static int read_ref(const char *path, ref_row *rows)
{
    FILE *f = fopen(path, "r");
    char line[256];
    int n = 0;
    while (f && fgets(line, sizeof line, f) && n < MAX_ROWS) {
        ref_row *r = &rows[n];
        if (line[0] == '#' || strncmp(line, "time_s", 6) == 0)
            continue;
        if (sscanf(line, "%ld,%31[^,],%lf", &r->t, r->id, &r->q) == 3)
            n++;
    }
    if (f)
        fclose(f);
    return n;
}

static void against_epanet(const qcase *c)
{
    char inp[512], csv[512];
    snprintf(inp, sizeof inp, "%s/validation/epanet/transient/%s.inp",
             HL_TEST_DATA_DIR, c->name);
    snprintf(csv, sizeof csv, "%s/validation/epanet/transient/%s_epanet.csv",
             HL_TEST_DATA_DIR, c->name);
    double mult[24];
    assert_int_equal(read_pattern(inp, mult), 24);
    static ref_row rows[MAX_ROWS];
    int nref = read_ref(csv, rows);
    assert_true(nref > 24);
    hl_load_options lo;
    hl_load_options_init(&lo);
    lo.inp_supply_temp_k = c->run_supply_c + HL_ZERO_C_K;
    lo.inp_ambient_k = c->ambient_c + HL_ZERO_C_K;
    lo.inp_u_w_m2k = c->u;
    lo.inp_cp_j_kgk = c->cp;
    hl_model *m = NULL;
    if (hl_model_load_with(&m, inp, &lo))
        fail_msg("%s: %s", inp, hl_model_error(m));
    hl_dynamic_options o;
    hl_dynamic_options_init(&o);
    o.initial = HL_DYN_INIT_UNIFORM;
    o.initial_temp_k = c->run_supply_c + HL_ZERO_C_K;
    /* first-order decay towards the ambient is linear in the excess: a
     * run at another supply scales EPANET's excess by the ratio */
    double scale =
        (c->supply_c - c->ambient_c) / (c->run_supply_c - c->ambient_c);
    hl_dynamic *d = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_dynamic_new(&d, m, &o, &err))
        fail_msg("%s", err.message);
    hl_model *run = hl_dynamic_model(d);
    /* the import takes the demands at the pattern's first step */
    assert_int_equal(hl_model_set_demand_scale(run, 1.0), HL_OK);
    if (hl_dynamic_restart(d))
        fail_msg("%s: %s", c->name, hl_dynamic_error(d));
    double worst = 0.0, sum2 = 0.0;
    int compared = 0, r = 0, kept = 0;
    const char *worst_id = "";
    long worst_t = 0;
    for (int h = 0; h < 24; h++) {
        assert_int_equal(hl_model_set_demand_scale(run, mult[h] / mult[0]),
                         HL_OK);
        for (int j = 0; j < 12; j++)
            assert_int_equal(hl_dynamic_step(d), HL_OK);
        long t = 3600L * (h + 1);
        /* an hour without a feasible steady state kept the last hour's
         * flows (hl_dynamic_energy.kept_flow_hours): not EPANET's */
        hl_dynamic_energy en;
        hl_dynamic_energy_state(d, &en);
        int kept_now = en.kept_flow_hours > kept;
        kept = en.kept_flow_hours;
        for (; r < nref && rows[r].t <= t; r++) {
            if (rows[r].t != t || t < 2 * 3600 || kept_now)
                continue;
            int v = hl_model_find(run, HL_NODE, rows[r].id);
            assert_true(v >= 0);
            hl_dynamic_node nd;
            hl_dynamic_node_state(d, v, &nd);
            double mine =
                c->ambient_c + scale * (nd.temp_k - HL_ZERO_C_K - c->ambient_c);
            double e = mine - rows[r].q;
            sum2 += e * e;
            compared++;
            if (fabs(e) > worst) {
                worst = fabs(e);
                worst_id = rows[r].id;
                worst_t = t;
            }
        }
    }
    print_message("%s: %d values, RMS %.4f K, worst %.4f K (%s at %ld s); "
                  "%d hours kept the last flows\n",
                  c->name, compared, sqrt(sum2 / compared), worst, worst_id,
                  worst_t, kept);
    assert_true(compared > 20);
    assert_true(kept <= c->kept_max);
    assert_true(worst <= 0.05);
    hl_dynamic_free(d);
    hl_model_free(m);
}

static void line_1000(void **state)
{
    (void)state;
    /* the .inp's reservoir is open water (EPANET: pressure 0 at a
     * reservoir): at 120 C it boils, a state heatline refuses to carry
     * water with; at 95 C it does not, and the decay is the same */
    const qcase c = {"line_1000_ts24", 120.0, 0.0, 0.5, 4250.0, 95.0, 0};
    against_epanet(&c);
}

static void grid_1000(void **state)
{
    (void)state;
    /* at the peak hour (x1.28, 07:00-08:00) the far corner J864 falls to
     * 0.60 bar(a), below the vapour pressure at 89 C: heatline keeps the
     * last flows for that hour, EPANET (isothermal) solves on */
    const qcase c = {"grid_1000_ts24", 90.0, 10.0, 0.6, 4205.0, 90.0, 1};
    against_epanet(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_1000),
        cmocka_unit_test(grid_1000),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
