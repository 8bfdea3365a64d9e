"""Every 11.0 test has its Odoo 19 counterpart: the mapping of tests/COUNTERPARTS.md checked.

Lists every test of the 11.0 series (``11.0/tests/test_*.py``) and of the Odoo 19
addon (``tests/test_*.py``), parsed with ``ast`` (test classes' ``test*`` methods,
and pytest's plain ``test_*`` functions), and reads ``tests/COUNTERPARTS.md``: a
Markdown table, one row per 11.0 test::

    | 11.0 test | 19 counterpart(s) | note |
    | test_scope.py::TestScope::test_lock | test_scope_lock.py::TestScopeLock::test_write | |

A 19 counterpart is ``file::Class::method``, ``file::Class`` or ``file::function``
(several separated by commas); ``-`` when none. A row without a counterpart says
why in its note: ``Odoo 19 does it: <what>``, ``replaced on 19: <how>``,
``in progress: <part>`` or ``not ported: <why>``.

Prints the counts and exits 1 when an 11.0 test has no row, a row names an 11.0
test or a 19 test that does not exist, a row is repeated, or a row without a
counterpart gives no reason. Run by ``make lint``; ``--list`` prints the tests of
both series (``--list 11`` or ``--list 19`` one of them), ``--missing`` prints a
row to fill in for each 11.0 test without one.
"""
import argparse
import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OLD_TESTS = ROOT / "11.0" / "tests"
NEW_TESTS = ROOT / "tests"
MAPPING = NEW_TESTS / "COUNTERPARTS.md"

ODOO19 = "odoo 19 does it"
IN_PROGRESS = "in progress"
REPLACED = "replaced on 19"
NOT_PORTED = "not ported"
NONE_MARKS = {"", "-", "—"}


def _is_test_class(node):
    return isinstance(node, ast.ClassDef) and any(
        isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test")
        for item in node.body
    )


def collect(folder):
    """{test id: None} in file order: ``file::Class::method`` and ``file::function``;
    plus the set of ids of files and classes (for counterparts naming a whole class)."""
    tests, containers = {}, set()
    for path in sorted(folder.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        containers.add(path.name)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
                tests["%s::%s" % (path.name, node.name)] = None
            elif _is_test_class(node):
                containers.add("%s::%s" % (path.name, node.name))
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                        tests["%s::%s::%s" % (path.name, node.name, item.name)] = None
    return list(tests), containers


def _cells(line):
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        return None
    return [cell.strip().strip("`").strip() for cell in line[1:-1].split("|")]


def read_mapping(path):
    """[(line number, 11.0 test, [19 counterparts], note)] of the table's rows."""
    rows = []
    if not path.exists():
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = _cells(line)
        if not cells or len(cells) < 2:
            continue
        first = cells[0]
        if not first.startswith("test_") or "::" not in first:
            continue  # the header, its rule, other tables
        counterparts = [
            name.strip().strip("`").strip()
            for name in re.split(r"[,;]|<br>", cells[1])
            if name.strip().strip("`").strip() not in NONE_MARKS
        ]
        note = cells[2] if len(cells) > 2 else ""
        rows.append((number, first, counterparts, note))
    return rows


def check(old_tests, new_tests, new_containers, rows):
    """(counts, problems, rows by 11.0 test)."""
    problems = []
    known_old = set(old_tests)
    known_new = set(new_tests) | new_containers
    by_test = {}
    for number, old, counterparts, note in rows:
        where = "%s:%d" % (MAPPING.relative_to(ROOT), number)
        if old not in known_old:
            problems.append("%s: no 11.0 test %s" % (where, old))
            continue
        if old in by_test:
            problems.append("%s: %s has a row already (line %d)" % (where, old, by_test[old][0]))
            continue
        by_test[old] = (number, counterparts, note)
        for name in counterparts:
            if name not in known_new:
                problems.append("%s: %s names a 19 test that does not exist: %s" % (where, old, name))
        lowered = note.lower()
        if not counterparts and not lowered.startswith((ODOO19, REPLACED, IN_PROGRESS, NOT_PORTED)):
            problems.append(
                "%s: %s has no 19 counterpart and no reason (\"Odoo 19 does it: ...\", "
                "\"replaced on 19: ...\", \"in progress: ...\" or \"not ported: ...\")" % (where, old)
            )
    counts = {"mapped": 0, "odoo19": 0, "replaced": 0, "in_progress": 0, "not_ported": 0, "missing": 0}
    for old in old_tests:
        if old not in by_test:
            counts["missing"] += 1
            problems.append("%s: no row for the 11.0 test %s" % (MAPPING.relative_to(ROOT), old))
            continue
        _number, counterparts, note = by_test[old]
        lowered = note.lower()
        if counterparts:
            counts["mapped"] += 1
        elif lowered.startswith(ODOO19):
            counts["odoo19"] += 1
        elif lowered.startswith(REPLACED):
            counts["replaced"] += 1
        elif lowered.startswith(IN_PROGRESS):
            counts["in_progress"] += 1
        else:
            counts["not_ported"] += 1
    return counts, problems, by_test


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", nargs="?", const="both", choices=("11", "19", "both"))
    parser.add_argument("--missing", action="store_true", help="print a row for each 11.0 test without one")
    args = parser.parse_args(argv)
    old_tests, _old_containers = collect(OLD_TESTS)
    new_tests, new_containers = collect(NEW_TESTS)
    if args.list:
        if args.list in ("11", "both"):
            print("\n".join(old_tests))
        if args.list in ("19", "both"):
            print("\n".join(new_tests))
        return 0
    counts, problems, by_test = check(old_tests, new_tests, new_containers, read_mapping(MAPPING))
    if args.missing:
        for old in old_tests:
            if old not in by_test:
                print("| %s | - | |" % old)
        return 0
    referenced = {name for _n, counterparts, _note in by_test.values() for name in counterparts}
    for problem in problems:
        print(problem)
    print(
        "11.0 tests: %d; mapped to a 19 test: %d; covered by Odoo 19: %d; replaced on 19: %d; "
        "in progress: %d; "
        "not ported: %d; without a row: %d (19 tests: %d, %d of them named as a counterpart)"
        % (
            len(old_tests),
            counts["mapped"],
            counts["odoo19"],
            counts["replaced"],
            counts["in_progress"],
            counts["not_ported"],
            counts["missing"],
            len(new_tests),
            len(referenced & set(new_tests)),
        )
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
