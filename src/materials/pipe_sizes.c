/*
 * pipe_sizes.c - outer diameters of steel pipe by nominal size, for
 * `--dn` and `--nps` (heatline_insulation.h).
 *
 * DN: EN 10220:2002 / ISO 4200 series 1, the series of GB/T 17395 and
 * GB 50316 "series A" (the same outer diameters as data/fittings/flanges.csv
 * uses). NPS: ASME B36.10M, whose outer diameters are the inch values
 * (NPS 14 and up: the NPS itself in inches). Both tables as recalled from
 * the standards, not read in them here; they are the values of every
 * pipe maker's table.
 */
#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    int dn;
    double od_mm;
} dn_table[] = {{15, 21.3},     {20, 26.9},    {25, 33.7},     {32, 42.4},
                {40, 48.3},     {50, 60.3},    {65, 76.1},     {80, 88.9},
                {100, 114.3},   {125, 139.7},  {150, 168.3},   {200, 219.1},
                {250, 273.0},   {300, 323.9},  {350, 355.6},   {400, 406.4},
                {450, 457.0},   {500, 508.0},  {600, 610.0},   {700, 711.0},
                {800, 813.0},   {900, 914.0},  {1000, 1016.0}, {1200, 1219.0},
                {1400, 1422.0}, {1600, 1626.0}};

/* NPS and outer diameter in inches (ASME B36.10M) */
static const struct {
    double nps, od_in;
} nps_table[] = {{0.5, 0.840}, {0.75, 1.050}, {1, 1.315},   {1.25, 1.660},
                 {1.5, 1.900}, {2, 2.375},    {2.5, 2.875}, {3, 3.500},
                 {3.5, 4.000}, {4, 4.500},    {5, 5.563},   {6, 6.625},
                 {8, 8.625},   {10, 10.750},  {12, 12.750}, {14, 14},
                 {16, 16},     {18, 18},      {20, 20},     {24, 24},
                 {30, 30},     {36, 36},      {42, 42},     {48, 48}};

#define N_DN  ((int)(sizeof dn_table / sizeof dn_table[0]))
#define N_NPS ((int)(sizeof nps_table / sizeof nps_table[0]))

int hl_pipe_od_from_dn(int dn, double *od_m, hl_error *err)
{
    char list[300] = "";
    for (int i = 0; i < N_DN; i++) {
        if (dn_table[i].dn == dn) {
            *od_m = dn_table[i].od_mm * 1e-3;
            return HL_OK;
        }
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d",
                 i ? " " : "", dn_table[i].dn);
    }
    return hl_error_set(err, HL_ENOTFOUND,
                        "DN %d is not in the table (EN 10220 series 1: %s)", dn,
                        list);
}

/* "2", "2.5", "1/2", "2-1/2" into a number; 0 when it is none of these. */
static double nps_value(const char *s)
{
    int whole = 0, num = 0, den = 0, used = 0;
    char *end;
    double v = strtod(s, &end);
    if (end != s && *end == '\0' && v > 0)
        return v;
    if (sscanf(s, "%d-%d/%d%n", &whole, &num, &den, &used) == 3 && !s[used] &&
        den > 0 && whole >= 0 && num > 0)
        return whole + (double)num / den;
    if (sscanf(s, "%d/%d%n", &num, &den, &used) == 2 && !s[used] && den > 0 &&
        num > 0)
        return (double)num / den;
    return 0.0;
}

int hl_pipe_od_from_nps(const char *nps, double *od_m, hl_error *err)
{
    double v = nps ? nps_value(nps) : 0.0;
    for (int i = 0; v > 0 && i < N_NPS; i++)
        if (fabs(nps_table[i].nps - v) < 1e-9) {
            *od_m = nps_table[i].od_in * 0.0254;
            return HL_OK;
        }
    return hl_error_set(err, HL_ENOTFOUND,
                        "NPS '%s' is not in the table (ASME B36.10M: 1/2, "
                        "3/4, 1, 1-1/4, 1-1/2, 2, 2-1/2, 3, 3-1/2, 4, 5, 6, "
                        "8, 10, 12, 14, 16, 18, 20, 24, 30, 36, 42, 48)",
                        nps ? nps : "");
}
