#!/bin/sh
# Time EPANET, the benchmark peer, on the network ladder made by networks.sh.
# EPANET is built outside this repository from its public source (see
# bench/README.md); this script only runs it.
usage() {
  cat <<'USAGE'
usage: EPANET_RUN=/path/to/runepanet [EPANET_TIMER=/path/to/timer] \
         bench/peer_epanet.sh [NET...]

Times one steady hydraulic solve of EPANET on each benchmark network and
prints a table of medians (seconds). NET defaults to
"line_100000 grid_1000 grid_10000 grid_100000"; missing networks are
generated with bench/networks.sh. Each .inp is first copied to
OUT/epanet/NET.inp with its duration set to 0 and water quality off, so
EPANET solves the hydraulics of one period only.

environment:
  EPANET_RUN      EPANET's command-line program (runepanet). Its column is
                  the wall time of the whole process: start, load, one
                  hydraulic solve and the (minimal) report. Unset: nothing
                  is timed and the script exits 0.
  EPANET_TIMER    optional in-process timer linked with EPANET's library,
                  run as `TIMER NET.inp`, printing one line
                  `load_s solve_s resolve_s iterations` (see bench/README.md).
                  Adds those columns, which exclude process start.
  EPANET_PEER_INFO  the peer.txt that bench/build_epanet.sh writes (version,
                  commit, compiler, flags), printed above the table
  HL_BENCH_OUT    network directory (default bench/out)
  HL_BENCH_RUNS   runs per network, the median is reported (default 5)
  HEATLINE_BENCH  reserved, not used yet: the heatline side of the ladder.
                  When heatline's network solver lands, its benchmark program
                  times heatline on the same OUT/NET.inp and its column and
                  the heatline/EPANET ratio join this table.
USAGE
}
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${HL_BENCH_OUT:-"$here/out"}
runs=${HL_BENCH_RUNS:-5}
timer=${EPANET_TIMER:-}

fail() {
  echo "peer_epanet.sh: $*" >&2
  exit 2
}

case ${1:-} in -h | --help) usage; exit 0 ;; -*) usage >&2; exit 2 ;; esac
nets=${*:-"line_100000 grid_1000 grid_10000 grid_100000"}

if [ -z "${EPANET_RUN:-}" ]; then
  echo "peer_epanet.sh: EPANET_RUN is not set; no peer to time (--help)" >&2
  exit 0
fi
[ -x "$EPANET_RUN" ] || fail "EPANET_RUN=$EPANET_RUN is not an executable"
[ -z "$timer" ] || [ -x "$timer" ] ||
  fail "EPANET_TIMER=$timer is not an executable"
case $runs in '' | *[!0-9]* | 0) fail "HL_BENCH_RUNS must be a positive integer" ;; esac
case $(date +%N) in *[!0-9]* | '') fail "needs date +%N (GNU coreutils) for sub-millisecond wall times" ;; esac

# Seconds since the epoch with nanoseconds, as a decimal string.
now() { date +%s.%N; }

# Median of column COL of FILE (one sample per line).
median() {
  awk -v col="$2" '{ print $col }' "$1" | sort -g |
    awk '{ v[NR] = $1 }
      END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One timed run of runepanet (and of the timer, if given) on $1; appends
# "wall load solve resolve iterations" to the samples file $2.
time_once() {
  log="${1%.inp}.log"
  t0=$(now)
  "$EPANET_RUN" "$1" "${1%.inp}.rpt" >"$log" 2>&1 ||
    fail "$1: runepanet failed, see $log"
  t1=$(now)
  grep -q "ran successfully\|ran with warnings" "$log" ||
    fail "$1: runepanet did not solve, see $log"
  split="- - - -"
  if [ -n "$timer" ]; then
    split=$("$timer" "$1" 2>>"$log") || fail "$1: timer failed, see $log"
    echo "$split" | awk 'NF != 4 { exit 1 }' ||
      fail "$1: timer printed '$split', expected 4 numbers"
  fi
  echo "$t0 $t1 $split" | awk '{ printf "%.6f %s %s %s %s\n", $2 - $1, $3, $4, $5, $6 }' >>"$2"
}

# Number of pipes in the [PIPES] section of an .inp file.
pipe_count() {
  awk '/^\[/ { in_pipes = ($1 == "[PIPES]"); next }
       in_pipes && NF && $1 !~ /^;/ { n++ }
       END { print n + 0 }' "$1"
}

# Copy an .inp with one hydraulic period and no water-quality run.
hydraulic_only() {
  sed -e '/^\[TIMES\]/,/^\[/ s/^Duration .*/Duration 0/' \
      -e '/^\[OPTIONS\]/,/^\[/ s/^Quality .*/Quality None/' "$1" >"$2.tmp"
  mv "$2.tmp" "$2"
}

missing=0
for n in $nets; do [ -f "$out/$n.inp" ] || missing=1; done
[ $missing = 0 ] || "$here/networks.sh" "$out"
for n in $nets; do
  [ -f "$out/$n.inp" ] || fail "$out/$n.inp not found (not in the ladder?)"
done
mkdir -p "$out/epanet"

if [ -n "${EPANET_PEER_INFO:-}" ] && [ -f "$EPANET_PEER_INFO" ]; then
  sed 's/^/peer: /' "$EPANET_PEER_INFO"
else
  echo "peer: build unknown (EPANET_PEER_INFO: the peer.txt of bench/build_epanet.sh)"
fi
echo "load average before: $(cat /proc/loadavg 2>/dev/null || echo unknown)"
printf '%-13s %8s %11s' net pipes runepanet
[ -z "$timer" ] || printf ' %9s %9s %9s %6s' load solve re-solve iters
printf '\n'
for n in $nets; do
  inp="$out/epanet/$n.inp"
  samples="$out/epanet/$n.times"
  hydraulic_only "$out/$n.inp" "$inp"
  : >"$samples"
  i=0
  while [ $i -lt "$runs" ]; do
    time_once "$inp" "$samples"
    i=$((i + 1))
  done
  printf '%-13s %8s %11.5f' "$n" "$(pipe_count "$inp")" "$(median "$samples" 1)"
  [ -z "$timer" ] || printf ' %9.5f %9.5f %9.5f %6s' "$(median "$samples" 2)" \
    "$(median "$samples" 3)" "$(median "$samples" 4)" "$(median "$samples" 5)"
  printf '\n'
done
for n in $nets; do
  sed -n 's/.*Running EPANET Version /peer: EPANET /p' "$out/epanet/$n.log"
done | sort -u
echo "load average after: $(cat /proc/loadavg 2>/dev/null || echo unknown)"
echo "median of $runs runs, seconds; runepanet = process wall time" \
  "(start + load + solve + report)"
