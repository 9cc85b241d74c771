#!/bin/sh
# bench_json.sh - what `heatline run --json` costs next to the summary mode
# on one network (issue 16: within 1.3x the time and 1.5x the peak memory),
# and, with HL_BENCH_OLD=/path/to/older/heatline, the same against an older
# build (which may predate --allow-infeasible: it is not given that flag;
# grid_100000 has nodes below vapour pressure, so the current build needs
# it to exit 0). Runs interleaved; medians of HL_BENCH_RUNS (default 9) of wall
# time, CPU time (user + system) and peak resident memory (GNU time).
#   bench/bench_json.sh [NET.inp]   (default bench/out/grid_100000.inp)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
hl=${HEATLINE:-"$here/../build/heatline"}
net=${1:-"$here/out/grid_100000.inp"}
runs=${HL_BENCH_RUNS:-9}
[ -f "$net" ] || { echo "bench_json.sh: $net not found (bench/networks.sh)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_json.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one NAME CMD...: appends "wall cpu maxkb" to $tmp/NAME
one() {
  name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null 2>&1 ||
    { echo "bench_json.sh: $name failed" >&2; exit 1; }
  awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$tmp/t" >>"$tmp/$name"
}

median() { # FILE COL
  awk -v c="$2" '{ print $c }' "$1" | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "net $(basename "$net"), $runs interleaved runs, medians"
echo "load average before: $(cat /proc/loadavg)"
i=0
while [ $i -lt "$runs" ]; do
  one summary "$hl" run "$net" --allow-infeasible
  one json "$hl" run "$net" --json --allow-infeasible
  [ -z "${HL_BENCH_OLD:-}" ] || one json_old "$HL_BENCH_OLD" run "$net" --json
  i=$((i + 1))
done
echo "load average after:  $(cat /proc/loadavg)"
printf '%-10s %8s %8s %9s\n' mode wall_s cpu_s peak_MB
for m in summary json json_old; do
  [ -f "$tmp/$m" ] || continue
  printf '%-10s %8.3f %8.3f %9.1f\n' "$m" "$(median "$tmp/$m" 1)" \
    "$(median "$tmp/$m" 2)" "$(echo "$(median "$tmp/$m" 3)" | awk '{ print $1 / 1024 }')"
done
s=$(median "$tmp/summary" 1)
j=$(median "$tmp/json" 1)
echo "json / summary: wall $(echo "$j $s" | awk '{ printf "%.2f", $1 / $2 }')," \
  "CPU $(echo "$(median "$tmp/json" 2) $(median "$tmp/summary" 2)" | awk '{ printf "%.2f", $1 / $2 }')," \
  "peak memory $(echo "$(median "$tmp/json" 3) $(median "$tmp/summary" 3)" | awk '{ printf "%.2f", $1 / $2 }')"
