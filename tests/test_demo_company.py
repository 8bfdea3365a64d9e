# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Vietnamese demo company's customer documents carry neither base's
"Your logo" placeholder nor a state, and its people read Hà Nội's time and
Vietnamese: the demo's own file, read here, and its values applied to the
tests' company (the tests never depend on the demo data being installed)."""

from lxml import etree

from odoo.tools import file_open

from .common_scope import ScopeCase

DEMO_FILE = "b2b_sales_delivery/demo/res_company_demo.xml"


def demo_values(xml_id):
    """{field: eval or text} the demo's company file gives ``xml_id``."""
    with file_open(DEMO_FILE, "rb") as handle:
        record = etree.parse(handle).find(".//record[@id='%s']" % xml_id)
    return {
        field.get("name"): field.get("eval") or field.get("ref") or field.text
        for field in record.findall("field")
    }


class TestDemoCompany(ScopeCase):
    def test_no_placeholder_logo_nor_state_on_customer_documents(self):
        company = demo_values("res_company_anh_duong_demo")
        self.assertEqual(company.get("state_id"), "False")
        self.assertEqual(company.get("logo"), "False")
        partner = demo_values("res_partner_anh_duong_demo")
        self.assertEqual(partner.get("tz"), "Asia/Ho_Chi_Minh")
        self.assertEqual(partner.get("lang"), "vi_VN")
        self.assertEqual(partner.get("country_id"), "base.vn")
        # A company as base makes it (its placeholder logo, a state), then
        # as the demo leaves it.
        company = self.env["res.company"].create(
            {"name": "Công ty TNHH Ánh Dương (thử)", "currency_id": self.env.ref("base.VND").id}
        )
        self.assertTrue(company.uses_default_logo)
        california = self.env["res.country.state"].search(
            [("country_id.code", "=", "US"), ("code", "=", "CA")], limit=1
        )
        company.write(
            {"state_id": california.id, "country_id": self.env.ref("base.vn").id,
             "city": "Hà Nội", "street": "18 Phạm Hùng"}
        )
        report = self.env.ref("b2b_sales_delivery.action_report_b2b_scope")

        def render():
            order = self.order.with_company(company)
            self.order.sudo().company_id = company
            return (
                self.env["ir.actions.report"]
                .with_company(company)
                ._render_qweb_html(report, order.ids)[0]
                .decode()
            )

        html = render()
        self.assertIn("California", html)
        self.assertIn("data:image/png", html)
        company.write({key: False if value == "False" else value
                       for key, value in demo_values("res_company_anh_duong_demo").items()
                       if key in ("state_id", "logo")})
        html = render()
        self.assertIn("Hà Nội", html)
        self.assertNotIn("California", html)
        self.assertNotIn("data:image/png", html)
