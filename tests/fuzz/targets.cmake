# The libFuzzer targets, read from targets.sh (the one list, also used by `make fuzz`):
# tests/fuzz/fuzz_<name>.cpp with its seed corpus in tests/fuzz/corpus/<name>/.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/targets.sh)
file(READ ${CMAKE_CURRENT_LIST_DIR}/targets.sh _kimonet_fuzz_list)
string(REGEX MATCH "KIMONET_FUZZ_TARGETS=\\(([^)]*)\\)" _kimonet_fuzz_match "${_kimonet_fuzz_list}")
separate_arguments(KIMONET_FUZZ_TARGETS UNIX_COMMAND "${CMAKE_MATCH_1}")
