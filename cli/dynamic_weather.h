/*
 * dynamic_weather.h - weather-driven conditions for `heatline dynamic`
 * (dynamic_weather.c).
 */
#ifndef HL_CLI_DYNAMIC_WEATHER_H
#define HL_CLI_DYNAMIC_WEATHER_H

#include "cli.h"

typedef struct dyn_weather {
    hl_weather w;
    int first, count; /* hours of the run in w */
    hl_operation op;
    hl_kusuda ground;
    double model_load_w, scale0;
    int op_origin; /* enum hl_operation_origin */
} dyn_weather;

/* The line saying where the operation came from (text), or its JSON
 * object (dyn_operation_json: a new reference). */
void dyn_operation_print(const dyn_weather *dw);
json_t *dyn_operation_json(const dyn_weather *dw);

/* Weather (path NULL: the embedded Hohhot year), the hours from..to
 * (NULL: the heating season), the operation rules of model m. */
int dyn_weather_open(dyn_weather *dw, const hl_model *m, const char *path,
                     const char *from, const char *to, hl_error *err);
void dyn_weather_close(dyn_weather *dw);
double dyn_weather_span_s(const dyn_weather *dw);
/* Outdoor temperature t_s seconds after the first hour, K. */
double dyn_outdoor_k(const dyn_weather *dw, double t_s);
/* Demand, supply set point (at the forecast for t + lead_s), ground and
 * air at time t_s on the run. */
int dyn_weather_apply(const dyn_weather *dw, hl_model *run, double t_s,
                      double lead_s);

#endif
