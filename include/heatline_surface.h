/*
 * heatline_surface.h - heat loss and surface temperature of a layered flat
 * wall, pipe (cylinder) or sphere, and the inverse: the thickness of one
 * layer that meets a surface-temperature, heat-loss or heat-flux target.
 * Included by heatline.h; do not include on its own.
 *
 * Call order: fill an hl_surface_in (hl_surface_in_init sets defaults),
 * then hl_surface_solve or hl_thickness_solve. Both are pure: no state, no
 * allocation, safe to call from several threads. A wall solved at many
 * process temperatures can be prepared once (hl_surface_prepare, which
 * allocates) or swept (hl_surface_solve_sweep).
 */
#ifndef HEATLINE_SURFACE_H
#define HEATLINE_SURFACE_H

/* ---- conductivity lambda(T) ------------------------------------------- */

#define HL_LAMBDA_MAX_PIECES 4
#define HL_LAMBDA_MAX_COEF   4
#define HL_LAMBDA_MAX_POINTS 16

enum hl_lambda_kind {
    HL_LAMBDA_POLY = 0, /* piecewise polynomial (a constant is degree 0) */
    HL_LAMBDA_TABLE = 1 /* piecewise linear through points */
};

/* lambda(T) = sum_i c[i] (T - ref_k)^i for T >= from_k (until the next
 * piece). The first piece applies below its from_k as well. */
typedef struct hl_lambda_piece {
    double from_k;
    double ref_k;
    int n_coef;
    double c[HL_LAMBDA_MAX_COEF];
} hl_lambda_piece;

typedef struct hl_conductivity {
    int kind; /* enum hl_lambda_kind */
    int n;    /* pieces (POLY) or points (TABLE) */
    hl_lambda_piece piece[HL_LAMBDA_MAX_PIECES];
    double t_k[HL_LAMBDA_MAX_POINTS]; /* TABLE: ascending temperatures */
    double k[HL_LAMBDA_MAX_POINTS];   /* TABLE: W/(m K); held constant
                                         outside the first and last point */
} hl_conductivity;

/* A constant conductivity, W/(m K). */
HL_API hl_conductivity hl_lambda_constant(double k_w_mk);

/* Local conductivity at t_k, W/(m K). */
HL_API double hl_lambda_at(const hl_conductivity *lam, double t_k);

/* Exact integral of lambda from t1_k to t2_k (the Kirchhoff transform
 * difference), W/m. */
HL_API double hl_lambda_integral(const hl_conductivity *lam, double t1_k,
                                 double t2_k);

/* ---- outer boundary ---------------------------------------------------- */

enum hl_coef_set {
    HL_COEF_ISO12241 = 0,  /* ISO 12241:2008 simplified correlations */
    HL_COEF_ASTM_C680 = 1, /* Churchill-Chu / Churchill-Bernstein, air
                              properties at the film temperature */
    HL_COEF_GB50264 = 2    /* GB 50264-2013 clause 5.8 */
};

enum hl_geometry {
    HL_GEOM_HORIZONTAL_CYLINDER = 0,
    HL_GEOM_VERTICAL_CYLINDER = 1,
    HL_GEOM_VERTICAL_WALL = 2,
    HL_GEOM_PLATE_UP = 3,   /* horizontal plate, hot face up */
    HL_GEOM_PLATE_DOWN = 4, /* horizontal plate, hot face down */
    HL_GEOM_SPHERE = 5
};

/* Parse "iso12241" / "astm-c680" / "gb50264"; returns -1 if unknown. */
HL_API int hl_coef_set_from_name(const char *name);
HL_API const char *hl_coef_set_name(int set);

typedef struct hl_outer_bc {
    double air_k;         /* air temperature */
    double radiant_k;     /* mean radiant temperature of the surroundings */
    double wind_m_s;      /* 0 = still air (natural convection) */
    double emissivity;    /* outer surface, (0, 1] */
    int set;              /* enum hl_coef_set */
    int geometry;         /* enum hl_geometry */
    double length_m;      /* height of a vertical wall or cylinder, side of
                             a plate; 0 = use the default (1 m). Cylinders
                             and spheres use their outer diameter. */
    double h_conv_fixed;  /* > 0: fixes convection, radiation computed */
    double h_total_fixed; /* > 0: fixes convection + radiation together */
    double pressure_pa;   /* air pressure (property-based sets); 0 = 101325 */
} hl_outer_bc;

/* Outer coefficients at surface temperature ts_k on a surface whose
 * characteristic diameter is d_m (cylinders, spheres; ignored for walls).
 * h_conv and h_rad are W/(m2 K); h_rad refers to (ts - radiant). */
HL_API int hl_outer_coefficients(const hl_outer_bc *bc, double ts_k, double d_m,
                                 double *h_conv, double *h_rad);

/* Heat flux leaving the surface, W/m2 (negative = heat gain). */
HL_API double hl_outer_flux(const hl_outer_bc *bc, double ts_k, double d_m);

/* ---- layered surface problem ------------------------------------------- */

#define HL_MAX_LAYERS 8

enum hl_shape { HL_SHAPE_FLAT = 0, HL_SHAPE_PIPE = 1, HL_SHAPE_SPHERE = 2 };

typedef struct hl_layer {
    double thickness_m;
    hl_conductivity lambda;
    double t_min_k, t_max_k; /* valid range of lambda; NaN = not stated */
    char name[48];           /* for messages */
} hl_layer;

typedef struct hl_surface_in {
    int shape;           /* enum hl_shape */
    double diameter_m;   /* outer diameter of the bare pipe or sphere */
    double inner_temp_k; /* process side: surface, or fluid if h_inner > 0 */
    double h_inner;      /* inner film coefficient, W/(m2 K); 0 = the given
                            temperature is the inner surface temperature */
    int n_layers;        /* inside out; 0 = bare */
    hl_layer layer[HL_MAX_LAYERS];
    hl_outer_bc outer;
} hl_surface_in;

typedef struct hl_surface_out {
    double heat_flow;      /* W/m (pipe), W/m2 (flat), W (sphere) */
    double heat_flux_w_m2; /* at the outer surface */
    double surface_temp_k;
    int n_temps;                      /* n_layers + 1 */
    double temp_k[HL_MAX_LAYERS + 1]; /* inner surface ... outer surface */
    double h_conv, h_rad;             /* outer, W/(m2 K) */
    double outer_diameter_m;          /* pipe, sphere */
    int iterations;
    hl_warnings warnings;
} hl_surface_out;

/* Defaults: pipe, horizontal, iso12241, 20 C air and surroundings, still
 * air, emissivity 0.9, no layers. */
HL_API void hl_surface_in_init(hl_surface_in *in);

/* Forward solve. Returns HL_OK, HL_EINVAL (the message names the field;
 * also a flat surface under a cylinder's or sphere's correlation) or
 * HL_ENOCONVERGE (no convergence, or a balance whose temperatures leave
 * the span of the boundary temperatures: no physical solution, as where a
 * conductivity is used far outside its range). Converges for every
 * physical input: the outer surface temperature is bracketed between the
 * extreme boundary temperatures. */
HL_API int hl_surface_solve(const hl_surface_in *in, hl_surface_out *out,
                            hl_error *err);

/* Forward solves of one wall at n process temperatures (in->inner_temp_k
 * is not used): heat_flow[i] and surface_temp_k[i] as hl_surface_solve
 * gives them for inner_temp_k[i], to its tolerance, without the layer
 * temperatures and range notes. The wall is checked and prepared once, and
 * each solve starts from the one before it (its surface temperature moved
 * by its sensitivity to the process temperature), so a sweep in small
 * steps takes about two iterations per solve. heat_flow or surface_temp_k
 * may be NULL. Returns HL_OK, HL_EINVAL or HL_ENOCONVERGE; the message
 * ends with the 1-based index of the temperature it is about. */
HL_API int hl_surface_solve_sweep(const hl_surface_in *in,
                                  const double *inner_temp_k, size_t n,
                                  double *heat_flow, double *surface_temp_k,
                                  hl_error *err);

/* One wall prepared for solves one process temperature at a time (a
 * caller that holds the wall and is given its temperatures one by one):
 * hl_surface_prepare checks the wall (every check of hl_surface_solve but
 * the process temperature's, and lambda at the air temperature) and takes
 * its shape factors and outer boundary once; in->inner_temp_k is not
 * used. hl_surface_solve_prepared then gives exactly what hl_surface_solve
 * gives for that wall at inner_temp_k (the same solve, bit for bit, layer
 * temperatures and range notes included), checking the process
 * temperature and each lambda over that solve's span. The wall is
 * allocated (HL_ENOMEM) and read-only afterwards: solves of one wall may
 * run in parallel. Free it with hl_surface_wall_free (NULL is fine). */
typedef struct hl_surface_wall hl_surface_wall;
HL_API int hl_surface_prepare(const hl_surface_in *in, hl_surface_wall **wall,
                              hl_error *err);
HL_API int hl_surface_solve_prepared(const hl_surface_wall *wall,
                                     double inner_temp_k, hl_surface_out *out,
                                     hl_error *err);
HL_API void hl_surface_wall_free(hl_surface_wall *wall);

enum hl_target_kind {
    HL_TARGET_SURFACE_TEMP = 0, /* maximum outer surface temperature, K */
    HL_TARGET_HEAT_FLOW = 1,    /* maximum heat_flow (W/m for pipes) */
    HL_TARGET_HEAT_FLUX = 2     /* maximum flux at the outer surface, W/m2 */
};

typedef struct hl_thickness_target {
    int kind;               /* enum hl_target_kind */
    double value;           /* K, W/m (or W/m2, W), W/m2 */
    int layer;              /* 0-based layer to size */
    double max_thickness_m; /* search limit; 0 = 2 m */
} hl_thickness_target;

/* The smallest thickness of the chosen layer at and beyond which the target
 * holds (beyond the critical radius for heat-loss targets on thin pipes).
 * Returns HL_EUNREACHABLE with a message when no thickness up to the
 * search limit meets it. out receives the solution at that thickness. */
HL_API int hl_thickness_solve(const hl_surface_in *in,
                              const hl_thickness_target *target,
                              double *thickness_m, hl_surface_out *out,
                              hl_error *err);

#endif
