"""A model built from DataFrames equals the same model loaded from YAML
(tests/data/models/small_line.yaml, written here as tables)."""

import pandas as pd
import pandas.testing as pdt
import pytest

import heatline
from conftest import repo_path

SMALL = repo_path("tests", "data", "models", "small_line.yaml")

NODES = pd.DataFrame([
    {"id": "R0", "side": "return", "pressure_bar_g": 3, "chainage_m": 0},
    {"id": "P0"},
    {"id": "S0", "side": "supply", "chainage_m": 0},
    {"id": "S1", "side": "supply", "elevation_m": 5, "chainage_m": 2000},
    {"id": "R1", "side": "return", "elevation_m": 5, "chainage_m": 2000},
    {"id": "S2", "side": "supply", "elevation_m": 10, "chainage_m": 3500},
    {"id": "R2", "side": "return", "elevation_m": 10, "chainage_m": 3500},
])
PIPES = pd.DataFrame({
    "id": ["s1", "r1", "s2", "r2"],
    "from": ["S0", "R1", "S1", "R2"],
    "to": ["S1", "R0", "S2", "R1"],
    "length_m": [2000, 2000, 1500, 1500],
    "type": "dn200",
    "pair": ["r1", None, "r2", None],
})
PIPE_TYPES = {"dn200": {
    "outer_diameter_mm": 219.1, "wall_mm": 5.9, "roughness_mm": 0.1,
    "pn_bar": 16, "laying": "pair",
    "layers": [{"material": "pur-en253", "thickness_mm": 60},
               {"material": "hdpe-casing", "thickness_mm": 5}],
    "cover_m": 0.8, "clear_spacing_m": 0.15,
    "soil_conductivity_w_per_mk": 1.5}}
SOURCES = [{"id": "plant", "inlet": "P0", "outlet": "S0",
            "supply_temp_c": 110, "station": "plant"}]
PUMPS = [{"id": "pump", "from": "R0", "to": "P0",
          "design_flow_m3_per_h": 150, "design_head_m": 60,
          "efficiency": 0.8, "station": "plant"}]
CONSUMERS = pd.DataFrame([
    {"id": "c1", "supply": "S1", "return": "R1", "heat_kw": 2000,
     "return_temp_c": 55},
    {"id": "c2", "supply": "S2", "return": "R2", "heat_kw": 3000,
     "delta_t_k": 50},
])
CHAMBERS = [{"id": "ch1", "chainage_m": 2000, "fittings": pd.DataFrame({
    "type": "gate-valve", "dn": 200, "pn": 16, "node": ["S1", "R1"],
    "state": ["bare", "coated"]})}]
SETTINGS = {"ground_temp_c": 5, "chamber_air_temp_c": 20, "burn_limit_c": 50}
OPERATION = {"design_outdoor_temp_c": -20, "balance_temp_c": 16,
             "regulation": "quality", "reset_cold_outdoor_c": -20,
             "reset_cold_supply_c": 110, "reset_warm_outdoor_c": 10,
             "reset_warm_supply_c": 70, "reset_floor_c": 65}


def built(**changes):
    args = dict(nodes=NODES, pipes=PIPES, pipe_types=PIPE_TYPES,
                sources=SOURCES, pumps=PUMPS, consumers=CONSUMERS,
                chambers=CHAMBERS, settings=SETTINGS, operation=OPERATION,
                name="Small line",
                description="one plant, two consumers, one valve chamber")
    args.update(changes)
    return heatline.build(**args)


def test_built_model_equals_the_yaml_model():
    a = built().run()
    b = heatline.load(SMALL).run()
    assert a.model_name == b.model_name
    for table in ("nodes", "pipes", "fittings", "pumps", "consumers",
                  "sources", "profile"):
        pdt.assert_frame_equal(getattr(a, table), getattr(b, table))
    pdt.assert_series_equal(a.totals, b.totals)
    assert a.warnings == b.warnings


def test_built_model_runs_a_season_like_the_yaml_model():
    a = heatline.season(built(), start="01-10", end="01-11")
    b = heatline.season(heatline.load(SMALL), start="01-10", end="01-11")
    assert a.hours == 48
    pdt.assert_frame_equal(a.scenarios, b.scenarios)
    pdt.assert_frame_equal(a.hourly, b.hourly)


def test_a_bad_row_is_named_by_table_and_row():
    pipes = PIPES.copy()
    pipes.loc[2, "length_m"] = -1
    with pytest.raises(heatline.RangeError) as e:
        built(pipes=pipes)
    assert e.value.message.startswith("pipes row 2: ")
    assert "length_m" in e.value.message


def test_a_missing_node_is_named():
    with pytest.raises(heatline.NotFoundError) as e:
        built(nodes=NODES[NODES["id"] != "S2"])
    assert "S2" in e.value.message


@pytest.mark.parametrize("changes", [
    {"nodes": "R0,S0"},
    {"nodes": [["R0"]]},
    {"settings": [1, 2]},
    {"pipe_types": {"dn200": 5}},
    {"pipes": PIPES.assign(length_m=float("inf"))},
    {"consumers": [{"id": "c1", 3: "x"}]},
    {"sources": [{"id": "plant", "inlet": object()}]},
])
def test_tables_of_the_wrong_shape(changes):
    with pytest.raises(heatline.InvalidArgumentError):
        built(**changes)
