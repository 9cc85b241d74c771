/*
 * cover.c - what covers a fitting's metal: nothing, a coating or a
 * removable jacket, parsed from text ("bare", "coated MATERIAL:MM",
 * "jacket k=0.04:25") and given the contact class of its outer face.
 */
#include "fittings_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Contact class of a layer of conductivity k (W/(m K)) at 20 C: metals
 * (k >= 5) are uncoated metal unless the material is a painted surface;
 * 0.5 <= k < 5 behaves like ceramics, glass or stone; below 0.5 (polymer-
 * bound coatings, fabrics, insulation, plastics) like plastics. ISO 13732-1
 * sorts by material because the contact temperature follows the thermal
 * effusivity, for which k is the dominant factor here (docs/physics.md). */
static int class_of(double k, const char *id)
{
    if (k >= 5.0)
        return strstr(id, "painted") ? HL_CONTACT_METAL_PAINTED
                                     : HL_CONTACT_METAL;
    return k >= 0.5 ? HL_CONTACT_CERAMIC : HL_CONTACT_PLASTIC;
}

void hl_fitting_cover_from_material(const hl_material *m, int state,
                                    double thickness_m, hl_fitting_cover *out)
{
    memset(out, 0, sizeof *out);
    out->state = state;
    hl_layer_from_material(m, thickness_m, &out->layer);
    out->emissivity = isfinite(m->emissivity) ? m->emissivity : 0.9;
    out->max_service_k = m->max_service_k;
    out->contact_class =
        class_of(hl_lambda_at(&m->lambda, HL_ZERO_C_K + 20.0), m->id);
    copy_text(out->material, sizeof out->material, m->id);
}

static void cover_inline(double k, int state, double thickness_m,
                         hl_fitting_cover *out)
{
    memset(out, 0, sizeof *out);
    out->state = state;
    out->layer.thickness_m = thickness_m;
    out->layer.lambda = hl_lambda_constant(k);
    out->layer.t_min_k = out->layer.t_max_k = NAN;
    snprintf(out->layer.name, sizeof out->layer.name, "k=%g", k);
    out->emissivity = 0.9;
    out->max_service_k = NAN;
    out->contact_class = class_of(k, "");
    copy_text(out->material, sizeof out->material, out->layer.name);
}

/* SPEC = MATERIAL:MM or k=W/MK:MM */
static int parse_spec(const hl_material_db *db, const char *spec, int state,
                      hl_fitting_cover *out, hl_error *err)
{
    char name[96];
    const char *colon = strrchr(spec, ':');
    double mm, k;
    const hl_range *lim = hl_range_get(HL_Q_COVER_MM); /* util/ranges.c */
    if (!colon || colon == spec || (size_t)(colon - spec) >= sizeof name ||
        !parse_double(colon + 1, &mm) || !(mm > lim->min) || mm > lim->max) {
        char shown[64];
        return hl_error_set(err, HL_EPARSE,
                            "'%s': expected MATERIAL:MM or k=W/MK:MM with "
                            "a thickness > 0 mm and up to %g mm",
                            hl_text_show(shown, sizeof shown, spec, 40),
                            lim->max);
    }
    memcpy(name, spec, (size_t)(colon - spec));
    name[colon - spec] = '\0';
    if (strncasecmp(name, "k=", 2) == 0) {
        if (!parse_double(name + 2, &k) ||
            hl_range_check(HL_Q_CONDUCTIVITY, "k", k, NULL, NULL))
            return hl_error_set(err, HL_EPARSE,
                                "'%s': conductivity '%s': expected a number "
                                "> 0 W/(m K)",
                                spec, name + 2);
        cover_inline(k, state, mm * 1e-3, out);
        return HL_OK;
    }
    const hl_material *m = db ? hl_material_find(db, name) : NULL;
    if (!m) {
        char hint[200] = "";
        if (db)
            hl_material_suggest(db, name, 3, hint, sizeof hint);
        return hl_error_set(err, HL_ENOTFOUND,
                            "unknown material '%s' (closest: %s)", name,
                            *hint ? hint : "none");
    }
    hl_fitting_cover_from_material(m, state, mm * 1e-3, out);
    return HL_OK;
}

static int state_word(const char *w, size_t n)
{
    static const struct {
        const char *word;
        int state;
    } words[] = {{"bare", HL_FIT_BARE},
                 {"coated", HL_FIT_COATED},
                 {"coating", HL_FIT_COATED},
                 {"jacket", HL_FIT_JACKETED},
                 {"jacketed", HL_FIT_JACKETED}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == n && strncasecmp(w, words[i].word, n) == 0)
            return words[i].state;
    return -1;
}

int hl_fitting_cover_parse(const hl_material_db *db, const char *text,
                           hl_fitting_cover *out, hl_error *err)
{
    const char *s = text;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = 0;
    while (s[n] && !isspace((unsigned char)s[n]))
        n++;
    int state = state_word(s, n);
    const char *rest = s + n;
    while (isspace((unsigned char)*rest))
        rest++;
    char spec[128];
    copy_text(spec, sizeof spec, rest);
    for (size_t e = strlen(spec); e > 0 && isspace((unsigned char)spec[e - 1]);)
        spec[--e] = '\0';
    if (state == HL_FIT_BARE && !*spec) {
        memset(out, 0, sizeof *out);
        out->max_service_k = NAN;
        copy_text(out->material, sizeof out->material, "bare");
        return HL_OK;
    }
    if (state < 0 || state == HL_FIT_BARE || !*spec)
        return hl_error_set(err, HL_EPARSE,
                            "state '%s': expected bare, coated "
                            "MATERIAL:MM or jacket MATERIAL:MM (or "
                            "k=W/MK:MM)",
                            text);
    return parse_spec(db, spec, state, out, err);
}
