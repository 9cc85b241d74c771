/*
 * convection.c - outer-surface convective coefficients of the three
 * selectable sets, radiation, and the combined outer flux.
 *
 * Sources (full text and validity ranges in docs/physics.md):
 * - iso12241: ISO 12241:2008 clause 4.1.3 simplified correlations (inside
 *   buildings: natural convection; outside: forced convection with wind).
 * - gb50264: GB 50264-2013 clause 5.8.4, equations 5.8.4-2 to 5.8.4-4.
 * - astm-c680: the correlation set ASTM C680 programs use: Churchill & Chu
 *   (1975) for cylinders and vertical plates, Lloyd & Moran (1974) for
 *   horizontal plates, Churchill (1983) for spheres, Churchill & Bernstein
 *   (1977), Whitaker (1972) and the flat-plate boundary layer for forced
 *   flow, combined with natural convection as Nu^3 = Nu_N^3 + Nu_F^3
 *   (Churchill 1977); air properties at the film temperature.
 * Where ISO 12241 or GB 50264 give no formula (horizontal plates, spheres)
 * the astm-c680 correlation is used, as docs/physics.md states.
 */
#include "physics.h"

#include <math.h>
#include <strings.h>

/* ---- ISO 12241:2008, 4.1.3 -------------------------------------------- */

/* ratio = dt / l, l3 = l^3 (so that the prepared outer boundary can give
 * them from its constants). */
static double iso_natural_at(int geometry, double dt, double ratio, double l3,
                             double *n)
{
    if (geometry == HL_GEOM_HORIZONTAL_CYLINDER) {
        if (l3 * dt <= 10.0) { /* laminar, eq. (22) */
            *n = 0.25;
            return 1.25 * sqrt(sqrt(ratio));
        }
        *n = 1.0 / 3.0; /* turbulent, eq. (23): 1.21 dT^(1/3) */
        return 1.21 * cbrt(dt);
    }
    /* vertical pipes and walls, eqs. (20), (21), l = height */
    if (l3 * dt <= 10.0) {
        *n = 0.25;
        return 1.32 * sqrt(sqrt(ratio));
    }
    *n = 1.0 / 3.0;
    return 1.74 * cbrt(dt);
}

static double iso_natural(int geometry, double dt, double l, double *n)
{
    return iso_natural_at(geometry, dt, dt / l, l * l * l, n);
}

static double iso_forced(int geometry, double v, double l, double *n)
{
    *n = 0.0;
    if (geometry == HL_GEOM_VERTICAL_WALL) { /* eqs. (24), (25) */
        if (v * l <= 8.0)
            return 3.96 * sqrt(v / l);
        return 5.76 * pow(v, 0.8) / pow(l, 0.2);
    }
    if (v * l <= 8.55e-3) /* pipes, eqs. (26), (27) */
        return 8.1e-3 / l + 3.14 * sqrt(v / l);
    return 8.9 * pow(v, 0.9) / pow(l, 0.1);
}

static int iso_has(int geometry)
{
    return geometry == HL_GEOM_HORIZONTAL_CYLINDER ||
           geometry == HL_GEOM_VERTICAL_CYLINDER ||
           geometry == HL_GEOM_VERTICAL_WALL;
}

double h_conv_iso12241(int geometry, double ts_k, double t_air_k,
                       double wind_m_s, double char_m, double *dlnh_dlndt)
{
    if (!iso_has(geometry))
        return h_conv_correlation(geometry, ts_k, t_air_k, wind_m_s, char_m,
                                  HL_P_ATM, dlnh_dlndt);
    double dt = fabs(ts_k - t_air_k);
    if (wind_m_s > 0.0)
        return iso_forced(geometry, wind_m_s, char_m, dlnh_dlndt);
    if (dt <= 0.0) {
        *dlnh_dlndt = 0.25;
        return 0.0;
    }
    return iso_natural(geometry, dt, char_m, dlnh_dlndt);
}

/* ---- GB 50264-2013, 5.8.4 ---------------------------------------------- */

double h_conv_gb50264(int geometry, double ts_k, double t_air_k,
                      double wind_m_s, double char_m, double *dlnh_dlndt)
{
    if (!iso_has(geometry))
        return h_conv_correlation(geometry, ts_k, t_air_k, wind_m_s, char_m,
                                  HL_P_ATM, dlnh_dlndt);
    double d1 = char_m, w = wind_m_s;
    if (w > 0.0) {
        *dlnh_dlndt = 0.0;
        if (w * d1 > 0.8) /* eq. 5.8.4-4 */
            return 4.53 * pow(w, 0.805) / pow(d1, 0.195);
        return 0.08 / d1 + 4.2 * pow(w, 0.618) / pow(d1, 0.382); /* -3 */
    }
    double ts_c = ts_k - HL_ZERO_C_K, ta_c = t_air_k - HL_ZERO_C_K;
    double dt = fabs(ts_k - t_air_k);
    *dlnh_dlndt = 0.25; /* eq. 5.8.4-2 */
    return 26.4 / sqrt(297.0 + 0.5 * (ts_c + ta_c)) * sqrt(sqrt(dt / d1));
}

/* ---- correlation set (astm-c680) ---------------------------------------- */

static double churchill_chu_cylinder(double ra, double pr)
{
    double f = pow(1.0 + pow(0.559 / pr, 9.0 / 16.0), 8.0 / 27.0);
    double s = 0.60 + 0.387 * pow(ra, 1.0 / 6.0) / f;
    return s * s;
}

static double churchill_chu_plate(double ra, double pr)
{
    double f = pow(1.0 + pow(0.492 / pr, 9.0 / 16.0), 8.0 / 27.0);
    double s = 0.825 + 0.387 * pow(ra, 1.0 / 6.0) / f;
    return s * s;
}

/* Ra^(1/4) as two square roots: within an ulp or two of pow(ra, 0.25) at
 * a fraction of its cost (the fittings' plates and spheres take it on
 * every pass of their iterations). */
static double fourth_root(double x)
{
    return sqrt(sqrt(x));
}

static double churchill_sphere(double ra, double pr)
{
    double f = pow(1.0 + pow(0.469 / pr, 9.0 / 16.0), 4.0 / 9.0);
    return 2.0 + 0.589 * fourth_root(ra) / f;
}

static double natural_nusselt(int geometry, double ra, double pr, int hot_up)
{
    switch (geometry) {
    case HL_GEOM_HORIZONTAL_CYLINDER:
        return churchill_chu_cylinder(ra, pr);
    case HL_GEOM_SPHERE:
        return churchill_sphere(ra, pr);
    case HL_GEOM_PLATE_UP:
    case HL_GEOM_PLATE_DOWN:
        /* Lloyd & Moran: hot face up (or cold face down) is the unstable,
         * stronger case; the other orientation is the weak one. */
        if (hot_up)
            return (ra <= 1e7) ? 0.54 * fourth_root(ra) : 0.15 * cbrt(ra);
        return 0.27 * fourth_root(ra);
    default:
        return churchill_chu_plate(ra, pr);
    }
}

static double forced_nusselt(int geometry, double re, double pr)
{
    if (geometry == HL_GEOM_HORIZONTAL_CYLINDER ||
        geometry == HL_GEOM_VERTICAL_CYLINDER) {
        double a = 0.62 * sqrt(re) * cbrt(pr) /
                   pow(1.0 + pow(0.4 / pr, 2.0 / 3.0), 0.25);
        return 0.3 + a * pow(1.0 + pow(re / 282000.0, 5.0 / 8.0), 0.8);
    }
    if (geometry == HL_GEOM_SPHERE)
        return 2.0 +
               (0.4 * sqrt(re) + 0.06 * pow(re, 2.0 / 3.0)) * pow(pr, 0.4);
    if (re < 5e5) /* flat plate, average over the length */
        return 0.664 * sqrt(re) * cbrt(pr);
    return (0.037 * pow(re, 0.8) - 871.0) * cbrt(pr);
}

double h_conv_correlation(int geometry, double ts_k, double t_air_k,
                          double wind_m_s, double char_m, double p_pa,
                          double *dlnh_dlndt)
{
    air_props a = air_at(0.5 * (ts_k + t_air_k), p_pa > 0 ? p_pa : HL_P_ATM);
    double dt = fabs(ts_k - t_air_k), l = char_m;
    double ra = HL_G * a.beta * dt * l * l * l / (a.nu * a.alpha);
    int hot_up = (geometry == HL_GEOM_PLATE_UP) == (ts_k > t_air_k);
    double nu_n = natural_nusselt(geometry, ra, a.pr, hot_up);
    double nu = nu_n;
    *dlnh_dlndt = 0.3;
    if (wind_m_s > 0.0) {
        double nu_f = forced_nusselt(geometry, wind_m_s * l / a.nu, a.pr);
        nu = cbrt(nu_n * nu_n * nu_n + nu_f * nu_f * nu_f);
        *dlnh_dlndt = 0.3 * pow(nu_n / nu, 3.0);
    }
    return nu * a.k / l;
}

/* ---- radiation and the outer flux -------------------------------------- */

double h_radiation(double emissivity, double ts_k, double tr_k)
{
    return emissivity * HL_SIGMA * (ts_k * ts_k + tr_k * tr_k) * (ts_k + tr_k);
}

static double characteristic_size(const hl_outer_bc *bc, double d_m)
{
    double l = bc->length_m > 0.0 ? bc->length_m : 1.0;
    switch (bc->geometry) {
    case HL_GEOM_HORIZONTAL_CYLINDER:
    case HL_GEOM_SPHERE:
        return d_m;
    case HL_GEOM_VERTICAL_CYLINDER:
    case HL_GEOM_VERTICAL_WALL:
        return l;
    default:
        return l; /* plates: A/P */
    }
}

static double h_conv_of(const hl_outer_bc *bc, double ts_k, double d_m,
                        double *n)
{
    double l = characteristic_size(bc, d_m);
    switch (bc->set) {
    case HL_COEF_GB50264:
        return h_conv_gb50264(bc->geometry, ts_k, bc->air_k, bc->wind_m_s, l,
                              n);
    case HL_COEF_ASTM_C680:
        return h_conv_correlation(bc->geometry, ts_k, bc->air_k, bc->wind_m_s,
                                  l, bc->pressure_pa, n);
    default:
        return h_conv_iso12241(bc->geometry, ts_k, bc->air_k, bc->wind_m_s, l,
                               n);
    }
}

int hl_outer_coefficients(const hl_outer_bc *bc, double ts_k, double d_m,
                          double *h_conv, double *h_rad)
{
    double n;
    if (bc->h_total_fixed > 0.0) {
        *h_conv = bc->h_total_fixed;
        *h_rad = 0.0;
        return HL_OK;
    }
    *h_conv = bc->h_conv_fixed > 0.0 ? bc->h_conv_fixed
                                     : h_conv_of(bc, ts_k, d_m, &n);
    *h_rad = h_radiation(bc->emissivity, ts_k, bc->radiant_k);
    return HL_OK;
}

double outer_flux_terms(const hl_outer_bc *bc, double ts_k, double d_m,
                        double *slope, double *h_conv, double *h_rad)
{
    if (bc->h_total_fixed > 0.0) {
        *slope = *h_conv = bc->h_total_fixed;
        *h_rad = 0.0;
        return bc->h_total_fixed * (ts_k - bc->air_k);
    }
    double n = 0.0, hc = bc->h_conv_fixed;
    if (!(hc > 0.0))
        hc = h_conv_of(bc, ts_k, d_m, &n);
    double tr = bc->radiant_k, eps_sigma = bc->emissivity * HL_SIGMA;
    double ts2 = ts_k * ts_k;
    *h_conv = hc;
    *h_rad = h_radiation(bc->emissivity, ts_k, tr);
    *slope = (1.0 + n) * hc + 4.0 * eps_sigma * ts2 * ts_k;
    return hc * (ts_k - bc->air_k) +
           eps_sigma * (ts2 * ts2 - tr * tr * tr * tr);
}

void outer_prepare(const hl_outer_bc *bc, double d_m, outer_prep *o)
{
    double n;
    o->bc = bc;
    o->d = d_m;
    o->l = characteristic_size(bc, d_m);
    o->inv_l = 1.0 / o->l;
    o->l3 = o->l * o->l * o->l;
    o->air = bc->air_k;
    o->h = 0.0;
    double tr = bc->radiant_k;
    o->tr4 = tr * tr * tr * tr;
    o->eps_sigma = bc->emissivity * HL_SIGMA;
    o->eps_sigma4 = 4.0 * o->eps_sigma;
    int iso = bc->set != HL_COEF_ASTM_C680 && iso_has(bc->geometry);
    if (bc->h_total_fixed > 0.0) {
        o->form = OUTER_TOTAL_FIXED;
        o->h = bc->h_total_fixed;
    } else if (bc->h_conv_fixed > 0.0) {
        o->form = OUTER_H_CONST;
        o->h = bc->h_conv_fixed;
    } else if (iso && bc->wind_m_s > 0.0) { /* n = 0 in both sets */
        o->form = OUTER_H_CONST;
        o->h = h_conv_of(bc, bc->air_k, d_m, &n);
    } else {
        o->form = iso && bc->set == HL_COEF_ISO12241 ? OUTER_ISO_NATURAL
                                                     : OUTER_OTHER;
    }
}

double outer_prep_flux(const outer_prep *o, double ts_k, double *slope,
                       double *h_conv)
{
    if (o->form == OUTER_TOTAL_FIXED) {
        *slope = *h_conv = o->h;
        return o->h * (ts_k - o->air);
    }
    double n = 0.0, hc = o->h;
    if (o->form == OUTER_ISO_NATURAL) {
        double dt = fabs(ts_k - o->air);
        n = 0.25;
        hc = dt <= 0.0 ? 0.0
                       : iso_natural_at(o->bc->geometry, dt, dt * o->inv_l,
                                        o->l3, &n);
    } else if (o->form == OUTER_OTHER) {
        hc = h_conv_of(o->bc, ts_k, o->d, &n);
    }
    double ts2 = ts_k * ts_k;
    *h_conv = hc;
    *slope = (1.0 + n) * hc + o->eps_sigma4 * ts2 * ts_k;
    return hc * (ts_k - o->air) + o->eps_sigma * (ts2 * ts2 - o->tr4);
}

double outer_prep_h_rad(const outer_prep *o, double ts_k)
{
    if (o->form == OUTER_TOTAL_FIXED)
        return 0.0;
    return h_radiation(o->bc->emissivity, ts_k, o->bc->radiant_k);
}

double outer_flux_slope(const hl_outer_bc *bc, double ts_k, double d_m,
                        double *slope)
{
    double hc, hr;
    return outer_flux_terms(bc, ts_k, d_m, slope, &hc, &hr);
}

double hl_outer_flux(const hl_outer_bc *bc, double ts_k, double d_m)
{
    double slope;
    return outer_flux_slope(bc, ts_k, d_m, &slope);
}

int hl_coef_set_from_name(const char *name)
{
    static const char *names[] = {"iso12241", "astm-c680", "gb50264"};
    for (int i = 0; i < 3; i++)
        if (strcasecmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *hl_coef_set_name(int set)
{
    switch (set) {
    case HL_COEF_ASTM_C680:
        return "astm-c680";
    case HL_COEF_GB50264:
        return "gb50264";
    default:
        return "iso12241";
    }
}
