# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One door for customers, over real HTTP: every link route (scope, change
request, acceptance minutes and their signature, payment plan) opens only
with its own document's live token, is spent once the customer decided,
refuses a bad signature and shows what the customer typed escaped."""
import base64

import odoo
from odoo import SUPERUSER_ID, api

from .common import B2BHttpCase
from .common_scope import SCAN, create_link_parties, create_scope_order

SCRIPT = '<script>alert("x")</script><b>Bà Lan</b>'
ESCAPED = "&lt;script&gt;"
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64).decode()
GIF = base64.b64encode(b"GIF89a" + b"\x00" * 64).decode()
HUGE_PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * (600 * 1024)).decode()


class TestCustomerLinkHttp(B2BHttpCase):
    def setUp(self):
        super().setUp()
        self.url_open("/web/login")  # see test_scope_http.TestScopeHttp.setUp
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            salesman, customer = create_link_parties(
                env, "b2b_link_salesman", "Công ty TNHH Sao Mai", "saomai@example.com"
            )
            order = create_scope_order(env, customer, salesman)
            other = create_scope_order(env, customer, salesman)
            (order | other).sudo(salesman).action_send_scope()
            confirmed = create_scope_order(env, customer, salesman)
            confirmed.sudo(salesman).action_confirm_scope(via="email", signed_copy=SCAN)
            change = env["b2b.change.request"].create(
                {"order_id": confirmed.id, "name": "Thêm báo cáo",
                 "extra_amount": 100.0}
            )
            change.sudo(salesman).action_send()
            confirmed.action_confirm()
            project = env["project.project"].browse(
                confirmed.sudo().action_create_project())
            phase = env["b2b.phase"].create({"project_id": project.id, "name": "GĐ 1"})
            acceptance = env["b2b.acceptance"].create({
                "phase_id": phase.id,
                "item_ids": [(0, 0, {"name": "Tài liệu bàn giao"})],
            })
            acceptance.action_send()
            self.ids = {
                "order": order.id, "other": other.id, "confirmed": confirmed.id,
                "change": change.id, "acceptance": acceptance.id,
            }
            self.tokens = {
                "order": order.sudo().scope_token,
                "other": other.sudo().scope_token,
                "change": change.sudo().access_token,
                "acceptance": acceptance.sudo().access_token,
                "plan": confirmed.get_payment_plan_url().rsplit("/", 1)[1],
                "sale_portal": confirmed.access_token,
            }

    def env_value(self, model, key, field):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.cache.invalidate()  # the requests changed the data under it
            return env[model].browse(self.ids[key])[field]

    def call(self, function):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.cache.invalidate()
            return function(env)

    def routes(self):
        """Every page and answer route: (GET url, POST url, POST data)."""
        return {
            "order": ("/b2b/scope/%s/%s", "/confirm", {"confirmed_by": "X"}),
            "change": ("/b2b/change/%s/%s", "/decide",
                       {"decided_by": "X", "decision": "approve"}),
            "acceptance": ("/b2b/acceptance/%s/%s", "/accept",
                           {"name": "X", "signature": PNG}),
        }

    def sign(self, token, signature=PNG, name="Trần Văn Bình", res_id=None):
        response = self.opener.post(
            "http://127.0.0.1:%s/b2b/acceptance/sign" % odoo.tools.config["http_port"],
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "res_id": res_id or self.ids["acceptance"], "access_token": token,
                "partner_name": name, "signature": signature,
            }},
            timeout=120,
        )
        return response.json()["result"]

    def test_wrong_other_and_forged_tokens_show_nothing(self):
        acceptance_token = self.tokens["acceptance"]
        for key, (page, answer, data) in self.routes().items():
            token = self.tokens[key]
            wrong = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
            for url in (
                page % (self.ids[key], wrong),
                page % (self.ids[key], self.tokens["other"]),  # other document's
                page % (self.ids[key], acceptance_token if key != "acceptance"
                        else self.tokens["change"]),
                page % (self.ids[key], "x" * 5000),
                page % (self.ids[key], self.tokens["sale_portal"]),
                page % (99999999999, token),
            ):
                self.assertEqual(self.url_open(url).status_code, 404, url)
                self.assertEqual(self.url_open(url + answer, data=data).status_code,
                                 404, url)
        # The payment plan page opens with its own token only, and its token
        # opens nothing else (not Odoo's order portal).
        plan = "/b2b/payment_plan/%s/%s"
        self.assertEqual(self.url_open(
            plan % (self.ids["confirmed"], self.tokens["plan"])).status_code, 200)
        for token in (self.tokens["sale_portal"], self.tokens["order"], "forged"):
            self.assertEqual(self.url_open(
                plan % (self.ids["confirmed"], token)).status_code, 404)
        portal = self.url_open("/my/orders/%s?access_token=%s" % (
            self.ids["confirmed"], self.tokens["plan"]))
        self.assertNotIn("Thêm báo cáo", portal.text)
        self.assertNotIn("Phần mềm quản lý kho", portal.text)
        self.assertEqual(self.sign("forged"), {"error": "Invalid minutes."})
        self.assertEqual(self.sign(acceptance_token, res_id="1; DROP"),
                         {"error": "Invalid minutes."})
        # Nothing was answered.
        self.assertEqual(self.env_value("sale.order", "order", "scope_state"), "sent")
        self.assertEqual(self.env_value("b2b.change.request", "change", "state"), "sent")
        self.assertEqual(self.env_value("b2b.acceptance", "acceptance", "state"), "sent")

    def test_expired_and_revoked_links_show_nothing(self):
        def expire(env):
            env["sale.order"].browse(self.ids["order"])._link_write(
                {"scope_token_expiry": "2020-01-01 00:00:00"})
            env["b2b.change.request"].browse(self.ids["change"])._link_write(
                {"token_expiry": "2020-01-01 00:00:00"})
            env["b2b.acceptance"].browse(self.ids["acceptance"])._link_write(
                {"token_expiry": "2020-01-01 00:00:00"})
            env["sale.order"].browse(self.ids["confirmed"]).sudo()\
                ._link_write({"b2b_plan_token_expiry": "2020-01-01 00:00:00"})
        self.call(expire)
        for key, (page, answer, data) in self.routes().items():
            url = page % (self.ids[key], self.tokens[key])
            self.assertEqual(self.url_open(url).status_code, 404, url)
            self.assertEqual(self.url_open(url + answer, data=data).status_code, 404)
        self.assertEqual(self.url_open("/b2b/payment_plan/%s/%s" % (
            self.ids["confirmed"], self.tokens["plan"])).status_code, 404)
        self.assertEqual(self.sign(self.tokens["acceptance"]),
                         {"error": "Invalid minutes."})

        def revoke(env):
            env["sale.order"].browse(self.ids["other"]).action_revoke_scope_link()
            env["sale.order"].browse(
                self.ids["confirmed"]).action_revoke_payment_plan_link()
        self.call(revoke)
        self.assertEqual(self.url_open("/b2b/scope/%s/%s" % (
            self.ids["other"], self.tokens["other"])).status_code, 404)
        self.assertEqual(self.url_open("/b2b/payment_plan/%s/%s" % (
            self.ids["confirmed"], self.tokens["plan"])).status_code, 404)
        self.assertEqual(self.env_value("b2b.acceptance", "acceptance", "state"), "sent")

    def test_each_link_is_spent_once_the_customer_decided(self):
        for key, (page, answer, data) in self.routes().items():
            url = page % (self.ids[key], self.tokens[key])
            first = self.url_open(url + answer, data=dict(data, **{
                k: "Nguyễn Văn An" for k in data if k not in ("decision", "signature")}))
            self.assertEqual(first.status_code, 200, url)
            self.assertEqual(self.url_open(url).status_code, 404, url)
            self.assertEqual(self.url_open(url + answer, data=data).status_code, 404)
        self.assertEqual(self.env_value("sale.order", "order", "scope_confirmed_by"),
                         "Nguyễn Văn An")
        self.assertEqual(self.env_value("b2b.change.request", "change", "decided_by"),
                         "Nguyễn Văn An")
        self.assertEqual(self.env_value("b2b.acceptance", "acceptance", "accepted_by"),
                         "Nguyễn Văn An")
        self.assertEqual(self.sign(self.tokens["acceptance"]),
                         {"error": "Invalid minutes."})

    def test_bad_signature_is_refused(self):
        token = self.tokens["acceptance"]
        for signature in (GIF, HUGE_PNG, "not base64 !", "data:image/png;base64,@@"):
            result = self.sign(token, signature=signature)
            self.assertIn("PNG or JPEG", result.get("error", ""), signature[:20])
        self.assertIn("Please enter your name", self.sign(token, name=" ")["error"])
        self.assertIn("at most 128", self.sign(token, name="A" * 500)["error"])
        self.assertEqual(self.env_value("b2b.acceptance", "acceptance", "state"), "sent")
        self.assertFalse(self.env_value("b2b.acceptance", "acceptance", "signature"))
        result = self.sign(token, signature="data:image/png;base64," + PNG)
        self.assertIn("success", result)
        self.assertEqual(self.env_value("b2b.acceptance", "acceptance", "state"),
                         "accepted")

    def test_script_in_the_name_is_shown_escaped(self):
        for key, (page, answer, data) in self.routes().items():
            url = page % (self.ids[key], self.tokens[key])
            response = self.url_open(url + answer, data=dict(data, **{
                k: SCRIPT for k in data if k not in ("decision", "signature")}))
            self.assertEqual(response.status_code, 200, url)
            self.assertNotIn(SCRIPT, response.text)
            self.assertNotIn('<script>alert("x")', response.text)

        def messages(env):
            bodies = []
            for model, key in (("sale.order", "order"), ("sale.order", "confirmed"),
                               ("b2b.acceptance", "acceptance")):
                bodies += env[model].browse(self.ids[key]).message_ids.mapped("body")
            return bodies
        bodies = [body for body in self.call(messages) if "Bà Lan" in body]
        self.assertEqual(len(bodies), 3, bodies)
        for body in bodies:
            self.assertIn(ESCAPED, body)
            self.assertNotIn("<b>Bà Lan</b>", body)

        def report(env):
            acceptance = env["b2b.acceptance"].browse(self.ids["acceptance"])
            return env.ref("b2b_sales_delivery.action_report_b2b_acceptance")\
                .render_qweb_html(acceptance.ids)[0].decode()
        html = self.call(report)
        self.assertIn("&lt;b&gt;Bà Lan&lt;/b&gt;", html)
        self.assertNotIn("<b>Bà Lan</b>", html)

    def test_overlong_and_odd_input_is_refused_with_a_message(self):
        url = "/b2b/scope/%s/%s/confirm" % (self.ids["order"], self.tokens["order"])
        response = self.url_open(url, data={"confirmed_by": "A" * 129})
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 128", response.text)
        url = "/b2b/acceptance/%s/%s/reject" % (
            self.ids["acceptance"], self.tokens["acceptance"])
        response = self.url_open(url, data={"reason": "x" * 5000})
        self.assertIn("at most 4000", response.text)
        url = "/b2b/change/%s/%s/decide" % (self.ids["change"], self.tokens["change"])
        response = self.url_open(url, data={"decided_by": "A", "decision": "maybe"})
        self.assertIn("Choose to approve or reject", response.text)
        self.assertEqual(self.env_value("sale.order", "order", "scope_state"), "sent")
        self.assertEqual(self.env_value("b2b.change.request", "change", "state"), "sent")
        self.assertEqual(self.env_value("b2b.acceptance", "acceptance", "state"), "sent")
