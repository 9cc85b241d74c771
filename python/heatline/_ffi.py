"""Finding and opening libheatline (cffi ABI mode: nothing is compiled).

The declarations come from heatline_cdef.h, which the CMake build generates
from the public headers (cmake/python_cdef.cmake) and installs beside the
data (share/heatline/). The library and its declarations are looked for,
first found wins:

1. HEATLINE_LIBRARY: the path of libheatline.so; its declarations in the
   same directory, in DIR/python/, or in DIR/../share/heatline/ (or
   HEATLINE_CDEF names the file);
2. HEATLINE_BUILD: a build directory (libheatline.so and
   python/heatline_cdef.h in it);
3. the build tree beside this package in a checkout (REPO/build);
4. an installed prefix: pkg-config's libdir of heatline (PKG_CONFIG_PATH
   is honoured), then sys.prefix, /usr/local and /usr.
"""

import os
import subprocess
import sys

import cffi

_SONAME = "libheatline.so"


class _Found:
    def __init__(self, library, cdef):
        self.library = library
        self.cdef = cdef


def _cdef_near(library):
    d = os.path.dirname(os.path.abspath(library))
    for cand in (os.path.join(d, "heatline_cdef.h"),
                 os.path.join(d, "python", "heatline_cdef.h"),
                 os.path.join(d, "..", "share", "heatline",
                              "heatline_cdef.h")):
        if os.path.isfile(cand):
            return os.path.normpath(cand)
    return None


def _in_build(build):
    lib = os.path.join(build, _SONAME)
    cdef = os.path.join(build, "python", "heatline_cdef.h")
    if os.path.exists(lib) and os.path.isfile(cdef):
        return _Found(lib, cdef)
    return None


def _pkg_config_libdir():
    try:
        out = subprocess.run(["pkg-config", "--variable=libdir", "heatline"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    libdir = out.stdout.strip()
    return os.path.normpath(libdir) if out.returncode == 0 and libdir \
        else None


def _in_prefix_libdirs():
    dirs = []
    libdir = _pkg_config_libdir()
    if libdir:
        dirs.append(libdir)
    for prefix in (sys.prefix, "/usr/local", "/usr"):
        for sub in ("lib", "lib64", "lib/x86_64-linux-gnu",
                    "lib/aarch64-linux-gnu"):
            d = os.path.join(prefix, sub)
            if d not in dirs:
                dirs.append(d)
    return dirs


def locate():
    """Where the library and its declarations are (a _Found), or raise
    ImportError naming every place looked at."""
    tried = []
    lib = os.environ.get("HEATLINE_LIBRARY")
    if lib:
        cdef = os.environ.get("HEATLINE_CDEF") or _cdef_near(lib)
        if os.path.exists(lib) and cdef:
            return _Found(lib, cdef)
        tried.append("HEATLINE_LIBRARY=%s" % lib)
    build = os.environ.get("HEATLINE_BUILD")
    if build:
        found = _in_build(build)
        if found:
            return found
        tried.append("HEATLINE_BUILD=%s" % build)
    here = os.path.dirname(os.path.abspath(__file__))
    tree_build = os.path.normpath(os.path.join(here, "..", "..", "build"))
    found = _in_build(tree_build)
    if found:
        return found
    tried.append(tree_build)
    for libdir in _in_prefix_libdirs():
        lib = os.path.join(libdir, _SONAME)
        if os.path.exists(lib):
            cdef = _cdef_near(lib)
            if cdef:
                return _Found(lib, cdef)
        tried.append(libdir)
    raise ImportError(
        "heatline: libheatline.so with its heatline_cdef.h not found; build "
        "the library (scripts/setup.sh) or set HEATLINE_BUILD to a build "
        "directory or HEATLINE_LIBRARY to the library; looked in: "
        + ", ".join(tried))


def _major(version):
    return version.split(".")[0]


def _open():
    found = locate()
    ffi = cffi.FFI()
    with open(found.cdef, encoding="utf-8") as f:
        text = f.read()
    ffi.cdef(text)
    lib = ffi.dlopen(found.library)
    # the declarations name the version they were made from (first line)
    made_from = text.split("\n", 1)[0].split()[2:3]
    loaded = ffi.string(lib.hl_version()).decode()
    if made_from and _major(made_from[0]) != _major(loaded):
        raise ImportError("heatline: %s is version %s but its declarations "
                          "%s are of %s" % (found.library, loaded, found.cdef,
                                            made_from[0]))
    return ffi, lib, found


ffi, lib, found = _open()
