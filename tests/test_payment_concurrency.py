# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two users accept the same phase at the same moment: one invoice.

The two users are two real database transactions (two registry cursors), so
the data they share must be committed: the test creates its own records in a
committed transaction and deletes them at the end. It touches no other data.
"""
import threading
import time

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

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
    def _create_data(self, env):
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
        order.write({"payment_plan_line_ids": [
            (0, 0, {"name": "Đợt 1", "percent": 50.0, "sequence": 1}),
            (0, 0, {"name": "Đợt 2", "percent": 50.0, "sequence": 2,
                    "trigger": "phase_accepted", "phase_id": phase.id}),
        ]})
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
        }

    def _delete_data(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order = env["sale.order"].browse(ids["order"])
            invoices = order.invoice_ids
            invoices.unlink()
            order.action_cancel()
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

    def _race(self, first, second):
        """Transaction A runs ``first``; B runs ``second`` while A holds its
        locks; then A commits. Returns what B returned or raised."""
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        result = {}
        try:
            cr_b.execute("SET lock_timeout = '30s'")
            cr_b.execute("SELECT pg_backend_pid()")  # B's snapshot starts here
            pid_b = cr_b.fetchone()[0]
            with api.Environment.manage():
                first(api.Environment(cr_a, SUPERUSER_ID, {}))

            def run_b():
                with api.Environment.manage(), mute_logger("odoo.sql_db"):
                    try:
                        result["b"] = second(api.Environment(cr_b, SUPERUSER_ID, {}))
                    except (UserError, psycopg2.Error) as error:
                        result["b"] = error

            thread = threading.Thread(target=run_b)
            thread.start()
            self.assertTrue(_wait_for_lock(self.registry, pid_b),
                            "B should wait for A's lock")
            cr_a.commit()
            thread.join(60)
            self.assertFalse(thread.is_alive())
        finally:
            for cr in (cr_a, cr_b):
                cr.rollback()
                cr.close()
        return result["b"]

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
            result = self._race(accept(acceptance_a), accept(acceptance_b))
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

    def test_installment_lock_serializes_invoicing(self):
        """Two transactions invoicing the same installment: the second waits."""
        with self.registry.cursor() as cr:
            ids = self._create_data(api.Environment(cr, SUPERUSER_ID, {}))

        def invoice(env):
            line = env["b2b.payment.plan.line"].browse(ids["line"])
            return line._release_one("2026-05-01").ids

        try:
            result = self._race(invoice, invoice)
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
