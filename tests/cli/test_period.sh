#!/bin/sh
# test_period.sh - `heatline run NET.inp --period` as a user types it
# (issue 15): EPANET's Net1 through its 24 h with a row per reporting time
# in the summary, the JSON and the CSV tables; controls heatline does not
# apply named in a warning; an .inp without [TIMES], --period with
# --report, and bad [TIMES] or [CONTROLS] lines: one line, exit 2.
. "$(dirname "$0")/lib.sh"
src=${HL_SOURCE_DIR:?}
net1="$src/tests/validation/epanet/Net1.inp"

expect_ok "net1 period" run "$net1" --period
grep -q "27 hydraulic times" "$tmp/out" ||
    { echo "FAIL summary: $(head -3 "$tmp/out")"; fails=$((fails + 1)); }
rows=$(grep -c '^ *[0-9]*:00 ' "$tmp/out")
[ "$rows" -eq 25 ] || { echo "FAIL $rows report rows, expected 25"; fails=$((fails + 1)); }
grep -q "pump 9: 13.9 h running" "$tmp/out" ||
    { echo "FAIL pump hours: $(grep 'pump 9' "$tmp/out")"; fails=$((fails + 1)); }

expect_ok "net1 period json" run "$net1" --period --json
expect_json_keys "period json" period times time_s nodes links tanks level_m \
    inflow_l_per_s flow_l_per_s pressure_m energy_kwh warnings
n=$(grep -c '"time_s"' "$tmp/out")
[ "$n" -eq 25 ] || { echo "FAIL $n times in the JSON"; fails=$((fails + 1)); }

mkdir "$tmp/csv"
expect_ok "net1 period csv" run "$net1" --period --csv "$tmp/csv"
for f in period_nodes.csv period_links.csv period_tanks.csv; do
    [ -s "$tmp/csv/$f" ] || { echo "FAIL no $f"; fails=$((fails + 1)); }
done
[ "$(wc -l < "$tmp/csv/period_tanks.csv")" -eq 26 ] ||
    { echo "FAIL period_tanks.csv rows"; fails=$((fails + 1)); }
grep -q '^86400,2,' "$tmp/csv/period_tanks.csv" ||
    { echo "FAIL no tank row at 24 h"; fails=$((fails + 1)); }

# a control on a junction's pressure: run, and say it is not applied
sed 's/^ LINK 9 CLOSED IF NODE 2 ABOVE 140/ LINK 9 CLOSED IF NODE 10 ABOVE 140/' \
    "$net1" > "$tmp/junction_ctl.inp"
expect_ok "junction control" run "$tmp/junction_ctl.inp" --period
grep -q "\[CONTROLS\] (1 lines) not applied: a control on node '10'" \
    "$tmp/out" || { echo "FAIL no warning for the junction control"; fails=$((fails + 1)); }

# three times Net1's demand: the times whose state breaks a hard limit
# (negative absolute pressure) are counted, exit 3 unless allowed
"$HEATLINE" run "$net1" --period --demand-scale 3 >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || { echo "FAIL infeasible period: exit $rc"; fails=$((fails + 1)); }
grep -q "^INFEASIBLE: 10 of 26 hydraulic times break a hard limit; the first at 4 h: node 10" \
    "$tmp/out" || { echo "FAIL infeasible line: $(head -1 "$tmp/out")"; fails=$((fails + 1)); }
expect_ok "infeasible allowed" run "$net1" --period --demand-scale 3 \
    --allow-infeasible --json
grep -q '"infeasible_times": 10' "$tmp/out" ||
    { echo "FAIL infeasible_times"; fails=$((fails + 1)); }

# the steady run of a water network: its zones stand at their tanks with
# the pumps stopped, so Net1 and tank_pump are feasible (exit 0)
expect_ok "net1 steady" run "$net1"
expect_ok "tank_pump steady" run "$src/tests/validation/epanet/tank_pump.inp"
grep -q "T1 *holds *0.39 bar(g), static head *74.0 m" "$tmp/out" ||
    { echo "FAIL tank_pump static: $(grep holds "$tmp/out")"; fails=$((fails + 1)); }

expect_fail "no times" "has no extended period" \
    run "$src/tests/validation/epanet/tank_pump.inp" --period
expect_fail "period and report" "--period writes the summary" \
    run "$net1" --period --report "$tmp/r.html"
[ -e "$tmp/r.html" ] && { echo "FAIL report written"; fails=$((fails + 1)); }
sed 's/^ Hydraulic Timestep .*/ Hydraulic Timestep 1:xx/' "$net1" > "$tmp/bad_times.inp"
expect_fail "bad time" "bad_times.inp:[0-9]*: \[TIMES\] Hydraulic Timestep '1:xx': expected hours" \
    run "$tmp/bad_times.inp" --period
sed 's/^ LINK 9 OPEN IF NODE 2 BELOW 110/ LINK 99 OPEN IF NODE 2 BELOW 110/' \
    "$net1" > "$tmp/bad_link.inp"
expect_fail "unknown link" "bad_link.inp:[0-9]*: \[CONTROLS\]: unknown link '99'" \
    run "$tmp/bad_link.inp" --period
sed 's/^ LINK 9 OPEN IF NODE 2 BELOW 110/ LINK 9 OPEN AT NOON 3/' \
    "$net1" > "$tmp/bad_ctl.inp"
expect_fail "bad control" "bad_ctl.inp:[0-9]*: \[CONTROLS\]: expected AT TIME" \
    run "$tmp/bad_ctl.inp" --period
finish
