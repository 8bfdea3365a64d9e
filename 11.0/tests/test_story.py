# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The story: from a lead to a paid invoice, through public methods only,
each step done by the user whose job it is, ending with the indicators
counting it."""
from odoo import fields

from .common import SIGNATURE
from .common_payment import B2BPaymentCase


class TestStory(B2BPaymentCase):
    def test_lead_to_paid_invoice(self):
        salesman, manager = self.salesman, self.sales_manager
        project_user, accountant = self.project_user, self.accountant
        Lead = self.env["crm.lead"].sudo(salesman)
        # 1. The salesperson works the opportunity: a call, a meeting held.
        lead = Lead.create({
            "name": "Phần mềm quản lý kho", "type": "opportunity",
            "partner_id": self.customer.id, "user_id": salesman.id,
            "b2b_data_source": "relationship",
        })
        Touchpoint = self.env["b2b.touchpoint"].sudo(salesman)
        Touchpoint.create({"lead_id": lead.id, "partner_id": self.signatory.id,
                           "kind": "call", "call_outcome": "talked"})
        Touchpoint.create({"lead_id": lead.id, "partner_id": self.signatory.id,
                           "kind": "meeting", "meeting_state": "held"})
        # 2. The quotation, sent (the proposal), with its scope and its plan.
        order = self.env["sale.order"].sudo(salesman).create({
            "partner_id": self.customer.id, "user_id": salesman.id,
            "opportunity_id": lead.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_uom_qty": 1, "product_uom": self.product.uom_id.id,
                "price_unit": 1000.0, "tax_id": [(5, 0, 0)],
            })],
            "scope_item_ids": [(0, 0, {"category": "brief", "name": "Mục tiêu"})],
        })
        order.force_quotation_send()
        self.assertTrue(order.b2b_date_proposal)
        # 3. The contract, signed.
        contract = self.env["b2b.contract"].sudo(salesman).create({
            "partner_id": self.customer.id, "lead_id": lead.id,
            "user_id": salesman.id, "sale_order_ids": [(6, 0, order.ids)],
            # the stages' checkpoints are theirs to test; here: the money
            "mark_lead_won": False,
        })
        contract.action_sign()
        self.assertEqual(contract.state, "signed")
        # 4. The customer confirms the scope through the link.
        order.action_send_scope()
        token = order.sudo().scope_token
        linked = self.env["sale.order"]._find_by_link_token(order.id, token)
        linked._confirm_scope_by_customer("Nguyễn Văn An")
        self.assertEqual(order.scope_state, "confirmed")
        # 5. The phase and the plan, agreed with the deal on the quotation.
        order.write({"phase_ids": [(0, 0, {"name": "Giai đoạn 1"})]})
        phase = order.phase_ids
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 30.0,
                    "trigger": "order_confirmed", "payment_days": 10}),
            (0, 0, {"sequence": 2, "name": "Nghiệm thu", "percent": 70.0,
                    "trigger": "phase_accepted", "phase_id": phase.id,
                    "payment_days": 10}),
        ]})
        # 6. The salesperson confirms the order: the first installment is due.
        order.action_confirm()
        first, second = order.payment_plan_line_ids.sorted("sequence")
        self.assertEqual(first.state, "to_invoice" if not first.invoice_id
                         else "invoiced")
        # 7. The project manager creates the delivery project, which takes
        # the same phase; the team delivers; the customer accepts by the link.
        project = self.env["project.project"].browse(
            order.sudo(self.project_manager).action_create_project())
        self.assertEqual(phase.project_id, project)
        project.sudo().message_subscribe_users(user_ids=[project_user.id])
        phase = phase.sudo(project_user)
        phase.action_start()
        phase.action_to_accept()
        acceptance = self.env["b2b.acceptance"].sudo(project_user).create({
            "phase_id": phase.id, "signatory_id": self.signatory.id,
            "item_ids": [(0, 0, {"name": "Tài liệu bàn giao"})],
        })
        acceptance.action_send()
        token = acceptance.sudo().access_token
        linked = self.env["b2b.acceptance"]._find_by_link_token(acceptance.id, token)
        linked._accept_by_customer("Nguyễn Văn An", SIGNATURE, "link")
        self.assertEqual(phase.state, "accepted")
        self.assertEqual(second.state if second.invoice_id else "to_invoice",
                         second.state)
        # 8. The accountant invoices each installment once, validates, and
        # records the payments.
        lines = order.payment_plan_line_ids.sudo(accountant)
        for line in lines.filtered(lambda line: not line.invoice_id):
            line.action_invoice()
        invoices = lines.mapped("invoice_id")
        self.assertEqual(len(invoices), 2)
        self.assertAlmostEqual(sum(invoices.mapped("amount_total")), 1000.0, 2)
        for invoice in invoices:
            self.pay(invoice)
        self.assertEqual(set(lines.mapped("state")), {"paid"})
        # 9. The indicators count it, for the sales manager.
        today = fields.Date.context_today(order)
        values = {
            row["kpi"]: row["actual"]
            for row in self.env["b2b.kpi.target"].sudo(manager).get_kpi_values(
                "2000-01-01", "2100-12-31", [salesman.id])
        }
        self.assertTrue(today)
        self.assertEqual(values["contacts_reached"], 1)
        self.assertEqual(values["meetings_held"], 1)
        self.assertEqual(values["proposals"], 1)
        self.assertEqual(values["contracts"], 1)
        self.assertEqual(values["orders"], 1)
        self.assertEqual(values["customers"], 1)
        self.assertAlmostEqual(values["revenue"], 1000.0, 2)
        self.assertAlmostEqual(values["receivables"], 0.0, 2)
