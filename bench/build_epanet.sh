#!/bin/sh
# build_epanet.sh - builds the benchmark peer, EPANET, from a source tree the
# user gives (a clone of github.com/OpenWaterAnalytics/EPANET at a tag; no
# EPANET code is kept in this repository), with EPANET's own CMake in
# Release, and the in-process timer bench/epanet_timer.c against it. Writes
# BUILD/peer.txt: version, commit, compiler, build type and flags, which
# bench_network and peer_epanet.sh print in their tables' headers.
#   bench/build_epanet.sh EPANET_SRC [BUILD]   (BUILD default bench/out/epanet-build)
# then: EPANET_RUN=BUILD/bin/runepanet EPANET_TIMER=BUILD/epanet_timer \
#       EPANET_PEER_INFO=BUILD/peer.txt build/bench_network bench/out
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=${1:?usage: build_epanet.sh EPANET_SRC [BUILD]}
build=${2:-"$here/out/epanet-build"}
[ -f "$src/CMakeLists.txt" ] && [ -f "$src/include/epanet2_2.h" ] || {
  echo "build_epanet.sh: $src is not an EPANET source tree" >&2
  exit 2
}
cc=${CC:-cc}
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
lib=$(find "$build" -name 'libepanet2.so' | head -n 1)
run=$(find "$build" -name runepanet -type f | head -n 1)
[ -n "$lib" ] && [ -n "$run" ] || {
  echo "build_epanet.sh: no libepanet2.so or runepanet under $build" >&2
  exit 1
}
flags=$(sed -n 's/^CMAKE_C_FLAGS_RELEASE:[A-Z]*=//p' "$build/CMakeCache.txt")
"$cc" -O2 -I "$src/include" "$here/epanet_timer.c" -o "$build/epanet_timer" \
  -L "$(dirname "$lib")" -lepanet2 -lm -Wl,-rpath,"$(dirname "$lib")"
commit=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo unknown)
tag=$(git -C "$src" describe --tags 2>/dev/null || echo unknown)
{
  echo "EPANET $tag (commit $commit), CMake Release, $("$cc" --version | head -n 1), CFLAGS_RELEASE '$flags'"
} >"$build/peer.txt"
cat "$build/peer.txt"
echo "EPANET_RUN=$run EPANET_TIMER=$build/epanet_timer EPANET_PEER_INFO=$build/peer.txt"
