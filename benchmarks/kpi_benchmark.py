# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the key indicators on a realistic data set (not a test).

Creates a database of its own from the test cluster's template
(``b2b_template_nodemo_*``, built by ``scripts/b2b test``), installs the
addon, generates with SQL inserts 50 salespeople, 100,000 opportunities,
500,000 touchpoints, 50,000 orders, 5,000 contracts and 20,000 invoices
(``--scale`` shrinks or grows them), then times, for one month and every
salesperson:

- ``b2b.kpi.target.get_kpi_values`` as a sales manager (record rules on);
- a hand-written SQL aggregate over the same tables giving the same nine
  figures per salesperson;

and prints both side by side, the ratio (target: at most 1.5) and the query
counts. Run it from the worktree, after one ``scripts/b2b test`` run:

    .venv/bin/python benchmarks/kpi_benchmark.py -c .local/test.conf [--scale 0.1]

``--reuse`` keeps an existing benchmark database (no generation);
``--drop`` removes it at the end.
"""

import argparse
import configparser
import os
import statistics
import subprocess
import sys
import time

import psycopg2

ADDON = "b2b_sales_delivery"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ODOO_DIR = os.path.join(HERE, ".local", "odoo", "odoo-19.0")
SALESPEOPLE = 50
TEAMS = 5
CUSTOMERS = 5000
LEADS = 100000
TOUCHPOINTS = 500000
ORDERS = 50000
CONTRACTS = 5000
INVOICES = 20000
START = "2025-01-01"
DAYS = 730
MONTH = ("2026-03-01", "2026-03-31")
DAY_SQL = "(timestamp '%s' + random() * interval '%d days')" % (START, DAYS)

# The same nine figures written by hand over the tables, for comparison.
HAND_SQL = """
WITH t AS (
    SELECT user_id, kind, call_outcome, meeting_state, is_new_partner
      FROM b2b_touchpoint
     WHERE date >= %(from)s AND date < %(to)s::date + 1 AND company_id = %(company)s
), booked AS (
    SELECT user_id, kind, meeting_state, is_new_partner
      FROM b2b_touchpoint
     WHERE date_booked >= %(from)s AND date_booked < %(to)s::date + 1
       AND company_id = %(company)s
), first_orders AS (
    SELECT DISTINCT ON (p.commercial_partner_id) so.user_id, so.date_order
      FROM sale_order so JOIN res_partner p ON p.id = so.partner_id
     WHERE so.state = 'sale' AND so.company_id = %(company)s
     ORDER BY p.commercial_partner_id, so.date_order, so.id
)
SELECT user_id, 'contacts_reached', count(*) FROM t
 WHERE kind = 'call' AND call_outcome IN ('answered', 'talked') GROUP BY user_id
UNION ALL
SELECT user_id, 'meetings_new', count(*) FROM booked
 WHERE kind = 'meeting' AND is_new_partner AND meeting_state != 'cancelled' GROUP BY user_id
UNION ALL
SELECT user_id, 'meetings_held', count(*) FROM t
 WHERE kind = 'meeting' AND meeting_state = 'held' GROUP BY user_id
UNION ALL
SELECT user_id, 'proposals', count(*) FROM b2b_proposal
 WHERE date_first_sent >= %(from)s AND date_first_sent < %(to)s::date + 1
   AND company_id = %(company)s GROUP BY user_id
UNION ALL
SELECT user_id, 'contracts', count(*) FROM b2b_contract
 WHERE state IN ('signed', 'done') AND date_signed BETWEEN %(from)s AND %(to)s
   AND company_id = %(company)s GROUP BY user_id
UNION ALL
SELECT user_id, 'orders', count(*) FROM sale_order
 WHERE state = 'sale' AND date_order >= %(from)s AND date_order < %(to)s::date + 1
   AND company_id = %(company)s GROUP BY user_id
UNION ALL
SELECT user_id, 'customers', count(*) FROM first_orders
 WHERE date_order >= %(from)s AND date_order < %(to)s::date + 1 GROUP BY user_id
UNION ALL
SELECT invoice_user_id, 'revenue', sum(amount_untaxed_signed) FROM account_move
 WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund')
   AND invoice_date BETWEEN %(from)s AND %(to)s AND company_id = %(company)s
 GROUP BY invoice_user_id
UNION ALL
SELECT invoice_user_id, 'receivables', sum(amount_residual_signed) FROM account_move
 WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund')
   AND invoice_date <= %(to)s AND company_id = %(company)s
 GROUP BY invoice_user_id
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", default=".local/test.conf")
    parser.add_argument("--db", default="b2b_kpi_bench")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--drop", action="store_true")
    return parser.parse_args()


def pg_connect(options, dbname="postgres"):
    conn = psycopg2.connect(
        host=options.get("db_host"),
        port=options.get("db_port") or None,
        user=options.get("db_user"),
        dbname=dbname,
    )
    conn.autocommit = True
    return conn


def prepare_database(options, config, name, reuse):
    conn = pg_connect(options)
    with conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if reuse and cr.fetchone():
            conn.close()
            return False
        cr.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'b2b_template_nodemo_%'"
            " ORDER BY datname DESC LIMIT 1"
        )
        row = cr.fetchone()
        if not row:
            sys.exit("No b2b_template_nodemo_* database: run `scripts/b2b test` once.")
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
        cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (name, row[0]))
    conn.close()
    subprocess.check_call(
        [
            sys.executable, os.path.join(ODOO_DIR, "odoo-bin"), "-c", config, "-d", name,
            "-i", ADDON, "--without-demo=all", "--stop-after-init", "--log-level=warn",
        ]
    )
    return True


def missing_not_null(env, table, columns):
    """Constants for the NOT NULL columns the insert leaves out."""
    env.cr.execute(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL",
        [table],
    )
    extra = {}
    for column, data_type in env.cr.fetchall():
        if column in columns or column == "id":
            continue
        extra[column] = {
            "boolean": "false", "integer": "0", "numeric": "0",
            "double precision": "0", "jsonb": "'{}'::jsonb",
        }.get(data_type, "'-'")
    return extra


def insert_select(env, table, columns, from_sql):
    columns = dict(columns)
    for name, value in (
        ("create_uid", "1"), ("write_uid", "1"),
        ("create_date", "now() at time zone 'UTC'"),
        ("write_date", "now() at time zone 'UTC'"),
    ):
        columns.setdefault(name, value)
    columns.update(missing_not_null(env, table, columns))
    started = time.time()
    env.cr.execute(
        "INSERT INTO %s (%s) SELECT %s FROM %s"
        % (table, ", ".join('"%s"' % c for c in columns), ", ".join(columns.values()), from_sql)
    )
    print("  %-18s %8d rows in %5.1f s" % (table, env.cr.rowcount, time.time() - started))


def generate(env, scale):
    loaded = generate_company(env, scale, env.ref("b2b_sales_delivery.crm_stage_contact").id)
    generate_addon(env, loaded)


def generate_company(env, scale, stage):
    """The records a company on Odoo has without the addon: salespeople,
    teams, customers, opportunities in ``stage``, orders and invoices.
    Returns what generate_addon needs to add the addon's own records."""
    n = scaled(scale)
    company = env.company
    group = env.ref("sales_team.group_sale_salesman")
    teams = env["crm.team"].create(
        [{"name": "Nhóm kinh doanh %d" % (i + 1)} for i in range(TEAMS)]
    )
    users = env["res.users"].with_context(no_reset_password=True).create(
        [
            {
                "name": "Nhân viên kinh doanh %02d" % (i + 1),
                "login": "bench_sales_%02d" % (i + 1),
                "group_ids": [(6, 0, group.ids)],
            }
            for i in range(SALESPEOPLE)
        ]
    )
    user_of, team_of = people_of(users, teams)
    day = DAY_SQL
    cid = str(company.id)
    env.cr.execute("SELECT setseed(0.7)")
    insert_select(env, "res_partner", {
        "name": "'Công ty TNHH Khách hàng ' || g", "complete_name": "'Công ty ' || g",
        "is_company": "true", "active": "true", "type": "'contact'",
    }, "generate_series(1, %d) g" % n(CUSTOMERS))
    env.cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE commercial_partner_id IS NULL"
    )
    env.cr.execute(
        "SELECT min(id), max(id) FROM res_partner WHERE name LIKE 'Công ty TNHH Khách hàng %'"
    )
    low, high = env.cr.fetchone()
    partner = "(%d + floor(random() * %d))::int" % (low, high - low + 1)
    insert_select(env, "crm_lead", {
        "name": "'Cơ hội ' || g", "type": "'opportunity'", "active": "true",
        "partner_id": partner, "user_id": user_of, "team_id": team_of,
        "stage_id": str(stage), "company_id": cid, "probability": "10",
    }, "generate_series(1, %d) g" % n(LEADS))
    env.cr.execute("SELECT min(id) FROM crm_lead WHERE name LIKE 'Cơ hội %'")
    lead_min = env.cr.fetchone()[0]
    insert_select(env, "sale_order", {
        "name": "'SO-B' || g", "partner_id": partner, "partner_invoice_id": partner,
        "partner_shipping_id": partner, "company_id": cid,
        "currency_id": str(company.currency_id.id), "user_id": user_of, "team_id": team_of,
        "opportunity_id": "%d + g %% %d" % (lead_min, n(LEADS)), "date_order": day,
        "state": "(ARRAY['sale','sale','sale','sent','sent','draft','cancel'])[1 + g % 7]",
        "amount_untaxed": "round((10000000 + random() * 490000000)::numeric, 0)",
    }, "generate_series(1, %d) g" % n(ORDERS))
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    insert_select(env, "account_move", {
        "name": "'INV-B' || g", "move_type":
        "CASE WHEN g % 10 = 0 THEN 'out_refund' ELSE 'out_invoice' END",
        "state": "'posted'", "journal_id": str(journal.id), "company_id": cid,
        "currency_id": str(company.currency_id.id), "partner_id": partner,
        "commercial_partner_id": partner, "invoice_user_id": user_of, "team_id": team_of,
        "invoice_date": "(%s)::date" % day, "date": "(%s)::date" % day,
        "amount_untaxed_signed": "round((10000000 + random() * 190000000)::numeric, 0)",
    }, "generate_series(1, %d) g" % n(INVOICES))
    env.cr.execute(
        "UPDATE account_move SET commercial_partner_id = partner_id,"
        " amount_untaxed_signed = CASE WHEN move_type = 'out_refund'"
        " THEN -amount_untaxed_signed ELSE amount_untaxed_signed END,"
        " amount_residual_signed = CASE WHEN id % 3 = 0 THEN 0"
        " WHEN move_type = 'out_refund' THEN -amount_untaxed_signed"
        " ELSE amount_untaxed_signed END WHERE name LIKE 'INV-B%'"
    )
    env.cr.execute(
        "UPDATE sale_order SET partner_invoice_id = partner_id, partner_shipping_id = partner_id"
        " WHERE name LIKE 'SO-B%'"
    )
    env.cr.execute("ANALYZE")
    return {"n": n, "cid": cid, "day": day, "partner": partner, "user_of": user_of,
            "team_of": team_of, "lead_min": lead_min}


def scaled(scale):
    def n(count):
        return max(int(count * scale), 10)
    return n


def people_of(users, teams):
    """SQL expressions of the salesperson and team of row ``g``."""
    user_array = "ARRAY[%s]" % ",".join(map(str, users.ids))
    team_array = "ARRAY[%s]" % ",".join(str(teams[i % TEAMS].id) for i in range(SALESPEOPLE))
    return ("(%s)[1 + g %% %d]" % (user_array, SALESPEOPLE),
            "(%s)[1 + g %% %d]" % (team_array, SALESPEOPLE))


def company_loaded(env, scale):
    """What generate_company returned, read back from a database it loaded
    (an install benchmark reusing its loaded database)."""
    users = env["res.users"].search([("login", "=like", "bench_sales_%")], order="login")
    teams = env["crm.team"].search([("name", "=like", "Nhóm kinh doanh %")], order="id")
    user_of, team_of = people_of(users, teams)
    env.cr.execute(
        "SELECT min(id), max(id) FROM res_partner WHERE name LIKE 'Công ty TNHH Khách hàng %'"
    )
    low, high = env.cr.fetchone()
    env.cr.execute("SELECT min(id) FROM crm_lead WHERE name LIKE 'Cơ hội %'")
    lead_min = env.cr.fetchone()[0]
    return {"n": scaled(scale), "cid": str(env.company.id), "day": DAY_SQL,
            "partner": "(%d + floor(random() * %d))::int" % (low, high - low + 1),
            "user_of": user_of, "team_of": team_of, "lead_min": lead_min}


def generate_addon(env, loaded):
    """The addon's own records over the company's (generate_company):
    touchpoints of the opportunities, proposals, contracts."""
    n, cid, day, partner = loaded["n"], loaded["cid"], loaded["day"], loaded["partner"]
    user_of, team_of, lead_min = loaded["user_of"], loaded["team_of"], loaded["lead_min"]
    insert_select(env, "b2b_touchpoint", {
        "lead_id": "l.id", "partner_id": "l.partner_id",
        "commercial_partner_id": "l.partner_id", "user_id": "l.user_id",
        "lead_user_id": "l.user_id", "company_id": cid, "date": day,
        "kind": "(ARRAY['call','call','call','call','call','email','email',"
        "'meeting','meeting','demo'])[1 + g % 10]",
        "call_outcome": "CASE WHEN g % 10 < 5 THEN "
        "(ARRAY['no_answer','answered','talked'])[1 + (g / 10) % 3] END",
        "meeting_state": "CASE WHEN g % 10 IN (7, 8) THEN "
        "(ARRAY['planned','held','held','cancelled'])[1 + (g / 10) % 4] END",
        "is_new_partner": "g % 10 = 7 AND (g / 10) % 3 = 0",
        # A meeting booked one to three weeks before it takes place.
        "date_booked": "CASE WHEN g % 10 IN (7, 8) THEN " + day
        + " - ((7 + g % 15) || ' days')::interval END",
    }, "generate_series(1, %d) g JOIN crm_lead l ON l.id = %d + g %% %d"
        % (n(TOUCHPOINTS), lead_min, n(LEADS)))
    # A proposal document for one opportunity in five, sent (and counted)
    # for four in five of them, some revised.
    insert_select(env, "b2b_proposal", {
        "name": "'DX-B' || g", "lead_id": "l.id", "partner_id": "l.partner_id",
        "user_id": "l.user_id", "team_id": "l.team_id", "company_id": cid,
        "currency_id": str(env["res.company"].browse(int(cid)).currency_id.id),
        "state": "(ARRAY['draft','sent','sent','accepted','declined'])[1 + g % 5]",
        "revision": "1 + g % 3",
        "date_first_sent": "CASE WHEN g % 5 != 0 THEN " + day + " END",
        "date_sent": "CASE WHEN g % 5 != 0 THEN " + day + " END",
    }, "generate_series(1, %d) g JOIN crm_lead l ON l.id = %d + g %% %d"
        % (n(LEADS) // 5, lead_min, n(LEADS)))
    insert_select(env, "b2b_contract", {
        "name": "'HD-B' || g", "partner_id": partner, "company_id": cid,
        "user_id": user_of, "team_id": team_of,
        "state": "(ARRAY['draft','signed','done','cancel'])[1 + g % 4]",
        "date_signed": "(date '%s' + (random() * %d)::int)" % (START, DAYS),
    }, "generate_series(1, %d) g" % n(CONTRACTS))
    env.cr.execute("ANALYZE")


def measure(calls, runs):
    """Each of ``calls`` (``(env, call)``) once to warm the caches, then
    ``runs`` rounds calling each in turn (so that the machine's load falls
    on both alike): per call, the median and the fastest time, the query
    count of one call and its result."""
    results = [call() for _env, call in calls]
    times = [[] for _call in calls]
    counts = [0] * len(calls)
    for _run in range(runs):
        for i, (env, call) in enumerate(calls):
            env.invalidate_all()
            before = env.cr.sql_log_count
            started = time.perf_counter()
            results[i] = call()
            times[i].append(time.perf_counter() - started)
            counts[i] = env.cr.sql_log_count - before
    return [
        (statistics.median(spent), min(spent), count, result)
        for spent, count, result in zip(times, counts, results)
    ]


def main():
    args = parse_args()
    parser = configparser.ConfigParser()
    parser.read(args.config)
    options = parser["options"]
    fresh = prepare_database(options, args.config, args.db, args.reuse)
    sys.path.insert(0, ODOO_DIR)
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    with Registry(args.db).cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        if fresh:
            print("generating the data set (scale %s)..." % args.scale)
            generate(env, args.scale)
            cr.commit()
        manager = env["res.users"].with_context(no_reset_password=True).create(
            {
                "name": "Giám đốc kinh doanh",
                "login": "bench_manager_%d" % time.time(),
                "group_ids": [(6, 0, env.ref("sales_team.group_sale_manager").ids)],
            }
        )
        manager_env = env(user=manager)
        cr.execute(
            "SELECT (SELECT count(*) FROM crm_lead), (SELECT count(*) FROM b2b_touchpoint),"
            " (SELECT count(*) FROM sale_order), (SELECT count(*) FROM account_move)"
        )
        print("data: %d opportunities, %d touchpoints, %d orders, %d invoices" % cr.fetchone())
        Target = manager_env["b2b.kpi.target"]
        params = {"from": MONTH[0], "to": MONTH[1], "company": env.company.id}

        def hand():
            cr.execute(HAND_SQL, params)
            return cr.fetchall()

        (orm_time, orm_best, orm_queries, rows), (hand_time, hand_best, hand_queries, hand_rows) = (
            measure(
                [(manager_env, lambda: Target.get_kpi_values(*MONTH)), (env, hand)], args.runs
            )
        )
        # The same figure for each salesperson and indicator (0 where the
        # hand SQL has no row).
        hand_figures = {(uid, kpi): float(value or 0) for uid, kpi, value in hand_rows if uid}
        orm_figures = {(row["user_id"], row["kpi"]): row["actual"] for row in rows}
        same = all(
            abs(orm_figures.get(key, 0.0) - hand_figures.get(key, 0.0)) < 0.5
            for key in set(hand_figures) | set(orm_figures)
        )
        print("%-36s %11s %10s %8s" % (
            "one month, every salesperson", "median (s)", "best (s)", "queries"))
        print("%-36s %11.3f %10.3f %8d" % (
            "get_kpi_values (sales manager)", orm_time, orm_best, orm_queries))
        print("%-36s %11.3f %10.3f %8d" % (
            "hand-written SQL aggregate", hand_time, hand_best, hand_queries))
        print("ratio of the medians: %.2f (target <= 1.5), of the best: %.2f" % (
            orm_time / hand_time if hand_time else 0, orm_best / hand_best if hand_best else 0))
        print("same figures (%d salespeople x indicators): %s" % (len(orm_figures), same))
        print("runs: %d each, interleaved; load average: %s" % (
            args.runs, " ".join("%.2f" % load for load in os.getloadavg())))
        cr.rollback()
    if args.drop:
        # The registry's pooled connections first, or PostgreSQL refuses.
        odoo.sql_db.close_db(args.db)
        conn = pg_connect(options)
        with conn.cursor() as cr:
            cr.execute('DROP DATABASE IF EXISTS "%s"' % args.db)
        conn.close()


if __name__ == "__main__":
    main()
