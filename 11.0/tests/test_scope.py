# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope of an order: sent, confirmed (link or email), locked, unlocked."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common_scope import ScopeCase, create_scope_order, receive_scope_reply

LOCKED = "The scope of %s is confirmed by the customer and locked"


class TestScopeSend(ScopeCase):
    def test_send_mails_the_scope_with_its_link(self):
        order = self.order_as_salesman
        self.assertIs(order.action_send_scope(), True)
        self.assertEqual(order.scope_state, "sent")
        self.assertGreaterEqual(len(order.sudo().scope_token), 40)
        self.assertEqual(
            order.scope_url,
            "%s/b2b/scope/%s/%s" % (
                self.env["ir.config_parameter"].get_param("web.base.url"),
                order.id, order.sudo().scope_token,
            ),
        )
        message = order.message_ids.filtered(
            lambda m: m.subject and "scope of %s to confirm" % order.name in m.subject
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.customer.commercial_partner_id, message.partner_ids)
        self.assertIn(order.scope_url, message.body)
        # (an HTML rendering in tests, a PDF otherwise)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertTrue(message.attachment_ids.name.startswith(
            "Scope - %s" % order.name.replace("/", "_")))

    def test_link_valid_for_the_configured_days(self):
        self.env["ir.config_parameter"].set_param(
            "b2b_sales_delivery.scope_link_days", "10"
        )
        order = self.order_as_salesman
        order.action_send_scope()
        self.assertEqual(
            fields.Datetime.from_string(order.scope_token_expiry)
            - fields.Datetime.from_string(order.scope_date_sent),
            timedelta(days=10),
        )

    def test_send_refused_without_items(self):
        order = create_scope_order(
            self.env, self.customer, self.salesman, items=[("other", "x")]
        )
        order.scope_item_ids.sudo(self.salesman).unlink()
        with self.assertRaisesRegex(UserError, "Add the scope items of"):
            order.sudo(self.salesman).action_send_scope()
        self.assertEqual(order.scope_state, "draft")

    def test_send_refused_without_customer_email(self):
        partner = self.env["res.partner"].create({"name": "Công ty An Khang"})
        order = create_scope_order(self.env, partner, self.salesman)
        with self.assertRaisesRegex(UserError, "An Khang has no email address"):
            order.sudo(self.salesman).action_send_scope()
        self.assertEqual(order.scope_state, "draft")

    def test_editing_a_sent_scope_kills_the_link(self):
        order = self.order_as_salesman
        order.action_send_scope()
        token = order.sudo().scope_token
        order.scope_item_ids[0].name = "Mục tiêu mới"
        self.assertEqual(order.scope_state, "draft")
        self.assertFalse(order.sudo().scope_token)
        self.assertFalse(self.env["sale.order"]._find_by_link_token(order.id, token))

    def test_scope_fields_change_only_through_actions(self):
        with self.assertRaisesRegex(UserError, "changes only through its actions"):
            self.order_as_salesman.write({"scope_state": "confirmed"})
        with self.assertRaisesRegex(UserError, "changes only through its actions"):
            self.order.sudo(self.sales_manager).write({"scope_token": "x"})
        self.assertEqual(self.order.scope_state, "draft")


class TestScopeLink(ScopeCase):
    """The model side of the link (the HTTP side: test_scope_http)."""

    def setUp(self):
        super().setUp()
        self.order_as_salesman.action_send_scope()
        self.token = self.order.sudo().scope_token
        self.other = create_scope_order(self.env, self.customer, self.salesman)
        self.other.sudo(self.salesman).action_send_scope()
        self.find = self.env["sale.order"]._find_by_link_token

    def test_valid_token_finds_the_order(self):
        self.assertEqual(self.find(self.order.id, self.token), self.order)

    def test_wrong_token_finds_nothing(self):
        self.assertFalse(self.find(self.order.id, self.token[:-1] + "x"))
        self.assertFalse(self.find(self.order.id, ""))
        self.assertFalse(self.find(self.order.id + 100000, self.token))

    def test_other_orders_token_finds_nothing(self):
        self.assertFalse(self.find(self.order.id, self.other.sudo().scope_token))
        self.assertFalse(self.find(self.other.id, self.token))

    def test_expired_token_finds_nothing(self):
        self.order._write_scope({"scope_token_expiry": "2020-01-01 00:00:00"})
        self.assertFalse(self.find(self.order.id, self.token))

    def test_revoked_token_finds_nothing(self):
        self.assertIs(self.order_as_salesman.action_revoke_scope_link(), True)
        self.assertFalse(self.find(self.order.id, self.token))
        new_token = self.order.sudo().scope_token
        self.assertNotEqual(new_token, self.token)
        self.assertEqual(self.find(self.order.id, new_token), self.order)

    def test_link_confirmation_only_through_the_link(self):
        """A user (RPC, button, server code, a context key sent) cannot
        record a confirmation "through the link": only the route does."""
        for order in (self.order_as_salesman, self.order.sudo(),
                      self.order_as_salesman.with_context(
                          b2b_scope_customer_confirmation=True)):
            with self.assertRaisesRegex(UserError, "Only the customer"):
                order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via="link")
            with self.assertRaisesRegex(UserError, "Only the customer"):
                order.action_confirm_scope("Lê Văn Hùng", "link")
        self.assertEqual(self.order.scope_state, "sent")
        self.assertIs(self.order.sudo()._confirm_scope_by_customer("Lê Văn Hùng"), True)
        self.assertEqual(
            (self.order.scope_state, self.order.scope_confirmed_via),
            ("confirmed", "link"),
        )

    def test_confirmed_scope_spends_the_link_and_confirms_once(self):
        self.order.sudo()._confirm_scope_by_customer("Lê Văn Hùng")
        self.assertFalse(self.find(self.order.id, self.token))
        self.assertFalse(self.order.sudo().scope_token)
        found = self.order.sudo()
        date = found.scope_date_confirmed
        messages = len(found.message_ids)
        found._confirm_scope_by_customer("Người khác")
        self.assertEqual(found.scope_confirmed_by, "Lê Văn Hùng")
        self.assertEqual(found.scope_date_confirmed, date)
        self.assertEqual(len(found.message_ids), messages)


class TestScopeLock(ScopeCase):
    def setUp(self):
        super().setUp()
        self.confirm_scope()
        self.line = self.order.order_line.sudo(self.salesman)
        self.item = self.order.scope_item_ids[0].sudo(self.salesman)

    def test_confirm_records_who_how_and_the_amount(self):
        order = self.order
        self.assertEqual(order.scope_state, "confirmed")
        self.assertEqual(order.scope_confirmed_by, "Lê Văn Hùng")
        self.assertEqual(order.scope_confirmed_via, "email")
        self.assertEqual(order.scope_amount_confirmed, 1000000.0)
        self.assertEqual(order.scope_amount_total, 1000000.0)

    def test_confirm_refused_without_items(self):
        order = create_scope_order(self.env, self.customer, self.salesman)
        order.scope_item_ids.unlink()
        with self.assertRaisesRegex(UserError, "has no items to confirm"):
            order.sudo(self.salesman).action_confirm_scope()

    def test_confirm_refuses_an_unknown_channel(self):
        order = create_scope_order(self.env, self.customer, self.salesman)
        with self.assertRaisesRegex(UserError, "Unknown confirmation channel: fax"):
            order.sudo(self.salesman).action_confirm_scope(via="fax")
        self.assertEqual(order.scope_state, "draft")

    def test_scope_items_locked_for_salesman(self):
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.item.write({"name": "Đổi mục tiêu"})
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.env["b2b.scope.item"].sudo(self.salesman).create(
                {"order_id": self.order.id, "category": "other", "name": "Thêm"}
            )
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.item.unlink()
        self.assertEqual(len(self.order.scope_item_ids), 3)

    def test_scope_items_locked_for_manager_too(self):
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.item.sudo(self.sales_manager).write({"name": "Đổi"})

    def test_order_lines_locked(self):
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.line.write({"price_unit": 2000000.0})
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.line.write({"product_uom_qty": 2.0})
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.order_as_salesman.write(
                {"order_line": [(0, 0, {"product_id": self.line.product_id.id,
                                        "name": "Thêm", "price_unit": 5.0})]}
            )
        with self.assertRaisesRegex(UserError, LOCKED % self.order.name):
            self.line.unlink()
        self.assertEqual(self.order.amount_untaxed, 1000000.0)

    def test_line_fields_outside_the_scope_stay_writable(self):
        self.line.write({"sequence": 42})
        self.assertEqual(self.line.sequence, 42)

    def test_unlock_only_by_manager_with_reason(self):
        with self.assertRaisesRegex(AccessError, "Only sales managers"):
            self.order_as_salesman.action_unlock_scope("Khách đổi ý")
        as_manager = self.order.sudo(self.sales_manager)
        with self.assertRaisesRegex(UserError, "Give the reason"):
            as_manager.action_unlock_scope("  ")
        self.assertEqual(self.order.scope_state, "confirmed")
        self.assertIs(as_manager.action_unlock_scope("Khách đổi nhà cung cấp"), True)
        self.assertEqual(self.order.scope_state, "draft")
        self.assertIn("Reason: Khách đổi nhà cung cấp", self.order.message_ids[0].body)
        self.assertEqual(self.order.message_ids[0].author_id,
                         self.sales_manager.partner_id)
        self.item.write({"name": "Đổi mục tiêu"})
        self.assertEqual(self.item.name, "Đổi mục tiêu")

    def test_unlock_wizard(self):
        wizard = self.env["b2b.scope.unlock.wizard"].sudo(self.sales_manager).create(
            {"order_id": self.order.id, "reason": "Sai ngân sách"}
        )
        wizard.action_unlock()
        self.assertEqual(self.order.scope_state, "draft")
        with self.assertRaisesRegex(UserError, "is not locked"):
            self.order.sudo(self.sales_manager).action_unlock_scope("again")


class TestScopeConfirmedByEmail(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The scope went to the customer on 1 March (a confirmation is never
        # dated before the scope was sent).
        cls.order._write_scope(
            {"scope_state": "sent", "scope_date_sent": "2026-03-01 08:00:00"}
        )

    def _wizard(self, **values):
        vals = {"order_id": self.order.id, "confirmed_by": "Lê Văn Hùng",
                "date_confirmed": "2026-03-02 09:30:00"}
        vals.update(values)
        return self.env["b2b.confirmation.email.wizard"].sudo(self.salesman).create(vals)

    def test_default_confirmer_is_the_customer(self):
        values = self.env["b2b.confirmation.email.wizard"].with_context(
            default_order_id=self.order.id
        ).default_get(["confirmed_by", "order_id"])
        self.assertEqual(values["confirmed_by"], self.customer.name)

    def test_recorded_email_confirms_and_keeps_the_mail(self):
        wizard = self._wizard(body="<p>Chúng tôi xác nhận phạm vi công việc.</p>")
        # A mail pasted by the salesperson is not the customer's mail.
        with self.assertRaisesRegex(UserError, "Keep the customer's word"), \
                self.env.cr.savepoint():
            wizard.action_record()
        self.assertEqual(self.order.scope_state, "sent")
        receive_scope_reply(self.env, self.order)
        wizard.action_record()
        order = self.order
        self.assertEqual(order.scope_state, "confirmed")
        self.assertEqual(order.scope_confirmed_by, "Lê Văn Hùng")
        self.assertEqual(order.scope_confirmed_via, "email")
        self.assertEqual(order.scope_date_confirmed, "2026-03-02 09:30:00")
        kept = order.message_ids.filtered(
            lambda m: "Chúng tôi xác nhận phạm vi công việc." in (m.body or "")
        )
        self.assertEqual(len(kept), 1)
        # the salesperson's time zone (none: UTC) and date format
        self.assertIn("Confirmation received by email from Lê Văn Hùng on "
                      "03/02/2026 09:30", kept.body)

    def test_recorded_email_keeps_the_attachment(self):
        attachment = self.env["ir.attachment"].sudo(self.salesman).create(
            {"name": "xac-nhan.eml", "datas": "U3ViamVjdDogT0s=",
             "datas_fname": "xac-nhan.eml"}
        )
        self._wizard(attachment_ids=[(6, 0, attachment.ids)]).action_record()
        self.assertEqual(attachment.res_model, "sale.order")
        self.assertEqual(attachment.res_id, self.order.id)
        self.assertIn(attachment, self.order.message_ids.mapped("attachment_ids"))

    def test_a_mail_is_required(self):
        with self.assertRaisesRegex(UserError, "Keep the customer's mail"):
            self._wizard(body="<p><br/></p>").action_record()
        self.assertEqual(self.order.scope_state, "sent")

    def test_mail_of_another_document_refused(self):
        other = create_scope_order(self.env, self.customer, self.salesman)
        message = other.message_post(body="OK")
        with self.assertRaisesRegex(UserError, "belongs to another document"):
            self._wizard(message_id=message.id).action_record()


class TestScopeSecurity(ScopeCase):
    def test_other_salesman_sees_no_scope(self):
        Item = self.env["b2b.scope.item"].sudo(self.salesman_other)
        self.assertFalse(Item.search([("order_id", "=", self.order.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.order.scope_item_ids.sudo(self.salesman_other).read(["name"])
        self.assertEqual(
            len(self.env["b2b.scope.item"].sudo(self.salesman).search(
                [("order_id", "=", self.order.id)])), 3
        )

    def test_other_salesman_cannot_confirm(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.order.sudo(self.salesman_other).action_confirm_scope()


class TestScopeTasks(ScopeCase):
    def test_starting_tasks_in_the_company_language(self):
        """The team reads the tasks in the company's language: a Vietnamese
        company's project made by an English-speaking user has "Đầu bài:"
        tasks, not "Brief:"."""
        self.env["res.lang"].load_lang("vi_VN")
        self.order.company_id.partner_id.lang = "vi_VN"
        self.confirm_scope()
        project = self.env["project.project"].browse(
            self.order.sudo().with_context(lang="en_US").action_create_project())
        names = project.task_ids.sorted("id").mapped("name")
        self.assertEqual(names[0], "Đầu bài: Mục tiêu dự án")
        self.assertFalse([name for name in names if name.startswith(
            ("Brief:", "User Interface:", "Timeline:"))], names)

    def test_scope_items_become_the_starting_tasks(self):
        self.order.scope_item_ids[0].write(
            {"description": "Tăng 20% năng suất kho", "date_deadline": "2026-04-10"}
        )
        self.confirm_scope()
        project = self.env["project.project"].browse(
            self.order.sudo().action_create_project())
        tasks = project.task_ids.sorted("id")
        self.assertEqual(
            tasks.mapped("name"),
            ["Brief: Mục tiêu dự án", "User Interface: Giao diện web",
             "Timeline: Bàn giao sau 6 tuần"],
        )
        # the item's date is the one the customer saw: the task shows it to
        # the customer, and its internal deadline is earlier by the buffer
        self.assertEqual(tasks[0].date_deadline_customer, "2026-04-10")
        self.assertEqual(tasks[0].date_deadline_agreed, "2026-04-10")
        self.assertLessEqual(tasks[0].date_deadline, "2026-03-27")
        self.assertIn("Tăng 20% năng suất kho", tasks[0].description)
        self.assertFalse(tasks[1].date_deadline)
        self.order.sudo().action_create_project()
        self.assertEqual(len(project.task_ids), 3)
