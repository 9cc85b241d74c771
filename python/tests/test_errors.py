"""Bad input from Python: an exception of the library's error class with
its message (file:line for files), never a crash; the model stays usable
after a failed solve."""

import math

import pytest

import heatline
from conftest import repo_path

SMALL = repo_path("tests", "data", "models", "small_line.yaml")


def small_text():
    with open(SMALL, encoding="utf-8") as f:
        return f.read()


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_missing_file_is_an_io_error(tmp_path):
    path = str(tmp_path / "nowhere.yaml")
    with pytest.raises(heatline.InputOutputError) as e:
        heatline.load(path)
    assert "nowhere.yaml" in str(e.value)
    assert e.value.code == heatline.lib.HL_EIO
    assert isinstance(e.value, OSError)


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "bad.yaml", small_text().replace(
        "  - {id: P0}", "  - {id: P0"))
    with pytest.raises(heatline.ParseError) as e:
        heatline.load(path)
    assert "bad.yaml:" in e.value.message


def test_value_out_of_range_names_file_line_and_range(tmp_path):
    text = small_text().replace("length_m: 2000,", "length_m: -5,", 1)
    path = write(tmp_path, "neg.yaml", text)
    with pytest.raises(heatline.RangeError) as e:
        heatline.load(path)
    line = text.splitlines().index(
        [l for l in text.splitlines() if "length_m: -5" in l][0]) + 1
    assert "neg.yaml:%d" % line in e.value.message
    assert "length_m" in e.value.message


def test_unknown_reference_is_not_found(tmp_path):
    path = write(tmp_path, "ref.yaml", small_text().replace(
        "from: S1, to: S2", "from: S1, to: NOWHERE"))
    with pytest.raises(heatline.NotFoundError) as e:
        heatline.load(path)
    assert "NOWHERE" in e.value.message


def test_unsolvable_topology_is_a_topology_error():
    m = heatline.load(SMALL)
    m.set_open("pipe", "s1", False).set_open("pipe", "r1", False)
    with pytest.raises(heatline.HeatlineError) as e:
        m.run()
    assert e.value.message  # the library's diagnostic, not just a code
    # the next error has its own message, not the first one recorded
    with pytest.raises(heatline.NotFoundError) as e:
        m.set(supply_temp_c=90, source="nowhere")
    assert "nowhere" in e.value.message
    # the model stays usable: open again and solve
    m.set_open("pipe", "s1", True).set_open("pipe", "r1", True)
    assert m.run().totals["heat_delivered_w"] > 0


def test_no_convergence_is_a_convergence_error():
    m = heatline.default_model()
    with pytest.raises(heatline.ConvergenceError) as e:
        m.solve(max_iterations=1, cold_start=True)
    assert "iteration" in e.value.message


def test_results_before_a_solve_are_a_state_error():
    with pytest.raises(heatline.StateError):
        heatline.Result(heatline.load(SMALL))


@pytest.mark.parametrize("kwargs, cls", [
    ({"demand_scale": -1}, heatline.RangeError),
    ({"demand_scale": float("nan")}, heatline.RangeError),
    ({"demand_scale": "much"}, heatline.InvalidArgumentError),
    ({"supply_temp_c": 500}, heatline.RangeError),
    ({"ground_temp_c": None, "air_temp_c": -300}, heatline.RangeError),
    ({"supply_temp_c": 90, "source": "nowhere"}, heatline.HeatlineError),
    ({"supply_temp_c": 90, "source": 7}, heatline.InvalidArgumentError),
    ({"chamber_temp_c": 20, "chamber": "a\0b"},
     heatline.InvalidArgumentError),
])
def test_bad_conditions(kwargs, cls):
    m = heatline.load(SMALL)
    with pytest.raises(cls) as e:
        m.set(**kwargs)
    assert e.value.message
    assert m.run().totals["heat_delivered_w"] > 0  # still usable


@pytest.mark.parametrize("call, cls", [
    (lambda: heatline.load(42), heatline.InvalidArgumentError),
    (lambda: heatline.load("a\0b.yaml"), heatline.InvalidArgumentError),
    (lambda: heatline.load(SMALL, friction="rough"),
     heatline.InvalidArgumentError),
    (lambda: heatline.load(SMALL, inp_u_w_per_m2k=1),
     heatline.InvalidArgumentError),
    (lambda: heatline.load(repo_path("tests", "validation", "epanet",
                                     "tank_pump.inp"), inp_cp_j_per_kgk=-1),
     heatline.RangeError),
    (lambda: heatline.load_text(b"bytes"), heatline.InvalidArgumentError),
    (lambda: heatline.load_text("heatline_model: 1\nnodes: [\n"),
     heatline.ParseError),
    (lambda: heatline.load(SMALL).set_fitting_state("painted"),
     heatline.InvalidArgumentError),
    (lambda: heatline.load(SMALL).count("widget"),
     heatline.InvalidArgumentError),
    (lambda: heatline.load(SMALL).set_consumer_demand("nobody", 1e6),
     heatline.HeatlineError),
    (lambda: heatline.water(400), heatline.RangeError),
    (lambda: heatline.water(150, pressure_bar=1), heatline.RangeError),
    (lambda: heatline.water("hot"), heatline.InvalidArgumentError),
])
def test_bad_arguments(call, cls):
    with pytest.raises(cls) as e:
        call()
    assert e.value.message and e.value.code < 0


def test_text_model_errors_name_the_origin():
    with pytest.raises(heatline.ParseError) as e:
        heatline.load_text("heatline_model: 1\nnodes: [\n", origin="mine")
    assert e.value.message.startswith("mine")


def test_solve_options_are_checked():
    m = heatline.load(SMALL)
    with pytest.raises(TypeError):
        m.solve(speed=3)
    res = m.run(flow_rel_tol=1e-8)
    assert math.isfinite(res.totals["heat_delivered_w"])
