#!/bin/sh
# test_help.sh - help that teaches (issue 15): `heatline help` and
# `heatline help COMMAND`; every option a command's parser accepts is
# described on a line of its own in its --help (the parser lists them
# with HEATLINE_LIST_OPTIONS=1), and every option with a value says its
# default or that it is required; "did you mean" for mistyped commands and
# options; an option without its value named as such; --version.
. "$(dirname "$0")/lib.sh"

expect_ok "help" help
grep -q "^  season " "$tmp/out" || { echo "FAIL help lacks season"; fails=$((fails + 1)); }
expect_ok "help run" help run
grep -q "^  --geojson FILE" "$tmp/out" ||
    { echo "FAIL help run lacks --geojson"; fails=$((fails + 1)); }
expect_ok "help lab fit" help lab fit
grep -q "^  --emissivity-step E" "$tmp/out" ||
    { echo "FAIL help lab fit lacks --emissivity-step"; fails=$((fails + 1)); }
expect_ok "--version" --version
grep -q "^heatline [0-9]" "$tmp/out" ||
    { echo "FAIL --version: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect_fail "help of an unknown command" "did you mean 'season'" help sesaon
expect_fail "mistyped command" "unknown command 'rn' (did you mean 'run'" rn
expect_fail "mistyped option" "did you mean '--demand-scale'" \
    run --demnd-scale 2
expect_fail "option without its value" "option '--csv' needs a value" run --csv
expect_fail "thickness option on surface" "belongs to heatline thickness" \
    surface --shape flat --temp 100 --max-surface-temp 50

# every command of the overview, and the subcommands of lab
commands="$("$HEATLINE" help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')"
[ "$(echo "$commands" | wc -w)" -ge 12 ] ||
    { echo "FAIL help lists only: $commands"; fails=$((fails + 1)); }
for c in $commands "lab fit" "lab ageing"; do
    # shellcheck disable=SC2086
    HEATLINE_LIST_OPTIONS=1 "$HEATLINE" $c > "$tmp/opts" 2>&1
    # shellcheck disable=SC2086
    "$HEATLINE" $c --help > "$tmp/help" 2>&1 ||
        { echo "FAIL heatline $c --help: exit $?"; fails=$((fails + 1)); }
    grep -q "^usage: heatline $c" "$tmp/help" ||
        { echo "FAIL heatline $c --help has no usage line"; fails=$((fails + 1)); }
    [ "$c" = lab ] && continue # lab's own option is --template (no parser)
    [ -s "$tmp/opts" ] || { echo "FAIL $c: no option list"; fails=$((fails + 1)); }
    for o in $(grep -v -- '^--help$' "$tmp/opts"); do
        described=0
        grep -qE -- "^ +$o( |$)" "$tmp/help" && described=1
        # surface refuses thickness's options, naming them as such
        if [ $described = 0 ] && [ "$c" = surface ] &&
            "$HEATLINE" surface "$o" 1 2>&1 | grep -q "belongs to heatline thickness"; then
            described=1
        fi
        if [ $described = 0 ]; then
            echo "FAIL heatline $c --help does not describe $o"
            fails=$((fails + 1))
        fi
    done
    # an option with a value: its text (to the next option) gives its
    # default, or says it is required
    awk '/^  --[a-z-]+ [^ ]/ { if (o != "" && t !~ /default|required/) print o;
             o = $1; t = $0; next }
         /^  --/ { if (o != "" && t !~ /default|required/) print o; o = ""; next }
         /^ +/ { t = t " " $0; next }
         { if (o != "" && t !~ /default|required/) print o; o = "" }
         END { if (o != "" && t !~ /default|required/) print o }' \
        "$tmp/help" > "$tmp/nodefault"
    for o in $(cat "$tmp/nodefault"); do
        echo "FAIL heatline $c $o: no default or 'required' in its help"
        fails=$((fails + 1))
    done
done
finish
