/* fuzz_inventory.c - a fittings inventory from a buffer (hl_inventory_run,
 * keep-going when the first byte is odd), then its CSV and JSON results. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static hl_fitting_catalog *cat;
static hl_material_db *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    if (size < 1)
        return 0;
    hl_error err;
    hl_error_clear(&err);
    if (!cat &&
        (hl_fitting_catalog_new(&cat, &err) || hl_material_db_new(&db, &err)))
        abort();
    hl_inventory_options o;
    memset(&o, 0, sizeof o);
    o.materials = db;
    hl_fitting_conditions_init(&o.defaults);
    o.keep_going = data[0] & 1;
    hl_inventory inv;
    if (hl_inventory_run((const char *)data + 1, size - 1, "inv.csv", cat, &o,
                         &inv, &err)) {
        fuzz_check_message(err.message);
        return 0;
    }
    for (int json = 0; json < 2; json++) {
        char *text = NULL;
        size_t len = 0;
        hl_error_clear(&err);
        if (hl_inventory_format(&inv, cat, json, &text, &len, &err))
            fuzz_check_message(err.message);
        else if (strlen(text) != len)
            fuzz_fail("a NUL byte inside the results", "");
        free(text);
    }
    hl_inventory_free(&inv);
    return 0;
}
