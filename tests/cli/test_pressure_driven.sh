#!/bin/sh
# test_pressure_driven.sh - issue 13 items 2 and 7 as a user types them:
# the 90 MW-through-DN200 reproducer with --pressure-driven (and with the
# model setting) is a physical state, exit 0, delivered against asked and
# the unmet heat in the summary, JSON and report; without the switch it
# stays infeasible (exit 3). A season on it books the unmet heat. A model
# without an operation: section runs at its own supply temperature and
# says so (text and JSON), never the embedded line's 130 C reset curve.
. "$(dirname "$0")/lib.sh"

big="$HL_SOURCE_DIR/tests/data/models/big_demand.yaml"

check() { # NAME CONDITION-EXIT-STATUS
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi
}

expect_ok "big demand --pressure-driven: exit 0" run "$big" --pressure-driven
head -1 "$tmp/out" | grep -q INFEASIBLE; check "not INFEASIBLE" $(( $? == 0 ))
grep -q "delivered .* of 90.00 MW asked; unmet .* MW (pressure-driven consumers)" "$tmp/out"
check "summary: delivered of asked, unmet" $?
grep -q "^  c1 .* asked 60.00 MW, unmet" "$tmp/out"; check "summary: c1 asked and unmet" $?
grep -q "consumer 'c1' gets .* % of the heat it asks" "$tmp/out"
check "warning names the short consumer" $?

expect_ok "big demand --pressure-driven --json" run "$big" --pressure-driven --json
cp "$tmp/out" "$tmp/big.json"
# delivered + unmet = asked (90 MW), feasible, the switch reported, every
# node at a positive absolute pressure
awk '/"feasible": true/ { f = 1 }
    /"pressure_driven_consumers": true/ { p = 1 }
    /"totals": \{/ { t = 1 }
    t && /"heat_delivered_w":/ { gsub(/,/, "", $2); d = $2 + 0 }
    t && /"heat_unmet_w":/ { gsub(/,/, "", $2); u = $2 + 0; t = 0 }
    /"consumers": \[/ { c = 1 }
    c && /"heat_asked_w":/ { gsub(/,/, "", $2); a += $2 }
    c && /^  \]/ { c = 0 }
    /"pressure_pa":/ { gsub(/,/, "", $2); if ($2 + 101325 <= 0) neg = 1 }
    END { exit !(f && p && !neg && a > 89.9e6 && u > 0 && d < 0.5 * a &&
                 (d + u - a) ^ 2 < (1e-6 * a) ^ 2) }' "$tmp/big.json"
check "JSON: feasible, delivered + heat_unmet_w = sum heat_asked_w, no vacuum" $?

# the model setting does what the option does
sed 's/^settings:/settings:\n  pressure_driven_consumers: true/' "$big" > "$tmp/pdd.yaml"
expect_ok "model setting pressure_driven_consumers" run "$tmp/pdd.yaml" --json
grep -q '"pressure_driven_consumers": true' "$tmp/out" &&
    grep "\"heat_unmet_w\"" "$tmp/out" | cmp -s - "$(grep "\"heat_unmet_w\"" "$tmp/big.json" > "$tmp/u1"; echo "$tmp/u1")"
check "setting = option (same unmet heat)" $?

# without the switch: the state stays infeasible, consumers' unmet 0
"$HEATLINE" run "$big" --json >"$tmp/dd.json" 2>/dev/null
check "demand-driven: exit 3" $(( $? != 3 ))
grep -q '"heat_unmet_w": 0.0' "$tmp/dd.json" &&
    grep -q '"pressure_driven_consumers": false' "$tmp/dd.json"
check "demand-driven: heat_unmet_w 0, switch false" $?

"$HEATLINE" run "$big" --pressure-driven --report "$tmp/big.html" >/dev/null 2>&1
check "report with --pressure-driven: exit 0" $?
grep -q 'class="unmet"' "$tmp/big.html" && grep -q "was not delivered" "$tmp/big.html"
check "report says the unmet heat" $?

# a day of the season on it: the unmet heat booked, the operation its own
"$HEATLINE" season "$big" --from 01-10 --to 01-10 --scenario as-is \
    --pressure-driven >"$tmp/season.txt" 2>/dev/null
check "season --pressure-driven: exit 0" $?
grep -q "^heat asked and not delivered (pressure-driven consumers):" "$tmp/season.txt" &&
    grep -q "^  as-is .* GJ unmet of .* GJ asked" "$tmp/season.txt"
check "season text: unmet heat" $?
grep -q "^operation: supply 110.0 C all season (no reset); design load 90.0 MW .*no operation: section in the model, so its own source temperature" "$tmp/season.txt"
check "season text: own operation said (110 C, 90 MW)" $?
"$HEATLINE" season "$big" --from 01-10 --to 01-10 --scenario as-is \
    --pressure-driven --json >"$tmp/season.json" 2>/dev/null
awk '/"operation": \{/ { o = 1 }
    o && /"origin": "model-supply"/ { m = 1 }
    o && /"design_supply_c": 110.0,/ { s = 1 }
    o && /"reset_floor_c": 110.0,/ { r = 1 }
    /"heat_unmet_gj":/ { gsub(/,/, "", $2); if ($2 + 0 > 0) u = 1 }
    END { exit !(m && s && r && u) }' "$tmp/season.json"
check "season JSON: operation model-supply at 110 C, heat_unmet_gj > 0" $?

# the default line keeps its own operation: section (the 130 C curve)
expect_ok "default season day" season --from 01-10 --to 01-10 --scenario as-is
grep -q "^operation: supply reset 130.0 C at -17.0 C outdoor to 90.0 C at 5.0 C, floor 85.0 C; .*the model's operation: section" "$tmp/out"
check "default: its operation: section said" $?

# heatline dynamic on a model without operation: its own supply too
expect_ok "dynamic on the DN200 model" dynamic "$big" --from 01-10 --to 01-10 \
    --pressure-driven --json
awk '/"operation": \{/ { o = 1 } o && /"origin": "model-supply"/ { m = 1 }
    END { exit !m }' "$tmp/out"
check "dynamic JSON: operation model-supply" $?

finish
