/*
 * register_internal.h - the register's pieces shared between its files:
 * the handle, the schema, statement helpers, the model it predicts with.
 */
#ifndef HL_REGISTER_INTERNAL_H
#define HL_REGISTER_INTERNAL_H

#include "heatline.h"

#include <sqlite3.h>

/* The heating season binned by outdoor temperature (options.c). */
#define REG_MAX_BINS 64
typedef struct reg_bins {
    int n;
    double hours[REG_MAX_BINS];
    double *water_k; /* [bin * n_fittings + fitting] */
} reg_bins;

/* The model of the register, loaded on first use from the text kept in
 * the register, with the fitting catalogue and the material table. */
typedef struct reg_model {
    hl_model *m;
    hl_fitting_catalog *cat;
    hl_material_db *db;
    double limit_k; /* the model's burn limit */
    /* each fitting at the model's own conditions (its design hour) */
    double *design_water_k, *air_k;
    reg_bins bins;   /* filled on first use (bins.water_k NULL before) */
    hl_operation op; /* the season engine's operation of the model */
    int op_known;
    /* water temperature at each fitting from runs at given supply
     * temperatures: one run per distinct supply temperature */
    int n_runs, cap_runs;
    double *run_supply_k;
    double **run_water_k; /* [run][fitting index] */
} reg_model;

struct hl_register {
    sqlite3 *db;
    char path[1024];
    reg_model model;
    int model_loaded;
    sqlite3_stmt *history; /* the history insert, prepared once */
};

/* ---- schema.c ---------------------------------------------------------- */
/* Create the tables of the current schema (inside a transaction). */
int reg_schema_create(hl_register *r, hl_error *err);
/* Migrate from an older version, refuse a newer one. */
int reg_schema_check(hl_register *r, hl_error *err);

/* ---- sql.c ------------------------------------------------------------- */
/* Run SQL without results; an error names what and the database's text. */
int reg_exec(hl_register *r, const char *sql, hl_error *err);
int reg_prepare(hl_register *r, const char *sql, sqlite3_stmt **st,
                hl_error *err);
int reg_begin(hl_register *r, hl_error *err); /* BEGIN IMMEDIATE */
int reg_commit(hl_register *r, hl_error *err);
void reg_rollback(hl_register *r);
/* Record an error from the database (code and message). */
int reg_db_error(hl_register *r, const char *what, hl_error *err);
/* Step a statement that returns no rows; resets it. */
int reg_step_done(hl_register *r, sqlite3_stmt *st, const char *what,
                  hl_error *err);
/* Bind text or NULL; bind a double or NULL when not finite. */
void reg_bind_text(sqlite3_stmt *st, int i, const char *s);
void reg_bind_real(sqlite3_stmt *st, int i, double v);
/* A meta value into buf ("" if absent). */
int reg_meta_get(hl_register *r, const char *key, char *buf, size_t cap,
                 hl_error *err);
/* Append a history row (inside the caller's transaction). */
int reg_history(hl_register *r, const char *who, const char *item,
                const char *chamber, const char *action, const char *detail,
                hl_error *err);
/* Today's date (UTC) "YYYY-MM-DD". */
void reg_today(char out[16]);
/* 1 if text is a valid calendar date "YYYY-MM-DD". */
int reg_date_valid(const char *text);
const char *reg_who(const char *who);
/* Select a single text value (first column of the first row) into buf;
 * HL_ENOTFOUND if there is no row. */
int reg_query_text(hl_register *r, const char *sql, const char *arg, char *buf,
                   size_t cap, hl_error *err);

/* ---- model.c ----------------------------------------------------------- */
int reg_model_load(hl_register *r, hl_error *err);
void reg_model_free(reg_model *rm);
/* Water temperature at fitting index fi from a run at supply_k (cached). */
int reg_model_water_k(hl_register *r, double supply_k, int fi, double *out,
                      hl_error *err);

/* ---- predict.c --------------------------------------------------------- */
/* A fitting's row; the strings are malloc'd (ids have no length limit):
 * reg_fitting_clear one, reg_fittings_free a list. */
typedef struct reg_fitting {
    char *id, *chamber, *cover;
    char state[12];
    int model_index;
} reg_fitting;
void reg_fitting_clear(reg_fitting *f);
void reg_fittings_free(reg_fitting *list, int n);
/* A fitting's row by id; HL_ENOTFOUND if absent. */
int reg_fitting_get(hl_register *r, const char *id, reg_fitting *out,
                    hl_error *err);
/* Every fitting of the register, sorted by id (for lookups with
 * reg_fitting_find); malloc'd. */
int reg_fittings_all(hl_register *r, reg_fitting **list, int *n, hl_error *err);
const reg_fitting *reg_fitting_find(const reg_fitting *list, int n,
                                    const char *id);
/* Fitting fi of the model (catalogue type) under cover text at medium and
 * air temperatures. */
int reg_predict(hl_register *r, int fi, const char *cover, double medium_k,
                double air_k, hl_fitting_result *out, hl_error *err);
/* Ids of the fittings an item names (a fitting or a chamber), the states
 * accepted (a mask of 1 << state); HL_ENOTFOUND for an unknown item,
 * HL_ESTATE when no fitting of it is in an accepted state. The list is
 * malloc'd. */
int reg_item_fittings(hl_register *r, const char *item, int state_mask,
                      reg_fitting **list, int *n, hl_error *err);
/* Move a fitting from f->state to state (state_since = date, NULL =
 * today), with a history row; HL_ESTATE if it is no longer in f->state. */
int reg_set_state(hl_register *r, const reg_fitting *f, int state,
                  const char *date, const char *who, const char *why,
                  hl_error *err);
int reg_state_from_name(const char *name);

/* ---- options.c ----------------------------------------------------------- */
/* The numbers of one option (cover spec) for fitting list f[0..n). */
int reg_option_eval(hl_register *r, const reg_fitting *f, int n,
                    const char *spec, hl_register_option *out, hl_error *err);

/* ---- inspections.c ------------------------------------------------------- */
int reg_import(hl_register *r, const char *csv_path,
               const hl_register_options *opt, int verification,
               hl_register_import_result *res, hl_error *err);

/* ---- table.c ------------------------------------------------------------- */
/* Run a query into a text table (arg: one text parameter or NULL). */
int reg_table_query(hl_register *r, const char *sql, const char *arg,
                    hl_register_table *out, hl_error *err);

#endif
