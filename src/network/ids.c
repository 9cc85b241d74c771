/*
 * ids.c - interning of element ids: an open-addressing hash table
 * (FNV-1a, linear probing) from id text (kept in the network's text pool)
 * to element index. Built once at load.
 */
#include "network/net.h"

#include <stdlib.h>
#include <string.h>

static unsigned hash_text(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a, 32 bit */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static int index_grow(net_index *ix)
{
    unsigned cap = ix->cap ? 2 * ix->cap : 64;
    const char **key = calloc(cap, sizeof *key);
    int *val = malloc(cap * sizeof *val);
    if (!key || !val) {
        free(key);
        free(val);
        return 0;
    }
    for (unsigned i = 0; i < ix->cap; i++) {
        if (!ix->key[i])
            continue;
        unsigned j = hash_text(ix->key[i]) & (cap - 1);
        while (key[j])
            j = (j + 1) & (cap - 1);
        key[j] = ix->key[i];
        val[j] = ix->val[i];
    }
    free(ix->key);
    free(ix->val);
    ix->key = key;
    ix->val = val;
    ix->cap = cap;
    return 1;
}

int index_put(net_index *ix, const char *key, int val)
{
    if (2 * (ix->n + 1) > ix->cap && !index_grow(ix))
        return -2;
    unsigned j = hash_text(key) & (ix->cap - 1);
    while (ix->key[j]) {
        if (strcmp(ix->key[j], key) == 0)
            return ix->val[j];
        j = (j + 1) & (ix->cap - 1);
    }
    ix->key[j] = key;
    ix->val[j] = val;
    ix->n++;
    return -1;
}

int index_get(const net_index *ix, const char *key)
{
    if (!ix->cap || !key)
        return -1;
    unsigned j = hash_text(key) & (ix->cap - 1);
    while (ix->key[j]) {
        if (strcmp(ix->key[j], key) == 0)
            return ix->val[j];
        j = (j + 1) & (ix->cap - 1);
    }
    return -1;
}

void index_free(net_index *ix)
{
    free(ix->key);
    free(ix->val);
    memset(ix, 0, sizeof *ix);
}
