/* version.c - the library's own version, for programs that want to know
 * which libheatline they run with (the headers' HL_VERSION says which one
 * they were built against). */
#include "heatline.h"

const char *hl_version(void)
{
    return HL_VERSION;
}
