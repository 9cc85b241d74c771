/*
 * epanet_quality.c - writes EPANET's water-quality results of an .inp run
 * as the reference CSV that tests/validation/test_epanet_quality.c reads:
 * temperature as EPANET's constituent (the bench networks of
 * ../shared/bench/gen_networks.py: first-order bulk decay at each pipe's
 * heat-loss rate towards the ambient as the limiting potential). Not part
 * of the build (EPANET is not a dependency of heatline): compile against
 * an EPANET 2.3 toolkit build (bench/build_epanet.sh), e.g.
 *   cc -O2 epanet_quality.c -I EPANET/include -L BUILD/lib -lepanet2 \
 *      -o epanet_quality
 *   ./epanet_quality line_1000_ts24.inp EVERY > line_1000_ts24_epanet.csv
 * One row per junction with a base demand (every EVERY-th of them, default
 * 1) at every whole hour of the run (EN_runQ / EN_nextQ at the file's
 * quality step): time_s, id, quality (the file's unit, degC here).
 */
#include "epanet2_2.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: epanet_quality FILE.inp [EVERY]\n");
        return 2;
    }
    int every = argc > 2 ? atoi(argv[2]) : 1;
    EN_Project p;
    EN_createproject(&p);
    int rc = EN_open(p, argv[1], "/dev/null", ""); /* no report */
    /* codes up to 100 are warnings (e.g. 6: negative pressures) */
    if (rc <= 100)
        rc = EN_solveH(p);
    if (rc <= 100)
        rc = EN_openQ(p);
    if (rc <= 100)
        rc = EN_initQ(p, EN_NOSAVE);
    if (rc > 100) {
        fprintf(stderr, "EPANET error %d\n", rc);
        return 1;
    }
    int major, minor, patch, v;
    EN_getversion(&v);
    major = v / 10000, minor = v / 100 % 100, patch = v % 100;
    printf("# %s run by EPANET %d.%d.%d (EPANET toolkit, EN_solveH then "
           "EN_runQ/EN_nextQ, the file's options): junctions with a demand%s, "
           "every whole hour\n",
           argv[1], major, minor, patch, every > 1 ? " (every n-th)" : "");
    printf("time_s,id,quality\n");
    int n;
    EN_getcount(p, EN_NODECOUNT, &n);
    long t, tstep;
    do {
        EN_runQ(p, &t);
        if (t % 3600 == 0) {
            int k = 0;
            for (int i = 1; i <= n; i++) {
                int type;
                double d, q;
                EN_getnodetype(p, i, &type);
                EN_getnodevalue(p, i, EN_BASEDEMAND, &d);
                if (type != EN_JUNCTION || !(d > 0.0) || k++ % every)
                    continue;
                char id[EN_MAXID + 1];
                EN_getnodeid(p, i, id);
                EN_getnodevalue(p, i, EN_QUALITY, &q);
                printf("%ld,%s,%.6f\n", t, id, q);
            }
        }
        EN_nextQ(p, &tstep);
    } while (tstep > 0);
    EN_closeQ(p);
    EN_close(p);
    EN_deleteproject(p);
    return 0;
}
