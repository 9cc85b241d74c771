/*
 * report_map.c - the map's part of the report data (drawn by
 * data/report/report.js as an SVG plan): nodes and pipes at the design
 * hour with their values, in the model's plane or a schematic one. Arrays
 * by column; NaN as null.
 */
#include "report.h"

#include <math.h>

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *column(const double *v, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, num(v[i]));
    return a;
}

static json_t *ints(const int *v, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_integer(v[i]));
    return a;
}

static json_t *ids(const char *const *v, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(v[i] ? v[i] : ""));
    return a;
}

static json_t *nodes(const season_map *g)
{
    json_t *o = json_object();
    int n = g->n_nodes;
    json_object_set_new(o, "id", ids(g->node_id, n));
    json_object_set_new(o, "x", column(g->nx, n));
    json_object_set_new(o, "y", column(g->ny, n));
    json_object_set_new(o, "head_m", column(g->n_head_m, n));
    json_object_set_new(o, "pressure_bar", column(g->n_p_bar, n));
    json_object_set_new(o, "temp_c", column(g->n_t_c, n));
    json_object_set_new(o, "fixed", column(g->n_fixed, n));
    return o;
}

/* Each pipe's intermediate points as one flat [x0, y0, x1, y1, ...]. */
static json_t *paths(const season_map *g)
{
    json_t *a = json_array();
    for (int i = 0; i < g->n_pipes; i++) {
        int k0 = g->vx_start[i], k1 = g->vx_start[i + 1];
        json_array_append_new(a, column(g->vx + 2 * k0, 2 * (k1 - k0)));
    }
    return a;
}

static json_t *pipes(const season_map *g)
{
    json_t *o = json_object();
    int n = g->n_pipes;
    json_object_set_new(o, "id", ids(g->pipe_id, n));
    json_object_set_new(o, "from", ints(g->pf, n));
    json_object_set_new(o, "to", ints(g->pt, n));
    json_object_set_new(o, "vertices", paths(g));
    json_object_set_new(o, "velocity_m_s", column(g->p_v, n));
    json_object_set_new(o, "temp_c", column(g->p_t_c, n));
    json_object_set_new(o, "pressure_bar", column(g->p_p_bar, n));
    json_object_set_new(o, "loss_w_per_m", column(g->p_q_w_m, n));
    json_object_set_new(o, "flow_kg_s", column(g->p_flow, n));
    json_object_set_new(o, "open", column(g->p_open, n));
    return o;
}

static json_t *others(const season_map *g)
{
    json_t *o = json_object(), *kind = json_array();
    for (int i = 0; i < g->n_other; i++)
        json_array_append_new(
            kind, json_string(g->okind[i] == HL_PUMP ? "pump" : "valve"));
    json_object_set_new(o, "id", ids(g->other_id, g->n_other));
    json_object_set_new(o, "from", ints(g->of, g->n_other));
    json_object_set_new(o, "to", ints(g->ot, g->n_other));
    json_object_set_new(o, "kind", kind);
    return o;
}

json_t *report_map_data(const hl_season *s)
{
    static const char *const plane[] = {"none", "plan", "schematic"};
    const season_map *g = s->map;
    json_t *o = json_object();
    json_object_set_new(o, "plane", json_string(g ? plane[g->plane] : "none"));
    if (!g || g->plane == SEASON_MAP_NONE)
        return o;
    json_object_set_new(o, "nodes", nodes(g));
    json_object_set_new(o, "pipes", pipes(g));
    json_object_set_new(o, "links", others(g));
    return o;
}
