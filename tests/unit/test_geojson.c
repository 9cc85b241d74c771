/*
 * test_geojson.c - networks from GeoJSON and results to GeoJSON
 * (src/network/read_geojson.c, src/report/geojson_out.c): a projected
 * network with vertices (lengths measured along the lines, ends matched
 * to nodes by position), lengths on WGS 84 degrees (great circle), the
 * round trip (import, solve, export, import the export, solve: the same
 * heads, flows, vertices and CRS), and every bad input named in one line
 * with the file and line of the feature.
 */
#include "test_support.h"

#include "heatline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A loop fed by a reservoir, in CGCS2000 / 3-degree Gauss-Kruger CM 111E
 * (EPSG:4547, metres); pipe B has two vertices and no length_m. */
static const char net[] =
    "{\"type\": \"FeatureCollection\", \"name\": \"small loop\",\n"
    " \"crs\": {\"type\": \"name\", \"properties\": {\"name\":\n"
    "   \"urn:ogc:def:crs:EPSG::4547\"}},\n"
    " \"features\": [\n"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\",\n"
    "   \"coordinates\": [500000, 4500000]}, \"properties\": {\"id\": \"R\",\n"
    "   \"kind\": \"reservoir\", \"head_m\": 60}},\n"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\",\n"
    "   \"coordinates\": [500300, 4500000]}, \"properties\": {\"id\": 1,\n"
    "   \"elevation_m\": 10, \"demand_kg_per_s\": 5}},\n"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\",\n"
    "   \"coordinates\": [500300, 4500400]}, \"properties\": {\"id\": \"J2\",\n"
    "   \"elevation_m\": 12, \"demand_kg_per_s\": 8}},\n"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\",\n"
    "   \"coordinates\": [[500000, 4500000], [500300, 4500000]]},\n"
    "   \"properties\": {\"id\": \"A\", \"diameter_mm\": 200,\n"
    "   \"length_m\": 320}},\n"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\",\n"
    "   \"coordinates\": [[500300, 4500000], [500600, 4500000],\n"
    "   [500600, 4500400], [500300, 4500400]]},\n"
    "   \"properties\": {\"id\": \"B\", \"diameter_mm\": 150,\n"
    "   \"roughness_mm\": 0.2, \"minor_loss\": 1.5}},\n"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\",\n"
    "   \"coordinates\": [[500300, 4500000], [500300, 4500400]]},\n"
    "   \"properties\": {\"id\": \"C\", \"diameter_mm\": 100}}\n"
    " ]}\n";

static hl_model *load(const char *text, const char *origin)
{
    hl_model *m;
    hl_load_options o;
    hl_load_options_init(&o);
    if (hl_model_load_text(&m, text, strlen(text), origin, NULL, &o) ||
        hl_model_solve(m, NULL))
        fail_msg("%s", hl_model_error(m));
    return m;
}

static void projected_with_vertices(void **state)
{
    (void)state;
    hl_model *m = load(net, "net.geojson");
    assert_string_equal(hl_model_name(m), "small loop");
    assert_string_equal(hl_model_crs(m), "urn:ogc:def:crs:EPSG::4547");
    hl_pipe_result b;
    int ib = hl_model_find(m, HL_PIPE, "B");
    hl_model_pipe_result(m, ib, &b);
    assert_true(fabs(b.length_m - 1000.0) < 1e-9); /* 300 + 400 + 300 */
    assert_true(b.inner_diameter_m == 0.15);
    int n;
    const double *x, *y;
    assert_int_equal(hl_model_pipe_vertices(m, ib, &n, &x, &y), HL_OK);
    assert_int_equal(n, 2);
    assert_true(x[0] == 500600 && y[0] == 4500000 && y[1] == 4500400);
    hl_pipe_result a;
    hl_model_pipe_result(m, hl_model_find(m, HL_PIPE, "A"), &a);
    assert_true(a.length_m == 320.0); /* length_m wins over the geometry */
    assert_true(fabs(a.mass_flow_kg_s - 13.0) < 1e-6); /* feeds both */
    double rough, zeta;
    hl_model_pipe_roughness(m, ib, &rough, &zeta);
    assert_true(fabs(rough - 0.2e-3) < 1e-15 && zeta == 1.5);
    hl_model_free(m);
}

static void degrees_great_circle(void **state)
{
    (void)state;
    static const char t[] =
        "{\"type\": \"FeatureCollection\", \"features\": [\n"
        "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
        "\"coordinates\": [111.6, 40.0]}, \"properties\": {\"id\": \"R\", "
        "\"kind\": \"reservoir\", \"head_m\": 1100}},\n"
        "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
        "\"coordinates\": [111.6, 40.01]}, \"properties\": {\"id\": \"J\", "
        "\"elevation_m\": 1050, \"demand_kg_per_s\": 1}},\n"
        "{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", "
        "\"coordinates\": [[111.6, 40.0], [111.6, 40.01]]}, "
        "\"properties\": {\"id\": \"P\", \"diameter_mm\": 100}}]}\n";
    hl_model *m = load(t, "deg.geojson");
    hl_pipe_result p;
    hl_model_pipe_result(m, 0, &p);
    /* 0.01 degree of latitude on the mean sphere: 0.01 pi/180 R */
    double want = 0.01 * M_PI / 180.0 * 6371008.8;
    assert_true(fabs(p.length_m - want) < 1e-6);
    assert_string_equal(hl_model_crs(m), "");
    hl_model_free(m);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *t = malloc((size_t)n + 1);
    assert_int_equal(fread(t, 1, (size_t)n, f), (size_t)n);
    t[n] = '\0';
    fclose(f);
    return t;
}

static void round_trip(void **state)
{
    (void)state;
    char path[] = "/tmp/hl_geojson_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    hl_model *m = load(net, "net.geojson");
    hl_error err;
    hl_error_clear(&err);
    if (hl_geojson_write(path, m, &err))
        fail_msg("%s", err.message);
    char *text = slurp(path);
    remove(path);
    hl_model *b = load(text, "again.geojson");
    free(text);
    assert_string_equal(hl_model_crs(b), hl_model_crs(m));
    assert_int_equal(hl_model_count(b, HL_NODE), hl_model_count(m, HL_NODE));
    assert_int_equal(hl_model_count(b, HL_PIPE), hl_model_count(m, HL_PIPE));
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++) {
        hl_node_result r1, r2;
        hl_model_node_result(m, i, &r1);
        hl_model_node_result(
            b, hl_model_find(b, HL_NODE, hl_model_id(m, HL_NODE, i)), &r2);
        assert_true(fabs(r1.head_m - r2.head_m) < 1e-9);
    }
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result p1, p2;
        int j = hl_model_find(b, HL_PIPE, hl_model_id(m, HL_PIPE, i));
        hl_model_pipe_result(m, i, &p1);
        hl_model_pipe_result(b, j, &p2);
        assert_true(fabs(p1.mass_flow_kg_s - p2.mass_flow_kg_s) < 1e-9);
        assert_true(p1.length_m == p2.length_m);
        int n1, n2;
        const double *x1, *y1, *x2, *y2;
        hl_model_pipe_vertices(m, i, &n1, &x1, &y1);
        hl_model_pipe_vertices(b, j, &n2, &x2, &y2);
        assert_int_equal(n1, n2);
        for (int k = 0; k < n1; k++)
            assert_true(x1[k] == x2[k] && y1[k] == y2[k]);
    }
    hl_model_free(b);
    hl_model_free(m);
}

/* One feature replaced by a bad one (the 5th line of its text). */
static void bad_inputs(void **state)
{
    (void)state;
    static const char head[] =
        "{\"type\": \"FeatureCollection\",\n%s\"features\": [\n"
        "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
        "\"coordinates\": [0, 0]}, \"properties\": {\"id\": \"R\", "
        "\"kind\": \"reservoir\", \"head_m\": 50}},\n"
        "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
        "\"coordinates\": [100, 0]}, \"properties\": {\"id\": \"J\"}},\n"
        "%s]}\n";
    static const char crs_m[] = "\"crs\": {\"type\": \"name\", \"properties\":"
                                " {\"name\": \"EPSG:32649\"}},\n";
    static const char *bad[][3] = {
        {crs_m, "{\"type\": \"Feature\", \"properties\": {\"id\": \"P\"}}\n",
         "x.geojson:6: feature 3: missing geometry"},
        {crs_m,
         "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", "
         "\"coordinates\": []}, \"properties\": {\"id\": \"P\"}}\n",
         "x.geojson:6: feature 3: geometry Polygon: expected Point"},
        {crs_m,
         "{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", "
         "\"coordinates\": [[0, 0], [100, 0]]}, \"properties\": {\"id\": "
         "\"P\", \"diameter_mm\": \"wide\"}}\n",
         "x.geojson:6: feature 3: property diameter_mm: expected a number"},
        {"\"crs\": {\"type\": \"name\", \"properties\": {\"name\": "
         "\"EPSG:2154\"}},\n",
         "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
         "\"coordinates\": [5, 5]}, \"properties\": {\"id\": \"K\"}}\n",
         "unknown coordinate system 'EPSG:2154'"},
        {crs_m,
         "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
         "\"coordinates\": [5, 5]}, \"properties\": {\"id\": \"J\"}}\n",
         "x.geojson:6: duplicate node id 'J'"},
        {crs_m,
         "{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", "
         "\"coordinates\": [[0, 0], [90, 0]]}, \"properties\": {\"id\": "
         "\"P\", \"diameter_mm\": 100}}\n",
         "x.geojson:6: pipe 'P': its last end (90, 0) is at no node"},
        {crs_m, "{\"type\": \"Feature\", \"geometry\": ",
         "x.geojson:6: not valid JSON"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[2048];
        snprintf(text, sizeof text, head, bad[i][0], bad[i][1]);
        hl_model *m;
        hl_load_options o;
        hl_load_options_init(&o);
        assert_int_not_equal(
            hl_model_load_text(&m, text, strlen(text), "x.geojson", NULL, &o),
            HL_OK);
        if (!strstr(hl_model_error(m), bad[i][2]))
            fail_msg("case %zu: '%s' lacks '%s'", i, hl_model_error(m),
                     bad[i][2]);
        assert_null(strchr(hl_model_error(m), '\n'));
        hl_model_free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(projected_with_vertices),
        cmocka_unit_test(degrees_great_circle), cmocka_unit_test(round_trip),
        cmocka_unit_test(bad_inputs)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
