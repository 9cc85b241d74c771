/*
 * fitting_batch.c - `heatline fitting --inventory FILE` (a whole chamber or
 * line at once, CSV or JSON out, written whole or not at all) and
 * `heatline fitting --list` (the catalogue).
 */
#include "fitting_args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CMD "fitting"

/* Write text to path through a temporary file in the same directory and a
 * rename, so that a failure never leaves a partial file. */
static int write_whole(const char *path, const char *text, size_t len)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return cli_fail(CMD, "out of memory");
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return cli_fail(CMD, "--output %s: %s", path, strerror(e));
    }
    FILE *f = fdopen(fd, "w");
    int ok = f && fwrite(text, 1, len, f) == len;
    ok = (f ? fclose(f) == 0 : (close(fd), 0)) && ok;
    if (!ok || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        free(tmp);
        return cli_fail(CMD, "--output %s: %s", path, strerror(e));
    }
    free(tmp);
    return 0;
}

static int emit(const fitting_args *a, const char *text, size_t len)
{
    if (a->output)
        return write_whole(a->output, text, len);
    if (fwrite(text, 1, len, stdout) != len)
        return cli_fail(CMD, "writing the results failed");
    if (a->json)
        fputc('\n', stdout);
    return 0;
}

/* The whole file into a NUL-terminated buffer; prints the error. */
static int read_file(const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return cli_fail(CMD, "--inventory %s: %s", path, strerror(errno));
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap);
    int too_big = 0;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n > HL_INPUT_MAX_BYTES) { /* an endless file has no size */
            too_big = 1;
            break;
        }
        if (cap - n - 1 == 0) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad || too_big) {
        const char *why = !buf  ? "out of memory"
                          : bad ? "read error"
                                : "larger than 256 MB: expected a smaller file";
        free(buf);
        return cli_fail(CMD, "--inventory %s: %s", path, why);
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}

int fitting_run_inventory(fitting_args *a, const hl_fitting_catalog *cat)
{
    char *text = NULL, *out = NULL;
    size_t len = 0, out_len = 0;
    hl_error err;
    hl_error_clear(&err);
    if (read_file(a->inventory, &text, &len))
        return EXIT_USAGE;
    hl_inventory_options opt = {a->db, a->cond, a->keep_going};
    hl_inventory inv;
    int rc = hl_inventory_run(text, len, a->inventory, cat, &opt, &inv, &err);
    free(text);
    if (rc)
        return cli_fail(CMD, "%s", err.message);
    for (int i = 0; i < inv.n_errors; i++)
        fprintf(stderr, "heatline %s: skipped %s\n", CMD, inv.errors[i]);
    rc = hl_inventory_format(&inv, cat, a->json, &out, &out_len, &err);
    if (rc)
        rc = cli_fail(CMD, "%s", err.message);
    else
        rc = emit(a, out, out_len);
    if (!rc && inv.n_errors)
        rc = 1; /* done, but rows were skipped (--keep-going) */
    free(out);
    hl_inventory_free(&inv);
    return rc;
}

int fitting_print_list(const fitting_args *a, const hl_fitting_catalog *cat)
{
    json_t *arr = a->json ? json_array() : NULL;
    if (!a->json)
        printf("%-20s %6s %4s %9s %8s  %s\n", "type", "DN", "PN", "area m2",
               "pipe mm", "source of the dimensions");
    for (int id = 0; id < hl_fitting_count(cat); id++) {
        hl_fitting_info f;
        hl_fitting_info_at(cat, id, &f);
        if (a->type >= 0 && f.type != a->type)
            continue;
        const char *name = hl_fitting_type_name(f.type);
        if (!a->json) {
            printf("%-20s %6d %4d %9.3f %8.1f  %s\n", name, f.dn, f.pn,
                   f.area_m2, f.pipe_od_m * 1e3, f.source);
            continue;
        }
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string(name));
        json_object_set_new(o, "summary",
                            json_string(hl_fitting_type_summary(f.type)));
        json_object_set_new(o, "dn", json_integer(f.dn));
        json_object_set_new(o, "pn", json_integer(f.pn));
        json_object_set_new(o, "area_m2", cli_json_number(f.area_m2));
        json_object_set_new(o, "pipe_od_mm",
                            cli_json_number(f.pipe_od_m * 1e3));
        json_object_set_new(o, "parts", json_integer(f.n_patches));
        json_object_set_new(o, "source", json_string(f.source));
        json_array_append_new(arr, o);
    }
    return a->json ? cli_json_print(arr) : 0;
}
