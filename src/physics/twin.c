/*
 * twin.c - two equal carriers in one circular fill (a twin or "double"
 * pre-insulated pipe), buried below an isothermal ground surface.
 *
 * Geometry: fill of radius rc and conductivity lambda_i centred at the
 * origin; the carriers (radius ri) at (+e, 0) and (-e, 0); soil of
 * conductivity lambda_g outside; ground surface at y = h. By linearity and
 * the left-right mirror symmetry the problem splits into two modes:
 *   symmetric      T1 = T2 = 1 K         -> q1 = q2 = 1 / rs
 *   antisymmetric  T1 = -T2 = 1 K        -> q1 = -q2 = 1 / ra
 * so that r11 = r22 = (rs + ra) / 2 and r12 = (rs - ra) / 2.
 *
 * twin_multipole solves each mode with the multipole method (Bennet,
 * Claesson & Hellstrom, "Multipole method to compute the conductive heat
 * flows to and between pipes in a composite cylinder", Lund University,
 * 1987; Wallenten, "Steady-state heat loss from insulated pipes", Lund
 * University, 1991): in the fill, line sources and multipoles of order
 * 1..N at each carrier plus a regular series in the casing; in the soil, a
 * line source and multipoles 1..N at the casing centre, each with its
 * negative mirror image in the ground surface. The coefficients are fitted
 * by least squares at collocation points on the carrier surface (T = 1)
 * and on the fill boundary (continuity of T and of lambda dT/dr), which
 * converges geometrically with N.
 *
 * twin_wallenten is the first-order closed form of Wallenten (1991) as
 * quoted by Bohm & Kristjansson (Int. J. Energy Res. 29, 2005), with the
 * ground term of the antisymmetric denominator as derived in
 * docs/physics.md.
 */
#include "pipe_internal.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#define TWIN_MAX_COLS (4 * TWIN_MAX_ORDER + 3)
#define TWIN_MAX_ROWS (7 * TWIN_MAX_ORDER + 6)

/* One solve: geometry, mode sign and the column layout. */
typedef struct twin_mode {
    const twin_geometry *g;
    double s;    /* +1 symmetric, -1 antisymmetric */
    int order;   /* N */
    int n_inner; /* regular terms in the fill */
    int inner_n[TWIN_MAX_ORDER + 1];
    int inner_sin[TWIN_MAX_ORDER + 1];
    int n_outer; /* multipoles at the casing centre, in the soil */
    int outer_n[TWIN_MAX_ORDER];
    int outer_sin[TWIN_MAX_ORDER];
    int n_cols;
} twin_mode;

/* cos(n theta) has mirror parity (-1)^n, sin(n theta) has -(-1)^n. */
static int parity(int n, int is_sin)
{
    int p = (n % 2 == 0) ? 1 : -1;
    return is_sin ? -p : p;
}

static void mode_layout(twin_mode *m)
{
    int s = (m->s > 0) ? 1 : -1;
    m->n_inner = m->n_outer = 0;
    for (int n = 0; n <= m->order; n++)
        for (int is_sin = 0; is_sin <= 1; is_sin++) {
            if (parity(n, is_sin) != s || (n == 0 && is_sin))
                continue;
            m->inner_n[m->n_inner] = n;
            m->inner_sin[m->n_inner++] = is_sin;
            if (n == 0)
                continue;
            m->outer_n[m->n_outer] = n;
            m->outer_sin[m->n_outer++] = is_sin;
        }
    m->n_cols = 1 + 2 * m->order + m->n_inner + m->n_outer;
}

/* Value and radial derivative (about the origin) of a basis function. */
typedef struct field_point {
    double v, dr;
} field_point;

/* Powers of the expansion variables at one point z, computed once so that
 * every column costs a few multiplications. */
typedef struct point_powers {
    double complex z, dir; /* point, unit radial direction */
    double complex d[2];   /* z - carrier 1, mirror point - it */
    double complex v[2][TWIN_MAX_ORDER + 1]; /* (ri / d)^n */
    double complex zn[TWIN_MAX_ORDER + 1];   /* (z / rc)^n */
    double complex zi;                       /* z - image of the centre */
    double complex u[TWIN_MAX_ORDER + 1];    /* (rc / z)^n */
    double complex w[TWIN_MAX_ORDER + 1];    /* (rc / zi)^n */
} point_powers;

static void powers_of(const double complex base, int order, double complex *out)
{
    out[0] = 1.0;
    for (int n = 1; n <= order; n++)
        out[n] = out[n - 1] * base;
}

static void point_setup(const twin_mode *m, double complex z, point_powers *p)
{
    const twin_geometry *g = m->g;
    p->z = z;
    p->dir = z / cabs(z);
    p->d[0] = z - g->e;
    p->d[1] = -conj(z) - g->e; /* mirror point x -> -x */
    for (int k = 0; k < 2; k++)
        powers_of(g->ri / p->d[k], m->order, p->v[k]);
    powers_of(z / g->rc, m->order, p->zn);
    p->zi = z - 2.0 * I * g->h;
    powers_of(g->rc / z, m->order, p->u);
    powers_of(g->rc / p->zi, m->order, p->w);
}

static field_point field_of(double complex f, double complex df,
                            double complex dir)
{
    field_point p = {creal(f), creal(df * dir)};
    return p;
}

/* Carrier-1 basis function `col` (0 line source, then multipoles) at the
 * point or its mirror (k = 1). The radial derivative about the origin of
 * the mirrored function is the derivative at the mirror point. */
static field_point carrier_term(const twin_mode *m, int col,
                                const point_powers *p, int k)
{
    double complex d = p->d[k];
    double complex dir = k ? -conj(p->dir) : p->dir;
    double lam = m->g->lambda_fill;
    if (col == 0) /* line source of unit strength, W/m */
        return field_of(-clog(d) / (2.0 * M_PI * lam),
                        -1.0 / (2.0 * M_PI * lam * d), dir);
    int n = (col + 1) / 2;
    double complex c = (col % 2) ? 1.0 : I; /* Re v, then -Im v */
    double complex v = c * p->v[k][n];
    return field_of(v, -n * v / d, dir);
}

/* The carrier term plus its mirror image times the mode sign. */
static field_point carrier_pair(const twin_mode *m, int col,
                                const point_powers *p)
{
    field_point a = carrier_term(m, col, p, 0);
    field_point b = carrier_term(m, col, p, 1);
    field_point r = {a.v + m->s * b.v, a.dr + m->s * b.dr};
    return r;
}

static field_point inner_term(const twin_mode *m, int k, const point_powers *p)
{
    int n = m->inner_n[k];
    if (n == 0) {
        field_point one = {1.0, 0.0};
        return one;
    }
    double complex c = m->inner_sin[k] ? -I : 1.0; /* Re, Im of (z/rc)^n */
    double complex f = c * p->zn[n];
    return field_of(f, n * f / p->z, p->dir);
}

/* Soil multipole at the casing centre minus its image in the ground. */
static field_point outer_term(const twin_mode *m, int k, const point_powers *p)
{
    int n = m->outer_n[k];
    double complex c = m->outer_sin[k] ? I : 1.0;
    double sw = m->outer_sin[k] ? 1.0 : -1.0; /* image: -Re w or -Im w */
    double complex u = c * p->u[n], w = sw * c * p->w[n];
    return field_of(u + w, -n * u / p->z - n * w / p->zi, p->dir);
}

/* Soil field of the net source 2 q (symmetric mode) with its image. */
static field_point outer_source(const twin_mode *m, const point_powers *p)
{
    double k = -2.0 / (2.0 * M_PI * m->g->lambda_out);
    return field_of(k * (clog(p->z) - clog(p->zi)),
                    k * (1.0 / p->z - 1.0 / p->zi), p->dir);
}

static void carrier_row(const twin_mode *m, const point_powers *p, double *a,
                        int lda, int row)
{
    for (int c = 0; c <= 2 * m->order; c++)
        a[(size_t)c * lda + row] = carrier_pair(m, c, p).v;
    int c0 = 1 + 2 * m->order;
    for (int k = 0; k < m->n_inner; k++)
        a[(size_t)(c0 + k) * lda + row] = inner_term(m, k, p).v;
    for (int k = 0; k < m->n_outer; k++)
        a[(size_t)(c0 + m->n_inner + k) * lda + row] = 0.0;
}

/* Continuity of T (row) and of lambda dT/dr (row + 1, scaled by
 * rc / lambda_i) at a point of the fill boundary. */
static void boundary_rows(const twin_mode *m, const point_powers *p, double *a,
                          int lda, int row)
{
    const twin_geometry *g = m->g;
    double rc = g->rc, ratio = g->lambda_out / g->lambda_fill;
    int c0 = 1 + 2 * m->order;
    for (int c = 0; c < c0; c++) {
        field_point f = carrier_pair(m, c, p);
        if (c == 0 && m->s > 0) {
            field_point o = outer_source(m, p);
            f.v -= o.v;
            f.dr -= ratio * o.dr;
        }
        a[(size_t)c * lda + row] = f.v;
        a[(size_t)c * lda + row + 1] = rc * f.dr;
    }
    for (int k = 0; k < m->n_inner; k++) {
        field_point f = inner_term(m, k, p);
        a[(size_t)(c0 + k) * lda + row] = f.v;
        a[(size_t)(c0 + k) * lda + row + 1] = rc * f.dr;
    }
    for (int k = 0; k < m->n_outer; k++) {
        field_point f = outer_term(m, k, p);
        a[(size_t)(c0 + m->n_inner + k) * lda + row] = -f.v;
        a[(size_t)(c0 + m->n_inner + k) * lda + row + 1] = -rc * ratio * f.dr;
    }
}

/* Heat flow of carrier 1 (W/m) at 1 K in one mode. */
static int mode_heat_flow(const twin_geometry *g, int order, double s,
                          double *q)
{
    twin_mode m = {.g = g, .s = s, .order = order};
    mode_layout(&m);
    int m1 = 3 * order + 2, m2 = 2 * order + 2, rows = m1 + 2 * m2;
    double a[TWIN_MAX_ROWS * TWIN_MAX_COLS], b[TWIN_MAX_ROWS];
    double x[TWIN_MAX_COLS];
    point_powers p;
    for (int j = 0; j < m1; j++) {
        double th = 2.0 * M_PI * (j + 0.5) / m1;
        point_setup(&m, g->e + g->ri * cexp(I * th), &p);
        carrier_row(&m, &p, a, rows, j);
        b[j] = 1.0;
    }
    for (int j = 0; j < m2; j++) {
        double th = -0.5 * M_PI + M_PI * (j + 0.5) / m2;
        point_setup(&m, g->rc * cexp(I * th), &p);
        boundary_rows(&m, &p, a, rows, m1 + 2 * j);
        b[m1 + 2 * j] = b[m1 + 2 * j + 1] = 0.0;
    }
    if (lsq_solve(rows, m.n_cols, a, b, x) || !(x[0] > 0.0))
        return HL_ENOCONVERGE;
    *q = x[0];
    return HL_OK;
}

int twin_multipole(const twin_geometry *g, int order, double *rs, double *ra)
{
    if (order <= 0)
        order = TWIN_DEFAULT_ORDER;
    if (order > TWIN_MAX_ORDER)
        order = TWIN_MAX_ORDER;
    double qs, qa;
    int rc = mode_heat_flow(g, order, 1.0, &qs);
    if (!rc)
        rc = mode_heat_flow(g, order, -1.0, &qa);
    if (rc)
        return rc;
    *rs = 1.0 / qs;
    *ra = 1.0 / qa;
    return HL_OK;
}

void twin_wallenten(const twin_geometry *g, double *rs, double *ra)
{
    double ri = g->ri, e = g->e, rc = g->rc, h = g->h;
    double li = g->lambda_fill, lg = g->lambda_out;
    double sigma = (li - lg) / (li + lg);
    double gamma = 2.0 * (1.0 - sigma * sigma) /
                   (1.0 - sigma * (rc / (2.0 * h)) * (rc / (2.0 * h)));
    double rc2 = rc * rc, rc4 = rc2 * rc2, e2 = e * e, e4 = e2 * e2;
    double p = ri / (2.0 * e), d4 = rc4 - e4;
    /* symmetric mode, Wallenten (1991) / Bohm & Kristjansson (2005) */
    double ns = p - sigma * 2.0 * ri * e * e2 / d4;
    double ds = 1.0 + p * p + sigma * pow(2.0 * ri * rc2 * e / d4, 2);
    double hs_inv = 2.0 * li / lg * log(2.0 * h / rc) +
                    log(rc2 / (2.0 * e * ri)) + sigma * log(rc4 / d4) -
                    ns * ns / ds;
    /* antisymmetric mode; ground term -gamma (ri / 2h)^2 derived in
     * docs/physics.md (a public transcription has -gamma ri / (2e)) */
    double na =
        p - gamma * e * ri / (4.0 * h * h) + 2.0 * sigma * ri * rc2 * e / d4;
    double da = 1.0 - p * p - gamma * pow(ri / (2.0 * h), 2) +
                2.0 * sigma * ri * ri * rc2 * (rc4 + e4) / (d4 * d4);
    double ha_inv = log(2.0 * e / ri) + sigma * log((rc2 + e2) / (rc2 - e2)) -
                    na * na / da - gamma * pow(e / (2.0 * h), 2);
    *rs = hs_inv / (2.0 * M_PI * li);
    *ra = ha_inv / (2.0 * M_PI * li);
}
