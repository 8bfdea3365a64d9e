# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The confirmed scope has no side door: what the customer buys and pays
changes only through an approved change request; the confirmation keeps
what the customer saw."""
from odoo.exceptions import UserError

from .common_scope import SCAN, ScopeCase, create_scope_order

LOCKED = "locked: its items and order lines change only through an approved"


class TestScopeLock(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via="email",
                                       signed_copy=SCAN)
        cls.line = cls.order.order_line.sudo(cls.salesman)
        cls.other = create_scope_order(cls.env, cls.customer, cls.salesman,
                                       price=300.0)

    def assertLocked(self, step):
        with self.assertRaises(UserError) as error:
            step()
        self.assertIn(LOCKED, error.exception.name)

    def test_line_flags_and_moves(self):
        self.assertLocked(lambda: self.line.write({"is_downpayment": True}))
        self.assertLocked(lambda: self.line.write({"discount": 10.0}))
        self.assertLocked(lambda: self.line.write({"tax_id": [(5, 0, 0)]}))
        self.assertLocked(lambda: self.line.write({"name": "Khác"}))
        # A line moved out of the locked order, or into it.
        self.assertLocked(lambda: self.line.write({"order_id": self.other.id}))
        other_line = self.other.order_line.sudo(self.salesman)
        self.assertLocked(lambda: other_line.write({"order_id": self.order.id}))
        # A "down payment" line a user creates is a line like any other.
        self.assertLocked(lambda: self.env["sale.order.line"].sudo(
            self.salesman).create({
                "order_id": self.order.id, "product_id": self.line.product_id.id,
                "name": "Tạm ứng", "price_unit": 5.0, "product_uom_qty": 1.0,
                "is_downpayment": True}))
        self.assertLocked(lambda: self.line.sudo().unlink())
        self.assertEqual(self.order.amount_untaxed, 1000000.0)
        self.assertEqual(self.order.scope_amount_difference, 0.0)

    def test_customer_prices_currency_and_taxes(self):
        order = self.order_as_salesman
        pricelist = self.env["product.pricelist"].create({"name": "Đại lý"})
        other_customer = self.env["res.partner"].create({"name": "Công ty khác"})
        position = self.env["account.fiscal.position"].create({"name": "Xuất khẩu"})
        for values in ({"pricelist_id": pricelist.id},
                       {"partner_id": other_customer.id},
                       {"partner_invoice_id": other_customer.id},
                       {"fiscal_position_id": position.id}):
            self.assertLocked(lambda: order.write(values))
            self.assertLocked(lambda: order.sudo().write(values))
        # Writing the same values (a form saved as it is) is harmless.
        order.write({"partner_id": self.customer.id,
                     "pricelist_id": self.order.pricelist_id.id,
                     "note": "Ghi chú"})
        self.assertLocked(lambda: order.sudo().unlink())
        self.assertTrue(self.order.exists())

    def test_the_invoicing_step_makes_its_down_payment_line(self):
        line = self.env["sale.order.line"]._b2b_create_downpayment_line({
            "order_id": self.order.id, "product_id": self.line.product_id.id,
            "name": "Tạm ứng đợt 1", "price_unit": 300000.0,
            "product_uom_qty": 0.0,
        })
        self.assertTrue(line.is_downpayment)
        self.assertEqual(self.order.amount_untaxed, 1000000.0)
        # The flag is not the key: the user cannot change that line.
        self.assertLocked(lambda: line.sudo(self.salesman).write(
            {"product_uom_qty": 1.0}))

    def test_confirmation_keeps_what_the_customer_saw(self):
        snapshot = self.order_as_salesman.get_scope_snapshot()
        self.assertEqual(snapshot["amount_untaxed"], 1000000.0)
        self.assertEqual(snapshot["customer"], self.customer.display_name)
        self.assertEqual(
            [(line["name"], line["quantity"], line["price_unit"])
             for line in snapshot["lines"]],
            [("Phần mềm quản lý kho", 1.0, 1000000.0)],
        )
        with self.assertRaises(UserError):
            self.order_as_salesman.sudo().write({"scope_snapshot": "{}"})
        change = self.env["b2b.change.request"].sudo(self.salesman).create(
            {"order_id": self.order.id, "name": "Thêm báo cáo",
             "extra_amount": 250000.0})
        change.action_send()
        change.action_approve(approved_by="Lê Văn Hùng", via="email")
        self.assertEqual(self.order.amount_untaxed, 1250000.0)
        self.assertEqual(self.order.scope_amount_difference, 0.0)
        self.assertEqual(
            self.order_as_salesman.get_scope_snapshot()["amount_untaxed"],
            1000000.0)
        self.assertFalse(self.other.get_scope_snapshot())


class TestScopeConfirmationDate(ScopeCase):
    def test_confirmation_not_dated_in_the_future_nor_before_sending(self):
        order = self.order_as_salesman
        for date in ("2999-01-01 00:00:00", "2000-01-01 00:00:00", "hôm qua"):
            with self.assertRaises(UserError):
                order.action_confirm_scope(confirmed_by="Hùng", via="email",
                                           date=date, signed_copy=SCAN)
        self.assertEqual(order.scope_state, "draft")
        order.action_confirm_scope(confirmed_by="Hùng", via="email",
                                   signed_copy=SCAN)
        self.assertEqual(order.scope_state, "confirmed")
