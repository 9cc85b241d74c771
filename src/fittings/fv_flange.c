/*
 * fv_flange.c - check of the patch model: steady axisymmetric conduction
 * in a flange pair on its pipe, by finite volumes on an (r, z) grid.
 *
 * Half the pair is modelled (the joint plane z = 0 is a plane of
 * symmetry): the pipe wall from its bore to its outer radius over the
 * whole length, one flange (half the gasket counted as steel, as in the
 * patch model's joint of 2 b + 3 mm), the hub as a cylinder of the mean
 * hub diameter, and the cover on every exposed face. Boundary conditions:
 * the bore at the medium temperature (wetted, film resistance neglected as
 * in the patch model), z = 0 and the far end of the pipe stub adiabatic,
 * every exposed face losing h(Ts) (Ts - Te) with the same outer
 * coefficients as the patch model (hl_outer_coefficients: horizontal
 * cylinders of the local diameter for radial faces, vertical walls as high
 * as the flange for axial faces). Conductances between cell centres are
 * the exact ones of a cylindrical shell (radial) and a slab (axial).
 * The nonlinearity (radiation, natural convection, lambda(T) of the cover)
 * is resolved by Picard iteration; each linear system is symmetric
 * positive definite and solved by a sparse Cholesky factorisation
 * (SuiteSparse CHOLMOD), analysed once and refactorised per iteration.
 */
#include "fittings_internal.h"

#include <cholmod.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FV_MAX_IT 200
#define FV_TOL_K  1e-7

enum { AIR = 0, STEEL = 1, COVER = 2 };

typedef struct rect {
    double r0, r1, z0, z1;
} rect;

typedef struct fv_geom {
    double ri, ro, rh, rf, tc; /* bore, pipe, hub, flange radius, cover */
    double zf, zh, zl;         /* flange back, hub end, stub end */
    rect steel[3], cover[5];
    int n_steel, n_cover;
    double fillet;       /* leg of the 45-degree cover fillet in the two
                            inside corners; 0 = sharp corners */
    double corner[2][2]; /* outer corner points (r, z) of the cover there */
} fv_geom;

typedef struct fv_grid {
    int nr, nz, n;   /* cells in r, z; unknowns */
    double *re, *ze; /* cell edges */
    int *mat, *idx;  /* per cell: material, unknown number or -1 */
} fv_grid;

/* One exposed face of an active cell. */
typedef struct fv_face {
    int cell;     /* unknown number */
    int ci, cj;   /* grid position of the cell */
    int radial;   /* 1: normal along r, 0: along z */
    int fin;      /* part of the flange back face or rim */
    double area;  /* m2 */
    double rgeom; /* cell centre to face: resistance times k */
    double d;     /* diameter for the outer coefficient */
    double ts;    /* surface temperature (previous iteration) */
} fv_face;

typedef struct fv_state {
    const fv_geom *g;
    fv_grid grid;
    fv_face *face;
    int n_face;
    double *t; /* cell temperatures */
    hl_outer_bc bc;
    const hl_fitting_cover *cover;
    double t_medium;
} fv_state;

/* ---- geometry and grid ----------------------------------------------------
 */

static void make_geom(const fit_entry *e, double tc, double stub, double fillet,
                      fv_geom *g)
{
    double gasket = 0.0015;
    g->ro = 0.5 * e->pipe_od;
    g->ri = g->ro - e->pipe_wall;
    g->rh = 0.25 * (e->hub_od + e->pipe_od);
    g->rf = 0.5 * e->fl_od;
    g->tc = tc;
    g->zf = e->fl_t + gasket;
    g->zh = e->hub_len + gasket;
    g->zl = g->zh + stub;
    g->n_steel = 3;
    g->steel[0] = (rect){g->ri, g->ro, 0.0, g->zl};
    g->steel[1] = (rect){g->ro, g->rf, 0.0, g->zf};
    g->steel[2] = (rect){g->ro, g->rh, g->zf, g->zh};
    g->n_cover = tc > 0.0 ? 5 : 0;
    g->cover[0] = (rect){g->rf, g->rf + tc, 0.0, g->zf + tc};
    g->cover[1] = (rect){g->rh, g->rf + tc, g->zf, g->zf + tc};
    g->cover[2] = (rect){g->rh, g->rh + tc, g->zf, g->zh + tc};
    g->cover[3] = (rect){g->ro, g->rh + tc, g->zh, g->zh + tc};
    g->cover[4] = (rect){g->ro, g->ro + tc, g->zh, g->zl};
    g->fillet = tc > 0.0 ? fillet : 0.0;
    g->corner[0][0] = g->rh + tc; /* flange back meets hub */
    g->corner[0][1] = g->zf + tc;
    g->corner[1][0] = g->ro + tc; /* hub end meets pipe */
    g->corner[1][1] = g->zh + tc;
}

/* Inside a 45-degree fillet of the cover in an inside corner. */
static int in_fillet(const fv_geom *g, double rc, double zc)
{
    for (int i = 0; i < 2 && g->fillet > 0.0; i++) {
        double dr = rc - g->corner[i][0], dz = zc - g->corner[i][1];
        if (dr > 0.0 && dz > 0.0 && dr + dz < g->fillet)
            return 1;
    }
    return 0;
}

static int inside(const rect *r, int n, double rc, double zc)
{
    for (int i = 0; i < n; i++)
        if (rc > r[i].r0 && rc < r[i].r1 && zc > r[i].z0 && zc < r[i].z1)
            return 1;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Edges through the breakpoints, each interval split into cells no
 * larger than h (and at least min_cells). Returns the cell count or -1. */
static int edges(double *bp, int nb, double h, int min_cells, double **out)
{
    qsort(bp, (size_t)nb, sizeof *bp, cmp_double);
    int m = 0;
    for (int i = 0; i < nb; i++)
        if (m == 0 || bp[i] - bp[m - 1] > 1e-9)
            bp[m++] = bp[i];
    int n = 0;
    for (int i = 0; i + 1 < m; i++) {
        int k = (int)ceil((bp[i + 1] - bp[i]) / h);
        n += k < min_cells ? min_cells : k;
    }
    double *e = malloc((size_t)(n + 1) * sizeof *e);
    if (!e)
        return -1;
    int at = 0;
    for (int i = 0; i + 1 < m; i++) {
        int k = (int)ceil((bp[i + 1] - bp[i]) / h);
        k = k < min_cells ? min_cells : k;
        for (int j = 0; j < k; j++)
            e[at++] = bp[i] + (bp[i + 1] - bp[i]) * j / k;
    }
    e[at] = bp[m - 1];
    *out = e;
    return n;
}

static int make_grid(const fv_geom *g, int refine, fv_grid *gr)
{
    double tc = g->tc;
    double f = g->fillet;
    double rb[] = {g->ri, g->ro,      g->ro + tc,     g->rh,         g->rh + tc,
                   g->rf, g->rf + tc, g->ro + tc + f, g->rh + tc + f};
    double zb[] = {0.0,        g->zf, g->zf + tc,     g->zh,
                   g->zh + tc, g->zl, g->zf + tc + f, g->zh + tc + f};
    double h = fmin(0.01, (g->rf - g->ri) / 40.0) / refine;
    gr->nr = edges(rb, 9, h, 2 * refine, &gr->re);
    gr->nz = edges(zb, 8, h, 2 * refine, &gr->ze);
    if (gr->nr < 0 || gr->nz < 0)
        return HL_ENOMEM;
    size_t cells = (size_t)gr->nr * (size_t)gr->nz;
    gr->mat = malloc(cells * sizeof *gr->mat);
    gr->idx = malloc(cells * sizeof *gr->idx);
    if (!gr->mat || !gr->idx)
        return HL_ENOMEM;
    gr->n = 0;
    for (int i = 0; i < gr->nr; i++)
        for (int j = 0; j < gr->nz; j++) {
            double rc = 0.5 * (gr->re[i] + gr->re[i + 1]);
            double zc = 0.5 * (gr->ze[j] + gr->ze[j + 1]);
            int m =
                inside(g->steel, g->n_steel, rc, zc) ? STEEL
                : (inside(g->cover, g->n_cover, rc, zc) || in_fillet(g, rc, zc))
                    ? COVER
                    : AIR;
            gr->mat[i * gr->nz + j] = m;
            gr->idx[i * gr->nz + j] = m == AIR ? -1 : gr->n++;
        }
    return HL_OK;
}

static void free_grid(fv_grid *gr)
{
    free(gr->re);
    free(gr->ze);
    free(gr->mat);
    free(gr->idx);
}

/* ---- faces, conductivities, assembly --------------------------------------
 */

static double cell_k(const fv_state *s, int i, int j)
{
    const fv_grid *gr = &s->grid;
    if (gr->mat[i * gr->nz + j] == STEEL)
        return FIT_K_STEEL;
    int u = gr->idx[i * gr->nz + j];
    return hl_lambda_at(&s->cover->layer.lambda, s->t[u]);
}

static int is_air(const fv_grid *gr, int i, int j)
{
    return i >= 0 && i < gr->nr && j >= 0 && j < gr->nz &&
           gr->mat[i * gr->nz + j] == AIR;
}

static void add_face(fv_state *s, int i, int j, int radial, int outward)
{
    const fv_grid *gr = &s->grid;
    const fv_geom *g = s->g;
    double r0 = gr->re[i], r1 = gr->re[i + 1], rc = 0.5 * (r0 + r1);
    double dz = gr->ze[j + 1] - gr->ze[j];
    fv_face *f = &s->face[s->n_face++];
    f->cell = gr->idx[i * gr->nz + j];
    f->ci = i;
    f->cj = j;
    f->radial = radial;
    f->ts = 0.5 * (s->t_medium + s->bc.air_k);
    if (radial) {
        double rf = outward ? r1 : r0;
        f->area = 2.0 * M_PI * rf * dz;
        f->rgeom = fabs(log(rf / rc)) / (2.0 * M_PI * dz);
        f->d = 2.0 * rf;
        f->fin = rf >= g->rf - 1e-9;
    } else {
        double z = outward ? gr->ze[j + 1] : gr->ze[j];
        f->area = M_PI * (r1 * r1 - r0 * r0);
        f->rgeom = 0.5 * dz / f->area;
        f->d = 2.0 * (g->rf + g->tc);
        f->fin = z <= g->zf + g->tc + 1e-9 && r0 >= g->rh - 1e-9;
    }
}

/* Every face of an active cell that borders air (or the open outer edge
 * r = r_max). The bore, z = 0 and z = z_max are not exposed. */
static int list_faces(fv_state *s)
{
    const fv_grid *gr = &s->grid;
    s->face = malloc((size_t)gr->n * 4 * sizeof *s->face);
    if (!s->face)
        return HL_ENOMEM;
    for (int i = 0; i < gr->nr; i++)
        for (int j = 0; j < gr->nz; j++) {
            if (gr->mat[i * gr->nz + j] == AIR)
                continue;
            if (i == gr->nr - 1 || is_air(gr, i + 1, j))
                add_face(s, i, j, 1, 1);
            if (i > 0 && is_air(gr, i - 1, j))
                add_face(s, i, j, 1, 0);
            if (j < gr->nz - 1 && is_air(gr, i, j + 1))
                add_face(s, i, j, 0, 1);
            if (j > 0 && is_air(gr, i, j - 1))
                add_face(s, i, j, 0, 0);
        }
    return HL_OK;
}

/* Conductance of face f to its environment temperature *te. */
static double face_g(const fv_state *s, const fv_face *f, double k, double *te)
{
    hl_outer_bc bc = s->bc;
    double hc, hr;
    bc.geometry =
        f->radial ? HL_GEOM_HORIZONTAL_CYLINDER : HL_GEOM_VERTICAL_WALL;
    bc.length_m = f->d;
    hl_outer_coefficients(&bc, f->ts, f->d, &hc, &hr);
    double h = fmax(hc + hr, 1e-9);
    *te = (hc * bc.air_k + hr * bc.radiant_k) / h;
    return 1.0 / (f->rgeom / k + 1.0 / (h * f->area));
}

typedef struct fv_system {
    cholmod_common cm;
    cholmod_triplet *tr;
    cholmod_factor *lf;
    double *rhs;
} fv_system;

static void put_entry(fv_system *sy, int a, int b, double v)
{
    cholmod_triplet *t = sy->tr;
    int *ti = t->i, *tj = t->j;
    double *tx = t->x;
    ti[t->nnz] = a > b ? a : b;
    tj[t->nnz] = a > b ? b : a;
    tx[t->nnz++] = v;
}

static void couple(fv_system *sy, int a, int b, double g)
{
    put_entry(sy, a, a, g);
    put_entry(sy, b, b, g);
    put_entry(sy, a, b, -g);
}

/* Conductances between neighbouring cells and to the bore. */
static void assemble_cells(fv_state *s, fv_system *sy)
{
    const fv_grid *gr = &s->grid;
    for (int i = 0; i < gr->nr; i++)
        for (int j = 0; j < gr->nz; j++) {
            int u = gr->idx[i * gr->nz + j];
            if (u < 0)
                continue;
            double r0 = gr->re[i], r1 = gr->re[i + 1], rc = 0.5 * (r0 + r1);
            double dz = gr->ze[j + 1] - gr->ze[j], k = cell_k(s, i, j);
            if (i == 0 && gr->mat[j] == STEEL) { /* wetted bore */
                double g = 2.0 * M_PI * k * dz / log(rc / r0);
                put_entry(sy, u, u, g);
                sy->rhs[u] += g * s->t_medium;
            }
            int v = i + 1 < gr->nr ? gr->idx[(i + 1) * gr->nz + j] : -1;
            if (v >= 0) {
                double rc2 = 0.5 * (r1 + gr->re[i + 2]);
                double res =
                    log(r1 / rc) / (2 * M_PI * k * dz) +
                    log(rc2 / r1) / (2 * M_PI * cell_k(s, i + 1, j) * dz);
                couple(sy, u, v, 1.0 / res);
            }
            int w = j + 1 < gr->nz ? gr->idx[i * gr->nz + j + 1] : -1;
            if (w >= 0) {
                double a = M_PI * (r1 * r1 - r0 * r0);
                double dz2 = gr->ze[j + 2] - gr->ze[j + 1];
                double res =
                    0.5 * dz / (k * a) + 0.5 * dz2 / (cell_k(s, i, j + 1) * a);
                couple(sy, u, w, 1.0 / res);
            }
        }
}

static void assemble_faces(fv_state *s, fv_system *sy)
{
    for (int f = 0; f < s->n_face; f++) {
        const fv_face *fc = &s->face[f];
        double te;
        double g = face_g(s, fc, cell_k(s, fc->ci, fc->cj), &te);
        put_entry(sy, fc->cell, fc->cell, g);
        sy->rhs[fc->cell] += g * te;
    }
}

/* ---- Picard iteration -------------------------------------------------------
 */

static int solve_linear(fv_state *s, fv_system *sy, double *change,
                        hl_error *err)
{
    int n = s->grid.n;
    sy->tr->nnz = 0;
    memset(sy->rhs, 0, (size_t)n * sizeof *sy->rhs);
    assemble_cells(s, sy);
    assemble_faces(s, sy);
    cholmod_sparse *a = cholmod_triplet_to_sparse(sy->tr, sy->tr->nnz, &sy->cm);
    if (a && !sy->lf)
        sy->lf = cholmod_analyze(a, &sy->cm);
    cholmod_dense *b = cholmod_zeros((size_t)n, 1, CHOLMOD_REAL, &sy->cm);
    cholmod_dense *x = NULL;
    if (a && sy->lf && b && cholmod_factorize(a, sy->lf, &sy->cm) &&
        sy->cm.status == CHOLMOD_OK) {
        memcpy(b->x, sy->rhs, (size_t)n * sizeof *sy->rhs);
        x = cholmod_solve(CHOLMOD_A, sy->lf, b, &sy->cm);
    }
    *change = 0.0;
    if (x) {
        const double *xv = x->x;
        for (int u = 0; u < n; u++) {
            *change = fmax(*change, fabs(xv[u] - s->t[u]));
            s->t[u] = xv[u];
        }
    }
    cholmod_free_dense(&x, &sy->cm);
    cholmod_free_dense(&b, &sy->cm);
    cholmod_free_sparse(&a, &sy->cm);
    return x || *change > 0.0
               ? HL_OK
               : hl_error_set(err, HL_ENOCONVERGE,
                              "finite-volume check: sparse Cholesky failed "
                              "(CHOLMOD status %d)",
                              sy->cm.status);
}

/* Surface temperatures from the new cell temperatures. */
static void update_faces(fv_state *s)
{
    for (int f = 0; f < s->n_face; f++) {
        fv_face *fc = &s->face[f];
        double te, k = cell_k(s, fc->ci, fc->cj);
        double g = face_g(s, fc, k, &te), tc = s->t[fc->cell];
        fc->ts = tc - g * (tc - te) * fc->rgeom / k;
    }
}

static int picard(fv_state *s, int *iterations, hl_error *err)
{
    fv_system sy;
    int n = s->grid.n, rc = HL_OK;
    memset(&sy, 0, sizeof sy);
    cholmod_start(&sy.cm);
    sy.tr = cholmod_allocate_triplet((size_t)n, (size_t)n, (size_t)n * 6, -1,
                                     CHOLMOD_REAL, &sy.cm);
    sy.rhs = malloc((size_t)n * sizeof *sy.rhs);
    if (!sy.tr || !sy.rhs)
        rc = hl_error_set(err, HL_ENOMEM, "out of memory");
    double change = INFINITY;
    int it = 0;
    while (!rc && change > FV_TOL_K && it < FV_MAX_IT) {
        rc = solve_linear(s, &sy, &change, err);
        update_faces(s);
        it++;
    }
    if (!rc && change > FV_TOL_K)
        rc = hl_error_set(err, HL_ENOCONVERGE,
                          "finite-volume check: no convergence in %d "
                          "iterations (last change %.3g K)",
                          it, change);
    *iterations = it;
    free(sy.rhs);
    cholmod_free_triplet(&sy.tr, &sy.cm);
    cholmod_free_factor(&sy.lf, &sy.cm);
    cholmod_finish(&sy.cm);
    return rc;
}

static void fv_results(const fv_state *s, hl_flange_fv_out *out)
{
    double q = 0.0, fin_a = 0.0, fin_t = 0.0, tmax = -INFINITY;
    for (int f = 0; f < s->n_face; f++) {
        const fv_face *fc = &s->face[f];
        double te, k = cell_k(s, fc->ci, fc->cj);
        double g = face_g(s, fc, k, &te);
        q += g * (s->t[fc->cell] - te);
        tmax = fmax(tmax, fc->ts);
        if (fc->fin) {
            fin_a += fc->area;
            fin_t += fc->area * fc->ts;
        }
    }
    out->fv_heat_w = 2.0 * q; /* both halves of the pair */
    out->fv_max_surface_k = tmax;
    out->fv_fin_surface_k = fin_t / fin_a;
    out->cells = s->grid.n;
}

/* ---- the patch model on the same geometry
 * ------------------------------------ */

static int patch_side(const fv_geom *g, const fit_entry *e,
                      const hl_fitting_conditions *c, hl_flange_fv_out *out,
                      hl_error *err)
{
    hl_fitting_catalog tmp;
    memset(&tmp, 0, sizeof tmp);
    fit_builder b = {&tmp, NULL, 0, 0, ""};
    flange_dims f = {e->pipe_od, e->pipe_wall, e->fl_od,  0,         0,
                     0,          e->fl_t,      e->hub_od, e->hub_len};
    part_cyl_h(&b, "pipe stub", e->pipe_od, g->zl - g->zh, 2.0);
    part_cyl_h(&b, "hub", 2.0 * g->rh, g->zh - g->zf, 2.0);
    part_flat(&b, PATCH_WALL, "hub end", M_PI * (g->rh * g->rh - g->ro * g->ro),
              e->fl_od, 2.0);
    part_joint(&b, "flange joint", &f, g->rh, 2, 1.0);
    int rc = b.oom ? hl_error_set(err, HL_ENOMEM, "out of memory") : HL_OK;
    solve_ctx s;
    solve_ctx_init(&s, c, err);
    s.warn = NULL;
    out->patch_heat_w = 0.0;
    out->patch_max_surface_k = -INFINITY;
    for (int i = 0; !rc && i < tmp.n_patches; i++) {
        hl_fitting_patch_result r;
        rc = patch_solve(&s, &tmp.patches[i], &r, err);
        out->patch_heat_w += r.heat_w;
        out->patch_max_surface_k =
            fmax(out->patch_max_surface_k, r.max_surface_k);
        if (tmp.patches[i].kind == PATCH_FIN_ANNULAR)
            out->patch_fin_surface_k = r.mean_surface_k;
    }
    free(tmp.patches);
    return rc;
}

/* Grid, exposed faces and a start at the medium temperature. */
static int fv_prepare(fv_state *s, const fv_geom *g,
                      const hl_fitting_conditions *c, int refine, hl_error *err)
{
    memset(s, 0, sizeof *s);
    s->g = g;
    s->t_medium = c->medium_k;
    s->cover = c->cover.state != HL_FIT_BARE ? &c->cover : NULL;
    solve_ctx sc;
    solve_ctx_init(&sc, c, err);
    s->bc = sc.bc;
    int rc = make_grid(g, refine, &s->grid);
    if (!rc)
        rc = list_faces(s);
    if (!rc && !(s->t = malloc((size_t)s->grid.n * sizeof *s->t)))
        rc = HL_ENOMEM;
    if (rc)
        return hl_error_set(err, rc, "out of memory");
    for (int u = 0; u < s->grid.n; u++)
        s->t[u] = c->medium_k;
    return HL_OK;
}

int hl_flange_fv_check(const hl_fitting_catalog *cat, int id,
                       const hl_fitting_conditions *c, double stub_m,
                       double fillet_m, int refine, hl_flange_fv_out *out,
                       hl_error *err)
{
    memset(out, 0, sizeof *out);
    if (!cat || id < 0 || id >= cat->n ||
        cat->entries[id].type != HL_FIT_FLANGE_PAIR)
        return hl_error_set(err, HL_EINVAL,
                            "the finite-volume check needs a "
                            "flange-pair entry");
    if (!(stub_m > 0.0) || !(fillet_m >= 0.0) || refine < 1 || refine > 16)
        return hl_error_set(err, HL_EINVAL,
                            "stub length %g m must be > 0, fillet %g m >= 0 "
                            "and refine %d in 1..16",
                            stub_m, fillet_m, refine);
    int rc = check_conditions(c, err);
    if (rc)
        return rc;
    /* the mesh grows with the fillet: one of the range table, and no
     * longer than the cover is thick (a leg beyond it is no fillet) */
    double cover_m =
        c->cover.state != HL_FIT_BARE ? c->cover.layer.thickness_m : 0.0;
    if ((rc = hl_range_check_si(HL_Q_FILLET_MM, "fillet (mm)", fillet_m, NULL,
                                err)) != HL_OK)
        return rc;
    if (cover_m > 0.0 && fillet_m > cover_m * (1.0 + 1e-12))
        return hl_error_set(err, HL_ERANGE,
                            "fillet %g mm: expected at most the cover "
                            "thickness %g mm",
                            fillet_m * 1e3, cover_m * 1e3);
    const fit_entry *e = &cat->entries[id];
    fv_geom g;
    int covered = c->cover.state != HL_FIT_BARE;
    make_geom(e, covered ? c->cover.layer.thickness_m : 0.0, stub_m, fillet_m,
              &g);
    fv_state s;
    rc = fv_prepare(&s, &g, c, refine, err);
    if (!rc)
        rc = picard(&s, &out->iterations, err);
    if (!rc) {
        fv_results(&s, out);
        rc = patch_side(&g, e, c, out, err);
    }
    free(s.t);
    free(s.face);
    free_grid(&s.grid);
    return rc;
}
