# Every message an Error carries comes from the catalogue (shared/core/error_messages.hpp and
# validation_messages.hpp): Indonesian on the wire, English from the same table in the browser.
# This fails when server/ or shared/ builds an Error's message from a string literal instead:
#   1. a literal right after the code:           make_error(ErrorCode::X, "…") / Error{ErrorCode::X, std::string("…") …}
#   2. a literal handed to rate_limited:          rate_limited("…", seconds)
#   3. a sentence (two lower-case words in a row) in any literal of the statement that builds the Error:
#      make_error(ErrorCode::X, name + " tidak ditemukan"), validation_error(fields, "Periksa isian")
#   4. a literal field message:                   validation_error({{"name", "…"}}) / fields["name"] = "…"
# A detail that is not ours (a router's name, an upstream's answer, a key, "HTTP 503") goes after
# a catalogue text: messages::with_detail(messages::kX, detail).
# server/sim/ is excluded: the simulators are independent programs speaking the gateways' formats.
# Run: cmake -DSOURCE_DIR=<repo> [-DROOTS=server;shared] -P tests/structure/error_literals.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()
if(NOT ROOTS)
  set(ROOTS server shared)
endif()

set(sources "")
foreach(root ${ROOTS})
  file(GLOB_RECURSE found ${SOURCE_DIR}/${root}/*.cpp ${SOURCE_DIR}/${root}/*.hpp)
  list(APPEND sources ${found})
endforeach()
list(FILTER sources EXCLUDE REGEX "/server/sim/")
# The catalogue itself is made of literals.
list(FILTER sources EXCLUDE REGEX "/shared/core/(error_messages|validation_messages)\\.hpp$")

set(space "[ \t\r\n]*")
set(literal "\"([^\"\\\\\n]|\\\\.)*\"")
set(violations "")
foreach(source ${sources})
  file(READ ${source} content)
  if(NOT content MATCHES "ErrorCode::|rate_limited|validation_error|fields")
    continue()
  endif()
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  # A ';' inside the file would split CMake lists; statements are cut at ';' anyway.
  string(REPLACE ";" "\n<end>\n" content "${content}")
  string(REGEX MATCHALL "ErrorCode::[A-Za-z]+${space},${space}(std::string${space}\\(${space})?\"[^\n]*" first_literal "${content}")
  foreach(hit ${first_literal})
    string(SUBSTRING "${hit}" 0 100 hit)
    list(APPEND violations "${relative}: literal message: ${hit}")
  endforeach()
  string(REGEX MATCHALL "rate_limited${space}\\(${space}\"[^\n]*" limited "${content}")
  foreach(hit ${limited})
    string(SUBSTRING "${hit}" 0 100 hit)
    list(APPEND violations "${relative}: literal message: ${hit}")
  endforeach()
  string(REGEX MATCHALL "validation_error${space}\\(${space}{${space}{[^,\n]*,${space}\"[^\n]*" field_literals "${content}")
  string(REGEX MATCHALL "fields${space}\\[[^\n=]*\\]${space}=${space}\"[^\n]*" assigned "${content}")
  foreach(hit ${field_literals} ${assigned})
    string(SUBSTRING "${hit}" 0 100 hit)
    list(APPEND violations "${relative}: literal field message: ${hit}")
  endforeach()
  # Statements that build an Error: from the code to the end of the statement.
  string(REGEX MATCHALL "(ErrorCode::[A-Za-z]+${space},|validation_error${space}\\(|rate_limited${space}\\()([^<]|<[^e]|<e[^n])*" statements "${content}")
  foreach(statement ${statements})
    string(REGEX MATCHALL "${literal}" literals "${statement}")
    foreach(text ${literals})
      if(text MATCHES "[a-z][a-z]+ [a-z][a-z]+")
        list(APPEND violations "${relative}: sentence in a message: ${text}")
      endif()
    endforeach()
  endforeach()
endforeach()

list(LENGTH sources checked)
list(LENGTH violations count)
if(violations)
  list(REMOVE_DUPLICATES violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " listed)
  message(FATAL_ERROR "${count} Error messages built from string literals; use a constant from shared/core/error_messages.hpp "
                      "(messages::with_detail(messages::kX, detail) for a changing part):\n  ${listed}")
endif()
message(STATUS "error_literals: ${checked} files build every Error message from the catalogue")
