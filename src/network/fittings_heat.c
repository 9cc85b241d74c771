/*
 * fittings_heat.c - heat loss and hottest surface of the fittings in a
 * valve chamber, for a medium temperature, the chamber air and the
 * fitting's state (bare / coated / jacketed).
 *
 * A fitting is treated as its outer surface area A (given per item in the
 * model) wrapped on an equivalent horizontal cylinder of the pipe's outer
 * diameter D, i.e. L_eq = A / (pi D) metres of pipe, solved with the
 * layered-surface engine (ISO 12241 coefficients, still chamber air,
 * radiation to walls at the air temperature): bare steel at the medium
 * temperature (thin steel, high inside film coefficient), coated with
 * 8 mm of ceramic-microbead coating, or jacketed with a 30 mm aerogel
 * blanket in an aluminium sheet jacket.
 */
#include "network/net.h"

#include <math.h>
#include <stdio.h>

/* Outer diameter of steel pipe by DN, mm (GB/T 8163 / GB 50316 series,
 * the sizes Chinese heating networks use). */
static const int dn_table[][2] = {
    {15, 22},     {20, 27},     {25, 34},     {32, 42},     {40, 48},
    {50, 57},     {65, 76},     {80, 89},     {100, 108},   {125, 133},
    {150, 159},   {200, 219},   {250, 273},   {300, 325},   {350, 377},
    {400, 426},   {450, 478},   {500, 529},   {600, 630},   {700, 720},
    {800, 820},   {900, 920},   {1000, 1020}, {1200, 1220}, {1400, 1420},
    {1600, 1620}, {1800, 1820}, {2000, 2020}};

double net_dn_outer_diameter(int dn)
{
    int n = (int)(sizeof dn_table / sizeof dn_table[0]);
    for (int i = 0; i < n; i++)
        if (dn_table[i][0] == dn)
            return dn_table[i][1] * 1e-3;
    return NAN;
}

static int state_layers(hl_model *m, int state, hl_surface_in *in)
{
    static const char *coat[] = {"ceramic-microbead"};
    static const char *jacket[] = {"aerogel-blanket", "aluminium-jacket"};
    static const double coat_t[] = {8e-3}, jacket_t[] = {30e-3, 0.5e-3};
    const char **ids = state == HL_FIT_STATE_COATED ? coat : jacket;
    const double *th = state == HL_FIT_STATE_COATED ? coat_t : jacket_t;
    int n = state == HL_FIT_STATE_COATED ? 1 : 2;
    for (int j = 0; j < n; j++) {
        const hl_material *mat = hl_material_find(m->materials, ids[j]);
        if (!mat)
            return net_fail(m, HL_ENOTFOUND,
                            "fittings: material '%s' is not in the table",
                            ids[j]);
        hl_layer_from_material(mat, th[j], &in->layer[j]);
        if (isfinite(mat->emissivity))
            in->outer.emissivity = mat->emissivity;
    }
    in->n_layers = n;
    return HL_OK;
}

int fitting_heat(hl_model *m, int i, double tm_k, double *q_w, double *ts_k)
{
    double od = m->fi_od[i], area = m->fi_area[i];
    if (isnan(od))
        od = net_dn_outer_diameter(m->fi_dn[i]);
    if (!(od > 0.0) || !(area > 0.0))
        return net_fail(m, HL_ENOTFOUND,
                        "fitting '%s': no surface area (give area_m2) or no "
                        "outer diameter for DN%d",
                        m->fi_id[i], m->fi_dn[i]);
    double air = m->ch_air[m->fi_chamber[i]];
    hl_surface_in in;
    hl_surface_in_init(&in);
    in.diameter_m = od;
    in.inner_temp_k = tm_k;
    in.outer.air_k = in.outer.radiant_k = air;
    in.outer.emissivity = 0.9; /* oxidised steel, materials "steel-bare" */
    int state = m->fi_state[i];
    if (state != HL_FIT_STATE_BARE && state_layers(m, state, &in))
        return m->err.code;
    if (fabs(tm_k - air) < 1e-6) {
        *q_w = 0.0;
        *ts_k = tm_k;
        return HL_OK;
    }
    hl_surface_out out;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surface_solve(&in, &out, &err))
        return net_fail(m, err.code, "fitting '%s': %s", m->fi_id[i],
                        err.message);
    double l_eq = area / (M_PI * od);
    *q_w = out.heat_flow * l_eq * m->fi_count[i];
    *ts_k = out.surface_temp_k;
    return HL_OK;
}
