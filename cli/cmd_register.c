/*
 * cmd_register.c - `heatline register FILE.db SUBCOMMAND ...`: the retrofit
 * loop in a register file (docs/register.md). Options of every
 * subcommand are parsed together; each subcommand accepts only its own.
 */
#include "cli.h"
#include "help/help.h"
#include "register_cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_MODEL = 256,
    O_THRESHOLD,
    O_OPTION,
    O_BY,
    O_WHY,
    O_DATE,
    O_CREW,
    O_MATERIAL,
    O_BATCH,
    O_THICKNESS,
    O_COST,
    O_TOLERANCE,
    O_LIMIT,
    O_JSON,
    O_TEMPLATE,
    O_HELP,
    O_END
};

static const struct option opts[] = {
    {"model", required_argument, 0, O_MODEL},
    {"threshold-k", required_argument, 0, O_THRESHOLD},
    {"option", required_argument, 0, O_OPTION},
    {"by", required_argument, 0, O_BY},
    {"why", required_argument, 0, O_WHY},
    {"date", required_argument, 0, O_DATE},
    {"crew", required_argument, 0, O_CREW},
    {"material", required_argument, 0, O_MATERIAL},
    {"batch", required_argument, 0, O_BATCH},
    {"thickness-mm", required_argument, 0, O_THICKNESS},
    {"cost-cny", required_argument, 0, O_COST},
    {"loss-tolerance", required_argument, 0, O_TOLERANCE},
    {"limit-c", required_argument, 0, O_LIMIT},
    {"json", no_argument, 0, O_JSON},
    {"template", required_argument, 0, O_TEMPLATE},
    {"help", no_argument, 0, O_HELP},
    {0, 0, 0, 0}};

#define BIT(o) (1u << ((o)-O_MODEL))

/* Subcommands: name, operand ("" = none), the options each accepts. */
static const struct sub {
    const char *name, *operand;
    unsigned allowed;
} subs[] = {
    {"init", "", BIT(O_MODEL) | BIT(O_BY)},
    {"import-inspections", "CSV", BIT(O_THRESHOLD) | BIT(O_BY)},
    {"findings", "", 0},
    {"options", "FITTING|CHAMBER", 0},
    {"decide", "FITTING|CHAMBER",
     BIT(O_OPTION) | BIT(O_BY) | BIT(O_WHY) | BIT(O_DATE)},
    {"work", "FITTING|CHAMBER",
     BIT(O_DATE) | BIT(O_CREW) | BIT(O_MATERIAL) | BIT(O_BATCH) |
         BIT(O_THICKNESS) | BIT(O_COST) | BIT(O_BY)},
    {"verify", "CSV", BIT(O_TOLERANCE) | BIT(O_LIMIT) | BIT(O_BY)},
    {"status", "", BIT(O_JSON)},
    {"history", "ID", 0},
    {"export", "DIR", 0},
    {"report", "FILE.html", 0},
};

static int take(void *ctx, int c, const char *value)
{
    reg_args *a = ctx;
    a->seen |= BIT(c);
    switch (c) {
    case O_MODEL:
        a->model = value;
        break;
    case O_OPTION:
        a->option = value;
        break;
    case O_BY:
        a->by = value;
        break;
    case O_WHY:
        a->why = value;
        break;
    case O_DATE:
        a->date = value;
        break;
    case O_CREW:
        a->crew = value;
        break;
    case O_MATERIAL:
        a->material = value;
        break;
    case O_BATCH:
        a->batch = value;
        break;
    case O_TEMPLATE:
        a->template_kind = value;
        break;
    case O_JSON:
        a->json = 1;
        break;
    case O_THRESHOLD:
        return cli_number("register", "--threshold-k", value, &a->threshold_k)
                   ? 0
                   : EXIT_USAGE;
    case O_THICKNESS:
        return cli_number("register", "--thickness-mm", value, &a->thickness_mm)
                   ? 0
                   : EXIT_USAGE;
    case O_COST:
        return cli_number("register", "--cost-cny", value, &a->cost_cny)
                   ? 0
                   : EXIT_USAGE;
    case O_TOLERANCE:
        return cli_number("register", "--loss-tolerance", value,
                          &a->tolerance_pct)
                   ? 0
                   : EXIT_USAGE;
    case O_LIMIT:
        return cli_number("register", "--limit-c", value, &a->limit_c)
                   ? 0
                   : EXIT_USAGE;
    default:
        break;
    }
    return 0;
}

static int check_sub(reg_args *a, int argc, char **argv)
{
    int n_pos = argc - optind;
    char **pos = argv + optind;
    if (n_pos < 2)
        return cli_fail("register", "expected FILE.db and a subcommand "
                                    "(see heatline register --help)");
    a->file = pos[0];
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
        if (strcmp(pos[1], subs[i].name) != 0)
            continue;
        a->sub = subs[i].name;
        int want = subs[i].operand[0] ? 1 : 0;
        if (n_pos - 2 != want)
            return want ? cli_fail("register", "%s needs %s", a->sub,
                                   subs[i].operand)
                        : cli_fail("register",
                                   "%s: unexpected argument "
                                   "'%s'",
                                   a->sub, pos[2]);
        a->operand = want ? pos[2] : NULL;
        for (int o = O_MODEL; o < O_TEMPLATE; o++)
            if ((a->seen & BIT(o)) && !(subs[i].allowed & BIT(o)))
                return cli_fail("register", "%s does not take --%s", a->sub,
                                cli_option_name(opts, o));
        return 0;
    }
    return cli_fail("register",
                    "unknown subcommand '%s' (init, "
                    "import-inspections, findings, options, decide, work, "
                    "verify, status, history, export, report)",
                    pos[1]);
}

int cmd_register(int argc, char **argv)
{
    reg_args a;
    memset(&a, 0, sizeof a);
    a.threshold_k = a.thickness_mm = a.cost_cny = a.tolerance_pct = a.limit_c =
        NAN;
    int rc = cli_options("register", argc, argv, opts, take, &a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("register", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return EXIT_USAGE;
    if (a.template_kind) {
        if (strcmp(a.template_kind, "inspections") != 0)
            return cli_fail("register",
                            "--template %s: expected "
                            "inspections",
                            a.template_kind);
        if (optind < argc)
            return cli_fail("register", "unexpected argument '%s'",
                            argv[optind]);
        fputs(hl_register_template(), stdout);
        return 0;
    }
    if ((rc = check_sub(&a, argc, argv)) != 0)
        return rc;
    if (!a.by)
        a.by = getenv("USER");
    return register_run(&a);
}
