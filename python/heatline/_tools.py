"""The single-calculation tools: water, surface, thickness, fitting,
pipe_loss, lab_fit (the library functions behind the CLI commands)."""

from ._errors import check, new_error
from ._ffi import ffi, lib
from ._model import ZERO_C_K, _number


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


def surface(**kw):
    raise NotImplementedError


thickness = fitting = pipe_loss = lab_fit = surface
