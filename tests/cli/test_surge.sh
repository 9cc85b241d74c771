#!/bin/sh
# test_surge.sh - `heatline surge`: the summary, JSON and CSV contracts of
# issue 12 on a small model, and every bad input as one line with exit 2.
. "$(dirname "$0")/lib.sh"
rpv="$HL_SOURCE_DIR/tests/data/surge/rpv.yaml"

expect_ok "valve closure" surge "$rpv" --event valve-close:VALVE:0.5 --duration 5 --dx 20 --watch V
grep -q "verdict: passes" "$tmp/out" || { echo "FAIL verdict line: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect_ok "valve closure json" surge "$rpv" --event valve-close:VALVE:0:quadratic --duration 3 --dx 20 --watch V,R --json
expect_json_keys "surge json" envelope id max_head_m min_head_m max_pressure_pa \
    min_pressure_pa t_max_s t_min_s cavities verdict series grid dx_m dt_s \
    max_wave_speed_adjustment
if command -v python3 >/dev/null; then
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['series']) == 2 and len(d['series'][0]['time_s']) > 10" "$tmp/out" ||
        { echo "FAIL series in JSON"; fails=$((fails + 1)); }
fi

mkdir -p "$tmp/csv"
expect_ok "csv" surge "$rpv" --event valve-close:VALVE:0 --duration 2 --dx 50 --watch V --csv "$tmp/csv/out"
head -1 "$tmp/csv/out/series.csv" | grep -q "^time_s,V.head_m,V.pressure_pa$" ||
    { echo "FAIL series.csv header: $(head -1 "$tmp/csv/out/series.csv")"; fails=$((fails + 1)); }
head -1 "$tmp/csv/out/envelope.csv" | grep -q "^id,chainage_m,z_m,max_head_m" ||
    { echo "FAIL envelope.csv header"; fails=$((fails + 1)); }
[ "$(wc -l <"$tmp/csv/out/envelope.csv")" -eq 4 ] || { echo "FAIL envelope rows"; fails=$((fails + 1)); }

expect_fail "no event" "--event is required" surge "$rpv"
expect_fail "bad event" "expected pump-trip:ID" surge "$rpv" --event explode
expect_fail "missing valve" "no valve 'NOPE'" surge "$rpv" --event valve-close:NOPE:1
expect_fail "missing pump" "pump 'P9': not in the model" surge "$rpv" --event pump-trip:P9
expect_fail "missing station" "station 'S': not in the model" surge "$rpv" --event station-trip:S
expect_fail "negative closure" "closure time -1 s" surge "$rpv" --event valve-close:VALVE:-1
expect_fail "no seconds" "missing SECONDS" surge "$rpv" --event valve-close:VALVE
expect_fail "dx too long" "longer than pipe .P1." surge "$rpv" --event valve-close:VALVE:1 --dx 5000
expect_fail "zero duration" "--duration 0: expected > 0" surge "$rpv" --event valve-close:VALVE:1 --duration 0
expect_fail "negative dx" "--dx -5: expected > 0" surge "$rpv" --event valve-close:VALVE:1 --dx -5
expect_fail "watch unknown" "no node 'X'" surge "$rpv" --event valve-close:VALVE:1 --watch X
expect_ok "brunone" surge "$rpv" --event valve-close:VALVE:1 --friction brunone --duration 5 --dx 20
expect_fail "bad friction" "expected steady or brunone" surge "$rpv" --event valve-close:VALVE:1 --friction vardy
expect_fail "bad pump control" "expected held or active" surge "$rpv" --event valve-close:VALVE:1 --pump-control auto
expect_fail "zero control ramp" "--control-ramp 0: expected > 0" surge "$rpv" --event valve-close:VALVE:1 --pump-control active --control-ramp 0
# the default line with its drives acting: the controlled pumps in JSON
"$HEATLINE" surge --event "station-trip:relay PS1" --pump-control active --duration 5 --dx 400 --json >"$tmp/pc.json" 2>/dev/null &&
    python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['event']['pump_control'] == 'active', d['event']
ids = [c['id'] for c in d['controlled_pumps']]
assert 'PS2-SUP' in ids and not any(i.startswith('PS1-') for i in ids), ids
" "$tmp/pc.json" || { echo "FAIL controlled_pumps in JSON"; fails=$((fails + 1)); }
expect_fail "zeta on a valve with a loss" "has its loss in the steady state" surge "$rpv" --event valve-close:VALVE:1:zeta=0.2
expect_fail "zeta zero" "zeta 0: expected > 0" surge "$rpv" --event valve-close:VALVE:1:linear:zeta=0
expect_fail "zeta not a number" "zeta" surge "$rpv" --event valve-close:VALVE:1:zeta=abc
tnet1="$HL_SHARED_DIR/validation/transient/hammer/tsnet_networks/Tnet1.inp"
if [ -f "$tnet1" ]; then
    expect_fail "lossless valve" "give its fully open loss" surge "$tnet1" --event valve-close:VALVE:1
    expect_ok "lossless valve with zeta" surge "$tnet1" --event valve-close:VALVE:1:quadratic:zeta=0.2 --duration 10 --dx 20
    grep -q "node N8" "$tmp/out" || { echo "FAIL Tnet1 closure: $(cat "$tmp/out")"; fails=$((fails + 1)); }
    expect_ok "lossless valve json" surge "$tnet1" --event valve-close:VALVE:1:zeta=0.2 --duration 2 --dx 20 --json
    grep -q '"open_zeta": *0.2' "$tmp/out" || { echo "FAIL open_zeta in JSON"; fails=$((fails + 1)); }
fi
expect_fail "pump start on a valve" "pump-start: no pump 'VALVE'" surge "$rpv" --event pump-start:VALVE
lift="$HL_SOURCE_DIR/tests/data/surge/pump_lift.yaml"
expect_fail "negative ramp" "ramp time -3 s: expected >= 0" surge "$lift" --event pump-start:PU:-3
expect_ok "pump start" surge "$lift" --event pump-start:PU:5 --duration 30 --dx 25 --json
if command -v python3 >/dev/null; then
    python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['pumps'][0]; assert p['id'] == 'PU' and abs(p['flow_end_ratio'] - 1) < 0.001" "$tmp/out" ||
        { echo "FAIL pump start: the pump's flow at the end"; fails=$((fails + 1)); }
fi
expect_ok "four-quadrant trip" surge "$lift" --event pump-trip:PU --duration 30 --dx 25
grep -q "PU  *four-quadrant" "$tmp/out" || { echo "FAIL four-quadrant line: $(cat "$tmp/out")"; fails=$((fails + 1)); }
printf 'heatline_model: 1\nnodes: []\ntransient: {pipes: [{id: X, wave_speed_m_per_s: -3}]}\n' >"$tmp/bad.yaml"
expect_fail "bad wave speed" "wave_speed_m_per_s -3: expected > 0 and at most" surge "$tmp/bad.yaml" --event power-failure

# sizing: PN 40 on the pipe; the smallest vessel at V keeps the closure below it
sed 's/roughness_mm: 0.05}/roughness_mm: 0.05, pn_bar: 40}/' "$rpv" >"$tmp/rpv_pn.yaml"
expect_ok "size" surge "$tmp/rpv_pn.yaml" --event valve-close:VALVE:0 --duration 20 --dx 20 --size air-vessel:V --json
grep -q '"sizing"' "$tmp/out" || { echo "FAIL sizing missing"; fails=$((fails + 1)); }
# the runs bracket the result within 2 % (checked where python3 exists)
if command -v python3 >/dev/null; then
    python3 - "$tmp/out" <<'PY' || { echo "FAIL sizing result"; fails=$((fails + 1)); }
import json, sys
d = json.load(open(sys.argv[1]))
z = d["sizing"]
assert d["verdict"]["ok"] and z["gas_volume_m3"] > 0
fails = [r["gas_m3"] for r in z["runs"] if not r["ok"]]
assert max(fails) < z["gas_volume_m3"] <= 1.02 * max(fails)
assert d["air_vessels"][-1]["id"] == "sized"
PY
fi
# relief-valve sizing on the same line (PN 40): a set pressure and a
# capacity, the run with the valve passes and says its capacity sufficed
expect_ok "size relief" surge "$tmp/rpv_pn.yaml" --event valve-close:VALVE:0 --duration 20 --dx 20 --size relief-valve:V --json
if command -v python3 >/dev/null; then
    python3 - "$tmp/out" <<'PY' || { echo "FAIL relief sizing result"; fails=$((fails + 1)); }
import json, sys
d = json.load(open(sys.argv[1]))
z = d["relief_sizing"]
assert d["verdict"]["ok"] and 30e5 < z["set_pressure_pa"] <= 40e5 / 1.1 + 1
assert z["capacity_kg_per_s"] > 0 and not z["runs"][0]["ok"] and z["runs"][-1]["ok"]
rv = d["relief_valves"][-1]
assert rv["id"] == "sized" and rv["capacity_sufficed"]
assert rv["max_discharge_kg_per_s"] <= rv["capacity_kg_per_s"]
PY
fi
expect_ok "size relief text" surge "$tmp/rpv_pn.yaml" --event valve-close:VALVE:0 --duration 20 --dx 20 --size relief-valve:V
grep -q "^sizing: relief valve at V: set" "$tmp/out" || { echo "FAIL relief sizing line: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q "sized .*kg/s (sufficed)" "$tmp/out" || { echo "FAIL relief capacity line"; fails=$((fails + 1)); }
expect_fail "size relief without PN" "none of its pipes has a PN" surge "$rpv" --event valve-close:VALVE:0 --size relief-valve:V
# surge tanks: an open tank at the valve takes the closure as a mass
# oscillation (48.5 bar(g) without it); the bad ones are one line, exit 2
tank_model() { # $1: the tank's item
    sed '/^transient:/,$d' "$rpv" >"$tmp/tank.yaml"
    printf 'transient:\n  pipes:\n    - {id: P1, wave_speed_m_per_s: 1000}\n  surge_tanks:\n    - %s\n' "$1" >>"$tmp/tank.yaml"
}
tank_model "{id: ST, node: V, area_m2: 5, connection_diameter_mm: 500}"
expect_ok "surge tank" surge "$tmp/tank.yaml" --event valve-close:VALVE:0 --duration 100 --dx 50 --json
if command -v python3 >/dev/null; then
    python3 - "$tmp/out" <<'PY' || { echo "FAIL surge tank result"; fails=$((fails + 1)); }
import json, sys
d = json.load(open(sys.argv[1]))
t = d["surge_tanks"][0]
assert t["id"] == "ST" and not t["one_way"] and not t["spilled"]
assert t["level_max_m"] > t["level_min_m"] + 1.0
assert d["verdict"]["max_pressure_pa"] < 35e5
PY
fi
tank_model "{id: ST, node: V}"
expect_fail "tank without area" "area_m2 is required" surge "$tmp/tank.yaml" --event valve-close:VALVE:0
tank_model "{id: ST, node: V, area_m2: 5, one_way: true}"
expect_fail "one-way without level" "needs level_m" surge "$tmp/tank.yaml" --event valve-close:VALVE:0
tank_model "{id: ST, node: V, area_m2: 5, level_m: 10}"
expect_fail "open tank off its head" "is not the steady head" surge "$tmp/tank.yaml" --event valve-close:VALVE:0
tank_model "{id: ST, node: W, area_m2: 5}"
expect_fail "tank node" "no node 'W'" surge "$tmp/tank.yaml" --event valve-close:VALVE:0
tank_model "{id: ST, node: V, area_m2: 5, bottom_m: 5, top_m: 2}"
expect_fail "tank bottom" "bottom_m 5 not below top_m 2" surge "$tmp/tank.yaml" --event valve-close:VALVE:0

# --report: one HTML file with the envelope, the series and the cavities'
# data, no NaN; a bad path is one line and leaves no file
expect_ok "report" surge "$lift" --event pump-trip:PU --duration 10 --dx 25 --watch D --report "$tmp/surge.html"
for key in chart-surge-envelope chart-surge-series chart-surge-cavities '"envelope"' '"series"' '"pressure_bar"'; do
    grep -q "$key" "$tmp/surge.html" || { echo "FAIL report lacks $key"; fails=$((fails + 1)); }
done
if command -v python3 >/dev/null; then
    python3 - "$tmp/surge.html" <<'PY' || { echo "FAIL report data"; fails=$((fails + 1)); }
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r'<script type="application/json" id="hl-data">(.*?)</script>', html, re.S)
d = json.loads(m.group(1))
assert len(d["series"]) == 1 and d["series"][0]["id"] == "D"
assert len(d["series"][0]["time_s"]) > 100
assert all(isinstance(v, float) for v in d["series"][0]["pressure_bar"])
PY
fi
expect_fail "report path" "--report" surge "$lift" --event pump-trip:PU --duration 1 --dx 25 --report /nonexistent/dir/x.html
[ -e /nonexistent/dir/x.html ] && { echo "FAIL partial report"; fails=$((fails + 1)); }

expect_fail "size syntax" "expected air-vessel:NODE or relief-valve:NODE" surge "$rpv" --event valve-close:VALVE:1 --size tank:V
expect_fail "size node" "no node 'Q'" surge "$tmp/rpv_pn.yaml" --event valve-close:VALVE:0 --size air-vessel:Q

# the default line: a relay-station trip runs and reports its verdict
expect_fail "one station of a list missing" "station 'nowhere': not in the model" \
    surge --event "station-trip:nowhere,relay PS2" --duration 5 --dx 200
expect_ok "two stations tripped together" surge \
    --event "station-trip:isolation station,urban relay" --duration 5 --dx 200
for p in HX-PRI-RET HX-URBAN TRUNK-SUP TRUNK-RET; do
    grep -q "^    $p " "$tmp/out" ||
        { echo "FAIL interlock: pump $p not tripped"; fails=$((fails + 1)); }
done
grep -q "^    PS2-SUP " "$tmp/out" &&
    { echo "FAIL interlock: PS2-SUP tripped"; fails=$((fails + 1)); }
expect_ok "default line trip" surge --event "station-trip:relay PS2" --duration 30 --dx 200
grep -q "^verdict: " "$tmp/out" || { echo "FAIL default-line verdict"; fails=$((fails + 1)); }
finish
