#!/bin/sh
# run-long.sh - the long fuzz campaign: each harness for HL_FUZZ_SECONDS
# (default 3600, one hour), HL_FUZZ_JOBS harnesses at a time (default 1;
# the project's machines have two cores). Same build, oracle and findings
# folder as smoke.sh; the corpus in build-fuzz/corpus/ grows from run to
# run. At the end: inputs tried per harness (build-fuzz/findings/*.log).
#   tests/fuzz/run-long.sh [HARNESS...]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
export HL_FUZZ_SECONDS=${HL_FUZZ_SECONDS:-3600}
jobs=${HL_FUZZ_JOBS:-1}
harnesses=${*:-"fuzz_model_yaml fuzz_inp fuzz_csv_tables fuzz_epw
  fuzz_weather_csv fuzz_lab_runs fuzz_inventory fuzz_materials fuzz_writers
  fuzz_geojson"}
HEATLINE_BUILD_DIR=${HEATLINE_FUZZ_BUILD:-"$here/build-fuzz"} \
    "$here/scripts/setup.sh" --fuzz
export HL_FUZZ_NO_BUILD=1
set -- $harnesses
status=0
while [ $# -gt 0 ]; do
    pids=""
    i=0
    while [ $i -lt "$jobs" ] && [ $# -gt 0 ]; do
        "$here/tests/fuzz/smoke.sh" "$1" &
        pids="$pids $!"
        shift
        i=$((i + 1))
    done
    for p in $pids; do wait "$p" || status=1; done
done
exit $status
