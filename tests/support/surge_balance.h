/*
 * surge_balance.h - the surge tests' mass balance at a junction: mass in
 * minus mass out at free node k, kg/s (pipe ends at their own density,
 * devices' flows; air vessels and relief valves take or give water at
 * their own node and are not counted as links). A node at vapour pressure
 * holds a cavity, or closes one in this step: DVCM lets the cavity's last
 * volume overshoot zero within the step, so callers skip those nodes.
 */
#ifndef HL_TEST_SURGE_BALANCE_H
#define HL_TEST_SURGE_BALANCE_H

#include "surge/surge.h"

static inline double surge_junction_imbalance(const surge_net *s, int k)
{
    double sum = -s->nd_demand[k];
    for (int p = 0; p < s->n_pipes; p++) {
        long o = s->pp_off[p];
        if (s->pp_from[p] == k)
            sum -= s->pp_rho[p] * s->qd[o];
        if (s->pp_to[p] == k)
            sum += s->pp_rho[p] * s->qu[o + s->pp_n[p]];
    }
    for (int d = 0; d < s->n_devs; d++) {
        if (s->dv_to[d] == k && s->dv_kind[d] != DEV_AIR &&
            s->dv_kind[d] != DEV_RELIEF)
            sum += s->dv_m[d];
        if (s->dv_from[d] == k)
            sum -= s->dv_m[d];
    }
    return sum;
}

#endif
