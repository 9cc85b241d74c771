#!/bin/sh
# test_run.sh - `heatline run` as a user types it: the embedded default
# (summary, JSON keys, CSV tables and the profile), an EPANET import, and
# bad model files: each class gives one line "file:line: ..." and exit 2,
# with no output file left behind.
. "$(dirname "$0")/lib.sh"

expect_ok "default summary" run
grep -q "lost by fittings" "$tmp/out" || { echo "FAIL summary lacks fittings"; fails=$((fails + 1)); }
grep -q "all coated" "$tmp/out" || { echo "FAIL summary lacks the coated case"; fails=$((fails + 1)); }
grep -q "Supply temperature at the consumers" "$tmp/out" || { echo "FAIL summary lacks city temperature"; fails=$((fails + 1)); }

expect_ok "default json" run --json
expect_json_keys "json" totals heat_source_w heat_delivered_w heat_loss_pipes_w \
    heat_loss_fittings_w pump_power_w nodes pipes fittings warnings \
    mass_flow_kg_per_s velocity_m_per_s heat_loss_w temp_in_c temp_out_c \
    pressure_pa head_m temp_c

# what-if conditions: half the demand delivers half the heat; the line at
# the utility's 110 C keeps its coated fittings cooler than at 130 C
expect_ok "half demand" run --json --demand-scale 0.5
awk -F': ' '/"heat_delivered_w"/ { v = $2 + 0; d = v / 1.1e9 - 1;
    exit !(d < 1e-6 && d > -1e-6) }' "$tmp/out" ||
    { echo "FAIL delivered at half demand: $(grep heat_delivered_w "$tmp/out")"; fails=$((fails + 1)); }
expect_ok "design point" run
hot130=$(awk '/all coated/ { print $(NF - 1) }' "$tmp/out")
expect_ok "at 110 C" run --source-temp 110 --demand-scale 0.6
hot110=$(awk '/all coated/ { print $(NF - 1) }' "$tmp/out")
awk -v a="$hot110" -v b="$hot130" 'BEGIN { exit !(a + 0 > 40 && a + 0 < b + 0) }' ||
    { echo "FAIL coated hottest at 110 C ($hot110) vs 130 C ($hot130)"; fails=$((fails + 1)); }
# the coating needed agrees with the all-coated verdicts: more than the
# modelled 8 mm where coated fittings still fail (the line at 130 C), less
# where they all pass (the small line)
coating_check() { # NAME: the last summary in $tmp/out
    awk -v name="$1" '/all coated/ { over = $(NF - 9) + 0 }
        /needed for all under the limit/ {
            for (i = 1; i <= NF; i++) if ($i == "mm") { n = $(i - 1) + 0; break }
            for (i++; i <= NF; i++) if ($i == "mm;") { mod = $(i - 1) + 0; break }
            seen = 1 }
        END { if (!seen) { print "FAIL " name ": no coating-needed line"; exit 1 }
              if ((over > 0) != (n > mod)) {
                  print "FAIL " name ": " over " coated over the limit, needed " n " mm, modelled " mod " mm"; exit 1 } }' \
        "$tmp/out" || fails=$((fails + 1))
}
expect_ok "design point again" run
coating_check "line at 130 C"
expect_ok "small line" run "$HL_SOURCE_DIR/tests/data/models/small_line.yaml"
coating_check "small line"
expect_ok "coating json" run --json
expect_json_keys "coating json" coating_needed needed_mm modelled_mm fittings_unreachable
expect_fail "inp option on a heatline model" "applies to EPANET .inp and GeoJSON models only" \
    run --supply-temp 110
expect_fail "demand scale 0" "expected above 0" run --demand-scale 0
expect_fail "source temp out of range" "--source-temp '400': expected -50 to 350 C" run --source-temp 400

mkdir "$tmp/csv"
expect_ok "csv tables" run --csv "$tmp/csv"
for f in nodes pipes fittings profile; do
    [ -s "$tmp/csv/$f.csv" ] || { echo "FAIL no $f.csv"; fails=$((fails + 1)); }
done
head -1 "$tmp/csv/profile.csv" | grep -q \
    "^chainage_m,elevation_m,.*pressure_supply_pa,pressure_return_pa,.*temp_supply_c,temp_return_c" ||
    { echo "FAIL profile.csv columns: $(head -1 "$tmp/csv/profile.csv")"; fails=$((fails + 1)); }
[ "$(wc -l <"$tmp/csv/profile.csv")" -gt 50 ] || { echo "FAIL profile too short"; fails=$((fails + 1)); }
ls -a "$tmp/csv" | grep -q tmp && { echo "FAIL temporary files left"; fails=$((fails + 1)); }

# EPANET import with heat transfer from the command line
net="$HL_SOURCE_DIR/tests/validation/epanet/looped_reservoir.inp"
expect_ok "inp import" run "$net" --supply-temp 90 --ambient 10 --u 0.6 --json
expect_json_keys "inp json" totals pipes nodes
printf 'id,u_w_per_m2k,ambient_temp_c\nP1,0.8,5\nP2,,0\n' >"$tmp/thermal.csv"
expect_ok "inp thermal csv" run "$net" --thermal-csv "$tmp/thermal.csv"
printf 'id,u_w_per_m2k\nP1,0.8\nNOPE,1\n' >"$tmp/badthermal.csv"
expect_fail "thermal csv unknown pipe" "badthermal.csv:3: no pipe 'NOPE'" \
    run "$net" --thermal-csv "$tmp/badthermal.csv"

# ---- bad model files ---------------------------------------------------------
good='heatline_model: 1
nodes:
  - {id: A, pressure_bar_g: 4, inflow_temp_c: 80}
  - {id: B, demand_kg_per_s: 5}
pipes:
  - {id: P1, from: A, to: B, length_m: 100, inner_diameter_mm: 100, roughness_mm: 0.1}'
printf '%s\n' "$good" >"$tmp/good.yaml"
expect_ok "good model" run "$tmp/good.yaml"

bad() { # bad NAME PATTERN SED-EXPRESSION
    sed "$3" "$tmp/good.yaml" >"$tmp/$1.yaml"
    mkdir -p "$tmp/out-$1"
    expect_fail "$1" "$2" run "$tmp/$1.yaml" --csv "$tmp/out-$1"
    [ -z "$(ls -A "$tmp/out-$1")" ] || { echo "FAIL $1 left files"; fails=$((fails + 1)); }
}
bad unknown-key "bad.yaml\|unknown-key.yaml:6: .*unknown key 'lenght_m'.*length_m" 's/length_m/lenght_m/'
bad missing-ref "missing-ref.yaml:6: .*unknown to node 'C'" 's/to: B/to: C/'
bad duplicate "duplicate.yaml:4: duplicate node id 'A'" 's/id: B, demand/id: A, demand/'
bad negative "negative.yaml:6: length_m '-100': expected above 0, up to 1000000 m" 's/length_m: 100/length_m: -100/'
bad material "material.yaml:6: .*unknown material 'pur-agde'" \
    's/roughness_mm: 0.1}/roughness_mm: 0.1, laying: single, cover_m: 1, soil_conductivity_w_per_mk: 1.5, layers: [{material: pur-agde, thickness_mm: 50}]}/'
printf '%s\n  - {id: LONELY}\n' "$(sed -n 1,4p "$tmp/good.yaml")" >"$tmp/lonely.yaml"
sed -n 5,6p "$tmp/good.yaml" >>"$tmp/lonely.yaml"
expect_fail "disconnected node" "lonely.yaml:5: node 'LONELY' is not connected" run "$tmp/lonely.yaml"
printf '%s\n  - {id: C}\n  - {id: D, demand_kg_per_s: 1}\n' "$(sed -n 1,4p "$tmp/good.yaml")" >"$tmp/island.yaml"
sed -n 5,6p "$tmp/good.yaml" >>"$tmp/island.yaml"
echo "  - {id: P2, from: C, to: D, length_m: 10, inner_diameter_mm: 50, roughness_mm: 0.1}" >>"$tmp/island.yaml"
expect_fail "part without reference" "island.yaml:5: nodes 'C', 'D' have no pressure reference" run "$tmp/island.yaml"
bad yaml-syntax "yaml-syntax.yaml:[0-9]*: YAML" 's/{id: A,/{id: A,,[/'
bad not-model "not-model.yaml:1: not a heatline model" 's/heatline_model: 1/model: 1/'
expect_fail "missing file" "no-such.yaml" run "$tmp/no-such.yaml"
expect_fail "csv not a dir" "not a directory" run "$tmp/good.yaml" --csv "$tmp/good.yaml"
expect_fail "bad option" "unknown option" run --frobnicate
expect_fail "bad friction" "colebrook or swamee-jain" run --friction manning

finish
