/*
 * feasibility.c - the verdict on a solved state: the violations of hard
 * limits that the checks found (checks.c, static_check.c), kept in full
 * (the warnings list only the first of each kind), and the public
 * getters (heatline_feasibility.h). A state with any violation is
 * infeasible: the solve converged, the water it describes cannot exist
 * or the plant cannot run that way.
 */
#include "network/verdict.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[HL_VIOL_KINDS] = {"negative_pressure",
                                                      "boiling",
                                                      "pn",
                                                      "pump_curve",
                                                      "pump_negative_rise",
                                                      "consumer_dp",
                                                      "static_boiling",
                                                      "static_pn"};

#define BAR(p) ((p) / 1e5)

static const char *const kind_units[HL_VIOL_KINDS] = {
    "Pa(a)", "Pa(a)", "Pa(g)", "m3/s", "Pa", "Pa", "Pa(a)", "Pa(g)"};

const char *hl_violation_kind_name(int kind)
{
    return kind >= 0 && kind < HL_VIOL_KINDS ? kind_names[kind] : "?";
}

void verdict_free(struct net_verdict *v)
{
    if (!v)
        return;
    free(v->rec);
    free(v->p_static);
    free(v->margin);
    free(v->ref);
    free(v);
}

/* The verdict of this solve, empty, with its per-node arrays. */
int verdict_reset(hl_model *m)
{
    struct net_verdict *v = m->verdict;
    if (!v) {
        size_t n = (size_t)m->net->n_nodes + 1;
        v = calloc(1, sizeof *v);
        if (v) {
            v->p_static = malloc(sizeof(double) * n);
            v->margin = malloc(sizeof(double) * n);
            v->ref = malloc(sizeof(hl_static_reference) * n);
        }
        if (!v || !v->p_static || !v->margin || !v->ref) {
            verdict_free(v);
            return net_fail(m, HL_ENOMEM, "out of memory");
        }
        m->verdict = v;
    }
    v->n = 0;
    v->n_ref = 0;
    v->min_margin = NAN;
    v->min_node = -1;
    v->lost = 0;
    return HL_OK;
}

void verdict_add(hl_model *m, int kind, int element_kind, int element,
                 double value, double limit)
{
    struct net_verdict *v = m->verdict;
    if (!v)
        return;
    if (v->n == v->cap) {
        int cap = v->cap ? 2 * v->cap : 16;
        verdict_rec *r = realloc(v->rec, sizeof *r * (size_t)cap);
        if (!r) { /* the verdict stays infeasible, the record is lost */
            v->lost++;
            return;
        }
        v->rec = r;
        v->cap = cap;
    }
    v->rec[v->n++] = (verdict_rec){kind, element_kind, element, value, limit};
}

int verdict_copy(hl_model *m, const hl_model *src)
{
    const struct net_verdict *s = src->verdict;
    if (!s)
        return HL_OK;
    if (verdict_reset(m))
        return HL_ENOMEM;
    struct net_verdict *v = m->verdict;
    size_t n = (size_t)m->net->n_nodes + 1;
    for (int i = 0; i < s->n; i++) {
        const verdict_rec *r = &s->rec[i];
        verdict_add(m, r->kind, r->element_kind, r->element, r->value,
                    r->limit);
    }
    if (v->n != s->n)
        return HL_ENOMEM;
    memcpy(v->p_static, s->p_static, sizeof(double) * n);
    memcpy(v->margin, s->margin, sizeof(double) * n);
    memcpy(v->ref, s->ref, sizeof(hl_static_reference) * n);
    v->n_ref = s->n_ref;
    v->min_margin = s->min_margin;
    v->min_node = s->min_node;
    v->lost = s->lost;
    return HL_OK;
}

static int verdict_ready(const hl_model *m)
{
    return m && !m->failed && m->solved && m->verdict;
}

/* One violation as a line a person reads. */
void hl_violation_describe(const hl_violation *v, char *buf, size_t cap)
{
    if (!buf || cap == 0)
        return;
    buf[0] = '\0';
    if (!v)
        return;
    const char *id = v->element_id ? v->element_id : "";
    switch (v->kind) {
    case HL_VIOL_NEGATIVE_PRESSURE:
        snprintf(buf, cap,
                 "node %s: absolute pressure %.3f bar(a) is below zero", id,
                 BAR(v->value));
        break;
    case HL_VIOL_BOILING:
        snprintf(buf, cap,
                 "node %s: %.3f bar(a) is below the vapour pressure %.3f "
                 "bar(a): the water boils",
                 id, BAR(v->value), BAR(v->limit));
        break;
    case HL_VIOL_PN:
        snprintf(buf, cap, "pipe %s: %.2f bar(g) is above its PN %.0f", id,
                 BAR(v->value), BAR(v->limit));
        break;
    case HL_VIOL_PUMP_CURVE:
        snprintf(buf, cap,
                 "pump %s: flow %.1f m3/h is beyond the end of its curve "
                 "(%.1f m3/h)",
                 id, v->value * 3600.0, v->limit * 3600.0);
        break;
    case HL_VIOL_PUMP_NEGATIVE_RISE:
        snprintf(buf, cap, "pump %s: asked for a rise of %.2f bar (negative)",
                 id, BAR(v->value));
        break;
    case HL_VIOL_CONSUMER_DP:
        snprintf(buf, cap,
                 "consumer %s: differential pressure %.3f bar is below its "
                 "minimum %.3f bar",
                 id, BAR(v->value), BAR(v->limit));
        break;
    case HL_VIOL_STATIC_BOILING:
        snprintf(buf, cap,
                 "node %s, pumps stopped: static %.3f bar(a) is below the "
                 "vapour pressure %.3f bar(a)",
                 id, BAR(v->value), BAR(v->limit));
        break;
    default:
        snprintf(buf, cap,
                 "node %s, pumps stopped: static %.2f bar(g) is above the "
                 "PN %.0f",
                 id, BAR(v->value), BAR(v->limit));
    }
}

int hl_model_feasible(const hl_model *m, int *feasible)
{
    if (!verdict_ready(m) || !feasible)
        return HL_ESTATE;
    *feasible = m->verdict->n == 0 && m->verdict->lost == 0;
    return HL_OK;
}

int hl_model_violation_count(const hl_model *m)
{
    return verdict_ready(m) ? m->verdict->n : 0;
}

int hl_model_violation(const hl_model *m, int i, hl_violation *out)
{
    if (!verdict_ready(m))
        return HL_ESTATE;
    if (i < 0 || i >= m->verdict->n || !out)
        return HL_EINVAL;
    const verdict_rec *r = &m->verdict->rec[i];
    out->kind = r->kind;
    out->element_kind = r->element_kind;
    out->element = r->element;
    out->element_id = hl_model_id(m, r->element_kind, r->element);
    if (!out->element_id)
        out->element_id = "";
    out->value = r->value;
    out->limit = r->limit;
    out->unit = kind_units[r->kind];
    return HL_OK;
}

int hl_model_static_check(const hl_model *m, hl_static_result *out)
{
    if (!verdict_ready(m) || !out)
        return HL_ESTATE;
    out->min_margin_pa = m->verdict->min_margin;
    out->node = m->verdict->min_node;
    out->n_references = m->verdict->n_ref;
    return HL_OK;
}

int hl_model_static_reference(const hl_model *m, int i,
                              hl_static_reference *out)
{
    if (!verdict_ready(m))
        return HL_ESTATE;
    if (i < 0 || i >= m->verdict->n_ref || !out)
        return HL_EINVAL;
    *out = m->verdict->ref[i];
    return HL_OK;
}

int hl_model_static_node(const hl_model *m, int i, double *p_static_pa,
                         double *margin_pa)
{
    if (!verdict_ready(m))
        return HL_ESTATE;
    if (i < 0 || i >= m->net->n_nodes)
        return HL_EINVAL;
    if (p_static_pa)
        *p_static_pa = m->verdict->p_static[i];
    if (margin_pa)
        *margin_pa = m->verdict->margin[i];
    return HL_OK;
}
