"""heatline.build: a model from Python tables (pandas DataFrames, lists of
dicts) with the keys of the model format (docs/model-format.md).

The tables are written as a model document, one element per line, and
loaded by the library's own reader (hl_model_load_text): the same checks,
defaults and messages as a model file, and no second reader to drift from
the first. A message's line is mapped back to the table and row it came
from ("nodes row 3").
"""

import json
import math
import numbers
import re

import numpy as np
import pandas as pd

from ._errors import HeatlineError, InvalidArgumentError, error
from ._ffi import lib
from ._model import load_text

_LISTS = ("nodes", "pipes", "sources", "pumps", "valves", "consumers",
          "heat_exchangers", "chambers")


def _scalar(value, where):
    """A JSON value from a cell: numpy scalars unwrapped, NaN/None = absent
    (returns _ABSENT)."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None:
        return _ABSENT
    if isinstance(value, float) and math.isnan(value):
        return _ABSENT
    if isinstance(value, float) and math.isinf(value):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s: %r is not a finite number" % (where, value))
    if isinstance(value, (bool, str, numbers.Integral, float)):
        return value
    if isinstance(value, dict):
        return _mapping(value, where)
    if isinstance(value, (list, tuple, np.ndarray, pd.DataFrame)):
        return _rows(value, where)
    raise InvalidArgumentError(
        lib.HL_EINVAL, "%s: cannot write %r into a model" % (where, value))


_ABSENT = object()


def _mapping(d, where):
    out = {}
    for key, value in d.items():
        if not isinstance(key, str):
            raise InvalidArgumentError(
                lib.HL_EINVAL, "%s: key %r is not a str" % (where, key))
        v = _scalar(value, "%s.%s" % (where, key))
        if v is not _ABSENT:
            out[key] = v
    return out


def _rows(table, where):
    """A list of mappings from a DataFrame (one row each, empty cells
    left out) or a list of dicts."""
    if isinstance(table, pd.DataFrame):
        items = table.to_dict("records")
    elif isinstance(table, (list, tuple)):
        items = list(table)
    else:
        raise InvalidArgumentError(
            lib.HL_EINVAL, "%s: expected a DataFrame or a list of dicts, "
            "got %s" % (where, type(table).__name__))
    rows = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidArgumentError(
                lib.HL_EINVAL, "%s row %d: expected a dict, got %r"
                % (where, i, item))
        rows.append(_mapping(item, "%s row %d" % (where, i)))
    return rows


def _dump(value):
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _document(name, description, sections):
    """The model text and, for each line, the (table, row) it holds."""
    lines = ["heatline_model: 1", "name: " + _dump(name)]
    where = [None, None]
    if description is not None:
        lines.append("description: " + _dump(str(description)))
        where.append(None)
    for key, value in sections:
        if isinstance(value, dict):
            lines.append("%s: %s" % (key, _dump(value)))
            where.append((key, None))
        else:
            lines.append("%s:" % key)
            where.append((key, None))
            for i, row in enumerate(value):
                lines.append("  - " + _dump(row))
                where.append((key, i))
    return "\n".join(lines) + "\n", where


def _pipe_types(value):
    if isinstance(value, pd.DataFrame):
        if "name" not in value.columns:
            raise InvalidArgumentError(
                lib.HL_EINVAL, "pipe_types: a DataFrame needs a 'name' column")
        value = {r.pop("name"): r for r in value.to_dict("records")}
    if not isinstance(value, dict):
        raise InvalidArgumentError(
            lib.HL_EINVAL, "pipe_types: expected a dict of name -> fields or "
            "a DataFrame with a 'name' column")
    out = {}
    for key, fields in value.items():
        if not isinstance(fields, dict):
            raise InvalidArgumentError(
                lib.HL_EINVAL, "pipe_types.%s: expected a dict of fields, "
                "got %r" % (key, fields))
        out[str(key)] = _mapping(fields, "pipe_types.%s" % key)
    return out


def build(nodes, pipes, *, pipe_types=None, sources=None, pumps=None,
          valves=None, consumers=None, heat_exchangers=None, chambers=None,
          settings=None, operation=None, name="built model",
          description=None, materials=None, friction=None):
    """A Model from tables with the keys of a model file
    (docs/model-format.md): nodes, pipes, sources, pumps, valves,
    consumers, heat_exchangers, chambers as DataFrames (one element a row;
    an empty cell = the key left out) or lists of dicts; pipe_types a dict
    of type name -> fields (or a DataFrame with a 'name' column); settings
    and operation dicts. Checked by the library's model reader: a bad
    value raises the same error as in a file, naming the table and row."""
    sections = []
    for key, value in (("settings", settings), ("operation", operation)):
        if value is not None:
            if not isinstance(value, dict):
                raise InvalidArgumentError(
                    lib.HL_EINVAL, "%s: expected a dict" % key)
            sections.append((key, _mapping(value, key)))
    if pipe_types is not None:
        sections.append(("pipe_types", _pipe_types(pipe_types)))
    tables = {"nodes": nodes, "pipes": pipes, "sources": sources,
              "pumps": pumps, "valves": valves, "consumers": consumers,
              "heat_exchangers": heat_exchangers, "chambers": chambers}
    for key in _LISTS:
        if tables[key] is not None:
            sections.append((key, _rows(tables[key], key)))
    origin = "built model"
    text, where = _document(str(name), description, sections)
    try:
        return load_text(text, origin=origin, materials=materials,
                         friction=friction)
    except HeatlineError as e:
        raise _located(e, origin, where) from None


def _located(e, origin, where):
    """The error with "origin:LINE:" replaced by the table and row."""
    m = re.match(re.escape(origin) + r":(\d+):(\d+:)?\s*(.*)", e.message,
                 re.S)
    if not m:
        return e
    line = int(m.group(1))
    if not 1 <= line <= len(where) or where[line - 1] is None:
        return e
    table, row = where[line - 1]
    place = table if row is None else "%s row %d" % (table, row)
    return error(e.code, "%s: %s" % (place, m.group(3)))
