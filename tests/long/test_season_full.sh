#!/bin/sh
# Long check (ctest label "long"): the whole default heating season as a
# user types it, `heatline season` with no options: the period 15 Oct -
# 15 Apr (4392 hours), the synthetic weather labelled, the three scenarios
# and the payback of both retrofits, no NaN.
set -u
H=${HEATLINE:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$H" season > "$tmp/out.txt" 2> "$tmp/err.txt" ||
    fail "default run: $(cat "$tmp/err.txt")"
grep -q "period: 10-15 .. 04-15, 4392 hours" "$tmp/out.txt" ||
    fail "default period is not 10-15 .. 04-15, 4392 h"
grep -q "SYNTHETIC" "$tmp/out.txt" || fail "synthetic weather not labelled"
for sc in as-is coated jacketed; do
    grep -q "^  $sc " "$tmp/out.txt" || fail "no $sc row"
done
[ "$(grep -c "payback" "$tmp/out.txt")" -eq 2 ] ||
    fail "not one payback line per retrofit"
grep -qiw -e nan -e inf "$tmp/out.txt" && fail "NaN/inf in the output"
echo "season, the whole default: all checks passed"
