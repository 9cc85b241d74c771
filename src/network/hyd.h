/*
 * hyd.h - internal state of the hydraulic solver (GGA on node pressures,
 * NUMERICS.md "Hydraulics").
 *
 * Unknowns: one pressure per "group" of nodes that rigid links (fixed-rise
 * pumps, sources, ideal valves and heat-exchanger sides without loss) tie
 * together: p_i = P_group + off_i. A group holding a pressure reference is
 * known; the others are the unknowns of the sparse SPD system
 * A21 D^-1 A12 dP = r, numbered by hyd_order.c (hanging trees and chains
 * first, AMD on the core). The trees and chains are eliminated by
 * hyd_reduce.c, the core factorised by sparse_ldl.c. The sparsity
 * pattern holds
 * every link whose flow depends on pressure, open or closed (a closed link
 * adds zeros), so the ordering and symbolic analysis survive valve
 * operations; only a change of the rigid groups rebuilds them.
 */
#ifndef HL_HYD_H
#define HL_HYD_H

#include "network/net.h"
#include "network/sparse_ldl.h"

#include <cholmod.h>

#define HYD_PUMP_JAC_MAX 16

/* Constants of a pipe's Darcy-Weisbach law at the properties of one
 * hydraulic solve (hyd_pipe_coeffs), so that the Newton assembly
 * evaluates the law with one multiplication for the Reynolds number and
 * no division (hyd_pipe_loss_at). */
typedef struct hyd_pipe_coef {
    double re_per_m;  /* Re per kg/s: d / (A mu) */
    double k_fric;    /* (L/D) / (2 rho A^2): dp = f k_fric m|m| */
    double k_minor;   /* zeta / (2 rho A^2) */
    double k_laminar; /* 32 mu L / (rho A d^2): dp = k_laminar m */
    /* the law's last evaluation in this solve (hydraulics.c, pipe_law):
     * flow (NaN: none yet), loss and slope */
    double m_at, dp_at, grad_at;
} hyd_pipe_coef;

struct net_hyd {
    /* groups */
    int n_unk;
    int *unk;       /* per node: unknown index, or -1 (known pressure) */
    double *off;    /* per node: offset in its group, Pa */
    double *known;  /* per node: pressure when its group is known */
    int *root;      /* per node: the group's root node */
    int *tree_link; /* per node: rigid link to its parent, -1 at roots */
    int *bfs;       /* nodes, each group in breadth-first order */
    signed char *rigid_state; /* open state of rigid links at build time */
    /* matrix */
    cholmod_common cc;
    int cc_started;
    int n_elim;           /* unknowns 0..n_elim-1: tree and chain nodes,
                             eliminated by hyd_reduce.c; the rest: the core */
    cholmod_sparse *a;    /* the core's upper triangle (core numbering) */
    hyd_ldl ldl;          /* its factorisation (sparse_ldl.c) */
    double *rhs;          /* n_unk: right-hand side, then the solution */
    int *slot_jj;         /* per link: scratch of the pattern's build */
    int *slot_ij;         /* per link: its value slot in a, -1 none */
    int *eslot;           /* per link: its slot in ew, -1 none */
    int *diag;            /* per core unknown: diagonal slot in a */
    int *perm;            /* per unknown: the order */
    int *enb;             /* 2 per tree or chain unknown: its neighbours
                             left when it is eliminated, -1 none */
    double *ew;           /* 2 per tree or chain unknown: their weights */
    double *dg;           /* per unknown: the diagonal, then its reduction */
    double *epiv;         /* per tree or chain unknown: 1 / its pivot */
    int *fill_e, *fill_c; /* per tree or chain unknown: the slot (ew or
                             a) of the series link its elimination adds
                             between its two neighbours, -1 none */
    /* per-iteration data */
    double *w, *y, *loss, *m_prev; /* per link */
    double *grav;                  /* per link: rho g (z_from - z_to) */
    hyd_pipe_coef *pc;             /* per pipe: Darcy-Weisbach constants */
    double *pn;                    /* per node: pressure this step */
    double *p_unk, *p_unk_prev;    /* per unknown */
    double *resp;                  /* per unknown: a pressure response */
    double *dem;                   /* per node: fixed outflow */
    double *imb;                   /* per node: imbalance */
    int *comp;                     /* union-find over unknowns */
    signed char *comp_ref;         /* per root unknown: referenced */
    signed char *unk_cut;          /* per unknown: no reference */
    signed char *comp_active;      /* per link: active when the parts
                                      were last found */
    int comp_builds;               /* builds then; -1 = find again */
    int built;
    int builds;          /* counts rebuilds of the structure */
    int pressure_driven; /* consumers in the pattern when it was built */
    /* pump_control.c: the last Jacobian of the controlled pumps' misses
     * over their speeds, kept while the steps it gives keep the misses
     * falling (HYD_PUMP_JAC_MAX pumps at most) */
    int pj_n;        /* pumps in it; 0: none */
    int pj_builds;   /* the structure it was taken on */
    double pj_worst; /* Pa: largest miss at its last step */
    int pj_pumps[HYD_PUMP_JAC_MAX];
    double pj_jac[HYD_PUMP_JAC_MAX * HYD_PUMP_JAC_MAX];
};

/* (Re)build groups, unknowns, pattern and analysis when the rigid links'
 * states changed (or on the first call). */
int hyd_topology(hl_model *m, struct net_hyd *h);
/* The core matrix and its value slots once the unknowns are numbered and
 * n_elim, enb are set (hyd_reduce.c); h->n_elim becomes 0 should the
 * order's neighbours not match the links (the whole system the core). */
int hyd_reduce_build(hl_model *m, struct net_hyd *h);
/* Eliminate the tree and chain unknowns from the assembled values (dg,
 * ew, the core's off-diagonals in a) and factorise the core. Returns -1,
 * or the first unknown whose pivot is zero or NaN (*nan_pivot: NaN). */
int hyd_reduce_factor(struct net_hyd *h, int *nan_pivot);
/* x := A^-1 x (n_unk values) with the last hyd_reduce_factor. */
void hyd_reduce_solve(const struct net_hyd *h, double *x);
/* Free the matrix, its factor and the right-hand side; the common block
 * (cc) stays started. */
void hyd_free_matrix(struct net_hyd *h);
/* Mark unknowns cut off from every reference by closed links; returns
 * HL_ETOPOLOGY when such a part must carry flow. */
int hyd_components(hl_model *m, struct net_hyd *h);
/* Pressure of node i from the group values. */
double hyd_node_pressure(const struct net_hyd *h, int i);
/* After a solve: the response of the unknown group pressures (h->resp)
 * to a change d_loss (Pa) of link k's pressure loss at its solved flow,
 * from the last Newton matrix. */
int hyd_loss_response(hl_model *m, int k, double d_loss);

/* hyd_link_loss of a pipe: the Newton assembly calls it directly, as
 * nearly every link is one. */
double hyd_pipe_loss(hl_model *m, int k, double mf, double *grad);
/* The constants of every pipe at the current lk_rho and lk_mu (Darcy-
 * Weisbach networks only), and hyd_pipe_loss of link k (a pipe) from
 * them: equal to it up to rounding. */
void hyd_pipe_coeffs(hl_model *m, struct net_hyd *h);
double hyd_pipe_loss_at(hl_model *m, const hyd_pipe_coef *c, int k, double mf,
                        double *grad);
double hyd_pump_shutoff(const hl_model *m, int i, double rho);
double hyd_pump_max_flow(const hl_model *m, int i);
double hyd_pump_design_flow(const hl_model *m, int i);

/* How link k enters the equations in this run: the network's law, except
 * that a pressure-driven consumer (hl_model.pressure_driven) is a matrix
 * link whose loss law is its fully open valve up to the flow it asks
 * (hyd_links.c), and that it lets no water through backwards (a check
 * valve: a consumer cannot push water from its return to its supply). */
static inline int hyd_law(const hl_model *m, int k)
{
    int law = m->net->lk_law[k];
    return law == LAW_FIXED && m->pressure_driven &&
                   m->net->lk_kind[k] == LK_CONSUMER
               ? LAW_MATRIX
               : law;
}
static inline int hyd_check(const hl_model *m, int k)
{
    return m->net->lk_check[k] ||
           (m->pressure_driven && m->net->lk_kind[k] == LK_CONSUMER);
}

/* Pressure-driven consumer link k, given the differential pressure dp
 * (p_from - p_to + rho g dz) of the current iterate: its loss and slope
 * (*grad) on the branch that dp says, with its flow moved onto that
 * branch: dp at or above the minimum, the valve controls (the barrier at
 * the flow asked); below it, the fully open valve (at most the asked
 * flow). Linearised at the flow alone, a consumer on the barrier with a
 * dp below the minimum would move by next to nothing per step and
 * Newton, judging by flow changes, would stop there; one on the open law
 * given much more than the minimum would overshoot far past the asked
 * flow (hyd_links.c). For the same reason the flow changes alone do not
 * say Newton has converged: hyd_consumer_settled is 1 when the
 * consumer's law holds at its flow and dp (within 1e-4 of its minimum
 * differential pressure). */
double hyd_consumer_linearise(hl_model *m, int k, double dp, double *grad);
int hyd_consumer_settled(hl_model *m, int k, double dp);

/* 1 if link k carries flow in the equations now. */
int hyd_link_active(const hl_model *m, int k);
#define HYD_ACTIVE(m, k) ((m)->lk_open[k] && !(m)->lk_cv_shut[k])

#endif
