"""heatline: thermal and hydraulic analysis of district-heating lines, from
Python (over libheatline through cffi; docs/python.md).

    import heatline
    res = heatline.default_model().run()
    res.totals["heat_delivered_w"], res.pipes.head()
"""

from ._errors import (ConvergenceError, HeatlineError, InputOutputError,
                      InvalidArgumentError, NotFoundError, OutOfMemoryError,
                      ParseError, RangeError, StateError, TopologyError,
                      UnreachableError)
from ._ffi import ffi, lib
from ._model import Model, Result, default_model, load, load_text
from ._build import build
from ._tools import surface, thickness, water
from ._tools_more import fitting, lab_fit, pipe_loss
from ._season import season
from ._register import Register, register_template

__all__ = [
    "load", "load_text", "default_model", "build", "Model", "Result",
    "surface", "thickness", "fitting", "pipe_loss", "water", "lab_fit",
    "season", "Register", "register_template", "version", "HeatlineError", "InvalidArgumentError",
    "OutOfMemoryError", "ConvergenceError", "InputOutputError",
    "ParseError", "NotFoundError", "UnreachableError", "RangeError",
    "TopologyError", "StateError", "ffi", "lib",
]

def version():
    """The version of the loaded libheatline ("MAJOR.MINOR.PATCH")."""
    return ffi.string(lib.hl_version()).decode()


# The package is released with the library (python/pyproject.toml states
# the same version; tests/test_version.py checks both against CMake's).
__version__ = version()
