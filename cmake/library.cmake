# library.cmake - libheatline, built once and packaged three ways:
#
#   heatline_objects  every source compiled once: position-independent,
#                     -fvisibility=hidden (only HL_API functions are
#                     default-visible), link-time optimised in Release.
#   heatline          libheatline.so.MAJOR (HL_BUILD_SHARED): exports the
#                     hl_* functions of include/ and nothing else; the
#                     command-line tool links it.
#   heatline_static   libheatline.a (HL_BUILD_STATIC): the objects linked
#                     into one relocatable object whose hidden symbols are
#                     then made local (objcopy --localize-hidden), so a host
#                     program sees the same hl_* names as from the .so and
#                     none of the internal ones (copy_text, parse_double ...).
#   heatline_private  the same relocatable object before localisation, for
#                     the tests, which call internal functions and wrap
#                     malloc (test_oom); never installed.
#
# The relocatable object is linked once, with link-time optimisation in
# Release, so tests and the static archive share one optimised build and no
# test executable repeats an LTO link of the whole library.

if(DEFINED BUILD_SHARED_LIBS)
  set(hl_shared_default ${BUILD_SHARED_LIBS})
else()
  set(hl_shared_default ON)
endif()
option(HL_BUILD_SHARED "Build the shared library libheatline.so"
       ${hl_shared_default})
option(HL_BUILD_STATIC "Build the static library libheatline.a" ON)

include(GNUInstallDirs)
find_program(HL_OBJCOPY NAMES objcopy REQUIRED)

# The version header, from the one version in project().
configure_file(cmake/heatline_version.h.in
               "${CMAKE_BINARY_DIR}/include/heatline_version.h" @ONLY)

# Where the installed data is, seen from the installed lib/ and bin/
# (src/util/data_dir.c finds it relative to the library at run time).
file(RELATIVE_PATH hl_data_from_libdir "${CMAKE_INSTALL_FULL_LIBDIR}"
     "${CMAKE_INSTALL_FULL_DATADIR}/heatline")
file(RELATIVE_PATH hl_data_from_bindir "${CMAKE_INSTALL_FULL_BINDIR}"
     "${CMAKE_INSTALL_FULL_DATADIR}/heatline")

# What every form of the library needs to compile against and link with
# (a static user needs the same libraries: Libs.private in heatline.pc).
add_library(heatline_deps INTERFACE)
target_include_directories(heatline_deps INTERFACE
  "${CMAKE_SOURCE_DIR}/include" "${CMAKE_BINARY_DIR}/include")
target_link_libraries(heatline_deps INTERFACE PkgConfig::YAML
  PkgConfig::JANSSON PkgConfig::YAJL PkgConfig::LAPACKE PkgConfig::SQLITE3 ${CSV_LIB} ${CHOLMOD_LIB} ${LDL_LIB} ${M_LIB}
  Threads::Threads ${CMAKE_DL_LIBS})

file(GLOB_RECURSE HL_LIB_SOURCES CONFIGURE_DEPENDS src/*.c)
add_library(heatline_objects OBJECT ${HL_LIB_SOURCES} ${HL_EMBED_SOURCES}
            "${CMAKE_BINARY_DIR}/embed/embedded_index.c")
set_target_properties(heatline_objects PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  C_VISIBILITY_PRESET hidden
  INTERPROCEDURAL_OPTIMIZATION_RELEASE ${HL_IPO})
target_include_directories(heatline_objects PRIVATE src ${CSV_INCLUDE}
  ${CHOLMOD_INCLUDE})
# The library's own calls to its public functions (hl_model_count,
# hl_fitting_info_at, hl_outer_coefficients ...) stay direct and inlinable
# in the shared library: no program may interpose them (without this, -fPIC
# code calls them through the PLT, and the solves cost more).
include(CheckCCompilerFlag)
check_c_compiler_flag(-fno-semantic-interposition HL_HAVE_NO_INTERPOSITION)
if(HL_HAVE_NO_INTERPOSITION)
  target_compile_options(heatline_objects PRIVATE -fno-semantic-interposition)
endif()
target_compile_definitions(heatline_objects PRIVATE
  HL_DATA_DIR="${CMAKE_INSTALL_FULL_DATADIR}/heatline"
  HL_DATA_FROM_LIBDIR="${hl_data_from_libdir}"
  HL_DATA_FROM_BINDIR="${hl_data_from_bindir}"
  HL_SOURCE_DATA_DIR="${CMAKE_SOURCE_DIR}"
  HL_BUILD_DIR="${CMAKE_BINARY_DIR}")
target_link_libraries(heatline_objects PUBLIC heatline_deps)

# ---- one relocatable object: heatline_all.o (all symbols) and heatline.o
# (hidden symbols made local) ----------------------------------------------
set(hl_all_o "${CMAKE_BINARY_DIR}/lib/heatline_all.o")
set(hl_local_o "${CMAKE_BINARY_DIR}/lib/heatline.o")
set(hl_r_flags -r -nostdlib)
if(HL_IPO AND CMAKE_BUILD_TYPE STREQUAL "Release")
  # LTO code generation at the incremental link, as CMake links an IPO
  # target: the compile flags, then the LTO options.
  separate_arguments(hl_cfg_flags UNIX_COMMAND
    "${CMAKE_C_FLAGS} ${CMAKE_C_FLAGS_RELEASE}")
  list(APPEND hl_r_flags ${hl_cfg_flags} -flto=auto -fno-fat-lto-objects
       -flinker-output=nolto-rel)
endif()
add_custom_command(OUTPUT "${hl_all_o}" "${hl_local_o}"
  COMMAND "${CMAKE_C_COMPILER}" ${hl_r_flags} -o "${hl_all_o}"
          "$<TARGET_OBJECTS:heatline_objects>"
  COMMAND "${HL_OBJCOPY}" --localize-hidden "${hl_all_o}" "${hl_local_o}"
  DEPENDS heatline_objects "$<TARGET_OBJECTS:heatline_objects>"
  COMMAND_EXPAND_LISTS VERBATIM
  COMMENT "Linking the relocatable library object (heatline_all.o, heatline.o)")
add_custom_target(heatline_relocatable DEPENDS "${hl_all_o}" "${hl_local_o}")
set_source_files_properties("${hl_all_o}" "${hl_local_o}" PROPERTIES
  GENERATED TRUE EXTERNAL_OBJECT TRUE)

add_library(heatline_private STATIC "${hl_all_o}")
add_dependencies(heatline_private heatline_relocatable)
set_target_properties(heatline_private PROPERTIES LINKER_LANGUAGE C
  ARCHIVE_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/lib/private")
target_link_libraries(heatline_private PUBLIC heatline_deps)

if(HL_BUILD_STATIC)
  add_library(heatline_static STATIC "${hl_local_o}")
  add_dependencies(heatline_static heatline_relocatable)
  set_target_properties(heatline_static PROPERTIES LINKER_LANGUAGE C
    OUTPUT_NAME heatline EXPORT_NAME heatline_static)
  target_include_directories(heatline_static INTERFACE
    "$<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>"
    "$<BUILD_INTERFACE:${CMAKE_BINARY_DIR}/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  # By name, so the installed package config needs no build paths.
  target_link_libraries(heatline_static INTERFACE yaml jansson yajl lapacke sqlite3 csv
    cholmod ldl m Threads::Threads ${CMAKE_DL_LIBS})
endif()

if(HL_BUILD_SHARED)
  add_library(heatline SHARED $<TARGET_OBJECTS:heatline_objects>)
  target_link_libraries(heatline PRIVATE heatline_deps)
  set_target_properties(heatline PROPERTIES
    VERSION ${PROJECT_VERSION}
    SOVERSION ${PROJECT_VERSION_MAJOR}
    C_VISIBILITY_PRESET hidden
    INTERPROCEDURAL_OPTIMIZATION_RELEASE ${HL_IPO}
    LINK_DEPENDS "${CMAKE_SOURCE_DIR}/cmake/heatline.map")
  target_include_directories(heatline INTERFACE
    "$<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>"
    "$<BUILD_INTERFACE:${CMAKE_BINARY_DIR}/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  # Only hl_* can leave the library, whatever else a dependency or the
  # toolchain would export; no undefined symbol may remain.
  # (Not under clang's sanitizers: clang leaves their runtime to the
  # executable, so an instrumented shared library has undefined hooks.)
  target_link_options(heatline PRIVATE
    "LINKER:--version-script=${CMAKE_SOURCE_DIR}/cmake/heatline.map")
  if(NOT (CMAKE_C_COMPILER_ID MATCHES "Clang" AND
          (HL_FUZZ OR HL_SANITIZE OR HL_SANITIZE_THREAD)))
    target_link_options(heatline PRIVATE "LINKER:--no-undefined")
  endif()
elseif(HL_BUILD_STATIC)
  add_library(heatline ALIAS heatline_static)
else()
  message(FATAL_ERROR "HL_BUILD_SHARED and HL_BUILD_STATIC are both OFF")
endif()
