/*
 * read_inp_thermal.c - the per-pipe heat-transfer table for an imported
 * EPANET network (docs/model-format.md, "EPANET import"): a CSV with the
 * column id and any of u_w_per_m2k (on the inner surface, or on
 * u_diameter_mm), heat_loss_coefficient_w_per_mk, ambient_temp_c.
 */
#include "network/reader.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

static int cell(rd_ctx *c, const csv_table *t, int r, int col, const char *name,
                double *out)
{
    *out = NAN;
    if (col < 0 || !t->rows[r][col][0])
        return HL_OK;
    hl_error err;
    hl_error_clear(&err);
    if (!hl_range_parse(hl_range_find_key(name), name, t->rows[r][col], out,
                        &err))
        return HL_OK;
    *out = NAN;
    return rd_fail(c, NET_WHERE(c->origin, t->line[r]), err.code, "%s",
                   err.message);
}

static int apply_row(rd_ctx *c, const csv_table *t, int r, const int *col)
{
    hl_model *m = c->m;
    int where = NET_WHERE(c->origin, t->line[r]);
    const char *id = t->rows[r][col[0]];
    int k = index_get(&m->def->link_ix, id);
    if (k < 0 || m->def->lk_kind[k] != LK_PIPE)
        return rd_fail(c, where, HL_ENOTFOUND, "no pipe '%s' in the network",
                       id);
    int i = m->def->lk_sub[k];
    double u, lin, amb, ud;
    if (cell(c, t, r, col[1], "u_w_per_m2k", &u) ||
        cell(c, t, r, col[2], "heat_loss_coefficient_w_per_mk", &lin) ||
        cell(c, t, r, col[3], "ambient_temp_c", &amb) ||
        cell(c, t, r, col[4], "u_diameter_mm", &ud))
        return m->err.code;
    if (!isnan(u) && !isnan(lin))
        return rd_fail(c, where, HL_EPARSE,
                       "pipe '%s': give u_w_per_m2k or "
                       "heat_loss_coefficient_w_per_mk, not both",
                       id);
    if ((!isnan(u) && !(u >= 0.0)) || (!isnan(lin) && !(lin >= 0.0)))
        return rd_fail(c, where, HL_ERANGE,
                       "pipe '%s': heat-transfer "
                       "coefficient must be >= 0",
                       id);
    if (!isnan(u)) {
        m->def->pp_ht[i] = u > 0.0 ? HT_U : HT_NONE;
        m->def->pp_htv[i] = u;
        m->def->pp_ud[i] = isnan(ud) ? m->def->pp_d[i] : ud * 1e-3;
    } else if (!isnan(lin)) {
        m->def->pp_ht[i] = lin > 0.0 ? HT_LINEAR : HT_NONE;
        m->def->pp_htv[i] = lin;
    }
    if (!isnan(amb)) {
        m->def->pp_surround[i] = SURR_FIXED;
        m->def->pp_tfix[i] = amb + HL_ZERO_C_K;
    }
    return HL_OK;
}

int inp_thermal_csv(rd_ctx *c, const char *path)
{
    csv_table t;
    memset(&t, 0, sizeof t);
    hl_error err;
    hl_error_clear(&err);
    if (csv_table_load(path, &t, &err))
        return net_fail(c->m, err.code, "%s", err.message);
    int saved = c->origin;
    c->origin = net_origin(c->m, path);
    int col[5] = {csv_table_require(&t, "id", &err),
                  csv_table_col(&t, "u_w_per_m2k"),
                  csv_table_col(&t, "heat_loss_coefficient_w_per_mk"),
                  csv_table_col(&t, "ambient_temp_c"),
                  csv_table_col(&t, "u_diameter_mm")};
    int rc = col[0] < 0 ? net_fail(c->m, err.code, "%s", err.message) : 0;
    for (int r = 0; r < t.n_rows && !rc; r++)
        rc = apply_row(c, &t, r, col);
    c->origin = saved;
    csv_table_free(&t);
    return rc ? c->m->err.code : HL_OK;
}
