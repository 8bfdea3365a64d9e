# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install and upgrade on a loaded database (not a test).

On the KPI benchmark's data set (100,000 opportunities, 500,000
touchpoints, 50,000 orders, 20,000 invoices; see kpi_benchmark.py), times:

- uninstalling the addon (button_immediate_uninstall, as from Apps);
- installing it again (``-i``), on the data its uninstall left: the
  opportunities, orders and invoices of the company;
- upgrading it (``-u``).

and prints how many invoices, opportunities and orders the install rewrote
(write date changed): the new columns of Odoo's tables must be filled
without Odoo's record-by-record recompute.

    .venv/bin/python benchmarks/install_benchmark.py -c .local/test.conf

``--reuse`` keeps an existing database with the data set (from a previous
run of this script or of kpi_benchmark.py --db); ``--drop`` removes it at
the end.
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import kpi_benchmark  # noqa: E402  pylint: disable=wrong-import-position

ADDON = kpi_benchmark.ADDON
ODOO = 'import sys, odoo; sys.argv[0] = "odoo"; odoo.cli.main()'


def odoo(config, *args, stdin=None):
    env = dict(os.environ, ODOO_PRELOAD_ADDONS="no", PGTZ="UTC")
    started = time.time()
    subprocess.run(
        [sys.executable, "-c", ODOO, *args, "-c", config, "--log-level=warn",
         "--logfile=/dev/null"],
        env=env, input=stdin, check=True, universal_newlines=True,
    )
    return time.time() - started


def rewritten(options, db, since):
    """How many rows of Odoo's big tables were written since ``since``."""
    counts = {}
    with kpi_benchmark.pg_connect(options, db) as conn, conn.cursor() as cr:
        for table in ("crm_lead", "sale_order", "account_invoice"):
            cr.execute(
                'SELECT count(*), count(*) FILTER (WHERE write_date >= %%s) FROM "%s"'
                % table, (since,))
            counts[table] = cr.fetchone()
    return counts


def db_now(options, db):
    with kpi_benchmark.pg_connect(options, db) as conn, conn.cursor() as cr:
        cr.execute("SELECT now() AT TIME ZONE 'UTC'")
        return cr.fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", default=".local/test.conf")
    parser.add_argument("--db", default="b2b_install_bench")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--drop", action="store_true")
    args = parser.parse_args()
    options = kpi_benchmark.read_config(args.config)
    if not (args.reuse and kpi_benchmark.database_exists(options, args.db)):
        subprocess.run(
            [sys.executable, os.path.join(os.path.dirname(__file__), "kpi_benchmark.py"),
             "-c", args.config, "--db", args.db, "--runs", "1"], check=True)
    timings = {}
    timings["uninstall"] = odoo(args.config, "shell", "-d", args.db, "--no-http", stdin=(
        'env["ir.module.module"].search([("name", "=", "%s")]).button_immediate_uninstall()\n'
        "env.cr.commit()\n" % ADDON))
    since = db_now(options, args.db)
    timings["install"] = odoo(args.config, "-d", args.db, "-i", ADDON,
                              "--without-demo=all", "--stop-after-init")
    counts = rewritten(options, args.db, since)
    timings["upgrade"] = odoo(args.config, "-d", args.db, "-u", ADDON, "--stop-after-init")
    for step in ("uninstall", "install", "upgrade"):
        print("%-10s %6.1f s%s" % (step, timings[step], (
            "  (target: under 30 s)" if step != "uninstall" else "")))
    for table, (total, written) in counts.items():
        print("install rewrote %d of %d rows of %s" % (written, total, table))
    if args.drop:
        kpi_benchmark.drop_database(options, args.db)


if __name__ == "__main__":
    main()
