/*
 * lab_cli.h - the pieces of `heatline lab`: fit, ageing and the CSV
 * templates (cmd_lab.c dispatches).
 */
#ifndef HL_LAB_CLI_H
#define HL_LAB_CLI_H

#include "cli.h"

int lab_fit(int argc, char **argv);
int lab_ageing(int argc, char **argv);
int lab_template(const char *kind);

/* Read the runs of file with the named coefficient set; prints the error
 * and returns 0 on failure. */
int lab_read(const char *cmd, const char *file, int coef_set, hl_lab_data *out);

/* Parse --coefficients NAME into *set; prints the error, returns 0. */
int lab_coef_set(const char *cmd, const char *name, int *set);

/* Temperature option in C to K; prints the error, returns 0. */
int lab_temperature(const char *cmd, const char *opt, const char *text,
                    double *out_k);

#endif
