# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance minutes of a phase: drawn up from the phase's milestone tasks,
sent to the customer's contact with a new link, frozen once sent, answered
only by the customer's word (the link, their mail as received, the signed
paper copy), accepting the phase once."""

import xmlrpc.client

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .test_acceptance_common import SIGNATURE, AcceptanceCase


class TestAcceptance(AcceptanceCase):
    # ------------------------------------------------------------------
    # Drawing up and sending
    # ------------------------------------------------------------------

    def test_request_acceptance_lists_the_milestone_tasks(self):
        acceptance = self.acceptance
        self.assertEqual(acceptance.state, "draft")
        self.assertTrue(acceptance.name.startswith("BBNT/"))
        self.assertEqual(acceptance.item_ids.mapped("name"), [self.task.name])
        self.assertEqual(acceptance.item_ids.task_id, self.task)
        self.assertEqual(acceptance.partner_id, self.customer)
        self.assertEqual(acceptance.project_id, self.project)
        self.assertEqual(acceptance.company_id, self.order.company_id)
        # Asked again: the open minutes, not a second one.
        action = self.phase.with_user(self.project_manager).action_request_acceptance()
        self.assertEqual(action["res_id"], acceptance.id)
        self.assertEqual(self.phase.acceptance_count, 1)
        self.assertEqual(self.project.acceptance_count, 1)
        self.assertEqual(
            self.project.with_user(self.project_user).action_view_acceptances()[
                "res_id"
            ],
            acceptance.id,
        )
        # A planned phase is not ready for acceptance.
        with self.assertRaises(UserError):
            self.phase_shooting.with_user(
                self.project_manager
            ).action_request_acceptance()

    def test_send_mails_the_contact_a_new_link(self):
        acceptance = self.acceptance
        draft_token = acceptance._portal_ensure_token()
        self.assertIs(self.send(acceptance, self.salesman), acceptance)
        self.assertEqual(acceptance.state, "sent")
        self.assertEqual(acceptance.sent_to_id, self.contact)
        self.assertTrue(acceptance.date_sent)
        self.assertTrue(acceptance.access_token)
        self.assertNotEqual(acceptance.access_token, draft_token)
        message = acceptance.message_ids.filtered(
            lambda message: self.contact in message.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn(acceptance.access_token, message.body)
        self.assertIn("/my/acceptances/%s" % acceptance.id, message.body)
        self.assertNotIn(draft_token, message.body)

    def test_send_through_the_composer_is_the_same_step(self):
        acceptance = self.acceptance
        action = acceptance.with_user(self.project_manager).action_send_wizard()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.project_manager)
            .with_context(**action["context"])
        )
        draft_token = acceptance.access_token
        self.assertIn(draft_token, composer.body)
        composer.save().action_send_mail()
        self.assertEqual(acceptance.state, "sent")
        self.assertNotEqual(acceptance.access_token, draft_token)
        message = acceptance.message_ids.filtered(
            lambda message: self.contact in message.partner_ids
        )
        self.assertIn(acceptance.access_token, message.body)
        self.assertNotIn(draft_token, message.body)

    def test_send_needs_a_phase_to_accept_items_and_the_contact(self):
        Acceptance = self.env["b2b.acceptance"].with_user(self.project_manager)
        planned = Acceptance.create(
            {
                "phase_id": self.phase_shooting.id,
                "recipient_id": self.contact.id,
                "item_ids": [(0, 0, {"name": "Quay phim"})],
            }
        )
        with self.assertRaisesRegex(UserError, "ready for acceptance"):
            planned.action_send()
        self.acceptance.item_ids.unlink()
        with self.assertRaisesRegex(UserError, "no items"):
            self.send()
        self.acceptance.item_ids = [(0, 0, {"name": "Kịch bản"})]
        self.acceptance.recipient_id = False
        with self.assertRaisesRegex(UserError, "Choose the customer's contact"):
            self.send()
        self.contact.email = False
        self.acceptance.recipient_id = self.contact
        with self.assertRaisesRegex(UserError, "no email"):
            self.send()
        self.assertEqual(self.acceptance.state, "draft")

    def test_salesperson_cannot_send_the_minutes_to_herself(self):
        acceptance = self.acceptance.with_user(self.salesman)
        with self.assertRaises(ValidationError):
            acceptance.recipient_id = self.salesman.partner_id
        # Nor to a contact of the customer who is an employee.
        self.salesman.partner_id.sudo().parent_id = self.customer
        with self.assertRaisesRegex(ValidationError, "employee"):
            acceptance.recipient_id = self.salesman.partner_id
        # Nor to another customer's contact.
        with self.assertRaises(ValidationError):
            acceptance.recipient_id = self.other_contact

    # ------------------------------------------------------------------
    # Sent minutes are frozen; the facts through the steps only
    # ------------------------------------------------------------------

    def test_sent_minutes_are_frozen(self):
        self.send()
        acceptance = self.acceptance.with_user(self.project_manager)
        refused = [
            {"phase_id": self.phase_shooting.id},
            {"recipient_id": self.customer.id},
            {"reservations": "Thêm phụ đề"},
            {"item_ids": [(0, 0, {"name": "Thêm"})]},
            {"access_token": "forged"},
        ]
        for vals in refused:
            with self.subTest(vals=vals), self.assertRaises(UserError):
                acceptance.write(vals)
        with self.assertRaises(UserError):
            acceptance.sudo().write({"phase_id": self.phase_shooting.id})
        item = acceptance.item_ids.with_user(self.project_manager)
        with self.assertRaises(UserError):
            item.name = "Khác"
        with self.assertRaises(UserError):
            item.unlink()
        with self.assertRaises(UserError):
            item.create({"acceptance_id": acceptance.id, "name": "Thêm"})
        with self.assertRaises(UserError):
            acceptance.unlink()
        # An item of draft minutes is not moved onto sent minutes.
        draft = acceptance.copy()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.sent_to_id)
        with self.assertRaises(UserError):
            draft.item_ids.write({"acceptance_id": acceptance.id})
        self.assertEqual(self.acceptance.phase_id, self.phase)
        # The chatter and the signed copy stay open.
        acceptance.message_post(body="Đã gọi điện nhắc khách hàng")
        acceptance.signed_copy = SIGNATURE

    def test_facts_only_through_the_steps(self):
        acceptance = self.acceptance.with_user(self.project_manager)
        forged = [
            {"state": "accepted"},
            {"accepted_by": "Nguyễn Văn An"},
            {"accepted_via": "link"},
            {"signature": SIGNATURE},
            {"sent_to_id": self.contact.id},
            {"reject_reason": "Không đạt"},
        ]
        for vals in forged:
            for records in (
                acceptance,
                acceptance.sudo(),
                acceptance.with_context(b2b_acceptance_step=True),
            ):
                with self.subTest(vals=vals), self.assertRaises(UserError):
                    records.write(vals)
            with self.subTest(create=vals), self.assertRaises(UserError):
                acceptance.create(dict(vals, phase_id=self.phase.id))
        self.assertEqual(self.acceptance.state, "draft")
        self.assertFalse(self.acceptance.accepted_by)

    def test_import_cannot_create_answered_minutes(self):
        result = (
            self.env["b2b.acceptance"]
            .with_user(self.project_manager)
            .load(
                ["phase_id/.id", "state", "accepted_by"],
                [[str(self.phase.id), "accepted", "Nguyễn Văn An"]],
            )
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertEqual(self.phase.state, "to_accept")

    # ------------------------------------------------------------------
    # The customer's word
    # ------------------------------------------------------------------

    def test_customer_accepts_through_the_link(self):
        self.send()
        acceptance = self.acceptance.with_user(self.portal_user)
        acceptance._accept_by_customer("Nguyễn Văn An", SIGNATURE)
        self.assertEqual(self.acceptance.state, "accepted")
        self.assertEqual(self.acceptance.accepted_by, "Nguyễn Văn An")
        self.assertEqual(self.acceptance.accepted_via, "portal")
        self.assertTrue(self.acceptance.signature)
        self.assertTrue(self.acceptance.date_accepted)
        self.assertEqual(self.phase.state, "accepted")
        # Twice: one result.
        with self.assertRaisesRegex(UserError, "already accepted"):
            acceptance._accept_by_customer("Nguyễn Văn An", SIGNATURE)
        with self.assertRaises(UserError):
            self.acceptance.with_user(self.project_manager).write({"reservations": "x"})

    def test_nobody_but_the_contact_accepts_through_the_link(self):
        self.send()
        for user in (
            self.env.ref("base.user_admin"),
            self.salesman,
            self.accountant,
            self.project_manager,
            self.other_portal_user,
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.acceptance.with_user(user)._accept_by_customer(
                    "Nguyễn Văn An", SIGNATURE
                )
        self.assertEqual(self.acceptance.state, "sent")
        self.assertEqual(self.phase.state, "to_accept")

    def test_link_needs_a_name_and_a_signature(self):
        self.send()
        acceptance = self.acceptance.with_user(self.portal_user)
        for name, signature in (
            ("", SIGNATURE),
            ("Nguyễn Văn An", ""),
            ("Nguyễn Văn An", "not base64!"),
            ("Nguyễn Văn An", "aGVsbG8="),
            (["An"], SIGNATURE),
            ("A" * 500, SIGNATURE),
        ):
            with self.subTest(name=name, signature=signature), self.assertRaises(
                UserError
            ):
                acceptance._accept_by_customer(name, signature)
        self.assertEqual(self.acceptance.state, "sent")

    def test_draft_minutes_are_not_answered(self):
        with self.assertRaisesRegex(UserError, "only sent minutes"):
            self.acceptance.sudo()._accept_step(
                {"accepted_by": "An", "accepted_via": "link"}
            )

    def test_project_manager_records_the_customers_received_mail(self):
        self.send()
        acceptance = self.acceptance.with_user(self.project_manager)
        # A message the project manager posts, in the customer's name, as
        # an email: not the customer's word.
        forged = acceptance.message_post(
            body="Chúng tôi đồng ý nghiệm thu.",
            author_id=self.contact.id,
            message_type="email",
        )
        with self.assertRaisesRegex(UserError, "No mail of"):
            acceptance.action_accept(accepted_via="email", message_id=forged.id)
        with self.assertRaisesRegex(UserError, "No mail of"):
            acceptance.action_accept()
        self.assertEqual(self.acceptance.state, "sent")
        # The customer's reply, as the mail gateway receives it.
        sent = self.acceptance.message_ids.filtered(
            lambda message: self.contact in message.partner_ids
        )
        raw = (
            "From: Nguyen Van An <an@minhphat.example.com>\r\n"
            "To: catchall@example.com\r\n"
            "Subject: Re: Acceptance Minutes\r\n"
            "Message-ID: <an-reply-1@minhphat.example.com>\r\n"
            "In-Reply-To: %s\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            "Chung toi dong y nghiem thu.\r\n"
        ) % sent.message_id
        self.env["mail.thread"].message_process(
            "b2b.acceptance", raw, thread_id=self.acceptance.id
        )
        mail = self.acceptance._b2b_customer_mail()
        self.assertTrue(mail)
        self.assertEqual(mail.author_id, self.contact)
        # Not by a salesperson.
        with self.assertRaises(AccessError):
            self.acceptance.with_user(self.salesman).action_accept(message_id=mail.id)
        # The forged message still does not count.
        with self.assertRaisesRegex(UserError, "No mail of"):
            acceptance.action_accept(message_id=forged.id)
        self.assertIs(acceptance.action_accept(message_id=mail.id), True)
        self.assertEqual(self.acceptance.state, "accepted")
        self.assertEqual(self.acceptance.accepted_via, "email")
        self.assertEqual(self.acceptance.accepted_by, self.contact.name)
        self.assertEqual(self.acceptance.accept_message_id, mail)
        self.assertEqual(self.phase.state, "accepted")

    def test_a_mail_of_an_earlier_round_does_not_accept(self):
        with freeze_time("2026-03-16 02:00:00"):
            self.send()
        raw = (
            "From: Nguyen Van An <an@minhphat.example.com>\r\n"
            "To: catchall@example.com\r\n"
            "Subject: Re: Acceptance Minutes\r\n"
            "Message-ID: <an-reply-2@minhphat.example.com>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            "Con thieu phu de.\r\n"
        )
        with freeze_time("2026-03-16 03:00:00"):
            self.env["mail.thread"].message_process(
                "b2b.acceptance", raw, thread_id=self.acceptance.id
            )
        mail = self.acceptance._b2b_customer_mail()
        self.assertTrue(mail)
        acceptance = self.acceptance.with_user(self.project_manager)
        acceptance.action_reject(reason="Thiếu phụ đề")
        acceptance.action_draft()
        with freeze_time("2026-03-17 02:00:00"):
            acceptance.action_send()
        with self.assertRaisesRegex(UserError, "No mail of"):
            acceptance.action_accept(message_id=mail.id)
        self.assertEqual(self.acceptance.state, "sent")

    def test_paper_acceptance_needs_the_signed_copy(self):
        self.send()
        acceptance = self.acceptance.with_user(self.project_manager)
        with self.assertRaisesRegex(UserError, "scan"):
            acceptance.action_accept(accepted_via="paper")
        for via in ("link", "portal", "fax", 1):
            with self.subTest(via=via), self.assertRaises(UserError):
                acceptance.action_accept(accepted_via=via)
        acceptance.signed_copy = SIGNATURE
        acceptance.action_accept(accepted_by="Nguyễn Văn An", accepted_via="paper")
        self.assertEqual(
            (self.acceptance.state, self.acceptance.accepted_via, self.phase.state),
            ("accepted", "paper", "accepted"),
        )

    def test_wizard_records_the_answer(self):
        self.send()
        self.acceptance.with_user(self.project_manager).signed_copy = SIGNATURE
        action = self.acceptance.with_user(self.project_manager).action_record_answer()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.project_manager)
            .with_context(**action["context"])
        )
        wizard.accepted_via = "paper"
        wizard.save().action_confirm()
        self.assertEqual(self.acceptance.state, "accepted")
        self.assertEqual(self.acceptance.accepted_by, self.contact.name)

    def test_one_acceptance_per_phase(self):
        self.send()
        second = self.acceptance.copy()
        second.with_user(self.project_manager).action_send()
        self.acceptance.with_user(self.portal_user)._accept_by_customer(
            "Nguyễn Văn An", SIGNATURE
        )
        with self.assertRaisesRegex(UserError, "already accepted"):
            second.with_user(self.portal_user)._accept_by_customer(
                "Nguyễn Văn An", SIGNATURE
            )
        with self.assertRaisesRegex(UserError, "already accepted"):
            self.env["b2b.acceptance"].create({"phase_id": self.phase.id})
        # The database refuses a second accepted minutes of the phase.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE b2b_acceptance SET state = 'accepted' WHERE id = %s",
                    (second.id,),
                )
        self.assertEqual(second.state, "sent")

    def test_items_not_accepted_block_the_acceptance(self):
        self.acceptance.item_ids.is_accepted = False
        self.send()
        with self.assertRaisesRegex(UserError, "not accepted"):
            self.acceptance.with_user(self.portal_user)._accept_by_customer(
                "Nguyễn Văn An", SIGNATURE
            )
        self.assertEqual(self.phase.state, "to_accept")

    def test_reject_then_send_again_with_a_new_link(self):
        self.send()
        first_token = self.acceptance.access_token
        acceptance = self.acceptance.with_user(self.project_manager)
        with self.assertRaisesRegex(UserError, "reason"):
            acceptance.action_reject()
        with self.assertRaises(AccessError):
            self.acceptance.with_user(self.salesman).action_reject(reason="Thiếu")
        self.assertIs(acceptance.action_reject(reason="Thiếu phụ đề"), True)
        self.assertEqual(self.acceptance.state, "rejected")
        self.assertEqual(self.acceptance.reject_reason, "Thiếu phụ đề")
        self.assertEqual(self.phase.state, "to_accept")
        acceptance.action_draft()
        self.assertNotEqual(self.acceptance.access_token, first_token)
        acceptance.reservations = "Bổ sung phụ đề"
        acceptance.action_send()
        self.assertEqual(self.acceptance.state, "sent")
        self.assertNotEqual(self.acceptance.access_token, first_token)

    def test_customer_rejects_through_the_link(self):
        self.send()
        with self.assertRaises(AccessError):
            self.acceptance.with_user(self.other_portal_user)._reject_by_customer(
                "Không đạt"
            )
        with self.assertRaises(UserError):
            self.acceptance.with_user(self.portal_user)._reject_by_customer("  ")
        self.acceptance.with_user(self.portal_user)._reject_by_customer("Không đạt")
        self.assertEqual(self.acceptance.state, "rejected")
        # The responsible is asked to correct and send them again.
        activity = self.acceptance.activity_ids
        self.assertEqual(activity.user_id, self.acceptance.user_id)
        self.assertIn("Không đạt", activity.note)

    # ------------------------------------------------------------------
    # Reading, printing, RPC
    # ------------------------------------------------------------------

    def test_portal_users_read_only_the_minutes_sent_to_them(self):
        Acceptance = self.env["b2b.acceptance"]
        self.assertFalse(Acceptance.with_user(self.portal_user).search([]))
        self.send()
        self.assertEqual(
            Acceptance.with_user(self.portal_user).search([]), self.acceptance
        )
        self.assertFalse(Acceptance.with_user(self.other_portal_user).search([]))
        with self.assertRaises(AccessError):
            self.acceptance.with_user(self.other_portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.acceptance.with_user(self.portal_user).write({"reservations": "x"})

    def test_accountant_reads_and_prints_but_does_not_answer(self):
        self.send()
        for user in (self.accountant, self.billing):
            acceptance = self.acceptance.with_user(user)
            self.assertEqual(acceptance.read(["state"])[0]["state"], "sent")
            html = (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_html(
                    "b2b_sales_delivery.action_report_b2b_acceptance", acceptance.ids
                )[0]
                .decode()
            )
            self.assertIn(self.acceptance.name, html)
            self.assertIn(self.task.name, html)
            with self.assertRaises(AccessError):
                acceptance.action_accept()
            with self.assertRaises(AccessError):
                acceptance.write({"reservations": "x"})

    def test_report_shows_the_signature_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.contact.lang = "vi_VN"
        self.send()
        self.acceptance.with_user(self.portal_user)._accept_by_customer(
            "Nguyễn Văn An", SIGNATURE
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "b2b_sales_delivery.action_report_b2b_acceptance", self.acceptance.ids
            )[0]
            .decode()
        )
        self.assertIn("Nguyễn Văn An", html)
        self.assertIn("data:image/png;base64", html)
        accepted = self.acceptance.with_context(tz=self.contact._b2b_customer_tz())
        day = fields.Datetime.context_timestamp(accepted, accepted.date_accepted)
        self.assertIn(day.strftime("%d/%m/%Y"), html)

    def test_rpc_results_are_marshallable(self):
        acceptance = self.acceptance.with_user(self.project_manager)
        results = [acceptance.action_send()]
        acceptance.signed_copy = SIGNATURE
        results.append(acceptance.action_accept(accepted_via="paper"))
        xmlrpc.client.dumps(tuple(results), allow_none=False)

    # ------------------------------------------------------------------
    # Other roads: the phase's one2many, copy, companies
    # ------------------------------------------------------------------

    def test_phase_one2many_meets_the_same_rules(self):
        self.send()
        phase = self.phase.with_user(self.project_manager)
        for command in (
            (1, self.acceptance.id, {"state": "accepted"}),
            (1, self.acceptance.id, {"reservations": "Thêm"}),
            (2, self.acceptance.id, 0),
        ):
            with self.subTest(command=command), self.assertRaises(UserError):
                phase.write({"acceptance_ids": [command]})
        # Moved onto another phase through that phase's one2many: refused.
        with self.assertRaises(UserError):
            self.phase_shooting.with_user(self.project_manager).write(
                {"acceptance_ids": [(4, self.acceptance.id)]}
            )
        self.assertEqual(self.acceptance.state, "sent")
        self.assertEqual(self.acceptance.phase_id, self.phase)

    def test_copy_is_a_new_draft(self):
        self.send()
        acceptance = self.acceptance.with_user(self.project_manager)
        copy = acceptance.copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.sent_to_id)
        self.assertNotEqual(copy.access_token, self.acceptance.access_token)
        self.assertEqual(copy.item_ids.mapped("name"), [self.task.name])
        with self.assertRaises(UserError):
            acceptance.copy({"state": "accepted"})
        with self.assertRaises(UserError):
            acceptance.copy({"accepted_by": "Nguyễn Văn An"})

    def test_minutes_of_another_company_are_not_seen(self):
        other_company = self.env["res.company"].create({"name": "Minh Phát Hà Nội"})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": other_company.id,
                "order_line": [(0, 0, {"product_id": self.service.id})],
            }
        )
        phase = self.env["b2b.phase"].create({"order_id": order.id, "name": "Khác"})
        minutes = self.env["b2b.acceptance"].create(
            {"phase_id": phase.id, "item_ids": [(0, 0, {"name": "Khác"})]}
        )
        self.assertEqual(minutes.company_id, other_company)
        self.assertEqual(minutes.item_ids.company_id, other_company)
        Acceptance = self.env["b2b.acceptance"].with_user(self.project_manager)
        self.assertFalse(Acceptance.search([("id", "=", minutes.id)]))
        with self.assertRaises(AccessError):
            minutes.with_user(self.project_manager).read(["name"])
        with self.assertRaises(AccessError):
            minutes.item_ids.with_user(self.project_manager).read(["name"])
