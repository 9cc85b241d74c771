/*
 * hyd_order.h - fill-reducing order of the hydraulic unknowns: hanging
 * trees and chains of the network first, AMD on the rest (hyd_order.c).
 */
#ifndef HL_HYD_ORDER_H
#define HL_HYD_ORDER_H

#include <cholmod.h>

/* Order of the n unknowns whose pattern (upper triangle, diagonal
 * allowed) is ap, ai: perm[k] is the unknown eliminated k-th. The first
 * *n_elim of the order are tree and chain nodes, each with at most two
 * neighbours left when it is eliminated: nb[2v], nb[2v + 1] (unknowns,
 * -1 for none; two different ones); the rest is the core. Returns 0, or
 * -1 when out of memory. */
int hyd_order(int n, const int *ap, const int *ai, int *perm, int *nb,
              int *n_elim, cholmod_common *cc);

#endif
