/*
 * options.c - candidate retrofits of a fitting or a chamber with their
 * season numbers. The season: the embedded Hohhot year's heating season
 * (hl_weather_default, hl_weather_select), binned by outdoor temperature;
 * per bin one steady run of the network (the season engine's plant: its
 * operation, reset curve, demand, Kusuda ground) gives the water at every
 * fitting, and the fitting engine the loss of each cover there. Saving
 * and payback: hl_economics_evaluate with hl_economics_defaults.
 */
#include "io/io.h"
#include "register/register_internal.h"
#include "season/plant.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BIN_K 2.0 /* outdoor-temperature bin width */

typedef struct bin_acc {
    double hours, outdoor_sum, day_sum;
} bin_acc;

static int bin_hours(bin_acc acc[REG_MAX_BINS], double *t0, hl_error *err)
{
    hl_weather w;
    int first, count;
    memset(&w, 0, sizeof w);
    int rc = hl_weather_default(&w, err);
    if (!rc)
        rc = hl_weather_select(&w, NULL, NULL, &first, &count, err);
    memset(acc, 0, REG_MAX_BINS * sizeof *acc);
    *t0 = -50.0 + HL_ZERO_C_K;
    for (int k = 0; !rc && k < count; k++) {
        int i = (first + k) % w.n;
        int b = (int)floor((w.dry_bulb_k[i] - *t0) / BIN_K);
        b = b < 0 ? 0 : b >= REG_MAX_BINS ? REG_MAX_BINS - 1 : b;
        acc[b].hours += 1.0;
        acc[b].outdoor_sum += w.dry_bulb_k[i];
        acc[b].day_sum +=
            cal_day_of_year(w.month[i], w.day[i]) + w.hour[i] / 24.0;
    }
    hl_weather_free(&w);
    return rc;
}

static int solve_bin(plant *p, const hl_operation *op, const bin_acc *a,
                     double *water, int n_fit, hl_error *err)
{
    hl_kusuda ground;
    hl_kusuda_hohhot(&ground);
    /* hours colder than the design outdoor temperature are run at it:
     * the line is sized for its design load and no more (the default
     * line's hydraulics cannot carry the demand a few K below it) */
    double t = fmax(a->outdoor_sum / a->hours, op->design_outdoor_k);
    plant_bc bc = {.outdoor_k = t,
                   .ground_k = hl_kusuda_temp_k(&ground, a->day_sum / a->hours),
                   .chamber_k = NAN,
                   .supply_k = hl_supply_temp_k(op, t),
                   .demand_w = hl_demand_w(op, t)};
    plant_totals tot;
    int rc = plant_solve(p, &bc, &tot, NULL, err);
    for (int i = 0; !rc && i < n_fit; i++) {
        hl_chamber_fitting_result f;
        rc = hl_model_fitting_result(plant_model(p), i, &f);
        water[i] = f.medium_temp_k;
    }
    return rc;
}

static int fill_bins(hl_register *r, reg_bins *sb, hl_error *err)
{
    bin_acc acc[REG_MAX_BINS];
    double t0;
    int n_fit = hl_model_count(r->model.m, HL_FITTING), rc;
    plant *p = NULL;
    if ((rc = bin_hours(acc, &t0, err)) != HL_OK ||
        (rc = plant_open(&p, r->model.m, err)) != HL_OK)
        return rc;
    hl_operation op;
    plant_operation(p, &op);
    sb->water_k = malloc((size_t)(REG_MAX_BINS * n_fit + 1) * sizeof(double));
    if (!sb->water_k)
        rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    /* warm to cold: each solve starts from a nearby state, as the season's
     * hours do */
    for (int b = REG_MAX_BINS - 1; !rc && b >= 0; b--) {
        if (acc[b].hours <= 0)
            continue;
        rc = solve_bin(p, &op, &acc[b], sb->water_k + (size_t)sb->n * n_fit,
                       n_fit, err);
        sb->hours[sb->n++] = acc[b].hours;
    }
    plant_close(p);
    return rc;
}

static int ensure_bins(hl_register *r, hl_error *err)
{
    if (r->model.bins.water_k)
        return HL_OK;
    int rc = fill_bins(r, &r->model.bins, err);
    if (rc) {
        free(r->model.bins.water_k);
        memset(&r->model.bins, 0, sizeof r->model.bins);
    }
    return rc;
}

/* Installed cost: the material's cost per m3 times the layer's volume
 * when the table gives one, else the economics' cost per m2 of the kind
 * (coating or jacket). */
static double option_cost(hl_register *r, const hl_fitting_cover *cv,
                          double area_m2, const hl_economics *e)
{
    const hl_material *m = hl_material_find(r->model.db, cv->material);
    if (m && isfinite(m->cost_cny_m3))
        return m->cost_cny_m3 * cv->layer.thickness_m * area_m2;
    return area_m2 * (cv->state == HL_FIT_JACKETED
                          ? e->jacket_cost_cny_per_m2
                          : e->coating_cost_cny_per_m2);
}

/* Season saving of one fitting under cover spec against its present
 * cover, and its design-hour numbers. */
static int fitting_season(hl_register *r, const reg_fitting *f,
                          const char *spec, double *saved_j,
                          hl_fitting_result *design, hl_error *err)
{
    reg_model *rm = &r->model;
    int n_fit = hl_model_count(rm->m, HL_FITTING), fi = f->model_index;
    hl_fitting_result now, opt;
    int rc = reg_predict(r, fi, spec, rm->design_water_k[fi], rm->air_k[fi],
                         design, err);
    *saved_j = 0.0;
    for (int b = 0; !rc && b < rm->bins.n; b++) {
        double tw = rm->bins.water_k[(size_t)b * n_fit + fi];
        rc = reg_predict(r, fi, f->cover, tw, rm->air_k[fi], &now, err);
        if (!rc)
            rc = reg_predict(r, fi, spec, tw, rm->air_k[fi], &opt, err);
        if (!rc)
            *saved_j += rm->bins.hours[b] * 3600.0 *
                        (now.heat_loss_w - opt.heat_loss_w);
    }
    return rc;
}

int reg_option_eval(hl_register *r, const reg_fitting *f, int n,
                    const char *spec, hl_register_option *out, hl_error *err)
{
    hl_fitting_cover cv;
    hl_economics e;
    hl_economics_defaults(&e);
    memset(out, 0, sizeof *out);
    copy_text(out->spec, sizeof out->spec, spec);
    int rc = reg_model_load(r, err);
    if (!rc)
        rc = hl_fitting_cover_parse(r->model.db, spec, &cv, err);
    if (!rc && cv.state == HL_FIT_BARE)
        rc = hl_error_set(err, HL_EINVAL,
                          "option '%s': expected a coating "
                          "or a jacket (coating MATERIAL:MM, jacket "
                          "MATERIAL:MM)",
                          spec);
    if (!rc)
        rc = ensure_bins(r, err);
    double area = 0;
    out->thickness_m = cv.layer.thickness_m;
    out->surface_k = -INFINITY;
    for (int i = 0; !rc && i < n; i++) {
        double saved;
        hl_fitting_result d;
        hl_chamber_fitting_result cf;
        rc = fitting_season(r, &f[i], spec, &saved, &d, err);
        /* the fitting engine solves one item; an entry of the model may
         * stand for `count` alike */
        double count = 1.0;
        if (!rc &&
            hl_model_fitting_result(r->model.m, f[i].model_index, &cf) ==
                HL_OK &&
            cf.count > 1)
            count = cf.count;
        out->heat_saved_j += count * saved;
        out->loss_w += count * d.heat_loss_w;
        out->surface_k = fmax(out->surface_k, d.max_surface_k);
        out->verdict |= d.verdict;
        area += count * d.area_m2;
    }
    if (rc)
        return rc;
    out->cost_cny = option_cost(r, &cv, area, &e);
    hl_payback pb;
    hl_economics_evaluate(&e, out->heat_saved_j, 0.0,
                          area > 0 ? out->cost_cny / area : 0.0, area, &pb);
    out->payback_years = pb.simple_payback_years;
    out->npv_cny = pb.npv_cny;
    return HL_OK;
}

/* ---- the candidates ------------------------------------------------------ */

typedef struct spec_list {
    char spec[32][80];
    int n;
} spec_list;

static void add_spec(spec_list *l, const char *kind, const char *mat, double mm)
{
    char s[80];
    snprintf(s, sizeof s, "%s %s:%g", kind, mat, mm);
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->spec[i], s) == 0)
            return;
    if (l->n < 32)
        copy_text(l->spec[l->n++], sizeof l->spec[0], s);
}

/* The least coating of m that meets the burn limit on every fitting of
 * the list at its design hour, whole mm; NaN if none can. */
static double least_coating_mm(hl_register *r, const reg_fitting *f, int n,
                               const hl_material *m)
{
    reg_model *rm = &r->model;
    double worst = 0.0;
    for (int i = 0; i < n; i++) {
        hl_chamber_fitting_result cf;
        int type, id, fi = f[i].model_index;
        double t;
        if (hl_model_fitting_result(rm->m, fi, &cf) || !cf.type ||
            (type = hl_fitting_type_from_name(cf.type)) < 0 ||
            hl_fitting_find(rm->cat, type, cf.dn, cf.pn, &id, NULL))
            return NAN;
        hl_fitting_conditions c;
        hl_fitting_conditions_init(&c);
        c.medium_k = rm->design_water_k[fi];
        c.air_k = c.radiant_k = rm->air_k[fi];
        c.limit_k = rm->limit_k;
        if (hl_fitting_min_coating(rm->cat, id, &c, m, 0.0, &t, NULL))
            return NAN;
        worst = fmax(worst, t);
    }
    return ceil(worst * 1e3 - 1e-9);
}

static void candidates(hl_register *r, const reg_fitting *f, int n,
                       spec_list *l)
{
    static const double coat_mm[] = {3, 5, 8, 10, 15, 20};
    static const double jacket_mm[] = {20, 30, 50};
    hl_material_db *db = r->model.db;
    l->n = 0;
    for (int i = 0; i < hl_material_db_count(db); i++) {
        const hl_material *m = hl_material_db_at(db, i);
        if (strcasecmp(m->category, "coating") != 0)
            continue;
        double least = least_coating_mm(r, f, n, m);
        if (isfinite(least) && least > 0)
            add_spec(l, "coating", m->id, least);
        for (size_t k = 0; k < sizeof coat_mm / sizeof coat_mm[0]; k++)
            add_spec(l, "coating", m->id, coat_mm[k]);
    }
    hl_fitting_cover jacket;
    if (hl_model_fitting_cover(r->model.m, HL_FIT_JACKETED, &jacket) == HL_OK &&
        jacket.material[0] && strncmp(jacket.material, "k=", 2) != 0)
        for (size_t k = 0; k < sizeof jacket_mm / sizeof jacket_mm[0]; k++)
            add_spec(l, "jacket", jacket.material, jacket_mm[k]);
}

int hl_register_options_for(hl_register *r, const char *item,
                            hl_register_option **list, int *n, hl_error *err)
{
    if (!r || !item || !list || !n)
        return hl_error_set(err, HL_EINVAL,
                            "hl_register_options_for: NULL argument");
    reg_fitting *f = NULL;
    int nf = 0;
    *list = NULL;
    *n = 0;
    int rc = reg_model_load(r, err);
    if (!rc)
        rc = reg_item_fittings(r, item, (1 << HL_ITEM_NSTATES) - 1, &f, &nf,
                               err);
    spec_list specs;
    if (!rc)
        candidates(r, f, nf, &specs);
    hl_register_option *out = NULL;
    if (!rc && !(out = calloc((size_t)specs.n + 1, sizeof *out)))
        rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    for (int i = 0; !rc && i < specs.n; i++)
        rc = reg_option_eval(r, f, nf, specs.spec[i], &out[i], err);
    reg_fittings_free(f, nf);
    if (rc) {
        free(out);
        return rc;
    }
    *list = out;
    *n = specs.n;
    return HL_OK;
}
