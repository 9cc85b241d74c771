/*
 * materials.c - the material table: the embedded data/materials.csv plus
 * any user files, looked up by id.
 */
#include "materials_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct hl_material_db {
    int n, cap;
    hl_material *items;
};

static const char *const columns[] = {"id",
                                      "name",
                                      "category",
                                      "lambda_model",
                                      "lambda_params",
                                      "t_min_c",
                                      "t_max_c",
                                      "max_service_c",
                                      "continuous_service_c",
                                      "emissivity",
                                      "density_kg_per_m3",
                                      "cost_cny_per_m3",
                                      "source"};
enum {
    C_ID,
    C_NAME,
    C_CAT,
    C_MODEL,
    C_PARAMS,
    C_TMIN,
    C_TMAX,
    C_SERVICE,
    C_CONTINUOUS,
    C_EPS,
    C_RHO,
    C_COST,
    C_SOURCE,
    N_COLUMNS
};

const char *hl_material_csv_header(void)
{
    return "id,name,category,lambda_model,lambda_params,t_min_c,t_max_c,"
           "max_service_c,continuous_service_c,emissivity,density_kg_per_m3,"
           "cost_cny_per_m3,source";
}

int hl_material_db_new(hl_material_db **out, hl_error *err)
{
    *out = NULL;
    hl_material_db *db = calloc(1, sizeof *db);
    if (!db)
        return hl_error_set(err, HL_ENOMEM, "out of memory");
    int rc = hl_material_db_load_text(db, hl_data_materials_csv,
                                      hl_data_materials_csv_len,
                                      "data/materials.csv (embedded)", err);
    if (rc) {
        hl_material_db_free(db);
        return rc;
    }
    *out = db;
    return HL_OK;
}

void hl_material_db_free(hl_material_db *db)
{
    if (!db)
        return;
    free(db->items);
    free(db);
}

/* Optional number: empty means NaN; otherwise it must parse. */
static int optional_number(const csv_table *t, int r, int col, const char *what,
                           double *out, hl_error *err)
{
    const char *s = t->rows[r][col];
    *out = NAN;
    if (!*s)
        return HL_OK;
    char shown[64];
    if (!parse_double(s, out))
        return hl_error_set(
            err, HL_EPARSE, "%s:%d: column %s: '%s' is not a number", t->origin,
            t->line[r], what, hl_text_show(shown, sizeof shown, s, 40));
    int q = hl_range_find_key(what); /* the column's physical range */
    hl_error e2;
    hl_error_clear(&e2);
    if (q >= 0 && hl_range_check(q, what, *out, s, &e2))
        return hl_error_set(err, HL_EPARSE, "%s:%d: column %s", t->origin,
                            t->line[r], e2.message);
    return HL_OK;
}

static int row_numbers(const csv_table *t, int r, const int *col,
                       hl_material *m, hl_error *err)
{
    double tmin, tmax, service, continuous = NAN;
    int rc = optional_number(t, r, col[C_TMIN], "t_min_c", &tmin, err);
    if (!rc)
        rc = optional_number(t, r, col[C_TMAX], "t_max_c", &tmax, err);
    if (!rc)
        rc = optional_number(t, r, col[C_SERVICE], "max_service_c", &service,
                             err);
    if (!rc && col[C_CONTINUOUS] >= 0)
        rc = optional_number(t, r, col[C_CONTINUOUS], "continuous_service_c",
                             &continuous, err);
    if (!rc)
        rc = optional_number(t, r, col[C_EPS], "emissivity", &m->emissivity,
                             err);
    if (!rc)
        rc = optional_number(t, r, col[C_RHO], "density_kg_per_m3",
                             &m->density_kg_m3, err);
    if (!rc && col[C_COST] >= 0)
        rc = optional_number(t, r, col[C_COST], "cost_cny_per_m3",
                             &m->cost_cny_m3, err);
    if (rc)
        return rc;
    m->t_min_k = tmin + HL_ZERO_C_K;
    m->t_max_k = tmax + HL_ZERO_C_K;
    m->max_service_k = service + HL_ZERO_C_K;
    m->continuous_service_k = continuous + HL_ZERO_C_K;
    if (!isnan(m->emissivity) && !(m->emissivity > 0 && m->emissivity <= 1))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: emissivity %g: expected a value in (0, 1]",
                            t->origin, t->line[r], m->emissivity);
    return HL_OK;
}

static int lambda_positive_in_range(const hl_material *m)
{
    double lo = isfinite(m->t_min_k) ? m->t_min_k : HL_ZERO_C_K;
    double hi = isfinite(m->t_max_k) ? m->t_max_k : HL_ZERO_C_K + 100.0;
    const hl_range *k = hl_range_get(HL_Q_CONDUCTIVITY); /* util/ranges.c */
    for (int s = 0; s <= 16; s++) {
        double l = hl_lambda_at(&m->lambda, lo + (hi - lo) * s / 16.0);
        if (!(l > k->min && l <= k->max)) /* also no overflow to inf */
            return 0;
    }
    return 1;
}

static int parse_row(const csv_table *t, int r, const int *col, hl_material *m,
                     hl_error *err)
{
    memset(m, 0, sizeof *m);
    m->cost_cny_m3 = NAN;
    copy_text(m->id, sizeof m->id, t->rows[r][col[C_ID]]);
    if (!m->id[0])
        return hl_error_set(err, HL_EPARSE, "%s:%d: column id is empty",
                            t->origin, t->line[r]);
    copy_text(m->name, sizeof m->name, t->rows[r][col[C_NAME]]);
    copy_text(m->category, sizeof m->category, t->rows[r][col[C_CAT]]);
    copy_text(m->source, sizeof m->source, t->rows[r][col[C_SOURCE]]);
    hl_error sub;
    hl_error_clear(&sub);
    if (hl_lambda_parse(t->rows[r][col[C_MODEL]], t->rows[r][col[C_PARAMS]],
                        &m->lambda, &sub))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: material %s: lambda_params: %s", t->origin,
                            t->line[r], m->id, sub.message);
    int rc = row_numbers(t, r, col, m, err);
    if (rc)
        return rc;
    if (!lambda_positive_in_range(m))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: material %s: lambda is not within 0 to "
                            "500 W/(m K) over its valid range",
                            t->origin, t->line[r], m->id);
    return HL_OK;
}

static int db_put(hl_material_db *db, const hl_material *m)
{
    for (int i = 0; i < db->n; i++)
        if (strcasecmp(db->items[i].id, m->id) == 0) {
            db->items[i] = *m;
            return HL_OK;
        }
    if (db->n == db->cap) {
        int cap = db->cap ? 2 * db->cap : 32;
        hl_material *p = realloc(db->items, (size_t)cap * sizeof *p);
        if (!p)
            return HL_ENOMEM;
        db->items = p;
        db->cap = cap;
    }
    db->items[db->n++] = *m;
    return HL_OK;
}

static int load_table(hl_material_db *db, const csv_table *t, hl_error *err)
{
    int col[N_COLUMNS];
    for (int j = 0; j < N_COLUMNS; j++) {
        col[j] = csv_table_col(t, columns[j]);
        if (col[j] < 0 && j != C_COST && j != C_CONTINUOUS) {
            csv_table_require(t, columns[j], err);
            return HL_EPARSE;
        }
    }
    for (int r = 0; r < t->n_rows; r++) {
        hl_material m;
        int rc = parse_row(t, r, col, &m, err);
        if (!rc && db_put(db, &m))
            rc = hl_error_set(err, HL_ENOMEM, "out of memory");
        if (rc)
            return rc;
    }
    return HL_OK;
}

int hl_material_db_load_text(hl_material_db *db, const char *text, size_t len,
                             const char *origin, hl_error *err)
{
    csv_table t;
    int rc = csv_table_parse(text, len, origin, &t, err);
    if (rc)
        return rc;
    rc = load_table(db, &t, err);
    csv_table_free(&t);
    return rc;
}

int hl_material_db_load_csv(hl_material_db *db, const char *path, hl_error *err)
{
    csv_table t;
    int rc = csv_table_load(path, &t, err);
    if (rc)
        return rc;
    rc = load_table(db, &t, err);
    csv_table_free(&t);
    return rc;
}

int hl_material_db_count(const hl_material_db *db)
{
    return db->n;
}

const hl_material *hl_material_db_at(const hl_material_db *db, int i)
{
    return (i >= 0 && i < db->n) ? &db->items[i] : NULL;
}

const hl_material *hl_material_find(const hl_material_db *db, const char *id)
{
    for (int i = 0; i < db->n; i++)
        if (strcasecmp(db->items[i].id, id) == 0)
            return &db->items[i];
    return NULL;
}

static int already_picked(const int *picked, int n, int i)
{
    for (int k = 0; k < n; k++)
        if (picked[k] == i)
            return 1;
    return 0;
}

void hl_material_suggest(const hl_material_db *db, const char *id, int n,
                         char *buf, size_t buflen)
{
    int picked[8];
    size_t at = 0;
    buf[0] = '\0';
    for (int k = 0; k < n && k < 8; k++) {
        int best = -1, best_d = 1000;
        for (int i = 0; i < db->n; i++) {
            int d = edit_distance(id, db->items[i].id);
            if (id[0] && strstr(db->items[i].id, id))
                d /= 2; /* a substring is a strong hint */
            if (d < best_d && !already_picked(picked, k, i))
                best = i, best_d = d;
        }
        if (best < 0)
            break;
        picked[k] = best;
        int w = snprintf(buf + at, buflen - at, "%s%s", k ? ", " : "",
                         db->items[best].id);
        if (w < 0 || (size_t)w >= buflen - at)
            break;
        at += (size_t)w;
    }
}

void hl_layer_from_material(const hl_material *m, double thickness_m,
                            hl_layer *out)
{
    memset(out, 0, sizeof *out);
    out->thickness_m = thickness_m;
    out->lambda = m->lambda;
    out->t_min_k = m->t_min_k;
    out->t_max_k = m->t_max_k;
    copy_text(out->name, sizeof out->name, m->id);
}

static size_t put_field(char *buf, size_t len, size_t at, const char *s,
                        int comma)
{
    if (at >= len)
        return at;
    int quote = strpbrk(s, ",\"\n") != NULL;
    size_t need = strlen(s) * 2 + 4;
    if (at + need >= len)
        return len;
    if (comma)
        buf[at++] = ',';
    if (quote)
        buf[at++] = '"';
    for (; *s; s++) {
        if (*s == '"')
            buf[at++] = '"';
        buf[at++] = *s;
    }
    if (quote)
        buf[at++] = '"';
    buf[at] = '\0';
    return at;
}

static void number_text(double v, char *buf, size_t len)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        snprintf(buf, len, "%.6g", v);
}

int hl_material_format_csv(const hl_material *m, char *buf, size_t buflen)
{
    char params[512], num[7][32];
    const char *model = hl_lambda_format(&m->lambda, params, sizeof params);
    number_text(m->t_min_k - HL_ZERO_C_K, num[0], sizeof num[0]);
    number_text(m->t_max_k - HL_ZERO_C_K, num[1], sizeof num[1]);
    number_text(m->max_service_k - HL_ZERO_C_K, num[2], sizeof num[2]);
    number_text(m->continuous_service_k - HL_ZERO_C_K, num[6], sizeof num[6]);
    number_text(m->emissivity, num[3], sizeof num[3]);
    number_text(m->density_kg_m3, num[4], sizeof num[4]);
    number_text(m->cost_cny_m3, num[5], sizeof num[5]);
    const char *f[N_COLUMNS] = {m->id,  m->name, m->category, model,  params,
                                num[0], num[1],  num[2],      num[6], num[3],
                                num[4], num[5],  m->source};
    size_t at = 0;
    buf[0] = '\0';
    for (int j = 0; j < N_COLUMNS; j++)
        at = put_field(buf, buflen, at, f[j], j > 0);
    return at < buflen ? HL_OK : HL_ERANGE;
}
