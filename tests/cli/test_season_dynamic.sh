#!/bin/sh
# test_season_dynamic.sh - `heatline season --dynamic` as a user types it:
# two November days of the default line through the transport engine
# (text with the storage account, JSON with stored_change_gj and dynamic,
# CSV with the stored heat and transit columns), and bad steps: one line,
# exit 2, no output left.
. "$(dirname "$0")/lib.sh"

expect_ok "season --dynamic text" season --dynamic --from 11-20 --to 11-21 \
    --scenario as-is
grep -q "stored change" "$tmp/out" ||
    { echo "FAIL text lacks the storage account"; fails=$((fails + 1)); }
grep -q "transit to the consumers" "$tmp/out" ||
    { echo "FAIL text lacks the transit time"; fails=$((fails + 1)); }

expect_ok "season --dynamic json, csv" season --dynamic --step 10min \
    --from 11-20 --to 11-20 --scenario coated --json --csv "$tmp/csv"
expect_json_keys "json" dynamic stored_change_gj pump_heat_gj
grep -q '"dynamic": *true' "$tmp/out" ||
    { echo "FAIL json: dynamic is not true"; fails=$((fails + 1)); }
head -1 "$tmp/csv/hourly.csv" | grep -q 'as_is_stored_heat_j,as_is_transit_s' ||
    { echo "FAIL hourly.csv header: $(head -1 "$tmp/csv/hourly.csv")"; fails=$((fails + 1)); }
# the transit column holds hours of travel (the default line: 7 to 9 h)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "as_is_transit_s") c = i }
    NR > 1 && ($c < 7 * 3600 || $c > 9 * 3600) { bad = 1 } END { exit bad }' \
    "$tmp/csv/hourly.csv" || { echo "FAIL transit column"; fails=$((fails + 1)); }

expect_fail "step not a divisor" "divisor of the hour" season --dynamic \
    --step 7min --from 11-20 --to 11-20 --csv "$tmp/bad"
[ ! -e "$tmp/bad" ] || { echo "FAIL output left behind"; fails=$((fails + 1)); }
expect_fail "step above an hour" "--step '2h'" season --dynamic --step 2h
expect_fail "step without --dynamic" "go with --dynamic" season --step 5min
expect_fail "soil without --dynamic" "go with --dynamic" season --soil
finish
