/* plant_line_solve.c - one hour of the embedded line model: flow from the
 * regulation, fitting heat by the surface engine, coupled supply/return
 * temperature decay along each segment, friction heads, pump power and
 * the profile along the line. Every heat flow withdrawn from the water is
 * m cp times its temperature change, so the hour's balance closes. */
#include "plant_line.h"

#include <math.h>
#include <string.h>

#define G               9.80665
#define SWEEPS          3
#define BARE_EMISSIVITY 0.9 /* oxidised steel, notes 5.5 [A] */

static int cell_solve(const line_model *l, int type, int state, double t_k,
                      double air_k, double *heat_w, double *surface_k,
                      hl_error *err)
{
    const fitting_type *ft = plant_line_fitting_type(type);
    hl_surface_in in;
    hl_surface_out o;
    hl_surface_in_init(&in);
    in.diameter_m = ft->diameter_m;
    in.inner_temp_k = t_k; /* metal at the water temperature [A] */
    in.outer.air_k = in.outer.radiant_k = air_k;
    in.outer.emissivity = BARE_EMISSIVITY;
    if (state != HL_FIT_BARE) {
        in.layer[0] = l->layer;
        in.n_layers = 1;
        in.outer.emissivity = l->layer_emissivity;
    }
    int rc = hl_surface_solve(&in, &o, err);
    if (rc)
        return rc;
    /* W/m of the equivalent cylinder times its length area / (pi D) */
    *heat_w = o.heat_flow * ft->area_m2 / (M_PI * ft->diameter_m);
    *surface_k = o.surface_temp_k;
    return HL_OK;
}

static int cell(line_model *l, int type, int side, int state, int i,
                double air_k, hl_error *err)
{
    fit_class *c = &l->cls[type][side][state];
    if (c->air_k != air_k) {
        memset(c->ok, 0, sizeof c->ok);
        c->air_k = air_k;
    }
    if (c->ok[i])
        return HL_OK;
    int rc = cell_solve(l, type, state, HL_ZERO_C_K + i, air_k, &c->heat_w[i],
                        &c->surface_k[i], err);
    c->ok[i] = rc == HL_OK;
    return rc;
}

static int fitting_heat(line_model *l, int k, double t_k, double air_k,
                        hl_error *err)
{
    const line_fitting *f = &l->fit[k];
    double x = t_k - HL_ZERO_C_K;
    int i = (int)floor(x);
    if (i < 0 || i + 1 >= FIT_GRID_N)
        return hl_error_set(err, HL_ERANGE,
                            "fitting %s: water at %.1f C is outside 0..160 C",
                            f->id, x);
    int rc = cell(l, f->type, f->side, f->state, i, air_k, err);
    if (!rc)
        rc = cell(l, f->type, f->side, f->state, i + 1, air_k, err);
    if (rc)
        return rc;
    const fit_class *c = &l->cls[f->type][f->side][f->state];
    double w = x - i;
    l->fit_heat[k] = (1 - w) * c->heat_w[i] + w * c->heat_w[i + 1];
    l->fit_surface[k] = (1 - w) * c->surface_k[i] + w * c->surface_k[i + 1];
    return HL_OK;
}

/* Fittings of one side at node i, in the water at *t; lowers *t. */
static int node_fittings(line_model *l, int i, int side, double *t,
                         double air_k, hl_error *err)
{
    double mcp = l->flow * l->cp;
    int k0 = (i * 2 + side) * LINE_N_TYPES;
    double t_in = *t;
    for (int k = k0; k < k0 + LINE_N_TYPES; k++) {
        int rc = fitting_heat(l, k, t_in, air_k, err);
        if (rc)
            return rc;
        *t -= l->fit_heat[k] / mcp;
    }
    return HL_OK;
}

/* Exact decay over length len toward T_eff = T0 + r12/r11 (T_other - T0)
 * with R_eff = (r11^2 - r12^2) / r11: the pair relation of heatline_pipe.h
 * solved for one pipe with the other pipe's temperature held. */
static double segment_out(const line_model *l, double t_in, double t_other,
                          double t0, double len)
{
    double t_eff = t0 + l->r12 / l->r11 * (t_other - t0);
    double r_eff = (l->r11 * l->r11 - l->r12 * l->r12) / l->r11;
    return t_eff + (t_in - t_eff) * exp(-len / (l->flow * l->cp * r_eff));
}

static int sweep_supply(line_model *l, const plant_bc *bc, double air_k,
                        hl_error *err)
{
    double t = bc->supply_k;
    l->pipe_loss_w[0] = 0.0;
    for (int i = 0; i < l->n_nodes; i++) {
        l->ts[i] = t;
        int rc = node_fittings(l, i, 0, &t, air_k, err);
        if (rc)
            return rc;
        if (i + 1 < l->n_nodes) {
            double other = 0.5 * (l->tr[i] + l->tr[i + 1]);
            double t_out =
                segment_out(l, t, other, bc->ground_k, l->x[i + 1] - l->x[i]);
            l->pipe_loss_w[0] += l->flow * l->cp * (t - t_out);
            t = t_out;
        }
    }
    l->last_city_supply_k = t;
    return HL_OK;
}

static int sweep_return(line_model *l, const plant_bc *bc, double air_k,
                        double t_city, hl_error *err)
{
    double t = t_city;
    l->pipe_loss_w[1] = 0.0;
    for (int i = l->n_nodes - 1; i >= 0; i--) {
        l->tr[i] = t;
        int rc = node_fittings(l, i, 1, &t, air_k, err);
        if (rc)
            return rc;
        if (i > 0) {
            double other = 0.5 * (l->ts[i] + l->ts[i - 1]);
            double t_out =
                segment_out(l, t, other, bc->ground_k, l->x[i] - l->x[i - 1]);
            l->pipe_loss_w[1] += l->flow * l->cp * (t - t_out);
            t = t_out;
        }
    }
    l->tr_plant = t;
    return HL_OK;
}

/* Quality regulation: design flow. Quantity: the flow that carries the
 * demand at the design return temperature, from the last hour's supply
 * temperature at the consumer (warm start); 10 % of design at least, so
 * the line keeps circulating [A]. */
static double hour_flow(const line_model *l, const plant_bc *bc)
{
    if (bc->regulation == HL_REG_QUALITY)
        return l->design_flow;
    double t_city = isfinite(l->last_city_supply_k)
                        ? fmin(l->last_city_supply_k, bc->supply_k)
                        : bc->supply_k - 0.5;
    double dt = t_city - l->op.design_return_k;
    double m = dt > 1.0 ? bc->demand_w / (l->cp * dt) : l->design_flow;
    return fmin(fmax(m, 0.1 * l->design_flow), 1.5 * l->design_flow);
}

/* Colebrook-White (1939) friction factor by fixed-point iteration on
 * 1/sqrt(f); laminar 64/Re below Re 2000. */
static double friction_factor(double re, double rel_rough)
{
    if (re < 2000.0)
        return 64.0 / fmax(re, 1e-9);
    double x = 8.0; /* 1/sqrt(f) */
    for (int it = 0; it < 30; it++) {
        double nx = -2.0 * log10(rel_rough / 3.7 + 2.51 * x / re);
        if (fabs(nx - x) < 1e-13 * x)
            return 1.0 / (nx * nx);
        x = nx;
    }
    return 1.0 / (x * x);
}

static double hydraulics(line_model *l)
{
    double area = 0.25 * M_PI * l->inner_d * l->inner_d, total = 0.0;
    for (int side = 0; side < 2; side++) {
        double v = l->flow / (l->rho[side] * area);
        double re = l->rho[side] * v * l->inner_d / l->mu[side];
        double f = friction_factor(re, l->roughness / l->inner_d);
        for (int j = 0; j + 1 < LINE_N_STATIONS; j++) {
            double len = plant_line_station(j + 1)->chainage_m -
                         plant_line_station(j)->chainage_m;
            /* Darcy-Weisbach head loss */
            l->friction_m[side][j] = f * len / l->inner_d * v * v / (2 * G);
            total += l->friction_m[side][j];
        }
    }
    return l->flow * G * (total + l->hx_head_m) / l->pump_efficiency;
}

int plant_solve(plant *p, const plant_bc *bc, plant_totals *out,
                double *surface_k, hl_error *err)
{
    line_model *l = (line_model *)p;
    double air_k = isfinite(bc->chamber_k) ? bc->chamber_k : l->chamber_air_k;
    l->flow = hour_flow(l, bc);
    double mcp = l->flow * l->cp, t_ret_city = 0.0;
    if (!isfinite(l->tr[0]) || l->tr[0] <= 0.0)
        for (int i = 0; i < l->n_nodes; i++)
            l->tr[i] = l->op.design_return_k;
    for (int s = 0; s < SWEEPS; s++) {
        int rc = sweep_supply(l, bc, air_k, err);
        double t_city = l->last_city_supply_k;
        t_ret_city =
            fmax(fmin(l->min_return_k, t_city), t_city - bc->demand_w / mcp);
        if (!rc)
            rc = sweep_return(l, bc, air_k, t_ret_city, err);
        if (rc)
            return rc;
    }
    memset(out, 0, sizeof *out);
    out->heat_source_w = mcp * (bc->supply_k - l->tr_plant);
    out->heat_delivered_w = mcp * (l->last_city_supply_k - t_ret_city);
    out->unmet_w = fmax(0.0, bc->demand_w - out->heat_delivered_w);
    for (int k = 0; k < l->n_fit; k++) {
        out->loss_fittings_w[l->fit[k].state] += l->fit_heat[k];
        if (surface_k)
            surface_k[k] = l->fit_surface[k];
    }
    out->loss_pipes_w = l->pipe_loss_w[0] + l->pipe_loss_w[1];
    out->pump_electric_w = hydraulics(l);
    out->supply_city_k = l->last_city_supply_k;
    l->unmet_w = out->unmet_w;
    return HL_OK;
}

/* Head lines of the classic pressure diagram under a symmetric pump
 * arrangement [A]: every pump restores its own leg's friction, the
 * pressurisation point holds the return suction at the static head, and
 * the isolation station takes hx_head_m between supply and return. */
static void station_heads(line_model *l, double h_static, double *h_arrive)
{
    int last = LINE_N_STATIONS - 2; /* index of the last leg */
    *h_arrive = h_static + l->friction_m[1][last] + l->hx_head_m;
    for (int s = 0; s < LINE_N_STATIONS; s++) {
        l->st[s] = *plant_line_station(s);
        int leg = s < LINE_N_STATIONS - 1 ? s : -1;
        l->st[s].head_gain_supply_m =
            leg >= 0
                ? l->friction_m[0][leg] + (s == 0 ? *h_arrive - h_static : 0.0)
                : 0.0;
        l->st[s].head_gain_return_m =
            s > 0 && s < LINE_N_STATIONS - 1 ? l->friction_m[1][s - 1] : 0.0;
    }
}

static int leg_of(double x, int right)
{
    for (int j = 0; j + 1 < LINE_N_STATIONS; j++) {
        double a = plant_line_station(j)->chainage_m;
        double b = plant_line_station(j + 1)->chainage_m;
        if (x < b - 1e-6 || (x <= b + 1e-6 && !right) ||
            j + 2 == LINE_N_STATIONS)
            return x >= a - 1e-6 ? j : 0;
    }
    return 0;
}

static void add_point(line_model *l, int i, int right, double h_static,
                      double h_arrive)
{
    double x = l->x[i];
    int j = leg_of(x, right);
    double a = plant_line_station(j)->chainage_m;
    double b = plant_line_station(j + 1)->chainage_m;
    double f = (x - a) / (b - a);
    plant_point *p = &l->prof[l->n_prof++];
    p->chainage_m = x;
    p->elevation_m = plant_line_elevation(x);
    p->head_supply_m = h_arrive + (1.0 - f) * l->friction_m[0][j];
    p->head_return_m = h_static + f * l->friction_m[1][j];
    p->pressure_supply_pa = l->rho[0] * G * (p->head_supply_m - p->elevation_m);
    p->pressure_return_pa = l->rho[1] * G * (p->head_return_m - p->elevation_m);
    p->temp_supply_k = l->ts[i];
    p->temp_return_k = l->tr[i];
}

static int is_relay(double x)
{
    for (int s = 1; s + 1 < LINE_N_STATIONS; s++)
        if (fabs(plant_line_station(s)->chainage_m - x) < 1e-6)
            return 1;
    return 0;
}

void plant_get_profile(plant *p, plant_profile *out)
{
    line_model *l = (line_model *)p;
    double h_static = 0.0, h_arrive;
    for (int s = 0; s < LINE_N_STATIONS; s++)
        h_static = fmax(
            h_static, plant_line_elevation(plant_line_station(s)->chainage_m));
    h_static += l->static_margin_m;
    station_heads(l, h_static, &h_arrive);
    l->n_prof = 0;
    for (int i = 0; i < l->n_nodes; i++) {
        add_point(l, i, 0, h_static, h_arrive);
        if (is_relay(l->x[i]))
            add_point(l, i, 1, h_static, h_arrive);
    }
    out->n = l->n_prof;
    out->pt = l->prof;
    out->n_stations = LINE_N_STATIONS;
    out->station = l->st;
    out->static_head_m = h_static;
    out->max_pressure_pa = l->pn_pa;
    out->rho_supply = l->rho[0];
    out->rho_return = l->rho[1];
    out->min_pressure_pa =
        plant_line_saturation_pa(l->op.design_supply_k) - 101325.0 + 50e3;
}
