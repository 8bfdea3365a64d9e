# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's pages of the acceptance minutes: the link works for the
contact the minutes were sent to (or nobody logged in), never for an
employee, never on draft minutes; the portal list shows a customer's own
minutes and no employee a customer's link."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_acceptance_common import SIGNATURE, AcceptanceCase


@tagged("post_install", "-at_install")
class TestAcceptanceHttp(HttpCase, AcceptanceCase):
    def page(self, acceptance=None, token=None):
        acceptance = acceptance or self.acceptance
        return self.url_open(
            "/my/acceptances/%s?access_token=%s"
            % (acceptance.id, token or acceptance.access_token),
            allow_redirects=False,
        )

    def accept(self, token=None, name="Nguyễn Văn An", signature=SIGNATURE):
        return self.make_jsonrpc_request(
            "/my/acceptances/%s/accept?access_token=%s"
            % (self.acceptance.id, token or self.acceptance.access_token),
            {"name": name, "signature": signature},
        )

    def assertRefused(self, response):
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))

    def test_page_with_the_token(self):
        self.send()
        response = self.page()
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.acceptance.name, response.text)
        self.assertIn(self.task.name, response.text)
        self.assertIn("portal.signature_form", response.text)
        pdf = self.url_open(
            "/my/acceptances/%s?access_token=%s&report_type=html"
            % (self.acceptance.id, self.acceptance.access_token)
        )
        self.assertEqual(pdf.status_code, 200)
        self.assertIn(self.task.name, pdf.content.decode())

    def test_wrong_token_or_draft_minutes_show_nothing(self):
        draft_token = self.acceptance._portal_ensure_token()
        self.assertRefused(self.page(token=draft_token))
        self.assertIn("error", self.accept(token=draft_token))
        self.send()
        self.assertRefused(self.page(token="forged"))
        # The draft's token, kept by someone, stopped working on send.
        self.assertRefused(self.page(token=draft_token))
        self.assertIn("error", self.accept(token=draft_token))
        self.assertEqual(self.acceptance.state, "sent")

    def test_no_employee_uses_the_link(self):
        self.send()
        for user, password in (
            ("admin", "admin"),
            (self.accountant.login, self.accountant.login),
            (self.billing.login, self.billing.login),
            (self.salesman_other.login, self.salesman_other.login),
            (self.salesman.login, self.salesman.login),
        ):
            with self.subTest(user=user):
                self.authenticate(user, password)
                self.assertRefused(self.page())
                self.assertIn("error", self.accept())
        self.assertEqual(self.acceptance.state, "sent")
        self.assertEqual(self.phase.state, "to_accept")

    def test_another_salesperson_with_a_draft_token(self):
        # She reads the token of the draft minutes...
        token = self.acceptance.with_user(self.salesman_other)._portal_ensure_token()
        self.send()
        self.authenticate(self.salesman_other.login, self.salesman_other.login)
        self.assertIn("error", self.accept(token=token))
        # ... and the sent minutes' token does not work for her either.
        self.assertIn("error", self.accept())
        self.assertEqual(self.acceptance.state, "sent")

    def test_another_customer_is_refused(self):
        self.send()
        self.authenticate(self.other_portal_user.login, self.other_portal_user.login)
        self.assertRefused(self.page())
        self.assertIn("error", self.accept())
        self.assertEqual(self.acceptance.state, "sent")

    def test_customer_signs_and_accepts(self):
        self.send()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        self.assertIn("error", self.accept(signature=""))
        self.assertIn("error", self.accept(name=""))
        result = self.accept()
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(self.acceptance.state, "accepted")
        self.assertEqual(self.acceptance.accepted_via, "portal")
        self.assertEqual(self.acceptance.accepted_by, "Nguyễn Văn An")
        self.assertEqual(self.phase.state, "accepted")
        # A second click: refused, the first answer stays.
        self.assertIn("error", self.accept(name="Người khác"))
        self.assertEqual(self.acceptance.accepted_by, "Nguyễn Văn An")
        response = self.page()
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("modal_b2b_accept", response.text)

    def test_link_without_logging_in(self):
        self.send()
        result = self.accept()
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(self.acceptance.accepted_via, "link")

    def test_customer_rejects_with_a_reason(self):
        self.send()
        url = "/my/acceptances/%s/reject?access_token=%s" % (
            self.acceptance.id,
            self.acceptance.access_token,
        )
        self.url_open(url, data={"csrf_token": "x", "reason": ""})
        self.assertEqual(self.acceptance.state, "sent")
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open(
            url,
            data={"csrf_token": self.csrf_token(), "reason": "Thiếu phụ đề"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.acceptance.state, "rejected")
        self.assertEqual(self.acceptance.reject_reason, "Thiếu phụ đề")

    def csrf_token(self):
        page = self.page().text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def test_portal_list_shows_the_customers_own_minutes(self):
        self.send()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open("/my/acceptances")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.acceptance.name, response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["acceptance_count"]}
        )
        self.assertEqual(counters["acceptance_count"], 1)
        for user in (self.other_portal_user, self.accountant, self.project_user):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open("/my/acceptances")
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(self.acceptance.name, response.text)
                self.assertNotIn(self.acceptance.access_token, response.text)
                counters = self.make_jsonrpc_request(
                    "/my/counters", {"counters": ["acceptance_count"]}
                )
                self.assertEqual(counters["acceptance_count"], 0)

    def rpc(self, user, method, *args, **kwargs):
        """``method`` of the minutes over XML-RPC as ``user``."""
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc", "odoo.http"):
            uid = self.xmlrpc_common.authenticate(
                self.env.cr.dbname, user.login, user.login, {}
            )
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                uid,
                user.login,
                "b2b.acceptance",
                method,
                list(args),
                kwargs,
            )

    def test_rpc_meets_the_same_rules(self):
        ids = self.acceptance.ids
        self.assertIs(self.rpc(self.project_manager, "action_send", ids), True)
        for method, args, kwargs in (
            ("write", [ids, {"state": "accepted"}], {}),
            (
                "write",
                [ids, {"accepted_by": "Nguyễn Văn An", "accepted_via": "link"}],
                {"context": {"b2b_acceptance_step": True}},
            ),
            ("write", [ids, {"phase_id": self.phase_shooting.id}], {}),
            ("action_accept", [ids], {}),
            ("action_accept", [ids], {"accepted_via": "link"}),
            ("action_accept", [ids], {"message_id": "1"}),
            ("unlink", [ids], {}),
        ):
            with self.subTest(method=method, args=args), self.assertRaises(
                xmlrpc.client.Fault
            ):
                self.rpc(self.project_manager, method, *args, **kwargs)
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc(self.salesman, "action_reject", ids, reason="Không đạt")
        self.assertEqual(self.acceptance.state, "sent")
        self.acceptance.with_user(self.project_manager).signed_copy = SIGNATURE
        self.assertIs(
            self.rpc(self.project_manager, "action_accept", ids, accepted_via="paper"),
            True,
        )
        self.assertEqual(self.phase.state, "accepted")

    @mute_logger("odoo.http")
    def test_malformed_answers_get_an_error_not_a_traceback(self):
        self.send()
        for params in (
            {"name": ["An"], "signature": SIGNATURE},
            {"name": "An", "signature": 42},
            {"name": "An", "signature": "%%%"},
        ):
            with self.subTest(params=params):
                result = self.make_jsonrpc_request(
                    "/my/acceptances/%s/accept?access_token=%s"
                    % (self.acceptance.id, self.acceptance.access_token),
                    params,
                )
                self.assertIn("error", result)
        self.assertEqual(self.acceptance.state, "sent")
