"""A fingerprint of tables, to show that an install or upgrade changed none
of the rows that were there before.

Usage:
  db_snapshot.py take <dsn> <out.json> <table> [<table>...]
      one md5 per (table, column) over the rows ordered by id, and the ids;
      with B2B_SNAPSHOT_IDS=<before.json>, over the rows of that snapshot
  db_snapshot.py compare <before.json> <after.json> [<table.column>...]
      the columns of the rows that were there before that differ (new
      columns and new rows are ignored); exit 1 if any but the columns
      given, whose change is expected (reported all the same).
"""
import json
import os
import sys

import psycopg2


def take(dsn, out, tables):
    snapshot = {}
    only = {}
    if os.environ.get("B2B_SNAPSHOT_IDS"):
        with open(os.environ["B2B_SNAPSHOT_IDS"]) as handle:
            only = {table: data["ids"] for table, data in json.load(handle).items()}
    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        names = []
        for table in tables:
            if "%" in table:  # a pattern: every table it matches
                cr.execute(
                    """SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                          AND table_name LIKE %s ORDER BY table_name""", (table,))
                names += [row[0] for row in cr.fetchall()]
            else:
                names.append(table)
        for table in names:
            cr.execute(
                """SELECT column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = %s
                 ORDER BY column_name""", (table,))
            columns = [row[0] for row in cr.fetchall()]
            if not columns:
                continue
            where = "WHERE id = ANY(%s)" if table in only else ""
            params = (only[table],) if table in only else ()
            if "id" not in columns:  # a relation table: its rows as a whole
                cr.execute('SELECT count(*), md5(string_agg(t::text, \'|\' ORDER BY t::text)) '
                           'FROM "%s" t' % table)
                count, digest = cr.fetchone()
                snapshot[table] = {"ids": [count], "columns": {"*": digest}}
                continue
            cr.execute('SELECT array_agg(id ORDER BY id) FROM "%s" %s' % (table, where),
                       params)
            ids = cr.fetchone()[0] or []
            hashes = {}
            for column in columns:
                cr.execute(
                    'SELECT md5(string_agg(coalesce("%s"::text, \'<null>\'), \'|\' ORDER BY id)) '
                    'FROM "%s" %s' % (column, table, where), params)
                hashes[column] = cr.fetchone()[0]
            snapshot[table] = {"ids": ids, "columns": hashes}
    with open(out, "w") as handle:
        json.dump(snapshot, handle)


def compare(before_path, after_path, *expected):
    with open(before_path) as handle:
        before = json.load(handle)
    with open(after_path) as handle:
        after = json.load(handle)
    problems = []
    for table, old in sorted(before.items()):
        new = after.get(table)
        if not new:
            problems.append("%s: table gone" % table)
            continue
        missing = set(old["ids"]) - set(new["ids"])
        if missing:
            problems.append("%s: %d rows gone" % (table, len(missing)))
        if new["ids"] != old["ids"]:
            problems.append("%s: not the same rows (take the second snapshot "
                            "with B2B_SNAPSHOT_IDS)" % table)
            continue
        for column, digest in sorted(old["columns"].items()):
            if column not in new["columns"]:
                problems.append("%s.%s: column gone" % (table, column))
            elif new["columns"][column] != digest:
                if "%s.%s" % (table, column) in expected:
                    print("  %s.%s: values changed, as expected" % (table, column))
                else:
                    problems.append("%s.%s: values changed" % (table, column))
        print("%-24s %6d rows, %3d columns: %s" % (
            table, len(old["ids"]), len(old["columns"]),
            "unchanged" if not [p for p in problems if p.startswith(table)]
            else "CHANGED"))
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "take":
        take(args[0], args[1], args[2:])
        sys.exit(0)
    if command == "compare":
        sys.exit(compare(*args))
    sys.exit(__doc__)
