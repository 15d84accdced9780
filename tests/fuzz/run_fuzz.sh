#!/usr/bin/env bash
# Runs one libFuzzer target over its committed seed corpus with seed 1 for FUZZ_SECONDS (default 15)
# and prints libFuzzer's final figures. New inputs go to FUZZ_WORK_CORPUS (default: a temporary
# directory, removed afterwards) and never into the committed corpus; a crash, leak, UB report,
# timeout (> 10 s for one input) or out-of-memory (> 2 GB) fails the run and leaves the input in
# FUZZ_ARTIFACTS (default: the temporary directory, printed). A dictionary tests/fuzz/<name>.dict,
# when present, is passed with -dict.
# Usage: run_fuzz.sh build/fuzz/bin/fuzz_<name> tests/fuzz/corpus/<name>
set -uo pipefail

# All in a function: bash reads it whole before running, so editing this file mid-run is harmless.
main() {
    local binary=$1 seeds=$2
    local seconds=${FUZZ_SECONDS:-15}
    local name
    name=$(basename "$binary")
    if [ ! -x "$binary" ]; then
        echo "$name: $binary is missing; build the clang fuzz tree first: make fuzz-build" >&2
        return 1
    fi
    local scratch
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/kimonet-$name.XXXXXX")
    local work=${FUZZ_WORK_CORPUS:-$scratch/corpus} artifacts=${FUZZ_ARTIFACTS:-$scratch/artifacts}
    mkdir -p "$work" "$artifacts"
    local dictionary=() dict_file
    dict_file=$(dirname "$seeds")/../$(basename "$seeds").dict
    [ -f "$dict_file" ] && dictionary=(-dict="$dict_file")
    local log=$scratch/log status=0
    "$binary" "${dictionary[@]}" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" >"$log" 2>&1 || status=$?
    # The figures the project reports: final coverage and speed.
    local final execs speed
    final=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
    execs=$(awk '/^stat::number_of_executed_units/ {print $2}' "$log")
    speed=$(awk '/^stat::average_exec_per_sec/ {print $2}' "$log")
    echo "$name: ${seconds}s, execs=${execs:-?} execs/s=${speed:-?} | ${final:-no final line}"
    if [ "$status" -ne 0 ]; then
        echo "$name: FAILED with exit status $status; the input is in $artifacts" >&2
        tail -60 "$log" >&2
        return "$status"
    fi
    rm -rf "$scratch"
}

main "$@"
exit $?
