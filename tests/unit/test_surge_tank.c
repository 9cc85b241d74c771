/*
 * test_surge_tank.c - surge tanks in the surge engine (src/surge/
 * moc_tank.c) against closed forms:
 * - an open tank at the end of a frictionless pipe from a reservoir, the
 *   valve beyond it shut at once: the level oscillates about the
 *   reservoir's head as the rigid column gives it (Wylie and Streeter
 *   1993, section 11.1), period T = 2 pi sqrt(L A_s / (g A_p)) and
 *   amplitude Z = Q0 / (A_s w), both within 0.5 %;
 * - a one-way (feed) tank 10 m below the line's head just downstream of
 *   a valve that shuts at once: it feeds the line (its level falls, never
 *   rises), and the node stays liquid where without it the column
 *   separates.
 */
#include "test_support.h"

#include "surge/moc.h"

#include <math.h>

#define G     9.81
#define RHO   1000.0
#define LEN   1000.0
#define DIAM  1.0
#define WAVE  1000.0
#define Q0    1.0
#define H_RES 50.0 /* m, pressure head of the reservoir (z = 0) */
#define A_S   50.0 /* m2 */
#define DT    0.1

static void set_pipe(surge_net *s, int p, int from, int to, double f)
{
    s->pp_from[p] = from;
    s->pp_to[p] = to;
    s->pp_len[p] = LEN;
    s->pp_d[p] = DIAM;
    s->pp_area[p] = M_PI * DIAM * DIAM / 4.0;
    s->pp_a[p] = WAVE;
    s->pp_f[p] = f;
    s->pp_rho[p] = RHO;
    s->pp_q0[p] = Q0;
}

static void set_tank(surge_net *s, int d, int node, double level, int one_way)
{
    s->dv_kind[d] = DEV_TANK;
    s->dv_from[d] = s->dv_to[d] = node;
    s->dv_rho[d] = RHO;
    s->dv_m[d] = 0.0;
    s->dv_open[d] = (signed char)!one_way;
    surge_tank *tk = &s->tank[d];
    tk->area = A_S;
    tk->level = tk->lmin = tk->lmax = level;
    tk->bottom = -INFINITY;
    tk->top = INFINITY;
    tk->one_way = (signed char)one_way;
}

/* Reservoir (0) - pipe - tank node (1) - valve - reservoir (2), f = 0. */
static void open_tank_mass_oscillation(void **state)
{
    (void)state;
    surge_net *s = surge_net_new(3, 1, 2);
    assert_non_null(s);
    s->g = G;
    s->nd_fixed_p[0] = s->nd_p[0] = H_RES * RHO * G;
    s->nd_fixed_p[2] = s->nd_p[2] = 0.0;
    s->nd_p[1] = H_RES * RHO * G;
    set_pipe(s, 0, 0, 1, 0.0);
    s->dv_kind[0] = DEV_ORIFICE;
    s->dv_from[0] = 1;
    s->dv_to[0] = 2;
    s->dv_rho[0] = RHO;
    s->dv_m[0] = RHO * Q0;
    s->dv_k[0] = s->nd_p[1] / (s->dv_m[0] * s->dv_m[0]);
    s->dv_t0[0] = 0.0;
    s->dv_tc[0] = 0.0;
    set_tank(s, 1, 1, H_RES, 0);
    hl_error err = {0};
    assert_int_equal(surge_grid(s, 0.0, DT, &err), HL_OK);
    assert_int_equal(surge_init(s, &err), HL_OK);
    double ap = M_PI * DIAM * DIAM / 4.0, w = sqrt(G * ap / (LEN * A_S));
    double period = 2.0 * M_PI / w, amp = Q0 / (A_S * w);
    /* up-crossings of the mean level after the first peak */
    double last = 0.0, t_cross[3];
    int n_cross = 0;
    while (s->t < 2.6 * period && n_cross < 3) {
        surge_step(s);
        double dz = s->tank[1].level - H_RES;
        if (last < 0.0 && dz >= 0.0) /* interpolated in the step */
            t_cross[n_cross++] = s->t - DT * dz / (dz - last);
        last = dz;
    }
    assert_int_equal(n_cross, 2 + (n_cross > 2));
    double t_found = t_cross[1] - t_cross[0];
    assert_double_equal(t_found, period, 0.005 * period);
    assert_double_equal(s->tank[1].lmax - H_RES, amp, 0.005 * amp);
    assert_double_equal(H_RES - s->tank[1].lmin, amp, 0.005 * amp);
    surge_net_free(s);
}

/* Reservoir (0) - valve - node 1 (feed tank 10 m below the line's head)
 * - pipe (f 0.02) - node 2 - orifice - reservoir (3). */
static double feed_tank_run(int with_tank, double *level_min, double *level_max)
{
    surge_net *s = surge_net_new(4, 1, 3);
    assert_non_null(s);
    s->g = G;
    double loss = 0.02 * LEN / DIAM * pow(Q0 / (M_PI / 4.0), 2) / (2.0 * G);
    s->nd_fixed_p[0] = s->nd_p[0] = 30.0 * RHO * G;
    s->nd_p[1] = 30.0 * RHO * G;
    s->nd_p[2] = (30.0 - loss) * RHO * G;
    s->nd_fixed_p[3] = s->nd_p[3] = 0.0;
    for (int i = 0; i < 4; i++)
        s->nd_pv[i] = -9.0 * RHO * G; /* vapour head -9 m gauge */
    s->pp_pv[0] = -9.0 * RHO * G;
    set_pipe(s, 0, 1, 2, 0.02);
    s->dv_kind[0] = DEV_ORIFICE; /* the valve that shuts */
    s->dv_from[0] = 0;
    s->dv_to[0] = 1;
    s->dv_rho[0] = RHO;
    s->dv_m[0] = RHO * Q0;
    s->dv_k[0] = 1e-3;
    s->dv_t0[0] = 0.0;
    s->dv_tc[0] = 0.0;
    s->nd_p[0] += 1e-3 * RHO * Q0 * RHO * Q0; /* its loss */
    s->nd_fixed_p[0] = s->nd_p[0];
    s->dv_kind[1] = DEV_ORIFICE;
    s->dv_from[1] = 2;
    s->dv_to[1] = 3;
    s->dv_rho[1] = RHO;
    s->dv_m[1] = RHO * Q0;
    s->dv_k[1] = s->nd_p[2] / (RHO * Q0 * RHO * Q0);
    if (with_tank)
        set_tank(s, 2, 1, 20.0, 1);
    else
        s->dv_kind[2] = DEV_FIXED_FLOW; /* no flow: no tank */
    hl_error err = {0};
    assert_int_equal(surge_grid(s, 0.0, DT, &err), HL_OK);
    assert_int_equal(surge_init(s, &err), HL_OK);
    double pmin = INFINITY;
    for (int k = 0; k < 600; k++) {
        surge_step(s);
        pmin = fmin(pmin, s->nd_p[1]);
        if (with_tank)
            assert_true(s->dv_m[2] <= 1e-9); /* never takes water in */
    }
    *level_min = s->tank[2].lmin;
    *level_max = s->tank[2].lmax;
    double vmax = s->nd_vmax[1];
    surge_net_free(s);
    return with_tank ? pmin : -vmax;
}

static void feed_tank_keeps_the_line_liquid(void **state)
{
    (void)state;
    double lmin, lmax;
    double cav = -feed_tank_run(0, &lmin, &lmax);
    assert_true(cav > 0.0); /* without it the column separates */
    double pmin = feed_tank_run(1, &lmin, &lmax);
    double level0 = 20.0;
    assert_true(lmin < level0 - 0.01); /* it fed the line */
    assert_double_equal(lmax, level0, 1e-12);
    assert_true(pmin > -9.0 * RHO * G + 1e4); /* liquid, above vapour */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(open_tank_mass_oscillation),
        cmocka_unit_test(feed_tank_keeps_the_line_liquid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
