/*
 * cmd_run.c - `heatline run`: the main job on the embedded default. Until
 * the line model lands, the default is the surface analysis of the Hohhot
 * fittings problem: a bare DN1600 steel surface at 110 C and the same
 * surface with 8 mm of ceramic-microbead coating, in valve-chamber air.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

#define CHAMBER_AIR_C 25.0 /* assumed, research notes section 5.5 */
#define BURN_LIMIT_C 50.0  /* the utility's target surface temperature */
#define GB_SCALD_C 60.0    /* GB 50264-2013 anti-scald design surface */

typedef struct demo_case {
    const char *label;
    const char *layer; /* NULL = bare */
} demo_case;

static int solve_case(const hl_material_db *db, const demo_case *dc,
                      hl_surface_out *o)
{
    hl_surface_in in;
    hl_error err;
    hl_error_clear(&err);
    hl_surface_in_init(&in);
    in.diameter_m = 1.620;
    in.inner_temp_k = HL_ZERO_C_K + 110.0;
    in.outer.air_k = in.outer.radiant_k = HL_ZERO_C_K + CHAMBER_AIR_C;
    in.outer.emissivity = hl_material_find(db, "steel-bare")->emissivity;
    if (dc->layer) {
        const hl_material *m = hl_material_find(db, dc->layer);
        hl_layer_from_material(m, 8e-3, &in.layer[0]);
        in.n_layers = 1;
        in.outer.emissivity = m->emissivity;
    }
    if (hl_surface_solve(&in, o, &err))
        return cli_fail("run", "%s", err.message);
    return 0;
}

static const char *verdict(double ts_c)
{
    if (ts_c > GB_SCALD_C)
        return "BURN RISK";
    if (ts_c > BURN_LIMIT_C)
        return "over target";
    return "safe";
}

int cmd_run(int argc, char **argv)
{
    int json = argc > 1 && strcmp(argv[1], "--json") == 0;
    if (argc > 1 + json)
        return cli_fail("run", "unexpected argument '%s'", argv[1 + json]);
    hl_material_db *db = cli_materials("run", NULL);
    if (!db)
        return EXIT_USAGE;
    const demo_case cases[2] = {{"bare steel", NULL},
                                {"8 mm ceramic-microbead", "ceramic-microbead"}};
    hl_surface_out o[2];
    for (int i = 0; i < 2; i++)
        if (solve_case(db, &cases[i], &o[i])) {
            hl_material_db_free(db);
            return EXIT_USAGE;
        }
    hl_material_db_free(db);
    if (json) {
        json_t *arr = json_array();
        for (int i = 0; i < 2; i++) {
            json_t *c = json_object();
            json_object_set_new(c, "case", json_string(cases[i].label));
            json_object_set_new(c, "heat_loss_w_per_m",
                                cli_json_number(o[i].heat_flow));
            json_object_set_new(c, "heat_flux_w_per_m2",
                                cli_json_number(o[i].heat_flux_w_m2));
            json_object_set_new(
                c, "surface_temp_c",
                cli_json_number(o[i].surface_temp_k - HL_ZERO_C_K));
            json_object_set_new(
                c, "verdict",
                json_string(verdict(o[i].surface_temp_k - HL_ZERO_C_K)));
            json_array_append_new(arr, c);
        }
        return cli_json_print(arr);
    }
    printf("Hohhot valve chamber: DN1600 steel surface (OD 1620 mm) at "
           "110 C, still air %.0f C, iso12241\n\n",
           CHAMBER_AIR_C);
    printf("  %-24s %12s %12s %10s  %s\n", "surface", "loss W/m", "flux W/m2",
           "surface C", "verdict (target 50 C)");
    for (int i = 0; i < 2; i++)
        printf("  %-24s %12.1f %12.1f %10.1f  %s\n", cases[i].label,
               o[i].heat_flow, o[i].heat_flux_w_m2,
               o[i].surface_temp_k - HL_ZERO_C_K,
               verdict(o[i].surface_temp_k - HL_ZERO_C_K));
    printf("\n  coating saves %.1f W per metre of surface (%.0f %%)\n",
           o[0].heat_flow - o[1].heat_flow,
           100.0 * (1.0 - o[1].heat_flow / o[0].heat_flow));
    return 0;
}
