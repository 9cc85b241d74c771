/*
 * run_coating.c - the coating a line needs: the least thickness of the
 * model's coating material (settings fitting_coating) that keeps every
 * catalogue fitting at or below the burn limit under this run's water and
 * chamber temperatures (hl_fitting_min_coating per fitting, the largest
 * wins). The question the utility asked before choosing 8 mm.
 */
#include "run.h"

#include <math.h>
#include <string.h>

/* Conditions of fitting i as solved: its water, its chamber's air, the
 * model's coating and limit. */
static void conditions(const hl_chamber_fitting_result *f,
                       const hl_fitting_cover *cover, hl_fitting_conditions *c)
{
    hl_fitting_conditions_init(c);
    c->medium_k = f->medium_temp_k;
    c->air_k = c->radiant_k = f->air_temp_k;
    c->cover = *cover;
    c->limit_k = f->limit_k;
}

/* One fitting: its least thickness into need (the largest so far). */
static void one_fitting(const hl_fitting_catalog *cat, const hl_material *mat,
                        const hl_fitting_cover *cover, hl_model *m, int i,
                        run_coating *need)
{
    hl_chamber_fitting_result f;
    int id;
    hl_error err;
    hl_error_clear(&err);
    if (hl_model_fitting_result(m, i, &f) ||
        hl_fitting_find(cat, hl_fitting_type_from_name(f.type), f.dn, f.pn, &id,
                        &err))
        return; /* a fitting given by its area only: no catalogue shape */
    hl_fitting_conditions c;
    conditions(&f, cover, &c);
    double t = NAN;
    int rc = hl_fitting_min_coating(cat, id, &c, mat, 0.0, &t, &err);
    if (rc == HL_EUNREACHABLE) {
        need->unreachable++;
        return;
    }
    if (rc == HL_OK && t > need->thickness_m) {
        need->thickness_m = t;
        need->worst = i;
    }
}

int run_coating_need(const run_args *a, run_result *r, run_coating *need)
{
    memset(need, 0, sizeof *need);
    need->worst = -1;
    hl_fitting_cover cover;
    if (hl_model_count(r->m, HL_FITTING) == 0 ||
        hl_model_fitting_cover(r->m, HL_FIT_COATED, &cover) ||
        cover.state != HL_FIT_COATED || strncmp(cover.material, "k=", 2) == 0)
        return 0; /* nothing to size, or no named material to size */
    hl_material_db *db = cli_materials("run", a->load.materials_path);
    if (!db)
        return EXIT_USAGE;
    const hl_material *mat = hl_material_find(db, cover.material);
    hl_fitting_catalog *cat = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (mat && hl_fitting_catalog_new(&cat, &err) == HL_OK) {
        need->asked = 1;
        snprintf(need->material, sizeof need->material, "%s", cover.material);
        need->modelled_m = cover.layer.thickness_m;
        for (int i = 0; i < hl_model_count(r->m, HL_FITTING); i++)
            one_fitting(cat, mat, &cover, r->m, i, need);
    }
    hl_fitting_catalog_free(cat);
    hl_material_db_free(db);
    return 0;
}
