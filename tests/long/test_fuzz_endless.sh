#!/bin/sh
# test_fuzz_endless.sh - fuzz finding 08: an endless file (/dev/zero) as
# model, materials, nodes table, lab runs or weather stops at the 256 MB
# input limit with one clear line (each reads 256 MB: ctest label long).
. "$(dirname "$0")/../cli/lib.sh"
D="$HL_SOURCE_DIR/tests/data/fuzz"
M="$HL_SOURCE_DIR/tests/data/models"
for args in "run /dev/zero" "run $M/small_line.yaml --materials /dev/zero" \
    "run $D/08_nodes_devzero.yaml" "lab fit /dev/zero" \
    "season $M/small_line.yaml --weather /dev/zero"; do
    # shellcheck disable=SC2086
    expect_fail "08 $args" "/dev/zero: larger than 256 MB" $args
done

finish
