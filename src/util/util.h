/*
 * util.h - small internal helpers shared by every layer: strict number
 * parsing, CSV tables with line numbers, text files, edit distance.
 */
#ifndef HL_UTIL_H
#define HL_UTIL_H

#include <stdio.h>
#include "heatline.h"

#include <stdarg.h>
#include <stddef.h>

/* Strict parse of a finite double: the whole text (surrounding spaces
 * allowed) must be a number. Returns 1 on success. */
int parse_double(const char *text, double *out);
/* Strict parse of an int. Returns 1 on success. */
int parse_int(const char *text, int *out);

/* Whole file into a NUL-terminated buffer (caller frees). */
int read_text_file(const char *path, char **out, size_t *len, hl_error *err);

/* Levenshtein distance, case-insensitive, capped at 99. */
int edit_distance(const char *a, const char *b);
/* Make *p hold need items of size bytes, doubling *cap (grow.c); 0 when
 * out of memory (then *p and *cap are as they were). */
int grow_array(void **p, size_t *cap, size_t need, size_t size);

/* Safe copy with truncation; always NUL-terminates. */
void copy_text(char *dst, size_t cap, const char *src);

/* A CSV table: the header row and the data rows, each with the line where
 * it starts. Lines whose first character is '#' are comments; blank lines
 * are skipped. */
typedef struct csv_table {
    char origin[256]; /* file name for messages */
    int n_cols;
    char **header;
    int n_rows;
    char ***rows;  /* rows[i][j]; short rows are padded with "" */
    int *n_fields; /* fields actually present in row i */
    int *line;     /* line number where row i starts */
    int header_line;
} csv_table;

int csv_table_parse(const char *text, size_t len, const char *origin,
                    csv_table *t, hl_error *err);
int csv_table_load(const char *path, csv_table *t, hl_error *err);
void csv_table_free(csv_table *t);
/* Column index by header name (case-insensitive), -1 if absent. */
int csv_table_col(const csv_table *t, const char *name);
/* Like csv_table_col but records "file: missing column NAME" if absent. */
int csv_table_require(const csv_table *t, const char *name, hl_error *err);

/* Append-only string storage (text_pool.c); zero-initialised = empty.
 * Adding returns the stable copy, or NULL when out of memory. */
struct hl_text_pool {
    char **block;
    int n_block, cap_block;
    size_t used, size; /* of the last block */
};
typedef struct hl_text_pool text_pool;
const char *text_pool_add(text_pool *p, const char *s);
void text_pool_free(text_pool *p);

/* A growing list of text lines (text_list.c); zero-initialised = empty.
 * Adding returns HL_OK or HL_ENOMEM (the line is then not added). */
typedef struct text_list {
    int n, cap;
    char **line;
} text_list;
int text_list_add(text_list *l, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int text_list_vadd(text_list *l, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
void text_list_clear(text_list *l);
void text_list_free(text_list *l);

/* Files embedded from data/ at build time, by path relative to data/
 * (e.g. "materials.csv"); NULL if absent. Not NUL-terminated: use len. */
const char *hl_embedded_find(const char *path, size_t *len);
/* The i-th embedded file, NULL past the end. */
const char *hl_embedded_at(int i, const char **path, size_t *len);

/* An installed data file by its path under share/heatline (e.g.
 * "report/echarts.min.js"): in $HEATLINE_DATA_DIR when set (only there);
 * else, for a program run from the build tree, source_rel (when not NULL)
 * under the source tree; else in the install prefix holding this library,
 * then in the configured prefix. Returns 1 with the path in out; 0 with
 * the paths tried (comma-separated) in looked. */
int data_file_find(const char *rel, const char *source_rel, char *out,
                   size_t cap, char *looked, size_t looked_cap);

/* Text into HTML: & < > " ' as entities (html_escape.c). */
void html_escape(FILE *f, const char *text);

#endif
