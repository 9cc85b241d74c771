/* fuzz_lab_runs.c - lab runs from a buffer (hl_lab_read_text), then the
 * lambda(T) fit of the first material and the ageing analysis. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fit_first(const hl_lab_data *d)
{
    if (d->n_runs < 1)
        return;
    static hl_lab_point pts[4096];
    int n = hl_lab_points(d, d->runs[0].material, 0.0, pts, 4096);
    hl_lab_fit_options o;
    memset(&o, 0, sizeof o);
    hl_lab_fit fit;
    hl_error err;
    hl_error_clear(&err);
    if (n > 0 && hl_lab_fit_lambda(pts, n, &o, &fit, &err))
        fuzz_check_message(err.message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    hl_lab_data d;
    hl_error err;
    hl_error_clear(&err);
    if (hl_lab_read_text((const char *)data, size, "runs.csv", 0, &d, &err)) {
        fuzz_check_message(err.message);
        return 0;
    }
    fit_first(&d);
    hl_lab_ageing_options ao;
    memset(&ao, 0, sizeof ao);
    ao.design_k = NAN;
    ao.limit_pct = 10.0;
    hl_lab_ageing a;
    hl_error_clear(&err);
    if (hl_lab_ageing_analyse(&d, &ao, &a, &err))
        fuzz_check_message(err.message);
    else
        hl_lab_ageing_free(&a);
    hl_lab_data_free(&d);
    return 0;
}
