/*
 * surge.h - a surge run (struct hl_surge): the MOC net built from a model,
 * the ids and limits the results are told by, and the results gathered
 * while stepping (node envelopes, series of watched nodes, warnings).
 */
#ifndef HL_SURGE_SURGE_H
#define HL_SURGE_SURGE_H

#include "surge/moc.h"
#include "util/util.h"

struct hl_surge {
    surge_net *net;
    text_pool strings; /* ids, owned */
    text_list warn;
    double dx_m, margin_pa;
    double a_min, a_max; /* wave speeds as computed or given */
    /* nodes (one per model node) */
    const char **node_id;
    double *node_chainage;
    double *node_pn; /* lowest PN of the pipes at each node, NaN = none */
    double *pmax, *pmin, *tmax, *tmin, *hmax, *hmin;
    /* pipes on the grid */
    const char **pipe_id;
    double *pipe_pn; /* Pa, NaN = none */
    double *pipe_a;  /* wave speed before the grid's adjustment */
    /* watched nodes and their series */
    int n_watch, *watch, n_samples, cap_samples;
    double *ser_t, *ser_h, *ser_p; /* n_watch per sample (h, p) */
    long steps;
    /* air vessels */
    int n_vessels;
    const char **vessel_id, **vessel_node;
    int *vessel_dev;
    /* relief valves */
    int n_reliefs;
    const char **relief_id, **relief_node;
    int *relief_dev;
    double *relief_cap, *relief_acc; /* kg/s, Pa */
    /* surge tanks */
    int n_tanks;
    const char **tank_id, **tank_node;
    int *tank_dev;
    /* pump-start: the started pump's running speed and mass flow in the
     * model as given (the run's model has it stopped) */
    double start_speed, start_flow;
    const hl_model *ref; /* the running model, while building (friction
                            and losses of links still in the stopped state) */
    /* pumps under pressure control (ids in the net's ctrl order) */
    const char **ctrl_id;
    /* tripped pumps */
    int n_pumps;
    const char **pump_id;
    int *pump_dev;
};

/* Build s->net and the ids from the solved model m with the event of o
 * (surge_from_model.c, the one file that reads the network's layout). */
int surge_from_model(struct hl_surge *s, const hl_model *m,
                     const hl_surge_options *o, hl_error *err);

/* The model is loaded and solved. */
int surge_model_ready(const hl_model *m);
/* Index of the model's node id, -1 if none. */
int surge_model_node(const hl_model *m, const char *id);

#endif
