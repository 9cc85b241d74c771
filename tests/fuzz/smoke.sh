#!/bin/sh
# smoke.sh - every libFuzzer harness for a short while (CI): builds them
# (scripts/setup.sh --fuzz: clang, ASan + UBSan, build-fuzz/), then runs
# each on its seed corpus for HL_FUZZ_SECONDS (default 30) seconds. A
# crash, a sanitizer report, a broken oracle (tests/fuzz/fuzz_support.h),
# a timeout or a leak fails the run; the input that did it is kept in
# build-fuzz/findings/.
#   tests/fuzz/smoke.sh [HARNESS...]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${HEATLINE_FUZZ_BUILD:-"$here/build-fuzz"}
seconds=${HL_FUZZ_SECONDS:-30}
[ -n "${HL_FUZZ_NO_BUILD:-}" ] || # run-long.sh builds once for all
    HEATLINE_BUILD_DIR="$build" "$here/scripts/setup.sh" --fuzz
harnesses=${*:-"fuzz_model_yaml fuzz_inp fuzz_geojson fuzz_csv_tables fuzz_epw
  fuzz_weather_csv fuzz_lab_runs fuzz_inventory fuzz_materials fuzz_writers"}
mkdir -p "$build/findings" "$build/corpus"
failed=0
passed=0
for h in $harnesses; do
    work="$build/corpus/$h" # grows over runs; the seeds stay untouched
    mkdir -p "$work"
    log="$build/findings/$h.log"
    if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$build/tests/fuzz/$h" -max_total_time="$seconds" -timeout=20 \
           -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
           -artifact_prefix="$build/findings/$h-" \
           "$work" "$here/tests/fuzz/corpus/$h" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "ok   $h: $runs inputs in ${seconds} s"
        passed=$((passed + 1))
    else
        echo "FAIL $h: see $log"; tail -30 "$log"
        failed=$((failed + 1))
    fi
done
echo "fuzz smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
