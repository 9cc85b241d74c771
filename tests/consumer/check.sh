#!/bin/sh
# The installed library as a program outside the tree uses it: install
# BUILD_DIR into a temporary prefix, then build tests/consumer/consumer.c
#   1. with `pkg-config --cflags --libs heatline` (libheatline.so);
#   2. with the static libheatline.a (`pkg-config --static`) beside
#      host_names.c, which defines the library's internal names: no clash;
#   3. with find_package(heatline) (CMake), shared and static;
# and run each: the delivered heat must equal the installed command's, the
# version its --version. Then the installed command's report finds its
# plotting library in the prefix, also after the prefix is moved, and
# $HEATLINE_DATA_DIR overrides it.
#   usage: tests/consumer/check.sh BUILD_DIR
set -eu
build=$(cd "${1:?usage: tests/consumer/check.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "consumer check: FAIL: $*" >&2; exit 1; }
say() { echo "consumer check: $*"; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" ||
    fail "cmake --install: $(tail -3 "$tmp/install.log")"
pc=$(find "$prefix" -name heatline.pc | head -1)
[ -n "$pc" ] || fail "no heatline.pc installed"
libdir=$(dirname "$(dirname "$pc")")
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
say "installed into $prefix ($(pkg-config --modversion heatline))"

want_version=$("$prefix/bin/heatline" --version | awk '{print $2; exit}')
want_mw=$("$prefix/bin/heatline" run | awk '$1 == "delivered" {print $2}')
[ -n "$want_mw" ] || fail "installed heatline run printed no delivered heat"

# check LABEL PROGRAM: run it (libdir on the library path), compare its
# version and delivered heat with the installed command's
check() {
    label=$1; shift
    LD_LIBRARY_PATH="$libdir" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt" ||
        fail "$label: exit $? ($(cat "$tmp/err.txt"))"
    grep -q "^libheatline $want_version " "$tmp/out.txt" ||
        fail "$label: version: $(head -1 "$tmp/out.txt"), expected $want_version"
    got=$(sed -n 's/.*delivered \([0-9.]*\) MW.*/\1/p' "$tmp/out.txt")
    [ "$got" = "$want_mw" ] ||
        fail "$label: delivered '$got' MW, heatline run says $want_mw MW"
    say "$label: $(tr '\n' ' ' < "$tmp/out.txt")"
}

cflags="-std=c11 -Wall -Wextra -Wpedantic -Werror"
# shellcheck disable=SC2046,SC2086
$cc $cflags $(pkg-config --cflags heatline) "$here/consumer.c" \
    $(pkg-config --libs heatline) -o "$tmp/consumer_shared" ||
    fail "build against libheatline.so with pkg-config"
readelf -d "$tmp/consumer_shared" | grep -q "NEEDED.*libheatline.so.0" ||
    fail "consumer_shared does not use libheatline.so.0"
check "pkg-config, shared" "$tmp/consumer_shared"

if [ -f "$libdir/libheatline.a" ]; then
    static_libs=$(pkg-config --static --libs heatline |
        sed 's/-lheatline\b/-l:libheatline.a/')
    # shellcheck disable=SC2046,SC2086
    $cc $cflags $(pkg-config --cflags heatline) "$here/consumer.c" \
        "$here/host_names.c" $static_libs -o "$tmp/consumer_static" ||
        fail "build against libheatline.a (with host names) with pkg-config --static"
    readelf -d "$tmp/consumer_static" | grep -q "libheatline" &&
        fail "consumer_static still needs libheatline.so"
    check "pkg-config --static, libheatline.a" "$tmp/consumer_static"
fi

if [ "${HL_CONSUMER_CMAKE:-1}" = 1 ]; then
    cmake -S "$here" -B "$tmp/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_BUILD_TYPE=Release > "$tmp/cmake.log" 2>&1 ||
        fail "find_package(heatline): $(tail -5 "$tmp/cmake.log")"
    cmake --build "$tmp/cmake" > "$tmp/cmake_build.log" 2>&1 ||
        fail "build with find_package: $(tail -5 "$tmp/cmake_build.log")"
    check "find_package, heatline::heatline" "$tmp/cmake/consumer"
    if [ -x "$tmp/cmake/consumer_static" ]; then
        check "find_package, heatline::heatline_static" \
            "$tmp/cmake/consumer_static"
    fi
fi

# The installed command's report reads ECharts from the prefix (when the
# build had it), after a move too; HEATLINE_DATA_DIR overrides.
if [ -f "$prefix/share/heatline/report/echarts.min.js" ]; then
    mv "$prefix" "$tmp/moved"
    "$tmp/moved/bin/heatline" run --report "$tmp/r.html" > /dev/null \
        2> "$tmp/err.txt" || fail "moved install: run --report: $(cat "$tmp/err.txt")"
    grep -q "echarts" "$tmp/r.html" || fail "moved install: no ECharts in the report"
    mkdir "$tmp/empty"
    rc=0
    HEATLINE_DATA_DIR="$tmp/empty" "$tmp/moved/bin/heatline" run \
        --report "$tmp/r2.html" > /dev/null 2> "$tmp/err.txt" || rc=$?
    [ $rc -eq 2 ] || fail "HEATLINE_DATA_DIR=empty: exit $rc, expected 2"
    grep -q "$tmp/empty" "$tmp/err.txt" ||
        fail "HEATLINE_DATA_DIR=empty: message lacks the directory: $(cat "$tmp/err.txt")"
    [ -e "$tmp/r2.html" ] && fail "HEATLINE_DATA_DIR=empty: report left behind"
    say "report: ECharts found in the moved prefix; HEATLINE_DATA_DIR overrides"
fi
say "all checks passed"
