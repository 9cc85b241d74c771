/*
 * solve.c - one fitting at one operating point: the sum over its patches,
 * the equivalent length of adjacent insulated pipe, and the burn-safety
 * verdict.
 */
#include "fittings_internal.h"
#include "../physics/physics.h"

#include <math.h>
#include <string.h>

void hl_fitting_conditions_init(hl_fitting_conditions *c)
{
    memset(c, 0, sizeof *c);
    c->medium_k = NAN;
    c->air_k = HL_ZERO_C_K + 20.0;
    c->radiant_k = HL_ZERO_C_K + 20.0;
    c->coef_set = HL_COEF_ISO12241;
    c->bare_emissivity = 0.9;
    c->bare_contact_class = HL_CONTACT_METAL;
    c->cover.state = HL_FIT_BARE;
    c->cover.max_service_k = NAN;
    c->limit_k = HL_ZERO_C_K + 50.0;
    c->contact_s = 1.0;
    c->ref_emissivity = 0.9;
}

static int bad_temp(double t)
{
    return !(isfinite(t) && t > 0.0);
}

static int check_cover(const hl_fitting_conditions *c, hl_error *err)
{
    const hl_fitting_cover *v = &c->cover;
    const char *what = v->state == HL_FIT_JACKETED ? "jacket" : "coating";
    if (v->state < HL_FIT_BARE || v->state > HL_FIT_JACKETED)
        return hl_error_set(err, HL_EINVAL, "cover state %d is not known",
                            v->state);
    if (v->state == HL_FIT_BARE)
        return HL_OK;
    if (!(isfinite(v->layer.thickness_m) && v->layer.thickness_m > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "%s %s: thickness %g mm: "
                            "expected > 0",
                            what, v->material, v->layer.thickness_m * 1e3);
    if (!(v->emissivity > 0.0 && v->emissivity <= 1.0))
        return hl_error_set(err, HL_EINVAL,
                            "%s %s: emissivity %g: expected "
                            "a value in (0, 1]",
                            what, v->material, v->emissivity);
    if (v->contact_class < 0 || v->contact_class >= HL_CONTACT_N_CLASSES)
        return hl_error_set(err, HL_EINVAL, "%s: contact class %d unknown",
                            what, v->contact_class);
    if (isfinite(v->max_service_k) && c->medium_k > v->max_service_k + 1e-9)
        return hl_error_set(err, HL_EINVAL,
                            "%s %s: its service limit %.0f C is below the "
                            "medium temperature %.1f C",
                            what, v->material, v->max_service_k - HL_ZERO_C_K,
                            c->medium_k - HL_ZERO_C_K);
    return HL_OK;
}

int check_conditions(const hl_fitting_conditions *c, hl_error *err)
{
    if (bad_temp(c->medium_k) || bad_temp(c->air_k) || bad_temp(c->radiant_k))
        return hl_error_set(err, HL_EINVAL,
                            "medium, air and radiant temperatures must be "
                            "finite and above absolute zero");
    if (!(isfinite(c->wind_m_s) && c->wind_m_s >= 0.0))
        return hl_error_set(err, HL_EINVAL, "wind %g m/s: expected >= 0",
                            c->wind_m_s);
    if (c->coef_set < HL_COEF_ISO12241 || c->coef_set > HL_COEF_GB50264)
        return hl_error_set(err, HL_EINVAL, "coefficient set %d unknown",
                            c->coef_set);
    if (!(c->bare_emissivity > 0.0 && c->bare_emissivity <= 1.0))
        return hl_error_set(err, HL_EINVAL,
                            "bare emissivity %g: expected a value in (0, 1]",
                            c->bare_emissivity);
    if (c->bare_contact_class < 0 ||
        c->bare_contact_class >= HL_CONTACT_N_CLASSES)
        return hl_error_set(err, HL_EINVAL, "contact class %d unknown",
                            c->bare_contact_class);
    if (bad_temp(c->limit_k))
        return hl_error_set(err, HL_EINVAL,
                            "surface-temperature limit must "
                            "be finite");
    if (!(isfinite(c->ref_layer.thickness_m) && c->ref_layer.thickness_m >= 0))
        return hl_error_set(err, HL_EINVAL,
                            "reference insulation thickness "
                            "must be >= 0");
    if (c->ref_layer.thickness_m > 0.0 &&
        !(c->ref_emissivity > 0.0 && c->ref_emissivity <= 1.0))
        return hl_error_set(err, HL_EINVAL,
                            "reference emissivity %g: "
                            "expected a value in (0, 1]",
                            c->ref_emissivity);
    return check_cover(c, err);
}

/* Heat loss per metre of the adjacent pipe insulated with c->ref_layer. */
static int reference_loss(const hl_fitting_conditions *c, double pipe_od,
                          double *q, hl_error *err)
{
    hl_surface_in in;
    hl_surface_out o;
    hl_surface_in_init(&in);
    in.diameter_m = pipe_od;
    in.inner_temp_k = c->medium_k;
    in.n_layers = 1;
    in.layer[0] = c->ref_layer;
    in.outer.air_k = c->air_k;
    in.outer.radiant_k = c->radiant_k;
    in.outer.wind_m_s = c->wind_m_s;
    in.outer.set = c->coef_set;
    in.outer.emissivity = c->ref_emissivity;
    int rc = surface_solve_no_notes(&in, &o, err); /* notes unused */
    *q = rc ? NAN : o.heat_flow;
    return rc;
}

static int verdict(const hl_fitting_catalog *cat,
                   const hl_fitting_conditions *c, hl_fitting_result *out,
                   hl_error *err)
{
    out->contact_class = c->cover.state == HL_FIT_BARE ? c->bare_contact_class
                                                       : c->cover.contact_class;
    int rc = hl_burn_threshold(cat, out->contact_class, c->contact_s,
                               &out->burn_threshold_k, err);
    if (rc)
        return rc;
    out->effective_limit_k = fmin(c->limit_k, out->burn_threshold_k);
    out->verdict = out->max_surface_k <= out->effective_limit_k + 1e-9
                       ? HL_VERDICT_PASS
                       : HL_VERDICT_FAIL;
    return HL_OK;
}

static int sum_patches(const hl_fitting_catalog *cat, const fit_entry *e,
                       solve_ctx *s, hl_fitting_result *out, hl_error *err)
{
    double weighted = 0.0;
    out->max_surface_k = -INFINITY;
    for (int i = 0; i < e->n; i++) {
        hl_fitting_patch_result *r = &out->patch[i];
        int rc = patch_solve(s, &cat->patches[e->first + i], r, err);
        if (rc)
            return rc;
        out->heat_loss_w += r->heat_w;
        out->area_m2 += r->area_m2;
        weighted += r->mean_surface_k * r->area_m2;
        if (r->max_surface_k > out->max_surface_k) {
            out->max_surface_k = r->max_surface_k;
            out->hottest_patch = i;
        }
    }
    out->n_patches = e->n;
    out->mean_surface_k = weighted / out->area_m2;
    return HL_OK;
}

/* Clear the scalar results; the patch array and warning texts are written
 * before they are read (n_patches, warnings.count), so they are left as
 * they are: a result is 3.5 kB and batches solve 10^5 fittings a second. */
static void clear_result(hl_fitting_result *out)
{
    out->heat_loss_w = out->area_m2 = 0.0;
    out->hottest_patch = out->n_patches = 0;
    out->max_surface_k = out->mean_surface_k = NAN;
    out->pipe_od_m = out->ref_loss_w_per_m = out->equivalent_length_m = NAN;
    out->verdict = HL_VERDICT_FAIL;
    out->contact_class = 0;
    out->burn_threshold_k = out->effective_limit_k = NAN;
    out->warnings.count = 0;
}

int hl_fitting_solve(const hl_fitting_catalog *cat, int id,
                     const hl_fitting_conditions *c, hl_fitting_result *out,
                     hl_error *err)
{
    clear_result(out);
    if (!cat || id < 0 || id >= cat->n)
        return hl_error_set(err, HL_EINVAL,
                            "fitting id %d is not in the "
                            "catalogue",
                            id);
    int rc = check_conditions(c, err);
    if (rc)
        return rc;
    const fit_entry *e = &cat->entries[id];
    solve_ctx s;
    solve_ctx_init(&s, c, err);
    s.warn = &out->warnings;
    rc = sum_patches(cat, e, &s, out, err);
    if (rc)
        return rc;
    out->pipe_od_m = e->pipe_od;
    out->ref_loss_w_per_m = out->equivalent_length_m = NAN;
    if (c->ref_layer.thickness_m > 0.0) {
        rc = reference_loss(c, e->pipe_od, &out->ref_loss_w_per_m, err);
        if (rc)
            return rc;
        out->equivalent_length_m = out->heat_loss_w / out->ref_loss_w_per_m;
    }
    return verdict(cat, c, out, err);
}
