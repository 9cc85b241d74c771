/* cmd_materials.c - `heatline materials`: list the material table. */
#include "cli.h"
#include "help/help.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

static void print_row(const hl_material *m)
{
    double t20 = hl_lambda_at(&m->lambda, HL_ZERO_C_K + 20.0);
    double t100 = hl_lambda_at(&m->lambda, HL_ZERO_C_K + 100.0);
    printf("%-26s %-10s %9.4f %9.4f %6.0f..%-6.0f %5.2f\n", m->id, m->category,
           t20, t100, m->t_min_k - HL_ZERO_C_K, m->t_max_k - HL_ZERO_C_K,
           m->emissivity);
}

typedef struct list_args {
    const char *file;
    int csv;
} list_args;

static int take(void *ctx, int c, const char *v)
{
    list_args *a = ctx;
    if (c == 'm')
        a->file = v;
    else
        a->csv = 1;
    return 0;
}

int cmd_materials(int argc, char **argv)
{
    static const struct option opts[] = {{"materials", 1, 0, 'm'},
                                         {"csv", 0, 0, 'c'},
                                         {"help", 0, 0, 'h'},
                                         {0, 0, 0, 0}};
    list_args a = {NULL, 0};
    int rc = cli_options("materials", argc, argv, opts, take, &a);
    if (rc == CLI_HELP_ASKED) {
        cli_help("materials", stdout);
        return 0;
    }
    if (rc != CLI_GO_ON)
        return rc;
    if (cli_operand("materials", argc, argv, NULL) != CLI_GO_ON)
        return EXIT_USAGE;
    const char *file = a.file;
    int csv = a.csv;
    hl_material_db *db = cli_materials("materials", file);
    if (!db)
        return EXIT_USAGE;
    if (csv)
        puts(hl_material_csv_header());
    else
        printf("%-26s %-10s %9s %9s %14s %5s\n", "id", "category", "k@20C",
               "k@100C", "valid C", "eps");
    for (int i = 0; i < hl_material_db_count(db); i++) {
        const hl_material *m = hl_material_db_at(db, i);
        char row[2048];
        if (csv && hl_material_format_csv(m, row, sizeof row) == HL_OK)
            puts(row);
        else if (!csv)
            print_row(m);
    }
    hl_material_db_free(db);
    return 0;
}
