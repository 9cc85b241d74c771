/*
 * season_map.c - the network in plan at the design hour (as-is scenario),
 * for the report's map: node and pipe results with the coordinates the
 * model gives, or, for a line without coordinates, a schematic plan
 * (chainage along x, supply above return). Copied from the model through
 * the public API, so the report draws it without the model.
 */
#include "season_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void season_map_free(season_map *g)
{
    if (!g)
        return;
    free(g->node_id);
    free(g->nx);
    free(g->pipe_id);
    free(g->pf);
    free(g->vx_start);
    free(g->vx);
    free(g->of);
    free(g->other_id);
    free(g);
}

/* Plane of the map: the model's coordinates, else a schematic when some
 * nodes have a chainage, else none. */
static int plane_of(hl_model *m, int n)
{
    if (hl_model_has_plan(m))
        return SEASON_MAP_PLAN;
    for (int i = 0; i < n; i++) {
        hl_node_result r;
        if (hl_model_node_result(m, i, &r) == HL_OK && isfinite(r.chainage_m))
            return SEASON_MAP_SCHEMATIC;
    }
    return SEASON_MAP_NONE;
}

/* Schematic: a node without chainage (a plant's inner node, a branch)
 * takes the place of a neighbour that has one, through pipes, pumps and
 * valves; any left over sit at the start, between supply and return. */
static void place_unknown(season_map *g)
{
    int changed = 1;
    for (int pass = 0; changed && pass < g->n_nodes; pass++) {
        changed = 0;
        for (int i = 0; i < g->n_pipes + g->n_other; i++) {
            int a = i < g->n_pipes ? g->pf[i] : g->of[i - g->n_pipes];
            int b = i < g->n_pipes ? g->pt[i] : g->ot[i - g->n_pipes];
            if (isnan(g->nx[a]) == isnan(g->nx[b]))
                continue;
            int to = isnan(g->nx[a]) ? a : b, from = a + b - to;
            g->nx[to] = g->nx[from];
            g->ny[to] = g->ny[from];
            changed = 1;
        }
    }
    double x0 = INFINITY;
    for (int i = 0; i < g->n_nodes; i++)
        x0 = fmin(x0, isnan(g->nx[i]) ? INFINITY : g->nx[i]);
    for (int i = 0; i < g->n_nodes; i++)
        if (isnan(g->nx[i])) {
            g->nx[i] = isfinite(x0) ? x0 : 0.0;
            g->ny[i] = 0.5;
        }
}

static int alloc_map(season_map *g, int nn, int np, int nv)
{
    g->node_id = calloc((size_t)nn + 1, sizeof *g->node_id);
    g->nx = calloc(6 * (size_t)nn + 1, sizeof *g->nx);
    g->pipe_id = calloc((size_t)np + 1, sizeof *g->pipe_id);
    g->pf = calloc(2 * (size_t)np + 1, sizeof *g->pf);
    g->vx_start = calloc((size_t)np + 1, sizeof *g->vx_start);
    g->vx = calloc(2 * (size_t)nv + 6 * (size_t)np + 1, sizeof *g->vx);
    if (!g->node_id || !g->nx || !g->pipe_id || !g->pf || !g->vx_start ||
        !g->vx)
        return HL_ENOMEM;
    g->ny = g->nx + nn;
    g->n_head_m = g->ny + nn;
    g->n_p_bar = g->n_head_m + nn;
    g->n_t_c = g->n_p_bar + nn;
    g->n_fixed = g->n_t_c + nn;
    g->pt = g->pf + np;
    g->p_v = g->vx + 2 * (size_t)nv;
    g->p_t_c = g->p_v + np;
    g->p_p_bar = g->p_t_c + np;
    g->p_q_w_m = g->p_p_bar + np;
    g->p_flow = g->p_q_w_m + np;
    g->p_open = g->p_flow + np;
    return HL_OK;
}

static void take_nodes(hl_season *s, season_map *g, hl_model *m)
{
    for (int i = 0; i < g->n_nodes; i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        g->node_id[i] = season_keep(s, hl_model_id(m, HL_NODE, i));
        if (g->plane == SEASON_MAP_PLAN)
            hl_model_node_xy(m, i, &g->nx[i], &g->ny[i]);
        else { /* schematic: km along, supply at 1, return at 0 */
            g->nx[i] = r.chainage_m / 1000.0;
            g->ny[i] = r.side == HL_SIDE_RETURN   ? 0.0
                       : r.side == HL_SIDE_SUPPLY ? 1.0
                                                  : 0.5;
        }
        g->n_head_m[i] = r.head_m;
        g->n_p_bar[i] = r.pressure_pa / 1e5;
        g->n_t_c[i] = r.temp_k - HL_ZERO_C_K;
        g->n_fixed[i] = r.fixed_pressure;
    }
}

static void take_pipes(hl_season *s, season_map *g, hl_model *m)
{
    int at = 0;
    for (int i = 0; i < g->n_pipes; i++) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        g->pipe_id[i] = season_keep(s, hl_model_id(m, HL_PIPE, i));
        g->pf[i] = r.from;
        g->pt[i] = r.to;
        g->p_v[i] = r.velocity_m_s;
        g->p_t_c[i] = 0.5 * (r.temp_in_k + r.temp_out_k) - HL_ZERO_C_K;
        g->p_p_bar[i] = 0.5 * (g->n_p_bar[r.from] + g->n_p_bar[r.to]);
        g->p_q_w_m[i] = r.heat_loss_w / r.length_m;
        g->p_flow[i] = r.mass_flow_kg_s;
        g->p_open[i] = r.open;
        g->vx_start[i] = at;
        int n = 0;
        const double *x, *y;
        if (g->plane == SEASON_MAP_PLAN &&
            hl_model_pipe_vertices(m, i, &n, &x, &y) == HL_OK)
            for (int k = 0; k < n; k++, at++) {
                g->vx[2 * at] = x[k];
                g->vx[2 * at + 1] = y[k];
            }
    }
    g->vx_start[g->n_pipes] = at;
}

/* Pumps and valves: straight segments between their nodes. */
static int take_others(hl_season *s, season_map *g, hl_model *m)
{
    int np = hl_model_count(m, HL_PUMP), nv = hl_model_count(m, HL_VALVE);
    g->n_other = np + nv;
    g->of = calloc(3 * (size_t)g->n_other + 1, sizeof *g->of);
    g->other_id = calloc((size_t)g->n_other + 1, sizeof *g->other_id);
    if (!g->of || !g->other_id)
        return HL_ENOMEM;
    g->ot = g->of + g->n_other;
    g->okind = g->ot + g->n_other;
    for (int i = 0; i < g->n_other; i++) {
        int pump = i < np, j = pump ? i : i - np;
        hl_pump_result pr;
        hl_valve_result vr;
        if (pump)
            hl_model_pump_result(m, j, &pr);
        else
            hl_model_valve_result(m, j, &vr);
        g->of[i] = pump ? pr.from : vr.from;
        g->ot[i] = pump ? pr.to : vr.to;
        g->okind[i] = pump ? HL_PUMP : HL_VALVE;
        g->other_id[i] =
            season_keep(s, hl_model_id(m, pump ? HL_PUMP : HL_VALVE, j));
    }
    return HL_OK;
}

int season_map_take(hl_season *s, hl_model *m)
{
    season_map *g = calloc(1, sizeof *g);
    if (!g)
        return HL_ENOMEM;
    g->n_nodes = hl_model_count(m, HL_NODE);
    g->n_pipes = hl_model_count(m, HL_PIPE);
    g->plane = plane_of(m, g->n_nodes);
    int nv = 0;
    for (int i = 0; g->plane == SEASON_MAP_PLAN && i < g->n_pipes; i++) {
        int n = 0;
        const double *x, *y;
        if (hl_model_pipe_vertices(m, i, &n, &x, &y) == HL_OK)
            nv += n;
    }
    if (alloc_map(g, g->n_nodes, g->n_pipes, nv)) {
        season_map_free(g);
        return HL_ENOMEM;
    }
    take_nodes(s, g, m);
    take_pipes(s, g, m);
    if (take_others(s, g, m)) {
        season_map_free(g);
        return HL_ENOMEM;
    }
    if (g->plane == SEASON_MAP_SCHEMATIC)
        place_unknown(g);
    season_map_free(s->map);
    s->map = g;
    return HL_OK;
}
