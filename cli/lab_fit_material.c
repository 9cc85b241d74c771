/*
 * lab_fit_material.c - the material row of `heatline lab fit --name`: the
 * header and one row in the data/materials.csv format, written to a
 * temporary file beside the target and renamed, so a failure never leaves
 * a partial file.
 */
#include "lab_fit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_rows(FILE *f, const char *row)
{
    return fprintf(f, "%s\n%s\n", hl_material_csv_header(), row) > 0;
}

static int write_atomic(const char *path, const char *row)
{
    size_t len = strlen(path);
    char *tmp = malloc(len + 16);
    if (!tmp)
        return cli_fail(CMD, "out of memory");
    snprintf(tmp, len + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int ok = f && write_rows(f, row);
    if (f)
        ok = (fclose(f) == 0) && ok;
    else if (fd >= 0)
        close(fd);
    ok = ok && rename(tmp, path) == 0;
    if (!ok && fd >= 0)
        remove(tmp);
    free(tmp);
    if (!ok)
        return cli_fail(CMD, "--output %s: cannot write the file", path);
    return 0;
}

int lab_write_material(const fit_args *a, const hl_lab_data *d,
                       const fit_result *res)
{
    hl_material m;
    hl_lab_material(&res->fit, a->name, a->category, d->origin, res->emissivity,
                    res->density, &m);
    char row[2048];
    if (hl_material_format_csv(&m, row, sizeof row))
        return cli_fail(CMD, "material row too long");
    if (!a->output) {
        write_rows(stdout, row);
        return 0;
    }
    return write_atomic(a->output, row);
}
