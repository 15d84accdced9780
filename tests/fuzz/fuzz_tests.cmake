# ctest entries (label `fuzz`) in the g++ tree: a short bounded run of each libFuzzer target built in
# the clang tree build/fuzz (`make fuzz-build`, which `make test` runs first), over its seed corpus.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
set(KIMONET_FUZZ_BIN ${KIMONET_OUTPUT_DIR}/fuzz/bin CACHE PATH "Where the clang fuzz tree puts its targets")
# 5 s each under `make test` (after the whole seed corpus has run; ~5,000 executions of json_dto on a
# loaded machine): a check that nothing the corpus reaches crashes, not a search. `make fuzz` searches.
set(KIMONET_FUZZ_CI_SECONDS 5 CACHE STRING "Seconds each fuzz target runs under make test")
foreach(target ${KIMONET_FUZZ_TARGETS})
  add_test(NAME fuzz.${target}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzz.sh ${KIMONET_FUZZ_BIN}/fuzz_${target} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
  set_tests_properties(fuzz.${target} PROPERTIES LABELS fuzz TIMEOUT 300 COST 30
    ENVIRONMENT "FUZZ_SECONDS=${KIMONET_FUZZ_CI_SECONDS}")
endforeach()

# The same targets built by g++ with a plain main (replay_main.cpp) instead of libFuzzer, replaying
# their seed corpus (label fuzz): the targets keep compiling without clang, and every seed input is
# checked in the g++ build of the parsers too.
foreach(target ${KIMONET_FUZZ_TARGETS})
  add_executable(fuzz_replay_${target} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${target}.cpp ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp)
  target_link_libraries(fuzz_replay_${target} PRIVATE kimonet_server)
  set_target_properties(fuzz_replay_${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/fuzz)
  add_test(NAME fuzz.replay.${target} COMMAND fuzz_replay_${target} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
  set_tests_properties(fuzz.replay.${target} PROPERTIES LABELS fuzz TIMEOUT 120)
endforeach()
