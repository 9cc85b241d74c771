/*
 * cmd_surface.c - `heatline surface` and `heatline thickness`: one layered
 * flat wall, pipe or sphere. The option contract is in docs/cli.md.
 */
#include "cli.h"
#include "surface_args.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *surface_shape_name(int shape)
{
    return shape == HL_SHAPE_PIPE     ? "pipe"
           : shape == HL_SHAPE_SPHERE ? "sphere"
                                      : "flat";
}

const char *surface_flow_unit(int shape)
{
    return shape == HL_SHAPE_PIPE     ? "W/m"
           : shape == HL_SHAPE_SPHERE ? "W"
                                      : "W/m2";
}

void surface_print_conditions(const surface_args *a)
{
    const hl_surface_in *in = &a->in;
    const hl_outer_bc *bc = &in->outer;
    printf("%s", surface_shape_name(in->shape));
    if (in->shape != HL_SHAPE_FLAT)
        printf(", outer diameter %.1f mm", in->diameter_m * 1e3);
    if (a->range.on)
        printf(", process %.2f to %.2f C in steps of %.4g K", a->range.from_c,
               a->range.to_c, a->range.step_c);
    else
        printf(", process %.2f C", in->inner_temp_k - HL_ZERO_C_K);
    printf(", air %.2f C", bc->air_k - HL_ZERO_C_K);
    if (bc->h_total_fixed > 0)
        printf(", fixed outer coefficient %.4g W/(m2 K)\n", bc->h_total_fixed);
    else
        printf(", radiant %.2f C, %s, emissivity %.2f, %s\n",
               bc->radiant_k - HL_ZERO_C_K,
               bc->wind_m_s > 0 ? "wind" : "still air", bc->emissivity,
               bc->h_conv_fixed > 0 ? "fixed convection"
                                    : hl_coef_set_name(bc->set));
}

static void print_table(const surface_args *a, const hl_surface_out *o,
                        double thickness_m)
{
    const hl_surface_in *in = &a->in;
    surface_print_conditions(a);
    if (in->n_layers > 0) {
        printf("\n  %-3s %-26s %12s %10s %10s\n", "#", "layer", "thickness mm",
               "inner C", "outer C");
        for (int i = 0; i < in->n_layers; i++)
            printf("  %-3d %-26s %12.2f %10.2f %10.2f\n", i + 1,
                   in->layer[i].name, in->layer[i].thickness_m * 1e3,
                   o->temp_k[i] - HL_ZERO_C_K, o->temp_k[i + 1] - HL_ZERO_C_K);
    }
    printf("\n");
    if (thickness_m >= 0)
        printf("  %-28s %10.2f mm (layer %d)\n",
               a->design.economic       ? "economic thickness"
               : a->design.round_mm > 0 ? "commercial thickness"
                                        : "required thickness",
               thickness_m * 1e3, a->target.layer + 1);
    printf("  %-28s %10.2f %s\n", "heat loss", o->heat_flow,
           surface_flow_unit(in->shape));
    printf("  %-28s %10.2f W/m2\n", "heat flux at outer surface",
           o->heat_flux_w_m2);
    printf("  %-28s %10.2f C\n", "surface temperature",
           o->surface_temp_k - HL_ZERO_C_K);
    printf("  %-28s %10.3f W/(m2 K)\n", "h convection", o->h_conv);
    printf("  %-28s %10.3f W/(m2 K)\n", "h radiation", o->h_rad);
}

static json_t *temps_json(const hl_surface_out *o)
{
    json_t *arr = json_array();
    for (int i = 0; i < o->n_temps; i++)
        json_array_append_new(arr, cli_json_number(o->temp_k[i] - HL_ZERO_C_K));
    return arr;
}

json_t *surface_json(const surface_args *a, const hl_surface_out *o,
                     int with_temps, double thickness_m)
{
    int shape = a->in.shape;
    json_t *r = json_object();
    json_object_set_new(r, "shape", json_string(surface_shape_name(shape)));
    json_object_set_new(r, "coefficients",
                        json_string(hl_coef_set_name(a->in.outer.set)));
    if (shape == HL_SHAPE_PIPE)
        json_object_set_new(r, "heat_loss_w_per_m",
                            cli_json_number(o->heat_flow));
    if (shape == HL_SHAPE_SPHERE)
        json_object_set_new(r, "heat_loss_w", cli_json_number(o->heat_flow));
    json_object_set_new(r, "heat_flux_w_per_m2",
                        cli_json_number(o->heat_flux_w_m2));
    json_object_set_new(r, "surface_temp_c",
                        cli_json_number(o->surface_temp_k - HL_ZERO_C_K));
    json_object_set_new(r, "interface_temps_c",
                        with_temps ? temps_json(o) : json_null());
    json_object_set_new(r, "h_convection_w_per_m2k",
                        cli_json_number(o->h_conv));
    json_object_set_new(r, "h_radiation_w_per_m2k", cli_json_number(o->h_rad));
    if (shape != HL_SHAPE_FLAT)
        json_object_set_new(r, "outer_diameter_mm",
                            cli_json_number(o->outer_diameter_m * 1e3));
    if (thickness_m >= 0)
        json_object_set_new(r, "thickness_mm",
                            cli_json_number(thickness_m * 1e3));
    json_t *w = json_array();
    for (int i = 0; i < o->warnings.count; i++)
        json_array_append_new(w, json_string(o->warnings.text[i]));
    json_object_set_new(r, "warnings", w);
    return r;
}

static int print_json(const surface_args *a, const hl_surface_out *o,
                      double thickness_m, json_t *extra)
{
    json_t *r = surface_json(a, o, 1, thickness_m);
    if (extra)
        json_object_update(r, extra);
    json_decref(extra);
    return cli_json_print(r);
}

int surface_report(const char *cmd, const surface_args *a,
                   const hl_surface_out *o, double thickness_m,
                   const surface_extra *extra)
{
    cli_print_warnings(cmd, &o->warnings);
    if (a->json)
        return print_json(a, o, thickness_m, extra ? extra->json : NULL);
    print_table(a, o, thickness_m);
    if (extra && extra->text)
        extra->text(extra->ctx);
    if (extra)
        json_decref(extra->json);
    return 0;
}

static int report(const char *cmd, const surface_args *a,
                  const hl_surface_out *o, double thickness_m)
{
    return surface_report(cmd, a, o, thickness_m, NULL);
}

int cmd_surface(int argc, char **argv)
{
    surface_args a;
    int rc = surface_args_parse("surface", argc, argv, 0, &a);
    if (rc >= 0)
        return rc;
    if (a.range.on)
        return surface_range_run(&a);
    hl_surface_out o;
    hl_error err;
    hl_error_clear(&err);
    if (hl_surface_solve(&a.in, &o, &err))
        return cli_fail("surface", "%s", err.message);
    return report("surface", &a, &o, -1.0);
}

int cmd_thickness(int argc, char **argv)
{
    surface_args a;
    int rc = surface_args_parse("thickness", argc, argv, 1, &a);
    if (rc >= 0)
        return rc;
    if (a.design.economic || a.design.round_mm > 0 || a.design.table)
        return thickness_design_run(&a);
    hl_surface_out o;
    hl_error err;
    hl_error_clear(&err);
    double t;
    if (hl_thickness_solve(&a.in, &a.target, &t, &o, &err))
        return cli_fail("thickness", "%s", err.message);
    a.in.layer[a.target.layer].thickness_m = t;
    return report("thickness", &a, &o, t);
}
