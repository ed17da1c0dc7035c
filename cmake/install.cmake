# Installing easyread like any Debian tool: the program in bin/, its data in
# share/easyread/, a man page for each command, bash completion, and a .deb.

# Packaging installs what is built; it need not build the tests first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
install(TARGETS easyread RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The web server's program: `easyread serve` starts it from here.
install(TARGETS easyread_serve RUNTIME DESTINATION ${EASYREAD_SERVER_DIR})
install(DIRECTORY templates symbols wordlists fonts web DESTINATION ${EASYREAD_DATA_DIR})
install(PROGRAMS tools/pdf-check DESTINATION ${EASYREAD_DATA_DIR}/tools)
# The OpenMoji pictures, when set-up has fetched them (never committed).
install(DIRECTORY third_party/openmoji DESTINATION ${EASYREAD_DATA_DIR}/third_party OPTIONAL)
install(FILES LICENSE README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Bash completion, made by the program from its own option tables.
set(EASYREAD_COMPLETION "${PROJECT_BINARY_DIR}/completion/easyread")
add_custom_command(OUTPUT "${EASYREAD_COMPLETION}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/completion"
  COMMAND ${CMAKE_COMMAND} -E env EASYREAD_HOME=${PROJECT_SOURCE_DIR}
          $<TARGET_FILE:easyread> --bash-completion > "${EASYREAD_COMPLETION}"
  DEPENDS easyread
  COMMENT "Making the bash completion for easyread")
add_custom_target(easyread_completion ALL DEPENDS "${EASYREAD_COMPLETION}")
install(FILES "${EASYREAD_COMPLETION}" DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# Man pages, made by Debian's help2man from each command's --help. help2man
# runs one program per page, so each command gets a small wrapper script.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_commands "" build check new symbols pdf-check serve)
  set(man_names
    "make Easy Read documents and check writing"
    "make an Easy Read PDF from your notes"
    "find hard words and long sentences"
    "write notes for you to fill in"
    "find pictures for your words"
    "check that a PDF works with screen readers"
    "use easyread as a web page in your browser")
  set(man_pages)
  foreach(command name IN ZIP_LISTS man_commands man_names)
    set(page "easyread")
    if(command)
      set(page "easyread-${command}")
    endif()
    set(wrapper "${PROJECT_BINARY_DIR}/man/bin/${page}")
    file(GENERATE OUTPUT "${wrapper}"
      CONTENT "#!/bin/sh\nexec \"$<TARGET_FILE:easyread>\" ${command} \"$@\"\n"
      FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/man/${page}.1"
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
              --version-string=${PROJECT_VERSION} --name=${name}
              --output=${PROJECT_BINARY_DIR}/man/${page}.1 ${wrapper}
      DEPENDS easyread
      COMMENT "Making the man page ${page}.1")
    list(APPEND man_pages "${PROJECT_BINARY_DIR}/man/${page}.1")
  endforeach()
  add_custom_target(easyread_man ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "easyread: help2man is not installed, so no man pages (scripts/setup.sh installs it)")
endif()

# `cpack -G DEB` in the build folder makes easyread_VERSION_ARCH.deb. The
# libraries it needs are found by dpkg-shlibdeps from the two programs, so
# they are Debian's own package names; ICU and pugixml are linked in unless
# EASYREAD_STATIC_LIBS is off.
set(CPACK_PACKAGE_NAME easyread)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "easyread maintainers <easyread@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "makes Easy Read documents and checks writing for plain language")
set(CPACK_PACKAGE_DESCRIPTION "easyread turns meeting notes written in a small XML format into Easy Read\nPDFs: a picture beside short sentences, big text, hard words explained.\nIt also checks any letter, leaflet or report for jargon and long sentences.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# Depends: these, and what dpkg-shlibdeps finds the program needs (see
# cmake/deb-depends.cmake.in, which cpack reads when it makes the package).
set(EASYREAD_DEB_DEPENDS "fonts-sil-andika")
set(EASYREAD_PROGRAMS "$<TARGET_FILE:easyread>" "$<TARGET_FILE:easyread_serve>")
configure_file(cmake/deb-depends.cmake.in "${PROJECT_BINARY_DIR}/deb-depends.cmake.in" @ONLY)
file(GENERATE OUTPUT "${PROJECT_BINARY_DIR}/deb-depends.cmake" INPUT "${PROJECT_BINARY_DIR}/deb-depends.cmake.in")
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/deb-depends.cmake")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3, qpdf")
set(CPACK_GENERATOR DEB)
include(CPack)
