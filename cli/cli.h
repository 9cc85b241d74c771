/*
 * cli.h - shared pieces of the heatline command-line tool. The CLI uses
 * only the public header; it converts units at the edge (C, mm, bar) and
 * turns library errors into one line on stderr and exit status 2.
 */
#ifndef HL_CLI_H
#define HL_CLI_H

#include "heatline.h"

#include <jansson.h>
#include <stdio.h>

#define EXIT_USAGE 2
/* solved, but the state violates hard limits (docs/cli.md) */
#define EXIT_INFEASIBLE 3

/* Subcommands: argv[0] is the subcommand name. */
int cmd_surface(int argc, char **argv);
int cmd_thickness(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_materials(int argc, char **argv);
int cmd_lab(int argc, char **argv);
int cmd_pipe_loss(int argc, char **argv);
int cmd_season(int argc, char **argv);
int cmd_fitting(int argc, char **argv);
int cmd_water(int argc, char **argv);
int cmd_register(int argc, char **argv);
int cmd_surge(int argc, char **argv);
int cmd_dynamic(int argc, char **argv);

/* Print "heatline CMD: message" on stderr; returns EXIT_USAGE. */
int cli_fail(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Parse a finite number for option opt; on failure prints the error and
 * returns 0. */
int cli_number(const char *cmd, const char *opt, const char *text, double *out);
/* Parse a number of a quantity of the physical-range table (in its unit,
 * heatline_input.h); prints the one error line and returns 0 on failure. */
int cli_quantity(const char *cmd, const char *opt, const char *text,
                 int quantity, double *out);
/* The same for a whole number. */
int cli_whole(const char *cmd, const char *opt, const char *text, int quantity,
              int *out);

/* Option parsing shared by every command: getopt_long over argv, each
 * recognised option handed to take(ctx, code, value), which returns 0 to
 * go on or an exit status. An unknown or incomplete option is an error that
 * names it. Positional arguments stay at argv[optind..]. Returns
 * CLI_GO_ON, CLI_HELP_ASKED (an option named "help"), or an exit status. */
/* The candidate closest to word by edit distance if it is close (at most
 * 2 edits or a third of the word), else NULL (suggest.c). */
const char *cli_closest(const char *word, const char *const *cands, int n);
/* The option name closest to arg ("--nmae" or "--nmae=v"), or NULL. */
struct option;
const char *cli_closest_option(const char *arg, const struct option *opts);

#define CLI_GO_ON      (-1)
#define CLI_HELP_ASKED (-2)
struct option;
typedef int (*cli_take_fn)(void *ctx, int code, const char *value);
int cli_options(const char *cmd, int argc, char **argv,
                const struct option *opts, cli_take_fn take, void *ctx);
/* After cli_options: the positional arguments. A command that takes one
 * optional operand (a model or runs file) passes operand, which receives
 * it or stays untouched; one that takes none passes NULL. Returns
 * CLI_GO_ON, or EXIT_USAGE after naming the first unexpected argument. */
int cli_operand(const char *cmd, int argc, char **argv, const char **operand);
/* The long name of an option code, for messages. */
const char *cli_option_name(const struct option *opts, int code);

/* The language of the text summaries and reports (HL_LANG_*,
 * heatline_lang.h): the environment's (LC_ALL, LC_MESSAGES, LANG) until
 * --lang sets it. */
extern int cli_lang;
/* --lang VALUE: en or zh; anything else is the one error line, and
 * EXIT_USAGE is returned (0 when set). */
int cli_set_lang(const char *cmd, const char *value);

/* Print library warnings on stderr, one per line. */
void cli_print_warnings(const char *cmd, const hl_warnings *w);
/* One warning line on stderr. */
void cli_warn(const char *cmd, const char *text);

/* A material table with the embedded rows plus --materials FILE (may be
 * NULL). Prints the error and returns NULL on failure. */
hl_material_db *cli_materials(const char *cmd, const char *user_file);

/* Layer "MATERIAL:MM" or "k=W/MK:MM" into out; the first material sets
 * *emissivity when it has one. Prints the error, returns 0 on failure. */
int cli_layer(const char *cmd, const hl_material_db *db, const char *spec,
              hl_layer *out, double *emissivity);

/* json_real that maps a non-finite value to null (never NaN in output). */
json_t *cli_json_number(double v);
/* Dump a JSON value to stdout with a newline and free it. */
int cli_json_print(json_t *root);
/* Ends a document streamed to standard output (util/json_out.h): its
 * closing newline and flush; 0, or prints the error and returns 1. */
struct json_out;
int cli_json_finish(struct json_out *w);
void cli_json_out_value(struct json_out *w, const char *key, json_t *v);

#endif
