"""Models and their results: heatline.load, heatline.default_model,
Model.run() -> Result with pandas DataFrames.

A Model owns one hl_model handle (a run of a network, docs/library.md);
Model.clone() gives another run of the same network. Temperatures at this
edge are in C and units are in the names, as on the command line; the
tables have the columns of `heatline run --csv` (nodes, pipes, fittings,
profile) and the keys of `heatline run --json` (totals, pumps, consumers,
sources, heat_exchangers).
"""

import os

import numpy as np
import pandas as pd

try:  # pandas' block constructors (as pyarrow uses them); else dicts
    from pandas.core.internals import BlockManager as _BlockManager
    from pandas.core.internals.api import make_block as _make_block
except ImportError:  # pragma: no cover
    _BlockManager = _make_block = None

from ._errors import InvalidArgumentError, check, error, new_error
from ._ffi import ffi, lib
from ._tables import Records

ZERO_C_K = 273.15
_FITTING_STATES = ("bare", "coated", "jacketed")
_SIDES = np.array(["", "supply", "return"], dtype=object)

# element kinds by name, and the result record of each kind
_KINDS = {
    "node": lib.HL_NODE, "pipe": lib.HL_PIPE, "pump": lib.HL_PUMP,
    "valve": lib.HL_VALVE, "consumer": lib.HL_CONSUMER,
    "source": lib.HL_SOURCE, "heat_exchanger": lib.HL_HX,
    "chamber": lib.HL_CHAMBER, "fitting": lib.HL_FITTING,
}
_RECORD = {
    lib.HL_NODE: "hl_node_result", lib.HL_PIPE: "hl_pipe_result",
    lib.HL_PUMP: "hl_pump_result", lib.HL_VALVE: "hl_valve_result",
    lib.HL_CONSUMER: "hl_consumer_result",
    lib.HL_SOURCE: "hl_source_result", lib.HL_HX: "hl_hx_result",
    lib.HL_FITTING: "hl_chamber_fitting_result",
}


def _text(p):
    return ffi.string(p).decode("utf-8", "replace") if p != ffi.NULL else ""


def _path_arg(name, path):
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s: expected a path, got %r" % (name, path))
    if "\0" in path:
        raise InvalidArgumentError(lib.HL_EINVAL,
                                   "%s: a path cannot hold a NUL byte" % name)
    return path.encode()


def _number(quantity, name, value):
    """value checked against the library's range table (as the CLI checks
    its options)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            lib.HL_EINVAL,
            "%s %r: expected a number" % (name, value)) from None
    err = new_error()
    check(lib.hl_range_check(quantity, name.encode(), v, ffi.NULL, err), err)
    return v


_INP_OPTIONS = {  # keyword: (quantity, field, to SI)
    "inp_supply_temp_c": ("HL_Q_WATER_TEMP_C", "inp_supply_temp_k", ZERO_C_K),
    "inp_ambient_c": ("HL_Q_SURROUND_TEMP_C", "inp_ambient_k", ZERO_C_K),
    "inp_u_w_per_m2k": ("HL_Q_U_VALUE", "inp_u_w_m2k", 0.0),
    "inp_cp_j_per_kgk": ("HL_Q_CP", "inp_cp_j_kgk", 0.0),
}


def _load_options(path, materials, friction, inp_thermal_csv, inp):
    """An hl_load_options (and the buffers it points into) from keywords."""
    opt = ffi.new("hl_load_options *")
    lib.hl_load_options_init(opt)
    keep = []
    is_inp = path is not None and path.lower().endswith(".inp")
    given = [k for k, v in inp.items() if v is not None]
    if inp_thermal_csv is not None:
        given.append("inp_thermal_csv")
    if given and not is_inp:
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s applies to EPANET .inp models only (%s)"
            % (given[0], path or "the embedded default model"))
    for key, value in inp.items():
        if value is None:
            continue
        quantity, field, offset = _INP_OPTIONS[key]
        setattr(opt, field,
                _number(getattr(lib, quantity), key, value) + offset)
    if inp_thermal_csv is not None:
        keep.append(ffi.new("char[]", _path_arg("inp_thermal_csv",
                                                inp_thermal_csv)))
        opt.inp_thermal_csv = keep[-1]
    if materials is not None:
        keep.append(ffi.new("char[]", _path_arg("materials", materials)))
        opt.materials_path = keep[-1]
    if friction is not None:
        names = {"colebrook": lib.HL_FRICTION_COLEBROOK,
                 "swamee-jain": lib.HL_FRICTION_SWAMEE_JAIN}
        if friction not in names:
            raise InvalidArgumentError(
                lib.HL_EINVAL, "friction %r: expected colebrook or swamee-jain"
                % (friction,))
        opt.friction = names[friction]
    return opt, keep


def _adopt(rc, pp):
    """A Model from the handle a load call left in pp; on failure the
    handle's message as the exception."""
    handle = pp[0]
    if rc != lib.HL_OK:
        text = _text(lib.hl_model_error(handle)) if handle != ffi.NULL else ""
        lib.hl_model_free(handle)
        raise error(rc, text or None)
    return Model(ffi.gc(handle, lib.hl_model_free))


def load(path=None, *, materials=None, friction=None, inp_supply_temp_c=None,
         inp_ambient_c=None, inp_u_w_per_m2k=None, inp_cp_j_per_kgk=None,
         inp_thermal_csv=None, pressure_driven=None):
    """Load a model: a YAML model file (docs/model-format.md) or an EPANET
    .inp file; path None = the embedded Tuoketuo-Hohhot line. materials: an
    extra material table (CSV); friction: "colebrook" or "swamee-jain"
    (default: the file's choice). The inp_* keywords give an .inp import
    the heat-transfer data the format does not carry (as `heatline run
    --supply-temp --ambient --u --cp --thermal-csv`). Raises a
    HeatlineError subclass with the library's message (file:line).
    pressure_driven: True / False overrides the model setting
    pressure_driven_consumers (as `heatline run --pressure-driven`)."""
    if path is not None:
        path = os.fspath(path) if isinstance(path, os.PathLike) else path
        cpath = _path_arg("path", path)
    else:
        cpath = ffi.NULL
    opt, keep = _load_options(path, materials, friction, inp_thermal_csv, {
        "inp_supply_temp_c": inp_supply_temp_c,
        "inp_ambient_c": inp_ambient_c,
        "inp_u_w_per_m2k": inp_u_w_per_m2k,
        "inp_cp_j_per_kgk": inp_cp_j_per_kgk})
    if pressure_driven is not None:
        opt.pressure_driven = 1 if pressure_driven else 0
    pp = ffi.new("hl_model **")
    rc = lib.hl_model_load_with(pp, cpath, opt)
    del keep
    return _adopt(rc, pp)


def default_model():
    """The embedded Tuoketuo-Hohhot line (data/models/tuoketuo-hohhot.yaml)."""
    return load(None)


def load_text(text, *, origin="<text>", base_dir=None, materials=None,
              friction=None):
    """Load a YAML model from a string; origin names it in messages,
    relative CSV references resolve against base_dir (None: not allowed)."""
    if not isinstance(text, str):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "model text: expected a str, got %r" % type(text))
    raw = text.encode()
    opt, keep = _load_options(None, materials, friction, None, {})
    pp = ffi.new("hl_model **")
    cbase = _path_arg("base_dir", base_dir) if base_dir is not None \
        else ffi.NULL
    rc = lib.hl_model_load_text(pp, raw, len(raw), _path_arg("origin", origin),
                                cbase, opt)
    del keep
    return _adopt(rc, pp)


class Model:
    """One run of a network (an hl_model handle). Made by heatline.load,
    heatline.default_model, heatline.build or Model.clone()."""

    def __init__(self, handle, ids=None):
        self._h = handle
        self._ids = ids if ids is not None else {}

    # ---- the network ---------------------------------------------------
    @property
    def name(self):
        return _text(lib.hl_model_name(self._h))

    @property
    def description(self):
        return _text(lib.hl_model_description(self._h))

    def count(self, kind):
        """Number of elements of a kind ("node", "pipe", "pump", "valve",
        "consumer", "source", "heat_exchanger", "chamber", "fitting")."""
        return lib.hl_model_count(self._h, self._kind(kind))

    def ids(self, kind):
        """The ids of a kind, in the model's order (a numpy object array;
        the network's, so computed once and shared with clones)."""
        k = self._kind(kind)
        ids = self._ids.get(k)
        if ids is None:
            size = ffi.new("size_t *")
            self._check(lib.hl_model_id_list(self._h, k, ffi.NULL, 0, size))
            buf = ffi.new("char[]", max(size[0], 1))
            self._check(lib.hl_model_id_list(self._h, k, buf, size[0], size))
            text = ffi.unpack(buf, size[0]).decode("utf-8", "replace")
            ids = np.array(text.split("\0")[:-1], dtype=object)
            ids.flags.writeable = False
            self._ids[k] = ids
        return ids

    def _network(self, key, make):
        """What make() gives, kept with the ids of the network (shared with
        clones: nothing in it changes after the load); read-only."""
        got = self._ids.get(key)
        if got is None:
            got = make()
            got.flags.writeable = False
            self._ids[key] = got
        return got

    @staticmethod
    def _kind(kind):
        if kind not in _KINDS:
            raise InvalidArgumentError(
                lib.HL_EINVAL, "element kind %r: expected one of %s"
                % (kind, ", ".join(_KINDS)))
        return _KINDS[kind]

    def clone(self):
        """Another run of the same network, with a copy of this run's
        boundary conditions, states and last results."""
        pp = ffi.new("hl_model **")
        self._check(lib.hl_model_clone(self._h, pp))
        return Model(ffi.gc(pp[0], lib.hl_model_free), self._ids)

    # ---- boundary conditions -------------------------------------------
    def _id(self, what, value):
        if value is None:
            return ffi.NULL
        if not isinstance(value, str) or "\0" in value:
            raise InvalidArgumentError(
                lib.HL_EINVAL, "%s: expected an id (str), got %r"
                % (what, value))
        return value.encode()

    def _check(self, rc):
        """Raise the error of a call's status with the handle's message;
        the message is cleared for the next call (the handle keeps the
        first error recorded until cleared)."""
        if rc != lib.HL_OK:
            text = _text(lib.hl_model_error(self._h))
            lib.hl_model_clear_error(self._h)
            raise error(rc, text or None)

    def set(self, *, demand_scale=None, supply_temp_c=None, source=None,
            ground_temp_c=None, air_temp_c=None, duct_temp_c=None,
            chamber_temp_c=None, chamber=None):
        """What-if conditions, as `heatline run --demand-scale
        --source-temp --ground-temp --air-temp --chamber-temp`: every
        consumer's demand times demand_scale; the supply temperature of one
        source (id) or of every source; ground, outdoor air, duct air, the
        air of one chamber (id) or of every chamber. Returns self."""
        h = self._h
        if demand_scale is not None:
            self._check(lib.hl_model_set_demand_scale(
                h, _number(lib.HL_Q_SCALE, "demand_scale", demand_scale)))
        temps = (
            (supply_temp_c, "supply_temp_c", lib.HL_Q_WATER_TEMP_C,
             lambda t: lib.hl_model_set_supply_temp(
                 h, self._id("source", source), t)),
            (ground_temp_c, "ground_temp_c", lib.HL_Q_SURROUND_TEMP_C,
             lambda t: lib.hl_model_set_ground_temp(h, t)),
            (air_temp_c, "air_temp_c", lib.HL_Q_SURROUND_TEMP_C,
             lambda t: lib.hl_model_set_air_temp(h, t)),
            (duct_temp_c, "duct_temp_c", lib.HL_Q_SURROUND_TEMP_C,
             lambda t: lib.hl_model_set_duct_temp(h, t)),
            (chamber_temp_c, "chamber_temp_c", lib.HL_Q_SURROUND_TEMP_C,
             lambda t: lib.hl_model_set_chamber_temp(
                 h, self._id("chamber", chamber), t)))
        for value, name, quantity, setter in temps:
            if value is not None:
                self._check(setter(_number(quantity, name, value) + ZERO_C_K))
        return self

    def set_consumer_demand(self, consumer, heat_w):
        """Heat demand of one consumer, W."""
        self._check(lib.hl_model_set_consumer_demand(
            self._h, self._id("consumer", consumer),
            _number(lib.HL_Q_POWER_W, "heat_w", heat_w)))
        return self

    def set_fitting_state(self, state, fitting=None):
        """State ("bare", "coated", "jacketed") of one fitting (id) or of
        every fitting; state None: back to the model file's states."""
        if state is None:
            self._check(lib.hl_model_reset_fitting_states(self._h))
            return self
        if state not in _FITTING_STATES:
            raise InvalidArgumentError(
                lib.HL_EINVAL, "fitting state %r: expected bare, coated or "
                "jacketed" % (state,))
        self._check(lib.hl_model_set_fitting_state(
            self._h, self._id("fitting", fitting),
            _FITTING_STATES.index(state)))
        return self

    def set_open(self, kind, element, is_open):
        """Open or close a pipe, pump (run / stop), valve or consumer."""
        self._check(lib.hl_model_set_open(
            self._h, self._kind(kind), self._id(kind, element),
            1 if is_open else 0))
        return self

    # ---- solve -----------------------------------------------------------
    def solve(self, *, cold_start=False, **tolerances):
        """Steady hydraulics and temperatures (warm from the last solve);
        tolerances: fields of hl_solve_options (flow_rel_tol,
        mass_tol_kg_s, max_iterations, temp_tol_k, max_rounds). Raises
        ConvergenceError, TopologyError, RangeError ... with the
        library's diagnostics."""
        opt = ffi.new("hl_solve_options *")
        lib.hl_solve_options_init(opt)
        opt.cold_start = 1 if cold_start else 0
        for name, value in tolerances.items():
            if name not in ("flow_rel_tol", "mass_tol_kg_s", "max_iterations",
                            "temp_tol_k", "max_rounds"):
                raise TypeError("solve(): unknown option %r" % name)
            setattr(opt, name, value)
        self._check(lib.hl_model_solve(self._h, opt))
        return self

    def run(self, **solve_options):
        """Solve and return the Result (tables as pandas DataFrames)."""
        self.solve(**solve_options)
        return Result(self)

    def _records(self, kind):
        """Every result record of a kind, written by the library straight
        into numpy memory of their own (Records)."""
        cname = _RECORD[kind]
        r = Records.empty(cname, lib.hl_model_count(self._h, kind))
        if r.n:
            self._check(lib.hl_model_results(
                self._h, kind, 0, r.n, ffi.from_buffer(r.array),
                ffi.sizeof(cname)))
        return r

    def warnings(self):
        """Warnings of the last solve, one line each."""
        return [_text(lib.hl_model_warning(self._h, i))
                for i in range(lib.hl_model_warning_count(self._h))]

    def __repr__(self):
        return "<heatline.Model %r: %d nodes, %d pipes>" % (
            self.name, self.count("node"), self.count("pipe"))


def _c(k):
    return k - ZERO_C_K


_COLUMNS = {}


def _columns(order):
    """The column Index of a table and each name's place (made once: an
    Index of strings is slow to make)."""
    got = _COLUMNS.get(order)
    if got is None:
        index = pd.Index(order, dtype=object)
        got = _COLUMNS[order] = (index, {c: i for i, c in enumerate(order)})
    return got


def _assemble(order, blocks, n):
    """A DataFrame with the columns order from blocks, each a (values,
    names) pair of a 2-D array of shape (len(names), n) (any memory order)
    and the names of its rows: handed to pandas as its blocks, without a
    copy. The public constructor would copy every column twice while
    consolidating and scan every object column for dates: most of a run's
    overhead on large networks."""
    names, pos = _columns(tuple(order))
    if _make_block is not None:
        try:
            mgr = _BlockManager(
                [_make_block(v, placement=[pos[c] for c in cols])
                 for v, cols in blocks], [names, pd.RangeIndex(n)])
            return pd.DataFrame(mgr)
        except (TypeError, ValueError, AttributeError):
            pass  # another pandas: the public way below
    data = {c: v[j] for v, cols in blocks for j, c in enumerate(cols)}
    return pd.DataFrame(data, columns=names)


def _frame(columns, floats=None):
    """A DataFrame from a dict of column -> 1-D array, in order; floats:
    optionally (names, array of shape (len(names), n)) of float columns
    whose places are among the dict's keys (given as None there)."""
    order = list(columns)
    blocks = []
    if floats is not None:
        blocks.append((floats[1], list(floats[0])))
    groups = {}
    for name, v in columns.items():
        if v is not None:
            v = np.asarray(v)
            groups.setdefault(v.dtype, []).append((name, v))
    n = floats[1].shape[1] if floats is not None else \
        len(next(iter(groups.values()))[0][1])
    for dtype, cols in groups.items():
        values = np.empty((len(cols), n), dtype=dtype)
        for j, (_, v) in enumerate(cols):
            values[j] = v
        blocks.append((values, [name for name, _ in cols]))
    return _assemble(order, blocks, n)


def _ids_at(ids, idx):
    """ids[idx], "" where idx is -1."""
    idx = np.asarray(idx)
    out = np.empty(len(idx), dtype=object)
    ok = idx >= 0
    out[ok] = ids[idx[ok]]
    out[~ok] = ""
    return out


class Result:
    """The results of one solve, copied out of the model when run()
    returns: the tables nodes, pipes, fittings, profile (the columns of
    `heatline run --csv`), pumps, valves, consumers, sources,
    heat_exchangers (the keys of `heatline run --json`) as pandas
    DataFrames, totals (a pandas Series with the keys of the JSON's
    totals), warnings (a list of lines), feasible (False when the solve
    broke a hard limit: heatline run exits 3) and violations (a DataFrame
    with the keys of the JSON's violations). A table is made into a
    DataFrame when first read."""

    _BUILDERS = {
        "nodes": lambda self: _nodes(self),
        "pipes": lambda self: _pipes(self),
        "fittings": lambda self: _fittings(self),
        "pumps": lambda self: _pumps(self),
        "valves": lambda self: _valves(self),
        "consumers": lambda self: _consumers(self),
        "sources": lambda self: _sources(self),
        "heat_exchangers": lambda self: _exchangers(self),
        "profile": lambda self: _profile(self),
    }

    def __init__(self, model):
        h = model._h
        tot = ffi.new("hl_totals *")
        model._check(lib.hl_model_totals(h, tot))
        pr = ffi.new("hl_profile *")
        model._check(lib.hl_model_profile(h, pr))
        self.model_name = model.name
        self._model = model  # for the network's ids, which never change
        self._raw = {k: model._records(k) for k in _RECORD}
        self._raw["profile"] = Records(pr.point, "hl_profile_point",
                                       pr.n_points).copy()
        self._text = {
            "fitting_type": self._raw[lib.HL_FITTING].strings("type"),
            "pump_station": self._raw[lib.HL_PUMP].strings("station")}
        self._frames = {}
        over = int(np.count_nonzero(self._raw[lib.HL_FITTING]["over_limit"]))
        self.totals = _totals(tot, over)
        self.warnings = model.warnings()
        self.feasible, self.violations = _feasibility(h, model)

    def _ids(self, kind):
        return self._model.ids(kind)

    def _network(self, key, make):
        """A column that depends on the network only (from, to, pair,
        side): made once and shared by every result of its runs."""
        return self._model._network(key, make)

    _SOURCE = {"nodes": lib.HL_NODE, "pipes": lib.HL_PIPE,
               "fittings": lib.HL_FITTING, "pumps": lib.HL_PUMP,
               "valves": lib.HL_VALVE, "consumers": lib.HL_CONSUMER,
               "sources": lib.HL_SOURCE, "heat_exchangers": lib.HL_HX,
               "profile": "profile"}
    _EMPTY = {}  # table -> a table without rows, to copy

    def _table(self, name):
        frame = self._frames.get(name)
        if frame is None:
            if len(self._raw[self._SOURCE[name]]) == 0:
                empty = self._EMPTY.get(name)
                if empty is None:
                    empty = self._EMPTY[name] = self._BUILDERS[name](self)
                frame = empty.copy()
            else:
                frame = self._BUILDERS[name](self)
            self._frames[name] = frame
        return frame

    nodes = property(lambda self: self._table("nodes"))
    pipes = property(lambda self: self._table("pipes"))
    fittings = property(lambda self: self._table("fittings"))
    pumps = property(lambda self: self._table("pumps"))
    valves = property(lambda self: self._table("valves"))
    consumers = property(lambda self: self._table("consumers"))
    sources = property(lambda self: self._table("sources"))
    heat_exchangers = property(lambda self: self._table("heat_exchangers"))
    profile = property(lambda self: self._table("profile"))

    def __repr__(self):
        return ("<heatline.Result %r: %d nodes, %d pipes, %d fittings, "
                "%d warnings>" % (self.model_name, len(self._raw[lib.HL_NODE]),
                                  len(self._raw[lib.HL_PIPE]),
                                  len(self._raw[lib.HL_FITTING]),
                                  len(self.warnings)))


def _nodes(res):
    r, ids = res._raw[lib.HL_NODE], res._ids("node")
    names = ("chainage_m", "elevation_m", "pressure_pa", "head_m", "temp_c",
             "demand_kg_per_s", "external_kg_per_s")
    g = r.gather(["chainage_m", "elevation_m", "pressure_pa", "head_m",
                  "temp_k", "demand_kg_s", "external_kg_s"])
    g[4] -= ZERO_C_K
    side = res._network("node side",
                        lambda: _SIDES[np.clip(r["side"], 0, 2)])
    columns = {"id": ids, "side": side}
    columns.update(dict.fromkeys(names))
    columns["connected"] = r["connected"] != 0
    return _frame(columns, (names, g))


_PIPE_FLOATS = (  # column, field (the CSV's order)
    ("length_m", "length_m"),
    ("inner_diameter_m", "inner_diameter_m"),
    ("mass_flow_kg_per_s", "mass_flow_kg_s"),
    ("velocity_m_per_s", "velocity_m_s"),
    ("reynolds", "reynolds"),
    ("friction_factor", "friction_factor"),
    ("dp_friction_pa", "dp_friction_pa"),
    ("heat_loss_w", "heat_loss_w"),
    ("temp_in_c", "temp_in_k"),
    ("temp_out_c", "temp_out_k"),
    ("ambient_c", "ambient_k"),
    ("r11_k_m_per_w", "r11_k_m_w"),
    ("r12_k_m_per_w", "r12_k_m_w"),
)


def _pipes(res):
    r, ids, node_ids = res._raw[lib.HL_PIPE], res._ids("pipe"), \
        res._ids("node")
    names = [c for c, _ in _PIPE_FLOATS]
    g = r.gather([f for _, f in _PIPE_FLOATS])  # adjacent in the record
    g[8:11] -= ZERO_C_K
    columns = {"id": ids,
               "from": res._network("pipe from", lambda: node_ids[r["from"]]),
               "to": res._network("pipe to", lambda: node_ids[r["to"]])}
    columns.update(dict.fromkeys(names[:8]))
    columns["heat_loss_w_per_m"] = g[7] / g[0]
    columns.update(dict.fromkeys(names[8:]))
    columns["pair"] = res._network("pipe pair",
                                   lambda: _ids_at(ids, r["pair"]))
    columns["open"] = r["open"] != 0
    return _frame(columns, (names, g))


def _fittings(res):
    r, node_ids = res._raw[lib.HL_FITTING], res._ids("node")
    states = np.array(_FITTING_STATES + ("?",), dtype=object)
    return _frame({
        "id": res._ids("fitting"),
        "chamber": _ids_at(res._ids("chamber"), r["chamber"]),
        "node": _ids_at(node_ids, r["node"]),
        "type": res._text["fitting_type"],
        "dn": r["dn"], "pn": r["pn"], "count": r["count"],
        "state": states[np.where((r["state"] >= 0) & (r["state"] < 3),
                                 r["state"], 3)],
        "area_m2": r["area_m2"],
        "medium_temp_c": _c(r["medium_temp_k"]),
        "air_temp_c": _c(r["air_temp_k"]),
        "heat_loss_w": r["heat_loss_w"],
        "surface_temp_c": _c(r["surface_temp_k"]),
        "over_limit": r["over_limit"] != 0,
    })


def _pumps(res):
    r, node_ids = res._raw[lib.HL_PUMP], res._ids("node")
    return _frame({
        "id": res._ids("pump"),
        "station": res._text["pump_station"],
        "from": _ids_at(node_ids, r["from"]),
        "to": _ids_at(node_ids, r["to"]),
        "mass_flow_kg_per_s": r["mass_flow_kg_s"],
        "pressure_rise_pa": r["dp_pa"],
        "head_m": r["head_m"],
        "hydraulic_power_w": r["hydraulic_w"],
        "electric_power_w": r["electric_w"],
        "heat_w": r["heat_w"],
        "speed": r["speed"],
        "running": r["running"] != 0,
    })


def _valves(res):
    r, node_ids = res._raw[lib.HL_VALVE], res._ids("node")
    return _frame({
        "id": res._ids("valve"),
        "from": _ids_at(node_ids, r["from"]),
        "to": _ids_at(node_ids, r["to"]),
        "mass_flow_kg_per_s": r["mass_flow_kg_s"],
        "dp_pa": r["dp_pa"],
        "open": r["open"] != 0,
    })


def _consumers(res):
    r, node_ids = res._raw[lib.HL_CONSUMER], res._ids("node")
    return _frame({
        "id": res._ids("consumer"),
        "supply": _ids_at(node_ids, r["from"]),
        "return": _ids_at(node_ids, r["to"]),
        "mass_flow_kg_per_s": r["mass_flow_kg_s"],
        "heat_w": r["heat_w"],
        "heat_asked_w": r["heat_asked_w"],
        "temp_in_c": _c(r["temp_in_k"]),
        "temp_out_c": _c(r["temp_out_k"]),
        "dp_available_pa": r["dp_available_pa"],
    })


def _sources(res):
    r, node_ids = res._raw[lib.HL_SOURCE], res._ids("node")
    return _frame({
        "id": res._ids("source"),
        "inlet": _ids_at(node_ids, r["from"]),
        "outlet": _ids_at(node_ids, r["to"]),
        "mass_flow_kg_per_s": r["mass_flow_kg_s"],
        "heat_w": r["heat_w"],
        "temp_in_c": _c(r["temp_in_k"]),
        "temp_out_c": _c(r["temp_out_k"]),
        "pressure_in_pa": r["p_in_pa"],
        "pressure_out_pa": r["p_out_pa"],
    })


def _exchangers(res):
    r = res._raw[lib.HL_HX]
    return _frame({
        "id": res._ids("heat_exchanger"),
        "heat_w": r["heat_w"],
        "primary_kg_per_s": r["primary_kg_s"],
        "secondary_kg_per_s": r["secondary_kg_s"],
        "primary_in_c": _c(r["t_primary_in_k"]),
        "primary_out_c": _c(r["t_primary_out_k"]),
        "secondary_in_c": _c(r["t_secondary_in_k"]),
        "secondary_out_c": _c(r["t_secondary_out_k"]),
    })


def _profile(res):
    r, node_ids = res._raw["profile"], res._ids("node")
    return _frame({
        "chainage_m": r["chainage_m"],
        "elevation_m": r["elevation_m"],
        "supply_node": _ids_at(node_ids, r["supply_node"]),
        "return_node": _ids_at(node_ids, r["return_node"]),
        "pressure_supply_pa": r["pressure_supply_pa"],
        "pressure_return_pa": r["pressure_return_pa"],
        "head_supply_m": r["head_supply_m"],
        "head_return_m": r["head_return_m"],
        "temp_supply_c": _c(r["temp_supply_k"]),
        "temp_return_c": _c(r["temp_return_k"]),
        "static_head_m": r["static_head_m"],
        "max_head_m": r["max_head_m"],
        "min_head_m": r["min_head_m"],
    })


_TOTALS = pd.Index([
    "heat_source_w", "heat_delivered_w", "heat_loss_pipes_w",
    "heat_loss_fittings_w", "heat_loss_fittings_bare_w",
    "heat_loss_fittings_coated_w", "heat_loss_fittings_jacketed_w",
    "pump_power_w", "pump_hydraulic_w", "pump_heat_w", "heat_unmet_w",
    "source_mass_flow_kg_per_s",
    "makeup_kg_per_s", "fittings_over_limit", "iterations",
    "coupling_rounds", "mass_residual_kg_per_s", "energy_residual_w"],
    dtype=object)


def _feasibility(h, model):
    """Whether the solve broke no hard limit, and a DataFrame of the
    violations with the keys of the JSON's "violations"."""
    ok = ffi.new("int *")
    model._check(lib.hl_model_feasible(h, ok))
    rows, v = [], ffi.new("hl_violation *")
    for i in range(lib.hl_model_violation_count(h)):
        if lib.hl_model_violation(h, i, v) == 0:
            rows.append({
                "kind": ffi.string(lib.hl_violation_kind_name(v.kind)).decode(),
                "element": ffi.string(v.element_id).decode(),
                "value": v.value, "limit": v.limit,
                "unit": ffi.string(v.unit).decode()})
    return bool(ok[0]), pd.DataFrame(
        rows, columns=["kind", "element", "value", "limit", "unit"])


def _totals(t, over_limit):
    """The JSON's totals; counts stay whole numbers (object Series)."""
    by_state = t.heat_loss_fittings_by_state_w
    values = np.array([
        t.heat_source_w, t.heat_delivered_w, t.heat_loss_pipes_w,
        t.heat_loss_fittings_w, by_state[0], by_state[1], by_state[2],
        t.pump_power_w, t.pump_hydraulic_w, t.pump_heat_w, t.heat_unmet_w,
        t.source_mass_flow_kg_s,
        t.makeup_kg_s, over_limit, t.iterations, t.rounds,
        t.mass_residual_kg_s, t.energy_residual_w], dtype=object)
    return pd.Series(values, index=_TOTALS, dtype=object, copy=False)
