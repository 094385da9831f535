# glib-mkenums writes the GTypes of the enums of bounce.h (src/lib/enums.c.in); run
# at configure time, and again whenever the header or the template changes.
find_program(GLIB_MKENUMS glib-mkenums REQUIRED)
set(BOUNCE_ENUM_SOURCE ${CMAKE_BINARY_DIR}/src/lib/enums.c)
set(_enum_inputs ${CMAKE_SOURCE_DIR}/include/bounce/bounce.h ${CMAKE_SOURCE_DIR}/src/lib/enums.c.in)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_enum_inputs})
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/src/lib)
execute_process(
  COMMAND ${GLIB_MKENUMS} --template ${CMAKE_SOURCE_DIR}/src/lib/enums.c.in
          ${CMAKE_SOURCE_DIR}/include/bounce/bounce.h
  OUTPUT_FILE ${BOUNCE_ENUM_SOURCE}.new
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "glib-mkenums failed on bounce.h")
endif()
# rewritten only when it changes, so that a reconfigure does not rebuild the library
file(COPY_FILE ${BOUNCE_ENUM_SOURCE}.new ${BOUNCE_ENUM_SOURCE} ONLY_IF_DIFFERENT)
file(REMOVE ${BOUNCE_ENUM_SOURCE}.new)
