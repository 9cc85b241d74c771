"""Model.run() gives what `heatline run --json` gives: the default model
and an imported EPANET .inp, every element and every key the JSON and the
tables share."""

import math

import numpy as np
import pytest

import heatline
from conftest import repo_path, same_number

INP = repo_path("tests", "validation", "epanet", "tank_pump.inp")

# table of the Result -> array of the JSON
TABLES = ("nodes", "pipes", "pumps", "consumers", "sources",
          "heat_exchangers", "fittings")


def pressure_like(key):
    """Pressures, pressure differences, heads, and pump powers (m dp / rho)."""
    return (key.startswith("pressure") or key.startswith("dp_")
            or key == "head_m" or key.endswith("power_w"))


def compare(res, js, rel, abs_tol, pressure_abs=None):
    """Every JSON value against the same row and column of the Result; the
    number of values compared. pressure_abs: another absolute tolerance
    for pressures (Pa) and heads (m / 1e4)."""
    n = 0
    for table in TABLES:
        frame = getattr(res, table)
        rows = js[table]
        assert len(frame) == len(rows), table
        columns = {key: frame[key].tolist() for key in frame.columns}
        for i, row in enumerate(rows):
            for key, want in row.items():
                if key not in columns:
                    continue
                got = columns[key][i]
                where = "%s[%d].%s: python %r, CLI %r" % (table, i, key,
                                                         got, want)
                if isinstance(want, str):
                    assert got == want or (key == "side" and want == "none"
                                           and got == ""), where
                elif isinstance(want, bool):
                    assert bool(got) == want, where
                else:
                    tol, r = abs_tol, rel
                    if pressure_abs and (key.endswith("power_w") or (
                            table == "pumps" and key == "heat_w")):
                        # 6667 kg/s through a pump: 20 Pa, 130 W (a pump's
                        # heat is its shaft power less what it lifts)
                        r = 1e-5
                    elif pressure_abs and pressure_like(key):
                        tol = pressure_abs * (1e-4 if key == "head_m" else 1)
                    assert same_number(got, want, r, tol), where
                n += 1
    for key, want in js["totals"].items():
        assert key in res.totals.index, key
        if key in ("iterations", "coupling_rounds") or (
                pressure_abs and "residual" in key):
            continue  # how the solve got there: the same sequence only
        r = 1e-5 if pressure_abs and key.startswith("pump_") else rel
        tol = abs_tol
        if key == "heat_unmet_w":  # asked - delivered: a difference of two
            # large numbers, as exact as the delivered heat (chamber air
            # settled after the rounds leaves watts of 2.2 GW)
            tol = max(abs_tol, rel * js["totals"]["heat_delivered_w"])
        assert same_number(res.totals[key], want, r, tol), key
        n += 1
    return n


def test_default_model_equals_cli_json(cli_json):
    js = cli_json()
    res = heatline.default_model().run()
    assert res.model_name == js["model"]["name"]
    # The CLI solves every fitting scenario before the model's own states,
    # so its last solve starts warm from another state: equal within the
    # solver's tolerances (relative flow change 1e-6, 1e-6 K); the
    # pressures of the last Newton step then differ by up to 15 Pa on the
    # 105 km line (pump powers m dp / rho with them; the next test repeats
    # the CLI's sequence and is exact).
    n = compare(res, js, rel=1e-6, abs_tol=1e-5, pressure_abs=20.0)
    assert n > 1000
    assert res.warnings == js["warnings"]


def test_default_model_same_sequence_as_cli_is_exact(cli_json):
    js = cli_json()
    m = heatline.default_model()
    for state in ("bare", "coated", "jacketed"):
        m.set_fitting_state(state).solve()
    res = m.set_fitting_state(None).run()
    # the CLI prints 10 significant digits
    compare(res, js, rel=1e-9, abs_tol=1e-12)
    assert res.totals["iterations"] == js["totals"]["iterations"]


def test_imported_inp_equals_cli_json(cli_json):
    js = cli_json(INP)
    res = heatline.load(INP).run()
    n = compare(res, js, rel=1e-9, abs_tol=1e-12)
    assert n > 50
    assert res.totals["iterations"] == js["totals"]["iterations"]


def test_inp_thermal_options_as_on_the_command_line(cli_json):
    js = cli_json(INP, "--supply-temp", "95", "--ambient", "5", "--u", "0.5")
    res = heatline.load(INP, inp_supply_temp_c=95, inp_ambient_c=5,
                        inp_u_w_per_m2k=0.5).run()
    compare(res, js, rel=1e-9, abs_tol=1e-12)
    assert res.pipes["heat_loss_w"].sum() > 0


def test_what_if_conditions_as_on_the_command_line(cli_json):
    js = cli_json("--demand-scale", "0.7", "--ground-temp", "2")
    m = heatline.default_model().set(demand_scale=0.7, ground_temp_c=2)
    for state in ("bare", "coated", "jacketed"):
        m.set_fitting_state(state).solve()
    compare(m.set_fitting_state(None).run(), js, rel=1e-9, abs_tol=1e-12)


def test_tables_have_the_csv_columns(cli, tmp_path):
    import subprocess
    import pandas as pd
    subprocess.run([cli, "run", "--csv", str(tmp_path)], check=True,
                   capture_output=True)
    res = heatline.default_model().run()
    for table in ("nodes", "pipes", "fittings", "profile"):
        csv = pd.read_csv(tmp_path / (table + ".csv"))
        frame = getattr(res, table)
        assert list(frame.columns) == list(csv.columns), table
        assert len(frame) == len(csv), table
    assert np.isfinite(res.profile["chainage_m"]).all()


def test_clone_runs_the_same_network_on_its_own():
    m = heatline.default_model()
    base = m.run().totals["heat_delivered_w"]
    c = m.clone().set(demand_scale=0.5)
    half = c.run().totals["heat_delivered_w"]
    assert half < 0.6 * base
    assert m.run().totals["heat_delivered_w"] == pytest.approx(base, rel=1e-9)
    assert math.isclose(c.count("pipe"), m.count("pipe"))


def test_feasibility_as_the_cli_says(cli_json):
    """feasible and violations as `heatline run --json` gives them."""
    inp = repo_path("tests", "validation", "epanet", "tank_pump.inp")
    js = cli_json(inp)
    res = heatline.load(inp).run()
    assert res.feasible == js["feasible"]
    assert len(res.violations) == len(js["violations"])
    for i, v in enumerate(js["violations"]):
        assert res.violations["kind"][i] == v["kind"]
        assert res.violations["element"][i] == v["element"]
    assert heatline.default_model().run().feasible


def test_pressure_driven_equals_cli(cli):
    """The 90 MW-through-DN200 model with pressure-driven consumers: the
    delivered and asked heat of every consumer and the unmet total as
    `heatline run --pressure-driven --json` gives them."""
    import json
    import subprocess
    big = repo_path("tests", "data", "models", "big_demand.yaml")
    js = json.loads(subprocess.run([cli, "run", big, "--pressure-driven",
                                    "--json"], capture_output=True,
                                   check=True).stdout)
    res = heatline.load(big, pressure_driven=True).run()
    assert res.feasible
    assert same_number(res.totals["heat_unmet_w"],
                       js["totals"]["heat_unmet_w"], 1e-8, 1e-3)
    assert res.totals["heat_unmet_w"] > 0.5 * 90e6
    for i, row in enumerate(js["consumers"]):
        assert same_number(res.consumers["heat_w"][i], row["heat_w"],
                           1e-8, 1e-3)
        assert same_number(res.consumers["heat_asked_w"][i],
                           row["heat_asked_w"], 1e-8, 1e-3)
        assert res.consumers["heat_w"][i] < res.consumers["heat_asked_w"][i]
    assert heatline.load(big).run().totals["heat_unmet_w"] == 0.0
