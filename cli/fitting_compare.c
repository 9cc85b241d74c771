/*
 * fitting_compare.c - `heatline fitting --compare`: one fitting bare,
 * coated and jacketed side by side, as 3E Plus prints bare and insulated
 * columns: heat loss, the saving against bare, hottest and mean surface,
 * where the hottest surface is, the burn verdict and the equivalent length
 * of insulated pipe.
 */
#include "fitting_args.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CMD "fitting"

static const char *const state_name[HL_FIT_NSTATES] = {"bare", "coated",
                                                       "jacketed"};

static void cover_text(const hl_fitting_cover *c, char *buf, size_t n)
{
    if (c->state == HL_FIT_BARE)
        snprintf(buf, n, "bare");
    else
        snprintf(buf, n, "%s %.0f mm", c->material, c->layer.thickness_m * 1e3);
}

static void print_text(const fitting_args *a, const hl_fitting_catalog *cat,
                       int id, const hl_fitting_result *r)
{
    char cov[HL_FIT_NSTATES][64];
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        cover_text(&a->covers[s], cov[s], sizeof cov[s]);
    printf("%s DN%d PN%d at %.1f C, air %.1f C\n\n", a->type_name, a->dn, a->pn,
           a->cond.medium_k - HL_ZERO_C_K, a->cond.air_k - HL_ZERO_C_K);
    printf("  %-26s %22s %22s %22s\n", "", "bare", "coated", "jacketed");
    printf("  %-26s %22s %22s %22s\n", "cover", cov[0], cov[1], cov[2]);
    printf("  %-26s", "heat loss, W");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22.1f", r[s].heat_loss_w);
    printf("\n  %-26s", "saving against bare, %");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22.1f", 100.0 * (1.0 - r[s].heat_loss_w / r[0].heat_loss_w));
    printf("\n  %-26s", "hottest surface, C");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22.1f", r[s].max_surface_k - HL_ZERO_C_K);
    printf("\n  %-26s", "hottest part");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22s", hl_fitting_patch_name(cat, id, r[s].hottest_patch));
    printf("\n  %-26s", "mean surface, C");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22.1f", r[s].mean_surface_k - HL_ZERO_C_K);
    printf("\n  %-26s", "burn verdict");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22s", r[s].verdict == HL_VERDICT_PASS ? "pass" : "FAIL");
    printf("\n  %-26s", "equivalent pipe length, m");
    for (int s = 0; s < HL_FIT_NSTATES; s++)
        printf(" %22.2f", r[s].equivalent_length_m);
    printf("\n  (limit %.0f C: the least of --limit and the ISO 13732-1 "
           "threshold at %.1f s)\n",
           r[0].effective_limit_k - HL_ZERO_C_K, a->cond.contact_s);
}

static int print_json(const fitting_args *a, const hl_fitting_catalog *cat,
                      int id, const hl_fitting_result *r)
{
    json_t *o = json_object(), *arr = json_array();
    json_object_set_new(o, "type", json_string(a->type_name));
    json_object_set_new(o, "dn", json_integer(a->dn));
    json_object_set_new(o, "pn", json_integer(a->pn));
    for (int s = 0; s < HL_FIT_NSTATES; s++) {
        char cov[64];
        cover_text(&a->covers[s], cov, sizeof cov);
        json_t *e = json_object();
        json_object_set_new(e, "state", json_string(state_name[s]));
        json_object_set_new(e, "cover", json_string(cov));
        json_object_set_new(e, "heat_loss_w",
                            cli_json_number(r[s].heat_loss_w));
        json_object_set_new(
            e, "saving_pct",
            cli_json_number(100.0 *
                            (1.0 - r[s].heat_loss_w / r[0].heat_loss_w)));
        json_object_set_new(e, "max_surface_temp_c",
                            cli_json_number(r[s].max_surface_k - HL_ZERO_C_K));
        json_object_set_new(
            e, "hottest_part",
            json_string(hl_fitting_patch_name(cat, id, r[s].hottest_patch)));
        json_object_set_new(e, "mean_surface_temp_c",
                            cli_json_number(r[s].mean_surface_k - HL_ZERO_C_K));
        json_object_set_new(
            e, "verdict",
            json_string(r[s].verdict == HL_VERDICT_PASS ? "pass" : "fail"));
        json_object_set_new(e, "equivalent_length_m",
                            cli_json_number(r[s].equivalent_length_m));
        json_array_append_new(arr, e);
    }
    json_object_set_new(o, "compare", arr);
    return cli_json_print(o);
}

int fitting_run_compare(fitting_args *a, const hl_fitting_catalog *cat)
{
    hl_error err;
    hl_error_clear(&err);
    int id;
    if (hl_fitting_find(cat, a->type, a->dn, a->pn, &id, &err))
        return cli_fail(CMD, "%s", err.message);
    hl_fitting_result r[HL_FIT_NSTATES];
    for (int s = 0; s < HL_FIT_NSTATES; s++) {
        a->cond.cover = a->covers[s];
        hl_error_clear(&err);
        if (hl_fitting_solve(cat, id, &a->cond, &r[s], &err))
            return cli_fail(CMD, "%s: %s", state_name[s], err.message);
        cli_print_warnings(CMD, &r[s].warnings);
    }
    if (a->json)
        return print_json(a, cat, id, r);
    print_text(a, cat, id, r);
    return 0;
}
