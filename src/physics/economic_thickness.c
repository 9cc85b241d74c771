/*
 * economic_thickness.c - the economic thickness of one layer: the least
 * total annual cost of the insulation (its installed volume times its
 * price, spread over the life by the annuity factor) and of the heat it
 * lets through (heat flow times the hours of a year times the heat price),
 * the method of GB 50264-2013 (economic thickness) and VDI 2055 Part 1.
 * The standards' closed forms assume a constant lambda and a fixed outer
 * coefficient; here every cost point is a forward solve (lambda(T), the
 * computed outer coefficients), and the closed forms are the tests' check
 * (docs/physics.md, "Economic thickness").
 */
#include "physics.h"

#include <math.h>
#include <string.h>

#define SCAN_POINTS             400
#define DEFAULT_MAX_THICKNESS_M 2.0
#define TOLERANCE_M             1e-5
#define SECONDS_PER_HOUR        3600.0
#define J_PER_GJ                1e9

double hl_annuity_factor(double rate, double years)
{
    if (!(years > 0))
        return NAN;
    if (rate == 0)
        return 1.0 / years;
    double g = pow(1.0 + rate, years);
    return rate * g / (g - 1.0);
}

/* Volume of layer `layer` per metre of pipe, m2 of wall or sphere, m3. */
static double layer_volume(const hl_surface_in *in, int layer)
{
    double inner = in->diameter_m;
    for (int i = 0; i < layer; i++)
        inner += 2.0 * in->layer[i].thickness_m;
    double t = in->layer[layer].thickness_m, outer = inner + 2.0 * t;
    switch (in->shape) {
    case HL_SHAPE_PIPE:
        return M_PI / 4.0 * (outer * outer - inner * inner);
    case HL_SHAPE_SPHERE:
        return M_PI / 6.0 * (outer * outer * outer - inner * inner * inner);
    default:
        return t;
    }
}

static int check_costs(const hl_insulation_costs *c, int layer,
                       const hl_surface_in *in, hl_error *err)
{
    if (layer < 0 || layer >= in->n_layers)
        return hl_error_set(err, HL_EINVAL,
                            "economic thickness: layer %d of %d", layer + 1,
                            in->n_layers);
    if (!(c->heat_price_cny_per_gj >= 0) || !(c->hours_per_year > 0) ||
        !(c->hours_per_year <= 8784) || !(c->insulation_cny_per_m3 >= 0) ||
        !(c->life_years > 0) || !(c->discount_rate >= 0))
        return hl_error_set(err, HL_EINVAL,
                            "economic thickness: expected heat price >= 0, "
                            "0 < hours <= 8784, insulation price >= 0, "
                            "life > 0, discount rate >= 0");
    return HL_OK;
}

int hl_economic_cost(const hl_surface_in *in, int layer,
                     const hl_insulation_costs *costs, double thickness_m,
                     hl_economic_point *point, hl_surface_out *out,
                     hl_error *err)
{
    int rc = check_costs(costs, layer, in, err);
    if (rc)
        return rc;
    hl_surface_in trial = *in;
    trial.layer[layer].thickness_m = thickness_m;
    if ((rc = hl_surface_solve(&trial, out, err)) != HL_OK)
        return rc;
    double s = hl_annuity_factor(costs->discount_rate, costs->life_years);
    point->thickness_m = thickness_m;
    point->insulation_cny_per_year =
        layer_volume(&trial, layer) * costs->insulation_cny_per_m3 * s;
    point->heat_cny_per_year = fabs(out->heat_flow) * costs->hours_per_year *
                               SECONDS_PER_HOUR / J_PER_GJ *
                               costs->heat_price_cny_per_gj;
    point->total_cny_per_year =
        point->insulation_cny_per_year + point->heat_cny_per_year;
    return HL_OK;
}

static int total_at(const hl_surface_in *in, int layer,
                    const hl_insulation_costs *c, double t, double *total,
                    hl_error *err)
{
    hl_economic_point p;
    hl_surface_out o;
    int rc = hl_economic_cost(in, layer, c, t, &p, &o, err);
    *total = p.total_cny_per_year;
    return rc;
}

/* Golden-section search of the least total in [a, b]. */
static int golden(const hl_surface_in *in, int layer,
                  const hl_insulation_costs *c, double a, double b,
                  double *best, hl_error *err)
{
    const double r = 0.5 * (sqrt(5.0) - 1.0);
    double x1 = b - r * (b - a), x2 = a + r * (b - a), f1, f2;
    int rc;
    if ((rc = total_at(in, layer, c, x1, &f1, err)) ||
        (rc = total_at(in, layer, c, x2, &f2, err)))
        return rc;
    while (b - a > TOLERANCE_M) {
        if (f1 <= f2) {
            b = x2, x2 = x1, f2 = f1, x1 = b - r * (b - a);
            rc = total_at(in, layer, c, x1, &f1, err);
        } else {
            a = x1, x1 = x2, f1 = f2, x2 = a + r * (b - a);
            rc = total_at(in, layer, c, x2, &f2, err);
        }
        if (rc)
            return rc;
    }
    *best = 0.5 * (a + b);
    return HL_OK;
}

int hl_thickness_economic(const hl_surface_in *in, int layer,
                          const hl_insulation_costs *costs,
                          double max_thickness_m, hl_economic_point *best,
                          hl_surface_out *out, hl_error *err)
{
    int rc = check_costs(costs, layer, in, err);
    if (rc)
        return rc;
    double top =
        max_thickness_m > 0 ? max_thickness_m : DEFAULT_MAX_THICKNESS_M;
    /* a scan first: near the critical radius of a thin pipe the cost need
     * not fall then rise once */
    int k_best = 0;
    double f_best = INFINITY, step = top / SCAN_POINTS;
    for (int k = 0; k <= SCAN_POINTS; k++) {
        double f;
        if ((rc = total_at(in, layer, costs, k * step, &f, err)))
            return rc;
        if (f < f_best)
            f_best = f, k_best = k;
    }
    double a = fmax(0.0, (k_best - 1) * step),
           b = fmin(top, (k_best + 1) * step), t;
    if ((rc = golden(in, layer, costs, a, b, &t, err)))
        return rc;
    return hl_economic_cost(in, layer, costs, t, best, out, err);
}
