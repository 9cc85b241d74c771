/*
 * heatline_feasibility.h - the verdict on a solved state: a solve that
 * converges can still describe water that cannot exist (absolute
 * pressure below zero or below the vapour pressure), a pump driven
 * beyond its curve, a consumer short of its differential pressure, a
 * pipe above its PN, or a line that boils once its pumps stop. Such a
 * state is INFEASIBLE: hl_model_solve still returns HL_OK (the numbers
 * are there to be looked at) but hl_model_feasible says 0 and the
 * violations list every hard limit broken and where. Included by
 * heatline.h; do not include on its own.
 *
 * Valid after a successful hl_model_solve (HL_ESTATE before); the
 * records live in the handle until its next solve or hl_model_free.
 */
#ifndef HEATLINE_FEASIBILITY_H
#define HEATLINE_FEASIBILITY_H

/* Kinds of hard limit (hl_violation_kind_name gives the JSON word). */
enum hl_violation_kind {
    HL_VIOL_NEGATIVE_PRESSURE = 0, /* node: absolute pressure below 0 */
    HL_VIOL_BOILING,               /* node: absolute pressure below the IF97
                                      saturation pressure at its temperature */
    HL_VIOL_PN,                    /* pipe: gauge pressure above its PN */
    HL_VIOL_PUMP_CURVE,            /* pump: flow beyond the end of its curve */
    HL_VIOL_PUMP_NEGATIVE_RISE,    /* running pump asked for a negative rise */
    HL_VIOL_CONSUMER_DP,           /* consumer: differential pressure below the
                                      minimum (hl_check_limits) */
    HL_VIOL_STATIC_BOILING,        /* node, pumps stopped: static absolute
                                      pressure below the saturation pressure */
    HL_VIOL_STATIC_PN,             /* node, pumps stopped: static gauge
                                      pressure above the lowest PN there */
    HL_VIOL_KINDS
};

/* One violated limit. value and limit are SI in the unit named (Pa for
 * pressures, "Pa(a)" absolute, "Pa(g)" gauge; m3/s for a pump's flow). */
typedef struct hl_violation {
    int kind;               /* enum hl_violation_kind */
    int element_kind;       /* enum hl_element */
    int element;            /* index within its kind */
    const char *element_id; /* lives in the handle */
    double value, limit;
    const char *unit; /* static text */
} hl_violation;

/* "negative_pressure", "boiling", "pn", "pump_curve",
 * "pump_negative_rise", "consumer_dp", "static_boiling", "static_pn";
 * "?" for an unknown kind. */
HL_API const char *hl_violation_kind_name(int kind);

/* One line a person reads ("node S1: absolute pressure -2.1 bar(a) is
 * below zero"), into buf of cap bytes (truncated, always terminated). */
HL_API void hl_violation_describe(const hl_violation *v, char *buf, size_t cap);

/* *feasible = 1 when the last solve broke no hard limit, else 0. */
HL_API int hl_model_feasible(const hl_model *m, int *feasible);
/* Number of violations of the last solve (0 before a solve). */
HL_API int hl_model_violation_count(const hl_model *m);
HL_API int hl_model_violation(const hl_model *m, int i, hl_violation *out);

/* ---- static pressure (pumps stopped) ------------------------------------
 *
 * With every pump stopped each hydraulically connected part comes to rest
 * at the head of its pressure reference (the pressurisation point): the
 * static pressure of node v is p_ref + rho g (z_ref - z_v) with rho the
 * mean of the densities at the two nodes (docs/physics.md "Static
 * pressure"). Each node is checked against boiling at its solved
 * temperature (a violation below the saturation pressure, a warning below
 * it plus the static margin, hl_check_limits.static_margin_pa) and
 * against the lowest PN of its pipes. A water network imported from an
 * EPANET .inp splits at its stopped pumps (they close): each zone rests
 * at its own tanks and reservoirs, judged from the lowest of them (PN
 * from the highest). */
typedef struct hl_static_result {
    double min_margin_pa; /* least (static absolute - saturation), Pa;
                             NaN when no node has a reference */
    int node;             /* where (-1 none) */
    int n_references;     /* pressurisation points checked */
} hl_static_result;

/* One pressurisation point: its static head and what it would need. */
typedef struct hl_static_reference {
    int node;               /* the reference node */
    double static_head_m;   /* z + p / (rho g) held there */
    double min_margin_pa;   /* least margin in its part */
    int worst_node;         /* where (-1: a part without other nodes) */
    double raise_needed_pa; /* extra pressure at the reference that would
                               give every node of its part the static
                               margin (0 if none is needed) */
} hl_static_reference;

HL_API int hl_model_static_check(const hl_model *m, hl_static_result *out);
HL_API int hl_model_static_reference(const hl_model *m, int i,
                                     hl_static_reference *out);
/* Static gauge pressure of node i (NaN: no reference) and its margin
 * above boiling, Pa. */
HL_API int hl_model_static_node(const hl_model *m, int i, double *p_static_pa,
                                double *margin_pa);

/* ---- seasons and run snapshots ------------------------------------------
 *
 * A season judges every as-is hour: the number of hours whose state is
 * infeasible, every violation of the first of them (one line each,
 * "[kind] text"), and every engine warning of the first hour that warned
 * (for a run snapshot, hl_season_snapshot: the model's own state). The
 * text lives in the season until hl_season_free. */
HL_API int hl_season_infeasible_hours(const hl_season *s);
HL_API int hl_season_violation_count(const hl_season *s);
HL_API const char *hl_season_violation(const hl_season *s, int i);
HL_API int hl_season_hour_warning_count(const hl_season *s);
HL_API const char *hl_season_hour_warning(const hl_season *s, int i);

#endif
