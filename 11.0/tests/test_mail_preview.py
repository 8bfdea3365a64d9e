# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every mail to a customer is seen before it goes out: recipients with
their email, language, subject, body and attachments; "Send" runs the
document's own step, with its rules."""
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common_delivery import DeliveryCase
from .common_payment import THIRDS, B2BPaymentCase
from .common_scope import ScopeCase, create_scope_order

DAY = date(2026, 3, 4)
CLOSE = {"type": "ir.actions.act_window_close"}


def open_preview(env, action):
    """The preview a button opened (its window action)."""
    assert action["res_model"] == "b2b.mail.preview", action
    assert action["target"] == "new", action
    return env["b2b.mail.preview"].browse(action["res_id"])


class TestScopeMailPreview(ScopeCase):
    def preview(self, order, user=None):
        order = order.sudo(user or self.salesman)
        return open_preview(order.env, order.action_preview_scope())

    def test_preview_shows_the_mail_and_sends_nothing(self):
        order = self.order_as_salesman
        self.salesman.name = "Nguyễn Thu"
        preview = self.preview(order)
        self.assertEqual(preview.email_from, "Nguyễn Thu <b2b_salesman@example.com>")
        self.assertEqual(preview.partner_ids, self.customer)
        self.assertEqual(preview.partner_ids.email, "contact@minhphat.example.com")
        self.assertEqual(preview.lang, "en_US")
        self.assertEqual(preview.lang_name, "English")
        self.assertEqual(
            preview.subject,
            "%s: scope of %s to confirm" % (self.company.name, order.name),
        )
        self.assertIn("Dear Công ty TNHH Minh Phát", preview.body_html)
        self.assertIn("Review and confirm the scope", preview.body_html)
        self.assertEqual(
            preview.attachment_names, "Scope - %s.pdf" % order.name.replace("/", "_")
        )
        self.assertIn("link is made when the mail is sent", preview.note)
        # A preview: nothing sent, no link made.
        self.assertEqual(order.scope_state, "draft")
        self.assertFalse(order.sudo().scope_token)
        self.assertFalse(order.message_ids.filtered(
            lambda m: m.subject and "to confirm" in m.subject))

    def test_vietnamese_customer_gets_the_vietnamese_mail(self):
        self.env["res.lang"].load_lang("vi_VN")
        self.env["ir.translation"].load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"]
        )
        self.customer.lang = "vi_VN"
        preview = self.preview(self.order)
        self.assertEqual(preview.lang, "vi_VN")
        self.assertIn("Tiếng Việt", preview.lang_name)
        self.assertEqual(
            preview.subject,
            "%s: đề nghị xác nhận phạm vi công việc %s"
            % (self.company.name, self.order.name),
        )
        self.assertIn("Kính gửi Công ty TNHH Minh Phát", preview.body_html)
        self.assertIn("Xem và xác nhận phạm vi", preview.body_html)

    def test_preview_names_the_followers_the_message_reaches(self):
        order = self.order_as_salesman
        manager, customer = self.sales_manager.partner_id, self.customer
        order.sudo().message_subscribe(partner_ids=(manager | customer).ids)
        preview = self.preview(order)
        # the recipient and the sender are not named twice
        self.assertEqual(preview.follower_ids, manager)
        self.assertIn(self.salesman.partner_id, order.sudo().message_partner_ids)
        preview.action_send()
        message = order.message_ids.filtered(lambda m: m.subject == preview.subject)
        self.assertEqual(
            message.sudo().notification_ids.mapped("res_partner_id"), customer | manager)

    def test_send_runs_the_step_and_the_form_reloads(self):
        order = self.order_as_salesman
        preview = self.preview(order)
        self.assertEqual(preview.action_send(), CLOSE)
        self.assertEqual(order.scope_state, "sent")
        message = order.message_ids.filtered(
            lambda m: m.subject == preview.subject
        )
        self.assertEqual(len(message), 1)
        self.assertIn(order.scope_url, message.body)
        # Sending again: the preview shows the link already sent.
        again = self.preview(order)
        self.assertIn(order.scope_url, again.body_html)
        self.assertFalse(again.note)

    def test_scope_without_items_refused_from_the_preview_too(self):
        order = create_scope_order(
            self.env, self.customer, self.salesman, items=[("other", "x")]
        )
        order.scope_item_ids.sudo(self.salesman).unlink()
        preview = self.preview(order)
        with self.assertRaisesRegex(UserError, "Add the scope items of"):
            preview.action_send()
        self.assertEqual(order.scope_state, "draft")

    def test_customer_without_email_named_then_refused(self):
        partner = self.env["res.partner"].create({"name": "Công ty An Khang"})
        order = create_scope_order(self.env, partner, self.salesman)
        preview = self.preview(order)
        self.assertIn("Công ty An Khang has no email address", preview.note)
        with self.assertRaisesRegex(UserError, "An Khang has no email address"):
            preview.action_send()
        self.assertEqual(order.scope_state, "draft")

    @mute_logger("odoo.addons.base.ir.ir_model", "odoo.models")
    def test_who_may_not_send_cannot_through_the_preview(self):
        # Another salesperson neither sees the order's mail...
        with self.assertRaises(AccessError):
            self.preview(self.order, self.salesman_other)
        # ...nor sends it through a preview made by hand.
        Preview = self.env["b2b.mail.preview"].sudo(self.salesman_other)
        forged = Preview.create({
            "res_model": "sale.order", "res_id": self.order.id,
            "action": "action_send_scope",
        })
        with self.assertRaises(AccessError):
            forged.action_send()
        self.assertEqual(self.order.scope_state, "draft")
        self.assertFalse(self.order.sudo().scope_token)

    def test_preview_calls_no_other_method(self):
        Preview = self.env["b2b.mail.preview"].sudo(self.salesman)
        for model, action in (
            ("sale.order", "action_confirm_scope"),
            ("sale.order", "unlink"),
            ("sale.order", "_write_scope"),
            ("res.partner", "unlink"),
            ("no.such.model", "action_send"),
        ):
            forged = Preview.create({
                "res_model": model, "res_id": self.order.id, "action": action,
            })
            with self.assertRaises(UserError, msg=action):
                forged.action_send()
        self.assertEqual(self.order.scope_state, "draft")
        self.assertTrue(self.order.exists())
        with self.assertRaisesRegex(UserError, "not a step that mails"):
            self.order_as_salesman._b2b_mail_preview("action_confirm_scope")

    def test_change_request_previewed_then_sent(self):
        self.confirm_scope()
        change = self.env["b2b.change.request"].sudo(self.salesman).create({
            "order_id": self.order.id, "name": "Thêm trang báo cáo",
            "extra_amount": 200000.0, "extra_days": 3,
        })
        preview = open_preview(change.env, change.action_preview_send())
        self.assertEqual(preview.partner_ids, self.customer)
        self.assertEqual(
            preview.subject,
            "%s: change to %s to approve" % (self.company.name, self.order.name),
        )
        self.assertIn("Thêm trang báo cáo", preview.body_html)
        self.assertEqual(change.state, "draft")
        self.assertEqual(preview.action_send(), CLOSE)
        self.assertEqual(change.state, "sent")


class TestAcceptanceMailPreview(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, cls.project, cls.phases = cls.create_order(1000.01, THIRDS)

    def test_minutes_previewed_to_the_signatory_then_sent(self):
        acceptance = self.create_acceptance(self.phases[0]).sudo(self.project_user)
        preview = open_preview(acceptance.env, acceptance.action_preview_send())
        self.assertEqual(preview.partner_ids, self.signatory)
        self.assertIn(acceptance.name, preview.subject)
        self.assertEqual(
            preview.attachment_names, "%s.pdf" % acceptance.name.replace("/", "_")
        )
        # The preview makes no link: it is made when the minutes are sent.
        self.assertFalse(acceptance.sudo().access_token)
        self.assertIn("link is made when the mail is sent", preview.note)
        # The order is still a quotation: the step refuses, from the
        # preview too.
        with self.assertRaisesRegex(UserError, "not confirmed"):
            preview.action_send()
        self.assertEqual(acceptance.state, "draft")
        self.order.action_confirm()
        self.assertEqual(preview.action_send(), CLOSE)
        self.assertEqual(acceptance.state, "sent")


class TestDeliveryReportMailPreview(DeliveryCase):
    def test_project_button_previews_this_period_report(self):
        project = self.project.sudo(self.project_user)
        preview = open_preview(project.env, project._preview_report_now(DAY))
        report = project.delivery_report_ids
        self.assertEqual(len(report), 1)
        self.assertEqual(preview.res_model, "b2b.delivery.report")
        self.assertEqual(preview.res_id, report.id)
        self.assertEqual(preview.partner_ids, self.customer_contact)
        self.assertIn(project.name, preview.subject)
        self.assertNotEqual(report.state, "sent")
        self.assertEqual(preview.action_send(), CLOSE)
        self.assertEqual(report.state, "sent")
        # Sent: the project's button refuses a second sending, the report's
        # "Send Again" previews it with a word.
        with self.assertRaisesRegex(UserError, "already sent"):
            project._preview_report_now(DAY)
        again = open_preview(
            project.env, report.sudo(self.project_user).action_preview_send_again()
        )
        self.assertIn("already sent", again.note)
        self.assertEqual(again.action, "action_send_again")

    def test_already_sent_says_when_in_the_users_time_zone(self):
        self.env["res.lang"].load_lang("vi_VN")
        self.project_user.write({"tz": "Asia/Ho_Chi_Minh", "lang": "vi_VN"})
        project = self.project.sudo(self.project_user).with_context(lang="vi_VN")
        project._send_report_now(DAY)
        report = project.delivery_report_ids
        self.env.cr.execute(  # sent at 9:00 in Hà Nội
            "UPDATE b2b_delivery_report SET date_sent = '2026-03-02 02:00:00' "
            "WHERE id = %s", (report.id,))
        report.invalidate_cache()
        with self.assertRaisesRegex(UserError, "02/03/2026 09:00"):
            project._preview_report_now(DAY)
        again = open_preview(project.env, report.action_preview_send_again())
        self.assertIn("02/03/2026 09:00", again.note)
