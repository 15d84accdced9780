#!/usr/bin/env bash
# Runs one libFuzzer target over its committed seed corpus with seed 1 for FUZZ_SECONDS (default 15)
# and prints libFuzzer's final figures. New inputs go to FUZZ_WORK_CORPUS (default: a temporary
# directory, removed afterwards) and never into the committed corpus; a crash, leak, UB report,
# timeout (> 10 s for one input) or out-of-memory (> 2 GB) fails the run and leaves the input in
# FUZZ_ARTIFACTS (default: the temporary directory, printed).
# Usage: run_fuzz.sh build/fuzz/bin/fuzz_<name> tests/fuzz/corpus/<name>
set -uo pipefail
binary=$1
seeds=$2
seconds=${FUZZ_SECONDS:-15}
name=$(basename "$binary")
if [ ! -x "$binary" ]; then
  echo "$name: $binary is missing; build the clang fuzz tree first: make fuzz-build" >&2
  exit 1
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kimonet-$name.XXXXXX")
work=${FUZZ_WORK_CORPUS:-$scratch/corpus}
artifacts=${FUZZ_ARTIFACTS:-$scratch/artifacts}
mkdir -p "$work" "$artifacts"
log=$scratch/log
# A dictionary next to the corpus (tests/fuzz/<name>.dict) steers mutations to boundary values.
dictionary=()
dict_file=$(dirname "$seeds")/../$(basename "$seeds").dict
[ -f "$dict_file" ] && dictionary=(-dict="$dict_file")
"$binary" "${dictionary[@]}" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$work" "$seeds" >"$log" 2>&1
status=$?
# The figures the project reports: final coverage and speed.
final=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
speed=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
echo "$name: ${seconds}s, execs=${execs:-?} execs/s=${speed:-?} | ${final:-no final line}"
if [ $status -ne 0 ]; then
  echo "$name: FAILED (exit $status); input kept in $artifacts" >&2
  tail -60 "$log" >&2
  exit $status
fi
rm -rf "$scratch"
