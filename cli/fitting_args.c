/*
 * fitting_args.c - options of `heatline fitting` into an operating point
 * (C, mm, m/s converted to SI here). The option contract is in docs/cli.md.
 */
#include "fitting_args.h"
#include "help/help.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CMD "fitting"

enum {
    O_TYPE = 256,
    O_DN,
    O_PN,
    O_TEMP,
    O_AMBIENT,
    O_RADIANT,
    O_WIND,
    O_COATING,
    O_JACKET,
    O_LIMIT,
    O_CONTACT,
    O_JSON,
    O_LIST,
    O_INVENTORY,
    O_OUTPUT,
    O_KEEP,
    O_MATERIALS,
    O_EMISSIVITY,
    O_COEF,
    O_REF,
    O_PATCHES,
    O_FV,
    O_FILLET,
    O_REFINE,
    O_COMPARE,
    O_HELP
};

static const struct option options[] = {
    {"type", required_argument, 0, O_TYPE},
    {"dn", required_argument, 0, O_DN},
    {"pn", required_argument, 0, O_PN},
    {"temp", required_argument, 0, O_TEMP},
    {"ambient", required_argument, 0, O_AMBIENT},
    {"radiant", required_argument, 0, O_RADIANT},
    {"wind", required_argument, 0, O_WIND},
    {"coating", required_argument, 0, O_COATING},
    {"jacket", required_argument, 0, O_JACKET},
    {"limit", required_argument, 0, O_LIMIT},
    {"contact-s", required_argument, 0, O_CONTACT},
    {"json", no_argument, 0, O_JSON},
    {"list", no_argument, 0, O_LIST},
    {"inventory", required_argument, 0, O_INVENTORY},
    {"output", required_argument, 0, O_OUTPUT},
    {"keep-going", no_argument, 0, O_KEEP},
    {"materials", required_argument, 0, O_MATERIALS},
    {"emissivity", required_argument, 0, O_EMISSIVITY},
    {"coefficients", required_argument, 0, O_COEF},
    {"ref-insulation", required_argument, 0, O_REF},
    {"patches", no_argument, 0, O_PATCHES},
    {"fv-check", no_argument, 0, O_FV},
    {"fillet", required_argument, 0, O_FILLET},
    {"refine", required_argument, 0, O_REFINE},
    {"compare", no_argument, 0, O_COMPARE},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

/* A temperature in C of a quantity of the range table, into K. */
static int temperature(const char *opt, const char *v, int quantity,
                       double *out_k)
{
    double c;
    if (!cli_quantity(CMD, opt, v, quantity, &c))
        return EXIT_USAGE;
    *out_k = c + HL_ZERO_C_K;
    return 0;
}

static int whole(const char *opt, const char *v, int quantity, int *out)
{
    return cli_whole(CMD, opt, v, quantity, out) ? 0 : EXIT_USAGE;
}

static int quantity(const char *opt, const char *v, int q, double *out)
{
    return cli_quantity(CMD, opt, v, q, out) ? 0 : EXIT_USAGE;
}

static int set_type(fitting_args *a, const char *v)
{
    a->type_name = v;
    a->type = hl_fitting_type_from_name(v);
    if (a->type >= 0)
        return 0;
    char known[400] = "";
    for (int i = 0; i < HL_FIT_N_TYPES; i++) {
        strcat(known, i ? ", " : "");
        strcat(known, hl_fitting_type_name(i));
    }
    return cli_fail(CMD, "--type '%s': unknown fitting type (known: %s)", v,
                    known);
}

static int take_conditions(fitting_args *a, int c, const char *v)
{
    hl_fitting_conditions *k = &a->cond;
    double e;
    switch (c) {
    case O_TEMP:
        a->have_temp = 1;
        return temperature("--temp", v, HL_Q_PROCESS_TEMP_C, &k->medium_k);
    case O_AMBIENT:
        return temperature("--ambient", v, HL_Q_SURROUND_TEMP_C, &k->air_k);
    case O_RADIANT:
        a->have_radiant = 1;
        return temperature("--radiant", v, HL_Q_SURROUND_TEMP_C, &k->radiant_k);
    case O_WIND:
        return quantity("--wind", v, HL_Q_WIND, &k->wind_m_s);
    case O_LIMIT:
        return temperature("--limit", v, HL_Q_SURFACE_LIMIT_C, &k->limit_k);
    case O_CONTACT:
        return quantity("--contact-s", v, HL_Q_CONTACT_S, &k->contact_s);
    case O_EMISSIVITY:
        if (quantity("--emissivity", v, HL_Q_EMISSIVITY, &e))
            return EXIT_USAGE;
        k->bare_emissivity = e;
        return 0;
    case O_COEF:
        k->coef_set = hl_coef_set_from_name(v);
        if (k->coef_set < 0)
            return cli_fail(CMD,
                            "--coefficients '%s': expected iso12241, "
                            "astm-c680 or gb50264",
                            v);
        return 0;
    }
    return -1;
}

static int take_option(fitting_args *a, int c, const char *v)
{
    int rc = take_conditions(a, c, v);
    if (rc >= 0)
        return rc;
    switch (c) {
    case O_TYPE:
        return set_type(a, v);
    case O_DN:
        a->have_dn = 1;
        return whole("--dn", v, HL_Q_DN, &a->dn);
    case O_PN:
        return whole("--pn", v, HL_Q_PN, &a->pn);
    case O_COATING:
        a->coating = v;
        return 0;
    case O_JACKET:
        a->jacket = v;
        return 0;
    case O_JSON:
        a->json = 1;
        return 0;
    case O_LIST:
        a->mode = FIT_LIST;
        return 0;
    case O_INVENTORY:
        a->inventory = v;
        return 0;
    case O_OUTPUT:
        a->output = v;
        return 0;
    case O_KEEP:
        a->keep_going = 1;
        return 0;
    case O_MATERIALS:
        a->materials = v;
        return 0;
    case O_REF:
        a->ref = v;
        return 0;
    case O_PATCHES:
        a->patches = 1;
        return 0;
    case O_FV:
        a->mode = FIT_FV_CHECK;
        return 0;
    case O_COMPARE:
        a->mode = FIT_COMPARE;
        return 0;
    case O_FILLET:
        if (quantity("--fillet", v, HL_Q_FILLET_MM, &a->fillet_m))
            return EXIT_USAGE;
        a->fillet_m *= 1e-3;
        return 0;
    case O_REFINE:
        if (whole("--refine", v, HL_Q_COUNT, &a->refine))
            return EXIT_USAGE;
        if (a->refine > 16)
            return cli_fail(CMD, "--refine '%s': expected 1 to 16", v);
        return 0;
    }
    return EXIT_USAGE;
}

/* --compare: the coated and jacketed covers (given, or the defaults of the
 * default model: ceramic-microbead:8, aerogel-blanket:30); the bare one is
 * the conditions' own. */
static int compare_covers(fitting_args *a)
{
    static const char *const word[] = {"coated", "jacket"};
    const char *spec[] = {a->coating ? a->coating : "ceramic-microbead:8",
                          a->jacket ? a->jacket : "aerogel-blanket:30"};
    a->covers[HL_FIT_BARE] = a->cond.cover;
    for (int i = 0; i < 2; i++) {
        char text[200];
        hl_error err;
        hl_error_clear(&err);
        snprintf(text, sizeof text, "%s %s", word[i], spec[i]);
        if (hl_fitting_cover_parse(a->db, text, &a->covers[i + 1], &err))
            return cli_fail(CMD, "--%s: %s", i ? "jacket" : "coating",
                            err.message);
    }
    return 0;
}

/* The cover (coating or jacket) and the reference pipe, once the material
 * table is known. */
static int resolve_materials(fitting_args *a)
{
    hl_error err;
    hl_error_clear(&err);
    a->db = cli_materials(CMD, a->materials);
    if (!a->db)
        return EXIT_USAGE;
    if (a->mode == FIT_COMPARE && compare_covers(a))
        return EXIT_USAGE;
    const char *spec = a->coating ? a->coating : a->jacket;
    if (spec && a->mode != FIT_COMPARE) {
        char text[200];
        snprintf(text, sizeof text, "%s %s", a->coating ? "coated" : "jacket",
                 spec);
        if (hl_fitting_cover_parse(a->db, text, &a->cond.cover, &err))
            return cli_fail(CMD, "--%s: %s", a->coating ? "coating" : "jacket",
                            err.message);
    }
    const char *ref = a->ref ? a->ref : "pur-aged:100";
    if (strcmp(ref, "none") == 0)
        return 0;
    hl_fitting_cover refc;
    char text[200];
    snprintf(text, sizeof text, "jacket %s", ref);
    if (hl_fitting_cover_parse(a->db, text, &refc, &err))
        return cli_fail(CMD, "--ref-insulation: %s", err.message);
    a->cond.ref_layer = refc.layer;
    a->cond.ref_emissivity = refc.emissivity;
    return 0;
}

static int check_mode(fitting_args *a)
{
    if (a->coating && a->jacket && a->mode != FIT_COMPARE)
        return cli_fail(CMD, "--coating and --jacket conflict: a fitting is "
                             "either coated or jacketed (--compare shows "
                             "both)");
    if (a->inventory) {
        if (a->mode != FIT_SINGLE || a->type_name || a->have_dn ||
            a->have_temp || a->coating || a->jacket)
            return cli_fail(CMD, "--inventory takes type, DN, temperatures "
                                 "and state from the file: drop --type, "
                                 "--dn, --temp, --coating, --jacket, --list");
        a->mode = FIT_INVENTORY;
        return 0;
    }
    if (a->output || a->keep_going)
        return cli_fail(CMD, "--output and --keep-going belong to "
                             "--inventory");
    if (a->mode == FIT_LIST)
        return 0;
    if (!a->type_name)
        return cli_fail(CMD, "--type is required (or --list, --inventory)");
    if (!a->have_dn)
        return cli_fail(CMD, "--dn is required (nominal diameter)");
    if (!a->have_temp)
        return cli_fail(CMD, "--temp is required (medium temperature, C)");
    if (a->mode == FIT_FV_CHECK && a->type != HL_FIT_FLANGE_PAIR)
        return cli_fail(CMD, "--fv-check works on --type flange-pair");
    return 0;
}

static int take(void *ctx, int c, const char *v)
{
    return take_option(ctx, c, v);
}

int fitting_args_parse(int argc, char **argv, fitting_args *a)
{
    memset(a, 0, sizeof *a);
    hl_fitting_conditions_init(&a->cond);
    a->type = -1;
    a->pn = 16;
    a->fillet_m = NAN;
    a->refine = 2;
    int rc = cli_options(CMD, argc, argv, options, take, a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("fitting", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    if (cli_operand(CMD, argc, argv, NULL) != CLI_GO_ON)
        return EXIT_USAGE;
    if (!a->have_radiant)
        a->cond.radiant_k = a->cond.air_k;
    if ((rc = check_mode(a)) != 0)
        return rc;
    if (a->mode != FIT_LIST && (rc = resolve_materials(a)) != 0)
        return rc;
    return -1;
}

void fitting_args_free(fitting_args *a)
{
    hl_material_db_free(a->db);
    a->db = NULL;
}

const hl_material *fitting_cover_material(const fitting_args *a,
                                          hl_material *tmp)
{
    const hl_fitting_cover *cv = &a->cond.cover;
    const hl_material *m = hl_material_find(a->db, cv->material);
    if (m)
        return m;
    memset(tmp, 0, sizeof *tmp);
    snprintf(tmp->id, sizeof tmp->id, "%s", cv->material);
    tmp->lambda = cv->layer.lambda;
    tmp->t_min_k = tmp->t_max_k = NAN;
    tmp->max_service_k = cv->max_service_k;
    tmp->emissivity = cv->emissivity;
    return tmp;
}
