/*
 * test_buried_cases.c - every row of ../shared/validation/buried_cases.csv
 * (read as it is) and of tests/validation/buried_cases_extra.csv through
 * hl_pipe_thermal_solve; a heat loss outside its row's rel_tol fails.
 *
 * Column mapping (shared/validation/README.md): laying buried-pair ->
 * PAIR, buried-single -> SINGLE, buried-twin -> TWIN, overhead-pair ->
 * OVERHEAD with two pipes; insulation_od_mm is the insulation's outer
 * diameter (inside the casing, if any); axis depth = cover + casing
 * radius; centre distance = gap + casing diameter (twin: gap between the
 * carriers + carrier diameter). The extra file may add
 * surface_resistance_m2k_per_w.
 */
#include "test_support.h"

#include "heatline.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

typedef struct cols {
    int id, laying, t1, t2, t0, carrier, ins, lam1, lam2, casing, lam_c, soil,
        cover, depth, gap, spacing, hout, e_q1, e_q2, rel, r0;
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

static void add_layer(hl_pipe_buildup *b, double thickness_m, double k)
{
    hl_layer *l = &b->layer[b->n_layers++];
    memset(l, 0, sizeof *l);
    l->thickness_m = thickness_m;
    l->lambda = hl_lambda_constant(k);
    l->t_min_k = l->t_max_k = NAN;
}

/* Carrier, insulation (conductivity lam) and casing (if any). */
static void build_pipe(const csv_table *t, int r, const cols *c, double lam,
                       hl_pipe_buildup *b)
{
    double d = num(t, r, c->carrier, NAN) * 1e-3;
    double di = num(t, r, c->ins, NAN) * 1e-3;
    double dc = num(t, r, c->casing, 0.0) * 1e-3;
    memset(b, 0, sizeof *b);
    b->carrier_od_m = d;
    add_layer(b, 0.5 * (di - d), lam);
    if (dc > 0.0)
        add_layer(b, 0.5 * (dc - di), num(t, r, c->lam_c, NAN));
}

static void set_twin(const csv_table *t, int r, const cols *c,
                     hl_pipe_laying *lay)
{
    double d = num(t, r, c->carrier, NAN) * 1e-3;
    double di = num(t, r, c->ins, NAN) * 1e-3;
    double dc = num(t, r, c->casing, 0.0) * 1e-3;
    for (int k = 0; k < 2; k++) {
        memset(&lay->pipe[k], 0, sizeof lay->pipe[k]);
        lay->pipe[k].carrier_od_m = d;
    }
    lay->twin_lambda_fill = num(t, r, c->lam1, NAN);
    lay->twin_casing_od_m = dc > 0.0 ? dc : di;
    lay->twin_casing_wall_m = dc > 0.0 ? 0.5 * (dc - di) : 0.0;
    lay->twin_lambda_casing = num(t, r, c->lam_c, 0.0);
    double s = num(t, r, c->spacing, NAN);
    lay->axis_spacing_m = isfinite(s) ? s : num(t, r, c->gap, NAN) + d;
}

static void set_burial(const csv_table *t, int r, const cols *c,
                       hl_pipe_laying *lay, double d_out)
{
    lay->lambda_soil = num(t, r, c->soil, NAN);
    double z = num(t, r, c->depth, NAN);
    lay->axis_depth_m =
        isfinite(z) ? z : num(t, r, c->cover, NAN) + 0.5 * d_out;
    lay->surface_resistance = num(t, r, c->r0, 0.0);
    if (lay->laying == HL_LAYING_TWIN)
        return;
    double s = num(t, r, c->spacing, NAN);
    lay->axis_spacing_m = isfinite(s) ? s : num(t, r, c->gap, NAN) + d_out;
}

static void build_laying(const csv_table *t, int r, const cols *c,
                         hl_pipe_laying *lay)
{
    const char *kind = cell(t, r, c->laying);
    hl_pipe_laying_init(lay);
    lay->laying = strcmp(kind, "buried-pair") == 0     ? HL_LAYING_PAIR
                  : strcmp(kind, "buried-single") == 0 ? HL_LAYING_SINGLE
                  : strcmp(kind, "buried-twin") == 0   ? HL_LAYING_TWIN
                  : strcmp(kind, "overhead-pair") == 0 ? HL_LAYING_OVERHEAD
                                                       : -1;
    assert_true(lay->laying >= 0);
    double lam1 = num(t, r, c->lam1, NAN);
    double dc = num(t, r, c->casing, 0.0) * 1e-3;
    double d_out = dc > 0.0 ? dc : num(t, r, c->ins, NAN) * 1e-3;
    if (lay->laying == HL_LAYING_TWIN) {
        set_twin(t, r, c, lay);
    } else {
        build_pipe(t, r, c, lam1, &lay->pipe[0]);
        build_pipe(t, r, c, num(t, r, c->lam2, lam1), &lay->pipe[1]);
    }
    if (lay->laying == HL_LAYING_OVERHEAD)
        lay->air.h_total_fixed = num(t, r, c->hout, NAN);
    else
        set_burial(t, r, c, lay, d_out);
}

static int check_q(const char *id, const char *which, double q, double e,
                   double rel)
{
    double dev = q / e - 1.0;
    int fail = !(fabs(dev) <= rel + 1e-12);
    printf("%-14s %s %9.3f W/m expected %9.3f (%+.2f %%, tol %.1f %%) %s\n", id,
           which, q, e, 100 * dev, 100 * rel, fail ? "FAIL" : "ok");
    return fail;
}

/* Returns the number of failed checks in this row. */
static int check_row(const csv_table *t, int r, const cols *c)
{
    hl_pipe_laying lay;
    build_laying(t, r, c, &lay);
    double t1 = num(t, r, c->t1, NAN) + HL_ZERO_C_K;
    double t2 = num(t, r, c->t2, NAN) + HL_ZERO_C_K;
    double t0 = num(t, r, c->t0, NAN) + HL_ZERO_C_K;
    hl_pipe_thermal out;
    hl_error err;
    hl_error_clear(&err);
    const char *id = cell(t, r, c->id);
    if (hl_pipe_thermal_solve(&lay, t1, t2, t0, &out, &err)) {
        printf("%-14s FAIL solver: %s\n", id, err.message);
        return 1;
    }
    double rel = num(t, r, c->rel, 0.0), e;
    int bad = 0;
    if (parse_double(cell(t, r, c->e_q1), &e))
        bad += check_q(id, "q supply", out.q[0], e, rel);
    if (parse_double(cell(t, r, c->e_q2), &e))
        bad += check_q(id, "q return", out.q[1], e, rel);
    return bad;
}

static void find_columns(const csv_table *t, cols *c)
{
    c->id = csv_table_col(t, "id");
    c->laying = csv_table_col(t, "laying");
    c->t1 = csv_table_col(t, "t_supply_c");
    c->t2 = csv_table_col(t, "t_return_c");
    c->t0 = csv_table_col(t, "t_ground_or_air_c");
    c->carrier = csv_table_col(t, "carrier_od_mm");
    c->ins = csv_table_col(t, "insulation_od_mm");
    c->lam1 = csv_table_col(t, "lambda_ins_supply");
    c->lam2 = csv_table_col(t, "lambda_ins_return");
    c->casing = csv_table_col(t, "casing_od_mm");
    c->lam_c = csv_table_col(t, "lambda_casing");
    c->soil = csv_table_col(t, "lambda_soil");
    c->cover = csv_table_col(t, "cover_to_casing_top_m");
    c->depth = csv_table_col(t, "axis_depth_m");
    c->gap = csv_table_col(t, "gap_between_casings_m");
    c->spacing = csv_table_col(t, "axis_spacing_m");
    c->hout = csv_table_col(t, "h_out_w_per_m2k");
    c->e_q1 = csv_table_col(t, "expect_q_supply_w_per_m");
    c->e_q2 = csv_table_col(t, "expect_q_return_w_per_m");
    c->rel = csv_table_col(t, "rel_tol");
    c->r0 = csv_table_col(t, "surface_resistance_m2k_per_w");
    assert_true(c->id >= 0 && c->laying >= 0 && c->t1 >= 0 && c->t0 >= 0);
    assert_true(c->carrier >= 0 && c->ins >= 0 && c->rel >= 0);
    assert_true(c->e_q1 >= 0 && c->e_q2 >= 0);
}

static void run_file(const char *path)
{
    csv_table t;
    hl_error err;
    hl_error_clear(&err);
    assert_int_equal(csv_table_load(path, &t, &err), HL_OK);
    cols c;
    find_columns(&t, &c);
    int bad = 0;
    for (int r = 0; r < t.n_rows; r++)
        bad += check_row(&t, r, &c);
    printf("%s: %d cases, %d failed checks\n", path, t.n_rows, bad);
    assert_true(t.n_rows > 0);
    csv_table_free(&t);
    assert_int_equal(bad, 0);
}

static void shared_cases(void **state)
{
    (void)state;
    run_file(shared_validation_file("buried_cases.csv"));
}

static void own_cases(void **state)
{
    (void)state;
    run_file(test_data_file("validation/buried_cases_extra.csv"));
}

int main(void)
{
    shared_validation_file("buried_cases.csv");
    const struct CMUnitTest tests[] = {cmocka_unit_test(shared_cases),
                                       cmocka_unit_test(own_cases)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
