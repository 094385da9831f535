# GObject Introspection: Bounce-1.0.gir from the annotated bounce.h, compiled into
# Bounce-1.0.typelib, both installed where gobject-introspection-1.0.pc says
# (relative to its prefix). BOUNCE_INTROSPECTION: auto (built when g-ir-scanner,
# g-ir-compiler and GMime's GIR are found, not under the sanitizers), ON or OFF.
set(BOUNCE_INTROSPECTION auto CACHE STRING "Build Bounce-1.0.gir and .typelib: auto, ON or OFF")
set(BOUNCE_GIR_NAMESPACE Bounce)
set(BOUNCE_GIR_VERSION 1.0)

find_program(G_IR_SCANNER g-ir-scanner)
find_program(G_IR_COMPILER g-ir-compiler)
pkg_check_modules(GI QUIET gobject-introspection-1.0)
if(GI_FOUND)
  pkg_get_variable(GI_PREFIX gobject-introspection-1.0 prefix)
  pkg_get_variable(GI_GIRDIR gobject-introspection-1.0 girdir)
  pkg_get_variable(GI_TYPELIBDIR gobject-introspection-1.0 typelibdir)
endif()
set(_gi_missing)
foreach(v G_IR_SCANNER G_IR_COMPILER)
  if(NOT ${v})
    list(APPEND _gi_missing ${v})
  endif()
endforeach()
if(NOT GI_FOUND)
  list(APPEND _gi_missing gobject-introspection-1.0.pc)
elseif(NOT EXISTS ${GI_GIRDIR}/GMime-3.0.gir)
  list(APPEND _gi_missing GMime-3.0.gir)
endif()

set(BOUNCE_GIR_ENABLED OFF)
if(BOUNCE_INTROSPECTION STREQUAL "auto")
  if(NOT _gi_missing AND NOT BOUNCE_SANITIZE)
    set(BOUNCE_GIR_ENABLED ON)
  elseif(_gi_missing)
    message(STATUS "Introspection data not built: missing ${_gi_missing}")
  endif()
elseif(BOUNCE_INTROSPECTION)
  if(_gi_missing)
    message(FATAL_ERROR "BOUNCE_INTROSPECTION is on but these are missing: ${_gi_missing}")
  endif()
  set(BOUNCE_GIR_ENABLED ON)
endif()

if(BOUNCE_GIR_ENABLED)
  set(_gir ${CMAKE_BINARY_DIR}/${BOUNCE_GIR_NAMESPACE}-${BOUNCE_GIR_VERSION}.gir)
  set(_typelib ${CMAKE_BINARY_DIR}/${BOUNCE_GIR_NAMESPACE}-${BOUNCE_GIR_VERSION}.typelib)
  # The scanner's own compiler runs are plain (no -Werror: its generated dumper is
  # not ours); its warnings about our annotations are errors with BOUNCE_WERROR.
  set(_warn_error)
  if(BOUNCE_WERROR)
    set(_warn_error --warn-error)
  endif()
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/gir)
  add_custom_command(
    OUTPUT ${_gir}
    COMMAND ${CMAKE_COMMAND} -E env CC=${CMAKE_C_COMPILER}
            ${G_IR_SCANNER} --quiet --warn-all ${_warn_error}
            --namespace=${BOUNCE_GIR_NAMESPACE} --nsversion=${BOUNCE_GIR_VERSION}
            --identifier-prefix=Bounce --symbol-prefix=bounce
            --include=GObject-2.0 --include=GMime-3.0
            --pkg=gobject-2.0 --pkg=gmime-3.0 --pkg-export=bounce
            --c-include=bounce/bounce.h
            -I${CMAKE_SOURCE_DIR}/include
            --library=bounce --library-path=$<TARGET_FILE_DIR:bounce>
            --sources-top-dirs=${CMAKE_SOURCE_DIR}
            --output=${_gir}
            ${CMAKE_SOURCE_DIR}/include/bounce/bounce.h
    DEPENDS bounce ${CMAKE_SOURCE_DIR}/include/bounce/bounce.h
    # not the build directory: the scanner would take the command there, named
    # "bounce", for the library
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR}/gir
    COMMENT "Generating ${BOUNCE_GIR_NAMESPACE}-${BOUNCE_GIR_VERSION}.gir"
    VERBATIM)
  add_custom_command(
    OUTPUT ${_typelib}
    COMMAND ${G_IR_COMPILER} --output=${_typelib} ${_gir}
    DEPENDS ${_gir}
    COMMENT "Compiling ${BOUNCE_GIR_NAMESPACE}-${BOUNCE_GIR_VERSION}.typelib"
    VERBATIM)
  add_custom_target(bounce_gir ALL DEPENDS ${_gir} ${_typelib})

  # installed below the install prefix, where the introspection package's own
  # prefix puts its directories
  file(RELATIVE_PATH BOUNCE_INSTALL_GIRDIR ${GI_PREFIX} ${GI_GIRDIR})
  file(RELATIVE_PATH BOUNCE_INSTALL_TYPELIBDIR ${GI_PREFIX} ${GI_TYPELIBDIR})
  install(FILES ${_gir} DESTINATION ${BOUNCE_INSTALL_GIRDIR})
  install(FILES ${_typelib} DESTINATION ${BOUNCE_INSTALL_TYPELIBDIR})
  set(BOUNCE_GIR_FILE ${_gir})
  set(BOUNCE_TYPELIB_DIR ${CMAKE_BINARY_DIR})
endif()
