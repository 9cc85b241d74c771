/*
 * cmd_fitting.c - `heatline fitting`: heat loss, hottest surface, burn
 * verdict and minimum coating of one fitting; --list for the catalogue,
 * --inventory for a whole inventory (fitting_batch.c), --fv-check for the
 * finite-volume check of a flange pair. Options: docs/cli.md.
 */
#include "fitting_args.h"

#include <math.h>
#include <string.h>

#define CMD "fitting"

typedef struct single_out {
    hl_fitting_result r;
    int have_min; /* a coating material was given */
    int min_rc;   /* HL_OK or HL_EUNREACHABLE */
    double min_m;
    char min_note[sizeof(((hl_error *)0)->message)];
} single_out;

static double to_c(double k)
{
    return k - HL_ZERO_C_K;
}

static const char *state_text(const fitting_args *a, char *buf, size_t n)
{
    const hl_fitting_cover *c = &a->cond.cover;
    if (c->state == HL_FIT_BARE)
        return "bare";
    snprintf(buf, n, "%s %s %.1f mm",
             c->state == HL_FIT_COATED ? "coated" : "jacket", c->material,
             c->layer.thickness_m * 1e3);
    return buf;
}

static json_t *patches_json(const fitting_args *a,
                            const hl_fitting_catalog *cat, int id,
                            const hl_fitting_result *r)
{
    (void)a;
    json_t *arr = json_array();
    for (int i = 0; i < r->n_patches; i++) {
        const hl_fitting_patch_result *p = &r->patch[i];
        json_t *o = json_object();
        json_object_set_new(o, "part",
                            json_string(hl_fitting_patch_name(cat, id, i)));
        json_object_set_new(o, "area_m2", cli_json_number(p->area_m2));
        json_object_set_new(o, "heat_loss_w", cli_json_number(p->heat_w));
        json_object_set_new(o, "max_surface_temp_c",
                            cli_json_number(to_c(p->max_surface_k)));
        json_object_set_new(o, "mean_surface_temp_c",
                            cli_json_number(to_c(p->mean_surface_k)));
        json_object_set_new(o, "fin_efficiency",
                            cli_json_number(p->efficiency));
        json_array_append_new(arr, o);
    }
    return arr;
}

static void json_safety(json_t *o, const fitting_args *a,
                        const hl_fitting_result *r)
{
    json_object_set_new(
        o, "verdict",
        json_string(r->verdict == HL_VERDICT_PASS ? "pass" : "fail"));
    json_object_set_new(o, "limit_c", cli_json_number(to_c(a->cond.limit_k)));
    json_object_set_new(o, "contact_s", cli_json_number(a->cond.contact_s));
    json_object_set_new(o, "contact_class",
                        json_string(hl_contact_class_name(r->contact_class)));
    json_object_set_new(o, "burn_threshold_c",
                        cli_json_number(to_c(r->burn_threshold_k)));
    json_object_set_new(o, "effective_limit_c",
                        cli_json_number(to_c(r->effective_limit_k)));
}

static int print_json(const fitting_args *a, const hl_fitting_catalog *cat,
                      int id, const single_out *s)
{
    const hl_fitting_result *r = &s->r;
    char st[160];
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(a->type_name));
    json_object_set_new(o, "dn", json_integer(a->dn));
    json_object_set_new(o, "pn", json_integer(a->pn));
    json_object_set_new(o, "state", json_string(state_text(a, st, sizeof st)));
    json_object_set_new(o, "heat_loss_w", cli_json_number(r->heat_loss_w));
    json_object_set_new(o, "area_m2", cli_json_number(r->area_m2));
    json_object_set_new(o, "max_surface_temp_c",
                        cli_json_number(to_c(r->max_surface_k)));
    json_object_set_new(
        o, "hottest_part",
        json_string(hl_fitting_patch_name(cat, id, r->hottest_patch)));
    json_object_set_new(o, "mean_surface_temp_c",
                        cli_json_number(to_c(r->mean_surface_k)));
    json_object_set_new(o, "equivalent_length_m",
                        cli_json_number(r->equivalent_length_m));
    json_object_set_new(o, "reference_loss_w_per_m",
                        cli_json_number(r->ref_loss_w_per_m));
    json_safety(o, a, r);
    if (s->have_min)
        json_object_set_new(o, "min_coating_mm",
                            s->min_rc ? json_null()
                                      : cli_json_number(s->min_m * 1e3));
    if (s->have_min && s->min_rc)
        json_object_set_new(o, "min_coating_note", json_string(s->min_note));
    json_object_set_new(o, "patches", patches_json(a, cat, id, r));
    json_t *w = json_array();
    for (int i = 0; i < r->warnings.count; i++)
        json_array_append_new(w, json_string(r->warnings.text[i]));
    json_object_set_new(o, "warnings", w);
    return cli_json_print(o);
}

static void print_patches(const hl_fitting_catalog *cat, int id,
                          const hl_fitting_result *r)
{
    printf("\n  %-22s %9s %10s %9s %9s %6s\n", "part", "area m2", "loss W",
           "max C", "mean C", "eta");
    for (int i = 0; i < r->n_patches; i++) {
        const hl_fitting_patch_result *p = &r->patch[i];
        printf("  %-22s %9.4f %10.1f %9.2f %9.2f %6.3f\n",
               hl_fitting_patch_name(cat, id, i), p->area_m2, p->heat_w,
               to_c(p->max_surface_k), to_c(p->mean_surface_k), p->efficiency);
    }
}

static void print_text(const fitting_args *a, const hl_fitting_catalog *cat,
                       int id, const single_out *s)
{
    const hl_fitting_result *r = &s->r;
    char st[160];
    printf("%s DN %d PN %d, %s, medium %.1f C, air %.1f C, radiant %.1f C, "
           "%s\n",
           a->type_name, a->dn, a->pn, state_text(a, st, sizeof st),
           to_c(a->cond.medium_k), to_c(a->cond.air_k), to_c(a->cond.radiant_k),
           a->cond.wind_m_s > 0 ? "wind" : "still air");
    if (a->patches)
        print_patches(cat, id, r);
    printf("\n  %-30s %10.1f W\n", "heat loss", r->heat_loss_w);
    printf("  %-30s %10.3f m2\n", "metal surface area", r->area_m2);
    printf("  %-30s %10.2f C (%s)\n", "hottest outer surface",
           to_c(r->max_surface_k),
           hl_fitting_patch_name(cat, id, r->hottest_patch));
    printf("  %-30s %10.2f C\n", "mean outer surface", to_c(r->mean_surface_k));
    if (isfinite(r->equivalent_length_m))
        printf("  %-30s %10.2f m (of pipe losing %.2f W/m)\n",
               "equivalent length", r->equivalent_length_m,
               r->ref_loss_w_per_m);
    printf("  %-30s %10s (limit %.1f C; ISO 13732-1 %s at %g s: %.1f C)\n",
           "burn safety", r->verdict == HL_VERDICT_PASS ? "pass" : "FAIL",
           to_c(a->cond.limit_k), hl_contact_class_name(r->contact_class),
           a->cond.contact_s, to_c(r->burn_threshold_k));
    if (s->have_min && !s->min_rc)
        printf("  %-30s %10.2f mm of %s\n", "minimum coating to pass",
               s->min_m * 1e3, a->cond.cover.material);
    if (s->have_min && s->min_rc)
        printf("  %-30s %10s (%s)\n", "minimum coating to pass", "none",
               s->min_note);
}

static int solve_single(fitting_args *a, const hl_fitting_catalog *cat, int id,
                        single_out *s)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_solve(cat, id, &a->cond, &s->r, &err))
        return cli_fail(CMD, "%s", err.message);
    s->have_min = a->cond.cover.state == HL_FIT_COATED;
    if (!s->have_min)
        return 0;
    hl_material tmp;
    const hl_material *m = fitting_cover_material(a, &tmp);
    hl_error_clear(&err);
    s->min_rc =
        hl_fitting_min_coating(cat, id, &a->cond, m, 0.0, &s->min_m, &err);
    if (s->min_rc && s->min_rc != HL_EUNREACHABLE)
        return cli_fail(CMD, "minimum coating: %s", err.message);
    snprintf(s->min_note, sizeof s->min_note, "%s", err.message);
    return 0;
}

static int run_fv(const fitting_args *a, const hl_fitting_catalog *cat, int id);

static int run_single(fitting_args *a, const hl_fitting_catalog *cat)
{
    hl_error err;
    hl_error_clear(&err);
    int id;
    if (hl_fitting_find(cat, a->type, a->dn, a->pn, &id, &err))
        return cli_fail(CMD, "%s", err.message);
    if (a->mode == FIT_FV_CHECK)
        return run_fv(a, cat, id);
    single_out s;
    memset(&s, 0, sizeof s);
    int rc = solve_single(a, cat, id, &s);
    if (rc)
        return rc;
    cli_print_warnings(CMD, &s.r.warnings);
    if (a->json)
        return print_json(a, cat, id, &s);
    print_text(a, cat, id, &s);
    return 0;
}

/* ---- --fv-check ------------------------------------------------------------
 */

static int fv_json(const hl_flange_fv_out *o, double stub, double fillet)
{
    json_t *j = json_object();
    json_object_set_new(j, "cells", json_integer(o->cells));
    json_object_set_new(j, "stub_m", cli_json_number(stub));
    json_object_set_new(j, "fillet_mm", cli_json_number(fillet * 1e3));
    json_object_set_new(j, "fv_heat_loss_w", cli_json_number(o->fv_heat_w));
    json_object_set_new(j, "patch_heat_loss_w",
                        cli_json_number(o->patch_heat_w));
    json_object_set_new(j, "fv_max_surface_temp_c",
                        cli_json_number(to_c(o->fv_max_surface_k)));
    json_object_set_new(j, "patch_max_surface_temp_c",
                        cli_json_number(to_c(o->patch_max_surface_k)));
    json_object_set_new(j, "fv_flange_surface_temp_c",
                        cli_json_number(to_c(o->fv_fin_surface_k)));
    json_object_set_new(j, "patch_flange_surface_temp_c",
                        cli_json_number(to_c(o->patch_fin_surface_k)));
    return cli_json_print(j);
}

static int run_fv(const fitting_args *a, const hl_fitting_catalog *cat, int id)
{
    hl_fitting_info info;
    hl_fitting_info_at(cat, id, &info);
    double fillet = isfinite(a->fillet_m) ? a->fillet_m
                    : a->cond.cover.state == HL_FIT_BARE
                        ? 0.0
                        : a->cond.cover.layer.thickness_m;
    double stub = fmax(0.5, info.pipe_od_m);
    hl_flange_fv_out o;
    hl_error err;
    hl_error_clear(&err);
    if (hl_flange_fv_check(cat, id, &a->cond, stub, fillet, a->refine, &o,
                           &err))
        return cli_fail(CMD, "%s", err.message);
    if (a->json)
        return fv_json(&o, stub, fillet);
    printf("flange pair DN %d PN %d with %.2f m pipe stubs, inside-corner "
           "fillet %.1f mm, %d cells\n",
           a->dn, a->pn, stub, fillet * 1e3, o.cells);
    printf("  %-34s %10s %10s %9s\n", "", "FV", "patches", "diff");
    printf("  %-34s %10.1f %10.1f %8.1f%%\n", "heat loss W", o.fv_heat_w,
           o.patch_heat_w, 100.0 * (o.patch_heat_w / o.fv_heat_w - 1.0));
    printf("  %-34s %10.2f %10.2f %7.2f K\n", "hottest outer surface C",
           to_c(o.fv_max_surface_k), to_c(o.patch_max_surface_k),
           o.patch_max_surface_k - o.fv_max_surface_k);
    printf("  %-34s %10.2f %10.2f %7.2f K\n", "mean flange back and rim C",
           to_c(o.fv_fin_surface_k), to_c(o.patch_fin_surface_k),
           o.patch_fin_surface_k - o.fv_fin_surface_k);
    return 0;
}

int cmd_fitting(int argc, char **argv)
{
    fitting_args a;
    int rc = fitting_args_parse(argc, argv, &a);
    if (rc >= 0) {
        fitting_args_free(&a);
        return rc;
    }
    hl_fitting_catalog *cat = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_catalog_new(&cat, &err)) {
        fitting_args_free(&a);
        return cli_fail(CMD, "catalogue: %s", err.message);
    }
    if (a.mode == FIT_LIST)
        rc = fitting_print_list(&a, cat);
    else if (a.mode == FIT_INVENTORY)
        rc = fitting_run_inventory(&a, cat);
    else if (a.mode == FIT_COMPARE)
        rc = fitting_run_compare(&a, cat);
    else
        rc = run_single(&a, cat);
    hl_fitting_catalog_free(cat);
    fitting_args_free(&a);
    return rc;
}
