# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The whole story, from the lead to the paid invoice and the liquidation
minutes, each step by the role that takes it with the narrowest rights:
the salesperson, the project manager, the customer through their link and
the accountant."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from .common_payment import PaymentCase
from .test_acceptance_common import SIGNATURE


class TestStory(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_values = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.project_manager = new_test_user(
            cls.env,
            login="b2b_story_pm",
            groups="project.group_project_manager",
            name="Phạm Thị Dung",
            **company_values,
        )
        cls.customer.email = "info@minhphat.vn"
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Nguyễn Văn An",
                "parent_id": cls.customer.id,
                "email": "an@minhphat.vn",
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="b2b_story_portal_an",
            groups="base.group_portal",
            partner_id=cls.contact.id,
            **company_values,
        )

    def test_lead_to_paid_invoice(self):
        salesman, pm, accountant = self.salesman, self.project_manager, self.accountant
        # 1. The salesperson works the opportunity: a call that reached the customer.
        lead = self.env["crm.lead"].with_user(salesman).create(
            {
                "name": "Phần mềm quản lý kho",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": salesman.id,
            }
        )
        self.env["b2b.touchpoint"].with_user(salesman).create(
            {"lead_id": lead.id, "kind": "call", "call_outcome": "talked"}
        )
        self.assertEqual(lead.b2b_touchpoint_count, 1)
        # 2. The quotation with its phase and its payment plan.
        order = self.create_order()
        order.opportunity_id = lead
        phase = self.env["b2b.phase"].with_user(salesman).create(
            {"order_id": order.id, "name": "Giai đoạn 1"}
        )
        order.with_user(salesman).payment_plan_line_ids = [
            Command.create({"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"}),
            Command.create(
                {"name": "Nghiệm thu", "percent": 70, "trigger": "phase_accepted",
                 "phase_id": phase.id}
            ),
        ]
        # 3. The contract, made from the opportunity and signed.
        contract = self.env["b2b.contract"].browse(
            lead.with_user(salesman).create_b2b_contract()
        )
        order.b2b_contract_id = contract
        contract.with_user(salesman).action_sign("2026-03-05")
        self.assertEqual(contract.state, "signed")
        # 4. The salesperson confirms the order: the advance is due.
        with freeze_time("2026-03-06 03:00:00"):
            order.with_user(salesman).action_confirm()
        advance, on_phase = order.payment_plan_line_ids
        self.assertEqual((advance.state, on_phase.state), ("to_invoice", "planned"))
        # 5. The accountant invoices the advance, posts it, records its payment.
        self.pay(self.post(self.invoice(advance, accountant), accountant), accountant)
        self.assertIn(advance.invoice_id.payment_state, ("paid", "in_payment"))
        # 6. The delivery project takes the same phase; the project manager
        # delivers it and sends the minutes; the customer signs on the link.
        project = self.env["project.project"].browse(
            order.with_user(salesman).action_create_project()
        )
        self.assertEqual(phase.project_id, project)
        self.env["project.task"].create(
            {"name": "Tài liệu bàn giao", "project_id": project.id,
             "milestone_id": phase.milestone_id.id, "user_ids": [Command.set(pm.ids)]}
        )
        # The project manager leads the project; the team agrees to the
        # plan before the first phase starts.
        project.sudo().user_id = pm
        project.with_user(pm).action_b2b_agree_plan()
        phase.with_user(pm).action_start()
        phase.with_user(pm).action_to_accept()
        acceptance = self.env["b2b.acceptance"].browse(
            phase.with_user(pm).action_request_acceptance()["res_id"]
        )
        acceptance.recipient_id = self.contact
        acceptance.with_user(pm).action_send()
        acceptance.with_user(self.portal_user)._accept_by_customer("Nguyễn Văn An", SIGNATURE)
        self.assertEqual(phase.state, "accepted")
        self.assertEqual(on_phase.state, "invoiced")
        # 7. The accountant posts the final invoice (it deducts the advance)
        # and records its payment: the order is invoiced and paid, to the đồng.
        self.pay(self.post(on_phase.invoice_id, accountant), accountant)
        self.assertEqual(set(order.invoice_ids.mapped("payment_state")) - {"paid", "in_payment"}, set())
        self.assertEqual(sum(order.invoice_ids.mapped("amount_total")), order.amount_total)
        self.assertEqual(order.invoice_status, "invoiced")
        # 8. Nothing open: the contract liquidates.
        self.assertIs(contract.with_user(salesman).action_liquidate("2026-03-25"), True)
        self.assertEqual(contract.state, "done")
        # 9. The indicators count the story.
        figures = {
            row["kpi"]: row["actual"]
            for row in self.env["b2b.kpi.target"].get_kpi_values(
                "2026-03-01", "2026-03-31", [salesman.id]
            )
        }
        self.assertEqual((figures["contracts"], figures["orders"]), (1, 1))
