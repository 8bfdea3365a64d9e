# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance minutes: send, accept once (closed for good), reject, link."""
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import accept_by_customer, mark_sent
from .common_payment import THIRDS, B2BPaymentCase

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n signed").decode()


class TestAcceptance(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, cls.project, cls.phases = cls.create_order(1000.01, THIRDS)
        cls.order.action_confirm()
        cls.phase = cls.phases[0]

    def test_number_partner_and_token(self):
        acceptance = self.create_acceptance(self.phase)
        self.assertTrue(acceptance.name.startswith("BBNT/"), acceptance.name)
        self.assertEqual(acceptance.partner_id, self.customer)
        self.assertEqual(acceptance.order_id, self.order)
        self.assertEqual(acceptance.state, "draft")
        url = acceptance.get_acceptance_url()
        self.assertTrue(acceptance.access_token)
        self.assertTrue(url.endswith(
            "/b2b/acceptance/%s/%s" % (acceptance.id, acceptance.access_token)
        ))

    def test_send_mails_the_minutes_with_the_link(self):
        acceptance = self.create_acceptance(self.phase)
        self.assertIs(acceptance.sudo(self.project_user).action_send(), True)
        self.assertEqual(acceptance.state, "sent")
        self.assertEqual(self.phase.state, "to_accept")
        message = acceptance.message_ids.filtered(
            lambda m: m.message_type != "notification" or m.attachment_ids
        ).filtered("attachment_ids")[:1]
        self.assertEqual(message.partner_ids, self.signatory)
        self.assertIn(acceptance.get_acceptance_url(), message.body)
        # The PDF (HTML in test mode: no wkhtmltopdf) named after the minutes.
        self.assertEqual(
            [name.rsplit(".", 1)[0] for name in message.attachment_ids.mapped("name")],
            [acceptance.name.replace("/", "_")],
        )

    def test_send_needs_items_and_an_email(self):
        acceptance = self.create_acceptance(self.phase, item_ids=[])
        with self.assertRaises(UserError) as error:
            acceptance.action_send()
        self.assertIn("no items", error.exception.name)
        acceptance.item_ids = [(0, 0, {"name": "Báo cáo"})]
        self.signatory.email = False
        with self.assertRaises(UserError) as error:
            acceptance.action_send()
        self.assertIn("has no email address", error.exception.name)
        self.assertEqual(acceptance.state, "draft")

    def test_accept_closes_the_phase_for_good(self):
        acceptance = self.create_acceptance(self.phase)
        acceptance.sudo(self.project_user).action_send()
        self.assertIs(
            acceptance._accept_by_customer("Nguyễn Văn An", PNG, "link"), True)
        self.assertEqual(acceptance.state, "accepted")
        self.assertEqual(acceptance.accepted_by, "Nguyễn Văn An")
        self.assertEqual(acceptance.accepted_via, "link")
        self.assertTrue(acceptance.signature)
        self.assertEqual(self.phase.state, "accepted")
        # Closed: minutes, items and phase state are frozen.
        user_acceptance = acceptance.sudo(self.project_user)
        with self.assertRaises(UserError) as error:
            user_acceptance.reservations = "Sửa lại"
        self.assertEqual(
            error.exception.name,
            "The acceptance minutes %s are accepted: they can no longer be "
            "changed." % acceptance.name,
        )
        with self.assertRaises(UserError):
            user_acceptance.item_ids[0].name = "Khác"
        with self.assertRaises(UserError):
            user_acceptance.item_ids[0].unlink()
        with self.assertRaises(UserError):
            user_acceptance.write({"item_ids": [(0, 0, {"name": "Thêm"})]})
        with self.assertRaises(UserError):
            acceptance.unlink()
        with self.assertRaises(UserError):
            self.phase.sudo(self.project_user).state = "in_progress"
        # A context key sent over RPC does not reopen them.
        with self.assertRaises(UserError):
            acceptance.sudo().with_context(
                b2b_acceptance_step=True, b2b_step_write=True
            ).write({"state": "draft"})
        self.assertEqual(acceptance.state, "accepted")
        # The chatter stays open.
        user_acceptance.message_post(body="Đã lưu bản gốc.")

    def test_second_acceptance_of_a_phase_is_refused(self):
        first = self.create_acceptance(self.phase)
        second = self.create_acceptance(self.phase)
        mark_sent(first | second)
        accept_by_customer(first)
        with self.assertRaises(UserError) as error:
            accept_by_customer(second)
        self.assertEqual(
            error.exception.name,
            "The phase %s is already accepted: a second acceptance is refused."
            % self.phase.name,
        )
        self.assertEqual(second.state, "sent")
        self.assertEqual(len(self.order.invoice_ids), 2)

    def test_database_refuses_two_accepted_minutes(self):
        first = self.create_acceptance(self.phase)
        second = self.create_acceptance(self.phase)
        accept_by_customer(first)
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE b2b_acceptance SET state = 'accepted' WHERE id = %s",
                (second.id,),
            )

    def test_the_link_needs_name_signature_and_sent_minutes(self):
        acceptance = self.create_acceptance(self.phase)
        with self.assertRaises(UserError) as error:
            acceptance._accept_by_customer("An", PNG, "link")
        self.assertIn("cannot be accepted", error.exception.name)
        mark_sent(acceptance)
        for name, signature, message in (
            (" ", PNG, "Please enter your name."),
            ("An", None, "Please sign the minutes to accept them."),
        ):
            with self.assertRaises(UserError) as error:
                acceptance._accept_by_customer(name, signature, "link")
            self.assertEqual(error.exception.name, message)
        self.assertEqual(acceptance.state, "sent")

    def test_project_manager_records_with_the_evidence(self):
        acceptance = self.create_acceptance(self.phase)
        manager = acceptance.sudo(self.project_manager)
        with self.assertRaises(UserError) as error:
            manager.action_accept()
        self.assertIn("before recording", error.exception.name)
        manager.action_send()
        with self.assertRaises(AccessError):
            acceptance.sudo(self.project_user).action_accept()
        with self.assertRaises(UserError) as error:
            manager.action_accept(accepted_via="link")
        self.assertIn("only by the customer", error.exception.name)
        with self.assertRaises(UserError):
            manager.action_accept(signature=PNG)
        with self.assertRaises(UserError) as error:
            manager.action_accept()
        self.assertIn("Attach the customer's mail", error.exception.name)
        self.assertEqual(acceptance.state, "sent")
        # The customer's reply, received by mail in the minutes' chatter (the
        # mail gateway creates it as the superuser).
        acceptance.sudo().message_post(
            body="Chúng tôi đồng ý nghiệm thu.", message_type="email",
            author_id=self.signatory.id,
        )
        manager.action_accept()
        self.assertEqual(acceptance.accepted_by, "Nguyễn Văn An")
        self.assertEqual(acceptance.accepted_via, "email")
        self.assertTrue(acceptance.date_accepted)
        self.assertEqual(self.phase.state, "accepted")

    def test_paper_acceptance_needs_the_signed_copy(self):
        acceptance = mark_sent(self.create_acceptance(self.phase))
        manager = acceptance.sudo(self.project_manager)
        with self.assertRaises(UserError) as error:
            manager.action_accept(accepted_via="paper")
        self.assertIn("Attach the signed paper copy", error.exception.name)
        manager.write({"signed_copy": PNG, "signed_copy_filename": "bbnt.png"})
        manager.action_accept(accepted_via="paper", accepted_by="Lê Văn Cường")
        self.assertEqual(acceptance.accepted_via, "paper")
        self.assertEqual(acceptance.accepted_by, "Lê Văn Cường")

    def test_unknown_channel_is_refused(self):
        acceptance = mark_sent(self.create_acceptance(self.phase))
        with self.assertRaises(UserError):
            acceptance.sudo(self.project_manager).action_accept(accepted_via="fax")
        with self.assertRaises(UserError):
            acceptance._accept_by_customer("An", PNG, "fax")
        self.assertEqual(acceptance.state, "sent")

    def test_items_not_accepted_block_the_acceptance(self):
        acceptance = self.create_acceptance(self.phase)
        acceptance.item_ids[1].is_accepted = False
        mark_sent(acceptance)
        with self.assertRaises(UserError) as error:
            accept_by_customer(acceptance)
        self.assertIn("Bản thiết kế giao diện", error.exception.name)
        self.assertEqual(acceptance.state, "sent")
        self.assertEqual(self.phase.state, "to_accept")

    def test_state_and_evidence_only_through_the_steps(self):
        Acceptance = self.env["b2b.acceptance"].sudo(self.project_user)
        base = {"phase_id": self.phase.id, "item_ids": [(0, 0, {"name": "X"})]}
        for values in ({"state": "accepted"}, {"date_accepted": "2026-01-01"},
                       {"signature": PNG}, {"date_sent": "2026-01-01"},
                       {"access_token": "chosen"}):
            for model in (Acceptance, Acceptance.sudo()):
                with self.assertRaises(UserError):
                    model.create(dict(base, **values))
        # The kanban's quick create in the "Accepted" column.
        with self.assertRaises(UserError):
            Acceptance.with_context(default_state="accepted").create(base)
        acceptance = self.create_acceptance(self.phase)
        for values in ({"date_accepted": "2026-01-01"}, {"signature": PNG},
                       {"state": "accepted"}):
            with self.assertRaises(UserError) as error:
                acceptance.sudo(self.project_user).write(values)
        self.assertIn("Record Acceptance", error.exception.name)
        # Dropping the card in the "Sent" column runs the sending.
        acceptance.sudo(self.project_user).write({"state": "sent"})
        self.assertEqual(acceptance.state, "sent")
        self.assertTrue(acceptance.date_sent)
        # A copy starts over.
        copy = acceptance.copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.date_sent or copy.access_token)

    def test_accepted_minutes_phase_and_project_stay(self):
        acceptance = self.create_acceptance(self.phase)
        accept_by_customer(acceptance)
        other_project = self.env["project.project"].create({"name": "Khác"})
        with self.assertRaises(UserError):
            acceptance.sudo(self.project_manager).phase_id = self.phases[1]
        with self.assertRaises(UserError):
            self.phase.sudo(self.project_manager).project_id = other_project
        with self.assertRaises(UserError):
            self.phase.sudo(self.project_manager).unlink()
        with self.assertRaises(UserError):
            self.project.sudo().unlink()
        with self.assertRaises(UserError):
            self.project.sudo().sale_order_id = False
        self.assertTrue(acceptance.exists())
        self.assertEqual(self.phase.project_id, self.project)

    def test_reject_with_a_reason_then_again(self):
        acceptance = self.create_acceptance(self.phase)
        acceptance.action_send()
        with self.assertRaises(UserError) as error:
            acceptance.action_reject()
        self.assertIn("Give the reason", error.exception.name)
        self.assertIs(acceptance.action_reject(reason="Thiếu tài liệu hướng dẫn"), True)
        self.assertEqual(acceptance.state, "rejected")
        self.assertEqual(acceptance.reject_reason, "Thiếu tài liệu hướng dẫn")
        self.assertEqual(self.phase.state, "in_progress")
        self.assertEqual(self.order.payment_plan_line_ids[1].state, "planned")
        with self.assertRaises(UserError):
            accept_by_customer(acceptance)
        with self.assertRaises(UserError):
            acceptance.action_reject(reason="again")
        acceptance.action_draft()
        accept_by_customer(acceptance)
        self.assertEqual(self.phase.state, "accepted")

    def test_request_acceptance_from_the_phase(self):
        action = self.phase.sudo(self.project_user).action_request_acceptance()
        acceptance = self.env["b2b.acceptance"].browse(action["res_id"])
        self.assertEqual(acceptance.phase_id, self.phase)
        self.assertEqual(acceptance.item_ids.mapped("name"), [self.phase.name])
        again = self.phase.sudo(self.project_user).action_request_acceptance()
        self.assertEqual(again["res_id"], acceptance.id)
        self.assertEqual(self.phase.acceptance_count, 1)

    def test_portal_customer_reads_own_minutes_only(self):
        # The customer reads their minutes once sent, never a draft.
        draft = self.create_acceptance(self.phase)
        own = self.create_acceptance(self.phase)
        mark_sent(own)
        other_partner = self.env["res.partner"].create({"name": "Công ty CP Sao Mai"})
        other_order = self.env["sale.order"].create({"partner_id": other_partner.id})
        other_project = self.env["project.project"].browse(
            other_order.action_create_project()
        )
        other_project.message_subscribe_users(user_ids=[self.project_user.id])
        other_phase = self.env["b2b.phase"].create(
            {"project_id": other_project.id, "name": "GĐ 1"}
        )
        self.create_acceptance(other_phase, signatory_id=False)
        Acceptance = self.env["b2b.acceptance"].sudo(self.portal_user)
        self.assertEqual(Acceptance.search([]), own)
        Item = self.env["b2b.acceptance.item"].sudo(self.portal_user)
        self.assertEqual(Item.search([]), own.item_ids)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            draft.sudo(self.portal_user).read(["name"])

    def test_kanban_shows_every_state(self):
        self.create_acceptance(self.phase)
        groups = self.env["b2b.acceptance"].sudo(self.project_user).read_group(
            [("phase_id", "=", self.phase.id)], ["state"], ["state"]
        )
        self.assertEqual(
            [(g["state"], g["state_count"]) for g in groups],
            [("draft", 1), ("sent", 0), ("accepted", 0), ("rejected", 0)],
        )
