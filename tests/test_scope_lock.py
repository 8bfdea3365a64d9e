# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A confirmed scope is locked, with no side door: its items and the
order's products, quantities, prices, taxes and customer refuse every road
(create, write, unlink, copy, import, another order's line moved in, a
context key the caller sends); only an approved change request adds to it."""

from odoo import Command
from odoo.exceptions import UserError

from .common_scope import ScopeCase

LOCKED = "confirmed by the customer and locked"


class TestScopeLock(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_scope(cls.order)
        cls.line = cls.order.order_line

    def assert_unchanged(self):
        self.assertEqual(self.order.scope_state, "confirmed")
        self.assertEqual(self.order.amount_untaxed, 100000000)
        self.assertEqual(len(self.order.scope_item_ids), 2)

    def test_items_refuse_every_road(self):
        Item = self.env["b2b.scope.item"].with_user(self.salesman)
        item = self.items[0].with_user(self.salesman)
        with self.assertRaisesRegex(UserError, LOCKED):
            item.write({"name": "Video 10 phút"})
        with self.assertRaisesRegex(UserError, LOCKED):
            Item.create({"order_id": self.order.id, "name": "Thêm clip", "category": "other"})
        with self.assertRaisesRegex(UserError, LOCKED):
            item.unlink()
        with self.assertRaisesRegex(UserError, LOCKED):
            item.copy()
        with self.assertRaisesRegex(UserError, LOCKED):
            self.order.with_user(self.salesman).write(
                {"scope_item_ids": [Command.create({"name": "Thêm", "category": "ui"})]}
            )
        # An item of another quotation moved into the locked scope.
        other = self.create_order(self.service)
        other_item = self.add_items(other)[0].with_user(self.salesman)
        with self.assertRaisesRegex(UserError, LOCKED):
            other_item.write({"order_id": self.order.id})
        result = Item.load(
            ["order_id/.id", "name", "category"], [[str(self.order.id), "Nhập thêm", "brief"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(LOCKED, result["messages"][0]["message"])
        # As superuser too: the lock is a rule of the data, not of rights.
        with self.assertRaisesRegex(UserError, LOCKED):
            self.items[1].sudo().write({"name": "Khác"})
        self.assert_unchanged()

    def test_order_lines_refuse_every_road(self):
        line = self.line.with_user(self.salesman)
        for values in (
            {"product_uom_qty": 2},
            {"price_unit": 1},
            {"discount": 50},
            {"tax_ids": [Command.clear()]},
            {"product_id": self.service_project.id},
        ):
            with self.assertRaisesRegex(UserError, LOCKED):
                line.write(values)
        with self.assertRaisesRegex(UserError, LOCKED):
            self.env["sale.order.line"].with_user(self.salesman).create(
                {"order_id": self.order.id, "product_id": self.service.id}
            )
        with self.assertRaisesRegex(UserError, LOCKED):
            line.unlink()
        with self.assertRaisesRegex(UserError, LOCKED):
            self.order.with_user(self.salesman).write(
                {"order_line": [Command.update(self.line.id, {"price_unit": 5})]}
            )
        # A line of another order moved into the locked one.
        other = self.create_order(self.service)
        with self.assertRaisesRegex(UserError, LOCKED):
            other.order_line.with_user(self.salesman).write({"order_id": self.order.id})
        result = self.env["sale.order.line"].with_user(self.salesman).load(
            ["order_id/.id", "product_id/.id"], [[str(self.order.id), str(self.service.id)]]
        )
        self.assertFalse(result["ids"])
        # A description is not the scope: it may still be corrected.
        line.name = "Sản xuất video (bản sửa)"
        self.assert_unchanged()

    def test_order_fields_and_unlink_refused(self):
        order = self.order.with_user(self.salesman)
        other_partner = self.env["res.partner"].create({"name": "Công ty khác"})
        with self.assertRaisesRegex(UserError, LOCKED):
            order.write({"partner_id": other_partner.id})
        # Writing the same value is harmless.
        order.write({"partner_id": self.customer.id})
        with self.assertRaisesRegex(UserError, LOCKED):
            self.order.sudo().unlink()
        self.assert_unchanged()

    def test_context_key_sent_by_the_caller_opens_nothing(self):
        for value in (True, 1, "b2b_change_request_step"):
            Line = self.env["sale.order.line"].with_user(self.salesman).with_context(
                b2b_change_request_step=value, b2b_scope_step=value
            )
            with self.assertRaisesRegex(UserError, LOCKED):
                Line.create({"order_id": self.order.id, "product_id": self.service.id})
            with self.assertRaisesRegex(UserError, LOCKED):
                self.line.with_env(Line.env).write({"price_unit": 1})
            with self.assertRaisesRegex(UserError, LOCKED):
                self.items[0].with_env(Line.env).unlink()
        self.assert_unchanged()

    def test_invoicing_does_not_change_the_scope(self):
        """Odoo's invoicing writes its own down payment lines (quantity 0):
        allowed on a locked scope; the scope's amounts do not move."""
        self.confirm(self.order)
        Wizard = self.env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=self.order.ids
        )
        Wizard.create({"advance_payment_method": "percentage", "amount": 30}).create_invoices()
        self.order.invoice_ids.action_post()
        Wizard.create({"advance_payment_method": "delivered"}).create_invoices()
        self.assertEqual(
            sorted(self.order.invoice_ids.mapped("amount_untaxed")), [30000000, 70000000]
        )
        self.assert_unchanged()
        # A "down payment" line a caller adds with a quantity is no side door.
        with self.assertRaisesRegex(UserError, LOCKED):
            self.env["sale.order.line"].with_user(self.salesman).create(
                {
                    "order_id": self.order.id,
                    "product_id": self.service.id,
                    "is_downpayment": True,
                    "product_uom_qty": 1,
                    "price_unit": 5,
                }
            )
        downpayment = self.order.order_line.filtered(
            lambda line: line.is_downpayment and not line.display_type
        )
        with self.assertRaisesRegex(UserError, LOCKED):
            downpayment.with_user(self.salesman).product_uom_qty = 3

    def test_unlocked_by_manager_changes_again(self):
        self.order.with_user(self.sales_manager).action_unlock_scope("Khách bổ sung phụ đề")
        self.line.with_user(self.salesman).product_uom_qty = 2
        self.items[0].with_user(self.salesman).name = "Video 5 phút"
        self.assertEqual(self.order.amount_untaxed, 200000000)
