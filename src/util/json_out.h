/*
 * json_out.h - a streaming JSON writer: every value goes to the sink as it
 * is produced, so a document of any size costs a few bytes of state (the
 * open containers), not a tree of the whole document (issue 16).
 *
 * The text is the same, byte for byte, as jansson's json_dumps with
 * JSON_INDENT(2) | JSON_REAL_PRECISION(10) | JSON_PRESERVE_ORDER, which
 * heatline used before: two-space indentation, "key": value, empty
 * containers as [] and {}, reals with 10 significant digits (%.10g, always
 * with a '.' or an exponent, exponent without '+' or leading zeros),
 * non-finite numbers as null, strings escaped as JSON requires (control
 * characters as \uXXXX, UTF-8 passed through).
 *
 * Used by the library (the inventory's text) and compiled into the
 * command-line program as well (it links only the public API).
 */
#ifndef HL_JSON_OUT_H
#define HL_JSON_OUT_H

#include <stddef.h>

/* Where the text goes: returns 0, or non-zero to stop (the writer then
 * writes nothing more and json_out_end reports it). */
typedef int (*json_sink)(void *ctx, const char *text, size_t len);

#define JSON_OUT_MAX_DEPTH 32

typedef struct json_out {
    json_sink sink;
    void *ctx;
    int depth;                      /* open containers */
    int count[JSON_OUT_MAX_DEPTH];  /* values written in each */
    char close[JSON_OUT_MAX_DEPTH]; /* ']' or '}' for each */
    int failed;                     /* the sink refused, or misuse */
    size_t used;                    /* bytes waiting in buf */
    int compact;                    /* no whitespace: "k":v */
    int precision;                  /* significant digits of reals */
    char buf[16384];                /* the sink gets whole chunks */
} json_out;

void json_out_init(json_out *w, json_sink sink, void *ctx);
/* The form of json_dumps with JSON_COMPACT | JSON_REAL_PRECISION(p)
 * instead (no whitespace; reals with p significant digits, 1-17). */
void json_out_init_compact(json_out *w, json_sink sink, void *ctx,
                           int precision);
/* A sink for a stdio stream (ctx is the FILE *). */
int json_out_file_sink(void *ctx, const char *text, size_t len);

/* In an object every value has a key; in an array or at the top, key is
 * NULL. */
void json_out_object(json_out *w, const char *key);
void json_out_array(json_out *w, const char *key);
void json_out_close(json_out *w); /* the innermost open container */
void json_out_real(json_out *w, const char *key, double v);
void json_out_int(json_out *w, const char *key, long long v);
void json_out_string(json_out *w, const char *key,
                     const char *s); /* NULL: null */
void json_out_bool(json_out *w, const char *key, int v);
void json_out_null(json_out *w, const char *key);
/* The same with a key of klen bytes that needs no escape, for the keys of
 * large documents: JSON_KEY("heat_w") gives a literal key and its length
 * (a key that is not a literal does not compile). */
#define JSON_KEY(literal) ("" literal ""), (sizeof("" literal "") - 1)
void json_out_real_k(json_out *w, const char *key, size_t klen, double v);
void json_out_int_k(json_out *w, const char *key, size_t klen, long long v);
void json_out_string_k(json_out *w, const char *key, size_t klen,
                       const char *s);
void json_out_bool_k(json_out *w, const char *key, size_t klen, int v);
/* v as the writer prints it (v finite; size at least 32); the length. */
size_t json_out_format_real(char *buf, size_t size, double v);
/* The closing newline and whatever waits in the buffer; 0, or -1 if the sink
 * failed or the containers do not balance. */
int json_out_end(json_out *w);

#endif
