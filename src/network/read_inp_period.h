/*
 * read_inp_period.h - what the .inp importer (read_inp.c) collects for an
 * extended-period run (net_period.h): [TIMES], every pattern multiplier,
 * each junction demand with its pattern, the tanks, the simple
 * [CONTROLS]. Filled while the file is read, moved into net_def.period
 * at the end when [TIMES] gives a Duration above zero.
 */
#ifndef HL_READ_INP_PERIOD_H
#define HL_READ_INP_PERIOD_H

#include "network/net_period.h"
#include "network/reader.h"

typedef struct inp_period {
    rd_ctx *c;
    int timed; /* a Duration above zero was read */
    int duration_line;
    net_period t;   /* times, then everything moved in at the end */
    double **pat_v; /* per pattern slot: its multipliers */
    int *pat_n, *pat_cap, cap_slots;
    const char **dem_id; /* [DEMANDS] rows by node id, resolved at the end */
    int cap_dem, cap_tk, cap_ctl;
    int ignored_ctl, ignored_ctl_line; /* controls not applied */
    char ignored_why[200];
} inp_period;

void inp_period_init(inp_period *ip, rd_ctx *c);
void inp_period_free(inp_period *ip);

/* EPANET's hours (input3.c hour()): "H", "H:MM", "H:MM:SS", with an
 * optional unit SEC, MIN, HOURS, DAYS, AM or PM; -1 when not a time. */
double inp_hours(const char *value, const char *unit);

/* One [TIMES] line; one multiplier of pattern slot. */
int inp_period_times(inp_period *ip, int line, char **tok, int n);
int inp_period_multiplier(inp_period *ip, int slot, double f);
/* A demand of node (index, or id when the node is not added yet) of base
 * kg/s on pattern slot (-1: none). */
int inp_period_demand(inp_period *ip, int node, const char *id, double base,
                      int pat);
/* A tank just added as node: heads (m) and area (m2). */
int inp_period_tank(inp_period *ip, int node, double h0, double hmin,
                    double hmax, double area_m2);
/* One [CONTROLS] line once every element is known; hf: the file's length
 * unit in m. */
int inp_period_control(inp_period *ip, int line, char **tok, int n, double hf);
/* Moves what was read into the network (nothing when not timed); rho_g:
 * the tanks' pressure per metre. */
int inp_period_finish(inp_period *ip, double rho_g);

#endif
