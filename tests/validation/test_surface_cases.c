/*
 * test_surface_cases.c - every row of ../shared/validation/surface_cases.csv
 * (read as it is) and of tests/validation/surface_cases_extra.csv through
 * the surface engine; a case outside its tolerance fails the test.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

typedef struct cols {
    int id, command, shape, od, temp, ambient, radiant, wind, orient, layers,
        eps, hconv, hout, coef, target, e_q, e_ts, e_thk, rel, abs, source;
} cols;

static const char *cell(const csv_table *t, int r, int c)
{
    return c >= 0 ? t->rows[r][c] : "";
}

static double num(const csv_table *t, int r, int c, double dflt)
{
    double v;
    return parse_double(cell(t, r, c), &v) ? v : dflt;
}

static int add_layers(const char *spec, const hl_material_db *db,
                      hl_surface_in *in, double *eps)
{
    char buf[512];
    copy_text(buf, sizeof buf, spec);
    for (char *save, *tok = strtok_r(buf, ";", &save); tok;
         tok = strtok_r(NULL, ";", &save)) {
        char *colon = strrchr(tok, ':');
        assert_non_null(colon);
        *colon = '\0';
        hl_layer *l = &in->layer[in->n_layers++];
        double mm = atof(colon + 1), k;
        if (strncmp(tok, "k=", 2) == 0 && parse_double(tok + 2, &k)) {
            memset(l, 0, sizeof *l);
            l->lambda = hl_lambda_constant(k);
            l->t_min_k = l->t_max_k = NAN;
        } else {
            const hl_material *m = hl_material_find(db, tok);
            if (!m)
                return 0;
            hl_layer_from_material(m, 0, l);
            if (isfinite(m->emissivity))
                *eps = m->emissivity;
        }
        l->thickness_m = mm * 1e-3;
    }
    return 1;
}

static void build_input(const csv_table *t, int r, const cols *c,
                        const hl_material_db *db, hl_surface_in *in)
{
    hl_surface_in_init(in);
    const char *shape = cell(t, r, c->shape);
    in->shape = strcmp(shape, "flat") == 0     ? HL_SHAPE_FLAT
                : strcmp(shape, "sphere") == 0 ? HL_SHAPE_SPHERE
                                               : HL_SHAPE_PIPE;
    in->diameter_m = num(t, r, c->od, 0) * 1e-3;
    in->inner_temp_k = num(t, r, c->temp, 20) + HL_ZERO_C_K;
    hl_outer_bc *bc = &in->outer;
    bc->air_k = num(t, r, c->ambient, 20) + HL_ZERO_C_K;
    bc->radiant_k =
        num(t, r, c->radiant, bc->air_k - HL_ZERO_C_K) + HL_ZERO_C_K;
    bc->wind_m_s = num(t, r, c->wind, 0);
    int vertical = strcmp(cell(t, r, c->orient), "vertical") == 0;
    bc->geometry = in->shape == HL_SHAPE_SPHERE ? HL_GEOM_SPHERE
                   : in->shape == HL_SHAPE_FLAT ? HL_GEOM_VERTICAL_WALL
                   : vertical                   ? HL_GEOM_VERTICAL_CYLINDER
                                                : HL_GEOM_HORIZONTAL_CYLINDER;
    double eps = 0.9;
    assert_true(add_layers(cell(t, r, c->layers), db, in, &eps));
    bc->emissivity = num(t, r, c->eps, eps);
    bc->h_conv_fixed = num(t, r, c->hconv, 0);
    bc->h_total_fixed = num(t, r, c->hout, 0);
    const char *set = cell(t, r, c->coef);
    bc->set = *set ? hl_coef_set_from_name(set) : HL_COEF_ISO12241;
    assert_true(bc->set >= 0);
}

static int parse_target(const char *text, hl_thickness_target *tg)
{
    const char *eq = strchr(text, '=');
    if (!eq)
        return 0;
    double v = atof(eq + 1);
    if (strncmp(text, "max-surface-temp", 16) == 0)
        tg->kind = HL_TARGET_SURFACE_TEMP, v += HL_ZERO_C_K;
    else if (strncmp(text, "max-heat-loss", 13) == 0)
        tg->kind = HL_TARGET_HEAT_FLOW;
    else if (strncmp(text, "max-heat-flux", 13) == 0)
        tg->kind = HL_TARGET_HEAT_FLUX;
    else
        return 0;
    tg->value = v;
    return 1;
}

/* Returns the number of failed checks in this row. */
static int check_row(const csv_table *t, int r, const cols *c,
                     const hl_material_db *db)
{
    hl_surface_in in;
    hl_surface_out out;
    hl_error err;
    hl_error_clear(&err);
    build_input(t, r, c, db, &in);
    double thk = NAN;
    int rc;
    if (strcmp(cell(t, r, c->command), "thickness") == 0) {
        hl_thickness_target tg = {0};
        assert_true(parse_target(cell(t, r, c->target), &tg));
        tg.layer = in.n_layers - 1;
        rc = hl_thickness_solve(&in, &tg, &thk, &out, &err);
    } else {
        rc = hl_surface_solve(&in, &out, &err);
    }
    const char *id = cell(t, r, c->id);
    if (rc) {
        printf("%-14s FAIL solver: %s\n", id, err.message);
        return 1;
    }
    double rel = num(t, r, c->rel, 0), abs_tol = num(t, r, c->abs, 0);
    int bad = 0;
    double e;
    if (parse_double(cell(t, r, c->e_q), &e)) {
        double dev = out.heat_flow / e - 1.0;
        int fail = fabs(dev) > rel + 1e-12;
        printf("%-14s q  %10.3f expected %10.3f (%+.2f %%, tol %.1f %%) %s\n",
               id, out.heat_flow, e, 100 * dev, 100 * rel,
               fail ? "FAIL" : "ok");
        bad += fail;
    }
    if (parse_double(cell(t, r, c->e_ts), &e)) {
        double ts = out.surface_temp_k - HL_ZERO_C_K;
        int fail = fabs(ts - e) > abs_tol + 1e-12;
        printf("%-14s Ts %10.3f expected %10.3f (tol %.2f K) %s\n", id, ts, e,
               abs_tol, fail ? "FAIL" : "ok");
        bad += fail;
    }
    if (parse_double(cell(t, r, c->e_thk), &e)) {
        int fail = fabs(thk * 1e3 - e) > abs_tol + 1e-12;
        printf("%-14s t  %10.3f expected %10.3f mm (tol %.2f) %s\n", id,
               thk * 1e3, e, abs_tol, fail ? "FAIL" : "ok");
        bad += fail;
    }
    return bad;
}

static void find_columns(const csv_table *t, cols *c)
{
    c->id = csv_table_col(t, "id");
    c->command = csv_table_col(t, "command");
    c->shape = csv_table_col(t, "shape");
    c->od = csv_table_col(t, "od_mm");
    c->temp = csv_table_col(t, "temp_c");
    c->ambient = csv_table_col(t, "ambient_c");
    c->radiant = csv_table_col(t, "radiant_c");
    c->wind = csv_table_col(t, "wind_m_s");
    c->orient = csv_table_col(t, "orientation");
    c->layers = csv_table_col(t, "layers");
    c->eps = csv_table_col(t, "emissivity");
    c->hconv = csv_table_col(t, "h_conv_w_per_m2k");
    c->hout = csv_table_col(t, "h_out_w_per_m2k");
    c->coef = csv_table_col(t, "coefficients");
    c->target = csv_table_col(t, "target");
    c->e_q = csv_table_col(t, "expect_heat_loss_w_per_m");
    c->e_ts = csv_table_col(t, "expect_surface_temp_c");
    c->e_thk = csv_table_col(t, "expect_thickness_mm");
    c->rel = csv_table_col(t, "rel_tol");
    c->abs = csv_table_col(t, "abs_tol");
    assert_true(c->id >= 0 && c->command >= 0 && c->temp >= 0);
}

static void run_file(const char *path)
{
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(csv_table_load(path, &t, &err), HL_OK);
    hl_material_db *db;
    assert_int_equal(hl_material_db_new(&db, &err), HL_OK);
    cols c;
    find_columns(&t, &c);
    int bad = 0;
    for (int r = 0; r < t.n_rows; r++)
        bad += check_row(&t, r, &c, db);
    printf("%s: %d cases, %d failed checks\n", path, t.n_rows, bad);
    hl_material_db_free(db);
    csv_table_free(&t);
    assert_int_equal(bad, 0);
}

static void shared_cases(void **state)
{
    (void)state;
    run_file(shared_validation_file("surface_cases.csv"));
}

static void own_cases(void **state)
{
    (void)state;
    run_file(test_data_file("validation/surface_cases_extra.csv"));
}

int main(void)
{
    shared_validation_file("surface_cases.csv");
    const struct CMUnitTest tests[] = {cmocka_unit_test(shared_cases),
                                       cmocka_unit_test(own_cases)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
