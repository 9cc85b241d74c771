/*
 * surface_args.c - options of `heatline surface` / `heatline thickness`
 * into an hl_surface_in, converting C, mm and kPa to SI.
 */
#include "cli.h"
#include "help/help.h"
#include "surface_args.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_SHAPE = 256,
    O_OD,
    O_TEMP,
    O_AMBIENT,
    O_RADIANT,
    O_WIND,
    O_ORIENT,
    O_HEIGHT,
    O_LAYER,
    O_EMISSIVITY,
    O_HCONV,
    O_HOUT,
    O_COEF,
    O_MATERIALS,
    O_JSON,
    O_FILM,
    O_PRESSURE,
    O_DN,
    O_NPS,
    O_HELP,
    O_VARY,
    O_MAXTS,
    O_MAXQ,
    O_MAXFLUX,
    O_MAXTHICK,
    O_ECONOMIC,
    O_HEAT_PRICE,
    O_HOURS,
    O_INS_COST,
    O_LIFE,
    O_DISCOUNT,
    O_ROUND,
    O_TABLE
};

static const struct option options[] = {
    {"shape", required_argument, 0, O_SHAPE},
    {"od", required_argument, 0, O_OD},
    {"temp", required_argument, 0, O_TEMP},
    {"ambient", required_argument, 0, O_AMBIENT},
    {"radiant", required_argument, 0, O_RADIANT},
    {"wind", required_argument, 0, O_WIND},
    {"orientation", required_argument, 0, O_ORIENT},
    {"height", required_argument, 0, O_HEIGHT},
    {"layer", required_argument, 0, O_LAYER},
    {"emissivity", required_argument, 0, O_EMISSIVITY},
    {"h-conv", required_argument, 0, O_HCONV},
    {"h-out", required_argument, 0, O_HOUT},
    {"coefficients", required_argument, 0, O_COEF},
    {"materials", required_argument, 0, O_MATERIALS},
    {"json", no_argument, 0, O_JSON},
    {"film", required_argument, 0, O_FILM},
    {"air-pressure", required_argument, 0, O_PRESSURE},
    {"dn", required_argument, 0, O_DN},
    {"nps", required_argument, 0, O_NPS},
    {"help", no_argument, 0, O_HELP},
    {"vary", required_argument, 0, O_VARY},
    {"max-surface-temp", required_argument, 0, O_MAXTS},
    {"max-heat-loss", required_argument, 0, O_MAXQ},
    {"max-heat-flux", required_argument, 0, O_MAXFLUX},
    {"max-thickness", required_argument, 0, O_MAXTHICK},
    {"economic", no_argument, 0, O_ECONOMIC},
    {"heat-price", required_argument, 0, O_HEAT_PRICE},
    {"hours", required_argument, 0, O_HOURS},
    {"insulation-cost", required_argument, 0, O_INS_COST},
    {"life", required_argument, 0, O_LIFE},
    {"discount-rate", required_argument, 0, O_DISCOUNT},
    {"round", required_argument, 0, O_ROUND},
    {"table", required_argument, 0, O_TABLE},
    {0, 0, 0, 0}};

/* Raw option values, before the material table is known. */
typedef struct raw_args {
    const char *layers[HL_MAX_LAYERS];
    int n_layers, have_shape, have_temp, have_od, have_radiant;
    int have_emissivity, have_wind, have_orient, n_targets, vary;
    int n_sizes, have_nominal; /* --od, --dn, --nps given */
    int thickness;             /* heatline thickness */
    const char *materials, *orient;
    double emissivity, height_m;
} raw_args;

static int set_shape(const char *cmd, const char *v, surface_args *a)
{
    if (strcmp(v, "pipe") == 0)
        a->in.shape = HL_SHAPE_PIPE;
    else if (strcmp(v, "flat") == 0)
        a->in.shape = HL_SHAPE_FLAT;
    else if (strcmp(v, "sphere") == 0)
        a->in.shape = HL_SHAPE_SPHERE;
    else
        return cli_fail(cmd, "--shape '%s': expected pipe, flat or sphere", v);
    return 0;
}

/* A temperature in C of a quantity of the range table, into K. */
static int temperature(const char *cmd, const char *opt, const char *v,
                       int quantity, double *out_k)
{
    double c;
    if (!cli_quantity(cmd, opt, v, quantity, &c))
        return EXIT_USAGE;
    *out_k = c + HL_ZERO_C_K;
    return 0;
}

/* Any other quantity, in the unit of its row. */
static int quantity(const char *cmd, const char *opt, const char *v, int q,
                    double *out)
{
    return cli_quantity(cmd, opt, v, q, out) ? 0 : EXIT_USAGE;
}

static int set_target(const char *cmd, int kind, const char *opt, const char *v,
                      surface_args *a, raw_args *r)
{
    r->n_targets++;
    a->target.kind = kind;
    if (kind == HL_TARGET_SURFACE_TEMP)
        return temperature(cmd, opt, v, HL_Q_SURFACE_LIMIT_C, &a->target.value);
    return quantity(cmd, opt, v,
                    kind == HL_TARGET_HEAT_FLOW ? HL_Q_HEAT_PER_LENGTH
                                                : HL_Q_HEAT_FLUX,
                    &a->target.value);
}

static int nominal_size(const char *cmd, int dn, const char *v, surface_args *a,
                        raw_args *r);

static int take_option(const char *cmd, int c, const char *v, surface_args *a,
                       raw_args *r)
{
    hl_outer_bc *bc = &a->in.outer;
    double x;
    switch (c) {
    case O_SHAPE:
        r->have_shape = 1;
        return set_shape(cmd, v, a);
    case O_DN:
    case O_NPS:
        return nominal_size(cmd, c == O_DN, v, a, r);
    case O_OD:
        r->have_od = 1;
        r->n_sizes++;
        if (quantity(cmd, "--od", v, HL_Q_DIAMETER_MM, &x))
            return EXIT_USAGE;
        a->in.diameter_m = x * 1e-3;
        return 0;
    case O_TEMP:
        r->have_temp = 1;
        if (strchr(v, ':')) {
            if (r->thickness)
                return cli_fail(cmd,
                                "--temp '%s': one temperature (a range "
                                "FROM:TO:STEP is for heatline surface)",
                                v);
            if (!surface_range_parse(cmd, v, &a->range))
                return EXIT_USAGE;
            a->in.inner_temp_k = a->range.from_c + HL_ZERO_C_K;
            return 0;
        }
        a->range.on = 0;
        return temperature(cmd, "--temp", v, HL_Q_PROCESS_TEMP_C,
                           &a->in.inner_temp_k);
    case O_AMBIENT:
        return temperature(cmd, "--ambient", v, HL_Q_SURROUND_TEMP_C,
                           &bc->air_k);
    case O_RADIANT:
        r->have_radiant = 1;
        return temperature(cmd, "--radiant", v, HL_Q_SURROUND_TEMP_C,
                           &bc->radiant_k);
    case O_WIND:
        r->have_wind = 1;
        return quantity(cmd, "--wind", v, HL_Q_WIND, &bc->wind_m_s);
    case O_ORIENT:
        r->have_orient = 1;
        r->orient = v;
        return 0;
    case O_HEIGHT:
        return quantity(cmd, "--height", v, HL_Q_HEIGHT_M, &r->height_m);
    case O_LAYER:
        if (r->n_layers == HL_MAX_LAYERS)
            return cli_fail(cmd, "--layer: at most %d layers", HL_MAX_LAYERS);
        r->layers[r->n_layers++] = v;
        return 0;
    case O_EMISSIVITY:
        r->have_emissivity = 1;
        return quantity(cmd, "--emissivity", v, HL_Q_EMISSIVITY,
                        &r->emissivity);
    case O_HCONV:
        return quantity(cmd, "--h-conv", v, HL_Q_H_COEF, &bc->h_conv_fixed);
    case O_HOUT:
        return quantity(cmd, "--h-out", v, HL_Q_H_COEF, &bc->h_total_fixed);
    case O_FILM:
        return quantity(cmd, "--film", v, HL_Q_H_COEF, &a->in.h_inner);
    case O_PRESSURE:
        if (quantity(cmd, "--air-pressure", v, HL_Q_ATM_PRESSURE_KPA, &x))
            return EXIT_USAGE;
        bc->pressure_pa = x * 1e3;
        return 0;
    case O_COEF:
        bc->set = hl_coef_set_from_name(v);
        if (bc->set < 0)
            return cli_fail(cmd,
                            "--coefficients '%s': expected iso12241, "
                            "astm-c680 or gb50264",
                            v);
        return 0;
    case O_MATERIALS:
        r->materials = v;
        return 0;
    case O_JSON:
        a->json = 1;
        return 0;
    case O_VARY:
        return cli_whole(cmd, "--vary", v, HL_Q_COUNT, &r->vary) ? 0
                                                                 : EXIT_USAGE;
    case O_MAXTS:
        return set_target(cmd, HL_TARGET_SURFACE_TEMP, "--max-surface-temp", v,
                          a, r);
    case O_MAXQ:
        return set_target(cmd, HL_TARGET_HEAT_FLOW, "--max-heat-loss", v, a, r);
    case O_MAXFLUX:
        return set_target(cmd, HL_TARGET_HEAT_FLUX, "--max-heat-flux", v, a, r);
    case O_MAXTHICK:
        if (quantity(cmd, "--max-thickness", v, HL_Q_THICKNESS_MM, &x))
            return EXIT_USAGE;
        a->target.max_thickness_m = x * 1e-3;
        return 0;
    }
    return thickness_design_option(cmd, c - O_ECONOMIC, v, &a->design)
               ? 0
               : EXIT_USAGE;
}

static int set_geometry(const char *cmd, surface_args *a, const raw_args *r)
{
    hl_outer_bc *bc = &a->in.outer;
    const char *o = r->have_orient ? r->orient : NULL;
    int shape = a->in.shape;
    bc->length_m = r->height_m > 0 ? r->height_m : 1.0;
    if (shape == HL_SHAPE_SPHERE) {
        bc->geometry = HL_GEOM_SPHERE;
        return 0;
    }
    if (!o)
        o = (shape == HL_SHAPE_PIPE) ? "horizontal" : "vertical";
    int vertical = strcmp(o, "vertical") == 0;
    int horizontal = strcmp(o, "horizontal") == 0 || strcmp(o, "up") == 0;
    int down = strcmp(o, "down") == 0;
    if (!vertical && !horizontal && !(down && shape == HL_SHAPE_FLAT))
        return cli_fail(cmd,
                        "--orientation '%s': expected horizontal or "
                        "vertical%s",
                        o, shape == HL_SHAPE_FLAT ? " (or up, down)" : "");
    if (shape == HL_SHAPE_PIPE) {
        bc->geometry =
            vertical ? HL_GEOM_VERTICAL_CYLINDER : HL_GEOM_HORIZONTAL_CYLINDER;
    } else if (vertical) {
        bc->geometry = HL_GEOM_VERTICAL_WALL;
    } else {
        /* a horizontal plate: --height is its side; correlations use A/P */
        bc->geometry = down ? HL_GEOM_PLATE_DOWN : HL_GEOM_PLATE_UP;
        bc->length_m = (r->height_m > 0 ? r->height_m : 1.0) / 4.0;
    }
    return 0;
}

static int check_required(const char *cmd, const surface_args *a,
                          const raw_args *r, int thickness)
{
    const hl_outer_bc *bc = &a->in.outer;
    if (!r->have_shape)
        return cli_fail(cmd, "--shape is required (pipe, flat or sphere)");
    if (!r->have_temp)
        return cli_fail(cmd, "--temp is required (process temperature, C)");
    if (a->in.shape != HL_SHAPE_FLAT && !r->have_od)
        return cli_fail(cmd, "--od is required for a %s (outer diameter, mm)",
                        a->in.shape == HL_SHAPE_PIPE ? "pipe" : "sphere");
    if (a->in.shape == HL_SHAPE_FLAT && r->have_od)
        return cli_fail(cmd, "--od applies to pipe and sphere, not flat");
    if (r->n_sizes > 1)
        return cli_fail(cmd, "--od, --dn and --nps each give the diameter: "
                             "give one");
    if (r->n_sizes && r->have_nominal && a->in.shape != HL_SHAPE_PIPE)
        return cli_fail(cmd, "--dn and --nps apply to a pipe");
    if (bc->h_conv_fixed > 0 && bc->h_total_fixed > 0)
        return cli_fail(cmd, "--h-conv and --h-out conflict: give one");
    if (r->have_wind && (bc->h_conv_fixed > 0 || bc->h_total_fixed > 0))
        return cli_fail(cmd, "--wind conflicts with a fixed --h-conv/--h-out");
    if (bc->h_total_fixed > 0 && (r->have_emissivity || r->have_radiant))
        return cli_fail(cmd, "--h-out fixes convection and radiation "
                             "together: --emissivity/--radiant conflict");
    if (!thickness)
        return 0;
    int goals = r->n_targets + a->design.economic;
    if (goals > 1 || (goals == 0 && !a->design.table))
        return cli_fail(cmd, "give exactly one of --max-surface-temp, "
                             "--max-heat-loss, --max-heat-flux, --economic "
                             "(or only --table)");
    if (a->design.economic && !a->design.have_insulation_cost)
        return cli_fail(cmd, "--economic needs --insulation-cost CNY/M3 (the "
                             "installed insulation's price)");
    if (a->design.round_mm > 0 && goals == 0)
        return cli_fail(cmd, "--round needs a target or --economic");
    if (a->in.n_layers == 0)
        return cli_fail(cmd, "at least one --layer is needed to size");
    if (r->vary > a->in.n_layers)
        return cli_fail(cmd, "--vary %d: the model has %d layer%s", r->vary,
                        a->in.n_layers, a->in.n_layers == 1 ? "" : "s");
    return 0;
}

static int resolve_layers(const char *cmd, surface_args *a, const raw_args *r)
{
    hl_material_db *db = cli_materials(cmd, r->materials);
    if (!db)
        return EXIT_USAGE;
    double eps = 0.9; /* bare oxidised steel, or a layer without one */
    for (int i = 0; i < r->n_layers; i++)
        if (!cli_layer(cmd, db, r->layers[i], &a->in.layer[i], &eps)) {
            hl_material_db_free(db);
            return EXIT_USAGE;
        }
    hl_material_db_free(db);
    a->in.n_layers = r->n_layers;
    a->in.outer.emissivity = r->have_emissivity ? r->emissivity : eps;
    return 0;
}

/* --dn DN or --nps NPS: the pipe's outer diameter from the size tables */
static int nominal_size(const char *cmd, int dn, const char *v, surface_args *a,
                        raw_args *r)
{
    hl_error err;
    hl_error_clear(&err);
    int n = 0;
    if (dn && !cli_whole(cmd, "--dn", v, HL_Q_COUNT, &n))
        return EXIT_USAGE;
    if (dn ? hl_pipe_od_from_dn(n, &a->in.diameter_m, &err)
           : hl_pipe_od_from_nps(v, &a->in.diameter_m, &err))
        return cli_fail(cmd, "--%s: %s", dn ? "dn" : "nps", err.message);
    r->have_od = r->have_nominal = 1;
    r->n_sizes++;
    return 0;
}

typedef struct parse_ctx {
    const char *cmd;
    int thickness;
    surface_args *a;
    raw_args *r;
} parse_ctx;

static int take(void *ctx, int c, const char *v)
{
    parse_ctx *p = ctx;
    if (!p->thickness && c >= O_VARY)
        return cli_fail(p->cmd, "option '--%s' belongs to heatline thickness",
                        cli_option_name(options, c));
    return take_option(p->cmd, c, v, p->a, p->r);
}

int surface_args_parse(const char *cmd, int argc, char **argv, int thickness,
                       surface_args *a)
{
    raw_args r = {0};
    r.thickness = thickness;
    memset(a, 0, sizeof *a);
    hl_surface_in_init(&a->in);
    thickness_design_init(&a->design);
    parse_ctx ctx = {cmd, thickness, a, &r};
    int rc = cli_options(cmd, argc, argv, options, take, &ctx);
    if (rc == CLI_HELP_ASKED) {
        cli_help(cmd, stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    if (cli_operand(cmd, argc, argv, NULL) != CLI_GO_ON)
        return EXIT_USAGE;
    if (!r.have_radiant)
        a->in.outer.radiant_k = a->in.outer.air_k;
    if ((rc = resolve_layers(cmd, a, &r)) != 0 ||
        (rc = set_geometry(cmd, a, &r)) != 0 ||
        (rc = check_required(cmd, a, &r, thickness)) != 0)
        return rc;
    a->target.layer = (r.vary > 0 ? r.vary : a->in.n_layers) - 1;
    a->design.have_target = r.n_targets > 0;
    return -1;
}
