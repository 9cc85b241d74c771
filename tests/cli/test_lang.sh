#!/bin/sh
# test_lang.sh - Chinese output (issue 15 item 5): --lang zh and
# LANG=zh_CN.UTF-8 give the text summaries and the reports in Chinese with
# the terms heating engineers use; every text they write has its
# catalogue entry (HEATLINE_LANG_STRICT names a missing one); the numbers
# are the same as in English, the JSON is byte for byte the same; an
# unknown --lang is one line and exit 2. The rendering in Chromium (no
# missing-glyph boxes) is tests/long/test_lang_render.sh.
. "$(dirname "$0")/lib.sh"
unset LC_ALL LC_MESSAGES LANG
export HEATLINE_LANG_STRICT=1

has() { # NAME FILE TERMS...: every term in FILE
    name=$1 file=$2; shift 2
    for t in "$@"; do
        grep -q -- "$t" "$file" || { echo "FAIL $name lacks $t"; fails=$((fails + 1)); }
    done
}
strict() { # NAME: no catalogue entry missing in the last command
    if grep -q "no zh text" "$tmp/err"; then
        echo "FAIL $1: $(grep "no zh text" "$tmp/err" | head -3)"
        fails=$((fails + 1))
    fi
}

expect_ok "run --lang zh" run --lang zh --report "$tmp/run_zh.html"
strict "run --lang zh"
cp "$tmp/out" "$tmp/run_zh.txt"
has "zh run summary" "$tmp/run_zh.txt" 供水 回水 热损失 静水压线 中继泵站 隔压站 热用户
has "zh run report" "$tmp/run_zh.html" 水压图 热损失 静水压线 管网图 结论与警告 '<html lang="zh-CN">' 'WenQuanYi Zen Hei'
expect_ok "run (en)" run --report "$tmp/run_en.html"
cp "$tmp/out" "$tmp/run_en.txt"
grep -q 供水 "$tmp/run_en.txt" && { echo "FAIL en summary has Chinese"; fails=$((fails + 1)); }
# the same numbers in the same order
grep -o '[-+]\?[0-9][0-9.,e+-]*' "$tmp/run_en.txt" > "$tmp/num_en"
grep -o '[-+]\?[0-9][0-9.,e+-]*' "$tmp/run_zh.txt" > "$tmp/num_zh"
if cmp -s "$tmp/num_en" "$tmp/num_zh" && [ -s "$tmp/num_en" ]; then
    echo "ok   run: the same $(wc -l < "$tmp/num_en") numbers in en and zh"
else
    echo "FAIL run: numbers differ between en and zh"; fails=$((fails + 1))
fi

LANG=zh_CN.UTF-8 "$HEATLINE" run > "$tmp/env_zh.txt" 2> "$tmp/err"
has "LANG=zh_CN.UTF-8" "$tmp/env_zh.txt" 供水
LANG=zh_CN.UTF-8 LC_ALL=C "$HEATLINE" run > "$tmp/env_c.txt" 2> "$tmp/err"
grep -q 供水 "$tmp/env_c.txt" && { echo "FAIL LC_ALL=C not English"; fails=$((fails + 1)); }
LANG=zh_CN.UTF-8 "$HEATLINE" run --lang en > "$tmp/env_en.txt" 2> "$tmp/err"
grep -q 供水 "$tmp/env_en.txt" && { echo "FAIL --lang en over LANG=zh"; fails=$((fails + 1)); }

# JSON: keys and values as in English, byte for byte
"$HEATLINE" run --json > "$tmp/en.json" 2> /dev/null
"$HEATLINE" run --json --lang zh > "$tmp/zh.json" 2> /dev/null
cmp -s "$tmp/en.json" "$tmp/zh.json" && echo "ok   JSON the same in zh" ||
    { echo "FAIL run --json differs with --lang zh"; fails=$((fails + 1)); }

expect_ok "season --lang zh --dynamic" season --lang zh --dynamic --from 01-10 --to 01-10 \
    --report "$tmp/season_zh.html"
strict "season --lang zh"
has "zh season summary" "$tmp/out" 标准煤 方案 现状 涂层 保温罩 蓄热变化
has "zh season report" "$tmp/season_zh.html" 水压图 标准煤 热损失 静水压线 经济与排放参数

expect_fail "unknown --lang" "--lang 'fr': expected en or zh" run --lang fr
expect_fail "unknown --lang (season)" "--lang 'de': expected en or zh" \
    season --lang de
finish
