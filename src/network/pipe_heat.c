/*
 * pipe_heat.c - the linear thermal resistances of every pipe (K m / W), as
 * the thermal solver needs them: (T - T0) = r11 q for a single pipe, and
 * the 2x2 matrix r11, r22, r12 of a pair (include/heatline_pipe.h).
 * - datasheet linear coefficient U' (W/(m K)):  r11 = 1 / U';
 * - U (W/(m2 K)) on a stated surface of diameter d:  r11 = 1 / (U pi d);
 * - layer build-up and laying: hl_pipe_thermal_solve at the mean
 *   temperatures of the pipes of that type (exact for constant lambda).
 */
#include "network/thermal.h"

#include <math.h>
#include <stdlib.h>

/* Mean supply / return temperatures of the pipes of each thermal type. */
static void type_temperatures(const hl_model *m, int ty, double *t1, double *t2)
{
    double s[2] = {0, 0};
    int n[2] = {0, 0};
    for (int i = 0; i < m->net->n_pipes; i++) {
        if (m->net->pp_ttype[i] != ty || isnan(m->pp_tin[i]))
            continue;
        int r = m->net->pp_role[i] ? 1 : 0;
        s[r] += 0.5 * (m->pp_tin[i] + m->pp_tout[i]);
        n[r]++;
    }
    *t1 = n[0] ? s[0] / n[0] : NAN;
    *t2 = n[1] ? s[1] / n[1] : NAN;
}

static int update_types(hl_model *m, double t_guess)
{
    for (int ty = 0; ty < m->net->n_ttypes; ty++) {
        double t1, t2;
        type_temperatures(m, ty, &t1, &t2);
        if (isnan(t1))
            t1 = t_guess;
        if (isnan(t2))
            t2 = isnan(t1) ? t_guess : t1;
        hl_pipe_thermal out;
        hl_error err;
        hl_error_clear(&err);
        const net_thermal_spec *ts = &m->net->ttype[ty];
        double t0 = ts->surround == SURR_AIR    ? m->t_air
                    : ts->surround == SURR_DUCT ? m->t_duct
                                                : m->t_ground;
        hl_pipe_laying laying = ts->laying; /* the network's is shared */
        laying.air.air_k = laying.air.radiant_k = t0;
        if (hl_pipe_thermal_solve(&laying, t1, t2, t0, &out, &err)) {
            char pos[300];
            net_where(m, ts->where, pos, sizeof pos);
            return net_fail(m, err.code, "%s: pipe type: %s", pos, err.message);
        }
        m->tt_r[3 * ty] = out.r11;
        m->tt_r[3 * ty + 1] = out.r22;
        m->tt_r[3 * ty + 2] = out.r12;
    }
    return HL_OK;
}

int pipe_heat_update(hl_model *m, double t_guess)
{
    if (m->net->n_ttypes && update_types(m, t_guess))
        return m->err.code;
    for (int i = 0; i < m->net->n_pipes; i++) {
        double v = m->net->pp_htv[i];
        m->pp_r12[i] = 0.0;
        switch (m->net->pp_ht[i]) {
        case HT_LINEAR:
            m->pp_r11[i] = 1.0 / v;
            break;
        case HT_U:
            m->pp_r11[i] = 1.0 / (v * M_PI * m->net->pp_ud[i]);
            break;
        case HT_BUILDUP: {
            const double *r = m->tt_r + 3 * m->net->pp_ttype[i];
            m->pp_r11[i] = m->net->pp_role[i] ? r[1] : r[0];
            m->pp_r12[i] = m->net->pp_pair[i] >= 0 ? r[2] : 0.0;
            break;
        }
        default:
            m->pp_r11[i] = INFINITY;
        }
    }
    return HL_OK;
}
