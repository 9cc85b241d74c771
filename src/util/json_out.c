/* json_out.c - the streaming JSON writer (json_out.h). */
#include "util/json_out.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void json_out_init(json_out *w, json_sink sink, void *ctx)
{
    w->depth = 0;
    w->failed = 0;
    w->used = 0;
    w->sink = sink;
    w->ctx = ctx;
    w->compact = 0;
    w->precision = 10;
}

void json_out_init_compact(json_out *w, json_sink sink, void *ctx,
                           int precision)
{
    json_out_init(w, sink, ctx);
    w->compact = 1;
    w->precision = precision >= 1 && precision <= 17 ? precision : 17;
}

int json_out_file_sink(void *ctx, const char *text, size_t len)
{
    return fwrite(text, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

static void flush(json_out *w)
{
    if (!w->failed && w->used && w->sink(w->ctx, w->buf, w->used))
        w->failed = 1;
    w->used = 0;
}

/* Small pieces collect in the buffer: one sink call per 16 KiB, not one
 * per token (a sink call per token cost more than the numbers). */
static void put(json_out *w, const char *text, size_t len)
{
    if (w->used + len > sizeof w->buf) {
        flush(w);
        if (len > sizeof w->buf) {
            if (!w->failed && w->sink(w->ctx, text, len))
                w->failed = 1;
            return;
        }
    }
    memcpy(w->buf + w->used, text, len);
    w->used += len;
}

static void puts_(json_out *w, const char *text)
{
    put(w, text, strlen(text));
}

/* Room for n more bytes at the end of buf (flushed first where they do not
 * fit); NULL if n is more than the buffer holds. Values that fit are
 * written straight into it, without a copy per piece. */
static char *reserve(json_out *w, size_t n)
{
    if (w->used + n > sizeof w->buf) {
        flush(w);
        if (n > sizeof w->buf)
            return NULL;
    }
    return w->buf + w->used;
}

/* Whether one of the eight bytes of x needs an escape in a JSON string:
 * below 0x20, '"' or '\\'. has_below(x, n) is exact for "some byte of x is
 * below n" (n <= 128; which byte may be misreported, which is not asked). */
#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
static int has_below(uint64_t x, unsigned n)
{
    return ((x - ONES * n) & ~x & HIGHS) != 0;
}

static int word_needs_escape(uint64_t x)
{
    return has_below(x, 0x20) || has_below(x ^ (ONES * '"'), 1) ||
           has_below(x ^ (ONES * '\\'), 1);
}

/* The length of s if no byte of it needs an escape, else SIZE_MAX: eight
 * bytes at a time (ids and keys are a few to a few tens of bytes; the byte
 * loop cost ten instructions a byte). */
static size_t plain_length(const char *s)
{
    size_t n = strlen(s), i = 0;
    uint64_t x;
    for (; i + 8 <= n; i += 8) {
        memcpy(&x, s + i, 8);
        if (word_needs_escape(x))
            return SIZE_MAX;
    }
    x = ONES * 'a'; /* the tail, padded with a plain byte */
    memcpy(&x, s + i, n - i);
    return word_needs_escape(x) ? SIZE_MAX : n;
}

/* A newline and two spaces per open container: depth <= JSON_OUT_MAX_DEPTH
 * takes at most these 65 bytes. */
static const char line[] = "\n                                "
                           "                                ";

static void newline(json_out *w, int depth)
{
    put(w, line, (size_t)(1 + 2 * depth));
}

/* The escaped body of s, quotes around, for the strings that need it. */
static void string_escaped(json_out *w, const char *s)
{
    put(w, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, run, (size_t)(s - run));
        char esc[8];
        switch (c) {
        case '"':
            puts_(w, "\\\"");
            break;
        case '\\':
            puts_(w, "\\\\");
            break;
        case '\b':
            puts_(w, "\\b");
            break;
        case '\f':
            puts_(w, "\\f");
            break;
        case '\n':
            puts_(w, "\\n");
            break;
        case '\r':
            puts_(w, "\\r");
            break;
        case '\t':
            puts_(w, "\\t");
            break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", c);
            puts_(w, esc);
        }
        run = s + 1;
    }
    put(w, run, (size_t)(s - run));
    put(w, "\"", 1);
}

/* Most strings (ids, keys) need no escape: one scan, one copy. */
static void string_body(json_out *w, const char *s)
{
    size_t n = plain_length(s);
    if (n == SIZE_MAX || w->used + n + 2 > sizeof w->buf) {
        string_escaped(w, s);
        return;
    }
    char *p = w->buf + w->used;
    *p = '"';
    memcpy(p + 1, s, n);
    p[n + 1] = '"';
    w->used += n + 2;
}

/* The separator before a value, and its key. */
static void begin_value(json_out *w, const char *key)
{
    if (w->depth > 0) {
        if (w->count[w->depth - 1]++)
            put(w, ",", 1);
        if (!w->compact)
            newline(w, w->depth);
    }
    if (key) {
        string_body(w, key);
        put(w, ": ", w->compact ? 1 : 2);
    }
}

/* n bytes from s to p in words, the last one overlapping the one before
 * (no library call for the few bytes of a key or an id). */
static void copy_short(char *p, const char *s, size_t n)
{
    if (n > 64) {
        memcpy(p, s, n);
    } else if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8)
            memcpy(p + i, s + i, 8);
        memcpy(p + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(p, s, 4);
        memcpy(p + n - 4, s + n - 4, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            p[i] = s[i];
    }
}

/* Keys and strings up to these lengths go straight into the buffer. */
#define KEY_DIRECT_MAX    128
#define STRING_DIRECT_MAX 4096

/* begin_value written straight into the buffer, with room for extra bytes
 * of the value after the key: where the value goes (the caller then sets
 * w->used past it), or NULL for a key that needs escapes or is long (the
 * caller then takes begin_value and put). One reservation per value: the
 * piece by piece puts cost more than the numbers' formatting. */
static char *begin_direct_k(json_out *w, const char *key, size_t klen,
                            size_t extra);

static char *begin_direct(json_out *w, const char *key, size_t extra)
{
    size_t klen = 0;
    if (key && (klen = plain_length(key)) > KEY_DIRECT_MAX)
        return NULL;
    return begin_direct_k(w, key, klen, extra);
}

/* begin_direct for a key of klen bytes known to need no escape. */
static char *begin_direct_k(json_out *w, const char *key, size_t klen,
                            size_t extra)
{
    char *p = reserve(w, 1 + sizeof line + klen + 4 + extra);
    if (!p)
        return NULL;
    if (w->depth > 0) {
        if (w->count[w->depth - 1]++)
            *p++ = ',';
        if (!w->compact) {
            /* all 65 bytes (a fixed size: a few moves), kept up to the depth */
            memcpy(p, line, sizeof line - 1);
            p += 1 + 2 * w->depth;
        }
    }
    if (key) {
        *p++ = '"';
        copy_short(p, key, klen);
        p += klen;
        *p++ = '"';
        *p++ = ':';
        if (!w->compact)
            *p++ = ' ';
    }
    return p;
}

static void end_direct(json_out *w, const char *p)
{
    w->used = (size_t)(p - w->buf);
}

static void open_container(json_out *w, const char *key, char open)
{
    begin_value(w, key);
    if (w->depth == JSON_OUT_MAX_DEPTH) {
        w->failed = 1;
        return;
    }
    put(w, &open, 1);
    w->close[w->depth] = open == '{' ? '}' : ']';
    w->count[w->depth++] = 0;
}

void json_out_object(json_out *w, const char *key)
{
    open_container(w, key, '{');
}

void json_out_array(json_out *w, const char *key)
{
    open_container(w, key, '[');
}

void json_out_close(json_out *w)
{
    if (w->depth == 0) {
        w->failed = 1;
        return;
    }
    w->depth--;
    if (w->count[w->depth] && !w->compact) /* an empty one stays on its line */
        newline(w, w->depth);
    put(w, &w->close[w->depth], 1);
}

/* |v| scaled by 10^shift with one rounding (powers up to 1e22 are exact
 * doubles). */
static double scale10(double a, int shift)
{
    static const double pow10[] = {
        1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    return shift >= 0 ? a * pow10[shift] : a / pow10[-shift];
}

/* The ten significant digits of |v| (v finite, non-zero) as an integer
 * in [1e9, 1e10) and the decimal exponent of the first: 0, or -1 where
 * the rounding cannot be decided here. |v| * 10^(9-e) is one correctly
 * rounded operation on exact operands: below 1e10 its error is at most
 * 1e10 * 2^-53 ~ 1.1e-6, so a fraction within 1e-4 of one half (a
 * possible tie, one value in 5000) is left to snprintf, and the digits are
 * those of a correctly rounded %.10g. */
static int ten_digits(double v, long long *digits, int *exp10)
{
    double a = fabs(v);
    /* a in [2^(b2-1), 2^b2) from its exponent bits (a subnormal lands far
     * below the range and is left to snprintf); floor((b2 - 1) log10 2) as
     * (b2 - 1) * 78913 / 2^18, exact for |b2| < 1600: the decimal
     * exponent, or one below it */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int b2 = (int)((bits >> 52) & 0x7ff) - 1022;
    int e = ((b2 - 1) * 78913) >> 18;
    if (e < -13 || e > 30)
        return -1;
    double scaled = scale10(a, 9 - e);
    if (scaled >= 1e10)
        scaled = scale10(a, 9 - ++e);
    if (scaled < 1e9 || scaled >= 1e10)
        return -1;
    long long whole = (long long)scaled; /* below 1e10: exact */
    double frac = scaled - (double)whole;
    if (fabs(frac - 0.5) < 1e-4)
        return -1;
    long long q = whole + (frac > 0.5);
    if (q == 10000000000LL) {
        q = 1000000000LL;
        e++;
    }
    *digits = q;
    *exp10 = e;
    return 0;
}

/* The five decimal digits of v < 100000, two at a time. */
static void five_digits(char *d, uint32_t v)
{
    static const char pairs[] = "00010203040506070809"
                                "10111213141516171819"
                                "20212223242526272829"
                                "30313233343536373839"
                                "40414243444546474849"
                                "50515253545556575859"
                                "60616263646566676869"
                                "70717273747576777879"
                                "80818283848586878889"
                                "90919293949596979899";
    d[0] = (char)('0' + v / 10000);
    v %= 10000;
    memcpy(d + 1, pairs + 2 * (v / 100), 2);
    memcpy(d + 3, pairs + 2 * (v % 100), 2);
}

/* %.10g from the ten digits, in jansson's form: fixed notation for
 * exponents -4..9 (".0" added to a whole number), else d.ddde-X (no '+',
 * no leading zeros in the exponent); trailing zeros dropped. */
static size_t g_from_digits(char *buf, int negative, long long q, int e)
{
    /* ten digits and room for the fixed-size copies below to read past
     * them (what they copy past the digits is overwritten or left beyond
     * the end; buf has at least 32 bytes) */
    char d[20];
    uint32_t hi = (uint32_t)(q / 100000), lo = (uint32_t)(q % 100000);
    five_digits(d, hi);
    five_digits(d + 5, lo);
    int nd = lo ? 10 : 5;
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    char *p = buf;
    if (negative)
        *p++ = '-';
    if (e >= -4 && e < 10) {
        if (e < 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = -1; i > e; i--)
                *p++ = '0';
            memcpy(p, d, 10);
            p += nd;
        } else {
            memcpy(p, d, 10);
            p += e + 1;
            *p++ = '.';
            if (nd > e + 1) {
                memcpy(p, d + e + 1, 10);
                p += nd - e - 1;
            } else {
                *p++ = '0';
            }
        }
    } else {
        *p++ = d[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, d + 1, 10);
            p += nd - 1;
        }
        *p++ = 'e';
        if (e < 0)
            *p++ = '-';
        int mag = e < 0 ? -e : e;
        if (mag >= 10)
            *p++ = (char)('0' + mag / 10);
        *p++ = (char)('0' + mag % 10);
    }
    *p = '\0';
    return (size_t)(p - buf);
}

/* jansson's real format: %.10g, then a ".0" if the text would read as an
 * integer, and the exponent without '+' or leading zeros. */
/* %.{precision}g with jansson's fix-ups; precision 10 takes the fast
 * path. */
static size_t format_real_p(char *buf, size_t size, double v, int precision)
{
    long long q;
    int e, n;
    if (size < 32)
        return 0;
    if (v == 0) {
        n = signbit(v) ? 4 : 3;
        memcpy(buf, signbit(v) ? "-0.0" : "0.0", (size_t)n + 1);
        return (size_t)n;
    }
    if (precision == 10 && ten_digits(v, &q, &e) == 0)
        return g_from_digits(buf, v < 0, q, e);
    n = snprintf(buf, size, "%.*g", precision, v);
    if (n < 0 || (size_t)n >= size - 3)
        return 0;
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    char *x = strchr(buf, 'e');
    if (x) {
        char *digits = x + 1, *from = x + 1;
        if (*from == '-')
            digits = ++from;
        else if (*from == '+')
            from++;
        while (*from == '0' && from[1])
            from++;
        memmove(digits, from, strlen(from) + 1);
        n = (int)strlen(buf);
    }
    return (size_t)n;
}

size_t json_out_format_real(char *buf, size_t size, double v)
{
    return format_real_p(buf, size, v, 10);
}

void json_out_real(json_out *w, const char *key, double v)
{
    if (!isfinite(v)) {
        json_out_null(w, key);
        return;
    }
    char *p = begin_direct(w, key, 40);
    if (p) {
        end_direct(w, p + format_real_p(p, 40, v, w->precision));
        return;
    }
    char buf[40];
    size_t n = format_real_p(buf, sizeof buf, v, w->precision);
    begin_value(w, key);
    put(w, buf, n);
}

/* v in decimal at p (at least 21 bytes); the end. */
static char *format_int(char *p, long long v)
{
    unsigned long long u =
        v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    char d[20];
    int n = 0;
    do {
        d[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *p++ = '-';
    while (n)
        *p++ = d[--n];
    return p;
}

/* A key of klen bytes that needs no escape (a literal, JSON_KEY): neither
 * scanned nor measured (two thirds of the writer's time in `run --json`
 * went to looking at the same few dozen keys again). */
#ifndef NDEBUG
static int plain_key(const char *key, size_t klen)
{
    return klen <= KEY_DIRECT_MAX && plain_length(key) == klen;
}
#endif

void json_out_real_k(json_out *w, const char *key, size_t klen, double v)
{
    assert(plain_key(key, klen));
    char *p = isfinite(v) ? begin_direct_k(w, key, klen, 40) : NULL;
    if (p)
        end_direct(w, p + format_real_p(p, 40, v, w->precision));
    else
        json_out_real(w, key, v);
}

void json_out_string_k(json_out *w, const char *key, size_t klen, const char *s)
{
    assert(plain_key(key, klen));
    size_t n = s ? plain_length(s) : SIZE_MAX;
    char *p =
        n <= STRING_DIRECT_MAX ? begin_direct_k(w, key, klen, n + 2) : NULL;
    if (!p) {
        json_out_string(w, key, s);
        return;
    }
    *p++ = '"';
    copy_short(p, s, n);
    p += n;
    *p++ = '"';
    end_direct(w, p);
}

void json_out_bool_k(json_out *w, const char *key, size_t klen, int v)
{
    assert(plain_key(key, klen));
    char *p = begin_direct_k(w, key, klen, 5);
    if (!p) {
        json_out_bool(w, key, v);
        return;
    }
    memcpy(p, v ? "true" : "false", v ? 4 : 5);
    end_direct(w, p + (v ? 4 : 5));
}

void json_out_int_k(json_out *w, const char *key, size_t klen, long long v)
{
    assert(plain_key(key, klen));
    char *p = begin_direct_k(w, key, klen, 24);
    if (p)
        end_direct(w, format_int(p, v));
    else
        json_out_int(w, key, v);
}

void json_out_int(json_out *w, const char *key, long long v)
{
    char *p = begin_direct(w, key, 24);
    if (p) {
        end_direct(w, format_int(p, v));
        return;
    }
    char buf[24];
    size_t n = (size_t)(format_int(buf, v) - buf);
    begin_value(w, key);
    put(w, buf, n);
}

void json_out_string(json_out *w, const char *key, const char *s)
{
    if (!s) {
        json_out_null(w, key);
        return;
    }
    size_t n = plain_length(s);
    char *p = n <= STRING_DIRECT_MAX ? begin_direct(w, key, n + 2) : NULL;
    if (p) {
        *p++ = '"';
        copy_short(p, s, n);
        p += n;
        *p++ = '"';
        end_direct(w, p);
        return;
    }
    begin_value(w, key);
    string_body(w, s);
}

/* A word of at most five bytes. */
static void word(json_out *w, const char *key, const char *text, size_t n)
{
    char *p = begin_direct(w, key, 5);
    if (p) {
        memcpy(p, text, n);
        end_direct(w, p + n);
        return;
    }
    begin_value(w, key);
    put(w, text, n);
}

void json_out_bool(json_out *w, const char *key, int v)
{
    if (v)
        word(w, key, "true", 4);
    else
        word(w, key, "false", 5);
}

void json_out_null(json_out *w, const char *key)
{
    word(w, key, "null", 4);
}

int json_out_end(json_out *w)
{
    put(w, "\n", 1);
    flush(w);
    return w->failed || w->depth ? -1 : 0;
}
