/* html_escape.c - text into HTML (element content or a quoted attribute):
 * the five characters HTML gives a meaning, as entities. Used by every page
 * heatline writes (the reports, the register's page). */
#include "util/util.h"

#include <stdio.h>

void html_escape(FILE *f, const char *text)
{
    for (; *text; text++) {
        switch (*text) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        default:
            fputc(*text, f);
        }
    }
}
