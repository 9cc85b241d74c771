/*
 * test_water_cases.c - the published check values of IAPWS-IF97 region 1
 * and region 4, the IAPWS 2008 viscosity and the IAPWS 2011 thermal
 * conductivity: every row of ../shared/validation/water_cases.csv (read as
 * it is) and of tests/validation/water_cases_extra.csv, to its rel_tol.
 */
#include "test_support.h"

#include "heatline.h"
#include "physics/water.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

static double col_num(const csv_table *t, int r, const char *name)
{
    int c = csv_table_col(t, name);
    double v;
    return c >= 0 && parse_double(t->rows[r][c], &v) ? v : NAN;
}

/* The model's value in the unit of the table. */
static double computed(const char *q, double t, double p_mpa, double rho)
{
    water_state s;
    if (!isnan(p_mpa))
        water_region1(t, p_mpa * 1e6, &s);
    if (strcmp(q, "specific_volume") == 0)
        return s.v;
    if (strcmp(q, "specific_enthalpy") == 0)
        return s.h * 1e-3;
    if (strcmp(q, "cp") == 0)
        return s.cp * 1e-3;
    if (strcmp(q, "speed_of_sound") == 0)
        return s.w;
    if (strcmp(q, "viscosity") == 0)
        return water_viscosity(t, rho) * 1e6;
    if (strcmp(q, "thermal_conductivity") == 0)
        return water_conductivity_background(t, rho) * 1e3;
    if (strcmp(q, "saturation_pressure") == 0)
        return water_psat(t) * 1e-6;
    return NAN;
}

static int run_file(const char *path)
{
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(csv_table_load(path, &t, &err), HL_OK);
    int idc = csv_table_col(&t, "id"), qc = csv_table_col(&t, "quantity");
    int bad = 0;
    for (int r = 0; r < t.n_rows; r++) {
        double tk = col_num(&t, r, "temp_k");
        double p = col_num(&t, r, "pressure_mpa");
        double rho = col_num(&t, r, "density_kg_per_m3");
        double want = col_num(&t, r, "expected");
        double tol = col_num(&t, r, "rel_tol");
        double got = computed(t.rows[r][qc], tk, p, rho);
        double rel = fabs(got - want) / fabs(want);
        if (!(rel <= tol)) {
            fprintf(stderr,
                    "%s %s: got %.10g, expected %.10g (rel %.2e > "
                    "%.0e)\n",
                    t.rows[r][idc], t.rows[r][qc], got, want, rel, tol);
            bad++;
        }
    }
    assert_true(t.n_rows > 0);
    csv_table_free(&t);
    return bad;
}

static void shared_cases(void **state)
{
    (void)state;
    assert_int_equal(run_file(shared_validation_file("water_cases.csv")), 0);
}

static void extra_cases(void **state)
{
    (void)state;
    assert_int_equal(
        run_file(test_data_file("validation/water_cases_extra.csv")), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(shared_cases),
                                       cmocka_unit_test(extra_cases)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
