/*
 * shapes_types.c - the catalogue's fitting types: their CSV columns and
 * how each row becomes surface patches. All lengths in metres; the
 * proportions used here (not in the CSV) are stated where they are used
 * and in docs/physics.md ("Fittings", catalogue).
 */
#include "fittings_internal.h"

#include <math.h>
#include <stdio.h>

static void bad(fit_builder *b, const char *why)
{
    if (!b->bad)
        snprintf(b->why, sizeof b->why, "%s", why);
    b->bad = 1;
}

/* Handwheel (cylinder-like rim) or gearbox (a cube, five faces free) as
 * the lumped tip of a stem or neck. */
static void operated_pin(fit_builder *b, const char *name, double d, double len,
                         double k, double wheel, double box)
{
    if (wheel > 0.0) {
        double rim;
        double a = handwheel_area(wheel, &rim);
        part_pin(b, name, d, len, k, a, rim, HL_GEOM_HORIZONTAL_CYLINDER, 1);
    } else if (box > 0.0) {
        part_pin(b, name, d, len, k, 5.0 * box * box, box,
                 HL_GEOM_VERTICAL_WALL, 0);
    } else {
        part_pin(b, name, d, len, k, 0.25 * M_PI * d * d, 0.25 * d,
                 HL_GEOM_PLATE_UP, 0);
    }
}

/* ---- gate valve: run, bonnet, bonnet top, two flanges, stem ------------- */

static const char *const gate_cols[] = {
    "face_to_face_mm", "run_od_mm",      "bonnet_od_mm", "bonnet_height_mm",
    "stem_mm",         "stem_length_mm", "handwheel_mm", "gearbox_mm"};

static void gate_parts(fit_builder *b, const double *v, const flange_dims *f)
{
    double ftf = v[0], run = v[1], bon = v[2], bon_h = v[3];
    if (ftf <= 2.0 * f->t || run >= f->od || bon_h <= 0.5 * run)
        bad(b, "face_to_face, run_od or bonnet_height do not fit the "
               "flanges");
    part_cyl_h(b, "body run", run, ftf - 2.0 * f->t, 1.0);
    part_cyl_v(b, "bonnet", bon, bon_h - 0.5 * run, 1.0);
    part_flat(b, PATCH_PLATE_UP, "bonnet top", 0.25 * M_PI * bon * bon,
              0.25 * bon, 1.0);
    part_joint(b, "valve flange", f, 0.5 * run, 1, 2.0);
    operated_pin(b, v[6] > 0 ? "stem and handwheel" : "stem and gearbox", v[4],
                 v[5], FIT_K_STEM, v[6], v[7]);
}

static void build_gate(fit_builder *b, const double *v, const flange_dims *f,
                       int dn, int pn)
{
    (void)dn;
    (void)pn;
    gate_parts(b, v, f);
}

/* ---- butterfly valve: body ring, two flanges, neck + gearbox, boss --------
 */

static const char *const bfly_cols[] = {"face_to_face_mm", "body_od_mm",
                                        "boss_od_mm", "neck_height_mm",
                                        "gearbox_mm"};

static void build_butterfly(fit_builder *b, const double *v,
                            const flange_dims *f, int dn, int pn)
{
    (void)dn;
    (void)pn;
    double ftf = v[0], body = v[1], boss = v[2];
    if (ftf <= 2.0 * f->t || body >= f->od)
        bad(b, "face_to_face or body_od do not fit the flanges");
    part_cyl_h(b, "body", body, ftf - 2.0 * f->t, 1.0);
    part_joint(b, "valve flange", f, 0.5 * body, 1, 2.0);
    operated_pin(b, "neck and gearbox", boss, v[3], FIT_K_STEEL, 0.0, v[4]);
    /* bottom shaft boss: half a diameter long, its end face facing down */
    part_pin(b, "bottom boss", boss, 0.5 * boss, FIT_K_STEEL,
             0.25 * M_PI * boss * boss, 0.25 * boss, HL_GEOM_PLATE_DOWN, 0);
}

/* ---- ball and globe valves: spherical body between short runs ------------ */

static const char *const ball_cols[] = {"face_to_face_mm", "body_mm",
                                        "neck_od_mm",      "neck_height_mm",
                                        "lever_mm",        "gearbox_mm"};

/* Runs of 1.1 OD join the sphere to the flanges; the sphere's share
 * excludes the two run openings. */
static double spherical_body(fit_builder *b, const double *v,
                             const flange_dims *f, double other_opening)
{
    double ftf = v[0], body = v[1], run = 1.1 * f->pipe_od;
    if (ftf <= 2.0 * f->t || body <= run)
        bad(b, "face_to_face or body do not fit the flanges");
    double share = 1.0 - 0.5 * pow(run / body, 2) - other_opening;
    part_sphere(b, "body", body, share);
    part_cyl_h(b, "body run", run, 0.5 * (ftf - 2.0 * f->t - 0.8 * body), 2.0);
    part_joint(b, "valve flange", f, 0.5 * run, 1, 2.0);
    return run;
}

static void build_ball(fit_builder *b, const double *v, const flange_dims *f,
                       int dn, int pn)
{
    (void)dn;
    (void)pn;
    spherical_body(b, v, f, 0.25 * pow(v[2] / v[1], 2));
    if (v[4] > 0.0) {
        /* a flat lever bar 0.03 m + 0.2 OD wide, both faces free */
        double w = 0.03 + 0.2 * f->pipe_od;
        part_pin(b, "neck and lever", v[2], v[3], FIT_K_STEEL, 2.0 * v[4] * w,
                 w, HL_GEOM_VERTICAL_WALL, 0);
    } else {
        operated_pin(b, "neck and gearbox", v[2], v[3], FIT_K_STEEL, 0.0, v[5]);
    }
}

static const char *const globe_cols[] = {
    "face_to_face_mm", "body_mm",        "bonnet_od_mm", "bonnet_height_mm",
    "stem_mm",         "stem_length_mm", "handwheel_mm"};

static void build_globe(fit_builder *b, const double *v, const flange_dims *f,
                        int dn, int pn)
{
    (void)dn;
    (void)pn;
    double body = v[1], bon = v[2], bon_h = v[3];
    if (bon >= body || bon_h <= 0.5 * body)
        bad(b, "bonnet_od or bonnet_height do not fit the body");
    spherical_body(b, v, f, 0.25 * pow(bon / body, 2));
    part_cyl_v(b, "bonnet", bon, bon_h - 0.5 * body, 1.0);
    part_flat(b, PATCH_PLATE_UP, "bonnet top", 0.25 * M_PI * bon * bon,
              0.25 * bon, 1.0);
    operated_pin(b, "stem and handwheel", v[4], v[5], FIT_K_STEM, v[6], 0.0);
}

/* ---- flanges ---------------------------------------------------------------
 */

static void build_flange_pair(fit_builder *b, const double *v,
                              const flange_dims *f, int dn, int pn)
{
    (void)v;
    (void)dn;
    (void)pn;
    part_hub(b, f, 2.0);
    part_joint(b, "flange joint", f, 0.5 * f->hub_od, 2, 1.0);
}

/* The blind's outer face inside the hub circle is wetted behind, so
 * isothermal; outside it, it is one face of the joint fin. */
static void build_blind(fit_builder *b, const double *v, const flange_dims *f,
                        int dn, int pn)
{
    (void)v;
    (void)dn;
    (void)pn;
    part_hub(b, f, 1.0);
    part_joint(b, "flange joint", f, 0.5 * f->hub_od, 2, 1.0);
    part_flat(b, PATCH_WALL, "blind centre",
              0.25 * M_PI * f->hub_od * f->hub_od, f->od, 1.0);
}

/* ---- compensators
 * ------------------------------------------------------------ */

static const char *const bellows_cols[] = {"shell_length_mm", "shell_od_mm",
                                           "weld_end_mm"};

static void build_bellows(fit_builder *b, const double *v, const flange_dims *f,
                          int dn, int pn)
{
    (void)dn;
    (void)pn;
    double od = f->pipe_od, shell = v[1];
    if (shell <= od)
        bad(b, "shell_od is not larger than the pipe");
    part_cyl_h(b, "shell", shell, v[0], 1.0);
    part_flat(b, PATCH_WALL, "shell end",
              0.25 * M_PI * (shell * shell - od * od), shell, 2.0);
    part_cyl_h(b, "weld end", od, v[2], 2.0);
}

static const char *const sleeve_cols[] = {
    "body_od_mm",  "body_length_mm", "gland_od_mm",    "gland_thickness_mm",
    "gland_bolts", "bolt_mm",        "slip_length_mm", "weld_end_mm"};

static void build_sleeve(fit_builder *b, const double *v, const flange_dims *f,
                         int dn, int pn)
{
    (void)dn;
    (void)pn;
    double od = f->pipe_od, body = v[0], gland = v[2];
    if (body <= od || gland <= body)
        bad(b, "body_od or gland_od do not fit the pipe");
    part_cyl_h(b, "body", body, v[1], 1.0);
    /* the gland follower bolted to the body flange: a two-face joint */
    part_ring_fin(b, "gland", 0.5 * body, 0.5 * gland, 2.0 * v[3],
                  v[4] * bolt_area(v[5]), 1.0);
    part_cyl_h(b, "slip pipe", od, v[6], 1.0);
    part_flat(b, PATCH_WALL, "body end", 0.25 * M_PI * (body * body - od * od),
              body, 1.0);
    part_cyl_h(b, "weld end", od, v[7], 1.0);
}

/* ---- fixed support
 * -------------------------------------------------------------- */

static const char *const anchor_cols[] = {"pipe_length_mm",
                                          "ring_height_mm",
                                          "ring_thickness_mm",
                                          "rings",
                                          "ribs",
                                          "rib_thickness_mm",
                                          "legs",
                                          "leg_length_mm",
                                          "leg_width_mm",
                                          "leg_thickness_mm"};

static void build_anchor(fit_builder *b, const double *v, const flange_dims *f,
                         int dn, int pn)
{
    (void)dn;
    (void)pn;
    double r = 0.5 * f->pipe_od;
    part_cyl_h(b, "pipe section", f->pipe_od, v[0], 1.0);
    part_ring_fin(b, "ring plate", r, r + v[1], v[2], 0.0, v[3]);
    part_plate_fin(b, "rib", v[1], v[0], v[5], v[4]);
    part_plate_fin(b, "leg", v[7], v[8], v[9], v[6]);
}

/* ---- vent / drain branch: nozzle, flanged gate valve, blind
 * ------------------- */

static const char *const vent_cols[] = {"nozzle_length_mm"};

static void build_vent(fit_builder *b, const double *v, const flange_dims *f,
                       int dn, int pn)
{
    double gate[8];
    if (!fit_loader_values(b->loader, HL_FIT_GATE_VALVE, dn, pn, gate)) {
        bad(b, "no gate valve of this DN and PN for the branch");
        return;
    }
    part_cyl_v(b, "nozzle", f->pipe_od, v[0], 1.0);
    part_hub(b, f, 2.0); /* nozzle flange and blind flange hubs */
    part_joint(b, "nozzle flange", f, 0.5 * f->hub_od, 1, 1.0);
    gate_parts(b, gate, f);
    part_joint(b, "blind flange", f, 0.5 * f->hub_od, 1, 1.0);
    part_flat(b, PATCH_WALL, "blind centre",
              0.25 * M_PI * f->hub_od * f->hub_od, f->od, 1.0);
}

/* ---- the table
 * ----------------------------------------------------------------- */

#define COLS(a) a, (int)(sizeof a / sizeof a[0])

static const type_def types[HL_FIT_N_TYPES] = {
    {"gate-valve", "flanged gate valve, rising stem", "gate_valves.csv",
     COLS(gate_cols), build_gate},
    {"butterfly-valve", "double-eccentric double-flanged butterfly valve",
     "butterfly_valves.csv", COLS(bfly_cols), build_butterfly},
    {"ball-valve", "flanged full-bore ball valve", "ball_valves.csv",
     COLS(ball_cols), build_ball},
    {"globe-valve", "flanged globe valve", "globe_valves.csv", COLS(globe_cols),
     build_globe},
    {"flange-pair", "two weld-neck flanges bolted together", NULL, NULL, 0,
     build_flange_pair},
    {"blind-flange", "weld-neck flange closed by a blind flange", NULL, NULL, 0,
     build_blind},
    {"bellows-compensator", "axial bellows compensator in a protective shell",
     "bellows_compensators.csv", COLS(bellows_cols), build_bellows},
    {"sleeve-compensator", "sleeve (slip-type) compensator with bolted gland",
     "sleeve_compensators.csv", COLS(sleeve_cols), build_sleeve},
    {"fixed-support", "fixed support (anchor): ring plates, ribs, legs",
     "fixed_supports.csv", COLS(anchor_cols), build_anchor},
    {"vent-drain",
     "vent or drain branch with its gate valve and blind "
     "(DN = branch DN)",
     "vents.csv", COLS(vent_cols), build_vent},
};

const type_def *fit_type_def(int type)
{
    if (type < 0 || type >= HL_FIT_N_TYPES)
        return NULL;
    return &types[type];
}
