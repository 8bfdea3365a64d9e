# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the key indicators on a realistic data set (not a test).

Creates its own database from the template database of the test cluster
(``b2b_template_nodemo_*``, built by ``make test``), installs the addon,
generates with SQL inserts 50 salespeople, 100,000 opportunities, 500,000
touchpoints, 50,000 orders and 20,000 invoices, then prints the time and
the query count of:

- the indicators of one month for every salesperson (get_kpi_values);
- the indicators of one month for one salesperson;
- a year grouped by month (the pivot's read_group, and twelve calls);
- the first page of the pipeline kanban (crm.lead read_group + search_read).

Run it from the worktree, after ``make test`` (which starts the test
cluster and builds the template):

    .venv/bin/python benchmarks/kpi_benchmark.py -c .local/test.conf

``--reuse`` keeps an existing benchmark database (skips the generation);
``--drop`` removes it at the end. It never touches b2b_demo or port 8069.
"""
import argparse
import configparser
import os
import random
import statistics
import subprocess
import sys
import time

import psycopg2

ADDON = "b2b_sales_delivery"
SALESPEOPLE = 50
TEAMS = 5
CUSTOMERS = 5000
LEADS = 100000
TOUCHPOINTS = 500000
ORDERS = 50000
INVOICES = 20000
CONTRACTS = 5000
# the data span two years; the benchmark asks about 2026
DAYS = 730
START = "2025-01-01"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", default=".local/test.conf")
    parser.add_argument("--db", default="b2b_kpi_bench")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the database if it exists (no generation)")
    parser.add_argument("--drop", action="store_true",
                        help="drop the database at the end")
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args()


def read_config(path):
    parser = configparser.ConfigParser()
    parser.read(path)
    return parser["options"]


def pg_connect(options, dbname="postgres"):
    conn = psycopg2.connect(
        host=options.get("db_host"), port=options.get("db_port", "5432"),
        user=options.get("db_user"), dbname=dbname,
    )
    conn.autocommit = True
    return conn


def database_exists(options, name):
    with pg_connect(options) as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return bool(cr.fetchone())


def create_database(options, name):
    conn = pg_connect(options)
    with conn.cursor() as cr:
        cr.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'b2b_template_nodemo_%'"
            " ORDER BY datname DESC LIMIT 1"
        )
        row = cr.fetchone()
        if not row:
            sys.exit("No b2b_template_nodemo_* database: run `make test` first.")
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
        cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (name, row[0]))
    conn.close()
    print("created %s from %s" % (name, row[0]))


def drop_database(options, name):
    conn = pg_connect(options)
    with conn.cursor() as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
    conn.close()


def install_addon(config, name):
    env = dict(os.environ, ODOO_PRELOAD_ADDONS="no", PGTZ="UTC")
    subprocess.check_call([
        sys.executable, "-c",
        'import sys, odoo; sys.argv[0] = "odoo"; odoo.cli.main()',
        "-c", config, "-d", name, "-i", ADDON, "--without-demo=all",
        "--stop-after-init", "--log-level=warn", "--logfile=/dev/null",
    ], env=env)
    print("installed %s" % ADDON)


# ---------------------------------------------------------------------------
# Data generation
# ---------------------------------------------------------------------------
def missing_not_null(env, model, columns):
    """SQL constants for the NOT NULL columns without a default that the
    insert does not fill (other features may add some): the ORM default."""
    table = env[model]._table
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
        " AND is_nullable = 'NO' AND column_default IS NULL", [table],
    )
    missing = [c for (c,) in env.cr.fetchall() if c not in columns and c != "id"]
    defaults = env[model].default_get(missing) if missing else {}
    extra = {}
    for column in missing:
        value = defaults.get(column)
        field = env[model]._fields.get(column)
        if value is None or value is False:
            if field is not None and field.type == "selection":
                selection = field.selection
                if callable(selection) or isinstance(selection, str):
                    selection = field._description_selection(env)
                value = selection[0][0]
            elif field is not None and field.type in ("integer", "float", "monetary"):
                value = 0
            elif field is not None and field.type == "boolean":
                value = False
            else:
                value = "-"
        extra[column] = env.cr.mogrify("%s", [value]).decode()
    return extra


def insert_select(env, model, columns, from_sql, params=None):
    """INSERT INTO <table> (columns) SELECT <expressions> FROM <from_sql>."""
    columns = dict(columns)
    columns.setdefault("create_uid", "1")
    columns.setdefault("write_uid", "1")
    columns.setdefault("create_date", "now() at time zone 'UTC'")
    columns.setdefault("write_date", "now() at time zone 'UTC'")
    columns.update(missing_not_null(env, model, columns))
    names = ", ".join('"%s"' % name for name in columns)
    expressions = ", ".join(columns.values())
    started = time.time()
    env.cr.execute(
        "INSERT INTO %s (%s) SELECT %s FROM %s"
        % (env[model]._table, names, expressions, from_sql), params or [],
    )
    print("  %-26s %8d rows in %5.1f s" % (
        env[model]._table, env.cr.rowcount, time.time() - started))


def generate(env):
    random.seed(7)
    env.cr.execute("SELECT setseed(0.7)")
    company = env.ref("base.main_company")
    salesman_group = env.ref("sales_team.group_sale_salesman")
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    Team = env["crm.team"].with_context(tracking_disable=True)
    teams = Team.browse()
    for number in range(TEAMS):
        teams |= Team.create({"name": "Nhóm kinh doanh %d" % (number + 1)})
    users = Users.browse()
    for number in range(SALESPEOPLE):
        users |= Users.create({
            "name": "Nhân viên kinh doanh %02d" % (number + 1),
            "login": "bench_sales_%02d" % (number + 1),
            "email": "bench_sales_%02d@example.com" % (number + 1),
            "groups_id": [(6, 0, [salesman_group.id])],
            "sale_team_id": teams[number % TEAMS].id,
        })
    for number, team in enumerate(teams):
        team.user_id = users[number]
    user_ids = users.ids
    user_array = "ARRAY[%s]" % ",".join(map(str, user_ids))
    team_of_user = "ARRAY[%s]" % ",".join(str(u.sale_team_id.id) for u in users)
    print("  %d salespeople in %d teams" % (len(users), len(teams)))

    insert_select(env, "res.partner", {
        "name": "'Công ty TNHH Khách hàng ' || g",
        "display_name": "'Công ty TNHH Khách hàng ' || g",
        "is_company": "true", "active": "true", "customer": "true",
        "company_id": str(company.id), "type": "'contact'",
    }, "generate_series(1, %d) g" % CUSTOMERS)
    env.cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id"
        " WHERE commercial_partner_id IS NULL"
    )
    env.cr.execute(
        "SELECT min(id), max(id) FROM res_partner WHERE name LIKE 'Công ty TNHH Khách hàng %'"
    )
    partner_min, partner_max = env.cr.fetchone()
    random_partner = "(%d + floor(random() * %d))::int" % (
        partner_min, partner_max - partner_min + 1)
    stages = env["crm.stage"].search([]).ids
    stage_array = "ARRAY[%s]" % ",".join(map(str, stages))
    day = "(timestamp '%s' + random() * interval '%d days')" % (START, DAYS)

    insert_select(env, "crm.lead", {
        "name": "'Cơ hội ' || g", "type": "'opportunity'", "active": "true",
        "partner_id": random_partner,
        "user_id": "(%s)[1 + g %% %d]" % (user_array, SALESPEOPLE),
        "team_id": "(%s)[1 + g %% %d]" % (team_of_user, SALESPEOPLE),
        "stage_id": "(%s)[1 + (g / 7) %% %d]" % (stage_array, len(stages)),
        "probability": "10", "company_id": str(company.id),
        "planned_revenue": "round((random() * 500000000)::numeric, 0)",
        "priority": "'1'", "date_open": day, "date_last_stage_update": day,
    }, "generate_series(1, %d) g" % LEADS)
    env.cr.execute("SELECT min(id) FROM crm_lead WHERE name LIKE 'Cơ hội %'")
    lead_min = env.cr.fetchone()[0]

    insert_select(env, "b2b.touchpoint", {
        "lead_id": "l.id", "partner_id": "l.partner_id",
        "commercial_partner_id": "l.partner_id", "user_id": "l.user_id",
        "company_id": str(company.id), "date": day,
        "kind": "(ARRAY['call','call','call','call','call','email','email',"
                "'meeting','meeting','demo'])[1 + g % 10]",
        "call_outcome": "CASE WHEN g % 10 < 5 THEN "
                        "(ARRAY['no_answer','answered','talked'])[1 + (g / 10) % 3] END",
        "meeting_state": "CASE WHEN g % 10 IN (7, 8) THEN "
                         "(ARRAY['planned','held','held','cancelled'])[1 + (g / 10) % 4] END",
        "is_new_partner": "g % 10 = 7 AND (g / 10) % 3 = 0",
    }, "generate_series(1, %d) g JOIN crm_lead l ON l.id = %d + g %% %d"
       % (TOUCHPOINTS, lead_min, LEADS))

    pricelist = env["product.pricelist"].search([], limit=1)
    insert_select(env, "sale.order", {
        "name": "'SO-B' || lpad(g::text, 6, '0')",
        "partner_id": random_partner, "partner_invoice_id": random_partner,
        "partner_shipping_id": random_partner,
        "pricelist_id": str(pricelist.id), "company_id": str(company.id),
        "user_id": "(%s)[1 + g %% %d]" % (user_array, SALESPEOPLE),
        "team_id": "(%s)[1 + g %% %d]" % (team_of_user, SALESPEOPLE),
        "date_order": day,
        "state": "(ARRAY['sale','sale','sale','done','sent','sent','draft','cancel'])"
                 "[1 + g % 8]",
        "amount_untaxed": "round((10000000 + random() * 490000000)::numeric, 0)",
        "amount_tax": "0", "amount_total": "0",
    }, "generate_series(1, %d) g" % ORDERS)
    env.cr.execute("""
        UPDATE sale_order SET partner_invoice_id = partner_id,
               partner_shipping_id = partner_id, amount_total = amount_untaxed,
               b2b_date_proposal = CASE WHEN state != 'draft'
                                   THEN date_order - interval '5 days' END,
               confirmation_date = CASE WHEN state IN ('sale', 'done')
                                   THEN date_order + interval '3 days' END
         WHERE name LIKE 'SO-B%'""")

    insert_select(env, "b2b.contract", {
        "name": "'HD-B' || g", "partner_id": random_partner,
        "company_id": str(company.id), "currency_id": str(company.currency_id.id),
        "user_id": "(%s)[1 + g %% %d]" % (user_array, SALESPEOPLE),
        "team_id": "(%s)[1 + g %% %d]" % (team_of_user, SALESPEOPLE),
        "state": "(ARRAY['draft','signed','in_progress','done','cancel'])[1 + g % 5]",
        "date_signed": "(date '%s' + (random() * %d)::int)" % (START, DAYS),
        "amount": "round((random() * 900000000)::numeric, 0)",
    }, "generate_series(1, %d) g" % CONTRACTS)
    generate_invoices(env, company, user_array, team_of_user, random_partner, day)
    env.cr.execute("ANALYZE")


def generate_invoices(env, company, user_array, team_of_user, random_partner, day):
    receivable = env["ir.property"].get("property_account_receivable_id", "res.partner")
    sale_journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1)
    bank_journal = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
    currency = company.currency_id.id
    insert_select(env, "account.invoice", {
        "name": "'INV-B' || g", "number": "'INV-B' || g", "reference_type": "'none'",
        "partner_id": random_partner, "commercial_partner_id": random_partner,
        "account_id": str(receivable.id), "currency_id": str(currency),
        "company_id": str(company.id), "journal_id": str(sale_journal.id),
        "user_id": "(%s)[1 + g %% %d]" % (user_array, SALESPEOPLE),
        "team_id": "(%s)[1 + g %% %d]" % (team_of_user, SALESPEOPLE),
        "type": "CASE WHEN g % 10 = 0 THEN 'out_refund' ELSE 'out_invoice' END",
        "state": "(ARRAY['open','open','paid'])[1 + g % 3]",
        "date_invoice": "(%s)::date" % day,
        "amount_untaxed": "round((10000000 + random() * 190000000)::numeric, 0)",
    }, "generate_series(1, %d) g" % INVOICES)
    env.cr.execute("""
        UPDATE account_invoice SET commercial_partner_id = partner_id,
               date_due = date_invoice + 30, amount_total = amount_untaxed,
               amount_untaxed_signed = CASE WHEN type = 'out_refund'
                   THEN -amount_untaxed ELSE amount_untaxed END,
               amount_total_signed = amount_untaxed,
               amount_total_company_signed = amount_untaxed
         WHERE name LIKE 'INV-B%'""")
    insert_select(env, "account.move", {
        "name": "i.number", "ref": "i.number", "state": "'posted'",
        "journal_id": "i.journal_id", "date": "i.date_invoice",
        "company_id": "i.company_id", "partner_id": "i.partner_id",
        "amount": "i.amount_total",
    }, "account_invoice i WHERE i.name LIKE 'INV-B%'")
    env.cr.execute("""
        UPDATE account_invoice i SET move_id = m.id FROM account_move m
         WHERE m.ref = i.number AND i.name LIKE 'INV-B%'""")
    sign = "CASE WHEN i.type = 'out_refund' THEN -1 ELSE 1 END"
    insert_select(env, "account.move.line", {
        "move_id": "i.move_id", "invoice_id": "i.id", "account_id": "i.account_id",
        "partner_id": "i.partner_id", "journal_id": "i.journal_id",
        "company_id": "i.company_id", "name": "i.number", "date": "i.date_invoice",
        "date_maturity": "i.date_due", "company_currency_id": str(currency),
        "debit": "GREATEST(%s * i.amount_total, 0)" % sign,
        "credit": "GREATEST(-%s * i.amount_total, 0)" % sign,
        "balance": "%s * i.amount_total" % sign,
        "amount_residual": "%s * i.amount_total" % sign,
    }, "account_invoice i WHERE i.name LIKE 'INV-B%'")
    # payments: the paid invoices in full, one open invoice in two partly
    insert_select(env, "account.move", {
        "name": "'PAY-' || i.number", "ref": "'PAY-' || i.number", "state": "'posted'",
        "journal_id": str(bank_journal.id),
        "date": "i.date_invoice + (random() * 60)::int",
        "company_id": "i.company_id", "partner_id": "i.partner_id",
        "amount": "i.amount_total",
    }, "account_invoice i WHERE i.name LIKE 'INV-B%' AND i.type = 'out_invoice'"
       " AND (i.state = 'paid' OR i.id % 2 = 0)")
    insert_select(env, "account.move.line", {
        "move_id": "m.id", "account_id": "i.account_id", "partner_id": "i.partner_id",
        "journal_id": "m.journal_id", "company_id": "m.company_id",
        "name": "m.name", "date": "m.date", "date_maturity": "m.date",
        "company_currency_id": str(currency),
        "debit": "0", "credit": "i.amount_total * %s" % PAID_SHARE,
        "balance": "-i.amount_total * %s" % PAID_SHARE,
    }, "account_move m JOIN account_invoice i ON m.ref = 'PAY-' || i.number"
       " WHERE m.ref LIKE 'PAY-INV-B%'")
    insert_select(env, "account.partial.reconcile", {
        "debit_move_id": "inv_line.id", "credit_move_id": "pay_line.id",
        "amount": "pay_line.credit", "company_id": "pay_line.company_id",
        "max_date": "GREATEST(inv_line.date, pay_line.date)",
    }, """account_move_line pay_line
        JOIN account_move m ON m.id = pay_line.move_id AND m.ref LIKE 'PAY-INV-B%'
        JOIN account_invoice i ON m.ref = 'PAY-' || i.number
        JOIN account_move_line inv_line ON inv_line.invoice_id = i.id""")


PAID_SHARE = "CASE WHEN i.state = 'paid' THEN 1 ELSE 0.5 END"


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------
def measure(env, label, call, runs):
    """Median time of ``runs`` warm calls, and the query count of one."""
    call()  # warm-up: caches of fields, rules, views
    times = []
    count = None
    for _run in range(runs):
        env["res.users"].invalidate_cache()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
        count = env.cr.sql_log_count - before
    print("%-52s %8.3f s %6d queries  (%s)" % (
        label, statistics.median(times), count, describe(result)))
    return statistics.median(times), count


def describe(result):
    if isinstance(result, list):
        return "%d rows" % len(result)
    return str(result)


def kanban_first_page(env):
    """What the pipeline kanban asks: the stage columns, then their cards."""
    Lead = env["crm.lead"].with_context(default_type="opportunity")
    view = Lead.fields_view_get(
        view_id=env.ref("crm.crm_case_kanban_view_leads").id, view_type="kanban"
    )
    fields = list(view["fields"])
    domain = [("type", "=", "opportunity")]
    groups = Lead.read_group(domain, fields, ["stage_id"], lazy=True)
    cards = 0
    for group in groups:
        cards += len(Lead.search_read(group["__domain"], fields, limit=40))
    return "%d columns, %d cards" % (len(groups), cards)


def run_measures(env, runs):
    from odoo import api

    Users = env["res.users"].with_context(no_reset_password=True)
    # a sales manager (not the superuser: record rules apply), rolled back
    manager = Users.create({
        "name": "Giám đốc kinh doanh", "login": "bench_manager",
        "groups_id": [(6, 0, [env.ref("sales_team.group_sale_manager").id])],
    })
    # a salesperson who leads no team
    salesperson = Users.search([("login", "=", "bench_sales_%02d" % (TEAMS + 1))])
    leader = Users.search([("login", "=", "bench_sales_01")])
    env.cr.execute(
        "SELECT (SELECT count(*) FROM b2b_touchpoint), (SELECT count(*) FROM crm_lead),"
        " (SELECT count(*) FROM sale_order), (SELECT count(*) FROM account_invoice)"
    )
    counts = env.cr.fetchone()
    print("data: %d touchpoints, %d opportunities, %d orders, %d invoices" % tuple(counts))
    manager_env = api.Environment(env.cr, manager.id, {})
    sales_env = api.Environment(env.cr, salesperson.id, {})
    leader_env = api.Environment(env.cr, leader.id, {})
    Target = manager_env["b2b.kpi.target"]
    Report = manager_env["b2b.kpi.report"]
    measures = [name for name, field in Report._fields.items()
                if field.type in ("integer", "float") and name != "id"]
    measure(manager_env, "one month, every salesperson (manager)",
            lambda: Target.get_kpi_values("2026-03-01", "2026-03-31"), runs)
    measure(manager_env, "one month, one salesperson (manager)",
            lambda: Target.get_kpi_values("2026-03-01", "2026-03-31", [salesperson.id]),
            runs)
    measure(sales_env, "one month, a salesperson's own (record rules)",
            lambda: sales_env["b2b.kpi.target"].get_kpi_values("2026-03-01", "2026-03-31"),
            runs)
    measure(leader_env, "one month, a team leader's team (record rules)",
            lambda: leader_env["b2b.kpi.target"].get_kpi_values("2026-03-01", "2026-03-31"),
            runs)
    measure(manager_env, "a year by month: pivot read_group",
            lambda: Report.read_group(
                [("date", ">=", "2026-01-01"), ("date", "<=", "2026-12-31")],
                measures + ["date"], ["date:month"]), runs)
    measure(manager_env, "a year by month: 12 x get_kpi_values",
            lambda: [Target.get_kpi_values("2026-%02d-01" % m, "2026-%02d-28" % m)
                     for m in range(1, 13)], runs)
    measure(manager_env, "a year, every salesperson (one call)",
            lambda: Target.get_kpi_values("2026-01-01", "2026-12-31"), runs)
    measure(sales_env, "pipeline kanban, first page (salesperson)",
            lambda: kanban_first_page(sales_env), runs)
    measure(manager_env, "pipeline kanban, first page (manager)",
            lambda: kanban_first_page(manager_env), runs)


def main():
    args = parse_args()
    options = read_config(args.config)
    if not (args.reuse and database_exists(options, args.db)):
        create_database(options, args.db)
        install_addon(args.config, args.db)
        fresh = True
    else:
        fresh = False
    os.environ.setdefault("ODOO_PRELOAD_ADDONS", "no")
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.db, "--log-level=warn"]
    )
    odoo.netsvc.init_logger()
    registry = odoo.registry(args.db)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if fresh:
            started = time.time()
            print("generating the data set...")
            generate(env)
            cr.commit()
            print("generated in %.0f s" % (time.time() - started))
        run_measures(env, args.runs)
        cr.rollback()
    if args.drop:
        odoo.sql_db.close_all()
        drop_database(options, args.db)


if __name__ == "__main__":
    main()
