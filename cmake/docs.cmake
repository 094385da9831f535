# Manual pages from their scdoc sources in man/ (BOUNCE_MANPAGES, on by default:
# scdoc is then required), the bash completion, and the API reference with
# gi-docgen (BOUNCE_DOCS, off by default).
option(BOUNCE_MANPAGES "Build and install the manual pages (needs scdoc)" ON)
if(BOUNCE_MANPAGES)
  find_program(SCDOC scdoc)
  if(NOT SCDOC)
    message(FATAL_ERROR "scdoc is needed for the manual pages (Debian: scdoc), or -DBOUNCE_MANPAGES=OFF")
  endif()
  set(_pages)
  foreach(page bounce.1 libbounce.3)
    string(REGEX REPLACE ".*\\." "" section ${page})
    set(_out ${CMAKE_BINARY_DIR}/man/${page})
    add_custom_command(
      OUTPUT ${_out}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      COMMAND ${SCDOC} < ${CMAKE_SOURCE_DIR}/man/${page}.scd > ${_out}
      DEPENDS ${CMAKE_SOURCE_DIR}/man/${page}.scd
      COMMENT "Writing the manual page ${page}")
    install(FILES ${_out} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
    list(APPEND _pages ${_out})
  endforeach()
  add_custom_target(bounce_man ALL DEPENDS ${_pages})
endif()

# bash completion: where bash-completion.pc puts completions, relative to its prefix
pkg_check_modules(BASH_COMPLETION QUIET bash-completion)
set(BOUNCE_INSTALL_COMPLETIONSDIR ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
if(BASH_COMPLETION_FOUND)
  pkg_get_variable(_bc_prefix bash-completion prefix)
  pkg_get_variable(_bc_dir bash-completion completionsdir)
  file(RELATIVE_PATH BOUNCE_INSTALL_COMPLETIONSDIR ${_bc_prefix} ${_bc_dir})
endif()
install(FILES ${CMAKE_SOURCE_DIR}/completion/bounce DESTINATION ${BOUNCE_INSTALL_COMPLETIONSDIR})

# The API reference: gi-docgen over Bounce-1.0.gir, warnings fatal. Target
# bounce_docs whenever gi-docgen and the introspection data are there; built by
# default and installed with BOUNCE_DOCS=ON. The gir-docs test checks that every
# public symbol has a documentation comment.
find_program(GI_DOCGEN gi-docgen)
if(BOUNCE_DOCS AND (NOT GI_DOCGEN OR NOT BOUNCE_GIR_ENABLED))
  message(FATAL_ERROR "BOUNCE_DOCS needs gi-docgen and the introspection data (g-ir-scanner)")
endif()
if(GI_DOCGEN AND BOUNCE_GIR_ENABLED)
  configure_file(${CMAKE_SOURCE_DIR}/docs/bounce.toml.in ${CMAKE_BINARY_DIR}/docs/bounce.toml @ONLY)
  set(_stamp ${CMAKE_BINARY_DIR}/docs/reference.stamp)
  add_custom_command(
    OUTPUT ${_stamp}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${CMAKE_BINARY_DIR}/docs/reference
    COMMAND ${GI_DOCGEN} generate --quiet --fatal-warnings
            --config ${CMAKE_BINARY_DIR}/docs/bounce.toml
            --content-dir ${CMAKE_SOURCE_DIR}/docs
            --output-dir ${CMAKE_BINARY_DIR}/docs/reference --no-namespace-dir
            ${BOUNCE_GIR_FILE}
    COMMAND ${CMAKE_COMMAND} -E touch ${_stamp}
    DEPENDS ${BOUNCE_GIR_FILE} ${CMAKE_SOURCE_DIR}/docs/bounce.toml.in
            ${CMAKE_SOURCE_DIR}/docs/overview.md
    COMMENT "Writing the API reference with gi-docgen"
    VERBATIM)
  if(BOUNCE_DOCS)
    add_custom_target(bounce_docs ALL DEPENDS ${_stamp})
    install(DIRECTORY ${CMAKE_BINARY_DIR}/docs/reference/
            DESTINATION ${CMAKE_INSTALL_DOCDIR}/reference)
  else()
    add_custom_target(bounce_docs DEPENDS ${_stamp})
  endif()
endif()
