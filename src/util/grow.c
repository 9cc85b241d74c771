/*
 * grow.c - the growing arrays of the readers (CSV tables, the GeoJSON
 * scan): capacity doubled until it holds what is needed, so appending n
 * items costs O(n) copies in all.
 */
#include "util/util.h"

#include <stdint.h>
#include <stdlib.h>

int grow_array(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t n = *cap ? *cap : 64;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return 0;
        n *= 2;
    }
    if (size && n > SIZE_MAX / size)
        return 0;
    void *q = realloc(*p, n * size);
    if (!q)
        return 0;
    *p = q;
    *cap = n;
    return 1;
}
