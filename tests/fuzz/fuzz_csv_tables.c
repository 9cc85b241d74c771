/* fuzz_csv_tables.c - the CSV tables a model names (nodes_csv,
 * pipes_csv) and the --thermal-csv table of an EPANET import, each read
 * from a scratch file; the first byte picks the table. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char nodes_model[] =
    "heatline_model: 1\n"
    "nodes_csv: t.csv\n"
    "pipes:\n"
    "  - {id: P1, from: A, to: B, length_m: 100, inner_diameter_mm: 100,\n"
    "     roughness_mm: 0.1}\n";

static const char pipes_model[] =
    "heatline_model: 1\n"
    "pipe_types:\n"
    "  t1: {outer_diameter_mm: 114.3, wall_mm: 3.6, roughness_mm: 0.1,\n"
    "       heat_loss_coefficient_w_per_mk: 0.3}\n"
    "nodes:\n"
    "  - {id: A, pressure_bar_g: 4, inflow_temp_c: 80}\n"
    "  - {id: B, demand_kg_per_s: 1}\n"
    "  - {id: C, demand_kg_per_s: 1}\n"
    "pipes_csv: t.csv\n";

static const char inp_model[] =
    "[JUNCTIONS]\nJ1 10 1\nJ2 5 2\n[RESERVOIRS]\nR1 50\n"
    "[PIPES]\nP1 R1 J1 100 100 0.1\nP2 J1 J2 200 80 0.1\n"
    "[OPTIONS]\nUnits LPS\nHeadloss D-W\n[END]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    if (size < 1)
        return 0;
    int which = data[0] % 3;
    fuzz_write("t.csv", data + 1, size - 1);
    hl_model *m = NULL;
    hl_load_options o;
    hl_load_options_init(&o);
    const char *text = which == 0   ? nodes_model
                       : which == 1 ? pipes_model
                                    : inp_model;
    if (which == 2) {
        static char path[512];
        snprintf(path, sizeof path, "%s/t.csv", fuzz_dir());
        o.inp_thermal_csv = path;
    }
    int rc = hl_model_load_text(&m, text, strlen(text),
                                which == 2 ? "fuzz.inp" : "fuzz.yaml",
                                fuzz_dir(), &o);
    if (rc)
        fuzz_check_message(hl_model_error(m));
    else
        fuzz_solve(m);
    hl_model_free(m);
    return 0;
}
