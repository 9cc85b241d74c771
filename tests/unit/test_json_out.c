/*
 * test_json_out.c - the streaming JSON writer (src/util/json_out.c) prints
 * the text jansson's json_dumps printed before it (JSON_INDENT(2) |
 * JSON_REAL_PRECISION(10) | JSON_PRESERVE_ORDER), byte for byte: on
 * random documents built both ways, on numbers of every magnitude, and on
 * the command line's `run --json` of the default line and of an imported
 * EPANET network, of `season`, `fitting --inventory` and `surge --json`
 * (and, compact with 15 digits, the form of `run --geojson`)
 * (parsed and dumped again by jansson, the bytes must not change). Misuse and a
 * failing sink are reported, never ignored.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "util/json_out.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_FLAGS                                                             \
    (JSON_INDENT(2) | JSON_REAL_PRECISION(10) | JSON_PRESERVE_ORDER)

/* A growing text, the writer's sink. */
typedef struct text {
    char *s;
    size_t n, cap;
} text;

static int text_sink(void *ctx, const char *s, size_t n)
{
    text *t = ctx;
    if (t->n + n + 1 > t->cap) {
        t->cap = 2 * (t->n + n + 1);
        t->s = realloc(t->s, t->cap);
        if (!t->s)
            return -1;
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
    return 0;
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A double from one of several families: raw bit patterns, decimal
 * fractions (ties for %.10g among them), powers of two, whole numbers. */
static double random_double(void)
{
    uint64_t r = next();
    double v;
    switch (r % 5) {
    case 0:
        memcpy(&v, &r, sizeof v);
        if (!isfinite(v))
            v = 1.0;
        break;
    case 1:
        v = (double)(next() % 2000000000ULL) / pow(10, (double)(next() % 16));
        break;
    case 2:
        v = ldexp((double)(next() >> 11), -(int)(next() % 90));
        break;
    case 3:
        v = (double)(int64_t)(next() >> (next() % 60));
        break;
    default:
        v = (double)(next() % 100000) * 1e-5 + 0.5e-10;
    }
    return (r >> 63) ? -v : v;
}

static const char *const strings[] = {
    "",
    "J12345",
    "quote\" and \\ backslash",
    "tab\tnew\nline\r",
    "\x01\x1f\x7f control",
    "UTF-8 \xe6\xb8\xa9\xe5\xba\xa6 \xe2\x80\xa8",
    "/slash/"};

/* A string of 0-79 plain bytes (one in 16 of 5,000-20,000, more than the
 * writer's buffer holds), at times with one byte that needs an escape at a
 * random place (the writer looks at eight bytes at a time). */
static const char *random_string(void)
{
    static char s[20000];
    static const char special[] = {'"', '\\', '\n', 0x01, 0x1f, ' ' - 1};
    size_t n = (size_t)(next() % 16 ? next() % 80 : 5000 + next() % 15000);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(' ' + next() % 95);
    for (size_t i = 0; i < n; i++) /* plain bytes only, for now */
        if (s[i] == '"' || s[i] == '\\')
            s[i] = 'x';
    if (n && next() % 2)
        s[next() % n] = special[next() % sizeof special];
    s[n] = '\0';
    return s;
}

/* One random value, written by the writer and built as a jansson tree:
 * keyed values at random through the functions for keys of known length
 * (the keys here need no escape). */
static json_t *random_value(json_out *w, const char *key, int depth)
{
    uint64_t kind = next() % (depth < 4 ? 8 : 6);
    int known = key && next() % 2;
    size_t klen = key ? strlen(key) : 0;
    switch (kind) {
    case 0: {
        double v = next() % 8 ? random_double() : NAN;
        if (known)
            json_out_real_k(w, key, klen, v);
        else
            json_out_real(w, key, v);
        return isfinite(v) ? json_real(v) : json_null();
    }
    case 1: {
        long long v =
            (long long)(next() >> (next() % 64)) * ((next() & 1) ? -1 : 1);
        if (known)
            json_out_int_k(w, key, klen, v);
        else
            json_out_int(w, key, v);
        return json_integer(v);
    }
    case 2: {
        const char *s =
            next() % 2 ? strings[next() % (sizeof strings / sizeof *strings)]
                       : random_string();
        if (known)
            json_out_string_k(w, key, klen, s);
        else
            json_out_string(w, key, s);
        return json_string(s);
    }
    case 3:
    case 4:
        if (known)
            json_out_bool_k(w, key, klen, kind == 3);
        else
            json_out_bool(w, key, kind == 3);
        return kind == 3 ? json_true() : json_false();
    case 5:
        json_out_null(w, key);
        return json_null();
    case 6: {
        json_out_array(w, key);
        json_t *a = json_array();
        for (int i = 0, n = (int)(next() % 4); i < n; i++)
            json_array_append_new(a, random_value(w, NULL, depth + 1));
        json_out_close(w);
        return a;
    }
    default: {
        json_out_object(w, key);
        json_t *o = json_object();
        for (int i = 0, n = (int)(next() % 4); i < n; i++) {
            char k[16];
            snprintf(k, sizeof k, "k%d", i);
            json_object_set_new(o, k, random_value(w, k, depth + 1));
        }
        json_out_close(w);
        return o;
    }
    }
}

/* Random documents written by the writer in one form and dumped by
 * jansson with flags: byte for byte the same. */
static void documents_in_form(int compact, size_t flags)
{
    for (int doc = 0; doc < 1000; doc++) {
        text t = {0};
        json_out w;
        if (compact)
            json_out_init_compact(&w, text_sink, &t, 15);
        else
            json_out_init(&w, text_sink, &t);
        json_out_object(&w, NULL);
        json_t *root = json_object();
        for (int i = 0; i < 6; i++) {
            char k[16];
            snprintf(k, sizeof k, "part%d", i);
            json_object_set_new(root, k, random_value(&w, k, 1));
        }
        json_out_close(&w);
        assert_int_equal(json_out_end(&w), 0);
        char *want = json_dumps(root, flags);
        assert_non_null(want);
        assert_non_null(t.s);
        t.s[t.n - 1] = '\0'; /* json_dumps has no closing newline */
        assert_string_equal(t.s, want);
        free(want);
        free(t.s);
        json_decref(root);
    }
}

static void documents_equal_jansson(void **state)
{
    (void)state;
    documents_in_form(0, DUMP_FLAGS);
    /* the GeoJSON export's form */
    documents_in_form(1, JSON_COMPACT | JSON_REAL_PRECISION(15) |
                             JSON_PRESERVE_ORDER);
}

static void numbers_equal_jansson(void **state)
{
    (void)state;
    for (int i = 0; i < 300000; i++) {
        double v = random_double();
        char got[40];
        json_out_format_real(got, sizeof got, v);
        json_t *j = json_real(v);
        char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
        if (strcmp(got, want) != 0)
            fail_msg("%.17g: writer '%s', jansson '%s'", v, got, want);
        free(want);
        json_decref(j);
    }
}

static int refusing_sink(void *ctx, const char *s, size_t n)
{
    (void)s;
    (void)n;
    return ++*(int *)ctx > 1 ? -1 : 0;
}

static void misuse_and_failure_reported(void **state)
{
    (void)state;
    text t = {0};
    json_out w;
    json_out_init(&w, text_sink, &t);
    json_out_array(&w, NULL); /* never closed */
    assert_int_not_equal(json_out_end(&w), 0);
    json_out_init(&w, text_sink, &t);
    json_out_close(&w); /* nothing open */
    assert_int_not_equal(json_out_end(&w), 0);
    json_out_init(&w, text_sink, &t);
    for (int i = 0; i <= JSON_OUT_MAX_DEPTH; i++)
        json_out_array(&w, NULL);
    assert_int_not_equal(json_out_end(&w), 0);
    free(t.s);

    /* A sink that refuses its second chunk: the writer stops and says so. */
    int calls = 0;
    json_out_init(&w, refusing_sink, &calls);
    json_out_array(&w, NULL);
    for (int i = 0; i < 20000; i++)
        json_out_real(&w, NULL, i + 0.25);
    json_out_close(&w);
    assert_int_not_equal(json_out_end(&w), 0);
    assert_int_equal(calls, 2);
}

/* The program's output, parsed and dumped again by jansson: unchanged. */
static void cli_output_is_janssons(const char *args)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' %s --json 2>/dev/null", HL_CLI_PATH, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    text t = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        assert_int_equal(text_sink(&t, buf, n), 0);
    assert_int_equal(pclose(p), 0);
    assert_true(t.n > 1000);
    json_error_t err;
    json_t *doc = json_loadb(t.s, t.n, 0, &err);
    if (!doc)
        fail_msg("%s: not JSON: %s at line %d", args, err.text, err.line);
    char *again = json_dumps(doc, DUMP_FLAGS);
    t.s[t.n - 1] = '\0';
    assert_string_equal(t.s, again);
    free(again);
    json_decref(doc);
    free(t.s);
}

static void run_json_default_line(void **state)
{
    (void)state;
    cli_output_is_janssons("run");
}

static void run_json_imported_network(void **state)
{
    (void)state;
    cli_output_is_janssons("run '" HL_SOURCE_DIR
                           "/tests/data/fuzz/line_5.inp'");
}

static void season_inventory_surge_json(void **state)
{
    (void)state;
    cli_output_is_janssons("season --from 01-10 --to 01-10");
    cli_output_is_janssons("fitting --inventory '" HL_SOURCE_DIR
                           "/examples/fittings/chamber.csv'");
    cli_output_is_janssons("surge --event 'station-trip:relay PS2' "
                           "--duration 20 --watch PS2-S-IN,PS1-R-IN");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(documents_equal_jansson),
        cmocka_unit_test(numbers_equal_jansson),
        cmocka_unit_test(misuse_and_failure_reported),
        cmocka_unit_test(run_json_default_line),
        cmocka_unit_test(run_json_imported_network),
        cmocka_unit_test(season_inventory_surge_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
