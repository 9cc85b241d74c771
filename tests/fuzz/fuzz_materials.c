/* fuzz_materials.c - a materials table from a buffer
 * (hl_material_db_load_text), then lambda(T) of every material over its
 * valid range and its CSV row. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    hl_material_db *db = NULL;
    hl_error err;
    hl_error_clear(&err);
    if (hl_material_db_new(&db, &err))
        abort();
    int base = hl_material_db_count(db);
    if (hl_material_db_load_text(db, (const char *)data, size, "mat.csv",
                                 &err)) {
        fuzz_check_message(err.message);
    } else {
        for (int i = base; i < hl_material_db_count(db); i++) {
            const hl_material *mt = hl_material_db_at(db, i);
            for (int k = 0;
                 k <= 4 && isfinite(mt->t_min_k) && isfinite(mt->t_max_k);
                 k++) {
                double t = mt->t_min_k + (mt->t_max_k - mt->t_min_k) * k / 4;
                fuzz_check_finite("lambda in the valid range",
                                  hl_lambda_at(&mt->lambda, t));
            }
            char row[2048];
            hl_material_format_csv(mt, row, sizeof row);
        }
    }
    hl_material_db_free(db);
    return 0;
}
