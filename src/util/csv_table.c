/*
 * csv_table.c - a CSV file as a table of strings, parsed by libcsv.
 *
 * The text is fed to libcsv one physical line at a time so that every row
 * knows the line where it starts (messages say file:line). Cell text lives
 * in one pool allocation, so a 100,000-row table costs a handful of
 * allocations, not a million.
 */
#include "util.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct builder {
    char *pool;
    size_t pool_len, pool_cap;
    size_t *cells; /* offsets into pool */
    size_t n_cells, cells_cap;
    size_t *row_start; /* index of a row's first cell; one extra at the end */
    int *row_line;
    size_t n_rows, starts_cap, lines_cap;
    int line, row_first_line, in_row, oom;
} builder;

static void on_field(void *text, size_t len, void *data)
{
    builder *b = data;
    if (!b->in_row) {
        b->in_row = 1;
        b->row_first_line = b->line;
    }
    if (!grow_array((void **)&b->pool, &b->pool_cap, b->pool_len + len + 1,
                    1) ||
        !grow_array((void **)&b->cells, &b->cells_cap, b->n_cells + 1,
                    sizeof(size_t))) {
        b->oom = 1;
        return;
    }
    b->cells[b->n_cells++] = b->pool_len;
    if (len)
        memcpy(b->pool + b->pool_len, text, len);
    b->pool[b->pool_len + len] = '\0';
    b->pool_len += len + 1;
}

static void on_row(int terminator, void *data)
{
    (void)terminator;
    builder *b = data;
    if (!grow_array((void **)&b->row_start, &b->starts_cap, b->n_rows + 2,
                    sizeof(size_t)) ||
        !grow_array((void **)&b->row_line, &b->lines_cap, b->n_rows + 2,
                    sizeof(int))) {
        b->oom = 1;
        return;
    }
    b->row_line[b->n_rows] = b->in_row ? b->row_first_line : b->line;
    b->n_rows++;
    b->row_start[b->n_rows] = b->n_cells;
    b->in_row = 0;
}

static int is_blank_or_comment(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
        i++;
    return i == n || s[i] == '\n' || s[i] == '#';
}

static int feed_lines(struct csv_parser *p, builder *b, const char *text,
                      size_t len)
{
    size_t pos = 0;
    b->line = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
        b->line++;
        if (b->in_row || !is_blank_or_comment(text + pos, n))
            if (csv_parse(p, text + pos, n, on_field, on_row, b) != n)
                return 0;
        if (b->oom)
            return 0;
        pos += n;
    }
    return csv_fini(p, on_field, on_row, b) == 0 && !b->oom;
}

/* Turn the pool offsets into the public pointer layout. */
static int build_table(builder *b, csv_table *t)
{
    size_t n = b->n_rows ? b->n_rows - 1 : 0;
    size_t ncols = b->n_rows ? b->row_start[1] - b->row_start[0] : 0;
    t->n_cols = (int)ncols;
    t->n_rows = (int)n;
    size_t width = ncols;
    for (size_t r = 1; r < b->n_rows; r++) {
        size_t w = b->row_start[r + 1] - b->row_start[r];
        if (w > width)
            width = w;
    }
    t->header = malloc((ncols + 1) * sizeof(char *));
    t->rows = malloc((n + 1) * sizeof(char **));
    t->n_fields = malloc((n + 1) * sizeof(int));
    t->line = malloc((n + 1) * sizeof(int));
    char **slots = malloc((n * width + 1) * sizeof(char *));
    if (!t->header || !t->rows || !t->n_fields || !t->line || !slots) {
        free(slots);
        free(t->header);
        free(t->rows);
        free(t->n_fields);
        free(t->line);
        t->header = NULL;
        t->rows = NULL;
        t->n_fields = t->line = NULL;
        return 0;
    }
    static char empty[] = "";
    for (size_t j = 0; j < ncols; j++)
        t->header[j] = b->pool + b->cells[j];
    for (size_t r = 0; r < n; r++) {
        size_t first = b->row_start[r + 1], last = b->row_start[r + 2];
        t->rows[r] = slots + r * width;
        t->n_fields[r] = (int)(last - first);
        t->line[r] = b->row_line[r + 1];
        for (size_t j = 0; j < width; j++)
            t->rows[r][j] =
                first + j < last ? b->pool + b->cells[first + j] : empty;
    }
    if (n == 0)
        free(slots);
    return 1;
}

static int csv_table_parse_raw(const char *text, size_t len, const char *origin,
                               csv_table *t, hl_error *err)
{
    memset(t, 0, sizeof *t);
    copy_text(t->origin, sizeof t->origin, origin);
    struct csv_parser p;
    builder b = {0};
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return hl_error_set(err, HL_ENOMEM, "%s: out of memory", origin);
    int ok =
        grow_array((void **)&b.row_start, &b.starts_cap, 2, sizeof(size_t)) &&
        grow_array((void **)&b.row_line, &b.lines_cap, 2, sizeof(int));
    if (ok)
        b.row_start[0] = 0;
    ok = ok && feed_lines(&p, &b, text, len);
    int parse_error = !ok && !b.oom && csv_error(&p) == CSV_EPARSE;
    csv_free(&p);
    if (ok && b.n_rows == 0)
        ok = 0;
    if (ok)
        ok = build_table(&b, t);
    if (ok)
        t->header_line = b.row_line[0];
    free(b.cells);
    free(b.row_start);
    free(b.row_line);
    if (!t->header)
        free(b.pool);
    if (!ok) {
        csv_table_free(t);
        if (parse_error)
            return hl_error_set(err, HL_EPARSE,
                                "%s:%d: malformed CSV (unbalanced quotes?)",
                                origin, b.line);
        if (b.n_rows == 0 && !b.oom)
            return hl_error_set(err, HL_EPARSE,
                                "%s: empty file, expected a header row",
                                origin);
        return hl_error_set(err, HL_ENOMEM, "%s: out of memory", origin);
    }
    return HL_OK;
}

/* Cells become ids, names and numbers in messages and outputs: each must
 * be UTF-8 without control characters (a newline inside quotes too). */
static int check_text(csv_table *t, int header_line, hl_error *err)
{
    for (int r = -1; r < t->n_rows; r++) {
        char **cells = r < 0 ? t->header : t->rows[r];
        int n = r < 0 ? t->n_cols : t->n_fields[r];
        for (int j = 0; j < n; j++) {
            const char *bad = hl_text_problem(cells[j], 0, 0);
            if (!bad)
                continue;
            char shown[64];
            return hl_error_set(
                err, HL_EPARSE,
                "%s:%d: column %d: '%s' %s: expected UTF-8 "
                "text without control characters",
                t->origin, r < 0 ? header_line : t->line[r], j + 1,
                hl_text_show(shown, sizeof shown, cells[j], 40), bad);
        }
    }
    return HL_OK;
}

int csv_table_parse(const char *text, size_t len, const char *origin,
                    csv_table *t, hl_error *err)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int line = 1;
        for (const char *q = text; q < nul; q++)
            line += *q == '\n';
        memset(t, 0, sizeof *t);
        return hl_error_set(err, HL_EPARSE,
                            "%s:%d: a NUL byte: expected a text file", origin,
                            line);
    }
    int rc = csv_table_parse_raw(text, len, origin, t, err);
    if (!rc && (rc = check_text(t, t->header_line, err)) != HL_OK)
        csv_table_free(t);
    return rc;
}

int csv_table_load(const char *path, csv_table *t, hl_error *err)
{
    char *text;
    size_t len;
    memset(t, 0, sizeof *t);
    int rc = read_text_file(path, &text, &len, err);
    if (rc)
        return rc;
    rc = csv_table_parse(text, len, path, t, err);
    free(text);
    return rc;
}

void csv_table_free(csv_table *t)
{
    if (!t)
        return;
    if (t->header)
        free(t->n_cols ? t->header[0] : NULL);
    if (t->rows && t->n_rows)
        free(t->rows[0]);
    free(t->header);
    free(t->rows);
    free(t->n_fields);
    free(t->line);
    memset(t, 0, sizeof *t);
}

int csv_table_col(const csv_table *t, const char *name)
{
    for (int j = 0; j < t->n_cols; j++) {
        const char *h = t->header[j];
        while (*h == ' ')
            h++;
        if (strcasecmp(h, name) == 0)
            return j;
    }
    return -1;
}

int csv_table_require(const csv_table *t, const char *name, hl_error *err)
{
    int j = csv_table_col(t, name);
    if (j < 0)
        hl_error_set(err, HL_EPARSE, "%s:1: missing column '%s'", t->origin,
                     name);
    return j;
}
