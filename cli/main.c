/*
 * main.c - the heatline command: dispatch to subcommands.
 */
#include "cli.h"
#include "help/help.h"

#include <stdio.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

/* The summaries and every option's text are in the help pages (help/). */
static const command commands[] = {
    {"run", cmd_run},
    {"surface", cmd_surface},
    {"thickness", cmd_thickness},
    {"materials", cmd_materials},
    {"lab", cmd_lab},
    {"pipe-loss", cmd_pipe_loss},
    {"season", cmd_season},
    {"fitting", cmd_fitting},
    {"water", cmd_water},
    {"register", cmd_register},
    {"surge", cmd_surge},
    {"dynamic", cmd_dynamic},
};

static void usage(FILE *out)
{
    fprintf(out,
            "heatline %s - district-heating lines and insulation\n\n"
            "usage: heatline COMMAND [OPTIONS]   (heatline help COMMAND "
            "or heatline COMMAND --help\nfor its options, with units and "
            "defaults; man heatline-COMMAND)\n\ncommands:\n",
            hl_version());
    for (int i = 0; i < cli_n_pages; i++)
        if (cli_page_is_command(cli_pages[i]))
            fprintf(out, "  %-10s %s\n", cli_pages[i]->command,
                    cli_pages[i]->summary);
    fputs("\n  --version  the version of heatline and its library\n", out);
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

/* heatline help [COMMAND [SUBCOMMAND]]: the overview, or the command's
 * --help (heatline help lab fit = heatline lab fit --help). */
static int help(int argc, char **argv)
{
    if (argc < 3) {
        usage(stdout);
        return 0;
    }
    const command *c = find(argv[2]);
    if (!c)
        return unknown(argv[2]);
    char *args[] = {argv[2], argc > 3 ? argv[3] : "--help",
                    argc > 3 ? "--help" : NULL, NULL};
    return c->run(argc > 3 ? 3 : 2, args);
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
