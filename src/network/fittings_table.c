/*
 * fittings_table.c - heat-loss tables of the fittings (docs/physics.md,
 * "Network" / fitting heat tables). The heat loss and surface temperature
 * of a fitting depend on the water temperature, the chamber air, the
 * fitting's class (its catalogue entry, or the diameter of a fitting given
 * by its area) and the cover of its state. A season solves the same
 * classes millions of times, so each (class, state) keeps a table over the
 * water temperature for the chamber air it was filled at:
 * - a 1 K grid from 0 C, filled node by node when first needed; values
 *   between nodes come from the cubic Lagrange polynomial through the four
 *   nearest nodes. Each interval is checked once against a direct solve
 *   at its middle (FT_CHECK_REL in the heat, FT_CHECK_K in the surface
 *   temperature);
 * - an interval where the cubic misses (a convection regime switch, or
 *   the hottest part changing, inside the stencil: no polynomial follows
 *   such a step or kink) gets a fine grid of FT_FINE sub-cells, filled and
 *   checked the same way, interpolated linearly. The error of a linear
 *   interpolant of a smooth function is largest near the middle of its
 *   cell, and a step or kink inside a cell shows at the middle with at
 *   least half its largest error, so the middle check bounds every point
 *   of the cell within twice the check tolerances. Only a sub-cell that
 *   still misses (the jump itself) is solved directly.
 * The water loses exactly the heat the table gives, so the energy balance
 * holds to rounding either way. tests/unit/test_fittings_table.c compares
 * the engine with direct solves.
 */
#include "network/net.h"

#include <math.h>
#include <stdlib.h>

#define FT_N         341  /* table nodes: 0 .. 340 C by 1 K */
#define FT_FINE      64   /* sub-cells of an interval the cubic misses */
#define FT_CHECK_REL 1e-7 /* interval check: heat, relative */
#define FT_CHECK_K   1e-5 /* interval check: surface temperature, K */

/* Check states of an interval or sub-cell. */
enum { CELL_UNCHECKED = 0, CELL_HOLDS = 1, CELL_MISSES = -1 };

/* The fine grid of one 1 K interval (nodes j + s / FT_FINE). */
struct fit_fine {
    double q[FT_FINE + 1], ts[FT_FINE + 1]; /* NaN = not computed */
    signed char cell[FT_FINE];
};

struct net_fit_table {
    double air_k;   /* chamber air it holds; NaN = empty */
    double limit_k; /* effective surface limit of the state's cover */
    double q[FT_N]; /* heat loss per item (catalogue) or per metre of
                       the equivalent cylinder (area-only); NaN = not
                       computed */
    double ts[FT_N];
    signed char cell[FT_N];          /* interval j .. j + 1 */
    struct fit_fine *fine[FT_N - 1]; /* where the cubic misses; NULL
                                        until first used */
};

/* A table with nothing computed; its fine grids already freed. */
static void table_blank(struct net_fit_table *t)
{
    t->air_k = t->limit_k = NAN;
    for (int j = 0; j < FT_N; j++) {
        t->q[j] = NAN;
        t->cell[j] = CELL_UNCHECKED;
    }
}

static void table_empty(struct net_fit_table *t)
{
    table_blank(t);
    for (int j = 0; j < FT_N - 1; j++)
        if (t->fine[j]) {
            free(t->fine[j]);
            t->fine[j] = NULL;
        }
}

/* The tables are allocated at their first use (tables_alloc): a run
 * that is never solved (a clone kept as a copy of a solve, as the dynamic
 * run keeps one every hour for its retries) costs none (8.5 kB per class
 * and state to clear, and as much to free). */
int fitting_tables_new(hl_model *m, int n_tables)
{
    m->fit_tab = NULL;
    m->n_fit_tab = n_tables;
    return HL_OK;
}

static int tables_alloc(hl_model *m)
{
    m->fit_tab = calloc((size_t)m->n_fit_tab, sizeof *m->fit_tab);
    if (!m->fit_tab)
        return net_fail(m, HL_ENOMEM, "out of memory");
    for (int t = 0; t < m->n_fit_tab; t++)
        table_blank(&m->fit_tab[t]); /* calloc: no fine grid yet */
    return HL_OK;
}

void fitting_table_clear(hl_model *m, int state)
{
    for (int t = 0; m->fit_tab && t < m->n_fit_tab; t++)
        if (state < 0 || t % HL_FIT_NSTATES == state)
            table_empty(&m->fit_tab[t]);
}

void fitting_table_free(hl_model *m)
{
    fitting_table_clear(m, -1);
    free(m->fit_tab);
    m->fit_tab = NULL;
    m->n_fit_tab = 0;
}

/* Table of fitting i's class and state for its chamber air now. */
static struct net_fit_table *table_of(hl_model *m, int i, double air_k)
{
    struct net_fit_table *t =
        &m->fit_tab[m->net->fi_cls[i] * HL_FIT_NSTATES + m->fi_state[i]];
    if (t->air_k != air_k) {
        table_empty(t);
        t->air_k = air_k;
    }
    return t;
}

/* Direct solve at tm_k into (q, ts); keeps the cover's limit. */
static int solve_into(hl_model *m, int i, struct net_fit_table *t, double tm_k,
                      double *q, double *ts)
{
    double lim;
    if (fitting_direct_unit(m, i, tm_k, q, ts, &lim))
        return m->err.code;
    t->limit_k = lim;
    return HL_OK;
}

static int fill_node(hl_model *m, int i, struct net_fit_table *t, double *q,
                     double *ts, double tm_k)
{
    return isnan(*q) ? solve_into(m, i, t, tm_k, q, ts) : HL_OK;
}

/* Does an interpolated (q, ts) match a direct solve within the checks? */
static int close_enough(double q_interp, double ts_interp, double q, double ts)
{
    return fabs(q_interp - q) <= FT_CHECK_REL * fabs(q) &&
           fabs(ts_interp - ts) <= FT_CHECK_K;
}

/* ---- the 1 K grid ----------------------------------------------------- */

/* Weights of the cubic Lagrange polynomial through nodes j-1 .. j+2 at
 * j + u. */
static void cubic_weights(double u, double w[4])
{
    w[0] = -u * (u - 1.0) * (u - 2.0) / 6.0;
    w[1] = (u + 1.0) * (u - 1.0) * (u - 2.0) / 2.0;
    w[2] = -(u + 1.0) * u * (u - 2.0) / 2.0;
    w[3] = (u + 1.0) * u * (u - 1.0) / 6.0;
}

static double cubic_at(const double *f, int j, const double w[4])
{
    return w[0] * f[j - 1] + w[1] * f[j] + w[2] * f[j + 1] + w[3] * f[j + 2];
}

/* First use of interval j: fill its stencil, check the cubic at the
 * middle. */
static int check_interval(hl_model *m, int i, struct net_fit_table *t, int j)
{
    for (int n = j - 1; n <= j + 2; n++)
        if (fill_node(m, i, t, &t->q[n], &t->ts[n], HL_ZERO_C_K + n))
            return m->err.code;
    double q, ts;
    if (solve_into(m, i, t, HL_ZERO_C_K + j + 0.5, &q, &ts))
        return m->err.code;
    double w[4];
    cubic_weights(0.5, w);
    t->cell[j] =
        close_enough(cubic_at(t->q, j, w), cubic_at(t->ts, j, w), q, ts)
            ? CELL_HOLDS
            : CELL_MISSES;
    return HL_OK;
}

/* ---- the fine grid of an interval the cubic misses ------------------- */

static struct fit_fine *fine_new(void)
{
    struct fit_fine *f = malloc(sizeof *f);
    if (!f)
        return NULL;
    for (int s = 0; s <= FT_FINE; s++)
        f->q[s] = NAN;
    for (int s = 0; s < FT_FINE; s++)
        f->cell[s] = CELL_UNCHECKED;
    return f;
}

/* Values in sub-cell s of interval j at fraction v of it; *direct set
 * when the sub-cell misses (the caller solves directly). */
static int fine_values(hl_model *m, int i, struct net_fit_table *t, int j,
                       double u, double *q_unit, double *ts_k, int *direct)
{
    struct fit_fine *f = t->fine[j] ? t->fine[j] : (t->fine[j] = fine_new());
    int s = (int)(u * FT_FINE);
    s = s < 0 ? 0 : s >= FT_FINE ? FT_FINE - 1 : s;
    double t0 = HL_ZERO_C_K + j, h = 1.0 / FT_FINE, v = u * FT_FINE - s;
    *direct = !f; /* out of memory: solve directly, slower but exact */
    if (!f)
        return HL_OK;
    if (f->cell[s] == CELL_UNCHECKED) {
        double q, ts;
        if (fill_node(m, i, t, &f->q[s], &f->ts[s], t0 + s * h) ||
            fill_node(m, i, t, &f->q[s + 1], &f->ts[s + 1], t0 + (s + 1) * h) ||
            solve_into(m, i, t, t0 + (s + 0.5) * h, &q, &ts))
            return m->err.code;
        f->cell[s] = close_enough(0.5 * (f->q[s] + f->q[s + 1]),
                                  0.5 * (f->ts[s] + f->ts[s + 1]), q, ts)
                         ? CELL_HOLDS
                         : CELL_MISSES;
    }
    *direct = f->cell[s] == CELL_MISSES;
    *q_unit = (1.0 - v) * f->q[s] + v * f->q[s + 1];
    *ts_k = (1.0 - v) * f->ts[s] + v * f->ts[s + 1];
    return HL_OK;
}

void fitting_point(double tm_k, fit_point *p)
{
    double x = tm_k - HL_ZERO_C_K;
    p->tm_k = tm_k;
    p->j = (int)floor(x);
    p->u = x - p->j;
    cubic_weights(p->u, p->w);
}

int fitting_table_values(hl_model *m, int i, const fit_point *p, double *q_unit,
                         double *ts_k, double *limit_k, int *direct)
{
    int j = p->j;
    *direct = j < 1 || j + 2 >= FT_N;
    if (*direct)
        return HL_OK;
    if (!m->fit_tab && tables_alloc(m))
        return m->err.code;
    struct net_fit_table *t = table_of(m, i, m->ch_air[m->net->fi_chamber[i]]);
    if (t->cell[j] == CELL_UNCHECKED && check_interval(m, i, t, j))
        return m->err.code;
    *limit_k = t->limit_k;
    if (t->cell[j] == CELL_MISSES)
        return fine_values(m, i, t, j, p->u, q_unit, ts_k, direct);
    *q_unit = cubic_at(t->q, j, p->w);
    *ts_k = cubic_at(t->ts, j, p->w);
    return HL_OK;
}
