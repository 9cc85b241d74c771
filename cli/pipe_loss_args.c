/*
 * pipe_loss_args.c - options of `heatline pipe-loss` into an
 * hl_pipe_laying, converting C, mm and the cover/gap conventions to SI:
 * axis depth = cover + outer radius (casing, else insulation), centre
 * distance = gap + outer diameter (twin: gap between the carriers +
 * carrier diameter). Every bad input is one line naming the option, its
 * value and what was expected (exit status 2).
 */
#include "cli.h"
#include "help/help.h"
#include "pipe_loss_args.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CMD "pipe-loss"

enum {
    O_LAYING = 256,
    O_CARRIER,
    O_CARRIER_R,
    O_INS_OD,
    O_INS_OD_R,
    O_LAM_INS,
    O_LAM_INS_R,
    O_INS_MAT,
    O_INS_MAT_R,
    O_CASING_OD,
    O_CASING_OD_R,
    O_LAM_CASING,
    O_CASING_MAT,
    O_SOIL,
    O_COVER,
    O_DEPTH,
    O_GAP,
    O_SPACING,
    O_HOUT,
    O_WIND,
    O_EMISSIVITY,
    O_COEF,
    O_SUPPLY,
    O_RETURN,
    O_GROUND,
    O_AIR,
    O_R0,
    O_TWIN_METHOD,
    O_TWIN_ORDER,
    O_MATERIALS,
    O_JSON,
    O_HELP,
    O_COUNT
};

static const struct option options[] = {
    {"laying", required_argument, 0, O_LAYING},
    {"carrier-od", required_argument, 0, O_CARRIER},
    {"carrier-od-return", required_argument, 0, O_CARRIER_R},
    {"insulation-od", required_argument, 0, O_INS_OD},
    {"insulation-od-return", required_argument, 0, O_INS_OD_R},
    {"lambda-ins", required_argument, 0, O_LAM_INS},
    {"lambda-ins-return", required_argument, 0, O_LAM_INS_R},
    {"insulation", required_argument, 0, O_INS_MAT},
    {"insulation-return", required_argument, 0, O_INS_MAT_R},
    {"casing-od", required_argument, 0, O_CASING_OD},
    {"casing-od-return", required_argument, 0, O_CASING_OD_R},
    {"lambda-casing", required_argument, 0, O_LAM_CASING},
    {"casing", required_argument, 0, O_CASING_MAT},
    {"lambda-soil", required_argument, 0, O_SOIL},
    {"cover", required_argument, 0, O_COVER},
    {"axis-depth", required_argument, 0, O_DEPTH},
    {"gap", required_argument, 0, O_GAP},
    {"spacing", required_argument, 0, O_SPACING},
    {"h-out", required_argument, 0, O_HOUT},
    {"wind", required_argument, 0, O_WIND},
    {"emissivity", required_argument, 0, O_EMISSIVITY},
    {"coefficients", required_argument, 0, O_COEF},
    {"supply", required_argument, 0, O_SUPPLY},
    {"return", required_argument, 0, O_RETURN},
    {"ground", required_argument, 0, O_GROUND},
    {"air", required_argument, 0, O_AIR},
    {"surface-resistance", required_argument, 0, O_R0},
    {"twin-method", required_argument, 0, O_TWIN_METHOD},
    {"twin-order", required_argument, 0, O_TWIN_ORDER},
    {"materials", required_argument, 0, O_MATERIALS},
    {"json", no_argument, 0, O_JSON},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

static const struct {
    const char *name;
    int laying, n_pipes;
} layings[] = {{"single", HL_LAYING_SINGLE, 1},
               {"pair", HL_LAYING_PAIR, 2},
               {"twin", HL_LAYING_TWIN, 2},
               {"overhead", HL_LAYING_OVERHEAD, 1},
               {"overhead-pair", HL_LAYING_OVERHEAD, 2},
               {"duct", HL_LAYING_DUCT, 1},
               {"duct-pair", HL_LAYING_DUCT, 2}};

/* Raw option values, indexed by option code. */
typedef struct raw_args {
    int seen[O_COUNT];
    const char *text[O_COUNT];
    double value[O_COUNT]; /* numbers as typed (mm, C, m) */
} raw_args;

#define SEEN(r, o) ((r)->seen[(o)-O_LAYING])
#define TEXT(r, o) ((r)->text[(o)-O_LAYING])
#define VAL(r, o)  ((r)->value[(o)-O_LAYING])

/* ---- single options ---------------------------------------------------- */

static int is_text_option(int c)
{
    return c == O_LAYING || c == O_INS_MAT || c == O_INS_MAT_R ||
           c == O_CASING_MAT || c == O_COEF || c == O_TWIN_METHOD ||
           c == O_MATERIALS || c == O_JSON;
}

static int is_temperature(int c)
{
    return c == O_SUPPLY || c == O_RETURN || c == O_GROUND || c == O_AIR;
}

/* Options that may be zero (a clear gap of 0 is touching casings). */
static int allows_zero(int c)
{
    return c == O_GAP || c == O_WIND || c == O_R0;
}

/* The quantity of the range table a numeric option reads. */
static int quantity_of(int c)
{
    switch (c) {
    case O_LAM_INS:
    case O_LAM_INS_R:
    case O_LAM_CASING:
    case O_SOIL:
        return HL_Q_CONDUCTIVITY;
    case O_COVER:
    case O_DEPTH:
    case O_GAP:
    case O_SPACING:
        return HL_Q_DEPTH_M;
    case O_HOUT:
        return HL_Q_H_COEF;
    case O_WIND:
        return HL_Q_WIND;
    case O_SUPPLY:
    case O_RETURN:
        return HL_Q_WATER_TEMP_C;
    case O_GROUND:
    case O_AIR:
        return HL_Q_SURROUND_TEMP_C;
    case O_R0:
        return HL_Q_SURFACE_RESISTANCE;
    default:
        return HL_Q_DIAMETER_MM;
    }
}

static int take_number(int c, const char *name, const char *v, raw_args *r)
{
    double x;
    if (c == O_R0 && strcmp(v, "en13941") == 0) {
        VAL(r, c) = 0.0685; /* m2 K/W, EN 13941 */
        return 0;
    }
    if (!cli_quantity(CMD, name, v, quantity_of(c), &x))
        return EXIT_USAGE;
    if (!is_temperature(c) && x == 0.0 && !allows_zero(c))
        return cli_fail(CMD, "%s '%s': expected a value > 0", name, v);
    VAL(r, c) = x;
    return 0;
}

static const char *option_name(int c);

static int take_option(int c, const char *v, raw_args *r, pipe_loss_args *a)
{
    char name[40];
    snprintf(name, sizeof name, "--%s", option_name(c));
    if (SEEN(r, c))
        return cli_fail(CMD, "%s given twice: give it once", name);
    SEEN(r, c) = 1;
    TEXT(r, c) = v;
    if (c == O_JSON)
        a->json = 1;
    if (c == O_EMISSIVITY)
        return cli_quantity(CMD, name, v, HL_Q_EMISSIVITY, &VAL(r, c))
                   ? 0
                   : EXIT_USAGE;
    if (c == O_TWIN_ORDER) {
        int order;
        if (!cli_whole(CMD, name, v, HL_Q_COUNT, &order))
            return EXIT_USAGE;
        if (order > 14)
            return cli_fail(CMD, "%s '%s': expected a whole number 1..14", name,
                            v);
        VAL(r, c) = order;
        return 0;
    }
    return is_text_option(c) ? 0 : take_number(c, name, v, r);
}

/* ---- which options belong to which laying ------------------------------ */

static const char *option_name(int c)
{
    for (const struct option *o = options; o->name; o++)
        if (o->val == c)
            return o->name;
    return "?";
}

static int set_laying(const raw_args *r, pipe_loss_args *a)
{
    const char *v = TEXT(r, O_LAYING);
    for (size_t i = 0; i < sizeof layings / sizeof layings[0]; i++)
        if (strcmp(v, layings[i].name) == 0) {
            a->laying_name = layings[i].name;
            a->lay.laying = layings[i].laying;
            a->n_pipes = layings[i].n_pipes;
            a->buried = a->lay.laying <= HL_LAYING_TWIN;
            return 0;
        }
    return cli_fail(CMD,
                    "--laying '%s': expected single, pair, twin, "
                    "overhead, overhead-pair, duct or duct-pair",
                    v);
}

static int require(const raw_args *r, int c, const char *what)
{
    if (!SEEN(r, c))
        return cli_fail(CMD, "--%s is required (%s)", option_name(c), what);
    return 0;
}

static int only_for(const raw_args *r, const pipe_loss_args *a, const int *opts,
                    int ok, const char *layings_text)
{
    for (; *opts; opts++)
        if (SEEN(r, *opts) && !ok)
            return cli_fail(CMD, "--%s applies to %s, not to laying '%s'",
                            option_name(*opts), layings_text, a->laying_name);
    return 0;
}

static int conflict(const raw_args *r, int x, int y)
{
    if (SEEN(r, x) && SEEN(r, y))
        return cli_fail(CMD, "--%s %s and --%s %s conflict: give one",
                        option_name(x), TEXT(r, x), option_name(y), TEXT(r, y));
    return 0;
}

static int check_presence(const raw_args *r, const pipe_loss_args *a)
{
    static const int buried[] = {O_SOIL, O_COVER, O_DEPTH, O_R0, 0};
    static const int air[] = {O_HOUT, O_WIND, O_EMISSIVITY, O_COEF, 0};
    static const int two[] = {
        O_RETURN,    O_CARRIER_R,   O_INS_OD_R, O_LAM_INS_R,
        O_INS_MAT_R, O_CASING_OD_R, 0};
    static const int twin_only[] = {O_TWIN_METHOD, O_TWIN_ORDER, 0};
    static const int not_twin[] = {O_CARRIER_R, O_INS_OD_R,    O_LAM_INS_R,
                                   O_INS_MAT_R, O_CASING_OD_R, 0};
    static const int spaced[] = {O_GAP, O_SPACING, 0};
    int twin = a->lay.laying == HL_LAYING_TWIN;
    int rc = only_for(r, a, buried, a->buried,
                      "the buried layings (single, pair, twin)");
    if (!rc)
        rc = only_for(r, a, air, !a->buried, "the overhead and duct layings");
    if (!rc)
        rc = only_for(r, a, two, a->n_pipes == 2, "two-pipe layings");
    if (!rc)
        rc = only_for(r, a, twin_only, twin, "the twin laying");
    if (!rc)
        rc = only_for(r, a, not_twin, !twin,
                      "two separate pipes (a twin has one fill and equal "
                      "carriers)");
    if (!rc)
        rc = only_for(r, a, spaced, a->lay.laying == HL_LAYING_PAIR || twin,
                      "the pair and twin layings");
    return rc;
}

static int check_required(const raw_args *r, const pipe_loss_args *a)
{
    int rc = require(r, O_CARRIER, "carrier outer diameter, mm");
    if (!rc)
        rc = require(r, O_INS_OD, "insulation outer diameter, mm");
    if (!rc)
        rc = require(r, O_SUPPLY, "supply temperature, C");
    if (!rc && !SEEN(r, O_GROUND) && !SEEN(r, O_AIR))
        rc = cli_fail(CMD, "--ground is required (soil temperature at the "
                           "axis depth, or the air temperature, C)");
    if (!rc && a->n_pipes == 2)
        rc = require(r, O_RETURN, "return temperature, C");
    if (!rc && !SEEN(r, O_LAM_INS) && !SEEN(r, O_INS_MAT))
        rc = cli_fail(CMD, "--lambda-ins or --insulation is required "
                           "(insulation conductivity, W/(m K), or material)");
    if (!rc && a->buried && !SEEN(r, O_COVER) && !SEEN(r, O_DEPTH))
        rc = cli_fail(CMD, "--cover or --axis-depth is required (burial "
                           "depth, m)");
    if (!rc &&
        (a->lay.laying == HL_LAYING_PAIR || a->lay.laying == HL_LAYING_TWIN) &&
        !SEEN(r, O_GAP) && !SEEN(r, O_SPACING))
        rc = cli_fail(CMD, "--gap or --spacing is required (distance of the "
                           "two pipes, m)");
    return rc;
}

static int check_conflicts(const raw_args *r)
{
    static const int pairs[][2] = {{O_COVER, O_DEPTH},
                                   {O_GAP, O_SPACING},
                                   {O_LAM_INS, O_INS_MAT},
                                   {O_LAM_INS_R, O_INS_MAT_R},
                                   {O_LAM_CASING, O_CASING_MAT},
                                   {O_GROUND, O_AIR},
                                   {O_HOUT, O_WIND},
                                   {O_HOUT, O_EMISSIVITY},
                                   {O_HOUT, O_COEF}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (conflict(r, pairs[i][0], pairs[i][1]))
            return EXIT_USAGE;
    if ((SEEN(r, O_LAM_CASING) || SEEN(r, O_CASING_MAT) ||
         SEEN(r, O_CASING_OD_R)) &&
        !SEEN(r, O_CASING_OD))
        return cli_fail(CMD, "the casing conductivity or return casing needs "
                             "--casing-od");
    return 0;
}

/* ---- the laying -------------------------------------------------------- */

/* Option value (mm -> m) for pipe k: the -return option or the supply's. */
static double per_pipe_m(const raw_args *r, int k, int opt, int opt_return)
{
    int o = (k == 1 && SEEN(r, opt_return)) ? opt_return : opt;
    return SEEN(r, o) ? VAL(r, o) * 1e-3 : 0.0;
}

/* "--X", "--X-return" or "--X (return pipe)" for messages. */
static void label(const raw_args *r, int k, int opt, int opt_return, char *buf,
                  size_t n)
{
    if (k == 1 && SEEN(r, opt_return))
        snprintf(buf, n, "--%s", option_name(opt_return));
    else
        snprintf(buf, n, "--%s%s", option_name(opt),
                 k == 1 ? " (return pipe)" : "");
}

static int check_diameters(const raw_args *r, pipe_loss_args *a, int k)
{
    double d = per_pipe_m(r, k, O_CARRIER, O_CARRIER_R);
    double di = per_pipe_m(r, k, O_INS_OD, O_INS_OD_R);
    double dc = per_pipe_m(r, k, O_CASING_OD, O_CASING_OD_R);
    char name[64];
    if (!(di > d)) {
        label(r, k, O_INS_OD, O_INS_OD_R, name, sizeof name);
        return cli_fail(CMD,
                        "%s %g mm: expected more than the carrier outer "
                        "diameter %g mm",
                        name, di * 1e3, d * 1e3);
    }
    if (dc > 0.0 && !(dc > di)) {
        label(r, k, O_CASING_OD, O_CASING_OD_R, name, sizeof name);
        return cli_fail(CMD,
                        "%s %g mm: expected more than the insulation "
                        "outer diameter %g mm",
                        name, dc * 1e3, di * 1e3);
    }
    a->lay.pipe[k].carrier_od_m = d;
    a->insulation_od_m[k] = di;
    a->casing_od_m[k] = dc;
    return 0;
}

static void constant_layer(hl_layer *l, double thickness_m, double k)
{
    memset(l, 0, sizeof *l);
    l->thickness_m = thickness_m;
    l->lambda = hl_lambda_constant(k);
    l->t_min_k = l->t_max_k = NAN;
    snprintf(l->name, sizeof l->name, "k=%g", k);
}

static int material_layer(hl_material_db *db, const char *opt, const char *id,
                          double thickness_m, hl_layer *l, double *eps)
{
    const hl_material *m = hl_material_find(db, id);
    if (!m) {
        char hint[200];
        hl_material_suggest(db, id, 3, hint, sizeof hint);
        return cli_fail(CMD, "--%s '%s': unknown material (closest: %s)", opt,
                        id, hint);
    }
    hl_layer_from_material(m, thickness_m, l);
    if (eps && isfinite(m->emissivity))
        *eps = m->emissivity;
    return 0;
}

/* Layer from --lambda-X (constant) or --X MATERIAL; NULL db is fine when
 * no material is named. */
static int make_layer(const raw_args *r, hl_material_db *db, int lam_opt,
                      int mat_opt, double default_k, double thickness_m,
                      hl_layer *l, double *eps)
{
    if (SEEN(r, mat_opt))
        return material_layer(db, option_name(mat_opt), TEXT(r, mat_opt),
                              thickness_m, l, eps);
    constant_layer(l, thickness_m,
                   SEEN(r, lam_opt) ? VAL(r, lam_opt) : default_k);
    return 0;
}

static int build_pipe(const raw_args *r, hl_material_db *db, pipe_loss_args *a,
                      int k, double *eps)
{
    hl_pipe_buildup *b = &a->lay.pipe[k];
    double d = b->carrier_od_m, di = a->insulation_od_m[k];
    int lam = (k == 1 && (SEEN(r, O_LAM_INS_R) || SEEN(r, O_INS_MAT_R)))
                  ? O_LAM_INS_R
                  : O_LAM_INS;
    int mat = (lam == O_LAM_INS_R) ? O_INS_MAT_R : O_INS_MAT;
    b->n_layers = 1;
    int rc =
        make_layer(r, db, lam, mat, NAN, 0.5 * (di - d), &b->layer[0], eps);
    if (rc || !(a->casing_od_m[k] > 0.0))
        return rc;
    b->n_layers = 2;
    return make_layer(r, db, O_LAM_CASING, O_CASING_MAT, 0.43,
                      0.5 * (a->casing_od_m[k] - di), &b->layer[1], eps);
}

static int build_twin(const raw_args *r, hl_material_db *db, pipe_loss_args *a)
{
    hl_pipe_laying *lay = &a->lay;
    hl_layer fill, wall;
    double di = a->insulation_od_m[0], dc = a->casing_od_m[0];
    int rc = make_layer(r, db, O_LAM_INS, O_INS_MAT, NAN, 0.0, &fill, NULL);
    if (!rc && dc > 0.0)
        rc = make_layer(r, db, O_LAM_CASING, O_CASING_MAT, 0.43, 0.0, &wall,
                        NULL);
    if (rc)
        return rc;
    lay->pipe[1].carrier_od_m = lay->pipe[0].carrier_od_m;
    lay->pipe[0].n_layers = lay->pipe[1].n_layers = 0;
    lay->twin_fill = fill.lambda;
    lay->twin_casing_od_m = dc > 0.0 ? dc : di;
    lay->twin_casing_wall_m = dc > 0.0 ? 0.5 * (dc - di) : 0.0;
    if (dc > 0.0)
        lay->twin_lambda_casing = hl_lambda_at(&wall.lambda, a->t_ground_k);
    return 0;
}

static double outer_diameter(const pipe_loss_args *a, int k)
{
    return a->casing_od_m[k] > 0.0 ? a->casing_od_m[k] : a->insulation_od_m[k];
}

static int set_depth(const raw_args *r, pipe_loss_args *a)
{
    double r_out = 0.5 * fmax(outer_diameter(a, 0),
                              a->n_pipes == 2 ? outer_diameter(a, 1) : 0.0);
    if (SEEN(r, O_COVER)) {
        a->lay.axis_depth_m = VAL(r, O_COVER) + r_out;
        return 0;
    }
    a->lay.axis_depth_m = VAL(r, O_DEPTH);
    if (!(a->lay.axis_depth_m > r_out))
        return cli_fail(CMD,
                        "--axis-depth %s m: expected more than the outer "
                        "radius %g m (the pipe must be below ground)",
                        TEXT(r, O_DEPTH), r_out);
    return 0;
}

static int set_pair_spacing(const raw_args *r, pipe_loss_args *a)
{
    double need = 0.5 * (outer_diameter(a, 0) + outer_diameter(a, 1));
    double s = SEEN(r, O_GAP) ? VAL(r, O_GAP) + need : VAL(r, O_SPACING);
    if (!(s >= need))
        return cli_fail(CMD,
                        "--spacing %s m: the pipes overlap: expected at "
                        "least %g m (their outer diameters)",
                        TEXT(r, O_SPACING), need);
    a->lay.axis_spacing_m = s;
    return 0;
}

static int set_twin_spacing(const raw_args *r, pipe_loss_args *a)
{
    double d = a->lay.pipe[0].carrier_od_m, di = a->insulation_od_m[0];
    const char *o = SEEN(r, O_GAP) ? "--gap" : "--spacing";
    const char *v = SEEN(r, O_GAP) ? TEXT(r, O_GAP) : TEXT(r, O_SPACING);
    double s = SEEN(r, O_GAP) ? VAL(r, O_GAP) + d : VAL(r, O_SPACING);
    if (!(s > d))
        return cli_fail(CMD,
                        "%s %s m: the carriers overlap or touch: "
                        "expected a centre distance above the carrier "
                        "diameter %g m",
                        o, v, d);
    if (!(0.5 * s + 0.5 * d < 0.5 * di))
        return cli_fail(CMD,
                        "%s %s m: the carriers reach %g mm from the axis: "
                        "expected less than the insulation radius %g mm",
                        o, v, (0.5 * s + 0.5 * d) * 1e3, 0.5 * di * 1e3);
    a->lay.axis_spacing_m = s;
    return 0;
}

static int set_twin_method(const raw_args *r, pipe_loss_args *a)
{
    if (SEEN(r, O_TWIN_ORDER))
        a->lay.twin_order = (int)VAL(r, O_TWIN_ORDER);
    if (!SEEN(r, O_TWIN_METHOD))
        return 0;
    const char *v = TEXT(r, O_TWIN_METHOD);
    if (strcmp(v, "multipole") == 0)
        a->lay.twin_method = HL_TWIN_MULTIPOLE;
    else if (strcmp(v, "wallenten") == 0)
        a->lay.twin_method = HL_TWIN_WALLENTEN;
    else
        return cli_fail(CMD,
                        "--twin-method '%s': expected multipole or "
                        "wallenten",
                        v);
    return 0;
}

static int set_air(const raw_args *r, pipe_loss_args *a, double eps)
{
    hl_outer_bc *bc = &a->lay.air;
    bc->h_total_fixed = SEEN(r, O_HOUT) ? VAL(r, O_HOUT) : 0.0;
    bc->wind_m_s = SEEN(r, O_WIND) ? VAL(r, O_WIND) : 0.0;
    bc->emissivity = SEEN(r, O_EMISSIVITY) ? VAL(r, O_EMISSIVITY) : eps;
    bc->radiant_k = 0.0; /* = the air temperature */
    if (SEEN(r, O_COEF)) {
        bc->set = hl_coef_set_from_name(TEXT(r, O_COEF));
        if (bc->set < 0)
            return cli_fail(CMD,
                            "--coefficients '%s': expected iso12241, "
                            "astm-c680 or gb50264",
                            TEXT(r, O_COEF));
    }
    return 0;
}

static void set_temperatures(const raw_args *r, pipe_loss_args *a)
{
    a->t_supply_k = VAL(r, O_SUPPLY) + HL_ZERO_C_K;
    a->t_return_k =
        SEEN(r, O_RETURN) ? VAL(r, O_RETURN) + HL_ZERO_C_K : a->t_supply_k;
    a->t_ground_k =
        (SEEN(r, O_GROUND) ? VAL(r, O_GROUND) : VAL(r, O_AIR)) + HL_ZERO_C_K;
}

static int build_layers(const raw_args *r, pipe_loss_args *a, double *eps)
{
    hl_material_db *db = NULL;
    int rc = 0;
    if (SEEN(r, O_INS_MAT) || SEEN(r, O_INS_MAT_R) || SEEN(r, O_CASING_MAT))
        if (!(db = cli_materials(CMD, TEXT(r, O_MATERIALS))))
            return EXIT_USAGE;
    if (a->lay.laying == HL_LAYING_TWIN)
        rc = build_twin(r, db, a);
    for (int k = 0; !rc && a->lay.laying != HL_LAYING_TWIN && k < a->n_pipes;
         k++)
        rc = build_pipe(r, db, a, k, eps);
    hl_material_db_free(db);
    return rc;
}

static int build(const raw_args *r, pipe_loss_args *a)
{
    double eps = 0.9; /* oxidised steel or a casing without a stated one */
    int rc = 0;
    set_temperatures(r, a);
    for (int k = 0; !rc && k < a->n_pipes; k++)
        rc = check_diameters(r, a, k);
    if (!rc)
        rc = build_layers(r, a, &eps);
    if (!rc && SEEN(r, O_SOIL))
        a->lay.lambda_soil = VAL(r, O_SOIL);
    if (!rc && SEEN(r, O_R0))
        a->lay.surface_resistance = VAL(r, O_R0);
    if (!rc && a->buried)
        rc = set_depth(r, a);
    if (!rc && a->lay.laying == HL_LAYING_PAIR)
        rc = set_pair_spacing(r, a);
    if (!rc && a->lay.laying == HL_LAYING_TWIN)
        rc = set_twin_spacing(r, a);
    if (!rc && a->lay.laying == HL_LAYING_TWIN)
        rc = set_twin_method(r, a);
    if (!rc && !a->buried)
        rc = set_air(r, a, eps);
    return rc;
}

static int check_all(const raw_args *r, pipe_loss_args *a)
{
    int rc = require(r, O_LAYING,
                     "single, pair, twin, overhead, overhead-pair, duct or "
                     "duct-pair");
    if (!rc)
        rc = set_laying(r, a);
    if (!rc)
        rc = check_required(r, a);
    if (!rc)
        rc = check_conflicts(r);
    if (!rc)
        rc = check_presence(r, a);
    return rc;
}

typedef struct parse_ctx {
    raw_args *r;
    pipe_loss_args *a;
} parse_ctx;

static int take(void *ctx, int c, const char *v)
{
    parse_ctx *p = ctx;
    return take_option(c, v, p->r, p->a);
}

int pipe_loss_args_parse(int argc, char **argv, pipe_loss_args *a)
{
    raw_args r;
    memset(&r, 0, sizeof r);
    memset(a, 0, sizeof *a);
    hl_pipe_laying_init(&a->lay);
    parse_ctx ctx = {&r, a};
    int rc = cli_options(CMD, argc, argv, options, take, &ctx);
    if (rc == CLI_HELP_ASKED) {
        cli_help("pipe-loss", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    if (cli_operand(CMD, argc, argv, NULL) != CLI_GO_ON)
        return EXIT_USAGE;
    if ((rc = check_all(&r, a)) != 0 || (rc = build(&r, a)) != 0)
        return rc;
    return -1;
}
