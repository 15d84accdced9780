# ctest entries (label `fuzz`) in the g++ tree: a short bounded run of each libFuzzer target built in
# the clang tree build/fuzz (`make fuzz-build`, which `make test` runs first), over its seed corpus.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
set(KIMONET_FUZZ_BIN ${KIMONET_OUTPUT_DIR}/fuzz/bin CACHE PATH "Where the clang fuzz tree puts its targets")
set(KIMONET_FUZZ_CI_SECONDS 15 CACHE STRING "Seconds each fuzz target runs under make test")
foreach(target ${KIMONET_FUZZ_TARGETS})
  add_test(NAME fuzz.${target}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzz.sh ${KIMONET_FUZZ_BIN}/fuzz_${target} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
  set_tests_properties(fuzz.${target} PROPERTIES LABELS fuzz TIMEOUT 300
    ENVIRONMENT "FUZZ_SECONDS=${KIMONET_FUZZ_CI_SECONDS}")
endforeach()
