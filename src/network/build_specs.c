/*
 * build_specs.c - defaults of the element specs the readers fill: NaN for
 * what must be given or is optional, documented defaults otherwise
 * (docs/model-format.md).
 */
#include "network/net.h"

#include <math.h>
#include <string.h>

void net_node_spec_init(net_node_spec *s)
{
    memset(s, 0, sizeof *s);
    s->chainage_m = NAN;
    s->fixed_p_pa = NAN;
    s->inflow_temp_k = NAN;
    s->x_m = s->y_m = NAN;
}

void net_pipe_spec_init(net_pipe_spec *s)
{
    memset(s, 0, sizeof *s);
    s->length_m = s->inner_d_m = s->roughness_m = NAN;
    s->pn_pa = s->law_coef = NAN;
    s->open = 1;
    s->ht = HT_NONE;
    s->ht_value = s->u_diameter_m = s->t_fixed_k = NAN;
    s->thermal_type = -1;
    s->surround = SURR_GROUND;
}

void net_pump_spec_init(net_pump_spec *s)
{
    memset(s, 0, sizeof *s);
    s->rise_pa = NAN;
    s->speed = 1.0;
    s->efficiency = 0.75; /* EPANET's default pump efficiency */
    s->parallel = 1;
    s->running = 1;
    s->control_p_pa = NAN;
}

void net_valve_spec_init(net_valve_spec *s)
{
    memset(s, 0, sizeof *s);
    s->type = VALVE_ISOLATION;
    s->open = 1;
    s->kv_m3_h = NAN;
    s->d_m = NAN;
    s->flow_kg_s = NAN;
}

void net_consumer_spec_init(net_consumer_spec *s)
{
    memset(s, 0, sizeof *s);
    s->heat_w = s->flow_kg_s = s->return_k = s->dt_k = NAN;
}

void net_source_spec_init(net_source_spec *s)
{
    memset(s, 0, sizeof *s);
    s->supply_k = s->heat_w = NAN;
    s->p_out_pa = s->p_in_pa = s->lift_pa = NAN;
    s->pump_efficiency = NAN;
}

void net_hx_spec_init(net_hx_spec *s)
{
    memset(s, 0, sizeof *s);
    s->approach_k = s->ua_w_k = NAN;
    s->design_kg_s = NAN;
}

/* The defaults of a chamber's envelope (docs/physics.md, "Chamber air"):
 * a DN1600-pair section-valve chamber [A], reinforced concrete of ISO
 * 10456:2007 Table 3 (1 % steel, 2.3 W/(m K)) [S], closed [A]. */
void net_chamber_spec_init(net_chamber_spec *s)
{
    memset(s, 0, sizeof *s);
    s->air_k = s->chainage_m = NAN;
    s->geom.length_m = 8.0;
    s->geom.width_m = 6.0;
    s->geom.height_m = 3.5;
    s->geom.wall_m = 0.4;
    s->geom.roof_depth_m = 1.0;
    s->geom.lambda_concrete = 2.3;
    s->geom.lambda_soil = NAN;
    s->air_changes_per_h = 0.0;
}

void net_fitting_spec_init(net_fitting_spec *s)
{
    memset(s, 0, sizeof *s);
    s->count = 1;
    s->state = 0;
    s->area_m2 = s->od_m = NAN;
}
