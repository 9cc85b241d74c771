/* fuzz_geojson.c - a GeoJSON network from a buffer (hl_model_load_text),
 * then the steady solve of what loads. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    hl_model *m = NULL;
    hl_load_options o;
    hl_load_options_init(&o);
    o.inp_u_w_m2k = 0.5;
    int rc = hl_model_load_text(&m, (const char *)data, size, "fuzz.geojson",
                                NULL, &o);
    if (rc)
        fuzz_check_message(hl_model_error(m));
    else
        fuzz_solve(m);
    hl_model_free(m);
    return 0;
}
