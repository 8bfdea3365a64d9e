# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Vietnamese demo company's customer documents carry neither base's
"Your logo" placeholder nor a US state, and its people read Hà Nội's time
and Vietnamese (the demo's own file, applied to the tests' company)."""
import os

from lxml import etree

from odoo.modules.module import get_module_path

from .common_scope import ScopeCase


def demo_values(xml_id):
    """{field: eval or text} the demo's company file gives ``xml_id``."""
    path = os.path.join(get_module_path("b2b_sales_delivery"), "demo",
                        "res_company_demo.xml")
    record = etree.parse(path).find(".//record[@id='%s']" % xml_id)
    return {
        field.get("name"): field.get("eval") if field.get("eval") else field.text
        for field in record.findall("field")
    }


class TestDemoCompany(ScopeCase):
    def test_no_placeholder_logo_nor_us_state_on_customer_documents(self):
        company = demo_values("base.main_company")
        self.assertEqual(company.get("state_id"), "False")
        self.assertEqual(company.get("logo"), "False")
        partner = demo_values("base.main_partner")
        self.assertEqual(partner.get("tz"), "Asia/Ho_Chi_Minh")
        self.assertEqual(partner.get("lang"), "vi_VN")
        # the tests' company as base makes it (a US state, base's logo),
        # then as the demo leaves it
        california = self.env["res.country.state"].search(
            [("country_id.code", "=", "US"), ("name", "=", "California")], limit=1)
        self.order.company_id.sudo().write({
            "state_id": california.id, "country_id": self.env.ref("base.vn").id,
            "city": "Hà Nội",
        })
        self.order.company_id.sudo().write({"state_id": False, "logo": False})
        report = self.env.ref("b2b_sales_delivery.action_report_scope")
        html = report.render_qweb_html(self.order.ids)[0].decode()
        self.assertIn("Hà Nội", html)
        self.assertNotIn("California", html)
        self.assertNotIn("data:image/png", html)
