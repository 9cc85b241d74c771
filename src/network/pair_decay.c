/*
 * pair_decay.c - exact outlet temperatures of one pipe, and of two pipes
 * coupled through the soil, with constant surroundings and constant heat
 * capacity flows (docs/physics.md, "Thermal"):
 *
 * single:  C dT/dx = -(T - T0) / r11  ->  T_out = T0 + (T_in - T0) e^(-L/(C
 * r11)) (exact, approaches T0 without crossing it). pair:    (T1 - T0, T2 - T0)
 * = R (q1, q2), so q = G theta with G = R^-1; s_i C_i dtheta_i/dx = -(G
 * theta)_i with s_i = +1 along x, -1 against it: dtheta/dx = M theta, M =
 * -diag(s_i / C_i) G. M has real eigenvalues (it is similar to a symmetric
 * matrix for co-current flow and has det < 0 for counter-current flow). The
 *          solution a v1 e^(l1 (x - x1)) + b v2 e^(l2 (x - x2)) with each
 *          exponential anchored where it is largest stays finite for any
 *          length and flow, and the two inlet conditions fix a and b.
 */
#include "network/thermal.h"

#include <math.h>

double decay_single(double theta_in, double len, double c, double r11)
{
    if (!(r11 < INFINITY))
        return theta_in;
    if (!(c > 0.0))
        return 0.0;
    return theta_in * exp(-len / (c * r11));
}

/* Eigenvector of the 2x2 matrix a for eigenvalue l. */
static void eigvec(double a[2][2], double l, double v[2])
{
    double x1 = a[0][1], y1 = l - a[0][0]; /* row 1: (a11-l) v1 + a12 v2 = 0 */
    double x2 = l - a[1][1], y2 = a[1][0]; /* row 2 */
    if (fabs(x1) + fabs(y1) >= fabs(x2) + fabs(y2)) {
        v[0] = x1;
        v[1] = y1;
    } else {
        v[0] = x2;
        v[1] = y2;
    }
}

/* Pipe 1 enters at x = 0 and flows along x; pipe 2 flows along x (same =
 * 1) or against it (same = 0), entering at x = 0 or x = len. Returns the
 * outlet excess temperatures. */
int decay_pair(const pair_input *in, double *theta1_out, double *theta2_out)
{
    double det = in->r11 * in->r22 - in->r12 * in->r12;
    if (!(det > 0.0) || !(in->c1 > 0.0) || !(in->c2 > 0.0))
        return -1;
    double g11 = in->r22 / det, g22 = in->r11 / det, g12 = -in->r12 / det;
    double s2 = in->same ? 1.0 : -1.0;
    double a[2][2] = {{-g11 / in->c1, -g12 / in->c1},
                      {-s2 * g12 / in->c2, -s2 * g22 / in->c2}};
    double tr = a[0][0] + a[1][1];
    double dt = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    double disc = tr * tr / 4.0 - dt;
    if (!(disc > 0.0))
        return -1; /* equal eigenvalues: only without coupling */
    double sq = sqrt(disc), l1 = tr / 2.0 + sq, l2 = tr / 2.0 - sq;
    double v1[2], v2[2];
    eigvec(a, l1, v1);
    eigvec(a, l2, v2);
    double len = in->len;
    /* anchor each mode where it is largest: l > 0 at x = len, l < 0 at 0 */
    /* one end of each mode is its anchor (factor 1), the other e^-|l| len */
    double d1 = exp(-fabs(l1) * len), d2 = exp(-fabs(l2) * len);
    double e1_0 = l1 > 0.0 ? d1 : 1.0, e1_l = l1 > 0.0 ? 1.0 : d1;
    double e2_0 = l2 > 0.0 ? d2 : 1.0, e2_l = l2 > 0.0 ? 1.0 : d2;
    /* conditions: theta1(0) = t1, theta2(x_in2) = t2 */
    double e1_in2 = in->same ? e1_0 : e1_l, e2_in2 = in->same ? e2_0 : e2_l;
    double m11 = v1[0] * e1_0, m12 = v2[0] * e2_0;
    double m21 = v1[1] * e1_in2, m22 = v2[1] * e2_in2;
    double d = m11 * m22 - m12 * m21;
    if (!(fabs(d) > 0.0))
        return -1;
    double ca = (in->theta1_in * m22 - m12 * in->theta2_in) / d;
    double cb = (m11 * in->theta2_in - m21 * in->theta1_in) / d;
    *theta1_out = ca * v1[0] * e1_l + cb * v2[0] * e2_l;
    double e1_out2 = in->same ? e1_l : e1_0, e2_out2 = in->same ? e2_l : e2_0;
    *theta2_out = ca * v1[1] * e1_out2 + cb * v2[1] * e2_out2;
    return 0;
}
