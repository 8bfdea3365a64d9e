# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every line of the order is covered by the payment plan: a line added by
an approved change request gets its own installment in the same step (once),
a line added otherwise to a confirmed order comes with the plan's change,
lines billed on delivered quantities are billed by the final installment
once all is delivered, and the order is settled only when nothing remains
uninvoiced or unpaid."""

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError

from .common_payment import PaymentCase
from .common_scope import SENT_ON, ScopeCase


class TestPaymentChangeRequest(ScopeCase):
    """A change request approved on an order whose plan is confirmed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 100,000,000 + 8 % VAT = 108,000,000: 30 % on confirmation, the rest
        # with the final invoice.
        cls.order.with_user(cls.salesman).write(
            {
                "payment_plan_line_ids": [
                    Command.create(
                        {"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"}
                    ),
                    Command.create(
                        {"name": "Quyết toán", "percent": 70, "trigger": "order_confirmed"}
                    ),
                ]
            }
        )
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.advance, cls.final = cls.order.payment_plan_line_ids.sorted("sequence")

    def new_change(self, amount=20000000):
        return (
            self.env["b2b.change.request"]
            .with_user(self.salesman)
            .create(
                {
                    "order_id": self.order.id,
                    "name": "Thêm một video 30 giây",
                    "extra_amount": amount,
                    "extra_days": 0,
                }
            )
            .with_env(self.env)
        )

    def send(self, change):
        with freeze_time(SENT_ON):
            change.with_user(self.salesman).action_send()
        return change

    def approve(self, change):
        self.send(change)
        self.customer_mail(change, body="Đồng ý thay đổi.")
        change.with_user(self.salesman).action_approve()
        return change

    def invoice(self, line):
        invoice_id = line.with_user(self.accountant).action_invoice()
        invoice = self.env["account.move"].browse(invoice_id)
        invoice.invoice_date = "2026-03-10"
        invoice.with_user(self.accountant).action_post()
        return invoice

    def test_change_request_adds_its_installment_once(self):
        self.assertEqual(self.order.amount_total, 108000000)
        self.invoice(self.advance)
        change = self.approve(self.new_change())
        order = self.order
        # 20,000,000 + 8 % VAT.
        self.assertEqual(order.amount_total, 129600000)
        plan = order.payment_plan_line_ids
        self.assertEqual(sum(plan.mapped("amount")), order.amount_total)
        self.assertEqual(self.advance.amount, 32400000)
        self.assertEqual(self.final.amount, 75600000)
        extra = plan.filtered(lambda line: line.change_request_id == change)
        self.assertEqual(len(extra), 1)
        self.assertEqual(extra.amount, 21600000)
        self.assertEqual(extra.state, "to_invoice")
        self.assertIn("Thêm một video 30 giây", extra.name)
        # The final installment stays the last one.
        self.assertTrue(self.final._is_final())
        # Again (a retry, a second approval): no second installment.
        change.with_user(self.salesman).action_approve()
        change.sudo()._b2b_decide("approved", "email", "Ai đó")
        self.assertEqual(len(order.payment_plan_line_ids), 3)
        # Billed as the order's lines: its down payment, then the final
        # invoice deducts every installment, to the unit.
        self.assertEqual(self.invoice(extra).amount_total, 21600000)
        final_invoice = self.invoice(self.final)
        self.assertEqual(final_invoice.amount_total, 75600000)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(
            sum(order.invoice_ids.filtered(lambda m: m.state == "posted").mapped("amount_total")),
            order.amount_total,
        )

    def test_change_request_with_a_percent_plan_not_invoiced(self):
        # Nothing invoiced yet: the agreed installments keep their amounts.
        change = self.approve(self.new_change())
        self.assertEqual(self.advance.amount, 32400000)
        self.assertEqual(self.final.amount, 75600000)
        extra = self.order.payment_plan_line_ids.filtered("change_request_id")
        self.assertEqual(extra.change_request_id, change)
        self.assertEqual(extra.amount, 21600000)

    def test_change_request_approved_through_the_link(self):
        change = self.send(self.new_change())
        # The portal route runs the customer's answer as sudo of the portal user.
        change.with_user(self.portal_user).sudo()._b2b_decide_from_link(
            "approved", "Nguyễn Văn An"
        )
        extra = self.order.payment_plan_line_ids.filtered("change_request_id")
        self.assertEqual(extra.change_request_id, change)
        self.assertEqual(extra.amount, 21600000)
        self.assertEqual(
            sum(self.order.payment_plan_line_ids.mapped("amount")), self.order.amount_total
        )

    def test_change_request_lowering_the_order_lowers_the_final_installment(self):
        self.invoice(self.advance)
        self.approve(self.new_change(amount=-10000000))
        # 108,000,000 - 10,000,000 x 1.08.
        self.assertEqual(self.order.amount_total, 97200000)
        self.assertFalse(self.order.payment_plan_line_ids.filtered("change_request_id"))
        self.assertEqual(self.advance.amount, 32400000)
        self.assertEqual(self.final.amount, 64800000)
        self.assertEqual(self.invoice(self.final).amount_total, 64800000)
        self.assertEqual(self.order.invoice_status, "invoiced")

    def test_change_request_on_a_quotation_follows_the_plan(self):
        quotation = self.create_order(self.service)
        quotation.order_line.tax_ids = self.vat8
        quotation.with_user(self.salesman).write(
            {
                "payment_plan_line_ids": [
                    Command.create({"name": "Tạm ứng", "percent": 30}),
                    Command.create({"name": "Quyết toán", "percent": 70}),
                ]
            }
        )
        self.add_items(quotation)
        self.confirm_scope(quotation)
        change = (
            self.env["b2b.change.request"]
            .with_user(self.salesman)
            .create({"order_id": quotation.id, "name": "Thêm phụ đề", "extra_amount": 20000000})
            .with_env(self.env)
        )
        self.approve(change)
        # The plan is still agreed on the quotation: its percents follow the
        # order, no installment of its own.
        plan = quotation.payment_plan_line_ids
        self.assertEqual(len(plan), 2)
        self.assertFalse(plan.change_request_id)
        self.assertEqual(sorted(plan.mapped("amount")), [38880000, 90720000])
        self.confirm(quotation)
        self.assertEqual(quotation.state, "sale")

    def test_change_request_after_the_final_invoice_is_refused(self):
        self.invoice(self.advance)
        self.invoice(self.final)
        change = self.send(self.new_change())
        self.customer_mail(change)
        # (assertRaises, unlike assertRaisesRegex, rolls back what the
        # refused step wrote.)
        with self.assertRaises(UserError) as caught:
            change.with_user(self.salesman).action_approve()
        self.assertIn("final invoice", str(caught.exception))
        self.assertEqual(change.state, "sent")
        self.assertEqual(len(self.order.payment_plan_line_ids), 2)

    def test_installment_of_a_change_request_only_by_its_step(self):
        change = self.new_change()
        with self.assertRaisesRegex(UserError, "change request"):
            self.advance.with_user(self.salesman).change_request_id = change
        # The step's context key sent by a caller (RPC) is not the step.
        with self.assertRaisesRegex(UserError, "change request"):
            self.advance.with_user(self.salesman).with_context(
                b2b_change_request_step=True
            ).write({"change_request_id": change.id})
        with self.assertRaisesRegex(UserError, "change request"):
            self.advance.sudo().write({"change_request_id": change.id})
        with self.assertRaisesRegex(UserError, "change request"):
            self.env["b2b.payment.plan.line"].with_user(self.salesman).create(
                {
                    "order_id": self.order.id,
                    "name": "Giả",
                    "amount": 1,
                    "change_request_id": change.id,
                }
            )


class TestPaymentCoverage(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.support = cls.env["product.product"].create(
            {
                "name": "Hỗ trợ kỹ thuật",
                "type": "service",
                "invoice_policy": "delivery",
                "service_type": "manual",
                "list_price": 11111111,
            }
        )

    def plan_70_30(self):
        return [
            {"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"},
            {"name": "Quyết toán", "percent": 70, "trigger": "order_confirmed"},
        ]

    def test_line_added_to_a_confirmed_order_comes_with_the_plan(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        total = order.amount_total
        new_line = {
            "product_id": self.support.id,
            "tax_ids": [Command.set(self.tax_10.ids)],
        }
        # (assertRaises, unlike assertRaisesRegex, rolls back what the
        # refused write wrote.)
        with self.assertRaises(UserError) as caught:
            order.with_user(self.salesman).write({"order_line": [Command.create(new_line)]})
        self.assertIn("stays whole", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self.env["sale.order.line"].with_user(self.salesman).create(
                dict(new_line, order_id=order.id)
            )
        self.assertIn("stays whole", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            order.order_line[:1].with_user(self.salesman).product_uom_qty = 2
        self.assertIn("stays whole", str(caught.exception))
        # Superuser, and an import, meet the same rule.
        with self.assertRaises(UserError) as caught:
            self.env["sale.order.line"].sudo().create(dict(new_line, order_id=order.id))
        self.assertIn("stays whole", str(caught.exception))
        result = self.env["sale.order.line"].with_user(self.salesman).load(
            ["order_id/.id", "product_id/.id", "product_uom_qty"],
            [[str(order.id), str(self.support.id), "1"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("stays whole", " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(len(order.order_line), 2)
        self.assertEqual(order.amount_total, total)
        # The line and its installment in the same save.
        order.with_user(self.salesman).write(
            {
                "order_line": [Command.create(new_line)],
                "payment_plan_line_ids": [
                    Command.create({"name": "Phát sinh", "amount": 12222222})
                ],
            }
        )
        self.assertEqual(order.amount_total, total + 12222222)
        self.assertEqual(sum(order.payment_plan_line_ids.mapped("amount")), order.amount_total)

    def delivered_order(self):
        order = self.create_order(self.plan_70_30())
        order.with_user(self.salesman).write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.support.id,
                            "product_uom_qty": 3,
                            "tax_ids": [Command.set(self.tax_10.ids)],
                        }
                    )
                ]
            }
        )
        return self.confirm(order)

    def test_delivered_lines_billed_by_the_final_installment(self):
        order = self.delivered_order()
        # 171,802,468 + 3 x 11,111,111 x 1.1 = 208,469,134 (to the đồng).
        self.assertEqual(order.amount_total, 208469134)
        advance, final = order.payment_plan_line_ids.sorted("sequence")
        self.assertEqual(advance.amount + final.amount, order.amount_total)
        self.post(self.invoice(advance))
        support_line = order.order_line.filtered(lambda line: line.product_id == self.support)
        # Nothing or part delivered: the final invoice waits.
        with self.assertRaisesRegex(UserError, "delivered"):
            self.invoice(final)
        support_line.qty_delivered = 2
        with self.assertRaisesRegex(UserError, "delivered"):
            self.invoice(final)
        self.assertFalse(final.invoice_id)
        # More than ordered: the order changes first.
        support_line.qty_delivered = 4
        with self.assertRaisesRegex(UserError, "more than"):
            self.invoice(final)
        support_line.qty_delivered = 3
        final_invoice = self.post(self.invoice(final))
        self.assertEqual(final_invoice.amount_total, final.amount)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(final.state, "invoiced")

    def test_settled_only_when_all_is_invoiced_and_paid(self):
        order = self.delivered_order()
        advance, final = order.payment_plan_line_ids.sorted("sequence")

        def open_items(orders):
            return "\n".join(orders._b2b_open_items())

        self.assertIn(advance.name, open_items(order))
        advance_invoice = self.post(self.invoice(advance))
        self.assertIn("not paid: ", open_items(order))
        self.pay(advance_invoice)
        self.assertNotIn(advance.name, open_items(order))
        self.assertIn(final.name, open_items(order))
        support_line = order.order_line.filtered(lambda line: line.product_id == self.support)
        self.assertIn("of 3 ordered (0 delivered)", open_items(order))
        support_line.qty_delivered = 3
        final_invoice = self.post(self.invoice(final))
        self.assertNotIn("ordered", open_items(order))
        self.assertIn(final_invoice.name, open_items(order))
        self.pay(final_invoice)
        self.assertEqual(order._b2b_open_items(), [])
        # An order without a plan: every line invoiced and paid.
        plain = self.confirm(self.create_order())
        self.assertIn("invoiced for 0 of", open_items(plain))
