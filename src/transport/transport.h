/*
 * transport.h - the transport engine's own view of a network (docs/physics.md,
 * "Temperature in time"): temperature carried with the water through every
 * pipe as Lagrangian parcels, the heat stored in the water, the steel walls
 * and (optionally) a lumped soil node per buried pipe, mixing at nodes by
 * mass, and the energy account of every step.
 *
 * The engine knows nothing of the model file or of net.h: one adapter
 * (transport_from_model.c) fills a tr_net from a solved run of the steady
 * engine (topology once; flows, resistances and set points at every
 * hydraulic step). SI inside: K, kg, kg/s, J, W, s.
 */
#ifndef HL_TRANSPORT_H
#define HL_TRANSPORT_H

#include <stddef.h>

/* Kinds of link the engine distinguishes. */
enum tr_kind {
    TR_PIPE = 0,
    TR_PASS,     /* pump or valve: the water passes (pump heat: lk_heat) */
    TR_CONSUMER, /* draws heat at the arriving temperature */
    TR_SOURCE,   /* sets its outlet temperature, or adds a heat rate */
    TR_HX_PRI,   /* the two sides of a heat exchanger */
    TR_HX_SEC
};

/* One parcel of water: mass, temperature and when (on average) its water
 * left a source (its age is the time since). tref: the fraction of the
 * current step at which t holds (0 at the step's start). */
typedef struct tr_parcel {
    double mass, t, born, tref;
    double rate, t_eq; /* this step: 1/s and K it relaxes towards */
    double span;       /* s over which its water entered (t: at the mean) */
    int early_to;      /* 1: its earliest water is towards the to-end */
    double h; /* J/kg: the fluid's enthalpy at t as the last ageing found
                 it, so the next starts from it instead of evaluating it
                 again (the same value); 0: not known (a new, joined or
                 split parcel), found from t when needed */
} tr_parcel;

/* A pipe whose parcels all relax at one rate towards one temperature
 * (constant heat capacity; no wall volume, soil node, partner or
 * friction heat: an EPANET import's pipes) keeps them in epoch form
 * (epoch.c): a parcel's t is its excess over teq at the pipe's epoch, its
 * temperature now teq + t e0, so a step ages the whole pipe by one
 * product instead of each parcel by an exponential. */
typedef struct tr_epoch {
    int on;            /* 1: the parcels' t are excesses at the epoch */
    unsigned long gen; /* the net's gen rate and teq were found for */
    double rate, teq;  /* 1/s, K */
    double e0;         /* e^(-rate (now - epoch)), now: the step's start */
    double decay;      /* e^(-rate step) */
    double half;       /* e^(-rate step / 2) */
    double m, mt;      /* kg of water held; its sum of mass x t, kg K
                          (kept as parcels come and go: the step's end
                          reads no parcel) */
    double x;          /* J: the water's excess heat over teq at e0 */
    double dx;         /* J: excess heat in minus out during the step */
} tr_epoch;

/* The parcels of one pipe, in order from its from-end to its to-end. The
 * two end parcels live in the pipe's own state, the ones between them in
 * a ring buffer on the heap that grows by doubling (no allocation per
 * parcel). Why the ends: a step reads the parcel at the inlet (to join the
 * new water) and the one at the outlet (to take the step's outflow) of
 * every pipe, and with them beside the state that is one miss of the
 * cache per pipe, not three; the heap is touched only when a parcel
 * enters or leaves the middle (once per parcel, not once per step). */
typedef struct tr_pipe_state {
    tr_parcel *mid; /* ring of the parcels 1 .. n-2 (cap, from head) */
    int cap, head, n;
    int id; /* the pipe's index (the state's place follows the flow) */
    tr_epoch ep;
    tr_parcel end[2]; /* parcel 0 (from-end), and n-1 once n >= 2 */
} tr_pipe_state;

/* Water of a node or a link outlet over one step: temperature, enthalpy,
 * mean source-leaving time of its water, current travel time. */
typedef struct tr_flowinfo {
    double t, h, born, tau;
} tr_flowinfo;

/* What a node gathers over a step, together (one line of the cache per
 * node instead of one per array): the mass flowing in (kg/s), its
 * enthalpy and source time flow-weighted (sums), the inflows still
 * unknown, and whether the node was visited. */
typedef struct tr_gather {
    double m, h, born;
    int indeg, done;
} tr_gather;

/* A link as a step reads it, from the hour's flows (one line of the
 * cache per two links instead of one per array; refreshed whenever the
 * net's gen changes, after the pipes' rates): flow from -> to and its
 * magnitude, kg/s; the nodes the water comes from and goes to; the index in its
 * kind's arrays; the kind, whether it flows (above TR_ZERO_FLOW), whether from
 * -> to, and whether its outlet over the step was known first (the step's). */
typedef struct tr_link_hot {
    double m, mf;
    int up, down, sub;
    signed char kind, flowing, fwd, ready;
    signed char epoch;  /* a pipe in epoch form: its outlet is taken in the
                           order of the pipes' states (step_start) */
    signed char delays; /* a pipe holding at least a step's flow: its
                           outlet over the step is known first */
} tr_link_hot;

/* Fluid properties the engine needs (the adapter provides them). */
typedef struct tr_fluid {
    const void *ctx;
    double (*h)(const void *ctx, double t_k);  /* J/kg */
    double (*cp)(const void *ctx, double t_k); /* J/(kg K) */
    double (*t_from_h)(const void *ctx, double h);
    /* J/(kg K), above 0 where the heat capacity is constant: then h =
     * cp_const (T - t_zero), and tr_h, tr_cp and tr_t compute that
     * themselves (the same expressions as the functions above, without a
     * call per parcel) */
    double cp_const, t_zero;
} tr_fluid;

static inline double tr_h(const tr_fluid *f, double t_k)
{
    return f->cp_const > 0.0 ? f->cp_const * (t_k - f->t_zero)
                             : f->h(f->ctx, t_k);
}

static inline double tr_cp(const tr_fluid *f, double t_k)
{
    return f->cp_const > 0.0 ? f->cp_const : f->cp(f->ctx, t_k);
}

static inline double tr_t(const tr_fluid *f, double h)
{
    return f->cp_const > 0.0 ? f->t_zero + h / f->cp_const
                             : f->t_from_h(f->ctx, h);
}

typedef struct tr_net {
    int n_nodes, n_links, n_pipes, n_consumers, n_sources, n_hx;
    tr_fluid fluid;
    /* topology (fixed) */
    int *lk_from, *lk_to;
    signed char *lk_kind;
    int *lk_sub; /* index in the kind's arrays */
    int *adj_start, *adj_link;
    /* pipes (fixed) */
    int *co_link, *so_link; /* each consumer's and source's link */
    int *pp_link;
    double *pp_len, *pp_mass; /* m; kg of water the pipe holds */
    double *pp_wallc;         /* J/K of each end's wall volume (half) */
    int *pp_pair;             /* partner pipe or -1 */
    signed char *pp_pair_same;
    double *pp_soilc; /* J/K per metre of the soil node; 0 = none */
    double *pp_soilf; /* share of r11 between the water and the node */
    /* per hydraulic step (the adapter) */
    double *lk_m;            /* kg/s from -> to */
    double *lk_heat;         /* W the pumps and valves put into the water
                                (the steady engine's, issue 13) */
    double *pp_qf;           /* W/m friction heat a pipe puts into its
                                water, spread along it (the steady
                                engine's, issue 13) */
    double *pp_r11, *pp_r12; /* K m / W; r11 inf = adiabatic */
    double *pp_amb;          /* K, surroundings now */
    double amb_key[3];       /* the run's air, duct and ground temperature
                                pp_amb was filled for (the adapter's) */
    int amb_valid;
    unsigned long gen;         /* changes whenever the adapter writes the pipes'
                                  resistances, friction heat or surroundings */
    signed char *co_fixed_ret; /* 1: return temperature fixed */
    double *co_tret, *co_dt;   /* K */
    double *so_tsup;           /* K; NaN = heat mode */
    double *so_heat;           /* W (heat mode) */
    int *hx_pri, *hx_sec;      /* links */
    signed char *hx_mode;      /* 0 approach, 1 UA */
    double *hx_approach, *hx_ua;
    double *nd_in;    /* kg/s entering at the node from outside */
    double *nd_in_t;  /* K of that water */
    double *nd_out;   /* kg/s leaving at the node to outside */
    double *nd_fit_w; /* W lost by the fittings at the node */
} tr_net;

/* Energy of one step (J) and the stored heat (J, relative to water at
 * 0 C and walls at 0 C). */
typedef struct tr_energy {
    double in_sources, in_boundary, in_pumps;
    double boundary_gross; /* water entering plus leaving, J (a scale) */
    double delivered, lost_pipes, lost_fittings;
    double stored_water, stored_wall, stored_soil;
} tr_energy;

/* The dynamic state of a network. */
typedef struct tr_state {
    const tr_net *net;
    double time_s, step_s, merge_tol_k;
    tr_pipe_state *pipe;  /* the pipes' states in the order the last
                             hour's first step reached them (so a step
                             walks them nearly in order of memory) */
    tr_pipe_state *spare; /* the layout's second array (swapped with pipe:
                             no allocation per hour, whose churn through
                             the heap grew a season's peak memory by 27 MB) */
    int *slot;            /* per pipe index: its state's place in pipe */
    int *touch, n_touch;  /* pipes in the order a step reached them */
    signed char *touched;
    int recording;       /* 1: this step records touch (the first of an hour) */
    double *vol_t;       /* 2 per pipe: wall volume at from- and to-end, K */
    double *soil_t;      /* per pipe: soil node, K */
    tr_flowinfo *node;   /* this step's mixed water per node */
    tr_flowinfo *lk_out; /* this step's water leaving each link */
    double *co_tin, *co_tout, *co_q; /* consumer results of the step */
    double *so_tin, *so_tout, *so_q;
    double *hx_q;
    /* sweep work */
    tr_gather *acc;
    int *queue;
    double *tauin;
    tr_link_hot *lk;
    int *out_start, *out_link; /* per node the links its water flows into,
                                  in adjacency order (the hour's) */
    unsigned long lk_gen;      /* the net's gen lk and out_* hold */
    int *hx_pending;
    tr_energy step, total;
    double stored_start;
    int torn;          /* nodes torn in the last step (loops without delay) */
    double *tau;       /* per node: current travel time from the sources, s */
    double *pipe_gain; /* per pipe: heat its water gave this step, J */
    int cur_pipe;      /* the pipe whose parcels are being aged */
    /* fixed for the run (tr_state_new): per pipe the water per metre,
     * kg/m (0 for a pipe of no length), and whether any pipe has a wall
     * volume or a soil node (none: their sums and steps are skipped) */
    double *mpm;
    int has_wall, has_soil;
    /* the last two exponentials of tr_parcel_age: parcels of one pipe at
     * one heat capacity share their rate and, over whole steps, their
     * time, so one exp serves them all (the same value, not an
     * approximation); two, because the parcel that entered at mid-step
     * ages over half a step beside the others' whole one */
    double memo_arg[2], memo_exp[2];
    int memo_next; /* the slot a miss overwrites */
    /* per pipe: the rate and equilibrium of its parcels with no partner at
     * heat capacity rc_cp, valid while rc_gen is the net's gen (the hour's
     * resistances and surroundings; same_rates) */
    unsigned long *rc_gen;
    double *rc_cp, *rc_rate, *rc_teq;
    int epoch_off; /* 1: every pipe ages its parcels one by one (the
                      check of the epoch form, epoch.c) */
    /* parcels in flight and the bytes their buffers hold (tr_count) */
    long parcels;
    size_t parcel_bytes;
} tr_state;

/* The state of pipe i. */
static inline tr_pipe_state *tr_pipe(const tr_state *s, int i)
{
    return &s->pipe[s->slot[i]];
}

/* ---- parcels (parcels.c) ------------------------------------------------ */
/* Parcel i of a pipe, 0 at its from-end. */
static inline tr_parcel *tr_pipe_at(const tr_pipe_state *s, int i)
{
    if (i == 0 || i == s->n - 1)
        return (tr_parcel *)&s->end[i != 0];
    return &s->mid[(s->head + i - 1) & (s->cap - 1)];
}
/* Bytes a pipe's parcels take (its two end slots and its ring). */
static inline size_t tr_pipe_bytes(const tr_pipe_state *s)
{
    return (size_t)(2 + s->cap) * sizeof(tr_parcel);
}
int tr_pipe_push(tr_pipe_state *s, int at_to_end, const tr_parcel *p,
                 double tol);
/* Take mass from one end; the pieces (in the order they leave) go to
 * out(ctx, piece), which may change them (they are no longer the pipe's,
 * and valid only during the call). Returns the mass taken (less if the
 * pipe ran empty). */
double tr_pipe_pop(tr_pipe_state *s, int at_to_end, double mass,
                   void (*out)(void *ctx, tr_parcel *piece), void *ctx);
double tr_pipe_mass(const tr_pipe_state *s);
void tr_pipe_free(tr_pipe_state *s);

/* ---- exact kernels (kernels.c) ------------------------------------------ */
/* exp(x), within rounding, cheaper for the small |x| of a step's
 * relaxation. */
double tr_exp(double x);
/* Excess temperature theta after dt towards theta_eq at rate a (1/s):
 * exact for constant a and theta_eq; never crosses theta_eq. */
double tr_relax(double theta, double theta_eq, double a, double dt);
/* A mixing volume of capacity c (J/K) at t0 fed for dt by mflow (kg/s) of
 * water at t_in (enthalpy h_in, the caller's: no inversion of h here):
 * its new temperature and the enthalpy leaving (energy exact:
 * c (t1 - t0) = mflow dt (h_in - h_out)). */
double tr_volume(const tr_fluid *f, double c, double t0, double mflow,
                 double t_in, double h_in, double dt, double *h_out);
/* Heat from primary to secondary of an exchanger, W. */
double tr_hx_heat(const tr_net *n, int h, double tp, double ts, double mp,
                  double ms);

/* ---- engine (engine.c, step.c) ------------------------------------------ */
int tr_state_new(tr_state **out, const tr_net *net, double step_s,
                 double merge_tol_k);
void tr_state_free(tr_state *s);
/* Fill every pipe with parcels (about a step's flow each, at most 16):
 * from-end temperature t_from, to-end t_to per pipe, between them the
 * steady profile of a single pipe (expo = 1) or linear (expo = 0); walls
 * and soil at the water's temperature. */
int tr_state_fill(tr_state *s, const double *t_from, const double *t_to,
                  double born, int expo);
/* Stored heat now, J (water, walls, soil); the walls' and soil's only. */
void tr_stored(const tr_state *s, double *water, double *wall, double *soil);
void tr_stored_solid(const tr_state *s, double *wall, double *soil);
/* Parcels in flight and their buffers' bytes into s->parcels and
 * s->parcel_bytes. */
void tr_count(tr_state *s);
/* The pipes' states laid out in the order of s->touch (the pipes a step
 * reached), the others after them in index order. */
void tr_state_layout(tr_state *s);
/* One transport step of s->step_s at the current flows. */
int tr_step(tr_state *s);
/* Rates and equilibrium temperatures of every parcel for this step, from
 * the pipe's resistances and its partner's local temperature
 * (pipe_loss.c); the rate and equilibrium of water entering pipe i. */
void tr_pipe_rates(tr_state *s);
/* Rate (1/s) and equilibrium (K) of water at t_k in pipe i beside a
 * partner at t_partner (NaN: no partner). */
void tr_rate_of(const tr_state *s, int i, double t_k, double t_partner,
                double *rate, double *t_eq);
void tr_inlet_rate(const tr_state *s, int i, double t_k, int at_to_end,
                   double *rate, double *t_eq);
/* Parcel q relaxed from q->tref to fraction f of the step; the enthalpy
 * it lost goes to the step's account. Returns its enthalpy now, J/kg, or
 * NaN when it did not change (no time passed, or no loss). */
double tr_parcel_age(tr_state *s, tr_parcel *q, double f);
/* The soil nodes over the step: heated by what their pipes' water gave,
 * cooled to the undisturbed ground (exact for the step); the heat they
 * keep leaves the step's pipe loss (it is stored). */
void tr_soil_step(tr_state *s);
/* ---- pipes in epoch form (epoch.c) -------------------------------------- */
/* Pipe i's parcels into or out of epoch form as the pipe's rate, its
 * equilibrium and its eligibility now ask (at a step's start). */
void tr_epoch_rates(tr_state *s, int i);
/* Temperature now of parcel q of pipe i (either form), K. */
double tr_parcel_temp(const tr_state *s, int i, const tr_parcel *q);
/* The step's outflow of epoch pipe state p (mass m_dt): enthalpy and
 * source time summed over the pieces; returns the mass taken. */
double tr_epoch_outlet(tr_state *s, tr_pipe_state *p, int at_to_end,
                       double m_dt, double *h_sum, double *born_sum);
/* Parcel q (its t the temperature entering at mid-step) into the epoch
 * pipe of state p at one end (q is the caller's scratch: it leaves in
 * epoch form). */
int tr_epoch_inlet(tr_state *s, tr_pipe_state *p, int at_to_end, tr_parcel *q);
/* Epoch pipe i to the step's end: its loss booked, its stored heat (J)
 * returned. */
double tr_epoch_finish(tr_state *s, int i);

/* Current travel time from the sources to every node, s (transit.c):
 * tau (n_nodes). */
int tr_transit(const tr_net *n, double *tau);

#endif
