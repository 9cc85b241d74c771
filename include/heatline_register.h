/*
 * heatline_register.h - the retrofit loop of a line's fittings kept in a
 * register file (SQLite): assets taken from a model, inspections with the
 * model's prediction beside each measurement, findings, options with their
 * season savings and payback, decisions, work records and verifications,
 * and an append-only history of every change. docs/register.md gives the
 * schema, the CSV format and the rules of the loop.
 * Included by heatline.h; do not include on its own.
 *
 * Call order:
 *   hl_register_init (a new file from a model) or hl_register_open
 *   any of the calls below, each one transaction: on error nothing of it
 *   is written
 *   hl_register_close                     close(NULL) is a no-op
 *
 * Every fitting of the model is an item of the loop, in one state:
 *   clear -> open (a finding) -> decided -> done (work) -> verified
 *                                                       \-> failed
 * A failed item is open again: it can be decided anew.
 *
 * Temperatures are K, losses W, energies J, lengths m (SI), dates
 * "YYYY-MM-DD" text. One handle per thread; several processes may use one
 * file at once (WAL, a busy timeout: readers never see half a batch).
 */
#ifndef HEATLINE_REGISTER_H
#define HEATLINE_REGISTER_H

/* The schema this library writes; a file with a newer one is refused. */
#define HL_REGISTER_SCHEMA_VERSION 1

enum hl_item_state {
    HL_ITEM_CLEAR = 0, /* no finding */
    HL_ITEM_OPEN,      /* a finding waits for a decision */
    HL_ITEM_DECIDED,   /* an option chosen */
    HL_ITEM_DONE,      /* the work recorded, not yet re-inspected */
    HL_ITEM_VERIFIED,  /* re-inspected and passed: the loop is closed */
    HL_ITEM_FAILED,    /* re-inspected and failed: open again */
    HL_ITEM_NSTATES
};
/* "clear", "open", ...; NULL if out of range. */
HL_API const char *hl_item_state_name(int state);

typedef struct hl_register hl_register;

/* A new register file at path (which must not exist) holding the assets
 * (chambers and fittings) of the model file model_path (NULL: the embedded
 * default line). The model text is kept in the register, so later
 * predictions use the same model. who is recorded in the history. */
HL_API int hl_register_init(hl_register **out, const char *path,
                            const char *model_path, const char *who,
                            hl_error *err);
/* An existing register; an older schema is migrated in one transaction, a
 * newer one refused (HL_ERANGE). */
HL_API int hl_register_open(hl_register **out, const char *path, hl_error *err);
HL_API void hl_register_close(hl_register *r);

/* ---- inspections ------------------------------------------------------- */

typedef struct hl_register_options {
    const char *who;       /* recorded in the history; NULL = "unknown" */
    const char *today;     /* "YYYY-MM-DD": later dates are refused;
                              NULL = today's date (UTC) */
    double flag_k;         /* |measured - predicted| hottest surface above
                              this makes a finding; default 10 K */
    double limit_k;        /* burn limit; NaN = the model's (50 C) */
    double loss_tolerance; /* verification: measured loss within this
                              fraction of the predicted; default 0.25 */
} hl_register_options;
HL_API void hl_register_options_init(hl_register_options *o);

typedef struct hl_register_import_result {
    long long batch; /* the batch id */
    int rows;        /* inspections written */
    int findings;    /* new findings */
    int passed;      /* verification: items verified */
    int failed;      /* verification: items failed */
} hl_register_import_result;

/* Import an inspection CSV (columns in docs/register.md, template from
 * hl_register_template): every row is checked first; the first bad one is
 * HL_EPARSE/HL_ERANGE/HL_ENOTFOUND with "file:line:column: ..." and nothing
 * is written. Each row gets the model's prediction (a run at the row's
 * supply temperature, the fitting at the row's chamber air) and a finding
 * when it is over the burn limit or off the prediction by more than
 * flag_k. The rows are one batch, committed at once. */
HL_API int hl_register_import(hl_register *r, const char *csv_path,
                              const hl_register_options *opt,
                              hl_register_import_result *res, hl_error *err);
/* Re-inspection after the work: the same CSV format, every fitting in it
 * must be `done`. A fitting passes when its hottest surface meets the burn
 * limit and its loss is within loss_tolerance of the predicted; it is then
 * verified, otherwise failed. */
HL_API int hl_register_verify(hl_register *r, const char *csv_path,
                              const hl_register_options *opt,
                              hl_register_import_result *res, hl_error *err);
/* The commented template of the inspection CSV (static text). */
HL_API const char *hl_register_template(void);

/* ---- options and decisions --------------------------------------------- */

typedef struct hl_register_option {
    char spec[80];        /* "coating ceramic-microbead:8" (a cover as
                             hl_fitting_cover_parse reads it) */
    double thickness_m;   /* of the layer */
    double heat_saved_j;  /* per heating season, vs the present cover */
    double surface_k;     /* hottest surface at the design hour */
    int verdict;          /* enum hl_verdict at the design hour */
    double loss_w;        /* heat loss at the design hour */
    double cost_cny;      /* installed */
    double payback_years; /* simple payback; +inf without a saving */
    double npv_cny;       /* over the service life */
} hl_register_option;

/* The candidate retrofits of a fitting or of a whole chamber (item is a
 * fitting id or a chamber id): each coating material at several
 * thicknesses (and the least one that meets the burn limit), the model's
 * jacket material at several thicknesses. The season is the embedded
 * Hohhot year (hl_weather_default), the operation the model's (season
 * engine), economics hl_economics_defaults. *list is malloc'd (free()). */
HL_API int hl_register_options_for(hl_register *r, const char *item,
                                   hl_register_option **list, int *n,
                                   hl_error *err);

typedef struct hl_register_decision {
    const char *spec; /* an option's spec (need not be one listed) */
    const char *by;   /* who decided */
    const char *why;
    const char *date; /* NULL = today */
} hl_register_decision;

/* Decide an option for a fitting, or for every fitting of a chamber that
 * is clear, open or failed. The option's numbers are stored as they are
 * now. *n_items receives the fittings decided. */
HL_API int hl_register_decide(hl_register *r, const char *item,
                              const hl_register_decision *d,
                              const hl_register_options *opt, int *n_items,
                              hl_error *err);

typedef struct hl_register_work {
    const char *date;     /* when the work was done (required) */
    const char *crew;     /* required */
    const char *material; /* NULL = the decided material */
    const char *batch;    /* material batch; may be NULL */
    double thickness_m;   /* applied; NaN = the decided thickness */
    double cost_cny;      /* NaN = not given */
} hl_register_work;

/* Record the work on a decided fitting (or on every decided fitting of a
 * chamber): the fitting then has the applied cover and is `done`. */
HL_API int hl_register_record_work(hl_register *r, const char *item,
                                   const hl_register_work *w,
                                   const hl_register_options *opt, int *n_items,
                                   hl_error *err);

/* ---- reading ------------------------------------------------------------ */

typedef struct hl_register_status {
    int schema_version;
    char model[128]; /* name of the model the assets come from */
    int chambers, fittings;
    int items[HL_ITEM_NSTATES]; /* fittings in each state */
    long long inspections, findings_open, history_rows;
    double heat_saved_verified_j; /* decided savings of verified items */
    double heat_saved_planned_j;  /* of decided, done and verified items */
} hl_register_status;
HL_API int hl_register_status_get(hl_register *r, hl_register_status *out,
                                  hl_error *err);

/* A table of text read from the register (findings, history): rows of
 * n_cols cells, NULL cells are "". Free with hl_register_table_free. */
typedef struct hl_register_table {
    int n_cols, n_rows;
    char **header;
    char **cell; /* row r, column c at r * n_cols + c */
} hl_register_table;
HL_API void hl_register_table_free(hl_register_table *t);

/* The oldest open (or failed) items, up to max: columns item, since (the
 * date of the step that opened it), state. */
HL_API int hl_register_oldest_open(hl_register *r, int max,
                                   hl_register_table *out, hl_error *err);
/* Open findings: fitting, chamber, date, kind, measured, predicted,
 * difference (C, K), item state. */
HL_API int hl_register_findings(hl_register *r, hl_register_table *out,
                                hl_error *err);
/* Every history row of an item (a fitting, a chamber with its fittings, or
 * a batch "batch:N"), oldest first. */
HL_API int hl_register_history(hl_register *r, const char *item,
                               hl_register_table *out, hl_error *err);

/* Every table as CSV files in dir (created if missing); each file is
 * written whole or not at all. */
HL_API int hl_register_export(hl_register *r, const char *dir, hl_error *err);
/* The loop's state as one self-contained HTML page: counts at each stage,
 * the oldest open items, measured against predicted per fitting, heat
 * saved (verified) against planned chamber by chamber. Atomic. */
HL_API int hl_register_report(hl_register *r, const char *path, hl_error *err);

#endif
