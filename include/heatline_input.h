/*
 * heatline_input.h - checks of what comes in from files, options and API
 * setters: the one table of physical ranges (every quantity any reader,
 * option or setter takes, with its limits and the reason for them), text
 * checks (UTF-8, control characters, length) and the rendering of user
 * text in one-line messages. Included by heatline.h; do not include on its
 * own. The table is listed in docs/model-format.md, "Physical ranges".
 */
#ifndef HEATLINE_INPUT_H
#define HEATLINE_INPUT_H

/* The quantities of the table (src/util/ranges.c). */
enum hl_quantity {
    HL_Q_WATER_TEMP_C,    /* water in a network, C */
    HL_Q_SETPOINT_TEMP_C, /* supply/return set points of the operation */
    HL_Q_SURROUND_TEMP_C, /* ground, air, duct, chamber, surroundings */
    HL_Q_OUTDOOR_TEMP_C,  /* design and reset-curve outdoor temperatures */
    HL_Q_WEATHER_TEMP_C,  /* hourly dry-bulb temperature of weather files */
    HL_Q_PROCESS_TEMP_C,  /* surface, fitting and lab temperatures */
    HL_Q_SURFACE_LIMIT_C, /* burn and surface-temperature limits */
    HL_Q_TEMP_DIFF_K,     /* temperature differences (> 0) */
    HL_Q_PRESSURE_BAR_G,  /* gauge pressures */
    HL_Q_PRESSURE_RISE_BAR,
    HL_Q_PRESSURE_DROP_BAR,
    HL_Q_PN_BAR,
    HL_Q_ATM_PRESSURE_KPA,
    HL_Q_LENGTH_M,
    HL_Q_CHAINAGE_M,
    HL_Q_ELEVATION_M,
    HL_Q_HEAD_M,
    HL_Q_DEPTH_M, /* cover, depth and spacing of buried pipes */
    HL_Q_HEIGHT_M,
    HL_Q_DIAMETER_MM,
    HL_Q_WALL_MM,
    HL_Q_THICKNESS_MM,
    HL_Q_COVER_MM, /* coating or jacket of a fitting */
    HL_Q_FILLET_MM,
    HL_Q_ROUGHNESS_MM,
    HL_Q_DN,
    HL_Q_PN,
    HL_Q_CONDUCTIVITY,
    HL_Q_LINEAR_LOSS_COEF,
    HL_Q_U_VALUE,
    HL_Q_H_COEF,
    HL_Q_SURFACE_RESISTANCE,
    HL_Q_EMISSIVITY,
    HL_Q_HEAT_MW,
    HL_Q_HEAT_KW,
    HL_Q_POWER_W,
    HL_Q_HEAT_FLUX,
    HL_Q_HEAT_PER_LENGTH,
    HL_Q_UA_KW_PER_K,
    HL_Q_CP,
    HL_Q_DENSITY,
    HL_Q_VISCOSITY,
    HL_Q_GRAVITY,
    HL_Q_MASS_FLOW,
    HL_Q_VOLUME_FLOW_M3_H,
    HL_Q_KV,
    HL_Q_VELOCITY,
    HL_Q_WIND,
    HL_Q_WEATHER_WIND, /* hourly wind of weather files */
    HL_Q_EFFICIENCY,
    HL_Q_SPEED,
    HL_Q_LOSS_COEF,
    HL_Q_FRACTION,
    HL_Q_SCALE,
    HL_Q_DEMAND_SCALE, /* the engine's demand factor (API, season) */
    HL_Q_COUNT,
    HL_Q_AGE,
    HL_Q_MASS_G,
    HL_Q_UNCERTAINTY,
    HL_Q_AREA_M2,
    HL_Q_CONTACT_S,
    HL_Q_PRICE,
    HL_Q_RATE,
    HL_Q_YEARS,
    HL_Q_EMISSION_FACTOR,
    HL_Q_PERCENT,
    HL_Q_DAY_OF_YEAR,
    HL_Q_TEMP_OFFSET_K,
    HL_Q_TEMP_AMPLITUDE_K,
    HL_Q_DIFFUSIVITY,
    HL_Q_LATITUDE,
    HL_Q_LONGITUDE,
    HL_Q_PLAN_M,      /* plan coordinates of a model's nodes */
    HL_Q_AIR_CHANGES, /* ventilation of a valve chamber, 1/h */
    HL_Q_N            /* number of quantities */
};

typedef struct hl_range {
    const char *quantity; /* what it is, e.g. "water temperature" */
    const char *unit;     /* unit of min and max, e.g. "C", "mm" */
    double min, max;      /* limits in that unit */
    int min_open;         /* 1: min itself is outside the range */
    int max_open;         /* 1: max itself is outside the range */
    double si_scale;      /* SI value = value * si_scale + si_offset */
    double si_offset;
    const char *keys;   /* file keys and columns of this quantity,
                           space-separated; "" when only options use it */
    const char *reason; /* why these limits */
} hl_range;

/* The row of a quantity (NULL for a bad index). */
HL_API const hl_range *hl_range_get(int quantity);
/* The quantity whose keys list this file key or column name, or -1. */
HL_API int hl_range_find_key(const char *key);
/* value (in the row's unit) against the row: HL_OK, or HL_ERANGE with the
 * message "NAME 'AS_WRITTEN': expected MIN to MAX UNIT". as_written is the
 * value as the user wrote it (NULL: the value printed with %g). */
HL_API int hl_range_check(int quantity, const char *name, double value,
                   const char *as_written, hl_error *err);
/* The same for a value in SI units (K, Pa, m, W, kg/s ...). */
HL_API int hl_range_check_si(int quantity, const char *name, double si_value,
                      const char *as_written, hl_error *err);
/* Parse text as a number in the row's unit and check it: HL_EPARSE
 * ("NAME 'TEXT': expected a number") or HL_ERANGE. */
HL_API int hl_range_parse(int quantity, const char *name, const char *text,
                   double *out, hl_error *err);
/* Whole numbers: the same with an integer that must also be whole. */
HL_API int hl_range_parse_int(int quantity, const char *name, const char *text,
                       int *out, hl_error *err);
/* "MIN to MAX UNIT" (or "above MIN, up to MAX UNIT" ...) of a row. */
HL_API const char *hl_range_describe(int quantity, char *buf, size_t cap);

/* Largest input file any reader takes (models, tables, weather, runs),
 * checked while reading: a FIFO or /dev/zero has no size to ask. */
#define HL_INPUT_MAX_BYTES ((size_t)256 << 20)

/* Longest id or name read from any input, in bytes. */
#define HL_TEXT_MAX 63

/* NULL when text is valid UTF-8 without control characters (a tab or a
 * newline allowed when allow_newline) and at most max_len bytes (0: no
 * limit); else what is wrong ("is not valid UTF-8", ...). */
HL_API const char *hl_text_problem(const char *text, size_t max_len,
                            int allow_newline);
/* text for a one-line message: control characters and bytes that are not
 * UTF-8 escaped (\n, \xff), cut after max_chars characters with "...";
 * always NUL-terminated. Returns dst. */
HL_API char *hl_text_show(char *dst, size_t cap, const char *text, size_t max_chars);

#endif
