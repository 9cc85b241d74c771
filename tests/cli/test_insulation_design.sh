#!/bin/sh
# test_insulation_design.sh - insulation design as 3E Plus users work
# (issue 15 item 7), against values checked by hand:
# - --dn / --nps: DN200 = 219.1 mm (EN 10220), NPS 2-1/2 = 2.875 in =
#   73.025 mm (ASME B36.10M);
# - --economic: the flat wall with a fixed outer coefficient has the closed
#   form of GB 50264 / VDI 2055, delta = sqrt(3.6e-6 f t dT lambda /
#   (P S)) - lambda/alpha; with lambda 0.05, f 40 CNY/GJ, t 8000 h,
#   dT 130 K, P 1200 CNY/m3, S = 0.08 * 1.08^10 / (1.08^10 - 1) = 0.149029
#   (10 years, 8 %), alpha 10: 0.204624 - 0.005 = 199.62 mm. A DN200 pipe
#   with alpha -> infinity: D1 ln(D1/D) = 3.795e-3 sqrt(f lambda t dT /
#   (P S)) = 0.409248, D1 = 498.19 mm, delta = 139.55 mm;
# - --round 10 on the flat wall: total cost C = P S delta + 149.76 /
#   (20 delta + 0.1): 72.379 CNY/yr at 190 mm, 72.294 at 200 mm: 200;
#   on a limit, up: the surface still meets it;
# - --table on a DN100 pipe (114.3 mm), lambda 0.04, alpha 10, 150/20 C:
#   bare pi 0.1143 10 130 = 466.81 W/m; 10 mm: 130 / (ln(134.3/114.3) /
#   (2 pi 0.04) + 1/(pi 0.1343 10)) = 147.96 W/m;
# - fitting --compare: each column equals the single-state run.
. "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }

# near NAME EXPR WANT TOL: EXPR on the last output's JSON (d) within TOL
# of WANT (a number or an expression; save NAME keeps an output for
# load(NAME)); all checked by one python3 at the end (check_all)
n_checks=0
near() {
    n_checks=$((n_checks + 1))
    cp "$tmp/out" "$tmp/j$n_checks.json"
    printf '%s\t%s\t%s\t%s\t%s\n' "$n_checks" "$1" "$2" "$3" "$4" >> "$tmp/checks"
}
save() { cp "$tmp/out" "$tmp/saved_$1.json"; }
check_all() {
    python3 - "$tmp" << 'PY' || fails=$((fails + 1))
import json, sys
tmp = sys.argv[1]
def load(name):
    return json.load(open(f"{tmp}/saved_{name}.json"))
bad = 0
for line in open(f"{tmp}/checks"):
    n, name, expr, want, tol = line.rstrip("\n").split("\t")
    d = json.load(open(f"{tmp}/j{n}.json"))
    v, w = float(eval(expr)), float(eval(want))
    if abs(v - w) <= float(tol):
        print(f"ok   {name}")
    else:
        print(f"FAIL {name}: {expr} = {v}, expected {w} +- {tol}")
        bad += 1
sys.exit(1 if bad else 0)
PY
}

expect_ok "surface --dn 200" surface --shape pipe --dn 200 --temp 100 --json
near "DN200 is 219.1 mm" "d['outer_diameter_mm']" 219.1 1e-9
expect_ok "surface --nps 2-1/2" surface --shape pipe --nps 2-1/2 --temp 100 --json
near "NPS 2-1/2 is 73.025 mm" "d['outer_diameter_mm']" 73.025 1e-9
expect_ok "surface --nps 2.5" surface --shape pipe --nps 2.5 --temp 100 --json
near "NPS 2.5 the same" "d['outer_diameter_mm']" 73.025 1e-9
expect_ok "thickness --dn" thickness --shape pipe --dn 200 --temp 150 \
    --layer k=0.04:10 --max-surface-temp 45 --json

econ="--heat-price 40 --hours 8000 --insulation-cost 1200 --life 10 --discount-rate 0.08"
# shellcheck disable=SC2086
expect_ok "economic flat" thickness --shape flat --temp 150 --ambient 20 \
    --h-out 10 --layer k=0.05:50 --economic $econ --json
near "economic flat wall = closed form 199.62 mm" "d['thickness_mm']" 199.624 0.02
near "annuity factor 0.149029" "d['economic']['annuity_factor']" 0.1490295 1e-6
# shellcheck disable=SC2086
expect_ok "economic pipe" thickness --shape pipe --dn 200 --temp 150 \
    --ambient 20 --h-out 1e5 --layer k=0.05:50 --economic $econ --json
near "economic DN200 pipe = closed form 139.55 mm" "d['thickness_mm']" 139.547 0.03
# shellcheck disable=SC2086
expect_ok "economic round" thickness --shape flat --temp 150 --ambient 20 \
    --h-out 10 --layer k=0.05:50 --economic $econ --round 10 --json
near "rounded to the cheaper neighbour, 200 mm" "d['thickness_mm']" 200 1e-9
near "its total cost 72.294 CNY/yr" "d['economic']['total_cny_per_year']" 72.2937 0.001
near "the computed thickness kept" "d['computed_thickness_mm']" 199.624 0.02
expect_ok "round a limit" thickness --shape pipe --nps 2-1/2 --temp 150 \
    --layer k=0.04:10 --max-surface-temp 45 --round 10 --json
near "limit rounded up to 20 mm" "d['thickness_mm']" 20 1e-9
near "the rounded thickness meets the limit" "float(d['surface_temp_c'] <= 45)" 1 0
expect_ok "table" thickness --shape pipe --dn 100 --temp 150 --h-out 10 \
    --layer k=0.04:10 --table 0:50:10 --json
near "table has 6 rows" "len(d['table'])" 6 0
near "bare row 466.81 W/m" "d['table'][0]['heat_loss']" 466.81 0.01
near "10 mm row 147.96 W/m" "d['table'][1]['heat_loss']" 147.96 0.01
expect_ok "table text" thickness --shape pipe --dn 100 --temp 150 --h-out 10 \
    --layer k=0.04:10 --table 0:50:10
grep -q "^ *10.0 *147.96" "$tmp/out" || { echo "FAIL table text row"; fails=$((fails + 1)); }

# fitting --compare: each column is the single run in that state
expect_ok "fitting --compare" fitting --type gate-valve --dn 200 --temp 130 \
    --compare --json
cp "$tmp/out" "$tmp/compare.json"
"$HEATLINE" fitting --type gate-valve --dn 200 --temp 130 --json > "$tmp/out"
save bare
"$HEATLINE" fitting --type gate-valve --dn 200 --temp 130 \
    --coating ceramic-microbead:8 --json > "$tmp/out"
save coated
"$HEATLINE" fitting --type gate-valve --dn 200 --temp 130 \
    --jacket aerogel-blanket:30 --json > "$tmp/out"
save jacketed
cp "$tmp/compare.json" "$tmp/out"
near "compare: bare column = the bare run" "d['compare'][0]['heat_loss_w']" \
    "load('bare')['heat_loss_w']" 1e-6
near "compare: coated column = the coated run" "d['compare'][1]['heat_loss_w']" \
    "load('coated')['heat_loss_w']" 1e-6
near "compare: jacketed column = the jacketed run" \
    "d['compare'][2]['heat_loss_w']" "load('jacketed')['heat_loss_w']" 1e-6
near "compare: jacketed hottest surface" "d['compare'][2]['max_surface_temp_c']" \
    "load('jacketed')['max_surface_temp_c']" 1e-6
expect_ok "fitting --compare text" fitting --type gate-valve --dn 200 \
    --temp 130 --compare --coating ceramic-microbead:12
grep -q "ceramic-microbead 12 mm" "$tmp/out" || { echo "FAIL compare text lacks the cover"; fails=$((fails + 1)); }

expect_fail "unknown DN" "DN 123 is not in the table" surface --shape pipe --dn 123 --temp 100
expect_fail "unknown NPS" "NPS '7' is not in the table" surface --shape pipe --nps 7 --temp 100
expect_fail "--dn with --od" "give one" surface --shape pipe --dn 100 --od 20 --temp 100
expect_fail "--dn on a sphere" "apply to a pipe" surface --shape sphere --dn 100 --temp 100
expect_fail "--economic without a price" "needs --insulation-cost" \
    thickness --shape flat --temp 100 --layer k=0.04:10 --economic
expect_fail "economic and a target" "exactly one" thickness --shape flat \
    --temp 100 --layer k=0.04:10 --economic --insulation-cost 1 --max-surface-temp 40
expect_fail "bad table" "expected 0 <= FROM < TO" thickness --shape flat \
    --temp 100 --layer k=0.04:10 --table 5:1:1
expect_fail "table syntax" "expected FROM:TO:STEP" thickness --shape flat \
    --temp 100 --layer k=0.04:10 --table 5
expect_fail "--round alone" "needs a target" thickness --shape flat \
    --temp 100 --layer k=0.04:10 --round 10 --table 0:10:5
expect_fail "--hours out of range" "0 < hours <= 8784" thickness --shape flat \
    --temp 100 --layer k=0.04:10 --economic --insulation-cost 1 --hours 9000
expect_fail "--round on surface" "belongs to heatline thickness" surface \
    --shape flat --temp 100 --round 10
check_all
finish
