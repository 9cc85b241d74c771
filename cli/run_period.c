/*
 * run_period.c - `heatline run NET.inp --period`: the extended period of
 * an EPANET .inp (hl_period_*, heatline_period.h), stepped through its
 * [TIMES] Duration as EPANET does, with the results at every reporting
 * time as a text table, one JSON object (--json) or CSV tables (--csv
 * DIR: period_nodes.csv, period_links.csv, period_tanks.csv). The whole
 * period is solved before anything is written: a failure at any time
 * leaves no partial output.
 */
#include "run.h"
#include "cli_outputs.h"

#include "util/json_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The links of the output: pipes, pumps, valves in that order. */
typedef struct link_ref {
    int kind, i;
} link_ref;

/* Results of one reporting time. */
typedef struct step_rec {
    double time_s;
    double *head, *dem;                /* per node: m, m3/s */
    double *flow, *vel, *rise, *power; /* per link: m3/s, m/s, m, W */
    signed char *open;                 /* per link */
    double *level, *inflow;            /* per tank: m, m3/s */
} step_rec;

typedef struct period_run {
    hl_model *m;
    hl_period *p;
    hl_period_times pt;
    int n_nodes, n_links, n_tanks;
    link_ref *links;
    double *z; /* node elevations */
    step_rec *rec;
    int n_rec;
    double *energy_kwh, *hours_on; /* per pump */
    double *power_now;             /* per pump, W at the last time */
    double last_t;
    int n_times;
    int n_infeasible;    /* hydraulic times whose state breaks a limit */
    double first_bad_t;  /* the first of them, s */
    char first_bad[200]; /* its first violation */
} period_run;

static const char *const kind_name[] = {"pipe", "pump", "valve"};

static int kind_of(int hl_kind)
{
    return hl_kind == HL_PIPE ? 0 : hl_kind == HL_PUMP ? 1 : 2;
}

static int setup(period_run *r)
{
    hl_model *m = r->m;
    r->n_nodes = hl_model_count(m, HL_NODE);
    int np = hl_model_count(m, HL_PIPE), nu = hl_model_count(m, HL_PUMP);
    int nv = hl_model_count(m, HL_VALVE);
    r->n_links = np + nu + nv;
    r->n_tanks = r->pt.n_tanks;
    r->links = malloc(sizeof *r->links * (size_t)(r->n_links + 1));
    r->z = malloc(sizeof *r->z * (size_t)(r->n_nodes + 1));
    r->energy_kwh = calloc((size_t)nu + 1, sizeof *r->energy_kwh);
    r->hours_on = calloc((size_t)nu + 1, sizeof *r->hours_on);
    r->power_now = calloc((size_t)nu + 1, sizeof *r->power_now);
    if (!r->links || !r->z || !r->energy_kwh || !r->hours_on || !r->power_now)
        return HL_ENOMEM;
    int at = 0;
    for (int i = 0; i < np; i++)
        r->links[at++] = (link_ref){HL_PIPE, i};
    for (int i = 0; i < nu; i++)
        r->links[at++] = (link_ref){HL_PUMP, i};
    for (int i = 0; i < nv; i++)
        r->links[at++] = (link_ref){HL_VALVE, i};
    return HL_OK;
}

static void rec_free(step_rec *s)
{
    free(s->head);
    free(s->dem);
    free(s->flow);
    free(s->vel);
    free(s->rise);
    free(s->power);
    free(s->open);
    free(s->level);
    free(s->inflow);
}

static void run_free(period_run *r)
{
    for (int i = 0; i < r->n_rec; i++)
        rec_free(&r->rec[i]);
    free(r->rec);
    free(r->links);
    free(r->z);
    free(r->energy_kwh);
    free(r->hours_on);
    free(r->power_now);
    hl_period_free(r->p);
    hl_model_free(r->m);
}

static void link_values(period_run *r, step_rec *s, int k)
{
    hl_model *m = r->m;
    link_ref l = r->links[k];
    double mflow = 0.0;
    s->vel[k] = s->rise[k] = s->power[k] = NAN;
    if (l.kind == HL_PIPE) {
        hl_pipe_result p;
        hl_model_pipe_result(m, l.i, &p);
        mflow = p.open ? p.mass_flow_kg_s : 0.0;
        s->vel[k] = p.open ? p.velocity_m_s : 0.0;
        s->open[k] = (signed char)p.open;
    } else if (l.kind == HL_PUMP) {
        hl_pump_result p;
        hl_model_pump_result(m, l.i, &p);
        mflow = p.running ? p.mass_flow_kg_s : 0.0;
        s->rise[k] = p.running ? p.head_m : 0.0;
        s->power[k] = p.running ? p.electric_w : 0.0;
        s->open[k] = (signed char)p.running;
    } else {
        hl_valve_result p;
        hl_model_valve_result(m, l.i, &p);
        mflow = p.open ? p.mass_flow_kg_s : 0.0;
        s->open[k] = (signed char)p.open;
    }
    s->flow[k] = mflow / r->pt.density_kg_m3;
}

/* The state of the model at this time into a new record. */
static int record(period_run *r, double t)
{
    step_rec *grown = realloc(r->rec, sizeof *grown * (size_t)(r->n_rec + 1));
    if (!grown)
        return HL_ENOMEM;
    r->rec = grown;
    step_rec *s = &r->rec[r->n_rec];
    memset(s, 0, sizeof *s);
    r->n_rec++;
    size_t nn = (size_t)r->n_nodes + 1, nl = (size_t)r->n_links + 1;
    size_t nt = (size_t)r->n_tanks + 1;
    s->head = malloc(nn * sizeof(double));
    s->dem = malloc(nn * sizeof(double));
    s->flow = malloc(nl * sizeof(double));
    s->vel = malloc(nl * sizeof(double));
    s->rise = malloc(nl * sizeof(double));
    s->power = malloc(nl * sizeof(double));
    s->open = malloc(nl);
    s->level = malloc(nt * sizeof(double));
    s->inflow = malloc(nt * sizeof(double));
    if (!s->head || !s->dem || !s->flow || !s->vel || !s->rise || !s->power ||
        !s->open || !s->level || !s->inflow)
        return HL_ENOMEM;
    s->time_s = t;
    double rho = r->pt.density_kg_m3;
    for (int i = 0; i < r->n_nodes; i++) {
        hl_node_result nr;
        hl_model_node_result(r->m, i, &nr);
        s->head[i] = nr.head_m;
        r->z[i] = nr.elevation_m;
        s->dem[i] = nr.demand_kg_s / rho;
    }
    for (int k = 0; k < r->n_links; k++)
        link_values(r, s, k);
    for (int i = 0; i < r->n_tanks; i++)
        hl_period_tank(r->p, i, NULL, &s->level[i], &s->inflow[i]);
    return HL_OK;
}

/* Pump energy over the step that ends at t (the power of its start). */
static void add_energy(period_run *r, double t)
{
    double dt = t - r->last_t;
    int nu = hl_model_count(r->m, HL_PUMP);
    for (int i = 0; i < nu; i++) {
        r->energy_kwh[i] += r->power_now[i] * dt / 3.6e6;
        r->hours_on[i] += r->power_now[i] > 0.0 ? dt / 3600.0 : 0.0;
        hl_pump_result p;
        hl_model_pump_result(r->m, i, &p);
        r->power_now[i] = p.running ? p.electric_w : 0.0;
    }
    r->last_t = t;
}

/* Counts the times whose solved state breaks a hard limit (issue 13's
 * verdict at each time) and keeps the first violation. */
static void verdict(period_run *r, double t)
{
    int feasible = 1;
    if (hl_model_feasible(r->m, &feasible) || feasible)
        return;
    if (r->n_infeasible++ == 0) {
        hl_violation v;
        r->first_bad_t = t;
        r->first_bad[0] = '\0';
        if (hl_model_violation(r->m, 0, &v) == HL_OK)
            hl_violation_describe(&v, r->first_bad, sizeof r->first_bad);
    }
}

static int step_all(period_run *r)
{
    int last = 0, reported;
    while (!last) {
        double t = NAN;
        int rc = hl_period_next(r->p, &t, &reported, &last);
        if (rc)
            return cli_fail("run", "--period: at %g h: %s", t / 3600.0,
                            hl_model_error(r->m));
        add_energy(r, t);
        r->n_times++;
        verdict(r, t);
        if (reported && record(r, t))
            return cli_fail("run", "--period: out of memory");
    }
    return 0;
}

static const char *clock_text(double t, char *buf, size_t cap)
{
    long s = (long)t;
    snprintf(buf, cap, "%ld:%02ld", s / 3600, s / 60 % 60);
    return buf;
}

/* ---- text ------------------------------------------------------------------
 */

#define MAX_COLS 6

static void summary(const run_args *a, period_run *r)
{
    hl_model *m = r->m;
    if (r->n_infeasible)
        printf("INFEASIBLE: %d of %d hydraulic times break a hard limit; the "
               "first at %g h: %s\n\n",
               r->n_infeasible, r->n_times, r->first_bad_t / 3600.0,
               r->first_bad);
    int nu = hl_model_count(m, HL_PUMP), np = hl_model_count(m, HL_PIPE);
    printf("%s\n  %s: extended period of %g h, hydraulic step %g min, "
           "report step %g min; %d tanks, %d controls; %d hydraulic times\n",
           hl_model_name(m)[0] ? hl_model_name(m) : "model", a->model,
           r->pt.duration_s / 3600.0, r->pt.hydraulic_step_s / 60.0,
           r->pt.report_step_s / 60.0, r->pt.n_tanks, r->pt.n_controls,
           r->n_times);
    printf("\n  time    demand L/s");
    for (int i = 0; i < r->n_tanks && i < MAX_COLS; i++) {
        int node;
        hl_period_tank(r->p, i, &node, NULL, NULL);
        printf("  tank %-6.6s m", hl_model_id(m, HL_NODE, node));
    }
    for (int i = 0; i < nu && i < MAX_COLS; i++)
        printf("  pump %-6.6s L/s", hl_model_id(m, HL_PUMP, i));
    printf("\n");
    for (int s = 0; s < r->n_rec; s++) {
        const step_rec *rec = &r->rec[s];
        char clk[32];
        double dem = 0.0;
        for (int i = 0; i < r->n_nodes; i++)
            dem += rec->dem[i] > 0.0 ? rec->dem[i] : 0.0;
        printf("  %6s  %10.2f", clock_text(rec->time_s, clk, sizeof clk),
               dem * 1e3);
        for (int i = 0; i < r->n_tanks && i < MAX_COLS; i++)
            printf("  %13.3f", rec->level[i]);
        for (int i = 0; i < nu && i < MAX_COLS; i++)
            printf("  %15.2f", rec->flow[np + i] * 1e3);
        printf("\n");
    }
    for (int i = 0; i < nu; i++)
        printf("  pump %s: %.1f h running, %.1f kWh\n",
               hl_model_id(m, HL_PUMP, i), r->hours_on[i], r->energy_kwh[i]);
    for (int i = 0; i < hl_model_warning_count(m); i++)
        printf("warning: %s\n", hl_model_warning(m, i));
}

/* ---- JSON ------------------------------------------------------------------
 */

static void json_times(json_out *o, const period_run *r)
{
    json_out_object(o, "period");
    json_out_real(o, "duration_s", r->pt.duration_s);
    json_out_real(o, "hydraulic_step_s", r->pt.hydraulic_step_s);
    json_out_real(o, "pattern_step_s", r->pt.pattern_step_s);
    json_out_real(o, "pattern_start_s", r->pt.pattern_start_s);
    json_out_real(o, "report_step_s", r->pt.report_step_s);
    json_out_real(o, "report_start_s", r->pt.report_start_s);
    json_out_real(o, "start_clock_s", r->pt.start_clock_s);
    json_out_int(o, "hydraulic_times", r->n_times);
    json_out_int(o, "infeasible_times", r->n_infeasible);
    if (r->n_infeasible) {
        json_out_real(o, "first_infeasible_s", r->first_bad_t);
        json_out_string(o, "first_violation", r->first_bad);
    } else {
        json_out_null(o, "first_infeasible_s");
        json_out_null(o, "first_violation");
    }
    json_out_close(o);
}

static void json_step(json_out *o, const period_run *r, const step_rec *s)
{
    hl_model *m = r->m;
    json_out_object(o, NULL);
    json_out_real(o, "time_s", s->time_s);
    json_out_array(o, "nodes");
    for (int i = 0; i < r->n_nodes; i++) {
        json_out_object(o, NULL);
        json_out_string(o, "id", hl_model_id(m, HL_NODE, i));
        json_out_real(o, "head_m", s->head[i]);
        json_out_real(o, "pressure_m", s->head[i] - r->z[i]);
        json_out_real(o, "demand_l_per_s", s->dem[i] * 1e3);
        json_out_close(o);
    }
    json_out_close(o);
    json_out_array(o, "links");
    for (int k = 0; k < r->n_links; k++) {
        json_out_object(o, NULL);
        json_out_string(o, "id",
                        hl_model_id(m, r->links[k].kind, r->links[k].i));
        json_out_string(o, "kind", kind_name[kind_of(r->links[k].kind)]);
        json_out_real(o, "flow_l_per_s", s->flow[k] * 1e3);
        json_out_real(o, "velocity_m_per_s", s->vel[k]);
        json_out_real(o, "pump_head_m", s->rise[k]);
        json_out_real(o, "electric_power_w", s->power[k]);
        json_out_bool(o, "open", s->open[k]);
        json_out_close(o);
    }
    json_out_close(o);
    json_out_array(o, "tanks");
    for (int i = 0; i < r->n_tanks; i++) {
        int node;
        hl_period_tank(r->p, i, &node, NULL, NULL);
        json_out_object(o, NULL);
        json_out_string(o, "id", hl_model_id(m, HL_NODE, node));
        json_out_real(o, "level_m", s->level[i]);
        json_out_real(o, "inflow_l_per_s", s->inflow[i] * 1e3);
        json_out_close(o);
    }
    json_out_close(o);
    json_out_close(o);
}

static int json(const run_args *a, const period_run *r)
{
    hl_model *m = r->m;
    json_out o;
    json_out_init(&o, json_out_file_sink, stdout);
    json_out_object(&o, NULL);
    json_out_string(&o, "model", a->model);
    json_out_string(&o, "name", hl_model_name(m));
    json_times(&o, r);
    json_out_array(&o, "times");
    for (int s = 0; s < r->n_rec; s++)
        json_step(&o, r, &r->rec[s]);
    json_out_close(&o);
    json_out_array(&o, "pumps");
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++) {
        json_out_object(&o, NULL);
        json_out_string(&o, "id", hl_model_id(m, HL_PUMP, i));
        json_out_real(&o, "hours_running", r->hours_on[i]);
        json_out_real(&o, "energy_kwh", r->energy_kwh[i]);
        json_out_close(&o);
    }
    json_out_close(&o);
    json_out_array(&o, "warnings");
    for (int i = 0; i < hl_model_warning_count(m); i++)
        json_out_string(&o, NULL, hl_model_warning(m, i));
    json_out_close(&o);
    json_out_close(&o);
    return cli_json_finish(&o);
}

/* ---- CSV -------------------------------------------------------------------
 */

static void cell(FILE *f, double v, int last)
{
    if (isfinite(v))
        fprintf(f, "%.10g", v);
    fputc(last ? '\n' : ',', f);
}

static void csv_nodes(FILE *f, const period_run *r)
{
    fputs("time_s,id,head_m,pressure_m,demand_l_per_s\n", f);
    for (int s = 0; s < r->n_rec; s++)
        for (int i = 0; i < r->n_nodes; i++) {
            const step_rec *x = &r->rec[s];
            fprintf(f, "%.0f,%s,", x->time_s, hl_model_id(r->m, HL_NODE, i));
            cell(f, x->head[i], 0);
            cell(f, x->head[i] - r->z[i], 0);
            cell(f, x->dem[i] * 1e3, 1);
        }
}

static void csv_links(FILE *f, const period_run *r)
{
    fputs("time_s,id,kind,flow_l_per_s,velocity_m_per_s,pump_head_m,"
          "electric_power_w,open\n",
          f);
    for (int s = 0; s < r->n_rec; s++)
        for (int k = 0; k < r->n_links; k++) {
            const step_rec *x = &r->rec[s];
            link_ref l = r->links[k];
            fprintf(f, "%.0f,%s,%s,", x->time_s, hl_model_id(r->m, l.kind, l.i),
                    kind_name[kind_of(l.kind)]);
            cell(f, x->flow[k] * 1e3, 0);
            cell(f, x->vel[k], 0);
            cell(f, x->rise[k], 0);
            cell(f, x->power[k], 0);
            fprintf(f, "%d\n", x->open[k]);
        }
}

static void csv_tanks(FILE *f, const period_run *r)
{
    fputs("time_s,id,level_m,head_m,inflow_l_per_s\n", f);
    for (int s = 0; s < r->n_rec; s++)
        for (int i = 0; i < r->n_tanks; i++) {
            const step_rec *x = &r->rec[s];
            int node;
            hl_period_tank(r->p, i, &node, NULL, NULL);
            fprintf(f, "%.0f,%s,", x->time_s, hl_model_id(r->m, HL_NODE, node));
            cell(f, x->level[i], 0);
            cell(f, x->head[node], 0);
            cell(f, x->inflow[i] * 1e3, 1);
        }
}

static int csv_table(const char *dir, const char *name, const period_run *r,
                     void (*fn)(FILE *, const period_run *))
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return cli_fail("run", "--csv: cannot write %s", path);
    fn(f, r);
    int bad = ferror(f);
    if (fclose(f) || bad)
        return cli_fail("run", "--csv: cannot write %s", path);
    return 0;
}

static int csv(const run_args *a, const period_run *r)
{
    cli_outputs o;
    if (cli_outputs_begin("run", &o, a->csv_dir, NULL, 0))
        return EXIT_USAGE;
    const char *dir = cli_outputs_csv_dir(&o);
    if (csv_table(dir, "period_nodes.csv", r, csv_nodes) ||
        csv_table(dir, "period_links.csv", r, csv_links) ||
        csv_table(dir, "period_tanks.csv", r, csv_tanks)) {
        cli_outputs_abort(&o);
        return EXIT_USAGE;
    }
    return cli_outputs_commit("run", &o);
}

/* ---- the command -----------------------------------------------------------
 */

int run_period(const run_args *a, hl_model *m)
{
    period_run r;
    memset(&r, 0, sizeof r);
    r.m = m;
    if (a->report || a->geojson) {
        run_free(&r);
        return cli_fail("run", "--period writes the summary, --json or --csv "
                               "DIR; --report and --geojson take one steady "
                               "run (drop --period)");
    }
    int rc = hl_model_period_times(m, &r.pt);
    if (rc == HL_ENOTFOUND) {
        run_free(&r);
        return cli_fail("run",
                        "--period: %s has no extended period (an "
                        "EPANET .inp with a [TIMES] Duration above 0)",
                        a->model ? a->model : "the default model");
    }
    if (rc || setup(&r) || hl_period_start(&r.p, m)) {
        run_free(&r);
        return cli_fail("run", "--period: out of memory");
    }
    rc = step_all(&r);
    if (!rc && a->csv_dir)
        rc = csv(a, &r);
    if (!rc && a->json)
        rc = json(a, &r);
    else if (!rc)
        summary(a, &r);
    if (!rc && r.n_infeasible && !a->allow_infeasible)
        rc =
            EXIT_INFEASIBLE; /* solved, but not a state the network can be in */
    run_free(&r);
    return rc;
}
