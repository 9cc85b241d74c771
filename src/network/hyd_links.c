/*
 * hyd_links.c - pressure loss of each kind of link as a function of its
 * mass flow, with the derivative Newton needs (docs/physics.md, "Network
 * solver"):
 * - pipes: Darcy-Weisbach dp = (f L/D + zeta) m|m| / (2 rho A^2), f from
 *   src/physics/friction.c (laminar law below Re 2000, so the slope stays
 *   positive at zero flow);
 * - pumps: head curve H(Q) as EPANET 2 builds it (one point: power curve
 *   with shutoff 4/3 of the design head; three points with shutoff: power
 *   curve h0 - r Q^n; otherwise piecewise linear), affinity laws for speed
 *   (H scales with s^2, Q with s), parallel identical pumps share the flow;
 * - valves: Kv (VDI/VDE 2173) or zeta on a diameter, dp = k m|m| / rho;
 * - heat-exchanger sides: dp = k m|m| from a pressure drop at design flow;
 * - pressure-driven consumers (EPANET 2.2's pressure-driven demand with
 *   P_min = 0, P_req = the minimum differential pressure, exponent 1/2):
 *   the fully open valve dp = dp_min (m / m_ask)^2 up to the flow asked,
 *   above it a steep linear barrier (the valve throttles to hold m_ask);
 *   reverse flow is stopped by the consumer's check (hydraulics.c).
 * A quadratic law has zero slope at zero flow; below the flow at which its
 * slope reaches LINK_GRAD_FLOOR the law is linear with that slope (the
 * role of EPANET's RQtol), keeping the Newton matrix positive definite.
 */
#include "network/hyd.h"
#include "physics/friction.h"
#include "physics/headloss_empirical.h"

#include <math.h>
#include <stdio.h>

#define LINK_GRAD_FLOOR 1e-3 /* Pa per kg/s */

/* Quadratic law dp = k m|m| with the linear floor near zero. */
static double quadratic(double k, double m, double *grad)
{
    double g = 2.0 * k * fabs(m);
    if (g < LINK_GRAD_FLOOR) { /* linear below m_f = FLOOR / (2k), with the
                                  value continuous at m_f */
        double mf = k > 0.0 ? LINK_GRAD_FLOOR / (2.0 * k) : 0.0;
        *grad = k > 0.0 ? k * mf : LINK_GRAD_FLOOR;
        return *grad * m;
    }
    *grad = g;
    return k * m * fabs(m);
}

/* Hazen-Williams or Chezy-Manning (EPANET's laws, on volume flow) plus the
 * minor loss: dp = rho g h(Q) + zeta m|m| / (2 rho A^2). The Reynolds
 * number and an equivalent Darcy f are kept for the results. */
static double empirical_loss(hl_model *m, int k, double mf, double *grad)
{
    int i = m->net->lk_sub[k];
    double rho = m->lk_rho[k], g = m->net->g, a = m->net->pp_area[i];
    double n =
        m->net->headloss == HEADLOSS_HAZEN ? HAZEN_EXPONENT : MANNING_EXPONENT;
    double dh, h = headloss_power(m->net->pp_law_r[i], n, mf / rho, &dh);
    double c = 1.0 / (2.0 * rho * a * a), am = fabs(mf);
    double zeta = m->net->pp_zeta[i], v = am / (rho * a);
    m->pp_re[i] = am * m->net->pp_d[i] / (a * m->lk_mu[k]);
    m->pp_f[i] = v > 0.0 ? 2.0 * g * fabs(h) * m->net->pp_d[i] /
                               (m->net->pp_len[i] * v * v)
                         : NAN;
    *grad = g * dh + 2.0 * zeta * c * am;
    if (*grad < LINK_GRAD_FLOOR) { /* EPANET's RQtol slope is far below the
                                      floor the solver's matrix needs */
        *grad = LINK_GRAD_FLOOR;
        return LINK_GRAD_FLOOR * mf;
    }
    return rho * g * h + zeta * c * mf * am;
}

double hyd_pipe_loss(hl_model *m, int k, double mf, double *grad)
{
    int i = m->net->lk_sub[k];
    if (m->net->headloss != HEADLOSS_DARCY)
        return empirical_loss(m, k, mf, grad);
    double rho = m->lk_rho[k], mu = m->lk_mu[k];
    double d = m->net->pp_d[i], a = m->net->pp_area[i],
           ld = m->net->pp_len[i] / d;
    double c = 1.0 / (2.0 * rho * a * a), am = fabs(mf);
    double re = am * d / (a * mu);
    double zeta = m->net->pp_zeta[i];
    if (re <= FRICTION_RE_LAMINAR) { /* f = 64/Re: linear in m */
        double lam = 32.0 * mu * m->net->pp_len[i] / (rho * a * d * d);
        *grad = lam + 2.0 * zeta * c * am;
        m->pp_re[i] = re;
        m->pp_f[i] = re > 0.0 ? 64.0 / re : INFINITY;
        return lam * mf + zeta * c * mf * am;
    }
    double dfdre;
    double f = friction_factor(m->net->friction, re, m->net->pp_eps[i], &dfdre,
                               &m->pp_xcf[i]);
    m->pp_re[i] = re;
    m->pp_f[i] = f;
    *grad = c * ((f * ld + zeta) * 2.0 * am + ld * dfdre * re * am);
    return (f * ld + zeta) * c * mf * am;
}

void hyd_pipe_coeffs(hl_model *m, struct net_hyd *h)
{
    for (int i = 0; i < m->net->n_pipes; i++) {
        int k = m->net->pp_link[i];
        double rho = m->lk_rho[k], mu = m->lk_mu[k];
        double d = m->net->pp_d[i], a = m->net->pp_area[i];
        double c = 1.0 / (2.0 * rho * a * a);
        h->pc[i].re_per_m = d / (a * mu);
        h->pc[i].k_fric = m->net->pp_len[i] / d * c;
        h->pc[i].k_minor = m->net->pp_zeta[i] * c;
        h->pc[i].k_laminar = 32.0 * mu * m->net->pp_len[i] / (rho * a * d * d);
        h->pc[i].m_at = NAN; /* nothing evaluated at these properties */
    }
}

double hyd_pipe_loss_at(hl_model *m, const hyd_pipe_coef *pc, int k, double mf,
                        double *grad)
{
    int i = m->net->lk_sub[k];
    const hyd_pipe_coef *c = pc + i;
    double am = fabs(mf), re = am * c->re_per_m;
    m->pp_re[i] = re;
    if (re <= FRICTION_RE_LAMINAR) { /* f = 64/Re: linear in m */
        *grad = c->k_laminar + 2.0 * c->k_minor * am;
        m->pp_f[i] = re > 0.0 ? 64.0 / re : INFINITY;
        return c->k_laminar * mf + c->k_minor * mf * am;
    }
    double dfdre;
    double f = friction_factor(m->net->friction, re, m->net->pp_eps[i], &dfdre,
                               &m->pp_xcf[i]);
    m->pp_f[i] = f;
    double r = f * c->k_fric + c->k_minor;
    *grad = (2.0 * r + c->k_fric * dfdre * re) * am;
    return r * mf * am;
}

/* ---- pumps ------------------------------------------------------------------
 */

/* EPANET 2 powerfuncpump: H = a - b Q^c through (0,h0), (q1,h1), (q2,h2). */
static int power_fit(double h0, double h1, double h2, double q1, double q2,
                     double *r, double *n)
{
    const double tiny = 1e-6;
    if (h0 < tiny || h0 - h1 < tiny || h1 - h2 < tiny || q1 < tiny * 1e-3 ||
        q2 - q1 < tiny * 1e-3)
        return 0;
    *n = log((h0 - h2) / (h0 - h1)) / log(q2 / q1);
    if (*n <= 0.0 || *n > 20.0)
        return 0;
    *r = (h0 - h1) / pow(q1, *n);
    return 1;
}

int pump_fit_curve(hl_model *m, int i, const net_pump_spec *s, const char *id)
{
    const double *q = s->q_m3_s, *h = s->h_m;
    double h0 = 0, h1 = 0, h2 = 0, q1 = 0, q2 = 0;
    int np = s->n_points;
    if (np == 1) { /* EPANET: shutoff 1.33334 h, zero head at 2 q */
        h0 = 1.33334 * h[0];
        h1 = h[0];
        q1 = q[0];
        q2 = 2.0 * q[0];
    } else if (np == 3 && q[0] == 0.0) {
        h0 = h[0];
        h1 = h[1];
        h2 = h[2];
        q1 = q[1];
        q2 = q[2];
    } else {
        for (int j = 1; j < np; j++)
            if (!(h[j] < h[j - 1]) || !(q[j] > q[j - 1]))
                goto bad_curve;
        m->def->pu_curve[i] = PUMP_TABLE;
        return HL_OK;
    }
    if (!power_fit(h0, h1, h2, q1, q2, &m->def->pu_r[i], &m->def->pu_n[i]))
        goto bad_curve;
    m->def->pu_curve[i] = PUMP_POWER;
    m->def->pu_h0[i] = h0;
    return HL_OK;
bad_curve : {
    char pos[300];
    net_where(m, s->where, pos, sizeof pos);
    return net_fail(m, HL_ERANGE,
                    "%s: pump '%s': head curve must fall as the flow rises "
                    "(and a 3-point curve start at zero flow)",
                    pos, id);
}
}

/* Head rise H (m) at volume flow qv (m3/s) of one pump at speed s, and
 * dH/dQ. Negative qv extends the curve as an odd function of flow. */
static double pump_head(const hl_model *m, int i, double qv, double *dh)
{
    double s = m->pu_speed[i], aq = fabs(qv);
    if (m->net->pu_curve[i] == PUMP_POWER) {
        double n = m->net->pu_n[i], r = m->net->pu_r[i] * pow(s, 2.0 - n);
        double g = n * r * pow(aq, n - 1.0);
        *dh = -g;
        double sign = qv < 0.0 ? -1.0 : 1.0;
        return s * s * m->net->pu_h0[i] - r * pow(aq, n) * sign;
    }
    const double *x = m->net->pu_q + i * NET_MAX_CURVE;
    const double *y = m->net->pu_h + i * NET_MAX_CURVE;
    int np = m->net->pu_npts[i], k2 = 0;
    double qs = qv / s;
    while (k2 < np && x[k2] < qs)
        k2++;
    if (k2 == 0)
        k2 = 1;
    else if (k2 == np)
        k2 = np - 1;
    double slope = (y[k2] - y[k2 - 1]) / (x[k2] - x[k2 - 1]);
    double h0 = y[k2 - 1] - slope * x[k2 - 1];
    *dh = slope * s;
    return h0 * s * s + slope * s * qv;
}

static double pump_loss(hl_model *m, int k, double mf, double *grad)
{
    int i = m->net->lk_sub[k];
    double rho = m->lk_rho[k], par = m->net->pu_parallel[i];
    double dh;
    double h = pump_head(m, i, mf / (rho * par), &dh);
    double g = -m->net->g * dh / par; /* d(-rho g H)/dm */
    if (g < LINK_GRAD_FLOOR) {
        /* flat curve near shutoff: linear through the shutoff head */
        double h0 = pump_head(m, i, 0.0, &dh);
        *grad = LINK_GRAD_FLOOR;
        return -rho * m->net->g * h0 + LINK_GRAD_FLOOR * mf;
    }
    *grad = g;
    return -rho * m->net->g * h;
}

double hyd_pump_shutoff(const hl_model *m, int i, double rho)
{
    double dh;
    if (m->net->pu_curve[i] == PUMP_FIXED)
        return m->net->lk_rise[m->net->pu_link[i]];
    return rho * m->net->g * pump_head(m, i, 0.0, &dh);
}

double hyd_pump_max_flow(const hl_model *m, int i)
{
    if (m->net->pu_curve[i] == PUMP_POWER)
        return pow(m->net->pu_h0[i] / m->net->pu_r[i], 1.0 / m->net->pu_n[i]) *
               m->pu_speed[i] * m->net->pu_parallel[i];
    if (m->net->pu_curve[i] == PUMP_TABLE)
        return m->net->pu_q[i * NET_MAX_CURVE + m->net->pu_npts[i] - 1] *
               m->pu_speed[i] * m->net->pu_parallel[i];
    return INFINITY;
}

/* Volume flow (m3/s) at the pump's design point, for a cold start. */
double hyd_pump_design_flow(const hl_model *m, int i)
{
    int np = m->net->pu_npts[i];
    double q = np == 1 ? m->net->pu_q[i * NET_MAX_CURVE]
                       : m->net->pu_q[i * NET_MAX_CURVE + np / 2];
    return q * m->pu_speed[i] * m->net->pu_parallel[i];
}

/* Pressure-driven consumer: slope of the barrier above the flow asked,
 * relative to the open law's slope there (2 dp_min / m_ask). With it a
 * consumer given dp_min + x holds m_ask (1 + x / dp_min * 5e-11): far
 * below the flow tolerance. */
#define CONSUMER_BARRIER 1e10
/* A consumer asking for no flow, or a minimum differential pressure of
 * 0 (any positive pressure satisfies it), uses these floors. */
#define CONSUMER_MIN_DP_PA 1.0
#define CONSUMER_MIN_ASK   1e-9 /* kg/s */
#define CONSUMER_SHUT_GRAD 1e15 /* Pa per kg/s: asks nothing, gets ~0 */
/* A consumer's law holds at the solution to this share of its minimum
 * differential pressure (5 Pa at 0.5 bar): in the open range that is a
 * flow within 1e-4 / 2 of the asked flow; Newton's last step leaves far
 * less. */
#define CONSUMER_SETTLED 1e-4

static double consumer_ask(const hl_model *m, int k, double *dpm)
{
    *dpm = fmax(m->limits.min_consumer_dp_pa, CONSUMER_MIN_DP_PA);
    return net_consumer_flow(m, m->net->lk_sub[k]);
}

static double consumer_loss(hl_model *m, int k, double mf, double *grad);

double hyd_consumer_linearise(hl_model *m, int k, double dp, double *grad)
{
    double dpm, ask = consumer_ask(m, k, &dpm);
    if (ask > CONSUMER_MIN_ASK) {
        if (dp >= dpm && m->lk_m[k] <= ask) { /* the valve controls */
            m->lk_m[k] = ask;
            *grad = CONSUMER_BARRIER * 2.0 * dpm / ask;
            return dpm;
        }
        if (dp < dpm && m->lk_m[k] > ask) /* fully open */
            m->lk_m[k] = ask;
    }
    return consumer_loss(m, k, m->lk_m[k], grad);
}

int hyd_consumer_settled(hl_model *m, int k, double dp)
{
    double dpm, grad;
    consumer_ask(m, k, &dpm);
    double loss = consumer_loss(m, k, m->lk_m[k], &grad);
    return fabs(loss - dp) <= fmax(CONSUMER_SETTLED * dpm, 1.0);
}

static double consumer_loss(hl_model *m, int k, double mf, double *grad)
{
    double dpm, ask = consumer_ask(m, k, &dpm);
    if (!(ask > CONSUMER_MIN_ASK)) {
        *grad = CONSUMER_SHUT_GRAD;
        return CONSUMER_SHUT_GRAD * mf;
    }
    if (mf <= ask)
        return quadratic(dpm / (ask * ask), mf, grad);
    *grad = CONSUMER_BARRIER * 2.0 * dpm / ask;
    return dpm + *grad * (mf - ask);
}

double hyd_link_loss(hl_model *m, int k, double mf, double *grad)
{
    int i = m->net->lk_sub[k];
    switch (m->net->lk_kind[k]) {
    case LK_PIPE:
        return hyd_pipe_loss(m, k, mf, grad);
    case LK_PUMP:
        return pump_loss(m, k, mf, grad);
    case LK_VALVE:
        return quadratic(m->net->va_kvol[i] / m->lk_rho[k], mf, grad);
    case LK_HX_PRIMARY:
        return quadratic(m->net->hx_kp[i], mf, grad);
    case LK_HX_SECONDARY:
        return quadratic(m->net->hx_ks[i], mf, grad);
    case LK_CONSUMER:
        return consumer_loss(m, k, mf, grad);
    default:
        *grad = LINK_GRAD_FLOOR;
        return 0.0;
    }
}
