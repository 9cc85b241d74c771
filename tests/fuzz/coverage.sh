#!/bin/sh
# coverage.sh - line coverage of src/ reached by the fuzz corpora: the
# harnesses built with clang's source-based coverage (no sanitizers) in
# build-fuzz-cov/, every corpus (seeds and build-fuzz/corpus/) replayed
# once, then llvm-cov's report of src/. Prints per-file lines and the
# total; the full report lands in build-fuzz-cov/coverage.txt.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build="$here/build-fuzz-cov"
mkdir -p "$build"
# CFLAGS reach the first configure of build-fuzz-cov (compile and link)
CFLAGS="-fprofile-instr-generate -fcoverage-mapping" \
HEATLINE_BUILD_DIR="$build" HEATLINE_CMAKE_ARGS="-DHL_SANITIZE=OFF" \
    "$here/scripts/setup.sh" --fuzz >"$build/setup.log" 2>&1 ||
    { echo "coverage build failed: $build/setup.log"; exit 1; }
rm -f "$build"/*.profraw
first=""
objects=""
for h in fuzz_model_yaml fuzz_inp fuzz_csv_tables fuzz_epw fuzz_weather_csv \
    fuzz_lab_runs fuzz_inventory fuzz_materials fuzz_writers fuzz_geojson; do
    dirs="$here/tests/fuzz/corpus/$h"
    [ -d "$here/build-fuzz/corpus/$h" ] && dirs="$dirs $here/build-fuzz/corpus/$h"
    # shellcheck disable=SC2086
    LLVM_PROFILE_FILE="$build/$h.profraw" "$build/tests/fuzz/$h" -runs=0 \
        -timeout=20 $dirs >/dev/null 2>&1 || echo "replay of $h failed"
    if [ -z "$first" ]; then
        first="$build/tests/fuzz/$h"
    else
        objects="$objects -object=$build/tests/fuzz/$h"
    fi
done
llvm-profdata merge -sparse "$build"/*.profraw -o "$build/all.profdata"
# The harnesses link libheatline.so: src/'s counters live in the library.
objects="$objects -object=$build/libheatline.so"
# shellcheck disable=SC2086
llvm-cov report "$first" $objects -instr-profile="$build/all.profdata" \
    "$here/src" >"$build/coverage.txt"
cat "$build/coverage.txt"
