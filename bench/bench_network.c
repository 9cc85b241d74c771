/*
 * bench_network.c - the network engine on the benchmark ladder of
 * ../shared/bench/gen_networks.py (bench/networks.sh writes it): for each
 * network the load time of its EPANET .inp (read + build), the first steady
 * hydraulic + thermal solve (including the sparse analysis), a re-solve
 * after a boundary change (analysis and flows reused), the heap held per
 * pipe, and the accuracy checkpoints of ../shared/bench/README.md. Median
 * of HL_BENCH_RUNS (default 5) runs, each from a fresh load.
 *
 * With EPANET_TIMER (an in-process timer linked with EPANET, printing
 * `load_s solve_s resolve_s iterations`; see bench/README.md) or
 * EPANET_RUN (runepanet; process wall time) the peer is timed on the same
 * network in the same run (hydraulics only: Duration 0, Quality None) and
 * the ratio heatline / EPANET is printed.
 *
 * usage: bench_network [DIR] [NET...]   (DIR default bench/out)
 */
#include "heatline.h"

#include <jansson.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_RUNS 21
#define G_EPANET (32.2 * 0.3048) /* EPANET's gravity, m/s2 */

typedef struct net_params {
    double u, t_amb, t_supply, cp, rho;
    int n_pipes;
} net_params;

typedef struct sample {
    double load, solve, resolve, bytes;
    int iterations;
} sample;

typedef struct peer {
    double load, solve, resolve, wall;
    int have;
} peer;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static size_t heap_bytes(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Heat-transfer data of the network from its neutral JSON. */
static int read_params(const char *json_path, net_params *p)
{
    json_error_t e;
    json_t *root = json_load_file(json_path, 0, &e);
    if (!root) {
        fprintf(stderr, "bench_network: %s: %s\n", json_path, e.text);
        return 0;
    }
    json_t *par = json_object_get(root, "params");
    json_t *fluid = json_object_get(root, "fluid");
    p->u = json_number_value(json_object_get(par, "U"));
    p->t_amb = json_number_value(json_object_get(par, "t_amb"));
    p->t_supply = json_number_value(json_object_get(par, "t_supply"));
    p->cp = json_number_value(json_object_get(fluid, "cp"));
    p->rho = json_number_value(json_object_get(fluid, "rho"));
    p->n_pipes = (int)json_array_size(json_object_get(root, "pipes"));
    json_decref(root);
    return p->cp > 0.0 && p->n_pipes > 0;
}

static int one_run(const char *inp, const net_params *p, sample *s,
                   hl_model **keep)
{
    hl_load_options o;
    hl_load_options_init(&o);
    o.inp_u_w_m2k = p->u;
    o.inp_ambient_k = p->t_amb + HL_ZERO_C_K;
    o.inp_supply_temp_k = p->t_supply + HL_ZERO_C_K;
    o.inp_cp_j_kgk = p->cp;
    size_t h0 = heap_bytes();
    double t0 = now_s();
    hl_model *m;
    int rc = hl_model_load_with(&m, inp, &o);
    double t1 = now_s();
    if (!rc)
        rc = hl_model_solve(m, NULL);
    double t2 = now_s();
    size_t h1 = heap_bytes();
    hl_totals t;
    if (!rc && !(rc = hl_model_totals(m, &t)))
        s->iterations = t.iterations;
    if (!rc)
        rc = hl_model_set_ground_temp(m, p->t_amb + HL_ZERO_C_K + 1.0);
    double t3 = now_s();
    if (!rc)
        rc = hl_model_solve(m, NULL);
    double t4 = now_s();
    if (rc) {
        fprintf(stderr, "bench_network: %s: %s\n", inp, hl_model_error(m));
        hl_model_free(m);
        return 0;
    }
    *s = (sample){t1 - t0, t2 - t1, t4 - t3, (double)(h1 - h0), s->iterations};
    if (keep && !*keep)
        *keep = m;
    else
        hl_model_free(m);
    return 1;
}

/* Copy of the .inp with one hydraulic period and no quality run. */
static int hydraulic_copy(const char *inp, char *out, size_t cap)
{
    snprintf(out, cap, "%s.hyd.inp", inp);
    FILE *in = fopen(inp, "r"), *o = fopen(out, "w");
    if (!in || !o) {
        if (in)
            fclose(in);
        if (o)
            fclose(o);
        return 0;
    }
    char line[4096], section[64] = "";
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '[')
            sscanf(line, "%63s", section);
        if (strcmp(section, "[TIMES]") == 0 &&
            strncmp(line, "Duration ", 9) == 0)
            strcpy(line, "Duration 0\n");
        else if (strcmp(section, "[OPTIONS]") == 0 &&
                 strncmp(line, "Quality ", 8) == 0)
            strcpy(line, "Quality None\n");
        fputs(line, o);
    }
    fclose(in);
    return fclose(o) == 0;
}

/* Time the peer once: timer line or runepanet wall time. */
static int peer_once(const char *inp, peer *p)
{
    const char *timer = getenv("EPANET_TIMER"), *run = getenv("EPANET_RUN");
    char cmd[8192];
    if (timer && *timer) {
        snprintf(cmd, sizeof cmd, "'%s' '%s' 2>/dev/null", timer, inp);
        FILE *f = popen(cmd, "r");
        int it, ok = f && fscanf(f, "%lf %lf %lf %d", &p->load, &p->solve,
                                 &p->resolve, &it) == 4;
        if (f)
            pclose(f);
        if (!ok)
            return 0;
    }
    if (run && *run) {
        snprintf(cmd, sizeof cmd, "'%s' '%s' '%s.rpt' >/dev/null 2>&1", run,
                 inp, inp);
        double t0 = now_s();
        if (system(cmd) != 0)
            return 0;
        p->wall = now_s() - t0;
    }
    p->have = 1;
    return 1;
}

static void checkpoints(const char *name, hl_model *m, const net_params *p)
{
    /* back to the network's own boundary conditions */
    if (hl_model_set_ground_temp(m, p->t_amb + HL_ZERO_C_K) ||
        hl_model_solve(m, NULL))
        return;
    if (strncmp(name, "line_", 5) == 0) {
        char id[32];
        snprintf(id, sizeof id, "J%d", p->n_pipes);
        hl_node_result a, b;
        hl_model_node_result(m, hl_model_find(m, HL_NODE, "J0"), &a);
        hl_model_node_result(m, hl_model_find(m, HL_NODE, id), &b);
        printf("    %s: outlet %.6f C (exact 117.434825), pressure drop %.6f "
               "bar (EPANET 11.242210)\n",
               name, b.temp_k - HL_ZERO_C_K,
               p->rho * G_EPANET * (a.head_m - b.head_m) / 1e5);
    } else if (strcmp(name, "grid_10000") == 0) {
        hl_pipe_result r;
        hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "P1"), &r);
        hl_node_result a, b;
        hl_model_node_result(m, hl_model_find(m, HL_NODE, "J0"), &a);
        hl_model_node_result(m, hl_model_find(m, HL_NODE, "J8647"), &b);
        /* EPANET's L/s are 28.317 / 28.316846592 of a litre per second:
         * its reported flow, read as exact L/s, is that much higher */
        printf("    %s: P1 %.4f kg/s as EPANET reports it (987.2647), "
               "J0-J8647 %.4f bar (8.3347)\n",
               name, r.mass_flow_kg_s * 28.317 / 28.316846592,
               p->rho * G_EPANET * (a.head_m - b.head_m) / 1e5);
    }
}

static void bench_net(const char *dir, const char *name, int runs)
{
    char inp[2048], json[2048], hyd[2100];
    snprintf(inp, sizeof inp, "%s/%s.inp", dir, name);
    snprintf(json, sizeof json, "%s/%s.json", dir, name);
    net_params p;
    if (!read_params(json, &p))
        return;
    double load[MAX_RUNS], solve[MAX_RUNS], resolve[MAX_RUNS], bytes[MAX_RUNS];
    double pl[MAX_RUNS], ps[MAX_RUNS], pr[MAX_RUNS], pw[MAX_RUNS];
    hl_model *keep = NULL;
    int it = 0, np = 0, have_peer = hydraulic_copy(inp, hyd, sizeof hyd);
    for (int r = 0; r < runs; r++) {
        sample s = {0};
        if (!one_run(inp, &p, &s, &keep))
            return;
        load[r] = s.load, solve[r] = s.solve, resolve[r] = s.resolve;
        bytes[r] = s.bytes, it = s.iterations;
        peer q = {0};
        if (have_peer && (getenv("EPANET_TIMER") || getenv("EPANET_RUN")) &&
            peer_once(hyd, &q)) {
            pl[np] = q.load, ps[np] = q.solve, pr[np] = q.resolve;
            pw[np++] = q.wall;
        }
    }
    double sv = median(solve, runs);
    printf("%-12s %7d %8.4f %8.4f %8.4f %6.0f %3d", name, p.n_pipes,
           median(load, runs), sv, median(resolve, runs),
           median(bytes, runs) / p.n_pipes, it);
    if (np) {
        double es = median(ps, np);
        double ew = median(pw, np);
        printf(" | %8.4f %8.4f %8.4f ", median(pl, np), es, median(pr, np));
        if (ew > 0.0)
            printf("%8.4f", ew);
        else
            printf("%8s", "-");
        printf(" %6.2f", es > 0 ? sv / es : NAN);
    }
    printf("\n");
    checkpoints(name, keep, &p);
    hl_model_free(keep);
    remove(hyd);
}

/* The machine's load average (/proc/loadavg), for the table's record. */
static void print_load(const char *when)
{
    char line[128] = "unknown";
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (!fgets(line, sizeof line, f))
            snprintf(line, sizeof line, "unknown\n");
        fclose(f);
    }
    printf("load average %s: %s", when, line);
}

/* How both sides were built: heatline's flags from CMake, EPANET's from
 * the file bench/build_epanet.sh writes (EPANET_PEER_INFO). */
static void print_builds(int with_peer)
{
    printf("heatline %s, %s, C flags '%s'\n", hl_version(), HL_BENCH_COMPILER,
           HL_BENCH_FLAGS);
    const char *info = getenv("EPANET_PEER_INFO");
    char line[512];
    FILE *f = info ? fopen(info, "r") : NULL;
    if (f && fgets(line, sizeof line, f))
        printf("peer: %s", line);
    else if (with_peer)
        printf("peer: build unknown (EPANET_PEER_INFO names the peer.txt "
               "of bench/build_epanet.sh)\n");
    if (f)
        fclose(f);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "bench/out";
    static const char *ladder[] = {"line_100000", "grid_1000", "grid_10000",
                                   "grid_100000"};
    const char *env = getenv("HL_BENCH_RUNS");
    int runs = env ? atoi(env) : 5;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 5;
    int with_peer = getenv("EPANET_TIMER") || getenv("EPANET_RUN");
    printf("heatline network engine, median of %d runs, seconds "
           "(load = read + build; solve = first hydraulic + thermal solve "
           "with the sparse analysis; re-solve after a boundary change)\n",
           runs);
    print_builds(with_peer);
    print_load("before");
    printf("%-12s %7s %8s %8s %8s %6s %3s", "net", "pipes", "load", "solve",
           "re-solve", "B/pipe", "it");
    if (with_peer)
        printf(" | %8s %8s %8s %8s %6s", "E:load", "E:solve", "E:resolv",
               "E:proc", "ratio");
    printf("\n");
    if (argc > 2)
        for (int i = 2; i < argc; i++)
            bench_net(dir, argv[i], runs);
    else
        for (size_t i = 0; i < sizeof ladder / sizeof ladder[0]; i++)
            bench_net(dir, ladder[i], runs);
    if (with_peer)
        printf("E: = EPANET (EPANET_TIMER in process; E:proc = runepanet "
               "wall time); ratio = heatline solve / EPANET solve\n");
    print_load("after");
    return 0;
}
