/*
 * shapes.c - the parts fittings are built from: cylinders, flat faces,
 * spheres, flanged joints, hubs and fins, each appended to the catalogue
 * as a surface patch with its area, orientation and characteristic length.
 * Areas and the choices behind them are listed in docs/physics.md
 * ("Fittings", catalogue).
 */
#include "fittings_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

fit_patch *fit_add(fit_builder *b, int kind, const char *name, double count)
{
    hl_fitting_catalog *c = b->cat;
    if (c->n_patches == c->patch_cap) {
        int cap = c->patch_cap ? 2 * c->patch_cap : 256;
        fit_patch *p = realloc(c->patches, (size_t)cap * sizeof *p);
        if (!p) {
            b->oom = 1;
            return NULL;
        }
        c->patches = p;
        c->patch_cap = cap;
    }
    fit_patch *p = &c->patches[c->n_patches++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->name = name;
    p->count = count;
    return p;
}

void part_cyl_h(fit_builder *b, const char *name, double d, double len,
                double count)
{
    if (!(len > 0.0))
        return;
    fit_patch *p = fit_add(b, PATCH_CYL_H, name, count);
    if (!p)
        return;
    p->d = d;
    p->length = len;
    p->char_m = d;
    p->area = M_PI * d * len;
}

void part_cyl_v(fit_builder *b, const char *name, double d, double h,
                double count)
{
    if (!(h > 0.0))
        return;
    fit_patch *p = fit_add(b, PATCH_CYL_V, name, count);
    if (!p)
        return;
    p->d = d;
    p->length = h;
    p->char_m = h; /* ISO 12241 vertical pipes: the height */
    p->area = M_PI * d * h;
}

void part_flat(fit_builder *b, int kind, const char *name, double area,
               double char_m, double count)
{
    if (!(area > 0.0))
        return;
    fit_patch *p = fit_add(b, kind, name, count);
    if (!p)
        return;
    p->area = area;
    p->char_m = char_m;
}

void part_sphere(fit_builder *b, const char *name, double d, double share)
{
    fit_patch *p = fit_add(b, PATCH_SPHERE, name, 1.0);
    if (!p)
        return;
    p->d = d;
    p->char_m = d;
    p->area = share * M_PI * d * d;
}

/* A weld-neck hub: the cone from the hub diameter at the flange back to
 * the pipe at the weld end, as a cylinder of the mean diameter (same
 * lateral area within (N1 - OD)^2 / (N1 + OD)^2, under 1 %). */
void part_hub(fit_builder *b, const flange_dims *f, double count)
{
    part_cyl_h(b, "hub", 0.5 * (f->hub_od + f->pipe_od), f->hub_len - f->t,
               count);
}

/* Exposed area of one bolt with its two nuts and thread ends: hexagon
 * nuts of across-flats 1.5 d and height 0.8 d (ISO 4032 proportions as
 * recalled), thread standing 0.5 d out of each nut. */
double bolt_area(double bolt_d)
{
    double s = 1.5 * bolt_d, m = 0.8 * bolt_d;
    double hole = 0.25 * M_PI * bolt_d * bolt_d;
    double nut = 6.0 * (s / sqrt(3.0)) * m + 0.5 * sqrt(3.0) * s * s - hole;
    double end = M_PI * bolt_d * 0.5 * bolt_d + hole;
    return 2.0 * (nut + end);
}

/*
 * A flanged joint as an annular fin from r_root to the flange rim. faces = 2:
 * the whole joint (two flanges and the gasket, both back faces exposed);
 * faces = 1: one flange of a joint whose other half belongs to the next
 * fitting (the joint plane is a plane of symmetry, so adiabatic). The rim
 * edge enters through the corrected radius (solve), the bolts as extra
 * area at the fin's efficiency.
 */
void part_joint(fit_builder *b, const char *name, const flange_dims *f,
                double r_root, int faces, double count)
{
    fit_patch *p = fit_add(b, PATCH_FIN_ANNULAR, name, count);
    if (!p)
        return;
    p->r1 = r_root;
    p->r2 = 0.5 * f->od;
    p->t = faces == 2 ? 2.0 * f->t + 0.003 : f->t; /* 3 mm gasket */
    p->k = FIT_K_STEEL;
    p->faces = faces;
    p->extra_area = f->bolts * bolt_area(f->bolt_d) * (faces == 2 ? 1 : 0.5);
    p->char_m = f->od; /* a vertical face as high as the flange */
    p->area = faces * M_PI * (p->r2 * p->r2 - p->r1 * p->r1) +
              2.0 * M_PI * p->r2 * p->t + p->extra_area;
}

void part_ring_fin(fit_builder *b, const char *name, double r1, double r2,
                   double t, double extra_area, double count)
{
    fit_patch *p = fit_add(b, PATCH_FIN_ANNULAR, name, count);
    if (!p)
        return;
    p->r1 = r1;
    p->r2 = r2;
    p->t = t;
    p->k = FIT_K_STEEL;
    p->faces = 2;
    p->extra_area = extra_area;
    p->char_m = 2.0 * r2;
    p->area =
        2.0 * M_PI * (r2 * r2 - r1 * r1) + 2.0 * M_PI * r2 * t + extra_area;
}

/* A plate fin (rib, leg) of length len from the root, width and thickness t,
 * exposed on both faces; vertical, so the length is its height. */
void part_plate_fin(fit_builder *b, const char *name, double len, double width,
                    double t, double count)
{
    fit_patch *p = fit_add(b, PATCH_FIN_STRAIGHT, name, count);
    if (!p)
        return;
    p->length = len;
    p->width = width;
    p->t = t;
    p->k = FIT_K_STEEL;
    p->faces = 2;
    p->char_m = len;
    p->area = 2.0 * len * width + width * t;
}

/* A pin (stem, neck, boss) of diameter d and length len ending in a lumped
 * tip (handwheel, gearbox, lever or its own end face). */
void part_pin(fit_builder *b, const char *name, double d, double len, double k,
              double tip_area, double tip_char, int tip_geom, int tip_cylinder)
{
    fit_patch *p = fit_add(b, PATCH_FIN_PIN, name, 1.0);
    if (!p)
        return;
    p->d = d;
    p->length = len;
    p->k = k;
    p->tip_area = tip_area;
    p->tip_char = tip_char;
    p->tip_geom = tip_geom;
    p->tip_cylinder = tip_cylinder;
    p->char_m = len; /* a vertical cylinder: its height */
    p->area = M_PI * d * len + tip_area;
}

/* A handwheel of diameter wheel_d: a torus rim of section rim_d = 20 mm +
 * 2 % of the wheel diameter and four spokes of 0.7 rim_d (proportions
 * ESTIMATED from common cast handwheels). */
double handwheel_area(double wheel_d, double *rim_d)
{
    double r = 0.02 + 0.02 * wheel_d;
    *rim_d = r;
    return M_PI * M_PI * wheel_d * r + 4.0 * M_PI * 0.7 * r * 0.5 * wheel_d;
}
