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
 *   at its middle (FT_CHECK_K in the surface temperature; in the heat
 *   FT_CHECK_REL of the larger of the heat and the reference heat, the
 *   heat at water 50 K below the air: the contract in docs/physics.md.
 *   Near the air the heat bends as |T_w - T_a|^(4/3) and is a few per
 *   cent of its design value, so a bound relative to it alone asked more
 *   than the energy balance, closed to 1e-6, can see, and kept every
 *   fitting within 3 K of the air out of the tables);
 * - an interval where the cubic misses (a convection regime switch, or
 *   the hottest part changing, inside the stencil: no polynomial follows
 *   such a step or kink; the bend at the air) gets a cubic on a grid of
 *   FT_QUARTER sub-intervals, each checked the same way at its middle;
 *   a sub-interval where that misses too reads the interval's fine grid
 *   of FT_FINE sub-cells, filled and
 *   checked the same way, interpolated linearly. The error of a linear
 *   interpolant of a smooth function is largest near the middle of its
 *   cell, and a step or kink inside a cell shows at the middle with at
 *   least half its largest error, so the middle check bounds every point
 *   of the cell within twice the check tolerances. Only a sub-cell that
 *   still misses (the jump itself) is solved directly.
 * - the chamber air is the second coordinate: a table as above (a slice)
 *   at every whole degree of air where needed; an air between two whole
 *   degrees takes the cubic Lagrange polynomial in the air through the
 *   four slices around it, and each cell (water interval, air interval)
 *   is checked once at its centre against a direct solve with the same
 *   tolerances; a cell that misses is solved directly. An air on a whole
 *   degree (a fixed 25 C) reads its one slice.
 * - each fitting keeps the blend of the last cell it read: the four
 *   nodes of its water interval (or quarter of it) at its chamber's
 *   present air, summed over the four slices (struct net_fit_memo). The air is
 * the same for every sweep of an hour once it has settled, and the water stays
 * in one interval, so a sweep reads four blended nodes and takes the cubic in
 *   the water, as with one table (the sums are the same terms in another
 *   order: the blend and the cubic are both linear).
 * The water loses exactly the heat the table gives, so the energy balance
 * holds to rounding either way. tests/unit/test_fittings_table.c compares
 * the engine with direct solves.
 */
#include "network/net.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#define FT_N       491 /* table nodes: water - air -150 .. 340 K by 1 K */
#define FT_D0      150 /* node of water = air */
#define FT_QUARTER 4   /* cubic sub-intervals of an interval it misses */
#define FT_FINE                                                                \
    64 /* linear sub-cells of an interval (where the                           \
          quarter-K cubic misses too) */
#define FT_CHECK_REL                                                           \
    1e-7                /* checks: heat, of the larger of the heat and         \
                           the reference heat (node FT_D0 + FT_REF_D) */
#define FT_REF_D   -50  /* K: water - air of the reference heat */
#define FT_CHECK_K 1e-5 /* interval check: surface temperature, K */
#define FT_AIR_MIN -60  /* C: the lowest air slice */
/* cell check in the air: heat, relative; surface temperature, K (a cell
 * holds within twice these: under the 1e-6 and 1e-4 K that
 * tests/unit/test_fittings_table.c asks of the engine) */
#define FT_AIR_CHECK_REL 4e-7
#define FT_AIR_CHECK_K   4e-5
#define FT_NA            361 /* air slices: -60 .. 300 C by 1 K */

/* Check states of an interval or sub-cell. */
enum { CELL_UNCHECKED = 0, CELL_HOLDS = 1, CELL_MISSES = -1 };

/* The refined grids of one 1 K interval j: quarter-K nodes
 * j + (s - 1) / FT_QUARTER (s = 0 .. FT_QUARTER + 2, the cubic stencils
 * of its FT_QUARTER sub-intervals), and the linear nodes j + s / FT_FINE. */
struct fit_fine {
    double qq[FT_QUARTER + 3], tq[FT_QUARTER + 3]; /* NaN = not computed */
    signed char qcell[FT_QUARTER];
    double q[FT_FINE + 1], ts[FT_FINE + 1]; /* NaN = not computed */
    signed char cell[FT_FINE];
};

struct net_fit_table {
    double air_k;            /* chamber air it holds; NaN = empty */
    signed char acell[FT_N]; /* cell (interval j, air .. air + 1 K) */
    /* node j holds water at air_k + j - FT_D0: the kink of natural
       convection at water = air stays on node FT_D0 in every slice */
    double limit_k; /* effective surface limit of the state's cover */
    double q[FT_N]; /* heat loss per item (catalogue) or per metre of
                       the equivalent cylinder (area-only); NaN = not
                       computed */
    double ts[FT_N];
    signed char cell[FT_N];          /* interval j .. j + 1 */
    struct fit_fine *fine[FT_N - 1]; /* where the cubic misses; NULL
                                        until first used */
};

static void table_empty(struct net_fit_table *t)
{
    t->air_k = t->limit_k = NAN;
    for (int j = 0; j < FT_N; j++) {
        t->q[j] = NAN;
        t->cell[j] = t->acell[j] = CELL_UNCHECKED;
    }
    for (int j = 0; j < FT_N - 1; j++) {
        free(t->fine[j]);
        t->fine[j] = NULL;
    }
}

/* The slices of one class and state: a table per whole degree of air
 * from FT_AIR_MIN C, allocated when first used. */
struct net_fit_air {
    struct net_fit_table *slice[FT_NA];
};

static void air_free(struct net_fit_air *a)
{
    for (int s = 0; s < FT_NA; s++) {
        if (!a->slice[s])
            continue;
        table_empty(a->slice[s]);
        free(a->slice[s]);
        a->slice[s] = NULL;
    }
}

/* The blend fitting i read last: nodes j - 1 .. j + 2 of water - air at
 * air air_k of the tables of its class and state (table), where all four
 * slices' cubic holds and so does the cell in the air. */
struct net_fit_memo {
    double air_k; /* NaN: none */
    int j, table;
    int sub; /* the quarter-K sub-interval of j whose cubic the nodes are
                (where the 1 K cubic misses); -1: the 1 K cubic */
    double limit_k;
    double q[4], ts[4];
};

static void memo_forget(hl_model *m)
{
    for (int i = 0; i < m->net->n_fittings; i++)
        m->fit_memo[i].air_k = NAN;
}

/* The tables are allocated at their first use (tables_alloc): a run
 * that is never solved (a clone kept as a copy of a solve, as the dynamic
 * run keeps one every hour for its retries) costs none. */
int fitting_tables_new(hl_model *m, int n_tables)
{
    m->fit_tab = NULL;
    m->fit_memo = NULL;
    m->n_fit_tab = n_tables;
    return HL_OK;
}

static int tables_alloc(hl_model *m)
{
    m->fit_tab = calloc((size_t)m->n_fit_tab, sizeof *m->fit_tab);
    m->fit_memo =
        malloc(sizeof *m->fit_memo * (size_t)(m->net->n_fittings + 1));
    if (!m->fit_tab || !m->fit_memo) {
        free(m->fit_tab);
        free(m->fit_memo);
        m->fit_tab = NULL;
        m->fit_memo = NULL;
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    memo_forget(m);
    return HL_OK;
}

void fitting_table_clear(hl_model *m, int state)
{
    for (int t = 0; m->fit_tab && t < m->n_fit_tab; t++)
        if (state < 0 || t % HL_FIT_NSTATES == state)
            air_free(&m->fit_tab[t]);
    if (m->fit_memo)
        memo_forget(m);
}

int fitting_tables_move(hl_model *to, hl_model *from)
{
    if (to == from || to->net != from->net || to->fit_tab || !from->fit_tab ||
        memcmp(to->fit_cover, from->fit_cover, sizeof to->fit_cover) ||
        !(to->limits.fitting_surface_k == from->limits.fitting_surface_k))
        return 0;
    to->fit_tab = from->fit_tab;
    to->fit_memo = from->fit_memo;
    from->fit_tab = NULL;
    from->fit_memo = NULL;
    memo_forget(to); /* the blends were the other run's reads */
    return 1;
}

void fitting_table_free(hl_model *m)
{
    fitting_table_clear(m, -1);
    free(m->fit_tab);
    free(m->fit_memo);
    m->fit_tab = NULL;
    m->fit_memo = NULL;
    m->n_fit_tab = 0;
}

/* Slice a (whole degrees of air from FT_AIR_MIN) of fitting i's class and
 * state; NULL when out of memory (the error set on the model). */
static struct net_fit_table *slice_of(hl_model *m, int i, int a)
{
    struct net_fit_air *t =
        &m->fit_tab[m->net->fi_cls[i] * HL_FIT_NSTATES + m->fi_state[i]];
    if (!t->slice[a]) {
        struct net_fit_table *n = calloc(1, sizeof *n);
        if (!n) {
            net_fail(m, HL_ENOMEM, "out of memory");
            return NULL;
        }
        table_empty(n);
        n->air_k = HL_ZERO_C_K + FT_AIR_MIN + a;
        t->slice[a] = n;
    }
    return t->slice[a];
}

/* Water temperature of node j of slice t, K. */
static double node_tm(const struct net_fit_table *t, int j)
{
    return t->air_k + (j - FT_D0);
}

/* Direct solve at tm_k into (q, ts); keeps the cover's limit. */
static int solve_into(hl_model *m, int i, struct net_fit_table *t, double tm_k,
                      double *q, double *ts)
{
    double lim;
    if (fitting_direct_unit(m, i, tm_k, t->air_k, q, ts, &lim))
        return m->err.code;
    t->limit_k = lim;
    return HL_OK;
}

static int fill_node(hl_model *m, int i, struct net_fit_table *t, double *q,
                     double *ts, double tm_k)
{
    return isnan(*q) ? solve_into(m, i, t, tm_k, q, ts) : HL_OK;
}

/* The heat that bounds a check's error from below (docs/physics.md,
 * fitting heat tables): the slice's heat at water FT_REF_D from the air.
 * Near the air the heat falls as |T_w - T_a|^(4/3) and a bound relative
 * to it alone would ask more of the tables than the energy balance
 * (closed to 1e-6 relative) or a reader of the results can see; 50 K
 * below the air rather than above, since a cover's service limit never
 * refuses it. */
static int ref_heat(hl_model *m, int i, struct net_fit_table *t, double *q_ref)
{
    int n = FT_D0 + FT_REF_D;
    if (fill_node(m, i, t, &t->q[n], &t->ts[n], node_tm(t, n)))
        return m->err.code;
    *q_ref = fabs(t->q[n]);
    return HL_OK;
}

/* Does an interpolated (q, ts) match a direct solve within the checks:
 * the heat to FT_CHECK_REL of the larger of its own and q_ref? */
static int close_enough(double q_interp, double ts_interp, double q, double ts,
                        double q_ref)
{
    return fabs(q_interp - q) <= FT_CHECK_REL * fmax(fabs(q), q_ref) &&
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
        if (fill_node(m, i, t, &t->q[n], &t->ts[n], node_tm(t, n)))
            return m->err.code;
    double q, ts, q_ref;
    if (solve_into(m, i, t, node_tm(t, j) + 0.5, &q, &ts) ||
        ref_heat(m, i, t, &q_ref))
        return m->err.code;
    double w[4];
    cubic_weights(0.5, w);
    t->cell[j] =
        close_enough(cubic_at(t->q, j, w), cubic_at(t->ts, j, w), q, ts, q_ref)
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
    for (int s = 0; s < FT_QUARTER + 3; s++)
        f->qq[s] = NAN;
    for (int s = 0; s < FT_QUARTER; s++)
        f->qcell[s] = CELL_UNCHECKED;
    return f;
}

/* Values in linear sub-cell s of interval j at fraction u of the
 * interval; *direct set when the sub-cell misses (the caller solves
 * directly). */
static int fine_values(hl_model *m, int i, struct net_fit_table *t,
                       struct fit_fine *f, int j, double u, double *q_unit,
                       double *ts_k, int *direct)
{
    int s = (int)(u * FT_FINE);
    s = s < 0 ? 0 : s >= FT_FINE ? FT_FINE - 1 : s;
    double t0 = node_tm(t, j), h = 1.0 / FT_FINE, v = u * FT_FINE - s;
    if (f->cell[s] == CELL_UNCHECKED) {
        double q, ts, q_ref;
        if (fill_node(m, i, t, &f->q[s], &f->ts[s], t0 + s * h) ||
            fill_node(m, i, t, &f->q[s + 1], &f->ts[s + 1], t0 + (s + 1) * h) ||
            solve_into(m, i, t, t0 + (s + 0.5) * h, &q, &ts) ||
            ref_heat(m, i, t, &q_ref))
            return m->err.code;
        f->cell[s] = close_enough(0.5 * (f->q[s] + f->q[s + 1]),
                                  0.5 * (f->ts[s] + f->ts[s + 1]), q, ts, q_ref)
                         ? CELL_HOLDS
                         : CELL_MISSES;
    }
    *direct = f->cell[s] == CELL_MISSES;
    *q_unit = (1.0 - v) * f->q[s] + v * f->q[s + 1];
    *ts_k = (1.0 - v) * f->ts[s] + v * f->ts[s + 1];
    return HL_OK;
}

/* Quarter-K sub-interval of fraction u of an interval. */
static int quarter_of(double u)
{
    int s = (int)(u * FT_QUARTER);
    return s < 0 ? 0 : s >= FT_QUARTER ? FT_QUARTER - 1 : s;
}

/* Quarter node k of interval j: the 1 K nodes where they coincide. */
static int fill_quarter(hl_model *m, int i, struct net_fit_table *t,
                        struct fit_fine *f, int j, int k)
{
    if (!isnan(f->qq[k]))
        return HL_OK;
    int n = k - 1; /* quarters from node j */
    if (n % FT_QUARTER == 0) {
        f->qq[k] = t->q[j + n / FT_QUARTER];
        f->tq[k] = t->ts[j + n / FT_QUARTER];
        return HL_OK;
    }
    return solve_into(m, i, t, node_tm(t, j) + (double)n / FT_QUARTER,
                      &f->qq[k], &f->tq[k]);
}

/* First use of quarter sub-interval s of interval j: fill its stencil,
 * check the cubic at its middle. */
static int check_quarter(hl_model *m, int i, struct net_fit_table *t,
                         struct fit_fine *f, int j, int s)
{
    for (int k = s; k <= s + 3; k++)
        if (fill_quarter(m, i, t, f, j, k))
            return m->err.code;
    double q, ts, q_ref, w[4];
    if (solve_into(m, i, t, node_tm(t, j) + (s + 0.5) / FT_QUARTER, &q, &ts) ||
        ref_heat(m, i, t, &q_ref))
        return m->err.code;
    cubic_weights(0.5, w);
    f->qcell[s] = close_enough(cubic_at(f->qq, s + 1, w),
                               cubic_at(f->tq, s + 1, w), q, ts, q_ref)
                      ? CELL_HOLDS
                      : CELL_MISSES;
    return HL_OK;
}

/* Values at fraction u of interval j, where its cubic misses: the cubic
 * on the quarter-K grid, else the linear sub-cells; *direct where those
 * miss too. */
static int refined_values(hl_model *m, int i, struct net_fit_table *t, int j,
                          double u, double *q_unit, double *ts_k, int *direct)
{
    struct fit_fine *f = t->fine[j] ? t->fine[j] : (t->fine[j] = fine_new());
    *direct = !f; /* out of memory: solve directly, slower but exact */
    if (!f)
        return HL_OK;
    int s = quarter_of(u);
    if (f->qcell[s] == CELL_UNCHECKED && check_quarter(m, i, t, f, j, s))
        return m->err.code;
    if (f->qcell[s] == CELL_MISSES)
        return fine_values(m, i, t, f, j, u, q_unit, ts_k, direct);
    double w[4];
    cubic_weights(u * FT_QUARTER - s, w);
    *q_unit = cubic_at(f->qq, s + 1, w);
    *ts_k = cubic_at(f->tq, s + 1, w);
    return HL_OK;
}

/* floor(x) as an int, for |x| < 2^31 (grid positions of temperatures in
 * K): without SSE4.1 floor() is a library call, and the tables take it
 * twice for every fitting in every sweep. */
static int floor_int(double x)
{
    int j = (int)x; /* towards zero */
    return j - (x < (double)j);
}

/* The point of water tm_k in air air_k on the grid of water - air. */
static void table_point(double tm_k, double air_k, fit_point *p)
{
    double x = tm_k - air_k + FT_D0;
    p->tm_k = tm_k;
    p->j = floor_int(x);
    p->u = x - p->j;
    cubic_weights(p->u, p->w);
}

void fitting_point(double tm_k, fit_point *p)
{
    double x = tm_k - HL_ZERO_C_K;
    p->tm_k = tm_k;
    p->j = floor_int(x);
    p->u = x - p->j;
    cubic_weights(p->u, p->w);
}

/* Values of one slice at the water point (the 1 K grid, its fine grids);
 * *direct where the slice does not serve. */
static int slice_values(hl_model *m, int i, struct net_fit_table *t,
                        const fit_point *p, double *q_unit, double *ts_k,
                        double *limit_k, int *direct)
{
    int j = p->j;
    *direct = 0;
    if (t->cell[j] == CELL_UNCHECKED && check_interval(m, i, t, j))
        return m->err.code;
    *limit_k = t->limit_k;
    if (t->cell[j] == CELL_MISSES)
        return refined_values(m, i, t, j, p->u, q_unit, ts_k, direct);
    *q_unit = cubic_at(t->q, j, p->w);
    *ts_k = cubic_at(t->ts, j, p->w);
    return HL_OK;
}

/* The cubic in the air through slices a - 1 .. a + 2 (weights wa). */
static int air_blend(hl_model *m, int i, const fit_point *p, int a,
                     const double wa[4], double near, double *q_unit,
                     double *ts_k, double *limit_k, int *direct)
{
    *q_unit = *ts_k = 0.0;
    for (int k = 0; k < 4; k++) {
        struct net_fit_table *t = slice_of(m, i, a - 1 + k);
        double q, ts, lim;
        if (!t || slice_values(m, i, t, p, &q, &ts, &lim, direct))
            return m->err.code;
        if (*direct)
            return HL_OK;
        *q_unit += wa[k] * q;
        *ts_k += wa[k] * ts;
        if (k == (near < 0.5 ? 1 : 2))
            *limit_k = lim;
    }
    return HL_OK;
}

static int table_index(const hl_model *m, int i)
{
    return m->net->fi_cls[i] * HL_FIT_NSTATES + m->fi_state[i];
}

/* The four nodes of slice t's cubic in interval j (sub -1: the 1 K
 * grid's, else quarter-K sub-interval sub's) in (q, ts); 0 where the
 * slice is missing or that cubic does not hold there. */
static int slice_stencil(const struct net_fit_table *t, int j, int sub,
                         const double **q, const double **ts)
{
    if (!t)
        return 0;
    if (sub < 0) {
        *q = t->q + j - 1;
        *ts = t->ts + j - 1;
        return t->cell[j] == CELL_HOLDS;
    }
    const struct fit_fine *f = t->fine[j];
    if (t->cell[j] != CELL_MISSES || !f || f->qcell[sub] != CELL_HOLDS)
        return 0;
    *q = f->qq + sub;
    *ts = f->tq + sub;
    return 1;
}

/* The common case of a blend: the four slices exist and hold the same
 * cubic at fraction u of interval j (the 1 K grid's, or that of one
 * quarter-K sub-interval); its four nodes blended at the air into
 * fitting i's memo. 0 where the general path must go. */
static int blend_ready(hl_model *m, int i, int a, int j, double u, double air_k,
                       const double wa[4], double v)
{
    struct net_fit_table *const *sl =
        m->fit_tab[table_index(m, i)].slice + a - 1;
    struct net_fit_memo *mo = &m->fit_memo[i];
    int sub = sl[0] && sl[0]->cell[j] == CELL_HOLDS ? -1 : quarter_of(u);
    const double *q[4], *ts[4];
    for (int k = 0; k < 4; k++)
        if (!slice_stencil(sl[k], j, sub, &q[k], &ts[k]))
            return 0;
    double qb[4] = {0.0}, tb[4] = {0.0};
    for (int k = 0; k < 4; k++) /* each node's sum in the order of k */
        for (int n = 0; n < 4; n++) {
            qb[n] += wa[k] * q[k][n];
            tb[n] += wa[k] * ts[k][n];
        }
    for (int n = 0; n < 4; n++) {
        mo->q[n] = qb[n];
        mo->ts[n] = tb[n];
    }
    mo->limit_k = sl[v < 0.5 ? 1 : 2]->limit_k;
    mo->air_k = air_k;
    mo->j = j;
    mo->sub = sub;
    mo->table = table_index(m, i);
    return 1;
}

/* Does fitting i's memo serve fraction u of interval j in air air_k? */
static int memo_serves(const hl_model *m, int i, int j, double u, double air_k)
{
    const struct net_fit_memo *mo = &m->fit_memo[i];
    return mo->air_k == air_k && mo->j == j && mo->table == table_index(m, i) &&
           (mo->sub < 0 || mo->sub == quarter_of(u));
}

/* The cubic in the water through the memo's four blended nodes at the
 * point p (p->w: the 1 K cubic's weights). */
static void memo_values(const struct net_fit_memo *mo, const fit_point *p,
                        double *q_unit, double *ts_k, double *limit_k)
{
    double wq[4];
    const double *w = p->w;
    if (mo->sub >= 0) {
        cubic_weights(p->u * FT_QUARTER - mo->sub, wq);
        w = wq;
    }
    *q_unit =
        w[0] * mo->q[0] + w[1] * mo->q[1] + w[2] * mo->q[2] + w[3] * mo->q[3];
    *ts_k = w[0] * mo->ts[0] + w[1] * mo->ts[1] + w[2] * mo->ts[2] +
            w[3] * mo->ts[3];
    *limit_k = mo->limit_k;
}

/* First use of the cell (water interval j, air slices a .. a + 1): the
 * blend at its centre against a direct solve. */
static int check_air_cell(hl_model *m, int i, int a, int j,
                          struct net_fit_table *t)
{
    fit_point c;
    double wa[4], qb, tb, lim, q, ts, q_ref;
    int direct;
    table_point(node_tm(t, j) + 1.0, t->air_k + 0.5, &c); /* centre */
    cubic_weights(0.5, wa);
    if (air_blend(m, i, &c, a, wa, 0.5, &qb, &tb, &lim, &direct))
        return m->err.code;
    if (fitting_direct_unit(m, i, c.tm_k, t->air_k + 0.5, &q, &ts, &lim) ||
        ref_heat(m, i, t, &q_ref))
        return m->err.code;
    t->acell[j] =
        !direct && fabs(qb - q) <= FT_AIR_CHECK_REL * fmax(fabs(q), q_ref) &&
                fabs(tb - ts) <= FT_AIR_CHECK_K
            ? CELL_HOLDS
            : CELL_MISSES;
    return HL_OK;
}

int fitting_table_values(hl_model *m, int i, const fit_point *pw, double air_k,
                         double *q_unit, double *ts_k, double *limit_k,
                         int *direct)
{
    if (!m->fit_tab && tables_alloc(m))
        return m->err.code;
    fit_point pt, *p = &pt;
    table_point(pw->tm_k, air_k, &pt);
    int j = p->j;
    const struct net_fit_memo *mo = &m->fit_memo[i];
    if (memo_serves(m, i, j, p->u, air_k)) {
        *direct = 0;
        memo_values(mo, p, q_unit, ts_k, limit_k);
        return HL_OK;
    }
    double x = air_k - HL_ZERO_C_K - FT_AIR_MIN;
    int a = floor_int(x);
    double v = x - a;
    *direct = j < 1 || j + 2 >= FT_N || a < 1 || a + 2 >= FT_NA;
    if (*direct)
        return HL_OK;
    if (v == 0.0) { /* on a slice */
        struct net_fit_table *t = slice_of(m, i, a);
        return t ? slice_values(m, i, t, p, q_unit, ts_k, limit_k, direct)
                 : m->err.code;
    }
    struct net_fit_table *t0 = m->fit_tab[table_index(m, i)].slice[a];
    if (!t0 && !(t0 = slice_of(m, i, a)))
        return m->err.code;
    if (t0->acell[j] == CELL_UNCHECKED && check_air_cell(m, i, a, j, t0))
        return m->err.code;
    *direct = t0->acell[j] == CELL_MISSES;
    if (*direct)
        return HL_OK;
    double wa[4];
    cubic_weights(v, wa);
    if (blend_ready(m, i, a, j, p->u, air_k, wa, v)) {
        memo_values(mo, p, q_unit, ts_k, limit_k);
        return HL_OK;
    }
    return air_blend(m, i, p, a, wa, v, q_unit, ts_k, limit_k, direct);
}
