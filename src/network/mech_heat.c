/*
 * mech_heat.c - pump and friction heat (docs/physics.md "Pump and friction
 * heat"). The energy equation of steady adiabatic flow keeps h + g z + w
 * (enthalpy, height, shaft work per kg); the thermal sweep carries the
 * enthalpy of the property table, h_T(T) at the table pressure, so a link
 * changes h_T by what leaves the pressure and height terms:
 *
 *     d = w + (dh/dp)_T (p_up - p_down) - g (z_down - z_up)   [J/kg]
 *
 * with (dh/dp)_T = v (1 - beta T) (IAPWS-IF97 region 1) at the link's
 * inlet temperature and w = rise / (rho eta) the shaft work of a running
 * pump (the motor's losses stay outside the water). Along a pipe d is
 * the friction heat (the temperature change at constant enthalpy, the
 * throttling of liquid water) less the expansion on the way uphill; in a
 * pump it is the shaft work less the part that became pressure, which
 * friction downstream returns. Pipes, pumps and valves carry it;
 * consumers, sources and heat exchangers keep their own heat accounts.
 */
#include "network/thermal.h"

#include <math.h>

double mech_heat_per_kg(const hl_model *m, int k, double t_in)
{
    int kind = m->net->lk_kind[k];
    if (!m->mech_heat || !m->nd_p ||
        (kind != LK_PIPE && kind != LK_PUMP && kind != LK_VALVE))
        return 0.0;
    int fwd = m->lk_m[k] >= 0.0;
    int up = fwd ? m->net->lk_from[k] : m->net->lk_to[k];
    int dn = fwd ? m->net->lk_to[k] : m->net->lk_from[k];
    double p_up = m->nd_p[up], p_dn = m->nd_p[dn];
    if (!isfinite(p_up) || !isfinite(p_dn))
        return 0.0; /* no hydraulic solution yet (a warm predictor) */
    double w = 0.0;
    if (kind == LK_PUMP && p_dn > p_up)
        w = (p_dn - p_up) / (m->lk_rho[k] * m->net->pu_eff[m->net->lk_sub[k]]);
    /* a valve only ever throttles: a flow-control valve that would need
     * the pressure to rise through it is already a violation (checks.c),
     * and must not cool the water as if it were a turbine */
    double drop = p_up - p_dn;
    if (kind == LK_VALVE && drop < 0.0)
        drop = 0.0;
    /* (dh/dp)_T at the pipe's mean temperature of the last sweep where
     * known: a pipe cut in two then gets the same heat to second order */
    double t_c = t_in;
    if (kind == LK_PIPE && isfinite(m->pp_tout[m->net->lk_sub[k]]))
        t_c = 0.5 * (t_in + m->pp_tout[m->net->lk_sub[k]]);
    double c = fluid_dhdp(&m->net->fluid, t_c);
    return w + c * drop - m->net->g * (m->net->nd_z[dn] - m->net->nd_z[up]);
}
