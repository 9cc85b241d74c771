/*
 * cmd_dynamic.c - `heatline dynamic [MODEL]`: the line in time through the
 * transport engine (heatline_dynamic.h). A boundary CSV (--boundary)
 * drives it: time_s, then ID.KEY columns interpolated linearly between
 * rows; without one the model's own conditions hold for --duration.
 * Prints a summary per consumer, or --json, or --csv DIR/timeseries.csv.
 */
#include "dynamic_weather.h"
#include "help/help.h"
#include "load_args.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CMD "dynamic"

enum {
    O_STEP = 300,
    O_HYD,
    O_OUT,
    O_BOUNDARY,
    O_INITIAL,
    O_WATCH,
    O_CSV,
    O_JSON,
    O_DURATION,
    O_FROM,
    O_TO,
    O_WEATHER,
    O_LEAD,
    O_SOIL,
    O_REPORT,
    O_HELP
};

static const struct option options[] = {
    {"step", required_argument, 0, O_STEP},
    {"hydraulic-step", required_argument, 0, O_HYD},
    {"output-step", required_argument, 0, O_OUT},
    {"boundary", required_argument, 0, O_BOUNDARY},
    {"initial", required_argument, 0, O_INITIAL},
    {"watch", required_argument, 0, O_WATCH},
    {"csv", required_argument, 0, O_CSV},
    {"json", no_argument, 0, O_JSON},
    {"duration", required_argument, 0, O_DURATION},
    {"from", required_argument, 0, O_FROM},
    {"to", required_argument, 0, O_TO},
    {"weather", required_argument, 0, O_WEATHER},
    {"lead", required_argument, 0, O_LEAD},
    {"soil", no_argument, 0, O_SOIL},
    {"report", required_argument, 0, O_REPORT},
    LOAD_ARGS_OPTIONS,
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

typedef struct dyn_args {
    hl_dynamic_options opt;
    double out_step, duration;
    const char *boundary, *watch, *csv, *report;
    const char *from, *to, *weather, *lead;
    const char *inp_option; /* an EPANET import's option given */
    hl_load_options load;
    int json;
} dyn_args;

/* --lead none|auto|HOURS */
static int lead_arg(const char *text, int *is_auto, double *lead_s)
{
    char *end;
    *is_auto = strcmp(text, "auto") == 0;
    *lead_s = 0.0;
    if (*is_auto || strcmp(text, "none") == 0)
        return 1;
    double h = strtod(text, &end);
    if (end != text && !*end && h >= 0.0 && h <= 72.0) {
        *lead_s = 3600.0 * h;
        return 1;
    }
    cli_fail(CMD, "--lead '%s': expected none, auto or hours (0 to 72)", text);
    return 0;
}

/* "300", "300s", "5min", "1h" into seconds (> 0). */
static int duration_arg(const char *opt, const char *text, double *out)
{
    char *end;
    double v = strtod(text, &end);
    double f = strcmp(end, "") == 0 || strcmp(end, "s") == 0 ? 1.0
               : strcmp(end, "min") == 0                     ? 60.0
               : strcmp(end, "h") == 0                       ? 3600.0
                                                             : NAN;
    if (end == text || isnan(f) || !isfinite(v) || !(v > 0.0) ||
        v * f > 3.2e7) {
        cli_fail(CMD,
                 "--%s '%s': expected a time above 0 in s, min or h (at "
                 "most a year)",
                 opt, text);
        return 0;
    }
    *out = v * f;
    return 1;
}

static int initial_arg(const char *text, hl_dynamic_options *o)
{
    if (strcmp(text, "steady") == 0) {
        o->initial = HL_DYN_INIT_STEADY;
        return 1;
    }
    double c;
    if (strncmp(text, "uniform:", 8) == 0 &&
        cli_quantity(CMD, "initial", text + 8, HL_Q_WATER_TEMP_C, &c)) {
        o->initial = HL_DYN_INIT_UNIFORM;
        o->initial_temp_k = c + HL_ZERO_C_K;
        return 1;
    }
    cli_fail(CMD, "--initial '%s': expected steady or uniform:C", text);
    return 0;
}

static int take(void *ctx, int code, const char *v)
{
    dyn_args *a = ctx;
    switch (code) {
    case O_STEP:
        return duration_arg("step", v, &a->opt.step_s) ? 0 : EXIT_USAGE;
    case O_HYD:
        return duration_arg("hydraulic-step", v, &a->opt.hydraulic_step_s)
                   ? 0
                   : EXIT_USAGE;
    case O_OUT:
        return duration_arg("output-step", v, &a->out_step) ? 0 : EXIT_USAGE;
    case O_DURATION:
        return duration_arg("duration", v, &a->duration) ? 0 : EXIT_USAGE;
    case O_INITIAL:
        return initial_arg(v, &a->opt) ? 0 : EXIT_USAGE;
    case O_BOUNDARY:
        a->boundary = v;
        return 0;
    case O_WATCH:
        a->watch = v;
        return 0;
    case O_CSV:
        a->csv = v;
        return 0;
    case O_JSON:
        a->json = 1;
        return 0;
    case O_FROM:
        a->from = v;
        return 0;
    case O_TO:
        a->to = v;
        return 0;
    case O_WEATHER:
        a->weather = v;
        return 0;
    case O_LEAD:
        a->lead = v;
        return 0;
    case O_SOIL:
        a->opt.soil = 1;
        return 0;
    case O_REPORT:
        a->report = v;
        return 0;
    default:
        if (load_args_inp_only(code) && !a->inp_option)
            a->inp_option = cli_option_name(options, code);
        return load_args_option(CMD, code, v, &a->load) == 1 ? 0 : EXIT_USAGE;
    }
}

/* ---- the boundary table ---------------------------------------------------
 */

enum { B_SUPPLY, B_FLOW, B_HEAT, B_RETURN, B_AMBIENT, B_GROUND, B_INFLOW };

typedef struct bcol {
    int what, index;
} bcol;

/* Checks a boundary value against the physical range of its column
 * (heatline_input.h); prints FILE:LINE:COLUMN and returns 0 if outside. */
static int bvalue_ok(const char *path, int ln, int col, int what,
                     const char *cell, double x)
{
    static const int quantity[] = {HL_Q_WATER_TEMP_C,    HL_Q_MASS_FLOW,
                                   HL_Q_HEAT_MW,         HL_Q_WATER_TEMP_C,
                                   HL_Q_SURROUND_TEMP_C, HL_Q_SURROUND_TEMP_C,
                                   HL_Q_WATER_TEMP_C};
    static const char *const name[] = {
        "supply_temp_c",  "flow_kg_per_s", "heat_w",       "return_temp_c",
        "ambient_temp_c", "ground_temp_c", "inflow_temp_c"};
    hl_error err;
    hl_error_clear(&err);
    int rc = what == B_HEAT
                 ? hl_range_check_si(quantity[what], name[what], x, cell, &err)
                 : hl_range_check(quantity[what], name[what], x, cell, &err);
    if (!rc && what == B_FLOW && x < 0.0)
        rc = hl_error_set(&err, HL_ERANGE,
                          "flow_kg_per_s '%s': expected 0 or more", cell);
    if (rc)
        cli_fail(CMD, "%s:%d:%d: %s", path, ln, col, err.message);
    return rc == 0;
}

typedef struct btable {
    int nrow, ncol, cap;
    bcol *col;
    double *t, *v; /* v[row * ncol + col] */
} btable;

static void btable_free(btable *b)
{
    free(b->col);
    free(b->t);
    free(b->v);
}

static int header_cell(const hl_model *m, const char *path, int col,
                       const char *name, bcol *out)
{
    static const struct {
        const char *key;
        int what, kind;
    } keys[] = {{"supply_temp_c", B_SUPPLY, HL_SOURCE},
                {"flow_kg_per_s", B_FLOW, HL_CONSUMER},
                {"heat_w", B_HEAT, HL_CONSUMER},
                {"return_temp_c", B_RETURN, HL_CONSUMER},
                {"inflow_temp_c", B_INFLOW, HL_NODE}};
    out->index = -1;
    if (strcmp(name, "ambient_temp_c") == 0 ||
        strcmp(name, "ground_temp_c") == 0) {
        out->what = name[0] == 'a' ? B_AMBIENT : B_GROUND;
        return 1;
    }
    const char *dot = strrchr(name, '.');
    for (size_t k = 0; dot && k < sizeof keys / sizeof keys[0]; k++) {
        if (strcmp(dot + 1, keys[k].key) != 0)
            continue;
        char id[256];
        snprintf(id, sizeof id, "%.*s", (int)(dot - name), name);
        out->what = keys[k].what;
        out->index = hl_model_find(m, keys[k].kind, id);
        if (out->index >= 0)
            return 1;
        cli_fail(CMD, "%s:1:%d: unknown %s '%s'", path, col,
                 keys[k].kind == HL_SOURCE     ? "source"
                 : keys[k].kind == HL_CONSUMER ? "consumer"
                                               : "node",
                 id);
        return 0;
    }
    cli_fail(CMD,
             "%s:1:%d: column '%s': expected SOURCE.supply_temp_c, "
             "CONSUMER.flow_kg_per_s, CONSUMER.heat_w, "
             "CONSUMER.return_temp_c, NODE.inflow_temp_c, ambient_temp_c or "
             "ground_temp_c",
             path, col, name);
    return 0;
}

static char *next_cell(char **p)
{
    char *s = *p;
    if (!s)
        return NULL;
    char *c = strchr(s, ',');
    if (c) {
        *c = 0;
        *p = c + 1;
    } else {
        *p = NULL;
    }
    s[strcspn(s, "\r\n")] = 0;
    return s;
}

static int read_header(const hl_model *m, const char *path, char *line,
                       btable *b)
{
    char *p = line, *cell = next_cell(&p);
    if (!cell || strcmp(cell, "time_s") != 0)
        return cli_fail(CMD, "%s:1:1: expected the column time_s first", path),
               0;
    while ((cell = next_cell(&p))) {
        bcol *c = realloc(b->col, sizeof *c * (size_t)(b->ncol + 1));
        if (!c)
            return cli_fail(CMD, "out of memory"), 0;
        b->col = c;
        if (!header_cell(m, path, b->ncol + 2, cell, &b->col[b->ncol]))
            return 0;
        b->ncol++;
    }
    if (b->ncol == 0)
        return cli_fail(CMD, "%s:1: no boundary columns after time_s", path), 0;
    return 1;
}

static int read_row(const char *path, int ln, char *line, btable *b)
{
    if (b->nrow == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        double *t = realloc(b->t, sizeof(double) * (size_t)b->cap);
        if (t)
            b->t = t;
        double *v =
            realloc(b->v, sizeof(double) * (size_t)b->cap * (size_t)b->ncol);
        if (v)
            b->v = v;
        if (!t || !v)
            return cli_fail(CMD, "out of memory"), 0;
    }
    char *p = line;
    for (int c = -1; c < b->ncol; c++) {
        char *cell = next_cell(&p), *end = NULL;
        double x = cell ? strtod(cell, &end) : NAN;
        if (!cell || end == cell || *end || !isfinite(x))
            return cli_fail(CMD, "%s:%d:%d: '%s' is not a number", path, ln,
                            c + 2, cell ? cell : "(missing)"),
                   0;
        if (c < 0)
            b->t[b->nrow] = x;
        else if (!bvalue_ok(path, ln, c + 2, b->col[c].what, cell, x))
            return 0;
        else
            b->v[(size_t)b->nrow * (size_t)b->ncol + (size_t)c] = x;
    }
    if (b->nrow > 0 && !(b->t[b->nrow] > b->t[b->nrow - 1]))
        return cli_fail(CMD,
                        "%s:%d:1: time %g s: expected times increasing "
                        "(after %g s)",
                        path, ln, b->t[b->nrow], b->t[b->nrow - 1]),
               0;
    b->nrow++;
    return 1;
}

static int read_boundary(const hl_model *m, const char *path, btable *b)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return cli_fail(CMD, "%s: cannot open", path), 0;
    char line[65536];
    int ln = 0, ok = 1;
    while (ok && fgets(line, sizeof line, f)) {
        ln++;
        if (ln == 1)
            ok = read_header(m, path, line, b);
        else if (line[strspn(line, " \r\n")])
            ok = read_row(path, ln, line, b);
    }
    fclose(f);
    if (ok && b->nrow < 2)
        return cli_fail(CMD,
                        "%s:%d: expected at least two rows (the run spans "
                        "the file)",
                        path, ln),
               0;
    return ok;
}

static double bvalue(const btable *b, int c, double t)
{
    int r = 0;
    while (r + 1 < b->nrow && b->t[r + 1] <= t)
        r++;
    const double *v = b->v + (size_t)c;
    double y0 = v[(size_t)r * (size_t)b->ncol];
    if (r + 1 >= b->nrow || t <= b->t[0])
        return y0;
    double y1 = v[(size_t)(r + 1) * (size_t)b->ncol];
    return y0 + (y1 - y0) * (t - b->t[r]) / (b->t[r + 1] - b->t[r]);
}

static int apply(hl_dynamic *d, const btable *b, double t)
{
    hl_model *m = hl_dynamic_model(d);
    int rc = HL_OK;
    for (int c = 0; c < b->ncol && rc == HL_OK; c++) {
        double x = bvalue(b, c, t);
        int i = b->col[c].index;
        switch (b->col[c].what) {
        case B_SUPPLY:
            rc = hl_model_set_supply_temp(m, hl_model_id(m, HL_SOURCE, i),
                                          x + HL_ZERO_C_K);
            break;
        case B_FLOW:
            rc = hl_dynamic_set_consumer_flow(d, i, x);
            break;
        case B_HEAT:
            rc = hl_model_set_consumer_demand(m, hl_model_id(m, HL_CONSUMER, i),
                                              x);
            break;
        case B_RETURN:
            rc = hl_dynamic_set_consumer_return(d, i, x + HL_ZERO_C_K);
            break;
        case B_AMBIENT:
            rc = hl_model_set_air_temp(m, x + HL_ZERO_C_K);
            break;
        case B_INFLOW:
            rc = hl_dynamic_set_inflow_temp(d, i, x + HL_ZERO_C_K);
            break;
        default:
            rc = hl_model_set_ground_temp(m, x + HL_ZERO_C_K);
        }
    }
    return rc;
}

/* The dynamic run's message, or its model's (a setter's). */
static const char *dyn_error(hl_dynamic *d)
{
    const char *e = hl_dynamic_error(d);
    return e && *e ? e : hl_model_error(hl_dynamic_model(d));
}

/* ---- running and output ---------------------------------------------------
 */

typedef struct series {
    int n_watch, n_cons, n_rows, cap;
    int *watch;
    double *rows; /* per row: time, watch temps, 4 per consumer, stored */
    double *plant, *err; /* per row: sources' outlet K, consumers' error K */
    double *tau;         /* per row: flow-weighted transit, s */
} series;

static int row_width(const series *s)
{
    return 2 + s->n_watch + 4 * s->n_cons;
}

static int watch_list(const hl_model *m, const char *text, series *s)
{
    if (!text)
        return 1;
    char *copy = strdup(text), *p = copy, *tok;
    if (!copy)
        return 0;
    while ((tok = next_cell(&p))) {
        int i = hl_model_find(m, HL_NODE, tok);
        if (i < 0) {
            cli_fail(CMD, "--watch: unknown node '%s'", tok);
            free(copy);
            return 0;
        }
        int *w = realloc(s->watch, sizeof(int) * (size_t)(s->n_watch + 1));
        if (!w) {
            free(copy);
            return 0;
        }
        s->watch = w;
        s->watch[s->n_watch++] = i;
    }
    free(copy);
    return 1;
}

static double transit_to_consumers(hl_dynamic *d);

/* The sources' outlet now, flow-weighted, K. */
static double plant_supply(hl_dynamic *d)
{
    double w = 0.0, x = 0.0;
    for (int i = 0; i < hl_model_count(hl_dynamic_model(d), HL_SOURCE); i++) {
        hl_dynamic_source so;
        if (hl_dynamic_source_state(d, i, &so) || !(so.flow_kg_s > 0.0))
            continue;
        w += so.flow_kg_s;
        x += so.flow_kg_s * so.supply_temp_k;
    }
    return w > 0.0 ? x / w : NAN;
}

static int grow(double **a, size_t n)
{
    double *r = realloc(*a, sizeof(double) * n);
    if (r)
        *a = r;
    return r != NULL;
}

static int record(hl_dynamic *d, series *s, double err_k)
{
    if (s->n_rows == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 256;
        size_t n = (size_t)s->cap;
        if (!grow(&s->rows, n * (size_t)row_width(s)) || !grow(&s->plant, n) ||
            !grow(&s->err, n) || !grow(&s->tau, n))
            return 0;
    }
    s->plant[s->n_rows] = plant_supply(d);
    s->err[s->n_rows] = err_k;
    s->tau[s->n_rows] = transit_to_consumers(d);
    double *r = s->rows + (size_t)s->n_rows * (size_t)row_width(s);
    *r++ = hl_dynamic_time(d);
    for (int w = 0; w < s->n_watch; w++) {
        hl_dynamic_node n;
        hl_dynamic_node_state(d, s->watch[w], &n);
        *r++ = n.temp_k - HL_ZERO_C_K;
    }
    for (int c = 0; c < s->n_cons; c++) {
        hl_dynamic_consumer k;
        hl_dynamic_consumer_state(d, c, &k);
        *r++ = k.supply_temp_k - HL_ZERO_C_K;
        *r++ = k.return_temp_k - HL_ZERO_C_K;
        *r++ = k.heat_w;
        *r++ = k.transit_s;
    }
    hl_dynamic_energy e;
    hl_dynamic_energy_state(d, &e);
    *r = e.stored_j;
    s->n_rows++;
    return 1;
}

static const char *const cons_keys[4] = {"supply_temp_c", "return_temp_c",
                                         "heat_w", "transit_s"};

static int write_csv(const hl_model *m, const series *s, const char *dir)
{
    char path[4096], tmp[4200];
    snprintf(path, sizeof path, "%s/timeseries.csv", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return cli_fail(CMD, "%s: cannot write", path), 0;
    fprintf(f, "time_s");
    for (int w = 0; w < s->n_watch; w++)
        fprintf(f, ",%s.temp_c", hl_model_id(m, HL_NODE, s->watch[w]));
    for (int c = 0; c < s->n_cons; c++)
        for (int k = 0; k < 4; k++)
            fprintf(f, ",%s.%s", hl_model_id(m, HL_CONSUMER, c), cons_keys[k]);
    fprintf(f, ",stored_heat_j\n");
    for (int i = 0; i < s->n_rows; i++) {
        const double *r = s->rows + (size_t)i * (size_t)row_width(s);
        for (int j = 0; j < row_width(s); j++)
            fprintf(f, j ? ",%.10g" : "%.10g", r[j]);
        fputc('\n', f);
    }
    if (fclose(f) || rename(tmp, path)) {
        remove(tmp);
        return cli_fail(CMD, "%s: cannot write", path), 0;
    }
    return 1;
}

/* Hours whose water could not carry the demand: said loudly. */
static void under_supply_warning(const hl_dynamic_energy *e)
{
    char line[300];
    if (e->unshifted_solves > 0) {
        snprintf(line, sizeof line,
                 "%d hydraulic steps: the consumers could not draw their heat "
                 "from the water arriving (under-supply); flows of the set "
                 "point used",
                 e->unshifted_solves);
        cli_warn(CMD, line);
    }
    if (e->kept_flow_hours > 0) {
        snprintf(line, sizeof line,
                 "%d hydraulic steps: no steady solution for the hour's "
                 "demand; the last flows kept",
                 e->kept_flow_hours);
        cli_warn(CMD, line);
    }
}

/* Every node at the end of the run: temperature, current transit time
 * from the sources, age of the water (DIR/nodes.csv). */
static int write_nodes_csv(hl_dynamic *d, const hl_model *m, const char *dir)
{
    char path[4096], tmp[4200];
    snprintf(path, sizeof path, "%s/nodes.csv", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return cli_fail(CMD, "%s: cannot write", path), 0;
    fprintf(f, "id,temp_c,transit_s,age_s\n");
    for (int v = 0; v < hl_model_count(m, HL_NODE); v++) {
        hl_dynamic_node n;
        hl_dynamic_node_state(d, v, &n);
        fprintf(f, "%s,%.6f,%.1f,%.1f\n", hl_model_id(m, HL_NODE, v),
                n.temp_k - HL_ZERO_C_K, n.transit_s, n.age_s);
    }
    if (fclose(f) || rename(tmp, path)) {
        remove(tmp);
        return cli_fail(CMD, "%s: cannot write", path), 0;
    }
    return 1;
}

static json_t *json_nodes(hl_dynamic *d, const hl_model *m)
{
    json_t *o = json_object();
    for (int v = 0; v < hl_model_count(m, HL_NODE); v++) {
        hl_dynamic_node n;
        hl_dynamic_node_state(d, v, &n);
        json_t *j = json_object();
        json_object_set_new(j, "temp_c",
                            cli_json_number(n.temp_k - HL_ZERO_C_K));
        json_object_set_new(j, "transit_s", cli_json_number(n.transit_s));
        json_object_set_new(j, "age_s", cli_json_number(n.age_s));
        json_object_set_new(o, hl_model_id(m, HL_NODE, v), j);
    }
    return o;
}

static json_t *json_column(const series *s, int j)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_rows; i++)
        json_array_append_new(
            a, cli_json_number(
                   s->rows[(size_t)i * (size_t)row_width(s) + (size_t)j]));
    return a;
}

static int write_json(hl_dynamic *d, const hl_model *m, const series *s,
                      json_t *lead)
{
    json_t *root = json_object(), *ser = json_object(), *tot = json_object();
    char key[600];
    json_object_set_new(ser, "time_s", json_column(s, 0));
    int j = 1;
    for (int w = 0; w < s->n_watch; w++, j++) {
        snprintf(key, sizeof key, "%s.temp_c",
                 hl_model_id(m, HL_NODE, s->watch[w]));
        json_object_set_new(ser, key, json_column(s, j));
    }
    for (int c = 0; c < s->n_cons; c++)
        for (int k = 0; k < 4; k++, j++) {
            snprintf(key, sizeof key, "%s.%s", hl_model_id(m, HL_CONSUMER, c),
                     cons_keys[k]);
            json_object_set_new(ser, key, json_column(s, j));
        }
    json_object_set_new(ser, "stored_heat_j", json_column(s, j));
    hl_dynamic_energy e;
    hl_dynamic_energy_state(d, &e);
    json_object_set_new(tot, "in_j", cli_json_number(e.in_j));
    json_object_set_new(tot, "delivered_j", cli_json_number(e.delivered_j));
    json_object_set_new(tot, "lost_pipes_j", cli_json_number(e.lost_pipes_j));
    json_object_set_new(tot, "lost_fittings_j",
                        cli_json_number(e.lost_fittings_j));
    json_object_set_new(tot, "stored_change_j",
                        cli_json_number(e.stored_change_j));
    json_object_set_new(tot, "residual_j", cli_json_number(e.residual_j));
    json_object_set_new(tot, "stored_heat_j", cli_json_number(e.stored_j));
    json_object_set_new(tot, "max_step_relative_residual",
                        cli_json_number(e.max_step_relative_residual));
    json_object_set_new(tot, "parcels", json_integer(e.parcels));
    json_object_set_new(tot, "parcel_bytes",
                        json_integer((json_int_t)e.parcel_bytes));
    json_object_set_new(tot, "unshifted_solves",
                        json_integer(e.unshifted_solves));
    json_object_set_new(tot, "kept_flow_hours",
                        json_integer(e.kept_flow_hours));
    under_supply_warning(&e);
    json_object_set_new(root, "series", ser);
    json_object_set_new(root, "totals", tot);
    json_object_set_new(root, "nodes", json_nodes(d, m));
    if (lead) { /* the operation of a weather-driven run: top level */
        json_t *op = json_object_get(lead, "operation");
        if (op) {
            json_object_set(root, "operation", op);
            json_object_del(lead, "operation");
        }
        json_object_set_new(root, "lead", lead);
    }
    return cli_json_print(root) == 0;
}

static void summary(hl_dynamic *d, const hl_model *m)
{
    hl_dynamic_energy e;
    hl_dynamic_energy_state(d, &e);
    printf("dynamic run: %.0f s\n", hl_dynamic_time(d));
    printf("  %-20s %10s %10s %10s %10s\n", "consumer", "supply C", "heat MW",
           "transit h", "age h");
    for (int c = 0; c < hl_model_count(m, HL_CONSUMER); c++) {
        hl_dynamic_consumer k;
        hl_dynamic_consumer_state(d, c, &k);
        printf("  %-20s %10.2f %10.3f %10.2f %10.2f\n",
               hl_model_id(m, HL_CONSUMER, c), k.supply_temp_k - HL_ZERO_C_K,
               k.heat_w / 1e6, k.transit_s / 3600, k.age_s / 3600);
    }
    printf("energy: in %.4g GJ = delivered %.4g + lost %.4g + stored change "
           "%.4g (residual %.2g GJ)\n",
           e.in_j / 1e9, e.delivered_j / 1e9,
           (e.lost_pipes_j + e.lost_fittings_j) / 1e9, e.stored_change_j / 1e9,
           e.residual_j / 1e9);
    printf("stored heat now %.4g TJ; %ld parcels (%zu bytes)\n",
           e.stored_j / 1e12, e.parcels, e.parcel_bytes);
    under_supply_warning(&e);
}

/* ---- drivers: a boundary file, the weather, or the model held ---------- */

typedef struct lead_stats {
    double w, err_w, max_abs, under_kh; /* flow-weighted sums, K h */
    double lead_w, lead_s_w;            /* lead in use, flow-time weighted */
} lead_stats;

typedef struct driver {
    double step_err; /* the last step's flow-weighted error, K (NaN) */
    const dyn_args *a;
    const btable *b;
    const dyn_weather *dw;
    int lead_auto;
    double lead_s; /* fixed lead (lead_auto 0) */
    lead_stats st;
    double drop[64]; /* per consumer: plant-to-consumer drop, K (NaN) */
} driver;

/* The flow-weighted transit time from the sources to the consumers now:
 * sum m_i tau_i / sum m_i (docs/physics.md, "Supply lead"). */
static double transit_to_consumers(hl_dynamic *d)
{
    double mw = 0.0, mt = 0.0;
    hl_model *m = hl_dynamic_model(d);
    for (int c = 0; c < hl_model_count(m, HL_CONSUMER); c++) {
        hl_dynamic_consumer k;
        hl_dynamic_consumer_state(d, c, &k);
        mw += k.flow_kg_s;
        mt += k.flow_kg_s * k.transit_s;
    }
    return mw > 0.0 ? mt / mw : 0.0;
}

static double lead_now(driver *v, hl_dynamic *d)
{
    return v->lead_auto ? transit_to_consumers(d) : v->lead_s;
}

/* Conditions at time t (the middle of the coming step). */
static int drive(driver *v, hl_dynamic *d, double t)
{
    if (v->b)
        return apply(d, v->b, v->b->t[0] + t);
    if (v->dw)
        return dyn_weather_apply(v->dw, hl_dynamic_model(d), t, lead_now(v, d));
    return 0;
}

/* The consumers' supply temperature against the reset curve now: the
 * target is the curve at the present outdoor temperature less the drop
 * from the plant to each consumer of the hour's steady solve (losses and
 * the exchanger's approach), so a line without delay scores zero. */
static void score(driver *v, hl_dynamic *d, double t_mid, double dt)
{
    const hl_model *m = hl_dynamic_hydraulics(d);
    hl_source_result so;
    v->step_err = NAN;
    if (!v->dw)
        return;
    double sw = 0.0, se = 0.0;
    int have = hl_model_source_result(m, 0, &so) == HL_OK;
    double curve = hl_supply_temp_k(&v->dw->op, dyn_outdoor_k(v->dw, t_mid));
    double lead = lead_now(v, d);
    int nc = hl_model_count(m, HL_CONSUMER);
    for (int c = 0; c < nc && c < 64; c++) {
        hl_consumer_result r;
        hl_dynamic_consumer k;
        /* the hour's drop; after a failed solve the last good one */
        if (have && hl_model_consumer_result(m, c, &r) == HL_OK &&
            r.mass_flow_kg_s > 0.0)
            v->drop[c] = so.temp_out_k - r.temp_in_k;
        hl_dynamic_consumer_state(d, c, &k);
        if (!(k.flow_kg_s > 0.0) || isnan(v->drop[c]))
            continue;
        double e = k.supply_temp_k - (curve - v->drop[c]);
        double w = k.flow_kg_s * dt;
        v->st.w += w;
        v->st.err_w += w * e;
        v->st.max_abs = fmax(v->st.max_abs, fabs(e));
        v->st.under_kh += e < 0.0 ? -e * dt / 3600.0 : 0.0;
        v->st.lead_w += w;
        v->st.lead_s_w += w * lead;
        sw += w;
        se += w * e;
    }
    v->step_err = sw > 0.0 ? se / sw : NAN;
}

/* Steps to the end; s NULL: errors only (no series). */
static int run_all(hl_dynamic *d, driver *v, series *s)
{
    const dyn_args *a = v->a;
    double next_out = a->out_step;
    while (hl_dynamic_time(d) < a->duration - 1e-6) {
        double mid = hl_dynamic_time(d) + 0.5 * a->opt.step_s;
        if (drive(v, d, mid)) {
            cli_fail(CMD, "%s%s%s", a->boundary ? a->boundary : "",
                     a->boundary ? ": " : "", dyn_error(d));
            return 0;
        }
        if (hl_dynamic_step(d)) {
            cli_fail(CMD, "%s", dyn_error(d));
            return 0;
        }
        score(v, d, mid, a->opt.step_s);
        if (s && hl_dynamic_time(d) + 1e-6 >= next_out) {
            if (!record(d, s, v->step_err))
                return cli_fail(CMD, "out of memory"), 0;
            next_out += a->out_step;
        }
    }
    return 1;
}

/* A dynamic run from the conditions at the first step's middle. */
static int start(hl_dynamic **d, hl_model *m, driver *v)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_dynamic_new(d, m, &v->a->opt, &err)) {
        cli_fail(CMD, "%s", err.message);
        return 0;
    }
    if ((v->b || v->dw) &&
        (drive(v, *d, 0.5 * v->a->opt.step_s) || hl_dynamic_restart(*d))) {
        cli_fail(CMD, "%s%s%s", v->b ? v->a->boundary : "", v->b ? ":2: " : "",
                 dyn_error(*d));
        return 0;
    }
    return 1;
}

static void series_free(series *s)
{
    free(s->watch);
    free(s->rows);
    free(s->plant);
    free(s->err);
    free(s->tau);
}

static void score_of(const lead_stats *st, double *out)
{
    out[0] = st->w > 0 ? st->err_w / st->w : NAN;
    out[1] = st->max_abs;
    out[2] = st->under_kh;
    out[3] = st->lead_w > 0 ? st->lead_s_w / st->lead_w / 3600 : 0.0;
}

/* --report: the recorded series handed to the report writer. */
static int write_report(hl_dynamic *d, const hl_model *m, const series *s,
                        const series *s0, const driver *v,
                        const lead_stats *without, const char *path)
{
    size_t n = (size_t)s->n_rows + 1, nc = (size_t)s->n_cons + 1;
    double *t = malloc(sizeof(double) * n), *st = malloc(sizeof(double) * n);
    double *sup = malloc(sizeof(double) * n * nc);
    const char **ids = malloc(sizeof(char *) * nc);
    int ok = t && st && sup && ids;
    for (int i = 0; ok && i < s->n_rows; i++) {
        const double *r = s->rows + (size_t)i * (size_t)row_width(s);
        t[i] = r[0];
        for (int c = 0; c < s->n_cons; c++)
            sup[(size_t)i * (size_t)s->n_cons + (size_t)c] =
                r[1 + s->n_watch + 4 * c] + HL_ZERO_C_K;
        st[i] = r[row_width(s) - 1];
    }
    for (int c = 0; ok && c < s->n_cons; c++)
        ids[c] = hl_model_id(m, HL_CONSUMER, c);
    hl_dynamic_report rep;
    memset(&rep, 0, sizeof rep);
    rep.model_name = hl_model_name(m);
    rep.n_rows = s->n_rows;
    rep.time_s = t;
    rep.plant_supply_k = s->plant;
    rep.n_consumers = s->n_cons;
    rep.consumer_id = ids;
    rep.consumer_supply_k = sup;
    rep.transit_s = s->tau;
    rep.stored_j = st;
    for (int k = 0; k < 4; k++)
        rep.score[0][k] = rep.score[1][k] = NAN;
    if (v->dw) {
        rep.error_k = s->err;
        score_of(&v->st, rep.score[0]);
    }
    if (v->dw && without && s0->n_rows == s->n_rows) {
        rep.error_nolead_k = s0->err;
        score_of(without, rep.score[1]);
    }
    hl_dynamic_energy_state(d, &rep.energy);
    hl_error err;
    hl_error_clear(&err);
    if (!ok)
        cli_fail(CMD, "out of memory");
    else if (hl_report_write_dynamic(path, &rep, &err)) {
        cli_fail(CMD, "--report: %s", err.message);
        ok = 0;
    }
    free(t);
    free(st);
    free(sup);
    free(ids);
    return ok;
}

static void stats_json(json_t *o, const char *key, const lead_stats *st)
{
    json_t *j = json_object();
    json_object_set_new(j, "mean_error_k",
                        cli_json_number(st->w > 0 ? st->err_w / st->w : 0.0));
    json_object_set_new(j, "max_abs_error_k", cli_json_number(st->max_abs));
    json_object_set_new(j, "under_degree_hours", cli_json_number(st->under_kh));
    json_object_set_new(j, "mean_lead_h",
                        cli_json_number(st->lead_w > 0
                                            ? st->lead_s_w / st->lead_w / 3600
                                            : 0.0));
    json_object_set_new(o, key, j);
}

static void stats_print(const char *name, const lead_stats *st)
{
    printf("  %-14s lead %5.2f h   mean error %+6.2f K   max |error| %5.2f K"
           "   under-supplied %8.1f K h\n",
           name, st->lead_w > 0 ? st->lead_s_w / st->lead_w / 3600 : 0.0,
           st->w > 0 ? st->err_w / st->w : 0.0, st->max_abs, st->under_kh);
}

/* Weather mode with a lead: the same period without lead first (its
 * errors only), then with it (the output). */
static int run_weather(hl_model *m, driver *v, const lead_stats **without,
                       lead_stats *keep, series *s0)
{
    if (v->lead_auto || v->lead_s > 0.0) {
        driver none = *v;
        none.lead_auto = 0;
        none.lead_s = 0.0;
        hl_dynamic *d0 = NULL;
        int ok = start(&d0, m, &none) &&
                 run_all(d0, &none, v->a->report ? s0 : NULL);
        hl_dynamic_free(d0);
        if (!ok)
            return 0;
        *keep = none.st;
        *without = keep;
    }
    return 1;
}

int cmd_dynamic(int argc, char **argv)
{
    dyn_args a = {.out_step = NAN, .duration = NAN};
    hl_dynamic_options_init(&a.opt);
    hl_load_options_init(&a.load);
    int rc = cli_options(CMD, argc, argv, options, take, &a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("dynamic", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    const char *model = NULL;
    if ((rc = cli_operand(CMD, argc, argv, &model)) != CLI_GO_ON)
        return rc;
    if (a.opt.step_s > a.opt.hydraulic_step_s)
        return cli_fail(CMD,
                        "--step %g s is longer than the hydraulic step "
                        "(%g s)",
                        a.opt.step_s, a.opt.hydraulic_step_s);
    if (a.boundary && (a.from || a.to || a.weather || a.lead))
        return cli_fail(CMD, "--boundary drives the run alone (no --from, "
                             "--to, --weather or --lead with it)");
    if (isnan(a.out_step))
        a.out_step = a.opt.step_s;
    driver v = {.a = &a};
    for (int c = 0; c < 64; c++)
        v.drop[c] = NAN;
    if (a.lead && !lead_arg(a.lead, &v.lead_auto, &v.lead_s))
        return EXIT_USAGE;
    if (load_args_check_model(CMD, a.inp_option, model,
                              "a heatline model takes a boundary file"))
        return EXIT_USAGE;
    hl_model *m = NULL;
    if (hl_model_load_with(&m, model, &a.load)) {
        cli_fail(CMD, "%s", hl_model_error(m));
        hl_model_free(m);
        return EXIT_USAGE;
    }
    btable b = {0};
    dyn_weather dw;
    int have_w = 0;
    rc = EXIT_USAGE;
    hl_dynamic *d = NULL;
    hl_error err;
    hl_error_clear(&err);
    lead_stats st0 = {0};
    const lead_stats *without = NULL;
    series ser = {.n_cons = hl_model_count(m, HL_CONSUMER)};
    series ser0 = {.n_cons = ser.n_cons}; /* the run without lead */
    if (a.boundary) {
        if (!read_boundary(m, a.boundary, &b))
            goto out;
        a.duration = b.t[b.nrow - 1] - b.t[0];
        v.b = &b;
    } else if (isnan(a.duration) || a.from || a.to || a.weather || a.lead) {
        if (dyn_weather_open(&dw, m, a.weather, a.from, a.to, &err)) {
            cli_fail(CMD, "%s", err.message);
            goto out;
        }
        have_w = 1;
        v.dw = &dw;
        a.duration = dyn_weather_span_s(&dw);
        if (!run_weather(m, &v, &without, &st0, &ser0))
            goto out;
    }
    if (!watch_list(m, a.watch, &ser) || !start(&d, m, &v) ||
        !run_all(d, &v, &ser) ||
        (a.csv &&
         (!write_csv(m, &ser, a.csv) || !write_nodes_csv(d, m, a.csv))) ||
        (a.report && !write_report(d, m, &ser, &ser0, &v, without, a.report)))
        goto out;
    rc = 0;
    if (a.json) {
        json_t *lead = NULL;
        if (v.dw) {
            lead = json_object();
            json_object_set_new(lead, "operation", dyn_operation_json(v.dw));
            if (without)
                stats_json(lead, "without_lead", without);
            stats_json(lead, without ? "with_lead" : "as_run", &v.st);
        }
        rc = write_json(d, m, &ser, lead) ? 0 : EXIT_USAGE;
    } else {
        summary(d, m);
        if (v.dw) {
            dyn_operation_print(v.dw);
            printf("consumers' supply against the reset curve "
                   "(flow-weighted):\n");
            if (without)
                stats_print("without lead", without);
            stats_print(without ? "with lead" : "as run", &v.st);
        }
    }
out:
    series_free(&ser);
    series_free(&ser0);
    hl_dynamic_free(d);
    btable_free(&b);
    if (have_w)
        dyn_weather_close(&dw);
    hl_model_free(m);
    return rc;
}
