#!/usr/bin/env bash
# `make bench`: runs every benchmark executable in build/bench/ (built by `make`; this script
# builds nothing) and fails if any of them reports a failed budget (non-zero exit).
#   bash scripts/bench.sh                         # all of them
#   bash scripts/bench.sh kimonet-bench --customers 20000 --samples 50   # one, with its options
set -uo pipefail
cd "$(dirname "$0")/.."
dir=build/bench
if [[ $# -gt 0 && -x $dir/$1 ]]; then
  benches=("$dir/$1"); shift
else
  mapfile -t benches < <(find "$dir" -maxdepth 1 -type f -executable 2>/dev/null | sort)
fi
if [[ ${#benches[@]} -eq 0 ]]; then
  echo "bench: no executables in $dir; build first (make, or cmake --build build/native --target kimonet-bench)" >&2
  exit 2
fi
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v cores="$(nproc)" '{ exit !($1 > cores) }' /proc/loadavg; then
  echo "== WARNING: the machine is busier than its core count; p99 figures will be inflated by scheduling noise"
fi
failed=()
for bench in "${benches[@]}"; do
  echo; echo "== $(basename "$bench")"
  "$bench" "$@" || failed+=("$(basename "$bench")")
done
echo
if [[ ${#failed[@]} -gt 0 ]]; then echo "bench: FAILED: ${failed[*]}"; exit 1; fi
echo "bench: all budgets met"
