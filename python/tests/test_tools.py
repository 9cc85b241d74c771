"""The single calculations give what the command's --json gives for the
same options: water, surface, thickness, fitting, pipe_loss, lab_fit."""

import json
import subprocess

import pytest

import heatline
from conftest import repo_path, same_number


def cli_json(cli, *args):
    out = subprocess.run([cli, *args, "--json"], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def same(py, want, where="", skip=()):
    """Every key of the CLI's JSON (numbers to its 10 digits)."""
    if isinstance(want, dict):
        for key, value in want.items():
            if key in skip:
                continue
            assert key in py, "%s.%s missing" % (where, key)
            same(py[key], value, "%s.%s" % (where, key), skip)
    elif isinstance(want, list):
        assert len(py) == len(want), where
        for i, (a, b) in enumerate(zip(py, want)):
            same(a, b, "%s[%d]" % (where, i), skip)
    elif isinstance(want, (str, bool)) or want is None and py is None:
        assert py == want, "%s: %r != %r" % (where, py, want)
    else:
        assert same_number(py, want, 1e-9, 1e-12), \
            "%s: %r != %r" % (where, py, want)


@pytest.mark.parametrize("kwargs, args", [
    ({"temp_c": 80}, ["--temp", "80"]),
    ({"temp_c": 150, "pressure_bar": 16}, ["--temp", "150", "--pressure",
                                           "16"]),
])
def test_water(cli, kwargs, args):
    same(heatline.water(**kwargs), cli_json(cli, "water", *args))


SURFACES = [
    (dict(shape="pipe", temp_c=150, od_mm=219.1, ambient_c=5,
          wind_m_per_s=3, layers=[("rock-wool", 80), "k=0.04:20"]),
     ["--shape", "pipe", "--temp", "150", "--od", "219.1", "--ambient", "5",
      "--wind", "3", "--layer", "rock-wool:80", "--layer", "k=0.04:20"]),
    (dict(shape="flat", temp_c=250, orientation="up", height_m=2,
          layers=["calcium-silicate:60"], coefficients="astm-c680"),
     ["--shape", "flat", "--temp", "250", "--orientation", "up", "--height",
      "2", "--layer", "calcium-silicate:60", "--coefficients", "astm-c680"]),
    (dict(shape="sphere", temp_c=90, od_mm=500, h_out=10, film=500),
     ["--shape", "sphere", "--temp", "90", "--od", "500", "--h-out", "10",
      "--film", "500"]),
]


@pytest.mark.parametrize("kwargs, args", SURFACES)
def test_surface(cli, kwargs, args):
    same(heatline.surface(**kwargs), cli_json(cli, "surface", *args))


@pytest.mark.parametrize("kwargs, args", [
    (dict(shape="flat", temp_c=300, layers=[("rock-wool", 50)],
          max_surface_temp_c=50),
     ["--shape", "flat", "--temp", "300", "--layer", "rock-wool:50",
      "--max-surface-temp", "50"]),
    (dict(shape="pipe", temp_c=120, od_mm=114.3, max_heat_loss=30,
          layers=["k=0.05:10", ("rock-wool", 40)], vary=2),
     ["--shape", "pipe", "--temp", "120", "--od", "114.3", "--layer",
      "k=0.05:10", "--layer", "rock-wool:40", "--max-heat-loss", "30",
      "--vary", "2"]),
])
def test_thickness(cli, kwargs, args):
    same(heatline.thickness(**kwargs), cli_json(cli, "thickness", *args))


@pytest.mark.parametrize("kwargs, args", [
    (dict(type="butterfly-valve", dn=1600, pn=25, temp_c=110),
     ["--type", "butterfly-valve", "--dn", "1600", "--pn", "25", "--temp",
      "110"]),
    (dict(type="gate-valve", dn=200, temp_c=130, ambient_c=10, wind_m_per_s=2,
          coating="k=0.06:8", limit_c=55),
     ["--type", "gate-valve", "--dn", "200", "--temp", "130", "--ambient",
      "10", "--wind", "2", "--coating", "k=0.06:8", "--limit", "55"]),
    (dict(type="flange-pair", dn=300, temp_c=110, ambient_c=25,
          jacket="rock-wool:40", ref_insulation="none"),
     ["--type", "flange-pair", "--dn", "300", "--temp", "110", "--ambient",
      "25", "--jacket", "rock-wool:40", "--ref-insulation", "none"]),
])
def test_fitting(cli, kwargs, args):
    same(heatline.fitting(**kwargs), cli_json(cli, "fitting", *args))


@pytest.mark.parametrize("kwargs, args", [
    (dict(laying="pair", carrier_od_mm=250, insulation_od_mm=450,
          lambda_ins=0.09, lambda_ins_return=0.07, lambda_soil=1.74,
          axis_depth_m=2, spacing_m=0.55, supply_c=110, return_c=60,
          ground_c=5),
     ["--laying", "pair", "--carrier-od", "250", "--insulation-od", "450",
      "--lambda-ins", "0.09", "--lambda-ins-return", "0.07", "--lambda-soil",
      "1.74", "--axis-depth", "2", "--spacing", "0.55", "--supply", "110",
      "--return", "60", "--ground", "5"]),
    (dict(laying="single", carrier_od_mm=114.3, insulation_od_mm=200,
          insulation="pur-en253", casing_od_mm=210, cover_m=0.8,
          surface_resistance="en13941", supply_c=90, ground_c=8),
     ["--laying", "single", "--carrier-od", "114.3", "--insulation-od",
      "200", "--insulation", "pur-en253", "--casing-od", "210", "--cover",
      "0.8", "--surface-resistance", "en13941", "--supply", "90",
      "--ground", "8"]),
    (dict(laying="overhead-pair", carrier_od_mm=219.1, insulation_od_mm=400,
          lambda_ins=0.045, wind_m_per_s=5, supply_c=120, return_c=70,
          air_c=-10),
     ["--laying", "overhead-pair", "--carrier-od", "219.1",
      "--insulation-od", "400", "--lambda-ins", "0.045", "--wind", "5",
      "--supply", "120", "--return", "70", "--air", "-10"]),
    (dict(laying="twin", carrier_od_mm=114.3, insulation_od_mm=390,
          insulation="pur-en253", casing_od_mm=400, gap_m=0.03, cover_m=0.8,
          supply_c=80, return_c=45, ground_c=8, twin_method="wallenten"),
     ["--laying", "twin", "--carrier-od", "114.3", "--insulation-od", "390",
      "--insulation", "pur-en253", "--casing-od", "400", "--gap", "0.03",
      "--cover", "0.8", "--supply", "80", "--return", "45", "--ground", "8",
      "--twin-method", "wallenten"]),
    (dict(laying="twin", carrier_od_mm=88.9, insulation_od_mm=250,
          lambda_ins=0.027, spacing_m=0.11, axis_depth_m=1.2, supply_c=70,
          return_c=40, ground_c=10, twin_order=6),
     ["--laying", "twin", "--carrier-od", "88.9", "--insulation-od", "250",
      "--lambda-ins", "0.027", "--spacing", "0.11", "--axis-depth", "1.2",
      "--supply", "70", "--return", "40", "--ground", "10", "--twin-order",
      "6"]),
])
def test_pipe_loss(cli, kwargs, args):
    same(heatline.pipe_loss(**kwargs), cli_json(cli, "pipe-loss", *args))


def test_lab_fit(cli):
    runs = repo_path("examples", "lab", "trial.csv")
    want = cli_json(cli, "lab", "fit", runs)["materials"]
    got = heatline.lab_fit(runs)
    assert [m["material"] for m in got] == [m["material"] for m in want]
    for g, w in zip(got, want):
        for key in ("material", "runs", "t_min_c", "t_max_c", "fit"):
            same(g[key], w[key], key)
        pts = g["points"].to_dict("records")
        same(pts, [{k: v for k, v in p.items() if k != "outlier"}
                   for p in w["points"]], "points")
        same(g["lambda_at"](w["design_temp_c"]), w["lambda_design"])
    one = heatline.lab_fit(runs, "silicone-c")
    assert len(one) == 1 and one[0]["runs"] == want[2]["runs"]


@pytest.mark.parametrize("call, cls", [
    (lambda: heatline.surface("cube", 100), heatline.InvalidArgumentError),
    (lambda: heatline.surface("pipe", 100), heatline.InvalidArgumentError),
    (lambda: heatline.surface("flat", 100, od_mm=100),
     heatline.InvalidArgumentError),
    (lambda: heatline.surface("flat", 100, layers=["unobtainium:10"]),
     heatline.NotFoundError),
    (lambda: heatline.surface("flat", 100, layers=[("rock-wool", -5)]),
     heatline.RangeError),
    (lambda: heatline.surface("flat", 100, layers=["rock-wool"]),
     heatline.InvalidArgumentError),
    (lambda: heatline.surface("flat", 2000), heatline.RangeError),
    (lambda: heatline.surface("flat", 100, h_conv=5, h_out=8),
     heatline.InvalidArgumentError),
    (lambda: heatline.surface("flat", 100, coefficients="mine"),
     heatline.InvalidArgumentError),
    (lambda: heatline.thickness("flat", 300, layers=["rock-wool:50"]),
     heatline.InvalidArgumentError),
    (lambda: heatline.thickness("flat", 300, layers=["rock-wool:50"],
                                max_surface_temp_c=21,
                                max_thickness_mm=20),
     heatline.UnreachableError),
    (lambda: heatline.fitting("teapot", 100, 90),
     heatline.InvalidArgumentError),
    (lambda: heatline.fitting("gate-valve", 123, 90), heatline.NotFoundError),
    (lambda: heatline.fitting("gate-valve", 100.5, 90),
     heatline.InvalidArgumentError),
    (lambda: heatline.fitting("gate-valve", 100, 90, coating="x:1",
                              jacket="y:2"), heatline.InvalidArgumentError),
    (lambda: heatline.pipe_loss("pair", carrier_od_mm=250,
                                insulation_od_mm=200, lambda_ins=0.03,
                                supply_c=90, return_c=50, ground_c=5,
                                cover_m=1, gap_m=0.1),
     heatline.InvalidArgumentError),
    (lambda: heatline.pipe_loss("single", carrier_od_mm=100,
                                insulation_od_mm=200, lambda_ins=0.03,
                                supply_c=90, ground_c=5),
     heatline.InvalidArgumentError),
    (lambda: heatline.pipe_loss("twin", carrier_od_mm=100,
                                insulation_od_mm=200, lambda_ins=0.03,
                                supply_c=90, return_c=50, ground_c=5,
                                cover_m=1, spacing_m=0.15),
     heatline.InvalidArgumentError),
    (lambda: heatline.pipe_loss("single", carrier_od_mm=100,
                                insulation_od_mm=200, lambda_ins=0.03,
                                supply_c=90, ground_c=5, cover_m=1,
                                twin_order=3),
     heatline.InvalidArgumentError),
    (lambda: heatline.lab_fit("/nonexistent/runs.csv"),
     heatline.InputOutputError),
    (lambda: heatline.lab_fit(repo_path("examples", "lab", "trial.csv"),
                              "nothing"), heatline.NotFoundError),
])
def test_bad_tool_input(call, cls):
    with pytest.raises(cls) as e:
        call()
    assert e.value.message
