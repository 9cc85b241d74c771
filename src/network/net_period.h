/*
 * net_period.h - the extended period of an EPANET .inp (docs/cli.md,
 * "run --period"): the times of [TIMES], every multiplier of
 * [PATTERNS], each junction demand with its pattern, the tanks' levels
 * and size ([TANKS]) and the simple [CONTROLS]. Part of the immutable
 * network (net_def.period, freed with it); read by period.c, which steps
 * a run through it as EPANET 2.3 does (hydraul.c).
 */
#ifndef HL_NET_PERIOD_H
#define HL_NET_PERIOD_H

/* What fires a control: a time since the start, a clock time of day, a
 * tank's level falling to (LOW) or rising to (HIGH) a grade. */
enum period_control { PC_TIMER, PC_CLOCK, PC_LOW, PC_HIGH };

typedef struct net_period {
    /* [TIMES], whole seconds as EPANET counts them */
    long duration_s, hstep_s, pstep_s, pstart_s, rstep_s, rstart_s;
    long tstart_s; /* Start ClockTime, seconds after midnight */

    /* [PATTERNS]: pattern p's multipliers pat_f[pat_start[p] ...
     * + pat_len[p] - 1] */
    int n_patterns;
    int *pat_start, *pat_len;
    double *pat_f;

    /* junction demands: base (kg/s, demand multiplier applied) times
     * their pattern's multiplier (pattern -1: constant) */
    int n_dem;
    int *dem_node, *dem_pat;
    double *dem_base;

    /* tanks (a fixed pressure moved by the net inflow): heads in m */
    int n_tanks;
    int *tk_node;
    double *tk_h0, *tk_hmin, *tk_hmax, *tk_area; /* m, m, m, m2 */
    double pa_per_m; /* rho g of the tanks' pressure (EPANET's g) */

    /* simple controls: set link ct_link open (1) or closed (0), and a
     * pump's speed when ct_speed is a number */
    int n_ctl;
    int *ct_link, *ct_type, *ct_tank; /* ct_tank: index into tk_* */
    double *ct_grade;                 /* m, level controls */
    long *ct_time;                    /* s, timer and clock controls */
    signed char *ct_open;
    double *ct_speed; /* NaN: a status only */
} net_period;

void net_period_free(net_period *p);

#endif
