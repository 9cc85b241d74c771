/*
 * heatline_materials.h - the material table: lambda(T), valid range,
 * service limit, emissivity, density, cost and source of each material.
 * Included by heatline.h; do not include on its own.
 *
 * Call order: hl_material_db_new (holds the embedded data/materials.csv),
 * optionally hl_material_db_load_csv for a user's file (its rows replace
 * rows with the same id), then lookups, then hl_material_db_free.
 */
#ifndef HEATLINE_MATERIALS_H
#define HEATLINE_MATERIALS_H

typedef struct hl_material {
    char id[48];       /* lookup key, e.g. "rock-wool" */
    char name[96];     /* readable name */
    char category[24]; /* insulation, coating, casing, jacket, surface */
    hl_conductivity lambda;
    double t_min_k, t_max_k;     /* range in which lambda(T) is valid */
    double max_service_k;        /* highest service temperature; NaN = none */
    double continuous_service_k; /* rated for continuous operation up to
                                    this temperature (EN 253: PUR 120 C);
                                    NaN = no rating stated */
    double emissivity;           /* of its exposed face; NaN = not given */
    double density_kg_m3;        /* NaN = not given */
    double cost_cny_m3;          /* installed cost per m3; NaN = not given */
    char source[256];
} hl_material;

typedef struct hl_material_db hl_material_db;

/* A new table holding the embedded materials. */
HL_API int hl_material_db_new(hl_material_db **out, hl_error *err);
/* destroy(NULL) is a no-op. */
HL_API void hl_material_db_free(hl_material_db *db);

/* Add or replace materials from a CSV file in the data/materials.csv
 * format. Errors name file, line and column. */
HL_API int hl_material_db_load_csv(hl_material_db *db, const char *path,
                                   hl_error *err);
/* Same from text in memory; origin names it in messages. */
HL_API int hl_material_db_load_text(hl_material_db *db, const char *text,
                                    size_t len, const char *origin,
                                    hl_error *err);

HL_API int hl_material_db_count(const hl_material_db *db);
HL_API const hl_material *hl_material_db_at(const hl_material_db *db, int i);

/* Exact lookup by id (case-insensitive); NULL if absent. */
HL_API const hl_material *hl_material_find(const hl_material_db *db,
                                           const char *id);

/* Up to n closest ids by edit distance, comma-separated, into buf. */
HL_API void hl_material_suggest(const hl_material_db *db, const char *id, int n,
                                char *buf, size_t buflen);

/* Parse a lambda(T) model as written in the CSV: model "const", "poly" or
 * "table" and its parameter text (see docs/materials.md). */
HL_API int hl_lambda_parse(const char *model, const char *params,
                           hl_conductivity *out, hl_error *err);

/* Write lambda(T) back in the CSV notation; returns the model name. */
HL_API const char *hl_lambda_format(const hl_conductivity *lam, char *buf,
                                    size_t buflen);

/* A layer of the material, thickness in m. */
HL_API void hl_layer_from_material(const hl_material *m, double thickness_m,
                                   hl_layer *out);

/* The header line of the CSV format, without newline. */
HL_API const char *hl_material_csv_header(void);

/* One material as a CSV row (no newline), fields quoted where needed. */
HL_API int hl_material_format_csv(const hl_material *m, char *buf,
                                  size_t buflen);

#endif
