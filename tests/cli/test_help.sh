#!/bin/sh
# test_help.sh - help that teaches (issue 15): `heatline help` and
# `heatline help COMMAND`; every option a command's parser accepts is
# described on a line of its own in its --help (the parser lists them
# with HEATLINE_LIST_OPTIONS=1), except those still in help_todo.txt;
# "did you mean" for mistyped commands and options; an option without its
# value named as such.
. "$(dirname "$0")/lib.sh"
todo="$(dirname "$0")/help_todo.txt"

expect_ok "help" help
grep -q "^  season " "$tmp/out" || { echo "FAIL help lacks season"; fails=$((fails + 1)); }
expect_ok "help run" help run
grep -q "^  --geojson FILE" "$tmp/out" ||
    { echo "FAIL help run lacks --geojson"; fails=$((fails + 1)); }
expect_fail "help of an unknown command" "did you mean 'season'" help sesaon
expect_fail "mistyped command" "unknown command 'rn' (did you mean 'run'" rn
expect_fail "mistyped option" "did you mean '--demand-scale'" \
    run --demnd-scale 2
expect_fail "option without its value" "option '--csv' needs a value" run --csv
expect_fail "thickness option on surface" "belongs to heatline thickness" \
    surface --shape flat --temp 100 --max-surface-temp 50

for c in run surface thickness materials "lab fit" "lab ageing" pipe-loss \
    season fitting water; do
    # shellcheck disable=SC2086
    HEATLINE_LIST_OPTIONS=1 "$HEATLINE" $c > "$tmp/opts" 2>&1
    # shellcheck disable=SC2086
    "$HEATLINE" $c --help > "$tmp/help" 2>&1
    [ -s "$tmp/opts" ] || { echo "FAIL $c: no option list"; fails=$((fails + 1)); }
    for o in $(grep -v -- '^--help$' "$tmp/opts"); do
        described=0
        grep -qE -- "^ +$o( |$)" "$tmp/help" && described=1
        # surface refuses the thickness targets (they are thickness's)
        [ "$c" = surface ] && case $o in --vary | --max-*) described=1 ;; esac
        listed=0
        grep -qx -- "$c $o" "$todo" && listed=1
        if [ $described = 0 ] && [ $listed = 0 ]; then
            echo "FAIL heatline $c --help does not describe $o"
            fails=$((fails + 1))
        elif [ $described = 1 ] && [ $listed = 1 ]; then
            echo "FAIL $c $o is described now: remove it from help_todo.txt"
            fails=$((fails + 1))
        fi
    done
done
echo "options still to describe: $(grep -vc '^#' "$todo")"
finish
