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
 * Tables: the heat loss and surface temperature of a fitting depend on the
 * water temperature, the chamber air, the fitting's class (its catalogue
 * entry, or the diameter of a fitting given by its area) and the cover of
 * its state. A season solves the same classes thousands of times, so each
 * (class, state) keeps a table over the water temperature on a 1 K grid
 * from 0 C, for the chamber air it was filled at, filled node by node when
 * first needed; values between nodes come from the cubic Lagrange
 * polynomial through the four nearest nodes. Each interval is checked
 * once against a direct solve at its middle (1e-7 relative in the heat,
 * 1e-5 K in the surface temperature) and solved directly from then on if
 * the cubic misses (a convection regime switch inside the stencil).
 * Within 3 K of the air temperature, where the natural-convection law
 * bends sharply, the fitting is always solved directly.
 * tests/unit/test_fittings_table.c compares the engine with direct solves.
 */
#include "network/net.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FT_N         341  /* table nodes: 0 .. 340 C by 1 K */
#define FT_NEAR_AIR  3.0  /* K: solve directly this close to the air */
#define FT_CHECK_REL 1e-7 /* interval check: heat, relative */
#define FT_CHECK_K   1e-5 /* interval check: surface temperature, K */

struct net_fit_table {
    double air_k;   /* chamber air it holds; NaN = empty */
    double limit_k; /* effective surface limit of the state's cover */
    double q[FT_N]; /* heat loss per item (catalogue) or per metre of
                       the equivalent cylinder (area-only); NaN = not
                       computed */
    double ts[FT_N];
    signed char cell[FT_N]; /* interval j..j+1: 0 not checked yet, 1 the
                               cubic holds, -1 solve directly */
};

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
        const hl_material *mat = hl_material_find(m->materials, ids[s - 1]);
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
    net_where(m, m->fi_where[i], pos, sizeof pos);
    int type = hl_fitting_type_from_name(m->fi_type[i]);
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
                        pos, m->fi_id[i], m->fi_type[i], list);
    }
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_find(m->fit_cat, type, m->fi_dn[i], m->fi_pn[i],
                        &m->fi_entry[i], &err))
        return net_fail(m, err.code, "%s: fitting '%s': %s", pos, m->fi_id[i],
                        err.message);
    return HL_OK;
}

/* Outer diameter of the equivalent cylinder of an area-only fitting. */
static double custom_od(const hl_model *m, int i)
{
    return isnan(m->fi_od[i]) ? net_dn_outer_diameter(m->fi_dn[i])
                              : m->fi_od[i];
}

/* Class of fitting i: same catalogue entry, or same equivalent diameter. */
static int class_of(hl_model *m, int i, int *n_cls, double *key)
{
    double k = m->fi_entry[i] >= 0 ? m->fi_entry[i] : -1.0 - custom_od(m, i);
    for (int c = 0; c < *n_cls; c++)
        if (key[c] == k || (isnan(k) && isnan(key[c])))
            return c;
    key[*n_cls] = k;
    return (*n_cls)++;
}

static int tables_prepare(hl_model *m)
{
    double *key = malloc(sizeof(double) * (size_t)m->n_fittings);
    m->fi_cls = malloc(sizeof(int) * (size_t)m->n_fittings);
    if (!key || !m->fi_cls) {
        free(key);
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    int n = 0;
    for (int i = 0; i < m->n_fittings; i++)
        m->fi_cls[i] = class_of(m, i, &n, key);
    free(key);
    m->n_fit_cls = n;
    m->fit_tab = calloc((size_t)n * HL_FIT_NSTATES, sizeof *m->fit_tab);
    if (!m->fit_tab)
        return net_fail(m, HL_ENOMEM, "out of memory");
    fitting_table_clear(m);
    return HL_OK;
}

void fitting_table_clear(hl_model *m)
{
    for (int t = 0; t < m->n_fit_cls * HL_FIT_NSTATES; t++)
        m->fit_tab[t].air_k = NAN;
}

void fitting_table_free(hl_model *m)
{
    free(m->fit_tab);
    free(m->fi_cls);
    m->fit_tab = NULL;
    m->fi_cls = NULL;
}

int fittings_prepare(hl_model *m)
{
    if (m->n_fittings == 0)
        return HL_OK;
    if (default_covers(m))
        return m->err.code;
    hl_error err;
    hl_error_clear(&err);
    if (!m->fit_cat && hl_fitting_catalog_new(&m->fit_cat, &err))
        return net_fail(m, err.code, "fittings catalogue: %s", err.message);
    for (int i = 0; i < m->n_fittings; i++)
        if (isnan(m->fi_area[i]) && find_entry(m, i))
            return m->err.code;
    return tables_prepare(m);
}

static void conditions(const hl_model *m, int i, double tm_k,
                       hl_fitting_conditions *c)
{
    hl_fitting_conditions_init(c);
    c->medium_k = tm_k;
    c->air_k = c->radiant_k = m->ch_air[m->fi_chamber[i]];
    c->cover = m->fit_cover[m->fi_state[i]];
    c->limit_k = m->fit_limit_k;
}

/* A fitting given only by its area: the equivalent cylinder; heat flow
 * per metre of it. */
static int custom_unit(hl_model *m, int i, double tm_k, double *q_unit,
                       double *ts_k, double *limit_k)
{
    double od = custom_od(m, i);
    if (!(od > 0.0))
        return net_fail(m, HL_EINVAL,
                        "fitting '%s': give outer_diameter_mm "
                        "(DN%d is not a standard size)",
                        m->fi_id[i], m->fi_dn[i]);
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.diameter_m = od;
    in.inner_temp_k = tm_k;
    in.outer.air_k = in.outer.radiant_k = m->ch_air[m->fi_chamber[i]];
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
        return net_fail(m, err.code, "fitting '%s': %s", m->fi_id[i],
                        err.message);
    *q_unit = out.heat_flow;
    *ts_k = out.surface_temp_k;
    *limit_k = m->fit_limit_k;
    return HL_OK;
}

static int catalog_unit(hl_model *m, int i, double tm_k, double *q_unit,
                        double *ts_k, double *limit_k)
{
    hl_fitting_conditions c;
    conditions(m, i, tm_k, &c);
    hl_fitting_result r;
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_solve(m->fit_cat, m->fi_entry[i], &c, &r, &err))
        return net_fail(m, err.code, "fitting '%s': %s", m->fi_id[i],
                        err.message);
    *q_unit = r.heat_loss_w;
    *ts_k = r.max_surface_k;
    *limit_k = r.effective_limit_k;
    return HL_OK;
}

/* One item (catalogue) or one metre of the equivalent cylinder. */
static int direct_unit(hl_model *m, int i, double tm_k, double *q_unit,
                       double *ts_k, double *limit_k)
{
    if (m->fi_entry[i] < 0)
        return custom_unit(m, i, tm_k, q_unit, ts_k, limit_k);
    return catalog_unit(m, i, tm_k, q_unit, ts_k, limit_k);
}

/* Table of fitting i's class and state for its chamber air now. */
static struct net_fit_table *table_of(hl_model *m, int i, double air_k)
{
    struct net_fit_table *t =
        &m->fit_tab[m->fi_cls[i] * HL_FIT_NSTATES + m->fi_state[i]];
    if (t->air_k != air_k) {
        t->air_k = air_k;
        t->limit_k = NAN;
        for (int j = 0; j < FT_N; j++) {
            t->q[j] = NAN;
            t->cell[j] = 0;
        }
    }
    return t;
}

static int table_node(hl_model *m, int i, struct net_fit_table *t, int j)
{
    if (!isnan(t->q[j]))
        return HL_OK;
    double q, ts, lim;
    if (direct_unit(m, i, HL_ZERO_C_K + j, &q, &ts, &lim))
        return m->err.code;
    t->q[j] = q;
    t->ts[j] = ts;
    t->limit_k = lim;
    return HL_OK;
}

/* Cubic Lagrange interpolation through nodes j-1 .. j+2 at j + u. */
static double cubic(const double *f, int j, double u)
{
    double a = -u * (u - 1.0) * (u - 2.0) / 6.0;
    double b = (u + 1.0) * (u - 1.0) * (u - 2.0) / 2.0;
    double c = -(u + 1.0) * u * (u - 2.0) / 2.0;
    double d = (u + 1.0) * u * (u - 1.0) / 6.0;
    return a * f[j - 1] + b * f[j] + c * f[j + 1] + d * f[j + 2];
}

/* First use of interval j: the cubic must match a direct solve at the
 * interval's middle (FT_CHECK_REL in q, FT_CHECK_K in the surface), else
 * the interval is solved directly from then on: the correlations switch
 * regime (laminar / turbulent convection) at some surface temperatures,
 * and no polynomial follows such a step. */
static int check_cell(hl_model *m, int i, struct net_fit_table *t, int j)
{
    double q, ts, lim;
    if (direct_unit(m, i, HL_ZERO_C_K + j + 0.5, &q, &ts, &lim))
        return m->err.code;
    int ok = fabs(cubic(t->q, j, 0.5) - q) <= FT_CHECK_REL * fabs(q) &&
             fabs(cubic(t->ts, j, 0.5) - ts) <= FT_CHECK_K;
    t->cell[j] = ok ? 1 : -1;
    return HL_OK;
}

/* Per-unit values of fitting i at tm_k from its table, or directly where
 * the table does not reach or does not hold. */
static int unit_values(hl_model *m, int i, double tm_k, double *q_unit,
                       double *ts_k, double *limit_k)
{
    double air = m->ch_air[m->fi_chamber[i]], x = tm_k - HL_ZERO_C_K;
    int j = (int)floor(x);
    if (j < 1 || j + 2 >= FT_N || fabs(tm_k - air) < FT_NEAR_AIR ||
        fabs(HL_ZERO_C_K + j - 1 - air) < FT_NEAR_AIR ||
        fabs(HL_ZERO_C_K + j + 2 - air) < FT_NEAR_AIR)
        return direct_unit(m, i, tm_k, q_unit, ts_k, limit_k);
    struct net_fit_table *t = table_of(m, i, air);
    if (t->cell[j] < 0)
        return direct_unit(m, i, tm_k, q_unit, ts_k, limit_k);
    for (int n = j - 1; n <= j + 2; n++)
        if (table_node(m, i, t, n))
            return m->err.code;
    if (t->cell[j] == 0 && check_cell(m, i, t, j))
        return m->err.code;
    if (t->cell[j] < 0)
        return direct_unit(m, i, tm_k, q_unit, ts_k, limit_k);
    *q_unit = cubic(t->q, j, x - j);
    *ts_k = cubic(t->ts, j, x - j);
    *limit_k = t->limit_k;
    return HL_OK;
}

int fitting_heat(hl_model *m, int i, double tm_k, double *q_w, double *ts_k)
{
    if (fabs(tm_k - m->ch_air[m->fi_chamber[i]]) < 1e-9) {
        *q_w = 0.0;
        *ts_k = tm_k;
        m->fi_fail[i] = (signed char)(tm_k > m->fit_limit_k);
        return HL_OK;
    }
    double q, lim;
    if (unit_values(m, i, tm_k, &q, ts_k, &lim))
        return m->err.code;
    double per_item =
        m->fi_entry[i] >= 0 ? q : q * m->fi_area[i] / (M_PI * custom_od(m, i));
    *q_w = per_item * m->fi_count[i];
    m->fi_fail[i] = (signed char)(*ts_k > lim + 1e-9);
    return HL_OK;
}
