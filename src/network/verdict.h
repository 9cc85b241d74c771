/*
 * verdict.h - the verdict record of a solve (feasibility.c): every
 * violation of a hard limit, and the static pressure of every node with
 * the pumps stopped (static_check.c).
 */
#ifndef HL_VERDICT_H
#define HL_VERDICT_H

#include "network/net.h"

typedef struct verdict_rec {
    int kind, element_kind, element;
    double value, limit;
} verdict_rec;

struct net_verdict {
    int n, cap;
    verdict_rec *rec;
    int lost;         /* records that could not be kept (out of memory) */
    double *p_static; /* per node: static gauge pressure, NaN none */
    double *margin;   /* per node: static absolute - saturation, Pa */
    hl_static_reference *ref; /* per pressurisation point */
    int n_ref;
    double min_margin; /* least margin, Pa (NaN none) */
    int min_node;
};

#endif
