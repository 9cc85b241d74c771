/*
 * test_hyd_pipe_law.c - the Newton assembly's Darcy-Weisbach law from
 * per-pipe constants (hyd_pipe_coeffs, hyd_pipe_loss_at) against the law
 * from the pipe's data (hyd_pipe_loss): equal up to rounding in value
 * and slope, laminar, transitional and turbulent, both directions, with
 * Swamee-Jain and Colebrook, with and without minor losses; and a meshed
 * grid, whose last iteration is a chord step, solved to a state where
 * every pipe's law holds.
 */
#include "test_support.h"

#include "heatline.h"
#include "network/hyd.h"
#include "network/net.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char three_pipes[] = "[JUNCTIONS]\n J1 0 5\n J2 0 3\n J3 0 2\n\n"
                                  "[RESERVOIRS]\n R1 60\n\n"
                                  "[PIPES]\n"
                                  " P1 R1 J1 1000 300 0.1 0 Open\n"
                                  " P2 J1 J2 800 150 0.5 2.5 Open\n"
                                  " P3 J2 J3 600 50 0.01 0 Open\n\n"
                                  "[OPTIONS]\n Units LPS\n Headloss D-W\n\n"
                                  "[END]\n";

static hl_model *load(const char *text, int friction)
{
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    o.inp_u_w_m2k = 1.0;
    o.inp_supply_temp_k = 273.15 + 70.0;
    o.friction = friction;
    if (hl_model_load_text(&m, text, strlen(text), "net.inp", NULL, &o))
        fail_msg("%s", hl_model_error(m));
    if (hl_model_solve(m, NULL)) /* allocates the hydraulic state */
        fail_msg("%s", hl_model_error(m));
    return m;
}

/* Flows from Re 50 to 1e7 in each pipe, both signs. */
static void law_equal(int friction)
{
    hl_model *m = load(three_pipes, friction);
    hyd_pipe_coeffs(m, m->hyd);
    int regimes[3] = {0, 0, 0}; /* laminar, transition, turbulent */
    for (int i = 0; i < m->net->n_pipes; i++) {
        int k = m->net->pp_link[i];
        double re_per_m = m->net->pp_d[i] / (m->net->pp_area[i] * m->lk_mu[k]);
        for (double re = 50.0; re < 1e7; re *= 1.37)
            for (int s = -1; s <= 1; s += 2) {
                double mf = s * re / re_per_m, g1, g2;
                double xcf = m->pp_xcf[i];
                double dp1 = hyd_pipe_loss(m, k, mf, &g1);
                m->pp_xcf[i] = xcf; /* the same Colebrook start */
                double dp2 = hyd_pipe_loss_at(m, m->hyd->pc, k, mf, &g2);
                assert_true(fabs(dp2 - dp1) <= 1e-13 * fabs(dp1));
                assert_true(fabs(g2 - g1) <= 1e-13 * fabs(g1));
                assert_true(g2 > 0.0);
                regimes[re <= 2000.0 ? 0 : re < 4000.0 ? 1 : 2]++;
            }
    }
    assert_true(regimes[0] > 0 && regimes[1] > 0 && regimes[2] > 0);
    hl_model_free(m);
}

static void law_swamee_jain(void **state)
{
    (void)state;
    law_equal(HL_FRICTION_SWAMEE_JAIN);
}

static void law_colebrook(void **state)
{
    (void)state;
    law_equal(HL_FRICTION_COLEBROOK);
}

/* An n x n grid fed at one corner, demands everywhere, diameters varied
 * so that flows settle unevenly (some loops near zero flow). */
static char *grid_inp(int n)
{
    size_t cap = 200000;
    char *s = malloc(cap), *p = s;
    p += sprintf(p, "[JUNCTIONS]\n");
    for (int i = 0; i < n * n; i++)
        p += sprintf(p, " J%d 0 %.3f\n", i, 0.2 + 0.1 * (i % 7));
    p += sprintf(p, "\n[RESERVOIRS]\n R 80\n\n[PIPES]\n P0 R J0 100 400 0.1 "
                    "0 Open\n");
    int l = 1;
    for (int r = 0; r < n; r++)
        for (int c = 0; c < n; c++) {
            int i = r * n + c;
            double d = 100.0 + 50.0 * ((r + 2 * c) % 4);
            if (c + 1 < n)
                p += sprintf(p, " P%d J%d J%d 150 %.0f 0.2 0 Open\n", l++, i,
                             i + 1, d);
            if (r + 1 < n)
                p += sprintf(p, " P%d J%d J%d 150 %.0f 0.2 0 Open\n", l++, i,
                             i + n, d);
        }
    sprintf(p, "\n[OPTIONS]\n Units LPS\n Headloss D-W\n\n[END]\n");
    return s;
}

static void grid_law_holds(void **state)
{
    (void)state;
    char *text = grid_inp(12);
    hl_model *m = load(text, HL_FRICTION_SWAMEE_JAIN);
    free(text);
    /* the pressure residual of every pipe's law at the solved flows,
     * against the largest pressure loss (seven iterations, the last a
     * chord step: six factorisations; the residual is 1.2e-11 of it) */
    double worst = 0.0, big = 0.0;
    for (int i = 0; i < m->net->n_pipes; i++) {
        int k = m->net->pp_link[i], a = m->net->lk_from[k],
            b = m->net->lk_to[k];
        double g, dp = hyd_pipe_loss(m, k, m->lk_m[k], &g);
        double grav =
            m->lk_rho[k] * m->net->g * (m->net->nd_z[a] - m->net->nd_z[b]);
        double res = fabs(dp - (m->nd_p[a] - m->nd_p[b] + grav));
        worst = fmax(worst, res);
        big = fmax(big, fabs(dp));
    }
    assert_true(big > 1e4);
    assert_true(worst <= 1e-9 * big);
    hl_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(law_swamee_jain),
        cmocka_unit_test(law_colebrook),
        cmocka_unit_test(grid_law_holds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
