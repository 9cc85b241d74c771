/*
 * run_verdict.c - the verdict of a solved model as `heatline run` (and
 * `season`) show it: the INFEASIBLE block that opens the text summary
 * (every violated hard limit and where), the static-pressure lines
 * (pumps stopped), and the same as JSON (`feasible`, `violations`,
 * `static`). The exit status of an infeasible state is EXIT_INFEASIBLE.
 */
#include "run.h"
#include "util/json_out.h"

#define T(english) hl_text(cli_lang, english)

#include <math.h>
#include <stdio.h>

#define BAR(p) ((p) / 1e5)

/* Violations shown in the text; the JSON lists all. */
#define TEXT_MAX 100

int run_feasible(hl_model *m)
{
    int ok = 1;
    return hl_model_feasible(m, &ok) ? 1 : ok;
}

void run_print_infeasible(hl_model *m, FILE *f)
{
    int n = hl_model_violation_count(m);
    if (run_feasible(m))
        return;
    int by_kind[HL_VIOL_KINDS] = {0};
    fprintf(f,
            n == 1 ? T("INFEASIBLE: the solve converged, but the state "
                       "violates %d hard limit\n")
                   : T("INFEASIBLE: the solve converged, but the state "
                       "violates %d hard limits\n"),
            n);
    for (int i = 0; i < n; i++) {
        hl_violation v;
        if (hl_model_violation(m, i, &v))
            continue;
        by_kind[v.kind]++;
        if (i >= TEXT_MAX)
            continue;
        char text[512];
        hl_violation_describe(&v, text, sizeof text);
        fprintf(f, "  [%s] %s\n", hl_violation_kind_name(v.kind), text);
    }
    if (n > TEXT_MAX) {
        fprintf(f, T("  ... %d more (--json lists all); by kind:"),
                n - TEXT_MAX);
        for (int k = 0; k < HL_VIOL_KINDS; k++)
            if (by_kind[k])
                fprintf(f, " %s %d", hl_violation_kind_name(k), by_kind[k]);
        fputc('\n', f);
    }
    fputc('\n', f);
}

void run_print_static(hl_model *m)
{
    hl_static_result s;
    if (hl_model_static_check(m, &s) || s.node < 0)
        return;
    hl_check_limits lim;
    hl_model_check_limits(m, &lim);
    printf("%s", T("\nStatic pressure (pumps stopped)\n"));
    printf(T("  lowest margin above boiling %.3f bar at node %s (wanted %.2f "
             "bar)\n"),
           BAR(s.min_margin_pa), hl_model_id(m, HL_NODE, s.node),
           BAR(lim.static_margin_pa));
    for (int i = 0; i < s.n_references; i++) {
        hl_static_reference r;
        hl_node_result nr;
        if (hl_model_static_reference(m, i, &r) ||
            hl_model_node_result(m, r.node, &nr))
            continue;
        printf(T("  %-14s holds %7.2f bar(g), static head %8.1f m: least "
                 "margin %7.3f bar at %s"),
               hl_model_id(m, HL_NODE, r.node), BAR(nr.pressure_pa),
               r.static_head_m, BAR(r.min_margin_pa),
               r.worst_node >= 0 ? hl_model_id(m, HL_NODE, r.worst_node) : "-");
        if (r.raise_needed_pa > 0.0)
            printf(T("; needs %.2f bar more"), BAR(r.raise_needed_pa));
        printf("\n");
    }
}

void run_json_violations(json_out *w, hl_model *m)
{
    json_out_array(w, "violations");
    for (int i = 0; i < hl_model_violation_count(m); i++) {
        hl_violation v;
        if (hl_model_violation(m, i, &v))
            continue;
        json_out_object(w, NULL);
        json_out_string(w, "kind", hl_violation_kind_name(v.kind));
        json_out_string(w, "element", v.element_id);
        json_out_real(w, "value", v.value);
        json_out_real(w, "limit", v.limit);
        json_out_string(w, "unit", v.unit);
        json_out_close(w);
    }
    json_out_close(w);
}

static const char *node_or_null(hl_model *m, int node)
{
    return node >= 0 ? hl_model_id(m, HL_NODE, node) : NULL;
}

void run_json_static(json_out *w, hl_model *m)
{
    hl_static_result s;
    if (hl_model_static_check(m, &s)) {
        json_out_null(w, "static");
        return;
    }
    json_out_object(w, "static");
    json_out_real(w, "min_margin_bar", BAR(s.min_margin_pa));
    json_out_string(w, "node", node_or_null(m, s.node));
    json_out_array(w, "references");
    for (int i = 0; i < s.n_references; i++) {
        hl_static_reference r;
        if (hl_model_static_reference(m, i, &r))
            continue;
        json_out_object(w, NULL);
        json_out_string(w, "node", hl_model_id(m, HL_NODE, r.node));
        json_out_real(w, "static_head_m", r.static_head_m);
        json_out_real(w, "min_margin_bar", BAR(r.min_margin_pa));
        json_out_string(w, "worst_node", node_or_null(m, r.worst_node));
        json_out_real(w, "raise_needed_bar", BAR(r.raise_needed_pa));
        json_out_close(w);
    }
    json_out_close(w);
    json_out_close(w);
}
