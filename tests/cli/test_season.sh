#!/bin/sh
# heatline season as a user types it: a week of the default, JSON keys, a
# date range, CSV tables, and bad input (bad EPW row, date range outside the
# file, unknown scenario, negative price): one error line, exit 2, no
# partial output file.
set -u
H=${HEATLINE:?}
D=${HL_SOURCE_DIR:?}/tests/data/weather
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# three days of the default across the new year (all three scenarios);
# the whole default season (4392 h) is the long check
# tests/long/test_season_full.sh
"$H" season --from 12-31 --to 01-02 > "$tmp/out.txt" 2> "$tmp/err.txt" ||
    fail "default model, three days"
grep -q "12-31 .. 01-02, 72 hours" "$tmp/out.txt" || fail "the days are not 72 h"
grep -q "SYNTHETIC" "$tmp/out.txt" || fail "synthetic weather not labelled"
for sc in as-is coated jacketed; do
    grep -q "^  $sc " "$tmp/out.txt" || fail "no $sc row"
done
grep -q "payback" "$tmp/out.txt" || fail "no payback line"

"$H" season --from 01-01 --to 01-02 --scenario coated --json \
    > "$tmp/out.json" || fail "json run"
for key in '"hours": 48' '"heat_source_gj"' '"loss_fittings_bare_gj"' \
    '"pump_electric_mwh"' '"simple_payback_years"' '"npv_cny"' \
    '"coal_saved_tce"' '"co2_saved_t"' '"burn_hours"' '"synthetic": true'; do
    grep -q "$key" "$tmp/out.json" || fail "JSON lacks $key"
done
grep -qi 'nan' "$tmp/out.json" && fail "NaN in JSON"

# warm days (outside the heating period): demand held at the standby load,
# said in a warning, and the season closes
"$H" season --from 06-01 --to 06-03 --scenario as-is > "$tmp/summer.txt" \
    2> "$tmp/summer.err" || fail "summer days: $(cat "$tmp/summer.err")"
grep -q "standby load" "$tmp/summer.err" || fail "no standby-load warning"
grep -qi 'nan' "$tmp/summer.txt" && fail "NaN in the summer output"

"$H" season --weather "$D/tiny.epw" --from 01-01 --to 01-02 \
    --csv "$tmp/csv" > /dev/null || fail "EPW run with --csv"
for t in hourly monthly fittings; do
    [ -s "$tmp/csv/$t.csv" ] || fail "$t.csv missing"
done
[ "$(wc -l < "$tmp/csv/hourly.csv")" -eq 49 ] || fail "hourly.csv rows"
head -1 "$tmp/csv/hourly.csv" | grep -q "^month,day,hour,outdoor_c" ||
    fail "hourly.csv header"

# a user's model file: its operation section and its own fittings
M=${HL_SOURCE_DIR:?}/tests/data/models
"$H" season "$M/small_line.yaml" --from 01-01 --to 01-02 --json \
    > "$tmp/small.json" || fail "season on a model file"
grep -q '"model": "Small line"' "$tmp/small.json" || fail "model name"
# its temperature-drop consumer on a standby flow in June: water returns
# no colder than 20 C, never below freezing
"$H" season "$M/small_line.yaml" --from 06-01 --to 06-02 --scenario as-is \
    > /dev/null 2> "$tmp/small_summer.err" || fail "small line in June"
grep -q "liquid-water range" "$tmp/small_summer.err" &&
    fail "June standby: $(cat "$tmp/small_summer.err")"
grep -q '"hours": 48' "$tmp/small.json" || fail "model file hours"
# an EPANET .inp with its heat-transfer options
net="$HL_SOURCE_DIR/tests/validation/epanet/looped_reservoir.inp"
"$H" season "$net" --supply-temp 90 --ambient 10 --u 0.6 --from 01-01 \
    --to 01-01 --scenario as-is > "$tmp/inp.txt" || fail "season on .inp"
grep -q "24 hours" "$tmp/inp.txt" || fail ".inp season hours"

# bad input: exit 2, one line naming the problem, no report file
expect_fail() { # pattern, then the arguments
    pat=$1; shift
    rm -f "$tmp/r.html"
    "$H" season "$@" --report "$tmp/r.html" > /dev/null 2> "$tmp/err.txt"
    rc=$?
    [ $rc -eq 2 ] || fail "exit $rc (expected 2) for: $*"
    grep -q -- "$pat" "$tmp/err.txt" ||
        fail "message '$(cat "$tmp/err.txt")' lacks '$pat' for: $*"
    [ "$(wc -l < "$tmp/err.txt")" -eq 1 ] || fail "more than one line: $*"
    [ -e "$tmp/r.html" ] && fail "report left behind for: $*"
    ls "$tmp" | grep -q 'tmp' && fail "temporary file left for: $*"
    return 0
}
expect_fail "bad_dry_bulb.epw:12: dry-bulb" --weather "$D/bad_dry_bulb.epw"
expect_fail "short_row.epw:14:" --weather "$D/short_row.epw"
expect_fail "outside the weather file" --weather "$D/two_days.csv"
expect_fail "outside the weather file" --weather "$D/tiny.epw" \
    --from 01-01 --to 01-05
expect_fail "unknown" --scenario insulated
expect_fail "heat-price '-3'" --heat-price -3
expect_fail "coating-cost" --coating-cost -1
expect_fail "discount-rate" --discount-rate 8
expect_fail "unknown material" --coating unobtainium:8
expect_fail "cannot open" --weather "$tmp/none.epw"
expect_fail "expected a date" --from 15-10
expect_fail "bad_operation.yaml:16: design_load_mw" "$M/bad_operation.yaml"
expect_fail "u '-1'" "$net" --u -1
expect_fail "applies to EPANET .inp and GeoJSON models only" --u 5
"$H" season --bogus > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option"
"$H" season --help | grep -q "usage: heatline season" || fail "--help"
echo "season CLI: all checks passed"
