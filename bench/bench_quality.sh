#!/bin/sh
# bench_quality.sh - the transport engine against EPANET's 24 h hydraulic +
# water-quality run on the same .inp, measured in the same run: for each
# network (default grid_100000) the generator's 24 h variant NET_ts24.inp
# (bench/networks.sh with HL_BENCH_TS_STEPS=24) is run by
#   EPANET:   runepanet NET_ts24.inp (hydraulics every hour, quality every
#             5 min, the file's own options; report off in the file)
#   heatline: heatline dynamic NET_ts24.inp --duration 24h --step 5min
#             --hydraulic-step 1h with the generator's thermal data (U on
#             the inner surface, ambient, supply, cp)
# interleaved, HL_BENCH_RUNS times (default 3); prints the medians of the
# processor time (user + sys) and the wall time of each, the load average
# before and after, and heatline's parcels in flight and bytes per pipe at
# the end. heatline holds the demands of the pattern's first hour (its
# hydraulics are re-solved every hour all the same); EPANET follows the
# pattern. HL_BENCH_CPU=N runs both on processor N alone (taskset): the
# two processors of a virtual machine need not be equally fast (on the
# machine of bench/README.md one runs this work 1.3-1.8x slower than the
# other), and unpinned runs land on either.
#   EPANET_RUN=/path/to/runepanet bench/bench_quality.sh [NET...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${HL_BENCH_OUT:-"$here/out"}
hl=${HEATLINE:-"$root/build/heatline"}
runs=${HL_BENCH_RUNS:-3}
epanet=${EPANET_RUN:?set EPANET_RUN to runepanet (bench/build_epanet.sh)}
[ $# -gt 0 ] || set -- grid_100000
pin=${HL_BENCH_CPU:+taskset -c $HL_BENCH_CPU}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# the generator's thermal data of a network (its neutral JSON)
thermal() {
  case $1 in
    line_*) echo "--supply-temp 120 --ambient 0 --u 0.5 --cp 4250" ;;
    grid_*) echo "--supply-temp 90 --ambient 10 --u 0.6 --cp 4205" ;;
  esac
}

[ -f "${EPANET_PEER_INFO:-/nonexistent}" ] && cat "$EPANET_PEER_INFO"
echo "processor: ${HL_BENCH_CPU:-any (not pinned)}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %10s %10s %10s %10s %10s %8s %10s\n' network "EPANET cpu" \
  "wall" "heatline cpu" "wall" "ratio cpu" parcels "bytes/pipe"
for net in "$@"; do
  inp="$out/${net}_ts24.inp"
  [ -f "$inp" ] || { echo "bench_quality.sh: $inp missing" >&2; exit 2; }
  : > "$tmp/e"; : > "$tmp/h"
  for i in $(seq "$runs"); do
    # shellcheck disable=SC2086
    $pin /usr/bin/time -f "%U %S %e" -o "$tmp/t" "$epanet" "$inp" "$tmp/rpt" \
      > /dev/null 2>&1
    awk '{ print $1 + $2, $3 }' "$tmp/t" >> "$tmp/e"
    # shellcheck disable=SC2046,SC2086
    $pin /usr/bin/time -f "%U %S %e" -o "$tmp/t" "$hl" dynamic "$inp" \
      $(thermal "$net") --duration 24h --step 5min --hydraulic-step 1h \
      > "$tmp/out" 2>/dev/null
    awk '{ print $1 + $2, $3 }' "$tmp/t" >> "$tmp/h"
  done
  ec=$(cut -d' ' -f1 "$tmp/e" | median); ew=$(cut -d' ' -f2 "$tmp/e" | median)
  hc=$(cut -d' ' -f1 "$tmp/h" | median); hw=$(cut -d' ' -f2 "$tmp/h" | median)
  pipes=$(sed -n '/^\[PIPES\]/,/^\[/p' "$inp" | grep -c '^P')
  parcels=$(sed -n 's/.*; \([0-9]*\) parcels (\([0-9]*\) bytes).*/\1 \2/p' \
    "$tmp/out")
  printf '%-12s %10s %10s %10s %10s %10.2f %8s %10.0f\n' "$net" "$ec" "$ew" \
    "$hc" "$hw" "$(echo "$hc $ec" | awk '{ print $1 / $2 }')" \
    "${parcels% *}" "$(echo "${parcels#* } $pipes" | awk '{ print $1 / $2 }')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
