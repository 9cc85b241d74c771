/*
 * plan.c - the network in plan: node coordinates and the intermediate
 * points (vertices) of pipes, as a model file, an EPANET .inp
 * ([COORDINATES], [VERTICES]) or a GeoJSON file gives them. Part of the
 * network (net_def), read-only after the load; the report draws its map
 * from them. Coordinates are in the file's own plane (metres for x_m/y_m,
 * whatever an .inp's drawing uses, degrees for lon/lat); nothing here
 * converts them.
 */
#include "network/net.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int net_add_vertex(hl_model *m, int pipe, double x, double y)
{
    net_def *d = m->def;
    if (d->n_vertex == d->cap_vertex) {
        int cap = d->cap_vertex ? 2 * d->cap_vertex : 256;
        int *p = realloc(d->vx_pipe, sizeof *p * (size_t)cap);
        if (p)
            d->vx_pipe = p;
        double *vx = p ? realloc(d->vx_x, sizeof *vx * (size_t)cap) : NULL;
        if (vx)
            d->vx_x = vx;
        double *vy = vx ? realloc(d->vx_y, sizeof *vy * (size_t)cap) : NULL;
        if (!vy)
            return net_fail(m, HL_ENOMEM, "out of memory");
        d->vx_y = vy;
        d->cap_vertex = cap;
    }
    d->vx_pipe[d->n_vertex] = pipe;
    d->vx_x[d->n_vertex] = x;
    d->vx_y[d->n_vertex] = y;
    d->n_vertex++;
    return HL_OK;
}

/* Group the vertices by pipe, keeping each pipe's own order (a stable
 * counting sort by pipe index). */
int net_sort_vertices(hl_model *m)
{
    net_def *d = m->def;
    int n = d->n_vertex, np = d->n_pipes;
    if (n == 0)
        return HL_OK;
    int *start = calloc((size_t)np + 1, sizeof *start);
    int *p = malloc(sizeof *p * (size_t)n);
    double *x = malloc(sizeof *x * (size_t)n),
           *y = malloc(sizeof *y * (size_t)n);
    if (!start || !p || !x || !y) {
        free(start), free(p), free(x), free(y);
        return net_fail(m, HL_ENOMEM, "out of memory");
    }
    for (int k = 0; k < n; k++)
        start[d->vx_pipe[k] + 1]++;
    for (int i = 0; i < np; i++)
        start[i + 1] += start[i];
    for (int k = 0; k < n; k++) {
        int at = start[d->vx_pipe[k]]++;
        p[at] = d->vx_pipe[k];
        x[at] = d->vx_x[k];
        y[at] = d->vx_y[k];
    }
    free(start);
    free(d->vx_pipe), free(d->vx_x), free(d->vx_y);
    d->vx_pipe = p, d->vx_x = x, d->vx_y = y;
    d->cap_vertex = n;
    return HL_OK;
}

int hl_model_node_xy(const hl_model *m, int node, double *x, double *y)
{
    if (!m || !x || !y)
        return HL_EINVAL;
    *x = *y = NAN;
    if (m->failed || !m->finished)
        return HL_ESTATE;
    if (node < 0 || node >= m->net->n_nodes)
        return HL_EINVAL;
    *x = m->net->nd_x[node];
    *y = m->net->nd_y[node];
    return isfinite(*x) && isfinite(*y) ? HL_OK : HL_ENOTFOUND;
}

/* First vertex of pipe i (vertices are grouped by pipe in its order). */
static int first_vertex(const net_def *d, int i)
{
    int lo = 0, hi = d->n_vertex;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (d->vx_pipe[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int hl_model_pipe_vertices(const hl_model *m, int pipe, int *n,
                           const double **x, const double **y)
{
    if (!m || !n || !x || !y)
        return HL_EINVAL;
    if (m->failed || !m->finished)
        return HL_ESTATE;
    if (pipe < 0 || pipe >= m->net->n_pipes)
        return HL_EINVAL;
    const net_def *d = m->net;
    int a = first_vertex(d, pipe), b = a;
    while (b < d->n_vertex && d->vx_pipe[b] == pipe)
        b++;
    *n = b - a;
    *x = *n ? d->vx_x + a : NULL;
    *y = *n ? d->vx_y + a : NULL;
    return HL_OK;
}

int hl_model_has_plan(const hl_model *m)
{
    if (!m || m->failed || !m->finished || m->net->n_nodes == 0)
        return 0;
    for (int i = 0; i < m->net->n_nodes; i++)
        if (!isfinite(m->net->nd_x[i]) || !isfinite(m->net->nd_y[i]))
            return 0;
    return 1;
}

const char *hl_model_crs(const hl_model *m)
{
    return m && !m->failed && m->net->crs ? m->net->crs : "";
}

int hl_model_pipe_roughness(const hl_model *m, int pipe, double *roughness_m,
                            double *minor_loss)
{
    if (!m || !roughness_m || !minor_loss)
        return HL_EINVAL;
    if (m->failed || !m->finished)
        return HL_ESTATE;
    if (pipe < 0 || pipe >= m->net->n_pipes)
        return HL_EINVAL;
    *roughness_m = m->net->pp_eps[pipe] * m->net->pp_d[pipe];
    *minor_loss = m->net->pp_zeta[pipe];
    return HL_OK;
}
