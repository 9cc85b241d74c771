/*
 * cmd_water.c - `heatline water --temp C [--pressure BAR] [--json]`: the
 * liquid-water properties the network engine uses (IAPWS-IF97 region 1,
 * IAPWS 2008 viscosity, IAPWS 2011 thermal conductivity, IF97 saturation
 * pressure). --pressure is absolute; without it the water is at 1 atm, or
 * saturated liquid where the saturation pressure is higher.
 */
#include "cli.h"
#include "help/help.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

enum { O_TEMP = 256, O_PRESSURE, O_JSON, O_HELP };

typedef struct water_args {
    double t_c, p_bar;
    int have_t, json;
} water_args;

static const struct option opts[] = {
    {"temp", required_argument, 0, O_TEMP},
    {"pressure", required_argument, 0, O_PRESSURE},
    {"json", no_argument, 0, O_JSON},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

static int take(void *ctx, int c, const char *value)
{
    water_args *a = ctx;
    if (c == O_TEMP && !(a->have_t = cli_quantity("water", "--temp", value,
                                                  HL_Q_WATER_TEMP_C, &a->t_c)))
        return EXIT_USAGE;
    if (c == O_PRESSURE && !cli_quantity("water", "--pressure", value,
                                         HL_Q_PRESSURE_BAR_G, &a->p_bar))
        return EXIT_USAGE;
    if (c == O_JSON)
        a->json = 1;
    return 0;
}

/* 0 = go on, -1 = done (help), EXIT_USAGE = bad arguments. */
static int parse(int argc, char **argv, water_args *a)
{
    int rc = cli_options("water", argc, argv, opts, take, a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("water", stdout);
        return -1;
    }
    if (rc != CLI_GO_ON)
        return EXIT_USAGE;
    if (cli_operand("water", argc, argv, NULL) != CLI_GO_ON)
        return EXIT_USAGE;
    if (!a->have_t)
        return cli_fail("water", "--temp C is required (try --help)");
    return 0;
}

static void print_text(double t_c, double p_pa, const hl_water *w)
{
    printf("water at %.2f C and %.5g bar(a) (IAPWS-IF97 region 1)\n", t_c,
           p_pa / 1e5);
    printf("  density               %10.4f kg/m3\n", w->density_kg_m3);
    printf("  specific heat cp      %10.2f J/(kg K)\n", w->cp_j_kgk);
    printf("  specific enthalpy     %10.2f kJ/kg\n", w->enthalpy_j_kg / 1e3);
    printf("  dynamic viscosity     %10.4e Pa s\n", w->viscosity_pa_s);
    printf("  kinematic viscosity   %10.4e m2/s\n",
           w->viscosity_pa_s / w->density_kg_m3);
    printf("  thermal conductivity  %10.5f W/(m K)\n", w->conductivity_w_mk);
    printf("  Prandtl number        %10.4f\n", w->prandtl);
    printf("  saturation pressure   %10.5f bar(a)\n",
           w->saturation_pressure_pa / 1e5);
}

static int print_json(double t_c, double p_pa, const hl_water *w)
{
    json_t *o = json_object();
    json_object_set_new(o, "temp_c", cli_json_number(t_c));
    json_object_set_new(o, "pressure_pa", cli_json_number(p_pa));
    json_object_set_new(o, "density_kg_per_m3",
                        cli_json_number(w->density_kg_m3));
    json_object_set_new(o, "cp_j_per_kgk", cli_json_number(w->cp_j_kgk));
    json_object_set_new(o, "enthalpy_j_per_kg",
                        cli_json_number(w->enthalpy_j_kg));
    json_object_set_new(o, "viscosity_pa_s",
                        cli_json_number(w->viscosity_pa_s));
    json_object_set_new(o, "conductivity_w_per_mk",
                        cli_json_number(w->conductivity_w_mk));
    json_object_set_new(o, "prandtl", cli_json_number(w->prandtl));
    json_object_set_new(o, "saturation_pressure_pa",
                        cli_json_number(w->saturation_pressure_pa));
    return cli_json_print(o);
}

int cmd_water(int argc, char **argv)
{
    water_args a = {NAN, NAN, 0, 0};
    int rc = parse(argc, argv, &a);
    if (rc)
        return rc < 0 ? 0 : rc;
    double t_c = a.t_c, p_bar = a.p_bar;
    int json = a.json;
    double t_k = t_c + HL_ZERO_C_K;
    double p_pa = p_bar * 1e5;
    if (isnan(p_bar)) {
        double ps = hl_water_saturation_pressure(t_k);
        p_pa = ps > 101325.0 ? ps : 101325.0;
    }
    hl_water w;
    hl_error err;
    hl_error_clear(&err);
    if (hl_water_props(t_k, p_pa, &w, &err))
        return cli_fail("water", "%s", err.message);
    if (json)
        return print_json(t_c, p_pa, &w);
    print_text(t_c, p_pa, &w);
    return 0;
}
