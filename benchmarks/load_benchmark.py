# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrent integrators over XML-RPC under Odoo's workers (not a test).

Creates a database of its own from the test cluster's template
(``b2b_template_nodemo_*``, built by ``scripts/b2b test``), installs the
addon, creates over XML-RPC (as admin) one salesperson and one customer per
client, a project manager, an accountant, taxes and a service product, then,
for each worker count (``--workers 2,4``), starts Odoo with ``--workers N``
on a free port and runs ``--clients`` (20) concurrent XML-RPC clients, each
running the whole story ``--stories`` times:

  opportunity -> quotation with its phases, scope items and payment plan
  -> scope sent -> the customer confirms the scope through its link (the
  public route /my/orders/<id>/scope/confirm, as nobody logged in) ->
  order confirmed -> delivery project -> each phase started, handed over,
  its acceptance minutes sent -> the customer accepts them through their
  link (/my/acceptances/<id>/accept) -> the payment plan invoiced and the
  invoices posted.

It prints, per worker count, the stories run, the errors (target: 0, each
one named), the requests (XML-RPC calls and the customer's HTTP requests)
per second, and the reference it compares with: the throughput of the
first worker count (target: it grows with the workers; on a 2-core machine
shared with others it cannot grow much past 2 workers). Run it from the
worktree, after one ``scripts/b2b test`` run:

    .venv/bin/python benchmarks/load_benchmark.py -c .local/test.conf [--workers 2,4]

``--keep`` keeps the database (its stories stay, the next run adds its own).
"""

import argparse
import configparser
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
import xmlrpc.client
from collections import Counter

import kpi_benchmark as kpi

PASSWORD = "b2b-load-benchmark"
# A 1x1 PNG: the drawn signature the portal component sends.
SIGNATURE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", default=".local/test.conf")
    parser.add_argument("--db", default="b2b_load_bench")
    parser.add_argument("--workers", default="2,4")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--stories", type=int, default=1, help="stories per client")
    parser.add_argument("--keep", action="store_true")
    return parser.parse_args()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """One integrator: XML-RPC calls as a user, the customer's link
    requests, each one counted."""

    def __init__(self, url, db, counter):
        self.url, self.db, self.counter = url, db, counter
        self.common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common", allow_none=True)
        self.object = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object", allow_none=True)
        self.uids = {}

    def call(self, login, model, method, *args, **kwargs):
        if login not in self.uids:
            self.counter["requests"] += 1
            self.uids[login] = self.common.authenticate(self.db, login, self.password(login), {})
        self.counter["requests"] += 1
        return self.object.execute_kw(
            self.db, self.uids[login], self.password(login), model, method, list(args), kwargs
        )

    @staticmethod
    def password(login):
        return "admin" if login == "admin" else PASSWORD

    def customer(self, path, **params):
        """The customer's link: a JSON-RPC request of nobody logged in."""
        self.counter["requests"] += 1
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=300) as response:
            answer = json.loads(response.read())
        result = answer.get("result") or {}
        if answer.get("error") or result.get("error"):
            raise RuntimeError("%s: %s" % (path, answer.get("error") or result["error"]))
        return result


def token_of(url):
    return re.search(r"access_token=([\w-]+)", url).group(1)


def set_up(client, clients):
    """The people and products of the stories, as admin over XML-RPC."""
    call = client.call
    suffix = "%d" % time.time()
    group = call("admin", "ir.model.data", "check_object_reference", "sales_team",
                 "group_sale_salesman")[1]
    pm_group = call("admin", "ir.model.data", "check_object_reference", "project",
                    "group_project_manager")[1]
    accountant_group = call("admin", "ir.model.data", "check_object_reference", "account",
                            "group_account_invoice")[1]

    def user(login, name, group_id):
        call("admin", "res.users", "create", {
            "name": name, "login": login, "password": PASSWORD,
            "group_ids": [(6, 0, [group_id])],
        })
        return login

    people = {
        "pm": user("load_pm_%s" % suffix, "Phạm Thị Dung", pm_group),
        "accountant": user("load_accountant_%s" % suffix, "Nguyễn Thị Lan", accountant_group),
        "salespeople": [
            user("load_sales_%s_%02d" % (suffix, i), "Nhân viên %02d" % i, group)
            for i in range(clients)
        ],
        "customers": call("admin", "res.partner", "create", [
            {"name": "Công ty Khách hàng %s %02d" % (suffix, i), "is_company": True,
             "email": "khachhang%02d.%s@example.com" % (i, suffix)}
            for i in range(clients)
        ]),
    }
    tax = call("admin", "account.tax", "create", {
        "name": "VAT 10%% (%s)" % suffix, "amount": 10, "type_tax_use": "sale"})
    people["product"] = call("admin", "product.product", "create", {
        "name": "Triển khai phần mềm", "type": "service", "invoice_policy": "order",
        "list_price": 200000000, "service_tracking": "no", "taxes_id": [(6, 0, [tax])],
    })
    return people


def story(client, people, index, number):
    """The whole story of one order, as its salesperson, the project
    manager, the customer and the accountant do it."""
    sales, pm, accountant = people["salespeople"][index], people["pm"], people["accountant"]
    customer = people["customers"][index]
    call = client.call
    name = "Dự án %02d-%d" % (index, number)
    lead = call(sales, "crm.lead", "create", {
        "name": name, "type": "opportunity", "partner_id": customer})
    order = call(sales, "sale.order", "create", {
        "partner_id": customer, "opportunity_id": lead,
        "order_line": [(0, 0, {"product_id": people["product"]})],
    })
    phases = call(sales, "b2b.phase", "create", [
        {"order_id": order, "name": "Phân tích", "sequence": 1, "date_deadline": "2026-04-01"},
        {"order_id": order, "name": "Triển khai", "sequence": 2, "date_deadline": "2026-06-01"},
    ])
    call(sales, "b2b.scope.item", "create", [
        {"order_id": order, "name": "Quản lý kho", "category": "brief"},
        {"order_id": order, "name": "Báo cáo tồn kho", "category": "brief"},
    ])
    call(sales, "sale.order", "write", [order], {"payment_plan_line_ids": [
        (0, 0, {"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"}),
        (0, 0, {"name": "Nghiệm thu phân tích", "percent": 30, "trigger": "phase_accepted",
                "phase_id": phases[0]}),
        (0, 0, {"name": "Quyết toán", "percent": 40, "trigger": "phase_accepted",
                "phase_id": phases[1]}),
    ]})
    call(sales, "sale.order", "action_send_scope", [order])
    url = call(sales, "sale.order", "get_portal_url", [order])
    client.customer("/my/orders/%d/scope/confirm?access_token=%s" % (order, token_of(url)),
                    name="Nguyễn Văn An")
    call(sales, "sale.order", "action_confirm", [order])
    # the advance, due on confirmation, invoiced and posted by the accountant
    invoice(client, accountant, order)
    project = call(pm, "sale.order", "action_create_project", [order])
    # the team (the project manager) agrees to the plan: the first phase may start
    call(pm, "project.project", "action_b2b_agree_plan", [project])
    for phase in phases:
        call(pm, "b2b.phase", "action_start", [phase])
        call(pm, "b2b.phase", "action_to_accept", [phase])
        call(pm, "b2b.phase", "action_request_acceptance", [phase])
        acceptance = call(pm, "b2b.acceptance", "search", [("phase_id", "=", phase),
                                                           ("state", "=", "draft")])
        call(pm, "b2b.acceptance", "action_send", acceptance)
        url = call(pm, "b2b.acceptance", "get_portal_url", acceptance)
        client.customer("/my/acceptances/%d/accept?access_token=%s"
                        % (acceptance[0], token_of(url)), name="Nguyễn Văn An",
                        signature=SIGNATURE)
    # the installments of the accepted phases (invoiced on acceptance)
    invoice(client, accountant, order)
    states = call(sales, "b2b.phase", "read", phases, ["state"])
    if {phase["state"] for phase in states} != {"accepted"}:
        raise RuntimeError("%s: phases not accepted: %s" % (name, states))
    left = call(accountant, "b2b.payment.plan.line", "search_read", [
        ("order_id", "=", order), ("invoice_id", "=", False)], ["name", "state"])
    if left:
        raise RuntimeError("%s: installments not invoiced: %s" % (name, left))


def invoice(client, accountant, order):
    """What the plan has to invoice now, invoiced; its drafts posted."""
    call = client.call
    # installments released on a phase's acceptance are invoiced at once
    if call(accountant, "b2b.payment.plan.line", "search_count", [
            ("order_id", "=", order), ("state", "=", "to_invoice")]):
        call(accountant, "sale.order", "action_invoice_payment_plan", [order])
    drafts = call(accountant, "account.move", "search", [
        ("line_ids.sale_line_ids.order_id", "=", order), ("state", "=", "draft")])
    if drafts:
        call(accountant, "account.move", "action_post", drafts)


def run_clients(url, db, people, clients, stories):
    counter = Counter()
    errors = []
    lock = threading.Lock()

    def work(index):
        client = Client(url, db, Counter())
        for number in range(stories):
            try:
                story(client, people, index, number)
                with lock:
                    counter["stories"] += 1
            except Exception as error:  # every error counts, named
                with lock:
                    errors.append("client %02d story %d: %s" % (
                        index, number, str(error)[:500] or traceback.format_exc(limit=2)))
        with lock:
            counter.update(client.counter)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter, errors, time.perf_counter() - started


def serve(args, workers, port, log):
    """Odoo with ``workers`` workers on ``port``, once it answers."""
    server = subprocess.Popen([
        sys.executable, os.path.join(kpi.ODOO_DIR, "odoo-bin"), "-c", args.config,
        "-d", args.db, "--db-filter", "^%s$" % args.db, "--workers", str(workers),
        "--max-cron-threads", "0", "--http-port", str(port), "--gevent-port",
        str(free_port()), "--log-level", "warn", "--logfile", log,
        "--limit-time-real", "1200", "--limit-time-cpu", "600",
        "--db_maxconn", str(max(64, 8 * workers)),
        "--log-handler", "odoo.addons.rpc.controllers.xmlrpc:ERROR",
    ])
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/web/login?db=%s" % (port, args.db),
                                   timeout=60)
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit("Odoo did not start: see %s" % log)
            time.sleep(1)
    server.terminate()
    sys.exit("Odoo did not answer in 5 minutes: see %s" % log)


def main():
    args = parse_args()
    try:
        import gevent  # noqa: F401  pylint: disable=unused-import,import-outside-toplevel
    except ImportError:
        sys.exit(
            "Odoo's prefork server starts its long-polling process with gevent, which"
            " .venv leaves out: install the gevent and greenlet lines of Odoo's"
            " requirements.txt (e.g. .venv/bin/pip install gevent==24.2.1 greenlet==3.0.3"
            " for Python 3.12)."
        )
    parser = configparser.ConfigParser()
    parser.read(args.config)
    options = parser["options"]
    local = os.path.join(kpi.HERE, ".local")
    if kpi.prepare_database(options, args.config, args.db, args.keep):
        print("database %s: the addon installed" % args.db)
    counts = [int(count) for count in args.workers.split(",")]
    results = []
    people = None
    for workers in counts:
        port = free_port()
        log = os.path.join(local, "load-bench-%d-workers.log" % workers)
        server = serve(args, workers, port, log)
        try:
            url = "http://127.0.0.1:%d" % port
            # report.url is left as it is: wkhtmltopdf fetching the PDFs'
            # assets from this server waits for a worker while every worker
            # waits for its wkhtmltopdf (a deadlock with few workers).
            if people is None:
                people = set_up(Client(url, args.db, Counter()), args.clients)
            print("%d workers: %d clients x %d stories..." % (workers, args.clients, args.stories))
            counter, errors, spent = run_clients(url, args.db, people, args.clients, args.stories)
        finally:
            server.terminate()
            server.wait()
        for error in errors:
            print("  ERROR %s" % error)
        results.append((workers, counter, errors, spent))

    print("%-8s %8s %8s %9s %9s %12s" % (
        "workers", "stories", "errors", "requests", "time (s)", "requests/s"))
    reference = None
    for workers, counter, errors, spent in results:
        rate = counter["requests"] / spent if spent else 0
        reference = reference or (workers, rate)
        print("%-8d %8d %8d %9d %9.1f %12.1f" % (
            workers, counter["stories"], len(errors), counter["requests"], spent, rate))
    for workers, counter, _errors, spent in results[1:]:
        rate = counter["requests"] / spent if spent else 0
        print("%d workers against the reference (%d workers, %.1f requests/s): x%.2f" % (
            workers, reference[0], reference[1], rate / reference[1] if reference[1] else 0))
    print("target: 0 errors (this run: %d); throughput growing with the workers" % sum(
        len(errors) for _workers, _counter, errors, _spent in results))
    print("machine: %d cores, load average %s" % (
        os.cpu_count(), " ".join("%.2f" % value for value in os.getloadavg())))
    if not args.keep:
        conn = kpi.pg_connect(options)
        with conn.cursor() as cr:
            cr.execute('DROP DATABASE IF EXISTS "%s"' % args.db)
        conn.close()
    return 1 if any(errors for _workers, _counter, errors, _spent in results) else 0


if __name__ == "__main__":
    sys.exit(main())
