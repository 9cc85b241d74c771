/*
 * declared.c - design values from a fit: the declared conductivity (a
 * simplified reading of EN ISO 13787, see docs/physics.md) and the fitted
 * curve as a row of the material table.
 */
#include "lab_internal.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* One-sided 95 % coverage factor of the normal distribution. */
#define DECLARED_K 1.645

double hl_lab_declared(const hl_lab_fit *f, double t_k)
{
    double u;
    double v = hl_lab_fit_eval(f, t_k, &u) + DECLARED_K * u;
    /* rounded up to the next 0.001 W/(m K); the 1e-9 keeps a value that
     * is already on the grid from moving up by round-off */
    return ceil(v * 1000.0 - 1e-9) / 1000.0;
}

hl_conductivity hl_lab_fit_conductivity(const hl_lab_fit *f)
{
    hl_conductivity lam;
    memset(&lam, 0, sizeof lam);
    lam.kind = HL_LAMBDA_POLY;
    lam.n = 1;
    lam.piece[0].from_k = f->t_min_k;
    lam.piece[0].ref_k = f->ref_k;
    lam.piece[0].n_coef = f->degree + 1;
    for (int i = 0; i <= f->degree; i++)
        lam.piece[0].c[i] = f->c[i];
    return lam;
}

void hl_lab_material(const hl_lab_fit *f, const char *id, const char *category,
                     const char *origin, double emissivity,
                     double density_kg_m3, hl_material *out)
{
    memset(out, 0, sizeof *out);
    copy_text(out->id, sizeof out->id, id);
    snprintf(out->name, sizeof out->name, "%s (lab fit)", id);
    copy_text(out->category, sizeof out->category,
              category && *category ? category : "coating");
    out->lambda = hl_lab_fit_conductivity(f);
    out->t_min_k = floor(f->t_min_k - HL_ZERO_C_K) + HL_ZERO_C_K;
    out->t_max_k = ceil(f->t_max_k - HL_ZERO_C_K) + HL_ZERO_C_K;
    out->max_service_k = NAN;
    out->continuous_service_k = NAN;
    out->emissivity = emissivity;
    out->density_kg_m3 = density_kg_m3;
    out->cost_cny_m3 = NAN;
    const char *base = strrchr(origin, '/');
    base = base ? base + 1 : origin;
    double u;
    double mid = hl_lab_fit_eval(f, f->ref_k, &u);
    snprintf(out->source, sizeof out->source,
             "heatline lab fit of %s: %d runs, %s weighted least squares, "
             "lambda(%.0f C) = %.5f +- %.5f W/(m K) (1 s.u.); valid over "
             "the tested mean temperatures only",
             base, f->n, f->degree == 2 ? "quadratic" : "linear",
             f->ref_k - HL_ZERO_C_K, mid, u);
}
