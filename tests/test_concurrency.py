# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrency on two real database connections: two acceptances of one
phase, the customer's acceptance while the order is being invoiced, two
invoicings of one installment and two payments of one invoice each give
one result, and the customer's acceptance is never lost.

Each transaction is a cursor of its own, committed as Odoo commits a
request (``odoo.service.model.retrying``: a serialization failure is
retried on a fresh snapshot). The data are committed (a company of their
own, on Odoo's generic chart, in đồng) and every row they added is deleted
afterwards. These tests run only on the tests' own database, never on the
demo's (``make demo``), and never on a database with demo data; tagged
``b2b_concurrency`` (Odoo's runner leaves them out with
``--test-tags=-b2b_concurrency``)."""

import threading
import time
import unittest
from datetime import date

from psycopg2 import errors as pg_errors

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, new_test_user, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger

from .test_acceptance_common import SIGNATURE

INVOICE_DATE = date(2026, 3, 10)
PAYMENT_DATE = date(2026, 3, 20)
CRON_DATE = date(2026, 3, 11)
# How long a transaction may wait for the other one (seconds): a bound so
# that a deadlock fails the test rather than hangs it.
WAIT = 20
# The relations (without ids) a second company and a second currency
# change (Odoo implies its multi-company and multi-currency groups): put
# back as they were.
RELATIONS = {
    "res_groups_implied_rel": ("gid", "hid"),
    "res_groups_users_rel": ("gid", "uid"),
}
# Logs of the steps that fail on purpose here.
MUTED = ("odoo.sql_db", "odoo.service.model", "odoo.addons.b2b_sales_delivery.utils.cron")


class Outcome:
    """What a transaction run in a thread gave: its result or its error."""

    def __init__(self):
        self.result = None
        self.error = None
        self.pid = None
        self.thread = None
        self.done = threading.Event()


@tagged("post_install", "-at_install", "b2b_concurrency")
class TestConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if odoo.tools.config.get("init") or odoo.tools.config.get("update"):
            # Odoo's runner (-i/-u --test-enable) runs the tests inside the
            # process that installs the addon, whose own transaction holds
            # locks a second connection waits on: these tests run under
            # pytest (make test), against the installed addon.
            raise unittest.SkipTest("two connections: not inside Odoo's install")
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            if not env.cr.dbname.startswith("b2b_test") or env["ir.module.module"].search_count(
                [("demo", "=", True)]
            ):
                raise unittest.SkipTest("committed data: only on the tests' own database, without demo data")
            cls.tables = cls._table_snapshot(cr)
            cls.relations = cls._relation_snapshot(cr)
        cls.addClassCleanup(cls._delete_committed_rows)
        with cls.registry.cursor() as cr:
            cls._set_up_committed(api.Environment(cr, SUPERUSER_ID, {}))

    # ------------------------------------------------------------------
    # Committed set-up and its clean-up
    # ------------------------------------------------------------------

    @staticmethod
    def _table_snapshot(cr):
        """The highest id of each table of the database."""
        cr.execute(
            """
            SELECT c.table_name
              FROM information_schema.columns c
              JOIN information_schema.tables t
                ON t.table_name = c.table_name AND t.table_schema = c.table_schema
             WHERE c.table_schema = 'public' AND c.column_name = 'id'
               AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('integer', 'bigint')
            """
        )
        snapshot = {}
        for (table,) in cr.fetchall():
            cr.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608
            snapshot[table] = cr.fetchone()[0]
        return snapshot

    @staticmethod
    def _relation_snapshot(cr):
        snapshot = {}
        for table, columns in RELATIONS.items():
            cr.execute(f'SELECT {", ".join(columns)} FROM "{table}"')  # noqa: S608
            snapshot[table] = set(cr.fetchall())
        return snapshot

    @classmethod
    def _restore_relations(cls, cr):
        for table, rows in cls._relation_snapshot(cr).items():
            columns = RELATIONS[table]
            for row in rows - cls.relations[table]:
                condition = " AND ".join(f"{column} = %s" for column in columns)
                cr.execute(f'DELETE FROM "{table}" WHERE {condition}', row)  # noqa: S608

    @classmethod
    def _delete_committed_rows(cls):
        """Delete every row added since the snapshot, in whatever order the
        foreign keys allow (the tests' own database only: nothing else
        writes to it meanwhile); the rows left (none) are reported."""
        with cls.registry.cursor() as cr:
            pending = dict(cls.tables)
            for _attempt in range(10):
                progress = False
                for table, last_id in list(pending.items()):
                    try:
                        with cr.savepoint(flush=False):
                            cr.execute(f'DELETE FROM "{table}" WHERE id > %s', [last_id])  # noqa: S608
                            progress |= bool(cr.rowcount)
                        cr.execute(f'SELECT 1 FROM "{table}" WHERE id > %s LIMIT 1', [last_id])  # noqa: S608
                        if not cr.fetchone():
                            del pending[table]
                    except pg_errors.ForeignKeyViolation:
                        continue
                if not pending or not progress:
                    break
            if getattr(cls, "vnd_id", None) and not pending:
                cr.execute("UPDATE res_currency SET active = FALSE WHERE id = %s", [cls.vnd_id])
            cls._restore_relations(cr)
            changed = [
                table for table, rows in cls._relation_snapshot(cr).items() if rows != cls.relations[table]
            ]
            cr.commit()
        cls.registry.clear_all_caches()
        assert not pending, f"committed rows left in {sorted(pending)}"
        assert not changed, f"relations left changed: {changed}"

    @classmethod
    def _set_up_committed(cls, env):
        vnd = env.ref("base.VND")
        cls.vnd_id = vnd.id if not vnd.active else None
        vnd.active = True
        company = env["res.company"].create(
            {
                "name": "Công ty CP Truyền thông Đại Phát (concurrency)",
                "currency_id": vnd.id,
                "country_id": env.ref("base.vn").id,
            }
        )
        env["account.chart.template"].try_loading("generic_coa", company=company, install_demo=False)
        cls.company_id = company.id
        env = cls._env_of(env.cr)
        company_values = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        cls.salesman_id = new_test_user(
            env, login="b2b_conc_salesman", groups="sales_team.group_sale_salesman", **company_values
        ).id
        cls.accountant_id = new_test_user(
            env, login="b2b_conc_accountant", groups="account.group_account_invoice", **company_values
        ).id
        cls.accountant_2_id = new_test_user(
            env, login="b2b_conc_accountant_2", groups="account.group_account_invoice", **company_values
        ).id
        cls.manager_id = new_test_user(
            env, login="b2b_conc_pm", groups="project.group_project_manager", **company_values
        ).id
        cls.tax_id = (
            env["account.tax"]
            .create({"name": "VAT 10%", "amount": 10, "type_tax_use": "sale", "company_id": company.id})
            .id
        )
        cls.customer_id = (
            env["res.partner"].create({"name": "Công ty TNHH Phần mềm Minh Phát", "is_company": True}).id
        )
        cls.contact_id = (
            env["res.partner"]
            .create(
                {
                    "name": "Nguyễn Văn An",
                    "parent_id": cls.customer_id,
                    "email": "an@minhphat.example.com",
                }
            )
            .id
        )
        cls.product_id = (
            env["product.product"]
            .create(
                {
                    "name": "Sản xuất video",
                    "type": "service",
                    "invoice_policy": "order",
                    "list_price": 100000000,
                    "service_tracking": "no",
                }
            )
            .id
        )

    @classmethod
    def _env_of(cls, cr, uid=SUPERUSER_ID):
        # Mails are queued, never sent from the tests.
        context = {"allowed_company_ids": [cls.company_id], "lang": "en_US", "mail_notify_force_send": False}
        return api.Environment(cr, uid, context)

    def _committed_order(self):
        """A confirmed order whose first phase's minutes are sent to the
        customer: an advance on confirmation, an installment on each
        phase's acceptance. Returns the ids of what the tests use."""
        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            salesman = env["res.users"].browse(self.salesman_id)
            order = (
                env["sale.order"]
                .with_user(salesman)
                .create(
                    {
                        "partner_id": self.customer_id,
                        "user_id": salesman.id,
                        "order_line": [
                            Command.create(
                                {"product_id": self.product_id, "tax_ids": [Command.set([self.tax_id])]}
                            )
                        ],
                    }
                )
                .with_env(env)
            )
            phases = env["b2b.phase"].create(
                [
                    {"order_id": order.id, "name": "Kịch bản", "sequence": 1},
                    {"order_id": order.id, "name": "Quay phim", "sequence": 2},
                ]
            )
            order.payment_plan_line_ids = [
                Command.create({"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"}),
                Command.create(
                    {"name": "Đợt 2", "percent": 30, "trigger": "phase_accepted", "phase_id": phases[0].id}
                ),
                Command.create(
                    {"name": "Quyết toán", "percent": 40, "trigger": "phase_accepted", "phase_id": phases[1].id}
                ),
            ]
            order.with_user(salesman).action_confirm()
            order.action_create_project()
            order.project_id.sudo().action_waive_team_agreement("Kiểm thử đồng thời")
            manager = env["res.users"].browse(self.manager_id)
            phase = phases[0].with_user(manager)
            phase.action_start()
            phase.action_to_accept()
            minutes = env["b2b.acceptance"].browse(phase.action_request_acceptance()["res_id"])
            minutes.recipient_id = self.contact_id
            minutes.with_user(manager).action_send()
            lines = order.payment_plan_line_ids.sorted("sequence")
            return {
                "order": order.id,
                "phase": phases[0].id,
                "minutes": minutes.id,
                "advance": lines[0].id,
                "on_phase": lines[1].id,
            }

    def _second_minutes(self, ids):
        """Other minutes of the same phase, sent to the same contact."""
        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            minutes = env["b2b.acceptance"].create(
                {
                    "phase_id": ids["phase"],
                    "recipient_id": self.contact_id,
                    "item_ids": [Command.create({"name": "Kịch bản (bản 2)"})],
                }
            )
            minutes.with_user(self.manager_id).action_send()
            return minutes.id

    # ------------------------------------------------------------------
    # Two transactions
    # ------------------------------------------------------------------

    def _accept(self, env, minutes_id):
        """The customer accepts through the link (as the portal route does)."""
        public = env.ref("base.public_user")
        minutes = env["b2b.acceptance"].with_user(public).sudo().browse(minutes_id)
        return minutes._accept_by_customer("Nguyễn Văn An", SIGNATURE)

    def _invoice(self, env, line_id, user_id=None):
        line = env["b2b.payment.plan.line"].browse(line_id)
        return line.with_user(user_id or self.accountant_id).action_invoice()

    def _pay(self, env, invoice_id, user_id=None):
        wizard = (
            env["account.payment.register"]
            .with_user(user_id or self.accountant_id)
            .with_context(active_model="account.move", active_ids=[invoice_id])
            .create({"payment_date": PAYMENT_DATE})
        )
        wizard.action_create_payments()
        return True

    def _in_thread(self, step):
        """Run ``step(env)`` as a request of its own (its own cursor, retried
        on serialization failures, committed) in a thread."""
        outcome = Outcome()

        def run():
            try:
                with self.registry.cursor() as cr:
                    cr.execute("SET lock_timeout = %s", [f"{WAIT}s"])
                    cr.execute("SELECT pg_backend_pid()")
                    outcome.pid = cr.fetchone()[0]
                    env = self._env_of(cr)
                    outcome.result = retrying(lambda: step(env), env)
            except Exception as error:  # noqa: BLE001 -- the outcome of the transaction
                outcome.error = error
            finally:
                outcome.done.set()

        outcome.thread = threading.Thread(target=run, name="b2b_concurrency")
        outcome.thread.start()
        return outcome

    def _wait_blocked_or_done(self, cr, outcome):
        """Wait until the thread's transaction waits for a lock held by
        ``cr``'s, or is done."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and not outcome.done.is_set():
            if outcome.pid:
                cr.execute("SELECT pg_blocking_pids(%s)", [outcome.pid])
                if cr.fetchone()[0]:
                    return True
            time.sleep(0.05)
        return outcome.done.is_set()

    def _run_against(self, first, second):
        """``first(env)`` done in a transaction left open while ``second(env)``
        runs in another one; then the first commits. Returns the first's
        result and the second's outcome."""
        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            result = first(env)
            env.flush_all()
            outcome = self._in_thread(second)
            self.assertTrue(self._wait_blocked_or_done(cr, outcome), "the second transaction hangs")
            cr.commit()
        outcome.thread.join(WAIT * 4)
        self.assertTrue(outcome.done.is_set(), "the second transaction never ended")
        return result, outcome

    def _read(self, step):
        with self.registry.cursor() as cr:
            return step(self._env_of(cr))

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------

    @mute_logger(*MUTED)
    def test_two_acceptances_of_one_phase(self):
        ids = self._committed_order()
        other_minutes = self._second_minutes(ids)
        result, outcome = self._run_against(
            lambda env: self._accept(env, ids["minutes"]),
            lambda env: self._accept(env, other_minutes),
        )
        self.assertTrue(result)
        self.assertIsInstance(outcome.error, UserError)
        self.assertIn("already accepted", str(outcome.error))

        def check(env):
            minutes = env["b2b.acceptance"].browse([ids["minutes"], other_minutes])
            self.assertEqual(minutes.mapped("state"), ["accepted", "sent"])
            self.assertEqual(env["b2b.phase"].browse(ids["phase"]).state, "accepted")

        self._read(check)

    @mute_logger(*MUTED)
    def test_one_minutes_answered_twice(self):
        # A double click on the link: one acceptance, the other refused.
        ids = self._committed_order()
        result, outcome = self._run_against(
            lambda env: self._accept(env, ids["minutes"]),
            lambda env: self._accept(env, ids["minutes"]),
        )
        self.assertTrue(result)
        self.assertIsInstance(outcome.error, UserError)
        self.assertIn("already accepted", str(outcome.error))
        self.assertEqual(
            self._read(lambda env: env["b2b.acceptance"].browse(ids["minutes"]).state), "accepted"
        )

    @mute_logger(*MUTED)
    def test_acceptance_while_the_order_is_invoiced(self):
        # The accountant invoices the advance; meanwhile the customer accepts
        # the phase: the acceptance is kept, its installment invoiced at once
        # or by the daily run; one invoice each.
        self._acceptance_meets_invoicing(self._accept)

    @mute_logger(*MUTED)
    def test_recorded_acceptance_kept_when_meeting_invoicing(self):
        # The project manager's road (the wizard, RPC): the customer's signed
        # paper copy recorded while the advance is invoiced; the same.
        def record(env, minutes_id):
            minutes = env["b2b.acceptance"].browse(minutes_id).with_user(self.manager_id)
            minutes.signed_copy = SIGNATURE
            return minutes.action_accept(accepted_by="Nguyễn Văn An", accepted_via="paper")

        self._acceptance_meets_invoicing(record)

    def _acceptance_meets_invoicing(self, accept):
        ids = self._committed_order()
        advance_invoice, outcome = self._run_against(
            lambda env: self._invoice(env, ids["advance"]),
            lambda env: accept(env, ids["minutes"]),
        )
        self.assertIsNone(outcome.error)
        self.assertTrue(outcome.result)

        def accepted(env):
            self.assertEqual(env["b2b.acceptance"].browse(ids["minutes"]).state, "accepted")
            self.assertEqual(env["b2b.phase"].browse(ids["phase"]).state, "accepted")

        self._read(accepted)
        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            env["b2b.payment.plan.line"]._cron_invoice_due(today=CRON_DATE)

        def invoiced(env):
            lines = env["b2b.payment.plan.line"].browse([ids["advance"], ids["on_phase"]])
            self.assertEqual(lines.mapped("state"), ["invoiced", "invoiced"])
            self.assertEqual(lines[0].invoice_id.id, advance_invoice)
            order = env["sale.order"].browse(ids["order"])
            invoices = order.invoice_ids.filtered(lambda move: move.move_type == "out_invoice")
            self.assertEqual(len(invoices), 2)
            self.assertEqual(invoices, lines.invoice_id)

        self._read(invoiced)

    @mute_logger(*MUTED)
    def test_two_invoicings_of_one_installment_at_once(self):
        ids = self._committed_order()
        invoice_id, outcome = self._run_against(
            lambda env: self._invoice(env, ids["advance"]),
            lambda env: self._invoice(env, ids["advance"], self.accountant_2_id),
        )
        # Refused while the first runs (try again), or the same invoice.
        if outcome.error:
            self.assertIsInstance(outcome.error, UserError)
            self.assertIn("being invoiced by someone else", str(outcome.error))
        else:
            self.assertEqual(outcome.result, invoice_id)
        # Tried again: the same invoice.
        self.assertEqual(
            self._read(lambda env: retrying(lambda: self._invoice(env, ids["advance"]), env)),
            invoice_id,
        )
        self._assert_one_invoice(ids)

    @mute_logger(*MUTED)
    def test_invoicing_while_the_acceptance_invoices(self):
        # The customer's acceptance invoices its installment at once; an
        # accountant invoicing the same installment meanwhile is told to
        # try again, or gets the same invoice: one invoice.
        ids = self._committed_order()
        _result, outcome = self._run_against(
            lambda env: self._accept(env, ids["minutes"]),
            lambda env: self._invoice(env, ids["on_phase"]),
        )
        if outcome.error:
            self.assertIsInstance(outcome.error, UserError)
            self.assertIn("being invoiced by someone else", str(outcome.error))

        def check(env):
            self.assertEqual(env["b2b.acceptance"].browse(ids["minutes"]).state, "accepted")
            line = env["b2b.payment.plan.line"].browse(ids["on_phase"])
            self.assertEqual(line.state, "invoiced")
            self.assertEqual(len(line.sale_line_ids.invoice_lines.move_id), 1)
            if not outcome.error:
                self.assertEqual(outcome.result, line.invoice_id.id)

        self._read(check)

    @mute_logger(*MUTED)
    def test_invoicing_on_a_snapshot_taken_before_the_other_committed(self):
        # The second request began (and read the installment) before the
        # first invoiced it and committed: it must not invoice it again.
        ids = self._committed_order()
        with self.registry.cursor() as cr2:
            env2 = self._env_of(cr2)
            self.assertEqual(env2["b2b.payment.plan.line"].browse(ids["advance"]).state, "to_invoice")
            with self.registry.cursor() as cr1:
                invoice_id = self._invoice(self._env_of(cr1), ids["advance"])
            second = retrying(lambda: self._invoice(env2, ids["advance"], self.accountant_2_id), env2)
        self.assertEqual(second, invoice_id)
        self._assert_one_invoice(ids)

    def _assert_one_invoice(self, ids):
        def check(env):
            line = env["b2b.payment.plan.line"].browse(ids["advance"])
            self.assertEqual(len(line.sale_line_ids.invoice_lines.move_id), 1)
            self.assertEqual(line.state, "invoiced")

        self._read(check)

    @mute_logger(*MUTED)
    def test_two_reminder_runs_at_once(self):
        # Two runs of the daily reminders at once (a cron and a manual run):
        # the second leaves the installment the first is reminding, without
        # waiting for it; one reminder per level, one mail.
        ids = self._committed_order()
        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            invoice = env["account.move"].browse(self._invoice(env, ids["advance"]))
            invoice.write({"invoice_date": INVOICE_DATE, "invoice_date_due": INVOICE_DATE})
            invoice.with_user(self.accountant_id).action_post()
            invoice.partner_id.email = "ketoan@minhphat.example.com"
        late = date(2026, 4, 20)  # every level reached

        def remind(env):
            return env["b2b.payment.reminder"]._cron_send_reminders(today=late)

        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            remind(env)
            env.flush_all()
            outcome = self._in_thread(remind)
            self.assertTrue(outcome.done.wait(WAIT), "the second run waits for the first")
            self.assertIsNone(outcome.error)
            cr.commit()
        outcome.thread.join(WAIT)

        def check(env):
            line = env["b2b.payment.plan.line"].browse(ids["advance"])
            levels = env["b2b.payment.reminder.level"].search([("company_id", "in", (False, self.company_id))])
            self.assertEqual(line.reminder_ids.level_id, levels)
            mails = env["mail.mail"].search([("model", "=", line._name), ("res_id", "=", line.id)])
            self.assertEqual(len(mails), 1)

        self._read(check)

    @mute_logger(*MUTED)
    def test_two_payments_of_one_invoice(self):
        ids = self._committed_order()
        with self.registry.cursor() as cr:
            env = self._env_of(cr)
            invoice = env["account.move"].browse(self._invoice(env, ids["advance"]))
            invoice.invoice_date = INVOICE_DATE
            invoice.with_user(self.accountant_id).action_post()
            invoice_id = invoice.id
        _result, outcome = self._run_against(
            lambda env: self._pay(env, invoice_id),
            lambda env: self._pay(env, invoice_id, self.accountant_2_id),
        )
        if outcome.error:
            self.assertIsInstance(outcome.error, UserError)

        def check(env):
            invoice = env["account.move"].browse(invoice_id)
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))
            payments = env["account.payment"].search([("partner_id", "=", invoice.commercial_partner_id.id)])
            self.assertEqual(len(payments), 1, "the invoice is paid once")
            self.assertEqual(env["b2b.payment.plan.line"].browse(ids["advance"]).state, "paid")

        self._read(check)
