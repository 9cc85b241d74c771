#!/bin/sh
# heatline set-up: installs every dependency from Debian's packages (and the
# report's pinned browser assets from the npm registry), then builds.
#   scripts/setup.sh           dependencies for running + build
#   scripts/setup.sh --test    also the test-only dependencies (cmocka, chromium)
#   scripts/setup.sh --fuzz    clang and libFuzzer, then the fuzz harnesses
#                              in build-fuzz/ (tests/fuzz/README.md)
# Environment: HEATLINE_BUILD_DIR (default build), HEATLINE_BUILD_TYPE
# (default Release), HEATLINE_CMAKE_ARGS (extra cmake options).
# Re-running is cheap: apt-get skips what is installed, cmake rebuilds only
# what changed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${HEATLINE_BUILD_DIR:-"$here/build"}
build_type=${HEATLINE_BUILD_TYPE:-Release}
with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1
with_fuzz=0
[ "${1:-}" = "--fuzz" ] && with_fuzz=1

# Every package the build needs, named: on a minimal Debian 12
# (debootstrap --variant=minbase, what a container starts from) gcc without
# its recommends lacks libc6-dev (crt files, libc headers); binutils gives
# ld, nm, objcopy, readelf (the static library and the symbol checks).
run_pkgs="libyaml-dev libcsv-dev libjansson-dev libyajl-dev libsuitesparse-dev
liblapacke-dev libopenblas-dev libsqlite3-dev pkg-config cmake make gcc libc6-dev binutils"
# The Python package (python/, docs/python.md) opens the built library with
# cffi and gives its tables as pandas DataFrames.
run_pkgs="$run_pkgs python3 python3-cffi python3-numpy python3-pandas"
# Node.js + npm fetch the report's browser assets (over HTTPS: the CA
# certificates); a machine that already has them (e.g. from another
# repository) keeps its own.
command -v npm >/dev/null 2>&1 ||
  run_pkgs="$run_pkgs nodejs npm ca-certificates"
# A CJK font, so that the Chinese report (--lang zh) renders offline in
# Chromium and the desktop browsers (the report's font stack names it).
run_pkgs="$run_pkgs fonts-wqy-zenhei"
test_pkgs="libcmocka-dev chromium python3-pytest sqlite3"
# the man pages are rendered (groff) and read (man -l) by tests/cli/test_man.sh
test_pkgs="$test_pkgs groff-base man-db"
fuzz_pkgs="clang libclang-rt-dev llvm"

missing=""
for p in $run_pkgs $( [ $with_tests = 1 ] && echo "$test_pkgs" ) \
         $( [ $with_fuzz = 1 ] && echo "$fuzz_pkgs" ); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "heatline setup: installing$missing" >&2
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $missing >&2
fi

# Browser-side report assets, pinned by report/package-lock.json. Without
# the registry (offline) the build goes on: only --report needs them, and
# it says so when they are missing.
if [ -f "$here/report/package-lock.json" ] &&
   [ ! -f "$here/report/node_modules/.heatline-stamp" ]; then
  if (cd "$here/report" && npm ci --no-audit --no-fund --loglevel=error >&2)
  then
    touch "$here/report/node_modules/.heatline-stamp"
  else
    echo "heatline setup: warning: npm ci failed (no registry?); building" \
      "without the report's plotting library (only --report needs it)" >&2
  fi
fi

if [ $with_fuzz = 1 ]; then # clang, sanitizers, no test suite
  fuzz_dir=${HEATLINE_BUILD_DIR:-"$here/build-fuzz"}
  CC=clang cmake -S "$here" -B "$fuzz_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHL_FUZZ=ON -DHL_SANITIZE=ON -DHL_BUILD_TESTS=OFF \
    ${HEATLINE_CMAKE_ARGS:-} >&2
  cmake --build "$fuzz_dir" -j "$(nproc)" >&2
  exit 0
fi

cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" \
  -DHL_BUILD_TESTS=$([ $with_tests = 1 ] && echo ON || echo OFF) \
  ${HEATLINE_CMAKE_ARGS:-} >&2
cmake --build "$build_dir" -j "$(nproc)" >&2
echo "heatline setup: built in $build_dir; for Python (docs/python.md):" >&2
if [ "$build_dir" = "$here/build" ]; then
  echo "  export PYTHONPATH=$here/python" >&2
else
  echo "  export PYTHONPATH=$here/python HEATLINE_BUILD=$build_dir" >&2
fi
