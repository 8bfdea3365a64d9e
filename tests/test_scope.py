# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope: sent to the customer (RPC or composer), confirmed only by the
customer's word, its facts written only by its steps, unlocked by a sales
manager with a reason; a confirmed scope gates the order's confirmation, its
project and its phases."""

import xmlrpc.client

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .common_scope import SENT_ON, ScopeCase


class TestScope(ScopeCase):
    def test_send_scope_mails_the_link(self):
        result = self.send_scope(self.order)
        self.assertEqual(self.order.scope_state, "sent")
        self.assertEqual(self.order.scope_partner_id, self.customer)
        self.assertEqual(self.order.scope_date_sent, SENT_ON)
        message = self.order.message_ids.filtered(
            lambda m: "/my/orders/%s/scope?access_token=" % self.order.id in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn(self.order.access_token, message.body)
        self.assertTrue(result)
        xmlrpc.client.dumps((self.order.with_user(self.salesman).action_send_scope(),))

    def test_send_scope_from_the_composer(self):
        action = self.order.with_user(self.salesman).action_open_scope_composer()
        composer = Form(
            self.env["mail.compose.message"].with_user(self.salesman).with_context(action["context"])
        ).save()
        composer.action_send_mail()
        self.assertEqual(self.order.scope_state, "sent")
        self.assertEqual(self.order.scope_partner_id, self.customer)

    def test_send_scope_refusals(self):
        empty = self.create_order(self.service)
        with self.assertRaisesRegex(UserError, "Add the scope items"):
            empty.with_user(self.salesman).action_send_scope()
        self.customer.email = False
        with self.assertRaisesRegex(UserError, "no email address"):
            self.order.with_user(self.salesman).action_send_scope()
        self.customer.email = "minhphat@example.com"
        for user in (self.project_user, self.accountant):
            with self.assertRaises(AccessError):
                self.order.with_user(user).action_send_scope()
        self.assertEqual(self.order.scope_state, "draft")

    def test_other_salesperson_and_company_kept_out(self):
        # A salesperson who sees only their own orders.
        with self.assertRaises(AccessError):
            self.items[0].with_user(self.salesman_other).name = "Đổi tên"
        with self.assertRaises(AccessError):
            self.order.with_user(self.salesman_other).action_send_scope()
        self.assertFalse(
            self.env["b2b.scope.item"].with_user(self.salesman_other).search(
                [("order_id", "=", self.order.id)]
            )
        )
        # Another company's scope stays in its company.
        company = self.env["res.company"].create({"name": "Công ty Sao Mai"})
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "company_id": company.id}
        )
        item = self.env["b2b.scope.item"].create(
            {"order_id": order.id, "name": "Kịch bản", "category": "script"}
        )
        self.assertEqual(item.company_id, company)
        self.assertFalse(
            self.env["b2b.scope.item"].with_user(self.sales_manager).search(
                [("id", "=", item.id)]
            )
        )

    def test_confirm_by_customer_mail(self):
        self.send_scope(self.order)
        message = self.customer_mail(self.order)
        self.assertTrue(self.order.with_user(self.salesman).action_confirm_scope())
        self.assertEqual(self.order.scope_state, "confirmed")
        self.assertEqual(self.order.scope_confirmed_via, "email")
        self.assertEqual(self.order.scope_confirmed_by, self.customer.name)
        self.assertEqual(self.order.scope_message_id, message)
        self.assertEqual(self.order.scope_confirmed_uid, self.salesman)
        self.assertEqual(self.order.scope_amount_confirmed, 100000000)
        # Twice: refused, nothing changes.
        with self.assertRaisesRegex(UserError, "not waiting"):
            self.order.with_user(self.salesman).action_confirm_scope()

    def test_confirm_refused_without_the_customer_word(self):
        # Never sent: no one confirms it.
        self.customer_mail(self.order, date="Fri, 20 Feb 2026 09:00:00 +0700")
        with self.assertRaisesRegex(UserError, "not waiting"):
            self.order.with_user(self.salesman).action_confirm_scope()
        self.send_scope(self.order)
        # No mail since it was sent (the one before does not count).
        with self.assertRaisesRegex(UserError, "No mail from"):
            self.order.with_user(self.salesman).action_confirm_scope()
        # A message an employee posted in the customer's name, as a mail.
        with freeze_time("2026-02-25"):
            posted = (
                self.order.with_user(self.salesman)
                .message_post(
                    body="Khách đã đồng ý qua điện thoại",
                    author_id=self.customer.id,
                    message_type="email",
                )
            )
        with self.assertRaisesRegex(UserError, "No mail from"):
            self.order.with_user(self.salesman).action_confirm_scope()
        with self.assertRaisesRegex(UserError, "No mail from"):
            self.order.with_user(self.salesman).action_confirm_scope(message_id=posted.id)
        # Another partner's mail.
        self.customer_mail(self.order, sender=self.other_customer)
        with self.assertRaisesRegex(UserError, "No mail from"):
            self.order.with_user(self.salesman).action_confirm_scope()
        # An accountant cannot record it even with the customer's mail.
        self.customer_mail(self.order)
        with self.assertRaises(AccessError):
            self.order.with_user(self.accountant).action_confirm_scope()
        self.assertEqual(self.order.scope_state, "sent")

    def test_scope_facts_only_through_steps(self):
        Order = self.env["sale.order"].with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "scope's steps"):
            self.order.with_user(self.salesman).write({"scope_state": "confirmed"})
        with self.assertRaisesRegex(UserError, "scope's steps"):
            self.order.sudo().write({"scope_confirmed_by": "Ai đó"})
        # A context key the caller sends switches nothing off.
        for value in (True, 1, "1"):
            with self.assertRaisesRegex(UserError, "scope's steps"):
                self.order.with_user(self.salesman).with_context(
                    b2b_scope_step=value
                ).write({"scope_state": "confirmed"})
        with self.assertRaisesRegex(UserError, "scope's steps"):
            Order.create(
                {"partner_id": self.customer.id, "scope_state": "confirmed"}
            )
        result = Order.load(
            ["partner_id/.id", "scope_state"], [[str(self.customer.id), "confirmed"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("scope's steps", result["messages"][0]["message"])
        self.assertEqual(self.order.scope_state, "draft")
        # A copy starts over: a draft scope with the same items.
        self.confirm_scope(self.order)
        copy = self.order.copy()
        self.assertEqual(copy.scope_state, "draft")
        self.assertEqual(copy.scope_item_ids.mapped("name"), self.items.mapped("name"))

    def test_scope_changed_after_sending_goes_back_to_draft(self):
        self.send_scope(self.order)
        self.items[0].with_user(self.salesman).name = "Video giới thiệu 5 phút"
        self.assertEqual(self.order.scope_state, "draft")
        self.customer_mail(self.order)
        with self.assertRaisesRegex(UserError, "not waiting"):
            self.order.with_user(self.salesman).action_confirm_scope()

    def test_order_lines_changed_after_sending_go_back_to_draft(self):
        self.send_scope(self.order)
        self.order.order_line.with_user(self.salesman).price_unit = 90000000
        self.assertEqual(self.order.scope_state, "draft")
        self.send_scope(self.order)
        self.env["sale.order.line"].with_user(self.salesman).create(
            {"order_id": self.order.id, "product_id": self.service_project.id}
        )
        self.assertEqual(self.order.scope_state, "draft")
        self.send_scope(self.order)
        self.order.order_line[-1:].with_user(self.salesman).unlink()
        self.assertEqual(self.order.scope_state, "draft")
        # A description is not the scope.
        self.send_scope(self.order)
        self.order.order_line.with_user(self.salesman).name = "Sản xuất video (sửa)"
        self.assertEqual(self.order.scope_state, "sent")

    def test_unlock_by_manager_with_reason(self):
        self.confirm_scope(self.order)
        with self.assertRaises(AccessError):
            self.order.with_user(self.salesman).action_unlock_scope("Khách đổi ý")
        with self.assertRaisesRegex(UserError, "reason"):
            self.order.with_user(self.sales_manager).action_unlock_scope("  ")
        wizard = Form(
            self.env["b2b.scope.unlock.wizard"]
            .with_user(self.sales_manager)
            .with_context(default_order_id=self.order.id)
        )
        wizard.reason = "Khách hàng bổ sung yêu cầu"
        wizard.save().action_unlock()
        self.assertEqual(self.order.scope_state, "draft")
        self.assertFalse(self.order.scope_confirmed_by)
        self.assertTrue(
            self.order.message_ids.filtered(lambda m: "Khách hàng bổ sung yêu cầu" in (m.body or ""))
        )
        self.assertEqual(
            self.order.activity_ids.summary, "Send the scope to the customer again"
        )
        # Unlocked: the items change again; the customer is asked again.
        self.items[0].with_user(self.salesman).name = "Video 5 phút"
        with self.assertRaisesRegex(UserError, "not locked"):
            self.order.with_user(self.sales_manager).action_unlock_scope("Lần nữa")

    def test_confirmed_scope_gates_the_delivery(self):
        with self.assertRaisesRegex(UserError, "before confirming the order"):
            self.confirm(self.order)
        self.assertEqual(self.order.state, "draft")
        # An order without scope items is confirmed as before.
        plain = self.create_order(self.service)
        self.confirm(plain)
        self.assertEqual(plain.state, "sale")
        self.confirm_scope(self.order)
        self.confirm(self.order)
        self.assertEqual(self.order.state, "sale")
        self.agree_plan(self.order.project_id.browse(self.order.with_user(self.salesman).action_create_project()))
        self.phase_script.with_user(self.project_manager).action_start()
        self.assertEqual(self.phase_script.state, "in_progress")

    def test_project_and_phase_need_a_confirmed_scope(self):
        # A scope unlocked after the confirmation of the order.
        self.confirm_scope(self.order)
        self.confirm(self.order)
        self.order.with_user(self.sales_manager).action_unlock_scope("Bổ sung")
        with self.assertRaisesRegex(UserError, "delivery project is created"):
            self.order.with_user(self.salesman).action_create_project()
        with self.assertRaisesRegex(UserError, "delivery project is created"):
            self.order.with_user(self.project_manager).action_create_delivery_project()
        self.confirm_scope(self.order)
        self.agree_plan(self.order.project_id.browse(self.order.with_user(self.salesman).action_create_project()))
        self.order.with_user(self.sales_manager).action_unlock_scope("Bổ sung lần 2")
        with self.assertRaisesRegex(UserError, "no phase starts"):
            self.phase_script.with_user(self.project_manager).action_start()

    def test_scope_report_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.customer.lang = "vi_VN"
        self.confirm_scope(self.order)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("b2b_sales_delivery.action_report_b2b_scope", self.order.ids)[0]
            .decode()
        )
        self.assertIn("Video giới thiệu 3 phút", html)
        self.assertIn(self.customer.name, html)
        self.assertNotIn("Scope Confirmation", html)
        self.assertIn("Xác nhận phạm vi công việc", html)
        self.assertIn("Đầu bài", html)
