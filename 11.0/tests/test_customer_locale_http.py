# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer pages over real HTTP: one rule for every link route (the
customer's language, dates in its format, times in the company's timezone),
and after each answer the page shows the result only."""
import re

import pytz

import odoo
from odoo import SUPERUSER_ID, api, fields

from .common import SIGNATURE, B2BHttpCase, create_user
from .common_scope import SCAN, create_scope_order

TZ = "Asia/Ho_Chi_Minh"
DATETIME_FORMATS = {"vi_VN": "%d/%m/%Y %H:%M:%S", "en_US": "%m/%d/%Y %H:%M:%S"}


class TestCustomerLocaleHttp(B2BHttpCase):
    def setUp(self):
        super().setUp()
        self.url_open("/web/login")  # see test_scope_http.TestScopeHttp.setUp
        self.ids, self.tokens = {}, {}
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.ref("base.main_company").partner_id.write({"tz": TZ, "lang": "en_US"})
            salesman = create_user(
                env, "b2b_locale_salesman", ["sales_team.group_sale_salesman"]
            )
            vietnamese = env["res.partner"].create({
                "name": "Công ty TNHH Hoa Sen", "is_company": True, "lang": "vi_VN",
                "email": "hoasen@example.com",
            })
            # A contact who chose no language: the company's is theirs.
            contact = env["res.partner"].create({
                "name": "Trần Thị Mai", "parent_id": vietnamese.id, "lang": False,
                "email": "mai@example.com",
            })
            english = env["res.partner"].create({
                "name": "Lotus Trading Ltd", "is_company": True, "lang": "en_US",
                "email": "lotus@example.com",
            })
            for key, partner in (("vi", contact), ("en", english)):
                self.create_documents(env, key, partner, salesman)

    def create_documents(self, env, key, partner, salesman):
        scope = create_scope_order(env, partner, salesman,
                                   items=[("brief", "Mục tiêu dự án")])
        scope.scope_item_ids.write({"date_deadline": "2026-04-22"})
        scope.sudo(salesman).action_send_scope()
        self.add(key + "_scope", scope, scope.sudo().scope_token)
        decided = create_scope_order(env, partner, salesman)
        decided.sudo(salesman).action_confirm_scope(via="email", signed_copy=SCAN)
        for name in ("approve", "reject"):
            change = env["b2b.change.request"].create(
                {"order_id": decided.id, "name": "Thêm báo cáo", "extra_amount": 10.0})
            change.sudo(salesman).action_send()
            self.add("%s_change_%s" % (key, name), change, change.sudo().access_token)
        decided.write({"payment_plan_line_ids": [(0, 0, {
            "name": "Đợt 1", "percent": 100.0, "trigger": "date",
            "date_planned": "2026-06-01", "payment_days": 0,
        })]})
        self.add(key + "_plan", decided,
                 decided.get_payment_plan_url().rsplit("/", 1)[1])
        order = env["sale.order"].create({"partner_id": partner.id})
        order.action_confirm()
        project = env["project.project"].browse(order.action_create_project())
        for name in ("accept", "reject"):
            phase = env["b2b.phase"].create({"project_id": project.id,
                                             "name": "Giai đoạn " + name})
            acceptance = env["b2b.acceptance"].create({
                "phase_id": phase.id, "partner_id": partner.id,
                "item_ids": [(0, 0, {"name": "Tài liệu bàn giao"})],
            })
            acceptance.action_send()
            self.add("%s_acceptance_%s" % (key, name), acceptance,
                     acceptance.sudo().access_token)

    def add(self, key, record, token):
        self.ids[key] = record.id
        self.tokens[key] = token

    def page(self, route, key, suffix="", data=None):
        url = "/b2b/%s/%s/%s%s" % (route, self.ids[key], self.tokens[key], suffix)
        response = self.url_open(url, data=data)
        self.assertEqual(response.status_code, 200, url)
        return response.text

    def sign(self, key):
        response = self.opener.post(
            "http://127.0.0.1:%s/b2b/acceptance/sign" % odoo.tools.config["http_port"],
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "res_id": self.ids[key], "access_token": self.tokens[key],
                "partner_name": "Trần Thị Mai", "signature": SIGNATURE,
            }},
            timeout=120,
        )
        return response.json()["result"]

    def read_value(self, model, key, field):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env[model].browse(self.ids[key])[field]

    def local_time(self, value, lang):
        """``value`` (UTC, as stored) in the company's timezone, in the
        language's format; and as it would read in UTC."""
        utc = pytz.utc.localize(fields.Datetime.from_string(value))
        local = utc.astimezone(pytz.timezone(TZ))
        return (local.strftime(DATETIME_FORMATS[lang]),
                utc.strftime(DATETIME_FORMATS[lang]))

    def assertTime(self, html, value, lang):
        local, utc = self.local_time(value, lang)
        self.assertIn(local, html)
        self.assertNotIn(utc, html)

    def test_vietnamese_customer_sees_vietnamese_dates_and_local_times(self):
        html = self.page("scope", "vi_scope")
        self.assertIn("Yêu cầu", html)  # Requirement
        self.assertNotIn("Requirement", html)
        self.assertIn("22/04/2026", html)
        html = self.page("payment_plan", "vi_plan")
        self.assertIn("Kế hoạch thanh toán của", html)
        self.assertNotIn("Payment plan of", html)
        self.assertIn("01/06/2026", html)
        html = self.page("acceptance", "vi_acceptance_accept")
        self.assertIn("Biên bản nghiệm thu", html)
        self.assertIn("Vui lòng ghi họ tên và ký để nghiệm thu giai đoạn.", html)
        self.assertNotIn("Acceptance minutes", html)
        # the page says its language: the signature form reads its terms in it
        self.assertIn('<html lang="vi-VN"', html)
        # The answers speak the customer's language too.
        html = self.page("scope", "vi_scope", "/confirm", {"confirmed_by": " "})
        self.assertIn("Vui lòng nhập họ tên để xác nhận phạm vi.", html)
        html = self.page("scope", "vi_scope", "/confirm", {"confirmed_by": "Trần Thị Mai"})
        self.assertIn("Phạm vi đã được xác nhận bởi", html)
        confirmed = self.read_value("sale.order", "vi_scope", "scope_date_confirmed")
        self.assertTime(html, confirmed, "vi_VN")

    def test_english_customer_sees_english(self):
        html = self.page("scope", "en_scope")
        self.assertIn("Requirement", html)
        self.assertIn("04/22/2026", html)
        self.assertNotIn("Yêu cầu", html)
        html = self.page("payment_plan", "en_plan")
        self.assertIn("Payment plan of", html)
        self.assertIn("06/01/2026", html)
        html = self.page("acceptance", "en_acceptance_accept")
        self.assertIn("Acceptance minutes", html)
        self.assertIn('<html lang="en-US"', html)
        html = self.page("scope", "en_scope", "/confirm", {"confirmed_by": "Tom Lee"})
        self.assertIn("Scope confirmed by", html)
        confirmed = self.read_value("sale.order", "en_scope", "scope_date_confirmed")
        self.assertTime(html, confirmed, "en_US")

    def assertResultOnly(self, html):
        """No form, no answer button left on the page."""
        body = html[html.index('id="wrapwrap"'):]
        for answer in ("<form", "<textarea", 'name="decision"', "o_portal_signature_form",
                       'name="confirmed_by"', 'name="decided_by"'):
            self.assertNotIn(answer, body)

    def test_after_each_answer_the_page_shows_the_result_only(self):
        html = self.page("scope", "vi_scope", "/confirm", {"confirmed_by": "Trần Thị Mai"})
        self.assertResultOnly(html)
        html = self.page("change", "vi_change_approve", "/decide",
                         {"decided_by": "Trần Thị Mai", "decision": "approve"})
        self.assertResultOnly(html)
        self.assertIn("Được duyệt bởi", html)
        decided = self.read_value("b2b.change.request", "vi_change_approve",
                                  "date_decided")
        self.assertTime(html, decided, "vi_VN")
        html = self.page("change", "en_change_reject", "/decide",
                         {"decided_by": "Tom Lee", "decision": "reject"})
        self.assertResultOnly(html)
        self.assertIn("Rejected by", html)
        html = self.page("acceptance", "en_acceptance_reject", "/reject",
                         {"reason": "The video is missing."})
        self.assertResultOnly(html)
        self.assertIn("The video is missing.", html)
        # Signed through the signature widget: the answer carries the page
        # as accepted, which the widget puts in place of the one shown.
        result = self.sign("vi_acceptance_accept")
        self.assertEqual(result["success"], "Xin cảm ơn: giai đoạn đã được nghiệm thu.")
        content = result["content"]
        self.assertTrue(re.match(r'\s*<div class="container[^"]*o_b2b_acceptance"',
                                 content), content[:200])
        self.assertResultOnly('id="wrapwrap"' + content)
        self.assertIn("Nghiệm thu bởi", content)
        self.assertIn("Trần Thị Mai", content)
        accepted = self.read_value("b2b.acceptance", "vi_acceptance_accept",
                                   "date_accepted")
        self.assertTime(content, accepted, "vi_VN")
        self.assertEqual(self.read_value("b2b.acceptance", "vi_acceptance_accept", "state"),
                         "accepted")
