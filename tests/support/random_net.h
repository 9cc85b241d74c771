/*
 * random_net.h - small random district-heating networks as model text
 * (docs/model-format.md), reproducible from a seed: a supply tree and its
 * return tree (buried pairs or single pipes), extra pipes that close loops,
 * one or two plants, consumers of every mode at loads from a trickle to
 * more than the pumps can move, dead-end branches that carry no flow,
 * valves (open, closed, check, sometimes against the flow), booster pumps
 * on or off, and valve chambers with catalogue fittings. Used by the
 * randomized and metamorphic tests.
 */
#ifndef HL_RANDOM_NET_H
#define HL_RANDOM_NET_H

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rnet {
    char *text;
    size_t len, cap;
    uint64_t state;
    int n_branch; /* supply (and return) nodes besides the plant's */
    /* the options a metamorphic test fixes */
    int tree_only;     /* no loops, one plant */
    int flow_only;     /* consumers by fixed flow */
    int no_extremes;   /* loads a plant can serve */
    int sized;         /* pipes and the pump sized for the demands */
    int reverse_lists; /* write every list last element first */
    int rotate_lists;  /* write every list from its middle, wrapping */
    double demand_factor;
} rnet;

static uint64_t rnet_next(rnet *g)
{
    uint64_t x = g->state; /* xorshift64* (Vigna 2016) */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    g->state = x;
    return x * 2685821657736338717ULL;
}

/* Uniform in [0, 1). */
static double rnet_unit(rnet *g)
{
    return (double)(rnet_next(g) >> 11) * (1.0 / 9007199254740992.0);
}

static int rnet_int(rnet *g, int lo, int hi) /* lo .. hi inclusive */
{
    return lo + (int)(rnet_unit(g) * (hi - lo + 1));
}

static void rnet_put(rnet *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (g->len + (size_t)n + 1 > g->cap) {
        g->cap = 2 * (g->len + (size_t)n + 1);
        g->text = realloc(g->text, g->cap);
        if (!g->text)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(g->text + g->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    g->len += (size_t)n;
}

/* Lines of one list, kept so that they can be written in either order. */
typedef struct rnet_list {
    int n;
    char line[400][200];
} rnet_list;

static void rnet_add(rnet_list *l, const char *fmt, ...)
{
    if (l->n == 400)
        abort();
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->line[l->n++], sizeof l->line[0], fmt, ap);
    va_end(ap);
}

static void rnet_write(rnet *g, const char *name, const rnet_list *l)
{
    if (l->n == 0)
        return;
    rnet_put(g, "%s:\n", name);
    for (int i = 0; i < l->n; i++) {
        int j = g->reverse_lists ? l->n - 1 - i : i;
        if (g->rotate_lists)
            j = (j + l->n / 2) % l->n;
        rnet_put(g, "  - %s\n", l->line[j]);
    }
}

static const int rnet_dn[] = {50, 80, 100, 150, 200, 300, 400, 600};

typedef struct rnet_lists {
    rnet_list nodes, pipes, pumps, valves, consumers, sources, chambers;
} rnet_lists;

/* What the network is asked to carry, drawn before it is written: the
 * tree (parent of each branch node), lengths, elevations and consumers,
 * so that a sized network can give its pipes and pump the flows the
 * consumers ask for. */
#define RNET_MAX 25
typedef struct rnet_plan {
    int parent[RNET_MAX];
    double len[RNET_MAX], z[RNET_MAX];
    int consumer[RNET_MAX]; /* mode + 1, 0 = a dead end */
    double load[RNET_MAX];  /* kW or kg/s by mode */
    double t_ret[RNET_MAX]; /* return temperature or drop */
    double flow[RNET_MAX];  /* estimated kg/s of the consumer */
    double sub[RNET_MAX];   /* ... of the subtree */
    double supply_c;
} rnet_plan;

/* Smallest listed DN carrying flow kg/s at up to 1.2 m/s. */
static int rnet_size_dn(double flow)
{
    for (int i = 0; i < 8; i++) {
        double d = rnet_dn[i] * 1e-3;
        if (flow / (970.0 * 0.785398 * d * d) <= 1.2)
            return rnet_dn[i];
    }
    return rnet_dn[7];
}

/* Longest supply path from the plant, m. */
static double rnet_depth(const rnet *g, const rnet_plan *p)
{
    double d[RNET_MAX] = {0}, most = 0.0;
    for (int i = 1; i <= g->n_branch; i++) {
        d[i] = d[p->parent[i]] + p->len[i];
        most = fmax(most, d[i]);
    }
    return most;
}

static void rnet_plants(rnet *g, rnet_lists *L, int two, const rnet_plan *p,
                        int sized)
{
    double zmax = 0.0;
    for (int i = 1; i <= g->n_branch; i++)
        zmax = fmax(zmax, p->z[i]);
    /* sized: static pressure above the highest node and boiling; a pump
     * for the flows asked plus a margin, with the head of about 120 Pa/m
     * along the longest path there and back and 1.5 bar at the end */
    double flow = fmax(p->sub[0], 1.0) * 3.6 / 0.97;
    double q = sized ? 1.3 * flow : 50.0 + 950.0 * rnet_unit(g);
    double head = sized ? 2.0 * 0.012 * rnet_depth(g, p) + 15.0
                        : 20.0 + 80.0 * rnet_unit(g);
    double p0 = sized ? 3.0 + zmax / 10.0 : 1.0 + 5.0 * rnet_unit(g);
    rnet_add(&L->nodes, "{id: R0, side: return, pressure_bar_g: %.1f}", p0);
    rnet_add(&L->nodes, "{id: P0}");
    rnet_add(&L->sources,
             "{id: plant0, inlet: P0, outlet: S0, "
             "supply_temp_c: %.1f, station: plant0}",
             p->supply_c);
    rnet_add(&L->pumps,
             "{id: pump0, from: R0, to: P0, design_flow_m3_per_h: %.0f, "
             "design_head_m: %.0f, station: plant0}",
             q, head);
    if (!two)
        return;
    int k = g->n_branch; /* the last branch node hosts the second plant */
    rnet_add(&L->nodes, "{id: P1}");
    rnet_add(&L->pumps,
             "{id: pump1, from: R%d, to: P1, pressure_rise_bar: %.2f, "
             "status: %s}",
             k, 0.5 + 3.0 * rnet_unit(g), rnet_unit(g) < 0.8 ? "on" : "off");
    if (rnet_unit(g) < 0.5)
        rnet_add(&L->sources,
                 "{id: plant1, inlet: P1, outlet: S%d, "
                 "supply_temp_c: %.1f}",
                 k, 70.0 + 60.0 * rnet_unit(g));
    else
        rnet_add(&L->sources,
                 "{id: plant1, inlet: P1, outlet: S%d, "
                 "heat_mw: %.2f}",
                 k, 0.1 + 5.0 * rnet_unit(g));
}

/* The supply pipe of an edge, sometimes through a valve or a booster. */
static void rnet_supply_edge(rnet *g, rnet_lists *L, const char *id, int a,
                             int b, const char *rest)
{
    double u = g->tree_only ? 1.0 : rnet_unit(g);
    if (u < 0.08) { /* valve in line */
        static const char *kinds[] = {
            "type: isolation, status: open, kv_m3_per_h: 400",
            "type: isolation, status: closed", "type: check",
            "type: check"}; /* check valves: half of them backwards */
        int v = rnet_int(g, 0, 3);
        rnet_add(&L->nodes, "{id: X%s, side: supply}", id);
        rnet_add(&L->pipes, "{id: %s, from: S%d, to: X%s, %s}", id, a, id,
                 rest);
        if (v == 3)
            rnet_add(&L->valves, "{id: v%s, from: S%d, to: X%s, %s}", id, b, id,
                     kinds[v]);
        else
            rnet_add(&L->valves, "{id: v%s, from: X%s, to: S%d, %s}", id, id, b,
                     kinds[v]);
    } else if (u < 0.12) { /* booster pump */
        rnet_add(&L->nodes, "{id: X%s, side: supply}", id);
        rnet_add(&L->pipes, "{id: %s, from: S%d, to: X%s, %s}", id, a, id,
                 rest);
        rnet_add(&L->pumps,
                 "{id: b%s, from: X%s, to: S%d, pressure_rise_bar: %.2f, "
                 "status: %s}",
                 id, id, b, 0.2 + 2.0 * rnet_unit(g),
                 rnet_unit(g) < 0.7 ? "on" : "off");
    } else {
        rnet_add(&L->pipes, "{id: %s, from: S%d, to: S%d, %s}", id, a, b, rest);
    }
}

/* A supply/return pair of pipes between branch nodes a and b. */
static void rnet_edge(rnet *g, rnet_lists *L, const char *tag, int a, int b,
                      double len, int dn)
{
    int pair = rnet_unit(g) < 0.5;
    char rest[200], sid[32], rid[32];
    snprintf(sid, sizeof sid, "s%s", tag);
    snprintf(rid, sizeof rid, "r%s", tag);
    snprintf(rest, sizeof rest, "length_m: %.1f, type: dn%d%s%s", len, dn,
             pair ? "p, pair: " : "s", pair ? rid : "");
    rnet_supply_edge(g, L, sid, a, b, rest);
    rnet_add(&L->pipes,
             "{id: %s, from: R%d, to: R%d, length_m: %.1f, "
             "type: dn%d%s}",
             rid, b, a, len, dn, pair ? "p" : "s");
}

/* Consumer i's mode, load and temperatures, and its estimated flow. */
static void rnet_plan_consumer(rnet *g, rnet_plan *p, int i)
{
    double u = rnet_unit(g);
    double kw = u < 0.1 && !g->no_extremes     ? 0.01
                : u < 0.115 && !g->no_extremes ? 5e5 /* more than any pump */
                                               : 10.0 + 3000.0 * rnet_unit(g);
    int mode = g->flow_only ? 2 : rnet_int(g, 0, 2);
    p->consumer[i] = mode + 1;
    if (mode == 0) {
        p->load[i] = kw;
        p->t_ret[i] = 30.0 + 30.0 * rnet_unit(g);
        p->flow[i] = kw / (4.2 * fmax(p->supply_c - p->t_ret[i], 10.0));
    } else if (mode == 1) {
        p->load[i] = kw;
        p->t_ret[i] = 10.0 + 40.0 * rnet_unit(g);
        p->flow[i] = kw / (4.2 * p->t_ret[i]);
    } else { /* rounded first: a demand factor of 2 is exact */
        p->load[i] = round((0.05 + 20.0 * rnet_unit(g)) * 1e4) * 1e-4;
        p->t_ret[i] = 30.0 + 30.0 * rnet_unit(g);
        p->flow[i] = p->load[i];
    }
}

static void rnet_consumer(rnet *g, rnet_lists *L, const rnet_plan *p, int i)
{
    double f = g->demand_factor;
    static const char *fmt[] = {
        "{id: c%d, supply: S%d, return: R%d, heat_kw: %.17g, "
        "return_temp_c: %.1f}",
        "{id: c%d, supply: S%d, return: R%d, heat_kw: %.17g, "
        "delta_t_k: %.1f}",
        "{id: c%d, supply: S%d, return: R%d, flow_kg_per_s: %.17g, "
        "return_temp_c: %.1f}"};
    rnet_add(&L->consumers, fmt[p->consumer[i] - 1], i, i, i, p->load[i] * f,
             p->t_ret[i]);
}

static void rnet_plan_draw(rnet *g, rnet_plan *p, int sized)
{
    p->supply_c = 70.0 + 60.0 * rnet_unit(g);
    for (int i = 1; i <= g->n_branch; i++) {
        p->parent[i] = rnet_int(g, 0, i - 1);
        p->len[i] =
            sized ? 20.0 + 980.0 * rnet_unit(g) : 20.0 + 2980.0 * rnet_unit(g);
        p->z[i] = 40.0 * rnet_unit(g);
        if (rnet_unit(g) < 0.7) /* the others are dead ends */
            rnet_plan_consumer(g, p, i);
    }
    for (int i = g->n_branch; i >= 0; i--) { /* parents come first */
        p->sub[i] += p->consumer[i] ? p->flow[i] * g->demand_factor : 0.0;
        if (i > 0)
            p->sub[p->parent[i]] += p->sub[i];
    }
}

static void rnet_types(rnet *g)
{
    rnet_put(g, "pipe_types:\n");
    for (int i = 0; i < 8; i++)
        for (int pair = 0; pair < 2; pair++)
            rnet_put(g,
                     "  dn%d%s: {dn: %d, wall_mm: 6, roughness_mm: 0.1, "
                     "pn_bar: 25, laying: %s, layers: [{material: pur-en253, "
                     "thickness_mm: 40}], cover_m: 0.8,%s "
                     "soil_conductivity_w_per_mk: 1.5}\n",
                     rnet_dn[i], pair ? "p" : "s", rnet_dn[i],
                     pair ? "pair" : "single",
                     pair ? " clear_spacing_m: 0.15," : "");
}

/* Model text for seed; the caller frees g->text. */
static const char *rnet_model(rnet *g, uint64_t seed)
{
    static rnet_lists L;
    memset(&L, 0, sizeof L);
    g->state = seed * 0x9E3779B97F4A7C15ULL + 1;
    g->len = 0;
    if (g->demand_factor == 0.0)
        g->demand_factor = 1.0;
    g->n_branch = rnet_int(g, 1, 24);
    int two = !g->tree_only && g->n_branch > 2 && rnet_unit(g) < 0.25;
    rnet_put(g, "heatline_model: 1\nname: random %llu\n",
             (unsigned long long)seed);
    rnet_put(g, "settings: {ground_temp_c: %.1f}\n", 15.0 * rnet_unit(g));
    rnet_types(g);
    rnet_plan p;
    memset(&p, 0, sizeof p);
    rnet_plan_draw(g, &p, g->sized);
    rnet_add(&L.nodes, "{id: S0, side: supply}");
    for (int i = 1; i <= g->n_branch; i++) {
        rnet_add(&L.nodes, "{id: S%d, side: supply, elevation_m: %.1f}", i,
                 p.z[i]);
        rnet_add(&L.nodes, "{id: R%d, side: return, elevation_m: %.1f}", i,
                 p.z[i]);
        char tag[16];
        snprintf(tag, sizeof tag, "%d", i);
        int dn = g->sized ? rnet_size_dn(p.sub[i]) : rnet_dn[rnet_int(g, 0, 7)];
        rnet_edge(g, &L, tag, p.parent[i], i, p.len[i], dn);
        if (p.consumer[i])
            rnet_consumer(g, &L, &p, i);
    }
    int loops = g->tree_only ? 0 : rnet_int(g, 0, g->n_branch / 3);
    for (int j = 0; j < loops; j++) {
        int a = rnet_int(g, 0, g->n_branch), b = rnet_int(g, 0, g->n_branch);
        if (a == b)
            continue;
        char tag[16];
        snprintf(tag, sizeof tag, "L%d", j);
        double len = g->sized ? 20.0 + 980.0 * rnet_unit(g)
                              : 20.0 + 2980.0 * rnet_unit(g);
        int dn = g->sized ? rnet_size_dn(fmax(p.sub[a], p.sub[b]))
                          : rnet_dn[rnet_int(g, 0, 7)];
        rnet_edge(g, &L, tag, a, b, len, dn);
    }
    rnet_plants(g, &L, two, &p, g->sized);
    if (rnet_unit(g) < 0.5) {
        int at = rnet_int(g, 1, g->n_branch);
        rnet_add(&L.chambers,
                 "{id: ch%d, fittings: [{type: gate-valve, dn: 100, pn: 16, "
                 "node: S%d, state: bare}, {type: flange-pair, dn: 100, pn: "
                 "16, node: R%d, state: coated, count: 2}]}",
                 at, at, at);
    }
    rnet_write(g, "nodes", &L.nodes);
    rnet_write(g, "pipes", &L.pipes);
    rnet_write(g, "pumps", &L.pumps);
    rnet_write(g, "valves", &L.valves);
    rnet_write(g, "consumers", &L.consumers);
    rnet_write(g, "sources", &L.sources);
    rnet_write(g, "chambers", &L.chambers);
    return g->text;
}

#endif
