"""Odoo's own test suites, run on a database, and compared between two runs.

Usage:
  odoo_tests.py run <odoo.conf> <database> <out.json> <module,module...>
      Run every test (at_install, then post_install) of the modules on the
      database as it is, with every installed addon loaded, and write each
      test's outcome (pass, fail, error, skip) to out.json.
  odoo_tests.py compare <without.json> <with.json> [<known.txt>]
      Print the outcomes per module and the tests whose outcome differs;
      exit 1 if one differs that is not listed in known.txt (one test id a
      line: Odoo tests that contradict a rule of the addon, see README).
  odoo_tests.py own <odoo.log>
      The addon's own tests as Odoo's runner reported them in its log
      (``-i b2b_sales_delivery --test-enable``): exit 1 if one failed or none
      ran.

Run ``run`` with Odoo's Python (the project's .venv); ``compare`` and
``own`` need only the standard library.
"""
import json
import re
import sys
import threading
import time
import unittest
from collections import Counter, defaultdict


class RecordingResult(unittest.TestResult):
    """Each test's outcome by its id."""

    def __init__(self):
        super().__init__()
        self.outcomes = {}

    @staticmethod
    def _id(test):
        # a failing setUpClass comes as an _ErrorHolder with a description
        return test.id() if hasattr(test, "_testMethodName") else str(test)

    def addSuccess(self, test):
        super().addSuccess(test)
        self.outcomes[self._id(test)] = "pass"

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.outcomes[self._id(test)] = "fail"
        self.detail(test, err)

    def addError(self, test, err):
        super().addError(test, err)
        self.outcomes[self._id(test)] = "error"
        self.detail(test, err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.outcomes[self._id(test)] = "skip"

    def detail(self, test, err):
        print("  %s\n%s" % (self._id(test), self._exc_info_to_string(err, test)),
              file=sys.stderr)


def run(conf, database, out, modules):
    import odoo
    from odoo.modules import module as odoo_module
    from odoo.tests import common as test_common

    odoo.tools.config.parse_config(["-c", conf, "-d", database, "--test-enable"])
    test_common.PORT = odoo.tools.config["http_port"]
    outcomes = {}
    started = time.time()
    with odoo.api.Environment.manage():
        odoo.registry(database)
        # HttpCase tests talk to this process's own server
        server = odoo.service.server.ThreadedServer(
            odoo.service.wsgi_server.application)
        server.http_spawn()
        threading.currentThread().testing = True
        for name in modules:
            odoo_module.current_test = name
            for position in (odoo_module.runs_at_install,
                             odoo_module.runs_post_install):
                for mod in odoo_module.get_test_modules(name):
                    tests = odoo_module.unwrap_suite(
                        unittest.TestLoader().loadTestsFromModule(mod))
                    suite = unittest.TestSuite(t for t in tests if position(t))
                    if not suite.countTestCases():
                        continue
                    result = RecordingResult()
                    suite.run(result)
                    for test_id, outcome in result.outcomes.items():
                        outcomes["%s|%s" % (name, test_id)] = outcome
            print("%s: %s" % (name, dict(Counter(
                v for k, v in outcomes.items() if k.startswith(name + "|")))))
        threading.currentThread().testing = False
    with open(out, "w") as handle:
        json.dump(outcomes, handle, indent=1, sort_keys=True)
    print("%d tests in %.0f s" % (len(outcomes), time.time() - started))
    return 0


def compare(without_path, with_path, known_path=None):
    with open(without_path) as handle:
        without = json.load(handle)
    with open(with_path) as handle:
        with_addon = json.load(handle)
    known = set()
    if known_path:
        with open(known_path) as handle:
            known = {line.split("#")[0].strip() for line in handle} - {""}
    per_module = defaultdict(lambda: (Counter(), Counter()))
    for key, outcome in without.items():
        per_module[key.split("|")[0]][0][outcome] += 1
    for key, outcome in with_addon.items():
        per_module[key.split("|")[0]][1][outcome] += 1
    print("%-16s %-36s %-36s" % ("module", "without the addon", "with the addon"))
    for module, (before, after) in sorted(per_module.items()):
        print("%-16s %-36s %-36s" % (
            module, dict(sorted(before.items())), dict(sorted(after.items()))))
    differ = sorted(
        key for key in set(without) | set(with_addon)
        if without.get(key, "missing") != with_addon.get(key, "missing")
    )
    unexpected = []
    for key in differ:
        test_id = key.split("|", 1)[1]
        listed = test_id in known
        print("%s %s: %s without, %s with the addon" % (
            "known" if listed else "DIFFERS", test_id,
            without.get(key, "missing"), with_addon.get(key, "missing")))
        if not listed:
            unexpected.append(key)
    print("%d tests, %d differ, %d not listed as known" % (
        len(set(without) | set(with_addon)), len(differ), len(unexpected)))
    return 1 if unexpected else 0


def own(log_path, addon="b2b_sales_delivery"):
    started = re.compile(r"odoo\.addons\.%s\.tests\.\w+: (test\w*) \(" % addon)
    failed = re.compile(r"odoo\.addons\.%s\.tests\.\w+: (FAIL|ERROR): (\S+ \(\S+\))"
                        % addon)
    count, failures = 0, []
    with open(log_path, errors="replace") as handle:
        for line in handle:
            if started.search(line):
                count += 1
            match = failed.search(line)
            if match:
                failures.append("%s %s" % match.groups())
    for failure in failures:
        print(failure)
    print("%s's own tests under Odoo's runner: %d run, %d failed" % (
        addon, count, len(failures)))
    return 1 if failures or not count else 0


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "run":
        sys.exit(run(args[0], args[1], args[2], args[3].split(",")))
    if command == "compare":
        sys.exit(compare(*args))
    if command == "own":
        sys.exit(own(*args))
    sys.exit(__doc__)
