"""heatline.season gives what `heatline season --json` and --csv give."""

import json
import subprocess

import pandas as pd
import pytest

import heatline
from conftest import repo_path, same_number

SMALL = repo_path("tests", "data", "models", "small_line.yaml")
PERIOD = ("--from", "01-10", "--to", "01-11")


def test_season_equals_cli(cli, tmp_path):
    out = subprocess.run([cli, "season", SMALL, *PERIOD, "--json", "--csv",
                          str(tmp_path)], capture_output=True, text=True,
                         check=True)
    js = json.loads(out.stdout)
    s = heatline.season(heatline.load(SMALL), start="01-10", end="01-11")
    assert s.hours == js["period"]["hours"] == 48
    assert list(s.scenarios["name"]) == [sc["name"] for sc in js["scenarios"]]
    n = 0
    for i, sc in enumerate(js["scenarios"]):
        flat = dict(sc["totals"], burn_fitting_hours=sc["burn_fitting_hours"])
        flat.update(sc.get("saving_vs_as_is", {}))
        for key, want in flat.items():
            assert same_number(s.scenarios[key].iloc[i], want, 1e-9, 1e-12), \
                (sc["name"], key)
            n += 1
    assert n > 30
    for table in ("hourly", "monthly", "fittings"):
        pd.testing.assert_frame_equal(
            getattr(s, table), pd.read_csv(tmp_path / (table + ".csv"),
                                           keep_default_na=False,
                                           na_values=[""]))
    assert any("colder than the design" in w for w in s.warnings)
    assert "colder than the design" in out.stderr


def test_season_of_a_changed_model_differs():
    m = heatline.load(SMALL)
    base = heatline.season(m, start="01-10", end="01-10", scenarios="as-is")
    m.set(demand_scale=0.5)
    half = heatline.season(m, start="01-10", end="01-10", scenarios="as-is")
    assert half.scenarios["heat_delivered_gj"][0] < \
        0.7 * base.scenarios["heat_delivered_gj"][0]


@pytest.mark.parametrize("kwargs, cls", [
    ({"start": "01-10"}, heatline.InvalidArgumentError),
    ({"start": "13-40", "end": "14-01"}, heatline.HeatlineError),
    ({"scenarios": ["painted"]}, heatline.InvalidArgumentError),
    ({"weather": "/nonexistent/weather.epw"}, heatline.InputOutputError),
    ({"threads": -1}, heatline.InvalidArgumentError),
])
def test_bad_season_arguments(kwargs, cls):
    with pytest.raises(cls) as e:
        heatline.season(heatline.load(SMALL), **kwargs)
    assert e.value.message


def test_season_needs_a_model():
    with pytest.raises(heatline.InvalidArgumentError):
        heatline.season(SMALL)
