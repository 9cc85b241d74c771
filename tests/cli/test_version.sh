#!/bin/sh
# heatline --version prints the library's version, the one in
# CMakeLists.txt's project() (the single place it is written), and the
# usage line names it too.
set -u
H=${HEATLINE:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
want=$(sed -n 's/^project(heatline VERSION \([0-9][0-9.]*\).*/\1/p' \
    "${HL_SOURCE_DIR:?}/CMakeLists.txt")
[ -n "$want" ] || fail "no version in CMakeLists.txt"
out=$("$H" --version) || fail "--version exit $?"
[ "$out" = "heatline $want" ] || fail "--version printed '$out', expected 'heatline $want'"
"$H" --help | head -1 | grep -q "^heatline $want " || fail "--help lacks the version"
echo "version: heatline $want"
