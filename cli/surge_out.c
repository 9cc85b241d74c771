/*
 * surge_out.c - outputs of `heatline surge`: the summary a line engineer
 * reads (grid, verdict, highest and lowest pressure, the pipes over PN or
 * near vapour, cavities, watched nodes), the JSON object, and the CSV
 * tables series.csv (time_s, then NODE.head_m and NODE.pressure_pa per
 * watched node) and envelope.csv (one row per node). Pressures are shown
 * in bar(g), stored in Pa.
 */
#include "surge_cli.h"
#include "util/json_out.h"

#include <math.h>
#include <string.h>

#define NUM(o, k, v)  json_out_real((o), (k), (v))
#define STR(o, k, v)  json_out_string((o), (k), (v)) /* NULL: null */
#define INT(o, k, v)  json_out_int((o), (k), (v))
#define BOOL(o, k, v) json_out_bool((o), (k), (v))
#define BAR(p)        ((p) / 1e5)

static const char *event_name(int e)
{
    static const char *n[] = {"none",          "pump-trip",   "station-trip",
                              "power-failure", "valve-close", "pump-start"};
    return e >= 0 && e <= HL_SURGE_PUMP_START ? n[e] : "?";
}

static void print_pipes(const hl_surge *s, int which)
{
    int shown = 0, n = hl_surge_pipe_count(s);
    for (int p = 0; p < n; p++) {
        hl_surge_pipe v;
        hl_surge_pipe_result(s, p, &v);
        if (which == 0 ? !v.over_pn : !v.near_vapour)
            continue;
        if (shown++ == 12) {
            printf("    ...\n");
            break;
        }
        if (which == 0)
            printf("    %-14s max %6.2f bar(g) > PN %g\n", v.id,
                   BAR(v.max_pressure_pa), BAR(v.pn_pa));
        else
            printf("    %-14s min %6.2f bar(g), vapour %6.2f bar(g)\n", v.id,
                   BAR(v.min_pressure_pa), BAR(v.vapour_pressure_pa));
    }
}

static void print_cavities(const hl_surge *s)
{
    int n = hl_surge_cavity_count(s);
    for (int c = 0; c < n && c < 12; c++) {
        hl_surge_cavity v;
        hl_surge_cavity_result(s, c, &v);
        if (v.node)
            printf("    node %-14s from %7.2f s, largest %9.4f m3\n", v.node,
                   v.t_first_s, v.max_volume_m3);
        else
            printf("    pipe %-14s at %6.0f m from %7.2f s, largest %9.4f "
                   "m3\n",
                   v.pipe, v.x_m, v.t_first_s, v.max_volume_m3);
    }
    if (n > 12)
        printf("    ... (%d in all)\n", n);
}

/* Tripped pumps: how far speed and flow went (backwards when negative). */
static void print_pumps(const hl_surge *s)
{
    for (int i = 0; i < hl_surge_pump_count(s); i++) {
        hl_surge_pump pu;
        hl_surge_pump_result(s, i, &pu);
        if (i == 0)
            printf("  pumps of the event (speed and flow over their "
                   "running values):\n");
        printf("    %-14s %-13s speed %6.3f at the end, lowest %6.3f; "
               "lowest flow %6.3f\n",
               pu.id, pu.four_quadrant ? "four-quadrant" : "affinity",
               pu.speed_end, pu.min_speed, pu.min_flow_ratio);
        if (pu.curves && strcmp(pu.curves, "given") != 0)
            printf("    %-14s built-in Suter curves %s (Marchal-Flesch-"
                   "Suter), Ns %.0f at its operating point\n",
                   "", pu.curves, pu.specific_speed);
    }
}

/* Pumps whose drives held a pressure through the event (--pump-control
 * active): where their speed went. */
static void print_controlled(const hl_surge *s)
{
    for (int i = 0; i < hl_surge_controlled_count(s); i++) {
        hl_surge_controlled c;
        hl_surge_controlled_result(s, i, &c);
        if (i == 0)
            printf("  pumps under pressure control (speed over nominal):\n");
        printf("    %-14s holds %-14s %6.2f bar(g): speed %.3f, %.3f .. "
               "%.3f, %.3f at the end\n",
               c.id, c.node, c.set_pressure_pa / 1e5, c.speed_start,
               c.speed_min, c.speed_max, c.speed_end);
    }
}

static void print_watch(const hl_surge *s)
{
    for (int w = 0; w < hl_surge_watch_count(s); w++) {
        double pmax = -INFINITY, pmin = INFINITY;
        for (int i = 0; i < hl_surge_sample_count(s); i++) {
            double t, h, p;
            hl_surge_sample(s, w, i, &t, &h, &p);
            pmax = fmax(pmax, p);
            pmin = fmin(pmin, p);
        }
        printf("    %-14s %6.2f .. %6.2f bar(g)\n", hl_surge_watch_id(s, w),
               BAR(pmin), BAR(pmax));
    }
}

int surge_print_summary(const surge_args *a, const hl_model *m,
                        const hl_surge *s)
{
    hl_surge_grid g;
    hl_surge_verdict v;
    hl_surge_grid_info(s, &g);
    hl_surge_verdict_get(s, &v);
    printf("heatline surge: %s\n", hl_model_name(m));
    printf("event: %s, %g s simulated\n", a->event_shown, a->opt.duration_s);
    printf("grid: dx %g m, dt %.4g s, %ld points, %ld steps; wave speed "
           "%.0f-%.0f m/s, largest adjustment %.2f %% (%s)\n",
           g.dx_m, g.dt_s, g.points, g.steps, g.min_wave_speed,
           g.max_wave_speed, 100.0 * g.max_wave_speed_adjustment,
           g.worst_pipe ? g.worst_pipe : "-");
    printf("verdict: %s: %d pipe(s) above PN, %d pipe(s) within %.1f bar of "
           "vapour pressure, %d cavity site(s)\n",
           v.ok ? "passes" : "FAILS", v.pipes_over_pn, v.pipes_near_vapour,
           BAR(v.margin_pa), v.cavities);
    printf("highest pressure %.2f bar(g) in %s; lowest %.2f bar(g) in %s\n",
           BAR(v.max_pressure_pa), v.max_pipe ? v.max_pipe : "-",
           BAR(v.min_pressure_pa), v.min_pipe ? v.min_pipe : "-");
    if (a->size_node) {
        printf("sizing: air vessel at %s: %.4g m3 of gas (%d runs:",
               a->size_node, a->sizing.gas_m3, a->sizing.runs);
        for (int i = 0; i < a->sizing.runs && i < HL_SURGE_SIZE_MAX_RUNS; i++)
            printf(" %.4g%s", a->sizing.run_gas_m3[i],
                   a->sizing.run_ok[i] ? " ok" : " fails");
        printf(")\n");
    }
    if (a->size_relief_node) {
        const hl_surge_relief_sizing *z = &a->relief_size;
        printf("sizing: relief valve at %s: set %.2f bar(g), capacity %.0f "
               "kg/s at 10 %% accumulation (%d runs:",
               a->size_relief_node, BAR(z->set_pressure_pa), z->capacity_kg_s,
               z->runs);
        for (int i = 0; i < z->runs && i < HL_SURGE_SIZE_MAX_RUNS; i++) {
            if (z->run_set_pa[i] > 0.0 && isfinite(z->run_cap_kg_s[i]))
                printf(" %.2f bar %.0f kg/s", BAR(z->run_set_pa[i]),
                       z->run_cap_kg_s[i]);
            else if (z->run_set_pa[i] > 0.0)
                printf(" %.2f bar", BAR(z->run_set_pa[i]));
            else
                printf(" none");
            printf("%s", z->run_ok[i] ? " ok" : " fails");
        }
        printf(")\n");
    }
    if (v.pipes_over_pn) {
        printf("  above PN:\n");
        print_pipes(s, 0);
    }
    if (v.pipes_near_vapour) {
        printf("  near vapour pressure:\n");
        print_pipes(s, 1);
    }
    if (v.cavities) {
        printf("  vapour cavities (largest %.4g m3, %ld openings):\n",
               v.max_cavity_m3, v.cavity_openings);
        print_cavities(s);
    }
    if (hl_surge_watch_count(s)) {
        printf("  watched nodes:\n");
        print_watch(s);
    }
    for (int i = 0; i < hl_surge_vessel_count(s); i++) {
        hl_surge_vessel av;
        hl_surge_vessel_result(s, i, &av);
        if (i == 0)
            printf("  air vessels (gas volume):\n");
        printf("    %-14s at %-14s %8.3f .. %8.3f m3\n", av.id, av.node,
               av.gas_min_m3, av.gas_max_m3);
    }
    print_pumps(s);
    print_controlled(s);
    for (int i = 0; i < hl_surge_tank_count(s); i++) {
        hl_surge_tank tk;
        hl_surge_tank_result(s, i, &tk);
        if (i == 0)
            printf("  surge tanks (water level):\n");
        printf("    %-14s at %-14s %9.3f .. %9.3f m%s\n", tk.id, tk.node,
               tk.level_min_m, tk.level_max_m,
               tk.spilled ? " (reached its top or bottom)" : "");
    }
    for (int i = 0; i < hl_surge_relief_count(s); i++) {
        hl_surge_relief rv;
        hl_surge_relief_result(s, i, &rv);
        if (i == 0)
            printf("  relief valves (largest discharge of capacity):\n");
        printf("    %-14s at %-14s set %6.2f bar(g): %9.1f of %7.1f kg/s "
               "(%s)\n",
               rv.id, rv.node, BAR(rv.set_pressure_pa), rv.max_discharge_kg_s,
               rv.capacity_kg_s,
               rv.capacity_sufficed ? "sufficed" : "EXCEEDED");
    }
    for (int i = 0; i < hl_surge_warning_count(s); i++)
        cli_warn("surge", hl_surge_warning(s, i));
    if (!v.ok)
        cli_warn("surge", "the event breaks the line's limits (verdict "
                          "FAILS)");
    return 0;
}

static void grid_json(json_out *o, const hl_surge *s)
{
    hl_surge_grid g;
    hl_surge_grid_info(s, &g);
    json_out_object(o, "grid");
    NUM(o, "dx_m", g.dx_m);
    NUM(o, "dt_s", g.dt_s);
    NUM(o, "max_wave_speed_adjustment", g.max_wave_speed_adjustment);
    STR(o, "worst_pipe", g.worst_pipe);
    INT(o, "points", g.points);
    INT(o, "steps", g.steps);
    NUM(o, "min_wave_speed_m_per_s", g.min_wave_speed);
    NUM(o, "max_wave_speed_m_per_s", g.max_wave_speed);
    json_out_close(o);
}

static void envelope_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "envelope");
    for (int i = 0; i < hl_surge_node_count(s); i++) {
        hl_surge_node n;
        hl_surge_node_result(s, i, &n);
        json_out_object(o, NULL);
        STR(o, "id", n.id);
        NUM(o, "chainage_m", n.chainage_m);
        NUM(o, "z_m", n.z_m);
        NUM(o, "max_head_m", n.max_head_m);
        NUM(o, "t_max_s", n.t_max_s);
        NUM(o, "min_head_m", n.min_head_m);
        NUM(o, "t_min_s", n.t_min_s);
        NUM(o, "max_pressure_pa", n.max_pressure_pa);
        NUM(o, "min_pressure_pa", n.min_pressure_pa);
        NUM(o, "vapour_pressure_pa", n.vapour_pressure_pa);
        NUM(o, "max_cavity_m3", n.max_cavity_m3);
        json_out_close(o);
    }
    json_out_close(o);
}

static void pipes_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "pipes");
    for (int p = 0; p < hl_surge_pipe_count(s); p++) {
        hl_surge_pipe v;
        hl_surge_pipe_result(s, p, &v);
        json_out_object(o, NULL);
        STR(o, "id", v.id);
        NUM(o, "max_pressure_pa", v.max_pressure_pa);
        NUM(o, "min_pressure_pa", v.min_pressure_pa);
        NUM(o, "pn_pa", v.pn_pa);
        NUM(o, "vapour_pressure_pa", v.vapour_pressure_pa);
        NUM(o, "wave_speed_m_per_s", v.wave_speed_m_s);
        NUM(o, "max_cavity_m3", v.max_cavity_m3);
        BOOL(o, "over_pn", v.over_pn);
        BOOL(o, "near_vapour", v.near_vapour);
        json_out_close(o);
    }
    json_out_close(o);
}

static void cavities_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "cavities");
    for (int c = 0; c < hl_surge_cavity_count(s); c++) {
        hl_surge_cavity v;
        hl_surge_cavity_result(s, c, &v);
        json_out_object(o, NULL);
        STR(o, "node", v.node);
        STR(o, "pipe", v.pipe);
        NUM(o, "x_m", v.pipe ? v.x_m : NAN);
        NUM(o, "t_first_s", v.t_first_s);
        NUM(o, "max_volume_m3", v.max_volume_m3);
        json_out_close(o);
    }
    json_out_close(o);
}

static void verdict_json(json_out *o, const hl_surge *s)
{
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    json_out_object(o, "verdict");
    BOOL(o, "ok", v.ok);
    INT(o, "pipes_over_pn", v.pipes_over_pn);
    INT(o, "pipes_near_vapour", v.pipes_near_vapour);
    INT(o, "cavities", v.cavities);
    INT(o, "cavity_openings", v.cavity_openings);
    NUM(o, "vapour_margin_pa", v.margin_pa);
    NUM(o, "max_pressure_pa", v.max_pressure_pa);
    STR(o, "max_pipe", v.max_pipe);
    NUM(o, "min_pressure_pa", v.min_pressure_pa);
    STR(o, "min_pipe", v.min_pipe);
    NUM(o, "max_cavity_m3", v.max_cavity_m3);
    json_out_close(o);
}

static void pumps_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "pumps");
    for (int i = 0; i < hl_surge_pump_count(s); i++) {
        hl_surge_pump pu;
        hl_surge_pump_result(s, i, &pu);
        json_out_object(o, NULL);
        STR(o, "id", pu.id);
        json_out_bool(o, "four_quadrant", pu.four_quadrant);
        STR(o, "curves", pu.curves);
        NUM(o, "specific_speed", pu.specific_speed);
        NUM(o, "speed_end", pu.speed_end);
        NUM(o, "min_speed", pu.min_speed);
        NUM(o, "min_flow_ratio", pu.min_flow_ratio);
        NUM(o, "flow_end_ratio", pu.flow_end_ratio);
        json_out_close(o);
    }
    json_out_close(o);
}

static void controlled_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "controlled_pumps");
    for (int i = 0; i < hl_surge_controlled_count(s); i++) {
        hl_surge_controlled c;
        hl_surge_controlled_result(s, i, &c);
        json_out_object(o, NULL);
        STR(o, "id", c.id);
        STR(o, "node", c.node);
        NUM(o, "set_pressure_pa", c.set_pressure_pa);
        NUM(o, "speed_start", c.speed_start);
        NUM(o, "speed_min", c.speed_min);
        NUM(o, "speed_max", c.speed_max);
        NUM(o, "speed_end", c.speed_end);
        json_out_close(o);
    }
    json_out_close(o);
}

static void tanks_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "surge_tanks");
    for (int i = 0; i < hl_surge_tank_count(s); i++) {
        hl_surge_tank tk;
        hl_surge_tank_result(s, i, &tk);
        json_out_object(o, NULL);
        STR(o, "id", tk.id);
        STR(o, "node", tk.node);
        json_out_bool(o, "one_way", tk.one_way);
        NUM(o, "level_min_m", tk.level_min_m);
        NUM(o, "level_max_m", tk.level_max_m);
        NUM(o, "level_end_m", tk.level_end_m);
        json_out_bool(o, "spilled", tk.spilled);
        json_out_close(o);
    }
    json_out_close(o);
}

static void vessels_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "air_vessels");
    for (int i = 0; i < hl_surge_vessel_count(s); i++) {
        hl_surge_vessel av;
        hl_surge_vessel_result(s, i, &av);
        json_out_object(o, NULL);
        STR(o, "id", av.id);
        STR(o, "node", av.node);
        NUM(o, "gas_min_m3", av.gas_min_m3);
        NUM(o, "gas_max_m3", av.gas_max_m3);
        NUM(o, "gas_end_m3", av.gas_end_m3);
        json_out_close(o);
    }
    json_out_close(o);
}

static void reliefs_json(json_out *o, const hl_surge *s)
{
    json_out_array(o, "relief_valves");
    for (int i = 0; i < hl_surge_relief_count(s); i++) {
        hl_surge_relief rv;
        hl_surge_relief_result(s, i, &rv);
        json_out_object(o, NULL);
        STR(o, "id", rv.id);
        STR(o, "node", rv.node);
        NUM(o, "set_pressure_pa", rv.set_pressure_pa);
        NUM(o, "max_discharge_kg_per_s", rv.max_discharge_kg_s);
        NUM(o, "capacity_kg_per_s", rv.capacity_kg_s);
        NUM(o, "accumulation_pa", rv.accumulation_pa);
        BOOL(o, "capacity_sufficed", rv.capacity_sufficed);
        json_out_close(o);
    }
    json_out_close(o);
}

/* One watched node's samples as three arrays: time, head, pressure. */
static void series_json(json_out *o, const hl_surge *s)
{
    static const char *keys[] = {"time_s", "head_m", "pressure_pa"};
    json_out_array(o, "series");
    for (int w = 0; w < hl_surge_watch_count(s); w++) {
        json_out_object(o, NULL);
        STR(o, "id", hl_surge_watch_id(s, w));
        for (int k = 0; k < 3; k++) {
            json_out_array(o, keys[k]);
            for (int i = 0; i < hl_surge_sample_count(s); i++) {
                double v[3];
                hl_surge_sample(s, w, i, &v[0], &v[1], &v[2]);
                NUM(o, NULL, v[k]);
            }
            json_out_close(o);
        }
        json_out_close(o);
    }
    json_out_close(o);
}

static void sizing_json(json_out *o, const surge_args *a)
{
    json_out_object(o, "sizing");
    STR(o, "node", a->size_node);
    NUM(o, "gas_volume_m3", a->sizing.gas_m3);
    json_out_array(o, "runs");
    for (int i = 0; i < a->sizing.runs && i < HL_SURGE_SIZE_MAX_RUNS; i++) {
        json_out_object(o, NULL);
        NUM(o, "gas_m3", a->sizing.run_gas_m3[i]);
        BOOL(o, "ok", a->sizing.run_ok[i]);
        json_out_close(o);
    }
    json_out_close(o);
    json_out_close(o);
}

static void relief_sizing_json(json_out *o, const surge_args *a)
{
    const hl_surge_relief_sizing *z = &a->relief_size;
    json_out_object(o, "relief_sizing");
    STR(o, "node", a->size_relief_node);
    NUM(o, "set_pressure_pa", z->set_pressure_pa);
    NUM(o, "capacity_kg_per_s", z->capacity_kg_s);
    json_out_array(o, "runs");
    for (int i = 0; i < z->runs && i < HL_SURGE_SIZE_MAX_RUNS; i++) {
        json_out_object(o, NULL);
        NUM(o, "set_pressure_pa", z->run_set_pa[i]);
        NUM(o, "capacity_kg_per_s",
            isfinite(z->run_cap_kg_s[i]) ? z->run_cap_kg_s[i] : NAN);
        BOOL(o, "ok", z->run_ok[i]);
        json_out_close(o);
    }
    json_out_close(o);
    json_out_close(o);
}

/* Streamed to standard output as it is written (util/json_out.h). */
int surge_print_json(const surge_args *a, const hl_model *m, const hl_surge *s)
{
    json_out w, *o = &w;
    json_out_init(o, json_out_file_sink, stdout);
    json_out_object(o, NULL);
    STR(o, "model", hl_model_name(m));
    json_out_object(o, "event");
    STR(o, "kind", event_name(a->opt.event));
    STR(o, "target", a->opt.target);
    NUM(o, "closure_s",
        a->opt.event == HL_SURGE_VALVE_CLOSE ? a->opt.closure_s : NAN);
    NUM(o, "open_zeta", a->opt.open_zeta > 0.0 ? a->opt.open_zeta : NAN);
    NUM(o, "duration_s", a->opt.duration_s);
    STR(o, "pump_control", a->opt.pump_control ? "active" : "held");
    NUM(o, "control_ramp_per_s",
        a->opt.pump_control ? a->opt.control_ramp_per_s : NAN);
    json_out_close(o);
    grid_json(o, s);
    envelope_json(o, s);
    pipes_json(o, s);
    cavities_json(o, s);
    verdict_json(o, s);
    series_json(o, s);
    vessels_json(o, s);
    reliefs_json(o, s);
    pumps_json(o, s);
    controlled_json(o, s);
    tanks_json(o, s);
    if (a->size_node)
        sizing_json(o, a);
    if (a->size_relief_node)
        relief_sizing_json(o, a);
    json_out_array(o, "warnings");
    for (int i = 0; i < hl_surge_warning_count(s); i++)
        STR(o, NULL, hl_surge_warning(s, i));
    json_out_close(o);
    json_out_close(o);
    return cli_json_finish(o);
}

static void write_series(FILE *f, const hl_surge *s)
{
    int nw = hl_surge_watch_count(s);
    fprintf(f, "time_s");
    for (int w = 0; w < nw; w++)
        fprintf(f, ",%s.head_m,%s.pressure_pa", hl_surge_watch_id(s, w),
                hl_surge_watch_id(s, w));
    fprintf(f, "\n");
    for (int i = 0; i < hl_surge_sample_count(s); i++) {
        double t, h, p;
        hl_surge_sample(s, 0, i, &t, NULL, NULL);
        fprintf(f, "%.6g", t);
        for (int w = 0; w < nw; w++) {
            hl_surge_sample(s, w, i, NULL, &h, &p);
            fprintf(f, ",%.6f,%.1f", h, p);
        }
        fprintf(f, "\n");
    }
}

static void write_envelope(FILE *f, const hl_surge *s)
{
    fprintf(f, "id,chainage_m,z_m,max_head_m,t_max_s,min_head_m,t_min_s,"
               "max_pressure_pa,min_pressure_pa,vapour_pressure_pa,"
               "max_cavity_m3\n");
    for (int i = 0; i < hl_surge_node_count(s); i++) {
        hl_surge_node n;
        hl_surge_node_result(s, i, &n);
        fprintf(f, "%s,", n.id);
        if (isfinite(n.chainage_m))
            fprintf(f, "%.1f", n.chainage_m);
        fprintf(f, ",%.3f,%.4f,%.4f,%.4f,%.4f,%.1f,%.1f,", n.z_m, n.max_head_m,
                n.t_max_s, n.min_head_m, n.t_min_s, n.max_pressure_pa,
                n.min_pressure_pa);
        if (isfinite(n.vapour_pressure_pa))
            fprintf(f, "%.1f", n.vapour_pressure_pa);
        fprintf(f, ",%.6g\n", n.max_cavity_m3);
    }
}

int surge_write_csv(const char *dir, const hl_surge *s)
{
    static const char *names[2] = {"series.csv", "envelope.csv"};
    for (int t = 0; t < 2; t++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[t]);
        FILE *f = fopen(path, "w");
        if (!f)
            return cli_fail("surge", "--csv: cannot write %s", path);
        if (t == 0)
            write_series(f, s);
        else
            write_envelope(f, s);
        if (ferror(f) | fclose(f))
            return cli_fail("surge", "--csv: writing %s failed", path);
    }
    return 0;
}
