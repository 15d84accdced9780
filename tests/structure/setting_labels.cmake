# Every setting the server defines (server/services/settings.cpp) has an Indonesian label and help
# text in the web app's catalogue (wasm/i18n_catalogue*.cpp: "setting.<key>", "setting_help.<key>").
# Without them the settings screen shows the raw key and the server's English description.
# Run: cmake -DSOURCE_DIR=<repo> -P tests/structure/setting_labels.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()

file(READ ${SOURCE_DIR}/server/services/settings.cpp definitions)
# A definition opens its line: {"key", default, secret, "description"} (the default a string or an
# expression such as billing::kDefaultPpnRules.data()).
string(REGEX MATCHALL "\n[ \t]*{\"[a-z0-9_]+\", [\"a-z]" opened "${definitions}")
file(GLOB catalogues ${SOURCE_DIR}/wasm/i18n_catalogue*.cpp)
set(catalogue "")
foreach(file ${catalogues})
  file(READ ${file} content)
  string(APPEND catalogue "${content}")
endforeach()

set(keys "")
set(violations "")
foreach(line ${opened})
  string(REGEX REPLACE "^\n[ \t]*{\"([a-z0-9_]+)\".*" "\\1" key "${line}")
  list(APPEND keys ${key})
  foreach(prefix setting setting_help)
    string(FIND "${catalogue}" "\"${prefix}.${key}\"" found)
    if(found EQUAL -1)
      list(APPEND violations "${key}: no \"${prefix}.${key}\" in wasm/i18n_catalogue*.cpp")
    endif()
  endforeach()
endforeach()

list(LENGTH keys checked)
if(checked EQUAL 0)
  message(FATAL_ERROR "setting_labels: no setting definitions found in server/services/settings.cpp")
endif()
if(violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " listed)
  message(FATAL_ERROR "${count} settings without a label or help on the settings screen:\n  ${listed}")
endif()
message(STATUS "setting_labels: all ${checked} settings have a label and help")
