#!/bin/sh
# make_example.sh - a SYNTHETIC inspection campaign on the default line,
# walked through the whole retrofit loop in a register. Every
# "measurement" here is INVENTED: the model's own prediction plus a
# deterministic pseudo-random scatter and a few planted anomalies. Nothing
# in this directory is a field measurement.
#
#   examples/register/make_example.sh HEATLINE [OUTDIR]
#
# HEATLINE is the heatline binary; OUTDIR (default: this directory) gets
#   inspections.csv   campaign 1: the 400 fittings of the 50 chambers, bare,
#                     at the design hour (130 C supply, 25 C chamber air)
#   verification.csv  the re-inspection after coating every fitting
#   reverify.csv      the re-inspection of the failed ones after rework
#   register.db       the register the loop leaves (not kept in git)
#   status.json, report.html
# The scatter: hottest = predicted - U(0.5, 3.5) K (after coating
# U(-1.5, 1) K); every 23rd fitting of
# campaign 1 reads 15 K below the model (a planted "wrong catalogue entry"
# finding); every 37th coated fitting reads 58 C (a planted damaged
# coating: it fails verification, is re-decided at 20 mm and reworked).
set -eu
H=${1:?usage: make_example.sh HEATLINE [OUTDIR]}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$out/register.db"
rm -f "$db" "$db-wal" "$db-shm"

# The model at its design hour: water and predicted surfaces per fitting.
mkdir -p "$tmp/run"
"$H" run --csv "$tmp/run" >/dev/null

# A linear congruential generator, so every awk gives the same numbers.
lcg='function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648;
                      return seed / 2147483648 }'

awk -F, -v OFS=, "$lcg"'
NR == 1 { print "fitting_id,date,inspector,supply_c,air_c,hottest_c," \
                "ambient_c,mean_c,emissivity,camera,photo,notes"; seed = 17; next }
{
  n++; day = 5 + int((n - 1) / 16)            # two chambers a day
  hot = $13 - 0.5 - 3 * rnd()
  note = "synthetic"
  if (n % 23 == 0) { hot = $13 - 15; note = "synthetic: planted low reading" }
  printf "%s,2026-01-%02d,synthetic inspector,130,25,%.1f,-15,,0.95," \
         "synthetic-camera,,%s\n", $1, day, hot, note
}' "$tmp/run/fittings.csv" >"$out/inspections.csv"

"$H" register "$db" init --by "example generator" >/dev/null
"$H" register "$db" import-inspections "$out/inspections.csv" \
  --by "example generator" >/dev/null

# Decide and coat chamber by chamber: 15 mm of the coating, the least
# whole-5-mm thickness the options table shows passing at the design hour.
chambers=$(awk -F, 'NR > 1 { print $2 }' "$tmp/run/fittings.csv" | uniq)
i=0
for c in $chambers; do
  i=$((i + 1))
  "$H" register "$db" decide "$c" --option "coating ceramic-microbead:15" \
    --by "synthetic engineer" --why "15 mm passes the 50 C limit at the \
design hour (options)" >/dev/null
  "$H" register "$db" work "$c" --date "2026-02-$(printf %02d $((1 + i / 3)))" \
    --crew "synthetic crew $((i % 3 + 1))" --batch "CM-$((i / 10 + 1))" \
    >/dev/null
done

# The coated fittings as the fitting engine predicts them (inventory).
awk -F, -v OFS=, 'NR == 1 { print "id,type,dn,pn,temp_c,ambient_c,state"; next }
  { print $1, $4, $5, $6, $10, 25, "coated ceramic-microbead:15" }' \
  "$tmp/run/fittings.csv" >"$tmp/inventory.csv"
"$H" fitting --inventory "$tmp/inventory.csv" >"$tmp/coated.csv"
awk -F, "$lcg"'
NR == 1 { print "fitting_id,date,inspector,supply_c,air_c,hottest_c," \
                "ambient_c,mean_c,emissivity,camera,photo,notes"; seed = 29; next }
$1 == "TOTAL" { next }
{
  n++; hot = $10 - 1.5 + 2.5 * rnd(); mean = $12 - 1.5 + 2.5 * rnd()
  if (mean > hot) mean = hot
  note = "synthetic"
  if (n % 37 == 0) { hot = 58; mean = 52; note = "synthetic: planted damage" }
  printf "%s,2026-03-%02d,synthetic inspector,130,25,%.1f,-5,%.1f,0.95," \
         "synthetic-camera,,%s\n", $1, 2 + int((n - 1) / 16), hot, mean, note
}' "$tmp/coated.csv" >"$out/verification.csv"
"$H" register "$db" verify "$out/verification.csv" --by "example generator" \
  >/dev/null || true # the planted damage fails, as it should

# The failed ones: decided again (20 mm), reworked and re-inspected.
grep "planted damage" "$out/verification.csv" | cut -d, -f1 >"$tmp/failed"
awk -F, 'NR == 1 { print "id,type,dn,pn,temp_c,ambient_c,state"; next }
  { print $1, $4, $5, $6, $10, 25, "coated ceramic-microbead:20" }' OFS=, \
  "$tmp/run/fittings.csv" | grep -F -f "$tmp/failed" >"$tmp/inv20.csv" || true
sed -i '1i id,type,dn,pn,temp_c,ambient_c,state' "$tmp/inv20.csv"
"$H" fitting --inventory "$tmp/inv20.csv" >"$tmp/coated20.csv"
for f in $(cat "$tmp/failed"); do
  "$H" register "$db" decide "$f" --option "coating ceramic-microbead:20" \
    --by "synthetic engineer" --why "coating damaged: redone at 20 mm" \
    >/dev/null
  "$H" register "$db" work "$f" --date 2026-03-20 --crew "synthetic crew 1" \
    --batch CM-9 >/dev/null
done
awk -F, '
NR == 1 { print "fitting_id,date,inspector,supply_c,air_c,hottest_c," \
                "ambient_c,mean_c,emissivity,camera,photo,notes"; next }
$1 == "TOTAL" { next }
{ printf "%s,2026-03-27,synthetic inspector,130,25,%.1f,-3,%.1f,0.95," \
         "synthetic-camera,,synthetic: after rework\n", $1, $10 - 1, $12 - 1 }
' "$tmp/coated20.csv" >"$out/reverify.csv"
"$H" register "$db" verify "$out/reverify.csv" --by "example generator" \
  >/dev/null

"$H" register "$db" status --json >"$out/status.json"
"$H" register "$db" report "$out/report.html"
