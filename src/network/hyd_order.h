/*
 * hyd_order.h - fill-reducing order of the hydraulic unknowns: hanging
 * trees and chains of the network first, AMD on the rest (hyd_order.c).
 */
#ifndef HL_HYD_ORDER_H
#define HL_HYD_ORDER_H

#include <cholmod.h>

/* Order of the n unknowns whose pattern (upper triangle, diagonal
 * allowed) is ap, ai: perm[k] is the unknown eliminated k-th. Returns 0,
 * or -1 when out of memory. */
int hyd_order(int n, const int *ap, const int *ai, int *perm,
              cholmod_common *cc);

#endif
