# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's link: accept or reject without login; a wrong token shows
nothing."""
import re

import odoo
from odoo import SUPERUSER_ID, api

from .common import B2BHttpCase

SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAAAAgABVKJPXQ"
    "AAAABJRU5ErkJggg=="
)


class TestAcceptanceLink(B2BHttpCase):
    def setUp(self):
        super().setUp()
        # Data the requests must see: through the registry's test cursor.
        cr = self.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        partner = env["res.partner"].create(
            {"name": "Công ty CP Thành Công", "email": "tc@example.com"}
        )
        order = env["sale.order"].create({"partner_id": partner.id})
        order.action_confirm()
        project = env["project.project"].browse(order.action_create_project())
        phase = env["b2b.phase"].create({"project_id": project.id, "name": "GĐ 1"})
        acceptance = env["b2b.acceptance"].create({
            "phase_id": phase.id, "reservations": "Còn lỗi nhỏ",
            "item_ids": [(0, 0, {"name": "Tài liệu bàn giao"})],
        })
        acceptance.action_send()
        self.acceptance_id = acceptance.id
        self.token = acceptance.access_token
        self.order_id = order.id
        self.order_token = order.get_payment_plan_url().rsplit("/", 1)[1]
        self.phase_id = phase.id
        cr.commit()
        cr.close()

    def read_value(self, model, record_id, field):
        cr = self.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        env.cache.invalidate()  # the requests changed the data under this cache
        value = env[model].browse(record_id)[field]
        cr.close()
        return value

    def url(self, suffix=""):
        return "/b2b/acceptance/%s/%s%s" % (self.acceptance_id, self.token, suffix)

    def test_page_with_the_token(self):
        response = self.url_open(self.url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Tài liệu bàn giao", response.text)
        self.assertIn("Còn lỗi nhỏ", response.text)

    def test_wrong_or_forged_token_shows_nothing(self):
        for url in (
            "/b2b/acceptance/%s/%s" % (self.acceptance_id, "x" * 36),
            "/b2b/acceptance/%s/%s" % (self.acceptance_id + 1, self.token),
            "/b2b/acceptance/%s/%s/pdf" % (self.acceptance_id, "forged"),
            "/b2b/payment_plan/%s/%s" % (self.order_id, "forged"),
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Tài liệu bàn giao", response.text)
        response = self.url_open(
            "/b2b/acceptance/%s/%s/accept" % (self.acceptance_id, "forged"),
            data={"name": "Kẻ giả mạo"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.read_value("b2b.acceptance", self.acceptance_id, "state"),
                         "sent")

    def test_accept_through_the_link_needs_a_signature(self):
        response = self.url_open(self.url("/accept"), data={"name": "Phạm Thị Dung"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Please sign the minutes to accept them.", response.text)
        self.assertEqual(
            self.read_value("b2b.acceptance", self.acceptance_id, "state"), "sent"
        )

    def test_customer_never_sees_an_internal_error(self):
        cr = self.registry.cursor()
        cr.execute("""
            CREATE FUNCTION b2b_test_refuse() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'internal failure for the test'; END
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER b2b_test_refuse BEFORE UPDATE ON b2b_phase
                FOR EACH ROW EXECUTE PROCEDURE b2b_test_refuse();
        """)
        cr.commit()
        cr.close()
        response = self.url_open(self.url("/reject"), data={"reason": "Muộn"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("answer could not be recorded", response.text)
        self.assertNotIn("internal failure", response.text)
        self.assertEqual(
            self.read_value("b2b.acceptance", self.acceptance_id, "state"), "sent"
        )

    def test_accept_then_a_second_answer_is_refused(self):
        self.test_sign_and_accept()
        # The link is spent: a second answer finds nothing.
        response = self.url_open(self.url("/reject"), data={"reason": "Muộn"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(
            self.read_value("b2b.acceptance", self.acceptance_id, "state"), "accepted"
        )

    def test_reject_through_the_link_needs_a_reason(self):
        response = self.url_open(self.url("/reject"), data={"reason": " "})
        self.assertIn("Please tell us why", response.text)
        response = self.url_open(self.url("/reject"), data={"reason": "Thiếu video"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.read_value("b2b.acceptance", self.acceptance_id, "state"), "rejected"
        )

    def test_sign_and_accept(self):
        """The signature widget (portal.portal_signature) posts JSON."""
        def sign(token):
            response = self.opener.post(
                "http://127.0.0.1:%s/b2b/acceptance/sign" % odoo.tools.config["http_port"],
                json={"jsonrpc": "2.0", "method": "call", "params": {
                    "res_id": self.acceptance_id, "access_token": token,
                    "partner_name": "Phạm Thị Dung", "signature": SIGNATURE,
                }},
                timeout=30,
            )
            return response.json()["result"]

        self.assertEqual(sign("forged"), {"error": "Invalid minutes."})
        self.assertEqual(
            self.read_value("b2b.acceptance", self.acceptance_id, "state"), "sent"
        )
        result = sign(self.token)
        self.assertEqual(result["success"], "Thank you: the phase is accepted.")
        self.assertTrue(
            self.read_value("b2b.acceptance", self.acceptance_id, "signature")
        )
        self.assertEqual(sign(self.token), {"error": "Invalid minutes."})

    def test_payment_plan_page(self):
        response = self.url_open(
            "/b2b/payment_plan/%s/%s" % (self.order_id, self.order_token)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Payment plan of", response.text)

    def test_portal_lists_own_minutes(self):
        cr = self.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        acceptance = env["b2b.acceptance"].browse(self.acceptance_id)
        stranger = env["res.partner"].create(
            {"name": "Công ty Khác", "email": "khac@example.com"})
        # Minutes of another customer's order (sent only to that customer).
        other_order = env["sale.order"].create({"partner_id": stranger.id})
        other_order.action_confirm()
        other_project = env["project.project"].browse(
            other_order.action_create_project())
        other = env["b2b.acceptance"].create({
            "phase_id": env["b2b.phase"].create(
                {"project_id": other_project.id, "name": "GĐ khác"}).id,
            "item_ids": [(0, 0, {"name": "Hạng mục riêng của công ty khác"})],
        })
        other.action_send()
        portal_user = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Võ Thị Em", "login": "b2b_portal_http", "password": "b2b_portal_http",
            "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            "parent_id": acceptance.partner_id.id,
        })
        self.assertEqual(portal_user.partner_id.commercial_partner_id,
                         acceptance.partner_id)
        other_name = other.name
        cr.commit()
        cr.close()
        # Log in through the login page: HttpCase.authenticate reads the user
        # on the test's own cursor, which does not see the requests' data.
        page = self.url_open("/web/login").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self.url_open("/web/login", data={
            "login": "b2b_portal_http", "password": "b2b_portal_http",
            "csrf_token": csrf, "redirect": "/my/home",
        })
        response = self.url_open("/my/acceptances")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.token, response.text)
        self.assertNotIn(other_name, response.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/acceptances", home.text)
