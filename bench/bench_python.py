#!/usr/bin/python3
"""bench_python.py - the Python package's overhead: Model.run() (solve and
every result table as pandas DataFrames) against the C solve alone
(hl_model_solve called directly, in the same process), on a benchmark
network of bench/networks.sh (default grid_10000), interleaved, median of
runs.

Model.run() is timed with every table of its Result read (a table
becomes a DataFrame when first read). Two cases, as bench_network times
them:
  first solve   a fresh load each run (the sparse analysis included; the
                Python run also reads the network's ids once)
  re-solve      one model, the ground temperature changed before each solve

usage: PYTHONPATH=python bench/bench_python.py [NET.inp] [RUNS]
"""

import json
import os
import statistics
import sys
import time

import heatline
from heatline import lib

TABLES = ("nodes", "pipes", "fittings", "pumps", "valves", "consumers",
          "sources", "heat_exchangers", "profile")
HERE = os.path.dirname(os.path.abspath(__file__))


def options(net_json):
    with open(net_json, encoding="utf-8") as f:
        d = json.load(f)
    p, fluid = d["params"], d["fluid"]
    return dict(inp_u_w_per_m2k=p["U"], inp_ambient_c=p["t_amb"],
                inp_supply_temp_c=p["t_supply"],
                inp_cp_j_per_kgk=fluid["cp"]), p["t_amb"]


def clocks():
    return time.perf_counter(), time.process_time()


def since(t0):
    t1 = clocks()
    return t1[0] - t0[0], t1[1] - t0[1]


def c_solve(model):
    t0 = clocks()
    rc = lib.hl_model_solve(model._h, heatline.ffi.NULL)
    t = since(t0)
    if rc:
        sys.exit("bench_python: C solve failed: %d" % rc)
    return t


def py_run(model):
    t0 = clocks()
    res = model.run()
    tables = [getattr(res, name) for name in TABLES]  # made when read
    t = since(t0)
    assert len(tables[1]) == model.count("pipe")
    return t


def main():
    inp = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(HERE, "out", "grid_10000.inp")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    opts, t_amb = options(inp[:-4] + ".json")
    first = {"c": [], "py": []}
    again = {"c": [], "py": [], "copy": []}
    for _ in range(runs):  # fresh loads, interleaved
        first["c"].append(c_solve(heatline.load(inp, **opts)))
        first["py"].append(py_run(heatline.load(inp, **opts)))
    m = heatline.load(inp, **opts)
    m.run()
    for k in range(runs):  # re-solves of one model, interleaved
        m.set(ground_temp_c=t_amb + 1 + (k % 2))
        again["c"].append(c_solve(m))
        m.set(ground_temp_c=t_amb + 1 + ((k + 1) % 2))
        again["py"].append(py_run(m))
        t0 = clocks()
        res = heatline.Result(m)
        for name in TABLES:
            getattr(res, name)
        again["copy"].append(since(t0))
    print("%s: %d pipes, %d nodes, median of %d runs, seconds of wall "
          "clock / of the process's CPU"
          % (os.path.basename(inp), m.count("pipe"), m.count("node"), runs))
    for label, d in (("first solve", first), ("re-solve", again)):
        c = [statistics.median(t[i] for t in d["c"]) for i in (0, 1)]
        py = [statistics.median(t[i] for t in d["py"]) for i in (0, 1)]
        print("  %-12s C solve %.4f / %.4f   Model.run() %.4f / %.4f   "
              "ratio %.2f / %.2f" % (label, c[0], c[1], py[0], py[1],
                                     py[0] / c[0], py[1] / c[1]))
    cp = [statistics.median(t[i] for t in again["copy"]) for i in (0, 1)]
    print("  tables alone (Result of a solved model) %.4f / %.4f" % tuple(cp))


if __name__ == "__main__":
    main()
