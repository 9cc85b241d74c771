/*
 * transport_from_model.c - the one file of the transport engine that reads
 * the network's internals (net.h): it fills the engine's tr_net from a run
 * of the steady engine. Topology once; flows, resistances, boundary flows
 * and fitting losses at every hydraulic step (from the run's last steady
 * solve); set points and surroundings at every transport step.
 */
#include "transport/adapter.h"

#include "network/net.h"
#include "network/thermal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double w_h(const void *ctx, double t)
{
    return fluid_h(ctx, t);
}

static double w_cp(const void *ctx, double t)
{
    return fluid_cp(ctx, t);
}

static double w_t(const void *ctx, double h)
{
    return fluid_t_from_h(ctx, h);
}

static signed char kind_of(int lk)
{
    switch (lk) {
    case LK_PIPE:
        return TR_PIPE;
    case LK_CONSUMER:
        return TR_CONSUMER;
    case LK_SOURCE:
        return TR_SOURCE;
    case LK_HX_PRIMARY:
        return TR_HX_PRI;
    case LK_HX_SECONDARY:
        return TR_HX_SEC;
    default:
        return TR_PASS;
    }
}

void tr_adapter_close(tr_net *n)
{
    if (!n)
        return;
    free(n->lk_kind);
    free(n->pp_mass);
    free(n->pp_wallc);
    free(n->pp_soilc);
    free(n->pp_soilf);
    free(n->lk_m);
    free(n->lk_heat);
    free(n->pp_qf);
    free(n->pp_r11);
    free(n->pp_r12);
    free(n->pp_amb);
    free(n->co_fixed_ret);
    free(n->co_tret);
    free(n->co_dt);
    free(n->so_tsup);
    free(n->so_heat);
    free(n->hx_mode);
    free(n->nd_in);
    free(n->nd_in_t);
    free(n->nd_out);
    free(n->nd_fit_w);
    free(n);
}

static int alloc_arrays(tr_net *n)
{
    size_t nl = (size_t)n->n_links + 1, np = (size_t)n->n_pipes + 1;
    size_t nc = (size_t)n->n_consumers + 1, ns = (size_t)n->n_sources + 1;
    size_t nn = (size_t)n->n_nodes + 1, nh = (size_t)n->n_hx + 1;
    n->lk_kind = calloc(nl, 1);
    n->pp_mass = calloc(np, sizeof(double));
    n->pp_wallc = calloc(np, sizeof(double));
    n->pp_soilc = calloc(np, sizeof(double));
    n->pp_soilf = calloc(np, sizeof(double));
    n->lk_m = calloc(nl, sizeof(double));
    n->lk_heat = calloc(nl, sizeof(double));
    n->pp_qf = calloc(np, sizeof(double));
    n->pp_r11 = calloc(np, sizeof(double));
    n->pp_r12 = calloc(np, sizeof(double));
    n->pp_amb = calloc(np, sizeof(double));
    n->co_fixed_ret = calloc(nc, 1);
    n->co_tret = calloc(nc, sizeof(double));
    n->co_dt = calloc(nc, sizeof(double));
    n->so_tsup = calloc(ns, sizeof(double));
    n->so_heat = calloc(ns, sizeof(double));
    n->hx_mode = calloc(nh, 1);
    n->nd_in = calloc(nn, sizeof(double));
    n->nd_in_t = calloc(nn, sizeof(double));
    n->nd_out = calloc(nn, sizeof(double));
    n->nd_fit_w = calloc(nn, sizeof(double));
    return n->lk_kind && n->pp_mass && n->pp_wallc && n->pp_soilc &&
                   n->pp_soilf && n->lk_m && n->lk_heat && n->pp_qf &&
                   n->pp_r11 && n->pp_r12 && n->pp_amb && n->co_fixed_ret &&
                   n->co_tret && n->co_dt && n->so_tsup && n->so_heat &&
                   n->hx_mode && n->nd_in && n->nd_in_t && n->nd_out &&
                   n->nd_fit_w
               ? 0
               : -1;
}

/* The water each pipe holds: its bore times its length at the density of
 * the run's steady solve (fixed for the run: transport moves mass). */
static void pipe_masses(tr_net *n, const hl_model *run, int wall)
{
    const net_def *d = run->net;
    for (int i = 0; i < d->n_pipes; i++) {
        double rho = run->lk_rho ? run->lk_rho[d->pp_link[i]] : NAN;
        if (!(rho > 0.0))
            rho = fluid_rho(&d->fluid, fluid_clamp_t(run->t_ground),
                            d->p_atm + 5e5);
        n->pp_mass[i] = rho * d->pp_area[i] * d->pp_len[i];
        n->pp_wallc[i] = wall ? 0.5 * d->pp_wallc[i] * d->pp_len[i] : 0.0;
    }
}

/* Soil of volumetric heat capacity 2.0 MJ/(m3 K) (sand and gravel, moist;
 * ISO 13370:2017 Table 7 gives 2.0 for sand/gravel, 3.0 for clay/silt). */
#define SOIL_RHO_C 2.0e6

/* A lumped soil node for buried pipe i with a build-up: the share of its
 * resistance inside the node (the insulation's, from the laying solved at
 * 80/50 C) and the capacity of the soil within the axis depth around it
 * (half of that circle for each pipe of a pair), J/(K m). */
static void soil_node(tr_net *n, const hl_model *run, int i)
{
    const net_def *d = run->net;
    if (d->pp_ht[i] != HT_BUILDUP || d->pp_surround[i] != SURR_GROUND)
        return;
    const hl_pipe_laying *lay = &d->ttype[d->pp_ttype[i]].laying;
    if (lay->laying != HL_LAYING_SINGLE && lay->laying != HL_LAYING_PAIR)
        return;
    hl_pipe_thermal out;
    hl_error err;
    hl_error_clear(&err);
    if (hl_pipe_thermal_solve(lay, 353.15, 323.15, run->t_ground, &out, &err))
        return;
    int r = d->pp_role[i] ? 1 : 0;
    double inner = out.r_insulation[r], outer = out.r_outside[r];
    const hl_pipe_buildup *b =
        &lay->pipe[lay->laying == HL_LAYING_PAIR ? r : 0];
    double dc = b->carrier_od_m;
    for (int k = 0; k < b->n_layers; k++)
        dc += 2.0 * b->layer[k].thickness_m;
    double h = lay->axis_depth_m;
    if (!(inner > 0.0) || !(outer > 0.0) || !(h > 0.5 * dc))
        return;
    n->pp_soilf[i] = inner / (inner + outer);
    n->pp_soilc[i] = SOIL_RHO_C * M_PI * (h * h - 0.25 * dc * dc) *
                     (lay->laying == HL_LAYING_PAIR ? 0.5 : 1.0);
}

int tr_adapter_open(tr_net **out, const hl_model *run, int wall, int soil)
{
    const net_def *d = run->net;
    tr_net *n = calloc(1, sizeof *n);
    *out = n;
    if (!n)
        return HL_ENOMEM;
    n->n_nodes = d->n_nodes;
    n->n_links = d->n_links;
    n->n_pipes = d->n_pipes;
    n->n_consumers = d->n_consumers;
    n->n_sources = d->n_sources;
    n->n_hx = d->n_hx;
    n->gen = 1; /* the engine's per-pipe caches start at 0: stale */
    n->fluid = (tr_fluid){&d->fluid, w_h, w_cp, w_t, 0.0, FLUID_T_BASE};
    if (d->fluid.constant) /* (an EPANET import's water) */
        n->fluid.cp_const = d->fluid.cp;
    n->lk_from = d->lk_from;
    n->lk_to = d->lk_to;
    n->lk_sub = d->lk_sub;
    n->adj_start = d->adj_start;
    n->adj_link = d->adj_link;
    n->pp_link = d->pp_link;
    n->co_link = d->co_link;
    n->so_link = d->so_link;
    n->pp_len = d->pp_len;
    n->pp_pair = d->pp_pair;
    n->pp_pair_same = d->pp_pair_same;
    n->hx_pri = d->hx_pri;
    n->hx_sec = d->hx_sec;
    n->hx_approach = d->hx_approach;
    n->hx_ua = d->hx_ua;
    if (alloc_arrays(n))
        return HL_ENOMEM;
    for (int k = 0; k < d->n_links; k++)
        n->lk_kind[k] = kind_of(d->lk_kind[k]);
    for (int h = 0; h < d->n_hx; h++)
        n->hx_mode[h] = d->hx_mode[h] == HX_UA ? 1 : 0;
    for (int c = 0; c < d->n_consumers; c++) {
        n->co_fixed_ret[c] = d->co_mode[c] == CONS_HEAT_RETURN ||
                             d->co_mode[c] == CONS_FLOW_RETURN;
        n->co_tret[c] = d->co_tret[c];
        n->co_dt[c] = d->co_dt[c];
    }
    pipe_masses(n, run, wall);
    for (int i = 0; soil && i < d->n_pipes; i++)
        soil_node(n, run, i);
    return HL_OK;
}

/* Water entering or leaving at nodes from outside (fixed-pressure nodes,
 * demands), as the steady engine's boundary_inflows. */
static void node_boundary(tr_net *n, const hl_model *run)
{
    const net_def *d = run->net;
    for (int i = 0; i < d->n_nodes; i++) {
        double in = run->nd_ext ? run->nd_ext[i] : 0.0;
        in -= net_node_demand(run, i) * run->demand_scale;
        n->nd_in[i] = in > 0.0 ? in : 0.0;
        n->nd_out[i] = in < 0.0 ? -in : 0.0;
        double t = d->nd_inflow_t[i];
        n->nd_in_t[i] = isnan(t) ? run->t_ground : t;
        n->nd_fit_w[i] = 0.0;
    }
    for (int f = 0; f < d->n_fittings; f++) {
        int v = d->fi_node[f];
        if (v >= 0 && run->fi_q && run->fi_q[f] > 0.0)
            n->nd_fit_w[v] += run->fi_q[f];
    }
}

void tr_adapter_hydraulics(tr_net *n, const hl_model *run)
{
    const net_def *d = run->net;
    /* Pump and friction heat (issue 13) as the steady engine put it into
     * the water this hour: pumps and valves at the link, pipes per metre
     * along them (0 where the model has the setting off). */
    for (int k = 0; k < d->n_links; k++) {
        n->lk_m[k] = run->lk_m[k];
        n->lk_heat[k] = n->lk_kind[k] == TR_PASS ? run->lk_mech[k] : 0.0;
    }
    for (int i = 0; i < d->n_pipes; i++) {
        n->pp_r11[i] = run->pp_r11[i];
        n->pp_r12[i] = run->pp_r12[i];
        double len = d->pp_len[i];
        n->pp_qf[i] = len > 0.0 ? run->lk_mech[d->pp_link[i]] / len : 0.0;
    }
    n->gen++; /* the pipes' rates change (tr_net.gen) */
    node_boundary(n, run);
    tr_adapter_boundary(n, run);
}

void tr_adapter_boundary(tr_net *n, const hl_model *run)
{
    const net_def *d = run->net;
    /* a pipe's surroundings are the run's air, duct or ground temperature
     * or its own fixed one: unchanged while those three are (every
     * transport step of an hour asks again) */
    double key[3] = {run->t_air, run->t_duct, run->t_ground};
    if (!n->amb_valid || memcmp(key, n->amb_key, sizeof key)) {
        for (int i = 0; i < d->n_pipes; i++)
            n->pp_amb[i] = pipe_ambient(run, i);
        memcpy(n->amb_key, key, sizeof key);
        n->amb_valid = 1;
        n->gen++;
    }
    for (int s = 0; s < d->n_sources; s++) {
        n->so_heat[s] = d->so_heat[s];
        n->so_tsup[s] = isnan(d->so_heat[s]) ? run->so_tsup[s] : NAN;
    }
}

void tr_adapter_pipe_ends(const hl_model *run, double *t_from, double *t_to)
{
    const net_def *d = run->net;
    for (int i = 0; i < d->n_pipes; i++) {
        int fwd = run->lk_m[d->pp_link[i]] >= 0.0;
        double a = run->pp_tin[i], b = run->pp_tout[i];
        if (isnan(a) || isnan(b))
            a = b = pipe_ambient(run, i);
        t_from[i] = fwd ? a : b;
        t_to[i] = fwd ? b : a;
    }
}

double tr_adapter_node_temp(const hl_model *run, int v)
{
    return run->nd_t ? run->nd_t[v] : NAN;
}

void tr_adapter_set_consumer_flow(hl_model *run, int c, double flow_kg_s)
{
    run->co_flow[c] = flow_kg_s;
}

int tr_adapter_consumer_by_flow(const hl_model *run, int c)
{
    return run->net->co_mode[c] == CONS_FLOW_RETURN ||
           run->net->co_mode[c] == CONS_FLOW_DT;
}

double tr_adapter_setpoint(const hl_model *run, int s)
{
    return run->so_tsup[s];
}

void tr_adapter_set_setpoint(hl_model *run, int s, double t_k)
{
    run->so_tsup[s] = t_k;
}

/* n elements of a run array from src into dst (both on one network). */
/* (an array of no elements may be NULL) */
#define COPY_N(f, n)                                                           \
    do {                                                                       \
        if ((n) > 0)                                                           \
            memcpy(dst->f, src->f, sizeof *src->f *(size_t)(n));               \
    } while (0)

void tr_adapter_keep_tables(hl_model *to, hl_model *from)
{
    (void)fitting_tables_move(to, from);
}

void tr_adapter_copy_conditions(hl_model *dst, const hl_model *src)
{
    const net_def *d = src->net;
    dst->t_ground = src->t_ground;
    dst->t_air = src->t_air;
    dst->t_duct = src->t_duct;
    dst->chamber_air_default = src->chamber_air_default;
    dst->demand_scale = src->demand_scale;
    if (memcmp(dst->fit_cover, src->fit_cover, sizeof dst->fit_cover)) {
        memcpy(dst->fit_cover, src->fit_cover, sizeof dst->fit_cover);
        fitting_table_clear(dst, -1); /* tabulated for the old covers */
    }
    COPY_N(lk_open, d->n_links);
    COPY_N(co_heat, d->n_consumers);
    COPY_N(co_flow, d->n_consumers);
    COPY_N(so_tsup, d->n_sources);
    COPY_N(ch_air, d->n_chambers);
    COPY_N(fi_state, d->n_fittings);
}
