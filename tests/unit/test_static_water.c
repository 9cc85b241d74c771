/*
 * test_static_water.c - the static check (pumps stopped) of water
 * networks imported from EPANET (issue 15 with issue 13): a stopped pump
 * closes, so each zone rests at its own tanks and reservoirs, from the
 * lowest of them (boiling, negative pressure). Net1's zone behind its
 * pump stands at tank 2 (it was judged from the reservoir under the pump
 * and boiled at the tank); a zone with two tanks at different heads is
 * judged from the lower; a zone left without any tank or reservoir has
 * no static pressure.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

#define FT    0.3048
#define RHO_G (998.2 * 32.2 * FT) /* EPANET's water and gravity */

static hl_model *solved_text(const char *text)
{
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    if (hl_model_load_text(&m, text, strlen(text), "w.inp", NULL, &o) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

static double static_at(const hl_model *m, const char *id)
{
    double p, margin;
    assert_int_equal(
        hl_model_static_node(m, hl_model_find(m, HL_NODE, id), &p, &margin),
        HL_OK);
    return p;
}

static void net1_zone_at_its_tank(void **state)
{
    (void)state;
    hl_model *m;
    if (hl_model_load(&m, test_data_file("validation/epanet/Net1.inp")) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    int feasible = 0;
    assert_int_equal(hl_model_feasible(m, &feasible), HL_OK);
    assert_true(feasible);
    /* junction 10 (elevation 710 ft) under tank 2 (850 + 120 ft) */
    double want = RHO_G * (970.0 - 710.0) * FT;
    assert_true(fabs(static_at(m, "10") - want) < 1e-6 * want);
    /* the reservoir's own zone: the reservoir alone, at 0 bar(g) */
    assert_true(fabs(static_at(m, "9")) < 1e-9);
    hl_static_reference r;
    int found = 0;
    for (int i = 0; hl_model_static_reference(m, i, &r) == HL_OK; i++)
        found += r.node == hl_model_find(m, HL_NODE, "2") &&
                 fabs(r.static_head_m - 970.0 * FT) < 1e-9;
    assert_int_equal(found, 1);
    hl_model_free(m);
}

/* A pump from R1 lifts into a zone with a low tank TL (head 60 m) and a
 * high tank TH (head 80 m); J2 hangs off a pipe closed in the file. */
static const char two_tanks[] =
    "[JUNCTIONS]\n J1 20 5\n J2 20 0\n J3 30 5\n"
    "[RESERVOIRS]\n R1 10\n"
    "[TANKS]\n TL 50 10 0 20 10\n TH 70 10 0 20 10\n"
    "[PIPES]\n P1 J1 TL 500 200 120\n P2 J1 TH 500 200 120\n"
    " P3 J1 J3 300 150 120\n P4 J3 J2 300 150 120 0 Closed\n"
    "[PUMPS]\n PU R1 J1 HEAD C1\n[CURVES]\n C1 10 60\n"
    "[OPTIONS]\n Units LPS\n";

static void zone_from_its_lowest_tank(void **state)
{
    (void)state;
    hl_model *m = solved_text(two_tanks);
    double want = RHO_G * (60.0 - 30.0);
    assert_true(fabs(static_at(m, "J3") - want) < 1e-6 * want);
    want = RHO_G * 10.0; /* each tank at its own level */
    assert_true(fabs(static_at(m, "TH") - want) < 1e-6 * want);
    assert_true(fabs(static_at(m, "TL") - want) < 1e-6 * want);
    assert_true(isnan(static_at(m, "J2"))); /* cut off by P4 */
    hl_static_result s;
    assert_int_equal(hl_model_static_check(m, &s), HL_OK);
    assert_int_equal(s.node, hl_model_find(m, HL_NODE, "R1"));
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(net1_zone_at_its_tank),
        cmocka_unit_test(zone_from_its_lowest_tank)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
