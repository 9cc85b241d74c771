#!/bin/sh
# test_water.sh - `heatline water`: text and JSON, and the region-1 limit.
. "$(dirname "$0")/lib.sh"

expect_ok "water 130 C" water --temp 130
grep -q "934.83" "$tmp/out" || { echo "FAIL density at 130 C saturated: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect_ok "water json" water --temp 20 --pressure 10 --json
expect_json_keys "water json" density_kg_per_m3 cp_j_per_kgk viscosity_pa_s \
    conductivity_w_per_mk saturation_pressure_pa
expect_fail "steam" "not liquid water" water --temp 130 --pressure 1
expect_fail "above the critical point" "--temp '400': expected -50 to 350 C" water --temp 400
grep -qi "nan" "$tmp/err" && { echo "FAIL NaN in the message: $(cat "$tmp/err")"; fails=$((fails + 1)); }
expect_fail "no temp" "--temp C is required" water
expect_fail "bad number" "expected a number" water --temp hot
finish
