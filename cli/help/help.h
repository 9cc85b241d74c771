/*
 * help.h - the one source of every command's documentation: its synopsis,
 * what it does, and every option with its unit and default. `heatline
 * COMMAND --help` prints it (help_print.c); the build generates the man
 * pages and the bash completion from the same table (docgen.c), so none of
 * them can drift from the others. Plain ASCII (man and terminals).
 */
#ifndef HL_CLI_HELP_H
#define HL_CLI_HELP_H

#include <stdio.h>

/* One option: name without the dashes, its value's metavariable (NULL for
 * a flag), and what it means with its unit and default. An entry without a
 * name is a heading that starts a group of options. */
typedef struct cli_opt_doc {
    const char *name;
    const char *arg;
    const char *text;
} cli_opt_doc;

#define CLI_HEADING(t)                                                         \
    {                                                                          \
        NULL, NULL, t                                                          \
    }
#define CLI_OPT_END                                                            \
    {                                                                          \
        NULL, NULL, NULL                                                       \
    }

#define CLI_MAX_GROUPS 4

/* A command's page. command may be two words ("lab fit"); words are the
 * non-option words completion offers after it (subcommands), space
 * separated, or NULL. */
typedef struct cli_page {
    const char *command;
    const char *summary;  /* one line, for the command list */
    const char *synopsis; /* lines, each starting with the command's args */
    const char *about;    /* paragraphs separated by blank lines */
    const char *words;
    const cli_opt_doc *groups[CLI_MAX_GROUPS]; /* NULL-ended */
} cli_page;

/* Every page, in the order of `heatline help`; n_pages of them. */
extern const cli_page *const cli_pages[];
extern const int cli_n_pages;

/* The page of a command ("run", "lab fit"), or NULL. */
const cli_page *cli_page_find(const char *command);
/* The --help text of a page. */
void cli_page_print(const cli_page *p, FILE *out);
/* cli_page_print of the named page; prints nothing for an unknown one. */
void cli_help(const char *command, FILE *out);
/* A top-level command (one word, not a subcommand page). */
int cli_page_is_command(const cli_page *p);
/* "--name ARG", into buf. */
const char *cli_opt_label(const cli_opt_doc *o, char *buf, size_t size);

#endif
