/*
 * heatline_pipe.h - steady heat loss per metre of one pipe build-up or of a
 * supply/return pair: direct-buried single pipes, pairs in one trench,
 * twin pipes (two carriers in one casing), overhead pipes and pipes in a
 * tunnel or duct. Included by heatline.h; do not include on its own.
 *
 * Every laying reduces to one linear relation between the pipes' excess
 * temperatures over the surroundings and their heat losses per metre:
 *
 *   (T1 - T0)   [ r11  r12 ] (q1)
 *   (T2 - T0) = [ r12  r22 ] (q2)        r in K m / W, q in W/m
 *
 * (r12 = 0 for a single pipe or two pipes that do not interact). The network
 * solver integrates the coupled temperature decay of a pair with it.
 *
 * Call order: hl_pipe_laying_init, fill the laying, hl_pipe_thermal_solve.
 * Pure: no state, no allocation, safe from several threads. Cost (order of
 * magnitude, bench/bench_pipe_loss): a buried pair under 1 us with constant
 * conductivities, a few us with lambda(T); a twin pipe 0.3-0.4 ms by the
 * multipole method (under 1 us by the closed form). With constant
 * conductivities the r
 * depend only on the build-up and laying, so a caller with many identical
 * pipes can solve once and reuse r11, r22, r12. The equations,
 * their sources and validity ranges are in docs/physics.md ("Buried and
 * overhead pipes").
 */
#ifndef HEATLINE_PIPE_H
#define HEATLINE_PIPE_H

enum hl_laying {
    HL_LAYING_SINGLE = 0,   /* one pipe buried alone */
    HL_LAYING_PAIR = 1,     /* supply and return buried in one trench */
    HL_LAYING_TWIN = 2,     /* two carriers in one casing, buried */
    HL_LAYING_OVERHEAD = 3, /* in outdoor air, each pipe on its own */
    HL_LAYING_DUCT = 4      /* in a tunnel or duct at a given air temp */
};

/* How the two carriers of a twin pipe are resolved. */
enum hl_twin_method {
    HL_TWIN_MULTIPOLE = 0, /* multipole expansion solved to convergence
                              (Bennet, Claesson & Hellstrom 1987 method) */
    HL_TWIN_WALLENTEN = 1  /* first-order closed form, Wallenten 1991 */
};

/* Radial build-up of one pipe: carrier outer diameter, then layers inside
 * out (insulation, casing). lambda(T) of each layer is honoured. */
typedef struct hl_pipe_buildup {
    double carrier_od_m;
    int n_layers;
    hl_layer layer[HL_MAX_LAYERS];
} hl_pipe_buildup;

typedef struct hl_pipe_laying {
    int laying;                /* enum hl_laying */
    hl_pipe_buildup pipe[2];   /* [0] supply, [1] return (PAIR, TWIN, and
                                  OVERHEAD/DUCT pairs); [0] only for SINGLE */
    double lambda_soil;        /* W/(m K) */
    double axis_depth_m;       /* depth of the pipe axes (pair, single), or
                                  of the casing axis (twin) */
    double axis_spacing_m;     /* centre distance of the two pipes (pair) or
                                  of the two carriers inside the casing (twin) */
    double twin_casing_od_m;   /* twin: casing outer diameter */
    double twin_lambda_fill;   /* twin: insulation conductivity, W/(m K) */
    double surface_resistance; /* ground-surface resistance R0, m2 K/W
                                  (0 = none; EN 13941 uses 0.0685) */
    hl_outer_bc air;           /* OVERHEAD / DUCT: outer boundary; a fixed
                                  h_total_fixed gives a combined coefficient */
    /* Additions (zero = the documented default): */
    double twin_casing_wall_m; /* twin: casing wall thickness (0 = the fill
                                  reaches twin_casing_od_m) */
    double twin_lambda_casing; /* twin: casing wall, W/(m K) */
    hl_conductivity twin_fill; /* twin: lambda(T) of the fill; used when
                                  twin_fill.n > 0 instead of
                                  twin_lambda_fill */
    int twin_method;           /* enum hl_twin_method */
    int twin_order;            /* multipole order 1..14, 0 = default (12) */
} hl_pipe_laying;

typedef struct hl_pipe_thermal {
    double r11, r22, r12;   /* K m / W, as above */
    double r_insulation[2]; /* of each pipe's own layers, K m / W (twin:
                               r_kk - r_outside, i.e. carrier layers, fill
                               share and casing wall) */
    double r_outside[2];    /* soil (or outer surface) share, K m / W (twin:
                               the soil resistance of the casing, which
                               carries q1 + q2 and so sits in r11, r22 and
                               r12 alike) */
    double q[2];            /* W/m at the temperatures given */
    /* Additions: */
    int n_layers[2];                        /* layers reported below */
    double r_layer[2][HL_MAX_LAYERS];       /* each own layer, K m / W (twin:
                                               the carriers' own layers) */
    double t_layer_k[2][HL_MAX_LAYERS + 1]; /* interface temperatures,
                                               carrier .. outer surface of
                                               the own layers */
    double t_surface_k[2];    /* outer surface (twin: mean casing surface) */
    double r_sym, r_anti;     /* twin: r11 + r12 and r11 - r12 of the mode
                                 split (0 for other layings) */
    double r_casing_wall;     /* twin: casing wall, carrying q1 + q2 */
    double t_fill_boundary_k; /* twin: mean temperature where the fill
                                 meets the casing wall */
    int iterations;           /* lambda(T) iterations (1 when constant) */
    hl_warnings warnings;
} hl_pipe_thermal;

/* Resistances and heat losses at supply t1_k, return t2_k, surroundings
 * t0_k (undisturbed soil at the axis depth, or air). For SINGLE only t1_k
 * is used (r22 = r12 = 0, q[1] = 0). Temperature-dependent conductivities
 * are evaluated at the given temperatures: each radial layer with the
 * Kirchhoff integral between its solved interface temperatures, iterated
 * to a fixed point. OVERHEAD and DUCT: air at t0_k (air.air_k is ignored),
 * radiant surroundings at air.radiant_k when > 0, else t0_k; a second pipe
 * is present when pipe[1].carrier_od_m > 0. Returns HL_OK, HL_EINVAL (the
 * message names the field and what was expected) or HL_ENOCONVERGE. */
HL_API int hl_pipe_thermal_solve(const hl_pipe_laying *lay, double t1_k,
                                 double t2_k, double t0_k, hl_pipe_thermal *out,
                                 hl_error *err);

/* Defaults: SINGLE, soil 1.2 W/(m K), no surface resistance, multipole twin
 * method, outdoor air per hl_surface_in_init (iso12241, emissivity 0.9). */
HL_API void hl_pipe_laying_init(hl_pipe_laying *lay);

/* "single", "pair", "twin", "overhead", "duct"; -1 / NULL if unknown. */
HL_API int hl_laying_from_name(const char *name);
HL_API const char *hl_laying_name(int laying);

#endif
