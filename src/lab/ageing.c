/*
 * ageing.c - boiling-cycle (or hours-at-temperature) ageing: runs grouped
 * by material, thickness and ageing state, each group's conductivity
 * brought to the design temperature, compared with the unaged group of
 * the same material and thickness, and judged against the limit.
 */
#include "lab_internal.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define THICKNESS_CLASS_TOL 0.15 /* relative: one nominal thickness */

/* Thickness class of each run: a material's runs sorted by thickness
 * start a new class where the step to the next thinner run exceeds 15 %
 * (single linkage: the scatter of measured thicknesses of one nominal
 * coat stays together). The class id is the index of its thinnest run. */
static void thickness_classes(const hl_lab_data *d, int *cls)
{
    for (int i = 0; i < d->n_runs; i++) {
        const hl_lab_run *r = &d->runs[i];
        double t = r->in.thickness_m;
        int head = i; /* walk down to the thinnest run linked to this one */
        for (int moved = 1; moved;) {
            moved = 0;
            for (int j = 0; j < d->n_runs; j++) {
                double tj = d->runs[j].in.thickness_m;
                int thinner = tj < t || (tj == t && j < head);
                if (thinner && tj * (1.0 + THICKNESS_CLASS_TOL) >= t &&
                    strcasecmp(d->runs[j].material, r->material) == 0) {
                    head = j;
                    t = tj;
                    moved = 1;
                }
            }
        }
        cls[i] = head;
    }
}

static int same_group(const hl_lab_age_group *g, int cls, double age)
{
    return g->thickness_class == cls && fabs(g->cycles - age) < 1e-9;
}

static double design_temperature(const hl_lab_data *d,
                                 const hl_lab_ageing_options *o)
{
    if (o && isfinite(o->design_k) && o->design_k > 0.0)
        return o->design_k;
    double lo = d->runs[0].value.t_mean_k, hi = lo;
    for (int i = 1; i < d->n_runs; i++) {
        lo = fmin(lo, d->runs[i].value.t_mean_k);
        hi = fmax(hi, d->runs[i].value.t_mean_k);
    }
    return round(0.5 * (lo + hi) - HL_ZERO_C_K) + HL_ZERO_C_K;
}

/* Slope d lambda / dT of a material's unaged runs: the weighted straight
 * line, closed form (two runs at two temperatures are enough here). */
static int material_slope(const hl_lab_data *d, const char *material,
                          double design_k, double *slope, hl_error *err)
{
    double sw = 0, swx = 0, swy = 0, sxx = 0, sxy = 0;
    int first = 0, n = 0;
    for (int i = 0; i < d->n_runs; i++) {
        const hl_lab_run *r = &d->runs[i];
        if (strcasecmp(r->material, material) != 0 ||
            hl_lab_run_age(d, r) != 0.0)
            continue;
        double u = r->value.u_lambda, w = u > 0 ? 1.0 / (u * u) : 1.0;
        double x = r->value.t_mean_k - design_k, y = r->value.lambda;
        if (n++ == 0)
            first = r->line;
        sw += w, swx += w * x, swy += w * y;
        sxx += w * x * x, sxy += w * x * y;
    }
    double den = sw * sxx - swx * swx;
    int one_temperature = !(den > 1e-12 * sw * sxx);
    *slope = one_temperature ? 0.0 : (sw * sxy - swx * swy) / den;
    if (n > 0 && one_temperature && fabs(swx / sw) > 0.5)
        return hl_error_set(err, HL_EINVAL,
                            "%s:%d: material %s: the unaged runs are all at "
                            "one mean temperature, so lambda cannot be "
                            "moved to the design temperature %.1f C: test "
                            "at two temperatures or give --design-temp "
                            "%.1f",
                            d->origin, first, material, design_k - HL_ZERO_C_K,
                            swx / sw + design_k - HL_ZERO_C_K);
    return HL_OK;
}

/* Accumulators of a group while the runs are read. */
typedef struct sums {
    double sw, swl, sl, sll, mass, n_mass, thickness;
    int unweighted;
} sums;

static void add_run(hl_lab_age_group *g, sums *s, const hl_lab_run *r,
                    double slope, double design_k)
{
    double l = r->value.lambda + slope * (design_k - r->value.t_mean_k);
    double u = r->value.u_lambda;
    if (!(u > 0.0))
        s->unweighted = 1;
    double w = u > 0.0 ? 1.0 / (u * u) : 0.0;
    s->sw += w;
    s->swl += w * l;
    s->sl += l;
    s->sll += l * l;
    if (isfinite(r->mass_g)) {
        s->mass += r->mass_g;
        s->n_mass++;
    }
    s->thickness += r->in.thickness_m;
    if (g->n++ == 0)
        g->first_line = r->line;
    g->delaminated |= r->delaminated;
}

/* Weighted mean (1/u^2) and its standard uncertainty; without stated
 * uncertainties the plain mean and s/sqrt(n). */
static void close_group(hl_lab_age_group *g, const sums *s)
{
    if (!s->unweighted) {
        g->lambda_design = s->swl / s->sw;
        g->u_lambda_design = sqrt(1.0 / s->sw);
    } else {
        g->lambda_design = s->sl / g->n;
        double var =
            g->n > 1 ? (s->sll - g->n * g->lambda_design * g->lambda_design) /
                           (g->n - 1)
                     : 0.0;
        g->u_lambda_design = sqrt(fmax(var, 0.0) / g->n);
    }
    g->mass_g = s->n_mass > 0 ? s->mass / s->n_mass : NAN;
    g->thickness_m = s->thickness / g->n;
}

static int find_group(hl_lab_ageing *a, const hl_lab_run *r, int cls,
                      double age)
{
    for (int i = 0; i < a->n_groups; i++)
        if (same_group(&a->groups[i], cls, age))
            return i;
    hl_lab_age_group *g = &a->groups[a->n_groups];
    memset(g, 0, sizeof *g);
    copy_text(g->material, sizeof g->material, r->material);
    g->thickness_class = cls;
    g->cycles = age;
    g->hours = r->hours;
    return a->n_groups++;
}

static int build_groups(const hl_lab_data *d, hl_lab_ageing *a, hl_error *err)
{
    sums *s = calloc((size_t)d->n_runs, sizeof *s);
    double *slope = calloc((size_t)d->n_runs, sizeof *slope);
    int *cls = calloc((size_t)d->n_runs, sizeof *cls);
    int rc = s && slope && cls ? HL_OK
                               : hl_error_set(err, HL_ENOMEM, "out of memory");
    if (!rc)
        thickness_classes(d, cls);
    for (int i = 0; !rc && i < d->n_runs; i++) {
        const hl_lab_run *r = &d->runs[i];
        int first = 1; /* compute each material's slope once */
        for (int j = 0; j < i && first; j++)
            if (strcasecmp(d->runs[j].material, r->material) == 0) {
                first = 0;
                slope[i] = slope[j];
            }
        if (first)
            rc = material_slope(d, r->material, a->design_k, &slope[i], err);
        if (!rc) {
            int g = find_group(a, r, cls[i], hl_lab_run_age(d, r));
            add_run(&a->groups[g], &s[g], r, slope[i], a->design_k);
        }
    }
    for (int g = 0; !rc && g < a->n_groups; g++)
        close_group(&a->groups[g], &s[g]);
    free(s);
    free(slope);
    free(cls);
    return rc;
}

static const hl_lab_age_group *baseline(const hl_lab_ageing *a,
                                        const hl_lab_age_group *g)
{
    for (int i = 0; i < a->n_groups; i++) {
        const hl_lab_age_group *b = &a->groups[i];
        if (b->cycles == 0.0 && b->thickness_class == g->thickness_class)
            return b;
    }
    return NULL;
}

static int compare_groups(const hl_lab_ageing *a, const char *origin,
                          int by_hours, hl_error *err)
{
    for (int i = 0; i < a->n_groups; i++) {
        hl_lab_age_group *g = &a->groups[i];
        const hl_lab_age_group *b = baseline(a, g);
        if (!b)
            return hl_error_set(err, HL_EINVAL,
                                "%s:%d: material %s, thickness %.2f mm: no "
                                "unaged runs (%s 0) to compare with",
                                origin, g->first_line, g->material,
                                g->thickness_m * 1e3,
                                by_hours ? "hours" : "cycles");
        double ratio = g->lambda_design / b->lambda_design;
        g->increase_pct = 100.0 * (ratio - 1.0);
        double ru = g == b ? 0.0
                           : hypot(g->u_lambda_design / g->lambda_design,
                                   b->u_lambda_design / b->lambda_design);
        g->u_increase_pct = 100.0 * ratio * ru;
        g->mass_change_pct = 100.0 * (g->mass_g / b->mass_g - 1.0);
        g->pass = g->increase_pct < a->limit_pct && !g->delaminated;
    }
    return HL_OK;
}

/* Weighted least-squares slope through the origin (the unaged state has
 * no change by definition): sum(w x y) / sum(w x^2), u = 1/sqrt(sum w x^2),
 * w = 1/u_y^2 (all 1 when the groups carry no uncertainty). */
typedef struct trend {
    double swxx, swxy, sxxm, sxm;
} trend;

static void add_to_trend(trend *t, const hl_lab_age_group *g)
{
    double x = g->cycles;
    double w = g->u_increase_pct > 0
                   ? 1.0 / (g->u_increase_pct * g->u_increase_pct)
                   : 1.0;
    if (x > 0.0) {
        t->swxx += w * x * x;
        t->swxy += w * x * g->increase_pct;
    }
    if (x > 0.0 && isfinite(g->mass_change_pct)) {
        t->sxxm += x * x;
        t->sxm += x * g->mass_change_pct;
    }
}

static void material_trends(const hl_lab_ageing *a, hl_lab_age_material *m)
{
    trend t = {0, 0, 0, 0};
    double aged = 0, u2 = 0;
    int n_aged = 0;
    for (int i = 0; i < a->n_groups; i++) {
        const hl_lab_age_group *g = &a->groups[i];
        if (strcasecmp(g->material, m->material) != 0)
            continue;
        m->delaminated |= g->delaminated;
        m->worst_increase_pct = fmax(m->worst_increase_pct, g->increase_pct);
        add_to_trend(&t, g);
        if (g->cycles == m->max_cycles) {
            aged += g->lambda_design;
            u2 += g->u_lambda_design * g->u_lambda_design;
            n_aged++;
        }
    }
    m->increase_pct_per_cycle = t.swxx > 0 ? t.swxy / t.swxx : 0.0;
    m->u_increase_pct_per_cycle = t.swxx > 0 ? 1.0 / sqrt(t.swxx) : 0.0;
    m->trend_increase_pct = m->increase_pct_per_cycle * m->max_cycles;
    m->u_trend_increase_pct = m->u_increase_pct_per_cycle * m->max_cycles;
    m->mass_change_pct_per_cycle = t.sxxm > 0 ? t.sxm / t.sxxm : NAN;
    m->aged_lambda = aged / n_aged;
    m->u_aged_lambda = sqrt(u2) / n_aged;
    m->pass = m->trend_increase_pct < a->limit_pct && !m->delaminated;
    m->marginal =
        !m->delaminated && fabs(m->trend_increase_pct - a->limit_pct) <
                               2.0 * m->u_trend_increase_pct;
}

static int by_aged_lambda(const void *x, const void *y)
{
    const hl_lab_age_material *a = x, *b = y;
    return (a->aged_lambda > b->aged_lambda) -
           (a->aged_lambda < b->aged_lambda);
}

static void build_materials(hl_lab_ageing *a)
{
    for (int i = 0; i < a->n_groups; i++) {
        const hl_lab_age_group *g = &a->groups[i];
        int k = 0;
        while (k < a->n_materials &&
               strcasecmp(a->materials[k].material, g->material) != 0)
            k++;
        if (k == a->n_materials) {
            memset(&a->materials[k], 0, sizeof a->materials[k]);
            copy_text(a->materials[k].material, sizeof a->materials[k].material,
                      g->material);
            a->n_materials++;
        }
        a->materials[k].max_cycles =
            fmax(a->materials[k].max_cycles, g->cycles);
    }
    for (int k = 0; k < a->n_materials; k++)
        material_trends(a, &a->materials[k]);
    qsort(a->materials, (size_t)a->n_materials, sizeof *a->materials,
          by_aged_lambda);
    for (int k = 0; k < a->n_materials; k++)
        a->materials[k].rank = k + 1;
}

static int group_order(const void *x, const void *y)
{
    const hl_lab_age_group *a = x, *b = y;
    int c = strcasecmp(a->material, b->material);
    if (c)
        return c;
    if (a->thickness_class != b->thickness_class)
        return a->thickness_m < b->thickness_m ? -1 : 1;
    return (a->cycles > b->cycles) - (a->cycles < b->cycles);
}

int hl_lab_ageing_analyse(const hl_lab_data *d, const hl_lab_ageing_options *o,
                          hl_lab_ageing *a, hl_error *err)
{
    memset(a, 0, sizeof *a);
    if (d->n_runs == 0)
        return hl_error_set(err, HL_EINVAL, "%s: no runs", d->origin);
    a->design_k = design_temperature(d, o);
    a->limit_pct = o && o->limit_pct > 0.0 ? o->limit_pct : 10.0;
    a->groups = calloc((size_t)d->n_runs, sizeof *a->groups);
    a->materials = calloc((size_t)d->n_runs, sizeof *a->materials);
    int rc = a->groups && a->materials
                 ? HL_OK
                 : hl_error_set(err, HL_ENOMEM, "out of memory");
    if (!rc)
        rc = build_groups(d, a, err);
    if (!rc)
        rc = compare_groups(a, d->origin, d->age_by_hours, err);
    if (rc) {
        hl_lab_ageing_free(a);
        return rc;
    }
    qsort(a->groups, (size_t)a->n_groups, sizeof *a->groups, group_order);
    build_materials(a);
    return HL_OK;
}

void hl_lab_ageing_free(hl_lab_ageing *a)
{
    if (!a)
        return;
    free(a->groups);
    free(a->materials);
    memset(a, 0, sizeof *a);
}
