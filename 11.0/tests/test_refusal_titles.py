# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The addon's refusals reach the web client as refusals (user, access or
validation errors, which the web client titles by their kind), never as a
server error with a traceback: an RPC call and a printed document."""
import json
import re

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError

from .common import B2BHttpCase
from .common_scope import ScopeCase


class TestReportRefusal(ScopeCase):
    def test_document_of_a_record_the_user_may_not_read(self):
        """The print URL of another salesperson's order: an access error,
        not Odoo 11's QWebException (a server error)."""
        report = self.env.ref("b2b_sales_delivery.action_report_scope")
        with self.assertRaises(AccessError):
            report.sudo(self.salesman_other).render_qweb_html(self.order.ids)
        with self.assertRaises(AccessError):
            report.sudo(self.salesman_other).render_qweb_pdf(self.order.ids)


class TestRefusalOverRpc(B2BHttpCase):
    def setUp(self):
        super().setUp()
        cr = self.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        users = env["res.users"].with_context(no_reset_password=True)
        salesman = users.create({
            "name": "Đỗ Văn Khoa", "login": "b2b_refusal_sales",
            "password": "b2b_refusal_sales",
            "groups_id": [(6, 0, [env.ref("sales_team.group_sale_salesman").id])],
        })
        other = users.create({
            "name": "Lý Thị Nga", "login": "b2b_refusal_other",
            "password": "b2b_refusal_other",
            "groups_id": [(6, 0, [env.ref("sales_team.group_sale_salesman").id])],
        })
        partner = env["res.partner"].create({"name": "Công ty TNHH Hải Âu"})
        self.lead_id = env["crm.lead"].create({
            "name": "Hải Âu - CRM", "type": "opportunity", "partner_id": partner.id,
            "user_id": salesman.id,
            "stage_id": env.ref("b2b_sales_delivery.crm_stage_contact").id,
        }).id
        self.stage_id = env.ref("b2b_sales_delivery.crm_stage_email_sent").id
        self.order_id = env["sale.order"].create({
            "partner_id": partner.id, "user_id": other.id,
        }).id
        cr.commit()
        cr.close()
        page = self.url_open("/web/login").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self.url_open("/web/login", data={
            "login": "b2b_refusal_sales", "password": "b2b_refusal_sales",
            "csrf_token": csrf, "redirect": "/web",
        })

    def rpc(self, url, params):
        response = self.opener.post(
            "http://127.0.0.1:%s%s" % (odoo.tools.config["http_port"], url),
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=self.url_timeout,
        )
        return response.json()

    def test_refused_stage_move_is_a_user_error(self):
        answer = self.rpc("/web/dataset/call_kw/crm.lead/write", {
            "model": "crm.lead", "method": "write",
            "args": [[self.lead_id], {"stage_id": self.stage_id}], "kwargs": {},
        })
        self.assertEqual(answer["error"]["data"]["exception_type"], "user_error")
        self.assertIn("checkpoints are not met", answer["error"]["data"]["message"])

    def test_printing_another_salesperson_order_is_an_access_error(self):
        """What the web client's print menu calls (/report/download)."""
        url = "/report/pdf/b2b_sales_delivery.report_scope/%s" % self.order_id
        csrf = re.search(r'csrf_token: "([^"]+)"', self.url_open("/web").text).group(1)
        response = self.url_open("/report/download", data={
            "data": json.dumps([url, "qweb-pdf"]), "token": "1", "csrf_token": csrf,
        })
        error = json.loads(response.text.replace("&#34;", '"').replace("&quot;", '"'))
        self.assertEqual(error["data"]["exception_type"], "access_error", error)
