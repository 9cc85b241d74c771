/*
 * load_args.c - the model-loading options shared by `heatline run` and
 * `heatline season` (load_args.h); temperatures in C at the edge.
 */
#include "load_args.h"

#include <string.h>
#include <strings.h>

/* A temperature option in C of a quantity of the range table, into K. */
static int temp_option(const char *cmd, const char *opt, const char *text,
                       int quantity, double *k)
{
    double c;
    if (!cli_quantity(cmd, opt, text, quantity, &c))
        return 0;
    *k = c + HL_ZERO_C_K;
    return 1;
}

static int friction(const char *cmd, const char *value, hl_load_options *l)
{
    if (strcmp(value, "colebrook") == 0)
        l->friction = HL_FRICTION_COLEBROOK;
    else if (strcmp(value, "swamee-jain") == 0)
        l->friction = HL_FRICTION_SWAMEE_JAIN;
    else {
        cli_fail(cmd, "--friction '%s': expected colebrook or swamee-jain",
                 value);
        return 0;
    }
    return 1;
}

int load_args_inp_only(int c)
{
    return c >= O_LOAD_SUPPLY && c <= O_LOAD_THERMAL;
}

int load_args_check_model(const char *cmd, const char *option,
                          const char *model, const char *hint)
{
    size_t n = model ? strlen(model) : 0;
    if (!option || (n > 4 && strcasecmp(model + n - 4, ".inp") == 0) ||
        (n > 8 && strcasecmp(model + n - 8, ".geojson") == 0))
        return 0;
    return cli_fail(cmd,
                    "--%s applies to EPANET .inp and GeoJSON models only (%s)",
                    option, hint);
}

int load_args_option(const char *cmd, int c, const char *value,
                     hl_load_options *l)
{
    switch (c) {
    case O_LOAD_SUPPLY:
        return temp_option(cmd, "--supply-temp", value, HL_Q_WATER_TEMP_C,
                           &l->inp_supply_temp_k);
    case O_LOAD_AMBIENT:
        return temp_option(cmd, "--ambient", value, HL_Q_SURROUND_TEMP_C,
                           &l->inp_ambient_k);
    case O_LOAD_U:
        return cli_quantity(cmd, "--u", value, HL_Q_U_VALUE, &l->inp_u_w_m2k);
    case O_LOAD_CP:
        return cli_quantity(cmd, "--cp", value, HL_Q_CP, &l->inp_cp_j_kgk);
    case O_LOAD_THERMAL:
        l->inp_thermal_csv = value;
        return 1;
    case O_LOAD_FRICTION:
        return friction(cmd, value, l);
    case O_LOAD_PRESSURE_DRIVEN:
        l->pressure_driven = 1;
        return 1;
    }
    return -1;
}
