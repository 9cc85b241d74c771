#!/bin/sh
# test_geojson.sh - `heatline run MODEL --geojson FILE` and GeoJSON models
# as a user types them (issue 15): EPANET's Net2 with its coordinates out
# as GeoJSON with every result attribute, that file back in as a model
# (the same flows), the [TITLE] as the collection's name; a model without
# coordinates and a bad GeoJSON model: one line, exit 2, no file left.
. "$(dirname "$0")/lib.sh"
src=${HL_SOURCE_DIR:?}
net2="$src/tests/validation/epanet/Net2.inp"

expect_ok "net2 to geojson" run "$net2" --geojson "$tmp/net2.geojson"
for key in '"type":"FeatureCollection"' '"name":"EPANET Example Network 2"' \
    '"type":"LineString"' '"type":"Point"' '"mass_flow_kg_per_s"' \
    '"velocity_m_per_s"' '"pressure_bar_g"' '"head_m"' '"temp_c"' \
    '"heat_loss_w_per_m"' '"diameter_mm"'; do
    grep -q "$key" "$tmp/net2.geojson" ||
        { echo "FAIL geojson lacks $key"; fails=$((fails + 1)); }
done
grep -qiw -e nan -e inf "$tmp/net2.geojson" &&
    { echo "FAIL NaN in the GeoJSON"; fails=$((fails + 1)); }

# back in: the same flows as the first export
expect_ok "geojson model" run "$tmp/net2.geojson" --geojson "$tmp/again.geojson"
grep -q "36 nodes, 40 pipes" "$tmp/out" ||
    { echo "FAIL geojson model: $(head -2 "$tmp/out")"; fails=$((fails + 1)); }
flows() { tr '{' '\n' < "$1" | grep -o '"mass_flow_kg_per_s":[^,]*' | sort; }
flows "$tmp/again.geojson" > "$tmp/f2"
"$HEATLINE" run "$tmp/again.geojson" --geojson "$tmp/third.geojson" > /dev/null
flows "$tmp/third.geojson" > "$tmp/f3"
cmp -s "$tmp/f2" "$tmp/f3" ||
    { echo "FAIL flows differ after a round trip"; fails=$((fails + 1)); }

# a heatline model with x_m/y_m on its nodes: a plan, so GeoJSON out
awk '/^  - \{id: [A-Z0-9]*[,}]/ && !done[FILENAME] {
         n++; sub(/\{id: [A-Z0-9]*/, "&, x_m: " n * 100 ", y_m: " n * 10) }
     { print }' "$src/tests/data/models/small_line.yaml" > "$tmp/plan.yaml"
expect_ok "model with x_m y_m" run "$tmp/plan.yaml" --geojson "$tmp/plan.geojson"
grep -q '"coordinates":\[\[300.0,30.0\]' "$tmp/plan.geojson" ||
    { echo "FAIL x_m/y_m not in the GeoJSON"; fails=$((fails + 1)); }
expect_fail "bad x_m" "x_m '1e300': expected -100000000 to 100000000 m" \
    run "$(sed 's/x_m: 100,/x_m: 1e300,/' "$tmp/plan.yaml" > "$tmp/bad.yaml";
           echo "$tmp/bad.yaml")"

expect_fail "no coordinates" "the model has no plan coordinates" \
    run --geojson "$tmp/none.geojson"
[ -e "$tmp/none.geojson" ] && { echo "FAIL file left"; fails=$((fails + 1)); }

printf '{"type": "FeatureCollection", "features": [\n{"type": "Feature", "properties": {"id": "A"}}]}\n' > "$tmp/bad.geojson"
expect_fail "missing geometry" "bad.geojson:2: feature 1: missing geometry" \
    run "$tmp/bad.geojson"
finish
