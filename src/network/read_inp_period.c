/*
 * read_inp_period.c - the extended period of an EPANET .inp, as EPANET
 * 2.3 reads it (input3.c, input1.c adjustdata): [TIMES] (Duration,
 * Hydraulic Timestep, Pattern Timestep and Start, Report Timestep and
 * Start, Start ClockTime), every multiplier of [PATTERNS], each junction
 * demand with its pattern, the tanks' levels and diameter, and the simple
 * [CONTROLS] on tank levels and times (LINK id OPEN|CLOSED|speed IF NODE
 * tank ABOVE|BELOW level, AT TIME t, AT CLOCKTIME t AM|PM). Controls that
 * heatline cannot apply (a junction's pressure, a valve's setting) are
 * named in one warning of every solve, never dropped silently.
 */
#include "network/read_inp_period.h"
#include "util/util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SEC_PER_DAY 86400L

void inp_period_init(inp_period *ip, rd_ctx *c)
{
    memset(ip, 0, sizeof *ip);
    ip->c = c;
    ip->t.hstep_s = 3600; /* EPANET's defaults (input1.c setdefaults) */
    ip->t.pstep_s = 3600;
    ip->t.rstep_s = 3600;
}

/* The arrays of p, not p itself. */
static void period_arrays_free(net_period *p)
{
    free(p->pat_start);
    free(p->pat_len);
    free(p->pat_f);
    free(p->dem_node);
    free(p->dem_pat);
    free(p->dem_base);
    free(p->tk_node);
    free(p->tk_h0);
    free(p->tk_hmin);
    free(p->tk_hmax);
    free(p->tk_area);
    free(p->ct_link);
    free(p->ct_type);
    free(p->ct_tank);
    free(p->ct_grade);
    free(p->ct_time);
    free(p->ct_open);
    free(p->ct_speed);
}

void net_period_free(net_period *p)
{
    if (!p)
        return;
    period_arrays_free(p);
    free(p);
}

void inp_period_free(inp_period *ip)
{
    for (int i = 0; i < ip->cap_slots; i++)
        free(ip->pat_v[i]);
    free(ip->pat_v);
    free(ip->pat_n);
    free(ip->pat_cap);
    free(ip->dem_id);
    period_arrays_free(&ip->t); /* what was not moved into the network */
    memset(&ip->t, 0, sizeof ip->t);
}

static int oom(inp_period *ip)
{
    return net_fail(ip->c->m, HL_ENOMEM, "out of memory");
}

/* *p of elem bytes each holds at least n + 1 (capacity *cap). */
static int room(void *p, int *cap, int n, size_t elem)
{
    if (n < *cap)
        return 1;
    int c = *cap ? 2 * *cap : 16;
    void *q = realloc(*(void **)p, elem * (size_t)c);
    if (!q)
        return 0;
    *(void **)p = q;
    *cap = c;
    return 1;
}

/* ---- times ----------------------------------------------------------- */

static double clock_adjust(double y, const char *unit)
{
    if (strcasecmp(unit, "AM") == 0)
        return y >= 13.0 ? -1.0 : y >= 12.0 ? y - 12.0 : y;
    if (strcasecmp(unit, "PM") == 0)
        return y >= 13.0 ? -1.0 : y < 12.0 ? y + 12.0 : y;
    return -2.0; /* not a clock unit */
}

double inp_hours(const char *value, const char *unit)
{
    double part[3] = {0.0, 0.0, 0.0};
    int n = 0;
    const char *p = value;
    while (n < 3) {
        char *end;
        part[n++] = strtod(p, &end);
        if (end == p || (*end && *end != ':'))
            return -1.0;
        if (!*end)
            break;
        p = end + 1;
    }
    if (*p && n == 3 && strchr(p, ':'))
        return -1.0;
    double y = part[0] + part[1] / 60.0 + part[2] / 3600.0;
    if (!unit || !*unit)
        return y;
    double c = clock_adjust(y, unit);
    if (c > -2.0)
        return c;
    if (n > 1) /* H:MM takes no other unit */
        return -1.0;
    if (strncasecmp(unit, "SEC", 3) == 0)
        return y / 3600.0;
    if (strncasecmp(unit, "MIN", 3) == 0)
        return y / 60.0;
    if (strncasecmp(unit, "HOU", 3) == 0)
        return y;
    if (strncasecmp(unit, "DAY", 3) == 0)
        return y * 24.0;
    return -1.0;
}

/* The [TIMES] keys heatline steps by, and where their value sits. */
static long *times_field(net_period *t, char **tok, int n, int *at)
{
    const char *k = tok[0], *k2 = n > 1 ? tok[1] : "";
    *at = 2;
    if (strcasecmp(k, "DURATION") == 0)
        return *at = 1, &t->duration_s;
    if (strncasecmp(k, "HYDRAULIC", 4) == 0)
        return &t->hstep_s;
    if (strncasecmp(k, "PATTERN", 4) == 0)
        return strncasecmp(k2, "TIME", 4) == 0 ? &t->pstep_s : &t->pstart_s;
    if (strncasecmp(k, "REPORT", 4) == 0)
        return strncasecmp(k2, "TIME", 4) == 0 ? &t->rstep_s : &t->rstart_s;
    if (strncasecmp(k, "START", 4) == 0)
        return &t->tstart_s;
    return NULL; /* Quality and Rule Timestep, Statistic: not stepped */
}

int inp_period_times(inp_period *ip, int line, char **tok, int n)
{
    int at;
    long *f = times_field(&ip->t, tok, n, &at);
    if (!f)
        return HL_OK;
    double h =
        n > at ? inp_hours(tok[at], n > at + 1 ? tok[at + 1] : "") : -1.0;
    if (h < 0.0)
        return rd_fail(ip->c, NET_WHERE(ip->c->origin, line), HL_EPARSE,
                       "[TIMES] %s%s%s '%s': expected hours, H:MM or a number "
                       "and SEC, MIN, HOURS, DAYS, AM or PM",
                       tok[0], at > 1 ? " " : "", at > 1 ? tok[1] : "",
                       n > at ? tok[at] : "");
    *f = (long)(3600.0 * h); /* EPANET truncates to whole seconds */
    if (f == &ip->t.tstart_s)
        *f %= SEC_PER_DAY;
    if (f == &ip->t.duration_s) {
        ip->timed = *f > 0;
        ip->duration_line = line;
    }
    return HL_OK;
}

/* ---- patterns, demands, tanks ------------------------------------------ */

int inp_period_multiplier(inp_period *ip, int slot, double f)
{
    while (slot >= ip->cap_slots) {
        int old = ip->cap_slots, c = old ? 2 * old : 16;
        double **v = realloc(ip->pat_v, sizeof *v * (size_t)c);
        if (v)
            ip->pat_v = v;
        int *a = realloc(ip->pat_n, sizeof *a * (size_t)c);
        if (a)
            ip->pat_n = a;
        int *b = realloc(ip->pat_cap, sizeof *b * (size_t)c);
        if (b)
            ip->pat_cap = b;
        if (!v || !a || !b)
            return oom(ip);
        for (int i = old; i < c; i++)
            ip->pat_v[i] = NULL, ip->pat_n[i] = ip->pat_cap[i] = 0;
        ip->cap_slots = c;
    }
    if (!room(&ip->pat_v[slot], &ip->pat_cap[slot], ip->pat_n[slot],
              sizeof(double)))
        return oom(ip);
    ip->pat_v[slot][ip->pat_n[slot]++] = f;
    if (slot >= ip->t.n_patterns)
        ip->t.n_patterns = slot + 1;
    return HL_OK;
}

int inp_period_demand(inp_period *ip, int node, const char *id, double base,
                      int pat)
{
    net_period *t = &ip->t;
    int cap = ip->cap_dem, i = t->n_dem;
    if (!room(&t->dem_node, &cap, i, sizeof(int)) ||
        !room(&t->dem_pat, &(int){ip->cap_dem}, i, sizeof(int)) ||
        !room(&t->dem_base, &(int){ip->cap_dem}, i, sizeof(double)) ||
        !room(&ip->dem_id, &(int){ip->cap_dem}, i, sizeof(char *)))
        return oom(ip);
    ip->cap_dem = cap;
    t->dem_node[i] = node;
    t->dem_pat[i] = pat;
    t->dem_base[i] = base;
    ip->dem_id[i] = id;
    t->n_dem++;
    return HL_OK;
}

int inp_period_tank(inp_period *ip, int node, double h0, double hmin,
                    double hmax, double area_m2)
{
    net_period *t = &ip->t;
    int cap = ip->cap_tk, i = t->n_tanks;
    if (!room(&t->tk_node, &cap, i, sizeof(int)) ||
        !room(&t->tk_h0, &(int){ip->cap_tk}, i, sizeof(double)) ||
        !room(&t->tk_hmin, &(int){ip->cap_tk}, i, sizeof(double)) ||
        !room(&t->tk_hmax, &(int){ip->cap_tk}, i, sizeof(double)) ||
        !room(&t->tk_area, &(int){ip->cap_tk}, i, sizeof(double)))
        return oom(ip);
    ip->cap_tk = cap;
    t->tk_node[i] = node;
    t->tk_h0[i] = h0;
    t->tk_hmin[i] = hmin;
    t->tk_hmax[i] = hmax;
    t->tk_area[i] = area_m2;
    t->n_tanks++;
    return HL_OK;
}

/* ---- controls ----------------------------------------------------------- */

/* A control heatline cannot apply: counted, the first named. */
static int not_applied(inp_period *ip, int line, const char *what,
                       const char *id, const char *tail)
{
    if (ip->ignored_ctl++ == 0) {
        ip->ignored_ctl_line = line;
        snprintf(ip->ignored_why, sizeof ip->ignored_why, "%s '%s'%s", what, id,
                 tail);
    }
    return HL_OK;
}

static int tank_of(const net_period *t, int node)
{
    for (int i = 0; i < t->n_tanks; i++)
        if (t->tk_node[i] == node)
            return i;
    return -1;
}

static int add_control(inp_period *ip, int link, int type, int tank,
                       double grade, long time, int open, double speed)
{
    net_period *t = &ip->t;
    int cap = ip->cap_ctl, i = t->n_ctl, c0 = ip->cap_ctl;
    if (!room(&t->ct_link, &cap, i, sizeof(int)) ||
        !room(&t->ct_type, &(int){c0}, i, sizeof(int)) ||
        !room(&t->ct_tank, &(int){c0}, i, sizeof(int)) ||
        !room(&t->ct_grade, &(int){c0}, i, sizeof(double)) ||
        !room(&t->ct_time, &(int){c0}, i, sizeof(long)) ||
        !room(&t->ct_open, &(int){c0}, i, sizeof(signed char)) ||
        !room(&t->ct_speed, &(int){c0}, i, sizeof(double)))
        return oom(ip);
    ip->cap_ctl = cap;
    t->ct_link[i] = link;
    t->ct_type[i] = type;
    t->ct_tank[i] = tank;
    t->ct_grade[i] = grade;
    t->ct_time[i] = time;
    t->ct_open[i] = (signed char)open;
    t->ct_speed[i] = speed;
    t->n_ctl++;
    return HL_OK;
}

#define ctl_fail(ip, line, ...)                                                \
    rd_fail((ip)->c, NET_WHERE((ip)->c->origin, (line)), HL_EPARSE, __VA_ARGS__)

/* The action: OPEN, CLOSED or a number (a pump's relative speed). */
static int control_action(inp_period *ip, int line, int link, const char *s,
                          int *open, double *speed)
{
    const net_def *d = ip->c->m->def;
    int pump = d->lk_kind[link] == LK_PUMP;
    *speed = NAN;
    if (strcasecmp(s, "OPEN") == 0 || strcasecmp(s, "CLOSED") == 0) {
        *open = strcasecmp(s, "OPEN") == 0;
        if (pump)
            *speed = *open ? 1.0 : 0.0;
        return HL_OK;
    }
    double x;
    if (!parse_double(s, &x) || x < 0.0)
        return ctl_fail(ip, line,
                        "[CONTROLS] link '%s': '%s' is not OPEN, CLOSED or "
                        "a setting of 0 or more",
                        d->lk_id[link], s);
    if (!pump)
        return 1; /* a valve's setting: not applied */
    *open = x > 0.0;
    *speed = x;
    return HL_OK;
}

/* IF NODE id ABOVE|BELOW level: tank levels only. */
static int level_control(inp_period *ip, int line, char **tok, int n, double hf,
                         int *tank, int *type, double *grade)
{
    const net_def *d = ip->c->m->def;
    if (n < 8 || strcasecmp(tok[4], "NODE") != 0)
        return ctl_fail(ip, line,
                        "[CONTROLS]: expected LINK id setting IF NODE id "
                        "ABOVE|BELOW value%s",
                        "");
    int node = index_get(&d->node_ix, tok[5]);
    if (node < 0)
        return ctl_fail(ip, line, "[CONTROLS]: unknown node '%s'", tok[5]);
    double level;
    if (!parse_double(tok[7], &level))
        return ctl_fail(ip, line, "[CONTROLS]: '%s' is not a number", tok[7]);
    int above = strncasecmp(tok[6], "ABOVE", 2) == 0;
    if (!above && strncasecmp(tok[6], "BELOW", 2) != 0)
        return ctl_fail(ip, line, "[CONTROLS]: '%s' is not ABOVE or BELOW",
                        tok[6]);
    *tank = tank_of(&ip->t, node);
    if (*tank < 0)
        return 1; /* a junction's pressure or a reservoir: not applied */
    *type = above ? PC_HIGH : PC_LOW;
    *grade = d->nd_z[node] + level * hf;
    return HL_OK;
}

int inp_period_control(inp_period *ip, int line, char **tok, int n, double hf)
{
    const net_def *d = ip->c->m->def;
    if (n < 6 || strcasecmp(tok[0], "LINK") != 0)
        return ctl_fail(ip, line,
                        "[CONTROLS]: expected LINK id setting IF NODE ... or "
                        "AT TIME|CLOCKTIME ...%s",
                        "");
    int link = index_get(&d->link_ix, tok[1]);
    if (link < 0)
        return ctl_fail(ip, line, "[CONTROLS]: unknown link '%s'", tok[1]);
    int open = 1, type = PC_TIMER, tank = -1;
    double speed, grade = NAN;
    long when = 0;
    int rc = control_action(ip, line, link, tok[2], &open, &speed);
    if (rc == 1)
        return not_applied(ip, line, "a valve setting on", tok[1], "");
    if (rc)
        return rc;
    if (strcasecmp(tok[3], "IF") == 0) {
        rc = level_control(ip, line, tok, n, hf, &tank, &type, &grade);
        if (rc == 1)
            return not_applied(ip, line, "a control on node", tok[5],
                               ", which is not a tank");
        if (rc)
            return rc;
    } else {
        int clock = strcasecmp(tok[4], "CLOCKTIME") == 0;
        double h = inp_hours(tok[5], n > 6 ? tok[6] : "");
        if (strcasecmp(tok[3], "AT") != 0 ||
            (!clock && strcasecmp(tok[4], "TIME") != 0) || h < 0.0)
            return ctl_fail(ip, line,
                            "[CONTROLS]: expected AT TIME hours or AT "
                            "CLOCKTIME time AM|PM (got '%s %s %s')",
                            tok[3], tok[4], tok[5]);
        type = clock ? PC_CLOCK : PC_TIMER;
        when = (long)(3600.0 * h);
        if (clock)
            when %= SEC_PER_DAY;
    }
    return add_control(ip, link, type, tank, grade, when, open, speed);
}

/* ---- into the network -----------------------------------------------------
 */

static int pack_patterns(inp_period *ip)
{
    net_period *t = &ip->t;
    int np = t->n_patterns, total = 0;
    t->pat_start = malloc(sizeof(int) * (size_t)(np + 1));
    t->pat_len = malloc(sizeof(int) * (size_t)(np + 1));
    for (int p = 0; p < np; p++)
        total += p < ip->cap_slots ? ip->pat_n[p] : 0;
    t->pat_f = malloc(sizeof(double) * (size_t)(total + 1));
    if (!t->pat_start || !t->pat_len || !t->pat_f)
        return oom(ip);
    int at = 0;
    for (int p = 0; p < np; p++) {
        int len = p < ip->cap_slots ? ip->pat_n[p] : 0;
        t->pat_start[p] = at;
        t->pat_len[p] = len ? len : 1; /* an empty pattern is constant 1 */
        if (len)
            memcpy(t->pat_f + at, ip->pat_v[p], sizeof(double) * (size_t)len);
        else
            t->pat_f[at] = 1.0;
        at += len ? len : 1;
    }
    return HL_OK;
}

/* [DEMANDS] rows by id: their node now that every junction is added. */
static int resolve_demands(inp_period *ip)
{
    const net_def *d = ip->c->m->def;
    for (int i = 0; i < ip->t.n_dem; i++) {
        if (ip->t.dem_node[i] >= 0)
            continue;
        ip->t.dem_node[i] = index_get(&d->node_ix, ip->dem_id[i]);
        if (ip->t.dem_node[i] < 0)
            return net_fail(ip->c->m, HL_EPARSE,
                            "%s: [DEMANDS]: unknown junction '%s'",
                            d->origin[ip->c->origin], ip->dem_id[i]);
    }
    return HL_OK;
}

/* EPANET's adjustments (input1.c adjustdata): the hydraulic step no
 * longer than the pattern and report steps. */
static void adjust_times(net_period *t)
{
    if (t->pstep_s <= 0)
        t->pstep_s = 3600;
    if (t->rstep_s <= 0)
        t->rstep_s = t->pstep_s;
    if (t->hstep_s <= 0)
        t->hstep_s = 3600;
    if (t->hstep_s > t->pstep_s)
        t->hstep_s = t->pstep_s;
    if (t->hstep_s > t->rstep_s)
        t->hstep_s = t->rstep_s;
    if (t->rstart_s > t->duration_s)
        t->rstart_s = 0;
}

int inp_period_finish(inp_period *ip, double rho_g)
{
    hl_model *m = ip->c->m;
    const char *file = m->def->origin[ip->c->origin];
    if (ip->ignored_ctl &&
        text_list_add(&m->def->notes,
                      "%s:%d: [CONTROLS] (%d lines) not applied: %s (heatline "
                      "applies tank-level and time controls on links)",
                      file, ip->ignored_ctl_line, ip->ignored_ctl,
                      ip->ignored_why))
        return oom(ip);
    if (!ip->timed)
        return HL_OK;
    if (pack_patterns(ip) || resolve_demands(ip))
        return m->err.code;
    adjust_times(&ip->t);
    ip->t.pa_per_m = rho_g;
    net_period *p = malloc(sizeof *p);
    if (!p)
        return oom(ip);
    *p = ip->t;
    memset(&ip->t, 0, sizeof ip->t);
    m->def->period = p;
    return HL_OK;
}
