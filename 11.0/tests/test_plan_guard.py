# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plans and phases edited only by who may: an installment stays on its
order, a quotation's phases are changed by who may change the quotation,
the derived fields (an installment's due date, a phase's company, its
customer date) are never written by hand."""
from odoo.exceptions import AccessError, UserError

from .common_payment import B2BPaymentCase


class TestPlanGuard(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Công ty khác"})

    def quotation(self, user=None):
        """A quotation of ``user`` (the salesperson): one line, two phases."""
        user = user or self.salesman
        return self.env["sale.order"].sudo(user).create({
            "partner_id": self.customer.id,
            "user_id": user.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_uom_qty": 1, "product_uom": self.product.uom_id.id,
                "price_unit": 1000.0, "tax_id": [(5, 0, 0)],
            })],
            "phase_ids": [
                (0, 0, {"name": "Phân tích", "sequence": 1}),
                (0, 0, {"name": "Triển khai", "sequence": 2}),
            ],
        })

    def confirmed_order(self):
        """A confirmed order: half on confirmation (invoiced), half on a
        date to come."""
        order = self.quotation()
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 50.0}),
            (0, 0, {"sequence": 2, "name": "Đợt cuối", "percent": 50.0,
                    "trigger": "date", "date_planned": "2099-01-01"}),
        ]})
        order.action_confirm()
        return order

    # -- quotation phases ------------------------------------------------
    def test_other_salesperson_cannot_change_quotation_phases(self):
        order = self.quotation()
        own = self.quotation(self.salesman_other)
        phase = order.phase_ids[0].sudo(self.salesman_other)
        for vals in ({"name": "Đổi tên"}, {"sequence": 9},
                     {"order_id": own.id}, {"deliverables": "Khác"}):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                phase.write(vals)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            phase.unlink()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env["b2b.phase"].sudo(self.salesman_other).create(
                {"order_id": order.id, "name": "Thêm"})
        # nor onto their own quotation from another's
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            own.phase_ids[0].write({"order_id": order.id})
        # an import is refused the same way
        result = self.env["b2b.phase"].sudo(self.salesman_other).load(
            [".id", "name"], [[str(phase.id), "Nhập"]])
        self.assertFalse(result["ids"])
        self.assertEqual(order.phase_ids.mapped("name"), ["Phân tích", "Triển khai"])
        self.assertEqual(len(order.phase_ids), 2)

    def test_salesperson_plans_own_quotation_phases(self):
        order = self.quotation()
        phase = order.phase_ids[0].sudo(self.salesman)
        phase.write({"name": "Khảo sát"})
        order.write({"phase_ids": [(0, 0, {"name": "Đào tạo", "sequence": 3})]})
        order.phase_ids[2].sudo(self.salesman).unlink()
        self.assertEqual(order.phase_ids.mapped("name"), ["Khảo sát", "Triển khai"])
        # server code (sudo) is not held
        order.phase_ids[1].sudo().write({"name": "Triển khai hệ thống"})
        self.assertEqual(order.phase_ids[1].name, "Triển khai hệ thống")

    def test_phase_company_and_customer_date_not_written(self):
        phase = self.quotation().phase_ids[0]
        for user_phase in (phase.sudo(self.salesman), phase.sudo()):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                user_phase.write({"company_id": self.other_company.id})
            with self.assertRaises(UserError), self.env.cr.savepoint():
                user_phase.write({"date_deadline_agreed": "2026-07-01"})
        result = self.env["b2b.phase"].sudo(self.salesman).load(
            [".id", "company_id/.id"], [[str(phase.id), str(self.other_company.id)]])
        self.assertFalse(result["ids"])
        self.assertEqual(phase.company_id, self.company)
        self.assertFalse(phase.date_deadline_agreed)

    # -- installments ----------------------------------------------------
    def test_installment_stays_on_its_order(self):
        order = self.confirmed_order()
        final = order.payment_plan_line_ids[1]
        other = self.quotation()
        for line in (final.sudo(self.salesman), final.sudo()):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                line.write({"order_id": other.id})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            other.write({"payment_plan_line_ids": [(4, final.id)]})
        self.assertEqual(final.order_id, order)
        self.assertEqual(sum(order.payment_plan_line_ids.mapped("amount")), 1000.0)
        # writing its own order again is no move
        final.sudo(self.salesman).write({"order_id": order.id, "name": "Quyết toán"})
        self.assertEqual(final.name, "Quyết toán")

    def test_open_installment_due_date_not_written(self):
        order = self.confirmed_order()
        advance = order.payment_plan_line_ids[0]
        self.assertEqual(advance.state, "invoiced")
        due = advance.date_due
        for line in (advance.sudo(self.salesman), advance.sudo(self.accountant),
                     advance.sudo()):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                line.write({"date_due": "2099-12-31"})
        result = self.env["b2b.payment.plan.line"].sudo(self.salesman).load(
            [".id", "date_due"], [[str(advance.id), "2099-12-31"]])
        self.assertFalse(result["ids"])
        self.assertEqual(advance.date_due, due)
