# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's pages: the scope on the order's link and the change
request on its own, answered by the customer the document was sent to
(logged in the portal or not), never by an internal user even with the
token, nor by another portal user; a wrong token finds nothing."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common_scope import SENT_ON, ScopeCase


@tagged("post_install", "-at_install")
class TestScopeHttp(HttpCase, ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.send_scope(cls.order)
        cls.token = cls.order.access_token

    def scope_url(self, suffix="", token=None):
        return "/my/orders/%s/scope%s?access_token=%s" % (
            self.order.id,
            suffix,
            token or self.token,
        )

    def confirm_by_link(self, name="Nguyễn Văn An"):
        return self.make_jsonrpc_request(
            self.scope_url("/confirm"), {"name": name, "signature": False}
        )

    def test_customer_confirms_through_the_link(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(self.scope_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("Video giới thiệu 3 phút", page.text)
        self.assertIn("/scope/confirm", page.text)
        result = self.confirm_by_link()
        self.assertIn("message=scope_ok", result["redirect_url"])
        self.assertEqual(self.order.scope_state, "confirmed")
        self.assertEqual(self.order.scope_confirmed_via, "link")
        self.assertEqual(self.order.scope_confirmed_by, "Nguyễn Văn An")
        self.assertFalse(self.order.scope_confirmed_uid)
        # Once: the link answers, it changes nothing more.
        self.assertIn("error", self.confirm_by_link("Người khác"))
        self.assertEqual(self.order.scope_confirmed_by, "Nguyễn Văn An")

    def test_page_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.customer.lang = "vi_VN"
        self.authenticate(self.portal_user.login, self.portal_user.login)
        text = self.url_open(self.scope_url()).content.decode()
        self.assertIn("Xác nhận phạm vi công việc", text)
        self.assertIn("Đầu bài", text)
        self.assertNotIn("Confirm the scope", text)

    def test_customer_without_login_confirms(self):
        self.assertEqual(self.url_open(self.scope_url()).status_code, 200)
        self.assertIn("error", self.confirm_by_link("  "))
        self.assertEqual(self.order.scope_state, "sent")
        self.confirm_by_link()
        self.assertEqual(self.order.scope_state, "confirmed")

    def test_internal_user_with_the_token_refused(self):
        for user in (self.salesman, self.sales_manager):
            self.authenticate(user.login, user.login)
            self.assertEqual(self.url_open(self.scope_url()).status_code, 403)
            self.assertIn("error", self.confirm_by_link())
        self.assertEqual(self.order.scope_state, "sent")

    def test_another_portal_user_refused(self):
        self.authenticate(self.portal_other.login, self.portal_other.login)
        self.assertEqual(self.url_open(self.scope_url()).status_code, 403)
        self.assertIn("error", self.confirm_by_link())
        self.assertEqual(self.order.scope_state, "sent")

    def test_bad_token_not_found(self):
        self.assertEqual(self.url_open(self.scope_url(token="x" * 36)).status_code, 404)
        self.assertIn("error", self.make_jsonrpc_request(
            self.scope_url("/confirm", token="nope"), {"name": "An"}
        ))
        self.assertEqual(
            self.url_open("/my/orders/%s/scope" % self.order.id).status_code, 404
        )
        self.assertEqual(self.order.scope_state, "sent")

    def test_scope_pdf_for_the_customer(self):
        response = self.url_open(self.scope_url() + "&report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Video giới thiệu 3 phút", response.content.decode())


@tagged("post_install", "-at_install")
class TestChangeRequestHttp(HttpCase, ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.change = cls.env["b2b.change.request"].create(
            {
                "order_id": cls.order.id,
                "name": "Thêm một video 30 giây",
                "extra_amount": 20000000,
                "extra_days": 2,
            }
        )

    def send(self):
        with freeze_time(SENT_ON):
            self.change.with_user(self.salesman).action_send()

    def change_url(self, suffix=""):
        return "/my/change_requests/%s%s?access_token=%s" % (
            self.change.id,
            suffix,
            self.change.access_token,
        )

    def test_customer_approves_through_the_link(self):
        self.send()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(self.change_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("Thêm một video 30 giây", page.text)
        listing = self.url_open("/my/change_requests")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Thêm một video 30 giây", listing.text)
        result = self.make_jsonrpc_request(
            self.change_url("/approve"), {"name": "Nguyễn Văn An"}
        )
        self.assertIn("message=approved", result["redirect_url"])
        self.assertEqual(self.change.state, "approved")
        self.assertEqual(self.change.decided_via, "link")
        self.assertEqual(self.change.sale_line_id.price_unit, 20000000)
        # A second click adds nothing.
        self.make_jsonrpc_request(self.change_url("/approve"), {"name": "Nguyễn Văn An"})
        self.assertEqual(len(self.order.order_line), 2)

    def test_customer_rejects_through_the_link(self):
        self.send()
        self.make_jsonrpc_request(self.change_url("/reject"), {"name": "Nguyễn Văn An"})
        self.assertEqual(self.change.state, "rejected")
        self.assertEqual(len(self.order.order_line), 1)

    def test_refusals(self):
        # A draft: nothing was sent, its link shows nothing.
        self.change._portal_ensure_token()
        self.assertEqual(self.url_open(self.change_url()).status_code, 404)
        self.assertIn("error", self.make_jsonrpc_request(self.change_url("/approve"), {"name": "An"}))
        self.send()
        for user in (self.salesman, self.accountant, self.portal_other):
            self.authenticate(user.login, user.login)
            self.assertEqual(self.url_open(self.change_url()).status_code, 403)
            self.assertIn(
                "error", self.make_jsonrpc_request(self.change_url("/approve"), {"name": "An"})
            )
        # No list of customer links for employees.
        self.authenticate(self.salesman.login, self.salesman.login)
        self.assertEqual(self.url_open("/my/change_requests").status_code, 403)
        self.authenticate(self.portal_other.login, self.portal_other.login)
        self.assertNotIn("Thêm một video 30 giây", self.url_open("/my/change_requests").text)
        self.assertEqual(self.change.state, "sent")
