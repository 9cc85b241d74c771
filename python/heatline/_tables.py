"""C result records as numpy arrays.

A numpy structured dtype is built from cffi's view of a struct (field
names, types and offsets as the compiler laid them out), so a whole array
of records is filled by the library in numpy memory and read without any
field list copied by hand from the headers.
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


class Records:
    """n C records in numpy memory (Records.empty, for the library to
    fill) or viewed in a cffi buffer: r["field"] is a (strided) numpy view
    of one field; r.gather(names) reads several double fields in one pass
    over the records (a table of 10,000 pipes is read from memory once,
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
