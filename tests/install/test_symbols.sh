#!/bin/sh
# The library's symbol tables: libheatline.so exports exactly the functions
# the public headers declare (each marked HL_API, each named hl_*), and
# libheatline.a defines no other global symbol, so no internal name
# (copy_text, parse_double, index_get ...) can collide with a host
# program's. Environment: HL_LIB_SHARED, HL_LIB_STATIC (paths; empty when
# not built), HL_HEADERS (the public headers, space-separated).
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v nm > /dev/null 2>&1 || { echo "SKIP: no nm"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Functions the headers declare (comments stripped), and those marked HL_API.
# shellcheck disable=SC2086
perl -0777 -ne 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g;
    print "$1\n" while /\b(hl_[a-z0-9_]+)\s*\(/g' $HL_HEADERS |
    sort -u > "$tmp/declared"
# shellcheck disable=SC2086
perl -0777 -ne 's{/\*.*?\*/}{}gs;
    print "$1\n" while /HL_API\b[^;{}]*?\b(hl_[a-z0-9_]+)\s*\(/g' $HL_HEADERS |
    sort -u > "$tmp/marked"
[ -s "$tmp/declared" ] || fail "no hl_* function found in $HL_HEADERS"
unmarked=$(comm -23 "$tmp/declared" "$tmp/marked")
[ -z "$unmarked" ] || fail "declared without HL_API:" "$unmarked"
echo "headers: $(wc -l < "$tmp/declared") public functions, all HL_API"

if [ -n "${HL_LIB_SHARED:-}" ]; then
    nm -D --defined-only "$HL_LIB_SHARED" | awk '{print $NF}' | sort -u \
        > "$tmp/exported"
    other=$(grep -v '^hl_' "$tmp/exported")
    [ -z "$other" ] || fail "$HL_LIB_SHARED exports non-hl_ symbols:" "$other"
    missing=$(comm -23 "$tmp/declared" "$tmp/exported")
    [ -z "$missing" ] || fail "declared but not exported:" "$missing"
    extra=$(comm -13 "$tmp/declared" "$tmp/exported")
    [ -z "$extra" ] || fail "exported but not declared in a header:" "$extra"
    echo "$HL_LIB_SHARED: exports the $(wc -l < "$tmp/exported") declared functions and nothing else"
fi

if [ -n "${HL_LIB_STATIC:-}" ]; then
    # global (upper-case type letter) and defined (not U, w, v)
    nm "$HL_LIB_STATIC" | awk 'NF == 3 && $2 ~ /^[A-TV-Z]$/ {print $3}' |
        sort -u > "$tmp/static"
    other=$(grep -v '^hl_' "$tmp/static" | head -20)
    [ -z "$other" ] || fail "$HL_LIB_STATIC defines global non-hl_ symbols:" "$other"
    extra=$(comm -13 "$tmp/declared" "$tmp/static")
    [ -z "$extra" ] || fail "$HL_LIB_STATIC: global but not declared:" "$extra"
    missing=$(comm -23 "$tmp/declared" "$tmp/static")
    [ -z "$missing" ] || fail "$HL_LIB_STATIC: declared but not defined:" "$missing"
    echo "$HL_LIB_STATIC: defines the $(wc -l < "$tmp/static") declared functions as its only globals"
fi
echo "symbols: all checks passed"
