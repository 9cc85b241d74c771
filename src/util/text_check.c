/*
 * text_check.c - text from inputs: valid UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), no control characters,
 * bounded length; and the one-line rendering of any text in a message
 * (control characters and stray bytes escaped), so that an error is
 * always exactly one line whatever the input held.
 */
#include "util/util.h"

#include <stdio.h>
#include <string.h>

/* Length of the UTF-8 sequence at s (1..4), or 0 if it is not one. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n = c >= 0xC2 && c <= 0xDF   ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    if (!n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    /* overlong 3- and 4-byte forms, surrogates, above U+10FFFF */
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return n;
}

static int is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

const char *hl_text_problem(const char *text, size_t max_len, int allow_newline)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t len = 0; /* a sequence never holds a NUL: the loop ends at it */
    while (s[len]) {
        if (s[len] >= 0x20 && s[len] < 0x7F) { /* printable ASCII: most */
            len++;
            continue;
        }
        size_t i = len, n = utf8_len(s + i);
        if (!n)
            return "is not valid UTF-8";
        if (n == 1 && is_control(s[i]) &&
            !(allow_newline && (s[i] == '\n' || s[i] == '\t' || s[i] == '\r')))
            return "holds a control character";
        len = i + n;
    }
    if (max_len && len > max_len)
        return "is too long";
    return NULL;
}

/* Append the rendering of one byte or sequence; 0 when it does not fit. */
static int put(char *dst, size_t cap, size_t *at, const char *piece, size_t n)
{
    if (*at + n + 1 > cap)
        return 0;
    memcpy(dst + *at, piece, n);
    *at += n;
    return 1;
}

char *hl_text_show(char *dst, size_t cap, const char *text, size_t max_chars)
{
    if (!cap)
        return dst;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t at = 0, chars = 0;
    dst[0] = '\0';
    for (size_t i = 0; s[i]; chars++) {
        if (chars == max_chars) {
            put(dst, cap, &at, "...", 3);
            break;
        }
        size_t n = utf8_len(s + i);
        char esc[8];
        const char *piece = (const char *)s + i;
        size_t len = n;
        if (!n || (n == 1 && is_control(s[i]))) {
            unsigned c = s[i];
            len = c == '\n'   ? (size_t)snprintf(esc, sizeof esc, "\\n")
                  : c == '\t' ? (size_t)snprintf(esc, sizeof esc, "\\t")
                  : c == '\r' ? (size_t)snprintf(esc, sizeof esc, "\\r")
                              : (size_t)snprintf(esc, sizeof esc, "\\x%02x", c);
            piece = esc;
            n = 1;
        }
        if (!put(dst, cap, &at, piece, len))
            break;
        i += n;
    }
    dst[at] = '\0';
    return dst;
}
