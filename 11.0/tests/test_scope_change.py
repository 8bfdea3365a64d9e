# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Change requests: approved ones add exactly their amount and days, once."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common_scope import SCAN, ScopeCase


class TestChangeRequest(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order.sudo(cls.salesman).action_confirm_scope(
            confirmed_by="Lê Văn Hùng", via="email", signed_copy=SCAN
        )
        cls.order.sudo().action_confirm()
        cls.project = cls.env["project.project"].browse(
            cls.order.sudo().action_create_project()
        )
        cls.task = cls.env["project.task"].create(
            {"name": "Dựng giao diện", "project_id": cls.project.id,
             "date_deadline": "2026-05-04"}
        )
        cls.phase = cls.env["b2b.phase"].create(
            {"project_id": cls.project.id, "name": "Giai đoạn 1",
             "date_deadline": "2026-05-15"}
        )

    def _change(self, amount=250000.5, days=5, **values):
        vals = {"order_id": self.order.id, "name": "Thêm báo cáo tồn kho",
                "extra_amount": amount, "extra_days": days}
        vals.update(values)
        return self.env["b2b.change.request"].sudo(self.salesman).create(vals)

    def _sent(self, change):
        """The change as sent to the customer (a decision needs it)."""
        change.action_send()
        return change

    def test_send_mails_the_customer_with_a_link(self):
        change = self._change()
        self.assertIs(change.action_send(), True)
        self.assertEqual(change.state, "sent")
        self.assertTrue(change.approval_url.endswith(
            "/b2b/change/%s/%s" % (change.id, change.sudo().access_token)))
        message = change.message_ids.filtered(
            lambda m: m.subject and "to approve" in m.subject)
        self.assertEqual(len(message), 1)
        self.assertIn(self.customer.commercial_partner_id, message.partner_ids)
        self.assertIn(change.approval_url, message.body)

    def test_approved_adds_exactly_its_amount_and_days(self):
        change = self._change()
        change.action_send()
        self.assertIs(change.action_approve(approved_by="Lê Văn Hùng", via="email"),
                      True)
        order = self.order
        self.assertEqual(change.state, "approved")
        self.assertEqual(order.amount_untaxed, 1250000.5)
        self.assertEqual(change.sale_line_id.order_id, order)
        self.assertEqual(change.sale_line_id.price_subtotal, 250000.5)
        self.assertEqual(order.scope_amount_confirmed, 1000000.0)
        self.assertEqual(order.change_amount_approved, 250000.5)
        self.assertEqual(order.scope_amount_total, 1250000.5)
        self.assertEqual(order.change_days_approved, 5)
        self.assertEqual(self.task.date_deadline, "2026-05-09")
        self.assertEqual(self.phase.date_deadline, "2026-05-20")
        self.assertEqual(order.scope_state, "confirmed")

    def test_approving_twice_adds_once(self):
        change = self._sent(self._change())
        change.action_approve()
        change.action_approve()
        self.env["b2b.change.request"].sudo().browse(change.id).action_approve()
        self.assertEqual(self.order.amount_untaxed, 1250000.5)
        self.assertEqual(len(self.order.order_line), 2)
        self.assertEqual(self.task.date_deadline, "2026-05-09")

    def test_rejected_changes_nothing(self):
        change = self._change()
        change.action_send()
        self.assertIs(change.action_reject(rejected_by="Lê Văn Hùng"), True)
        self.assertEqual(change.state, "rejected")
        self.assertEqual(self.order.amount_untaxed, 1000000.0)
        self.assertEqual(len(self.order.order_line), 1)
        self.assertEqual(self.task.date_deadline, "2026-05-04")
        self.assertEqual(self.order.change_amount_approved, 0.0)
        with self.assertRaisesRegex(UserError, "was rejected: it cannot be approved"):
            change.action_approve()
        self.assertEqual(self.order.amount_untaxed, 1000000.0)

    def test_approved_cannot_be_rejected_nor_deleted_nor_edited(self):
        change = self._sent(self._change())
        change.action_approve()
        with self.assertRaisesRegex(UserError, "is approved: it cannot be rejected"):
            change.action_reject()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            change.unlink()
        with self.assertRaisesRegex(UserError, "set it back to draft"):
            change.write({"extra_amount": 1.0})
        with self.assertRaisesRegex(UserError, "cannot go back to draft"):
            change.action_draft()

    def test_state_changes_only_through_actions(self):
        change = self._change()
        with self.assertRaisesRegex(UserError, "changes only through its actions"):
            change.write({"state": "approved"})
        self.assertEqual(self.order.amount_untaxed, 1000000.0)

    def test_sent_change_is_edited_after_going_back_to_draft(self):
        change = self._change()
        change.action_send()
        with self.assertRaisesRegex(UserError, "set it back to draft"):
            change.write({"extra_amount": 1.0})
        change.action_draft()
        self.assertFalse(change.sudo().access_token)
        change.write({"extra_amount": 1.0})
        self.assertEqual(change.extra_amount, 1.0)

    def test_negative_days_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._change(days=-1)

    def test_zero_amount_adds_only_days(self):
        change = self._sent(self._change(amount=0.0, days=2))
        change.action_approve()
        self.assertFalse(change.sale_line_id)
        self.assertEqual(len(self.order.order_line), 1)
        self.assertEqual(self.task.date_deadline, "2026-05-06")

    def test_invoiced_order_gets_a_new_order_under_the_contract(self):
        contract = self.env["b2b.contract"].create(
            {"partner_id": self.customer.id, "user_id": self.salesman.id}
        )
        self.order.sudo().write({"b2b_contract_id": contract.id})
        self.order.sudo().action_invoice_create()
        self.assertEqual(self.order.invoice_status, "invoiced")
        change = self._sent(self._change())
        change.action_approve(approved_by="Lê Văn Hùng")
        new_order = change.change_order_id
        self.assertTrue(new_order)
        self.assertEqual(self.order.amount_untaxed, 1000000.0)
        self.assertEqual(new_order.amount_untaxed, 250000.5)
        self.assertEqual(new_order.b2b_contract_id, contract)
        self.assertEqual(new_order.partner_id, self.customer)
        self.assertEqual(new_order.user_id, self.salesman)
        self.assertEqual(new_order.state, "sale")
        self.assertEqual(new_order.scope_state, "confirmed")
        self.assertEqual(contract.order_count, 2)
        self.assertEqual(self.task.date_deadline, "2026-05-09")
        change.action_approve()
        self.assertEqual(contract.order_count, 2)

    def test_other_salesman_sees_no_change(self):
        change = self._change()
        Change = self.env["b2b.change.request"].sudo(self.salesman_other)
        self.assertFalse(Change.search([("id", "=", change.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            change.sudo(self.salesman_other).action_approve()
        self.assertEqual(change.state, "draft")
        self.assertEqual(self.order.amount_untaxed, 1000000.0)

    def test_cancelled_order_takes_no_change(self):
        order = self.order.copy()
        order.action_cancel()
        with self.assertRaisesRegex(ValidationError, "is cancelled"):
            self._change(order_id=order.id)

    def test_order_shows_each_change_and_totals(self):
        first = self._sent(self._change(amount=100000.0, days=1, name="A"))
        second = self._sent(self._change(amount=40000.0, days=2, name="B"))
        self._sent(self._change(amount=999.0, days=9, name="C")).action_reject()
        self._change(amount=7.0, days=9, name="D")
        first.action_approve()
        second.action_approve()
        order = self.order
        self.assertEqual(order.change_request_ids.mapped("name"), ["A", "B", "C", "D"])
        self.assertEqual(order.change_amount_approved, 140000.0)
        self.assertEqual(order.change_days_approved, 3)
        self.assertEqual(order.scope_amount_total, 1140000.0)
        self.assertEqual(order.amount_untaxed, 1140000.0)
