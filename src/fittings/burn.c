/*
 * burn.c - contact-burn thresholds of ISO 13732-1 / EN 563 by contact
 * class and contact time, from the embedded data/fittings/burn_thresholds.csv
 * (every value's source is in that file; the ISO tables were not read).
 */
#include "fittings_internal.h"

#include <math.h>
#include <string.h>

static const char *const class_names[HL_CONTACT_N_CLASSES] = {
    "metal", "metal-painted", "ceramic", "plastic", "wood"};

const char *hl_contact_class_name(int cls)
{
    if (cls < 0 || cls >= HL_CONTACT_N_CLASSES)
        return "unknown";
    return class_names[cls];
}

static int class_from_name(const char *s)
{
    for (int i = 0; i < HL_CONTACT_N_CLASSES; i++)
        if (strcmp(s, class_names[i]) == 0)
            return i;
    return -1;
}

static int add_point(burn_curve *b, double t_s, double t_c, const char *origin,
                     int line, hl_error *err)
{
    double lt = log(t_s);
    if (b->n == BURN_MAX_POINTS)
        return hl_error_set(err, HL_EPARSE, "%s:%d: too many points", origin,
                            line);
    if (b->n > 0 && lt <= b->ln_t[b->n - 1])
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: contact times must ascend per class",
                            origin, line);
    b->ln_t[b->n] = lt;
    b->t_k[b->n++] = t_c + HL_ZERO_C_K;
    return HL_OK;
}

static int burn_row(hl_fitting_catalog *cat, const csv_table *t, int r,
                    const int *col, hl_error *err)
{
    int cls = class_from_name(t->rows[r][col[0]]);
    double ts, tc;
    if (cls < 0 || !parse_double(t->rows[r][col[1]], &ts) || ts <= 0.0 ||
        !parse_double(t->rows[r][col[2]], &tc))
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: expected class (metal, metal-painted, "
                            "ceramic, plastic, wood), contact_s > 0, "
                            "threshold_c",
                            t->origin, t->line[r]);
    return add_point(&cat->burn[cls], ts, tc, t->origin, t->line[r], err);
}

int burn_load(hl_fitting_catalog *cat, hl_error *err)
{
    size_t len;
    const char *name = "data/fittings/burn_thresholds.csv (embedded)";
    const char *text = hl_embedded_find("fittings/burn_thresholds.csv", &len);
    if (!text)
        return hl_error_set(err, HL_EIO, "%s is missing", name);
    csv_table t;
    int rc = csv_table_parse(text, len, name, &t, err);
    if (rc)
        return rc;
    int col[3] = {csv_table_require(&t, "class", err),
                  csv_table_require(&t, "contact_s", err),
                  csv_table_require(&t, "threshold_c", err)};
    if (col[0] < 0 || col[1] < 0 || col[2] < 0)
        rc = HL_EPARSE;
    for (int r = 0; !rc && r < t.n_rows; r++)
        rc = burn_row(cat, &t, r, col, err);
    for (int c = 0; !rc && c < HL_CONTACT_N_CLASSES; c++)
        if (cat->burn[c].n < 2)
            rc = hl_error_set(err, HL_EPARSE,
                              "%s: class %s needs two or "
                              "more points",
                              name, class_names[c]);
    csv_table_free(&t);
    return rc;
}

int hl_burn_threshold(const hl_fitting_catalog *cat, int contact_class,
                      double contact_s, double *threshold_k, hl_error *err)
{
    if (contact_class < 0 || contact_class >= HL_CONTACT_N_CLASSES)
        return hl_error_set(err, HL_EINVAL, "contact class %d is not known",
                            contact_class);
    const burn_curve *b = &cat->burn[contact_class];
    double lt = log(contact_s);
    if (!(contact_s >= exp(b->ln_t[0]) * (1.0 - 1e-12)))
        return hl_error_set(err, HL_ERANGE,
                            "contact time %g s: ISO 13732-1 gives burn "
                            "thresholds from %g s up",
                            contact_s, exp(b->ln_t[0]));
    int i = 1;
    while (i < b->n - 1 && lt > b->ln_t[i])
        i++;
    if (lt >= b->ln_t[b->n - 1]) {
        *threshold_k = b->t_k[b->n - 1]; /* 8 h and longer */
        return HL_OK;
    }
    double w = (lt - b->ln_t[i - 1]) / (b->ln_t[i] - b->ln_t[i - 1]);
    *threshold_k = b->t_k[i - 1] + fmax(0.0, w) * (b->t_k[i] - b->t_k[i - 1]);
    return HL_OK;
}
