# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every road to the delivery project carries the deal: the phases planned
on the quotation (with the installments their acceptance releases) and the
dates of the scope the customer confirmed, through the form's wizard as
through ``action_create_project`` (button or RPC)."""
from .common import accept_by_customer
from .common_payment import B2BPaymentCase
from .common_scope import SCAN

AGREED = "2026-06-30"


class TestProjectHandover(B2BPaymentCase):
    def create_deal(self):
        """A confirmed order of the salesperson: two phases, an installment
        on the acceptance of each, a dated timeline item of the scope."""
        order = self.env["sale.order"].sudo(self.salesman).create({
            "partner_id": self.customer.id,
            "user_id": self.salesman.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_uom_qty": 1, "product_uom": self.product.uom_id.id,
                "price_unit": 1000.0, "tax_id": [(5, 0, 0)],
            })],
            "phase_ids": [
                (0, 0, {"name": "Phân tích", "sequence": 1, "planned_days": 10}),
                (0, 0, {"name": "Triển khai", "sequence": 2, "planned_days": 20}),
            ],
            "scope_item_ids": [
                (0, 0, {"category": "brief", "name": "Mục tiêu dự án"}),
                (0, 0, {"category": "timeline", "name": "Bàn giao bản chạy thử",
                        "date_deadline": AGREED}),
            ],
        })
        phases = order.phase_ids
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Giai đoạn 1", "percent": 40.0,
                    "trigger": "phase_accepted", "phase_id": phases[0].id}),
            (0, 0, {"sequence": 2, "name": "Nghiệm thu cuối", "percent": 60.0,
                    "trigger": "phase_accepted", "phase_id": phases[1].id}),
        ]})
        order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via="other",
                                   signed_copy=SCAN)
        order.action_confirm()
        return order.sudo()

    def assert_deal_carried(self, order, project):
        self.assertEqual(project.sale_order_id, order)
        # the quotation's phases, the same records, now the project's
        self.assertEqual(project.phase_ids, order.phase_ids)
        self.assertEqual(len(project.phase_ids), 2)
        # the dated scope item: its task shows the customer's date
        task = project.task_ids.filtered(lambda t: t.name.endswith("Bàn giao bản chạy thử"))
        self.assertEqual(len(task), 1)
        self.assertEqual(task.date_deadline_agreed, AGREED)
        self.assertLess(task.date_deadline, AGREED)
        # the first phase accepted releases its installment
        phase = order.phase_ids[0]
        project.message_subscribe_users(user_ids=[self.project_user.id])
        phase.action_start()
        phase.action_to_accept()
        accept_by_customer(self.create_acceptance(phase))
        first, final = order.payment_plan_line_ids
        self.assertEqual(first.state, "invoiced")
        self.assertEqual(first.invoice_id.amount_total, 400.0)
        self.assertEqual(final.state, "planned")

    def test_wizard_carries_the_deal(self):
        """The project manager's button: "Create Delivery Project"."""
        order = self.create_deal()
        wizard = self.env["b2b.project.create.wizard"].sudo(
            self.project_manager
        ).create({"order_id": order.id})
        action = wizard.action_create()
        project = self.env["project.project"].browse(action["res_id"])
        self.assert_deal_carried(order, project)

    def test_method_carries_the_deal(self):
        """``action_create_project`` (the button's method, RPC)."""
        order = self.create_deal()
        project = self.env["project.project"].browse(
            order.sudo(self.project_manager).action_create_project()
        )
        self.assert_deal_carried(order, project)
