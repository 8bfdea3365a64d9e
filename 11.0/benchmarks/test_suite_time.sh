#!/usr/bin/env bash
# The time of the whole test suite in pytest, as `make test` runs it (one
# process per core; B2B_TEST_WORKERS=1 for a single process): wall time,
# the CPU time of pytest and its worker processes (user + sys, less
# sensitive to other work on the machine) and the load average before and
# after. The addon is installed first (quick run database of B2B_TEST_DB,
# not timed).
#
#   benchmarks/test_suite_time.sh [pytest arguments]
#   B2B_TEST_WORKERS=1 benchmarks/test_suite_time.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export B2B_TEST_DB="${B2B_TEST_DB:-b2b_test}"
log="$(mktemp)"
scripts/b2b test --collect-only -q tests >/dev/null  # installs when needed
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
status=0
/usr/bin/time -v -o "$log.time" scripts/b2b suite -q "$@" >"$log" 2>&1 || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "Running the tests" "$log" | sed 's/\x1b\[[0-9;]*m//g' || true
tail -n 1 "$log"
echo "wall: $(( $(date +%s) - start )) s (with the copies of the database)"
awk -F': ' '/User time/ {u = $2} /System time/ {s = $2}
    END {printf "CPU of pytest: %.0f s (user %.0f + sys %.0f)\n", u + s, u, s}' "$log.time"
rm -f "$log" "$log.time"
exit "$status"
