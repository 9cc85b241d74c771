/*
 * fittings_internal.h - shared by the fittings sources: the surface patches
 * a fitting is made of, the catalogue handle, and the helpers that build
 * and solve patches.
 */
#ifndef HL_FITTINGS_INTERNAL_H
#define HL_FITTINGS_INTERNAL_H

#include "heatline.h"
#include "../physics/fin.h"
#include "../util/util.h"

/* Conductivities of the fitting metals, W/(m K). */
/* Input limits (cover thickness, wind) are rows of the one range table,
 * util/ranges.c (HL_Q_COVER_MM, HL_Q_WIND). */

#define FIT_K_STEEL 50.0 /* carbon steel and cast iron bodies, flanges */
#define FIT_K_STEM  25.0 /* martensitic stainless stems (X20Cr13 class) */

enum patch_kind {
    PATCH_CYL_H,        /* horizontal cylinder: d, length */
    PATCH_CYL_V,        /* vertical cylinder: d, length = height */
    PATCH_WALL,         /* vertical flat face: area, char_m = height */
    PATCH_PLATE_UP,     /* horizontal flat face, hot side up */
    PATCH_PLATE_DOWN,   /* horizontal flat face, hot side down */
    PATCH_SPHERE,       /* d; area = share of the sphere */
    PATCH_FIN_ANNULAR,  /* flange rims, ring plates: r1, r2, t, faces */
    PATCH_FIN_STRAIGHT, /* ribs, legs: length (root to tip), width, t */
    PATCH_FIN_PIN       /* stems, necks: d, length, tip lumped */
};

typedef struct fit_patch {
    int kind;
    const char *name;
    double count;  /* identical copies */
    double area;   /* metal area of one copy, m2 */
    double d;      /* cylinders, spheres, pins */
    double length; /* cylinders, pins, straight fins (root to tip) */
    double char_m; /* characteristic length for the outer coefficient */
    /* fins */
    double r1, r2, t, k, width, extra_area;
    int faces;
    /* pin tip (handwheel, gearbox, lever, end face), lumped */
    double tip_area, tip_char;
    int tip_geom;     /* enum hl_geometry of the tip */
    int tip_cylinder; /* the cover resistance of the tip is radial */
} fit_patch;

typedef struct fit_entry {
    int type, dn, pn;
    double pipe_od;
    int first, n; /* patches */
    const char *source;
    /* flange-pair entries keep the dimensions the FV check needs */
    double fl_od, fl_t, hub_od, hub_len, pipe_wall;
} fit_entry;

#define BURN_MAX_POINTS 12

typedef struct burn_curve {
    int n;
    double ln_t[BURN_MAX_POINTS];
    double t_k[BURN_MAX_POINTS];
} burn_curve;

struct hl_fitting_catalog {
    int n, cap;
    fit_entry *entries;
    int *by_key; /* entry ids sorted by (type, dn, pn, id), built once the
                    catalogue is complete; NULL = look up linearly */
    int n_patches, patch_cap;
    fit_patch *patches;
    char **sources;
    int n_sources, sources_cap;
    burn_curve burn[HL_CONTACT_N_CLASSES];
};

/* ---- building (catalog.c, shapes*.c) --------------------------------------
 */

/* Dimensions of one weld-neck flange row, m. */
typedef struct flange_dims {
    double pipe_od, wall, od, bolt_circle, bolts, bolt_d, t, hub_od, hub_len;
} flange_dims;

typedef struct fit_loader fit_loader;

/* A builder appends patches to the catalogue for one entry. */
typedef struct fit_builder {
    hl_fitting_catalog *cat;
    const fit_loader *loader; /* the tables being loaded */
    int oom;
    int bad; /* the row's dimensions do not make a fitting */
    char why[160];
} fit_builder;

fit_patch *fit_add(fit_builder *b, int kind, const char *name, double count);
void part_cyl_h(fit_builder *b, const char *name, double d, double len,
                double count);
void part_cyl_v(fit_builder *b, const char *name, double d, double h,
                double count);
void part_flat(fit_builder *b, int kind, const char *name, double area,
               double char_m, double count);
void part_sphere(fit_builder *b, const char *name, double d, double share);
void part_hub(fit_builder *b, const flange_dims *f, double count);
void part_joint(fit_builder *b, const char *name, const flange_dims *f,
                double r_root, int faces, double count);
void part_pin(fit_builder *b, const char *name, double d, double len, double k,
              double tip_area, double tip_char, int tip_geom, int tip_cylinder);
void part_plate_fin(fit_builder *b, const char *name, double len, double width,
                    double t, double count);
void part_ring_fin(fit_builder *b, const char *name, double r1, double r2,
                   double t, double extra_area, double count);
double bolt_area(double bolt_d);
double handwheel_area(double wheel_d, double *rim_d);

/* Per-type builders: values are the type's CSV columns in metres (counts
 * as numbers); f is the flange row of the same DN and PN. */
typedef struct type_def {
    const char *name;
    const char *summary;
    const char *file; /* data/fittings/ file, NULL = flanges only */
    const char *const *cols;
    int n_cols;
    void (*build)(fit_builder *b, const double *v, const flange_dims *f, int dn,
                  int pn);
} type_def;

const type_def *fit_type_def(int type);
/* Values of another table's row (vent branches use the gate valve and
 * flange of their own DN); 0 if the row does not exist. */
int fit_loader_values(const fit_loader *ld, int type, int dn, int pn,
                      double *v);
int fit_loader_flange(const fit_loader *ld, int dn, int pn, flange_dims *out);

/* ---- solving (patch_solve.c, solve.c) -------------------------------------
 */

/* Per-call context: the outer boundary and the cover, set once per fitting
 * solve; in is a template reused for every covered patch. */
typedef struct solve_ctx {
    hl_outer_bc bc;
    const hl_fitting_cover *cover; /* NULL when bare */
    double t_metal;
    hl_warnings *warn; /* notes from the layered solves; may be NULL */
    hl_surface_in in;
} solve_ctx;

int solve_ctx_init(solve_ctx *s, const hl_fitting_conditions *c, hl_error *err);
int patch_solve(solve_ctx *s, const fit_patch *p, hl_fitting_patch_result *r,
                hl_error *err);
/* Outer boundary of patch p (geometry and characteristic length set). */
void patch_bc(const solve_ctx *s, const fit_patch *p, hl_outer_bc *bc);

/* Fins (fin_point.c): a trial surface temperature x, the temperature
 * next that it implies, and what else the pass computed there. */
enum { FIN_HEAT = 0, FIN_ETA, FIN_AUX, FIN_NV };
typedef struct fin_point {
    double x, next;
    double v[FIN_NV]; /* heat W, efficiency, another temperature K */
} fin_point;
typedef fin_point (*fin_pass_fn)(const void *ctx, double x);
/* The fixed point x = next(x) within [lo, hi] (next falls as x rises),
 * from x0; at a jump of the convection coefficient, the point on the jump
 * with the values interpolated between its sides. */
fin_point fin_fixed_point(fin_pass_fn pass, const void *ctx, double lo,
                          double hi, double x0);

int burn_load(hl_fitting_catalog *cat, hl_error *err);
int check_conditions(const hl_fitting_conditions *c, hl_error *err);

#endif
