# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The payment plan over XML-RPC and JSON-2: confirmation refused while the
plan does not add up, whatever the road; invoicing an installment answers
its invoice's id, the same one on a retry."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_payment import PaymentCase


@tagged("post_install", "-at_install")
class TestPaymentRpc(HttpCase, PaymentCase):
    def call(self, user, model, method, *args, **kwargs):
        """``method`` of ``model`` over XML-RPC as ``user`` (password = login,
        as new_test_user sets it)."""
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(
                self.env.cr.dbname, user.login, user.login, {}
            )
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def assertFault(self, step, *pieces):
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as fault:
            step()
        for piece in pieces:
            self.assertIn(piece, fault.exception.faultString)

    def test_confirmation_refused_over_rpc(self):
        order = self.create_order(
            [{"name": "Tạm ứng", "percent": 50, "trigger": "order_confirmed"}]
        )
        for method, args in (
            ("action_confirm", ()),
            ("write", ({"state": "sale"},)),
        ):
            self.assertFault(
                lambda method=method, args=args: self.call(
                    self.salesman, "sale.order", method, [order.id], *args
                ),
                "adds up to 85,901,234",
                "the order total is 171,802,468",
            )
        order.invalidate_recordset()
        self.assertEqual(order.state, "draft")

    def test_action_invoice_over_rpc_answers_one_id(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        line = order.payment_plan_line_ids[0]
        invoice_id = self.call(
            self.accountant, "b2b.payment.plan.line", "action_invoice", [line.id]
        )
        self.assertIsInstance(invoice_id, int)
        again = self.call(
            self.accountant, "b2b.payment.plan.line", "action_invoice", [line.id]
        )
        self.assertEqual(again, invoice_id)
        ids = self.call(
            self.salesman, "sale.order", "action_invoice_payment_plan", [order.id]
        )
        self.assertEqual(len(ids), 2)
        self.assertNotIn(invoice_id, ids)
        line.invalidate_recordset()
        self.assertEqual(line.invoice_id.id, invoice_id)

    def test_release_cannot_be_sent_over_rpc(self):
        order = self.create_order(
            [{"name": "Ký hợp đồng", "percent": 100, "trigger": "contract_signed"}]
        )
        line = order.payment_plan_line_ids
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "b2b.payment.plan.line",
                "write",
                [line.id],
                {"date_released": "2026-03-03"},
                context={"b2b_payment_release_step": True},
            ),
            "released only by its trigger",
        )
