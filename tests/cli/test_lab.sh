#!/bin/sh
# heatline lab as a user types it: templates, the bundled synthetic trial
# (and that it is its generator's output), fit -> material file ->
# heatline surface, ageing, and every bad-input path (one error line with
# file:line and column, exit 2, nothing on stdout, no partial file).
set -u
: "${HEATLINE:?}" "${HL_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
ok() { echo "ok - $1"; passes=$((passes + 1)); }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
trial="$HL_SOURCE_DIR/examples/lab/trial.csv"

# expect_error NAME NEEDLE ARGS...: exit 2, NEEDLE on stderr, empty stdout
expect_error() {
  name=$1 needle=$2; shift 2
  "$HEATLINE" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
  if [ $rc -eq 2 ] && grep -qF -- "$needle" "$tmp/err" && [ ! -s "$tmp/out" ] &&
     [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok "$name"
  else bad "$name (rc $rc)"; cat "$tmp/err"; fi
}

# ---- templates: commented, readable by the reader ---------------------
for kind in pipe plate comparison; do
  if "$HEATLINE" lab --template $kind >"$tmp/$kind.csv" &&
     grep -q '^#' "$tmp/$kind.csv"; then ok "template $kind"
  else bad "template $kind"; fi
  # one run cannot make a fit: the error names the file and the line
  expect_error "template $kind: one run is too few" "$tmp/$kind.csv: material" \
    lab fit "$tmp/$kind.csv"
done
expect_error "unknown template" "expected pipe, plate or comparison" \
  lab --template wall

# ---- the bundled example is exactly its generator's output -------------
gen="$(dirname "$HEATLINE")/gen_lab_trial"
if [ -x "$gen" ]; then
  if "$gen" | cmp -s - "$trial"; then ok "trial.csv = gen_lab_trial output"
  else bad "examples/lab/trial.csv differs from gen_lab_trial"; fi
else echo "skip - gen_lab_trial not built"; fi

# ---- fit and ageing of the example --------------------------------------
if "$HEATLINE" lab fit "$trial" >"$tmp/fit.txt" 2>"$tmp/fit.err" &&
   grep -q "material ceramic-bead-a: 6 runs" "$tmp/fit.txt" &&
   grep -q "coefficient set: iso12241" "$tmp/fit.txt"; then ok "lab fit trial"
else bad "lab fit trial"; cat "$tmp/fit.err"; fi
if "$HEATLINE" lab fit "$trial" --json >"$tmp/fit.json" &&
   grep -q '"lambda_by_coefficient_set"' "$tmp/fit.json" &&
   ! grep -qi 'nan' "$tmp/fit.json"; then ok "lab fit --json"
else bad "lab fit --json"; fi
if "$HEATLINE" lab ageing "$trial" >"$tmp/age.txt" &&
   grep -q "ranking by aged lambda" "$tmp/age.txt" &&
   grep -q "aerogel-mat-b .* FAIL" "$tmp/age.txt" &&
   grep -q "ceramic-bead-a .* pass" "$tmp/age.txt"; then ok "lab ageing trial"
else bad "lab ageing trial"; cat "$tmp/age.txt"; fi
if "$HEATLINE" lab ageing "$trial" --json --limit 20 >"$tmp/age.json" &&
   grep -q '"limit_pct": 20' "$tmp/age.json"; then ok "lab ageing --json --limit"
else bad "lab ageing --json"; fi

if "$HEATLINE" lab fit "$trial" --cycles 30 --degree 1 --material silicone-c |
   grep -q "cycles 30"; then ok "fit of the aged runs (--cycles 30)"
else bad "fit --cycles 30"; fi

# ---- end to end: lab fit -> materials file -> heatline surface ---------
if "$HEATLINE" lab fit "$trial" --material ceramic-bead-a --name lab-bead \
     --output "$tmp/mat.csv" >/dev/null &&
   head -1 "$tmp/mat.csv" | grep -q '^id,name,category,lambda_model' &&
   grep -q '^lab-bead,' "$tmp/mat.csv"; then ok "fit --name --output writes a row"
else bad "fit --name --output"; fi
if "$HEATLINE" surface --materials "$tmp/mat.csv" --shape pipe --od 114.3 \
     --temp 110 --layer lab-bead:8 --json >"$tmp/surf.json" 2>/dev/null &&
   grep -q '"heat_loss_w_per_m"' "$tmp/surf.json"; then ok "surface uses the fitted material"
else bad "surface --materials from lab fit"; fi
# the same row printed to stdout when no --output is given
if "$HEATLINE" lab fit "$trial" --material silicone-c --name lab-sil |
   grep -q '^lab-sil,lab-sil (lab fit),coating,poly'; then ok "fit --name to stdout"
else bad "fit --name to stdout"; fi
# the fitted curve gives the surface engine a loss between the bounds of
# constant lambda at the tested extremes (0.040 and 0.052 W/(m K))
lo=$("$HEATLINE" surface --shape pipe --od 114.3 --temp 110 --layer k=0.040:8 --json |
     sed -n 's/.*"heat_loss_w_per_m": \([0-9.e+-]*\).*/\1/p')
hi=$("$HEATLINE" surface --shape pipe --od 114.3 --temp 110 --layer k=0.052:8 --json |
     sed -n 's/.*"heat_loss_w_per_m": \([0-9.e+-]*\).*/\1/p')
mid=$(sed -n 's/.*"heat_loss_w_per_m": \([0-9.e+-]*\).*/\1/p' "$tmp/surf.json")
if awk -v l="$lo" -v m="$mid" -v h="$hi" 'BEGIN{exit !(l < m && m < h)}'; then
  ok "fitted coating loss $mid W/m between $lo and $hi"
else bad "fitted coating loss $mid not between $lo and $hi"; fi

# ---- bad input -----------------------------------------------------------
head="material,power_w,length_m,pipe_od_mm,thickness_mm,t_inner_c,t_outer_c"
printf '%s\nm,25,1,88.9,50,100,30\nm,30,1,88.9,50,120,35\nm,35,1,88.9,50,140,40\n' \
  "$head" >"$tmp/good.csv"
printf 'material,power_w,length_m,pipe_od_mm,thickness_mm,t_inner_c\nm,25,1,88.9,50,100\n' \
  >"$tmp/missing.csv"
expect_error "missing column" "missing.csv:1: missing column 't_outer_c'" \
  lab fit "$tmp/missing.csv"
printf '%s\nm,25,1,88.9,50,100,30\nm,25,1,88.9,50,80,80\n' "$head" >"$tmp/equal.csv"
expect_error "equal temperatures" "equal.csv:3: column t_outer_c" lab fit "$tmp/equal.csv"
printf '%s\nm,25,1,88.9,50,30,100\n' "$head" >"$tmp/rev.csv"
expect_error "reversed temperatures" "rev.csv:2: column t_outer_c" lab ageing "$tmp/rev.csv"
printf '%s\nm,-25,1,88.9,50,100,30\n' "$head" >"$tmp/neg.csv"
expect_error "negative power" "neg.csv:2: column power_w '-25': expected above 0" \
  lab fit "$tmp/neg.csv"
printf '%s\nm,25,1,88.9,0,100,30\n' "$head" >"$tmp/zero.csv"
expect_error "zero thickness" "zero.csv:2: column thickness_mm '0': expected above 0" lab fit "$tmp/zero.csv"
expect_error "too few runs for a quadratic" "needs at least 4 runs at 3 or more" \
  lab fit "$tmp/good.csv" --degree 2
expect_error "no such material" "no runs of material" lab fit "$tmp/good.csv" --material x
expect_error "no file" "nothere.csv" lab fit "$tmp/nothere.csv"
expect_error "unknown option" "unknown option" lab fit "$tmp/good.csv" --frobnicate
expect_error "--name needs one material" "--material" lab fit "$trial" --name x
# a failed fit leaves no material file behind
"$HEATLINE" lab fit "$tmp/good.csv" --degree 2 --name m --output "$tmp/none.csv" 2>/dev/null
if [ ! -e "$tmp/none.csv" ] && ! ls "$tmp" | grep -q tmp; then ok "no partial output file"
else bad "partial output file left"; fi
# the good file fits (a line through three runs)
if "$HEATLINE" lab fit "$tmp/good.csv" | grep -q "model: linear"; then ok "three runs fit a line"
else bad "three runs fit a line"; fi

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
