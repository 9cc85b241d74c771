/*
 * test_surge_hw_friction.c - quasi-steady friction of an empirical law in
 * the surge engine (src/surge/moc.h, surge_pipe_r): a pipe
 * imported from EPANET with Hazen-Williams losses, h = r Q^1.852, keeps
 * that law at each reach's own flow, so that after a transient the line
 * settles where the steady engine's law puts it (issue 12: "after the
 * transient dies the state equals the steady engine's solution"), not at
 * the Darcy factor of the initial flow.
 * Case: 1000 m of DN300 (C = 100) between two fixed heads, 50 m and 40 m;
 * at rest the engine holds its initial state; the lower head then drops
 * to 30 m: the flow settles at (20 / r)^(1 / 1.852), 2^(1/1.852) = 1.454
 * times the initial flow, where a fixed Darcy factor would give
 * 2^(1/2) = 1.414 times.
 */
#include "test_support.h"

#include "surge/moc.h"

#include <math.h>

#define G     9.81
#define RHO   1000.0
#define LEN   1000.0
#define DIAM  0.3
#define C_HW  100.0
#define N_HW  1.852
#define WAVE  1000.0
#define H_UP  50.0
#define H_LOW 40.0

/* EPANET's Hazen-Williams resistance (SI): h = r Q^1.852, m and m3/s */
static double hw_r(void)
{
    return 10.67 * LEN / (pow(C_HW, N_HW) * pow(DIAM, 4.871));
}

static surge_net *line(double *q0)
{
    surge_net *s = surge_net_new(2, 1, 0);
    assert_non_null(s);
    double r = hw_r();
    *q0 = pow((H_UP - H_LOW) / r, 1.0 / N_HW);
    s->g = G;
    s->nd_fixed_p[0] = s->nd_p[0] = H_UP * RHO * G;
    s->nd_fixed_p[1] = s->nd_p[1] = H_LOW * RHO * G;
    s->pp_from[0] = 0;
    s->pp_to[0] = 1;
    s->pp_len[0] = LEN;
    s->pp_d[0] = DIAM;
    s->pp_area[0] = M_PI * DIAM * DIAM / 4.0;
    s->pp_a[0] = WAVE;
    s->pp_f[0] = 0.0; /* no Darcy part: the law holds all the friction */
    s->pp_rlaw[0] = r;
    s->pp_fexp[0] = N_HW;
    s->pp_rho[0] = RHO;
    s->pp_q0[0] = *q0;
    hl_error err = {0};
    assert_int_equal(surge_grid(s, 50.0, 0.0, &err), HL_OK);
    assert_int_equal(surge_init(s, &err), HL_OK);
    return s;
}

static double pipe_flow(const surge_net *s)
{
    return s->qd[s->pp_off[0]]; /* at the upstream end */
}

static void rest_holds(void **state)
{
    (void)state;
    double q0;
    surge_net *s = line(&q0);
    for (int k = 0; k < 2000; k++)
        surge_step(s);
    assert_double_equal(pipe_flow(s), q0, 1e-9 * q0);
    /* the head along the pipe falls linearly by the law */
    long mid = s->pp_off[0] + s->pp_n[0] / 2;
    assert_double_equal(s->h[mid], 0.5 * (H_UP + H_LOW), 1e-6);
    surge_net_free(s);
}

static void settles_on_the_law(void **state)
{
    (void)state;
    double q0;
    surge_net *s = line(&q0);
    double h_new = 30.0;
    s->nd_fixed_p[1] = h_new * RHO * G;
    for (int k = 0; k < 20000; k++) /* 1000 s */
        surge_step(s);
    double q1 = pow((H_UP - h_new) / hw_r(), 1.0 / N_HW);
    assert_double_equal(pipe_flow(s), q1, 1e-3 * q1);
    /* and not where the initial flow's Darcy factor would put it */
    double darcy = q0 * sqrt((H_UP - h_new) / (H_UP - H_LOW));
    assert_true(fabs(pipe_flow(s) - darcy) > 0.02 * darcy);
    surge_net_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rest_holds),
        cmocka_unit_test(settles_on_the_law),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
