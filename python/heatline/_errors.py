"""Library errors as Python exceptions.

Every fallible library call returns a status (HL_OK or a negative HL_E*
code) and leaves one line of text (what, where as file:line, what was
expected) in an hl_error or the model handle. check() turns a non-zero
status into the exception class of its code, carrying that text.
"""

from ._ffi import ffi, lib


class HeatlineError(Exception):
    """A library error. code: the HL_E* status (negative int); status: its
    name ("HL_EPARSE"); message: the library's line (file:line when the
    input was a file)."""

    status = "HL_E?"

    def __init__(self, code, message):
        self.code = code
        self.message = message
        super().__init__(message)


class InvalidArgumentError(HeatlineError, ValueError):
    status = "HL_EINVAL"


class OutOfMemoryError(HeatlineError, MemoryError):
    status = "HL_ENOMEM"


class ConvergenceError(HeatlineError):
    status = "HL_ENOCONVERGE"


class InputOutputError(HeatlineError, OSError):
    status = "HL_EIO"


class ParseError(HeatlineError, ValueError):
    status = "HL_EPARSE"


class NotFoundError(HeatlineError, LookupError):
    status = "HL_ENOTFOUND"


class UnreachableError(HeatlineError):
    status = "HL_EUNREACHABLE"


class RangeError(HeatlineError, ValueError):
    status = "HL_ERANGE"


class TopologyError(HeatlineError):
    status = "HL_ETOPOLOGY"


class StateError(HeatlineError):
    status = "HL_ESTATE"


_BY_CODE = {}
for _cls in (InvalidArgumentError, OutOfMemoryError, ConvergenceError,
             InputOutputError, ParseError, NotFoundError, UnreachableError,
             RangeError, TopologyError, StateError):
    _BY_CODE[getattr(lib, _cls.status)] = _cls


def error(code, message=None):
    """The exception for status code with message (default: the library's
    name of the code)."""
    text = message or ffi.string(lib.hl_strerror(code)).decode()
    return _BY_CODE.get(code, HeatlineError)(code, text)


def check(code, err=None):
    """Raise the exception of code unless it is HL_OK; err: the hl_error *
    the call filled."""
    if code == lib.HL_OK:
        return
    text = None
    if err is not None and err.message[0] != b"\0":
        text = ffi.string(err.message).decode("utf-8", "replace")
    raise error(code, text)


def new_error():
    """A cleared hl_error for one call."""
    err = ffi.new("hl_error *")
    lib.hl_error_clear(err)
    return err
