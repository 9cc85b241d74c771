#!/bin/sh
# test_feasibility.sh - a converged solve of an impossible state is not a
# success (issue 13): the 90 MW-through-DN200 reproducer exits 3 with an
# INFEASIBLE block first in the text, "feasible": false and every
# violation in the JSON, the verdict and every warning in the HTML
# report; --allow-infeasible gives exit 0; the default line is feasible
# and prints its least static margin.
. "$(dirname "$0")/lib.sh"

big="$HL_SOURCE_DIR/tests/data/models/big_demand.yaml"

check() { # NAME CONDITION-EXIT-STATUS
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi
}

"$HEATLINE" run "$big" >"$tmp/big.txt" 2>"$tmp/big.err"
check "big demand: exit 3 (got $?)" $(( $? != 3 ))
head -1 "$tmp/big.txt" | grep -q "^INFEASIBLE" ; check "text starts with INFEASIBLE" $?
for kind in negative_pressure consumer_dp pump_curve pump_negative_rise pn; do
    sed -n '1,/^$/p' "$tmp/big.txt" | grep -q "\[$kind\]"
    check "INFEASIBLE block lists $kind" $?
done
[ -s "$tmp/big.err" ] && { echo "FAIL stderr: $(cat "$tmp/big.err")"; fails=$((fails + 1)); }

"$HEATLINE" run "$big" --allow-infeasible >/dev/null 2>&1
check "--allow-infeasible: exit 0 (got $?)" $?

"$HEATLINE" run "$big" --json >"$tmp/big.json" 2>/dev/null
check "big demand --json: exit 3" $(( $? != 3 ))
# the violations array: each object has kind, element, value and limit
awk '/"feasible": false/ { f = 1 }
    /"violations": \[/ { inv = 1 }
    inv && /"kind":/ { n++; k[$2] = 1 }
    inv && /"element":/ { e++ }
    inv && /"value": -?[0-9]/ { v++ }
    inv && /"limit": -?[0-9]/ { l++ }
    inv && /"element": "c[12]"/ { c++ }
    inv && /^  \]/ { inv = 0 }
    END { ok = f && n > 0 && e == n && v == n && l == n && c == 2
          split("negative_pressure consumer_dp pump_curve pump_negative_rise pn", want, " ")
          for (i in want) if (!(("\"" want[i] "\",") in k)) ok = 0
          exit !ok }' "$tmp/big.json"
check "JSON feasible false, every violation with kind/element/value/limit" $?

"$HEATLINE" run "$big" --report "$tmp/big.html" >/dev/null 2>&1
check "big demand --report: exit 3" $(( $? != 3 ))
grep -q 'id="verdict"' "$tmp/big.html"; check "report has a verdict section" $?
grep -q 'class="infeasible">INFEASIBLE' "$tmp/big.html"; check "report says INFEASIBLE" $?
n_text=$(sed -n '1,/^$/p' "$tmp/big.txt" | grep -c '^  \[')
n_html=$(grep -c '^<li>\[' "$tmp/big.html")
[ "$n_text" -gt 0 ] && [ "$n_text" -eq "$n_html" ]
check "report lists every violation ($n_html of $n_text)" $?
grep -q "beyond the end of its curve" "$tmp/big.html"; check "report lists the warnings" $?

expect_ok "default line feasible" run --json
grep -q "\"chambers\": \[" "$tmp/out" && grep -q "\"air_temp_c\": [0-9]" "$tmp/out"
check "default JSON: chambers with air_temp_c" $?
static_node=$(awk '/"static": \{/ { s = 1 } s && /"node":/ { gsub(/[",]/, "", $2); print $2; exit }' "$tmp/out")
grep -q '"feasible": true' "$tmp/out" && grep -q '"violations": \[\]' "$tmp/out" &&
    [ -n "$static_node" ] &&
    awk '/"static": \{/ { s = 1 } s && /"min_margin_bar":/ { m = $2 + 0; s = 0 }
        END { exit !(m >= 0.5) }' "$tmp/out"
check "default JSON: feasible, static margin and node" $?
expect_ok "default summary" run
grep -q "^Static pressure (pumps stopped)" "$tmp/out"; check "summary has the static section" $?
grep -q "lowest margin above boiling .* bar at node $static_node " "$tmp/out"
check "summary prints the lowest static margin and where ($static_node)" $?
head -1 "$tmp/out" | grep -q INFEASIBLE && { echo "FAIL default says INFEASIBLE"; fails=$((fails + 1)); }

"$HEATLINE" run --allow-infeasible --json >/dev/null 2>&1
check "--allow-infeasible on a feasible model: exit 0" $?

# a season of the same model: exit 3, the block first, JSON verdict
"$HEATLINE" season "$big" --from 01-10 --to 01-10 --scenario as-is \
    >"$tmp/season.txt" 2>/dev/null
check "season: exit 3" $(( $? != 3 ))
head -1 "$tmp/season.txt" | grep -q "^INFEASIBLE: 24 of 24 hours"
check "season text starts with INFEASIBLE" $?
"$HEATLINE" season "$big" --from 01-10 --to 01-10 --scenario as-is --json \
    --allow-infeasible >"$tmp/season.json" 2>/dev/null
check "season --allow-infeasible: exit 0" $?
grep -q '"feasible": false' "$tmp/season.json" &&
    grep -q '"infeasible_hours": 24' "$tmp/season.json" &&
    grep -q '"\[consumer_dp\] consumer c1' "$tmp/season.json"
check "season JSON: feasible false, infeasible hours, violations" $?

finish
