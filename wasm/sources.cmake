# The browser app's sources, shared by the app (wasm/CMakeLists.txt, em++) and the headless view
# tests (tests/views, g++ with ImGui's null backend). Views and widgets are globbed: a new screen is
# its files plus one row in screens.cpp.
set(KIMONET_APP_DIR ${CMAKE_SOURCE_DIR}/wasm)
file(GLOB KIMONET_APP_VIEW_SOURCES CONFIGURE_DEPENDS ${KIMONET_APP_DIR}/views/*.cpp ${KIMONET_APP_DIR}/widgets/*.cpp)
# Portable: no emscripten API (that is in platform/ and fetch_api_client.cpp).
set(KIMONET_APP_PORTABLE_SOURCES
  ${KIMONET_APP_DIR}/app.cpp ${KIMONET_APP_DIR}/app_shell.cpp ${KIMONET_APP_DIR}/routing.cpp ${KIMONET_APP_DIR}/screens.cpp
  ${KIMONET_APP_DIR}/i18n.cpp ${KIMONET_APP_DIR}/i18n_catalogue.cpp ${KIMONET_APP_DIR}/i18n_catalogue_dashboard.cpp ${KIMONET_APP_DIR}/i18n_catalogue_reports.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_print.cpp ${KIMONET_APP_DIR}/i18n_catalogue_settings.cpp ${KIMONET_APP_DIR}/i18n_catalogue_portal.cpp ${KIMONET_APP_DIR}/i18n_catalogue_customer.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_choices.cpp ${KIMONET_APP_DIR}/i18n_catalogue_keys.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_vouchers.cpp ${KIMONET_APP_DIR}/i18n_catalogue_cash.cpp ${KIMONET_APP_DIR}/i18n_catalogue_network.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_bank_transfers.cpp ${KIMONET_APP_DIR}/i18n_catalogue_radius.cpp ${KIMONET_APP_DIR}/i18n_catalogue_invoice_runs.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_credit.cpp ${KIMONET_APP_DIR}/i18n_catalogue_outages.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_bhp.cpp ${KIMONET_APP_DIR}/i18n_catalogue_promise.cpp ${KIMONET_APP_DIR}/i18n_catalogue_tax.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_tickets.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_field_jobs.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_inventory.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_email.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_wa_providers.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_field_gaps.cpp
  ${KIMONET_APP_DIR}/i18n_catalogue_whatsapp_failover.cpp
  ${KIMONET_APP_DIR}/api_client.cpp ${KIMONET_APP_DIR}/session.cpp ${KIMONET_APP_DIR}/ui_registry.cpp ${KIMONET_APP_DIR}/text_layer.cpp
  ${KIMONET_APP_DIR}/catalog.cpp ${KIMONET_APP_DIR}/frame_fingerprint.cpp
  ${KIMONET_APP_VIEW_SOURCES})
# The browser's platform layer (emscripten, GLFW, WebGL, JavaScript glue).
set(KIMONET_APP_BROWSER_SOURCES
  ${KIMONET_APP_DIR}/main.cpp ${KIMONET_APP_DIR}/fetch_api_client.cpp
  ${KIMONET_APP_DIR}/platform/display.cpp ${KIMONET_APP_DIR}/platform/input_queue.cpp
  ${KIMONET_APP_DIR}/platform/frame_pacing.cpp ${KIMONET_APP_DIR}/platform/browser_glue.cpp
  ${KIMONET_APP_DIR}/platform/qr_image.cpp ${KIMONET_APP_DIR}/platform/text_layer_bridge.cpp ${KIMONET_APP_DIR}/platform/dom_fields_bridge.cpp ${KIMONET_APP_DIR}/platform/print_page.cpp
  ${KIMONET_APP_DIR}/platform/map_tile_loader.cpp)
set(KIMONET_IMGUI_CORE_SOURCES
  ${KIMONET_IMGUI_DIR}/imgui.cpp ${KIMONET_IMGUI_DIR}/imgui_draw.cpp ${KIMONET_IMGUI_DIR}/imgui_tables.cpp
  ${KIMONET_IMGUI_DIR}/imgui_widgets.cpp ${KIMONET_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
# The headers nearly every screen includes, parsed once per tree instead of once per file (a view
# spent ~2.4 of its 3.8 s compiling in them: nlohmann::json through the API types, ImGui, the
# standard library). Third-party and standard headers only, so editing the app rebuilds no header.
set(KIMONET_APP_PRECOMPILED <nlohmann/json.hpp> <imgui.h> <algorithm> <functional> <map> <memory> <optional> <string>
  <string_view> <vector>)
