/*
 * model.c - the register's model: loaded from the text kept in the
 * register (so predictions use the model the assets came from), solved at
 * the supply temperatures inspections record. One steady run per distinct
 * supply temperature, kept for the life of the handle.
 */
#include "register/register_internal.h"
#include "season/plant.h"

#include <math.h>

#include <stdlib.h>
#include <string.h>

void reg_model_free(reg_model *rm)
{
    hl_model_free(rm->m);
    hl_fitting_catalog_free(rm->cat);
    hl_material_db_free(rm->db);
    for (int i = 0; i < rm->n_runs; i++)
        free(rm->run_water_k[i]);
    free(rm->run_water_k);
    free(rm->design_water_k);
    free(rm->air_k);
    free(rm->bins.water_k);
    free(rm->run_supply_k);
    memset(rm, 0, sizeof *rm);
}

static int load_text(hl_register *r, hl_error *err)
{
    char origin[1024], base[1024];
    sqlite3_stmt *st;
    if (reg_meta_get(r, "model_origin", origin, sizeof origin, err) ||
        reg_meta_get(r, "model_base_dir", base, sizeof base, err) ||
        reg_prepare(r, "SELECT value FROM meta WHERE key = 'model_text'", &st,
                    err))
        return err ? err->code : HL_EIO;
    int rc = HL_OK;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = hl_error_set(err, HL_EPARSE, "%s: the register keeps no model",
                          r->path);
    } else {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        rc = hl_model_load_text(&r->model.m, text ? text : "", len, origin,
                                base[0] ? base : NULL, NULL);
        if (rc)
            hl_error_set(err, rc, "%s: its model: %s", r->path,
                         hl_model_error(r->model.m));
    }
    sqlite3_finalize(st);
    return rc;
}

/* Water and air at each fitting at the model's own conditions. */
static int keep_design(reg_model *rm, hl_error *err)
{
    int n = hl_model_count(rm->m, HL_FITTING), rc = HL_OK;
    rm->design_water_k = malloc((size_t)(n + 1) * sizeof(double));
    rm->air_k = malloc((size_t)(n + 1) * sizeof(double));
    if (!rm->design_water_k || !rm->air_k)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int i = 0; !rc && i < n; i++) {
        hl_chamber_fitting_result f;
        rc = hl_model_fitting_result(rm->m, i, &f);
        rm->design_water_k[i] = f.medium_temp_k;
        rm->air_k[i] = f.air_temp_k;
    }
    return rc;
}

int reg_model_load(hl_register *r, hl_error *err)
{
    reg_model *rm = &r->model;
    if (r->model_loaded)
        return HL_OK;
    int rc = load_text(r, err);
    if (!rc && (rc = hl_model_solve(rm->m, NULL)) != HL_OK)
        hl_error_set(err, rc, "%s: its model does not solve: %s", r->path,
                     hl_model_error(rm->m));
    if (!rc)
        rc = hl_fitting_catalog_new(&rm->cat, err);
    if (!rc)
        rc = hl_material_db_new(&rm->db, err);
    hl_check_limits lim;
    if (!rc && !(rc = hl_model_check_limits(rm->m, &lim)))
        rm->limit_k = lim.fitting_surface_k;
    if (!rc)
        rc = keep_design(rm, err);
    plant *p = NULL;
    if (!rc && plant_open(&p, rm->m, NULL) == HL_OK) {
        plant_operation(p, &rm->op);
        rm->op_known = 1;
    }
    plant_close(p);
    if (rc) {
        reg_model_free(rm);
        return rc;
    }
    r->model_loaded = 1;
    return HL_OK;
}

/* The demand that goes with a supply temperature: the outdoor
 * temperature at which the model's reset curve asks for it (season
 * engine's operation), the demand there over the design load. A supply
 * at or above the curve's cold end is the design hour (scale 1). */
static double demand_scale(const reg_model *rm, double supply_k)
{
    const hl_operation *op = &rm->op;
    double ds = op->reset_warm_supply_k - op->reset_cold_supply_k;
    if (!(rm->op_known && fabs(ds) > 0 && op->design_load_w > 0))
        return 1.0;
    double f = (supply_k - op->reset_cold_supply_k) / ds;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    double t_out = op->reset_cold_outdoor_k +
                   f * (op->reset_warm_outdoor_k - op->reset_cold_outdoor_k);
    return hl_demand_w(op, fmax(t_out, op->design_outdoor_k)) /
           op->design_load_w;
}

/* A run at supply_k: the water temperature at every fitting. */
static int new_run(hl_register *r, double supply_k, hl_error *err)
{
    reg_model *rm = &r->model;
    int n = hl_model_count(rm->m, HL_FITTING);
    if (rm->n_runs == rm->cap_runs) {
        int cap = rm->cap_runs ? 2 * rm->cap_runs : 16;
        double *s = realloc(rm->run_supply_k, (size_t)cap * sizeof *s);
        if (s)
            rm->run_supply_k = s;
        double **w = realloc(rm->run_water_k, (size_t)cap * sizeof *w);
        if (w)
            rm->run_water_k = w;
        if (!s || !w)
            return hl_error_set(err, HL_ENOMEM, "out of memory");
        rm->cap_runs = cap;
    }
    double *water = malloc((size_t)(n > 0 ? n : 1) * sizeof *water);
    if (!water)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    int rc = hl_model_set_supply_temp(rm->m, NULL, supply_k);
    if (!rc)
        rc = hl_model_set_demand_scale(rm->m, demand_scale(rm, supply_k));
    if (!rc)
        rc = hl_model_solve(rm->m, NULL);
    for (int i = 0; !rc && i < n; i++) {
        hl_chamber_fitting_result f;
        rc = hl_model_fitting_result(rm->m, i, &f);
        water[i] = f.medium_temp_k;
    }
    if (rc) {
        free(water);
        return hl_error_set(err, rc,
                            "model run at a supply temperature of %.2f C: %s",
                            supply_k - HL_ZERO_C_K, hl_model_error(rm->m));
    }
    rm->run_supply_k[rm->n_runs] = supply_k;
    rm->run_water_k[rm->n_runs++] = water;
    return HL_OK;
}

int reg_model_water_k(hl_register *r, double supply_k, int fi, double *out,
                      hl_error *err)
{
    reg_model *rm = &r->model;
    int k = rm->n_runs - 1; /* rows of a campaign come in runs of one value */
    while (k >= 0 && rm->run_supply_k[k] != supply_k)
        k--;
    if (k < 0) {
        int rc = new_run(r, supply_k, err);
        if (rc)
            return rc;
        k = rm->n_runs - 1;
    }
    if (fi < 0 || fi >= hl_model_count(rm->m, HL_FITTING))
        return hl_error_set(err, HL_EINVAL, "fitting index %d", fi);
    *out = rm->run_water_k[k][fi];
    return HL_OK;
}
