/*
 * cmd_lab.c - `heatline lab`: lab test runs to design values. Subcommands
 * fit and ageing, and --template to start a data file. The option and
 * column contract is in docs/cli.md.
 */
#include "lab_cli.h"
#include "help/help.h"

#include <string.h>

int lab_read(const char *cmd, const char *file, int coef_set, hl_lab_data *out)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_lab_read_csv(file, coef_set, out, &err)) {
        cli_fail(cmd, "%s", err.message);
        return 0;
    }
    return 1;
}

int lab_coef_set(const char *cmd, const char *name, int *set)
{
    *set = hl_coef_set_from_name(name);
    if (*set >= 0)
        return 1;
    cli_fail(cmd,
             "--coefficients '%s': expected iso12241, astm-c680 or "
             "gb50264",
             name);
    return 0;
}

int lab_temperature(const char *cmd, const char *opt, const char *text,
                    double *out_k)
{
    double c;
    if (!cli_quantity(cmd, opt, text, HL_Q_PROCESS_TEMP_C, &c))
        return 0;
    *out_k = c + HL_ZERO_C_K;
    return 1;
}

int cmd_lab(int argc, char **argv)
{
    if (argc < 2)
        return cli_fail("lab", "expected fit, ageing or --template (see "
                               "heatline lab --help)");
    const char *sub = argv[1];
    if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
        cli_help("lab", stdout);
        return 0;
    }
    if (strcmp(sub, "--template") == 0 ||
        strncmp(sub, "--template=", 11) == 0) {
        const char *kind = sub[10] == '=' ? sub + 11
                           : argc > 2     ? argv[2]
                                          : NULL;
        if (!kind)
            return cli_fail("lab", "--template needs pipe, plate or "
                                   "comparison");
        return lab_template(kind);
    }
    if (strcmp(sub, "fit") == 0)
        return lab_fit(argc - 1, argv + 1);
    if (strcmp(sub, "ageing") == 0 || strcmp(sub, "aging") == 0)
        return lab_ageing(argc - 1, argv + 1);
    return cli_fail("lab",
                    "unknown subcommand '%s': expected fit, ageing "
                    "or --template",
                    sub);
}
