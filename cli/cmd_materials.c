/* cmd_materials.c - `heatline materials`: list the material table. */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

static void print_row(const hl_material *m)
{
    double t20 = hl_lambda_at(&m->lambda, HL_ZERO_C_K + 20.0);
    double t100 = hl_lambda_at(&m->lambda, HL_ZERO_C_K + 100.0);
    printf("%-26s %-10s %9.4f %9.4f %6.0f..%-6.0f %5.2f\n", m->id,
           m->category, t20, t100, m->t_min_k - HL_ZERO_C_K,
           m->t_max_k - HL_ZERO_C_K, m->emissivity);
}

int cmd_materials(int argc, char **argv)
{
    static const struct option opts[] = {{"materials", 1, 0, 'm'},
                                         {"csv", 0, 0, 'c'},
                                         {"help", 0, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *file = NULL;
    int csv = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'm')
            file = optarg;
        else if (c == 'c')
            csv = 1;
        else if (c == 'h') {
            puts("usage: heatline materials [--materials FILE] [--csv]");
            return 0;
        } else
            return cli_fail("materials", "unknown option '%s'",
                            argv[optind - 1]);
    }
    hl_material_db *db = cli_materials("materials", file);
    if (!db)
        return EXIT_USAGE;
    if (csv)
        puts(hl_material_csv_header());
    else
        printf("%-26s %-10s %9s %9s %14s %5s\n", "id", "category",
               "k@20C", "k@100C", "valid C", "eps");
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
