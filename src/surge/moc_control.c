/*
 * moc_control.c - running pumps whose drive keeps a pressure through the
 * event (docs/physics.md, "Surge: pumps under pressure control").
 *
 * The steady model holds some pumps' speeds on a pressure (a relay
 * station's discharge, a circulation pump's suction: pump_control.c).
 * Held at their running speed through a transient, such pumps run up or
 * down their curves on the new flows and can hold a line above its PN for
 * good after a trip elsewhere. With the control acting, the drive moves
 * the speed after each step by an integral law with a rate limit:
 *
 *   ds/dt = -sign * clamp((p_node - p_set) / band, -1, 1) * ramp * s_0
 *
 * sign +1 for a node downstream of the pump, -1 for its suction (a faster
 * pump pulls its suction down). Integral action leaves no offset at the
 * end state; the ramp is the drive's acceleration/deceleration limit
 * (frequency converters are set to some 10-60 s from standstill to full
 * speed), the band the miss at which the drive asks for its full ramp.
 * The update is explicit (the speed of the next step from this step's
 * pressure), as a drive acts on a measured pressure; the set point is the
 * node's steady pressure, so an event-free run stays at rest.
 */
#include "surge/moc.h"

#include <math.h>
#include <stdlib.h>

int surge_control_add(surge_net *s, int dev, int node, int sign)
{
    surge_ctrl *c = realloc(s->ctrl, sizeof *c * ((size_t)s->n_ctrl + 1));
    if (!c)
        return -1;
    s->ctrl = c;
    c += s->n_ctrl++;
    c->dev = dev;
    c->node = node;
    c->sign = (signed char)(sign < 0 ? -1 : 1);
    c->p_set = s->nd_p[node];
    c->s_init = s->dv_s0[dev];
    /* a drive runs up to the pump's nominal speed (1), or its running
     * speed if that is above it */
    c->s_max = fmax(c->s_init, 1.0);
    c->s_min_seen = c->s_max_seen = c->s_init;
    return 0;
}

void surge_control_step(surge_net *s)
{
    for (int i = 0; i < s->n_ctrl; i++) {
        surge_ctrl *c = &s->ctrl[i];
        double miss = c->sign * (s->nd_p[c->node] - c->p_set) / s->ctrl_band;
        double ask = fmax(-1.0, fmin(1.0, miss));
        double speed =
            s->dv_s0[c->dev] - ask * s->ctrl_ramp * c->s_init * s->dt;
        speed = fmax(0.0, fmin(c->s_max, speed));
        /* the running speed of an untripped pump (surge_pump_speed) */
        s->dv_s0[c->dev] = speed;
        c->s_min_seen = fmin(c->s_min_seen, speed);
        c->s_max_seen = fmax(c->s_max_seen, speed);
    }
}
