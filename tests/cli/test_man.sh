#!/bin/sh
# test_man.sh - the man pages and the bash completion the build generates
# from the help pages (cli/help, issue 15): heatline(1) and a page per
# command render without a roff warning and describe every option that
# command's --help lists; the completion offers every command, and every
# option of a command after "--".
. "$(dirname "$0")/lib.sh"
build=$(dirname "$HEATLINE")
man="$build/man"
completion="$build/completion/heatline"

[ -s "$man/heatline.1" ] || { echo "FAIL no $man/heatline.1"; exit 1; }
[ -s "$completion" ] || { echo "FAIL no $completion"; exit 1; }
commands="$("$HEATLINE" help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')"

# render: groff (groff-base) with every warning on; man -l when man-db is there
render() { # FILE -> $tmp/page.txt, warnings to $tmp/warn
    groff -man -Tutf8 -ww -b -rLL=1000n -rHY=0 -P -cbou "$1" > "$tmp/page.txt" 2> "$tmp/warn"
}
for c in "" $commands "lab fit" "lab ageing"; do
    page="$man/heatline${c:+-$(echo "$c" | tr ' ' -)}.1"
    if ! render "$page" || [ -s "$tmp/warn" ]; then
        echo "FAIL $page does not render cleanly: $(head -3 "$tmp/warn")"
        fails=$((fails + 1)); continue
    fi
    if [ -z "$c" ]; then
        for d in $commands; do
            grep -q "heatline-$d(1)" "$tmp/page.txt" ||
                { echo "FAIL heatline(1) lacks $d"; fails=$((fails + 1)); }
        done
        echo "ok   heatline(1)"
        continue
    fi
    # shellcheck disable=SC2086
    "$HEATLINE" $c --help | sed -n 's/^  \(--[a-z0-9-]*\).*/\1/p' |
        sort -u > "$tmp/opts"
    # groff -Tutf8 prints a hyphen as U+2010 or U+2212: compare in ASCII
    sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g' "$tmp/page.txt" |
        grep -o -- '--[a-z0-9-]*' | sort -u > "$tmp/shown"
    for o in $(comm -23 "$tmp/opts" "$tmp/shown"); do
        echo "FAIL $page lacks $o"; fails=$((fails + 1))
    done
    n=$(wc -l < "$tmp/opts")
    echo "ok   $page renders, $n options"
done
if command -v man > /dev/null 2>&1; then
    MANWIDTH=80 man -l "$man/heatline-run.1" > "$tmp/man.txt" 2> "$tmp/warn"
    grep -q "demand-scale" "$tmp/man.txt" ||
        { echo "FAIL man -l heatline-run.1: $(head -2 "$tmp/warn")"; fails=$((fails + 1)); }
fi

# completion: bash is needed to run it
if command -v bash > /dev/null 2>&1; then
    complete_words() { # WORDS... (the last one is being typed)
        bash -c '. "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
                 _heatline; printf "%s\n" "${COMPREPLY[@]}"' "$completion" "$@"
    }
    complete_words heatline "" > "$tmp/c"
    for c in $commands help; do
        grep -qx -- "$c" "$tmp/c" || { echo "FAIL completion lacks $c"; fails=$((fails + 1)); }
    done
    for c in $commands "lab fit" "lab ageing"; do
        # shellcheck disable=SC2086
        "$HEATLINE" $c --help | sed -n 's/^  \(--[a-z0-9-]*\).*/\1/p' |
            sort -u > "$tmp/opts"
        # shellcheck disable=SC2086
        complete_words heatline $c -- | sort -u > "$tmp/c"
        for o in $(comm -23 "$tmp/opts" "$tmp/c"); do
            echo "FAIL completion of $c lacks $o"; fails=$((fails + 1))
        done
    done
    complete_words heatline surface --shape "" > "$tmp/c"
    grep -qx sphere "$tmp/c" || { echo "FAIL --shape values not completed"; fails=$((fails + 1)); }
    complete_words heatline lab "" > "$tmp/c"
    grep -qx ageing "$tmp/c" || { echo "FAIL lab subcommands not completed"; fails=$((fails + 1)); }
    echo "ok   completion"
fi
finish
