/*
 * lab_fit.h - shared between the parts of `heatline lab fit`: the options
 * and one material's result.
 */
#ifndef HL_LAB_FIT_H
#define HL_LAB_FIT_H

#include "lab_cli.h"

#include <stddef.h>

#define CMD "lab fit"

typedef struct fit_args {
    const char *file, *material, *name, *category, *output;
    double age;      /* cycles (or hours) of the runs to fit */
    int degree;      /* 0 auto, 1, 2 */
    double design_k; /* NaN = middle of each material's range */
    int coef_set;
    double eps_step;
    int json;
} fit_args;

typedef struct fit_result {
    const char *material;
    int n;
    hl_lab_point *pts;
    hl_lab_fit fit;
    double design_k, emissivity, density;
    int have_sensitivity;
    hl_lab_sensitivity sens;
} fit_result;

int lab_fit_text(const fit_args *a, const hl_lab_data *d, const fit_result *res,
                 int n);
int lab_fit_json(const fit_args *a, const hl_lab_data *d, const fit_result *res,
                 int n);
/* The --name row: to --output FILE (written whole, then renamed into
 * place) or, without --output, to stdout. */
int lab_write_material(const fit_args *a, const hl_lab_data *d,
                       const fit_result *res);

#endif
