#!/bin/sh
# The season and run reports as written: the page loads nothing from the
# network (no http(s) src/href, a CSP of default-src 'none', the inlined
# JSON cannot close its <script> element), the synthetic weather is
# labelled, the run report is of the model given. With HL_RENDER=1 (the
# long check long/test_season_report_render, ctest label "long") each
# report also opens in headless Chromium (Debian's chromium, from
# scripts/setup.sh --test) and every plot is drawn: each chart placeholder
# holds an <svg> with drawn paths after the scripts ran.
# An imported EPANET network (no chainage, no fittings) gets a "no data"
# note in the plots that need a line, never a blank chart, and no script
# error in the browser console (issue 15); with HL_ARTIFACTS=DIR the
# rendered .inp report (its map) is kept as DIR/inp_report_map.png.
# Skipped (77) when the inlined plotting library is missing, or, to render,
# chromium.
set -u
H=${HEATLINE:?}
render=${HL_RENDER:-0}
if [ "$render" = 1 ] && ! command -v chromium > /dev/null 2>&1; then
    echo "SKIP: no chromium"; exit 77
fi
. "$(dirname "$0")/lib.sh" # tmp, chromium_headless, render_charts
fail() { echo "FAIL: $*" >&2; exit 1; }

"$H" season --from 12-31 --to 01-02 --report "$tmp/season.html" \
    > /dev/null 2> "$tmp/err.txt"
rc=$?
if [ $rc -ne 0 ]; then
    grep -q "ECharts is not installed" "$tmp/err.txt" &&
        { echo "SKIP: $(cat "$tmp/err.txt")"; exit 77; }
    fail "report run: $(cat "$tmp/err.txt")"
fi
f="$tmp/season.html"
grep -Eiq "(src|href)[[:space:]]*=[[:space:]]*[\"']?https?:" "$f" &&
    fail "the report references the network"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$f" ||
    fail "no CSP meta tag"
[ "$(grep -o '</script>' "$f" | wc -l)" -eq 3 ] ||
    fail "a </script> inside an inlined script or the data"
grep -q "SYNTHETIC" "$f" || fail "synthetic weather not labelled"
grep -q "Written by heatline [0-9.]* on 20[0-9-]* [0-9:]* UTC" "$f" ||
    fail "no header with the version and the date"
grep -q 'id="verdict"' "$f" || fail "no verdict and warnings section"
grep -q "CNY at [0-9]* CNY/GJ, for an investment of [0-9,]* CNY" "$f" ||
    fail "money not written out with separators"

# render PAGE LIST: the charts drawn (render_charts, lib.sh), or fail
render() {
    render_charts "$1" "$2" > "$tmp/why" || fail "$(cat "$tmp/why")"
}

if [ "$render" = 1 ]; then
    render "$f" "$tmp/charts.txt"
    for id in chart-map chart-pressure chart-temperature chart-breakdown \
        chart-months chart-duration chart-surfaces chart-payback; do
        grep -q "^$id drawn$" "$tmp/charts.txt" ||
            fail "$id not rendered ($(grep "^$id" "$tmp/charts.txt"))"
    done
fi

# heatline run --report: the report of the model run solved (a user's
# model file), four plots
m="${HL_SOURCE_DIR:?}/tests/data/models/small_line.yaml"
"$H" run "$m" --report "$tmp/run.html" > "$tmp/run.txt" 2> "$tmp/err.txt" ||
    fail "run --report: $(cat "$tmp/err.txt")"
grep -q "Small line" "$tmp/run.html" || fail "run report of another model"
grep -q "lost by fittings" "$tmp/run.txt" || fail "run summary after report"
if [ "$render" = 1 ]; then
    render "$tmp/run.html" "$tmp/run_charts.txt"
    for id in chart-map chart-pressure chart-temperature chart-breakdown \
        chart-surfaces; do
        grep -q "^$id drawn$" "$tmp/run_charts.txt" ||
            fail "run $id not rendered ($(grep "^$id" "$tmp/run_charts.txt"))"
    done
    echo "season and run reports: plots rendered"
fi

# an imported .inp: every chart drawn or with a note, none blank
inp="${HL_SOURCE_DIR:?}/tests/validation/epanet/looped_reservoir.inp"
"$H" run "$inp" --report "$tmp/inp.html" > /dev/null 2> "$tmp/err.txt" ||
    fail "run .inp --report: $(cat "$tmp/err.txt")"
"$H" season "$inp" --from 12-31 --to 01-02 --report "$tmp/inp_season.html" \
    > /dev/null 2> "$tmp/err.txt" ||
    fail "season .inp --report: $(cat "$tmp/err.txt")"
if [ "$render" = 1 ]; then
    for r in inp inp_season; do
        render "$tmp/$r.html" "$tmp/${r}_charts.txt"
        [ -s "$tmp/${r}_charts.txt" ] || fail "$r: no chart placeholders"
        ! grep -v -E " (drawn|nodata)$" "$tmp/${r}_charts.txt" ||
            fail "$r: a blank chart"
        grep -q "^chart-breakdown drawn$" "$tmp/${r}_charts.txt" ||
            fail "$r: the loss breakdown not drawn"
        grep -q "^chart-pressure nodata$" "$tmp/${r}_charts.txt" ||
            fail "$r: no note in place of the pressure diagram"
        grep -q "^chart-map drawn$" "$tmp/${r}_charts.txt" ||
            fail "$r: the network map not drawn from [COORDINATES]"
    done
    # the map as a person sees it, kept when HL_ARTIFACTS names a folder
    if [ -n "${HL_ARTIFACTS:-}" ] && mkdir -p "$HL_ARTIFACTS"; then
        timeout 120 chromium --headless --no-sandbox --disable-gpu \
            --no-first-run --user-data-dir="$tmp/profile" --hide-scrollbars \
            --window-size=1200,1400 --virtual-time-budget=10000 \
            --screenshot="$HL_ARTIFACTS/inp_report_map.png" \
            "file://$tmp/inp.html" > /dev/null 2>&1 ||
            fail "screenshot of the .inp report"
    fi
    echo "imported .inp reports: every plot drawn or noted"
fi
# a GeoJSON model (the .inp's results written as GeoJSON, read back as a
# model): its report draws the map from the features' coordinates
"$H" run "$inp" --geojson "$tmp/net.geojson" > /dev/null 2> "$tmp/err.txt" ||
    fail "run .inp --geojson: $(cat "$tmp/err.txt")"
"$H" run "$tmp/net.geojson" --report "$tmp/geo.html" > /dev/null \
    2> "$tmp/err.txt" || fail "run GeoJSON --report: $(cat "$tmp/err.txt")"
if [ "$render" = 1 ]; then
    render "$tmp/geo.html" "$tmp/geo_charts.txt"
    [ -s "$tmp/geo_charts.txt" ] || fail "geojson: no chart placeholders"
    ! grep -v -E " (drawn|nodata)$" "$tmp/geo_charts.txt" ||
        fail "geojson: a blank chart"
    grep -q "^chart-map drawn$" "$tmp/geo_charts.txt" ||
        fail "geojson: the network map not drawn"
    echo "GeoJSON model report: every plot drawn or noted, the map drawn"
fi
# the line in time (issue 11): heatline dynamic --report with a lead (the
# error with and without it), a boundary-driven run (no reset curve: a
# note in place of the error plot), season --dynamic's report
"$H" dynamic --from 01-10 --to 01-11 --step 10min --output-step 1h \
    --lead auto --report "$tmp/dyn.html" > /dev/null 2> "$tmp/err.txt" ||
    fail "dynamic --report: $(cat "$tmp/err.txt")"
grep -q '"without lead"' "$tmp/dyn.html" && grep -q '"with lead"' "$tmp/dyn.html" ||
    fail "dynamic report lacks the error with and without lead"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$tmp/dyn.html" ||
    fail "dynamic report: no CSP meta tag"
cat > "$tmp/b.csv" <<'CSV'
time_s,plant.supply_temp_c
0,130
3600,130
3900,120
21600,120
CSV
"$H" dynamic --boundary "$tmp/b.csv" --report "$tmp/dynb.html" > /dev/null \
    2> "$tmp/err.txt" || fail "dynamic --boundary --report: $(cat "$tmp/err.txt")"
"$H" season --dynamic --from 12-30 --to 12-31 --scenario as-is \
    --report "$tmp/sdyn.html" > /dev/null 2> "$tmp/err.txt" ||
    fail "season --dynamic --report: $(cat "$tmp/err.txt")"
grep -q 'id="chart-dyn-stored"' "$tmp/sdyn.html" ||
    fail "season --dynamic report lacks the stored heat"
! grep -q 'id="chart-dyn-' "$f" || fail "a steady season shows dynamic plots"
if [ "$render" = 1 ]; then
    for r in dyn dynb sdyn; do
        render "$tmp/$r.html" "$tmp/${r}_charts.txt"
        ! grep -v -E " (drawn|nodata)$" "$tmp/${r}_charts.txt" ||
            fail "$r: a blank chart"
        for id in chart-dyn-temps chart-dyn-transit chart-dyn-stored; do
            grep -q "^$id drawn$" "$tmp/${r}_charts.txt" ||
                fail "$r: $id not drawn"
        done
    done
    grep -q "^chart-dyn-error drawn$" "$tmp/dyn_charts.txt" ||
        fail "dyn: the error with and without lead not drawn"
    grep -q "^chart-dyn-error nodata$" "$tmp/dynb_charts.txt" ||
        fail "dynb: no note in place of the error plot"
    echo "dynamic reports: plots rendered"
fi
echo "season and run reports: nothing loaded from the network"
