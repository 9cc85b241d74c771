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
            "usage: heatline COMMAND [OPTIONS]   (heatline COMMAND "
            "--help for its options)\n\ncommands:\n",
            hl_version());
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
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
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "heatline: unknown command '%s' (try heatline --help)\n",
            argv[1]);
    return EXIT_USAGE;
}
