/*
 * report.c - the loop's state as one self-contained HTML page. It formats
 * what the register holds (predictions were made when the rows came in);
 * it runs no engine.
 */
#include "io/io.h"
#include "register/register_internal.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void html_table(FILE *f, const char *title, const hl_register_table *t)
{
    fprintf(f, "<h2>");
    html_escape(f, title);
    fprintf(f, "</h2>\n<table>\n<tr>");
    for (int c = 0; c < t->n_cols; c++) {
        fputs("<th>", f);
        html_escape(f, t->header[c]);
        fputs("</th>", f);
    }
    fputs("</tr>\n", f);
    for (int i = 0; i < t->n_rows; i++) {
        fputs("<tr>", f);
        for (int c = 0; c < t->n_cols; c++) {
            fputs("<td>", f);
            html_escape(f, t->cell[(size_t)i * (size_t)t->n_cols + (size_t)c]);
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    if (t->n_rows == 0)
        fprintf(f, "<tr><td colspan=\"%d\">none</td></tr>\n", t->n_cols);
    fputs("</table>\n", f);
}

static void summary(FILE *f, const hl_register_status *s)
{
    fputs("<h1>Retrofit register: ", f);
    html_escape(f, s->model);
    fputs("</h1>\n<h2>The loop, stage by stage</h2>\n<table>\n<tr>", f);
    for (int k = 0; k < HL_ITEM_NSTATES; k++)
        fprintf(f, "<th>%s</th>", hl_item_state_name(k));
    fputs("</tr>\n<tr>", f);
    for (int k = 0; k < HL_ITEM_NSTATES; k++)
        fprintf(f, "<td>%d</td>", s->items[k]);
    fprintf(f,
            "</tr>\n</table>\n<p>%d chambers, %d fittings, %lld inspections, "
            "%lld open findings. Heat saved per season: %.1f GJ verified of "
            "%.1f GJ planned.</p>\n",
            s->chambers, s->fittings, s->inspections, s->findings_open,
            s->heat_saved_verified_j / 1e9, s->heat_saved_planned_j / 1e9);
}

static const char *const queries[3][2] = {
    {"Oldest open items",
     "SELECT f.id AS fitting, f.chamber_id AS chamber, f.state,"
     " f.state_since AS since, (SELECT kind FROM findings n WHERE"
     " n.fitting_id = f.id AND n.closed = 0 ORDER BY n.id LIMIT 1) AS finding"
     " FROM fittings f WHERE f.state IN ('open', 'failed')"
     " ORDER BY f.state_since, f.id LIMIT 20"},
    {"Measured against predicted (latest inspection of each fitting)",
     "SELECT f.id AS fitting, f.chamber_id AS chamber, i.date, i.cover,"
     " printf('%.1f', i.water_k - 273.15) AS water_c,"
     " printf('%.1f', i.hottest_k - 273.15) AS measured_c,"
     " printf('%.1f', i.predicted_hottest_k - 273.15) AS predicted_c,"
     " printf('%+.1f', i.diff_k) AS diff_k,"
     " printf('%.0f', i.predicted_loss_w) AS predicted_loss_w,"
     " CASE i.flagged WHEN 1 THEN 'flagged' ELSE '' END AS flag, f.state"
     " FROM fittings f JOIN inspections i ON i.id = (SELECT max(id) FROM"
     " inspections WHERE fitting_id = f.id) ORDER BY f.model_index"},
    {"Heat saved per season, chamber by chamber",
     "SELECT c.id AS chamber, printf('%.0f', c.chainage_m) AS chainage_m,"
     " count(f.id) AS fittings,"
     " sum(f.state = 'verified') AS verified,"
     " printf('%.2f', total(CASE WHEN f.state = 'verified' THEN"
     " d.heat_saved_j END) / 1e9) AS verified_gj,"
     " printf('%.2f', total(CASE WHEN f.state IN ('decided', 'done',"
     " 'verified') THEN d.heat_saved_j END) / 1e9) AS planned_gj"
     " FROM chambers c JOIN fittings f ON f.chamber_id = c.id"
     " LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE"
     " fitting_id = f.id) GROUP BY c.id ORDER BY c.chainage_m, c.id"}};

static int write_page(hl_register *r, FILE *f, hl_error *err)
{
    hl_register_status s;
    int rc = hl_register_status_get(r, &s, err);
    if (rc)
        return rc;
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<title>heatline register</title><style>body{font-family:sans-"
          "serif;margin:2em}table{border-collapse:collapse;margin-bottom:"
          "1em}td,th{border:1px solid #bbb;padding:2px 6px;text-align:"
          "right}th{background:#eee}</style></head><body>\n",
          f);
    summary(f, &s);
    for (int q = 0; !rc && q < 3; q++) {
        hl_register_table t;
        if ((rc = reg_table_query(r, queries[q][1], NULL, &t, err)) == HL_OK)
            html_table(f, queries[q][0], &t);
        hl_register_table_free(&t);
    }
    fputs("<p>Made by heatline register from the register file; "
          "temperatures in C, predictions by the model kept in it.</p>\n"
          "</body></html>\n",
          f);
    return rc;
}

int hl_register_report(hl_register *r, const char *path, hl_error *err)
{
    if (!r || !path)
        return hl_error_set(err, HL_EINVAL, "register report: NULL argument");
    atomic_file a;
    int rc = atomic_open(&a, path, err);
    if (rc)
        return rc;
    rc = reg_exec(r, "BEGIN", err); /* one snapshot for the whole page */
    if (!rc)
        rc = write_page(r, a.f, err);
    reg_rollback(r);
    if (rc) {
        atomic_abort(&a);
        return rc;
    }
    return atomic_commit(&a, err);
}
