# The catalogue of rule and message ids (src/base/messages.tsv) is compiled
# into the program: the ids are part of the code that reports them, so they
# must match the program's version, and --list-rules must work with no data
# folder. From it we make two files: the text itself, and the checker's rule
# enum (rules in catalogue order), so the enum is never a second list.
set(EASYREAD_CATALOGUE "${PROJECT_SOURCE_DIR}/src/base/messages.tsv")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${EASYREAD_CATALOGUE}")
set(EASYREAD_GENERATED "${PROJECT_BINARY_DIR}/generated")

file(READ "${EASYREAD_CATALOGUE}" EASYREAD_CATALOGUE_TEXT)
if(EASYREAD_CATALOGUE_TEXT MATCHES "\\)tsv\"")
  message(FATAL_ERROR "src/base/messages.tsv may not hold the characters )tsv\"")
endif()
file(CONFIGURE OUTPUT "${EASYREAD_GENERATED}/base/messages_tsv.inc"
  CONTENT "// Made by cmake/catalogue.cmake from src/base/messages.tsv. Do not edit.\nR\"tsv(@EASYREAD_CATALOGUE_TEXT@)tsv\"\n"
  @ONLY)

file(STRINGS "${EASYREAD_CATALOGUE}" catalogue_lines)
set(EASYREAD_RULE_ENUM "")
foreach(line IN LISTS catalogue_lines)
  if(line MATCHES "^([a-z0-9-]+)\trule\t")
    string(REPLACE "-" "_" name "${CMAKE_MATCH_1}")
    string(APPEND EASYREAD_RULE_ENUM "${name}, ")
  endif()
endforeach()
file(CONFIGURE OUTPUT "${EASYREAD_GENERATED}/base/rule_enum.inc"
  CONTENT "// Made by cmake/catalogue.cmake from src/base/messages.tsv. Do not edit.\n@EASYREAD_RULE_ENUM@\n"
  @ONLY)
