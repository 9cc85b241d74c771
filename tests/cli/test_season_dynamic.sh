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

# --lead auto (issue 11 item 4 on the season): the January cold snap with
# the set point led by the transit time against the same days without
# lead; the lead must cut the largest error and the under-supplied degree
# hours, the hours' errors of both runs go into the report's plot
expect_ok "season --dynamic --lead auto" season --dynamic --lead auto \
    --from 01-10 --to 01-12 --scenario as-is --json --report "$tmp/lead.html"
expect_json_keys "lead json" lead with_lead without_lead mean_error_k \
    max_abs_error_k under_degree_hours mean_lead_h
python3 -c "
import json, sys
l = json.load(open(sys.argv[1]))['lead']
w, o = l['with_lead'], l['without_lead']
assert l['mode'] == 'auto', l
assert 6.5 < w['mean_lead_h'] < 9.0 and o['mean_lead_h'] == 0, l
assert w['max_abs_error_k'] < 0.5 * o['max_abs_error_k'], l
assert w['under_degree_hours'] < 0.25 * o['under_degree_hours'], l
assert abs(w['mean_error_k']) < abs(o['mean_error_k']), l
print('ok   lead: max |error| %.2f -> %.2f K, under-supplied %.0f -> %.0f K h'
      % (o['max_abs_error_k'], w['max_abs_error_k'],
         o['under_degree_hours'], w['under_degree_hours']))
" "$tmp/out" || { echo "FAIL season lead statistics"; fails=$((fails + 1)); }
grep -q '"without lead"' "$tmp/lead.html" && grep -q '<td>with lead</td>' "$tmp/lead.html" ||
    { echo "FAIL report lacks the runs with and without lead"; fails=$((fails + 1)); }
expect_ok "season --dynamic --lead 6 text" season --dynamic --lead 6 \
    --from 01-10 --to 01-10 --scenario as-is
grep -q "with lead    lead  6.00 h" "$tmp/out" && grep -q "without lead" "$tmp/out" ||
    { echo "FAIL text lacks the fixed lead's rows"; fails=$((fails + 1)); }
expect_fail "bad season lead" "--lead 'soon': expected none, auto or hours" \
    season --dynamic --lead soon
expect_fail "lead beyond 72 h" "--lead '80'" season --dynamic --lead 80
expect_fail "lead without --dynamic" "--lead goes with --dynamic" season \
    --lead auto --csv "$tmp/bad"
[ ! -e "$tmp/bad" ] || { echo "FAIL output left behind"; fails=$((fails + 1)); }

expect_fail "step not a divisor" "divisor of the hour" season --dynamic \
    --step 7min --from 11-20 --to 11-20 --csv "$tmp/bad"
[ ! -e "$tmp/bad" ] || { echo "FAIL output left behind"; fails=$((fails + 1)); }
expect_fail "step above an hour" "--step '2h'" season --dynamic --step 2h
expect_fail "step without --dynamic" "go with --dynamic" season --step 5min
expect_fail "soil without --dynamic" "go with --dynamic" season --soil
finish
