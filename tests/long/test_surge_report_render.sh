#!/bin/sh
# The surge report (heatline surge --report) as written and as drawn: no
# network reference, the CSP, the inlined JSON cannot close its <script>;
# in headless Chromium (Debian's chromium) the default line's relay PS2
# trip draws its envelope and series plots and shows a note, not a blank
# frame, for the cavities it has none of; a model without chainage (the
# pump-lift test line) shows a note in place of the envelope; no script
# error in the console. Long check (ctest label "long"). Skipped (77)
# without the plotting library or chromium.
set -u
H=${HEATLINE:?}
command -v chromium > /dev/null 2>&1 || { echo "SKIP: no chromium"; exit 77; }
. "$(dirname "$0")/../cli/lib.sh" # tmp, chromium_headless, render_charts
fail() { echo "FAIL: $*" >&2; exit 1; }

"$H" surge --event "station-trip:relay PS2" --duration 120 --dx 100 \
    --watch PS2-S-IN,PS2-S-OUT --report "$tmp/ps2.html" > /dev/null 2> "$tmp/err.txt"
if [ $? -ne 0 ]; then
    grep -q "ECharts is not installed" "$tmp/err.txt" &&
        { echo "SKIP: $(cat "$tmp/err.txt")"; exit 77; }
    fail "report run: $(cat "$tmp/err.txt")"
fi
"$H" surge "$HL_SOURCE_DIR/tests/data/surge/pump_lift.yaml" --event pump-trip:PU \
    --duration 10 --dx 25 --report "$tmp/lift.html" > /dev/null 2>&1 ||
    fail "report of the pump-lift line"
f="$tmp/ps2.html"
grep -Eiq "(src|href)[[:space:]]*=[[:space:]]*[\"']?https?:" "$f" &&
    fail "the report references the network"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$f" ||
    fail "no CSP meta tag"
[ "$(grep -o '</script>' "$f" | wc -l)" -eq 3 ] ||
    fail "a </script> inside an inlined script or the data"

# render PAGE LIST: the charts drawn (render_charts, lib.sh), or fail
render() {
    render_charts "$1" "$2" > "$tmp/why" || fail "$(cat "$tmp/why")"
}

render "$f" "$tmp/ps2.txt"
for want in "chart-surge-envelope drawn" "chart-surge-series drawn" \
    "chart-surge-cavities nodata"; do
    grep -q "^$want$" "$tmp/ps2.txt" || fail "PS2 trip: not '$want' ($(cat "$tmp/ps2.txt"))"
done
render "$tmp/lift.html" "$tmp/lift.txt"
for want in "chart-surge-envelope nodata" "chart-surge-series nodata" \
    "chart-surge-cavities nodata"; do
    grep -q "^$want$" "$tmp/lift.txt" || fail "pump-lift: not '$want' ($(cat "$tmp/lift.txt"))"
done
echo "all passed"
