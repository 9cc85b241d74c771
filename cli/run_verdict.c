/*
 * run_verdict.c - the verdict of a solved model as `heatline run` (and
 * `season`) show it: the INFEASIBLE block that opens the text summary
 * (every violated hard limit and where), the static-pressure lines
 * (pumps stopped), and the same as JSON (`feasible`, `violations`,
 * `static`). The exit status of an infeasible state is EXIT_INFEASIBLE.
 */
#include "run.h"

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
            "INFEASIBLE: the solve converged, but the state violates %d "
            "hard limit%s\n",
            n, n == 1 ? "" : "s");
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
        fprintf(f, "  ... %d more (--json lists all); by kind:", n - TEXT_MAX);
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
    printf("\nStatic pressure (pumps stopped)\n");
    printf("  lowest margin above boiling %.3f bar at node %s (wanted %.2f "
           "bar)\n",
           BAR(s.min_margin_pa), hl_model_id(m, HL_NODE, s.node),
           BAR(lim.static_margin_pa));
    for (int i = 0; i < s.n_references; i++) {
        hl_static_reference r;
        hl_node_result nr;
        if (hl_model_static_reference(m, i, &r) ||
            hl_model_node_result(m, r.node, &nr))
            continue;
        printf("  %-14s holds %7.2f bar(g), static head %8.1f m: least "
               "margin %7.3f bar at %s",
               hl_model_id(m, HL_NODE, r.node), BAR(nr.pressure_pa),
               r.static_head_m, BAR(r.min_margin_pa),
               r.worst_node >= 0 ? hl_model_id(m, HL_NODE, r.worst_node) : "-");
        if (r.raise_needed_pa > 0.0)
            printf("; needs %.2f bar more", BAR(r.raise_needed_pa));
        printf("\n");
    }
}

json_t *run_json_violations(hl_model *m)
{
    json_t *a = json_array();
    for (int i = 0; i < hl_model_violation_count(m); i++) {
        hl_violation v;
        if (hl_model_violation(m, i, &v))
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "kind",
                            json_string(hl_violation_kind_name(v.kind)));
        json_object_set_new(o, "element", json_string(v.element_id));
        json_object_set_new(o, "value", cli_json_number(v.value));
        json_object_set_new(o, "limit", cli_json_number(v.limit));
        json_object_set_new(o, "unit", json_string(v.unit));
        json_array_append_new(a, o);
    }
    return a;
}

json_t *run_json_static(hl_model *m)
{
    hl_static_result s;
    if (hl_model_static_check(m, &s))
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "min_margin_bar",
                        cli_json_number(BAR(s.min_margin_pa)));
    json_object_set_new(o, "node",
                        s.node >= 0
                            ? json_string(hl_model_id(m, HL_NODE, s.node))
                            : json_null());
    json_t *refs = json_array();
    for (int i = 0; i < s.n_references; i++) {
        hl_static_reference r;
        if (hl_model_static_reference(m, i, &r))
            continue;
        json_t *x = json_object();
        json_object_set_new(x, "node",
                            json_string(hl_model_id(m, HL_NODE, r.node)));
        json_object_set_new(x, "static_head_m",
                            cli_json_number(r.static_head_m));
        json_object_set_new(x, "min_margin_bar",
                            cli_json_number(BAR(r.min_margin_pa)));
        json_object_set_new(x, "worst_node",
                            r.worst_node >= 0 ? json_string(hl_model_id(
                                                    m, HL_NODE, r.worst_node))
                                              : json_null());
        json_object_set_new(x, "raise_needed_bar",
                            cli_json_number(BAR(r.raise_needed_pa)));
        json_array_append_new(refs, x);
    }
    json_object_set_new(o, "references", refs);
    return o;
}
