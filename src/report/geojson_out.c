/*
 * geojson_out.c - the results of a solved model as GeoJSON (RFC 7946
 * FeatureCollection) for QGIS and other GIS: every node a Point, every
 * pipe a LineString through its vertices, pumps and valves straight
 * LineStrings, each with all its results as properties (units in the
 * names, SI but temperatures in C and pressures in bar). The model's CRS,
 * when its file named one, is written back as the "crs" member GDAL reads;
 * without one the coordinates are whatever plane the model used
 * (docs/model-format.md). Formats results only; streamed (util/json_out.h)
 * to a temporary file and renamed.
 */
#include "report.h"
#include "util/json_out.h"

#include <math.h>
#include <string.h>

#define NUM(w, k, v) json_out_real((w), (k), (v))

static void point(json_out *w, double x, double y)
{
    json_out_array(w, NULL);
    NUM(w, NULL, x);
    NUM(w, NULL, y);
    json_out_close(w);
}

/* Opens a Feature: its geometry is written next, then its properties. */
static void feature_begin(json_out *w)
{
    json_out_object(w, NULL);
    json_out_string(w, "type", "Feature");
    json_out_object(w, "geometry");
}

static void node_feature(json_out *w, hl_model *m, int i)
{
    hl_node_result r;
    double x, y;
    hl_model_node_result(m, i, &r);
    hl_model_node_xy(m, i, &x, &y);
    feature_begin(w);
    json_out_string(w, "type", "Point");
    json_out_array(w, "coordinates");
    NUM(w, NULL, x);
    NUM(w, NULL, y);
    json_out_close(w);
    json_out_close(w);
    json_out_object(w, "properties");
    json_out_string(w, "kind", r.fixed_pressure ? "reservoir" : "junction");
    json_out_string(w, "id", hl_model_id(m, HL_NODE, i));
    NUM(w, "elevation_m", r.elevation_m);
    NUM(w, "pressure_bar_g", r.pressure_pa / 1e5);
    NUM(w, "head_m", r.head_m);
    NUM(w, "temp_c", r.temp_k - HL_ZERO_C_K);
    NUM(w, "demand_kg_per_s", r.demand_kg_s);
    NUM(w, "external_kg_per_s", r.external_kg_s);
    json_out_bool(w, "fixed_pressure", r.fixed_pressure);
    json_out_bool(w, "connected", r.connected);
    json_out_close(w);
    json_out_close(w);
}

/* The geometry from-node, the vertices, to-node; then the properties
 * object opened with the link's kind, id and ends. */
static void line_and_ends(json_out *w, hl_model *m, int from, int to, int pipe,
                          const char *kind, const char *id)
{
    double x, y;
    feature_begin(w);
    json_out_string(w, "type", "LineString");
    json_out_array(w, "coordinates");
    hl_model_node_xy(m, from, &x, &y);
    point(w, x, y);
    int n = 0;
    const double *vx, *vy;
    if (pipe >= 0 && hl_model_pipe_vertices(m, pipe, &n, &vx, &vy) == HL_OK)
        for (int k = 0; k < n; k++)
            point(w, vx[k], vy[k]);
    hl_model_node_xy(m, to, &x, &y);
    point(w, x, y);
    json_out_close(w);
    json_out_close(w);
    json_out_object(w, "properties");
    json_out_string(w, "kind", kind);
    json_out_string(w, "id", id);
    json_out_string(w, "from", hl_model_id(m, HL_NODE, from));
    json_out_string(w, "to", hl_model_id(m, HL_NODE, to));
}

/* Closes the properties and the Feature. */
static void feature_end(json_out *w)
{
    json_out_close(w);
    json_out_close(w);
}

static void pipe_feature(json_out *w, hl_model *m, int i)
{
    hl_pipe_result r;
    hl_model_pipe_result(m, i, &r);
    line_and_ends(w, m, r.from, r.to, i, "pipe", hl_model_id(m, HL_PIPE, i));
    NUM(w, "length_m", r.length_m);
    double rough, zeta;
    hl_model_pipe_roughness(m, i, &rough, &zeta);
    NUM(w, "diameter_mm", r.inner_diameter_m * 1e3);
    NUM(w, "roughness_mm", rough * 1e3);
    NUM(w, "minor_loss", zeta);
    json_out_string(w, "status", r.open ? "open" : "closed");
    NUM(w, "mass_flow_kg_per_s", r.mass_flow_kg_s);
    NUM(w, "velocity_m_per_s", r.velocity_m_s);
    NUM(w, "reynolds", r.reynolds);
    NUM(w, "friction_factor", r.friction_factor);
    NUM(w, "dp_friction_pa", r.dp_friction_pa);
    NUM(w, "heat_loss_w", r.heat_loss_w);
    NUM(w, "heat_loss_w_per_m", r.heat_loss_w / r.length_m);
    NUM(w, "temp_in_c", r.temp_in_k - HL_ZERO_C_K);
    NUM(w, "temp_out_c", r.temp_out_k - HL_ZERO_C_K);
    NUM(w, "ambient_c", r.ambient_k - HL_ZERO_C_K);
    feature_end(w);
}

static void pump_feature(json_out *w, hl_model *m, int i)
{
    hl_pump_result r;
    hl_model_pump_result(m, i, &r);
    line_and_ends(w, m, r.from, r.to, -1, "pump", hl_model_id(m, HL_PUMP, i));
    NUM(w, "mass_flow_kg_per_s", r.mass_flow_kg_s);
    NUM(w, "head_m", r.head_m);
    NUM(w, "electric_w", r.electric_w);
    NUM(w, "speed", r.speed);
    json_out_bool(w, "running", r.running);
    feature_end(w);
}

static void valve_feature(json_out *w, hl_model *m, int i)
{
    hl_valve_result r;
    hl_model_valve_result(m, i, &r);
    line_and_ends(w, m, r.from, r.to, -1, "valve", hl_model_id(m, HL_VALVE, i));
    NUM(w, "mass_flow_kg_per_s", r.mass_flow_kg_s);
    NUM(w, "dp_pa", r.dp_pa);
    json_out_bool(w, "open", r.open);
    feature_end(w);
}

/* The FeatureCollection streamed into w (the member order of the tree it
 * replaces: type, name, features, crs). */
static void collection(json_out *w, hl_model *m)
{
    json_out_object(w, NULL);
    json_out_string(w, "type", "FeatureCollection");
    json_out_string(w, "name", hl_model_name(m));
    json_out_array(w, "features");
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++)
        node_feature(w, m, i);
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++)
        pipe_feature(w, m, i);
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++)
        pump_feature(w, m, i);
    for (int i = 0; i < hl_model_count(m, HL_VALVE); i++)
        valve_feature(w, m, i);
    json_out_close(w);
    const char *crs = hl_model_crs(m);
    if (crs && *crs) {
        json_out_object(w, "crs");
        json_out_string(w, "type", "name");
        json_out_object(w, "properties");
        json_out_string(w, "name", crs);
        json_out_close(w);
        json_out_close(w);
    }
    json_out_close(w);
}

int hl_geojson_write(const char *path, hl_model *m, hl_error *err)
{
    hl_totals t;
    if (!m || !path)
        return hl_error_set(err, HL_EINVAL, "GeoJSON: no model or file");
    if (hl_model_totals(m, &t))
        return hl_error_set(err, HL_ESTATE,
                            "GeoJSON: the model has no results (solve it "
                            "first)");
    if (!hl_model_has_plan(m))
        return hl_error_set(err, HL_EINVAL,
                            "GeoJSON: the model has no plan coordinates "
                            "(an .inp's [COORDINATES], a GeoJSON model; "
                            "every node needs them)");
    atomic_file a;
    int rc = atomic_open(&a, path, err);
    if (rc)
        return rc;
    /* streamed: compact, reals to 15 digits, as the GIS reads them */
    json_out w;
    json_out_init_compact(&w, json_out_file_sink, a.f, 15);
    collection(&w, m);
    if (json_out_end(&w)) {
        atomic_abort(&a);
        return hl_error_set(err, HL_EIO, "%s: cannot write", path);
    }
    return atomic_commit(&a, err);
}
