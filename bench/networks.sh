#!/bin/sh
# Generate the benchmark network ladder (line_N and grid_N, as EPANET .inp
# plus the neutral JSON) into bench/out/, which git ignores. The networks are
# deterministic: the same generator and sizes give the same files.
#
# usage: bench/networks.sh [OUT_DIR]
#   OUT_DIR            default: bench/out (next to this script)
# environment:
#   HL_BENCH_GEN       the generator (default: ../shared/bench/gen_networks.py
#                      beside the repository)
#   HL_BENCH_SIZES     comma-separated ladder sizes (default 100,1000,10000,100000)
#   HL_BENCH_TS_STEPS  also write <name>_ts<N>.inp extended-period variants
#                      with an hourly demand pattern (default 0: none)
#   PYTHON             interpreter for the generator (default python3)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-"$here/out"}
gen=${HL_BENCH_GEN:-"$root/../shared/bench/gen_networks.py"}
sizes=${HL_BENCH_SIZES:-100,1000,10000,100000}
ts_steps=${HL_BENCH_TS_STEPS:-0}
python=${PYTHON:-python3}

if [ ! -f "$gen" ]; then
  echo "networks.sh: generator not found: $gen (set HL_BENCH_GEN)" >&2
  exit 2
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "networks.sh: $python not found (set PYTHON)" >&2
  exit 2
fi
case $sizes in
  *[!0-9,]* | "" | ,* | *, | *,,*)
    echo "networks.sh: HL_BENCH_SIZES must be a comma-separated list of" \
      "positive integers, got '$sizes'" >&2
    exit 2 ;;
esac

mkdir -p "$out"
"$python" "$gen" suite --out "$out" --sizes "$sizes" --ts-steps "$ts_steps" >/dev/null
echo "networks.sh: ladder $sizes written to $out" >&2
