#!/bin/sh
# test_fuzz_findings.sh - the reproducers of the outside fuzz campaign
# (findings 01-13), each as a user would type it: one clear line on
# stderr naming what, where and what was expected, exit 2, nothing on
# stdout and no output file left; or, where the input is valid, a result
# without NaN.
. "$(dirname "$0")/lib.sh"
D="$HL_SOURCE_DIR/tests/data/fuzz"
M="$HL_SOURCE_DIR/tests/data/models"
W="$HL_SOURCE_DIR/tests/data/weather"
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# 01: a failing report leaves no CSV behind (run and season)
mkdir "$tmp/out1" "$tmp/out2"
HEATLINE_ECHARTS=/nonexistent/echarts.min.js expect_fail "01 run report fails" \
    "HEATLINE_ECHARTS=/nonexistent" run "$M/small_line.yaml" \
    --csv "$tmp/out1" --report "$tmp/out1/r.html"
[ -z "$(ls -A "$tmp/out1")" ] && ok "01 run: nothing left" ||
    bad "01 run left $(ls -A "$tmp/out1")"
HEATLINE_ECHARTS=/nonexistent/echarts.min.js expect_fail "01 season report fails" \
    "HEATLINE_ECHARTS=/nonexistent" season "$M/small_line.yaml" \
    --weather "$W/two_days.csv" --from 2024-01-01 --to 2024-01-01 \
    --csv "$tmp/out2" --report "$tmp/out2/r.html"
[ -z "$(ls -A "$tmp/out2")" ] && ok "01 season: nothing left" ||
    bad "01 season left $(ls -A "$tmp/out2")"
HEATLINE_ECHARTS=/nonexistent/echarts.min.js expect_fail "01 new csv dir removed" \
    "HEATLINE_ECHARTS=/nonexistent" season "$M/small_line.yaml" \
    --weather "$W/two_days.csv" --from 2024-01-01 --to 2024-01-01 \
    --csv "$tmp/new" --report "$tmp/r.html"
[ ! -e "$tmp/new" ] && [ ! -e "$tmp/r.html" ] && ok "01 no new dir" ||
    bad "01 a new --csv dir or the report was left"
expect_ok "01 both outputs when all succeed" run "$M/small_line.yaml" \
    --csv "$tmp/out1"
[ -s "$tmp/out1/nodes.csv" ] && [ -z "$(ls -A "$tmp/out1" | grep heatline)" ] &&
    ok "01 tables in place, staging folder gone" || bad "01 tables"
expect_fail "01 run: --csv must exist" "--csv '$tmp/none': not a directory" \
    run "$M/small_line.yaml" --csv "$tmp/none"
[ ! -e "$tmp/none" ] && ok "01 run made no folder" || bad "01 run made a folder"

# 02: --thermal-csv ambient in range
expect_fail "02 ambient DBL_MAX" \
    "02_thermal_dblmax.csv:4: ambient_temp_c '1.7976931348623157e308': expected -100 to 200 C" \
    run "$D/line_5.inp" --thermal-csv "$D/02_thermal_dblmax.csv" --json
expect_fail "02 ambient 1e6" "ambient_temp_c '1e6': expected -100 to 200 C" \
    run "$D/line_5.inp" --thermal-csv "$D/02_thermal_1e6.csv"

# 03: .inp ids must be UTF-8 (no silent holes in the JSON)
expect_fail "03 inp id not UTF-8" \
    "03_nonutf8.inp:8: node id 'J\\\\xff3' is not valid UTF-8" \
    run "$D/03_nonutf8.inp" --json

# 04: a consumer with heat 0: no nan in the summary, numbers in the JSON
expect_ok "04 zero heat summary" run "$D/04_heat0.yaml"
grep -q "c2 .* heat *0.00 MW" "$tmp/out" && ok "04 c2 takes 0 MW" ||
    bad "04 summary: $(grep c2 "$tmp/out")"
expect_ok "04 zero heat json" run "$D/04_heat0.yaml" --json
grep -q '"heat_w": null\|"temp_in_c": null' "$tmp/out" &&
    bad "04 JSON null for the zero-heat consumer" || ok "04 JSON numbers"

# 05: a bad number: one line, not two (expect_fail counts the lines)
T="$HL_SOURCE_DIR/examples/lab/trial.csv"
expect_fail "05 --cycles nan" "--cycles 'nan': expected a number" \
    lab fit "$T" --cycles nan --json
expect_fail "05 --emissivity-step x" "--emissivity-step 'x': expected a number" \
    lab fit "$T" --emissivity-step x
expect_fail "05 --limit abc" "--limit 'abc': expected a number" \
    lab ageing "$D/05_plate_runs.csv" --limit abc
expect_fail "05 --vary x" "--vary 'x': expected a whole number" \
    thickness --shape pipe --od 100 --temp 150 --layer rock-wool:50 \
    --max-surface-temp 50 --vary x
expect_fail "05 --refine x" "--refine 'x': expected a whole number" \
    fitting --type flange-pair --dn 300 --temp 110 --fv-check --refine x
expect_fail "05 --twin-order x" "--twin-order 'x': expected a whole number" \
    pipe-loss --laying twin --carrier-od 100 --insulation-od 400 \
    --lambda-ins 0.03 --cover 1 --gap 0.05 --supply 110 --return 60 \
    --ground 5 --twin-order x
expect_fail "05 --dn x" "--dn 'x': expected a whole number" \
    fitting --type gate-valve --dn x --temp 110

# 06: an id holding a newline: one line, the newline shown as \n
expect_fail "06 yaml id newline" "id 'P0\\\\nX' holds a control character" \
    run "$D/06_id_newline.yaml" --json
expect_fail "06 csv cell newline" "'P\\\\n1' holds a control character" \
    run "$D/line_5.inp" --thermal-csv "$D/06_thermal_quoted_nl.csv" --json
expect_fail "06 option newline" "--temp 'a\\\\nb': expected a number" \
    water --temp "a
b"

# 07: DBL_MAX refused where it is read
expect_fail "07 chainage DBL_MAX" \
    "07_nodes.csv:5: chainage_m '1.7976931348623157e308': expected -10000000 to 10000000 m" \
    run "$D/07_model.yaml" --json
expect_fail "07 ambient DBL_MAX" "--ambient '1.7976931348623157e308'" \
    surface --shape pipe --od 100 --temp 100 --ambient 1.7976931348623157e308

# 08 (endless files) is in test_fuzz_endless.sh, labelled long

# 09: deep YAML nesting refused at once (the 200 KB reproducer took 15 s)
awk 'BEGIN { printf "heatline_model: 1\nname: "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$tmp/deep.yaml"
expect_fail "09 deep nesting" "deep.yaml:2: YAML: lists and mappings nested deeper than 32 levels" \
    run "$tmp/deep.yaml"

# 10: no internal nan/inf, the key named
expect_fail "10 source without temperature" \
    "source 'plant': give supply_temp_c or heat_mw" run "$D/10_source_no_temp.yaml"
expect_fail "10 wall 1e308" "10_wall_1e308.yaml:26: wall_mm '1e308': expected above 0, up to 500 mm" \
    run "$D/10_wall_1e308.yaml"
expect_fail "10 supply 1e308" "supply_temp_c '1e308': expected -50 to 350 C" \
    run "$D/10_supply_1e308.yaml"
sed 's/wall_mm: 5.9/wall_mm: 200/' "$M/small_line.yaml" >"$tmp/nobore.yaml"
expect_fail "10 wall without bore" "wall_mm 200 leaves no bore in an outer diameter of 219.1 mm" \
    run "$tmp/nobore.yaml"

# 11: duplicate keys named with both lines
expect_fail "11 duplicate settings key" \
    "11_dupkey.yaml:10: key 'ground_temp_c' appears twice in one mapping (lines 9 and 10)" \
    run "$D/11_dupkey.yaml" --json
expect_fail "11 duplicate key in a flow mapping" \
    "key 'supply_temp_c' appears twice in one mapping on line 47" \
    run "$D/11_dupkey_source.yaml" --json

# 12: lab temperatures in range
expect_fail "12 ageing" "12_runs.csv:9: column t_inner_c '1e308': expected -200 to 1200 C" \
    lab ageing "$D/12_runs.csv"
expect_fail "12 fit" "column t_inner_c '1e308'" lab fit "$D/12_runs.csv" --json

# 13: --fillet bounded (the FV mesh grows with it)
expect_fail "13 fillet 1e4" "--fillet '1e4': expected 0 to 500 mm" \
    fitting --type flange-pair --dn 300 --temp 110 \
    --coating ceramic-microbead:8 --fv-check --fillet 1e4 --json
expect_fail "13 fillet above the cover" "fillet 20 mm: expected at most the cover thickness 8 mm" \
    fitting --type flange-pair --dn 300 --temp 110 \
    --coating ceramic-microbead:8 --fv-check --fillet 20 --json

finish
