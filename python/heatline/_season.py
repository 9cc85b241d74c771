"""heatline.season: the heating season of a model (hl_season_run), hour by
hour over a weather year, with the fittings as they are, coated and
jacketed; the tables of `heatline season --csv` and --json as DataFrames.
"""

import os
import tempfile

import pandas as pd

from ._errors import InvalidArgumentError, check, new_error
from ._ffi import ffi, lib
from ._model import Model, _path_arg, _text

GJ = 1e9


class Season:
    """The result of heatline.season: scenarios (one row per scenario: the
    totals of `heatline season --json` and the saving against as-is),
    hourly, monthly and fittings (the columns of `heatline season --csv`),
    warnings (a list of lines), model_name and hours."""

    def __repr__(self):
        return "<heatline.Season %r: %d hours, scenarios %s>" % (
            self.model_name, self.hours, ", ".join(self.scenarios["name"]))


def _energy(e):
    row = {
        "hours": e.hours,
        "heat_source_gj": e.heat_source_j / GJ,
        "heat_delivered_gj": e.heat_delivered_j / GJ,
        "loss_pipes_gj": e.loss_pipes_j / GJ,
    }
    for st in range(lib.HL_FIT_NSTATES):
        key = "loss_fittings_%s_gj" % _text(lib.hl_fitting_state_name(st))
        row[key] = e.loss_fittings_j[st] / GJ
    row["pump_electric_mwh"] = e.pump_electric_j / 3.6e9
    row["pump_heat_gj"] = e.pump_heat_j / GJ
    row["stored_change_gj"] = e.stored_change_j / GJ
    row["heat_unmet_gj"] = e.heat_unmet_j / GJ
    return row


def _saving(sc):
    p = sc.payback
    return {
        "area_m2": sc.fitting_area_changed_m2,
        "heat_saved_gj": p.heat_saved_gj,
        "electricity_saved_kwh": p.elec_saved_kwh,
        "annual_saving_cny": p.annual_saving_cny,
        "investment_cny": p.investment_cny,
        "simple_payback_years": p.simple_payback_years,
        "npv_cny": p.npv_cny,
        "coal_saved_tce": p.coal_saved_tce,
        "co2_saved_t": p.co2_saved_t,
    }


def _scenarios(s):
    rows = []
    for i in range(lib.hl_season_scenario_count(s)):
        sc = lib.hl_season_scenario_at(s, i)
        row = {"name": _text(lib.hl_scenario_name(sc.scenario))}
        row.update(_energy(sc.total))
        row["burn_fitting_hours"] = sc.burn_fitting_hours
        if sc.scenario != lib.HL_SCEN_AS_IS:
            row.update(_saving(sc))
        rows.append(row)
    return pd.DataFrame(rows)


def _tables(s):
    """hourly, monthly, fittings through the library's own CSV writer."""
    with tempfile.TemporaryDirectory(prefix="heatline-season-") as d:
        err = new_error()
        check(lib.hl_season_write_csv(s, d.encode(), err), err)
        return [pd.read_csv(os.path.join(d, name + ".csv"),
                            keep_default_na=False, na_values=[""])
                for name in ("hourly", "monthly", "fittings")]


def _weather(path):
    w = ffi.new("hl_weather *")
    err = new_error()
    if path is None:
        rc = lib.hl_weather_default(w, err)
    else:
        rc = lib.hl_weather_load(_path_arg("weather", path), w, err)
    if rc != lib.HL_OK:
        lib.hl_weather_free(w)
        check(rc, err)
    return ffi.gc(w, lib.hl_weather_free)


def _options(start, end, scenarios, threads, keep):
    opt = ffi.new("hl_season_options *")
    lib.hl_season_options_init(opt)
    if (start is None) != (end is None):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "season: give start and end together (MM-DD)")
    if start is not None:
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, str) or "\0" in value:
                raise InvalidArgumentError(
                    lib.HL_EINVAL, "%s %r: expected a date, MM-DD or "
                    "YYYY-MM-DD" % (name, value))
        keep.extend([ffi.new("char[]", start.encode()),
                     ffi.new("char[]", end.encode())])
        setattr(opt, "from", keep[-2])
        opt.to = keep[-1]
    if scenarios is not None:
        names = [scenarios] if isinstance(scenarios, str) else list(scenarios)
        if not 1 <= len(names) <= lib.HL_SCEN_COUNT:
            raise InvalidArgumentError(
                lib.HL_EINVAL, "scenarios: one to three of as-is, coated, "
                "jacketed")
        for i, name in enumerate(names):
            code = lib.hl_scenario_from_name(str(name).encode()) \
                if isinstance(name, str) and "\0" not in name else -1
            if code < 0:
                raise InvalidArgumentError(
                    lib.HL_EINVAL, "scenario %r: expected as-is, coated or "
                    "jacketed" % (name,))
            opt.scenario[i] = code
        opt.n_scenarios = len(names)
    if not isinstance(threads, int) or threads < 0:
        raise InvalidArgumentError(
            lib.HL_EINVAL, "threads %r: expected 0 (all cores) or more"
            % (threads,))
    opt.threads = threads
    return opt


def season(model, *, weather=None, start=None, end=None, scenarios=None,
           threads=0):
    """Run the heating season of model (a Model, as it stands: its
    boundary conditions, fitting states and demand scale) over a weather
    file (EPW or CSV, docs/cli.md; None = the embedded Hohhot year), from
    start to end ("MM-DD" or "YYYY-MM-DD"; None = the heating season
    10-15 .. 04-15), for the scenarios ("as-is", "coated", "jacketed";
    None = all three). Returns a Season."""
    if not isinstance(model, Model):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "season: expected a heatline.Model, got %r"
            % (model,))
    keep = []
    w = _weather(weather)
    opt = _options(start, end, scenarios, threads, keep)
    pp = ffi.new("hl_season **")
    err = new_error()
    rc = lib.hl_season_run(pp, model._h, w, opt, err)
    s = ffi.gc(pp[0], lib.hl_season_free) if pp[0] != ffi.NULL else None
    check(rc, err)
    out = Season()
    out.model_name = _text(lib.hl_season_model_name(s))
    out.hours = lib.hl_season_hours(s)
    out.scenarios = _scenarios(s)
    out.hourly, out.monthly, out.fittings = _tables(s)
    out.warnings = [_text(lib.hl_season_warning(s, i))
                    for i in range(lib.hl_season_warning_count(s))]
    return out
