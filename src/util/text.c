/* text.c - strict number parsing, file reading, edit distance. */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A plain decimal ("97.3", "-12", "0.008", "1.", ".5") of at most 15
 * digits and no exponent, then only spaces: the digits are an integer m
 * below 2^53 and 10^f (f <= 15 decimals) is exact, so m / 10^f is one
 * correctly rounded division, the same double strtod gives (Clinger 1990,
 * "How to read floating point numbers accurately", the fast path). The
 * cells of inventories and tables are mostly such numbers; anything else
 * returns 0 and goes to strtod. The decimal point is '.', the files'.
 */
static int parse_plain_decimal(const char *s, double *out)
{
    static const double pow10[16] = {1e0,  1e1,  1e2,  1e3, 1e4,  1e5,
                                     1e6,  1e7,  1e8,  1e9, 1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15};
    int neg = 0, digits = 0, decimals = -1; /* -1: no point yet */
    long long m = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    for (;; s++) {
        if (*s == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (*s < '0' || *s > '9')
            break;
        if (++digits > 15)
            return 0;
        m = 10 * m + (*s - '0');
        decimals += decimals >= 0;
    }
    while (isspace((unsigned char)*s))
        s++;
    if (!digits || *s)
        return 0;
    double v = (double)m;
    if (decimals > 0)
        v /= pow10[decimals];
    *out = neg ? -v : v;
    return 1;
}

int parse_double(const char *text, double *out)
{
    if (!text)
        return 0;
    while (isspace((unsigned char)*text))
        text++;
    if (!*text)
        return 0;
    if (parse_plain_decimal(text, out))
        return 1;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || errno == ERANGE || !isfinite(v))
        return 0;
    while (isspace((unsigned char)*end))
        end++;
    if (*end)
        return 0;
    *out = v;
    return 1;
}

int parse_int(const char *text, int *out)
{
    if (!text)
        return 0;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (end == text || errno == ERANGE || v < INT_MIN || v > INT_MAX)
        return 0;
    while (isspace((unsigned char)*end))
        end++;
    if (*end)
        return 0;
    *out = (int)v;
    return 1;
}

int read_text_file(const char *path, char **out, size_t *len, hl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return hl_error_set(err, HL_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int too_big = 0;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap)
            break;
        if (n > HL_INPUT_MAX_BYTES) { /* checked while reading: no stat */
            too_big = 1;
            break;
        }
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return hl_error_set(err, HL_ENOMEM, "%s: out of memory", path);
    if (bad || too_big) {
        free(buf);
        if (too_big)
            return hl_error_set(err, HL_EIO,
                                "%s: larger than %zu MB: expected a "
                                "smaller file",
                                path, HL_INPUT_MAX_BYTES >> 20);
        return hl_error_set(err, HL_EIO, "%s: read error", path);
    }
    buf[n] = '\0';
    *out = buf;
    if (len)
        *len = n;
    return HL_OK;
}

int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 60 || lb > 60)
        return 99;
    int row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int same = tolower((unsigned char)a[i - 1]) ==
                       tolower((unsigned char)b[j - 1]);
            int best = diag + (same ? 0 : 1);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb] > 99 ? 99 : row[lb];
}

void copy_text(char *dst, size_t cap, const char *src)
{
    if (!cap)
        return;
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}
