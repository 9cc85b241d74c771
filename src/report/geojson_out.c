/*
 * geojson_out.c - the results of a solved model as GeoJSON (RFC 7946
 * FeatureCollection) for QGIS and other GIS: every node a Point, every
 * pipe a LineString through its vertices, pumps and valves straight
 * LineStrings, each with all its results as properties (units in the
 * names, SI but temperatures in C and pressures in bar). The model's CRS,
 * when its file named one, is written back as the "crs" member GDAL reads;
 * without one the coordinates are whatever plane the model used
 * (docs/model-format.md). Formats results only; written to a temporary
 * file and renamed.
 */
#include "report.h"

#include <math.h>
#include <string.h>

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *point(double x, double y)
{
    return json_pack("[oo]", num(x), num(y));
}

static json_t *feature(json_t *geometry, json_t *props)
{
    return json_pack("{s:s, s:o, s:o}", "type", "Feature", "geometry", geometry,
                     "properties", props);
}

static json_t *node_feature(hl_model *m, int i)
{
    hl_node_result r;
    double x, y;
    hl_model_node_result(m, i, &r);
    hl_model_node_xy(m, i, &x, &y);
    json_t *p = json_object();
    json_object_set_new(
        p, "kind", json_string(r.fixed_pressure ? "reservoir" : "junction"));
    json_object_set_new(p, "id", json_string(hl_model_id(m, HL_NODE, i)));
    json_object_set_new(p, "elevation_m", num(r.elevation_m));
    json_object_set_new(p, "pressure_bar_g", num(r.pressure_pa / 1e5));
    json_object_set_new(p, "head_m", num(r.head_m));
    json_object_set_new(p, "temp_c", num(r.temp_k - HL_ZERO_C_K));
    json_object_set_new(p, "demand_kg_per_s", num(r.demand_kg_s));
    json_object_set_new(p, "external_kg_per_s", num(r.external_kg_s));
    json_object_set_new(p, "fixed_pressure", json_boolean(r.fixed_pressure));
    json_object_set_new(p, "connected", json_boolean(r.connected));
    return feature(
        json_pack("{s:s, s:o}", "type", "Point", "coordinates", point(x, y)),
        p);
}

/* from-node, the vertices, to-node */
static json_t *line(hl_model *m, int from, int to, int pipe)
{
    double x, y;
    json_t *c = json_array();
    hl_model_node_xy(m, from, &x, &y);
    json_array_append_new(c, point(x, y));
    int n = 0;
    const double *vx, *vy;
    if (pipe >= 0 && hl_model_pipe_vertices(m, pipe, &n, &vx, &vy) == HL_OK)
        for (int k = 0; k < n; k++)
            json_array_append_new(c, point(vx[k], vy[k]));
    hl_model_node_xy(m, to, &x, &y);
    json_array_append_new(c, point(x, y));
    return json_pack("{s:s, s:o}", "type", "LineString", "coordinates", c);
}

static json_t *ends(hl_model *m, const char *kind, const char *id, int from,
                    int to)
{
    return json_pack("{s:s, s:s, s:s, s:s}", "kind", kind, "id", id, "from",
                     hl_model_id(m, HL_NODE, from), "to",
                     hl_model_id(m, HL_NODE, to));
}

static json_t *pipe_feature(hl_model *m, int i)
{
    hl_pipe_result r;
    hl_model_pipe_result(m, i, &r);
    json_t *p = ends(m, "pipe", hl_model_id(m, HL_PIPE, i), r.from, r.to);
    json_object_set_new(p, "length_m", num(r.length_m));
    double rough, zeta;
    hl_model_pipe_roughness(m, i, &rough, &zeta);
    json_object_set_new(p, "diameter_mm", num(r.inner_diameter_m * 1e3));
    json_object_set_new(p, "roughness_mm", num(rough * 1e3));
    json_object_set_new(p, "minor_loss", num(zeta));
    json_object_set_new(p, "status", json_string(r.open ? "open" : "closed"));
    json_object_set_new(p, "mass_flow_kg_per_s", num(r.mass_flow_kg_s));
    json_object_set_new(p, "velocity_m_per_s", num(r.velocity_m_s));
    json_object_set_new(p, "reynolds", num(r.reynolds));
    json_object_set_new(p, "friction_factor", num(r.friction_factor));
    json_object_set_new(p, "dp_friction_pa", num(r.dp_friction_pa));
    json_object_set_new(p, "heat_loss_w", num(r.heat_loss_w));
    json_object_set_new(p, "heat_loss_w_per_m",
                        num(r.heat_loss_w / r.length_m));
    json_object_set_new(p, "temp_in_c", num(r.temp_in_k - HL_ZERO_C_K));
    json_object_set_new(p, "temp_out_c", num(r.temp_out_k - HL_ZERO_C_K));
    json_object_set_new(p, "ambient_c", num(r.ambient_k - HL_ZERO_C_K));
    return feature(line(m, r.from, r.to, i), p);
}

static json_t *pump_feature(hl_model *m, int i)
{
    hl_pump_result r;
    hl_model_pump_result(m, i, &r);
    json_t *p = ends(m, "pump", hl_model_id(m, HL_PUMP, i), r.from, r.to);
    json_object_set_new(p, "mass_flow_kg_per_s", num(r.mass_flow_kg_s));
    json_object_set_new(p, "head_m", num(r.head_m));
    json_object_set_new(p, "electric_w", num(r.electric_w));
    json_object_set_new(p, "speed", num(r.speed));
    json_object_set_new(p, "running", json_boolean(r.running));
    return feature(line(m, r.from, r.to, -1), p);
}

static json_t *valve_feature(hl_model *m, int i)
{
    hl_valve_result r;
    hl_model_valve_result(m, i, &r);
    json_t *p = ends(m, "valve", hl_model_id(m, HL_VALVE, i), r.from, r.to);
    json_object_set_new(p, "mass_flow_kg_per_s", num(r.mass_flow_kg_s));
    json_object_set_new(p, "dp_pa", num(r.dp_pa));
    json_object_set_new(p, "open", json_boolean(r.open));
    return feature(line(m, r.from, r.to, -1), p);
}

static json_t *collection(hl_model *m)
{
    json_t *fs = json_array();
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++)
        json_array_append_new(fs, node_feature(m, i));
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++)
        json_array_append_new(fs, pipe_feature(m, i));
    for (int i = 0; i < hl_model_count(m, HL_PUMP); i++)
        json_array_append_new(fs, pump_feature(m, i));
    for (int i = 0; i < hl_model_count(m, HL_VALVE); i++)
        json_array_append_new(fs, valve_feature(m, i));
    json_t *o = json_pack("{s:s, s:s, s:o}", "type", "FeatureCollection",
                          "name", hl_model_name(m), "features", fs);
    const char *crs = hl_model_crs(m);
    if (crs && *crs)
        json_object_set_new(o, "crs",
                            json_pack("{s:s, s:{s:s}}", "type", "name",
                                      "properties", "name", crs));
    return o;
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
    json_t *o = collection(m);
    atomic_file a;
    int rc = o ? atomic_open(&a, path, err)
               : hl_error_set(err, HL_ENOMEM, "GeoJSON: out of memory");
    if (rc) {
        json_decref(o);
        return rc;
    }
    if (json_dumpf(o, a.f, JSON_COMPACT | JSON_REAL_PRECISION(15)) ||
        fputc('\n', a.f) == EOF) {
        json_decref(o);
        atomic_abort(&a);
        return hl_error_set(err, HL_EIO, "%s: cannot write", path);
    }
    json_decref(o);
    return atomic_commit(&a, err);
}
