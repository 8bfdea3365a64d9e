#!/usr/bin/env bash
# The time of the whole test suite in pytest, as the README's "Running
# tests" counts it: wall time, the CPU time of the pytest process (user +
# sys, less sensitive to other work on the machine) and the load average
# before and after. The addon is installed first (quick run database of
# B2B_TEST_DB, not timed).
#
#   benchmarks/test_suite_time.sh [pytest arguments]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export B2B_TEST_DB="${B2B_TEST_DB:-b2b_test}"
log="$(mktemp)"
scripts/b2b test --collect-only -q tests >/dev/null  # installs when needed
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
export ODOO_PRELOAD_ADDONS=no PGTZ=UTC PGOPTIONS="-c client_min_messages=warning"
status=0
(cd "$ROOT/.local/addons/b2b_sales_delivery" && /usr/bin/time -v -o "$log.time" \
    "$ROOT/.venv/bin/pytest" -p no:cacheprovider --odoo-config="$ROOT/.local/test.conf" \
    --odoo-database="${B2B_TEST_DB}_quick" --odoo-log-level=warn -q \
    "$ROOT/.local/addons/b2b_sales_delivery/tests" "$@" >"$log" 2>&1) || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
tail -n 1 "$log"
echo "wall: $(( $(date +%s) - start )) s"
awk -F': ' '/User time/ {u = $2} /System time/ {s = $2}
    END {printf "CPU of pytest: %.0f s (user %.0f + sys %.0f)\n", u + s, u, s}' "$log.time"
rm -f "$log" "$log.time"
exit "$status"
