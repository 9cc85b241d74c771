#!/bin/sh
# test_dynamic.sh - `heatline dynamic` as a user types it: the default
# line held at its design conditions, a boundary file that lowers the
# plant's supply (the front reaches the city hours later, the CSV and JSON
# carry the contract's columns), and bad boundary files and options: one
# line naming file:line:column, exit 2, no output file left.
. "$(dirname "$0")/lib.sh"

expect_ok "default line, 6 h" dynamic --duration 6h
expect_ok "with soil nodes" dynamic --duration 6h --soil --json
expect_json_keys "soil json" stored_heat_j residual_j
grep -q "CITY-A" "$tmp/out" || { echo "FAIL summary lacks CITY-A"; fails=$((fails + 1)); }
grep -q "residual" "$tmp/out" || { echo "FAIL summary lacks the energy account"; fails=$((fails + 1)); }

cat >"$tmp/b.csv" <<'CSV'
time_s,plant.supply_temp_c,CITY-A.heat_w,CITY-B.heat_w,ground_temp_c
0,130,1.21e9,0.99e9,5
3600,130,1.21e9,0.99e9,5
3900,120,0.9e9,0.7e9,5
43200,120,0.9e9,0.7e9,5
CSV
mkdir "$tmp/csv"
expect_ok "boundary, csv" dynamic --boundary "$tmp/b.csv" --watch PLANT-S \
    --output-step 10min --csv "$tmp/csv"
f="$tmp/csv/timeseries.csv"
head -1 "$f" | grep -q '^time_s,PLANT-S.temp_c,CITY-A.supply_temp_c,CITY-A.return_temp_c,CITY-A.heat_w,CITY-A.transit_s,.*,stored_heat_j$' ||
    { echo "FAIL timeseries header: $(head -1 "$f")"; fails=$((fails + 1)); }
head -1 "$tmp/csv/nodes.csv" | grep -q '^id,temp_c,transit_s,age_s$' &&
    grep -q '^PLANT-S,' "$tmp/csv/nodes.csv" ||
    { echo "FAIL nodes.csv"; fails=$((fails + 1)); }
# the plant drops at 1 h; the city sees it after the transit time (over
# 7 h at part load), not in the same hour
awk -F, 'NR > 1 && $2 < 125 && !p { p = $1 } NR > 1 && $3 < 123 && !c { c = $1 }
    END { d = (c - p) / 3600; printf "plant drop at %.2f h, city at %.2f h\n", p / 3600, c / 3600;
          exit !(p > 3600 && p < 4500 && d > 6.5 && d < 10) }' "$f" ||
    { echo "FAIL the front's delay"; fails=$((fails + 1)); }

expect_ok "boundary, json" dynamic --boundary "$tmp/b.csv" --step 10min \
    --output-step 1h --json
expect_json_keys "json" series totals time_s CITY-B.transit_s stored_heat_j \
    delivered_j residual_j nodes age_s PLANT-S

# weather-driven, with the lead: the consumers' supply follows the reset
# curve far closer with the lead than without (default line, two days of
# the embedded Hohhot weather)
expect_ok "lead auto" dynamic --from 01-10 --to 01-11 --lead auto --json \
    --step 10min --output-step 6h
expect_json_keys "lead json" lead without_lead with_lead max_abs_error_k \
    under_degree_hours mean_lead_h
tr -d ' \n' <"$tmp/out" | sed 's/.*"lead"://' |
    awk -F'"max_abs_error_k":' '{ split($2, a, ","); split($3, b, ",");
        printf "max error without lead %.2f K, with %.2f K\n", a[1], b[1];
        exit !(b[1] + 0 < 0.5 * a[1] && a[1] + 0 > 5) }' ||
    { echo "FAIL the lead does not cut the error"; fails=$((fails + 1)); }
expect_fail "bad lead" "--lead 'soon'" dynamic --lead soon
expect_fail "boundary and lead" "drives the run alone" dynamic \
    --boundary "$tmp/b.csv" --lead auto

# an EPANET import runs dynamically: the reservoir's inflow temperature
# from the boundary file reaches the junctions later, cooled
net="$HL_SOURCE_DIR/tests/validation/epanet/looped_reservoir.inp"
printf 'time_s,R1.inflow_temp_c,ground_temp_c\n0,80,10\n3600,80,10\n3601,95,10\n43200,95,10\n' >"$tmp/inp.csv"
mkdir "$tmp/inp"
expect_ok "inp with an inflow schedule" dynamic "$net" --supply-temp 80 \
    --u 0.5 --ambient 10 --boundary "$tmp/inp.csv" --watch R1,J2 \
    --output-step 10min --csv "$tmp/inp"
awk -F, 'NR == 2 { r0 = $2; j0 = $3 } END { r = $2; j = $3;
        printf "reservoir %.2f -> %.2f C, J2 %.2f -> %.2f C\n", r0, r, j0, j;
        exit !(r0 < 80.01 && r > 94.99 && j > j0 + 5 && j < r) }' \
    "$tmp/inp/timeseries.csv" ||
    { echo "FAIL the inflow schedule through the .inp network"; fails=$((fails + 1)); }

bad() { # NAME PATTERN CONTENT
    printf '%s\n' "$3" >"$tmp/bad.csv"
    expect_fail "$1" "$2" dynamic --boundary "$tmp/bad.csv" --csv "$tmp/csv2"
}
mkdir "$tmp/csv2"
bad "no time column" "bad.csv:1:1: expected the column time_s" \
    "t,plant.supply_temp_c
0,130"
bad "unknown consumer" "bad.csv:1:2: unknown consumer 'NOPE'" \
    "time_s,NOPE.heat_w
0,1e6"
bad "unknown key" "bad.csv:1:2: column 'plant.colour'" \
    "time_s,plant.colour
0,1"
bad "missing cell" "bad.csv:3:2: '(missing)' is not a number" \
    "time_s,plant.supply_temp_c
0,130
3600"
bad "NaN cell" "bad.csv:2:2: 'nan' is not a number" \
    "time_s,plant.supply_temp_c
0,nan"
bad "times back" "bad.csv:3:1: time 0 s: expected times increasing" \
    "time_s,plant.supply_temp_c
3600,130
0,120"
bad "duplicate time" "bad.csv:3:1: time 0 s: expected times increasing" \
    "time_s,plant.supply_temp_c
0,130
0,120"
bad "supply out of range" "bad.csv:3:2: supply_temp_c '900'" \
    "time_s,plant.supply_temp_c
0,130
3600,900"
bad "negative flow" "bad.csv:2:3: flow_kg_per_s '-5': expected 0 or more" \
    "time_s,CITY-A.heat_w,CITY-A.flow_kg_per_s
0,1e9,-5"
[ -e "$tmp/csv2/timeseries.csv" ] && { echo "FAIL output left after an error"; fails=$((fails + 1)); }
expect_fail "zero step" "--step '0'" dynamic --step 0
expect_fail "step over hydraulic" "longer than the hydraulic step" dynamic \
    --step 2h --hydraulic-step 1h
expect_fail "bad initial" "--initial 'warm'" dynamic --initial warm
expect_fail "unknown watch" "unknown node 'NOPE'" dynamic --watch NOPE
finish
