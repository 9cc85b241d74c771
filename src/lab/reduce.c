/*
 * reduce.c - one test run to an apparent conductivity and its first-order
 * GUM uncertainty, for the three set-ups (docs/physics.md, "Lab data
 * reduction"). Pure: no I/O, no allocation.
 */
#include "lab_internal.h"

#include <math.h>
#include <stddef.h>

const char *hl_lab_setup_name(int setup)
{
    switch (setup) {
    case HL_LAB_PIPE:
        return "pipe";
    case HL_LAB_PLATE:
        return "plate";
    default:
        return "comparison";
    }
}

/* ln(De/Di) with De = Di + 2 t; log1p keeps thin coatings exact. */
static double log_ratio(const hl_lab_input *in)
{
    return log1p(2.0 * in->thickness_m / in->d_inner_m);
}

/* ISO 8497:1994 / ASTM C335 (cylindrical conduction, Fourier):
 * lambda = Phi ln(De/Di) / (2 pi L (T0 - T2)). */
static double pipe_lambda(const hl_lab_input *in, double *flow)
{
    *flow = in->power_w / in->length_m;
    return *flow * log_ratio(in) / (2.0 * M_PI * (in->t_hot_k - in->t_cold_k));
}

/* ISO 8302:1991 / ISO 8301:1991 (one-dimensional slab):
 * lambda = q d / (T1 - T2). */
static double plate_lambda(const hl_lab_input *in, double *flow)
{
    *flow = in->heat_flux_w_m2;
    return in->heat_flux_w_m2 * in->thickness_m / (in->t_hot_k - in->t_cold_k);
}

void lab_outer_bc(const hl_lab_input *in, int coef_set, hl_outer_bc *bc)
{
    hl_surface_in s;
    hl_surface_in_init(&s); /* the engine's defaults for the other fields */
    *bc = s.outer;
    bc->air_k = in->air_k;
    bc->radiant_k = in->radiant_is_air ? in->air_k : in->radiant_k;
    bc->wind_m_s = in->wind_m_s;
    bc->emissivity = in->emissivity;
    bc->set = coef_set;
    bc->geometry =
        in->vertical ? HL_GEOM_VERTICAL_CYLINDER : HL_GEOM_HORIZONTAL_CYLINDER;
    bc->length_m = in->vertical && in->height_m > 0 ? in->height_m : 1.0;
}

/* Comparison heating: the heat leaving the coated sleeve's outer surface
 * (ISO 12241:2008 eq. 13 balance, q = h_cv (Ts - Ta) + eps sigma (Ts^4 -
 * Tr^4), coefficients of the chosen set) crosses the coating:
 * Phi' = q pi De, then lambda = Phi' ln(De/Di) / (2 pi (Ti - Ts)). */
static double comparison_lambda(const hl_lab_input *in, int coef_set,
                                double *flow)
{
    hl_outer_bc bc;
    lab_outer_bc(in, coef_set, &bc);
    double de = in->d_inner_m + 2.0 * in->thickness_m;
    double q = hl_outer_flux(&bc, in->t_cold_k, de);
    *flow = q * M_PI * de;
    return *flow * log_ratio(in) / (2.0 * M_PI * (in->t_hot_k - in->t_cold_k));
}

double lab_lambda(int setup, const hl_lab_input *in, int coef_set, double *flow)
{
    double unused;
    if (!flow)
        flow = &unused;
    switch (setup) {
    case HL_LAB_PIPE:
        return pipe_lambda(in, flow);
    case HL_LAB_PLATE:
        return plate_lambda(in, flow);
    default:
        return comparison_lambda(in, coef_set, flow);
    }
}

/* Each uncertain input with its standard uncertainty. */
typedef struct uncertain {
    size_t value, u; /* offsets into hl_lab_input */
} uncertain;

#define UNC(v, u)                                                              \
    {                                                                          \
        offsetof(hl_lab_input, v), offsetof(hl_lab_input, u)                   \
    }
static const uncertain inputs[] = {UNC(power_w, u_power_w),
                                   UNC(length_m, u_length_m),
                                   UNC(heat_flux_w_m2, u_heat_flux_w_m2),
                                   UNC(d_inner_m, u_d_inner_m),
                                   UNC(thickness_m, u_thickness_m),
                                   UNC(t_hot_k, u_t_hot_k),
                                   UNC(t_cold_k, u_t_cold_k),
                                   UNC(air_k, u_air_k),
                                   UNC(radiant_k, u_radiant_k),
                                   UNC(emissivity, u_emissivity)};
#undef UNC

static double *field(hl_lab_input *in, size_t offset)
{
    return (double *)((char *)in + offset);
}

/* GUM (JCGM 100:2008) eq. 10 for uncorrelated inputs, u^2 = sum (c_i
 * u_i)^2, with the sensitivity c_i = d lambda / d x_i by central
 * differences (GUM 5.1.3 note 2 allows numerical derivatives). */
static double combined_uncertainty(int setup, const hl_lab_input *in,
                                   int coef_set)
{
    double sum = 0.0;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        hl_lab_input x = *in;
        double u = *field(&x, inputs[i].u);
        double v = *field(&x, inputs[i].value);
        if (!(u > 0.0))
            continue;
        double h = 1e-6 * (fabs(v) > 1.0 ? fabs(v) : 1.0);
        if (h > 0.1 * u)
            h = 0.1 * u; /* stay inside the uncertainty interval */
        *field(&x, inputs[i].value) = v + h;
        double up = lab_lambda(setup, &x, coef_set, NULL);
        *field(&x, inputs[i].value) = v - h;
        double down = lab_lambda(setup, &x, coef_set, NULL);
        double c = (up - down) / (2.0 * h);
        sum += c * c * u * u;
    }
    return sqrt(sum);
}

static int check_positive(double v, const char *what, hl_error *err)
{
    if (v > 0.0 && isfinite(v))
        return HL_OK;
    return hl_error_set(err, HL_EINVAL, "%s %g: expected > 0", what, v);
}

static int check_inputs(int setup, const hl_lab_input *in, hl_error *err)
{
    int rc = check_positive(in->thickness_m, "thickness", err);
    if (!rc && setup == HL_LAB_PIPE)
        rc = check_positive(in->power_w, "power", err) ||
             check_positive(in->length_m, "length", err);
    if (!rc && setup == HL_LAB_PLATE)
        rc = check_positive(in->heat_flux_w_m2, "heat flux", err);
    if (!rc && setup != HL_LAB_PLATE)
        rc = check_positive(in->d_inner_m, "inner diameter", err);
    if (!rc && setup == HL_LAB_COMPARISON &&
        !(in->emissivity > 0.0 && in->emissivity <= 1.0))
        rc = hl_error_set(err, HL_EINVAL,
                          "emissivity %g: expected a value in (0, 1]",
                          in->emissivity);
    if (rc)
        return HL_EINVAL;
    if (!(in->t_hot_k > in->t_cold_k))
        return hl_error_set(err, HL_EINVAL,
                            "inner (hot) face %.2f C is not above the "
                            "outer (cold) face %.2f C",
                            in->t_hot_k - HL_ZERO_C_K,
                            in->t_cold_k - HL_ZERO_C_K);
    return HL_OK;
}

int hl_lab_reduce(int setup, const hl_lab_input *in, int coef_set,
                  hl_lab_value *out, hl_error *err)
{
    if (setup < HL_LAB_PIPE || setup > HL_LAB_COMPARISON)
        return hl_error_set(err, HL_EINVAL, "unknown set-up %d", setup);
    int rc = check_inputs(setup, in, err);
    if (rc)
        return rc;
    out->lambda = lab_lambda(setup, in, coef_set, &out->heat_flow);
    if (!(out->heat_flow > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "the outer-surface balance gives no heat "
                            "leaving the surface (%.3g W/m): the surface "
                            "must be warmer than its surroundings",
                            out->heat_flow);
    out->u_lambda = combined_uncertainty(setup, in, coef_set);
    out->t_mean_k = 0.5 * (in->t_hot_k + in->t_cold_k);
    out->delta_t_k = in->t_hot_k - in->t_cold_k;
    if (!isfinite(out->lambda) || !isfinite(out->u_lambda))
        return hl_error_set(err, HL_EINVAL, "conductivity is not finite");
    return HL_OK;
}
