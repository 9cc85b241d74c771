#!/bin/sh
# A picture of the season report for a person to look at (not part of
# ctest): writes the report and a full-page PNG screenshot from headless
# Chromium.
#   tests/report/screenshot.sh [BUILD_DIR] [OUT_DIR] [-- season options...]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-"$here/build"}
out=${2:-"$here/build/report-shot"}
[ $# -ge 2 ] && shift 2 || shift $#
[ "${1:-}" = "--" ] && shift
mkdir -p "$out"
"$build/heatline" season "$@" --report "$out/season.html" > /dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1200,4600 --virtual-time-budget=10000 \
    --screenshot="$out/season.png" "file://$out/season.html" 2> /dev/null
echo "report: $out/season.html"
echo "screenshot: $out/season.png"
