"""heatline.Register: the retrofit loop init -> import -> findings ->
decide -> work -> verify on the INVENTED example readings of
tests/data/register/ (as tests/cli/test_register.sh uses them), the status
equal to `heatline register FILE status --json` on the same file, and a bad
inspection CSV raising with file:line:column and writing nothing."""

import json
import subprocess

import pytest

import heatline
from conftest import repo_path

DATA = repo_path("tests", "data", "register")
HEADER = "fitting_id,date,inspector,supply_c,air_c,hottest_c,mean_c\n"


def cli_status(cli, db):
    out = subprocess.run([cli, "register", str(db), "status", "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def same_status(py, cli):
    """Equal key for key; the GJ sums as the CLI prints them (10 digits)."""
    assert list(py) == list(cli)
    for key in py:
        if key.startswith("heat_saved"):
            assert py[key] == pytest.approx(cli[key], rel=1e-9, abs=0)
        else:
            assert py[key] == cli[key], key


@pytest.fixture
def db(tmp_path):
    return tmp_path / "line.db"


def test_template_is_the_csv_header():
    t = heatline.register_template()
    assert t.startswith("#")
    assert any(line.startswith("fitting_id,date,")
               for line in t.splitlines())


def test_the_loop(db, cli):
    with heatline.Register.init(db, by="tester") as r:
        s = r.status()
        assert (s["chambers"], s["fittings"]) == (50, 400)
        assert s["items"]["clear"] == 400
        same_status(s, cli_status(cli, db))

        res = r.import_inspections(DATA + "/inspections.csv", by="tester")
        assert res["rows"] == 8 and res["findings"] == 8
        f = r.findings()
        assert len(f) == 8 and "fitting" in f.columns
        # the supply valve reads 20 K under the model (planted)
        assert "ST1-S-valve" in set(f["fitting"])
        s = r.status()
        assert s["items"]["open"] == 8 and s["findings_open"] == 8
        assert {"item": "ST1-R-bypass", "since": "2026-01-12",
                "state": "open"} in s["oldest_open"]

        opts = r.options("ST1")
        assert len(opts) > 0
        assert opts["spec"].str.startswith("coating ").any()
        assert opts["spec"].str.startswith("jacket ").any()
        assert opts[["heat_saved_gj", "surface_c", "loss_w"]].notna().all(
            axis=None)

        assert r.decide("ST1", "coating ceramic-microbead:15", by="eng A",
                        why="least 5-mm step under 50 C") == 8
        with pytest.raises(heatline.HeatlineError,
                           match="no fitting in state clear/open/failed"):
            r.decide("ST1", "coating ceramic-microbead:8", by="me", why="x")
        assert r.record_work("ST1", date="2026-02-01", crew="crew 3",
                             batch="CM-1") == 8
        assert r.status()["items"]["done"] == 8

        res = r.verify(DATA + "/verification.csv", by="tester")
        assert (res["rows"], res["passed"], res["failed"]) == (8, 7, 1)
        s = r.status()
        assert s["items"]["verified"] == 7 and s["items"]["failed"] == 1
        assert s["heat_saved_verified_gj"] > 0
        # another process reads the same file: the same status
        same_status(s, cli_status(cli, db))

        # the failed return valve: decided anew, reworked, verified
        r.decide("ST1-R-valve", "coating ceramic-microbead:20", by="eng A",
                 why="coating damaged")
        r.record_work("ST1-R-valve", date="2026-03-01", crew="crew 1")
        assert r.verify(DATA + "/reverify.csv")["passed"] == 1
        s = r.status()
        assert s["items"]["verified"] == 8 and s["findings_open"] == 0
        h = r.history("ST1-R-valve")
        steps = " ".join(" ".join(row) for row in h.itertuples(index=False))
        for step in ("-> open", "open -> decided", "done -> failed",
                     "failed -> decided", "done -> verified"):
            assert step in steps
        with pytest.raises(heatline.NotFoundError, match="no history for"):
            r.history("XX")

        r.export(db.parent / "exp")
        assert (db.parent / "exp" / "history.csv").is_file()
        r.report(db.parent / "r.html")
        assert "ST1-R-valve" in (db.parent / "r.html").read_text()
    with pytest.raises(heatline.StateError, match="closed"):
        r.status()
    with heatline.Register.open(db) as again:
        same_status(again.status(), cli_status(cli, db))


@pytest.mark.parametrize("rows, needle, cls", [
    (["ST1-S-valve,2026-01-10,A,130,25,120,100",
      "ST1-X,2026-01-10,A,130,25,120,100"],
     "bad.csv:3:1: column fitting_id: unknown fitting 'ST1-X'",
     heatline.NotFoundError),
    (["ST1-S-valve,2026-01-10,A,130,25,hot,100"],
     "bad.csv:2:6: column hottest_c: 'hot' is not a number",
     heatline.ParseError),
])
def test_bad_csv_raises_and_writes_nothing(db, tmp_path, rows, needle, cls):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "".join(r + "\n" for r in rows))
    heatline.Register.init(db).close()
    file_before = db.read_bytes()
    with heatline.Register.open(db) as r:
        before = r.status()
        with pytest.raises(cls) as e:
            r.import_inspections(bad)
        assert needle in str(e.value)
        assert e.value.code < 0 and e.value.message == str(e.value)
        assert r.status() == before
        assert before["inspections"] == 0 and before["history_rows"] == 1
    assert db.read_bytes() == file_before


def test_open_errors(tmp_path):
    with pytest.raises(heatline.HeatlineError, match="no such register"):
        heatline.Register.open(tmp_path / "none.db")
    with pytest.raises(heatline.HeatlineError) as e:
        heatline.Register.init(tmp_path / "m.db", tmp_path / "none.yaml")
    assert str(tmp_path / "none.yaml") in str(e.value)
    assert not (tmp_path / "m.db").exists()
    db = tmp_path / "x.db"
    heatline.Register.init(db).close()
    with pytest.raises(heatline.HeatlineError, match="already exists"):
        heatline.Register.init(db)
