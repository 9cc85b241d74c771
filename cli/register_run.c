/*
 * register_run.c - the subcommands of `heatline register`: open (or make)
 * the register, call the library, print. Temperatures in C, energies in
 * GJ, money in CNY at this edge.
 */
#include "cli.h"
#include "register_cli.h"

#include <math.h>
#include <string.h>

static void options_of(const reg_args *a, hl_register_options *o)
{
    hl_register_options_init(o);
    o->who = a->by;
    if (!isnan(a->threshold_k))
        o->flag_k = a->threshold_k;
    if (!isnan(a->limit_c))
        o->limit_k = a->limit_c + HL_ZERO_C_K;
    if (!isnan(a->tolerance_pct))
        o->loss_tolerance = a->tolerance_pct / 100.0;
}

static void print_table(const hl_register_table *t)
{
    for (int c = 0; c < t->n_cols; c++)
        printf("%s%s", c ? "\t" : "", t->header[c]);
    putchar('\n');
    for (int i = 0; i < t->n_rows; i++)
        for (int c = 0; c < t->n_cols; c++)
            printf("%s%s", t->cell[(size_t)i * (size_t)t->n_cols + (size_t)c],
                   c + 1 < t->n_cols ? "\t" : "\n");
}

static int print_status(const hl_register_status *s,
                        const hl_register_table *old, int json)
{
    if (json) {
        json_t *o = json_object(), *items = json_object(),
               *oldest = json_array();
        for (int k = 0; k < HL_ITEM_NSTATES; k++)
            json_object_set_new(items, hl_item_state_name(k),
                                json_integer(s->items[k]));
        for (int i = 0; i < old->n_rows; i++) {
            char **c = old->cell + (size_t)i * 3;
            json_array_append_new(oldest,
                                  json_pack("{s:s,s:s,s:s}", "item", c[0],
                                            "since", c[1], "state", c[2]));
        }
        json_object_set_new(o, "schema_version",
                            json_integer(s->schema_version));
        json_object_set_new(o, "model", json_string(s->model));
        json_object_set_new(o, "chambers", json_integer(s->chambers));
        json_object_set_new(o, "fittings", json_integer(s->fittings));
        json_object_set_new(o, "items", items);
        json_object_set_new(o, "inspections", json_integer(s->inspections));
        json_object_set_new(o, "findings_open", json_integer(s->findings_open));
        json_object_set_new(o, "history_rows", json_integer(s->history_rows));
        json_object_set_new(o, "heat_saved_verified_gj",
                            cli_json_number(s->heat_saved_verified_j / 1e9));
        json_object_set_new(o, "heat_saved_planned_gj",
                            cli_json_number(s->heat_saved_planned_j / 1e9));
        json_object_set_new(o, "oldest_open", oldest);
        return cli_json_print(o);
    }
    printf("register of %s: %d chambers, %d fittings, %lld inspections, "
           "%lld open findings\n",
           s->model, s->chambers, s->fittings, s->inspections,
           s->findings_open);
    for (int k = 0; k < HL_ITEM_NSTATES; k++)
        printf("  %-9s %6d\n", hl_item_state_name(k), s->items[k]);
    printf("heat saved per season: %.1f GJ verified of %.1f GJ planned\n",
           s->heat_saved_verified_j / 1e9, s->heat_saved_planned_j / 1e9);
    for (int i = 0; i < old->n_rows; i++) {
        char **c = old->cell + (size_t)i * 3;
        printf("  oldest %-6s %s since %s\n", c[2], c[0], c[1]);
    }
    return 0;
}

static int run_status(hl_register *r, int json, hl_error *err)
{
    hl_register_status st;
    hl_register_table old;
    int rc = hl_register_status_get(r, &st, err);
    if (!rc)
        rc = hl_register_oldest_open(r, 10, &old, err);
    if (rc)
        return rc;
    rc = print_status(&st, &old, json);
    hl_register_table_free(&old);
    return rc;
}

static int run_options(hl_register *r, const reg_args *a, hl_error *err)
{
    hl_register_option *o;
    int n;
    if (hl_register_options_for(r, a->operand, &o, &n, err))
        return err->code;
    printf("options for %s (season: embedded Hohhot year; design hour: the "
           "model's)\n",
           a->operand);
    printf("%-34s %9s %9s %6s %10s %10s %8s\n", "option", "saved_gj",
           "surface_c", "burn", "loss_w", "cost_cny", "payback");
    for (int i = 0; i < n; i++)
        printf("%-34s %9.2f %9.1f %6s %10.0f %10.0f %8.1f\n", o[i].spec,
               o[i].heat_saved_j / 1e9, o[i].surface_k - HL_ZERO_C_K,
               o[i].verdict ? "FAIL" : "pass", o[i].loss_w, o[i].cost_cny,
               isfinite(o[i].payback_years) ? o[i].payback_years : -1.0);
    free(o);
    return 0;
}

static int run_import(hl_register *r, const reg_args *a, int verify,
                      hl_error *err)
{
    hl_register_options o;
    hl_register_import_result res;
    options_of(a, &o);
    int rc = verify ? hl_register_verify(r, a->operand, &o, &res, err)
                    : hl_register_import(r, a->operand, &o, &res, err);
    if (rc)
        return rc;
    if (!verify) {
        printf("batch %lld: %d inspections, %d new findings\n", res.batch,
               res.rows, res.findings);
        return 0;
    }
    printf("batch %lld: %d re-inspections, %d verified, %d failed\n", res.batch,
           res.rows, res.passed, res.failed);
    return res.failed ? 1 : 0;
}

static int run_decide_work(hl_register *r, const reg_args *a, hl_error *err)
{
    hl_register_options o;
    options_of(a, &o);
    int n = 0, rc;
    if (strcmp(a->sub, "decide") == 0) {
        hl_register_decision d = {a->option, a->by, a->why, a->date};
        if ((rc = hl_register_decide(r, a->operand, &d, &o, &n, err)) == 0)
            printf("decided %s for %d fitting(s) of %s\n", a->option, n,
                   a->operand);
        return rc;
    }
    hl_register_work w = {
        a->date,    a->crew, a->material, a->batch, a->thickness_mm / 1e3,
        a->cost_cny};
    if ((rc = hl_register_record_work(r, a->operand, &w, &o, &n, err)) == 0)
        printf("work recorded on %d fitting(s) of %s\n", n, a->operand);
    return rc;
}

static int run_sub(hl_register *r, const reg_args *a, hl_error *err)
{
    const char *s = a->sub;
    hl_register_table t;
    int rc;
    if (strcmp(s, "import-inspections") == 0 || strcmp(s, "verify") == 0)
        return run_import(r, a, strcmp(s, "verify") == 0, err);
    if (strcmp(s, "decide") == 0 || strcmp(s, "work") == 0)
        return run_decide_work(r, a, err);
    if (strcmp(s, "options") == 0)
        return run_options(r, a, err);
    if (strcmp(s, "status") == 0)
        return run_status(r, a->json, err);
    if (strcmp(s, "findings") == 0 || strcmp(s, "history") == 0) {
        rc = s[0] == 'f' ? hl_register_findings(r, &t, err)
                         : hl_register_history(r, a->operand, &t, err);
        if (!rc)
            print_table(&t);
        hl_register_table_free(&t);
        return rc;
    }
    if (strcmp(s, "export") == 0)
        return hl_register_export(r, a->operand, err);
    return hl_register_report(r, a->operand, err);
}

int register_run(const reg_args *a)
{
    hl_register *r = NULL;
    hl_error err;
    hl_error_clear(&err);
    int init = strcmp(a->sub, "init") == 0;
    int rc = init ? hl_register_init(&r, a->file, a->model, a->by, &err)
                  : hl_register_open(&r, a->file, &err);
    if (!rc && init)
        printf("%s: a new register of %s\n", a->file,
               a->model ? a->model : "the embedded default line");
    if (!rc && !init)
        rc = run_sub(r, a, &err);
    hl_register_close(r);
    if (rc == 1 && err.code == 0)
        return 1; /* verification found failed items */
    if (rc)
        return cli_fail("register", "%s",
                        err.message[0] ? err.message : hl_strerror(rc));
    return 0;
}
