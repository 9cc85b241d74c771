/* text_list.c - a growing list of lines (warnings): every line kept, in
 * the order added. */
#include "util/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int text_list_vadd(text_list *l, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    if (len < 0) {
        va_end(again);
        return HL_EINVAL;
    }
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 16;
        char **line = realloc(l->line, sizeof *line * (size_t)cap);
        if (!line) {
            va_end(again);
            return HL_ENOMEM;
        }
        l->line = line;
        l->cap = cap;
    }
    char *text = malloc((size_t)len + 1);
    if (text)
        vsnprintf(text, (size_t)len + 1, fmt, again);
    va_end(again);
    if (!text)
        return HL_ENOMEM;
    l->line[l->n++] = text;
    return HL_OK;
}

int text_list_add(text_list *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = text_list_vadd(l, fmt, ap);
    va_end(ap);
    return rc;
}

void text_list_clear(text_list *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->line[i]);
    l->n = 0;
}

void text_list_free(text_list *l)
{
    text_list_clear(l);
    free(l->line);
    l->line = NULL;
    l->cap = 0;
}
