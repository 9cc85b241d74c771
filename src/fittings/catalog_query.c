/*
 * catalog_query.c - names of the fitting types, and finding and listing
 * catalogue entries.
 */
#include "fittings_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int hl_fitting_type_from_name(const char *name)
{
    for (int i = 0; i < HL_FIT_N_TYPES; i++)
        if (strcasecmp(name, fit_type_def(i)->name) == 0)
            return i;
    return -1;
}

const char *hl_fitting_type_name(int type)
{
    const type_def *d = fit_type_def(type);
    return d ? d->name : "unknown";
}

const char *hl_fitting_type_summary(int type)
{
    const type_def *d = fit_type_def(type);
    return d ? d->summary : "";
}

int hl_fitting_count(const hl_fitting_catalog *cat)
{
    return cat ? cat->n : 0;
}

int hl_fitting_info_at(const hl_fitting_catalog *cat, int id,
                       hl_fitting_info *out)
{
    if (!cat || id < 0 || id >= cat->n)
        return HL_EINVAL;
    const fit_entry *e = &cat->entries[id];
    double area = 0.0;
    for (int p = 0; p < e->n; p++)
        area +=
            cat->patches[e->first + p].area * cat->patches[e->first + p].count;
    *out = (hl_fitting_info){e->type, e->dn, e->pn,    e->pipe_od,
                             area,    e->n,  e->source};
    return HL_OK;
}

const char *hl_fitting_patch_name(const hl_fitting_catalog *cat, int id, int p)
{
    if (!cat || id < 0 || id >= cat->n || p < 0 || p >= cat->entries[id].n)
        return NULL;
    return cat->patches[cat->entries[id].first + p].name;
}

/* "50, 65, 80" of the distinct DNs (pn < 0) or the PNs of one DN. */
static void list_sizes(const hl_fitting_catalog *cat, int type, int dn,
                       char *buf, size_t cap)
{
    size_t at = 0;
    int last = -1;
    buf[0] = '\0';
    for (int i = 0; i < cat->n && at < cap; i++) {
        const fit_entry *e = &cat->entries[i];
        if (e->type != type || (dn > 0 && e->dn != dn))
            continue;
        int v = dn > 0 ? e->pn : e->dn;
        int seen = 0;
        for (int j = 0; j < i; j++) {
            const fit_entry *o = &cat->entries[j];
            if (o->type == type && (dn <= 0 || o->dn == dn) &&
                (dn > 0 ? o->pn : o->dn) == v)
                seen = 1;
        }
        if (seen || v == last)
            continue;
        at += (size_t)snprintf(buf + at, cap - at, "%s%d", at ? ", " : "", v);
        last = v;
    }
}

/* The first entry of (type, dn, pn) in the sorted index, or -1. */
static int find_indexed(const hl_fitting_catalog *cat, int type, int dn, int pn)
{
    int lo = 0, hi = cat->n; /* first key >= (type, dn, pn) in [lo, hi] */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        const fit_entry *e = &cat->entries[cat->by_key[mid]];
        int below = e->type != type ? e->type < type
                    : e->dn != dn   ? e->dn < dn
                                    : e->pn < pn;
        if (below)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == cat->n)
        return -1;
    const fit_entry *e = &cat->entries[cat->by_key[lo]];
    return e->type == type && e->dn == dn && e->pn == pn ? cat->by_key[lo] : -1;
}

int hl_fitting_find(const hl_fitting_catalog *cat, int type, int dn, int pn,
                    int *id, hl_error *err)
{
    int found = cat->by_key ? find_indexed(cat, type, dn, pn) : -1;
    if (found >= 0) {
        *id = found;
        return HL_OK;
    }
    int dn_known = 0; /* not found: the linear pass names what there is */
    for (int i = 0; i < cat->n; i++) {
        const fit_entry *e = &cat->entries[i];
        if (e->type != type || e->dn != dn)
            continue;
        dn_known = 1;
        if (e->pn == pn) {
            *id = i;
            return HL_OK;
        }
    }
    char sizes[400];
    const char *name = hl_fitting_type_name(type);
    if (type < 0 || type >= HL_FIT_N_TYPES)
        return hl_error_set(err, HL_ENOTFOUND, "fitting type %d is not known",
                            type);
    if (dn_known) {
        list_sizes(cat, type, dn, sizes, sizeof sizes);
        return hl_error_set(err, HL_ENOTFOUND,
                            "%s DN %d has no PN %d in the catalogue (PN "
                            "there: %s)",
                            name, dn, pn, sizes);
    }
    list_sizes(cat, type, -1, sizes, sizeof sizes);
    return hl_error_set(err, HL_ENOTFOUND,
                        "%s DN %d is not in the catalogue (DNs there: %s)",
                        name, dn, sizes);
}
