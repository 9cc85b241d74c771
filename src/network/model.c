/*
 * model.c - the model handle: creation with defaults, error and warning
 * records, source positions for messages, and freeing every array.
 */
#include "network/net.h"
#include "physics/friction.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

hl_model *net_new(void)
{
    hl_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->p_atm = 101325.0;
    m->g = 9.80665; /* standard gravity */
    m->friction = FRICTION_COLEBROOK;
    m->t_ground = HL_ZERO_C_K + 2.0; /* replaced by the model file */
    m->t_air = HL_ZERO_C_K + 0.0;
    m->t_duct = HL_ZERO_C_K + 20.0;
    m->chamber_air_default = HL_ZERO_C_K + 25.0;
    m->limits.fitting_surface_k = HL_ZERO_C_K + 50.0;
    m->demand_scale = 1.0;
    net_operation_unset(&m->operation);
    m->limits.min_pressure_pa = 0.5e5;
    m->limits.max_velocity_m_s = 3.5;
    m->limits.saturation_margin_pa = 0.0;
    m->limits.min_consumer_dp_pa = 0.5e5;
    m->name = m->description = "";
    return m;
}

int net_origin(hl_model *m, const char *file)
{
    for (int i = 0; i < m->n_origin; i++)
        if (strcmp(m->origin[i], file) == 0)
            return i;
    if (m->n_origin == (int)(sizeof m->origin / sizeof m->origin[0]))
        return m->n_origin - 1;
    const char *s = strpool_add(&m->strings, file);
    if (!s) /* recorded: the load reports it when it finishes */
        net_fail(m, HL_ENOMEM, "%s: out of memory", file);
    m->origin[m->n_origin] = s ? s : "?";
    return m->n_origin++;
}

void net_where(const hl_model *m, int where, char *buf, size_t cap)
{
    int origin = where >> 24, line = where & 0xffffff;
    const char *file = origin < m->n_origin ? m->origin[origin] : "?";
    if (line > 0)
        snprintf(buf, cap, "%s:%d", file, line);
    else
        snprintf(buf, cap, "%s", file);
}

int net_fail(hl_model *m, int code, const char *fmt, ...)
{
    if (m->err.code != HL_OK)
        return code;
    char raw[sizeof m->err.message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    return hl_error_set(&m->err, code, "%s", raw); /* one line, UTF-8 */
}

void net_warn_clear(hl_model *m)
{
    for (int i = 0; i < m->n_warn; i++)
        free(m->warn[i]);
    m->n_warn = 0;
    m->n_warn_dropped = 0;
}

void net_warn(hl_model *m, const char *fmt, ...)
{
    if (!m->warn) {
        m->warn = calloc(HL_MODEL_MAX_WARNINGS, sizeof *m->warn);
        if (!m->warn)
            return;
    }
    if (m->n_warn >= HL_MODEL_MAX_WARNINGS - 1) {
        m->n_warn_dropped++;
        return;
    }
    char raw[400], text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    hl_text_show(text, sizeof text, raw, sizeof raw);
    char *copy = malloc(strlen(text) + 1);
    if (!copy)
        return;
    strcpy(copy, text);
    m->warn[m->n_warn++] = copy;
}

/* Every array member, freed by name (free(NULL) is fine): the element
 * arrays (net.h), then those sized otherwise (curves, tables, results). */
/* clang-format off */
#define FREE_ALL(X) \
    NODE_ARRAYS(X) LINK_ARRAYS(X) PIPE_ARRAYS(X) PUMP_ARRAYS(X) \
    VALVE_ARRAYS(X) CONSUMER_ARRAYS(X) SOURCE_ARRAYS(X) HX_ARRAYS(X) \
    CHAMBER_ARRAYS(X) FITTING_ARRAYS(X) \
    X(pu_q) X(pu_h) X(ttype) X(tt_r) X(nd_p) X(nd_t) X(nd_ext) X(nd_order) \
    X(nd_connected) X(adj_start) X(adj_link) X(nd_fit_start) X(fit_by_node) \
    X(round_t) X(round_m)
/* clang-format on */

void net_model_free(hl_model *m)
{
    if (!m)
        return;
#define FREE_ONE(f) free((void *)m->f);
    FREE_ALL(FREE_ONE)
#undef FREE_ONE
    hyd_free(m->hyd);
    heat_free(m->heat);
    net_profile_free(m->profile);
    fitting_table_free(m);
    net_warn_clear(m);
    free(m->warn);
    index_free(&m->node_ix);
    index_free(&m->link_ix);
    index_free(&m->hx_ix);
    index_free(&m->chamber_ix);
    index_free(&m->fitting_ix);
    fluid_free(&m->fluid);
    hl_material_db_free(m->materials);
    hl_fitting_catalog_free(m->fit_cat);
    strpool_free(&m->strings);
    free(m);
}
