/*
 * register_cli.h - the `heatline register` command's parsed arguments and
 * its subcommands (cmd_register.c parses, register_run.c runs).
 */
#ifndef HL_REGISTER_CLI_H
#define HL_REGISTER_CLI_H

typedef struct reg_args {
    const char *file, *sub, *operand;
    const char *model, *option, *by, *why, *date, *crew, *material, *batch;
    const char *template_kind;
    double threshold_k, thickness_mm, cost_cny, tolerance_pct, limit_c;
    int json;
    unsigned seen; /* options given */
} reg_args;

int register_run(const reg_args *a);

#endif
