/*
 * surface.c - steady heat flow through a layered flat wall, cylinder or
 * sphere to an outer boundary with convection and radiation.
 *
 * Method: the unknown is the outer surface temperature Ts. For a trial Ts
 * the outer balance gives the heat flow Q = A_out * q_out(Ts); marching
 * inward through the layers with the exact Kirchhoff integral gives the
 * temperature on the outer face of the innermost layer, and that layer's
 * own Kirchhoff balance against the process temperature, divided by its
 * lambda there, is the residual: to first order the miss of the process
 * temperature that marching through it too would give (exactly that miss
 * for a constant lambda), without inverting its integral. The residual is
 * strictly increasing in Ts, and the root lies between the lowest and the
 * highest of the boundary temperatures (process, air, radiant), so a
 * safeguarded Newton iteration inside that bracket always converges, for
 * heat loss and heat gain alike. The same Q crosses every layer by
 * construction, the innermost one to the solve's tolerance.
 */
#include "physics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SURFACE_MAX_IT 200

/* Geometry of one solve: shape factors of the layers and areas, and the
 * layer whose balance is the residual (see march_layers). */
typedef struct wall_geometry {
    int n;
    double g[HL_MAX_LAYERS]; /* Q = g * integral(lambda dT); 0 = no layer */
    double r_const[HL_MAX_LAYERS]; /* 1 / (g lambda) of a layer of constant
                                      lambda; 0 otherwise */
    double area_in, area_out;      /* per unit of the shape */
    double d_out;
    int inner;           /* innermost layer with g > 0; -1 if none */
    int inner_const;     /* that layer's lambda is constant (k_scale) */
    double k_scale;      /* its lambda at the process temperature, W/(m K) */
    double inv_k, inv_g; /* 1 / k_scale, 1 / its shape factor: products on
                            the iteration's chain rather than divisions */
    double theta_in;     /* its antiderivative at the process temperature
                            (no inner film only) */
    outer_prep outer;    /* the outer boundary at d_out */
    double t_in;         /* the process temperature of this solve */
} wall_geometry;

static double area_of(int shape, double d)
{
    if (shape == HL_SHAPE_PIPE)
        return M_PI * d;
    if (shape == HL_SHAPE_SPHERE)
        return M_PI * d * d;
    return 1.0;
}

/* Shape factor of a layer from r1 to r2 (radii; thickness for flat). */
static double shape_factor(int shape, double r1, double r2)
{
    if (r2 <= r1)
        return 0.0;
    if (shape == HL_SHAPE_PIPE)
        return 2.0 * M_PI / log(r2 / r1);
    if (shape == HL_SHAPE_SPHERE)
        return 4.0 * M_PI / (1.0 / r1 - 1.0 / r2);
    return 1.0 / (r2 - r1);
}

static void geometry_build(const hl_surface_in *in, wall_geometry *g)
{
    double r = (in->shape == HL_SHAPE_FLAT) ? 0.0 : 0.5 * in->diameter_m;
    g->n = in->n_layers;
    g->area_in = area_of(in->shape, 2.0 * r);
    g->inner = -1;
    for (int i = 0; i < in->n_layers; i++) {
        double t = in->layer[i].thickness_m, k;
        g->g[i] = shape_factor(in->shape, r, r + t);
        g->r_const[i] = 0.0;
        if (g->g[i] > 0.0 && lambda_is_constant(&in->layer[i].lambda, &k))
            g->r_const[i] = 1.0 / (g->g[i] * k); /* k > 0: checked */
        if (g->g[i] > 0.0 && g->inner < 0)
            g->inner = i;
        r += t;
    }
    g->d_out = 2.0 * r;
    g->area_out = area_of(in->shape, g->d_out);
    outer_prepare(&in->outer, g->d_out, &g->outer);
    if (g->inner >= 0)
        g->inv_g = 1.0 / g->g[g->inner];
    g->inner_const =
        g->inner >= 0 &&
        lambda_is_constant(&in->layer[g->inner].lambda, &g->k_scale);
}

/* The process temperature of this solve (the solve reads it here, not in
 * the input: a sweep or a prepared wall gives its own) and the innermost
 * layer's terms at it. */
static void geometry_set_process(const hl_surface_in *in, wall_geometry *g,
                                 double t_in)
{
    g->t_in = t_in;
    if (g->inner < 0)
        return;
    if (!g->inner_const)
        g->theta_in =
            lambda_theta(&in->layer[g->inner].lambda, t_in, &g->k_scale);
    g->k_scale = max2(g->k_scale, 1e-12);
    g->inv_k = 1.0 / g->k_scale;
}

/* One layer crossed inward from t (derivative dt) by the heat flow q
 * (derivative dq); returns the temperature on its inner face. r_const:
 * the layer's resistance if its lambda is constant, else 0. */
static double cross_layer(const hl_conductivity *lam, double g, double r_const,
                          double t, double q, double dq, double *dt)
{
    if (r_const > 0.0) {
        *dt += dq * r_const;
        return t + q * r_const;
    }
    double k_out = hl_lambda_at(lam, t);
    double t_in = lambda_integral_inverse_k(lam, t, k_out, q / g);
    double k_in = hl_lambda_at(lam, t_in);
    *dt = (k_out * *dt + dq / g) / max2(k_in, 1e-12);
    return t_in;
}

/*
 * Residual of the innermost layer: it has the process temperature (less
 * the inner film's drop) on its inner face and t_out (derivative dt) on
 * its outer face, and should carry q. Its Kirchhoff balance
 *   F = theta(t_wall) - theta(t_out) - q / g
 * divided by -lambda(process temperature) is, to first order, the miss
 * of the process temperature that the march with the exact inversion
 * would give: no inversion is needed for this layer (for a constant lambda
 * it is that miss exactly). *df receives the derivative.
 */
static double inner_residual(const hl_surface_in *in, const wall_geometry *g,
                             double t_out, double dt, double q, double dq,
                             double t_wall, double dt_wall, double *df)
{
    double r = g->inv_g * g->inv_k;
    if (g->inner_const) {
        *df = dt + dq * r - dt_wall;
        return t_out + q * r - t_wall;
    }
    const hl_conductivity *lam = &in->layer[g->inner].lambda;
    double k_out, k_wall = g->k_scale, theta_wall = g->theta_in;
    double theta_out = lambda_theta(lam, t_out, &k_out);
    if (in->h_inner > 0.0)
        theta_wall = lambda_theta(lam, t_wall, &k_wall);
    *df = (k_out * dt + dq * g->inv_g - k_wall * dt_wall) * g->inv_k;
    return (theta_out + q * g->inv_g - theta_wall) * g->inv_k;
}

/*
 * Given Ts and the heat flow Q through every layer (dq = dQ/dTs), march
 * inward to the innermost layer and return the miss of the process
 * temperature (positive: Ts too high); *dtin receives its derivative with
 * respect to Ts. Fills temps[0..n] (inner surface .. Ts); the innermost
 * layer's inner face is the process temperature less the film's drop.
 * dtemps[i] receives dtemps_i/dTs for the faces outside the innermost
 * layer and dtemps[0] the one of the faces inside it (all the same).
 */
static double march_layers(const hl_surface_in *in, const wall_geometry *g,
                           double ts, double big_q, double dq, double *temps,
                           double *dtemps, double *dtin)
{
    double t = ts, dt = 1.0;
    temps[g->n] = ts;
    for (int i = g->n - 1; i > g->inner; i--) {
        if (g->g[i] > 0.0)
            t = cross_layer(&in->layer[i].lambda, g->g[i], g->r_const[i], t,
                            big_q, dq, &dt);
        temps[i] = t;
        dtemps[i] = dt;
    }
    double t_wall = g->t_in, dt_wall = 0.0;
    if (in->h_inner > 0.0) {
        t_wall -= big_q / (in->h_inner * g->area_in);
        dt_wall = -dq / (in->h_inner * g->area_in);
    }
    double f;
    if (g->inner < 0) { /* no conducting layer */
        *dtin = dt - dt_wall;
        f = t - t_wall;
    } else {
        f = inner_residual(in, g, t, dt, big_q, dq, t_wall, dt_wall, dtin);
        t = t_wall;
    }
    for (int i = g->inner; i >= 0; i--)
        temps[i] = t;
    if (g->inner >= 0) /* the same for every face inside it */
        dtemps[0] = dt_wall;
    return f;
}

/* The convective coefficient at the last Ts evaluated (for the output,
 * which takes the radiative one at the final Ts itself). */
typedef struct outer_coefs {
    double h_conv;
} outer_coefs;

/* The same with Q from the outer balance at Ts; *q receives it, *dq its
 * derivative dQ/dTs, dtemps[] those of the temperatures. */
static double march_inward(const hl_surface_in *in, const wall_geometry *g,
                           double ts, double *temps, double *dtemps, double *q,
                           double *dq, double *dtin, outer_coefs *h)
{
    double slope;
    double flux = outer_prep_flux(&g->outer, ts, &slope, &h->h_conv);
    *q = g->area_out * flux;
    *dq = g->area_out * slope;
    return march_layers(in, g, ts, *q, *dq, temps, dtemps, dtin);
}

/* The ends of the bracket on Ts as evaluated: the residual (the miss of
 * the process temperature) and the outer heat flow at each. */
typedef struct bracket_end {
    double ts, f, q;
    int seen;
} bracket_end;

/*
 * ISO 12241's convection coefficients jump where the laminar form hands
 * over to the turbulent one (L^3 dT = 10 m3 K, eqs. 22-23). When the root
 * lies on such a jump the bracket closes on Ts with the residual changing
 * sign and no Ts balancing both sides: the surface stays at the jump, and
 * the heat flow is the one the layers carry from the process temperature
 * to that Ts. It lies between the outer heat flows on either side of the
 * jump, so the outer balance holds in the sense of the two one-sided
 * limits, and the result is continuous in the process temperature.
 * Regula falsi on Q (the residual rises with Q).
 */
static double jump_heat(const hl_surface_in *in, const wall_geometry *g,
                        bracket_end a, bracket_end b, double *temps)
{
    double ts = 0.5 * (a.ts + b.ts), dt, q = a.q;
    double dtemps[HL_MAX_LAYERS + 1]; /* not needed here */
    double tol = 1e-13 * max2(1.0, g->t_in);
    double qa = a.q, fa = march_layers(in, g, ts, qa, 0.0, temps, dtemps, &dt);
    double qb = b.q, fb = march_layers(in, g, ts, qb, 0.0, temps, dtemps, &dt);
    int side = 0; /* Illinois: which end was kept last */
    for (int it = 0; it < 100 && fa * fb < 0.0; it++) {
        q = qa - fa * (qb - qa) / (fb - fa);
        double f = march_layers(in, g, ts, q, 0.0, temps, dtemps, &dt);
        if (fabs(f) <= tol)
            break;
        if ((f < 0.0) == (fa < 0.0)) {
            qa = q;
            fa = f;
            fb *= side == 1 ? 0.5 : 1.0;
            side = 1;
        } else {
            qb = q;
            fb = f;
            fa *= side == -1 ? 0.5 : 1.0;
            side = -1;
        }
    }
    march_layers(in, g, ts, q, 0.0, temps, dtemps, &dt);
    return q;
}

/* Mean lambda of layer i for the start value: at t_k, or for the
 * innermost layer without an inner film, its Kirchhoff mean between the
 * process temperature and ts_k when ts_k is given (> 0; the layers
 * outside it take little of the drop): exact for any lambda(T) when they
 * take none, where lambda at the mean temperature is exact only for a
 * linear one (rock wool's quadratic piece above 100 C: 0.4 K of surface
 * temperature at 200 C, an iteration more). */
static double start_lambda(const hl_surface_in *in, const wall_geometry *g,
                           int i, double t_k, double ts_k)
{
    double t_in = g->t_in, k;
    if (i == g->inner && ts_k > 0.0 && in->h_inner == 0.0 &&
        fabs(t_in - ts_k) > 1e-3) {
        double theta = lambda_theta(&in->layer[i].lambda, ts_k, &k);
        return (g->theta_in - theta) / (t_in - ts_k);
    }
    return hl_lambda_at(&in->layer[i].lambda, t_k);
}

/* Thermal resistance of the layers and the inner film, each layer's lambda
 * as start_lambda gives it (per unit of the shape). */
static double wall_resistance(const hl_surface_in *in, const wall_geometry *g,
                              double t_k, double ts_k)
{
    double r = 0.0;
    for (int i = 0; i < g->n; i++)
        if (g->r_const[i] > 0.0)
            r += g->r_const[i];
        else if (g->g[i] > 0.0) {
            double k = start_lambda(in, g, i, t_k, ts_k);
            r += 1.0 / (g->g[i] * max2(k, 1e-12));
        }
    if (in->h_inner > 0.0)
        r += 1.0 / (in->h_inner * g->area_in);
    return r;
}

/*
 * A start value, each step cheaper than an iteration: the series
 * resistance with ~10 W/(m2 K) outside and lambda at the mean of process
 * and air temperature gives a first surface temperature; the wall's
 * conductance c is then taken once with each layer's mean lambda between
 * the process and that surface temperature (start_lambda), and two Newton
 * steps on c (t_in - ts) = A q_out(ts), the outer flux linearised at each
 * step's start, give the start. The first value is a few kelvin off (the
 * outer coefficient is not 10), and one step from there misses by the
 * curvature of the outer flux (0.4 K on the DN200 of bench_surface, an
 * iteration more); the second costs one outer flux. Only speeds up the
 * iteration; the bracket ensures convergence.
 */
static double initial_guess(const hl_surface_in *in, const wall_geometry *g,
                            double lo, double hi)
{
    double t_env = in->outer.air_k, t_in = g->t_in;
    double r_out = 1.0 / (10.0 * g->area_out);
    double r = wall_resistance(in, g, 0.5 * (t_in + t_env), 0.0);
    double ts = t_env + (t_in - t_env) * r_out / (r + r_out);
    ts = ts < lo ? lo : ts > hi ? hi : ts;
    double c = 1.0 / wall_resistance(in, g, 0.5 * (t_in + ts), ts);
    if (!isfinite(c))
        return ts;
    for (int step = 0; step < 2; step++) {
        double slope, hc,
            q = g->area_out * outer_prep_flux(&g->outer, ts, &slope, &hc);
        double s = g->area_out * slope;
        if (!(s > 0.0))
            return ts;
        double next = (c * t_in + s * ts - q) / (c + s);
        ts = next < lo ? lo : next > hi ? hi : next;
    }
    return ts;
}

static int check_temperature(double t_k, const char *what, hl_error *err)
{
    if (!isfinite(t_k) || t_k <= 0.0)
        return hl_error_set(err, HL_EINVAL,
                            "%s %.6g C is below absolute zero or not finite",
                            what, t_k - HL_ZERO_C_K);
    return HL_OK;
}

static int check_layers(const hl_surface_in *in, double lo, double hi,
                        hl_error *err)
{
    if (in->n_layers < 0 || in->n_layers > HL_MAX_LAYERS)
        return hl_error_set(err, HL_EINVAL, "%d layers: expected 0 to %d",
                            in->n_layers, HL_MAX_LAYERS);
    for (int i = 0; i < in->n_layers; i++) {
        const hl_layer *l = &in->layer[i];
        if (!isfinite(l->thickness_m) || l->thickness_m < 0.0)
            return hl_error_set(err, HL_EINVAL,
                                "layer %d (%s): thickness %g mm: expected a "
                                "finite value >= 0",
                                i + 1, l->name, l->thickness_m * 1e3);
        double k, t = lo; /* a constant lambda needs one look */
        int bad = lambda_is_constant(&l->lambda, &k)
                      ? (k > 0.0 && isfinite(k) ? -1 : 0)
                      : lambda_check_samples(&l->lambda, lo, hi, 8, &t, &k);
        if (bad >= 0)
            return hl_error_set(err, HL_EINVAL,
                                "layer %d (%s): conductivity %g W/(m K) "
                                "at %.1f C: expected > 0",
                                i + 1, l->name, k, t - HL_ZERO_C_K);
    }
    return HL_OK;
}

/* A flat surface has no diameter for a cylinder's or sphere's convection
 * correlation (its size would be 0: an infinite coefficient); with the
 * convection fixed the geometry is not read. */
static int flat_geometry_fits(const hl_surface_in *in)
{
    const hl_outer_bc *bc = &in->outer;
    int round = bc->geometry == HL_GEOM_HORIZONTAL_CYLINDER ||
                bc->geometry == HL_GEOM_VERTICAL_CYLINDER ||
                bc->geometry == HL_GEOM_SPHERE;
    return in->shape != HL_SHAPE_FLAT || !round || bc->h_conv_fixed > 0.0 ||
           bc->h_total_fixed > 0.0;
}

static int check_shape(const hl_surface_in *in, hl_error *err)
{
    if (in->shape < HL_SHAPE_FLAT || in->shape > HL_SHAPE_SPHERE)
        return hl_error_set(err, HL_EINVAL, "shape %d is not known", in->shape);
    if (!flat_geometry_fits(in))
        return hl_error_set(err, HL_EINVAL,
                            "outer geometry %d (a cylinder or sphere) on a "
                            "flat surface: expected a vertical wall (%d) or a "
                            "horizontal plate (%d, %d)",
                            in->outer.geometry, HL_GEOM_VERTICAL_WALL,
                            HL_GEOM_PLATE_UP, HL_GEOM_PLATE_DOWN);
    if (in->shape != HL_SHAPE_FLAT &&
        !(isfinite(in->diameter_m) && in->diameter_m > 0.0))
        return hl_error_set(err, HL_EINVAL,
                            "outer diameter %g mm: expected a value > 0",
                            in->diameter_m * 1e3);
    return HL_OK;
}

/* The outer boundary and the fixed coefficients. */
static int check_boundary(const hl_surface_in *in, hl_error *err)
{
    const hl_outer_bc *bc = &in->outer;
    int rc = check_temperature(bc->air_k, "air temperature", err);
    if (!rc && !(bc->h_total_fixed > 0.0))
        rc = check_temperature(bc->radiant_k, "radiant temperature", err);
    if (rc)
        return rc;
    if (!(bc->h_total_fixed > 0.0) &&
        !(bc->emissivity > 0.0 && bc->emissivity <= 1.0))
        return hl_error_set(err, HL_EINVAL,
                            "emissivity %g: expected a value in (0, 1]",
                            bc->emissivity);
    if (!(isfinite(bc->wind_m_s) && bc->wind_m_s >= 0.0))
        return hl_error_set(err, HL_EINVAL, "wind %g m/s: expected >= 0",
                            bc->wind_m_s);
    if (!(bc->h_conv_fixed >= 0.0 && bc->h_total_fixed >= 0.0 &&
          in->h_inner >= 0.0 && isfinite(bc->h_conv_fixed) &&
          isfinite(bc->h_total_fixed) && isfinite(in->h_inner)))
        return hl_error_set(err, HL_EINVAL,
                            "a fixed surface coefficient is negative or not "
                            "finite");
    return HL_OK;
}

/* Every input of a solve at process temperature t_in, whose bracket is
 * [lo, hi] (the span over which each lambda must be positive). */
static int check_input(const hl_surface_in *in, double t_in, double lo,
                       double hi, hl_error *err)
{
    int rc = check_shape(in, err);
    if (!rc)
        rc = check_temperature(t_in, "process temperature", err);
    if (!rc)
        rc = check_boundary(in, err);
    return rc ? rc : check_layers(in, lo, hi, err);
}

static void note_ranges(const hl_surface_in *in, const double *temps,
                        hl_warnings *w)
{
    for (int i = 0; i < in->n_layers; i++) {
        const hl_layer *l = &in->layer[i];
        double a = min2(temps[i], temps[i + 1]); /* finite here */
        double b = max2(temps[i], temps[i + 1]);
        if ((isfinite(l->t_max_k) && b > l->t_max_k + 1e-9) ||
            (isfinite(l->t_min_k) && a < l->t_min_k - 1e-9))
            hl_warnings_add(w,
                            "layer %d (%s) spans %.1f..%.1f C, outside the "
                            "valid range %.0f..%.0f C of its conductivity",
                            i + 1, l->name, a - HL_ZERO_C_K, b - HL_ZERO_C_K,
                            l->t_min_k - HL_ZERO_C_K, l->t_max_k - HL_ZERO_C_K);
    }
}

static void fill_output(const hl_surface_in *in, const wall_geometry *g,
                        double ts, double q, const double *temps,
                        const outer_coefs *h, int notes, hl_surface_out *out)
{
    out->heat_flow = q;
    out->heat_flux_w_m2 = q / g->area_out;
    out->surface_temp_k = ts;
    out->n_temps = g->n + 1;
    memcpy(out->temp_k, temps, sizeof(double) * (size_t)(g->n + 1));
    out->outer_diameter_m = (in->shape == HL_SHAPE_FLAT) ? 0.0 : g->d_out;
    out->h_conv = h->h_conv;
    out->h_rad = outer_prep_h_rad(&g->outer, ts);
    if (notes)
        note_ranges(in, temps, &out->warnings);
}

static void note_end(bracket_end *e, double ts, double f, double q)
{
    e->ts = ts;
    e->f = f;
    e->q = q;
    e->seen = 1;
}

/* Where an iteration ended: the surface temperature, heat flow, layer
 * temperatures and outer coefficients there, the residual's slope
 * (dMiss/dTs), and the bracket. */
typedef struct solve_end {
    double ts, q, slope, lo, hi;
    double temps[HL_MAX_LAYERS + 1];
    outer_coefs h;
    int iterations;
} solve_end;

/*
 * Near a simple root the residual is f(ts + d) = f + f' d + f'' d^2 / 2;
 * the curvature f'' follows from the slopes of the last two evaluations,
 * a Newton step apart (prev). The residual there should then be what the
 * last step left, f'' prev^2 / 2: where it is (within a tenth: the
 * residual is smooth between them, no jump of the convection or kink of
 * lambda), the step now leaves f'' step^2 / 2. Where that is half the
 * residual's tolerance (the one a solve stops at when it evaluates) or
 * less, the step is taken without evaluating the wall again
 * (bench_surface: the third evaluation, which only confirmed, is gone for
 * most solves): the heat flow and the temperatures follow it to first
 * order from their derivatives at the last evaluation, the second-order
 * rest being of the size of that residual.
 */
static int quadratic_stop(double f, double slope, double slope_prev,
                          double prev, double step, double ftol)
{
    double curv = (slope - slope_prev) / prev;
    double left = 0.5 * curv * prev * prev;
    return isfinite(curv) && fabs(f - left) <= 0.1 * fabs(f) &&
           0.5 * fabs(curv) * step * step <= 0.5 * ftol;
}

/* The end at ts + step from the evaluation at ts (quadratic_stop). */
static void step_ahead(const wall_geometry *g, double ts, double step, double q,
                       double dq, const double *dtemps, solve_end *e)
{
    for (int i = 0; i < g->n; i++)
        e->temps[i] += dtemps[i > g->inner ? i : 0] * step;
    e->ts = e->temps[g->n] = ts + step;
    e->q = q + dq * step;
}

/* The safeguarded Newton iteration from ts inside [lo, hi]. Returns HL_OK
 * or HL_ENOCONVERGE (e->lo, e->hi: the last bracket). */
static int iterate(const hl_surface_in *in, const wall_geometry *g, double ts,
                   double lo, double hi, solve_end *e)
{
    bracket_end below = {0}, above = {0};
    int small_before = 0, newton_before = 0;
    double *temps = e->temps, dtemps[HL_MAX_LAYERS + 1], prev_step = 0.0;
    double slope_before = 0.0;
    for (int it = 1; it <= SURFACE_MAX_IT; it++) {
        double q, dq, slope;
        double f =
            march_inward(in, g, ts, temps, dtemps, &q, &dq, &slope, &e->h);
        e->iterations = it;
        if (f > 0.0) {
            hi = ts;
            note_end(&above, ts, f, q);
        } else {
            lo = ts;
            note_end(&below, ts, f, q);
        }
        double next = (slope > 0.0) ? ts - f / slope : 0.5 * (lo + hi);
        int newton = slope > 0.0;
        /* A step onto the other end of the bracket would evaluate it
         * again and step back: where the residual jumps between the ends
         * (ISO 12241's convection at L^3 dT = 10 m3 K) Newton can cycle
         * between them, the bracket never shrinking; bisect instead. */
        if (!(next > lo && next < hi) &&
            (!(next >= lo && next <= hi) || next != ts)) {
            next = 0.5 * (lo + hi);
            newton = 0;
        }
        double tol = 1e-11 * max2(1.0, ts);
        double ftol = 1e-10 * max2(1.0, g->t_in);
        int balanced = fabs(f) <= ftol;
        /* A step below tol with the residual still above its tolerance
         * (a steep residual: a thin, well conducting wall) is taken once
         * more: stopping there would leave a miss of slope * tol. */
        int small = fabs(next - ts) <= tol;
        if (balanced || (small && small_before) || hi - lo <= tol) {
            e->slope = slope;
            if (!balanced && below.seen && above.seen &&
                hi - lo <= 100.0 * tol) {
                q = jump_heat(in, g, below, above, temps);
                ts = temps[g->n];
                double h_rad;
                hl_outer_coefficients(&in->outer, ts, g->d_out, &e->h.h_conv,
                                      &h_rad);
            }
            e->ts = ts;
            e->q = q;
            return HL_OK;
        }
        if (newton && newton_before &&
            quadratic_stop(f, slope, slope_before, prev_step, next - ts,
                           ftol)) {
            e->slope = slope;
            step_ahead(g, ts, next - ts, q, dq, dtemps, e);
            return HL_OK;
        }
        small_before = small;
        newton_before = newton;
        prev_step = next - ts;
        slope_before = slope;
        ts = next;
    }
    e->lo = lo;
    e->hi = hi;
    return HL_ENOCONVERGE;
}

static int no_convergence(const solve_end *e, hl_error *err)
{
    return hl_error_set(err, HL_ENOCONVERGE,
                        "surface solve: no convergence in %d iterations "
                        "(bracket %.6g..%.6g K)",
                        SURFACE_MAX_IT, e->lo, e->hi);
}

/* A balanced solve whose layer temperatures leave the span of the
 * boundary temperatures is no solution: in steady conduction without
 * sources each layer's temperatures lie between the process temperature
 * and the surface's, and the surface's between the boundary temperatures.
 * It happens where a conductivity is used far outside its valid range
 * (a polynomial that is positive over the span, extrapolated, but not in
 * the march's trial temperatures): said as an error, never returned. */
static int check_physical(const wall_geometry *g, const solve_end *e, double lo,
                          double hi, hl_error *err)
{
    double slack = 1e-6 * max2(1.0, hi);
    for (int i = 0; i <= g->n; i++)
        if (!(e->temps[i] >= lo - slack && e->temps[i] <= hi + slack))
            return hl_error_set(
                err, HL_ENOCONVERGE,
                "surface solve: temperature %d of %d through the wall "
                "(inner face to surface) is %.6g C, outside the boundary "
                "temperatures %.1f..%.1f C: no physical solution (a "
                "conductivity used outside its valid range?)",
                i + 1, g->n + 1, e->temps[i] - HL_ZERO_C_K, lo - HL_ZERO_C_K,
                hi - HL_ZERO_C_K);
    if (!isfinite(e->q))
        return hl_error_set(err, HL_ENOCONVERGE,
                            "surface solve: heat flow not finite");
    return HL_OK;
}

/* The bracket on Ts: the lowest and highest boundary temperature. */
static void boundary_span(const hl_surface_in *in, double t_in, double *lo,
                          double *hi)
{
    const hl_outer_bc *bc = &in->outer;
    double tr = (bc->h_total_fixed > 0.0) ? bc->air_k : bc->radiant_k;
    *lo = min2(t_in, min2(bc->air_k, tr));
    *hi = max2(t_in, max2(bc->air_k, tr));
}

/* ---- many process temperatures, one wall --------------------------- */

/* Appends which temperature of the sweep the message in err is about. */
static int name_index(hl_error *err, int rc, size_t i)
{
    if (err) {
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len,
                 " (process temperature %zu of the sweep)", i + 1);
    }
    return rc;
}

/* The input checks of a sweep: every process temperature here, the rest
 * with the first solve; *per_solve = 1 when each solve must be checked on
 * its own span, 0 when every lambda is surely positive over the span of
 * all of them (the per-solve checks of lambda would all pass). */
static int check_sweep(const hl_surface_in *in, const double *t_in, size_t n,
                       int *per_solve, hl_error *err)
{
    double t_lo = t_in[0], t_hi = t_in[0];
    for (size_t i = 0; i < n; i++) {
        if (check_temperature(t_in[i], "process temperature", err))
            return name_index(err, HL_EINVAL, i);
        t_lo = min2(t_lo, t_in[i]);
        t_hi = max2(t_hi, t_in[i]);
    }
    double lo, hi, lo2, hi2;
    boundary_span(in, t_lo, &lo, &hi);
    boundary_span(in, t_hi, &lo2, &hi2);
    lo = min2(lo, lo2);
    hi = max2(hi, hi2);
    *per_solve = in->n_layers < 0 || in->n_layers > HL_MAX_LAYERS;
    for (int i = 0; i < in->n_layers && i < HL_MAX_LAYERS; i++)
        if (!lambda_surely_positive(&in->layer[i].lambda, lo, hi))
            *per_solve = 1;
    return HL_OK;
}

/* The start of the next solve of a sweep: the last surface temperature
 * moved by its sensitivity to the process temperature, dTs/dTin =
 * 1 / slope (the residual is the miss of the process temperature; exact
 * without an inner film), inside the new bracket. */
static double sweep_guess(const solve_end *e, double t_prev, double t_in,
                          double lo, double hi)
{
    double ts = e->ts + (t_in - t_prev) / e->slope;
    return ts < lo ? lo : ts > hi ? hi : ts;
}

/* One solve of wall w at process temperature t_in (w->inner_temp_k is
 * not read), its input checked if `check`. g->n < 0: the geometry is built
 * here; e->iterations > 0: *e is the end of the solve before (at process
 * temperature t_prev), the start of this one. */
static int solve_one(const hl_surface_in *w, wall_geometry *g, double t_in,
                     double t_prev, int check, solve_end *e, hl_error *err)
{
    double lo, hi;
    boundary_span(w, t_in, &lo, &hi);
    int rc = check ? check_input(w, t_in, lo, hi, err) : HL_OK;
    if (rc)
        return rc;
    if (g->n < 0)
        geometry_build(w, g);
    geometry_set_process(w, g, t_in);
    double ts = (e->iterations > 0 && e->slope > 0.0 && isfinite(e->slope))
                    ? sweep_guess(e, t_prev, t_in, lo, hi)
                    : initial_guess(w, g, lo, hi);
    rc = iterate(w, g, ts, lo, hi, e);
    if (rc)
        return no_convergence(e, err);
    return check_physical(g, e, lo, hi, err);
}

/* flatten: the solve's pieces inlined into this one function, as before
 * the sweep shared them (the compiler no longer inlines pieces with two
 * callers on its own; bench_surface: 2,357 instructions per solve that
 * way, 2,322 flattened, 2,280 before the sweep). */
#if defined(__GNUC__)
__attribute__((flatten))
#endif
static int
surface_solve(const hl_surface_in *in, hl_surface_out *out, int notes,
              hl_error *err)
{
    out->warnings.count = 0;
    out->n_temps = 0;
    wall_geometry g;
    g.n = -1;
    solve_end e;
    e.iterations = 0;
    int rc = solve_one(in, &g, in->inner_temp_k, 0.0, 1, &e, err);
    out->iterations = e.iterations;
    if (rc)
        return rc;
    fill_output(in, &g, e.ts, e.q, e.temps, &e.h, notes, out);
    return HL_OK;
}

int hl_surface_solve_sweep(const hl_surface_in *in, const double *inner_temp_k,
                           size_t n, double *heat_flow, double *surface_temp_k,
                           hl_error *err)
{
    int per_solve = 0;
    if (n == 0)
        return HL_OK;
    if (!inner_temp_k)
        return hl_error_set(err, HL_EINVAL, "no process temperatures");
    int rc = check_sweep(in, inner_temp_k, n, &per_solve, err);
    if (rc)
        return rc;
    wall_geometry g;
    g.n = -1;
    solve_end e;
    e.iterations = 0;
    for (size_t i = 0; i < n; i++) {
        double t_prev = i > 0 ? inner_temp_k[i - 1] : 0.0;
        rc = solve_one(in, &g, inner_temp_k[i], t_prev, per_solve || i == 0, &e,
                       err);
        if (rc)
            return name_index(err, rc, i);
        if (heat_flow)
            heat_flow[i] = e.q;
        if (surface_temp_k)
            surface_temp_k[i] = e.ts;
    }
    return HL_OK;
}

/* ---- one wall prepared, one process temperature per call ------------ */

struct hl_surface_wall {
    hl_surface_in in;
    wall_geometry g; /* built once; each solve sets its process terms on a
                        copy, so that solves may run in parallel */
};

int hl_surface_prepare(const hl_surface_in *in, hl_surface_wall **wall,
                       hl_error *err)
{
    *wall = NULL;
    /* every check of hl_surface_solve but those of the process temperature
     * and lambda over the solve's span (each solve makes them); lambda at
     * the air temperature, which every span contains, here */
    int rc = check_shape(in, err);
    if (!rc)
        rc = check_boundary(in, err);
    if (!rc)
        rc = check_layers(in, in->outer.air_k, in->outer.air_k, err);
    if (rc)
        return rc;
    hl_surface_wall *w = malloc(sizeof *w);
    if (!w)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    w->in = *in;
    geometry_build(&w->in, &w->g); /* the outer boundary points into w */
    *wall = w;
    return HL_OK;
}

void hl_surface_wall_free(hl_surface_wall *wall)
{
    free(wall);
}

/* flatten: as surface_solve. */
#if defined(__GNUC__)
__attribute__((flatten))
#endif
int hl_surface_solve_prepared(const hl_surface_wall *wall, double inner_temp_k,
                              hl_surface_out *out, hl_error *err)
{
    out->warnings.count = 0;
    out->n_temps = 0;
    out->iterations = 0;
    double lo, hi;
    boundary_span(&wall->in, inner_temp_k, &lo, &hi);
    int rc = check_temperature(inner_temp_k, "process temperature", err);
    if (!rc)
        rc = check_layers(&wall->in, lo, hi, err);
    if (rc)
        return rc;
    wall_geometry g = wall->g;
    solve_end e;
    e.iterations = 0;
    rc = solve_one(&wall->in, &g, inner_temp_k, 0.0, 0, &e, err);
    out->iterations = e.iterations;
    if (rc)
        return rc;
    fill_output(&wall->in, &g, e.ts, e.q, e.temps, &e.h, 1, out);
    return HL_OK;
}

int hl_surface_solve(const hl_surface_in *in, hl_surface_out *out,
                     hl_error *err)
{
    return surface_solve(in, out, 1, err);
}

int surface_solve_no_notes(const hl_surface_in *in, hl_surface_out *out,
                           hl_error *err)
{
    return surface_solve(in, out, 0, err);
}

void hl_surface_in_init(hl_surface_in *in)
{
    memset(in, 0, sizeof *in);
    in->shape = HL_SHAPE_PIPE;
    in->inner_temp_k = HL_ZERO_C_K + 20.0;
    in->outer.air_k = HL_ZERO_C_K + 20.0;
    in->outer.radiant_k = HL_ZERO_C_K + 20.0;
    in->outer.emissivity = 0.9;
    in->outer.set = HL_COEF_ISO12241;
    in->outer.geometry = HL_GEOM_HORIZONTAL_CYLINDER;
    in->outer.pressure_pa = HL_P_ATM;
}
