/* cli_common.c - error printing, number and layer parsing, JSON output. */
#include "cli.h"
#include "util/json_out.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_fail(const char *cmd, const char *fmt, ...)
{
    char raw[1024], line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    /* one line whatever an argument held (a newline, bytes not UTF-8) */
    fprintf(stderr, "heatline %s: %s\n", cmd,
            hl_text_show(line, sizeof line, raw, sizeof line));
    return EXIT_USAGE;
}

int cli_number(const char *cmd, const char *opt, const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    while (end && isspace((unsigned char)*end))
        end++;
    if (end == text || *end || errno == ERANGE || !isfinite(v)) {
        char shown[64];
        cli_fail(cmd, "%s '%s': expected a finite number", opt,
                 hl_text_show(shown, sizeof shown, text, 40));
        return 0;
    }
    *out = v;
    return 1;
}

int cli_lang = HL_LANG_EN;

int cli_set_lang(const char *cmd, const char *value)
{
    int l = hl_lang_from_name(value);
    if (l < 0)
        return cli_fail(cmd, "--lang '%s': expected en or zh", value);
    cli_lang = l;
    return 0;
}

void cli_warn(const char *cmd, const char *text)
{
    fprintf(stderr, "heatline %s: warning: %s\n", cmd, text);
}

int cli_quantity(const char *cmd, const char *opt, const char *text,
                 int quantity, double *out)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_range_parse(quantity, opt, text, out, &err)) {
        cli_fail(cmd, "%s", err.message);
        return 0;
    }
    return 1;
}

int cli_whole(const char *cmd, const char *opt, const char *text, int quantity,
              int *out)
{
    hl_error err;
    hl_error_clear(&err);
    if (hl_range_parse_int(quantity, opt, text, out, &err)) {
        cli_fail(cmd, "%s", err.message);
        return 0;
    }
    return 1;
}

void cli_print_warnings(const char *cmd, const hl_warnings *w)
{
    for (int i = 0; i < w->count; i++)
        cli_warn(cmd, w->text[i]);
}

hl_material_db *cli_materials(const char *cmd, const char *user_file)
{
    hl_material_db *db = NULL;
    hl_error err;
    hl_error_clear(&err);
    int rc = hl_material_db_new(&db, &err);
    if (!rc && user_file)
        rc = hl_material_db_load_csv(db, user_file, &err);
    if (rc) {
        cli_fail(cmd, "--materials: %s", err.message);
        hl_material_db_free(db);
        return NULL;
    }
    return db;
}

static int layer_inline(const char *cmd, const char *spec, const char *k_text,
                        hl_layer *out)
{
    double k;
    (void)spec;
    if (!cli_quantity(cmd, "--layer k=", k_text, HL_Q_CONDUCTIVITY, &k))
        return 0;
    memset(out, 0, sizeof *out);
    out->lambda = hl_lambda_constant(k);
    out->t_min_k = out->t_max_k = NAN;
    snprintf(out->name, sizeof out->name, "k=%g", k);
    return 1;
}

int cli_layer(const char *cmd, const hl_material_db *db, const char *spec,
              hl_layer *out, double *emissivity)
{
    char buf[160];
    const char *colon = strrchr(spec, ':');
    if (!colon || colon == spec || strlen(spec) >= sizeof buf) {
        cli_fail(cmd, "--layer '%s': expected MATERIAL:MM or k=W/MK:MM", spec);
        return 0;
    }
    memcpy(buf, spec, (size_t)(colon - spec));
    buf[colon - spec] = '\0';
    double mm;
    if (!cli_quantity(cmd, "--layer thickness", colon + 1, HL_Q_THICKNESS_MM,
                      &mm))
        return 0;
    if (strncmp(buf, "k=", 2) == 0) {
        if (!layer_inline(cmd, spec, buf + 2, out))
            return 0;
    } else {
        const hl_material *m = hl_material_find(db, buf);
        if (!m) {
            char hint[200];
            hl_material_suggest(db, buf, 3, hint, sizeof hint);
            cli_fail(cmd, "--layer '%s': unknown material '%s' (closest: %s)",
                     spec, buf, hint);
            return 0;
        }
        hl_layer_from_material(m, 0.0, out);
        if (emissivity && isfinite(m->emissivity))
            *emissivity = m->emissivity;
    }
    out->thickness_m = mm * 1e-3;
    return 1;
}

json_t *cli_json_number(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

int cli_json_print(json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(10) |
                                      JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text)
        return cli_fail("json", "out of memory");
    puts(text);
    free(text);
    return 0;
}

/* A jansson value written into the stream (objects in their insertion
 * order, as cli_json_print dumps them), so that a command can build one
 * row at a time and never the whole document. */
void cli_json_out_value(struct json_out *w, const char *key, json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *k;
        json_t *x;
        json_out_object(w, key);
        json_object_foreach(v, k, x) cli_json_out_value(w, k, x);
        json_out_close(w);
        break;
    }
    case JSON_ARRAY: {
        size_t i;
        json_t *x;
        json_out_array(w, key);
        json_array_foreach(v, i, x) cli_json_out_value(w, NULL, x);
        json_out_close(w);
        break;
    }
    case JSON_STRING:
        json_out_string(w, key, json_string_value(v));
        break;
    case JSON_INTEGER:
        json_out_int(w, key, json_integer_value(v));
        break;
    case JSON_REAL:
        json_out_real(w, key, json_real_value(v));
        break;
    case JSON_TRUE:
        json_out_bool(w, key, 1);
        break;
    case JSON_FALSE:
        json_out_bool(w, key, 0);
        break;
    default:
        json_out_null(w, key);
        break;
    }
}

int cli_json_finish(struct json_out *w)
{
    if (json_out_end(w) || fflush(stdout))
        return cli_fail("json", "writing standard output failed");
    return 0;
}

const char *cli_option_name(const struct option *opts, int code)
{
    for (; opts->name; opts++)
        if (opts->val == code)
            return opts->name;
    return "?";
}

int cli_operand(const char *cmd, int argc, char **argv, const char **operand)
{
    if (operand && optind < argc)
        *operand = argv[optind++];
    if (optind < argc)
        return cli_fail(cmd, "unexpected argument '%s'", argv[optind]);
    return CLI_GO_ON;
}

/* An option getopt refused: a known one without its value, or an
 * unknown one with the closest known name. */
static int bad_option(const char *cmd, const char *arg,
                      const struct option *opts)
{
    const char *near = cli_closest_option(arg, opts);
    size_t l = strcspn(arg, "=");
    if (near && strncmp(arg, "--", 2) == 0 && strlen(near) == l - 2 &&
        strncmp(arg + 2, near, l - 2) == 0)
        return cli_fail(cmd,
                        "option '--%s' needs a value (see heatline %s "
                        "--help)",
                        near, cmd);
    if (near)
        return cli_fail(cmd,
                        "unknown option '%s' (did you mean '--%s'? see "
                        "heatline %s --help)",
                        arg, near, cmd);
    return cli_fail(cmd, "unknown option '%s' (see heatline %s --help)", arg,
                    cmd);
}

int cli_options(const char *cmd, int argc, char **argv,
                const struct option *opts, cli_take_fn take, void *ctx)
{
    int c, rc, idx = 0;
    opterr = 0;
    optind = 1;
    if (getenv("HEATLINE_LIST_OPTIONS")) { /* for tests/cli/test_help.sh */
        for (; opts->name; opts++)
            printf("--%s\n", opts->name);
        return 0;
    }
    while ((c = getopt_long(argc, argv, "", opts, &idx)) != -1) {
        if (c == '?' || c == ':')
            return bad_option(cmd, argv[optind - 1], opts);
        if (strcmp(cli_option_name(opts, c), "help") == 0)
            return CLI_HELP_ASKED;
        if ((rc = take(ctx, c, optarg)) != 0)
            return rc;
    }
    return CLI_GO_ON;
}
