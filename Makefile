# Kimonet Billing — a thin front over CMake. `make run` and `make test` are the two commands.
SHELL := /bin/bash
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
PORT ?= 8080
DB ?= data/kimonet.db
export NODE_PATH := /usr/share/nodejs

.PHONY: all deps native wasm build fuzz-build fuzz sanitize-build run test test-fast bench clean landing-zip

all: build

deps: build/.deps-ok
build/.deps-ok: scripts/deps.sh $(wildcard tests/*/package.json)
	@bash scripts/deps.sh

native: deps
	@cmake -S . -B build/native -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > build/native-configure.log || (cat build/native-configure.log; exit 1)
	@cmake --build build/native -j $(JOBS)

wasm: deps
	@emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel > build/wasm-configure.log 2>&1 || (cat build/wasm-configure.log; exit 1)
	@cmake --build build/wasm -j $(JOBS)

build: native wasm

# The libFuzzer targets (tests/fuzz/) in their own clang tree: shared/ and the server's parsers only,
# built with -fsanitize=fuzzer-no-link,address,undefined. `make test` runs each briefly (ctest label
# fuzz); `make fuzz` runs each for FUZZ_SECONDS, growing build/fuzz/corpus/<target>.
FUZZ_SECONDS ?= 300
fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S . -B build/fuzz -DKIMONET_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > build/fuzz-configure.log || (cat build/fuzz-configure.log; exit 1)
	@cmake --build build/fuzz -j $(JOBS)

fuzz: fuzz-build
	@source tests/fuzz/targets.sh; status=0; for target in "$${KIMONET_FUZZ_TARGETS[@]}"; do \
	  mkdir -p build/fuzz/corpus/$$target build/fuzz/artifacts/$$target; \
	  FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_WORK_CORPUS=build/fuzz/corpus/$$target FUZZ_ARTIFACTS=build/fuzz/artifacts/$$target \
	    bash tests/fuzz/run_fuzz.sh build/fuzz/bin/fuzz_$$target tests/fuzz/corpus/$$target || status=1; \
	done; exit $$status

# The sanitizer tree (build/asan, clang): the product and the three native test executables under
# AddressSanitizer + UndefinedBehaviorSanitizer, at -O1 with line tables only (a quicker build than
# RelWithDebInfo, and enough for symbolised reports). Only what the suites need is built (the three
# test executables, and `kimonet` itself, which billing.invoice_crash kills mid-run); ccache is
# used when installed. `make test` runs every suite of those three from it, on SQLite (asan.*) and on
# PostgreSQL (postgresql.*); the g++ tree builds them only on request (tests/CMakeLists.txt).
SANITIZE_LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
sanitize-build: deps
	@CC=clang CXX=clang++ cmake -S . -B build/asan -DKIMONET_SANITIZE=ON -DCMAKE_BUILD_TYPE=Sanitize \
	  -DKIMONET_OUTPUT_DIR=$(CURDIR)/build/asan/output $(SANITIZE_LAUNCHER) > build/asan-configure.log || (cat build/asan-configure.log; exit 1)
	@cmake --build build/asan -j $(JOBS) --target test_shared test_server test_security kimonet

run: build
	@bash scripts/run.sh --port $(PORT) --db $(DB)

test: build fuzz-build sanitize-build
	@cd build/native && set -o pipefail && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS) | tee ../ctest.log; \
	  status=$$?; bash ../../scripts/slowest_tests.sh 10 < ../ctest.log; exit $$status

bench: build
	@bash scripts/bench.sh

landing-zip:
	@rm -f landing_page.zip && cd landing_page && zip -qr ../landing_page.zip . -x 'README.md' && echo "landing_page.zip"

clean:
	rm -rf build/native build/wasm build/bin build/web build/fuzz build/asan
