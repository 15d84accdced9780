#!/usr/bin/env bash
# Prints the slowest tests of the last ctest run (from ctest's own output, given on stdin), so a
# change that makes `make test` slower is seen where it happens. Then repeats ctest's summary line,
# so the run's closing line is still the runner's verdict.
set -euo pipefail
log=$(cat)
echo
echo "Slowest tests:"
grep -E 'Test +#[0-9]+: ' <<<"$log" | sed -E 's/.*Test +#[0-9]+: ([^ ]+) .* ([0-9.]+) sec$/\2 \1/' | sort -rn | head -"${1:-10}" |
  awk '{ printf "  %8.1f s  %s\n", $1, $2 }'
grep -E 'tests passed, [0-9]+ tests failed out of' <<<"$log" | tail -1 || true
