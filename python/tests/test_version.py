"""One version: CMakeLists.txt's project(), the loaded library's and the
package's (pyproject.toml)."""

import re

import heatline
from conftest import repo_path


def test_one_version():
    with open(repo_path("CMakeLists.txt"), encoding="utf-8") as f:
        cmake = re.search(r"project\(heatline VERSION ([0-9.]+)", f.read())
    with open(repo_path("python", "pyproject.toml"), encoding="utf-8") as f:
        pyproject = re.search(r'^version = "([0-9.]+)"', f.read(), re.M)
    assert cmake and pyproject
    assert heatline.version() == cmake.group(1) == pyproject.group(1)
    assert heatline.__version__ == heatline.version()
