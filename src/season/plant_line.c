/* plant_line.c - the embedded Tuoketuo-Hohhot transmission line as the
 * season's plant: the 68.4 km DN1600 supply/return pair from the first
 * station to the pressure-isolation heat-exchange station, which is the
 * consumer here (research notes 5.1-5.5; every value below is tagged
 * there as sourced [S], derived [D], recalled [R] or assumed [A]).
 * A compact model, not the network engine: constant water properties per
 * pipe, coupled supply/return temperature decay through the soil, fittings
 * in valve chambers as heat sinks solved by the surface engine, Darcy-
 * Weisbach friction with Colebrook-White. */
#include "plant.h"
#include "plant_line.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define G          9.80665
#define N_TYPES    4
#define N_STATIONS 4
#define SWEEPS     3

static const fitting_type fitting_types[N_TYPES] = {
    /* notes 5.5 [A]: per chamber and pipe */
    {"section-valve", 6.0, 1.620}, /* DN1600 butterfly incl. flanges */
    {"compensator", 10.7, 1.900},  /* DN1600 bellows, OD 1.9 m x 1.8 m */
    {"bypass-valve", 0.8, 0.325},  /* DN300 */
    {"vent-valve", 0.4, 0.168},    /* DN150 air vent / DN200 drain */
};

static const plant_station stations[N_STATIONS] = {
    /* notes 5.4: chainage [S/A], elevation [A] in line_elevation() */
    {"first station", 0.0, 0, 0},
    {"relay pump station 1", 22800.0, 0, 0},
    {"relay pump station 2", 45600.0, 0, 0},
    {"isolation HX station", 68400.0, 0, 0},
};

static double line_elevation(double x)
{
    static const double z[N_STATIONS] = {1005.0, 1018.0, 1032.0, 1045.0};
    for (int i = 0; i + 1 < N_STATIONS; i++)
        if (x <= stations[i + 1].chainage_m || i + 2 == N_STATIONS) {
            double f = (x - stations[i].chainage_m) /
                       (stations[i + 1].chainage_m - stations[i].chainage_m);
            return z[i] + f * (z[i + 1] - z[i]);
        }
    return z[0];
}

/* IAPWS-IF97 (2007 revision), region 4 saturation pressure, eq. 30. */
static double saturation_pressure_pa(double t_k)
{
    static const double n[10] = {0.11670521452767e4,  -0.72421316703206e6,
                                 -0.17073846940092e2, 0.12020824702470e5,
                                 -0.32325550322333e7, 0.14915108613530e2,
                                 -0.48232657361591e4, 0.40511340542057e6,
                                 -0.23855557567849,   0.65017534844798e3};
    double th = t_k + n[8] / (t_k - n[9]);
    double a = th * th + n[0] * th + n[1];
    double b = n[2] * th * th + n[3] * th + n[4];
    double c = n[5] * th * th + n[6] * th + n[7];
    double x = 2.0 * c / (-b + sqrt(b * b - 4.0 * a * c));
    return x * x * x * x * 1e6;
}

double plant_line_saturation_pa(double t_k)
{
    return saturation_pressure_pa(t_k);
}

/* ---- construction ------------------------------------------------------- */

static void set_defaults(line_model *l)
{
    l->design_flow = 24000.0 / 3.6;            /* 24,000 t/h [S] */
    l->cp = 4200.0;                            /* J/(kg K), constant [A] */
    l->rho[0] = 934.8, l->rho[1] = 988.0;      /* 130 / 50 C, IAPWS [D] */
    l->mu[0] = 2.13e-4, l->mu[1] = 5.47e-4;    /* Pa s, IAPWS 2008 [D] */
    l->inner_d = 1.580, l->roughness = 0.5e-3; /* [A], [R] */
    l->pump_efficiency = 0.80;                 /* [A] */
    l->hx_head_m = 10.0;       /* isolation-station primary drop [A] */
    l->static_margin_m = 30.0; /* static head above the highest point [A] */
    l->pn_pa = 2.5e6;          /* PN25 [A] */
    l->chamber_air_k = HL_ZERO_C_K + 25.0; /* [A] */
    l->min_return_k = HL_ZERO_C_K + 25.0;  /* lowest consumer return [A] */
    l->axis_depth = 2.33;
    hl_operation_hohhot(&l->op);
}

/* EN 13941-1:2019 Annex / Wallenten (1991): two pipes in one trench.
 * Soil R_s = ln(4 H / D_c) / (2 pi l_s); mutual R_h = ln(1 + (2H/E)^2) /
 * (4 pi l_s); own insulation and casing by ln(r2/r1) / (2 pi l). */
static void pair_resistances(line_model *l)
{
    const double dc = 1.856, di = 1.820, d0 = 1.620; /* m [A], notes 5.3 */
    const double l_pur = 0.033, l_pe = 0.43, l_soil = 1.5;
    const double spacing = dc + 0.5; /* 0.5 m clear [A] */
    double r_ins =
        log(di / d0) / (2 * M_PI * l_pur) + log(dc / di) / (2 * M_PI * l_pe);
    double r_soil = log(4.0 * l->axis_depth / dc) / (2 * M_PI * l_soil);
    double g = 2.0 * l->axis_depth / spacing;
    l->r11 = r_ins + r_soil;
    l->r12 = log(1.0 + g * g) / (4 * M_PI * l_soil);
}

static void build_nodes(line_model *l)
{
    double x[64];
    int n = 0;
    for (int s = 0; s < N_STATIONS; s++)
        x[n++] = stations[s].chainage_m;
    for (double km = 3.0; km < 68.4 - 1e-9; km += 3.0) /* every ~3 km [R] */
        x[n++] = km * 1000.0;
    for (int i = 1; i < n; i++) /* insertion sort */
        for (int j = i; j > 0 && x[j - 1] > x[j]; j--) {
            double t = x[j];
            x[j] = x[j - 1], x[j - 1] = t;
        }
    l->n_nodes = n;
    for (int i = 0; i < n; i++)
        l->x[i] = x[i];
}

static void build_fittings(line_model *l)
{
    int k = 0;
    for (int i = 0; i < l->n_nodes; i++)
        for (int side = 0; side < 2; side++)
            for (int t = 0; t < N_TYPES; t++, k++) {
                line_fitting *f = &l->fit[k];
                f->node = i, f->side = side, f->type = t;
                f->state_as_is = HL_FIT_BARE; /* the case the utility had */
                snprintf(f->id, sizeof f->id, "K%04.1f-%c-%s", l->x[i] / 1000.0,
                         side ? 'R' : 'S', fitting_types[t].name);
            }
    l->n_fit = k;
}

int plant_open(plant **out, const char *model_path, hl_error *err)
{
    *out = NULL;
    if (model_path)
        return hl_error_set(err, HL_EINVAL,
                            "%s: model files need the network engine; this "
                            "build runs the embedded line only",
                            model_path);
    line_model *l = calloc(1, sizeof *l);
    if (!l)
        return hl_error_set(err, HL_ENOMEM, "line model: out of memory");
    set_defaults(l);
    pair_resistances(l);
    build_nodes(l);
    build_fittings(l);
    l->last_city_supply_k = NAN;
    *out = (plant *)l;
    return HL_OK;
}

void plant_close(plant *p)
{
    free(p);
}

const char *plant_name(const plant *p)
{
    (void)p;
    return "Tuoketuo-Hohhot line, 68.4 km DN1600 pair (embedded line model)";
}

void plant_operation(const plant *p, hl_operation *op)
{
    *op = ((const line_model *)p)->op;
}

double plant_chamber_air_k(const plant *p)
{
    return ((const line_model *)p)->chamber_air_k;
}

double plant_axis_depth_m(const plant *p)
{
    return ((const line_model *)p)->axis_depth;
}

int plant_fitting_count(const plant *p)
{
    return ((const line_model *)p)->n_fit;
}

void plant_fitting_info(const plant *p, int i, hl_season_fitting *out)
{
    const line_model *l = (const line_model *)p;
    const line_fitting *f = &l->fit[i];
    memset(out, 0, sizeof *out);
    snprintf(out->id, sizeof out->id, "%s", f->id);
    snprintf(out->type, sizeof out->type, "%s", fitting_types[f->type].name);
    out->area_m2 = fitting_types[f->type].area_m2;
    out->chainage_m = l->x[f->node];
    out->state_as_is = f->state_as_is;
}

int plant_set_scenario(plant *p, int scenario, const hl_layer *layer,
                       double emissivity, hl_error *err)
{
    line_model *l = (line_model *)p;
    if (scenario != HL_SCEN_AS_IS && (!layer || !(layer->thickness_m > 0)))
        return hl_error_set(err, HL_EINVAL,
                            "scenario %s: needs a layer with a thickness",
                            hl_scenario_name(scenario));
    for (int i = 0; i < l->n_fit; i++)
        l->fit[i].state = scenario == HL_SCEN_AS_IS    ? l->fit[i].state_as_is
                          : scenario == HL_SCEN_COATED ? HL_FIT_COATED
                                                       : HL_FIT_JACKETED;
    if (layer)
        l->layer = *layer;
    l->layer_emissivity = emissivity;
    return HL_OK;
}

const fitting_type *plant_line_fitting_type(int t)
{
    return &fitting_types[t];
}

const plant_station *plant_line_station(int s)
{
    return &stations[s];
}

double plant_line_elevation(double x)
{
    return line_elevation(x);
}
