# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's own test suites, with and without the addon: each test's outcome
from Odoo's log, and the two sets compared (``scripts/b2b odoo-tests
compare``).

Usage:
  odoo_suites.py parse <odoo.log> <out.txt> [<header line>...]
      Each test Odoo's runner started (``--test-enable --test-tags
      /crm,/sale,...`` at --log-level=info), with its outcome (pass, fail,
      error, skip), one ``<outcome> <test id>`` a line, sorted; the header
      lines are written first as ``# ...`` comments, after ``# complete:
      yes|no`` (whether Odoo's run reached its end). Exit 1 when the log
      holds no test or the run did not reach its end.
  odoo_suites.py header <outcomes.txt> <key>
      The value of the ``# key: value`` header line (empty when none).
  odoo_suites.py compare <without.txt> <with.txt>
      The outcomes per module on both sides, then every test that passes
      without the addon and fails, errs or does not run with it: exit 1,
      naming them. Other differences (a test skipped on one side, a test
      failing without the addon already) are printed, not failed.

Only the standard library: it runs with any Python 3.
"""

import re
import sys
from collections import Counter, defaultdict

# 2026-12-07 10:00:00,123 4242 INFO db odoo.addons.crm.tests.test_lead: Starting TestLead.test_x ...
LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): "
    r"(?P<message>.*)$"
)
STARTING = re.compile(r"^Starting (?P<test>\S+) \.\.\.$")
FAILED = re.compile(r"^(?P<flavour>FAIL|ERROR): (?:Subtest )?(?P<test>\S+)")
SKIPPED = re.compile(r"^skipped (?:Subtest )?(?P<test>\S+) : ")
# a failing or skipped setUpClass: "setUpClass (odoo.addons.crm.tests.test_x.TestX)"
CLASS_LEVEL = re.compile(r"^(?:FAIL: |ERROR: |skipped )(?P<what>setUpClass|tearDownClass|"
                         r"setUpModule|tearDownModule) \((?P<where>[\w.]+)\)")
RANK = {"pass": 0, "skip": 1, "fail": 2, "error": 3}


def test_id(logger, test):
    """``crm.tests.test_lead.TestLead.test_x`` from the test module's logger
    and Odoo's description of the test (``TestLead.test_x``)."""
    module = logger[len("odoo.addons."):] if logger.startswith("odoo.addons.") else logger
    return "%s.%s" % (module, test)


# Odoo's last line of a test run: "1234 post-tests in 567.89s, 1234 queries"
FINISHED = re.compile(r"\d+ post-tests in [\d.]+s")


def parse(log_path):
    """Each test's outcome, and whether the run went to its end."""
    outcomes, finished = {}, False

    def record(key, outcome):
        # a test keeps its worst outcome (subtests, errors in tearDown)
        if RANK[outcome] >= RANK.get(outcomes.get(key), -1):
            outcomes[key] = outcome

    with open(log_path, errors="replace") as handle:
        for line in handle:
            match = LINE.match(line.rstrip())
            if not match:
                continue
            logger, message = match["logger"], match["message"]
            if FINISHED.match(message):
                finished = True
            level = CLASS_LEVEL.match(message)
            if level:
                where = level["where"]
                where = where[len("odoo.addons."):] if where.startswith("odoo.addons.") else where
                record("%s.%s" % (where, level["what"]),
                       "skip" if message.startswith("skipped") else "error")
                continue
            found = STARTING.match(message)
            if found:
                outcomes.setdefault(test_id(logger, found["test"]), "pass")
                continue
            found = FAILED.match(message)
            if found and match["level"] in ("ERROR", "CRITICAL"):
                record(test_id(logger, found["test"]),
                       "fail" if found["flavour"] == "FAIL" else "error")
                continue
            found = SKIPPED.match(message)
            if found:
                record(test_id(logger, found["test"]), "skip")
    return outcomes, finished


def write(outcomes, out_path, headers):
    with open(out_path, "w") as handle:
        for header in headers:
            handle.write("# %s\n" % header)
        for key in sorted(outcomes):
            handle.write("%s %s\n" % (outcomes[key], key))


def read(path):
    outcomes, headers = {}, {}
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("#"):
                key, _sep, value = line[1:].partition(":")
                headers[key.strip()] = value.strip()
            elif line:
                outcome, key = line.split(" ", 1)
                outcomes[key] = outcome
    return outcomes, headers


def module_of(key):
    return key.split(".", 1)[0]


def compare(without_path, with_path):
    without, _headers = read(without_path)
    with_addon, _headers = read(with_path)
    per_module = defaultdict(lambda: (Counter(), Counter()))
    for key, outcome in without.items():
        per_module[module_of(key)][0][outcome] += 1
    for key, outcome in with_addon.items():
        per_module[module_of(key)][1][outcome] += 1
    print("%-14s %-40s %-40s" % ("module", "without the addon", "with the addon"))
    for module, (before, after) in sorted(per_module.items()):
        print("%-14s %-40s %-40s" % (
            module, dict(sorted(before.items())), dict(sorted(after.items()))))
    broken, other = [], []
    for key in sorted(set(without) | set(with_addon)):
        before, after = without.get(key, "missing"), with_addon.get(key, "missing")
        if before == after:
            continue
        if before == "pass" and after in ("fail", "error", "missing"):
            broken.append((key, after))
        else:
            other.append((key, before, after))
    for key, before, after in other:
        print("differs (not a failure): %s: %s without, %s with the addon" % (key, before, after))
    for key, after in broken:
        if after == "missing":
            # its class's set-up failed: the tests of the class never start
            class_setup = key.rsplit(".", 1)[0] + ".setUpClass"
            after = ("does not run (setUpClass: %s)" % with_addon[class_setup]
                     if class_setup in with_addon else "does not run")
        print("BROKEN BY THE ADDON: %s: passes without, %s with the addon" % (key, after))
    print("%d tests without the addon, %d with it; %d broken by the addon, %d other differences"
          % (len(without), len(with_addon), len(broken), len(other)))
    return 1 if broken else 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "parse":
        outcomes, finished = parse(argv[1])
        write(outcomes, argv[2], ["complete: %s" % ("yes" if finished else "no"), *argv[3:]])
        counts = Counter(outcomes.values())
        print("%d tests in %s%s: %s" % (
            len(outcomes), argv[1], "" if finished else " (the run did not reach its end)",
            dict(sorted(counts.items()))))
        return 0 if outcomes and finished else 1
    if len(argv) == 3 and argv[0] == "header":
        print(read(argv[1])[1].get(argv[2], ""))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(argv[1], argv[2])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
