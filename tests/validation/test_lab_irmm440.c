/*
 * test_lab_irmm440.c - the certified lambda(T) of IRMM-440 (resin-bonded
 * glass fibre board, guarded hot plate, six laboratories; source and the
 * reading of its powers of ten in lab_irmm440.csv) as hot-plate runs: the
 * runs are the certificate's curve at its test conditions (the
 * laboratories' raw results are not published with it), reduced by the
 * plate set-up and fitted with the automatic model choice. The fit must
 * reproduce the certified curve within the stated expanded uncertainty
 * over the certified range, pick the quadratic the certificate uses, and
 * declare no value below the certified one.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

typedef struct certificate {
    double t_min, t_max, c[3], u95;
} certificate;

static void read_certificate(certificate *cert)
{
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        csv_table_load(test_data_file("validation/lab_irmm440.csv"), &t, &err),
        HL_OK);
    static const char *const cols[] = {"t_min_c",
                                       "t_max_c",
                                       "c0_w_per_mk",
                                       "c1_w_per_mk_per_c",
                                       "c2_w_per_mk_per_c2",
                                       "expanded_u_w_per_mk"};
    double v[6];
    for (int j = 0; j < 6; j++) {
        int col = csv_table_require(&t, cols[j], &err);
        assert_true(col >= 0);
        assert_true(parse_double(t.rows[0][col], &v[j]));
    }
    *cert = (certificate){v[0], v[1], {v[2], v[3], v[4]}, v[5]};
    csv_table_free(&t);
}

static double certified(const certificate *c, double t)
{
    return c->c[0] + c->c[1] * t + c->c[2] * t * t;
}

/* Kirchhoff integral of the certified quadratic from a to b (C). */
static double integral(const certificate *c, double a, double b)
{
    double f = c->c[0] * (b - a) + c->c[1] * (b * b - a * a) / 2.0 +
               c->c[2] * (b * b * b - a * a * a) / 3.0;
    return f;
}

/* ISO 8302 runs: mean temperatures -10 .. 50 C every 5 K, dT 20 K and
 * 10 K alternately, 25 mm specimens, q = integral / d. */
static void runs_text(const certificate *c, char *buf, size_t len)
{
    size_t at = (size_t)snprintf(buf, len,
                                 "material,heat_flux_w_per_m2,thickness_mm,"
                                 "t_hot_c,t_cold_c,u_heat_flux_w_per_m2,"
                                 "u_thickness_mm,u_t_hot_k,u_t_cold_k\n");
    for (int i = 0; i <= 12; i++) {
        double tm = c->t_min + 5.0 * i, dt = i % 2 ? 10.0 : 20.0;
        double q = integral(c, tm - dt / 2, tm + dt / 2) / 0.025;
        at += (size_t)snprintf(buf + at, len - at,
                               "irmm-440,%.9g,25,%.6g,%.6g,%.4g,0.05,0.05,"
                               "0.05\n",
                               q, tm + dt / 2, tm - dt / 2, 0.005 * q);
    }
}

static void test_reproduces_certified_curve(void **state)
{
    (void)state;
    certificate c;
    read_certificate(&c);
    char text[4096];
    runs_text(&c, text, sizeof text);
    hl_lab_data d;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(
        hl_lab_read_text(text, strlen(text), "irmm-440 runs", 0, &d, &err),
        HL_OK);
    assert_int_equal(d.setup, HL_LAB_PLATE);
    hl_lab_point pts[16];
    int n = hl_lab_points(&d, "irmm-440", 0.0, pts, 16);
    assert_int_equal(n, 13);
    hl_lab_fit f;
    hl_lab_fit_options o = {0, 0.0, "irmm-440 runs", "irmm-440"};
    assert_int_equal(hl_lab_fit_lambda(pts, n, &o, &f, &err), HL_OK);
    assert_int_equal(f.degree, 2);
    double worst = 0.0;
    for (double t = c.t_min; t <= c.t_max + 1e-9; t += 1.0) {
        double tk = t + HL_ZERO_C_K;
        double dev = fabs(hl_lab_fit_eval(&f, tk, NULL) - certified(&c, t));
        worst = fmax(worst, dev);
        assert_true(hl_lab_declared(&f, tk) >= certified(&c, t));
    }
    fprintf(stderr, "IRMM-440: largest deviation %.3g W/(m K), U = %.3g\n",
            worst, c.u95);
    assert_true(worst <= c.u95);
    /* the certified coefficients come back in their own form */
    hl_conductivity lam = hl_lab_fit_conductivity(&f);
    assert_true(fabs(hl_lambda_at(&lam, HL_ZERO_C_K) - c.c[0]) < 1e-7);
    hl_lab_data_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reproduces_certified_curve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
