/*
 * read_common.c - helpers of the model readers: file:line messages, strict
 * scalar parsing, walking YAML mappings and lists, and CSV tables that a
 * model file references (rows go through the same field setters as YAML
 * mappings, with their own file:line).
 */
#include "network/reader.h"
#include "util/util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int rd_fail(rd_ctx *c, int where, int code, const char *fmt, ...)
{
    char pos[300], msg[400];
    net_where(c->m, where, pos, sizeof pos);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return net_fail(c->m, code, "%s: %s", pos, msg);
}

int rd_unknown_key(rd_ctx *c, int where, const char *key, const char *context,
                   const char *const *allowed)
{
    const char *best = NULL;
    int bd = 99;
    for (int i = 0; allowed[i]; i++) {
        int d = edit_distance(key, allowed[i]);
        if (d < bd) {
            bd = d;
            best = allowed[i];
        }
    }
    if (best && bd <= 3)
        return rd_fail(c, where, HL_EPARSE,
                       "unknown key '%s' in %s (did you mean '%s'?)", key,
                       context, best);
    return rd_fail(c, where, HL_EPARSE, "unknown key '%s' in %s", key, context);
}

int rd_text(rd_ctx *c, const rd_value *v, const char *key, const char **out)
{
    const char *t = v->text;
    if (!t && v->node && v->node->type == YAML_SCALAR_NODE)
        t = (const char *)v->node->data.scalar.value;
    if (!t)
        return rd_fail(c, v->where, HL_EPARSE,
                       "%s: expected a single value, "
                       "not a list or mapping",
                       key);
    /* ids, names and references: one line of UTF-8 (a description may
     * run over lines) */
    const char *bad = hl_text_problem(t, 4096, strcmp(key, "description") == 0);
    if (bad) {
        char shown[64];
        return rd_fail(c, v->where, HL_EPARSE,
                       "%s '%s' %s: expected one line of UTF-8 text", key,
                       hl_text_show(shown, sizeof shown, t, 40), bad);
    }
    *out = t;
    return HL_OK;
}

/* A number of a key checked against its row of the physical ranges
 * (util/ranges.c); keys without a row (a format version) are only
 * required to be finite. */
static int in_range(rd_ctx *c, const rd_value *v, const char *key, double x,
                    const char *text)
{
    int q = hl_range_find_key(key);
    hl_error err;
    hl_error_clear(&err);
    if (q >= 0 && hl_range_check(q, key, x, text, &err))
        return rd_fail(c, v->where, err.code, "%s", err.message);
    return HL_OK;
}

int rd_number(rd_ctx *c, const rd_value *v, const char *key, double *out)
{
    const char *t = NULL;
    char shown[64];
    if (rd_text(c, v, key, &t))
        return c->m->err.code;
    double x;
    if (!parse_double(t, &x))
        return rd_fail(c, v->where, HL_EPARSE, "%s: '%s' is not a number", key,
                       hl_text_show(shown, sizeof shown, t, 40));
    if (in_range(c, v, key, x, t))
        return c->m->err.code;
    *out = x;
    return HL_OK;
}

int rd_int(rd_ctx *c, const rd_value *v, const char *key, int *out)
{
    const char *t = NULL;
    char shown[64];
    if (rd_text(c, v, key, &t))
        return c->m->err.code;
    if (!parse_int(t, out))
        return rd_fail(c, v->where, HL_EPARSE, "%s: '%s' is not a whole number",
                       key, hl_text_show(shown, sizeof shown, t, 40));
    return in_range(c, v, key, *out, t);
}

int rd_bool(rd_ctx *c, const rd_value *v, const char *key, int *out)
{
    static const char *const names[] = {"false", "true", "no", "yes", NULL};
    int i = 0;
    if (rd_choice(c, v, key, names, &i))
        return c->m->err.code;
    *out = i % 2;
    return HL_OK;
}

int rd_choice(rd_ctx *c, const rd_value *v, const char *key,
              const char *const *names, int *out)
{
    const char *t = NULL;
    if (rd_text(c, v, key, &t))
        return c->m->err.code;
    for (int i = 0; names[i]; i++)
        if (strcasecmp(t, names[i]) == 0) {
            *out = i;
            return HL_OK;
        }
    char list[300] = "";
    for (int i = 0; names[i]; i++) {
        size_t n = strlen(list);
        snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", names[i]);
    }
    char shown[64];
    return rd_fail(c, v->where, HL_EPARSE, "%s: '%s': expected one of %s", key,
                   hl_text_show(shown, sizeof shown, t, 40), list);
}

int rd_line(const yaml_node_t *n)
{
    return n ? (int)n->start_mark.line + 1 : 0;
}

yaml_node_t *rd_node(rd_ctx *c, int id)
{
    return yaml_document_get_node(c->doc, id);
}

const char *rd_pair_key(rd_ctx *c, yaml_node_pair_t *p)
{
    yaml_node_t *k = rd_node(c, p->key);
    return k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value
                                            : NULL;
}

rd_value rd_pair_value(rd_ctx *c, yaml_node_pair_t *p)
{
    yaml_node_t *n = rd_node(c, p->value);
    rd_value v = {NULL, n, NET_WHERE(c->origin, rd_line(n))};
    if (n && n->type == YAML_SCALAR_NODE)
        v.text = (const char *)n->data.scalar.value;
    return v;
}

int rd_expect(rd_ctx *c, const rd_value *v, int type, const char *key)
{
    if (v->node && v->node->type == (yaml_node_type_t)type)
        return HL_OK;
    const char *what = type == YAML_MAPPING_NODE    ? "a mapping (key: value)"
                       : type == YAML_SEQUENCE_NODE ? "a list (- items)"
                                                    : "a single value";
    return rd_fail(c, v->where, HL_EPARSE, "%s: expected %s", key, what);
}

int rd_map_each(rd_ctx *c, yaml_node_t *map, void *rec, rd_setter set,
                const char *context)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return rd_fail(c, NET_WHERE(c->origin, rd_line(map)), HL_EPARSE,
                       "%s: expected a mapping (key: value)", context);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top; p++) {
        const char *key = rd_pair_key(c, p);
        rd_value v = rd_pair_value(c, p);
        if (!key)
            return rd_fail(c, v.where, HL_EPARSE, "%s: keys must be text",
                           context);
        if (set(c, rec, key, &v))
            return c->m->err.code;
    }
    return HL_OK;
}

int rd_list_each(rd_ctx *c, const rd_value *v, const char *key, rd_item_fn fn)
{
    if (rd_expect(c, v, YAML_SEQUENCE_NODE, key))
        return c->m->err.code;
    for (yaml_node_item_t *it = v->node->data.sequence.items.start;
         it < v->node->data.sequence.items.top; it++) {
        yaml_node_t *item = rd_node(c, *it);
        if (!item || item->type != YAML_MAPPING_NODE)
            return rd_fail(c, NET_WHERE(c->origin, rd_line(item)), HL_EPARSE,
                           "%s: each item must be a mapping (key: value)", key);
        if (fn(c, item))
            return c->m->err.code;
    }
    return HL_OK;
}

/* Load the CSV a model references: beside the model file, or embedded. */
static int load_table(rd_ctx *c, const char *file, int where, csv_table *t)
{
    hl_error err;
    hl_error_clear(&err);
    int rc;
    if (strncmp(c->base_dir ? c->base_dir : "", "embedded:", 9) == 0) {
        char key[512];
        snprintf(key, sizeof key, "%s/%s", c->base_dir + 9, file);
        size_t len;
        const char *text = hl_embedded_find(key, &len);
        if (!text)
            return rd_fail(c, where, HL_ENOTFOUND, "table '%s' is not embedded",
                           file);
        rc = csv_table_parse(text, len, file, t, &err);
    } else if (!c->base_dir) {
        return rd_fail(c, where, HL_EINVAL,
                       "table '%s': a model read from memory cannot "
                       "reference files",
                       file);
    } else {
        char path[1024];
        if (file[0] == '/')
            snprintf(path, sizeof path, "%s", file);
        else
            snprintf(path, sizeof path, "%s/%s", c->base_dir, file);
        rc = csv_table_load(path, t, &err);
    }
    if (rc)
        return rd_fail(c, where, rc, "%s", err.message);
    return HL_OK;
}

int rd_csv_table(rd_ctx *c, const rd_value *v, const char *key, void *rec,
                 rd_init_fn init, rd_setter set, rd_commit_fn commit)
{
    const char *file = NULL;
    if (rd_text(c, v, key, &file))
        return c->m->err.code;
    csv_table t;
    memset(&t, 0, sizeof t);
    if (load_table(c, file, v->where, &t))
        return c->m->err.code;
    int saved = c->origin;
    c->origin = net_origin(c->m, file);
    yaml_document_t *doc = c->doc;
    c->doc = NULL;
    int rc = HL_OK;
    for (int r = 0; r < t.n_rows && !rc; r++) {
        int where = NET_WHERE(c->origin, t.line[r]);
        init(c, rec, where);
        for (int j = 0; j < t.n_cols && !rc; j++) {
            const char *cell = t.rows[r][j];
            if (!cell[0])
                continue;
            rd_value cv = {cell, NULL, where};
            rc = set(c, rec, t.header[j], &cv);
        }
        if (!rc)
            rc = commit(c, rec);
    }
    c->origin = saved;
    c->doc = doc;
    csv_table_free(&t);
    return rc ? c->m->err.code : HL_OK;
}
