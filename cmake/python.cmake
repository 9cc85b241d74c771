# python.cmake - what the Python package (python/, import name heatline)
# needs from the build: the cffi declarations generated from the public
# headers (cmake/python_cdef.cmake) into BUILD/python/heatline_cdef.h,
# installed beside the data as share/heatline/heatline_cdef.h. The package
# opens libheatline.so itself (cffi ABI mode): nothing is compiled for it.
set(HL_PY_CDEF "${CMAKE_BINARY_DIR}/python/heatline_cdef.h")
file(GLOB hl_py_headers CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/include/heatline*.h")
add_custom_command(OUTPUT "${HL_PY_CDEF}"
  COMMAND ${CMAKE_COMMAND} -DCC=${CMAKE_C_COMPILER}
          -DINCLUDE=${CMAKE_SOURCE_DIR}/include
          -DBUILD_INCLUDE=${CMAKE_BINARY_DIR}/include
          -DSTUB=${CMAKE_BINARY_DIR}/python/stub -DVERSION=${PROJECT_VERSION}
          -DOUT=${HL_PY_CDEF} -P ${CMAKE_SOURCE_DIR}/cmake/python_cdef.cmake
  DEPENDS ${hl_py_headers} "${CMAKE_BINARY_DIR}/include/heatline_version.h"
          "${CMAKE_SOURCE_DIR}/cmake/python_cdef.cmake"
  COMMENT "Generating the Python package's cffi declarations")
add_custom_target(heatline_cdef ALL DEPENDS "${HL_PY_CDEF}")
install(FILES "${HL_PY_CDEF}" DESTINATION "${CMAKE_INSTALL_DATADIR}/heatline")
