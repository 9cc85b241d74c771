# embed.cmake - turn a data file into a C array so the binary works alone.
# Usage: cmake -DIN=file -DOUT=file.c -DSYMBOL=name -P embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n_hex)
math(EXPR n_bytes "${n_hex} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
# bytes above 0x7f (UTF-8 text: data/lang/) do not fit a signed char
# without a cast
string(REGEX REPLACE "0x([89a-f][0-9a-f])," "(char)0x\\1," body "${body}")
file(WRITE "${OUT}.tmp"
  "/* generated from ${IN}; do not edit */\n#include <stddef.h>\n"
  "const char ${SYMBOL}[] = {\n${body}0x00};\n"
  "const size_t ${SYMBOL}_len = ${n_bytes};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
