/* season_access.c - names of scenarios and fitting states, and the
 * getters of a finished season. */
#include "season_internal.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

int hl_scenario_from_name(const char *name)
{
    for (int s = 0; s < HL_SCEN_COUNT; s++)
        if (name && strcmp(name, hl_scenario_name(s)) == 0)
            return s;
    return -1;
}

const char *hl_scenario_name(int scenario)
{
    static const char *const names[HL_SCEN_COUNT] = {"as-is", "coated",
                                                     "jacketed"};
    return scenario >= 0 && scenario < HL_SCEN_COUNT ? names[scenario] : "?";
}

const char *hl_fitting_state_name(int state)
{
    static const char *const names[HL_FIT_NSTATES] = {"bare", "coated",
                                                      "jacketed"};
    return state >= 0 && state < HL_FIT_NSTATES ? names[state] : "?";
}

int hl_season_hours(const hl_season *s)
{
    return s->n_hours;
}
int hl_season_weather_index(const hl_season *s, int k)
{
    return (s->first + k) % s->weather->n;
}
double hl_season_outdoor_k(const hl_season *s, int k)
{
    return s->outdoor_k[k];
}
double hl_season_ground_k(const hl_season *s, int k)
{
    return s->ground_k[k];
}
double hl_season_demand_w(const hl_season *s, int k)
{
    return s->demand_w[k];
}
double hl_season_supply_k(const hl_season *s, int k)
{
    return s->supply_k[k];
}
int hl_season_scenario_count(const hl_season *s)
{
    return s->n_scen;
}
const hl_season_scenario *hl_season_scenario_at(const hl_season *s, int i)
{
    return i >= 0 && i < s->n_scen ? &s->scen[i] : NULL;
}
const hl_season_scenario *hl_season_find(const hl_season *s, int scenario)
{
    for (int i = 0; i < s->n_scen; i++)
        if (s->scen[i].scenario == scenario)
            return &s->scen[i];
    return NULL;
}
int hl_season_fitting_count(const hl_season *s)
{
    return s->n_fit;
}
const hl_season_fitting *hl_season_fitting_at(const hl_season *s, int i)
{
    return i >= 0 && i < s->n_fit ? &s->fit[i] : NULL;
}
int hl_season_chamber_count(const hl_season *s)
{
    return s->n_ch;
}
const char *hl_season_chamber_id(const hl_season *s, int i)
{
    return i >= 0 && i < s->n_ch ? s->ch_id[i] : NULL;
}
double hl_season_chamber_chainage_m(const hl_season *s, int i)
{
    return i >= 0 && i < s->n_ch ? s->ch_chainage_m[i] : NAN;
}
const char *hl_season_model_name(const hl_season *s)
{
    return s->model_name;
}
const hl_operation *hl_season_operation(const hl_season *s)
{
    return &s->op;
}
int hl_season_operation_origin(const hl_season *s)
{
    return s->op_origin;
}
const hl_weather *hl_season_weather(const hl_season *s)
{
    return s->weather;
}
const hl_season_options *hl_season_options_used(const hl_season *s)
{
    return &s->opt;
}
int hl_season_lead_stats(const hl_season *s, int with_lead,
                         const hl_season_lead **out)
{
    if (!out)
        return HL_EINVAL;
    *out = NULL;
    int i = with_lead ? 0 : 1;
    if (!s || !s->have_lead[i])
        return HL_ESTATE;
    *out = &s->lead[i];
    return HL_OK;
}

int hl_season_warning_count(const hl_season *s)
{
    return s ? s->warnings.n : 0;
}

const char *hl_season_warning(const hl_season *s, int i)
{
    return s && i >= 0 && i < s->warnings.n ? s->warnings.line[i] : NULL;
}

int hl_season_infeasible_hours(const hl_season *s)
{
    return s ? s->infeasible_hours : 0;
}

int hl_season_violation_count(const hl_season *s)
{
    return s ? s->violations.n : 0;
}

const char *hl_season_violation(const hl_season *s, int i)
{
    return s && i >= 0 && i < s->violations.n ? s->violations.line[i] : NULL;
}

int hl_season_hour_warning_count(const hl_season *s)
{
    return s ? s->hour_warnings.n : 0;
}

const char *hl_season_hour_warning(const hl_season *s, int i)
{
    return s && i >= 0 && i < s->hour_warnings.n ? s->hour_warnings.line[i]
                                                 : NULL;
}

const char *season_keep(hl_season *s, const char *text)
{
    if (text_list_add(&s->strings, "%s", text ? text : "")) {
        s->out_of_memory = 1;
        return "";
    }
    return s->strings.line[s->strings.n - 1];
}

void season_warn(hl_season *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (text_list_vadd(&s->warnings, fmt, ap))
        s->out_of_memory = 1;
    va_end(ap);
}
