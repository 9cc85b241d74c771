"""Shared fixtures: the repository, the command-line tool (HEATLINE, as the
CLI tests take it, else BUILD/heatline) and its JSON for a model."""

import json
import math
import os
import subprocess

import pytest

REPO = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def repo_path(*parts):
    return os.path.join(REPO, *parts)


@pytest.fixture(scope="session")
def cli():
    exe = os.environ.get("HEATLINE")
    if not exe:
        build = os.environ.get("HEATLINE_BUILD", repo_path("build"))
        exe = os.path.join(build, "heatline")
    if not os.access(exe, os.X_OK):
        pytest.fail("the heatline command is needed (set HEATLINE): %s" % exe)
    return exe


@pytest.fixture(scope="session")
def cli_json(cli):
    """cli_json(*args): the parsed output of `heatline run ARGS --json`
    (--allow-infeasible: a state that breaks a hard limit is still a
    result to compare; the Result says so in feasible)."""
    cache = {}

    def run(*args):
        if args not in cache:
            out = subprocess.run([cli, "run", *args, "--json",
                                  "--allow-infeasible"],
                                 capture_output=True, text=True, check=True)
            cache[args] = json.loads(out.stdout)
        return cache[args]
    return run


def same_number(a, b, rel, abs_tol):
    """JSON null and NaN are the same missing value."""
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_tol)
