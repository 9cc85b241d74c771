/*
 * read_inp.c - import of an EPANET 2 input file (.inp) for one steady
 * period (time 0): [JUNCTIONS] (demands times their pattern's first
 * multiplier and the demand multiplier; [DEMANDS] replaces them),
 * [RESERVOIRS] and [TANKS] as fixed heads (tank head = elevation + initial
 * level), [PIPES] (Open, Closed, CV), [PUMPS] with HEAD curves and SPEED,
 * [VALVES] FCV (fixed flow), TCV (loss coefficient on the diameter), PBV
 * (fixed pressure drop), [CURVES], [STATUS], [PATTERNS], [OPTIONS] (units,
 * head-loss formula H-W (EPANET's default), D-W or C-M, specific gravity,
 * viscosity, demand multiplier), [TITLE] (the model's name and
 * description), [COORDINATES] and [VERTICES] (the plan, in the drawing's
 * units).
 * Everything hydraulic follows EPANET's own constants: g = 32.2 ft/s2
 * (9.81456 m/s2), specific gravity 1 = 998.2 kg/m3, viscosity default
 * 1.1e-5 ft2/s, and by default its Darcy-Weisbach friction (Swamee-Jain
 * above Re 4000, Dunlop's cubic between 2000 and 4000).
 * The thermal data an .inp does not carry come from hl_load_options: the
 * temperature at reservoirs and tanks, the surroundings, a uniform U on
 * the inner pipe surface, or a per-pipe CSV (docs/model-format.md).
 * Unsupported content (PRV, PSV, GPV valves, constant-power pumps, emitters) is
 * an error naming the file:line, never silently dropped.
 */
#include "network/read_inp_period.h"
#include "network/reader.h"
#include "physics/friction.h"
#include "physics/headloss_empirical.h"
#include "util/util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TOK        64
#define FT             0.3048
#define EPANET_G       (32.2 * FT) /* EPANET's internal gravity, m/s2 */
#define SPGR_REF       998.2       /* kg/m3 of specific gravity 1 */
#define VISCOS_FT2     1.1e-5      /* EPANET default viscosity, ft2/s */
#define MAX_INP_CURVES 512
/* EPANET's minor loss is 0.02517 K Q^2 / D^4 (ft, ft3/s; input1.c), i.e.
 * K v^2 / (2 g') with g' = 8 / (pi^2 0.02517) ft/s2, not its 32.2: this
 * factor makes heatline's K rho v^2 / 2 give EPANET's head with g = 32.2. */
#define MINOR_SCALE (32.2 * 0.02517 * M_PI * M_PI / 8.0)

enum sec {
    S_NONE,
    S_JUNC,
    S_RES,
    S_TANK,
    S_PIPE,
    S_PUMP,
    S_VALVE,
    S_CURVE,
    S_STATUS,
    S_PATTERN,
    S_OPTION,
    S_DEMAND,
    S_EMITTER,
    S_CONTROL,
    S_TITLE,
    S_COORD,
    S_VERTEX,
    S_TIMES,
    S_ENERGY,
    S_SKIP, /* drawing and report only: [TAGS], [LABELS], [BACKDROP], ... */
    S_NOTE, /* not applied, said in a warning: [ENERGY], [QUALITY], ... */
    S_OTHER
};

typedef struct inp_curve {
    const char *id;
    int n;
    double x[NET_MAX_CURVE], y[NET_MAX_CURVE];
} inp_curve;

typedef struct inp {
    rd_ctx *c;
    int us;            /* US customary units */
    double qf;         /* flow unit -> m3/s */
    double lf, df, hf; /* length, diameter, head/elevation -> m */
    double rho, nu, cp, mult;
    int headloss, default_pattern_set; /* enum headloss_law */
    const char *default_pattern;
    net_index curve_ix, pattern_ix, status_ix, demand_ix;
    inp_curve *curves;
    int n_curves;
    double *pattern_first;
    int n_patterns, cap_patterns;
    const char **status;
    int n_status, cap_status;
    double *demand;
    int n_demand, cap_demand;
    int note_lines[40], note_line[40]; /* per row of sections[]: count and
                                          first line of what is not applied */
    double duration_s;
    int duration_line;
    double global_eff;                /* [ENERGY] Global Efficiency, fraction */
    int energy_other, energy_at;      /* [ENERGY] lines not applied */
    int ctl_lines, ctl_line;          /* [CONTROLS] lines, the first */
    int tank_curves, tank_curve_line; /* tank volume curves not applied */
    int res_patterns, res_pattern_line; /* reservoir head patterns */
    inp_period per;                     /* the extended period */
} inp;

/* ---- tokens
 * ------------------------------------------------------------------------ */

static int tokenize(char *line, char **tok)
{
    char *semi = strchr(line, ';');
    if (semi)
        *semi = '\0';
    int n = 0;
    char *p = line;
    while (*p && n < MAX_TOK) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        tok[n++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

static const struct {
    const char *s;
    int v;
} sections[] = {{"[JUNCTIONS]", S_JUNC},   {"[RESERVOIRS]", S_RES},
                {"[TANKS]", S_TANK},       {"[PIPES]", S_PIPE},
                {"[PUMPS]", S_PUMP},       {"[VALVES]", S_VALVE},
                {"[CURVES]", S_CURVE},     {"[STATUS]", S_STATUS},
                {"[PATTERNS]", S_PATTERN}, {"[OPTIONS]", S_OPTION},
                {"[DEMANDS]", S_DEMAND},   {"[EMITTERS]", S_EMITTER},
                {"[CONTROLS]", S_CONTROL}, {"[RULES]", S_NOTE},
                {"[TITLE]", S_TITLE},      {"[COORDINATES]", S_COORD},
                {"[VERTICES]", S_VERTEX},  {"[TIMES]", S_TIMES},
                {"[ENERGY]", S_ENERGY},    {"[QUALITY]", S_NOTE},
                {"[SOURCES]", S_NOTE},     {"[REACTIONS]", S_NOTE},
                {"[MIXING]", S_NOTE},      {"[LEAKAGE]", S_NOTE},
                {"[TAGS]", S_SKIP},        {"[LABELS]", S_SKIP},
                {"[BACKDROP]", S_SKIP},    {"[REPORT]", S_SKIP},
                {"[END]", S_SKIP}};
#define N_SECTIONS ((int)(sizeof sections / sizeof sections[0]))

/* The section's kind; *which: its row in sections[] (-1 unknown). */
static int section_of(const char *name, int *which)
{
    for (int i = 0; i < N_SECTIONS; i++)
        if (strcasecmp(name, sections[i].s) == 0) {
            if (which)
                *which = i;
            return sections[i].v;
        }
    if (which)
        *which = -1;
    return S_OTHER;
}

#define fail(in, line, ...)                                                    \
    rd_fail((in)->c, NET_WHERE((in)->c->origin, (line)), HL_EPARSE, __VA_ARGS__)

static int num(inp *in, int line, const char *t, double *out)
{
    if (parse_double(t, out))
        return HL_OK;
    char shown[64];
    return fail(in, line, "'%s' is not a number%s",
                hl_text_show(shown, sizeof shown, t, 40), "");
}

/* A value converted to SI (si) checked against its physical range
 * (util/ranges.c), named "what 'id' field" with the text as written. */
static int in_range(inp *in, int line, int quantity, const char *what,
                    const char *id, const char *field, double si,
                    const char *text)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_range_check_si(quantity, field, si, text, &err) == HL_OK)
        return HL_OK; /* the named message is made only for a failure */
    char name[160], shown[64];
    snprintf(name, sizeof name, "%s '%s' %s", what,
             hl_text_show(shown, sizeof shown, id, 40), field);
    hl_error_clear(&err);
    if (hl_range_check_si(quantity, name, si, text, &err))
        return rd_fail(in->c, NET_WHERE(in->c->origin, line), err.code, "%s",
                       err.message);
    return HL_OK;
}

/* ---- pass 1: options, curves, patterns, status, demands
 * ----------------------------- */

/* Flow units as EPANET converts them: value / XperCFS ft3/s (types.h
 * constants, e.g. LPSperCFS = 28.317, which makes its "L/s" 0.99999458 of
 * an exact litre per second), then ft3 -> m3. */
static int flow_units(inp *in, int line, const char *u)
{
    static const struct {
        const char *n;
        double per_cfs;
        int us;
    } t[] = {{"CFS", 1.0, 1},     {"GPM", 448.831, 1}, {"MGD", 0.64632, 1},
             {"IMGD", 0.5382, 1}, {"AFD", 1.9837, 1},  {"LPS", 28.317, 0},
             {"LPM", 1699.0, 0},  {"MLD", 2.4466, 0},  {"CMH", 101.94, 0},
             {"CMD", 2446.6, 0},  {"CMS", 0.028317, 0}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcasecmp(u, t[i].n) == 0) {
            in->qf = FT * FT * FT / t[i].per_cfs;
            in->us = t[i].us;
            in->lf = in->hf = in->us ? FT : 1.0;
            in->df = in->us ? FT / 12.0 : 1e-3;
            return HL_OK;
        }
    return fail(in, line, "unknown flow units '%s'", u);
}

static int option(inp *in, int line, char **tok, int n)
{
    if (n < 2)
        return HL_OK;
    const char *k = tok[0], *v = tok[n - 1];
    double x = 0.0;
    if (strcasecmp(k, "UNITS") == 0)
        return flow_units(in, line, v);
    if (strcasecmp(k, "HEADLOSS") == 0) {
        in->headloss = strcasecmp(v, "D-W") == 0   ? HEADLOSS_DARCY
                       : strcasecmp(v, "H-W") == 0 ? HEADLOSS_HAZEN
                       : strcasecmp(v, "C-M") == 0 ? HEADLOSS_MANNING
                                                   : -1;
        if (in->headloss < 0)
            return fail(in, line,
                        "unknown head loss formula '%s' (expected H-W, "
                        "D-W or C-M)%s",
                        v, "");
        return HL_OK;
    }
    if (strcasecmp(k, "PATTERN") == 0) {
        in->default_pattern = text_pool_add(&in->c->m->def->strings, v);
        return HL_OK;
    }
    if (strcasecmp(k, "VISCOSITY") == 0 || strcasecmp(k, "SPECIFIC") == 0 ||
        strcasecmp(k, "DEMAND") == 0) {
        if (num(in, line, v, &x))
            return in->c->m->err.code;
        if (strcasecmp(k, "VISCOSITY") == 0)
            in->nu = x;
        else if (strcasecmp(k, "SPECIFIC") == 0)
            in->rho = x * SPGR_REF;
        else if (n >= 3 && strcasecmp(tok[1], "MULTIPLIER") == 0)
            in->mult = x;
    }
    return HL_OK;
}

static int grow(void **p, int *cap, int n, size_t elem)
{
    if (n < *cap)
        return 1;
    int c = *cap ? 2 * *cap : 64;
    void *q = realloc(*p, elem * (size_t)c);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

static int curve_point(inp *in, int line, char **tok, int n)
{
    if (n < 3)
        return fail(in, line, "curve '%s': expected id x y%s", tok[0], "");
    int i = index_get(&in->curve_ix, tok[0]);
    if (i < 0) {
        if (in->n_curves == MAX_INP_CURVES)
            return fail(in, line, "too many curves%s%s", "", "");
        i = in->n_curves++;
        in->curves[i].id = text_pool_add(&in->c->m->def->strings, tok[0]);
        in->curves[i].n = 0;
        if (!in->curves[i].id ||
            index_put(&in->curve_ix, in->curves[i].id, i) == -2)
            return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    }
    inp_curve *cv = &in->curves[i];
    if (cv->n == NET_MAX_CURVE)
        return fail(in, line, "curve '%s': more than 16 points%s", tok[0], "");
    if (num(in, line, tok[1], &cv->x[cv->n]) ||
        num(in, line, tok[2], &cv->y[cv->n]))
        return in->c->m->err.code;
    cv->n++;
    return HL_OK;
}

static int remember(inp *in, net_index *ix, const char *id, int *slot)
{
    *slot = index_get(ix, id);
    if (*slot >= 0)
        return 0;
    const char *key = text_pool_add(&in->c->m->def->strings, id);
    if (!key)
        return -1;
    *slot = (int)ix->n;
    return index_put(ix, key, *slot) == -2 ? -1 : 1;
}

static int pattern_line(inp *in, int line, char **tok, int n)
{
    int slot, fresh = remember(in, &in->pattern_ix, tok[0], &slot);
    if (fresh < 0 || !grow((void **)&in->pattern_first, &in->cap_patterns, slot,
                           sizeof(double)))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (fresh && n > 1 && num(in, line, tok[1], &in->pattern_first[slot]))
        return in->c->m->err.code;
    if (fresh && n <= 1)
        in->pattern_first[slot] = 1.0;
    if (fresh)
        in->n_patterns = slot + 1;
    for (int i = 1; i < n; i++) {
        double f;
        if (num(in, line, tok[i], &f) ||
            inp_period_multiplier(&in->per, slot, f))
            return in->c->m->err.code;
    }
    return HL_OK;
}

static int status_line(inp *in, char **tok, int n)
{
    int slot, fresh = remember(in, &in->status_ix, tok[0], &slot);
    if (fresh < 0 ||
        !grow((void **)&in->status, &in->cap_status, slot, sizeof(char *)))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    in->status[slot] =
        n > 1 ? text_pool_add(&in->c->m->def->strings, tok[1]) : "";
    if (fresh)
        in->n_status = slot + 1;
    return HL_OK;
}

static double pattern_mult(const inp *in, const char *id)
{
    if (!id) {
        id = in->default_pattern ? in->default_pattern : "1";
        int p = index_get(&in->pattern_ix, id);
        return p >= 0 ? in->pattern_first[p] : 1.0;
    }
    int p = index_get(&in->pattern_ix, id);
    return p >= 0 ? in->pattern_first[p] : NAN;
}

/* The pattern slot of a demand (id NULL: the default pattern); -1 when
 * the demand is constant. */
static int pattern_slot(const inp *in, const char *id)
{
    if (!id)
        id = in->default_pattern ? in->default_pattern : "1";
    return index_get(&in->pattern_ix, id);
}

static int demand_line(inp *in, int line, char **tok, int n)
{
    double d;
    if (n < 2 || num(in, line, tok[1], &d))
        return n < 2 ? fail(in, line, "demand '%s': expected id demand%s",
                            tok[0], "")
                     : in->c->m->err.code;
    double mult = pattern_mult(in, n > 2 ? tok[2] : NULL);
    if (isnan(mult))
        return fail(in, line, "demand of '%s': unknown pattern '%s'", tok[0],
                    tok[2]);
    int slot, fresh = remember(in, &in->demand_ix, tok[0], &slot);
    if (fresh < 0 ||
        !grow((void **)&in->demand, &in->cap_demand, slot, sizeof(double)))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (fresh) {
        in->demand[slot] = 0.0;
        in->n_demand = slot + 1;
    }
    in->demand[slot] += d * mult;
    const char *id = text_pool_add(&in->c->m->def->strings, tok[0]);
    if (!id)
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    return inp_period_demand(&in->per, -1, id, d * in->mult * in->qf * in->rho,
                             pattern_slot(in, n > 2 ? tok[2] : NULL));
}

/* ---- pass 2: elements
 * -------------------------------------------------------------------- */

static int junction(inp *in, int line, char **tok, int n)
{
    net_node_spec s;
    net_node_spec_init(&s);
    s.id = tok[0];
    s.where = NET_WHERE(in->c->origin, line);
    double z = 0.0, d = 0.0;
    if ((n > 1 && num(in, line, tok[1], &z)) ||
        (n > 2 && num(in, line, tok[2], &d)))
        return in->c->m->err.code;
    double mult = pattern_mult(in, n > 3 ? tok[3] : NULL);
    if (isnan(mult))
        return fail(in, line, "junction '%s': unknown pattern '%s'", tok[0],
                    tok[3]);
    int slot = index_get(&in->demand_ix, tok[0]);
    double q = slot >= 0 ? in->demand[slot] : d * mult;
    s.z_m = z * in->hf;
    s.demand_kg_s = q * in->mult * in->qf * in->rho;
    if (in_range(in, line, HL_Q_ELEVATION_M, "junction", tok[0], "elevation",
                 s.z_m, n > 1 ? tok[1] : NULL) ||
        in_range(in, line, HL_Q_MASS_FLOW, "junction", tok[0], "demand",
                 s.demand_kg_s, NULL))
        return in->c->m->err.code;
    if (net_add_node(in->c->m, &s))
        return in->c->m->err.code;
    if (slot >= 0 || d == 0.0) /* [DEMANDS] gives it, or none */
        return HL_OK;
    return inp_period_demand(&in->per, in->c->m->def->n_nodes - 1, NULL,
                             d * in->mult * in->qf * in->rho,
                             pattern_slot(in, n > 3 ? tok[3] : NULL));
}

/* A tank's extended-period data: min and max level and diameter (a
 * volume curve is not applied: said in a warning). */
static int tank_period(inp *in, int line, char **tok, int n, double z_m,
                       double level_m)
{
    double lo, hi, dia;
    if (n < 6 || num(in, line, tok[3], &lo) || num(in, line, tok[4], &hi) ||
        num(in, line, tok[5], &dia))
        return in->c->m->err.code
                   ? in->c->m->err.code
                   : fail(in, line,
                          "tank '%s': expected id elevation level minlevel "
                          "maxlevel diameter%s",
                          tok[0], "");
    if (n > 7 && in->tank_curves++ == 0)
        in->tank_curve_line = line;
    double area = M_PI / 4.0 * dia * in->lf * dia * in->lf;
    return inp_period_tank(&in->per, in->c->m->def->n_nodes - 1, z_m + level_m,
                           z_m + lo * in->hf, z_m + hi * in->hf, area);
}

/* Reservoir (head) or tank (elevation + initial level). */
static int fixed_head(inp *in, int line, char **tok, int n, int tank)
{
    net_node_spec s;
    net_node_spec_init(&s);
    s.id = tok[0];
    s.where = NET_WHERE(in->c->origin, line);
    double a, level = 0.0;
    if (n < 2 || num(in, line, tok[1], &a) ||
        (tank && (n < 3 || num(in, line, tok[2], &level))))
        return in->c->m->err.code ? in->c->m->err.code
                                  : fail(in, line,
                                         "'%s': missing head or "
                                         "level%s",
                                         tok[0], "");
    s.z_m = a * in->hf;
    s.fixed_p_pa = in->rho * EPANET_G * level * in->hf;
    if (in_range(in, line, HL_Q_ELEVATION_M, tank ? "tank" : "reservoir",
                 tok[0], tank ? "elevation" : "head", s.z_m, tok[1]) ||
        (tank && in_range(in, line, HL_Q_HEAD_M, "tank", tok[0], "level",
                          level * in->hf, tok[2])))
        return in->c->m->err.code;
    s.inflow_temp_k = in->c->opt->inp_supply_temp_k;
    if (!tank && n > 2 && in->res_patterns++ == 0)
        in->res_pattern_line = line;
    if (net_add_node(in->c->m, &s))
        return in->c->m->err.code;
    return tank ? tank_period(in, line, tok, n, s.z_m, level * in->hf) : HL_OK;
}

static const char *status_of(const inp *in, const char *id)
{
    int i = index_get(&in->status_ix, id);
    return i >= 0 ? in->status[i] : NULL;
}

/* The H-W C factor (EPANET's typical 60 to 150; 1 to 250 accepted) or
 * Manning's n (0.009 to 0.03; 0.001 to 0.1 accepted). */
static int law_coef_check(inp *in, int line, const char *id, double v,
                          const char *text)
{
    int hw = in->headloss == HEADLOSS_HAZEN;
    double lo = hw ? 1.0 : 0.001, hi = hw ? 250.0 : 0.1;
    if (v >= lo && v <= hi)
        return HL_OK;
    char shown[64];
    return fail(in, line, "pipe '%s': %s %s is outside %g to %g", id,
                hw ? "Hazen-Williams C factor" : "Manning roughness n",
                hl_text_show(shown, sizeof shown, text, 40), lo, hi);
}

static int pipe(inp *in, int line, char **tok, int n)
{
    if (n < 6)
        return fail(in, line,
                    "pipe '%s': expected id node1 node2 length "
                    "diameter roughness%s",
                    tok[0], "");
    net_pipe_spec s;
    net_pipe_spec_init(&s);
    s.id = tok[0];
    s.from = tok[1];
    s.to = tok[2];
    s.where = NET_WHERE(in->c->origin, line);
    double len, d, e, km = 0.0;
    if (num(in, line, tok[3], &len) || num(in, line, tok[4], &d) ||
        num(in, line, tok[5], &e) || (n > 6 && num(in, line, tok[6], &km)))
        return in->c->m->err.code;
    s.length_m = len * in->lf;
    s.inner_d_m = d * in->df;
    s.zeta = km * MINOR_SCALE;
    if (in->headloss == HEADLOSS_DARCY)
        s.roughness_m = e * (in->us ? FT * 1e-3 : 1e-3); /* mft or mm */
    else { /* the column is the C factor or Manning's n */
        s.roughness_m = 0.0;
        s.law_coef = e;
        if (law_coef_check(in, line, tok[0], e, tok[5]))
            return in->c->m->err.code;
    }
    if (in_range(in, line, HL_Q_LENGTH_M, "pipe", tok[0], "length", s.length_m,
                 tok[3]) ||
        in_range(in, line, HL_Q_DIAMETER_MM, "pipe", tok[0], "diameter",
                 s.inner_d_m, tok[4]) ||
        in_range(in, line, HL_Q_ROUGHNESS_MM, "pipe", tok[0], "roughness",
                 s.roughness_m, tok[5]) ||
        in_range(in, line, HL_Q_LOSS_COEF, "pipe", tok[0], "minor loss", km,
                 n > 6 ? tok[6] : NULL))
        return in->c->m->err.code;
    const char *st = n > 7 ? tok[7] : "OPEN", *ov = status_of(in, tok[0]);
    if (ov)
        st = ov;
    s.open = strcasecmp(st, "CLOSED") != 0;
    s.check = strcasecmp(st, "CV") == 0;
    if (in->c->opt->inp_u_w_m2k > 0.0) {
        s.ht = HT_U;
        s.ht_value = in->c->opt->inp_u_w_m2k;
        s.u_diameter_m = s.inner_d_m;
    }
    return net_add_pipe(in->c->m, &s);
}

static int pump(inp *in, int line, char **tok, int n)
{
    net_pump_spec s;
    net_pump_spec_init(&s);
    s.id = tok[0];
    s.where = NET_WHERE(in->c->origin, line);
    if (n < 3)
        return fail(in, line, "pump '%s': expected id node1 node2 ...%s",
                    tok[0], "");
    s.from = tok[1];
    s.to = tok[2];
    const char *curve = NULL;
    for (int i = 3; i + 1 < n; i += 2) {
        if (strcasecmp(tok[i], "HEAD") == 0)
            curve = tok[i + 1];
        else if (strcasecmp(tok[i], "SPEED") == 0) {
            if (num(in, line, tok[i + 1], &s.speed))
                return in->c->m->err.code;
        } else if (strcasecmp(tok[i], "POWER") == 0)
            return fail(in, line,
                        "pump '%s': constant-power pumps are not "
                        "supported%s",
                        tok[0], "");
    }
    int ci = curve ? index_get(&in->curve_ix, curve) : -1;
    if (ci < 0)
        return fail(in, line,
                    "pump '%s': missing or unknown HEAD curve "
                    "'%s'",
                    tok[0], curve ? curve : "");
    const inp_curve *cv = &in->curves[ci];
    s.curve = cv->n == 1 ? PUMP_POWER : PUMP_TABLE;
    s.n_points = cv->n;
    for (int j = 0; j < cv->n; j++) {
        s.q_m3_s[j] = cv->x[j] * in->qf;
        s.h_m[j] = cv->y[j] * in->hf;
        if (in_range(in, line, HL_Q_VOLUME_FLOW_M3_H, "curve", cv->id, "flow",
                     s.q_m3_s[j], NULL) ||
            in_range(in, line, HL_Q_HEAD_M, "curve", cv->id, "head", s.h_m[j],
                     NULL))
            return in->c->m->err.code;
    }
    const char *st = status_of(in, tok[0]);
    if (st && strcasecmp(st, "CLOSED") == 0)
        s.running = 0;
    else if (st && strcasecmp(st, "OPEN") != 0 && num(in, line, st, &s.speed))
        return in->c->m->err.code;
    if (in_range(in, line, HL_Q_SPEED, "pump", tok[0], "speed", s.speed, NULL))
        return in->c->m->err.code;
    if (s.speed == 0.0)
        s.running = 0, s.speed = 1.0;
    s.efficiency = in->global_eff; /* [ENERGY], else EPANET's 75 % */
    return net_add_pump(in->c->m, &s);
}

static int valve(inp *in, int line, char **tok, int n)
{
    if (n < 6)
        return fail(in, line,
                    "valve '%s': expected id node1 node2 diameter "
                    "type setting%s",
                    tok[0], "");
    double d, set, km = 0.0;
    if (num(in, line, tok[3], &d) || num(in, line, tok[5], &set) ||
        (n > 6 && num(in, line, tok[6], &km)))
        return in->c->m->err.code;
    const char *st = status_of(in, tok[0]);
    const char *type = tok[4];
    int where = NET_WHERE(in->c->origin, line);
    int q_set = strcasecmp(type, "FCV") == 0   ? HL_Q_MASS_FLOW
                : strcasecmp(type, "PBV") == 0 ? HL_Q_HEAD_M
                                               : HL_Q_LOSS_COEF;
    double set_si = q_set == HL_Q_MASS_FLOW ? set * in->qf * in->rho
                    : q_set == HL_Q_HEAD_M  ? set * in->hf
                                            : set;
    if (in_range(in, line, HL_Q_DIAMETER_MM, "valve", tok[0], "diameter",
                 d * in->df, tok[3]) ||
        in_range(in, line, q_set, "valve", tok[0], "setting", set_si, tok[5]) ||
        in_range(in, line, HL_Q_LOSS_COEF, "valve", tok[0], "minor loss", km,
                 n > 6 ? tok[6] : NULL))
        return in->c->m->err.code;
    if (strcasecmp(type, "PBV") == 0 && !(st && strcasecmp(st, "OPEN") == 0)) {
        /* pressure breaker: a fixed drop = a rigid link with a negative rise */
        net_pump_spec p;
        net_pump_spec_init(&p);
        p.id = tok[0];
        p.from = tok[1];
        p.to = tok[2];
        p.where = where;
        p.curve = PUMP_FIXED;
        p.rise_pa = -set * in->hf * in->rho * EPANET_G;
        p.efficiency = 1.0;
        p.running = !(st && strcasecmp(st, "CLOSED") == 0);
        return net_add_pump(in->c->m, &p);
    }
    net_valve_spec s;
    net_valve_spec_init(&s);
    s.id = tok[0];
    s.from = tok[1];
    s.to = tok[2];
    s.where = where;
    s.d_m = d * in->df;
    if (strcasecmp(type, "FCV") == 0) {
        s.type = VALVE_FLOW;
        s.flow_kg_s = set * in->qf * in->rho;
    } else if (strcasecmp(type, "TCV") == 0) {
        s.zeta = set * MINOR_SCALE;
    } else if (strcasecmp(type, "PBV") != 0) {
        return fail(in, line,
                    "valve '%s': type %s is not supported (FCV, "
                    "TCV and PBV are)",
                    tok[0], type);
    }
    if (st && strcasecmp(st, "OPEN") == 0) { /* fully open: minor loss */
        s.type = VALVE_ISOLATION;
        s.zeta = km * MINOR_SCALE;
    }
    s.open = !(st && strcasecmp(st, "CLOSED") == 0);
    if (s.zeta == 0.0 && km > 0.0)
        s.zeta = km * MINOR_SCALE;
    return net_add_valve(in->c->m, &s);
}

/* ---- driver
 * -----------------------------------------------------------------------------
 */

/* [ENERGY]: the pumps' efficiency (GLOBAL EFFICIENCY percent; a PUMP id
 * EFFICIENCY with a curve is not applied). Prices, patterns and demand
 * charges are costs, which heatline's season prices otherwise: noted. */
static int energy_line(inp *in, int line, char **tok, int n)
{
    double e;
    if (n >= 3 && strcasecmp(tok[0], "GLOBAL") == 0 &&
        strncasecmp(tok[1], "EFFIC", 5) == 0) {
        if (num(in, line, tok[2], &e))
            return in->c->m->err.code;
        if (!(e > 0.0 && e <= 100.0))
            return fail(in, line,
                        "[ENERGY] Global Efficiency %s: expected "
                        "a percentage above 0, up to 100%s",
                        tok[2], "");
        in->global_eff = e / 100.0;
        return HL_OK;
    }
    if (in->energy_other++ == 0)
        in->energy_at = line;
    return HL_OK;
}

/* [TIMES]: the times of the extended period (read_inp_period.c). */
static int times_line(inp *in, int line, char **tok, int n)
{
    if (inp_period_times(&in->per, line, tok, n))
        return in->c->m->err.code;
    in->duration_s = (double)in->per.t.duration_s;
    in->duration_line = in->per.duration_line;
    return HL_OK;
}

/* What an extended period does not apply, as warnings of every solve. */
static int period_notes(inp *in, const char *file)
{
    net_def *d = in->c->m->def;
    if (in->tank_curves &&
        text_list_add(&d->notes,
                      "%s:%d: [TANKS] volume curve (%d tanks) not applied: "
                      "each tank is a cylinder of its diameter",
                      file, in->tank_curve_line, in->tank_curves))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (in->res_patterns && in->duration_s > 0.0 &&
        text_list_add(&d->notes,
                      "%s:%d: [RESERVOIRS] head pattern (%d reservoirs) not "
                      "applied: their head is fixed",
                      file, in->res_pattern_line, in->res_patterns))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    return HL_OK;
}

/* What the import does not apply, as warnings of every solve. */
static int import_notes(inp *in)
{
    net_def *d = in->c->m->def;
    const char *file = in->c->m->net->origin[in->c->origin];
    for (int i = 0; i < N_SECTIONS; i++)
        if (in->note_lines[i] &&
            text_list_add(&d->notes,
                          "%s:%d: %s (%d lines) not applied: heatline "
                          "imports the hydraulics (no water quality, rules "
                          "or leakage)",
                          file, in->note_line[i], sections[i].s,
                          in->note_lines[i]))
            return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (in->energy_other &&
        text_list_add(&d->notes,
                      "%s:%d: [ENERGY] (%d lines besides Global Efficiency) "
                      "not applied: heatline prices energy in its season "
                      "(heatline season --elec-price)",
                      file, in->energy_at, in->energy_other))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (in->duration_s > 0.0 &&
        text_list_add(&d->notes,
                      "%s:%d: [TIMES] Duration %.4g h: run --period steps "
                      "it; a single steady solve is time 0 (demands at the "
                      "first pattern step, tanks at their initial level, "
                      "[CONTROLS] not applied)",
                      file, in->duration_line, in->duration_s / 3600.0))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (in->duration_s <= 0.0 && in->ctl_lines &&
        text_list_add(&d->notes,
                      "%s:%d: [CONTROLS] (%d lines) not applied: no [TIMES] "
                      "Duration, one steady period",
                      file, in->ctl_line, in->ctl_lines))
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    return period_notes(in, file);
}

/* [TITLE]: its first line names the model, the others describe it (up to
 * the description's length; EPANET keeps three lines). */
static int title_line(inp *in, const char *raw)
{
    net_def *d = in->c->m->def;
    char text[1024];
    size_t n = strlen(raw);
    while (n && isspace((unsigned char)raw[n - 1]))
        n--;
    while (n && isspace((unsigned char)*raw))
        raw++, n--;
    if (!n)
        return HL_OK;
    if (!*d->name)
        snprintf(text, sizeof text, "%.*s", (int)n, raw);
    else if (!*d->description)
        snprintf(text, sizeof text, "%.*s", (int)n, raw);
    else
        snprintf(text, sizeof text, "%s %.*s", d->description, (int)n, raw);
    const char *kept = text_pool_add(&d->strings, text);
    if (!kept)
        return net_fail(in->c->m, HL_ENOMEM, "out of memory");
    if (!*d->name)
        d->name = kept;
    else
        d->description = kept;
    return HL_OK;
}

static int pass(inp *in, char *text, size_t len, int second)
{
    int sec = S_NONE, line = 0, row = -1;
    char *p = text, *end = text + len;
    char *tok[MAX_TOK];
    while (p < end) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        size_t l = (size_t)(eol - p);
        char buf[1024];
        if (l >= sizeof buf)
            l = sizeof buf - 1;
        memcpy(buf, p, l);
        buf[l] = '\0';
        p = eol + 1;
        line++;
        if (sec == S_TITLE && !second && buf[strspn(buf, " \t")] != '[') {
            if (title_line(in, buf))
                return in->c->m->err.code;
            continue;
        }
        int n = tokenize(buf, tok);
        if (n == 0)
            continue;
        if (tok[0][0] == '[') {
            sec = section_of(tok[0], &row);
            if (sec == S_OTHER && !second)
                return fail(in, line,
                            "unknown section %s (expected an EPANET 2 "
                            "section such as [JUNCTIONS] or [PIPES])%s",
                            tok[0], "");
            continue;
        }
        int rc = HL_OK;
        if (!second && sec == S_NOTE && in->note_lines[row]++ == 0)
            in->note_line[row] = line;
        if (!second && sec == S_CONTROL && in->ctl_lines++ == 0)
            in->ctl_line = line;
        if (!second) {
            rc = sec == S_TIMES     ? times_line(in, line, tok, n)
                 : sec == S_ENERGY  ? energy_line(in, line, tok, n)
                 : sec == S_OPTION  ? option(in, line, tok, n)
                 : sec == S_CURVE   ? curve_point(in, line, tok, n)
                 : sec == S_PATTERN ? pattern_line(in, line, tok, n)
                 : sec == S_STATUS  ? status_line(in, tok, n)
                 : sec == S_EMITTER ? fail(in, line,
                                           "emitters are not "
                                           "supported (node '%s')%s",
                                           tok[0], "")
                                    : HL_OK;
        } else {
            rc = sec == S_DEMAND  ? demand_line(in, line, tok, n)
                 : sec == S_JUNC  ? HL_OK
                 : sec == S_RES   ? fixed_head(in, line, tok, n, 0)
                 : sec == S_TANK  ? fixed_head(in, line, tok, n, 1)
                 : sec == S_PIPE  ? pipe(in, line, tok, n)
                 : sec == S_PUMP  ? pump(in, line, tok, n)
                 : sec == S_VALVE ? valve(in, line, tok, n)
                                  : HL_OK;
        }
        if (rc)
            return in->c->m->err.code;
    }
    return HL_OK;
}

/* A later pass over the file: each non-empty line outside a section
 * header, tokenized, to line_fn with its line number and section; stops at
 * the first failure. */
typedef int (*pass_fn)(inp *in, int line, int sec, char **tok, int n);

static int each_line(inp *in, const char *text, size_t len, pass_fn line_fn)
{
    int sec = S_NONE, line = 0;
    const char *p = text, *end = text + len;
    char *tok[MAX_TOK], buf[1024];
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        size_t l =
            (size_t)(eol - p) < sizeof buf ? (size_t)(eol - p) : sizeof buf - 1;
        memcpy(buf, p, l);
        buf[l] = '\0';
        p = eol + 1;
        line++;
        int n = tokenize(buf, tok);
        if (n && tok[0][0] == '[')
            sec = section_of(tok[0], NULL);
        else if (n && line_fn(in, line, sec, tok, n))
            return in->c->m->err.code;
    }
    return HL_OK;
}

static int junction_line(inp *in, int line, int sec, char **tok, int n)
{
    return sec == S_JUNC ? junction(in, line, tok, n) : HL_OK;
}

/* Junctions after [DEMANDS] is known (it may come later in the file). */
static int junctions(inp *in, const char *text, size_t len)
{
    return each_line(in, text, len, junction_line);
}

/* [COORDINATES] id x y and [VERTICES] link x y, once every element is
 * known; the drawing's own units, not converted. */
static int plan_line(inp *in, int line, int sec, char **tok, int n)
{
    hl_model *m = in->c->m;
    double x, y;
    if (sec != S_COORD && sec != S_VERTEX)
        return HL_OK;
    if (n < 3)
        return fail(in, line, "'%s': expected id x y%s", tok[0], "");
    if (num(in, line, tok[1], &x) || num(in, line, tok[2], &y))
        return m->err.code;
    if (sec == S_COORD) {
        int i = index_get(&m->def->node_ix, tok[0]);
        if (i < 0)
            return fail(in, line, "[COORDINATES]: unknown node '%s'%s", tok[0],
                        "");
        m->def->nd_x[i] = x;
        m->def->nd_y[i] = y;
        return HL_OK;
    }
    int k = index_get(&m->def->link_ix, tok[0]);
    if (k < 0)
        return fail(in, line, "[VERTICES]: unknown link '%s'%s", tok[0], "");
    if (m->def->lk_kind[k] != LK_PIPE) /* pumps, valves: drawn straight */
        return HL_OK;
    return net_add_vertex(m, m->def->lk_sub[k], x, y);
}

static int plan_pass(inp *in, const char *text, size_t len)
{
    return each_line(in, text, len, plan_line) ? in->c->m->err.code
                                               : net_sort_vertices(in->c->m);
}

/* [CONTROLS], once every element is known (timed runs only). */
static int control_line(inp *in, int line, int sec, char **tok, int n)
{
    return sec == S_CONTROL ? inp_period_control(&in->per, line, tok, n, in->hf)
                            : HL_OK;
}

static int period_pass(inp *in, const char *text, size_t len)
{
    if (in->per.timed && each_line(in, text, len, control_line))
        return in->c->m->err.code;
    return inp_period_finish(&in->per, in->rho * EPANET_G);
}

static void inp_free(inp *in)
{
    inp_period_free(&in->per);
    index_free(&in->curve_ix);
    index_free(&in->pattern_ix);
    index_free(&in->status_ix);
    index_free(&in->demand_ix);
    free(in->curves);
    free(in->pattern_first);
    free(in->status);
    free(in->demand);
}

static void inp_defaults(inp *in, rd_ctx *c)
{
    memset(in, 0, sizeof *in);
    in->c = c;
    in->qf = FT * FT * FT / 448.831; /* EPANET's default units: GPM */
    in->us = 1;
    in->lf = in->hf = FT;
    in->df = FT / 12.0;
    in->rho = SPGR_REF;
    in->nu = NAN;
    in->mult = 1.0;
    in->headloss = HEADLOSS_HAZEN; /* EPANET's default */
    in->global_eff = 0.75;         /* EPANET's default pump efficiency */
    inp_period_init(&in->per, c);
}

static int inp_fluid(inp *in)
{
    hl_model *m = in->c->m;
    double nu = isnan(in->nu)   ? VISCOS_FT2 * FT * FT
                : in->nu > 1e-3 ? in->nu * VISCOS_FT2 * FT * FT
                : in->us        ? in->nu * FT * FT
                                : in->nu;
    if (in_range(in, 0, HL_Q_DENSITY, "[OPTIONS]", "SPECIFIC", "GRAVITY",
                 in->rho, NULL) ||
        in_range(in, 0, HL_Q_VISCOSITY, "[OPTIONS]", "VISCOSITY",
                 "(dynamic, Pa s)", nu * in->rho, NULL))
        return m->err.code;
    fluid_init_constant(&m->def->fluid, in->rho, nu * in->rho,
                        in->c->opt->inp_cp_j_kgk);
    m->def->g = EPANET_G;
    m->def->friction = FRICTION_SWAMEE_JAIN;
    m->def->headloss = in->headloss;
    m->def->pumps_isolate = 1; /* EPANET's pumps never run backwards */
    m->t_ground = in->c->opt->inp_ambient_k;
    m->limits.min_pressure_pa = -INFINITY; /* EPANET reports, not checks */
    return HL_OK;
}

int reader_inp(hl_model *m, const char *text, size_t len, const char *origin,
               const hl_load_options *o)
{
    rd_ctx c = {m, NULL, net_origin(m, origin), NULL, o, NULL};
    inp in;
    inp_defaults(&in, &c);
    in.curves = malloc(sizeof *in.curves * MAX_INP_CURVES);
    char *copy = malloc(len + 1);
    int rc =
        !in.curves || !copy ? net_fail(m, HL_ENOMEM, "out of memory") : HL_OK;
    if (!rc) {
        memcpy(copy, text, len);
        copy[len] = '\0';
        rc = pass(&in, copy, len, 0);
    }
    if (!rc)
        rc = import_notes(&in);
    if (!rc)
        rc = inp_fluid(&in);
    if (!rc)
        rc = pass(&in, copy, len, 1);
    if (!rc)
        rc = junctions(&in, text, len);
    if (!rc)
        rc = plan_pass(&in, text, len);
    if (!rc)
        rc = period_pass(&in, text, len);
    if (!rc && o->friction >= 0)
        m->def->friction = o->friction;
    if (!rc && o->inp_thermal_csv)
        rc = inp_thermal_csv(&c, o->inp_thermal_csv);
    free(copy);
    inp_free(&in);
    return rc ? m->err.code : HL_OK;
}
