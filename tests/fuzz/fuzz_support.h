/*
 * fuzz_support.h - shared by the libFuzzer harnesses (tests/fuzz/README.md):
 * the oracle every reader must satisfy beyond not crashing, and scratch
 * files for readers that take paths.
 *
 * The oracle: a failure comes with exactly one line of valid UTF-8 that
 * shows no internal nan/inf and no runaway number; a success gives only
 * finite results. A broken promise aborts, which libFuzzer reports as a
 * crash with the input that caused it.
 */
#ifndef HL_FUZZ_SUPPORT_H
#define HL_FUZZ_SUPPORT_H

#include "heatline.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline void fuzz_fail(const char *what, const char *text)
{
    fprintf(stderr, "fuzz oracle: %s: %s\n", what, text ? text : "(null)");
    abort();
}

/* The input of the current run as a message would show it (NUL-separated
 * pieces through hl_text_show, joined by spaces): a message may quote the
 * input, so what its rendering holds is not held against the message. */
static char fuzz_shown[4 * 8192 + 64];

static inline void fuzz_input(const uint8_t *data, size_t size)
{
    size_t at = 0;
    fuzz_shown[0] = '\0';
    for (size_t i = 0; i < size && at + 8 < sizeof fuzz_shown;) {
        char piece[8193];
        size_t n = 0;
        while (i < size && data[i] && n < sizeof piece - 1)
            piece[n++] = (char)data[i++];
        piece[n] = '\0';
        if (i < size && !data[i])
            i++;
        hl_text_show(fuzz_shown + at, sizeof fuzz_shown - at, piece, n + 1);
        at += strlen(fuzz_shown + at);
        fuzz_shown[at++] = ' ';
        fuzz_shown[at] = '\0';
    }
}

static inline int is_word_at(const char *s, const char *p, const char *w,
                             size_t n)
{
    return strncasecmp(p, w, n) == 0 &&
           (p == s || !isalnum((unsigned char)p[-1])) &&
           !isalnum((unsigned char)p[n]);
}

/* The word "nan" or "inf" in s (not inside a longer word). */
static inline int has_nonfinite_word(const char *s)
{
    for (const char *p = s; *p; p++)
        if (is_word_at(s, p, "nan", 3) || is_word_at(s, p, "inf", 3))
            return 1;
    return 0;
}

/* Longest run of digits in s. */
static inline size_t longest_digits(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        run = isdigit((unsigned char)*s) ? run + 1 : 0;
        best = run > best ? run : best;
    }
    return best;
}

/* "nan" or "inf" anywhere in the shown input (any case). */
static inline int input_has_nonfinite(void)
{
    for (const char *p = fuzz_shown; *p; p++)
        if (strncasecmp(p, "nan", 3) == 0 || strncasecmp(p, "inf", 3) == 0)
            return 1;
    return 0;
}

static inline int has_internal_nonfinite(const char *s)
{
    return has_nonfinite_word(s) && !input_has_nonfinite();
}

/* Longest run of digits in a message, where a shown byte \xNN is no
 * digit: its hex may end in one beside the input's own digits. */
static inline size_t longest_digits_shown(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'x' && isxdigit((unsigned char)s[2]) &&
            isxdigit((unsigned char)s[3])) {
            run = 0;
            s += 3;
            continue;
        }
        run = isdigit((unsigned char)*s) ? run + 1 : 0;
        best = run > best ? run : best;
    }
    return best;
}

static inline int has_long_number(const char *s)
{
    size_t in_msg = longest_digits_shown(s);
    return in_msg > 24 && in_msg > longest_digits(fuzz_shown);
}

/* The promise of every error message. */
static inline void fuzz_check_message(const char *msg)
{
    if (!msg || !*msg)
        fuzz_fail("an error without a message", msg);
    if (strchr(msg, '\n') || strchr(msg, '\r'))
        fuzz_fail("a message of more than one line", msg);
    if (hl_text_problem(msg, 0, 0))
        fuzz_fail("a message that is not one line of UTF-8", msg);
    if (has_internal_nonfinite(msg))
        fuzz_fail("a message showing nan or inf", msg);
    if (has_long_number(msg))
        fuzz_fail("a message showing a runaway number", msg);
}

static inline void fuzz_check_finite(const char *what, double v)
{
    if (!isfinite(v)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%g", v);
        fuzz_fail(what, buf);
    }
}

/* A private scratch folder for readers that take paths (one per process:
 * libFuzzer runs inputs one after another). */
static inline const char *fuzz_dir(void)
{
    static char dir[256];
    if (!dir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/heatline-fuzz-XXXXXX",
                 base && *base ? base : "/tmp");
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

/* Write data to name in the scratch folder; returns the path. */
static inline const char *fuzz_write(const char *name, const uint8_t *data,
                                     size_t size)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    return path;
}

/* Solve a loaded model and check what a success promises: finite totals
 * and node results; a failure, the message. */
static inline void fuzz_solve(hl_model *m)
{
    hl_solve_options o;
    hl_solve_options_init(&o);
    o.max_iterations = 40; /* small fuzzed networks: keep each run short */
    o.max_rounds = 10;
    if (hl_model_solve(m, &o)) {
        fuzz_check_message(hl_model_error(m));
        return;
    }
    hl_totals t;
    if (hl_model_totals(m, &t))
        fuzz_fail("no totals after a solve", hl_model_error(m));
    fuzz_check_finite("heat from the sources", t.heat_source_w);
    fuzz_check_finite("heat delivered", t.heat_delivered_w);
    fuzz_check_finite("pipe losses", t.heat_loss_pipes_w);
    fuzz_check_finite("pump power", t.pump_power_w);
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result r;
        if (!hl_model_pipe_result(m, i, &r) && r.open)
            fuzz_check_finite("a pipe's flow", r.mass_flow_kg_s);
    }
    for (int i = 0; i < hl_model_count(m, HL_CONSUMER); i++) {
        hl_consumer_result r;
        if (!hl_model_consumer_result(m, i, &r))
            fuzz_check_finite("a consumer's heat", r.heat_w);
    }
}

#endif
