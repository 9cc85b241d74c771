/*
 * test_fin.c - the fin kernels of physics/fin.c: the scaled Bessel
 * functions against tabulated values and their Wronskian, and the fin
 * efficiencies against independent finite-difference solutions of the fin
 * equations.
 */
#include "test_support.h"

#include "physics/fin.h"

#include <math.h>
#include <stdlib.h>

/* Values of A&S Table 9.8 / standard references (10 digits). */
static void bessel_values(void **state)
{
    (void)state;
    static const struct {
        double x, i0, i1, k0, k1;
    } v[] = {
        {0.1, 1.002501562, 0.05006252604, 2.427069025, 9.853844780},
        {1.0, 1.266065878, 0.5651591040, 0.4210244382, 0.6019072302},
        {2.0, 2.279585302, 1.590636855, 0.1138938727, 0.1398658818},
        {5.0, 27.23987182, 24.33564214, 0.003691098334, 0.004044613445},
        {10.0, 2815.716628, 2670.988304, 1.778006232e-5, 1.864877345e-5},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        double x = v[i].x;
        assert_true(fabs(bessel_i0e(x) * exp(x) / v[i].i0 - 1) < 3e-7);
        assert_true(fabs(bessel_i1e(x) * exp(x) / v[i].i1 - 1) < 3e-7);
        assert_true(fabs(bessel_k0e(x) * exp(-x) / v[i].k0 - 1) < 3e-7);
        assert_true(fabs(bessel_k1e(x) * exp(-x) / v[i].k1 - 1) < 3e-7);
    }
}

/* I0 K1 + I1 K0 = 1/x for every x; with the scaled functions the
 * exponentials cancel, so this holds up to large arguments. */
static void bessel_wronskian(void **state)
{
    (void)state;
    for (double x = 0.01; x < 500.0; x *= 1.3) {
        double w =
            bessel_i0e(x) * bessel_k1e(x) + bessel_i1e(x) * bessel_k0e(x);
        assert_true(fabs(w * x - 1.0) < 5e-7);
    }
}

static void straight_fin(void **state)
{
    (void)state;
    assert_true(fabs(fin_eff_straight(1.0, 1.0) - tanh(1.0)) < 1e-15);
    assert_true(fin_eff_straight(1e-9, 1.0) == 1.0);
    double last = 1.0;
    for (double ml = 0.1; ml < 20; ml *= 1.5) { /* falls as the fin grows */
        double e = fin_eff_straight(ml, 1.0);
        assert_true(e < last && e > 0.0);
        last = e;
    }
}

/* theta'' + theta'/r - m^2 theta = 0, theta(r1) = 1, theta'(r2) = 0, by
 * second-order finite differences on n intervals; returns the efficiency
 * 2 r1 (-theta'(r1)) / (m^2 (r2^2 - r1^2)). */
static double annular_fd(double m, double r1, double r2, int n)
{
    double h = (r2 - r1) / n;
    double *a = calloc((size_t)n + 1, sizeof *a), *b = calloc((size_t)n + 1, 8);
    double *c = calloc((size_t)n + 1, sizeof *c), *d = calloc((size_t)n + 1, 8);
    for (int i = 1; i <= n; i++) {
        double r = r1 + i * h;
        double lo = 1.0 / (h * h) - 1.0 / (2 * h * r);
        double hi = 1.0 / (h * h) + 1.0 / (2 * h * r);
        a[i] = lo;
        b[i] = -2.0 / (h * h) - m * m;
        c[i] = hi;
        if (i == n) { /* ghost node theta[n+1] = theta[n-1] */
            a[i] = lo + hi;
            c[i] = 0.0;
        }
    }
    d[1] = -a[1] * 1.0; /* theta(r1) = 1 */
    a[1] = 0.0;
    for (int i = 2; i <= n; i++) { /* Thomas algorithm */
        double w = a[i] / b[i - 1];
        b[i] -= w * c[i - 1];
        d[i] -= w * d[i - 1];
    }
    d[n] /= b[n];
    for (int i = n - 1; i >= 1; i--)
        d[i] = (d[i] - c[i] * d[i + 1]) / b[i];
    /* theta'(r1) from the integral balance: heat in = heat lost */
    double lost = 0.0;
    for (int i = 0; i <= n; i++) {
        double r = r1 + i * h, th = i == 0 ? 1.0 : d[i];
        lost += (i == 0 || i == n ? 0.5 : 1.0) * h * r * th;
    }
    free(a);
    free(b);
    free(c);
    free(d);
    return 2.0 * lost / (r2 * r2 - r1 * r1);
}

static void annular_fin(void **state)
{
    (void)state;
    static const double cases[][3] = {
        {2.0, 0.1, 0.3}, {10.0, 0.05, 0.2}, {30.0, 0.8, 0.95}, {0.5, 0.1, 1.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double m = cases[i][0], r1 = cases[i][1], r2 = cases[i][2];
        double exact = fin_eff_annular(m, r1, r2);
        double fd = annular_fd(m, r1, r2, 4000);
        printf("annular m %.1f r %.2f..%.2f: eta %.6f, finite differences "
               "%.6f\n",
               m, r1, r2, exact, fd);
        assert_true(fabs(exact - fd) < 2e-5);
    }
    /* the small-argument forms (m r2 <= 2, no scaling) and the scaled
     * ones meet at m r2 = 2 to the accuracy of A&S's polynomials */
    double below = fin_eff_annular(2.0 / 0.3 * (1 - 1e-12), 0.1, 0.3);
    double above = fin_eff_annular(2.0 / 0.3 * (1 + 1e-12), 0.1, 0.3);
    assert_true(fabs(below - above) < 1e-6);
    /* a thin ring far from the axis is a straight fin */
    double m = 5.0, r1 = 1000.0, l = 0.2; /* curvature effect ~ l / r1 */
    assert_true(fabs(fin_eff_annular(m, r1, r1 + l) - fin_eff_straight(m, l)) <
                5e-5);
    /* with ln(r2/r1) given (one logarithm less per pass): the same value
     * to rounding, in both the small-argument and the scaled forms */
    for (int i = 0; i <= 200; i++) {
        double mm = 0.1 * pow(1.05, i), a = 0.02 + 0.001 * i, b = 1.5 * a;
        double ref = fin_eff_annular(mm, a, b);
        assert_double_equal(fin_eff_annular_ln(mm, a, b, log(b / a)), ref,
                            1e-14 * ref);
    }
}

/* A pin whose tip conductance is zero is the adiabatic-tip fin (Incropera
 * Table 3.4 case B); one whose tip conductance is sqrt(U P k Ac) behaves
 * as an infinite fin (case D). */
static void pin_fin(void **state)
{
    (void)state;
    double m = 3.0, l = 0.4, kac = 2.0, frac;
    double g = fin_pin_conductance(m, l, kac, 0.0, &frac);
    assert_true(fabs(g - m * kac * tanh(m * l)) < 1e-12);
    assert_true(fabs(frac - 1.0 / cosh(m * l)) < 1e-12);
    g = fin_pin_conductance(m, l, kac, m * kac, &frac);
    assert_true(fabs(g - m * kac) < 1e-12);
    assert_true(fabs(frac - exp(-m * l)) < 1e-12);
    /* a short pin keeps its digits (tanh, cosh, sinh from one expm1) */
    g = fin_pin_conductance(1e-7, 1.0, kac, 0.0, &frac);
    assert_true(fabs(g / (1e-7 * kac * tanh(1e-7)) - 1.0) < 1e-12);
    assert_true(fabs(frac - 1.0 / cosh(1e-7)) < 1e-15);
    /* a long one: no overflow, the tip at the air temperature */
    g = fin_pin_conductance(m, 400.0, kac, 1.0, &frac);
    assert_true(fabs(g - m * kac) < 1e-12 && frac == 0.0);
    /* more tip conductance, more heat */
    assert_true(fin_pin_conductance(m, l, kac, 5.0, NULL) >
                fin_pin_conductance(m, l, kac, 1.0, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bessel_values), cmocka_unit_test(bessel_wronskian),
        cmocka_unit_test(straight_fin),  cmocka_unit_test(annular_fin),
        cmocka_unit_test(pin_fin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
