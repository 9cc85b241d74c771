/*
 * sensitivity.c - how much a comparison-heating conductivity depends on
 * the assumed emissivity and on the outer-coefficient set: the runs are
 * reduced again with the changed assumption and refitted.
 */
#include "lab_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* lambda at design_k from the runs of material at age, each reduced with
 * coef_set and its emissivity moved by d_eps (kept inside (0, 1]). */
static int refit(const hl_lab_data *d, const char *material, double age,
                 int degree, double design_k, int coef_set, double d_eps,
                 double *lambda, hl_error *err)
{
    hl_lab_point *pts = calloc((size_t)d->n_runs, sizeof *pts);
    if (!pts)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    int n = 0, rc = HL_OK;
    for (int i = 0; i < d->n_runs && !rc; i++) {
        const hl_lab_run *r = &d->runs[i];
        if (strcasecmp(r->material, material) != 0 ||
            fabs(hl_lab_run_age(d, r) - age) > 1e-9)
            continue;
        hl_lab_input in = r->in;
        in.emissivity = fmin(1.0, fmax(0.01, in.emissivity + d_eps));
        hl_lab_value v;
        rc = hl_lab_reduce(HL_LAB_COMPARISON, &in, coef_set, &v, err);
        pts[n] = (hl_lab_point){r->line,    v.t_mean_k, v.delta_t_k, v.lambda,
                                v.u_lambda, 0,          0,           0};
        n++;
    }
    hl_lab_fit_options o = {degree, 0.0, d->origin, material};
    hl_lab_fit f;
    if (!rc)
        rc = hl_lab_fit_lambda(pts, n, &o, &f, err);
    if (!rc)
        *lambda = hl_lab_fit_eval(&f, design_k, NULL);
    free(pts);
    return rc;
}

int hl_lab_sensitivity_of(const hl_lab_data *d, const char *material,
                          double age, int degree, double design_k,
                          double emissivity_step, hl_lab_sensitivity *out,
                          hl_error *err)
{
    memset(out, 0, sizeof *out);
    if (d->setup != HL_LAB_COMPARISON)
        return hl_error_set(err, HL_EINVAL,
                            "%s: sensitivity to emissivity and coefficients "
                            "applies to comparison-heating runs only",
                            d->origin);
    out->design_k = design_k;
    out->emissivity_step = emissivity_step;
    int rc = refit(d, material, age, degree, design_k, d->coef_set, 0.0,
                   &out->lambda, err);
    if (!rc)
        rc = refit(d, material, age, degree, design_k, d->coef_set,
                   -emissivity_step, &out->lambda_eps_minus, err);
    if (!rc)
        rc = refit(d, material, age, degree, design_k, d->coef_set,
                   emissivity_step, &out->lambda_eps_plus, err);
    for (int s = 0; s < 3 && !rc; s++)
        rc = refit(d, material, age, degree, design_k, s, 0.0,
                   &out->lambda_set[s], err);
    return rc;
}
