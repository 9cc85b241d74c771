/*
 * ranges.c - the one table of physical ranges: every quantity that a
 * reader (model YAML and CSV tables, EPANET .inp, thermal CSV, EPW and
 * weather CSV, lab runs, fitting inventories, material tables), a
 * command-line option or an API setter takes, with its limits and why.
 * Limits are wide enough for any real plant and narrow enough that no
 * solver meets an overflow (1e308 C, a 1e9 mm fillet). The table is
 * listed in docs/model-format.md, "Physical ranges".
 */
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define C_K    1.0, HL_ZERO_C_K /* C -> K */
#define SI(s)  (s), 0.0
#define OPEN   1
#define CLOSED 0

/* clang-format off */
static const hl_range table[HL_Q_N] = {
[HL_Q_WATER_TEMP_C] = {"water temperature", "C", -50, 350, CLOSED, CLOSED, C_K,
    "supply_temp_c inflow_temp_c return_temp_c",
    "liquid water of IAPWS-IF97 region 1 ends at 350 C; a brine with "
    "constant properties may run below 0 C"},
[HL_Q_SETPOINT_TEMP_C] = {"supply or return set point", "C", 1, 200, CLOSED,
    CLOSED, C_K, "design_supply_temp_c design_return_temp_c "
    "reset_cold_supply_c reset_warm_supply_c reset_floor_c",
    "hot-water district heating runs below 200 C (EN 13941, CJJ 34)"},
[HL_Q_SURROUND_TEMP_C] = {"surroundings temperature", "C", -100, 200, CLOSED,
    CLOSED, C_K, "ground_temp_c air_temp_c duct_temp_c chamber_air_temp_c "
    "ambient_temp_c ambient_c radiant_c t_air_c t_radiant_c",
    "the coldest air measured on Earth is -89 C; 200 C covers hot plant "
    "rooms and heated ducts"},
[HL_Q_OUTDOOR_TEMP_C] = {"outdoor temperature", "C", -80, 60, CLOSED, CLOSED,
    C_K, "design_outdoor_temp_c balance_temp_c reset_cold_outdoor_c "
    "reset_warm_outdoor_c",
    "design outdoor temperatures of inhabited places (GB 50736 Appendix A "
    "spans -41 to +40 C)"},
[HL_Q_WEATHER_TEMP_C] = {"hourly outdoor temperature", "C", -70, 70, CLOSED,
    CLOSED, C_K, "dry_bulb_c",
    "the valid range of dry-bulb temperature in the EPW data dictionary"},
[HL_Q_PROCESS_TEMP_C] = {"process or test temperature", "C", -200, 1200,
    CLOSED, CLOSED, C_K, "t_inner_c t_outer_c t_hot_c t_cold_c t_surface_c "
    "t_min_c t_max_c max_service_c continuous_service_c",
    "from cryogenic lines to refractory linings; the material tables end "
    "well inside"},
[HL_Q_SURFACE_LIMIT_C] = {"surface temperature limit", "C", -100, 600, CLOSED,
    CLOSED, C_K, "burn_limit_c",
    "touch limits (EN ISO 13732-1) lie near 50 C; cold-surface and "
    "equipment limits stay inside -100 to 600 C"},
[HL_Q_TEMP_DIFF_K] = {"temperature difference", "K", 0, 300, OPEN, CLOSED,
    SI(1), "delta_t_k approach_k",
    "a difference within the liquid range of water"},
[HL_Q_PRESSURE_BAR_G] = {"gauge pressure", "bar", -1, 1000, CLOSED, CLOSED,
    SI(1e5), "pressure_bar_g outlet_pressure_bar_g inlet_pressure_bar_g "
    "control_pressure_bar_g min_pressure_bar_g",
    "from vacuum (-1 bar g) to the 100 MPa end of IAPWS-IF97 region 1"},
[HL_Q_PRESSURE_RISE_BAR] = {"pressure rise", "bar", -1000, 1000, CLOSED,
    CLOSED, SI(1e5), "pressure_lift_bar pressure_rise_bar",
    "a rise or drop within the pressures of IAPWS-IF97 region 1"},
[HL_Q_PRESSURE_DROP_BAR] = {"pressure difference", "bar", 0, 1000, CLOSED,
    CLOSED, SI(1e5), "primary_dp_bar secondary_dp_bar min_consumer_dp_bar "
    "saturation_margin_bar static_margin_bar",
    "a difference within the pressures of IAPWS-IF97 region 1"},
[HL_Q_PN_BAR] = {"pressure class", "bar", 0, 1000, OPEN, CLOSED, SI(1e5),
    "pn_bar", "EN 1333 classes end at PN 400; IF97 region 1 at 1000 bar"},
[HL_Q_ATM_PRESSURE_KPA] = {"air pressure", "kPa", 10, 200, CLOSED, CLOSED,
    SI(1e3), "atmospheric_pressure_kpa",
    "the summit of Everest has about 33 kPa, deep mines about 120 kPa"},
[HL_Q_LENGTH_M] = {"length", "m", 0, 1e6, OPEN, CLOSED, SI(1), "length_m",
    "no pipe of a network is longer than 1000 km"},
[HL_Q_CHAINAGE_M] = {"chainage", "m", -1e7, 1e7, CLOSED, CLOSED, SI(1),
    "chainage_m", "a position along a line of up to 10,000 km"},
[HL_Q_ELEVATION_M] = {"elevation", "m", -1000, 9000, CLOSED, CLOSED, SI(1),
    "elevation_m", "the Dead Sea shore (-430 m) to Everest (8849 m)"},
[HL_Q_HEAD_M] = {"pump head", "m", 0, 5000, CLOSED, CLOSED, SI(1),
    "design_head_m head_m", "the highest multistage pumps lift below 5 km"},
[HL_Q_DEPTH_M] = {"depth or spacing", "m", 0, 100, CLOSED, CLOSED, SI(1),
    "cover_m axis_depth_m clear_spacing_m axis_spacing_m inner_length_m "
    "inner_width_m inner_height_m wall_thickness_m roof_depth_m",
    "buried pipes lie within a few metres of the surface; 100 m covers "
    "tunnels and crossings"},
[HL_Q_HEIGHT_M] = {"height", "m", 0, 1000, OPEN, CLOSED, SI(1), "height_m",
    "a vertical surface or sleeve below 1 km"},
[HL_Q_DIAMETER_MM] = {"diameter", "mm", 0, 10000, OPEN, CLOSED, SI(1e-3),
    "outer_diameter_mm inner_diameter_mm u_diameter_mm twin_casing_od_mm "
    "diameter_mm pipe_od_mm sleeve_od_mm",
    "the largest penstocks and casings stay below 10 m"},
[HL_Q_WALL_MM] = {"wall thickness", "mm", 0, 500, OPEN, CLOSED, SI(1e-3),
    "wall_mm", "pressure-vessel walls stay below 500 mm"},
[HL_Q_THICKNESS_MM] = {"layer thickness", "mm", 0, 1000, OPEN, CLOSED,
    SI(1e-3), "thickness_mm",
    "insulation build-ups and lab specimens are thinner than 1 m"},
[HL_Q_COVER_MM] = {"fitting cover thickness", "mm", 0, 500, OPEN, CLOSED,
    SI(1e-3), "",
    "no removable cover or sprayed coating of a fitting is thicker than "
    "500 mm (insulation mattresses reach about 200 mm)"},
[HL_Q_FILLET_MM] = {"cover fillet leg", "mm", 0, 500, CLOSED, CLOSED,
    SI(1e-3), "",
    "hub-to-flange fillets of EN 1092-1 flanges are a few mm to about "
    "20 mm; the finite-volume mesh grows with the fillet"},
[HL_Q_ROUGHNESS_MM] = {"roughness", "mm", 0, 100, CLOSED, CLOSED, SI(1e-3),
    "roughness_mm", "riveted steel and rough concrete reach a few mm"},
[HL_Q_DN] = {"nominal diameter DN", "", 1, 10000, CLOSED, CLOSED, SI(1),
    "dn", "ISO 6708 sizes end at DN 4000"},
[HL_Q_PN] = {"nominal pressure PN", "", 1, 1000, CLOSED, CLOSED, SI(1), "pn",
    "EN 1333 classes end at PN 400"},
[HL_Q_CONDUCTIVITY] = {"thermal conductivity", "W/(m K)", 0, 500, OPEN,
    CLOSED, SI(1), "conductivity_w_per_mk soil_conductivity_w_per_mk "
    "concrete_conductivity_w_per_mk",
    "from vacuum panels (0.004) to copper (400)"},
[HL_Q_LINEAR_LOSS_COEF] = {"linear heat-loss coefficient", "W/(m K)", 0, 1000,
    CLOSED, CLOSED, SI(1), "heat_loss_coefficient_w_per_mk",
    "a bare DN 4000 pipe in wind loses below 1000 W/(m K)"},
[HL_Q_U_VALUE] = {"heat-transfer coefficient U", "W/(m2 K)", 0, 10000,
    CLOSED, CLOSED, SI(1), "u_w_per_m2k",
    "a bare metal wall in water reaches a few thousand W/(m2 K)"},
[HL_Q_H_COEF] = {"surface coefficient", "W/(m2 K)", 0, 100000, OPEN, CLOSED,
    SI(1), "h_out_w_per_m2k",
    "forced convection of water reaches 10^4, boiling 10^5 W/(m2 K)"},
[HL_Q_SURFACE_RESISTANCE] = {"surface resistance", "m2 K/W", 0, 10, CLOSED,
    CLOSED, SI(1), "surface_resistance_m2k_per_w",
    "EN 13941 uses 0.0685 m2 K/W; 10 is beyond any surface"},
[HL_Q_EMISSIVITY] = {"emissivity", "", 0, 1, OPEN, CLOSED, SI(1),
    "emissivity", "a grey surface emits more than nothing and at most as "
    "a black body"},
[HL_Q_HEAT_MW] = {"heat", "MW", 0, 100000, CLOSED, CLOSED, SI(1e6),
    "heat_mw design_load_mw",
    "the largest district-heating systems deliver about 20 GW"},
[HL_Q_HEAT_KW] = {"heat", "kW", 0, 1e8, CLOSED, CLOSED, SI(1e3), "heat_kw",
    "as heat in MW"},
[HL_Q_POWER_W] = {"heater power", "W", 0, 1e7, OPEN, CLOSED, SI(1),
    "power_w", "lab heaters deliver watts to kilowatts"},
[HL_Q_HEAT_FLUX] = {"heat flux", "W/m2", 0, 1e6, OPEN, CLOSED, SI(1),
    "heat_flux_w_per_m2", "a bare surface at 1200 C loses below 1 MW/m2"},
[HL_Q_HEAT_PER_LENGTH] = {"heat loss per length", "W/m", 0, 1e7, OPEN,
    CLOSED, SI(1), "", "a bare DN 4000 pipe at 1200 C loses below 10 MW/m"},
[HL_Q_UA_KW_PER_K] = {"exchanger UA", "kW/K", 0, 1e7, OPEN, CLOSED, SI(1e3),
    "ua_kw_per_k", "the largest plate exchangers have UA below 10^6 kW/K"},
[HL_Q_CP] = {"heat capacity", "J/(kg K)", 100, 20000, CLOSED, CLOSED, SI(1),
    "cp_j_per_kgk wall_heat_capacity_j_per_kgk", "liquids lie between 1000 and 4500 J/(kg K)"},
[HL_Q_DENSITY] = {"density", "kg/m3", 1, 25000, CLOSED, CLOSED, SI(1),
    "density_kg_per_m3 wall_density_kg_per_m3", "from aerogels to the densest metals"},
[HL_Q_VISCOSITY] = {"dynamic viscosity", "Pa s", 1e-6, 10, CLOSED, CLOSED,
    SI(1), "viscosity_pa_s", "hot water (1e-4) to heavy brines and oils"},
[HL_Q_GRAVITY] = {"gravity", "m/s2", 9.7, 9.9, CLOSED, CLOSED, SI(1),
    "gravity_m_per_s2",
    "gravity on the Earth's surface spans 9.76 to 9.84 m/s2"},
[HL_Q_MASS_FLOW] = {"mass flow", "kg/s", -1e5, 1e5, CLOSED, CLOSED, SI(1),
    "demand_kg_per_s flow_kg_per_s design_flow_kg_per_s",
    "the largest transmission lines carry about 10^4 kg/s"},
[HL_Q_VOLUME_FLOW_M3_H] = {"volume flow", "m3/h", 0, 1e6, CLOSED, CLOSED,
    SI(1.0 / 3600.0), "design_flow_m3_per_h flow_m3_per_h",
    "as the mass flow, 10^6 m3/h = 280 m3/s"},
[HL_Q_KV] = {"valve flow coefficient Kv", "m3/h", 0, 1e7, OPEN, CLOSED,
    SI(1.0 / 3600.0), "kv_m3_per_h",
    "a fully open DN 4000 valve has Kv about 10^6 m3/h"},
[HL_Q_VELOCITY] = {"velocity", "m/s", 0, 50, OPEN, CLOSED, SI(1),
    "max_velocity_m_per_s", "water lines run below 5 m/s"},
[HL_Q_WIND] = {"wind speed", "m/s", 0, 60, CLOSED, CLOSED, SI(1),
    "wind_m_per_s wind_m_s",
    "beyond any sustained wind at ground level (Beaufort 12 starts at "
    "32.7 m/s)"},
[HL_Q_WEATHER_WIND] = {"hourly wind speed", "m/s", 0, 40, CLOSED, CLOSED,
    SI(1), "",
    "the valid range of wind speed in the EPW data dictionary"},
[HL_Q_EFFICIENCY] = {"efficiency", "", 0, 1, OPEN, CLOSED, SI(1),
    "efficiency pump_efficiency", "a machine converts at most all its power"},
[HL_Q_SPEED] = {"relative pump speed", "", 0, 3, CLOSED, CLOSED, SI(1),
    "speed", "variable-speed drives run pumps below 1.5 times their "
    "nominal speed"},
[HL_Q_LOSS_COEF] = {"loss coefficient zeta", "", 0, 1e6, CLOSED, CLOSED,
    SI(1), "minor_loss zeta",
    "a nearly closed valve reaches about 10^4"},
[HL_Q_FRACTION] = {"fraction", "", 0, 1, CLOSED, OPEN, SI(1),
    "standby_load_fraction", "a share of a whole, below all of it"},
[HL_Q_SCALE] = {"scale factor", "", 0, 10, OPEN, CLOSED, SI(1), "",
    "a what-if between nothing and ten times the design"},
[HL_Q_DEMAND_SCALE] = {"demand scale", "", 0, 1e6, CLOSED, OPEN, SI(1), "",
    "the season scales demand by its design load over the model's: from "
    "no demand to far beyond"},
[HL_Q_COUNT] = {"count", "", 1, 100000, CLOSED, CLOSED, SI(1),
    "count parallel", "identical fittings or pumps in one place"},
[HL_Q_AGE] = {"age", "cycles or h", 0, 1e6, CLOSED, CLOSED, SI(1),
    "cycles hours", "a century is below 10^6 hours"},
[HL_Q_MASS_G] = {"specimen mass", "g", 0, 1e7, OPEN, CLOSED, SI(1e-3),
    "mass_g", "lab specimens weigh below 10 t"},
[HL_Q_UNCERTAINTY] = {"standard uncertainty", "", 0, 1e6, CLOSED, CLOSED,
    SI(1), "u_power_w u_length_mm u_pipe_od_mm u_thickness_mm u_t_inner_k "
    "u_t_outer_k u_heat_flux_w_per_m2 u_t_hot_k u_t_cold_k u_sleeve_od_mm "
    "u_t_surface_k u_t_air_k u_t_radiant_k u_emissivity",
    "an uncertainty is not negative and below the largest quantity"},
[HL_Q_AREA_M2] = {"area", "m2", 0, 10000, OPEN, CLOSED, SI(1), "area_m2",
    "the surface of one fitting is far below 1 ha"},
[HL_Q_CONTACT_S] = {"contact time", "s", 0.5, 28800, CLOSED, CLOSED, SI(1),
    "", "EN ISO 13732-1 gives thresholds from 0.5 s to 8 h"},
[HL_Q_PRICE] = {"price or cost", "CNY", 0, 1e9, CLOSED, CLOSED, SI(1),
    "cost_cny_per_m3", "prices per GJ, kWh, m2 or m3 stay far below 10^9"},
[HL_Q_RATE] = {"discount rate", "", -1, 1, OPEN, CLOSED, SI(1), "",
    "a yearly rate above -100 % and at most 100 %"},
[HL_Q_YEARS] = {"service life", "years", 0, 1000, OPEN, CLOSED, SI(1), "",
    "longer than any plant"},
[HL_Q_EMISSION_FACTOR] = {"factor per GJ", "t/GJ", 0, 1, CLOSED, CLOSED,
    SI(1), "", "coal is about 0.034 tce and 0.095 t CO2 per GJ"},
[HL_Q_PERCENT] = {"percentage", "%", 0, 1000, OPEN, CLOSED, SI(0.01), "",
    "an allowed increase, above nothing"},
[HL_Q_DAY_OF_YEAR] = {"day of the year", "", 0, 366, CLOSED, CLOSED, SI(1),
    "", "a day within a (leap) year"},
[HL_Q_TEMP_OFFSET_K] = {"temperature offset", "K", -100, 100, CLOSED, CLOSED,
    SI(1), "", "an offset within the surroundings' range"},
[HL_Q_TEMP_AMPLITUDE_K] = {"temperature amplitude", "K", 0, 100, CLOSED,
    CLOSED, SI(1), "", "a yearly swing within the surroundings' range"},
[HL_Q_DIFFUSIVITY] = {"thermal diffusivity", "m2/s", 0, 1e-4, OPEN, CLOSED,
    SI(1), "", "soils lie near 5e-7 m2/s, metals below 1e-4"},
[HL_Q_LATITUDE] = {"latitude", "deg", -90, 90, CLOSED, CLOSED, SI(1), "",
    "north and south of the equator (EPW location)"},
[HL_Q_LONGITUDE] = {"longitude", "deg", -180, 180, CLOSED, CLOSED, SI(1), "",
    "east and west of Greenwich (EPW location)"},
[HL_Q_PLAN_M] = {"plan coordinate", "m", -1e8, 1e8, CLOSED, CLOSED, SI(1),
    "x_m y_m", "a plane coordinate in metres (UTM northings reach 1e7 m)"},
[HL_Q_AIR_CHANGES] = {"air changes", "1/h", 0, 1000, CLOSED, CLOSED, SI(1),
    "air_changes_per_h", "from a closed chamber (0) to a fan-ventilated "
    "plant room (tens to hundreds per hour)"},
};
/* clang-format on */

const hl_range *hl_range_get(int quantity)
{
    if (quantity < 0 || quantity >= HL_Q_N)
        return NULL;
    return &table[quantity];
}

/* key is one of the space-separated words of list (strstr first: every
 * number a reader takes looks its key up). */
static int in_list(const char *list, const char *key, size_t n)
{
    for (const char *p = strstr(list, key); p; p = strstr(p + 1, key))
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

int hl_range_find_key(const char *key)
{
    size_t n = key ? strlen(key) : 0;
    if (!n)
        return -1;
    for (int q = 0; q < HL_Q_N; q++)
        if (in_list(table[q].keys, key, n))
            return q;
    return -1;
}

static int inside(const hl_range *r, double v)
{
    int lo = r->min_open ? v > r->min : v >= r->min;
    int hi = r->max_open ? v < r->max : v <= r->max;
    return lo && hi;
}

const char *hl_range_describe(int quantity, char *buf, size_t cap)
{
    const hl_range *r = hl_range_get(quantity);
    if (!r) {
        copy_text(buf, cap, "?");
        return buf;
    }
    const char *sp = r->unit[0] ? " " : "";
    if (!r->min_open && !r->max_open)
        snprintf(buf, cap, "%.12g to %.12g%s%s", r->min, r->max, sp, r->unit);
    else if (r->min_open && !r->max_open)
        snprintf(buf, cap, "above %.12g, up to %.12g%s%s", r->min, r->max, sp,
                 r->unit);
    else if (!r->min_open)
        snprintf(buf, cap, "%.12g to below %.12g%s%s", r->min, r->max, sp,
                 r->unit);
    else
        snprintf(buf, cap, "above %.12g and below %.12g%s%s", r->min, r->max,
                 sp, r->unit);
    return buf;
}

static int out_of_range(int quantity, const char *name, double value,
                        const char *as_written, hl_error *err)
{
    char shown[64], range[96];
    if (as_written)
        hl_text_show(shown, sizeof shown, as_written, 40);
    else if (isnan(value))
        copy_text(shown, sizeof shown, "not a number");
    else
        snprintf(shown, sizeof shown, "%g", value);
    hl_range_describe(quantity, range, sizeof range);
    return hl_error_set(err, HL_ERANGE, "%s '%s': expected %s", name, shown,
                        range);
}

int hl_range_check(int quantity, const char *name, double value,
                   const char *as_written, hl_error *err)
{
    const hl_range *r = hl_range_get(quantity);
    if (!r)
        return hl_error_set(err, HL_EINVAL, "%s: unknown quantity %d", name,
                            quantity);
    if (inside(r, value))
        return HL_OK;
    return out_of_range(quantity, name, value, as_written, err);
}

int hl_range_check_si(int quantity, const char *name, double si_value,
                      const char *as_written, hl_error *err)
{
    const hl_range *r = hl_range_get(quantity);
    if (!r)
        return hl_error_set(err, HL_EINVAL, "%s: unknown quantity %d", name,
                            quantity);
    double v = (si_value - r->si_offset) / r->si_scale;
    /* the conversion may round a limit itself: compare in SI too */
    double lo = r->min * r->si_scale + r->si_offset;
    double hi = r->max * r->si_scale + r->si_offset;
    int ok = (r->min_open ? si_value > lo : si_value >= lo) &&
             (r->max_open ? si_value < hi : si_value <= hi);
    if (ok)
        return HL_OK;
    return out_of_range(quantity, name, v, as_written, err);
}

int hl_range_parse(int quantity, const char *name, const char *text,
                   double *out, hl_error *err)
{
    double v;
    if (!parse_double(text, &v)) {
        char shown[64];
        hl_text_show(shown, sizeof shown, text ? text : "", 40);
        return hl_error_set(err, HL_EPARSE, "%s '%s': expected a number", name,
                            shown);
    }
    int rc = hl_range_check(quantity, name, v, text, err);
    if (!rc)
        *out = v;
    return rc;
}

int hl_range_parse_int(int quantity, const char *name, const char *text,
                       int *out, hl_error *err)
{
    double v;
    if (!parse_double(text, &v) || v != floor(v)) {
        char shown[64];
        hl_text_show(shown, sizeof shown, text ? text : "", 40);
        return hl_error_set(err, HL_EPARSE, "%s '%s': expected a whole number",
                            name, shown);
    }
    int rc = hl_range_check(quantity, name, v, text, err);
    if (!rc)
        *out = (int)v;
    return rc;
}
