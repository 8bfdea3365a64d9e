# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope gate's waiver: a sales manager lets an order whose scope the
customer has not confirmed go on, with a reason, logged; the waiver's facts
are written by its step only, on every road. The gate (and its waiver) also
holds for invoicing an installment."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged

from . import test_rpc
from .common_scope import ScopeCase

WAIVER_STEP = "waives it with a reason"


class TestScopeWaiver(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order.with_user(cls.salesman).payment_plan_line_ids = [
            Command.create({"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"}),
            Command.create({"name": "Quyết toán", "percent": 70, "trigger": "order_confirmed"}),
        ]
        cls.advance = cls.order.payment_plan_line_ids.sorted("sequence")[:1]

    def waive(self, order, reason="Khách xác nhận qua điện thoại, gửi thư sau"):
        wizard = Form(
            self.env["b2b.scope.waiver.wizard"]
            .with_user(self.sales_manager)
            .with_context(**order.action_open_scope_waiver()["context"])
        )
        wizard.reason = reason
        wizard.save().action_waive()

    def test_waiver_by_manager_with_reason_opens_the_gate(self):
        with self.assertRaises(AccessError):
            self.order.with_user(self.salesman).action_waive_scope("Gấp")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self.order.with_user(self.sales_manager).action_waive_scope("  ")
        with self.assertRaisesRegex(UserError, "before confirming the order"):
            self.confirm(self.order)
        self.waive(self.order)
        self.assertEqual(self.order.b2b_scope_waived_by, self.sales_manager)
        self.assertEqual(
            self.order.b2b_scope_waiver_reason, "Khách xác nhận qua điện thoại, gửi thư sau"
        )
        self.assertTrue(self.order.b2b_scope_waiver_date)
        self.assertIn("Scope gate waived by", "".join(self.order.message_ids.mapped("body")))
        with self.assertRaisesRegex(UserError, "already waived"):
            self.order.with_user(self.sales_manager).action_waive_scope("Lần nữa")
        # The waived order goes the whole way: order, project, phase.
        self.confirm(self.order)
        self.assertEqual(self.order.state, "sale")
        self.agree_plan(self.order.project_id.browse(self.order.with_user(self.salesman).action_create_project()))
        self.phase_script.with_user(self.project_manager).action_start()
        self.assertEqual(self.phase_script.state, "in_progress")
        # An order without scope items, or a confirmed scope, needs no waiver.
        plain = self.create_order(self.service)
        with self.assertRaisesRegex(UserError, "needs no waiver"):
            plain.with_user(self.sales_manager).action_waive_scope("Không cần")

    def test_installment_invoicing_needs_scope_or_waiver(self):
        self.confirm_scope(self.order)
        self.confirm(self.order)
        self.order.with_user(self.sales_manager).action_unlock_scope("Bổ sung phụ đề")
        with self.assertRaisesRegex(UserError, "no installment is invoiced"):
            self.advance.with_user(self.accountant).action_invoice()
        # The daily run meets the same gate (the line is skipped, logged).
        self.assertFalse(self.advance.invoice_id)
        self.order.with_user(self.sales_manager).action_waive_scope("Khách đã chuyển tạm ứng")
        invoice_id = self.advance.with_user(self.accountant).action_invoice()
        self.assertEqual(self.advance.invoice_id.id, invoice_id)

    def test_waiver_facts_only_through_the_step(self):
        facts = {
            "b2b_scope_waived_by": self.sales_manager.id,
            "b2b_scope_waiver_reason": "Tự ghi",
        }
        for order in (self.order.with_user(self.sales_manager), self.order.sudo()):
            with self.assertRaisesRegex(UserError, WAIVER_STEP):
                order.write(facts)
        # A context key the caller sends switches nothing off.
        for value in (True, 1, "1"):
            with self.assertRaisesRegex(UserError, WAIVER_STEP):
                self.order.with_user(self.sales_manager).with_context(
                    b2b_scope_waiver_step=value
                ).write(facts)
        Order = self.env["sale.order"].with_user(self.sales_manager)
        with self.assertRaisesRegex(UserError, WAIVER_STEP):
            Order.create({"partner_id": self.customer.id, **facts})
        result = Order.load(
            ["partner_id/.id", "b2b_scope_waiver_reason"], [[str(self.customer.id), "Nhập"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(WAIVER_STEP, result["messages"][0]["message"])
        self.assertFalse(self.order.b2b_scope_waived_by)
        # A copy of a waived order starts without the waiver.
        self.order.with_user(self.sales_manager).action_waive_scope("Gấp")
        copy = self.order.copy()
        self.assertFalse(copy.b2b_scope_waived_by)
        with self.assertRaisesRegex(UserError, "before confirming the order"):
            self.confirm(copy)


@tagged("post_install", "-at_install")
class TestScopeWaiverRpc(HttpCase, ScopeCase):
    call = test_rpc.TestRpc.call
    assertFault = test_rpc.TestRpc.assertFault

    def test_waiver_over_xmlrpc(self):
        self.assertFault(
            lambda: self.call(
                self.salesman, "sale.order", "action_waive_scope", [self.order.id], "Gấp"
            ),
            "Only sales managers",
        )
        self.assertFault(
            lambda: self.call(
                self.sales_manager,
                "sale.order",
                "write",
                [self.order.id],
                {"b2b_scope_waiver_reason": "Tự ghi"},
                context={"b2b_scope_waiver_step": True},
            ),
            WAIVER_STEP,
        )
        result = self.call(
            self.sales_manager, "sale.order", "action_waive_scope", [self.order.id], "Gấp"
        )
        self.assertIs(result, True)
        self.assertEqual(self.order.b2b_scope_waived_by, self.sales_manager)
