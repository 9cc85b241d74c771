#!/bin/sh
# heatline register as a user types it: the loop inspection -> decision ->
# work -> verified (and failed -> reopened) on INVENTED example readings
# (tests/data/register/, not measurements), every bad-input path (one
# error line naming file:line:column, exit 2, nothing written), a newer
# schema refused, the history append-only.
set -u
: "${HEATLINE:?}" "${HL_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
ok() { echo "ok - $1"; passes=$((passes + 1)); }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
data="$HL_SOURCE_DIR/tests/data/register"
db="$tmp/line.db"
R() { "$HEATLINE" register "$db" "$@"; }

# expect_error NAME NEEDLE ARGS...: exit 2, NEEDLE on stderr, empty stdout
expect_error() {
  name=$1 needle=$2; shift 2
  "$HEATLINE" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
  if [ $rc -eq 2 ] && grep -qF -- "$needle" "$tmp/err" && [ ! -s "$tmp/out" ] &&
     [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok "$name"
  else bad "$name (rc $rc)"; cat "$tmp/err"; fi
}
# json_int KEY: an integer of the last status --json (in $tmp/status)
json_int() { sed -n "s/.*\"$1\": \([0-9]*\).*/\1/p" "$tmp/status" | head -1; }
status() { R status --json >"$tmp/status"; }

# ---- template: commented, and the reader takes its example row -------
if "$HEATLINE" register --template inspections >"$tmp/t.csv" &&
   grep -q '^# ' "$tmp/t.csv" && grep -q '^fitting_id,date,' "$tmp/t.csv"
then ok "template"; else bad "template"; fi
expect_error "template: unknown kind" "expected inspections" \
  register --template lab

# ---- init ---------------------------------------------------------------
if R init >"$tmp/out" && status && [ "$(json_int fittings)" = 400 ] &&
   [ "$(json_int chambers)" = 50 ] && [ "$(json_int clear)" = 400 ]
then ok "init: the default line's 50 chambers and 400 fittings"
else bad "init"; cat "$tmp/status"; fi
expect_error "init twice" "already exists" register "$db" init
expect_error "open a missing register" "no such register" \
  register "$tmp/none.db" status
printf 'not a database at all, just text\n' >"$tmp/junk.db"
expect_error "open a file that is not a register" "not a heatline register" \
  register "$tmp/junk.db" status
expect_error "init with a missing model" "$tmp/none.yaml" \
  register "$tmp/m.db" init --model "$tmp/none.yaml"
[ ! -e "$tmp/m.db" ] && ok "failed init leaves no file" ||
  bad "failed init left $tmp/m.db"
expect_error "unknown subcommand" "unknown subcommand 'frobnicate'" \
  register "$db" frobnicate
expect_error "option of another subcommand" "status does not take --crew" \
  register "$db" status --crew x

# ---- bad inspection files: one line file:line:column, nothing written --
cp "$db" "$tmp/before.db"
bad_csv() { # NAME NEEDLE LINE...: a file of the header and LINEs
  name=$1 needle=$2; shift 2
  { echo "fitting_id,date,inspector,supply_c,air_c,hottest_c,mean_c"
    for l in "$@"; do echo "$l"; done; } >"$tmp/bad.csv"
  expect_error "$name" "$needle" register "$db" import-inspections \
    "$tmp/bad.csv"
}
good=ST1-S-valve,2026-01-10,A,130,25,120,100
bad_csv "unknown fitting" "bad.csv:3:1: column fitting_id: unknown fitting 'ST1-X'" \
  "$good" "ST1-X,2026-01-10,A,130,25,120,100"
bad_csv "date in the future" "bad.csv:2:2: column date: 2999-01-01 is in the future" \
  "ST1-S-valve,2999-01-01,A,130,25,120,100"
bad_csv "not a date" "bad.csv:2:2: column date: '2026-02-30'" \
  "ST1-S-valve,2026-02-30,A,130,25,120,100"
bad_csv "below -50 C" "bad.csv:2:5: column air_c: -60 C is below -50 C" \
  "ST1-S-valve,2026-01-10,A,130,-60,120,100"
bad_csv "above the water" "bad.csv:3:6: column hottest_c: 135 C is above the water's" \
  "$good" "ST1-R-valve,2026-01-10,A,130,25,135,100"
bad_csv "mean above hottest" "bad.csv:2:7: column mean_c: 110 C is above the hottest" \
  "ST1-S-valve,2026-01-10,A,130,25,100,110"
bad_csv "not a number" "bad.csv:2:6: column hottest_c: 'hot' is not a number" \
  "ST1-S-valve,2026-01-10,A,130,25,hot,100"
bad_csv "empty required" "bad.csv:2:3: column inspector: empty" \
  "ST1-S-valve,2026-01-10,,130,25,120,100"
printf 'fitting_id,date,inspector,supply_c,air_c\nST1-S-valve,2026-01-10,A,130,25\n' \
  >"$tmp/missing.csv"
expect_error "missing column" "missing.csv:1:6: missing column 'hottest_c'" \
  register "$db" import-inspections "$tmp/missing.csv"
expect_error "no such file" "$tmp/nofile.csv" \
  register "$db" import-inspections "$tmp/nofile.csv"
status
[ "$(json_int inspections)" = 0 ] && [ "$(json_int history_rows)" = 1 ] &&
  cmp -s "$db" "$tmp/before.db" && ok "bad files wrote nothing" ||
  bad "bad files changed the register"

# ---- the loop -----------------------------------------------------------
if R import-inspections "$data/inspections.csv" --by tester >"$tmp/out" &&
   grep -q "8 inspections, 8 new findings" "$tmp/out"; then
  ok "import: 8 rows of chamber ST1, 8 findings"
else bad "import"; cat "$tmp/out"; fi
status
[ "$(json_int open)" = 8 ] && [ "$(json_int findings_open)" = 8 ] &&
  grep -q '"item": "ST1-R-bypass"' "$tmp/status" &&
  grep -q '"since": "2026-01-12"' "$tmp/status" &&
  ok "8 items open, the oldest listed" || bad "items open: $(cat "$tmp/status")"
R findings >"$tmp/out"
# the supply valve reads 20 K under the model (planted): off the model
if grep "ST1-S-valve" "$tmp/out" | grep -q "cooler than the model"; then
  ok "findings: measured against predicted"
else bad "findings"; cat "$tmp/out"; fi
if R options ST1 >"$tmp/out" && grep -q "coating ceramic-microbead" \
  "$tmp/out" && grep -q "jacket aerogel-blanket" "$tmp/out" &&
  ! grep -qiw -e nan -e inf "$tmp/out"; then ok "options of a chamber"
else bad "options"; cat "$tmp/out"; fi
expect_error "options of an unknown item" "no fitting or chamber 'ST99'" \
  register "$db" options ST99
expect_error "decide without --why" "who decided (by) and why" \
  register "$db" decide ST1 --option "coating ceramic-microbead:15" --by me
expect_error "decide a bare cover" "expected a coating or a jacket" \
  register "$db" decide ST1 --option bare --by me --why x
expect_error "decide an unknown material" "unobtainium" \
  register "$db" decide ST1 --option "coating unobtainium:5" --by me --why x
expect_error "work before a decision" "no fitting in state decided" \
  register "$db" work ST1 --date 2026-02-01 --crew c1
R decide ST1 --option "coating ceramic-microbead:15" --by "eng A" \
  --why "least 5-mm step under 50 C" >/dev/null &&
  status && [ "$(json_int decided)" = 8 ] && ok "decide a chamber" ||
  bad "decide"
expect_error "decide again" "no fitting in state clear/open/failed" \
  register "$db" decide ST1 --option "coating ceramic-microbead:8" --by me \
  --why x
expect_error "work in the future" "is in the future" \
  register "$db" work ST1 --date 2999-01-01 --crew c1
expect_error "verify before the work" "is decided: only fittings whose work is done" \
  register "$db" verify "$data/verification.csv"
R work ST1 --date 2026-02-01 --crew "crew 3" --batch CM-1 >/dev/null &&
  status && [ "$(json_int done)" = 8 ] && ok "work on a chamber" || bad "work"
# verification: 7 pass, the return valve reads 58 C (planted): failed
R verify "$data/verification.csv" --by tester >"$tmp/out"; rc=$?
status
if [ $rc -eq 1 ] && grep -q "7 verified, 1 failed" "$tmp/out" &&
   [ "$(json_int verified)" = 7 ] && [ "$(json_int failed)" = 1 ]; then
  ok "verify: 7 verified, 1 failed (exit 1)"
else bad "verify (rc $rc)"; cat "$tmp/out" "$tmp/status"; fi
saved=$(sed -n 's/.*"heat_saved_verified_gj": \([0-9.]*\).*/\1/p' "$tmp/status")
awk -v s="$saved" 'BEGIN { exit !(s > 0) }' && ok "heat saved (verified) $saved GJ" ||
  bad "heat saved $saved"
# the failed one is open again: decided anew, reworked, verified
R decide ST1-R-valve --option "coating ceramic-microbead:20" --by "eng A" \
  --why "coating damaged" >/dev/null &&
R work ST1-R-valve --date 2026-03-01 --crew "crew 1" >/dev/null &&
R verify "$data/reverify.csv" >/dev/null && status &&
  [ "$(json_int verified)" = 8 ] && [ "$(json_int findings_open)" = 0 ] &&
  ok "failed -> decided -> done -> verified: the loop is closed" ||
  bad "reopen loop: $(cat "$tmp/status")"
R history ST1-R-valve >"$tmp/out"
for step in "-> open" "open -> decided" "decided -> done" "done -> failed" \
  "failed -> decided" "done -> verified"; do
  grep -qF -- "$step" "$tmp/out" || bad "history lacks '$step'"
done
ok "history of a fitting: every step"
expect_error "history of nothing" "no history for 'XX'" register "$db" history XX

# ---- export, report -----------------------------------------------------
if R export "$tmp/exp" && [ -f "$tmp/exp/inspections.csv" ] &&
   [ "$(grep -c '' "$tmp/exp/inspections.csv")" = 18 ] &&
   [ -f "$tmp/exp/history.csv" ]; then ok "export"
else bad "export"; ls "$tmp/exp"; fi
if R report "$tmp/r.html" && grep -q "Measured against predicted" "$tmp/r.html" &&
   grep -q "ST1-R-valve" "$tmp/r.html"; then ok "report"
else bad "report"; fi
expect_error "report into a missing directory" "$tmp/no/r.html" \
  register "$db" report "$tmp/no/r.html"

# ---- another model: its covers as built, counts, its own ids ----------
m="$HL_SOURCE_DIR/tests/data/models/every_kind.yaml"
k="$tmp/k.db"
printf 'fitting_id,date,inspector,supply_c,air_c,hottest_c\nC-S-comp,2026-01-10,t,110,20,40\n' \
  >"$tmp/k.csv"
if "$HEATLINE" register "$k" init --model "$m" >/dev/null &&
   "$HEATLINE" register "$k" export "$tmp/ke" >/dev/null &&
   grep -q '^C-S-comp,.*,coated ceramic-microbead:8,' "$tmp/ke/fittings.csv" &&
   grep -q '^C-S-vent,.*,jacket aerogel-blanket:30,' "$tmp/ke/fittings.csv" &&
   "$HEATLINE" register "$k" import-inspections "$tmp/k.csv" >/dev/null &&
   "$HEATLINE" register "$k" options C >"$tmp/out" &&
   ! grep -qiw -e nan -e inf "$tmp/out"; then
  ok "a model file: covers as built, inspection, options"
else bad "a model file"; cat "$tmp/out"; fi

# ---- schema: a newer one is refused; history is append-only -----------
if command -v sqlite3 >/dev/null; then
  if sqlite3 "$db" "DELETE FROM history" 2>"$tmp/err"; then
    bad "history rows could be deleted"
  else grep -q "append-only" "$tmp/err" && ok "history append-only" ||
    bad "history delete: $(cat "$tmp/err")"; fi
  cp "$db" "$tmp/new.db"
  sqlite3 "$tmp/new.db" "PRAGMA user_version = 99"
  expect_error "newer schema refused" "schema version 99 is newer" \
    register "$tmp/new.db" status
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
