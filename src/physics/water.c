/*
 * water.c - liquid water properties for the network engine.
 *
 * Sources (coefficients typed from the release tables named at each one;
 * full references and validity ranges in docs/physics.md, "Water"):
 * - IAPWS R7-97(2012), Revised Release on the IAPWS Industrial Formulation
 *   1997 (IF97): region 1, equation (7), Table 2 (coefficients), Table 3
 *   (property relations); region 4, equation (30), Table 34.
 * - IAPWS R12-08, Release on the IAPWS Formulation 2008 for the Viscosity
 *   of Ordinary Water Substance: equations (10)-(12), Tables 1 and 2.
 * - IAPWS R15-11, Release on the IAPWS Formulation 2011 for the Thermal
 *   Conductivity of Ordinary Water Substance: equations (10), (16)-(25),
 *   Tables 1, 2 and 6 (industrial formulation, section 3).
 */
#include "water.h"

#include <math.h>

#define IF97_R  461.526   /* J/(kg K), IF97 equation (1) */
#define IF97_P1 16.53e6   /* p*, region 1 reducing pressure, Pa */
#define IF97_T1 1386.0    /* T*, region 1 reducing temperature, K */
#define R95     461.51805 /* J/(kg K), IAPWS-95 gas constant (R15-11) */

/* IF97 Table 2: I_i, J_i, n_i of region 1 (34 terms). */
static const int r1_i[34] = {0, 0, 0, 0, 0,  0,  0,  0,  1,  1, 1, 1,
                             1, 1, 2, 2, 2,  2,  2,  3,  3,  3, 4, 4,
                             4, 5, 8, 8, 21, 23, 29, 30, 31, 32};
static const int r1_j[34] = {
    -2, -1, 0,  1, 2, 3,  4,  5,  -9, -7,  -1, 0,   1,   3,   -3,  0,   1,
    3,  17, -4, 0, 6, -5, -2, 10, -8, -11, -6, -29, -31, -38, -39, -40, -41};
static const double r1_n[34] = {
    0.14632971213167,      -0.84548187169114,     -0.37563603672040e1,
    0.33855169168385e1,    -0.95791963387872,     0.15772038513228,
    -0.16616417199501e-1,  0.81214629983568e-3,   0.28319080123804e-3,
    -0.60706301565874e-3,  -0.18990068218419e-1,  -0.32529748770505e-1,
    -0.21841717175414e-1,  -0.52838357969930e-4,  -0.47184321073267e-3,
    -0.30001780793026e-3,  0.47661393906987e-4,   -0.44141845330846e-5,
    -0.72694996297594e-15, -0.31679644845054e-4,  -0.28270797985312e-5,
    -0.85205128120103e-9,  -0.22425281908000e-5,  -0.65171222895601e-6,
    -0.14341729937924e-12, -0.40516996860117e-6,  -0.12734301741641e-8,
    -0.17424871230634e-9,  -0.68762131295531e-18, 0.14478307828521e-19,
    0.26335781662795e-22,  -0.11947622640071e-22, 0.18228094581404e-23,
    -0.93537087292458e-25};

#define PI_MAX 32 /* largest I */
#define TAU_LO 43 /* -(smallest J - 2) */
#define TAU_HI 17 /* largest J */

/* Derivatives of the dimensionless Gibbs energy, IF97 Table 4. */
typedef struct gibbs {
    double gp, gpp, gt, gtt, gpt;
} gibbs;

static void gibbs_region1(double pi, double tau, gibbs *g)
{
    double a = 7.1 - pi, b = tau - 1.222;
    double pa[PI_MAX + 1], pb[TAU_LO + TAU_HI + 1];
    pa[0] = 1.0;
    for (int k = 1; k <= PI_MAX; k++)
        pa[k] = pa[k - 1] * a;
    pb[TAU_LO] = 1.0;
    for (int k = 1; k <= TAU_HI; k++)
        pb[TAU_LO + k] = pb[TAU_LO + k - 1] * b;
    for (int k = 1; k <= TAU_LO; k++)
        pb[TAU_LO - k] = pb[TAU_LO - k + 1] / b;
    *g = (gibbs){0};
    for (int k = 0; k < 34; k++) {
        int i = r1_i[k], j = r1_j[k];
        double n = r1_n[k];
        double ai1 = i >= 1 ? pa[i - 1] : 0.0, ai2 = i >= 2 ? pa[i - 2] : 0.0;
        double bj = pb[TAU_LO + j], bj1 = pb[TAU_LO + j - 1];
        g->gp -= n * i * ai1 * bj;
        g->gpp += n * i * (i - 1) * ai2 * bj;
        g->gt += n * pa[i] * j * bj1;
        g->gtt += n * pa[i] * j * (j - 1) * pb[TAU_LO + j - 2];
        g->gpt -= n * i * ai1 * j * bj1;
    }
}

void water_region1(double t_k, double p_pa, water_state *out)
{
    double pi = p_pa / IF97_P1, tau = IF97_T1 / t_k;
    gibbs g;
    gibbs_region1(pi, tau, &g);
    double rt = IF97_R * t_k;
    double x = g.gp - tau * g.gpt;
    out->v = pi * g.gp * rt / p_pa; /* IF97 Table 3 relations */
    out->rho = 1.0 / out->v;
    out->h = tau * g.gt * rt;
    out->cp = -tau * tau * g.gtt * IF97_R;
    out->cv = IF97_R * (-tau * tau * g.gtt + x * x / g.gpp);
    out->w = sqrt(rt * g.gp * g.gp / (x * x / (tau * tau * g.gtt) - g.gpp));
    out->alpha_v = (1.0 - tau * g.gpt / g.gp) / t_k;
    out->kappa_t = -pi * g.gpp / g.gp / p_pa;
}

/* IF97 Table 34: coefficients n1..n10 of the saturation equation. */
static const double r4_n[11] = {0.0,
                                0.11670521452767e4,
                                -0.72421316703206e6,
                                -0.17073846940092e2,
                                0.12020824702470e5,
                                -0.32325550322333e7,
                                0.14915108613530e2,
                                -0.48232657361591e4,
                                0.40511340542057e6,
                                -0.23855557567849,
                                0.65017534844798e3};

double water_psat(double t_k)
{
    if (!(t_k >= WATER_T_MIN_K && t_k <= WATER_TC_K))
        return NAN;
    const double *n = r4_n;
    double th = t_k + n[9] / (t_k - n[10]); /* IF97 equation (29b) */
    double a = th * th + n[1] * th + n[2];
    double b = n[3] * th * th + n[4] * th + n[5];
    double c = n[6] * th * th + n[7] * th + n[8];
    double r = 2.0 * c / (-b + sqrt(b * b - 4.0 * a * c));
    return r * r * r * r * 1e6; /* equation (30), MPa -> Pa */
}

int water_in_region1(double t_k, double p_pa)
{
    if (!(t_k >= WATER_T_MIN_K && t_k <= WATER_T_MAX_K))
        return 0;
    return p_pa >= water_psat(t_k) && p_pa <= WATER_P_MAX_PA;
}

/* ---- the series forms of the transport properties ---------------------
 */

/* sum_k c[k] / tr^k, k = 0..n-1 (the dilute-gas terms, equations (11)
 * and (16)). */
static double inverse_series(const double *c, int n, double tr)
{
    double s = 0.0, tri = 1.0;
    for (int k = 0; k < n; k++) {
        s += c[k] / tri;
        tri *= tr;
    }
    return s;
}

/* sum_i sum_j c[i nj + j] x^i y^j (the residual terms, equations (12)
 * and (17)). */
static double double_series(const double *c, int ni, int nj, double x, double y)
{
    double sum = 0.0, xi = 1.0;
    for (int i = 0; i < ni; i++) {
        double row = 0.0, yj = 1.0;
        for (int j = 0; j < nj; j++) {
            row += c[i * nj + j] * yj;
            yj *= y;
        }
        sum += xi * row;
        xi *= x;
    }
    return sum;
}

/* ---- viscosity, IAPWS R12-08 ------------------------------------------- */

/* Table 1: H_i of mu0, equation (11). */
static const double mu0_h[4] = {1.67752, 2.20462, 0.6366564, -0.241605};

/* Table 2: H_ij of mu1, equation (12); i = 0..5 (rows), j = 0..6. */
static const double mu1_h[6][7] = {
    {0.520094, 0.222531, -0.281378, 0.161913, -0.0325372, 0.0, 0.0},
    {0.0850895, 0.999115, -0.906851, 0.257399, 0.0, 0.0, 0.0},
    {-1.08374, 1.88797, -0.772479, 0.0, 0.0, 0.0, 0.0},
    {-0.289555, 1.26613, -0.489837, 0.0, 0.0698452, 0.0, -0.00435673},
    {0.0, 0.0, -0.257040, 0.0, 0.0, 0.00872102, 0.0},
    {0.0, 0.120573, 0.0, 0.0, 0.0, 0.0, -0.000593264}};

double water_viscosity(double t_k, double rho)
{
    double tr = t_k / WATER_TC_K, d = rho / WATER_RHOC;
    double mu0 = 100.0 * sqrt(tr) / inverse_series(mu0_h, 4, tr); /* (11) */
    double mu1 = exp(d * double_series(&mu1_h[0][0], 6, 7, 1.0 / tr - 1.0,
                                       d - 1.0)); /* equation (12) */
    return mu0 * mu1 * 1e-6; /* equation (10), mu2 = 1; uPa s -> Pa s */
}

/* ---- thermal conductivity, IAPWS R15-11 ------------------------------- */

/* Table 1: L_k of lambda0, equation (16). */
static const double lam0_l[5] = {2.443221e-3, 1.323095e-2, 6.770357e-3,
                                 -3.454586e-3, 4.096266e-4};

/* Table 2: L_ij of lambda1, equation (17); i = 0..4, j = 0..5. */
static const double lam1_l[5][6] = {
    {1.60397357, -0.646013523, 0.111443906, 0.102997357, -0.0504123634,
     0.00609859258},
    {2.33771842, -2.78843778, 1.53616167, -0.463045512, 0.0832827019,
     -0.00719201245},
    {2.19650529, -4.54580785, 3.55777244, -1.40944978, 0.275418278,
     -0.0205938816},
    {-1.21051378, 1.60812989, -0.621178141, 0.0716373224, 0.0, 0.0},
    {-2.7203370, 4.57586331, -3.18369245, 1.1168348, -0.19268305, 0.012913842}};

double water_conductivity_background(double t_k, double rho)
{
    double tr = t_k / WATER_TC_K, d = rho / WATER_RHOC;
    double lam0 = sqrt(tr) / inverse_series(lam0_l, 5, tr); /* (16) */
    double lam1 =
        exp(d * double_series(&lam1_l[0][0], 5, 6, 1.0 / tr - 1.0, d - 1.0));
    return lam0 * lam1 * 1e-3; /* mW/(m K) -> W/(m K) */
}

/* Table 6: a_ij of zeta at the reference temperature, equation (25), by
 * reduced density range (upper bounds in lam_zeta_d). */
static const double lam_zeta_d[4] = {0.310559006, 0.776397516, 1.242236025,
                                     1.863354037};
static const double lam_zeta_a[5][6] = {
    {6.53786807199516, -5.61149954923348, 3.39624167361325, -2.27492629730878,
     10.2631854662709, 1.97815050331519},
    {6.52717759281799, -6.30816983387575, 8.08379285492595, -9.82240510197603,
     12.1358413791395, -5.54349664571295},
    {5.35500529896124, -3.96415689925446, 8.91990208918795, -12.0338729505790,
     9.19494865194302, -2.16866274479712},
    {1.55225959906681, 0.464621290821181, 8.93237374861479, -11.0321960061126,
     6.16780999933360, -0.965458722086812},
    {1.11999926419994, 0.595748562571649, 9.88952565078920, -10.3255051147040,
     4.66861294457414, -0.503243546373828}};

/* Reduced (d rho / d p)_T at T_R = 1.5 Tc, equation (25). */
static double zeta_reference(double d)
{
    int row = 0;
    while (row < 4 && d > lam_zeta_d[row])
        row++;
    double s = 0.0, di = 1.0;
    for (int i = 0; i < 6; i++) {
        s += lam_zeta_a[row][i] * di;
        di *= d;
    }
    return 1.0 / s;
}

/* Critical enhancement lambda2, equations (18)-(24), mW/(m K). */
static double lambda2(double t_k, const water_state *st, double mu_pa_s)
{
    double tr = t_k / WATER_TC_K, d = st->rho / WATER_RHOC;
    double zeta = WATER_PC_PA / WATER_RHOC * st->rho * st->kappa_t;
    double dchi = d * (zeta - zeta_reference(d) * 1.5 / tr); /* eq. (21) */
    if (dchi <= 0.0)
        return 0.0;
    double xi = 0.13 * pow(dchi / 0.06, 0.63 / 1.239); /* eq. (22), nm */
    double y = xi / 0.4;                               /* eq. (20) */
    if (y < 1.2e-7)
        return 0.0;
    double kappa = st->cp / st->cv;
    double z = 2.0 / (M_PI * y) *
               (((1.0 - 1.0 / kappa) * atan(y) + y / kappa) -
                (1.0 - exp(-1.0 / (1.0 / y + y * y / (3.0 * d * d)))));
    return 177.8514 * d * (st->cp / R95) * tr / (mu_pa_s * 1e6) * z;
}

double water_conductivity(double t_k, const water_state *st)
{
    double mu = water_viscosity(t_k, st->rho);
    return water_conductivity_background(t_k, st->rho) +
           lambda2(t_k, st, mu) * 1e-3;
}
