#!/bin/sh
# heatline pipe-loss as a user types it: the published Minenergo-278 pair
# (pipenostics m278hlund / m278hlair: 77.02 + 25.60 and 98.44 + 40.33 W/m),
# the cover/gap conventions, table output, and every class of bad input:
# exit status 2, one line on stderr naming the option, its value and what
# was expected, nothing on stdout.
set -u
: "${HEATLINE:?HEATLINE must point to the heatline binary}"
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL: $*" >&2
  fails=$((fails + 1))
}

# json_value KEY < json: the number after "KEY":
json_value() {
  awk -v k="\"$1\":" '$1 == k { v = $2; sub(/,$/, "", v); print v }'
}

# near GOT WANT REL
near() {
  awk -v g="$1" -v w="$2" -v r="$3" 'BEGIN {
    d = g / w - 1; if (d < 0) d = -d; exit !(d <= r) }'
}

m278="--carrier-od 250 --insulation-od 450 --lambda-ins 0.09
      --lambda-ins-return 0.07 --supply 110 --return 60 --ground 5"

# ---- good input ---------------------------------------------------------
# shellcheck disable=SC2086
out=$("$HEATLINE" pipe-loss --laying pair $m278 --lambda-soil 1.74 \
      --axis-depth 2 --spacing 0.55 --json) || fail "pair: exit status $?"
q1=$(echo "$out" | json_value q_supply_w_per_m)
q2=$(echo "$out" | json_value q_return_w_per_m)
r12=$(echo "$out" | json_value r_mutual_k_m_per_w)
near "$q1" 77.02 0.001 || fail "pair q supply $q1, expected 77.02"
near "$q2" 25.60 0.001 || fail "pair q return $q2, expected 25.60"
# R12 = ln(sqrt(1 + (2 z / s)^2)) / (2 pi lambda), Minenergo-278 App. 5.1
want=$(awk 'BEGIN { x = 4 / 0.55
  printf "%.15g", log(sqrt(1 + x * x)) / (2 * 3.141592653589793 * 1.74) }')
near "$r12" "$want" 1e-9 || fail "r_mutual $r12, expected $want"
for key in r_supply_k_m_per_w r_return_k_m_per_w r_insulation_supply_k_m_per_w \
           r_soil_supply_k_m_per_w; do
  echo "$out" | grep -q "\"$key\": [0-9]" || fail "JSON key $key missing"
done

# shellcheck disable=SC2086
out=$("$HEATLINE" pipe-loss --laying overhead-pair $m278 --h-out 26 --json) ||
  fail "overhead-pair: exit status $?"
near "$(echo "$out" | json_value q_supply_w_per_m)" 98.44 0.001 ||
  fail "overhead q supply"
near "$(echo "$out" | json_value q_return_w_per_m)" 40.33 0.001 ||
  fail "overhead q return"

# cover + casing radius = axis depth; gap + casing OD = centre distance
prem="--carrier-od 219.1 --insulation-od 346 --casing-od 355 --lambda-ins 0.026
      --lambda-casing 0.43 --lambda-soil 1.2 --supply 130 --return 130
      --ground 10 --json"
# shellcheck disable=SC2086
a=$("$HEATLINE" pipe-loss --laying pair $prem --cover 0.6 --gap 0.2 |
    json_value q_supply_w_per_m)
# shellcheck disable=SC2086
b=$("$HEATLINE" pipe-loss --laying pair $prem --axis-depth 0.7775 \
    --spacing 0.555 | json_value q_supply_w_per_m)
near "$a" "$b" 1e-12 || fail "cover/gap conventions: $a vs $b"
near "$a" 37.5 0.02 || fail "PREMANT 219.1/355 at 130 C: $a, expected 37.5"
# the EN 13941 surface resistance lowers the loss
# shellcheck disable=SC2086
c=$("$HEATLINE" pipe-loss --laying pair $prem --cover 0.6 --gap 0.2 \
    --surface-resistance en13941 | json_value q_supply_w_per_m)
awk -v a="$a" -v c="$c" 'BEGIN { exit !(c < a) }' || fail "R0 did not lower q"

# twin, readable table
out=$("$HEATLINE" pipe-loss --laying twin --carrier-od 114.3 \
      --insulation-od 307 --casing-od 315 --insulation pur-en253 --gap 0.025 \
      --cover 0.6 --supply 80 --return 40 --ground 10) ||
  fail "twin: exit status $?"
echo "$out" | grep -q "heat loss of the pair, W/m" || fail "twin table"
echo "$out" | grep -q "multipole method" || fail "twin method in table"
echo "$out" | grep -qiw -e nan -e inf && fail "NaN/inf in the twin table"
"$HEATLINE" pipe-loss --help | grep -q -- "--laying" || fail "--help"

# ---- bad input ----------------------------------------------------------
# bad EXPECTED-FRAGMENT ARGS...: exit 2, one stderr line with the fragment
bad() {
  frag=$1
  shift
  out=$("$HEATLINE" pipe-loss "$@" 2>"$tmp/err")
  rc=$?
  err=$(cat "$tmp/err")
  [ "$rc" -eq 2 ] || fail "exit $rc (expected 2) for: $*"
  [ -z "$out" ] || fail "stdout not empty for: $*"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
    fail "expected one stderr line for: $* -- got: $err"
  case "$err" in
    *"$frag"*) ;;
    *) fail "stderr '$err' lacks '$frag' for: $*" ;;
  esac
}

pair="--laying pair --carrier-od 219.1 --insulation-od 346 --lambda-ins 0.026
      --supply 110 --return 60 --ground 8"
# shellcheck disable=SC2086
{
  # missing required options
  bad "--laying is required" --carrier-od 100 --supply 80 --ground 5
  bad "--carrier-od is required" --laying single --insulation-od 200 \
      --lambda-ins 0.03 --supply 80 --ground 5 --cover 1
  bad "--return is required" --laying pair --carrier-od 100 \
      --insulation-od 200 --lambda-ins 0.03 --supply 80 --ground 5 --cover 1 \
      --gap 0.2
  bad "--cover or --axis-depth is required" $pair --gap 0.2
  bad "--gap or --spacing is required" $pair --cover 0.8
  bad "--lambda-ins or --insulation is required" --laying single \
      --carrier-od 100 --insulation-od 200 --supply 80 --ground 5 --cover 1
  # conflicts
  bad "--cover 0.8 and --axis-depth 1.2 conflict" $pair --cover 0.8 \
      --axis-depth 1.2 --gap 0.2
  bad "--gap 0.2 and --spacing 0.6 conflict" $pair --cover 0.8 --gap 0.2 \
      --spacing 0.6
  bad "--lambda-ins 0.026 and --insulation pur-en253 conflict" $pair \
      --insulation pur-en253 --cover 0.8 --gap 0.2
  bad "--cover given twice" $pair --cover 0.8 --cover 0.9 --gap 0.2
  # geometry
  bad "--insulation-od 200 mm: expected more than the carrier outer diameter 219.1" \
      --laying single --carrier-od 219.1 --insulation-od 200 --lambda-ins 0.03 \
      --supply 80 --ground 5 --cover 1
  bad "--casing-od 340 mm: expected more than the insulation outer diameter 346" \
      $pair --casing-od 340 --cover 0.8 --gap 0.2
  bad "--spacing 0.3 m: the pipes overlap" $pair --cover 0.8 --spacing 0.3
  bad "--gap '-0.1': expected 0 to 100 m" $pair --cover 0.8 --gap -0.1
  bad "--axis-depth 0.1 m: expected more than the outer radius 0.173" $pair \
      --axis-depth 0.1 --gap 0.2
  bad "--cover '0': expected a value > 0" $pair --cover 0 --gap 0.2
  bad "--gap 0 m: the carriers overlap or touch" --laying twin \
      --carrier-od 114.3 --insulation-od 307 --lambda-ins 0.028 --gap 0 \
      --cover 0.6 --supply 80 --return 40 --ground 10
  bad "--spacing 0.2 m: the carriers reach" --laying twin --carrier-od 114.3 \
      --insulation-od 307 --lambda-ins 0.028 --spacing 0.2 --cover 0.6 \
      --supply 80 --return 40 --ground 10
  # conductivities
  bad "--lambda-soil '-1': expected above 0" $pair --lambda-soil -1 \
      --cover 0.8 --gap 0.2
  bad "--lambda-ins '-0.03': expected above 0" --laying single \
      --carrier-od 100 --insulation-od 200 --lambda-ins -0.03 --supply 80 \
      --ground 5 --cover 1
  bad "--lambda-casing '0': expected above 0" $pair --casing-od 355 \
      --lambda-casing 0 --cover 0.8 --gap 0.2
  # not numbers, NaN, inf
  bad "--supply 'nan': expected a number" --laying single \
      --carrier-od 100 --insulation-od 200 --lambda-ins 0.03 --supply nan \
      --ground 5 --cover 1
  bad "--carrier-od 'inf': expected a number" --laying single \
      --carrier-od inf --insulation-od 200 --lambda-ins 0.03 --supply 80 \
      --ground 5 --cover 1
  bad "--spacing 'abc': expected a number" $pair --cover 0.8 \
      --spacing abc
  bad "--supply '12x': expected a number" --laying single \
      --carrier-od 100 --insulation-od 200 --lambda-ins 0.03 --supply 12x \
      --ground 5 --cover 1
  bad "--ground '-300': expected -100 to 200 C" \
      --laying single --carrier-od 100 --insulation-od 200 --lambda-ins 0.03 \
      --supply 80 --ground -300 --cover 1
  # names and options that do not apply
  bad "--laying 'tunnel': expected single, pair" --laying tunnel \
      --carrier-od 100 --insulation-od 200 --lambda-ins 0.03 --supply 80 \
      --ground 5
  bad "--insulation 'pur': unknown material (closest:" --laying single \
      --carrier-od 100 --insulation-od 200 --insulation pur --supply 80 \
      --ground 5 --cover 1
  bad "--h-out applies to the overhead and duct layings" $pair --cover 0.8 \
      --gap 0.2 --h-out 20
  bad "--gap applies to the pair and twin layings" --laying single \
      --carrier-od 100 --insulation-od 200 --lambda-ins 0.03 --supply 80 \
      --ground 5 --cover 1 --gap 0.2
  bad "--return applies to two-pipe layings" --laying single \
      --carrier-od 100 --insulation-od 200 --lambda-ins 0.03 --supply 80 \
      --return 50 --ground 5 --cover 1
  bad "unknown option '--colour'" $pair --cover 0.8 --gap 0.2 \
      --colour red
  bad "--twin-order '20': expected a whole number 1..14" --laying twin \
      --carrier-od 114.3 --insulation-od 307 --lambda-ins 0.028 --gap 0.025 \
      --cover 0.6 --supply 80 --return 40 --ground 10 --twin-order 20
}

[ "$fails" -eq 0 ] || { echo "$fails failure(s)" >&2; exit 1; }
echo "pipe-loss CLI: all checks passed"
