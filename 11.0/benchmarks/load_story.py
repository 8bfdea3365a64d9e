# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The whole story under load, over XML-RPC (not a test).

Runs against a server started with workers (``make demo-workers``): every
client is a thread with its own ``xmlrpc.client.ServerProxy``, and runs the
story again and again until the time is up, each step done by the user whose
job it is, through the addon's public methods only:

- the salesperson creates the customer and the opportunity, logs a call, an
  email, a meeting (planned, then held) and a demo, names the decision maker
  and the payer, estimates the revenue, ticks the terms agreed, and moves the
  opportunity stage by stage (each move held to the stage's checkpoints);
- the quotation with its scope is sent, the contract signed (the opportunity
  is won), the scope sent and its confirmation recorded, the payment plan
  written (an advance on the contract signed, an installment on the
  acceptance of phase 1, the final one on phase 2), the order confirmed;
- the delivery lead (project manager, reading all orders) creates the
  delivery project and its two phases,
  starts each, hands it over, sends the acceptance minutes and records the
  customer's acceptance;
- the accountant invoices the installments, validates the invoices and,
  after the payment reminders ran, registers the payments.

The reminders run concurrently: the administrator triggers the scheduled
action from every client after its invoices are validated, and the cron
process runs it (and the invoicing of installments due) every minute while
the load lasts (their schedule is restored at the end).

Printed: stories done, throughput (stories/min, calls/s), latency p50/p95
per call and overall, errors (with the first ones), the load average, and
the checks, on every order of the run: each installment has exactly one
invoice (and the order no other), each story that ended has its
installments paid, each reminder level due was recorded once per
installment and mailed once, and no reminder failed. Exits 1 when there is
an error or a check fails.

    make demo-workers          # in another terminal (B2B_DEMO_PORT...)
    .venv/bin/python benchmarks/load_story.py --clients 20 --minutes 3 \\
        --url http://127.0.0.1:8069 --db b2b_demo
"""
import argparse
import base64
import collections
import datetime
import os
import signal
import socket
import sys
import threading
import time
import traceback
import xmlrpc.client

ROLES = {
    "sales": ["sales_team.group_sale_salesman"],
    # the delivery lead: reads the orders, creates and runs their projects
    "project": ["sales_team.group_sale_salesman_all_leads",
                "project.group_project_manager"],
    "accounting": ["account.group_account_invoice"],
}
PASSWORD = "load-story"
STAGES = [
    "b2b_sales_delivery.crm_stage_contact",
    "b2b_sales_delivery.crm_stage_email_sent",
    "b2b_sales_delivery.crm_stage_meeting_booked",
    "b2b_sales_delivery.crm_stage_meeting_demo",
    "b2b_sales_delivery.crm_stage_nurture_trial",
    "b2b_sales_delivery.crm_stage_closing",
    "b2b_sales_delivery.crm_stage_quotation_sent",
]
CRONS = [
    "b2b_sales_delivery.ir_cron_b2b_payment_reminder",
    "b2b_sales_delivery.ir_cron_b2b_installment_invoice",
]
PRICE = 120000000.0
ACCEPTANCE_MAIL = base64.b64encode(
    "From: Nguyễn Văn An\nSubject: Biên bản nghiệm thu\n\nĐồng ý nghiệm thu.\n"
    .encode()).decode()


# The scope signed by the customer (a small PDF, base64): the customer's
# word kept with the confirmation recorded.
SIGNED_SCOPE = (
    "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqIDIg"
    "MCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jv"
    "b3QgMSAwIFI+PgolJUVPRgo="
)


def percentile(values, share):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


class Stats:
    """What the clients measured, shared by the threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = collections.defaultdict(list)
        self.errors = []
        self.stories = 0
        self.calls = 0

    def record(self, name, seconds):
        with self.lock:
            self.latencies[name].append(seconds)
            self.calls += 1

    def error(self, client, step, error):
        with self.lock:
            self.errors.append((client, step, error))

    def story_done(self):
        with self.lock:
            self.stories += 1


class Connection:
    """One client's connection: its own ServerProxy, called as any user."""

    def __init__(self, options, stats=None):
        self.db = options.db
        self.stats = stats
        self.models = xmlrpc.client.ServerProxy(
            options.url + "/xmlrpc/2/object", allow_none=True
        )
        self.common = xmlrpc.client.ServerProxy(
            options.url + "/xmlrpc/2/common", allow_none=True
        )

    def login(self, login, password):
        uid = self.common.authenticate(self.db, login, password, {})
        if not uid:
            raise RuntimeError("cannot log in as %s" % login)
        return (uid, password)

    def call(self, user, model, method, *args, **kwargs):
        started = time.time()
        try:
            return self.models.execute_kw(
                self.db, user[0], user[1], model, method, list(args), kwargs
            )
        finally:
            if self.stats:
                self.stats.record("%s.%s" % (model, method), time.time() - started)


class Setup:
    """What every client shares, made once by the administrator."""

    def __init__(self, options):
        self.options = options
        self.conn = Connection(options)
        self.admin = self.conn.login(options.admin_login, options.admin_password)
        self.run = datetime.datetime.utcnow().strftime("%Y%m%d%H%M%S")

    def call(self, model, method, *args, **kwargs):
        return self.conn.call(self.admin, model, method, *args, **kwargs)

    def ref(self, xml_id):
        return self.call("ir.model.data", "xmlid_to_res_id", xml_id, True)

    def user(self, login, role):
        values = {
            "name": "Load %s" % login, "login": login, "password": PASSWORD,
            "email": "%s@example.com" % login, "tz": "UTC", "lang": "en_US",
            "groups_id": [(6, 0, [self.ref(xml_id) for xml_id in ROLES[role]])],
        }
        found = self.call("res.users", "search", [("login", "=", login)])
        if found:
            self.call("res.users", "write", found, values)
        else:
            self.call("res.users", "create", values)
        return self.conn.login(login, PASSWORD)

    def make(self, clients):
        self.salespeople = [
            self.user("load_sales_%02d" % index, "sales") for index in range(clients)
        ]
        self.project_manager = self.user("load_project", "project")
        self.accountant = self.user("load_accounting", "accounting")
        self.stages = [self.ref(xml_id) for xml_id in STAGES]
        self.roles = {
            role["code"]: role["id"] for role in self.call(
                "b2b.stakeholder.role", "search_read", [], fields=["code"])
        }
        self.terms_agreed = self.ref("b2b_sales_delivery.b2b_checkpoint_terms_agreed")
        company = self.call("res.users", "read", [self.admin[0]], ["company_id"])[0][
            "company_id"][0]
        self.journal = self.call("account.journal", "search", [
            ("type", "=", "bank"), ("company_id", "=", company)], limit=1)[0]
        self.payment_method = self.ref("account.account_payment_method_manual_in")
        self.product = self.call("product.product", "create", {
            "name": "Load %s: triển khai" % self.run, "type": "service",
            "invoice_policy": "order", "list_price": PRICE, "taxes_id": [(5, 0, 0)],
        })
        self.crons = [self.ref(xml_id) for xml_id in CRONS]
        self.reminder_cron = self.crons[0]

    def speed_up_crons(self):
        """The cron process runs the reminders and the invoicing of the
        installments due every minute while the load lasts."""
        self.saved_crons = self.call(
            "ir.cron", "read", self.crons, ["interval_number", "interval_type",
                                            "nextcall", "active"])
        now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")
        self.call("ir.cron", "write", self.crons, {
            "interval_number": 1, "interval_type": "minutes", "nextcall": now,
            "active": True,
        })

    def restore_crons(self):
        for cron in self.saved_crons:
            self.call("ir.cron", "write", [cron["id"]], {
                key: cron[key] for key in ("interval_number", "interval_type",
                                           "nextcall", "active")
            })


class Story:
    """One client's loop: the story again and again until the deadline."""

    def __init__(self, setup, index, stats, deadline):
        self.setup = setup
        self.index = index
        self.stats = stats
        self.deadline = deadline
        self.conn = Connection(setup.options, stats)
        self.sales = setup.salespeople[index]
        self.project_manager = setup.project_manager
        self.accountant = setup.accountant
        self.admin = setup.admin
        self.step = None
        self.number = 0

    def call(self, user, model, method, *args, **kwargs):
        return self.conn.call(user, model, method, *args, **kwargs)

    def run(self):
        while time.time() < self.deadline:
            self.number += 1
            try:
                self.story()
            except Exception as error:  # pylint: disable=broad-except
                self.stats.error(self.index, self.step, describe(error))
            else:
                self.stats.story_done()

    def story(self):
        ref = "LOAD-%s-%02d-%04d" % (self.setup.run, self.index, self.number)
        customer, contact = self.customer(ref)
        lead = self.win_the_meeting(ref, customer, contact)
        order = self.quotation(ref, customer, lead)
        self.sign_and_lock(order, customer, lead)
        phases = self.plan(order)
        self.step = "confirm"
        self.call(self.sales, "sale.order", "action_confirm", [order])
        for phase in phases:
            self.deliver(phase, contact)
        invoices = self.invoice(order)
        self.step = "reminders"
        self.call(self.admin, "ir.cron", "method_direct_trigger",
                  [self.setup.reminder_cron])
        self.pay(customer, invoices)
        self.step = "check"
        states = {line["state"] for line in self.call(
            self.accountant, "b2b.payment.plan.line", "search_read",
            [("order_id", "=", order)], fields=["state"])}
        if states != {"paid"}:
            raise RuntimeError("%s: installments %s, not paid" % (ref, sorted(states)))

    def customer(self, ref):
        self.step = "customer"
        customer = self.call(self.sales, "res.partner", "create", {
            "name": "Công ty %s" % ref, "is_company": True,
            "email": "%s@example.com" % ref.lower(), "lang": "en_US",
        })
        contact = self.call(self.sales, "res.partner", "create", {
            "name": "Nguyễn Văn An (%s)" % ref, "parent_id": customer,
            "email": "an.%s@example.com" % ref.lower(), "lang": "en_US",
        })
        return customer, contact

    def move(self, lead, stage_index):
        self.step = "stage %s" % stage_index
        self.call(self.sales, "crm.lead", "write", [lead],
                  {"stage_id": self.setup.stages[stage_index]})

    def touchpoint(self, lead, contact, kind, **values):
        self.step = "touchpoint %s" % kind
        values.update({"lead_id": lead, "partner_id": contact, "kind": kind})
        return self.call(self.sales, "b2b.touchpoint", "create", values)

    def win_the_meeting(self, ref, customer, contact):
        """From the first call to the quotation stage, checkpoint by checkpoint."""
        self.step = "lead"
        lead = self.call(self.sales, "crm.lead", "create", {
            "name": "Phần mềm quản lý kho %s" % ref, "type": "opportunity",
            "partner_id": customer, "user_id": self.sales[0],
            "b2b_data_source": "relationship", "stage_id": self.setup.stages[0],
        })
        self.touchpoint(lead, contact, "call", call_outcome="answered")
        self.move(lead, 1)
        self.touchpoint(lead, contact, "email")
        self.move(lead, 2)
        meeting = self.touchpoint(lead, contact, "meeting", meeting_state="planned")
        self.move(lead, 3)
        self.step = "meeting held"
        self.call(self.sales, "b2b.touchpoint", "write", [meeting],
                  {"meeting_state": "held"})
        self.touchpoint(lead, contact, "demo")
        self.step = "stakeholder"
        roles = self.setup.roles
        self.call(self.sales, "b2b.stakeholder", "create", {
            "lead_id": lead, "partner_id": contact,
            "role_ids": [(6, 0, [roles["decision_maker"], roles["payer"]])],
        })
        self.move(lead, 4)
        self.move(lead, 5)
        self.step = "revenue and terms"
        self.call(self.sales, "crm.lead", "write", [lead], {"planned_revenue": PRICE})
        self.call(self.sales, "b2b.checkpoint.tick", "create", {
            "lead_id": lead, "checkpoint_id": self.setup.terms_agreed})
        self.move(lead, 6)
        return lead

    def quotation(self, ref, customer, lead):
        self.step = "quotation"
        order = self.call(self.sales, "sale.order", "create", {
            "partner_id": customer, "user_id": self.sales[0],
            "opportunity_id": lead, "client_order_ref": ref,
            "order_line": [(0, 0, {
                "product_id": self.setup.product, "name": "Triển khai phần mềm",
                "product_uom_qty": 1, "price_unit": PRICE, "tax_id": [(5, 0, 0)],
            })],
            "scope_item_ids": [
                (0, 0, {"category": "brief", "name": "Mục tiêu: quản lý kho"}),
                (0, 0, {"category": "timeline", "name": "Bàn giao sau 8 tuần"}),
            ],
        })
        self.step = "quotation sent"
        self.call(self.sales, "sale.order", "force_quotation_send", [order])
        return order

    def sign_and_lock(self, order, customer, lead):
        self.step = "contract"
        contract = self.call(self.sales, "b2b.contract", "create", {
            "partner_id": customer, "lead_id": lead, "user_id": self.sales[0],
            "sale_order_ids": [(6, 0, [order])], "amount": PRICE,
        })
        self.step = "sign"
        self.call(self.sales, "b2b.contract", "action_sign", [contract])
        self.step = "scope"
        self.call(self.sales, "sale.order", "action_send_scope", [order])
        self.call(self.sales, "sale.order", "action_confirm_scope", [order],
                  confirmed_by="Nguyễn Văn An", via="email",
                  signed_copy=SIGNED_SCOPE)

    def plan(self, order):
        self.step = "project"
        project = self.call(self.project_manager, "sale.order",
                            "action_create_project", [order])
        self.step = "phases"
        phases = [
            self.call(self.project_manager, "b2b.phase", "create", {
                "project_id": project, "name": "Giai đoạn %s" % number,
                "sequence": number,
            })
            for number in (1, 2)
        ]
        self.step = "payment plan"
        self.call(self.sales, "sale.order", "write", [order], {
            "payment_plan_line_ids": [
                (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 30.0,
                        "trigger": "contract_signed", "payment_days": 0}),
                (0, 0, {"sequence": 2, "name": "Nghiệm thu giai đoạn 1",
                        "percent": 40.0, "trigger": "phase_accepted",
                        "phase_id": phases[0], "payment_days": 0}),
                (0, 0, {"sequence": 3, "name": "Quyết toán", "percent": 30.0,
                        "trigger": "phase_accepted", "phase_id": phases[1],
                        "payment_days": 0}),
            ]})
        return phases

    def deliver(self, phase, contact):
        user = self.project_manager
        self.step = "phase start"
        self.call(user, "b2b.phase", "action_start", [phase])
        self.call(user, "b2b.phase", "action_to_accept", [phase])
        self.step = "acceptance"
        acceptance = self.call(user, "b2b.acceptance", "create", {
            "phase_id": phase, "signatory_id": contact,
            "item_ids": [(0, 0, {"name": "Tài liệu bàn giao"})],
        })
        self.step = "acceptance sent"
        self.call(user, "b2b.acceptance", "action_send", [acceptance])
        self.step = "acceptance accepted"
        # the customer's mail accepting the minutes, kept as the signed copy
        self.call(user, "b2b.acceptance", "write", [acceptance], {
            "signed_copy": ACCEPTANCE_MAIL, "signed_copy_filename": "nghiem-thu.eml"})
        self.call(user, "b2b.acceptance", "action_accept", [acceptance],
                  accepted_by="Nguyễn Văn An", accepted_via="email")

    def invoice(self, order):
        """The accountant invoices every installment (once) and validates."""
        user = self.accountant
        self.step = "installments invoiced"
        lines = self.call(user, "b2b.payment.plan.line", "search",
                          [("order_id", "=", order)])
        invoices = self.call(user, "b2b.payment.plan.line", "action_invoice", lines)
        self.step = "invoices validated"
        drafts = self.call(user, "account.invoice", "search",
                           [("id", "in", invoices), ("state", "=", "draft")])
        if drafts:
            self.call(user, "account.invoice", "action_invoice_open", drafts)
        return invoices

    def pay(self, customer, invoices):
        user = self.accountant
        self.step = "payments"
        for invoice in self.call(user, "account.invoice", "read", invoices,
                                 ["residual", "state"]):
            if invoice["state"] != "open":
                continue
            payment = self.call(user, "account.payment", "create", {
                "payment_type": "inbound", "partner_type": "customer",
                "partner_id": customer, "amount": invoice["residual"],
                "journal_id": self.setup.journal,
                "payment_method_id": self.setup.payment_method,
                "invoice_ids": [(4, invoice["id"])],
            })
            self.call(user, "account.payment", "post", [payment])


def describe(error):
    if isinstance(error, xmlrpc.client.Fault):
        lines = [line for line in error.faultString.strip().splitlines() if line]
        return lines[-1] if lines else repr(error)
    if isinstance(error, RuntimeError):
        return str(error)
    return "".join(traceback.format_exception_only(type(error), error)).strip()


class Checks:
    """The checks on every order of the run, as the administrator."""

    def __init__(self, setup):
        self.setup = setup
        self.failures = []

    def call(self, model, method, *args, **kwargs):
        return self.setup.call(model, method, *args, **kwargs)

    def fail(self, message):
        self.failures.append(message)

    def run(self):
        orders = self.call("sale.order", "search_read", [
            ("client_order_ref", "=like", "LOAD-%s-%%" % self.setup.run)],
            fields=["name", "state", "amount_total", "payment_plan_line_ids"])
        lines = self.call("b2b.payment.plan.line", "search_read", [
            ("order_id", "in", [order["id"] for order in orders])],
            fields=["order_id", "name", "state", "invoice_id", "invoice_state",
                    "date_due"])
        summary = {"orders": len(orders), "installments": len(lines)}
        summary.update(self.invoices(orders, lines))
        summary.update(self.reminders(lines))
        return summary

    def invoices(self, orders, lines):
        """Each installment one invoice of its own; the order no other."""
        invoices = self.call("account.invoice", "search_read", [
            ("origin", "in", [order["name"] for order in orders])],
            fields=["origin", "state", "b2b_installment_id", "amount_total"])
        by_installment = collections.Counter(
            invoice["b2b_installment_id"][0] for invoice in invoices
            if invoice["b2b_installment_id"])
        for line in lines:
            if line["state"] in ("invoiced", "paid") and not line["invoice_id"]:
                self.fail("%s: %s is %s without an invoice" % (
                    line["order_id"][1], line["name"], line["state"]))
            if line["invoice_id"] and by_installment[line["id"]] != 1:
                self.fail("%s: %s has %s invoices" % (
                    line["order_id"][1], line["name"], by_installment[line["id"]]))
        strays = [invoice for invoice in invoices if not invoice["b2b_installment_id"]]
        for invoice in strays:
            self.fail("%s: invoice %s belongs to no installment" % (
                invoice["origin"], invoice["id"]))
        invoiced = [line for line in lines if line["invoice_id"]]
        return {"invoices": len(invoices), "installments invoiced": len(invoiced),
                "installments paid": sum(line["state"] == "paid" for line in lines)}

    def reminders(self, lines):
        """Each level due recorded once per installment; the latest mailed
        once; no reminder failed."""
        levels = self.call("b2b.payment.reminder.level", "search_read", [],
                           fields=["days"])
        days_of = {level["id"]: level["days"] for level in levels}
        reminders = self.call("b2b.payment.reminder", "search_read", [
            ("line_id", "in", [line["id"] for line in lines])],
            fields=["line_id", "level_id", "date", "mail_id", "is_skipped"])
        by_line = collections.defaultdict(list)
        for reminder in reminders:
            by_line[reminder["line_id"][0]].append(reminder)
        mails = collections.Counter(
            mail["res_id"] for mail in self.call("mail.mail", "search_read", [
                ("model", "=", "b2b.payment.plan.line"),
                ("res_id", "in", [line["id"] for line in lines])],
                fields=["res_id"]))
        for line in lines:
            if line["invoice_state"] not in ("open", "paid"):
                continue  # never validated (a story that failed): not due
            self.check_line_reminders(line, by_line[line["id"]], days_of,
                                      mails[line["id"]])
        failed = self.call("mail.activity", "search_count", [
            ("res_model", "=", "sale.order"),
            ("summary", "ilike", "failed"),
            ("res_id", "in", list({line["order_id"][0] for line in lines})),
        ])
        if failed:
            self.fail("%s activities of a failed job on the run's orders" % failed)
        return {"reminders": len(reminders),
                "reminders mailed": sum(not r["is_skipped"] for r in reminders),
                "reminder mails": sum(mails.values()), "failed jobs": failed}

    def check_line_reminders(self, line, reminders, days_of, mail_count):
        name = "%s: %s" % (line["order_id"][1], line["name"])
        if not reminders:
            self.fail("%s was never reminded" % name)
            return
        counts = collections.Counter(r["level_id"][0] for r in reminders)
        doubles = [days_of[level] for level, count in counts.items() if count > 1]
        if doubles:
            self.fail("%s reminded twice at the levels %s" % (name, doubles))
        reminded_on = max(r["date"] for r in reminders)
        due = datetime.date(*map(int, line["date_due"].split("-")))
        day = datetime.date(*map(int, reminded_on.split("-")))
        expected = {level for level, days in days_of.items()
                    if due + datetime.timedelta(days=days) <= day}
        if set(counts) != expected:
            self.fail("%s: levels %s recorded, %s due" % (
                name, sorted(days_of[level] for level in counts),
                sorted(days_of[level] for level in expected)))
        mailed = [r for r in reminders if not r["is_skipped"]]
        if len(mailed) != 1 or not mailed[0]["mail_id"] or mail_count != 1:
            self.fail("%s: %s reminders mailed, %s mails" % (
                name, len(mailed), mail_count))


def report(options, stats, elapsed, summary, failures):
    calls = [value for values in stats.latencies.values() for value in values]
    print("\n== %s clients for %.1f min against %s (%s)" % (
        options.clients, elapsed / 60, options.url, options.db))
    print("stories done        %d (%.2f stories/min)" % (
        stats.stories, stats.stories / (elapsed / 60)))
    print("calls               %d (%.1f calls/s)" % (stats.calls, stats.calls / elapsed))
    print("latency             p50 %.3f s, p95 %.3f s, max %.3f s" % (
        percentile(calls, 0.5), percentile(calls, 0.95), max(calls or [0])))
    print("load average        %.2f %.2f %.2f" % os.getloadavg())
    print("\n%-46s %7s %8s %8s" % ("call", "count", "p50 s", "p95 s"))
    slowest = sorted(stats.latencies.items(), key=lambda item: -percentile(item[1], 0.95))
    for name, values in slowest:
        print("%-46s %7d %8.3f %8.3f" % (
            name, len(values), percentile(values, 0.5), percentile(values, 0.95)))
    print("\nchecks: " + ", ".join("%s %s" % (key, value) for key, value in summary.items()))
    print("errors              %d" % len(stats.errors))
    for client, step, error in stats.errors[:10]:
        print("  client %02d, step %s: %s" % (client, step, error))
    print("check failures      %d" % len(failures))
    for failure in failures[:20]:
        print("  " + failure)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="b2b_demo")
    parser.add_argument("--admin-login", default="admin")
    parser.add_argument("--admin-password", default="admin")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds a call may take before it counts as an error")
    options = parser.parse_args()
    socket.setdefaulttimeout(options.timeout)

    # stopped (timeout, kill): the crons' schedule is restored all the same
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    setup = Setup(options)
    setup.make(options.clients)
    stats = Stats()
    setup.speed_up_crons()
    started = time.time()
    deadline = started + options.minutes * 60
    clients = [Story(setup, index, stats, deadline) for index in range(options.clients)]
    threads = [threading.Thread(target=client.run, daemon=True) for client in clients]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        setup.restore_crons()
    elapsed = time.time() - started
    # The last word on reminders: one more run, after every story ended.
    setup.call("ir.cron", "method_direct_trigger", [setup.reminder_cron])
    checks = Checks(setup)
    summary = checks.run()
    report(options, stats, elapsed, summary, checks.failures)
    return 1 if stats.errors or checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
