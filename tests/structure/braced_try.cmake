# No TRY inside a braced initialiser in server/: `json_ok({{"data", TRY(...)}})` returns from the
# middle of building the initializer list when TRY fails, which skips the destructors of the
# elements already built, so every error answer leaked them (LeakSanitizer found it three times).
# Use json_data(result) (server/http/response.hpp) or a named variable first.
# Reported: a `{"key", TRY(` pair, and a TRY on the same line after `({{`.
# Run: cmake -DSOURCE_DIR=<repo> [-DROOTS=server] -P tests/structure/braced_try.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()
if(NOT ROOTS)
  set(ROOTS server)
endif()

set(sources "")
foreach(root ${ROOTS})
  file(GLOB_RECURSE found ${SOURCE_DIR}/${root}/*.cpp ${SOURCE_DIR}/${root}/*.hpp)
  list(APPEND sources ${found})
endforeach()
set(violations "")
foreach(source ${sources})
  file(READ ${source} content)
  if(NOT content MATCHES "TRY\\(")
    continue()
  endif()
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  # A ';' would split CMake lists: lines are cut at newlines only, ';' shown as ','.
  string(REPLACE ";" "," content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*//")
      continue()
    endif()
    if(line MATCHES "{\"[A-Za-z0-9_]+\",[ \t]*TRY\\(" OR line MATCHES "\\({{[^;]*TRY\\(")
      string(STRIP "${line}" shown)
      list(APPEND violations "${relative}: TRY inside a braced initialiser: ${shown}")
    endif()
  endforeach()
endforeach()

list(LENGTH violations count)
if(count GREATER 0)
  string(REPLACE ";" "\n  " listed "${violations}")
  message(FATAL_ERROR "${count} TRY inside braced initialisers (use json_data or a named variable):\n  ${listed}")
endif()
message(STATUS "braced_try: no TRY inside a braced initialiser")
