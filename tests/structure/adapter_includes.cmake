# Services receive their adapters from the ports wired in App (server/app/ports.hpp); they never
# build one. This fails when a file of server/ or shared/ outside the adapters' own folders
# (server/routeros, server/gateways, server/whatsapp, server/radius) and outside server/app/ports.cpp, the one
# place the concrete adapters are named:
#   1. includes an adapter's header: anything in routeros/ (the RouterOS API client and its
#      RouterControl), gateways/<name>_gateway.hpp or gateway_http.hpp (the port is
#      gateways/payment_gateway.hpp), whatsapp/<name>_messenger.hpp or http_client.hpp
#      (the port is whatsapp/messenger.hpp);
#   2. calls an adapter factory: routeros::router_control(…), make_payment_gateway(…),
#      make_messenger(…), messenger_from_settings(…), make_<flip|midtrans|duitku>_gateway(…),
#      make_<mpwa|fonnte|gowa>_messenger(…), routeros::hotspot_control(…) (vouchers), radius::send_coa(…)
#      (RADIUS CoA / Disconnect). Ask context.ports / app.ports() instead.
# server/sim/ is excluded: the simulators are the outside world, not the product.
# Run: cmake -DSOURCE_DIR=<repo> [-DROOTS=server;shared] -P tests/structure/adapter_includes.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()
if(NOT ROOTS)
  set(ROOTS server shared)
endif()

set(sources "")
foreach(root ${ROOTS})
  file(GLOB_RECURSE found ${SOURCE_DIR}/${root}/*.cpp ${SOURCE_DIR}/${root}/*.hpp ${SOURCE_DIR}/${root}/*.h)
  list(APPEND sources ${found})
endforeach()
list(FILTER sources EXCLUDE REGEX "/server/(sim|routeros|gateways|whatsapp|radius)/")
list(FILTER sources EXCLUDE REGEX "/server/app/ports\\.cpp$")

set(adapter_header "#[ \t]*include[ \t]*[\"<](routeros/[^\">]*|gateways/gateway_http\\.hpp|gateways/[a-z_]*_gateway\\.hpp|whatsapp/http_client\\.hpp|whatsapp/[a-z_]*_messenger\\.hpp)[\">]")
set(port_header "gateways/payment_gateway\\.hpp")
set(adapter_factory "(routeros::router_control|routeros::hotspot_control|radius::send_coa|make_payment_gateway|make_messenger|messenger_from_settings|make_(flip|midtrans|duitku)_gateway|make_(mpwa|fonnte|gowa)_messenger)[ \t]*\\(")

set(violations "")
foreach(source ${sources})
  file(READ ${source} content)
  if(NOT content MATCHES "routeros/|_gateway|gateway_http|http_client|_messenger|router_control|make_messenger|messenger_from_settings|hotspot_control|send_coa")
    continue()
  endif()
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  # One list element per line: ';' and brackets would split or join CMake list elements.
  string(REPLACE ";" "," content "${content}")
  string(REPLACE "[" "(" content "${content}")
  string(REPLACE "]" ")" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    string(REGEX REPLACE "^[ \t]*//.*$" "" code "${line}")  # a comment may name them
    if(code MATCHES "${adapter_header}")
      set(header "${CMAKE_MATCH_1}")
      if(NOT header MATCHES "^${port_header}$")
        list(APPEND violations "${relative}:${number}: includes the adapter header ${header}")
      endif()
    endif()
    string(REGEX MATCHALL "${adapter_factory}" calls "${code}")
    foreach(call ${calls})
      string(REGEX REPLACE "[ \t]*\\($" "" call "${call}")
      list(APPEND violations "${relative}:${number}: builds an adapter with ${call}(…)")
    endforeach()
  endforeach()
endforeach()

list(LENGTH sources checked)
if(violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " listed)
  message(FATAL_ERROR "${count} adapters named outside server/app/ports.cpp; take the port from context.ports or app.ports() "
                      "(server/app/ports.hpp):\n  ${listed}")
endif()
message(STATUS "adapter_includes: ${checked} files reach routers, hotspots, NASes, payment gateways and WhatsApp only through the ports")
