/*
 * bench_pipe_loss.c - solves per second of hl_pipe_thermal_solve for the
 * layings a network solver calls it with: a buried pair with constant and
 * with temperature-dependent insulation, a twin pipe by the multipole
 * method and by the closed form, an overhead pair with computed outer
 * coefficients. Prints the median of 5 timed runs of each.
 */
#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 5
#define C(t) ((t) + HL_ZERO_C_K)

typedef struct bench_case {
    const char *name;
    hl_pipe_laying lay;
    int solves; /* per run */
} bench_case;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void layer(hl_pipe_buildup *b, double t, hl_conductivity k)
{
    hl_layer *l = &b->layer[b->n_layers++];
    memset(l, 0, sizeof *l);
    l->thickness_m = t;
    l->lambda = k;
    l->t_min_k = l->t_max_k = NAN;
}

static void dn1600(hl_pipe_buildup *b, hl_conductivity ins)
{
    memset(b, 0, sizeof *b);
    b->carrier_od_m = 1.626;
    layer(b, 0.08, ins);
    layer(b, 0.012, hl_lambda_constant(0.43));
}

static hl_conductivity linear_pur(void)
{
    hl_conductivity k = hl_lambda_constant(0.025);
    k.piece[0].ref_k = C(0);
    k.piece[0].n_coef = 2;
    k.piece[0].c[1] = 6e-5;
    return k;
}

static void pair_case(bench_case *c, const char *name, hl_conductivity ins)
{
    hl_pipe_laying_init(&c->lay);
    c->name = name;
    c->lay.laying = HL_LAYING_PAIR;
    dn1600(&c->lay.pipe[0], ins);
    dn1600(&c->lay.pipe[1], ins);
    c->lay.axis_depth_m = 2.8;
    c->lay.axis_spacing_m = 2.4;
    c->solves = 200000;
}

static void twin_case(bench_case *c, const char *name, int method)
{
    hl_pipe_laying_init(&c->lay);
    c->name = name;
    c->lay.laying = HL_LAYING_TWIN;
    c->lay.pipe[0].carrier_od_m = c->lay.pipe[1].carrier_od_m = 0.1143;
    c->lay.axis_spacing_m = 0.1393;
    c->lay.twin_casing_od_m = 0.315;
    c->lay.twin_casing_wall_m = 0.004;
    c->lay.twin_lambda_casing = 0.43;
    c->lay.twin_lambda_fill = 0.028;
    c->lay.axis_depth_m = 0.7575;
    c->lay.twin_method = method;
    c->solves = method == HL_TWIN_MULTIPOLE ? 2000 : 200000;
}

static void overhead_case(bench_case *c)
{
    hl_pipe_laying_init(&c->lay);
    c->name = "overhead pair, ISO 12241 coefficients";
    c->lay.laying = HL_LAYING_OVERHEAD;
    dn1600(&c->lay.pipe[0], hl_lambda_constant(0.04));
    dn1600(&c->lay.pipe[1], hl_lambda_constant(0.04));
    c->solves = 20000;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double run(const bench_case *c)
{
    hl_pipe_thermal out;
    double sink = 0.0, t0 = now_s();
    for (int i = 0; i < c->solves; i++) {
        double t1 = C(120) + 1e-6 * (i % 1000); /* defeat caching */
        if (hl_pipe_thermal_solve(&c->lay, t1, C(55), C(5), &out, NULL)) {
            fprintf(stderr, "%s: solve failed\n", c->name);
            exit(1);
        }
        sink += out.q[0];
    }
    double dt = now_s() - t0;
    if (!(sink > 0.0))
        fprintf(stderr, "unexpected heat loss sum %g\n", sink);
    return c->solves / dt;
}

int main(void)
{
    bench_case cases[5];
    pair_case(&cases[0], "buried pair, constant lambda",
              hl_lambda_constant(0.03));
    pair_case(&cases[1], "buried pair, lambda(T) iterated", linear_pur());
    twin_case(&cases[2], "twin, multipole N = 12", HL_TWIN_MULTIPOLE);
    twin_case(&cases[3], "twin, Wallenten closed form", HL_TWIN_WALLENTEN);
    overhead_case(&cases[4]);
    printf("%-40s %14s\n", "hl_pipe_thermal_solve", "solves/s (median of 5)");
    for (int k = 0; k < 5; k++) {
        double r[RUNS];
        for (int i = 0; i < RUNS; i++)
            r[i] = run(&cases[k]);
        qsort(r, RUNS, sizeof r[0], cmp_double);
        printf("%-40s %14.0f\n", cases[k].name, r[RUNS / 2]);
    }
    return 0;
}
