/*
 * api_binding.c - calls for bindings (the Python package, python/):
 * hl_model_results gives the results of a run of elements of one kind in
 * one call, so a whole table is copied with one numpy.frombuffer (each
 * record is what the per-element getter gives; this only saves a call per
 * element); hl_model_id_list gives every id of a kind in one text;
 * hl_model_clear_error lets each call of a binding report its own
 * error, as the first error recorded on a handle wins.
 */
#include "network/net.h"

#include <string.h>

typedef int (*result_fn)(const hl_model *m, int i, void *out);

static int node_fn(const hl_model *m, int i, void *out)
{
    return hl_model_node_result(m, i, out);
}
static int pipe_fn(const hl_model *m, int i, void *out)
{
    return hl_model_pipe_result(m, i, out);
}
static int pump_fn(const hl_model *m, int i, void *out)
{
    return hl_model_pump_result(m, i, out);
}
static int valve_fn(const hl_model *m, int i, void *out)
{
    return hl_model_valve_result(m, i, out);
}
static int consumer_fn(const hl_model *m, int i, void *out)
{
    return hl_model_consumer_result(m, i, out);
}
static int source_fn(const hl_model *m, int i, void *out)
{
    return hl_model_source_result(m, i, out);
}
static int hx_fn(const hl_model *m, int i, void *out)
{
    return hl_model_hx_result(m, i, out);
}
static int fitting_fn(const hl_model *m, int i, void *out)
{
    return hl_model_fitting_result(m, i, out);
}

/* The getter and record size of each kind with results (index: enum
 * hl_element); chambers have no result record. */
static const struct {
    result_fn get;
    size_t size;
} kinds[HL_ELEMENT_KINDS] = {
    [HL_NODE] = {node_fn, sizeof(hl_node_result)},
    [HL_PIPE] = {pipe_fn, sizeof(hl_pipe_result)},
    [HL_PUMP] = {pump_fn, sizeof(hl_pump_result)},
    [HL_VALVE] = {valve_fn, sizeof(hl_valve_result)},
    [HL_CONSUMER] = {consumer_fn, sizeof(hl_consumer_result)},
    [HL_SOURCE] = {source_fn, sizeof(hl_source_result)},
    [HL_HX] = {hx_fn, sizeof(hl_hx_result)},
    [HL_FITTING] = {fitting_fn, sizeof(hl_chamber_fitting_result)},
};

int hl_model_results(const hl_model *m, int kind, int first, int n, void *out,
                     size_t record_size)
{
    if (!m || m->failed || !m->solved)
        return HL_ESTATE;
    if (kind < 0 || kind >= HL_ELEMENT_KINDS || !kinds[kind].get ||
        record_size != kinds[kind].size || first < 0 || n < 0 ||
        n > hl_model_count(m, kind) - first || (n > 0 && !out))
        return HL_EINVAL;
    char *rec = out;
    for (int i = 0; i < n; i++) {
        int rc = kinds[kind].get(m, first + i, rec + (size_t)i * record_size);
        if (rc)
            return rc;
    }
    return HL_OK;
}

void hl_model_clear_error(hl_model *m)
{
    if (!m || m->failed) /* a failed load keeps its reason */
        return;
    m->err.code = HL_OK;
    m->err.message[0] = '\0';
}

int hl_model_id_list(const hl_model *m, int kind, char *buf, size_t cap,
                     size_t *len)
{
    if (!m || m->failed)
        return HL_ESTATE;
    if (kind < 0 || kind >= HL_ELEMENT_KINDS || !len || (cap > 0 && !buf))
        return HL_EINVAL;
    size_t need = 0;
    int n = hl_model_count(m, kind);
    for (int i = 0; i < n; i++)
        need += strlen(hl_model_id(m, kind, i)) + 1;
    *len = need;
    if (cap < need)
        return cap == 0 ? HL_OK : HL_EINVAL;
    char *at = buf;
    for (int i = 0; i < n; i++) {
        const char *id = hl_model_id(m, kind, i);
        size_t k = strlen(id) + 1;
        memcpy(at, id, k);
        at += k;
    }
    return HL_OK;
}
