# install.cmake - what `cmake --install build --prefix DIR` puts where:
#   bin/heatline                      the command (finds lib/ by RPATH $ORIGIN)
#   lib/libheatline.so.MAJOR, .a      the library (HL_BUILD_SHARED/STATIC)
#   include/heatline*.h               every public header, version included
#   lib/pkgconfig/heatline.pc         pkg-config, relocatable (${pcfiledir})
#   lib/cmake/heatline/               find_package(heatline): heatline::heatline
#   share/heatline/                   data/ and the report's ECharts
#   share/man/man1/heatline*.1        man pages (from cli/help)
#   share/bash-completion/completions/heatline   bash completion (same)
include(CMakePackageConfigHelpers)

set(hl_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/heatline")
set(hl_pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
set(hl_data_dest "${CMAKE_INSTALL_DATADIR}/heatline")

if(HL_BUILD_SHARED)
  file(RELATIVE_PATH hl_lib_from_bin "${CMAKE_INSTALL_FULL_BINDIR}"
       "${CMAKE_INSTALL_FULL_LIBDIR}")
  set_target_properties(heatline_cli PROPERTIES
    INSTALL_RPATH "$ORIGIN/${hl_lib_from_bin}")
  install(TARGETS heatline EXPORT heatlineTargets
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}")
endif()
if(HL_BUILD_STATIC)
  install(TARGETS heatline_static EXPORT heatlineTargets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
endif()
install(TARGETS heatline_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${HL_MAN_DIR}/" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
        FILES_MATCHING PATTERN "*.1")
install(FILES "${HL_COMPLETION}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")

file(GLOB hl_public_headers CONFIGURE_DEPENDS
     "${CMAKE_SOURCE_DIR}/include/heatline*.h")
install(FILES ${hl_public_headers}
              "${CMAKE_BINARY_DIR}/include/heatline_version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(DIRECTORY data/ DESTINATION "${hl_data_dest}")
set(hl_echarts "${CMAKE_SOURCE_DIR}/report/node_modules/echarts")
install(FILES "${hl_echarts}/dist/echarts.min.js" "${hl_echarts}/LICENSE"
              "${hl_echarts}/NOTICE"
        DESTINATION "${hl_data_dest}/report" OPTIONAL)

# pkg-config: the prefix is found from the .pc file's own place, so a tree
# installed with --prefix anywhere (or moved) is described correctly.
file(RELATIVE_PATH hl_prefix_from_pc "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
     "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" hl_prefix_from_pc "${hl_prefix_from_pc}")
configure_file(cmake/heatline.pc.in "${CMAKE_BINARY_DIR}/heatline.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/heatline.pc" DESTINATION "${hl_pc_dir}")

# CMake package: find_package(heatline) gives heatline::heatline (the shared
# library when installed, else the static one) and heatline::heatline_static.
install(EXPORT heatlineTargets NAMESPACE heatline::
        DESTINATION "${hl_cmake_dir}")
configure_package_config_file(cmake/heatlineConfig.cmake.in
  "${CMAKE_BINARY_DIR}/heatlineConfig.cmake"
  INSTALL_DESTINATION "${hl_cmake_dir}")
write_basic_package_version_file("${CMAKE_BINARY_DIR}/heatlineConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES "${CMAKE_BINARY_DIR}/heatlineConfig.cmake"
              "${CMAKE_BINARY_DIR}/heatlineConfigVersion.cmake"
        DESTINATION "${hl_cmake_dir}")
