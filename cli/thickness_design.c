/*
 * thickness_design.c - `heatline thickness` as 3E Plus users work: the
 * economic thickness (--economic, with the prices), the result rounded to
 * a commercial thickness (--round), and a table of thicknesses (--table
 * FROM:TO:STEP), each row the heat loss, surface temperature and, with the
 * prices, the annual costs. docs/cli.md, "heatline thickness".
 */
#include "cli.h"
#include "surface_args.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CMD "thickness"

void thickness_design_init(thickness_design *d)
{
    memset(d, 0, sizeof *d);
    d->costs.heat_price_cny_per_gj = 25.0; /* as heatline season's */
    d->costs.hours_per_year = 4392.0;      /* 183 days: the Hohhot season */
    d->costs.life_years = 10.0;
    d->costs.discount_rate = 0.08;
}

/* FROM:TO:STEP in mm, 0 <= FROM < TO, STEP > 0, at most 1000 rows. */
static int table_spec(const char *v, thickness_design *d)
{
    char buf[96], *b, *c;
    if (strlen(v) >= sizeof buf || !(b = strchr(strcpy(buf, v), ':')) ||
        !(c = strchr(b + 1, ':')))
        return !cli_fail(CMD, "--table '%s': expected FROM:TO:STEP in mm", v);
    *b = *c = '\0';
    double f, t, s;
    if (!cli_number(CMD, "--table FROM", buf, &f) ||
        !cli_number(CMD, "--table TO", b + 1, &t) ||
        !cli_number(CMD, "--table STEP", c + 1, &s))
        return 0;
    if (!(f >= 0 && t > f && t <= 2000 && s > 0 && (t - f) / s <= 1000))
        return !cli_fail(CMD,
                         "--table '%s': expected 0 <= FROM < TO <= 2000 mm "
                         "and STEP > 0 with at most 1000 rows",
                         v);
    d->table = 1;
    d->table_from_mm = f, d->table_to_mm = t, d->table_step_mm = s;
    return 1;
}

int thickness_design_option(const char *cmd, int code, const char *v,
                            thickness_design *d)
{
    hl_insulation_costs *c = &d->costs;
    switch (code) {
    case 0:
        d->economic = 1;
        return 1;
    case 1:
        return cli_quantity(cmd, "--heat-price", v, HL_Q_PRICE,
                            &c->heat_price_cny_per_gj);
    case 2:
        if (!cli_number(cmd, "--hours", v, &c->hours_per_year))
            return 0;
        if (!(c->hours_per_year > 0 && c->hours_per_year <= 8784))
            return !cli_fail(cmd, "--hours '%s': expected 0 < hours <= 8784",
                             v);
        return 1;
    case 3:
        d->have_insulation_cost = 1;
        return cli_quantity(cmd, "--insulation-cost", v, HL_Q_PRICE,
                            &c->insulation_cny_per_m3);
    case 4:
        return cli_quantity(cmd, "--life", v, HL_Q_YEARS, &c->life_years);
    case 5:
        if (!cli_quantity(cmd, "--discount-rate", v, HL_Q_RATE,
                          &c->discount_rate))
            return 0;
        if (c->discount_rate < 0)
            return !cli_fail(cmd, "--discount-rate '%s': expected >= 0", v);
        return 1;
    case 6:
        return cli_quantity(cmd, "--round", v, HL_Q_THICKNESS_MM, &d->round_mm);
    default:
        return table_spec(v, d);
    }
}

static const char *flow_unit(int shape)
{
    return shape == HL_SHAPE_PIPE     ? "W/m"
           : shape == HL_SHAPE_SPHERE ? "W"
                                      : "W/m2";
}

typedef struct design_run {
    const surface_args *a;
    double computed_m, thickness_m; /* before and after --round */
    int have_cost;
    hl_economic_point cost;
    int n_rows;
    hl_economic_point *row; /* the table, costs zero without prices */
    double *row_loss, *row_surface_c;
} design_run;

/* The goal's thickness: the target's least, or the least cost. */
static int solve_goal(surface_args *a, design_run *r, hl_surface_out *o)
{
    hl_error err;
    hl_error_clear(&err);
    int rc =
        a->design.economic
            ? hl_thickness_economic(&a->in, a->target.layer, &a->design.costs,
                                    a->target.max_thickness_m, &r->cost, o,
                                    &err)
            : hl_thickness_solve(&a->in, &a->target, &r->computed_m, o, &err);
    if (rc)
        return cli_fail(CMD, "%s", err.message);
    if (a->design.economic)
        r->computed_m = r->cost.thickness_m;
    r->thickness_m = r->computed_m;
    return 0;
}

static int cost_at(surface_args *a, double t, hl_economic_point *p,
                   hl_surface_out *o)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_economic_cost(&a->in, a->target.layer, &a->design.costs, t, p, o,
                         &err))
        return cli_fail(CMD, "%s", err.message);
    return 0;
}

/* --round: up to the next multiple for a target (which it still meets);
 * for the least cost, whichever neighbour multiple costs less. */
static int round_goal(surface_args *a, design_run *r, hl_surface_out *o)
{
    double step = a->design.round_mm * 1e-3;
    double up = ceil(r->computed_m / step - 1e-9) * step;
    double down = floor(r->computed_m / step + 1e-9) * step;
    r->thickness_m = up;
    if (a->design.economic && down < up) {
        hl_economic_point pu, pd;
        hl_surface_out ou;
        if (cost_at(a, up, &pu, &ou) || cost_at(a, down, &pd, o))
            return EXIT_USAGE;
        if (pd.total_cny_per_year <= pu.total_cny_per_year)
            r->thickness_m = down;
    }
    return 0;
}

static int solve_table(surface_args *a, design_run *r)
{
    thickness_design *d = &a->design;
    r->n_rows =
        (int)floor((d->table_to_mm - d->table_from_mm) / d->table_step_mm +
                   1e-9) +
        1;
    r->row = calloc((size_t)r->n_rows, sizeof *r->row);
    r->row_loss = calloc((size_t)r->n_rows, sizeof *r->row_loss);
    r->row_surface_c = calloc((size_t)r->n_rows, sizeof *r->row_surface_c);
    if (!r->row || !r->row_loss || !r->row_surface_c)
        return cli_fail(CMD, "out of memory");
    hl_insulation_costs free_insulation = d->costs;
    if (!d->have_insulation_cost)
        free_insulation.insulation_cny_per_m3 = 0.0;
    for (int i = 0; i < r->n_rows; i++) {
        double t = (d->table_from_mm + i * d->table_step_mm) * 1e-3;
        hl_surface_out o;
        hl_error err;
        hl_error_clear(&err);
        if (hl_economic_cost(&a->in, a->target.layer, &free_insulation, t,
                             &r->row[i], &o, &err))
            return cli_fail(CMD, "--table at %.1f mm: %s", t * 1e3,
                            err.message);
        r->row_loss[i] = o.heat_flow;
        r->row_surface_c[i] = o.surface_temp_k - HL_ZERO_C_K;
    }
    return 0;
}

static void print_costs_text(const design_run *r)
{
    const thickness_design *d = &r->a->design;
    const hl_insulation_costs *c = &d->costs;
    if (r->computed_m >= 0 && d->round_mm > 0)
        printf("  %-28s %10.2f mm, rounded to %g mm steps\n",
               "computed thickness", r->computed_m * 1e3, d->round_mm);
    if (r->have_cost)
        printf("  %-28s %10.2f CNY/year (insulation %.2f, heat %.2f)\n"
               "  %-28s heat %g CNY/GJ, %g h/year, insulation %g CNY/m3, "
               "%g years at %g %% (annuity %.5f)\n",
               "total cost", r->cost.total_cny_per_year,
               r->cost.insulation_cny_per_year, r->cost.heat_cny_per_year,
               "prices", c->heat_price_cny_per_gj, c->hours_per_year,
               c->insulation_cny_per_m3, c->life_years, 100 * c->discount_rate,
               hl_annuity_factor(c->discount_rate, c->life_years));
}

static void print_text(const void *ctx)
{
    const design_run *r = ctx;
    const thickness_design *d = &r->a->design;
    print_costs_text(r);
    if (!r->n_rows)
        return;
    printf("\n  %12s %14s %12s", "thickness mm", flow_unit(r->a->in.shape),
           "surface C");
    if (d->have_insulation_cost)
        printf(" %14s %14s %14s", "insul CNY/yr", "heat CNY/yr",
               "total CNY/yr");
    printf("\n");
    for (int i = 0; i < r->n_rows; i++) {
        printf("  %12.1f %14.2f %12.2f", r->row[i].thickness_m * 1e3,
               r->row_loss[i], r->row_surface_c[i]);
        if (d->have_insulation_cost)
            printf(" %14.2f %14.2f %14.2f", r->row[i].insulation_cny_per_year,
                   r->row[i].heat_cny_per_year, r->row[i].total_cny_per_year);
        printf("\n");
    }
}

static json_t *design_json(const design_run *r)
{
    const thickness_design *d = &r->a->design;
    json_t *j = json_object();
    if (r->computed_m >= 0)
        json_object_set_new(j, "computed_thickness_mm",
                            cli_json_number(r->computed_m * 1e3));
    if (d->round_mm > 0)
        json_object_set_new(j, "round_mm", cli_json_number(d->round_mm));
    if (r->have_cost) {
        json_t *e = json_object();
        json_object_set_new(e, "insulation_cny_per_year",
                            cli_json_number(r->cost.insulation_cny_per_year));
        json_object_set_new(e, "heat_cny_per_year",
                            cli_json_number(r->cost.heat_cny_per_year));
        json_object_set_new(e, "total_cny_per_year",
                            cli_json_number(r->cost.total_cny_per_year));
        json_object_set_new(e, "annuity_factor",
                            cli_json_number(hl_annuity_factor(
                                d->costs.discount_rate, d->costs.life_years)));
        json_object_set_new(j, "economic", e);
    }
    if (r->n_rows) {
        json_t *t = json_array();
        for (int i = 0; i < r->n_rows; i++) {
            json_t *row = json_object();
            json_object_set_new(row, "thickness_mm",
                                cli_json_number(r->row[i].thickness_m * 1e3));
            json_object_set_new(row, "heat_loss",
                                cli_json_number(r->row_loss[i]));
            json_object_set_new(row, "surface_temp_c",
                                cli_json_number(r->row_surface_c[i]));
            if (d->have_insulation_cost)
                json_object_set_new(
                    row, "total_cny_per_year",
                    cli_json_number(r->row[i].total_cny_per_year));
            json_array_append_new(t, row);
        }
        json_object_set_new(j, "table", t);
        json_object_set_new(j, "heat_loss_unit",
                            json_string(flow_unit(r->a->in.shape)));
    }
    return j;
}

static int run(surface_args *a, design_run *r)
{
    hl_surface_out o;
    memset(&o, 0, sizeof o);
    int goal = a->design.economic || a->design.have_target;
    int rc;
    if (goal) {
        if ((rc = solve_goal(a, r, &o)) ||
            (a->design.round_mm > 0 && (rc = round_goal(a, r, &o))))
            return rc;
        if (a->design.have_insulation_cost) {
            if ((rc = cost_at(a, r->thickness_m, &r->cost, &o)))
                return rc;
            r->have_cost = 1;
        } else {
            a->in.layer[a->target.layer].thickness_m = r->thickness_m;
            hl_error err;
            hl_error_clear(&err);
            if (hl_surface_solve(&a->in, &o, &err))
                return cli_fail(CMD, "%s", err.message);
        }
        a->in.layer[a->target.layer].thickness_m = r->thickness_m;
    }
    if (a->design.table && (rc = solve_table(a, r)))
        return rc;
    surface_extra extra = {design_json(r), print_text, r};
    if (!goal && a->json) /* only the table */
        return cli_json_print(extra.json);
    if (!goal) {
        json_decref(extra.json);
        print_text(r);
        return 0;
    }
    return surface_report(CMD, a, &o, r->thickness_m, &extra);
}

int thickness_design_run(surface_args *a)
{
    design_run r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.computed_m = r.thickness_m = -1.0;
    int rc = run(a, &r);
    free(r.row);
    free(r.row_loss);
    free(r.row_surface_c);
    return rc;
}
