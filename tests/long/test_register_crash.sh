#!/bin/sh
# (long check: about 10 s) The register under a killed writer and a concurrent reader. A writer
# importing a 4,000-row batch is killed with SIGKILL at 20 pseudo-random
# moments: afterwards PRAGMA integrity_check is ok, every committed batch
# is whole and no half batch is visible. A reader polling status while a
# writer imports never sees "database is locked" and only whole batches.
# Readings are INVENTED (generated here), not measurements.
set -u
: "${HEATLINE:?}"
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
db="$tmp/r.db"
"$HEATLINE" register "$db" init >/dev/null || { echo "FAIL init"; exit 1; }
"$HEATLINE" register "$db" export "$tmp/e" >/dev/null
# 400 fittings x 10 days = one batch of 4,000 rows
awk -F, 'NR == 1 { print "fitting_id,date,inspector,supply_c,air_c,hottest_c" }
  NR > 1 { id[NR] = $1 }
  END { for (d = 1; d <= 10; d++) for (i in id)
          printf "%s,2026-01-%02d,t,120,25,%s\n", id[i], d,
                 (id[i] ~ /-S-/) ? "118" : "45" }' \
  "$tmp/e/fittings.csv" >"$tmp/batch.csv"
rows=$(($(wc -l <"$tmp/batch.csv") - 1))
[ "$rows" -eq 4000 ] || bad "batch of $rows rows"

count() { sqlite3 "$db" "SELECT count(*) FROM inspections"; }
# one whole import first: how long one takes here (ms), so the kills fall
# at random points inside an import however fast the machine is
t0=$(date +%s%N)
"$HEATLINE" register "$db" import-inspections "$tmp/batch.csv" >/dev/null ||
  bad "a whole import"
span=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "one import of $rows rows: $span ms"
seed=7
for run in $(seq 1 20); do
  seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
  delay=$(awk -v s=$seed -v t=$span \
    'BEGIN { printf "%.3f", (s % 1000) / 1000 * t * 1.1 / 1000 }')
  "$HEATLINE" register "$db" import-inspections "$tmp/batch.csv" \
    >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  ok=$(sqlite3 "$db" "PRAGMA integrity_check")
  [ "$ok" = ok ] || bad "run $run: integrity_check: $ok"
  n=$(count)
  b=$(sqlite3 "$db" "SELECT count(*) FROM batches")
  [ $((n % rows)) -eq 0 ] && [ "$n" -eq $((b * rows)) ] ||
    bad "run $run (killed after ${delay}s): $n rows in $b batches"
done
echo "killed writer: $(count) rows committed in $(sqlite3 "$db" \
  "SELECT count(*) FROM batches") whole batches (1 + 20 imports, 20 kills)"

# a reader polling status while a writer imports three batches
( for i in 1 2 3; do
    "$HEATLINE" register "$db" import-inspections "$tmp/batch.csv" \
      >/dev/null 2>>"$tmp/werr" || echo "writer failed" >>"$tmp/werr"
  done; touch "$tmp/wdone" ) &
while [ ! -e "$tmp/wdone" ]; do
  "$HEATLINE" register "$db" status --json >"$tmp/s" 2>>"$tmp/rerr" ||
    echo "reader failed" >>"$tmp/rerr"
  n=$(sed -n 's/.*"inspections": \([0-9]*\).*/\1/p' "$tmp/s")
  [ -n "$n" ] && [ $((n % rows)) -eq 0 ] || echo "half batch: $n" >>"$tmp/rerr"
done
wait
[ ! -s "$tmp/rerr" ] || bad "reader: $(sort -u "$tmp/rerr" | head -3)"
[ ! -s "$tmp/werr" ] || bad "writer: $(head -3 "$tmp/werr")"
grep -qi locked "$tmp/rerr" "$tmp/werr" 2>/dev/null && bad "database is locked"
[ "$fails" -eq 0 ] && echo "ok - crash safety and concurrency"
[ "$fails" -eq 0 ]
