# The libFuzzer targets: tests/fuzz/fuzz_<name>.cpp, seed corpus tests/fuzz/corpus/<name>/.
# The one list: `make fuzz` sources this file and tests/fuzz/targets.cmake reads it.
KIMONET_FUZZ_TARGETS=(routeros_decoder http_router json_dto gateway_callbacks csv_reader xlsx_reader whatsapp_webhooks json_top_strings)
