/*
 * lab_internal.h - pieces shared by the files of src/lab/: the lambda of
 * one set-up without checks, the outer boundary of a comparison run, and
 * the statistics the fit needs.
 */
#ifndef HL_LAB_INTERNAL_H
#define HL_LAB_INTERNAL_H

#include "heatline.h"

/* lambda of a run (no checks); *flow (may be NULL) gets W/m or W/m2. */
double lab_lambda(int setup, const hl_lab_input *in, int coef_set,
                  double *flow);

/* The outer boundary of a comparison run for the surface engine. */
void lab_outer_bc(const hl_lab_input *in, int coef_set, hl_outer_bc *bc);

/* Upper tail probability of the F(d1, d2) distribution at f. */
double lab_f_upper(double f, double d1, double d2);

/* Quantile p of the chi-square distribution with dof degrees of freedom
 * (Wilson-Hilferty approximation). */
double lab_chi2_quantile(double p, double dof);

#endif
