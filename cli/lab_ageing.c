/*
 * lab_ageing.c - `heatline lab ageing RUNS.csv`: lambda retention and mass
 * change per boiling cycle (or hour at temperature), a verdict against the
 * limit, and the materials ranked by aged lambda at the design
 * temperature.
 */
#include "lab_cli.h"
#include "help/help.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

#define ACMD "lab ageing"
#define C(k) ((k)-HL_ZERO_C_K)

enum { O_DESIGN = 256, O_LIMIT, O_COEF, O_JSON, O_HELP };

static const struct option options[] = {
    {"design-temp", required_argument, 0, O_DESIGN},
    {"limit", required_argument, 0, O_LIMIT},
    {"coefficients", required_argument, 0, O_COEF},
    {"json", no_argument, 0, O_JSON},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

typedef struct ageing_args {
    const char *file;
    hl_lab_ageing_options opt;
    int coef_set, json;
} ageing_args;

static int take_option(int c, const char *v, ageing_args *a)
{
    switch (c) {
    case O_DESIGN:
        return lab_temperature(ACMD, "--design-temp", v, &a->opt.design_k)
                   ? 0
                   : EXIT_USAGE;
    case O_LIMIT:
        return cli_quantity(ACMD, "--limit", v, HL_Q_PERCENT, &a->opt.limit_pct)
                   ? 0
                   : EXIT_USAGE;
    case O_COEF:
        return lab_coef_set(ACMD, v, &a->coef_set) ? 0 : EXIT_USAGE;
    case O_JSON:
        a->json = 1;
        return 0;
    }
    return EXIT_USAGE;
}

static int take(void *ctx, int c, const char *v)
{
    return take_option(c, v, ctx);
}

static int parse_args(int argc, char **argv, ageing_args *a)
{
    memset(a, 0, sizeof *a);
    a->opt.design_k = NAN;
    int rc = cli_options(ACMD, argc, argv, options, take, a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("lab ageing", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    if (cli_operand(ACMD, argc, argv, &a->file) != CLI_GO_ON)
        return EXIT_USAGE;
    if (!a->file)
        return cli_fail(ACMD, "expected the runs file (heatline lab ageing "
                              "RUNS.csv)");
    return -1;
}

static const char *verdict(int pass)
{
    return pass ? "pass" : "FAIL";
}

static void print_groups(const hl_lab_data *d, const hl_lab_ageing *r)
{
    const char *unit = d->age_by_hours ? "hours" : "cycles";
    printf("\n  %-18s %8s %7s %5s %10s %9s %9s %8s %6s %7s\n", "material",
           "thick mm", unit, "runs", "lambda", "u", "change %", "mass %",
           "delam", "verdict");
    for (int i = 0; i < r->n_groups; i++) {
        const hl_lab_age_group *g = &r->groups[i];
        printf("  %-18s %8.2f %7g %5d %10.5f %9.5f %+9.2f ", g->material,
               g->thickness_m * 1e3, g->cycles, g->n, g->lambda_design,
               g->u_lambda_design, g->increase_pct);
        if (isfinite(g->mass_change_pct))
            printf("%+8.2f", g->mass_change_pct);
        else
            printf("%8s", "-");
        printf(" %6s %7s\n", g->delaminated ? "yes" : "no", verdict(g->pass));
    }
}

static void print_material(const hl_lab_age_material *m)
{
    printf("  %4d %-18s %6g %9.5f %8.5f %+8.3f %+7.2f %6.2f ", m->rank,
           m->material, m->max_cycles, m->aged_lambda, m->u_aged_lambda,
           m->increase_pct_per_cycle, m->trend_increase_pct,
           m->u_trend_increase_pct);
    if (isfinite(m->mass_change_pct_per_cycle))
        printf("%+8.3f", m->mass_change_pct_per_cycle);
    else
        printf("%8s", "-");
    printf(" %+7.2f %s%s%s\n", m->worst_increase_pct, verdict(m->pass),
           m->marginal ? " (marginal)" : "",
           m->delaminated ? " (delaminated)" : "");
}

static void print_ranking(const hl_lab_data *d, const hl_lab_ageing *r)
{
    const char *unit = d->age_by_hours ? "hour" : "cycle";
    printf("\n  ranking by aged lambda at %g C after the most %ss; verdict "
           "from the trend\n  (change per %s through all thicknesses, "
           "times the most %ss) and delamination:\n",
           C(r->design_k), unit, unit, unit);
    printf("  %4s %-18s %6s %9s %8s %8s %7s %6s %8s %7s %s\n", "rank",
           "material", d->age_by_hours ? "hours" : "cycles", "lambda", "u",
           "%/unit", "trend %", "u", "mass %/u", "worst %", "verdict");
    for (int k = 0; k < r->n_materials; k++)
        print_material(&r->materials[k]);
}

static int print_text(const hl_lab_data *d, const hl_lab_ageing *r)
{
    printf("%s: %s runs", d->origin, hl_lab_setup_name(d->setup));
    if (d->setup == HL_LAB_COMPARISON)
        printf(", outer coefficients %s", hl_coef_set_name(d->coef_set));
    printf("\nlambda compared at %g C; pass: increase below %g %% and no "
           "delamination\n(group verdicts judge one group's mean; the "
           "material verdict judges the trend)\n",
           C(r->design_k), r->limit_pct);
    print_groups(d, r);
    print_ranking(d, r);
    return 0;
}

static json_t *groups_json(const hl_lab_ageing *r)
{
    json_t *arr = json_array();
    for (int i = 0; i < r->n_groups; i++) {
        const hl_lab_age_group *g = &r->groups[i];
        json_t *o = json_object();
        json_object_set_new(o, "material", json_string(g->material));
        json_object_set_new(o, "thickness_mm",
                            cli_json_number(g->thickness_m * 1e3));
        json_object_set_new(o, "age", cli_json_number(g->cycles));
        json_object_set_new(o, "runs", json_integer(g->n));
        json_object_set_new(o, "lambda", cli_json_number(g->lambda_design));
        json_object_set_new(o, "u_lambda", cli_json_number(g->u_lambda_design));
        json_object_set_new(o, "lambda_increase_pct",
                            cli_json_number(g->increase_pct));
        json_object_set_new(o, "u_lambda_increase_pct",
                            cli_json_number(g->u_increase_pct));
        json_object_set_new(o, "mass_g", cli_json_number(g->mass_g));
        json_object_set_new(o, "mass_change_pct",
                            cli_json_number(g->mass_change_pct));
        json_object_set_new(o, "delaminated", json_boolean(g->delaminated));
        json_object_set_new(o, "pass", json_boolean(g->pass));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *materials_json(const hl_lab_ageing *r)
{
    json_t *arr = json_array();
    for (int k = 0; k < r->n_materials; k++) {
        const hl_lab_age_material *m = &r->materials[k];
        json_t *o = json_object();
        json_object_set_new(o, "rank", json_integer(m->rank));
        json_object_set_new(o, "material", json_string(m->material));
        json_object_set_new(o, "max_age", cli_json_number(m->max_cycles));
        json_object_set_new(o, "aged_lambda", cli_json_number(m->aged_lambda));
        json_object_set_new(o, "u_aged_lambda",
                            cli_json_number(m->u_aged_lambda));
        json_object_set_new(o, "lambda_increase_pct_per_unit",
                            cli_json_number(m->increase_pct_per_cycle));
        json_object_set_new(o, "u_lambda_increase_pct_per_unit",
                            cli_json_number(m->u_increase_pct_per_cycle));
        json_object_set_new(o, "trend_increase_pct",
                            cli_json_number(m->trend_increase_pct));
        json_object_set_new(o, "u_trend_increase_pct",
                            cli_json_number(m->u_trend_increase_pct));
        json_object_set_new(o, "marginal", json_boolean(m->marginal));
        json_object_set_new(o, "mass_change_pct_per_unit",
                            cli_json_number(m->mass_change_pct_per_cycle));
        json_object_set_new(o, "worst_increase_pct",
                            cli_json_number(m->worst_increase_pct));
        json_object_set_new(o, "delaminated", json_boolean(m->delaminated));
        json_object_set_new(o, "pass", json_boolean(m->pass));
        json_array_append_new(arr, o);
    }
    return arr;
}

static int print_json(const hl_lab_data *d, const hl_lab_ageing *r)
{
    json_t *root = json_object();
    json_object_set_new(root, "file", json_string(d->origin));
    json_object_set_new(root, "setup",
                        json_string(hl_lab_setup_name(d->setup)));
    json_object_set_new(root, "age_unit",
                        json_string(d->age_by_hours ? "hours" : "cycles"));
    json_object_set_new(root, "design_temp_c", cli_json_number(C(r->design_k)));
    json_object_set_new(root, "limit_pct", cli_json_number(r->limit_pct));
    json_object_set_new(root, "groups", groups_json(r));
    json_object_set_new(root, "ranking", materials_json(r));
    return cli_json_print(root);
}

int lab_ageing(int argc, char **argv)
{
    ageing_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    hl_lab_data d;
    if (!lab_read(ACMD, a.file, a.coef_set, &d))
        return EXIT_USAGE;
    hl_lab_ageing r;
    hl_error err;
    hl_error_clear(&err);
    if (hl_lab_ageing_analyse(&d, &a.opt, &r, &err)) {
        hl_lab_data_free(&d);
        return cli_fail(ACMD, "%s", err.message);
    }
    rc = a.json ? print_json(&d, &r) : print_text(&d, &r);
    hl_lab_ageing_free(&r);
    hl_lab_data_free(&d);
    return rc;
}
