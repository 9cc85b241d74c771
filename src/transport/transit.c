/*
 * transit.c - the current travel time from the sources to every node: the
 * time water would take at this hour's flows (pipes hold M / |m| seconds
 * of their flow; pumps, valves, consumers and exchangers none), mixed by
 * mass at the nodes in flow order (Kahn's algorithm). A source's outlet,
 * and water entering from outside the network, start at zero. Across a
 * heat exchanger the secondary side's outlet takes the travel time of the
 * primary side's inlet (the heat's path: the city's water is heated by
 * the plant's). A loop that no source opens is torn at the node with the
 * fewest missing inflows.
 * The water's actual age (which follows the history of the flows) is
 * carried by the parcels instead.
 */
#include "transport/transport.h"

#include <math.h>
#include <stdlib.h>

#define TR_ZERO_FLOW 1e-5 /* kg/s, as the steady engine's THERMAL_ZERO_FLOW */

typedef struct transit_work {
    int *indeg, *queue;
    double *m, *mt;
    signed char *done;
} transit_work;

static int up_of(const tr_net *n, int k)
{
    return n->lk_m[k] >= 0.0 ? n->lk_from[k] : n->lk_to[k];
}

static int dn_of(const tr_net *n, int k)
{
    return n->lk_m[k] >= 0.0 ? n->lk_to[k] : n->lk_from[k];
}

static double link_delay(const tr_net *n, int k)
{
    if (n->lk_kind[k] != TR_PIPE)
        return 0.0;
    return n->pp_mass[n->lk_sub[k]] / fabs(n->lk_m[k]);
}

static int resets(const tr_net *n, int k)
{
    return n->lk_kind[k] == TR_SOURCE && n->lk_m[k] > 0.0;
}

/* Secondary side of an exchanger whose primary flows: it follows the
 * primary's inlet instead of its own. */
static int heat_follows(const tr_net *n, int k)
{
    if (n->lk_kind[k] != TR_HX_SEC)
        return 0;
    return fabs(n->lk_m[n->hx_pri[n->lk_sub[k]]]) > TR_ZERO_FLOW;
}

static void send(const tr_net *n, transit_work *w, int k, double tau_up,
                 int *tail)
{
    int d = dn_of(n, k);
    w->m[d] += fabs(n->lk_m[k]);
    w->mt[d] += fabs(n->lk_m[k]) * (tau_up + link_delay(n, k));
    if (--w->indeg[d] == 0 && !w->done[d])
        w->queue[(*tail)++] = d;
}

static void visit(const tr_net *n, transit_work *w, int v, double *tau,
                  int *tail)
{
    tau[v] = w->m[v] > 0.0 ? w->mt[v] / w->m[v] : 0.0;
    w->done[v] = 1;
    for (int a = n->adj_start[v]; a < n->adj_start[v + 1]; a++) {
        int k = n->adj_link[a];
        if (!(fabs(n->lk_m[k]) > TR_ZERO_FLOW) || up_of(n, k) != v ||
            resets(n, k))
            continue;
        if (n->lk_kind[k] == TR_HX_PRI) {
            int ks = n->hx_sec[n->lk_sub[k]];
            if (fabs(n->lk_m[ks]) > TR_ZERO_FLOW)
                send(n, w, ks, tau[v], tail);
        }
        if (!heat_follows(n, k))
            send(n, w, k, tau[v], tail);
    }
}

static void order(const tr_net *n, transit_work *w, double *tau)
{
    int head = 0, tail = 0;
    for (int i = 0; i < n->n_nodes; i++)
        if (w->indeg[i] == 0)
            w->queue[tail++] = i;
    for (int seen = 0; seen < n->n_nodes;) {
        if (head == tail) { /* a loop: tear it */
            int best = -1;
            for (int i = 0; i < n->n_nodes; i++)
                if (!w->done[i] && (best < 0 || w->indeg[i] < w->indeg[best]))
                    best = i;
            if (best < 0)
                break;
            w->indeg[best] = 0;
            w->queue[tail++] = best;
        }
        int v = w->queue[head++];
        if (w->done[v])
            continue;
        visit(n, w, v, tau, &tail);
        seen++;
    }
}

int tr_transit(const tr_net *n, double *tau)
{
    size_t nn = (size_t)n->n_nodes + 1;
    transit_work w = {calloc(nn, sizeof(int)), calloc(nn, sizeof(int)),
                      calloc(nn, sizeof(double)), calloc(nn, sizeof(double)),
                      calloc(nn, 1)};
    int rc = -1;
    if (!w.indeg || !w.queue || !w.m || !w.mt || !w.done)
        goto out;
    for (int k = 0; k < n->n_links; k++) {
        if (!(fabs(n->lk_m[k]) > TR_ZERO_FLOW))
            continue;
        if (resets(n, k))
            w.m[dn_of(n, k)] += fabs(n->lk_m[k]); /* starts at 0 s */
        else
            w.indeg[dn_of(n, k)]++;
    }
    for (int i = 0; i < n->n_nodes; i++)
        if (n->nd_in[i] > TR_ZERO_FLOW)
            w.m[i] += n->nd_in[i];
    order(n, &w, tau);
    rc = 0;
out:
    free(w.indeg);
    free(w.queue);
    free(w.m);
    free(w.mt);
    free(w.done);
    return rc;
}
