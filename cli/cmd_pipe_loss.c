/*
 * cmd_pipe_loss.c - `heatline pipe-loss`: heat loss per metre of one pipe
 * build-up or a supply/return pair, buried (single, pair, twin), overhead
 * or in a duct, as pipe makers' calculators give it. Options and JSON keys
 * are in docs/cli.md; the physics in docs/physics.md.
 */
#include "cli.h"
#include "pipe_loss_args.h"

#include <math.h>
#include <string.h>

#define CMD "pipe-loss"

typedef struct pipe_report {
    const pipe_loss_args *a;
    const hl_pipe_thermal *o;
    int twin;
    double r_casing[2]; /* casing wall share of r_kk, NAN = no casing */
    double r_ins[2];    /* insulation (twin: fill) share of r_kk */
} pipe_report;

static void split_resistances(const pipe_loss_args *a, const hl_pipe_thermal *o,
                              pipe_report *p)
{
    for (int k = 0; k < 2; k++) {
        double r_kk = k ? o->r22 : o->r11;
        p->r_casing[k] = NAN;
        p->r_ins[k] = NAN;
        if (k >= a->n_pipes)
            continue;
        if (p->twin) {
            p->r_casing[k] = a->casing_od_m[0] > 0.0 ? o->r_casing_wall : NAN;
            p->r_ins[k] = r_kk - o->r_outside[k] -
                          (isnan(p->r_casing[k]) ? 0.0 : p->r_casing[k]);
            continue;
        }
        p->r_ins[k] = o->r_layer[k][0];
        if (o->n_layers[k] > 1)
            p->r_casing[k] = o->r_layer[k][1];
    }
}

/* ---- JSON -------------------------------------------------------------- */

/* key = prefix + supply|return + suffix; null for a missing second pipe. */
static void set_pipe_pair(json_t *root, const pipe_report *p,
                          const char *prefix, const char *suffix,
                          const double v[2])
{
    char key[96];
    for (int k = 0; k < 2; k++) {
        snprintf(key, sizeof key, "%s%s%s", prefix, k ? "return" : "supply",
                 suffix);
        json_object_set_new(
            root, key, k < p->a->n_pipes ? cli_json_number(v[k]) : json_null());
    }
}

static void json_resistances(json_t *root, const pipe_report *p)
{
    const hl_pipe_thermal *o = p->o;
    double rkk[2] = {o->r11, o->r22};
    set_pipe_pair(root, p, "r_", "_k_m_per_w", rkk);
    json_object_set_new(root, "r_mutual_k_m_per_w", cli_json_number(o->r12));
    set_pipe_pair(root, p, "r_insulation_", "_k_m_per_w", p->r_ins);
    set_pipe_pair(root, p, "r_casing_", "_k_m_per_w", p->r_casing);
    set_pipe_pair(root, p, p->a->buried ? "r_soil_" : "r_surface_",
                  "_k_m_per_w", o->r_outside);
    if (p->twin) {
        json_object_set_new(root, "r_symmetric_k_m_per_w",
                            cli_json_number(o->r_sym));
        json_object_set_new(root, "r_antisymmetric_k_m_per_w",
                            cli_json_number(o->r_anti));
    }
}

static void json_geometry(json_t *root, const pipe_report *p)
{
    const hl_pipe_laying *lay = &p->a->lay;
    if (!p->a->buried)
        return;
    json_object_set_new(root, "axis_depth_m",
                        cli_json_number(lay->axis_depth_m));
    json_object_set_new(root, "axis_spacing_m",
                        p->a->n_pipes == 2
                            ? cli_json_number(lay->axis_spacing_m)
                            : json_null());
    json_object_set_new(root, "lambda_soil_w_per_mk",
                        cli_json_number(lay->lambda_soil));
    json_object_set_new(root, "surface_resistance_m2k_per_w",
                        cli_json_number(lay->surface_resistance));
    if (p->twin)
        json_object_set_new(root, "twin_method",
                            json_string(lay->twin_method == HL_TWIN_WALLENTEN
                                            ? "wallenten"
                                            : "multipole"));
}

static int print_json(const pipe_report *p)
{
    const hl_pipe_thermal *o = p->o;
    json_t *root = json_object();
    json_object_set_new(root, "laying", json_string(p->a->laying_name));
    set_pipe_pair(root, p, "q_", "_w_per_m", o->q);
    json_object_set_new(root, "q_total_w_per_m",
                        cli_json_number(o->q[0] + o->q[1]));
    json_resistances(root, p);
    double ts[2] = {o->t_surface_k[0] - HL_ZERO_C_K,
                    o->t_surface_k[1] - HL_ZERO_C_K};
    set_pipe_pair(root, p, "surface_temp_", "_c", ts);
    json_geometry(root, p);
    json_t *w = json_array();
    for (int i = 0; i < o->warnings.count; i++)
        json_array_append_new(w, json_string(o->warnings.text[i]));
    json_object_set_new(root, "warnings", w);
    return cli_json_print(root);
}

/* ---- table -------------------------------------------------------------- */

static void print_row(const pipe_report *p, const char *label, int decimals,
                      const double v[2])
{
    printf("  %-34s", label);
    for (int k = 0; k < p->a->n_pipes; k++) {
        if (isfinite(v[k]))
            printf("%12.*f", decimals, v[k]);
        else
            printf("%12s", "-");
    }
    printf("\n");
}

static void print_conditions(const pipe_report *p)
{
    const pipe_loss_args *a = p->a;
    const hl_pipe_laying *lay = &a->lay;
    printf("%s laying, supply %.1f C", a->laying_name,
           a->t_supply_k - HL_ZERO_C_K);
    if (a->n_pipes == 2)
        printf(", return %.1f C", a->t_return_k - HL_ZERO_C_K);
    printf(", %s %.1f C\n", a->buried ? "ground" : "air",
           a->t_ground_k - HL_ZERO_C_K);
    if (a->buried) {
        printf("soil %.3g W/(m K), axis depth %.3f m", lay->lambda_soil,
               lay->axis_depth_m);
        if (a->n_pipes == 2)
            printf(", axis spacing %.3f m", lay->axis_spacing_m);
        printf(", surface resistance %.4g m2 K/W", lay->surface_resistance);
        if (p->twin)
            printf(", %s", lay->twin_method == HL_TWIN_WALLENTEN
                               ? "Wallenten closed form"
                               : "multipole method");
    } else if (lay->air.h_total_fixed > 0.0) {
        printf("fixed outer coefficient %.4g W/(m2 K)", lay->air.h_total_fixed);
    } else {
        if (lay->air.wind_m_s > 0.0)
            printf("wind %.3g m/s", lay->air.wind_m_s);
        else
            printf("still air");
        printf(", emissivity %.2f, %s", lay->air.emissivity,
               hl_coef_set_name(lay->air.set));
    }
    printf("\n\n  %-34s%12s", "", "supply");
    if (a->n_pipes == 2)
        printf("%12s", "return");
    printf("\n");
}

static void print_table(const pipe_report *p)
{
    const pipe_loss_args *a = p->a;
    const hl_pipe_thermal *o = p->o;
    print_conditions(p);
    double carrier[2] = {a->lay.pipe[0].carrier_od_m * 1e3,
                         a->lay.pipe[1].carrier_od_m * 1e3};
    double ins[2] = {a->insulation_od_m[0] * 1e3, a->insulation_od_m[1] * 1e3};
    double cas[2] = {a->casing_od_m[0] * 1e3, a->casing_od_m[1] * 1e3};
    for (int k = 0; k < 2; k++)
        if (!(cas[k] > 0.0))
            cas[k] = NAN;
    double rkk[2] = {o->r11, o->r22}, r12[2] = {o->r12, o->r12};
    double ts[2] = {o->t_surface_k[0] - HL_ZERO_C_K,
                    o->t_surface_k[1] - HL_ZERO_C_K};
    print_row(p, "carrier OD, mm", 1, carrier);
    print_row(p, p->twin ? "fill OD, mm" : "insulation OD, mm", 1, ins);
    print_row(p, "casing OD, mm", 1, cas);
    print_row(p, p->twin ? "R fill share, K m/W" : "R insulation, K m/W", 4,
              p->r_ins);
    print_row(p, "R casing, K m/W", 4, p->r_casing);
    print_row(p, a->buried ? "R soil, K m/W" : "R surface, K m/W", 4,
              o->r_outside);
    print_row(p, "R total (r11, r22), K m/W", 4, rkk);
    if (a->n_pipes == 2)
        print_row(p, "R mutual (r12), K m/W", 4, r12);
    print_row(p, "surface temperature, C", 2, ts);
    print_row(p, "heat loss, W/m", 3, o->q);
    if (a->n_pipes == 2)
        printf("  %-34s%12.3f\n", "heat loss of the pair, W/m",
               o->q[0] + o->q[1]);
}

int cmd_pipe_loss(int argc, char **argv)
{
    pipe_loss_args a;
    int rc = pipe_loss_args_parse(argc, argv, &a);
    if (rc >= 0)
        return rc;
    hl_pipe_thermal o;
    hl_error err;
    hl_error_clear(&err);
    if (hl_pipe_thermal_solve(&a.lay, a.t_supply_k, a.t_return_k, a.t_ground_k,
                              &o, &err))
        return cli_fail(CMD, "%s", err.message);
    pipe_report p = {.a = &a, .o = &o, .twin = a.lay.laying == HL_LAYING_TWIN};
    split_resistances(&a, &o, &p);
    cli_print_warnings(CMD, &o.warnings);
    if (a.json)
        return print_json(&p);
    print_table(&p);
    return 0;
}
