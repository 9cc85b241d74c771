/* fuzz_model_yaml.c - a YAML model from a buffer (hl_model_load_text),
 * then the steady solve of what loads. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    hl_model *m = NULL;
    int rc = hl_model_load_text(&m, (const char *)data, size, "fuzz.yaml", NULL,
                                NULL);
    if (rc)
        fuzz_check_message(hl_model_error(m));
    else
        fuzz_solve(m);
    hl_model_free(m);
    return 0;
}
