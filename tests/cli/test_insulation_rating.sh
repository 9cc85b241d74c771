#!/bin/sh
# test_insulation_rating.sh - pipe insulation above its material's
# continuous-operation rating (issue 13 item 6; EN 253:2019: PUR rated for
# 30 years at 120 C continuous): the default line's 130 C supply is
# flagged as a warning (exit 0, feasible) in the text, the JSON warnings
# and the report's warnings section, naming the pipes and the temperature
# against the rating; a 90 C model is not flagged.
. "$(dirname "$0")/lib.sh"

check() { # NAME CONDITION-EXIT-STATUS
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi
}
flag="insulation 'pur-aged' above its continuous-operation rating 120 C"

expect_ok "default line: a warning, not infeasible (exit 0)" run
grep -q "^  $flag" "$tmp/out" && grep -q "L1-S01 130.0 C" "$tmp/out"
check "text: the warning under Warnings, naming pipes and temperatures" $?

expect_ok "default line --json" run --json
grep -q "\"$flag.* in 51 pipes, hottest 'L3-S09' at 130.6 C: L1-S01 130.0 C" "$tmp/out" &&
    grep -q '"feasible": true' "$tmp/out"
check "JSON: in warnings, feasible" $?

"$HEATLINE" run --report "$tmp/line.html" >/dev/null 2>&1
check "default line --report: exit 0 (got $?)" $?
grep -q "continuous-operation rating 120 C" "$tmp/line.html"
check "report: the warning in its warnings section" $?

# the DN200 example line at 90 C instead of its 110 C
sed 's/supply_temp_c: 110/supply_temp_c: 90/' \
    "$HL_SOURCE_DIR/tests/data/models/small_line.yaml" >"$tmp/line90.yaml"
grep -q "supply_temp_c: 90" "$tmp/line90.yaml"
check "90 C model written" $?
expect_ok "90 C model" run "$tmp/line90.yaml" --json
grep -q "continuous-operation rating" "$tmp/out"
check "90 C model: no rating warning" $(( $? == 0 ))

finish
