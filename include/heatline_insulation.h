/*
 * heatline_insulation.h - insulation design as 3E Plus users expect it:
 * pipe sizes by DN (EN 10220 / ISO 4200 series 1, GB/T 17395 series A) or
 * NPS (ASME B36.10M), and the economic thickness, the least total cost of
 * heat lost and insulation over a life (GB 50264, VDI 2055;
 * docs/physics.md, "Economic thickness").
 */
#ifndef HEATLINE_INSULATION_H
#define HEATLINE_INSULATION_H

#include "heatline_export.h"
#include "heatline_surface.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Outer diameter of steel pipe DN dn (EN 10220 series 1), m; HL_ENOTFOUND
 * with the list of DNs for one not in the table. */
HL_API int hl_pipe_od_from_dn(int dn, double *od_m, hl_error *err);
/* Outer diameter of NPS nps ("2", "2-1/2", "1/2", "2.5"; ASME B36.10M), m;
 * HL_ENOTFOUND with the list for one not in the table. */
HL_API int hl_pipe_od_from_nps(const char *nps, double *od_m, hl_error *err);

typedef struct hl_insulation_costs {
    double heat_price_cny_per_gj; /* price of the heat lost */
    double hours_per_year;        /* hours at the operating temperature */
    double insulation_cny_per_m3; /* installed insulation, per volume */
    double life_years;            /* service life (> 0) */
    double discount_rate;         /* 0.08 = 8 % (>= 0) */
} hl_insulation_costs;

/* Capital recovery (annuity) factor i (1+i)^n / ((1+i)^n - 1); 1/n when
 * i = 0. */
HL_API double hl_annuity_factor(double rate, double years);

/* Annual cost of one layer thickness: the insulation's volume times its
 * price times the annuity factor, plus the heat lost in a year times the
 * heat price; per metre of pipe, per m2 of wall, per sphere. */
typedef struct hl_economic_point {
    double thickness_m;
    double insulation_cny_per_year;
    double heat_cny_per_year;
    double total_cny_per_year;
} hl_economic_point;

/* The thickness of layer `layer` (0-based) in [0, max_thickness_m] (0 =
 * 2 m) with the least total annual cost: a scan of 400 thicknesses, then a
 * golden-section search around the least one to 0.01 mm. best receives the
 * costs at it and out the surface solution. HL_EINVAL for a bad price or
 * life. */
HL_API int hl_thickness_economic(const hl_surface_in *in, int layer,
                                 const hl_insulation_costs *costs,
                                 double max_thickness_m,
                                 hl_economic_point *best, hl_surface_out *out,
                                 hl_error *err);
/* The costs of layer `layer` at thickness_m (the same terms). */
HL_API int hl_economic_cost(const hl_surface_in *in, int layer,
                            const hl_insulation_costs *costs,
                            double thickness_m, hl_economic_point *point,
                            hl_surface_out *out, hl_error *err);

#ifdef __cplusplus
}
#endif

#endif
