/*
 * heatline_lab.h - laboratory data to design values: conductivity lambda(T)
 * from test runs (heated pipe, guarded hot plate / heat-flow meter, and the
 * comparison heating of coated sleeves without a power meter), first-order
 * GUM uncertainty, a weighted least-squares lambda(T) fit, a declared value,
 * and ageing verdicts from boiling cycles.
 * Included by heatline.h; do not include on its own.
 *
 * Call order: hl_lab_read_csv (or hl_lab_read_text) fills an hl_lab_data
 * that the caller releases with hl_lab_data_free. hl_lab_points picks the
 * runs of one material and ageing state; hl_lab_fit_lambda fits them.
 * hl_lab_ageing_analyse groups all runs; hl_lab_ageing_free releases it.
 * Formulas and sources: docs/physics.md, section "Lab data reduction".
 */
#ifndef HEATLINE_LAB_H
#define HEATLINE_LAB_H

enum hl_lab_setup {
    HL_LAB_PIPE = 0,      /* heated pipe: ISO 8497, GB/T 10296, ASTM C335 */
    HL_LAB_PLATE = 1,     /* guarded hot plate / heat-flow meter: ISO 8302,
                             GB/T 10294, ISO 8301, GB/T 10295 */
    HL_LAB_COMPARISON = 2 /* coated sleeve, no power meter: heat flow from
                             the outer-surface balance */
};

HL_API const char *hl_lab_setup_name(int setup);

/* Raw inputs of one run (SI). Fields a set-up does not use stay 0; u_* are
 * standard uncertainties of the inputs (0 = not stated). */
typedef struct hl_lab_input {
    double power_w, length_m;    /* pipe: metered power and length */
    double heat_flux_w_m2;       /* plate: metered heat flux */
    double d_inner_m;            /* pipe OD / sleeve OD under layer */
    double thickness_m;          /* specimen or coating thickness */
    double t_hot_k, t_cold_k;    /* inner (hot) and outer faces */
    double air_k, radiant_k;     /* comparison: surroundings */
    double emissivity, wind_m_s; /* comparison: outer surface, air */
    int vertical;                /* comparison: sleeve axis vertical */
    int radiant_is_air;          /* comparison: surroundings radiate
                                    at the air temperature */
    double height_m;             /* comparison: vertical length */
    double u_power_w, u_length_m, u_heat_flux_w_m2, u_d_inner_m;
    double u_thickness_m, u_t_hot_k, u_t_cold_k, u_air_k, u_radiant_k;
    double u_emissivity;
} hl_lab_input;

/* The reduced result of one run. */
typedef struct hl_lab_value {
    double lambda;    /* apparent conductivity, W/(m K) */
    double u_lambda;  /* combined standard uncertainty (GUM, first order) */
    double t_mean_k;  /* (t_hot + t_cold) / 2 */
    double delta_t_k; /* t_hot - t_cold */
    double heat_flow; /* W/m (pipe, comparison) or W/m2 (plate) */
} hl_lab_value;

/* Reduce one run of the given set-up; coef_set (enum hl_coef_set) is used
 * by the comparison set-up only. HL_EINVAL with a message on bad input. */
HL_API int hl_lab_reduce(int setup, const hl_lab_input *in, int coef_set,
                         hl_lab_value *out, hl_error *err);

/* One test run as read from a file. */
typedef struct hl_lab_run {
    int line;             /* line of the source file */
    char material[48];    /* material id */
    char sample[48];      /* sample label (may be empty) */
    double cycles;        /* boiling cycles (0 = unaged) */
    double hours;         /* hours at temperature (0 = not stated) */
    double mass_g;        /* sample mass after the cycles; NaN = not given */
    double density_kg_m3; /* NaN = not given */
    int delaminated;      /* 1 if delamination was flagged */
    hl_lab_input in;
    hl_lab_value value; /* reduced with the data's coefficient set */
} hl_lab_run;

typedef struct hl_lab_data {
    char origin[256]; /* file name for messages */
    int setup;        /* enum hl_lab_setup, from the columns */
    int coef_set;     /* comparison set-up: enum hl_coef_set used */
    int age_by_hours; /* 1: ageing is counted in hours (no cycles column) */
    int n_runs;
    hl_lab_run *runs;
} hl_lab_data;

/* Read runs from a CSV file whose header names the set-up's columns (see
 * docs/cli.md). coef_set is used for comparison runs. Errors name file,
 * line and column. On failure *out is empty (nothing to free, though
 * hl_lab_data_free is harmless). */
HL_API int hl_lab_read_csv(const char *path, int coef_set, hl_lab_data *out,
                           hl_error *err);
HL_API int hl_lab_read_text(const char *text, size_t len, const char *origin,
                            int coef_set, hl_lab_data *out, hl_error *err);
HL_API void hl_lab_data_free(hl_lab_data *d);

/* ---- fit lambda(T) -------------------------------------------------- */

/* One point of the fit; fitted, residual and studentised are outputs. */
typedef struct hl_lab_point {
    int line;
    double t_mean_k, delta_t_k, lambda, u_lambda;
    double fitted, residual, studentised;
} hl_lab_point;

/* The ageing state of a run: its cycles, or its hours when the data count
 * ageing in hours. */
HL_API double hl_lab_run_age(const hl_lab_data *d, const hl_lab_run *r);

/* Copy the runs of material (case-insensitive) at the given ageing state
 * into pts (capacity cap); returns how many matched. */
HL_API int hl_lab_points(const hl_lab_data *d, const char *material, double age,
                         hl_lab_point *pts, int cap);

#define HL_LAB_OUTLIER_LIMIT 3.0 /* |studentised residual| above: outlier */

typedef struct hl_lab_fit_options {
    int degree;   /* 0 = choose 1 or 2 by the F-test, or 1, or 2 */
    double alpha; /* F-test level; 0 = 0.05 */
    const char *origin, *material; /* for messages; may be NULL */
} hl_lab_fit_options;

/* lambda(T) = c[0] + c[1] (T - ref) + c[2] (T - ref)^2, W/(m K). The fit
 * treats each point as the mean of lambda over its face temperatures. */
typedef struct hl_lab_fit {
    int degree;   /* 1 or 2 */
    int n;        /* points */
    int weighted; /* 1: weights 1/u^2; 0: no uncertainties stated */
    int scaled;   /* 1: covariance scaled by chi2/dof (scatter above
                     the stated uncertainties) */
    double ref_k; /* expansion point */
    double c[3];
    double cov[3][3]; /* covariance of c */
    double chi2, dof, r2;
    double f_stat, f_p;      /* F-test of the quadratic term; NaN if not run */
    double chi2_limit;       /* 99 % quantile of chi2(dof) */
    double t_min_k, t_max_k; /* range of mean temperatures */
    int n_outliers;
} hl_lab_fit;

/* Weighted least squares (LAPACK QR). HL_EINVAL when the points cannot
 * support the degree (too few runs or temperatures): the message names
 * origin, material and the lines. */
HL_API int hl_lab_fit_lambda(hl_lab_point *pts, int n,
                             const hl_lab_fit_options *o, hl_lab_fit *out,
                             hl_error *err);

/* Fitted lambda at t_k; *u (may be NULL) receives its standard
 * uncertainty from the covariance. */
HL_API double hl_lab_fit_eval(const hl_lab_fit *f, double t_k, double *u);

/* Declared value at t_k (simplified EN ISO 13787 reading, docs/physics.md):
 * fitted value + 1.645 u, rounded up to the next 0.001 W/(m K). */
HL_API double hl_lab_declared(const hl_lab_fit *f, double t_k);

/* The fitted curve as a material-table conductivity. */
HL_API hl_conductivity hl_lab_fit_conductivity(const hl_lab_fit *f);

/* A material row for the fit: id, range of the data, emissivity and
 * density (NaN = not given), source text naming the origin. */
HL_API void hl_lab_material(const hl_lab_fit *f, const char *id,
                            const char *category, const char *origin,
                            double emissivity, double density_kg_m3,
                            hl_material *out);

/* How a comparison-heating result depends on its assumptions: lambda at
 * design_k refitted with the emissivity of every run moved by -/+ step,
 * and with each coefficient set (enum hl_coef_set order). */
typedef struct hl_lab_sensitivity {
    double design_k, emissivity_step;
    double lambda; /* as fitted with the data's set */
    double lambda_eps_minus, lambda_eps_plus;
    double lambda_set[3]; /* iso12241, astm-c680, gb50264 */
} hl_lab_sensitivity;

/* For the runs of material at ageing state age, fitted with degree (1 or
 * 2). HL_EINVAL unless the data come from the comparison set-up. */
HL_API int hl_lab_sensitivity_of(const hl_lab_data *d, const char *material,
                                 double age, int degree, double design_k,
                                 double emissivity_step,
                                 hl_lab_sensitivity *out, hl_error *err);

/* ---- ageing --------------------------------------------------------- */

typedef struct hl_lab_ageing_options {
    double design_k;  /* temperature at which lambda is compared;
                         NaN or 0 = middle of the tested range */
    double limit_pct; /* allowed lambda increase, %; 0 = 10 */
} hl_lab_ageing_options;

/* Runs of one material, thickness and ageing state. Thicknesses within
 * 15 % of the first run of a class are one class (measured thicknesses of
 * one nominal coat scatter); thickness_m is the class's mean. */
typedef struct hl_lab_age_group {
    char material[48];
    int thickness_class; /* index shared by the groups of one thickness */
    double thickness_m;
    double cycles; /* ageing state: cycles, or hours when counted so */
    double hours;
    int n, delaminated, first_line;
    double lambda_design, u_lambda_design; /* at design_k */
    double increase_pct, u_increase_pct;   /* vs the unaged group */
    double mass_g, mass_change_pct;        /* NaN if no mass given */
    int pass;
} hl_lab_age_group;

typedef struct hl_lab_age_material {
    char material[48];
    double max_cycles;
    double aged_lambda, u_aged_lambda; /* at design_k, most cycles, mean
                                          over thicknesses */
    double increase_pct_per_cycle;     /* weighted slope through the
                                          groups and the origin */
    double u_increase_pct_per_cycle;
    double trend_increase_pct; /* slope x max_cycles */
    double u_trend_increase_pct;
    double mass_change_pct_per_cycle; /* NaN if no mass given */
    double worst_increase_pct;        /* largest single group */
    int delaminated;
    int pass;     /* trend below the limit and no delamination */
    int marginal; /* the limit lies within 2 u of the trend */
    int rank;     /* 1 = lowest aged lambda */
} hl_lab_age_material;

typedef struct hl_lab_ageing {
    double design_k, limit_pct;
    int n_groups, n_materials;
    hl_lab_age_group *groups;       /* by material, thickness, cycles */
    hl_lab_age_material *materials; /* in rank order */
} hl_lab_ageing;

/* Groups, retention, mass change and verdicts. HL_EINVAL when a material
 * and thickness has no unaged (0-cycle) runs to compare with. */
HL_API int hl_lab_ageing_analyse(const hl_lab_data *d,
                                 const hl_lab_ageing_options *o,
                                 hl_lab_ageing *out, hl_error *err);
HL_API void hl_lab_ageing_free(hl_lab_ageing *a);

#endif
