/*
 * text_pool.c - append-only string storage in large blocks: the copies
 * stay where they are (pointers remain valid) until the pool is freed.
 * Element ids of a network, row ids of an inventory.
 */
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define POOL_BLOCK (256 * 1024)

const char *text_pool_add(text_pool *sp, const char *s)
{
    size_t len = strlen(s) + 1;
    if (sp->n_block == 0 || sp->used + len > sp->size) {
        if (sp->n_block == sp->cap_block) {
            int cap = sp->cap_block ? 2 * sp->cap_block : 16;
            char **b = realloc(sp->block, (size_t)cap * sizeof *b);
            if (!b)
                return NULL;
            sp->block = b;
            sp->cap_block = cap;
        }
        size_t size = len > POOL_BLOCK ? len : POOL_BLOCK;
        char *blk = malloc(size);
        if (!blk)
            return NULL;
        sp->block[sp->n_block++] = blk;
        sp->used = 0;
        sp->size = size;
    }
    char *dst = sp->block[sp->n_block - 1] + sp->used;
    memcpy(dst, s, len);
    sp->used += len;
    return dst;
}

void text_pool_free(text_pool *sp)
{
    for (int i = 0; i < sp->n_block; i++)
        free(sp->block[i]);
    free(sp->block);
    memset(sp, 0, sizeof *sp);
}
