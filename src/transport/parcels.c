/*
 * parcels.c - the parcels of one pipe, ordered from the pipe's from-end
 * (index 0) to its to-end: the two ends in the pipe's state, the rest in a
 * ring buffer between them (transport.h, tr_pipe_state). Water enters at one
 * end and leaves at the other (either way round, so flow reversal carries the
 * parcels back unchanged). A new parcel within tol kelvin of its
 * neighbour at that end joins it (mass-weighted enthalpy is kept by the
 * caller's choice of temperature: the engine's parcels carry K and the
 * heat capacity varies by less than 1e-4 over tol), which bounds the
 * count where the temperature is flat (EPANET issue #813).
 */
#include "transport/transport.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The ring's capacity is a power of two (doubled when full), so its index
 * is a mask, not a division. */
static int grow(tr_pipe_state *s)
{
    int cap = s->cap ? 2 * s->cap : 4, held = s->n - 2;
    tr_parcel *p = malloc(sizeof *p * (size_t)cap);
    if (!p)
        return -1;
    for (int i = 0; i < held; i++)
        p[i] = s->mid[(s->head + i) & (s->cap - 1)];
    free(s->mid);
    s->mid = p;
    s->cap = cap;
    s->head = 0;
    return 0;
}

/* Parcel p in at one end, the end parcel it displaces into the ring. */
static int put(tr_pipe_state *s, int at_to_end, const tr_parcel *p)
{
    if (s->n >= 2 && s->n - 2 == s->cap && grow(s))
        return -1;
    if (s->n == 0) {
        s->end[0] = *p;
    } else if (s->n == 1) {
        if (!at_to_end)
            s->end[1] = s->end[0];
        s->end[at_to_end ? 1 : 0] = *p;
    } else if (at_to_end) {
        s->mid[(s->head + s->n - 2) & (s->cap - 1)] = s->end[1];
        s->end[1] = *p;
    } else {
        s->head = (s->head + s->cap - 1) & (s->cap - 1);
        s->mid[s->head] = s->end[0];
        s->end[0] = *p;
    }
    s->n++;
    return 0;
}

/* The end parcel out into *out, the ring's next one in its place. */
static void take(tr_pipe_state *s, int at_to_end, tr_parcel *out)
{
    if (s->n == 1) {
        *out = s->end[0];
    } else if (at_to_end) {
        *out = s->end[1];
        if (s->n > 2)
            s->end[1] = s->mid[(s->head + s->n - 3) & (s->cap - 1)];
    } else {
        *out = s->end[0];
        if (s->n == 2) {
            s->end[0] = s->end[1];
        } else {
            s->end[0] = s->mid[s->head];
            s->head = (s->head + 1) & (s->cap - 1);
        }
    }
    s->n--;
}

/* Mass-weighted join of b into a (temperature, source time). */
static void join(tr_parcel *a, const tr_parcel *b)
{
    double m = a->mass + b->mass;
    if (!(m > 0.0))
        return;
    double wa = a->mass / m, wb = b->mass / m;
    a->t = wa * a->t + wb * b->t;
    a->born = wa * a->born + wb * b->born;
    a->tref = wa * a->tref + wb * b->tref;
    a->span += b->span;
    a->mass = m;
    a->h = 0.0; /* its t moved: the enthalpy is found again */
}

int tr_pipe_push(tr_pipe_state *s, int at_to_end, const tr_parcel *p,
                 double tol)
{
    if (s->n > 0) {
        tr_parcel *end = tr_pipe_at(s, at_to_end ? s->n - 1 : 0);
        if (fabs(end->t - p->t) <= tol && end->tref == p->tref) {
            join(end, p);
            return 0;
        }
    }
    return put(s, at_to_end, p);
}

/* Take a piece of mass w from parcel a at one end. Its water entered
 * earlier (or later) than the parcel's mean by half the span of the rest:
 * it has relaxed longer (or shorter) towards a's surroundings; the rest
 * keeps the mass-weighted temperature (so the heat is conserved). */
static void split(tr_parcel *a, tr_parcel *piece, double w, int at_to_end)
{
    double rest = a->mass - w, frac = w / a->mass;
    double offset = 0.5 * a->span * (1.0 - frac); /* s, earlier if > 0 */
    if (a->early_to != at_to_end)
        offset = -offset;
    piece->mass = w;
    piece->span = a->span * frac;
    if (a->rate > 0.0 && a->span > 0.0) {
        piece->t = a->t_eq + (a->t - a->t_eq) * tr_exp(-a->rate * offset);
        a->t = (a->mass * a->t - w * piece->t) / rest;
        piece->h = a->h = 0.0; /* both moved (join) */
    }
    a->span -= piece->span;
    a->mass = rest;
}

double tr_pipe_pop(tr_pipe_state *s, int at_to_end, double mass,
                   void (*out)(void *ctx, tr_parcel *piece), void *ctx)
{
    double taken = 0.0;
    tr_parcel part;
    while (s->n > 0 && taken < mass) {
        tr_parcel *end = tr_pipe_at(s, at_to_end ? s->n - 1 : 0);
        double want = mass - taken;
        /* a remainder below 1e-12 of the parcel goes with it (no dust) */
        if (end->mass <= want * (1.0 + 1e-12)) {
            take(s, at_to_end, &part);
        } else {
            part = *end;
            split(end, &part, want, at_to_end);
        }
        taken += part.mass;
        out(ctx, &part);
    }
    return taken;
}

double tr_pipe_mass(const tr_pipe_state *s)
{
    double m = 0.0;
    for (int i = 0; i < s->n; i++)
        m += tr_pipe_at(s, i)->mass;
    return m;
}

void tr_pipe_free(tr_pipe_state *s)
{
    free(s->mid);
    memset(s, 0, sizeof *s);
}
