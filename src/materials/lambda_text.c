/*
 * lambda_text.c - the CSV notation of lambda(T) (docs/materials.md):
 *   const   "0.035"
 *   poly    "ref_c=70;c=0.041,1.7e-4"  lambda = sum c_i (T - ref)^i, T in C;
 *           pieces separated by '|', later pieces start at "from_c=...":
 *           "ref_c=0;c=0.0337,1.51e-4 | from_c=100;ref_c=0;c=0.0395,..."
 *   table   "25:0.065;350:0.11"  points T_C:lambda, piecewise linear.
 */
#include "materials_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

static int parse_coefficients(char *list, hl_lambda_piece *p, hl_error *err)
{
    p->n_coef = 0;
    for (char *save, *tok = strtok_r(list, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        if (p->n_coef == HL_LAMBDA_MAX_COEF)
            return hl_error_set(err, HL_EPARSE,
                                "more than %d polynomial coefficients",
                                HL_LAMBDA_MAX_COEF);
        if (!parse_double(tok, &p->c[p->n_coef++]))
            return hl_error_set(err, HL_EPARSE,
                                "coefficient '%s' is not a number", trim(tok));
    }
    if (p->n_coef == 0)
        return hl_error_set(err, HL_EPARSE, "no coefficients after c=");
    return HL_OK;
}

static int parse_piece(char *text, hl_lambda_piece *p, int first, hl_error *err)
{
    int have_c = 0, have_from = 0;
    p->ref_k = HL_ZERO_C_K;
    p->from_k = -INFINITY;
    for (char *save, *kv = strtok_r(text, ";", &save); kv;
         kv = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq)
            return hl_error_set(err, HL_EPARSE,
                                "'%s': expected key=value (ref_c, from_c, c)",
                                trim(kv));
        *eq = '\0';
        char *key = trim(kv), *val = eq + 1;
        double v;
        if (strcmp(key, "c") == 0) {
            int rc = parse_coefficients(val, p, err);
            if (rc)
                return rc;
            have_c = 1;
        } else if ((strcmp(key, "ref_c") == 0 || strcmp(key, "from_c") == 0)) {
            if (hl_range_parse(HL_Q_PROCESS_TEMP_C, key, trim(val), &v, err))
                return HL_EPARSE;
            if (key[0] == 'r')
                p->ref_k = v + HL_ZERO_C_K;
            else
                p->from_k = v + HL_ZERO_C_K, have_from = 1;
        } else {
            return hl_error_set(err, HL_EPARSE,
                                "unknown key '%s' (expected ref_c, from_c, c)",
                                key);
        }
    }
    if (!have_c)
        return hl_error_set(err, HL_EPARSE, "polynomial piece without c=");
    if (!first && !have_from)
        return hl_error_set(err, HL_EPARSE,
                            "every piece after the first needs from_c=");
    if (first)
        p->from_k = -INFINITY;
    return HL_OK;
}

static int parse_poly(char *text, hl_conductivity *out, hl_error *err)
{
    out->kind = HL_LAMBDA_POLY;
    out->n = 0;
    for (char *save, *piece = strtok_r(text, "|", &save); piece;
         piece = strtok_r(NULL, "|", &save)) {
        if (out->n == HL_LAMBDA_MAX_PIECES)
            return hl_error_set(err, HL_EPARSE, "more than %d pieces",
                                HL_LAMBDA_MAX_PIECES);
        int rc = parse_piece(piece, &out->piece[out->n], out->n == 0, err);
        if (rc)
            return rc;
        if (out->n > 0 &&
            out->piece[out->n].from_k <= out->piece[out->n - 1].from_k)
            return hl_error_set(err, HL_EPARSE,
                                "pieces must be in ascending from_c order");
        out->n++;
    }
    if (out->n == 0)
        return hl_error_set(err, HL_EPARSE, "empty polynomial");
    return HL_OK;
}

static int parse_table(char *text, hl_conductivity *out, hl_error *err)
{
    out->kind = HL_LAMBDA_TABLE;
    out->n = 0;
    for (char *save, *pt = strtok_r(text, ";", &save); pt;
         pt = strtok_r(NULL, ";", &save)) {
        char *colon = strchr(pt, ':');
        double t, k;
        if (!colon)
            return hl_error_set(err, HL_EPARSE,
                                "table point '%s': expected T_C:lambda",
                                trim(pt));
        *colon = '\0';
        if (!parse_double(pt, &t) || !parse_double(colon + 1, &k))
            return hl_error_set(err, HL_EPARSE,
                                "table point '%s:%s' is not two numbers",
                                trim(pt), trim(colon + 1));
        if (hl_range_check(HL_Q_PROCESS_TEMP_C, "table temperature", t,
                           trim(pt), err) ||
            hl_range_check(HL_Q_CONDUCTIVITY, "table lambda", k,
                           trim(colon + 1), err))
            return HL_EPARSE;
        if (out->n == HL_LAMBDA_MAX_POINTS)
            return hl_error_set(err, HL_EPARSE, "more than %d table points",
                                HL_LAMBDA_MAX_POINTS);
        if (out->n > 0 && t + HL_ZERO_C_K <= out->t_k[out->n - 1])
            return hl_error_set(err, HL_EPARSE,
                                "table temperatures must ascend");
        out->t_k[out->n] = t + HL_ZERO_C_K;
        out->k[out->n++] = k;
    }
    if (out->n == 0)
        return hl_error_set(err, HL_EPARSE, "empty table");
    return HL_OK;
}

int hl_lambda_parse(const char *model, const char *params, hl_conductivity *out,
                    hl_error *err)
{
    char buf[512];
    memset(out, 0, sizeof *out);
    if (strlen(params) >= sizeof buf)
        return hl_error_set(err, HL_EPARSE, "lambda parameters too long");
    strcpy(buf, params);
    if (strcasecmp(model, "const") == 0) {
        double k;
        if (hl_range_parse(HL_Q_CONDUCTIVITY, "constant lambda", buf, &k, err))
            return HL_EPARSE;
        *out = hl_lambda_constant(k);
        return HL_OK;
    }
    if (strcasecmp(model, "poly") == 0)
        return parse_poly(buf, out, err);
    if (strcasecmp(model, "table") == 0)
        return parse_table(buf, out, err);
    return hl_error_set(err, HL_EPARSE,
                        "lambda model '%s': expected const, poly or table",
                        model);
}

__attribute__((format(printf, 4, 5))) static size_t
append(char *buf, size_t len, size_t at, const char *fmt, ...)
{
    if (at >= len)
        return at;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + at, len - at, fmt, ap);
    va_end(ap);
    return n > 0 ? at + (size_t)n : at;
}

const char *hl_lambda_format(const hl_conductivity *lam, char *buf, size_t len)
{
    size_t at = 0;
    buf[0] = '\0';
    if (lam->kind == HL_LAMBDA_TABLE) {
        for (int i = 0; i < lam->n; i++) {
            at = append(buf, len, at, "%s%.6g:%.6g", i ? ";" : "",
                        lam->t_k[i] - HL_ZERO_C_K, lam->k[i]);
        }
        return "table";
    }
    if (lam->n == 1 && lam->piece[0].n_coef == 1) {
        append(buf, len, 0, "%.6g", lam->piece[0].c[0]);
        return "const";
    }
    for (int j = 0; j < lam->n; j++) {
        const hl_lambda_piece *p = &lam->piece[j];
        if (j)
            at = append(buf, len, at, " | from_c=%.6g;",
                        p->from_k - HL_ZERO_C_K);
        at = append(buf, len, at, "ref_c=%.6g;c=", p->ref_k - HL_ZERO_C_K);
        for (int i = 0; i < p->n_coef; i++)
            at = append(buf, len, at, "%s%.8g", i ? "," : "", p->c[i]);
    }
    return "poly";
}
