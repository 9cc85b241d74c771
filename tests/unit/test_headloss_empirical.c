/*
 * test_headloss_empirical.c - Hazen-Williams and Chezy-Manning head loss
 * (src/physics/headloss_empirical.c) against their closed forms, written
 * out here independently: the textbook SI Hazen-Williams formula, EPANET's
 * own US-unit formula, Manning's formula with R = D/4; then a single
 * pipe of an imported .inp solved by the network engine, whose head loss
 * must be the closed form at the solved flow; the .inp [TITLE]; and the
 * sections one steady period does not apply, warned with their line.
 */
#include "test_support.h"

#include "heatline.h"
#include "physics/headloss_empirical.h"

#include <math.h>
#include <string.h>

#define FT 0.3048

/* EPANET's formula in feet and cfs (EPANET 2.2 manual, table 3.1:
 * 4.727 C^-1.852 d^-4.871 L q^1.852), then in metres. */
static double hw_epanet_m(double l_m, double d_m, double c, double q_m3s)
{
    double l = l_m / FT, d = d_m / FT, q = q_m3s / (FT * FT * FT);
    return FT * 4.727 * pow(c, -1.852) * pow(d, -4.871) * l * pow(q, 1.852);
}

static void hazen_williams_closed_form(void **state)
{
    (void)state;
    double dh;
    for (double c = 80; c <= 150; c += 35) {
        for (double d = 0.1; d < 1.7; d *= 2.0) {
            double q = 0.785 * d * d * 1.2; /* about 1.5 m/s */
            double r = hazen_williams_r(1000.0, d, c);
            double h = headloss_power(r, HAZEN_EXPONENT, q, &dh);
            double want = hw_epanet_m(1000.0, d, c, q);
            assert_true(fabs(h - want) <= 1e-12 * want);
            /* the SI textbook form 10.67 L Q^1.852 / (C^1.852 D^4.87):
             * the same law, constants rounded (a few 0.1 %) */
            double si = 10.67 * 1000.0 * pow(q, 1.852) /
                        (pow(c, 1.852) * pow(d, 4.8704));
            assert_true(fabs(h - si) <= 5e-3 * si);
            /* slope: n h / q, and odd in q */
            assert_true(fabs(dh - 1.852 * h / q) <= 1e-9 * dh);
            assert_true(headloss_power(r, HAZEN_EXPONENT, -q, &dh) == -h);
        }
    }
}

static void manning_closed_form(void **state)
{
    (void)state;
    double dh, d = 0.5, n = 0.013, q = 0.3, l = 800.0;
    double r = chezy_manning_r(l, d, n);
    double h = headloss_power(r, MANNING_EXPONENT, q, &dh);
    /* Manning (US): v = 1.49/n R^(2/3) S^(1/2), R = D/4, so
     * h = L (n v / 1.49)^2 / R^(4/3) (ft); EPANET's exponent 1.333 */
    double dft = d / FT, v = q / (FT * FT * FT) / (M_PI * dft * dft / 4.0);
    double want =
        FT * (l / FT) * pow(n * v / 1.49, 2.0) / pow(dft / 4.0, 1.333);
    assert_true(fabs(h - want) <= 1e-12 * want);
}

/* Below EPANET's RQtol slope (1e-7 ft/cfs) the law is linear. */
static void linear_at_tiny_flow(void **state)
{
    (void)state;
    double dh, r = hazen_williams_r(100.0, 0.2, 120.0);
    double h = headloss_power(r, HAZEN_EXPONENT, 0.0, &dh);
    assert_true(h == 0.0 && dh > 0.0 && isfinite(dh));
    double h2 = headloss_power(r, HAZEN_EXPONENT, 1e-15, &dh);
    assert_true(h2 > 0.0 && fabs(h2 - dh * 1e-15) < 1e-30);
}

static const char one_pipe[] =
    "[TITLE]\n  One H-W pipe  \nreservoir to a junction\nsecond line\n"
    "[JUNCTIONS]\n J1 10 50\n"
    "[RESERVOIRS]\n R1 60\n"
    "[PIPES]\n P1 R1 J1 2000 300 110 0 Open\n"
    "[OPTIONS]\n Units LPS\n\n[END]\n"; /* no Headloss: EPANET's H-W */

static void one_pipe_in_the_engine(void **state)
{
    (void)state;
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    int rc =
        hl_model_load_text(&m, one_pipe, strlen(one_pipe), "p.inp", NULL, &o);
    if (rc || hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    assert_string_equal(hl_model_name(m), "One H-W pipe");
    assert_string_equal(hl_model_description(m),
                        "reservoir to a junction second line");
    hl_node_result r, j;
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "R1"), &r);
    hl_model_node_result(m, hl_model_find(m, HL_NODE, "J1"), &j);
    double q = 50.0 * FT * FT * FT / 28.317; /* EPANET's L/s */
    double want = hw_epanet_m(2000.0, 0.3, 110.0, q);
    double got = r.head_m - j.head_m;
    if (!(fabs(got - want) <= 1e-6 * want))
        fail_msg("head loss %.9g m, closed form %.9g m", got, want);
    hl_model_free(m);
}

/* What an .inp holds but one steady period does not apply is a warning
 * of every solve, naming the section and its line: with a Duration the
 * [CONTROLS] are the extended period's (run --period), which the one
 * warning of [TIMES] says; without one, they are a warning of their own. */
static void sections_not_applied(void **state)
{
    (void)state;
    static const char t[] = "[JUNCTIONS]\n J1 10 50\n[RESERVOIRS]\n R1 60\n"
                            "[PIPES]\n P1 R1 J1 2000 300 110\n"
                            "[CONTROLS]\n LINK P1 CLOSED AT TIME 2\n"
                            "[TIMES]\n Duration 1:30\n[TAGS]\n NODE J1 x\n";
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    if (hl_model_load_text(&m, t, strlen(t), "n.inp", NULL, &o) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    assert_int_equal(hl_model_warning_count(m), 1);
    assert_non_null(
        strstr(hl_model_warning(m, 0), "n.inp:10: [TIMES] Duration 1.5 h"));
    assert_non_null(strstr(hl_model_warning(m, 0), "[CONTROLS] not applied"));
    hl_model_free(m);
    static const char u[] = "[JUNCTIONS]\n J1 10 50\n[RESERVOIRS]\n R1 60\n"
                            "[PIPES]\n P1 R1 J1 2000 300 110\n"
                            "[CONTROLS]\n LINK P1 CLOSED AT TIME 2\n";
    if (hl_model_load_text(&m, u, strlen(u), "n.inp", NULL, &o) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    assert_int_equal(hl_model_warning_count(m), 1);
    assert_non_null(strstr(hl_model_warning(m, 0),
                           "n.inp:8: [CONTROLS] (1 lines) not applied"));
    hl_model_free(m);
}

/* [ENERGY] Global Efficiency sets the pumps' efficiency (EPANET's 75 %
 * without it); its other lines are a warning. */
static void energy_efficiency(void **state)
{
    (void)state;
    static const char t[] =
        "[JUNCTIONS]\n J1 10 20\n[RESERVOIRS]\n R1 0\n"
        "[PIPES]\n P1 J0 J1 100 200 120\n[JUNCTIONS]\n J0 0 0\n"
        "[PUMPS]\n PU R1 J0 HEAD C1\n[CURVES]\n C1 20 40\n"
        "[ENERGY]\n Global Efficiency 50\n Global Price 0.1\n"
        "[OPTIONS]\n Units LPS\n";
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    if (hl_model_load_text(&m, t, strlen(t), "e.inp", NULL, &o) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    hl_pump_result r;
    hl_model_pump_result(m, 0, &r);
    assert_true(r.efficiency == 0.5);
    assert_true(fabs(r.electric_w - r.hydraulic_w / 0.5) < 1e-6);
    int found = 0; /* other checks may warn about the pump too */
    for (int i = 0; i < hl_model_warning_count(m); i++)
        found += strstr(hl_model_warning(m, i),
                        "e.inp:15: [ENERGY] (1 lines besides Global "
                        "Efficiency) not applied") != NULL;
    assert_int_equal(found, 1);
    hl_model_free(m);
}

static void bad_coefficients(void **state)
{
    (void)state;
    static const char *bad[][2] = {
        {"[PIPES]\n P1 A B 10 100 0\n[OPTIONS]\n Headloss H-W\n",
         "p.inp:2: pipe 'P1': Hazen-Williams C factor 0 is outside"},
        {"[PIPES]\n P1 A B 10 100 0.5\n[OPTIONS]\n Headloss C-M\n",
         "p.inp:2: pipe 'P1': Manning roughness n 0.5 is outside"},
        {"[OPTIONS]\n Headloss X-Y\n",
         "p.inp:2: unknown head loss formula 'X-Y'"},
        {"[JUNCTIONS]\n J1 10 50\n[PIPEZ]\n P1 A B 10 100 100\n",
         "p.inp:3: unknown section [PIPEZ]"},
        {"[TIMES]\n Duration 1:xx\n",
         "p.inp:2: [TIMES] Duration '1:xx': expected hours"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hl_model *m;
        hl_load_options o;
        hl_load_options_init(&o);
        assert_int_not_equal(hl_model_load_text(&m, bad[i][0],
                                                strlen(bad[i][0]), "p.inp",
                                                NULL, &o),
                             HL_OK);
        if (!strstr(hl_model_error(m), bad[i][1]))
            fail_msg("case %zu: '%s' lacks '%s'", i, hl_model_error(m),
                     bad[i][1]);
        hl_model_free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hazen_williams_closed_form),
        cmocka_unit_test(manning_closed_form),
        cmocka_unit_test(linear_at_tiny_flow),
        cmocka_unit_test(one_pipe_in_the_engine),
        cmocka_unit_test(sections_not_applied),
        cmocka_unit_test(energy_efficiency),
        cmocka_unit_test(bad_coefficients)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
