# The libFuzzer targets: tests/fuzz/fuzz_<name>.cpp with its seed corpus in tests/fuzz/corpus/<name>/.
set(KIMONET_FUZZ_TARGETS
  routeros_decoder
  http_router
  json_dto
  gateway_callbacks
  csv_reader
  xlsx_reader
  whatsapp_webhooks)
