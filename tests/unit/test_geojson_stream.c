/*
 * test_geojson_stream.c - the streamed GeoJSON import
 * (src/network/geojson_scan.c): a reader that sees members as they come
 * must not depend on their order (the collection's crs, name and type
 * after its features; properties before geometry; coordinates before the
 * geometry's type), a repeated member counts as its last value (as jansson
 * kept it), members it does not know are skipped at any depth, and what
 * the JSON grammar refuses is refused in one line with its line number.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <string.h>

/* Members in an order no writer uses, unknown members nested deep, an
 * integer id, a repeated diameter (the last wins). */
static const char shuffled[] =
    "{\"features\": [\n"
    "{\"properties\": {\"kind\": \"reservoir\", \"id\": \"R\", \"head_m\": "
    "60, \"extra\": {\"a\": [1, [2, {\"b\": null}]]}},\n"
    " \"geometry\": {\"coordinates\": [500000, 4500000], \"type\": "
    "\"Point\"}, \"type\": \"Feature\"},\n"
    "{\"type\": \"Feature\", \"properties\": {\"id\": 7, \"elevation_m\": "
    "10, \"demand_kg_per_s\": 5}, \"geometry\": {\"bbox\": [0, 0, 1, 1], "
    "\"coordinates\": [500300, 4500000, 3.5], \"type\": \"Point\"}},\n"
    "{\"geometry\": {\"coordinates\": [[500000, 4500000], [500150, 4500200],"
    " [500300, 4500000]], \"type\": \"LineString\"}, \"type\": \"Feature\","
    " \"properties\": {\"diameter_mm\": 999, \"id\": \"A\", \"diameter_mm\": "
    "200, \"status\": \"open\"}}\n"
    "], \"name\": \"late\", \"type\": \"FeatureCollection\",\n"
    " \"crs\": {\"properties\": {\"name\": \"EPSG:4547\"}, \"type\": "
    "\"name\"}}\n";

static void member_order(void **state)
{
    (void)state;
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    if (hl_model_load_text(&m, shuffled, strlen(shuffled), "s.geojson", NULL,
                           &o) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    assert_string_equal(hl_model_name(m), "late");
    assert_string_equal(hl_model_crs(m), "EPSG:4547");
    assert_int_equal(hl_model_count(m, HL_NODE), 2);
    assert_int_not_equal(hl_model_find(m, HL_NODE, "7"), -1);
    hl_pipe_result a;
    int ia = hl_model_find(m, HL_PIPE, "A");
    hl_model_pipe_result(m, ia, &a);
    assert_true(a.inner_diameter_m == 0.2);
    assert_true(fabs(a.length_m - 500.0) < 1e-9); /* 250 + 250, projected */
    assert_true(fabs(a.mass_flow_kg_s - 5.0) < 1e-6);
    int n;
    const double *x, *y;
    assert_int_equal(hl_model_pipe_vertices(m, ia, &n, &x, &y), HL_OK);
    assert_int_equal(n, 1);
    assert_true(x[0] == 500150 && y[0] == 4500200);
    hl_model_free(m);
}

/* What jansson refused is refused: the message names the line. */
static void grammar(void **state)
{
    (void)state;
    static const char *bad[][2] = {
        {"", "e.geojson:1: not valid JSON"},
        {"42", "e.geojson:1: not valid JSON"},
        {"{\"type\": \"FeatureCollection\",\n\"features\": []} []",
         "e.geojson:2: not valid JSON"},
        {"{\"type\": \"FeatureCollection\",\n\n\"name\": \"a\\u0000b\", "
         "\"features\": []}",
         "e.geojson:3: not valid JSON"},
        {"{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": "
         "\"Feature\", \"properties\": {\"id\": 123456789012345678901}}]}",
         "e.geojson:2: not valid JSON"},
        {"{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": "
         "\"Feature\", \"properties\": {\"head_m\": 1e999}}]}",
         "e.geojson:2: not valid JSON"},
        {"{\"type\": \"FeatureCollection\", \"features\": [\n\n1, {}]}",
         "e.geojson:3: feature 1: expected an object of type Feature"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hl_model *m;
        hl_load_options o;
        hl_load_options_init(&o);
        assert_int_not_equal(hl_model_load_text(&m, bad[i][0],
                                                strlen(bad[i][0]), "e.geojson",
                                                NULL, &o),
                             HL_OK);
        if (!strstr(hl_model_error(m), bad[i][1]))
            fail_msg("case %zu: '%s' lacks '%s'", i, hl_model_error(m),
                     bad[i][1]);
        assert_null(strchr(hl_model_error(m), '\n'));
        hl_model_free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(member_order),
                                       cmocka_unit_test(grammar)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
