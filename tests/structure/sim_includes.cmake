# The simulators must not agree with the product by construction: nothing in server/sim/ may
# include the product's own code (its signature, HTTP, JSON-field, RouterOS codec, crypto or
# CLI helpers), or a wrong formula would pass on both sides. Allowed: server/sim/ itself, the
# standard library and third-party libraries (<…> includes that are not product folders), and
# the two plain value types the simulators' public headers hand to tests and benches.
# Run: cmake -DSOURCE_DIR=<repo> -P tests/structure/sim_includes.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()

set(allowed_product_headers
  "core/result.hpp"   # Result<T>/ErrorCode returned by start() in the public interface
  "core/money.hpp"    # Money (int64 rupiah) in SimTransaction and pay(id, amount)
)

# Every top-level folder of the product's sources: an include starting with one of them is the product's.
set(product_folders "")
foreach(root server shared)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${SOURCE_DIR}/${root} ${SOURCE_DIR}/${root}/*)
  foreach(child ${children})
    if(IS_DIRECTORY ${SOURCE_DIR}/${root}/${child} AND NOT child STREQUAL "sim")
      list(APPEND product_folders ${child})
    endif()
  endforeach()
endforeach()

file(GLOB_RECURSE sources ${SOURCE_DIR}/server/sim/*.hpp ${SOURCE_DIR}/server/sim/*.cpp ${SOURCE_DIR}/server/sim/*.h ${SOURCE_DIR}/server/sim/*.cc)
set(violations "")
foreach(source ${sources})
  file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include")
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  foreach(line ${lines})
    if(line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
      set(header ${CMAKE_MATCH_1})
      if(header MATCHES "^sim/" OR header IN_LIST allowed_product_headers)
        continue()
      endif()
      # A quoted include that is not a simulator file: the product's, or a relative path that escapes sim/.
      list(APPEND violations "${relative}: #include \"${header}\"")
    elseif(line MATCHES "#[ \t]*include[ \t]*<([^>/]+)/")
      if(CMAKE_MATCH_1 IN_LIST product_folders)
        list(APPEND violations "${relative}: #include <${CMAKE_MATCH_1}/…> is the product's own code")
      endif()
    endif()
  endforeach()
endforeach()

list(LENGTH sources checked)
if(violations)
  list(JOIN violations "\n  " listed)
  message(FATAL_ERROR "server/sim/ includes product code (write it from the published format instead):\n  ${listed}")
endif()
message(STATUS "sim_includes: ${checked} simulator files include only sim/, standard and third-party headers")
