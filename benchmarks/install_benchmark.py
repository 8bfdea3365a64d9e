# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install and upgrade of the addon on a loaded database (not a test).

A company already on Odoo 19 installs the addon into a database full of
its records: this creates a database of its own from the test cluster's
template (``b2b_template_nodemo_*``, built by ``scripts/b2b test``), loads
it with the KPI benchmark's loader (benchmarks/kpi_benchmark.py: 50
salespeople, 5,000 customers, 100,000 opportunities, 50,000 orders, 20,000
invoices at ``--scale 1``) WITHOUT the addon, then times

- ``-i b2b_sales_delivery`` on it (new columns over those tables, computed
  stored fields, the addon's data);
- the addon's own records added (500,000 touchpoints, 5,000 contracts at
  scale 1), then ``-u b2b_sales_delivery``;

and prints each one's wall time (the whole odoo-bin command: Python start,
registry, the module), the module's own load time and query count from
Odoo's log, against the target: each under 30 s at full scale. Run it from
the worktree, after one ``scripts/b2b test`` run:

    .venv/bin/python benchmarks/install_benchmark.py -c .local/test.conf [--scale 1]

The default ``--scale 0.1`` keeps it to a few minutes on a shared machine;
``--scale 1`` is the benchmark's full load. ``--keep`` keeps the database.
Python's bytecode of Odoo and the installed modules is compiled once into
``.local/pycache`` before the timings (``PYTHONPYCACHEPREFIX``), as on a
server that has run before: without it (``PYTHONDONTWRITEBYTECODE`` set
on this machine) each odoo-bin compiles Odoo's source again.
``--reuse`` keeps the company's loaded database (without the addon) as a
template, ``<db>_company_<scale>``, and starts the next run from it: the
load of a full-scale company takes longer than the measure. ``--profile``
runs each odoo-bin under cProfile and prints where the time goes.
"""

import argparse
import configparser
import os
import pstats
import re
import subprocess
import sys
import time

import kpi_benchmark as kpi

TARGET = 30.0
MODULE_LINE = re.compile(r"Module %s loaded in ([\d.]+)s.*?, (\d+) queries" % kpi.ADDON)
ALL_LINE = re.compile(r"(\d+) modules loaded in ([\d.]+)s, (\d+) queries")
REGISTRY_LINE = re.compile(r"Registry loaded in ([\d.]+)s")
PYCACHE = os.path.join(kpi.HERE, ".local", "pycache")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", default=".local/test.conf")
    parser.add_argument("--db", default="b2b_install_bench")
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--profile", action="store_true")
    return parser.parse_args()


def company_template(args):
    return "%s_company_%s" % (args.db, str(args.scale).replace(".", "_"))


def create_from_template(options, name, template=None):
    """``name`` afresh from ``template`` (Odoo's template without the
    addon by default); False when ``template`` does not exist."""
    conn = kpi.pg_connect(options)
    with conn.cursor() as cr:
        if template:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if not cr.fetchone():
                conn.close()
                return False
        else:
            cr.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE 'b2b_template_nodemo_%'"
                " ORDER BY datname DESC LIMIT 1"
            )
            row = cr.fetchone()
            if not row:
                sys.exit("No b2b_template_nodemo_* database: run `scripts/b2b test` once.")
            template = row[0]
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
        cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (name, template))
    conn.close()
    return True


def drop(options, name):
    conn = kpi.pg_connect(options)
    with conn.cursor() as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
    conn.close()


def load(args, step):
    """``step(env)`` in a committed transaction on the benchmark database,
    the connections closed after (odoo-bin runs next, alone)."""
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    with Registry(args.db).cursor() as cr:
        result = step(api.Environment(cr, api.SUPERUSER_ID, {}))
        cr.commit()
    Registry.delete(args.db)
    odoo.sql_db.close_db(args.db)
    return result


def compile_bytecode(options, db):
    """Odoo's and the installed modules' bytecode into ``PYCACHE``, once;
    the environment of the timed commands."""
    conn = kpi.pg_connect(options, db)
    with conn.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
        names = [name for name, in cr.fetchall()]
    conn.close()
    addons = os.path.join(kpi.ODOO_DIR, "addons")
    # The addon as Odoo imports it: through its link in .local/addons.
    addon = os.path.join(kpi.HERE, ".local", "addons", kpi.ADDON)
    paths = [os.path.join(kpi.ODOO_DIR, "odoo"), os.path.join(addon, "__init__.py")] + [
        os.path.join(addon, name) for name in ("controllers", "models", "report", "utils", "wizards")
    ] + [
        os.path.join(addons, name) for name in names if os.path.isdir(os.path.join(addons, name))
    ]
    env = dict(os.environ, PYTHONPYCACHEPREFIX=PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.check_call(
        [sys.executable, "-m", "compileall", "-q", "-j", "0"] + paths,
        env=env, stdout=subprocess.DEVNULL,
    )
    return env


def timed_odoo(args, flag, log, env):
    """odoo-bin ``flag`` b2b_sales_delivery: the wall time, the module's
    load time and queries, and all modules' queries from the log."""
    if os.path.exists(log):
        os.remove(log)  # Odoo appends to its log file
    profile = [] if not args.profile else ["-m", "cProfile", "-o", log[:-4] + ".prof"]
    started = time.perf_counter()
    subprocess.check_call([
        sys.executable, *profile, os.path.join(kpi.ODOO_DIR, "odoo-bin"), "-c", args.config,
        "-d", args.db, flag, kpi.ADDON, "--without-demo", "--stop-after-init",
        "--no-http", "--log-level=info", "--logfile=%s" % log,
    ], env=env)
    wall = time.perf_counter() - started
    if profile:
        print("%s %s under cProfile (%s):" % (flag, kpi.ADDON, profile[-1]))
        pstats.Stats(profile[-1]).sort_stats("cumulative").print_stats(40)
    with open(log, errors="replace") as handle:
        text = handle.read()
    if re.search(r" (ERROR|CRITICAL) ", text):
        sys.exit("%s %s logged errors: see %s" % (flag, kpi.ADDON, log))
    module = MODULE_LINE.findall(text)
    loaded = ALL_LINE.findall(text)
    registry = REGISTRY_LINE.findall(text)
    return {
        "registry": float(registry[-1]) if registry else None,
        "wall": wall,
        "module_time": float(module[-1][0]) if module else None,
        "module_queries": int(module[-1][1]) if module else None,
        "all_queries": sum(int(queries) for _count, _time, queries in loaded),
    }


def counts(env):
    env.cr.execute(
        "SELECT (SELECT count(*) FROM crm_lead), (SELECT count(*) FROM sale_order),"
        " (SELECT count(*) FROM account_move), (SELECT count(*) FROM res_partner)"
    )
    return env.cr.fetchone()


def main():
    args = parse_args()
    parser = configparser.ConfigParser()
    parser.read(args.config)
    options = parser["options"]
    local = os.path.join(kpi.HERE, ".local")
    sys.path.insert(0, kpi.ODOO_DIR)

    if args.reuse and create_from_template(options, args.db, company_template(args)):
        print("the company's records without the addon: %s" % company_template(args))
        loaded = load(args, lambda env: kpi.company_loaded(env, args.scale))
    else:
        create_from_template(options, args.db)
        print("loading the company's records without the addon (scale %s)..." % args.scale)
        loaded = load(args, lambda env: kpi.generate_company(
            env, args.scale, env["crm.stage"].search([], order="sequence, id", limit=1).id))
        if args.reuse:
            create_from_template(options, company_template(args), args.db)
    data = load(args, counts)
    print("data: %d opportunities, %d orders, %d invoices, %d partners" % data)

    env = compile_bytecode(options, args.db)
    install = timed_odoo(args, "-i", os.path.join(local, "%s-install.log" % args.db), env)
    print("the addon's own records (touchpoints, contracts)...")
    load(args, lambda env: kpi.generate_addon(env, loaded))
    upgrade = timed_odoo(args, "-u", os.path.join(local, "%s-upgrade.log" % args.db), env)

    print("%-26s %9s %13s %11s %15s %13s" % (
        "", "wall (s)", "registry (s)", "module (s)", "module queries", "all modules q."))
    for label, run in (("-i %s" % kpi.ADDON, install), ("-u %s" % kpi.ADDON, upgrade)):
        print("%-26s %9.1f %13s %11s %15s %13d" % (
            label, run["wall"],
            "%.1f" % run["registry"] if run["registry"] is not None else "-",
            "%.1f" % run["module_time"] if run["module_time"] is not None else "-",
            run["module_queries"] if run["module_queries"] is not None else "-",
            run["all_queries"]))

    def verdict(seconds):
        return "OK" if seconds is not None and seconds < TARGET else "OVER"

    print("target: each under %.0f s at scale 1 (this run: scale %s): wall time: install %s,"
          " upgrade %s; the module's own time: install %s, upgrade %s"
          % (TARGET, args.scale, verdict(install["wall"]), verdict(upgrade["wall"]),
             verdict(install["module_time"]), verdict(upgrade["module_time"])))
    print("load average: %s" % " ".join("%.2f" % value for value in os.getloadavg()))
    if not args.keep:
        drop(options, args.db)


if __name__ == "__main__":
    main()
