/*
 * adapter.h - what the transport engine takes from a run of the steady
 * engine (transport_from_model.c, the only file that reads net.h).
 */
#ifndef HL_TRANSPORT_ADAPTER_H
#define HL_TRANSPORT_ADAPTER_H

#include "heatline.h"
#include "transport/transport.h"

/* The engine's network for run (solved once): topology, pipe masses at
 * the run's densities, wall capacities (wall = 0: none), soil nodes
 * (soil = 1). */
int tr_adapter_open(tr_net **out, const hl_model *run, int wall, int soil);
void tr_adapter_close(tr_net *n);
/* Flows, resistances, boundary flows and fitting losses of the run's last
 * solve, then tr_adapter_boundary. */
void tr_adapter_hydraulics(tr_net *n, const hl_model *run);
/* The fitting heat tables of run `from` to run `to`, a fresh clone of
 * the same model, where they hold for it (fitting_tables_move): a retry's
 * clone need not tabulate the fittings again. */
void tr_adapter_keep_tables(hl_model *to, hl_model *from);
/* Set points and surroundings of the run now. */
void tr_adapter_boundary(tr_net *n, const hl_model *run);
/* Temperatures at each pipe's from- and to-end of the last solve. */
void tr_adapter_pipe_ends(const hl_model *run, double *t_from, double *t_to);
double tr_adapter_node_temp(const hl_model *run, int v);
/* Fixed-flow consumers: the flow before scaling, kg/s. */
void tr_adapter_set_consumer_flow(hl_model *run, int c, double flow_kg_s);
int tr_adapter_consumer_by_flow(const hl_model *run, int c);

/* Supply set point of source s on the run, K (read and write: the
 * hydraulic solve shifts it for the water arriving, dynamic.c). */
double tr_adapter_setpoint(const hl_model *run, int s);
void tr_adapter_set_setpoint(hl_model *run, int s, double t_k);

/* The boundary conditions and element states a caller sets on a run
 * (hl_model_set_*) from src to dst, a run of the same network. */
void tr_adapter_copy_conditions(hl_model *dst, const hl_model *src);

#endif
