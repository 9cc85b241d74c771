/*
 * fluid.c - water properties for the solvers, tabulated once per model
 * from the IAPWS formulations (src/physics/water.c) so that the hot loops
 * cost a few multiplications: 1 K rows from 0 C, along the table pressure
 * p_ref (or the saturation pressure where that is higher), cubic Hermite
 * interpolation in T with exact slopes (cp = dh/dT from IF97), density and
 * viscosity corrected linearly in pressure. The interpolation error is
 * below 1e-9 relative for h and 1e-7 for rho and mu (tests/unit/
 * test_fluid.c checks it against direct evaluation).
 * Constant mode (EPANET imports, benchmark networks): h = cp (T - 0 C).
 */
#include "network/net.h"
#include "physics/water.h"

#include <math.h>
#include <stdlib.h>

enum {
    C_H,
    C_DH,
    C_CP,
    C_DCP,
    C_RHO,
    C_DRHO_T,
    C_DRHO_P,
    C_MU,
    C_DMU_T,
    C_DMU_P,
    C_IDH,  /* 1 / (h of the next row - h): the inversion's interval */
    C_DTDH, /* 1 / C_DH */
    FLUID_COLS
};

static double row_pressure(double p_ref, double t_k)
{
    double ps = water_psat(t_k);
    return ps > p_ref ? ps * (1.0 + 1e-9) : p_ref;
}

/* h, cp, rho, mu at t_k on the table path (p_ref, or saturation above). */
static void path_point(double p_ref, double t_k, double h_base, double v[4])
{
    water_state s;
    water_region1(t_k, row_pressure(p_ref, t_k), &s);
    v[0] = s.h - h_base;
    v[1] = s.cp;
    v[2] = s.rho;
    v[3] = water_viscosity(t_k, s.rho);
}

/* One row: values on the path and their slopes along it (central
 * differences; one-sided at the ends of region 1), so the Hermite
 * interpolation follows the path also where it climbs the saturation
 * line; pressure slopes for the correction off the path. */
static void fill_row(double *row, double t_k, double p_ref, double h_base)
{
    const double dt = 0.01, dp = 1e4;
    double v[4], a[4], b[4];
    double lo = t_k - dt < WATER_T_MIN_K ? t_k : t_k - dt;
    double hi = t_k + dt > WATER_T_MAX_K ? t_k : t_k + dt;
    path_point(p_ref, t_k, h_base, v);
    path_point(p_ref, lo, h_base, a);
    path_point(p_ref, hi, h_base, b);
    double p = row_pressure(p_ref, t_k);
    water_state s, q;
    water_region1(t_k, p, &s);
    water_region1(t_k, p + dp, &q);
    row[C_H] = v[0];
    row[C_DH] = (b[0] - a[0]) / (hi - lo);
    row[C_CP] = v[1];
    row[C_DCP] = (b[1] - a[1]) / (hi - lo);
    row[C_RHO] = v[2];
    row[C_DRHO_T] = (b[2] - a[2]) / (hi - lo);
    row[C_DRHO_P] = s.rho * s.kappa_t; /* (d rho / dp)_T exactly */
    row[C_MU] = v[3];
    row[C_DMU_T] = (b[3] - a[3]) / (hi - lo);
    row[C_DMU_P] = (water_viscosity(t_k, q.rho) - v[3]) / dp;
}

/* Temperature where the saturation pressure reaches p_ref (it rises with
 * T), less a margin, so that below it the table path is p_ref without
 * evaluating water_psat (bisection; +inf if it never does in region 1). */
static double sat_below(double p_ref)
{
    double lo = WATER_T_MIN_K, hi = WATER_T_MAX_K;
    if (water_psat(hi) <= p_ref)
        return INFINITY;
    for (int it = 0; it < 60; it++) {
        double mid = 0.5 * (lo + hi);
        if (water_psat(mid) > p_ref)
            hi = mid;
        else
            lo = mid;
    }
    return lo - 1e-6;
}

/* Reciprocals the inversion multiplies by (fluid_t_from_h runs for every
 * node with fittings in every sweep; divisions are its slow part). */
static void inverse_columns(net_fluid *f)
{
    for (int i = 0; i < FLUID_NT; i++) {
        double *r = f->tab + i * FLUID_COLS;
        int next = i < FLUID_NT - 1 ? i + 1 : i - 1;
        r[C_IDH] = 1.0 / fabs(f->tab[next * FLUID_COLS + C_H] - r[C_H]);
        r[C_DTDH] = 1.0 / r[C_DH];
    }
}

/* A lower bound of the interpolated cp over the table: the smallest
 * node value less 1 % (the cubic between 1 K nodes moves far less). */
static double cp_lower_bound(const net_fluid *f)
{
    double lo = INFINITY;
    for (int i = 0; i < FLUID_NT; i++)
        lo = fmin(lo, f->tab[i * FLUID_COLS + C_CP]);
    return 0.99 * lo;
}

int fluid_init_iapws(net_fluid *f, double p_ref_abs, hl_error *err)
{
    f->constant = 0;
    f->p_ref_abs = p_ref_abs;
    f->t_sat_ref = sat_below(p_ref_abs);
    f->tab = malloc(sizeof(double) * FLUID_NT * FLUID_COLS);
    if (!f->tab)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    water_state base;
    water_region1(FLUID_T_BASE, p_ref_abs, &base);
    for (int i = 0; i < FLUID_NT; i++) {
        double t = FLUID_T_BASE + i;
        if (t > WATER_T_MAX_K)
            t = WATER_T_MAX_K;
        fill_row(f->tab + i * FLUID_COLS, t, p_ref_abs, base.h);
    }
    inverse_columns(f);
    f->cp_low = cp_lower_bound(f);
    return HL_OK;
}

void fluid_init_constant(net_fluid *f, double rho, double mu, double cp)
{
    f->constant = 1;
    f->rho = rho;
    f->mu = mu;
    f->cp = f->cp_low = cp;
    f->tab = NULL;
}

void fluid_free(net_fluid *f)
{
    free(f->tab);
    f->tab = NULL;
}

double fluid_clamp_t(double t_k)
{
    const double hi = FLUID_T_BASE + (FLUID_NT - 1);
    if (!(t_k >= FLUID_T_BASE))
        return FLUID_T_BASE;
    return t_k > hi ? hi : t_k;
}

/* Cubic Hermite on a unit interval: value and slope at both ends. */
static double hermite(double t, double f0, double d0, double f1, double d1)
{
    double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * f0 + (t3 - 2 * t2 + t) * d0 +
           (-2 * t3 + 3 * t2) * f1 + (t3 - t2) * d1;
}

static double interp(const net_fluid *f, double t_k, int col, int dcol)
{
    double x = fluid_clamp_t(t_k) - FLUID_T_BASE;
    int i = (int)x;
    if (i >= FLUID_NT - 1)
        i = FLUID_NT - 2;
    const double *a = f->tab + i * FLUID_COLS, *b = a + FLUID_COLS;
    return hermite(x - i, a[col], a[dcol], b[col], b[dcol]);
}

double fluid_h(const net_fluid *f, double t_k)
{
    if (f->constant)
        return f->cp * (t_k - FLUID_T_BASE);
    return interp(f, t_k, C_H, C_DH);
}

double fluid_cp(const net_fluid *f, double t_k)
{
    if (f->constant)
        return f->cp;
    return interp(f, t_k, C_CP, C_DCP);
}

/* Slope of the cubic Hermite on a unit interval. */
static double hermite_slope(double t, double f0, double d0, double f1,
                            double d1)
{
    double t2 = t * t;
    return (6 * t2 - 6 * t) * f0 + (3 * t2 - 4 * t + 1) * d0 +
           (-6 * t2 + 6 * t) * f1 + (3 * t2 - 2 * t) * d1;
}

/* The inverse of fluid_h on the table: the row whose interval holds h
 * (h rises with T), then Newton on that row's cubic from the inverse
 * Hermite cubic (the same end values and the reciprocal slopes), which
 * is already close (about 1e-8 K); Newton converges quadratically (the
 * error after a step is at most about 1e-2 / K times the square of the
 * step, cp'/cp in region 1), so a step below 1e-6 K leaves less than
 * 1e-14 K. Outside the table: the nearest end's slope. */
double fluid_t_from_h(const net_fluid *f, double h)
{
    if (f->constant)
        return FLUID_T_BASE + h / f->cp;
    const double *tab = f->tab;
    int i = (int)(h * (1.0 / 4200.0)); /* a first row: cp is near 4.2 kJ */
    i = i < 0 ? 0 : i > FLUID_NT - 2 ? FLUID_NT - 2 : i;
    while (i > 0 && h < tab[i * FLUID_COLS + C_H])
        i--;
    while (i < FLUID_NT - 2 && h > tab[(i + 1) * FLUID_COLS + C_H])
        i++;
    const double *a = tab + i * FLUID_COLS, *b = a + FLUID_COLS;
    double dh = b[C_H] - a[C_H], v = (h - a[C_H]) * a[C_IDH];
    if (v < 0.0 || v > 1.0) /* beyond the table: linear continuation */
        return FLUID_T_BASE + i + v;
    double u = hermite(v, 0.0, dh * a[C_DTDH], 1.0, dh * b[C_DTDH]);
    for (int it = 0; it < 8; it++) {
        double r = hermite(u, a[C_H], a[C_DH], b[C_H], b[C_DH]) - h;
        double du = r / hermite_slope(u, a[C_H], a[C_DH], b[C_H], b[C_DH]);
        u -= du;
        if (fabs(du) < 1e-6)
            break;
    }
    return FLUID_T_BASE + i + u;
}

static double p_row(const net_fluid *f, double t_k)
{
    double t = fluid_clamp_t(t_k);
    return t < f->t_sat_ref ? f->p_ref_abs : row_pressure(f->p_ref_abs, t);
}

/* A property at t_k on the table's row pressure (column col, its
 * temperature slope dcol_t), moved to p_abs by its pressure slope dcol_p
 * interpolated linearly between the rows. */
static double at_pressure(const net_fluid *f, double t_k, double p_abs, int col,
                          int dcol_t, int dcol_p)
{
    double v = interp(f, t_k, col, dcol_t);
    double x = fluid_clamp_t(t_k) - FLUID_T_BASE;
    int i = (int)x < FLUID_NT - 1 ? (int)x : FLUID_NT - 2;
    double w = x - i;
    const double *a = f->tab + i * FLUID_COLS, *b = a + FLUID_COLS;
    double dp_slope = (1 - w) * a[dcol_p] + w * b[dcol_p];
    return v + dp_slope * (p_abs - p_row(f, t_k));
}

double fluid_rho(const net_fluid *f, double t_k, double p_abs)
{
    return f->constant ? f->rho
                       : at_pressure(f, t_k, p_abs, C_RHO, C_DRHO_T, C_DRHO_P);
}

double fluid_mu(const net_fluid *f, double t_k, double p_abs)
{
    return f->constant ? f->mu
                       : at_pressure(f, t_k, p_abs, C_MU, C_DMU_T, C_DMU_P);
}

/* (dh/dp)_T = v - T (dv/dT)_p = v (1 - beta T) with beta = -(drho/dT) /
 * rho (IAPWS-IF97 (2007) region 1: h = g - T dg/dT, so dh/dp = v - T
 * dv/dT), from the tabulated density and its temperature slope at the
 * table's row pressure. */
double fluid_dhdp(const net_fluid *f, double t_k)
{
    if (f->constant)
        return 1.0 / f->rho;
    double t = fluid_clamp_t(t_k);
    double x = t - FLUID_T_BASE;
    int i = (int)x < FLUID_NT - 1 ? (int)x : FLUID_NT - 2;
    const double *a = f->tab + i * FLUID_COLS, *b = a + FLUID_COLS;
    double rho = hermite(x - i, a[C_RHO], a[C_DRHO_T], b[C_RHO], b[C_DRHO_T]);
    double drho_dt =
        hermite_slope(x - i, a[C_RHO], a[C_DRHO_T], b[C_RHO], b[C_DRHO_T]);
    return (1.0 + t * drho_dt / rho) / rho;
}
