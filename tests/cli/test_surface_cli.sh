#!/bin/sh
# The surface and thickness commands as a user types them, good and bad.
. "$(dirname "$0")/lib.sh"

expect_ok "bare pipe" surface --shape pipe --od 1620 --temp 110 --ambient 25
expect_ok "coated pipe json" surface --shape pipe --od 1620 --temp 110 \
    --ambient 25 --layer ceramic-microbead:8 --json
expect_json_keys "coated pipe json" heat_loss_w_per_m heat_flux_w_per_m2 \
    surface_temp_c interface_temps_c h_convection_w_per_m2k \
    h_radiation_w_per_m2k
expect_ok "sphere json" surface --shape sphere --od 500 --temp 150 \
    --layer rock-wool:50 --json
expect_json_keys "sphere json" heat_loss_w heat_flux_w_per_m2 surface_temp_c
expect_ok "flat wall, wind, gb50264" surface --shape flat --temp 200 \
    --wind 3 --layer k=0.05:60 --coefficients gb50264
expect_ok "plate facing down, astm" surface --shape flat --temp 90 \
    --orientation down --height 2 --layer glass-wool:40 \
    --coefficients astm-c680 --json
expect_ok "heat gain" surface --shape pipe --od 60.3 --temp 5 --ambient 30 \
    --layer pir:30
expect_ok "thickness for 50 C" thickness --shape pipe --od 1620 --temp 110 \
    --ambient 25 --layer ceramic-microbead:1 --max-surface-temp 50 --json
expect_json_keys "thickness for 50 C" thickness_mm surface_temp_c
expect_ok "thickness, first layer" thickness --shape pipe --od 219.1 \
    --temp 300 --layer rock-wool:50 --layer aluminium-jacket:0.8 --vary 1 \
    --max-heat-loss 150

# the coating's material beyond its range is a warning, not silence
"$HEATLINE" surface --shape pipe --od 100 --temp 300 --layer \
    ceramic-microbead:5 >/dev/null 2>"$tmp/err"
if grep -q "warning: .*outside the valid range" "$tmp/err"; then
    echo "ok   range warning"
else
    echo "FAIL range warning missing"; fails=$((fails + 1))
fi

# --temp FROM:TO:STEP: one row per temperature, each the single run's
# numbers to the printed digits (text columns against the single table)
wall="--shape pipe --od 219.1 --ambient 5 --wind 2 --layer rock-wool:60 --layer aluminium-jacket:0.8"
expect_ok "temperature range" surface $wall --temp 50:150:10
cp "$tmp/out" "$tmp/range"
rows=$(awk '$1 ~ /^[0-9.]+$/ && NF == 6' "$tmp/range" | wc -l)
if [ "$rows" -eq 11 ]; then echo "ok   range rows, TO included"
else echo "FAIL range rows: $rows, expected 11"; fails=$((fails + 1)); fi
single_row() { # the single run's table as a range row: T loss flux ts hc hr
    "$HEATLINE" surface $wall --temp "$1" | awk -v t="$1" '
        /^  heat loss/ {q = $3} /^  heat flux/ {f = $6}
        /^  surface temperature/ {s = $3} /^  h convection/ {c = $3}
        /^  h radiation/ {r = $3}
        END {printf "%.2f %s %s %s %s %s\n", t, q, f, s, c, r}'
}
same_rows() { # the range in $tmp/range against single runs at $@
    for t in "$@"; do
        want=$(single_row $t)
        got=$(awk -v t="$t" '$1 == sprintf("%.2f", t) && NF == 6 {
            print $1, $2, $3, $4, $5, $6}' "$tmp/range")
        if [ -n "$got" ] && [ "$got" = "$want" ]; then
            echo "ok   range row $t C"
        else
            echo "FAIL range row $t C: '$got', single '$want'"
            fails=$((fails + 1))
        fi
    done
}
same_rows 50 110 150
# a fluid with a fixed outer coefficient; a sphere by astm-c680; heat gain
for wall in "--shape flat --film 50 --h-out 10 --layer k=0.05:30" \
    "--shape sphere --od 300 --coefficients astm-c680 --layer glass-wool:40 --ambient -10" \
    "--shape pipe --od 60.3 --ambient 30 --layer pir:30"; do
    "$HEATLINE" surface $wall --temp 5:125:60 >"$tmp/range"
    same_rows 5 65 125
done
expect_ok "temperature range off the grid" surface --shape flat \
    --layer k=0.05:60 --temp 40:101:20
last=$(awk '$1 ~ /^[0-9.]+$/ && NF == 6 {t = $1} END {print t}' "$tmp/out")
if [ "$last" = "100.00" ]; then echo "ok   range stops before TO off the grid"
else echo "FAIL range last row $last, expected 100.00"; fails=$((fails + 1)); fi

# JSON rows carry the single run's keys (and their temperature)
i=0
for shape in "--shape pipe --od 219.1" "--shape flat" "--shape sphere --od 500"; do
    i=$((i + 1))
    "$HEATLINE" surface $shape --layer rock-wool:50 --temp 80 --json \
        >"$tmp/one$i.json"
    expect_ok "json range $shape" surface $shape --layer rock-wool:50 \
        --temp 60:100:20 --json
    cp "$tmp/out" "$tmp/range$i.json"
done
python3 - "$tmp" <<'PY' || fails=$((fails + 1))
import json, sys
for i in (1, 2, 3):
    one = json.load(open(f"{sys.argv[1]}/one{i}.json"))
    rows = json.load(open(f"{sys.argv[1]}/range{i}.json"))["rows"]
    keys = sorted(list(one) + ["process_temp_c"])
    mid = rows[1]
    ok = (len(rows) == 3 and all(sorted(r) == keys for r in rows)
          and mid["process_temp_c"] == 80
          and round(mid["surface_temp_c"], 2) == round(one["surface_temp_c"], 2))
    print(("ok  " if ok else "FAIL"), "json range keys", one["shape"])
    if not ok:
        sys.exit(1)
PY

expect_fail "range step 0" "STEP must be above 0" surface --shape flat \
    --temp 50:150:0
expect_fail "range step negative" "STEP must be above 0" surface \
    --shape flat --temp 50:150:-10
expect_fail "range from above to" "FROM must not exceed TO" surface \
    --shape flat --temp 150:50:10
expect_fail "range too many rows" "at most 100000" surface --shape flat \
    --temp 0:1000:0.001
expect_fail "range not a number" "--temp TO 'hot'" surface --shape flat \
    --temp 50:hot:10
expect_fail "range step not a number" "--temp STEP" surface --shape flat \
    --temp 50:150:x
expect_fail "range two parts" "expected C or FROM:TO:STEP" surface \
    --shape flat --temp 50:150
expect_fail "range four parts" "expected C or FROM:TO:STEP" surface \
    --shape flat --temp 50:150:10:1
expect_fail "range out of the process range" "--temp TO '1500'" surface \
    --shape flat --temp 50:1500:10
expect_fail "range on thickness" "one temperature" thickness --shape flat \
    --temp 50:150:10 --layer k=0.05:10 --max-surface-temp 50

expect_fail "unknown material" "closest: rock-wool" surface --shape pipe \
    --od 100 --temp 100 --layer rockwool:50
expect_fail "missing --temp" "--temp is required" surface --shape pipe --od 100
expect_fail "missing --od" "--od is required" surface --shape pipe --temp 100
expect_fail "missing --shape" "--shape is required" surface --temp 100
expect_fail "bad shape" "--shape 'cone'" surface --shape cone --temp 100
expect_fail "conflicting h" "conflict" surface --shape pipe --od 100 \
    --temp 100 --h-conv 5 --h-out 10
expect_fail "wind with fixed h" "conflicts" surface --shape pipe --od 100 \
    --temp 100 --h-out 10 --wind 3
expect_fail "zero thickness" "thickness '0': expected above 0" surface --shape pipe --od 100 \
    --temp 100 --layer rock-wool:0
expect_fail "negative thickness" "expected above 0, up to 1000 mm" surface --shape pipe \
    --od 100 --temp 100 --layer rock-wool:-5
expect_fail "emissivity > 1" "--emissivity '1.5': expected above 0, up to 1" surface --shape pipe \
    --od 100 --temp 100 --emissivity 1.5
expect_fail "emissivity 0" "--emissivity '0'" surface --shape pipe --od 100 \
    --temp 100 --emissivity 0
expect_fail "below absolute zero" "expected -200 to 1200 C" surface --shape pipe \
    --od 100 --temp -300
expect_fail "not a number" "--temp 'hot'" surface --shape pipe --od 100 \
    --temp hot
expect_fail "nan" "--ambient 'nan'" surface --shape pipe --od 100 \
    --temp 100 --ambient nan
expect_fail "inf" "--od 'inf'" surface --shape pipe --od inf --temp 100
expect_fail "negative wind" "--wind '-2': expected 0 to 60 m/s" surface --shape pipe --od 100 \
    --temp 100 --wind -2
expect_fail "unknown option" "unknown option '--colour'" \
    surface --shape pipe --od 100 --temp 100 --colour red
expect_fail "unknown coefficient set" "--coefficients 'vdi'" surface \
    --shape pipe --od 100 --temp 100 --coefficients vdi
expect_fail "bad layer" "expected MATERIAL:MM" surface --shape pipe \
    --od 100 --temp 100 --layer rock-wool
expect_fail "od on flat" "--od applies" surface --shape flat --od 100 \
    --temp 100
expect_fail "unreachable thickness" "no thickness of layer 1" thickness \
    --shape pipe --od 100 --temp 110 --ambient 25 --layer k=0.035:1 \
    --max-surface-temp 24
expect_fail "no target" "exactly one" thickness --shape pipe --od 100 \
    --temp 110 --layer k=0.035:1
expect_fail "two targets" "exactly one" thickness --shape pipe --od 100 \
    --temp 110 --layer k=0.035:1 --max-surface-temp 50 --max-heat-loss 10
expect_fail "vary beyond layers" "--vary 3" thickness --shape pipe \
    --od 100 --temp 110 --layer k=0.035:1 --vary 3 --max-surface-temp 50
expect_fail "thickness option on surface" "--max-surface-temp. belongs to heatline thickness" \
    surface --shape pipe --od 100 --temp 110 --max-surface-temp 50
expect_fail "missing materials file" "cannot open" surface --shape pipe \
    --od 100 --temp 100 --materials /nonexistent.csv
# a range whose hot end takes PUR beyond its lambda's range: every row is
# solved on its own, so the rows past 140 C warn and carry their layer
# temperatures, and the cool rows do not warn
pur="--shape pipe --od 219.1 --layer pur-en253:50"
expect_ok "range beyond a material's range" surface $pur --temp 100:200:50 --json
tr -d ' \n' <"$tmp/out" | awk '{ n = gsub(/"warnings":\[\]/, "&");
        w = gsub(/outsidethevalidrange/, "&");
        t = gsub(/"interface_temps_c":\[/, "&");
        printf "rows without warnings %d, with %d, with layer temperatures %d\n", n, w, t;
        exit !(n == 1 && w == 2 && t == 3) }' ||
    { echo "FAIL warnings of a range's rows"; fails=$((fails + 1)); }
[ "$(grep -c "outside the valid range" "$tmp/err")" -eq 2 ] ||
    { echo "FAIL range warnings on stderr: $(cat "$tmp/err")"; fails=$((fails + 1)); }

printf 'id,name\nx,y\n' >"$tmp/bad.csv"
expect_fail "malformed materials file" "missing column" surface --shape pipe \
    --od 100 --temp 100 --materials "$tmp/bad.csv"
expect_fail "unknown command" "unknown command" surfac --shape pipe
finish
