/*
 * moc_cluster.c - the boundary solve of one step: the nodes of a cluster
 * (nodes joined by devices) and the flows of its devices, from the pipe
 * ends' characteristics (inflow = sc - sb p at each node).
 *
 * A lone node (a junction of any degree, or a dead end) has the closed
 * form p = (sc - demand) / sb. A cluster with devices is solved by Newton
 * on its node pressures and device flows (a dense system of a few
 * unknowns), with status passes: a check valve or pump that would pass
 * reverse flow closes, a closed one reopens when the pressure difference
 * (plus the pump's shut-off head) drives forward flow; a node whose
 * pressure would fall below vapour pressure holds it and opens a cavity
 * (DVCM), whose volume follows the flows; in the step where the volume
 * reaches zero the node still holds vapour pressure and the cavity is
 * gone from the next step (the reference DVCM of the shared case (ii)
 * does the same: its cavity at the valve closes one step later than an
 * immediate liquid solution would).
 */
#include "surge/moc.h"

#include <math.h>
#include <string.h>

#define NEWTON_MAX 60
#define STATUS_MAX 8
#define M_TINY     1e-9 /* kg/s: a reverse flow this small is no flow */

/* Pump head (m) of device d at mass flow m and relative speed a, and
 * dH/dm. */
static double pump_head(const surge_net *s, int d, double m, double a,
                        double *dh_dm)
{
    double rho = s->dv_rho[d], par = s->dv_par[d], n = s->dv_n[d];
    double q = m / (rho * par), aq = fabs(q);
    double as = a > 1e-3 ? a : 1e-3;
    double r = s->dv_r[d] * pow(as, 2.0 - n);
    *dh_dm = -n * r * (aq > 0.0 ? pow(aq, n - 1.0) : 0.0) / (rho * par);
    return a * a * s->dv_h0[d] - r * pow(aq, n) * (q < 0.0 ? -1.0 : 1.0);
}

/* A device hanging at one node (air vessel, relief valve): its flow
 * leaves the node and goes nowhere in the network. */
static int at_node(const surge_net *s, int d)
{
    return s->dv_kind[d] == DEV_AIR || s->dv_kind[d] == DEV_RELIEF ||
           s->dv_kind[d] == DEV_TANK;
}

/* Driving pressure of device d from -> to, without the device (Pa). */
static double drive(const surge_net *s, int d, const double *p_of_node)
{
    int u = s->dv_from[d], v = s->dv_to[d];
    if (s->dv_kind[d] == DEV_RELIEF)
        return p_of_node[u] - s->dv_rise[d];
    return p_of_node[u] - p_of_node[v] +
           s->dv_rho[d] * s->g * (s->nd_z[u] - s->nd_z[v]);
}

typedef struct cl_ctx {
    surge_net *s;
    int c, nn, nd; /* cluster, its node and device counts */
    const int *node, *dev;
    double t;
    double *p;     /* pressures by network node index (s->nd_p) */
    double *tau;   /* opening of each cluster device */
    double *speed; /* pump speed of each cluster device */
} cl_ctx;

static int local_index(const cl_ctx *x, int node)
{
    for (int i = 0; i < x->nn; i++)
        if (x->node[i] == node)
            return i;
    return -1;
}

/* Residual of node i (local) and its Jacobian row. */
static double node_row(const cl_ctx *x, int i, double *row)
{
    const surge_net *s = x->s;
    int k = x->node[i];
    double p = s->nd_p[k];
    if (isfinite(s->nd_fixed_p[k])) {
        row[i] = 1.0;
        return p - s->nd_fixed_p[k];
    }
    if (s->nd_cav_on[k]) {
        row[i] = 1.0;
        return p - s->nd_pv[k];
    }
    double r = s->nd_sc[k] - s->nd_sb[k] * p - s->nd_demand[k];
    row[i] = -s->nd_sb[k];
    for (int j = 0; j < x->nd; j++) {
        int d = x->dev[j];
        if (s->dv_to[d] == k && !at_node(s, d)) {
            r += s->dv_m[d];
            row[x->nn + j] += 1.0;
        }
        if (s->dv_from[d] == k) {
            r -= s->dv_m[d];
            row[x->nn + j] -= 1.0;
        }
    }
    return r;
}

/* Gas volume of air vessel d after this step's inflow m (kg/s), by the
 * trapezoidal rule on the flow. */
static double gas_volume(const surge_net *s, int d, double m)
{
    double v =
        s->dv_gas_v[d] - s->dt * 0.5 * (m + s->dv_m_old[d]) / s->dv_rho[d];
    return v > 1e-9 * s->dv_gas_v[d] ? v : 1e-9 * s->dv_gas_v[d];
}

/* Air vessel (Wylie and Streeter 1993, section 12.4): the node pressure
 * less the throttle's loss equals the gas pressure C / V^n (absolute). */
static double air_row(const cl_ctx *x, int j, double *row)
{
    const surge_net *s = x->s;
    int d = x->dev[j], iu = local_index(x, s->dv_from[d]);
    double m = s->dv_m[d], v = gas_volume(s, d, m), n = s->dv_gas_n[d];
    double pg = s->dv_gas_c[d] * pow(v, -n) - s->p_atm;
    double dpg_dm =
        n * s->dv_gas_c[d] * pow(v, -n - 1.0) * s->dt * 0.5 / s->dv_rho[d];
    double k = m >= 0.0 ? s->dv_k[d] : s->dv_k_out[d];
    row[iu] = 1.0;
    row[x->nn + j] = -dpg_dm - 2.0 * k * fabs(m);
    return s->nd_p[s->dv_from[d]] - pg - k * m * fabs(m);
}

/* Residual of device j (local) and its Jacobian row. */
static double dev_row(const cl_ctx *x, int j, double *row)
{
    const surge_net *s = x->s;
    int d = x->dev[j], iu = local_index(x, s->dv_from[d]),
        iv = local_index(x, s->dv_to[d]);
    double m = s->dv_m[d], dr = drive(s, d, s->nd_p), tau = x->tau[j];
    int kind = s->dv_kind[d];
    if (kind == DEV_FIXED_FLOW) {
        row[x->nn + j] = 1.0;
        return m - s->dv_mfix[d];
    }
    if (!s->dv_open[d] || tau <= 0.0) {
        row[x->nn + j] = 1.0;
        return m;
    }
    if (kind == DEV_AIR)
        return air_row(x, j, row);
    if (kind == DEV_TANK) {
        double dres;
        double res = surge_tank_residual(s, d, m, &dres);
        row[iu] = 1.0;
        row[x->nn + j] = dres;
        return res;
    }
    if (kind == DEV_RELIEF) { /* open: p - p_set = k m|m| */
        row[iu] = 1.0;
        row[x->nn + j] = -2.0 * s->dv_k[d] * fabs(m);
        return dr - s->dv_k[d] * m * fabs(m);
    }
    if (kind == DEV_RIGID) {
        row[iu] = 1.0;
        row[iv] = -1.0;
        return dr + s->dv_rise[d];
    }
    if (kind == DEV_PUMP && surge_is_p4q(s, d)) {
        double drise;
        double rise = surge_p4q_rise(s, d, m, x->t, &drise);
        row[iu] = 1.0;
        row[iv] = -1.0;
        row[x->nn + j] = drise;
        return dr + rise;
    }
    if (kind == DEV_PUMP) {
        double dh;
        double h = pump_head(s, d, m, x->speed[j], &dh);
        double rg = s->dv_rho[d] * s->g;
        row[iu] = 1.0;
        row[iv] = -1.0;
        row[x->nn + j] = rg * dh;
        return dr + rg * h;
    }
    if (kind == DEV_OPEN_LOSS) { /* tau^2 dr - k (1 - tau^2) m|m| = 0 */
        double k = s->dv_k[d] * (1.0 - tau * tau), t2 = tau * tau;
        row[iu] = t2;
        row[iv] = -t2;
        row[x->nn + j] = -2.0 * k * fabs(m);
        return t2 * dr - k * m * fabs(m);
    }
    /* orifice or open check valve: tau^2 dr - k m|m| = 0 */
    double k = s->dv_k[d], t2 = tau * tau;
    row[iu] = t2;
    row[iv] = -t2;
    row[x->nn + j] = -2.0 * k * fabs(m);
    return t2 * dr - k * m * fabs(m);
}

/* Solve a x = b (n x n, row-major, overwritten) by elimination with
 * partial pivoting; an unknown without a usable pivot keeps x = 0. */
static void dense_solve(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[piv * n + c]))
                piv = r;
        if (piv != c) {
            for (int k = 0; k < n; k++) {
                double tmp = a[c * n + k];
                a[c * n + k] = a[piv * n + k];
                a[piv * n + k] = tmp;
            }
            double tb = b[c];
            b[c] = b[piv];
            b[piv] = tb;
        }
        double pv = a[c * n + c];
        if (fabs(pv) < 1e-300)
            continue;
        for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / pv;
            if (f == 0.0)
                continue;
            for (int k = c; k < n; k++)
                a[r * n + k] -= f * a[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int c = n - 1; c >= 0; c--) {
        double pv = a[c * n + c], sum = b[c];
        if (fabs(pv) < 1e-300) {
            b[c] = 0.0;
            continue;
        }
        for (int k = c + 1; k < n; k++)
            sum -= a[c * n + k] * b[k];
        b[c] = sum / pv;
    }
}

/* Newton on the cluster's pressures and flows at the current statuses. */
static void newton(cl_ctx *x)
{
    surge_net *s = x->s;
    int n = x->nn + x->nd;
    double *a = s->work, *b = s->work + (size_t)n * (size_t)n;
    for (int it = 0; it < NEWTON_MAX; it++) {
        memset(a, 0, sizeof(double) * (size_t)n * (size_t)n);
        for (int i = 0; i < x->nn; i++)
            b[i] = -node_row(x, i, a + (size_t)i * (size_t)n);
        for (int j = 0; j < x->nd; j++)
            b[x->nn + j] = -dev_row(x, j, a + (size_t)(x->nn + j) * (size_t)n);
        dense_solve(a, b, n);
        double big_p = 0.0, big_m = 0.0;
        for (int i = 0; i < x->nn; i++) {
            s->nd_p[x->node[i]] += b[i];
            big_p = fmax(big_p, fabs(b[i]));
        }
        for (int j = 0; j < x->nd; j++) {
            int d = x->dev[j];
            s->dv_m[d] += b[x->nn + j];
            big_m = fmax(big_m, fabs(b[x->nn + j]) / (1.0 + fabs(s->dv_m[d])));
        }
        /* converged to round-off: flows of thousands of kg/s settle at
         * 1e-10 relative */
        if (big_p < 1e-3 && big_m < 1e-9)
            return;
    }
    s->newton_fail++;
}

/* Net inflow into node k (kg/s) at the current pressures and flows. */
static double node_inflow(const cl_ctx *x, int k)
{
    const surge_net *s = x->s;
    double r = s->nd_sc[k] - s->nd_sb[k] * s->nd_p[k] - s->nd_demand[k];
    for (int j = 0; j < x->nd; j++) {
        int d = x->dev[j];
        if (s->dv_to[d] == k && !at_node(s, d))
            r += s->dv_m[d];
        if (s->dv_from[d] == k)
            r -= s->dv_m[d];
    }
    return r;
}

/* New cavity volume at node k for this step's flows. */
static double cavity_volume(const cl_ctx *x, int k, double *rate)
{
    const surge_net *s = x->s;
    *rate = -node_inflow(x, k) / s->nd_rho[k];
    return s->nd_cav[k] +
           s->dt * (s->psi * *rate + (1.0 - s->psi) * s->nd_cav_rate[k]);
}

/* A one-way tank shuts against inflow and when empty, and opens when its
 * level stands above the node's head; returns 1 when it changed. */
static int tank_status(surge_net *s, int d)
{
    const surge_tank *tk = &s->tank[d];
    if (!tk->one_way)
        return 0;
    int node = s->dv_from[d];
    double push =
        s->dv_rho[d] * s->g * (tk->level - s->nd_z[node]) - s->nd_p[node];
    if (s->dv_open[d] && s->dv_m[d] > M_TINY) {
        s->dv_open[d] = 0;
        s->dv_m[d] = 0.0;
        return 1;
    }
    if (!s->dv_open[d] && push > 0.0 && tk->level > tk->bottom) {
        s->dv_open[d] = 1;
        if (s->dv_k_out[d] > 0.0)
            s->dv_m[d] = -sqrt(push / s->dv_k_out[d]);
        return 1;
    }
    return 0;
}

/* An open check valve with a closure delay (a DEV_CHECK, or a
 * four-quadrant pump's discharge check; docs/physics.md, "Check valve
 * closure delay"): it lets reverse flow pass for its delay after the flow
 * first reversed, then shuts (the slam the delay causes). Returns 1 while
 * it must stay open. */
static int check_held_open(surge_net *s, int d, double t)
{
    if (!(s->dv_cdelay[d] > 0.0))
        return 0;
    if (!(s->dv_m[d] < -M_TINY)) {
        s->dv_trev[d] = NAN; /* forward again: the disc back open */
        return 0;
    }
    if (isnan(s->dv_trev[d]))
        s->dv_trev[d] = t;
    if (t - s->dv_trev[d] < s->dv_cdelay[d])
        return 1;
    s->dv_trev[d] = NAN;
    return 0;
}

/* Status changes after a solve; returns 1 when any changed. */
static int update_status(cl_ctx *x)
{
    surge_net *s = x->s;
    int changed = 0, tank_opened = 0;
    for (int j = 0; j < x->nd; j++) {
        int d = x->dev[j], kind = s->dv_kind[d];
        if (kind == DEV_TANK) {
            int opened = tank_status(s, d);
            changed |= opened;
            tank_opened |= opened && s->dv_open[d];
            continue;
        }
        if (kind != DEV_CHECK && kind != DEV_PUMP && kind != DEV_RELIEF)
            continue;
        int p4q = surge_is_p4q(s, d);
        if (p4q && !s->p4q[d].check)
            continue; /* no check valve: it passes either way */
        if ((p4q || kind == DEV_CHECK) && s->dv_open[d] &&
            check_held_open(s, d, x->t))
            continue;
        if (s->dv_open[d] && s->dv_m[d] < -M_TINY) {
            s->dv_open[d] = 0;
            s->dv_m[d] = 0.0;
            changed = 1;
        } else if (!s->dv_open[d]) {
            double push = drive(s, d, s->nd_p);
            double dr_dm;
            if (p4q)
                push += surge_p4q_rise(s, d, 0.0, x->t, &dr_dm);
            else if (kind == DEV_PUMP)
                push += s->dv_rho[d] * s->g * x->speed[j] * x->speed[j] *
                        s->dv_h0[d];
            if (push > 0.0 && x->tau[j] > 0.0) {
                s->dv_open[d] = 1;
                /* start Newton from the flow the drive alone would pass:
                 * from zero, the quadratic law converges only linearly */
                if (kind != DEV_PUMP && s->dv_k[d] > 0.0)
                    s->dv_m[d] = x->tau[j] * sqrt(push / s->dv_k[d]);
                changed = 1;
            }
        }
    }
    /* a feed tank that opens changes the pressures: decide cavities on
     * the next pass's solution */
    if (tank_opened)
        return 1;
    for (int i = 0; i < x->nn; i++) {
        int k = x->node[i];
        if (isfinite(s->nd_fixed_p[k]) || !isfinite(s->nd_pv[k]))
            continue;
        if (!s->nd_cav_on[k] && s->nd_p[k] < s->nd_pv[k]) {
            s->nd_cav_on[k] = 1;
            changed = 1;
        }
    }
    return changed;
}

/* First opening and largest volume of the cavity at node k. */
static void track_cavity(surge_net *s, int k, double v)
{
    if (isnan(s->nd_tcav[k]))
        s->nd_tcav[k] = s->t + s->dt;
    if (v > s->nd_vmax[k])
        s->nd_vmax[k] = v;
}

static void commit_cavities(cl_ctx *x)
{
    surge_net *s = x->s;
    for (int i = 0; i < x->nn; i++) {
        int k = x->node[i];
        double rate = 0.0;
        if (s->nd_cav_on[k]) {
            double v = cavity_volume(x, k, &rate);
            if (s->nd_cav[k] <= 0.0 && v > 0.0)
                s->n_cav_open++;
            if (v <= 0.0) /* closes: liquid from the next step */
                v = rate = 0.0;
            else
                track_cavity(s, k, v);
            s->nd_cav[k] = v;
        } else {
            s->nd_cav[k] = 0.0;
        }
        s->nd_cav_rate[k] = rate;
    }
}

/* A lone node: the closed form, with DVCM. */
static void lone_node(surge_net *s, int k)
{
    if (isfinite(s->nd_fixed_p[k])) {
        s->nd_p[k] = s->nd_fixed_p[k];
        return;
    }
    if (!(s->nd_sb[k] > 0.0))
        return; /* no pipe and no device: nothing moves it */
    double p = (s->nd_sc[k] - s->nd_demand[k]) / s->nd_sb[k];
    double pv = s->nd_pv[k];
    if (p >= pv && s->nd_cav[k] <= 0.0) {
        s->nd_p[k] = p;
        s->nd_cav_rate[k] = 0.0;
        return;
    }
    double rate =
        -(s->nd_sc[k] - s->nd_sb[k] * pv - s->nd_demand[k]) / s->nd_rho[k];
    double v = s->nd_cav[k] +
               s->dt * (s->psi * rate + (1.0 - s->psi) * s->nd_cav_rate[k]);
    if (v <= 0.0) { /* the cavity closes: liquid from the next step */
        s->nd_cav[k] = 0.0;
        s->nd_cav_rate[k] = 0.0;
        s->nd_p[k] = pv;
        return;
    }
    if (s->nd_cav[k] <= 0.0)
        s->n_cav_open++;
    track_cavity(s, k, v);
    s->nd_cav[k] = v;
    s->nd_cav_rate[k] = rate;
    s->nd_p[k] = pv;
}

void surge_cluster_solve(surge_net *s, int c, double t)
{
    int n0 = s->cl_node_start[c], nn = s->cl_node_start[c + 1] - n0;
    int d0 = s->cl_dev_start[c], nd = s->cl_dev_start[c + 1] - d0;
    if (nd == 0 && nn == 1) {
        lone_node(s, s->cl_node[n0]);
        return;
    }
    double tau[64], speed[64];
    cl_ctx x = {s, c,       nn,  nd,   s->cl_node + n0, s->cl_dev + d0,
                t, s->nd_p, tau, speed};
    if (nd > 64) /* never built so: surge_init limits cluster devices */
        return;
    for (int j = 0; j < nd; j++) {
        int d = x.dev[j];
        tau[j] = surge_dev_opening(s, d, t);
        speed[j] = s->dv_kind[d] == DEV_PUMP ? surge_pump_speed(s, d, t) : 1.0;
    }
    for (int i = 0; i < nn; i++)
        s->nd_cav_on[x.node[i]] = s->nd_cav[x.node[i]] > 0.0;
    for (int pass = 0; pass < STATUS_MAX; pass++) {
        newton(&x);
        if (!update_status(&x))
            break;
    }
    commit_cavities(&x);
    for (int j = 0; j < nd; j++) {
        int d = x.dev[j];
        if (surge_is_p4q(s, d)) {
            surge_p4q_commit(s, d, t);
        } else if (s->dv_kind[d] == DEV_PUMP && s->p4q[d].qr > 0.0) {
            surge_pump4q *p = &s->p4q[d]; /* affinity: lowest flow, speed */
            double v = s->dv_m[d] / (s->dv_rho[d] * s->dv_par[d] * p->qr);
            p->v_min = fmin(p->v_min, v);
            p->alpha_min = fmin(p->alpha_min, speed[j] / s->dv_s0[d]);
        }
        if (s->dv_kind[d] == DEV_RELIEF)
            s->dv_gas_max[d] = fmax(s->dv_gas_max[d], s->dv_m[d]);
        if (s->dv_kind[d] == DEV_TANK)
            surge_tank_commit(s, d);
        if (s->dv_kind[d] != DEV_AIR)
            continue;
        s->dv_gas_v[d] = gas_volume(s, d, s->dv_m[d]);
        s->dv_m_old[d] = s->dv_m[d];
        s->dv_gas_min[d] = fmin(s->dv_gas_min[d], s->dv_gas_v[d]);
        s->dv_gas_max[d] = fmax(s->dv_gas_max[d], s->dv_gas_v[d]);
    }
}
