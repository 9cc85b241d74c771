/*
 * surge_size.c - sizing of an air vessel (issue 12, --size
 * air-vessel:NODE): the smallest gas volume of an extra vessel at a node
 * that makes the event's verdict pass (no pipe over PN, none within the
 * vapour margin, no cavity), by runs of the whole event: first without a
 * vessel, then doubling from 10 m3 until one passes (at most 10,000 m3),
 * then bisection to 2 % of the volume. The verdict is not monotonic in
 * the volume in every network; the result is the smallest passing volume
 * the bisection meets, and every run is reported.
 */
#include "surge/surge.h"

#include <math.h>

#define SIZE_START_M3 10.0
#define SIZE_MAX_M3   10000.0
#define SIZE_REL_TOL  0.02

/* One run with the extra vessel (0 = none); its verdict into *ok. */
static int try_volume(const hl_model *m, const hl_surge_options *o,
                      const char *node, double gas, hl_surge_sizing *out,
                      int *ok, hl_error *err)
{
    hl_surge_options x = *o;
    x.extra_vessel_node = gas > 0.0 ? node : NULL;
    x.extra_vessel_m3 = gas;
    x.n_watch = 0;
    hl_surge *s = NULL;
    int rc = hl_surge_run(&s, m, &x, err);
    if (rc)
        return rc;
    hl_surge_verdict v;
    hl_surge_verdict_get(s, &v);
    hl_surge_free(s);
    *ok = v.ok;
    if (out->runs < HL_SURGE_SIZE_MAX_RUNS) {
        out->run_gas_m3[out->runs] = gas;
        out->run_ok[out->runs] = v.ok;
    }
    out->runs++;
    return HL_OK;
}

int hl_surge_size_vessel(const hl_model *m, const hl_surge_options *o,
                         const char *node, hl_surge_sizing *out, hl_error *err)
{
    if (!m || !o || !node || !out)
        return hl_error_set(err, HL_EINVAL, "size: NULL argument");
    out->runs = 0;
    out->gas_m3 = 0.0;
    int ok = 0, rc = try_volume(m, o, node, 0.0, out, &ok, err);
    if (rc || ok)
        return rc;
    double lo = 0.0, hi = SIZE_START_M3;
    for (;;) {
        if ((rc = try_volume(m, o, node, hi, out, &ok, err)))
            return rc;
        if (ok)
            break;
        lo = hi;
        if (hi >= SIZE_MAX_M3)
            return hl_error_set(err, HL_EUNREACHABLE,
                                "size: no air vessel at '%s' up to %g m3 of "
                                "gas keeps the event within the limits",
                                node, SIZE_MAX_M3);
        hi = fmin(2.0 * hi, SIZE_MAX_M3);
    }
    while (hi - lo > SIZE_REL_TOL * hi) {
        double mid = 0.5 * (lo + hi);
        if ((rc = try_volume(m, o, node, mid, out, &ok, err)))
            return rc;
        if (ok)
            hi = mid;
        else
            lo = mid;
    }
    out->gas_m3 = hi;
    return HL_OK;
}
