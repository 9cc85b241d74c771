/*
 * dynamic_weather.c - `heatline dynamic` driven as the season drives the
 * steady engine (docs/cli.md, docs/physics.md "Supply lead"): the hourly
 * outdoor temperature of the weather file (linear between hours), the
 * demand of the operation rules, the reset curve's supply temperature,
 * the ground by Kusuda and Achenbach at pipe depth and the air outdoors.
 * With a lead the plant's set point at time t is the reset curve at the
 * outdoor temperature forecast for t + lead (the weather file serves as
 * the forecast).
 */
#include "dynamic_weather.h"
#include "operation_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The season's operation: the model file's fields over the Hohhot
 * defaults, the design load of the model at its own demand; without an
 * operation: section, the model's own supply temperature. */
static void operation(dyn_weather *dw, const hl_operation *f,
                      const hl_operation_own *own)
{
    dw->op_origin = hl_operation_merge(&dw->op, f, own);
}

void dyn_operation_print(const dyn_weather *dw)
{
    char text[512];
    cli_operation_text(dw->op_origin, &dw->op, text, sizeof text);
    printf("operation: %s\n", text);
}

json_t *dyn_operation_json(const dyn_weather *dw)
{
    return cli_operation_json(dw->op_origin, &dw->op);
}

int dyn_weather_open(dyn_weather *dw, const hl_model *m, const char *path,
                     const char *from, const char *to, hl_error *err)
{
    memset(dw, 0, sizeof *dw);
    int rc = path ? hl_weather_load(path, &dw->w, err)
                  : hl_weather_default(&dw->w, err);
    if (rc)
        return rc;
    if ((rc = hl_weather_select(&dw->w, from, to, &dw->first, &dw->count, err)))
        return rc;
    hl_model *c = NULL;
    hl_totals t;
    hl_operation f;
    hl_operation_own own;
    if (hl_model_clone(m, &c) || hl_model_solve(c, NULL) ||
        hl_model_totals(c, &t) || hl_model_demand_scale(c, &dw->scale0) ||
        hl_model_operation(c, &f) || hl_operation_own_of(c, &own)) {
        rc = hl_error_set(err, HL_ENOCONVERGE, "model: %s",
                          c ? hl_model_error(c) : "out of memory");
        hl_model_free(c);
        return rc;
    }
    hl_model_free(c);
    dw->model_load_w = t.heat_delivered_w + t.heat_unmet_w; /* asked */
    operation(dw, &f, &own);
    hl_kusuda_hohhot(&dw->ground);
    return hl_operation_check(&dw->op, err);
}

void dyn_weather_close(dyn_weather *dw)
{
    hl_weather_free(&dw->w);
}

double dyn_weather_span_s(const dyn_weather *dw)
{
    return 3600.0 * dw->count;
}

/* Row of hour k of the run (wrapping in a typical year). */
static int row(const dyn_weather *dw, int k)
{
    return (dw->first + k) % dw->w.n;
}

double dyn_outdoor_k(const dyn_weather *dw, double t_s)
{
    double h = t_s / 3600.0;
    int k = (int)floor(h);
    if (k < 0)
        k = 0;
    double f = h - k;
    if (k >= dw->count - 1 && !dw->w.typical_year) {
        k = dw->count - 1;
        f = 0.0;
    }
    double a = dw->w.dry_bulb_k[row(dw, k)];
    double b = dw->w.dry_bulb_k[row(dw, k + 1)];
    return a + f * (b - a);
}

static double day_of_year(int month, int day)
{
    static const int start[12] = {0,   31,  59,  90,  120, 151,
                                  181, 212, 243, 273, 304, 334};
    return start[(month - 1) % 12] + day;
}

int dyn_weather_apply(const dyn_weather *dw, hl_model *run, double t_s,
                      double lead_s)
{
    double out = dyn_outdoor_k(dw, t_s);
    double want = fmin(hl_demand_w(&dw->op, out), dw->op.design_load_w);
    int i = row(dw, (int)floor(t_s / 3600.0));
    double day =
        day_of_year(dw->w.month[i], dw->w.day[i]) + dw->w.hour[i] / 24.0;
    int rc =
        hl_model_set_demand_scale(run, dw->scale0 * want / dw->model_load_w);
    if (!rc)
        rc = hl_model_set_supply_temp(
            run, NULL,
            hl_supply_temp_k(&dw->op, dyn_outdoor_k(dw, t_s + lead_s)));
    if (!rc)
        rc = hl_model_set_ground_temp(run, hl_kusuda_temp_k(&dw->ground, day));
    if (!rc)
        rc = hl_model_set_air_temp(run, out);
    return rc;
}
