#!/bin/sh
# heatline fitting as a user types it: one fitting (text, JSON), the
# catalogue, a whole inventory, the finite-volume check, and every class
# of bad input (one line on stderr, exit 2, no partial output file).
set -u
H=${HEATLINE:?HEATLINE must name the heatline binary}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

fail() {
    echo "FAIL: $*"
    fails=$((fails + 1))
}

# expect STATUS PATTERN -- ARGS: exit status and a pattern in stdout+stderr
expect() {
    want=$1 pattern=$2
    shift 3
    "$H" fitting "$@" >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "heatline fitting $*: exit $got, expected $want"
    cat "$T/out" "$T/err" | grep -q -- "$pattern" ||
        fail "heatline fitting $*: no '$pattern' in: $(cat "$T/err" "$T/out" | head -3)"
    if [ "$want" -eq 2 ]; then
        [ "$(wc -l <"$T/err")" -eq 1 ] || fail "heatline fitting $*: not one error line"
        grep -q '^heatline fitting: ' "$T/err" || fail "heatline fitting $*: error not prefixed"
    fi
}

# ---- one fitting -------------------------------------------------------------
expect 0 'hottest outer surface' -- --type gate-valve --dn 100 --temp 110 --ambient 25
expect 0 'minimum coating to pass' -- --type butterfly-valve --dn 1600 --pn 25 \
    --temp 110 --ambient 25 --coating ceramic-microbead:8 --patches
expect 0 'neck and gearbox' -- --type butterfly-valve --dn 1600 --pn 25 \
    --temp 110 --ambient 25 --coating ceramic-microbead:8 --patches
"$H" fitting --type flange-pair --dn 300 --temp 130 --ambient 25 --wind 2 \
    --coating ceramic-microbead:6 --limit 60 --contact-s 10 --json >"$T/one.json" ||
    fail "single JSON run"
for key in heat_loss_w area_m2 max_surface_temp_c mean_surface_temp_c \
    equivalent_length_m verdict min_coating_mm burn_threshold_c patches; do
    grep -q "\"$key\"" "$T/one.json" || fail "JSON key $key missing"
done
grep -qi 'nan' "$T/one.json" && fail "NaN in JSON output"
"$H" fitting --type gate-valve --dn 100 --temp 110 --json >"$T/bare.json"
grep -q '"min_coating_mm"' "$T/bare.json" && fail "min_coating_mm without a coating"
grep -q '"verdict": "fail"' "$T/bare.json" || fail "bare valve at 110 C passes"
expect 0 'equivalent length' -- --type sleeve-compensator --dn 500 --temp 90 \
    --jacket rock-wool:50 --ref-insulation rock-wool:80
"$H" fitting --type gate-valve --dn 100 --temp 110 --ref-insulation none --json |
    grep -q '"equivalent_length_m": null' || fail "--ref-insulation none"
expect 0 'pass' -- --type fixed-support --dn 200 --temp 130 --coating k=0.035:40

# ---- catalogue ----------------------------------------------------------------
expect 0 'vent-drain' -- --list
expect 0 '"type": "blind-flange"' -- --list --type blind-flange --json
[ "$("$H" fitting --list | grep -c '^butterfly-valve')" -eq 36 ] ||
    fail "butterfly valves DN100-1600 at PN16 and PN25"

# ---- inventory ----------------------------------------------------------------
cat >"$T/inv.csv" <<'EOF'
id,type,dn,pn,temp_c,ambient_c,state
V1,butterfly-valve,1600,25,110,25,bare
V2,butterfly-valve,1600,25,110,25,coated ceramic-microbead:8
C1,bellows-compensator,1600,25,110,25,coated ceramic-microbead:8
B1,gate-valve,300,25,110,25,bare
D1,vent-drain,200,25,110,25,jacket k=0.04:25
EOF
"$H" fitting --inventory "$T/inv.csv" --output "$T/res.csv" || fail "inventory run"
[ "$(wc -l <"$T/res.csv")" -eq 7 ] || fail "inventory: header + 5 rows + TOTAL"
head -1 "$T/res.csv" | grep -q '^id,type,dn,pn,temp_c,ambient_c,state,heat_loss_w,area_m2,max_surface_temp_c' ||
    fail "inventory header"
grep -q '^TOTAL,' "$T/res.csv" || fail "inventory totals row"
"$H" fitting --inventory "$T/inv.csv" --json | grep -q '"totals"' || fail "inventory JSON"

cp "$T/inv.csv" "$T/bad.csv"
echo 'X1,gate-valve,1100,16,110,25,bare' >>"$T/bad.csv"
echo 'X2,gate-valve,100,16,warm,25,bare' >>"$T/bad.csv"
expect 2 'bad.csv:7: gate-valve DN 1100 is not in the catalogue' -- \
    --inventory "$T/bad.csv" --output "$T/bad_out.csv"
[ -e "$T/bad_out.csv" ] && fail "partial output file written"
ls "$T" | grep -q 'tmp' && fail "temporary file left behind"
"$H" fitting --inventory "$T/bad.csv" --keep-going --output "$T/kept.csv" 2>"$T/err"
[ $? -eq 1 ] || fail "--keep-going with skipped rows must exit 1"
[ "$(grep -c 'skipped' "$T/err")" -eq 2 ] || fail "--keep-going lists both bad rows"
grep -q 'bad.csv:8: column temp_c' "$T/err" || fail "--keep-going names file:line"
[ "$(wc -l <"$T/kept.csv")" -eq 7 ] || fail "--keep-going keeps the good rows"

# Fuzz finding 00: absurd coatings and winds are refused (one line, exit 2,
# no result file) before the writer sees their results.
printf 'id,type,dn,pn,temp_c,ambient_c,state\nV1,gate-valve,200,16,130,25,coated ceramic-microbead:1e308\n' >"$T/coat.csv"
expect 2 "up to 500 mm" -- --inventory "$T/coat.csv" --output "$T/coat_out.csv"
[ -e "$T/coat_out.csv" ] && fail "result file written for a 1e308 mm coating"
for w in 1e308 1e12 nan; do
    printf 'id,type,dn,pn,temp_c,ambient_c,state,wind_m_s\nV1,gate-valve,200,16,130,25,bare,%s\n' "$w" >"$T/wind.csv"
    expect 2 "column wind_m_s '$w': expected " -- --inventory "$T/wind.csv"
done

# ---- finite-volume check ---------------------------------------------------------
expect 0 'heat loss W' -- --type flange-pair --dn 100 --temp 110 --ambient 25 \
    --coating ceramic-microbead:8 --fv-check --refine 1

# ---- bad input: every class --------------------------------------------------------
expect 2 "unknown fitting type" -- --type turbine --dn 100 --temp 110
expect 2 "DNs there: 50, 65" -- --type gate-valve --dn 1100 --temp 110
expect 2 "PN there: 16, 25" -- --type gate-valve --dn 100 --pn 40 --temp 110
expect 2 "conflict" -- --type gate-valve --dn 100 --temp 110 \
    --coating ceramic-microbead:8 --jacket rock-wool:50
expect 2 "service limit 200 C is below the medium temperature 250.0 C" -- \
    --type gate-valve --dn 100 --temp 250 --coating ceramic-microbead:8
expect 2 "unknown material 'unobtainium'" -- --type gate-valve --dn 100 \
    --temp 110 --coating unobtainium:8
expect 2 "thickness > 0 mm" -- --type gate-valve --dn 100 --temp 110 \
    --coating ceramic-microbead:-3
expect 2 "expected 0.5 to 28800 s" -- --type gate-valve --dn 100 --temp 110 --contact-s 0.1
expect 2 "--temp is required" -- --type gate-valve --dn 100
expect 2 "--dn is required" -- --type gate-valve --temp 110
expect 2 "expected a number" -- --type gate-valve --dn 100 --temp hot
expect 2 "expected -200 to 1200 C" -- --type gate-valve --dn 100 --temp -300
expect 2 "unknown option" -- --type gate-valve --dn 100 --temp 110 --colour red
expect 2 "whole number" -- --type gate-valve --dn 100.5 --temp 110
expect 2 "fv-check works on --type flange-pair" -- --type gate-valve --dn 100 \
    --temp 110 --fv-check
expect 2 "No such file" -- --inventory "$T/none.csv"
expect 2 "belong to --inventory" -- --type gate-valve --dn 100 --temp 110 --keep-going
expect 2 "drop --type" -- --inventory "$T/inv.csv" --type gate-valve
printf 'id,type,dn\nA,gate-valve,100\n' >"$T/cols.csv"
expect 2 "missing column" -- --inventory "$T/cols.csv"
printf 'name,value\nx,1\n' >"$T/mat.csv"
expect 2 "materials" -- --type gate-valve --dn 100 --temp 110 --materials "$T/mat.csv"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all heatline fitting CLI checks passed"
