/*
 * suter_family.h - built-in four-quadrant (Suter) pump characteristics by
 * specific speed (suter_family.c, docs/physics.md "Four-quadrant pumps").
 */
#ifndef HL_SURGE_SUTER_FAMILY_H
#define HL_SURGE_SUTER_FAMILY_H

#define SUTER_FAMILIES 3
#define SUTER_FAMILY_N 88 /* values per table, x = 2 pi i / 88 */

typedef struct suter_family {
    const char *name; /* "ns25", "ns147", "ns261" (model key suter:) */
    double ns;        /* specific speed, rpm, m3/s, m */
    const double *wh, *wb;
} suter_family;

/* Family i (0 .. SUTER_FAMILIES - 1, in order of specific speed; the
 * index the model's `suter:` key stores), or NULL. */
const suter_family *suter_family_get(int i);

/* Index of the family nearest ns on a logarithmic scale (the boundaries
 * lie at the geometric means, 60.6 and 195.9); -1 for no positive ns. */
int suter_family_nearest(double ns);

/* Ns = N Q^0.5 / H^0.75 (rpm, m3/s per unit, m per stage); NaN when any
 * is not positive. */
double suter_specific_speed(double rpm, double q_m3_s, double head_m);

#endif
