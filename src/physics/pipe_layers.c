/*
 * pipe_layers.c - the radial layers of one pipe build-up (insulation,
 * casing) with temperature-dependent conductivity. A layer between radii
 * r1 < r2 carries q = 2 pi / ln(r2/r1) * integral_{T2}^{T1} lambda dT
 * exactly (Kirchhoff transform; Carslaw & Jaeger 1959, section 1.7), so its
 * resistance at given interface temperatures is ln(r2/r1) / (2 pi lm) with
 * lm the mean of lambda over [T2, T1].
 */
#include "pipe_internal.h"

#include <math.h>

void radial_from_buildup(const hl_pipe_buildup *b, radial_buildup *out)
{
    out->n = b->n_layers;
    out->r[0] = 0.5 * b->carrier_od_m;
    for (int i = 0; i < b->n_layers; i++) {
        out->r[i + 1] = out->r[i] + b->layer[i].thickness_m;
        out->lam[i] = &b->layer[i].lambda;
        out->g[i] = log(out->r[i + 1] / out->r[i]) / (2.0 * M_PI);
    }
}

/* The mean of lambda over [a, b]; for a linear lambda it is lambda at the
 * midpoint exactly, without the difference of two antiderivatives. */
double lambda_mean_between(const hl_conductivity *lam, double a, double b)
{
    if (fabs(b - a) < 1e-9 || lambda_is_linear(lam))
        return hl_lambda_at(lam, 0.5 * (a + b));
    return hl_lambda_integral(lam, a, b) / (b - a);
}

double radial_resistances(const radial_buildup *b, const double *t,
                          double *r_layer)
{
    double sum = 0.0;
    for (int i = 0; i < b->n; i++) {
        r_layer[i] = b->g[i] / lambda_mean_between(b->lam[i], t[i + 1], t[i]);
        sum += r_layer[i];
    }
    return sum;
}

void radial_march(const radial_buildup *b, double t0_k, double q, double *t)
{
    t[0] = t0_k;
    for (int i = 0; i < b->n; i++) {
        /* integral_{t_i}^{t_i+1} lambda dT = -q g */
        t[i + 1] = lambda_integral_inverse(b->lam[i], t[i], -q * b->g[i]);
    }
}

int radial_is_constant(const radial_buildup *b)
{
    double k;
    for (int i = 0; i < b->n; i++)
        if (!lambda_is_constant(b->lam[i], &k))
            return 0;
    return 1;
}
