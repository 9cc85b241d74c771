"""fitting, pipe_loss and lab_fit: the catalogue fittings, the heat loss of
a pipe build-up or pair, and the lambda(T) fit of laboratory runs, with the
options of `heatline fitting`, `heatline pipe-loss` and `heatline lab fit`
and the keys of their --json output (docs/cli.md)."""

import math

import pandas as pd

from ._errors import check, new_error
from ._ffi import ffi, lib
from ._model import ZERO_C_K, _number, _path_arg, _text
from ._tools import _bad, _choice, _coef_set, _material, _temp, _warnings, \
    materials_db


def _nan_none(v):
    return None if isinstance(v, float) and math.isnan(v) else v


def _catalog():
    pp = ffi.new("hl_fitting_catalog **")
    err = new_error()
    rc = lib.hl_fitting_catalog_new(pp, err)
    cat = ffi.gc(pp[0], lib.hl_fitting_catalog_free) \
        if pp[0] != ffi.NULL else None
    check(rc, err)
    return cat


def _whole(quantity, name, value):
    v = _number(quantity, name, value)
    if v != int(v):
        raise _bad("%s %r: expected a whole number" % (name, value))
    return int(v)


def _cover(db, text, out, what):
    err = new_error()
    if "\0" in text:
        raise _bad("%s: a NUL byte" % what)
    rc = lib.hl_fitting_cover_parse(db, text.encode(), out, err)
    if rc:
        err_text = _text(err.message)
        from ._errors import error
        raise error(rc, "%s: %s" % (what, err_text))


def fitting(type, dn, temp_c, *, pn=16, ambient_c=20, radiant_c=None,
            wind_m_per_s=None, coating=None, jacket=None, limit_c=None,
            contact_s=None, emissivity=None, coefficients="iso12241",
            ref_insulation="pur-aged:100", materials=None):
    """Heat loss, hottest surface, burn-safety verdict and minimum coating
    of one catalogue fitting, as `heatline fitting --type --dn ... --json`.
    coating / jacket: "MATERIAL:MM" or "k=W/MK:MM"; ref_insulation: the
    adjacent pipe's insulation for the equivalent length, or "none"."""
    if not isinstance(type, str) or "\0" in type:
        raise _bad("type %r: expected a fitting type" % (type,))
    code = lib.hl_fitting_type_from_name(type.encode())
    if code < 0:
        raise _bad("type '%s': expected gate-valve, butterfly-valve, "
                   "ball-valve, globe-valve, flange-pair, blind-flange, "
                   "bellows-compensator, sleeve-compensator, fixed-support "
                   "or vent-drain" % type)
    dn = _whole(lib.HL_Q_DN, "dn", dn)
    pn = _whole(lib.HL_Q_PN, "pn", pn)
    c = ffi.new("hl_fitting_conditions *")
    lib.hl_fitting_conditions_init(c)
    c.medium_k = _temp(lib.HL_Q_PROCESS_TEMP_C, "temp_c", temp_c)
    c.air_k = _temp(lib.HL_Q_SURROUND_TEMP_C, "ambient_c", ambient_c)
    c.radiant_k = c.air_k if radiant_c is None else \
        _temp(lib.HL_Q_SURROUND_TEMP_C, "radiant_c", radiant_c)
    if wind_m_per_s is not None:
        c.wind_m_s = _number(lib.HL_Q_WIND, "wind_m_per_s", wind_m_per_s)
    if limit_c is not None:
        c.limit_k = _temp(lib.HL_Q_SURFACE_LIMIT_C, "limit_c", limit_c)
    if contact_s is not None:
        c.contact_s = _number(lib.HL_Q_CONTACT_S, "contact_s", contact_s)
    if emissivity is not None:
        c.bare_emissivity = _number(lib.HL_Q_EMISSIVITY, "emissivity",
                                    emissivity)
    c.coef_set = _coef_set(coefficients)
    if coating is not None and jacket is not None:
        raise _bad("coating and jacket conflict: a fitting is either coated "
                   "or jacketed")
    db = materials_db(materials)
    if coating is not None:
        _cover(db, "coated %s" % coating, ffi.addressof(c, "cover"),
               "coating")
    elif jacket is not None:
        _cover(db, "jacket %s" % jacket, ffi.addressof(c, "cover"), "jacket")
    if ref_insulation != "none":
        ref = ffi.new("hl_fitting_cover *")
        _cover(db, "jacket %s" % ref_insulation, ref, "ref_insulation")
        c.ref_layer = ref.layer
        c.ref_emissivity = ref.emissivity
    cat = _catalog()
    fid = ffi.new("int *")
    err = new_error()
    check(lib.hl_fitting_find(cat, code, dn, pn, fid, err), err)
    r = ffi.new("hl_fitting_result *")
    check(lib.hl_fitting_solve(cat, fid[0], c, r, err), err)
    return _fitting_json(cat, fid[0], type, dn, pn, c, r, db)


def _state_text(c):
    if c.cover.state == lib.HL_FIT_BARE:
        return "bare"
    return "%s %s %.1f mm" % (
        "coated" if c.cover.state == lib.HL_FIT_COATED else "jacket",
        _text(c.cover.material), c.cover.layer.thickness_m * 1e3)


def _fitting_json(cat, fid, type, dn, pn, c, r, db):
    def patch_name(i):
        return _text(lib.hl_fitting_patch_name(cat, fid, i))
    o = {
        "type": type, "dn": dn, "pn": pn, "state": _state_text(c),
        "heat_loss_w": r.heat_loss_w, "area_m2": r.area_m2,
        "max_surface_temp_c": r.max_surface_k - ZERO_C_K,
        "hottest_part": patch_name(r.hottest_patch),
        "mean_surface_temp_c": r.mean_surface_k - ZERO_C_K,
        "equivalent_length_m": _nan_none(r.equivalent_length_m),
        "reference_loss_w_per_m": _nan_none(r.ref_loss_w_per_m),
        "verdict": "fail" if r.verdict == lib.HL_VERDICT_FAIL else "pass",
        "limit_c": c.limit_k - ZERO_C_K, "contact_s": c.contact_s,
        "contact_class": _text(lib.hl_contact_class_name(r.contact_class)),
        "burn_threshold_c": r.burn_threshold_k - ZERO_C_K,
        "effective_limit_c": r.effective_limit_k - ZERO_C_K,
    }
    if c.cover.state == lib.HL_FIT_COATED:
        m = lib.hl_material_find(db, c.cover.material)
        if m == ffi.NULL:  # a k= cover: a material of its own
            m = ffi.new("hl_material *")
            m.id = c.cover.material
            setattr(m, "lambda", getattr(c.cover.layer, "lambda"))
            m.t_min_k = m.t_max_k = float("nan")
            m.max_service_k = c.cover.max_service_k
            m.emissivity = c.cover.emissivity
        t = ffi.new("double *")
        err = new_error()
        rc = lib.hl_fitting_min_coating(cat, fid, c, m, 0.0, t, err)
        if rc and rc != lib.HL_EUNREACHABLE:
            check(rc, err)
        o["min_coating_mm"] = None if rc else t[0] * 1e3
        if rc:
            o["min_coating_note"] = _text(err.message)
    o["patches"] = [{
        "part": patch_name(i), "area_m2": p.area_m2, "heat_loss_w": p.heat_w,
        "max_surface_temp_c": p.max_surface_k - ZERO_C_K,
        "mean_surface_temp_c": p.mean_surface_k - ZERO_C_K,
        "fin_efficiency": p.efficiency}
        for i, p in ((i, r.patch[i]) for i in range(r.n_patches))]
    o["warnings"] = _warnings(r.warnings)
    return o


_LAYINGS = {  # name: (enum, pipes, buried)
    "single": (lib.HL_LAYING_SINGLE, 1, True),
    "pair": (lib.HL_LAYING_PAIR, 2, True),
    "twin": (lib.HL_LAYING_TWIN, 2, True),
    "overhead": (lib.HL_LAYING_OVERHEAD, 1, False),
    "overhead-pair": (lib.HL_LAYING_OVERHEAD, 2, False),
    "duct": (lib.HL_LAYING_DUCT, 1, False),
    "duct-pair": (lib.HL_LAYING_DUCT, 2, False),
}


def _pl_layer(db, lam, mat, default_k, thickness_m, out, what):
    """A layer of constant conductivity lam or of material mat; returns
    the material's emissivity or None."""
    if mat is not None:
        m = _material(db, mat, what)
        lib.hl_layer_from_material(m, thickness_m, out)
        return None if math.isnan(m.emissivity) else m.emissivity
    k = default_k if lam is None else \
        _number(lib.HL_Q_CONDUCTIVITY, what, lam)
    if k is None:
        raise _bad("lambda_ins or insulation is required")
    out.thickness_m = thickness_m
    setattr(out, "lambda", lib.hl_lambda_constant(k))
    out.t_min_k = out.t_max_k = float("nan")
    out.name = ("k=%g" % k).encode()
    return None


def pipe_loss(laying, *, carrier_od_mm, insulation_od_mm, supply_c,
              return_c=None, ground_c=None, air_c=None, lambda_ins=None,
              insulation=None, lambda_ins_return=None,
              insulation_return=None, carrier_od_return_mm=None,
              insulation_od_return_mm=None, casing_od_mm=None,
              casing_od_return_mm=None, lambda_casing=None, casing=None,
              lambda_soil=None, cover_m=None, axis_depth_m=None,
              surface_resistance=None, gap_m=None, spacing_m=None,
              h_out=None, wind_m_per_s=None, emissivity=None,
              coefficients=None, twin_method=None, twin_order=None,
              materials=None):
    """Heat loss per metre of a buried single pipe, pair or twin pipe, or
    of one or two pipes in air or a duct, as `heatline pipe-loss ...
    --json`. Diameters in mm, temperatures in C."""
    _choice("laying", laying, tuple(_LAYINGS))
    kind, n_pipes, buried = _LAYINGS[laying]
    if buried and ground_c is None or (not buried and air_c is None):
        raise _bad("%s is required" % ("ground_c" if buried else "air_c"))
    if (ground_c is not None) and (air_c is not None):
        raise _bad("ground_c and air_c conflict: give the one of the laying")
    if n_pipes == 2 and return_c is None:
        raise _bad("return_c is required for a two-pipe laying")
    if n_pipes == 1 and return_c is not None:
        raise _bad("return_c applies to two-pipe layings only")
    if buried and (cover_m is None) == (axis_depth_m is None):
        raise _bad("give one of cover_m and axis_depth_m")
    if laying in ("pair", "twin") and (gap_m is None) == (spacing_m is None):
        raise _bad("give one of gap_m and spacing_m")
    if laying == "twin":
        given = [k for k, v in (
            ("carrier_od_return_mm", carrier_od_return_mm),
            ("insulation_od_return_mm", insulation_od_return_mm),
            ("lambda_ins_return", lambda_ins_return),
            ("insulation_return", insulation_return),
            ("casing_od_return_mm", casing_od_return_mm)) if v is not None]
        if given:
            raise _bad("%s: a twin has one fill and equal carriers"
                       % given[0])
    elif twin_method is not None or twin_order is not None:
        raise _bad("twin_method and twin_order apply to the twin laying")
    lay = ffi.new("hl_pipe_laying *")
    lib.hl_pipe_laying_init(lay)
    lay.laying = kind
    t1 = _temp(lib.HL_Q_WATER_TEMP_C, "supply_c", supply_c)
    t2 = t1 if return_c is None else \
        _temp(lib.HL_Q_WATER_TEMP_C, "return_c", return_c)
    t0 = _temp(lib.HL_Q_SURROUND_TEMP_C, "ground_c" if buried else "air_c",
               ground_c if buried else air_c)
    db = materials_db(materials) if (insulation or insulation_return
                                     or casing) else ffi.NULL
    eps = 0.9  # oxidised steel or a casing without a stated one
    outer = []
    if laying == "twin":
        outer = _twin(lay, db, t0, carrier_od_mm, insulation_od_mm,
                      casing_od_mm, lambda_ins, insulation, lambda_casing,
                      casing, gap_m, spacing_m, twin_method, twin_order)
    for k in range(n_pipes if laying != "twin" else 0):
        ret = k == 1
        d = _number(lib.HL_Q_DIAMETER_MM, "carrier_od_mm",
                    carrier_od_return_mm if ret and carrier_od_return_mm
                    is not None else carrier_od_mm) * 1e-3
        di = _number(lib.HL_Q_DIAMETER_MM, "insulation_od_mm",
                     insulation_od_return_mm if ret and
                     insulation_od_return_mm is not None
                     else insulation_od_mm) * 1e-3
        dc = casing_od_return_mm if ret and casing_od_return_mm is not None \
            else casing_od_mm
        dc = None if dc is None else \
            _number(lib.HL_Q_DIAMETER_MM, "casing_od_mm", dc) * 1e-3
        if not di > d:
            raise _bad("insulation_od_mm: expected more than the carrier OD")
        if dc is not None and not dc > di:
            raise _bad("casing_od_mm: expected more than the insulation OD")
        b = lay.pipe[k]
        b.carrier_od_m = d
        use_ret = ret and (lambda_ins_return is not None
                           or insulation_return is not None)
        got = _pl_layer(db, lambda_ins_return if use_ret else lambda_ins,
                        insulation_return if use_ret else insulation, None,
                        0.5 * (di - d), b.layer + 0, "insulation")
        eps = got if got is not None else eps
        b.n_layers = 1
        if dc is not None:
            got = _pl_layer(db, lambda_casing, casing, 0.43, 0.5 * (dc - di),
                            b.layer + 1, "casing")
            eps = got if got is not None else eps
            b.n_layers = 2
        outer.append(dc if dc is not None else di)
    if lambda_soil is not None:
        lay.lambda_soil = _number(lib.HL_Q_CONDUCTIVITY, "lambda_soil",
                                  lambda_soil)
    if surface_resistance is not None:
        lay.surface_resistance = 0.0685 if surface_resistance == "en13941" \
            else _number(lib.HL_Q_SURFACE_RESISTANCE, "surface_resistance",
                         surface_resistance)
    if buried:
        r_out = 0.5 * max(outer)
        if cover_m is not None:
            lay.axis_depth_m = _number(lib.HL_Q_DEPTH_M, "cover_m",
                                       cover_m) + r_out
        else:
            lay.axis_depth_m = _number(lib.HL_Q_DEPTH_M, "axis_depth_m",
                                       axis_depth_m)
            if not lay.axis_depth_m > r_out:
                raise _bad("axis_depth_m %g: expected more than the outer "
                           "radius %g m" % (lay.axis_depth_m, r_out))
    if laying == "pair":
        need = 0.5 * (outer[0] + outer[1])
        s = _number(lib.HL_Q_DEPTH_M, "gap_m", gap_m) + need \
            if gap_m is not None else \
            _number(lib.HL_Q_DEPTH_M, "spacing_m", spacing_m)
        if not s >= need:
            raise _bad("spacing_m %g: the pipes overlap: expected at least "
                       "%g m" % (s, need))
        lay.axis_spacing_m = s
    if not buried:
        bc = lay.air
        bc.h_total_fixed = 0.0 if h_out is None else \
            _number(lib.HL_Q_H_COEF, "h_out", h_out)
        bc.wind_m_s = 0.0 if wind_m_per_s is None else \
            _number(lib.HL_Q_WIND, "wind_m_per_s", wind_m_per_s)
        bc.emissivity = eps if emissivity is None else \
            _number(lib.HL_Q_EMISSIVITY, "emissivity", emissivity)
        bc.radiant_k = 0.0  # = the air temperature
        if coefficients is not None:
            bc.set = _coef_set(coefficients)
    out = ffi.new("hl_pipe_thermal *")
    err = new_error()
    check(lib.hl_pipe_thermal_solve(lay, t1, t2, t0, out, err), err)
    return _pipe_loss_json(laying, n_pipes, buried, lay, out,
                           casing_od_mm is not None)


def _twin(lay, db, t0, carrier_od_mm, insulation_od_mm, casing_od_mm,
          lambda_ins, insulation, lambda_casing, casing, gap_m, spacing_m,
          method, order):
    """Two carriers in one fill and casing (as the command builds it);
    the outer diameters for the burial depth."""
    d = _number(lib.HL_Q_DIAMETER_MM, "carrier_od_mm", carrier_od_mm) * 1e-3
    di = _number(lib.HL_Q_DIAMETER_MM, "insulation_od_mm",
                 insulation_od_mm) * 1e-3
    dc = None if casing_od_mm is None else \
        _number(lib.HL_Q_DIAMETER_MM, "casing_od_mm", casing_od_mm) * 1e-3
    if not di > d:
        raise _bad("insulation_od_mm: expected more than the carrier OD")
    if dc is not None and not dc > di:
        raise _bad("casing_od_mm: expected more than the insulation OD")
    fill = ffi.new("hl_layer *")
    _pl_layer(db, lambda_ins, insulation, None, 0.0, fill, "insulation")
    lay.pipe[0].carrier_od_m = lay.pipe[1].carrier_od_m = d
    lay.pipe[0].n_layers = lay.pipe[1].n_layers = 0
    lay.twin_fill = getattr(fill, "lambda")
    lay.twin_casing_od_m = dc if dc is not None else di
    lay.twin_casing_wall_m = 0.5 * (dc - di) if dc is not None else 0.0
    if dc is not None:
        wall = ffi.new("hl_layer *")
        _pl_layer(db, lambda_casing, casing, 0.43, 0.0, wall, "casing")
        lay.twin_lambda_casing = lib.hl_lambda_at(
            ffi.addressof(wall[0], "lambda"), t0)
    s = _number(lib.HL_Q_DEPTH_M, "gap_m", gap_m) + d if gap_m is not None \
        else _number(lib.HL_Q_DEPTH_M, "spacing_m", spacing_m)
    if not s > d:
        raise _bad("spacing %g m: the carriers overlap or touch: expected a "
                   "centre distance above the carrier diameter %g m" % (s, d))
    if not 0.5 * s + 0.5 * d < 0.5 * di:
        raise _bad("spacing %g m: the carriers reach %g mm from the axis: "
                   "expected less than the insulation radius %g mm"
                   % (s, (0.5 * s + 0.5 * d) * 1e3, 0.5 * di * 1e3))
    lay.axis_spacing_m = s
    if order is not None:
        n = _number(lib.HL_Q_COUNT, "twin_order", order)
        if n != int(n) or not 1 <= n <= 14:
            raise _bad("twin_order %r: expected a whole number 1..14"
                       % (order,))
        lay.twin_order = int(n)
    if method is not None:
        lay.twin_method = {"multipole": lib.HL_TWIN_MULTIPOLE,
                           "wallenten": lib.HL_TWIN_WALLENTEN}[
            _choice("twin_method", method, ("multipole", "wallenten"))]
    outer = dc if dc is not None else di
    return [outer, outer]


def _pipe_loss_json(laying, n_pipes, buried, lay, o, has_casing):
    def pair(prefix, suffix, values):
        return {"%s%s%s" % (prefix, side, suffix):
                (_nan_none(values[k]) if k < n_pipes else None)
                for k, side in enumerate(("supply", "return"))}
    r = {"laying": laying}
    r.update(pair("q_", "_w_per_m", o.q))
    r["q_total_w_per_m"] = o.q[0] + o.q[1]
    r.update(pair("r_", "_k_m_per_w", (o.r11, o.r22)))
    r["r_mutual_k_m_per_w"] = o.r12
    twin = laying == "twin"
    if twin:  # the wall carries q1 + q2; the fill's share is the rest
        casing = [o.r_casing_wall if has_casing else float("nan")] * 2
        ins = [(o.r11, o.r22)[k] - o.r_outside[k]
               - (casing[k] if has_casing else 0.0) for k in range(2)]
    else:
        ins = [o.r_layer[k][0] for k in range(2)]
        casing = [o.r_layer[k][1] if o.n_layers[k] > 1 else float("nan")
                  for k in range(2)]
    r.update(pair("r_insulation_", "_k_m_per_w", ins))
    r.update(pair("r_casing_", "_k_m_per_w", casing))
    r.update(pair("r_soil_" if buried else "r_surface_", "_k_m_per_w",
                  o.r_outside))
    if twin:
        r["r_symmetric_k_m_per_w"] = o.r_sym
        r["r_antisymmetric_k_m_per_w"] = o.r_anti
    r.update(pair("surface_temp_", "_c",
                  [o.t_surface_k[k] - ZERO_C_K for k in range(2)]))
    if buried:
        r["axis_depth_m"] = lay.axis_depth_m
        r["axis_spacing_m"] = lay.axis_spacing_m if n_pipes == 2 else None
        r["lambda_soil_w_per_mk"] = lay.lambda_soil
        r["surface_resistance_m2k_per_w"] = lay.surface_resistance
        if twin:
            r["twin_method"] = "wallenten" if \
                lay.twin_method == lib.HL_TWIN_WALLENTEN else "multipole"
    r["warnings"] = _warnings(o.warnings)
    return r


def lab_fit(runs_csv, material=None, *, cycles=0, degree="auto",
            coefficients="iso12241"):
    """The lambda(T) fits of laboratory runs (a runs file, docs/cli.md
    "Runs file") at one ageing state (cycles, or hours when the file
    counts hours), as the "materials" of `heatline lab fit --json`: a list
    with one dict per material (material None: every material of the file,
    in file order), each with material, runs, t_min_c, t_max_c, fit
    (degree, ref_c, coefficients, std_uncertainties, covariance, chi2,
    dof, r2, ...), points (a DataFrame: line, t_mean_c, delta_t_k, lambda,
    u_lambda, fitted, residual, studentised) and lambda_at(t_c), the fitted
    curve."""
    d = ffi.new("hl_lab_data *")
    err = new_error()
    rc = lib.hl_lab_read_csv(_path_arg("runs_csv", runs_csv),
                             _coef_set(coefficients), d, err)
    d = ffi.gc(d, lib.hl_lab_data_free)
    check(rc, err)
    names = []
    for i in range(d.n_runs):
        name = _text(d.runs[i].material)
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    if material is not None:
        if not isinstance(material, str) or "\0" in material:
            raise _bad("material %r: expected a material id" % (material,))
        names = [material]
    age = _number(lib.HL_Q_AGE, "cycles", cycles)
    deg = {"auto": 0, 1: 1, 2: 2, "1": 1, "2": 2}.get(degree, -1)
    if deg < 0:
        raise _bad("degree %r: expected auto, 1 or 2" % (degree,))
    return [_fit_one(d, str(runs_csv), name, age, deg) for name in names]


def _fit_one(d, origin, material, age, degree):
    pts = ffi.new("hl_lab_point[]", max(d.n_runs, 1))
    n = lib.hl_lab_points(d, material.encode(), age, pts, d.n_runs)
    if n == 0:
        from ._errors import NotFoundError
        raise NotFoundError(lib.HL_ENOTFOUND, "%s: no runs of '%s' at age %g"
                            % (origin, material, age))
    opt = ffi.new("hl_lab_fit_options *")
    opt.degree = degree
    keep = [ffi.new("char[]", origin.encode()),
            ffi.new("char[]", material.encode())]
    opt.origin, opt.material = keep
    f = ffi.new("hl_lab_fit *")
    err = new_error()
    check(lib.hl_lab_fit_lambda(pts, n, opt, f, err), err)
    k = f.degree + 1
    fit = {
        "degree": f.degree, "ref_c": f.ref_k - ZERO_C_K,
        "coefficients": [f.c[i] for i in range(k)],
        "std_uncertainties": [math.sqrt(f.cov[i][i]) for i in range(k)],
        "covariance": [[f.cov[i][j] for j in range(k)] for i in range(k)],
        "weighted": bool(f.weighted), "covariance_scaled": bool(f.scaled),
        "chi2": f.chi2, "dof": f.dof, "chi2_limit_99": f.chi2_limit,
        "r2": f.r2, "f_test_quadratic": _nan_none(f.f_stat),
        "f_test_p": _nan_none(f.f_p),
    }
    points = pd.DataFrame([{
        "line": p.line, "t_mean_c": p.t_mean_k - ZERO_C_K,
        "delta_t_k": p.delta_t_k, "lambda": getattr(p, "lambda"),
        "u_lambda": p.u_lambda, "fitted": p.fitted, "residual": p.residual,
        "studentised": p.studentised} for p in (pts[i] for i in range(n))])
    return {"material": material, "runs": n,
            "t_min_c": f.t_min_k - ZERO_C_K, "t_max_c": f.t_max_k - ZERO_C_K,
            "fit": fit, "points": points,
            "lambda_at": lambda t_c: lib.hl_lab_fit_eval(
                f, t_c + ZERO_C_K, ffi.NULL)}
