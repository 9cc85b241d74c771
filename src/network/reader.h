/*
 * reader.h - shared pieces of the model readers: the YAML model file
 * (read_model.c and friends, format in docs/model-format.md), the CSV
 * tables it may reference, and the EPANET .inp import (read_inp.c).
 *
 * Every field arrives as a "value": the scalar text (from YAML or a CSV
 * cell) or a YAML node (lists and mappings), with its file:line. Field
 * setters take (key, value) so that YAML mappings and CSV rows share them.
 */
#ifndef HL_READER_H
#define HL_READER_H

#include "network/net.h"

#include <yaml.h>

int reader_yaml(hl_model *m, const char *text, size_t len, const char *origin,
                const char *base_dir, const hl_load_options *o);
int reader_inp(hl_model *m, const char *text, size_t len, const char *origin,
               const hl_load_options *o);
int reader_geojson(hl_model *m, const char *text, size_t len,
                   const char *origin, const hl_load_options *o);

typedef struct rd_ctx {
    hl_model *m;
    yaml_document_t *doc; /* NULL while reading a CSV table */
    int origin;           /* origin index of the current file */
    const char *base_dir;
    const hl_load_options *opt;
    struct rd_types *types; /* pipe types by name */
} rd_ctx;

typedef struct rd_value {
    const char *text;  /* scalar text, or NULL for a YAML list/map */
    yaml_node_t *node; /* YAML node, or NULL for a CSV cell */
    int where;         /* NET_WHERE(origin, line) */
} rd_value;

/* ---- messages
 * ---------------------------------------------------------------- */

/* "file:line: what 'id': message" */
int rd_fail(rd_ctx *c, int where, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Unknown key: names the key, the context and the closest allowed key. */
int rd_unknown_key(rd_ctx *c, int where, const char *key, const char *context,
                   const char *const *allowed);

/* ---- scalars
 * ------------------------------------------------------------------- */

int rd_number(rd_ctx *c, const rd_value *v, const char *key, double *out);
int rd_int(rd_ctx *c, const rd_value *v, const char *key, int *out);
int rd_bool(rd_ctx *c, const rd_value *v, const char *key, int *out);
/* Text of a scalar (error for a list or map). */
int rd_text(rd_ctx *c, const rd_value *v, const char *key, const char **out);
/* Index of the text in names (NULL-terminated), error listing them. */
int rd_choice(rd_ctx *c, const rd_value *v, const char *key,
              const char *const *names, int *out);

/* ---- YAML nodes
 * ------------------------------------------------------------------ */

int rd_line(const yaml_node_t *n);
yaml_node_t *rd_node(rd_ctx *c, int id);
/* Value of a mapping pair. */
rd_value rd_pair_value(rd_ctx *c, yaml_node_pair_t *p);
const char *rd_pair_key(rd_ctx *c, yaml_node_pair_t *p);
int rd_expect(rd_ctx *c, const rd_value *v, int type, const char *key);

/* A record setter: one key/value of an element. */
typedef int (*rd_setter)(rd_ctx *c, void *rec, const char *key,
                         const rd_value *v);

/* Apply every pair of a YAML mapping through set (which reports unknown
 * keys). */
int rd_map_each(rd_ctx *c, yaml_node_t *map, void *rec, rd_setter set,
                const char *context);
/* Each item of a YAML list must be a mapping: call fn on it. */
typedef int (*rd_item_fn)(rd_ctx *c, yaml_node_t *item);
int rd_list_each(rd_ctx *c, const rd_value *v, const char *key, rd_item_fn fn);
/* Rows of a CSV table (path relative to the model file) through set; the
 * record is reset by init and committed by commit for every row. */
typedef void (*rd_init_fn)(rd_ctx *c, void *rec, int where);
typedef int (*rd_commit_fn)(rd_ctx *c, void *rec);
int rd_csv_table(rd_ctx *c, const rd_value *v, const char *key, void *rec,
                 rd_init_fn init, rd_setter set, rd_commit_fn commit);

/* ---- element readers (read_elements.c, read_pipes.c)
 * ---------------------------- */

int rd_node_item(rd_ctx *c, yaml_node_t *item);
int rd_nodes_csv(rd_ctx *c, const rd_value *v);
int rd_pipe_types(rd_ctx *c, const rd_value *v);
int rd_pipe_item(rd_ctx *c, yaml_node_t *item);
int rd_pipes_csv(rd_ctx *c, const rd_value *v);
int rd_source_item(rd_ctx *c, yaml_node_t *item);
int rd_pump_item(rd_ctx *c, yaml_node_t *item);
int rd_valve_item(rd_ctx *c, yaml_node_t *item);
int rd_consumer_item(rd_ctx *c, yaml_node_t *item);
int rd_hx_item(rd_ctx *c, yaml_node_t *item);
int rd_chamber_item(rd_ctx *c, yaml_node_t *item);
void rd_types_free(struct rd_types *t);
/* The `operation:` section (read_operation.c). */
int rd_operation(rd_ctx *c, const rd_value *v);
/* The `transient:` section (read_transient.c), after every element. */
int rd_transient(rd_ctx *c, const rd_value *v);
/* Air temperature of chambers that state none, K. */
double rd_default_chamber_air(const hl_model *m);
/* Per-pipe heat-transfer table of an EPANET import. */
int inp_thermal_csv(rd_ctx *c, const char *path);

#define BAR_PA 1e5

#endif
