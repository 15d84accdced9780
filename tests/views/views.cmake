# Headless view tests (ctest label `views`): the browser app's views built natively with g++ on
# Dear ImGui's null backend (a context, a display size, a built font atlas; no window, no GL), a
# fake ApiClient answering JSON recorded from the server's own serialisers (shared/api to_json),
# and assertions on the widget registry the Playwright suites read. See tests/views/README.md.
set(KIMONET_IMGUI_DIR ${KIMONET_THIRD_PARTY}/imgui CACHE PATH "Dear ImGui 1.86 sources (make deps)")
include(${CMAKE_SOURCE_DIR}/wasm/fonts.cmake)
if(NOT EXISTS ${KIMONET_IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources not found in ${KIMONET_IMGUI_DIR}; run `make deps`")
endif()
include(${CMAKE_SOURCE_DIR}/wasm/sources.cmake)

add_library(kimonet_imgui_headless STATIC ${KIMONET_IMGUI_CORE_SOURCES})
target_include_directories(kimonet_imgui_headless SYSTEM PUBLIC ${KIMONET_IMGUI_DIR} ${KIMONET_IMGUI_DIR}/misc/cpp)
target_compile_definitions(kimonet_imgui_headless PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
# Built only for these tests, like the test files themselves: without optimisation (tests/CMakeLists.txt).
target_compile_options(kimonet_imgui_headless PRIVATE -w -O0)
# Dear ImGui's own files are few and large, and were not written to share one translation unit.
set_target_properties(kimonet_imgui_headless PROPERTIES UNITY_BUILD OFF)

add_library(kimonet_app_headless STATIC ${KIMONET_APP_PORTABLE_SOURCES}
  ${CMAKE_CURRENT_LIST_DIR}/headless_platform.cpp ${CMAKE_CURRENT_LIST_DIR}/fake_api_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/view_harness.cpp ${CMAKE_CURRENT_LIST_DIR}/customer_world.cpp)
target_include_directories(kimonet_app_headless PUBLIC ${KIMONET_APP_DIR} ${CMAKE_CURRENT_LIST_DIR})
target_compile_definitions(kimonet_app_headless PRIVATE KIMONET_FONT_DIR="${KIMONET_FONT_DIR}")
target_link_libraries(kimonet_app_headless PUBLIC kimonet_core kimonet_imgui_headless)
target_compile_options(kimonet_app_headless PRIVATE -O0)
set_target_properties(kimonet_app_headless PROPERTIES UNITY_BUILD OFF)  # as kimonet_app (wasm/CMakeLists.txt)
target_precompile_headers(kimonet_app_headless PRIVATE ${KIMONET_APP_PRECOMPILED})

kimonet_test_executable(test_views ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(test_views PRIVATE kimonet_app_headless)
# views.fonts reads the fonts app.data ships, subset here the way wasm/CMakeLists.txt does, and
# the full ones beside them; the paths only for that file (the other files keep their precompiled header).
kimonet_subset_fonts(kimonet_views_fonts ${CMAKE_CURRENT_BINARY_DIR}/views_fonts)
add_dependencies(test_views kimonet_views_fonts)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/test_fonts.cpp PROPERTIES SKIP_PRECOMPILE_HEADERS ON
  COMPILE_DEFINITIONS "KIMONET_SUBSET_FONT_DIR=\"${CMAKE_CURRENT_BINARY_DIR}/views_fonts\";KIMONET_FONT_DIR=\"${KIMONET_FONT_DIR}\";KIMONET_SOURCE_DIR=\"${CMAKE_SOURCE_DIR}\"")
file(GLOB KIMONET_VIEW_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.cpp)
foreach(source ${KIMONET_VIEW_TESTS})
  get_filename_component(stem ${source} NAME_WE)
  string(REGEX REPLACE "^test_" "" suite ${stem})
  set_tests_properties(views.${suite} PROPERTIES LABELS views TIMEOUT 120)
endforeach()
