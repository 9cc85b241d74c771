/*
 * insulation_rating.c - pipe insulation above its continuous-operation
 * rating: a layer whose material states continuous_service_c
 * (data/materials.csv; EN 253:2019 rates the PUR foam of bonded district-
 * heating pipes for 30 years at 120 C continuous) and whose hottest face
 * runs above it. A warning, not a violation: the state is physical, the
 * foam ages faster than its rating assumes (its service life, not
 * today's flows). One warning per material, naming the pipes (the first
 * RATING_LIST_MAX in model order, and the hottest) with the temperature
 * of the layer's hot face against the rating.
 *
 * The hot face: the layer on the carrier is at the water temperature (the
 * steel wall's resistance is neglected, as in the heat-loss model); an
 * outer layer's is its inner interface temperature from the pipe's
 * build-up solved at the water's highest temperature (pipe_heat_faces).
 */
#include "network/net.h"

#include <math.h>
#include <stdio.h>
#include <strings.h>

#define RATING_LIST_MAX 10

/* Rating of layer l of a build-up, K; NaN if none. */
static double layer_rating(const hl_model *m, const hl_layer *l)
{
    const hl_material *mt = hl_material_find(m->net->materials, l->name);
    if (!mt || !isfinite(mt->continuous_service_k) ||
        !(mt->continuous_service_k > 0.0))
        return NAN;
    return mt->continuous_service_k;
}

/* The build-up of pipe i (its role's). */
static const hl_pipe_buildup *pipe_buildup(const hl_model *m, int i)
{
    const hl_pipe_laying *l = &m->net->ttype[m->net->pp_ttype[i]].laying;
    int k = m->net->pp_role[i] && l->pipe[1].carrier_od_m > 0.0 ? 1 : 0;
    return &l->pipe[k];
}

/* Hottest face temperature of layer l of pipe i, K (NaN if unknown). */
static double hot_face(hl_model *m, int i, int l)
{
    double tw = fmax(m->pp_tin[i], m->pp_tout[i]);
    if (l == 0 || isnan(tw))
        return tw;
    double t[HL_MAX_LAYERS + 1];
    if (pipe_heat_faces(m, i, tw, t))
        return NAN;
    return fmax(t[l], t[l + 1]);
}

typedef struct rating_list {
    const char *material;
    double rating_k, hottest_k;
    int n, hottest;
    char text[RATING_LIST_MAX * 40];
    size_t at;
} rating_list;

static void list_add(hl_model *m, rating_list *r, int i, double t)
{
    if (r->n == 0 || t > r->hottest_k)
        r->hottest_k = t, r->hottest = i;
    if (r->n++ < RATING_LIST_MAX && r->at < sizeof r->text) {
        int w = snprintf(r->text + r->at, sizeof r->text - r->at, "%s%s %.1f C",
                         r->at ? ", " : "", m->net->lk_id[m->net->pp_link[i]],
                         t - HL_ZERO_C_K);
        if (w > 0)
            r->at += (size_t)w;
    }
}

static void list_warn(hl_model *m, const rating_list *r)
{
    char more[64] = "";
    if (r->n > RATING_LIST_MAX)
        snprintf(more, sizeof more, " and %d more", r->n - RATING_LIST_MAX);
    net_warn(m,
             "insulation '%s' above its continuous-operation rating %.0f C "
             "(data/materials.csv continuous_service_c) in %d pipe%s, "
             "hottest '%s' at %.1f C: %s%s",
             r->material, r->rating_k - HL_ZERO_C_K, r->n, r->n == 1 ? "" : "s",
             m->net->lk_id[m->net->pp_link[r->hottest]],
             r->hottest_k - HL_ZERO_C_K, r->text, more);
}

/* Pipes whose layer of material mat (rated rating_k) runs above it. */
static void check_material(hl_model *m, const char *mat, double rating_k)
{
    rating_list r = {mat, rating_k, NAN, 0, -1, "", 0};
    for (int i = 0; i < m->net->n_pipes; i++) {
        if (m->net->pp_ht[i] != HT_BUILDUP || m->net->pp_ttype[i] < 0 ||
            !(fmax(m->pp_tin[i], m->pp_tout[i]) > rating_k))
            continue; /* no face of any layer is hotter than the water */
        const hl_pipe_buildup *b = pipe_buildup(m, i);
        for (int l = 0; l < b->n_layers; l++) {
            if (strcasecmp(b->layer[l].name, mat) != 0)
                continue;
            double t = hot_face(m, i, l);
            if (t > rating_k + 1e-9) {
                list_add(m, &r, i, t);
                break;
            }
        }
    }
    if (r.n)
        list_warn(m, &r);
}

/* 1 if layer l of pipe k of type ty is the first use of its material. */
static int first_use(const hl_model *m, int ty, int k, int l)
{
    const char *name = m->net->ttype[ty].laying.pipe[k].layer[l].name;
    for (int t = 0; t <= ty; t++)
        for (int p = 0; p < 2; p++) {
            const hl_pipe_buildup *b = &m->net->ttype[t].laying.pipe[p];
            for (int j = 0; j < b->n_layers; j++) {
                if (t == ty && p == k && j == l)
                    return 1;
                if (strcasecmp(b->layer[j].name, name) == 0)
                    return 0;
            }
        }
    return 1;
}

void insulation_rating_check(hl_model *m)
{
    if (!m->net->materials)
        return;
    for (int ty = 0; ty < m->net->n_ttypes; ty++)
        for (int k = 0; k < 2; k++) {
            const hl_pipe_buildup *b = &m->net->ttype[ty].laying.pipe[k];
            for (int l = 0; l < b->n_layers; l++) {
                double rk = layer_rating(m, &b->layer[l]);
                if (isnan(rk))
                    continue;
                /* each material once: at its first appearance */
                if (!first_use(m, ty, k, l))
                    continue;
                check_material(m, b->layer[l].name, rk);
            }
        }
}
