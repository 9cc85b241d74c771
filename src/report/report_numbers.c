/*
 * report_numbers.c - numbers as a reader of the report expects them:
 * thousands separated by commas ("519,570"), a rounded -0 shown as 0.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *report_num(char *buf, size_t cap, double v, int decimals)
{
    char raw[64];
    if (!isfinite(v)) {
        snprintf(buf, cap, "%s", "n/a");
        return buf;
    }
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
    if (strspn(raw, "-0.") == strlen(raw) && raw[0] == '-')
        memmove(raw, raw + 1, strlen(raw)); /* -0 -> 0 */
    const char *digits = raw + (raw[0] == '-');
    size_t int_len = strcspn(digits, ".");
    size_t o = 0;
    if (raw[0] == '-' && o + 1 < cap)
        buf[o++] = '-';
    for (size_t i = 0; digits[i] && o + 1 < cap; i++) {
        if (i > 0 && i < int_len && (int_len - i) % 3 == 0 && o + 2 < cap)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}
