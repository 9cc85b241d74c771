/*
 * min_coating.c - the least coating thickness at which every patch's
 * hottest outer surface is at or below the effective limit.
 *
 * The hottest point of every patch is where the metal is at the medium
 * temperature (an isothermal patch everywhere, a fin at its root), and
 * there the coating is a one-dimensional layer. With the outer surface
 * held at the limit T_lim, the outer flux q(T_lim) is known, and the
 * Kirchhoff integral of the coating's lambda from T_lim to the metal
 * temperature fixes the thickness (flat: t = L / q; cylinder of radius r:
 * (r + t) ln(1 + t/r) = L / q; sphere: t (r + t) / r = L / q), where L is
 * that integral. Only the outer coefficient's dependence on the grown
 * diameter needs an outer iteration. The answer is the largest thickness
 * over the patches: no search over whole-fitting solves is needed.
 */
#include "fittings_internal.h"

#include <math.h>
#include <stdio.h>

#define MIN_COAT_PASSES 30

/* Solve (r + t) ln(1 + t/r) = c for t >= 0 by Newton (the left side is
 * convex and increasing from 0). The logarithm is taken once per step:
 * log may set errno, so the compiler does not merge two calls. */
static double radial_thickness(double r, double c)
{
    double t = c; /* the flat answer: an upper bound */
    for (int i = 0; i < 60; i++) {
        double ro = r + t, ln = log(ro / r), f = ro * ln - c;
        double next = t - f / (ln + 1.0);
        if (next < 0.0)
            next = 0.5 * t;
        if (fabs(next - t) <= 1e-12 * (1.0 + t))
            return next;
        t = next;
    }
    return t;
}

/* Thickness that brings a surface of diameter d (radial), a sphere or a
 * flat face (d unused) with outer boundary bc to t_lim; +inf when no
 * thickness can (the surroundings keep the surface above t_lim). */
static double surface_thickness(const solve_ctx *s, const hl_outer_bc *bc,
                                int radial, int sphere, double d,
                                const hl_conductivity *lam, double t_lim)
{
    double big_l = hl_lambda_integral(lam, t_lim, s->t_metal);
    double r = 0.5 * d, t = 0.0;
    for (int pass = 0; pass < MIN_COAT_PASSES; pass++) {
        double q =
            hl_outer_flux(bc, t_lim, (radial || sphere) ? d + 2 * t : 0.0);
        if (!(q > 0.0))
            return INFINITY;
        double c = big_l / q, next;
        if (radial)
            next = radial_thickness(r, c);
        else if (sphere)
            next = 0.5 * (-r + sqrt(r * r + 4.0 * r * c));
        else
            return c;
        if (fabs(next - t) <= 1e-10 * (1.0 + next))
            return next;
        t = next;
    }
    return t;
}

/* A patch's thickness. The lumped tip of a pin (handwheel, gearbox, end
 * face) is taken with its metal at the medium temperature too: it is
 * cooler, so this errs on the safe side, and a tip in weak convection
 * (a face looking down) can need more coating than the root. */
static double patch_thickness(const solve_ctx *s, const fit_patch *p,
                              const hl_conductivity *lam, double t_lim)
{
    hl_outer_bc bc;
    patch_bc(s, p, &bc);
    int radial = p->kind == PATCH_CYL_H || p->kind == PATCH_CYL_V ||
                 p->kind == PATCH_FIN_PIN;
    double t = surface_thickness(s, &bc, radial, p->kind == PATCH_SPHERE, p->d,
                                 lam, t_lim);
    if (p->kind == PATCH_FIN_PIN && p->tip_area > 0.0) {
        hl_outer_bc tip = s->bc;
        tip.geometry = p->tip_geom;
        tip.length_m = p->tip_char;
        t = fmax(t, surface_thickness(s, &tip, p->tip_cylinder, 0, p->tip_char,
                                      lam, t_lim));
    }
    return t;
}

int hl_fitting_min_coating(const hl_fitting_catalog *cat, int id,
                           const hl_fitting_conditions *c, const hl_material *m,
                           double max_thickness_m, double *thickness_m,
                           hl_error *err)
{
    if (!cat || id < 0 || id >= cat->n)
        return hl_error_set(err, HL_EINVAL,
                            "fitting id %d is not in the "
                            "catalogue",
                            id);
    hl_fitting_conditions cc = *c;
    double t_max = max_thickness_m > 0.0 ? max_thickness_m : 0.1;
    hl_fitting_cover_from_material(m, HL_FIT_COATED, 1e-3, &cc.cover);
    int rc = check_conditions(&cc, err);
    double thr;
    if (!rc)
        rc = hl_burn_threshold(cat, cc.cover.contact_class, cc.contact_s, &thr,
                               err);
    if (rc)
        return rc;
    double t_lim = fmin(cc.limit_k, thr), worst = 0.0;
    const fit_entry *e = &cat->entries[id];
    solve_ctx s;
    solve_ctx_init(&s, &cc, err);
    int worst_patch = 0;
    for (int i = 0; i < e->n && s.t_metal > t_lim; i++) {
        double t =
            patch_thickness(&s, &cat->patches[e->first + i], &m->lambda, t_lim);
        if (t > worst) {
            worst = t;
            worst_patch = i;
        }
    }
    *thickness_m = worst > t_max ? NAN : worst;
    if (worst > t_max)
        return hl_error_set(err, HL_EUNREACHABLE,
                            "no %s thickness up to %.0f mm brings the %s "
                            "below %.1f C",
                            m->id, t_max * 1e3,
                            cat->patches[e->first + worst_patch].name,
                            t_lim - HL_ZERO_C_K);
    return HL_OK;
}
