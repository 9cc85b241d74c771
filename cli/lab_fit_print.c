/*
 * lab_fit_print.c - what `heatline lab fit` prints: a table per material,
 * or JSON (keys in docs/cli.md). Warnings (outliers, scatter beyond the
 * stated uncertainties) go to stderr in both forms.
 */
#include "lab_fit.h"

#include <math.h>
#include <string.h>

#define C(k) ((k)-HL_ZERO_C_K)

static const char *age_unit(const hl_lab_data *d)
{
    return d->age_by_hours ? "hours" : "cycles";
}

static void print_header(const fit_args *a, const hl_lab_data *d)
{
    printf("%s: %s runs", d->origin, hl_lab_setup_name(d->setup));
    if (d->setup == HL_LAB_COMPARISON)
        printf(", outer coefficients %s", hl_coef_set_name(d->coef_set));
    printf(", %s %g\n", age_unit(d), a->age);
}

static void print_model(const fit_result *r)
{
    const hl_lab_fit *f = &r->fit;
    double ref = C(f->ref_k);
    printf("  lambda(t) = %.5f %+.4e (t - %g)", f->c[0], f->c[1], ref);
    if (f->degree == 2)
        printf(" %+.3e (t - %g)^2", f->c[2], ref);
    printf(" W/(m K), t in C\n");
    if (isnan(f->f_stat))
        printf("  model: linear (a quadratic needs 5 runs at 3 "
               "temperatures, or --degree 2)\n");
    else
        printf("  model: %s (F-test of the quadratic term: F = %.3g, p = "
               "%.3g, level 0.05)\n",
               f->degree == 2 ? "quadratic" : "linear", f->f_stat, f->f_p);
}

static void print_coefficients(const hl_lab_fit *f)
{
    static const char *const name[] = {"a  W/(m K)", "b  W/(m K2)",
                                       "c  W/(m K3)"};
    printf("  %-13s %13s %13s\n", "coefficient", "value", "std. unc.");
    for (int i = 0; i <= f->degree; i++)
        printf("  %-13s %13.5e %13.2e\n", name[i], f->c[i], sqrt(f->cov[i][i]));
    double rho = f->cov[0][1] / sqrt(f->cov[0][0] * f->cov[1][1]);
    printf("  correlation(a, b) %.3f\n", rho);
    printf("  chi2 = %.3g for %g degrees of freedom (99 %% limit %.3g)%s, "
           "R2 = %.4f, %s\n",
           f->chi2, f->dof, f->chi2_limit,
           f->weighted && f->scaled ? ": covariance scaled by chi2/dof" : "",
           f->r2,
           f->weighted ? "weights 1/u^2"
                       : "unweighted (no uncertainties stated; covariance "
                         "from the residual scatter)");
}

static void print_runs(const fit_result *r)
{
    printf("\n  %5s %8s %7s %9s %9s %9s %10s %7s\n", "line", "mean C", "dT K",
           "lambda", "u", "fit", "residual", "stud.");
    for (int i = 0; i < r->n; i++) {
        const hl_lab_point *p = &r->pts[i];
        printf("  %5d %8.2f %7.2f %9.5f %9.5f %9.5f %+10.5f %+7.2f%s\n",
               p->line, C(p->t_mean_k), p->delta_t_k, p->lambda, p->u_lambda,
               p->fitted, p->residual, p->studentised,
               fabs(p->studentised) > HL_LAB_OUTLIER_LIMIT ? "  outlier?" : "");
    }
}

/* Declared values at the multiples of 10 C inside the tested range. */
static int declared_points(const hl_lab_fit *f, double *t_k, int cap)
{
    int n = 0;
    for (double t = 10.0 * ceil(C(f->t_min_k) / 10.0);
         t <= C(f->t_max_k) + 1e-9 && n < cap; t += 10.0)
        t_k[n++] = t + HL_ZERO_C_K;
    if (n == 0)
        t_k[n++] = 0.5 * (f->t_min_k + f->t_max_k);
    return n;
}

static void print_declared(const fit_result *r)
{
    double t_k[24], u;
    int n = declared_points(&r->fit, t_k, 24);
    printf("\n  %8s %10s %10s %10s   (declared = fit + 1.645 u, rounded "
           "up)\n",
           "t C", "lambda", "u", "declared");
    for (int i = 0; i < n; i++) {
        double v = hl_lab_fit_eval(&r->fit, t_k[i], &u);
        printf("  %8.1f %10.5f %10.5f %10.3f\n", C(t_k[i]), v, u,
               hl_lab_declared(&r->fit, t_k[i]));
    }
    double v = hl_lab_fit_eval(&r->fit, r->design_k, &u);
    printf("  at the design temperature %g C: lambda = %.5f +- %.5f W/(m K) "
           "(1 s.u.), declared %.3f\n",
           C(r->design_k), v, u, hl_lab_declared(&r->fit, r->design_k));
}

static double pct(double v, double base)
{
    return 100.0 * (v / base - 1.0);
}

static void print_sensitivity(const fit_result *r)
{
    const hl_lab_sensitivity *s = &r->sens;
    static const char *const set[] = {"iso12241", "astm-c680", "gb50264"};
    printf("\n  sensitivity of lambda(%g C) = %.5f to the assumptions:\n",
           C(s->design_k), s->lambda);
    printf("    emissivity -%.2f / +%.2f: %.5f / %.5f (%+.1f %% / %+.1f "
           "%%)\n",
           s->emissivity_step, s->emissivity_step, s->lambda_eps_minus,
           s->lambda_eps_plus, pct(s->lambda_eps_minus, s->lambda),
           pct(s->lambda_eps_plus, s->lambda));
    printf("    coefficient set:");
    for (int k = 0; k < 3; k++)
        printf(" %s %.5f (%+.1f %%)%s", set[k], s->lambda_set[k],
               pct(s->lambda_set[k], s->lambda), k < 2 ? "," : "\n");
}

static void warn_fit(const hl_lab_data *d, const fit_result *r)
{
    const hl_lab_fit *f = &r->fit;
    for (int i = 0; i < r->n; i++)
        if (fabs(r->pts[i].studentised) > HL_LAB_OUTLIER_LIMIT)
            fprintf(stderr,
                    "heatline %s: warning: %s:%d: material %s: studentised "
                    "residual %+.2f beyond +-%g: check this run (outlier?)\n",
                    CMD, d->origin, r->pts[i].line, r->material,
                    r->pts[i].studentised, HL_LAB_OUTLIER_LIMIT);
    if (f->weighted && f->scaled)
        fprintf(stderr,
                "heatline %s: warning: material %s: the scatter exceeds the "
                "stated uncertainties (chi2 %.3g > %.3g for %g dof); the "
                "covariance is scaled by chi2/dof\n",
                CMD, r->material, f->chi2, f->chi2_limit, f->dof);
}

int lab_fit_text(const fit_args *a, const hl_lab_data *d, const fit_result *res,
                 int n)
{
    print_header(a, d);
    for (int k = 0; k < n; k++) {
        const fit_result *r = &res[k];
        warn_fit(d, r);
        printf("\nmaterial %s: %d runs, mean temperatures %.1f to %.1f C\n",
               r->material, r->n, C(r->fit.t_min_k), C(r->fit.t_max_k));
        print_model(r);
        print_coefficients(&r->fit);
        print_runs(r);
        print_declared(r);
        if (r->have_sensitivity)
            print_sensitivity(r);
    }
    if (a->output)
        printf("\nmaterial row '%s' written to %s\n", a->name, a->output);
    return 0;
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *num(double v)
{
    return cli_json_number(v);
}

static json_t *fit_json(const hl_lab_fit *f)
{
    json_t *o = json_object(), *c = json_array(), *u = json_array(),
           *cov = json_array();
    for (int i = 0; i <= f->degree; i++) {
        json_t *row = json_array();
        json_array_append_new(c, num(f->c[i]));
        json_array_append_new(u, num(sqrt(f->cov[i][i])));
        for (int j = 0; j <= f->degree; j++)
            json_array_append_new(row, num(f->cov[i][j]));
        json_array_append_new(cov, row);
    }
    json_object_set_new(o, "degree", json_integer(f->degree));
    json_object_set_new(o, "ref_c", num(C(f->ref_k)));
    json_object_set_new(o, "coefficients", c);
    json_object_set_new(o, "std_uncertainties", u);
    json_object_set_new(o, "covariance", cov);
    json_object_set_new(o, "weighted", json_boolean(f->weighted));
    json_object_set_new(o, "covariance_scaled", json_boolean(f->scaled));
    json_object_set_new(o, "chi2", num(f->chi2));
    json_object_set_new(o, "dof", num(f->dof));
    json_object_set_new(o, "chi2_limit_99", num(f->chi2_limit));
    json_object_set_new(o, "r2", num(f->r2));
    json_object_set_new(o, "f_test_quadratic", num(f->f_stat));
    json_object_set_new(o, "f_test_p", num(f->f_p));
    return o;
}

static json_t *runs_json(const fit_result *r)
{
    json_t *arr = json_array();
    for (int i = 0; i < r->n; i++) {
        const hl_lab_point *p = &r->pts[i];
        json_t *o = json_object();
        json_object_set_new(o, "line", json_integer(p->line));
        json_object_set_new(o, "t_mean_c", num(C(p->t_mean_k)));
        json_object_set_new(o, "delta_t_k", num(p->delta_t_k));
        json_object_set_new(o, "lambda", num(p->lambda));
        json_object_set_new(o, "u_lambda", num(p->u_lambda));
        json_object_set_new(o, "fitted", num(p->fitted));
        json_object_set_new(o, "residual", num(p->residual));
        json_object_set_new(o, "studentised", num(p->studentised));
        json_object_set_new(
            o, "outlier",
            json_boolean(fabs(p->studentised) > HL_LAB_OUTLIER_LIMIT));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *declared_json(const fit_result *r)
{
    double t_k[24], u;
    int n = declared_points(&r->fit, t_k, 24);
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "t_c", num(C(t_k[i])));
        json_object_set_new(o, "lambda",
                            num(hl_lab_fit_eval(&r->fit, t_k[i], &u)));
        json_object_set_new(o, "u_lambda", num(u));
        json_object_set_new(o, "declared",
                            num(hl_lab_declared(&r->fit, t_k[i])));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *sensitivity_json(const fit_result *r)
{
    if (!r->have_sensitivity)
        return json_null();
    const hl_lab_sensitivity *s = &r->sens;
    json_t *o = json_object(), *sets = json_object();
    json_object_set_new(o, "design_temp_c", num(C(s->design_k)));
    json_object_set_new(o, "lambda", num(s->lambda));
    json_object_set_new(o, "emissivity_step", num(s->emissivity_step));
    json_object_set_new(o, "lambda_emissivity_minus", num(s->lambda_eps_minus));
    json_object_set_new(o, "lambda_emissivity_plus", num(s->lambda_eps_plus));
    for (int k = 0; k < 3; k++)
        json_object_set_new(sets, hl_coef_set_name(k), num(s->lambda_set[k]));
    json_object_set_new(o, "lambda_by_coefficient_set", sets);
    return o;
}

static json_t *material_json(const fit_result *r)
{
    json_t *o = json_object();
    double u, v = hl_lab_fit_eval(&r->fit, r->design_k, &u);
    json_object_set_new(o, "material", json_string(r->material));
    json_object_set_new(o, "runs", json_integer(r->n));
    json_object_set_new(o, "t_min_c", num(C(r->fit.t_min_k)));
    json_object_set_new(o, "t_max_c", num(C(r->fit.t_max_k)));
    json_object_set_new(o, "fit", fit_json(&r->fit));
    json_object_set_new(o, "design_temp_c", num(C(r->design_k)));
    json_object_set_new(o, "lambda_design", num(v));
    json_object_set_new(o, "u_lambda_design", num(u));
    json_object_set_new(o, "declared_design",
                        num(hl_lab_declared(&r->fit, r->design_k)));
    json_object_set_new(o, "declared", declared_json(r));
    json_object_set_new(o, "points", runs_json(r));
    json_object_set_new(o, "sensitivity", sensitivity_json(r));
    return o;
}

int lab_fit_json(const fit_args *a, const hl_lab_data *d, const fit_result *res,
                 int n)
{
    json_t *root = json_object(), *mats = json_array();
    json_object_set_new(root, "file", json_string(d->origin));
    json_object_set_new(root, "setup",
                        json_string(hl_lab_setup_name(d->setup)));
    json_object_set_new(root, "coefficients",
                        d->setup == HL_LAB_COMPARISON
                            ? json_string(hl_coef_set_name(d->coef_set))
                            : json_null());
    json_object_set_new(root, "age_unit", json_string(age_unit(d)));
    json_object_set_new(root, "age", num(a->age));
    json_object_set_new(root, "model_selection",
                        json_string(a->degree ? "fixed by --degree"
                                              : "F-test of the quadratic "
                                                "term, level 0.05"));
    for (int k = 0; k < n; k++) {
        warn_fit(d, &res[k]);
        json_array_append_new(mats, material_json(&res[k]));
    }
    json_object_set_new(root, "materials", mats);
    if (a->output)
        json_object_set_new(root, "material_row_written",
                            json_string(a->output));
    return cli_json_print(root);
}
