#!/bin/sh
# test_lang_render.sh - the Chinese report in headless Chromium (issue 15
# item 5): no script error (a text missing from the catalogue is one), the
# charts' titles and legends drawn in Chinese, and no missing-glyph boxes.
# The glyph check compares the screenshot of the zh report with that of
# the same report whose CJK characters are all replaced by U+E000 (a
# private-use code point no font draws: a box): with the CJK fonts of the
# set-up they differ; the same pair rendered with only the DejaVu fonts (a
# fontconfig of its own, as on a machine without CJK fonts) is identical
# pixel for pixel, which shows that the check sees boxes. HL_ARTIFACTS=DIR
# keeps the screenshot.
. "$(dirname "$0")/../cli/lib.sh"
command -v chromium > /dev/null 2>&1 || { echo "SKIP: no chromium"; exit 77; }
command -v python3 > /dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
unset LC_ALL LC_MESSAGES LANG

"$HEATLINE" run --lang zh --report "$tmp/zh.html" > /dev/null 2>&1 ||
    { echo "FAIL run --lang zh --report"; exit 1; }
python3 -c '
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(
    re.sub("[\u3000-\u9fff\uff00-\uffef]", "\ue000", s))
' "$tmp/zh.html" "$tmp/tofu.html"
printf '%s\n' '<?xml version="1.0"?>' \
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">' \
    "<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>" \
    "<cachedir>$tmp/fc-cache</cachedir></fontconfig>" > "$tmp/fonts.conf"

chrome() { # ARGS... (the page last)
    chromium_headless --window-size=1200,1600 "$@"
}

chrome --dump-dom "file://$tmp/zh.html" > "$tmp/dom.html" 2> "$tmp/log"
if grep -E "CONSOLE.*(Uncaught|Error|heatline report)" "$tmp/log"; then
    echo "FAIL script error in the zh report"; fails=$((fails + 1))
fi
for t in 水压图 里程 供水测压管水头 回水测压管水头 静水压线 热损失 管道着色; do
    grep -q "$t" "$tmp/dom.html" ||
        { echo "FAIL the rendered zh report lacks $t"; fails=$((fails + 1)); }
done

chrome --screenshot="$tmp/zh.png" "file://$tmp/zh.html" 2> /dev/null
chrome --screenshot="$tmp/tofu.png" "file://$tmp/tofu.html" 2> /dev/null
if [ -s "$tmp/zh.png" ] && ! cmp -s "$tmp/zh.png" "$tmp/tofu.png"; then
    echo "ok   zh report drawn with glyphs (screenshot differs from boxes)"
else
    echo "FAIL zh report renders as missing-glyph boxes (no CJK font? fonts-wqy-zenhei)"
    fails=$((fails + 1))
fi
FONTCONFIG_FILE="$tmp/fonts.conf" chrome --screenshot="$tmp/zh_n.png" \
    "file://$tmp/zh.html" 2> /dev/null
FONTCONFIG_FILE="$tmp/fonts.conf" chrome --screenshot="$tmp/tofu_n.png" \
    "file://$tmp/tofu.html" 2> /dev/null
if [ -s "$tmp/zh_n.png" ] && cmp -s "$tmp/zh_n.png" "$tmp/tofu_n.png"; then
    echo "ok   control: without CJK fonts the two screenshots are identical"
else
    echo "FAIL control: without CJK fonts the screenshots differ (the check cannot see boxes)"
    fails=$((fails + 1))
fi
if [ -n "${HL_ARTIFACTS:-}" ]; then
    mkdir -p "$HL_ARTIFACTS" && cp "$tmp/zh.png" "$HL_ARTIFACTS/zh_run_report.png"
fi
finish
