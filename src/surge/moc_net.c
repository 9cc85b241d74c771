/*
 * moc_net.c - the surge net's memory, its grid (one time step for the
 * network, whole reaches per pipe, wave speeds adjusted to fit: Wylie and
 * Streeter 1993, section 3.4) and its initial steady state, and the
 * clusters of nodes that devices join (solved together each step).
 */
#include "surge/moc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ALLOC(p, n)                                                            \
    ((p) = calloc((size_t)(n) > 0 ? (size_t)(n) : 1, sizeof *(p)))

static int alloc_nodes(surge_net *s, int n)
{
    return ALLOC(s->nd_z, n) && ALLOC(s->nd_p, n) && ALLOC(s->nd_fixed_p, n) &&
           ALLOC(s->nd_demand, n) && ALLOC(s->nd_pv, n) &&
           ALLOC(s->nd_rho, n) && ALLOC(s->nd_cav, n) &&
           ALLOC(s->nd_cav_rate, n) && ALLOC(s->nd_sc, n) &&
           ALLOC(s->nd_sb, n) && ALLOC(s->nd_cluster, n) &&
           ALLOC(s->nd_vmax, n) && ALLOC(s->nd_tcav, n) &&
           ALLOC(s->nd_cav_on, n);
}

static int alloc_pipes(surge_net *s, int n)
{
    return ALLOC(s->pp_from, n) && ALLOC(s->pp_to, n) && ALLOC(s->pp_len, n) &&
           ALLOC(s->pp_d, n) && ALLOC(s->pp_area, n) && ALLOC(s->pp_a, n) &&
           ALLOC(s->pp_f, n) && ALLOC(s->pp_rho, n) && ALLOC(s->pp_pv, n) &&
           ALLOC(s->pp_q0, n) && ALLOC(s->pp_n, n) && ALLOC(s->pp_off, n) &&
           ALLOC(s->pp_aa, n) && ALLOC(s->pp_b, n) && ALLOC(s->pp_r, n) &&
           ALLOC(s->pp_kb, n) && ALLOC(s->pp_rlaw, n) && ALLOC(s->pp_fexp, n) &&
           ALLOC(s->pp_rl, n) && ALLOC(s->pp_rq, n);
}

static int alloc_devs(surge_net *s, int n)
{
    return ALLOC(s->dv_kind, n) && ALLOC(s->dv_from, n) && ALLOC(s->dv_to, n) &&
           ALLOC(s->dv_k, n) && ALLOC(s->dv_rho, n) && ALLOC(s->dv_m, n) &&
           ALLOC(s->dv_mfix, n) && ALLOC(s->dv_rise, n) &&
           ALLOC(s->dv_open, n) && ALLOC(s->dv_t0, n) && ALLOC(s->dv_tc, n) &&
           ALLOC(s->dv_curve, n) && ALLOC(s->dv_h0, n) && ALLOC(s->dv_r, n) &&
           ALLOC(s->dv_n, n) && ALLOC(s->dv_par, n) && ALLOC(s->dv_s0, n) &&
           ALLOC(s->dv_trip, n) && ALLOC(s->dv_tau, n) &&
           ALLOC(s->dv_gas_c, n) && ALLOC(s->dv_gas_n, n) &&
           ALLOC(s->dv_gas_v, n) && ALLOC(s->dv_k_out, n) &&
           ALLOC(s->dv_m_old, n) && ALLOC(s->dv_gas_min, n) &&
           ALLOC(s->dv_gas_max, n) && ALLOC(s->p4q, n) && ALLOC(s->tank, n) &&
           ALLOC(s->dv_cdelay, n) && ALLOC(s->dv_trev, n) &&
           ALLOC(s->dv_kvn, n) && ALLOC(s->dv_kvx, n) && ALLOC(s->dv_kvy, n);
}

surge_net *surge_net_new(int n_nodes, int n_pipes, int n_devs)
{
    surge_net *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n_nodes = n_nodes;
    s->n_pipes = n_pipes;
    s->n_devs = n_devs;
    s->g = 9.80665;
    s->p_atm = 101325.0;
    s->psi = 1.0;
    if (!alloc_nodes(s, n_nodes) || !alloc_pipes(s, n_pipes) ||
        !alloc_devs(s, n_devs)) {
        surge_net_free(s);
        return NULL;
    }
    for (int i = 0; i < n_nodes; i++) {
        s->nd_fixed_p[i] = NAN;
        s->nd_pv[i] = -INFINITY;
        s->nd_rho[i] = 1000.0;
    }
    for (int i = 0; i < n_pipes; i++)
        s->pp_pv[i] = -INFINITY;
    for (int i = 0; i < n_devs; i++) {
        s->dv_open[i] = 1;
        s->dv_t0[i] = INFINITY;
        s->dv_trip[i] = INFINITY;
        s->dv_par[i] = 1.0;
        s->dv_s0[i] = 1.0;
        s->dv_rho[i] = 1000.0;
        s->dv_trev[i] = NAN;
    }
    return s;
}

void surge_net_free(surge_net *s)
{
    if (!s)
        return;
    void *arrays[] = {s->nd_z,
                      s->nd_p,
                      s->nd_fixed_p,
                      s->nd_demand,
                      s->nd_pv,
                      s->nd_rho,
                      s->nd_cav,
                      s->nd_cav_rate,
                      s->nd_sc,
                      s->nd_sb,
                      s->nd_cluster,
                      s->nd_cav_on,
                      s->pp_from,
                      s->pp_to,
                      s->pp_len,
                      s->pp_d,
                      s->pp_area,
                      s->pp_a,
                      s->pp_f,
                      s->pp_rho,
                      s->pp_pv,
                      s->pp_q0,
                      s->pp_n,
                      s->pp_off,
                      s->pp_aa,
                      s->pp_b,
                      s->pp_r,
                      s->pp_rlaw,
                      s->pp_fexp,
                      s->pp_rl,
                      s->pp_rq,
                      s->h,
                      s->qd,
                      s->qu,
                      s->hn,
                      s->qdn,
                      s->qun,
                      s->vcav,
                      s->vrate,
                      s->hv,
                      s->hmax,
                      s->hmin,
                      s->zpt,
                      s->dv_kind,
                      s->dv_from,
                      s->dv_to,
                      s->dv_k,
                      s->dv_rho,
                      s->dv_m,
                      s->dv_mfix,
                      s->dv_rise,
                      s->dv_open,
                      s->dv_t0,
                      s->dv_tc,
                      s->dv_curve,
                      s->dv_h0,
                      s->dv_r,
                      s->dv_n,
                      s->dv_par,
                      s->dv_s0,
                      s->dv_trip,
                      s->dv_tau,
                      s->cl_node_start,
                      s->cl_node,
                      s->cl_dev_start,
                      s->cl_dev,
                      s->work,
                      s->iwork,
                      s->nd_vmax,
                      s->nd_tcav,
                      s->vmax,
                      s->tcav,
                      s->dv_gas_c,
                      s->dv_gas_n,
                      s->dv_gas_v,
                      s->dv_k_out,
                      s->dv_m_old,
                      s->dv_gas_min,
                      s->dv_gas_max,
                      s->pp_kb,
                      s->qprev,
                      s->dv_cdelay,
                      s->dv_trev,
                      s->dv_kvn,
                      (void *)s->dv_kvx,
                      (void *)s->dv_kvy};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        free(arrays[i]);
    for (int i = 0; s->p4q && i < s->n_devs; i++) {
        free(s->p4q[i].wh);
        free(s->p4q[i].wb);
    }
    free(s->p4q);
    free(s->tank);
    free(s->ctrl);
    free(s);
}

/* Reaches of each pipe for time step dt; wave speeds fitted. */
static void fit_reaches(surge_net *s, double dt)
{
    long off = 0;
    s->max_adjust = 0.0;
    s->worst_pipe = -1;
    for (int p = 0; p < s->n_pipes; p++) {
        double n = floor(s->pp_len[p] / (s->pp_a[p] * dt) + 0.5);
        s->pp_n[p] = n < 1.0 ? 1 : (int)n;
        s->pp_aa[p] = s->pp_len[p] / (s->pp_n[p] * dt);
        double adj = fabs(s->pp_aa[p] / s->pp_a[p] - 1.0);
        if (adj > s->max_adjust) {
            s->max_adjust = adj;
            s->worst_pipe = p;
        }
        s->pp_off[p] = (int)off;
        off += s->pp_n[p] + 1;
    }
    s->n_points = off;
}

static int alloc_points(surge_net *s)
{
    long n = s->n_points;
    return ALLOC(s->h, n) && ALLOC(s->qd, n) && ALLOC(s->qu, n) &&
           ALLOC(s->hn, n) && ALLOC(s->qdn, n) && ALLOC(s->qun, n) &&
           ALLOC(s->vcav, n) && ALLOC(s->vrate, n) && ALLOC(s->hv, n) &&
           ALLOC(s->hmax, n) && ALLOC(s->hmin, n) && ALLOC(s->zpt, n) &&
           ALLOC(s->vmax, n) && ALLOC(s->tcav, n) && ALLOC(s->qprev, n);
}

int surge_grid(surge_net *s, double dx, double dt, hl_error *err)
{
    double amax = 0.0;
    for (int p = 0; p < s->n_pipes; p++) {
        if (!(s->pp_a[p] > 0.0) || !isfinite(s->pp_a[p]))
            return hl_error_set(err, HL_ERANGE,
                                "pipe %d: wave speed %g m/s must be > 0", p,
                                s->pp_a[p]);
        if (!(s->pp_len[p] > 0.0) || !(s->pp_d[p] > 0.0))
            return hl_error_set(err, HL_ERANGE,
                                "pipe %d: length and diameter must be "
                                "> 0",
                                p);
        if (dt <= 0.0 && dx > s->pp_len[p] * (1.0 + 1e-12))
            return hl_error_set(err, HL_ERANGE,
                                "dx %g m is longer than pipe %d "
                                "(%g m)",
                                dx, p, s->pp_len[p]);
        if (s->pp_a[p] > amax)
            amax = s->pp_a[p];
    }
    if (dt <= 0.0) {
        if (!(dx > 0.0) || !isfinite(dx))
            return hl_error_set(err, HL_ERANGE, "dx %g m must be > 0", dx);
        dt = s->n_pipes > 0 ? dx / amax : 0.01;
    }
    s->dt = dt;
    fit_reaches(s, dt);
    if (!alloc_points(s))
        return hl_error_set(err, HL_ENOMEM,
                            "out of memory for %ld "
                            "grid points",
                            s->n_points);
    for (int p = 0; p < s->n_pipes; p++) {
        double a = s->pp_aa[p], area = s->pp_area[p];
        double dxp = s->pp_len[p] / s->pp_n[p];
        s->pp_b[p] = a / (s->g * area);
        s->pp_r[p] = s->pp_f[p] * dxp / (2.0 * s->g * s->pp_d[p] * area * area);
        s->pp_rl[p] = s->pp_rlaw[p] / s->pp_n[p];
        s->pp_rq[p] = surge_pipe_r(s, p, s->pp_q0[p]);
    }
    return HL_OK;
}

/* ---- clusters ------------------------------------------------------------ */

static int find_root(int *parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Union-find over the devices, then CSR lists of each cluster's nodes and
 * devices. */
static int build_clusters(surge_net *s)
{
    int nn = s->n_nodes, *parent = malloc(sizeof(int) * (size_t)(nn + 1));
    if (!parent)
        return HL_ENOMEM;
    for (int i = 0; i < nn; i++)
        parent[i] = i;
    for (int d = 0; d < s->n_devs; d++) {
        int a = find_root(parent, s->dv_from[d]),
            b = find_root(parent, s->dv_to[d]);
        if (a != b)
            parent[a] = b;
    }
    int nc = 0;
    for (int i = 0; i < nn; i++)
        s->nd_cluster[i] = -1;
    for (int i = 0; i < nn; i++) {
        int r = find_root(parent, i);
        if (s->nd_cluster[r] < 0)
            s->nd_cluster[r] = nc++;
        s->nd_cluster[i] = s->nd_cluster[r];
    }
    free(parent);
    s->n_clusters = nc;
    if (!ALLOC(s->cl_node_start, nc + 1) || !ALLOC(s->cl_node, nn) ||
        !ALLOC(s->cl_dev_start, nc + 1) || !ALLOC(s->cl_dev, s->n_devs))
        return HL_ENOMEM;
    for (int i = 0; i < nn; i++)
        s->cl_node_start[s->nd_cluster[i] + 1]++;
    for (int d = 0; d < s->n_devs; d++)
        s->cl_dev_start[s->nd_cluster[s->dv_from[d]] + 1]++;
    for (int c = 0; c < nc; c++) {
        s->cl_node_start[c + 1] += s->cl_node_start[c];
        s->cl_dev_start[c + 1] += s->cl_dev_start[c];
    }
    int *fill = calloc((size_t)nc + 1, sizeof(int));
    if (!fill)
        return HL_ENOMEM;
    for (int i = 0; i < nn; i++) {
        int c = s->nd_cluster[i];
        s->cl_node[s->cl_node_start[c] + fill[c]++] = i;
    }
    memset(fill, 0, sizeof(int) * ((size_t)nc + 1));
    for (int d = 0; d < s->n_devs; d++) {
        int c = s->nd_cluster[s->dv_from[d]];
        s->cl_dev[s->cl_dev_start[c] + fill[c]++] = d;
    }
    free(fill);
    int mx = 1;
    for (int c = 0; c < nc; c++) {
        int u = s->cl_node_start[c + 1] - s->cl_node_start[c] +
                s->cl_dev_start[c + 1] - s->cl_dev_start[c];
        if (u > mx)
            mx = u;
    }
    s->max_cluster = mx;
    for (int c = 0; c < nc; c++)
        if (s->cl_dev_start[c + 1] - s->cl_dev_start[c] > 64)
            return HL_ERANGE; /* more devices than one cluster solves */
    if (!ALLOC(s->work, (size_t)mx * ((size_t)mx + 4)) ||
        !ALLOC(s->iwork, 2 * mx))
        return HL_ENOMEM;
    return HL_OK;
}

/* Heads along pipe p from its upstream node's pressure, falling by the
 * friction of each reach (the MOC's own steady state). */
static void init_pipe(surge_net *s, int p)
{
    int o = s->pp_off[p], n = s->pp_n[p], a = s->pp_from[p], b = s->pp_to[p];
    double rho = s->pp_rho[p], q = s->pp_q0[p];
    double h0 = s->nd_z[a] + s->nd_p[a] / (rho * s->g);
    for (int i = 0; i <= n; i++) {
        double x = (double)i / n;
        s->zpt[o + i] = s->nd_z[a] + (s->nd_z[b] - s->nd_z[a]) * x;
        s->h[o + i] = h0 - i * s->pp_rq[p] * q * fabs(q);
        s->qd[o + i] = s->qu[o + i] = s->qprev[o + i] = q;
        s->hv[o + i] = s->zpt[o + i] + s->pp_pv[p] / (rho * s->g);
        s->hmax[o + i] = s->hmin[o + i] = s->h[o + i];
        s->tcav[o + i] = NAN;
    }
}

int surge_init(surge_net *s, hl_error *err)
{
    if (!s->h)
        return hl_error_set(err, HL_ESTATE, "no grid yet");
    for (int p = 0; p < s->n_pipes; p++)
        init_pipe(s, p);
    for (int i = 0; i < s->n_nodes; i++)
        s->nd_tcav[i] = NAN;
    for (int d = 0; d < s->n_devs; d++)
        s->dv_gas_min[d] = s->dv_gas_max[d] = s->dv_gas_v[d];
    int rc = build_clusters(s);
    if (rc == HL_ERANGE)
        return hl_error_set(err, rc,
                            "more than 64 devices joined "
                            "without a pipe between them");
    if (rc != HL_OK)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    s->t = 0.0;
    s->step = 0;
    return HL_OK;
}

double surge_node_head(const surge_net *s, int i)
{
    return s->nd_z[i] + s->nd_p[i] / (s->nd_rho[i] * s->g);
}
