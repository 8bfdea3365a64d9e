# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope gates delivery: an order with scope items is confirmed, gets
its project, starts a phase and invoices an installment only once the
customer confirmed the scope or a sales manager waived it with a reason; a
confirmation recorded by a user rests on the customer's mail received or the
signed scan kept."""
import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common_payment import B2BPaymentCase
from .common_scope import SCAN, create_scope_order, receive_scope_reply

GATE = "has not confirmed the scope"
NO_WORD = "Keep the customer's word"


class TestScopeGate(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A confirmed order whose second installment falls due on a date,
        # and a phase not started: then the order gets scope items the
        # customer has not confirmed.
        cls.order, cls.project, cls.phases = cls.create_order(
            1000.0, (50.0, 50.0), triggers=["order_confirmed", "date"])
        cls.dated = cls.order.payment_plan_line_ids.filtered(
            lambda line: line.trigger == "date")
        cls.dated.date_planned = "2099-06-01"
        cls.order.action_confirm()
        cls.order.write({"scope_item_ids": [
            (0, 0, {"category": "brief", "name": "Mục tiêu dự án"})]})
        cls.phase = cls.env["b2b.phase"].create(
            {"project_id": cls.project.id, "name": "Giai đoạn 2"})
        cls.quotation = create_scope_order(cls.env, cls.customer, cls.salesman)

    def waive(self, order=None):
        return (order or self.order).sudo(self.sales_manager).action_waive_scope(
            "Khách hàng xác nhận qua điện thoại, văn bản gửi sau")

    # -- confirming the order ----------------------------------------------
    def test_order_confirmed_only_with_a_confirmed_or_waived_scope(self):
        quotation = self.quotation
        for order in (quotation.sudo(self.salesman), quotation.sudo(),
                      quotation.sudo(self.salesman).with_context(
                          b2b_scope_gate_write=True, b2b_scope_write=True)):
            with self.assertRaisesRegex(UserError, GATE):
                order.action_confirm()
        self.assertEqual(quotation.state, "draft")
        quotation.sudo(self.salesman).action_confirm_scope(
            confirmed_by="Lê Văn Hùng", via="meeting", signed_copy=SCAN,
            signed_copy_name="pham-vi.pdf")
        quotation.sudo(self.salesman).action_confirm()
        self.assertEqual(quotation.state, "sale")
        self.assertEqual(quotation.scope_signed_copy.decode(), SCAN)
        self.assertEqual(quotation.scope_signed_copy_name, "pham-vi.pdf")
        # An order without scope items needs no confirmation.
        bare = create_scope_order(self.env, self.customer, self.salesman)
        bare.scope_item_ids.unlink()
        bare.sudo(self.salesman).action_confirm()
        self.assertEqual(bare.state, "sale")

    # -- the project ---------------------------------------------------------
    def test_project_made_only_with_a_confirmed_or_waived_scope(self):
        quotation = self.quotation.sudo()
        wizard = self.env["b2b.project.create.wizard"].create(
            {"order_id": quotation.id, "user_id": self.project_user.id})
        with self.assertRaisesRegex(UserError, GATE):
            wizard.action_create()
        with self.assertRaisesRegex(UserError, GATE):
            quotation.action_create_project()
        self.assertFalse(quotation.project_ids)
        self.waive(quotation)
        wizard.action_create()
        self.assertEqual(len(quotation.project_ids), 1)

    # -- the phase -----------------------------------------------------------
    def test_phase_starts_only_with_a_confirmed_or_waived_scope(self):
        for phase in (self.phase.sudo(self.project_user), self.phase.sudo()):
            with self.assertRaisesRegex(UserError, GATE):
                phase.action_start()
            with self.assertRaisesRegex(UserError, GATE):
                phase.action_start_anyway()
        self.assertEqual(self.phase.state, "planned")
        self.waive()
        self.phase.sudo(self.project_user).action_start()
        self.assertEqual(self.phase.state, "in_progress")

    # -- the installment -----------------------------------------------------
    def test_installment_invoiced_only_with_a_confirmed_or_waived_scope(self):
        line = self.dated.sudo(self.accountant)
        with self.assertRaisesRegex(UserError, GATE):
            line.action_trigger("2099-06-01")
        # The daily run leaves it, logged (one savepoint per installment).
        with mute_logger("odoo.addons.b2b_sales_delivery.models.b2b_job"):
            self.env["b2b.payment.plan.line"]._cron_invoice_due(today="2099-06-02")
        self.assertFalse(self.dated.invoice_id)
        self.waive()
        self.env["b2b.payment.plan.line"]._cron_invoice_due(today="2099-06-02")
        self.assertTrue(self.dated.invoice_id)

    def test_installment_button_refused_without_the_scope(self):
        self.dated.sudo()._write_step({"date_triggered": "2099-06-01"})
        self.assertEqual(self.dated.state, "to_invoice")
        for line in (self.dated.sudo(self.accountant), self.dated.sudo()):
            with self.assertRaisesRegex(UserError, GATE):
                line.action_invoice()
        self.assertFalse(self.dated.invoice_id)

    # -- the waiver ----------------------------------------------------------
    def test_waiver_by_a_sales_manager_with_a_reason_logged(self):
        for user in (self.salesman, self.accountant, self.project_manager):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.order.sudo(user).action_waive_scope("Vì sao")
        manager = self.order.sudo(self.sales_manager)
        for reason in (False, "   ", 42, "x" * 5000):
            with self.assertRaises((UserError, ValidationError)):
                manager.action_waive_scope(reason)
        self.assertFalse(self.order.scope_waiver_user_id)
        wizard = self.env["b2b.scope.waiver.wizard"].sudo(self.sales_manager).create(
            {"order_id": self.order.id, "reason": "Khách hàng ở nước ngoài"})
        wizard.action_waive()
        self.assertEqual(self.order.scope_waiver_user_id, self.sales_manager)
        self.assertEqual(self.order.scope_waiver_reason, "Khách hàng ở nước ngoài")
        self.assertIn("Khách hàng ở nước ngoài", self.order.message_ids[0].body)
        self.assertTrue(self.order.scope_gate_open)
        with self.assertRaisesRegex(UserError, "needs no waiver"):
            self.waive()

    def test_waiver_facts_written_only_by_the_step(self):
        values = {"scope_waiver_user_id": self.sales_manager.id,
                  "scope_waiver_reason": "Tự ghi", "scope_waiver_date":
                  "2026-03-02 10:00:00", "scope_signed_copy": SCAN}
        for name, value in values.items():
            for order in (self.order.sudo(self.salesman), self.order.sudo(),
                          self.order.sudo().with_context(
                              b2b_scope_gate_write=True)):
                with self.assertRaisesRegex(UserError, "written only by"):
                    order.write({name: value})
            with self.assertRaisesRegex(UserError, "written only by"):
                self.env["sale.order"].sudo(self.salesman).create(
                    {"partner_id": self.customer.id, name: value})
        # Import: the same refusal, nothing created.
        result = self.env["sale.order"].sudo(self.salesman).load(
            ["partner_id/.id", "scope_waiver_reason"],
            [[str(self.customer.id), "Nhập"]])
        self.assertFalse(result["ids"])
        self.waive()
        copy = self.order.sudo().copy()
        self.assertFalse(copy.scope_waiver_user_id)
        self.assertFalse(copy.scope_gate_open)

    # -- the customer's word behind a recorded confirmation -----------------
    def test_recorded_confirmation_needs_the_customers_word(self):
        order = self.quotation.sudo(self.salesman)
        for via in ("email", "meeting", "other"):
            with self.assertRaisesRegex(UserError, NO_WORD):
                order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via=via)
        with self.assertRaisesRegex(UserError, NO_WORD):
            self.quotation.sudo().action_confirm_scope(via="email")
        # A message an employee posted is not the customer's mail.
        for author in (self.customer, self.salesman.partner_id):
            order.message_post(body="Đồng ý", message_type="email",
                               author_id=author.id)
        with self.assertRaisesRegex(UserError, NO_WORD):
            order.action_confirm_scope(via="email")
        # A file that is no base64 is refused with a message.
        for scan in ("không phải base64!", "", b"\xff\xfe", 42):
            if not scan:
                continue
            with self.assertRaises((UserError, ValidationError)):
                order.action_confirm_scope(via="email", signed_copy=scan)
        self.assertEqual(self.quotation.scope_state, "draft")
        # The customer's reply, received by the mail gateway.
        receive_scope_reply(self.env, self.quotation)
        with self.assertRaisesRegex(UserError, NO_WORD):
            order.action_confirm_scope(via="meeting")
        order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via="email")
        self.assertEqual(self.quotation.scope_state, "confirmed")

    def test_email_wizard_keeps_the_mail_attached(self):
        order = self.quotation
        Wizard = self.env["b2b.confirmation.email.wizard"].sudo(self.salesman)
        pasted = Wizard.create({"order_id": order.id, "confirmed_by": "Hùng",
                                "date_confirmed": "2026-03-02 10:00:00",
                                "body": "<p>Chúng tôi đồng ý.</p>"})
        with self.assertRaisesRegex(UserError, NO_WORD):
            pasted.action_record()
        self.assertEqual(order.scope_state, "draft")
        attachment = self.env["ir.attachment"].sudo(self.salesman).create({
            "name": "xac-nhan.eml", "datas_fname": "xac-nhan.eml",
            "datas": base64.b64encode(b"From: hung.le@minhphat.example.com\n\nOK"),
            "res_model": "b2b.confirmation.email.wizard",
        })
        Wizard.create({"order_id": order.id, "confirmed_by": "Hùng",
                       "date_confirmed": fields_now(order),
                       "attachment_ids": [(6, 0, attachment.ids)]}).action_record()
        self.assertEqual(order.scope_state, "confirmed")
        self.assertEqual(order.scope_signed_copy_name, "xac-nhan.eml")


def fields_now(record):
    """A moment after the quotation was made (the wizard refuses earlier)."""
    return record.create_date
