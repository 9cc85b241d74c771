# lib.sh - helpers for the CLI tests (sourced). $HEATLINE is the binary.
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect_ok NAME ARGS...: exit 0, no "nan"/"inf" in stdout.
expect_ok() {
    name=$1; shift
    if "$HEATLINE" "$@" >"$tmp/out" 2>"$tmp/err"; then
        if grep -qiw -e nan -e inf "$tmp/out"; then
            echo "FAIL $name: NaN/inf in output"; fails=$((fails + 1))
        else
            echo "ok   $name"
        fi
    else
        echo "FAIL $name: exit $? ($(cat "$tmp/err"))"; fails=$((fails + 1))
    fi
}

# expect_fail NAME PATTERN ARGS...: exit 2, one line on stderr matching
# PATTERN, nothing on stdout.
expect_fail() {
    name=$1; pattern=$2; shift 2
    "$HEATLINE" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/err")
    if [ "$rc" -ne 2 ]; then
        echo "FAIL $name: exit $rc, expected 2"; fails=$((fails + 1))
    elif [ "$lines" -ne 1 ]; then
        echo "FAIL $name: $lines lines on stderr:"; cat "$tmp/err"
        fails=$((fails + 1))
    elif ! grep -q -e "$pattern" "$tmp/err"; then
        echo "FAIL $name: stderr lacks '$pattern': $(cat "$tmp/err")"
        fails=$((fails + 1))
    elif [ -s "$tmp/out" ]; then
        echo "FAIL $name: output on stdout"; fails=$((fails + 1))
    else
        echo "ok   $name: $(cat "$tmp/err")"
    fi
}

# expect_json_keys NAME KEYS... : the last expect_ok output has each key.
expect_json_keys() {
    name=$1; shift
    for key in "$@"; do
        if ! grep -q "\"$key\"" "$tmp/out"; then
            echo "FAIL $name: JSON lacks $key"; fails=$((fails + 1))
        fi
    done
}

finish() {
    [ "$fails" -eq 0 ] && { echo "all passed"; exit 0; }
    echo "$fails failed"; exit 1
}

# chromium_headless ARGS... (the page last): Chromium as the report tests
# run it: no network, no profile of the user's, the page's scripts given
# ten seconds of virtual time. Callers add --window-size and the action.
chromium_headless() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
        --virtual-time-budget=10000 "$@"
}

# render_charts PAGE LIST: PAGE's DOM after its scripts ran; LIST gets a
# line "chart-id drawn|nodata|empty" per chart placeholder (drawn: an svg
# with drawn paths inside; nodata: the report's "no data" note). Returns 1
# with the reason on stdout when Chromium fails or the console shows an
# error.
render_charts() {
    chromium_headless --window-size=1200,900 --dump-dom "file://$1" \
        > "$tmp/dom.html" 2> "$tmp/chromium.log" ||
        { echo "chromium failed: $(tail -3 "$tmp/chromium.log")"; return 1; }
    awk 'BEGIN { RS = "<div class=\"chart\"" }
         NR > 1 {
             id = $0; sub(/^[^"]*"/, "", id); sub(/".*/, "", id)
             nodata = ($0 ~ /class="nodata"/) ? "nodata" : "empty"
             drawn = ($0 ~ /<svg/ && $0 ~ /<path d="M/) ? "drawn" : nodata
             print id, drawn
         }' "$tmp/dom.html" > "$2"
    if grep -E "CONSOLE.*(Uncaught|Error|heatline report)" \
        "$tmp/chromium.log"; then
        echo "script error in the browser console ($1)"
        return 1
    fi
}
