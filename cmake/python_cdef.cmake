# python_cdef.cmake - the declarations the Python package hands to cffi,
# generated from the public headers (never copied by hand): the C
# preprocessor runs on include/heatline.h with no predefined macros and no
# system headers (an empty stddef.h stands in for the real one; cffi knows
# size_t), so HL_API and the __attribute__ clauses vanish, the status list
# expands into its enum and array sizes become numbers.
#
#   cmake -DCC=... -DINCLUDE=... -DBUILD_INCLUDE=... -DSTUB=... -DVERSION=...
#         -DOUT=... -P python_cdef.cmake
file(MAKE_DIRECTORY "${STUB}")
file(WRITE "${STUB}/stddef.h" "/* stands in for <stddef.h> */\n")
execute_process(
  COMMAND "${CC}" -E -P -undef -nostdinc -I "${STUB}" -I "${INCLUDE}"
          -I "${BUILD_INCLUDE}" "${INCLUDE}/heatline.h"
  OUTPUT_VARIABLE decls RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "preprocessing heatline.h for cffi failed: ${err}")
endif()
file(WRITE "${OUT}.tmp"
  "/* heatline ${VERSION}: cffi declarations generated from include/heatline.h\n"
  " * by cmake/python_cdef.cmake; do not edit. */\n${decls}")
file(RENAME "${OUT}.tmp" "${OUT}")
