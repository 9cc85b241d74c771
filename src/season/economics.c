/* economics.c - value of a retrofit: annual saving, simple payback, net
 * present value over the service life (uniform-series present worth
 * factor (1 - (1 + r)^-n) / r), standard coal and CO2 avoided. Default
 * factors and their sources: docs/physics.md, "Economics". */
#include "heatline.h"

#include <math.h>

#define J_PER_GJ  1e9
#define J_PER_KWH 3.6e6

void hl_economics_defaults(hl_economics *e)
{
    e->heat_price_cny_per_gj = 25.0;    /* notes 5.6 [A] plant-gate value */
    e->elec_price_cny_per_kwh = 0.6;    /* [A] industrial tariff order */
    e->coating_cost_cny_per_m2 = 300.0; /* notes 4 [A], 8 mm installed */
    e->jacket_cost_cny_per_m2 = 800.0;  /* [A] removable jacket */
    e->service_life_years = 10.0;       /* [A] */
    e->discount_rate = 0.08; /* social discount rate, NDRC "Methods and
                                parameters of economic evaluation of
                                construction projects", 3rd ed. 2006 [R] */
    e->tce_per_gj = 0.03412; /* 1 kgce = 29.3076 MJ, GB/T 2589-2020 */
    e->co2_t_per_gj = 0.11;  /* purchased heat, China enterprise GHG
                                accounting guidelines default [R] */
}

static int check_nonneg(const char *what, double v, hl_error *err)
{
    if (!(v >= 0.0) || !isfinite(v))
        return hl_error_set(err, HL_EINVAL,
                            "%s %g: expected a finite value "
                            ">= 0",
                            what, v);
    return HL_OK;
}

int hl_economics_check(const hl_economics *e, hl_error *err)
{
    int rc = check_nonneg("heat price (CNY/GJ)", e->heat_price_cny_per_gj, err);
    if (!rc)
        rc = check_nonneg("electricity price (CNY/kWh)",
                          e->elec_price_cny_per_kwh, err);
    if (!rc)
        rc = check_nonneg("coating cost (CNY/m2)", e->coating_cost_cny_per_m2,
                          err);
    if (!rc)
        rc = check_nonneg("jacket cost (CNY/m2)", e->jacket_cost_cny_per_m2,
                          err);
    if (!rc)
        rc = check_nonneg("standard coal factor (tce/GJ)", e->tce_per_gj, err);
    if (!rc)
        rc = check_nonneg("CO2 factor (t/GJ)", e->co2_t_per_gj, err);
    if (!rc &&
        !(e->service_life_years > 0.0 && isfinite(e->service_life_years)))
        rc = hl_error_set(err, HL_EINVAL, "service life %g years: expected > 0",
                          e->service_life_years);
    if (!rc && !(e->discount_rate > -1.0 && e->discount_rate <= 1.0))
        rc = hl_error_set(err, HL_EINVAL,
                          "discount rate %g: expected a fraction in (-1, 1]",
                          e->discount_rate);
    return rc;
}

/* Present value of 1 per year for n years at rate r. */
static double annuity_factor(double r, double n)
{
    if (fabs(r) < 1e-12)
        return n;
    return (1.0 - pow(1.0 + r, -n)) / r;
}

void hl_economics_evaluate(const hl_economics *e, double heat_saved_j,
                           double elec_saved_j, double cost_per_m2,
                           double area_m2, hl_payback *out)
{
    out->heat_saved_gj = heat_saved_j / J_PER_GJ;
    out->elec_saved_kwh = elec_saved_j / J_PER_KWH;
    out->annual_saving_cny = out->heat_saved_gj * e->heat_price_cny_per_gj +
                             out->elec_saved_kwh * e->elec_price_cny_per_kwh;
    out->investment_cny = cost_per_m2 * area_m2;
    out->simple_payback_years =
        out->annual_saving_cny > 0.0
            ? out->investment_cny / out->annual_saving_cny
            : INFINITY;
    out->npv_cny = -out->investment_cny +
                   out->annual_saving_cny *
                       annuity_factor(e->discount_rate, e->service_life_years);
    out->coal_saved_tce = out->heat_saved_gj * e->tce_per_gj;
    out->co2_saved_t = out->heat_saved_gj * e->co2_t_per_gj;
}
