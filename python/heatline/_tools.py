"""The single calculations of the command line, from Python: water,
surface, thickness, fitting (and pipe_loss, lab_fit in _tools_more.py).

Keywords follow the options of the command (docs/cli.md) with the unit in
the name (`--od MM` is od_mm, `--ambient C` ambient_c); each value is
checked against the same range table as the command's option; the result
is a dict with the keys of the command's --json output.
"""

from ._errors import InvalidArgumentError, NotFoundError, check, new_error
from ._ffi import ffi, lib
from ._model import ZERO_C_K, _number, _path_arg, _text


def _bad(text):
    return InvalidArgumentError(lib.HL_EINVAL, text)


def _c(k):
    return k - ZERO_C_K


def _temp(quantity, name, value):
    return _number(quantity, name, value) + ZERO_C_K


def _choice(name, value, names):
    if value not in names:
        raise _bad("%s %r: expected %s" % (name, value, " or ".join(names)))
    return value


def materials_db(path=None):
    """The material table (embedded, plus the CSV file path if given) as
    an owned hl_material_db *."""
    pp = ffi.new("hl_material_db **")
    err = new_error()
    rc = lib.hl_material_db_new(pp, err)
    db = ffi.gc(pp[0], lib.hl_material_db_free) if pp[0] != ffi.NULL \
        else None
    check(rc, err)
    if path is not None:
        check(lib.hl_material_db_load_csv(db, _path_arg("materials", path),
                                          err), err)
    return db


def _material(db, name, what):
    if not isinstance(name, str) or "\0" in name:
        raise _bad("%s: expected a material id, got %r" % (what, name))
    m = lib.hl_material_find(db, name.encode())
    if m == ffi.NULL:
        hint = ffi.new("char[]", 200)
        lib.hl_material_suggest(db, name.encode(), 3, hint, 200)
        raise NotFoundError(lib.HL_ENOTFOUND,
                            "%s: unknown material '%s' (closest: %s)"
                            % (what, name, _text(hint)))
    return m


def _layer(db, spec, out, what):
    """One layer from (material or k=W/MK, thickness mm) or the CLI's
    "MATERIAL:MM" text; returns the material's emissivity or None."""
    if isinstance(spec, str):
        head, sep, mm = spec.rpartition(":")
        if not sep or not head:
            raise _bad("%s %r: expected MATERIAL:MM or k=W/MK:MM"
                       % (what, spec))
        spec = (head, mm)
    if not isinstance(spec, (tuple, list)) or len(spec) != 2:
        raise _bad("%s %r: expected (material, thickness_mm)" % (what, spec))
    name, mm = spec
    thickness = _number(lib.HL_Q_THICKNESS_MM, what + " thickness", mm)
    if isinstance(name, (int, float)) or (isinstance(name, str)
                                          and name.startswith("k=")):
        k = _number(lib.HL_Q_CONDUCTIVITY, what + " k",
                    name[2:] if isinstance(name, str) else name)
        out.thickness_m = thickness * 1e-3
        setattr(out, "lambda", lib.hl_lambda_constant(k))
        out.t_min_k = out.t_max_k = float("nan")
        out.name = ("k=%g" % k).encode()
        return None
    m = _material(db, name, what)
    lib.hl_layer_from_material(m, 0.0, out)
    out.thickness_m = thickness * 1e-3
    return None if m.emissivity != m.emissivity else m.emissivity  # NaN


def water(temp_c, pressure_bar=None):
    """Liquid water at temp_c and pressure_bar (absolute; default 1.01325
    bar, or the saturation pressure where that is higher), as `heatline
    water --json`: a dict with its keys."""
    t_c = _number(lib.HL_Q_WATER_TEMP_C, "temp_c", temp_c)
    t_k = t_c + ZERO_C_K
    if pressure_bar is None:
        p_pa = max(lib.hl_water_saturation_pressure(t_k), 101325.0)
    else:
        p_pa = _number(lib.HL_Q_PRESSURE_BAR_G, "pressure_bar",
                       pressure_bar) * 1e5
    w = ffi.new("hl_water *")
    err = new_error()
    check(lib.hl_water_props(t_k, p_pa, w, err), err)
    return {
        "temp_c": t_c, "pressure_pa": p_pa,
        "density_kg_per_m3": w.density_kg_m3, "cp_j_per_kgk": w.cp_j_kgk,
        "enthalpy_j_per_kg": w.enthalpy_j_kg,
        "viscosity_pa_s": w.viscosity_pa_s,
        "conductivity_w_per_mk": w.conductivity_w_mk, "prandtl": w.prandtl,
        "saturation_pressure_pa": w.saturation_pressure_pa,
    }


_SHAPES = {"flat": lib.HL_SHAPE_FLAT, "pipe": lib.HL_SHAPE_PIPE,
           "sphere": lib.HL_SHAPE_SPHERE}


def _coef_set(name):
    code = lib.hl_coef_set_from_name(name.encode()) \
        if isinstance(name, str) and "\0" not in name else -1
    if code < 0:
        raise _bad("coefficients %r: expected iso12241, astm-c680 or "
                   "gb50264" % (name,))
    return code


def _geometry(inp, shape, orientation, height_m):
    bc = inp.outer
    height = 1.0 if height_m is None else \
        _number(lib.HL_Q_HEIGHT_M, "height_m", height_m)
    bc.length_m = height
    if shape == "sphere":
        bc.geometry = lib.HL_GEOM_SPHERE
        return
    o = orientation or ("horizontal" if shape == "pipe" else "vertical")
    allowed = ("horizontal", "vertical") if shape == "pipe" else \
        ("horizontal", "vertical", "up", "down")
    _choice("orientation", o, allowed)
    if shape == "pipe":
        bc.geometry = lib.HL_GEOM_VERTICAL_CYLINDER if o == "vertical" \
            else lib.HL_GEOM_HORIZONTAL_CYLINDER
    elif o == "vertical":
        bc.geometry = lib.HL_GEOM_VERTICAL_WALL
    else:  # a horizontal plate: height is its side; correlations use A/P
        bc.geometry = lib.HL_GEOM_PLATE_DOWN if o == "down" \
            else lib.HL_GEOM_PLATE_UP
        bc.length_m = height / 4.0


def _surface_in(shape, temp_c, od_mm, ambient_c, radiant_c, wind_m_per_s,
                orientation, height_m, layers, emissivity, h_conv, h_out,
                film, coefficients, materials, air_pressure_kpa):
    inp = ffi.new("hl_surface_in *")
    lib.hl_surface_in_init(inp)
    inp.shape = _SHAPES[_choice("shape", shape, tuple(_SHAPES))]
    inp.inner_temp_k = _temp(lib.HL_Q_PROCESS_TEMP_C, "temp_c", temp_c)
    if shape == "flat" and od_mm is not None:
        raise _bad("od_mm applies to pipe and sphere, not flat")
    if shape != "flat":
        if od_mm is None:
            raise _bad("od_mm is required for a %s (outer diameter, mm)"
                       % shape)
        inp.diameter_m = _number(lib.HL_Q_DIAMETER_MM, "od_mm", od_mm) * 1e-3
    bc = inp.outer
    bc.air_k = _temp(lib.HL_Q_SURROUND_TEMP_C, "ambient_c", ambient_c)
    bc.radiant_k = bc.air_k if radiant_c is None else \
        _temp(lib.HL_Q_SURROUND_TEMP_C, "radiant_c", radiant_c)
    if wind_m_per_s is not None:
        bc.wind_m_s = _number(lib.HL_Q_WIND, "wind_m_per_s", wind_m_per_s)
    if h_conv is not None:
        bc.h_conv_fixed = _number(lib.HL_Q_H_COEF, "h_conv", h_conv)
    if h_out is not None:
        bc.h_total_fixed = _number(lib.HL_Q_H_COEF, "h_out", h_out)
    if film is not None:
        inp.h_inner = _number(lib.HL_Q_H_COEF, "film", film)
    if air_pressure_kpa is not None:
        bc.pressure_pa = _number(lib.HL_Q_ATM_PRESSURE_KPA,
                                 "air_pressure_kpa", air_pressure_kpa) * 1e3
    bc.set = _coef_set(coefficients)
    layers = list(layers or ())
    if len(layers) > len(inp.layer):
        raise _bad("layers: at most %d layers" % len(inp.layer))
    db = materials_db(materials)
    eps = 0.9  # bare oxidised steel; else the last material that has one
    for i, spec in enumerate(layers):
        got = _layer(db, spec, inp.layer + i, "layers[%d]" % i)
        if got is not None:
            eps = got
    inp.n_layers = len(layers)
    bc.emissivity = eps if emissivity is None else \
        _number(lib.HL_Q_EMISSIVITY, "emissivity", emissivity)
    _geometry(inp, shape, orientation, height_m)
    if h_conv is not None and h_out is not None:
        raise _bad("h_conv and h_out conflict: give one")
    if wind_m_per_s is not None and (h_conv is not None or h_out is not None):
        raise _bad("wind_m_per_s conflicts with a fixed h_conv/h_out")
    if h_out is not None and (emissivity is not None or radiant_c is not None):
        raise _bad("h_out fixes convection and radiation together: "
                   "emissivity/radiant_c conflict")
    return inp


def _surface_json(shape, inp, out):
    r = {"shape": shape,
         "coefficients": _text(lib.hl_coef_set_name(inp.outer.set))}
    if shape == "pipe":
        r["heat_loss_w_per_m"] = out.heat_flow
    elif shape == "sphere":
        r["heat_loss_w"] = out.heat_flow
    r["heat_flux_w_per_m2"] = out.heat_flux_w_m2
    r["surface_temp_c"] = _c(out.surface_temp_k)
    r["interface_temps_c"] = [_c(out.temp_k[i]) for i in range(out.n_temps)]
    r["h_convection_w_per_m2k"] = out.h_conv
    r["h_radiation_w_per_m2k"] = out.h_rad
    if shape != "flat":
        r["outer_diameter_mm"] = out.outer_diameter_m * 1e3
    return r


def _warnings(w):
    return [ffi.string(w.text[i]).decode("utf-8", "replace")
            for i in range(min(w.count, len(w.text)))]


def surface(shape, temp_c, *, od_mm=None, ambient_c=20, radiant_c=None,
            wind_m_per_s=None, orientation=None, height_m=None, layers=(),
            emissivity=None, h_conv=None, h_out=None, film=None,
            coefficients="iso12241", materials=None, air_pressure_kpa=None):
    """Heat loss and surface temperature of a layered flat wall, pipe or
    sphere, as `heatline surface ... --json`. layers: inside out, each
    (material id or "k=W/MK" or a conductivity, thickness mm) or the CLI's
    "MATERIAL:MM" text."""
    inp = _surface_in(shape, temp_c, od_mm, ambient_c, radiant_c,
                      wind_m_per_s, orientation, height_m, layers,
                      emissivity, h_conv, h_out, film, coefficients,
                      materials, air_pressure_kpa)
    out = ffi.new("hl_surface_out *")
    err = new_error()
    check(lib.hl_surface_solve(inp, out, err), err)
    r = _surface_json(shape, inp, out)
    r["warnings"] = _warnings(out.warnings)
    return r


def thickness(shape, temp_c, *, layers, vary=None, max_surface_temp_c=None,
              max_heat_loss=None, max_heat_flux=None, max_thickness_mm=None,
              **surface_options):
    """The thickness of one layer (vary: 1-based, default the last) that
    meets exactly one target, as `heatline thickness ... --json` (the
    surface's keys and thickness_mm). max_heat_loss is W/m for a pipe, W/m2
    for a wall, W for a sphere. Raises UnreachableError when no thickness
    up to max_thickness_mm (default 2000) meets it."""
    targets = [(k, v) for k, v in (("max_surface_temp_c", max_surface_temp_c),
                                   ("max_heat_loss", max_heat_loss),
                                   ("max_heat_flux", max_heat_flux))
               if v is not None]
    if len(targets) != 1:
        raise _bad("give exactly one of max_surface_temp_c, max_heat_loss, "
                   "max_heat_flux")
    inp = _surface_in(shape, temp_c, surface_options.pop("od_mm", None),
                      surface_options.pop("ambient_c", 20),
                      surface_options.pop("radiant_c", None),
                      surface_options.pop("wind_m_per_s", None),
                      surface_options.pop("orientation", None),
                      surface_options.pop("height_m", None), layers,
                      surface_options.pop("emissivity", None),
                      surface_options.pop("h_conv", None),
                      surface_options.pop("h_out", None),
                      surface_options.pop("film", None),
                      surface_options.pop("coefficients", "iso12241"),
                      surface_options.pop("materials", None),
                      surface_options.pop("air_pressure_kpa", None))
    if surface_options:
        raise TypeError("thickness(): unknown option %r"
                        % next(iter(surface_options)))
    if inp.n_layers == 0:
        raise _bad("at least one layer is needed to size")
    tgt = ffi.new("hl_thickness_target *")
    name, value = targets[0]
    if name == "max_surface_temp_c":
        tgt.kind = lib.HL_TARGET_SURFACE_TEMP
        tgt.value = _temp(lib.HL_Q_SURFACE_LIMIT_C, name, value)
    elif name == "max_heat_loss":
        tgt.kind = lib.HL_TARGET_HEAT_FLOW
        tgt.value = _number(lib.HL_Q_HEAT_PER_LENGTH, name, value)
    else:
        tgt.kind = lib.HL_TARGET_HEAT_FLUX
        tgt.value = _number(lib.HL_Q_HEAT_FLUX, name, value)
    if vary is not None:
        if not isinstance(vary, int) or not 1 <= vary <= inp.n_layers:
            raise _bad("vary %r: the model has %d layer%s" % (
                vary, inp.n_layers, "" if inp.n_layers == 1 else "s"))
    tgt.layer = (vary or inp.n_layers) - 1
    if max_thickness_mm is not None:
        tgt.max_thickness_m = _number(lib.HL_Q_THICKNESS_MM,
                                      "max_thickness_mm",
                                      max_thickness_mm) * 1e-3
    t = ffi.new("double *")
    out = ffi.new("hl_surface_out *")
    err = new_error()
    check(lib.hl_thickness_solve(inp, tgt, t, out, err), err)
    r = _surface_json(shape, inp, out)
    r["thickness_mm"] = t[0] * 1e3
    r["warnings"] = _warnings(out.warnings)
    return r
