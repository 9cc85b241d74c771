/* error.c - status texts, the first-error-wins error record, warnings.
 * Messages and warnings are made one line of valid UTF-8 whatever text
 * they quote (hl_text_show): a newline in an id never splits them. */
#include "heatline.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *hl_strerror(int code)
{
    switch (code) {
#define HL_STATUS_CASE(name, value, text)                                      \
    case value:                                                                \
        return text;
        HL_STATUS_LIST(HL_STATUS_CASE)
#undef HL_STATUS_CASE
    }
    return "unknown status code";
}

void hl_error_clear(hl_error *err)
{
    if (err) {
        err->code = HL_OK;
        err->message[0] = '\0';
    }
}

int hl_error_set(hl_error *err, int code, const char *fmt, ...)
{
    if (!err || err->code != HL_OK)
        return code;
    err->code = code;
    char raw[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    hl_text_show(err->message, sizeof err->message, raw, sizeof raw);
    return code;
}

void hl_warnings_add(hl_warnings *w, const char *fmt, ...)
{
    if (!w || w->count >= HL_MAX_WARNINGS)
        return;
    char raw[sizeof w->text[0]], text[sizeof w->text[0]];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    hl_text_show(text, sizeof text, raw, sizeof raw);
    for (int i = 0; i < w->count; i++)
        if (strcmp(w->text[i], text) == 0)
            return; /* one note per distinct message */
    memcpy(w->text[w->count++], text, sizeof text);
}
