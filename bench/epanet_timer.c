/*
 * epanet_timer.c - the in-process timer of the benchmark peer. Built by
 * bench/build_epanet.sh against an EPANET source tree the user provides
 * (no EPANET code is kept here); links only EPANET's public API.
 *
 * usage: epanet_timer NET.inp
 * prints one line: load_s solve_s resolve_s iterations
 *   load_s     EN_createproject + EN_open (parse and build the network)
 *   solve_s    EN_openH + EN_initH(EN_NOSAVE) + EN_runH: the first steady
 *              solve, with EPANET's ordering and symbolic factorisation
 *   resolve_s  EN_initH(EN_INITFLOW) + EN_runH: the same solve again from
 *              the same initial flows, ordering reused
 *   iterations EN_getstatistic(EN_ITERATIONS) after the first solve
 * Times from clock_gettime(CLOCK_MONOTONIC). Exit 1 on an EPANET error
 * (above 100; warnings such as 6, negative pressures, are results).
 */
#define _POSIX_C_SOURCE 200809L
#include "epanet2_2.h"

#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int failed(int code, const char *what)
{
    if (code <= 100)
        return 0;
    fprintf(stderr, "epanet_timer: %s: EPANET error %d\n", what, code);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: epanet_timer NET.inp\n");
        return 2;
    }
    EN_Project ph;
    long t;
    double iterations = 0;
    double t0 = now();
    if (failed(EN_createproject(&ph), "createproject") ||
        failed(EN_open(ph, argv[1], "/dev/null", ""), argv[1]))
        return 1;
    double t1 = now();
    if (failed(EN_openH(ph), "openH") ||
        failed(EN_initH(ph, EN_NOSAVE), "initH") ||
        failed(EN_runH(ph, &t), "runH"))
        return 1;
    double t2 = now();
    EN_getstatistic(ph, EN_ITERATIONS, &iterations);
    if (failed(EN_initH(ph, EN_INITFLOW), "initH again") ||
        failed(EN_runH(ph, &t), "runH again"))
        return 1;
    double t3 = now();
    EN_closeH(ph);
    EN_deleteproject(ph);
    printf("%.6f %.6f %.6f %.0f\n", t1 - t0, t2 - t1, t3 - t2, iterations);
    return 0;
}
