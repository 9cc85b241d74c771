"""C result records as numpy arrays and plain Python values.

A numpy structured dtype is built from cffi's view of a struct (field
names, types and offsets as the compiler laid them out), so a whole array
of records is read with one numpy.frombuffer and no field list is copied
by hand from the headers.
"""

import numpy as np

from ._ffi import ffi

_PRIMITIVE = {
    "double": "f8",
    "float": "f4",
    "int": "i4",
    "unsigned int": "u4",
    "long": "i8",
    "size_t": "u8",
    "char": "S1",
}

_dtypes = {}


def _field_dtype(ctype):
    if ctype.kind == "primitive":
        code = _PRIMITIVE.get(ctype.cname)
        if code is None:
            raise TypeError("no numpy type for C type %s" % ctype.cname)
        return np.dtype(code)
    if ctype.kind == "pointer":
        return np.dtype("u%d" % ffi.sizeof(ctype))  # the address
    if ctype.kind == "enum":
        return np.dtype("i%d" % ffi.sizeof(ctype))
    if ctype.kind == "array":
        return np.dtype((_field_dtype(ctype.item), (ctype.length,)))
    if ctype.kind == "struct":
        return dtype_of(ctype.cname)
    raise TypeError("no numpy type for C type %s" % ctype.cname)


def dtype_of(cname):
    """numpy dtype with the layout of the C struct cname."""
    dt = _dtypes.get(cname)
    if dt is None:
        ctype = ffi.typeof(cname)
        names, formats, offsets = [], [], []
        for name, field in ctype.fields:
            names.append(name)
            formats.append(_field_dtype(field.type))
            offsets.append(field.offset)
        dt = np.dtype({"names": names, "formats": formats,
                       "offsets": offsets, "itemsize": ffi.sizeof(ctype)})
        _dtypes[cname] = dt
    return dt


def records(cdata, cname, n):
    """The n records of the cffi array cdata as a numpy structured array
    (a copy: the cffi memory may be reused)."""
    if n == 0:
        return np.zeros(0, dtype=dtype_of(cname))
    buf = ffi.buffer(cdata, n * ffi.sizeof(cname))
    return np.frombuffer(buf, dtype=dtype_of(cname), count=n).copy()


class Records:
    """n C records in a cffi buffer, read without copying them first:
    r["field"] is a (strided) numpy view of one field; r.doubles(names)
    gathers several double fields in one pass over the records, each
    returned contiguous (a table of 10,000 pipes is read from memory once,
    not once per column)."""

    def __init__(self, cdata, cname, n):
        self.n = n
        self.dtype = dtype_of(cname)
        size = self.dtype.itemsize
        if n:
            buf = ffi.buffer(cdata, n * size)
            self.array = np.frombuffer(buf, dtype=self.dtype, count=n)
            self._words = np.frombuffer(buf, dtype=np.float64,
                                        count=n * size // 8).reshape(
                                            n, size // 8)
        else:
            self.array = np.zeros(0, dtype=self.dtype)
            self._words = np.zeros((0, size // 8))

    @classmethod
    def empty(cls, cname, n):
        """n records of numpy memory, unset (for the library to fill)."""
        r = cls.__new__(cls)
        r.n, r.dtype = n, dtype_of(cname)
        r.array = np.empty(n, dtype=r.dtype)
        r._words = r.array.view(np.float64).reshape(
            n, r.dtype.itemsize // 8)
        return r

    def gather(self, names):
        """The double fields names as one (len(names), n) C-ordered
        array (a row a field), read in one pass over the records."""
        cols = []
        for name in names:
            ftype, offset = self.dtype.fields[name][:2]
            assert ftype == np.float64 and offset % 8 == 0, name
            cols.append(offset // 8)
        if cols == list(range(cols[0], cols[0] + len(cols))):
            part = self._words[:, cols[0]:cols[0] + len(cols)]
        else:
            part = self._words[:, cols]  # fields apart: a slower gather
        return np.ascontiguousarray(part.T)

    def copy(self):
        """Records in memory of their own (a snapshot of the buffer)."""
        c = Records.__new__(Records)
        c.n, c.dtype = self.n, self.dtype
        c.array = self.array.copy()
        c._words = c.array.view(np.float64).reshape(
            self.n, self.dtype.itemsize // 8) if self.n else self._words
        return c

    def strings(self, name):
        """A char * field of every record as str (small tables only: one
        call each)."""
        return np.array([
            ffi.string(ffi.cast("char *", int(a))).decode("utf-8", "replace")
            if a else "" for a in self.array[name]], dtype=object)

    def __getitem__(self, name):
        return self.array[name]

    def __len__(self):
        return self.n

    def doubles(self, names):
        """{name: contiguous float64 array} of double fields."""
        cols = []
        for name in names:
            ftype, offset = self.dtype.fields[name][:2]
            assert ftype == np.float64 and offset % 8 == 0, name
            cols.append(offset // 8)
        block = np.ascontiguousarray(self._words[:, cols].T)
        return dict(zip(names, block))


def to_python(value):
    """A cffi value (struct, array, char array, number) as plain Python:
    dicts, lists, str, float, int."""
    if not isinstance(value, ffi.CData):
        return value.decode("utf-8", "replace") if isinstance(value, bytes) \
            else value
    ctype = ffi.typeof(value)
    if ctype.kind == "struct":
        return {name: to_python(getattr(value, name))
                for name, _ in ctype.fields}
    if ctype.kind == "array":
        if ctype.item.cname == "char":
            return ffi.string(value).decode("utf-8", "replace")
        return [to_python(v) for v in value]
    if ctype.kind == "pointer":
        if value == ffi.NULL:
            return None
        if ctype.item.cname == "char":
            return ffi.string(value).decode("utf-8", "replace")
        return to_python(value[0])
    return value


def _assign(target, name, value, path):
    ftype = dict(ffi.typeof(target).fields)[name].type
    if ftype.kind == "struct":
        fill(getattr(target, name), value, path)
    elif ftype.kind == "array" and ftype.item.kind == "struct":
        items = list(value)
        if len(items) > ftype.length:
            raise ValueError("%s: at most %d entries, got %d"
                             % (path, ftype.length, len(items)))
        for i, item in enumerate(items):
            fill(getattr(target, name)[i], item, "%s[%d]" % (path, i))
    elif ftype.kind == "array" and ftype.item.cname == "char":
        raw = str(value).encode()
        if len(raw) >= ftype.length:
            raise ValueError("%s: at most %d bytes" % (path, ftype.length - 1))
        setattr(target, name, raw)
    else:
        setattr(target, name, value)


def fill(target, values, path=""):
    """Set fields of the cffi struct target from a dict (nested dicts for
    nested structs, lists for arrays); an unknown name is a TypeError."""
    if not isinstance(values, dict):
        raise TypeError("%s: expected a dict of fields, got %r"
                        % (path or "input", values))
    fields = dict(ffi.typeof(target).fields)
    for name, value in values.items():
        where = "%s.%s" % (path, name) if path else name
        if name not in fields:
            raise TypeError("%s: no such field (fields: %s)"
                            % (where, ", ".join(fields)))
        try:
            _assign(target, name, value, where)
        except (OverflowError, TypeError) as e:
            raise TypeError("%s: %s" % (where, e)) from None
