/*
 * heatline_fittings.h - heat loss and hottest surface of irregular fittings
 * (valves, compensators, flange pairs, blind flanges, fixed supports,
 * vent/drain branches), bare, coated or under a removable jacket, with a
 * burn-safety verdict and the minimum coating thickness that meets it.
 * Included by heatline.h; do not include on its own.
 *
 * Call order:
 *   hl_fitting_catalog_new          once: loads the embedded catalogue
 *                                   (data/fittings/ tables) and the burn
 *                                   thresholds, builds every fitting's
 *                                   surface patches
 *   hl_fitting_find                 once per fitting placed: type, DN, PN
 *                                   -> an id (an index into the catalogue)
 *   hl_fitting_conditions_init      defaults, then set medium, air, cover
 *   hl_fitting_solve                per fitting and per operating point;
 *                                   no allocation, no shared state: safe
 *                                   to call from several threads on one
 *                                   catalogue
 *   hl_fitting_catalog_free
 *
 * Units are SI (K, W, m, s). A "cover" is what is on the metal: nothing, a
 * coating, or a removable jacket; both are modelled as a conformal layer on
 * every patch (a jacket without an air gap - see docs/physics.md).
 */
#ifndef HEATLINE_FITTINGS_H
#define HEATLINE_FITTINGS_H

/* ---- catalogue ---------------------------------------------------------- */

enum hl_fitting_type {
    HL_FIT_GATE_VALVE = 0,
    HL_FIT_BUTTERFLY_VALVE, /* double-eccentric, double-flanged */
    HL_FIT_BALL_VALVE,
    HL_FIT_GLOBE_VALVE,
    HL_FIT_FLANGE_PAIR, /* two weld-neck flanges bolted together */
    HL_FIT_BLIND_FLANGE,
    HL_FIT_BELLOWS_COMPENSATOR, /* axial bellows in a protective shell */
    HL_FIT_SLEEVE_COMPENSATOR,  /* slip type with a packed gland */
    HL_FIT_FIXED_SUPPORT,       /* anchor: ring plates, ribs, legs */
    HL_FIT_VENT_DRAIN,          /* small-bore branch with its valve */
    HL_FIT_N_TYPES
};

typedef struct hl_fitting_catalog hl_fitting_catalog;

/* The embedded catalogue. Errors name the file and line of a bad row. */
HL_API int hl_fitting_catalog_new(hl_fitting_catalog **out, hl_error *err);
/* destroy(NULL) is a no-op. */
HL_API void hl_fitting_catalog_free(hl_fitting_catalog *cat);

/* Type names as typed by users ("gate-valve", ...); -1 if unknown. */
HL_API int hl_fitting_type_from_name(const char *name);
HL_API const char *hl_fitting_type_name(int type);
HL_API const char *hl_fitting_type_summary(int type);

/* The id of the catalogue entry type/DN/PN, or HL_ENOTFOUND with a message
 * listing the DNs (or, for a known DN, the PNs) that exist. */
HL_API int hl_fitting_find(const hl_fitting_catalog *cat, int type, int dn,
                           int pn, int *id, hl_error *err);

/* Entries, for listing. */
HL_API int hl_fitting_count(const hl_fitting_catalog *cat);
typedef struct hl_fitting_info {
    int type, dn, pn;
    double pipe_od_m; /* outer diameter of the adjacent pipe */
    double area_m2;   /* bare metal surface area */
    int n_patches;
    const char *source; /* where the dimensions come from */
} hl_fitting_info;
HL_API int hl_fitting_info_at(const hl_fitting_catalog *cat, int id,
                              hl_fitting_info *out);
/* Name of patch p of entry id (for messages), NULL if out of range. */
HL_API const char *hl_fitting_patch_name(const hl_fitting_catalog *cat, int id,
                                         int p);

/* ---- operating point ------------------------------------------------------
 */

enum hl_fitting_state {
    HL_FIT_BARE = 0,
    HL_FIT_COATED = 1,   /* a sprayed or brushed coating */
    HL_FIT_JACKETED = 2, /* a removable jacket */
    HL_FIT_NSTATES = 3
};

/* Contact classes of ISO 13732-1 / EN 563 (burn thresholds differ). */
enum hl_contact_class {
    HL_CONTACT_METAL = 0,     /* uncoated metal */
    HL_CONTACT_METAL_PAINTED, /* metal with >= 50 um paint */
    HL_CONTACT_CERAMIC,       /* ceramics, glass, stone */
    HL_CONTACT_PLASTIC,       /* plastics (and low-conductivity layers) */
    HL_CONTACT_WOOD,
    HL_CONTACT_N_CLASSES
};
HL_API const char *hl_contact_class_name(int cls);

typedef struct hl_fitting_cover {
    int state;            /* enum hl_fitting_state */
    hl_layer layer;       /* material and thickness (not for BARE) */
    double emissivity;    /* of the cover's outer face */
    double max_service_k; /* service limit of the material; NaN = none */
    int contact_class;    /* enum hl_contact_class of the outer face */
    char material[48];    /* material id, or "k=..." */
} hl_fitting_cover;

typedef struct hl_fitting_conditions {
    double medium_k;        /* water temperature; metal is taken at it */
    double air_k;           /* chamber or outdoor air */
    double radiant_k;       /* mean radiant temperature of the surroundings */
    double wind_m_s;        /* 0 = still air */
    int coef_set;           /* enum hl_coef_set */
    double bare_emissivity; /* metal surface (default 0.9, oxidised or
                               painted steel and cast iron) */
    int bare_contact_class; /* default HL_CONTACT_METAL */
    hl_fitting_cover cover;
    /* burn safety */
    double limit_k;   /* surface-temperature limit (default 50 C) */
    double contact_s; /* contact time for ISO 13732-1 (default 1 s) */
    /* equivalent length: the adjacent pipe insulated with ref_layer
       (thickness 0 = not computed) and outer emissivity ref_emissivity */
    hl_layer ref_layer;
    double ref_emissivity;
} hl_fitting_conditions;

/* Defaults: 20 C air and surroundings, still air, iso12241, bare, limit
 * 50 C, contact 1 s, no reference pipe. medium_k must be set. */
HL_API void hl_fitting_conditions_init(hl_fitting_conditions *c);

/* Parse a cover as written in an inventory's `state` column or by the CLI:
 *   "bare" | "coated SPEC" | "coating SPEC" | "jacket SPEC" |
 *   "jacketed SPEC", SPEC = "MATERIAL:MM" or "k=W/MK:MM".
 * The material's emissivity (0.9 when it has none) and service limit go
 * into the cover. db may be NULL only for bare and k= specs. */
HL_API int hl_fitting_cover_parse(const hl_material_db *db, const char *text,
                                  hl_fitting_cover *out, hl_error *err);
/* A cover of state COATED/JACKETED from material m, thickness in m. */
HL_API void hl_fitting_cover_from_material(const hl_material *m, int state,
                                           double thickness_m,
                                           hl_fitting_cover *out);

/* ---- results ----------------------------------------------------------------
 */

#define HL_FITTING_MAX_PATCHES 24

typedef struct hl_fitting_patch_result {
    double heat_w;         /* all copies of the patch */
    double area_m2;        /* bare metal area, all copies */
    double max_surface_k;  /* hottest outer surface of the patch */
    double mean_surface_k; /* area-weighted outer surface temperature */
    double efficiency;     /* fin efficiency; 1 for isothermal patches */
} hl_fitting_patch_result;

enum hl_verdict { HL_VERDICT_PASS = 0, HL_VERDICT_FAIL = 1 };

typedef struct hl_fitting_result {
    double heat_loss_w;
    double area_m2;        /* bare metal area (sum of the patches) */
    double max_surface_k;  /* hottest touchable outer surface */
    int hottest_patch;     /* index of the patch where it is */
    double mean_surface_k; /* area-weighted over all patches */
    double pipe_od_m;
    double ref_loss_w_per_m;    /* reference insulated pipe; NaN if none */
    double equivalent_length_m; /* heat_loss_w / ref_loss_w_per_m */
    /* burn safety */
    int verdict;              /* enum hl_verdict */
    int contact_class;        /* of the outer face */
    double burn_threshold_k;  /* ISO 13732-1 / EN 563 at contact_s */
    double effective_limit_k; /* min(limit, burn threshold) */
    int n_patches;
    hl_fitting_patch_result patch[HL_FITTING_MAX_PATCHES];
    hl_warnings warnings;
} hl_fitting_result;

/* Heat loss, areas, surface temperatures, equivalent length and verdict of
 * entry id at the operating point. HL_EINVAL names a bad condition (also a
 * cover whose service limit is below the medium temperature), HL_ERANGE a
 * contact time below 0.5 s (beyond 8 h the 8 h threshold holds). No
 * allocation. */
HL_API int hl_fitting_solve(const hl_fitting_catalog *cat, int id,
                            const hl_fitting_conditions *c,
                            hl_fitting_result *out, hl_error *err);

/* ISO 13732-1 / EN 563 burn threshold (K) of a contact class at contact
 * time contact_s, interpolated in log(time) in the embedded table. */
HL_API int hl_burn_threshold(const hl_fitting_catalog *cat, int contact_class,
                             double contact_s, double *threshold_k,
                             hl_error *err);

/* The least thickness of the coating material m (state COATED) at which
 * the fitting passes (every patch's hottest outer surface at or below the
 * effective limit), searched up to max_thickness_m (0 = 100 mm). Returns
 * HL_EUNREACHABLE with a message when no thickness up to the limit can
 * pass (then *thickness_m is NaN). *thickness_m is 0 when the metal is
 * already at or below the limit. The cover in c is ignored. No
 * allocation. */
HL_API int hl_fitting_min_coating(const hl_fitting_catalog *cat, int id,
                                  const hl_fitting_conditions *c,
                                  const hl_material *m, double max_thickness_m,
                                  double *thickness_m, hl_error *err);

/* ---- inventory (batch) ------------------------------------------------------
 */

/* One row of a fitting inventory (CSV columns id, type, dn, pn, temp_c,
 * ambient_c, state; optional radiant_c, wind_m_s) with its result, kept
 * compact so that a line's whole inventory fits in memory. */
typedef struct hl_inventory_row {
    const char *id;    /* as written (lives in the inventory) */
    int line;          /* line in the input file */
    int entry;         /* catalogue id */
    const char *state; /* the state column as written (in the inventory) */
    double medium_k, air_k;
    double heat_loss_w, area_m2, max_surface_k, mean_surface_k;
    int hottest_patch;
    double equivalent_length_m; /* NaN without a reference pipe */
    int verdict;
    double min_coating_m; /* NaN = not asked (no coating material) or
                             none can pass (min_coating_rc) */
    int min_coating_rc;   /* HL_OK or HL_EUNREACHABLE */
} hl_inventory_row;

typedef struct hl_inventory_totals {
    int n_rows, n_fail;
    double heat_loss_w, area_m2, equivalent_length_m;
    double max_surface_k; /* hottest surface of the inventory */
    int hottest_row;
    double mean_surface_k; /* area-weighted */
} hl_inventory_totals;

struct hl_text_pool; /* internal */

typedef struct hl_inventory {
    int n_rows;
    hl_inventory_row *rows;
    int n_errors;        /* rows skipped (keep_going) */
    const char **errors; /* one message per skipped row */
    hl_inventory_totals totals;
    struct hl_text_pool *text; /* where ids, states and messages live */
} hl_inventory;

typedef struct hl_inventory_options {
    const hl_material_db *materials; /* for the state column */
    hl_fitting_conditions defaults;  /* limit, contact, wind, reference
                                        pipe, coefficient set */
    int keep_going; /* skip malformed rows (recorded in errors) */
} hl_inventory_options;

/* Parse and solve an inventory held in text (origin names it in messages:
 * "file:line: ..."). Without keep_going the first bad row fails the whole
 * run and nothing is returned. */
HL_API int hl_inventory_run(const char *text, size_t len, const char *origin,
                            const hl_fitting_catalog *cat,
                            const hl_inventory_options *opt, hl_inventory *out,
                            hl_error *err);
HL_API void hl_inventory_free(hl_inventory *inv);

/* The results as CSV (one row per fitting plus a TOTAL row) or JSON, in a
 * new NUL-terminated buffer the caller frees. Never writes NaN. */
HL_API int hl_inventory_format(const hl_inventory *inv,
                               const hl_fitting_catalog *cat, int json,
                               char **text, size_t *len, hl_error *err);

/* ---- check of the patch model: axisymmetric finite volumes ------------------
 */

typedef struct hl_flange_fv_out {
    double fv_heat_w, patch_heat_w; /* the pair with its pipe stubs */
    double fv_max_surface_k, patch_max_surface_k;
    double fv_fin_surface_k, patch_fin_surface_k; /* area-weighted outer
                              surface of the flange back faces and rim */
    int cells, iterations;
} hl_flange_fv_out;

/* Steady conduction in the (r, z) plane of a flange pair of entry id (a
 * flange-pair entry) on its pipe, pipe stubs of stub_m beyond each hub,
 * with the cover of c on every exposed face and the same outer boundary
 * conditions as the patch model; fillet_m > 0 fills the two inside corners
 * of the cover with a 45-degree fillet of that leg (0 = sharp corners);
 * refine >= 1 scales the mesh density. The patch model is solved on the
 * same geometry (bolts left out, hubs as cylinders) for comparison.
 * Allocates while it runs. */
HL_API int hl_flange_fv_check(const hl_fitting_catalog *cat, int id,
                              const hl_fitting_conditions *c, double stub_m,
                              double fillet_m, int refine,
                              hl_flange_fv_out *out, hl_error *err);

#endif
