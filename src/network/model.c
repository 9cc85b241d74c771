/*
 * model.c - the network and its run handles: creation with defaults,
 * cloning a run handle onto the same (shared, read-only) network, error
 * and warning records, source positions for messages, and freeing.
 */
#include "network/net.h"
#include "network/net_period.h"
#include "network/net_transient.h"
#include "physics/friction.h"

#include <math.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reference count is updated atomically: handles cloned from one
 * network may be created and freed in different threads. */
static void def_retain(net_def *d)
{
    atomic_fetch_add_explicit(&d->refs, 1, memory_order_relaxed);
}

static int def_release(net_def *d)
{
    return atomic_fetch_sub_explicit(&d->refs, 1, memory_order_acq_rel) == 1;
}

static void default_limits(hl_check_limits *l)
{
    l->min_pressure_pa = 0.5e5;
    l->max_velocity_m_s = 3.5;
    l->saturation_margin_pa = 0.0;
    l->min_consumer_dp_pa = 0.5e5;
    l->fitting_surface_k = HL_ZERO_C_K + 50.0;
    l->static_margin_pa = 0.5e5; /* [A] docs/physics.md "Static pressure" */
}

hl_model *net_new(void)
{
    hl_model *m = calloc(1, sizeof *m);
    net_def *d = calloc(1, sizeof *d);
    if (!m || !d) {
        free(m);
        free(d);
        return NULL;
    }
    d->refs = 1;
    d->p_atm = 101325.0;
    d->g = 9.80665; /* standard gravity */
    d->friction = FRICTION_COLEBROOK;
    d->name = d->description = "";
    net_operation_unset(&d->operation);
    m->net = m->def = d;
    m->t_ground = HL_ZERO_C_K + 2.0; /* replaced by the model file */
    m->t_air = HL_ZERO_C_K + 0.0;
    m->t_duct = HL_ZERO_C_K + 20.0;
    m->chamber_air_default = NAN; /* each chamber's heat balance */
    m->demand_scale = 1.0;
    default_limits(&m->limits);
    return m;
}

int net_origin(hl_model *m, const char *file)
{
    net_def *d = m->def;
    for (int i = 0; i < d->n_origin; i++)
        if (strcmp(d->origin[i], file) == 0)
            return i;
    if (d->n_origin == (int)(sizeof d->origin / sizeof d->origin[0]))
        return d->n_origin - 1;
    const char *s = text_pool_add(&d->strings, file);
    if (!s) /* recorded: the load reports it when it finishes */
        net_fail(m, HL_ENOMEM, "%s: out of memory", file);
    d->origin[d->n_origin] = s ? s : "?";
    return d->n_origin++;
}

void net_where(const hl_model *m, int where, char *buf, size_t cap)
{
    int origin = where >> 24, line = where & 0xffffff;
    const char *file = origin < m->net->n_origin ? m->net->origin[origin] : "?";
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

/* ---- warnings: every line kept ------------------------------------------ */

void net_warn_clear(hl_model *m)
{
    text_list_clear(&m->warn);
    for (int i = 0; i < m->net->notes.n; i++)
        if (text_list_add(&m->warn, "%s", m->net->notes.line[i]))
            net_fail(m, HL_ENOMEM, "out of memory while recording a warning");
}

/* A warning that cannot be stored (out of memory) is not lost silently:
 * the solve's error record says so. */
void net_warn(hl_model *m, const char *fmt, ...)
{
    char *raw = NULL;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len >= 0 && (raw = malloc((size_t)len + 1))) {
        va_start(ap, fmt);
        vsnprintf(raw, (size_t)len + 1, fmt, ap);
        va_end(ap);
    }
    /* one line, whatever the ids hold (hl_text_show escapes) */
    size_t cap = raw ? 4 * (size_t)len + 1 : 0;
    char *text = raw ? malloc(cap) : NULL;
    if (text)
        hl_text_show(text, cap, raw, (size_t)len + 1);
    int rc = text ? text_list_add(&m->warn, "%s", text) : HL_ENOMEM;
    free(raw);
    free(text);
    if (rc)
        net_fail(m, HL_ENOMEM, "out of memory while recording a warning");
}

/* ---- freeing ------------------------------------------------------------- */

/* The network's arrays, freed by name (free(NULL) is fine): the element
 * arrays (net.h), then those sized otherwise. */
/* clang-format off */
#define DEF_FREE_ALL(X) \
    NODE_DEF_ARRAYS(X) LINK_DEF_ARRAYS(X) PIPE_DEF_ARRAYS(X) \
    PUMP_DEF_ARRAYS(X) VALVE_DEF_ARRAYS(X) CONSUMER_DEF_ARRAYS(X) \
    SOURCE_DEF_ARRAYS(X) HX_DEF_ARRAYS(X) CHAMBER_DEF_ARRAYS(X) \
    FITTING_DEF_ARRAYS(X) \
    X(pu_q) X(pu_h) X(ttype) X(adj_start) X(adj_link) X(nd_fit_start) \
    X(fit_by_node) X(fi_cls) X(vx_pipe) X(vx_x) X(vx_y) X(ch_fit_start) \
    X(fit_by_chamber)
/* The run state's arrays. */
#define RUN_FREE_ALL(X) \
    RUN_ARRAYS_BY_COUNT(X) \
    X(tt_r) X(pipe_warm) X(nd_p) X(nd_t) X(nd_ext) X(nd_order) \
    X(nd_connected) \
    X(round_t) X(round_m) X(nd_dem_set) X(nd_fp_set)
/* clang-format on */

static void def_free(net_def *d)
{
#define FREE_ONE(f) free((void *)d->f);
    DEF_FREE_ALL(FREE_ONE)
#undef FREE_ONE
    text_list_free(&d->notes);
    index_free(&d->node_ix);
    index_free(&d->link_ix);
    index_free(&d->hx_ix);
    index_free(&d->chamber_ix);
    index_free(&d->fitting_ix);
    fluid_free(&d->fluid);
    hl_material_db_free(d->materials);
    hl_fitting_catalog_free(d->fit_cat);
    net_transient_free(d->transient);
    net_period_free(d->period);
    text_pool_free(&d->strings);
    free(d);
}

static void run_free(hl_model *m)
{
#define FREE_ONE(f) free((void *)m->f);
    RUN_FREE_ALL(FREE_ONE)
#undef FREE_ONE
    hyd_free(m->hyd);
    heat_free(m->heat);
    net_profile_free(m->profile);
    fitting_table_free(m);
    text_list_free(&m->warn);
    verdict_free(m->verdict);
}

void net_model_free(hl_model *m)
{
    if (!m)
        return;
    run_free(m);
    net_def *d = (net_def *)m->net; /* this handle's share */
    if (d && def_release(d))
        def_free(d);
    free(m);
}

/* ---- cloning ------------------------------------------------------------- */

/* Element count each run array is sized by (its kind's). */
static size_t run_count(const net_def *d, const char *name)
{
    switch (name[0]) {
    case 'l':
        return (size_t)d->n_links;
    case 'p':
        return (size_t)(name[1] == 'p' ? d->n_pipes : d->n_pumps);
    case 'v':
        return (size_t)d->n_valves;
    case 'c':
        return (size_t)(name[1] == 'o' ? d->n_consumers : d->n_chambers);
    case 's':
        return (size_t)d->n_sources;
    case 'h':
        return (size_t)d->n_hx;
    default:
        return (size_t)d->n_fittings;
    }
}

/* dst = a copy of n elements of src (NULL stays NULL); 0 on failure. */
static int copy_array(void **dst, const void *src, size_t n, size_t size)
{
    *dst = NULL;
    if (!src)
        return 1;
    *dst = malloc(n ? n * size : 1);
    if (!*dst)
        return 0;
    memcpy(*dst, src, n * size);
    return 1;
}

/* Run arrays and results of src into the fresh handle m (which shares
 * src's network). The solver workspaces are not copied: the clone builds
 * its own on its first solve and starts warm from the copied results. */
static int copy_run_state(hl_model *m, const hl_model *src)
{
    const net_def *d = src->net;
    size_t nn = (size_t)d->n_nodes + 1; /* as solve.c allocates them */
    int ok = 1;
#define COPY_RUN(f)                                                            \
    ok = ok &&                                                                 \
         copy_array((void **)&m->f, src->f, run_count(d, #f), sizeof *src->f);
    RUN_ARRAYS_BY_COUNT(COPY_RUN)
#undef COPY_RUN
    ok = ok && copy_array((void **)&m->tt_r, src->tt_r, 3 * (size_t)d->n_ttypes,
                          sizeof *src->tt_r);
    ok = ok && copy_array((void **)&m->nd_p, src->nd_p, nn, sizeof *m->nd_p);
    ok = ok && copy_array((void **)&m->nd_t, src->nd_t, nn, sizeof *m->nd_t);
    ok = ok &&
         copy_array((void **)&m->nd_ext, src->nd_ext, nn, sizeof *m->nd_ext);
    ok = ok && copy_array((void **)&m->nd_order, src->nd_order, nn,
                          sizeof *m->nd_order);
    ok = ok && copy_array((void **)&m->nd_connected, src->nd_connected, nn,
                          sizeof *m->nd_connected);
    ok = ok &&
         copy_array((void **)&m->round_t, src->round_t, nn, sizeof *m->round_t);
    ok = ok && copy_array((void **)&m->nd_dem_set, src->nd_dem_set, nn,
                          sizeof *m->nd_dem_set);
    ok = ok && copy_array((void **)&m->nd_fp_set, src->nd_fp_set, nn,
                          sizeof *m->nd_fp_set);
    ok = ok && copy_array((void **)&m->round_m, src->round_m,
                          (size_t)d->n_links + 1, sizeof *m->round_m);
    return ok;
}

static int copy_warnings(hl_model *m, const hl_model *src)
{
    for (int i = 0; i < src->warn.n; i++) {
        net_warn(m, "%s", src->warn.line[i]);
        if (m->err.code)
            return 0;
    }
    return 1;
}

int hl_model_clone(const hl_model *src, hl_model **out)
{
    if (!out)
        return HL_EINVAL;
    *out = NULL;
    if (!src || src->failed || !src->finished)
        return HL_ESTATE;
    hl_model *m = calloc(1, sizeof *m);
    if (!m)
        return HL_ENOMEM;
    def_retain((net_def *)src->net);
    m->net = src->net;
    m->finished = 1;
    memcpy(m->fit_cover, src->fit_cover, sizeof m->fit_cover);
    m->t_ground = src->t_ground;
    m->t_air = src->t_air;
    m->t_duct = src->t_duct;
    m->chamber_air_default = src->chamber_air_default;
    m->demand_scale = src->demand_scale;
    m->mech_heat = src->mech_heat;
    m->pressure_driven = src->pressure_driven;
    m->limits = src->limits;
    m->solved = src->solved;
    m->totals = src->totals;
    int ok = copy_run_state(m, src) && copy_warnings(m, src) &&
             verdict_copy(m, src) == HL_OK;
    if (ok && m->net->n_fittings > 0)
        ok = fitting_tables_new(m, m->net->n_fit_cls * HL_FIT_NSTATES) == HL_OK;
    if (!ok) {
        net_model_free(m);
        return HL_ENOMEM;
    }
    *out = m;
    return HL_OK;
}
