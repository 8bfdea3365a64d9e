# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance by the customer only: the link is issued when the minutes
are sent, to a contact of the customer, and void for employees; the minutes
sent do not change; a mail recorded as the customer's was received from
them."""
import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service import security

from .common import B2BHttpCase, create_user
from .common_payment import THIRDS, B2BPaymentCase

REPLY = """Return-Path: <an.nguyen@minhphat.example.com>
From: =?utf-8?b?Tmd1eeG7hW4gVsSDbiBBbg==?= <an.nguyen@minhphat.example.com>
To: nghiemthu@example.com
Subject: Re: BBNT
Message-ID: <b2b-acceptance-reply-%(id)s@minhphat.example.com>
Date: Mon, 02 Mar 2026 10:00:00 +0700
Content-Type: text/plain; charset="utf-8"

Chúng tôi đồng ý nghiệm thu.
"""


class TestAcceptanceCustomer(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, cls.project, cls.phases = cls.create_order(1000.01, THIRDS)
        cls.order.action_confirm()
        cls.phase = cls.phases[0]
        cls.find = cls.env["b2b.acceptance"]._find_by_link_token

    def test_link_taken_from_the_draft_is_void_once_sent(self):
        acceptance = self.create_acceptance(self.phase)
        draft_token = acceptance.get_acceptance_url().rsplit("/", 1)[1]
        acceptance.sudo(self.project_user).action_send()
        sent_token = acceptance.access_token
        self.assertNotEqual(sent_token, draft_token)
        self.assertFalse(self.find(acceptance.id, draft_token))
        self.assertEqual(self.find(acceptance.id, sent_token), acceptance)
        # Sent again: a new link, the one of the first mail is void.
        acceptance.sudo(self.project_user).action_send()
        self.assertFalse(self.find(acceptance.id, sent_token))
        self.assertTrue(self.find(acceptance.id, acceptance.access_token))

    def test_minutes_go_to_a_contact_of_the_customer_only(self):
        other = self.env["res.partner"].create(
            {"name": "Công ty khác", "email": "other@example.com"})
        salesman_partner = self.salesman.partner_id
        for values in (
            {"signatory_id": salesman_partner.id},
            {"signatory_id": other.id},
            {"partner_id": salesman_partner.id, "signatory_id": False},
        ):
            acceptance = self.create_acceptance(self.phase, **values)
            for user in (self.project_user, self.env.user):  # also sudo
                with self.assertRaises(UserError) as error:
                    acceptance.sudo(user).action_send()
                self.assertIn("only be sent to a contact of the customer",
                              error.exception.name)
                self.assertEqual(acceptance.state, "draft")
                self.assertFalse(acceptance.access_token)

    def test_link_is_void_for_employees(self):
        acceptance = self.create_acceptance(self.phase)
        acceptance.action_send()
        token = acceptance.access_token
        Acceptance = self.env["b2b.acceptance"]
        for user in (self.accountant, self.salesman, self.project_manager):
            self.assertFalse(
                Acceptance.sudo(user)._find_by_link_token(acceptance.id, token),
                user.login)
        self.assertEqual(
            Acceptance.sudo(self.portal_user)._find_by_link_token(
                acceptance.id, token),
            acceptance)
        public = self.env.ref("base.public_user")
        self.assertTrue(Acceptance.sudo(public)._find_by_link_token(
            acceptance.id, token))

    def test_mail_posted_by_an_employee_is_not_the_customers(self):
        acceptance = self.create_acceptance(self.phase)
        manager = acceptance.sudo(self.project_manager)
        manager.action_send()
        # The project manager posts "the customer's mail" himself.
        for author in (self.signatory, self.project_manager.partner_id):
            manager.message_post(
                body="Chúng tôi đồng ý nghiệm thu.", message_type="email",
                author_id=author.id,
            )
        with self.assertRaises(UserError) as error:
            manager.action_accept()
        self.assertIn("not the customer's mail", error.exception.name)
        self.assertEqual(acceptance.state, "sent")
        # The customer's reply, received by the mail gateway.
        self.env["mail.thread"].message_process(
            "b2b.acceptance", REPLY % {"id": acceptance.id},
            thread_id=acceptance.id,
        )
        manager.action_accept()
        self.assertEqual(acceptance.state, "accepted")
        self.assertEqual(acceptance.accepted_via, "email")

    def test_mail_received_from_an_employee_is_not_the_customers(self):
        acceptance = self.create_acceptance(self.phase)
        acceptance.action_send()
        self.salesman.partner_id.email = "an.nguyen@minhphat.example.com"
        self.signatory.email = "an@elsewhere.example.com"
        self.env["mail.thread"].message_process(
            "b2b.acceptance", REPLY % {"id": acceptance.id},
            thread_id=acceptance.id,
        )
        with self.assertRaises(UserError):
            acceptance.sudo(self.project_manager).action_accept()

    def test_sent_minutes_do_not_change(self):
        acceptance = self.create_acceptance(self.phase)
        acceptance.action_send()
        other_contact = self.env["res.partner"].create(
            {"name": "Lê Thị Bình", "parent_id": self.customer.id,
             "email": "binh@minhphat.example.com"})
        writes = (
            {"phase_id": self.phases[1].id},
            {"signatory_id": other_contact.id},
            {"item_ids": [(0, 0, {"name": "Hạng mục thêm"})]},
            {"reservations": "Khác"},
        )
        for user in (self.project_user, self.env.user):  # also sudo
            minutes = acceptance.sudo(user)
            for values in writes:
                with self.assertRaises(UserError) as error:
                    minutes.write(values)
                self.assertIn("were sent to the customer", error.exception.name)
            items = minutes.item_ids
            with self.assertRaises(UserError):
                items[0].write({"name": "Đổi tên"})
            with self.assertRaises(UserError):
                items[0].is_accepted = False
            with self.assertRaises(UserError):
                items[0].unlink()
            with self.assertRaises(UserError):
                items.create({"acceptance_id": acceptance.id, "name": "Mới"})
        self.assertEqual(acceptance.phase_id, self.phase)
        self.assertEqual(len(acceptance.item_ids), 2)
        # Rejected, back to draft: corrected, then sent again.
        acceptance.sudo(self.project_user).action_reject(reason="Thiếu hạng mục")
        acceptance.sudo(self.project_user).action_draft()
        acceptance.sudo(self.project_user).write(
            {"item_ids": [(0, 0, {"name": "Hạng mục thêm"})]})
        self.assertEqual(len(acceptance.item_ids), 3)


class TestAcceptanceLinkEmployees(B2BHttpCase):
    def setUp(self):
        super().setUp()
        cr = self.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        partner = env["res.partner"].create(
            {"name": "Công ty CP Thành Công", "email": "tc@example.com"})
        order = env["sale.order"].create({"partner_id": partner.id})
        order.action_confirm()
        project = env["project.project"].browse(order.action_create_project())
        phase = env["b2b.phase"].create({"project_id": project.id, "name": "GĐ 1"})
        acceptance = env["b2b.acceptance"].create({
            "phase_id": phase.id,
            "item_ids": [(0, 0, {"name": "Tài liệu bàn giao"})],
        })
        acceptance.action_send()
        self.acceptance_id = acceptance.id
        self.token = acceptance.access_token
        create_user(
            env, "b2b_http_accountant",
            ["account.group_account_invoice", "project.group_project_user"],
            password="b2b_http_accountant",
        )
        create_user(env, "b2b_http_project_user", ["project.group_project_user"],
                    password="b2b_http_project_user")
        cr.commit()
        cr.close()

    def login(self, login):
        """HttpCase.authenticate, reading the user through the requests'
        cursor (where the set-up created them)."""
        session = self.session
        db = self.registry.db_name
        uid = self.registry["res.users"].authenticate(db, login, login, None)
        cr = self.registry.cursor()
        env = api.Environment(cr, uid, {})
        session.db, session.uid, session.login = db, uid, login
        session.session_token = security.compute_session_token(session, env)
        session.context = dict(env["res.users"].context_get() or {}, uid=uid)
        cr.close()
        session._fix_lang(session.context)
        odoo.http.root.session_store.save(session)

    def test_portal_list_for_a_project_user_without_invoicing_rights(self):
        self.login("b2b_http_project_user")
        page = self.url_open("/my/acceptances")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.token, page.text)

    def test_employee_gets_no_link(self):
        self.login("b2b_http_accountant")
        page = self.url_open("/my/acceptances")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.token, page.text)
        response = self.url_open(
            "/b2b/acceptance/%s/%s" % (self.acceptance_id, self.token))
        self.assertEqual(response.status_code, 404)
        response = self.url_open(
            "/b2b/acceptance/%s/%s/accept" % (self.acceptance_id, self.token),
            data={"name": "Kế toán"})
        self.assertEqual(response.status_code, 404)
        cr = self.registry.cursor()
        state = api.Environment(cr, SUPERUSER_ID, {})["b2b.acceptance"].browse(
            self.acceptance_id).state
        cr.close()
        self.assertEqual(state, "sent")
