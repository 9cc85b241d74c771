/* operation.c - heat demand and supply-temperature reset from the outdoor
 * temperature.
 * Demand: the degree-hour (linear) load line, Q = Q_d (t_b - t_o) /
 * (t_b - t_d), the basis of design heat load and seasonal heat demand in
 * CJJ 34-2010 clause 3.1 / GB 50736-2012 clause 5.2 (load proportional to
 * the inside-outside difference); t_b is the balance temperature, zero
 * below it, held at a standby fraction of the design load (default 1 %
 * [A]) while the line runs. Reset: the plant's linear quality-regulation curve
 * of the research notes 5.1 [A] (130 C at <= -17 C, 90 C at +5 C, floor 85 C);
 * above +5 C the line is extended until it meets the floor (+7.75 C). */
#include "heatline.h"

#include <math.h>

void hl_operation_hohhot(hl_operation *op)
{
    op->design_load_w = 2.24e9;                /* notes 5.1 [D] */
    op->design_outdoor_k = HL_ZERO_C_K - 17.0; /* GB 50736-2012 App. A [R] */
    op->balance_k = HL_ZERO_C_K + 18.0; /* indoor design 18 C, GB 50736 [R] */
    op->design_supply_k = HL_ZERO_C_K + 130.0; /* notes 1.1 [S] */
    op->design_return_k = HL_ZERO_C_K + 50.0;  /* notes 4 [A] */
    op->reset_cold_outdoor_k = HL_ZERO_C_K - 17.0;
    op->reset_cold_supply_k = HL_ZERO_C_K + 130.0;
    op->reset_warm_outdoor_k = HL_ZERO_C_K + 5.0;
    op->reset_warm_supply_k = HL_ZERO_C_K + 90.0;
    op->reset_floor_k = HL_ZERO_C_K + 85.0;
    op->regulation = HL_REG_QUALITY;
    op->standby_load_fraction = 0.01; /* [A] substation standby draw */
}

static void take(double *dst, double v)
{
    if (!isnan(v))
        *dst = v;
}

/* The file gives no field at all: no operation: section. */
static int none_given(const hl_operation *f)
{
    const double *v[] = {&f->design_load_w,
                         &f->design_outdoor_k,
                         &f->balance_k,
                         &f->design_supply_k,
                         &f->design_return_k,
                         &f->reset_cold_outdoor_k,
                         &f->reset_cold_supply_k,
                         &f->reset_warm_outdoor_k,
                         &f->reset_warm_supply_k,
                         &f->reset_floor_k,
                         &f->standby_load_fraction};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (!isnan(*v[i]))
            return 0;
    return f->regulation < 0;
}

/* A model without an operation: section runs at its own temperatures:
 * the supply of its sources as loaded all season (a flat reset curve, so
 * reset options given alone still shape it), the return it solved to. */
static int own_defaults(hl_operation *op, const hl_operation_own *own)
{
    if (!(own->supply_k > 0.0))
        return HL_OP_NO_SOURCE;
    op->reset_cold_supply_k = own->supply_k;
    op->reset_warm_supply_k = own->supply_k;
    op->reset_floor_k = own->supply_k;
    if (own->return_k > 0.0 && own->return_k < own->supply_k)
        op->design_return_k = own->return_k;
    else if (!(op->design_return_k < own->supply_k))
        op->design_return_k = own->supply_k - 1.0; /* checks pass; unused */
    return HL_OP_MODEL_SUPPLY;
}

const char *hl_operation_origin_name(int origin)
{
    switch (origin) {
    case HL_OP_MODEL_FILE:
        return "model-file";
    case HL_OP_MODEL_SUPPLY:
        return "model-supply";
    case HL_OP_NO_SOURCE:
        return "no-source";
    default:
        return "unknown";
    }
}

int hl_operation_merge(hl_operation *op, const hl_operation *f,
                       const hl_operation_own *own)
{
    hl_operation_hohhot(op);
    op->design_load_w = own->load_w;
    int origin = none_given(f) ? own_defaults(op, own) : HL_OP_MODEL_FILE;
    take(&op->design_load_w, f->design_load_w);
    take(&op->design_outdoor_k, f->design_outdoor_k);
    take(&op->balance_k, f->balance_k);
    take(&op->design_return_k, f->design_return_k);
    take(&op->reset_cold_outdoor_k, f->reset_cold_outdoor_k);
    take(&op->reset_cold_supply_k, f->reset_cold_supply_k);
    take(&op->reset_warm_outdoor_k, f->reset_warm_outdoor_k);
    take(&op->reset_warm_supply_k, f->reset_warm_supply_k);
    take(&op->reset_floor_k, f->reset_floor_k);
    take(&op->standby_load_fraction, f->standby_load_fraction);
    op->design_supply_k = isnan(f->design_supply_k) ? op->reset_cold_supply_k
                                                    : f->design_supply_k;
    if (f->regulation >= 0)
        op->regulation = f->regulation;
    return origin;
}

int hl_operation_own_of(const hl_model *m, hl_operation_own *own)
{
    hl_totals t;
    own->load_w = own->supply_k = own->return_k = NAN;
    int rc = hl_model_totals(m, &t);
    if (rc)
        return rc;
    /* the heat asked: pressure-driven consumers short of pressure deliver
     * less than the design load the demand scales */
    own->load_w = t.heat_delivered_w + t.heat_unmet_w;
    for (int i = 0; i < hl_model_count(m, HL_SOURCE); i++) {
        hl_source_result r;
        if (hl_model_source_result(m, i, &r) == HL_OK && r.temp_out_k > 0.0 &&
            !(r.temp_out_k <= own->supply_k)) {
            own->supply_k = r.temp_out_k;
            own->return_k = r.temp_in_k;
        }
    }
    return HL_OK;
}

int hl_operation_check(const hl_operation *op, hl_error *err)
{
    if (!(op->design_load_w > 0.0 && isfinite(op->design_load_w)))
        return hl_error_set(err, HL_EINVAL, "design load %g W: expected > 0",
                            op->design_load_w);
    if (!(op->balance_k > op->design_outdoor_k))
        return hl_error_set(err, HL_EINVAL,
                            "balance temperature %.1f C: expected above the "
                            "design outdoor temperature %.1f C",
                            op->balance_k - HL_ZERO_C_K,
                            op->design_outdoor_k - HL_ZERO_C_K);
    if (!(op->reset_warm_outdoor_k > op->reset_cold_outdoor_k))
        return hl_error_set(err, HL_EINVAL,
                            "reset curve: warm-end outdoor temperature must "
                            "be above the cold end");
    if (!(op->design_supply_k > op->design_return_k))
        return hl_error_set(err, HL_EINVAL,
                            "design supply temperature must exceed the "
                            "design return temperature");
    if (!(op->standby_load_fraction >= 0.0 && op->standby_load_fraction < 1.0))
        return hl_error_set(err, HL_EINVAL,
                            "standby load fraction %g: expected 0 to below 1",
                            op->standby_load_fraction);
    if (op->regulation != HL_REG_QUALITY && op->regulation != HL_REG_QUANTITY)
        return hl_error_set(err, HL_EINVAL, "regulation %d: unknown",
                            op->regulation);
    return HL_OK;
}

double hl_demand_w(const hl_operation *op, double outdoor_k)
{
    double f =
        (op->balance_k - outdoor_k) / (op->balance_k - op->design_outdoor_k);
    return op->design_load_w * fmax(op->standby_load_fraction, f);
}

double hl_supply_temp_k(const hl_operation *op, double outdoor_k)
{
    if (op->regulation == HL_REG_QUANTITY)
        return op->design_supply_k;
    double x0 = op->reset_cold_outdoor_k, x1 = op->reset_warm_outdoor_k;
    double f = (outdoor_k - x0) / (x1 - x0);
    f = fmax(0.0, f); /* the line continues above the warm end */
    double t = op->reset_cold_supply_k +
               f * (op->reset_warm_supply_k - op->reset_cold_supply_k);
    return fmax(t, op->reset_floor_k);
}
