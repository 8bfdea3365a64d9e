# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two users accept the same phase at the same moment: one invoice.

The two users are two real database transactions (two registry cursors), so
the data they share must be committed: the test creates its own records in a
committed transaction and deletes them at the end. It touches no other data.
"""
import base64
import threading
import time

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from ..controllers.customer_link import is_concurrency_error
from .common import SIGNATURE


def _wait_for_lock(registry, pid, timeout=20.0):
    """Wait until the backend ``pid`` waits for a lock; True if it does."""
    deadline = time.time() + timeout
    with registry.cursor() as cr:
        while time.time() < deadline:
            cr.execute(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)
            )
            row = cr.fetchone()
            if row and row[0] == "Lock":
                return True
            cr.rollback()
            time.sleep(0.05)
    return False


class TestPaymentConcurrency(TransactionCase):
    # Two connections see only committed data: under Odoo's own runner,
    # after the install's transaction is committed.
    at_install = False
    post_install = True

    def _create_data(self, env, dated_installment=False):
        partner = env["res.partner"].create(
            {"name": "Công ty TNHH Đồng Thời (test)", "email": "dt@example.com"}
        )
        product = env["product.product"].create({
            "name": "Dịch vụ (test đồng thời)", "type": "service",
            "invoice_policy": "order", "taxes_id": [(5, 0, 0)],
        })
        order = env["sale.order"].create({
            "partner_id": partner.id,
            "order_line": [(0, 0, {
                "product_id": product.id, "name": product.name,
                "product_uom_qty": 1, "product_uom": product.uom_id.id,
                "price_unit": 1000.0, "tax_id": [(5, 0, 0)],
            })],
        })
        project = env["project.project"].browse(order.action_create_project())
        phase = env["b2b.phase"].create({"project_id": project.id, "name": "GĐ 1"})
        phase.action_start()
        phase.action_to_accept()
        plan = [
            (0, 0, {"name": "Đợt 1", "percent": 50.0, "sequence": 1}),
            (0, 0, {"name": "Đợt 2", "percent": 50.0, "sequence": 2,
                    "trigger": "phase_accepted", "phase_id": phase.id}),
        ]
        if dated_installment:
            # Another installment of the order, due later: what
            # the accountant or the invoicing run invoices meanwhile.
            plan[1][2]["percent"] = 30.0
            plan.append((0, 0, {
                "name": "Đợt 3", "percent": 20.0, "sequence": 3,
                "trigger": "date", "date_planned": "2099-05-01"}))
        order.write({"payment_plan_line_ids": plan})
        order.action_confirm()
        acceptances = env["b2b.acceptance"]
        for _i in range(2):
            acceptances |= env["b2b.acceptance"].create(
                {"phase_id": phase.id, "item_ids": [(0, 0, {"name": "Hạng mục"})]}
            )
        acceptances.action_send()
        return {
            "partner": partner.id, "product": product.id, "order": order.id,
            "project": project.id, "phase": phase.id,
            "acceptances": acceptances.ids,
            "line": order.payment_plan_line_ids[1].id,
            "lines": order.payment_plan_line_ids.ids,
        }

    def _delete_data(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order = env["sale.order"].browse(ids["order"])
            invoices = order.invoice_ids
            lines = order.payment_plan_line_ids
            env["mail.mail"].search([
                ("model", "=", lines._name), ("res_id", "in", lines.ids)]).unlink()
            # a validated invoice cannot be deleted: its entry goes first
            for invoice in invoices.filtered("move_id"):
                move = invoice.move_id
                cr.execute(
                    "UPDATE account_invoice SET state = 'draft', move_id = NULL, "
                    "move_name = NULL WHERE id = %s", (invoice.id,))
                cr.execute("DELETE FROM account_move WHERE id = %s", (move.id,))
            invoices.invalidate_cache()
            invoices.unlink()
            # the order's phases were accepted: no user may cancel it (the
            # cancel guard); the clean-up of what the test committed sets
            # it aside directly
            cr.execute("UPDATE sale_order SET state = 'cancel' WHERE id = %s", (order.id,))
            order.invalidate_cache()
            order.unlink()
            project = env["project.project"].browse(ids["project"])
            project.with_context(active_test=False).task_ids.unlink()
            project.unlink()
            env["product.product"].browse(ids["product"]).unlink()
            env["res.partner"].browse(ids["partner"]).unlink()

    def _invoice_count(self, ids):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT COUNT(DISTINCT inv.id) FROM account_invoice inv "
                "JOIN account_invoice_line il ON il.invoice_id = inv.id "
                "JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id = il.id "
                "JOIN sale_order_line sol ON sol.id = rel.order_line_id "
                "WHERE sol.order_id = %s",
                (ids["order"],),
            )
            return cr.fetchone()[0]

    def _race(self, first, second, a_ends="commit", b_reads_first=True):
        """Transaction A runs ``first`` and keeps its locks; B runs ``second``
        and must wait for them; then A commits (or rolls back: ``a_ends``).
        B's snapshot starts before A's step, unless ``b_reads_first`` is
        False: B then reads nothing before its step. Returns what A returned
        and what B returned or raised. Neither B nor, on failure, A is
        committed."""
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        result = {}
        try:
            cr_b.execute("SET lock_timeout = '30s'")  # takes no snapshot
            if b_reads_first:
                cr_b.execute("SELECT 1")
            with api.Environment.manage():
                result["a"] = first(api.Environment(cr_a, SUPERUSER_ID, {}))

            def run_b():
                with api.Environment.manage(), mute_logger("odoo.sql_db"):
                    try:
                        result["b"] = second(api.Environment(cr_b, SUPERUSER_ID, {}))
                    except (UserError, psycopg2.Error) as error:
                        result["b"] = error

            thread = threading.Thread(target=run_b)
            thread.start()
            waited = _wait_for_lock(self.registry, cr_b._cnx.get_backend_pid())
            getattr(cr_a, a_ends)()
            thread.join(60)
            self.assertFalse(thread.is_alive())
            self.assertTrue(waited, "B did not wait for A: %r" % result.get("b"))
        finally:
            for cr in (cr_a, cr_b):
                cr.rollback()
                cr.close()
        return result["a"], result["b"]

    @staticmethod
    def _post_entry(env, journal_id):
        """A posted journal entry of 100 in the journal, on 2026-06-15: its
        number."""
        journal = env["account.journal"].browse(journal_id)
        accounts = env["account.account"].search(
            [("company_id", "=", journal.company_id.id), ("deprecated", "=", False)],
            limit=2, order="id",
        )
        move = env["account.move"].create({
            "journal_id": journal.id, "date": "2026-06-15",
            "line_ids": [
                (0, 0, {"name": "Nợ", "account_id": accounts[0].id, "debit": 100.0}),
                (0, 0, {"name": "Có", "account_id": accounts[1].id, "credit": 100.0}),
            ],
        })
        move.post()
        return move.name

    @staticmethod
    def _post_payment(env, journal_id):
        """A customer's payment of 100 posted in the journal (Odoo numbers
        its entry before posting it): its entry's number."""
        partner = env["res.partner"].create({"name": "Khách trả tiền (test)"})
        payment = env["account.payment"].create({
            "payment_type": "inbound", "partner_type": "customer",
            "partner_id": partner.id, "amount": 100.0,
            "journal_id": journal_id, "payment_date": "2026-06-15",
            "payment_method_id": env.ref(
                "account.account_payment_method_manual_in").id,
        })
        payment.post()
        return payment.move_name

    def _journal(self, journal_type):
        """The company's journal of that type with gapless numbers."""
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.env.user.company_id.id),
             ("type", "=", journal_type),
             ("sequence_id.implementation", "=", "no_gap")], limit=1)
        self.assertTrue(journal)
        return journal

    def _race_for_the_number(self, post, journal_type):
        """A numbers an entry of a journal with gapless numbers and has not
        committed: B's in the same journal waits for A's number instead of
        being refused, then takes it once A rolled back. Nothing is
        committed."""
        journal = self._journal(journal_type)

        def post_in_journal(env):
            return post(env, journal.id)

        name_a, name_b = self._race(post_in_journal, post_in_journal, a_ends="rollback")
        self.assertEqual(name_b, name_a)

    def test_entries_in_one_journal_take_their_turn(self):
        self._race_for_the_number(self._post_entry, "general")

    def test_payments_in_one_journal_take_their_turn(self):
        self._race_for_the_number(self._post_payment, "bank")

    def test_payment_after_a_committed_one_is_not_refused(self):
        """A payment waits for the one being posted in the same journal
        before it reads anything: once the first is committed, the second
        takes the next number instead of being refused (repeatable read
        refuses the update of a number changed after the transaction began).
        The payments and the first one's entry are committed, then deleted."""
        journal = self._journal("bank")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create({"name": "Khách trả tiền (test)"})
            payments = env["account.payment"]
            for _i in range(2):
                payments |= env["account.payment"].create({
                    "payment_type": "inbound", "partner_type": "customer",
                    "partner_id": partner.id, "amount": 100.0,
                    "journal_id": journal.id, "payment_date": "2026-06-15",
                    "payment_method_id": env.ref(
                        "account.account_payment_method_manual_in").id,
                })
            env["ir.sequence"].browse(journal.sequence_id.id).with_context(
                ir_sequence_date="2026-06-15")._next()  # the date range exists
            cr.execute(
                "SELECT id, number_next FROM ir_sequence_date_range "
                "WHERE sequence_id = %s AND date_from <= '2026-06-15' "
                "AND date_to >= '2026-06-15'", (journal.sequence_id.id,))
            date_range = cr.fetchone()
            ids = {"partner": partner.id, "payments": payments.ids}

        def post(index):
            def step(env):
                payment = env["account.payment"].browse(ids["payments"][index])
                payment.post()
                return payment.move_name
            return step

        try:
            name_a, name_b = self._race(post(0), post(1), b_reads_first=False)
            self.assertIsInstance(name_b, str, "B was refused")
            self.assertNotEqual(name_b, name_a)
        finally:
            with self.registry.cursor() as cr:
                payments = tuple(ids["payments"])
                cr.execute("SELECT DISTINCT move_id FROM account_move_line "
                           "WHERE payment_id IN %s", (payments,))
                moves = tuple(row[0] for row in cr.fetchall()) or (0,)
                cr.execute("DELETE FROM account_move_line WHERE move_id IN %s", (moves,))
                cr.execute("DELETE FROM account_move WHERE id IN %s", (moves,))
                cr.execute("DELETE FROM account_payment WHERE id IN %s", (payments,))
                cr.execute("UPDATE ir_sequence_date_range SET number_next = %s "
                           "WHERE id = %s", (date_range[1] - 1, date_range[0]))
                api.Environment(cr, SUPERUSER_ID, {})["res.partner"].browse(
                    ids["partner"]).unlink()

    def _retry(self, step):
        """Run ``step`` in a new transaction (as Odoo retries a request)."""
        with self.registry.cursor() as cr, api.Environment.manage():
            try:
                return step(api.Environment(cr, SUPERUSER_ID, {}))
            finally:
                cr.rollback()

    def test_two_concurrent_acceptances_make_one_invoice(self):
        with self.registry.cursor() as cr:
            ids = self._create_data(api.Environment(cr, SUPERUSER_ID, {}))
        acceptance_a, acceptance_b = ids["acceptances"]

        def accept(acceptance_id):
            return lambda env: env["b2b.acceptance"].browse(
                acceptance_id)._accept_by_customer("Khách hàng", SIGNATURE, "link")

        try:
            self.assertEqual(self._invoice_count(ids), 1)  # the first installment
            _a, result = self._race(accept(acceptance_a), accept(acceptance_b))
            # B waited, then its transaction saw A's commit: refused.
            self.assertIsInstance(result, psycopg2.extensions.TransactionRollbackError)
            # Odoo retries a request that failed so: the retry is refused.
            with self.assertRaises(UserError):
                self._retry(accept(acceptance_b))
            self.assertEqual(
                self._retry(lambda env: env["b2b.acceptance"].browse(
                    ids["acceptances"]).mapped("state")),
                ["accepted", "sent"],
            )
            self.assertEqual(self._invoice_count(ids), 2)
        finally:
            self._delete_data(ids)

    def _acceptance_meets_invoicing(self, accept):
        """The dated installment is being invoiced (transaction A) when the
        customer's acceptance of the phase comes (B, committed): the
        acceptance is kept, the phase's installment is left to the invoicing
        run, which invoices it once."""
        with self.registry.cursor() as cr:
            ids = self._create_data(
                api.Environment(cr, SUPERUSER_ID, {}), dated_installment=True)
        _first, phase_line, dated_line = ids["lines"]

        def invoice_dated(env):
            return env["b2b.payment.plan.line"].browse(
                dated_line)._release_one("2026-05-01").ids

        def accept_and_commit(env):
            result = accept(env["b2b.acceptance"].browse(ids["acceptances"][0]))
            env.cr.commit()
            return result

        def state(env):
            lines = env["b2b.payment.plan.line"].browse(ids["lines"])
            return (
                env["b2b.acceptance"].browse(ids["acceptances"]).mapped("state"),
                env["b2b.phase"].browse(ids["phase"]).state,
                [bool(line.invoice_id) for line in lines],
            )

        try:
            self.assertEqual(self._invoice_count(ids), 1)
            _a, result = self._race(invoice_dated, accept_and_commit)
            self.assertIs(result, True)
            self.assertEqual(self._retry(state), (
                ["accepted", "sent"], "accepted", [True, False, True]))
            # The next run of the invoicing cron invoices the phase's
            # installment, once.
            self._retry_commit(lambda env: env[
                "b2b.payment.plan.line"]._cron_invoice_due(today="2026-05-02"))
            self._retry_commit(lambda env: env[
                "b2b.payment.plan.line"]._cron_invoice_due(today="2026-05-03"))
            self.assertEqual(self._retry(state)[2], [True, True, True])
            self.assertEqual(self._invoice_count(ids), 3)
            self.assertEqual(len(self._retry(lambda env: env[
                "b2b.payment.plan.line"].browse(phase_line).invoice_id.ids)), 1)
        finally:
            self._delete_data(ids)

    def test_customer_acceptance_kept_when_meeting_invoicing(self):
        self._acceptance_meets_invoicing(lambda acceptance: acceptance._accept_by_customer(
            "Khách hàng", SIGNATURE, "link"))

    def test_recorded_acceptance_kept_when_meeting_invoicing(self):
        """The project manager's road (RPC or button): the same."""
        def record(acceptance):
            acceptance.write({"signed_copy": base64.b64encode(b"%PDF-1.4 scan"),
                              "signed_copy_filename": "bien-ban.pdf"})
            return acceptance.action_accept("Khách hàng", "paper")
        self._acceptance_meets_invoicing(record)

    def test_concurrency_errors_are_retried_by_the_link_routes(self):
        """The link routes raise a concurrent update again (Odoo then retries
        the request), and only that."""
        def error_of(code):
            try:
                with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                    self.env.cr.execute(
                        "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '%s'; "
                        "END $$" % code)
            except psycopg2.Error as error:
                return error
            return None

        self.assertTrue(is_concurrency_error(error_of("serialization_failure")))
        self.assertTrue(is_concurrency_error(error_of("deadlock_detected")))
        self.assertFalse(is_concurrency_error(error_of("unique_violation")))
        self.assertFalse(is_concurrency_error(UserError("x")))

    def test_installment_lock_serializes_invoicing(self):
        """Two transactions invoicing the same installment: the second waits."""
        with self.registry.cursor() as cr:
            ids = self._create_data(api.Environment(cr, SUPERUSER_ID, {}))

        def invoice(env):
            line = env["b2b.payment.plan.line"].browse(ids["line"])
            return line._release_one("2026-05-01").ids

        try:
            _a, result = self._race(invoice, invoice)
            self.assertIsInstance(result, psycopg2.extensions.TransactionRollbackError)
            invoice_ids = self._retry(invoice)
            self.assertEqual(len(invoice_ids), 1)
            self.assertEqual(
                self._retry(lambda env: env["b2b.payment.plan.line"].browse(
                    ids["line"]).invoice_id.ids),
                invoice_ids,
            )
            self.assertEqual(self._invoice_count(ids), 2)
        finally:
            self._delete_data(ids)

    # ------------------------------------------------------------------
    # Reminder runs at the same time (the cron process, a manual run)
    # ------------------------------------------------------------------
    def _open_first_invoice(self, ids):
        """The first installment's invoice, open and due on 2026-03-10."""
        with self.registry.cursor() as cr:  # commits
            env = api.Environment(cr, SUPERUSER_ID, {})
            line = env["sale.order"].browse(ids["order"]).payment_plan_line_ids[0]
            invoice = line.invoice_id
            self.assertEqual(invoice.state, "draft")
            invoice.write({"date_invoice": "2026-03-01", "date_due": "2026-03-10"})
            invoice.action_invoice_open()
            self.assertEqual(line.date_due, "2026-03-10")
            return line.id

    @staticmethod
    def _send_reminders(env):
        return env["b2b.payment.reminder"]._cron_send_reminders(today="2026-03-07")

    def _reminders_and_failures(self, ids, line_id):
        return self._retry(lambda env: (
            len(env["b2b.payment.reminder"].search([("line_id", "=", line_id)])),
            env["mail.mail"].search_count([
                ("model", "=", "b2b.payment.plan.line"), ("res_id", "=", line_id)]),
            env["mail.activity"].search_count([
                ("res_model", "=", "sale.order"), ("res_id", "=", ids["order"]),
                ("summary", "=", "Payment reminder failed")]),
        ))

    def test_reminder_run_leaves_what_a_concurrent_run_reminded(self):
        """B began before A's run committed: B leaves the installment, with
        no failure handed to the salesperson."""
        with self.registry.cursor() as cr:
            ids = self._create_data(api.Environment(cr, SUPERUSER_ID, {}))
        cr_b = self.registry.cursor()
        try:
            line_id = self._open_first_invoice(ids)
            cr_b.execute("SELECT 1")  # B's snapshot starts here
            self.assertEqual(self._retry_commit(self._send_reminders), 1)
            with api.Environment.manage(), mute_logger(
                    "odoo.sql_db", "odoo.addons.b2b_sales_delivery.models.b2b_job"):
                env_b = api.Environment(cr_b, SUPERUSER_ID, {})
                self.assertEqual(self._send_reminders(env_b), 0)
                self.assertFalse(env_b["mail.activity"].search([
                    ("res_model", "=", "sale.order"), ("res_id", "=", ids["order"]),
                    ("summary", "=", "Payment reminder failed")]))
            cr_b.commit()
            self.assertEqual(self._reminders_and_failures(ids, line_id), (1, 1, 0))
        finally:
            cr_b.rollback()
            cr_b.close()
            self._delete_data(ids)

    def test_reminder_run_does_not_wait_for_a_concurrent_run(self):
        """A reminds the installment and has not committed: B leaves it at
        once instead of waiting for A (runs never queue up nor deadlock)."""
        with self.registry.cursor() as cr:
            ids = self._create_data(api.Environment(cr, SUPERUSER_ID, {}))
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        result = {}
        try:
            line_id = self._open_first_invoice(ids)
            cr_b.execute("SET lock_timeout = '30s'")
            with api.Environment.manage():
                self.assertEqual(
                    self._send_reminders(api.Environment(cr_a, SUPERUSER_ID, {})), 1)

            def run_b():
                with api.Environment.manage(), mute_logger(
                        "odoo.sql_db", "odoo.addons.b2b_sales_delivery.models.b2b_job"):
                    try:
                        result["b"] = self._send_reminders(
                            api.Environment(cr_b, SUPERUSER_ID, {}))
                    except psycopg2.Error as error:
                        result["b"] = error

            thread = threading.Thread(target=run_b)
            thread.start()
            thread.join(15)
            waited = thread.is_alive()
            cr_a.commit()
            thread.join(60)
            self.assertFalse(waited, "B waited for A's reminder")
            self.assertEqual(result["b"], 0)
            cr_b.commit()
            self.assertEqual(self._reminders_and_failures(ids, line_id), (1, 1, 0))
        finally:
            for cr in (cr_a, cr_b):
                cr.rollback()
                cr.close()
            self._delete_data(ids)

    def _retry_commit(self, step):
        """Run ``step`` in a new transaction, committed."""
        with self.registry.cursor() as cr, api.Environment.manage():
            return step(api.Environment(cr, SUPERUSER_ID, {}))
