/*
 * cli_outputs.h - the output files of `run` and `season` (--csv DIR,
 * --report FILE) written all or none: begin, write the tables into
 * csv_dir() and the report to report_path(), then commit (or abort).
 */
#ifndef HL_CLI_OUTPUTS_H
#define HL_CLI_OUTPUTS_H

#include "cli.h"

typedef struct cli_outputs {
    const char *dir, *report;
    char stage[4096];      /* staging folder inside dir, "" if none */
    char report_tmp[4096]; /* the report before its rename */
    int made_dir;          /* dir did not exist: removed on abort */
} cli_outputs;

/* Prints the error and returns EXIT_USAGE on failure (nothing left).
 * create_dir: a csv_dir that does not exist is made (and removed again on
 * abort); else it must exist. */
int cli_outputs_begin(const char *cmd, cli_outputs *o, const char *csv_dir,
                      const char *report, int create_dir);
/* Where the tables go (the staging folder) and where the report goes. */
#define cli_outputs_csv_dir(o) ((o)->stage)
#define cli_outputs_report(o)  ((o)->report_tmp)
/* Everything into place; prints the error and returns EXIT_USAGE if a
 * rename fails. */
int cli_outputs_commit(const char *cmd, cli_outputs *o);
/* Remove every temporary (after a failed output). */
void cli_outputs_abort(cli_outputs *o);

#endif
