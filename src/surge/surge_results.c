/*
 * surge_results.c - the results of a surge run by index: node envelopes,
 * per-pipe verdicts over every grid point (pressure from the head
 * envelope, p = (H - z) rho g), cavities (per node, and per pipe the
 * largest along it), the event's verdict, series and warnings.
 */
#include "surge/surge.h"

#include <math.h>
#include <string.h>

int hl_surge_grid_info(const hl_surge *r, hl_surge_grid *out)
{
    if (!r || !out)
        return HL_EINVAL;
    const surge_net *s = r->net;
    out->dx_m = r->dx_m;
    out->dt_s = s->dt;
    out->max_wave_speed_adjustment = s->max_adjust;
    out->worst_pipe = s->worst_pipe >= 0 ? r->pipe_id[s->worst_pipe] : NULL;
    out->points = s->n_points;
    out->steps = r->steps;
    out->min_wave_speed = r->a_min;
    out->max_wave_speed = r->a_max;
    return HL_OK;
}

int hl_surge_node_count(const hl_surge *r)
{
    return r ? r->net->n_nodes : 0;
}

int hl_surge_node_result(const hl_surge *r, int i, hl_surge_node *out)
{
    if (!r || !out || i < 0 || i >= r->net->n_nodes)
        return HL_EINVAL;
    const surge_net *s = r->net;
    out->id = r->node_id[i];
    out->z_m = s->nd_z[i];
    out->chainage_m = r->node_chainage[i];
    out->max_head_m = r->hmax[i];
    out->min_head_m = r->hmin[i];
    out->t_max_s = r->tmax[i];
    out->t_min_s = r->tmin[i];
    out->max_pressure_pa = r->pmax[i];
    out->min_pressure_pa = r->pmin[i];
    out->vapour_pressure_pa = isfinite(s->nd_pv[i]) ? s->nd_pv[i] : NAN;
    out->max_cavity_m3 = s->nd_vmax[i];
    out->pn_pa = r->node_pn[i];
    return HL_OK;
}

int hl_surge_pipe_count(const hl_surge *r)
{
    return r ? r->net->n_pipes : 0;
}

/* Extremes of pressure along pipe p, and its largest cavity and where. */
static void pipe_extremes(const hl_surge *r, int p, double *pmax, double *pmin,
                          double *vmax, int *at)
{
    const surge_net *s = r->net;
    long o = s->pp_off[p];
    double rg = s->pp_rho[p] * s->g;
    *pmax = -INFINITY;
    *pmin = INFINITY;
    *vmax = 0.0;
    *at = -1;
    for (int i = 0; i <= s->pp_n[p]; i++) {
        *pmax = fmax(*pmax, (s->hmax[o + i] - s->zpt[o + i]) * rg);
        *pmin = fmin(*pmin, (s->hmin[o + i] - s->zpt[o + i]) * rg);
        if (s->vmax[o + i] > *vmax) {
            *vmax = s->vmax[o + i];
            *at = i;
        }
    }
}

int hl_surge_pipe_result(const hl_surge *r, int p, hl_surge_pipe *out)
{
    if (!r || !out || p < 0 || p >= r->net->n_pipes)
        return HL_EINVAL;
    const surge_net *s = r->net;
    int at;
    out->id = r->pipe_id[p];
    pipe_extremes(r, p, &out->max_pressure_pa, &out->min_pressure_pa,
                  &out->max_cavity_m3, &at);
    out->pn_pa = r->pipe_pn[p];
    out->vapour_pressure_pa = isfinite(s->pp_pv[p]) ? s->pp_pv[p] : NAN;
    out->wave_speed_m_s = s->pp_aa[p];
    out->over_pn = isfinite(out->pn_pa) && out->max_pressure_pa > out->pn_pa;
    out->near_vapour = isfinite(s->pp_pv[p]) &&
                       out->min_pressure_pa < s->pp_pv[p] + r->margin_pa;
    return HL_OK;
}

/* Cavities: nodes with one first, then pipes with one along them. */
static int nodes_with_cavity(const hl_surge *r)
{
    int n = 0;
    for (int i = 0; i < r->net->n_nodes; i++)
        n += r->net->nd_vmax[i] > 0.0;
    return n;
}

int hl_surge_cavity_count(const hl_surge *r)
{
    if (!r)
        return 0;
    int n = nodes_with_cavity(r);
    for (int p = 0; p < r->net->n_pipes; p++) {
        double a, b, v;
        int at;
        pipe_extremes(r, p, &a, &b, &v, &at);
        n += at >= 0;
    }
    return n;
}

static double pipe_first_cavity(const surge_net *s, int p)
{
    double t = INFINITY;
    for (int i = 0; i <= s->pp_n[p]; i++)
        if (!isnan(s->tcav[s->pp_off[p] + i]))
            t = fmin(t, s->tcav[s->pp_off[p] + i]);
    return t;
}

int hl_surge_cavity_result(const hl_surge *r, int c, hl_surge_cavity *out)
{
    if (!r || !out || c < 0)
        return HL_EINVAL;
    const surge_net *s = r->net;
    memset(out, 0, sizeof *out);
    for (int i = 0; i < s->n_nodes; i++)
        if (s->nd_vmax[i] > 0.0 && c-- == 0) {
            out->node = r->node_id[i];
            out->t_first_s = s->nd_tcav[i];
            out->max_volume_m3 = s->nd_vmax[i];
            return HL_OK;
        }
    for (int p = 0; p < s->n_pipes; p++) {
        double a, b, v;
        int at;
        pipe_extremes(r, p, &a, &b, &v, &at);
        if (at >= 0 && c-- == 0) {
            out->pipe = r->pipe_id[p];
            out->x_m = s->pp_len[p] * at / s->pp_n[p];
            out->t_first_s = pipe_first_cavity(s, p);
            out->max_volume_m3 = v;
            return HL_OK;
        }
    }
    return HL_EINVAL;
}

int hl_surge_verdict_get(const hl_surge *r, hl_surge_verdict *out)
{
    if (!r || !out)
        return HL_EINVAL;
    memset(out, 0, sizeof *out);
    out->margin_pa = r->margin_pa;
    out->max_pressure_pa = -INFINITY;
    out->min_pressure_pa = INFINITY;
    for (int p = 0; p < r->net->n_pipes; p++) {
        hl_surge_pipe v;
        hl_surge_pipe_result(r, p, &v);
        out->pipes_over_pn += v.over_pn;
        out->pipes_near_vapour += v.near_vapour;
        out->max_cavity_m3 = fmax(out->max_cavity_m3, v.max_cavity_m3);
        if (v.max_pressure_pa > out->max_pressure_pa) {
            out->max_pressure_pa = v.max_pressure_pa;
            out->max_pipe = v.id;
        }
        if (v.min_pressure_pa < out->min_pressure_pa) {
            out->min_pressure_pa = v.min_pressure_pa;
            out->min_pipe = v.id;
        }
    }
    for (int i = 0; i < r->net->n_nodes; i++)
        out->max_cavity_m3 = fmax(out->max_cavity_m3, r->net->nd_vmax[i]);
    out->cavities = hl_surge_cavity_count(r);
    out->cavity_openings = r->net->n_cav_open;
    out->ok = out->pipes_over_pn == 0 && out->pipes_near_vapour == 0 &&
              out->cavities == 0;
    return HL_OK;
}

int hl_surge_watch_count(const hl_surge *r)
{
    return r ? r->n_watch : 0;
}

const char *hl_surge_watch_id(const hl_surge *r, int w)
{
    return r && w >= 0 && w < r->n_watch ? r->node_id[r->watch[w]] : NULL;
}

int hl_surge_sample_count(const hl_surge *r)
{
    return r ? r->n_samples : 0;
}

int hl_surge_sample(const hl_surge *r, int w, int i, double *t_s,
                    double *head_m, double *pressure_pa)
{
    if (!r || w < 0 || w >= r->n_watch || i < 0 || i >= r->n_samples)
        return HL_EINVAL;
    size_t at = (size_t)i * (size_t)r->n_watch + (size_t)w;
    if (t_s)
        *t_s = r->ser_t[i];
    if (head_m)
        *head_m = r->ser_h[at];
    if (pressure_pa)
        *pressure_pa = r->ser_p[at];
    return HL_OK;
}

int hl_surge_warning_count(const hl_surge *r)
{
    return r ? r->warn.n : 0;
}

const char *hl_surge_warning(const hl_surge *r, int i)
{
    return r && i >= 0 && i < r->warn.n ? r->warn.line[i] : NULL;
}

int hl_surge_vessel_count(const hl_surge *r)
{
    return r ? r->n_vessels : 0;
}

int hl_surge_vessel_result(const hl_surge *r, int v, hl_surge_vessel *out)
{
    if (!r || !out || v < 0 || v >= r->n_vessels)
        return HL_EINVAL;
    const surge_net *s = r->net;
    int d = r->vessel_dev[v];
    out->id = r->vessel_id[v];
    out->node = r->vessel_node[v];
    out->gas_min_m3 = s->dv_gas_min[d];
    out->gas_max_m3 = s->dv_gas_max[d];
    out->gas_end_m3 = s->dv_gas_v[d];
    return HL_OK;
}

int hl_surge_tank_count(const hl_surge *r)
{
    return r ? r->n_tanks : 0;
}

int hl_surge_tank_result(const hl_surge *r, int i, hl_surge_tank *out)
{
    if (!r || !out || i < 0 || i >= r->n_tanks)
        return HL_EINVAL;
    const surge_tank *tk = &r->net->tank[r->tank_dev[i]];
    out->id = r->tank_id[i];
    out->node = r->tank_node[i];
    out->one_way = tk->one_way;
    out->level_min_m = tk->lmin;
    out->level_max_m = tk->lmax;
    out->level_end_m = tk->level;
    out->spilled = tk->spilled;
    return HL_OK;
}

int hl_surge_pump_count(const hl_surge *r)
{
    return r ? r->n_pumps : 0;
}

int hl_surge_pump_result(const hl_surge *r, int i, hl_surge_pump *out)
{
    if (!r || !out || i < 0 || i >= r->n_pumps)
        return HL_EINVAL;
    const surge_net *s = r->net;
    int d = r->pump_dev[i];
    const surge_pump4q *p = &s->p4q[d];
    out->id = r->pump_id[i];
    out->four_quadrant = p->n > 0;
    out->curves = p->n > 0 ? p->source : NULL;
    out->specific_speed = p->n > 0 ? p->ns : NAN;
    out->speed_end =
        p->n > 0 ? p->alpha : surge_pump_speed(s, d, s->t) / s->dv_s0[d];
    out->min_speed = p->alpha_min;
    out->min_flow_ratio = p->qr > 0.0 ? p->v_min : NAN;
    out->flow_end_ratio =
        p->qr > 0.0 ? s->dv_m[d] / (s->dv_rho[d] * s->dv_par[d] * p->qr) : NAN;
    return HL_OK;
}

int hl_surge_controlled_count(const hl_surge *r)
{
    return r ? r->net->n_ctrl : 0;
}

int hl_surge_controlled_result(const hl_surge *r, int i,
                               hl_surge_controlled *out)
{
    if (!r || !out || i < 0 || i >= r->net->n_ctrl)
        return HL_EINVAL;
    const surge_net *s = r->net;
    const surge_ctrl *c = &s->ctrl[i];
    out->id = r->ctrl_id[i];
    out->node = r->node_id[c->node];
    out->set_pressure_pa = c->p_set;
    out->speed_start = c->s_init;
    out->speed_min = c->s_min_seen;
    out->speed_max = c->s_max_seen;
    out->speed_end = s->dv_s0[c->dev];
    return HL_OK;
}

int hl_surge_relief_count(const hl_surge *r)
{
    return r ? r->n_reliefs : 0;
}

int hl_surge_relief_result(const hl_surge *r, int v, hl_surge_relief *out)
{
    if (!r || !out || v < 0 || v >= r->n_reliefs)
        return HL_EINVAL;
    const surge_net *s = r->net;
    int d = r->relief_dev[v];
    out->id = r->relief_id[v];
    out->node = r->relief_node[v];
    out->set_pressure_pa = s->dv_rise[d];
    out->max_discharge_kg_s = s->dv_gas_max[d];
    out->capacity_kg_s = r->relief_cap[v];
    out->accumulation_pa = r->relief_acc[v];
    out->capacity_sufficed = !(out->max_discharge_kg_s > out->capacity_kg_s);
    return HL_OK;
}
