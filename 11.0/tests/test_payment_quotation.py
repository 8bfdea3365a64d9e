# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The plan agreed with the deal: phases and installments on the quotation,
the advance on the contract's signature, changes after invoices."""
from odoo.exceptions import AccessError, UserError, ValidationError

from . import test_reports
from .common import accept_by_customer
from .common_payment import B2BPaymentCase


class TestPaymentQuotation(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.env["b2b.contract"].create(
            {"partner_id": cls.customer.id}
        )

    def create_quotation(self, price=1000.0):
        """A quotation with three phases and a plan advance / phase 1 / final,
        all before confirmation, as the salesperson."""
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "user_id": self.salesman.id,
            "b2b_contract_id": self.contract.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_uom_qty": 1, "product_uom": self.product.uom_id.id,
                "price_unit": price, "tax_id": [(5, 0, 0)],
            })],
            "phase_ids": [
                (0, 0, {"name": "Phân tích", "sequence": 1, "planned_days": 10,
                        "deliverables": "Tài liệu yêu cầu"}),
                (0, 0, {"name": "Thiết kế", "sequence": 2, "planned_days": 20}),
                (0, 0, {"name": "Triển khai", "sequence": 3, "planned_days": 30}),
            ],
        })
        phases = order.phase_ids
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 30.0,
                    "trigger": "contract_signed"}),
            (0, 0, {"sequence": 2, "name": "Giai đoạn 1", "percent": 40.0,
                    "trigger": "phase_accepted", "phase_id": phases[0].id}),
            (0, 0, {"sequence": 3, "name": "Nghiệm thu cuối", "percent": 30.0,
                    "trigger": "phase_accepted", "phase_id": phases[2].id}),
        ]})
        return order.sudo(self.salesman)

    def accept(self, phase):
        phase = phase.sudo()
        phase.project_id.message_subscribe_users(user_ids=[self.project_user.id])
        phase.action_start()
        phase.action_to_accept()
        accept_by_customer(self.create_acceptance(phase))

    def order_with_two_invoices(self):
        """The quotation with its advance on confirmation and a fixed first
        installment, confirmed, its first phase accepted: advance and first
        installment invoiced, the final one to come."""
        order = self.create_quotation()
        order.write({"payment_plan_line_ids": [
            (1, order.payment_plan_line_ids[0].id, {"trigger": "order_confirmed"}),
            (1, order.payment_plan_line_ids[1].id,
             {"amount_type": "fixed", "fixed_amount": 400.0}),
        ]})
        order.sudo(self.salesman).action_confirm()
        self.env["project.project"].browse(order.sudo().action_create_project())
        self.accept(order.phase_ids[0])
        return order

    def assert_kept(self, line, writes, message):
        """Each of ``writes`` on ``line`` refused with ``message``."""
        for vals in writes:
            with self.assertRaises(UserError) as error, self.env.cr.savepoint():
                line.sudo(self.salesman).write(vals)
            self.assertEqual(error.exception.name, message)

    def test_plan_on_the_quotation_to_the_final_invoice(self):
        order = self.create_quotation()
        advance, first, final = order.payment_plan_line_ids
        self.assertEqual(order.payment_plan_line_ids.mapped("amount"),
                         [300.0, 400.0, 300.0])
        phase_ids = order.phase_ids.ids
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(advance.state, "planned")  # the contract is not signed
        project = self.env["project.project"].browse(
            order.sudo().action_create_project()
        )
        self.assertEqual(project.phase_ids.ids, phase_ids)
        self.assertEqual(order.phase_ids.mapped("project_id"), project)
        self.contract.action_sign()
        self.assertEqual(advance.state, "invoiced")
        self.assertEqual(advance.date_triggered, self.contract.date_signed)
        self.assertEqual(advance.invoice_id.amount_total, 300.0)
        project.message_subscribe_users(user_ids=[self.project_user.id])
        self.accept(order.phase_ids[0])
        self.assertEqual(first.state, "invoiced")
        self.accept(order.phase_ids[1])  # no installment of its own
        self.assertEqual(final.state, "planned")
        self.accept(order.phase_ids[2])
        self.assertEqual(final.state, "invoiced")
        self.assertEqual(final.invoice_id.amount_total, 300.0)
        self.assertEqual(len(order.invoice_ids), 3)
        # Each installment once: the release again makes nothing new.
        order.phase_ids._b2b_release_installments()
        self.contract.sale_order_ids._release_payment_plan()
        self.assertEqual(len(order.invoice_ids), 3)
        self.assertEqual(sum(order.invoice_ids.mapped("amount_total")), 1000.0)

    def test_generate_from_the_phases_of_the_quotation(self):
        order = self.create_quotation()
        order.sudo(self.salesman).action_generate_payment_plan()
        lines = order.payment_plan_line_ids
        self.assertEqual(lines.mapped("phase_id"), order.phase_ids)
        self.assertEqual(lines.mapped("amount"), [333.33, 333.33, 333.34])

    def test_a_phase_of_another_order_is_refused(self):
        order = self.create_quotation()
        other = self.create_quotation()
        line = order.payment_plan_line_ids[1]
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.sudo(self.salesman).phase_id = other.phase_ids[0]
        self.env["b2b.phase"].invalidate_cache()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["b2b.payment.plan.line"].sudo(self.salesman).create({
                "order_id": order.id, "name": "X", "percent": 0.0,
                "trigger": "phase_accepted", "phase_id": other.phase_ids[0].id,
            })
        self.env["b2b.phase"].invalidate_cache()
        # nor by moving the phase (or the installment) to the other order
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.phase_id.sudo(self.salesman).order_id = other
        self.env["b2b.phase"].invalidate_cache()
        with self.assertRaises((UserError, ValidationError)), self.env.cr.savepoint():
            line.sudo(self.salesman).order_id = other
        self.env["b2b.phase"].invalidate_cache()
        other_project = self.env["project.project"].browse(
            other.sudo().action_create_project()
        )
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.phase_ids[0].sudo().project_id = other_project
        self.env["b2b.phase"].invalidate_cache()

    def test_change_after_invoices_spread(self):
        order = self.order_with_two_invoices()
        advance, first, final = order.payment_plan_line_ids
        self.assertEqual((advance.state, first.state), ("invoiced", "invoiced"))
        change = self.env["b2b.change.request"].sudo(self.salesman).create({
            "order_id": order.id, "name": "Thêm báo cáo", "extra_amount": 500.0,
        })
        change.sudo().action_send()
        change.action_approve()
        self.assertEqual(order.amount_total, 1500.0)
        self.assertEqual(order.payment_plan_line_ids.mapped("amount"),
                         [300.0, 400.0, 800.0])
        self.assertFalse(change.payment_plan_line_id)
        self.accept(order.phase_ids[2])
        self.assertEqual(final.invoice_id.amount_total, 800.0)
        self.assertEqual(sum(order.invoice_ids.mapped("amount_total")), 1500.0)

    def test_change_after_invoices_new_installment(self):
        order = self.order_with_two_invoices()
        change = self.env["b2b.change.request"].sudo(self.salesman).create({
            "order_id": order.id, "name": "Thêm báo cáo", "extra_amount": 500.0,
            "payment_plan_policy": "new_installment",
            "payment_trigger": "phase_accepted",
            "payment_phase_id": order.phase_ids[1].id,
        })
        change.sudo().action_send()
        change.action_approve()
        added = change.payment_plan_line_id
        self.assertEqual(added.amount, 500.0)
        self.assertEqual(order.payment_plan_line_ids.mapped("amount"),
                         [300.0, 400.0, 300.0, 500.0])
        self.accept(order.phase_ids[1])
        self.assertEqual(added.invoice_id.amount_total, 500.0)
        self.accept(order.phase_ids[2])
        self.assertEqual(sum(order.invoice_ids.mapped("amount_total")), 1500.0)
        with self.assertRaisesRegex(UserError, "set it back to draft"):
            change.sudo(self.salesman).write({"payment_plan_policy": "spread"})

    def test_roads_to_the_state_and_evidence_are_closed(self):
        order = self.create_quotation()
        order.sudo(self.salesman).action_confirm()
        self.contract.action_sign()
        line = order.payment_plan_line_ids[0]
        Line = self.env["b2b.payment.plan.line"]
        for vals in ({"state": "paid"}, {"invoice_id": False},
                     {"date_triggered": "2001-01-01"}, {"amount_invoiced": 1.0},
                     {"sale_line_ids": [(5, 0, 0)]}):
            for user in (self.salesman, self.accountant, self.env.user):
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    line.sudo(user).write(vals)
            # no context key switches it off
            with self.assertRaises(UserError), self.env.cr.savepoint():
                line.with_context(b2b_plan_internal=True, b2b_plan_write=True,
                                  b2b_plan_checked_by_order=True).write(vals)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            Line.create({"order_id": order.id, "name": "X", "percent": 0.0,
                         "state": "paid"})
        # import
        result = Line.load(["order_id/.id", "name", "percent", "date_triggered"],
                           [[str(order.id), "X", "0", "2001-01-01"]])
        self.assertFalse(result["ids"])
        # copy: no evidence comes along (and the plan must still add up)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.copy()
        # frozen once invoiced, re-checked on every change, deletion included
        with self.assertRaises(UserError), self.env.cr.savepoint():
            line.sudo(self.accountant).percent = 10.0
        with self.assertRaises(UserError), self.env.cr.savepoint():
            line.sudo(self.salesman).unlink()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.payment_plan_line_ids[1].sudo(self.salesman).unlink()
        self.env["b2b.phase"].invalidate_cache()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.payment_plan_line_ids[1].sudo(self.salesman).percent = 10.0

    def test_terms_kept_once_triggered_then_once_invoiced(self):
        order = self.create_quotation()
        advance, first, _final = order.payment_plan_line_ids
        first._write_step({"date_triggered": "2026-01-10"})
        self.assert_kept(
            first, ({"trigger": "date"}, {"date_planned": "2026-02-01"}),
            "The trigger of the installment Giai đoạn 1 is met: its trigger can "
            "no longer change.",
        )
        first.sudo(self.salesman).write({"percent": 40.0, "name": "Đợt 2"})
        order.sudo(self.salesman).action_confirm()
        self.contract.action_sign()
        self.assertEqual(advance.state, "invoiced")
        self.assert_kept(
            advance, ({"percent": 10.0}, {"trigger": "date"}),
            "The installment Tạm ứng is invoiced: its amount and trigger can no "
            "longer change.",
        )

    def test_trigger_never_before_its_date_nor_unmet(self):
        order = self.create_quotation()
        order.sudo(self.salesman).action_confirm()
        advance, first, _final = order.payment_plan_line_ids
        with self.assertRaises(UserError) as error:
            advance.sudo(self.accountant).action_trigger()
        self.assertIn("is not met", error.exception.name)
        self.contract.action_sign("2026-01-10")
        with self.assertRaises(UserError):
            first.sudo(self.accountant).action_trigger()  # phase not accepted
        with self.assertRaises(AccessError):
            advance.sudo(self.salesman).action_trigger()
        met = advance.date_triggered
        self.assertEqual(met, order.confirmation_date[:10])
        with self.assertRaises(UserError) as error:
            advance.sudo(self.accountant).action_trigger(date="2001-01-01")
        self.assertIn("cannot be dated", error.exception.name)
        with self.assertRaises(UserError):
            advance.sudo(self.accountant).action_trigger(date="not a date")

    def test_cancelled_or_refunded_invoice_is_not_a_second_one(self):
        order = self.create_quotation()
        order.sudo(self.salesman).action_confirm()
        self.contract.action_sign()
        advance = order.payment_plan_line_ids[0]
        invoice = advance.invoice_id
        invoice.journal_id.sudo().update_posted = True
        invoice.sudo(self.accountant).action_invoice_open()
        invoice.sudo(self.accountant).action_invoice_cancel()
        self.assertEqual(advance.state, "to_invoice")
        self.assertEqual(advance.sudo(self.accountant).action_invoice(), invoice.ids)
        self.assertEqual(invoice.state, "draft")
        invoice.sudo(self.accountant).action_invoice_open()
        self.assertEqual(len(order.invoice_ids), 1)
        # a credit note settles it: not paid, and no second invoice
        refund = invoice.sudo(self.accountant).refund()
        refund.action_invoice_open()
        (invoice.sudo().move_id.line_ids | refund.sudo().move_id.line_ids).filtered(
            lambda move_line: move_line.account_id == invoice.account_id
        ).reconcile()
        self.assertEqual(invoice.state, "paid")
        self.assertEqual(advance.state, "invoiced")
        self.assertEqual(advance.sudo(self.accountant).action_invoice(), invoice.ids)
        self.assertEqual(order.invoice_ids.filtered(
            lambda i: i.type == "out_invoice"), invoice)

    def test_draft_installment_invoice_is_an_accountant_activity(self):
        self.company.b2b_accountant_id = self.accountant
        order = self.create_quotation()
        order.sudo(self.salesman).action_confirm()
        self.contract.action_sign()
        invoice = order.payment_plan_line_ids[0].invoice_id
        activity = invoice.activity_ids
        self.assertEqual(activity.user_id, self.accountant)
        self.assertEqual(activity.activity_type_id, self.env.ref(
            "b2b_sales_delivery.mail_activity_type_installment_invoice"))
        invoice.sudo(self.accountant).action_invoice_open()
        self.assertFalse(invoice.activity_ids)

    def test_accountant_invoices_the_selected_due_installments(self):
        order = self.create_quotation()
        order.sudo(self.salesman).action_confirm()
        self.contract.action_sign()
        lines = order.payment_plan_line_ids
        invoice = lines[0].invoice_id
        invoice.journal_id.sudo().update_posted = True
        invoice.sudo(self.accountant).action_invoice_open()
        invoice.sudo(self.accountant).action_invoice_cancel()
        Line = self.env["b2b.payment.plan.line"].sudo(self.accountant)
        due = Line.search([("order_id", "=", order.id), ("state", "=", "to_invoice")])
        self.assertEqual(due, lines[0])
        action = lines.sudo(self.accountant).action_invoice_due()
        self.assertEqual(action["domain"], [("id", "in", invoice.ids)])
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(lines.mapped("state"), ["invoiced", "planned", "planned"])

    def test_plan_and_phases_on_the_quotation_and_contract_pdf(self):
        order = self.create_quotation()
        test_reports.TestReports.load_vietnamese(self)
        quotation = self.env.ref("sale.action_report_saleorder").sudo()
        contract = self.env.ref("b2b_sales_delivery.action_report_b2b_contract")
        for html in (quotation.render_qweb_html(order.ids)[0].decode(),
                     contract.render_qweb_html(self.contract.ids)[0].decode()):
            for text in ("Phân tích", "Tài liệu yêu cầu", "Tạm ứng",
                         "Nghiệm thu cuối", "Kế hoạch thanh toán",
                         "Thời lượng dự kiến (ngày)"):
                self.assertIn(text, html)
            self.assertNotIn("Payment plan", html)
        self.assertIn("HỢP ĐỒNG", contract.render_qweb_html(
            self.contract.ids)[0].decode())
