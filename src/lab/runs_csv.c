/*
 * runs_csv.c - test runs from a CSV file (columns in docs/cli.md, units in
 * their names) into hl_lab_data, each run reduced as it is read. The
 * set-up follows from the columns; every error names file, line and
 * column.
 */
#include "lab_internal.h"
#include "util/util.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum rule { R_POSITIVE, R_NONNEG, R_TEMP, R_EMISSIVITY };

typedef struct column {
    const char *name;
    size_t offset;       /* into hl_lab_input */
    double scale, shift; /* SI = value * scale + shift */
    int rule, required;
} column;

#define IN(f) offsetof(hl_lab_input, f)
#define REQ(n, f, sc, sh, r)                                                   \
    {                                                                          \
        n, IN(f), sc, sh, r, 1                                                 \
    }
#define OPT(n, f, sc, r)                                                       \
    {                                                                          \
        n, IN(f), sc, 0.0, r, 0                                                \
    }
#define C_K HL_ZERO_C_K

static const column pipe_columns[] = {
    REQ("power_w", power_w, 1, 0, R_POSITIVE),
    REQ("length_m", length_m, 1, 0, R_POSITIVE),
    REQ("pipe_od_mm", d_inner_m, 1e-3, 0, R_POSITIVE),
    REQ("thickness_mm", thickness_m, 1e-3, 0, R_POSITIVE),
    REQ("t_inner_c", t_hot_k, 1, C_K, R_TEMP),
    REQ("t_outer_c", t_cold_k, 1, C_K, R_TEMP),
    OPT("u_power_w", u_power_w, 1, R_NONNEG),
    OPT("u_length_mm", u_length_m, 1e-3, R_NONNEG),
    OPT("u_pipe_od_mm", u_d_inner_m, 1e-3, R_NONNEG),
    OPT("u_thickness_mm", u_thickness_m, 1e-3, R_NONNEG),
    OPT("u_t_inner_k", u_t_hot_k, 1, R_NONNEG),
    OPT("u_t_outer_k", u_t_cold_k, 1, R_NONNEG),
    {NULL, 0, 0, 0, 0, 0}};

static const column plate_columns[] = {
    REQ("heat_flux_w_per_m2", heat_flux_w_m2, 1, 0, R_POSITIVE),
    REQ("thickness_mm", thickness_m, 1e-3, 0, R_POSITIVE),
    REQ("t_hot_c", t_hot_k, 1, C_K, R_TEMP),
    REQ("t_cold_c", t_cold_k, 1, C_K, R_TEMP),
    OPT("u_heat_flux_w_per_m2", u_heat_flux_w_m2, 1, R_NONNEG),
    OPT("u_thickness_mm", u_thickness_m, 1e-3, R_NONNEG),
    OPT("u_t_hot_k", u_t_hot_k, 1, R_NONNEG),
    OPT("u_t_cold_k", u_t_cold_k, 1, R_NONNEG),
    {NULL, 0, 0, 0, 0, 0}};

static const column comparison_columns[] = {
    REQ("sleeve_od_mm", d_inner_m, 1e-3, 0, R_POSITIVE),
    REQ("thickness_mm", thickness_m, 1e-3, 0, R_POSITIVE),
    REQ("t_inner_c", t_hot_k, 1, C_K, R_TEMP),
    REQ("t_surface_c", t_cold_k, 1, C_K, R_TEMP),
    REQ("t_air_c", air_k, 1, C_K, R_TEMP),
    REQ("emissivity", emissivity, 1, 0, R_EMISSIVITY),
    OPT("wind_m_s", wind_m_s, 1, R_NONNEG),
    OPT("height_m", height_m, 1, R_POSITIVE),
    OPT("u_sleeve_od_mm", u_d_inner_m, 1e-3, R_NONNEG),
    OPT("u_thickness_mm", u_thickness_m, 1e-3, R_NONNEG),
    OPT("u_t_inner_k", u_t_hot_k, 1, R_NONNEG),
    OPT("u_t_surface_k", u_t_cold_k, 1, R_NONNEG),
    OPT("u_t_air_k", u_air_k, 1, R_NONNEG),
    OPT("u_t_radiant_k", u_radiant_k, 1, R_NONNEG),
    OPT("u_emissivity", u_emissivity, 1, R_NONNEG),
    {NULL, 0, 0, 0, 0, 0}};

/* The two face temperatures of each set-up, hot first, for messages. */
static const char *const hot_name[] = {"t_inner_c", "t_hot_c", "t_inner_c"};
static const char *const cold_name[] = {"t_outer_c", "t_cold_c", "t_surface_c"};

static const column *columns_of(int setup)
{
    return setup == HL_LAB_PIPE    ? pipe_columns
           : setup == HL_LAB_PLATE ? plate_columns
                                   : comparison_columns;
}

static int detect_setup(const csv_table *t, int *setup, hl_error *err)
{
    static const char *const marker[] = {"power_w", "heat_flux_w_per_m2",
                                         "t_surface_c"};
    int found = 0;
    for (int s = 0; s < 3; s++)
        if (csv_table_col(t, marker[s]) >= 0) {
            *setup = s;
            found++;
        }
    if (found == 1)
        return HL_OK;
    return hl_error_set(err, HL_EPARSE,
                        "%s:1: %s: expected exactly one of the columns "
                        "power_w (heated pipe), heat_flux_w_per_m2 (hot "
                        "plate or heat-flow meter) or t_surface_c "
                        "(comparison heating)",
                        t->origin,
                        found ? "the columns mix set-ups"
                              : "cannot tell the set-up");
}

static int check_rule(const csv_table *t, int r, const char *name, double v,
                      int rule, hl_error *err)
{
    const char *expected = NULL;
    if (rule == R_POSITIVE && !(v > 0.0))
        expected = "a value > 0";
    else if (rule == R_NONNEG && v < 0.0)
        expected = "a value >= 0";
    else if (rule == R_TEMP && v <= -HL_ZERO_C_K)
        expected = "a temperature above absolute zero";
    else if (rule == R_EMISSIVITY && !(v > 0.0 && v <= 1.0))
        expected = "a value in (0, 1]";
    if (!expected)
        return HL_OK;
    return hl_error_set(err, HL_EPARSE, "%s:%d: column %s: %g: expected %s",
                        t->origin, t->line[r], name, v, expected);
}

/* A number from a cell; an empty optional cell leaves *out unchanged and
 * sets *present to 0. */
static int cell_number(const csv_table *t, int r, int col, const char *name,
                       int required, double *out, int *present, hl_error *err)
{
    const char *s = t->rows[r][col];
    *present = 0;
    while (*s == ' ')
        s++;
    if (!*s) {
        if (!required)
            return HL_OK;
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: column %s is empty: expected a number",
                            t->origin, t->line[r], name);
    }
    char shown[64];
    if (!parse_double(s, out))
        return hl_error_set(
            err, HL_EPARSE, "%s:%d: column %s: '%s' is not a number", t->origin,
            t->line[r], name, hl_text_show(shown, sizeof shown, s, 40));
    int q = hl_range_find_key(name); /* the physical range of the column */
    hl_error e2;
    hl_error_clear(&e2);
    if (q >= 0 && hl_range_check(q, name, *out, s, &e2))
        return hl_error_set(err, e2.code, "%s:%d: column %s", t->origin,
                            t->line[r], e2.message);
    *present = 1;
    return HL_OK;
}

static int read_columns(const csv_table *t, int r, const column *cols,
                        const int *idx, hl_lab_input *in, hl_error *err)
{
    for (int j = 0; cols[j].name; j++) {
        if (idx[j] < 0)
            continue;
        double v;
        int present;
        int rc = cell_number(t, r, idx[j], cols[j].name, cols[j].required, &v,
                             &present, err);
        if (!rc && present)
            rc = check_rule(t, r, cols[j].name, v, cols[j].rule, err);
        if (rc)
            return rc;
        if (present)
            *(double *)((char *)in + cols[j].offset) =
                v * cols[j].scale + cols[j].shift;
    }
    return HL_OK;
}

static int parse_flag(const char *s, int *out)
{
    static const char *const yes[] = {"1", "yes", "y", "true", "x"};
    static const char *const no[] = {"", "0", "no", "n", "false"};
    while (*s == ' ')
        s++;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(s, yes[i]) == 0)
            return *out = 1, 1;
        if (strcasecmp(s, no[i]) == 0)
            return *out = 0, 1;
    }
    return 0;
}

/* Column indices of the common, optional columns. */
enum {
    K_MATERIAL,
    K_SAMPLE,
    K_CYCLES,
    K_HOURS,
    K_MASS,
    K_DENSITY,
    K_DELAM,
    K_ORIENT,
    K_RADIANT,
    N_COMMON
};
static const char *const common_names[N_COMMON] = {
    "material",          "sample",      "cycles",      "hours",      "mass_g",
    "density_kg_per_m3", "delaminated", "orientation", "t_radiant_c"};

typedef struct layout {
    int setup;
    int idx[24]; /* set-up columns, in columns_of() order */
    int common[N_COMMON];
} layout;

static int make_layout(const csv_table *t, layout *l, hl_error *err)
{
    int rc = detect_setup(t, &l->setup, err);
    if (rc)
        return rc;
    const column *cols = columns_of(l->setup);
    for (int j = 0; cols[j].name; j++) {
        l->idx[j] = cols[j].required ? csv_table_require(t, cols[j].name, err)
                                     : csv_table_col(t, cols[j].name);
        if (l->idx[j] < 0 && cols[j].required)
            return HL_EPARSE;
    }
    for (int k = 0; k < N_COMMON; k++)
        l->common[k] = csv_table_col(t, common_names[k]);
    if (l->common[K_MATERIAL] < 0)
        return csv_table_require(t, "material", err), HL_EPARSE;
    return HL_OK;
}

static int optional_common(const csv_table *t, int r, const layout *l, int k,
                           int rule, double *out, hl_error *err)
{
    int present;
    if (l->common[k] < 0)
        return HL_OK;
    int rc =
        cell_number(t, r, l->common[k], common_names[k], 0, out, &present, err);
    if (!rc && present)
        rc = check_rule(t, r, common_names[k], *out, rule, err);
    return rc;
}

static int read_common(const csv_table *t, int r, const layout *l,
                       hl_lab_run *run, hl_error *err)
{
    copy_text(run->material, sizeof run->material,
              t->rows[r][l->common[K_MATERIAL]]);
    if (!run->material[0])
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: column material is empty: expected the "
                            "material id",
                            t->origin, t->line[r]);
    if (l->common[K_SAMPLE] >= 0)
        copy_text(run->sample, sizeof run->sample,
                  t->rows[r][l->common[K_SAMPLE]]);
    run->mass_g = run->density_kg_m3 = NAN;
    int rc = optional_common(t, r, l, K_CYCLES, R_NONNEG, &run->cycles, err);
    if (!rc)
        rc = optional_common(t, r, l, K_HOURS, R_NONNEG, &run->hours, err);
    if (!rc)
        rc = optional_common(t, r, l, K_MASS, R_POSITIVE, &run->mass_g, err);
    if (!rc)
        rc = optional_common(t, r, l, K_DENSITY, R_POSITIVE,
                             &run->density_kg_m3, err);
    if (rc)
        return rc;
    const char *d =
        l->common[K_DELAM] >= 0 ? t->rows[r][l->common[K_DELAM]] : "";
    if (!parse_flag(d, &run->delaminated))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: column delaminated: '%s': expected yes "
                            "or no (1 or 0)",
                            t->origin, t->line[r], d);
    return HL_OK;
}

static int read_orientation(const csv_table *t, int r, const layout *l,
                            hl_lab_input *in, hl_error *err)
{
    const char *o =
        l->common[K_ORIENT] >= 0 ? t->rows[r][l->common[K_ORIENT]] : "";
    if (!*o || strcasecmp(o, "horizontal") == 0)
        return HL_OK;
    if (strcasecmp(o, "vertical") == 0) {
        in->vertical = 1;
        return HL_OK;
    }
    return hl_error_set(err, HL_EPARSE,
                        "%s:%d: column orientation: '%s': expected "
                        "horizontal or vertical",
                        t->origin, t->line[r], o);
}

static int read_radiant(const csv_table *t, int r, const layout *l,
                        hl_lab_input *in, hl_error *err)
{
    double v = NAN;
    int rc = optional_common(t, r, l, K_RADIANT, R_TEMP, &v, err);
    in->radiant_is_air = isnan(v);
    if (!in->radiant_is_air)
        in->radiant_k = v + HL_ZERO_C_K;
    return rc;
}

static int reduce_row(const csv_table *t, int r, const layout *l, int coef_set,
                      hl_lab_run *run, hl_error *err)
{
    hl_lab_input *in = &run->in;
    if (in->t_hot_k <= in->t_cold_k)
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: column %s: %.2f C is not below %s "
                            "(%.2f C): expected the inner (hot) face to be "
                            "the hotter one",
                            t->origin, t->line[r], cold_name[l->setup],
                            in->t_cold_k - HL_ZERO_C_K, hot_name[l->setup],
                            in->t_hot_k - HL_ZERO_C_K);
    hl_error sub;
    hl_error_clear(&sub);
    if (hl_lab_reduce(l->setup, in, coef_set, &run->value, &sub))
        return hl_error_set(err, HL_EPARSE, "%s:%d: column %s: %s", t->origin,
                            t->line[r], cold_name[l->setup], sub.message);
    return HL_OK;
}

static int read_row(const csv_table *t, int r, const layout *l, int coef_set,
                    hl_lab_run *run, hl_error *err)
{
    memset(run, 0, sizeof *run);
    run->line = t->line[r];
    int rc = read_common(t, r, l, run, err);
    if (!rc)
        rc = read_columns(t, r, columns_of(l->setup), l->idx, &run->in, err);
    if (!rc && l->setup == HL_LAB_COMPARISON)
        rc = read_orientation(t, r, l, &run->in, err) ||
             read_radiant(t, r, l, &run->in, err);
    if (rc)
        return HL_EPARSE;
    return reduce_row(t, r, l, coef_set, run, err);
}

static int read_table(const csv_table *t, int coef_set, hl_lab_data *out,
                      hl_error *err)
{
    layout l;
    int rc = make_layout(t, &l, err);
    if (rc)
        return rc;
    if (t->n_rows == 0)
        return hl_error_set(err, HL_EPARSE, "%s: no runs after the header",
                            t->origin);
    out->runs = calloc((size_t)t->n_rows, sizeof *out->runs);
    if (!out->runs)
        return hl_error_set(err, HL_ENOMEM, "%s: out of memory", t->origin);
    out->setup = l.setup;
    out->coef_set = coef_set;
    out->age_by_hours = l.common[K_CYCLES] < 0 && l.common[K_HOURS] >= 0;
    for (int r = 0; r < t->n_rows; r++) {
        if ((rc = read_row(t, r, &l, coef_set, &out->runs[r], err)) != 0)
            return rc;
        out->n_runs++;
    }
    return HL_OK;
}

int hl_lab_read_text(const char *text, size_t len, const char *origin,
                     int coef_set, hl_lab_data *out, hl_error *err)
{
    memset(out, 0, sizeof *out);
    copy_text(out->origin, sizeof out->origin, origin);
    csv_table t;
    int rc = csv_table_parse(text, len, origin, &t, err);
    if (rc)
        return rc;
    rc = read_table(&t, coef_set, out, err);
    csv_table_free(&t);
    if (rc)
        hl_lab_data_free(out);
    return rc;
}

int hl_lab_read_csv(const char *path, int coef_set, hl_lab_data *out,
                    hl_error *err)
{
    char *text;
    size_t len;
    memset(out, 0, sizeof *out);
    int rc = read_text_file(path, &text, &len, err);
    if (rc)
        return rc;
    rc = hl_lab_read_text(text, len, path, coef_set, out, err);
    free(text);
    return rc;
}

void hl_lab_data_free(hl_lab_data *d)
{
    if (!d)
        return;
    free(d->runs);
    d->runs = NULL;
    d->n_runs = 0;
}

double hl_lab_run_age(const hl_lab_data *d, const hl_lab_run *r)
{
    return d->age_by_hours ? r->hours : r->cycles;
}

int hl_lab_points(const hl_lab_data *d, const char *material, double age,
                  hl_lab_point *pts, int cap)
{
    int n = 0;
    for (int i = 0; i < d->n_runs; i++) {
        const hl_lab_run *r = &d->runs[i];
        if (strcasecmp(r->material, material) != 0 ||
            fabs(hl_lab_run_age(d, r) - age) > 1e-9)
            continue;
        if (n < cap) {
            memset(&pts[n], 0, sizeof pts[n]);
            pts[n].line = r->line;
            pts[n].t_mean_k = r->value.t_mean_k;
            pts[n].delta_t_k = r->value.delta_t_k;
            pts[n].lambda = r->value.lambda;
            pts[n].u_lambda = r->value.u_lambda;
        }
        n++;
    }
    return n;
}
