/*
 * test_fittings.c - the fitting catalogue and the patch model: coverage of
 * the catalogue, areas, conservation (the fitting is the sum of its
 * patches, isothermal patches match the surface engine), the effect of a
 * coating at 60-150 C, monotonic thickness, burn thresholds and verdicts,
 * the minimum coating, covers, bad input, and fins on the jump of the
 * convection coefficient.
 */
#include "test_support.h"

#include "fittings/fittings_internal.h"
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
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_catalog_new(&f.cat, &err) ||
        hl_material_db_new(&f.db, &err)) {
        fprintf(stderr, "setup: %s\n", err.message);
        return -1;
    }
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

static void conditions(hl_fitting_conditions *c, double medium_c, double air_c)
{
    hl_fitting_conditions_init(c);
    c->medium_k = medium_c + HL_ZERO_C_K;
    c->air_k = c->radiant_k = air_c + HL_ZERO_C_K;
}

static void coat(const fixture *f, hl_fitting_conditions *c, double mm)
{
    hl_fitting_cover_from_material(hl_material_find(f->db, "ceramic-microbead"),
                                   HL_FIT_COATED, mm * 1e-3, &c->cover);
}

/* ---- catalogue ------------------------------------------------------------
 */

static void catalogue_covers_every_type(void **state)
{
    fixture *f = *state;
    int seen[HL_FIT_N_TYPES][2] = {{0}};
    for (int id = 0; id < hl_fitting_count(f->cat); id++) {
        hl_fitting_info in;
        assert_int_equal(hl_fitting_info_at(f->cat, id, &in), HL_OK);
        assert_true(in.dn >= 50 && in.dn <= 1600);
        assert_true(in.pn == 16 || in.pn == 25);
        assert_true(in.area_m2 > 0.0 && in.n_patches > 0);
        assert_true(in.n_patches <= HL_FITTING_MAX_PATCHES);
        assert_true(in.source && *in.source);
        seen[in.type][in.pn == 25] = 1;
        int again;
        assert_int_equal(
            hl_fitting_find(f->cat, in.type, in.dn, in.pn, &again, NULL),
            HL_OK);
        assert_int_equal(again, id);
        /* next to every key (the look-up bisects a sorted index): none */
        assert_int_equal(
            hl_fitting_find(f->cat, in.type, in.dn, in.pn + 1, &again, NULL),
            HL_ENOTFOUND);
        assert_int_equal(
            hl_fitting_find(f->cat, in.type, in.dn + 1, in.pn, &again, NULL),
            HL_ENOTFOUND);
    }
    int none;
    assert_int_equal(hl_fitting_find(f->cat, -1, 100, 16, &none, NULL),
                     HL_ENOTFOUND);
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_N_TYPES, 100, 16, &none, NULL),
        HL_ENOTFOUND);
    for (int t = 0; t < HL_FIT_N_TYPES; t++) {
        assert_true(seen[t][0] && seen[t][1]);
        assert_int_equal(hl_fitting_type_from_name(hl_fitting_type_name(t)), t);
    }
    int id; /* the Hohhot chamber's fittings exist */
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_BUTTERFLY_VALVE, 1600, 25, &id, NULL),
        HL_OK);
    assert_int_equal(hl_fitting_find(f->cat, HL_FIT_BELLOWS_COMPENSATOR, 1600,
                                     25, &id, NULL),
                     HL_OK);
}

static void find_says_which_sizes_exist(void **state)
{
    fixture *f = *state;
    hl_error err;
    int id;
    hl_error_clear(&err);
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_GLOBE_VALVE, 1600, 16, &id, &err),
        HL_ENOTFOUND);
    assert_non_null(strstr(err.message, "DNs there: 50, 65"));
    assert_non_null(strstr(err.message, "300"));
    hl_error_clear(&err);
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_GATE_VALVE, 100, 40, &id, &err),
        HL_ENOTFOUND);
    assert_non_null(strstr(err.message, "PN there: 16, 25"));
    assert_int_equal(hl_fitting_type_from_name("gate valve"), -1);
}

/* ---- conservation
 * ------------------------------------------------------------ */

/* Areas: the result's area is the sum of the patch areas, which is the sum
 * of the catalogue's patch areas times their copies. */
static void patch_areas_sum(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    conditions(&c, 110, 25);
    for (int id = 0; id < hl_fitting_count(f->cat); id++) {
        hl_fitting_result r;
        assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
        const fit_entry *e = &f->cat->entries[id];
        double sum = 0.0, cat_sum = 0.0;
        for (int p = 0; p < r.n_patches; p++) {
            sum += r.patch[p].area_m2;
            const fit_patch *fp = &f->cat->patches[e->first + p];
            cat_sum += fp->area * fp->count;
            assert_true(fp->area > 0.0 && fp->count >= 1.0);
        }
        assert_true(fabs(sum - r.area_m2) <= 1e-12 * r.area_m2);
        assert_true(fabs(cat_sum - r.area_m2) <= 1e-12 * r.area_m2);
    }
}

/* Bare: the fitting's loss is the sum of its bare patches; every
 * isothermal patch equals the surface engine's outer flux at the metal
 * temperature times its area, computed here independently; every fin loses
 * less than it would if it were isothermal (0 < eta <= 1). */
static void bare_is_sum_of_bare_patches(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    conditions(&c, 130, 25);
    for (int id = 0; id < hl_fitting_count(f->cat); id++) {
        hl_fitting_result r;
        assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
        const fit_entry *e = &f->cat->entries[id];
        double sum = 0.0;
        for (int p = 0; p < r.n_patches; p++) {
            const fit_patch *fp = &f->cat->patches[e->first + p];
            sum += r.patch[p].heat_w;
            assert_true(r.patch[p].efficiency > 0.0 &&
                        r.patch[p].efficiency <= 1.0 + 1e-12);
            if (fp->kind >= PATCH_FIN_ANNULAR)
                continue;
            hl_outer_bc bc;
            memset(&bc, 0, sizeof bc);
            bc.air_k = bc.radiant_k = c.air_k;
            bc.emissivity = 0.9;
            bc.set = HL_COEF_ISO12241;
            bc.geometry = fp->kind == PATCH_CYL_H ? HL_GEOM_HORIZONTAL_CYLINDER
                          : fp->kind == PATCH_CYL_V  ? HL_GEOM_VERTICAL_CYLINDER
                          : fp->kind == PATCH_SPHERE ? HL_GEOM_SPHERE
                          : fp->kind == PATCH_PLATE_UP ? HL_GEOM_PLATE_UP
                          : fp->kind == PATCH_PLATE_DOWN
                              ? HL_GEOM_PLATE_DOWN
                              : HL_GEOM_VERTICAL_WALL;
            bc.length_m = fp->char_m;
            double q =
                hl_outer_flux(&bc, c.medium_k, fp->d) * fp->area * fp->count;
            assert_true(fabs(q - r.patch[p].heat_w) <= 1e-9 * q);
        }
        assert_true(fabs(sum - r.heat_loss_w) <= 1e-9 * r.heat_loss_w);
        assert_true(fabs(r.max_surface_k - c.medium_k) < 1e-9);
    }
}

/* ---- coatings --------------------------------------------------------------
 */

/* A coating lowers the loss of every catalogue fitting at 60-150 C: the
 * thinnest parts (stems of 24 mm) are far beyond the critical radius of a
 * 0.035 W/(m K) coating (lambda / h, about 3 mm). */
static void coating_lowers_every_loss(void **state)
{
    fixture *f = *state;
    for (int id = 0; id < hl_fitting_count(f->cat); id++)
        for (double t = 60; t <= 150; t += 30) {
            hl_fitting_conditions c;
            hl_fitting_result bare, coated;
            conditions(&c, t, 20);
            assert_int_equal(hl_fitting_solve(f->cat, id, &c, &bare, NULL),
                             HL_OK);
            coat(f, &c, 1.0);
            assert_int_equal(hl_fitting_solve(f->cat, id, &c, &coated, NULL),
                             HL_OK);
            assert_true(coated.heat_loss_w < bare.heat_loss_w);
            assert_true(coated.max_surface_k < bare.max_surface_k);
        }
}

static void monotonic_in_thickness(void **state)
{
    fixture *f = *state;
    for (int id = 0; id < hl_fitting_count(f->cat); id++) {
        double last_q = INFINITY, last_t = INFINITY;
        for (double mm = 0.5; mm <= 64; mm *= 2) {
            hl_fitting_conditions c;
            hl_fitting_result r;
            conditions(&c, 110, 25);
            coat(f, &c, mm);
            assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
            assert_true(r.heat_loss_w < last_q);
            assert_true(r.max_surface_k < last_t);
            assert_true(r.mean_surface_k <= r.max_surface_k + 1e-9);
            last_q = r.heat_loss_w;
            last_t = r.max_surface_k;
        }
    }
}

/* A jacket of the same material and thickness as a coating is the same
 * conformal layer: same heat (docs/physics.md, jackets without air gap). */
static void jacket_is_conformal_layer(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_fitting_result a, b;
    int id;
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_GATE_VALVE, 150, 16, &id, NULL), HL_OK);
    conditions(&c, 110, 25);
    assert_int_equal(
        hl_fitting_cover_parse(f->db, "jacket k=0.04:25", &c.cover, NULL),
        HL_OK);
    assert_int_equal(hl_fitting_solve(f->cat, id, &c, &a, NULL), HL_OK);
    assert_int_equal(
        hl_fitting_cover_parse(f->db, "coated k=0.04:25", &c.cover, NULL),
        HL_OK);
    assert_int_equal(hl_fitting_solve(f->cat, id, &c, &b, NULL), HL_OK);
    assert_true(fabs(a.heat_loss_w - b.heat_loss_w) < 1e-9 * a.heat_loss_w);
    assert_true(a.heat_loss_w < 0.2 * 1e3); /* 25 mm: a fraction of bare */
}

/* ---- burn safety
 * --------------------------------------------------------------- */

static void burn_thresholds(void **state)
{
    fixture *f = *state;
    double t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(hl_burn_threshold(f->cat, HL_CONTACT_METAL, 1.0, &t, NULL),
                     HL_OK);
    assert_true(fabs(t - HL_ZERO_C_K - 62.0) < 1e-9);
    assert_int_equal(
        hl_burn_threshold(f->cat, HL_CONTACT_METAL, 10.0, &t, NULL),
        HL_OK); /* log-linear between 5 s (56) and 60 s (51) */
    assert_true(fabs(t - HL_ZERO_C_K - (56.0 - 5.0 * log(2) / log(12))) < 1e-9);
    assert_int_equal(
        hl_burn_threshold(f->cat, HL_CONTACT_PLASTIC, 86400.0, &t, NULL),
        HL_OK);
    assert_true(fabs(t - HL_ZERO_C_K - 43.0) < 1e-9);
    assert_int_equal(hl_burn_threshold(f->cat, HL_CONTACT_METAL, 0.3, &t, &err),
                     HL_ERANGE);
    assert_non_null(strstr(err.message, "0.5 s"));
    for (int cls = 0; cls < HL_CONTACT_N_CLASSES; cls++) {
        double last = INFINITY; /* thresholds fall with contact time */
        for (double s = 0.5; s < 30000; s *= 2) {
            assert_int_equal(hl_burn_threshold(f->cat, cls, s, &t, NULL),
                             HL_OK);
            assert_true(t <= last);
            last = t;
        }
    }
}

static void verdicts(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_fitting_result r;
    int id;
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_FLANGE_PAIR, 300, 16, &id, NULL), HL_OK);
    conditions(&c, 110, 25);
    assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
    assert_int_equal(r.verdict, HL_VERDICT_FAIL);
    assert_true(fabs(r.effective_limit_k - c.limit_k) < 1e-9);
    c.limit_k = HL_ZERO_C_K + 120; /* the 62 C metal burn threshold rules */
    assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
    assert_int_equal(r.verdict, HL_VERDICT_FAIL);
    assert_true(fabs(r.effective_limit_k - HL_ZERO_C_K - 62.0) < 1e-9);
    conditions(&c, 45, 25);
    assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
    assert_int_equal(r.verdict, HL_VERDICT_PASS);
}

/* At the minimum thickness every fitting passes, and the answer is not
 * wastefully thick: the hottest surface is within 3 K of the limit (the
 * safe-side assumption for handwheel and gearbox tips costs at most that). */
static void minimum_coating_passes(void **state)
{
    fixture *f = *state;
    const hl_material *m = hl_material_find(f->db, "ceramic-microbead");
    for (int id = 0; id < hl_fitting_count(f->cat); id++) {
        hl_fitting_conditions c;
        hl_fitting_result r;
        double t;
        conditions(&c, 130, 25);
        assert_int_equal(hl_fitting_min_coating(f->cat, id, &c, m, 0, &t, NULL),
                         HL_OK);
        assert_true(t > 0.002 && t < 0.05);
        coat(f, &c, t * 1e3 * (1 + 1e-9));
        assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
        assert_int_equal(r.verdict, HL_VERDICT_PASS);
        assert_true(r.max_surface_k > c.limit_k - 3.0);
    }
}

static void minimum_coating_limits(void **state)
{
    fixture *f = *state;
    const hl_material *m = hl_material_find(f->db, "ceramic-microbead");
    hl_fitting_conditions c;
    hl_error err;
    double t;
    int id;
    assert_int_equal(
        hl_fitting_find(f->cat, HL_FIT_GATE_VALVE, 100, 16, &id, NULL), HL_OK);
    conditions(&c, 45, 25); /* already under the limit */
    assert_int_equal(hl_fitting_min_coating(f->cat, id, &c, m, 0, &t, NULL),
                     HL_OK);
    assert_true(t == 0.0);
    conditions(&c, 110, 25); /* a limit below the air: no coating can */
    c.limit_k = HL_ZERO_C_K + 24;
    hl_error_clear(&err);
    assert_int_equal(hl_fitting_min_coating(f->cat, id, &c, m, 0, &t, &err),
                     HL_EUNREACHABLE);
    assert_non_null(strstr(err.message, "no ceramic-microbead thickness"));
    conditions(&c, 250, 25); /* beyond the coating's service limit */
    hl_error_clear(&err);
    assert_int_equal(hl_fitting_min_coating(f->cat, id, &c, m, 0, &t, &err),
                     HL_EINVAL);
    assert_non_null(strstr(err.message, "service limit"));
}

/* ---- covers and bad input
 * ----------------------------------------------------- */

static void covers(void **state)
{
    fixture *f = *state;
    hl_fitting_cover cv;
    hl_error err;
    assert_int_equal(hl_fitting_cover_parse(f->db, "  bare ", &cv, NULL),
                     HL_OK);
    assert_int_equal(cv.state, HL_FIT_BARE);
    assert_int_equal(
        hl_fitting_cover_parse(f->db, "coated ceramic-microbead:8", &cv, NULL),
        HL_OK);
    assert_int_equal(cv.state, HL_FIT_COATED);
    assert_true(fabs(cv.layer.thickness_m - 0.008) < 1e-15);
    assert_int_equal(cv.contact_class, HL_CONTACT_PLASTIC);
    assert_true(fabs(cv.emissivity - 0.9) < 1e-12);
    assert_int_equal(
        hl_fitting_cover_parse(f->db, "jacket aluminium-jacket:1", &cv, NULL),
        HL_OK);
    assert_int_equal(cv.contact_class, HL_CONTACT_METAL);
    assert_true(fabs(cv.emissivity - 0.2) < 1e-12);
    static const char *const bad[] = {"coated",
                                      "bare 3",
                                      "painted x:2",
                                      "jacket k=0:25",
                                      "jacket foo:25",
                                      "coated k=0.04:-1",
                                      "coated ceramic-microbead:abc",
                                      ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hl_error_clear(&err);
        assert_true(hl_fitting_cover_parse(f->db, bad[i], &cv, &err) != HL_OK);
        assert_true(strlen(err.message) > 10);
    }
}

static void bad_conditions(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_fitting_result r;
    hl_error err;
    conditions(&c, 110, 25);
    c.medium_k = NAN;
    assert_int_equal(hl_fitting_solve(f->cat, 0, &c, &r, NULL), HL_EINVAL);
    conditions(&c, 110, 25);
    c.wind_m_s = -1;
    assert_int_equal(hl_fitting_solve(f->cat, 0, &c, &r, NULL), HL_EINVAL);
    conditions(&c, 110, 25);
    assert_int_equal(hl_fitting_solve(f->cat, -1, &c, &r, NULL), HL_EINVAL);
    assert_int_equal(
        hl_fitting_solve(f->cat, hl_fitting_count(f->cat), &c, &r, NULL),
        HL_EINVAL);
    conditions(&c, 250, 25); /* coating below its service limit: an error */
    coat(f, &c, 8);
    hl_error_clear(&err);
    assert_int_equal(hl_fitting_solve(f->cat, 0, &c, &r, &err), HL_EINVAL);
    assert_non_null(strstr(err.message, "service limit 200 C"));
}

/* Heat gain when the medium is colder than the air: the patch model holds
 * for negative driving differences too (no NaN, signs right). */
static void heat_gain(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_fitting_result r;
    conditions(&c, 10, 30);
    coat(f, &c, 4);
    for (int id = 0; id < hl_fitting_count(f->cat); id++) {
        assert_int_equal(hl_fitting_solve(f->cat, id, &c, &r, NULL), HL_OK);
        assert_true(r.heat_loss_w < 0.0 && isfinite(r.mean_surface_k));
    }
}

/* Largest relative step of the heat loss of entry (type, dn, pn) over
 * medium temperatures t0 .. t1 C in steps of dt (air 25 C), and the
 * largest step of the hottest surface (K). */
static void steps(const fixture *f, hl_fitting_conditions *c, int type, int dn,
                  int pn, double t0, double t1, double dt, double *dq_max,
                  double *dts_max)
{
    int id = -1;
    assert_int_equal(hl_fitting_find(f->cat, type, dn, pn, &id, NULL), HL_OK);
    hl_fitting_result r, prev;
    *dq_max = *dts_max = 0.0;
    for (int i = 0; t0 + i * dt <= t1; i++) {
        c->medium_k = HL_ZERO_C_K + t0 + i * dt;
        assert_int_equal(hl_fitting_solve(f->cat, id, c, &r, NULL), HL_OK);
        if (i > 0) {
            double dq = fabs(r.heat_loss_w - prev.heat_loss_w);
            *dq_max = fmax(*dq_max, dq / r.heat_loss_w);
            *dts_max =
                fmax(*dts_max, fabs(r.max_surface_k - prev.max_surface_k));
        }
        prev = r;
    }
}

/* Fins whose surface sits on the jump of ISO 12241's convection
 * coefficient (laminar to turbulent) take a temperature on the jump, so
 * the heat loss follows the medium temperature without steps: the bare
 * DN300 gate valve's handwheel stem near 115 C (a 5 % step before), the
 * jacketed DN1400 butterfly valve's flanges near 45 C (flipping by
 * 0.45 % between 1 mK apart before). Steps of 1 mK. */
static void fins_on_convection_jump(void **state)
{
    fixture *f = *state;
    hl_fitting_conditions c;
    hl_material_db *db = f->db;
    double dq, dts;
    conditions(&c, 0, 25);
    steps(f, &c, hl_fitting_type_from_name("gate-valve"), 300, 25, 114.5, 116.0,
          1e-3, &dq, &dts);
    assert_true(dq < 1e-3 && dts < 1.5e-3); /* bare: surface = medium */
    hl_fitting_cover_from_material(hl_material_find(db, "aerogel-blanket"),
                                   HL_FIT_JACKETED, 0.030, &c.cover);
    steps(f, &c, hl_fitting_type_from_name("butterfly-valve"), 1400, 16, 44.0,
          46.0, 1e-3, &dq, &dts);
    assert_true(dq < 1e-3 && dts < 1.5e-3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(catalogue_covers_every_type),
        cmocka_unit_test(find_says_which_sizes_exist),
        cmocka_unit_test(patch_areas_sum),
        cmocka_unit_test(bare_is_sum_of_bare_patches),
        cmocka_unit_test(coating_lowers_every_loss),
        cmocka_unit_test(monotonic_in_thickness),
        cmocka_unit_test(jacket_is_conformal_layer),
        cmocka_unit_test(burn_thresholds),
        cmocka_unit_test(verdicts),
        cmocka_unit_test(minimum_coating_passes),
        cmocka_unit_test(minimum_coating_limits),
        cmocka_unit_test(covers),
        cmocka_unit_test(bad_conditions),
        cmocka_unit_test(heat_gain),
        cmocka_unit_test(fins_on_convection_jump),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
