/*
 * epanet_results.c - writes EPANET's own hydraulic results of an .inp as
 * the reference CSV that tests/unit/test_epanet_examples.c reads. Not part
 * of the build (EPANET is not a dependency of heatline): compile it
 * against a build of the EPANET 2.3 toolkit, e.g.
 *   cc -O2 epanet_results.c -I EPANET/include -L EPANET/build/lib \
 *      -lepanet2 -o epanet_results
 *   ./epanet_results Net1.inp [ACCURACY] > Net1_epanet.csv
 * ACCURACY (optional) replaces the file's [OPTIONS] Accuracy: EPANET stops
 * when the sum of flow changes is below it relative to the total flow, so
 * a file's 0.001 leaves small loop flows a few per cent from the balance
 * that a tighter solve (1e-8) reaches.
 * One row per value at every hydraulic time step of the extended-period
 * run (EN_runH / EN_nextH), in the file's own units, as EPANET reports
 * them: head and pressure in the file's length unit, demand and flow in
 * its flow unit, so a test converts them with EPANET's constants.
 */
#include "epanet2_2.h"

#include <stdio.h>
#include <stdlib.h>

static void node_rows(EN_Project p, long t, const char *lu, const char *fu)
{
    int n;
    EN_getcount(p, EN_NODECOUNT, &n);
    for (int i = 1; i <= n; i++) {
        char id[EN_MAXID + 1];
        double h, d;
        EN_getnodeid(p, i, id);
        EN_getnodevalue(p, i, EN_HEAD, &h);
        EN_getnodevalue(p, i, EN_DEMAND, &d);
        printf("%ld,node,%s,head,%.10g,%s\n", t, id, h, lu);
        printf("%ld,node,%s,demand,%.10g,%s\n", t, id, d, fu);
    }
}

static void link_rows(EN_Project p, long t, const char *fu)
{
    int n;
    EN_getcount(p, EN_LINKCOUNT, &n);
    for (int i = 1; i <= n; i++) {
        char id[EN_MAXID + 1];
        double q, s;
        EN_getlinkid(p, i, id);
        EN_getlinkvalue(p, i, EN_FLOW, &q);
        EN_getlinkvalue(p, i, EN_STATUS, &s);
        printf("%ld,link,%s,flow,%.10g,%s\n", t, id, q, fu);
        printf("%ld,link,%s,status,%g,-\n", t, id, s);
    }
}

int main(int argc, char **argv)
{
    static const char *const flow_unit[] = {"CFS", "GPM", "MGD", "IMGD",
                                            "AFD", "LPS", "LPM", "MLD",
                                            "CMH", "CMD", "CMS"};
    EN_Project p;
    int major, minor, patch, v, units;
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: epanet_results FILE.inp [ACCURACY]\n");
        return 2;
    }
    EN_createproject(&p);
    if (EN_open(p, argv[1], "/dev/null", "") > 100) {
        fprintf(stderr, "epanet_results: cannot open %s\n", argv[1]);
        return 1;
    }
    double acc;
    if (argc == 3)
        EN_setoption(p, EN_ACCURACY, atof(argv[2]));
    EN_getoption(p, EN_ACCURACY, &acc);
    EN_getversion(&v);
    major = v / 10000, minor = v / 100 % 100, patch = v % 100;
    EN_getflowunits(p, &units);
    const char *fu = flow_unit[units], *lu = units < EN_LPS ? "ft" : "m";
    printf("# %s solved by EPANET %d.%d.%d (EPANET toolkit, EN_runH/"
           "EN_nextH, the file's options, accuracy %g): every hydraulic time "
           "step\n",
           argv[1], major, minor, patch, acc);
    printf("time_s,kind,id,quantity,value,unit\n");
    long t, step;
    EN_openH(p);
    EN_initH(p, 0);
    do {
        if (EN_runH(p, &t) > 100)
            return 1;
        node_rows(p, t, lu, fu);
        link_rows(p, t, fu);
        EN_nextH(p, &step);
    } while (step > 0);
    EN_closeH(p);
    EN_deleteproject(p);
    return 0;
}
