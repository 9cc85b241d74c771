/*
 * main.c - the heatline command: dispatch to subcommands.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"run", cmd_run, "run the main job on a model (default: Hohhot)"},
    {"surface", cmd_surface,
     "heat loss and surface temperature of an insulated or bare surface"},
    {"thickness", cmd_thickness,
     "layer thickness for a surface-temperature or heat-loss limit"},
    {"materials", cmd_materials, "list the material table"},
    {"lab", cmd_lab, "conductivity lambda(T) and ageing from lab test runs"},
    {"pipe-loss", cmd_pipe_loss, "heat loss per metre of a pipe or pair"},
    {"season", cmd_season,
     "a heating season: energy, losses, savings, payback"},
    {"fitting", cmd_fitting, "heat loss and hottest surface of a fitting"},
    {"water", cmd_water, "properties of liquid water (IAPWS-IF97)"},
    {"register", cmd_register, "the retrofit loop in a register file"},
    {"surge", cmd_surge, "pump trips, valve closures, column separation"},
    {"dynamic", cmd_dynamic, "the line in time: transit, storage, delay"},
};

static void usage(FILE *out)
{
    fprintf(out,
            "heatline %s - district-heating lines and insulation\n\n"
            "usage: heatline COMMAND [OPTIONS]   (heatline help COMMAND "
            "or heatline COMMAND --help\nfor its options, with units and "
            "defaults)\n\ncommands:\n",
            hl_version());
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
}

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const command *find(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown(const char *name)
{
    const char *names[N_COMMANDS];
    for (size_t i = 0; i < N_COMMANDS; i++)
        names[i] = commands[i].name;
    const char *near = cli_closest(name, names, (int)N_COMMANDS);
    if (near)
        fprintf(stderr,
                "heatline: unknown command '%s' (did you mean '%s'? try "
                "heatline help)\n",
                name, near);
    else
        fprintf(stderr, "heatline: unknown command '%s' (try heatline help)\n",
                name);
    return EXIT_USAGE;
}

/* heatline help [COMMAND]: the overview, or COMMAND --help */
static int help(int argc, char **argv)
{
    if (argc < 3) {
        usage(stdout);
        return 0;
    }
    const command *c = find(argv[2]);
    if (!c)
        return unknown(argv[2]);
    char *args[] = {argv[2], "--help", NULL};
    return c->run(2, args);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        /* the library's own version, which can differ from the headers'
         * when the program runs with another libheatline.so */
        printf("heatline %s\n", hl_version());
        if (strcmp(hl_version(), HL_VERSION) != 0)
            printf("built against libheatline %s\n", HL_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "help") == 0)
        return help(argc, argv);
    const command *c = find(argv[1]);
    return c ? c->run(argc - 1, argv + 1) : unknown(argv[1]);
}
