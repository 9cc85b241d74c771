/*
 * test_inp_import.c - the EPANET .inp importer beyond the comparison
 * networks: US units (GPM, ft, in, millifeet), patterns, the demand
 * multiplier and [DEMANDS], [STATUS], a TCV and a PBV, tanks, the thermal
 * data from options, and the errors for what is not supported (each naming
 * the file and line).
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define FT  0.3048
#define GPM (FT * FT * FT / 448.831) /* m3/s, EPANET's factor */

static const char us_net[] =
    "[TITLE]\nus units\n\n"
    "[JUNCTIONS]\n;id elev demand pattern\n"
    " J1 100 0\n J2 90 100 day\n J3 80 50\n\n"
    "[RESERVOIRS]\n R1 250\n\n"
    "[TANKS]\n T1 150 20 0 40 50 0\n\n"
    "[PIPES]\n"
    " P1 R1 J1 1000 12 0.5 0 Open\n"
    " P2 J1 J2 800 8 0.5 0 Open\n"
    " P3 J2 J3 600 6 0.5 0 Open\n"
    " P4 T1 J3 500 6 0.5 0 CV\n\n"
    "[VALVES]\n V1 J1 J3 6 TCV 5 0\n\n"
    "[PATTERNS]\n day 1.5 1.0\n\n"
    "[DEMANDS]\n J3 40 day\n J3 10\n\n"
    "[STATUS]\n P4 Closed\n\n"
    "[OPTIONS]\n Units GPM\n Headloss D-W\n Demand Multiplier 2\n\n"
    "[END]\n";

static hl_model *load_inp(const char *text, int expect_ok)
{
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    o.inp_u_w_m2k = 1.0;
    o.inp_supply_temp_k = 273.15 + 70.0;
    int rc = hl_model_load_text(&m, text, strlen(text), "net.inp", NULL, &o);
    if (expect_ok && rc)
        fail_msg("%s", hl_model_error(m));
    if (!expect_ok)
        assert_int_not_equal(rc, HL_OK);
    return m;
}

static double node_demand(hl_model *m, const char *id)
{
    hl_node_result r;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, id), &r);
    return r.demand_kg_s;
}

static void us_units_and_demands(void **state)
{
    (void)state;
    hl_model *m = load_inp(us_net, 1);
    if (hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    double rho = 998.2;
    /* J2: 100 GPM x pattern 1.5 x multiplier 2 */
    assert_true(fabs(node_demand(m, "J2") - 300 * GPM * rho) < 1e-9);
    /* J3: [DEMANDS] replaces the junction's 50: (40 x 1.5 + 10) x 2 */
    assert_true(fabs(node_demand(m, "J3") - 140 * GPM * rho) < 1e-9);
    hl_node_result r1, t1;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "R1"), &r1);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "T1"), &t1);
    assert_true(fabs(r1.head_m - 250 * FT) < 1e-9);
    assert_true(fabs(t1.head_m - 170 * FT) < 1e-9); /* elevation + level */
    /* P4 closed by [STATUS]: everything comes from R1 */
    assert_true(fabs(r1.external_kg_s - 440 * GPM * rho) < 1e-9);
    hl_pipe_result p;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "P2"), &p);
    assert_true(fabs(p.inner_diameter_m - 8 * FT / 12) < 1e-12);
    assert_true(p.heat_loss_w > 0.0); /* U from the options */
    hl_model_free(m);
}

static void unsupported_named(void **state)
{
    (void)state;
    static const char *bad[][2] = {
        {"[PIPES]\n P1 A B 10 100 0.1\n[VALVES]\n V A B 100 PRV 30\n"
         "[OPTIONS]\n Units LPS\n Headloss D-W\n",
         "net.inp:4:"},
        {"[JUNCTIONS]\n A 0 1\n[OPTIONS]\n Units LPS\n Headloss H-Z\n",
         "net.inp:5:"},
        {"[JUNCTIONS]\n A 0 x\n[OPTIONS]\n Units LPS\n Headloss D-W\n",
         "net.inp:2:"},
        {"[EMITTERS]\n A 0.5\n[OPTIONS]\n Headloss D-W\n", "net.inp:2:"},
        {"[PUMPS]\n PU A B POWER 10\n[OPTIONS]\n Headloss D-W\n",
         "net.inp:2:"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hl_model *m = load_inp(bad[i][0], 0);
        if (!strstr(hl_model_error(m), bad[i][1]))
            fail_msg("case %zu: '%s' lacks %s", i, hl_model_error(m),
                     bad[i][1]);
        hl_model_free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(us_units_and_demands),
                                       cmocka_unit_test(unsupported_named)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
