/*
 * lab_template.c - `heatline lab --template KIND`: a commented CSV to fill
 * in. Lines starting with '#' are comments; the reader skips them.
 */
#include "lab_cli.h"

#include <string.h>

static const char common_text[] =
    "# Common columns (any set-up):\n"
    "#   material            material id (one fit per material)\n"
    "#   sample              sample label (optional)\n"
    "#   cycles              boiling cycles before the run (optional, 0 = "
    "unaged)\n"
    "#   hours               hours at temperature (optional; used for "
    "ageing when\n"
    "#                       there is no cycles column)\n"
    "#   mass_g              sample mass after the cycles, g (optional)\n"
    "#   density_kg_per_m3   density of the specimen (optional)\n"
    "#   delaminated         yes/no: delamination seen (optional)\n"
    "# Columns u_* are standard uncertainties (one standard deviation) of\n"
    "# the instruments; leave them out and the fit is unweighted.\n";

static const char *const pipe_text[2] = {
    "# heatline lab: heated-pipe runs (ISO 8497 / GB/T 10296 / ASTM "
    "C335).\n"
    "# lambda = power ln(De/Di) / (2 pi L (t_inner - t_outer)), De = Di + "
    "2 thickness,\n"
    "# reported at the mean of t_inner and t_outer.\n"
    "#   power_w             heater power into the metered section, W\n"
    "#   length_m            metered (test-section) length, m\n"
    "#   pipe_od_mm          pipe outer diameter = insulation inner "
    "diameter, mm\n"
    "#   thickness_mm        insulation thickness, mm\n"
    "#   t_inner_c           mean pipe surface temperature, C\n"
    "#   t_outer_c           mean insulation outer surface temperature, C\n",
    "material,sample,cycles,power_w,length_m,pipe_od_mm,thickness_mm,"
    "t_inner_c,t_outer_c,u_power_w,u_length_mm,u_pipe_od_mm,"
    "u_thickness_mm,u_t_inner_k,u_t_outer_k\n"
    "my-insulation,S1,0,24.9,1.0,88.9,50,100.0,29.4,0.1,0.5,0.1,0.5,0.1,"
    "0.1\n"};

static const char *const plate_text[2] = {
    "# heatline lab: guarded hot plate or heat-flow meter runs (ISO 8302 /\n"
    "# GB/T 10294, ISO 8301 / GB/T 10295).\n"
    "# lambda = heat_flux thickness / (t_hot - t_cold), at their mean.\n"
    "# For a two-specimen hot plate the flux is the power / (2 metered "
    "area).\n"
    "#   heat_flux_w_per_m2  metered heat flux through the specimen, W/m2\n"
    "#   thickness_mm        specimen thickness, mm\n"
    "#   t_hot_c, t_cold_c   mean hot-face and cold-face temperatures, C\n",
    "material,sample,heat_flux_w_per_m2,thickness_mm,t_hot_c,t_cold_c,"
    "u_heat_flux_w_per_m2,u_thickness_mm,u_t_hot_k,u_t_cold_k\n"
    "my-board,P1,24.4,25.0,30.0,10.0,0.12,0.05,0.05,0.05\n"};

static const char *const comparison_text[2] = {
    "# heatline lab: comparison heating of coated sleeves, no power meter.\n"
    "# The heat flow is taken from the outer-surface balance (convection +\n"
    "# radiation, coefficient set of --coefficients), then\n"
    "# lambda = q De ln(De/Di) / (2 (t_inner - t_surface)), De = Di + 2 "
    "thickness.\n"
    "#   sleeve_od_mm        steel sleeve outer diameter under the coating, "
    "mm\n"
    "#   thickness_mm        coating thickness (measure it well: it "
    "dominates u)\n"
    "#   t_inner_c           steel (sleeve) temperature under the coating, "
    "C\n"
    "#   t_surface_c         measured coating outer surface temperature, C\n"
    "#   t_air_c             air temperature, C\n"
    "#   t_radiant_c         surroundings temperature, C (optional; empty = "
    "air)\n"
    "#   emissivity          of the coating surface, (0, 1]\n"
    "#   wind_m_s            air speed, m/s (optional; empty = still air)\n"
    "#   orientation         horizontal (default) or vertical sleeve\n"
    "#   height_m            length of a vertical sleeve, m (optional)\n",
    "material,sample,cycles,sleeve_od_mm,thickness_mm,t_inner_c,"
    "t_surface_c,t_air_c,t_radiant_c,emissivity,mass_g,delaminated,"
    "u_sleeve_od_mm,u_thickness_mm,u_t_inner_k,u_t_surface_k,u_t_air_k,"
    "u_t_radiant_k,u_emissivity\n"
    "my-coating,A1,0,114.0,8.0,110.0,52.0,20.0,20.0,0.9,412.5,no,0.2,0.2,"
    "0.3,0.5,0.3,0.5,0.03\n"};

int lab_template(const char *kind)
{
    const char *const *text = strcmp(kind, "pipe") == 0    ? pipe_text
                              : strcmp(kind, "plate") == 0 ? plate_text
                              : strcmp(kind, "comparison") == 0
                                  ? comparison_text
                                  : NULL;
    if (!text)
        return cli_fail("lab",
                        "--template '%s': expected pipe, plate or "
                        "comparison",
                        kind);
    fputs(text[0], stdout);
    fputs(common_text, stdout);
    fputs(text[1], stdout);
    return 0;
}
