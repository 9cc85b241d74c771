"""heatline.Register: the retrofit loop of a line's fittings in a register
file (SQLite; include/heatline_register.h, docs/register.md), as
`heatline register FILE.db ...` drives it.

At this edge, as on the command line: temperatures in C, energies in GJ,
thicknesses in mm, money in CNY, dates "YYYY-MM-DD". Every call is one
transaction of the library: when it raises, nothing of it was written.
"""

import math

import cffi
import pandas as pd

from ._errors import InvalidArgumentError, StateError, check, new_error
from ._ffi import ffi, lib
from ._model import _path_arg, _text

GJ = 1e9
ZERO_C_K = 273.15
_OLDEST = 10  # as `heatline register FILE status` lists them

# hl_register_options_for's list is malloc'd and freed with the C library's
# free(), which the public headers (rightly) do not declare: a small FFI of
# its own for it
_libc_ffi = cffi.FFI()
_libc_ffi.cdef("void free(void *);")
_libc = _libc_ffi.dlopen(None)


def _free(p):
    if p != ffi.NULL:
        _libc.free(_libc_ffi.cast("void *", int(ffi.cast("uintptr_t", p))))


def _str_arg(name, value, required=False):
    """value as a char[] (kept alive by the caller), or NULL for None."""
    if value is None:
        if required:
            raise InvalidArgumentError(lib.HL_EINVAL,
                                       "%s: required" % name)
        return ffi.NULL
    if not isinstance(value, str) or "\0" in value:
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s %r: expected text" % (name, value))
    return ffi.new("char[]", value.encode())


def _float_arg(name, value):
    """value as a float, NaN for None."""
    if value is None:
        return math.nan
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s %r: expected a number" % (name, value)) \
            from None
    if not math.isfinite(v):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s %r: expected a finite number" % (name, value))
    return v


def _finite_or_none(v):
    return v if math.isfinite(v) else None


def _options(keep, by=None, today=None, threshold_k=None, limit_c=None,
             loss_tolerance_pct=None):
    """An hl_register_options from the keywords (None: the library's
    default); the text it points to is appended to keep."""
    o = ffi.new("hl_register_options *")
    lib.hl_register_options_init(o)
    keep.extend([_str_arg("by", by), _str_arg("today", today)])
    o.who, o.today = keep[-2], keep[-1]
    if threshold_k is not None:
        o.flag_k = _float_arg("threshold_k", threshold_k)
    if limit_c is not None:
        o.limit_k = _float_arg("limit_c", limit_c) + ZERO_C_K
    if loss_tolerance_pct is not None:
        o.loss_tolerance = _float_arg("loss_tolerance_pct",
                                      loss_tolerance_pct) / 100.0
    return o


def _table(call, *args):
    """A DataFrame from an hl_register_table the call fills (its header as
    the columns, every cell text)."""
    t = ffi.new("hl_register_table *")
    err = new_error()
    rc = call(*args, t, err)
    try:
        check(rc, err)
        cols = [_text(t.header[c]) for c in range(t.n_cols)]
        rows = [[_text(t.cell[r * t.n_cols + c]) for c in range(t.n_cols)]
                for r in range(t.n_rows)]
    finally:
        lib.hl_register_table_free(t)
    return pd.DataFrame(rows, columns=cols, dtype=object)


def _import_result(res, verify):
    out = {"batch": res.batch, "rows": res.rows}
    if verify:
        out.update(passed=res.passed, failed=res.failed)
    else:
        out["findings"] = res.findings
    return out


class Register:
    """An open register file: Register.init(path) makes one from a model,
    Register.open(path) opens one. A context manager; close() ends it (and
    any later call raises StateError). One handle per thread."""

    def __init__(self, handle, path):
        self._h = handle
        self.path = path

    def __repr__(self):
        return "<heatline.Register %r%s>" % (
            self.path, "" if self._h is not None else " (closed)")

    @classmethod
    def init(cls, path, model=None, *, by=None):
        """A new register file at path (which must not exist) holding the
        chambers and fittings of the model file model (None: the embedded
        default line); by is recorded in the history."""
        p = _path_arg("path", path)
        m = ffi.NULL if model is None else _path_arg("model", model)
        who = _str_arg("by", by)
        pp = ffi.new("hl_register **")
        err = new_error()
        rc = lib.hl_register_init(pp, p, m, who, err)
        return cls._handle(pp, rc, err, path)

    @classmethod
    def open(cls, path):
        """An existing register file (an older schema is migrated, a newer
        one refused with RangeError)."""
        pp = ffi.new("hl_register **")
        err = new_error()
        rc = lib.hl_register_open(pp, _path_arg("path", path), err)
        return cls._handle(pp, rc, err, path)

    @classmethod
    def _handle(cls, pp, rc, err, path):
        if rc != lib.HL_OK:
            lib.hl_register_close(pp[0])  # NULL: a no-op
            check(rc, err)
        return cls(ffi.gc(pp[0], lib.hl_register_close), str(path))

    def close(self):
        """Close the file (again: a no-op)."""
        if self._h is not None:
            h, self._h = self._h, None
            ffi.release(h)  # runs hl_register_close now

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _r(self):
        if self._h is None:
            raise StateError(lib.HL_ESTATE,
                             "register %s: closed" % self.path)
        return self._h

    # ---- inspections ----------------------------------------------------

    def import_inspections(self, csv_path, *, by=None, threshold_k=None,
                           today=None):
        """Import an inspection CSV (docs/register.md; template from
        heatline.register_template()). The first bad row raises (ParseError,
        RangeError or NotFoundError with file:line:column) and nothing is
        written. Returns {"batch", "rows", "findings"}."""
        return self._import(lib.hl_register_import, csv_path, False,
                            by=by, threshold_k=threshold_k, today=today)

    def verify(self, csv_path, *, by=None, loss_tolerance_pct=None,
               limit_c=None, today=None):
        """Re-inspect fittings whose work is done (the same CSV format).
        Returns {"batch", "rows", "passed", "failed"}: a failed item is open
        again (the command line exits 1 then; this returns normally)."""
        return self._import(lib.hl_register_verify, csv_path, True, by=by,
                            loss_tolerance_pct=loss_tolerance_pct,
                            limit_c=limit_c, today=today)

    def _import(self, call, csv_path, verify, **kw):
        keep = []
        o = _options(keep, **kw)
        res = ffi.new("hl_register_import_result *")
        err = new_error()
        check(call(self._r(), _path_arg("csv_path", csv_path), o, res, err),
              err)
        return _import_result(res, verify)

    # ---- options and decisions ------------------------------------------

    def options(self, item):
        """The candidate retrofits of a fitting or a chamber (item: its id)
        as a DataFrame: spec, thickness_mm, heat_saved_gj (per season),
        surface_c, burn ("pass"/"FAIL" at the design hour), loss_w,
        cost_cny, payback_years (inf without a saving), npv_cny."""
        pp = ffi.new("hl_register_option **")
        n = ffi.new("int *")
        err = new_error()
        rc = lib.hl_register_options_for(self._r(), _str_arg("item", item,
                                                             True), pp, n,
                                         err)
        check(rc, err)
        try:
            rows = [{
                "spec": _text(o.spec),
                "thickness_mm": o.thickness_m * 1e3,
                "heat_saved_gj": o.heat_saved_j / GJ,
                "surface_c": o.surface_k - ZERO_C_K,
                "burn": "FAIL" if o.verdict else "pass",
                "loss_w": o.loss_w,
                "cost_cny": o.cost_cny,
                "payback_years": o.payback_years,
                "npv_cny": o.npv_cny,
            } for o in (pp[0][i] for i in range(n[0]))]
        finally:
            _free(pp[0])
        return pd.DataFrame(rows, columns=[
            "spec", "thickness_mm", "heat_saved_gj", "surface_c", "burn",
            "loss_w", "cost_cny", "payback_years", "npv_cny"])

    def decide(self, item, option, *, by, why, date=None):
        """Decide option (a spec: "coating MATERIAL:MM" or "jacket
        MATERIAL:MM") for a fitting, or for every fitting of a chamber that
        is clear, open or failed; by and why are required, date defaults
        to today. Returns the number of fittings decided."""
        keep = [_str_arg("option", option), _str_arg("by", by),
                _str_arg("why", why), _str_arg("date", date)]
        d = ffi.new("hl_register_decision *")
        d.spec, d.by, d.why, d.date = keep
        o = _options(keep, by=by)
        n = ffi.new("int *")
        err = new_error()
        check(lib.hl_register_decide(self._r(), _str_arg("item", item, True),
                                     d, o, n, err), err)
        return n[0]

    def record_work(self, item, *, date, crew, material=None, batch=None,
                    thickness_mm=None, cost_cny=None, by=None):
        """Record the work done on a decided fitting (or on every decided
        fitting of a chamber): date and crew required; material and
        thickness_mm default to the decided. Returns the number of
        fittings."""
        keep = [_str_arg("date", date, True), _str_arg("crew", crew, True),
                _str_arg("material", material), _str_arg("batch", batch)]
        w = ffi.new("hl_register_work *")
        w.date, w.crew, w.material, w.batch = keep
        t = _float_arg("thickness_mm", thickness_mm)
        w.thickness_m = t / 1e3
        w.cost_cny = _float_arg("cost_cny", cost_cny)
        o = _options(keep, by=by)
        n = ffi.new("int *")
        err = new_error()
        check(lib.hl_register_record_work(
            self._r(), _str_arg("item", item, True), w, o, n, err), err)
        return n[0]

    # ---- reading --------------------------------------------------------

    def status(self):
        """The loop's state: a dict with the keys (and values) of
        `heatline register FILE status --json`."""
        s = ffi.new("hl_register_status *")
        err = new_error()
        check(lib.hl_register_status_get(self._r(), s, err), err)
        old = _table(lib.hl_register_oldest_open, self._r(), _OLDEST)
        return {
            "schema_version": s.schema_version,
            "model": _text(s.model),
            "chambers": s.chambers,
            "fittings": s.fittings,
            "items": {_text(lib.hl_item_state_name(k)): s.items[k]
                      for k in range(lib.HL_ITEM_NSTATES)},
            "inspections": s.inspections,
            "findings_open": s.findings_open,
            "history_rows": s.history_rows,
            "heat_saved_verified_gj":
                _finite_or_none(s.heat_saved_verified_j / GJ),
            "heat_saved_planned_gj":
                _finite_or_none(s.heat_saved_planned_j / GJ),
            "oldest_open": [dict(zip(("item", "since", "state"), row))
                            for row in old.itertuples(index=False)],
        }

    def findings(self):
        """Open findings as a DataFrame (the columns the library names:
        fitting, chamber, date, kind, measured, predicted, difference,
        state; cells as text)."""
        return _table(lib.hl_register_findings, self._r())

    def history(self, item):
        """Every history row of a fitting, a chamber with its fittings or a
        batch ("batch:N"), oldest first, as a DataFrame (cells as text)."""
        return _table(lib.hl_register_history, self._r(),
                      _str_arg("item", item, True))

    def export(self, directory):
        """Every table as CSV files in directory (made if missing)."""
        err = new_error()
        check(lib.hl_register_export(self._r(),
                                     _path_arg("directory", directory), err),
              err)

    def report(self, path):
        """The loop's state as one self-contained HTML page at path."""
        err = new_error()
        check(lib.hl_register_report(self._r(), _path_arg("path", path),
                                     err), err)


def register_template():
    """The commented template of the inspection CSV (text)."""
    return _text(lib.hl_register_template())
