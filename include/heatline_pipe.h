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

/* Radial build-up of one pipe: carrier outer diameter, then layers inside
 * out (insulation, casing). lambda(T) of each layer is honoured. */
typedef struct hl_pipe_buildup {
    double carrier_od_m;
    int n_layers;
    hl_layer layer[HL_MAX_LAYERS];
} hl_pipe_buildup;

typedef struct hl_pipe_laying {
    int laying;              /* enum hl_laying */
    hl_pipe_buildup pipe[2]; /* [0] supply, [1] return (PAIR, TWIN, and
                                OVERHEAD/DUCT pairs); [0] only for SINGLE */
    double lambda_soil;      /* W/(m K) */
    double axis_depth_m;     /* depth of the pipe axes (pair, single), or
                                of the casing axis (twin) */
    double axis_spacing_m;   /* centre distance of the two pipes (pair) or
                                of the two carriers inside the casing (twin) */
    double twin_casing_od_m; /* twin: casing outer diameter */
    double twin_lambda_fill; /* twin: insulation conductivity, W/(m K) */
    double surface_resistance; /* ground-surface resistance R0, m2 K/W
                                  (0 = none; EN 13941 uses 0.0685) */
    hl_outer_bc air;          /* OVERHEAD / DUCT: outer boundary; a fixed
                                 h_total_fixed gives a combined coefficient */
} hl_pipe_laying;

typedef struct hl_pipe_thermal {
    double r11, r22, r12;   /* K m / W, as above */
    double r_insulation[2]; /* of each pipe's own layers, K m / W */
    double r_outside[2];    /* soil (or outer surface) share, K m / W */
    double q[2];            /* W/m at the temperatures given */
} hl_pipe_thermal;

/* Resistances and heat losses at supply t1_k, return t2_k, surroundings
 * t0_k (undisturbed soil at the axis depth, or air). For SINGLE only t1_k
 * is used. Temperature-dependent conductivities are evaluated at the given
 * temperatures. */
int hl_pipe_thermal_solve(const hl_pipe_laying *lay, double t1_k,
                          double t2_k, double t0_k, hl_pipe_thermal *out,
                          hl_error *err);

#endif
