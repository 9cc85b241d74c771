/*
 * fittings_heat.c - the fittings in valve chambers as heat sinks: heat loss
 * and hottest surface of each fitting for the water temperature at its
 * node, its chamber's air and its state (bare / coated / jacketed), from
 * the fittings catalogue and its patch model (include/heatline_fittings.h;
 * docs/physics.md "Fittings"). Still chamber air, radiation to walls at the
 * air temperature, ISO 12241 coefficients.
 * A fitting given by its surface area instead of a catalogue entry (area_m2
 * in the model) is that area wrapped on an equivalent horizontal cylinder
 * of the pipe's outer diameter D, L_eq = A / (pi D) metres, solved with the
 * layered-surface engine and the same cover.
 *
 * Tables over the water temperature and the air (fittings_table.c) serve
 * the season's many solves, near the air too: there the heat bends as
 * |T_w - T_a|^(4/3) and the tables refine their grid, held to 1e-7 of the
 * larger of the heat and the heat at 50 K from the air.
 * tests/unit/test_fittings_table.c compares the engine with direct solves.
 */
#include "network/net.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Outer diameter of steel pipe by DN, mm (GB/T 8163 / GB 50316 series,
 * the sizes Chinese heating networks use). */
static const int dn_table[][2] = {
    {15, 22},     {20, 27},     {25, 34},     {32, 42},     {40, 48},
    {50, 57},     {65, 76},     {80, 89},     {100, 108},   {125, 133},
    {150, 159},   {200, 219},   {250, 273},   {300, 325},   {350, 377},
    {400, 426},   {450, 478},   {500, 529},   {600, 630},   {700, 720},
    {800, 820},   {900, 920},   {1000, 1020}, {1200, 1220}, {1400, 1420},
    {1600, 1620}, {1800, 1820}, {2000, 2020}};

double net_dn_outer_diameter(int dn)
{
    int n = (int)(sizeof dn_table / sizeof dn_table[0]);
    for (int i = 0; i < n; i++)
        if (dn_table[i][0] == dn)
            return dn_table[i][1] * 1e-3;
    return NAN;
}

/* The default covers: 8 mm ceramic-microbead coating (research notes
 * 5.5), a 30 mm aerogel-blanket jacket; a model may replace them. */
static int default_covers(hl_model *m)
{
    static const char *ids[] = {"ceramic-microbead", "aerogel-blanket"};
    static const double mm[] = {8.0, 30.0};
    m->fit_cover[HL_FIT_BARE].state = HL_FIT_BARE;
    for (int s = 1; s < HL_FIT_NSTATES; s++) {
        if (m->fit_cover[s].state == s)
            continue; /* set by the model file */
        const hl_material *mat =
            hl_material_find(m->net->materials, ids[s - 1]);
        if (!mat)
            return net_fail(m, HL_ENOTFOUND,
                            "fittings: material '%s' is not in the table",
                            ids[s - 1]);
        hl_fitting_cover_from_material(mat, s, mm[s - 1] * 1e-3,
                                       &m->fit_cover[s]);
    }
    return HL_OK;
}

static int find_entry(hl_model *m, int i)
{
    char pos[300];
    net_where(m, m->def->fi_where[i], pos, sizeof pos);
    int type = hl_fitting_type_from_name(m->def->fi_type[i]);
    if (type < 0) {
        char list[400] = "";
        for (int t = 0; t < HL_FIT_N_TYPES; t++) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", t ? ", " : "",
                     hl_fitting_type_name(t));
        }
        return net_fail(m, HL_ENOTFOUND,
                        "%s: fitting '%s': unknown type '%s' (known: %s; or "
                        "give area_m2)",
                        pos, m->def->fi_id[i], m->def->fi_type[i], list);
    }
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_find(m->def->fit_cat, type, m->def->fi_dn[i],
                        m->def->fi_pn[i], &m->def->fi_entry[i], &err))
        return net_fail(m, err.code, "%s: fitting '%s': %s", pos,
                        m->def->fi_id[i], err.message);
    return HL_OK;
}

/* Outer diameter of the equivalent cylinder of an area-only fitting. */
static double custom_od(const hl_model *m, int i)
{
    return isnan(m->net->fi_od[i]) ? net_dn_outer_diameter(m->net->fi_dn[i])
                                   : m->net->fi_od[i];
}

/* Class of fitting i: same catalogue entry, or same equivalent diameter. */
static int class_of(hl_model *m, int i, int *n_cls, double *key)
{
    double k =
        m->def->fi_entry[i] >= 0 ? m->def->fi_entry[i] : -1.0 - custom_od(m, i);
    for (int c = 0; c < *n_cls; c++)
        if (key[c] == k || (isnan(k) && isnan(key[c])))
            return c;
    key[*n_cls] = k;
    return (*n_cls)++;
}

static int tables_prepare(hl_model *m)
{
    double *key = malloc(sizeof(double) * (size_t)m->def->n_fittings);
    m->def->fi_cls = malloc(sizeof(int) * (size_t)m->def->n_fittings);
    if (!key || !m->def->fi_cls) {
        free(key);
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    int n = 0;
    for (int i = 0; i < m->def->n_fittings; i++)
        m->def->fi_cls[i] = class_of(m, i, &n, key);
    free(key);
    m->def->n_fit_cls = n;
    return fitting_tables_new(m, n * HL_FIT_NSTATES);
}

int fittings_prepare(hl_model *m)
{
    if (m->def->n_fittings == 0)
        return HL_OK;
    if (default_covers(m))
        return m->err.code;
    hl_error err;
    hl_error_clear(&err);
    if (!m->def->fit_cat && hl_fitting_catalog_new(&m->def->fit_cat, &err))
        return net_fail(m, err.code, "fittings catalogue: %s", err.message);
    for (int i = 0; i < m->def->n_fittings; i++)
        if (isnan(m->def->fi_area[i]) && find_entry(m, i))
            return m->err.code;
    return tables_prepare(m);
}

static void conditions(const hl_model *m, int i, double tm_k, double air_k,
                       hl_fitting_conditions *c)
{
    hl_fitting_conditions_init(c);
    c->medium_k = tm_k;
    c->air_k = c->radiant_k = air_k;
    c->cover = m->fit_cover[m->fi_state[i]];
    c->limit_k = m->limits.fitting_surface_k;
}

/* A fitting given only by its area: the equivalent cylinder; heat flow
 * per metre of it. */
static int custom_unit(hl_model *m, int i, double tm_k, double air_k,
                       double *q_unit, double *ts_k, double *limit_k)
{
    double od = custom_od(m, i);
    if (!(od > 0.0))
        return net_fail(m, HL_EINVAL,
                        "fitting '%s': give outer_diameter_mm "
                        "(DN%d is not a standard size)",
                        m->net->fi_id[i], m->net->fi_dn[i]);
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.diameter_m = od;
    in.inner_temp_k = tm_k;
    in.outer.air_k = in.outer.radiant_k = air_k;
    in.outer.emissivity = 0.9; /* oxidised steel, materials "steel-bare" */
    const hl_fitting_cover *cv = &m->fit_cover[m->fi_state[i]];
    if (cv->state != HL_FIT_BARE) {
        in.n_layers = 1;
        in.layer[0] = cv->layer;
        in.outer.emissivity = cv->emissivity;
    }
    hl_surface_out out;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surface_solve(&in, &out, &err))
        return net_fail(m, err.code == HL_EINVAL ? HL_ERANGE : err.code,
                        "fitting '%s': %s", m->net->fi_id[i], err.message);
    *q_unit = out.heat_flow;
    *ts_k = out.surface_temp_k;
    *limit_k = m->limits.fitting_surface_k;
    return HL_OK;
}

static int catalog_unit(hl_model *m, int i, double tm_k, double air_k,
                        double *q_unit, double *ts_k, double *limit_k)
{
    hl_fitting_conditions c;
    conditions(m, i, tm_k, air_k, &c);
    hl_fitting_result r;
    hl_error err;
    hl_error_clear(&err);
    /* the water temperature is a result here: a cover not rated for it is
     * a state out of range, not a bad argument */
    if (hl_fitting_solve(m->net->fit_cat, m->net->fi_entry[i], &c, &r, &err))
        return net_fail(m, err.code == HL_EINVAL ? HL_ERANGE : err.code,
                        "fitting '%s': %s", m->net->fi_id[i], err.message);
    *q_unit = r.heat_loss_w;
    *ts_k = r.max_surface_k;
    *limit_k = r.effective_limit_k;
    return HL_OK;
}

/* One item (catalogue) or one metre of the equivalent cylinder. */
int fitting_direct_unit(hl_model *m, int i, double tm_k, double air_k,
                        double *q_unit, double *ts_k, double *limit_k)
{
    if (m->net->fi_entry[i] < 0)
        return custom_unit(m, i, tm_k, air_k, q_unit, ts_k, limit_k);
    return catalog_unit(m, i, tm_k, air_k, q_unit, ts_k, limit_k);
}

/* Per-unit values of fitting i at the point in air air_k from its
 * tables, or directly where the tables do not hold. */
static int unit_values(hl_model *m, int i, const fit_point *p, double air_k,
                       double *q_unit, double *ts_k, double *limit_k)
{
    int direct = 0;
    if (fitting_table_values(m, i, p, air_k, q_unit, ts_k, limit_k, &direct))
        return m->err.code;
    return direct ? fitting_direct_unit(m, i, p->tm_k, air_k, q_unit, ts_k,
                                        limit_k)
                  : HL_OK;
}

/* Heat of all items and hottest surface; *lim the cover's limit. */
static int heat_in_air(hl_model *m, int i, const fit_point *p, double air_k,
                       double *q_w, double *ts_k, double *lim)
{
    if (fabs(p->tm_k - air_k) < 1e-9) {
        *q_w = 0.0;
        *ts_k = p->tm_k;
        *lim = m->limits.fitting_surface_k;
        return HL_OK;
    }
    double q;
    if (unit_values(m, i, p, air_k, &q, ts_k, lim))
        return m->err.code;
    double per_item = m->net->fi_entry[i] >= 0
                          ? q
                          : q * m->net->fi_area[i] / (M_PI * custom_od(m, i));
    *q_w = per_item * m->net->fi_count[i];
    return HL_OK;
}

int fitting_heat_in_air(hl_model *m, int i, const fit_point *p, double air_k,
                        double *q_w, double *ts_k)
{
    double lim;
    return heat_in_air(m, i, p, air_k, q_w, ts_k, &lim);
}

int fitting_heat(hl_model *m, int i, const fit_point *p, double *q_w,
                 double *ts_k)
{
    double lim;
    if (heat_in_air(m, i, p, m->ch_air[m->net->fi_chamber[i]], q_w, ts_k, &lim))
        return m->err.code;
    m->fi_fail[i] = (signed char)(*ts_k > lim + 1e-9);
    return HL_OK;
}
