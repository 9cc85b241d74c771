/*
 * run_chambers.c - the valve chambers' air in the text summary of
 * `heatline run`: the warmest and coolest chamber, the heat the fittings
 * give to the air and where it goes, then every chamber's air, several to
 * a line.
 */
#include "run.h"

#define T(english) hl_text(cli_lang, english)

#include <math.h>
#include <stdio.h>

#define C(t)     ((t)-HL_ZERO_C_K)
#define PER_LINE 5

void run_print_chambers(hl_model *m)
{
    int n = hl_model_count(m, HL_CHAMBER), hot = -1, cold = -1, fixed = 0;
    if (n == 0)
        return;
    double in = 0.0, ground = 0.0, roof = 0.0, vent = 0.0;
    hl_chamber_result r = {0}, rh = {0}, rc = {0};
    for (int i = 0; i < n; i++) {
        if (hl_model_chamber_result(m, i, &r))
            return;
        if (hot < 0 || r.air_temp_k > rh.air_temp_k)
            hot = i, rh = r;
        if (cold < 0 || r.air_temp_k < rc.air_temp_k)
            cold = i, rc = r;
        fixed += r.air_fixed;
        in += r.heat_in_w;
        ground += r.heat_ground_w;
        roof += r.heat_roof_w;
        vent += r.heat_vent_w;
    }
    printf(T("\nChamber air (%d chambers: %d from their heat balance, %d "
             "fixed)\n"),
           n, n - fixed, fixed);
    printf(T("  warmest %s %.1f C, coolest %s %.1f C; fittings give %.1f kW "
             "to the air: %.1f kW to the ground, %.1f kW through the roofs, "
             "%.1f kW with ventilation\n"),
           hl_model_id(m, HL_CHAMBER, hot), C(rh.air_temp_k),
           hl_model_id(m, HL_CHAMBER, cold), C(rc.air_temp_k), in / 1e3,
           ground / 1e3, roof / 1e3, vent / 1e3);
    for (int i = 0; i < n; i++) {
        hl_model_chamber_result(m, i, &r);
        printf("%s%-8s %6.1f C%s", i % PER_LINE ? "    " : "  ",
               hl_model_id(m, HL_CHAMBER, i), C(r.air_temp_k),
               r.air_fixed ? "*" : "");
        if (i % PER_LINE == PER_LINE - 1 || i == n - 1)
            printf("\n");
    }
    if (fixed)
        printf("%s", T("  (* fixed by the model or --chamber-temp)\n"));
}
