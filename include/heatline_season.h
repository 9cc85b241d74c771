/*
 * heatline_season.h - a heating season hour by hour: weather (EnergyPlus
 * EPW, an hourly CSV, or the embedded synthetic Hohhot year), ground
 * temperature at pipe depth (Kusuda-Achenbach), operation (heat demand and
 * supply-temperature reset from the outdoor temperature; quality or
 * quantity regulation), energy accounting per hour, month and season for
 * the fitting scenarios (as-is, all coated, all jacketed), economics of the
 * retrofit, and the self-contained HTML report.
 * Included by heatline.h; do not include on its own.
 *
 * Call order: load weather (hl_weather_load or hl_weather_default), fill
 * hl_season_options (hl_season_options_init sets the Hohhot defaults),
 * hl_season_run, read the result, hl_season_free. The report writers take
 * a finished result and write one HTML file atomically (temp file, rename).
 */
#ifndef HEATLINE_SEASON_H
#define HEATLINE_SEASON_H

struct hl_model;        /* heatline_network.h */
struct hl_load_options; /* heatline_network.h */

/* ---- weather ------------------------------------------------------------ */

#define HL_WEATHER_MAX_DEPTHS 4

typedef struct hl_weather {
    int n;                   /* hours */
    int *year, *month, *day; /* calendar date of each hour */
    int *hour;               /* 0..23: the hour that starts then */
    double *dry_bulb_k;      /* outdoor dry-bulb temperature */
    double *wind_m_s;        /* wind speed at 10 m */
    int typical_year;        /* 1: one cyclic year (EPW, synthetic); a
                                date range may wrap past 31 Dec */
    int synthetic;           /* 1: built from monthly normals */
    char source[256];        /* file name or a description */
    char location[128];
    double latitude_deg, longitude_deg, elevation_m; /* NaN if unknown */
    int n_ground; /* EPW GROUND TEMPERATURES depths */
    double ground_depth_m[HL_WEATHER_MAX_DEPTHS];
    double ground_monthly_k[HL_WEATHER_MAX_DEPTHS][12];
} hl_weather;

/* A weather file: EPW if it starts with "LOCATION,", otherwise the hourly
 * CSV (columns time, temp_c or temp_k, wind_m_per_s; see docs/cli.md).
 * Errors name file:line and the field. */
HL_API int hl_weather_load(const char *path, hl_weather *w, hl_error *err);
HL_API int hl_weather_parse_epw(const char *text, size_t len,
                                const char *origin, hl_weather *w,
                                hl_error *err);
HL_API int hl_weather_parse_csv(const char *text, size_t len,
                                const char *origin, hl_weather *w,
                                hl_error *err);
/* The embedded SYNTHETIC Hohhot typical year (data/weather/), built from
 * monthly normals with a smooth mean-preserving interpolation and a cosine
 * diurnal cycle (docs/physics.md). */
HL_API int hl_weather_default(hl_weather *w, hl_error *err);
/* Frees the arrays; safe on a zeroed or already freed record. */
HL_API void hl_weather_free(hl_weather *w);

/* Hours from date `from` 00:00 to the end of date `to` (both "MM-DD" or
 * "YYYY-MM-DD"; NULL = the heating season 10-15 .. 04-15). Index k of the
 * run is hour (*first + k) % w->n. HL_ERANGE if a date is not in the file
 * or the range would wrap in a file that is not a typical year. */
HL_API int hl_weather_select(const hl_weather *w, const char *from,
                             const char *to, int *first, int *count,
                             hl_error *err);

/* ---- ground temperature (Kusuda and Achenbach 1965) -----------------------
 */

typedef struct hl_kusuda {
    double mean_k;           /* annual mean at ref_depth_m (= at any depth) */
    double amplitude_k;      /* annual amplitude at ref_depth_m */
    double min_day;          /* day of year (1 Jan = 1) of the minimum there */
    double ref_depth_m;      /* depth the three values above refer to;
                                0 = the ground surface (classical form) */
    double diffusivity_m2_s; /* soil lambda / (rho c) */
    double depth_m;          /* depth wanted (pipe axis) */
} hl_kusuda;

/* Hohhot defaults (research notes 5.3): 8.5 C mean, 9 K amplitude and
 * minimum on 1 March at the pipe axis 2.33 m; lambda 1.5 W/(m K), rho c
 * 2.0 MJ/(m3 K). */
HL_API void hl_kusuda_hohhot(hl_kusuda *k);
/* Undisturbed ground temperature at k->depth_m on (fractional) day of
 * year `day` (1.0 = 1 Jan 00:00). */
HL_API double hl_kusuda_temp_k(const hl_kusuda *k, double day);

/* ---- operation ------------------------------------------------------------
 */

enum hl_regulation {
    HL_REG_QUALITY = 0, /* constant flow, supply temperature from the reset */
    HL_REG_QUANTITY = 1 /* design supply temperature, flow follows load */
};

typedef struct hl_operation {
    double design_load_w;    /* heat demand at the design outdoor temp */
    double design_outdoor_k; /* e.g. -17 C (GB 50736-2012, Hohhot) */
    double balance_k;        /* no demand at or above this outdoor temp */
    double design_supply_k;  /* plant supply temperature at design */
    double design_return_k;  /* return temperature at design */
    double reset_cold_outdoor_k, reset_cold_supply_k; /* reset curve: at and */
    double reset_warm_outdoor_k, reset_warm_supply_k; /* below / at warm end */
    double reset_floor_k; /* lowest supply temperature */
    int regulation;       /* enum hl_regulation */
    /* Demand never falls below this fraction of the design load (the
     * standby draw of the substations while the line runs; at zero the
     * consumers would stop and leave the urban network stagnant). */
    double standby_load_fraction;
} hl_operation;

/* Hohhot line defaults (research notes 5.1). */
HL_API void hl_operation_hohhot(hl_operation *op);
HL_API int hl_operation_check(const hl_operation *op, hl_error *err);
/* Where the operation of a run came from (hl_operation_merge). */
enum hl_operation_origin {
    HL_OP_MODEL_FILE = 0,   /* the model's operation: section (the Hohhot
                               defaults under the fields it gives) */
    HL_OP_MODEL_SUPPLY = 1, /* no operation: section: the supply held at
                               the model's own source temperature */
    HL_OP_NO_SOURCE = 2     /* no section and no source temperature (an
                               EPANET import): the Hohhot defaults, whose
                               supply temperature no source takes */
};
/* What a model runs at as loaded and solved: the heat it delivers, its
 * hottest source's supply temperature and the return arriving there (K;
 * NaN: no source). */
typedef struct hl_operation_own {
    double load_w, supply_k, return_k;
} hl_operation_own;
/* The model's own load and temperatures from a solved model. */
HL_API int hl_operation_own_of(const struct hl_model *m, hl_operation_own *own);
/* The operation a run uses: the Hohhot defaults (hl_operation_hohhot)
 * with the design load of the model at its own demand (own->load_w), and
 * every field the model file gives (not NaN; regulation >= 0) over them;
 * the design supply is the reset curve's cold end unless given. A model
 * whose file has no operation: section (every field NaN) does not take
 * the embedded line's 130 C reset curve: its supply stays at its own
 * source temperature all season (the reset curve flat at own->supply_k)
 * and its design return is own->return_k (docs/physics.md "Operation").
 * Returns the enum hl_operation_origin. */
HL_API int hl_operation_merge(hl_operation *op, const hl_operation *given,
                              const hl_operation_own *own);
HL_API const char *hl_operation_origin_name(int origin);
/* Heat demand: design load at design outdoor temp, linear down to the
 * standby load (standby_load_fraction x design load) toward the balance
 * temperature, never below it; above design load below design. */
HL_API double hl_demand_w(const hl_operation *op, double outdoor_k);
/* Plant supply temperature: reset curve (quality) or design (quantity). */
HL_API double hl_supply_temp_k(const hl_operation *op, double outdoor_k);

/* ---- economics ------------------------------------------------------------
 */

typedef struct hl_economics {
    double heat_price_cny_per_gj;   /* value of heat saved at the plant */
    double elec_price_cny_per_kwh;  /* pump electricity */
    double coating_cost_cny_per_m2; /* installed, per m2 of fitting surface */
    double jacket_cost_cny_per_m2;
    double service_life_years;
    double discount_rate; /* per year, 0.06 = 6 % */
    double tce_per_gj;    /* standard coal per GJ of heat */
    double co2_t_per_gj;  /* CO2 per GJ of heat */
} hl_economics;

/* Documented defaults (docs/physics.md): 25 CNY/GJ, 0.6 CNY/kWh, 300 and
 * 800 CNY/m2, 10 years, 6 %, 0.03412 tce/GJ (GB/T 2589), 0.11 t CO2/GJ. */
HL_API void hl_economics_defaults(hl_economics *e);
/* HL_EINVAL naming the field for a negative price or cost, a life <= 0, a
 * discount rate outside (-1, 1]. */
HL_API int hl_economics_check(const hl_economics *e, hl_error *err);

typedef struct hl_payback {
    double heat_saved_gj;  /* per season */
    double elec_saved_kwh; /* per season (may be negative) */
    double annual_saving_cny;
    double investment_cny;
    double simple_payback_years; /* +inf if the saving is <= 0 */
    double npv_cny;              /* over the service life */
    double coal_saved_tce, co2_saved_t;
} hl_payback;

/* Savings of a retrofit that saves heat_saved_j and elec_saved_j per season
 * and costs cost_per_m2 on area_m2. */
HL_API void hl_economics_evaluate(const hl_economics *e, double heat_saved_j,
                                  double elec_saved_j, double cost_per_m2,
                                  double area_m2, hl_payback *out);

/* ---- the season ------------------------------------------------------------
 */

/* enum hl_fitting_state (HL_FIT_BARE, HL_FIT_COATED, HL_FIT_JACKETED,
 * HL_FIT_NSTATES) is defined in heatline_fittings.h. */
enum hl_scenario {
    HL_SCEN_AS_IS = 0,    /* fittings as the model has them */
    HL_SCEN_COATED = 1,   /* every fitting coated */
    HL_SCEN_JACKETED = 2, /* every fitting in a removable jacket */
    HL_SCEN_COUNT = 3
};
/* "as-is", "coated", "jacketed"; -1 if unknown. */
HL_API int hl_scenario_from_name(const char *name);
HL_API const char *hl_scenario_name(int scenario);
HL_API const char *hl_fitting_state_name(int state);

enum hl_chamber_mode {
    HL_CHAMBER_MODEL = 0,  /* the model's chamber air temperature */
    HL_CHAMBER_GROUND = 1, /* follows the ground at pipe depth + offset */
    HL_CHAMBER_FIXED = 2   /* chamber_air_k */
};

enum hl_ground_source {
    HL_GROUND_KUSUDA = 0, /* hl_kusuda at the pipe axis */
    HL_GROUND_EPW = 1     /* the EPW header's monthly ground temperatures,
                             interpolated to the depth of the Kusuda
                             record (depth_m) */
};

typedef struct hl_season_progress {
    void (*fn)(void *user, int done, int total);
    void *user;
} hl_season_progress;

typedef struct hl_season_options {
    const char *from, *to; /* see hl_weather_select; NULL = the season */
    int n_scenarios;       /* 0 = all three */
    int scenario[HL_SCEN_COUNT];
    hl_kusuda ground;
    int ground_source; /* enum hl_ground_source */
    /* Operation: a field that is NaN (regulation -1) comes from the
     * model's `operation:` section, else from hl_operation_hohhot (a
     * model without the section: its own supply temperature,
     * hl_operation_merge); the design load defaults to the heat the
     * model's consumers ask as loaded. */
    hl_operation operation;
    int chamber_mode;        /* enum hl_chamber_mode */
    double chamber_air_k;    /* HL_CHAMBER_FIXED */
    double chamber_offset_k; /* HL_CHAMBER_GROUND */
    /* Covers of the "coated" and "jacketed" scenarios; a cover whose state
     * is not HL_FIT_COATED / HL_FIT_JACKETED (the default) means the
     * model's own (settings fitting_coating / fitting_jacket). */
    hl_fitting_cover coating, jacket;
    double burn_limit_k; /* surface temperature counted as a burn risk;
                            NaN = the model's (settings burn_limit_c) */
    hl_economics economics;
    hl_season_progress progress; /* called from the calling thread only */
    /* scenarios solved at once, each in a thread with its own clone of
     * the model: 0 = all of them on a machine with more than one core, 1 =
     * one after another; the results are the same either way */
    int threads;
    /* 1: every hour through the transport engine (heatline_dynamic.h)
     * instead of one steady solve: the water takes its transit time to
     * the consumers and the walls (and soil) store heat; the hour's
     * conditions held over its transport steps. dynamic_step_s: the
     * transport step (0: 300 s; a divisor of the hour); dynamic_soil: a
     * soil node per buried pipe. */
    int dynamic;
    double dynamic_step_s;
    int dynamic_soil;
    /* Supply lead of a dynamic season (docs/physics.md "Supply lead"):
     * dynamic_lead_auto 1: the plant's set point of each hour follows the
     * reset curve at the outdoor temperature forecast for the hour plus
     * the flow-weighted transit time to the consumers at the hour's start
     * (the weather serves as the forecast); else dynamic_lead_s > 0: that
     * fixed lead, s; 0: none. With a lead the as-is scenario also runs
     * without it, for the error statistics (hl_season_lead_stats). */
    int dynamic_lead_auto;
    double dynamic_lead_s;
} hl_season_options;

/* Defaults: the heating season, all scenarios, Hohhot ground, chamber air
 * and operation, covers and burn limit from the model,
 * hl_economics_defaults. */
HL_API void hl_season_options_init(hl_season_options *o);

/* Energies in J over a period. */
typedef struct hl_energy {
    double hours;
    double heat_source_j, heat_delivered_j, loss_pipes_j;
    double loss_fittings_j[HL_FIT_NSTATES];
    double pump_electric_j;
    double pump_heat_j;     /* pump and friction heat in the water
                               (hl_totals.pump_heat_w): source + pump heat =
                               delivered + losses + stored change */
    double stored_change_j; /* heat stored in the water, walls and soil
                               over the period (a dynamic season; 0 in a
                               steady one) */
    double heat_unmet_j; /* heat the consumers asked and did not get
                            (hl_totals.heat_unmet_w): with pressure-driven
                            consumers, what the pressures cannot bring */
} hl_energy;

/* Per-hour power columns of a scenario. */
enum hl_hour_col {
    HL_HOUR_SOURCE_W = 0,
    HL_HOUR_DELIVERED_W,
    HL_HOUR_LOSS_PIPES_W,
    HL_HOUR_LOSS_FITTINGS_W,
    HL_HOUR_PUMP_W,
    HL_HOUR_SUPPLY_CITY_K,  /* supply temperature arriving at the consumers */
    HL_HOUR_PUMP_HEAT_W,    /* pump and friction heat in the water */
    HL_HOUR_STORED_J,       /* heat stored at the hour's end (dynamic; NaN in a
                               steady season), J relative to 0 C */
    HL_HOUR_TRANSIT_S,      /* flow-weighted transit time from the sources to
                               the consumers over the hour (dynamic; NaN) */
    HL_HOUR_SUPPLY_ERROR_K, /* the consumers' supply (flow-weighted over the
                               hour) against the reset curve's supply now
                               less the hour's steady drop from the plant
                               (dynamic; NaN) */
    HL_HOUR_NCOLS
};

typedef struct hl_season_fitting {
    const char *id;   /* the model's id (lives as long as the season) */
    const char *type; /* catalogue type, or "" for an area-only fitting */
    double area_m2;
    double chainage_m;
    int state_as_is; /* enum hl_fitting_state */
} hl_season_fitting;

typedef struct hl_season_scenario {
    int scenario;
    hl_energy total;
    hl_energy month[12];            /* by calendar month, 0 = January */
    double *hourly;                 /* [n_hours * HL_HOUR_NCOLS] */
    int *burn_hours;                /* per fitting */
    double *max_surface_k;          /* per fitting over the run */
    double *design_surface_k;       /* per fitting at the coldest hour */
    double *design_chamber_k;       /* per chamber: air at the coldest
                                       hour (hl_season_chamber_id) */
    int burn_fitting_hours;         /* sum of burn_hours */
    double fitting_area_changed_m2; /* area retrofitted vs as-is */
    hl_payback payback;             /* vs as-is; zero for as-is itself */
} hl_season_scenario;

typedef struct hl_season hl_season;

/* Runs the season on a loaded model (hl_model_load, or built and changed
 * through the API) with the weather w: one steady solve of the network
 * engine per hour and scenario, each warm-started from the previous hour.
 * The model is only read: each scenario runs on its own clone of it (the
 * first solved at the model's own conditions if it has no solution yet),
 * in a thread of its own where opt->threads allows; model, w and opt must
 * not change meanwhile. The season keeps what it needs of the model (ids,
 * names): the model may be freed before the season. */
HL_API int hl_season_run(hl_season **out, const struct hl_model *model,
                         const hl_weather *w, const hl_season_options *opt,
                         hl_error *err);
/* The model at its own boundary conditions, as it is and with every
 * fitting coated: one steady hour of each, on clones (the model is only
 * read). What the run report shows (hl_report_write_run). */
HL_API int hl_season_snapshot(hl_season **out, const struct hl_model *model,
                              hl_error *err);
HL_API void hl_season_free(hl_season *s);

HL_API int hl_season_hours(const hl_season *s);
/* Weather index of run hour k (into the hl_weather passed to run). */
HL_API int hl_season_weather_index(const hl_season *s, int k);
/* Per-hour boundary conditions used. */
HL_API double hl_season_outdoor_k(const hl_season *s, int k);
HL_API double hl_season_ground_k(const hl_season *s, int k);
HL_API double hl_season_demand_w(const hl_season *s, int k);
HL_API double hl_season_supply_k(const hl_season *s, int k);
HL_API int hl_season_scenario_count(const hl_season *s);
HL_API const hl_season_scenario *hl_season_scenario_at(const hl_season *s,
                                                       int i);
/* NULL if that scenario was not run. */
HL_API const hl_season_scenario *hl_season_find(const hl_season *s,
                                                int scenario);
HL_API int hl_season_fitting_count(const hl_season *s);
HL_API const hl_season_fitting *hl_season_fitting_at(const hl_season *s, int i);
HL_API const char *hl_season_model_name(const hl_season *s);
/* The model's valve chambers (their air per scenario at the design hour:
 * hl_season_scenario.design_chamber_k). */
HL_API int hl_season_chamber_count(const hl_season *s);
HL_API const char *hl_season_chamber_id(const hl_season *s, int i);
HL_API double hl_season_chamber_chainage_m(const hl_season *s, int i);
/* The operation the season ran (the model's, the options over it) and
 * where it came from (enum hl_operation_origin). */
HL_API const hl_operation *hl_season_operation(const hl_season *s);
HL_API int hl_season_operation_origin(const hl_season *s);
HL_API const hl_weather *hl_season_weather(const hl_season *s);
HL_API const hl_season_options *hl_season_options_used(const hl_season *s);
/* The season's warnings (every one kept), one line each. */
/* The consumers' supply temperature against the reset curve over a
 * dynamic season (as-is scenario): every transport step and consumer, the
 * arriving supply less the reset curve's supply at the hour's outdoor
 * temperature less the hour's steady drop from the plant to the consumer
 * (losses, the exchanger's approach). */
typedef struct hl_season_lead {
    double mean_error_k;       /* flow-weighted mean, K */
    double max_abs_error_k;    /* largest |error|, K */
    double under_degree_hours; /* sum over consumers of the shortfall
                                  below the curve times time, K h */
    double mean_lead_h;        /* lead in use, flow-weighted, h */
    double *hourly_error_k;    /* per hour, flow-weighted (n_hours) */
} hl_season_lead;

/* with_lead 1: the run as it ran (with its lead, if any); 0: the as-is
 * run without lead, which a season with a lead also makes. HL_ESTATE when
 * there is no such run (a steady season; 0 without a lead). */
HL_API int hl_season_lead_stats(const hl_season *s, int with_lead,
                                const hl_season_lead **out);

HL_API int hl_season_warning_count(const hl_season *s);
HL_API const char *hl_season_warning(const hl_season *s, int i);

/* hourly.csv, monthly.csv and fittings.csv in dir (created if missing);
 * nothing is left behind on error. */
HL_API int hl_season_write_csv(const hl_season *s, const char *dir,
                               hl_error *err);

/* ---- report ------------------------------------------------------------- */

/* The self-contained HTML report of a season (plots inlined, nothing
 * loaded from the network). Written to a temp file beside path, then
 * renamed: no partial file on error. The plotting library is read from
 * $HEATLINE_ECHARTS, the install's share/heatline/report/, or the source
 * tree's report/node_modules/echarts/dist/echarts.min.js. */
HL_API int hl_report_write_season(const char *path, const hl_season *s,
                                  hl_error *err);
/* The report of one steady run from its snapshot (hl_season_snapshot):
 * pressure diagram, temperatures, losses, fitting surfaces as they are
 * and all coated. Formats what the engines computed; runs no engine. */
HL_API int hl_report_write_run(const char *path, const hl_season *snapshot,
                               hl_error *err);

#endif
