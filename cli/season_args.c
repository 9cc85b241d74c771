/*
 * season_args.c - options of `heatline season`, converting C, percent-free
 * fractions, CNY and days at the edge into the SI hl_season_options.
 */
#include "season_args.h"
#include "load_args.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CMD "season"

enum {
    O_WEATHER = 256,
    O_FROM,
    O_TO,
    O_SCENARIO,
    O_JSON,
    O_ALLOW_INFEASIBLE,
    O_LANG,
    O_CSV,
    O_REPORT,
    O_REGULATION,
    O_HEAT_PRICE,
    O_ELEC_PRICE,
    O_COATING_COST,
    O_JACKET_COST,
    O_LIFE,
    O_DISCOUNT,
    O_TCE,
    O_CO2,
    O_COATING,
    O_JACKET,
    O_BURN,
    O_CHAMBER,
    O_CHAMBER_OFFSET,
    O_GROUND,
    O_GROUND_MEAN,
    O_GROUND_AMP,
    O_GROUND_MIN,
    O_GROUND_REF,
    O_GROUND_DEPTH,
    O_DIFFUSIVITY,
    O_DESIGN_LOAD,
    O_DESIGN_OUTDOOR,
    O_BALANCE,
    O_MATERIALS,
    O_DYNAMIC,
    O_STEP,
    O_SOIL,
    O_LEAD,
    O_HELP
};

static const struct option options[] = {
    {"weather", required_argument, 0, O_WEATHER},
    {"from", required_argument, 0, O_FROM},
    {"to", required_argument, 0, O_TO},
    {"scenario", required_argument, 0, O_SCENARIO},
    {"json", no_argument, 0, O_JSON},
    {"allow-infeasible", no_argument, 0, O_ALLOW_INFEASIBLE},
    {"lang", required_argument, 0, O_LANG},
    {"csv", required_argument, 0, O_CSV},
    {"report", required_argument, 0, O_REPORT},
    {"regulation", required_argument, 0, O_REGULATION},
    {"heat-price", required_argument, 0, O_HEAT_PRICE},
    {"elec-price", required_argument, 0, O_ELEC_PRICE},
    {"coating-cost", required_argument, 0, O_COATING_COST},
    {"jacket-cost", required_argument, 0, O_JACKET_COST},
    {"life", required_argument, 0, O_LIFE},
    {"discount-rate", required_argument, 0, O_DISCOUNT},
    {"tce-per-gj", required_argument, 0, O_TCE},
    {"co2-per-gj", required_argument, 0, O_CO2},
    {"coating", required_argument, 0, O_COATING},
    {"jacket", required_argument, 0, O_JACKET},
    {"burn-limit", required_argument, 0, O_BURN},
    {"chamber", required_argument, 0, O_CHAMBER},
    {"chamber-offset", required_argument, 0, O_CHAMBER_OFFSET},
    {"ground", required_argument, 0, O_GROUND},
    {"ground-mean", required_argument, 0, O_GROUND_MEAN},
    {"ground-amplitude", required_argument, 0, O_GROUND_AMP},
    {"ground-min-day", required_argument, 0, O_GROUND_MIN},
    {"ground-ref-depth", required_argument, 0, O_GROUND_REF},
    {"ground-depth", required_argument, 0, O_GROUND_DEPTH},
    {"soil-diffusivity", required_argument, 0, O_DIFFUSIVITY},
    {"design-load", required_argument, 0, O_DESIGN_LOAD},
    {"design-outdoor", required_argument, 0, O_DESIGN_OUTDOOR},
    {"balance", required_argument, 0, O_BALANCE},
    {"materials", required_argument, 0, O_MATERIALS},
    {"dynamic", no_argument, 0, O_DYNAMIC},
    {"step", required_argument, 0, O_STEP},
    {"soil", no_argument, 0, O_SOIL},
    {"lead", required_argument, 0, O_LEAD},
    LOAD_ARGS_OPTIONS,
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

typedef struct raw {
    const char *scen[8], *coating, *jacket, *chamber, *ground;
    int n_scen;
} raw;

/* A number of a quantity of the range table, in the unit of its row. */
static int qty(const char *opt, const char *text, int quantity, double *out)
{
    return cli_quantity(CMD, opt, text, quantity, out);
}

/* A temperature in C of a quantity of the range table, into K. */
static int kelvin(const char *opt, const char *text, int quantity, double *out)
{
    if (!cli_quantity(CMD, opt, text, quantity, out))
        return 0;
    *out += HL_ZERO_C_K;
    return 1;
}

/* Economics and thresholds; returns 1 if handled, 0 on error, -1 if the
 * option is not one of these. */
static int economics_option(int c, const char *v, hl_season_options *o)
{
    hl_economics *e = &o->economics;
    switch (c) {
    case O_HEAT_PRICE:
        return qty("--heat-price", v, HL_Q_PRICE, &e->heat_price_cny_per_gj);
    case O_ELEC_PRICE:
        return qty("--elec-price", v, HL_Q_PRICE, &e->elec_price_cny_per_kwh);
    case O_COATING_COST:
        return qty("--coating-cost", v, HL_Q_PRICE,
                   &e->coating_cost_cny_per_m2);
    case O_JACKET_COST:
        return qty("--jacket-cost", v, HL_Q_PRICE, &e->jacket_cost_cny_per_m2);
    case O_LIFE:
        return qty("--life", v, HL_Q_YEARS, &e->service_life_years);
    case O_DISCOUNT:
        return qty("--discount-rate", v, HL_Q_RATE, &e->discount_rate);
    case O_TCE:
        return qty("--tce-per-gj", v, HL_Q_EMISSION_FACTOR, &e->tce_per_gj);
    case O_CO2:
        return qty("--co2-per-gj", v, HL_Q_EMISSION_FACTOR, &e->co2_t_per_gj);
    case O_BURN:
        return kelvin("--burn-limit", v, HL_Q_SURFACE_LIMIT_C,
                      &o->burn_limit_k);
    }
    return -1;
}

static int ground_option(int c, const char *v, hl_season_options *o)
{
    hl_kusuda *k = &o->ground;
    switch (c) {
    case O_GROUND_MEAN:
        return kelvin("--ground-mean", v, HL_Q_SURROUND_TEMP_C, &k->mean_k);
    case O_GROUND_AMP:
        return qty("--ground-amplitude", v, HL_Q_TEMP_AMPLITUDE_K,
                   &k->amplitude_k);
    case O_GROUND_MIN:
        return qty("--ground-min-day", v, HL_Q_DAY_OF_YEAR, &k->min_day);
    case O_GROUND_REF:
        return qty("--ground-ref-depth", v, HL_Q_DEPTH_M, &k->ref_depth_m);
    case O_GROUND_DEPTH:
        return qty("--ground-depth", v, HL_Q_DEPTH_M, &k->depth_m);
    case O_DIFFUSIVITY:
        return qty("--soil-diffusivity", v, HL_Q_DIFFUSIVITY,
                   &k->diffusivity_m2_s);
    case O_CHAMBER_OFFSET:
        return qty("--chamber-offset", v, HL_Q_TEMP_OFFSET_K,
                   &o->chamber_offset_k);
    }
    return -1;
}

/* Operation overrides; unset fields stay NaN (the model's). */
static int operation_option(int c, const char *v, hl_operation *op)
{
    double x;
    switch (c) {
    case O_DESIGN_LOAD:
        if (!qty("--design-load", v, HL_Q_HEAT_MW, &x))
            return 0;
        op->design_load_w = x * 1e6;
        return 1;
    case O_DESIGN_OUTDOOR:
        return kelvin("--design-outdoor", v, HL_Q_OUTDOOR_TEMP_C,
                      &op->design_outdoor_k);
    case O_BALANCE:
        return kelvin("--balance", v, HL_Q_OUTDOOR_TEMP_C, &op->balance_k);
    }
    return -1;
}

static int regulation(const char *v, hl_season_options *o)
{
    if (strcmp(v, "quality") == 0)
        o->operation.regulation = HL_REG_QUALITY;
    else if (strcmp(v, "quantity") == 0)
        o->operation.regulation = HL_REG_QUANTITY;
    else
        return cli_fail(CMD,
                        "--regulation '%s': expected quality or "
                        "quantity",
                        v),
               0;
    return 1;
}

/* --step: seconds, or a number with s, min or h. */
static int step_arg(const char *v, double *out)
{
    char *end;
    double x = strtod(v, &end);
    double f = strcmp(end, "") == 0 || strcmp(end, "s") == 0 ? 1.0
               : strcmp(end, "min") == 0                     ? 60.0
               : strcmp(end, "h") == 0                       ? 3600.0
                                                             : NAN;
    if (end == v || isnan(f) || !(x > 0.0) || !(x * f <= 3600.0))
        return cli_fail(CMD,
                        "--step '%s': expected a time above 0 up to 1 h in "
                        "s, min or h",
                        v),
               0;
    *out = x * f;
    return 1;
}

/* --lead none|auto|HOURS (as heatline dynamic's). */
static int lead_arg(const char *v, season_args *a)
{
    char *end;
    a->lead_given = 1;
    a->opt.dynamic_lead_auto = strcmp(v, "auto") == 0;
    a->opt.dynamic_lead_s = 0.0;
    if (a->opt.dynamic_lead_auto || strcmp(v, "none") == 0)
        return 1;
    double h = strtod(v, &end);
    if (end != v && !*end && h >= 0.0 && h <= 72.0) {
        a->opt.dynamic_lead_s = 3600.0 * h;
        return 1;
    }
    return cli_fail(CMD, "--lead '%s': expected none, auto or hours (0 to 72)",
                    v),
           0;
}

static int other_option(int c, const char *v, season_args *a, raw *r)
{
    switch (c) {
    case O_LEAD:
        return lead_arg(v, a);
    case O_DYNAMIC:
        a->opt.dynamic = 1;
        return 1;
    case O_STEP:
        a->step_given = 1;
        return step_arg(v, &a->opt.dynamic_step_s);
    case O_SOIL:
        a->opt.dynamic_soil = 1;
        return 1;
    case O_WEATHER:
        a->weather = v;
        return 1;
    case O_FROM:
        a->opt.from = v;
        return 1;
    case O_TO:
        a->opt.to = v;
        return 1;
    case O_JSON:
        a->json = 1;
        return 1;
    case O_ALLOW_INFEASIBLE:
        a->allow_infeasible = 1;
        return 1;
    case O_LANG:
        return cli_set_lang(CMD, v) == 0;
    case O_CSV:
        a->csv_dir = v;
        return 1;
    case O_REPORT:
        a->report = v;
        return 1;
    case O_MATERIALS:
        a->materials = v;
        a->load.materials_path = v;
        return 1;
    case O_COATING:
        r->coating = v;
        return 1;
    case O_JACKET:
        r->jacket = v;
        return 1;
    case O_CHAMBER:
        r->chamber = v;
        return 1;
    case O_GROUND:
        r->ground = v;
        return 1;
    case O_REGULATION:
        return regulation(v, &a->opt);
    case O_SCENARIO:
        if (r->n_scen >= 8)
            return cli_fail(CMD, "--scenario: at most 8"), 0;
        r->scen[r->n_scen++] = v;
        return 1;
    }
    int rc = economics_option(c, v, &a->opt);
    if (rc < 0)
        rc = ground_option(c, v, &a->opt);
    if (rc < 0)
        rc = operation_option(c, v, &a->opt.operation);
    if (rc < 0 && load_args_inp_only(c) &&
        load_args_check_model(CMD, cli_option_name(options, c), a->model,
                              "this model's conditions come from its "
                              "weather and operation"))
        return 0;
    if (rc < 0)
        rc = load_args_option(CMD, c, v, &a->load);
    return rc < 0 ? 0 : rc;
}

static int scenarios(const raw *r, hl_season_options *o)
{
    for (int i = 0; i < r->n_scen; i++) {
        int s = hl_scenario_from_name(r->scen[i]);
        if (s < 0)
            return cli_fail(CMD,
                            "--scenario '%s': unknown (expected as-is, "
                            "coated or jacketed)",
                            r->scen[i]),
                   0;
        int seen = 0;
        for (int j = 0; j < o->n_scenarios; j++)
            seen |= o->scenario[j] == s;
        if (!seen)
            o->scenario[o->n_scenarios++] = s;
    }
    return 1;
}

static int chamber(const char *v, hl_season_options *o)
{
    if (!v || strcmp(v, "model") == 0)
        o->chamber_mode = HL_CHAMBER_MODEL;
    else if (strcmp(v, "ground") == 0)
        o->chamber_mode = HL_CHAMBER_GROUND;
    else if (kelvin("--chamber", v, HL_Q_SURROUND_TEMP_C, &o->chamber_air_k))
        o->chamber_mode = HL_CHAMBER_FIXED;
    else
        return 0;
    return 1;
}

static int ground(const char *v, hl_season_options *o)
{
    if (!v || strcmp(v, "kusuda") == 0)
        o->ground_source = HL_GROUND_KUSUDA;
    else if (strcmp(v, "epw") == 0)
        o->ground_source = HL_GROUND_EPW;
    else
        return cli_fail(CMD, "--ground '%s': expected kusuda or epw", v), 0;
    return 1;
}

/* MATERIAL:MM or k=W/MK:MM for --coating / --jacket. */
static int cover(const hl_material_db *db, const char *opt, const char *spec,
                 int state, hl_fitting_cover *out)
{
    if (!spec)
        return 1;
    const char *colon = strrchr(spec, ':');
    char id[64], text[200];
    if (colon && colon > spec && (size_t)(colon - spec) < sizeof id &&
        strncmp(spec, "k=", 2) != 0) {
        memcpy(id, spec, (size_t)(colon - spec));
        id[colon - spec] = '\0';
        if (!hl_material_find(db, id)) {
            char hint[200];
            hl_material_suggest(db, id, 3, hint, sizeof hint);
            return cli_fail(CMD, "%s '%s': unknown material '%s' (closest: %s)",
                            opt, spec, id, hint),
                   0;
        }
    }
    snprintf(text, sizeof text, "%s %s",
             state == HL_FIT_COATED ? "coated" : "jacketed", spec);
    hl_error err;
    hl_error_clear(&err);
    if (hl_fitting_cover_parse(db, text, out, &err))
        return cli_fail(CMD, "%s '%s': %s", opt, spec, err.message), 0;
    return 1;
}

static int finish(season_args *a, const raw *r)
{
    hl_season_options *o = &a->opt;
    if ((a->step_given || o->dynamic_soil) && !o->dynamic)
        return cli_fail(CMD, "--step and --soil go with --dynamic"), 0;
    if (a->lead_given && !o->dynamic)
        return cli_fail(CMD, "--lead goes with --dynamic (the steady season "
                             "has no transit time to lead by)"),
               0;
    if (!scenarios(r, o) || !chamber(r->chamber, o) || !ground(r->ground, o))
        return 0;
    return cover(a->db, "--coating", r->coating, HL_FIT_COATED, &o->coating) &&
           cover(a->db, "--jacket", r->jacket, HL_FIT_JACKETED, &o->jacket);
}

static int init_options(season_args *a)
{
    hl_error err;
    hl_error_clear(&err);
    a->db = cli_materials(CMD, a->materials);
    if (!a->db)
        return 0;
    hl_season_options_init(&a->opt);
    hl_load_options_init(&a->load);
    return 1;
}

/* Options are parsed twice: first for --materials and --help, then into the
 * defaults that need the material table. */
static int take_first(void *ctx, int c, const char *v)
{
    if (c == O_MATERIALS)
        ((season_args *)ctx)->materials = v;
    return 0;
}

static int first_pass(int argc, char **argv, season_args *a)
{
    int rc = cli_options(CMD, argc, argv, options, take_first, a);
    if (rc == CLI_HELP_ASKED)
        a->help = 1;
    else if (rc != CLI_GO_ON)
        return 0;
    return cli_operand(CMD, argc, argv, &a->model) == CLI_GO_ON;
}

typedef struct second_ctx {
    season_args *a;
    raw *r;
} second_ctx;

static int take_second(void *ctx, int c, const char *v)
{
    second_ctx *p = ctx;
    return other_option(c, v, p->a, p->r) ? 0 : EXIT_USAGE;
}

int season_args_parse(int argc, char **argv, season_args *a)
{
    memset(a, 0, sizeof *a);
    cli_lang = hl_lang_from_environment();
    if (!first_pass(argc, argv, a))
        return EXIT_USAGE;
    if (a->help)
        return 0;
    if (!init_options(a))
        return EXIT_USAGE;
    raw r;
    memset(&r, 0, sizeof r);
    second_ctx ctx = {a, &r};
    if (cli_options(CMD, argc, argv, options, take_second, &ctx) != CLI_GO_ON)
        return EXIT_USAGE;
    return finish(a, &r) ? 0 : EXIT_USAGE;
}

void season_args_free(season_args *a)
{
    hl_material_db_free(a->db);
    a->db = NULL;
}
