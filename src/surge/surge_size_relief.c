/*
 * surge_size_relief.c - sizing of a pressure-relief valve (issue 12,
 * --size relief-valve:NODE): the highest set pressure of an extra relief
 * valve at a node that makes the event's verdict pass, and the capacity
 * it then needs (include/heatline_surge.h, hl_surge_size_relief).
 *
 * The set pressure lies between the node's steady pressure + 1 bar [A]
 * (the valve stays shut in operation) and its PN / 1.1 (set + the 10 %
 * accumulation at which it discharges its capacity stays within PN). The
 * runs that find it give the valve an unlimited capacity (it holds the
 * set pressure whatever it must discharge), so the set pressure is sized
 * alone; the capacity follows from the largest discharge of the passing
 * run and is checked by a run with it. A lower set pressure discharges
 * more and relieves more: the bisection assumes the verdict passes below
 * some set pressure and fails above it, which the runs it reports show.
 */
#include "surge/surge.h"

#include <math.h>

#define SET_MARGIN_PA  1e5    /* [A] above the steady pressure */
#define SET_TOL_PA     0.05e5 /* bisection to 0.05 bar */
#define PN_OVER_SET    1.1    /* set + 10 % accumulation <= PN */
#define UNLIMITED_KG_S 1e5    /* "unlimited" capacity of the sizing runs */
#define CAP_STEP_KG_S  10.0
#define CAP_TRIES      6

/* One run with the extra relief valve (set 0: none); verdict into *ok,
 * the valve's largest discharge into *q. */
static int try_relief(const hl_model *m, const hl_surge_options *o,
                      const char *node, double set, double cap,
                      hl_surge_relief_sizing *out, int *ok, double *q,
                      hl_error *err)
{
    hl_surge_options x = *o;
    x.extra_relief_node = set > 0.0 ? node : NULL;
    x.extra_relief_set_pa = set;
    x.extra_relief_cap_kg_s = cap;
    x.n_watch = 0;
    hl_surge *s = NULL;
    int rc = hl_surge_run(&s, m, &x, err);
    if (rc)
        return rc;
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    *ok = v.ok;
    *q = 0.0;
    int n = hl_surge_relief_count(s);
    hl_surge_relief rv;
    if (set > 0.0 && n > 0 && hl_surge_relief_result(s, n - 1, &rv) == HL_OK)
        *q = rv.max_discharge_kg_s;
    hl_surge_free(s);
    if (out->runs < HL_SURGE_SIZE_MAX_RUNS) {
        out->run_set_pa[out->runs] = set;
        out->run_cap_kg_s[out->runs] = cap >= UNLIMITED_KG_S ? INFINITY : cap;
        out->run_ok[out->runs] = v.ok;
    }
    out->runs++;
    return HL_OK;
}

/* The node's steady pressure (gauge) and the lowest PN of its pipes. */
static int node_limits(const hl_model *m, const hl_surge_options *o,
                       const char *node, double *p0, double *pn, hl_error *err)
{
    int i = hl_model_find(m, HL_NODE, node);
    hl_node_result nr;
    if (i < 0 || hl_model_node_result(m, i, &nr))
        return hl_error_set(err, HL_ENOTFOUND,
                            "relief valve: no node '%s' in the model", node);
    *p0 = nr.pressure_pa;
    hl_surge_options x = *o;
    x.duration_s = fmin(o->duration_s, 1e-3); /* one step: the PN only */
    x.n_watch = 0;
    hl_surge *s = NULL;
    int rc = hl_surge_run(&s, m, &x, err);
    if (rc)
        return rc;
    hl_surge_node sn;
    rc = hl_surge_node_result(s, i, &sn);
    *pn = rc ? NAN : sn.pn_pa;
    hl_surge_free(s);
    if (!isfinite(*pn))
        return hl_error_set(err, HL_EUNREACHABLE,
                            "relief valve at '%s': none of its pipes has a "
                            "PN to size the set pressure against",
                            node);
    return HL_OK;
}

/* Capacity for set: the largest discharge q0 of the unlimited run, rounded
 * up, raised by a quarter while the run with it fails. */
static int size_capacity(const hl_model *m, const hl_surge_options *o,
                         const char *node, double set, double q0,
                         hl_surge_relief_sizing *out, hl_error *err)
{
    double cap = fmax(CAP_STEP_KG_S, ceil(q0 / CAP_STEP_KG_S) * CAP_STEP_KG_S);
    for (int k = 0; k < CAP_TRIES; k++) {
        int ok = 0;
        double q = 0.0;
        int rc = try_relief(m, o, node, set, cap, out, &ok, &q, err);
        if (rc)
            return rc;
        if (ok) {
            out->capacity_kg_s = cap;
            return HL_OK;
        }
        cap = ceil(1.25 * cap / CAP_STEP_KG_S) * CAP_STEP_KG_S;
    }
    return hl_error_set(err, HL_EUNREACHABLE,
                        "relief valve at '%s' set %.2f bar(g): no capacity "
                        "up to %.0f kg/s keeps the event within the limits "
                        "at 10 %% accumulation",
                        node, set / 1e5, cap);
}

int hl_surge_size_relief(const hl_model *m, const hl_surge_options *o,
                         const char *node, hl_surge_relief_sizing *out,
                         hl_error *err)
{
    if (!m || !o || !node || !out)
        return hl_error_set(err, HL_EINVAL, "size: NULL argument");
    out->runs = 0;
    out->set_pressure_pa = out->capacity_kg_s = 0.0;
    double p0 = 0.0, pn = 0.0, q = 0.0;
    int ok = 0, rc = node_limits(m, o, node, &p0, &pn, err);
    if (!rc)
        rc = try_relief(m, o, node, 0.0, 0.0, out, &ok, &q, err);
    if (rc || ok)
        return rc;
    double lo = p0 + SET_MARGIN_PA, hi = pn / PN_OVER_SET;
    if (!(hi > lo))
        return hl_error_set(err, HL_EUNREACHABLE,
                            "relief valve at '%s': its steady pressure "
                            "%.2f bar(g) + 1 bar leaves no set pressure "
                            "below PN %.1f / 1.1",
                            node, p0 / 1e5, pn / 1e5);
    double q_hi = 0.0, q_lo = 0.0;
    if ((rc = try_relief(m, o, node, hi, UNLIMITED_KG_S, out, &ok, &q_hi, err)))
        return rc;
    if (!ok) {
        if ((rc = try_relief(m, o, node, lo, UNLIMITED_KG_S, out, &ok, &q_lo,
                             err)))
            return rc;
        if (!ok)
            return hl_error_set(err, HL_EUNREACHABLE,
                                "no relief valve at '%s' set between %.2f "
                                "and %.2f bar(g) keeps the event within the "
                                "limits",
                                node, lo / 1e5, hi / 1e5);
        while (hi - lo > SET_TOL_PA) {
            double mid = 0.5 * (lo + hi), q_mid = 0.0;
            if ((rc = try_relief(m, o, node, mid, UNLIMITED_KG_S, out, &ok,
                                 &q_mid, err)))
                return rc;
            if (ok) {
                lo = mid;
                q_lo = q_mid;
            } else {
                hi = mid;
            }
        }
        hi = lo;
        q_hi = q_lo;
    }
    out->set_pressure_pa = hi;
    return size_capacity(m, o, node, hi, q_hi, out, err);
}
