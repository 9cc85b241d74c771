/*
 * patch_solve.c - heat loss and surface temperatures of one surface patch.
 *
 * Isothermal patches (wetted bodies, hubs, shells) have their metal at the
 * medium temperature; bare, their outer flux comes straight from the
 * surface engine's outer coefficients; covered, the surface engine solves
 * the layered wall, cylinder or sphere. Fins (flange rims, ring plates,
 * ribs, legs, stems and necks) conduct heat from a root at the medium
 * temperature and lose it along their length: their heat is eta U A theta_b
 * with the fin efficiency eta of physics/fin.c and U the series of the
 * cover's conduction resistance and the outer coefficient (a cover on a fin
 * lowers U, which raises eta but lowers the heat). U depends on the surface
 * temperature, so each fin is iterated on its mean surface temperature to
 * convergence (fin_point.c, which also settles a fin whose surface sits
 * on a jump of the convection coefficient).
 * Sources and limits: docs/physics.md, "Fittings".
 */
#include "fittings_internal.h"

#include <math.h>
#include <string.h>

int solve_ctx_init(solve_ctx *s, const hl_fitting_conditions *c, hl_error *err)
{
    (void)err;
    memset(&s->bc, 0, sizeof s->bc);
    s->bc.air_k = c->air_k;
    s->bc.radiant_k = c->radiant_k;
    s->bc.wind_m_s = c->wind_m_s;
    s->bc.set = c->coef_set;
    s->bc.pressure_pa = 101325.0;
    s->t_metal = c->medium_k;
    s->cover = c->cover.state == HL_FIT_BARE ? NULL : &c->cover;
    s->bc.emissivity = s->cover ? c->cover.emissivity : c->bare_emissivity;
    if (s->cover) { /* only the fields a one-layer solve reads: the
                       template is 4.5 kB and set once per fitting */
        s->in.inner_temp_k = c->medium_k;
        s->in.h_inner = 0.0;
        s->in.n_layers = 1;
        s->in.layer[0] = c->cover.layer;
    }
    return HL_OK;
}

static int geometry_of(int kind)
{
    switch (kind) {
    case PATCH_CYL_H:
        return HL_GEOM_HORIZONTAL_CYLINDER;
    case PATCH_CYL_V:
    case PATCH_FIN_PIN:
        return HL_GEOM_VERTICAL_CYLINDER;
    case PATCH_PLATE_UP:
        return HL_GEOM_PLATE_UP;
    case PATCH_PLATE_DOWN:
        return HL_GEOM_PLATE_DOWN;
    case PATCH_SPHERE:
        return HL_GEOM_SPHERE;
    default:
        return HL_GEOM_VERTICAL_WALL;
    }
}

void patch_bc(const solve_ctx *s, const fit_patch *p, hl_outer_bc *bc)
{
    *bc = s->bc;
    bc->geometry = geometry_of(p->kind);
    bc->length_m = p->char_m;
}

/* Layered solve of a covered surface whose metal is at t_metal: shape and
 * diameter as the surface engine takes them. Returns the heat flow per
 * unit of the shape (W/m, W/m2 or W) and the outer surface temperature. */
static int covered_solve(solve_ctx *s, const hl_outer_bc *bc, int shape,
                         double d, double *flow, double *ts, hl_error *err)
{
    hl_surface_out o;
    s->in.shape = shape;
    s->in.diameter_m = d;
    s->in.outer = *bc;
    int rc = hl_surface_solve(&s->in, &o, err);
    if (rc)
        return rc;
    if (o.warnings.count && s->warn)
        hl_warnings_add(s->warn, "%s", o.warnings.text[0]);
    *flow = o.heat_flow;
    *ts = o.surface_temp_k;
    return HL_OK;
}

static int shape_of(int kind)
{
    if (kind == PATCH_CYL_H || kind == PATCH_CYL_V || kind == PATCH_FIN_PIN)
        return HL_SHAPE_PIPE;
    return kind == PATCH_SPHERE ? HL_SHAPE_SPHERE : HL_SHAPE_FLAT;
}

static int solve_isothermal(solve_ctx *s, const fit_patch *p,
                            hl_fitting_patch_result *r, hl_error *err)
{
    hl_outer_bc bc;
    patch_bc(s, p, &bc);
    double heat, ts = s->t_metal;
    if (!s->cover) {
        heat = hl_outer_flux(&bc, ts, p->d) * p->area;
    } else {
        int shape = shape_of(p->kind);
        int rc = covered_solve(s, &bc, shape, p->d, &heat, &ts, err);
        if (rc)
            return rc;
        /* per metre of cylinder, per m2 of wall, per whole sphere */
        heat *= shape == HL_SHAPE_PIPE   ? p->length
                : shape == HL_SHAPE_FLAT ? p->area
                                         : p->area / (M_PI * p->d * p->d);
    }
    r->heat_w = heat * p->count;
    r->max_surface_k = r->mean_surface_k = ts;
    r->efficiency = 1.0;
    return HL_OK;
}

/* ---- fins ---------------------------------------------------------------- */

/* Combined outer coefficient at surface temperature ts and the environment
 * temperature it refers to (air and radiant surroundings weighted by the
 * convective and radiative parts). */
static void outer_h(const hl_outer_bc *bc, double ts, double d, double *h,
                    double *te)
{
    double hc, hr;
    hl_outer_coefficients(bc, ts, d, &hc, &hr);
    *h = hc + hr;
    *te = *h > 0.0 ? (hc * bc->air_k + hr * bc->radiant_k) / *h : bc->air_k;
    if (!(*h > 1e-6))
        *h = 1e-6; /* no driving difference yet: keep U finite */
}

/* ln(1 + t/radius) of the cover on a cylinder of that radius (0 for a
 * flat cover): a pin's passes take it once per patch, not per pass. */
static double cover_log(const solve_ctx *s, double radius)
{
    if (!s->cover || !(radius > 0.0))
        return 0.0;
    return log((radius + s->cover->layer.thickness_m) / radius);
}

/* U referred to the metal surface, and the ratio of outer-surface excess to
 * metal excess (theta_s = ratio * theta_metal). radius > 0: radial cover on
 * a cylinder of that radius, ln its cover_log; 0: flat cover. */
static double cover_u(const solve_ctx *s, double h, double radius, double ln,
                      double t_mean, double *ratio)
{
    if (!s->cover) {
        *ratio = 1.0;
        return h;
    }
    double t = s->cover->layer.thickness_m;
    double lam = hl_lambda_at(&s->cover->layer.lambda, t_mean);
    double r_cond, r_out;
    if (radius > 0.0) {
        double ro = radius + t;
        r_cond = radius * ln / lam;
        r_out = radius / (ro * h);
    } else {
        r_cond = t / lam;
        r_out = 1.0 / h;
    }
    double u = 1.0 / (r_cond + r_out);
    *ratio = u * r_out;
    return u;
}

/* Hottest outer surface of a fin: at its root, where the metal is at the
 * medium temperature. */
static int root_surface(solve_ctx *s, const hl_outer_bc *bc, int radial,
                        double d, double *ts, hl_error *err)
{
    double flow;
    *ts = s->t_metal;
    if (!s->cover)
        return HL_OK;
    return covered_solve(s, bc, radial ? HL_SHAPE_PIPE : HL_SHAPE_FLAT, d,
                         &flow, ts, err);
}

/* The coldest and hottest boundary temperatures: a fin's surface lies
 * between them. */
static void fin_bounds(const solve_ctx *s, const hl_outer_bc *bc, double *lo,
                       double *hi)
{
    *lo = fmin(s->t_metal, fmin(bc->air_k, bc->radiant_k));
    *hi = fmax(s->t_metal, fmax(bc->air_k, bc->radiant_k));
}

/* A plate fin: its patch, boundary, fin area, corrected length and
 * radius. */
typedef struct plate_ctx {
    const solve_ctx *s;
    const fit_patch *p;
    hl_outer_bc bc;
    double a_fin, lc, r2c;
    double ln_r; /* ln(r2c / r1) of an annular fin */
} plate_ctx;

/* One pass at mean outer surface ts: the coefficients there give the
 * efficiency, the heat and the mean surface temperature they imply. */
static fin_point plate_pass(const void *vc, double ts)
{
    const plate_ctx *c = vc;
    const solve_ctx *s = c->s;
    const fit_patch *p = c->p;
    double h, te, ratio;
    outer_h(&c->bc, ts, 0.0, &h, &te);
    double u = cover_u(s, h, 0.0, 0.0, 0.5 * (s->t_metal + ts), &ratio);
    double m = fin_m_plate(u, p->k, p->t, p->faces);
    double eta = p->kind == PATCH_FIN_ANNULAR
                     ? fin_eff_annular_ln(m, p->r1, c->r2c, c->ln_r)
                     : fin_eff_straight(m, c->lc);
    double theta_b = s->t_metal - te;
    fin_point r = {ts, te + ratio * eta * theta_b, {0.0, eta, 0.0}};
    r.v[FIN_HEAT] = eta * u * (c->a_fin + p->extra_area) * theta_b;
    return r;
}

/* Annular and straight (plate) fins. */
static int solve_plate_fin(solve_ctx *s, const fit_patch *p,
                           hl_fitting_patch_result *r, hl_error *err)
{
    plate_ctx c = {.s = s, .p = p};
    patch_bc(s, p, &c.bc);
    double ts_root, lo, hi;
    int rc = root_surface(s, &c.bc, 0, 0.0, &ts_root, err);
    if (rc)
        return rc;
    c.lc = p->length + p->t / p->faces; /* corrected length */
    c.r2c = p->r2 + p->t / p->faces;    /* corrected radius */
    c.ln_r = p->kind == PATCH_FIN_ANNULAR ? log(c.r2c / p->r1) : 0.0;
    c.a_fin = p->kind == PATCH_FIN_ANNULAR
                  ? p->faces * M_PI * (c.r2c * c.r2c - p->r1 * p->r1)
                  : p->faces * p->width * c.lc;
    fin_bounds(s, &c.bc, &lo, &hi);
    fin_point x = fin_fixed_point(plate_pass, &c, lo, hi, ts_root);
    r->heat_w = x.v[FIN_HEAT] * p->count;
    r->max_surface_k = fmax(ts_root, x.x); /* h varies with the surface */
    r->mean_surface_k = x.x;
    r->efficiency = x.v[FIN_ETA];
    return HL_OK;
}

/* Stems and necks: a pin fin with its lumped tip (handwheel, gearbox). */
typedef struct pin_state {
    double ts_stem, ts_tip, heat, eta;
} pin_state;

typedef struct pin_ctx {
    solve_ctx *s;
    const fit_patch *p;
    hl_outer_bc bc, bc_tip;
    double lo, hi;          /* bounds of both surface temperatures */
    double ts_stem;         /* the stem's trial while the tip is solved */
    double r_tip;           /* radius of a cylindrical tip's cover, else 0 */
    double ln_stem, ln_tip; /* cover_log of the stem and the tip */
} pin_ctx;

static void pin_pass(const pin_ctx *c, pin_state *st)
{
    const solve_ctx *s = c->s;
    const fit_patch *p = c->p;
    double r = 0.5 * p->d, ac = M_PI * r * r, per = M_PI * p->d;
    double a_stem = per * p->length;
    double h, te, ratio, h_t, te_t, ratio_t;
    outer_h(&c->bc, st->ts_stem, p->d, &h, &te);
    double u =
        cover_u(s, h, r, c->ln_stem, 0.5 * (s->t_metal + st->ts_stem), &ratio);
    outer_h(&c->bc_tip, st->ts_tip, p->tip_char, &h_t, &te_t);
    double u_t = cover_u(s, h_t, c->r_tip, c->ln_tip,
                         0.5 * (s->t_metal + st->ts_tip), &ratio_t);
    double m = sqrt(u * per / (p->k * ac)), frac;
    double g =
        fin_pin_conductance(m, p->length, p->k * ac, u_t * p->tip_area, &frac);
    double theta_b = s->t_metal - te;
    double q_tip = u_t * p->tip_area * frac * theta_b;
    st->heat = g * theta_b;
    st->eta = g / (u * a_stem + u_t * p->tip_area);
    double theta_stem = a_stem > 0 ? (st->heat - q_tip) / (u * a_stem) : 0.0;
    st->ts_stem = te + ratio * theta_stem;
    st->ts_tip = te + ratio_t * frac * theta_b;
}

#define PIN_TOL_K        1e-9
#define PIN_PLAIN_PASSES 40

/*
 * Aitken's extrapolation of the passes (both temperatures along the last
 * change, by the ratio r of the last two changes: x + d r / (1 - r)).
 * The passes contract by a nearly constant ratio, so the extrapolated
 * point is about as close as two more passes would bring it; it is taken
 * only where the ratio is well below 1 and the point stays inside the
 * bounds, and the iteration still ends on a plain pass that moves both
 * temperatures less than PIN_TOL_K, as before.
 */
static int pin_extrapolate(const pin_ctx *c, pin_state *st, const double *d,
                           const double *d_prev)
{
    double den = d_prev[0] * d_prev[0] + d_prev[1] * d_prev[1];
    double r = (d[0] * d_prev[0] + d[1] * d_prev[1]) / den;
    if (!(den > 0.0 && fabs(r) < 0.5))
        return 0;
    double f = r / (1.0 - r);
    double stem = st->ts_stem + f * d[0], tip = st->ts_tip + f * d[1];
    if (!(stem > c->lo && stem < c->hi && tip > c->lo && tip < c->hi))
        return 0;
    st->ts_stem = stem;
    st->ts_tip = tip;
    return 1;
}

/* Plain passes from the root temperature, extrapolated after every two;
 * 1 if both temperatures settled (the usual case; not where a
 * coefficient jumps). */
static int pin_passes(const pin_ctx *c, pin_state *st)
{
    double d[2], d_prev[2];
    int fresh = 0; /* plain passes since the start or an extrapolation */
    for (int pass = 0; pass < PIN_PLAIN_PASSES; pass++) {
        pin_state prev = *st;
        pin_pass(c, st);
        d_prev[0] = d[0], d_prev[1] = d[1];
        d[0] = st->ts_stem - prev.ts_stem;
        d[1] = st->ts_tip - prev.ts_tip;
        if (fabs(d[0]) <= PIN_TOL_K && fabs(d[1]) <= PIN_TOL_K)
            return 1;
        if (++fresh >= 2 && pin_extrapolate(c, st, d, d_prev))
            fresh = 0;
    }
    return 0;
}

/* The tip's fixed point for the stem at c->ts_stem; AUX: the stem
 * temperature that this implies. */
static fin_point pin_tip_pass(const void *vc, double ts_tip)
{
    const pin_ctx *c = vc;
    pin_state st = {c->ts_stem, ts_tip, 0.0, 0.0};
    pin_pass(c, &st);
    fin_point r = {ts_tip, st.ts_tip, {st.heat, st.eta, st.ts_stem}};
    return r;
}

/* The stem's fixed point with the tip solved at each trial; AUX: the
 * tip temperature. */
static fin_point pin_stem_pass(const void *vc, double ts_stem)
{
    pin_ctx c = *(const pin_ctx *)vc;
    c.ts_stem = ts_stem;
    fin_point t = fin_fixed_point(pin_tip_pass, &c, c.lo, c.hi, ts_stem);
    fin_point r = {ts_stem, t.v[FIN_AUX], {t.v[FIN_HEAT], t.v[FIN_ETA], t.x}};
    return r;
}

/* Both temperatures at once where plain passes flip across a jump of a
 * coefficient: the stem's fixed point, the tip's inside it. */
static void pin_nested(pin_ctx *c, double ts_root, pin_state *st)
{
    fin_point x = fin_fixed_point(pin_stem_pass, c, c->lo, c->hi, ts_root);
    st->ts_stem = x.x;
    st->ts_tip = x.v[FIN_AUX];
    st->heat = x.v[FIN_HEAT];
    st->eta = x.v[FIN_ETA];
}

static int solve_pin(solve_ctx *s, const fit_patch *p,
                     hl_fitting_patch_result *r, hl_error *err)
{
    pin_ctx c = {.s = s, .p = p};
    patch_bc(s, p, &c.bc);
    c.bc_tip = s->bc;
    c.bc_tip.geometry = p->tip_geom;
    c.bc_tip.length_m = p->tip_char;
    fin_bounds(s, &c.bc, &c.lo, &c.hi);
    c.r_tip = p->tip_cylinder ? 0.5 * p->tip_char : 0.0;
    c.ln_stem = cover_log(s, 0.5 * p->d);
    c.ln_tip = cover_log(s, c.r_tip);
    double ts_root;
    int rc = root_surface(s, &c.bc, 1, p->d, &ts_root, err);
    if (rc)
        return rc;
    pin_state st = {ts_root, ts_root, 0.0, 1.0};
    if (!pin_passes(&c, &st))
        pin_nested(&c, ts_root, &st);
    double a_stem = M_PI * p->d * p->length;
    r->heat_w = st.heat * p->count;
    /* the tip sees its own coefficient: a cooler tip in weak convection
       can have a hotter outer face than the root */
    r->max_surface_k = fmax(ts_root, fmax(st.ts_stem, st.ts_tip));
    r->mean_surface_k =
        (st.ts_stem * a_stem + st.ts_tip * p->tip_area) / p->area;
    r->efficiency = st.eta;
    return HL_OK;
}

int patch_solve(solve_ctx *s, const fit_patch *p, hl_fitting_patch_result *r,
                hl_error *err)
{
    r->area_m2 = p->area * p->count;
    switch (p->kind) {
    case PATCH_FIN_ANNULAR:
    case PATCH_FIN_STRAIGHT:
        return solve_plate_fin(s, p, r, err);
    case PATCH_FIN_PIN:
        return solve_pin(s, p, r, err);
    default:
        return solve_isothermal(s, p, r, err);
    }
}
