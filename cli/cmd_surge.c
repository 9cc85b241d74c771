/*
 * cmd_surge.c - `heatline surge [MODEL] --event EVENT [...]`: load and solve
 * a model (the embedded Tuoketuo-Hohhot line when none is given), run the
 * hydraulic transient of the event (pump trip, station trip, power
 * failure, valve closure) from that steady state, and print the summary
 * (envelope extremes, pipes over PN or near vapour, cavities, verdict), or
 * JSON, and write the series and envelope tables (--csv DIR).
 */
#include "cli.h"
#include "help/help.h"
#include "cli_outputs.h"
#include "surge_cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_EVENT = 256,
    O_DURATION,
    O_DX,
    O_FRICTION,
    O_PUMP_CONTROL,
    O_CONTROL_RAMP,
    O_SIZE,
    O_WATCH,
    O_JSON,
    O_CSV,
    O_REPORT,
    O_HELP
};

static const struct option options[] = {
    {"event", required_argument, 0, O_EVENT},
    {"duration", required_argument, 0, O_DURATION},
    {"dx", required_argument, 0, O_DX},
    {"friction", required_argument, 0, O_FRICTION},
    {"pump-control", required_argument, 0, O_PUMP_CONTROL},
    {"control-ramp", required_argument, 0, O_CONTROL_RAMP},
    {"size", required_argument, 0, O_SIZE},
    {"watch", required_argument, 0, O_WATCH},
    {"json", no_argument, 0, O_JSON},
    {"csv", required_argument, 0, O_CSV},
    {"report", required_argument, 0, O_REPORT},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

/* A trailing ":zeta=Z" of valve-close (the valve's fully open loss),
 * cut off rest; 0 when absent, EXIT_USAGE on a bad number. */
static int parse_open_zeta(surge_args *a, char *rest)
{
    char *last = strrchr(rest, ':');
    if (!last || strncmp(last + 1, "zeta=", 5) != 0)
        return 0;
    if (!cli_number("surge", "--event valve-close zeta", last + 6,
                    &a->opt.open_zeta))
        return EXIT_USAGE;
    if (!(a->opt.open_zeta > 0.0))
        return cli_fail("surge", "--event valve-close: zeta %g: expected > 0",
                        a->opt.open_zeta);
    *last = '\0';
    return 0;
}

/* valve-close:ID:SECONDS[:CURVE][:zeta=Z], read from the right (ids may
 * hold ':'). */
static int parse_valve_close(surge_args *a, char *rest)
{
    static const char *curves[] = {"linear", "quadratic", "sqrt"};
    int rc = parse_open_zeta(a, rest);
    if (rc)
        return rc;
    char *last = strrchr(rest, ':');
    if (!last)
        return cli_fail("surge",
                        "--event valve-close:ID:SECONDS[:CURVE][:zeta=Z]: "
                        "missing SECONDS");
    a->opt.closure_curve = -1;
    for (int c = 0; c < 3; c++)
        if (strcmp(last + 1, curves[c]) == 0)
            a->opt.closure_curve = c;
    if (a->opt.closure_curve >= 0) {
        *last = '\0';
        last = strrchr(rest, ':');
        if (!last)
            return cli_fail("surge",
                            "--event valve-close:ID:SECONDS[:CURVE][:zeta=Z]: "
                            "missing SECONDS");
    } else {
        a->opt.closure_curve = HL_SURGE_CURVE_LINEAR;
    }
    *last = '\0';
    if (!cli_number("surge", "--event valve-close seconds", last + 1,
                    &a->opt.closure_s))
        return EXIT_USAGE;
    if (a->opt.closure_s < 0.0)
        return cli_fail("surge",
                        "--event valve-close: closure time %g s: "
                        "expected >= 0",
                        a->opt.closure_s);
    a->opt.event = HL_SURGE_VALVE_CLOSE;
    a->opt.target = rest;
    return 0;
}

/* pump-start:ID[:SECONDS]: a trailing number is the ramp time. */
static int parse_pump_start(surge_args *a, char *rest)
{
    char *last = strrchr(rest, ':');
    if (last && last[1] && last != rest) {
        char *end = NULL;
        double ramp = strtod(last + 1, &end);
        if (end && *end == '\0') {
            if (!(ramp >= 0.0) || !isfinite(ramp))
                return cli_fail("surge",
                                "--event pump-start: ramp time %g s: "
                                "expected >= 0",
                                ramp);
            a->opt.ramp_s = ramp;
            *last = '\0';
        }
    }
    a->opt.event = HL_SURGE_PUMP_START;
    a->opt.target = rest;
    return 0;
}

static int parse_event(surge_args *a, const char *value)
{
    static const struct {
        const char *name;
        int event, target;
    } kinds[] = {{"pump-trip", HL_SURGE_PUMP_TRIP, 1},
                 {"station-trip", HL_SURGE_STATION_TRIP, 1},
                 {"power-failure", HL_SURGE_POWER_FAILURE, 0},
                 {"pump-start", HL_SURGE_PUMP_START, 1}};
    snprintf(a->event_text, sizeof a->event_text, "%s", value);
    snprintf(a->event_shown, sizeof a->event_shown, "%s", value);
    char *colon = strchr(a->event_text, ':');
    char *rest = colon ? colon + 1 : NULL;
    if (colon)
        *colon = '\0';
    if (strcmp(a->event_text, "valve-close") == 0 && rest) {
        int rc = parse_valve_close(a, rest);
        *colon = ':';
        return rc;
    }
    if (strcmp(a->event_text, "pump-start") == 0 && rest && *rest) {
        int rc = parse_pump_start(a, rest);
        *colon = ':';
        return rc;
    }
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(a->event_text, kinds[i].name) != 0)
            continue;
        if (kinds[i].target && (!rest || !*rest))
            return cli_fail("surge", "--event %s:ID: the id is missing",
                            kinds[i].name);
        if (!kinds[i].target && rest)
            return cli_fail("surge", "--event power-failure takes no id");
        a->opt.event = kinds[i].event;
        a->opt.target = rest;
        return 0;
    }
    return cli_fail("surge",
                    "--event '%s': expected pump-trip:ID, station-trip:NAME, "
                    "power-failure, valve-close:ID:SECONDS[:CURVE][:zeta=Z] "
                    "or pump-start:ID[:SECONDS]",
                    value);
}

/* --watch A,B,C into the option's list (pointers into a->watch_text). */
static int parse_watch(surge_args *a, const char *value)
{
    snprintf(a->watch_text, sizeof a->watch_text, "%s", value);
    a->opt.n_watch = 0;
    for (char *tok = strtok(a->watch_text, ","); tok; tok = strtok(NULL, ",")) {
        if (a->opt.n_watch == SURGE_MAX_WATCH)
            return cli_fail("surge", "--watch: at most %d nodes",
                            SURGE_MAX_WATCH);
        a->watch[a->opt.n_watch++] = tok;
    }
    if (a->opt.n_watch == 0)
        return cli_fail("surge", "--watch: no node id given");
    a->opt.watch = a->watch;
    return 0;
}

static int positive(const char *opt, const char *value, double *out)
{
    if (!cli_number("surge", opt, value, out))
        return EXIT_USAGE;
    if (!(*out > 0.0))
        return cli_fail("surge", "%s %g: expected > 0", opt, *out);
    return 0;
}

static int option(void *ctx, int c, const char *value)
{
    surge_args *a = ctx;
    switch (c) {
    case O_EVENT:
        return parse_event(a, value);
    case O_DURATION:
        return positive("--duration", value, &a->opt.duration_s);
    case O_DX:
        return positive("--dx", value, &a->opt.dx_m);
    case O_FRICTION:
        if (strcmp(value, "steady") == 0)
            return 0;
        if (strcmp(value, "brunone") == 0) {
            a->opt.friction = 1;
            return 0;
        }
        return cli_fail("surge",
                        "--friction '%s': expected steady or "
                        "brunone",
                        value);
    case O_PUMP_CONTROL:
        if (strcmp(value, "held") == 0 || strcmp(value, "active") == 0) {
            a->opt.pump_control = value[0] == 'a';
            return 0;
        }
        return cli_fail("surge", "--pump-control '%s': expected held or active",
                        value);
    case O_CONTROL_RAMP:
        return positive("--control-ramp", value, &a->opt.control_ramp_per_s);
    case O_SIZE:
        if (strncmp(value, "relief-valve:", 13) == 0 && value[13]) {
            a->size_relief_node = value + 13;
            a->size_node = NULL;
            return 0;
        }
        if (strncmp(value, "air-vessel:", 11) != 0 || !value[11])
            return cli_fail("surge",
                            "--size '%s': expected air-vessel:NODE or "
                            "relief-valve:NODE",
                            value);
        a->size_node = value + 11;
        a->size_relief_node = NULL;
        return 0;
    case O_WATCH:
        return parse_watch(a, value);
    case O_JSON:
        a->json = 1;
        return 0;
    case O_CSV:
        a->csv_dir = value;
        return 0;
    case O_REPORT:
        a->report = value;
        return 0;
    default:
        return cli_fail("surge", "unknown option");
    }
}

static int parse(int argc, char **argv, surge_args *a)
{
    hl_surge_options_default(&a->opt);
    int rc = cli_options("surge", argc, argv, options, option, a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("surge", stdout);
        return -1;
    }
    if (rc != CLI_GO_ON)
        return EXIT_USAGE;
    if (cli_operand("surge", argc, argv, &a->model) != CLI_GO_ON)
        return EXIT_USAGE;
    if (a->opt.event == HL_SURGE_NONE)
        return cli_fail("surge", "--event is required (heatline surge "
                                 "--help)");
    return 0;
}

static int files(const surge_args *a, const hl_surge *s)
{
    cli_outputs o;
    if (cli_outputs_begin("surge", &o, a->csv_dir, NULL, 1))
        return EXIT_USAGE;
    if (surge_write_csv(cli_outputs_csv_dir(&o), s)) {
        cli_outputs_abort(&o);
        return EXIT_USAGE;
    }
    return cli_outputs_commit("surge", &o);
}

/* The smallest air vessel at the node; the final run then carries it. */
static int size(surge_args *a, const hl_model *m, hl_error *err)
{
    int rc = hl_surge_size_vessel(m, &a->opt, a->size_node, &a->sizing, err);
    if (rc)
        return rc;
    if (a->sizing.gas_m3 > 0.0) {
        a->opt.extra_vessel_node = a->size_node;
        a->opt.extra_vessel_m3 = a->sizing.gas_m3;
    }
    return HL_OK;
}

/* The relief valve at the node (set pressure, then capacity); the final
 * run then carries it. */
static int size_relief(surge_args *a, const hl_model *m, hl_error *err)
{
    int rc = hl_surge_size_relief(m, &a->opt, a->size_relief_node,
                                  &a->relief_size, err);
    if (rc)
        return rc;
    if (a->relief_size.set_pressure_pa > 0.0) {
        a->opt.extra_relief_node = a->size_relief_node;
        a->opt.extra_relief_set_pa = a->relief_size.set_pressure_pa;
        a->opt.extra_relief_cap_kg_s = a->relief_size.capacity_kg_s;
    }
    return HL_OK;
}

int cmd_surge(int argc, char **argv)
{
    static surge_args a; /* the watch list points into it */
    memset(&a, 0, sizeof a);
    int rc = parse(argc, argv, &a);
    if (rc)
        return rc < 0 ? 0 : rc;
    hl_load_options lo;
    hl_load_options_init(&lo);
    hl_model *m = NULL;
    hl_surge *s = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_model_load_with(&m, a.model, &lo) || hl_model_solve(m, NULL)) {
        rc = cli_fail("surge", "%s", hl_model_error(m));
    } else if (a.size_node && size(&a, m, &err)) {
        rc = cli_fail("surge", "--size: %s", err.message);
    } else if (a.size_relief_node && size_relief(&a, m, &err)) {
        rc = cli_fail("surge", "--size: %s", err.message);
    } else if (hl_surge_run(&s, m, &a.opt, &err)) {
        rc = cli_fail("surge", "%s", err.message);
    } else {
        rc = a.csv_dir ? files(&a, s) : 0;
        if (!rc && a.report &&
            hl_report_write_surge(a.report, m, s, a.event_shown, &err))
            rc = cli_fail("surge", "--report: %s", err.message);
        if (!rc)
            rc = a.json ? surge_print_json(&a, m, s)
                        : surge_print_summary(&a, m, s);
    }
    hl_surge_free(s);
    hl_model_free(m);
    return rc;
}
