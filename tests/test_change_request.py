# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Change requests: only on a confirmed scope; sent with their link; decided
only by the customer's word (never a message an employee posted, never
unsent, never by an accountant or the project's people); an approval
applied exactly once: one line taxed as the order's lines, the open phases
moved by working days, the order's chatter told."""

import xmlrpc.client
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common_scope import SENT_ON, ScopeCase

STEP_REFUSAL = "change only through its steps"


class TestChangeRequest(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.change = cls.new_change()

    @classmethod
    def new_change(cls, amount=20000000, days=3):
        return (
            cls.env["b2b.change.request"]
            .with_user(cls.salesman)
            .create(
                {
                    "order_id": cls.order.id,
                    "name": "Thêm một video 30 giây",
                    "extra_amount": amount,
                    "extra_days": days,
                }
            )
            .with_env(cls.env)
        )

    def send(self, change=None):
        change = change or self.change
        with freeze_time(SENT_ON):
            change.with_user(self.salesman).action_send()
        return change

    def test_only_on_a_confirmed_scope(self):
        quotation = self.create_order(self.service)
        self.add_items(quotation)
        with self.assertRaisesRegex(ValidationError, "not confirmed"):
            self.env["b2b.change.request"].with_user(self.salesman).create(
                {"order_id": quotation.id, "name": "Đổi"}
            )
        with self.assertRaisesRegex(ValidationError, "not confirmed"):
            self.change.with_user(self.salesman).order_id = quotation
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["b2b.change.request"].with_user(self.salesman).create(
                {"order_id": self.order.id, "name": "Âm", "extra_days": -1}
            )

    def test_send_with_its_link(self):
        self.assertTrue(xmlrpc.client.dumps((self.send().state == "sent",)))
        self.assertEqual(self.change.partner_id, self.customer)
        self.assertEqual(self.change.date_sent, SENT_ON)
        message = self.change.message_ids.filtered(
            lambda m: "/my/change_requests/%s?access_token=" % self.change.id in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        # What the customer was sent does not change under them.
        with self.assertRaisesRegex(UserError, "cannot be edited"):
            self.change.with_user(self.salesman).extra_amount = 1
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.change.with_user(self.salesman).unlink()

    def test_send_from_the_composer(self):
        action = self.change.with_user(self.salesman).action_open_composer()
        Form(
            self.env["mail.compose.message"].with_user(self.salesman).with_context(action["context"])
        ).save().action_send_mail()
        self.assertEqual(self.change.state, "sent")

    def test_approve_by_customer_mail_applied_once(self):
        self.send()
        self.customer_mail(self.change, body="Đồng ý thay đổi.")
        self.assertTrue(self.change.with_user(self.salesman).action_approve())
        self.assertEqual(self.change.state, "approved")
        self.assertEqual(self.change.decided_via, "email")
        self.assertEqual(self.change.decided_by, self.customer.name)
        line = self.change.sale_line_id
        self.assertEqual(line.order_id, self.order)
        self.assertEqual(line.price_unit, 20000000)
        self.assertEqual(line.tax_ids, self.vat8)
        self.assertEqual(self.order.amount_untaxed, 120000000)
        self.assertEqual(self.order.amount_tax, 9600000)
        # Three working days: Friday 13 March -> Wednesday 18 March.
        self.assertEqual(self.phase_script.date_deadline, date(2026, 3, 18))
        self.assertEqual(self.phase_shooting.date_deadline, date(2026, 6, 4))
        self.assertTrue(
            self.order.message_ids.filtered(lambda m: "Thêm một video 30 giây" in (m.body or ""))
        )
        # Again (retry, double click): nothing twice.
        self.change.with_user(self.salesman).action_approve()
        self.change.sudo()._b2b_decide("approved", "email", "Ai đó")
        self.assertEqual(len(self.order.order_line), 2)
        self.assertEqual(self.phase_script.date_deadline, date(2026, 3, 18))
        with self.assertRaisesRegex(UserError, "already decided"):
            self.change.with_user(self.salesman).action_reject()

    def test_accepted_phases_stay(self):
        # The script phase was accepted (the phase's own step).
        self.phase_script._write_step("accepted")
        self.send()
        self.customer_mail(self.change)
        self.change.with_user(self.salesman).action_approve()
        self.assertEqual(self.phase_script.date_deadline, date(2026, 3, 13))
        # Monday 1 June + 3 working days.
        self.assertEqual(self.phase_shooting.date_deadline, date(2026, 6, 4))

    def test_no_amount_adds_no_line(self):
        change = self.new_change(amount=0, days=0)
        self.send(change)
        self.customer_mail(change)
        change.with_user(self.salesman).action_approve()
        self.assertEqual(change.state, "approved")
        self.assertEqual(len(self.order.order_line), 1)

    def test_reject_by_customer_mail(self):
        self.send()
        self.customer_mail(self.change, body="Không đồng ý.")
        self.change.with_user(self.salesman).action_reject()
        self.assertEqual(self.change.state, "rejected")
        self.assertFalse(self.change.sale_line_id)
        self.assertEqual(len(self.order.order_line), 1)
        self.assertEqual(self.phase_script.date_deadline, date(2026, 3, 13))
        with self.assertRaisesRegex(UserError, "already decided"):
            self.change.with_user(self.salesman).action_approve()

    def test_decided_only_by_the_customer(self):
        # Never sent: no approval, whatever the mail.
        self.customer_mail(self.change, date="Fri, 20 Feb 2026 09:00:00 +0700")
        with self.assertRaisesRegex(UserError, "never sent"):
            self.change.with_user(self.salesman).action_approve()
        self.send()
        with self.assertRaisesRegex(UserError, "No mail from"):
            self.change.with_user(self.salesman).action_approve()
        posted = self.change.with_user(self.salesman).message_post(
            body="Khách đồng ý", author_id=self.customer.id, message_type="email"
        )
        with self.assertRaisesRegex(UserError, "No mail from"):
            self.change.with_user(self.salesman).action_approve(message_id=posted.id)
        self.customer_mail(self.change)
        for user in (self.accountant, self.project_user, self.project_manager):
            with self.assertRaises(AccessError):
                self.change.with_user(user).action_approve()
            with self.assertRaises(AccessError):
                self.change.with_user(user).action_reject()
        self.assertEqual(self.change.state, "sent")
        self.assertEqual(len(self.order.order_line), 1)

    def test_delivery_and_accounting_read_the_scope(self):
        """The project's people deliver the scope and the accountant bills
        it: they read the order's scope and change requests, and change
        none of them."""
        fields = ["scope_state", "scope_item_ids", "change_request_ids", "change_request_count"]
        readers = [
            user
            for user in (self.project_manager, self.project_user, self.accountant)
            if self.order.with_user(user).has_access("read")
        ]
        self.assertEqual(readers, [self.project_manager, self.project_user, self.accountant])
        for user in readers:
            order = self.order.with_user(user)
            values = order.read(fields)[0]
            self.assertEqual(values["change_request_count"], 1)
            self.assertEqual(len(values["scope_item_ids"]), 2)
            with self.assertRaises(AccessError):
                self.change.with_user(user).write({"name": "Khác"})
            with self.assertRaises(AccessError):
                self.items[0].with_user(user).unlink()

    def test_state_only_through_steps(self):
        for values in ({"state": "approved"}, {"decided_by": "Ai đó"}, {"partner_id": self.salesman.partner_id.id}):
            with self.assertRaisesRegex(UserError, STEP_REFUSAL):
                self.change.with_user(self.salesman).write(values)
        with self.assertRaisesRegex(UserError, STEP_REFUSAL):
            self.change.with_user(self.salesman).with_context(
                b2b_change_request_step=True
            ).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, STEP_REFUSAL):
            self.env["b2b.change.request"].with_user(self.salesman).create(
                {"order_id": self.order.id, "name": "X", "state": "approved"}
            )
        self.assertEqual(self.change.state, "draft")
        copy = self.change.copy()
        self.assertEqual(copy.state, "draft")

    def test_change_request_report(self):
        self.send()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("b2b_sales_delivery.action_report_b2b_change_request", self.change.ids)[0]
            .decode()
        )
        self.assertIn("Thêm một video 30 giây", html)

    def test_decision_buttons_show_once_the_change_is_sent(self):
        """A draft change request is never decided (the customer has not
        seen it): its form offers the decision buttons only once it is sent,
        and what they call refuses a draft."""
        arch = etree.fromstring(
            self.env["b2b.change.request"]
            .with_user(self.salesman)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        for name in ("action_approve", "action_reject"):
            buttons = arch.xpath("//header/button[@name=%r]" % name)
            self.assertEqual(len(buttons), 1, name)
            self.assertEqual(buttons[0].get("invisible"), "state != 'sent'", name)
        self.customer_mail(self.change, date="Fri, 20 Feb 2026 09:00:00 +0700")
        for method in ("action_approve", "action_reject"):
            with self.assertRaisesRegex(UserError, "never sent"):
                getattr(self.change.with_user(self.salesman), method)()
